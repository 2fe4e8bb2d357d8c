/*
 * ob2.h
 *		Open Badges 2.0 assertions (IMS Global / 1EdTech, Open Badges
 *		Specification v2.0, "Verification"): hosted assertions verified
 *		against the documents the registry stored in credreg.hosted_document
 *		(assertion, BadgeClass, Issuer Profile, CryptographicKey,
 *		RevocationList; credreg never fetches), and signed assertions (a JWS,
 *		RS256, whose payload is the assertion and whose verification.creator
 *		names the issuer's CryptographicKey).
 */
#ifndef CREDREG_OB2_H
#define CREDREG_OB2_H

#include "jose/jose.h"
#include "json/json.h"
#include "verify/verify.h"

/* An assertion, checked for shape (the fields verification reads). */
typedef struct CrOb2Assertion
{
	const CrJson *doc;
	const char *id;
	const char *verification_type;	/* "hosted" or "signed" (aliases folded) */
	const char *creator;		/* signed: the CryptographicKey IRI, or NULL */
	const CrJson *badge;		/* IRI string or embedded BadgeClass */
	const char *identity;		/* recipient.identity */
	const char *issued_on;
	const char *expires;		/* NULL when absent */
	bool		revoked;		/* revoked: true */
} CrOb2Assertion;

/* True when doc is an OB 2.0 assertion: its @context is the OB 2.0 one and its type Assertion. */
extern bool crob2_is_assertion(const CrJson *doc);

/*
 * Reads an assertion (OB 2.0 §Assertion: id, recipient, badge,
 * verification, issuedOn required).  Code "malformed".  Pure.
 */
extern bool crob2_read_assertion(const CrJson *doc, CrOb2Assertion *a, CredregFailure *failure);

/* True when revocation list `list` names assertion_id (a string or {id}). */
extern bool crob2_revocation_lists(const CrJson *list, const char *assertion_id);

/* The verifier's dispatch hooks. */
extern void crob2_verify_hosted(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r);
/* A hosted assertion given by its URL: its stored copy, verified as above. */
extern void crob2_verify_hosted_url(const char *url, TimestampTz as_of, bool stop, CrVerification *r);
extern void crob2_verify_signed(const CrJws *jws, CrJson *payload, TimestampTz as_of, bool stop,
								CrVerification *r);

#endif							/* CREDREG_OB2_H */

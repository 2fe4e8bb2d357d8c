/*
 * verify.h
 *		The verifier: detect how a credential is secured, resolve its key,
 *		check the proof, the binding of the key to the issuer, the validity
 *		window at as_of, the status lists and the trust list.
 *
 * Nothing here raises on bad input: every failure becomes an entry of
 * errors (a stable code and a message) and valid = false.
 */
#ifndef CREDREG_VERIFY_H
#define CREDREG_VERIFY_H

#include "credreg.h"
#include "json/json.h"

#include "datatype/timestamp.h"
#include "nodes/pg_list.h"

typedef struct CrVerification
{
	bool		valid;
	const char *format;			/* "vc+jwt", "vc-jwt", "eddsa-jcs-2022", ... */
	const char *issuer;
	const char *key_id;
	const char *subject;
	bool		has_valid_from,
				has_valid_until;
	TimestampTz valid_from,
				valid_until;
	const char *status;			/* active, revoked, suspended, unknown */
	bool		trusted;
	List	   *checks;			/* char *: what ran */
	List	   *errors;			/* char *: "code: message" */
	const char *first_code;		/* code of the first error, or NULL */
	CrJson	   *credential;		/* the credential (JWT claims mapped), or NULL */
} CrVerification;

/*
 * Verify a credential given as text (JWS compact, or JSON).  With
 * stop_at_first set, verification ends at the first failure (is_valid).
 */
extern void cr_verify_text(const char *text, size_t len, TimestampTz as_of,
						   bool stop_at_first, CrVerification *result);

/* The same for a parsed JSON value (a document, or a string holding a JWS). */
extern void cr_verify_json(CrJson *doc, TimestampTz as_of, bool stop_at_first,
						   CrVerification *result);

/*
 * The attributes of the SQL type credreg.verification, in order, for SQL
 * functions that return it (or a type that starts with its attributes).
 */
#define CR_VERIFICATION_NATTS 11
extern void cr_verification_values(const CrVerification *r, Datum *values, bool *nulls);

/*
 * The credential as a tree without verifying it (credreg.credential_payload
 * without raising): a JWT's claims mapped, an SD-JWT's processed payload, or
 * the document without its proof; false with the failure when it does not
 * parse.
 */
extern bool cr_credential_payload(const char *text, size_t len, CrJson **credential,
								  CredregFailure *failure);

/* The issuer id of a credential: issuer or issuer.id. */
extern const char *cr_credential_issuer(const CrJson *cred);

#endif							/* CREDREG_VERIFY_H */

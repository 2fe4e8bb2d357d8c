/*
 * verify_internal.h
 *		What the files of verify/ share.
 */
#ifndef CREDREG_VERIFY_INTERNAL_H
#define CREDREG_VERIFY_INTERNAL_H

#include "crypto/keystore.h"
#include "verify/verify.h"

/* How a key was found, and who controls it. */
typedef struct ResolvedKey
{
	const CrKey *key;
	const char *key_id;
	const char *controller;		/* NULL: embedded in the credential, binding to check */
	const CrRegisteredKey *reg;	/* the registry row, when it came from there */
	bool		issuer_fragment;	/* carried as <issuer id>#<multibase key> */
} ResolvedKey;

/* Records a failure; returns false. */
extern bool cr_verify_fail(CrVerification *r, const char *code, const char *message);
extern void cr_verify_check(CrVerification *r, const char *check);

/*
 * Checks every credentialStatus entry of cred as of as_of; sets r->status
 * and records revoked / suspended / status_unavailable failures.  False
 * when one was recorded.
 */
extern bool cr_verify_status(const CrJson *cred, TimestampTz as_of, CrVerification *r);

/* The credential's issuer into r->issuer, or a "malformed" failure. */
extern bool cr_verify_take_issuer(CrJson *cred, CrVerification *r);

/*
 * What follows a verified proof that involves no key (Blockcerts): the
 * subject, validity window, status lists and trust list.
 */
extern void cr_verify_credential_checks(CrJson *cred, TimestampTz as_of, bool stop,
										CrVerification *r);

/*
 * Key resolution and issuer binding as the JWS and Data Integrity paths do
 * them, for the other formats (sdjwt/): a kid or verification method
 * resolved (did:key / did:jwk inline, credreg.issuer_key, <issuer>#<key>),
 * then bound to the issuer (and the registry row's lifetime checked).
 */
extern bool cr_verify_resolve_key(const char *vm, const char *issuer, ResolvedKey *rk,
								  CredregFailure *f);
extern bool cr_verify_bind_key(ResolvedKey *rk, const char *issuer, TimestampTz as_of,
							   CrVerification *r);

/*
 * For the JWS-secured formats (jwt_claims.c): the key a JWS header names
 * (kid, else jwk) and a NumericDate claim (absent is fine).
 */
struct CrJws;
extern bool cr_verify_jws_key(const struct CrJws *jws, const char *signer, ResolvedKey *rk,
							  CrVerification *r);
extern bool cr_verify_date_claim(const CrJson *claims, const char *name, const char *code,
								 bool *has, TimestampTz *ts, CrVerification *r);

/*
 * credentialSchema (src/schema/credential_schema.c): JsonSchema and
 * JsonSchemaCredential entries checked against credreg.credential_schema;
 * records schema_invalid / schema_unusable, false when one was recorded.
 */
extern bool cr_verify_credential_schema(const CrJson *cred, bool stop, CrVerification *r);

/* The trust list: sets r->trusted, records untrusted_issuer. */
extern void cr_verify_trust(const char *issuer, TimestampTz as_of, CrVerification *r);

#endif							/* CREDREG_VERIFY_INTERNAL_H */

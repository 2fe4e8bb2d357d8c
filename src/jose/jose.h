/*
 * jose.h
 *		JWS compact serialization (RFC 7515 §7.1): splitting, header checks
 *		with an explicit algorithm allow-list, signature verification over
 *		the received bytes, signing; and the mapping of JWT claims to a
 *		credential (VC-JOSE `vc+jwt`, VC-JWT 1.1 `vc` claim).
 *
 * Nothing here raises on bad input: functions return false and fill a
 * CredregFailure with a stable code.
 */
#ifndef CREDREG_JOSE_H
#define CREDREG_JOSE_H

#include "credreg.h"
#include "crypto/crypto.h"
#include "json/json.h"

/* A JWS in compact form, split but with the payload not yet decoded. */
typedef struct CrJws
{
	const char *text;			/* the whole JWS, not copied */
	size_t		len;
	size_t		header_len;		/* bytes of BASE64URL(header) */
	size_t		signing_input_len;	/* bytes of header '.' payload */
	const char *payload_b64;	/* inside text */
	size_t		payload_b64_len;
	uint8	   *sig;			/* decoded signature */
	size_t		siglen;
	CrJson	   *header;			/* the protected header */
	CrSigAlg	alg;
	const char *kid;			/* header members, NULL when absent */
	const char *typ;
	const CrJson *jwk;
} CrJws;

/*
 * Split and check a compact JWS: three base64url parts, a JSON object
 * header whose `alg` is on the allow-list (EdDSA, ES256, ES384, RS256,
 * PS256, ES256K), no `crit` extension.  Codes: "malformed", "algorithm_refused".
 */
extern bool crjws_parse(const char *text, size_t len, CrJws *jws, CredregFailure *failure);

/* crjws_parse in two steps: split and decode the signature; read the header. */
extern bool crjws_split(const char *text, size_t len, CrJws *jws, CredregFailure *failure);
extern bool crjws_header(CrJws *jws, CredregFailure *failure);

/*
 * Verify the signature over the received bytes BASE64URL(header) '.'
 * BASE64URL(payload).  Codes: "key_mismatch" (alg does not fit the key),
 * "signature_invalid".
 */
extern bool crjws_verify(const CrJws *jws, const CrKey *key, CredregFailure *failure);

/* Decode the payload (bytes, not parsed). */
extern bool crjws_payload_bytes(const CrJws *jws, uint8 **payload, size_t *len, CredregFailure *failure);

/* Sign: a compact JWS with the given protected header JSON text and payload. */
extern char *crjws_sign(const CrKey *key, CrSigAlg alg, const char *header_json,
						const uint8 *payload, size_t payload_len);

/* How the payload carries the credential. */
typedef enum CrJwtKind
{
	CRJWT_VC_JOSE,				/* payload is the credential (typ vc+jwt) */
	CRJWT_VC_JWT11				/* VC-JWT 1.1: the credential is the `vc` claim */
} CrJwtKind;

/*
 * The credential a JWT payload carries, with the registered claims mapped
 * onto it as VC-JWT 1.1 §6.3.1 says (iss -> issuer, sub ->
 * credentialSubject.id, jti -> id, nbf -> validFrom/issuanceDate, exp ->
 * validUntil/expirationDate).  A claim that contradicts the credential is an
 * error: "issuer_mismatch" for iss, "claim_mismatch" for the others;
 * "malformed" when the payload carries no credential.
 */
extern bool crjwt_credential(const CrJws *jws, CrJson *payload, CrJson **credential,
							 CrJwtKind *kind, CredregFailure *failure);

/* The credential's issuer id: the issuer string or issuer.id; NULL if none. */
extern const char *crjwt_issuer_id(const CrJson *cred);

#endif							/* CREDREG_JOSE_H */

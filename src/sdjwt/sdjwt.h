/*
 * sdjwt.h
 *		SD-JWT (RFC 9901, ../shared/specs/sd-jwt.md) and SD-JWT VC
 *		(draft-ietf-oauth-sd-jwt-vc, sd-jwt-vc.md): splitting the compact
 *		form, processing disclosures into the Processed SD-JWT Payload,
 *		verifying the issuer signature and the Key Binding JWT, and issuing.
 *
 * The public face for the rest of credreg: cr_sdjwt_verify is what
 * credreg.verify dispatches to for a text with a '~' (a JWS never has one),
 * and what a presentation verifier calls with key binding required.
 * Nothing here raises on bad input: failures are CredregFailure codes (the
 * parser) or entries of CrVerification.errors (the verifier).
 *
 * Failure codes added by SD-JWT (README, section SD-JWT VC):
 *   malformed                 not <JWT>~<disclosure>~...~[<KB-JWT>], or a
 *                             payload that breaks RFC 9901 §4.1 / §4.2
 *   disclosure_malformed      a disclosure is not base64url of a JSON array
 *                             [salt, name, value] / [salt, value], or names
 *                             _sd / ..., or is the wrong kind for where its
 *                             digest sits (§7.1 step 3.3)
 *   disclosure_unreferenced   no digest refers to it (§7.1 step 5): forged,
 *                             modified, or from another SD-JWT
 *   disclosure_duplicated     the same disclosure sent twice (§4)
 *   digest_duplicated         a digest appears twice (§7.1 step 4)
 *   claim_conflict            a disclosed claim name exists already at its
 *                             level (§7.1 step 3.3.2.3)
 *   claim_not_disclosable     SD-JWT VC: iss, nbf, exp, cnf, vct, vct#integrity, status
 *                             were selectively disclosed (sd-jwt-vc §3.2.2.2)
 *   sd_alg_unsupported        _sd_alg other than sha-256 / sha-384
 *   kb_missing                key binding required but no KB-JWT
 *   kb_malformed              KB-JWT not a JWS, not typ kb+jwt, or without
 *                             iat, aud, nonce, sd_hash of the right types
 *   kb_signature_invalid      KB-JWT not signed by the cnf key
 *   holder_key_missing        a KB-JWT to check but no usable cnf.jwk
 *   sd_hash_mismatch          sd_hash is not the hash of the presented bytes
 *   challenge_mismatch        KB-JWT nonce is not the expected challenge
 *   domain_mismatch           KB-JWT aud is not the expected domain
 *   presentation_expired      KB-JWT exp, or iat older than max_kb_age
 *   presentation_not_yet_valid KB-JWT iat (or nbf) after as_of
 * and the issuer JWT's own: those of verify.h (signature_invalid,
 * key_unresolved, issuer_mismatch, expired, not_yet_valid, ...).
 */
#ifndef CREDREG_SDJWT_H
#define CREDREG_SDJWT_H

#include "credreg.h"
#include "crypto/crypto.h"
#include "json/json.h"
#include "verify/verify.h"

#include "datatype/timestamp.h"

/* An SD-JWT split at its '~' separators; pointers into the text. */
typedef struct CrSdJwt
{
	const char *text;
	size_t		len;
	const char *jwt;			/* the issuer-signed JWT */
	size_t		jwt_len;
	int			ndisclosures;
	const char **disclosures;	/* each base64url, not NUL-terminated */
	size_t	   *disclosure_lens;
	const char *kb;				/* the KB-JWT, NULL when the text ends with '~' */
	size_t		kb_len;
	size_t		presented_len;	/* bytes up to and including the last '~' (sd_hash input) */
} CrSdJwt;

/* The hash algorithms of _sd_alg that credreg understands. */
typedef enum CrSdAlg
{
	CRSD_SHA256,
	CRSD_SHA384
} CrSdAlg;

/* Split text; false with "malformed" when it is not an SD-JWT[+KB]. */
extern bool cr_sdjwt_split(const char *text, size_t len, CrSdJwt *sd, CredregFailure *failure);

/* True when text (trimmed) has the shape of an SD-JWT: a '~' after a JWS. */
extern bool cr_sdjwt_looks_like(const char *text, size_t len);

/* _sd_alg of an issuer payload (sha-256 when absent); "sd_alg_unsupported". */
extern bool cr_sdjwt_payload_alg(const CrJson *payload, CrSdAlg *alg, CredregFailure *failure);

/* base64url(hash(data)) with alg: a disclosure digest or an sd_hash. */
extern char *cr_sdjwt_digest(CrSdAlg alg, const char *data, size_t len);

/*
 * RFC 9901 §7.1 step 3 to 5: the Processed SD-JWT Payload from the issuer
 * JWT's (verified) payload and the presented disclosures: disclosed claims
 * and array elements put in place (recursively), undisclosed array elements
 * dropped, _sd and _sd_alg removed.  With vc set, the claims SD-JWT VC
 * forbids to disclose are refused.  The result is a new tree; payload is
 * not changed.
 */
extern bool cr_sdjwt_process(const CrSdJwt *sd, const CrJson *payload, CrSdAlg alg, bool vc,
							 CrJson **processed, CredregFailure *failure);

/* What a verifier expects of the presentation. */
typedef struct CrSdJwtExpect
{
	bool		require_key_binding;	/* no KB-JWT is then "kb_missing" */
	const char *nonce;			/* KB-JWT nonce must equal it; NULL: not compared */
	const char *audience;		/* KB-JWT aud must equal it; NULL: not compared */
	int64		max_kb_age_seconds; /* iat at most this old at as_of; 0: no limit */
} CrSdJwtExpect;

/*
 * Verify an SD-JWT VC (typ dc+sd-jwt or vc+sd-jwt) as of as_of: the issuer
 * signature under the key its kid names (resolved and bound to iss as for
 * vc+jwt), the disclosures, iat / nbf / exp, the KB-JWT when present or
 * required, the trust list.  r must have been initialized (valid = true);
 * r->credential is the Processed SD-JWT Payload (only what was disclosed),
 * r->subject its sub, r->issuer its iss.  *key_bound (when not NULL) tells
 * whether a KB-JWT verified.
 */
extern void cr_sdjwt_verify(const char *text, size_t len, TimestampTz as_of,
							const CrSdJwtExpect *expect, bool stop_at_first,
							CrVerification *r, bool *key_bound);

/*
 * The Processed SD-JWT Payload without checking signatures (for
 * credreg.credential_payload): disclosures are still matched to digests.
 */
extern bool cr_sdjwt_payload_unverified(const char *text, size_t len, CrJson **processed,
										CredregFailure *failure);

#endif							/* CREDREG_SDJWT_H */

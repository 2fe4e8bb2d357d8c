/*
 * present.h
 *		Verifiable Presentations: a holder presents credentials to a
 *		verifier, bound to the verifier's challenge and domain.
 *
 * Formats (cr_present_verify detects which):
 *   vp-jwt      VC-JWT 1.1 presentation: a JWS whose payload has a `vp`
 *               claim; nonce = challenge, aud = domain (VC-JWT 1.1 §6.3.2)
 *   vp+jwt      VC-JOSE-COSE presentation (typ vp+jwt): the payload is the
 *               presentation, credentials are EnvelopedVerifiableCredential
 *               entries (data: URLs, VC-JOSE-COSE §3.3)
 *   <suite>     Data Integrity presentation: a proof with proofPurpose
 *               authentication carrying challenge and domain
 *               (vc-data-integrity §4.3, §4.5)
 *   dc+sd-jwt   an SD-JWT VC with its Key Binding JWT (required)
 *
 * Holder binding: the presentation is signed by the holder (the key's
 * controller is the holder: iss / holder), and each credential's subject is
 * the holder.  Each embedded credential is verified as credreg.verify does
 * and reported on its own; one bad credential makes the presentation
 * invalid, and the presentation's errors say which.
 *
 * Failure codes of the presentation itself (README, section Presentations):
 *   malformed, unsupported_format    not a presentation credreg reads
 *   key_unresolved, signature_invalid, algorithm_refused, key_mismatch
 *                                    the presentation's own signature
 *   proof_purpose                    a Data Integrity proof not for authentication
 *   holder_mismatch                  signer, holder and credential subjects differ
 *   challenge_mismatch               nonce / proof.challenge is not the challenge
 *   domain_mismatch                  aud / proof.domain does not name the domain
 *   presentation_expired             exp / proof.expires before as_of
 *   presentation_not_yet_valid       nbf / iat / proof.created after as_of
 *   credential_malformed             an entry of verifiableCredential is not a credential
 *   credential_invalid               an embedded credential does not verify
 * and, for an SD-JWT VC, the codes of sdjwt.h.
 */
#ifndef CREDREG_PRESENT_H
#define CREDREG_PRESENT_H

#include "credreg.h"
#include "json/json.h"
#include "verify/verify.h"

#include "datatype/timestamp.h"

typedef struct CrPresentation
{
	CrVerification self;		/* valid, format, key_id, checks, errors of the presentation */
	const char *holder;
	int			ncredentials;
	CrVerification *credentials;	/* one per embedded credential, in order */
} CrPresentation;

/* What the verifier expects; NULL members are not compared. */
typedef struct CrPresentExpect
{
	const char *challenge;
	const char *domain;
} CrPresentExpect;

/* Verify a presentation given as text (JWS, SD-JWT, or JSON). */
extern void cr_present_verify(const char *text, size_t len, const CrPresentExpect *expect,
							  TimestampTz as_of, CrPresentation *p);

/* present_jwt.c: a JWS presentation (VC-JWT 1.1 or vp+jwt). */
extern void cr_present_jws(const char *text, size_t len, const CrPresentExpect *expect,
						   TimestampTz as_of, CrPresentation *p);

/* present_di.c: a Data Integrity presentation. */
extern void cr_present_document(CrJson *doc, const CrPresentExpect *expect,
								TimestampTz as_of, CrPresentation *p);

/*
 * present.c, for the formats: verify every entry of verifiableCredential (a
 * value or an array) and its subject's binding to the holder.
 */
extern void cr_present_credentials(const CrJson *vcs, TimestampTz as_of, CrPresentation *p);

/*
 * The key that signed the presentation belongs to the holder: its
 * controller is the holder, or (a key carried by the presentation) it is
 * the holder's registered key or the key of the holder's did:key.
 */
struct ResolvedKey;
extern bool cr_present_bind_holder(struct ResolvedKey *rk, TimestampTz as_of, CrPresentation *p);

/* present_parse.c: the id of a holder value: a string, or an object's id; NULL otherwise. */
extern const char *cr_present_holder_id(const CrJson *holder);

/*
 * present_parse.c: the credential in the data: URL of an
 * EnvelopedVerifiableCredential (VC-JOSE-COSE §3.3): *text points into url.
 * Codes: "credential_malformed" (not a data: URL), "unsupported_format" (a
 * media type other than vc+jwt, vc-ld+jwt, vc+sd-jwt, dc+sd-jwt).
 */
extern bool cr_present_envelope(const char *url, const char **text, size_t *len,
								 CredregFailure *failure);

#endif							/* CREDREG_PRESENT_H */

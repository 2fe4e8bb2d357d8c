/*
 * sdjwt_issue.h
 *		Issuing SD-JWT VCs and presenting them with key binding (the
 *		registrar's and the test suite's side; verifiers use sdjwt.h).
 */
#ifndef CREDREG_SDJWT_ISSUE_H
#define CREDREG_SDJWT_ISSUE_H

#include "sdjwt/sdjwt.h"

/*
 * An SD-JWT VC (typ dc+sd-jwt, _sd_alg sha-256) of claims, with the claims
 * and array elements that the JSON pointers name selectively disclosable
 * (a pointer below another makes a recursive disclosure), ndecoys decoy
 * digests at the top level, cnf.jwk the holder's key when given, signed
 * with key under kid.  Returns <JWT>~<disclosure>~...~ (every disclosure).
 */
extern char *cr_sdjwt_issue(const CrJson *claims, const char *const *pointers, int npointers,
							const CrKey *key, const char *kid, const CrKey *holder, int ndecoys);

/*
 * The SD-JWT (ending with '~', with the disclosures to present) followed by
 * a KB-JWT signed with holder: iat, aud, nonce, sd_hash.
 */
extern char *cr_sdjwt_present(const char *sdjwt, size_t len, const CrKey *holder,
							  const char *nonce, const char *audience, int64 iat);

#endif							/* CREDREG_SDJWT_ISSUE_H */

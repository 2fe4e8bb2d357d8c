/*
 * verify_internal.h
 *		What the files of verify/ share.
 */
#ifndef CREDREG_VERIFY_INTERNAL_H
#define CREDREG_VERIFY_INTERNAL_H

#include "verify/verify.h"

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

#endif							/* CREDREG_VERIFY_INTERNAL_H */

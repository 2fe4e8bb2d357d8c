/*
 * jcs_suites.c
 *		The cryptosuites whose transformation is RFC 8785 JCS:
 *		eddsa-jcs-2022 (vc-di-eddsa §3.3) and ecdsa-jcs-2019 (vc-di-ecdsa
 *		§3.3, P-256 with SHA-256 and P-384 with SHA-384).
 */
#include "postgres.h"

#include "dataint/dataint.h"

void		crdi_register_jcs_suites(void);

/* Transformation §3.3.3 step 2 and Proof Configuration §3.3.5 step 4 */
static bool
jcs_canonicalize(const CrJson *doc, bool hash_sha384, StringInfo out, CredregFailure *failure)
{
	return crjcs_append(out, doc, failure);
}

static const CrDiSuite eddsa_jcs_2022 = {
	.cryptosuite = "eddsa-jcs-2022",
	.key_types = (1 << CRKEY_ED25519),
	.canonicalize = jcs_canonicalize,
	.proof_context_prefix = true,
};

static const CrDiSuite ecdsa_jcs_2019 = {
	.cryptosuite = "ecdsa-jcs-2019",
	.key_types = (1 << CRKEY_P256) | (1 << CRKEY_P384),
	.canonicalize = jcs_canonicalize,
	.proof_context_prefix = true,
};

void
crdi_register_jcs_suites(void)
{
	crdi_register_suite(&eddsa_jcs_2022);
	crdi_register_suite(&ecdsa_jcs_2019);
}

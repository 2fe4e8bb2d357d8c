/*
 * present_di.c
 *		Data Integrity presentations (vc-data-integrity §4.3 "Verify
 *		Proof", §2.1 proof options challenge and domain): every proof is by
 *		the holder, for authentication, bound to the verifier's challenge
 *		and domain, and unexpired.  The proofs' mathematics are dataint/'s.
 */
#include "postgres.h"

#include <string.h>

#include "dataint/dataint.h"
#include "present/present.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

/* proof.domain: a string or an array of strings (§2.1) that holds the domain. */
static bool
domain_has(const CrJson *domain, const char *expected)
{
	if (domain == NULL)
		return false;
	if (domain->kind == CRJ_STRING)
		return strcmp(domain->u.str, expected) == 0;
	if (domain->kind == CRJ_ARRAY)
		for (int i = 0; i < domain->count; i++)
			if (crjson_is_string(domain->u.elems[i], expected))
				return true;
	return false;
}

static bool
is_presentation(const CrJson *doc)
{
	const CrJson *type = crjson_get(doc, "type");

	if (crjson_is_string(type, "VerifiablePresentation"))
		return true;
	if (type != NULL && type->kind == CRJ_ARRAY)
		for (int i = 0; i < type->count; i++)
			if (crjson_is_string(type->u.elems[i], "VerifiablePresentation"))
				return true;
	return false;
}

void
cr_present_document(CrJson *doc, const CrPresentExpect *expect, TimestampTz as_of,
					CrPresentation *p)
{
	CrDiProof  *proofs;
	int			nproofs;
	CredregFailure f;
	const char *suite = NULL;

	p->self.format = "data-integrity";
	if (doc->kind != CRJ_OBJECT || !is_presentation(doc))
	{
		cr_verify_fail(&p->self, "unsupported_format",
					   "the JSON document is not a VerifiablePresentation");
		return;
	}
	if (!crdi_proofs(doc, &proofs, &nproofs, &f))
	{
		cr_verify_fail(&p->self, f.code, f.message);
		return;
	}
	for (int i = 0; i < nproofs; i++)
	{
		if (suite == NULL)
			suite = proofs[i].cryptosuite;
		else if (strcmp(suite, proofs[i].cryptosuite) != 0)
			suite = "data-integrity";
	}
	p->self.format = suite;
	p->holder = cr_present_holder_id(crjson_get(doc, "holder"));
	if (crjson_get(doc, "holder") != NULL && p->holder == NULL)
	{
		cr_verify_fail(&p->self, "malformed", "holder is neither a string nor an object with an id");
		return;
	}

	cr_verify_check(&p->self, "proof");
	for (int i = 0; i < nproofs; i++)
	{
		CrDiProof  *pr = &proofs[i];
		ResolvedKey rk;
		const char *challenge;

		if (strcmp(pr->purpose, "authentication") != 0)
		{
			cr_verify_fail(&p->self, "proof_purpose",
						   psprintf("proofPurpose is \"%s\", not authentication", pr->purpose));
			continue;
		}
		if (pr->suite == NULL)
		{
			cr_verify_fail(&p->self, "unsupported_format",
						   psprintf("cryptosuite \"%s\" is not supported", pr->cryptosuite));
			continue;
		}
		if (!cr_verify_resolve_key(pr->verification_method, p->holder, &rk, &f))
		{
			cr_verify_fail(&p->self, f.code, f.message);
			continue;
		}
		if (p->self.key_id == NULL)
			p->self.key_id = rk.key_id;
		if (!crdi_verify_proof(doc, proofs, nproofs, i, rk.key, &f))
		{
			cr_verify_fail(&p->self, f.code, f.message);
			continue;
		}

		/* the signer is the holder (a presentation without holder: the signer) */
		if (p->holder == NULL)
			p->holder = rk.controller;
		if (p->holder == NULL)
			cr_verify_fail(&p->self, "holder_mismatch",
						   "the presentation names no holder and its verification method has no controller");
		else
			cr_present_bind_holder(&rk, as_of, p);

		challenge = crjson_get_string(pr->proof, "challenge");
		if (expect->challenge != NULL &&
			(challenge == NULL || strcmp(challenge, expect->challenge) != 0))
			cr_verify_fail(&p->self, "challenge_mismatch",
						   challenge == NULL ? "the proof has no challenge" :
						   "the proof's challenge is not the expected challenge");
		if (expect->domain != NULL && !domain_has(crjson_get(pr->proof, "domain"), expect->domain))
			cr_verify_fail(&p->self, "domain_mismatch",
						   psprintf("the proof's domain does not name %s", expect->domain));
		if (pr->has_expires && as_of >= pr->expires)
			cr_verify_fail(&p->self, "presentation_expired",
						   psprintf("the proof expired at %s", timestamp_to_xsd(pr->expires)));
		if (pr->has_created && as_of < pr->created)
			cr_verify_fail(&p->self, "presentation_not_yet_valid",
						   psprintf("the proof was created at %s", timestamp_to_xsd(pr->created)));
	}
	cr_present_credentials(crjson_get(doc, "verifiableCredential"), as_of, p);
}

/*
 * rdfc_suites.c
 *		The cryptosuites whose transformation is JSON-LD toRdf followed by
 *		RDFC-1.0 canonical N-Quads: eddsa-rdfc-2022 (vc-di-eddsa §3.2),
 *		its legacy name eddsa-2022, Ed25519Signature2020 (the legacy suite of
 *		vc-di-eddsa §4 and ed25519-signature-2020), and ecdsa-rdfc-2019
 *		(vc-di-ecdsa §3.2: P-256 with SHA-256, P-384 with SHA-384, which is
 *		then also the hash of RDFC-1.0's blank node labelling).
 *
 * JSON-LD is processed in safe mode: a term the contexts do not define, a
 * relative type IRI or a value expansion would drop fails with
 * "jsonld_dropped_term" rather than being signed or verified as absent
 * (vc-data-integrity §4.4, "Safe Mode"; VC 2.0 §4.2).  Contexts come only
 * from table credreg.context ("context_unknown" otherwise).
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "dataint/dataint.h"
#include "jsonld/jsonld.h"
#include "rdf/rdf.h"

void		crdi_register_rdfc_suites(void);

/*
 * Transformation (vc-di-eddsa §3.2.3 step 2, vc-di-ecdsa §3.2.3 step 2) and
 * Proof Configuration (§3.2.5 step 6): deserialize to RDF, then RDFC-1.0.
 * The dataset lives in a scratch memory context dropped at the end; out
 * keeps its own.
 */
bool
crdi_rdfc_canonicalize(const CrJson *doc, bool hash_sha384, StringInfo out,
					  CredregFailure *failure)
{
	MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext,
												  "credreg rdfc transformation",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(scratch);
	RdfDataset *ds;
	CredregFailure f;
	bool		ok;

	ds = rdf_dataset_create();
	ok = credreg_jsonld_to_dataset(doc, NULL, true, ds, &f) &&
		rdfc_canonicalize(ds, hash_sha384 ? RDFC_SHA384 : RDFC_SHA256,
						  out, NULL, NULL, &f);
	MemoryContextSwitchTo(old);
	if (!ok && failure != NULL)
	{
		failure->code = f.code;
		failure->message = f.message ? pstrdup(f.message) : NULL;
	}
	MemoryContextDelete(scratch);
	return ok;
}

static const CrDiSuite eddsa_rdfc_2022 = {
	.cryptosuite = "eddsa-rdfc-2022",
	.key_types = (1 << CRKEY_ED25519),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
};

/*
 * The name the suite had in drafts of vc-di-eddsa before 2023; proofs made
 * under it are eddsa-rdfc-2022 proofs (the proof configuration keeps the
 * name it carries).  The verifier notes the legacy name in its checks.
 */
static const CrDiSuite eddsa_2022 = {
	.cryptosuite = "eddsa-2022",
	.key_types = (1 << CRKEY_ED25519),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
	.verify_only = true,
	.note = "legacy_cryptosuite: eddsa-2022 verified as eddsa-rdfc-2022",
};

/*
 * Ed25519Signature2020: a proof of that type (no cryptosuite), proofValue
 * multibase base58-btc, the proof configuration taking the document's
 * @context (which brings https://w3id.org/security/suites/ed25519-2020/v1);
 * same transformation and hashing as eddsa-rdfc-2022.
 */
static const CrDiSuite ed25519_signature_2020 = {
	.cryptosuite = "Ed25519Signature2020",
	.key_types = (1 << CRKEY_ED25519),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
	.verify_only = true,
};

static const CrDiSuite ecdsa_rdfc_2019 = {
	.cryptosuite = "ecdsa-rdfc-2019",
	.key_types = (1 << CRKEY_P256) | (1 << CRKEY_P384),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
};

void
crdi_register_rdfc_suites(void)
{
	crdi_register_suite(&eddsa_rdfc_2022);
	crdi_register_suite(&eddsa_2022);
	crdi_register_suite(&ed25519_signature_2020);
	crdi_register_suite(&ecdsa_rdfc_2019);
}

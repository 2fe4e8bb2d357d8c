/*
 * proof.c
 *		Data Integrity proofs: the proof set, proof configuration,
 *		transformation and hashing common to the suites, verification and
 *		creation (vc-data-integrity §4.2-4.5; vc-di-eddsa §3.3; vc-di-ecdsa
 *		§3.3).
 */
#include "postgres.h"

#include <string.h>

#include "dataint/dataint.h"
#include "util/encoding.h"
#include "util/datetime.h"

#define MAX_SUITES 16

static const CrDiSuite *suites[MAX_SUITES];
static int	nsuites;

void
crdi_register_suite(const CrDiSuite *suite)
{
	for (int i = 0; i < nsuites; i++)
	{
		if (strcmp(suites[i]->cryptosuite, suite->cryptosuite) == 0)
		{
			suites[i] = suite;
			return;
		}
	}
	if (nsuites >= MAX_SUITES)
		elog(ERROR, "too many Data Integrity cryptosuites registered");
	suites[nsuites++] = suite;
}

const CrDiSuite *
crdi_find_suite(const char *cryptosuite)
{
	static bool builtin_registered = false;

	if (!builtin_registered)
	{
		builtin_registered = true;
		crdi_register_jcs_suites();
		crdi_register_rdfc_suites();
		crdi_register_ecdsa_sd_suite();
		crdi_register_secp256k1_suite();
	}
	for (int i = 0; i < nsuites; i++)
		if (strcmp(suites[i]->cryptosuite, cryptosuite) == 0)
			return suites[i];
	return NULL;
}

static CrJson *
make_array(int n)
{
	CrJson	   *a = palloc0(sizeof(CrJson));

	a->kind = CRJ_ARRAY;
	a->count = 0;
	a->u.elems = palloc0(sizeof(CrJson *) * Max(n, 1));
	return a;
}

static bool
proof_string(const CrJson *proof, const char *name, bool required,
			 const char **value, CredregFailure *failure)
{
	const CrJson *v = crjson_get(proof, name);

	*value = NULL;
	if (v == NULL)
		return required ? credreg_fail(failure, "malformed", "proof has no \"%s\"", name) : true;
	if (v->kind != CRJ_STRING)
		return credreg_fail(failure, "malformed", "proof \"%s\" is not a string", name);
	*value = v->u.str;
	return true;
}

static bool
find_proof(CrDiProof *proofs, int nproofs, const CrJson *ref, int *index, CredregFailure *failure)
{
	if (ref->kind != CRJ_STRING)
		return credreg_fail(failure, "malformed", "previousProof is neither a string nor a list of strings");
	for (int j = 0; j < nproofs; j++)
	{
		if (proofs[j].id != NULL && strcmp(proofs[j].id, ref->u.str) == 0)
		{
			*index = j;
			return true;
		}
	}
	/* vc-data-integrity §4.5 step 3.2: an unknown reference is an error */
	return credreg_fail(failure, "malformed", "previousProof \"%s\" names no proof of the proof set",
						ref->u.str);
}

bool
crdi_proofs(const CrJson *doc, CrDiProof **result, int *nresult, CredregFailure *failure)
{
	const CrJson *pv;
	const CrJson *const *items;
	int			n;
	CrDiProof  *proofs;

	if (doc->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "a credential must be a JSON object");
	pv = crjson_get(doc, "proof");
	if (pv == NULL)
		return credreg_fail(failure, "unsupported_format", "the credential carries no proof");
	if (pv->kind == CRJ_ARRAY)
	{
		n = pv->count;
		items = (const CrJson *const *) pv->u.elems;
	}
	else
	{
		n = 1;
		items = (const CrJson *const *) &pv;
	}
	if (n == 0)
		return credreg_fail(failure, "unsupported_format", "the credential's proof set is empty");
	if (n > credreg_max_proofs)
		return credreg_fail(failure, "malformed",
							"the credential has %d proofs, more than credreg.max_proofs (%d)",
							n, credreg_max_proofs);

	proofs = palloc0(sizeof(CrDiProof) * n);
	for (int i = 0; i < n; i++)
	{
		CrDiProof  *p = &proofs[i];
		const char *type;
		const char *created,
				   *expires;

		p->proof = items[i];
		if (p->proof->kind != CRJ_OBJECT)
			return credreg_fail(failure, "malformed", "a proof is not a JSON object");
		if (!proof_string(p->proof, "type", true, &type, failure) ||
			!proof_string(p->proof, "id", false, &p->id, failure) ||
			!proof_string(p->proof, "cryptosuite", false, &p->cryptosuite, failure) ||
			!proof_string(p->proof, "verificationMethod", true, &p->verification_method, failure) ||
			!proof_string(p->proof, "proofPurpose", true, &p->purpose, failure) ||
			!proof_string(p->proof, "jws", false, &p->jws, failure) ||
			/* the Linked Data Signatures suites carry "jws" instead */
			!proof_string(p->proof, "proofValue", p->jws == NULL, &p->proof_value, failure) ||
			!proof_string(p->proof, "created", false, &created, failure) ||
			!proof_string(p->proof, "expires", false, &expires, failure))
			return false;
		if (strcmp(type, "DataIntegrityProof") == 0)
		{
			if (p->cryptosuite == NULL)
				return credreg_fail(failure, "malformed", "a DataIntegrityProof has no \"cryptosuite\"");
		}
		else
			p->cryptosuite = type;	/* legacy suites are named by their type */
		p->suite = crdi_find_suite(p->cryptosuite);

		/* vc-di-eddsa §3.3.5 step 3: created must be an xsd:dateTime */
		if (created != NULL)
		{
			p->has_created = true;
			if (!xsd_datetime_parse(created, strlen(created), &p->created, "proof created", failure))
				return false;
		}
		if (expires != NULL)
		{
			p->has_expires = true;
			if (!xsd_datetime_parse(expires, strlen(expires), &p->expires, "proof expires", failure))
				return false;
		}
	}

	/* previousProof references, resolved once all ids are known */
	for (int i = 0; i < n; i++)
	{
		CrDiProof  *p = &proofs[i];
		const CrJson *prev = crjson_get(p->proof, "previousProof");

		if (prev == NULL)
			continue;
		if (prev->kind == CRJ_ARRAY)
		{
			p->previous = palloc(sizeof(int) * Max(prev->count, 1));
			for (int k = 0; k < prev->count; k++)
				if (!find_proof(proofs, n, prev->u.elems[k], &p->previous[p->nprevious++], failure))
					return false;
		}
		else
		{
			p->previous = palloc(sizeof(int));
			if (!find_proof(proofs, n, prev, &p->previous[p->nprevious++], failure))
				return false;
		}
		for (int k = 0; k < p->nprevious; k++)
			if (p->previous[k] == i)
				return credreg_fail(failure, "malformed", "a proof names itself as previousProof");
	}

	*result = proofs;
	*nresult = n;
	return true;
}

/* A JSON-LD @context value as a list of entries. */
static void
context_items(const CrJson *const *ctxp, const CrJson *const **items, int *n)
{
	const CrJson *ctx = *ctxp;

	if (ctx->kind == CRJ_ARRAY)
	{
		*items = (const CrJson *const *) ctx->u.elems;
		*n = ctx->count;
	}
	else
	{
		*items = ctxp;
		*n = 1;
	}
}

static bool
same_json(const CrJson *a, const CrJson *b)
{
	StringInfoData x,
				y;
	bool		same;

	if (a->kind == CRJ_STRING && b->kind == CRJ_STRING)
		return a->count == b->count && memcmp(a->u.str, b->u.str, a->count) == 0;
	initStringInfo(&x);
	initStringInfo(&y);
	if (!crjcs_append(&x, a, NULL) || !crjcs_append(&y, b, NULL))
		return false;
	same = x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
	pfree(x.data);
	pfree(y.data);
	return same;
}

bool
crdi_hash(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
		  CrKeyType key_type, CrDiHashing *h, CredregFailure *failure)
{
	const CrDiProof *p = &proofs[i];
	const CrDiSuite *suite = p->suite;
	CrJson	   *unsecured;
	CrJson	   *options;
	const CrJson *pctx;
	bool		sha384 = (key_type == CRKEY_P384);

	if (suite == NULL)
		return credreg_fail(failure, "unsupported_format",
							"cryptosuite \"%s\" is not supported", p->cryptosuite);

	/* §4.5 step 3.3: the document without its proofs, plus those chained to */
	unsecured = crjson_object_without(doc, "proof");
	if (p->nprevious > 0)
	{
		CrJson	   *chain = make_array(p->nprevious);

		for (int k = 0; k < p->nprevious; k++)
			chain->u.elems[chain->count++] = (CrJson *) proofs[p->previous[k]].proof;
		crjson_object_put(unsecured, "proof", chain);
	}

	/* Verify Proof step 2: proof options are the proof without proofValue (or jws) */
	options = crjson_object_without(p->proof, "proofValue");
	if (p->jws != NULL)
		options = crjson_object_without(options, "jws");

	pctx = crjson_get(p->proof, "@context");
	if (suite->proof_context_prefix)
	{
		/*
		 * vc-di-eddsa §3.3.2 step 4 (vc-di-ecdsa §3.3.2 likewise): the
		 * document's @context must start with the proof's, which then stands
		 * for the document's.
		 */
		if (pctx != NULL)
		{
			const CrJson *dctx = crjson_get(doc, "@context");
			const CrJson *const *pi,
					   *const *di;
			int			pn,
						dn;

			if (dctx == NULL)
				return credreg_fail(failure, "signature_invalid",
									"the proof has an @context but the document has none");
			context_items(&pctx, &pi, &pn);
			context_items(&dctx, &di, &dn);
			if (pn > dn)
				return credreg_fail(failure, "signature_invalid",
									"the document's @context does not start with the proof's @context");
			for (int k = 0; k < pn; k++)
				if (!same_json(pi[k], di[k]))
					return credreg_fail(failure, "signature_invalid",
										"the document's @context does not start with the proof's @context");
			crjson_object_put(unsecured, "@context", (CrJson *) pctx);
		}
	}
	else
	{
		/* vc-di-eddsa §3.2.5 step 4: the configuration takes the document's */
		const CrJson *dctx = crjson_get(doc, "@context");

		if (dctx != NULL)
			crjson_object_put(options, "@context", (CrJson *) dctx);
	}

	initStringInfo(&h->canonical_document);
	initStringInfo(&h->canonical_proof_config);
	/* Transformation (§3.3.3) and Proof Configuration (§3.3.5) */
	if (!suite->canonicalize(unsecured, sha384, &h->canonical_document, failure) ||
		!suite->canonicalize(options, sha384, &h->canonical_proof_config, failure))
		return false;

	/* Hashing (§3.3.4): proofConfigHash first, then transformedDocumentHash */
	if (sha384)
	{
		h->hash_len = CR_SHA384_LEN;
		cr_sha384(h->canonical_proof_config.data, h->canonical_proof_config.len, h->proof_config_hash);
		cr_sha384(h->canonical_document.data, h->canonical_document.len, h->document_hash);
	}
	else
	{
		h->hash_len = CR_SHA256_LEN;
		cr_sha256(h->canonical_proof_config.data, h->canonical_proof_config.len, h->proof_config_hash);
		cr_sha256(h->canonical_document.data, h->canonical_document.len, h->document_hash);
	}
	memcpy(h->hash_data, h->proof_config_hash, h->hash_len);
	memcpy(h->hash_data + h->hash_len, h->document_hash, h->hash_len);
	return true;
}

bool
crdi_verify_proof(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
				  const CrKey *key, CredregFailure *failure)
{
	const CrDiProof *p = &proofs[i];
	CrDiHashing h;
	CrSigAlg	alg;
	uint8	   *sig;
	size_t		siglen;
	bool		ok;

	if (p->suite == NULL)
		return credreg_fail(failure, "unsupported_format",
							"cryptosuite \"%s\" is not supported", p->cryptosuite);
	if ((p->suite->key_types & (1 << key->type)) == 0 || !crsig_alg_for_key_type(key->type, &alg))
		return credreg_fail(failure, "key_mismatch", "cryptosuite %s does not take the key (%s)",
							p->cryptosuite, crkey_type_name(key->type));
	if (p->suite->jws_proof ? p->jws == NULL : p->proof_value == NULL)
		return credreg_fail(failure, "malformed", "a %s proof carries its value in \"%s\"",
							p->cryptosuite, p->suite->jws_proof ? "jws" : "proofValue");
	if (p->suite->verify != NULL)
		return p->suite->verify(doc, proofs, nproofs, i, key, failure);
	/* Verify Proof step 3: proofValue is multibase base58-btc */
	if (p->proof_value[0] != 'z' ||
		!multibase_decode(p->proof_value, strlen(p->proof_value), &sig, &siglen))
		return credreg_fail(failure, "malformed", "proofValue is not a base58-btc multibase value");
	if (!crdi_hash(doc, proofs, nproofs, i, key->type, &h, failure))
		return false;
	ok = crsig_verify(key, alg, h.hash_data, 2 * h.hash_len, sig, siglen, failure);
	pfree(h.canonical_document.data);
	pfree(h.canonical_proof_config.data);
	return ok;
}

CrJson *
crdi_sign(const CrJson *doc, const CrKey *key, const char *cryptosuite,
		  const char *verification_method, TimestampTz created)
{
	const CrDiSuite *suite = crdi_find_suite(cryptosuite);
	CrJson	   *proof;
	CrDiProof	p;
	CrDiHashing h;
	CredregFailure failure;
	CrSigAlg	alg;
	uint8	   *sig;
	size_t		siglen;
	StringInfoData pv;
	const CrJson *existing;
	const CrJson *dctx;
	CrJson	   *result;

	if (suite == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown cryptosuite \"%s\"", cryptosuite)));
	if (suite->verify_only)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cryptosuite %s is accepted for verification only", cryptosuite)));
	if ((suite->key_types & (1 << key->type)) == 0 || !crsig_alg_for_key_type(key->type, &alg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cryptosuite %s does not take the key (%s)", cryptosuite,
						crkey_type_name(key->type))));
	if (doc->kind != CRJ_OBJECT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a credential must be a JSON object")));

	/* Create Proof steps 1-2: the proof options, with the document's @context */
	proof = crjson_make_object(7);
	crjson_object_put(proof, "type", crjson_make_string("DataIntegrityProof"));
	crjson_object_put(proof, "cryptosuite", crjson_make_string(cryptosuite));
	crjson_object_put(proof, "created", crjson_make_string(timestamp_to_xsd(created)));
	crjson_object_put(proof, "verificationMethod", crjson_make_string(verification_method));
	crjson_object_put(proof, "proofPurpose", crjson_make_string("assertionMethod"));
	dctx = crjson_get(doc, "@context");
	if (dctx != NULL && suite->proof_context_prefix)
		crjson_object_put(proof, "@context", (CrJson *) dctx);

	memset(&p, 0, sizeof(p));
	p.proof = proof;
	p.cryptosuite = cryptosuite;
	p.suite = suite;
	if (!crdi_hash(doc, &p, 1, 0, key->type, &h, &failure))
		credreg_raise(&failure, ERRCODE_INVALID_PARAMETER_VALUE);

	crsig_sign(key, alg, h.hash_data, 2 * h.hash_len, &sig, &siglen);
	initStringInfo(&pv);
	appendStringInfoChar(&pv, 'z');
	base58btc_append(&pv, sig, siglen);
	crjson_object_put(proof, "proofValue", crjson_make_string(pv.data));

	/* a document that already has proofs gets a proof set */
	result = crjson_object_without(doc, "proof");
	existing = crjson_get(doc, "proof");
	if (existing == NULL)
		crjson_object_put(result, "proof", proof);
	else
	{
		int			n = existing->kind == CRJ_ARRAY ? existing->count : 1;
		CrJson	   *set = make_array(n + 1);

		if (existing->kind == CRJ_ARRAY)
			for (int k = 0; k < n; k++)
				set->u.elems[set->count++] = existing->u.elems[k];
		else
			set->u.elems[set->count++] = (CrJson *) existing;
		set->u.elems[set->count++] = proof;
		crjson_object_put(result, "proof", set);
	}
	return result;
}

/*
 * blockcerts_verify.c
 *		Verifying a Blockcerts v3 credential secured with MerkleProof2019
 *		(see blockcerts.h), as cert-verifier-js does it offline:
 *		1. the credential's hash: SHA-256 of the RDFC-1.0 canonical N-Quads
 *		   of the document without its proof (with the proofs that precede
 *		   it, for the second proof of a set or chain), equal to targetHash;
 *		2. the Merkle path from targetHash leads to merkleRoot;
 *		3. the root is anchored: an anchor's (chain, transaction) row of
 *		   credreg.blockchain_anchor holds that root; a mocknet anchor (test
 *		   credentials, never on a chain) needs none and says so in checks;
 *		4. then what every credential gets: validity window, status, trust.
 * There is no key: the issuer is bound by the anchor the registry recorded
 * (it checked who signed the transaction when it filled the table), so the
 * verification method only has to belong to the issuer's profile.
 *
 * Blockcerts v3.1 credentials may instead be signed by the issuer first
 * (an EcdsaSecp256k1Signature2019 or other Data Integrity proof) and then
 * anchored by a ChainedProof2021 whose chainedProofType is MerkleProof2019
 * (cert-verifier-js: the chained proof hashes the document carrying the
 * signature it chains to).  The signature is verified as verify() verifies
 * a Data Integrity proof, key binding included; the anchoring proof may then
 * come from another party (an anchoring service), since the issuer is bound
 * by its signature.
 */
#include "postgres.h"

#include "blockcerts/blockcerts.h"
#include "dataint/dataint.h"
#include "did/stored_document.h"
#include "util/datetime.h"
#include "verify/verify_internal.h"

static bool
is_chained_merkle_proof(const CrJson *p)
{
	return p != NULL && p->kind == CRJ_OBJECT &&
		crjson_is_string(crjson_get(p, "type"), "ChainedProof2021") &&
		crjson_is_string(crjson_get(p, "chainedProofType"), "MerkleProof2019");
}

static bool
is_merkle_proof(const CrJson *p)
{
	return p != NULL && p->kind == CRJ_OBJECT &&
		(crjson_is_string(crjson_get(p, "type"), "MerkleProof2019") ||
		 (crjson_is_string(crjson_get(p, "type"), "DataIntegrityProof") &&
		  crjson_is_string(crjson_get(p, "cryptosuite"), "merkle-proof-2019")) ||
		 is_chained_merkle_proof(p));
}

bool
crbc_is_merkle_document(const CrJson *doc)
{
	const CrJson *proof = crjson_get(doc, "proof");

	if (proof == NULL)
		return crbc_is_v2_document(doc);
	if (proof->kind == CRJ_ARRAY)
	{
		bool		chained = false;

		if (proof->count == 0)
			return false;
		for (int i = 0; i < proof->count; i++)
			chained = chained || is_chained_merkle_proof(proof->u.elems[i]);
		/* a ChainedProof2021 anchors the signatures of the set; else all are Merkle proofs */
		if (chained)
			return true;
		for (int i = 0; i < proof->count; i++)
			if (!is_merkle_proof(proof->u.elems[i]))
				return false;
		return true;
	}
	return is_merkle_proof(proof);
}

static char *
hex(const uint8 *h)
{
	char	   *s = palloc(2 * CR_SHA256_LEN + 1);

	for (int i = 0; i < CR_SHA256_LEN; i++)
		snprintf(s + 2 * i, 3, "%02x", h[i]);
	return s;
}

/* vc-data-integrity §2.1: created is an xsd:dateTimeStamp (a time zone is required). */
static bool
has_time_zone(const char *s)
{
	size_t		n = strlen(s);

	return (n >= 1 && s[n - 1] == 'Z') ||
		(n >= 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':');
}

static bool
is_vcdm2(const CrJson *doc)
{
	const CrJson *ctx = crjson_get(doc, "@context");

	if (ctx != NULL && ctx->kind == CRJ_ARRAY && ctx->count > 0)
		ctx = ctx->u.elems[0];
	return crjson_is_string(ctx, "https://www.w3.org/ns/credentials/v2");
}

/* Step 1: the hash of the document carrying the proofs before proofs[i]. */
static bool
credential_hash(const CrJson *doc, const CrJson *proofs, int i, uint8 out[CR_SHA256_LEN],
				CredregFailure *f)
{
	const CrDiSuite *rdfc = crdi_find_suite("eddsa-rdfc-2022");	/* its RDFC-1.0 transformation */
	CrJson	   *unsecured = crjson_object_without(doc, "proof");
	const CrJson *previous = crjson_get(proofs->u.elems[i], "previousProof");
	StringInfoData nq;

	if (is_chained_merkle_proof(proofs->u.elems[i]) && previous != NULL && previous->kind == CRJ_OBJECT)
		crjson_object_put(unsecured, "proof", (CrJson *) previous);
	else if (i == 1)
		crjson_object_put(unsecured, "proof", proofs->u.elems[0]);
	else if (i > 1)
	{
		CrJson	   *before = palloc0(sizeof(CrJson));

		*before = *proofs;
		before->count = i;
		crjson_object_put(unsecured, "proof", before);
	}
	initStringInfo(&nq);
	if (rdfc == NULL || !rdfc->canonicalize(unsecured, false, &nq, f))
		return false;
	cr_sha256(nq.data, nq.len, out);
	return true;
}

bool
crbc_check_anchors(const CrMerkleProof *mp, CrVerification *r)
{
	const char *root = hex(mp->merkle_root);
	const char *mismatch = NULL;

	for (int a = 0; a < mp->nanchors; a++)
	{
		const CrMerkleAnchor *an = &mp->anchors[a];
		bool		found;

		if (strcmp(an->chain, "mocknet") == 0)
		{
			cr_verify_check(r, "mocknet_anchor: a test credential, not anchored on a blockchain");
			return true;
		}
		if (cr_blockchain_anchor_matches(an->chain, an->transaction_id, root, &found))
			return true;
		if (found)
			mismatch = psprintf("the transaction %s on %s anchors another Merkle root than %s",
								an->transaction_id, an->chain, root);
	}
	if (mismatch != NULL)
		return cr_verify_fail(r, "anchor_mismatch", mismatch);
	return cr_verify_fail(r, "anchor_unknown",
						  psprintf("the Merkle root %s is anchored in %s on %s, which credreg.blockchain_anchor does not hold",
								   root, mp->anchors[0].transaction_id, mp->anchors[0].chain));
}

/*
 * A signature proof of the set (the issuer's, that a ChainedProof2021
 * anchors): the document with that proof alone, verified and bound to the
 * issuer as verify() does for Data Integrity proofs.
 */
static bool
verify_signature(const CrJson *doc, const CrJson *p, TimestampTz as_of, CrVerification *r)
{
	CrJson	   *single = crjson_object_without(doc, "proof");
	CrDiProof  *proofs;
	int			nproofs;
	ResolvedKey rk;
	CredregFailure f;

	crjson_object_put(single, "proof", (CrJson *) p);
	if (!crdi_proofs(single, &proofs, &nproofs, &f))
		return cr_verify_fail(r, f.code, f.message);
	if (strcmp(proofs[0].purpose, "assertionMethod") != 0)
		return cr_verify_fail(r, "proof_purpose",
							  psprintf("proofPurpose is \"%s\", not assertionMethod", proofs[0].purpose));
	if (proofs[0].suite == NULL)
		return cr_verify_fail(r, "unsupported_format",
							  psprintf("cryptosuite \"%s\" is not supported", proofs[0].cryptosuite));
	if (!cr_verify_resolve_key(proofs[0].verification_method, r->issuer, &rk, &f) ||
		!crdi_verify_proof(single, proofs, nproofs, 0, rk.key, &f))
		return cr_verify_fail(r, f.code, f.message);
	if (r->key_id == NULL)
		r->key_id = rk.key_id;
	return cr_verify_bind_key(&rk, r->issuer, as_of, r);
}

static bool
verify_one(CrJson *doc, const CrJson *proofs, int i, const CrJson *p, bool issuer_signed,
		   CrVerification *r)
{
	const char *purpose = crjson_get_string(p, "proofPurpose");
	const char *vm = crjson_get_string(p, "verificationMethod");
	const char *created = crjson_get_string(p, "created");
	const char *pv = crjson_get_string(p, "proofValue");
	CrMerkleProof mp;
	CredregFailure f;
	uint8		h[CR_SHA256_LEN];

	if (pv == NULL || purpose == NULL)
		return cr_verify_fail(r, "malformed", "a MerkleProof2019 proof needs proofValue and proofPurpose");
	if (strcmp(purpose, "assertionMethod") != 0)
		return cr_verify_fail(r, "proof_purpose",
							  psprintf("proofPurpose is \"%s\", not assertionMethod", purpose));
	if (created != NULL)
	{
		TimestampTz ts;

		/*
		 * VCDM 2.0 credentials: created is an xsd:dateTimeStamp, with a
		 * time zone (cert-verifier-js refuses one without; its VCDM 1.1
		 * fixtures carry zone-less values and verify).
		 */
		if (is_vcdm2(doc) && !has_time_zone(created))
			return cr_verify_fail(r, "malformed",
								  psprintf("the proof's created \"%s\" has no time zone (an xsd:dateTimeStamp)", created));
		if (!xsd_datetime_parse(created, strlen(created), &ts, "created", &f))
			return cr_verify_fail(r, f.code, f.message);
	}
	/*
	 * the method must be the issuer's (its profile's key); there is no key
	 * to check.  A chained proof anchoring the issuer's verified signature
	 * may be another party's.
	 */
	if (issuer_signed && is_chained_merkle_proof(p))
		cr_verify_check(r, psprintf("chained_anchor: the issuer's signature is anchored by %s",
									vm != NULL ? vm : "an unnamed method"));
	else if (vm != NULL && r->issuer != NULL)
	{
		size_t		n = strlen(r->issuer);

		if (strncmp(vm, r->issuer, n) != 0 || (vm[n] != '#' && vm[n] != '\0'))
			return cr_verify_fail(r, "issuer_mismatch",
								  psprintf("the verification method %s is not the issuer %s's", vm, r->issuer));
	}
	if (r->key_id == NULL)
		r->key_id = vm;
	if (!crbc_decode_proof_value(pv, strlen(pv), &mp, &f))
		return cr_verify_fail(r, f.code, f.message);
	if (!credential_hash(doc, proofs, i, h, &f))
		return cr_verify_fail(r, f.code, f.message);
	if (memcmp(h, mp.target_hash, CR_SHA256_LEN) != 0)
		return cr_verify_fail(r, "signature_invalid",
							  psprintf("the credential's hash %s is not the proof's targetHash %s",
									   hex(h), hex(mp.target_hash)));
	crbc_merkle_root(&mp, h);
	if (memcmp(h, mp.merkle_root, CR_SHA256_LEN) != 0)
		return cr_verify_fail(r, "signature_invalid",
							  psprintf("the Merkle path leads to %s, not to the proof's merkleRoot %s",
									   hex(h), hex(mp.merkle_root)));
	return crbc_check_anchors(&mp, r);
}

/*
 * A Blockcerts presentation: its own Merkle proof checked above, then every
 * credential it carries, each verified as verify() verifies a credential;
 * the first failure of each is reported as "verifiableCredential[i]: ...".
 * (Holder binding, challenge and domain are credreg.verify_presentation's.)
 */
static void
check_presented(const CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	const CrJson *vcs = crjson_get(doc, "verifiableCredential");
	int			n = vcs == NULL ? 0 : vcs->kind == CRJ_ARRAY ? vcs->count : 1;
	bool		all_trusted = true;

	r->subject = crjson_get_string(doc, "holder");
	r->status = "active";
	for (int i = 0; i < n; i++)
	{
		CrJson	   *vc = vcs->kind == CRJ_ARRAY ? vcs->u.elems[i] : (CrJson *) vcs;
		CrVerification sub;

		cr_verify_json(vc, as_of, stop, &sub);
		all_trusted = all_trusted && sub.trusted;
		if (strcmp(sub.status, "active") != 0)
			r->status = sub.status;
		if (!sub.valid)
		{
			cr_verify_fail(r, sub.first_code,
						   psprintf("verifiableCredential[%d]: %s", i,
									sub.errors != NIL ? (char *) linitial(sub.errors) : sub.first_code));
			if (stop)
				return;
		}
	}
	r->trusted = n > 0 && all_trusted;
}

void
crbc_verify_document(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	bool		presentation = crjson_has_string(crjson_get(doc, "type"), "VerifiablePresentation");
	const CrJson *proof = crjson_get(doc, "proof");
	CrJson		single;
	const CrJson *proofs = proof;
	const CrJson *first;
	bool		issuer_signed = false;

	if (proof == NULL)
	{
		crbc_verify_v2(doc, as_of, stop, r);
		return;
	}
	first = proof->kind == CRJ_ARRAY ? proof->u.elems[0] : proof;

	r->format = crjson_is_string(crjson_get(first, "type"), "MerkleProof2019") ?
		"MerkleProof2019" : is_merkle_proof(first) ? "merkle-proof-2019" : "ChainedProof2021";
	if (!stop)
		cr_verify_check(r, "format");
	r->credential = crjson_object_without(doc, "proof");
	if (!presentation && !cr_verify_take_issuer(doc, r))
		return;
	if (proof->kind != CRJ_ARRAY)
	{
		/* a one-proof set, so that proof i is proofs->u.elems[i] throughout */
		single.kind = CRJ_ARRAY;
		single.count = 1;
		single.u.elems = (CrJson **) &proof;
		proofs = &single;
	}
	if (proofs->count > credreg_max_proofs)
	{
		cr_verify_fail(r, "malformed", psprintf("more than %d proofs (credreg.max_proofs)", credreg_max_proofs));
		return;
	}
	if (!stop)
		cr_verify_check(r, "proof");
	for (int i = 0; i < proofs->count; i++)
	{
		const CrJson *p = proofs->u.elems[i];
		bool		ok;

		if (is_merkle_proof(p))
			ok = verify_one(doc, proofs, i, p, issuer_signed, r);
		else
			ok = issuer_signed = presentation ?
				cr_verify_fail(r, "unsupported_format", "a Blockcerts presentation is secured by Merkle proofs only") :
				verify_signature(doc, p, as_of, r);
		if (!ok && stop)
			return;
	}
	if (presentation)
		check_presented(doc, as_of, stop, r);
	else
		cr_verify_credential_checks(doc, as_of, stop, r);
}

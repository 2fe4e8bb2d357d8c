/*
 * ecdsa_sd.c
 *		The ecdsa-sd-2023 cryptosuite (vc-di-ecdsa §3.4 to §3.6): selective
 *		disclosure with per-statement P-256 signatures.
 *
 * A derived proof (what a holder presents; proofValue header 0xd9 0x5d
 * 0x01) is verified as §3.6.7 "Verify Derived Proof" says: the document is
 * canonicalized (RDFC-1.0), its blank nodes relabelled with the proof's
 * label map (the HMAC-based labels the issuer gave them), the statements
 * split into mandatory (signed together by the issuer's base signature)
 * and non-mandatory ones (each signed by the ephemeral proof key, which the
 * base signature covers).
 *
 * A base proof (header 0xd9 0x5d 0x00) is meant for the holder, who derives
 * from it; the spec gives no verifier for it, so the issuer's grouping is
 * redone (ecdsa_sd_base.c) and the same checks follow.
 */
#include "postgres.h"

#include <limits.h>
#include <string.h>

#include "dataint/dataint.h"
#include "dataint/ecdsa_sd.h"

void		crdi_register_ecdsa_sd_suite(void);

static const char *
label_for(const CrEcdsaSdDerived *d, int id)
{
	for (int i = 0; i < d->nlabels; i++)
		if (d->label_ids[i] == id)
			return d->labels[i];
	return NULL;
}

/*
 * One canonical statement with its blank node labels _:c14n<N> replaced
 * (§3.4.? labelReplacementCanonicalizeJsonLd).  Labels are only read
 * outside literals, so a literal holding "_:c14n0" stays as it is.
 */
bool
crdi_ecdsa_sd_relabel(const char *line, size_t len, const CrEcdsaSdDerived *d, StringInfo out,
					  CredregFailure *f)
{
	bool		in_literal = false;

	for (size_t i = 0; i < len; i++)
	{
		char		c = line[i];

		if (in_literal)
		{
			appendStringInfoChar(out, c);
			if (c == '\\' && i + 1 < len)
				appendStringInfoChar(out, line[++i]);
			else if (c == '"')
				in_literal = false;
			continue;
		}
		if (c == '"')
			in_literal = true;
		else if (c == '_' && i + 6 < len && memcmp(line + i, "_:c14n", 6) == 0)
		{
			size_t		j = i + 6;
			int			id = 0;
			const char *label;

			while (j < len && line[j] >= '0' && line[j] <= '9' && id < 100000000)
				id = id * 10 + (line[j++] - '0');
			if (j == i + 6 || (label = label_for(d, id)) == NULL)
				return credreg_fail(f, "signature_invalid",
									"the ecdsa-sd-2023 label map has no label for the blank node _:c14n%d", id);
			appendStringInfo(out, "_:%s", label);
			i = j - 1;
			continue;
		}
		appendStringInfoChar(out, c);
	}
	return true;
}

int
crdi_ecdsa_sd_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Each non-mandatory statement under the ephemeral proof key, in order. */
static bool
verify_statements(const CrKey *proof_key, char **stmts, int nstmts, const CrEcdsaSdDerived *d,
				  CredregFailure *f)
{
	int			m = 0,
				s = 0;

	for (int k = 0; k < nstmts; k++)
	{
		const CrCbor *sig;

		if (m < d->nmandatory && d->mandatory[m] == k)
		{
			m++;
			continue;
		}
		sig = d->signatures->items[s++];
		if (!crsig_verify(proof_key, CRSIG_ES256, (const uint8 *) stmts[k], strlen(stmts[k]),
						  sig->data, sig->len, f))
			return credreg_fail(f, "signature_invalid",
								"the ecdsa-sd-2023 signature of statement %d does not verify", k);
	}
	return true;
}

/* The proof key lives outside the key cache: freed however verification ends. */
static bool
verify_with_proof_key(const CrEcdsaSdDerived *d, char **stmts, int nstmts, CredregFailure *f)
{
	CrKey	   *proof_key;
	volatile bool ok = false;

	if (!crkey_from_public_bytes(CRKEY_P256, d->public_key->data + 2, d->public_key->len - 2,
								 &proof_key, f))
		return credreg_fail(f, "malformed", "the ecdsa-sd-2023 proof key is not a P-256 point");
	PG_TRY();
	{
		ok = verify_statements(proof_key, stmts, nstmts, d, f);
	}
	PG_FINALLY();
	{
		crkey_free(proof_key);
	}
	PG_END_TRY();
	return ok;
}

/* Canonical N-Quads relabelled with d's label map, sorted (§3.4.1 steps 3, 4). */
bool
crdi_ecdsa_sd_relabelled_statements(const StringInfoData *canonical, const CrEcdsaSdDerived *d,
					  char ***stmts_out, int *nstmts_out, CredregFailure *f)
{
	const char *p = canonical->data;
	const char *end = p + canonical->len;
	int			nstmts = 0;
	int			n = 0;
	char	  **stmts;

	for (int k = 0; k < canonical->len; k++)
		if (canonical->data[k] == '\n')
			nstmts++;
	stmts = palloc(sizeof(char *) * Max(nstmts, 1));
	while (p < end)
	{
		const char *nl = memchr(p, '\n', end - p);
		StringInfoData line;

		initStringInfo(&line);
		if (!crdi_ecdsa_sd_relabel(p, nl - p + 1, d, &line, f))
			return false;
		stmts[n++] = line.data;
		p = nl + 1;
	}
	qsort(stmts, nstmts, sizeof(char *), crdi_ecdsa_sd_cmp_str);
	*stmts_out = stmts;
	*nstmts_out = nstmts;
	return true;
}

/*
 * What base and derived proofs share once the statements are grouped:
 * the mandatory ones hashed together and covered, with the proof key, by
 * the base signature; each other one signed by the proof key (§3.6.7 steps
 * 4 to 6).
 */
static bool
verify_groups(const CrEcdsaSdDerived *d, char **stmts, int nstmts, const uint8 *proof_hash,
			  const CrKey *issuer_key, CredregFailure *f)
{
	uint8		mandatory_hash[CR_SHA256_LEN];
	StringInfoData mandatory;
	StringInfoData sign_data;
	int			nnon;

	initStringInfo(&mandatory);
	for (int k = 0; k < d->nmandatory; k++)
	{
		if (d->mandatory[k] >= nstmts)
			return credreg_fail(f, "signature_invalid",
								"an ecdsa-sd-2023 mandatory index (%d) is past the %d statements", d->mandatory[k], nstmts);
		appendStringInfoString(&mandatory, stmts[d->mandatory[k]]);
	}
	nnon = nstmts - d->nmandatory;
	if ((int) d->signatures->count != nnon)
		return credreg_fail(f, "signature_invalid",
							"the ecdsa-sd-2023 proof has %zu statement signatures for %d non-mandatory statements",
							d->signatures->count, nnon);
	cr_sha256(mandatory.data, mandatory.len, mandatory_hash);

	/* the base signature over proofHash || publicKey || mandatoryHash (§3.5.1) */
	initStringInfo(&sign_data);
	appendBinaryStringInfo(&sign_data, (const char *) proof_hash, CR_SHA256_LEN);
	appendBinaryStringInfo(&sign_data, (const char *) d->public_key->data, d->public_key->len);
	appendBinaryStringInfo(&sign_data, (const char *) mandatory_hash, CR_SHA256_LEN);
	if (!crsig_verify(issuer_key, CRSIG_ES256, (const uint8 *) sign_data.data, sign_data.len,
					  d->base_signature->data, d->base_signature->len, f))
		return credreg_fail(f, "signature_invalid", "the ecdsa-sd-2023 base signature does not verify");

	/* each non-mandatory statement under the ephemeral proof key */
	return verify_with_proof_key(d, stmts, nstmts, f);
}

/* §3.6.7 Verify Derived Proof (with §3.5.9 createVerifyData). */
static bool
verify_derived(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
			   const CrKey *issuer_key, CredregFailure *f)
{
	CrEcdsaSdDerived d;
	CrDiHashing h;
	char	  **stmts;
	int			nstmts;

	memset(&d, 0, sizeof(d));
	if (!crdi_ecdsa_sd_parse_derived(proofs[i].proof_value, &d, f))
		return false;
	/* createVerifyData steps 1 to 3: proofHash and the canonical document */
	if (!crdi_hash(doc, proofs, nproofs, i, CRKEY_P256, &h, f))
		return false;
	/* step 4: relabelled, sorted statements */
	if (!crdi_ecdsa_sd_relabelled_statements(&h.canonical_document, &d, &stmts, &nstmts, f))
		return false;
	return verify_groups(&d, stmts, nstmts, h.proof_config_hash, issuer_key, f);
}

/*
 * The suite's verify: a derived proof as §3.6.7 says; a base proof (which
 * the spec gives the holder, not a verifier) by redoing the issuer's
 * grouping (ecdsa_sd_base.c), so that a holder can check what it received.
 */
static bool
verify_proof(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
			 const CrKey *issuer_key, CredregFailure *f)
{
	if (crdi_ecdsa_sd_is_base(proofs[i].proof_value))
	{
		CrEcdsaSdBase b;
		CrDiHashing h;
		CrEcdsaSdDerived d;
		char	  **stmts;
		int			nstmts;

		if (!crdi_ecdsa_sd_parse_base(proofs[i].proof_value, &b, f) ||
			!crdi_hash(doc, proofs, nproofs, i, CRKEY_P256, &h, f) ||
			!crdi_ecdsa_sd_base_groups(doc, &b, &d, &stmts, &nstmts, f))
			return false;
		return verify_groups(&d, stmts, nstmts, h.proof_config_hash, issuer_key, f);
	}
	return verify_derived(doc, proofs, nproofs, i, issuer_key, f);
}

static const CrDiSuite ecdsa_sd_2023 = {
	.cryptosuite = "ecdsa-sd-2023",
	.key_types = (1 << CRKEY_P256),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
	.verify_only = true,
	.verify = verify_proof,
};

void
crdi_register_ecdsa_sd_suite(void)
{
	crdi_register_suite(&ecdsa_sd_2023);
}

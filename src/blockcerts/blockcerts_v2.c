/*
 * blockcerts_v2.c
 *		Blockcerts v2 certificates: Open Badges 2.0 assertions whose
 *		"signature" is a MerkleProof2017 (Chainpoint-style receipt:
 *		targetHash, merkleRoot, proof as a list of {left|right: hex}, anchors
 *		with the transaction as sourceId), as cert-verifier-js verifies them
 *		offline:
 *		1. targetHash is the SHA-256 of the RDFC-1.0 canonical N-Quads of
 *		   the certificate without "signature" (contexts from
 *		   credreg.context, safe mode: an unmapped term fails);
 *		2. the path leads from targetHash to merkleRoot;
 *		3. the root is anchored (credreg.blockchain_anchor, as for v3);
 *		4. issuedOn / expires, the trust list, and the issuer profile's
 *		   revocationList when the registry stored the profile in
 *		   credreg.hosted_document (OB 2.0's revocation, which v2 uses).
 * As in v3, there is no key: the registry checked the transaction's
 * sender against the issuer's keys when it recorded the anchor.
 */
#include "postgres.h"

#include "blockcerts/blockcerts.h"
#include "dataint/dataint.h"
#include "did/stored_document.h"
#include "ob2/ob2.h"
#include "verify/verify_internal.h"

static const CrJson *
v2_signature(const CrJson *doc)
{
	const CrJson *sig = crjson_get(doc, "signature");

	return sig != NULL && sig->kind == CRJ_OBJECT &&
		crjson_has_string(crjson_get(sig, "type"), "MerkleProof2017") ? sig : NULL;
}

bool
crbc_is_v2_document(const CrJson *doc)
{
	return crjson_get(doc, "proof") == NULL && v2_signature(doc) != NULL;
}

static bool
hex32(const char *s, uint8 out[CR_SHA256_LEN])
{
	if (s == NULL || strlen(s) != 2 * CR_SHA256_LEN)
		return false;
	for (int i = 0; i < CR_SHA256_LEN; i++)
	{
		int			v = 0;

		for (int k = 0; k < 2; k++)
		{
			char		c = s[2 * i + k];

			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= c - '0';
			else if (c >= 'a' && c <= 'f')
				v |= c - 'a' + 10;
			else if (c >= 'A' && c <= 'F')
				v |= c - 'A' + 10;
			else
				return false;
		}
		out[i] = (uint8) v;
	}
	return true;
}

/* Blockcerts v2 chain names (cert-schema 2.0 merkleProof2017Schema) as v3 names them. */
static const char *
chain_name(const char *chain)
{
	static const char *const names[][2] = {
		{"bitcoinMainnet", "btc:mainnet"}, {"bitcoinTestnet", "btc:testnet"},
		{"bitcoinRegtest", "btc:regtest"}, {"ethereumMainnet", "eth:mainnet"},
		{"ethereumRopsten", "eth:ropsten"}, {"ethereumRinkeby", "eth:rinkeby"},
		{"ethereumGoerli", "eth:goerli"}, {"ethereumSepolia", "eth:sepolia"},
		{"mockchain", "mocknet"},
	};

	/* an anchor without chain is on bitcoinMainnet (cert-verifier-js) */
	if (chain == NULL)
		return "btc:mainnet";
	for (int i = 0; i < lengthof(names); i++)
		if (strcmp(chain, names[i][0]) == 0)
			return names[i][1];
	return chain;
}

static bool
decode_signature(const CrJson *sig, CrMerkleProof *mp, CredregFailure *f)
{
	const CrJson *path = crjson_get(sig, "proof");
	const CrJson *anchors = crjson_get(sig, "anchors");

	memset(mp, 0, sizeof(*mp));
	if (!hex32(crjson_get_string(sig, "targetHash"), mp->target_hash) ||
		!hex32(crjson_get_string(sig, "merkleRoot"), mp->merkle_root))
		return credreg_fail(f, "malformed", "MerkleProof2017 targetHash and merkleRoot are SHA-256 hashes in hex");
	if (path != NULL && (path->kind != CRJ_ARRAY || path->count > CRBC_MAX_PATH))
		return credreg_fail(f, "malformed", "MerkleProof2017 proof is not a list of at most %d steps", CRBC_MAX_PATH);
	for (int i = 0; path != NULL && i < path->count; i++)
	{
		const CrJson *step = path->u.elems[i];
		const char *left = crjson_get_string(step, "left");
		const char *right = crjson_get_string(step, "right");

		if ((left == NULL) == (right == NULL) || step->count != 1 ||
			!hex32(left != NULL ? left : right, mp->sibling[i]))
			return credreg_fail(f, "malformed", "MerkleProof2017 proof step %d is not one left or right SHA-256 hash", i);
		mp->left[i] = left != NULL;
		mp->npath++;
	}
	if (anchors == NULL || anchors->kind != CRJ_ARRAY || anchors->count == 0 ||
		anchors->count > CRBC_MAX_ANCHORS)
		return credreg_fail(f, "malformed", "MerkleProof2017 anchors is not a list of 1 to %d anchors", CRBC_MAX_ANCHORS);
	for (int i = 0; i < anchors->count; i++)
	{
		const CrJson *a = anchors->u.elems[i];
		const char *tx = crjson_get_string(a, "sourceId");

		if (tx == NULL || tx[0] == '\0')
			return credreg_fail(f, "malformed", "MerkleProof2017 anchor %d has no sourceId (the transaction)", i);
		mp->anchors[i].chain = pstrdup(chain_name(crjson_get_string(a, "chain")));
		mp->anchors[i].transaction_id = pstrdup(tx);
		mp->nanchors++;
	}
	return true;
}

/* The issuer profile's id: badge.issuer, an object with an id or its IRI. */
static const char *
issuer_of(const CrJson *doc)
{
	const CrJson *issuer = crjson_get(crjson_get(doc, "badge"), "issuer");

	if (issuer != NULL && issuer->kind == CRJ_STRING)
		return issuer->u.str;
	return crjson_get_string(issuer, "id");
}

/* Step 4's revocation: the profile's revocationList, when both are stored. */
static void
check_revocation(const CrJson *doc, const char *issuer, CrVerification *r)
{
	const CrJson *profile = cr_hosted_document(issuer);
	const char *rl = crjson_get_string(profile, "revocationList");
	const char *id = crjson_get_string(doc, "id");
	const CrJson *list;

	if (profile == NULL)
	{
		cr_verify_check(r, psprintf("status_not_checked: the issuer profile %s is not stored in credreg.hosted_document", issuer));
		return;
	}
	if (rl == NULL)
	{
		r->status = "active";
		return;
	}
	list = cr_hosted_document(rl);
	if (list == NULL)
	{
		r->status = "unknown";
		cr_verify_fail(r, "status_unavailable",
					   psprintf("the revocation list %s of %s is not stored in credreg.hosted_document", rl, issuer));
		return;
	}
	if (id != NULL && crob2_revocation_lists(list, id))
	{
		r->status = "revoked";
		cr_verify_fail(r, "revoked", psprintf("the certificate %s is revoked", id));
		return;
	}
	r->status = "active";
}

void
crbc_verify_v2(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r)
{
	const CrJson *sig = v2_signature(doc);
	CrJson	   *unsigned_doc = crjson_object_without(doc, "signature");
	CrJson	   *mapped;
	CrMerkleProof mp;
	CredregFailure f;
	StringInfoData nq;
	uint8		h[CR_SHA256_LEN];
	const char *issued = crjson_get_string(doc, "issuedOn");
	const char *expires = crjson_get_string(doc, "expires");

	r->format = "MerkleProof2017";
	if (!stop)
		cr_verify_check(r, "format");
	r->credential = unsigned_doc;
	r->issuer = issuer_of(doc);
	if (r->issuer == NULL)
	{
		cr_verify_fail(r, "malformed", "the certificate's badge names no issuer");
		return;
	}
	if (!stop)
		cr_verify_check(r, "proof");
	if (!decode_signature(sig, &mp, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	/* step 1 */
	initStringInfo(&nq);
	if (!crdi_rdfc_canonicalize(unsigned_doc, false, &nq, &f))
	{
		cr_verify_fail(r, f.code, f.message);
		return;
	}
	cr_sha256(nq.data, nq.len, h);
	if (memcmp(h, mp.target_hash, CR_SHA256_LEN) != 0)
	{
		cr_verify_fail(r, "signature_invalid", "the certificate's hash is not the signature's targetHash");
		return;
	}
	/* step 2 */
	crbc_merkle_root(&mp, h);
	if (memcmp(h, mp.merkle_root, CR_SHA256_LEN) != 0)
	{
		cr_verify_fail(r, "signature_invalid", "the Merkle path does not lead to the signature's merkleRoot");
		return;
	}
	/* step 3 */
	if (!crbc_check_anchors(&mp, r) && stop)
		return;
	/* step 4: the dates and trust as for any credential, then revocation */
	mapped = crjson_make_object(4);
	crjson_object_put(mapped, "issuer", crjson_make_string(r->issuer));
	if (issued != NULL)
		crjson_object_put(mapped, "validFrom", crjson_make_string(issued));
	if (expires != NULL)
		crjson_object_put(mapped, "validUntil", crjson_make_string(expires));
	cr_verify_credential_checks(mapped, as_of, stop, r);
	if (stop && !r->valid)
		return;
	check_revocation(doc, r->issuer, r);
}

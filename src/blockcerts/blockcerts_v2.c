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
	if (!crbc_decode_v2_signature(sig, &mp, &f))
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

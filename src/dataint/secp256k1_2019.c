/*
 * secp256k1_2019.c
 *		EcdsaSecp256k1Signature2019 (w3c-ccg ecdsa-secp256k1-signature-2019,
 *		the Linked Data Signatures shape of Ed25519Signature2018), which
 *		Blockcerts issuers and their status lists sign with:
 *		1. the proof options (the proof without "jws", with the document's
 *		   @context) and the document without its proof are each
 *		   canonicalized with RDFC-1.0 and hashed with SHA-256;
 *		2. verifyData is proofOptionsHash || documentHash (64 bytes);
 *		3. "jws" is a detached JWS with unencoded payload (RFC 7797:
 *		   {"alg":"ES256K","b64":false,"crit":["b64"]}), so the signing input
 *		   is ASCII(BASE64URL(header)) '.' verifyData, signed with ES256K
 *		   (RFC 8812 §3.2) by a secp256k1 key.
 * Steps 1-2 are crdi_hash, as for the RDFC suites; only the proof value
 * differs, so the suite verifies through its own hook.  Verification only.
 */
#include "postgres.h"

#include "dataint/dataint.h"
#include "util/encoding.h"

void		crdi_register_secp256k1_suite(void);

/* RFC 7797 §6: b64 false must be listed in crit. */
static bool
header_ok(const CrJson *header, CredregFailure *failure)
{
	const CrJson *b64 = crjson_get(header, "b64");
	const CrJson *crit = crjson_get(header, "crit");

	if (!crjson_is_string(crjson_get(header, "alg"), "ES256K"))
		return credreg_fail(failure, "algorithm_refused",
							"an EcdsaSecp256k1Signature2019 JWS header must have alg ES256K");
	if (b64 == NULL || b64->kind != CRJ_FALSE)
		return credreg_fail(failure, "malformed",
							"an EcdsaSecp256k1Signature2019 JWS has an unencoded payload (b64 false)");
	if (crit == NULL || crit->kind != CRJ_ARRAY || crit->count != 1 ||
		!crjson_is_string(crit->u.elems[0], "b64"))
		return credreg_fail(failure, "malformed", "the JWS header's crit must be [\"b64\"] (RFC 7797 section 6)");
	return true;
}

static bool
verify_jws_proof(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
				 const CrKey *key, CredregFailure *failure)
{
	const CrDiProof *p = &proofs[i];
	const char *jws = p->jws;
	const char *dot1,
			   *dot2;
	uint8	   *hbytes,
			   *sig;
	size_t		hlen,
				siglen;
	CrJson	   *header;
	CrDiHashing h;
	StringInfoData input;
	bool		ok;

	if (jws == NULL)
		return credreg_fail(failure, "malformed", "an EcdsaSecp256k1Signature2019 proof has no \"jws\"");
	/* a detached JWS: header '.' '' '.' signature */
	dot1 = strchr(jws, '.');
	dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (dot1 == NULL || dot2 != dot1 + 1 || strchr(dot2 + 1, '.') != NULL)
		return credreg_fail(failure, "malformed", "\"jws\" is not a detached JWS (header..signature)");
	if (dot1 == jws || !base64url_decode(jws, dot1 - jws, &hbytes, &hlen))
		return credreg_fail(failure, "malformed", "the JWS header is not valid base64url");
	header = crjson_parse((const char *) hbytes, hlen, failure);
	if (header == NULL || header->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "the JWS header is not a JSON object");
	if (!header_ok(header, failure))
		return false;
	if (!base64url_decode(dot2 + 1, strlen(dot2 + 1), &sig, &siglen))
		return credreg_fail(failure, "malformed", "the JWS signature is not valid base64url");

	if (!crdi_hash(doc, proofs, nproofs, i, key->type, &h, failure))
		return false;
	initStringInfo(&input);
	appendBinaryStringInfo(&input, jws, dot1 - jws);
	appendStringInfoChar(&input, '.');
	appendBinaryStringInfo(&input, (const char *) h.hash_data, 2 * h.hash_len);
	ok = crsig_verify(key, CRSIG_ES256K, (const uint8 *) input.data, input.len, sig, siglen, failure);
	pfree(input.data);
	pfree(h.canonical_document.data);
	pfree(h.canonical_proof_config.data);
	return ok;
}

static const CrDiSuite ecdsa_secp256k1_signature_2019 = {
	.cryptosuite = "EcdsaSecp256k1Signature2019",
	.key_types = (1 << CRKEY_SECP256K1),
	.canonicalize = crdi_rdfc_canonicalize,
	.proof_context_prefix = false,
	.verify_only = true,
	.jws_proof = true,
	.verify = verify_jws_proof,
};

void
crdi_register_secp256k1_suite(void)
{
	crdi_register_suite(&ecdsa_secp256k1_signature_2019);
}

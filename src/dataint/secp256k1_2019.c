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
 * differs (read by crdi_detached_jws_parse), so the suite verifies through
 * its own hook.  Verification only.
 */
#include "postgres.h"

#include "dataint/dataint.h"

void		crdi_register_secp256k1_suite(void);

static bool
verify_jws_proof(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
				 const CrKey *key, CredregFailure *failure)
{
	const CrDiProof *p = &proofs[i];
	uint8	   *sig;
	size_t		siglen,
				header_len;
	CrDiHashing h;
	StringInfoData input;
	bool		ok;

	if (p->jws == NULL)
		return credreg_fail(failure, "malformed", "an EcdsaSecp256k1Signature2019 proof has no \"jws\"");
	if (!crdi_detached_jws_parse(p->jws, "ES256K", &header_len, &sig, &siglen, failure))
		return false;
	if (!crdi_hash(doc, proofs, nproofs, i, key->type, &h, failure))
		return false;
	initStringInfo(&input);
	appendBinaryStringInfo(&input, p->jws, header_len);
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

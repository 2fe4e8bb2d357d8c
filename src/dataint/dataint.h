/*
 * dataint.h
 *		Data Integrity proofs (vc-data-integrity §4): proof configuration,
 *		transformation, hashing, proof sets and previousProof chains, and the
 *		cryptosuites that follow that shape.
 *
 * A cryptosuite is a CrDiSuite: its transformation (JCS here; the RDFC
 * suites plug in the same way with crdi_register_suite), the hash that
 * follows from the key's curve, and the signature algorithm.  Key
 * resolution is not done here: callers resolve verificationMethod and pass
 * the key (see verify/).
 */
#ifndef CREDREG_DATAINT_H
#define CREDREG_DATAINT_H

#include "credreg.h"
#include "crypto/crypto.h"
#include "json/json.h"

#include "datatype/timestamp.h"

#define CRDI_MAX_HASH_LEN (2 * CR_SHA384_LEN)

struct CrDiProof;

typedef struct CrDiSuite
{
	const char *cryptosuite;	/* "eddsa-jcs-2022" ... */
	int			key_types;		/* mask of (1 << CrKeyType) it signs with */

	/*
	 * Canonicalize a document or a proof configuration (RFC 8785 JCS, or
	 * RDFC-1.0 N-Quads).  hash_sha384 tells an RDFC suite which hash its
	 * blank-node labelling uses.
	 */
	bool		(*canonicalize) (const CrJson *doc, bool hash_sha384,
								 StringInfo out, CredregFailure *failure);

	/*
	 * true (JCS suites, vc-di-eddsa §3.3.2 step 4): a proof's own @context
	 * must prefix the document's and replaces it in the unsecured document.
	 * false (RDFC suites, §3.2.5): the proof configuration takes the
	 * document's @context.
	 */
	bool		proof_context_prefix;

	/*
	 * A legacy name or suite that credreg verifies but does not sign with
	 * (eddsa-2022, Ed25519Signature2020).
	 */
	bool		verify_only;

	/*
	 * When not NULL, the verifier adds this to its checks for a proof of the
	 * suite (a warning, not a failure: "legacy_cryptosuite ...").
	 */
	const char *note;

	/*
	 * true: the proof value is a detached JWS in "jws" (the Linked Data
	 * Signatures suites, EcdsaSecp256k1Signature2019), not "proofValue".
	 */
	bool		jws_proof;

	/*
	 * When not NULL, the suite verifies its proofs itself (a proof value
	 * that is not one signature over proofConfigHash || documentHash, as
	 * ecdsa-sd-2023's); crdi_verify_proof calls it once the key fits.
	 */
	bool		(*verify) (const CrJson *doc, const struct CrDiProof *proofs, int nproofs,
						   int i, const CrKey *key, CredregFailure *failure);
} CrDiSuite;

/* Registers a suite (at module load); later registrations of a name win. */
extern void crdi_register_suite(const CrDiSuite *suite);
extern const CrDiSuite *crdi_find_suite(const char *cryptosuite);

/* The built-in suites register themselves on the first lookup. */
extern void crdi_register_jcs_suites(void);	/* jcs_suites.c */
extern void crdi_register_rdfc_suites(void);	/* rdfc_suites.c */
extern void crdi_register_ecdsa_sd_suite(void);	/* ecdsa_sd.c */
extern void crdi_register_secp256k1_suite(void);	/* secp256k1_2019.c */

/*
 * A detached JWS with unencoded payload (the "jws" of the Linked Data
 * Signatures suites): checks the header names alg, b64 false and crit
 * ["b64"]; gives the length of BASE64URL(header) (the signing input is that,
 * '.', then the payload bytes) and the decoded signature.  Codes:
 * "malformed", "algorithm_refused" (detached_jws.c).
 */
extern bool crdi_detached_jws_parse(const char *jws, const char *alg, size_t *header_len,
									uint8 **sig, size_t *siglen, CredregFailure *failure);

/* RDFC-1.0 canonical N-Quads of a JSON-LD document (the RDFC suites' transformation). */
extern bool crdi_rdfc_canonicalize(const CrJson *doc, bool hash_sha384, StringInfo out,
								   CredregFailure *failure);

/* One proof of a secured document, checked for shape. */
typedef struct CrDiProof
{
	const CrJson *proof;
	const char *id;				/* NULL when absent */
	const char *cryptosuite;
	const char *verification_method;
	const char *purpose;
	const char *proof_value;	/* NULL when the proof carries "jws" instead */
	const char *jws;			/* a Linked Data Signatures detached JWS, or NULL */
	const CrDiSuite *suite;		/* NULL: unknown cryptosuite */
	bool		has_created,
				has_expires;
	TimestampTz created,
				expires;
	int		   *previous;		/* indexes into the proof set */
	int			nprevious;
} CrDiProof;

/*
 * The proofs of a secured document (an object `proof` or an array of them,
 * at most credreg.max_proofs), with previousProof references resolved
 * (vc-data-integrity §4.5 step 3.2).  Codes: "malformed",
 * "unsupported_format" (a proof type other than DataIntegrityProof),
 * "program_limit".
 */
extern bool crdi_proofs(const CrJson *doc, CrDiProof **proofs, int *nproofs,
						CredregFailure *failure);

/* Every intermediate value of one proof's hashing, for tests and debugging. */
typedef struct CrDiHashing
{
	StringInfoData canonical_document;
	StringInfoData canonical_proof_config;
	uint8		proof_config_hash[CR_SHA384_LEN];
	uint8		document_hash[CR_SHA384_LEN];
	size_t		hash_len;		/* 32 or 48 */
	uint8		hash_data[CRDI_MAX_HASH_LEN];	/* proof config hash first */
} CrDiHashing;

/*
 * Proof configuration, transformation and hashing of proofs[i]
 * (vc-data-integrity §4.5 step 3.3: the unsecured document carries the
 * proofs that proofs[i] chains to).  key_type picks the hash of the ECDSA
 * suites (P-384 -> SHA-384).
 */
extern bool crdi_hash(const CrJson *doc, const CrDiProof *proofs, int nproofs, int i,
					  CrKeyType key_type, CrDiHashing *h, CredregFailure *failure);

/* Hash then verify proofs[i] with key.  Codes as above plus "signature_invalid". */
extern bool crdi_verify_proof(const CrJson *doc, const CrDiProof *proofs, int nproofs,
							  int i, const CrKey *key, CredregFailure *failure);

/*
 * Add a proof (Create Proof, vc-di-eddsa §3.3.1 / vc-di-ecdsa §3.3.1):
 * the document's existing proofs are kept (a proof set).  Raises on error.
 */
extern CrJson *crdi_sign(const CrJson *doc, const CrKey *key, const char *cryptosuite,
						 const char *verification_method, TimestampTz created);

#endif							/* CREDREG_DATAINT_H */

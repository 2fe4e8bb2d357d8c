/*
 * blockcerts.h
 *		Blockcerts v3 credentials secured with MerkleProof2019 (w3c-ccg
 *		lds-merkle-proof-2019; as a DataIntegrityProof, cryptosuite
 *		merkle-proof-2019): the credential's hash is a leaf of a Merkle tree
 *		whose root an issuer anchored in a blockchain transaction.  credreg
 *		checks the path from the hash to the root and looks the root up in
 *		credreg.blockchain_anchor, which the registry fills; it never
 *		contacts a chain.
 */
#ifndef CREDREG_BLOCKCERTS_H
#define CREDREG_BLOCKCERTS_H

#include "crypto/crypto.h"
#include "json/json.h"
#include "verify/verify.h"

#define CRBC_MAX_PATH 64		/* a tree of 2^64 leaves is deep enough */
#define CRBC_MAX_ANCHORS 16

typedef struct CrMerkleAnchor
{
	char	   *chain;			/* "btc:mainnet", "btc:testnet", "eth:mainnet", "mocknet", ... */
	char	   *transaction_id;
} CrMerkleAnchor;

/* A decoded proofValue. */
typedef struct CrMerkleProof
{
	uint8		merkle_root[CR_SHA256_LEN];
	uint8		target_hash[CR_SHA256_LEN];
	int			npath;
	bool		left[CRBC_MAX_PATH];	/* sibling on the left (else right) */
	uint8		sibling[CRBC_MAX_PATH][CR_SHA256_LEN];
	int			nanchors;
	CrMerkleAnchor anchors[CRBC_MAX_ANCHORS];
} CrMerkleProof;

/*
 * Decodes a proofValue: multibase base58btc ("z") of CBOR, keys compressed
 * to integers (0 merkleRoot, 1 targetHash, 2 anchors, 3 path; in a path
 * step 0 left, 1 right; in an anchor 0 chain, 1 network, then the
 * transaction), hashes as hex text.  Code "malformed".
 */
extern bool crbc_decode_proof_value(const char *text, size_t len, CrMerkleProof *proof,
									CredregFailure *failure);

/* The root the path leads to from the target hash (sha256 of each pair). */
extern void crbc_merkle_root(const CrMerkleProof *proof, uint8 root[CR_SHA256_LEN]);

/* True when doc's proof (every one of its proofs) is a MerkleProof2019. */
extern bool crbc_is_merkle_document(const CrJson *doc);

/* Verifies such a document into r (the verifier's dispatch hook). */
extern void crbc_verify_document(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r);

/*
 * Step 3 of both versions: the root is anchored in one of the proof's
 * anchors (credreg.blockchain_anchor; mocknet needs none).  Records
 * anchor_unknown / anchor_mismatch; false then.
 */
extern bool crbc_check_anchors(const CrMerkleProof *proof, CrVerification *r);

/*
 * Blockcerts v2 (blockcerts_v2.c): an Open Badges 2.0 assertion whose
 * "signature" is a MerkleProof2017, and its verification.
 */
extern bool crbc_is_v2_document(const CrJson *doc);

/*
 * Decodes a MerkleProof2017 "signature" (targetHash, merkleRoot, proof as
 * {left|right: hex} steps, anchors with sourceId and chain, the chain named
 * as v3 names it: bitcoinMainnet -> btc:mainnet...).  Code "malformed".
 */
extern bool crbc_decode_v2_signature(const CrJson *sig, CrMerkleProof *proof,
									 CredregFailure *failure);
extern void crbc_verify_v2(CrJson *doc, TimestampTz as_of, bool stop, CrVerification *r);

#endif							/* CREDREG_BLOCKCERTS_H */

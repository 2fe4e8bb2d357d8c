/*
 * crypto.h
 *		Keys and signatures over OpenSSL EVP: public-key import from every
 *		form credentials use, signature verification and signing, digests,
 *		and the per-backend key cache.
 *
 * Nothing here raises on bad input: importers and verifiers return false and
 * fill a CredregFailure, so that the verifier can turn one bad row into
 * valid = false and go on.  OpenSSL objects owned by a CrKey are freed by
 * crkey_free(); keys in the cache live for the backend's lifetime.
 */
#ifndef CREDREG_CRYPTO_H
#define CREDREG_CRYPTO_H

#include "credreg.h"
#include "json/json.h"

typedef enum CrKeyType
{
	CRKEY_ED25519 = 1,
	CRKEY_P256 = 2,
	CRKEY_P384 = 3,
	CRKEY_RSA = 4,
	CRKEY_SECP256K1 = 5			/* SEC 2 secp256k1 (Blockcerts, did:key zQ3s...) */
} CrKeyType;

/* Signature algorithms, named as JOSE names them. */
typedef enum CrSigAlg
{
	CRSIG_EDDSA = 1,			/* Ed25519, RFC 8032 pure */
	CRSIG_ES256,				/* ECDSA P-256 SHA-256, raw r||s (64 bytes) */
	CRSIG_ES384,				/* ECDSA P-384 SHA-384, raw r||s (96 bytes) */
	CRSIG_RS256,				/* RSASSA-PKCS1-v1_5 SHA-256 */
	CRSIG_PS256,				/* RSASSA-PSS SHA-256, MGF1 SHA-256, salt 32 */
	CRSIG_ES256K				/* ECDSA secp256k1 SHA-256, raw r||s (RFC 8812 §3.2) */
} CrSigAlg;

typedef struct CrKey
{
	CrKeyType	type;
	bool		is_private;
	struct evp_pkey_st *pkey;	/* EVP_PKEY */

	/*
	 * Added to the original interface: the canonical public encoding, which
	 * is also the payload of the credreg.pubkey type (see pubkey.c):
	 * Ed25519 the 32 raw bytes; P-256/P-384/secp256k1 the compressed SEC1
	 * point (33/49/33 bytes); RSA a 2-byte big-endian length of e, e, then n (both unsigned
	 * big-endian without leading zero bytes).  Set for private keys too
	 * (their public half).
	 */
	uint8	   *pub;
	int			publen;
	/* EC only: the uncompressed point 0x04 || x || y, for JWK output. */
	uint8	   *point;
	int			pointlen;

	/*
	 * Verification context kept between crsig_verify calls (keys that live
	 * in the cache are used many times): an EVP_PKEY_CTX set up for
	 * vctx_alg, or for Ed25519 an EVP_MD_CTX.  Mutable through a const
	 * CrKey; private to sig.c.
	 */
	void	   *vctx;
	CrSigAlg	vctx_alg;

	/* Frees the OpenSSL objects when the owning memory context goes away. */
	MemoryContextCallback free_cb;
} CrKey;

/*
 * Public-key import.  crkey_parse accepts any text form: a JWK (JSON object
 * text), a Multikey ("z6Mk…", "zDn…", "z82…", secp256k1 "zQ3s…"), a did:key or did:jwk DID or
 * DID URL, or an SPKI PEM; surrounding whitespace is ignored.  Failure codes
 * below.  Keys are made in CurrentMemoryContext.  Ed25519 keys must be
 * curve points not of small order; EC points must lie on the curve.
 */
extern bool crkey_parse(const char *text, size_t len, CrKey **key, CredregFailure *failure);
extern bool crkey_from_jwk(const CrJson *jwk, CrKey **key, CredregFailure *failure);
extern bool crkey_from_multikey(const char *multibase, size_t len, CrKey **key, CredregFailure *failure);

/*
 * Added: a key from its canonical public encoding (CrKey.pub) or, for
 * P-256/P-384, any SEC1 point (compressed or uncompressed).  Points are
 * checked to lie on the curve; Ed25519 encodings must decode to a point.
 */
extern bool crkey_from_public_bytes(CrKeyType type, const uint8 *data, size_t len,
									CrKey **key, CredregFailure *failure);

/*
 * Failure codes of the importers: "key_malformed" (not a key), "key_unsupported"
 * (a key type or size credreg does not take), "key_private" (private key
 * material where a public key was expected; the material is never echoed).
 */

/*
 * Private key import for signing: a private JWK (OKP/EC with "d", RSA with
 * all CRT members; the public members must match), a multibase private key
 * (ed25519-priv 0x1300, p256-priv 0x1306, p384-priv 0x1307) or an
 * unencrypted PKCS#8 "PRIVATE KEY" PEM.  CrKey.pub holds the public half.
 */
extern bool crkey_parse_private(const char *text, size_t len, CrKey **key, CredregFailure *failure);

/*
 * A private key text of the form 'signing_key:NAME' refers to the row NAME
 * of credreg.signing_key (signing_key.c); crkey_parse_private resolves it,
 * reading the table as the calling role (an ERROR when it may not).
 */
#define CRKEY_STORED_PREFIX "signing_key:"
extern bool crkey_stored_private(const char *name, size_t len, CrKey **key,
								 CredregFailure *failure);

/*
 * Frees the OpenSSL objects at once (they are otherwise freed when the memory
 * context the key was made in is reset or deleted, so no EVP_PKEY outlives an
 * error).  The CrKey struct itself stays allocated until then.
 */
extern void crkey_free(CrKey *key);

/*
 * Per-backend cache: the decoded key for a given text form (exact bytes),
 * parsed once per backend; failures are cached too (same code and message).
 * The returned key belongs to the cache; do not free it.  It is borrowed
 * for the call at hand (util/cache.h): use it for the credential at hand,
 * not across rows.  To skip a later lookup, keep it together with
 * crkey_cache_generation() and use it only while that is unchanged.  A key
 * carried as a parsed JWK (a JWS "jwk" header) can be cached by passing its
 * compact text (crjson_append_text).
 */
extern bool crkey_cached(const char *text, size_t len, const CrKey **key, CredregFailure *failure);
extern uint64 crkey_cache_generation(void);

/* Canonical forms. */
extern char *crkey_multikey(const CrKey *key);	/* NULL for RSA */
extern void crkey_append_jwk(StringInfo out, const CrKey *key);	/* public members, RFC 7638 order */
extern char *crkey_thumbprint(const CrKey *key);	/* RFC 7638, SHA-256, base64url */
extern const char *crkey_type_name(CrKeyType type);	/* "Ed25519", "P-256", ... */

/* True when the algorithm fits the key (EdDSA needs Ed25519, ES256 P-256...). */
extern bool crsig_alg_fits_key(CrSigAlg alg, const CrKey *key);
/* The default algorithm of a key type (RS256 for RSA); false for no known type. */
extern bool crsig_alg_for_key_type(CrKeyType type, CrSigAlg *alg);
extern bool crsig_alg_from_name(const char *name, CrSigAlg *alg);	/* JOSE "alg" */
extern const char *crsig_alg_name(CrSigAlg alg);

/*
 * Verify a signature over msg.  False with "signature_invalid" when it does
 * not verify or has the wrong length (Ed25519 64 bytes, ES256/ES256K 64 and ES384 96
 * bytes of raw r||s, RSA the modulus size), "key_mismatch" when alg does not
 * fit the key.  ECDSA accepts high-S; PS256 is MGF1-SHA-256 with a 32-byte
 * salt.  Never raises on bad input (only an internal OpenSSL fetch failure
 * could raise).  The key's verification context is kept on the key.
 */
extern bool crsig_verify(const CrKey *key, CrSigAlg alg,
						 const uint8 *msg, size_t msglen,
						 const uint8 *sig, size_t siglen,
						 CredregFailure *failure);

/* Sign msg; ECDSA output is raw r||s.  Raises on OpenSSL failure. */
extern void crsig_sign(const CrKey *key, CrSigAlg alg,
					   const uint8 *msg, size_t msglen,
					   uint8 **sig, size_t *siglen);

/* Digests. */
#define CR_SHA256_LEN 32
#define CR_SHA384_LEN 48
extern void cr_sha256(const void *data, size_t len, uint8 out[CR_SHA256_LEN]);
extern void cr_sha384(const void *data, size_t len, uint8 out[CR_SHA384_LEN]);

#endif							/* CREDREG_CRYPTO_H */

/*
 * crypto_int.h
 *		Helpers shared by the files of the crypto capability; not part of its
 *		public face (crypto.h, keystore.h).
 */
#ifndef CREDREG_CRYPTO_INT_H
#define CREDREG_CRYPTO_INT_H

#include "crypto/crypto.h"

#include <openssl/evp.h>

/* RSA modulus sizes accepted (bits). */
#define CR_RSA_MIN_BITS 2048
#define CR_RSA_MAX_BITS 16384

/* A CrKey owning pkey from the call on (freed on error too), freed with CurrentMemoryContext (keys.c). */
extern CrKey *crkey_wrap(CrKeyType type, bool is_private, EVP_PKEY *pkey);

/* Fills *failure from the OpenSSL error queue, which is emptied; returns false. */
extern bool crypto_fail(CredregFailure *failure, const char *code, const char *what);

/* Coordinate size of P-256/P-384 in bytes; 0 otherwise. */
extern int	crkey_ec_size(CrKeyType type);

/*
 * A CrKey owning the EC key pkey, with its canonical encodings filled in;
 * false (pkey freed) when its public point cannot be read (keys.c).
 */
extern bool crkey_wrap_ec(CrKeyType type, bool is_private, EVP_PKEY *pkey,
						  CrKey **key, CredregFailure *failure);
extern bool crkey_from_rsa_ne(const uint8 *n, size_t nlen, const uint8 *e, size_t elen,
							  CrKey **key, CredregFailure *failure);
extern bool crkey_rsa_split(const uint8 *pub, size_t publen, const uint8 **e, size_t *elen,
							const uint8 **n, size_t *nlen);

/* JWK text (jwk.c); want_private selects private-key import. */
extern bool crkey_from_jwk_text(const char *text, size_t len, bool want_private,
								CrKey **key, CredregFailure *failure);

/*
 * Whether key text that failed to parse may be (damaged) private key
 * material, which errors must not quote (jwk.c).  NUL-terminated.
 */
extern bool crkey_text_may_be_private(const char *input);

/* Fetched-once digest implementations (sig.c). */
extern const EVP_MD *cr_md_sha256(void);
extern const EVP_MD *cr_md_sha384(void);

#endif							/* CREDREG_CRYPTO_INT_H */

/*
 * keys.c
 *		Public-key import from every text form credentials use (Multikey,
 *		did:key, did:jwk, JWK, SPKI PEM) into OpenSSL EVP_PKEYs, and the
 *		canonical forms a key is written back in (Multikey, JWK, RFC 7638
 *		thumbprint).
 *
 * Every import ends in crkey_from_public_bytes, so whatever the text form,
 * a key is rebuilt from the same canonical bytes and checked the same way:
 * Ed25519 encodings must decode to a curve point (RFC 8032 §5.1.3), EC points
 * must lie on their curve, RSA moduli are 2048..16384 bits.
 */
#include "postgres.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "util/encoding.h"

/* Multicodec codes (multiformats table, CID 1.0 §2.2.2). */
#define MC_ED25519_PUB	0xed
#define MC_SECP256K1_PUB 0xe7
#define MC_P256_PUB		0x1200
#define MC_P384_PUB		0x1201
#define MC_RSA_PUB		0x1205
#define MC_ED25519_PRIV 0x1300
#define MC_P256_PRIV	0x1306
#define MC_P384_PRIV	0x1307

/* ---- CrKey lifetime ---- */

static void
crkey_release(CrKey *key)
{
	if (key->vctx != NULL)
	{
		if (key->type == CRKEY_ED25519)
			EVP_MD_CTX_free((EVP_MD_CTX *) key->vctx);
		else
			EVP_PKEY_CTX_free((EVP_PKEY_CTX *) key->vctx);
		key->vctx = NULL;
	}
	if (key->pkey != NULL)
	{
		EVP_PKEY_free(key->pkey);
		key->pkey = NULL;
	}
}

static void
crkey_reset_callback(void *arg)
{
	crkey_release((CrKey *) arg);
}

/*
 * A new key in CurrentMemoryContext, owning pkey: the EVP_PKEY is freed by a
 * reset callback of that context, so it cannot outlive an error.  pkey is
 * owned from the call on: the wrapper is the only allocation, and when it
 * cannot be made pkey is freed before the out-of-memory error is raised
 * (registering the callback allocates nothing).  Callers create pkey just
 * before this call, with no allocation in between.
 */
CrKey *
crkey_wrap(CrKeyType type, bool is_private, EVP_PKEY *pkey)
{
	CrKey	   *key = palloc_extended(sizeof(CrKey), MCXT_ALLOC_ZERO | MCXT_ALLOC_NO_OOM);

	if (key == NULL)
	{
		EVP_PKEY_free(pkey);
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	}
	key->type = type;
	key->is_private = is_private;
	key->free_cb.func = crkey_reset_callback;
	key->free_cb.arg = key;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &key->free_cb);
	key->pkey = pkey;
	return key;
}

void
crkey_free(CrKey *key)
{
	if (key == NULL)
		return;
	crkey_release(key);
	if (key->pub)
		pfree(key->pub);
	if (key->point)
		pfree(key->point);
	key->pub = key->point = NULL;
	key->publen = key->pointlen = 0;
}

/*
 * Reports an OpenSSL failure as a failure code and empties the error queue.
 * OpenSSL's own error text is left out: it names internals and changes
 * between versions, and `what` already says what failed.
 */
bool
crypto_fail(CredregFailure *failure, const char *code, const char *what)
{
	ERR_clear_error();
	return credreg_fail(failure, code, "%s", what);
}

const char *
crkey_type_name(CrKeyType type)
{
	switch (type)
	{
		case CRKEY_ED25519:
			return "Ed25519";
		case CRKEY_P256:
			return "P-256";
		case CRKEY_P384:
			return "P-384";
		case CRKEY_RSA:
			return "RSA";
		case CRKEY_SECP256K1:
			return "secp256k1";
	}
	return "unknown";
}

/* Coordinate size in bytes of an EC key type, 0 for others. */
int
crkey_ec_size(CrKeyType type)
{
	return (type == CRKEY_P256 || type == CRKEY_SECP256K1) ? 32 : type == CRKEY_P384 ? 48 : 0;
}

/* ---- Ed25519 point check (RFC 8032 §5.1.3, decoding) ---- */

/*
 * The y coordinates (little-endian, sign bit clear) of the eight points of
 * small order: the identity (y = 1), the point of order 2 (y = -1), the two
 * of order 4 (y = 0) and the four of order 8.  A public key among them makes
 * [S]B = R + [k]A hold for any message whose R is [S]B (RFC 8032 does not
 * forbid them; libsodium and others refuse them, and so does credreg).
 */
static const uint8 ed25519_small_order_y[5][32] = {
	{0x01},
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
	{0x00},
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
	 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
	 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05}
};

static bool
ed25519_small_order(const uint8 *pub)
{
	uint8		y[32];

	memcpy(y, pub, 32);
	y[31] &= 0x7f;
	for (int i = 0; i < lengthof(ed25519_small_order_y); i++)
		if (memcmp(y, ed25519_small_order_y[i], 32) == 0)
			return true;
	return false;
}

/*
 * True when the 32 bytes decode to a point of edwards25519 (RFC 8032
 * §5.1.3): y < p, and x^2 = (y^2 - 1) / (d y^2 + 1) has a root, with x = 0
 * only for sign 0.  OpenSSL 3.0 imports any 32 bytes as an Ed25519 key and
 * fails only at verification, which would let a non-key into the registry.
 * u / v is a square exactly when u * v is (v != 0, and 1/v = v / v^2), so
 * one Legendre symbol decides it, without inversion or square root.
 */
static bool
ed25519_point_valid(const uint8 *pub)
{
	static const uint8 p_be[32] = {
		0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xed
	};
	/* d = -121665 / 121666 mod p */
	static const uint8 d_be[32] = {
		0x52, 0x03, 0x6c, 0xee, 0x2b, 0x6f, 0xfe, 0x73,
		0x8c, 0xc7, 0x40, 0x79, 0x77, 0x79, 0xe8, 0x98,
		0x00, 0x70, 0x0a, 0x4d, 0x41, 0x41, 0xd8, 0xab,
		0x75, 0xeb, 0x4d, 0xca, 0x13, 0x59, 0x78, 0xa3
	};
	uint8		y_be[32];
	int			sign = pub[31] >> 7;
	BN_CTX	   *ctx = BN_CTX_new();
	BIGNUM	   *p,
			   *y,
			   *d,
			   *t,
			   *u,
			   *v;
	bool		ok = false;

	if (ctx == NULL)
		return false;
	BN_CTX_start(ctx);
	p = BN_CTX_get(ctx);
	y = BN_CTX_get(ctx);
	d = BN_CTX_get(ctx);
	t = BN_CTX_get(ctx);
	u = BN_CTX_get(ctx);
	v = BN_CTX_get(ctx);
	if (v == NULL)
		goto done;

	/* little-endian y with the sign bit cleared */
	for (int i = 0; i < 32; i++)
		y_be[i] = pub[31 - i];
	y_be[0] &= 0x7f;
	if (!BN_bin2bn(p_be, 32, p) || !BN_bin2bn(y_be, 32, y) ||
		!BN_bin2bn(d_be, 32, d))
		goto done;
	if (BN_cmp(y, p) >= 0)
		goto done;

	/* u = y^2 - 1, v = d y^2 + 1 */
	if (!BN_mod_sqr(t, y, p, ctx) ||
		!BN_copy(u, t) || !BN_sub_word(u, 1) || !BN_nnmod(u, u, p, ctx) ||
		!BN_mod_mul(v, d, t, p, ctx) || !BN_add_word(v, 1) || !BN_nnmod(v, v, p, ctx))
		goto done;
	if (BN_is_zero(u))
	{
		/* x = 0: the encoding with the sign bit set is invalid */
		ok = (sign == 0);
		goto done;
	}
	/* the Legendre symbol (u v / p), as the Jacobi symbol of a prime p */
	if (!BN_mod_mul(t, u, v, p, ctx))
		goto done;
	ok = BN_kronecker(t, p, ctx) == 1;

done:
	BN_CTX_end(ctx);
	BN_CTX_free(ctx);
	ERR_clear_error();
	return ok;
}

/* ---- building keys from canonical bytes ---- */

static void
crkey_set_pub(CrKey *key, const uint8 *pub, int publen)
{
	key->pub = palloc(publen);
	memcpy(key->pub, pub, publen);
	key->publen = publen;
}

static bool
from_ed25519(const uint8 *data, size_t len, CrKey **key, CredregFailure *failure)
{
	EVP_PKEY   *pkey;
	CrKey	   *k;

	if (len != 32)
		return credreg_fail(failure, "key_malformed",
							"an Ed25519 public key has 32 bytes, not %zu", len);
	if (!ed25519_point_valid(data))
		return credreg_fail(failure, "key_malformed",
							"the Ed25519 public key is not a point of the curve");
	if (ed25519_small_order(data))
		return credreg_fail(failure, "key_malformed",
							"the Ed25519 public key is a point of small order");
	pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, data, 32);
	if (pkey == NULL)
		return crypto_fail(failure, "key_malformed", "could not import the Ed25519 public key");
	k = crkey_wrap(CRKEY_ED25519, false, pkey);
	crkey_set_pub(k, data, 32);
	*key = k;
	return true;
}

/*
 * Fills the canonical encodings of an EC key from its EVP_PKEY: the
 * compressed point (pub) and the uncompressed one (point).
 */
static bool
fill_ec(CrKey *k, CredregFailure *failure)
{
	int			n = crkey_ec_size(k->type);
	BIGNUM	   *bx = NULL,
			   *by = NULL;
	uint8		buf[1 + 2 * 48];
	bool		ok;

	ok = EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_EC_PUB_X, &bx) == 1 &&
		EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_EC_PUB_Y, &by) == 1 &&
		BN_bn2binpad(bx, buf + 1, n) == n &&
		BN_bn2binpad(by, buf + 1 + n, n) == n;
	BN_free(bx);
	BN_free(by);
	if (!ok)
		return crypto_fail(failure, "key_malformed", "could not read the EC public point");
	buf[0] = 0x04;
	k->point = palloc(1 + 2 * n);
	memcpy(k->point, buf, 1 + 2 * n);
	k->pointlen = 1 + 2 * n;
	/* SEC1 §2.3.3 compressed form: 02 or 03 (the parity of y), then x */
	buf[0] = (buf[2 * n] & 1) ? 0x03 : 0x02;
	crkey_set_pub(k, buf, 1 + n);
	return true;
}

bool
crkey_wrap_ec(CrKeyType type, bool is_private, EVP_PKEY *pkey, CrKey **key,
			  CredregFailure *failure)
{
	CrKey	   *k = crkey_wrap(type, is_private, pkey);

	if (!fill_ec(k, failure))
	{
		crkey_free(k);
		return false;
	}
	*key = k;
	return true;
}

/* An EC public key of the given curve from a SEC1 point, checked on the curve. */
static bool
from_ec_point(CrKeyType type, const uint8 *data, size_t len, CrKey **key,
			  CredregFailure *failure)
{
	int			n = crkey_ec_size(type);
	const char *group = crkey_type_name(type);	/* OpenSSL knows all three names */
	OSSL_PARAM	params[3];
	EVP_PKEY_CTX *ctx;
	EVP_PKEY   *pkey = NULL;
	int			rc;

	if (!((len == 1 + n && (data[0] == 0x02 || data[0] == 0x03)) ||
		  (len == 1 + 2 * n && data[0] == 0x04)))
		return credreg_fail(failure, "key_malformed",
							"a %s public key is a %d-byte compressed or %d-byte uncompressed point, not %zu bytes",
							group, 1 + n, 1 + 2 * n, len);

	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
												 (char *) group, 0);
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
												  (void *) data, len);
	params[2] = OSSL_PARAM_construct_end();

	ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	if (ctx == NULL)
		return crypto_fail(failure, "key_malformed", "could not create an EC key context");
	rc = EVP_PKEY_fromdata_init(ctx);
	if (rc == 1)
		rc = EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params);
	EVP_PKEY_CTX_free(ctx);
	/* EC_POINT_oct2point refuses points off the curve */
	if (rc == 1 && pkey == NULL)
		rc = 0;
	if (rc == 1)
	{
		/* Belt and braces: on the curve and not the point at infinity. */
		ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
		rc = (ctx != NULL) ? EVP_PKEY_public_check_quick(ctx) : 0;
		EVP_PKEY_CTX_free(ctx);
	}
	if (rc != 1)
	{
		EVP_PKEY_free(pkey);
		return crypto_fail(failure, "key_malformed",
						   psprintf("the %s public key is not a point of the curve", group));
	}
	return crkey_wrap_ec(type, false, pkey, key, failure);
}

/* Strips leading zero bytes of an unsigned big-endian integer. */
static void
strip_zeros(const uint8 **p, size_t *len)
{
	while (*len > 0 && (*p)[0] == 0)
	{
		(*p)++;
		(*len)--;
	}
}

/*
 * An RSA public key from n and e (unsigned big-endian).  2048..16384-bit
 * moduli (the upper bound is OpenSSL's own limit), odd e of at most 64 bits
 * (OpenSSL refuses larger exponents for moduli above 3072 bits).
 */
bool
crkey_from_rsa_ne(const uint8 *n, size_t nlen, const uint8 *e, size_t elen,
				  CrKey **key, CredregFailure *failure)
{
	BIGNUM	   *bn = NULL,
			   *be = NULL;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY   *pkey = NULL;
	int			bits;
	bool		ok;
	CrKey	   *k;
	uint8	   *pub;

	strip_zeros(&n, &nlen);
	strip_zeros(&e, &elen);
	if (nlen == 0 || (n[nlen - 1] & 1) == 0)
		return credreg_fail(failure, "key_malformed", "the RSA modulus is not odd");
	bits = (int) (nlen * 8);
	for (uint8 top = n[0]; (top & 0x80) == 0; top <<= 1)
		bits--;
	if (bits < CR_RSA_MIN_BITS)
		return credreg_fail(failure, "key_unsupported",
							"the RSA modulus has %d bits, fewer than the minimum of %d",
							bits, CR_RSA_MIN_BITS);
	if (bits > CR_RSA_MAX_BITS)
		return credreg_fail(failure, "key_unsupported",
							"the RSA modulus has %d bits, more than the maximum of %d",
							bits, CR_RSA_MAX_BITS);
	if (elen == 0 || elen > 8 || (e[elen - 1] & 1) == 0 || (elen == 1 && e[0] < 3))
		return credreg_fail(failure, "key_malformed",
							"the RSA public exponent must be odd, at least 3 and at most 64 bits");

	bn = BN_bin2bn(n, (int) nlen, NULL);
	be = BN_bin2bn(e, (int) elen, NULL);
	bld = OSSL_PARAM_BLD_new();
	ok = bn && be && bld &&
		OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) &&
		OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) &&
		(params = OSSL_PARAM_BLD_to_param(bld)) != NULL &&
		(ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) != NULL &&
		EVP_PKEY_fromdata_init(ctx) == 1 &&
		EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) == 1;
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(bn);
	BN_free(be);
	if (!ok)
	{
		EVP_PKEY_free(pkey);
		return crypto_fail(failure, "key_malformed", "could not import the RSA public key");
	}

	k = crkey_wrap(CRKEY_RSA, false, pkey);
	pub = palloc(2 + elen + nlen);
	pub[0] = (uint8) (elen >> 8);
	pub[1] = (uint8) elen;
	memcpy(pub + 2, e, elen);
	memcpy(pub + 2 + elen, n, nlen);
	k->pub = pub;
	k->publen = (int) (2 + elen + nlen);
	*key = k;
	return true;
}

/* Splits a canonical RSA payload into e and n; false when malformed. */
bool
crkey_rsa_split(const uint8 *pub, size_t publen, const uint8 **e, size_t *elen,
				const uint8 **n, size_t *nlen)
{
	size_t		el;

	if (publen < 2)
		return false;
	el = ((size_t) pub[0] << 8) | pub[1];
	if (el == 0 || 2 + el >= publen)
		return false;
	*e = pub + 2;
	*elen = el;
	*n = pub + 2 + el;
	*nlen = publen - 2 - el;
	return true;
}

bool
crkey_from_public_bytes(CrKeyType type, const uint8 *data, size_t len,
						CrKey **key, CredregFailure *failure)
{
	switch (type)
	{
		case CRKEY_ED25519:
			return from_ed25519(data, len, key, failure);
		case CRKEY_P256:
		case CRKEY_P384:
		case CRKEY_SECP256K1:
			return from_ec_point(type, data, len, key, failure);
		case CRKEY_RSA:
			{
				const uint8 *e,
						   *n;
				size_t		elen,
							nlen;

				if (!crkey_rsa_split(data, len, &e, &elen, &n, &nlen) ||
					e[0] == 0 || n[0] == 0)
					return credreg_fail(failure, "key_malformed",
										"the RSA key encoding is malformed");
				return crkey_from_rsa_ne(n, nlen, e, elen, key, failure);
			}
	}
	return credreg_fail(failure, "key_unsupported", "unsupported key type %d", (int) type);
}

/* ---- Multikey, did:key ---- */

/*
 * A multibase ('z' base58btc or 'u' base64url) multicodec public key: CID 1.0
 * §2.2.2 and did:key §3.1.2 steps 2-4 (the length and the point are checked).
 */
bool
crkey_from_multikey(const char *multibase, size_t len, CrKey **key, CredregFailure *failure)
{
	uint8	   *raw;
	size_t		rawlen;
	uint64		codec;
	int			hl;
	bool		ok;

	if (len < 2 || (multibase[0] != 'z' && multibase[0] != 'u'))
		return credreg_fail(failure, "key_malformed",
							"a multibase key starts with \"z\" (base58btc) or \"u\" (base64url)");
	if (!multibase_decode(multibase, len, &raw, &rawlen))
		return credreg_fail(failure, "key_malformed",
							multibase[0] == 'z' ? "the key is not valid base58btc"
							: "the key is not valid base64url");
	hl = varint_decode(raw, rawlen, &codec);
	if (hl == 0)
	{
		pfree(raw);
		return credreg_fail(failure, "key_malformed", "the key does not start with a multicodec varint");
	}
	switch (codec)
	{
		case MC_ED25519_PUB:
			ok = from_ed25519(raw + hl, rawlen - hl, key, failure);
			break;
		case MC_P256_PUB:
		case MC_P384_PUB:
		case MC_SECP256K1_PUB:
			{
				CrKeyType	t = codec == MC_P256_PUB ? CRKEY_P256 :
					codec == MC_P384_PUB ? CRKEY_P384 : CRKEY_SECP256K1;
				size_t		want = 1 + crkey_ec_size(t);

				/* did:key §3.1.2 step 3: compressed points only */
				if (rawlen - hl != want)
					ok = credreg_fail(failure, "key_malformed",
									  "a %s Multikey holds a %zu-byte compressed point, not %zu bytes",
									  crkey_type_name(t), want, rawlen - hl);
				else
					ok = from_ec_point(t, raw + hl, rawlen - hl, key, failure);
				break;
			}
		case MC_ED25519_PRIV:
		case MC_P256_PRIV:
		case MC_P384_PRIV:
			ok = credreg_fail(failure, "key_private",
							  "the multibase value is a private key, where a public key was expected");
			break;
		default:
			ok = credreg_fail(failure, "key_unsupported",
							  "multicodec 0x%llx is not a supported public key type",
							  (unsigned long long) codec);
			break;
	}
	explicit_bzero(raw, rawlen);
	pfree(raw);
	return ok;
}

/* The characters a did:key method-specific id may use (did:key §2). */
static bool
multibase_chars_ok(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return false;
	}
	return true;
}

/*
 * did:key:<mb-value> with an optional fragment, which must repeat the
 * multibase value (did:key §3.1.2 step 5); no path or query.
 */
static bool
from_did_key(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	const char *id = text + 8;
	const char *hash = memchr(id, '#', len - 8);
	size_t		idlen = hash ? (size_t) (hash - id) : len - 8;

	if (idlen == 0 || !multibase_chars_ok(id, idlen))
		return credreg_fail(failure, "key_malformed",
							"the did:key identifier is not a multibase value");
	if (hash)
	{
		size_t		fraglen = len - 8 - idlen - 1;

		if (fraglen != idlen || memcmp(hash + 1, id, idlen) != 0)
			return credreg_fail(failure, "key_malformed",
								"the did:key fragment does not repeat the key");
	}
	return crkey_from_multikey(id, idlen, key, failure);
}

/*
 * did:jwk:<base64url JWK> with an optional fragment "#0" (did:jwk spec,
 * "Read").
 */
static bool
from_did_jwk(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	const char *id = text + 8;
	const char *hash = memchr(id, '#', len - 8);
	size_t		idlen = hash ? (size_t) (hash - id) : len - 8;
	uint8	   *json;
	size_t		jsonlen;
	bool		ok;

	if (hash && !(len - 8 - idlen == 2 && hash[1] == '0'))
		return credreg_fail(failure, "key_malformed",
							"the only fragment of a did:jwk DID URL is \"#0\"");
	if (idlen == 0 || !base64url_decode(id, idlen, &json, &jsonlen))
		return credreg_fail(failure, "key_malformed",
							"the did:jwk identifier is not valid base64url");
	ok = crkey_from_jwk_text((const char *) json, jsonlen, false, key, failure);
	explicit_bzero(json, jsonlen);
	pfree(json);
	return ok;
}

/* ---- SPKI PEM ---- */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The group of an EC key as a credreg key type, or 0. */
static CrKeyType
ec_type_of(EVP_PKEY *pkey)
{
	char		name[64];
	size_t		nlen = 0;

	if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME,
									   name, sizeof(name), &nlen) != 1)
		return 0;
	if (strcmp(name, "prime256v1") == 0 || strcmp(name, "P-256") == 0)
		return CRKEY_P256;
	if (strcmp(name, "secp384r1") == 0 || strcmp(name, "P-384") == 0)
		return CRKEY_P384;
	if (strcmp(name, "secp256k1") == 0)
		return CRKEY_SECP256K1;
	return 0;
}

/*
 * Turns an EVP_PKEY decoded from some container (SPKI) into a CrKey through
 * its canonical bytes, so it gets the same checks as every other form.
 * pkey is freed.
 */
static bool
from_foreign_pkey(EVP_PKEY *pkey, CrKey **key, CredregFailure *failure)
{
	/* owned by the memory context from here on, even if an error is raised */
	CrKey	   *tmp = crkey_wrap(CRKEY_ED25519, false, pkey);
	bool		ok;

	if (EVP_PKEY_is_a(pkey, "ED25519"))
	{
		uint8		raw[32];
		size_t		rawlen = sizeof(raw);

		if (EVP_PKEY_get_raw_public_key(pkey, raw, &rawlen) != 1 || rawlen != 32)
			ok = crypto_fail(failure, "key_malformed", "could not read the Ed25519 public key");
		else
			ok = from_ed25519(raw, 32, key, failure);
	}
	else if (EVP_PKEY_is_a(pkey, "EC"))
	{
		CrKeyType	t = ec_type_of(pkey);
		uint8		pt[1 + 2 * 48];
		size_t		ptlen = 0;

		if (t == 0)
			ok = credreg_fail(failure, "key_unsupported",
							  "only the EC curves P-256, P-384 and secp256k1 (as named curves) are supported");
		else if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
												 pt, sizeof(pt), &ptlen) != 1)
			ok = crypto_fail(failure, "key_malformed", "could not read the EC public point");
		else
			ok = from_ec_point(t, pt, ptlen, key, failure);
	}
	else if (EVP_PKEY_is_a(pkey, "RSA"))
	{
		BIGNUM	   *bn = NULL,
				   *be = NULL;
		uint8		nb[CR_RSA_MAX_BITS / 8];
		uint8		eb[8];
		int			nl = 0,
					el = 0;

		ok = EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &bn) == 1 &&
			EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &be) == 1;
		if (ok && BN_num_bytes(bn) <= (int) sizeof(nb) && BN_num_bytes(be) <= (int) sizeof(eb))
		{
			nl = BN_bn2bin(bn, nb);
			el = BN_bn2bin(be, eb);
		}
		BN_free(bn);
		BN_free(be);
		if (!ok)
			ok = crypto_fail(failure, "key_malformed", "could not read the RSA public key");
		else if (nl == 0 || el == 0)
			ok = credreg_fail(failure, "key_unsupported",
							  "the RSA modulus or exponent is larger than credreg accepts");
		else
			ok = crkey_from_rsa_ne(nb, nl, eb, el, key, failure);
	}
	else
		ok = credreg_fail(failure, "key_unsupported",
						  "the key type is not Ed25519, P-256, P-384, secp256k1 or RSA");
	crkey_free(tmp);
	ERR_clear_error();
	return ok;
}

/* An SPKI in a "PUBLIC KEY" PEM block, alone but for surrounding whitespace. */
static bool
from_pem(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	BIO		   *bio;
	EVP_PKEY   *pkey;
	char		rest[64];
	int			nrest;
	bool		trailing = false;

	if (len > 64 * 1024)
		return credreg_fail(failure, "key_malformed", "the PEM text is too long");
	if (memmem(text, len, "PRIVATE KEY-----", 16) != NULL)
		return credreg_fail(failure, "key_private",
							"the PEM block is a private key, where a public key was expected");
	bio = BIO_new_mem_buf(text, (int) len);
	if (bio == NULL)
		return crypto_fail(failure, "key_malformed", "could not read the PEM text");
	/* reads only "-----BEGIN PUBLIC KEY-----" blocks (SubjectPublicKeyInfo) */
	pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	if (pkey != NULL)
	{
		while ((nrest = BIO_read(bio, rest, sizeof(rest))) > 0)
		{
			for (int i = 0; i < nrest; i++)
				if (!is_space(rest[i]))
					trailing = true;
		}
	}
	BIO_free(bio);
	if (pkey == NULL)
		return crypto_fail(failure, "key_malformed",
						   "the PEM text is not a \"PUBLIC KEY\" block holding a SubjectPublicKeyInfo");
	if (trailing)
	{
		EVP_PKEY_free(pkey);
		return credreg_fail(failure, "key_malformed", "text follows the PEM block");
	}
	return from_foreign_pkey(pkey, key, failure);
}

/* ---- dispatch ---- */

static void
trim(const char **text, size_t *len)
{
	while (*len > 0 && is_space((*text)[0]))
	{
		(*text)++;
		(*len)--;
	}
	while (*len > 0 && is_space((*text)[*len - 1]))
		(*len)--;
}

bool
crkey_parse(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	trim(&text, &len);
	if (len == 0)
		return credreg_fail(failure, "key_malformed", "the key text is empty");
	if (text[0] == '{')
		return crkey_from_jwk_text(text, len, false, key, failure);
	if (len >= 8 && memcmp(text, "did:key:", 8) == 0)
		return from_did_key(text, len, key, failure);
	if (len >= 8 && memcmp(text, "did:jwk:", 8) == 0)
		return from_did_jwk(text, len, key, failure);
	if (len >= 4 && memcmp(text, "did:", 4) == 0)
		return credreg_fail(failure, "key_unsupported",
							"only did:key and did:jwk DIDs are decoded as keys");
	if (len > 10 && memcmp(text, "-----BEGIN", 10) == 0)
		return from_pem(text, len, key, failure);
	if (text[0] == 'z' || text[0] == 'u')
		return crkey_from_multikey(text, len, key, failure);
	return credreg_fail(failure, "key_malformed",
						"the text is not a JWK, Multikey, did:key, did:jwk or PEM public key");
}

/* ---- canonical forms ---- */

char *
crkey_multikey(const CrKey *key)
{
	uint8		buf[2 + 49];
	int			hl;
	StringInfoData out;

	switch (key->type)
	{
		case CRKEY_ED25519:
			hl = varint_encode(MC_ED25519_PUB, buf);
			break;
		case CRKEY_P256:
			hl = varint_encode(MC_P256_PUB, buf);
			break;
		case CRKEY_P384:
			hl = varint_encode(MC_P384_PUB, buf);
			break;
		case CRKEY_SECP256K1:
			hl = varint_encode(MC_SECP256K1_PUB, buf);
			break;
		default:
			return NULL;
	}
	Assert(hl + key->publen <= (int) sizeof(buf));
	memcpy(buf + hl, key->pub, key->publen);
	initStringInfo(&out);
	appendStringInfoChar(&out, 'z');
	base58btc_append(&out, buf, hl + key->publen);
	return out.data;
}

/* Public members in RFC 7638 §3.2 order: lexicographic, no whitespace. */
void
crkey_append_jwk(StringInfo out, const CrKey *key)
{
	switch (key->type)
	{
		case CRKEY_ED25519:
			appendStringInfoString(out, "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"");
			base64url_append(out, key->pub, key->publen);
			appendStringInfoString(out, "\"}");
			break;
		case CRKEY_P256:
		case CRKEY_P384:
		case CRKEY_SECP256K1:
			{
				int			n = crkey_ec_size(key->type);

				/* RFC 8812 §3.1: crv "secp256k1" */
				appendStringInfo(out, "{\"crv\":\"%s\",\"kty\":\"EC\",\"x\":\"",
								 crkey_type_name(key->type));
				base64url_append(out, key->point + 1, n);
				appendStringInfoString(out, "\",\"y\":\"");
				base64url_append(out, key->point + 1 + n, n);
				appendStringInfoString(out, "\"}");
				break;
			}
		case CRKEY_RSA:
			{
				const uint8 *e,
						   *n;
				size_t		elen,
							nlen;

				if (!crkey_rsa_split(key->pub, key->publen, &e, &elen, &n, &nlen))
					elog(ERROR, "corrupt RSA key encoding");
				appendStringInfoString(out, "{\"e\":\"");
				base64url_append(out, e, elen);
				appendStringInfoString(out, "\",\"kty\":\"RSA\",\"n\":\"");
				base64url_append(out, n, nlen);
				appendStringInfoString(out, "\"}");
				break;
			}
	}
}

/* RFC 7638 §3: SHA-256 of the canonical JWK, base64url. */
char *
crkey_thumbprint(const CrKey *key)
{
	StringInfoData jwk;
	uint8		digest[CR_SHA256_LEN];

	initStringInfo(&jwk);
	crkey_append_jwk(&jwk, key);
	cr_sha256(jwk.data, jwk.len, digest);
	pfree(jwk.data);
	return base64url_encode(digest, CR_SHA256_LEN);
}

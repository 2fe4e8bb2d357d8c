/*
 * jwk.c
 *		JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037 §2): public keys for
 *		verification and private keys for signing, and the private-key
 *		forms credreg.sign accepts (private JWK, multibase private key,
 *		PKCS#8 PEM).
 *
 * JWK text is read with credreg's strict JSON parser (duplicate members are
 * an error: two "x" members must not mean two keys).  A public JWK that
 * carries private members (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2 "d") is
 * refused with code "key_private", as CID 1.0 §2.2.3 requires of
 * publicKeyJwk.
 */
#include "postgres.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/pem.h>

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "json/json.h"
#include "util/encoding.h"

/* A member that must be a base64url string; NULL data when absent. */
typedef struct B64Member
{
	uint8	   *data;
	size_t		len;
} B64Member;

/*
 * Reads member name as base64url.  Absent: true with data NULL (required
 * members are checked by the caller).  Present but not a base64url string:
 * false.
 */
static bool
get_b64(const CrJson *jwk, const char *name, B64Member *m, CredregFailure *failure)
{
	const CrJson *v = crjson_get(jwk, name);

	m->data = NULL;
	m->len = 0;
	if (v == NULL)
		return true;
	if (v->kind != CRJ_STRING)
		return credreg_fail(failure, "key_malformed", "JWK member \"%s\" is not a string", name);
	if (!base64url_decode(v->u.str, v->count, &m->data, &m->len))
		return credreg_fail(failure, "key_malformed",
							"JWK member \"%s\" is not valid base64url", name);
	return true;
}

static void
wipe(B64Member *m)
{
	if (m->data)
	{
		explicit_bzero(m->data, m->len);
		pfree(m->data);
		m->data = NULL;
	}
}

static bool
require(const B64Member *m, const char *name, CredregFailure *failure)
{
	if (m->data == NULL)
		return credreg_fail(failure, "key_malformed", "JWK member \"%s\" is missing", name);
	return true;
}

/* RFC 7518 §6.3.1: "the minimum number of octets needed to represent the value" */
static bool
minimal_uint(const B64Member *m, const char *name, CredregFailure *failure)
{
	if (m->len == 0 || m->data[0] == 0)
		return credreg_fail(failure, "key_malformed",
							"JWK member \"%s\" is not a minimal unsigned integer", name);
	return true;
}

/* The private members of each key type (JOSE registry "Private" class). */
static const char *const private_members[] = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"};

/* The private member present in jwk, or NULL. */
static const char *
private_member(const CrJson *jwk)
{
	for (int i = 0; i < lengthof(private_members); i++)
		if (crjson_get(jwk, private_members[i]) != NULL)
			return private_members[i];
	return NULL;
}

/* The JOSE "alg" member, when present and known, must fit the key. */
static bool
check_alg(const CrJson *jwk, const CrKey *key, CredregFailure *failure)
{
	const CrJson *v = crjson_get(jwk, "alg");
	CrSigAlg	alg;

	if (v == NULL)
		return true;
	if (v->kind != CRJ_STRING)
		return credreg_fail(failure, "key_malformed", "JWK member \"alg\" is not a string");
	if (crsig_alg_from_name(v->u.str, &alg) && !crsig_alg_fits_key(alg, key))
		return credreg_fail(failure, "key_malformed",
							"JWK \"alg\" %s does not fit a key of type %s",
							v->u.str, crkey_type_name(key->type));
	return true;
}

/* kty/crv to a key type; false with the failure filled in. */
static bool
jwk_type(const CrJson *jwk, CrKeyType *type, CredregFailure *failure)
{
	const CrJson *kty = crjson_get(jwk, "kty");
	const CrJson *crv = crjson_get(jwk, "crv");

	if (kty == NULL || kty->kind != CRJ_STRING)
		return credreg_fail(failure, "key_malformed", "JWK member \"kty\" is missing or not a string");
	if (crjson_is_string(kty, "RSA"))
	{
		*type = CRKEY_RSA;
		return true;
	}
	if (crjson_is_string(kty, "OKP") || crjson_is_string(kty, "EC"))
	{
		bool		okp = crjson_is_string(kty, "OKP");

		if (crv == NULL || crv->kind != CRJ_STRING)
			return credreg_fail(failure, "key_malformed", "JWK member \"crv\" is missing or not a string");
		if (okp && crjson_is_string(crv, "Ed25519"))
			*type = CRKEY_ED25519;
		else if (!okp && crjson_is_string(crv, "P-256"))
			*type = CRKEY_P256;
		else if (!okp && crjson_is_string(crv, "P-384"))
			*type = CRKEY_P384;
		else if (!okp && crjson_is_string(crv, "secp256k1"))	/* RFC 8812 §3.1 */
			*type = CRKEY_SECP256K1;
		else
			return credreg_fail(failure, "key_unsupported",
								"JWK curve \"%s\" is not supported (Ed25519, P-256, P-384, secp256k1 are)",
								crv->u.str);
		return true;
	}
	if (crjson_is_string(kty, "oct"))
		return credreg_fail(failure, "key_private",
							"a JWK of type \"oct\" is a secret key, not a public key");
	return credreg_fail(failure, "key_unsupported", "JWK key type \"%s\" is not supported",
						kty->u.str);
}

/* ---- public JWK ---- */

static bool
public_from_jwk(const CrJson *jwk, CrKeyType type, CrKey **key, CredregFailure *failure)
{
	B64Member	a,
				b;
	bool		ok;

	switch (type)
	{
		case CRKEY_ED25519:
			if (!get_b64(jwk, "x", &a, failure) || !require(&a, "x", failure))
				return false;
			ok = crkey_from_public_bytes(CRKEY_ED25519, a.data, a.len, key, failure);
			wipe(&a);
			return ok;
		case CRKEY_P256:
		case CRKEY_P384:
		case CRKEY_SECP256K1:
			{
				int			n = crkey_ec_size(type);
				uint8		pt[1 + 2 * 48];

				if (!get_b64(jwk, "x", &a, failure) || !require(&a, "x", failure))
					return false;
				if (!get_b64(jwk, "y", &b, failure) || !require(&b, "y", failure))
					return false;
				/* RFC 7518 §6.2.1.2: the full coordinate size */
				if (a.len != (size_t) n || b.len != (size_t) n)
					return credreg_fail(failure, "key_malformed",
										"%s JWK coordinates have %d bytes, not %zu and %zu",
										crkey_type_name(type), n, a.len, b.len);
				pt[0] = 0x04;
				memcpy(pt + 1, a.data, n);
				memcpy(pt + 1 + n, b.data, n);
				return crkey_from_public_bytes(type, pt, 1 + 2 * n, key, failure);
			}
		case CRKEY_RSA:
			if (!get_b64(jwk, "n", &a, failure) || !require(&a, "n", failure) ||
				!minimal_uint(&a, "n", failure))
				return false;
			if (!get_b64(jwk, "e", &b, failure) || !require(&b, "e", failure) ||
				!minimal_uint(&b, "e", failure))
				return false;
			return crkey_from_rsa_ne(a.data, a.len, b.data, b.len, key, failure);
	}
	return false;
}

bool
crkey_from_jwk(const CrJson *jwk, CrKey **key, CredregFailure *failure)
{
	CrKeyType	type;
	const char *priv;

	if (jwk == NULL || jwk->kind != CRJ_OBJECT)
		return credreg_fail(failure, "key_malformed", "a JWK is a JSON object");
	if (!jwk_type(jwk, &type, failure))
		return false;
	priv = private_member(jwk);
	if (priv != NULL)
		return credreg_fail(failure, "key_private",
							"the JWK has the private member \"%s\", where a public key was expected",
							priv);
	if (!public_from_jwk(jwk, type, key, failure))
		return false;
	if (!check_alg(jwk, *key, failure))
	{
		crkey_free(*key);
		return false;
	}
	return true;
}

/* ---- private keys ---- */

/* Ed25519 from its 32-byte seed (RFC 8032 §5.1.5), public half derived. */
static bool
private_ed25519(const uint8 *seed, size_t len, CrKey **key, CredregFailure *failure)
{
	EVP_PKEY   *pkey;
	uint8		pub[32];
	size_t		publen = sizeof(pub);
	CrKey	   *k;

	if (len != 32)
		return credreg_fail(failure, "key_malformed",
							"an Ed25519 private key has 32 bytes, not %zu", len);
	pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
	if (pkey == NULL)
		return crypto_fail(failure, "key_malformed", "could not import the Ed25519 private key");
	k = crkey_wrap(CRKEY_ED25519, true, pkey);
	if (EVP_PKEY_get_raw_public_key(pkey, pub, &publen) != 1 || publen != 32)
	{
		crkey_free(k);
		return crypto_fail(failure, "key_malformed", "could not derive the Ed25519 public key");
	}
	k->pub = palloc(32);
	memcpy(k->pub, pub, 32);
	k->publen = 32;
	*key = k;
	return true;
}

/* P-256/P-384 from the scalar d, public point derived (d·G). */
static bool
private_ec(CrKeyType type, const uint8 *d, size_t len, CrKey **key, CredregFailure *failure)
{
	int			n = crkey_ec_size(type);
	int			nid = type == CRKEY_P256 ? NID_X9_62_prime256v1 : NID_secp384r1;
	const char *group_name = type == CRKEY_P256 ? "P-256" : "P-384";
	EC_GROUP   *group = NULL;
	EC_POINT   *pt = NULL;
	BIGNUM	   *bd = NULL;
	uint8		pub[1 + 2 * 48];
	size_t		publen = 0;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY   *pkey = NULL;
	bool		ok;

	if (len != (size_t) n)
		return credreg_fail(failure, "key_malformed",
							"a %s private key has %d bytes, not %zu", group_name, n, len);
	group = EC_GROUP_new_by_curve_name(nid);
	bd = BN_bin2bn(d, (int) len, NULL);
	ok = group != NULL && bd != NULL && !BN_is_zero(bd) &&
		BN_cmp(bd, EC_GROUP_get0_order(group)) < 0;
	if (ok)
	{
		pt = EC_POINT_new(group);
		ok = pt != NULL && EC_POINT_mul(group, pt, bd, NULL, NULL, NULL) == 1;
		if (ok)
			publen = EC_POINT_point2oct(group, pt, POINT_CONVERSION_UNCOMPRESSED,
										pub, sizeof(pub), NULL);
		ok = ok && publen == (size_t) (1 + 2 * n);
		bld = ok ? OSSL_PARAM_BLD_new() : NULL;
		ok = ok && bld != NULL &&
			OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group_name, 0) &&
			OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, publen) &&
			OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bd) &&
			(params = OSSL_PARAM_BLD_to_param(bld)) != NULL &&
			(ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL)) != NULL &&
			EVP_PKEY_fromdata_init(ctx) == 1 &&
			EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR, params) == 1;
	}
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	EC_POINT_free(pt);
	BN_clear_free(bd);
	EC_GROUP_free(group);
	if (!ok)
	{
		EVP_PKEY_free(pkey);
		return crypto_fail(failure, "key_malformed",
						   psprintf("the %s private key is not a valid scalar", group_name));
	}
	return crkey_wrap_ec(type, true, pkey, key, failure);
}

/* The public half given in a private JWK must be the derived one. */
static bool
check_public_half(const CrKey *priv, const CrJson *jwk, CredregFailure *failure)
{
	CrKey	   *pub;
	bool		same;

	if (!public_from_jwk(jwk, priv->type, &pub, failure))
		return false;
	same = pub->publen == priv->publen && memcmp(pub->pub, priv->pub, pub->publen) == 0;
	crkey_free(pub);
	if (!same)
		return credreg_fail(failure, "key_malformed",
							"the JWK public members do not match its private key");
	return true;
}

/* RSA from a private JWK with the CRT members (RFC 7518 §6.3.2). */
static bool
private_rsa(const CrJson *jwk, CrKey **key, CredregFailure *failure)
{
	static const char *const names[] = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};
	static const char *const params_names[] = {
		OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1
	};
	B64Member	m[8];
	BIGNUM	   *bn[8] = {0};
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY   *pkey = NULL;
	CrKey	   *pub = NULL;
	bool		ok = true;

	memset(m, 0, sizeof(m));
	if (crjson_get(jwk, "oth") != NULL)
		return credreg_fail(failure, "key_unsupported",
							"multi-prime RSA keys (\"oth\") are not supported");
	for (int i = 0; i < 8 && ok; i++)
		ok = get_b64(jwk, names[i], &m[i], failure) && require(&m[i], names[i], failure);
	/* the public half first: it carries the size checks */
	if (ok)
		ok = crkey_from_rsa_ne(m[0].data, m[0].len, m[1].data, m[1].len, &pub, failure);
	if (!ok)
	{
		for (int i = 0; i < 8; i++)
			wipe(&m[i]);
		return false;
	}

	bld = OSSL_PARAM_BLD_new();
	ok = bld != NULL;
	for (int i = 0; i < 8 && ok; i++)
	{
		bn[i] = BN_bin2bn(m[i].data, (int) m[i].len, NULL);
		ok = bn[i] != NULL && OSSL_PARAM_BLD_push_BN(bld, params_names[i], bn[i]);
	}
	ok = ok && (params = OSSL_PARAM_BLD_to_param(bld)) != NULL &&
		(ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) != NULL &&
		EVP_PKEY_fromdata_init(ctx) == 1 &&
		EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR, params) == 1;
	EVP_PKEY_CTX_free(ctx);
	ctx = NULL;
	/* the members must form one consistent key */
	if (ok)
	{
		ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
		ok = ctx != NULL && EVP_PKEY_pairwise_check(ctx) == 1;
		EVP_PKEY_CTX_free(ctx);
	}
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	for (int i = 0; i < 8; i++)
	{
		BN_clear_free(bn[i]);
		wipe(&m[i]);
	}
	if (!ok)
	{
		EVP_PKEY_free(pkey);
		crkey_free(pub);
		return crypto_fail(failure, "key_malformed", "the RSA private key is not consistent");
	}
	{
		CrKey	   *k = crkey_wrap(CRKEY_RSA, true, pkey);

		k->pub = pub->pub;
		k->publen = pub->publen;
		pub->pub = NULL;
		crkey_free(pub);
		*key = k;
	}
	return true;
}

static bool
private_from_jwk(const CrJson *jwk, CrKey **key, CredregFailure *failure)
{
	CrKeyType	type;
	B64Member	d;
	bool		ok;

	if (jwk == NULL || jwk->kind != CRJ_OBJECT)
		return credreg_fail(failure, "key_malformed", "a JWK is a JSON object");
	if (!jwk_type(jwk, &type, failure))
		return false;
	if (type == CRKEY_RSA)
		ok = private_rsa(jwk, key, failure);
	else
	{
		if (!get_b64(jwk, "d", &d, failure))
			return false;
		if (d.data == NULL)
			return credreg_fail(failure, "key_malformed",
								"the JWK has no private member \"d\"");
		ok = type == CRKEY_ED25519 ? private_ed25519(d.data, d.len, key, failure)
			: private_ec(type, d.data, d.len, key, failure);
		wipe(&d);
		/* x (and y) are required members of the public half */
		if (ok && !check_public_half(*key, jwk, failure))
		{
			crkey_free(*key);
			ok = false;
		}
	}
	if (ok && !check_alg(jwk, *key, failure))
	{
		crkey_free(*key);
		ok = false;
	}
	return ok;
}

/* JSON member names of private key material (JOSE "Private" parameters). */
static const char *const private_tokens[] = {
	"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"oth\"", "\"k\""
};

/*
 * Multibase prefixes of the CID secret-key codecs: the varints 0x8026
 * (ed25519-priv), 0x8626 (p256-priv) and 0x8726 (p384-priv) fix the first
 * base58btc digits ("z3u", "z42", "z2f") and base64url characters ("ugC",
 * "uhi", "uhy") of such a key whatever its bytes.
 */
static const char *const private_multibase_prefixes[] = {
	"z3u", "z42", "z2f", "ugC", "uhi", "uhy"
};

/*
 * Whether rejected input may be (a damaged form of) private key material,
 * even though it did not parse far enough to be recognized as such: a PEM
 * private key, a multibase secret key, a JWK or did:jwk naming a private
 * member.  Such input is not echoed in errors, nor are parser messages
 * that could quote it.  input is NUL-terminated.
 */
bool
crkey_text_may_be_private(const char *input)
{
	const char *s = input;
	const char *json = s;
	size_t		jsonlen;
	uint8	   *decoded = NULL;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (strstr(s, "PRIVATE") != NULL)
		return true;
	for (int i = 0; i < lengthof(private_multibase_prefixes); i++)
		if (strncmp(s, private_multibase_prefixes[i], 3) == 0)
			return true;
	jsonlen = strlen(s);
	if (strncmp(s, "did:jwk:", 8) == 0)
	{
		/* the longest base64url prefix that decodes */
		size_t		n = strspn(s + 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
		size_t		outlen;

		n -= n % 4;
		decoded = palloc(base64url_decoded_len(n) + 1);
		if (!base64url_decode_into(s + 8, n, decoded, &outlen))
			outlen = 0;
		decoded[outlen] = '\0';
		json = (const char *) decoded;
		jsonlen = outlen;
	}
	for (int i = 0; i < lengthof(private_tokens); i++)
	{
		if (memmem(json, jsonlen, private_tokens[i], strlen(private_tokens[i])) != NULL)
		{
			if (decoded)
				pfree(decoded);
			return true;
		}
	}
	if (decoded)
		pfree(decoded);
	return false;
}

bool
crkey_from_jwk_text(const char *text, size_t len, bool want_private,
					CrKey **key, CredregFailure *failure)
{
	CrJson	   *jwk;
	CredregFailure jf;

	jwk = crjson_parse(text, len, &jf);
	if (jwk == NULL)
	{
		/* the parser's message may quote a token: not for private keys */
		if (want_private || crkey_text_may_be_private(pnstrdup(text, len)))
			return credreg_fail(failure, "key_malformed", "the JWK is not valid JSON");
		return credreg_fail(failure, "key_malformed", "the JWK is not valid JSON: %s", jf.message);
	}
	return want_private ? private_from_jwk(jwk, key, failure)
		: crkey_from_jwk(jwk, key, failure);
}

/* A multibase private key: CID 1.0 §2.2.2 secret key table. */
static bool
private_from_multibase(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	uint8	   *raw;
	size_t		rawlen;
	uint64		codec;
	int			hl;
	bool		ok;

	if (!multibase_decode(text, len, &raw, &rawlen))
		return credreg_fail(failure, "key_malformed", "the private key is not valid multibase");
	hl = varint_decode(raw, rawlen, &codec);
	if (hl == 0)
		ok = credreg_fail(failure, "key_malformed", "the key does not start with a multicodec varint");
	else if (codec == 0x1300)
		ok = private_ed25519(raw + hl, rawlen - hl, key, failure);
	else if (codec == 0x1306)
		ok = private_ec(CRKEY_P256, raw + hl, rawlen - hl, key, failure);
	else if (codec == 0x1307)
		ok = private_ec(CRKEY_P384, raw + hl, rawlen - hl, key, failure);
	else
		ok = credreg_fail(failure, "key_unsupported",
						  "multicodec 0x%llx is not a supported private key type",
						  (unsigned long long) codec);
	explicit_bzero(raw, rawlen);
	pfree(raw);
	return ok;
}

/* An unencrypted PKCS#8 "PRIVATE KEY" PEM block. */
static bool
private_from_pem(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	BIO		   *bio;
	EVP_PKEY   *pkey;
	CrKey	   *k;
	CrKey	   *pub = NULL;
	bool		ok;
	uint8		raw[1 + 2 * 48];
	size_t		rawlen = 0;

	if (len > 64 * 1024)
		return credreg_fail(failure, "key_malformed", "the PEM text is too long");
	bio = BIO_new_mem_buf(text, (int) len);
	if (bio == NULL)
		return crypto_fail(failure, "key_malformed", "could not read the PEM text");
	/* an empty passphrase: encrypted keys fail instead of prompting */
	pkey = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *) "");
	BIO_free(bio);
	if (pkey == NULL)
		return crypto_fail(failure, "key_malformed",
						   "the PEM text is not an unencrypted \"PRIVATE KEY\" block");
	/* owned by the memory context from here on; the type is set below */
	k = crkey_wrap(CRKEY_ED25519, true, pkey);

	/* the public half, through the public-key checks */
	if (EVP_PKEY_is_a(pkey, "ED25519"))
	{
		rawlen = 32;
		ok = EVP_PKEY_get_raw_public_key(pkey, raw, &rawlen) == 1 &&
			crkey_from_public_bytes(CRKEY_ED25519, raw, rawlen, &pub, failure);
	}
	else if (EVP_PKEY_is_a(pkey, "EC"))
	{
		char		gname[64];
		size_t		gl;
		CrKeyType	type = 0;

		ok = EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, gname, sizeof(gname), &gl) == 1 &&
			EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, raw, sizeof(raw), &rawlen) == 1;
		if (ok)
			type = strcmp(gname, "prime256v1") == 0 ? CRKEY_P256 :
				strcmp(gname, "secp384r1") == 0 ? CRKEY_P384 :
				strcmp(gname, "secp256k1") == 0 ? CRKEY_SECP256K1 : 0;
		if (ok && type == 0)
			ok = credreg_fail(failure, "key_unsupported", "only P-256, P-384 and secp256k1 EC keys are supported");
		else if (ok)
			ok = crkey_from_public_bytes(type, raw, rawlen, &pub, failure);
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
			EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &be) == 1 &&
			BN_num_bytes(bn) <= (int) sizeof(nb) && BN_num_bytes(be) <= (int) sizeof(eb);
		if (ok)
		{
			nl = BN_bn2bin(bn, nb);
			el = BN_bn2bin(be, eb);
		}
		BN_free(bn);
		BN_free(be);
		if (ok)
			ok = crkey_from_rsa_ne(nb, nl, eb, el, &pub, failure);
		else
			ok = credreg_fail(failure, "key_malformed", "could not read the RSA key");
	}
	else
		ok = credreg_fail(failure, "key_unsupported",
						  "the key type is not Ed25519, P-256, P-384, secp256k1 or RSA");
	ERR_clear_error();
	if (!ok)
	{
		crkey_free(k);
		if (failure && failure->code == NULL)
			credreg_fail(failure, "key_malformed", "could not read the private key");
		return false;
	}
	k->type = pub->type;
	k->pub = pub->pub;
	k->publen = pub->publen;
	k->point = pub->point;
	k->pointlen = pub->pointlen;
	pub->pub = pub->point = NULL;
	crkey_free(pub);
	*key = k;
	return true;
}

bool
crkey_parse_private(const char *text, size_t len, CrKey **key, CredregFailure *failure)
{
	if (failure)
		failure->code = NULL;
	while (len > 0 && (text[0] == ' ' || text[0] == '\n' || text[0] == '\t' || text[0] == '\r'))
	{
		text++;
		len--;
	}
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n' ||
					   text[len - 1] == '\t' || text[len - 1] == '\r'))
		len--;
	if (len == 0)
		return credreg_fail(failure, "key_malformed", "the private key text is empty");
	if (text[0] == '{')
		return crkey_from_jwk_text(text, len, true, key, failure);
	if (len > strlen(CRKEY_STORED_PREFIX) &&
		memcmp(text, CRKEY_STORED_PREFIX, strlen(CRKEY_STORED_PREFIX)) == 0)
		return crkey_stored_private(text + strlen(CRKEY_STORED_PREFIX),
									len - strlen(CRKEY_STORED_PREFIX), key, failure);
	if (len > 10 && memcmp(text, "-----BEGIN", 10) == 0)
		return private_from_pem(text, len, key, failure);
	if (text[0] == 'z' || text[0] == 'u')
		return private_from_multibase(text, len, key, failure);
	return credreg_fail(failure, "key_malformed",
						"the text is not a private JWK, a multibase private key or a PKCS#8 PEM");
}

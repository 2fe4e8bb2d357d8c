/*
 * keygen.c
 *		credreg.generate_key: a fresh private JWK for a registrar to sign
 *		with (Ed25519, P-256, P-384), in the form credreg.sign reads.
 */
#include "postgres.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "utils/builtins.h"

#include "crypto/crypto.h"
#include "util/encoding.h"

PG_FUNCTION_INFO_V1(credreg_generate_key);

/*
 * The key type a kty argument names, case-insensitively: the JWK curve names
 * (Ed25519, P-256, P-384), the JOSE algorithms that take them (EdDSA, ES256,
 * ES384), and OKP and EC alone for their most common curve.
 */
static CrKeyType
keygen_type(const char *kty)
{
	if (pg_strcasecmp(kty, "Ed25519") == 0 || pg_strcasecmp(kty, "OKP") == 0 ||
		pg_strcasecmp(kty, "EdDSA") == 0)
		return CRKEY_ED25519;
	if (pg_strcasecmp(kty, "P-256") == 0 || pg_strcasecmp(kty, "ES256") == 0 ||
		pg_strcasecmp(kty, "EC") == 0)
		return CRKEY_P256;
	if (pg_strcasecmp(kty, "P-384") == 0 || pg_strcasecmp(kty, "ES384") == 0)
		return CRKEY_P384;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unsupported key type \"%s\"", kty),
			 errhint("Use Ed25519 (or OKP), P-256 (or EC) or P-384.")));
	return 0;					/* not reached */
}

/*
 * Draws a key pair; fills the public encoding (Ed25519 raw, EC SEC1 point)
 * and the private scalar (left-padded to the curve size).  Returns false on
 * an OpenSSL failure; nothing is left allocated either way.
 */
static bool
keygen_draw(CrKeyType type, uint8 *pub, size_t *publen, uint8 *priv, size_t privlen)
{
	EVP_PKEY   *pkey;
	bool		ok;

	if (type == CRKEY_ED25519)
		pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	else
		pkey = EVP_PKEY_Q_keygen(NULL, NULL, "EC", type == CRKEY_P256 ? "P-256" : "P-384");
	if (pkey == NULL)
		return false;
	if (type == CRKEY_ED25519)
	{
		size_t		n = privlen;

		ok = EVP_PKEY_get_raw_public_key(pkey, pub, publen) == 1 &&
			EVP_PKEY_get_raw_private_key(pkey, priv, &n) == 1 && n == privlen;
	}
	else
	{
		BIGNUM	   *d = NULL;

		ok = EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
											 pub, *publen, publen) == 1 &&
			EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &d) == 1 &&
			BN_bn2binpad(d, priv, privlen) == (int) privlen;
		BN_clear_free(d);
	}
	EVP_PKEY_free(pkey);
	return ok;
}

/* credreg.generate_key(kty text): a private JWK (RFC 7517/7518/8037) as text. */
Datum
credreg_generate_key(PG_FUNCTION_ARGS)
{
	CrKeyType	type = keygen_type(text_to_cstring(PG_GETARG_TEXT_PP(0)));
	size_t		privlen = type == CRKEY_P384 ? 48 : 32;
	uint8		pub[1 + 2 * 48];
	size_t		publen = sizeof(pub);
	uint8		priv[48];
	CrKey	   *key;
	CredregFailure f;
	StringInfoData jwk;

	if (!keygen_draw(type, pub, &publen, priv, privlen))
	{
		explicit_bzero(priv, sizeof(priv));
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not generate a %s key", crkey_type_name(type))));
	}
	if (!crkey_from_public_bytes(type, pub, publen, &key, &f))
	{
		explicit_bzero(priv, sizeof(priv));
		credreg_raise(&f, ERRCODE_INTERNAL_ERROR);
	}

	/* the public members in RFC 7638 order, then "d" before the brace */
	initStringInfo(&jwk);
	crkey_append_jwk(&jwk, key);
	crkey_free(key);
	jwk.len--;
	appendStringInfoString(&jwk, ",\"d\":\"");
	base64url_append(&jwk, priv, privlen);
	appendStringInfoString(&jwk, "\"}");
	explicit_bzero(priv, sizeof(priv));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(jwk.data, jwk.len));
}

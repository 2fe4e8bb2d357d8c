/*
 * sig.c
 *		Signature verification and signing for the JOSE algorithms credreg
 *		allows (EdDSA, ES256, ES384, RS256, PS256), and SHA-2 digests.
 *
 * ECDSA signatures travel as raw r || s (RFC 7518 §3.4).  Verification
 * hands r and s to ECDSA_do_verify as the BIGNUMs of one reused ECDSA_SIG:
 * the EVP route wants DER, which it decodes, re-encodes to check that it
 * is canonical and frees again on every call -- allocation and parsing per
 * row that a verification report over a million stored ES256 credentials
 * pays for nothing.  Signing decodes OpenSSL's DER.  High-S
 * signatures are accepted, as the libraries that produce the credentials we
 * verify accept them.  RSASSA-PSS uses MGF1 with SHA-256 and a 32-byte salt
 * (RFC 7518 §3.5).
 *
 * The verification contexts of a key are kept on the key (CrKey.vctx), so a
 * cached key used for a million rows sets up OpenSSL once.  Nothing here
 * calls palloc between creating an OpenSSL object and freeing it, so no
 * PostgreSQL error can leak one.
 */
#include "postgres.h"

/*
 * ECDSA_do_verify and EVP_PKEY_get0_EC_KEY are deprecated in OpenSSL 3.0
 * (not removed); they are the only way to verify a signature given as r
 * and s without a DER round trip.
 */
#define OPENSSL_SUPPRESS_DEPRECATED

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"

/* ---- algorithms ---- */

static const struct
{
	const char *name;
	CrSigAlg	alg;
}			alg_names[] =
{
	{"EdDSA", CRSIG_EDDSA},
	{"ES256", CRSIG_ES256},
	{"ES384", CRSIG_ES384},
	{"RS256", CRSIG_RS256},
	{"PS256", CRSIG_PS256},
	{"ES256K", CRSIG_ES256K},
};

bool
crsig_alg_from_name(const char *name, CrSigAlg *alg)
{
	for (int i = 0; i < lengthof(alg_names); i++)
	{
		if (strcmp(name, alg_names[i].name) == 0)
		{
			*alg = alg_names[i].alg;
			return true;
		}
	}
	return false;
}

const char *
crsig_alg_name(CrSigAlg alg)
{
	for (int i = 0; i < lengthof(alg_names); i++)
		if (alg_names[i].alg == alg)
			return alg_names[i].name;
	return "unknown";
}

bool
crsig_alg_fits_key(CrSigAlg alg, const CrKey *key)
{
	switch (alg)
	{
		case CRSIG_EDDSA:
			return key->type == CRKEY_ED25519;
		case CRSIG_ES256:
			return key->type == CRKEY_P256;
		case CRSIG_ES384:
			return key->type == CRKEY_P384;
		case CRSIG_ES256K:
			return key->type == CRKEY_SECP256K1;
		case CRSIG_RS256:
		case CRSIG_PS256:
			return key->type == CRKEY_RSA;
	}
	return false;
}

/*
 * The algorithm a key of this type signs with when the caller names none: Ed25519 EdDSA
 * (RFC 8037 section 3.1), P-256 ES256 and P-384 ES384 (RFC 7518 section
 * 3.4: the curve fixes the hash), RSA RS256 (RFC 7518 section 3.1 lists
 * RS256 as "Recommended" and PS256 as "Optional", so RS256 is the one every
 * JOSE implementation verifies).  Data Integrity suites take no RSA key;
 * they refuse it through their own key types before asking.
 */
bool
crsig_alg_for_key_type(CrKeyType type, CrSigAlg *alg)
{
	switch (type)
	{
		case CRKEY_ED25519:
			*alg = CRSIG_EDDSA;
			return true;
		case CRKEY_P256:
			*alg = CRSIG_ES256;
			return true;
		case CRKEY_P384:
			*alg = CRSIG_ES384;
			return true;
		case CRKEY_RSA:
			*alg = CRSIG_RS256;
			return true;
		case CRKEY_SECP256K1:
			*alg = CRSIG_ES256K;	/* RFC 8812 §3.2 */
			return true;
	}
	return false;
}

/* ---- digests ---- */

static EVP_MD *md_sha256 = NULL;
static EVP_MD *md_sha384 = NULL;
static EVP_MD_CTX *digest_ctx = NULL;

/*
 * Explicitly fetched digests: EVP_sha256() would make OpenSSL 3 look the
 * implementation up again on every init.  Kept for the backend's lifetime.
 */
const EVP_MD *
cr_md_sha256(void)
{
	if (md_sha256 == NULL)
	{
		md_sha256 = EVP_MD_fetch(NULL, "SHA2-256", NULL);
		if (md_sha256 == NULL)
			elog(ERROR, "could not fetch SHA-256 from OpenSSL");
	}
	return md_sha256;
}

const EVP_MD *
cr_md_sha384(void)
{
	if (md_sha384 == NULL)
	{
		md_sha384 = EVP_MD_fetch(NULL, "SHA2-384", NULL);
		if (md_sha384 == NULL)
			elog(ERROR, "could not fetch SHA-384 from OpenSSL");
	}
	return md_sha384;
}

static void
digest(const EVP_MD *md, const void *data, size_t len, uint8 *out)
{
	unsigned int outlen;

	if (digest_ctx == NULL)
	{
		digest_ctx = EVP_MD_CTX_new();
		if (digest_ctx == NULL)
			elog(ERROR, "could not create an OpenSSL digest context");
	}
	if (EVP_DigestInit_ex2(digest_ctx, md, NULL) != 1 ||
		EVP_DigestUpdate(digest_ctx, data, len) != 1 ||
		EVP_DigestFinal_ex(digest_ctx, out, &outlen) != 1)
	{
		ERR_clear_error();
		elog(ERROR, "OpenSSL digest failed");
	}
}

void
cr_sha256(const void *data, size_t len, uint8 out[CR_SHA256_LEN])
{
	digest(cr_md_sha256(), data, len, out);
}

void
cr_sha384(const void *data, size_t len, uint8 out[CR_SHA384_LEN])
{
	digest(cr_md_sha384(), data, len, out);
}

/* ---- ECDSA signature encodings ---- */

/* Reads one DER INTEGER into a fixed n-byte big-endian slot. */
static bool
der_read_integer(const uint8 **p, const uint8 *end, uint8 *out, size_t n)
{
	size_t		len;
	const uint8 *v;

	if (end - *p < 2 || (*p)[0] != 0x02 || (*p)[1] & 0x80)
		return false;
	len = (*p)[1];
	v = *p + 2;
	if ((size_t) (end - v) < len || len == 0)
		return false;
	*p = v + len;
	while (len > 0 && v[0] == 0)
	{
		v++;
		len--;
	}
	if (len > n)
		return false;
	memset(out, 0, n - len);
	memcpy(out + n - len, v, len);
	return true;
}

static bool
ecdsa_der_to_raw(const uint8 *der, size_t derlen, uint8 *raw, size_t n)
{
	const uint8 *p = der,
			   *end = der + derlen;

	if (derlen < 2 || der[0] != 0x30 || der[1] & 0x80 || (size_t) der[1] + 2 != derlen)
		return false;
	p += 2;
	return der_read_integer(&p, end, raw, n) &&
		der_read_integer(&p, end, raw + n, n) && p == end;
}

/* ---- verification ---- */

/*
 * The ECDSA_SIG whose r and s every ECDSA verification of the backend
 * overwrites (BN_bin2bn into the existing BIGNUMs allocates nothing once
 * they have grown to the curve's size).
 */
static ECDSA_SIG *ecdsa_reused_sig = NULL;

/*
 * ECDSA verification of the digest md with the raw signature r || s (each
 * n bytes): 1 valid, 0 invalid, -1 OpenSSL failure.  ECDSA_do_verify checks
 * 0 < r, s < order itself (SEC 1 §4.1.4 step 1).
 */
static int
ecdsa_verify_raw(const CrKey *key, const uint8 *md, size_t mdlen,
				 const uint8 *raw, size_t n)
{
	const EC_KEY *ec = EVP_PKEY_get0_EC_KEY(key->pkey);
	const BIGNUM *r,
			   *s;

	if (ec == NULL)
		return -1;
	if (ecdsa_reused_sig == NULL)
	{
		ECDSA_SIG  *sig = ECDSA_SIG_new();
		BIGNUM	   *nr = BN_new();
		BIGNUM	   *ns = BN_new();

		if (sig == NULL || nr == NULL || ns == NULL || ECDSA_SIG_set0(sig, nr, ns) != 1)
		{
			ECDSA_SIG_free(sig);
			BN_free(nr);
			BN_free(ns);
			return -1;
		}
		ecdsa_reused_sig = sig;
	}
	ECDSA_SIG_get0(ecdsa_reused_sig, &r, &s);
	if (BN_bin2bn(raw, n, unconstify(BIGNUM *, r)) == NULL ||
		BN_bin2bn(raw + n, n, unconstify(BIGNUM *, s)) == NULL)
		return -1;
	return ECDSA_do_verify(md, mdlen, ecdsa_reused_sig, unconstify(EC_KEY *, ec));
}

/*
 * The EVP_PKEY_CTX for verifying a precomputed digest with alg (RSA), set up
 * once per key and algorithm and kept on the key.  NULL on OpenSSL failure.
 */
static EVP_PKEY_CTX *
digest_verify_ctx(CrKey *key, CrSigAlg alg)
{
	EVP_PKEY_CTX *ctx;
	bool		ok;

	if (key->vctx != NULL && key->vctx_alg == alg)
		return (EVP_PKEY_CTX *) key->vctx;
	if (key->vctx != NULL)
	{
		EVP_PKEY_CTX_free((EVP_PKEY_CTX *) key->vctx);
		key->vctx = NULL;
	}
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key->pkey, NULL);
	if (ctx == NULL)
		return NULL;
	ok = EVP_PKEY_verify_init(ctx) == 1;
	switch (alg)
	{
		case CRSIG_RS256:
			ok = ok && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1 &&
				EVP_PKEY_CTX_set_signature_md(ctx, cr_md_sha256()) == 1;
			break;
		case CRSIG_PS256:
			ok = ok && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1 &&
				EVP_PKEY_CTX_set_signature_md(ctx, cr_md_sha256()) == 1 &&
				EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, cr_md_sha256()) == 1 &&
				EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32) == 1;
			break;
		default:
			ok = false;
	}
	if (!ok)
	{
		EVP_PKEY_CTX_free(ctx);
		return NULL;
	}
	key->vctx = ctx;
	key->vctx_alg = alg;
	return ctx;
}

bool
crsig_verify(const CrKey *ckey, CrSigAlg alg,
			 const uint8 *msg, size_t msglen,
			 const uint8 *sig, size_t siglen,
			 CredregFailure *failure)
{
	CrKey	   *key = unconstify(CrKey *, ckey);
	uint8		md[CR_SHA384_LEN];
	size_t		mdlen;
	EVP_PKEY_CTX *ctx;
	int			rc;

	if (key == NULL || key->pkey == NULL)
		return credreg_fail(failure, "key_unresolved", "no key to verify with");
	if (!crsig_alg_fits_key(alg, key))
		return credreg_fail(failure, "key_mismatch",
							"algorithm %s does not fit a key of type %s",
							crsig_alg_name(alg), crkey_type_name(key->type));

	if (alg == CRSIG_EDDSA)
	{
		EVP_MD_CTX *mctx = (EVP_MD_CTX *) key->vctx;

		if (siglen != 64)
			return credreg_fail(failure, "signature_invalid",
								"an Ed25519 signature has 64 bytes, not %zu", siglen);
		if (mctx == NULL)
		{
			mctx = EVP_MD_CTX_new();
			if (mctx == NULL)
				return crypto_fail(failure, "signature_invalid", "could not create a verification context");
			if (EVP_DigestVerifyInit(mctx, NULL, NULL, NULL, key->pkey) != 1)
			{
				EVP_MD_CTX_free(mctx);
				return crypto_fail(failure, "signature_invalid", "could not set up Ed25519 verification");
			}
			key->vctx = mctx;
			key->vctx_alg = alg;
		}
		/* RFC 8032 §5.1.7, pure Ed25519: the one-shot call hashes msg itself */
		rc = EVP_DigestVerify(mctx, sig, 64, msg, msglen);
		if (rc == 1)
			return true;
		ERR_clear_error();
		return credreg_fail(failure, "signature_invalid", "the Ed25519 signature does not verify");
	}

	switch (alg)
	{
		case CRSIG_ES256:
		case CRSIG_ES256K:
		case CRSIG_ES384:
			{
				size_t		n = (alg == CRSIG_ES384) ? 48 : 32;

				/* RFC 7518 §3.4 (RFC 8812 §3.2 for ES256K): exactly 2 * n bytes */
				if (siglen != 2 * n)
					return credreg_fail(failure, "signature_invalid",
										"an %s signature has %zu bytes (r || s), not %zu",
										crsig_alg_name(alg), 2 * n, siglen);
				if (alg == CRSIG_ES384)
					cr_sha384(msg, msglen, md);
				else
					cr_sha256(msg, msglen, md);	/* ES256 and ES256K */
				rc = ecdsa_verify_raw(key, md, n, sig, n);
				if (rc == 1)
					return true;
				ERR_clear_error();
				if (rc < 0)
					return crypto_fail(failure, "signature_invalid", "could not verify the ECDSA signature");
				return credreg_fail(failure, "signature_invalid", "the %s signature does not verify",
									crsig_alg_name(alg));
			}
		case CRSIG_RS256:
		case CRSIG_PS256:
			if (siglen != (size_t) EVP_PKEY_get_size(key->pkey))
				return credreg_fail(failure, "signature_invalid",
									"an %s signature for this key has %d bytes, not %zu",
									crsig_alg_name(alg), EVP_PKEY_get_size(key->pkey), siglen);
			cr_sha256(msg, msglen, md);
			mdlen = CR_SHA256_LEN;
			break;
		default:
			return credreg_fail(failure, "signature_invalid", "unsupported algorithm");
	}

	ctx = digest_verify_ctx(key, alg);
	if (ctx == NULL)
		return crypto_fail(failure, "signature_invalid", "could not set up signature verification");
	rc = EVP_PKEY_verify(ctx, sig, siglen, md, mdlen);
	if (rc == 1)
		return true;
	ERR_clear_error();
	if (rc < 0)
	{
		/* an internal error may leave the context unusable: drop it */
		EVP_PKEY_CTX_free(ctx);
		key->vctx = NULL;
	}
	return credreg_fail(failure, "signature_invalid", "the %s signature does not verify",
						crsig_alg_name(alg));
}

/* ---- signing ---- */

void
crsig_sign(const CrKey *key, CrSigAlg alg,
		   const uint8 *msg, size_t msglen,
		   uint8 **sig, size_t *siglen)
{
	EVP_MD_CTX *mctx;
	EVP_PKEY_CTX *pctx = NULL;
	const EVP_MD *md = NULL;
	uint8		buf[16384 / 8];
	size_t		len = sizeof(buf);
	bool		ok;

	if (!key->is_private || key->pkey == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("signing needs a private key")));
	if (!crsig_alg_fits_key(alg, key))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("algorithm %s does not fit a key of type %s",
						crsig_alg_name(alg), crkey_type_name(key->type))));
	if (alg == CRSIG_ES256 || alg == CRSIG_ES256K || alg == CRSIG_RS256 || alg == CRSIG_PS256)
		md = cr_md_sha256();
	else if (alg == CRSIG_ES384)
		md = cr_md_sha384();
	if (EVP_PKEY_get_size(key->pkey) > (int) sizeof(buf))
		elog(ERROR, "key too large to sign with");

	mctx = EVP_MD_CTX_new();
	ok = mctx != NULL &&
		EVP_DigestSignInit(mctx, &pctx, md, NULL, key->pkey) == 1;
	if (ok && alg == CRSIG_RS256)
		ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
	if (ok && alg == CRSIG_PS256)
		ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
			EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, cr_md_sha256()) == 1 &&
			EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1;
	ok = ok && EVP_DigestSign(mctx, buf, &len, msg, msglen) == 1;
	EVP_MD_CTX_free(mctx);		/* frees pctx too */
	if (!ok)
	{
		ERR_clear_error();
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("could not sign with the %s key", crkey_type_name(key->type))));
	}

	if (alg == CRSIG_ES256 || alg == CRSIG_ES256K || alg == CRSIG_ES384)
	{
		size_t		n = (alg == CRSIG_ES384) ? 48 : 32;
		uint8	   *raw = palloc(2 * n);

		if (!ecdsa_der_to_raw(buf, len, raw, n))
			elog(ERROR, "OpenSSL produced a malformed ECDSA signature");
		*sig = raw;
		*siglen = 2 * n;
	}
	else
	{
		*sig = palloc(len);
		memcpy(*sig, buf, len);
		*siglen = len;
	}
	explicit_bzero(buf, sizeof(buf));
}

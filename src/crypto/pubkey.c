/*
 * pubkey.c
 *		The credreg.pubkey type (layout in pubkey.h) and the SQL functions
 *		over keys: canonical forms, thumbprint, signature check and signing.
 *
 * Text input takes every form crkey_parse does; text output is canonical:
 * the Multikey for Ed25519, P-256 and P-384 (CID 1.0 §2.2.2), and for RSA,
 * which has no Multikey in the CID table, the JWK with exactly the RFC 7638
 * members in RFC 7638 order.  Both are valid input, so output round-trips.
 */
#include "postgres.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "crypto/pubkey.h"
#include "util/encoding.h"
#include "util/secret.h"

/* Longest part of a rejected input echoed in the error message, in bytes. */
#define ECHO_MAX 40

PubKey *
pubkey_from_crkey(const CrKey *key)
{
	Size		size = PUBKEY_HDRSZ + key->publen;
	PubKey	   *pk = palloc0(size);

	SET_VARSIZE(pk, size);
	pk->version = PUBKEY_VERSION;
	pk->type = (uint8) key->type;
	memcpy(pk->data, key->pub, key->publen);
	return pk;
}

/*
 * A CrKey without OpenSSL objects, enough for the canonical text forms that
 * need only the stored bytes (Multikey, RSA JWK).
 */
static void
shallow_key(const PubKey *pk, CrKey *k)
{
	memset(k, 0, sizeof(CrKey));
	k->type = (CrKeyType) pk->type;
	k->pub = (uint8 *) pk->data;
	k->publen = PUBKEY_DATALEN(pk);
}

/* The decoded key (cached); a stored value always decodes. */
static const CrKey *
pubkey_key(const PubKey *pk)
{
	const CrKey *key;
	CredregFailure f;

	if (!pubkey_to_crkey_cached(pk, &key, &f))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored pubkey value is invalid: %s", f.message)));
	return key;
}

/* "the reason" -> "The reason." for errdetail */
static char *
as_sentence(const char *message)
{
	char	   *s = psprintf("%s.", message);

	s[0] = pg_toupper((unsigned char) s[0]);
	return s;
}

/*
 * Raises 22P02 for rejected key text.  The input is echoed truncated, and
 * never when it holds or may hold private key material.
 */
static void
pubkey_input_error(const char *input, const CredregFailure *f)
{
	int			len = strlen(input);

	if (strcmp(f->code, "key_private") == 0 || crkey_text_may_be_private(input))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type pubkey: private key material"),
				 errdetail("%s", as_sentence(f->message)),
				 errhint("Give the public key only; the input is not repeated here.")));
	if (len > ECHO_MAX)
	{
		int			cut = pg_mbcliplen(input, len, ECHO_MAX);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type pubkey: \"%.*s...\"", cut, input),
				 errdetail("%s", as_sentence(f->message))));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type pubkey: \"%s\"", input),
			 errdetail("%s", as_sentence(f->message))));
}

PG_FUNCTION_INFO_V1(pubkey_in);
Datum
pubkey_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	CrKey	   *key;
	CredregFailure f;
	PubKey	   *pk;

	if (!crkey_parse(str, strlen(str), &key, &f))
		pubkey_input_error(str, &f);
	pk = pubkey_from_crkey(key);
	crkey_free(key);
	PG_RETURN_PUBKEY_P(pk);
}

static char *
pubkey_text(const PubKey *pk)
{
	CrKey		k;

	shallow_key(pk, &k);
	if (k.type == CRKEY_RSA)
	{
		StringInfoData buf;

		initStringInfo(&buf);
		crkey_append_jwk(&buf, &k);
		return buf.data;
	}
	return crkey_multikey(&k);
}

PG_FUNCTION_INFO_V1(pubkey_out);
Datum
pubkey_out(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);

	PG_RETURN_CSTRING(pubkey_text(pk));
}

PG_FUNCTION_INFO_V1(pubkey_send);
Datum
pubkey_send(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint8(&buf, pk->version);
	pq_sendint8(&buf, pk->type);
	pq_sendbytes(&buf, (const char *) pk->data, PUBKEY_DATALEN(pk));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Binary input: version 1, a key type, and the canonical encoding, which
 * must decode (points on the curve, RSA sizes) and be canonical (compressed
 * points, no leading zero bytes): as strict as text input.
 */
PG_FUNCTION_INFO_V1(pubkey_recv);
Datum
pubkey_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgint(buf, 1);
	int			type = pq_getmsgint(buf, 1);
	int			len = buf->len - buf->cursor;
	const uint8 *data = (const uint8 *) pq_getmsgbytes(buf, len);
	CrKey	   *key;
	CredregFailure f;
	PubKey	   *pk;

	if (version != PUBKEY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type pubkey", version)));
	if (type < CRKEY_ED25519 || type > CRKEY_SECP256K1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid key type %d in binary pubkey", type)));
	if (!crkey_from_public_bytes((CrKeyType) type, data, len, &key, &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary pubkey"),
				 errdetail("%s", as_sentence(f.message))));
	if (key->publen != len || memcmp(key->pub, data, len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary pubkey"),
				 errdetail("The key is not in canonical form.")));
	pk = pubkey_from_crkey(key);
	crkey_free(key);
	PG_RETURN_PUBKEY_P(pk);
}

/* ---- comparison: key type, then the canonical bytes ---- */

static int
pubkey_cmp_internal(const PubKey *a, const PubKey *b)
{
	int			alen = PUBKEY_DATALEN(a),
				blen = PUBKEY_DATALEN(b);
	int			c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	c = memcmp(a->data, b->data, Min(alen, blen));
	if (c != 0)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen ? 1 : 0;
}

#define PUBKEY_CMP_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PubKey	   *a = PG_GETARG_PUBKEY_P(0); \
	PubKey	   *b = PG_GETARG_PUBKEY_P(1); \
	int			c = pubkey_cmp_internal(a, b); \
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	expr; \
}

PUBKEY_CMP_FN(pubkey_eq, PG_RETURN_BOOL(c == 0))
PUBKEY_CMP_FN(pubkey_ne, PG_RETURN_BOOL(c != 0))
PUBKEY_CMP_FN(pubkey_lt, PG_RETURN_BOOL(c < 0))
PUBKEY_CMP_FN(pubkey_le, PG_RETURN_BOOL(c <= 0))
PUBKEY_CMP_FN(pubkey_gt, PG_RETURN_BOOL(c > 0))
PUBKEY_CMP_FN(pubkey_ge, PG_RETURN_BOOL(c >= 0))
PUBKEY_CMP_FN(pubkey_cmp, PG_RETURN_INT32(c))

PG_FUNCTION_INFO_V1(pubkey_hash);
Datum
pubkey_hash(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	Datum		h;

	/* type and bytes: everything but the (constant) version */
	h = hash_any((const unsigned char *) &pk->type, PUBKEY_DATALEN(pk) + 1);
	PG_FREE_IF_COPY(pk, 0);
	PG_RETURN_DATUM(h);
}

PG_FUNCTION_INFO_V1(pubkey_hash_extended);
Datum
pubkey_hash_extended(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	uint64		seed = PG_GETARG_INT64(1);
	Datum		h;

	h = hash_any_extended((const unsigned char *) &pk->type, PUBKEY_DATALEN(pk) + 1, seed);
	PG_FREE_IF_COPY(pk, 0);
	PG_RETURN_DATUM(h);
}

/* ---- functions ---- */

/* credreg.pubkey_jwk(pubkey): the public JWK (RFC 7638 members). */
PG_FUNCTION_INFO_V1(pubkey_jwk);
Datum
pubkey_jwk(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	crkey_append_jwk(&buf, pubkey_key(pk));
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* credreg.pubkey_thumbprint(pubkey): RFC 7638 SHA-256 thumbprint. */
PG_FUNCTION_INFO_V1(pubkey_thumbprint);
Datum
pubkey_thumbprint(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);

	PG_RETURN_TEXT_P(cstring_to_text(crkey_thumbprint(pubkey_key(pk))));
}

/* credreg.pubkey_type(pubkey): Ed25519, P-256, P-384, RSA or secp256k1. */
PG_FUNCTION_INFO_V1(pubkey_type);
Datum
pubkey_type(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);

	PG_RETURN_TEXT_P(cstring_to_text(crkey_type_name((CrKeyType) pk->type)));
}

/*
 * credreg.pubkey_algorithm(pubkey): the JOSE algorithm the key signs with
 * (crsig_alg_for_key_type); RS256 for RSA keys (which also fit PS256).
 */
PG_FUNCTION_INFO_V1(pubkey_algorithm);
Datum
pubkey_algorithm(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	CrSigAlg	alg;

	if (!crsig_alg_for_key_type((CrKeyType) pk->type, &alg))
		elog(ERROR, "unknown pubkey type %d", pk->type);
	PG_RETURN_TEXT_P(cstring_to_text(crsig_alg_name(alg)));
}

/* credreg.pubkey_multikey(pubkey): the Multikey, NULL for RSA. */
PG_FUNCTION_INFO_V1(pubkey_multikey);
Datum
pubkey_multikey(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	CrKey		k;
	char	   *mk;

	shallow_key(pk, &k);
	mk = crkey_multikey(&k);
	if (mk == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(mk));
}

/*
 * credreg.pubkey_did(pubkey): did:key:<Multikey> for Ed25519, P-256, P-384,
 * secp256k1;
 * did:jwk for RSA, for which did:key is not defined in credreg.
 */
PG_FUNCTION_INFO_V1(pubkey_did);
Datum
pubkey_did(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	CrKey		k;
	StringInfoData buf;

	shallow_key(pk, &k);
	initStringInfo(&buf);
	if (k.type == CRKEY_RSA)
	{
		StringInfoData jwk;

		initStringInfo(&jwk);
		crkey_append_jwk(&jwk, &k);
		appendStringInfoString(&buf, "did:jwk:");
		base64url_append(&buf, (const uint8 *) jwk.data, jwk.len);
	}
	else
	{
		appendStringInfoString(&buf, "did:key:");
		appendStringInfoString(&buf, crkey_multikey(&k));
	}
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}

static CrSigAlg
alg_arg(text *t)
{
	char	   *name = text_to_cstring(t);
	CrSigAlg	alg;

	if (!crsig_alg_from_name(name, &alg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported signature algorithm \"%s\"", name),
				 errhint("The algorithms are EdDSA, ES256, ES384, RS256 and PS256.")));
	return alg;
}

/*
 * credreg.verify_signature(key, alg, message, signature): the signature
 * mathematics alone.  False when the signature does not verify (including a
 * wrong length); an error when alg is unknown or does not fit the key.
 */
PG_FUNCTION_INFO_V1(credreg_verify_signature);
Datum
credreg_verify_signature(PG_FUNCTION_ARGS)
{
	PubKey	   *pk = PG_GETARG_PUBKEY_P(0);
	CrSigAlg	alg = alg_arg(PG_GETARG_TEXT_PP(1));
	bytea	   *msg = PG_GETARG_BYTEA_PP(2);
	bytea	   *sig = PG_GETARG_BYTEA_PP(3);
	const CrKey *key = pubkey_key(pk);
	CredregFailure f;

	if (!crsig_alg_fits_key(alg, key))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("algorithm %s does not fit a key of type %s",
						crsig_alg_name(alg), crkey_type_name(key->type))));
	PG_RETURN_BOOL(crsig_verify(key, alg,
								(const uint8 *) VARDATA_ANY(msg), VARSIZE_ANY_EXHDR(msg),
								(const uint8 *) VARDATA_ANY(sig), VARSIZE_ANY_EXHDR(sig),
								&f));
}

/* A private key argument, or an error that does not echo it. */
static CrKey *
private_key_arg(text *t)
{
	CrKey	   *key;
	CredregFailure f;

	if (!crkey_parse_private(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &key, &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid private key"),
				 errdetail("%s", as_sentence(f.message))));
	return key;
}

/*
 * credreg.sign_signature(private_key, alg, message): a raw signature.  Its
 * errors reach the log without the statement, which holds the key.
 */
static Datum
sign_signature(PG_FUNCTION_ARGS)
{
	text	   *keytext = PG_GETARG_TEXT_PP(0);
	CrSigAlg	alg = alg_arg(PG_GETARG_TEXT_PP(1));
	bytea	   *msg = PG_GETARG_BYTEA_PP(2);
	CrKey	   *key = private_key_arg(keytext);
	uint8	   *sig;
	size_t		siglen;
	bytea	   *result;

	crsig_sign(key, alg, (const uint8 *) VARDATA_ANY(msg), VARSIZE_ANY_EXHDR(msg),
			   &sig, &siglen);
	crkey_free(key);
	result = palloc(VARHDRSZ + siglen);
	SET_VARSIZE(result, VARHDRSZ + siglen);
	memcpy(VARDATA(result), sig, siglen);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(credreg_sign_signature);
Datum
credreg_sign_signature(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(sign_signature, fcinfo);
}

/* credreg.pubkey_from_private(private_key): the public half. */
static Datum
public_of_private(PG_FUNCTION_ARGS)
{
	CrKey	   *key = private_key_arg(PG_GETARG_TEXT_PP(0));
	PubKey	   *pk = pubkey_from_crkey(key);

	crkey_free(key);
	PG_RETURN_PUBKEY_P(pk);
}

PG_FUNCTION_INFO_V1(credreg_pubkey_from_private);
Datum
credreg_pubkey_from_private(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(public_of_private, fcinfo);
}

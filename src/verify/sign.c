/*
 * sign.c
 *		Issuing: credreg.sign (vc+jwt, eddsa-jcs-2022, ecdsa-jcs-2019,
 *		eddsa-rdfc-2022, ecdsa-rdfc-2019 and any registered Data Integrity
 *		suite that signs) and credreg.jws_sign, the JWS building block.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "dataint/dataint.h"
#include "jose/jose.h"
#include "util/encoding.h"
#include "util/secret.h"

PG_FUNCTION_INFO_V1(credreg_sign);
PG_FUNCTION_INFO_V1(credreg_jws_sign);

static CrKey *
private_key(text *t)
{
	CrKey	   *key;
	CredregFailure f;

	if (!crkey_parse_private(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &key, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);
	if (!key->is_private)
	{
		crkey_free(key);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("private_key is a public key")));
	}
	return key;
}

static Datum sign_credential(PG_FUNCTION_ARGS);
static Datum sign_jws(PG_FUNCTION_ARGS);

/* Both take a private key: their errors reach the log without the statement. */
Datum
credreg_sign(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(sign_credential, fcinfo);
}

Datum
credreg_jws_sign(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(sign_jws, fcinfo);
}

static Datum
sign_credential(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	text	   *pk = PG_GETARG_TEXT_PP(1);
	char	   *suite = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *vm = text_to_cstring(PG_GETARG_TEXT_PP(3));
	CrJson	   *cred = crjson_from_jsonb(jb);
	CrKey	   *key;
	char	   *result = NULL;

	if (cred->kind != CRJ_OBJECT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a credential must be a JSON object")));
	if (strcmp(suite, "vc+jwt") != 0 && crdi_find_suite(suite) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown suite \"%s\"", suite),
				 errhint("Use vc+jwt, eddsa-jcs-2022, ecdsa-jcs-2019, eddsa-rdfc-2022 or ecdsa-rdfc-2019.")));

	key = private_key(pk);
	PG_TRY();
	{
		if (strcmp(suite, "vc+jwt") == 0)
		{
			CrSigAlg	alg;
			StringInfoData header;
			StringInfoData payload;

			if (!crsig_alg_for_key_type(key->type, &alg))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("vc+jwt signing takes an Ed25519, P-256, P-384 or RSA key")));
			/* vc-jose-cose §3.1.1: typ vc+jwt, cty vc; the payload is the credential */
			initStringInfo(&header);
			appendStringInfo(&header, "{\"alg\":\"%s\",\"typ\":\"vc+jwt\",\"cty\":\"vc\",\"kid\":",
							 crsig_alg_name(alg));
			crjson_append_string(&header, vm, strlen(vm));
			appendStringInfoChar(&header, '}');
			initStringInfo(&payload);
			crjson_append_text(&payload, cred);
			result = crjws_sign(key, alg, header.data, (const uint8 *) payload.data, payload.len);
		}
		else
		{
			CrJson	   *signed_doc = crdi_sign(cred, key, suite, vm, GetCurrentTimestamp());
			StringInfoData out;

			initStringInfo(&out);
			crjson_append_text(&out, signed_doc);
			result = out.data;
		}
	}
	PG_FINALLY();
	{
		crkey_free(key);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

/*
 * A compact JWS of payload under the given protected header (JSON text,
 * used byte for byte), signed with private_key.  The header's alg must fit
 * the key.
 */
static Datum
sign_jws(PG_FUNCTION_ARGS)
{
	text	   *header = PG_GETARG_TEXT_PP(0);
	bytea	   *payload = PG_GETARG_BYTEA_PP(1);
	text	   *pk = PG_GETARG_TEXT_PP(2);
	char	   *htext = text_to_cstring(header);
	CrJws		probe;
	CredregFailure f;
	StringInfoData probe_text;
	CrKey	   *key;
	char	   *result = NULL;

	/* check the header as a verifier would read it */
	initStringInfo(&probe_text);
	base64url_append(&probe_text, (const uint8 *) htext, strlen(htext));
	appendStringInfoString(&probe_text, "..AA");
	if (!crjws_parse(probe_text.data, probe_text.len, &probe, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);

	key = private_key(pk);
	PG_TRY();
	{
		if (!crsig_alg_fits_key(probe.alg, key))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("JWS algorithm %s does not fit the key (%s)",
							crsig_alg_name(probe.alg), crkey_type_name(key->type))));
		result = crjws_sign(key, probe.alg, htext, (const uint8 *) VARDATA_ANY(payload),
							VARSIZE_ANY_EXHDR(payload));
	}
	PG_FINALLY();
	{
		crkey_free(key);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

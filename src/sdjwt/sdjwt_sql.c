/*
 * sdjwt_sql.c
 *		SQL functions of SD-JWT VC: credreg.sd_jwt_verify (a presentation,
 *		with key binding and the verifier's challenge and domain),
 *		credreg.sd_jwt_issue and credreg.sd_jwt_present.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "crypto/pubkey.h"
#include "sdjwt/sdjwt_issue.h"
#include "util/secret.h"

PG_FUNCTION_INFO_V1(credreg_sd_jwt_verify);
PG_FUNCTION_INFO_V1(credreg_sd_jwt_issue);
PG_FUNCTION_INFO_V1(credreg_sd_jwt_present);

/*
 * sd_jwt_verify(sd_jwt, challenge, domain, as_of, require_key_binding):
 * credreg.verification's attributes, then key_bound and payload.  A
 * challenge or a domain can only be checked in a KB-JWT, so either one
 * requires key binding.
 */
Datum
credreg_sd_jwt_verify(PG_FUNCTION_ARGS)
{
	text	   *t;
	CrSdJwtExpect expect;
	CrVerification r;
	bool		key_bound;
	TupleDesc	desc;
	Datum		values[CR_VERIFICATION_NATTS + 2];
	bool		nulls[CR_VERIFICATION_NATTS + 2];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	memset(&expect, 0, sizeof(expect));
	expect.nonce = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	expect.audience = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	expect.require_key_binding = PG_ARGISNULL(4) ? true : PG_GETARG_BOOL(4);

	memset(&r, 0, sizeof(r));
	r.valid = true;
	r.status = "unknown";
	cr_sdjwt_verify(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), PG_GETARG_TIMESTAMPTZ(3), &expect,
					false, &r, &key_bound);

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credreg.sd_jwt_verify must return a composite type");
	desc = BlessTupleDesc(desc);
	cr_verification_values(&r, values, nulls);
	values[CR_VERIFICATION_NATTS] = BoolGetDatum(key_bound);
	nulls[CR_VERIFICATION_NATTS] = false;
	nulls[CR_VERIFICATION_NATTS + 1] = (r.credential == NULL);
	if (r.credential != NULL)
		values[CR_VERIFICATION_NATTS + 1] = PointerGetDatum(crjson_to_jsonb(r.credential));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* A private key argument; its OpenSSL objects go with the calling context. */
static CrKey *
private_key_arg(text *t)
{
	CrKey	   *key;
	CredregFailure f;

	if (!crkey_parse_private(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &key, &f))
		credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);
	if (!key->is_private)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the private key argument is a public key")));
	return key;
}

static Datum sd_jwt_issue(PG_FUNCTION_ARGS);
static Datum sd_jwt_present(PG_FUNCTION_ARGS);

/* Both take a private key: their errors reach the log without the statement. */
Datum
credreg_sd_jwt_issue(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(sd_jwt_issue, fcinfo);
}

Datum
credreg_sd_jwt_present(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(sd_jwt_present, fcinfo);
}

static Datum
sd_jwt_issue(PG_FUNCTION_ARGS)
{
	CrJson	   *claims;
	ArrayType  *disclose;
	Datum	   *elems;
	bool	   *enulls;
	int			n;
	const char **pointers;
	CrKey	   *key;
	const CrKey *holder = NULL;
	char	   *kid;
	int			ndecoys;
	char	   *volatile result = NULL;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claims, disclose and private_key must not be null")));
	claims = crjson_from_jsonb(PG_GETARG_JSONB_P(0));
	disclose = PG_GETARG_ARRAYTYPE_P(1);
	ndecoys = PG_ARGISNULL(5) ? 0 : PG_GETARG_INT32(5);
	deconstruct_array(disclose, TEXTOID, -1, false, TYPALIGN_INT, &elems, &enulls, &n);
	pointers = palloc(sizeof(char *) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (enulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("disclose must not contain nulls")));
		pointers[i] = TextDatumGetCString(elems[i]);
	}
	if (!PG_ARGISNULL(4))
	{
		CredregFailure f;

		if (!pubkey_to_crkey_cached(PG_GETARG_PUBKEY_P(4), &holder, &f))
			credreg_raise(&f, ERRCODE_INVALID_PARAMETER_VALUE);
	}

	key = private_key_arg(PG_GETARG_TEXT_PP(2));
	PG_TRY();
	{
		if (!PG_ARGISNULL(3))
			kid = text_to_cstring(PG_GETARG_TEXT_PP(3));
		else
		{
			/* the key's own did:key URL, which verifiers resolve offline */
			char	   *mk = crkey_multikey(key);

			if (mk == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("kid is required for this key type")));
			kid = psprintf("did:key:%s#%s", mk, mk);
		}
		result = cr_sdjwt_issue(claims, pointers, n, key, kid, holder, ndecoys);
	}
	PG_FINALLY();
	{
		crkey_free(key);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

static Datum
sd_jwt_present(PG_FUNCTION_ARGS)
{
	text	   *sd = PG_GETARG_TEXT_PP(0);
	char	   *nonce = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *aud = text_to_cstring(PG_GETARG_TEXT_PP(3));
	TimestampTz iat = PG_GETARG_TIMESTAMPTZ(4);
	CrKey	   *key = private_key_arg(PG_GETARG_TEXT_PP(1));
	char	   *volatile result = NULL;

	PG_TRY();
	{
		/* NumericDate: whole seconds since the epoch */
		int64		secs = (iat - SetEpochTimestamp()) / USECS_PER_SEC;

		result = cr_sdjwt_present(VARDATA_ANY(sd), VARSIZE_ANY_EXHDR(sd), key, nonce, aud, secs);
	}
	PG_FINALLY();
	{
		crkey_free(key);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

/*
 * pubkey_parse.c
 *		credreg.pubkey_parse: a key's text to credreg.pubkey without raising,
 *		so that one bad key among many (a bulk load of issuer keys) becomes a
 *		row with a reason instead of an aborted statement.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "crypto/pubkey.h"

PG_FUNCTION_INFO_V1(credreg_pubkey_parse);

/*
 * (key, code, error): the key and two NULLs, or NULL, the failure code
 * (key_malformed, key_unsupported, key_private) and its message.  Accepts
 * what the type's input accepts; the message never repeats the input.
 */
Datum
credreg_pubkey_parse(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	CrKey	   *key;
	CredregFailure f;
	TupleDesc	desc;
	Datum		values[3];
	bool		nulls[3] = {true, true, true};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credreg.pubkey_parse must return a composite type");
	desc = BlessTupleDesc(desc);
	if (crkey_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &key, &f))
	{
		values[0] = PointerGetDatum(pubkey_from_crkey(key));
		nulls[0] = false;
		crkey_free(key);
	}
	else
	{
		values[1] = CStringGetTextDatum(f.code);
		values[2] = CStringGetTextDatum(f.message);
		nulls[1] = nulls[2] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

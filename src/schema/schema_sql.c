/*
 * schema_sql.c
 *		SQL entry points: credreg.json_schema_validate (the validator of
 *		json_schema.c on its own) and credreg.stored_document_cache (the
 *		counters of the stored-document caches, did/stored_document.c).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "did/stored_document.h"
#include "schema/json_schema.h"

PG_FUNCTION_INFO_V1(credreg_json_schema_validate);
/*
 * credreg.json_schema_validate(instance jsonb, schema jsonb) returns text:
 * NULL when the instance conforms, else where and why it does not; a schema
 * that cannot be applied raises 22023.
 */
Datum
credreg_json_schema_validate(PG_FUNCTION_ARGS)
{
	CrJson	   *instance = crjson_from_jsonb(PG_GETARG_JSONB_P(0));
	CrJson	   *schema = crjson_from_jsonb(PG_GETARG_JSONB_P(1));
	char	   *message;

	switch (crschema_validate(schema, instance, &message))
	{
		case CRSCHEMA_VALID:
			PG_RETURN_NULL();
		case CRSCHEMA_INVALID:
			PG_RETURN_TEXT_P(cstring_to_text(message));
		case CRSCHEMA_ERROR:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the JSON Schema cannot be applied"),
			 errdetail("%c%s.", pg_toupper((unsigned char) message[0]), message + 1)));
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(credreg_stored_document_cache);
/* credreg.stored_document_cache(): this backend's lookups and table reads. */
Datum
credreg_stored_document_cache(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	uint64		lookups,
				reads;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "stored_document_cache must return a record");
	cr_stored_document_stats(&lookups, &reads);
	values[0] = Int64GetDatum((int64) lookups);
	values[1] = Int64GetDatum((int64) reads);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

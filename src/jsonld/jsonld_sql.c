/*
 * jsonld_sql.c
 *		The SQL functions credreg.jsonld_expand and credreg.jsonld_to_rdf.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "jsonld/jsonld.h"

/* SQLSTATE for a failure of the SQL functions */
static void
raise_failure(const CredregFailure *f)
{
	int			sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;

	if (strcmp(f->code, "jsonld_limit") == 0)
		sqlstate = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
	credreg_raise(f, sqlstate);
}

static const CrJson *
arg_document(FunctionCallInfo fcinfo)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	return crjson_parse_or_error(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

static char *
arg_base(FunctionCallInfo fcinfo)
{
	char	   *base;

	if (PG_NARGS() < 2 || PG_ARGISNULL(1))
		return NULL;
	base = text_to_cstring(PG_GETARG_TEXT_PP(1));
	/* strings inside the processor are UTF-8 */
	return (char *) pg_do_encoding_conversion((unsigned char *) base, strlen(base),
											  GetDatabaseEncoding(), PG_UTF8);
}

static bool
arg_safe(FunctionCallInfo fcinfo)
{
	return PG_NARGS() >= 3 && !PG_ARGISNULL(2) && PG_GETARG_BOOL(2);
}

PG_FUNCTION_INFO_V1(credreg_jsonld_expand);

/* credreg.jsonld_expand(document text, base text, safe boolean) returns jsonb */
Datum
credreg_jsonld_expand(PG_FUNCTION_ARGS)
{
	const CrJson *doc;
	StringInfoData out;
	CredregFailure f = {0};
	CrJson	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	doc = arg_document(fcinfo);
	initStringInfo(&out);
	if (!credreg_jsonld_expand_text(doc, arg_base(fcinfo), arg_safe(fcinfo), &out, &f))
		raise_failure(&f);
	result = crjson_parse(out.data, out.len, &f);
	if (result == NULL)
		elog(ERROR, "expanded JSON-LD is not valid JSON: %s", f.message);
	PG_RETURN_JSONB_P(crjson_to_jsonb(result));
}

PG_FUNCTION_INFO_V1(credreg_jsonld_to_rdf);

/* credreg.jsonld_to_rdf(document text, base text, safe boolean) returns text */
Datum
credreg_jsonld_to_rdf(PG_FUNCTION_ARGS)
{
	const CrJson *doc;
	StringInfoData out;
	CredregFailure f = {0};
	char	   *converted;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	doc = arg_document(fcinfo);
	initStringInfo(&out);
	if (!credreg_jsonld_to_nquads(doc, arg_base(fcinfo), arg_safe(fcinfo), &out, &f))
		raise_failure(&f);
	converted = (char *) pg_do_encoding_conversion((unsigned char *) out.data, out.len,
												   PG_UTF8, GetDatabaseEncoding());
	PG_RETURN_TEXT_P(cstring_to_text(converted));
}

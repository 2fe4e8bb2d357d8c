/*
 * jsonld.c
 *		Entry points of the JSON-LD processor: the C API of jsonld.h and the
 *		SQL functions credreg.jsonld_expand and credreg.jsonld_to_rdf.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "jsonld/jsonld_int.h"

static void
proc_init(JldProc *p, CredregFailure *failure, bool safe_mode)
{
	memset(p, 0, sizeof(*p));
	p->failure = failure;
	failure->code = NULL;
	failure->message = NULL;
	p->safe_mode = safe_mode;
	p->bnode_map = jv_object();
	jld_cache_begin();
}

static bool
check_base(const char *base, CredregFailure *failure)
{
	if (base != NULL && !jld_is_absolute_iri(base))
		return credreg_fail(failure, "jsonld_invalid",
							"invalid base IRI: \"%s\" is not an absolute IRI", base);
	return true;
}

bool
credreg_jsonld_expand_text(const CrJson *doc, const char *base, bool safe_mode,
						   StringInfo out, CredregFailure *failure)
{
	JldProc		p;
	CredregFailure f;
	JldValue   *expanded;

	if (!check_base(base, failure))
		return false;
	proc_init(&p, &f, safe_mode);
	if (!jld_expand(&p, doc, base, &expanded))
	{
		if (failure)
			*failure = f;
		return false;
	}
	jv_append_json(out, expanded);
	return true;
}

bool
credreg_jsonld_to_dataset(const CrJson *doc, const char *base, bool safe_mode,
						  RdfDataset *ds, CredregFailure *failure)
{
	JldProc		p;
	CredregFailure f;
	JldValue   *expanded;

	if (!check_base(base, failure))
		return false;
	proc_init(&p, &f, safe_mode);
	if (!jld_expand(&p, doc, base, &expanded) || !jld_to_dataset(&p, expanded, ds))
	{
		if (failure)
			*failure = f;
		return false;
	}
	return true;
}

bool
credreg_jsonld_to_nquads(const CrJson *doc, const char *base, bool safe_mode,
						 StringInfo out, CredregFailure *failure)
{
	RdfDataset *ds = rdf_dataset_create();

	if (!credreg_jsonld_to_dataset(doc, base, safe_mode, ds, failure))
		return false;
	jld_write_sorted(ds, out);
	return true;
}

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

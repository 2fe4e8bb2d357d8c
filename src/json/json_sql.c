/*
 * json_sql.c
 *		SQL-facing entry points of the JSON layer: parse-or-raise and
 *		credreg.jcs().
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "json/json.h"

/* The text of a SQL value (server encoding) as UTF-8 bytes. */
static const char *
server_to_utf8(const char *s, size_t *len)
{
	int			enc = GetDatabaseEncoding();
	char	   *u;

	/* SQL_ASCII holds whatever bytes; the parser checks they are UTF-8 */
	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return s;
	u = pg_server_to_any(s, (int) *len, PG_UTF8);
	if (u != s)
		*len = strlen(u);
	return u;
}

CrJson *
crjson_parse_or_error(const char *text, size_t len)
{
	CredregFailure failure;
	bool		limit;
	CrJson	   *v;

	text = server_to_utf8(text, &len);
	v = crjson_parse_ext(text, len, &failure, &limit);
	if (v == NULL)
		credreg_raise(&failure, limit ? ERRCODE_PROGRAM_LIMIT_EXCEEDED :
					  ERRCODE_INVALID_TEXT_REPRESENTATION);
	return v;
}

/* The canonical form of a tree as UTF-8, or raise 22003 (number overflow). */
static StringInfo
jcs_or_error(const CrJson *v)
{
	StringInfo	out = makeStringInfo();
	CredregFailure failure;

	if (!crjcs_append(out, v, &failure))
		credreg_raise(&failure, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE);
	return out;
}

static text *
utf8_to_text(StringInfo s)
{
	int			enc = GetDatabaseEncoding();

	if (enc != PG_UTF8 && enc != PG_SQL_ASCII)
	{
		char	   *c = pg_any_to_server(s->data, s->len, PG_UTF8);

		return cstring_to_text(c);
	}
	return cstring_to_text_with_len(s->data, s->len);
}

PG_FUNCTION_INFO_V1(credreg_jcs_text);
PG_FUNCTION_INFO_V1(credreg_jcs_bytea);
PG_FUNCTION_INFO_V1(credreg_jcs_jsonb);

/* credreg.jcs(text) returns text: the RFC 8785 canonical form. */
Datum
credreg_jcs_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	CrJson	   *v = crjson_parse_or_error(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	PG_RETURN_TEXT_P(utf8_to_text(jcs_or_error(v)));
}

/* credreg.jcs(bytea) returns bytea: UTF-8 JSON bytes in, canonical bytes out. */
Datum
credreg_jcs_bytea(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	CredregFailure failure;
	bool		limit;
	CrJson	   *v;
	StringInfo	out;
	bytea	   *res;

	v = crjson_parse_ext(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), &failure, &limit);
	if (v == NULL)
		credreg_raise(&failure, limit ? ERRCODE_PROGRAM_LIMIT_EXCEEDED :
					  ERRCODE_INVALID_TEXT_REPRESENTATION);
	out = jcs_or_error(v);
	res = palloc(VARHDRSZ + out->len);
	SET_VARSIZE(res, VARHDRSZ + out->len);
	memcpy(VARDATA(res), out->data, out->len);
	PG_RETURN_BYTEA_P(res);
}

/* credreg.jcs(jsonb) returns text. */
Datum
credreg_jcs_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);

	PG_RETURN_TEXT_P(utf8_to_text(jcs_or_error(crjson_from_jsonb(jb))));
}

PG_FUNCTION_INFO_V1(credreg_json_is_strict);

/*
 * credreg.json_is_strict(text) returns boolean: whether the text is strict
 * JSON within the limits (the verifier's parser, without raising).
 */
Datum
credreg_json_is_strict(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	const char *s = server_to_utf8(VARDATA_ANY(t), &len);

	PG_RETURN_BOOL(crjson_parse(s, len, NULL) != NULL);
}

PG_FUNCTION_INFO_V1(credreg_strict_jsonb);

/*
 * credreg.strict_jsonb(text) returns jsonb: the text read by the strict
 * parser (duplicate names are an error, where text::jsonb keeps the last).
 */
Datum
credreg_strict_jsonb(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_JSONB_P(crjson_to_jsonb(crjson_parse_or_error(VARDATA_ANY(t),
															VARSIZE_ANY_EXHDR(t))));
}

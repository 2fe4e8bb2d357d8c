/*
 * rule_sql.c
 *		The SQL face of the stackrule type: input, output, send, recv, the
 *		jsonb casts, and the per-call cache of compiled rules.
 *
 * Wire (send/recv): a version byte followed by the canonical JSON text, so
 * recv validates exactly as text input does, as jsonb does.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "stack/stack.h"
#include "stack/stack_internal.h"

/* ---- SQL ---- */

/*
 * Parses, validates and compiles rule text (server encoding).  The strict
 * parser of src/json reads UTF-8, so the text is converted first; the
 * model keeps UTF-8 strings, as rules from jsonb (crjson_from_jsonb) and
 * awards do, so that they compare equal in any database encoding.
 */
static bytea *
stackrule_from_text(const char *text, int len)
{
	CredregFailure failure;
	bool		limit = false;
	char	   *utf8 = pg_server_to_any(text, len, PG_UTF8);
	CrJson	   *doc;

	if (utf8 != text)
		len = strlen(utf8);
	doc = crjson_parse_ext(utf8, len, &failure, &limit);
	if (doc == NULL)
	{
		if (limit)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("stackrule input exceeds a limit: %s", failure.message)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type stackrule"),
				 errdetail("%s", failure.message)));
	}
	return stack_rule_serialize(stack_rule_from_json(doc));
}

/* The canonical JSON text of a stored rule, in the server encoding. */
static char *
stackrule_text(bytea *b, int *len)
{
	StackRule  *r = stack_rule_deserialize(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	StringInfoData out;
	char	   *s;

	initStringInfo(&out);
	stack_rule_to_json(&out, r);
	s = pg_any_to_server(out.data, out.len, PG_UTF8);
	*len = (s == out.data) ? out.len : (int) strlen(s);
	return s;
}

PG_FUNCTION_INFO_V1(stackrule_in);
/* stackrule_in(cstring): validate and compile a JSON rule. */
Datum
stackrule_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_BYTEA_P(stackrule_from_text(s, strlen(s)));
}

PG_FUNCTION_INFO_V1(stackrule_out);
/* stackrule_out(stackrule): canonical JSON text. */
Datum
stackrule_out(PG_FUNCTION_ARGS)
{
	int			len;

	PG_RETURN_CSTRING(stackrule_text(PG_GETARG_BYTEA_PP(0), &len));
}

PG_FUNCTION_INFO_V1(stackrule_send);
/* stackrule_send(stackrule): version byte + canonical JSON text. */
Datum
stackrule_send(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = stackrule_text(PG_GETARG_BYTEA_PP(0), &len);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STACKRULE_FORMAT_VERSION);
	pq_sendtext(&buf, s, len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(stackrule_recv);
/* stackrule_recv(internal): validated exactly as text input. */
Datum
stackrule_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	char	   *text;
	int			nbytes;

	if (version != STACKRULE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported stackrule binary format version %d", version)));
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_BYTEA_P(stackrule_from_text(text, nbytes));
}

PG_FUNCTION_INFO_V1(stackrule_from_jsonb);
/* stackrule(jsonb): the cast from jsonb (duplicate names are already gone). */
Datum
stackrule_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	CrJson	   *doc = crjson_from_jsonb(jb);

	PG_RETURN_BYTEA_P(stack_rule_serialize(stack_rule_from_json(doc)));
}

PG_FUNCTION_INFO_V1(stackrule_to_jsonb);
/* jsonb(stackrule): the canonical JSON as jsonb. */
Datum
stackrule_to_jsonb(PG_FUNCTION_ARGS)
{
	int			len;

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in,
										CStringGetDatum(stackrule_text(PG_GETARG_BYTEA_PP(0), &len))));
}

/*
 * The prepared model of a stackrule argument, cached in fn_extra across
 * calls with the same bytes (aggregates and per-row calls reuse it).
 */
#define RULE_CACHE_SIZE 16

typedef struct RuleCacheEntry
{
	MemoryContext ctx;
	int			len;
	char	   *bytes;
	StackRule  *rule;
	uint64		used;
} RuleCacheEntry;

typedef struct RuleCache
{
	uint64		clock;
	RuleCacheEntry entries[RULE_CACHE_SIZE];
} RuleCache;

/*
 * The prepared rule of argument argno, cached in fn_extra: up to 16 distinct
 * rules per call site (a join of awards with several rules alternates
 * between them), the least recently used one replaced.
 */
StackRule *
stack_rule_from_datum(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(b);
	RuleCache  *cache;
	RuleCacheEntry *victim = NULL;
	MemoryContext old;
	int			i;

	if (fcinfo->flinfo == NULL)
		return stack_rule_deserialize(VARDATA_ANY(b), len);
	cache = (RuleCache *) stack_call_cache(fcinfo)->rules;
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RuleCache));
		stack_call_cache(fcinfo)->rules = cache;
	}
	cache->clock++;
	for (i = 0; i < RULE_CACHE_SIZE; i++)
	{
		RuleCacheEntry *e = &cache->entries[i];

		if (e->rule && e->len == len && memcmp(e->bytes, VARDATA_ANY(b), len) == 0)
		{
			e->used = cache->clock;
			return e->rule;
		}
		if (victim == NULL || e->used < victim->used)
			victim = e;
	}
	if (victim->ctx == NULL)
		victim->ctx = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "credreg stackrule cache",
											ALLOCSET_SMALL_SIZES);
	victim->rule = NULL;
	MemoryContextReset(victim->ctx);
	old = MemoryContextSwitchTo(victim->ctx);
	victim->len = len;
	victim->bytes = palloc(Max(len, 1));
	memcpy(victim->bytes, VARDATA_ANY(b), len);
	victim->rule = stack_rule_deserialize(VARDATA_ANY(b), len);
	victim->used = cache->clock;
	MemoryContextSwitchTo(old);
	return victim->rule;
}

/* The fn_extra of a stack function call site (allocated on first use). */
StackCallCache *
stack_call_cache(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  sizeof(StackCallCache));
	return (StackCallCache *) fcinfo->flinfo->fn_extra;
}

/*
 * aggregate.c
 *		The state of credreg.stack_progress(rule, item [, as_of]): stack
 *		evaluation as a parallel-safe aggregate over award rows (STYLE.md
 *		§4.2).
 *
 * The state (progress.h) collects the group's awards, parsed, with the
 * rule's compiled bytes; merging appends, the flat form moves it between
 * processes, and the evaluation runs exactly that of stack_evaluate, so the
 * aggregate equals stack_evaluate(rule, array_agg(item), as_of).  Every row
 * of a group must carry the same rule and as_of.  The aggregate's own
 * support functions are in progress_state.c (its state is a type of its
 * own); the internal-state entry points below are 0.1.0's, kept for its
 * install script.
 */
#include "postgres.h"

#include "fmgr.h"
#include "access/xact.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "stack/stack.h"
#include "stack/stack_internal.h"
#include "stack/progress.h"

static char *
copy_str(const char *s)
{
	return s ? pstrdup(s) : NULL;
}

static char **
copy_strs(char **s, int n)
{
	char	  **out = palloc(sizeof(char *) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
		out[i] = pstrdup(s[i]);
	return out;
}

/* Deep copy of an item into the current memory context. */
static void
copy_item(StackItem *dst, const StackItem *src)
{
	int			i;

	*dst = *src;
	dst->id = copy_str(src->id);
	dst->achievement = copy_str(src->achievement);
	dst->achievement_type = copy_str(src->achievement_type);
	dst->human_code = copy_str(src->human_code);
	dst->issuer = copy_str(src->issuer);
	dst->tags = copy_strs(src->tags, src->ntags);
	dst->status = copy_str(src->status);
	dst->align = palloc(sizeof(StackAlign) * Max(src->nalign, 1));
	for (i = 0; i < src->nalign; i++)
	{
		dst->align[i].uri = pstrdup(src->align[i].uri);
		dst->align[i].level = src->align[i].level;
	}
	dst->results = palloc0(sizeof(StackResult) * Max(src->nresult, 1));
	for (i = 0; i < src->nresult; i++)
	{
		dst->results[i].rd = copy_str(src->results[i].rd);
		dst->results[i].value = copy_str(src->results[i].value);
		dst->results[i].nallowed = src->results[i].nallowed;
		dst->results[i].allowed = copy_strs(src->results[i].allowed, src->results[i].nallowed);
	}
}

void
progress_state_add(ProgressState *st, const StackItem *item)
{
	if (st->nitems >= STACK_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d awards in one stack evaluation", STACK_MAX_ITEMS)));
	if (st->nitems == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 16;
		st->items = st->items ? repalloc(st->items, sizeof(StackItem) * st->cap)
			: palloc(sizeof(StackItem) * st->cap);
	}
	copy_item(&st->items[st->nitems++], item);
}

void
progress_state_check(const ProgressState *st, const char *rule, int len, bool has_as_of, TimestampTz as_of)
{
	if (st->rule_len != len || memcmp(st->rule, rule, len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stack_progress needs the same rule for every row of a group")));
	if (st->has_as_of != has_as_of || (has_as_of && st->as_of != as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("stack_progress needs the same as_of for every row of a group")));
}

/*
 * The rule and as_of arguments of a transition call (rule at 1, as_of at 3
 * when given), checked: neither may be null.
 */
void
progress_state_args(FunctionCallInfo fcinfo, bytea **rule, bool *has_as_of, TimestampTz *as_of)
{
	*has_as_of = PG_NARGS() > 3;
	*as_of = 0;
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("stack_progress rule must not be null")));
	if (*has_as_of)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("stack_progress as_of must not be null")));
		*as_of = PG_GETARG_TIMESTAMPTZ(3);
	}
	*rule = PG_GETARG_BYTEA_PP(1);
}

/* A new, empty state (in the current memory context). */
ProgressState *
progress_state_new(const char *rule, int rule_len, bool has_as_of, TimestampTz as_of)
{
	ProgressState *st = palloc0(sizeof(ProgressState));

	st->rule_len = rule_len;
	st->rule = palloc(Max(rule_len, 1));
	memcpy(st->rule, rule, rule_len);
	st->has_as_of = has_as_of;
	st->as_of = as_of;
	return st;
}

/* Shared transition: item already parsed (in any context). */
static Datum
progress_trans(FunctionCallInfo fcinfo, StackItem *item, bool item_null)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ProgressState *st = PG_ARGISNULL(0) ? NULL : (ProgressState *) PG_GETARG_POINTER(0);
	bytea	   *rule;
	bool		has_as_of;
	TimestampTz as_of;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "stack_progress transition called in non-aggregate context");
	progress_state_args(fcinfo, &rule, &has_as_of, &as_of);
	old = MemoryContextSwitchTo(aggcontext);
	if (st == NULL)
		st = progress_state_new(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), has_as_of, as_of);
	else
		progress_state_check(st, VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), has_as_of, as_of);
	if (!item_null)
		progress_state_add(st, item);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(stack_progress_trans);
/* stack_progress_trans(internal, stackrule, stack_item [, timestamptz]) */
Datum
stack_progress_trans(PG_FUNCTION_ARGS)
{
	StackItem	item;

	if (!PG_ARGISNULL(2))
		stack_item_from_tuple(PG_GETARG_HEAPTUPLEHEADER(2), &item);
	return progress_trans(fcinfo, &item, PG_ARGISNULL(2));
}

PG_FUNCTION_INFO_V1(stack_progress_trans_jsonb);
/* stack_progress_trans_jsonb(internal, stackrule, jsonb [, timestamptz]) */
Datum
stack_progress_trans_jsonb(PG_FUNCTION_ARGS)
{
	StackItem	item;

	if (!PG_ARGISNULL(2))
		stack_item_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(2)), &item, "item");
	return progress_trans(fcinfo, &item, PG_ARGISNULL(2));
}

PG_FUNCTION_INFO_V1(stack_progress_combine);
/* stack_progress_combine(internal, internal) */
Datum
stack_progress_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ProgressState *a = PG_ARGISNULL(0) ? NULL : (ProgressState *) PG_GETARG_POINTER(0);
	ProgressState *b = PG_ARGISNULL(1) ? NULL : (ProgressState *) PG_GETARG_POINTER(1);
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "stack_progress_combine called in non-aggregate context");
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	old = MemoryContextSwitchTo(aggcontext);
	if (a == NULL)
	{
		/* never return the second state itself: copy it into aggcontext */
		a = progress_state_new(b->rule, b->rule_len, b->has_as_of, b->as_of);
	}
	else
		progress_state_check(a, b->rule, b->rule_len, b->has_as_of, b->as_of);
	for (i = 0; i < b->nitems; i++)
		progress_state_add(a, &b->items[i]);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

/* ---- serialization ---- */

static void
put_str(StringInfo b, const char *s)
{
	if (s == NULL)
		pq_sendint32(b, (uint32) -1);
	else
	{
		int			len = strlen(s);

		pq_sendint32(b, len);
		pq_sendbytes(b, s, len);
	}
}

static char *
get_str(StringInfo b)
{
	int32		len = (int32) pq_getmsgint(b, 4);

	if (len == -1)
		return NULL;
	if (len < 0 || len > b->len - b->cursor)
		elog(ERROR, "stack_progress state is corrupt");
	return pnstrdup(pq_getmsgbytes(b, len), len);
}

static int32
get_count(StringInfo b)
{
	int32		n = (int32) pq_getmsgint(b, 4);

	if (n < 0 || n > STACK_MAX_ITEMS * 100)
		elog(ERROR, "stack_progress state is corrupt");
	return n;
}

bytea *
progress_state_serialize(const ProgressState *st)
{
	StringInfoData b;
	int			i,
				j;

	pq_begintypsend(&b);
	pq_sendint32(&b, st->rule_len);
	pq_sendbytes(&b, st->rule, st->rule_len);
	pq_sendbyte(&b, st->has_as_of);
	pq_sendint64(&b, st->as_of);
	pq_sendint32(&b, st->nitems);
	for (i = 0; i < st->nitems; i++)
	{
		StackItem  *it = &st->items[i];

		put_str(&b, it->id);
		put_str(&b, it->achievement);
		put_str(&b, it->achievement_type);
		put_str(&b, it->human_code);
		put_str(&b, it->issuer);
		pq_sendbyte(&b, it->home);
		pq_sendint32(&b, it->ntags);
		for (j = 0; j < it->ntags; j++)
			put_str(&b, it->tags[j]);
		pq_sendfloat8(&b, it->credits);
		pq_sendint32(&b, it->level);
		pq_sendbyte(&b, it->has_earned);
		pq_sendint64(&b, it->earned_at);
		pq_sendbyte(&b, it->has_valid_until);
		pq_sendint64(&b, it->valid_until);
		put_str(&b, it->status);
		pq_sendbyte(&b, it->verified);
		pq_sendbyte(&b, it->has_passed);
		pq_sendbyte(&b, it->passed);
		pq_sendint32(&b, it->nalign);
		for (j = 0; j < it->nalign; j++)
		{
			put_str(&b, it->align[j].uri);
			pq_sendint32(&b, it->align[j].level);
		}
		pq_sendint32(&b, it->nresult);
		for (j = 0; j < it->nresult; j++)
		{
			int			v;

			put_str(&b, it->results[j].rd);
			put_str(&b, it->results[j].value);
			pq_sendint32(&b, it->results[j].nallowed);
			for (v = 0; v < it->results[j].nallowed; v++)
				put_str(&b, it->results[j].allowed[v]);
		}
	}
	return pq_endtypsend(&b);
}

PG_FUNCTION_INFO_V1(stack_progress_serialize);
/* stack_progress_serialize(internal) returns bytea */
Datum
stack_progress_serialize(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(progress_state_serialize((ProgressState *) PG_GETARG_POINTER(0)));
}

ProgressState *
progress_state_deserialize(const char *data, int len)
{
	StringInfoData b;
	ProgressState *st = palloc0(sizeof(ProgressState));
	int			i,
				j;

	b.data = unconstify(char *, data);
	b.len = len;
	b.maxlen = b.len;
	b.cursor = 0;
	st->rule_len = get_count(&b);
	if (st->rule_len > b.len - b.cursor)
		elog(ERROR, "stack_progress state is corrupt");
	st->rule = palloc(Max(st->rule_len, 1));
	memcpy(st->rule, pq_getmsgbytes(&b, st->rule_len), st->rule_len);
	st->has_as_of = pq_getmsgbyte(&b);
	st->as_of = pq_getmsgint64(&b);
	st->nitems = st->cap = get_count(&b);
	if (st->nitems > STACK_MAX_ITEMS)
		elog(ERROR, "stack_progress state is corrupt");
	st->items = palloc0(sizeof(StackItem) * Max(st->nitems, 1));
	for (i = 0; i < st->nitems; i++)
	{
		StackItem  *it = &st->items[i];

		it->id = get_str(&b);
		it->achievement = get_str(&b);
		it->achievement_type = get_str(&b);
		it->human_code = get_str(&b);
		it->issuer = get_str(&b);
		it->home = pq_getmsgbyte(&b);
		it->ntags = get_count(&b);
		it->tags = palloc(sizeof(char *) * Max(it->ntags, 1));
		for (j = 0; j < it->ntags; j++)
			it->tags[j] = get_str(&b);
		it->credits = pq_getmsgfloat8(&b);
		it->level = (int32) pq_getmsgint(&b, 4);
		it->has_earned = pq_getmsgbyte(&b);
		it->earned_at = pq_getmsgint64(&b);
		it->has_valid_until = pq_getmsgbyte(&b);
		it->valid_until = pq_getmsgint64(&b);
		it->status = get_str(&b);
		it->verified = pq_getmsgbyte(&b);
		it->has_passed = pq_getmsgbyte(&b);
		it->passed = pq_getmsgbyte(&b);
		it->nalign = get_count(&b);
		it->align = palloc(sizeof(StackAlign) * Max(it->nalign, 1));
		for (j = 0; j < it->nalign; j++)
		{
			it->align[j].uri = get_str(&b);
			it->align[j].level = (int32) pq_getmsgint(&b, 4);
		}
		it->nresult = get_count(&b);
		it->results = palloc0(sizeof(StackResult) * Max(it->nresult, 1));
		for (j = 0; j < it->nresult; j++)
		{
			int			v;

			it->results[j].rd = get_str(&b);
			it->results[j].value = get_str(&b);
			it->results[j].nallowed = get_count(&b);
			it->results[j].allowed = palloc(sizeof(char *) * Max(it->results[j].nallowed, 1));
			for (v = 0; v < it->results[j].nallowed; v++)
				it->results[j].allowed[v] = get_str(&b);
		}
		if (it->id == NULL || (it->align && it->nalign > 0 && it->align[0].uri == NULL))
			elog(ERROR, "stack_progress state is corrupt");
	}
	pq_getmsgend(&b);
	return st;
}

PG_FUNCTION_INFO_V1(stack_progress_deserialize);
/* stack_progress_deserialize(bytea, internal) returns internal */
Datum
stack_progress_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *data = PG_GETARG_BYTEA_PP(0);

	PG_RETURN_POINTER(progress_state_deserialize(VARDATA_ANY(data), VARSIZE_ANY_EXHDR(data)));
}

PG_FUNCTION_INFO_V1(stack_progress_final);
/* stack_progress_final(internal) returns jsonb: stack_evaluate over the group */
Datum
stack_progress_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_JSONB_P(progress_state_evaluate((ProgressState *) PG_GETARG_POINTER(0)));
}

Jsonb *
progress_state_evaluate(const ProgressState *st)
{
	StackRule  *rule;
	StackItem  *items;
	int			i;

	rule = stack_rule_deserialize(st->rule, st->rule_len);
	/* evaluate a sorted copy: the state may be finalized more than once */
	items = palloc(sizeof(StackItem) * Max(st->nitems, 1));
	for (i = 0; i < st->nitems; i++)
		items[i] = st->items[i];
	stack_items_sort(items, st->nitems);
	return stack_evaluate_internal(rule, items, st->nitems,
								   st->has_as_of ? st->as_of : GetCurrentTransactionStartTimestamp(),
								   NULL, 0, NULL, 0);
}

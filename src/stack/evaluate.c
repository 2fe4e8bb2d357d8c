/*
 * evaluate.c
 *		The SQL entry points of stack evaluation (stack_evaluate,
 *		stack_progress_of) and the internal API the aggregate and next_best
 *		use; the jobs are in eligibility.c, scoring.c, solve.c, explain.c
 *		(see eval_internal.h).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/eval_internal.h"
#include "stack/stack.h"
#include "stack/stack_search.h"

/* ---- entry points ---- */

static void
init_eval(Eval *e, StackRule *rule, StackItem *items, int nitems, TimestampTz as_of,
		  StackException *exc, int nexc)
{
	memset(e, 0, sizeof(Eval));
	e->rule = rule;
	e->items = items;
	e->nitems = nitems;
	e->as_of = as_of;
	e->exc = exc;
	e->nexc = nexc;
	e->single_leaf = -1;
}

/*
 * cands: the registry's achievements (NULL: none given, no "candidates"
 * member in missing); each missing leaf lists those eligible for it.
 */
Jsonb *
stack_evaluate_internal(StackRule *rule, StackItem *items, int nitems,
						TimestampTz as_of, StackException *exc, int nexc,
						StackItem *cands, int ncands)
{
	Eval		e;

	init_eval(&e, rule, items, nitems, as_of, exc, nexc);
	e.has_cands = cands != NULL;
	e.cands = cands;
	e.ncands = ncands;
	eval_run(&e);
	return eval_emit(&e);
}

double
stack_evaluate_progress(StackRule *rule, StackItem *items, int nitems,
						TimestampTz as_of, StackException *exc, int nexc, bool *complete)
{
	Eval		e;

	init_eval(&e, rule, items, nitems, as_of, exc, nexc);
	eval_run(&e);
	if (complete)
		*complete = e.sat[0] && stack_rule_in_force(rule, as_of);
	return e.f[0];
}

static StackItem *
candidates_arg(FunctionCallInfo fcinfo, int argno, int *ncands)
{
	*ncands = 0;
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return stack_candidates_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(argno)),
									  PG_GETARG_TIMESTAMPTZ(2), ncands);
}

static StackException *
exceptions_arg(FunctionCallInfo fcinfo, int argno, int *nexc)
{
	*nexc = 0;
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return stack_exceptions_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(argno)), nexc);
}

PG_FUNCTION_INFO_V1(stack_evaluate_jsonb);
/* stack_evaluate(rule, items jsonb, as_of, exceptions jsonb, candidates jsonb) returns jsonb */
Datum
stack_evaluate_jsonb(PG_FUNCTION_ARGS)
{
	StackRule  *rule;
	StackItem  *items;
	int			nitems;
	StackException *exc;
	int			nexc;
	StackItem  *cands;
	int			ncands;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	rule = stack_rule_from_datum(fcinfo, 0);
	items = stack_items_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(1)), &nitems);
	exc = exceptions_arg(fcinfo, 3, &nexc);
	cands = candidates_arg(fcinfo, 4, &ncands);
	PG_RETURN_JSONB_P(stack_evaluate_internal(rule, items, nitems, PG_GETARG_TIMESTAMPTZ(2), exc, nexc,
											  cands, ncands));
}

/*
 * The items of a stack_item[] argument, parsed and sorted, cached in
 * fn_extra by content: a join of learners with several rules evaluates the
 * same award array several times in a row.
 */
typedef struct ItemsCache
{
	MemoryContext ctx;
	int			len;
	char	   *bytes;
	StackItem  *items;
	int			nitems;
} ItemsCache;

static StackItem *
items_arg(FunctionCallInfo fcinfo, int argno, int *nitems)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(argno);
	int			len = VARSIZE(arr);
	StackCallCache *cc;
	ItemsCache *c;
	MemoryContext old;

	if (fcinfo->flinfo == NULL)
		return stack_items_from_array(arr, nitems);
	cc = stack_call_cache(fcinfo);
	c = (ItemsCache *) cc->items;
	if (c && c->items && c->len == len && memcmp(c->bytes, arr, len) == 0)
	{
		*nitems = c->nitems;
		return c->items;
	}
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ItemsCache));
		c->ctx = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "credreg stack items cache",
									   ALLOCSET_DEFAULT_SIZES);
		cc->items = c;
	}
	c->items = NULL;
	MemoryContextReset(c->ctx);
	old = MemoryContextSwitchTo(c->ctx);
	c->bytes = palloc(len);
	memcpy(c->bytes, arr, len);
	c->len = len;
	c->items = stack_items_from_array(arr, &c->nitems);
	MemoryContextSwitchTo(old);
	*nitems = c->nitems;
	return c->items;
}

PG_FUNCTION_INFO_V1(stack_evaluate_array);
/* stack_evaluate(rule, items stack_item[], as_of, exceptions jsonb, candidates jsonb) returns jsonb */
Datum
stack_evaluate_array(PG_FUNCTION_ARGS)
{
	StackRule  *rule;
	StackItem  *items;
	int			nitems;
	StackException *exc;
	int			nexc;
	StackItem  *cands;
	int			ncands;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	rule = stack_rule_from_datum(fcinfo, 0);
	items = items_arg(fcinfo, 1, &nitems);
	exc = exceptions_arg(fcinfo, 3, &nexc);
	cands = candidates_arg(fcinfo, 4, &ncands);
	PG_RETURN_JSONB_P(stack_evaluate_internal(rule, items, nitems, PG_GETARG_TIMESTAMPTZ(2), exc, nexc,
											  cands, ncands));
}

PG_FUNCTION_INFO_V1(stack_progress_array);
/* stack_progress_of(rule, items stack_item[], as_of) returns float8: progress only. */
Datum
stack_progress_array(PG_FUNCTION_ARGS)
{
	StackRule  *rule = stack_rule_from_datum(fcinfo, 0);
	int			nitems;
	StackItem  *items = items_arg(fcinfo, 1, &nitems);

	PG_RETURN_FLOAT8(stack_evaluate_progress(rule, items, nitems, PG_GETARG_TIMESTAMPTZ(2),
											 NULL, 0, NULL));
}

/*
 * progress_state.c
 *		credreg.stack_progress_state: the transition state of the
 *		stack_progress aggregate as a type of its own.
 *
 * Why not `internal`: Citus runs an aggregate partially on its workers only
 * when the transition type is a real type, whose text form carries a
 * worker's partial state to the coordinator (worker_partial_agg /
 * coord_combine_agg); with an internal state it ships every row to the
 * coordinator instead.  A real type also serves PostgreSQL's own parallel
 * aggregation, which moves the flat form between processes.
 *
 * Inside an aggregate the state is an expanded object (utils/expandeddatum.h,
 * as arrays do): each transition adds the parsed award in place, with no
 * copy; the flat form (the bytes of progress_state_serialize, aggregate.c)
 * is built only when the state leaves the aggregate.  The text form is the
 * flat form in bytea's hex notation; reading it checks every byte, the
 * compiled rule included, so a state typed by hand cannot reach the
 * evaluator malformed.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include "stack/progress.h"
#include "stack/stack.h"
#include "stack/stack_internal.h"

typedef struct ExpandedProgress
{
	ExpandedObjectHeader hdr;
	ProgressState *st;			/* in hdr.eoh_context */
	bytea	   *flat;			/* the flat form, built on demand; NULL after a change */
} ExpandedProgress;

static Size
progress_flat_size(ExpandedObjectHeader *eohptr)
{
	ExpandedProgress *ep = (ExpandedProgress *) eohptr;

	if (ep->flat == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(ep->hdr.eoh_context);

		ep->flat = progress_state_serialize(ep->st);
		MemoryContextSwitchTo(old);
	}
	return VARSIZE(ep->flat);
}

static void
progress_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedProgress *ep = (ExpandedProgress *) eohptr;

	/* get_flat_size ran just before, with no change in between */
	Assert(ep->flat != NULL && allocated_size == VARSIZE(ep->flat));
	memcpy(result, ep->flat, allocated_size);
}

static const ExpandedObjectMethods progress_methods = {
	progress_flat_size,
	progress_flatten_into
};

/* A new expanded state, empty, in a memory context of its own under parent. */
static ExpandedProgress *
progress_expanded_new(MemoryContext parent)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "stack_progress state",
											  ALLOCSET_DEFAULT_SIZES);
	ExpandedProgress *ep = MemoryContextAllocZero(cxt, sizeof(ExpandedProgress));

	EOH_init_header(&ep->hdr, &progress_methods, cxt);
	return ep;
}

/* Our expanded object behind d, or NULL when d is flat. */
static ExpandedProgress *
progress_expanded(Datum d)
{
	ExpandedObjectHeader *eoh;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return NULL;
	eoh = DatumGetEOHP(d);
	if (eoh->eoh_methods != &progress_methods)
		elog(ERROR, "stack_progress_state is not a stack_progress state");
	return (ExpandedProgress *) eoh;
}

/* The state d holds, read only (a flat one is read into the current context). */
static const ProgressState *
progress_read(Datum d)
{
	ExpandedProgress *ep = progress_expanded(d);
	bytea	   *flat;

	if (ep != NULL)
		return ep->st;
	flat = DatumGetByteaPP(d);
	return progress_state_deserialize(VARDATA_ANY(flat), VARSIZE_ANY_EXHDR(flat));
}

/*
 * The state of argument argno as an expanded object this aggregate may
 * change in place: the argument itself when it is the read-write object the
 * previous call returned (its context a child of aggcontext, as
 * ExecAggTransReparent keeps it), else a copy; NULL for a null argument.
 */
static ExpandedProgress *
progress_writable(FunctionCallInfo fcinfo, int argno, MemoryContext aggcontext)
{
	Datum		d;
	ExpandedProgress *ep;
	const ProgressState *src;
	MemoryContext old;

	if (PG_ARGISNULL(argno))
		return NULL;
	d = PG_GETARG_DATUM(argno);
	ep = progress_expanded(d);
	if (ep != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
		MemoryContextGetParent(ep->hdr.eoh_context) == aggcontext)
		return ep;
	src = progress_read(d);
	ep = progress_expanded_new(aggcontext);
	old = MemoryContextSwitchTo(ep->hdr.eoh_context);
	ep->st = progress_state_new(src->rule, src->rule_len, src->has_as_of, src->as_of);
	for (int i = 0; i < src->nitems; i++)
		progress_state_add(ep->st, &src->items[i]);
	MemoryContextSwitchTo(old);
	return ep;
}

/* Transition shared by the item forms: item already parsed. */
static Datum
progress_step(FunctionCallInfo fcinfo, const StackItem *item, bool item_null)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ExpandedProgress *ep;
	bytea	   *rule;
	bool		has_as_of;
	TimestampTz as_of;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "stack_progress transition called in non-aggregate context");
	progress_state_args(fcinfo, &rule, &has_as_of, &as_of);
	ep = progress_writable(fcinfo, 0, aggcontext);
	if (ep == NULL)
	{
		ep = progress_expanded_new(aggcontext);
		old = MemoryContextSwitchTo(ep->hdr.eoh_context);
		ep->st = progress_state_new(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), has_as_of, as_of);
	}
	else
	{
		progress_state_check(ep->st, VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule), has_as_of, as_of);
		old = MemoryContextSwitchTo(ep->hdr.eoh_context);
	}
	if (!item_null)
	{
		progress_state_add(ep->st, item);
		ep->flat = NULL;		/* (its memory goes with the state's context) */
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_DATUM(EOHPGetRWDatum(&ep->hdr));
}

PG_FUNCTION_INFO_V1(stack_progress_step);
/* stack_progress_step(stack_progress_state, stackrule, stack_item [, timestamptz]) */
Datum
stack_progress_step(PG_FUNCTION_ARGS)
{
	StackItem	item;

	if (!PG_ARGISNULL(2))
		stack_item_from_tuple(PG_GETARG_HEAPTUPLEHEADER(2), &item);
	return progress_step(fcinfo, &item, PG_ARGISNULL(2));
}

PG_FUNCTION_INFO_V1(stack_progress_step_jsonb);
/* stack_progress_step_jsonb(stack_progress_state, stackrule, jsonb [, timestamptz]) */
Datum
stack_progress_step_jsonb(PG_FUNCTION_ARGS)
{
	StackItem	item;

	if (!PG_ARGISNULL(2))
		stack_item_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(2)), &item, "item");
	return progress_step(fcinfo, &item, PG_ARGISNULL(2));
}

PG_FUNCTION_INFO_V1(stack_progress_merge);
/* stack_progress_merge(stack_progress_state, stack_progress_state): the combine function */
Datum
stack_progress_merge(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ExpandedProgress *ep;
	const ProgressState *b;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "stack_progress_merge called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = progress_read(PG_GETARG_DATUM(1));
	ep = progress_writable(fcinfo, 0, aggcontext);
	if (ep == NULL)
	{
		/* never the second argument itself: a new state in aggcontext */
		ep = progress_expanded_new(aggcontext);
		old = MemoryContextSwitchTo(ep->hdr.eoh_context);
		ep->st = progress_state_new(b->rule, b->rule_len, b->has_as_of, b->as_of);
	}
	else
	{
		progress_state_check(ep->st, b->rule, b->rule_len, b->has_as_of, b->as_of);
		old = MemoryContextSwitchTo(ep->hdr.eoh_context);
	}
	for (int i = 0; i < b->nitems; i++)
		progress_state_add(ep->st, &b->items[i]);
	ep->flat = NULL;
	MemoryContextSwitchTo(old);
	PG_RETURN_DATUM(EOHPGetRWDatum(&ep->hdr));
}

PG_FUNCTION_INFO_V1(stack_progress_result);
/* stack_progress_result(stack_progress_state) returns jsonb: the final function */
Datum
stack_progress_result(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_JSONB_P(progress_state_evaluate(progress_read(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(stack_progress_state_out);
/* The flat form in bytea's hex notation. */
Datum
stack_progress_state_out(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(byteaout, PointerGetDatum(PG_GETARG_BYTEA_PP(0)));
}

PG_FUNCTION_INFO_V1(stack_progress_state_in);
/* Reads the hex notation and checks every part of the state, the rule included. */
Datum
stack_progress_state_in(PG_FUNCTION_ARGS)
{
	bytea	   *flat = DatumGetByteaPP(DirectFunctionCall1(byteain, PG_GETARG_DATUM(0)));
	ProgressState *st = progress_state_deserialize(VARDATA_ANY(flat), VARSIZE_ANY_EXHDR(flat));

	(void) stack_rule_deserialize(st->rule, st->rule_len);
	PG_RETURN_BYTEA_P(flat);
}

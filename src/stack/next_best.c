/*
 * next_best.c
 *		credreg.next_best(rule, items, candidates, as_of): which achievement,
 *		if earned next, raises progress most.
 *
 * Each candidate is an award-shaped object (achievement, achievementType,
 * issuer, home, tags, credits, level, alignments; no id needed) that the
 * registry could issue; achievements the learner already holds are left
 * out, but only when the held award still counts at as_of (verified and not
 * expired where the rule requires it, of a counted status): an expired,
 * revoked or unverified award is earned again.  It is added to the learner's awards as if earned at
 * as_of and the rule is evaluated again (optimal assignment, so a candidate
 * that frees another award by a swap is credited).  Rows come out by gain,
 * then completing first, then achievement.
 */
#include "postgres.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/stack.h"
#include "stack/stack_internal.h"

typedef struct Candidate
{
	char	   *achievement;
	double		gain;
	bool		completes;
} Candidate;

static int
candidate_cmp(const void *a, const void *b)
{
	const Candidate *x = a;
	const Candidate *y = b;

	if (x->gain != y->gain)
		return x->gain > y->gain ? -1 : 1;
	if (x->completes != y->completes)
		return x->completes ? -1 : 1;
	return strcmp(x->achievement, y->achievement);
}

/*
 * The candidates argument shared by next_best and stack_evaluate: an array
 * of award-shaped objects (no id needed: one that sorts after every real
 * award is given), each with an achievement, earned at as_of unless it says
 * otherwise.
 */
StackItem *
stack_candidates_from_json(const CrJson *cands, TimestampTz as_of, int *ncand)
{
	StackItem  *out;
	int			i;
	char		path[40];

	if (cands->kind != CRJ_ARRAY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid stack input at candidates: expected an array of achievements")));
	if (cands->count > STACK_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d candidates", STACK_MAX_ITEMS)));
	out = palloc0(sizeof(StackItem) * Max(cands->count, 1));
	for (i = 0; i < cands->count; i++)
	{
		CrJson	   *c = cands->u.elems[i];
		StackItem  *cand = &out[i];

		CHECK_FOR_INTERRUPTS();
		snprintf(path, sizeof(path), "candidates[%d]", i);
		if (c->kind == CRJ_OBJECT && crjson_get(c, "id") == NULL)
		{
			/* give it an id that sorts after every real award */
			CrJson	   *copy = palloc(sizeof(CrJson));
			CrJson	   *idv = palloc0(sizeof(CrJson));

			*copy = *c;
			copy->u.members = palloc(sizeof(CrJsonMember) * (c->count + 1));
			memcpy(copy->u.members, c->u.members, sizeof(CrJsonMember) * c->count);
			idv->kind = CRJ_STRING;
			idv->u.str = "\x7f" "candidate";
			idv->count = strlen(idv->u.str);
			copy->u.members[c->count].name = "id";
			copy->u.members[c->count].name_len = 2;
			copy->u.members[c->count].value = idv;
			copy->count++;
			c = copy;
		}
		stack_item_from_json(c, cand, path);
		if (cand->achievement == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stack input at %s: member \"achievement\" is required", path)));
		if (!cand->has_earned)
		{
			cand->has_earned = true;
			cand->earned_at = as_of;
		}
	}
	*ncand = cands->count;
	return out;
}

/*
 * The rows of next_best for the learner's awards `items` (sorted by id):
 * each candidate whose achievement the learner does not hold in a form that
 * still counts, with its gain.
 */
static void
next_best_rows(FunctionCallInfo fcinfo, StackRule *rule, StackItem *items, int nitems,
			   StackItem *cands, int ncand, TimestampTz as_of)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	StackItem  *with;
	double		base;
	Candidate  *out;
	int			nout = 0;
	int			i;

	base = stack_evaluate_progress(rule, items, nitems, as_of, NULL, 0, NULL);
	out = palloc(sizeof(Candidate) * Max(ncand, 1));
	with = palloc(sizeof(StackItem) * (nitems + 1));
	for (i = 0; i < ncand; i++)
	{
		StackItem  *cand = &cands[i];
		bool		complete;
		double		p;
		int			j;

		CHECK_FOR_INTERRUPTS();
		/* an achievement the learner holds, and that counts, is not a recommendation */
		for (j = 0; j < nitems; j++)
			if (items[j].achievement && strcmp(items[j].achievement, cand->achievement) == 0 &&
				stack_item_counts(rule, &items[j], as_of))
				break;
		if (j < nitems)
			continue;
		for (j = 0; j < nitems; j++)
			with[j] = items[j];
		with[nitems] = *cand;
		stack_items_sort(with, nitems + 1);
		p = stack_evaluate_progress(rule, with, nitems + 1, as_of, NULL, 0, &complete);
		out[nout].achievement = cand->achievement;
		out[nout].gain = Max(p - base, 0);
		out[nout].completes = complete;
		nout++;
	}
	qsort(out, nout, sizeof(Candidate), candidate_cmp);
	for (i = 0; i < nout; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		char	   *a = pg_any_to_server(out[i].achievement, strlen(out[i].achievement), PG_UTF8);

		values[0] = CStringGetTextDatum(a);
		values[1] = Float8GetDatum(out[i].gain);
		values[2] = BoolGetDatum(out[i].completes);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

PG_FUNCTION_INFO_V1(stack_next_best);
/* next_best(rule, items jsonb, candidates jsonb, as_of) returns setof (achievement, progress_gain, completes) */
Datum
stack_next_best(PG_FUNCTION_ARGS)
{
	StackRule  *rule = stack_rule_from_datum(fcinfo, 0);
	CrJson	   *items_json = crjson_from_jsonb(PG_GETARG_JSONB_P(1));
	CrJson	   *cands_json = crjson_from_jsonb(PG_GETARG_JSONB_P(2));
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(3);
	StackItem  *items;
	StackItem  *cands;
	int			nitems;
	int			ncand;

	InitMaterializedSRF(fcinfo, 0);
	items = stack_items_from_json(items_json, &nitems);
	cands = stack_candidates_from_json(cands_json, as_of, &ncand);
	next_best_rows(fcinfo, rule, items, nitems, cands, ncand, as_of);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(stack_next_best_array);
/* next_best(rule, items stack_item[], candidates jsonb, as_of): awards kept in tables */
Datum
stack_next_best_array(PG_FUNCTION_ARGS)
{
	StackRule  *rule = stack_rule_from_datum(fcinfo, 0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(3);
	StackItem  *items;
	StackItem  *cands;
	int			nitems;
	int			ncand;

	InitMaterializedSRF(fcinfo, 0);
	items = stack_items_from_array(PG_GETARG_ARRAYTYPE_P(1), &nitems);
	cands = stack_candidates_from_json(crjson_from_jsonb(PG_GETARG_JSONB_P(2)), as_of, &ncand);
	next_best_rows(fcinfo, rule, items, nitems, cands, ncand, as_of);
	return (Datum) 0;
}

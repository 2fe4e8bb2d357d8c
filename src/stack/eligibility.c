/*
 * eligibility.c
 *		Which awards count and for which requirement leaf (SEMANTICS.md §4.3
 *		steps 1-3): predicates, admissibility, activity of conditions,
 *		exceptions, eligibility per leaf with the reason an award is blocked.
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

/* ---- predicates ---- */

bool
eval_pred_match(Eval *e, const StackPred *p, int k)
{
	const StackItem *it = &e->items[k];
	int			i;

	check_stack_depth();
	switch (p->kind)
	{
		case SP_ACHIEVEMENT:
			return it->achievement && strcmp(it->achievement, p->str) == 0;
		case SP_ACHIEVEMENT_PATTERN:
			return it->achievement && stack_glob_match(p->str, it->achievement);
		case SP_HUMAN_CODE:
			return it->human_code && stack_glob_match(p->str, it->human_code);
		case SP_ISSUER:
			return it->issuer && strcmp(it->issuer, p->str) == 0;
		case SP_ISSUER_HOME:
			return it->home;
		case SP_ISSUER_IN:
			for (i = 0; i < p->nstr; i++)
				if (it->issuer && strcmp(it->issuer, p->strs[i]) == 0)
					return true;
			return false;
		case SP_ACHIEVEMENT_TYPE:
			return it->achievement_type && strcmp(it->achievement_type, p->str) == 0;
		case SP_TAG:
			for (i = 0; i < it->ntags; i++)
				if (strcmp(it->tags[i], p->str) == 0)
					return true;
			return false;
		case SP_CONCEPT:
			if (e->comp == NULL)
				e->comp = stack_competency_context(e->nitems);
			return stack_concept_match(e->comp, p, k, it);
		case SP_SET:
			return eval_pred_match(e, p->resolved, k);
		case SP_ANY_OF:
			for (i = 0; i < p->nchild; i++)
				if (eval_pred_match(e, p->child[i], k))
					return true;
			return false;
		case SP_ALL_OF:
			for (i = 0; i < p->nchild; i++)
				if (!eval_pred_match(e, p->child[i], k))
					return false;
			return true;
		case SP_NOT:
			return !eval_pred_match(e, p->child[0], k);
	}
	return false;
}

/* ---- helpers ---- */

TimestampTz
eval_shift(TimestampTz t, const StackSpan *s, int sign)
{
	Interval	iv;

	memset(&iv, 0, sizeof(iv));
	iv.month = sign * (s->years * 12 + s->months);
	iv.day = sign * s->days;
	return DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
												   TimestampTzGetDatum(t),
												   PointerGetDatum(&iv)));
}

static char *
span_text(const StackSpan *s)
{
	StringInfoData b;

	initStringInfo(&b);
	if (s->years)
		appendStringInfo(&b, "%d year%s", s->years, s->years == 1 ? "" : "s");
	if (s->months)
		appendStringInfo(&b, "%s%d month%s", b.len ? " " : "", s->months, s->months == 1 ? "" : "s");
	if (s->days || b.len == 0)
		appendStringInfo(&b, "%s%d day%s", b.len ? " " : "", s->days, s->days == 1 ? "" : "s");
	return b.data;
}


static bool
status_counts(const Eval *e, const StackNode *leaf, const StackItem *it)
{
	const char *st = it->status ? it->status : "Completed";
	char	  **list = leaf && leaf->nstatus > 0 ? leaf->status_in : e->rule->count_status;
	int			n = leaf && leaf->nstatus > 0 ? leaf->nstatus : e->rule->ncount_status;
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], st) == 0)
			return true;
	return false;
}

/* Position of v in the allowed values, -1 when absent. */
static int
value_rank(const StackResult *r, const char *v)
{
	int			i;

	for (i = 0; i < r->nallowed; i++)
		if (strcmp(r->allowed[i], v) == 0)
			return i;
	return -1;
}

/* ---- set-up: activity, exceptions, eligibility ---- */

StackNode *
eval_find_node(Eval *e, const char *id, int excno)
{
	int			i;

	for (i = 0; i < e->N; i++)
		if (strcmp(e->rule->nodes[i]->eff_id, id) == 0)
			return e->rule->nodes[i];
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid stack input at exceptions[%d]: node \"%s\" is not in the rule", excno, id)));
	return NULL;
}

int
eval_find_item(Eval *e, const char *id)
{
	int			lo = 0,
				hi = e->nitems - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(e->items[mid].id, id);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

void
eval_compute_activity(Eval *e)
{
	int			i;

	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = e->rule->nodes[i];
		bool		act;

		if (n->parent < 0)
			act = true;
		else
		{
			StackNode  *p = e->rule->nodes[n->parent];

			act = e->active[p->index] && !e->waived[p->index];
			if (act && p->kind == SN_CONDITION)
				act = (n == p->then_node) ? e->cond_true[p->index] : !e->cond_true[p->index];
		}
		e->active[i] = act;
		if (act && n->kind == SN_CONDITION)
		{
			int			k;

			e->cond_true[i] = false;
			for (k = 0; k < e->nitems && !e->cond_true[i]; k++)
				if (e->admissible[k] && status_counts(e, NULL, &e->items[k]) &&
					eval_pred_match(e, n->when, k))
					e->cond_true[i] = true;
		}
	}
}

void
eval_compute_eligibility(Eval *e)
{
	StackRule  *r = e->rule;
	int			l,
				k,
				x;

	for (l = 0; l < e->LF; l++)
	{
		StackNode  *n = r->leaves[l];
		TimestampTz within_from = 0;

		if (n->kind == SN_STACK)
		{
			for (k = 0; k < e->nitems; k++)
				if (e->items[k].achievement && n->ref_achievement &&
					strcmp(e->items[k].achievement, n->ref_achievement) == 0)
				{
					e->matched[AT(e, l, k)] = true;
					if (!e->admissible[k])
						e->reason[AT(e, l, k)] = e->adm_reason[k];
					else if (!status_counts(e, NULL, &e->items[k]))
						e->reason[AT(e, l, k)] = psprintf("status %s is not counted",
														  e->items[k].status ? e->items[k].status : "Completed");
					else
						e->elig[AT(e, l, k)] = true;
					e->lvl[AT(e, l, k)] = e->items[k].level;
				}
			continue;
		}
		if (n->has_within)
			within_from = eval_shift(e->as_of, &n->within, -1);

		for (k = 0; k < e->nitems; k++)
		{
			StackItem  *it = &e->items[k];
			bool		m;
			bool		forced = false;
			int			level = it->level;
			char	   *why = NULL;
			StackCompetencyMatch cm;

			if (n->kind == SN_ITEMS)
				m = eval_pred_match(e, n->select, k);
			else
			{
				if (e->comp == NULL)
					e->comp = stack_competency_context(e->nitems);
				stack_competency_match(e->comp, n, k, it, &cm);
				m = cm.matches;
				if (m)
				{
					level = cm.level;
					e->path[AT(e, l, k)] = cm.path;
				}
			}
			if (m && n->except && eval_pred_match(e, n->except, k))
				m = false;
			for (x = 0; x < e->nexc; x++)
			{
				StackException *ex = &e->exc[x];

				if (strcmp(ex->node, n->eff_id) != 0)
					continue;
				if (ex->kind == EXC_SUBSTITUTE)
				{
					if (eval_pred_match(e, ex->replace, k))
						m = false;
					if (strcmp(ex->award, it->id) == 0)
						m = true;
				}
				else if (ex->kind == EXC_ALSO_ALLOW && strcmp(ex->award, it->id) == 0)
					m = true;
				else if (ex->kind == EXC_APPLY_HERE && strcmp(ex->award, it->id) == 0)
					m = forced = true;
			}
			if (!m)
				continue;
			e->matched[AT(e, l, k)] = true;
			e->lvl[AT(e, l, k)] = level;
			if (forced)
			{
				e->elig[AT(e, l, k)] = e->forced[AT(e, l, k)] = true;
				continue;
			}
			if (!e->admissible[k])
				why = e->adm_reason[k];
			else if (!status_counts(e, n, it))
				why = psprintf("status %s is not counted", it->status ? it->status : "Completed");
			else if (n->min_level >= 0 && level < n->min_level)
				why = level < 0 ? psprintf("level unknown, minLevel %d", n->min_level)
					: psprintf("level %d < minLevel %d", level, n->min_level);
			else if (n->passed && !(it->has_passed && it->passed))
				why = pstrdup(it->has_passed ? "not passed" : "pass status unknown");
			else if (n->has_within && (!it->has_earned || it->earned_at < within_from))
				why = it->has_earned
					? psprintf("earned %s, more than %s before %s", timestamp_to_xsd_date(it->earned_at),
							   span_text(&n->within), timestamp_to_xsd_date(e->as_of))
					: pstrdup("earning date unknown");
			else if (n->has_earned_after && (!it->has_earned || it->earned_at < n->earned_after))
				why = it->has_earned ? psprintf("earned %s, before %s", timestamp_to_xsd_date(it->earned_at),
												timestamp_to_xsd_exact(n->earned_after))
					: pstrdup("earning date unknown");
			else if (n->has_earned_before && (!it->has_earned || it->earned_at >= n->earned_before))
				why = it->has_earned ? psprintf("earned %s, not before %s", timestamp_to_xsd_date(it->earned_at),
												timestamp_to_xsd_exact(n->earned_before))
					: pstrdup("earning date unknown");
			else if (n->min_result_rd)
			{
				int			ri;
				bool		ok = false;
				bool		found = false;

				for (ri = 0; ri < it->nresult; ri++)
				{
					StackResult *res = &it->results[ri];
					int			have,
								need;

					if (!res->rd || strcmp(res->rd, n->min_result_rd) != 0 || !res->value)
						continue;
					found = true;
					have = value_rank(res, res->value);
					need = value_rank(res, n->min_result_value);
					if (have >= 0 && need >= 0 && have >= need)
						ok = true;
					else
						why = psprintf("result %s < %s", res->value, n->min_result_value);
				}
				if (!found)
					why = psprintf("no result for %s", n->min_result_rd);
				else if (ok)
					why = NULL;
			}
			if (why)
				e->reason[AT(e, l, k)] = why;
			else
				e->elig[AT(e, l, k)] = true;
		}
	}
}

/* Admissibility of each award under the policy (requireVerified), status aside. */
void
eval_compute_admissibility(Eval *e)
{
	StackRule  *r = e->rule;
	int			k;

	for (k = 0; k < e->nitems; k++)
	{
		StackItem  *it = &e->items[k];

		e->admissible[k] = stack_item_admissible(r, it, e->as_of);
		if (e->admissible[k])
			continue;
		if (!it->verified)
			e->adm_reason[k] = pstrdup("not verified");
		else
			e->adm_reason[k] = psprintf("expired %s", timestamp_to_xsd_date(it->valid_until));
	}
}

/*
 * SEMANTICS.md §4.3 step 1: with requireVerified, an award that is not
 * verified (bad proof, revoked, untrusted) or has expired at as_of does not
 * count for any leaf.
 */
bool
stack_item_admissible(const StackRule *r, const StackItem *it, TimestampTz as_of)
{
	if (!r->require_verified)
		return true;
	return it->verified && !(it->has_valid_until && it->valid_until < as_of);
}

/*
 * Whether a held award still counts at as_of: admissible and of a status the
 * rule counts (countStatuses; a leaf's statusIn may widen that per leaf,
 * which is not asked here).
 */
bool
stack_item_counts(const StackRule *r, const StackItem *it, TimestampTz as_of)
{
	const char *st = it->status ? it->status : "Completed";
	int			i;

	if (!stack_item_admissible(r, it, as_of))
		return false;
	for (i = 0; i < r->ncount_status; i++)
		if (strcmp(r->count_status[i], st) == 0)
			return true;
	return false;
}

/*
 * Eligibility of the registry candidates for each leaf (§4.2 "candidates"):
 * the same tests as for the learner's awards, on a copy of the evaluation
 * whose awards are the candidates; conditions keep the branches the
 * learner's awards took.
 */
void
eval_compute_candidate_eligibility(Eval *e)
{
	Eval		ce = *e;
	int			LF = e->LF;

	ce.items = e->cands;
	ce.nitems = e->ncands;
	ce.comp = NULL;
	ce.admissible = palloc0(sizeof(bool) * Max(ce.nitems, 1));
	ce.adm_reason = palloc0(sizeof(char *) * Max(ce.nitems, 1));
	ce.matched = palloc0(sizeof(bool) * Max(LF * ce.nitems, 1));
	ce.elig = palloc0(sizeof(bool) * Max(LF * ce.nitems, 1));
	ce.forced = palloc0(sizeof(bool) * Max(LF * ce.nitems, 1));
	ce.reason = palloc0(sizeof(char *) * Max(LF * ce.nitems, 1));
	ce.path = palloc0(sizeof(char *) * Max(LF * ce.nitems, 1));
	ce.lvl = palloc0(sizeof(int) * Max(LF * ce.nitems, 1));
	eval_compute_admissibility(&ce);
	eval_compute_eligibility(&ce);
	e->cand_elig = ce.elig;
}

/*
 * Whether the rule is in force at as_of: within its own validFrom and
 * validUntil (SEMANTICS.md §4.1: rules are versioned by catalog year).
 * Decided here: outside that window the evaluation is reported as usual
 * (progress, assignment, missing) but the stack is not complete, since it
 * cannot be earned under a rule not in force; the explanation says
 * "inForce": false.  The bounds are inclusive, as a credential's are.
 */
bool
stack_rule_in_force(const StackRule *r, TimestampTz as_of)
{
	return !(r->has_valid_from && as_of < r->valid_from) &&
		!(r->has_valid_until && as_of > r->valid_until);
}

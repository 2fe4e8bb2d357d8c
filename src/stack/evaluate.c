/*
 * evaluate.c
 *		Stack-completion evaluation (SEMANTICS.md §4.2–4.4): admissibility of
 *		awards, eligibility per requirement leaf with the reasons awards are
 *		blocked, exceptions, the assignment problem handed to search.c, node
 *		satisfaction and progress, and the explanation output.
 *
 * Semantics fixed here (documented in README, section stacks):
 * - An award is admissible when (requireVerified) it is not marked
 *   "verified": false and its validUntil is not before as_of, and its status
 *   (absent = "Completed") is in the leaf's statusIn, else in the policy's
 *   countStatuses.
 * - nonExclusive leaves are solved one by one, each on its own; non-inline
 *   `stack` leaves are satisfied by a held award of the referenced rule's
 *   `awards.achievement` and consume nothing; both are constants for the
 *   main problem, which places awards in exclusive and share-group leaves.
 * - Caps (limits) bound the distinct awards matching their predicate that
 *   are placed in exclusive or share-group leaves of the subtree (and their
 *   credits); eligible awards left out because a cap is full are reported in
 *   overLimit.
 * - completionWindow: every placed award is earned within the window
 *   [d, d + window] for some d; the windows starting at each earning date
 *   are tried and the best result (then the earliest window) kept.
 * - A condition's `when` holds when some admissible award matches it; an
 *   inactive branch is not evaluated; a condition without a taken branch is
 *   satisfied with weight 0.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "stack/stack.h"
#include "stack/stack_internal.h"
#include "stack/stack_search.h"

#define EPS 1e-9

/* A leaf's marginal value in bound_cb. */
typedef struct Slope
{
	double		slope;
	double		room;
} Slope;

typedef struct Eval
{
	StackRule  *rule;
	StackItem  *items;
	int			nitems;
	TimestampTz as_of;
	StackException *exc;
	int			nexc;
	int			N;				/* nodes */
	int			LF;				/* leaves */
	int		   *subtree_end;	/* node -> one past its last descendant */
	bool	   *active;
	bool	   *waived;
	bool	   *cond_true;		/* condition nodes */
	int		   *min_items;		/* per leaf after changeLimit, -1 none */
	double	   *min_credits;
	bool	   *admissible;		/* per item, policy part without status */
	char	  **adm_reason;
	bool	   *matched;		/* LF x nitems */
	bool	   *elig;			/* LF x nitems */
	bool	   *forced;			/* LF x nitems */
	char	  **reason;			/* LF x nitems: why matched but not eligible */
	char	  **path;			/* LF x nitems: competency explanation */
	/* tree evaluation */
	double	   *f;
	double	   *w;
	bool	   *sat;
	bool	   *fixedw;
	int		   *nsat;			/* composite: satisfied children */
	/* holdings per leaf used by the score callback */
	int		   *base_hi;
	double	   *base_hc;
	int		   *tmp_hi;
	double	   *tmp_hc;
	int		   *prob_leaf;		/* problem leaf -> rule leaf (score callback) */
	int			prob_nleaves;
	int			single_leaf;	/* >= 0: score is that leaf's own fraction */
	bool		additive;		/* bound_cb applies */
	Slope	   *slopes_i;
	Slope	   *slopes_c;
	/* result */
	bool	   *assigned;		/* LF x nitems */
	int		   *have_items;
	double	   *have_credits;
	bool	   *over_limit;		/* per item */
	bool		optimal;
	int64		search_nodes;
	StackCompetencyCtx *comp;	/* created on first competency test */
	/* minMeanLevel (all / nOf): checked on an assignment, not in the flow */
	bool		has_mean;		/* some active node has minMeanLevel */
	bool		mean_apply;		/* tree_eval applies mean_bad */
	int		   *lvl;			/* LF x nitems: the level the leaf sees, -1 unknown */
	double	   *mean;			/* per node: mean level of its assigned awards, -1 none */
	bool	   *mean_bad;		/* per node: minMeanLevel violated */
	/* registry candidates (stack_evaluate's candidates argument) */
	bool		has_cands;
	int			ncands;
	StackItem  *cands;
	bool	   *cand_elig;		/* LF x ncands */
} Eval;

#define AT(e, l, k) ((l) * (e)->nitems + (k))

/* ---- predicates ---- */

static bool
pred_match(Eval *e, const StackPred *p, int k)
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
			return pred_match(e, p->resolved, k);
		case SP_ANY_OF:
			for (i = 0; i < p->nchild; i++)
				if (pred_match(e, p->child[i], k))
					return true;
			return false;
		case SP_ALL_OF:
			for (i = 0; i < p->nchild; i++)
				if (!pred_match(e, p->child[i], k))
					return false;
			return true;
		case SP_NOT:
			return !pred_match(e, p->child[0], k);
	}
	return false;
}

/* ---- helpers ---- */

static TimestampTz
shift(TimestampTz t, const StackSpan *s, int sign)
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

static void
append_num(StringInfo out, double d)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	if (d == (double) (int64) d && fabs(d) < 1e15)
		appendStringInfo(out, INT64_FORMAT, (int64) d);
	else
	{
		double_to_shortest_decimal_buf(d, buf);
		appendStringInfoString(out, buf);
	}
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

static StackNode *
find_node(Eval *e, const char *id, int excno)
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

static int
find_item(Eval *e, const char *id)
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

static void
compute_activity(Eval *e)
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
					pred_match(e, n->when, k))
					e->cond_true[i] = true;
		}
	}
}

static void
compute_eligibility(Eval *e)
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
			within_from = shift(e->as_of, &n->within, -1);

		for (k = 0; k < e->nitems; k++)
		{
			StackItem  *it = &e->items[k];
			bool		m;
			bool		forced = false;
			int			level = it->level;
			char	   *why = NULL;
			StackCompetencyMatch cm;

			if (n->kind == SN_ITEMS)
				m = pred_match(e, n->select, k);
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
			if (m && n->except && pred_match(e, n->except, k))
				m = false;
			for (x = 0; x < e->nexc; x++)
			{
				StackException *ex = &e->exc[x];

				if (strcmp(ex->node, n->eff_id) != 0)
					continue;
				if (ex->kind == EXC_SUBSTITUTE)
				{
					if (pred_match(e, ex->replace, k))
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
static void
compute_admissibility(Eval *e)
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
static void
compute_candidate_eligibility(Eval *e)
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
	compute_admissibility(&ce);
	compute_eligibility(&ce);
	e->cand_elig = ce.elig;
}

/* ---- tree evaluation ---- */

static double
leaf_fraction(const Eval *e, int l, int hi, double hc)
{
	double		f = 1;

	if (e->min_items[l] > 0)
		f = Min(f, (double) hi / e->min_items[l]);
	if (e->min_credits[l] > 0)
		f = Min(f, hc / e->min_credits[l]);
	return f;
}

static bool
leaf_satisfied(const Eval *e, int l, int hi, double hc)
{
	return (e->min_items[l] < 0 || hi >= e->min_items[l]) &&
		(e->min_credits[l] < 0 || hc >= e->min_credits[l] - EPS);
}

typedef struct ChildRank
{
	double		f;
	double		w;
	const char *id;
	bool		sat;
} ChildRank;

static int
rank_cmp(const void *a, const void *b)
{
	const ChildRank *x = a;
	const ChildRank *y = b;

	if (x->f != y->f)
		return x->f > y->f ? -1 : 1;
	if (x->w != y->w)
		return x->w < y->w ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Children of a node in the evaluated tree. */
static int
node_children(const StackNode *n, StackNode **out)
{
	int			i;

	if (n->kind == SN_ALL || n->kind == SN_NOF)
	{
		for (i = 0; i < n->nchild; i++)
			out[i] = n->child[i];
		return n->nchild;
	}
	if (n->kind == SN_STACK && n->expanded)
	{
		out[0] = n->expanded;
		return 1;
	}
	return 0;
}

/*
 * Computes f, w and satisfaction of every active node from per-leaf
 * holdings (children before parents: reverse preorder).  upper: an upper
 * bound on the root's progress for holdings that are optimistic (§ search.c).
 */
static double
tree_eval(Eval *e, const int *hi, const double *hc, bool upper)
{
	StackRule  *r = e->rule;
	int			i;
	StackNode  *kids[STACK_MAX_CHILDREN];
	ChildRank	ranks[STACK_MAX_CHILDREN];

	for (i = e->N - 1; i >= 0; i--)
	{
		StackNode  *n = r->nodes[i];
		double		w,
					f;
		bool		sat,
					fixed = true;

		if (!e->active[i])
			continue;
		if (n->leaf >= 0)
		{
			int			l = n->leaf;

			if (n->kind == SN_STACK)
			{
				w = 1;
				sat = hi[l] > 0;
				f = sat ? 1 : 0;
			}
			else
			{
				w = Max(Max(e->min_items[l], 0), Max(e->min_credits[l], 0) / r->unit_credits);
				f = leaf_fraction(e, l, hi[l], hc[l]);
				sat = leaf_satisfied(e, l, hi[l], hc[l]);
			}
		}
		else if (n->kind == SN_CONDITION)
		{
			StackNode  *b = e->cond_true[i] ? n->then_node : n->else_node;

			if (b == NULL)
			{
				w = 0;
				f = 1;
				sat = true;
			}
			else
			{
				w = e->w[b->index];
				f = e->f[b->index];
				sat = e->sat[b->index];
				fixed = e->fixedw[b->index];
			}
		}
		else
		{
			int			nk = node_children(n, kids);
			int			take = n->kind == SN_NOF ? n->n : nk;
			int			j;
			double		sw = 0,
						swf = 0,
						maxf = 0;
			bool		equal_w = true;
			int			nsat = 0;

			for (j = 0; j < nk; j++)
			{
				int			c = kids[j]->index;

				ranks[j].f = e->f[c];
				ranks[j].w = e->w[c];
				ranks[j].id = kids[j]->eff_id;
				ranks[j].sat = e->sat[c];
				if (e->sat[c])
					nsat++;
				if (!e->fixedw[c])
					fixed = false;
				if (j > 0 && ranks[j].w != ranks[0].w)
					equal_w = false;
				maxf = Max(maxf, ranks[j].f);
			}
			if (take < nk)
				qsort(ranks, nk, sizeof(ChildRank), rank_cmp);
			for (j = 0; j < take; j++)
			{
				sw += ranks[j].w;
				swf += ranks[j].w * ranks[j].f;
			}
			w = sw;
			f = sw > 0 ? swf / sw : 1;
			if (take < nk && !equal_w)
				fixed = false;
			if (upper && !fixed)
				f = maxf;
			sat = nsat >= take;
			e->nsat[i] = nsat;
			/* minMeanLevel violated: unsatisfied, fraction scaled by mean / minimum */
			if (e->mean_apply && e->mean_bad[i])
			{
				sat = false;
				f *= Max(e->mean[i], 0) / n->min_mean_level;
			}
		}
		if (e->waived[i])
		{
			f = 1;
			sat = true;
		}
		if (n->weight >= 0)
		{
			w = n->weight;
			fixed = true;
		}
		e->f[i] = f;
		e->w[i] = w;
		e->sat[i] = sat;
		e->fixedw[i] = fixed;
	}
	return e->f[0];
}

/* The score callback of search.c: problem leaf holdings over the constants. */
static double
score_cb(void *arg, const int *hi, const double *hc, bool upper)
{
	Eval	   *e = (Eval *) arg;
	int			l;

	if (e->single_leaf >= 0)
		return leaf_fraction(e, e->single_leaf, hi[0], hc[0]);
	memcpy(e->tmp_hi, e->base_hi, sizeof(int) * e->LF);
	memcpy(e->tmp_hc, e->base_hc, sizeof(double) * e->LF);
	for (l = 0; l < e->prob_nleaves; l++)
	{
		e->tmp_hi[e->prob_leaf[l]] = hi[l];
		e->tmp_hc[e->prob_leaf[l]] = hc[l];
	}
	return tree_eval(e, e->tmp_hi, e->tmp_hc, upper);
}

/*
 * A tighter upper bound for additive trees (every active composite an `all`
 * without a weight of its own, nothing waived): progress is then
 * sum(w_l f_l) / W over the leaves, and what undecided awards can add is at
 * most a fractional knapsack: leaves by slope (w per item or per credit),
 * each up to its remaining need and its optimistic holding, within the
 * budget of undecided placements.  Count and credit leaves get separate
 * budgets (a relaxation, so still an upper bound); leaves with both kinds
 * of demand keep their optimistic fraction.
 */
static int
slope_cmp(const void *a, const void *b)
{
	double		x = ((const Slope *) a)->slope;
	double		y = ((const Slope *) b)->slope;

	return x > y ? -1 : (x < y ? 1 : 0);
}

static double
fill(Slope *s, int n, double budget)
{
	double		gain = 0;
	int			i;

	qsort(s, n, sizeof(Slope), slope_cmp);
	for (i = 0; i < n && budget > 0; i++)
	{
		double		take = Min(budget, s[i].room);

		gain += take * s[i].slope;
		budget -= take;
	}
	return gain;
}

static double
bound_cb(void *arg, const int *hi, const double *hc, const int *opt_hi, const double *opt_hc,
		 double budget_items, double budget_credits)
{
	Eval	   *e = (Eval *) arg;
	double		sum = 0;
	Slope	   *si = e->slopes_i;
	Slope	   *sc = e->slopes_c;
	int			ni = 0,
				nc = 0;
	int			l;

	if (!e->additive || e->single_leaf >= 0)
		return 2;
	memcpy(e->tmp_hi, e->base_hi, sizeof(int) * e->LF);
	memcpy(e->tmp_hc, e->base_hc, sizeof(double) * e->LF);
	for (l = 0; l < e->prob_nleaves; l++)
	{
		e->tmp_hi[e->prob_leaf[l]] = hi[l];
		e->tmp_hc[e->prob_leaf[l]] = hc[l];
	}
	/* every active leaf's current contribution */
	tree_eval(e, e->tmp_hi, e->tmp_hc, false);
	for (l = 0; l < e->LF; l++)
		if (e->active[e->rule->leaves[l]->index])
			sum += e->w[e->rule->leaves[l]->index] * e->f[e->rule->leaves[l]->index];
	for (l = 0; l < e->prob_nleaves; l++)
	{
		int			rl = e->prob_leaf[l];
		StackNode  *n = e->rule->leaves[rl];
		double		w = e->w[n->index];
		int			mi = e->min_items[rl];
		double		mc = e->min_credits[rl];

		if (w <= 0)
			continue;
		if (mi > 0 && mc < 0 && hi[l] < mi)
		{
			si[ni].slope = w / mi;
			si[ni].room = Min(mi - hi[l], opt_hi[l] - hi[l]);
			ni++;
		}
		else if (mc > 0 && mi < 0 && hc[l] < mc)
		{
			sc[nc].slope = w / mc;
			sc[nc].room = Min(mc - hc[l], opt_hc[l] - hc[l]);
			nc++;
		}
		else if (mi > 0 && mc > 0)
			sum += w * (leaf_fraction(e, rl, opt_hi[l], opt_hc[l]) - e->f[n->index]);
	}
	sum += fill(si, ni, budget_items) + fill(sc, nc, budget_credits);
	return e->w[0] > 0 ? sum / e->w[0] : 1;
}

/* Whether bound_cb applies: an additive tree over the active nodes. */
static bool
tree_is_additive(Eval *e)
{
	int			i;

	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = e->rule->nodes[i];

		if (!e->active[i])
			continue;
		if (e->waived[i])
			return false;
		if (n->leaf < 0 && n->weight >= 0)
			return false;
		if (n->kind == SN_NOF && n->n < n->nchild)
			return false;
		if (n->kind == SN_CONDITION)
			return false;
	}
	return true;
}

/* ---- solving ---- */

typedef struct Outcome
{
	bool	   *assigned;		/* LF x nitems */
	int		   *hi;
	double	   *hc;
	double		progress;
	int			used;
	bool		optimal;
	int64		nodes;
} Outcome;

static bool
leaf_in_main(const Eval *e, const StackNode *n)
{
	return e->active[n->index] && !e->waived[n->index] &&
		(n->kind == SN_ITEMS || n->kind == SN_COMPETENCY) && n->share != SHARE_NONEXCLUSIVE;
}

/*
 * Builds and solves the problem over rule leaves `leaves` (nleaves of them)
 * with the awards allowed by `universe`.  Holdings of the other leaves are
 * e->base_*.  Results are written into out (assigned rows of those leaves).
 */
static void
solve_leaves(Eval *e, const int *leaves, int nleaves, const bool *universe,
			 int64 budget, Outcome *out)
{
	StackRule  *r = e->rule;
	StackProblem p;
	StackSolution sol;
	int		   *kmap = palloc(sizeof(int) * Max(e->nitems, 1));
	int			K = 0;
	int			k,
				l,
				i,
				c;
	bool		use_flow = true;
	char	  **groups = palloc(sizeof(char *) * Max(nleaves, 1));
	int			ngroups = 0;

	memset(&p, 0, sizeof(p));
	for (k = 0; k < e->nitems; k++)
	{
		if (!universe[k])
			continue;
		for (l = 0; l < nleaves; l++)
			if (e->elig[AT(e, leaves[l], k)])
				break;
		if (l < nleaves)
			kmap[K++] = k;
	}
	p.nitems = K;
	p.nleaves = nleaves;
	p.elig = palloc0(sizeof(bool) * Max(K * nleaves, 1));
	p.credits = palloc(sizeof(double) * Max(K, 1));
	p.leaf_class = palloc(sizeof(int) * Max(nleaves, 1));
	p.need_items = palloc(sizeof(int) * Max(nleaves, 1));
	p.need_credits = palloc(sizeof(double) * Max(nleaves, 1));
	p.forced = palloc(sizeof(int) * Max(K, 1));
	p.max_uses = r->max_uses;
	for (i = 0; i < K; i++)
	{
		p.credits[i] = e->items[kmap[i]].credits;
		p.forced[i] = -1;
		for (l = 0; l < nleaves; l++)
		{
			p.elig[i * nleaves + l] = e->elig[AT(e, leaves[l], kmap[i])];
			if (e->forced[AT(e, leaves[l], kmap[i])])
				use_flow = false;
		}
	}
	/* classes: exclusive leaves alone, share groups together */
	p.nclasses = 0;
	for (l = 0; l < nleaves; l++)
	{
		StackNode  *n = r->leaves[leaves[l]];

		p.need_items[l] = e->min_items[leaves[l]];
		p.need_credits[l] = e->min_credits[leaves[l]];
		if (p.need_credits[l] >= 0 || p.need_items[l] < 0 ||
			(n->weight >= 0 && n->weight != p.need_items[l]))
			use_flow = false;
		if (n->share == SHARE_GROUP)
		{
			use_flow = false;
			for (c = 0; c < ngroups; c++)
				if (strcmp(groups[c], n->group) == 0)
					break;
			if (c == ngroups)
				groups[ngroups++] = n->group;
			/* group classes are numbered after this pass */
			p.leaf_class[l] = -1 - c;
		}
		else
			p.leaf_class[l] = p.nclasses++;
	}
	for (l = 0; l < nleaves; l++)
		if (p.leaf_class[l] < 0)
			p.leaf_class[l] = p.nclasses + (-1 - p.leaf_class[l]);
	p.nclasses += ngroups;
	/* forced placements (applyHere) */
	for (i = 0; i < K; i++)
		for (l = 0; l < nleaves; l++)
			if (e->forced[AT(e, leaves[l], kmap[i])])
				p.forced[i] = p.leaf_class[l];
	/* caps of active ancestors */
	p.caps = palloc0(sizeof(StackCap) * 8);
	{
		int			capcap = 8;

		for (i = 0; i < e->N; i++)
		{
			StackNode  *n = r->nodes[i];
			int			j;

			if (!e->active[i] || n->nlimit == 0 || e->single_leaf >= 0)
				continue;
			for (j = 0; j < n->nlimit; j++)
			{
				StackCap   *cap;
				bool		any = false;

				if (p.ncaps == capcap)
				{
					capcap *= 2;
					p.caps = repalloc(p.caps, sizeof(StackCap) * capcap);
				}
				cap = &p.caps[p.ncaps];
				cap->leaf_in = palloc0(sizeof(bool) * Max(nleaves, 1));
				cap->item_in = palloc0(sizeof(bool) * Max(K, 1));
				cap->max_items = n->limits[j].max_items;
				cap->max_credits = n->limits[j].max_credits;
				for (l = 0; l < nleaves; l++)
				{
					int			idx = r->leaves[leaves[l]]->index;

					if (idx >= i && idx < e->subtree_end[i])
						cap->leaf_in[l] = any = true;
				}
				if (!any)
					continue;
				for (k = 0; k < K; k++)
					cap->item_in[k] = pred_match(e, n->limits[j].select, kmap[k]);
				p.ncaps++;
				use_flow = false;
			}
		}
	}
	/* the tree must be additive for max flow: no partial nOf above a leaf */
	if (use_flow)
		for (i = 0; i < e->N; i++)
		{
			StackNode  *n = r->nodes[i];

			if (e->active[i] && ((n->kind == SN_NOF && n->n < n->nchild) ||
								 (n->leaf < 0 && n->weight >= 0)))
				use_flow = false;
		}
	p.score = score_cb;
	p.bound = bound_cb;
	p.score_arg = e;
	p.budget = budget;
	e->prob_leaf = (int *) leaves;
	e->prob_nleaves = nleaves;

	sol.assign = palloc0(sizeof(bool) * Max(K * nleaves, 1));
	stack_solve(&p, &sol, use_flow);

	for (l = 0; l < nleaves; l++)
	{
		out->hi[leaves[l]] = 0;
		out->hc[leaves[l]] = 0;
		for (k = 0; k < e->nitems; k++)
			out->assigned[AT(e, leaves[l], k)] = false;
	}
	for (i = 0; i < K; i++)
		for (l = 0; l < nleaves; l++)
			if (sol.assign[i * nleaves + l])
			{
				out->assigned[AT(e, leaves[l], kmap[i])] = true;
				out->hi[leaves[l]]++;
				out->hc[leaves[l]] += p.credits[i];
			}
	out->progress = sol.progress;
	out->used = sol.used;
	out->optimal = sol.optimal;
	out->nodes = sol.nodes;
}

/* Solves everything for one universe of awards. */
static void
solve_universe(Eval *e, const bool *universe, Outcome *out)
{
	StackRule  *r = e->rule;
	int		   *main_leaves = palloc(sizeof(int) * Max(e->LF, 1));
	int			nmain = 0;
	int			l,
				k;
	int64		budget = r->max_search_nodes > 0 ? r->max_search_nodes : credreg_stack_max_search_nodes;
	bool		optimal = true;
	int64		nodes = 0;
	bool	   *placed = palloc0(sizeof(bool) * Max(e->nitems, 1));

	memset(e->base_hi, 0, sizeof(int) * e->LF);
	memset(e->base_hc, 0, sizeof(double) * e->LF);
	memset(out->assigned, 0, sizeof(bool) * Max(e->LF * e->nitems, 1));
	memset(out->hi, 0, sizeof(int) * e->LF);
	memset(out->hc, 0, sizeof(double) * e->LF);

	/* constants first: held stacks, then nonExclusive leaves one by one */
	for (l = 0; l < e->LF; l++)
	{
		StackNode  *n = r->leaves[l];

		if (!e->active[n->index] || e->waived[n->index])
			continue;
		if (n->kind == SN_STACK)
		{
			for (k = 0; k < e->nitems; k++)
				if (universe[k] && e->elig[AT(e, l, k)])
				{
					out->assigned[AT(e, l, k)] = true;
					out->hi[l] = e->base_hi[l] = 1;
					placed[k] = true;
					break;
				}
		}
	}
	for (l = 0; l < e->LF; l++)
	{
		StackNode  *n = r->leaves[l];

		if (!e->active[n->index] || e->waived[n->index] ||
			(n->kind != SN_ITEMS && n->kind != SN_COMPETENCY) || n->share != SHARE_NONEXCLUSIVE)
			continue;
		e->single_leaf = l;
		solve_leaves(e, &l, 1, universe, budget, out);
		e->single_leaf = -1;
		e->base_hi[l] = out->hi[l];
		e->base_hc[l] = out->hc[l];
		optimal = optimal && out->optimal;
		nodes += out->nodes;
	}
	for (l = 0; l < e->LF; l++)
		if (leaf_in_main(e, r->leaves[l]))
			main_leaves[nmain++] = l;
	solve_leaves(e, main_leaves, nmain, universe, budget, out);
	out->optimal = out->optimal && optimal;
	out->nodes += nodes;
	/* progress and awards used over everything */
	out->progress = tree_eval(e, out->hi, out->hc, false);
	for (l = 0; l < e->LF; l++)
		for (k = 0; k < e->nitems; k++)
			if (out->assigned[AT(e, l, k)])
				placed[k] = true;
	out->used = 0;
	for (k = 0; k < e->nitems; k++)
		if (placed[k])
			out->used++;
}

static Outcome *
new_outcome(Eval *e)
{
	Outcome    *o = palloc0(sizeof(Outcome));

	o->assigned = palloc0(sizeof(bool) * Max(e->LF * e->nitems, 1));
	o->hi = palloc0(sizeof(int) * Max(e->LF, 1));
	o->hc = palloc0(sizeof(double) * Max(e->LF, 1));
	return o;
}


/*
 * minMeanLevel (SEMANTICS.md §4.1): for every active, non-waived all/nOf
 * node that has one, the mean level of the distinct awards placed in its
 * subtree (an award's level as its leaf saw it: the award's, or for a
 * competency the matched alignment's).  Awards of unknown level are left
 * out of the mean; a node with awards placed but none of known level
 * fails.  A node with nothing placed does not fail on the mean.  Sets
 * e->mean and e->mean_bad; returns whether some node fails.
 */
static bool
mean_check(Eval *e, const bool *assigned)
{
	StackRule  *r = e->rule;
	bool		any = false;
	int			i,
				l,
				k;

	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = r->nodes[i];
		double		sum = 0;
		int			cnt = 0,
					placed = 0;

		e->mean[i] = -1;
		e->mean_bad[i] = false;
		if (n->min_mean_level < 0 || !e->active[i] || e->waived[i])
			continue;
		for (k = 0; k < e->nitems; k++)
			for (l = 0; l < e->LF; l++)
			{
				int			idx = r->leaves[l]->index;

				if (idx < i || idx >= e->subtree_end[i] || !assigned[AT(e, l, k)])
					continue;
				placed++;
				if (e->lvl[AT(e, l, k)] >= 0)
				{
					sum += e->lvl[AT(e, l, k)];
					cnt++;
				}
				break;
			}
		if (placed == 0)
			continue;
		e->mean[i] = cnt > 0 ? sum / cnt : -1;
		if (cnt == 0 || e->mean[i] < n->min_mean_level - EPS)
		{
			e->mean_bad[i] = true;
			any = true;
		}
	}
	return any;
}

/* Progress of an outcome with the minMeanLevel penalties applied (tree_eval). */
static double
mean_progress(Eval *e, Outcome *o, bool *violated)
{
	double		p;

	*violated = mean_check(e, o->assigned);
	e->mean_apply = true;
	p = tree_eval(e, o->hi, o->hc, false);
	e->mean_apply = false;
	return p;
}

static void
copy_outcome(Eval *e, Outcome *dst, const Outcome *src)
{
	memcpy(dst->assigned, src->assigned, sizeof(bool) * Max(e->LF * e->nitems, 1));
	memcpy(dst->hi, src->hi, sizeof(int) * Max(e->LF, 1));
	memcpy(dst->hc, src->hc, sizeof(double) * Max(e->LF, 1));
	dst->progress = src->progress;
	dst->used = src->used;
	dst->optimal = src->optimal;
	dst->nodes = src->nodes;
}

typedef struct MeanSearch
{
	const bool *universe;
	Outcome    *best;			/* progress: with penalties */
	int64		left;			/* re-solves still allowed */
	bool		exhausted;
} MeanSearch;

/*
 * Branch-and-bound over alternative assignments when minMeanLevel fails
 * (it is not a flow constraint): a branch bans one award placed in the
 * first failing node's subtree (lowest levels first; a better assignment
 * must leave one of them out of it) from that subtree and solves again.  Banning only removes
 * eligibility, so a branch's unpenalised optimum bounds every deeper
 * branch: it is cut when that bound is no better than the best penalised
 * progress found, or when its assignment passes every check.  Each
 * re-solve counts one search node of credreg.stack_max_search_nodes (or
 * the rule's maxSearchNodes); when they run out the result is not optimal.
 */
typedef struct BanChoice
{
	int			k;				/* award */
	int			level;			/* as placed, -1 unknown */
} BanChoice;

static int
ban_cmp(const void *a, const void *b)
{
	const BanChoice *x = a;
	const BanChoice *y = b;

	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return x->k < y->k ? -1 : (x->k > y->k);
}

static void
mean_search(MeanSearch *ms, Eval *e, Outcome *cur, int depth)
{
	StackRule  *r = e->rule;
	bool		violated;
	double		bound = cur->progress;
	double		p = mean_progress(e, cur, &violated);
	int			a,
				k,
				l,
				c,
				nchoice = 0;
	Outcome    *next;
	BanChoice  *choice;
	bool	   *saved;

	CHECK_FOR_INTERRUPTS();
	check_stack_depth();
	/* strictly better only: on ties the assignment found first is kept */
	if (p > ms->best->progress + EPS)
	{
		copy_outcome(e, ms->best, cur);
		ms->best->progress = p;
	}
	if (!violated || bound <= ms->best->progress + EPS || depth >= e->nitems)
		return;
	for (a = 0; a < e->N && !e->mean_bad[a]; a++)
		;

	/*
	 * A better assignment differs from this one in a's subtree, so it leaves
	 * out some award placed there now: branch on each (lowest level first).
	 */
	choice = palloc(sizeof(BanChoice) * Max(e->nitems, 1));
	for (k = 0; k < e->nitems; k++)
		for (l = 0; l < e->LF; l++)
		{
			int			idx = r->leaves[l]->index;

			if (idx >= a && idx < e->subtree_end[a] && cur->assigned[AT(e, l, k)])
			{
				choice[nchoice].k = k;
				choice[nchoice].level = e->lvl[AT(e, l, k)];
				nchoice++;
				break;
			}
		}
	qsort(choice, nchoice, sizeof(BanChoice), ban_cmp);
	next = new_outcome(e);
	saved = palloc(sizeof(bool) * Max(e->LF, 1));
	for (c = 0; c < nchoice; c++)
	{
		k = choice[c].k;
		if (ms->left-- <= 0)
		{
			ms->exhausted = true;
			break;
		}
		/* ban award k from the subtree of a, solve, recurse, restore */
		for (l = 0; l < e->LF; l++)
		{
			int			idx = r->leaves[l]->index;

			saved[l] = e->elig[AT(e, l, k)];
			if (idx >= a && idx < e->subtree_end[a])
				e->elig[AT(e, l, k)] = false;
		}
		solve_universe(e, ms->universe, next);
		if (!next->optimal)
			ms->exhausted = true;
		mean_search(ms, e, next, depth + 1);
		for (l = 0; l < e->LF; l++)
			e->elig[AT(e, l, k)] = saved[l];
		/* cut when the bound can no longer be beaten */
		if (bound <= ms->best->progress + EPS)
			break;
	}
}

/*
 * solve_universe, then minMeanLevel: out->progress is the progress with the
 * penalties of failing nodes; a failing assignment starts the search above.
 */
static void
solve_checked(Eval *e, const bool *universe, Outcome *out)
{
	StackRule  *r = e->rule;
	MeanSearch	ms;
	bool		violated;
	Outcome    *start;

	solve_universe(e, universe, out);
	if (!e->has_mean)
		return;
	start = new_outcome(e);
	copy_outcome(e, start, out);
	out->progress = mean_progress(e, out, &violated);
	if (!violated)
		return;
	ms.universe = universe;
	ms.best = out;
	ms.left = r->max_search_nodes > 0 ? r->max_search_nodes : credreg_stack_max_search_nodes;
	ms.exhausted = false;
	mean_search(&ms, e, start, 0);
	if (ms.exhausted)
		out->optimal = false;
}

static void
run(Eval *e)
{
	StackRule  *r = e->rule;
	int			N,
				LF,
				i,
				k,
				x;
	bool	   *universe;
	Outcome    *best;

	stack_rule_prepare(r);
	N = e->N = r->nnodes;
	LF = e->LF = r->nleaves;
	e->subtree_end = palloc0(sizeof(int) * N);
	for (i = N - 1; i >= 0; i--)
	{
		StackNode  *n = r->nodes[i];

		if (e->subtree_end[i] == 0)
			e->subtree_end[i] = i + 1;
		if (n->parent >= 0)
			e->subtree_end[n->parent] = Max(e->subtree_end[n->parent], e->subtree_end[i]);
	}
	e->active = palloc0(sizeof(bool) * N);
	e->waived = palloc0(sizeof(bool) * N);
	e->cond_true = palloc0(sizeof(bool) * N);
	e->f = palloc0(sizeof(double) * N);
	e->w = palloc0(sizeof(double) * N);
	e->sat = palloc0(sizeof(bool) * N);
	e->fixedw = palloc0(sizeof(bool) * N);
	e->nsat = palloc0(sizeof(int) * N);
	e->min_items = palloc(sizeof(int) * Max(LF, 1));
	e->min_credits = palloc(sizeof(double) * Max(LF, 1));
	e->base_hi = palloc0(sizeof(int) * Max(LF, 1));
	e->base_hc = palloc0(sizeof(double) * Max(LF, 1));
	e->tmp_hi = palloc0(sizeof(int) * Max(LF, 1));
	e->tmp_hc = palloc0(sizeof(double) * Max(LF, 1));
	e->admissible = palloc0(sizeof(bool) * Max(e->nitems, 1));
	e->adm_reason = palloc0(sizeof(char *) * Max(e->nitems, 1));
	e->matched = palloc0(sizeof(bool) * Max(LF * e->nitems, 1));
	e->elig = palloc0(sizeof(bool) * Max(LF * e->nitems, 1));
	e->forced = palloc0(sizeof(bool) * Max(LF * e->nitems, 1));
	e->reason = palloc0(sizeof(char *) * Max(LF * e->nitems, 1));
	e->path = palloc0(sizeof(char *) * Max(LF * e->nitems, 1));
	e->lvl = palloc0(sizeof(int) * Max(LF * e->nitems, 1));
	e->mean = palloc0(sizeof(double) * N);
	e->mean_bad = palloc0(sizeof(bool) * N);
	e->over_limit = palloc0(sizeof(bool) * Max(e->nitems, 1));

	for (i = 0; i < LF; i++)
	{
		StackNode  *n = r->leaves[i];

		e->min_items[i] = n->kind == SN_STACK ? 1 : n->min_items;
		e->min_credits[i] = n->kind == SN_STACK ? -1 : n->min_credits;
	}
	/* exceptions: check references, waive, changeLimit */
	for (x = 0; x < e->nexc; x++)
	{
		StackNode  *n = find_node(e, e->exc[x].node, x);

		if (e->exc[x].award && find_item(e, e->exc[x].award) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stack input at exceptions[%d]: award \"%s\" is not among the items",
							x, e->exc[x].award)));
		if (e->exc[x].kind == EXC_WAIVE)
			e->waived[n->index] = true;
		else if (e->exc[x].kind == EXC_CHANGE_LIMIT)
		{
			if (n->leaf < 0 || n->kind == SN_STACK)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid stack input at exceptions[%d]: changeLimit needs an items or competency node", x)));
			if (e->exc[x].min_items >= 0)
				e->min_items[n->leaf] = e->exc[x].min_items;
			if (e->exc[x].min_credits >= 0)
				e->min_credits[n->leaf] = e->exc[x].min_credits;
		}
		else if (e->exc[x].kind != EXC_WAIVE && (n->leaf < 0 || n->kind == SN_STACK))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stack input at exceptions[%d]: node \"%s\" is not an items or competency node",
							x, e->exc[x].node)));
	}
	compute_admissibility(e);
	compute_activity(e);
	compute_eligibility(e);
	for (i = 0; i < N; i++)
		if (r->nodes[i]->min_mean_level >= 0 && e->active[i] && !e->waived[i])
			e->has_mean = true;
	if (e->has_cands)
		compute_candidate_eligibility(e);
	e->additive = tree_is_additive(e);
	e->slopes_i = palloc(sizeof(Slope) * Max(LF, 1));
	e->slopes_c = palloc(sizeof(Slope) * Max(LF, 1));

	universe = palloc(sizeof(bool) * Max(e->nitems, 1));
	for (k = 0; k < e->nitems; k++)
		universe[k] = true;
	best = new_outcome(e);
	if (!r->has_window)
		solve_checked(e, universe, best);
	else
	{
		Outcome    *cur = new_outcome(e);
		bool		first = true;
		int			s;

		/* windows start at each earning date of an award eligible somewhere */
		for (s = 0; s < e->nitems; s++)
		{
			TimestampTz from,
						to;
			bool		useful = false;
			int			l;

			if (!e->items[s].has_earned)
				continue;
			for (l = 0; l < LF && !useful; l++)
				if (e->elig[AT(e, l, s)])
					useful = true;
			if (!useful)
				continue;
			from = e->items[s].earned_at;
			to = shift(from, &r->window, 1);
			for (k = 0; k < e->nitems; k++)
				universe[k] = !e->items[k].has_earned ||
					(e->items[k].earned_at >= from && e->items[k].earned_at <= to);
			solve_checked(e, universe, cur);
			if (first || cur->progress > best->progress + EPS ||
				(cur->progress > best->progress - EPS &&
				 (cur->used < best->used ||
				  (cur->used == best->used && cur->optimal && !best->optimal))))
			{
				Outcome    *t = best;

				best = cur;
				cur = t;
				first = false;
			}
		}
		if (first)
		{
			for (k = 0; k < e->nitems; k++)
				universe[k] = !e->items[k].has_earned;
			solve_checked(e, universe, best);
		}
	}
	e->assigned = best->assigned;
	e->have_items = best->hi;
	e->have_credits = best->hc;
	e->optimal = best->optimal;
	e->search_nodes = best->nodes;
	if (e->has_mean)
	{
		/* the failing nodes of the chosen assignment stay failed in the output */
		mean_check(e, e->assigned);
		e->mean_apply = true;
	}
	tree_eval(e, e->have_items, e->have_credits, false);

	/* overLimit: unplaced awards eligible for an unsatisfied exclusive leaf under a full cap */
	for (k = 0; k < e->nitems; k++)
	{
		bool		placed = false;
		int			l;

		for (l = 0; l < LF && !placed; l++)
			if (e->assigned[AT(e, l, k)])
				placed = true;
		if (placed)
			continue;
		for (l = 0; l < LF && !e->over_limit[k]; l++)
		{
			StackNode  *leaf = r->leaves[l];
			int			a;

			if (!e->elig[AT(e, l, k)] || !leaf_in_main(e, leaf) || e->sat[leaf->index])
				continue;
			for (a = leaf->parent; a >= 0 && !e->over_limit[k]; a = r->nodes[a]->parent)
			{
				StackNode  *an = r->nodes[a];
				int			j;

				for (j = 0; j < an->nlimit; j++)
				{
					int			cnt = 0;
					double		cr = 0;
					int			k2,
								l2;

					if (!pred_match(e, an->limits[j].select, k))
						continue;
					for (k2 = 0; k2 < e->nitems; k2++)
					{
						bool		in = false;

						if (!pred_match(e, an->limits[j].select, k2))
							continue;
						for (l2 = 0; l2 < LF && !in; l2++)
						{
							int			idx = r->leaves[l2]->index;

							if (e->assigned[AT(e, l2, k2)] && idx >= a && idx < e->subtree_end[a])
								in = true;
						}
						if (in)
						{
							cnt++;
							cr += e->items[k2].credits;
						}
					}
					if ((an->limits[j].max_items >= 0 && cnt + 1 > an->limits[j].max_items) ||
						(an->limits[j].max_credits >= 0 &&
						 cr + e->items[k].credits > an->limits[j].max_credits + EPS))
						e->over_limit[k] = true;
				}
			}
		}
	}
}

/*
 * The degree-audit baseline (SEMANTICS.md §3.2, Example 2): exclusive leaves
 * in declared order take eligible awards in earning-date order, first fit.
 * True when that gives less progress than the optimal assignment.
 */
static bool
greedy_differs(Eval *e)
{
	StackRule  *r = e->rule;
	int		   *hi = palloc(sizeof(int) * Max(e->LF, 1));
	double	   *hc = palloc(sizeof(double) * Max(e->LF, 1));
	int		   *uses = palloc0(sizeof(int) * Max(e->nitems, 1));
	int		   *bydate = palloc(sizeof(int) * Max(e->nitems, 1));
	double		optimal = e->f[0];
	bool		optimal_sat = e->sat[0];
	double		greedy;
	bool		greedy_sat;
	int			i,
				j,
				l;

	memcpy(hi, e->have_items, sizeof(int) * e->LF);
	memcpy(hc, e->have_credits, sizeof(double) * e->LF);
	for (i = 0; i < e->nitems; i++)
	{
		int			x = i;

		for (j = i; j > 0; j--)
		{
			StackItem  *a = &e->items[bydate[j - 1]];
			StackItem  *b = &e->items[x];
			TimestampTz ta = a->has_earned ? a->earned_at : DT_NOEND;
			TimestampTz tb = b->has_earned ? b->earned_at : DT_NOEND;

			if (ta <= tb)
				break;
			bydate[j] = bydate[j - 1];
		}
		bydate[j] = x;
	}
	for (l = 0; l < e->LF; l++)
		if (leaf_in_main(e, r->leaves[l]))
		{
			hi[l] = 0;
			hc[l] = 0;
		}
	for (l = 0; l < e->LF; l++)
	{
		if (!leaf_in_main(e, r->leaves[l]))
			continue;
		for (i = 0; i < e->nitems && !leaf_satisfied(e, l, hi[l], hc[l]); i++)
		{
			int			k = bydate[i];

			if (e->elig[AT(e, l, k)] && uses[k] < r->max_uses)
			{
				uses[k]++;
				hi[l]++;
				hc[l] += e->items[k].credits;
			}
		}
	}
	greedy = tree_eval(e, hi, hc, false);
	greedy_sat = e->sat[0];
	/* restore the optimal evaluation */
	tree_eval(e, e->have_items, e->have_credits, false);
	return greedy < optimal - EPS || (optimal_sat && !greedy_sat);
}

/* ---- output ---- */

static void
emit_ids(StringInfo out, Eval *e, int l, bool (*pick) (Eval *, int, int))
{
	int			k;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (k = 0; k < e->nitems; k++)
		if (pick(e, l, k))
		{
			if (!first)
				appendStringInfoString(out, ", ");
			first = false;
			escape_json(out, e->items[k].id);
		}
	appendStringInfoChar(out, ']');
}

static bool
pick_assigned(Eval *e, int l, int k)
{
	return e->assigned[AT(e, l, k)];
}

static bool
pick_over(Eval *e, int l, int k)
{
	return e->over_limit[k] && e->elig[AT(e, l, k)];
}

static void
emit_blocked(StringInfo out, Eval *e, int l)
{
	int			k;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (k = 0; k < e->nitems; k++)
		if (e->matched[AT(e, l, k)] && !e->elig[AT(e, l, k)] && e->reason[AT(e, l, k)])
		{
			if (!first)
				appendStringInfoString(out, ", ");
			first = false;
			appendStringInfoString(out, "{\"award\": ");
			escape_json(out, e->items[k].id);
			appendStringInfoString(out, ", \"reason\": ");
			escape_json(out, e->reason[AT(e, l, k)]);
			appendStringInfoChar(out, '}');
		}
	appendStringInfoChar(out, ']');
}

static const char *const type_names[] = {"all", "nOf", "items", "competency", "stack", "condition"};

static void
emit_need_have(StringInfo out, Eval *e, StackNode *n)
{
	int			l = n->leaf;

	if (l >= 0 && n->kind != SN_STACK)
	{
		bool		c = false;

		appendStringInfoString(out, ", \"need\": {");
		if (e->min_items[l] >= 0)
		{
			appendStringInfo(out, "\"items\": %d", e->min_items[l]);
			c = true;
		}
		if (e->min_credits[l] >= 0)
		{
			appendStringInfo(out, "%s\"credits\": ", c ? ", " : "");
			append_num(out, e->min_credits[l]);
		}
		appendStringInfo(out, "}, \"have\": {\"items\": %d", e->have_items[l]);
		if (e->min_credits[l] >= 0)
		{
			appendStringInfoString(out, ", \"credits\": ");
			append_num(out, e->have_credits[l]);
		}
		appendStringInfoChar(out, '}');
	}
	else if (l >= 0)
		appendStringInfo(out, ", \"need\": {\"award\": 1}, \"have\": {\"award\": %d}", e->have_items[l]);
	else if (n->kind == SN_ALL || n->kind == SN_NOF)
		appendStringInfo(out, ", \"need\": {\"children\": %d}, \"have\": {\"children\": %d}",
						 n->kind == SN_NOF ? n->n : n->nchild, e->nsat[n->index]);
}

static void
emit_nodes(StringInfo out, Eval *e)
{
	StackRule  *r = e->rule;
	int			i;
	bool		first = true;

	appendStringInfoChar(out, '[');
	for (i = 0; i < e->N; i++)
	{
		StackNode  *n = r->nodes[i];
		int			l = n->leaf;

		if (!e->active[i])
			continue;
		if (!first)
			appendStringInfoString(out, ", ");
		first = false;
		appendStringInfoString(out, "{\"id\": ");
		escape_json(out, n->eff_id);
		appendStringInfo(out, ", \"type\": \"%s\", \"satisfied\": %s",
						 type_names[n->kind], e->sat[i] ? "true" : "false");
		if (e->waived[i])
			appendStringInfoString(out, ", \"waived\": true");
		emit_need_have(out, e, n);
		if (e->mean_apply && e->mean[i] >= 0)
		{
			appendStringInfoString(out, ", \"meanLevel\": ");
			append_num(out, round(e->mean[i] * 1000) / 1000);
		}
		if (l >= 0)
		{
			int			k;
			bool		any = false;

			appendStringInfoString(out, ", \"assigned\": ");
			emit_ids(out, e, l, pick_assigned);
			for (k = 0; k < e->nitems; k++)
				if (e->assigned[AT(e, l, k)] && e->path[AT(e, l, k)])
				{
					appendStringInfoString(out, any ? ", " : ", \"path\": {");
					any = true;
					escape_json(out, e->items[k].id);
					appendStringInfoString(out, ": ");
					escape_json(out, e->path[AT(e, l, k)]);
				}
			if (any)
				appendStringInfoChar(out, '}');
			for (k = 0; k < e->nitems; k++)
				if (e->matched[AT(e, l, k)] && !e->elig[AT(e, l, k)] && e->reason[AT(e, l, k)])
				{
					appendStringInfoString(out, ", \"blocked\": ");
					emit_blocked(out, e, l);
					break;
				}
		}
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, ']');
}

static int
cstring_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The achievements of the registry candidates eligible for leaf l, sorted, distinct. */
static void
emit_candidates(StringInfo out, Eval *e, int l)
{
	char	  **ids = palloc(sizeof(char *) * Max(e->ncands, 1));
	int			n = 0;
	int			k;

	for (k = 0; k < e->ncands; k++)
		if (e->cand_elig[l * e->ncands + k])
			ids[n++] = e->cands[k].achievement;
	qsort(ids, n, sizeof(char *), cstring_cmp);
	appendStringInfoChar(out, '[');
	for (k = 0; k < n; k++)
	{
		if (k > 0 && strcmp(ids[k], ids[k - 1]) == 0)
			continue;
		if (k > 0)
			appendStringInfoString(out, ", ");
		escape_json(out, ids[k]);
	}
	appendStringInfoChar(out, ']');
	pfree(ids);
}

static void
emit_missing_leaf(StringInfo out, Eval *e, StackNode *n, bool with_need)
{
	int			l = n->leaf;

	appendStringInfoString(out, "{\"node\": ");
	escape_json(out, n->eff_id);
	if (n->label)
	{
		appendStringInfoString(out, ", \"label\": ");
		escape_json(out, n->label);
	}
	if (l >= 0 && with_need)
	{
		bool		c = false;

		appendStringInfoString(out, ", \"need\": {");
		if (n->kind == SN_STACK)
		{
			appendStringInfoString(out, "\"award\": ");
			if (n->ref_achievement)
				escape_json(out, n->ref_achievement);
			else
				escape_json(out, n->ref);
		}
		else
		{
			if (e->min_items[l] >= 0 && e->have_items[l] < e->min_items[l])
			{
				appendStringInfo(out, "\"items\": %d", e->min_items[l] - e->have_items[l]);
				c = true;
			}
			if (e->min_credits[l] >= 0 && e->have_credits[l] < e->min_credits[l] - EPS)
			{
				appendStringInfo(out, "%s\"credits\": ", c ? ", " : "");
				append_num(out, e->min_credits[l] - e->have_credits[l]);
			}
		}
		appendStringInfoChar(out, '}');
	}
	if (l >= 0)
	{
		int			k;
		bool		any = false;

		appendStringInfoString(out, ", \"blocked\": ");
		emit_blocked(out, e, l);
		for (k = 0; k < e->nitems; k++)
			if (pick_over(e, l, k))
				any = true;
		if (any)
		{
			appendStringInfoString(out, ", \"overLimit\": ");
			emit_ids(out, e, l, pick_over);
		}
		if (e->has_cands)
		{
			appendStringInfoString(out, ", \"candidates\": ");
			emit_candidates(out, e, l);
		}
	}
}

/* Unsatisfied leaves under `all` paths; an unsatisfied nOf once, with its open children. */
static void
emit_missing(StringInfo out, Eval *e, StackNode *n, bool *first)
{
	int			i;
	StackNode  *kids[STACK_MAX_CHILDREN];
	int			nk;

	check_stack_depth();
	if (!e->active[n->index] || e->sat[n->index])
		return;
	if (n->leaf >= 0)
	{
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		emit_missing_leaf(out, e, n, true);
		appendStringInfoChar(out, '}');
		return;
	}
	if (n->kind == SN_CONDITION)
	{
		StackNode  *b = e->cond_true[n->index] ? n->then_node : n->else_node;

		if (b)
			emit_missing(out, e, b, first);
		return;
	}
	if (e->mean_apply && e->mean_bad[n->index])
	{
		/* minMeanLevel failed: the reason, then what the children still need */
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		appendStringInfoString(out, "{\"node\": ");
		escape_json(out, n->eff_id);
		if (n->label)
		{
			appendStringInfoString(out, ", \"label\": ");
			escape_json(out, n->label);
		}
		appendStringInfoString(out, ", \"reason\": ");
		if (e->mean[n->index] >= 0)
		{
			StringInfoData why;

			initStringInfo(&why);
			appendStringInfoString(&why, "mean level ");
			append_num(&why, round(e->mean[n->index] * 1000) / 1000);
			appendStringInfoString(&why, " < minMeanLevel ");
			append_num(&why, n->min_mean_level);
			escape_json(out, why.data);
		}
		else
			escape_json(out, "no assigned award has a known level");
		appendStringInfoChar(out, '}');
		if (n->kind == SN_NOF && e->nsat[n->index] >= n->n)
			return;
	}
	nk = node_children(n, kids);
	if (n->kind == SN_NOF && n->n < n->nchild)
	{
		bool		f2 = true;

		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		appendStringInfoString(out, "{\"node\": ");
		escape_json(out, n->eff_id);
		if (n->label)
		{
			appendStringInfoString(out, ", \"label\": ");
			escape_json(out, n->label);
		}
		appendStringInfo(out, ", \"need\": {\"children\": %d}, \"of\": [", n->n - e->nsat[n->index]);
		for (i = 0; i < nk; i++)
		{
			if (e->sat[kids[i]->index])
				continue;
			if (!f2)
				appendStringInfoString(out, ", ");
			f2 = false;
			emit_missing_leaf(out, e, kids[i], false);
			appendStringInfoChar(out, '}');
		}
		appendStringInfoString(out, "]}");
		return;
	}
	for (i = 0; i < nk; i++)
		emit_missing(out, e, kids[i], first);
}

static Jsonb *
emit(Eval *e)
{
	StringInfoData out;
	StackRule  *r = e->rule;
	int			k,
				l;
	bool		first;

	initStringInfo(&out);
	appendStringInfoString(&out, "{\"stack\": ");
	escape_json(&out, r->id);
	if (r->version)
	{
		appendStringInfoString(&out, ", \"version\": ");
		escape_json(&out, r->version);
	}
	appendStringInfo(&out, ", \"asOf\": \"%s\"", timestamp_to_xsd_exact(e->as_of));
	appendStringInfo(&out, ", \"complete\": %s, \"progress\": ", e->sat[0] ? "true" : "false");
	append_num(&out, round(e->f[0] * 1000) / 1000);
	appendStringInfo(&out, ", \"optimal\": %s, \"nodes\": ", e->optimal ? "true" : "false");
	emit_nodes(&out, e);
	appendStringInfoString(&out, ", \"missing\": [");
	first = true;
	emit_missing(&out, e, r->root, &first);
	appendStringInfoString(&out, "], \"unused\": [");
	first = true;
	for (k = 0; k < e->nitems; k++)
	{
		bool		placed = e->over_limit[k];

		for (l = 0; l < e->LF && !placed; l++)
			if (e->assigned[AT(e, l, k)])
				placed = true;
		if (placed)
			continue;
		if (!first)
			appendStringInfoString(&out, ", ");
		first = false;
		escape_json(&out, e->items[k].id);
	}
	appendStringInfoString(&out, "], \"overLimit\": [");
	first = true;
	for (k = 0; k < e->nitems; k++)
		if (e->over_limit[k])
		{
			if (!first)
				appendStringInfoString(&out, ", ");
			first = false;
			escape_json(&out, e->items[k].id);
		}
	appendStringInfo(&out, "], \"greedyDiffers\": %s}", greedy_differs(e) ? "true" : "false");
	/* the model's strings are UTF-8; jsonb holds the server encoding */
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in,
											  CStringGetDatum(pg_any_to_server(out.data, out.len, PG_UTF8))));
}

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
	run(&e);
	return emit(&e);
}

double
stack_evaluate_progress(StackRule *rule, StackItem *items, int nitems,
						TimestampTz as_of, StackException *exc, int nexc, bool *complete)
{
	Eval		e;

	init_eval(&e, rule, items, nitems, as_of, exc, nexc);
	run(&e);
	if (complete)
		*complete = e.sat[0];
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

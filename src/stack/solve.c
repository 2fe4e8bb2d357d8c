/*
 * solve.c
 *		The assignment of awards to leaves (SEMANTICS.md §4.3 steps 4-6):
 *		the problem handed to search.c, minMeanLevel's branch-and-bound,
 *		completionWindow, and the degree-audit greedy comparison.
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

bool
eval_leaf_in_main(const Eval *e, const StackNode *n)
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
					cap->item_in[k] = eval_pred_match(e, n->limits[j].select, kmap[k]);
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
	p.score = eval_score_cb;
	p.bound = eval_bound_cb;
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
		if (eval_leaf_in_main(e, r->leaves[l]))
			main_leaves[nmain++] = l;
	solve_leaves(e, main_leaves, nmain, universe, budget, out);
	out->optimal = out->optimal && optimal;
	out->nodes += nodes;
	/* progress and awards used over everything */
	out->progress = eval_tree(e, out->hi, out->hc, false);
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
	p = eval_tree(e, o->hi, o->hc, false);
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

void
eval_run(Eval *e)
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
		StackNode  *n = eval_find_node(e, e->exc[x].node, x);

		if (e->exc[x].award && eval_find_item(e, e->exc[x].award) < 0)
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
	eval_compute_admissibility(e);
	eval_compute_activity(e);
	eval_compute_eligibility(e);
	for (i = 0; i < N; i++)
		if (r->nodes[i]->min_mean_level >= 0 && e->active[i] && !e->waived[i])
			e->has_mean = true;
	if (e->has_cands)
		eval_compute_candidate_eligibility(e);
	e->additive = eval_tree_is_additive(e);
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
			to = eval_shift(from, &r->window, 1);
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
	eval_tree(e, e->have_items, e->have_credits, false);

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

			if (!e->elig[AT(e, l, k)] || !eval_leaf_in_main(e, leaf) || e->sat[leaf->index])
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

					if (!eval_pred_match(e, an->limits[j].select, k))
						continue;
					for (k2 = 0; k2 < e->nitems; k2++)
					{
						bool		in = false;

						if (!eval_pred_match(e, an->limits[j].select, k2))
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
bool
eval_greedy_differs(Eval *e)
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
		if (eval_leaf_in_main(e, r->leaves[l]))
		{
			hi[l] = 0;
			hc[l] = 0;
		}
	for (l = 0; l < e->LF; l++)
	{
		if (!eval_leaf_in_main(e, r->leaves[l]))
			continue;
		for (i = 0; i < e->nitems && !eval_leaf_satisfied(e, l, hi[l], hc[l]); i++)
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
	greedy = eval_tree(e, hi, hc, false);
	greedy_sat = e->sat[0];
	/* restore the optimal evaluation */
	eval_tree(e, e->have_items, e->have_credits, false);
	return greedy < optimal - EPS || (optimal_sat && !greedy_sat);
}

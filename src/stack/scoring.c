/*
 * scoring.c
 *		Node satisfaction and progress of a holding (SEMANTICS.md §4.4), and
 *		the score and bound callbacks the search (search.c) maximises.
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

/* ---- tree evaluation ---- */

double
eval_leaf_fraction(const Eval *e, int l, int hi, double hc)
{
	double		f = 1;

	if (e->min_items[l] > 0)
		f = Min(f, (double) hi / e->min_items[l]);
	if (e->min_credits[l] > 0)
		f = Min(f, hc / e->min_credits[l]);
	return f;
}

bool
eval_leaf_satisfied(const Eval *e, int l, int hi, double hc)
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
int
eval_node_children(const StackNode *n, StackNode **out)
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
double
eval_tree(Eval *e, const int *hi, const double *hc, bool upper)
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
				f = eval_leaf_fraction(e, l, hi[l], hc[l]);
				sat = eval_leaf_satisfied(e, l, hi[l], hc[l]);
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
			int			nk = eval_node_children(n, kids);
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
double
eval_score_cb(void *arg, const int *hi, const double *hc, bool upper)
{
	Eval	   *e = (Eval *) arg;
	int			l;

	if (e->single_leaf >= 0)
		return eval_leaf_fraction(e, e->single_leaf, hi[0], hc[0]);
	memcpy(e->tmp_hi, e->base_hi, sizeof(int) * e->LF);
	memcpy(e->tmp_hc, e->base_hc, sizeof(double) * e->LF);
	for (l = 0; l < e->prob_nleaves; l++)
	{
		e->tmp_hi[e->prob_leaf[l]] = hi[l];
		e->tmp_hc[e->prob_leaf[l]] = hc[l];
	}
	return eval_tree(e, e->tmp_hi, e->tmp_hc, upper);
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

double
eval_bound_cb(void *arg, const int *hi, const double *hc, const int *opt_hi, const double *opt_hc,
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
	eval_tree(e, e->tmp_hi, e->tmp_hc, false);
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
			sum += w * (eval_leaf_fraction(e, rl, opt_hi[l], opt_hc[l]) - e->f[n->index]);
	}
	sum += fill(si, ni, budget_items) + fill(sc, nc, budget_credits);
	return e->w[0] > 0 ? sum / e->w[0] : 1;
}

/* Whether bound_cb applies: an additive tree over the active nodes. */
bool
eval_tree_is_additive(Eval *e)
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

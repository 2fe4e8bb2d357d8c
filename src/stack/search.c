/*
 * search.c
 *		The optimal assignment of awards to requirement leaves
 *		(SEMANTICS.md §3.5): max flow when the problem is a pure count
 *		problem, otherwise an exact depth-first branch-and-bound.
 *
 * Objective: (1) the highest progress (complete = progress 1), proven
 * optimal unless the node budget runs out; (2) the first assignment met in
 * a fixed search order (awards in the evaluator's order, sharing classes in
 * leaf order, "not placed" last), which makes the result deterministic;
 * then (3) placements that do not contribute are taken back (trim()), so
 * no award is used without need.
 *
 * Branch-and-bound: awards are decided one at a time; an award may go to up
 * to max_uses sharing classes or nowhere.  Pruning: (a) a class whose leaves
 * are all full is never offered (placing an award there cannot raise
 * progress and costs an award); (b) the evaluator's upper bound on progress,
 * computed with every undecided eligible award added to every leaf, cuts
 * subtrees that cannot beat the incumbent; (c) awards that are
 * interchangeable (same eligibility, credits and cap membership, adjacent
 * in the order) take options in non-decreasing order.  When the node budget
 * runs out the incumbent is returned with optimal = false.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "stack/stack_search.h"

#define EPS 1e-9
#define NONE_KEY PG_UINT64_MAX

typedef struct Search
{
	const StackProblem *p;
	int			K;
	int			L;
	int			C;
	int		   *order;			/* depth -> award */
	bool	   *same_prev;		/* depth -> interchangeable with depth-1 */
	uint64	   *key;			/* depth -> option key chosen */
	int		   *suf_items;		/* (K+1) x L: eligible awards at depth >= d */
	double	   *suf_credits;
	double	   *suf_tot_items;	/* K+1: undecided awards (x max_uses) */
	double	   *suf_tot_credits;
	int		   *hi;
	double	   *hc;
	int		   *opt_hi;
	double	   *opt_hc;
	int		   *cap_n;
	double	   *cap_c;
	bool	   *assign;
	int			used;
	StackSolution *best;
	bool		have_best;
	int64		nodes;
	bool		exhausted;
	int		   *elig_classes;	/* scratch per depth: C entries */
} Search;

static bool
leaf_full(const Search *s, int l)
{
	const StackProblem *p = s->p;

	return (p->need_items[l] < 0 || s->hi[l] >= p->need_items[l]) &&
		(p->need_credits[l] < 0 || s->hc[l] >= p->need_credits[l] - EPS);
}

static bool
class_offered(const Search *s, int k, int c, bool forced)
{
	const StackProblem *p = s->p;
	int			l;

	for (l = 0; l < s->L; l++)
		if (p->leaf_class[l] == c && p->elig[k * s->L + l] && (forced || !leaf_full(s, l)))
			return true;
	return false;
}

/* True when placing award k in the classes of mask counts against cap. */
static bool
cap_counts(const Search *s, const StackCap *cap, int k, uint64 mask)
{
	const StackProblem *p = s->p;

	if (!cap->item_in[k])
		return false;
	for (int l = 0; l < s->L; l++)
		if (cap->leaf_in[l] && p->elig[k * s->L + l] &&
			(mask & (UINT64CONST(1) << p->leaf_class[l])))
			return true;
	return false;
}

/* Places award k in the classes of mask; false (and nothing changed) when a cap breaks. */
static bool
apply(Search *s, int k, uint64 mask, int sign)
{
	const StackProblem *p = s->p;
	double		cr = p->credits[k];
	int			l;
	int			c;

	if (sign > 0)
	{
		for (c = 0; c < p->ncaps; c++)
		{
			const StackCap *cap = &p->caps[c];

			if (cap_counts(s, cap, k, mask) &&
				((cap->max_items >= 0 && s->cap_n[c] + 1 > cap->max_items) ||
				 (cap->max_credits >= 0 && s->cap_c[c] + cr > cap->max_credits + EPS)))
				return false;
		}
	}
	for (c = 0; c < p->ncaps; c++)
	{
		if (cap_counts(s, &p->caps[c], k, mask))
		{
			s->cap_n[c] += sign;
			s->cap_c[c] += sign * cr;
		}
	}
	for (l = 0; l < s->L; l++)
		if (p->elig[k * s->L + l] && (mask & (UINT64CONST(1) << p->leaf_class[l])))
		{
			s->hi[l] += sign;
			s->hc[l] += sign * cr;
			s->assign[k * s->L + l] = sign > 0;
		}
	s->used += sign;
	return true;
}

static void
record(Search *s, double progress)
{
	StackSolution *b = s->best;

	if (s->have_best && !(progress > b->progress + EPS))
		return;
	memcpy(b->assign, s->assign, sizeof(bool) * s->K * s->L);
	b->progress = progress;
	b->used = s->used;
	s->have_best = true;
}

static void descend(Search *s, int d);

/* Tries the option `mask` for the award at depth d. */
static void
try_option(Search *s, int d, uint64 mask, uint64 key)
{
	int			k = s->order[d];

	if (s->exhausted)
		return;
	if (d > 0 && s->same_prev[d] && key < s->key[d - 1])
		return;
	if (mask == 0)
	{
		s->key[d] = key;
		descend(s, d + 1);
		return;
	}
	if (!apply(s, k, mask, +1))
		return;
	s->key[d] = key;
	descend(s, d + 1);
	apply(s, k, mask, -1);
}

/* Enumerates combinations of `size` classes from cls[from..n) into mask. */
static void
combos(Search *s, int d, const int *cls, int n, int from, int size, uint64 mask, int forced)
{
	int			i;

	if (s->exhausted)
		return;
	if (size == 0)
	{
		if (forced < 0 || (mask & (UINT64CONST(1) << forced)))
			try_option(s, d, mask, mask);
		return;
	}
	for (i = from; i <= n - size; i++)
		combos(s, d, cls, n, i + 1, size - 1, mask | (UINT64CONST(1) << cls[i]), forced);
}

static void
descend(Search *s, int d)
{
	const StackProblem *p = s->p;
	int			L = s->L;
	int			l;
	double		ub;
	int			k;
	int		   *cls;
	int			ncls = 0;
	int			c;
	int			forced;
	int			size;

	if (s->exhausted)
		return;
	/* the first descent always completes, so there is an assignment to report */
	if (++s->nodes > p->budget && s->have_best)
	{
		s->exhausted = true;
		return;
	}
	if ((s->nodes & 1023) == 0)
		CHECK_FOR_INTERRUPTS();

	if (d == s->K)
	{
		record(s, p->score(p->score_arg, s->hi, s->hc, false));
		return;
	}
	/* bound */
	for (l = 0; l < L; l++)
	{
		s->opt_hi[l] = s->hi[l] + s->suf_items[d * L + l];
		s->opt_hc[l] = s->hc[l] + s->suf_credits[d * L + l];
	}
	ub = p->score(p->score_arg, s->opt_hi, s->opt_hc, true);
	if (p->bound)
		ub = Min(ub, p->bound(p->score_arg, s->hi, s->hc, s->opt_hi, s->opt_hc,
							  s->suf_tot_items[d], s->suf_tot_credits[d]));
	if (s->have_best && ub < s->best->progress + EPS)
		return;

	k = s->order[d];
	forced = p->forced ? p->forced[k] : -1;
	cls = &s->elig_classes[d * s->C];
	for (c = 0; c < s->C; c++)
		if (class_offered(s, k, c, c == forced))
			cls[ncls++] = c;
	for (size = Min(p->max_uses, ncls); size >= 1; size--)
		combos(s, d, cls, ncls, 0, size, 0, forced);
	if (forced < 0)
		try_option(s, d, 0, NONE_KEY);
}

/*
 * The search maximizes progress only; fewer awards is then pursued by a
 * deterministic trimming pass: placements are taken back, last award first,
 * whenever that does not lower progress.  The result is minimal in the
 * sense that no single placement can be dropped (not necessarily the
 * globally smallest set of awards).
 */
static void
trim(Search *s, StackSolution *sol)
{
	const StackProblem *p = s->p;
	int			L = s->L;
	int			d,
				l,
				k;

	memset(s->hi, 0, sizeof(int) * Max(L, 1));
	memset(s->hc, 0, sizeof(double) * Max(L, 1));
	for (k = 0; k < s->K; k++)
		for (l = 0; l < L; l++)
			if (sol->assign[k * L + l])
			{
				s->hi[l]++;
				s->hc[l] += p->credits[k];
			}
	for (d = s->K - 1; d >= 0; d--)
	{
		k = s->order[d];
		if (p->forced && p->forced[k] >= 0)
			continue;
		for (l = L - 1; l >= 0; l--)
		{
			double		v;

			if (!sol->assign[k * L + l])
				continue;
			s->hi[l]--;
			s->hc[l] -= p->credits[k];
			v = p->score(p->score_arg, s->hi, s->hc, false);
			if (v > sol->progress - EPS)
				sol->assign[k * L + l] = false;
			else
			{
				s->hi[l]++;
				s->hc[l] += p->credits[k];
			}
		}
	}
	sol->used = 0;
	for (k = 0; k < s->K; k++)
		for (l = 0; l < L; l++)
			if (sol->assign[k * L + l])
			{
				sol->used++;
				break;
			}
}

/* Max flow for pure count problems (the evaluator decides when that holds). */
static void
solve_flow(const StackProblem *p, StackSolution *sol)
{
	int			K = p->nitems;
	int			L = p->nleaves;
	int			S = 0;
	int			T = K + L + 1;
	StackFlow  *f = stack_flow_create(K + L + 2, K + K * L + L);
	int		   *edge = palloc(sizeof(int) * K * L);
	int		   *hi = palloc0(sizeof(int) * L);
	double	   *hc = palloc0(sizeof(double) * L);
	int			k,
				l;

	for (k = 0; k < K; k++)
		stack_flow_add_edge(f, S, 1 + k, p->max_uses);
	for (k = 0; k < K; k++)
		for (l = 0; l < L; l++)
			edge[k * L + l] = p->elig[k * L + l] ? stack_flow_add_edge(f, 1 + k, 1 + K + l, 1) : -1;
	for (l = 0; l < L; l++)
		stack_flow_add_edge(f, 1 + K + l, T, Max(p->need_items[l], 0));
	stack_flow_max(f, S, T);
	sol->used = 0;
	for (k = 0; k < K; k++)
	{
		bool		any = false;

		for (l = 0; l < L; l++)
		{
			bool		a = edge[k * L + l] >= 0 && stack_flow_edge_flow(f, edge[k * L + l]) > 0;

			sol->assign[k * L + l] = a;
			if (a)
			{
				hi[l]++;
				hc[l] += p->credits[k];
				any = true;
			}
		}
		if (any)
			sol->used++;
	}
	sol->progress = p->score(p->score_arg, hi, hc, false);
	sol->optimal = true;
	sol->nodes = 0;
}

static int
compare_rows(const StackProblem *p, int a, int b)
{
	int			L = p->nleaves;
	int			l;
	int			c;

	if (p->credits[a] != p->credits[b])
		return p->credits[a] > p->credits[b] ? -1 : 1;
	for (l = 0; l < L; l++)
		if (p->elig[a * L + l] != p->elig[b * L + l])
			return p->elig[a * L + l] ? -1 : 1;
	for (c = 0; c < p->ncaps; c++)
		if (p->caps[c].item_in[a] != p->caps[c].item_in[b])
			return p->caps[c].item_in[a] ? -1 : 1;
	if (p->forced && p->forced[a] != p->forced[b])
		return p->forced[a] < p->forced[b] ? -1 : 1;
	return 0;
}

/*
 * Solves p into sol (sol->assign allocated by the caller, nitems*nleaves).
 * use_flow: the caller has checked that p is a pure count problem.
 */
void
stack_solve(const StackProblem *p, StackSolution *sol, bool use_flow)
{
	Search		s;
	int			K = p->nitems;
	int			L = p->nleaves;
	int			d,
				l,
				i;

	memset(sol->assign, 0, sizeof(bool) * Max(K * L, 1));
	if (use_flow)
	{
		solve_flow(p, sol);
		return;
	}
	if (p->nclasses > 64)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than 64 competing requirements need the branch-and-bound search")));

	memset(&s, 0, sizeof(s));
	s.p = p;
	s.K = K;
	s.L = L;
	s.C = p->nclasses;
	s.order = palloc(sizeof(int) * Max(K, 1));
	s.same_prev = palloc0(sizeof(bool) * Max(K, 1));
	s.key = palloc0(sizeof(uint64) * Max(K, 1));
	/* order: by credits (largest first), then eligibility, then input order (= id) */
	for (i = 0; i < K; i++)
		s.order[i] = i;
	for (i = 1; i < K; i++)
	{
		int			x = s.order[i];
		int			j = i - 1;

		while (j >= 0 && compare_rows(p, s.order[j], x) > 0)
		{
			s.order[j + 1] = s.order[j];
			j--;
		}
		s.order[j + 1] = x;
	}
	for (d = 1; d < K; d++)
		s.same_prev[d] = compare_rows(p, s.order[d - 1], s.order[d]) == 0;
	s.suf_items = palloc0(sizeof(int) * (K + 1) * Max(L, 1));
	s.suf_credits = palloc0(sizeof(double) * (K + 1) * Max(L, 1));
	for (d = K - 1; d >= 0; d--)
		for (l = 0; l < L; l++)
		{
			int			k = s.order[d];
			bool		e = p->elig[k * L + l];

			s.suf_items[d * L + l] = s.suf_items[(d + 1) * L + l] + (e ? 1 : 0);
			s.suf_credits[d * L + l] = s.suf_credits[(d + 1) * L + l] + (e ? p->credits[k] : 0);
		}
	s.suf_tot_items = palloc0(sizeof(double) * (K + 1));
	s.suf_tot_credits = palloc0(sizeof(double) * (K + 1));
	for (d = K - 1; d >= 0; d--)
	{
		s.suf_tot_items[d] = s.suf_tot_items[d + 1] + p->max_uses;
		s.suf_tot_credits[d] = s.suf_tot_credits[d + 1] + p->max_uses * p->credits[s.order[d]];
	}
	s.hi = palloc0(sizeof(int) * Max(L, 1));
	s.hc = palloc0(sizeof(double) * Max(L, 1));
	s.opt_hi = palloc0(sizeof(int) * Max(L, 1));
	s.opt_hc = palloc0(sizeof(double) * Max(L, 1));
	s.cap_n = palloc0(sizeof(int) * Max(p->ncaps, 1));
	s.cap_c = palloc0(sizeof(double) * Max(p->ncaps, 1));
	s.assign = palloc0(sizeof(bool) * Max(K * L, 1));
	s.elig_classes = palloc(sizeof(int) * Max(K, 1) * Max(s.C, 1));
	s.best = sol;
	sol->progress = -1;
	sol->used = 0;

	descend(&s, 0);

	if (!s.have_best)
	{
		/* the budget ran out before any complete assignment: place nothing */
		memset(sol->assign, 0, sizeof(bool) * Max(K * L, 1));
		memset(s.hi, 0, sizeof(int) * Max(L, 1));
		memset(s.hc, 0, sizeof(double) * Max(L, 1));
		sol->progress = p->score(p->score_arg, s.hi, s.hc, false);
		sol->used = 0;
	}
	trim(&s, sol);
	sol->optimal = !s.exhausted;
	sol->nodes = s.nodes;
}

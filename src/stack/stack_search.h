/*
 * stack_search.h
 *		The assignment problem handed from the evaluator (evaluate.c) to the
 *		solvers: max flow (maxflow.c) and branch-and-bound (search.c).
 *
 * Awards 0..nitems-1 are assigned to requirement leaves 0..nleaves-1 of the
 * problem.  A leaf belongs to a sharing class: an exclusive leaf is its own
 * class, the leaves of one share group form one class (an award placed in a
 * group class counts for every eligible leaf of that group).  An award may
 * be placed in at most max_uses classes.  Caps bound the distinct awards
 * (and their credits) matching a predicate that are placed anywhere in a
 * subtree.  The evaluator supplies the objective: the exact progress of
 * given per-leaf holdings, and an upper bound for optimistic holdings.
 */
#ifndef CREDREG_STACK_SEARCH_H
#define CREDREG_STACK_SEARCH_H

#include "postgres.h"

typedef struct StackCap
{
	bool	   *leaf_in;		/* nleaves */
	bool	   *item_in;		/* nitems: award matches the cap's predicate */
	int			max_items;		/* -1 none */
	double		max_credits;	/* -1 none */
} StackCap;

typedef double (*StackScoreFn) (void *arg, const int *have_items, const double *have_credits,
								bool upper);

typedef struct StackProblem
{
	int			nitems;
	int			nleaves;
	bool	   *elig;			/* nitems * nleaves */
	double	   *credits;		/* nitems */
	int		   *leaf_class;		/* nleaves */
	int			nclasses;
	int			max_uses;
	int			ncaps;
	StackCap   *caps;
	int		   *need_items;		/* nleaves, -1 none: a leaf is full when both met */
	double	   *need_credits;	/* nleaves, -1 none */
	int		   *forced;			/* nitems: class index forced by applyHere, or -1 */
	StackScoreFn score;
	void	   *score_arg;
	int64		budget;
} StackProblem;

typedef struct StackSolution
{
	bool	   *assign;			/* nitems * nleaves */
	double		progress;
	int			used;			/* distinct awards placed */
	bool		optimal;
	int64		nodes;
} StackSolution;

/* search.c */
extern void stack_solve(const StackProblem *p, StackSolution *sol, bool use_flow);

/* maxflow.c */
typedef struct StackFlow StackFlow;
extern StackFlow *stack_flow_create(int nnodes, int maxedges);
extern int	stack_flow_add_edge(StackFlow *f, int u, int v, int cap);
extern int64 stack_flow_max(StackFlow *f, int s, int t);
extern int	stack_flow_edge_flow(StackFlow *f, int e);

#endif							/* CREDREG_STACK_SEARCH_H */

/*
 * eval_internal.h
 *		The state of one stack evaluation, shared by the files that do its
 *		jobs (SEMANTICS.md §4.2-4.4):
 *		  eligibility.c  admissibility, activity, exceptions, eligibility per
 *		                 leaf with the reasons awards are blocked (§4.3 1-3)
 *		  scoring.c      node satisfaction and progress of a holding (§4.4),
 *		                 the search's score and bound callbacks
 *		  solve.c        the assignment (§4.3 4-6): flow / branch-and-bound
 *		                 through search.c, minMeanLevel, completionWindow
 *		  explain.c      the explanation, built as jsonb (§4.2 output)
 *		  evaluate.c     the SQL entry points
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
#ifndef CREDREG_EVAL_INTERNAL_H
#define CREDREG_EVAL_INTERNAL_H

#include "utils/jsonb.h"

#include "stack/stack_internal.h"

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

/* ---- eligibility.c ---- */
extern bool eval_pred_match(Eval *e, const StackPred *p, int k);
extern TimestampTz eval_shift(TimestampTz t, const StackSpan *s, int sign);
extern StackNode *eval_find_node(Eval *e, const char *id, int excno);
extern int eval_find_item(Eval *e, const char *id);
extern void eval_compute_activity(Eval *e);
extern void eval_compute_eligibility(Eval *e);
extern void eval_compute_admissibility(Eval *e);
extern void eval_compute_candidate_eligibility(Eval *e);

/* ---- scoring.c ---- */
extern double eval_leaf_fraction(const Eval *e, int l, int hi, double hc);
extern bool eval_leaf_satisfied(const Eval *e, int l, int hi, double hc);
extern int eval_node_children(const StackNode *n, StackNode **out);
extern double eval_tree(Eval *e, const int *hi, const double *hc, bool upper);
extern double eval_score_cb(void *arg, const int *hi, const double *hc, bool upper);
extern double eval_bound_cb(void *arg, const int *hi, const double *hc, const int *opt_hi, const double *opt_hc, double budget_items, double budget_credits);
extern bool eval_tree_is_additive(Eval *e);

/* ---- solve.c ---- */
extern bool eval_leaf_in_main(const Eval *e, const StackNode *n);
extern void eval_run(Eval *e);
extern bool eval_greedy_differs(Eval *e);

/* ---- explain.c ---- */
extern Jsonb *eval_emit(Eval *e);

#endif							/* CREDREG_EVAL_INTERNAL_H */

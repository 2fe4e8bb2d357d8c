/*
 * stack_internal.h
 *		The in-memory model of a stack rule and of a learner's awards, shared
 *		by the files of src/stack/ (parsing, binary form, evaluation, search).
 *
 * A rule is a tree of StackNode.  Inline `stack` references are expanded at
 * compile time (cycles are rejected), so the evaluator sees one tree.  Every
 * node gets a dense index in preorder; leaves also get a dense leaf index.
 */
#ifndef CREDREG_STACK_INTERNAL_H
#define CREDREG_STACK_INTERNAL_H

#include "credreg.h"

#include "access/htup_details.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/timestamp.h"

#include "json/json.h"
#include "util/datetime.h"

/* Date forms a rule or an award may use: xsd:dateTime, a bare date, a year-month. */
#define STACK_DATE_FORMS (CRDT_ALLOW_DATE | CRDT_ALLOW_MONTH)

/*
 * Version byte of stackrule send/recv (the canonical JSON text follows, so
 * new rule members need no new wire version).
 */
#define STACKRULE_FORMAT_VERSION 1

/*
 * Version byte of the stored compiled form.  2 added minMeanLevel on all/nOf
 * nodes; 3 stores the dates (earnedAfter, earnedBefore, validFrom,
 * validUntil) parsed, as timestamps, instead of their text.  Values stored
 * as version 1 or 2 still read (their date text is parsed on reading).
 */
#define STACKRULE_STORAGE_VERSION 3

/* Size limits (54000 program_limit_exceeded beyond them). */
#define STACK_MAX_NODES		2000	/* after inline expansion */
#define STACK_MAX_CHILDREN	500
#define STACK_MAX_DEMAND	100000
#define STACK_MAX_PRED_NODES 10000
#define STACK_MAX_ITEMS		10000	/* awards in one evaluation */
#define STACK_MAX_STRING	4096
#define STACK_MAX_LEVEL		5		/* credreg levels are 1..5 */

typedef enum StackPredKind
{
	SP_ACHIEVEMENT,
	SP_ACHIEVEMENT_PATTERN,
	SP_HUMAN_CODE,
	SP_ISSUER,
	SP_ISSUER_HOME,				/* issuerIn: "home" */
	SP_ISSUER_IN,				/* issuerIn: [ids] */
	SP_ACHIEVEMENT_TYPE,
	SP_TAG,
	SP_CONCEPT,
	SP_SET,
	SP_ANY_OF,
	SP_ALL_OF,
	SP_NOT
} StackPredKind;

typedef struct StackPred
{
	StackPredKind kind;
	char	   *str;			/* id, glob, tag, type, uri, set name */
	int			nstr;			/* ISSUER_IN */
	char	  **strs;
	int			nchild;			/* ANY_OF, ALL_OF (NOT has one) */
	struct StackPred **child;
	/* CONCEPT */
	bool		narrower;
	int			max_hops;
	bool		close;
	int			set_index;		/* SET: index into the defining rule's sets */
	struct StackPred *resolved; /* SET: that set's predicate */
} StackPred;

typedef enum StackNodeKind
{
	SN_ALL,
	SN_NOF,
	SN_ITEMS,
	SN_COMPETENCY,
	SN_STACK,
	SN_CONDITION
} StackNodeKind;

typedef enum StackShare
{
	SHARE_EXCLUSIVE,
	SHARE_NONEXCLUSIVE,
	SHARE_GROUP
} StackShare;

typedef struct StackSpan
{
	int32		years;
	int32		months;
	int32		days;
} StackSpan;

typedef struct StackLimit
{
	StackPred  *select;
	int			max_items;		/* -1 absent */
	double		max_credits;	/* -1 absent */
} StackLimit;

typedef struct StackNode
{
	StackNodeKind kind;
	char	   *id;				/* NULL in the source: a path-derived id is used */
	char	   *label;
	double		weight;			/* -1 absent */
	/* all / nOf */
	int			n;
	int			nchild;
	struct StackNode **child;
	int			nlimit;
	StackLimit *limits;
	double		min_mean_level; /* -1 absent (all / nOf) */
	/* items / competency leaves */
	StackPred  *select;
	StackPred  *except;
	int			min_items;		/* -1 absent */
	double		min_credits;	/* -1 absent */
	int			max_items;
	double		max_credits;
	StackShare	share;
	char	   *group;
	/* filter */
	int			min_level;		/* -1 absent */
	bool		passed;
	bool		has_within;
	StackSpan	within;
	bool		has_earned_after;
	TimestampTz earned_after;	/* parsed once, by util/datetime.h */
	bool		has_earned_before;
	TimestampTz earned_before;
	int			nstatus;
	char	  **status_in;
	char	   *min_result_rd;	/* minResult.resultDescription */
	char	   *min_result_value;	/* minResult.atLeast */
	/* competency */
	char	   *target_uri;
	bool		m_narrower;
	int			m_max_hops;
	bool		m_close;
	int			ncrosswalk;
	char	  **crosswalk;
	bool		has_match;
	/* stack */
	char	   *ref;
	bool		inline_ref;
	char	   *ref_achievement;	/* resolved awards.achievement, or NULL */
	/* condition */
	StackPred  *when;
	struct StackNode *then_node;
	struct StackNode *else_node;
	struct StackNode *expanded;	/* inline stack: a copy of the referenced root */

	/* set by the compiler (not serialized) */
	int			index;			/* preorder */
	int			leaf;			/* leaf index or -1 */
	int			parent;			/* preorder index of parent, -1 for root */
	char	   *eff_id;			/* id or path-derived id */
} StackNode;

typedef struct StackSetDef
{
	char	   *name;
	StackPred  *pred;
} StackSetDef;

typedef struct StackRuleDef StackRuleDef;

typedef struct StackRule
{
	char	   *id;
	char	   *version;
	char	   *name;
	char	   *awards_achievement;
	char	   *awards_type;
	bool		has_valid_from;
	TimestampTz valid_from;
	bool		has_valid_until;
	TimestampTz valid_until;
	/* policy */
	int			max_uses;		/* default 1 */
	int			ncount_status;	/* default ["Completed"] */
	char	  **count_status;
	bool		require_verified;	/* default true */
	double		unit_credits;	/* default 1 */
	bool		has_window;
	StackSpan	window;
	int			max_search_nodes;	/* -1: the GUC */
	bool		has_policy;		/* canonical output: policy member present */
	bool		has_count_status;
	/* sets and inline stack definitions */
	int			nsets;
	StackSetDef *sets;
	int			ndefs;
	struct StackRule **defs;	/* rules under "stacks" */
	StackNode  *root;

	/* compiled views (built by stack_rule_prepare, not serialized) */
	int			nnodes;
	StackNode **nodes;			/* preorder, after inline expansion */
	int			nleaves;
	StackNode **leaves;
	bool		prepared;
} StackRule;

/* An award of the learner. */
typedef struct StackAlign
{
	char	   *uri;
	int			level;			/* -1 unknown */
} StackAlign;

typedef struct StackResult
{
	char	   *rd;				/* resultDescription */
	char	   *value;
	int			nallowed;
	char	  **allowed;
} StackResult;

typedef struct StackItem
{
	char	   *id;
	char	   *achievement;
	char	   *achievement_type;
	char	   *human_code;
	char	   *issuer;
	bool		home;
	int			ntags;
	char	  **tags;
	double		credits;
	int			level;			/* -1 unknown */
	bool		has_earned;
	TimestampTz earned_at;
	bool		has_valid_until;
	TimestampTz valid_until;
	char	   *status;			/* Result status; NULL = Completed */
	bool		verified;		/* default true */
	bool		has_passed;
	bool		passed;
	int			nalign;
	StackAlign *align;
	int			nresult;
	StackResult *results;
} StackItem;

/* Exceptions (learner-specific). */
typedef enum StackExcKind
{
	EXC_SUBSTITUTE,
	EXC_ALSO_ALLOW,
	EXC_APPLY_HERE,
	EXC_WAIVE,
	EXC_CHANGE_LIMIT
} StackExcKind;

typedef struct StackException
{
	StackExcKind kind;
	char	   *node;
	char	   *award;
	StackPred  *replace;
	int			min_items;
	double		min_credits;
} StackException;

/* ---- rule_parse.c ---- */
extern StackRule *stack_rule_from_json(const CrJson *doc);
extern void stack_rule_prepare(StackRule *rule);
extern bool stack_glob_match(const char *pattern, const char *s);
extern bool stack_parse_span(const CrJson *v, StackSpan *span, const char *path);

/* ---- rule_binary.c ---- */
extern bytea *stack_rule_serialize(const StackRule *rule);
extern StackRule *stack_rule_deserialize(const char *data, int len);
extern void stack_rule_to_json(StringInfo out, const StackRule *rule);

/* ---- items.c ---- */
extern StackItem *stack_items_from_json(const CrJson *arr, int *nitems);
extern void stack_item_from_json(const CrJson *obj, StackItem *item, const char *path);
extern StackException *stack_exceptions_from_json(const CrJson *arr, int *nexc);
extern void stack_items_sort(StackItem *items, int nitems);
extern void stack_item_from_tuple(HeapTupleHeader tup, StackItem *item);
extern StackItem *stack_items_from_array(ArrayType *arr, int *nitems);

/* ---- competency.c (the taxonomy capability's API) ---- */
typedef struct StackCompetencyCtx StackCompetencyCtx;
typedef struct StackCompetencyMatch
{
	bool		matches;		/* an alignment reaches the target */
	int			level;			/* its level, -1 unknown */
	char	   *path;			/* explanation, palloc'd */
} StackCompetencyMatch;
extern StackCompetencyCtx *stack_competency_context(int nitems);
extern void stack_competency_match(StackCompetencyCtx *c, const StackNode *leaf, int k,
								   const StackItem *item, StackCompetencyMatch *result);
extern bool stack_concept_match(StackCompetencyCtx *c, const StackPred *pred, int k,
								const StackItem *item);

/* ---- evaluate.c ---- */
extern Jsonb *stack_evaluate_internal(StackRule *rule, StackItem *items, int nitems,
									  TimestampTz as_of, StackException *exc, int nexc,
									  StackItem *cands, int ncands);
extern double stack_evaluate_progress(StackRule *rule, StackItem *items, int nitems,
									  TimestampTz as_of, StackException *exc, int nexc,
									  bool *complete);

extern bool stack_rule_in_force(const StackRule *r, TimestampTz as_of);
extern bool stack_item_admissible(const StackRule *r, const StackItem *it, TimestampTz as_of);
extern bool stack_item_counts(const StackRule *r, const StackItem *it, TimestampTz as_of);

/* ---- next_best.c ---- */
extern StackItem *stack_candidates_from_json(const CrJson *cands, TimestampTz as_of, int *ncand);

#endif							/* CREDREG_STACK_INTERNAL_H */

/*
 * taxonomy.h
 *		Public face of credreg's competency taxonomy capability: the skillset
 *		type, the compiled hierarchy/crosswalk closure and requirement
 *		satisfaction with an explanation.
 *
 * Other capabilities (the stack evaluator) use only what is declared here;
 * the layout of SkillSet is part of that contract and versioned on disk.
 *
 * Semantics (../shared/SEMANTICS.md §2.3): evidence for a competency C
 * satisfies a requirement for T when T is reachable from C through
 *   - identity,
 *   - exactMatch edges (an equivalence, either direction, any number),
 *   - broader edges C -> parent (also broadMatch, and narrowMatch read
 *     backwards), at most policy.max_hops of them,
 *   - replacedBy edges (old -> new) when policy.replaced_by,
 *   - at most one closeMatch edge (either direction) when policy.close;
 * never narrower, related, peer or part-of edges.  Levels are inherited
 * along broader edges unless policy.inherit_level is false (then an ancestor
 * is held at level 0: present, with no proven level).  Framework roots and
 * top-level groups are never produced as closure members or satisfied
 * targets unless policy.allow_top_level.
 */
#ifndef CREDREG_TAXONOMY_H
#define CREDREG_TAXONOMY_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/jsonb.h"

#include "credreg.h"

/* ---------------------------------------------------------------------------
 * skillset: a canonical set of (competency id, level) pairs
 *
 * ids strictly ascending and > 0, levels 0..SKILLSET_MAX_LEVEL (0 = held or
 * required with no level).  Stored as a varlena: header, then n int32 ids,
 * then n uint8 levels.
 * ---------------------------------------------------------------------------
 */
#define SKILLSET_VERSION		1
#define SKILLSET_MAX_LEVEL		100
#define SKILLSET_MAX_ITEMS		100000

typedef struct SkillSet
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* SKILLSET_VERSION */
	uint8		flags;			/* reserved, always zero */
	uint16		unused;			/* reserved, always zero */
	int32		nitems;
	int32		ids[FLEXIBLE_ARRAY_MEMBER];
	/* followed by uint8 levels[nitems] */
} SkillSet;

#define SKILLSET_HDRSZ			offsetof(SkillSet, ids)
#define SKILLSET_IDS(s)			((s)->ids)
#define SKILLSET_LEVELS(s)		((uint8 *) ((s)->ids + (s)->nitems))

static inline Size
SkillSetSize(int32 n)
{
	return add_size(SKILLSET_HDRSZ, mul_size(n, sizeof(int32) + sizeof(uint8)));
}

#define DatumGetSkillSetP(d)	((SkillSet *) PG_DETOAST_DATUM(d))
#define PG_GETARG_SKILLSET_P(n) DatumGetSkillSetP(PG_GETARG_DATUM(n))
#define PG_RETURN_SKILLSET_P(x) PG_RETURN_POINTER(x)

/*
 * Builds a canonical skillset from parallel arrays (levels may be NULL: all
 * 0).  Sorts; a repeated id keeps its highest level.  Returns NULL and fills
 * *failure ("malformed") for an id <= 0, a level outside 0..100 or too many
 * items; never raises on bad input.
 */
extern SkillSet *credreg_skillset_build(const int32 *ids, const int32 *levels,
										int n, CredregFailure *failure);

/* An empty skillset. */
extern SkillSet *credreg_skillset_empty(void);

/*
 * Level of id in s, or -1 when s does not hold id (binary search).
 */
extern int	credreg_skillset_level(const SkillSet *s, int32 id);

/* a @> b: a holds every id of b at a level >= b's level. */
extern bool credreg_skillset_contains(const SkillSet *a, const SkillSet *b);

/* ---------------------------------------------------------------------------
 * Matching policy (the jsonb keys are documented in README, competencies)
 * ---------------------------------------------------------------------------
 */
typedef struct TaxonomyPolicy
{
	int			max_hops;		/* "maxHops": broader edges per path, -1 = no limit */
	bool		close;			/* "close": allow one closeMatch hop */
	bool		exact;			/* "exactMatch": follow exactMatch (default true) */
	bool		replaced_by;	/* "replacedBy": follow replacedBy (default true) */
	bool		inherit_level;	/* "inheritLevel": levels flow up broader edges */
	bool		allow_top_level;	/* "allowTopLevel": roots/top groups allowed */
} TaxonomyPolicy;

/* Fills *policy with the defaults. */
extern void credreg_taxonomy_policy_default(TaxonomyPolicy *policy);

/*
 * Reads a jsonb policy object over the defaults.  Returns false and fills
 * *failure ("invalid_policy") on an unrecognized key or a value of the wrong
 * type; never raises on bad input.
 */
extern bool credreg_taxonomy_policy_from_jsonb(Jsonb *json, TaxonomyPolicy *policy,
											   CredregFailure *failure);
/* The policy of SQL argument argno (absent or NULL: the defaults); 22023 when invalid. */
extern void credreg_taxonomy_policy_arg(FunctionCallInfo fcinfo, int argno, TaxonomyPolicy *policy);

/* ---------------------------------------------------------------------------
 * Closure and satisfaction.  These read the taxonomy tables through a
 * per-backend cache (compiled on first use, rebuilt after the tables change),
 * so they need a transaction and may raise on catalog/SPI errors.
 * ---------------------------------------------------------------------------
 */

/* The closure of held under policy (a new palloc'd canonical skillset). */
extern SkillSet *credreg_skillset_closure(const SkillSet *held,
										  const TaxonomyPolicy *policy);

/* How one requirement is satisfied (or not). */
typedef enum TaxonomyEdge
{
	TAXONOMY_EDGE_BROADER,		/* src is narrower than dst (incl. broad/narrowMatch) */
	TAXONOMY_EDGE_EXACT,		/* exactMatch, either direction */
	TAXONOMY_EDGE_CLOSE,		/* closeMatch, either direction */
	TAXONOMY_EDGE_REPLACED_BY	/* src replacedBy dst */
} TaxonomyEdge;

typedef struct TaxonomyMatch
{
	bool		satisfied;
	int32		by;				/* held competency used, 0 when none */
	int			by_level;		/* its held level, -1 when none */
	int			hops;			/* broader hops on the path */
	int			npath;			/* competencies on the path, held first, target last */
	int32	   *path;			/* palloc'd, npath entries */
	TaxonomyEdge *via;			/* palloc'd, npath - 1 edges */
	const char *reason;			/* static text when not satisfied:
								 * "not_held", "level_too_low",
								 * "top_level_target", "unknown_competency" */
	int			best_level;		/* when level_too_low: best level reaching target */
} TaxonomyMatch;

/*
 * Whether held satisfies "target at level >= min_level" under policy; the
 * shortest path (fewest edges, then highest held level, then lowest held
 * id) is reported.  min_level 0 means any level.
 */
extern bool credreg_taxonomy_satisfies(const SkillSet *held, int32 target,
									   int min_level,
									   const TaxonomyPolicy *policy,
									   TaxonomyMatch *result);

/* Name of an edge kind as used in explanations ("broader", "exactMatch", ...). */
extern const char *credreg_taxonomy_edge_name(TaxonomyEdge edge);

/*
 * Resolves a competency reference: its URI, or "framework:code" (framework
 * by its key, e.g. "esco:S1.2", "onet:2.A.1.a").  Returns 0 when unknown.
 * Reads the tables through SPI; needs a transaction.
 */
extern int32 credreg_competency_resolve(const char *ref);

/*
 * The label of competency `id` from the compiled taxonomy (no query), in the
 * server encoding; NULL when unknown or unlabelled.  Valid until the
 * compiled taxonomy is next rebuilt: callers copy it.
 */
extern const char *credreg_competency_label(int32 id);

/*
 * credreg.skills_of over a credential already read as a tree (json/json.h),
 * for callers that hold one; raises only when the skillset is too large.
 */
struct CrJson;
extern SkillSet *credreg_skills_of(struct CrJson *credential);

#endif							/* CREDREG_TAXONOMY_H */

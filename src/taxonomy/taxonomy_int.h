/*
 * taxonomy_int.h
 *		Declarations shared between the files of the taxonomy capability and
 *		not part of its public face (taxonomy.h).
 */
#ifndef CREDREG_TAXONOMY_INT_H
#define CREDREG_TAXONOMY_INT_H

#include "access/gin.h"
#include "access/stratnum.h"
#include "utils/array.h"

#include "taxonomy/taxonomy.h"

/* skillset.c */
extern SkillSet *credreg_skillset_alloc(int32 n);
extern SkillSet *credreg_skillset_truncate(SkillSet *s, int32 n);
extern void credreg_skillset_check(const SkillSet *s);
extern char *credreg_skillset_to_cstring(const SkillSet *s);
extern int32 *credreg_int4_array(ArrayType *a, int *n, const char *what);

/* skillset_ops.c */
extern bool credreg_skillset_overlaps(const SkillSet *a, const SkillSet *b);
extern bool credreg_skillset_equal(const SkillSet *a, const SkillSet *b);

/* GIN strategies of the skillset operator class */
#define SKILLSET_OVERLAP_STRATEGY		3
#define SKILLSET_CONTAINS_STRATEGY		7
#define SKILLSET_CONTAINED_STRATEGY		8
#define SKILLSET_EQUAL_STRATEGY			6
#define SKILLSET_QUERY_STRATEGY			20

/* ---------------------------------------------------------------------------
 * skillquery: a boolean query over competencies, stored in postfix order
 * ---------------------------------------------------------------------------
 */
#define SKILLQUERY_VERSION		1
#define SKILLQUERY_MAX_ITEMS	10000

#define SQI_VAL		1			/* competency id at level >= level */
#define SQI_AND		2
#define SQI_OR		3
#define SQI_NOT		4
#define SQI_ATLEAST	5			/* at least id of the nargs operands before it */

typedef struct SkillQueryItem
{
	uint8		type;
	uint8		level;
	uint16		nargs;			/* operand count of SQI_ATLEAST, else 0 */
	int32		id;				/* SQI_VAL: competency; SQI_ATLEAST: threshold */
} SkillQueryItem;

typedef struct SkillQuery
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		flags;			/* reserved, always zero */
	uint16		unused;			/* reserved, always zero */
	int32		nitems;
	SkillQueryItem items[FLEXIBLE_ARRAY_MEMBER];
} SkillQuery;

#define SKILLQUERY_HDRSZ		offsetof(SkillQuery, items)
#define DatumGetSkillQueryP(d)	((SkillQuery *) PG_DETOAST_DATUM(d))
#define PG_GETARG_SKILLQUERY_P(n) DatumGetSkillQueryP(PG_GETARG_DATUM(n))

/* three-valued results, the same values as GinTernaryValue */
#define SQ_FALSE	0
#define SQ_TRUE		1
#define SQ_MAYBE	2

/* Value of one leaf (id, level): SQ_FALSE, SQ_TRUE or SQ_MAYBE. */
typedef int (*SkillQueryLeafFn) (void *arg, int32 id, int level);

/* skillquery.c */
extern int	credreg_skillquery_eval(const SkillQuery *q, SkillQueryLeafFn leaf, void *arg);
extern bool credreg_skillquery_match(const SkillQuery *q, const SkillSet *s);
extern void credreg_skillquery_check(const SkillQuery *q);
/* "t of (ids[0]>=levels[0], ...)" as a new skillquery. */
extern SkillQuery *credreg_skillquery_at_least(int t, const int32 *ids, const int *levels, int n);

/* GIN search mode of a skillset query with n keys (skillset_gin.c). */
extern int32 skillset_gin_search_mode(StrategyNumber strategy, int n);

/* Boolean GIN consistent function from a ternary one (skillset_gin.c). */
typedef GinTernaryValue (*SkillsetGinTriConsistent) (StrategyNumber strategy, Datum query,
													  GinTernaryValue *check, int32 nkeys,
													  Pointer *extra_data);
extern Datum skillset_gin_bool_consistent(FunctionCallInfo fcinfo, SkillsetGinTriConsistent tri);

#endif							/* CREDREG_TAXONOMY_INT_H */

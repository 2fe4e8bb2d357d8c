/*
 * skillset_gin_level.c
 *		A second GIN operator class for skillset, skillset_level_ops, whose
 *		keys carry levels, so that "holds X at level >= L" is answered by the
 *		index alone for L <= SKILLSET_GIN_LEVELS.
 *
 * Keys are int8: (id << 8) | t.  Every item emits t = 0 (presence) and
 * t = 1 .. min(level, SKILLSET_GIN_LEVELS) ("held at level >= t").  A query
 * item (id, L) asks for key (id, min(L, SKILLSET_GIN_LEVELS)); it is exact
 * when L <= SKILLSET_GIN_LEVELS and rechecked otherwise.  The index is about
 * (1 + mean level) times larger than skillset_ops'; README compares both.
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"

#define SKILLSET_GIN_LEVELS 5

typedef struct GinLevelInfo
{
	int			nkeys;
	bool		lossy;
	int64	   *keys;			/* sorted distinct */
	GinTernaryValue *check;
} GinLevelInfo;

static inline int64
LevelKey(int32 id, int t)
{
	return ((int64) id << 8) | (int64) Min(t, SKILLSET_GIN_LEVELS);
}

static int
Int64Cmp(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

PG_FUNCTION_INFO_V1(skillset_gin_level_extract_value);
/* Keys of an indexed skillset: presence and level thresholds of each item. */
Datum
skillset_gin_level_extract_value(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys;
	int			i,
				t,
				n = 0;

	keys = palloc(sizeof(Datum) * Max(s->nitems * (1 + SKILLSET_GIN_LEVELS), 1));
	for (i = 0; i < s->nitems; i++)
		for (t = 0; t <= Min(SKILLSET_LEVELS(s)[i], SKILLSET_GIN_LEVELS); t++)
			keys[n++] = Int64GetDatum(LevelKey(SKILLSET_IDS(s)[i], t));
	*nentries = n;
	PG_RETURN_POINTER(keys);
}

static int
AllFalse(void *arg, int32 id, int level)
{
	return SQ_FALSE;
}

PG_FUNCTION_INFO_V1(skillset_gin_level_extract_query);
/* Keys of a query; search modes as in skillset_ops. */
Datum
skillset_gin_level_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	GinLevelInfo *info = palloc0(sizeof(GinLevelInfo));
	int64	   *k;
	int			n = 0,
				i;
	Datum	   *keys = NULL;

	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	if (strategy == SKILLSET_QUERY_STRATEGY)
	{
		SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);

		credreg_skillquery_check(q);
		k = palloc(sizeof(int64) * q->nitems);
		for (i = 0; i < q->nitems; i++)
		{
			if (q->items[i].type != SQI_VAL)
				continue;
			k[n++] = LevelKey(q->items[i].id, q->items[i].level);
			if (q->items[i].level > SKILLSET_GIN_LEVELS)
				info->lossy = true;
		}
		if (credreg_skillquery_eval(q, AllFalse, NULL) != SQ_FALSE)
			*searchMode = GIN_SEARCH_MODE_ALL;
	}
	else
	{
		SkillSet   *s = PG_GETARG_SKILLSET_P(0);
		bool		levels = (strategy == SKILLSET_CONTAINS_STRATEGY);

		k = palloc(sizeof(int64) * Max(s->nitems, 1));
		for (i = 0; i < s->nitems; i++)
		{
			/* only @> looks at levels through the keys; the others use presence */
			k[n++] = LevelKey(SKILLSET_IDS(s)[i], levels ? SKILLSET_LEVELS(s)[i] : 0);
			if (levels && SKILLSET_LEVELS(s)[i] > SKILLSET_GIN_LEVELS)
				info->lossy = true;
		}
		*searchMode = skillset_gin_search_mode(strategy, n);
	}
	if (n > 1)
	{
		int			m = 1;

		qsort(k, n, sizeof(int64), Int64Cmp);
		for (i = 1; i < n; i++)
			if (k[i] != k[m - 1])
				k[m++] = k[i];
		n = m;
	}
	info->nkeys = n;
	info->keys = k;
	if (n > 0)
	{
		keys = palloc(sizeof(Datum) * n);
		for (i = 0; i < n; i++)
			keys[i] = Int64GetDatum(k[i]);
		*extra_data = palloc0(sizeof(Pointer) * n);
		(*extra_data)[0] = (Pointer) info;
	}
	*nentries = n;
	PG_RETURN_POINTER(keys);
}

static int
LevelLeaf(void *arg, int32 id, int level)
{
	GinLevelInfo *info = arg;
	int64		key = LevelKey(id, level);
	int64	   *hit = bsearch(&key, info->keys, info->nkeys, sizeof(int64), Int64Cmp);
	GinTernaryValue v;

	Assert(hit != NULL);
	v = info->check[hit - info->keys];
	if (v == GIN_FALSE)
		return SQ_FALSE;
	if (v == GIN_TRUE && level <= SKILLSET_GIN_LEVELS)
		return SQ_TRUE;
	return SQ_MAYBE;
}

static GinTernaryValue
LevelTriConsistent(StrategyNumber strategy, Datum query, GinTernaryValue *check,
				   int32 nkeys, Pointer *extra_data)
{
	GinLevelInfo *info = (nkeys > 0) ? (GinLevelInfo *) extra_data[0] : NULL;
	int			i;
	bool		maybe = false;

	switch (strategy)
	{
		case SKILLSET_OVERLAP_STRATEGY:
			for (i = 0; i < nkeys; i++)
			{
				if (check[i] == GIN_TRUE)
					return GIN_TRUE;
				if (check[i] == GIN_MAYBE)
					maybe = true;
			}
			return maybe ? GIN_MAYBE : GIN_FALSE;
		case SKILLSET_CONTAINS_STRATEGY:
			for (i = 0; i < nkeys; i++)
			{
				if (check[i] == GIN_FALSE)
					return GIN_FALSE;
				if (check[i] == GIN_MAYBE)
					maybe = true;
			}
			return (maybe || (info && info->lossy)) ? GIN_MAYBE : GIN_TRUE;
		case SKILLSET_CONTAINED_STRATEGY:
			return GIN_MAYBE;
		case SKILLSET_EQUAL_STRATEGY:
			for (i = 0; i < nkeys; i++)
				if (check[i] == GIN_FALSE)
					return GIN_FALSE;
			return GIN_MAYBE;
		case SKILLSET_QUERY_STRATEGY:
			{
				SkillQuery *q = DatumGetSkillQueryP(query);
				int			r;

				Assert(info != NULL);
				info->check = check;
				r = credreg_skillquery_eval(q, LevelLeaf, info);
				return r == SQ_TRUE ? GIN_TRUE : (r == SQ_FALSE ? GIN_FALSE : GIN_MAYBE);
			}
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
			return GIN_FALSE;	/* keep compiler quiet */
	}
}

PG_FUNCTION_INFO_V1(skillset_gin_level_consistent);
/* Boolean consistency with recheck. */
Datum
skillset_gin_level_consistent(PG_FUNCTION_ARGS)
{
	return skillset_gin_bool_consistent(fcinfo, LevelTriConsistent);
}

PG_FUNCTION_INFO_V1(skillset_gin_level_triconsistent);
/* Ternary consistency; never TRUE where the heap value must decide. */
Datum
skillset_gin_level_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	Datum		query = PG_GETARG_DATUM(2);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);

	PG_RETURN_GIN_TERNARY_VALUE(LevelTriConsistent(strategy, query, check, nkeys, extra_data));
}

/*
 * skillset_gin.c
 *		GIN operator class for skillset, modelled on intarray's _int_gin.c.
 *
 * Keys are the competency ids (int4).  Levels are not in the index: a query
 * item with a level > 0 can only be confirmed by the heap value, so those
 * strategies ask for a recheck; queries with only level-0 items on @>, &&
 * and @@ without level leaves are answered exactly.  (Measured in
 * bench/taxonomy_bench.sql: id keys keep the index at one key per item,
 * and the recheck of the few candidate rows is cheap; see README.)
 *
 *   &&   any key                                   exact
 *   @>   every key                                 recheck when a level > 0;
 *                                                  empty query: every row
 *   <@   any key, plus rows with no key            always recheck
 *   =    every key (empty query: rows with no key) always recheck
 *   @@   query over keys, three-valued             recheck on level leaves;
 *                                                  every row when the query
 *                                                  can hold with no key
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"

/*
 * The GIN search mode of a skillset query with n keys, per strategy, as
 * intarray settles the empty-set cases (both operator classes use it).
 */
int32
skillset_gin_search_mode(StrategyNumber strategy, int n)
{
	switch (strategy)
	{
		case SKILLSET_OVERLAP_STRATEGY:
			/* nothing overlaps the empty set: no key, default mode */
			return GIN_SEARCH_MODE_DEFAULT;
		case SKILLSET_CONTAINS_STRATEGY:
			/* everything contains the empty set */
			return n == 0 ? GIN_SEARCH_MODE_ALL : GIN_SEARCH_MODE_DEFAULT;
		case SKILLSET_CONTAINED_STRATEGY:
		case SKILLSET_EQUAL_STRATEGY:
			/* the empty set is contained in everything */
			return GIN_SEARCH_MODE_INCLUDE_EMPTY;
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
	}
	return GIN_SEARCH_MODE_DEFAULT;	/* keep compiler quiet */
}

/* What extractQuery leaves for consistent (in extra_data[0]). */
typedef struct GinQueryInfo
{
	int			nkeys;
	bool		lossy;			/* some query item has a level > 0 */
	int32	   *keys;			/* sorted distinct ids (the GIN keys) */
	GinTernaryValue *check;		/* used by the @@ leaf callback */
} GinQueryInfo;

static int
Int32Cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a,
				y = *(const int32 *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

PG_FUNCTION_INFO_V1(skillset_gin_extract_value);
/* The keys of an indexed skillset: its ids. */
Datum
skillset_gin_extract_value(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys = NULL;
	int			i;

	*nentries = s->nitems;
	if (s->nitems > 0)
	{
		keys = palloc(sizeof(Datum) * s->nitems);
		for (i = 0; i < s->nitems; i++)
			keys[i] = Int32GetDatum(SKILLSET_IDS(s)[i]);
	}
	PG_RETURN_POINTER(keys);
}

static int
AllFalseLeaf(void *arg, int32 id, int level)
{
	return SQ_FALSE;
}

PG_FUNCTION_INFO_V1(skillset_gin_extract_query);
/* The keys of a query and the search mode of its strategy. */
Datum
skillset_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	GinQueryInfo *info = palloc0(sizeof(GinQueryInfo));
	int32	   *ids;
	int			n = 0,
				i;
	Datum	   *keys = NULL;

	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	if (strategy == SKILLSET_QUERY_STRATEGY)
	{
		SkillQuery *q = PG_GETARG_SKILLQUERY_P(0);

		credreg_skillquery_check(q);
		ids = palloc(sizeof(int32) * q->nitems);
		for (i = 0; i < q->nitems; i++)
		{
			if (q->items[i].type != SQI_VAL)
				continue;
			ids[n++] = q->items[i].id;
			if (q->items[i].level > 0)
				info->lossy = true;
		}
		if (credreg_skillquery_eval(q, AllFalseLeaf, NULL) != SQ_FALSE)
			*searchMode = GIN_SEARCH_MODE_ALL;
	}
	else
	{
		SkillSet   *s = PG_GETARG_SKILLSET_P(0);

		ids = palloc(sizeof(int32) * Max(s->nitems, 1));
		for (i = 0; i < s->nitems; i++)
		{
			ids[n++] = SKILLSET_IDS(s)[i];
			if (SKILLSET_LEVELS(s)[i] > 0)
				info->lossy = true;
		}
		*searchMode = skillset_gin_search_mode(strategy, n);
	}
	if (n > 1)
	{
		int			k = 1;

		qsort(ids, n, sizeof(int32), Int32Cmp);
		for (i = 1; i < n; i++)
			if (ids[i] != ids[k - 1])
				ids[k++] = ids[i];
		n = k;
	}
	info->nkeys = n;
	info->keys = ids;
	if (n > 0)
	{
		keys = palloc(sizeof(Datum) * n);
		for (i = 0; i < n; i++)
			keys[i] = Int32GetDatum(ids[i]);
		*extra_data = palloc0(sizeof(Pointer) * n);
		(*extra_data)[0] = (Pointer) info;
	}
	*nentries = n;
	PG_RETURN_POINTER(keys);
}

/* @@ leaf over the key check array. */
static int
GinLeaf(void *arg, int32 id, int level)
{
	GinQueryInfo *info = arg;
	int32	   *hit = bsearch(&id, info->keys, info->nkeys, sizeof(int32), Int32Cmp);
	GinTernaryValue v;

	Assert(hit != NULL);
	v = info->check[hit - info->keys];
	if (v == GIN_FALSE)
		return SQ_FALSE;
	if (v == GIN_TRUE && level == 0)
		return SQ_TRUE;
	return SQ_MAYBE;
}

/* Three-valued consistency shared by consistent and triConsistent. */
static GinTernaryValue
TriConsistent(StrategyNumber strategy, Datum query, GinTernaryValue *check,
			  int32 nkeys, Pointer *extra_data)
{
	GinQueryInfo *info = (nkeys > 0) ? (GinQueryInfo *) extra_data[0] : NULL;
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
			/* the indexed value may hold ids the query lacks: heap decides */
			return GIN_MAYBE;
		case SKILLSET_EQUAL_STRATEGY:
			for (i = 0; i < nkeys; i++)
				if (check[i] == GIN_FALSE)
					return GIN_FALSE;
			return GIN_MAYBE;
		case SKILLSET_QUERY_STRATEGY:
			{
				SkillQuery *q = DatumGetSkillQueryP(query);
				GinQueryInfo empty = {0};
				int			r;

				if (info == NULL)
					info = &empty;
				info->check = check;
				r = credreg_skillquery_eval(q, GinLeaf, info);
				return r == SQ_TRUE ? GIN_TRUE : (r == SQ_FALSE ? GIN_FALSE : GIN_MAYBE);
			}
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
			return GIN_FALSE;	/* keep compiler quiet */
	}
}

/*
 * GIN's boolean consistent function answered by an operator class's ternary
 * one: MAYBE means "matches, recheck on the heap row".  Both skillset
 * operator classes use it.
 */
Datum
skillset_gin_bool_consistent(FunctionCallInfo fcinfo, SkillsetGinTriConsistent tri)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	Datum		query = PG_GETARG_DATUM(2);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	GinTernaryValue *tcheck = palloc(sizeof(GinTernaryValue) * Max(nkeys, 1));
	GinTernaryValue r;
	int			i;

	for (i = 0; i < nkeys; i++)
		tcheck[i] = check[i] ? GIN_TRUE : GIN_FALSE;
	r = tri(strategy, query, tcheck, nkeys, extra_data);
	pfree(tcheck);
	*recheck = (r == GIN_MAYBE);
	PG_RETURN_BOOL(r != GIN_FALSE);
}

PG_FUNCTION_INFO_V1(skillset_gin_consistent);
/* Boolean consistency with recheck. */
Datum
skillset_gin_consistent(PG_FUNCTION_ARGS)
{
	return skillset_gin_bool_consistent(fcinfo, TriConsistent);
}

PG_FUNCTION_INFO_V1(skillset_gin_triconsistent);
/* Ternary consistency; never TRUE where the heap value must decide. */
Datum
skillset_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	Datum		query = PG_GETARG_DATUM(2);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);

	PG_RETURN_GIN_TERNARY_VALUE(TriConsistent(strategy, query, check, nkeys, extra_data));
}

/*
 * readiness.c
 *		How ready a learner is for an occupation: occupation_id(),
 *		readiness_score() and readiness_query() (the index filter of the
 *		recruiter's "at least 80% ready" report).
 *
 * A requirement is satisfied under the closure rules of taxonomy.h: the
 * closure of the held set (narrower held skills reach their broader ones,
 * never the reverse) holds it at or above its level.  The essential share is
 * weighted by importance: O*NET's 1..5 rating where the source gives one,
 * else 3 ("Important", the middle of that scale), so an occupation whose
 * requirements are all unrated (ESCO) gets the plain share.  readiness()
 * (SQL, readiness.sql) explains the same verdicts through match().
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "citus/citus.h"
#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"
#include "taxonomy/closure.h"

/* weight of a requirement its source does not rate */
#define READINESS_DEFAULT_IMPORTANCE	3.0

/* The essential requirements of one occupation, kept for one call site. */
typedef struct OccupationEssentials
{
	char	   *ref;			/* the occupation reference as given */
	int32		occupation;
	int			n;
	int32	   *ids;
	int		   *levels;
	double	   *weights;
	double		total;			/* sum of weights */
} OccupationEssentials;

/*
 * Id of an occupation given by URI or framework:code; an error when the
 * reference is unknown or names a competency that is not an occupation.
 */
static int32
ResolveOccupation(const char *ref)
{
	int32		id = credreg_competency_resolve(ref);

	if (id != 0)
	{
		/* the local relation by name: on Citus, the reference table's placement */
		char	   *sql = psprintf("SELECT 1 FROM %s WHERE id OPERATOR(pg_catalog.=) %d"
									 " AND kind OPERATOR(pg_catalog.=) 'occupation'",
									 credreg_local_table_name("competency"), id);
		bool		found;

		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute(sql, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "could not read the competency table");
		found = SPI_processed == 1;
		SPI_finish();
		if (found)
			return id;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("competency \"%s\" is not an occupation", ref),
				 errdetail("It resolves to \"%s\".", credreg_competency_label(id))));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unrecognized occupation reference \"%s\"", ref),
			 errhint("Give an occupation URI or framework:code (e.g. esco:2511.1, onet:15-1252.00) of an imported framework.")));
	return 0;					/* keep compiler quiet */
}

/* Loads the essentials of ref into a struct allocated in cxt. */
static OccupationEssentials *
LoadEssentials(const char *ref, MemoryContext cxt)
{
	int32		occ = ResolveOccupation(ref);
	OccupationEssentials *oe = MemoryContextAllocZero(cxt, sizeof(OccupationEssentials));
	char	   *sql;
	uint64		i;

	oe->ref = MemoryContextStrdup(cxt, ref);
	oe->occupation = occ;
	sql = psprintf("SELECT competency, level, coalesce(importance, %g)::pg_catalog.float8"
				   " FROM %s WHERE occupation OPERATOR(pg_catalog.=) %d"
				   " AND kind OPERATOR(pg_catalog.=) 'essential' ORDER BY competency",
				   READINESS_DEFAULT_IMPORTANCE, credreg_local_table_name("occupation_requirement"), occ);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the occupation_requirement table");
	oe->n = (int) SPI_processed;
	oe->ids = MemoryContextAlloc(cxt, sizeof(int32) * Max(oe->n, 1));
	oe->levels = MemoryContextAlloc(cxt, sizeof(int) * Max(oe->n, 1));
	oe->weights = MemoryContextAlloc(cxt, sizeof(double) * Max(oe->n, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;

		oe->ids[i] = DatumGetInt32(SPI_getbinval(tup, td, 1, &isnull));
		oe->levels[i] = DatumGetInt32(SPI_getbinval(tup, td, 2, &isnull));
		oe->weights[i] = DatumGetFloat8(SPI_getbinval(tup, td, 3, &isnull));
		oe->total += oe->weights[i];
	}
	SPI_finish();
	return oe;
}

/*
 * The essentials of the occupation named by argument argno, from the call
 * site's cache (fn_extra lives as long as the query: the requirement table
 * does not change under a running statement).
 */
static OccupationEssentials *
EssentialsArg(FunctionCallInfo fcinfo, int argno)
{
	char	   *ref = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	OccupationEssentials *oe = fcinfo->flinfo->fn_extra;

	if (oe == NULL || strcmp(oe->ref, ref) != 0)
	{
		oe = LoadEssentials(ref, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = oe;
	}
	return oe;
}

PG_FUNCTION_INFO_V1(occupation_id);
/* occupation_id(ref text): the occupation's competency id */
Datum
occupation_id(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ResolveOccupation(text_to_cstring(PG_GETARG_TEXT_PP(0))));
}

PG_FUNCTION_INFO_V1(readiness_score);
/*
 * readiness_score(held, occupation, policy): the importance-weighted share
 * of essential requirements the closure of held satisfies (1 when the
 * occupation has none).
 */
Datum
readiness_score(PG_FUNCTION_ARGS)
{
	SkillSet   *held = PG_GETARG_SKILLSET_P(0);
	OccupationEssentials *oe = EssentialsArg(fcinfo, 1);
	TaxonomyPolicy policy;
	SkillSet   *closure;
	TaxonomyGraph *g;
	double		have = 0;
	int			i;

	credreg_taxonomy_policy_arg(fcinfo, 2, &policy);
	if (oe->n == 0 || oe->total <= 0)
		PG_RETURN_FLOAT8(1.0);
	closure = credreg_skillset_closure(held, &policy);
	g = credreg_taxonomy_graph();
	for (i = 0; i < oe->n; i++)
	{
		int			idx = credreg_taxonomy_index(g, oe->ids[i]);

		/* as credreg_taxonomy_satisfies(): a top-level target never is */
		if (idx >= 0 && g->top_level[idx] && !policy.allow_top_level)
			continue;
		if (credreg_skillset_level(closure, oe->ids[i]) >= oe->levels[i])
			have += oe->weights[i];
	}
	pfree(closure);
	PG_RETURN_FLOAT8(have / oe->total);
}

typedef struct WeightOrder
{
	double		weight;
	int			i;
} WeightOrder;

static int
WeightDesc(const void *a, const void *b)
{
	const WeightOrder *x = a,
			   *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->i - y->i;
}

PG_FUNCTION_INFO_V1(readiness_query);
/*
 * readiness_query(occupation, threshold): a skillquery that every closed
 * skillset with readiness_score >= threshold satisfies: "t of (e1>=l1, ...)"
 * over the essentials, t the fewest essentials whose largest weights reach
 * threshold x total weight (ceil(threshold x n) when all weigh the same).
 * It is a necessary condition only when weights differ, so the recruiter's
 * report rechecks readiness_score; its value is that GIN answers it from
 * the skillset index: the GIN scan fetches postings only for the n - t + 1
 * rarest keys (any learner holding t of n essentials holds one of them) and
 * counts the other keys for those candidates alone.  Top-level essentials
 * (never satisfied) are left out; with no reachable essential the query is
 * "0 of ()", true for everyone.
 */
Datum
readiness_query(PG_FUNCTION_ARGS)
{
	OccupationEssentials *oe = EssentialsArg(fcinfo, 0);
	double		threshold = PG_GETARG_FLOAT8(1);
	TaxonomyGraph *g = credreg_taxonomy_graph();
	WeightOrder *order = palloc(sizeof(WeightOrder) * Max(oe->n, 1));
	int32	   *ids = palloc(sizeof(int32) * Max(oe->n, 1));
	int		   *levels = palloc(sizeof(int) * Max(oe->n, 1));
	int			n = 0,
				t = 0,
				i;
	double		need,
				sum = 0;

	if (isnan(threshold) || threshold < 0 || threshold > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("readiness threshold must be between 0 and 1")));
	for (i = 0; i < oe->n; i++)
	{
		int			idx = credreg_taxonomy_index(g, oe->ids[i]);

		if (idx >= 0 && g->top_level[idx])
			continue;
		order[n].weight = oe->weights[i];
		order[n].i = n;
		ids[n] = oe->ids[i];
		levels[n++] = oe->levels[i];
	}
	qsort(order, n, sizeof(WeightOrder), WeightDesc);
	/* the total counts unreachable essentials too: they lower every score */
	need = threshold * oe->total * (1 - 1e-12);
	while (t < n && sum < need)
		sum += order[t++].weight;
	PG_RETURN_POINTER(credreg_skillquery_at_least(t, ids, levels, n));
}

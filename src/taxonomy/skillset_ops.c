/*
 * skillset_ops.c
 *		Operators of the skillset type.  All work by merging the two sorted
 *		id arrays; none allocates more than its result.
 *
 *   a @> b   every id of b is in a at a level >= b's level
 *   a <@ b   b @> a
 *   a && b   a and b share an id (levels ignored)
 *   a = b    same ids with the same levels
 *   a | b    union; a shared id keeps the higher level
 *   a & b    shared ids with the lower of the two levels
 *   a - b    the items of a that b does not cover (id absent from b or
 *            held in b at a lower level): gap(held, required) = required - held
 *   # a      number of items
 */
#include "postgres.h"

#include "miscadmin.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"

bool
credreg_skillset_contains(const SkillSet *a, const SkillSet *b)
{
	const int32 *ai = SKILLSET_IDS(a),
			   *bi = SKILLSET_IDS(b);
	const uint8 *al = SKILLSET_LEVELS(a),
			   *bl = SKILLSET_LEVELS(b);
	int			i = 0,
				j = 0;

	if (b->nitems > a->nitems)
		return false;
	while (j < b->nitems)
	{
		while (i < a->nitems && ai[i] < bi[j])
			i++;
		if (i >= a->nitems || ai[i] != bi[j] || al[i] < bl[j])
			return false;
		i++;
		j++;
	}
	return true;
}

bool
credreg_skillset_overlaps(const SkillSet *a, const SkillSet *b)
{
	const int32 *ai = SKILLSET_IDS(a),
			   *bi = SKILLSET_IDS(b);
	int			i = 0,
				j = 0;

	while (i < a->nitems && j < b->nitems)
	{
		if (ai[i] == bi[j])
			return true;
		if (ai[i] < bi[j])
			i++;
		else
			j++;
	}
	return false;
}

bool
credreg_skillset_equal(const SkillSet *a, const SkillSet *b)
{
	return a->nitems == b->nitems &&
		memcmp(SKILLSET_IDS(a), SKILLSET_IDS(b), a->nitems * sizeof(int32)) == 0 &&
		memcmp(SKILLSET_LEVELS(a), SKILLSET_LEVELS(b), a->nitems) == 0;
}

#define BOOL_OP(fname, expr) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	SkillSet   *a = PG_GETARG_SKILLSET_P(0); \
	SkillSet   *b = PG_GETARG_SKILLSET_P(1); \
	bool		r = (expr); \
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	PG_RETURN_BOOL(r); \
}

/* a @> b */
BOOL_OP(skillset_contains, credreg_skillset_contains(a, b))
/* a <@ b */
BOOL_OP(skillset_contained, credreg_skillset_contains(b, a))
/* a && b */
BOOL_OP(skillset_overlap, credreg_skillset_overlaps(a, b))
/* a = b */
BOOL_OP(skillset_eq, credreg_skillset_equal(a, b))
/* a <> b */
BOOL_OP(skillset_ne, !credreg_skillset_equal(a, b))

typedef enum SetOp
{
	SETOP_UNION,
	SETOP_INTERSECT,
	SETOP_MINUS
} SetOp;

static SkillSet *
SkillSetCombine(const SkillSet *a, const SkillSet *b, SetOp op)
{
	SkillSet   *r = credreg_skillset_alloc(a->nitems + (op == SETOP_UNION ? b->nitems : 0));
	const int32 *ai = SKILLSET_IDS(a),
			   *bi = SKILLSET_IDS(b);
	const uint8 *al = SKILLSET_LEVELS(a),
			   *bl = SKILLSET_LEVELS(b);
	int32	   *ri = SKILLSET_IDS(r);
	uint8	   *rl = SKILLSET_LEVELS(r);
	int			i = 0,
				j = 0,
				k = 0;

	while (i < a->nitems || j < b->nitems)
	{
		if (j >= b->nitems || (i < a->nitems && ai[i] < bi[j]))
		{
			if (op != SETOP_INTERSECT)
			{
				ri[k] = ai[i];
				rl[k++] = al[i];
			}
			i++;
		}
		else if (i >= a->nitems || bi[j] < ai[i])
		{
			if (op == SETOP_UNION)
			{
				ri[k] = bi[j];
				rl[k++] = bl[j];
			}
			j++;
		}
		else
		{
			switch (op)
			{
				case SETOP_UNION:
					ri[k] = ai[i];
					rl[k++] = Max(al[i], bl[j]);
					break;
				case SETOP_INTERSECT:
					ri[k] = ai[i];
					rl[k++] = Min(al[i], bl[j]);
					break;
				case SETOP_MINUS:
					if (bl[j] < al[i])
					{
						ri[k] = ai[i];
						rl[k++] = al[i];
					}
					break;
			}
			i++;
			j++;
		}
	}
	if (k > SKILLSET_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("skillset cannot have more than %d items", SKILLSET_MAX_ITEMS)));
	if (k == r->nitems)
		return r;
	return credreg_skillset_truncate(r, k);
}

#define SET_OP(fname, op) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	SkillSet   *a = PG_GETARG_SKILLSET_P(0); \
	SkillSet   *b = PG_GETARG_SKILLSET_P(1); \
	PG_RETURN_SKILLSET_P(SkillSetCombine(a, b, op)); \
}

/* a | b */
SET_OP(skillset_union, SETOP_UNION)
/* a & b */
SET_OP(skillset_intersect, SETOP_INTERSECT)
/* a - b */
SET_OP(skillset_minus, SETOP_MINUS)

PG_FUNCTION_INFO_V1(skillset_count);
/* # a */
Datum
skillset_count(PG_FUNCTION_ARGS)
{
	SkillSet   *a = PG_GETARG_SKILLSET_P(0);
	int32		n = a->nitems;

	PG_FREE_IF_COPY(a, 0);
	PG_RETURN_INT32(n);
}

PG_FUNCTION_INFO_V1(skillset_union_agg);
/* Transition and combine function of the union aggregate. */
Datum
skillset_union_agg(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(PG_GETARG_DATUM(1));
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_SKILLSET_P(SkillSetCombine(PG_GETARG_SKILLSET_P(0),
										 PG_GETARG_SKILLSET_P(1), SETOP_UNION));
}

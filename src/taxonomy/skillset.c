/*
 * skillset.c
 *		The skillset type: construction in canonical form, text and binary
 *		I/O, and conversions to and from arrays.
 *
 * Text format: '{' [ item { ',' item } ] '}' where item is `id` or
 * `id:level`, id a positive int4, level 0..100 (a missing level is 0);
 * whitespace is allowed around every token.  Input may list items in any
 * order; a repeated id keeps its highest level.  Output is canonical:
 * ascending ids, `:level` omitted when the level is 0.
 *
 * Binary format: version byte (1), int32 count, then count pairs of
 * (int32 id, uint8 level) in ascending id order; recv accepts only the
 * canonical form.
 */
#include "postgres.h"

#include <limits.h>

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "funcapi.h"

#include "taxonomy/taxonomy.h"
#include "taxonomy/taxonomy_int.h"

typedef struct SkillPair
{
	int32		id;
	int32		level;
} SkillPair;

static int
SkillPairCmp(const void *a, const void *b)
{
	const SkillPair *pa = a;
	const SkillPair *pb = b;

	if (pa->id != pb->id)
		return pa->id < pb->id ? -1 : 1;
	/* higher level first, so the kept duplicate is the highest */
	if (pa->level != pb->level)
		return pa->level > pb->level ? -1 : 1;
	return 0;
}

SkillSet *
credreg_skillset_alloc(int32 n)
{
	Size		size = SkillSetSize(n);
	SkillSet   *s = palloc0(size);

	SET_VARSIZE(s, size);
	s->version = SKILLSET_VERSION;
	s->nitems = n;
	return s;
}

SkillSet *
credreg_skillset_empty(void)
{
	return credreg_skillset_alloc(0);
}

/*
 * Shrinks a skillset allocated for more items than it holds: the levels
 * array follows the ids, so it is moved down.
 */
SkillSet *
credreg_skillset_truncate(SkillSet *s, int32 n)
{
	SkillSet   *r;

	Assert(n <= s->nitems);
	r = credreg_skillset_alloc(n);
	memcpy(SKILLSET_IDS(r), SKILLSET_IDS(s), n * sizeof(int32));
	memcpy(SKILLSET_LEVELS(r), SKILLSET_LEVELS(s), n);
	return r;
}

SkillSet *
credreg_skillset_build(const int32 *ids, const int32 *levels, int n,
					   CredregFailure *failure)
{
	SkillPair  *pairs;
	SkillSet   *s;
	int			i,
				k;

	if (n < 0 || n > SKILLSET_MAX_ITEMS)
	{
		credreg_fail(failure, "malformed",
					 "skillset cannot have more than %d items", SKILLSET_MAX_ITEMS);
		return NULL;
	}
	pairs = palloc(sizeof(SkillPair) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		int32		level = levels ? levels[i] : 0;

		if (ids[i] <= 0)
		{
			credreg_fail(failure, "malformed",
						 "skillset competency id must be greater than zero, not %d", ids[i]);
			pfree(pairs);
			return NULL;
		}
		if (level < 0 || level > SKILLSET_MAX_LEVEL)
		{
			credreg_fail(failure, "malformed",
						 "skillset level must be between 0 and %d, not %d",
						 SKILLSET_MAX_LEVEL, level);
			pfree(pairs);
			return NULL;
		}
		pairs[i].id = ids[i];
		pairs[i].level = level;
	}
	if (n > 1)
		qsort(pairs, n, sizeof(SkillPair), SkillPairCmp);
	for (i = 0, k = 0; i < n; i++)
	{
		if (k > 0 && pairs[k - 1].id == pairs[i].id)
			continue;
		pairs[k++] = pairs[i];
	}
	s = credreg_skillset_alloc(k);
	for (i = 0; i < k; i++)
	{
		SKILLSET_IDS(s)[i] = pairs[i].id;
		SKILLSET_LEVELS(s)[i] = (uint8) pairs[i].level;
	}
	pfree(pairs);
	return s;
}

/*
 * Checks a stored value: version, reserved fields, bounds, canonical order.
 * Values come from our own functions, so a failure is a corrupt datum.
 */
void
credreg_skillset_check(const SkillSet *s)
{
	if (s->version != SKILLSET_VERSION || s->flags != 0 || s->unused != 0 ||
		s->nitems < 0 || s->nitems > SKILLSET_MAX_ITEMS ||
		VARSIZE(s) != SkillSetSize(s->nitems))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid skillset value"),
				 errdetail("Unsupported version %d or inconsistent size.", s->version)));
}

int
credreg_skillset_level(const SkillSet *s, int32 id)
{
	int			lo = 0,
				hi = s->nitems - 1;
	const int32 *ids = SKILLSET_IDS(s);

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (ids[mid] == id)
			return SKILLSET_LEVELS(s)[mid];
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* ---------------------------------------------------------------------------
 * Text I/O
 * ---------------------------------------------------------------------------
 */

#define SKIP_SPACE(p) while (*(p) == ' ' || *(p) == '\t' || *(p) == '\n' || *(p) == '\r') (p)++

/* Reads a decimal integer within [0, max]; false on syntax or range error. */
static bool
ReadNumber(const char **pp, int64 max, int64 *out)
{
	const char *p = *pp;
	int64		v = 0;

	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
	{
		v = v * 10 + (*p - '0');
		if (v > max)
			return false;
		p++;
	}
	*pp = p;
	*out = v;
	return true;
}

static SkillSet *
SkillSetParse(const char *str, Node *escontext)
{
	const char *p = str;
	int			cap = 16,
				n = 0;
	int32	   *ids = palloc(cap * sizeof(int32));
	int32	   *levels = palloc(cap * sizeof(int32));
	CredregFailure failure;
	SkillSet   *result;

	SKIP_SPACE(p);
	if (*p != '{')
		ereturn(escontext, NULL,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type skillset: \"%s\"", str),
				 errdetail("Skillset contents must start with \"{\".")));
	p++;
	SKIP_SPACE(p);
	if (*p != '}')
	{
		for (;;)
		{
			int64		id,
						level = 0;
			const char *start;

			SKIP_SPACE(p);
			start = p;
			if (!ReadNumber(&p, PG_INT32_MAX, &id) || id == 0)
				ereturn(escontext, NULL,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type skillset: \"%s\"", str),
						 errdetail("Expected a competency id (an integer from 1 to 2147483647) at character %d.",
								   (int) (start - str) + 1)));
			SKIP_SPACE(p);
			if (*p == ':')
			{
				p++;
				SKIP_SPACE(p);
				start = p;
				if (!ReadNumber(&p, SKILLSET_MAX_LEVEL, &level))
					ereturn(escontext, NULL,
							(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							 errmsg("invalid input syntax for type skillset: \"%s\"", str),
							 errdetail("Expected a level from 0 to %d at character %d.",
									   SKILLSET_MAX_LEVEL, (int) (start - str) + 1)));
				SKIP_SPACE(p);
			}
			if (n >= SKILLSET_MAX_ITEMS)
				ereturn(escontext, NULL,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("skillset cannot have more than %d items", SKILLSET_MAX_ITEMS)));
			if (n == cap)
			{
				cap *= 2;
				ids = repalloc(ids, cap * sizeof(int32));
				levels = repalloc(levels, cap * sizeof(int32));
			}
			ids[n] = (int32) id;
			levels[n] = (int32) level;
			n++;
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p == '}')
				break;
			ereturn(escontext, NULL,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type skillset: \"%s\"", str),
					 errdetail("Expected \",\" or \"}\" at character %d.", (int) (p - str) + 1)));
		}
	}
	p++;
	SKIP_SPACE(p);
	if (*p != '\0')
		ereturn(escontext, NULL,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type skillset: \"%s\"", str),
				 errdetail("Junk after closing right brace.")));
	result = credreg_skillset_build(ids, levels, n, &failure);
	if (result == NULL)
		ereturn(escontext, NULL,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type skillset: \"%s\"", str),
				 errdetail("%s.", failure.message)));
	pfree(ids);
	pfree(levels);
	return result;
}

PG_FUNCTION_INFO_V1(skillset_in);
/* Text to skillset. */
Datum
skillset_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	SkillSet   *s = SkillSetParse(str, fcinfo->context);

	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_SKILLSET_P(s);
}

char *
credreg_skillset_to_cstring(const SkillSet *s)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < s->nitems; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d", SKILLSET_IDS(s)[i]);
		if (SKILLSET_LEVELS(s)[i] != 0)
			appendStringInfo(&buf, ":%d", SKILLSET_LEVELS(s)[i]);
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

PG_FUNCTION_INFO_V1(skillset_out);
/* Skillset to text. */
Datum
skillset_out(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	char	   *r;

	credreg_skillset_check(s);
	r = credreg_skillset_to_cstring(s);
	PG_FREE_IF_COPY(s, 0);
	PG_RETURN_CSTRING(r);
}

PG_FUNCTION_INFO_V1(skillset_send);
/* Skillset to binary: version byte, count, (id, level) pairs. */
Datum
skillset_send(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	StringInfoData buf;
	int			i;

	credreg_skillset_check(s);
	pq_begintypsend(&buf);
	pq_sendint8(&buf, SKILLSET_VERSION);
	pq_sendint32(&buf, s->nitems);
	for (i = 0; i < s->nitems; i++)
	{
		pq_sendint32(&buf, SKILLSET_IDS(s)[i]);
		pq_sendint8(&buf, SKILLSET_LEVELS(s)[i]);
	}
	PG_FREE_IF_COPY(s, 0);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(skillset_recv);
/* Binary to skillset; only the canonical form is accepted. */
Datum
skillset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n;
	SkillSet   *s;
	int			i;

	if (version != SKILLSET_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported skillset binary format version %d", version)));
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > SKILLSET_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid skillset item count %d", n)));
	if ((Size) (buf->len - buf->cursor) != (Size) n * 5)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid skillset binary length"),
				 errdetail("Expected %d bytes for %d items, found %d.",
						   n * 5, n, buf->len - buf->cursor)));
	s = credreg_skillset_alloc(n);
	for (i = 0; i < n; i++)
	{
		int32		id = pq_getmsgint(buf, 4);
		int			level = pq_getmsgbyte(buf);

		if (id <= 0 || (i > 0 && id <= SKILLSET_IDS(s)[i - 1]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid skillset binary value"),
					 errdetail("Competency ids must be positive and strictly ascending.")));
		if (level > SKILLSET_MAX_LEVEL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid skillset binary value"),
					 errdetail("Level %d is greater than %d.", level, SKILLSET_MAX_LEVEL)));
		SKILLSET_IDS(s)[i] = id;
		SKILLSET_LEVELS(s)[i] = (uint8) level;
	}
	pq_getmsgend(buf);
	PG_RETURN_SKILLSET_P(s);
}

/* ---------------------------------------------------------------------------
 * Arrays
 * ---------------------------------------------------------------------------
 */

/* Reads a one-dimensional int4[] without NULLs; raises otherwise. */
int32 *
credreg_int4_array(ArrayType *a, int *n, const char *what)
{
	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s must be one-dimensional", what)));
	if (array_contains_nulls(a))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not contain nulls", what)));
	*n = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
	return (int32 *) ARR_DATA_PTR(a);
}

PG_FUNCTION_INFO_V1(skillset_from_arrays);
/* skillset(ids int[], levels int[] default null) */
Datum
skillset_from_arrays(PG_FUNCTION_ARGS)
{
	ArrayType  *ida;
	int32	   *ids,
			   *levels = NULL;
	int			n,
				nl;
	CredregFailure failure;
	SkillSet   *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ida = PG_GETARG_ARRAYTYPE_P(0);
	ids = credreg_int4_array(ida, &n, "competency id array");
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		ArrayType  *la = PG_GETARG_ARRAYTYPE_P(1);

		levels = credreg_int4_array(la, &nl, "level array");
		if (nl != n)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("level array has %d elements, competency id array has %d", nl, n)));
	}
	s = credreg_skillset_build(ids, levels, n, &failure);
	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", failure.message)));
	PG_RETURN_SKILLSET_P(s);
}

PG_FUNCTION_INFO_V1(skillset_ids);
/* The competency ids of a skillset, ascending. */
Datum
skillset_ids(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	Datum	   *d = palloc(sizeof(Datum) * Max(s->nitems, 1));
	int			i;

	for (i = 0; i < s->nitems; i++)
		d[i] = Int32GetDatum(SKILLSET_IDS(s)[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(d, s->nitems, INT4OID, 4, true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(skillset_levels);
/* The levels of a skillset, in id order. */
Datum
skillset_levels(PG_FUNCTION_ARGS)
{
	SkillSet   *s = PG_GETARG_SKILLSET_P(0);
	Datum	   *d = palloc(sizeof(Datum) * Max(s->nitems, 1));
	int			i;

	for (i = 0; i < s->nitems; i++)
		d[i] = Int32GetDatum(SKILLSET_LEVELS(s)[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(d, s->nitems, INT4OID, 4, true, TYPALIGN_INT));
}

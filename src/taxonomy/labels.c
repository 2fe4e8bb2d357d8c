/*
 * labels.c
 *		Normalisation of competency labels and trigram similarity, for
 *		competency_search().
 *
 * label_norm(): case-folded (ASCII and Latin letters U+00C0..U+024F, the
 * latter also stripped of accents), parenthesised qualifiers such as
 * "(computer programming)" removed, every character other than a letter,
 * digit, '+' or '#' turned into a space (so "C++" and "C#" survive), runs
 * of spaces collapsed and trimmed.  Other scripts pass through unchanged.
 *
 * label_similarity(): pg_trgm's measure (shared trigrams over all trigrams
 * of the two strings, words padded with two spaces in front and one
 * behind), computed here so that credreg does not depend on pg_trgm.
 *
 * label_trigrams() and label_query_trigrams() expose the same trigrams as
 * int4[] so that competency_search() can pick its candidates from a GIN
 * index (the built-in array_ops, operator &&) before scoring them with
 * label_score(); label_prefix_end() bounds the btree range scan that finds
 * labels starting with the query.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "taxonomy/taxonomy.h"

/* ASCII folding of U+00C0..U+024F ("" = not a letter) */
static const char *const latin_fold[] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "th", "y",
	"a", "a", "a", "a", "a", "a", "c", "c",
	"c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e",
	"e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h",
	"i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k",
	"k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n",
	"n", "", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r",
	"r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t",
	"u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y",
	"y", "z", "z", "z", "z", "z", "z", "s",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"o", "o", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "u",
	"u", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "a", "a", "i",
	"i", "o", "o", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "u", "", "a", "a",
	"a", "a", "", "", "", "", "g", "g",
	"k", "k", "o", "o", "o", "o", "", "",
	"j", "", "", "", "g", "g", "", "",
	"n", "n", "a", "a", "", "", "", "",
	"a", "a", "a", "a", "e", "e", "e", "e",
	"i", "i", "i", "i", "o", "o", "o", "o",
	"r", "r", "r", "r", "u", "u", "u", "u",
	"s", "s", "t", "t", "", "", "h", "h",
	"", "", "", "", "", "", "a", "a",
	"e", "e", "o", "o", "o", "o", "o", "o",
	"o", "o", "y", "y", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "",
};

static char *
LabelNorm(const char *s, int len)
{
	StringInfoData out;
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	int			depth = 0;
	bool		space = true;	/* suppress leading spaces */

	initStringInfo(&out);
	while (p < end)
	{
		int			clen = pg_utf_mblen(p);
		pg_wchar	cp;
		const char *rep = NULL;
		char		one[2] = {0, 0};

		if (p + clen > end)
			break;
		cp = utf8_to_unicode(p);
		if (cp == '(')
		{
			depth++;
			p += clen;
			continue;
		}
		if (cp == ')' && depth > 0)
		{
			depth--;
			p += clen;
			continue;
		}
		if (depth > 0)
		{
			p += clen;
			continue;
		}
		if (cp < 128)
		{
			if (isalnum(cp) || cp == '+' || cp == '#')
			{
				one[0] = (char) pg_ascii_tolower((unsigned char) cp);
				rep = one;
			}
		}
		else if (cp >= 0xC0 && cp < 0x250)
		{
			if (latin_fold[cp - 0xC0][0] != '\0')
				rep = latin_fold[cp - 0xC0];
		}
		else if (cp >= 0x370)
		{
			/* other scripts: kept as they are */
			appendBinaryStringInfo(&out, (const char *) p, clen);
			space = false;
			p += clen;
			continue;
		}
		if (rep == NULL)
		{
			if (!space)
				appendStringInfoChar(&out, ' ');
			space = true;
		}
		else
		{
			appendStringInfoString(&out, rep);
			space = false;
		}
		p += clen;
	}
	if (out.len > 0 && out.data[out.len - 1] == ' ')
		out.data[--out.len] = '\0';
	return out.data;
}

PG_FUNCTION_INFO_V1(taxonomy_label_norm);
/* label_norm(text) */
Datum
taxonomy_label_norm(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text(LabelNorm(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))));
}

static int
Uint32Cmp(const void *a, const void *b)
{
	uint32		x = *(const uint32 *) a,
				y = *(const uint32 *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sorted distinct trigram hashes of a normalised string. */
static uint32 *
Trigrams(const char *s, int len, int *n)
{
	uint32	   *t = palloc(sizeof(uint32) * (len + 3) * 1);
	int			k = 0,
				i = 0;

	while (i < len)
	{
		int			start,
					wlen,
					j;
		char	   *w;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && s[i] != ' ')
			i++;
		wlen = i - start;
		w = palloc(wlen + 3);
		w[0] = ' ';
		w[1] = ' ';
		memcpy(w + 2, s + start, wlen);
		w[wlen + 2] = ' ';
		for (j = 0; j + 3 <= wlen + 3; j++)
		{
			uint32		h = ((uint32) (unsigned char) w[j] << 16) |
				((uint32) (unsigned char) w[j + 1] << 8) | (unsigned char) w[j + 2];

			t[k++] = h;
		}
		pfree(w);
	}
	if (k > 1)
	{
		int			m = 1;

		qsort(t, k, sizeof(uint32), Uint32Cmp);
		for (i = 1; i < k; i++)
			if (t[i] != t[m - 1])
				t[m++] = t[i];
		k = m;
	}
	*n = k;
	return t;
}

PG_FUNCTION_INFO_V1(taxonomy_label_similarity);
/* label_similarity(a text, b text): trigram similarity of normalised labels */
Datum
taxonomy_label_similarity(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	int			na,
				nb,
				i = 0,
				j = 0,
				common = 0;
	uint32	   *ta = Trigrams(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), &na);
	uint32	   *tb = Trigrams(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), &nb);

	if (na == 0 || nb == 0)
		PG_RETURN_FLOAT4(0);
	while (i < na && j < nb)
	{
		if (ta[i] == tb[j])
		{
			common++;
			i++;
			j++;
		}
		else if (ta[i] < tb[j])
			i++;
		else
			j++;
	}
	pfree(ta);
	pfree(tb);
	PG_RETURN_FLOAT4((float4) common / (float4) (na + nb - common));
}

typedef struct QueryTrigrams
{
	int			qlen;
	int			n;
	char	   *q;
	uint32	   *t;
} QueryTrigrams;

PG_FUNCTION_INFO_V1(taxonomy_label_score);
/*
 * label_score(norm text, query_norm text): 0 when unrelated; else 3 for an
 * equal label, 1.5 + similarity / 2 for a label starting with the query,
 * the trigram similarity when it is at least 0.3.  The query's trigrams are
 * cached across calls.
 */
Datum
taxonomy_label_score(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	const char *as = VARDATA_ANY(a);
	const char *bs = VARDATA_ANY(b);
	int			alen = VARSIZE_ANY_EXHDR(a);
	int			blen = VARSIZE_ANY_EXHDR(b);
	QueryTrigrams *qt = (QueryTrigrams *) fcinfo->flinfo->fn_extra;
	uint32	   *ta;
	int			na,
				i = 0,
				j = 0,
				common = 0;
	float4		sim;

	if (blen == 0)
		PG_RETURN_FLOAT4(0);
	if (alen == blen && memcmp(as, bs, alen) == 0)
		PG_RETURN_FLOAT4(3.0);
	if (qt == NULL || qt->qlen != blen || memcmp(qt->q, bs, blen) != 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (qt != NULL)
		{
			pfree(qt->q);
			pfree(qt->t);
		}
		else
			qt = palloc(sizeof(QueryTrigrams));
		qt->qlen = blen;
		qt->q = palloc(blen);
		memcpy(qt->q, bs, blen);
		qt->t = Trigrams(bs, blen, &qt->n);
		fcinfo->flinfo->fn_extra = qt;
		MemoryContextSwitchTo(old);
	}
	ta = Trigrams(as, alen, &na);
	while (i < na && j < qt->n)
	{
		if (ta[i] == qt->t[j])
		{
			common++;
			i++;
			j++;
		}
		else if (ta[i] < qt->t[j])
			i++;
		else
			j++;
	}
	pfree(ta);
	sim = (na + qt->n - common) > 0 ? (float4) common / (float4) (na + qt->n - common) : 0;
	if (alen > blen && memcmp(as, bs, blen) == 0)
		PG_RETURN_FLOAT4(1.5 + sim / 2);
	PG_RETURN_FLOAT4(sim >= 0.3 ? sim : 0);
}

/* int4[] of trigram keys (each < 2^24, so always positive) */
static ArrayType *
TrigramArray(const uint32 *t, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * (n > 0 ? n : 1));
	int			i;

	for (i = 0; i < n; i++)
		d[i] = Int32GetDatum((int32) t[i]);
	return construct_array(d, n, INT4OID, sizeof(int32), true, TYPALIGN_INT);
}

PG_FUNCTION_INFO_V1(taxonomy_label_trigrams);
/* label_trigrams(norm text): sorted distinct trigram keys of a normalised label */
Datum
taxonomy_label_trigrams(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	int			n;
	uint32	   *t = Trigrams(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), &n);

	PG_RETURN_ARRAYTYPE_P(TrigramArray(t, n));
}

/* Commonness guess without statistics: word starts, then word ends */
static int
TrigramGuess(uint32 h)
{
	if ((h >> 8) == 0x2020)
		return 0;				/* "  x" */
	if ((h & 0xFF) == 0x20)
		return 1;				/* "xy " */
	if ((h >> 16) == 0x20)
		return 2;				/* " xy" */
	return 3;
}

typedef struct RankedTrigram
{
	int			rank;			/* lower = commoner */
	int			idx;
} RankedTrigram;

static int
RankedCmp(const void *a, const void *b)
{
	const RankedTrigram *x = a,
			   *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx ? 1 : 0);
}

PG_FUNCTION_INFO_V1(taxonomy_label_query_trigrams);
/*
 * label_query_trigrams(query_norm text, common int4[]): a subset of the
 * query's trigrams that every label with label_score() similarity >= 0.3
 * shares at least one trigram with.
 *
 * With c common trigrams, na label and nq query trigrams, c / (na + nq - c)
 * >= 0.3 and na >= c give c >= 0.3 nq; so a label scoring on similarity
 * shares at least k = ceil(0.3 nq) of the query's trigrams and therefore at
 * least one of any nq - k + 1 of them.  The k - 1 dropped are the commonest:
 * those earliest in common (trigram keys, commonest first, e.g. from the
 * column's statistics; NULL or missing keys rank after all listed ones),
 * then word starts, then word ends.  Which ones are dropped only changes
 * how many candidates the index returns, never the result.  k is taken with
 * a margin of 1e-6 for the float4 rounding of the similarity, which can
 * only make the subset larger.
 */
Datum
taxonomy_label_query_trigrams(PG_FUNCTION_ARGS)
{
	text	   *a;
	int			n,
				k,
				drop,
				m = 0,
				ncommon = 0,
				i,
				j;
	uint32	   *t;
	int32	   *common = NULL;
	bool	   *dropped;
	RankedTrigram *r;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	a = PG_GETARG_TEXT_PP(0);
	t = Trigrams(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), &n);
	if (!PG_ARGISNULL(1))
	{
		ArrayType  *c = PG_GETARG_ARRAYTYPE_P(1);

		if (ARR_ELEMTYPE(c) != INT4OID || ARR_NDIM(c) > 1 || ARR_HASNULL(c))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("common trigrams must be a one-dimensional int4 array without nulls")));
		ncommon = ArrayGetNItems(ARR_NDIM(c), ARR_DIMS(c));
		common = (int32 *) ARR_DATA_PTR(c);
	}
	k = (int) ceil(n * (0.3 - 1e-6));
	drop = k > 1 ? k - 1 : 0;
	r = palloc(sizeof(RankedTrigram) * (n > 0 ? n : 1));
	for (i = 0; i < n; i++)
	{
		r[i].idx = i;
		r[i].rank = ncommon + TrigramGuess(t[i]);
		for (j = 0; j < ncommon; j++)
			if ((uint32) common[j] == t[i])
			{
				r[i].rank = j;
				break;
			}
	}
	qsort(r, n, sizeof(RankedTrigram), RankedCmp);
	dropped = palloc0(sizeof(bool) * (n > 0 ? n : 1));
	for (i = 0; i < drop; i++)
		dropped[r[i].idx] = true;
	for (i = 0; i < n; i++)
		if (!dropped[i])
			t[m++] = t[i];
	PG_RETURN_ARRAYTYPE_P(TrigramArray(t, m));
}

PG_FUNCTION_INFO_V1(taxonomy_label_prefix_end);
/*
 * label_prefix_end(query_norm text): the query followed by the byte 0xFF,
 * which no UTF-8 text contains: under the byte-wise text_pattern_ops order,
 * norm ~>=~ q AND norm ~<~ label_prefix_end(q) holds exactly for the labels
 * starting with q.  The value is a bound for that comparison only (it is
 * not valid UTF-8); it is never meant to be displayed or stored.
 */
Datum
taxonomy_label_prefix_end(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(a);
	text	   *r = palloc(VARHDRSZ + len + 1);

	SET_VARSIZE(r, VARHDRSZ + len + 1);
	memcpy(VARDATA(r), VARDATA_ANY(a), len);
	((unsigned char *) VARDATA(r))[len] = 0xFF;
	PG_RETURN_TEXT_P(r);
}

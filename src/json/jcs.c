/*
 * jcs.c
 *		RFC 8785 JSON Canonicalization Scheme over the CrJson tree.
 *
 * Section 3.2.2: literals as is, strings minimally escaped
 * (crjson_append_string), numbers in ECMAScript Number::toString form;
 * section 3.2.3: members sorted by their names as arrays of UTF-16 code
 * units; arrays keep their order; no whitespace.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "miscadmin.h"

#include "json/json.h"

/*
 * The UTF-16 order of a code point relative to others: code points below
 * U+D800 are one unit of the same value, those above U+FFFF start with a
 * high surrogate (0xD800-0xDBFF), and U+E000-U+FFFF are one unit above all
 * surrogates.  So the supplementary planes sort between U+D7FF and U+E000.
 */
static inline uint32
utf16_rank(uint32 cp)
{
	if (cp >= 0xE000 && cp <= 0xFFFF)
		return cp + 0x110000;
	return cp;
}

static uint32
utf8_decode_at(const unsigned char *s, int len, int i)
{
	unsigned char c = s[i];

	/* names are valid UTF-8 (the parser checked them) */
	if (c < 0x80)
		return c;
	if (c < 0xE0 && i + 1 < len)
		return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
	if (c < 0xF0 && i + 2 < len)
		return ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
	if (i + 3 < len)
		return ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
			((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
	return c;
}

/*
 * Compares two UTF-8 names in UTF-16 code unit order.  UTF-8 byte order is
 * code point order, which differs from UTF-16 order only between U+E000..
 * U+FFFF and the supplementary planes; so compare bytes, and at the first
 * difference compare the two characters it falls in.
 */
static int
utf16_name_cmp(const CrJsonMember *a, const CrJsonMember *b)
{
	const unsigned char *x = (const unsigned char *) a->name;
	const unsigned char *y = (const unsigned char *) b->name;
	int			n = Min(a->name_len, b->name_len);
	int			i = 0;
	uint32		cx,
				cy;

	while (i < n && x[i] == y[i])
		i++;
	if (i == n)
		return (a->name_len > n) - (b->name_len > n);
	if (x[i] < 0x80 && y[i] < 0x80)
		return x[i] < y[i] ? -1 : 1;
	/* back to the start of the character (same in both: equal prefix) */
	while (i > 0 && (x[i] & 0xC0) == 0x80)
		i--;
	cx = utf16_rank(utf8_decode_at(x, a->name_len, i));
	cy = utf16_rank(utf8_decode_at(y, b->name_len, i));
	return cx < cy ? -1 : (cx > cy);
}

static int
member_ptr_cmp(const void *a, const void *b)
{
	return utf16_name_cmp(*(const CrJsonMember *const *) a,
						  *(const CrJsonMember *const *) b);
}

/*
 * Does the decimal digits[0..len) * 10^(exp - len) parse back to x?  (strtod
 * rounds correctly, half to even, like ECMAScript's ToNumber.)
 */
static bool
round_trips(const char *digits, int len, int exp, double x)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN + 16];

	memcpy(buf, digits, len);
	snprintf(buf + len, sizeof(buf) - len, "e%d", exp - len);
	return strtod(buf, NULL) == x;
}

/*
 * digits[0..len) rounded to `len` significant digits upwards (the caller has
 * truncated already): adds one unit in the last place.  Returns the new
 * length (1 when 99..9 carries into 1, then *n grows by one).
 */
static int
increment_digits(char *d, int len, int *n)
{
	int			i = len - 1;

	while (i >= 0 && d[i] == '9')
		d[i--] = '0';
	if (i < 0)
	{
		d[0] = '1';
		(*n)++;
		return 1;
	}
	d[i]++;
	return len;
}

/*
 * PostgreSQL's Ryu never accepts the bounds of the rounding interval, so
 * when a bound is itself a shorter decimal it answers with a longer one
 * (1e23 comes out as 9.999999999999999e+22).  ECMAScript takes any decimal
 * that reads back as x, and ToNumber rounds half to even, so for an even
 * mantissa a bound counts.  Shorter answers can only be such bounds: find
 * the shortest length L < k at which the truncation of the digits, or the
 * truncation plus one unit, reads back as x (reading back is monotone in L,
 * so a binary search), and take it.  When both do, both are bounds: the one
 * closer to x wins (the lower one when x is a power of two, the gap below it
 * being half the gap above), else the even one.
 */
static void
accept_bounds(double x, char *digits, int *k, int *n)
{
	uint64		bits;
	int			lo = 1,
				hi = *k - 1,
				best = 0;
	char		down[DOUBLE_SHORTEST_DECIMAL_LEN];
	char		up[DOUBLE_SHORTEST_DECIMAL_LEN];
	int			up_len,
				up_n;
	bool		down_ok,
				up_ok;

	memcpy(&bits, &x, sizeof(bits));
	if ((bits & 1) != 0 || *k <= 1)
		return;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		memcpy(up, digits, mid);
		up_n = *n;
		up_len = increment_digits(up, mid, &up_n);
		if (round_trips(digits, mid, *n, x) || round_trips(up, up_len, up_n, x))
		{
			best = mid;
			hi = mid - 1;
		}
		else
			lo = mid + 1;
	}
	if (best == 0)
		return;
	memcpy(down, digits, best);
	memcpy(up, digits, best);
	up_n = *n;
	up_len = increment_digits(up, best, &up_n);
	down_ok = round_trips(down, best, *n, x);
	up_ok = round_trips(up, up_len, up_n, x);
	if (down_ok && up_ok)
	{
		bool		power_of_two = (bits & UINT64CONST(0xFFFFFFFFFFFFF)) == 0;

		if (power_of_two || (down[best - 1] - '0') % 2 == 0)
			up_ok = false;
	}
	if (up_ok)
	{
		memcpy(digits, up, up_len);
		*k = up_len;
		*n = up_n;
	}
	else
		*k = best;
	while (*k > 1 && digits[*k - 1] == '0')
		(*k)--;
}

/*
 * ECMAScript Number::toString(x) for finite x (ECMA-262 section 6.1.6.1.20,
 * as RFC 8785 section 3.2.2.3 requires).  The shortest round-trip digits come
 * from PostgreSQL's Ryu (double_to_shortest_decimal_bufn), whose own layout
 * is parsed back into digits and exponent, and corrected where a bound of
 * the rounding interval is shorter (accept_bounds).  Among the shortest, the
 * one closest to x is taken, as ECMAScript requires.
 */
void
crjcs_append_double(StringInfo out, double x)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN + 1];
	char		digits[DOUBLE_SHORTEST_DECIMAL_LEN];
	int			k = 0;			/* number of significant digits */
	int			n;				/* x = 0.d1d2...dk * 10^n */
	int			intdigits = 0;
	int			exp10 = 0;
	bool		seen_point = false;
	bool		leading = true;
	int			skipped = 0;	/* leading zeros before the first digit */
	const char *p;

	Assert(isfinite(x));
	if (x == 0)
	{
		/* step 2: +0 and -0 are both "0" */
		appendStringInfoCharMacro(out, '0');
		return;
	}
	if (x < 0)
	{
		/* step 3 */
		appendStringInfoCharMacro(out, '-');
		x = -x;
	}
	buf[double_to_shortest_decimal_bufn(x, buf)] = '\0';

	/* buf is [digits][.digits][e(+|-)digits] */
	for (p = buf; *p != '\0' && *p != 'e'; p++)
	{
		if (*p == '.')
		{
			seen_point = true;
			continue;
		}
		if (leading && *p == '0')
		{
			/* "0.000123": each zero after the point lowers n */
			if (seen_point)
				skipped++;
			continue;
		}
		leading = false;
		digits[k++] = *p;
		if (!seen_point)
			intdigits++;
	}
	if (*p == 'e')
		exp10 = atoi(p + 1);
	while (k > 1 && digits[k - 1] == '0')
		k--;
	/* integer digits + exponent, less the zeros skipped after the point */
	n = intdigits + exp10 - skipped;
	accept_bounds(x, digits, &k, &n);

	if (k <= n && n <= 21)
	{
		/* step 6: the digits then n-k zeros */
		appendBinaryStringInfo(out, digits, k);
		for (int i = k; i < n; i++)
			appendStringInfoCharMacro(out, '0');
	}
	else if (0 < n && n <= 21)
	{
		/* step 7: a decimal point inside the digits */
		appendBinaryStringInfo(out, digits, n);
		appendStringInfoCharMacro(out, '.');
		appendBinaryStringInfo(out, digits + n, k - n);
	}
	else if (-6 < n && n <= 0)
	{
		/* step 8: "0." and -n zeros before the digits */
		appendBinaryStringInfo(out, "0.", 2);
		for (int i = n; i < 0; i++)
			appendStringInfoCharMacro(out, '0');
		appendBinaryStringInfo(out, digits, k);
	}
	else
	{
		/* steps 9 and 10: exponential form, e+ or e- always signed */
		appendStringInfoCharMacro(out, digits[0]);
		if (k > 1)
		{
			appendStringInfoCharMacro(out, '.');
			appendBinaryStringInfo(out, digits + 1, k - 1);
		}
		appendStringInfo(out, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
	}
}

static bool
jcs_value(StringInfo out, const CrJson *v, CredregFailure *failure)
{
	if (stack_is_too_deep())
		return credreg_fail(failure, "malformed",
							"JSON too deeply nested to canonicalize");
	switch (v->kind)
	{
		case CRJ_NULL:
			appendBinaryStringInfo(out, "null", 4);
			break;
		case CRJ_FALSE:
			appendBinaryStringInfo(out, "false", 5);
			break;
		case CRJ_TRUE:
			appendBinaryStringInfo(out, "true", 4);
			break;
		case CRJ_NUMBER:
			{
				double		d;

				/* section 3.2.2.3: an IEEE 754 double, so no overflow */
				if (!crjson_number_value(v, &d))
					return credreg_fail(failure, "malformed",
										"JSON number %s cannot be represented as an IEEE 754 double",
										v->u.str);
				crjcs_append_double(out, d);
			}
			break;
		case CRJ_STRING:
			crjson_append_string(out, v->u.str, v->count);
			break;
		case CRJ_ARRAY:
			appendStringInfoCharMacro(out, '[');
			for (int i = 0; i < v->count; i++)
			{
				if (i > 0)
					appendStringInfoCharMacro(out, ',');
				if (!jcs_value(out, v->u.elems[i], failure))
					return false;
			}
			appendStringInfoCharMacro(out, ']');
			break;
		case CRJ_OBJECT:
			{
				const CrJsonMember *stackbuf[16];
				const CrJsonMember **sorted;
				bool		ok = true;

				sorted = v->count <= lengthof(stackbuf) ? stackbuf :
					palloc(sizeof(CrJsonMember *) * v->count);
				for (int i = 0; i < v->count; i++)
					sorted[i] = &v->u.members[i];
				if (v->count > 1)
					qsort(sorted, v->count, sizeof(CrJsonMember *), member_ptr_cmp);
				appendStringInfoCharMacro(out, '{');
				for (int i = 0; i < v->count && ok; i++)
				{
					if (i > 0)
						appendStringInfoCharMacro(out, ',');
					crjson_append_string(out, sorted[i]->name, sorted[i]->name_len);
					appendStringInfoCharMacro(out, ':');
					ok = jcs_value(out, sorted[i]->value, failure);
				}
				appendStringInfoCharMacro(out, '}');
				if (sorted != stackbuf)
					pfree(sorted);
				if (!ok)
					return false;
			}
			break;
	}
	return true;
}

bool
crjcs_append(StringInfo out, const CrJson *v, CredregFailure *failure)
{
	return jcs_value(out, v, failure);
}

/*
 * tree.c
 *		Lookups over the CrJson tree, JSON string escaping, and the builders
 *		used when signing (compact text output is in jcs.c, sharing the
 *		canonical serializer's walk).
 *
 * Objects are small (a credential has a dozen members at most per level), so
 * lookups scan linearly: cheaper than building any index for a tree that is
 * read a handful of times.
 */
#include "postgres.h"

#include <math.h>

#include "json/json.h"

/* Whether member m is named name (len bytes). */
static inline bool
member_named(const CrJsonMember *m, const char *name, size_t len)
{
	return (size_t) m->name_len == len && memcmp(m->name, name, len) == 0;
}

CrJson *
crjson_get(const CrJson *v, const char *name)
{
	size_t		len;

	if (v == NULL || v->kind != CRJ_OBJECT)
		return NULL;
	len = strlen(name);
	for (int i = 0; i < v->count; i++)
	{
		if (member_named(&v->u.members[i], name, len))
			return v->u.members[i].value;
	}
	return NULL;
}

const char *
crjson_get_string(const CrJson *v, const char *name)
{
	CrJson	   *m = crjson_get(v, name);

	return (m != NULL && m->kind == CRJ_STRING) ? m->u.str : NULL;
}

bool
crjson_is_string(const CrJson *v, const char *s)
{
	size_t		len;

	if (v == NULL || v->kind != CRJ_STRING)
		return false;
	len = strlen(s);
	return (size_t) v->count == len && memcmp(v->u.str, s, len) == 0;
}

const char *
crjson_kind_name(CrJsonKind kind)
{
	switch (kind)
	{
		case CRJ_NULL:
			return "null";
		case CRJ_TRUE:
		case CRJ_FALSE:
			return "boolean";
		case CRJ_NUMBER:
			return "number";
		case CRJ_STRING:
			return "string";
		case CRJ_ARRAY:
			return "array";
		case CRJ_OBJECT:
			return "object";
	}
	return "unknown";
}

bool
crjson_has_string(const CrJson *v, const char *s)
{
	if (v != NULL && v->kind == CRJ_ARRAY)
	{
		for (int i = 0; i < v->count; i++)
			if (crjson_is_string(v->u.elems[i], s))
				return true;
		return false;
	}
	return crjson_is_string(v, s);
}

/*
 * strtod is correctly rounded (glibc) and, in the backend, LC_NUMERIC is
 * always "C".  The literal was checked by the lexer (or came from numeric
 * output), so all of it is consumed.
 */
bool
crjson_number_value(const CrJson *v, double *result)
{
	double		d;

	if (v == NULL || v->kind != CRJ_NUMBER)
		return false;
	d = strtod(v->u.str, NULL);
	if (isinf(d) || isnan(d))
		return false;
	*result = d;
	return true;
}

/*
 * True when one of the 8 bytes at p needs escaping: below 0x20, '"' or '\'
 * (the usual "has a zero byte" and "has a byte less than n" word tricks).
 */
static inline bool
word_needs_escape(const char *p)
{
	uint64		w;
	uint64		q,
				b;

	memcpy(&w, p, 8);
	q = w ^ UINT64CONST(0x2222222222222222);
	b = w ^ UINT64CONST(0x5C5C5C5C5C5C5C5C);
	return (((q - UINT64CONST(0x0101010101010101)) & ~q) |
			((b - UINT64CONST(0x0101010101010101)) & ~b) |
			((w - UINT64CONST(0x2020202020202020)) & ~w)) &
		UINT64CONST(0x8080808080808080);
}

/*
 * RFC 8785 section 3.2.2.2: '"' and '\' escaped, U+0008, U+0009, U+000A,
 * U+000C, U+000D as \b \t \n \f \r, other controls below U+0020 as \u00xx
 * (lowercase hex), everything else (including '/', DEL and non-ASCII) as is.
 */
void
crjson_append_string(StringInfo out, const char *s, int len)
{
	static const char hex[] = "0123456789abcdef";
	int			run = 0;
	int			i = 0;

	enlargeStringInfo(out, len + 2);
	appendStringInfoCharMacro(out, '"');
	while (i < len)
	{
		unsigned char c;
		char		esc;

		/* skip 8 plain bytes at a time */
		if (i + 8 <= len && !word_needs_escape(s + i))
		{
			i += 8;
			continue;
		}
		c = (unsigned char) s[i++];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		/* flush the plain run before this byte */
		appendBinaryStringInfo(out, s + run, i - 1 - run);
		run = i;
		switch (c)
		{
			case '"':
				esc = '"';
				break;
			case '\\':
				esc = '\\';
				break;
			case '\b':
				esc = 'b';
				break;
			case '\t':
				esc = 't';
				break;
			case '\n':
				esc = 'n';
				break;
			case '\f':
				esc = 'f';
				break;
			case '\r':
				esc = 'r';
				break;
			default:
				esc = 0;
				break;
		}
		if (esc != 0)
		{
			char		two[2] = {'\\', esc};

			appendBinaryStringInfo(out, two, 2);
		}
		else
		{
			char		six[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

			appendBinaryStringInfo(out, six, 6);
		}
	}
	appendBinaryStringInfo(out, s + run, len - run);
	appendStringInfoCharMacro(out, '"');
}

/* ---------- builders ---------- */

CrJson *
crjson_make_string(const char *s)
{
	CrJson	   *v = palloc(sizeof(CrJson));

	v->kind = CRJ_STRING;
	v->count = (int) strlen(s);
	v->u.str = s;
	return v;
}

/*
 * An empty object.  `capacity` is how many members are expected; put grows
 * the member array as needed, so it is only a hint (a parsed object's member
 * array has no spare room, so put copies it whenever it adds a member).
 */
CrJson *
crjson_make_object(int capacity)
{
	CrJson	   *v = palloc(sizeof(CrJson));

	v->kind = CRJ_OBJECT;
	v->count = 0;
	v->u.members = palloc(sizeof(CrJsonMember) * Max(capacity, 1));
	return v;
}

/*
 * Sets member `name` (not copied) to value: replaced in place when present,
 * else appended at the end (document order).  Adding copies the member
 * array, so that put works the same on parsed and on built objects.
 */
void
crjson_object_put(CrJson *obj, const char *name, CrJson *value)
{
	size_t		len = strlen(name);
	CrJsonMember *m;

	Assert(obj->kind == CRJ_OBJECT);
	for (int i = 0; i < obj->count; i++)
	{
		if (member_named(&obj->u.members[i], name, len))
		{
			obj->u.members[i].value = value;
			return;
		}
	}
	m = palloc(sizeof(CrJsonMember) * (obj->count + 1));
	if (obj->count > 0)
		memcpy(m, obj->u.members, sizeof(CrJsonMember) * obj->count);
	m[obj->count].name = name;
	m[obj->count].name_len = (int) len;
	m[obj->count].value = value;
	obj->u.members = m;
	obj->count++;
}

CrJson *
crjson_object_without(const CrJson *obj, const char *name)
{
	size_t		len = strlen(name);
	CrJson	   *v = palloc(sizeof(CrJson));
	int			n = 0;

	Assert(obj->kind == CRJ_OBJECT);
	v->kind = CRJ_OBJECT;
	v->u.members = palloc(sizeof(CrJsonMember) * Max(obj->count, 1));
	for (int i = 0; i < obj->count; i++)
	{
		if (!member_named(&obj->u.members[i], name, len))
			v->u.members[n++] = obj->u.members[i];
	}
	v->count = n;
	return v;
}

/*
 * jsonld_value.c
 *		The mutable value tree of expanded documents and node maps, JSON text
 *		output, CrJson helpers, and the failure helpers of the processor.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "jsonld/jsonld_int.h"

JldValue *
jv_new(JldKind kind)
{
	JldValue   *v = palloc0(sizeof(JldValue));

	v->kind = kind;
	v->cxt = CurrentMemoryContext;
	return v;
}

JldValue *
jv_string(const char *s)
{
	JldValue   *v = jv_new(JLD_STRING);

	v->str = s;
	return v;
}

JldValue *
jv_array(void)
{
	return jv_new(JLD_ARRAY);
}

JldValue *
jv_object(void)
{
	return jv_new(JLD_OBJECT);
}

JldValue *
jv_raw(const CrJson *v)
{
	JldValue   *r = jv_new(JLD_RAW);

	r->raw = v;
	return r;
}

JldValue *
jv_from_scalar(const CrJson *v)
{
	switch (v->kind)
	{
		case CRJ_NULL:
			return jv_new(JLD_NULL);
		case CRJ_TRUE:
			return jv_new(JLD_TRUE);
		case CRJ_FALSE:
			return jv_new(JLD_FALSE);
		case CRJ_NUMBER:
			{
				JldValue   *r = jv_new(JLD_NUMBER);

				r->str = v->u.str;
				return r;
			}
		case CRJ_STRING:
			return jv_string(v->u.str);
		default:
			return jv_raw(v);
	}
}

/*
 * The parts of a value are allocated in the memory context of the value
 * itself, so that a value kept in a cache can be read and changed from any
 * memory context.
 */
static void
jv_grow(JldValue *v)
{
	MemoryContext cxt = v->cxt;

	if (v->count < v->cap)
		return;
	v->cap = v->cap ? v->cap * 2 : 4;
	if (v->elems)
		v->elems = repalloc(v->elems, sizeof(JldValue *) * v->cap);
	else
		v->elems = MemoryContextAlloc(cxt, sizeof(JldValue *) * v->cap);
	if (v->kind == JLD_OBJECT)
	{
		if (v->keys)
			v->keys = repalloc(v->keys, sizeof(char *) * v->cap);
		else
			v->keys = MemoryContextAlloc(cxt, sizeof(char *) * v->cap);
		if (v->index)
		{
			pfree(v->index);
			v->index = NULL;
		}
	}
}

void
jv_append(JldValue *arr, JldValue *v)
{
	Assert(arr->kind == JLD_ARRAY);
	jv_grow(arr);
	arr->elems[arr->count++] = v;
}

/* hash index of an object: 2*cap slots holding entry number + 1 */
static void
jv_build_index(JldValue *obj)
{
	int			nslots = obj->cap * 2;

	obj->index = MemoryContextAllocZero(obj->cxt, sizeof(int) * nslots);
	for (int i = 0; i < obj->count; i++)
	{
		uint32		h = hash_bytes((const unsigned char *) obj->keys[i], strlen(obj->keys[i]));
		int			s = h & (nslots - 1);

		while (obj->index[s] != 0)
			s = (s + 1) & (nslots - 1);
		obj->index[s] = i + 1;
	}
}

static int
jv_find(const JldValue *obj, const char *key)
{
	if (obj->kind != JLD_OBJECT)
		return -1;
	if (obj->count > 8)
	{
		int			nslots;
		uint32		h;
		int			s;

		if (obj->index == NULL)
			jv_build_index((JldValue *) obj);
		nslots = obj->cap * 2;
		h = hash_bytes((const unsigned char *) key, strlen(key));
		s = h & (nslots - 1);
		while (obj->index[s] != 0)
		{
			int			i = obj->index[s] - 1;

			if (obj->keys[i][0] == key[0] && strcmp(obj->keys[i], key) == 0)
				return i;
			s = (s + 1) & (nslots - 1);
		}
		return -1;
	}
	/*
	 * The first byte settles most mismatches (keywords against IRIs) without
	 * a call: node maps look keywords up in small objects for every node of
	 * every verified RDFC document.
	 */
	for (int i = 0; i < obj->count; i++)
	{
		const char *k = obj->keys[i];

		if (k[0] == key[0] && strcmp(k, key) == 0)
			return i;
	}
	return -1;
}

JldValue *
jv_get(const JldValue *obj, const char *key)
{
	int			i = jv_find(obj, key);

	return i < 0 ? NULL : obj->elems[i];
}

void
jv_put(JldValue *obj, const char *key, JldValue *v)
{
	int			i = jv_find(obj, key);

	Assert(obj->kind == JLD_OBJECT);
	if (i >= 0)
	{
		obj->elems[i] = v;
		return;
	}
	jv_grow(obj);
	obj->keys[obj->count] = key;
	obj->elems[obj->count] = v;
	obj->count++;
	if (obj->index)
	{
		pfree(obj->index);
		obj->index = NULL;
	}
}

static bool
jv_number_equal(const char *a, const char *b)
{
	return strtod(a, NULL) == strtod(b, NULL);
}

/* Equality of values as JSON (object entries unordered, arrays ordered). */
bool
jv_equal(const JldValue *a, const JldValue *b)
{
	if (a->kind == JLD_RAW && b->kind == JLD_RAW)
		return crjson_deep_equal(a->raw, b->raw);
	if (a->kind != b->kind)
		return false;
	switch (a->kind)
	{
		case JLD_STRING:
			return strcmp(a->str, b->str) == 0;
		case JLD_NUMBER:
			return jv_number_equal(a->str, b->str);
		case JLD_ARRAY:
			if (a->count != b->count)
				return false;
			for (int i = 0; i < a->count; i++)
				if (!jv_equal(a->elems[i], b->elems[i]))
					return false;
			return true;
		case JLD_OBJECT:
			if (a->count != b->count)
				return false;
			for (int i = 0; i < a->count; i++)
			{
				JldValue   *o = jv_get(b, a->keys[i]);

				if (o == NULL || !jv_equal(a->elems[i], o))
					return false;
			}
			return true;
		default:
			return true;
	}
}

void
jld_append_json_string(StringInfo out, const char *s)
{
	crjson_append_string(out, s, strlen(s));
}

void
jv_append_json(StringInfo out, const JldValue *v)
{
	check_stack_depth();
	switch (v->kind)
	{
		case JLD_NULL:
			appendStringInfoString(out, "null");
			break;
		case JLD_TRUE:
			appendStringInfoString(out, "true");
			break;
		case JLD_FALSE:
			appendStringInfoString(out, "false");
			break;
		case JLD_NUMBER:
			appendStringInfoString(out, v->str);
			break;
		case JLD_STRING:
			jld_append_json_string(out, v->str);
			break;
		case JLD_RAW:
			crjson_append_text(out, v->raw);
			break;
		case JLD_ARRAY:
			appendStringInfoChar(out, '[');
			for (int i = 0; i < v->count; i++)
			{
				if (i > 0)
					appendStringInfoChar(out, ',');
				jv_append_json(out, v->elems[i]);
			}
			appendStringInfoChar(out, ']');
			break;
		case JLD_OBJECT:
			appendStringInfoChar(out, '{');
			for (int i = 0; i < v->count; i++)
			{
				if (i > 0)
					appendStringInfoChar(out, ',');
				jld_append_json_string(out, v->keys[i]);
				appendStringInfoChar(out, ':');
				jv_append_json(out, v->elems[i]);
			}
			appendStringInfoChar(out, '}');
			break;
	}
}

const CrJson *
crj_member(const CrJson *obj, const char *name)
{
	if (obj == NULL || obj->kind != CRJ_OBJECT)
		return NULL;
	for (int i = 0; i < obj->count; i++)
		if (strcmp(obj->u.members[i].name, name) == 0)
			return obj->u.members[i].value;
	return NULL;
}

bool
crjson_deep_equal(const CrJson *a, const CrJson *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || a->kind != b->kind)
		return false;
	switch (a->kind)
	{
		case CRJ_STRING:
			return a->count == b->count && memcmp(a->u.str, b->u.str, a->count) == 0;
		case CRJ_NUMBER:
			return jv_number_equal(a->u.str, b->u.str);
		case CRJ_ARRAY:
			if (a->count != b->count)
				return false;
			for (int i = 0; i < a->count; i++)
				if (!crjson_deep_equal(a->u.elems[i], b->u.elems[i]))
					return false;
			return true;
		case CRJ_OBJECT:
			if (a->count != b->count)
				return false;
			for (int i = 0; i < a->count; i++)
			{
				const CrJson *o = crj_member(b, a->u.members[i].name);

				if (o == NULL || !crjson_deep_equal(a->u.members[i].value, o))
					return false;
			}
			return true;
		default:
			return true;
	}
}

/* A copy of v in the current memory context. */
CrJson *
crjson_deep_copy(const CrJson *v)
{
	CrJson	   *c = palloc(sizeof(CrJson));

	check_stack_depth();
	*c = *v;
	switch (v->kind)
	{
		case CRJ_STRING:
		case CRJ_NUMBER:
			{
				char	   *s = palloc(v->count + 1);

				memcpy(s, v->u.str, v->count);
				s[v->count] = '\0';
				c->u.str = s;
				break;
			}
		case CRJ_ARRAY:
			c->u.elems = palloc(sizeof(CrJson *) * Max(v->count, 1));
			for (int i = 0; i < v->count; i++)
				c->u.elems[i] = crjson_deep_copy(v->u.elems[i]);
			break;
		case CRJ_OBJECT:
			c->u.members = palloc(sizeof(CrJsonMember) * Max(v->count, 1));
			for (int i = 0; i < v->count; i++)
			{
				c->u.members[i].name = pstrdup(v->u.members[i].name);
				c->u.members[i].name_len = v->u.members[i].name_len;
				c->u.members[i].value = crjson_deep_copy(v->u.members[i].value);
			}
			break;
		default:
			break;
	}
	return c;
}

static char *jld_vformat(const char *fmt, va_list args) pg_attribute_printf(1, 0);

static char *
jld_vformat(const char *fmt, va_list args)
{
	StringInfoData buf;

	initStringInfo(&buf);
	credreg_appendv(&buf, fmt, args);
	return buf.data;
}

/*
 * A JSON-LD error (section 9.6): failure code "jsonld_invalid", message
 * "<JSON-LD error code>: <what was wrong>".  The first failure wins.
 */
bool
jld_error(JldProc *p, const char *ldcode, const char *fmt,...)
{
	va_list		args;
	char	   *msg;

	va_start(args, fmt);
	msg = jld_vformat(fmt, args);
	va_end(args);
	return jld_fail(p, "jsonld_invalid", "%s: %s", ldcode, msg);
}

/* A failure with its own credreg code; the message is used as is. */
bool
jld_fail(JldProc *p, const char *code, const char *fmt,...)
{
	va_list		args;
	char	   *msg;

	if (p->failure == NULL || p->failure->code != NULL)
		return false;
	va_start(args, fmt);
	msg = jld_vformat(fmt, args);
	va_end(args);
	return credreg_fail(p->failure, code, "%s", msg);
}

/*
 * Charges work against credreg.jsonld_max_nodes: one unit per value that
 * expansion or the node map makes, and for each context processed the size
 * of the term table it copies, so that neither a large output nor a context
 * applied over and over can make one document cost without bound.
 */
bool
jld_charge(JldProc *p, int64 units)
{
	p->nodes += units;
	if (p->nodes > credreg_jsonld_max_nodes)
		return jld_fail(p, "jsonld_limit",
						"JSON-LD processing of the document exceeded %d units of work (credreg.jsonld_max_nodes)",
						credreg_jsonld_max_nodes);
	return true;
}

bool
jld_count(JldProc *p)
{
	return jld_charge(p, 1);
}

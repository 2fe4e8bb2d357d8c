/*
 * json_schema.c
 *		JSON Schema validation (see json_schema.h).  Section numbers are of
 *		JSON Schema Validation 2020-12 (draft-bhutton-json-schema-validation-
 *		01) and JSON Schema Core 2020-12 (draft-bhutton-json-schema-01).
 *
 * Each check returns 1 (conforms), 0 (does not) or -1 (the schema cannot be
 * applied); the first message is kept.  anyOf, oneOf, not and the
 * properties of patternProperties try subschemas whose failures are not
 * the instance's: they run quietly and report their own message.
 */
#include "postgres.h"

#include <math.h>

#include "schema/json_schema.h"

typedef struct SchemaCtx
{
	const CrJson *root;
	char	   *message;		/* first failure, NULL while none */
	int			quiet;			/* > 0: inside anyOf/oneOf/not, no messages kept */
} SchemaCtx;

static int	validate(SchemaCtx *c, const CrJson *schema, const CrJson *inst,
					 const char *path, int depth);

static int
fail(SchemaCtx *c, int result, const char *path, const char *fmt,...) pg_attribute_printf(4, 5);

static int
fail(SchemaCtx *c, int result, const char *path, const char *fmt,...)
{
	if (c->message == NULL && (c->quiet == 0 || result < 0))
	{
		va_list		ap;
		StringInfoData buf;

		initStringInfo(&buf);
		if (path[0])
			appendStringInfo(&buf, "at \"%s\": ", path);
		else
			appendStringInfoString(&buf, "at the top level: ");
		for (;;)
		{
			int			needed;

			va_start(ap, fmt);
			needed = appendStringInfoVA(&buf, fmt, ap);
			va_end(ap);
			if (needed == 0)
				break;
			enlargeStringInfo(&buf, needed);
		}
		c->message = buf.data;
	}
	return result;
}

/* JSON Pointer of a member or element (RFC 6901 §3 escapes). */
static char *
child_path(const char *path, const char *name)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, path);
	appendStringInfoChar(&buf, '/');
	for (const char *p = name; *p; p++)
	{
		if (*p == '~')
			appendStringInfoString(&buf, "~0");
		else if (*p == '/')
			appendStringInfoString(&buf, "~1");
		else
			appendStringInfoChar(&buf, *p);
	}
	return buf.data;
}

static char *
index_path(const char *path, int i)
{
	return psprintf("%s/%d", path, i);
}

/* §6.4 / §6.1.3: equality of JSON values (numbers by value), through their JCS forms. */
static bool
json_equal(const CrJson *a, const CrJson *b)
{
	StringInfoData x,
				y;

	initStringInfo(&x);
	initStringInfo(&y);
	if (!crjcs_append(&x, a, NULL) || !crjcs_append(&y, b, NULL))
		return false;
	return x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
}

/* §6.1.1: one type name; "integer" is a number with a zero fractional part. */
static bool
has_type(const CrJson *inst, const char *type)
{
	double		x;

	if (strcmp(type, "integer") == 0)
		return inst->kind == CRJ_NUMBER && crjson_number_value(inst, &x) && x == floor(x);
	if (strcmp(type, "number") == 0)
		return inst->kind == CRJ_NUMBER;
	return strcmp(crjson_kind_name(inst->kind), type) == 0;
}

static int
check_type(SchemaCtx *c, const CrJson *type, const CrJson *inst, const char *path)
{
	if (type->kind == CRJ_STRING)
		return has_type(inst, type->u.str) ? 1 :
			fail(c, 0, path, "type: a %s is not a %s", crjson_kind_name(inst->kind), type->u.str);
	if (type->kind == CRJ_ARRAY)
	{
		for (int i = 0; i < type->count; i++)
		{
			if (type->u.elems[i]->kind != CRJ_STRING)
				return fail(c, -1, path, "type: the schema's type list holds a non-string");
			if (has_type(inst, type->u.elems[i]->u.str))
				return 1;
		}
		return fail(c, 0, path, "type: a %s is none of the types allowed", crjson_kind_name(inst->kind));
	}
	return fail(c, -1, path, "type: the schema's type is neither a string nor a list");
}

/* Length in Unicode code points (§6.3.1: characters as RFC 8259 defines them). */
static int
code_points(const CrJson *s)
{
	int			n = 0;

	for (int i = 0; i < s->count; i++)
		if (((uint8) s->u.str[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static bool
number_of(const CrJson *v, double *x)
{
	return v != NULL && v->kind == CRJ_NUMBER && crjson_number_value(v, x);
}

/* §6.2: numeric bounds (draft-04's boolean exclusiveMinimum/Maximum too). */
static int
check_number(SchemaCtx *c, const CrJson *schema, const CrJson *inst, const char *path)
{
	double		x,
				b;
	const CrJson *exmin = crjson_get(schema, "exclusiveMinimum");
	const CrJson *exmax = crjson_get(schema, "exclusiveMaximum");
	bool		min_exclusive = exmin != NULL && exmin->kind == CRJ_TRUE;
	bool		max_exclusive = exmax != NULL && exmax->kind == CRJ_TRUE;

	if (!crjson_number_value(inst, &x))
		return fail(c, 0, path, "the number %.*s is out of range", Min(inst->count, 40), inst->u.str);
	if (number_of(crjson_get(schema, "minimum"), &b) && (min_exclusive ? !(x > b) : x < b))
		return fail(c, 0, path, "minimum: %.*s is less than %s%g", Min(inst->count, 40), inst->u.str,
					min_exclusive ? "or equal to " : "", b);
	if (number_of(crjson_get(schema, "maximum"), &b) && (max_exclusive ? !(x < b) : x > b))
		return fail(c, 0, path, "maximum: %.*s is more than %s%g", Min(inst->count, 40), inst->u.str,
					max_exclusive ? "or equal to " : "", b);
	if (number_of(exmin, &b) && !(x > b))
		return fail(c, 0, path, "exclusiveMinimum: %.*s is not more than %g", Min(inst->count, 40), inst->u.str, b);
	if (number_of(exmax, &b) && !(x < b))
		return fail(c, 0, path, "exclusiveMaximum: %.*s is not less than %g", Min(inst->count, 40), inst->u.str, b);
	if (number_of(crjson_get(schema, "multipleOf"), &b) && b > 0)
	{
		double		q = x / b;

		if (fabs(q - rint(q)) > 1e-9 * Max(1.0, fabs(q)))
			return fail(c, 0, path, "multipleOf: %.*s is not a multiple of %g", Min(inst->count, 40), inst->u.str, b);
	}
	return 1;
}

static int
check_string(SchemaCtx *c, const CrJson *schema, const CrJson *inst, const char *path)
{
	double		b;
	const CrJson *pattern = crjson_get(schema, "pattern");
	int			n = code_points(inst);

	if (number_of(crjson_get(schema, "minLength"), &b) && n < b)
		return fail(c, 0, path, "minLength: %d characters, fewer than %g", n, b);
	if (number_of(crjson_get(schema, "maxLength"), &b) && n > b)
		return fail(c, 0, path, "maxLength: %d characters, more than %g", n, b);
	if (pattern != NULL)
	{
		int			m;

		if (pattern->kind != CRJ_STRING)
			return fail(c, -1, path, "pattern: the schema's pattern is not a string");
		m = crschema_regex_search(pattern->u.str, pattern->count, inst->u.str, inst->count);
		if (m < 0)
			return fail(c, -1, path, "pattern: \"%s\" is not a regular expression credreg can apply", pattern->u.str);
		if (m == 0)
			return fail(c, 0, path, "pattern: the string does not match \"%s\"", pattern->u.str);
	}
	return 1;
}

static int
check_array(SchemaCtx *c, const CrJson *schema, const CrJson *inst, const char *path, int depth)
{
	double		b;
	const CrJson *prefix = crjson_get(schema, "prefixItems");
	const CrJson *items = crjson_get(schema, "items");
	const CrJson *uniq = crjson_get(schema, "uniqueItems");
	int			positional = 0;
	const CrJson *rest = items;
	int			r;

	if (number_of(crjson_get(schema, "minItems"), &b) && inst->count < b)
		return fail(c, 0, path, "minItems: %d items, fewer than %g", inst->count, b);
	if (number_of(crjson_get(schema, "maxItems"), &b) && inst->count > b)
		return fail(c, 0, path, "maxItems: %d items, more than %g", inst->count, b);
	/* 2020-12 prefixItems + items; draft-04 items as a list + additionalItems */
	if (prefix == NULL && items != NULL && items->kind == CRJ_ARRAY)
	{
		prefix = items;
		rest = crjson_get(schema, "additionalItems");
	}
	if (prefix != NULL)
	{
		if (prefix->kind != CRJ_ARRAY)
			return fail(c, -1, path, "prefixItems: not a list of schemas");
		positional = Min(prefix->count, inst->count);
		for (int i = 0; i < positional; i++)
			if ((r = validate(c, prefix->u.elems[i], inst->u.elems[i], index_path(path, i), depth + 1)) != 1)
				return r;
	}
	if (rest != NULL)
		for (int i = positional; i < inst->count; i++)
			if ((r = validate(c, rest, inst->u.elems[i], index_path(path, i), depth + 1)) != 1)
				return r;
	if (uniq != NULL && uniq->kind == CRJ_TRUE)
		for (int i = 0; i < inst->count; i++)
			for (int j = i + 1; j < inst->count; j++)
				if (json_equal(inst->u.elems[i], inst->u.elems[j]))
					return fail(c, 0, path, "uniqueItems: items %d and %d are equal", i, j);
	return 1;
}

static int
check_object(SchemaCtx *c, const CrJson *schema, const CrJson *inst, const char *path, int depth)
{
	double		b;
	const CrJson *required = crjson_get(schema, "required");
	const CrJson *props = crjson_get(schema, "properties");
	const CrJson *patterns = crjson_get(schema, "patternProperties");
	const CrJson *additional = crjson_get(schema, "additionalProperties");
	int			r;

	if (number_of(crjson_get(schema, "minProperties"), &b) && inst->count < b)
		return fail(c, 0, path, "minProperties: %d properties, fewer than %g", inst->count, b);
	if (number_of(crjson_get(schema, "maxProperties"), &b) && inst->count > b)
		return fail(c, 0, path, "maxProperties: %d properties, more than %g", inst->count, b);
	if (required != NULL)
	{
		if (required->kind != CRJ_ARRAY)
			return fail(c, -1, path, "required: not a list of names");
		for (int i = 0; i < required->count; i++)
		{
			if (required->u.elems[i]->kind != CRJ_STRING)
				return fail(c, -1, path, "required: not a list of names");
			if (crjson_get(inst, required->u.elems[i]->u.str) == NULL)
				return fail(c, 0, path, "required: the property \"%s\" is missing", required->u.elems[i]->u.str);
		}
	}
	if ((props != NULL && props->kind != CRJ_OBJECT) || (patterns != NULL && patterns->kind != CRJ_OBJECT))
		return fail(c, -1, path, "properties: not an object of schemas");
	for (int i = 0; i < inst->count; i++)
	{
		const CrJsonMember *m = &inst->u.members[i];
		const CrJson *sub = props != NULL ? crjson_get(props, m->name) : NULL;
		char	   *mpath = child_path(path, m->name);
		bool		matched = sub != NULL;

		if (sub != NULL && (r = validate(c, sub, m->value, mpath, depth + 1)) != 1)
			return r;
		for (int k = 0; patterns != NULL && k < patterns->count; k++)
		{
			const CrJsonMember *pm = &patterns->u.members[k];
			int			hit = crschema_regex_search(pm->name, pm->name_len, m->name, m->name_len);

			if (hit < 0)
				return fail(c, -1, path, "patternProperties: \"%s\" is not a regular expression credreg can apply", pm->name);
			if (hit == 0)
				continue;
			matched = true;
			if ((r = validate(c, pm->value, m->value, mpath, depth + 1)) != 1)
				return r;
		}
		if (!matched && additional != NULL)
		{
			if (additional->kind == CRJ_FALSE)
				return fail(c, 0, mpath, "additionalProperties: the property \"%s\" is not allowed", m->name);
			if ((r = validate(c, additional, m->value, mpath, depth + 1)) != 1)
				return r;
		}
	}
	return 1;
}

/* Core §8.2.3.1: $ref within this document, a JSON Pointer fragment. */
static const CrJson *
resolve_ref(const CrJson *root, const char *ref)
{
	const char *id = crjson_get_string(root, "$id");
	const CrJson *at = root;
	const char *p;

	if (id != NULL && strncmp(ref, id, strlen(id)) == 0 && ref[strlen(id)] == '#')
		ref += strlen(id);
	if (ref[0] != '#')
		return NULL;
	p = ref + 1;
	while (*p == '/')
	{
		const char *end = strchr(p + 1, '/');
		size_t		n = end ? (size_t) (end - p - 1) : strlen(p + 1);
		StringInfoData tok;

		initStringInfo(&tok);
		for (size_t i = 0; i < n; i++)
		{
			char		ch = p[1 + i];

			if (ch == '~' && i + 1 < n && (p[2 + i] == '0' || p[2 + i] == '1'))
			{
				appendStringInfoChar(&tok, p[2 + i] == '0' ? '~' : '/');
				i++;
			}
			else
				appendStringInfoChar(&tok, ch);
		}
		if (at->kind == CRJ_OBJECT)
			at = crjson_get(at, tok.data);
		else if (at->kind == CRJ_ARRAY)
		{
			char	   *e;
			long		k = strtol(tok.data, &e, 10);

			at = (*e == '\0' && tok.len > 0 && k >= 0 && k < at->count) ? at->u.elems[k] : NULL;
		}
		else
			at = NULL;
		if (at == NULL)
			return NULL;
		p += 1 + n;
	}
	return *p == '\0' ? at : NULL;
}

/* anyOf / oneOf: how many of the subschemas the instance meets (-1: error). */
static int
count_matches(SchemaCtx *c, const CrJson *list, const CrJson *inst, const char *path, int depth,
			  const char *keyword)
{
	int			n = 0;

	if (list->kind != CRJ_ARRAY || list->count == 0)
		return fail(c, -1, path, "%s: not a non-empty list of schemas", keyword);
	c->quiet++;
	for (int i = 0; i < list->count; i++)
	{
		int			r = validate(c, list->u.elems[i], inst, path, depth + 1);

		if (r < 0)
		{
			c->quiet--;
			return -1;
		}
		n += r;
	}
	c->quiet--;
	return n;
}

static int
validate(SchemaCtx *c, const CrJson *schema, const CrJson *inst, const char *path, int depth)
{
	const CrJson *v;
	int			r;

	if (depth > CRSCHEMA_MAX_DEPTH)
		return fail(c, -1, path, "the schema nests (or refers) deeper than %d levels", CRSCHEMA_MAX_DEPTH);
	/* Core §4.3.2: boolean schemas */
	if (schema->kind == CRJ_TRUE)
		return 1;
	if (schema->kind == CRJ_FALSE)
		return fail(c, 0, path, "the schema false allows no value");
	if (schema->kind != CRJ_OBJECT)
		return fail(c, -1, path, "a schema is an object or a boolean, not a %s", crjson_kind_name(schema->kind));

	if ((v = crjson_get(schema, "$ref")) != NULL)
	{
		const CrJson *target = v->kind == CRJ_STRING ? resolve_ref(c->root, v->u.str) : NULL;

		if (target == NULL)
			return fail(c, -1, path, "$ref: only references into the schema itself are followed (\"#...\"), and this one leads nowhere");
		if ((r = validate(c, target, inst, path, depth + 1)) != 1)
			return r;
	}
	if ((v = crjson_get(schema, "type")) != NULL && (r = check_type(c, v, inst, path)) != 1)
		return r;
	if ((v = crjson_get(schema, "enum")) != NULL)
	{
		bool		found = false;

		if (v->kind != CRJ_ARRAY)
			return fail(c, -1, path, "enum: not a list");
		for (int i = 0; i < v->count && !found; i++)
			found = json_equal(v->u.elems[i], inst);
		if (!found)
			return fail(c, 0, path, "enum: the value is none of the %d allowed", v->count);
	}
	if ((v = crjson_get(schema, "const")) != NULL && !json_equal(v, inst))
		return fail(c, 0, path, "const: the value is not the one allowed");

	if (inst->kind == CRJ_NUMBER && (r = check_number(c, schema, inst, path)) != 1)
		return r;
	if (inst->kind == CRJ_STRING && (r = check_string(c, schema, inst, path)) != 1)
		return r;
	if (inst->kind == CRJ_ARRAY && (r = check_array(c, schema, inst, path, depth)) != 1)
		return r;
	if (inst->kind == CRJ_OBJECT && (r = check_object(c, schema, inst, path, depth)) != 1)
		return r;

	/* Core §10.2.1: applying subschemas with logic */
	if ((v = crjson_get(schema, "allOf")) != NULL)
	{
		if (v->kind != CRJ_ARRAY)
			return fail(c, -1, path, "allOf: not a list of schemas");
		for (int i = 0; i < v->count; i++)
			if ((r = validate(c, v->u.elems[i], inst, path, depth + 1)) != 1)
				return r;
	}
	if ((v = crjson_get(schema, "anyOf")) != NULL)
	{
		r = count_matches(c, v, inst, path, depth, "anyOf");
		if (r < 0)
			return -1;
		if (r == 0)
			return fail(c, 0, path, "anyOf: the value meets none of the %d schemas", v->count);
	}
	if ((v = crjson_get(schema, "oneOf")) != NULL)
	{
		r = count_matches(c, v, inst, path, depth, "oneOf");
		if (r < 0)
			return -1;
		if (r != 1)
			return fail(c, 0, path, "oneOf: the value meets %d of the schemas, not exactly one", r);
	}
	if ((v = crjson_get(schema, "not")) != NULL)
	{
		c->quiet++;
		r = validate(c, v, inst, path, depth + 1);
		c->quiet--;
		if (r < 0)
			return -1;
		if (r == 1)
			return fail(c, 0, path, "not: the value meets the schema it must not");
	}
	return 1;
}

CrSchemaResult
crschema_validate(const CrJson *schema, const CrJson *instance, char **message)
{
	SchemaCtx	c;
	int			r;

	c.root = schema;
	c.message = NULL;
	c.quiet = 0;
	r = validate(&c, schema, instance, "", 0);
	*message = c.message;
	return r == 1 ? CRSCHEMA_VALID : r == 0 ? CRSCHEMA_INVALID : CRSCHEMA_ERROR;
}

/*
 * fuzz_json.c
 *		libFuzzer harness for the strict JSON parser and the JCS serializer.
 *
 * FUZZ_SOURCES: src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * Checked on every input:
 * - crjson_parse never raises (an ERROR inside it is a finding) and either
 *   returns a tree or fills the failure with code "malformed" and a message;
 * - a parsed tree's JCS form and compact text form parse again, and
 *   canonicalizing either gives the same bytes (JCS is idempotent and the
 *   text output loses nothing);
 * - JCS fails only on a number that is not a finite double;
 * - string escaping agrees with a plain reference implementation;
 * - lookups find every member, the builders drop, replace and add members.
 * The first input byte picks credreg.max_json_depth (1..64 or the default),
 * so the depth limit is exercised at every value.
 */
#include "postgres.h"

#include "json/json.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *data;
	size_t		size;
	CrJson	   *tree;
	CredregFailure failure;
} Case;

static void
parse_case(void *arg)
{
	Case	   *c = arg;

	c->tree = crjson_parse(c->data, c->size, &c->failure);
}

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_json: %s\n", what);
	abort();
}

/* The JCS string escaping written the plain way, to check the fast one. */
static void
reference_string(StringInfo out, const char *s, int len)
{
	appendStringInfoChar(out, '"');
	for (int i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
		{
			appendStringInfoChar(out, '\\');
			appendStringInfoChar(out, (char) c);
		}
		else if (c == '\b')
			appendStringInfoString(out, "\\b");
		else if (c == '\t')
			appendStringInfoString(out, "\\t");
		else if (c == '\n')
			appendStringInfoString(out, "\\n");
		else if (c == '\f')
			appendStringInfoString(out, "\\f");
		else if (c == '\r')
			appendStringInfoString(out, "\\r");
		else if (c < 0x20)
			appendStringInfo(out, "\\u%04x", c);
		else
			appendStringInfoChar(out, (char) c);
	}
	appendStringInfoChar(out, '"');
}

static void
check_string(const char *s, int len)
{
	StringInfoData a,
				b;

	initStringInfo(&a);
	initStringInfo(&b);
	crjson_append_string(&a, s, len);
	reference_string(&b, s, len);
	if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
		fail("crjson_append_string differs from the plain escaping");
}

/*
 * Lookups and builders over every object of the tree: each member is found
 * by name (names without U+0000), without() drops exactly it, put() replaces
 * in place and appends new names.
 */
static void
check_lookups(const CrJson *v)
{
	if (v->kind == CRJ_STRING)
		check_string(v->u.str, v->count);
	if (v->kind == CRJ_ARRAY)
	{
		for (int i = 0; i < v->count; i++)
			check_lookups(v->u.elems[i]);
		return;
	}
	if (v->kind != CRJ_OBJECT)
		return;
	for (int i = 0; i < v->count; i++)
	{
		const CrJsonMember *m = &v->u.members[i];
		CrJson	   *w;
		CrJson	   *s;

		check_lookups(m->value);
		check_string(m->name, m->name_len);
		if ((int) strlen(m->name) != m->name_len)
			continue;
		if (crjson_get(v, m->name) != m->value)
			fail("crjson_get does not find a member");
		if ((crjson_get_string(v, m->name) != NULL) != (m->value->kind == CRJ_STRING))
			fail("crjson_get_string disagrees with the member's kind");
		if (m->value->kind == CRJ_STRING &&
			(int) strlen(m->value->u.str) == m->value->count &&
			!crjson_is_string(m->value, m->value->u.str))
			fail("crjson_is_string is false on the string itself");
		w = crjson_object_without(v, m->name);
		if (w->count != v->count - 1 || crjson_get(w, m->name) != NULL)
			fail("crjson_object_without did not drop exactly one member");
		s = crjson_make_string("x");
		crjson_object_put(w, m->name, s);
		if (w->count != v->count || crjson_get(w, m->name) != s ||
			w->u.members[w->count - 1].value != s)
			fail("crjson_object_put did not append a new member");
		crjson_object_put(w, m->name, m->value);
		if (w->count != v->count || crjson_get(w, m->name) != m->value)
			fail("crjson_object_put did not replace in place");
	}
}

static void
check_tree(void *arg)
{
	Case	   *c = arg;
	StringInfoData jcs1,
				jcs2,
				txt;
	CredregFailure f;
	CrJson	   *again;

	check_lookups(c->tree);
	initStringInfo(&jcs1);
	if (!crjcs_append(&jcs1, c->tree, &f))
	{
		if (f.code == NULL || strcmp(f.code, "malformed") != 0 ||
			strstr(f.message, "IEEE 754") == NULL)
			fail("crjcs_append failed for another reason than a number");
		return;
	}
	again = crjson_parse(jcs1.data, jcs1.len, &f);
	if (again == NULL)
	{
		fprintf(stderr, "%s\n", f.message);
		fail("JCS output does not parse");
	}
	initStringInfo(&jcs2);
	if (!crjcs_append(&jcs2, again, &f))
		fail("JCS of the JCS output fails");
	if (jcs1.len != jcs2.len || memcmp(jcs1.data, jcs2.data, jcs1.len) != 0)
		fail("JCS is not idempotent");

	initStringInfo(&txt);
	crjson_append_text(&txt, c->tree);
	again = crjson_parse(txt.data, txt.len, &f);
	if (again == NULL)
		fail("compact text output does not parse");
	resetStringInfo(&jcs2);
	if (!crjcs_append(&jcs2, again, &f) ||
		jcs1.len != jcs2.len || memcmp(jcs1.data, jcs2.data, jcs1.len) != 0)
		fail("compact text output canonicalizes differently");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	int			save_depth = credreg_max_json_depth;

	if (size == 0)
		return 0;
	if (data[0] < 64)
		credreg_max_json_depth = data[0] + 1;
	memset(&c, 0, sizeof(c));
	c.data = (const char *) data + 1;
	c.size = size - 1;

	if (!pg_shim_run(parse_case, &c))
	{
		fprintf(stderr, "%s\n", pg_shim_last_error(NULL));
		fail("crjson_parse raised an error");
	}
	if (c.tree == NULL)
	{
		if (c.failure.code == NULL || strcmp(c.failure.code, "malformed") != 0 ||
			c.failure.message == NULL || c.failure.message[0] == '\0')
			fail("rejection without code \"malformed\" and a message");
	}
	else if (!pg_shim_run(check_tree, &c))
	{
		fprintf(stderr, "%s\n", pg_shim_last_error(NULL));
		fail("serializing a parsed tree raised an error");
	}
	credreg_max_json_depth = save_depth;
	pg_shim_reset();
	return 0;
}

/*
 * fuzz_json_schema.c
 *		libFuzzer harness for the JSON Schema validator
 *		(src/schema/json_schema.c), which applies schemas the registry
 *		stored to credentials anyone sends.
 *
 * FUZZ_SOURCES: src/schema/json_schema.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The input is a schema and an instance, separated by the first NUL byte
 * (without one, the schema is validated against itself).  Checked on every
 * input whose two halves parse:
 * - crschema_validate never raises, whatever the schema ($ref cycles,
 *   deep nesting, malformed keywords) and the instance;
 * - it returns one of its three results, with a message exactly when the
 *   instance does not conform or the schema cannot be applied;
 * - it is deterministic: the same call gives the same result and message;
 * - the boolean schemas true and false give valid and invalid.
 * The backend regex engine is not linked: "pattern" here matches when the
 * pattern occurs as a substring, and a pattern with an unbalanced "(" does
 * not compile, so both outcomes are reached.
 */
#include "postgres.h"

#include "schema/json_schema.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *schema_text;
	size_t		schema_len;
	const char *instance_text;
	size_t		instance_len;
	CrJson	   *schema;
	CrJson	   *instance;
	CrSchemaResult result[2];
	char	   *message[2];
} Case;

int
crschema_regex_search(const char *pattern, int patlen, const char *s, int slen)
{
	int			depth = 0;

	for (int i = 0; i < patlen; i++)
		depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
	if (depth != 0)
		return -1;
	if (patlen == 0)
		return 1;
	for (int i = 0; i + patlen <= slen; i++)
		if (memcmp(s + i, pattern, patlen) == 0)
			return 1;
	return 0;
}

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_json_schema: %s\n", what);
	abort();
}

static void
parse_case(void *arg)
{
	Case	   *c = arg;
	CredregFailure f;

	c->schema = crjson_parse(c->schema_text, c->schema_len, &f);
	c->instance = c->schema == NULL ? NULL : crjson_parse(c->instance_text, c->instance_len, &f);
}

static void
validate_case(void *arg)
{
	Case	   *c = arg;

	for (int i = 0; i < 2; i++)
		c->result[i] = crschema_validate(c->schema, c->instance, &c->message[i]);
}

static void
booleans_case(void *arg)
{
	Case	   *c = arg;
	CrJson		t = {.kind = CRJ_TRUE},
				f = {.kind = CRJ_FALSE};
	char	   *m;

	if (crschema_validate(&t, c->instance, &m) != CRSCHEMA_VALID || m != NULL)
		fail("the schema true refused an instance");
	if (crschema_validate(&f, c->instance, &m) != CRSCHEMA_INVALID || m == NULL)
		fail("the schema false accepted an instance");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	const uint8_t *nul = memchr(data, 0, size);

	memset(&c, 0, sizeof(c));
	c.schema_text = (const char *) data;
	c.schema_len = nul ? (size_t) (nul - data) : size;
	c.instance_text = nul ? (const char *) nul + 1 : (const char *) data;
	c.instance_len = nul ? size - c.schema_len - 1 : size;

	if (!pg_shim_run(parse_case, &c))
		fail("parsing raised an error");
	if (c.schema != NULL && c.instance != NULL)
	{
		if (!pg_shim_run(validate_case, &c))
		{
			fprintf(stderr, "%s\n", pg_shim_last_error(NULL));
			fail("crschema_validate raised an error");
		}
		for (int i = 0; i < 2; i++)
		{
			if (c.result[i] != CRSCHEMA_VALID && c.result[i] != CRSCHEMA_INVALID &&
				c.result[i] != CRSCHEMA_ERROR)
				fail("an unknown result");
			if ((c.result[i] == CRSCHEMA_VALID) != (c.message[i] == NULL))
				fail("a message without a failure, or a failure without a message");
		}
		if (c.result[0] != c.result[1] ||
			(c.message[0] != NULL && strcmp(c.message[0], c.message[1]) != 0))
			fail("two identical calls disagree");
		if (!pg_shim_run(booleans_case, &c))
			fail("a boolean schema raised an error");
	}
	pg_shim_reset();
	return 0;
}

/*
 * fuzz_stackrule.c
 *		libFuzzer harness for the stack rule parser (validation into the
 *		model), its compiled binary form and its canonical JSON.
 *
 * FUZZ_SOURCES: src/stack/rule_parse.c src/stack/rule_binary.c src/util/datetime.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * Checked on every input (JSON text of a rule):
 * - the strict JSON parser never raises; when it accepts, the rule parser
 *   either accepts or raises with SQLSTATE 22023 (invalid rule), 22007 (a
 *   malformed date) or 54000
 *   (a size limit): any other ERROR (an internal elog) is a finding;
 * - an accepted rule serializes to the compiled form, which deserializes
 *   without error and serializes again to the same bytes;
 * - its canonical JSON parses (strict parser) and validates again, and is a
 *   fixed point: canonical(parse(canonical(r))) == canonical(r).
 * The first input byte picks credreg.max_json_depth (4..67 or the default).
 */
#include "postgres.h"

#include "json/json.h"
#include "stack/stack_internal.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *data;
	size_t		size;
	CrJson	   *doc;
	CredregFailure failure;
	StackRule  *rule;
	bytea	   *bin;
	StringInfoData text;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_stackrule: %s\n", what);
	abort();
}

static void
parse_json(void *arg)
{
	Case	   *c = arg;

	c->doc = crjson_parse(c->data, c->size, &c->failure);
}

static void
parse_rule(void *arg)
{
	Case	   *c = arg;

	c->rule = stack_rule_from_json(c->doc);
}

static void
compile(void *arg)
{
	Case	   *c = arg;

	c->bin = stack_rule_serialize(c->rule);
}

static void
round_trip(void *arg)
{
	Case	   *c = arg;
	StackRule  *back = stack_rule_deserialize(VARDATA(c->bin), VARSIZE(c->bin) - VARHDRSZ);
	bytea	   *again = stack_rule_serialize(back);
	StringInfoData t2;
	CredregFailure f;
	CrJson	   *doc2;
	StackRule  *r2;

	if (VARSIZE(again) != VARSIZE(c->bin) || memcmp(again, c->bin, VARSIZE(again)) != 0)
		fail("compiled form does not round-trip");
	initStringInfo(&c->text);
	stack_rule_to_json(&c->text, back);
	doc2 = crjson_parse(c->text.data, c->text.len, &f);
	if (doc2 == NULL)
		fail("canonical JSON does not parse");
	r2 = stack_rule_from_json(doc2);
	initStringInfo(&t2);
	stack_rule_to_json(&t2, r2);
	if (t2.len != c->text.len || memcmp(t2.data, c->text.data, t2.len) != 0)
		fail("canonical JSON is not a fixed point");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	int			sqlstate = 0;

	memset(&c, 0, sizeof(c));
	credreg_max_json_depth = 128;
	if (size > 0)
	{
		if (data[0] < 64)
			credreg_max_json_depth = 4 + data[0];
		data++;
		size--;
	}
	c.data = (const char *) data;
	c.size = size;
	if (!pg_shim_run(parse_json, &c))
		fail("crjson_parse raised");
	if (c.doc != NULL)
	{
		if (!pg_shim_run(parse_rule, &c))
		{
			pg_shim_last_error(&sqlstate);
			if (sqlstate != ERRCODE_INVALID_PARAMETER_VALUE &&
				sqlstate != ERRCODE_INVALID_DATETIME_FORMAT &&
				sqlstate != ERRCODE_PROGRAM_LIMIT_EXCEEDED)
			{
				fprintf(stderr, "fuzz_stackrule: %s\n", pg_shim_last_error(NULL));
				fail("rule parser raised an unexpected SQLSTATE");
			}
		}
		else
		{
			if (!pg_shim_run(compile, &c))
				fail("serializing an accepted rule raised");
			if (!pg_shim_run(round_trip, &c))
			{
				fprintf(stderr, "fuzz_stackrule: %s\n", pg_shim_last_error(NULL));
				fail("round trip raised");
			}
		}
	}
	pg_shim_reset();
	return 0;
}

/*
 * fuzz_ob2.c
 *		libFuzzer harness for reading Open Badges 2.0 assertions
 *		(src/ob2/ob2_assertion.c) from arbitrary JSON.
 *
 * FUZZ_SOURCES: src/ob2/ob2_assertion.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * Checked on every input that parses as JSON:
 * - nothing raises; a refusal has the code "malformed" or
 *   "unsupported_format" and a message;
 * - an accepted assertion is an OB 2.0 assertion (crob2_is_assertion) with
 *   an id, a verification type hosted or signed, a recipient identity, a
 *   badge that is an IRI or an object, and issuedOn;
 * - the revocation list reader, given the input as a list, never raises.
 */
#include "postgres.h"

#include "ob2/ob2.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *text;
	size_t		size;
	CrJson	   *doc;
	bool		ok;
	CrOb2Assertion a;
	CredregFailure failure;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_ob2: %s\n", what);
	abort();
}

static void
run_case(void *arg)
{
	Case	   *c = arg;
	CredregFailure f;

	c->doc = crjson_parse(c->text, c->size, &f);
	if (c->doc == NULL)
		return;
	c->ok = crob2_read_assertion(c->doc, &c->a, &c->failure);
	(void) crob2_revocation_lists(c->doc, "https://example.org/a.json");
	if (c->ok)
		(void) crob2_revocation_lists(c->doc, c->a.id);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	memset(&c, 0, sizeof(c));
	c.text = (const char *) data;
	c.size = size;
	if (!pg_shim_run(run_case, &c))
		fail(pg_shim_last_error(NULL));
	if (c.doc != NULL)
	{
		if (!c.ok && (c.failure.code == NULL || c.failure.message == NULL ||
					  (strcmp(c.failure.code, "malformed") != 0 &&
					   strcmp(c.failure.code, "unsupported_format") != 0)))
			fail("a refusal without a documented code and a message");
		if (c.ok &&
			(!crob2_is_assertion(c.doc) || c.a.id == NULL || c.a.identity == NULL ||
			 c.a.issued_on == NULL || c.a.badge == NULL ||
			 (c.a.badge->kind != CRJ_STRING && c.a.badge->kind != CRJ_OBJECT) ||
			 (strcmp(c.a.verification_type, "hosted") != 0 && strcmp(c.a.verification_type, "signed") != 0)))
			fail("an accepted assertion lacks what verification reads");
	}
	pg_shim_reset();
	return 0;
}

/*
 * fuzz_did.c
 *		libFuzzer harness for finding a verification method in a stored DID
 *		or controller document (src/did/did_method.c), and importing the key
 *		it names.
 *
 * FUZZ_SOURCES: src/did/did_method.c src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/util/encoding.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The input is a JSON document, looked up for a few methods (absolute and
 * relative ids, did:web and https bases).  Checked on every input that
 * parses:
 * - nothing raises; a refusal has the code "key_unresolved" and a message;
 * - a found method has a key text and a controller; importing the key
 *   never raises and refuses with a documented key code.
 */
#include "postgres.h"

#include "did/did.h"

#include "pg_shim.h"

static const char *const lookups[][2] = {
	{"did:web:example.com", "did:web:example.com#key-1"},
	{"did:web:example.com", "did:web:example.com#k"},
	{"https://example.edu/issuers/1", "https://example.edu/issuers/1#key-1"},
};

typedef struct Case
{
	const char *text;
	size_t		size;
	CrJson	   *doc;
	int			which;
	bool		ok;
	char	   *key_text;
	const char *controller;
	CredregFailure failure;
	bool		key_ok;
	CrKey	   *key;
	CredregFailure key_failure;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_did: %s\n", what);
	abort();
}

static void
parse_case(void *arg)
{
	Case	   *c = arg;
	CredregFailure f;

	c->doc = crjson_parse(c->text, c->size, &f);
}

static void
find_case(void *arg)
{
	Case	   *c = arg;

	c->ok = crdid_find_method(c->doc, lookups[c->which][0], lookups[c->which][1],
							  &c->key_text, &c->controller, &c->failure);
	if (c->ok)
		c->key_ok = crkey_parse(c->key_text, strlen(c->key_text), &c->key, &c->key_failure);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	memset(&c, 0, sizeof(c));
	c.text = (const char *) data;
	c.size = size;
	if (!pg_shim_run(parse_case, &c))
		fail(pg_shim_last_error(NULL));
	if (c.doc != NULL)
	{
		for (c.which = 0; c.which < (int) lengthof(lookups); c.which++)
		{
			c.ok = c.key_ok = false;
			memset(&c.failure, 0, sizeof(c.failure));
			memset(&c.key_failure, 0, sizeof(c.key_failure));
			if (!pg_shim_run(find_case, &c))
				fail(pg_shim_last_error(NULL));
			if (!c.ok && (c.failure.code == NULL || c.failure.message == NULL ||
						  strcmp(c.failure.code, "key_unresolved") != 0))
				fail("a refusal without the code key_unresolved and a message");
			if (c.ok && (c.key_text == NULL || c.controller == NULL))
				fail("a found method without key text or controller");
			if (c.ok && !c.key_ok &&
				(c.key_failure.code == NULL ||
				 (strcmp(c.key_failure.code, "key_malformed") != 0 &&
				  strcmp(c.key_failure.code, "key_unsupported") != 0 &&
				  strcmp(c.key_failure.code, "key_private") != 0)))
				fail("a key refusal without a documented code");
		}
	}
	pg_shim_reset();
	return 0;
}

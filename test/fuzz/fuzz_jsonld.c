/*
 * fuzz_jsonld.c
 *		libFuzzer harness for JSON-LD expansion and deserialization to RDF.
 *
 * FUZZ_SOURCES: src/jsonld/jsonld.c src/jsonld/jsonld_context.c src/jsonld/jsonld_expand.c src/jsonld/jsonld_iri.c src/jsonld/jsonld_rdf.c src/jsonld/jsonld_value.c src/rdf/dataset.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The context store (jsonld_cache.c) needs SPI, so this file stands in for
 * it: a fixed table of four contexts (one includes itself, one imports
 * another, one has protected and scoped terms), no cache.
 *
 * Checked on every input that parses as JSON:
 * - credreg_jsonld_to_nquads and credreg_jsonld_expand_text never raise (an
 *   ERROR inside them is a finding: the verifier calls them) and a failure
 *   has one of the documented codes and a message;
 * - safe mode is stricter, never different: when it succeeds, lax mode
 *   succeeds with the same N-Quads;
 * - the expanded document is valid JSON, and expanding it again gives the
 *   same N-Quads when there are no blank nodes (expansion is idempotent).
 * The first input byte sets credreg.jsonld_max_nodes (small values exercise
 * the limit) and the base IRI.
 */
#include "postgres.h"

#include "jsonld/jsonld_int.h"

#include "pg_shim.h"

static const struct
{
	const char *url;
	const char *document;
}			contexts[] = {
	{"https://example.org/ctx", "{\"@context\": {\"@vocab\": \"https://example.org/v#\", \"id\": \"@id\", \"type\": \"@type\"}}"},
	{"https://example.org/self", "{\"@context\": \"https://example.org/self\"}"},
	{"https://example.org/import", "{\"@context\": {\"@import\": \"https://example.org/ctx\", \"n\": {\"@id\": \"https://example.org/n\", \"@container\": \"@list\"}}}"},
	{"https://example.org/protected", "{\"@context\": {\"@protected\": true, \"T\": {\"@id\": \"https://example.org/T\", \"@context\": {\"p\": {\"@id\": \"https://example.org/p\", \"@type\": \"@id\"}}}, \"j\": {\"@id\": \"https://example.org/j\", \"@type\": \"@json\"}, \"lang\": {\"@id\": \"https://example.org/l\", \"@container\": \"@language\"}, \"idx\": {\"@id\": \"https://example.org/i\", \"@container\": [\"@graph\", \"@index\"]}}}"},
	{NULL, NULL}
};

/* stand-ins for jsonld_cache.c */
bool
jld_load_context(JldProc *p, const char *url, const CrJson **context)
{
	for (int i = 0; contexts[i].url; i++)
	{
		if (strcmp(contexts[i].url, url) == 0)
		{
			CredregFailure f = {0};
			CrJson	   *doc = crjson_parse(contexts[i].document, strlen(contexts[i].document), &f);

			if (doc == NULL || crj_member(doc, "@context") == NULL)
				abort();
			*context = crj_member(doc, "@context");
			return true;
		}
	}
	return jld_fail(p, "context_unknown", "loading remote context failed: \"%s\"", url);
}

bool
jld_process_context_cached(JldProc *p, JldContext *active, const CrJson *local,
						   const char *base_url, bool override_protected,
						   bool propagate, bool local_resident, JldContext **result)
{
	return jld_process_context(p, active, local, base_url, NULL, override_protected,
							   propagate, true, result);
}

void
jld_cache_begin(void)
{
}

typedef struct Case
{
	const CrJson *doc;
	const char *base;
	bool		safe;
	bool		ok;
	StringInfoData out;
	CredregFailure failure;
	bool		expand;			/* expand only */
} Case;

static void
run_case(void *arg)
{
	Case	   *c = arg;

	initStringInfo(&c->out);
	if (c->expand)
		c->ok = credreg_jsonld_expand_text(c->doc, c->base, c->safe, &c->out, &c->failure);
	else
		c->ok = credreg_jsonld_to_nquads(c->doc, c->base, c->safe, &c->out, &c->failure);
}

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_jsonld: %s\n", what);
	abort();
}

static void
run(Case *c, const CrJson *doc, const char *base, bool safe, bool expand)
{
	memset(c, 0, sizeof(*c));
	c->doc = doc;
	c->base = base;
	c->safe = safe;
	c->expand = expand;
	if (!pg_shim_run(run_case, c))
	{
		int			sqlstate;

		fprintf(stderr, "ERROR: %s\n", pg_shim_last_error(&sqlstate));
		fail("the processor raised an ERROR");
	}
	if (!c->ok)
	{
		const char *code = c->failure.code;

		if (code == NULL || c->failure.message == NULL)
			fail("failure without a code or message");
		if (strcmp(code, "jsonld_invalid") != 0 && strcmp(code, "context_unknown") != 0 &&
			strcmp(code, "jsonld_limit") != 0 && strcmp(code, "jsonld_dropped_term") != 0 &&
			strcmp(code, "malformed") != 0)
			fail("undocumented failure code");
		if (strcmp(code, "jsonld_dropped_term") == 0 && !safe)
			fail("jsonld_dropped_term outside safe mode");
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	CredregFailure f = {0};
	CrJson	   *doc;
	const char *base;
	Case		lax,
				safe,
				exp,
				again;

	if (size < 1)
		return 0;
	credreg_jsonld_max_nodes = (data[0] & 0x7f) < 8 ? 4 + (data[0] & 7) * 16 : 100000;
	base = (data[0] & 0x80) ? "https://example.org/base/doc" : NULL;
	doc = crjson_parse((const char *) data + 1, size - 1, &f);
	if (doc == NULL)
	{
		pg_shim_reset();
		return 0;
	}

	run(&lax, doc, base, false, false);
	run(&safe, doc, base, true, false);
	if (safe.ok && (!lax.ok || strcmp(safe.out.data, lax.out.data) != 0))
		fail("safe mode succeeded with a different result than lax mode");

	run(&exp, doc, base, false, true);
	/*
	 * toRdf does all of expansion's work and more, so it may fail where
	 * expansion does not: under a small credreg.jsonld_max_nodes (the node
	 * map's work), and on an @json literal whose numbers RFC 8785 cannot
	 * canonicalize (expansion keeps the JSON as it is).  Any other
	 * disagreement is a bug.
	 */
	if (exp.ok != lax.ok &&
		!(!lax.ok && exp.ok &&
		  (strcmp(lax.failure.code, "jsonld_limit") == 0 ||
		   strncmp(lax.failure.message, "invalid JSON literal", 20) == 0)))
		fail("expansion and toRdf disagree on failure");
	if (exp.ok)
	{
		CrJson	   *expanded = crjson_parse(exp.out.data, exp.out.len, &f);

		if (expanded == NULL)
			fail("the expanded document is not valid JSON");
		/*
		 * An @id of keyword form expands to "@id": null (JSON-LD 1.1 IRI
		 * expansion step 2; W3C expand test 0122 expects exactly that), and
		 * expanded output holding it is not itself expandable: no round trip
		 * to compare then.
		 */
		if (strstr(lax.out.data, "_:") == NULL && credreg_jsonld_max_nodes >= 100000 &&
			strstr(exp.out.data, "\"@id\":null") == NULL &&
			strstr(exp.out.data, "\"@id\": null") == NULL)
		{
			run(&again, expanded, base, false, false);
			if (!again.ok || strcmp(again.out.data, lax.out.data) != 0)
				fail("toRdf of the expanded document differs");
		}
	}
	pg_shim_reset();
	return 0;
}

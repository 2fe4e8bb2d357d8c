/*
 * fuzz_nquads.c
 *		libFuzzer harness for the N-Quads parser, the dataset writer and
 *		RDFC-1.0.
 *
 * FUZZ_SOURCES: src/rdf/dataset.c src/rdf/nquads.c src/rdf/rdfc.c
 *
 * Checked on every input (the first byte picks the hash and the work limit,
 * the rest is the document):
 * - rdf_parse_nquads never raises and either succeeds or fails with code
 *   "nquads_malformed" and a message naming a line and column;
 * - a parsed dataset written back as N-Quads parses again to a dataset
 *   that writes the same bytes (the writer loses nothing, and its output
 *   is already canonical term by term);
 * - rdfc_canonicalize never raises and either succeeds or fails with code
 *   "canonicalization_limit"; on success it issues one canonical label per
 *   blank node, its output is sorted, and canonicalizing the output again
 *   gives the same bytes (canonical form is a fixed point).
 */
#include "postgres.h"

#include "rdf/rdf.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *data;
	int			size;
	RdfcHash	hash;
	bool		ok;
	CredregFailure failure;
} Case;

static void
fail(const char *what, const Case *c)
{
	fprintf(stderr, "fuzz_nquads: %s\n", what);
	if (c && c->failure.message)
		fprintf(stderr, "  failure: %s: %s\n", c->failure.code, c->failure.message);
	abort();
}

static int
count_bnodes(const RdfDataset *ds)
{
	int			n = 0;
	int			id;
	bool	   *used = palloc0(sizeof(bool) * (rdf_dataset_nterms(ds) + 1));
	const RdfQuad *q = rdf_dataset_quads(ds);

	for (int i = 0; i < rdf_dataset_nquads(ds); i++)
	{
		RdfTermId	t[3] = {q[i].s, q[i].o, q[i].g};

		for (int k = 0; k < 3; k++)
			if (t[k] != RDF_DEFAULT_GRAPH && rdf_term_kind(ds, t[k]) == RDF_KIND_BNODE)
				used[t[k]] = true;
	}
	for (id = 1; id <= rdf_dataset_nterms(ds); id++)
		n += used[id];
	return n;
}

static void
check_case(void *arg)
{
	Case	   *c = arg;
	RdfDataset *ds = rdf_dataset_create();
	RdfDataset *ds2;
	StringInfoData w1,
				w2,
				canon,
				canon2;
	RdfTermId  *issued;
	int			nissued;
	CredregFailure f2;

	memset(&c->failure, 0, sizeof(c->failure));
	if (!rdf_parse_nquads(ds, c->data, c->size, &c->failure))
	{
		if (c->failure.code == NULL || c->failure.message == NULL ||
			(strcmp(c->failure.code, "nquads_malformed") != 0 &&
			 strcmp(c->failure.code, "document_too_large") != 0))
			fail("parser failed without a known code", c);
		if (strcmp(c->failure.code, "nquads_malformed") == 0 &&
			strstr(c->failure.message, "at line ") == NULL)
			fail("syntax error without a position", c);
		return;
	}

	/* the writer's output reparses to the same text */
	initStringInfo(&w1);
	rdf_dataset_write(ds, &w1);
	ds2 = rdf_dataset_create();
	if (!rdf_parse_nquads(ds2, w1.data, w1.len, &f2))
		fail("written dataset does not parse", c);
	initStringInfo(&w2);
	rdf_dataset_write(ds2, &w2);
	if (w1.len != w2.len || memcmp(w1.data, w2.data, w1.len) != 0)
		fail("write/parse/write is not stable", c);
	if (rdf_dataset_nquads(ds) != rdf_dataset_nquads(ds2))
		fail("quad count changed through write/parse", c);

	/* canonicalization */
	initStringInfo(&canon);
	if (!rdfc_canonicalize(ds, c->hash, &canon, &issued, &nissued, &c->failure))
	{
		if (c->failure.code == NULL || strcmp(c->failure.code, "canonicalization_limit") != 0)
			fail("canonicalization failed without the limit code", c);
		return;
	}
	if (nissued != count_bnodes(ds))
		fail("not one canonical label per blank node", c);

	/* lines sorted and distinct */
	{
		const char *prev = NULL;
		int			prevlen = 0;
		const char *p = canon.data;
		const char *end = canon.data + canon.len;

		while (p < end)
		{
			const char *nl = memchr(p, '\n', end - p);
			int			len;

			if (nl == NULL)
				fail("canonical output without final LF", c);
			len = (int) (nl - p) + 1;
			if (prev)
			{
				int			cmp = memcmp(prev, p, Min(prevlen, len));

				if (cmp > 0 || (cmp == 0 && prevlen >= len))
					fail("canonical output not sorted or has duplicate lines", c);
			}
			prev = p;
			prevlen = len;
			p = nl + 1;
		}
	}

	/* a fixed point */
	ds2 = rdf_dataset_create();
	if (!rdf_parse_nquads(ds2, canon.data, canon.len, &f2))
		fail("canonical output does not parse", c);
	initStringInfo(&canon2);
	if (!rdfc_canonicalize(ds2, c->hash, &canon2, NULL, NULL, &f2))
		return;					/* work depends a little on labels */
	if (canon.len != canon2.len || memcmp(canon.data, canon2.data, canon.len) != 0)
		fail("canonicalizing the canonical form changed it", c);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	if (size < 1 || size > 65536)
		return 0;
	memset(&c, 0, sizeof(c));
	c.hash = (data[0] & 1) ? RDFC_SHA384 : RDFC_SHA256;
	/* keep runs short: a poison input stops after at most 20,000 units */
	credreg_rdfc_max_work = 1 + (data[0] >> 1) * 160;
	c.data = (const char *) data + 1;
	c.size = (int) size - 1;
	if (!pg_shim_run(check_case, &c))
	{
		fprintf(stderr, "%s\n", pg_shim_last_error(NULL));
		fail("ERROR raised inside the N-Quads parser or RDFC", NULL);
	}
	pg_shim_reset();
	return 0;
}

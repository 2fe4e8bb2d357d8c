/*
 * stored_document.c
 *		Lookups of the stored documents (see stored_document.h).
 *
 * Each lookup reads its table straight from the local relation through the
 * primary key (crcache_read_rows), no query planned: on Citus, where these
 * tables are reference tables, a verification running on a worker inside a
 * query on a shard reads the worker's own placement (src/citus/citus.h).
 * The documents are not cached: a lookup is one index probe, and each
 * watched table has a generation of its own only so that the read follows
 * the table to its placement.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "did/stored_document.h"
#include "util/cache.h"

static CrCache did_document_table = CRCACHE_INIT("credreg did_document reader", "did_document");
static CrCache hosted_document_table = CRCACHE_INIT("credreg hosted_document reader", "hosted_document");
static CrCache anchor_table = CRCACHE_INIT("credreg blockchain_anchor reader", "blockchain_anchor");

/* Row callback: the jsonb column "document" as text, in the caller's context. */
static bool
read_document(HeapTuple tuple, TupleDesc desc, void *arg)
{
	char	  **text = arg;
	bool		isnull;
	Datum		d = crcache_getattr(tuple, desc, "document", &isnull);

	if (!isnull)
		*text = JsonbToCString(NULL, &DatumGetJsonbP(d)->root, VARSIZE_ANY(DatumGetPointer(d)));
	return false;				/* the key is the primary key: one row */
}

/* The document of the row whose key column equals key, as text, or NULL. */
static char *
lookup_document(CrCache *table, const char *column, const char *key)
{
	char	   *text = NULL;

	crcache_begin(table);
	crcache_read_rows(table, 0, column, key, read_document, &text);
	return text;
}

static CrJson *
parse_stored(const char *text)
{
	CredregFailure f;

	if (text == NULL)
		return NULL;
	/* jsonb output is always valid JSON; a size or depth limit can still refuse it */
	return crjson_parse(text, strlen(text), &f);
}

CrJson *
cr_did_document(const char *did)
{
	return parse_stored(lookup_document(&did_document_table, "did", did));
}

CrJson *
cr_hosted_document(const char *url)
{
	return parse_stored(lookup_document(&hosted_document_table, "url", url));
}

typedef struct AnchorLookup
{
	const char *transaction_id;
	char	   *merkle_root;	/* found: the stored root */
} AnchorLookup;

/* Row callback over a chain's anchors: the root of the wanted transaction. */
static bool
read_anchor(HeapTuple tuple, TupleDesc desc, void *arg)
{
	AnchorLookup *lookup = arg;
	bool		isnull;
	Datum		tx = crcache_getattr(tuple, desc, "transaction_id", &isnull);

	if (isnull || strcmp(TextDatumGetCString(tx), lookup->transaction_id) != 0)
		return true;
	lookup->merkle_root = TextDatumGetCString(crcache_getattr(tuple, desc, "merkle_root", &isnull));
	return false;
}

bool
cr_blockchain_anchor_matches(const char *chain, const char *transaction_id,
							 const char *merkle_root, bool *found)
{
	AnchorLookup lookup = {.transaction_id = transaction_id};

	/* the primary key (chain, transaction_id) leads with chain */
	crcache_begin(&anchor_table);
	crcache_read_rows(&anchor_table, 0, "chain", chain, read_anchor, &lookup);
	*found = lookup.merkle_root != NULL;
	return *found && pg_strcasecmp(lookup.merkle_root, merkle_root) == 0;
}

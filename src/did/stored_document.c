/*
 * stored_document.c
 *		The stored documents (see stored_document.h), each table behind a
 *		per-backend cache that follows util/cache.h: a lookup reads the row
 *		once per generation (no SPI, no planning: crcache_read_rows), keeps
 *		the parsed document (or that there is none) in the generation's
 *		memory, and a change to the table (the statement trigger
 *		stored_document_changed) starts a new generation in every backend.
 *
 * A document handed out belongs to the cache: it is borrowed for the call
 * at hand and must not be modified.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "did/stored_document.h"
#include "util/cache.h"

/*
 * Bounds of one generation: past either, the cache starts afresh, so that a
 * bulk verification naming millions of distinct unknown URLs does not grow
 * it without limit.
 */
#define STORED_CACHE_MAX_KEYS	65536
#define STORED_CACHE_MAX_BYTES	((Size) 64 * 1024 * 1024)

typedef struct StoredEntry
{
	const char *key;			/* hash key: a copy in the generation */
	bool		found;			/* a row exists */
	CrJson	   *doc;			/* parsed document (NULL: none, or unusable) */
	char	   *text;			/* a text column (blockchain_anchor.merkle_root) */
} StoredEntry;

typedef struct StoredCache
{
	CrCache		cache;
	HTAB	   *entries;		/* in the current generation */
	Size		bytes;
	const char *key_column;
	const char *value_column;
	bool		parse;			/* value_column holds a jsonb document */
	uint64		lookups;
	uint64		reads;
} StoredCache;

static StoredCache did_cache = {CRCACHE_INIT("credreg did_document cache", "did_document"),
NULL, 0, "did", "document", true};
static StoredCache hosted_cache = {CRCACHE_INIT("credreg hosted_document cache", "hosted_document"),
NULL, 0, "url", "document", true};
static StoredCache schema_cache = {CRCACHE_INIT("credreg credential_schema cache", "credential_schema"),
NULL, 0, "url", "schema", true};
/* keyed by transaction_id; the row's chain is checked by the caller's key */
static StoredCache anchor_cache = {CRCACHE_INIT("credreg blockchain_anchor cache", "blockchain_anchor"),
NULL, 0, "transaction_id", "merkle_root", false};

static uint32
key_hash(const void *key, Size keysize)
{
	const char *s = *(const char *const *) key;

	return hash_bytes((const unsigned char *) s, (int) strlen(s));
}

static int
key_match(const void *key1, const void *key2, Size keysize)
{
	return strcmp(*(const char *const *) key1, *(const char *const *) key2);
}

/* The hash table of the current generation, made anew when one began. */
static void
stored_begin(StoredCache *sc)
{
	HASHCTL		ctl;

	if (sc->entries != NULL &&
		(sc->bytes > STORED_CACHE_MAX_BYTES ||
		 hash_get_num_entries(sc->entries) >= STORED_CACHE_MAX_KEYS))
	{
		crcache_retire(&sc->cache);
		sc->entries = NULL;
	}
	if (!crcache_begin(&sc->cache) && sc->entries != NULL)
		return;
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(const char *);
	ctl.entrysize = sizeof(StoredEntry);
	ctl.hash = key_hash;
	ctl.match = key_match;
	ctl.hcxt = crcache_memory(&sc->cache);
	sc->entries = hash_create(sc->cache.name, 16, &ctl,
							  HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
	sc->bytes = 0;
}

typedef struct FillArg
{
	StoredCache *sc;
	StoredEntry *e;
	const char *chain;			/* blockchain_anchor: the row's chain must be this */
} FillArg;

static bool
fill_row(HeapTuple tuple, TupleDesc desc, void *arg)
{
	FillArg    *fa = arg;
	StoredCache *sc = fa->sc;
	MemoryContext old;
	bool		isnull;
	Datum		d;
	char	   *str;

	if (fa->chain != NULL)
	{
		d = crcache_getattr(tuple, desc, "chain", &isnull);
		if (isnull || strcmp(TextDatumGetCString(d), fa->chain) != 0)
			return true;		/* another chain's transaction: read on */
	}
	d = crcache_getattr(tuple, desc, sc->value_column, &isnull);
	fa->e->found = true;
	if (!isnull)
	{
		/* the text in the caller's memory; only what is kept goes to the generation's */
		if (sc->parse)
		{
			Jsonb	   *jb = DatumGetJsonbP(d);

			str = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
		}
		else
			str = TextDatumGetCString(d);
		sc->bytes += strlen(str);
		old = MemoryContextSwitchTo(crcache_memory(&sc->cache));
		if (sc->parse)
		{
			CredregFailure f;

			/* jsonb output is valid JSON; a size or depth limit can still refuse it */
			fa->e->doc = crjson_parse(str, strlen(str), &f);
		}
		else
			fa->e->text = pstrdup(str);
		MemoryContextSwitchTo(old);
		pfree(str);
	}
	return false;
}

/* The entry for key (chain: only rows of that chain), read on a miss. */
static StoredEntry *
stored_lookup(StoredCache *sc, const char *key, const char *chain)
{
	const char *hkey = chain != NULL ? psprintf("%s\n%s", chain, key) : key;
	StoredEntry *e;
	bool		found;
	FillArg		fa;

	sc->lookups++;
	stored_begin(sc);
	e = hash_search(sc->entries, &hkey, HASH_FIND, NULL);
	if (e != NULL)
		return e;
	hkey = MemoryContextStrdup(crcache_memory(&sc->cache), hkey);
	e = hash_search(sc->entries, &hkey, HASH_ENTER, &found);
	e->found = false;
	e->doc = NULL;
	e->text = NULL;
	sc->bytes += strlen(hkey) + sizeof(StoredEntry);
	fa.sc = sc;
	fa.e = e;
	fa.chain = chain;
	sc->reads++;
	PG_TRY();
	{
		crcache_read_rows(&sc->cache, 0, sc->key_column, key, fill_row, &fa);
	}
	PG_CATCH();
	{
		/* no half-filled entry survives an error (a missing privilege, say) */
		hash_search(sc->entries, &hkey, HASH_REMOVE, NULL);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return e;
}

CrJson *
cr_did_document(const char *did)
{
	return stored_lookup(&did_cache, did, NULL)->doc;
}

CrJson *
cr_hosted_document(const char *url)
{
	return stored_lookup(&hosted_cache, url, NULL)->doc;
}

CrJson *
cr_credential_schema_document(const char *url, bool *found)
{
	StoredEntry *e = stored_lookup(&schema_cache, url, NULL);

	*found = e->found;
	return e->doc;
}

bool
cr_blockchain_anchor_matches(const char *chain, const char *transaction_id,
							 const char *merkle_root, bool *found)
{
	StoredEntry *e = stored_lookup(&anchor_cache, transaction_id, chain);

	*found = e->found;
	return e->text != NULL && pg_strcasecmp(e->text, merkle_root) == 0;
}

void
cr_stored_document_stats(uint64 *lookups, uint64 *reads)
{
	StoredCache *all[] = {&did_cache, &hosted_cache, &schema_cache, &anchor_cache};

	*lookups = *reads = 0;
	for (int i = 0; i < lengthof(all); i++)
	{
		*lookups += all[i]->lookups;
		*reads += all[i]->reads;
	}
}

PG_FUNCTION_INFO_V1(credreg_stored_document_changed);
/*
 * AFTER ... FOR EACH STATEMENT trigger on did_document, hosted_document,
 * blockchain_anchor and credential_schema: every backend's cache of that
 * table starts a new generation (crcache_table_changed).
 */
Datum
credreg_stored_document_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "stored_document_changed must be called as a trigger");
	crcache_table_changed(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

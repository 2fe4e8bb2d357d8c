/*
 * keystore.c
 *		Cached lookups in credreg.issuer_key and credreg.trusted_issuer
 *		(interface and guarantees in keystore.h).
 *
 * One simplehash table maps a tagged blob to a cached result:
 *	 'K' key_id							-> the issuer_key row, or none
 *	 'I' issuer NUL type public-bytes	-> the issuer_key row, or none
 *	 'T' issuer							-> the trusted_issuer row, or none
 * The table and its entries (with their EVP_PKEYs) live in a generation of
 * a cache watching both tables (util/cache.h): a change to either, sent by
 * the statement trigger credreg.keystore_changed() or by DDL, starts a new
 * generation at the next lookup, and the old one is freed when the
 * transaction ends.  Rows are read with the latest snapshot, straight from
 * the tables' indexes (crcache_read_rows), no query planned.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "crypto/keystore.h"
#include "crypto/pubkey.h"
#include "util/cache.h"

/* Entries per generation before it is dropped (a registry has few keys). */
#define KEYSTORE_CACHE_MAX 10000

typedef struct KsKey
{
	const char *data;
	int			len;
} KsKey;

typedef struct KsEntry
{
	KsKey		k;
	uint32		hash;
	char		status;
	bool		found;
	CrRegisteredKey rk;			/* tags 'K' and 'I' */
	CrTrustedIssuer ti;			/* tag 'T' */
} KsEntry;

#define SH_PREFIX ks
#define SH_ELEMENT_TYPE KsEntry
#define SH_KEY_TYPE KsKey
#define SH_KEY k
#define SH_HASH_KEY(tb, key) hash_bytes((const unsigned char *) (key).data, (key).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).data, (b).data, (a).len) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

static CrCache keystore_cache = CRCACHE_INIT("credreg keystore cache",
											  "issuer_key", "trusted_issuer");
static ks_hash *ks_table = NULL;	/* in the current generation */
static uint64 ks_hits = 0;
static uint64 ks_misses = 0;

/* Starts a new generation when the tables changed or the table is full. */
static void
ks_ensure(void)
{
	if (ks_table != NULL && ks_table->members >= KEYSTORE_CACHE_MAX)
		crcache_retire(&keystore_cache);
	if (crcache_begin(&keystore_cache) || ks_table == NULL)
	{
		if (!OidIsValid(crcache_table_relid(&keystore_cache, 0)) ||
			!OidIsValid(crcache_table_relid(&keystore_cache, 1)))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_TABLE),
					 errmsg("the credreg key tables do not exist")));
		ks_table = ks_create(crcache_memory(&keystore_cache), 64, NULL);
	}
}

/* The watched tables, in the order CRCACHE_INIT names them. */
#define KS_ISSUER_KEY 0
#define KS_TRUSTED_ISSUER 1

static bool
get_ts(HeapTuple tup, TupleDesc desc, const char *column, TimestampTz *ts)
{
	bool		isnull;
	Datum		d = crcache_getattr(tup, desc, column, &isnull);

	if (!isnull)
		*ts = DatumGetTimestampTz(d);
	return !isnull;
}

static char *
get_text(HeapTuple tup, TupleDesc desc, const char *column)
{
	bool		isnull;
	Datum		d = crcache_getattr(tup, desc, column, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

static PubKey *
get_pubkey(HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = crcache_getattr(tup, desc, "public_key", &isnull);

	return isnull ? NULL : DatumGetPubKeyP(d);
}

/* Fills rk, in the cache's memory, from an issuer_key row. */
static void
fill_key_row(HeapTuple tup, TupleDesc desc, CrRegisteredKey *rk)
{
	MemoryContext old = MemoryContextSwitchTo(crcache_memory(&keystore_cache));
	PubKey	   *pk;
	CrKey	   *key;
	CredregFailure f;

	rk->key_id = get_text(tup, desc, "key_id");
	rk->issuer = get_text(tup, desc, "issuer");
	pk = get_pubkey(tup, desc);
	if (pk == NULL ||
		!crkey_from_public_bytes((CrKeyType) pk->type, pk->data, PUBKEY_DATALEN(pk), &key, &f))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored public key of \"%s\" is invalid: %s", rk->key_id,
						pk == NULL ? "it is NULL" : f.message)));
	rk->key = key;
	rk->has_valid_from = get_ts(tup, desc, "valid_from", &rk->valid_from);
	rk->has_valid_until = get_ts(tup, desc, "valid_until", &rk->valid_until);
	rk->has_revoked_at = get_ts(tup, desc, "revoked_at", &rk->revoked_at);
	MemoryContextSwitchTo(old);
}

/* Fills ti, in the cache's memory, from a trusted_issuer row. */
static void
fill_issuer_row(HeapTuple tup, TupleDesc desc, CrTrustedIssuer *ti)
{
	MemoryContext old = MemoryContextSwitchTo(crcache_memory(&keystore_cache));

	ti->issuer = get_text(tup, desc, "issuer");
	ti->name = get_text(tup, desc, "name");
	ti->has_valid_from = get_ts(tup, desc, "valid_from", &ti->valid_from);
	ti->has_valid_until = get_ts(tup, desc, "valid_until", &ti->valid_until);
	ti->has_revoked_at = get_ts(tup, desc, "revoked_at", &ti->revoked_at);
	MemoryContextSwitchTo(old);
}

/* Inserts blob into the table (copying it) after the row was fetched. */
static KsEntry *
ks_store(const char *blob, int len)
{
	KsKey		k;
	KsEntry    *e;
	bool		found;
	char	   *copy = MemoryContextAlloc(crcache_memory(&keystore_cache), len + 1);

	memcpy(copy, blob, len);
	copy[len] = '\0';
	k.data = copy;
	k.len = len;
	e = ks_insert(ks_table, k, &found);
	Assert(!found);
	memset(&e->rk, 0, sizeof(e->rk));
	memset(&e->ti, 0, sizeof(e->ti));
	return e;
}

static KsEntry *
ks_find(const char *blob, int len)
{
	KsKey		k;
	KsEntry    *e;

	k.data = blob;
	k.len = len;
	e = ks_lookup(ks_table, k);
	if (e)
		ks_hits++;
	else
		ks_misses++;
	return e;
}

/* Row callbacks: fetch first, insert after, so an error leaves no entry. */
typedef struct KsRead
{
	bool		found;
	CrRegisteredKey rk;
	CrTrustedIssuer ti;
	const CrKey *want;			/* for_issuer: the key the row must hold */
} KsRead;

static bool
read_first_key(HeapTuple tup, TupleDesc desc, void *arg)
{
	KsRead	   *r = arg;

	fill_key_row(tup, desc, &r->rk);
	r->found = true;
	return false;
}

static bool
read_first_issuer(HeapTuple tup, TupleDesc desc, void *arg)
{
	KsRead	   *r = arg;

	fill_issuer_row(tup, desc, &r->ti);
	r->found = true;
	return false;
}

/* -1 when a sorts before b: revoked_at NULLS FIRST, valid_until DESC NULLS FIRST, key_id */
static int
registered_key_order(const CrRegisteredKey *a, const CrRegisteredKey *b)
{
	if (a->has_revoked_at != b->has_revoked_at)
		return a->has_revoked_at ? 1 : -1;
	if (a->has_revoked_at && a->revoked_at != b->revoked_at)
		return a->revoked_at < b->revoked_at ? -1 : 1;
	if (a->has_valid_until != b->has_valid_until)
		return a->has_valid_until ? 1 : -1;
	if (a->has_valid_until && a->valid_until != b->valid_until)
		return a->valid_until > b->valid_until ? -1 : 1;
	return strcmp(a->key_id, b->key_id);
}

/*
 * Every issuer_key row of the issuer holding the wanted key; keeps the first
 * in the order above.  (A row that loses stays in the cache's memory until
 * the generation goes: an issuer has few keys.)
 */
static bool
read_best_key(HeapTuple tup, TupleDesc desc, void *arg)
{
	KsRead	   *r = arg;
	PubKey	   *pk = get_pubkey(tup, desc);
	CrRegisteredKey rk;

	if (pk == NULL || pk->type != (uint8) r->want->type ||
		PUBKEY_DATALEN(pk) != r->want->publen ||
		memcmp(pk->data, r->want->pub, r->want->publen) != 0)
		return true;
	memset(&rk, 0, sizeof(rk));
	fill_key_row(tup, desc, &rk);
	if (!r->found || registered_key_order(&rk, &r->rk) < 0)
		r->rk = rk;
	r->found = true;
	return true;
}

/* Caches what the read found under blob. */
static KsEntry *
ks_store_read(const StringInfoData *blob, const KsRead *r)
{
	KsEntry    *e = ks_store(blob->data, blob->len);

	e->found = r->found;
	e->rk = r->rk;
	e->ti = r->ti;
	return e;
}

bool
crkey_lookup_registered(const char *key_id, size_t len, const CrRegisteredKey **out)
{
	StringInfoData blob;
	KsEntry    *e;

	ks_ensure();
	initStringInfo(&blob);
	appendStringInfoChar(&blob, 'K');
	appendBinaryStringInfo(&blob, key_id, (int) len);
	e = ks_find(blob.data, blob.len);
	if (e == NULL)
	{
		KsRead		r = {0};

		crcache_read_rows(&keystore_cache, KS_ISSUER_KEY, "key_id",
						  pnstrdup(key_id, len), read_first_key, &r);
		e = ks_store_read(&blob, &r);
	}
	pfree(blob.data);
	*out = e->found ? &e->rk : NULL;
	return e->found;
}

bool
crkey_lookup_registered_for_issuer(const char *issuer, size_t len, const CrKey *key,
								   const CrRegisteredKey **out)
{
	StringInfoData blob;
	KsEntry    *e;

	ks_ensure();
	initStringInfo(&blob);
	appendStringInfoChar(&blob, 'I');
	appendBinaryStringInfo(&blob, issuer, (int) len);
	appendStringInfoChar(&blob, '\0');
	appendStringInfoChar(&blob, (char) key->type);
	appendBinaryStringInfo(&blob, (const char *) key->pub, key->publen);
	e = ks_find(blob.data, blob.len);
	if (e == NULL)
	{
		KsRead		r = {0};

		r.want = key;
		crcache_read_rows(&keystore_cache, KS_ISSUER_KEY, "issuer",
						  pnstrdup(issuer, len), read_best_key, &r);
		e = ks_store_read(&blob, &r);
	}
	pfree(blob.data);
	*out = e->found ? &e->rk : NULL;
	return e->found;
}

bool
crissuer_lookup_trusted(const char *issuer, size_t len, const CrTrustedIssuer **out)
{
	StringInfoData blob;
	KsEntry    *e;

	ks_ensure();
	initStringInfo(&blob);
	appendStringInfoChar(&blob, 'T');
	appendBinaryStringInfo(&blob, issuer, (int) len);
	e = ks_find(blob.data, blob.len);
	if (e == NULL)
	{
		KsRead		r = {0};

		crcache_read_rows(&keystore_cache, KS_TRUSTED_ISSUER, "issuer",
						  pnstrdup(issuer, len), read_first_issuer, &r);
		e = ks_store_read(&blob, &r);
	}
	pfree(blob.data);
	*out = e->found ? &e->ti : NULL;
	return e->found;
}

bool
crkey_registered_valid_at(const CrRegisteredKey *rk, TimestampTz at)
{
	if (rk->has_valid_from && at < rk->valid_from)
		return false;
	if (rk->has_valid_until && at >= rk->valid_until)
		return false;
	if (rk->has_revoked_at && at >= rk->revoked_at)
		return false;
	return true;
}

/*
 * Trigger credreg.keystore_changed(): after a statement changes issuer_key or
 * trusted_issuer, every backend's keystore cache must forget them (see
 * crcache_table_changed).
 */
PG_FUNCTION_INFO_V1(credreg_keystore_changed);
Datum
credreg_keystore_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "credreg.keystore_changed() must be called as a trigger");
	crcache_table_changed(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/* credreg.keystore_cache_stats(): hits, misses, invalidations in this backend. */
PG_FUNCTION_INFO_V1(credreg_keystore_cache_stats);
Datum
credreg_keystore_cache_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Int64GetDatum(ks_table && crcache_generation(&keystore_cache) != 0 ?
							  (int64) ks_table->members : 0);
	values[1] = Int64GetDatum((int64) ks_hits);
	values[2] = Int64GetDatum((int64) ks_misses);
	values[3] = Int64GetDatum((int64) keystore_cache.invalidations);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * credreg.registered_key(key_id): the cached lookup as SQL, for tests and
 * for registrars checking what the verifier sees.
 */
PG_FUNCTION_INFO_V1(credreg_registered_key);
Datum
credreg_registered_key(PG_FUNCTION_ARGS)
{
	text	   *id = PG_GETARG_TEXT_PP(0);
	const CrRegisteredKey *rk;
	TupleDesc	tupdesc;
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (!crkey_lookup_registered(VARDATA_ANY(id), VARSIZE_ANY_EXHDR(id), &rk))
		PG_RETURN_NULL();
	values[0] = CStringGetTextDatum(rk->key_id);
	values[1] = CStringGetTextDatum(rk->issuer);
	values[2] = PointerGetDatum(pubkey_from_crkey(rk->key));
	values[3] = TimestampTzGetDatum(rk->valid_from);
	nulls[3] = !rk->has_valid_from;
	values[4] = TimestampTzGetDatum(rk->valid_until);
	nulls[4] = !rk->has_valid_until;
	values[5] = TimestampTzGetDatum(rk->revoked_at);
	nulls[5] = !rk->has_revoked_at;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

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
 * transaction ends.  Rows are read with the latest snapshot.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
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

static bool
get_ts(HeapTuple tup, TupleDesc desc, int col, TimestampTz *ts)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	if (!isnull)
		*ts = DatumGetTimestampTz(d);
	return !isnull;
}

static char *
get_text(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

/*
 * Fills rk, in the cache context, from a key query's row (its select list:
 * key_id, issuer, public_key, valid_from, valid_until, revoked_at).
 */
static void
fill_key_row(HeapTuple tup, TupleDesc desc, CrRegisteredKey *rk)
{
	bool		isnull;
	PubKey	   *pk;
	CrKey	   *key;
	CredregFailure f;

	rk->key_id = get_text(tup, desc, 1);
	rk->issuer = get_text(tup, desc, 2);
	pk = DatumGetPubKeyP(SPI_getbinval(tup, desc, 3, &isnull));
	if (!crkey_from_public_bytes((CrKeyType) pk->type, pk->data, PUBKEY_DATALEN(pk),
								 &key, &f))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored public key of \"%s\" is invalid: %s", rk->key_id, f.message)));
	rk->key = key;
	rk->has_valid_from = get_ts(tup, desc, 4, &rk->valid_from);
	rk->has_valid_until = get_ts(tup, desc, 5, &rk->valid_until);
	rk->has_revoked_at = get_ts(tup, desc, 6, &rk->revoked_at);
}

/*
 * Fills ti, in the cache context, from a trusted_issuer row (issuer, name,
 * valid_from, valid_until, revoked_at).
 */
static void
fill_issuer_row(HeapTuple tup, TupleDesc desc, CrTrustedIssuer *ti)
{
	ti->issuer = get_text(tup, desc, 1);
	ti->name = get_text(tup, desc, 2);
	ti->has_valid_from = get_ts(tup, desc, 3, &ti->valid_from);
	ti->has_valid_until = get_ts(tup, desc, 4, &ti->valid_until);
	ti->has_revoked_at = get_ts(tup, desc, 5, &ti->revoked_at);
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

/*
 * On a miss: runs sql (at most one row) and caches its result under blob,
 * whose tag (first byte) tells an issuer_key row ('K', 'I') from a
 * trusted_issuer row ('T').  Fetch first, insert after: an error raised
 * while fetching leaves the table untouched.
 */
static KsEntry *
ks_fetch(const StringInfoData *blob, const char *sql, int nargs, Oid *types,
		 Datum *values)
{
	CrRegisteredKey rk;
	CrTrustedIssuer ti;
	bool		found = false;
	int			rc;
	KsEntry    *e;
	bool		pushed;

	memset(&rk, 0, sizeof(rk));
	memset(&ti, 0, sizeof(ti));
	pushed = crcache_read_begin(&keystore_cache);
	SPI_connect();
	rc = SPI_execute_with_args(sql, nargs, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "keystore query failed: %s", SPI_result_code_string(rc));
	if (SPI_processed > 0)
	{
		MemoryContext old = MemoryContextSwitchTo(crcache_memory(&keystore_cache));

		if (blob->data[0] == 'T')
			fill_issuer_row(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, &ti);
		else
			fill_key_row(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, &rk);
		MemoryContextSwitchTo(old);
		found = true;
	}
	SPI_finish();
	crcache_read_end(pushed);
	e = ks_store(blob->data, blob->len);
	e->found = found;
	e->rk = rk;
	e->ti = ti;
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
		Oid			types[1] = {TEXTOID};
		Datum		values[1];

		values[0] = PointerGetDatum(cstring_to_text_with_len(key_id, (int) len));
		e = ks_fetch(&blob,
					 "SELECT key_id, issuer, public_key, valid_from, valid_until, revoked_at"
					 " FROM credreg.issuer_key WHERE key_id = $1",
					 1, types, values);
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
		Oid			types[2];
		Datum		values[2];

		types[0] = TEXTOID;
		types[1] = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								   CStringGetDatum("pubkey"),
								   ObjectIdGetDatum(get_namespace_oid("credreg", false)));
		values[0] = PointerGetDatum(cstring_to_text_with_len(issuer, (int) len));
		values[1] = PointerGetDatum(pubkey_from_crkey(key));
		e = ks_fetch(&blob,
					 "SELECT key_id, issuer, public_key, valid_from, valid_until, revoked_at"
					 " FROM credreg.issuer_key WHERE issuer = $1"
					 " AND public_key OPERATOR(credreg.=) $2"
					 " ORDER BY revoked_at NULLS FIRST, valid_until DESC NULLS FIRST, key_id"
					 " LIMIT 1",
					 2, types, values);
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
		Oid			types[1] = {TEXTOID};
		Datum		values[1];

		values[0] = PointerGetDatum(cstring_to_text_with_len(issuer, (int) len));
		e = ks_fetch(&blob,
					 "SELECT issuer, name, valid_from, valid_until, revoked_at"
					 " FROM credreg.trusted_issuer WHERE issuer = $1",
					 1, types, values);
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

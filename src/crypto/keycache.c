/*
 * keycache.c
 *		The per-backend key cache: a key used by a million rows is decoded
 *		(and its OpenSSL verification context set up) once per backend.
 *
 * A simplehash table in a generation of the cache (util/cache.h) maps a
 * key's text form (or, for credreg.pubkey values, a NUL byte followed by
 * the binary form, which no text can begin with) to the decoded CrKey, or
 * to the failure the text produced, so a malformed key repeated over many
 * rows is not re-parsed either.  The EVP_PKEYs belong to the generation's
 * memory context (their reset callbacks free them).  When the table holds
 * credreg.key_cache_size entries a new generation starts: a simple bounded
 * policy, and a workload that touches more distinct keys than that decodes
 * each key about once anyway.  What a key decodes to never changes, so no
 * table is watched.  A key returned by crkey_cached is borrowed for the
 * caller's call (cache.h says how long exactly); whoever keeps it longer
 * keeps the key text, or the pointer with crkey_cache_generation().
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "crypto/crypto.h"
#include "crypto/crypto_int.h"
#include "crypto/pubkey.h"
#include "util/cache.h"

typedef struct KcKey
{
	const char *data;
	int			len;
} KcKey;

typedef struct KcEntry
{
	KcKey		k;
	uint32		hash;
	char		status;
	CrKey	   *key;			/* NULL when the text is not a usable key */
	const char *fail_code;
	char	   *fail_message;
} KcEntry;

#define SH_PREFIX kc
#define SH_ELEMENT_TYPE KcEntry
#define SH_KEY_TYPE KcKey
#define SH_KEY k
#define SH_HASH_KEY(tb, key) hash_bytes((const unsigned char *) (key).data, (key).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).data, (b).data, (a).len) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

static CrCache key_cache = CRCACHE_INIT("credreg key cache");
static kc_hash *kc_table = NULL;	/* in the current generation */
static uint64 kc_hits = 0;
static uint64 kc_misses = 0;
static uint64 kc_resets = 0;

static void
kcache_ensure(void)
{
	if (crcache_begin(&key_cache) || kc_table == NULL)
		kc_table = kc_create(crcache_memory(&key_cache), 256, NULL);
}

/* Starts a new generation (the current one is retired, see cache.h). */
static void
kcache_new_generation(void)
{
	crcache_retire(&key_cache);
	kc_table = NULL;
	kc_resets++;
}

uint64
crkey_cache_generation(void)
{
	return crcache_generation(&key_cache);
}

typedef bool (*kc_decoder) (const char *data, int len, CrKey **key, CredregFailure *failure);

/* Looks blob up, decoding it with decode in the cache's context on a miss. */
static bool
kc_get(const char *blob, int len, kc_decoder decode, const CrKey **key,
	   CredregFailure *failure)
{
	KcKey		k;
	KcEntry    *e;
	bool		found;
	CrKey	   *decoded = NULL;
	CredregFailure f = {0};
	MemoryContext old;
	bool		ok;
	char	   *copy;

	kcache_ensure();
	k.data = blob;
	k.len = len;
	e = kc_lookup(kc_table, k);
	if (e != NULL)
	{
		kc_hits++;
		if (e->key != NULL)
		{
			*key = e->key;
			return true;
		}
		return credreg_fail(failure, e->fail_code, "%s", e->fail_message);
	}

	kc_misses++;
	if (kc_table->members >= (uint32) credreg_key_cache_size)
	{
		kcache_new_generation();
		kcache_ensure();
	}

	/*
	 * Decode first, insert after: an error raised while decoding leaves the
	 * table untouched (whatever was allocated is reclaimed with the
	 * generation).
	 */
	old = MemoryContextSwitchTo(crcache_memory(&key_cache));
	ok = decode(blob, len, &decoded, &f);
	copy = palloc(len + 1);
	memcpy(copy, blob, len);
	copy[len] = '\0';
	MemoryContextSwitchTo(old);

	k.data = copy;
	e = kc_insert(kc_table, k, &found);
	Assert(!found);
	e->key = ok ? decoded : NULL;
	e->fail_code = ok ? NULL : f.code;
	e->fail_message = ok ? NULL : f.message;
	if (!ok)
		return credreg_fail(failure, f.code, "%s", f.message);
	*key = decoded;
	return true;
}

static bool
decode_text(const char *data, int len, CrKey **key, CredregFailure *failure)
{
	return crkey_parse(data, len, key, failure);
}

bool
crkey_cached(const char *text, size_t len, const CrKey **key, CredregFailure *failure)
{
	if (len > (size_t) credreg_max_document_bytes)
		return credreg_fail(failure, "key_malformed", "the key text is too long");
	return kc_get(text, (int) len, decode_text, key, failure);
}

/* blob: NUL, type, canonical public bytes */
static bool
decode_binary(const char *data, int len, CrKey **key, CredregFailure *failure)
{
	return crkey_from_public_bytes((CrKeyType) (uint8) data[1],
								   (const uint8 *) data + 2, len - 2, key, failure);
}

bool
pubkey_to_crkey_cached(const PubKey *pk, const CrKey **key, CredregFailure *failure)
{
	int			dlen = PUBKEY_DATALEN(pk);
	char		stackbuf[64];
	char	   *blob = dlen + 2 <= (int) sizeof(stackbuf) ? stackbuf : palloc(dlen + 2);
	bool		ok;

	blob[0] = '\0';
	blob[1] = (char) pk->type;
	memcpy(blob + 2, pk->data, dlen);
	ok = kc_get(blob, dlen + 2, decode_binary, key, failure);
	if (blob != stackbuf)
		pfree(blob);
	return ok;
}

/* credreg.key_cache_stats(): the cache's counters in this backend. */
PG_FUNCTION_INFO_V1(credreg_key_cache_stats);
Datum
credreg_key_cache_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Int64GetDatum(kc_table ? (int64) kc_table->members : 0);
	values[1] = Int64GetDatum((int64) kc_hits);
	values[2] = Int64GetDatum((int64) kc_misses);
	values[3] = Int64GetDatum((int64) kc_resets);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* credreg.key_cache_reset(): empties this backend's key cache. */
PG_FUNCTION_INFO_V1(credreg_key_cache_reset);
Datum
credreg_key_cache_reset(PG_FUNCTION_ARGS)
{
	kcache_new_generation();
	kc_hits = kc_misses = kc_resets = 0;
	PG_RETURN_VOID();
}

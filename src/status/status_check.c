/*
 * status_check.c
 *		Checking a credentialStatus entry against the stored status lists
 *		(VC Bitstring Status List v1.0, section 3.2 Validate Algorithm),
 *		through a per-backend cache of decoded lists.
 *
 * The cache maps a status list URL to what credreg.status_list holds for it
 * (decoded bitstring, type, purposes, validity window), or to "not stored".
 * The cache watches credreg.status_list (util/cache.h): a change in any
 * backend, announced by the statement trigger status_list_changed, starts
 * a new generation at the next lookup.  So a million credentials pointing
 * at one list decode it once, and a hit costs a hash lookup.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "json/json.h"
#include "status/status.h"
#include "util/cache.h"

/*
 * Past this many bytes of decoded lists, or this many URLs (stored or not),
 * the whole cache is flushed: a report over credentials that point at
 * millions of distinct unknown URLs must not grow it without bound.
 */
#define STATUS_CACHE_MAX_BYTES	((Size) 256 * 1024 * 1024)
#define STATUS_CACHE_MAX_URLS	65536

typedef struct StatusListCacheEntry
{
	const char *url;			/* hash key: points at a copy in the cache */
	bool		stored;			/* a row exists for url */
	bool		decoded;		/* its encoded_list decoded */
	char	   *error;			/* why not, when !decoded */
	bool		legacy;			/* StatusList2021Credential */
	int			npurposes;
	char	  **purposes;
	bool		has_from;
	bool		has_until;
	TimestampTz valid_from;
	TimestampTz valid_until;
	StatusBitstring bs;
} StatusListCacheEntry;

static CrCache status_cache = CRCACHE_INIT("credreg status list cache", "status_list");
static HTAB *cache = NULL;		/* in the current generation */
static Size cache_bytes = 0;

/* Counters for status_list_cache(), over the backend's life. */
static int64 stat_lookups = 0;
static int64 stat_reads = 0;
static int64 stat_decodes = 0;
static int64 stat_flushes = 0;

static uint32
url_hash(const void *key, Size keysize)
{
	const char *s = *(const char *const *) key;

	return hash_bytes((const unsigned char *) s, (int) strlen(s));
}

static int
url_match(const void *key1, const void *key2, Size keysize)
{
	return strcmp(*(const char *const *) key1, *(const char *const *) key2);
}

/* Makes the table in a new generation, when one began. */
static void
status_cache_begin(void)
{
	HASHCTL		ctl;

	if (cache != NULL &&
		(cache_bytes > STATUS_CACHE_MAX_BYTES ||
		 hash_get_num_entries(cache) >= STATUS_CACHE_MAX_URLS))
	{
		crcache_retire(&status_cache);
		cache = NULL;
		stat_flushes++;
	}
	if (!crcache_begin(&status_cache) && cache != NULL)
		return;
	if (cache != NULL)
		stat_flushes++;
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(const char *);
	ctl.entrysize = sizeof(StatusListCacheEntry);
	ctl.hash = url_hash;
	ctl.match = url_match;
	ctl.hcxt = crcache_memory(&status_cache);
	cache = hash_create("credreg status lists", 16, &ctl,
						HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
	cache_bytes = 0;
}

/* Fills the entry from the status_list row of its url (a row callback). */
static bool
status_cache_fill_row(HeapTuple tup, TupleDesc desc, void *arg)
{
	StatusListCacheEntry *e = arg;
	MemoryContext oldcxt = MemoryContextSwitchTo(crcache_memory(&status_cache));
	bool		isnull;
	Datum		d;
	CredregFailure failure;

	e->stored = true;

	d = crcache_getattr(tup, desc, "list_type", &isnull);
	e->legacy = !isnull && strcmp(TextDatumGetCString(d), "StatusList2021Credential") == 0;

	d = crcache_getattr(tup, desc, "purpose", &isnull);
	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypePCopy(d);
		Datum	   *elems;
		bool	   *nulls;
		int			n,
					i;

		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		e->purposes = palloc(sizeof(char *) * Max(n, 1));
		for (i = 0; i < n; i++)
			if (!nulls[i])
				e->purposes[e->npurposes++] = TextDatumGetCString(elems[i]);
	}

	d = crcache_getattr(tup, desc, "valid_from", &isnull);
	if (!isnull)
	{
		e->has_from = true;
		e->valid_from = DatumGetTimestampTz(d);
	}
	d = crcache_getattr(tup, desc, "valid_until", &isnull);
	if (!isnull)
	{
		e->has_until = true;
		e->valid_until = DatumGetTimestampTz(d);
	}

	d = crcache_getattr(tup, desc, "encoded_list", &isnull);
	if (isnull)
		e->error = pstrdup("The stored status list has no encodedList.");
	else
	{
		text	   *t = DatumGetTextPP(d);

		stat_decodes++;
		if (status_bitstring_decode(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), e->legacy,
									&e->bs, &failure))
		{
			e->decoded = true;
			cache_bytes += e->bs.nbytes;
		}
		else
			e->error = failure.message;
	}
	MemoryContextSwitchTo(oldcxt);
	return false;				/* url is the primary key: one row */
}

/*
 * Reads the row for url into a new cache entry: the newest row, not the
 * statement's snapshot (util/cache.h).  Raises only on internal errors.
 */
static void
status_cache_fill(StatusListCacheEntry *e)
{
	e->stored = false;
	e->decoded = false;
	e->error = NULL;
	e->npurposes = 0;
	e->purposes = NULL;
	e->has_from = e->has_until = false;
	e->bs.bits = NULL;
	e->bs.nbytes = 0;
	stat_reads++;
	crcache_read_rows(&status_cache, 0, "url", e->url, status_cache_fill_row, e);
}

static StatusListCacheEntry *
status_cache_lookup(const char *url)
{
	StatusListCacheEntry *e;
	bool		found;

	stat_lookups++;
	status_cache_begin();

	e = hash_search(cache, &url, HASH_FIND, NULL);
	if (e != NULL)
		return e;
	{
		char	   *key = MemoryContextStrdup(crcache_memory(&status_cache), url);

		e = hash_search(cache, &key, HASH_ENTER, &found);
		e->url = key;
	}
	PG_TRY();
	{
		status_cache_fill(e);
	}
	PG_CATCH();
	{
		/* leave no half-filled entry behind: drop the generation */
		crcache_retire(&status_cache);
		cache = NULL;
		PG_RE_THROW();
	}
	PG_END_TRY();
	return e;
}

/* ---- reading the entry ---- */

static bool
json_type_is(const CrJson *type, const char *name)
{
	int			i;

	if (type == NULL)
		return false;
	if (type->kind == CRJ_STRING)
		return crjson_is_string(type, name);
	if (type->kind == CRJ_ARRAY)
		for (i = 0; i < type->count; i++)
			if (crjson_is_string(type->u.elems[i], name))
				return true;
	return false;
}

/* A base-10 integer >= 0 as digits only; false when malformed or above int64. */
static bool
parse_index(const char *s, int len, int64 *out, bool *overflow)
{
	int64		v = 0;
	int			i;

	*overflow = false;
	if (len <= 0)
		return false;
	for (i = 0; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (v > (PG_INT64_MAX - (s[i] - '0')) / 10)
			*overflow = true;
		else
			v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * statusMessage for `value`: an element whose "status" is "0x" + the value
 * in hexadecimal (any case, leading zeros allowed).
 */
static const char *
find_message(const CrJson *messages, uint32 value)
{
	int			i;

	for (i = 0; i < messages->count; i++)
	{
		const char *status = crjson_get_string(messages->u.elems[i], "status");
		char	   *end;
		unsigned long v;

		if (status == NULL || status[0] != '0' || (status[1] != 'x' && status[1] != 'X') ||
			status[2] == '\0')
			continue;
		errno = 0;
		v = strtoul(status + 2, &end, 16);
		if (errno == 0 && *end == '\0' && v == value)
			return crjson_get_string(messages->u.elems[i], "message");
	}
	return NULL;
}

bool
status_check_entry(const CrJson *entry, TimestampTz as_of, StatusOutcome *out,
				   CredregFailure *failure)
{
	const CrJson *type;
	const CrJson *index_json;
	const CrJson *size_json;
	const CrJson *messages;
	bool		legacy;
	bool		overflow;
	StatusListCacheEntry *list;
	int64		entries;
	int			i;
	bool		purpose_ok = false;

	memset(out, 0, sizeof(*out));
	out->status_size = 1;
	if (entry == NULL || entry->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "A credentialStatus entry must be a JSON object.");

	type = crjson_get(entry, "type");
	if (type == NULL)
		return credreg_fail(failure, "malformed", "The credentialStatus entry has no type.");
	if (json_type_is(type, "BitstringStatusListEntry"))
		legacy = false;
	else if (json_type_is(type, "StatusList2021Entry"))
		legacy = true;
	else
	{
		StringInfoData t;

		initStringInfo(&t);
		crjson_append_text(&t, type);
		return credreg_fail(failure, "status_unavailable",
							"credentialStatus of type %s is not supported (only BitstringStatusListEntry and StatusList2021Entry are).",
							t.data);
	}

	out->purpose = crjson_get_string(entry, "statusPurpose");
	if (out->purpose == NULL)
		return credreg_fail(failure, "malformed",
							"The credentialStatus entry has no statusPurpose string.");
	out->list_url = crjson_get_string(entry, "statusListCredential");
	if (out->list_url == NULL || out->list_url[0] == '\0')
		return credreg_fail(failure, "malformed",
							"The credentialStatus entry has no statusListCredential URL.");

	/* statusListIndex: a base-10 string per the spec; 1EdTech writes a JSON number */
	index_json = crjson_get(entry, "statusListIndex");
	if (index_json == NULL ||
		(index_json->kind != CRJ_STRING && index_json->kind != CRJ_NUMBER) ||
		!parse_index(index_json->u.str, index_json->count, &out->index, &overflow))
		return credreg_fail(failure, "malformed",
							"The statusListIndex of the credentialStatus entry is not a non-negative integer.");
	if (overflow)
	{
		out->index = -1;
		return credreg_fail(failure, "status_unavailable",
							"statusListIndex is beyond any status list (RANGE_ERROR).");
	}

	size_json = crjson_get(entry, "statusSize");
	if (size_json != NULL)
	{
		int64		size;

		if (size_json->kind != CRJ_NUMBER ||
			!parse_index(size_json->u.str, size_json->count, &size, &overflow) ||
			overflow || size < 1)
			return credreg_fail(failure, "malformed",
								"The statusSize of the credentialStatus entry is not an integer greater than zero.");
		if (size > STATUS_MAX_STATUS_SIZE)
			return credreg_fail(failure, "status_unavailable",
								"statusSize %lld is larger than the %d bits credreg supports.",
								(long long) size, STATUS_MAX_STATUS_SIZE);
		out->status_size = (int) size;
	}
	messages = crjson_get(entry, "statusMessage");
	if (messages != NULL)
	{
		if (messages->kind != CRJ_ARRAY || messages->count != (1 << out->status_size))
			return credreg_fail(failure, "malformed",
								"statusMessage must be an array of %d elements for a statusSize of %d.",
								1 << out->status_size, out->status_size);
		for (i = 0; i < messages->count; i++)
			if (crjson_get_string(messages->u.elems[i], "status") == NULL ||
				crjson_get_string(messages->u.elems[i], "message") == NULL)
				return credreg_fail(failure, "malformed",
									"Element %d of statusMessage lacks a status or message string.", i);
	}
	else if (out->status_size > 1)
		return credreg_fail(failure, "malformed",
							"statusMessage must be present when statusSize is greater than 1.");

	/* Only these purposes bear on validity; refresh and others are not looked up. */
	if (strcmp(out->purpose, "revocation") != 0 &&
		strcmp(out->purpose, "suspension") != 0 &&
		strcmp(out->purpose, "message") != 0)
	{
		out->checked = false;
		return true;
	}
	out->checked = true;

	/* step 4: dereference the list (here: the stored, verified copy) */
	list = status_cache_lookup(out->list_url);
	if (!list->stored)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s is not stored in credreg.status_list (STATUS_RETRIEVAL_ERROR).",
							out->list_url);
	if (!list->decoded)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s does not decode: %s", out->list_url, list->error);
	if (list->legacy != legacy)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s is a %s, but the entry is a %s.", out->list_url,
							list->legacy ? "StatusList2021Credential" : "BitstringStatusListCredential",
							legacy ? "StatusList2021Entry" : "BitstringStatusListEntry");
	/* step 5: the purpose must be one of the list's */
	for (i = 0; i < list->npurposes; i++)
		if (strcmp(list->purposes[i], out->purpose) == 0)
			purpose_ok = true;
	if (!purpose_ok)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s is not for statusPurpose \"%s\" (STATUS_VERIFICATION_ERROR).",
							out->list_url, out->purpose);
	if (list->has_from && as_of < list->valid_from)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s is not valid before %s.", out->list_url,
							timestamptz_to_str(list->valid_from));
	if (list->has_until && as_of > list->valid_until)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s expired at %s.", out->list_url,
							timestamptz_to_str(list->valid_until));
	/* step 9: minimum length */
	entries = (int64) list->bs.nbytes * 8 / out->status_size;
	if (entries < STATUS_LIST_MIN_ENTRIES)
		return credreg_fail(failure, "status_unavailable",
							"Status list %s has %lld entries, fewer than the minimum of %d (STATUS_LIST_LENGTH_ERROR).",
							out->list_url, (long long) entries, STATUS_LIST_MIN_ENTRIES);
	/* step 10: the status at index * size */
	if (!status_bitstring_read(&list->bs, out->index, out->status_size, &out->value))
		return credreg_fail(failure, "status_unavailable",
							"statusListIndex %lld is beyond status list %s of %lld entries (RANGE_ERROR).",
							(long long) out->index, out->list_url, (long long) entries);
	/* steps 13-14 */
	if (messages != NULL)
		out->message = find_message(messages, out->value);
	if (out->message == NULL)
		out->message = out->value != 0 ? "set" : "unset";
	if (out->value != 0)
	{
		if (strcmp(out->purpose, "revocation") == 0)
			out->code = "revoked";
		else if (strcmp(out->purpose, "suspension") == 0)
			out->code = "suspended";
	}
	return true;
}

bool
status_check_status(const CrJson *credential_status, TimestampTz as_of, StatusOutcome *out,
					CredregFailure *failure)
{
	const CrJson *const *entries;
	int			n,
				i;
	StatusOutcome one;
	CredregFailure first_failure = {NULL, NULL};
	bool		have_suspended = false;
	bool		have_active = false;
	StatusOutcome suspended;
	StatusOutcome active;

	memset(out, 0, sizeof(*out));
	out->status_size = 1;
	if (credential_status == NULL)
		return true;
	if (credential_status->kind == CRJ_ARRAY)
	{
		entries = (const CrJson *const *) credential_status->u.elems;
		n = credential_status->count;
	}
	else
	{
		entries = &credential_status;
		n = 1;
	}
	for (i = 0; i < n; i++)
	{
		CredregFailure f;

		if (!status_check_entry(entries[i], as_of, &one, &f))
		{
			if (first_failure.code == NULL)
			{
				first_failure = f;
				*out = one;
			}
			continue;
		}
		if (one.code != NULL && strcmp(one.code, "revoked") == 0)
		{
			*out = one;			/* revoked outweighs everything */
			return true;
		}
		if (one.code != NULL)
		{
			if (!have_suspended)
				suspended = one;
			have_suspended = true;
		}
		else if (one.checked && !have_active)
		{
			active = one;
			have_active = true;
		}
	}
	if (have_suspended)
	{
		*out = suspended;
		return true;
	}
	if (first_failure.code != NULL)
	{
		if (failure != NULL)
			*failure = first_failure;
		return false;
	}
	if (have_active)
		*out = active;
	return true;
}

/* ---- SQL ---- */

PG_FUNCTION_INFO_V1(credreg_status_check);
/*
 * status_check(credential_status jsonb, as_of timestamptz): one row per
 * entry (an object, or an array of them) with what status_check_entry says.
 */
Datum
credreg_status_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	CrJson	   *root;
	CrJson	   *single[1];
	CrJson	  **entries;
	int			n,
				i;

	InitMaterializedSRF(fcinfo, 0);
	root = crjson_from_jsonb(jb);
	if (root->kind == CRJ_ARRAY)
	{
		entries = root->u.elems;
		n = root->count;
	}
	else
	{
		single[0] = root;
		entries = single;
		n = 1;
	}
	for (i = 0; i < n; i++)
	{
		StatusOutcome out;
		CredregFailure failure;
		Datum		values[9];
		bool		nulls[9];
		bool		ok;

		ok = status_check_entry(entries[i], as_of, &out, &failure);
		memset(nulls, 0, sizeof(nulls));
		values[0] = BoolGetDatum(ok);
		nulls[1] = out.purpose == NULL;
		if (!nulls[1])
			values[1] = CStringGetTextDatum(out.purpose);
		nulls[2] = out.list_url == NULL;
		if (!nulls[2])
			values[2] = CStringGetTextDatum(out.list_url);
		nulls[3] = out.purpose == NULL || out.index < 0;
		values[3] = Int64GetDatum(out.index);
		nulls[4] = !ok || !out.checked;
		values[4] = Int32GetDatum((int32) out.value);
		nulls[5] = !ok || !out.checked;
		if (!nulls[5])
			values[5] = CStringGetTextDatum(out.message);
		nulls[6] = ok ? out.code == NULL : false;
		if (!nulls[6])
			values[6] = CStringGetTextDatum(ok ? out.code : failure.code);
		nulls[7] = ok;
		if (!ok)
			values[7] = CStringGetTextDatum(failure.message);
		values[8] = BoolGetDatum(ok && out.checked);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(credreg_status_of);
/*
 * status_of(credential_status jsonb, as_of timestamptz): one word for the
 * entries (an object or an array), as status_check_status decides:
 * "revoked", "suspended", the failure code of the first entry whose status
 * could not be established ("status_unavailable", "malformed"), else
 * "active".
 */
Datum
credreg_status_of(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	StatusOutcome out;
	CredregFailure failure;
	const char *result;

	if (!status_check_status(crjson_from_jsonb(jb), as_of, &out, &failure))
		result = failure.code;
	else
		result = out.code != NULL ? out.code : "active";
	PG_RETURN_TEXT_P(cstring_to_text(result));
}

PG_FUNCTION_INFO_V1(credreg_status_list_cache);
/* status_list_cache(): what this backend's status list cache holds and has done. */
Datum
credreg_status_list_cache(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[6];
	bool		nulls[6] = {false};
	bool		current = cache != NULL && crcache_generation(&status_cache) != 0;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Int64GetDatum(current ? hash_get_num_entries(cache) : 0);
	values[1] = Int64GetDatum(current ? (int64) cache_bytes : 0);
	values[2] = Int64GetDatum(stat_lookups);
	values[3] = Int64GetDatum(stat_reads);
	values[4] = Int64GetDatum(stat_decodes);
	values[5] = Int64GetDatum(stat_flushes);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

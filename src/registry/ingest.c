/*
 * ingest.c
 *		The per-line and per-credential work of credreg.ingest_ndjson and
 *		credreg.ingest: splitting an NDJSON document into credentials, and
 *		everything the registry stores about one besides its bytes.
 *
 * Both were SQL functions; at 2,000 lines they cost more than verifying
 * the credentials did (README, "The registry": string_to_table and a
 * classification by regular expressions walked each line several times,
 * and the stored columns came from four calls that each read the
 * credential again).  Here each line is read once, and each credential is
 * verified once and its payload taken from the verifier's own reading.
 */
#include "postgres.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "access/xact.h"

#include "crypto/crypto.h"
#include "json/json.h"
#include "taxonomy/taxonomy.h"
#include "verify/verify.h"

PG_FUNCTION_INFO_V1(credreg_registry_lines);
PG_FUNCTION_INFO_V1(credreg_registry_examine);

/* ------------------------------------------------------------------------
 * lines
 * ------------------------------------------------------------------------ */

/* The characters of a compact JWS or SD-JWT (base64url, '.' and '~'). */
static bool
compact_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		c == '-' || c == '_' || c == '.' || c == '~';
}

static bool
all_compact(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!compact_char((unsigned char) s[i]))
			return false;
	return len > 0;
}

/*
 * The credential one line (trimmed, not empty) holds, or why it holds none.
 * A JSON object is a document, given to the verifier as it is (which calls
 * a broken one malformed); a compact JWS, quoted or bare, is taken without
 * parsing; any other line must be a strict JSON string.
 */
static void
classify_line(const char *t, size_t len, const char **raw, size_t *raw_len, const char **error)
{
	CrJson	   *v;
	const char *u = t;
	size_t		ulen = len;

	*raw = NULL;
	*error = NULL;
	if (t[0] == '{')
	{
		*raw = t;
		*raw_len = len;
		return;
	}
	if (len > 2 && t[0] == '"' && t[len - 1] == '"' && all_compact(t + 1, len - 2))
	{
		*raw = t + 1;
		*raw_len = len - 2;
		return;
	}
	if (all_compact(t, len))
	{
		*raw = t;
		*raw_len = len;
		return;
	}
	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII)
	{
		u = pg_server_to_any(t, (int) len, PG_UTF8);
		if (u != t)
			ulen = strlen(u);
	}
	v = crjson_parse(u, ulen, NULL);
	if (v == NULL)
		*error = "line is not strict JSON";
	else if (v->kind != CRJ_STRING)
		*error = psprintf("not a credential: a JSON %s", crjson_kind_name(v->kind));
	else if (strlen(v->u.str) != (size_t) v->count)
		*error = "not a credential: a JSON string holding U+0000";
	else
	{
		*raw = pg_any_to_server(v->u.str, v->count, PG_UTF8);
		*raw_len = strlen(*raw);
	}
}

static bytea *
content_hash(const char *raw, size_t len)
{
	bytea	   *h = palloc(VARHDRSZ + CR_SHA256_LEN);
	const char *utf8 = raw;

	/* the hash is of the bytes received, which are UTF-8 */
	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII)
	{
		utf8 = pg_server_to_any(raw, (int) len, PG_UTF8);
		if (utf8 != raw)
			len = strlen(utf8);
	}
	SET_VARSIZE(h, VARHDRSZ + CR_SHA256_LEN);
	cr_sha256(utf8, len, (uint8 *) VARDATA(h));
	return h;
}

/*
 * credreg.registry_lines(document text) returns table(line int, raw text,
 * content_hash bytea, error text, repeated boolean): one row per line that
 * is not blank (lines end at '\n'; ' ', '\t' and '\r' around a line are
 * not part of it), numbered from 1 as in the document, with the credential
 * it holds, its SHA-256 over UTF-8 and whether an earlier line holds the
 * same bytes (so that the caller stores each once without sorting them), or
 * why it holds none.
 */
Datum
credreg_registry_lines(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(doc);
	const char *end = p + VARSIZE_ANY_EXHDR(doc);
	MemoryContext per_line;
	MemoryContext outer;
	int32		line = 0;

	HASHCTL		ctl;
	HTAB	   *seen;

	InitMaterializedSRF(fcinfo, 0);
	ctl.keysize = CR_SHA256_LEN;
	ctl.entrysize = CR_SHA256_LEN;
	ctl.hcxt = CurrentMemoryContext;
	seen = hash_create("registry_lines content hashes", 1024, &ctl,
					   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	per_line = AllocSetContextCreate(CurrentMemoryContext, "registry_lines",
									 ALLOCSET_DEFAULT_SIZES);
	while (p <= end)
	{
		const char *nl = memchr(p, '\n', end - p);
		const char *stop = nl ? nl : end;
		const char *t = p;
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		const char *raw;
		size_t		raw_len = 0;
		const char *error;

		line++;
		p = stop + 1;
		while (t < stop && (*t == ' ' || *t == '\t' || *t == '\r'))
			t++;
		while (stop > t && (stop[-1] == ' ' || stop[-1] == '\t' || stop[-1] == '\r'))
			stop--;
		if (t == stop)
			continue;
		outer = MemoryContextSwitchTo(per_line);
		classify_line(t, stop - t, &raw, &raw_len, &error);
		values[0] = Int32GetDatum(line);
		if (raw != NULL)
		{
			bytea	   *h = content_hash(raw, raw_len);
			bool		found;

			values[1] = PointerGetDatum(cstring_to_text_with_len(raw, (int) raw_len));
			values[2] = PointerGetDatum(h);
			nulls[3] = true;
			hash_search(seen, VARDATA(h), HASH_ENTER, &found);
			values[4] = BoolGetDatum(found);
		}
		else
		{
			nulls[1] = nulls[2] = nulls[4] = true;
			values[3] = CStringGetTextDatum(error);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextSwitchTo(outer);
		MemoryContextReset(per_line);
	}
	MemoryContextDelete(per_line);
	hash_destroy(seen);
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * one credential
 * ------------------------------------------------------------------------ */

/* Whether a string or member name of the tree holds U+0000 (jsonb cannot). */
static bool
holds_nul(const CrJson *v)
{
	switch (v->kind)
	{
		case CRJ_STRING:
			return strlen(v->u.str) != (size_t) v->count;
		case CRJ_ARRAY:
			for (int i = 0; i < v->count; i++)
				if (holds_nul(v->u.elems[i]))
					return true;
			return false;
		case CRJ_OBJECT:
			for (int i = 0; i < v->count; i++)
				if (strlen(v->u.members[i].name) != (size_t) v->u.members[i].name_len ||
					holds_nul(v->u.members[i].value))
					return true;
			return false;
		default:
			return false;
	}
}

/*
 * The credential as jsonb (credreg.credential_payload), or NULL when it
 * does not parse or jsonb cannot hold it.  The verifier's own reading is
 * taken where it is the same tree credential_payload builds (a JWT's
 * claims mapped, a document without its proof), so a credential is parsed
 * once; others are read again without verifying.
 */
static Jsonb *
payload_of(const char *raw, size_t len, const CrVerification *r)
{
	CrJson	   *cred = NULL;
	CredregFailure f;

	if (r->credential != NULL && r->format != NULL &&
		(strcmp(r->format, "vc+jwt") == 0 || strcmp(r->format, "vc-jwt") == 0 ||
		 strcmp(r->format, "data-integrity") == 0))
		cred = r->credential;
	else if (!cr_credential_payload(raw, len, &cred, &f))
		return NULL;
	if (cred->kind != CRJ_OBJECT || holds_nul(cred))
		return NULL;
	return crjson_to_jsonb(cred);
}

static CrJson *
number_node(int64 n)
{
	CrJson	   *v = palloc(sizeof(CrJson));

	v->kind = CRJ_NUMBER;
	v->u.str = psprintf(INT64_FORMAT, n);
	v->count = (int) strlen(v->u.str);
	return v;
}

static CrJson *
text_node(const char *s)
{
	CrJson	   *v;

	if (s == NULL)
	{
		v = palloc(sizeof(CrJson));
		v->kind = CRJ_NULL;
		v->count = 0;
		return v;
	}
	return crjson_make_string(s);
}

/* A string of 1..maxdigits ASCII digits. */
static bool
digits(const char *s, int maxdigits)
{
	int			n = 0;

	if (s == NULL)
		return false;
	for (; s[n] != '\0'; n++)
		if (s[n] < '0' || s[n] > '9' || n >= maxdigits)
			return false;
	return n > 0;
}

/*
 * [{"list", "index", "size", "purpose"}] for every credentialStatus entry
 * (an object, or each element of an array) that names its list by a string
 * and has a statusListIndex of 1 to 15 digits; statusSize when it is 1 or 2
 * digits, else 1.  NULL when there is none (the verifier's verdict already
 * calls a malformed entry so).
 */
static Jsonb *
status_entries_of(const CrJson *payload)
{
	const CrJson *cs = crjson_get(payload, "credentialStatus");
	const CrJson *const *entries;
	int			n;
	CrJson	   *out = palloc(sizeof(CrJson));

	if (cs == NULL)
		return NULL;
	if (cs->kind == CRJ_ARRAY)
	{
		entries = (const CrJson *const *) cs->u.elems;
		n = cs->count;
	}
	else if (cs->kind == CRJ_OBJECT)
	{
		entries = &cs;
		n = 1;
	}
	else
		return NULL;
	out->kind = CRJ_ARRAY;
	out->count = 0;
	out->u.elems = palloc(sizeof(CrJson *) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		const CrJson *e = entries[i];
		const CrJson *list = crjson_get(e, "statusListCredential");
		const char *index = crjson_text(crjson_get(e, "statusListIndex"));
		const char *size = crjson_text(crjson_get(e, "statusSize"));
		CrJson	   *entry;

		if (list == NULL || list->kind != CRJ_STRING || !digits(index, 15))
			continue;
		entry = crjson_make_object(4);
		crjson_object_put(entry, "list", crjson_make_string(list->u.str));
		crjson_object_put(entry, "index", number_node(strtoi64(index, NULL, 10)));
		crjson_object_put(entry, "size", number_node(digits(size, 2) ? atoi(size) : 1));
		crjson_object_put(entry, "purpose", text_node(crjson_text(crjson_get(e, "statusPurpose"))));
		out->u.elems[out->count++] = entry;
	}
	return out->count > 0 ? crjson_to_jsonb(out) : NULL;
}

/* payload->'issuer' when a string, else payload->'issuer'->>'id'. */
static const char *
payload_issuer(const CrJson *payload)
{
	const CrJson *iss = crjson_get(payload, "issuer");

	if (iss != NULL && iss->kind == CRJ_STRING)
		return iss->u.str;
	return crjson_text(crjson_get(iss, "id"));
}

/* credentialSubject->>'id', else credentialSubject->0->>'id'. */
static const char *
payload_subject(const CrJson *payload)
{
	const CrJson *cs = crjson_get(payload, "credentialSubject");
	const char *id = crjson_text(crjson_get(cs, "id"));

	if (id == NULL && cs != NULL && cs->kind == CRJ_ARRAY && cs->count > 0)
		id = crjson_text(crjson_get(cs->u.elems[0], "id"));
	return id;
}

/* The attributes of registry_examine's result, in order. */
enum
{
	EX_FORMAT,
	EX_ISSUER,
	EX_SUBJECT,
	EX_PAYLOAD,
	EX_SKILLS,
	EX_VALID,
	EX_ERRORS,
	EX_STATUS,
	EX_TRUSTED,
	EX_VALID_FROM,
	EX_VALID_UNTIL,
	EX_STATUS_ENTRIES,
	EX_NATTS
};

/*
 * credreg.registry_examine(raw text): everything credreg.credential stores
 * about a credential besides what was received: credreg.verify's verdict as
 * of now, the payload (null when it does not parse), its skills and status
 * entries, and the issuer and subject (the verifier's, else the payload's).
 * Never raises on a bad credential, so no line of an ingest stops the others.
 */
Datum
credreg_registry_examine(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *raw = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	CrVerification r;
	Datum		v[CR_VERIFICATION_NATTS];
	bool		vnull[CR_VERIFICATION_NATTS];
	Datum		values[EX_NATTS];
	bool		nulls[EX_NATTS];
	TupleDesc	desc;
	Jsonb	   *payload;
	CrJson	   *tree = NULL;
	const char *issuer;
	const char *subject;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credreg.registry_examine must return a composite type");
	cr_verify_text(raw, len, GetCurrentTransactionStartTimestamp(), false, &r);
	cr_verification_values(&r, v, vnull);
	payload = payload_of(raw, len, &r);
	/* read back from jsonb, so that ->> semantics (numbers) hold */
	if (payload != NULL)
		tree = crjson_from_jsonb(payload);

	memset(nulls, 0, sizeof(nulls));
	values[EX_FORMAT] = v[1];
	issuer = r.issuer ? r.issuer : tree ? payload_issuer(tree) : NULL;
	subject = r.subject ? r.subject : tree ? payload_subject(tree) : NULL;
	values[EX_ISSUER] = issuer ? CStringGetTextDatum(issuer) : (Datum) 0;
	nulls[EX_ISSUER] = issuer == NULL;
	values[EX_SUBJECT] = subject ? CStringGetTextDatum(subject) : (Datum) 0;
	nulls[EX_SUBJECT] = subject == NULL;
	values[EX_PAYLOAD] = payload ? JsonbPGetDatum(payload) : (Datum) 0;
	nulls[EX_PAYLOAD] = payload == NULL;
	values[EX_SKILLS] = PointerGetDatum(tree ? credreg_skills_of(tree) : credreg_skillset_empty());
	values[EX_VALID] = v[0];
	values[EX_ERRORS] = v[10];
	values[EX_STATUS] = v[7];
	values[EX_TRUSTED] = v[8];
	values[EX_VALID_FROM] = v[5];
	nulls[EX_VALID_FROM] = vnull[5];
	values[EX_VALID_UNTIL] = v[6];
	nulls[EX_VALID_UNTIL] = vnull[6];
	values[EX_STATUS_ENTRIES] = (Datum) 0;
	nulls[EX_STATUS_ENTRIES] = true;
	if (tree != NULL)
	{
		Jsonb	   *entries = status_entries_of(tree);

		if (entries != NULL)
		{
			values[EX_STATUS_ENTRIES] = JsonbPGetDatum(entries);
			nulls[EX_STATUS_ENTRIES] = false;
		}
	}
	desc = BlessTupleDesc(desc);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/*
 * sdjwt_process.c
 *		SD-JWT without signatures: splitting the compact form (RFC 9901 §4),
 *		disclosure digests (§4.2.3) and the processing of disclosures into
 *		the Processed SD-JWT Payload (§7.1 step 3 to 5).
 *
 * Pure functions of their input (no catalog, no clock), so the fuzz
 * harness runs them as they are.  Work is O(n log n) in the number of
 * digests and disclosures: digests are matched through sorted arrays, never
 * by scanning, so a megabyte of decoys costs milliseconds.
 */
#include "postgres.h"

#include <string.h>

#include "miscadmin.h"

#include "jose/jose.h"
#include "sdjwt/sdjwt.h"
#include "util/encoding.h"

/* One presented disclosure. */
typedef struct Disclosure
{
	const char *b64;
	size_t		len;
	char	   *digest;
	CrJson	   *array;			/* decoded on first reference */
	bool		used;
} Disclosure;

typedef struct Processing
{
	Disclosure *ds;				/* sorted by digest */
	int			nds;
	const char **seen;			/* every embedded digest, for §7.1 step 4 */
	int			nseen;
	int			seen_cap;
	bool		vc;
	CredregFailure *f;
} Processing;

/* True when the member or string (len bytes) is exactly lit. */
static bool
bytes_are(const char *s, int len, const char *lit)
{
	return len == (int) strlen(lit) && memcmp(s, lit, len) == 0;
}

static bool
is_b64url_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool
cr_sdjwt_split(const char *text, size_t len, CrSdJwt *sd, CredregFailure *failure)
{
	const char *end = text + len;
	const char *p;
	const char *last_tilde;
	int			n = 0;

	memset(sd, 0, sizeof(*sd));
	sd->text = text;
	sd->len = len;
	if (len > (size_t) credreg_max_document_bytes)
		return credreg_fail(failure, "malformed",
							"SD-JWT is %zu bytes, more than credreg.max_document_bytes (%d)",
							len, credreg_max_document_bytes);
	p = memchr(text, '~', len);
	if (p == NULL)
		return credreg_fail(failure, "malformed", "an SD-JWT has a \"~\" after its issuer-signed JWT");
	sd->jwt = text;
	sd->jwt_len = p - text;
	if (sd->jwt_len == 0)
		return credreg_fail(failure, "malformed", "the SD-JWT has no issuer-signed JWT before its first \"~\"");

	/* count the disclosures: the parts between the first and the last '~' */
	last_tilde = p;
	for (const char *q = p; q < end; q++)
		if (*q == '~')
		{
			last_tilde = q;
			n++;
		}
	n--;						/* separators after the JWT, minus the last */
	sd->presented_len = last_tilde + 1 - text;
	if (last_tilde + 1 < end)
	{
		sd->kb = last_tilde + 1;
		sd->kb_len = end - sd->kb;
	}
	sd->ndisclosures = n;
	sd->disclosures = palloc(sizeof(char *) * Max(n, 1));
	sd->disclosure_lens = palloc(sizeof(size_t) * Max(n, 1));
	p++;
	for (int i = 0; i < n; i++)
	{
		const char *q = memchr(p, '~', end - p);

		if (q == p)
			return credreg_fail(failure, "malformed",
								"disclosure %d of the SD-JWT is empty (two \"~\" in a row)", i + 1);
		for (const char *c = p; c < q; c++)
			if (!is_b64url_char(*c))
				return credreg_fail(failure, "disclosure_malformed",
									"disclosure %d is not base64url", i + 1);
		sd->disclosures[i] = p;
		sd->disclosure_lens[i] = q - p;
		p = q + 1;
	}
	return true;
}

bool
cr_sdjwt_looks_like(const char *text, size_t len)
{
	const char *tilde = memchr(text, '~', len);
	int			dots = 0;

	/*
	 * <header>.<payload>.<signature>~: base64url and two dots before the
	 * first '~'.  A JWS never holds a '~' and a JSON document never starts
	 * that way, so the formats cannot be confused.
	 */
	if (tilde == NULL || tilde == text)
		return false;
	for (const char *c = text; c < tilde; c++)
	{
		if (*c == '.')
			dots++;
		else if (!is_b64url_char(*c))
			return false;
	}
	return dots == 2;
}

bool
cr_sdjwt_payload_alg(const CrJson *payload, CrSdAlg *alg, CredregFailure *failure)
{
	const CrJson *v = crjson_get(payload, "_sd_alg");

	/* §4.1.1: sha-256 when absent; names from the IANA Hash Name String registry */
	if (v == NULL || crjson_is_string(v, "sha-256"))
		*alg = CRSD_SHA256;
	else if (crjson_is_string(v, "sha-384"))
		*alg = CRSD_SHA384;
	else if (v->kind != CRJ_STRING)
		return credreg_fail(failure, "malformed", "_sd_alg is not a string");
	else
		return credreg_fail(failure, "sd_alg_unsupported",
							"_sd_alg \"%.*s\" is not supported (supported: sha-256, sha-384)",
							(int) Min(v->count, 32), v->u.str);
	return true;
}

char *
cr_sdjwt_digest(CrSdAlg alg, const char *data, size_t len)
{
	uint8		h[CR_SHA384_LEN];

	/* §4.2.3: over the US-ASCII bytes of the base64url text, not the decoded bytes */
	if (alg == CRSD_SHA384)
	{
		cr_sha384(data, len, h);
		return base64url_encode(h, CR_SHA384_LEN);
	}
	cr_sha256(data, len, h);
	return base64url_encode(h, CR_SHA256_LEN);
}

static int
disclosure_cmp(const void *a, const void *b)
{
	return strcmp(((const Disclosure *) a)->digest, ((const Disclosure *) b)->digest);
}

static int
string_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static Disclosure *
find_disclosure(Processing *p, const char *digest)
{
	int			lo = 0,
				hi = p->nds - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(digest, p->ds[mid].digest);

		if (c == 0)
			return &p->ds[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void
remember_digest(Processing *p, const char *digest)
{
	if (p->nseen == p->seen_cap)
	{
		p->seen_cap = p->seen_cap ? p->seen_cap * 2 : 16;
		p->seen = p->seen ? repalloc(p->seen, sizeof(char *) * p->seen_cap) :
			palloc(sizeof(char *) * p->seen_cap);
	}
	p->seen[p->nseen++] = digest;
}

/* The decoded JSON array of a disclosure (§4.2.1, §4.2.2). */
static bool
decode_disclosure(Processing *p, Disclosure *d, int want)
{
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *a;

	if (d->array == NULL)
	{
		if (!base64url_decode(d->b64, d->len, &bytes, &blen))
			return credreg_fail(p->f, "disclosure_malformed", "a disclosure is not base64url");
		a = crjson_parse((const char *) bytes, blen, p->f);
		if (a == NULL)
			return credreg_fail(p->f, "disclosure_malformed", "a disclosure is not JSON: %s", p->f->message);
		if (a->kind != CRJ_ARRAY || (a->count != 2 && a->count != 3) ||
			a->u.elems[0]->kind != CRJ_STRING)
			return credreg_fail(p->f, "disclosure_malformed",
								"a disclosure is not a JSON array [salt, name, value] or [salt, value]");
		d->array = a;
	}
	/* §7.1 step 3.3.2.1 / 3.3.3.1: the kind must fit where the digest sits */
	if (d->array->count != want)
		return credreg_fail(p->f, "disclosure_malformed",
							want == 3 ?
							"an array-element disclosure is referenced from an _sd array" :
							"an object-property disclosure is referenced from an array element");
	return true;
}

static bool process_value(Processing *p, const CrJson *in, CrJson **out, int depth);

/* SD-JWT VC §3.2.2.2: claims that are never selectively disclosed. */
static bool
never_disclosable(const char *name)
{
	static const char *const names[] = {"iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status", NULL};

	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

static int
member_name_cmp(const void *a, const void *b)
{
	const CrJsonMember *x = a;
	const CrJsonMember *y = b;
	int			c = memcmp(x->name, y->name, Min(x->name_len, y->name_len));

	return c != 0 ? c : x->name_len - y->name_len;
}

static bool
process_object(Processing *p, const CrJson *in, CrJson **out, int depth)
{
	const CrJson *sd = NULL;
	int			cap = in->count;
	int			added = 0;
	CrJson	   *o;

	for (int i = 0; i < in->count; i++)
	{
		if (bytes_are(in->u.members[i].name, in->u.members[i].name_len, "_sd"))
		{
			sd = in->u.members[i].value;
			if (sd->kind != CRJ_ARRAY)
				return credreg_fail(p->f, "malformed", "_sd is not an array");
			cap += sd->count;
		}
	}
	o = palloc(sizeof(CrJson));
	o->kind = CRJ_OBJECT;
	o->count = 0;
	o->u.members = palloc(sizeof(CrJsonMember) * Max(cap, 1));

	for (int i = 0; i < in->count; i++)
	{
		const CrJsonMember *m = &in->u.members[i];
		CrJson	   *v;

		if (bytes_are(m->name, m->name_len, "_sd"))
			continue;
		/* §4.1: "..." only in array elements; _sd_alg only at the top level */
		if (bytes_are(m->name, m->name_len, "..."))
			return credreg_fail(p->f, "malformed", "a \"...\" member outside an array element");
		if (depth > 0 && bytes_are(m->name, m->name_len, "_sd_alg"))
			return credreg_fail(p->f, "malformed", "_sd_alg below the top level of the payload");
		if (!process_value(p, m->value, &v, depth + 1))
			return false;
		o->u.members[o->count].name = m->name;
		o->u.members[o->count].name_len = m->name_len;
		o->u.members[o->count].value = v;
		o->count++;
	}

	/* §7.1 step 3.3.2: each digest in _sd whose disclosure was presented */
	for (int i = 0; sd != NULL && i < sd->count; i++)
	{
		const CrJson *dv = sd->u.elems[i];
		Disclosure *d;
		const CrJson *name;
		CrJson	   *v;

		if (dv->kind != CRJ_STRING)
			return credreg_fail(p->f, "malformed", "_sd holds a value that is not a digest string");
		remember_digest(p, dv->u.str);
		d = find_disclosure(p, dv->u.str);
		if (d == NULL)
			continue;			/* undisclosed or decoy */
		if (d->used)
			return credreg_fail(p->f, "digest_duplicated", "the digest %s appears more than once", d->digest);
		if (!decode_disclosure(p, d, 3))
			return false;
		d->used = true;
		name = d->array->u.elems[1];
		if (name->kind != CRJ_STRING)
			return credreg_fail(p->f, "disclosure_malformed", "a disclosure's claim name is not a string");
		if (bytes_are(name->u.str, name->count, "_sd") || bytes_are(name->u.str, name->count, "..."))
			return credreg_fail(p->f, "disclosure_malformed",
								"a disclosure names the claim \"%s\", which is reserved", name->u.str);
		if (p->vc && depth == 0 && never_disclosable(name->u.str))
			return credreg_fail(p->f, "claim_not_disclosable",
								"the claim \"%s\" is selectively disclosed, which SD-JWT VC forbids", name->u.str);
		if (!process_value(p, d->array->u.elems[2], &v, depth + 1))
			return false;
		o->u.members[o->count].name = name->u.str;
		o->u.members[o->count].name_len = name->count;
		o->u.members[o->count].value = v;
		o->count++;
		added++;
	}

	/* §7.1 step 3.3.2.3: a disclosed name must not exist at its level */
	if (added > 0)
	{
		CrJsonMember *sorted = palloc(sizeof(CrJsonMember) * o->count);

		memcpy(sorted, o->u.members, sizeof(CrJsonMember) * o->count);
		qsort(sorted, o->count, sizeof(CrJsonMember), member_name_cmp);
		for (int i = 1; i < o->count; i++)
			if (member_name_cmp(&sorted[i - 1], &sorted[i]) == 0)
				return credreg_fail(p->f, "claim_conflict",
									"the disclosed claim \"%s\" exists already at its level", sorted[i].name);
		pfree(sorted);
	}
	*out = o;
	return true;
}

/* {"...": "<digest>"}: an array element's digest (§4.2.4.2) */
static const char *
element_digest(const CrJson *e)
{
	if (e->kind == CRJ_OBJECT && e->count == 1 &&
		bytes_are(e->u.members[0].name, e->u.members[0].name_len, "...") &&
		e->u.members[0].value->kind == CRJ_STRING)
		return e->u.members[0].value->u.str;
	return NULL;
}

static bool
process_array(Processing *p, const CrJson *in, CrJson **out, int depth)
{
	CrJson	   *a = palloc(sizeof(CrJson));

	a->kind = CRJ_ARRAY;
	a->count = 0;
	a->u.elems = palloc(sizeof(CrJson *) * Max(in->count, 1));
	for (int i = 0; i < in->count; i++)
	{
		const char *digest = element_digest(in->u.elems[i]);
		const CrJson *value = in->u.elems[i];
		CrJson	   *v;

		CHECK_FOR_INTERRUPTS();
		if (digest != NULL)
		{
			Disclosure *d;

			remember_digest(p, digest);
			d = find_disclosure(p, digest);
			if (d == NULL)
				continue;		/* §7.1 step 3.4: dropped */
			if (d->used)
				return credreg_fail(p->f, "digest_duplicated", "the digest %s appears more than once", d->digest);
			if (!decode_disclosure(p, d, 2))
				return false;
			d->used = true;
			value = d->array->u.elems[1];
		}
		if (!process_value(p, value, &v, depth + 1))
			return false;
		a->u.elems[a->count++] = v;
	}
	*out = a;
	return true;
}

static bool
process_value(Processing *p, const CrJson *in, CrJson **out, int depth)
{
	/*
	 * Disclosures nest (§4.2.6): each is within the depth limit alone, but a
	 * chain of them is not, so the processed payload is held to it.
	 */
	if (depth > credreg_max_json_depth)
		return credreg_fail(p->f, "malformed",
							"the processed payload nests deeper than credreg.max_json_depth (%d)",
							credreg_max_json_depth);
	check_stack_depth();
	if (in->kind == CRJ_OBJECT)
		return process_object(p, in, out, depth);
	if (in->kind == CRJ_ARRAY)
		return process_array(p, in, out, depth);
	*out = (CrJson *) in;
	return true;
}

bool
cr_sdjwt_process(const CrSdJwt *sd, const CrJson *payload, CrSdAlg alg, bool vc,
				 CrJson **processed, CredregFailure *failure)
{
	Processing	p;
	CredregFailure local;
	CrJson	   *out;

	memset(&p, 0, sizeof(p));
	p.f = failure ? failure : &local;
	p.vc = vc;
	if (payload->kind != CRJ_OBJECT)
		return credreg_fail(failure, "malformed", "the SD-JWT payload is not a JSON object");

	/* §7.1 step 3.1: the digest of every disclosure; §4: none sent twice */
	p.nds = sd->ndisclosures;
	p.ds = palloc0(sizeof(Disclosure) * Max(p.nds, 1));
	for (int i = 0; i < p.nds; i++)
	{
		p.ds[i].b64 = sd->disclosures[i];
		p.ds[i].len = sd->disclosure_lens[i];
		p.ds[i].digest = cr_sdjwt_digest(alg, p.ds[i].b64, p.ds[i].len);
	}
	qsort(p.ds, p.nds, sizeof(Disclosure), disclosure_cmp);
	for (int i = 1; i < p.nds; i++)
		if (strcmp(p.ds[i - 1].digest, p.ds[i].digest) == 0)
			return credreg_fail(failure, "disclosure_duplicated",
								"the disclosure with digest %s is presented more than once", p.ds[i].digest);

	if (!process_value(&p, payload, &out, 0))
		return false;

	/* §7.1 step 4: no digest twice, decoys included */
	if (p.nseen > 1)
	{
		qsort(p.seen, p.nseen, sizeof(char *), string_ptr_cmp);
		for (int i = 1; i < p.nseen; i++)
			if (strcmp(p.seen[i - 1], p.seen[i]) == 0)
				return credreg_fail(failure, "digest_duplicated",
									"the digest %s appears more than once", p.seen[i]);
	}
	/* §7.1 step 5: every disclosure referenced */
	for (int i = 0; i < p.nds; i++)
		if (!p.ds[i].used)
			return credreg_fail(failure, "disclosure_unreferenced",
								"no digest in the SD-JWT refers to the disclosure with digest %s",
								p.ds[i].digest);

	/* §7.1 step 3.6: _sd_alg goes */
	*processed = crjson_object_without(out, "_sd_alg");
	return true;
}

bool
cr_sdjwt_payload_unverified(const char *text, size_t len, CrJson **processed, CredregFailure *failure)
{
	CrSdJwt		sd;
	CrJws		jws;
	uint8	   *bytes;
	size_t		blen;
	CrJson	   *payload;
	CrSdAlg		alg;

	if (!cr_sdjwt_split(text, len, &sd, failure) ||
		!crjws_split(sd.jwt, sd.jwt_len, &jws, failure) ||
		!crjws_payload_bytes(&jws, &bytes, &blen, failure) ||
		(payload = crjson_parse((const char *) bytes, blen, failure)) == NULL ||
		!cr_sdjwt_payload_alg(payload, &alg, failure))
		return false;
	return cr_sdjwt_process(&sd, payload, alg, false, processed, failure);
}

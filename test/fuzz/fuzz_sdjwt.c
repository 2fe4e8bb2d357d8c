/*
 * fuzz_sdjwt.c
 *		libFuzzer harness for SD-JWT (src/sdjwt): splitting, disclosure
 *		decoding and the processing of disclosures into the Processed SD-JWT
 *		Payload, and an issue-then-process round trip.
 *
 * FUZZ_SOURCES: src/sdjwt/sdjwt_process.c src/sdjwt/sdjwt_issue.c src/jose/jws.c src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/util/encoding.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The first input byte chooses the mode; the rest is
 *   mode % 3 == 0: an SD-JWT compact string, processed without signatures
 *                  (what credreg.credential_payload does);
 *   mode % 3 == 1: lines: a payload JSON, then disclosure JSON arrays; every
 *                  string "@k" in the payload becomes the digest of
 *                  disclosure k, so the fuzzer reaches matched disclosures
 *                  (nested, recursive, in arrays, twice...);
 *   mode % 3 == 2: the same payload as claims, issued with every top-level
 *                  claim and array element concealed, then processed.
 * Checked on every input:
 * - nothing on the verifier's path raises, and every failure carries one of
 *   the documented codes and a message;
 * - a processed payload holds no _sd member at any level and no _sd_alg at
 *   the top, and its text parses again;
 * - round trip: processing an issued SD-JWT with all its disclosures gives
 *   back the claims (compared in JCS form), cnf and _sd_alg aside.
 */
#include "postgres.h"

#include "jose/jose.h"
#include "sdjwt/sdjwt_issue.h"
#include "util/encoding.h"

#include "pg_shim.h"

static const char *const codes[] = {
	"malformed", "disclosure_malformed", "disclosure_unreferenced", "disclosure_duplicated",
	"digest_duplicated", "claim_conflict", "claim_not_disclosable", "sd_alg_unsupported", NULL
};

typedef struct Case
{
	const char *text;
	size_t		len;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_sdjwt: %s\n", what);
	abort();
}

static void
check_failure(const CredregFailure *f)
{
	if (f->code == NULL || f->message == NULL || f->message[0] == '\0')
		fail("a failure without code or message");
	for (int i = 0; codes[i]; i++)
		if (strcmp(f->code, codes[i]) == 0)
			return;
	fprintf(stderr, "code %s: %s\n", f->code, f->message);
	fail("an undocumented failure code");
}

static void
check_no_sd(const CrJson *v)
{
	if (v->kind == CRJ_OBJECT)
		for (int i = 0; i < v->count; i++)
		{
			if (v->u.members[i].name_len == 3 && memcmp(v->u.members[i].name, "_sd", 3) == 0)
				fail("a processed payload still has an _sd member");
			check_no_sd(v->u.members[i].value);
		}
	else if (v->kind == CRJ_ARRAY)
		for (int i = 0; i < v->count; i++)
			check_no_sd(v->u.elems[i]);
}

static void
check_processed(const CrJson *out)
{
	StringInfoData text;
	CredregFailure f;

	if (out->kind != CRJ_OBJECT)
		fail("a processed payload is not an object");
	if (crjson_get(out, "_sd_alg") != NULL)
		fail("a processed payload still has _sd_alg");
	check_no_sd(out);
	initStringInfo(&text);
	crjson_append_text(&text, out);
	if (crjson_parse(text.data, text.len, &f) == NULL)
		fail("a processed payload does not parse again");
}

static void
compact_case(void *arg)
{
	Case	   *c = arg;
	CrJson	   *out;
	CredregFailure f;

	if (cr_sdjwt_looks_like(c->text, c->len) && cr_sdjwt_payload_unverified(c->text, c->len, &out, &f))
		check_processed(out);
	else if (cr_sdjwt_looks_like(c->text, c->len))
		check_failure(&f);
}

/* Lines of the input: payload, then disclosures. */
typedef struct Lines
{
	int			n;
	const char *s[11];
	size_t		len[11];
} Lines;

static void
split_lines(const Case *c, Lines *l)
{
	const char *p = c->text;
	const char *end = c->text + c->len;

	l->n = 0;
	while (l->n < 11)
	{
		const char *nl = memchr(p, '\n', end - p);

		l->s[l->n] = p;
		l->len[l->n] = (nl ? nl : end) - p;
		l->n++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* "@k" strings become the digest of disclosure k */
static void
substitute(CrJson *v, char **digests, int n)
{
	if (v->kind == CRJ_STRING && v->count == 2 && v->u.str[0] == '@' &&
		v->u.str[1] >= '0' && v->u.str[1] < '0' + n)
	{
		v->u.str = digests[v->u.str[1] - '0'];
		v->count = strlen(v->u.str);
	}
	else if (v->kind == CRJ_OBJECT)
		for (int i = 0; i < v->count; i++)
			substitute(v->u.members[i].value, digests, n);
	else if (v->kind == CRJ_ARRAY)
		for (int i = 0; i < v->count; i++)
			substitute(v->u.elems[i], digests, n);
}

static void
structured_case(void *arg)
{
	Case	   *c = arg;
	Lines		l;
	CredregFailure f;
	CrJson	   *payload;
	char	   *digests[10];
	StringInfoData text;
	CrSdJwt		sd;
	CrSdAlg		alg;
	CrJson	   *out;

	split_lines(c, &l);
	payload = crjson_parse(l.s[0], l.len[0], &f);
	if (payload == NULL)
		return;
	/* the compact form: a stand-in JWT, then the disclosures as base64url */
	initStringInfo(&text);
	appendStringInfoString(&text, "e30.e30.AA~");
	for (int i = 1; i < l.n; i++)
	{
		int			start = text.len;

		base64url_append(&text, (const uint8 *) l.s[i], l.len[i]);
		digests[i - 1] = cr_sdjwt_digest(CRSD_SHA256, text.data + start, text.len - start);
		appendStringInfoChar(&text, '~');
	}
	substitute(payload, digests, l.n - 1);
	if (!cr_sdjwt_split(text.data, text.len, &sd, &f))
	{
		check_failure(&f);
		return;
	}
	if (!cr_sdjwt_payload_alg(payload, &alg, &f))
	{
		check_failure(&f);
		return;
	}
	if (!cr_sdjwt_process(&sd, payload, alg, (l.n & 1) == 0, &out, &f))
	{
		check_failure(&f);
		return;
	}
	check_processed(out);
}

typedef struct RoundTrip
{
	CrJson	   *claims;
	char	   *issued;
} RoundTrip;

static void
escape_token(StringInfo out, const char *name)
{
	appendStringInfoChar(out, '/');
	for (const char *c = name; *c; c++)
	{
		if (*c == '~')
			appendStringInfoString(out, "~0");
		else if (*c == '/')
			appendStringInfoString(out, "~1");
		else
			appendStringInfoChar(out, *c);
	}
}

static void
issue_case(void *arg)
{
	RoundTrip  *rt = arg;
	Case	   *c = (Case *) rt->issued;
	Lines		l;
	CredregFailure f;
	CrJson	   *claims;
	const char **pointers;
	int			n = 0;
	CrKey	   *key;
	static const char priv[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

	rt->issued = NULL;
	split_lines(c, &l);
	claims = crjson_parse(l.s[0], l.len[0], &f);
	if (claims == NULL || claims->kind != CRJ_OBJECT)
		return;
	claims = crjson_object_without(claims, "\x01");
	crjson_object_put(claims, "iss", crjson_make_string("did:example:issuer"));
	crjson_object_put(claims, "vct", crjson_make_string("urn:example:vct"));
	pointers = palloc(sizeof(char *) * (claims->count * 2 + 1));
	for (int i = 0; i < claims->count; i++)
	{
		const CrJsonMember *m = &claims->u.members[i];
		StringInfoData p;

		if ((int) strlen(m->name) != m->name_len ||
			strcmp(m->name, "iss") == 0 || strcmp(m->name, "vct") == 0 ||
			strcmp(m->name, "nbf") == 0 || strcmp(m->name, "exp") == 0 ||
			strcmp(m->name, "cnf") == 0 || strcmp(m->name, "status") == 0)
			continue;
		initStringInfo(&p);
		escape_token(&p, m->name);
		pointers[n++] = p.data;
		if (m->value->kind == CRJ_ARRAY && m->value->count > 0)
			pointers[n++] = psprintf("%s/0", p.data);
	}
	if (!crkey_parse_private(priv, strlen(priv), &key, &f))
		fail("the RFC 8037 key does not load");
	rt->claims = claims;
	rt->issued = cr_sdjwt_issue(claims, pointers, n, key, "did:example:issuer#k", NULL, 2);
}

static void
process_issued(void *arg)
{
	RoundTrip  *rt = arg;
	CredregFailure f;
	CrJson	   *out;
	StringInfoData a;
	StringInfoData b;

	if (!cr_sdjwt_payload_unverified(rt->issued, strlen(rt->issued), &out, &f))
	{
		fprintf(stderr, "%s: %s\n", f.code, f.message);
		fail("an issued SD-JWT does not process");
	}
	check_processed(out);
	initStringInfo(&a);
	initStringInfo(&b);
	if (!crjcs_append(&a, out, &f) || !crjcs_append(&b, rt->claims, &f))
		return;					/* a number JCS cannot write */
	if (strcmp(a.data, b.data) != 0)
	{
		fprintf(stderr, "%s\n%s\n", a.data, b.data);
		fail("processing an issued SD-JWT does not give back its claims");
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	RoundTrip	rt;

	if (size < 1)
		return 0;
	c.text = (const char *) data + 1;
	c.len = size - 1;
	switch (data[0] % 3)
	{
		case 0:
			if (!pg_shim_run(compact_case, &c))
				fail(pg_shim_last_error(NULL));
			break;
		case 1:
			if (!pg_shim_run(structured_case, &c))
				fail(pg_shim_last_error(NULL));
			break;
		default:
			/* issuing may refuse the claims (an ERROR); what it issues must process */
			rt.issued = (char *) &c;
			if (pg_shim_run(issue_case, &rt) && rt.issued != NULL &&
				!pg_shim_run(process_issued, &rt))
				fail(pg_shim_last_error(NULL));
			break;
	}
	pg_shim_reset();
	return 0;
}

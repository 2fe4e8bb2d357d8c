/*
 * fuzz_present.c
 *		libFuzzer harness for what a presentation verifier reads before any
 *		key: the JWS envelope of a vp+jwt / VC-JWT 1.1 presentation, its
 *		payload, the holder and every EnvelopedVerifiableCredential's data:
 *		URL (src/present/present_parse.c), and the JWS each one carries.
 *
 * FUZZ_SOURCES: src/present/present_parse.c src/jose/jws.c src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/util/encoding.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The first input byte chooses the mode; the rest is
 *   even: the presentation's JSON (the payload of a vp+jwt, or a VC-JWT 1.1
 *         payload whose vp claim holds it);
 *   odd:  a compact JWS, split and its header read, then its payload as above.
 * Checked on every input: nothing raises; every failure carries a
 * documented code and a message; an envelope's credential lies inside the
 * URL it came from.
 */
#include "postgres.h"

#include "jose/jose.h"
#include "present/present.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *text;
	size_t		len;
	bool		jws;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_present: %s\n", what);
	abort();
}

static void
check_failure(const CredregFailure *f, const char *const *codes)
{
	if (f->code == NULL || f->message == NULL || f->message[0] == '\0')
		fail("a failure without code or message");
	for (int i = 0; codes[i]; i++)
		if (strcmp(f->code, codes[i]) == 0)
			return;
	fprintf(stderr, "code %s: %s\n", f->code, f->message);
	fail("an undocumented failure code");
}

static const char *const jws_codes[] = {"malformed", "algorithm_refused", NULL};
static const char *const envelope_codes[] = {"credential_malformed", "unsupported_format", NULL};

static void
read_entry(const CrJson *entry)
{
	const char *id = crjson_get_string(entry, "id");
	const char *text;
	size_t		len;
	CredregFailure f;
	CrJws		jws;

	if (entry->kind == CRJ_STRING)
	{
		/* a VC-JWT 1.1 credential */
		memset(&f, 0, sizeof(f));
		if (!crjws_parse(entry->u.str, entry->count, &jws, &f))
			check_failure(&f, jws_codes);
		return;
	}
	if (id == NULL)
		return;
	memset(&f, 0, sizeof(f));
	if (!cr_present_envelope(id, &text, &len, &f))
	{
		check_failure(&f, envelope_codes);
		return;
	}
	if (text < id || text + len > id + strlen(id))
		fail("an envelope's credential outside its URL");
	memset(&f, 0, sizeof(f));
	if (memchr(text, '~', len) == NULL && !crjws_parse(text, len, &jws, &f))
		check_failure(&f, jws_codes);
}

static void
read_presentation(const char *text, size_t len)
{
	CredregFailure f;
	CrJson	   *claims;
	const CrJson *vp;
	const CrJson *vcs;

	memset(&f, 0, sizeof(f));
	claims = crjson_parse(text, len, &f);
	if (claims == NULL)
	{
		check_failure(&f, jws_codes);
		return;
	}
	vp = crjson_get(claims, "vp");
	if (vp == NULL)
		vp = claims;
	(void) cr_present_holder_id(crjson_get(vp, "holder"));
	vcs = crjson_get(vp, "verifiableCredential");
	if (vcs == NULL)
		return;
	if (vcs->kind == CRJ_ARRAY)
		for (int i = 0; i < vcs->count; i++)
			read_entry(vcs->u.elems[i]);
	else
		read_entry(vcs);
}

static void
run_case(void *arg)
{
	Case	   *c = arg;
	CrJws		jws;
	CredregFailure f;
	uint8	   *payload;
	size_t		plen;

	if (!c->jws)
	{
		read_presentation(c->text, c->len);
		return;
	}
	memset(&f, 0, sizeof(f));
	if (!crjws_parse(c->text, c->len, &jws, &f))
	{
		check_failure(&f, jws_codes);
		return;
	}
	if (!crjws_payload_bytes(&jws, &payload, &plen, &f))
	{
		check_failure(&f, jws_codes);
		return;
	}
	read_presentation((const char *) payload, plen);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	if (size < 1)
		return 0;
	c.text = (const char *) data + 1;
	c.len = size - 1;
	c.jws = (data[0] % 2) == 1;
	if (!pg_shim_run(run_case, &c))
		fail(pg_shim_last_error(NULL));
	pg_shim_reset();
	return 0;
}

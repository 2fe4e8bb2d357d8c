/*
 * fuzz_ecdsa_sd.c
 *		libFuzzer harness for the CBOR decoder (src/util/cbor.c) and the
 *		ecdsa-sd-2023 base and derived proof value parsers (src/dataint/ecdsa_sd_value.c).
 *
 * FUZZ_SOURCES: src/dataint/ecdsa_sd_value.c src/util/cbor.c src/util/encoding.c
 *
 * The first input byte chooses the mode; the rest is
 *   even: CBOR bytes, decoded, and also parsed as a proof value
 *         (u + base64url of them): the fuzzer reaches the 5-array shape;
 *   odd:  a proofValue string as a document would carry it.
 * Both are parsed as a derived and as a base proof value.
 * Checked on every input: nothing raises; a failure has a documented code
 * and a message; a decoded tree stays inside the input and its containers
 * hold no more items than the input had bytes; a parsed derived proof has
 * 64-byte signatures, a P-256 Multikey, u-labels and strictly increasing
 * mandatory indexes; a parsed base proof a 32-byte HMAC key and pointers.
 */
#include "postgres.h"

#include "dataint/ecdsa_sd.h"
#include "util/encoding.h"

#include "pg_shim.h"

typedef struct Case
{
	const uint8 *data;
	size_t		len;
	bool		as_cbor;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_ecdsa_sd: %s\n", what);
	abort();
}

static void
check_failure(const CredregFailure *f)
{
	if (f->code == NULL || f->message == NULL || f->message[0] == '\0')
		fail("a failure without code or message");
	if (strcmp(f->code, "malformed") != 0 && strcmp(f->code, "unsupported_format") != 0)
	{
		fprintf(stderr, "code %s: %s\n", f->code, f->message);
		fail("an undocumented failure code");
	}
}

/* Every string inside [lo, hi); returns the number of items. */
static size_t
check_tree(const CrCbor *c, const uint8 *lo, const uint8 *hi, int depth)
{
	size_t		n = 1;

	if (depth > CRCBOR_MAX_DEPTH + 1)
		fail("a tree deeper than the limit");
	switch (c->kind)
	{
		case CRCBOR_BYTES:
		case CRCBOR_TEXT:
			if (c->data < lo || c->data + c->len > hi)
				fail("a string outside the input");
			break;
		case CRCBOR_ARRAY:
			for (size_t i = 0; i < c->count; i++)
				n += check_tree(c->items[i], lo, hi, depth + 1);
			break;
		case CRCBOR_MAP:
			for (size_t i = 0; i < 2 * c->count; i++)
				n += check_tree(c->items[i], lo, hi, depth + 1);
			break;
		case CRCBOR_TAG:
			n += check_tree(c->items[0], lo, hi, depth + 1);
			break;
		default:
			break;
	}
	return n;
}

/* A base proof value parses, or fails with a code; what parses is well-shaped. */
static void
check_base(const char *pv)
{
	CrEcdsaSdBase b;
	CredregFailure f;

	memset(&f, 0, sizeof(f));
	if (!crdi_ecdsa_sd_parse_base(pv, &b, &f))
	{
		check_failure(&f);
		return;
	}
	if (!crdi_ecdsa_sd_is_base(pv))
		fail("a base proof value without the base header");
	if (b.base_signature->len != 64 || b.public_key->len != P256_MULTIKEY_LEN || b.hmac_key->len != 32)
		fail("a base proof with a wrong-sized signature or key");
	for (int i = 0; i < b.npointers; i++)
		if (b.pointers[i][0] != '/')
			fail("a mandatory pointer that does not start with /");
}

static void
check_derived(const char *pv)
{
	CrEcdsaSdDerived d;
	CredregFailure f;

	check_base(pv);

	memset(&f, 0, sizeof(f));
	if (!crdi_ecdsa_sd_parse_derived(pv, &d, &f))
	{
		check_failure(&f);
		return;
	}
	if (d.base_signature->len != 64 || d.public_key->len != P256_MULTIKEY_LEN)
		fail("a derived proof with a wrong-sized signature or key");
	for (size_t i = 0; i < d.signatures->count; i++)
		if (d.signatures->items[i]->len != 64)
			fail("a statement signature that is not 64 bytes");
	for (int i = 0; i < d.nlabels; i++)
		if (d.labels[i][0] != 'u')
			fail("a label that is not multibase base64url");
	for (int i = 1; i < d.nmandatory; i++)
		if (d.mandatory[i] <= d.mandatory[i - 1])
			fail("mandatory indexes not increasing");
}

static void
run_case(void *arg)
{
	Case	   *c = arg;

	if (c->as_cbor)
	{
		CrCbor	   *item;
		CredregFailure f;

		memset(&f, 0, sizeof(f));
		if (crcbor_decode(c->data, c->len, &item, &f))
		{
			if (check_tree(item, c->data, c->data + c->len, 0) > c->len)
				fail("more items than input bytes");
		}
		else
			check_failure(&f);
		check_derived(psprintf("u%s", base64url_encode(c->data, c->len)));
	}
	else
		check_derived(pnstrdup((const char *) c->data, c->len));
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	if (size < 1)
		return 0;
	c.data = data + 1;
	c.len = size - 1;
	c.as_cbor = (data[0] % 2) == 0;
	if (!pg_shim_run(run_case, &c))
		fail(pg_shim_last_error(NULL));
	pg_shim_reset();
	return 0;
}

/*
 * fuzz_status.c
 *		libFuzzer harness for the encodedList decoder (multibase base64url,
 *		gzip with the 16 MiB cap) and the status bit reader and writer.
 *
 * FUZZ_SOURCES: src/status/bitstring.c
 *
 * The first input byte chooses the mode; the rest is
 *   mode & 1 == 0: encodedList text, decoded as given (legacy allowed when
 *                  mode & 2);
 *   mode & 1 == 1: raw bytes, encoded as 'u' + base64url first, so that the
 *                  fuzzer reaches the gzip inflater directly.
 * Checked on every input:
 * - status_bitstring_decode never raises, and either returns a bitstring of
 *   1..STATUS_LIST_MAX_BYTES bytes or fills the failure with code
 *   "malformed" or "limit_exceeded" and a message;
 * - for a decoded list, reads at a few indexes (first, last, past the end,
 *   negative, for status sizes 1..16) agree with a direct bit computation
 *   and never read past the list;
 * - writing a status and reading it back gives the value written;
 * - encoding the list and decoding it again gives the same bytes.
 */
#include "postgres.h"

#include "status/status.h"

#include "pg_shim.h"

typedef struct Case
{
	const char *text;
	size_t		len;
	bool		legacy;
	bool		ok;
	StatusBitstring bs;
	CredregFailure failure;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_status: %s\n", what);
	abort();
}

static void
decode_case(void *arg)
{
	Case	   *c = arg;

	c->ok = status_bitstring_decode(c->text, c->len, c->legacy, &c->bs, &c->failure);
}

static uint32
direct_read(const StatusBitstring *bs, uint64 first, int size)
{
	uint32		v = 0;
	int			k;

	for (k = 0; k < size; k++)
	{
		uint64		i = first + k;

		v = (v << 1) | ((bs->bits[i / 8] >> (7 - i % 8)) & 1);
	}
	return v;
}

static void
check_reads(const StatusBitstring *bs)
{
	int			size;
	uint64		nbits = (uint64) bs->nbytes * 8;

	for (size = 1; size <= STATUS_MAX_STATUS_SIZE + 1; size++)
	{
		int64		entries = (int64) (nbits / size);
		int64		probes[5] = {0, entries / 2, entries - 1, entries, -1};
		int			p;

		for (p = 0; p < 5; p++)
		{
			uint32		v = 0xdeadbeef;
			bool		in = status_bitstring_read(bs, probes[p], size, &v);
			bool		expect_in = size <= STATUS_MAX_STATUS_SIZE && probes[p] >= 0 &&
				probes[p] < entries;

			if (in != expect_in)
				fail("read accepted or refused the wrong index");
			if (in && v != direct_read(bs, (uint64) probes[p] * size, size))
				fail("read gives another value than the bits");
		}
	}
}

static void
roundtrip_case(void *arg)
{
	Case	   *c = arg;
	StatusBitstring copy;
	StatusBitstring again;
	CredregFailure f;
	char	   *encoded;
	int64		last = (int64) c->bs.nbytes * 8 / 3 - 1;
	uint32		v;

	copy.nbytes = c->bs.nbytes;
	copy.bits = palloc(copy.nbytes);
	memcpy(copy.bits, c->bs.bits, copy.nbytes);
	if (last >= 0)
	{
		if (!status_bitstring_write(&copy, last, 3, 5) ||
			!status_bitstring_read(&copy, last, 3, &v) || v != 5)
			fail("a written status does not read back");
		if (status_bitstring_write(&copy, last + 1, 3, 5))
			fail("a write past the end was accepted");
	}
	encoded = status_bitstring_encode(copy.bits, copy.nbytes);
	if (!status_bitstring_decode(encoded, strlen(encoded), false, &again, &f))
	{
		fprintf(stderr, "%s\n", f.message);
		fail("an encoded list does not decode");
	}
	if (again.nbytes != copy.nbytes || memcmp(again.bits, copy.bits, copy.nbytes) != 0)
		fail("encode then decode changed the list");
}

static char *
to_multibase(const uint8 *data, size_t len, size_t *outlen)
{
	static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char	   *out = palloc(len / 3 * 4 + 6);
	size_t		n = 0;
	size_t		i;

	out[n++] = 'u';
	for (i = 0; i + 2 < len; i += 3)
	{
		uint32		w = ((uint32) data[i] << 16) | ((uint32) data[i + 1] << 8) | data[i + 2];

		out[n++] = alphabet[(w >> 18) & 63];
		out[n++] = alphabet[(w >> 12) & 63];
		out[n++] = alphabet[(w >> 6) & 63];
		out[n++] = alphabet[w & 63];
	}
	if (len - i == 1)
	{
		out[n++] = alphabet[data[i] >> 2];
		out[n++] = alphabet[(data[i] & 3) << 4];
	}
	else if (len - i == 2)
	{
		out[n++] = alphabet[data[i] >> 2];
		out[n++] = alphabet[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		out[n++] = alphabet[(data[i + 1] & 15) << 2];
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;
	uint8		mode;

	if (size < 1)
		return 0;
	mode = data[0];
	memset(&c, 0, sizeof(c));
	c.legacy = (mode & 2) != 0;
	if (mode & 1)
		c.text = to_multibase(data + 1, size - 1, &c.len);
	else
	{
		c.text = (const char *) data + 1;
		c.len = size - 1;
	}

	if (!pg_shim_run(decode_case, &c))
		fail(pg_shim_last_error(NULL));
	if (!c.ok)
	{
		if (c.failure.code == NULL || c.failure.message == NULL ||
			(strcmp(c.failure.code, STATUS_FAIL_MALFORMED) != 0 &&
			 strcmp(c.failure.code, STATUS_FAIL_LIMIT) != 0))
			fail("a refused list has no proper failure");
	}
	else
	{
		if (c.bs.nbytes == 0 || c.bs.nbytes > STATUS_LIST_MAX_BYTES)
			fail("a decoded list has an impossible size");
		check_reads(&c.bs);
		if (!pg_shim_run(roundtrip_case, &c))
			fail(pg_shim_last_error(NULL));
	}
	pg_shim_reset();
	return 0;
}

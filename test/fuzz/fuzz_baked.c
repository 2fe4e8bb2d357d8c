/*
 * fuzz_baked.c
 *		libFuzzer harness for the baked badge readers (src/baked): PNG chunks
 *		and iTXt (zlib included), SVG scanning and entity decoding.
 *
 * FUZZ_SOURCES: src/baked/baked_png.c src/baked/baked_svg.c
 *
 * The input is an image.  Checked on every input:
 * - nothing raises, and every failure carries one of the documented codes
 *   and a message;
 * - an extracted credential is non-empty UTF-8 no longer than
 *   credreg.max_document_bytes, with a NUL after it;
 * - a PNG whose badge chunk is rebuilt around the extracted text (stored,
 *   then zlib-compressed) gives the same text back (round trip).
 */
#include "postgres.h"

#include <zlib.h>

#include "baked/baked.h"
#include "mb/pg_wchar.h"

#include "pg_shim.h"

static const char *const codes[] = {"image_unsupported", "image_malformed", "baked_ambiguous", NULL};

typedef struct Case
{
	const uint8 *data;
	size_t		len;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_baked: %s\n", what);
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
put32(StringInfo out, uint32 v)
{
	char		b[4] = {(char) (v >> 24), (char) (v >> 16), (char) (v >> 8), (char) v};

	appendBinaryStringInfo(out, b, 4);
}

/* A minimal PNG with one iTXt openbadgecredential chunk holding text. */
static void
make_png(StringInfo out, const char *text, size_t len, bool compress_text)
{
	static const char sig[8] = {(char) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	StringInfoData body;
	uLongf		clen;
	Bytef	   *cbuf;

	appendBinaryStringInfo(out, sig, 8);
	initStringInfo(&body);
	appendBinaryStringInfo(&body, "iTXtopenbadgecredential\0", 24);
	appendStringInfoChar(&body, compress_text ? 1 : 0);
	appendStringInfoChar(&body, 0);
	appendBinaryStringInfo(&body, "\0\0", 2);
	if (compress_text)
	{
		clen = compressBound(len);
		cbuf = palloc(clen);
		if (compress2(cbuf, &clen, (const Bytef *) text, len, 6) != Z_OK)
			fail("zlib could not compress");
		appendBinaryStringInfo(&body, (const char *) cbuf, clen);
	}
	else
		appendBinaryStringInfo(&body, text, len);
	put32(out, body.len - 4);
	appendBinaryStringInfo(out, body.data, body.len);
	put32(out, crc32(0L, (const Bytef *) body.data, body.len));
	put32(out, 0);
	appendBinaryStringInfo(out, "IEND", 4);
	put32(out, crc32(0L, (const Bytef *) "IEND", 4));
}

static void
run_case(void *arg)
{
	Case	   *c = arg;
	char	   *text;
	size_t		len;
	CredregFailure f;

	if (!cr_baked_extract(c->data, c->len, &text, &len, &f))
	{
		check_failure(&f);
		return;
	}
	if (text == NULL)
		return;
	if (len == 0 || len > (size_t) credreg_max_document_bytes || text[len] != '\0')
		fail("an extracted credential is empty, too long or not terminated");
	if (pg_encoding_verifymbstr(PG_UTF8, text, (int) len) != (int) len)
		fail("an extracted credential is not UTF-8");
	for (int compress_text = 0; compress_text < 2; compress_text++)
	{
		StringInfoData png;
		char	   *again;
		size_t		again_len;

		initStringInfo(&png);
		make_png(&png, text, len, compress_text);
		if (!cr_baked_extract((const uint8 *) png.data, png.len, &again, &again_len, &f))
		{
			fprintf(stderr, "%s: %s\n", f.code, f.message);
			fail("a rebuilt PNG does not read");
		}
		if (again == NULL || again_len != len || memcmp(again, text, len) != 0)
			fail("a rebuilt PNG gives another text");
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c = {data, size};

	if (!pg_shim_run(run_case, &c))
		fail(pg_shim_last_error(NULL));
	pg_shim_reset();
	return 0;
}

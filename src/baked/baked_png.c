/*
 * baked_png.c
 *		The credential of a baked PNG (PNG 1.2 §4.2.3.3 iTXt; Open Badges 2.0
 *		Baking Specification, Open Badges 3.0 §5.3.1): the text of the one
 *		iTXt chunk whose keyword is "openbadges" (2.0) or
 *		"openbadgecredential" (3.0).
 *
 * Only the chunks read are checked in depth: a badge chunk's CRC must match
 * (a damaged credential is an error, not a silent different text), while
 * other chunks are skipped by their length alone, so a viewer-tolerated
 * ancillary chunk does not make a badge unreadable.
 */
#include "postgres.h"

#include <zlib.h>

#include "baked/baked.h"
#include "mb/pg_wchar.h"

static const uint8 png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

static uint32
be32(const uint8 *p)
{
	return ((uint32) p[0] << 24) | ((uint32) p[1] << 16) | ((uint32) p[2] << 8) | p[3];
}

/* zlib-inflate a compressed iTXt text, bounded by credreg.max_document_bytes. */
static bool
inflate_text(const uint8 *in, size_t inlen, char **out, size_t *outlen, CredregFailure *failure)
{
	z_stream	zs;
	size_t		cap = Max(inlen * 4, 1024);
	size_t		limit = (size_t) credreg_max_document_bytes;
	char	   *buf;
	int			rc;

	memset(&zs, 0, sizeof(zs));
	if (inflateInit(&zs) != Z_OK)
		return credreg_fail(failure, "image_malformed", "zlib could not start inflating the iTXt text");
	cap = Min(cap, limit + 1);
	buf = palloc(cap + 1);
	zs.next_in = (Bytef *) in;
	zs.avail_in = inlen;
	for (;;)
	{
		zs.next_out = (Bytef *) buf + zs.total_out;
		zs.avail_out = cap - zs.total_out;
		rc = inflate(&zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			break;
		if (rc != Z_OK && rc != Z_BUF_ERROR)
		{
			inflateEnd(&zs);
			return credreg_fail(failure, "image_malformed", "the compressed iTXt text is not a valid zlib stream");
		}
		if (zs.avail_out == 0)
		{
			if (cap > limit)
			{
				inflateEnd(&zs);
				return credreg_fail(failure, "image_malformed",
									"the baked credential inflates to more than credreg.max_document_bytes (%d)",
									credreg_max_document_bytes);
			}
			cap = Min(cap * 2, limit + 1);
			buf = repalloc(buf, cap + 1);
		}
		else if (zs.avail_in == 0)
		{
			inflateEnd(&zs);
			return credreg_fail(failure, "image_malformed", "the compressed iTXt text is truncated");
		}
	}
	*outlen = zs.total_out;
	inflateEnd(&zs);
	buf[*outlen] = '\0';
	*out = buf;
	return true;
}

/* One iTXt chunk's data: keyword, flags, language, translated keyword, text. */
static bool
itxt_text(const uint8 *d, size_t n, char **text, size_t *textlen, CredregFailure *failure)
{
	const uint8 *end = d + n;
	const uint8 *p = memchr(d, 0, n);	/* after the keyword */

	if (p == NULL || end - p < 3)
		return credreg_fail(failure, "image_malformed", "the iTXt chunk is truncated");
	{
		uint8		compressed = p[1];
		uint8		method = p[2];
		const uint8 *lang = p + 3;
		const uint8 *lang_end = memchr(lang, 0, end - lang);
		const uint8 *tkw_end;

		if (lang_end == NULL ||
			(tkw_end = memchr(lang_end + 1, 0, end - (lang_end + 1))) == NULL)
			return credreg_fail(failure, "image_malformed", "the iTXt chunk is truncated");
		p = tkw_end + 1;
		if (compressed > 1 || (compressed == 1 && method != 0))
			return credreg_fail(failure, "image_malformed",
								"the iTXt chunk has compression flag %d, method %d", compressed, method);
		if (compressed)
		{
			if (!inflate_text(p, end - p, text, textlen, failure))
				return false;
		}
		else
		{
			*textlen = end - p;
			*text = palloc(*textlen + 1);
			memcpy(*text, p, *textlen);
			(*text)[*textlen] = '\0';
		}
	}
	/* PNG 1.2 §4.2.3.3: the text is UTF-8 */
	if (pg_encoding_verifymbstr(PG_UTF8, *text, (int) *textlen) != (int) *textlen)
		return credreg_fail(failure, "image_malformed", "the baked credential is not UTF-8 text");
	return true;
}

bool
cr_baked_png(const uint8 *image, size_t len, char **text, size_t *textlen, CredregFailure *failure)
{
	size_t		pos = sizeof(png_signature);
	bool		found = false;

	*text = NULL;
	*textlen = 0;
	if (len < sizeof(png_signature) || memcmp(image, png_signature, sizeof(png_signature)) != 0)
		return credreg_fail(failure, "image_unsupported", "the image is not a PNG");
	for (;;)
	{
		uint32		n;
		const uint8 *type;
		const uint8 *data;

		if (len - pos < 12)
			return credreg_fail(failure, "image_malformed", "the PNG is truncated: it ends without an IEND chunk");
		n = be32(image + pos);
		type = image + pos + 4;
		data = type + 4;
		/* PNG 1.2 §3.2: a length is at most 2^31 - 1 */
		if (n > 0x7fffffffu || n > len - pos - 12)
			return credreg_fail(failure, "image_malformed", "the PNG is truncated: a chunk runs past its end");
		if (memcmp(type, "IEND", 4) == 0)
			break;
		if (memcmp(type, "iTXt", 4) == 0)
		{
			const uint8 *kw_end = memchr(data, 0, n);
			size_t		kwlen = kw_end ? (size_t) (kw_end - data) : 0;

			if ((kwlen == 10 && memcmp(data, "openbadges", 10) == 0) ||
				(kwlen == 19 && memcmp(data, "openbadgecredential", 19) == 0))
			{
				uint32		crc = crc32(0L, type, n + 4);

				if (crc != be32(data + n))
					return credreg_fail(failure, "image_malformed",
										"the CRC of the PNG chunk holding the credential does not match");
				if (found)
					return credreg_fail(failure, "baked_ambiguous", "the PNG holds more than one baked credential");
				if (!itxt_text(data, n, text, textlen, failure))
					return false;
				found = true;
			}
		}
		pos += 12 + (size_t) n;
	}
	return true;
}

bool
cr_baked_extract(const uint8 *image, size_t len, char **text, size_t *textlen, CredregFailure *failure)
{
	size_t		i = 0;

	if (len >= sizeof(png_signature) && memcmp(image, png_signature, sizeof(png_signature)) == 0)
		return cr_baked_png(image, len, text, textlen, failure);
	/* an SVG is XML text: a BOM, whitespace, then '<' */
	if (len >= 3 && image[0] == 0xef && image[1] == 0xbb && image[2] == 0xbf)
		i = 3;
	while (i < len && (image[i] == ' ' || image[i] == '\t' || image[i] == '\r' || image[i] == '\n'))
		i++;
	if (i < len && image[i] == '<')
		return cr_baked_svg((const char *) image + i, len - i, text, textlen, failure);
	*text = NULL;
	*textlen = 0;
	return credreg_fail(failure, "image_unsupported", "the image is neither a PNG nor an SVG");
}

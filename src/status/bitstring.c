/*
 * bitstring.c
 *		The encodedList of a Bitstring Status List: multibase base64url of a
 *		gzip stream of the bitstring (VC Bitstring Status List v1.0, section
 *		2.2 encodedList, 3.3 Bitstring Generation Algorithm, 3.4 Bitstring
 *		Expansion Algorithm), and reading and writing statuses.  Nothing here
 *		raises on bad input (only on zlib failing internally); the fuzz
 *		harness test/fuzz/fuzz_status.c links this file alone.
 */
#include "postgres.h"

#include <zlib.h>

#include "status/status.h"

/* ---- base64url (RFC 4648 section 5), no padding ---- */

static const char b64url_alphabet[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int
b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * Strict decoding: only the base64url alphabet, no padding, no length that
 * leaves a lone character, and the unused low bits of the last character
 * zero (so each byte string has one encoding).
 */
bool
status_b64url_decode(const char *in, size_t len, uint8 **out, size_t *outlen,
					 CredregFailure *failure)
{
	uint8	   *buf;
	size_t		n = 0;
	uint32		acc = 0;
	int			nbits = 0;
	size_t		i;

	buf = palloc(len / 4 * 3 + 3);
	for (i = 0; i < len; i++)
	{
		int			v = b64url_value((unsigned char) in[i]);

		if (v < 0)
		{
			pfree(buf);
			if (in[i] == '=')
				return credreg_fail(failure, STATUS_FAIL_MALFORMED,
									"The base64url text is padded with \"=\" at position %zu; padding is not allowed.",
									i + 1);
			if ((unsigned char) in[i] >= 0x20 && (unsigned char) in[i] < 0x7f)
				return credreg_fail(failure, STATUS_FAIL_MALFORMED,
									"Character \"%c\" at position %zu is not in the base64url alphabet.",
									in[i], i + 1);
			return credreg_fail(failure, STATUS_FAIL_MALFORMED,
								"Byte 0x%02x at position %zu is not in the base64url alphabet.",
								(unsigned char) in[i], i + 1);
		}
		acc = (acc << 6) | (uint32) v;
		nbits += 6;
		if (nbits >= 8)
		{
			nbits -= 8;
			buf[n++] = (uint8) (acc >> nbits);
			acc &= (1U << nbits) - 1;
		}
	}
	if (len % 4 == 1)
	{
		pfree(buf);
		return credreg_fail(failure, STATUS_FAIL_MALFORMED,
							"The base64url text has a length of %zu characters, which no byte string encodes to.",
							len);
	}
	if (acc != 0)
	{
		pfree(buf);
		return credreg_fail(failure, STATUS_FAIL_MALFORMED,
							"The last base64url character has unused bits set (a non-canonical encoding).");
	}
	*out = buf;
	*outlen = n;
	return true;
}

static void
b64url_append(StringInfo out, const uint8 *data, size_t len)
{
	size_t		i;

	enlargeStringInfo(out, (int) ((len + 2) / 3 * 4));
	for (i = 0; i + 2 < len; i += 3)
	{
		uint32		w = ((uint32) data[i] << 16) | ((uint32) data[i + 1] << 8) | data[i + 2];

		appendStringInfoChar(out, b64url_alphabet[(w >> 18) & 63]);
		appendStringInfoChar(out, b64url_alphabet[(w >> 12) & 63]);
		appendStringInfoChar(out, b64url_alphabet[(w >> 6) & 63]);
		appendStringInfoChar(out, b64url_alphabet[w & 63]);
	}
	if (len - i == 1)
	{
		uint32		w = (uint32) data[i] << 16;

		appendStringInfoChar(out, b64url_alphabet[(w >> 18) & 63]);
		appendStringInfoChar(out, b64url_alphabet[(w >> 12) & 63]);
	}
	else if (len - i == 2)
	{
		uint32		w = ((uint32) data[i] << 16) | ((uint32) data[i + 1] << 8);

		appendStringInfoChar(out, b64url_alphabet[(w >> 18) & 63]);
		appendStringInfoChar(out, b64url_alphabet[(w >> 12) & 63]);
		appendStringInfoChar(out, b64url_alphabet[(w >> 6) & 63]);
	}
}

/* ---- gzip ---- */

/*
 * zlib allocates through palloc, so an error raised while a stream is open
 * (a query cancel, say) leaks nothing: the memory context takes it all.
 * Out of memory is reported to zlib as Z_NULL rather than raised.
 */
static voidpf
zalloc_palloc(voidpf opaque, uInt items, uInt size)
{
	Size		bytes = (Size) items * size;

	if (size != 0 && bytes / size != items)
		return Z_NULL;
	return palloc_extended(bytes, MCXT_ALLOC_NO_OOM);
}

static void
zfree_palloc(voidpf opaque, voidpf address)
{
	if (address != NULL)
		pfree(address);
}

/*
 * Inflates a gzip stream (RFC 1952: one or more members, each with its CRC32
 * and length checked by zlib) into at most STATUS_LIST_MAX_BYTES bytes.
 * Output is produced into a buffer that is never allowed past the cap, so a
 * zip bomb costs at most that much memory and work.
 */
static bool
gzip_inflate(const uint8 *in, size_t inlen, uint8 **out, size_t *outlen,
			 CredregFailure *failure)
{
	z_stream	zs;
	uint8	   *buf;
	size_t		cap;
	size_t		produced = 0;
	int			rc;
	bool		ok = false;

	if (inlen < 18 || in[0] != 0x1f || in[1] != 0x8b)
		return credreg_fail(failure, STATUS_FAIL_MALFORMED,
							"The decoded list is not a gzip stream (RFC 1952).");
	if (inlen > (size_t) UINT_MAX)
		return credreg_fail(failure, STATUS_FAIL_LIMIT,
							"The compressed list is larger than %u bytes.", UINT_MAX);

	memset(&zs, 0, sizeof(zs));
	zs.zalloc = zalloc_palloc;
	zs.zfree = zfree_palloc;
	/* 16 + MAX_WBITS: a gzip wrapper only (not zlib, not raw deflate) */
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return credreg_fail(failure, STATUS_FAIL_MALFORMED,
							"The gzip decoder could not be initialized.");

	cap = 64 * 1024;
	buf = palloc(cap);
	zs.next_in = (Bytef *) in;
	zs.avail_in = (uInt) inlen;
	for (;;)
	{
		if (produced == cap)
		{
			if (cap > STATUS_LIST_MAX_BYTES)
			{
				credreg_fail(failure, STATUS_FAIL_LIMIT,
							 "The list inflates to more than %d bytes (%lld entries), the most credreg accepts.",
							 STATUS_LIST_MAX_BYTES, (long long) STATUS_LIST_MAX_ENTRIES);
				break;
			}
			/* room for one byte past the cap, to see the cap exceeded */
			cap = Min(cap * 2, (size_t) STATUS_LIST_MAX_BYTES + 1);
			buf = repalloc(buf, cap);
		}
		zs.next_out = buf + produced;
		zs.avail_out = (uInt) (cap - produced);
		rc = inflate(&zs, Z_NO_FLUSH);
		produced = cap - zs.avail_out;
		if (rc == Z_STREAM_END)
		{
			if (zs.avail_in == 0)
			{
				ok = true;
				break;
			}
			/* RFC 1952 section 2.2: a gzip file is a series of members */
			if (zs.avail_in < 18 || zs.next_in[0] != 0x1f || zs.next_in[1] != 0x8b)
			{
				credreg_fail(failure, STATUS_FAIL_MALFORMED,
							 "The gzip stream is followed by %u bytes that are not a gzip member.",
							 zs.avail_in);
				break;
			}
			if (inflateReset(&zs) != Z_OK)
			{
				credreg_fail(failure, STATUS_FAIL_MALFORMED, "The gzip decoder could not be reset.");
				break;
			}
			continue;
		}
		if (rc == Z_OK)
			continue;
		if (rc == Z_BUF_ERROR && zs.avail_in == 0)
		{
			credreg_fail(failure, STATUS_FAIL_MALFORMED, "The gzip stream is truncated.");
			break;
		}
		if (rc == Z_BUF_ERROR)
			continue;			/* output full: grow */
		if (rc == Z_MEM_ERROR)
		{
			credreg_fail(failure, STATUS_FAIL_LIMIT, "Out of memory while inflating the list.");
			break;
		}
		credreg_fail(failure, STATUS_FAIL_MALFORMED, "The gzip stream is corrupt (%s).",
					 zs.msg ? zs.msg : "bad data");
		break;
	}
	inflateEnd(&zs);
	if (!ok)
	{
		pfree(buf);
		return false;
	}
	if (produced > STATUS_LIST_MAX_BYTES)
	{
		pfree(buf);
		return credreg_fail(failure, STATUS_FAIL_LIMIT,
							"The list inflates to more than %d bytes (%lld entries), the most credreg accepts.",
							STATUS_LIST_MAX_BYTES, (long long) STATUS_LIST_MAX_ENTRIES);
	}
	*out = buf;
	*outlen = produced;
	return true;
}

bool
status_bitstring_decode(const char *encoded, size_t len, bool allow_legacy,
						StatusBitstring *out, CredregFailure *failure)
{
	uint8	   *gz = NULL;
	size_t		gzlen = 0;
	bool		ok;

	/* Expansion Algorithm step 2: multibase-decode, then gunzip */
	if (len > 0 && encoded[0] == 'u')
	{
		encoded++;
		len--;
	}
	else if (len == 0)
		return credreg_fail(failure, STATUS_FAIL_MALFORMED, "The encoded list is empty.");
	else if (!allow_legacy || len < 4 || memcmp(encoded, "H4sI", 4) != 0)
	{
		/*
		 * StatusList2021 wrote the base64url without a prefix; its text
		 * always starts "H4sI", the encoding of the gzip magic bytes and
		 * method, which is how it is told apart from a wrong prefix.
		 */
		return credreg_fail(failure, STATUS_FAIL_MALFORMED,
							"The encoded list does not start with the multibase prefix \"u\" (base64url).");
	}
	if (len == 0)
		return credreg_fail(failure, STATUS_FAIL_MALFORMED, "The encoded list is empty.");
	if (!status_b64url_decode(encoded, len, &gz, &gzlen, failure))
		return false;
	ok = gzip_inflate(gz, gzlen, &out->bits, &out->nbytes, failure);
	pfree(gz);
	if (ok && out->nbytes == 0)
	{
		pfree(out->bits);
		return credreg_fail(failure, STATUS_FAIL_MALFORMED, "The list inflates to no bytes at all.");
	}
	return ok;
}

char *
status_bitstring_encode(const uint8 *bits, size_t nbytes)
{
	z_stream	zs;
	uint8	   *gz;
	uLong		bound;
	StringInfoData s;
	int			rc;

	Assert(nbytes <= STATUS_LIST_MAX_BYTES);
	memset(&zs, 0, sizeof(zs));
	zs.zalloc = zalloc_palloc;
	zs.zfree = zfree_palloc;
	/*
	 * Level 6 (zlib's default) with a gzip wrapper: zlib writes mtime 0 and
	 * OS 3, so the output is a function of the bits alone, and the all-zero
	 * 131,072-entry list encodes exactly as the specification's example.
	 */
	if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		elog(ERROR, "deflateInit2() failed");
	bound = deflateBound(&zs, (uLong) nbytes);
	gz = palloc(bound);
	zs.next_in = (Bytef *) bits;
	zs.avail_in = (uInt) nbytes;
	zs.next_out = gz;
	zs.avail_out = (uInt) bound;
	rc = deflate(&zs, Z_FINISH);
	if (rc != Z_STREAM_END)
	{
		deflateEnd(&zs);
		elog(ERROR, "deflate() failed: %d", rc);
	}
	initStringInfo(&s);
	appendStringInfoChar(&s, 'u');
	b64url_append(&s, gz, zs.total_out);
	deflateEnd(&zs);
	pfree(gz);
	return s.data;
}

bool
status_bitstring_read(const StatusBitstring *bs, int64 index, int status_size, uint32 *value)
{
	uint64		first;
	uint32		v = 0;
	int			k;

	if (index < 0 || status_size < 1 || status_size > STATUS_MAX_STATUS_SIZE)
		return false;
	/* Validate Algorithm step 10: position = index * size, within the list */
	if ((uint64) index > ((uint64) bs->nbytes * 8) / (uint64) status_size - 1 ||
		(uint64) bs->nbytes * 8 < (uint64) status_size)
		return false;
	first = (uint64) index * (uint64) status_size;
	for (k = 0; k < status_size; k++)
	{
		uint64		i = first + k;

		v = (v << 1) | ((bs->bits[i >> 3] >> (7 - (i & 7))) & 1);
	}
	*value = v;
	return true;
}

bool
status_bitstring_write(StatusBitstring *bs, int64 index, int status_size, uint32 value)
{
	uint64		first;
	int			k;

	if (index < 0 || status_size < 1 || status_size > STATUS_MAX_STATUS_SIZE)
		return false;
	if ((uint64) bs->nbytes * 8 < (uint64) status_size ||
		(uint64) index > ((uint64) bs->nbytes * 8) / (uint64) status_size - 1)
		return false;
	first = (uint64) index * (uint64) status_size;
	for (k = 0; k < status_size; k++)
	{
		uint64		i = first + k;
		uint8		mask = (uint8) (0x80 >> (i & 7));

		if ((value >> (status_size - 1 - k)) & 1)
			bs->bits[i >> 3] |= mask;
		else
			bs->bits[i >> 3] &= (uint8) ~mask;
	}
	return true;
}

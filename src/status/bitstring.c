/*
 * bitstring.c
 *		The encodedList of a Bitstring Status List: multibase base64url of a
 *		gzip stream of the bitstring (VC Bitstring Status List v1.0, section
 *		2.2 encodedList, 3.3 Bitstring Generation Algorithm, 3.4 Bitstring
 *		Expansion Algorithm), and the registrar's SQL functions over it.
 */
#include "postgres.h"

#include <zlib.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

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

/* ---- SQL functions ---- */

/* Decodes a SQL argument or raises: 22P02 for bad encodings, 54000 for bombs. */
static void
decode_or_error(text *list, StatusBitstring *bs)
{
	CredregFailure failure;

	if (!status_bitstring_decode(VARDATA_ANY(list), VARSIZE_ANY_EXHDR(list), true, bs, &failure))
	{
		if (strcmp(failure.code, STATUS_FAIL_LIMIT) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("status list is too large"),
					 errdetail("%s", failure.message)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid encoded status list"),
				 errdetail("%s", failure.message)));
	}
}

static void
check_status_size(int32 status_size)
{
	if (status_size < 1 || status_size > STATUS_MAX_STATUS_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status size %d is out of range", status_size),
				 errdetail("A status has between 1 and %d bits.", STATUS_MAX_STATUS_SIZE)));
}

static void
index_out_of_range(int64 index, int status_size, const StatusBitstring *bs)
{
	int64		entries = (int64) bs->nbytes * 8 / status_size;

	if (status_size == 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status list index %lld is out of range", (long long) index),
				 errdetail("The list has %lld entries, indexed from 0 to %lld.",
						   (long long) entries, (long long) entries - 1)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("status list index %lld is out of range", (long long) index),
			 errdetail("The list has %lld bits, %lld statuses of %d bits, indexed from 0 to %lld.",
					   (long long) bs->nbytes * 8, (long long) entries, status_size,
					   (long long) entries - 1)));
}

PG_FUNCTION_INFO_V1(credreg_status_list_create);
/* status_list_create(size int, status_size int): an all-zero list. */
Datum
credreg_status_list_create(PG_FUNCTION_ARGS)
{
	int32		size = PG_GETARG_INT32(0);
	int32		status_size = PG_GETARG_INT32(1);
	int64		bits;
	uint8	   *zeros;
	char	   *encoded;

	check_status_size(status_size);
	if (size <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status list size must be positive"),
				 errdetail("The size requested is %d entries.", size)));
	bits = (int64) size * status_size;
	if (bits > STATUS_LIST_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("status list of %d entries is too large", size),
				 errdetail("A list holds at most %lld bits (%d bytes).",
						   (long long) STATUS_LIST_MAX_ENTRIES, STATUS_LIST_MAX_BYTES)));
	if (bits % 8 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status list of %lld bits is not a whole number of bytes", (long long) bits),
				 errdetail("The size is %d entries of %d bits.", size, status_size),
				 errhint("Use a size that is a multiple of 8, such as 131072.")));
	if (size < STATUS_LIST_MIN_ENTRIES)
		ereport(WARNING,
				(errmsg("status list of %d entries is shorter than the minimum of %d",
						size, STATUS_LIST_MIN_ENTRIES),
				 errdetail("Verifiers that follow the Bitstring Status List specification, credreg included, reject it (STATUS_LIST_LENGTH_ERROR).")));
	zeros = palloc0(bits / 8);
	encoded = status_bitstring_encode(zeros, bits / 8);
	pfree(zeros);
	PG_RETURN_TEXT_P(cstring_to_text(encoded));
}

PG_FUNCTION_INFO_V1(credreg_status_list_get);
/* status_list_get(list text, index int): the bit at index. */
Datum
credreg_status_list_get(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	int64		index = PG_GETARG_INT32(1);
	StatusBitstring bs;
	uint32		value;

	decode_or_error(list, &bs);
	if (!status_bitstring_read(&bs, index, 1, &value))
		index_out_of_range(index, 1, &bs);
	PG_RETURN_BOOL(value != 0);
}

PG_FUNCTION_INFO_V1(credreg_status_list_set);
/* status_list_set(list text, index int, value boolean): the list with one bit changed. */
Datum
credreg_status_list_set(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	int64		index = PG_GETARG_INT32(1);
	bool		value = PG_GETARG_BOOL(2);
	StatusBitstring bs;

	decode_or_error(list, &bs);
	if (!status_bitstring_write(&bs, index, 1, value ? 1 : 0))
		index_out_of_range(index, 1, &bs);
	PG_RETURN_TEXT_P(cstring_to_text(status_bitstring_encode(bs.bits, bs.nbytes)));
}

PG_FUNCTION_INFO_V1(credreg_status_list_get_status);
/* status_list_get_status(list text, index int, status_size int): a multi-bit status. */
Datum
credreg_status_list_get_status(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	int64		index = PG_GETARG_INT32(1);
	int32		status_size = PG_GETARG_INT32(2);
	StatusBitstring bs;
	uint32		value;

	check_status_size(status_size);
	decode_or_error(list, &bs);
	if (!status_bitstring_read(&bs, index, status_size, &value))
		index_out_of_range(index, status_size, &bs);
	PG_RETURN_INT32((int32) value);
}

PG_FUNCTION_INFO_V1(credreg_status_list_set_status);
/* status_list_set_status(list text, index int, status_size int, value int). */
Datum
credreg_status_list_set_status(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	int64		index = PG_GETARG_INT32(1);
	int32		status_size = PG_GETARG_INT32(2);
	int32		value = PG_GETARG_INT32(3);
	StatusBitstring bs;

	check_status_size(status_size);
	if (value < 0 || (status_size < 31 && value >= (1 << status_size)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status value %d does not fit in %d bits", value, status_size)));
	decode_or_error(list, &bs);
	if (!status_bitstring_write(&bs, index, status_size, (uint32) value))
		index_out_of_range(index, status_size, &bs);
	PG_RETURN_TEXT_P(cstring_to_text(status_bitstring_encode(bs.bits, bs.nbytes)));
}

PG_FUNCTION_INFO_V1(credreg_status_list_length);
/* status_list_length(list text): the number of bits in the list. */
Datum
credreg_status_list_length(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	StatusBitstring bs;

	decode_or_error(list, &bs);
	PG_RETURN_INT64((int64) bs.nbytes * 8);
}

PG_FUNCTION_INFO_V1(credreg_status_list_set_bits);
/* status_list_set_bits(list text): the indexes of the set bits, ascending. */
Datum
credreg_status_list_set_bits(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	StatusBitstring bs;
	ArrayBuildState *astate = NULL;
	size_t		i;

	decode_or_error(list, &bs);
	for (i = 0; i < bs.nbytes; i++)
	{
		int			k;

		if (bs.bits[i] == 0)
			continue;
		for (k = 0; k < 8; k++)
			if (bs.bits[i] & (0x80 >> k))
				astate = accumArrayResult(astate, Int64GetDatum((int64) i * 8 + k), false,
										  INT8OID, CurrentMemoryContext);
		CHECK_FOR_INTERRUPTS();
	}
	if (astate == NULL)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(INT8OID));
	PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
}

PG_FUNCTION_INFO_V1(credreg_status_list_decode);
/* status_list_decode(list text): the uncompressed bitstring. */
Datum
credreg_status_list_decode(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	StatusBitstring bs;
	bytea	   *result;

	decode_or_error(list, &bs);
	result = palloc(VARHDRSZ + bs.nbytes);
	SET_VARSIZE(result, VARHDRSZ + bs.nbytes);
	memcpy(VARDATA(result), bs.bits, bs.nbytes);
	pfree(bs.bits);
	PG_RETURN_BYTEA_P(result);
}

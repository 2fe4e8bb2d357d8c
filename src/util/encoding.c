/*
 * encoding.c
 *		base64url (RFC 4648 §5, no padding), base58btc, multibase and
 *		multicodec unsigned varints.
 *
 * The decoders are strict: exactly one byte string decodes from one text,
 * so that two different texts never stand for the same key or signature.
 * base64url rejects padding, characters outside the URL-safe alphabet, a
 * length of 1 mod 4, and non-zero trailing bits (RFC 4648 §3.5: "decoders
 * MAY chose to reject an encoding if the pad bits have not been set to
 * zero").  Varints must be minimal (multiformats unsigned-varint spec: "the
 * most compact representation").  Nothing here raises on bad input.
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "util/encoding.h"

/* RFC 4648 Table 2, "URL and Filename safe" alphabet. */
static const char b64url_alphabet[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Decoding table: 0..63, or 0xFF for a character outside the alphabet. */
static const uint8 b64url_value[256] = {
#define X 0xFF
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	/* ' ' .. '/': '-' is 62 */
	X, X, X, X, X, X, X, X, X, X, X, X, X, 62, X, X,
	/* '0' .. '9' */
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, X, X, X,
	/* '@', 'A' .. 'O' */
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	/* 'P' .. 'Z', '_' is 63 */
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, 63,
	/* '`', 'a' .. 'o' */
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	/* 'p' .. 'z' */
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X
#undef X
};

/*
 * Decodes into a caller-provided buffer of at least base64url_decoded_len()
 * bytes; the work behind base64url_decode.
 */
bool
base64url_decode_into(const char *in, size_t inlen, uint8 *out, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *) in;
	size_t		full = inlen / 4;
	size_t		rem = inlen % 4;
	uint8	   *o = out;

	if (rem == 1)
		return false;

	/* Four characters to three bytes; any invalid character sets bit 8+. */
	for (size_t i = 0; i < full; i++)
	{
		uint32		a = b64url_value[p[0]],
					b = b64url_value[p[1]],
					c = b64url_value[p[2]],
					d = b64url_value[p[3]];

		if ((a | b | c | d) & 0x80)
			return false;
		o[0] = (uint8) ((a << 2) | (b >> 4));
		o[1] = (uint8) ((b << 4) | (c >> 2));
		o[2] = (uint8) ((c << 6) | d);
		p += 4;
		o += 3;
	}

	if (rem == 2)
	{
		uint32		a = b64url_value[p[0]],
					b = b64url_value[p[1]];

		/* The last character carries 2 data bits; its low 4 bits must be 0. */
		if (((a | b) & 0x80) || (b & 0x0F))
			return false;
		*o++ = (uint8) ((a << 2) | (b >> 4));
	}
	else if (rem == 3)
	{
		uint32		a = b64url_value[p[0]],
					b = b64url_value[p[1]],
					c = b64url_value[p[2]];

		/* The last character carries 4 data bits; its low 2 bits must be 0. */
		if (((a | b | c) & 0x80) || (c & 0x03))
			return false;
		*o++ = (uint8) ((a << 2) | (b >> 4));
		*o++ = (uint8) ((b << 4) | (c >> 2));
	}

	*outlen = o - out;
	return true;
}

bool
base64url_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen)
{
	uint8	   *buf;

	if (inlen % 4 == 1 || inlen > (size_t) MaxAllocSize)
		return false;
	/* +1 so that an empty input still gets a valid allocation */
	buf = palloc(base64url_decoded_len(inlen) + 1);
	if (!base64url_decode_into(in, inlen, buf, outlen))
	{
		pfree(buf);
		return false;
	}
	*out = buf;
	return true;
}

void
base64url_append(StringInfo out, const uint8 *data, size_t len)
{
	size_t		need = base64url_encoded_len(len);
	char	   *o;
	size_t		i = 0;

	enlargeStringInfo(out, (int) need);
	o = out->data + out->len;
	for (; i + 3 <= len; i += 3)
	{
		uint32		v = ((uint32) data[i] << 16) | ((uint32) data[i + 1] << 8) | data[i + 2];

		o[0] = b64url_alphabet[(v >> 18) & 63];
		o[1] = b64url_alphabet[(v >> 12) & 63];
		o[2] = b64url_alphabet[(v >> 6) & 63];
		o[3] = b64url_alphabet[v & 63];
		o += 4;
	}
	if (len - i == 1)
	{
		uint32		v = (uint32) data[i] << 16;

		o[0] = b64url_alphabet[(v >> 18) & 63];
		o[1] = b64url_alphabet[(v >> 12) & 63];
		o += 2;
	}
	else if (len - i == 2)
	{
		uint32		v = ((uint32) data[i] << 16) | ((uint32) data[i + 1] << 8);

		o[0] = b64url_alphabet[(v >> 18) & 63];
		o[1] = b64url_alphabet[(v >> 12) & 63];
		o[2] = b64url_alphabet[(v >> 6) & 63];
		o += 3;
	}
	out->len += need;
	out->data[out->len] = '\0';
}

char *
base64url_encode(const uint8 *data, size_t len)
{
	StringInfoData buf;

	initStringInfo(&buf);
	base64url_append(&buf, data, len);
	return buf.data;
}

/* ---- base58btc: the Bitcoin alphabet (no 0, O, I, l) ---- */

static const char b58_alphabet[] =
"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

static int8 b58_value[256];
static bool b58_ready = false;

static void
b58_init(void)
{
	memset(b58_value, -1, sizeof(b58_value));
	for (int i = 0; i < 58; i++)
		b58_value[(unsigned char) b58_alphabet[i]] = (int8) i;
	b58_ready = true;
}

/*
 * Leading '1' characters stand for leading zero bytes; the rest is a
 * big-endian base-58 number written without leading zero digits, which the
 * decoder turns into the shortest big-endian byte string.  The encoding is a
 * bijection, so no canonicality check is needed beyond the alphabet.  The
 * conversion is quadratic, hence the length limit.
 *
 * The number is accumulated in 32-bit limbs, five digits at a time (58^5 <
 * 2^32, so one multiply-add pass per five digits): a proofValue of 88
 * characters is decoded on every Data Integrity verification, and the
 * byte-at-a-time schoolbook loop was a visible share of it.
 */
bool
base58btc_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen)
{
	size_t		zeros = 0;
	size_t		cap;
	uint32	   *limbs;			/* little-endian base-2^32 accumulator */
	size_t		nlimbs = 0;
	size_t		nbytes;
	uint8	   *res;
	size_t		i;

	if (!b58_ready)
		b58_init();
	if (inlen > BASE58BTC_MAX_CHARS)
		return false;

	while (zeros < inlen && in[zeros] == '1')
		zeros++;

	/* log(58)/log(2^32) < 0.1831; one spare limb */
	cap = (inlen - zeros) * 1831 / 10000 + 2;
	limbs = palloc(sizeof(uint32) * cap);

	i = zeros;
	while (i < inlen)
	{
		uint32		mul = 1;
		uint32		add = 0;
		uint64		carry;

		for (int k = 0; k < 5 && i < inlen; k++, i++)
		{
			int			digit = b58_value[(unsigned char) in[i]];

			if (digit < 0)
			{
				pfree(limbs);
				return false;
			}
			mul *= 58;
			add = add * 58 + (uint32) digit;
		}
		/* limbs = limbs * mul + add; the carry stays below 2^32 * mul */
		carry = add;
		for (size_t j = 0; j < nlimbs; j++)
		{
			carry += (uint64) limbs[j] * mul;
			limbs[j] = (uint32) carry;
			carry >>= 32;
		}
		if (carry)
		{
			Assert(nlimbs < cap);
			limbs[nlimbs++] = (uint32) carry;
		}
	}

	/* the shortest big-endian byte string: drop the top limb's zero bytes */
	nbytes = nlimbs * 4;
	if (nlimbs > 0)
	{
		uint32		top = limbs[nlimbs - 1];

		while ((top >> 24) == 0)
		{
			top <<= 8;
			nbytes--;
		}
	}
	res = palloc(zeros + nbytes + 1);
	memset(res, 0, zeros);
	for (size_t j = 0; j < nbytes; j++)
		res[zeros + nbytes - 1 - j] = (uint8) (limbs[j / 4] >> (8 * (j % 4)));
	pfree(limbs);
	*out = res;
	*outlen = zeros + nbytes;
	return true;
}

void
base58btc_append(StringInfo out, const uint8 *data, size_t len)
{
	size_t		zeros = 0;
	size_t		cap;
	uint8	   *digits;			/* little-endian base-58 digits */
	size_t		ndigits = 0;

	if (!b58_ready)
		b58_init();
	while (zeros < len && data[zeros] == 0)
		zeros++;
	/* log(256)/log(58) < 1.366 */
	cap = (len - zeros) * 1366 / 1000 + 1;
	digits = palloc0(cap + 1);
	for (size_t i = zeros; i < len; i++)
	{
		uint32		carry = data[i];

		for (size_t j = 0; j < ndigits; j++)
		{
			carry += (uint32) digits[j] << 8;
			digits[j] = (uint8) (carry % 58);
			carry /= 58;
		}
		while (carry)
		{
			digits[ndigits++] = (uint8) (carry % 58);
			carry /= 58;
		}
	}
	enlargeStringInfo(out, (int) (zeros + ndigits));
	for (size_t i = 0; i < zeros; i++)
		out->data[out->len++] = '1';
	for (size_t j = 0; j < ndigits; j++)
		out->data[out->len++] = b58_alphabet[digits[ndigits - 1 - j]];
	out->data[out->len] = '\0';
	pfree(digits);
}

/* ---- multibase ---- */

bool
multibase_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen)
{
	if (inlen < 1)
		return false;
	switch (in[0])
	{
		case 'z':
			return base58btc_decode(in + 1, inlen - 1, out, outlen);
		case 'u':
			return base64url_decode(in + 1, inlen - 1, out, outlen);
		default:
			return false;
	}
}

/* ---- multicodec unsigned varint (LEB128, at most 9 bytes, minimal) ---- */

int
varint_decode(const uint8 *in, size_t inlen, uint64 *value)
{
	uint64		v = 0;

	for (int i = 0; i < 9 && (size_t) i < inlen; i++)
	{
		uint8		b = in[i];

		v |= (uint64) (b & 0x7F) << (7 * i);
		if ((b & 0x80) == 0)
		{
			/* A last byte of zero after the first is a non-minimal encoding. */
			if (b == 0 && i > 0)
				return 0;
			/* The ninth byte may carry only 7 bits (63-bit values). */
			*value = v;
			return i + 1;
		}
	}
	return 0;
}

int
varint_encode(uint64 value, uint8 *out)
{
	int			n = 0;

	do
	{
		uint8		b = value & 0x7F;

		value >>= 7;
		if (value)
			b |= 0x80;
		out[n++] = b;
	} while (value);
	return n;
}

/*
 * encoding.h
 *		Byte encodings used by credentials: base64url (RFC 4648 §5, no
 *		padding), base58btc, multibase ('z' base58btc, 'u' base64url),
 *		multicodec unsigned varints, hex.
 *
 * Decoders are strict (non-canonical input such as base64url with trailing
 * bits set, padding, or characters outside the alphabet is rejected), never
 * raise, and return false on bad input; outputs are palloc'd.
 */
#ifndef CREDREG_ENCODING_H
#define CREDREG_ENCODING_H

#include "credreg.h"

extern bool base64url_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen);

/*
 * Allocation-free variant for hot paths: out must have room for
 * base64url_decoded_len(inlen) bytes.  Same strictness.
 */
extern bool base64url_decode_into(const char *in, size_t inlen, uint8 *out, size_t *outlen);
#define base64url_decoded_len(inlen) (((inlen) / 4) * 3 + 2)
#define base64url_encoded_len(len) (((len) / 3) * 4 + ((len) % 3 ? (len) % 3 + 1 : 0))
extern void base64url_append(StringInfo out, const uint8 *data, size_t len);
extern char *base64url_encode(const uint8 *data, size_t len);

/*
 * base58btc: leading '1's are zero bytes.  The conversion is quadratic, so
 * inputs longer than BASE58BTC_MAX_CHARS are refused (keys and signatures
 * are below 200 characters).
 */
#define BASE58BTC_MAX_CHARS 4096
extern bool base58btc_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen);
extern void base58btc_append(StringInfo out, const uint8 *data, size_t len);

/* Multibase: the first character names the base; only 'z' and 'u' are accepted. */
extern bool multibase_decode(const char *in, size_t inlen, uint8 **out, size_t *outlen);

/* Reads an unsigned varint; returns bytes consumed, or 0 when malformed. */
extern int	varint_decode(const uint8 *in, size_t inlen, uint64 *value);
extern int	varint_encode(uint64 value, uint8 *out);	/* out has room for 10 bytes */

extern void hex_append(StringInfo out, const uint8 *data, size_t len);

#endif							/* CREDREG_ENCODING_H */

/*
 * cbor.h
 *		A minimal, bounded CBOR decoder (RFC 8949) for the proof values that
 *		carry CBOR (vc-di-ecdsa ecdsa-sd-2023 §3.5).
 *
 * Definite lengths only (indefinite lengths, floats and simple values other
 * than false, true and null are refused: the formats read with it never
 * use them); nesting at most CR_CBOR_MAX_DEPTH; an item count larger than
 * the bytes left cannot be claimed, so memory stays proportional to the
 * input.  The decoded tree points into the input buffer.  Never raises on
 * bad input: false with failure code "malformed".
 */
#ifndef CREDREG_CBOR_H
#define CREDREG_CBOR_H

#include "credreg.h"

#define CR_CBOR_MAX_DEPTH 16

typedef enum CrCborKind
{
	CRCBOR_UINT,				/* major type 0: value */
	CRCBOR_NINT,				/* major type 1: -1 - value */
	CRCBOR_BYTES,				/* major type 2: data, count */
	CRCBOR_TEXT,				/* major type 3: data, count (UTF-8, not checked) */
	CRCBOR_ARRAY,				/* major type 4: items[count] */
	CRCBOR_MAP,					/* major type 5: items[2 * count], key then value */
	CRCBOR_TAG,					/* major type 6: value is the tag, items[0] the content */
	CRCBOR_SIMPLE				/* major type 7: value 20 false, 21 true, 22 null */
} CrCborKind;

typedef struct CrCbor CrCbor;

struct CrCbor
{
	CrCborKind	kind;
	uint64		value;			/* UINT, NINT, TAG, SIMPLE */
	size_t		count;			/* BYTES, TEXT: bytes; ARRAY, MAP: entries */
	const uint8 *data;			/* BYTES, TEXT: inside the input */
	CrCbor	   *items;			/* ARRAY, MAP, TAG */
};

/* Decode exactly one item filling data[0 .. len). */
extern bool crcbor_decode(const uint8 *data, size_t len, CrCbor **item, CredregFailure *failure);

#endif							/* CREDREG_CBOR_H */

/*
 * cbor.h
 *		A minimal, bounded CBOR (RFC 8949) reader: definite-length items of
 *		every major type, decoded into a tree.  Used for the proofValue of
 *		Blockcerts' MerkleProof2019.
 *
 * Bounded: nesting at most CRCBOR_MAX_DEPTH, every length checked against
 * the bytes left before anything is allocated (an array or map of n items
 * needs at least n bytes), the whole input must be one item.  Indefinite
 * lengths, reserved additional information values and floats are refused.
 * Nothing raises on bad input.
 */
#ifndef CREDREG_CBOR_H
#define CREDREG_CBOR_H

#include "credreg.h"

#define CRCBOR_MAX_DEPTH 32

typedef enum CrCborKind
{
	CRCBOR_UINT = 0,			/* major type 0: value */
	CRCBOR_NEGINT = 1,			/* major type 1: -1 - value */
	CRCBOR_BYTES = 2,
	CRCBOR_TEXT = 3,			/* UTF-8 is not checked here */
	CRCBOR_ARRAY = 4,
	CRCBOR_MAP = 5,
	CRCBOR_TAG = 6,				/* value is the tag, items[0] the tagged item */
	CRCBOR_SIMPLE = 7			/* value: 20 false, 21 true, 22 null, 23 undefined, ... */
} CrCborKind;

typedef struct CrCbor
{
	CrCborKind	kind;
	uint64		value;			/* integer, tag number or simple value */
	const uint8 *data;			/* BYTES / TEXT: points into the input */
	size_t		len;
	struct CrCbor **items;		/* ARRAY: count items; MAP: key, value, key, value ... */
	size_t		count;			/* ARRAY: items; MAP: pairs */
} CrCbor;

/* Decodes data as exactly one CBOR item.  Failure code "malformed". */
extern bool crcbor_decode(const uint8 *data, size_t len, CrCbor **out, CredregFailure *failure);

/* A map's value for an unsigned integer key, or NULL. */
extern const CrCbor *crcbor_map_get_uint(const CrCbor *map, uint64 key);

#endif							/* CREDREG_CBOR_H */

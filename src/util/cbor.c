/*
 * cbor.c
 *		The bounded CBOR reader (see cbor.h).  RFC 8949 §3: an initial byte
 *		of major type (3 bits) and additional information (5 bits), then
 *		the argument in 0, 1, 2, 4 or 8 bytes.
 */
#include "postgres.h"

#include "util/cbor.h"

typedef struct Reader
{
	const uint8 *p;
	const uint8 *end;
	CredregFailure *f;
} Reader;

static bool
read_argument(Reader *rd, int ai, uint64 *out)
{
	int			n;

	if (ai < 24)
	{
		*out = ai;
		return true;
	}
	switch (ai)
	{
		case 24: n = 1; break;
		case 25: n = 2; break;
		case 26: n = 4; break;
		case 27: n = 8; break;
		default:
			/* 28-30 reserved, 31 indefinite length (RFC 8949 §3.2) */
			return credreg_fail(rd->f, "malformed", "CBOR additional information %d is not supported", ai);
	}
	if (rd->end - rd->p < n)
		return credreg_fail(rd->f, "malformed", "CBOR item is truncated");
	*out = 0;
	for (int i = 0; i < n; i++)
		*out = (*out << 8) | *rd->p++;
	return true;
}

static bool
read_item(Reader *rd, int depth, CrCbor **out)
{
	CrCbor	   *item;
	int			major,
				ai;
	uint64		arg = 0;

	if (depth > CRCBOR_MAX_DEPTH)
		return credreg_fail(rd->f, "malformed", "CBOR nesting is deeper than %d", CRCBOR_MAX_DEPTH);
	if (rd->p >= rd->end)
		return credreg_fail(rd->f, "malformed", "CBOR item is truncated");
	major = *rd->p >> 5;
	ai = *rd->p & 0x1f;
	rd->p++;
	if (major == CRCBOR_SIMPLE && ai >= 25 && ai <= 27)
		return credreg_fail(rd->f, "malformed", "CBOR floating-point values are not supported");
	if (!read_argument(rd, ai, &arg))
		return false;
	item = palloc0(sizeof(CrCbor));
	item->kind = (CrCborKind) major;
	item->value = arg;
	switch (item->kind)
	{
		case CRCBOR_UINT:
		case CRCBOR_NEGINT:
		case CRCBOR_SIMPLE:
			break;
		case CRCBOR_BYTES:
		case CRCBOR_TEXT:
			if (arg > (uint64) (rd->end - rd->p))
				return credreg_fail(rd->f, "malformed", "CBOR string is longer than the input");
			item->data = rd->p;
			item->len = arg;
			rd->p += arg;
			break;
		case CRCBOR_ARRAY:
		case CRCBOR_MAP:
			{
				uint64		n = item->kind == CRCBOR_MAP ? arg * 2 : arg;

				/* every item takes at least one byte: bound before allocating */
				if (arg > (uint64) (rd->end - rd->p) || n > (uint64) (rd->end - rd->p))
					return credreg_fail(rd->f, "malformed", "CBOR %s has more items than the input has bytes",
										item->kind == CRCBOR_MAP ? "map" : "array");
				item->count = arg;
				item->items = n > 0 ? palloc(sizeof(CrCbor *) * n) : NULL;
				for (uint64 i = 0; i < n; i++)
					if (!read_item(rd, depth + 1, &item->items[i]))
						return false;
				break;
			}
		case CRCBOR_TAG:
			item->count = 1;
			item->items = palloc(sizeof(CrCbor *));
			if (!read_item(rd, depth + 1, &item->items[0]))
				return false;
			break;
	}
	*out = item;
	return true;
}

bool
crcbor_decode(const uint8 *data, size_t len, CrCbor **out, CredregFailure *f)
{
	Reader		rd = {data, data + len, f};

	if (!read_item(&rd, 0, out))
		return false;
	if (rd.p != rd.end)
		return credreg_fail(f, "malformed", "%zu bytes follow the CBOR item", (size_t) (rd.end - rd.p));
	return true;
}

const CrCbor *
crcbor_map_get_uint(const CrCbor *map, uint64 key)
{
	if (map == NULL || map->kind != CRCBOR_MAP)
		return NULL;
	for (size_t i = 0; i < map->count; i++)
		if (map->items[2 * i]->kind == CRCBOR_UINT && map->items[2 * i]->value == key)
			return map->items[2 * i + 1];
	return NULL;
}

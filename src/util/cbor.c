/*
 * cbor.c
 *		The bounded CBOR decoder of cbor.h (RFC 8949 §3).
 */
#include "postgres.h"

#include "util/cbor.h"

typedef struct Reader
{
	const uint8 *p;
	const uint8 *end;
	CredregFailure *failure;
} Reader;

/* RFC 8949 §3: the initial byte's additional information, then the argument. */
static bool
read_head(Reader *rd, int *major, uint64 *arg)
{
	uint8		ib;
	int			info;
	int			n;

	if (rd->p >= rd->end)
		return credreg_fail(rd->failure, "malformed", "CBOR ends inside an item");
	ib = *rd->p++;
	*major = ib >> 5;
	info = ib & 0x1f;
	if (info < 24)
	{
		*arg = info;
		return true;
	}
	if (info > 27)
		return credreg_fail(rd->failure, "malformed",
							"CBOR item with additional information %d (indefinite lengths are not accepted)", info);
	n = 1 << (info - 24);
	if (rd->end - rd->p < n)
		return credreg_fail(rd->failure, "malformed", "CBOR ends inside an item's argument");
	*arg = 0;
	for (int i = 0; i < n; i++)
		*arg = (*arg << 8) | *rd->p++;
	return true;
}

static bool
read_item(Reader *rd, CrCbor *item, int depth)
{
	int			major = 0;
	uint64		arg = 0;
	size_t		left;

	if (depth > CR_CBOR_MAX_DEPTH)
		return credreg_fail(rd->failure, "malformed", "CBOR nests deeper than %d", CR_CBOR_MAX_DEPTH);
	if (!read_head(rd, &major, &arg))
		return false;
	left = rd->end - rd->p;
	memset(item, 0, sizeof(*item));
	switch (major)
	{
		case 0:
		case 1:
			item->kind = major == 0 ? CRCBOR_UINT : CRCBOR_NINT;
			item->value = arg;
			return true;
		case 2:
		case 3:
			if (arg > left)
				return credreg_fail(rd->failure, "malformed", "CBOR string longer than its input");
			item->kind = major == 2 ? CRCBOR_BYTES : CRCBOR_TEXT;
			item->count = arg;
			item->data = rd->p;
			rd->p += arg;
			return true;
		case 4:
		case 5:
			{
				/* every entry takes at least one byte: a count beyond that is a lie */
				uint64		n = major == 4 ? arg : 2 * arg;

				if (arg > left || n > left)
					return credreg_fail(rd->failure, "malformed", "CBOR container claims more items than it has bytes");
				item->kind = major == 4 ? CRCBOR_ARRAY : CRCBOR_MAP;
				item->count = arg;
				item->items = palloc(sizeof(CrCbor) * Max(n, 1));
				for (uint64 i = 0; i < n; i++)
					if (!read_item(rd, &item->items[i], depth + 1))
						return false;
				return true;
			}
		case 6:
			item->kind = CRCBOR_TAG;
			item->value = arg;
			item->items = palloc(sizeof(CrCbor));
			return read_item(rd, &item->items[0], depth + 1);
		default:
			if (arg < 20 || arg > 22)
				return credreg_fail(rd->failure, "malformed", "CBOR simple value or float %llu is not accepted",
									(unsigned long long) arg);
			item->kind = CRCBOR_SIMPLE;
			item->value = arg;
			return true;
	}
}

bool
crcbor_decode(const uint8 *data, size_t len, CrCbor **item, CredregFailure *failure)
{
	Reader		rd = {data, data + len, failure};
	CrCbor	   *it = palloc(sizeof(CrCbor));

	if (!read_item(&rd, it, 0))
		return false;
	if (rd.p != rd.end)
		return credreg_fail(failure, "malformed", "%zu bytes follow the CBOR item", (size_t) (rd.end - rd.p));
	*item = it;
	return true;
}

/*
 * status_index.c — the status-list bits a stored credential reads.
 *
 * credreg.credential_status maps (list, bit) to the credentials that read
 * it, so that a changed status list re-checks only the credentials whose
 * bit flipped.  Its rows come from each stored credential's
 * status_entries ([{"list", "index", "size", "purpose"}], written by
 * registry_examine in src/registry/ingest.c).  In SQL, the expansion
 * (jsonb_array_elements, ->> and a generate_series per entry, then ON
 * CONFLICT for a bit two entries share) cost as much as inserting the rows;
 * here each credential's entries are read once and a repeated bit is left
 * out, so the insert needs no conflict handling.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

PG_FUNCTION_INFO_V1(credreg_credential_status_bits);

typedef struct StatusBit
{
	const char *list;
	int			list_len;
	int64		idx;
} StatusBit;

/* A stored entry's whole-number member ("index", "size"), or -1. */
static int64
entry_integer(JsonbContainer *entry, const char *name)
{
	JsonbValue *v = getKeyJsonValueFromContainer(entry, name, strlen(name), NULL);
	char	   *text;
	char	   *end;
	int64		value;

	if (v == NULL || v->type != jbvNumeric)
		return -1;
	text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	value = strtoi64(text, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	return value;
}

/*
 * credreg.credential_status_bits(status_entries jsonb) returns table(list_url text,
 * idx bigint): for each entry, the statusSize bits it reads, at
 * statusListIndex * statusSize + k for k below statusSize (so a multi-bit
 * status is found by any of its bits), each (list, bit) once.  Entries
 * without a list or a whole index are skipped, as registry_examine never
 * writes them.
 */
Datum
credreg_credential_status_bits(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Jsonb	   *entries = PG_GETARG_JSONB_P(0);
	StatusBit  *seen = NULL;
	int			nseen = 0;
	int			capacity = 0;
	int			n;

	InitMaterializedSRF(fcinfo, 0);
	if (!JB_ROOT_IS_ARRAY(entries) || JB_ROOT_IS_SCALAR(entries))
		return (Datum) 0;
	n = JB_ROOT_COUNT(entries);
	for (int i = 0; i < n; i++)
	{
		JsonbValue *entry = getIthJsonbValueFromContainer(&entries->root, i);
		JsonbValue *list;
		int64		index;
		int64		size;

		if (entry == NULL || entry->type != jbvBinary ||
			!JsonContainerIsObject(entry->val.binary.data))
			continue;
		list = getKeyJsonValueFromContainer(entry->val.binary.data, "list", 4, NULL);
		index = entry_integer(entry->val.binary.data, "index");
		size = entry_integer(entry->val.binary.data, "size");
		if (list == NULL || list->type != jbvString || index < 0)
			continue;
		if (size < 1)
			size = 1;
		/* registry_examine writes at most 15 and 2 digits: guard the product */
		if (size > 100 || index > PG_INT64_MAX / 100)
			continue;
		for (int64 k = 0; k < size; k++)
		{
			int64		bit = index * size + k;
			bool		repeated = false;
			Datum		values[2];
			bool		nulls[2] = {false, false};

			for (int j = 0; j < nseen && !repeated; j++)
				repeated = seen[j].idx == bit && seen[j].list_len == list->val.string.len &&
					memcmp(seen[j].list, list->val.string.val, list->val.string.len) == 0;
			if (repeated)
				continue;
			if (nseen == capacity)
			{
				capacity = Max(8, capacity * 2);
				seen = seen ? repalloc(seen, sizeof(StatusBit) * capacity)
					: palloc(sizeof(StatusBit) * capacity);
			}
			seen[nseen].list = list->val.string.val;
			seen[nseen].list_len = list->val.string.len;
			seen[nseen].idx = bit;
			nseen++;
			values[0] = PointerGetDatum(cstring_to_text_with_len(list->val.string.val,
																 list->val.string.len));
			values[1] = Int64GetDatum(bit);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

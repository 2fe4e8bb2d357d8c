/*
 * status_diff.c — which statuses a change of a status list touched.
 *
 * The registry re-verifies only the stored credentials whose status list
 * index changed bit (README, section "The registry"), so an UPDATE of one
 * list among millions of stored credentials costs one decode of each
 * version and a scan of the two bitstrings, not a check of every credential
 * that points at the list.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/array.h"
#include "catalog/pg_type.h"

#include "credreg.h"
#include "status/status.h"

PG_FUNCTION_INFO_V1(credreg_changed_status_bits);

/*
 * changed_status_bits(old_list text, new_list text) returns bigint[]:
 * the bit positions (MSB-first, as entries index them) where the two
 * encodedLists differ, in increasing order.  NULL when the lists cannot be
 * compared bit by bit — one does not decode, or their lengths differ — and
 * the caller must then treat every index as changed.
 */
Datum
credreg_changed_status_bits(PG_FUNCTION_ARGS)
{
	text	   *old_list = PG_GETARG_TEXT_PP(0);
	text	   *new_list = PG_GETARG_TEXT_PP(1);
	StatusBitstring a;
	StatusBitstring b;
	CredregFailure failure;
	Datum	   *changed = NULL;
	int			n = 0;
	int			cap = 0;

	if (!status_bitstring_decode(VARDATA_ANY(old_list), VARSIZE_ANY_EXHDR(old_list), true, &a, &failure) ||
		!status_bitstring_decode(VARDATA_ANY(new_list), VARSIZE_ANY_EXHDR(new_list), true, &b, &failure) ||
		a.nbytes != b.nbytes)
		PG_RETURN_NULL();

	for (size_t i = 0; i < a.nbytes; i++)
	{
		uint8		diff = a.bits[i] ^ b.bits[i];

		if (diff == 0)
			continue;
		for (int bit = 0; bit < 8; bit++)
		{
			if ((diff & (0x80 >> bit)) == 0)
				continue;
			if (n == cap)
			{
				cap = cap == 0 ? 16 : cap * 2;
				changed = changed == NULL ? palloc(cap * sizeof(Datum))
					: repalloc(changed, cap * sizeof(Datum));
			}
			changed[n++] = Int64GetDatum((int64) i * 8 + bit);
		}
	}
	pfree(a.bits);
	pfree(b.bits);
	PG_RETURN_ARRAYTYPE_P(construct_array(changed, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
										  TYPALIGN_DOUBLE));
}

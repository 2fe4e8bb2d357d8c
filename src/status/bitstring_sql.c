/*
 * bitstring_sql.c
 *		The registrar's SQL functions over an encodedList: create, get, set,
 *		multi-bit statuses, length, set bits, decode.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "status/status.h"

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

PG_FUNCTION_INFO_V1(credreg_status_list_set_many);
/* status_list_set(list text, indexes int[], value boolean): many bits, one decode and encode. */
Datum
credreg_status_list_set_many(PG_FUNCTION_ARGS)
{
	text	   *list = PG_GETARG_TEXT_PP(0);
	ArrayType  *indexes = PG_GETARG_ARRAYTYPE_P(1);
	bool		value = PG_GETARG_BOOL(2);
	StatusBitstring bs;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (ARR_NDIM(indexes) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("status list indexes must be a one-dimensional array")));
	deconstruct_array(indexes, INT4OID, sizeof(int32), true, TYPALIGN_INT, &elems, &nulls, &n);
	decode_or_error(list, &bs);
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("status list indexes must not be null")));
		if (!status_bitstring_write(&bs, DatumGetInt32(elems[i]), 1, value ? 1 : 0))
			index_out_of_range(DatumGetInt32(elems[i]), 1, &bs);
	}
	PG_RETURN_TEXT_P(cstring_to_text(status_bitstring_encode(bs.bits, bs.nbytes)));
}

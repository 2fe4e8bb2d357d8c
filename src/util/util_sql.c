/*
 * util_sql.c
 *		SQL access to the byte encodings (encoding.c).
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "util/encoding.h"

static bytea *
to_bytea(const uint8 *data, size_t len)
{
	bytea	   *b = palloc(VARHDRSZ + len);

	SET_VARSIZE(b, VARHDRSZ + len);
	memcpy(VARDATA(b), data, len);
	return b;
}

/* Echoes at most 40 bytes of a rejected input. */
static void
encoding_error(const char *type, text *in)
{
	int			len = VARSIZE_ANY_EXHDR(in);

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid %s text: \"%.*s%s\"", type,
					len > 40 ? 40 : len, VARDATA_ANY(in), len > 40 ? "..." : "")));
}

PG_FUNCTION_INFO_V1(credreg_base64url_encode);
Datum
credreg_base64url_encode(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text(base64url_encode((const uint8 *) VARDATA_ANY(in),
													  VARSIZE_ANY_EXHDR(in))));
}

PG_FUNCTION_INFO_V1(credreg_base64url_decode);
Datum
credreg_base64url_decode(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	uint8	   *out;
	size_t		outlen;

	if (!base64url_decode(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out, &outlen))
		encoding_error("base64url", in);
	PG_RETURN_BYTEA_P(to_bytea(out, outlen));
}

PG_FUNCTION_INFO_V1(credreg_base58btc_encode);
Datum
credreg_base58btc_encode(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	if (VARSIZE_ANY_EXHDR(in) > BASE58BTC_MAX_CHARS / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("base58btc input is limited to %d bytes", BASE58BTC_MAX_CHARS / 2)));
	initStringInfo(&buf);
	base58btc_append(&buf, (const uint8 *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}

PG_FUNCTION_INFO_V1(credreg_base58btc_decode);
Datum
credreg_base58btc_decode(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	uint8	   *out;
	size_t		outlen;

	if (VARSIZE_ANY_EXHDR(in) > BASE58BTC_MAX_CHARS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("base58btc input is limited to %d characters", BASE58BTC_MAX_CHARS)));
	if (!base58btc_decode(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out, &outlen))
		encoding_error("base58btc", in);
	PG_RETURN_BYTEA_P(to_bytea(out, outlen));
}

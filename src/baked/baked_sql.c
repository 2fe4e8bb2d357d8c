/*
 * baked_sql.c
 *		credreg.extract_baked: the credential baked into a badge image.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "baked/baked.h"

PG_FUNCTION_INFO_V1(credreg_extract_baked);

/*
 * NULL for a well-formed image without a credential; 22023 for what is not
 * a PNG or SVG, 22P02 for a malformed one or one with two credentials.
 */
Datum
credreg_extract_baked(PG_FUNCTION_ARGS)
{
	bytea	   *image = PG_GETARG_BYTEA_PP(0);
	char	   *text;
	size_t		len;
	CredregFailure f;
	char	   *server;

	if (!cr_baked_extract((const uint8 *) VARDATA_ANY(image), VARSIZE_ANY_EXHDR(image),
						  &text, &len, &f))
		ereport(ERROR,
				(errcode(strcmp(f.code, "image_unsupported") == 0 ?
						 ERRCODE_INVALID_PARAMETER_VALUE : ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("cannot extract a baked credential: %s", f.message),
				 errdetail("Failure code: %s.", f.code)));
	if (text == NULL)
		PG_RETURN_NULL();
	/* the baked text is UTF-8 (checked); text columns hold the server encoding */
	server = pg_any_to_server(text, (int) len, PG_UTF8);
	PG_RETURN_TEXT_P(cstring_to_text(server));
}

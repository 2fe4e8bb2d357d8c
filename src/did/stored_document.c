/*
 * stored_document.c
 *		Plain SPI lookups of the stored documents (see stored_document.h).
 *
 * TODO(cache): move these onto src/util/cache.c after the `cache` branch is
 * merged (one lookup function each, so the move is local).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "did/stored_document.h"

/*
 * Runs a one-parameter query returning at most one text column and returns
 * that text (palloc'd in the caller's context), or NULL when no row.
 */
static char *
lookup_text(const char *sql, const char *arg1, const char *arg2)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	int			nargs = arg2 != NULL ? 2 : 1;
	char	   *result = NULL;
	MemoryContext caller = CurrentMemoryContext;
	int			rc;

	values[0] = CStringGetTextDatum(arg1);
	if (arg2 != NULL)
		values[1] = CStringGetTextDatum(arg2);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rc = SPI_execute_with_args(sql, nargs, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "stored document query failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
		{
			MemoryContext spi = MemoryContextSwitchTo(caller);

			result = TextDatumGetCString(d);
			MemoryContextSwitchTo(spi);
		}
	}
	SPI_finish();
	return result;
}

static CrJson *
parse_stored(const char *text)
{
	CredregFailure f;

	if (text == NULL)
		return NULL;
	/* jsonb output is always valid JSON; a size or depth limit can still refuse it */
	return crjson_parse(text, strlen(text), &f);
}

CrJson *
cr_did_document(const char *did)
{
	return parse_stored(lookup_text("SELECT document::pg_catalog.text FROM credreg.did_document "
									"WHERE did OPERATOR(pg_catalog.=) $1", did, NULL));
}

CrJson *
cr_hosted_document(const char *url)
{
	return parse_stored(lookup_text("SELECT document::pg_catalog.text FROM credreg.hosted_document "
									"WHERE url OPERATOR(pg_catalog.=) $1", url, NULL));
}

bool
cr_blockchain_anchor_matches(const char *chain, const char *transaction_id,
							 const char *merkle_root, bool *found)
{
	char	   *root = lookup_text("SELECT pg_catalog.lower(merkle_root) FROM credreg.blockchain_anchor "
								   "WHERE chain OPERATOR(pg_catalog.=) $1 "
								   "AND transaction_id OPERATOR(pg_catalog.=) $2",
								   chain, transaction_id);

	*found = root != NULL;
	return root != NULL && pg_strcasecmp(root, merkle_root) == 0;
}

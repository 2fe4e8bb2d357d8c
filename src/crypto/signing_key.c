/*
 * signing_key.c
 *		Private keys kept in credreg.signing_key, used by reference
 *		('signing_key:NAME') wherever a private key text is taken, so that
 *		key material need not appear in SQL text, plans or the server log.
 *
 * The row is read as the calling role: who may sign with a stored key is
 * who may read it (by default the table's owner only; see registrar.sql).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "crypto/crypto.h"

bool
crkey_stored_private(const char *name, size_t len, CrKey **key, CredregFailure *failure)
{
	MemoryContext caller = CurrentMemoryContext;
	Oid			argtype = TEXTOID;
	Datum		arg = PointerGetDatum(cstring_to_text_with_len(name, len));
	char	   *stored = NULL;
	bool		ok;
	int			rc;

	SPI_connect();
	rc = SPI_execute_with_args("SELECT private_key FROM credreg.signing_key WHERE name OPERATOR(pg_catalog.=) $1",
							   1, &argtype, &arg, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "signing_key query failed: %s", SPI_result_code_string(rc));
	if (SPI_processed > 0)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		if (v != NULL)
		{
			stored = MemoryContextStrdup(caller, v);
			explicit_bzero(v, strlen(v));
		}
	}
	SPI_finish();

	if (stored == NULL)
		return credreg_fail(failure, "key_malformed", "there is no signing key named \"%.*s\"",
							(int) len, name);
	/* a stored key is key material, never another reference */
	if (strncmp(stored, CRKEY_STORED_PREFIX, strlen(CRKEY_STORED_PREFIX)) == 0)
		ok = credreg_fail(failure, "key_malformed", "signing key \"%.*s\" is a reference",
						  (int) len, name);
	else
		ok = crkey_parse_private(stored, strlen(stored), key, failure);
	explicit_bzero(stored, strlen(stored));
	pfree(stored);
	return ok;
}

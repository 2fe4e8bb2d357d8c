/*
 * secret.c
 *		Keeping secret arguments (private keys) out of the server log.
 *
 * An error context callback cannot do this: the STATEMENT line is written
 * by the error reporting itself (send_message_to_server_log), after every
 * callback, unless the error is marked errhidestmt.  Marking each ereport
 * of the signing code would miss the errors raised by what it calls (JSON,
 * JSON-LD, OpenSSL wrappers, out of memory, a cancel), so the SQL entry
 * points run their body through credreg_call_hiding_statement, which marks
 * every error on its way out.
 */
#include "postgres.h"

#include "util/secret.h"

Datum
credreg_call_hiding_statement(PGFunction fn, FunctionCallInfo fcinfo)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile Datum result = (Datum) 0;

	PG_TRY();
	{
		result = fn(fcinfo);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		/* CopyErrorData must not allocate in ErrorContext */
		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		edata->hide_stmt = true;
		edata->hide_ctx = true;
		ReThrowError(edata);
	}
	PG_END_TRY();
	return result;
}

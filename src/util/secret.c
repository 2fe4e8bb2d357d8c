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

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

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

/*
 * The <name>_impl function of the called function's schema, with its
 * argument types, looked up once per call site.  By OID and schema, so no
 * search_path reaches it; calling it through fmgr skips the EXECUTE check,
 * which lets the implementation stay revoked from PUBLIC (the entry point's
 * own EXECUTE privilege is what counts).
 */
static FmgrInfo *
impl_of(FunctionCallInfo fcinfo)
{
	FmgrInfo   *impl = (FmgrInfo *) fcinfo->flinfo->fn_extra;
	HeapTuple	tuple;
	Form_pg_proc proc;
	char	   *impl_name;
	Oid			impl_oid;

	if (impl != NULL)
		return impl;
	tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tuple);
	impl_name = psprintf("%s_impl", NameStr(proc->proname));
	impl_oid = LookupFuncName(list_make2(makeString(get_namespace_name(proc->pronamespace)),
										 makeString(impl_name)),
							  proc->pronargs, proc->proargtypes.values, false);
	ReleaseSysCache(tuple);

	impl = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
	fmgr_info_cxt(impl_oid, impl, fcinfo->flinfo->fn_mcxt);
	fcinfo->flinfo->fn_extra = impl;
	return impl;
}

/* Calls the implementation with this call's arguments. */
static Datum
call_impl(PG_FUNCTION_ARGS)
{
	FmgrInfo   *impl = impl_of(fcinfo);
	LOCAL_FCINFO(impl_call, FUNC_MAX_ARGS);
	Datum		result;

	InitFunctionCallInfoData(*impl_call, impl, fcinfo->nargs, fcinfo->fncollation, NULL, NULL);
	for (int i = 0; i < fcinfo->nargs; i++)
		impl_call->args[i] = fcinfo->args[i];
	result = FunctionCallInvoke(impl_call);
	fcinfo->isnull = impl_call->isnull;
	return result;
}

PG_FUNCTION_INFO_V1(credreg_call_impl_hiding_statement);
Datum
credreg_call_impl_hiding_statement(PG_FUNCTION_ARGS)
{
	return credreg_call_hiding_statement(call_impl, fcinfo);
}

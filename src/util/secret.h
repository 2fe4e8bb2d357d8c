/*
 * secret.h
 *		Keeping secret arguments (private keys) out of the server log.
 */
#ifndef CREDREG_SECRET_H
#define CREDREG_SECRET_H

#include "postgres.h"

#include "fmgr.h"

/*
 * Calls fn(fcinfo); an error it raises, whoever raised it, reaches the
 * server log without the statement and without the error context.  For SQL
 * functions that take a private key: with the default
 * log_min_error_statement the log would otherwise get the failing
 * statement's text, key and all, and PL/pgSQL's "SQL statement" context
 * quotes the statement it ran.  The client still gets the whole error.
 */
extern Datum credreg_call_hiding_statement(PGFunction fn, FunctionCallInfo fcinfo);

/*
 * The SQL entry point credreg_call_impl_hiding_statement (no C prototype
 * needed): a function declared LANGUAGE C with it runs the function of the
 * same schema named <its name>_impl, with the same argument types, through
 * credreg_call_hiding_statement.  It gives SQL and PL/pgSQL functions that
 * take a private key the same logging as the C ones.
 */

#endif							/* CREDREG_SECRET_H */

/*
 * credreg.h
 *		What every capability of credreg shares: its GUCs, the way a failure
 *		is reported as data instead of raised, and PostgreSQL version shims.
 */
#ifndef CREDREG_H
#define CREDREG_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

/*
 * PostgreSQL 16 added soft errors for input functions (ereturn/errsave).  On
 * 15 there is none; parsers are still written in that shape, taking an
 * escontext, and the shim turns a soft error into an ordinary ERROR.
 */
#if PG_VERSION_NUM < 160000
#define ereturn(context, dummy_value, ...) \
	do { (void) (context); ereport(ERROR, __VA_ARGS__); return dummy_value; } while (0)
#define errsave(context, ...) \
	do { (void) (context); ereport(ERROR, __VA_ARGS__); } while (0)
#define SOFT_ERROR_OCCURRED(escontext) (false)
#else
#include "nodes/miscnodes.h"
#endif

/* GUCs (defined in credreg.c) */
extern int	credreg_max_json_depth;
extern int	credreg_max_document_bytes;
extern int	credreg_max_proofs;
extern int	credreg_rdfc_max_work;
extern int	credreg_jsonld_max_context_depth;
extern int	credreg_jsonld_max_nodes;
extern int	credreg_stack_max_search_nodes;
extern bool credreg_issuer_fragment_keys;
extern int	credreg_key_cache_size;

/*
 * A failure reported as data rather than raised: the verifier must give
 * valid = false with a stable code for one bad row and go on with the next,
 * so the parsers and checks it calls return false and fill one of these.
 * `code` is a static string from the documented list ("malformed",
 * "signature_invalid", ...); `message` is a palloc'd human sentence.
 */
typedef struct CredregFailure
{
	const char *code;
	char	   *message;
} CredregFailure;

/*
 * Appends fmt formatted with args to buf, enlarging it as needed (the
 * varargs counterpart of appendStringInfo); args itself is left unconsumed,
 * so the caller still va_end()s it.
 */
extern void credreg_appendv(StringInfo buf, const char *fmt, va_list args) pg_attribute_printf(2, 0);

/* Fills *failure (when not NULL) and returns false, for `return credreg_fail(...)`. */
extern bool credreg_fail(CredregFailure *failure, const char *code,
						 const char *fmt,...) pg_attribute_printf(3, 4);

/* Raises a failure as an ERROR with the given SQLSTATE. */
extern void credreg_raise(const CredregFailure *failure, int sqlstate) pg_attribute_noreturn();

#endif							/* CREDREG_H */

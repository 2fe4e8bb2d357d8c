/*
 * credreg.c
 *		Module entry point: GUC definitions, the shared failure helpers and
 *		varargs formatting into a StringInfo.
 */
#include "postgres.h"

#include <limits.h>

#include "utils/guc.h"
#include "utils/memutils.h"

#include "credreg.h"

PG_MODULE_MAGIC;

int			credreg_max_json_depth = 128;
int			credreg_max_document_bytes = 8 * 1024 * 1024;
int			credreg_max_proofs = 16;
int			credreg_rdfc_max_work = 100000;
int			credreg_jsonld_max_context_depth = 32;
int			credreg_jsonld_max_nodes = 1000000;
int			credreg_stack_max_search_nodes = 1000000;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("credreg.max_json_depth",
							"Deepest nesting of arrays and objects accepted in JSON input.",
							NULL, &credreg_max_json_depth, 128, 1, 10000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.max_document_bytes",
							"Largest JSON, JWS or N-Quads document accepted, in bytes.",
							NULL, &credreg_max_document_bytes, 8 * 1024 * 1024,
							1024, MaxAllocSize / 4,
							PGC_USERSET, GUC_UNIT_BYTE, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.max_proofs",
							"Most proofs in one proof set or chain that are checked.",
							NULL, &credreg_max_proofs, 16, 1, 1000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.rdfc_max_work",
							"Work limit of RDF dataset canonicalization (hash operations).",
							NULL, &credreg_rdfc_max_work, 100000, 1, INT_MAX,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.jsonld_max_context_depth",
							"Deepest chain of JSON-LD contexts importing other contexts.",
							NULL, &credreg_jsonld_max_context_depth, 32, 1, 1000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.jsonld_max_nodes",
							"Most values that JSON-LD expansion may produce for one document.",
							NULL, &credreg_jsonld_max_nodes, 1000000, 1, INT_MAX,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("credreg.stack_max_search_nodes",
							"Search budget of the optimal stack assignment, in branch-and-bound nodes.",
							NULL, &credreg_stack_max_search_nodes, 1000000, 1, INT_MAX,
							PGC_USERSET, 0, NULL, NULL, NULL);

	MarkGUCPrefixReserved("credreg");
}

void
credreg_appendv(StringInfo buf, const char *fmt, va_list args)
{
	for (;;)
	{
		va_list		copy;
		int			needed;

		/* each attempt consumes its own copy (C99 7.15.1.2) */
		va_copy(copy, args);
		needed = appendStringInfoVA(buf, fmt, copy);
		va_end(copy);
		if (needed == 0)
			break;
		enlargeStringInfo(buf, needed);
	}
}

bool
credreg_fail(CredregFailure *failure, const char *code, const char *fmt,...)
{
	if (failure != NULL)
	{
		StringInfoData buf;
		va_list		args;

		initStringInfo(&buf);
		va_start(args, fmt);
		credreg_appendv(&buf, fmt, args);
		va_end(args);
		failure->code = code;
		failure->message = buf.data;
	}
	return false;
}

void
credreg_raise(const CredregFailure *failure, int sqlstate)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("%s", failure->message),
			 errdetail("Failure code: %s.", failure->code)));
	pg_unreachable();
}

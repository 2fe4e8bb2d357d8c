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
bool		credreg_issuer_fragment_keys = false;
int			credreg_key_cache_size = 10000;

/*
 * The integer GUCs, all PGC_USERSET.  Each one's boot value is its C
 * initializer above, so the two cannot disagree.
 */
typedef struct CredregIntGuc
{
	const char *name;
	const char *short_desc;
	int		   *var;
	int			min;
	int			max;
	int			flags;
} CredregIntGuc;

static const CredregIntGuc int_gucs[] = {
	{"credreg.max_json_depth",
		"Deepest nesting of arrays and objects accepted in JSON input.",
	&credreg_max_json_depth, 1, 10000, 0},
	{"credreg.max_document_bytes",
		"Largest JSON, JWS or N-Quads document accepted, in bytes.",
	&credreg_max_document_bytes, 1024, MaxAllocSize / 4, GUC_UNIT_BYTE},
	{"credreg.max_proofs",
		"Most proofs in one proof set or chain that are checked.",
	&credreg_max_proofs, 1, 1000, 0},
	{"credreg.rdfc_max_work",
		"Work limit of RDF dataset canonicalization (hash operations).",
	&credreg_rdfc_max_work, 1, INT_MAX, 0},
	{"credreg.jsonld_max_context_depth",
		"Deepest chain of JSON-LD contexts importing other contexts.",
	&credreg_jsonld_max_context_depth, 1, 1000, 0},
	{"credreg.jsonld_max_nodes",
		"Most values that JSON-LD expansion may produce for one document.",
	&credreg_jsonld_max_nodes, 1, INT_MAX, 0},
	{"credreg.stack_max_search_nodes",
		"Search budget of the optimal stack assignment, in branch-and-bound nodes.",
	&credreg_stack_max_search_nodes, 1, INT_MAX, 0},
	/*
	 * At least 1000: a key is borrowed for one call, and the cache frees a
	 * generation early only after four newer ones (util/cache.h), so a call
	 * may look up fewer than 4000 keys -- more than a proof set of the
	 * largest credreg.max_proofs needs.
	 */
	{"credreg.key_cache_size",
		"Decoded keys a backend caches before it starts a new generation of its key cache.",
	&credreg_key_cache_size, 1000, INT_MAX / 2, 0},
};

void		_PG_init(void);

void
_PG_init(void)
{
	for (int i = 0; i < lengthof(int_gucs); i++)
	{
		const CredregIntGuc *g = &int_gucs[i];

		DefineCustomIntVariable(g->name, g->short_desc, NULL, g->var, *g->var,
								g->min, g->max, PGC_USERSET, g->flags,
								NULL, NULL, NULL);
	}

	/*
	 * Off by default: with it on, a credential naming its issuer can carry
	 * any key in `<issuer>#<multibase>` and have it count as the issuer's,
	 * so anyone can sign in a trusted issuer's name (README, "Keys the way
	 * issuers publish them").
	 */
	DefineCustomBoolVariable("credreg.issuer_fragment_keys",
							 "Binds a key named as <issuer id>#<multibase key> to that issuer, as 1EdTech's validator does.",
							 NULL, &credreg_issuer_fragment_keys, credreg_issuer_fragment_keys,
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

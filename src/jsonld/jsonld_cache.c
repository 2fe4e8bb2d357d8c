/*
 * jsonld_cache.c
 *		The context store: documents read from credreg.context (never from
 *		the network), and the per-backend cache of parsed context documents
 *		and processed active contexts (issue 3 item 7).
 *
 * Everything cached lives in a generation of a cache watching
 * credreg.context (util/cache.h): any change fires the statement trigger
 * context_changed(), and the next top-level call in every backend starts a
 * new generation; the old one is freed when the transaction ends, never in
 * the middle of a call that still uses it.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "jsonld/jsonld_int.h"
#include "util/cache.h"

/* processed contexts derived from a cached one by a scoped context */
typedef struct JldDerived
{
	const CrJson *local;		/* identity: a CrJson in the cache */
	bool		override_protected;
	bool		propagate;
	bool		safe_mode;		/* safe mode checks contexts too */
	JldContext *result;
	struct JldDerived *next;
} JldDerived;

/*
 * Bounds on what one backend caches: past them the cache is emptied at the
 * next call, so that documents with ever new contexts (or new combinations
 * of scoped contexts) cannot grow it without limit.
 */
#define MAX_CACHED_CONTEXTS 256
#define MAX_DERIVED_CONTEXTS 4096

static CrCache jld_cache = CRCACHE_INIT("credreg JSON-LD context cache", "context");
static JldValue *doc_cache = NULL;	/* url -> RAW parsed document */
static JldValue *ctx_cache = NULL;	/* key -> RAW (JldContext * in raw) */
static int	ctx_cache_count = 0;
static int	derived_count = 0;

/* Starts a new generation when stale or too big; at each top-level call. */
static void
cache_prepare(void)
{
	if (ctx_cache_count > MAX_CACHED_CONTEXTS || derived_count > MAX_DERIVED_CONTEXTS)
		crcache_retire(&jld_cache);
	if (crcache_begin(&jld_cache) || doc_cache == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(crcache_memory(&jld_cache));

		doc_cache = jv_object();
		ctx_cache = jv_object();
		ctx_cache_count = 0;
		derived_count = 0;
		MemoryContextSwitchTo(old);
	}
}

/* Row callback: copies the document into the cache's memory. */
static bool
read_document(HeapTuple tup, TupleDesc desc, void *arg)
{
	char	  **document = arg;
	bool		isnull;
	Datum		d = crcache_getattr(tup, desc, "document", &isnull);

	if (!isnull)
	{
		MemoryContext old = MemoryContextSwitchTo(crcache_memory(&jld_cache));

		*document = TextDatumGetCString(d);
		MemoryContextSwitchTo(old);
	}
	return false;				/* url is the primary key: one row */
}

/* Reads the document of url from credreg.context; false when absent. */
static bool
read_context_row(const char *url, char **document)
{
	*document = NULL;
	crcache_read_rows(&jld_cache, 0, "url", url, read_document, document);
	return *document != NULL;
}

/*
 * Dereferences a context URL (4.1.2 steps 5.2.4-5.2.5 and 5.6.4-5.6.6):
 * *context is the value of the @context entry of the stored document.
 */
bool
jld_load_context(JldProc *p, const char *url, const CrJson **context)
{
	JldValue   *hit;
	const CrJson *doc;
	const CrJson *ctx;

	hit = jv_get(doc_cache, url);
	if (hit == NULL)
	{
		char	   *text;
		CredregFailure f = {0};
		CrJson	   *parsed;
		MemoryContext old;

		if (!read_context_row(url, &text))
			return jld_fail(p, "context_unknown",
							"loading remote context failed: context \"%s\" is not in credreg.context", url);
		old = MemoryContextSwitchTo(crcache_memory(&jld_cache));
		parsed = crjson_parse(text, strlen(text), &f);
		if (parsed != NULL)
		{
			hit = jv_raw(parsed);
			jv_put(doc_cache, pstrdup(url), hit);
		}
		MemoryContextSwitchTo(old);
		if (parsed == NULL)
			return jld_error(p, "loading remote context failed",
							 "context document \"%s\" is not valid JSON: %s", url, f.message);
	}
	doc = hit->raw;
	ctx = crj_member(doc, "@context");
	if (ctx == NULL)
		return jld_error(p, "invalid remote context",
						 "context document \"%s\" has no top-level @context entry", url);
	*context = ctx;
	return true;
}

/*
 * Context processing through the cache.  A top-level context (active is
 * the initial context) is cached by its JSON text and the base; a scoped
 * context applied to a cached context is cached on that context by the
 * identity of its local context, which then lives in the cache too.  A
 * miss is processed once in the caller's memory, so that a failure leaves
 * nothing behind, and again in the cache's memory.
 */
bool
jld_process_context_cached(JldProc *p, JldContext *active, const CrJson *local,
						   const char *base_url, bool override_protected,
						   bool propagate, bool local_resident, JldContext **result)
{
	bool		top = active->nterms == 0 && active->vocab == NULL &&
		active->language == NULL && active->direction == NULL &&
		active->previous == NULL && active->base == active->original_base &&
		!active->in_cache;
	StringInfoData key;
	JldValue   *hit;
	MemoryContext old;
	JldContext *res;
	bool		ok;

	if (top)
	{
		initStringInfo(&key);
		/* safe mode and the depth limit change the outcome: part of the key */
		appendStringInfo(&key, "%s\n%d%d%d %d\n", active->base ? active->base : "",
						 override_protected, propagate, p->safe_mode,
						 credreg_jsonld_max_context_depth);
		crjson_append_text(&key, local);
		hit = jv_get(ctx_cache, key.data);
		if (hit != NULL)
		{
			*result = (JldContext *) hit->raw;
			return true;
		}
	}
	else if (active->in_cache && local_resident)
	{
		for (JldDerived *d = active->derived; d; d = d->next)
			if (d->local == local && d->override_protected == override_protected &&
				d->propagate == propagate && d->safe_mode == p->safe_mode)
			{
				*result = d->result;
				return true;
			}
	}
	else
		return jld_process_context(p, active, local, base_url, NULL,
								   override_protected, propagate, true, result);

	/* a miss: process in the caller's memory first */
	if (!jld_process_context(p, active, local, base_url, NULL,
							 override_protected, propagate, true, &res))
		return false;

	old = MemoryContextSwitchTo(crcache_memory(&jld_cache));
	if (top)
	{
		CrJson	   *copy = crjson_deep_copy(local);
		JldContext *init = jld_context_new(active->base ? pstrdup(active->base) : NULL);

		init->in_cache = true;
		ok = jld_process_context(p, init, copy, base_url ? pstrdup(base_url) : NULL, NULL,
								 override_protected, propagate, true, &res);
		if (ok)
		{
			res->in_cache = true;
			jv_put(ctx_cache, pstrdup(key.data), jv_raw((const CrJson *) res));
			ctx_cache_count++;
		}
	}
	else
	{
		ok = jld_process_context(p, active, local, base_url, NULL,
								 override_protected, propagate, true, &res);
		if (ok)
		{
			JldDerived *d = palloc(sizeof(JldDerived));

			res->in_cache = true;
			d->local = local;
			d->override_protected = override_protected;
			d->propagate = propagate;
			d->safe_mode = p->safe_mode;
			d->result = res;
			d->next = active->derived;
			active->derived = d;
			derived_count++;
		}
	}
	MemoryContextSwitchTo(old);
	if (!ok)
		return false;
	*result = res;
	return true;
}

/* Called by the entry points before any processing. */
void
jld_cache_begin(void)
{
	cache_prepare();
}

PG_FUNCTION_INFO_V1(credreg_jsonld_context_changed);

/* Statement trigger on credreg.context: every backend forgets its contexts. */
Datum
credreg_jsonld_context_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("context_changed() must be called as a trigger")));
	crcache_table_changed(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/*
 * cache.c
 *		Generations, per-table invalidation and deferred frees for credreg's
 *		per-backend caches (the discipline is described in cache.h).
 */
#include "postgres.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "storage/proc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "util/cache.h"

#if PG_VERSION_NUM >= 170000
#define CurrentLxid() (MyProc->vxid.lxid)
#else
#define CurrentLxid() (MyProc->lxid)
#endif

static CrCache *all_caches = NULL;
static bool callbacks_registered = false;
static uint64 last_generation = 0;

/* Marks every cache watching relid (every cache, for InvalidOid) stale. */
static void
mark_stale(Oid relid)
{
	for (CrCache *c = all_caches; c != NULL; c = c->next)
	{
		if (c->cxt == NULL || c->stale)
			continue;
		for (int i = 0; i < CRCACHE_MAX_TABLES && c->tables[i] != NULL; i++)
		{
			/* an unresolved table (extension being created) matches anything */
			if (relid == InvalidOid || c->relids[i] == relid ||
				!OidIsValid(c->relids[i]))
			{
				c->stale = true;
				break;
			}
		}
	}
}

/*
 * Relcache callback: only marks caches stale.  It can run inside any catalog
 * access, in the middle of a call that still uses a cache, so it frees
 * nothing.
 */
static void
relcache_callback(Datum arg, Oid relid)
{
	mark_stale(relid);
}

static void
free_retired(CrCache *c)
{
	for (int i = 0; i < c->nretired; i++)
		MemoryContextDelete(c->retired[i]);
	c->nretired = 0;
}

/* At the end of the top-level transaction: retired generations go. */
static void
xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			for (CrCache *c = all_caches; c != NULL; c = c->next)
				free_retired(c);
			break;
		default:
			break;
	}
}

void
crcache_retire(CrCache *c)
{
	if (c->cxt == NULL)
		return;
	if (!IsTransactionState())
		MemoryContextDelete(c->cxt);	/* nobody can be using it */
	else
	{
		if (c->nretired == CRCACHE_MAX_RETIRED)
		{
			/* the oldest waited through CRCACHE_MAX_RETIRED turnovers */
			MemoryContextDelete(c->retired[0]);
			memmove(&c->retired[0], &c->retired[1],
					sizeof(MemoryContext) * (CRCACHE_MAX_RETIRED - 1));
			c->nretired--;
		}
		c->retired[c->nretired++] = c->cxt;
	}
	c->cxt = NULL;
	c->stale = false;
	c->only_lxid = InvalidLocalTransactionId;
}

/* The extension's schema (fixed: the extension is not relocatable). */
static Oid
credreg_schema(void)
{
	return get_namespace_oid("credreg", true);
}

bool
crcache_begin(CrCache *c)
{
	Oid			nsp;

	if (!callbacks_registered)
	{
		CacheRegisterRelcacheCallback(relcache_callback, (Datum) 0);
		RegisterXactCallback(xact_callback, NULL);
		callbacks_registered = true;
	}
	if (!c->registered)
	{
		c->next = all_caches;
		all_caches = c;
		c->registered = true;
	}
	if (c->cxt != NULL && c->only_lxid != InvalidLocalTransactionId &&
		c->only_lxid != CurrentLxid())
		c->stale = true;
	if (c->cxt != NULL && !c->stale)
		return false;

	if (c->cxt != NULL)
	{
		c->invalidations++;
		crcache_retire(c);
	}

	/*
	 * Resolve the watched tables before anything is read into the new
	 * generation: an invalidation arriving from here on marks it stale.
	 */
	nsp = c->tables[0] != NULL ? credreg_schema() : InvalidOid;
	for (int i = 0; i < CRCACHE_MAX_TABLES; i++)
		c->relids[i] = c->tables[i] != NULL && OidIsValid(nsp) ?
			get_relname_relid(c->tables[i], nsp) : InvalidOid;
	c->cxt = AllocSetContextCreate(TopMemoryContext, "credreg cache", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSetIdentifier(c->cxt, c->name);
	c->generation = ++last_generation;
	c->generations++;
	c->stale = false;
	c->only_lxid = InvalidLocalTransactionId;
	return true;
}

MemoryContext
crcache_memory(CrCache *c)
{
	Assert(c->cxt != NULL);
	return c->cxt;
}

uint64
crcache_generation(const CrCache *c)
{
	return c->cxt != NULL && !c->stale ? c->generation : 0;
}

Oid
crcache_table_relid(CrCache *c, int i)
{
	Assert(i >= 0 && i < CRCACHE_MAX_TABLES && c->tables[i] != NULL);
	return c->relids[i];
}

bool
crcache_read_begin(CrCache *c)
{
	if (IsInParallelMode())
	{
		c->only_lxid = CurrentLxid();
		return false;
	}
	PushActiveSnapshot(GetLatestSnapshot());
	return true;
}

void
crcache_read_end(bool pushed)
{
	if (pushed)
		PopActiveSnapshot();
}

void
crcache_table_changed(Relation rel)
{
	CacheInvalidateRelcache(rel);
	mark_stale(RelationGetRelid(rel));
}

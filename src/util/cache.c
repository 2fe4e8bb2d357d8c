/*
 * cache.c
 *		Generations, per-table invalidation and deferred frees for credreg's
 *		per-backend caches (the discipline is described in cache.h).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "storage/proc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "citus/citus.h"
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
			credreg_citus_local_relation(get_relname_relid(c->tables[i], nsp)) : InvalidOid;
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

/*
 * A valid, non-partial btree index of rel whose first key column is attnum
 * (InvalidOid when there is none), and the collation of that column.  The
 * candidates are judged from the catalog caches, not opened: in a new
 * backend, opening an index builds its relcache entry, and only the chosen
 * one needs that (systable_beginscan opens it).
 */
static Oid
relam_of(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			relam = InvalidOid;

	if (HeapTupleIsValid(tup))
	{
		relam = ((Form_pg_class) GETSTRUCT(tup))->relam;
		ReleaseSysCache(tup);
	}
	return relam;
}

static Oid
index_led_by(Relation rel, AttrNumber attnum, Oid *collation)
{
	List	   *indexes = RelationGetIndexList(rel);
	ListCell   *lc;
	Oid			found = InvalidOid;

	foreach(lc, indexes)
	{
		Oid			indexoid = lfirst_oid(lc);
		HeapTuple	indtup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
		Form_pg_index index;
		bool		isnull;
		Datum		collations;

		if (!HeapTupleIsValid(indtup))
			continue;
		index = (Form_pg_index) GETSTRUCT(indtup);
		if (index->indisvalid && index->indnkeyatts >= 1 && index->indkey.values[0] == attnum &&
			heap_attisnull(indtup, Anum_pg_index_indpred, NULL) &&
			relam_of(indexoid) == BTREE_AM_OID)
		{
			collations = SysCacheGetAttr(INDEXRELID, indtup, Anum_pg_index_indcollation, &isnull);
			if (!isnull)
			{
				found = indexoid;
				*collation = ((oidvector *) DatumGetPointer(collations))->values[0];
			}
		}
		ReleaseSysCache(indtup);
		if (OidIsValid(found))
			break;
	}
	list_free(indexes);
	return found;
}

void
crcache_read_rows(CrCache *c, int i, const char *column, const char *key,
				  CrCacheRowFn fn, void *arg)
{
	Oid			relid = crcache_table_relid(c, i);
	Relation	rel;
	AclResult	acl;
	ScanKeyData skey;
	AttrNumber	attnum = InvalidAttrNumber;
	Oid			indexid = InvalidOid;
	SysScanDesc scan;
	HeapTuple	tuple;
	bool		pushed;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"credreg.%s\" does not exist", c->tables[i])));
	rel = table_open(relid, AccessShareLock);
	acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, RelationGetRelationName(rel));
	if (key != NULL)
	{
		Form_pg_attribute att;
		Oid			collation;

		attnum = get_attnum(relid, column);
		if (attnum <= 0)
			elog(ERROR, "column \"%s\" of credreg.%s does not exist", column, c->tables[i]);
		att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
		if (att->atttypid != TEXTOID)
			elog(ERROR, "column \"%s\" of credreg.%s is not text", column, c->tables[i]);
		/* an index scan compares in the index's collation */
		collation = att->attcollation;
		indexid = index_led_by(rel, attnum, &collation);
		ScanKeyEntryInitialize(&skey, 0, attnum, BTEqualStrategyNumber, InvalidOid,
							   collation, F_TEXTEQ, PointerGetDatum(cstring_to_text(key)));
	}

	pushed = crcache_read_begin(c);
	scan = systable_beginscan(rel, indexid, OidIsValid(indexid), GetActiveSnapshot(),
							  key != NULL ? 1 : 0, key != NULL ? &skey : NULL);
	while (HeapTupleIsValid(tuple = systable_getnext(scan)))
	{
		CHECK_FOR_INTERRUPTS();
		if (!fn(tuple, RelationGetDescr(rel), arg))
			break;
	}
	systable_endscan(scan);
	crcache_read_end(pushed);
	table_close(rel, AccessShareLock);
}

Datum
crcache_getattr(HeapTuple tuple, TupleDesc desc, const char *column, bool *isnull)
{
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), column) == 0)
			return heap_getattr(tuple, i + 1, desc, isnull);
	}
	elog(ERROR, "column \"%s\" does not exist", column);
	return (Datum) 0;			/* keep compiler quiet */
}

/*
 * cache.h
 *		The one discipline every per-backend cache of credreg follows (the
 *		decoded keys, the key and trust registry, the status lists, the
 *		processed JSON-LD contexts, the compiled taxonomy).
 *
 * A cache keeps its entries in a "generation": a memory context numbered
 * from a backend-wide counter that only grows.  Starting a new generation
 * (after a change to a watched table, past a size bound, or on request)
 * retires the current one; a retired generation is freed when the
 * transaction ends (RegisterXactCallback), never in the middle of a
 * statement, so a pointer handed out by a cache stays valid for the rest of
 * the call that asked for it, whatever invalidation arrives meanwhile.
 * (To bound memory, at most CRCACHE_MAX_RETIRED retired generations of one
 * cache wait for the transaction end; the oldest is freed early when more
 * pile up, which takes that many turnovers within a single transaction.)
 *
 * The rule between caches: no cache keeps a pointer into another cache
 * beyond one call.  A cache that wants to remember something another cache
 * owns stores the lookup key (and, to skip the lookup, the pointer together
 * with crcache_generation() of the owner at the time: the pointer is used
 * only while that generation is still current).
 *
 * Invalidation is per table and rides on relcache invalidation messages,
 * keyed by the OID of the relation that stores the rows locally
 * (crcache_table_relid: the table itself, or on Citus the local placement of
 * a reference table, resolved by credreg_citus_local_relation, src/citus/).  Whatever sends a relcache invalidation for the relation --
 * the statement triggers that call crcache_table_changed(), DDL, TRUNCATE,
 * VACUUM FULL -- makes every backend start a new generation at its next
 * lookup: this backend after the changing command, the others once it
 * commits.  A rolled-back change is invalidated again locally at abort.
 *
 * Rows are read with the latest snapshot (crcache_read_begin), not the
 * statement's: an invalidation is sent only after the change became
 * visible, so a generation marked stale after a read is dropped, and one
 * read after the invalidation sees the change.  In parallel mode no new
 * snapshot can be taken; the generation is then kept for the current local
 * transaction only.
 */
#ifndef CREDREG_UTIL_CACHE_H
#define CREDREG_UTIL_CACHE_H

#include "access/htup.h"
#include "access/tupdesc.h"
#include "storage/lock.h"
#include "utils/relcache.h"

#define CRCACHE_MAX_TABLES 3
#define CRCACHE_MAX_RETIRED 4

typedef struct CrCache
{
	/* set by the owner (CRCACHE_INIT) */
	const char *name;			/* also names the memory contexts */
	const char *tables[CRCACHE_MAX_TABLES];	/* in the extension's schema; NULL ends */

	/* private to cache.c */
	MemoryContext cxt;			/* current generation, NULL before the first */
	uint64		generation;
	bool		stale;
	LocalTransactionId only_lxid;	/* valid: the generation is good for this
									 * local transaction only */
	Oid			relids[CRCACHE_MAX_TABLES];
	MemoryContext retired[CRCACHE_MAX_RETIRED];
	int			nretired;
	/* counters the owners' stats functions may read */
	uint64		generations;	/* started, over the backend's life */
	uint64		invalidations;	/* of them, after a watched table changed */
	struct CrCache *next;		/* registered caches */
	bool		registered;
} CrCache;

/* A cache watching the listed tables of the credreg schema (none: content-keyed). */
#define CRCACHE_INIT(name_, ...) {.name = (name_), .tables = {__VA_ARGS__}}

/*
 * Called at the start of every lookup.  Returns true when a new generation
 * began (the first use, or the previous one was stale or retired): the owner
 * must then forget every pointer into the previous one (its hash table, its
 * entries) and build them again in crcache_memory().
 */
extern bool crcache_begin(CrCache *c);

/* The current generation's memory context (after crcache_begin). */
extern MemoryContext crcache_memory(CrCache *c);

/* The current generation's number: unique over the backend's life. */
extern uint64 crcache_generation(const CrCache *c);

/*
 * Ends the current generation (size bound reached, or an explicit reset);
 * the next crcache_begin starts a new one.  Its memory is freed later (see
 * above).
 */
extern void crcache_retire(CrCache *c);

/*
 * The local relation holding watched table i (resolved at each new
 * generation); InvalidOid when it does not exist.
 */
extern Oid	crcache_table_relid(CrCache *c, int i);

/*
 * Around a read of watched rows: pushes the latest snapshot (or, in parallel
 * mode, ties the generation to this transaction); returns what
 * crcache_read_end needs.
 */
extern bool crcache_read_begin(CrCache *c);
extern void crcache_read_end(bool pushed);

/*
 * Reads the rows of watched table i whose column equals key (text; NULL:
 * every row), with the latest snapshot as crcache_read_begin takes it,
 * straight from the local relation (crcache_table_relid) through a btree
 * index led by that column when there is one.  No query is planned: where
 * the table is a Citus reference table, this reads the local replica
 * instead of asking the distributed planner.  The caller's SELECT privilege
 * on the table is checked as a query would.  fn sees each row (valid only
 * during the call; copy what it keeps) and returns false to stop.
 */
typedef bool (*CrCacheRowFn) (HeapTuple tuple, TupleDesc desc, void *arg);
extern void crcache_read_rows(CrCache *c, int i, const char *column, const char *key,
							  CrCacheRowFn fn, void *arg);

/* A column of a row that crcache_read_rows passed, by name. */
extern Datum crcache_getattr(HeapTuple tuple, TupleDesc desc, const char *column,
							 bool *isnull);

/*
 * For statement triggers on watched tables: sends the relcache invalidation
 * that every backend's caches receive, and marks this backend's caches that
 * watch rel stale at once, so that a lookup later in the changing statement
 * (another trigger, say) reads the new rows.
 */
extern void crcache_table_changed(Relation rel);

#endif							/* CREDREG_UTIL_CACHE_H */

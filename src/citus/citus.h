/*
 * citus.h
 *		credreg on Citus (README, section "credreg on Citus"): where a registry
 *		table's rows are on this node.
 *
 * On Citus the registry and taxonomy tables are reference tables
 * (credreg.citus_prepare()): the table the extension created becomes an
 * empty "shell", and every node, the coordinator included, holds the rows in
 * a local shard placement named <table>_<shardid>.  The per-backend caches
 * (src/util/cache.h) read and watch that placement: it is an ordinary local
 * relation, so a lookup on a worker, inside a query on a shard, plans no
 * distributed query, and the invalidation triggers Citus copied onto the
 * placement fire on every node that applies a change.
 */
#ifndef CREDREG_CITUS_H
#define CREDREG_CITUS_H

/*
 * The relation holding relid's rows on this node: relid itself where Citus
 * is absent or does not manage it, the local placement of a reference table
 * (or Citus local table) otherwise.  Raises when a Citus table has no
 * placement here (the coordinator missing from the metadata) or is a
 * distributed (sharded) table, whose rows no node holds alone.
 */
extern Oid	credreg_citus_local_relation(Oid relid);

/*
 * The schema-qualified, quoted name of the relation holding the rows of
 * credreg.<table> on this node, for the few lookups that still query with
 * SPI: a query naming the placement itself is planned as an ordinary local
 * query, also on a worker inside a query on a shard.
 */
extern char *credreg_local_table_name(const char *table);

#endif							/* CREDREG_CITUS_H */

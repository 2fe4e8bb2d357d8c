/*
 * local_relation.c
 *		Resolving a Citus reference table to its local shard placement
 *		(see citus.h).
 *
 * Citus's own catalogs are read directly (pg_dist_partition, pg_dist_shard:
 * plain heap tables in pg_catalog, present on every node since Citus syncs
 * its metadata to the workers), never through a query: a query would go
 * through the distributed planner, which refuses to run inside a query on a
 * shard ("cannot execute a distributed query from a query on a shard").
 * Nothing here links against Citus; without it the catalogs do not exist
 * and every relation is its own local relation.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "citus/citus.h"

/* pg_dist_partition.partmethod of a table with one shard (reference or Citus local) */
#define CITUS_PARTMETHOD_NONE 'n'

/*
 * The first row of the Citus catalog catalog_name whose logicalrelid is
 * relid: the value of column (copied), or false when there is no such row
 * (or no such catalog: Citus is not installed in this database).
 */
static bool
citus_catalog_value(const char *catalog_name, Oid relid, const char *column,
					Datum *value, bool *isnull)
{
	Oid			catalog = get_relname_relid(catalog_name, PG_CATALOG_NAMESPACE);
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tuple;
	AttrNumber	relid_att;
	AttrNumber	value_att;
	bool		found = false;

	if (!OidIsValid(catalog))
		return false;
	relid_att = get_attnum(catalog, "logicalrelid");
	value_att = get_attnum(catalog, column);
	if (relid_att <= 0 || value_att <= 0)
		elog(ERROR, "unrecognized layout of the Citus catalog %s", catalog_name);

	rel = table_open(catalog, AccessShareLock);
	ScanKeyInit(&key, relid_att, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(relid));
	/* a small table: a heap scan with the catalog snapshot */
	scan = systable_beginscan(rel, InvalidOid, false, NULL, 1, &key);
	if (HeapTupleIsValid(tuple = systable_getnext(scan)))
	{
		Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), value_att - 1);

		*value = heap_getattr(tuple, value_att, RelationGetDescr(rel), isnull);
		if (!*isnull)
			*value = datumCopy(*value, att->attbyval, att->attlen);
		found = true;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return found;
}

Oid
credreg_citus_local_relation(Oid relid)
{
	Datum		value;
	bool		isnull;
	int64		shardid;
	char	   *relname;
	char	   *shardname;
	Oid			placement;

	if (!OidIsValid(relid) ||
		!citus_catalog_value("pg_dist_partition", relid, "partmethod", &value, &isnull))
		return relid;
	relname = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
										 get_rel_name(relid));
	if (isnull || DatumGetChar(value) != CITUS_PARTMETHOD_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s is a distributed Citus table", relname),
				 errdetail("credreg reads its registry tables on every node; a sharded table's rows are on no node in full."),
				 errhint("Make it a reference table: undistribute_table, then credreg.citus_prepare().")));
	if (!citus_catalog_value("pg_dist_shard", relid, "shardid", &value, &isnull) || isnull)
		elog(ERROR, "Citus table %s has no shard", relname);
	shardid = DatumGetInt64(value);

	/*
	 * Citus names a placement <table>_<shardid>, shortening the table's name
	 * (with a hash) only where the result would not fit in a name; credreg's
	 * table names are short enough never to be shortened.
	 */
	shardname = psprintf("%s_" INT64_FORMAT, get_rel_name(relid), shardid);
	if (strlen(shardname) >= NAMEDATALEN)
		elog(ERROR, "the shard name of %s is too long to resolve", relname);
	placement = get_relname_relid(shardname, get_rel_namespace(relid));
	if (!OidIsValid(placement))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("Citus table %s has no placement on this node", relname),
				 errhint("Add the coordinator to the Citus metadata (citus_set_coordinator_host) before credreg.citus_prepare(), so that reference tables have a copy on it.")));
	return placement;
}

char *
credreg_local_table_name(const char *table)
{
	Oid			nsp = get_namespace_oid("credreg", false);
	Oid			relid = get_relname_relid(table, nsp);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"credreg.%s\" does not exist", table)));
	return quote_qualified_identifier("credreg", get_rel_name(credreg_citus_local_relation(relid)));
}

PG_FUNCTION_INFO_V1(credreg_citus_local_relation_sql);
/* citus_local_relation(regclass) returns regclass: what the caches read on this node */
Datum
credreg_citus_local_relation_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(credreg_citus_local_relation(PG_GETARG_OID(0)));
}

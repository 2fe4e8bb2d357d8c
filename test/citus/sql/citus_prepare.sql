-- credreg.citus_prepare(), which the harness ran on the coordinator after
-- adding the nodes, made the registry and taxonomy tables reference tables;
-- every node's caches read them from the node's own placement.
SELECT logicalrelid, partmethod, repmodel
  FROM pg_dist_partition WHERE logicalrelid::text LIKE 'credreg.%' ORDER BY logicalrelid::text;
-- a second call has nothing left to do
SELECT count(*) AS changed FROM credreg.citus_prepare();
-- on every node, each table resolves to its local placement <table>_<shardid>
SELECT nodeid, result AS tables_read_from_their_placement
  FROM run_command_on_all_nodes($$
	SELECT count(*) FROM credreg.citus_reference_tables() t
	 WHERE credreg.citus_local_relation(t)::text
		   = t::text || '_' || (SELECT shardid FROM pg_dist_shard s WHERE s.logicalrelid = t)$$)
 ORDER BY nodeid;
-- the triggers that send the invalidations are on every placement, enabled
-- (ENABLE TRIGGER is not passed on to placements for triggers that also
-- fire on TRUNCATE: citus_prepare leaves those enabled throughout)
SELECT nodeid, result AS placement_triggers_enabled_disabled
  FROM run_command_on_all_nodes($$
	SELECT count(*) FILTER (WHERE g.tgenabled = 'O') || ' ' || count(*) FILTER (WHERE g.tgenabled <> 'O')
	  FROM pg_trigger g JOIN pg_dist_shard s ON g.tgrelid = to_regclass(s.logicalrelid::text || '_' || s.shardid)
	 WHERE s.logicalrelid::text LIKE 'credreg.%' AND NOT g.tgisinternal$$)
 ORDER BY nodeid;
-- the foreign keys between them hold on every node, placements included
SELECT nodeid, result AS foreign_keys
  FROM run_command_on_all_nodes($$
	SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'credreg'::regnamespace$$)
 ORDER BY nodeid;
-- the pinned contexts reached every node
SELECT nodeid, result AS builtin_contexts
  FROM run_command_on_all_nodes($$SELECT count(*) FROM credreg.context WHERE builtin$$)
 ORDER BY nodeid;
-- a hash-distributed registry table cannot be read on one node: refused
CREATE TABLE sharded (issuer text PRIMARY KEY);
SELECT create_distributed_table('sharded', 'issuer');
SELECT credreg.citus_local_relation('sharded');
DROP TABLE sharded;


-- ---------------------------------------------------------------------------
-- credreg on Citus (README, section "credreg on Citus"): the registry and
-- taxonomy tables as reference tables, read by the caches from their local
-- placement on every node (src/citus/citus.h)
-- ---------------------------------------------------------------------------

CREATE FUNCTION citus_local_relation(tbl regclass) RETURNS regclass
	AS 'MODULE_PATHNAME', 'credreg_citus_local_relation_sql'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION citus_local_relation(regclass) IS
	'the relation holding a credreg table''s rows on this node: the table itself, or on Citus the local placement of a reference table (what the caches read and watch)';

-- The tables every node reads, in foreign-key order (a referenced table
-- becomes a reference table before the tables that reference it).  Not
-- here: signing_key (private keys stay on the coordinator), and the
-- registry's credential, credential_status, learner and Merkle log tables,
-- whose triggers keep them current with cross-row statements on the
-- coordinator.
CREATE FUNCTION citus_reference_tables() RETURNS SETOF regclass
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 13
	AS $$
	SELECT t::pg_catalog.regclass FROM pg_catalog.unnest(ARRAY[
		'credreg.framework', 'credreg.competency', 'credreg.competency_label',
		'credreg.competency_relation', 'credreg.occupation_requirement',
		'credreg.trusted_issuer', 'credreg.issuer_key', 'credreg.status_list',
		'credreg.context', 'credreg.did_document', 'credreg.hosted_document',
		'credreg.blockchain_anchor', 'credreg.credential_schema']) WITH ORDINALITY AS x(t, o) ORDER BY o
	$$;
COMMENT ON FUNCTION citus_reference_tables() IS
	'the credreg tables credreg.citus_prepare() makes Citus reference tables, in the order it does';

-- Run once on the coordinator, after CREATE EXTENSION citus and credreg and
-- after the coordinator and the workers are in the metadata.  The tables
-- carry statement triggers that only send cache invalidations (and the
-- registry's re-verification, which reads tables local to the node it runs
-- on); Citus accepts triggers on reference tables with
-- citus.enable_unsafe_triggers and copies them onto every placement, where
-- they fire on each node that applies a change.
CREATE FUNCTION citus_prepare() RETURNS SETOF regclass
	LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	t regclass;
	fk record;
	fk_tables text[] := '{}';
	fk_names text[] := '{}';
	fk_defs text[] := '{}';
	enabled name[];
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION 'the citus extension is not installed in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	-- reference tables get a placement on the coordinator only when it is
	-- in the metadata, and the coordinator's caches read that placement
	IF NOT EXISTS (SELECT FROM pg_dist_node WHERE groupid = 0) THEN
		RAISE EXCEPTION 'the coordinator is not in the Citus metadata'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Run citus_set_coordinator_host() first, so that every reference table has a copy on the coordinator.';
	END IF;
	PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
	-- Foreign keys between the tables are set aside while they become
	-- reference tables and added back after, on every node: with a key in
	-- place, Citus would turn the referencing tables into Citus local tables
	-- first, and re-create them on the workers, where CREATE EXTENSION
	-- already made them.
	FOR fk IN SELECT c.conrelid::regclass AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
			  FROM pg_constraint c
			  WHERE c.contype = 'f'
				AND c.conrelid IN (SELECT r FROM credreg.citus_reference_tables() r)
				AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.conrelid)
			  ORDER BY c.conrelid, c.conname LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
		-- and from the workers' copies of the table, which CREATE EXTENSION
		-- made there (Citus adds the key back on every node below)
		PERFORM run_command_on_workers(
			format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.tbl, fk.conname));
		fk_tables := fk_tables || fk.tbl::text;
		fk_names := fk_names || fk.conname::text;
		fk_defs := fk_defs || fk.def;
	END LOOP;
	FOR t IN SELECT r FROM credreg.citus_reference_tables() r LOOP
		IF NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = t) THEN
			-- The rows Citus copies into the placements were checked when
			-- they were stored: the triggers that check and derive rows
			-- (builtin contexts, status list verification) are off for the
			-- copy and on again for every placement after (ALTER TABLE holds
			-- its lock to the end of the transaction: no row slips past).
			-- Not those that also fire on TRUNCATE (tgtype bit 5): Citus
			-- does not pass ENABLE TRIGGER on to their placement copies, and
			-- none of them checks rows.
			SELECT array_agg(g.tgname ORDER BY g.tgname) INTO enabled
			  FROM pg_trigger g
			  WHERE g.tgrelid = t AND NOT g.tgisinternal AND g.tgenabled = 'O'
				AND g.tgtype::int & 32 = 0;
			FOR i IN 1 .. coalesce(cardinality(enabled), 0) LOOP
				EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', t, enabled[i]);
			END LOOP;
			PERFORM create_reference_table(t);
			FOR i IN 1 .. coalesce(cardinality(enabled), 0) LOOP
				EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', t, enabled[i]);
			END LOOP;
			RETURN NEXT t;
		END IF;
	END LOOP;
	FOR i IN 1 .. cardinality(fk_names) LOOP
		EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk_tables[i], fk_names[i], fk_defs[i]);
	END LOOP;
END
$$;
COMMENT ON FUNCTION citus_prepare() IS
	'on a Citus coordinator: makes credreg''s registry and taxonomy tables reference tables (triggers kept, on every placement); returns the tables it changed';


-- ---------------------------------------------------------------------------
-- The compiled taxonomy, persisted (src/taxonomy/snapshot.c): one row that a
-- new backend reads instead of compiling credreg.competency and
-- credreg.competency_relation itself.  Written by the transaction that
-- changes those tables, just before it commits; derived data, so it is not
-- dumped (a restore's loads write it again) and stays node-local on Citus.
-- ---------------------------------------------------------------------------

CREATE TABLE taxonomy_snapshot (
	built_at timestamptz NOT NULL,
	competencies integer NOT NULL,
	edges integer NOT NULL,
	graph_bytes integer NOT NULL,	-- the image's first region: what a closure reads
	image bytea NOT NULL
);
-- uncompressed: a new backend reads the image without inflating it
ALTER TABLE taxonomy_snapshot ALTER COLUMN image SET STORAGE EXTERNAL;
COMMENT ON TABLE taxonomy_snapshot IS
	'the compiled taxonomy as one pointer-free image, written by the transaction that changes competency or competency_relation; read by new backends instead of compiling the tables';

CREATE FUNCTION taxonomy_snapshot_refresh() RETURNS bigint
	AS 'MODULE_PATHNAME', 'taxonomy_snapshot_refresh'
	LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION taxonomy_snapshot_refresh() IS
	'writes credreg.taxonomy_snapshot from the taxonomy tables now (after changes that fired no trigger); returns the image size in bytes';
-- it locks the snapshot against other writers until the transaction ends
REVOKE EXECUTE ON FUNCTION taxonomy_snapshot_refresh() FROM PUBLIC;

CREATE FUNCTION taxonomy_cache_stats(OUT source text, OUT bytes bigint, OUT generations bigint,
									 OUT invalidations bigint)
	AS 'MODULE_PATHNAME', 'taxonomy_cache_stats'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION taxonomy_cache_stats() IS
	'where this backend''s compiled taxonomy came from (snapshot, tables, none yet), its size and the cache''s counters';

SELECT taxonomy_snapshot_refresh();

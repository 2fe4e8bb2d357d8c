#!/usr/bin/env bash
# Why credreg's small SQL functions name their operators by schema instead
# of carrying SET search_path: the cost per call of the two ways (README,
# section "Privileges and search_path").  Run by bench/run.sh (PGHOST/PGPORT/
# PGUSER point at the throwaway cluster).
set -euo pipefail
db=credreg_bench_search_path
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION credreg;
SET max_parallel_workers_per_gather = 0;
-- the same body as credreg.taxonomy_level: qualified (inlined), and with a SET clause
CREATE FUNCTION level_set(i bigint, n bigint) RETURNS int
	AS $$ SELECT CASE WHEN i IS NULL OR n IS NULL OR n < 1 OR i < 0 OR i >= n THEN NULL
		WHEN n = 1 THEN 5 ELSE 1 + round(4.0 * i / (n - 1))::int END $$
	LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp;
CREATE TABLE t AS SELECT g AS i FROM generate_series(1, 1000000) g;
VACUUM ANALYZE t;
\timing on
\echo == 1,000,000 rows: the expression alone (baseline)
SELECT sum(CASE WHEN i < 0 THEN NULL ELSE 1 + round(4.0 * (i % 5) / 4)::int END) FROM t;
\echo == credreg.taxonomy_level, schema-qualified body (inlined)
SELECT sum(credreg.taxonomy_level(i % 5, 5)) FROM t;
\echo == the same body with SET search_path (not inlined: a function call and a GUC change per row)
SELECT sum(level_set(i % 5, 5)) FROM t;
\timing off
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"

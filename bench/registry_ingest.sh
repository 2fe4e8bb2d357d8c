#!/usr/bin/env bash
# Ingest throughput of vc+jwt credentials (credreg.ingest_ndjson: verify,
# payload, skills, Merkle log, status index and profile upkeep) against
# credreg.verify alone on the same rows; then credreg.ingest one row per
# call.  N credentials (default 5,000), best of 3, one core (no parallel
# workers).  Run by bench/run.sh (PGHOST/PGPORT/PGUSER point at the cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_registry
N=${N:-5000}
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -v n="$N" -d $db <<'SQL'
CREATE EXTENSION credreg;
\i bench/registry_setup.sql
SET max_parallel_workers_per_gather = 0;
CREATE TABLE cred AS SELECT * FROM bench_credentials(:n);
CREATE TABLE doc AS SELECT string_agg(to_jsonb(jws)::text, E'\n' ORDER BY i) AS ndjson FROM cred;
VACUUM ANALYZE cred;
SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) AS valid_before FROM cred;
CREATE FUNCTION clear() RETURNS void LANGUAGE sql AS $$
	DELETE FROM credreg.credential; DELETE FROM credreg.learner $$;
\timing on
\echo == credreg.verify alone
SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) FROM cred;
SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) FROM cred;
SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) FROM cred;
\echo == credreg.ingest_ndjson (verify + store + log + status index + profiles)
SELECT count(*) FILTER (WHERE valid) FROM credreg.ingest_ndjson((SELECT ndjson FROM doc));
\timing off
SELECT clear();
\timing on
SELECT count(*) FILTER (WHERE valid) FROM credreg.ingest_ndjson((SELECT ndjson FROM doc));
\timing off
SELECT clear();
\timing on
SELECT count(*) FILTER (WHERE valid) FROM credreg.ingest_ndjson((SELECT ndjson FROM doc));
\timing off
SELECT clear();
\echo == credreg.ingest, one call per credential
\timing on
SELECT count(credreg.ingest(jws)) FROM cred;
\timing off
SELECT count(*) AS learners, sum(credreg.skillset_count(skills)) AS profile_skills FROM credreg.learner;
SELECT count(*) AS credentials, count(*) FILTER (WHERE valid) AS valid, credreg.log_size() AS log_size FROM credreg.credential;
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"

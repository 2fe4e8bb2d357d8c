#!/usr/bin/env bash
# Ingest throughput of vc+jwt credentials (credreg.ingest_ndjson: verify,
# payload, skills, Merkle log, status index and profile upkeep) against
# credreg.verify alone on the same rows; then credreg.ingest one row per
# call.  N credentials (default 5,000), ROUNDS rounds (default 5) that each
# time verify alone and then an ingest into an emptied registry, one core
# (no parallel workers).  On a shared machine the two sides of one round see
# about the same load, so the figure to read is the ratio of the best times
# (printed last) and the ratio within each round.  Run by bench/run.sh
# (PGHOST/PGPORT/PGUSER point at the cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_registry
N=${N:-5000}
ROUNDS=${ROUNDS:-5}
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -v n="$N" -d $db <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION credreg;
\i bench/registry_setup.sql
CREATE TABLE cred AS SELECT * FROM bench_credentials(:n);
CREATE TABLE doc AS SELECT string_agg(to_jsonb(jws)::text, E'\n' ORDER BY i) AS ndjson FROM cred;
VACUUM ANALYZE;
SQL
# one session for every round: the same backend, its caches warm
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
	echo "SET max_parallel_workers_per_gather = 0;"
	echo "SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) AS warm FROM cred;"
	for r in $(seq "$ROUNDS"); do
		echo "TRUNCATE credreg.credential, credreg.credential_status, credreg.learner;"
		echo "\\timing on"
		echo "\\echo verify"
		echo "SELECT count(*) FILTER (WHERE (credreg.verify(jws)).valid) FROM cred;"
		echo "\\echo ingest_ndjson"
		echo "SELECT count(*) FILTER (WHERE valid) FROM credreg.ingest_ndjson((SELECT ndjson FROM doc));"
		echo "\\timing off"
	done
	echo "TRUNCATE credreg.credential, credreg.credential_status, credreg.learner;"
	echo "\\echo ingest"
	echo "\\timing on"
	echo "SELECT count(credreg.ingest(jws)) FROM cred;"
	echo "\\timing off"
	echo "SELECT count(*) AS learners, sum(credreg.skillset_count(skills)) AS profile_skills FROM credreg.learner;"
	echo "SELECT count(*) AS credentials, count(*) FILTER (WHERE valid) AS valid, credreg.log_size() AS log_size FROM credreg.credential;"
} >"$script"
psql -X -q -v ON_ERROR_STOP=1 -d $db -f "$script" | awk -v n="$N" '
	/^(verify|ingest_ndjson|ingest)$/ { what = $1; next }
	/^Time: / {
		ms = $2 + 0
		if (what == "verify") { v = ms; if (!bv || ms < bv) bv = ms }
		else if (what == "ingest_ndjson") {
			if (!bi || ms < bi) bi = ms
			printf "round: verify %.0f ms, ingest_ndjson %.0f ms: %.0f%% of verify'"'"'s throughput\n", v, ms, 100 * v / ms
		} else printf "ingest, one call per row: %.0f ms\n", ms
		next
	}
	{ print }
	END { printf "best of each: verify %.0f ms, ingest_ndjson %.0f ms (%d rows): %.0f%% of verify'"'"'s throughput\n", bv, bi, n, 100 * bv / bi }'
psql -X -q -d postgres -c "DROP DATABASE $db"

#!/usr/bin/env bash
# The Merkle log under concurrent appenders: 4 sessions append 1,000 leaves
# each, one log_append per transaction, at the same time; afterwards the
# indexes must be dense (0 .. 3,999, each once), every complete subtree
# stored once, and an inclusion proof of each session's last leaf must verify.
# Run by bench/run.sh (PGHOST/PGPORT/PGUSER point at the throwaway cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_log_concurrency
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION credreg"
start=$(date +%s.%N)
for s in 1 2 3 4; do
	(for i in $(seq 1 1000); do
		echo "SELECT credreg.log_append(sha256('session $s leaf $i'));"
	done | psql -X -q -At -v ON_ERROR_STOP=1 -d $db >/dev/null) &
done
wait
end=$(date +%s.%N)
echo "4 sessions x 1,000 appends (one per transaction): $(echo "$end - $start" | bc) s"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
SELECT count(*) AS leaves, min(leaf_index) AS first, max(leaf_index) AS last,
	count(DISTINCT leaf_index) = 4000 AND max(leaf_index) = 3999 AS dense
FROM credreg.log_entry;
SELECT (SELECT count(*) FROM credreg.log_subtree) = (SELECT sum(4000::bigint >> l) FROM generate_series(1, 62) l) AS subtrees_complete;
SELECT bool_and(credreg.log_verify_inclusion(credreg.log_leaf_hash(content_hash), leaf_index, 4000,
		credreg.log_inclusion_proof(leaf_index, 4000), credreg.log_root(4000))) AS last_leaves_proven
FROM credreg.log_entry WHERE content_hash IN (SELECT sha256(('session ' || s || ' leaf 1000')::bytea) FROM generate_series(1, 4) s);
SQL
[ -n "${KEEP:-}" ] || psql -X -q -d postgres -c "DROP DATABASE $db"

#!/usr/bin/env bash
# The Merkle log: appending 10,000,000 leaves (in batches of 100,000, one
# transaction each, and one at a time through log_append), then the cost of
# a root, an inclusion proof and a consistency proof over 10 million leaves.
# Run by bench/run.sh (PGHOST/PGPORT/PGUSER point at the throwaway cluster);
# needs about 3 GB of disk.  LOG_BENCH_LEAVES overrides the size.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_log
leaves=${LOG_BENCH_LEAVES:-10000000}
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -v leaves="$leaves" -d $db <<'SQL'
CREATE EXTENSION credreg;
SET client_min_messages = warning;
CREATE PROCEDURE append_batches(total bigint, batch int) LANGUAGE plpgsql AS $$
DECLARE done bigint := 0;
BEGIN
	WHILE done < total LOOP
		PERFORM credreg.log_append_many(array(
			SELECT pg_catalog.sha256(('leaf ' || i)::bytea)
			FROM generate_series(done, least(done + batch, total) - 1) i));
		done := least(done + batch, total);
		COMMIT;
	END LOOP;
END $$;
\timing on
\echo == append :leaves leaves, 100,000 per log_append_many call and transaction
CALL append_batches(:leaves, 100000);
\timing off
ANALYZE credreg.log_entry, credreg.log_subtree;
\timing on
\echo == 10,000 more through log_append, one leaf per call (one transaction)
SELECT count(credreg.log_append(pg_catalog.sha256(('more ' || i)::bytea))) FROM generate_series(1, 10000) i;
\timing off
SELECT credreg.log_size() AS leaves, pg_size_pretty(pg_total_relation_size('credreg.log_entry')) AS log_entry,
	pg_size_pretty(pg_total_relation_size('credreg.log_subtree')) AS log_subtree;
\timing on
\echo == root of the whole log, then of 9,999,999 leaves
SELECT encode(credreg.log_root(), 'hex');
SELECT encode(credreg.log_root(:leaves - 1), 'hex');
\echo == inclusion proofs: leaf 0, leaf 7,654,321 and the last leaf
SELECT cardinality(credreg.log_inclusion_proof(0, credreg.log_size()));
SELECT cardinality(credreg.log_inclusion_proof(7654321 % :leaves, credreg.log_size()));
SELECT cardinality(credreg.log_inclusion_proof(credreg.log_size() - 1, credreg.log_size()));
\echo == consistency proofs: 1,000,001 -> all, 9,999,999 -> all
SELECT cardinality(credreg.log_consistency_proof(1000001 % :leaves, credreg.log_size()));
SELECT cardinality(credreg.log_consistency_proof(:leaves - 1, credreg.log_size()));
\echo == an inclusion proof produced and verified
SELECT credreg.log_verify_inclusion(credreg.log_leaf_hash(content_hash), leaf_index, credreg.log_size(),
	credreg.log_inclusion_proof(leaf_index, credreg.log_size()), credreg.log_root())
	FROM credreg.log_entry WHERE leaf_index = 4242424 % :leaves;
\echo == 1,000 inclusion proofs of random leaves
SELECT count(credreg.log_inclusion_proof((random() * (:leaves - 1))::bigint, :leaves)) FROM generate_series(1, 1000);
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"

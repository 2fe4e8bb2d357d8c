#!/usr/bin/env bash
# Status lists: the cost of a status check on a cache hit, of updating a
# list, and of decoding the largest list accepted.  Run by bench/run.sh
# (PGHOST/PGPORT/PGUSER point at the throwaway cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_status
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION credreg;
SET search_path = credreg, public;
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
\set list2 `cat test/vectors/status/corpus/status-list-2.jwt`
INSERT INTO status_list (url, credential) VALUES ('https://status.example.edu/credentials/status/2', :'list2');
CREATE TABLE e AS
  SELECT jsonb_build_object('type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
           'statusListIndex', (i % 131072)::text,
           'statusListCredential', 'https://status.example.edu/credentials/status/2') AS entry
    FROM generate_series(1, 1000000) AS i;
VACUUM ANALYZE e;
\timing on
\echo == scanning 1,000,000 entries, reading one member (baseline)
SELECT count(*) FILTER (WHERE entry->>'statusPurpose' = 'revocation') FROM e;
\echo == status_of on 1,000,000 entries pointing at one list (cache hits)
SELECT status_of(entry, '2026-06-01'), count(*) FROM e GROUP BY 1 ORDER BY 1;
\timing off
SELECT lookups, reads, decodes FROM status_list_cache();
\timing on
\echo == 1,000 status_list_set on a 131,072-entry list (decode, set, gzip, encode each)
SELECT count(status_list_set(status_list_create(), i, true)) FROM generate_series(1, 1000) AS i;
\echo == the largest list: create (16 MiB of zeros, gzip) and decode it
CREATE TEMP TABLE big AS SELECT status_list_create(134217728) AS l;
SELECT length(l) AS encoded_chars, status_list_length(l) AS entries FROM big;
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"

#!/usr/bin/env bash
# A status list change among 1,000,000 stored credentials: the time of
# credreg.status_list_revoke of one credential (re-signing the 131,072-entry
# list, its triggers, the re-check of the one credential whose bit flipped
# and its learner's profile), best of 3 revocations of different
# credentials.  The 999,997 other rows are inserted directly (no
# verification: they only need their status index), three are real signed
# credentials ingested with credreg.ingest.  Run by bench/run.sh.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_registry_status
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION credreg;
\i bench/registry_setup.sql
\timing on
\echo == 999,997 credentials stored directly, with their status index and log entries
INSERT INTO credreg.credential (content_hash, raw, format, issuer, valid, trusted, status, status_entries)
SELECT sha256(convert_to('filler ' || i, 'UTF8')), 'filler ' || i, 'vc+jwt', did, true, true, 'active',
	jsonb_build_array(jsonb_build_object('list', 'https://bench.example.edu/status/' || (i / 131072),
		'index', i % 131072, 'size', 1, 'purpose', 'revocation'))
FROM bench_key, generate_series(0, 999996) i;
\echo == three real credentials (status indexes 999997..999999 = list 7, 82493..82495)
SELECT credreg.ingest(jws) FROM bench_credentials(1000000, 999997);
\timing off
ANALYZE;
SELECT count(*) AS stored, count(*) FILTER (WHERE valid) AS valid FROM credreg.credential;
SELECT count(*) AS status_index_rows FROM credreg.credential_status;
\timing on
\echo == status_list_revoke of one credential among 1,000,000 (three times, a different one each)
SELECT credreg.status_list_revoke('https://bench.example.edu/status/7', ARRAY[82493], priv, vm) FROM bench_key;
SELECT credreg.status_list_revoke('https://bench.example.edu/status/7', ARRAY[82494], priv, vm) FROM bench_key;
SELECT credreg.status_list_revoke('https://bench.example.edu/status/7', ARRAY[82495], priv, vm) FROM bench_key;
\echo == the same re-signing with no bit changed (what the registry adds is the difference)
SELECT credreg.status_list_revoke('https://bench.example.edu/status/7', ARRAY[82495], priv, vm) FROM bench_key;
SELECT credreg.status_list_revoke('https://bench.example.edu/status/7', ARRAY[82495], priv, vm) FROM bench_key;
\timing off
SELECT count(*) AS revoked_now, count(*) FILTER (WHERE NOT valid) AS invalid_now FROM credreg.credential
 WHERE status = 'revoked';
SELECT count(*) AS learners_without_skills FROM credreg.learner WHERE credreg.skillset_count(held) = 0;
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"

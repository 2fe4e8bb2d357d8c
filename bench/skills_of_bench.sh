#!/usr/bin/env bash
# skills_of (C, one pass) against its 0.1.0 SQL definition (credential_alignments
# aggregated) on 100,000 OB 3.0 credentials of the signed corpus, whose two
# alignments each resolve to ESCO or stay unknown; one core (no parallel
# workers).  Run by bench/run.sh (PGHOST/PGPORT/PGUSER point at the cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=credreg_bench_skills_of
run=$(readlink -f tmp_run)
rm -rf "$run/esco_skills_of" && mkdir -p "$run/esco_skills_of" && cp data/esco/*.csv.gz "$run/esco_skills_of/"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -v esco="$run/esco_skills_of" -d $db <<'SQL'
CREATE EXTENSION credreg;
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SELECT (credreg.import_esco(:'esco') ->> 'skills') AS esco_skills;
CREATE TEMP TABLE line (doc jsonb);
\copy line (doc) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
-- the corpus aligns to made-up ESCO URIs: point the first alignment of each
-- credential at a real ESCO skill, and leave the second unresolved
CREATE TEMP TABLE esco AS SELECT row_number() OVER (ORDER BY id) AS n, uri FROM credreg.competency WHERE kind <> 'group';
CREATE TABLE cred AS
	SELECT jsonb_set(l.doc -> 'credential', '{credentialSubject,achievement,alignment,0,targetUrl}',
		to_jsonb((SELECT uri FROM esco WHERE n = 1 + (i * 7919) % 13000))) AS c
	FROM line l, generate_series(1, 100000 / (SELECT count(*) FROM line) + 1) i LIMIT 100000;
VACUUM ANALYZE cred;
CREATE FUNCTION old_skills_of(credential jsonb) RETURNS credreg.skillset LANGUAGE sql STABLE STRICT
	SET search_path = pg_catalog, pg_temp AS $$
	SELECT coalesce(credreg.skillset(array_agg(competency), array_agg(level)), '{}'::credreg.skillset)
	FROM credreg.credential_alignments(credential) WHERE competency IS NOT NULL $$;
SELECT count(*) AS credentials, round(avg(octet_length(c::text))) AS avg_bytes,
	sum(credreg.skillset_count(credreg.skills_of(c))) AS skills_found FROM cred;
\timing on
\echo == reading the column (baseline)
SELECT count(c -> 'id') FROM cred;
\echo == skills_of (C) on 100,000 credentials
SELECT count(credreg.skills_of(c)) FROM cred;
SELECT count(credreg.skills_of(c)) FROM cred;
\echo == the 0.1.0 SQL on 5,000 of them
SELECT count(old_skills_of(c)) FROM (SELECT c FROM cred LIMIT 5000) s;
\timing off
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"
rm -rf "$run/esco_skills_of"

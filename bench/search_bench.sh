#!/usr/bin/env bash
# competency_search() benchmark (issue 4, item 6): imports the full ESCO
# release (timed), then times competency_search() per query over a fixed
# set of recruiter words (exact labels, prefixes, misspellings).
#   bench/search_bench.sh [rounds]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
rounds=${1:-3}
make -s all
test/harness/cluster.sh start
eval "$(test/harness/cluster.sh env)"
run=$(readlink -f tmp_run)
rm -rf "$run/esco_search" && mkdir -p "$run/esco_search" && cp data/esco/*.csv.gz "$run/esco_search/"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS credreg_search" -c "CREATE DATABASE credreg_search"
psql -X -q -v ON_ERROR_STOP=1 -d credreg_search -c "CREATE EXTENSION credreg"
echo "ESCO import:"
psql -X -q -At -v ON_ERROR_STOP=1 -d credreg_search \
	-c "\\timing on" -c "SELECT credreg.import_esco('$run/esco_search') - 'rejectedRows'"
PGOPTIONS="-c bench.rounds=$rounds" psql -X -q -At -v ON_ERROR_STOP=1 -d credreg_search <<'SQL'
SELECT count(*) AS labels FROM credreg.competency_label \gset
\echo labels: :labels
CREATE TEMP TABLE queries (q text);
INSERT INTO queries VALUES ('SQL'), ('python'), ('data'), ('project management'),
	('Java (computer programming)'), ('machine learning'), ('welding'), ('communicate'),
	('databse administration'), ('cook'), ('teach mathematics'), ('C++'),
	('customer service'), ('analyse financial data'), ('forklift'), ('team work');
-- the formulation before the index (release before this change): every
-- label scored; kept here to time against and to check the results agree
CREATE FUNCTION pg_temp.scan_search(query text, max int DEFAULT 20)
	RETURNS TABLE (id int, uri text, label text, kind text, framework text,
				   matched text, matched_as text, score real)
LANGUAGE sql STABLE STRICT AS $f$
WITH q AS (SELECT credreg.label_norm(query) AS n),
hits AS (
	SELECT l.competency, l.label, l.kind,
		(CASE WHEN x.score = 3 AND l.kind = 'code' THEN 2.9
			  WHEN x.score = 3 AND l.kind <> 'preferred' THEN 2.5 ELSE x.score END)::real AS score
	FROM credreg.competency_label l, q, LATERAL (SELECT credreg.label_score(l.norm, q.n) AS score) x
	WHERE x.score > 0
),
best AS (
	SELECT DISTINCT ON (competency) competency, label, kind, score FROM hits
	ORDER BY competency, score DESC, kind = 'preferred' DESC, label
)
SELECT c.id, c.uri, c.label, c.kind, c.framework, b.label, b.kind, b.score
FROM best b JOIN credreg.competency c ON c.id = b.competency
ORDER BY b.score DESC, length(c.label), c.label, c.id
LIMIT greatest(max, 0)
$f$;
CREATE TEMP TABLE timings (how text, q text, ms float8);
CREATE TEMP TABLE differ (q text);
DO $$
DECLARE r record; t0 timestamptz; n int;
BEGIN
	FOR i IN 1 .. current_setting('bench.rounds')::int LOOP
		FOR r IN SELECT q FROM queries LOOP
			t0 := clock_timestamp();
			SELECT count(*) INTO n FROM credreg.competency_search(r.q, 20);
			INSERT INTO timings VALUES ('index', r.q, extract(epoch FROM clock_timestamp() - t0) * 1000);
			t0 := clock_timestamp();
			SELECT count(*) INTO n FROM pg_temp.scan_search(r.q, 20);
			INSERT INTO timings VALUES ('scan', r.q, extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
	-- every position, label, match and score must agree (all results, max 1000)
	INSERT INTO differ SELECT q FROM queries
	WHERE ARRAY(SELECT s FROM credreg.competency_search(q, 1000) s)
		IS DISTINCT FROM ARRAY(SELECT s FROM pg_temp.scan_search(q, 1000) s);
END $$;
\echo 'query                            index ms   scan ms'
SELECT rpad(q, 32) || lpad(round(avg(ms) FILTER (WHERE how = 'index')::numeric, 1)::text, 9)
	|| lpad(round(avg(ms) FILTER (WHERE how = 'scan')::numeric, 1)::text, 10)
FROM timings GROUP BY q ORDER BY q;
SELECT 'mean per query: index ' || round(avg(ms) FILTER (WHERE how = 'index')::numeric, 1)
	|| ' ms (max ' || round(max(ms) FILTER (WHERE how = 'index')::numeric, 1)
	|| '), full scan ' || round(avg(ms) FILTER (WHERE how = 'scan')::numeric, 1)
	|| ' ms (max ' || round(max(ms) FILTER (WHERE how = 'scan')::numeric, 1) || '), '
	|| count(*) / 2 || ' calls each' FROM timings;
SELECT 'queries whose results differ: ' || count(*) || coalesce(' (' || string_agg(q, ', ') || ')', '') FROM differ;
SQL
rm -rf "$run/esco_search"

-- Strict JSON parse and JCS speed on one Open Badges 3.0 credential
-- (bench/json_credential.json, 1,615 bytes, from the project corpus).
-- Run from the top of the tree against a database with credreg installed:
--   psql -X -f bench/json_parse.sql
-- Each figure is the time per call less the time of a trivial expression
-- over the same rows (octet_length), i.e. the function's own cost.  The
-- CASE on the row number keeps the planner from evaluating the call once.
\set doc `cat bench/json_credential.json`
SET search_path = credreg, public;
CREATE TEMP TABLE bench_doc AS SELECT :'doc'::text AS doc;

DO $$
DECLARE
	n constant int := 100000;
	t0 timestamptz;
	base float8;
	f record;
	us float8;
BEGIN
	t0 := clock_timestamp();
	PERFORM count(*) FROM generate_series(1, n) g, bench_doc WHERE octet_length(CASE WHEN g > 0 THEN doc END) > 0;
	base := extract(epoch FROM clock_timestamp() - t0);
	FOR f IN SELECT * FROM (VALUES
			('json_is_strict(doc)'), ('jcs(doc) IS NOT NULL'),
			('doc::json IS NOT NULL'), ('doc::jsonb IS NOT NULL')) v(e)
	LOOP
		t0 := clock_timestamp();
		EXECUTE format('SELECT count(*) FROM generate_series(1, %s) g, bench_doc WHERE %s',
					   n, replace(f.e, 'doc', '(CASE WHEN g > 0 THEN doc END)'));
		us := (extract(epoch FROM clock_timestamp() - t0) - base) * 1e6 / n;
		RAISE NOTICE '%: % us per call (% bytes)', rpad(f.e, 24),
			round(us::numeric, 2), (SELECT octet_length(doc) FROM bench_doc);
	END LOOP;
END
$$;

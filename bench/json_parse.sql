-- Strict JSON parse and JCS speed on one Open Badges 3.0 credential
-- (bench/json_credential.json, 1,615 bytes, from the project corpus),
-- beside PostgreSQL's own json and jsonb input for scale.
-- Run from the top of the tree against a database with credreg installed:
--   psql -X -f bench/json_parse.sql
-- Each figure is the time per call less the time of a trivial expression
-- over the same rows (octet_length), i.e. the function's own cost; the
-- best of 7 rounds, the machine being shared.  The CASE on the row number
-- keeps the planner from evaluating the call only once.
\set doc `cat bench/json_credential.json`
SET search_path = credreg, public;
CREATE TEMP TABLE bench_doc AS SELECT :'doc'::text AS doc;

DO $$
DECLARE
	n constant int := 50000;
	exprs constant text[] := ARRAY['octet_length(doc) > 0', 'json_is_strict(doc)',
		'jcs(doc) IS NOT NULL', 'doc::json IS NOT NULL', 'doc::jsonb IS NOT NULL'];
	best float8[] := array_fill('Infinity'::float8, ARRAY[5]);
	t0 timestamptz;
	secs float8;
BEGIN
	FOR round IN 1..7 LOOP
		FOR i IN 1..5 LOOP
			t0 := clock_timestamp();
			EXECUTE format('SELECT count(*) FROM generate_series(1, %s) g, bench_doc WHERE %s',
						   n, replace(exprs[i], 'doc', '(CASE WHEN g > 0 THEN doc END)'));
			secs := extract(epoch FROM clock_timestamp() - t0);
			best[i] := least(best[i], secs);
		END LOOP;
	END LOOP;
	FOR i IN 2..5 LOOP
		RAISE NOTICE '%: % us per call (% bytes)', rpad(exprs[i], 24),
			round(((best[i] - best[1]) * 1e6 / n)::numeric, 2),
			(SELECT octet_length(doc) FROM bench_doc);
	END LOOP;
END
$$;

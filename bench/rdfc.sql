-- RDFC-1.0 throughput: canonicalize 10,000 distinct OB 3.0 credentials
-- (bench/rdfc-ob3.nq: 115 quads, 14 blank nodes, a proof in a blank-node
-- named graph; @N@ varies per row), through credreg.rdfc (N-Quads parse +
-- canonicalization + text result).  Run from the top of the tree:
--   psql -X -f bench/rdfc.sql     (bench/rdfc.sh does it against the test cluster)
\set QUIET on
\pset footer off
\set doc `cat bench/rdfc-ob3.nq`
-- stored uncompressed, so that pglz does not count in the figures
CREATE TEMP TABLE rdfc_bench (g int, nq text);
ALTER TABLE rdfc_bench ALTER nq SET STORAGE EXTERNAL;
INSERT INTO rdfc_bench SELECT g, replace(:'doc', '@N@', g::text) FROM generate_series(1, 10000) g;
SELECT count(*) AS datasets, sum(length(nq)) / count(*) AS avg_bytes FROM rdfc_bench;
-- warm up
SELECT count(credreg.rdfc(nq)) FROM rdfc_bench WHERE g <= 500 \g /dev/null

-- The machine is shared, so the figures are CPU time of this backend
-- (utime + stime from /proc, in clock ticks of 10 ms; superuser only), not
-- wall time: 3 rounds of 10,000 each, minus the same scans with length(nq || '') (which fetches the text too).
CREATE FUNCTION pg_temp.cpu_seconds() RETURNS float8 LANGUAGE sql AS $$
	SELECT (split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint) / 100.0
	  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s $$;
CREATE TEMP TABLE rdfc_times(what text, seconds float8);
DO $$
DECLARE t0 float8; r int;
BEGIN
	FOR r IN 1..3 LOOP
		t0 := pg_temp.cpu_seconds();
		PERFORM count(length(nq || '')) FROM rdfc_bench;
		INSERT INTO rdfc_times VALUES ('scan', pg_temp.cpu_seconds() - t0);
		t0 := pg_temp.cpu_seconds();
		PERFORM count(credreg.rdfc(nq)) FROM rdfc_bench;
		INSERT INTO rdfc_times VALUES ('rdfc sha256', pg_temp.cpu_seconds() - t0);
		t0 := pg_temp.cpu_seconds();
		PERFORM count(credreg.rdfc(nq, 'sha384')) FROM rdfc_bench;
		INSERT INTO rdfc_times VALUES ('rdfc sha384', pg_temp.cpu_seconds() - t0);
		t0 := pg_temp.cpu_seconds();
		PERFORM count(credreg.rdfc_issued_identifiers(nq)) FROM rdfc_bench;
		INSERT INTO rdfc_times VALUES ('rdfc_issued_identifiers', pg_temp.cpu_seconds() - t0);
	END LOOP;
END $$;
WITH tot AS (SELECT what, sum(seconds) / 3 AS s FROM rdfc_times GROUP BY what),
	 net AS (SELECT what, s - (SELECT s FROM tot WHERE what = 'scan') AS s FROM tot WHERE what <> 'scan')
SELECT what,
	   round(s::numeric * 1e6 / 10000, 1) AS us_per_dataset,
	   round(10000 / s) AS datasets_per_s,
	   round(115 * 10000 / s) AS quads_per_s
  FROM net ORDER BY what;

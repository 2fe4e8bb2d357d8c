-- The W3C RDFC-1.0 test suite (test/vectors/rdf-canon, 86 cases) plus the
-- work limit and the markings of the SQL functions.
-- test/vectors/rdf-canon/rdfc_cases.tsv is generated from the manifest by
-- test/vectors/rdf-canon/make_cases.py (one COPY row per manifest entry).
BEGIN;

CREATE TEMP TABLE rdfc_case (
	id text PRIMARY KEY,
	kind text NOT NULL,			-- eval, map or negative
	name text NOT NULL,
	complexity text NOT NULL,
	hash text NOT NULL,			-- sha256 or sha384
	input text NOT NULL,
	expected text NOT NULL		-- canonical N-Quads, or the map as JSON
);
\copy rdfc_case FROM 'test/vectors/rdf-canon/rdfc_cases.tsv'

SELECT plan(93);

SELECT is((SELECT count(*) FROM rdfc_case), 86::bigint, 'the manifest has 86 cases');

-- 64 canonical outputs, byte for byte
SELECT is(credreg.rdfc(input, hash), expected, id || ' ' || name || ' (' || hash || ')')
  FROM rdfc_case WHERE kind = 'eval' ORDER BY id;

-- 21 issued identifiers maps
SELECT is(credreg.rdfc_issued_identifiers(input, hash), expected::jsonb,
		  id || ' ' || name || ' (' || hash || ')')
  FROM rdfc_case WHERE kind = 'map' ORDER BY id;

-- the poison graph (a 10-node blank node clique) fails with 54000 ...
SELECT throws_ok(format('SELECT credreg.rdfc(%L)', input), '54000',
				 'RDF canonicalization exceeded the work limit set by credreg.rdfc_max_work',
				 id || ' ' || name)
  FROM rdfc_case WHERE kind = 'negative';

-- ... fast
CREATE FUNCTION pg_temp.seconds_to_fail(doc text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM credreg.rdfc(doc);
	RETURN NULL;				-- did not fail
EXCEPTION WHEN program_limit_exceeded THEN
	RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;
-- (the bound is scaled by credreg_test.time_factor, which `make valgrind` sets)
SELECT ok(pg_temp.seconds_to_fail(input)
		  < 1.0 * coalesce(current_setting('credreg_test.time_factor', true)::float8, 1),
		  'test074c is refused in under a second with the default work limit')
  FROM rdfc_case WHERE id = 'test074c';
SELECT throws_ok(format('SELECT credreg.rdfc_issued_identifiers(%L)', input), '54000', NULL,
				 'rdfc_issued_identifiers refuses the poison graph too')
  FROM rdfc_case WHERE id = 'test074c';

-- the GUC is the limit: the hardest legitimate case needs about 6,000 units
SET LOCAL credreg.rdfc_max_work = 1000;
SELECT throws_ok(format('SELECT credreg.rdfc(%L)', input), '54000', NULL,
				 'test044c fails under credreg.rdfc_max_work = 1000')
  FROM rdfc_case WHERE id = 'test044c';
SET LOCAL credreg.rdfc_max_work = 10000;
SELECT is(credreg.rdfc(input), expected, 'test044c passes under credreg.rdfc_max_work = 10000')
  FROM rdfc_case WHERE id = 'test044c';
RESET credreg.rdfc_max_work;

-- markings: STABLE (the result depends on the GUC), STRICT, PARALLEL SAFE
SELECT volatility_is('credreg', 'rdfc', ARRAY['text', 'text'], 'stable', 'rdfc is STABLE');
SELECT is_strict('credreg', 'rdfc_issued_identifiers', ARRAY['text', 'text'],
				 'rdfc_issued_identifiers is STRICT');

SELECT * FROM finish();
ROLLBACK;

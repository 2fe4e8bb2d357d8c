-- RFC 8785 (JCS) conformance: the six reference input/output pairs and the
-- first 100,000 lines of the ES6 number-serialization file
-- (test/vectors/jcs, from cyberphone/json-canonicalization; see SOURCE.md).
\set ON_ERROR_STOP 1
BEGIN;
SELECT plan(20);
SET LOCAL search_path = credreg, public;

-- Each file line by line, in file order (n), under its name.
CREATE TEMP TABLE vec_line (n serial, file text, line text);
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/arrays.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/arrays' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/french.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/french' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/structures.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/structures' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/unicode.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/unicode' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/values.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/values' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/input/weird.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'input/weird' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/arrays.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/arrays' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/french.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/french' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/structures.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/structures' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/unicode.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/unicode' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/values.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/values' WHERE file IS NULL;
\copy vec_line(line) FROM 'test/vectors/jcs/testdata/outhex/weird.txt' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'outhex/weird' WHERE file IS NULL;

-- name, input JSON (UTF-8 bytes), expected canonical bytes
CREATE TEMP TABLE vec AS
SELECT i.name,
       convert_to(i.doc, 'UTF8') AS input,
       decode(regexp_replace(o.hex, '\s', '', 'g'), 'hex') AS expected
  FROM (SELECT substr(file, 7) AS name,
               string_agg(coalesce(line, ''), E'\n' ORDER BY n) AS doc
          FROM vec_line WHERE file LIKE 'input/%' GROUP BY file) i
  JOIN (SELECT substr(file, 8) AS name,
               string_agg(coalesce(line, ''), ' ' ORDER BY n) AS hex
          FROM vec_line WHERE file LIKE 'outhex/%' GROUP BY file) o
    USING (name);

SELECT is((SELECT count(*) FROM vec), 6::bigint, 'six reference pairs loaded');

SELECT is(jcs(input), expected, 'reference pair ' || name)
  FROM vec ORDER BY name;

SELECT is((SELECT count(*) FROM vec
            WHERE convert_to(jcs(convert_from(input, 'UTF8')), 'UTF8') <> expected),
          0::bigint, 'jcs(text) gives the same bytes as jcs(bytea) on every pair');

SELECT is((SELECT count(*) FROM vec WHERE jcs(jcs(input)) <> jcs(input)),
          0::bigint, 'canonicalization is idempotent on every pair');

SELECT is((SELECT count(*) FROM vec
            WHERE convert_to(jcs(convert_from(input, 'UTF8')::jsonb), 'UTF8') <> expected),
          0::bigint, 'jcs(jsonb) agrees on every pair');

-- ES6 Number::toString: "hex of the IEEE 754 bits,expected".  The JSON
-- number fed to jcs is the double's exact decimal value, built from the bits
-- with numeric arithmetic (m * 2^e, written m*5^-e "e-" -e when e < 0), so
-- the test does not depend on any float printing.
CREATE TEMP TABLE es6 (n serial, hex text, expected text);
\copy es6(hex, expected) FROM 'test/vectors/jcs/testdata/es6testfile-first100k.txt' WITH (FORMAT csv)

SELECT is((SELECT count(*) FROM es6), 100000::bigint, '100,000 number lines loaded');

CREATE TEMP TABLE es6_result AS
WITH bits AS (
	SELECT n, expected, ('x' || lpad(hex, 16, '0'))::bit(64)::bigint AS b FROM es6
), parts AS (
	SELECT n, expected, b < 0 AS neg,
	       CASE WHEN (b >> 52) & 2047 = 0 THEN b & 4503599627370495
	            ELSE (b & 4503599627370495) | 4503599627370496 END::numeric AS m,
	       CASE WHEN (b >> 52) & 2047 = 0 THEN -1074
	            ELSE ((b >> 52) & 2047)::int - 1075 END AS e
	  FROM bits
), pow AS (
	SELECT k, power(2::numeric, k) AS two, power(5::numeric, k) AS five
	  FROM generate_series(0, 1074) k
), literal AS (
	SELECT p.n, p.expected,
	       CASE WHEN p.neg THEN '-' ELSE '' END ||
	       CASE WHEN p.e >= 0 THEN (p.m * w.two)::text
	            ELSE (p.m * w.five)::text || 'e-' || (-p.e) END AS json
	  FROM parts p JOIN pow w ON w.k = abs(p.e)
)
SELECT n, json, expected, jcs(json) AS got FROM literal;

SELECT is((SELECT count(*) FROM es6_result), 100000::bigint,
          'every number line was canonicalized');
SELECT is((SELECT string_agg(format('line %s: %s gave %s, expected %s',
                                    n, left(json, 40), got, expected), E'\n' ORDER BY n)
             FROM (SELECT * FROM es6_result WHERE got IS DISTINCT FROM expected
                    ORDER BY n LIMIT 10) bad),
          NULL, 'all 100,000 numbers serialize as ECMAScript Number::toString');

-- markings of the JSON functions
SELECT volatility_is('credreg', 'jcs', ARRAY['text'], 'immutable', 'jcs(text) is immutable');
SELECT volatility_is('credreg', 'jcs', ARRAY['bytea'], 'immutable', 'jcs(bytea) is immutable');
SELECT volatility_is('credreg', 'jcs', ARRAY['jsonb'], 'immutable', 'jcs(jsonb) is immutable');
SELECT volatility_is('credreg', 'strict_jsonb', ARRAY['text'], 'immutable',
                     'strict_jsonb(text) is immutable');
SELECT volatility_is('credreg', 'json_is_strict', ARRAY['text'], 'stable',
                     'json_is_strict(text) is stable (its answer depends on the limit GUCs)');
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
             FROM pg_proc p
            WHERE p.pronamespace = 'credreg'::regnamespace
              AND p.proname IN ('jcs', 'strict_jsonb', 'json_is_strict')
              AND NOT (p.proisstrict AND p.proparallel = 's'
                       AND obj_description(p.oid, 'pg_proc') IS NOT NULL)),
          NULL, 'every JSON function is STRICT, PARALLEL SAFE and commented');
SELECT is((SELECT count(*) FROM pg_proc p
            WHERE p.pronamespace = 'credreg'::regnamespace
              AND p.proname IN ('jcs', 'strict_jsonb', 'json_is_strict')),
          5::bigint, 'five JSON functions');

SELECT * FROM finish();
ROLLBACK;

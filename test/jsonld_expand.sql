-- JSON-LD 1.1 expansion: the W3C expand test suite (test/vectors/json-ld),
-- with its remote documents loaded into credreg.context.  Skipped tests and
-- their reasons: test/vectors/json-ld/SKIPPED.md.
BEGIN;
\set QUIET on
CREATE TEMP TABLE jld_doc (url text, document text);
\copy jld_doc FROM 'test/vectors/json-ld/documents.csv' (FORMAT csv, HEADER)
INSERT INTO credreg.context (url, document) SELECT url, document FROM jld_doc;
CREATE TEMP TABLE jld_case (ord int, id text, name text, kind text, input text,
							base text, expect text, skip text);
\copy jld_case FROM 'test/vectors/json-ld/expand_cases.csv' (FORMAT csv, HEADER, FORCE_NOT_NULL (expect, skip))

-- the JSON-LD error code of a failure: the message up to the first ": "
-- {"ok": expanded} or {"error": JSON-LD error code}
CREATE FUNCTION pg_temp.try_expand(doc text, base text) RETURNS jsonb
LANGUAGE plpgsql AS $$
BEGIN
	RETURN jsonb_build_object('ok', credreg.jsonld_expand(doc, base));
EXCEPTION WHEN invalid_parameter_value OR program_limit_exceeded OR invalid_text_representation THEN
	RETURN jsonb_build_object('error', split_part(SQLERRM, ': ', 1));
END
$$;

-- JSON-LD object comparison of the test suite: arrays are unordered except
-- the values of @list (tests/README.md "expand" comparison).
CREATE FUNCTION pg_temp.ld_equal(a jsonb, b jsonb, ordered boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	k text;
	used boolean[];
	found boolean;
BEGIN
	IF jsonb_typeof(a) IS DISTINCT FROM jsonb_typeof(b) THEN
		RETURN false;
	END IF;
	IF jsonb_typeof(a) = 'object' THEN
		IF (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(a) x)
		   IS DISTINCT FROM (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(b) x) THEN
			RETURN false;
		END IF;
		FOR k IN SELECT jsonb_object_keys(a) LOOP
			IF NOT pg_temp.ld_equal(a -> k, b -> k, k = '@list') THEN
				RETURN false;
			END IF;
		END LOOP;
		RETURN true;
	ELSIF jsonb_typeof(a) = 'array' THEN
		IF jsonb_array_length(a) <> jsonb_array_length(b) THEN
			RETURN false;
		END IF;
		IF ordered THEN
			FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
				IF NOT pg_temp.ld_equal(a -> i, b -> i) THEN
					RETURN false;
				END IF;
			END LOOP;
			RETURN true;
		END IF;
		used := array_fill(false, ARRAY[jsonb_array_length(b) + 1]);
		FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
			found := false;
			FOR j IN 0 .. jsonb_array_length(b) - 1 LOOP
				IF NOT used[j + 1] AND pg_temp.ld_equal(a -> i, b -> j) THEN
					used[j + 1] := true;
					found := true;
					EXIT;
				END IF;
			END LOOP;
			IF NOT found THEN
				RETURN false;
			END IF;
		END LOOP;
		RETURN true;
	END IF;
	RETURN a = b;
END
$$;

SELECT plan(1 + (SELECT count(*)::int FROM jld_case));

SELECT is((SELECT count(*)::int FROM jld_case), 385, 'the expand manifest has 385 tests');

SELECT CASE
		WHEN c.skip <> '' THEN skip(c.skip)
		WHEN c.kind = 'negative' THEN
			is((c.r->>'error'), c.expect, 'expand' || c.id || ' ' || c.name)
		WHEN (c.r->>'error') IS NOT NULL THEN
			fail('expand' || c.id || ' ' || c.name) || E'\n' || diag('error: ' || (c.r->>'error'))
		WHEN pg_temp.ld_equal(c.r->'ok', c.expect::jsonb) THEN
			pass('expand' || c.id || ' ' || c.name)
		ELSE
			fail('expand' || c.id || ' ' || c.name) || E'\n' ||
			diag('have: ' || (c.r->'ok')::text || E'\nwant: ' || c.expect::jsonb::text)
	   END
  FROM (SELECT *, CASE WHEN skip = '' THEN pg_temp.try_expand(input, base) END AS r
		  FROM jld_case OFFSET 0) c
 ORDER BY c.ord;

SELECT * FROM finish();
ROLLBACK;

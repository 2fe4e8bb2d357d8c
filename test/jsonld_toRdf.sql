-- JSON-LD 1.1 deserialization to RDF: the W3C toRdf test suite
-- (test/vectors/json-ld), with its remote documents loaded into
-- credreg.context.  Outputs are compared as RDF datasets: equal as sorted,
-- de-duplicated N-Quads, or else isomorphic (equal RDFC-1.0 canonical
-- forms, credreg.rdfc).  Skipped tests and their reasons:
-- test/vectors/json-ld/SKIPPED.md.
BEGIN;
\set QUIET on
CREATE TEMP TABLE jld_doc (url text, document text);
\copy jld_doc FROM 'test/vectors/json-ld/documents.csv' (FORMAT csv, HEADER)
INSERT INTO credreg.context (url, document) SELECT url, document FROM jld_doc;
CREATE TEMP TABLE jld_case (ord int, id text, name text, kind text, input text,
							base text, expect text, skip text);
\copy jld_case FROM 'test/vectors/json-ld/toRdf_cases.csv' (FORMAT csv, HEADER, FORCE_NOT_NULL (expect, skip))

-- {"ok": N-Quads} or {"error": JSON-LD error code}
CREATE FUNCTION pg_temp.try_to_rdf(doc text, base text) RETURNS jsonb
LANGUAGE plpgsql AS $$
BEGIN
	RETURN jsonb_build_object('ok', credreg.jsonld_to_rdf(doc, base));
EXCEPTION WHEN invalid_parameter_value OR program_limit_exceeded OR invalid_text_representation THEN
	RETURN jsonb_build_object('error', split_part(SQLERRM, ': ', 1));
END
$$;

-- N-Quads text as credreg writes it: lines sorted bytewise, no duplicates
CREATE FUNCTION pg_temp.nq_sorted(nq text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(string_agg(l, E'\n' ORDER BY l COLLATE "C") || E'\n', '')
	  FROM (SELECT DISTINCT btrim(l, E' \t\r') AS l
			  FROM regexp_split_to_table(nq, E'\n') l) s
	 WHERE l <> ''
$$;

SELECT plan(1 + (SELECT count(*)::int FROM jld_case));

SELECT is((SELECT count(*)::int FROM jld_case), 467, 'the toRdf manifest has 467 tests');

SELECT CASE
		WHEN c.skip <> '' THEN skip(c.skip)
		WHEN c.kind = 'negative' THEN
			is((c.r->>'error'), c.expect, 'toRdf' || c.id || ' ' || c.name)
		WHEN (c.r->>'error') IS NOT NULL THEN
			fail('toRdf' || c.id || ' ' || c.name) || E'\n' || diag('error: ' || (c.r->>'error'))
		WHEN c.kind = 'syntax' THEN
			pass('toRdf' || c.id || ' ' || c.name)
		WHEN (c.r->>'ok') = pg_temp.nq_sorted(c.expect) THEN
			pass('toRdf' || c.id || ' ' || c.name)
		WHEN credreg.rdfc(c.r->>'ok') = credreg.rdfc(c.expect) THEN
			pass('toRdf' || c.id || ' ' || c.name || ' (isomorphic)')
		ELSE
			fail('toRdf' || c.id || ' ' || c.name) || E'\n' ||
			diag(E'have:\n' || (c.r->>'ok') || E'want:\n' || pg_temp.nq_sorted(c.expect))
	   END
  FROM (SELECT *, CASE WHEN skip = '' THEN pg_temp.try_to_rdf(input, base) END AS r
		  FROM jld_case OFFSET 0) c
 ORDER BY c.ord;

SELECT * FROM finish();
ROLLBACK;

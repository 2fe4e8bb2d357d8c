-- The pinned context store credreg.context, and how JSON-LD processing
-- reports errors.
SET search_path = credreg, public;

-- The seed: 24 builtin contexts whose digests match their documents.
SELECT count(*) AS builtin, bool_and(sha256 = sha256(convert_to(document, 'UTF8'))) AS digests_match
  FROM context WHERE builtin;
SELECT url, encode(sha256, 'hex') FROM context
 WHERE url IN ('https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1')
 ORDER BY url;
-- Only rows an institution adds are dumped.
SELECT c.relname, x.cond AS extcondition
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
  JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'credreg' AND c.relname = 'context';

-- An INSERT of url and document alone works; the digest is filled in.
INSERT INTO context (url, document)
	VALUES ('https://example.org/ctx/a', '{"@context": {"@vocab": "https://example.org/a#"}}');
SELECT url, encode(sha256, 'hex') = encode(sha256(convert_to(document, 'UTF8')), 'hex') AS filled, builtin
  FROM context WHERE url = 'https://example.org/ctx/a';
-- A given digest must match.
INSERT INTO context (url, document, sha256)
	VALUES ('https://example.org/ctx/b', '{"@context": {}}', sha256('{"@context": {}}'::bytea));
INSERT INTO context (url, document, sha256)
	VALUES ('https://example.org/ctx/c', '{"@context": {}}', sha256('something else'::bytea));
-- Builtin rows cannot be changed, removed or added.
UPDATE context SET document = '{}' WHERE url = 'https://www.w3.org/ns/credentials/v2';
DELETE FROM context WHERE url = 'https://www.w3.org/ns/credentials/v2';
TRUNCATE context;
INSERT INTO context (url, document, builtin) VALUES ('https://example.org/ctx/d', '{}', true);

-- Contexts come from the table; an unknown URL is an error, never a fetch.
SELECT jsonld_expand('{"@context": "https://example.org/ctx/a", "name": "x"}');
SELECT jsonld_expand('{"@context": "https://example.org/ctx/missing", "name": "x"}');
SELECT jsonld_expand('{"@context": {"@import": "https://example.org/ctx/missing"}, "name": "x"}');
SELECT jsonld_expand('{"@context": "relative.jsonld", "name": "x"}');

-- A change to the table is seen by the next call (the processed-context
-- cache is invalidated), in the same transaction and after it.
BEGIN;
UPDATE context SET document = '{"@context": {"@vocab": "https://example.org/changed#"}}', sha256 = NULL
 WHERE url = 'https://example.org/ctx/a';
SELECT jsonld_expand('{"@context": "https://example.org/ctx/a", "name": "x"}');
ROLLBACK;
SELECT jsonld_expand('{"@context": "https://example.org/ctx/a", "name": "x"}');
DELETE FROM context WHERE url = 'https://example.org/ctx/a';
SELECT jsonld_expand('{"@context": "https://example.org/ctx/a", "name": "x"}');

-- Recursion is bounded: a context that includes itself, one that imports
-- itself, and a chain deeper than credreg.jsonld_max_context_depth.
INSERT INTO context (url, document) VALUES
	('https://example.org/ctx/self', '{"@context": "https://example.org/ctx/self"}'),
	('https://example.org/ctx/import-self', '{"@context": {"@import": "https://example.org/ctx/import-self"}}'),
	('https://example.org/ctx/scoped-self', '{"@context": {"t": {"@id": "https://example.org/t", "@context": "https://example.org/ctx/scoped-self"}}}'),
	('https://example.org/ctx/chain1', '{"@context": ["https://example.org/ctx/chain2", {"a": "https://example.org/a"}]}'),
	('https://example.org/ctx/chain2', '{"@context": ["https://example.org/ctx/chain3", {"b": "https://example.org/b"}]}'),
	('https://example.org/ctx/chain3', '{"@context": {"c": "https://example.org/c"}}');
SELECT jsonld_expand('{"@context": "https://example.org/ctx/self", "name": "x"}');
SELECT jsonld_expand('{"@context": "https://example.org/ctx/import-self", "name": "x"}');
SELECT jsonld_expand('{"@context": "https://example.org/ctx/scoped-self", "t": {"t": {"t": "x"}}}');
SELECT jsonld_expand('{"@context": "https://example.org/ctx/chain1", "a": 1, "b": 2, "c": 3}');
SET credreg.jsonld_max_context_depth = 2;
SELECT jsonld_expand('{"@context": "https://example.org/ctx/chain1", "a": 1, "b": 2, "c": 3}');
RESET credreg.jsonld_max_context_depth;

-- JSON-LD errors carry their JSON-LD error code.
SELECT jsonld_expand('{"@id": 5}');
SELECT jsonld_expand('{"@context": {"@protected": true, "p": "https://example.org/p"}, "https://example.org/q": {"@context": {"p": "https://example.org/other"}, "p": 1}}');
SELECT jsonld_expand('{"@context": [{"@protected": true, "p": "https://example.org/p"}, {"p": "https://example.org/other"}]}');
SELECT jsonld_expand('not json');
SELECT jsonld_expand('{"a": 1}', 'relative/base');
-- Expansion output is bounded by credreg.jsonld_max_nodes.
SET credreg.jsonld_max_nodes = 5;
SELECT jsonld_expand('{"https://example.org/p": [1, 2, 3, 4, 5, 6]}');
RESET credreg.jsonld_max_nodes;
-- So is the work of applying contexts: here each of 1,000 values carries an
-- embedded context, applied to a 2,000-term active context that is copied
-- each time.
SELECT format('{"@context": {%s, "a": "https://example.org/a"}, "a": [%s]}',
			  (SELECT string_agg(format('"t%s": "https://example.org/t%s"', i, i), ', ') FROM generate_series(1, 2000) i),
			  (SELECT string_agg('{"@context": {"b": "https://example.org/b"}, "b": 1}', ', ') FROM generate_series(1, 1000))) AS doc \gset
SELECT jsonb_array_length(jsonld_expand(:'doc') -> 0 -> 'https://example.org/a') AS values;
SET credreg.jsonld_max_nodes = 100000;
SELECT jsonb_array_length(jsonld_expand(:'doc') -> 0 -> 'https://example.org/a') AS values;
RESET credreg.jsonld_max_nodes;

-- Safe mode: what expansion would silently drop is an error instead.
SELECT jsonld_to_rdf('{"@context": {"@vocab": "https://example.org/"}, "@id": "https://example.org/s", "name": "x"}', NULL, true);
SELECT jsonld_to_rdf('{"@context": {"p": "https://example.org/p"}, "p": "x", "undefinedTerm": "y"}');
SELECT jsonld_to_rdf('{"@context": {"p": "https://example.org/p"}, "p": "x", "undefinedTerm": "y"}', NULL, true);
SELECT jsonld_to_rdf('{"@context": {"p": "https://example.org/p"}, "@type": "RelativeType", "p": "x"}', NULL, true);
SELECT jsonld_to_rdf('{"@context": {"p": "https://example.org/p"}, "@id": "relative", "p": "x"}', NULL, true);
SELECT jsonld_to_rdf('{"@context": {"p": "https://example.org/p"}, "@id": "relative", "p": "x"}', 'https://example.org/base/', true);

-- Safe mode checks contexts too, also a context cached by a lax call.
INSERT INTO context (url, document) VALUES
	('https://example.org/ctx/keyword-form', '{"@context": {"@term": "https://example.org/t", "p": "https://example.org/p"}}');
SELECT jsonld_to_rdf('{"@context": "https://example.org/ctx/keyword-form", "@id": "https://example.org/s", "p": "x"}');
SELECT jsonld_to_rdf('{"@context": "https://example.org/ctx/keyword-form", "@id": "https://example.org/s", "p": "x"}', NULL, true);

-- NULL in, NULL out; base and safe may be NULL.
SELECT jsonld_expand(NULL) IS NULL AS null_doc, jsonld_to_rdf('{"https://example.org/p": 1}', NULL, NULL);

-- Declared properties of the functions.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.procost
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'credreg' AND p.proname LIKE 'jsonld%' ORDER BY 1;

-- A type mapping must be an IRI, and an IRI holds no whitespace: the
-- context is refused, as a value with that @type would be (found by
-- fuzz_jsonld: the two checks used to disagree).
SELECT jsonld_expand('{"@context": {"d": {"@id": "http://example.org/d", "@type": "http://example.org/dateTime "}}, "d": "x"}');
SELECT jsonld_expand('{"http://example.org/d": {"@value": "x", "@type": "http://example.org/dateTime "}}');

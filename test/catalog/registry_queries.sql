-- The questions whose answers must not change across an update or a dump
-- and restore of the registry that registry_fixture.sql builds.
SELECT id, (v).valid, (v).status, (v).trusted, (v).errors
  FROM (SELECT id, credreg.verify(credential, '2026-06-01') AS v FROM public.learner) s ORDER BY id;
SELECT id, credreg.pubkey_thumbprint(key), rule::text FROM public.learner ORDER BY id;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM public.learner
 WHERE skills OPERATOR(credreg.@>) credreg.skills(ARRAY['local:sql'], ARRAY[2]);
SELECT id FROM public.learner
 WHERE skills OPERATOR(credreg.@>) credreg.skills(ARRAY['local:sql'], ARRAY[2]) ORDER BY id;
RESET enable_seqscan;
SELECT l.id, (SELECT array_agg(c.uri ORDER BY c.uri) FROM credreg.skillset_each(credreg.closure(l.skills)) e
                JOIN credreg.competency c ON c.id = e.id) AS closure
  FROM public.learner l ORDER BY l.id;
SELECT id, r -> 'complete' AS complete, r -> 'progress' AS progress
  FROM public.learner,
       credreg.stack_evaluate(rule, '[{"id": "a1", "tags": ["data"]}, {"id": "a2", "tags": ["data"]}]'::jsonb,
                              '2026-06-01'::timestamptz) AS r
 ORDER BY id;
SELECT key_id, issuer, public_key FROM credreg.registered_key('https://reg.example.edu/keys/1');
SELECT url, builtin FROM credreg.context WHERE NOT builtin;
SELECT count(*) AS contexts, count(DISTINCT url) AS urls, count(*) FILTER (WHERE builtin) AS builtin
  FROM credreg.context;
SELECT credreg.jsonld_to_rdf('{"@context": "https://reg.example.edu/ctx/v1", "@id": "urn:x", "grade": "A"}');
SELECT url, entries, credreg.status_list_set_bits(encoded_list) FROM credreg.status_list;

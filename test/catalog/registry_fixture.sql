-- A small registry with a row in every table the extension owns and a user
-- table with columns of each of its types, for the update and dump/restore
-- tests (sql/upgrade.sql, sql/dump_restore.sql); registry_queries.sql asks
-- the questions whose answers must survive.  Runs against 0.1.0 and later.
--
-- The registrar's key: the W3C vc-di-eddsa test key pair, as a did:key.
CREATE FUNCTION pg_temp.signed(doc jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT credreg.sign(doc, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-jcs-2022',
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2') $$;

INSERT INTO credreg.trusted_issuer (issuer, name, jurisdiction, valid_from)
VALUES ('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'Example University', 'EU', '2020-01-01');
INSERT INTO credreg.issuer_key (key_id, issuer, public_key, valid_from)
VALUES ('https://reg.example.edu/keys/1', 'https://reg.example.edu',
        'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', '2020-01-01');
-- index 5 revoked
INSERT INTO credreg.status_list (url, credential)
VALUES ('https://reg.example.edu/status/1',
        pg_temp.signed(credreg.status_list_credential('https://reg.example.edu/status/1', 'revocation',
          credreg.status_list_set(credreg.status_list_create(), 5, true),
          'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', '2026-01-01T00:00:00Z', NULL)));
INSERT INTO credreg.context (url, document)
VALUES ('https://reg.example.edu/ctx/v1', '{"@context": {"grade": "https://reg.example.edu/vocab#grade"}}');

INSERT INTO credreg.framework (key, name) VALUES ('local', 'Local skills');
INSERT INTO credreg.competency (framework, uri, code, label, kind, top_level)
VALUES ('local', 'urn:local:data', 'data', 'Data work', 'group', true),
       ('local', 'urn:local:sql', 'sql', 'SQL', 'skill', false),
       ('local', 'urn:local:python', 'py', 'Python', 'skill', false);
INSERT INTO credreg.competency_label (competency, kind, label, norm)
SELECT id, 'preferred', label, credreg.label_norm(label) FROM credreg.competency;
INSERT INTO credreg.competency_relation (src, dst, kind, source)
SELECT s.id, d.id, 'broader', 'local' FROM credreg.competency s, credreg.competency d
 WHERE s.uri IN ('urn:local:sql', 'urn:local:python') AND d.uri = 'urn:local:data';

CREATE TABLE public.learner (
	id text PRIMARY KEY,
	skills credreg.skillset NOT NULL,
	key credreg.pubkey,
	rule credreg.stackrule,
	credential text
);
CREATE INDEX learner_skills ON public.learner USING gin (skills);
INSERT INTO public.learner
SELECT v.id, credreg.skills(v.refs, v.levels), 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
       '{"id": "cert", "root": {"type": "items", "id": "two", "select": {"tag": "data"}, "minItems": 2}}',
       pg_temp.signed(jsonb_build_object(
         '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
         'type', jsonb_build_array('VerifiableCredential'),
         'issuer', 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
         'validFrom', '2026-02-01T00:00:00Z',
         'credentialSubject', jsonb_build_object('id', 'urn:learner:' || v.id),
         'credentialStatus', jsonb_build_object('type', 'BitstringStatusListEntry',
           'statusPurpose', 'revocation', 'statusListIndex', v.idx::text,
           'statusListCredential', 'https://reg.example.edu/status/1')))
FROM (VALUES ('ada', ARRAY['local:sql', 'local:py'], ARRAY[3, 2], 6),
             ('bob', ARRAY['local:py'], ARRAY[4], 5)) AS v(id, refs, levels, idx);

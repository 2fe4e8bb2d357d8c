-- credreg.status_check over real credentials: the interop corpus (50 vc+jwt
-- and 50 Data Integrity credentials pointing at two stored lists), the
-- 1EdTech revoked samples, the specification's examples; and the catalog
-- markings of every status function.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set list1 `cat test/vectors/status/corpus/status-list-1.json`
\set list2 `cat test/vectors/status/corpus/status-list-2.jwt`
\set lists `cat test/vectors/status/corpus/status-lists.json`
\set testlist `cat test/vectors/status/openbadges-1edtech/testlist`
\set revoked1 `cat test/vectors/status/openbadges-1edtech/credential-status-revoked.json`
\set revoked2 `cat test/vectors/status/openbadges-1edtech/credential-status-revoked-blank-nodes.json`
\set spec01 `cat test/vectors/status/bitstring-status-list/spec-examples/01-example-statuslistcredential-using-simple-entries.json`
\set spec02 `cat test/vectors/status/bitstring-status-list/spec-examples/02-example-bitstringstatuslistcredential.json`
\set spec05 `cat test/vectors/status/bitstring-status-list/spec-examples/05-associating-multiple-status-lists-with-a-single-verifiable-credential.json`
\set spec06 `cat test/vectors/status/bitstring-status-list/spec-examples/06-associating-multiple-status-entries-in-a-single-status-list.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(41);

-- The corpus lines, one JSON document per line.
CREATE TEMP TABLE line (file text, doc jsonb) ON COMMIT DROP;
\copy line (doc) FROM 'test/vectors/status/corpus/vc-jwt-eddsa-status.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE line SET file = 'vc-jwt-eddsa-status' WHERE file IS NULL;
\copy line (doc) FROM 'test/vectors/status/corpus/ob3-status-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE line SET file = 'ob3-status-eddsa-rdfc-2022' WHERE file IS NULL;

-- The credential of each line as JSON (the payload of a JWS, unverified: signatures are the verifier's).
CREATE FUNCTION pg_temp.jws_payload(jws text) RETURNS jsonb LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT convert_from(decode(rpad(translate(split_part(jws, '.', 2), '-_', '+/'),
                                  (length(split_part(jws, '.', 2)) + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb $$;
CREATE TEMP TABLE cred ON COMMIT DROP AS
  SELECT file, doc->>'id' AS id, doc->>'expected' AS expected, doc->>'reason' AS reason,
         (doc->>'statusListIndex')::bigint AS index,
         CASE jsonb_typeof(doc->'credential') WHEN 'string' THEN pg_temp.jws_payload(doc->>'credential')
              ELSE doc->'credential' END AS credential
    FROM line;

SELECT is((SELECT count(*) FROM cred), 100::bigint, '100 corpus credentials with credentialStatus');

-- Both status list credentials are stored: the JSON one and the JWS one, and
-- the 1EdTech list.  All pass the verifier's trigger: list 2 is a vc+jwt
-- (EdDSA), list 1 and the 1EdTech list are signed with eddsa-rdfc-2022 (the
-- 1EdTech list's key, carried in its verification method, is registered for
-- its issuer first).  The specification's examples further down are
-- unsigned: for them the trigger is switched off in this transaction, since
-- what is tested there is how their bits are read.
INSERT INTO issuer_key (key_id, issuer, public_key) VALUES
  ('https://1edtech.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
   'https://1edtech.edu/issuers/565049', 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
INSERT INTO status_list (url, credential) VALUES
  ('https://status.example.edu/credentials/status/2', :'list2'),
  ('https://status.example.edu/credentials/status/1', :'list1'),
  ('https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist',
   :'testlist');
SELECT results_eq($$SELECT url, list_type, purpose, entries FROM status_list ORDER BY url$$,
  $$VALUES ('https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist',
            'BitstringStatusListCredential', '{revocation}'::text[], 131072::bigint),
           ('https://status.example.edu/credentials/status/1', 'BitstringStatusListCredential', '{revocation}', 131072),
           ('https://status.example.edu/credentials/status/2', 'BitstringStatusListCredential', '{revocation}', 131072)$$,
  'the three status list credentials are stored with their derived columns');
SELECT is((SELECT encoded_list FROM status_list WHERE url LIKE '%/status/2'),
          (SELECT encoded_list FROM status_list WHERE url LIKE '%/status/1'),
          'the JWS list and the JSON list carry the same encodedList');

CREATE TEMP TABLE checked ON COMMIT DROP AS
  SELECT c.file, c.id, c.expected, c.reason, c.index AS expected_index, s.*
    FROM cred c, status_check(c.credential->'credentialStatus', '2026-06-01T00:00:00Z') s;

SELECT is((SELECT count(*) FROM checked WHERE file = f), 50::bigint, f || ': one status entry per credential')
  FROM unnest(ARRAY['ob3-status-eddsa-rdfc-2022', 'vc-jwt-eddsa-status']) AS f;
SELECT is((SELECT count(*) FROM checked WHERE file = f AND ok AND checked), 50::bigint,
          f || ': every status is established')
  FROM unnest(ARRAY['ob3-status-eddsa-rdfc-2022', 'vc-jwt-eddsa-status']) AS f;
SELECT is((SELECT count(*) FROM checked WHERE file = f AND code = 'revoked'), 13::bigint,
          f || ': 13 revoked')
  FROM unnest(ARRAY['ob3-status-eddsa-rdfc-2022', 'vc-jwt-eddsa-status']) AS f;
SELECT is((SELECT array_agg(id ORDER BY id) FROM checked
            WHERE file = f AND (code IS NOT DISTINCT FROM 'revoked') <> (expected = 'invalid' AND reason = 'revoked')),
          NULL, f || ': revoked exactly where the corpus expects it')
  FROM unnest(ARRAY['ob3-status-eddsa-rdfc-2022', 'vc-jwt-eddsa-status']) AS f;
SELECT is((SELECT count(*) FROM checked WHERE index <> expected_index), 0::bigint,
          'every entry reads the statusListIndex the corpus lists');
SELECT is((SELECT array_agg(DISTINCT index ORDER BY index) FROM checked WHERE code = 'revoked'),
          (SELECT array_agg(x::bigint ORDER BY x::bigint) FROM jsonb_array_elements_text((:'lists')::jsonb->'revoked_indexes') x
            WHERE x::bigint IN (SELECT index FROM checked)),
          'the revoked indexes are the list''s set bits');

SELECT is((SELECT array_agg(DISTINCT status_of(credential->'credentialStatus', '2026-06-01T00:00:00Z')
                            ORDER BY status_of(credential->'credentialStatus', '2026-06-01T00:00:00Z'))
             FROM cred), '{active,revoked}', 'status_of: active or revoked');
SELECT is((SELECT count(*) FROM cred c JOIN checked k USING (id)
            WHERE status_of(c.credential->'credentialStatus', '2026-06-01T00:00:00Z')
                  <> coalesce(k.code, 'active')), 0::bigint, 'status_of agrees with status_check on every credential');

-- 1EdTech: statusListIndex 23 as a JSON number, list bit 23 set.
SELECT is((SELECT code FROM status_check(c->'credentialStatus', '2026-06-01T00:00:00Z')), 'revoked',
          name || ': revoked')
  FROM (VALUES ('credential-status-revoked', (:'revoked1')::jsonb),
               ('credential-status-revoked-blank-nodes', (:'revoked2')::jsonb)) AS t(name, c);

-- The status list credential's own validity: valid from 2021-04-05T14:27:40Z.
SELECT is((SELECT code FROM status_check((:'revoked1')::jsonb->'credentialStatus', '2021-04-05T14:27:39Z')),
          'status_unavailable', '1EdTech: before its list is valid, the status is unavailable');

-- The specification's examples: lists status/3 (spec example 2) stored, status/4 not.
ALTER TABLE status_list DISABLE TRIGGER status_list_verify;
INSERT INTO status_list (url, credential) VALUES ('https://example.com/credentials/status/3', :'spec02');
SELECT results_eq(
  format('SELECT ok, code, status FROM credreg.status_check(%L::jsonb, ''2026-06-01'') ORDER BY list_url',
         (:'spec01')::jsonb->'credentialStatus'),
  $$VALUES (true, NULL::text, 0), (false, 'status_unavailable', NULL)$$,
  'spec example 1: index 94567 of status/3 is clear; status/4 is not stored');
SELECT results_eq(
  format('SELECT purpose, ok, code FROM credreg.status_check(%L::jsonb, ''2026-06-01'') ORDER BY purpose',
         (:'spec05')::jsonb->'credentialStatus'),
  $$VALUES ('revocation', true, NULL::text), ('suspension', false, 'status_unavailable')$$,
  'spec example 5: revocation list stored and clear, suspension list not stored');
INSERT INTO status_list (url, credential) VALUES ('https://example.com/credentials/status/5',
  jsonb_set(status_list_credential('https://example.com/credentials/status/5', 'revocation',
              status_list_set(status_list_create(), 12345, true), 'did:example:12345'),
            '{credentialSubject,statusPurpose}', '["revocation", "suspension"]')::text);
SELECT results_eq(
  format('SELECT purpose, ok, code FROM credreg.status_check(%L::jsonb, ''2026-06-01'') ORDER BY purpose',
         (:'spec06')::jsonb->'credentialStatus'),
  $$VALUES ('revocation', true, NULL::text), ('suspension', true, 'suspended')$$,
  'spec example 6: two purposes in one list (bit 12345 set: suspended)');

-- A list replaced by a newer version is read anew in the same transaction.
SELECT is((SELECT count(*) FROM cred c, status_check(c.credential->'credentialStatus', '2026-06-01') s
            WHERE s.code = 'revoked'), 26::bigint, 'before the lists change: 26 revoked');
UPDATE status_list SET credential = replace(:'list1', (:'list1')::jsonb #>> '{credentialSubject,encodedList}',
                                            status_list_create())
 WHERE url = 'https://status.example.edu/credentials/status/1';
SELECT is((SELECT count(*) FROM cred c, status_check(c.credential->'credentialStatus', '2026-06-01') s
            WHERE s.code = 'revoked'), 13::bigint,
          'after list 1 is replaced by an all-clear one: only the 13 on list 2 are revoked');

-- Catalog: markings of every status function, the table kept by pg_dump.
SELECT is(p.provolatile::text, v, 'volatility of ' || p.oid::regprocedure::text)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
       LATERAL (SELECT CASE WHEN p.proname IN ('status_check', 'status_of', 'status_list_credential') THEN 's'
                            WHEN p.prorettype = 'trigger'::regtype OR p.proname = 'status_list_cache' THEN 'v'
                            ELSE 'i' END AS v) AS x
 WHERE n.nspname = 'credreg' AND p.proname LIKE 'status%' AND p.proname <> 'status_list_verify'
   -- the registrar's writers and their _impl bodies (registrar.sql) are checked in
   -- test/registrar_keys.sql
   AND p.proname !~ '^status_list_(revoke|suspend|reinstate|update)(_impl)?$'
 ORDER BY p.oid::regprocedure::text;
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1) FROM pg_proc p
            WHERE p.pronamespace = 'credreg'::regnamespace AND p.proname LIKE 'status%'
              AND p.prorettype <> 'trigger'::regtype AND p.proname <> 'status_list_cache'
              AND p.proname !~ '^status_list_(revoke|suspend|reinstate|update)(_impl)?$'
              AND (p.proparallel <> 's' OR
                  (NOT p.proisstrict AND p.proname <> 'status_list_credential'))),
          NULL, 'every status function is PARALLEL SAFE, and STRICT except status_list_credential');
SELECT is((SELECT proparallel::text FROM pg_proc WHERE oid = 'credreg.status_list_cache()'::regprocedure), 'r',
          'status_list_cache() reports this backend''s cache: PARALLEL RESTRICTED');
SELECT ok((SELECT 'credreg.status_list'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'credreg'),
          'credreg.status_list is dumped by pg_dump (pg_extension_config_dump)');

SELECT * FROM finish();
ROLLBACK;

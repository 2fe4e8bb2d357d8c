-- Status lists through the verifier: a credential whose status bit is set is
-- revoked or suspended; a status list credential is stored only when it
-- verifies (the status_list_verify trigger).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set lists `cat test/vectors/status/corpus/status-lists.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(14);

-- the W3C vc-di-eddsa test key issues here
CREATE TEMP TABLE k ON COMMIT DROP AS
SELECT 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS pub,
       'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'::text AS priv,
       'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS did;
INSERT INTO trusted_issuer (issuer, name) SELECT did, 'status test issuer' FROM k;

-- the corpus status list (a vc+jwt) is stored; a tampered copy is refused
SELECT lives_ok(format('INSERT INTO credreg.status_list (url, credential) VALUES (%L, %L)',
                       'https://status.example.edu/credentials/status/2',
                       (:'lists')::jsonb->'https://status.example.edu/credentials/status/2'->>'credential'),
                'a status list credential that verifies is stored');
SELECT throws_ok(format('UPDATE credreg.status_list SET credential = %L WHERE url = %L',
                        (SELECT split_part(j, '.', 1) || '.' || split_part(j, '.', 2) || '.' ||
                                CASE WHEN left(split_part(j, '.', 3), 1) = 'A' THEN 'B' ELSE 'A' END ||
                                substr(split_part(j, '.', 3), 2)
                           FROM (SELECT (:'lists')::jsonb->'https://status.example.edu/credentials/status/2'->>'credential' AS j) x),
                        'https://status.example.edu/credentials/status/2'),
                 '22023', 'status list credential does not verify',
                 'a status list credential with a changed signature is refused');
-- an expired list is stored (historical lists, restored dumps); its window
-- is judged when a status is checked against it
SELECT lives_ok(format('INSERT INTO credreg.status_list (url, credential) VALUES (%L, %L)',
                        'https://registrar.example.edu/status/x',
                        (SELECT sign(status_list_credential('https://registrar.example.edu/status/x', 'revocation',
                                                            status_list_create(), did, '2020-01-01', '2021-01-01'),
                                     priv, 'vc+jwt', did || '#' || pub) FROM k)),
                'an expired status list credential is stored');
SELECT is((SELECT code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": "1", "statusListCredential": "https://registrar.example.edu/status/x"}', '2026-06-01')),
          'status_unavailable', 'a check after the list expired finds no usable list');
SELECT is((SELECT ok FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": "1", "statusListCredential": "https://registrar.example.edu/status/x"}', '2020-06-01')),
          true, 'a check inside the list''s window uses it');

-- a registrar's own lists: revocation and suspension, signed with credreg.sign
INSERT INTO status_list (url, credential)
SELECT 'https://registrar.example.edu/status/' || purpose,
       sign(status_list_credential('https://registrar.example.edu/status/' || purpose, purpose,
                                   status_list_set(status_list_create(), 7, true), did),
            priv, CASE purpose WHEN 'revocation' THEN 'vc+jwt' ELSE 'eddsa-jcs-2022' END, did || '#' || pub)
  FROM k, (VALUES ('revocation'), ('suspension')) AS p(purpose);

CREATE TEMP TABLE c ON COMMIT DROP AS
SELECT purpose, idx,
       sign(jsonb_build_object(
              '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
              'type', jsonb_build_array('VerifiableCredential'),
              'issuer', did, 'validFrom', '2025-01-01T00:00:00Z',
              'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
              'credentialStatus', jsonb_build_object(
                 'type', 'BitstringStatusListEntry', 'statusPurpose', purpose,
                 'statusListIndex', idx::text,
                 'statusListCredential', 'https://registrar.example.edu/status/' || purpose)),
            priv, 'eddsa-jcs-2022', did || '#' || pub) AS cred
  FROM k, (VALUES ('revocation'), ('suspension')) AS p(purpose), (VALUES (7), (8)) AS i(idx);

SELECT is((SELECT status FROM verify((SELECT cred FROM c WHERE purpose = 'revocation' AND idx = 7), '2026-06-01')),
          'revoked', 'bit 7 set on the revocation list: status revoked');
SELECT is((SELECT valid FROM verify((SELECT cred FROM c WHERE purpose = 'revocation' AND idx = 7), '2026-06-01')),
          false, 'a revoked credential is not valid');
SELECT is((SELECT split_part(errors[1], ':', 1) FROM verify((SELECT cred FROM c WHERE purpose = 'revocation' AND idx = 7), '2026-06-01')),
          'revoked', 'its error code is revoked');
SELECT is((SELECT status FROM verify((SELECT cred FROM c WHERE purpose = 'suspension' AND idx = 7), '2026-06-01')),
          'suspended', 'bit 7 set on the suspension list: status suspended');
SELECT is((SELECT split_part(errors[1], ':', 1) FROM verify((SELECT cred FROM c WHERE purpose = 'suspension' AND idx = 7), '2026-06-01')),
          'suspended', 'its error code is suspended');
SELECT is((SELECT array_agg(valid ORDER BY purpose) FROM c, LATERAL verify(cred, '2026-06-01') WHERE idx = 8),
          '{t,t}'::boolean[], 'bit 8 clear on both lists: valid');
SELECT is((SELECT array_agg(status ORDER BY purpose) FROM c, LATERAL verify(cred, '2026-06-01') WHERE idx = 8),
          '{active,active}'::text[], 'bit 8 clear on both lists: status active');

-- a list that is not stored: status unavailable, not valid
DELETE FROM status_list WHERE url = 'https://registrar.example.edu/status/revocation';
SELECT is((SELECT split_part(errors[1], ':', 1) || ' ' || status FROM verify((SELECT cred FROM c WHERE purpose = 'revocation' AND idx = 8), '2026-06-01')),
          'status_unavailable unknown', 'the list is gone: status_unavailable, status unknown');
SELECT is(is_valid((SELECT cred FROM c WHERE purpose = 'revocation' AND idx = 8), '2026-06-01'), false,
          'is_valid agrees');

SELECT * FROM finish();
ROLLBACK;

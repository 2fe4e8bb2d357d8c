-- The interoperability corpus (test/vectors/corpus/SOURCE.md): every line of
-- the JOSE and JCS files gets its expected outcome, and an invalid line fails
-- for the reason the corpus names, verified as of 2026-06-01T00:00:00Z.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set keys `cat test/vectors/corpus/keys.json`
\set lists `cat test/vectors/status/corpus/status-lists.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(34);

CREATE TEMP TABLE raw (file text, line text) ON COMMIT DROP;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt-eddsa' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt-eddsa.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt-es256' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt-es256.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt11-eddsa' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-eddsa.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt11-eddsa.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt11-es256' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt11-es256.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt11-es256.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/vc-jwt-eddsa-status.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vc-jwt-eddsa-status' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'ob3-eddsa-jcs-2022' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'ob3-eddsa-jcs-2022.tampered' WHERE file IS NULL;

-- The registry: the corpus issuers are trusted (not the attackers), and the
-- status list the -status file points at is stored (the trigger verifies it).
INSERT INTO trusted_issuer (issuer, name)
SELECT k->>'did', 'corpus ' || (k->>'label')
  FROM jsonb_array_elements(((:'keys')::jsonb->'ed25519') || ((:'keys')::jsonb->'p256')) AS k;
INSERT INTO status_list (url, credential)
SELECT 'https://status.example.edu/credentials/status/2',
       (:'lists')::jsonb->'https://status.example.edu/credentials/status/2'->>'credential';

CREATE TEMP TABLE c ON COMMIT DROP AS
SELECT file, l->>'id' AS id, l->>'expected' AS expected, l->>'reason' AS reason,
       CASE jsonb_typeof(l->'credential') WHEN 'string' THEN l->>'credential'
            ELSE (l->'credential')::text END AS credential,
       l->'credential' AS credential_jsonb
  FROM (SELECT file, line::jsonb AS l FROM raw) s;

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT c.*, v.*,
       is_valid(credential, '2026-06-01T00:00:00Z') AS fast,
       is_valid(credential_jsonb, '2026-06-01T00:00:00Z') AS fast_jsonb,
       split_part(v.errors[1], ':', 1) AS code,
       CASE reason WHEN 'ok' THEN NULL
                   WHEN 'tampered-field' THEN 'signature_invalid'
                   WHEN 'wrong-key' THEN 'signature_invalid'
                   WHEN 'bad-signature' THEN 'signature_invalid'
                   WHEN 'alg-none' THEN 'algorithm_refused'
                   WHEN 'expired' THEN 'expired'
                   WHEN 'not-yet-valid' THEN 'not_yet_valid'
                   WHEN 'issuer-mismatch' THEN 'issuer_mismatch'
                   WHEN 'revoked' THEN 'revoked'
                   ELSE 'unknown reason ' || reason END AS expected_code
  FROM c, LATERAL verify(credential, '2026-06-01T00:00:00Z') AS v;

-- 11 files of 50 lines
SELECT is((SELECT count(*) FROM r), 550::bigint, '550 corpus lines loaded');

-- per file: the lines whose outcome differs from the expected one (none)
SELECT is(coalesce(array_agg(id || ' ' || coalesce(array_to_string(errors, '; '), '')) FILTER (
              WHERE valid IS DISTINCT FROM (expected = 'valid')
                 OR (expected = 'invalid' AND code IS DISTINCT FROM expected_code)), '{}'),
          '{}'::text[], file || ': every line has its expected outcome and failure code')
  FROM r GROUP BY file ORDER BY file;

-- per file: is_valid (text and jsonb) agrees with verify
SELECT is(coalesce(array_agg(id) FILTER (WHERE fast IS DISTINCT FROM valid
                                            OR fast_jsonb IS DISTINCT FROM valid), '{}'),
          '{}'::text[], file || ': is_valid(text) and is_valid(jsonb) agree with verify')
  FROM r GROUP BY file ORDER BY file;

-- some invalid lines exist in every tampered file (the test can fail)
SELECT ok((SELECT count(*) FROM r WHERE file LIKE '%tampered' AND NOT valid) >= 30,
          'tampered files have invalid lines');
SELECT is((SELECT count(*) FROM r WHERE file = 'vc-jwt-eddsa-status' AND status = 'revoked'), 13::bigint,
          '13 credentials of the status file are revoked');
SELECT is((SELECT array_agg(DISTINCT format) FROM r WHERE file LIKE 'vc-jwt11%' AND valid), '{vc-jwt}'::text[],
          'VC-JWT 1.1 files are reported as format vc-jwt');
SELECT is((SELECT array_agg(DISTINCT format ORDER BY format) FROM r WHERE file LIKE 'vc-jwt-%' AND valid),
          '{vc+jwt}'::text[], 'VC-JOSE files are reported as format vc+jwt');
SELECT is((SELECT array_agg(DISTINCT format) FROM r WHERE file LIKE 'ob3%'), '{eddsa-jcs-2022}'::text[],
          'Data Integrity files are reported as format eddsa-jcs-2022');
SELECT is((SELECT count(*) FROM r WHERE valid AND (NOT trusted OR issuer IS NULL OR key_id IS NULL)), 0::bigint,
          'every valid line names its issuer and key and is trusted');
SELECT is((SELECT count(*) FROM r WHERE valid AND 'signature' <> ALL (checks) AND 'proof' <> ALL (checks)), 0::bigint,
          'every valid line ran a signature or proof check');
SELECT ok((SELECT bool_and(verify_proof(credential,
                                        (SELECT k->>'publicKeyMultibase'
                                           FROM jsonb_array_elements((:'keys')::jsonb->'ed25519') k
                                          WHERE k->>'did' = r.issuer)::pubkey))
             FROM r WHERE file IN ('vc-jwt-eddsa', 'ob3-eddsa-jcs-2022')),
          'verify_proof with the issuer''s Multikey: every valid EdDSA line');

-- as of another instant, expiry and not-yet-valid lines change their outcome
SELECT is((SELECT count(*) FROM r WHERE reason = 'not-yet-valid'
            AND is_valid(credential, '2099-06-01T00:00:00Z')), 
          (SELECT count(*) FROM r WHERE reason = 'not-yet-valid'
            AND coalesce(valid_until, 'infinity') > '2099-06-01T00:00:00Z'),
          'not-yet-valid lines are valid in 2099 unless they expired by then');
SELECT is((SELECT count(*) FROM r WHERE reason = 'expired' AND is_valid(credential, valid_until - interval '1 day')),
          (SELECT count(*) FROM r WHERE reason = 'expired'),
          'expired lines are valid a day before their validUntil');

-- removing the trust makes the lines of that issuer untrusted
DELETE FROM trusted_issuer WHERE issuer = 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D';
SELECT is((SELECT array_agg(DISTINCT split_part(e, ':', 1))
             FROM r, LATERAL unnest((verify(credential, '2026-06-01T00:00:00Z')).errors) e
            WHERE file = 'vc-jwt-eddsa' AND r.issuer = 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'),
          '{untrusted_issuer}'::text[], 'an issuer removed from trusted_issuer: untrusted_issuer');

SELECT * FROM finish();
ROLLBACK;

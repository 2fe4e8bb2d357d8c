-- The Verifiable Presentation corpus (test/vectors/presentations/SOURCE.md):
-- every line of vp-jwt11, vp-jose and vp-di (valid and tampered) gets its
-- expected outcome as of 2026-06-01T00:00:00Z with the line's challenge and
-- domain; an invalid line fails first for the reason the corpus names, and
-- a bad embedded credential is the one reported.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set keys `cat test/vectors/corpus/keys.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(13);

CREATE TEMP TABLE raw (file text, line text) ON COMMIT DROP;
\copy raw(line) FROM 'test/vectors/presentations/vp-jwt11.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-jwt11' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/presentations/vp-jwt11.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-jwt11.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/presentations/vp-jose.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-jose' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/presentations/vp-jose.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-jose.tampered' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/presentations/vp-di.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-di' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/presentations/vp-di.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'vp-di.tampered' WHERE file IS NULL;

-- the corpus issuers are trusted (not its attackers)
INSERT INTO trusted_issuer (issuer, name)
SELECT k->>'did', 'corpus ' || (k->>'label')
  FROM jsonb_array_elements(((:'keys')::jsonb->'ed25519') || ((:'keys')::jsonb->'p256')) AS k;

CREATE TEMP TABLE c ON COMMIT DROP AS
SELECT file, l->>'id' AS id, l->>'expected' AS expected, l->>'reason' AS reason,
       -- a JWS is a JSON string, a Data Integrity presentation an object
       CASE jsonb_typeof(l->'credential') WHEN 'string' THEN l->>'credential'
            ELSE (l->'credential')::text END AS presentation,
       l->>'challenge' AS challenge, l->>'domain' AS domain,
       -- the code credreg gives first for each fault (README, section Presentations)
       CASE l->>'reason'
            WHEN 'signature_flip' THEN 'signature_invalid'
            WHEN 'wrong_holder_key' THEN 'signature_invalid'
            WHEN 'credential_tampered' THEN 'credential_invalid'
            WHEN 'credential_expired' THEN 'credential_invalid'
            ELSE l->>'reason'
       END AS code_expected
  FROM (SELECT file, line::jsonb AS l FROM raw) s;

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT c.*, v.valid, v.format, v.holder, v.errors, v.credentials,
       split_part(v.errors[1], ':', 1) AS code
  FROM c, verify_presentation(presentation, challenge, domain, '2026-06-01T00:00:00Z') AS v;

SELECT is((SELECT count(*) FROM r), 300::bigint, 'corpus: 300 lines read');

SELECT is((SELECT array_agg(id || ' ' || array_to_string(errors, ' | ') ORDER BY id) FROM r
            WHERE expected = 'valid' AND NOT valid), NULL,
          'every valid presentation verifies with the line''s challenge and domain');

SELECT is((SELECT array_agg(id || ' ' || coalesce(code, 'valid') ORDER BY id) FROM r
            WHERE expected = 'invalid' AND (valid OR code <> code_expected)), NULL,
          'every invalid presentation fails, first for the reason the corpus names');

SELECT is((SELECT array_agg(DISTINCT format ORDER BY format) FROM r WHERE expected = 'valid'),
          ARRAY['eddsa-jcs-2022', 'eddsa-rdfc-2022', 'vp+jwt', 'vp-jwt'],
          'formats of the valid lines: VC-JWT 1.1, VC-JOSE vp+jwt, Data Integrity by cryptosuite');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE expected = 'valid'
              AND (cardinality(credentials) NOT BETWEEN 1 AND 3
                   OR EXISTS (SELECT 1 FROM unnest(credentials) v WHERE NOT v.valid OR v.subject <> holder))),
          NULL, 'valid lines: one to three credentials, each valid and issued to the holder');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE expected = 'valid' AND holder IS DISTINCT FROM
                  (SELECT (unnest(credentials)).subject LIMIT 1)), NULL,
          'the holder is the subject of the credentials');

-- one bad credential: the presentation says which, and that credential says why
SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE reason IN ('credential_tampered', 'credential_expired')
              AND (SELECT count(*) FROM unnest(credentials) v WHERE NOT v.valid) <> 1), NULL,
          'a tampered or expired credential: exactly one embedded credential is invalid');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE reason IN ('credential_tampered', 'credential_expired')
              AND errors[1] NOT LIKE format('credential_invalid: verifiableCredential[%s] %%',
                     (SELECT min(o) - 1 FROM generate_subscripts(credentials, 1) o
                       WHERE NOT (credentials[o]).valid))), NULL,
          'the presentation''s error names the bad credential''s index');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE reason = 'credential_expired'
              AND NOT EXISTS (SELECT 1 FROM unnest(credentials) v
                               WHERE v.errors[1] LIKE 'expired:%')), NULL,
          'an expired credential says expired');

-- the challenge and the domain are what bind: without them, those faults pass
SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE (verify_presentation(presentation, NULL, NULL, '2026-06-01T00:00:00Z')).valid
                  <> (expected = 'valid' OR reason IN ('challenge_mismatch', 'domain_mismatch'))),
          NULL, 'with no challenge or domain given, only those two faults pass');

-- a presentation expires: the valid lines are not valid a week later
SELECT is((SELECT count(*) FROM r
            WHERE expected = 'valid' AND file <> 'vp-di'
              AND (verify_presentation(presentation, challenge, domain, '2026-06-08T00:00:00Z')).errors[1]
                  LIKE 'presentation_expired:%'), 100::bigint,
          'JWT presentations expire (exp)');

SELECT is((SELECT count(*) FROM r
            WHERE expected = 'valid' AND NOT (verify_presentation(presentation, challenge, domain,
                                                                 '2026-06-01T00:00:00Z')).valid), 0::bigint,
          'verifying twice gives the same outcome (caches)');

-- an SD-JWT VC is a presentation too, with key binding required
CREATE TEMP TABLE sd (line text) ON COMMIT DROP;
\copy sd(line) FROM 'test/vectors/sd-jwt/sd-jwt-vc.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy sd(line) FROM 'test/vectors/sd-jwt/sd-jwt-vc.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
SELECT is((SELECT array_agg(l->>'id' ORDER BY l->>'id')
             FROM (SELECT line::jsonb AS l FROM sd) s,
                  verify_presentation(l->>'credential', l->>'challenge', l->>'domain', '2026-06-01T00:00:00Z') v
            WHERE v.valid <> (l->>'expected' = 'valid')
               OR (v.valid AND (v.holder <> v.credentials[1].subject OR cardinality(v.credentials) <> 1))),
          NULL, 'SD-JWT VC presentations: every line its outcome, the holder is the subject');

SELECT * FROM finish();
ROLLBACK;

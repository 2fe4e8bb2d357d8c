-- The SD-JWT VC presentation corpus (test/vectors/sd-jwt/SOURCE.md): every
-- line gets its expected outcome as of 2026-06-01T00:00:00Z with the line's
-- challenge and domain, an invalid line fails for the reason the corpus
-- names, and the payload of a valid line is the corpus' `disclosed` claims
-- (what @sd-jwt/sd-jwt-vc 0.19.0 outputs).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set keys `cat test/vectors/corpus/keys.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(10);

CREATE TEMP TABLE raw (file text, line text) ON COMMIT DROP;
\copy raw(line) FROM 'test/vectors/sd-jwt/sd-jwt-vc.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'sd-jwt-vc' WHERE file IS NULL;
\copy raw(line) FROM 'test/vectors/sd-jwt/sd-jwt-vc.tampered.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE raw SET file = 'sd-jwt-vc.tampered' WHERE file IS NULL;

-- the corpus issuers are trusted (not its attackers)
INSERT INTO trusted_issuer (issuer, name)
SELECT k->>'did', 'corpus ' || (k->>'label')
  FROM jsonb_array_elements(((:'keys')::jsonb->'ed25519') || ((:'keys')::jsonb->'p256')) AS k;

CREATE TEMP TABLE c ON COMMIT DROP AS
SELECT file, l->>'id' AS id, l->>'expected' AS expected, l->>'reason' AS reason,
       l->>'credential' AS credential, l->>'challenge' AS challenge, l->>'domain' AS domain,
       l->'disclosed' AS disclosed,
       -- the code credreg gives for each fault (README, section SD-JWT VC)
       CASE l->>'reason'
            WHEN 'signature_flip' THEN ARRAY['signature_invalid', 'kb_signature_invalid']
            WHEN 'kb_wrong_key' THEN ARRAY['kb_signature_invalid']
            WHEN 'kb_sd_hash' THEN ARRAY['sd_hash_mismatch']
            WHEN 'kb_missing' THEN ARRAY['kb_missing']
            WHEN 'challenge_mismatch' THEN ARRAY['challenge_mismatch']
            WHEN 'domain_mismatch' THEN ARRAY['domain_mismatch']
            WHEN 'credential_expired' THEN ARRAY['expired']
            WHEN 'presentation_expired' THEN ARRAY['presentation_expired']
            WHEN 'disclosure_unreferenced' THEN ARRAY['disclosure_unreferenced']
            WHEN 'disclosure_modified' THEN ARRAY['disclosure_unreferenced']
            WHEN 'disclosure_duplicated' THEN ARRAY['disclosure_duplicated']
       END AS codes
  FROM (SELECT file, line::jsonb AS l FROM raw) s;

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT c.*, v.valid, v.errors, v.payload, v.key_bound, v.issuer, v.subject,
       split_part(v.errors[1], ':', 1) AS code,
       verify(credential, '2026-06-01T00:00:00Z') AS plain,
       is_valid(credential, '2026-06-01T00:00:00Z') AS fast
  FROM c, sd_jwt_verify(credential, challenge, domain, '2026-06-01T00:00:00Z') AS v;

SELECT is((SELECT count(*) FROM r), 100::bigint, 'corpus: 100 lines read');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r WHERE expected = 'valid' AND NOT valid), NULL,
          'every valid line verifies, key binding with the line''s challenge and domain included');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r WHERE expected = 'valid' AND payload IS DISTINCT FROM disclosed), NULL,
          'the payload of every valid line is exactly its disclosed claims');

SELECT is((SELECT array_agg(id || ' ' || coalesce(code, 'valid') ORDER BY id) FROM r
            WHERE expected = 'invalid' AND (valid OR NOT code = ANY (codes))), NULL,
          'every invalid line fails, first for the reason the corpus names');

SELECT is((SELECT count(*) FROM r WHERE expected = 'valid' AND key_bound AND issuer = payload->>'iss'
                                    AND subject = payload->>'sub'), 50::bigint,
          'valid lines: key bound, issuer and subject from the payload');

-- credreg.verify: key binding is checked when present, but there is no
-- challenge or domain to compare, so only those three faults pass
SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE (plain).valid <> (expected = 'valid' OR reason IN ('kb_missing', 'challenge_mismatch', 'domain_mismatch'))),
          NULL, 'credreg.verify: the same outcome for every fault its caller cannot express');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE NOT (plain).valid AND split_part((plain).errors[1], ':', 1) <> ALL (codes)), NULL,
          'credreg.verify: the same codes');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r WHERE fast <> (plain).valid), NULL,
          'is_valid agrees with verify on every line');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE expected = 'valid' AND credential_payload(credential) <> disclosed), NULL,
          'credential_payload of a valid line is its disclosed claims');

SELECT is((SELECT array_agg(id ORDER BY id) FROM r
            WHERE (verify(to_jsonb(credential), '2026-06-01T00:00:00Z')).valid <> (plain).valid), NULL,
          'verify(jsonb) of the SD-JWT string agrees with verify(text)');

SELECT * FROM finish();
ROLLBACK;

-- RFC 8037 (EdDSA) and RFC 7515 (ES256, RS256) JWS known answers
-- (test/vectors/jose/SOURCE.md): they verify over the received bytes, the
-- Ed25519 signature is reproduced byte for byte, and any change breaks them.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set ed `cat test/vectors/jose/rfc8037-A-ed25519.json`
\set es `cat test/vectors/jose/rfc7515-A3-es256.json`
\set rs `cat test/vectors/jose/rfc7515-A2-rs256.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(16);

CREATE TEMP TABLE v ON COMMIT DROP AS
SELECT 'EdDSA' AS alg, (:'ed')::jsonb->>'A.4_jws_compact' AS jws,
       ((:'ed')::jsonb->'A.2_public_key_jwk')::text::pubkey AS key
UNION ALL
SELECT 'ES256', (:'es')::jsonb->>'jws_compact', (((:'es')::jsonb->'jwk') - 'd')::text::pubkey
UNION ALL
SELECT 'RS256', (:'rs')::jsonb->>'jws_compact', ((:'rs')::jsonb->'jwk_public')::text::pubkey;

SELECT ok(verify_proof(jws, key), alg || ': the RFC JWS verifies with its public key') FROM v ORDER BY alg;

-- one byte of the signature changed (its first character, so the base64url stays canonical)
SELECT ok(NOT verify_proof(split_part(jws, '.', 1) || '.' || split_part(jws, '.', 2) || '.' ||
                           translate(left(split_part(jws, '.', 3), 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
                                     'BCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_A') ||
                           substr(split_part(jws, '.', 3), 2), key),
          alg || ': a changed signature does not verify') FROM v ORDER BY alg;

-- the payload changed (one character of its base64url)
SELECT ok(NOT verify_proof(split_part(jws, '.', 1) || '.' ||
                           overlay(split_part(jws, '.', 2) placing
                                   CASE WHEN substr(split_part(jws, '.', 2), 5, 1) = 'A' THEN 'B' ELSE 'A' END
                                   FROM 5 FOR 1) || '.' || split_part(jws, '.', 3), key),
          alg || ': a changed payload does not verify') FROM v ORDER BY alg;

-- the wrong key of the right type, and a key of another type
SELECT ok(NOT verify_proof((SELECT jws FROM v WHERE alg = 'EdDSA'),
                           'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::pubkey),
          'EdDSA: another Ed25519 key does not verify');
SELECT ok(NOT verify_proof((SELECT jws FROM v WHERE alg = 'EdDSA'), (SELECT key FROM v WHERE alg = 'ES256')),
          'EdDSA JWS with a P-256 key: refused');
SELECT ok(NOT verify_proof((SELECT jws FROM v WHERE alg = 'RS256'), (SELECT key FROM v WHERE alg = 'EdDSA')),
          'RS256 JWS with an Ed25519 key: refused');

-- RFC 8037 A.5: Ed25519 is deterministic, signing A.4's input reproduces the JWS
SELECT is(jws_sign('{"alg":"EdDSA"}', convert_to((:'ed')::jsonb->>'A.4_payload_utf8', 'UTF8'),
                   ((:'ed')::jsonb->'A.1_private_key_jwk')::text),
          (:'ed')::jsonb->>'A.4_jws_compact', 'RFC 8037 A.5: the EdDSA JWS is reproduced byte for byte');

-- ES256: a fresh signature differs each time (random k) and verifies
SELECT ok(verify_proof(jws_sign('{"alg":"ES256"}', convert_to((:'es')::jsonb->>'payload_utf8', 'UTF8'),
                                ((:'es')::jsonb->'jwk')::text), (SELECT key FROM v WHERE alg = 'ES256')),
          'ES256: a signature made with the RFC 7515 A.3 key verifies');
SELECT isnt(jws_sign('{"alg":"ES256"}', '\x00'::bytea, ((:'es')::jsonb->'jwk')::text),
            jws_sign('{"alg":"ES256"}', '\x00'::bytea, ((:'es')::jsonb->'jwk')::text),
            'ES256 signatures are randomized');

-- refused algorithms: the header decides before any key is tried
SELECT throws_ok($$SELECT credreg.jws_sign('{"alg":"HS256"}', '\x00'::bytea, '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}')$$,
                 '22023', 'JWS algorithm "HS256" is not accepted (accepted: EdDSA, ES256, ES384, RS256, PS256, ES256K)',
                 'jws_sign refuses HS256');

SELECT * FROM finish();
ROLLBACK;

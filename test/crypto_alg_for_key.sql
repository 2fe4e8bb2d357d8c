-- One key-type -> signature-algorithm mapping (crsig_alg_for_key_type, src/crypto/sig.c)
-- for credreg.sign's vc+jwt, JWS and Data Integrity paths and for
-- credreg.pubkey_algorithm (issue 10 item 1).
-- The copies differed on RSA: credreg.sign refused an RSA key for vc+jwt
-- although the verifier accepts RS256.  RFC 7518 section 3.1 makes RS256 the
-- "Recommended" RSA algorithm (PS256 "Optional"): an RSA key signs RS256.
-- Data Integrity has no RSA suite: eddsa/ecdsa suites refuse the key.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set rsa `cat test/vectors/jose/rsa2048-generated.pem`
\set p384 `cat test/vectors/jose/p384-generated.pem`
\set k256 `cat test/vectors/jose/secp256k1-generated.pem`

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(13);

CREATE TEMP TABLE keys ON COMMIT DROP AS
SELECT * FROM (VALUES
  ('Ed25519', 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
  ('P-256', '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}'),
  ('P-384', :'p384'),
  ('RSA', :'rsa'),
  ('secp256k1', :'k256')) AS v(kty, priv);
-- each key registered for its own issuer, so that the verifier resolves its kid
INSERT INTO trusted_issuer (issuer) SELECT 'https://alg-test.example/' || kty FROM keys;
INSERT INTO issuer_key (key_id, issuer, public_key)
SELECT 'https://alg-test.example/' || kty || '#key', 'https://alg-test.example/' || kty, pubkey_from_private(priv)
  FROM keys;
CREATE TEMP TABLE signed ON COMMIT DROP AS
SELECT kty, sign(jsonb_build_object(
         '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
         'type', jsonb_build_array('VerifiableCredential'),
         'issuer', 'https://alg-test.example/' || kty, 'validFrom', '2025-01-01T00:00:00Z',
         'credentialSubject', jsonb_build_object('id', 'did:example:learner')),
       priv, 'vc+jwt', 'https://alg-test.example/' || kty || '#key') AS jwt
  FROM keys;

SELECT is((SELECT convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'
             FROM signed WHERE kty = 'Ed25519'), 'EdDSA', 'an Ed25519 key signs vc+jwt with EdDSA');
SELECT is((SELECT convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'
             FROM signed WHERE kty = 'P-256'), 'ES256', 'a P-256 key signs with ES256');
SELECT is((SELECT convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'
             FROM signed WHERE kty = 'P-384'), 'ES384', 'a P-384 key signs with ES384');
SELECT is((SELECT convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'
             FROM signed WHERE kty = 'RSA'), 'RS256', 'an RSA key signs with RS256 (RFC 7518 section 3.1)');
SELECT is((SELECT convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'
             FROM signed WHERE kty = 'secp256k1'), 'ES256K', 'a secp256k1 key signs with ES256K (RFC 8812 section 3.2)');
SELECT is((SELECT array_agg(kty ORDER BY kty) FROM signed, LATERAL verify(jwt, '2026-06-01') v WHERE v.valid),
          '{Ed25519,P-256,P-384,RSA,secp256k1}'::text[], 'every signed vc+jwt verifies');
SELECT is((SELECT (verify(jws_sign('{"alg":"PS256","typ":"vc+jwt","kid":"https://alg-test.example/RSA#key"}',
                                   convert_to((SELECT convert_from(base64url_decode(split_part(jwt, '.', 2)), 'UTF8')
                                                 FROM signed WHERE kty = 'RSA'), 'UTF8'),
                                   :'rsa'), '2026-06-01')).valid),
          true, 'an explicit PS256 header is honoured for the same key');
SELECT is((SELECT array_agg(kty ORDER BY kty) FROM signed
            WHERE pubkey_algorithm(pubkey_from_private((SELECT priv FROM keys k WHERE k.kty = signed.kty)))
                  = convert_from(base64url_decode(split_part(jwt, '.', 1)), 'UTF8')::jsonb ->> 'alg'),
          '{Ed25519,P-256,P-384,RSA,secp256k1}'::text[], 'pubkey_algorithm names the algorithm sign chose, for every key type');
-- secp256k1 in each public form: JWK crv "secp256k1" (RFC 8812 section 3.1), Multikey 0xe7 0x01 (did:key zQ3s...)
SELECT is((SELECT array_agg(DISTINCT pubkey_multikey(f::pubkey)) FROM keys k,
                  LATERAL (VALUES (pubkey_jwk(pubkey_from_private(k.priv))::text), (pubkey_did(pubkey_from_private(k.priv))),
                                  (pubkey_multikey(pubkey_from_private(k.priv)))) AS v(f)
            WHERE k.kty = 'secp256k1'),
          (SELECT ARRAY[pubkey_multikey(pubkey_from_private(priv))] FROM keys WHERE kty = 'secp256k1'),
          'a secp256k1 key reads back the same from its JWK, did:key and Multikey');
SELECT ok((SELECT pubkey_multikey(pubkey_from_private(priv)) LIKE 'zQ3s%' AND pubkey_type(pubkey_from_private(priv)) = 'secp256k1'
             FROM keys WHERE kty = 'secp256k1'), 'secp256k1 Multikeys start zQ3s, type secp256k1');
SELECT throws_ok(format('SELECT credreg.sign(%L::jsonb, %L, %L, %L)',
                        '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "https://alg-test.example/RSA", "credentialSubject": {"id": "did:example:learner"}}',
                        :'rsa', 'eddsa-jcs-2022', 'https://alg-test.example/RSA#key'),
                 '22023', NULL, 'a Data Integrity suite refuses an RSA key');
SELECT throws_ok(format('SELECT credreg.sign(%L::jsonb, %L, %L, %L)',
                        '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "https://alg-test.example/RSA", "credentialSubject": {"id": "did:example:learner"}}',
                        :'rsa', 'ecdsa-jcs-2019', 'https://alg-test.example/RSA#key'),
                 '22023', NULL, 'and so does an ECDSA suite');
SELECT isnt((SELECT sign(jsonb_build_object(
         '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
         'type', jsonb_build_array('VerifiableCredential'), 'issuer', 'https://alg-test.example/P-384',
         'credentialSubject', jsonb_build_object('id', 'did:example:learner')),
       priv, 'ecdsa-jcs-2019', 'https://alg-test.example/P-384#key') FROM keys WHERE kty = 'P-384'), NULL,
       'a P-384 key signs ecdsa-jcs-2019 (ES384 through the same mapping)');

SELECT * FROM finish();
ROLLBACK;

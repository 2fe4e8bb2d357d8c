-- ecdsa-sd-2023 (vc-di-ecdsa §3.4 to §3.6): the W3C derived proofs verify
-- under the issuer's key (test/vectors/vc-di-ecdsa/SOURCE.md), and every
-- change a holder or an attacker could make to a derived document fails:
-- an edited or dropped statement, an added one, a relabelled blank node, a
-- flipped signature byte, another key; base proofs and malformed proof
-- values give a result with a code, never an internal error.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set employ `cat test/vectors/vc-di-ecdsa/ecdsa-sd-2023/employ/derivedRevealDocument.json`
\set prc `cat test/vectors/vc-di-ecdsa/ecdsa-sd-2023/prc/derivedRevealDocument.json`
\set employ_base `cat test/vectors/vc-di-ecdsa/ecdsa-sd-2023/employ/addSignedSDBase.json`
\set prc_base `cat test/vectors/vc-di-ecdsa/ecdsa-sd-2023/prc/addSignedSDBase.json`
\set keys `cat test/vectors/vc-di-ecdsa/ecdsa-sd-2023/SDKeyMaterial.json`
\set sample `cat test/vectors/openbadges-1edtech/validator-samples/ob30/sd/derivedcredential.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(22);

CREATE TEMP TABLE v ON COMMIT DROP AS
SELECT (:'keys'::jsonb #>> '{baseKeyPair,publicKeyMultibase}')::pubkey AS base_key,
       (:'keys'::jsonb #>> '{proofKeyPair,publicKeyMultibase}')::pubkey AS proof_key,
       :'employ'::jsonb AS employ, :'prc'::jsonb AS prc, :'employ_base'::jsonb AS employ_base, :'prc_base'::jsonb AS prc_base;

SELECT ok((SELECT verify_proof(employ, base_key) FROM v),
          'W3C employ derived proof verifies under the base key');
SELECT ok((SELECT verify_proof(prc, base_key) FROM v),
          'W3C prc derived proof verifies under the base key');
SELECT ok((SELECT verify_proof(employ::text, base_key) FROM v),
          'the same from text');

-- what credreg.verify adds: the proof verified, the issuer (another did:key) is not its controller
SELECT is((SELECT (verify(employ, '2024-01-01')).format FROM v), 'ecdsa-sd-2023', 'format is the cryptosuite');
SELECT is((SELECT split_part((verify(employ, '2024-01-01')).errors[1], ':', 1) FROM v), 'issuer_mismatch',
          'verify: the proof verifies, then the key is found not to be the issuer''s');

SELECT ok(NOT (SELECT verify_proof(employ, proof_key) FROM v), 'not under the ephemeral proof key');
SELECT ok(NOT (SELECT verify_proof(employ, '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'::pubkey) FROM v),
          'not under another P-256 key');

-- a disclosed (non-mandatory) statement edited
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ, '{credentialSubject,birthCountry}', '"Canada"'), base_key) FROM v),
          'an edited disclosed claim fails');
-- a mandatory statement edited
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ, '{validUntil}', '"2039-12-03T00:00:00Z"'), base_key) FROM v),
          'an edited mandatory claim fails');
-- a statement dropped, one added
SELECT ok(NOT (SELECT verify_proof(employ #- '{credentialSubject,birthCountry}', base_key) FROM v),
          'a dropped disclosed claim fails');
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ, '{credentialSubject,givenName}', '"JOHN"'), base_key) FROM v),
          'an added claim fails');

-- the proof value: a flipped byte, a truncation, not CBOR, a base proof
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ, '{proof,proofValue}',
                   to_jsonb(overlay(employ #>> '{proof,proofValue}' placing
                       CASE substr(employ #>> '{proof,proofValue}', 200, 1) WHEN 'A' THEN 'B' ELSE 'A' END
                       from 200 for 1))), base_key) FROM v),
          'a flipped byte in a statement signature fails');
SELECT is((SELECT split_part((verify(jsonb_set(employ, '{proof,proofValue}',
                   to_jsonb(left(employ #>> '{proof,proofValue}', 150))), '2024-01-01')).errors[1], ':', 1) FROM v),
          'malformed', 'a truncated proof value is malformed');
SELECT is((SELECT split_part((verify(jsonb_set(employ, '{proof,proofValue}', '"u2V0BgA"'), '2024-01-01')).errors[1], ':', 1) FROM v),
          'malformed', 'a derived proof value that is not a 5-array is malformed');
SELECT is((SELECT split_part((verify(jsonb_set(employ, '{proof,proofValue}', '"zabc"'), '2024-01-01')).errors[1], ':', 1) FROM v),
          'malformed', 'a base58 proof value is malformed');

-- base proofs: what the holder receives, checked by redoing the issuer's grouping
SELECT ok((SELECT verify_proof(employ_base, base_key) FROM v), 'W3C employ base proof verifies (HMAC labels, mandatory pointers)');
SELECT ok((SELECT verify_proof(prc_base, base_key) FROM v), 'W3C prc base proof verifies');
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ_base, '{credentialSubject,givenName}', '"JANE"'), base_key) FROM v),
          'base proof: an edited selectively disclosable claim fails');
SELECT ok(NOT (SELECT verify_proof(jsonb_set(employ_base, '{issuer,id}', '"did:example:other"'), base_key) FROM v),
          'base proof: an edited mandatory claim fails');
SELECT is((SELECT split_part((verify(employ_base #- '{issuer}', '2024-01-01')).errors[1], ':', 1) FROM v),
          'malformed', 'base proof: without the issuer the credential is malformed');

-- 1EdTech's ecdsa-sd-2023 sample (upstream: valid), its key in the verification method's fragment
SELECT ok(verify_proof(:'sample'::jsonb, 'zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9'),
          '1EdTech ob30/sd/derivedcredential.json: the derived proof verifies');
INSERT INTO trusted_issuer (issuer, name) VALUES ('https://1edtech.edu/issuers/565049', 'Example Corp');
INSERT INTO issuer_key (key_id, issuer, public_key)
VALUES ('https://1edtech.edu/issuers/565049#zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9',
        'https://1edtech.edu/issuers/565049', 'zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9');
SELECT is((verify(:'sample'::jsonb, '2026-06-01')).errors, '{}'::text[],
          '1EdTech sample: valid once its issuer and key are registered, as upstream');

SELECT * FROM finish();
ROLLBACK;

-- Blockcerts (README, "Blockcerts v3: MerkleProof2019"): the 20 fixtures of
-- test/vectors/blockcerts (cert-verifier-js, MIT) as of 2026-06-01, each with
-- the outcome its file name (or, for certificate.json, a v2 certificate,
-- cert-verifier-js's use of it) says, once the registry has stored what
-- cert-verifier-js's tests serve for the URLs they name.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set cert_rl_status_list_2021_revoked `cat test/vectors/blockcerts/cert-rl-status-list-2021-revoked.json`
\set cert_rl_status_list_2021_suspended `cat test/vectors/blockcerts/cert-rl-status-list-2021-suspended.json`
\set cert_rl_status_list_2021 `cat test/vectors/blockcerts/cert-rl-status-list-2021.json`
\set certificate `cat test/vectors/blockcerts/certificate.json`
\set mocknet_v3_valid `cat test/vectors/blockcerts/mocknet-v3-valid.json`
\set mocknet_vc_v2_credential_schema_invalid `cat test/vectors/blockcerts/mocknet-vc-v2-credential-schema-invalid.json`
\set mocknet_vc_v2_credential_schema `cat test/vectors/blockcerts/mocknet-vc-v2-credential-schema.json`
\set mocknet_vc_v2_credential_subject_array `cat test/vectors/blockcerts/mocknet-vc-v2-credential-subject-array.json`
\set mocknet_vc_v2_data_integrity_proof_multiple_signatures_non_chained `cat test/vectors/blockcerts/mocknet-vc-v2-data-integrity-proof-multiple-signatures-non-chained.json`
\set mocknet_vc_v2_data_integrity_proof_multiple_signatures `cat test/vectors/blockcerts/mocknet-vc-v2-data-integrity-proof-multiple-signatures.json`
\set mocknet_vc_v2_data_integrity_proof `cat test/vectors/blockcerts/mocknet-vc-v2-data-integrity-proof.json`
\set mocknet_vc_v2_invalid_date_format `cat test/vectors/blockcerts/mocknet-vc-v2-invalid-date-format.json`
\set mocknet_vc_v2_name_description_multilingual `cat test/vectors/blockcerts/mocknet-vc-v2-name-description-multilingual.json`
\set mocknet_vc_v2_name_description `cat test/vectors/blockcerts/mocknet-vc-v2-name-description.json`
\set mocknet_vc_v2_validFrom_not_yet_valid `cat test/vectors/blockcerts/mocknet-vc-v2-validFrom-not-yet-valid.json`
\set mocknet_vc_v2_validFrom_valid `cat test/vectors/blockcerts/mocknet-vc-v2-validFrom-valid.json`
\set mocknet_vc_v2_validUntil_expired `cat test/vectors/blockcerts/mocknet-vc-v2-validUntil-expired.json`
\set mocknet_verifiable_presentation_failing_credential `cat test/vectors/blockcerts/mocknet-verifiable-presentation-failing-credential.json`
\set mocknet_verifiable_presentation_tampered `cat test/vectors/blockcerts/mocknet-verifiable-presentation-tampered.json`
\set mocknet_verifiable_presentation `cat test/vectors/blockcerts/mocknet-verifiable-presentation.json`
-- what cert-verifier-js's tests serve for the URLs the fixtures name (the registry stores them)
\set status_list `cat test/vectors/blockcerts/blockcerts-status-list-2021.json`
\set status_list_suspension `cat test/vectors/blockcerts/blockcerts-status-list-2021-suspension.json`
\set secp256k1_context `cat test/vectors/blockcerts/context-secp256k1-2019-v1.json`
\set hyland_profile `cat test/vectors/blockcerts/hyland-issuer-profile-secp256k1.json`
\set id_card_schema `cat test/vectors/blockcerts/credential-schema-example-id-card.json`
\set blockcerts_v2_context `cat test/vectors/blockcerts/context-blockcerts-v2.json`
\set openbadges_v2_context `cat test/vectors/blockcerts/context-openbadges-v2.json`
\set v2_profile `cat test/vectors/blockcerts/v2-issuer-profile-5a4fe9931f607f0f3452a65e.json`
\set v2_revocation_list `cat test/vectors/blockcerts/v2-revocation-list.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(58);

-- what the registry records before verifying (credreg never fetches): the
-- EcdsaSecp256k1Signature2019 context, the issuer profile holding the
-- secp256k1 key of mocknet-v3-valid, the btc:testnet anchor of the
-- status-list fixtures, and their status lists (which name no statusPurpose:
-- the registry gives it), each verified on insert
INSERT INTO context (url, document) VALUES ('https://ns.did.ai/suites/secp256k1-2019/v1', :'secp256k1_context'),
 ('https://w3id.org/blockcerts/v2', :'blockcerts_v2_context'), ('https://w3id.org/openbadges/v2', :'openbadges_v2_context');
-- certificate.json (Blockcerts v2): its bitcoinMainnet anchor, its issuer's profile and revocation list
INSERT INTO hosted_document (url, document) VALUES
 ('https://blockcerts.learningmachine.com/issuer/5a4fe9931f607f0f3452a65e.json', :'v2_profile'),
 ('https://blockcerts.learningmachine.com/issuer/5a4fe9931f607f0f3452a65e/revocation.json', :'v2_revocation_list');
INSERT INTO did_document (did, document)
VALUES ('https://issuer.dev.hylandcredentials.com/93d02af5-8683-452a-a79c-959deae72495/issuer_profile.json', :'hyland_profile');
INSERT INTO blockchain_anchor (chain, transaction_id, merkle_root, anchored_at) VALUES
 ('btc:testnet', '188bd8713c62c0f1f1f8abf48291c33b5503dcd5b9e0ab18c0f969bb790b571a',
  '1C10497BDBC9E1812ADA342C1E2A1C4D60C2F263F195116A804A98E6E8288B6C', '2023-03-30T13:13:13Z'),
 ('btc:mainnet', 'f4d2c2e2340bdf4b6bf0661a9c5f36e11e730e8918f8503086088c8cbd8696f0',
  'b7829df5bc8acbee68c9140c297b50deec81a8828913aad795348d25dac5ecbd', NULL);
INSERT INTO credential_schema (url, schema)
VALUES ('https://www.blockcerts.org/samples/3.0/example-id-card-schema.json', :'id_card_schema');
INSERT INTO status_list (url, credential, purpose) VALUES
 ('https://www.blockcerts.org/samples/3.0/status-list-2021.json', :'status_list', '{revocation}'),
 ('https://www.blockcerts.org/samples/3.0/status-list-2021-suspension.json', :'status_list_suspension', '{suspension}');

CREATE TEMP TABLE bc (file text, doc text, want_valid boolean, want_code text, why text) ON COMMIT DROP;
INSERT INTO bc VALUES
 ('mocknet-vc-v2-validFrom-valid', :'mocknet_vc_v2_validFrom_valid', true, NULL, 'valid'),
 ('mocknet-vc-v2-data-integrity-proof', :'mocknet_vc_v2_data_integrity_proof', true, NULL, 'valid (DataIntegrityProof, merkle-proof-2019)'),
 ('mocknet-vc-v2-data-integrity-proof-multiple-signatures', :'mocknet_vc_v2_data_integrity_proof_multiple_signatures', true, NULL, 'valid: a chain of two proofs'),
 ('mocknet-vc-v2-data-integrity-proof-multiple-signatures-non-chained', :'mocknet_vc_v2_data_integrity_proof_multiple_signatures_non_chained', true, NULL, 'valid: a set of two proofs'),
 ('mocknet-vc-v2-credential-subject-array', :'mocknet_vc_v2_credential_subject_array', true, NULL, 'valid'),
 ('mocknet-vc-v2-name-description', :'mocknet_vc_v2_name_description', true, NULL, 'valid'),
 ('mocknet-vc-v2-name-description-multilingual', :'mocknet_vc_v2_name_description_multilingual', true, NULL, 'valid'),
 ('mocknet-vc-v2-credential-schema', :'mocknet_vc_v2_credential_schema', true, NULL, 'valid'),
 ('mocknet-vc-v2-validFrom-not-yet-valid', :'mocknet_vc_v2_validFrom_not_yet_valid', false, 'not_yet_valid', 'not yet valid'),
 ('mocknet-vc-v2-validUntil-expired', :'mocknet_vc_v2_validUntil_expired', false, 'expired', 'expired'),
 ('mocknet-vc-v2-invalid-date-format', :'mocknet_vc_v2_invalid_date_format', false, 'malformed', 'invalid: created without a time zone in a VCDM 2.0 credential'),
 ('cert-rl-status-list-2021', :'cert_rl_status_list_2021', true, NULL, 'valid: anchored on btc:testnet, active in its status list'),
 ('cert-rl-status-list-2021-revoked', :'cert_rl_status_list_2021_revoked', false, 'revoked', 'revoked in its status list'),
 ('cert-rl-status-list-2021-suspended', :'cert_rl_status_list_2021_suspended', false, 'suspended', 'suspended in its suspension list'),
 ('mocknet-v3-valid', :'mocknet_v3_valid', true, NULL, 'valid: EcdsaSecp256k1Signature2019 by the issuer profile''s key, anchored by a ChainedProof2021 (MerkleProof2019)'),
 -- presentations: the presentation's own proof, then each credential it carries
 ('mocknet-verifiable-presentation', :'mocknet_verifiable_presentation', true, NULL, 'valid presentation of two valid credentials'),
 ('mocknet-verifiable-presentation-tampered', :'mocknet_verifiable_presentation_tampered', false, 'signature_invalid', 'invalid: the holder was changed'),
 ('mocknet-vc-v2-credential-schema-invalid', :'mocknet_vc_v2_credential_schema_invalid', false, 'schema_invalid', 'invalid: its subject lacks the name its JSON Schema requires'),
 ('mocknet-verifiable-presentation-failing-credential', :'mocknet_verifiable_presentation_failing_credential', false, 'schema_invalid', 'invalid: it carries credential-schema-invalid'),
 ('certificate', :'certificate', true, NULL, 'valid: a Blockcerts v2 certificate (MerkleProof2017), anchored on btc:mainnet, not in its issuer''s revocation list');
INSERT INTO trusted_issuer (issuer, name)
SELECT DISTINCT coalesce(doc::jsonb->'issuer'->>'id', doc::jsonb->>'issuer', doc::jsonb#>>'{badge,issuer,id}'), 'Blockcerts sample issuer' FROM bc
 WHERE coalesce(doc::jsonb->'issuer'->>'id', doc::jsonb->>'issuer', doc::jsonb#>>'{badge,issuer,id}') IS NOT NULL;

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT bc.*, v.valid, split_part(v.errors[1], ':', 1) AS code, v.errors, v.checks, v.format
  FROM bc, LATERAL verify(doc, '2026-06-01T00:00:00Z') v;
SELECT is(row(valid, nullif(code, '')), row(want_valid, want_code),
          file || ': ' || why || ' -> ' || coalesce(array_to_string(errors, '; '), ''))
  FROM r ORDER BY file;
SELECT ok(array_to_string(errors, '; ') LIKE '%verifiableCredential[0]: signature_invalid: the credential''s hash % is not the proof''s targetHash %',
          'a presentation names the credential that fails: ' || array_to_string(errors, '; '))
  FROM (SELECT (verify(jsonb_set(doc::jsonb, '{verifiableCredential,0,credentialSubject,name}', '"X"'), '2026-06-01T00:00:00Z')).errors
          FROM bc WHERE file = 'mocknet-verifiable-presentation') x;
SELECT ok(bool_and('mocknet_anchor: a test credential, not anchored on a blockchain' = ANY (checks)),
          'mocknet proofs verify without an anchor, and say so in checks') FROM r WHERE file LIKE 'mocknet-vc-v2-%' AND valid;
SELECT is(array_agg(DISTINCT format ORDER BY format), '{ChainedProof2021,MerkleProof2017,MerkleProof2019,merkle-proof-2019}', 'format: the proof type, or the cryptosuite')
  FROM r WHERE valid;

SELECT is(array_agg(file ORDER BY file) FILTER (WHERE is_valid(doc, '2026-06-01T00:00:00Z')),
          array_agg(file ORDER BY file) FILTER (WHERE want_valid), 'is_valid (stopping at the first failure) agrees')
  FROM bc;

-- secp256k1 (EcdsaSecp256k1Signature2019, ChainedProof2021)
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{credentialSubject,name}', '"Someone Else"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'mocknet-v3-valid with a tampered subject: the secp256k1 signature fails') FROM bc WHERE file = 'mocknet-v3-valid';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,0,verificationMethod}',
                                       '"https://issuer.dev.hylandcredentials.com/93d02af5-8683-452a-a79c-959deae72495/issuer_profile.json#other"'),
                             '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'key_unresolved', 'a method the issuer profile does not hold: key_unresolved') FROM bc WHERE file = 'mocknet-v3-valid';
SELECT throws_ok(format('INSERT INTO credreg.status_list (url, credential, purpose) VALUES (%L, %L, %L)',
                        'https://www.blockcerts.org/samples/3.0/x.json',
                        jsonb_set(:'status_list'::jsonb, '{validFrom}', '"2023-04-17T14:22:25.869Z"'),
                        '{revocation}'),
                 NULL, NULL, 'a status list whose secp256k1 signature does not cover it is refused');
SELECT is((SELECT list_type FROM status_list WHERE url = 'https://www.blockcerts.org/samples/3.0/status-list-2021.json'),
          'StatusList2021Credential', 'an un-prefixed "H4sI" encodedList is recorded as the StatusList2021 list it is');
SELECT is((verify(doc::jsonb - 'credentialStatus', '2026-06-01T00:00:00Z')).valid, false,
          'removing the status entry breaks the hash') FROM bc WHERE file = 'cert-rl-status-list-2021';
UPDATE blockchain_anchor SET merkle_root = repeat('ab', 32) WHERE chain = 'btc:testnet';
SELECT is(split_part((verify(doc, '2026-06-01T00:00:00Z')).errors[1], ':', 1), 'anchor_mismatch',
          'a transaction anchoring another root: anchor_mismatch') FROM bc WHERE file = 'cert-rl-status-list-2021';
DELETE FROM blockchain_anchor WHERE chain = 'btc:testnet';
SELECT is(split_part((verify(doc, '2026-06-01T00:00:00Z')).errors[1], ':', 1), 'anchor_unknown',
          'a transaction credreg.blockchain_anchor does not hold: anchor_unknown') FROM bc WHERE file = 'cert-rl-status-list-2021';
SELECT throws_ok($$INSERT INTO credreg.blockchain_anchor VALUES ('btc:mainnet', 'x', 'not-hex')$$, '23514', NULL,
                 'merkle_root is 64 hex digits');

-- tampered variants
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{credentialSubject,name}', '"Someone Else"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'a tampered subject: its hash is not targetHash') FROM bc WHERE file = 'mocknet-vc-v2-validFrom-valid';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{validUntil}', '"2099-07-13T00:00:00.000Z"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'a tampered validUntil') FROM bc WHERE file = 'mocknet-vc-v2-validFrom-valid';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,1}', (doc::jsonb->'proof'->0)), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'a chain whose second proof is replaced by the first') FROM bc WHERE file = 'mocknet-vc-v2-data-integrity-proof-multiple-signatures';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,proofPurpose}', '"authentication"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'proof_purpose', 'proofPurpose other than assertionMethod') FROM bc WHERE file = 'mocknet-vc-v2-validFrom-valid';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,verificationMethod}', '"https://evil.example/issuer.json#key-1"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'issuer_mismatch', 'a verification method outside the issuer''s profile') FROM bc WHERE file = 'mocknet-vc-v2-validFrom-valid';
-- malformed proof values: valid = false with a code, never an error
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,proofValue}', to_jsonb(pv)), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'malformed', 'proofValue ' || what || ': malformed')
  FROM bc, (VALUES ('not multibase', 'u1234'), ('not base58', 'z0OIl'), ('empty CBOR', 'z'), ('a CBOR integer', 'z2'),
                   ('truncated CBOR', 'z' || left(((SELECT doc FROM bc WHERE file = 'mocknet-vc-v2-validFrom-valid')::jsonb->'proof'->>'proofValue'), 40)))
       AS m(what, pv)
 WHERE file = 'mocknet-vc-v2-validFrom-valid' ORDER BY what;

-- malformed EcdsaSecp256k1Signature2019 jws and MerkleProof2017 signatures: valid = false with a code
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{proof,0,jws}', to_jsonb(jws)), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          code, 'jws ' || what || ': ' || code)
  FROM bc, (VALUES ('not detached', 'eyJhbGciOiJFUzI1NksiLCJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdfQ.e30.AAAA', 'malformed'),
                   ('without dots', 'AAAA', 'malformed'),
                   ('ES256 header', 'eyJhbGciOiJFUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..AAAA', 'algorithm_refused'),
                   ('b64 not false', 'eyJhbGciOiJFUzI1NksifQ..AAAA', 'malformed'),
                   ('short signature', 'eyJhbGciOiJFUzI1NksiLCJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdfQ..AAAA', 'signature_invalid'))
       AS m(what, jws, code)
 WHERE file = 'mocknet-v3-valid' ORDER BY what;
SELECT is(split_part((verify(jsonb_set(doc::jsonb, path, val), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'malformed', 'MerkleProof2017 ' || what || ': malformed')
  FROM bc, (VALUES ('targetHash not hex', '{signature,targetHash}'::text[], '"zz"'::jsonb),
                   ('a step both left and right', '{signature,proof}', '[{"left": "b7829df5bc8acbee68c9140c297b50deec81a8828913aad795348d25dac5ecbd", "right": "b7829df5bc8acbee68c9140c297b50deec81a8828913aad795348d25dac5ecbd"}]'),
                   ('no anchors', '{signature,anchors}', '[]'),
                   ('an anchor without sourceId', '{signature,anchors}', '[{"type": "BTCOpReturn"}]'),
                   ('proof not a list', '{signature,proof}', '{}'))
       AS m(what, path, val)
 WHERE file = 'certificate' ORDER BY what;

-- Blockcerts v2: tampered, revoked, unanchored
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{recipientProfile,name}', '"Someone Else"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'a v2 certificate with another recipient: its hash is not targetHash') FROM bc WHERE file = 'certificate';
UPDATE hosted_document SET document = jsonb_set(document, '{revokedAssertions,0,id}', to_jsonb((SELECT doc::jsonb->>'id' FROM bc WHERE file = 'certificate')))
 WHERE url LIKE '%/revocation.json';
SELECT is((SELECT row(v.valid, v.status, split_part(v.errors[1], ':', 1)) FROM bc, LATERAL verify(doc, '2026-06-01T00:00:00Z') v WHERE file = 'certificate'),
          row(false, 'revoked'::text, 'revoked'::text), 'listed in the issuer''s revocation list: revoked');
DELETE FROM hosted_document;
SELECT ok((SELECT v.valid AND 'status_not_checked: the issuer profile https://blockcerts.learningmachine.com/issuer/5a4fe9931f607f0f3452a65e.json is not stored in credreg.hosted_document' = ANY (v.checks)
             FROM bc, LATERAL verify(doc, '2026-06-01T00:00:00Z') v WHERE file = 'certificate'),
          'no issuer profile stored: valid, and checks say revocation was not checked');
DELETE FROM blockchain_anchor WHERE chain = 'btc:mainnet';
SELECT is(split_part((verify(doc, '2026-06-01T00:00:00Z')).errors[1], ':', 1), 'anchor_unknown',
          'a v2 certificate whose anchor is not recorded: anchor_unknown') FROM bc WHERE file = 'certificate';

-- credentialSchema: the stored schema decides; one that cannot be applied
-- fails; without one, the proof still verifies and checks say so
UPDATE credential_schema SET schema = '{"$ref": "https://elsewhere.example/schema.json"}';
SELECT is(split_part((verify(doc, '2026-06-01T00:00:00Z')).errors[1], ':', 1), 'schema_unusable',
          'a stored schema referring outside itself: schema_unusable') FROM bc WHERE file = 'mocknet-vc-v2-credential-schema';
DELETE FROM credential_schema;
SELECT ok(v.valid AND 'schema_unavailable: https://www.blockcerts.org/samples/3.0/example-id-card-schema.json is not stored in credreg.credential_schema' = ANY (v.checks),
          'no schema stored: valid, and checks say the schema was not applied')
  FROM bc, LATERAL verify(doc, '2026-06-01T00:00:00Z') v WHERE file = 'mocknet-vc-v2-credential-schema-invalid';

SELECT * FROM finish();
ROLLBACK;

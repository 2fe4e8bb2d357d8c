-- Proof sets and previousProof chains (vc-data-integrity §4.5), built step by
-- step from proof_hash_data and credreg.sign_signature: a proof that chains to
-- another is computed over the document carrying that proof, so changing or
-- dropping the earlier proof breaks the later one.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(9);

-- two W3C vc-di-eddsa test keys (proof-set-chain/multiKeyPairs.json)
CREATE TEMP TABLE k ON COMMIT DROP AS
SELECT * FROM (VALUES
  ('a', 'z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7', 'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'),
  ('b', 'z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E', 'z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn')) AS x(name, pub, priv);
INSERT INTO trusted_issuer (issuer, name) SELECT 'did:key:' || pub, 'chain test ' || name FROM k WHERE name = 'a';

-- proof options of a key (a placeholder proofValue, which hashing leaves out)
CREATE FUNCTION pg_temp.opts(who text, id text, prev jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'type', 'DataIntegrityProof', 'cryptosuite', 'eddsa-jcs-2022', 'id', id,
    'created', '2025-01-01T00:00:00Z',
    'verificationMethod', 'did:key:' || pub || '#' || pub, 'proofPurpose', 'assertionMethod',
    'previousProof', prev, 'proofValue', 'z1'))
  FROM k WHERE name = who $$;
-- signs proof number i of doc with who's key
CREATE FUNCTION pg_temp.sign_at(doc jsonb, i int, who text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_set(doc, ARRAY['proof', i::text, 'proofValue'],
                   to_jsonb('z' || base58btc_encode(sign_signature(k.priv, 'EdDSA', h.hash_data))))
    FROM k, proof_hash_data(doc::text, i) h WHERE k.name = who $$;

CREATE TEMP TABLE d ON COMMIT DROP AS
SELECT jsonb_build_object(
  '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
  'type', jsonb_build_array('VerifiableCredential'),
  'issuer', (SELECT 'did:key:' || pub FROM k WHERE name = 'a'),
  'credentialSubject', jsonb_build_object('id', 'did:example:1')) AS doc;

-- a: the issuer's proof; b: a notary's proof chained to it
CREATE TEMP TABLE chain ON COMMIT DROP AS
SELECT pg_temp.sign_at(
         jsonb_set(s1, '{proof,1}', pg_temp.opts('b', NULL, '"urn:uuid:proof-a"'), true), 1, 'b') AS doc
  FROM (SELECT pg_temp.sign_at(doc || jsonb_build_object('proof',
                 jsonb_build_array(pg_temp.opts('a', 'urn:uuid:proof-a', NULL))), 0, 'a') AS s1 FROM d) s;

SELECT is(jsonb_array_length((SELECT doc FROM chain)->'proof'), 2, 'a chain of two proofs');
SELECT is((SELECT valid FROM verify((SELECT doc FROM chain), '2026-06-01')), true, 'the chain verifies');
-- the chained proof signs a document carrying proof a: its hash differs from a set's
SELECT isnt((SELECT encode(document_hash, 'hex') FROM proof_hash_data((SELECT doc::text FROM chain), 1)),
            (SELECT encode(document_hash, 'hex') FROM proof_hash_data((SELECT doc::text FROM chain), 0)),
            'the chained proof covers the earlier proof');
SELECT ok(strpos((SELECT canonical_document FROM proof_hash_data((SELECT doc::text FROM chain), 1)), 'urn:uuid:proof-a') > 0,
          'the chained proof''s canonical document holds proof a');

-- changing proof a breaks both; dropping it leaves a dangling previousProof
SELECT is((SELECT array_agg(split_part(e, ':', 1)) FROM verify(
             jsonb_set((SELECT doc FROM chain), '{proof,0,created}', '"2025-01-02T00:00:00Z"'), '2026-06-01'),
             unnest(errors) e),
          '{signature_invalid,signature_invalid}'::text[], 'a changed earlier proof fails both proofs');
SELECT is((SELECT split_part(errors[1], ':', 1) FROM verify(
             jsonb_set((SELECT doc FROM chain), '{proof}', (SELECT jsonb_build_array(doc->'proof'->1) FROM chain)), '2026-06-01')),
          'malformed', 'a previousProof naming no proof is malformed');
-- the same two proofs as a set (no previousProof): b's signature no longer matches
SELECT is((SELECT split_part(errors[1], ':', 1) FROM verify(
             (SELECT doc #- '{proof,1,previousProof}' FROM chain), '2026-06-01')),
          'signature_invalid', 'removing previousProof breaks the chained proof');

-- a plain proof set made by credreg.sign: both proofs verify independently
SELECT is((SELECT valid FROM verify(
             (SELECT sign(sign(doc, (SELECT priv FROM k WHERE name = 'a'), 'eddsa-jcs-2022',
                               (SELECT 'did:key:' || pub || '#' || pub FROM k WHERE name = 'a'))::jsonb,
                          (SELECT priv FROM k WHERE name = 'b'), 'eddsa-jcs-2022',
                          (SELECT 'did:key:' || pub || '#' || pub FROM k WHERE name = 'b')) FROM d), '2026-06-01')),
          true, 'a proof set of the issuer and a notary verifies');
-- a set whose only proof is the notary's: the issuer did not sign
SELECT is((SELECT split_part(errors[1], ':', 1) FROM verify(
             (SELECT sign(doc, (SELECT priv FROM k WHERE name = 'b'), 'eddsa-jcs-2022',
                          (SELECT 'did:key:' || pub || '#' || pub FROM k WHERE name = 'b')) FROM d), '2026-06-01')),
          'issuer_mismatch', 'a proof set without the issuer''s proof: issuer_mismatch');

SELECT * FROM finish();
ROLLBACK;

-- W3C vc-di-eddsa (eddsa-rdfc-2022, Ed25519Signature2020, proof sets and
-- chains) and vc-di-ecdsa (ecdsa-rdfc-2019 with P-256 and P-384) rdfc
-- vectors: every intermediate value through credreg.proof_hash_data
-- (canonical document, canonical proof configuration, both hashes, the hash
-- data with the proof configuration hash first), the signature, tampering,
-- the legacy name eddsa-2022, and signing round trips.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

\set c0_signed `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json`
\set c0_canon `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt`
\set c0_pcanon `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt`
\set c0_phash `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/proofHashDataInt.txt`
\set c0_dhash `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/docHashDataInt.txt`
\set c0_comb `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/combinedHashDataInt.txt`
\set c0_sig `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/sigBTC58DataInt.txt`
\set c0_keys `cat test/vectors/vc-di-eddsa/keyPair.json`
\set c1_signed `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json`
\set c1_canon `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/canonDocDataInt.txt`
\set c1_pcanon `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/proofCanonDataInt.txt`
\set c1_phash `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/proofHashDataInt.txt`
\set c1_dhash `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/docHashDataInt.txt`
\set c1_comb `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/combinedHashDataInt.txt`
\set c1_sig `cat test/vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/sigBTC58DataInt.txt`
\set c1_keys `cat test/vectors/vc-di-eddsa/keyPair.json`
\set c2_signed `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/signedEdSig.json`
\set c2_canon `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/canonDocEdSig.txt`
\set c2_pcanon `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/proofCanonEdSig.txt`
\set c2_phash `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/proofHashEdSig.txt`
\set c2_dhash `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/docHashEdSig.txt`
\set c2_comb `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/combinedHashEdSig.txt`
\set c2_sig `cat test/vectors/vc-di-eddsa/Ed25519Signature2020/sigBTC58EdSig.txt`
\set c2_keys `cat test/vectors/vc-di-eddsa/keyPair.json`
\set c3_signed `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/signedECDSAP256.json`
\set c3_canon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/canonDocECDSAP256.txt`
\set c3_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/proofCanonECDSAP256.txt`
\set c3_phash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/proofHashECDSAP256.txt`
\set c3_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/docHashECDSAP256.txt`
\set c3_comb `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/combinedHashECDSAP256.txt`
\set c3_sig `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/sigBTC58ECDSAP256.txt`
\set c3_keys `cat test/vectors/vc-di-ecdsa/p256KeyPair.json`
\set c4_signed `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json`
\set c4_canon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/canonDocECDSAP256.txt`
\set c4_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/proofCanonECDSAP256.txt`
\set c4_phash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/proofHashECDSAP256.txt`
\set c4_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/docHashECDSAP256.txt`
\set c4_comb `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/combinedHashECDSAP256.txt`
\set c4_sig `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p256/employ/sigBTC58ECDSAP256.txt`
\set c4_keys `cat test/vectors/vc-di-ecdsa/p256KeyPair.json`
\set c5_signed `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/signedECDSAP384.json`
\set c5_canon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/canonDocECDSAP384.txt`
\set c5_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/proofCanonECDSAP384.txt`
\set c5_phash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/proofHashECDSAP384.txt`
\set c5_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/docHashECDSAP384.txt`
\set c5_comb `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/combinedHashECDSAP384.txt`
\set c5_sig `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/sigBTC58ECDSAP384.txt`
\set c5_keys `cat test/vectors/vc-di-ecdsa/p384KeyPair.json`
\set c6_signed `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json`
\set c6_canon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/canonDocECDSAP384.txt`
\set c6_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/proofCanonECDSAP384.txt`
\set c6_phash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/proofHashECDSAP384.txt`
\set c6_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/docHashECDSAP384.txt`
\set c6_comb `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/combinedHashECDSAP384.txt`
\set c6_sig `cat test/vectors/vc-di-ecdsa/ecdsa-rdfc-2019-p384/employ/sigBTC58ECDSAP384.txt`
\set c6_keys `cat test/vectors/vc-di-ecdsa/p384KeyPair.json`
\set ps_keys `cat test/vectors/vc-di-eddsa/proof-set-chain/multiKeyPairs.json`
\set signedProofSet1 `cat test/vectors/vc-di-eddsa/proof-set-chain/signedProofSet1.json`
\set signedProofSet2 `cat test/vectors/vc-di-eddsa/proof-set-chain/signedProofSet2.json`
\set signedProofChain1 `cat test/vectors/vc-di-eddsa/proof-set-chain/signedProofChain1.json`
\set signedProofChain2 `cat test/vectors/vc-di-eddsa/proof-set-chain/signedProofChain2.json`
\set unsigned `cat test/vectors/vc-di-eddsa/proof-set-chain/unsigned.json`
\set ed_keys `cat test/vectors/vc-di-eddsa/keyPair.json`
\set p256_keys `cat test/vectors/vc-di-ecdsa/p256KeyPair.json`
\set p384_keys `cat test/vectors/vc-di-ecdsa/p384KeyPair.json`
\set ed_unsigned `cat test/vectors/vc-di-eddsa/unsigned.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(106);

-- the canonical N-Quads files end with a newline, which psql's backquote
-- expansion drops
CREATE TEMP TABLE v ON COMMIT DROP AS
SELECT 'eddsa-rdfc-2022 alumni' AS name, :'c0_signed'::text AS signed, :'c0_canon'::text || E'\n' AS canon,
       :'c0_pcanon'::text || E'\n' AS pcanon, :'c0_phash'::text AS phash, :'c0_dhash'::text AS dhash,
       :'c0_comb'::text AS comb, :'c0_sig'::text AS sig58, true AS deterministic,
       ((:'c0_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'eddsa-rdfc-2022 employment' AS name, :'c1_signed'::text AS signed, :'c1_canon'::text || E'\n' AS canon,
       :'c1_pcanon'::text || E'\n' AS pcanon, :'c1_phash'::text AS phash, :'c1_dhash'::text AS dhash,
       :'c1_comb'::text AS comb, :'c1_sig'::text AS sig58, true AS deterministic,
       ((:'c1_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'Ed25519Signature2020 alumni' AS name, :'c2_signed'::text AS signed, :'c2_canon'::text || E'\n' AS canon,
       :'c2_pcanon'::text || E'\n' AS pcanon, :'c2_phash'::text AS phash, :'c2_dhash'::text AS dhash,
       :'c2_comb'::text AS comb, :'c2_sig'::text AS sig58, true AS deterministic,
       ((:'c2_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'ecdsa-rdfc-2019 P-256 alumni' AS name, :'c3_signed'::text AS signed, :'c3_canon'::text || E'\n' AS canon,
       :'c3_pcanon'::text || E'\n' AS pcanon, :'c3_phash'::text AS phash, :'c3_dhash'::text AS dhash,
       :'c3_comb'::text AS comb, :'c3_sig'::text AS sig58, false AS deterministic,
       ((:'c3_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'ecdsa-rdfc-2019 P-256 employment' AS name, :'c4_signed'::text AS signed, :'c4_canon'::text || E'\n' AS canon,
       :'c4_pcanon'::text || E'\n' AS pcanon, :'c4_phash'::text AS phash, :'c4_dhash'::text AS dhash,
       :'c4_comb'::text AS comb, :'c4_sig'::text AS sig58, false AS deterministic,
       ((:'c4_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'ecdsa-rdfc-2019 P-384 alumni' AS name, :'c5_signed'::text AS signed, :'c5_canon'::text || E'\n' AS canon,
       :'c5_pcanon'::text || E'\n' AS pcanon, :'c5_phash'::text AS phash, :'c5_dhash'::text AS dhash,
       :'c5_comb'::text AS comb, :'c5_sig'::text AS sig58, false AS deterministic,
       ((:'c5_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'ecdsa-rdfc-2019 P-384 employment' AS name, :'c6_signed'::text AS signed, :'c6_canon'::text || E'\n' AS canon,
       :'c6_pcanon'::text || E'\n' AS pcanon, :'c6_phash'::text AS phash, :'c6_dhash'::text AS dhash,
       :'c6_comb'::text AS comb, :'c6_sig'::text AS sig58, false AS deterministic,
       ((:'c6_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key;

CREATE TEMP TABLE h ON COMMIT DROP AS
SELECT v.*, p.* FROM v, LATERAL proof_hash_data(signed) p;

SELECT is(canonical_document, canon, name || ': canonical document') FROM h ORDER BY name;
SELECT is(canonical_proof_config, pcanon, name || ': canonical proof configuration') FROM h ORDER BY name;
SELECT is(encode(proof_config_hash, 'hex'), phash, name || ': proof configuration hash') FROM h ORDER BY name;
SELECT is(encode(document_hash, 'hex'), dhash, name || ': document hash') FROM h ORDER BY name;
SELECT is(encode(hash_data, 'hex'), comb, name || ': hash data, proof configuration hash first') FROM h ORDER BY name;
SELECT is(signed::jsonb->'proof'->>'proofValue', sig58, name || ': proofValue is the vector''s signature')
  FROM h WHERE deterministic ORDER BY name;
SELECT ok(verify_proof(signed, key), name || ': the proof verifies with the vector''s key') FROM v ORDER BY name;
SELECT ok(NOT verify_proof(jsonb_set(signed::jsonb, '{credentialSubject,id}', '"did:example:another"'), key),
          name || ': a changed document does not verify') FROM v ORDER BY name;
SELECT ok(NOT verify_proof(jsonb_set(signed::jsonb, '{proof,created}', '"2023-02-24T23:36:39Z"'), key),
          name || ': a changed proof option does not verify') FROM v ORDER BY name;

-- the full verifier: the signature verifies (the vectors' issuer is not the
-- did:key, so only the binding and trust checks fail)
SELECT is((SELECT array_agg(split_part(e, ':', 1) ORDER BY e) FROM unnest((verify(signed)).errors) e),
          ARRAY['issuer_mismatch', 'untrusted_issuer'], name || ': verify reports only binding and trust')
  FROM v ORDER BY name;

-- safe mode: an undefined term or a relative type makes the proof fail,
-- never silently verify
-- (the employment vectors' contexts have no @vocab: an undefined term is
-- undefined there; the alumni vectors use the examples context, whose @vocab
-- defines every term)
SELECT is(split_part((verify(jsonb_set(signed::jsonb, '{credentialSubject,undefinedTerm}', '"x"')::text)).errors[1], ':', 1),
          'jsonld_dropped_term', name || ': an undefined term fails with jsonld_dropped_term')
  FROM v WHERE name LIKE '%employment' ORDER BY name;
SELECT is(split_part((verify(jsonb_set(signed::jsonb, '{credentialSubject,@foo}', '"x"')::text)).errors[1], ':', 1),
          'jsonld_dropped_term', name || ': a property expansion drops fails with jsonld_dropped_term')
  FROM v ORDER BY name;
SELECT is(split_part((verify(jsonb_set(signed::jsonb, '{@context}', '["https://www.w3.org/ns/credentials/v2"]')::text)).errors[1], ':', 1),
          'jsonld_dropped_term', name || ': without the examples context, a relative type IRI fails with jsonld_dropped_term')
  FROM v WHERE name LIKE 'eddsa-rdfc-2022 alumni';
SELECT is(split_part((verify(jsonb_set(signed::jsonb, '{@context,1}', '"https://example.org/unknown-context/v1"')::text)).errors[1], ':', 1),
          'context_unknown', name || ': an unknown context URL fails with context_unknown')
  FROM v WHERE name LIKE 'eddsa-rdfc-2022 alumni';

-- proof sets and previousProof chains: every proof verifies with its key,
-- and no proof verifies with a key that made none of them
CREATE TEMP TABLE ps ON COMMIT DROP AS
SELECT 'proof set 1' AS name, :'signedProofSet1'::text AS signed, 1 AS nproofs
UNION ALL SELECT 'proof set 2', :'signedProofSet2', 2
UNION ALL SELECT 'proof chain 1', :'signedProofChain1', 3
UNION ALL SELECT 'proof chain 2', :'signedProofChain2', 4;
CREATE TEMP TABLE pk ON COMMIT DROP AS
SELECT k AS pair, ((:'ps_keys')::jsonb->k->>'publicKeyMultibase')::pubkey AS key,
       (:'ps_keys')::jsonb->k->>'privateKeyMultibase' AS private_key
  FROM jsonb_object_keys((:'ps_keys')::jsonb) k;
SELECT is(jsonb_array_length(CASE jsonb_typeof(signed::jsonb->'proof') WHEN 'array' THEN signed::jsonb->'proof'
                                  ELSE jsonb_build_array(signed::jsonb->'proof') END),
          nproofs, name || ': has its proofs') FROM ps ORDER BY name;
SELECT ok(verify_proof(ps.signed, pk.key), ps.name || ': the proof by ' || pk.pair || ' verifies')
  FROM ps, LATERAL jsonb_array_elements(CASE jsonb_typeof(signed::jsonb->'proof') WHEN 'array' THEN signed::jsonb->'proof'
                                        ELSE jsonb_build_array(signed::jsonb->'proof') END) p, pk
 WHERE p->>'verificationMethod' LIKE 'did:key:' || (pk.key::text) || '#%'
 ORDER BY ps.name, pk.pair;
SELECT ok(NOT verify_proof(signed, ((:'ed_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          name || ': no proof verifies with another key') FROM ps ORDER BY name;
-- a chain whose earlier proof was dropped names an unknown previousProof
SELECT is(split_part((verify(jsonb_set(signed::jsonb, '{proof}', (signed::jsonb->'proof') - 0)::text)).errors[1], ':', 1),
          'malformed', name || ': a chain without the proof it names is malformed')
  FROM ps WHERE name = 'proof chain 1';

-- the legacy name eddsa-2022: verified as eddsa-rdfc-2022, with a note
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'ed_keys')::jsonb->>'privateKeyMultibase', 'eddsa-rdfc-2022',
                            'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
                       ((:'ed_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign eddsa-rdfc-2022 with the vector key: verifies');
SELECT is(sign(:'ed_unsigned'::jsonb, (:'ed_keys')::jsonb->>'privateKeyMultibase', 'eddsa-rdfc-2022',
               'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')::jsonb->'proof'->>'cryptosuite',
          'eddsa-rdfc-2022', 'signing with eddsa-rdfc-2022 names the suite');
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'p256_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-rdfc-2019',
                            'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP'),
                       ((:'p256_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign ecdsa-rdfc-2019 with the P-256 vector key: verifies');
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'p384_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-rdfc-2019',
                            'did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ#z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ'),
                       ((:'p384_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign ecdsa-rdfc-2019 with the P-384 vector key: verifies');
SELECT is((SELECT octet_length(document_hash) FROM proof_hash_data(
             sign(:'ed_unsigned'::jsonb, (:'p384_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-rdfc-2019',
                  'did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ#z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ'))),
          48, 'a P-384 ecdsa-rdfc-2019 proof hashes with SHA-384');
-- eddsa-rdfc-2022 is deterministic: signing the vector's document with the
-- vector's created date gives the vector's signature
SELECT is((SELECT encode(hash_data, 'hex') FROM h WHERE name = 'eddsa-rdfc-2022 alumni'),
          (SELECT encode(hash_data, 'hex') FROM proof_hash_data(
             jsonb_set(sign(:'ed_unsigned'::jsonb, (:'ed_keys')::jsonb->>'privateKeyMultibase', 'eddsa-rdfc-2022',
                            'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')::jsonb,
                       '{proof,created}', '"2023-02-24T23:36:38Z"')::text)),
          'a signed document hashes like the vector once its created date is the vector''s');
-- a proof set of an rdfc and a JCS proof
SELECT ok(verify_proof(sign(sign(:'ed_unsigned'::jsonb, (:'ed_keys')::jsonb->>'privateKeyMultibase', 'eddsa-jcs-2022',
                                 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')::jsonb,
                            (:'p256_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-rdfc-2019',
                            'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP'),
                       ((:'p256_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'a proof set of eddsa-jcs-2022 and ecdsa-rdfc-2019: the rdfc proof verifies');
SELECT throws_ok($$SELECT sign('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "did:example:1", "credentialSubject": {"undefinedTerm": 1}}'::jsonb,
                               'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-rdfc-2022', 'did:example:1#k')$$,
                 '22023', NULL, 'signing a document with an undefined term fails (safe mode)');
SELECT throws_ok($$SELECT sign('{}'::jsonb, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-2022', 'did:example:1#k')$$,
                 '22023', 'cryptosuite eddsa-2022 is accepted for verification only', 'the legacy name does not sign');

SELECT * FROM finish();
ROLLBACK;

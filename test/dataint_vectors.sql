-- W3C vc-di-eddsa (eddsa-jcs-2022) and vc-di-ecdsa (ecdsa-jcs-2019, P-256
-- and P-384) JCS vectors: every intermediate value (canonical document,
-- canonical proof configuration, both hashes, the combined hash data with the
-- proof configuration hash first), the signature, and signing round trips.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set ed_signed `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json`
\set ed_canon `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt`
\set ed_pcanon `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt`
\set ed_phash `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/proofHashJCS.txt`
\set ed_dhash `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/docHashJCS.txt`
\set ed_comb `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/combinedHashJCS.txt`
\set ed_sig58 `cat test/vectors/vc-di-eddsa/eddsa-jcs-2022/sigBTC58JCS.txt`
\set ed_keys `cat test/vectors/vc-di-eddsa/keyPair.json`
\set ed_unsigned `cat test/vectors/vc-di-eddsa/unsigned.json`
\set p256_signed `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json`
\set p256_canon `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/canonDocJCSECDSAP256.txt`
\set p256_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/proofCanonJCSECDSAP256.txt`
\set p256_phash `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/proofHashJCSECDSAP256.txt`
\set p256_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/docHashJCSECDSAP256.txt`
\set p256_comb `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/combinedHashJCSECDSAP256.txt`
\set p256_sig58 `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p256/sigBTC58JCSECDSAP256.txt`
\set p256_keys `cat test/vectors/vc-di-ecdsa/p256KeyPair.json`
\set p384_signed `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json`
\set p384_canon `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/canonDocJCSECDSAP384.txt`
\set p384_pcanon `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/proofCanonJCSECDSAP384.txt`
\set p384_phash `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/proofHashJCSECDSAP384.txt`
\set p384_dhash `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/docHashJCSECDSAP384.txt`
\set p384_comb `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/combinedHashJCSECDSAP384.txt`
\set p384_sig58 `cat test/vectors/vc-di-ecdsa/ecdsa-jcs-2019-p384/sigBTC58JCSECDSAP384.txt`
\set p384_keys `cat test/vectors/vc-di-ecdsa/p384KeyPair.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(35);

CREATE TEMP TABLE v ON COMMIT DROP AS
SELECT 'eddsa-jcs-2022' AS name, :'ed_signed'::text AS signed, :'ed_canon'::text AS canon,
       :'ed_pcanon'::text AS pcanon, :'ed_phash'::text AS phash, :'ed_dhash'::text AS dhash,
       :'ed_comb'::text AS comb, :'ed_sig58'::text AS sig58,
       ((:'ed_keys')::jsonb->>'publicKeyMultibase')::pubkey AS key
UNION ALL
SELECT 'ecdsa-jcs-2019 P-256', :'p256_signed', :'p256_canon', :'p256_pcanon', :'p256_phash',
       :'p256_dhash', :'p256_comb', :'p256_sig58', ((:'p256_keys')::jsonb->>'publicKeyMultibase')::pubkey
UNION ALL
SELECT 'ecdsa-jcs-2019 P-384', :'p384_signed', :'p384_canon', :'p384_pcanon', :'p384_phash',
       :'p384_dhash', :'p384_comb', :'p384_sig58', ((:'p384_keys')::jsonb->>'publicKeyMultibase')::pubkey;

CREATE TEMP TABLE h ON COMMIT DROP AS
SELECT v.*, p.* FROM v, LATERAL proof_hash_data(signed) p;

SELECT is(canonical_document, canon, name || ': canonical document') FROM h ORDER BY name;
SELECT is(canonical_proof_config, pcanon, name || ': canonical proof configuration') FROM h ORDER BY name;
SELECT is(encode(proof_config_hash, 'hex'), phash, name || ': proof configuration hash') FROM h ORDER BY name;
SELECT is(encode(document_hash, 'hex'), dhash, name || ': document hash') FROM h ORDER BY name;
SELECT is(encode(hash_data, 'hex'), comb, name || ': hash data, proof configuration hash first') FROM h ORDER BY name;
SELECT is(signed::jsonb->'proof'->>'proofValue', sig58, name || ': proofValue is the vector''s signature') FROM h ORDER BY name;
SELECT ok(verify_proof(signed, key), name || ': the proof verifies with the vector''s key') FROM v ORDER BY name;
SELECT ok(verify_proof(signed::jsonb, key), name || ': the proof verifies (jsonb)') FROM v ORDER BY name;

-- a changed document, a changed proof option, another key
SELECT ok(NOT verify_proof(jsonb_set(signed::jsonb, '{credentialSubject,alumniOf}', '"Another School"'), key),
          name || ': a changed document does not verify') FROM v ORDER BY name;
SELECT ok(NOT verify_proof(jsonb_set(signed::jsonb, '{proof,created}', '"2023-02-24T23:36:39Z"'), key),
          name || ': a changed proof option does not verify') FROM v ORDER BY name;

-- signing: what credreg signs verifies, with each suite and curve
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'ed_keys')::jsonb->>'privateKeyMultibase', 'eddsa-jcs-2022',
                            'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
                       ((:'ed_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign eddsa-jcs-2022 with the vector key: verifies');
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'p256_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-jcs-2019',
                            'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP'),
                       ((:'p256_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign ecdsa-jcs-2019 with the P-256 vector key: verifies');
SELECT ok(verify_proof(sign(:'ed_unsigned'::jsonb, (:'p384_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-jcs-2019',
                            'did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ#z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ'),
                       ((:'p384_keys')::jsonb->>'publicKeyMultibase')::pubkey),
          'sign ecdsa-jcs-2019 with the P-384 vector key: verifies');
SELECT is((SELECT encode(proof_config_hash, 'hex') FROM proof_hash_data(
             sign(:'ed_unsigned'::jsonb, (:'p384_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-jcs-2019',
                  'did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ#z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ'))) ~ '^[0-9a-f]{96}$',
          true, 'a P-384 proof hashes with SHA-384');

-- a proof set: signing a signed document adds a second proof; both verify
SELECT is(jsonb_array_length(sign(:'ed_signed'::jsonb, (:'p256_keys')::jsonb->>'secretKeyMultibase', 'ecdsa-jcs-2019',
                                  'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP')::jsonb->'proof'),
          2, 'signing a signed document makes a proof set of two');

SELECT * FROM finish();
ROLLBACK;

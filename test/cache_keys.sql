-- The JWS header cache and the key cache (issue 10, first defect): the header
-- cache used to keep pointers into the key cache after the key cache freed
-- them, so a genuine vc+jwt failed (key_unresolved, or worse) after
-- key_cache_reset() or after 20,001 distinct verification methods.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(8);

-- the W3C vc-di-eddsa test key
CREATE TEMP TABLE k ON COMMIT DROP AS
SELECT 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS pub,
       'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'::text AS priv,
       'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'::text AS did;
INSERT INTO trusted_issuer (issuer, name) SELECT did, 'cache test issuer' FROM k;
CREATE TEMP TABLE genuine ON COMMIT DROP AS
SELECT sign(jsonb_build_object(
         '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
         'type', jsonb_build_array('VerifiableCredential'),
         'issuer', did, 'validFrom', '2025-01-01T00:00:00Z',
         'credentialSubject', jsonb_build_object('id', 'did:example:learner')),
       priv, 'vc+jwt', did || '#' || pub) AS jwt
  FROM k;

-- n Data Integrity documents with distinct did:key verification methods
-- (random public bytes: about half are no curve point, and a failure is
-- cached like a key); no JWS header, so the header cache keeps its entry
CREATE FUNCTION pg_temp.distinct_methods(n int) RETURNS int LANGUAGE sql AS $$
  SELECT (count(*) FILTER (WHERE NOT valid))::int FROM (
    SELECT (credreg.verify(jsonb_build_object(
              '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
              'type', jsonb_build_array('VerifiableCredential'),
              'issuer', 'did:example:issuer',
              'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
              'proof', jsonb_build_object('type', 'DataIntegrityProof', 'cryptosuite', 'eddsa-jcs-2022',
                'proofPurpose', 'assertionMethod', 'proofValue', 'z1111',
                'verificationMethod', format('did:key:z%1$s#z%1$s',
                  credreg.base58btc_encode('\xed01'::bytea || sha256(('cache_keys ' || i)::bytea))))),
              '2026-06-01')).valid AS valid
      FROM generate_series(1, n) i) v
$$;

SELECT is((SELECT (verify(jwt, '2026-06-01')).errors FROM genuine), '{}'::text[],
          'a genuine vc+jwt verifies (its header is now cached)');
SELECT is(pg_temp.distinct_methods(20001), 20001, '20,001 distinct verification methods checked');
SELECT is((SELECT (verify(jwt, '2026-06-01')).errors FROM genuine), '{}'::text[],
          'it still verifies after 20,001 distinct verification methods');
SELECT cmp_ok((SELECT resets FROM key_cache_stats()), '>=', 2::bigint,
              'the key cache started new generations meanwhile');
SELECT key_cache_reset();
SELECT is((SELECT (verify(jwt, '2026-06-01')).errors FROM genuine), '{}'::text[],
          'it still verifies after key_cache_reset()');

-- the same with the smallest cache: more generations within one transaction
-- than wait for its end (the oldest are freed early)
SET LOCAL credreg.key_cache_size = 1000;
SELECT is(pg_temp.distinct_methods(6000), 6000, '6,000 distinct methods through a 1,000-key cache');
SELECT is((SELECT (verify(jwt, '2026-06-01')).errors FROM genuine), '{}'::text[],
          'the genuine vc+jwt verifies after many generations');
SELECT cmp_ok((SELECT entries FROM key_cache_stats()), '<=', 1000::bigint,
              'credreg.key_cache_size bounds the cache');

SELECT * FROM finish();
ROLLBACK;

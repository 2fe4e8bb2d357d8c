-- The cached registry lookups read the tables directly (crcache_read_rows,
-- src/util/cache.c), not through a query: what the query did must still
-- hold.  A key carried in a JWS "jwk" header is bound to its issuer by the
-- issuer_key row holding that key, the best of several chosen as
-- "revoked_at NULLS FIRST, valid_until DESC NULLS FIRST, key_id"; a caller
-- without SELECT on a table gets the error a query would give.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(7);

-- the W3C vc-di-eddsa test key, carried as a jwk header
CREATE TEMP TABLE k ON COMMIT DROP AS
SELECT 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'::text AS priv,
       pubkey_from_private('z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq') AS pub,
       'https://lookup-test.example/issuer'::text AS issuer;
INSERT INTO trusted_issuer (issuer) SELECT issuer FROM k;
CREATE TEMP TABLE c ON COMMIT DROP AS
SELECT jws_sign(jsonb_build_object('alg', 'EdDSA', 'typ', 'vc+jwt', 'jwk', pubkey_jwk(pub))::text,
                convert_to(jsonb_build_object(
                  '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
                  'type', jsonb_build_array('VerifiableCredential'),
                  'issuer', issuer, 'validFrom', '2025-01-01T00:00:00Z',
                  'credentialSubject', jsonb_build_object('id', 'did:example:learner'))::text, 'UTF8'),
                priv) AS jwt
  FROM k;
CREATE FUNCTION pg_temp.verdict(as_of timestamptz DEFAULT '2026-06-01') RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN v.valid THEN 'valid'
              ELSE array_to_string(ARRAY(SELECT split_part(e, ':', 1) FROM unnest(v.errors) e), ' ') END
    FROM c, LATERAL credreg.verify(c.jwt, as_of) v
$$;

SELECT is(pg_temp.verdict(), 'key_unbound', 'the jwk is bound to no issuer_key row yet');
-- another issuer's row with the same key does not bind it
INSERT INTO issuer_key (key_id, issuer, public_key) SELECT 'https://elsewhere.example#k', 'https://elsewhere.example', pub FROM k;
SELECT is(pg_temp.verdict(), 'key_unbound', 'a row of another issuer does not bind it');
INSERT INTO issuer_key (key_id, issuer, public_key, revoked_at)
SELECT issuer || '#a-revoked', issuer, pub, '2024-01-01Z' FROM k;
SELECT is(pg_temp.verdict(), 'key_revoked', 'only a revoked row: key_revoked');
INSERT INTO issuer_key (key_id, issuer, public_key, valid_until)
SELECT issuer || '#b-until-2030', issuer, pub, '2030-01-01Z' FROM k;
SELECT is(pg_temp.verdict(), 'valid', 'a row not revoked comes before a revoked one');
SELECT is(pg_temp.verdict('2031-01-01'), 'key_expired', 'that row expires in 2030');
INSERT INTO issuer_key (key_id, issuer, public_key)
SELECT issuer || '#c-open', issuer, pub FROM k;
SELECT is(pg_temp.verdict('2031-01-01'), 'valid', 'an open-ended row comes before one that expires');

-- privileges are checked on a read, as a query would
CREATE ROLE credreg_lookup_test;
GRANT USAGE ON SCHEMA credreg TO credreg_lookup_test;
GRANT SELECT ON c TO credreg_lookup_test;
REVOKE SELECT ON trusted_issuer FROM PUBLIC;
SET LOCAL ROLE credreg_lookup_test;
SELECT throws_ok('SELECT credreg.verify(jwt, ''2026-06-01'') FROM c', '42501',
                 'permission denied for table trusted_issuer',
                 'without SELECT on trusted_issuer the lookup fails as a query would');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

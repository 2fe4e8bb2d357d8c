-- 1EdTech VC-JWT samples (test/vectors/openbadges-jwt/SOURCE.md): RS256 with
-- the key in the jwk header.  The signatures verify; the credentials are
-- valid only once that key is registered for the issuer (key_unbound before).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set clr `cat test/vectors/openbadges-jwt/clr20-simple.jwt`
\set svg `cat test/vectors/openbadges-jwt/ob30-simple-jwt.svg`
\set svg1 `cat test/vectors/openbadges-jwt/ob30-simple-jwt_v1.svg`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(19);

CREATE TEMP TABLE s ON COMMIT DROP AS
SELECT name, jws,
       convert_from(decode(rpad(translate(split_part(jws, '.', 1), '-_', '+/'),
                                (length(split_part(jws, '.', 1)) + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb AS header
  FROM (VALUES ('clr20/simple.jwt', btrim(:'clr', E' \n')),
               ('ob30/simple-jwt.svg', substring(:'svg' FROM 'verify="([^"]+)"')),
               ('ob30/simple-jwt_v1.svg', substring(:'svg1' FROM 'verify="([^"]+)"'))) AS x(name, jws);

SELECT is((SELECT count(*) FROM s WHERE jws ~ '^ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'), 3::bigint,
          'three compact JWS extracted');
SELECT ok(verify_proof(jws, (header->'jwk')::text::pubkey), name || ': RS256 signature verifies with its jwk header key')
  FROM s ORDER BY name;

CREATE TEMP TABLE before ON COMMIT DROP AS
SELECT name, (verify(jws, '2026-06-01T00:00:00Z')).* FROM s;
SELECT is(split_part(errors[1], ':', 1), 'key_unbound', name || ': the embedded key is not bound to the issuer yet')
  FROM before ORDER BY name;
SELECT is(valid, false, name || ': not valid before the key is registered') FROM before ORDER BY name;

-- register each key for its issuer, and trust the issuers
INSERT INTO issuer_key (key_id, issuer, public_key)
SELECT b.issuer || '#' || name, b.issuer, (s.header->'jwk')::text::pubkey
  FROM before b JOIN s USING (name);
INSERT INTO trusted_issuer (issuer, name) SELECT DISTINCT issuer, '1EdTech sample issuer' FROM before;

CREATE TEMP TABLE after ON COMMIT DROP AS
SELECT name, (verify(jws, '2026-06-01T00:00:00Z')).* FROM s;
SELECT is(valid, true, name || ': valid once its key is registered for the issuer: ' || coalesce(array_to_string(errors, '; '), ''))
  FROM after ORDER BY name;
SELECT is(format, CASE WHEN name = 'ob30/simple-jwt.svg' THEN 'vc+jwt' ELSE 'vc-jwt' END,
          name || ': format ' || format) FROM after ORDER BY name;
SELECT is(valid_from, '2010-01-01T00:00:00Z'::timestamptz, name || ': valid from 2010-01-01 (nbf / issuanceDate / validFrom)')
  FROM after ORDER BY name;

SELECT * FROM finish();
ROLLBACK;

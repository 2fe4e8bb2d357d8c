-- SD-JWT VC: issuing, presenting with key binding, verifying, and the exact
-- failure code of every kind of malformed or tampered input.  Issued values
-- have random salts, so only their outcomes and payloads are shown.
SET search_path = credreg, public;
SET client_min_messages = error;
-- The issuer: the W3C vc-di-eddsa test key pair as a did:key (trusted below).
\set ipub 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
\set ipriv 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'
-- The holder: a throwaway P-256 key generated with OpenSSL for this file.
\set hpriv '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgqBaKAbwsrNfxvKqT\nUwHNSxF/zXKL3gl0ENk3De5Uo2OhRANCAASK6eP64QPTpt5qJl5LhunW6QK6rcPV\nycDaXEA6uGzrLb+QPMKNSS/GqFCgaLtTWFx2Qxk4Zu0dayG3OWBu1FOw\n-----END PRIVATE KEY-----'
SELECT set_config('sdjwt.hpriv', E:'hpriv', false) IS NOT NULL AS holder_key_set;
INSERT INTO trusted_issuer (issuer, name) VALUES ('did:key:' || :'ipub', 'test issuer');

CREATE TEMP TABLE claims AS SELECT jsonb_build_object(
  'iss', 'did:key:' || :'ipub', 'sub', 'did:example:ada', 'vct', 'https://credentials.example.edu/vct/degree',
  'iat', 1767225600, 'exp', 1798761600, 'given_name', 'Ada', 'family_name', 'Lovelace',
  'address', jsonb_build_object('locality', 'London', 'country', 'GB'),
  'skills', jsonb_build_array('sql', 'analysis', 'rust'), 'a/b~c', 1) AS c;

-- 1. Issue: top-level, nested, recursive (/address and /address/locality),
-- array element and escaped-name disclosures, two decoys, the holder's key in cnf.
CREATE TEMP TABLE issued AS
SELECT sd_jwt_issue(c, ARRAY['/given_name', '/address', '/address/locality', '/skills/1', '/a~1b~0c'],
                    :'ipriv', holder_key => pubkey_from_private(current_setting('sdjwt.hpriv')),
                    decoys => 2) AS sd
  FROM claims;
-- 5 disclosures, the SD-JWT ends with '~' (no key binding yet)
SELECT array_length(string_to_array(sd, '~'), 1) - 2 AS disclosures, right(sd, 1) = '~' AS ends_with_tilde FROM issued;
-- every claim is back in the processed payload, with cnf and without _sd / _sd_alg
SELECT credential_payload(sd) - 'cnf' = (SELECT c FROM claims) AS all_claims_back,
       credential_payload(sd)->'cnf'->'jwk' = pubkey_jwk(pubkey_from_private(current_setting('sdjwt.hpriv'))) AS cnf_is_holder
  FROM issued;
-- the issuer-signed payload hides them: digests (2 decoys + 3 top-level disclosures), an array digest
SELECT jsonb_array_length(p->'_sd') AS top_level_digests, p->>'_sd_alg' AS sd_alg, p ? 'given_name' AS given_name_visible,
       p->'skills'->0 AS skill0, p->'skills'->1 ? '...' AS skill1_concealed
  FROM (SELECT convert_from(base64url_decode(split_part(split_part(sd, '~', 1), '.', 2)), 'UTF8')::jsonb AS p FROM issued) s;
SELECT valid, format, issuer = 'did:key:' || :'ipub' AS issuer_ok, subject, valid_from, valid_until, status, trusted, checks, errors
  FROM issued, verify(sd, '2026-06-01T00:00:00Z');

-- 2. Present: only given_name and the skill, with key binding.
CREATE FUNCTION pg_temp.disclosure_name(d text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_array_length(j) WHEN 3 THEN j->>1 ELSE 'element:' || (j->>1) END
    FROM (SELECT convert_from(base64url_decode(d), 'UTF8')::jsonb AS j) s $$;
CREATE TEMP TABLE presented AS
SELECT sd_jwt_present(jwt || '~' || string_agg(d, '~' ORDER BY d) || '~', current_setting('sdjwt.hpriv'),
                      'n-0S6_WzA2Mj', 'https://recruit.example.com', '2026-05-31T12:00:00Z') AS vp
  FROM issued, LATERAL (SELECT split_part(sd, '~', 1) AS jwt) j,
       LATERAL unnest((string_to_array(sd, '~'))[2:]) AS d
 WHERE d <> '' AND pg_temp.disclosure_name(d) IN ('given_name', 'element:analysis')
 GROUP BY jwt;
SELECT valid, key_bound, errors, payload - 'cnf' AS payload
  FROM presented, sd_jwt_verify(vp, 'n-0S6_WzA2Mj', 'https://recruit.example.com', '2026-06-01T00:00:00Z');
-- the verifier's expectations: another challenge, another domain, key binding missing, too late
SELECT 'challenge' AS what, valid, errors FROM presented, sd_jwt_verify(vp, 'n-0S6_WzA2MJ', 'https://recruit.example.com', '2026-06-01T00:00:00Z')
UNION ALL
SELECT 'domain', valid, errors FROM presented, sd_jwt_verify(vp, 'n-0S6_WzA2Mj', 'https://recruit.example.co', '2026-06-01T00:00:00Z')
UNION ALL
SELECT 'no kb-jwt', valid, errors FROM presented, sd_jwt_verify(left(vp, length(vp) - length(split_part(vp, '~', -1))), NULL, NULL, '2026-06-01T00:00:00Z')
UNION ALL
SELECT 'no kb-jwt, not required', valid, errors FROM presented, sd_jwt_verify(left(vp, length(vp) - length(split_part(vp, '~', -1))), require_key_binding => false, as_of => '2026-06-01T00:00:00Z')
UNION ALL
SELECT 'kb-jwt issued later', valid, errors FROM presented, sd_jwt_verify(vp, as_of => '2026-05-31T11:59:59Z')
UNION ALL
SELECT 'credential expired', valid, errors FROM presented, sd_jwt_verify(vp, as_of => '2027-01-01T00:00:00Z')
UNION ALL
-- a disclosure dropped after the KB-JWT was made: sd_hash no longer matches
SELECT 'disclosure dropped', valid, errors FROM presented,
       sd_jwt_verify(regexp_replace(vp, '~[^~]+~', '~'), as_of => '2026-06-01T00:00:00Z')
UNION ALL
-- a KB-JWT signed by the issuer's key instead of the holder's (cnf)
SELECT 'kb by another key', valid, errors FROM presented,
       sd_jwt_verify(sd_jwt_present(left(vp, length(vp) - length(split_part(vp, '~', -1))), :'ipriv', 'x', 'y', '2026-05-31T12:00:00Z'), as_of => '2026-06-01T00:00:00Z');

-- 3. Hand-made SD-JWTs for each processing rule (RFC 9901 §7.1), signed by the issuer.
CREATE FUNCTION pg_temp.disc(j text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT credreg.base64url_encode(convert_to(j, 'UTF8')) $$;
CREATE FUNCTION pg_temp.dig(d text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT credreg.base64url_encode(sha256(convert_to(d, 'UTF8'))) $$;
CREATE FUNCTION pg_temp.jwt(payload jsonb, typ text DEFAULT 'dc+sd-jwt') RETURNS text LANGUAGE sql AS $$
  SELECT credreg.jws_sign('{"alg":"EdDSA","typ":"' || typ || '","kid":"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}',
                          convert_to(payload::text, 'UTF8'), 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq') $$;
CREATE FUNCTION pg_temp.base(extra jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT '{"iss":"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2","vct":"urn:example:t","iat":1767225600}'::jsonb || extra $$;
CREATE FUNCTION pg_temp.outcome(sd text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN v.valid THEN 'valid ' || (credreg.credential_payload(sd) - 'iss' - 'vct' - 'iat')::text
              ELSE array_to_string(v.errors, ' | ') END
    FROM credreg.verify(sd, '2026-06-01T00:00:00Z') v $$;
\set dn '["c2FsdF9uYW1l","name","Ada"]'
\set de '["c2FsdF9lbGVt","FR"]'
SELECT what, pg_temp.outcome(sd) FROM (VALUES
  ('plain, no disclosures', pg_temp.jwt(pg_temp.base('{"a":1}')) || '~'),
  ('object property', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'dn')))))) || '~' || pg_temp.disc(:'dn') || '~'),
  ('not presented: claim absent', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'dn')))))) || '~'),
  ('array element', pg_temp.jwt(pg_temp.base(jsonb_build_object('n', jsonb_build_array('DE', jsonb_build_object('...', pg_temp.dig(pg_temp.disc(:'de'))), 'US')))) || '~' || pg_temp.disc(:'de') || '~'),
  ('array element not presented', pg_temp.jwt(pg_temp.base(jsonb_build_object('n', jsonb_build_array('DE', jsonb_build_object('...', pg_temp.dig(pg_temp.disc(:'de'))), 'US')))) || '~'),
  ('empty _sd kept out', pg_temp.jwt(pg_temp.base('{"o":{"_sd":[]}}')) || '~'),
  ('sha-384', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd_alg', 'sha-384', '_sd', jsonb_build_array(credreg.base64url_encode(sha384(convert_to(pg_temp.disc(:'dn'), 'UTF8'))))))) || '~' || pg_temp.disc(:'dn') || '~'),
  ('unreferenced', pg_temp.jwt(pg_temp.base('{}')) || '~' || pg_temp.disc(:'dn') || '~'),
  ('sent twice', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'dn')))))) || '~' || pg_temp.disc(:'dn') || '~' || pg_temp.disc(:'dn') || '~'),
  ('digest twice', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'dn')), pg_temp.dig(pg_temp.disc(:'dn')))))) || '~' || pg_temp.disc(:'dn') || '~'),
  ('decoy twice', pg_temp.jwt(pg_temp.base('{"_sd":["aaaa"],"o":{"_sd":["aaaa"]}}')) || '~'),
  ('name exists', pg_temp.jwt(pg_temp.base(jsonb_build_object('name', 'Bob', '_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'dn')))))) || '~' || pg_temp.disc(:'dn') || '~'),
  ('element digest in _sd', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc(:'de')))))) || '~' || pg_temp.disc(:'de') || '~'),
  ('property digest in array', pg_temp.jwt(pg_temp.base(jsonb_build_object('n', jsonb_build_array(jsonb_build_object('...', pg_temp.dig(pg_temp.disc(:'dn'))))))) || '~' || pg_temp.disc(:'dn') || '~'),
  ('discloses _sd', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc('["s","_sd",["x"]]')))))) || '~' || pg_temp.disc('["s","_sd",["x"]]') || '~'),
  ('discloses exp', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc('["s","exp",1]')))))) || '~' || pg_temp.disc('["s","exp",1]') || '~'),
  ('disclosure not an array', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc('{"s":1}')))))) || '~' || pg_temp.disc('{"s":1}') || '~'),
  ('disclosure not JSON', pg_temp.jwt(pg_temp.base(jsonb_build_object('_sd', jsonb_build_array(pg_temp.dig(pg_temp.disc('["s","a",')))))) || '~' || pg_temp.disc('["s","a",') || '~'),
  ('_sd not an array', pg_temp.jwt(pg_temp.base('{"_sd":"x"}')) || '~'),
  ('_sd_alg nested', pg_temp.jwt(pg_temp.base('{"o":{"_sd_alg":"sha-256"}}')) || '~'),
  ('_sd_alg sha-512', pg_temp.jwt(pg_temp.base('{"_sd_alg":"sha-512"}')) || '~'),
  ('... outside arrays', pg_temp.jwt(pg_temp.base('{"...":"x"}')) || '~'),
  ('no vct', pg_temp.jwt(pg_temp.base('{}') - 'vct') || '~'),
  ('no iss', pg_temp.jwt(pg_temp.base('{}') - 'iss') || '~'),
  ('iat in the future', pg_temp.jwt(pg_temp.base('{"iat":1800000000}')) || '~'),
  ('typ vc+sd-jwt', pg_temp.jwt(pg_temp.base('{}'), 'vc+sd-jwt') || '~'),
  ('typ JWT', pg_temp.jwt(pg_temp.base('{}'), 'JWT') || '~'),
  ('status claim', pg_temp.jwt(pg_temp.base('{"status":{"status_list":{"idx":1,"uri":"https://x"}}}')) || '~'),
  ('signature flipped', regexp_replace(pg_temp.jwt(pg_temp.base('{}')), '.$', 'A') || '~'),
  ('empty disclosure', pg_temp.jwt(pg_temp.base('{}')) || '~~'),
  ('disclosure not base64url', pg_temp.jwt(pg_temp.base('{}')) || '~a+b~'),
  ('KB-JWT without cnf', pg_temp.jwt(pg_temp.base('{}')) || '~' || pg_temp.jwt('{}'::jsonb, 'kb+jwt')),
  ('KB-JWT not a JWS', pg_temp.jwt(pg_temp.base(jsonb_build_object('cnf', jsonb_build_object('jwk', pubkey_jwk(:'ipub'))))) || '~abc'),
  ('KB-JWT typ JWT', pg_temp.jwt(pg_temp.base(jsonb_build_object('cnf', jsonb_build_object('jwk', pubkey_jwk(:'ipub'))))) || '~' || pg_temp.jwt('{}'::jsonb, 'JWT')),
  ('KB-JWT without sd_hash', pg_temp.jwt(pg_temp.base(jsonb_build_object('cnf', jsonb_build_object('jwk', pubkey_jwk(:'ipub'))))) || '~' || pg_temp.jwt('{"iat":1767225600,"aud":"a","nonce":"n"}'::jsonb, 'kb+jwt')),
  ('KB-JWT aud an array', pg_temp.jwt(pg_temp.base(jsonb_build_object('cnf', jsonb_build_object('jwk', pubkey_jwk(:'ipub'))))) || '~' || pg_temp.jwt('{"iat":1767225600,"aud":["a"],"nonce":"n","sd_hash":"x"}'::jsonb, 'kb+jwt'))
) AS t(what, sd);

-- 4. Not SD-JWTs: a JSON text with '~' stays JSON, a JWS with '~' in its signature is not split.
SELECT (verify('{"a":"x.y.z~"}')).errors[1] AS json_with_tilde, (verify('a.b~c')).errors[1] AS one_dot;
SELECT credential_payload('eyJhbGciOiJFZERTQSJ9.eyJ.AA~');

-- 5. Issuing errors.
SELECT sd_jwt_issue(c, ARRAY['/nickname'], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c, ARRAY['given_name'], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c, ARRAY['/vct'], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c, ARRAY['/cnf/jwk'], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c - 'vct', ARRAY[]::text[], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c || '{"_sd":[]}', ARRAY[]::text[], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c, ARRAY[]::text[], :'ipriv', decoys => 101) FROM claims;
SELECT sd_jwt_issue(c, ARRAY[NULL], :'ipriv') FROM claims;
SELECT sd_jwt_issue(c, ARRAY[]::text[], 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2') FROM claims;
SELECT sd_jwt_present(vp, :'ipriv', 'n', 'a') FROM presented;

-- the registry as the other tests expect it
DELETE FROM trusted_issuer WHERE name = 'test issuer';

-- SD-JWT VCs issued and presented by credreg for test/interop/sdjwt_check.mjs:
-- 2 issuer keys (Ed25519, P-256) x 2 holder keys (P-256, Ed25519) x 10
-- disclosure patterns (top-level, nested, recursive, array elements, decoys),
-- each presented with a subset of its disclosures and a KB-JWT.  One NDJSON
-- line each: the presentation, the issuer's public JWK, the nonce and
-- audience, and the payload credreg's own sd_jwt_verify outputs.
-- Throwaway test keys generated with OpenSSL for these tests.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
SET search_path = credreg, public;
CREATE TEMP TABLE k (role text, n int, priv text);
INSERT INTO k VALUES
 ('issuer', 0, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
 ('issuer', 1, E'-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7I3uWShP53K7VCFZ\n0YST07jhWQ4oux4sKojGiLfbNZKhRANCAASbfv5xnvYIhhzcRMuafBLDEtmt2Lwp\nZUOaUk2dPRsBpKhS+AldKMp5LZFk+aAtZtOSxhLERLy36ijxeG4fyqvd\n-----END PRIVATE KEY-----'),
 ('holder', 0, E'-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgqBaKAbwsrNfxvKqT\nUwHNSxF/zXKL3gl0ENk3De5Uo2OhRANCAASK6eP64QPTpt5qJl5LhunW6QK6rcPV\nycDaXEA6uGzrLb+QPMKNSS/GqFCgaLtTWFx2Qxk4Zu0dayG3OWBu1FOw\n-----END PRIVATE KEY-----'),
 ('holder', 1, E'-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPxAz92o9lqbemMdGVvTWWujN22y5Ok/Q7zTZQFFOa6B\n-----END PRIVATE KEY-----');
CREATE TEMP TABLE iss AS
SELECT n, priv, pubkey_from_private(priv) AS pub, 'did:key:' || pubkey_multikey(pubkey_from_private(priv)) AS did
  FROM k WHERE role = 'issuer';
INSERT INTO trusted_issuer (issuer, name) SELECT did, 'interop issuer ' || n FROM iss ON CONFLICT DO NOTHING;

CREATE TEMP TABLE patterns (p int, disclose text[], decoys int);
INSERT INTO patterns VALUES
 (0, '{}', 0),
 (1, '{/given_name}', 0),
 (2, '{/given_name,/family_name,/email}', 3),
 (3, '{/address/locality,/address/country}', 1),
 (4, '{/address,/address/locality}', 2),
 (5, '{/skills/0,/skills/2}', 0),
 (6, '{/skills/1,/achievement/name,/achievement/level}', 1),
 (7, '{/sub,/iat,/given_name,/birthdate,/skills/0,/skills/1,/skills/2}', 5),
 (8, '{/address,/address/street_address,/address/locality,/address/country,/email}', 0),
 (9, '{/achievement,/achievement/name,/skills/0}', 2);

CREATE TEMP TABLE issued AS
SELECT i.n AS issuer_n, h.n AS holder_n, p.p,
       sd_jwt_issue(jsonb_build_object(
           'iss', i.did, 'sub', 'did:example:learner-' || p.p, 'iat', 1767225600, 'nbf', 1767225600,
           'exp', 1798761600, 'vct', 'https://credentials.example.edu/vct/achievement/v1',
           'given_name', 'Ada', 'family_name', 'García', 'email', 'ada@example.edu', 'birthdate', '1975-05-18',
           'address', jsonb_build_object('street_address', '13 Rue de l''Exemple', 'locality', 'Austin', 'country', 'US'),
           'skills', jsonb_build_array('esco:S5.6.1', 'skill: "quoted" \ ~', 'sql'),
           'achievement', jsonb_build_object('name', 'SQL Fundamentals', 'level', 2, 'credits', 2.5)),
         p.disclose, i.priv, holder_key => pubkey_from_private(h.priv), decoys => p.decoys) AS sd,
       h.priv AS holder_priv, i.pub AS issuer_pub
  FROM iss i, k h, patterns p WHERE h.role = 'holder';

-- present every other disclosure (by position), or all of them where one
-- disclosure's digest sits in another (recursive: a child without its parent
-- is unreferenced, RFC 9901 §7.1 step 5), with a KB-JWT
CREATE TEMP TABLE presented AS
SELECT s.issuer_n, s.holder_n, s.p, s.issuer_pub,
       'nonce-' || s.issuer_n || s.holder_n || s.p AS nonce, 'https://verifier.example.com' AS aud,
       sd_jwt_present(split_part(s.sd, '~', 1) || '~' ||
                      coalesce((SELECT string_agg(d, '~' ORDER BY o) || '~'
                                  FROM unnest((string_to_array(s.sd, '~'))[2:]) WITH ORDINALITY AS u(d, o)
                                 WHERE d <> '' AND (o % 2 = 1 OR s.p IN (4, 8, 9))), ''),
                      s.holder_priv, 'nonce-' || s.issuer_n || s.holder_n || s.p, 'https://verifier.example.com',
                      '2026-05-31T12:00:00Z') AS vp
  FROM issued s;

SELECT json_build_object('id', issuer_n || '/' || holder_n || '/' || p, 'sd_jwt', vp, 'issuer_jwk', pubkey_jwk(issuer_pub), 'nonce', nonce, 'aud', aud, 'credreg', row_to_json(v)) FROM presented, sd_jwt_verify(vp, nonce, aud, '2026-06-01T00:00:00Z') v ORDER BY 1::text;

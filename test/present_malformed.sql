-- credreg.verify_presentation on malformed and ill-bound presentations:
-- every one gives valid = false with a stable code (never an error), and a
-- bad embedded credential is reported on its own.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(16);

CREATE TEMP TABLE party ON COMMIT DROP AS
SELECT role, priv, 'did:key:' || pubkey_multikey(pubkey_from_private(priv)) AS did
  FROM (VALUES ('issuer', 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
               ('holder', 'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'),
               ('other', 'z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn')) AS p(role, priv);
INSERT INTO trusted_issuer (issuer, name) SELECT did, 'test' FROM party WHERE role = 'issuer';

-- a vp+jwt of payload, signed by the holder
CREATE FUNCTION pg_temp.vp(payload jsonb, typ text DEFAULT 'vp+jwt', signer text DEFAULT 'holder')
RETURNS text LANGUAGE sql AS $$
  SELECT credreg.jws_sign(jsonb_build_object('alg', 'EdDSA', 'typ', typ,
                                             'kid', did || '#' || substr(did, 9))::text,
                          convert_to(payload::text, 'UTF8'), priv)
    FROM party WHERE role = signer $$;
-- a vc+jwt by the issuer to subject
CREATE FUNCTION pg_temp.vc(subject text, valid_until text DEFAULT '2027-01-01T00:00:00Z')
RETURNS text LANGUAGE sql AS $$
  SELECT credreg.sign(jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
             'type', jsonb_build_array('VerifiableCredential'), 'issuer', did,
             'validFrom', '2026-01-01T00:00:00Z', 'validUntil', valid_until,
             'credentialSubject', jsonb_build_object('id', subject)),
           priv, 'vc+jwt', did || '#' || substr(did, 9))
    FROM party WHERE role = 'issuer' $$;
CREATE FUNCTION pg_temp.code(p text) RETURNS text LANGUAGE sql AS $$
  SELECT split_part((credreg.verify_presentation(p, NULL, NULL, '2026-06-01T00:00:00Z')).errors[1], ':', 1) $$;
CREATE FUNCTION pg_temp.envelope(jws text) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('type', 'EnvelopedVerifiableCredential', 'id', 'data:application/vc+jwt,' || jws) $$;
CREATE TEMP TABLE h ON COMMIT DROP AS SELECT did AS holder FROM party WHERE role = 'holder';

SELECT is(verify_presentation(NULL), NULL, 'NULL presentation: NULL');
SELECT is(pg_temp.code(''), 'unsupported_format', 'empty text');
SELECT is(pg_temp.code('hello'), 'unsupported_format', 'neither JWS nor JSON');
SELECT is(pg_temp.code('{"type":'), 'malformed', 'broken JSON');
SELECT is(pg_temp.code('{"type": "VerifiableCredential"}'), 'unsupported_format', 'a JSON document that is not a presentation');
SELECT is(pg_temp.code('{"type": "VerifiablePresentation"}'), 'unsupported_format', 'a Data Integrity presentation without proof');
SELECT is(pg_temp.code('a.b.c'), 'malformed', 'a JWS of garbage');
SELECT is(pg_temp.code(pg_temp.vp('{"iss": "x"}', 'JWT')), 'unsupported_format', 'a JWT without vp claim');
SELECT is(pg_temp.code(pg_temp.vp('[1, 2]')), 'malformed', 'a payload that is not an object');

SELECT is((SELECT pg_temp.code(pg_temp.vp(jsonb_build_object('holder', holder,
              'verifiableCredential', jsonb_build_array(pg_temp.envelope(pg_temp.vc(holder))))))
             FROM h), NULL, 'a well-formed presentation: no error');
SELECT is((SELECT pg_temp.code(pg_temp.vp(jsonb_build_object('holder', holder,
              'verifiableCredential', jsonb_build_array(pg_temp.envelope(pg_temp.vc(holder)))), 'vp+jwt', 'other'))
             FROM h), 'holder_mismatch', 'signed by another DID than the holder');
SELECT is((SELECT pg_temp.code(pg_temp.vp(jsonb_build_object('holder', holder,
              'verifiableCredential', jsonb_build_array(pg_temp.envelope(pg_temp.vc('did:example:someone-else'))))))
             FROM h), 'holder_mismatch', 'a credential issued to someone else');

-- one bad credential among good ones: the presentation says which, the credential why
CREATE TEMP TABLE bad ON COMMIT DROP AS
SELECT verify_presentation(pg_temp.vp(jsonb_build_object('holder', holder,
           'verifiableCredential', jsonb_build_array(
               pg_temp.envelope(pg_temp.vc(holder)),
               pg_temp.envelope(pg_temp.vc(holder, '2026-03-01T00:00:00Z')),
               jsonb_build_object('type', 'EnvelopedVerifiableCredential', 'id', 'data:text/plain,hello'),
               42))), NULL, NULL, '2026-06-01T00:00:00Z') AS v
  FROM h;
SELECT is((SELECT (v).errors FROM bad)::text[] IS NOT NULL AND NOT (SELECT (v).valid FROM bad), true,
          'a presentation with bad credentials is not valid');
SELECT is((SELECT array_agg(split_part(e, ' does not verify', 1)) FROM bad, unnest((v).errors) e),
          ARRAY['credential_invalid: verifiableCredential[1]', 'credential_invalid: verifiableCredential[2]',
                'credential_invalid: verifiableCredential[3]'],
          'its errors name the bad credentials');
SELECT is((SELECT array_agg(((v).credentials[o]).valid ORDER BY o) FROM bad, generate_subscripts((v).credentials, 1) o),
          ARRAY[true, false, false, false], 'one verification per credential, in order');
SELECT is((SELECT array_agg(split_part(((v).credentials[o]).errors[1], ':', 1) ORDER BY o)
             FROM bad, generate_subscripts((v).credentials, 1) o),
          ARRAY[NULL, 'expired', 'unsupported_format', 'credential_malformed'],
          'each bad credential says why: expired, a media type credreg does not read, not a credential');

SELECT * FROM finish();
ROLLBACK;

-- Signed examples from the wild, ecdsa-rdfc-2019 with P-256: the 9 of the VC
-- Data Model 2.0 Recommendation (test/vectors/vcdm2-rec-examples) and the 8 of
-- the W3C CCG citizenship vocabulary (test/vectors/ccg-citizenship-examples).
-- Every one verifies as of 2026-06-01 (signature, binding, validity, trust),
-- except VC 2.0 example 7, which expired in 2020 by design; every one fails
-- once a value of its credential subject is changed.  The VC 2.0 examples are
-- signed by a did:key for issuers with https ids: that key is registered for
-- each issuer.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set ex0 `cat test/vectors/vcdm2-rec-examples/signed/01-ecdsa-rdfc-2019.json`
\set ex1 `cat test/vectors/vcdm2-rec-examples/signed/02-ecdsa-rdfc-2019.json`
\set ex2 `cat test/vectors/vcdm2-rec-examples/signed/03-ecdsa-rdfc-2019.json`
\set ex3 `cat test/vectors/vcdm2-rec-examples/signed/04-ecdsa-rdfc-2019.json`
\set ex4 `cat test/vectors/vcdm2-rec-examples/signed/05-ecdsa-rdfc-2019.json`
\set ex5 `cat test/vectors/vcdm2-rec-examples/signed/06-ecdsa-rdfc-2019.json`
\set ex6 `cat test/vectors/vcdm2-rec-examples/signed/07-ecdsa-rdfc-2019.json`
\set ex7 `cat test/vectors/vcdm2-rec-examples/signed/08-ecdsa-rdfc-2019.json`
\set ex8 `cat test/vectors/vcdm2-rec-examples/signed/09-ecdsa-rdfc-2019.json`
\set ex9 `cat test/vectors/ccg-citizenship-examples/examples/citizenship-full-signed.jsonld`
\set ex10 `cat test/vectors/ccg-citizenship-examples/examples/citizenship-min-signed.jsonld`
\set ex11 `cat test/vectors/ccg-citizenship-examples/examples/ead-full-signed.jsonld`
\set ex12 `cat test/vectors/ccg-citizenship-examples/examples/ead-min-signed.jsonld`
\set ex13 `cat test/vectors/ccg-citizenship-examples/examples/naturalization-full-signed.jsonld`
\set ex14 `cat test/vectors/ccg-citizenship-examples/examples/naturalization-min-signed.jsonld`
\set ex15 `cat test/vectors/ccg-citizenship-examples/examples/prc-full-signed.jsonld`
\set ex16 `cat test/vectors/ccg-citizenship-examples/examples/prc-min-signed.jsonld`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(37);

CREATE TEMP TABLE ex (name text, doc text) ON COMMIT DROP;
INSERT INTO ex VALUES
  ('vcdm2-rec-examples/signed/01-ecdsa-rdfc-2019.json', :'ex0'),
  ('vcdm2-rec-examples/signed/02-ecdsa-rdfc-2019.json', :'ex1'),
  ('vcdm2-rec-examples/signed/03-ecdsa-rdfc-2019.json', :'ex2'),
  ('vcdm2-rec-examples/signed/04-ecdsa-rdfc-2019.json', :'ex3'),
  ('vcdm2-rec-examples/signed/05-ecdsa-rdfc-2019.json', :'ex4'),
  ('vcdm2-rec-examples/signed/06-ecdsa-rdfc-2019.json', :'ex5'),
  ('vcdm2-rec-examples/signed/07-ecdsa-rdfc-2019.json', :'ex6'),
  ('vcdm2-rec-examples/signed/08-ecdsa-rdfc-2019.json', :'ex7'),
  ('vcdm2-rec-examples/signed/09-ecdsa-rdfc-2019.json', :'ex8'),
  ('ccg-citizenship-examples/examples/citizenship-full-signed.jsonld', :'ex9'),
  ('ccg-citizenship-examples/examples/citizenship-min-signed.jsonld', :'ex10'),
  ('ccg-citizenship-examples/examples/ead-full-signed.jsonld', :'ex11'),
  ('ccg-citizenship-examples/examples/ead-min-signed.jsonld', :'ex12'),
  ('ccg-citizenship-examples/examples/naturalization-full-signed.jsonld', :'ex13'),
  ('ccg-citizenship-examples/examples/naturalization-min-signed.jsonld', :'ex14'),
  ('ccg-citizenship-examples/examples/prc-full-signed.jsonld', :'ex15'),
  ('ccg-citizenship-examples/examples/prc-min-signed.jsonld', :'ex16');
CREATE TEMP TABLE exi ON COMMIT DROP AS
SELECT name, doc, coalesce(doc::jsonb->'issuer'->>'id', doc::jsonb->>'issuer') AS issuer,
       split_part(doc::jsonb->'proof'->>'verificationMethod', '#', 1) AS did
  FROM ex;
INSERT INTO issuer_key (key_id, issuer, public_key)
SELECT DISTINCT issuer || '#' || substr(did, 9), issuer, substr(did, 9)::pubkey FROM exi WHERE issuer <> did;
INSERT INTO trusted_issuer (issuer, name) SELECT DISTINCT issuer, 'example issuer' FROM exi;

SELECT is((SELECT count(*) FROM ex), 17::bigint, '17 signed examples');
SELECT is((SELECT array_agg(DISTINCT doc::jsonb->'proof'->>'cryptosuite') FROM ex), '{ecdsa-rdfc-2019}',
          'all of them ecdsa-rdfc-2019');
SELECT is(row(v.valid, coalesce(split_part(v.errors[1], ':', 1), '')),
          row(name NOT LIKE '%/07-%', CASE WHEN name LIKE '%/07-%' THEN 'expired' ELSE '' END),
          name || ': ' || CASE WHEN name LIKE '%/07-%' THEN 'expired in 2020' ELSE 'verifies' END)
  FROM ex, LATERAL verify(doc, '2026-06-01T00:00:00Z') v ORDER BY name;
SELECT ok(verify_proof(doc, substr(did, 9)::pubkey), name || ': the signature verifies with the did:key')
  FROM exi WHERE name LIKE '%/07-%';
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{credentialSubject,id}', '"did:example:someone-else"')::text,
                             '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', name || ': a changed subject does not verify')
  FROM ex ORDER BY name;

SELECT * FROM finish();
ROLLBACK;

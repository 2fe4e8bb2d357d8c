-- Keys the way issuers publish them (README, "Keys the way issuers publish
-- them"): did:web and https verification methods resolve from
-- credreg.did_document; the 1EdTech <issuer>#<multibase> convention under
-- credreg.issuer_fragment_keys.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set pub 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
\set priv 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'
\set other 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'
\set s0 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple.json`
\set s1 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-did-web-method.json`
\set s2 `cat test/vectors/openbadges-1edtech/validator-samples/clr20/simple.json`
\set s3 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/endorsement-valid.json`
\set s4 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-proof-value.json`
\set s5 `cat test/vectors/openbadges-1edtech/validator-samples/ob30/simple-err-expired.json`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(23);

CREATE TEMP TABLE cred ON COMMIT DROP AS
SELECT name, issuer, vm, sign(jsonb_build_object(
	'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
	'type', jsonb_build_array('VerifiableCredential'),
	'issuer', issuer,
	'credentialSubject', jsonb_build_object('id', 'did:example:1')),
	:'priv', 'eddsa-jcs-2022', vm)::jsonb AS doc
  FROM (VALUES ('web', 'did:web:example.com', 'did:web:example.com#key-1'),
               ('web-relative', 'did:web:example.org:u:1', 'did:web:example.org:u:1#k'),
               ('https', 'https://example.edu/issuers/1', 'https://example.edu/issuers/1#key-1'),
               ('web-other-controller', 'did:web:example.net', 'did:web:example.net#key-1'),
               ('web-absent', 'did:web:absent.example', 'did:web:absent.example#key-1'),
               ('web-wrong-key', 'did:web:wrong.example', 'did:web:wrong.example#key-1'),
               ('web-id-mismatch', 'did:web:mismatch.example', 'did:web:mismatch.example#key-1'),
               ('web-jwk', 'did:web:jwk.example', 'did:web:jwk.example#key-1')) AS x(name, issuer, vm);
INSERT INTO trusted_issuer (issuer, name) SELECT issuer, name FROM cred;

-- nothing stored yet: the methods do not resolve
SELECT is(split_part((verify(doc, '2026-06-01T00:00:00Z')).errors[1], ':', 1), 'key_unresolved',
          'web: no stored document, key_unresolved') FROM cred WHERE name = 'web';

INSERT INTO did_document (did, document) VALUES
 ('did:web:example.com', jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/did/v1'),
   'id', 'did:web:example.com',
   'verificationMethod', jsonb_build_array(jsonb_build_object('id', 'did:web:example.com#key-1',
      'type', 'Multikey', 'controller', 'did:web:example.com', 'publicKeyMultibase', :'pub')),
   'assertionMethod', jsonb_build_array('did:web:example.com#key-1'))),
 ('did:web:example.org:u:1', jsonb_build_object('id', 'did:web:example.org:u:1',
   'assertionMethod', jsonb_build_array(jsonb_build_object('id', '#k', 'type', 'Multikey',
      'publicKeyMultibase', :'pub')))),
 ('https://example.edu/issuers/1', jsonb_build_object('id', 'https://example.edu/issuers/1',
   'verificationMethod', jsonb_build_object('id', 'https://example.edu/issuers/1#key-1', 'type', 'Multikey',
      'controller', 'https://example.edu/issuers/1', 'publicKeyMultibase', :'pub'))),
 ('did:web:example.net', jsonb_build_object('id', 'did:web:example.net',
   'verificationMethod', jsonb_build_array(jsonb_build_object('id', 'did:web:example.net#key-1',
      'type', 'Multikey', 'controller', 'did:web:someone.else', 'publicKeyMultibase', :'pub')))),
 ('did:web:wrong.example', jsonb_build_object('id', 'did:web:wrong.example',
   'verificationMethod', jsonb_build_array(jsonb_build_object('id', 'did:web:wrong.example#key-1',
      'type', 'Multikey', 'publicKeyMultibase', :'other')))),
 ('did:web:mismatch.example', jsonb_build_object('id', 'did:web:elsewhere.example',
   'verificationMethod', jsonb_build_array(jsonb_build_object('id', 'did:web:mismatch.example#key-1',
      'type', 'Multikey', 'publicKeyMultibase', :'pub')))),
 ('did:web:jwk.example', jsonb_build_object('id', 'did:web:jwk.example',
   'verificationMethod', jsonb_build_array(jsonb_build_object('id', 'did:web:jwk.example#key-1',
      'type', 'JsonWebKey', 'publicKeyJwk', pubkey_jwk(:'pub'::pubkey)))));

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT name, v.* FROM cred, LATERAL verify(doc, '2026-06-01T00:00:00Z') v;
SELECT is(valid, true, name || ': valid with the key from its stored document ' || coalesce(array_to_string(errors, '; '), ''))
  FROM r WHERE name IN ('web', 'web-relative', 'https', 'web-jwk') ORDER BY name;
SELECT is(key_id, 'did:web:example.com#key-1', 'web: key_id is the verification method') FROM r WHERE name = 'web';
SELECT is(split_part(errors[1], ':', 1), 'issuer_mismatch', 'a method controlled by someone else: issuer_mismatch')
  FROM r WHERE name = 'web-other-controller';
SELECT is(split_part(errors[1], ':', 1), 'key_unresolved', 'no document stored for the DID: key_unresolved')
  FROM r WHERE name = 'web-absent';
SELECT is(split_part(errors[1], ':', 1), 'signature_invalid', 'the stored document holds another key: signature_invalid')
  FROM r WHERE name = 'web-wrong-key';
SELECT is(errors[1], 'key_unresolved: the stored document of did:web:mismatch.example has the id did:web:elsewhere.example',
          'a stored document about another DID is refused') FROM r WHERE name = 'web-id-mismatch';
SELECT is((verify(jsonb_set(doc, '{credentialSubject,id}', '"did:example:2"'), '2026-06-01T00:00:00Z')).valid, false,
          'web: a tampered credential does not verify') FROM cred WHERE name = 'web';
-- a method missing from a stored document
SELECT is((verify(sign(doc - 'proof', :'priv', 'eddsa-jcs-2022', 'did:web:example.com#key-2'), '2026-06-01T00:00:00Z')).errors[1],
          'key_unresolved: verification method did:web:example.com#key-2 is not in the stored document of did:web:example.com (credreg.did_document)',
          'a method the stored document does not list: key_unresolved naming it') FROM cred WHERE name = 'web';
-- malformed methods in a stored document: valid = false with a code
INSERT INTO did_document (did, document) VALUES
 ('did:web:bad.example', '{"id": "did:web:bad.example", "verificationMethod": [
    {"id": "did:web:bad.example#nokey", "type": "Multikey"},
    {"id": "did:web:bad.example#badkey", "type": "Multikey", "publicKeyMultibase": "zBAD"},
    {"id": "did:web:bad.example#badjwk", "type": "JsonWebKey", "publicKeyJwk": {"kty": "EC", "crv": "P-256", "x": "AA"}},
    "did:web:bad.example#reference-only", 7, null]}');
SELECT is(split_part((verify(sign(doc - 'proof', :'priv', 'eddsa-jcs-2022', 'did:web:bad.example#' || m), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'key_unresolved', 'a stored method ' || m || ': key_unresolved')
  FROM cred, unnest('{nokey,badkey,badjwk,reference-only}'::text[]) m WHERE name = 'web';
SELECT throws_ok($$INSERT INTO credreg.did_document VALUES ('did:web:x', '[]')$$, '23514', NULL,
                 'a document is a JSON object');

-- 1EdTech's <issuer>#<multibase key> convention: off by default, the error names the method
CREATE TEMP TABLE one ON COMMIT DROP AS
SELECT name, doc, coalesce(doc::jsonb->'issuer'->>'id', doc::jsonb->>'issuer') AS issuer
  FROM (VALUES ('ob30/simple.json', :'s0'), ('ob30/simple-did-web-method.json', :'s1'), ('clr20/simple.json', :'s2'),
               ('ob30/endorsement-valid.json', :'s3'), ('ob30/simple-err-proof-value.json', :'s4'),
               ('ob30/simple-err-expired.json', :'s5')) AS x(name, doc);
INSERT INTO trusted_issuer (issuer, name) SELECT DISTINCT issuer, '1EdTech sample issuer' FROM one
ON CONFLICT DO NOTHING;
SELECT is(current_setting('credreg.issuer_fragment_keys'), 'off', 'credreg.issuer_fragment_keys is off by default');
SELECT is((verify(doc, '2026-06-01T00:00:00Z')).errors[1],
          'key_unbound: the key of verification method https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi (thumbprint e6qatsbWPohZ-Durvnv048-1rq_7SUGqfQibivUtvFs) is carried by the credential but neither registered for the issuer https://example.com/issuers/876543 in credreg.issuer_key nor contained in its DID (credreg.issuer_fragment_keys is off)',
          'switch off: key_unbound names the verification method and the switch') FROM one WHERE name = 'ob30/simple.json';
SET LOCAL credreg.issuer_fragment_keys = on;
CREATE TEMP TABLE onr ON COMMIT DROP AS
SELECT name, v.* FROM one, LATERAL verify(doc, '2026-06-01T00:00:00Z') v;
SELECT is(array_agg(name ORDER BY name), '{clr20/simple.json,ob30/endorsement-valid.json,ob30/simple-did-web-method.json,ob30/simple.json}',
          'switch on: the 1EdTech samples carrying their key verify with no key registered') FROM onr WHERE valid;
SELECT is(split_part(errors[1], ':', 1), 'signature_invalid', 'switch on: a tampered sample still fails')
  FROM onr WHERE name = 'ob30/simple-err-proof-value.json';
SELECT is(split_part(errors[1], ':', 1), 'expired', 'switch on: an expired sample still fails')
  FROM onr WHERE name = 'ob30/simple-err-expired.json';
-- the convention binds only a method under the credential's own issuer
SELECT is(split_part((verify(jsonb_set(doc::jsonb, '{issuer,id}', '"https://example.com/issuers/other"'), '2026-06-01T00:00:00Z')).errors[1], ':', 1),
          'key_unresolved', 'switch on: a method under another issuer id is not taken from its fragment')
  FROM one WHERE name = 'ob30/simple.json';

SELECT * FROM finish();
ROLLBACK;

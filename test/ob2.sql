-- Open Badges 2.0 (README, "Open Badges 2.0"): hosted assertions verified
-- against credreg.hosted_document, signed assertions (JWS RS256) with the
-- CryptographicKey stored or registered; revocation; tampered variants.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set hosted `cat test/vectors/ob2/assertion-hosted.json`
\set badge `cat test/vectors/ob2/badgeclass.json`
\set issuer `cat test/vectors/ob2/issuer.json`
\set key `cat test/vectors/ob2/publicKey.json`
\set rl `cat test/vectors/ob2/revocationList.json`
\set signed `cat test/vectors/ob2/assertion-signed.jws`
\set signed_revoked `cat test/vectors/ob2/assertion-signed-revoked.jws`
\set pem `cat test/vectors/ob2/public.pem`

BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(41);

-- nothing stored: the documents are missing, never fetched
SELECT is((verify(:'hosted', '2017-01-15T00:00:00Z')).errors,
          '{"document_unavailable: the hosted assertion https://example.org/beths-robotics-badge.json is not stored in credreg.hosted_document"}',
          'hosted, nothing stored: document_unavailable');
SELECT is(split_part((verify(:'signed', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'key_unresolved',
          'signed, nothing stored: key_unresolved');

INSERT INTO hosted_document (url, document) VALUES
 ('https://example.org/beths-robotics-badge.json', :'hosted'),
 ('https://example.org/robotics-badge.json', :'badge'),
 ('https://example.org/organization.json', :'issuer'),
 ('https://example.org/publicKey.json', :'key'),
 ('https://example.org/revocationList.json', :'rl');
INSERT INTO trusted_issuer (issuer, name) VALUES ('https://example.org/organization.json', 'An Example Badge Issuer');

CREATE TEMP TABLE r ON COMMIT DROP AS
SELECT name, v.* FROM (VALUES ('hosted', :'hosted'), ('signed', :'signed'), ('signed-revoked', :'signed_revoked')) AS x(name, c),
	LATERAL verify(c, '2017-01-15T00:00:00Z') v;
SELECT is(row(valid, format, issuer, status), row(true, 'ob2-hosted'::text, 'https://example.org/organization.json'::text, 'active'::text),
          'hosted: valid ' || coalesce(array_to_string(errors, '; '), '')) FROM r WHERE name = 'hosted';
SELECT is(row(valid, format, issuer, key_id, status), row(true, 'ob2-signed'::text, 'https://example.org/organization.json'::text,
          'https://example.org/publicKey.json'::text, 'active'::text),
          'signed: valid ' || coalesce(array_to_string(errors, '; '), '')) FROM r WHERE name = 'signed';
SELECT is(row(valid, status, split_part(errors[1], ':', 1)), row(false, 'revoked'::text, 'revoked'::text),
          'signed, on the revocation list: revoked') FROM r WHERE name = 'signed-revoked';
SELECT is(row(valid_from, valid_until, subject), row('2016-12-31T23:59:59Z'::timestamptz, '2017-06-30T23:59:59Z'::timestamptz,
          'sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5'::text),
          'hosted: issuedOn, expires, recipient identity') FROM r WHERE name = 'hosted';
-- skills: the BadgeClass's alignment (stored under the badge IRI, or embedded)
SELECT is((SELECT array_agg(source || ' ' || coalesce(target_code, target_framework) ORDER BY target_name)
             FROM credential_alignments(:'hosted'::jsonb)),
          '{"badge CCSS.ELA-Literacy.RST.11-12.3","badge Mozilla 21st Century Skills"}',
          'credential_alignments reads the stored BadgeClass''s alignment');
SELECT is((SELECT count(*) FROM unresolved_alignments(jsonb_set(:'hosted'::jsonb, '{badge}', :'badge'::jsonb))), 2::bigint,
          'and an embedded BadgeClass''s (unresolved: no framework loaded)');
SELECT is((SELECT count(*) FROM credential_alignments(credential_payload(:'signed'))), 2::bigint,
          'a signed assertion''s alignments, through credential_payload');
-- skills_of (C) reads the same BadgeClass alignments once a framework knows them
INSERT INTO framework (key, name) VALUES ('ccss', 'Common Core (OB 2.0 test)');
INSERT INTO competency (framework, uri, code, label, kind)
VALUES ('ccss', 'http://www.corestandards.org/ELA-Literacy/RST/11-12/3', 'RST.11-12.3', 'Follow a multistep procedure', 'skill');
SELECT is(skills_of(:'hosted'::jsonb),
          (SELECT skillset(array_agg(competency), array_agg(level)) FROM credential_alignments(:'hosted'::jsonb)
            WHERE competency IS NOT NULL),
          'skills_of: the stored BadgeClass''s alignment, as credential_alignments resolves it');
SELECT is(skills_of(jsonb_set(:'hosted'::jsonb, '{badge}', :'badge'::jsonb)),
          skills(ARRAY['http://www.corestandards.org/ELA-Literacy/RST/11-12/3'], ARRAY[0]),
          'skills_of: an embedded BadgeClass''s alignment');
-- issue 12 item 4: ingested, an OB 2.0 assertion counts in its recipient's profile (at a
-- time it is valid: it expired in 2017, so the registry's verdict of now is "expired")
CREATE TEMP TABLE ing ON COMMIT DROP AS SELECT ingest(:'hosted', 'ob2 test') AS id;
SELECT is((SELECT row(c.format, c.issuer, c.subject, credential_verified(c)) FROM credential c, ing WHERE c.id = ing.id),
          row('ob2-hosted'::text, 'https://example.org/organization.json'::text,
              'sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5'::text, true),
          'an ingested OB 2.0 assertion: its format, issuer, recipient, and a sound verdict');
SELECT is((SELECT c.skills FROM credential c, ing WHERE c.id = ing.id), skills_of(:'hosted'::jsonb),
          'its skills are its BadgeClass''s alignment');
SELECT learner_refresh(ARRAY['sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5'], '2017-01-15T00:00:00Z');
SELECT is((SELECT held FROM learner WHERE subject = 'sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5'),
          skills(ARRAY['http://www.corestandards.org/ELA-Literacy/RST/11-12/3'], ARRAY[0]),
          'and count in the recipient''s profile while valid');
SELECT is((verify(:'hosted', '2017-07-01T00:00:00Z')).errors[1], 'expired: the credential expired at 2017-06-30T23:59:59Z',
          'hosted: expired after expires');
SELECT is(split_part((verify(:'signed', '2016-01-01T00:00:00Z')).errors[1], ':', 1), 'not_yet_valid',
          'signed: not yet valid before issuedOn');
SELECT ok(is_valid(:'signed', '2017-01-15T00:00:00Z'), 'is_valid agrees');
SELECT is(row(valid, format), row(true, 'ob2-hosted'::text), 'a hosted assertion given by its URL')
  FROM verify('https://example.org/beths-robotics-badge.json', '2017-01-15T00:00:00Z');
SELECT is(errors, '{"document_unavailable: https://example.org/other.json is not stored in credreg.hosted_document"}',
          'a URL not stored: document_unavailable') FROM verify('https://example.org/other.json', '2017-01-15T00:00:00Z');
SELECT is(split_part(errors[1], ':', 1), 'unsupported_format', 'a URL storing a BadgeClass is no assertion')
  FROM verify('https://example.org/robotics-badge.json', '2017-01-15T00:00:00Z');

-- tampered variants
SELECT is(split_part((verify(jsonb_set(:'hosted'::jsonb, '{recipient,identity}', '"sha256$00"'), '2017-01-15T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'hosted: a changed recipient differs from the hosted copy');
SELECT is(split_part((verify(jsonb_set(:'hosted'::jsonb, '{expires}', '"2099-01-01T00:00:00Z"'), '2017-07-15T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'hosted: an extended expiry differs from the hosted copy');
SELECT is(split_part((verify(split_part(:'signed', '.', 1) || '.' ||
          rtrim(translate(encode(convert_to(jsonb_set(convert_from(decode(rpad(translate(split_part(:'signed', '.', 2), '-_', '+/'),
                (length(split_part(:'signed', '.', 2)) + 3) / 4 * 4, '='), 'base64'), 'UTF8')::jsonb,
                '{issuedOn}', '"2015-01-01T00:00:00Z"')::text, 'UTF8'), 'base64'), E'+/\n', '-_'), '=') || '.' ||
          split_part(:'signed', '.', 3), '2017-01-15T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'signed: a changed payload fails the signature');
SELECT is(split_part((verify(left(:'signed', -4) || 'AAAA', '2017-01-15T00:00:00Z')).errors[1], ':', 1),
          'signature_invalid', 'signed: a changed signature fails');
-- the hosted copy revoked
UPDATE hosted_document SET document = document || '{"revoked": true, "revocationReason": "Honor code violation"}'
 WHERE url = 'https://example.org/beths-robotics-badge.json';
SELECT is(split_part((verify((SELECT document FROM hosted_document WHERE url = 'https://example.org/beths-robotics-badge.json'),
          '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'revoked', 'hosted: revoked: true in the hosted copy');
UPDATE hosted_document SET document = :'hosted' WHERE url = 'https://example.org/beths-robotics-badge.json';
-- origins: an assertion hosted elsewhere than its issuer
INSERT INTO hosted_document (url, document) VALUES
 ('https://badges.example.net/a.json', jsonb_set(:'hosted'::jsonb, '{id}', '"https://badges.example.net/a.json"'));
SELECT is(split_part((verify(jsonb_set(:'hosted'::jsonb, '{id}', '"https://badges.example.net/a.json"'), '2017-01-15T00:00:00Z')).errors[1], ':', 1),
          'issuer_mismatch', 'hosted on another origin: issuer_mismatch');
UPDATE hosted_document SET document = document || '{"verification": {"allowedOrigins": ["badges.example.net"]}}'
 WHERE url = 'https://example.org/organization.json';
SELECT ok((verify(jsonb_set(:'hosted'::jsonb, '{id}', '"https://badges.example.net/a.json"'), '2017-01-15T00:00:00Z')).valid,
          'hosted on an origin the issuer allows (allowedOrigins): valid');
UPDATE hosted_document SET document = :'issuer' WHERE url = 'https://example.org/organization.json';
-- a key owned by someone else
UPDATE hosted_document SET document = jsonb_set(document, '{owner}', '"https://evil.example/org.json"')
 WHERE url = 'https://example.org/publicKey.json';
SELECT is(split_part((verify(:'signed', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'issuer_mismatch',
          'signed: a CryptographicKey owned by another issuer');
DELETE FROM hosted_document WHERE url = 'https://example.org/publicKey.json';
-- the key registered instead of hosted
INSERT INTO issuer_key (key_id, issuer, public_key)
	VALUES ('https://example.org/publicKey.json', 'https://example.org/organization.json', :'pem');
SELECT ok((verify(:'signed', '2017-01-15T00:00:00Z')).valid, 'signed: the creator key registered in credreg.issuer_key');
UPDATE issuer_key SET revoked_at = '2017-01-01Z' WHERE key_id = 'https://example.org/publicKey.json';
SELECT is(split_part((verify(:'signed', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'key_revoked',
          'signed: a registered key revoked before as_of');
UPDATE issuer_key SET revoked_at = NULL, valid_until = '2017-01-02Z' WHERE key_id = 'https://example.org/publicKey.json';
SELECT is(split_part((verify(:'signed', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'key_expired',
          'signed: a registered key no longer in force');
UPDATE issuer_key SET valid_until = NULL WHERE key_id = 'https://example.org/publicKey.json';
-- the revocation list missing
DELETE FROM hosted_document WHERE url = 'https://example.org/revocationList.json';
SELECT is(split_part((verify(:'signed', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'status_unavailable',
          'the issuer''s revocation list is not stored: status_unavailable');
-- a BadgeClass missing
DELETE FROM hosted_document WHERE url = 'https://example.org/robotics-badge.json';
SELECT is(split_part((verify(:'hosted', '2017-01-15T00:00:00Z')).errors[1], ':', 1), 'document_unavailable',
          'the BadgeClass is not stored: document_unavailable');

-- malformed assertions: valid = false with a code, never an error
SELECT is(split_part((verify(c, '2017-01-15T00:00:00Z')).errors[1], ':', 1), code, what)
  FROM (VALUES ('no verification', :'hosted'::jsonb - 'verification', 'malformed'),
               ('no recipient', :'hosted'::jsonb - 'recipient', 'malformed'),
               ('no id', :'hosted'::jsonb - 'id', 'malformed'),
               ('unknown verification type', jsonb_set(:'hosted'::jsonb, '{verification,type}', '"LockedBadge"'), 'unsupported_format'),
               ('badge a number', jsonb_set(:'hosted'::jsonb, '{badge}', '7'), 'malformed'),
               ('revoked a string', jsonb_set(:'hosted'::jsonb, '{revoked}', '"yes"'), 'malformed'),
               ('signed given as JSON', jsonb_set(:'hosted'::jsonb, '{verification,type}', '"SignedBadge"'), 'unsupported_format'))
       AS m(what, c, code);
SELECT throws_ok($$INSERT INTO credreg.hosted_document VALUES ('https://x.example/', '"text"')$$, '23514', NULL,
                 'a hosted document is a JSON object');

SELECT * FROM finish();
ROLLBACK;

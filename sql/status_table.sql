-- credreg.status_list and credreg.status_check: what is derived from a stored
-- status list credential, what is refused, and what an entry's check says.
SET search_path = credreg, public;
\set VERBOSITY default
SET client_min_messages = error;
-- The registrar's key: the W3C vc-di-eddsa test key pair, as a did:key.  The
-- verifier's trigger on credreg.status_list stores only lists that verify.
\set pub 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
\set priv 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'
CREATE FUNCTION pg_temp.signed(doc jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT credreg.sign(doc, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-jcs-2022',
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2') $$;

-- The unsigned credential a registrar signs and publishes.
SELECT jsonb_pretty(status_list_credential('https://reg.example.edu/status/1', 'revocation',
       status_list_create(), 'did:example:registrar', '2026-01-01T00:00:00Z', NULL));

-- Storing: the columns are derived from the credential (values given for them are replaced).
INSERT INTO status_list (url, credential, purpose, entries)
VALUES ('https://reg.example.edu/status/1',
        pg_temp.signed(status_list_credential('https://reg.example.edu/status/1', 'revocation',
          status_list_set(status_list_set(status_list_create(), 5, true), 131071, true),
          'did:key:' || :'pub', '2026-01-01T00:00:00Z', '2100-01-01T00:00:00+01:00')),
        '{bogus}', 1);
SELECT url, list_type, purpose, entries, issuer, valid_from AT TIME ZONE 'UTC' AS valid_from,
       valid_until AT TIME ZONE 'UTC' AS valid_until, status_list_set_bits(encoded_list)
  FROM status_list;

-- Checking entries: a set bit is revoked, a clear one is not, the index may be a JSON number.
SELECT * FROM status_check('[
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": 6,
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": ["BitstringStatusListEntry"], "statusPurpose": "revocation", "statusListIndex": "131071",
   "statusListCredential": "https://reg.example.edu/status/1"}]', '2026-06-01');

-- A registrar revokes index 6: the next statement sees it (the cache was flushed).
UPDATE status_list
   SET credential = pg_temp.signed(status_list_credential(url, 'revocation', status_list_set(encoded_list, 6, true),
                                                          issuer, valid_from, valid_until))
 WHERE url = 'https://reg.example.edu/status/1';
SELECT index, status, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "6", "statusListCredential": "https://reg.example.edu/status/1"}', '2026-06-01');

-- What makes the status unavailable: list not stored, wrong purpose, outside the list's validity,
-- index beyond the list, a list shorter than 131,072 entries.
SELECT ok, code, detail FROM status_check('[
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusListCredential": "https://reg.example.edu/status/404"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "5",
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "131072",
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "99999999999999999999999",
   "statusListCredential": "https://reg.example.edu/status/1"}]', '2026-06-01');
SET TimeZone = 'UTC';
SELECT ok, code, detail FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"}', '2025-12-31T23:59:59Z');
SELECT ok, code, detail FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"}', '2099-12-31T23:00:01Z');
SELECT ok, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"}', '2099-12-31T23:00:00Z');
RESET TimeZone;

RESET client_min_messages;
INSERT INTO status_list (url, credential)
VALUES ('https://reg.example.edu/status/short',
        pg_temp.signed(status_list_credential('https://reg.example.edu/status/short', 'revocation',
          'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQsvoAAAAAAAAAAAAAAAAP4GcwM92tQwAAA', 'did:key:' || :'pub')));
SET client_min_messages = error;
SELECT ok, code, detail FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/short"}', '2026-06-01');

-- Several purposes in one list; multi-bit statuses with statusMessage; refresh is not looked up.
INSERT INTO status_list (url, credential)
VALUES ('https://reg.example.edu/status/msg',
        pg_temp.signed(jsonb_set(status_list_credential('https://reg.example.edu/status/msg', 'message',
          status_list_set_status(status_list_set_status(status_list_create(262144), 3, 2, 2), 4, 2, 1),
          'did:key:' || :'pub'), '{credentialSubject,statusPurpose}', '["message", "suspension"]')));
SELECT index, status, message, code FROM status_check(
  (SELECT jsonb_agg(jsonb_build_object('type', 'BitstringStatusListEntry', 'statusPurpose', 'message',
     'statusListIndex', i::text, 'statusSize', 2,
     'statusListCredential', 'https://reg.example.edu/status/msg',
     'statusMessage', '[{"status": "0x0", "message": "pending_review"}, {"status": "0x1", "message": "accepted"},
                        {"status": "0x2", "message": "rejected"}, {"status": "0X3", "message": "undefined"}]'::jsonb))
     FROM generate_series(2, 4) AS i), '2026-06-01');
SELECT index, status, message, code FROM status_check('[
  {"type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "7",
   "statusListCredential": "https://reg.example.edu/status/msg"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "8",
   "statusListCredential": "https://reg.example.edu/status/msg"}]', '2026-06-01');
SELECT ok, checked, purpose, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "refresh",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/none"}', '2026-06-01');

-- StatusList2021: its own types, and the un-prefixed encodedList.
INSERT INTO status_list (url, credential)
VALUES ('https://reg.example.edu/status/2021', pg_temp.signed('{
  "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"],
  "id": "https://reg.example.edu/status/2021",
  "type": ["VerifiableCredential", "StatusList2021Credential"],
  "issuer": {"id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
  "issuanceDate": "2021-04-05T14:27:40Z",
  "expirationDate": "2099-04-05T14:27:40-05:00",
  "credentialSubject": {"id": "https://reg.example.edu/status/2021#list", "type": "StatusList2021",
    "statusPurpose": "revocation",
    "encodedList": "H4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA"}}'));
SELECT list_type, purpose, issuer, valid_from AT TIME ZONE 'UTC' AS valid_from,
       valid_until AT TIME ZONE 'UTC' AS valid_until
  FROM status_list WHERE url = 'https://reg.example.edu/status/2021';
SELECT ok, code, detail FROM status_check('[
  {"type": "StatusList2021Entry", "statusPurpose": "revocation", "statusListIndex": "23",
   "statusListCredential": "https://reg.example.edu/status/2021"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "23",
   "statusListCredential": "https://reg.example.edu/status/2021"},
  {"type": "StatusList2021Entry", "statusPurpose": "revocation", "statusListIndex": "23",
   "statusListCredential": "https://reg.example.edu/status/1"}]', '2026-06-01');

-- VC-JWT 1.1: the credential is the "vc" claim; iss, nbf and exp give issuer and validity window.
INSERT INTO status_list (url, credential)
SELECT 'https://reg.example.edu/status/jwt11',
       jws_sign('{"alg": "EdDSA", "kid": "did:key:' || :'pub' || '#' || :'pub' || '"}',
                convert_to(jsonb_build_object(
                  'iss', 'did:key:' || :'pub', 'nbf', 1767225600, 'exp', 4102444800,
                  'vc', status_list_credential('https://reg.example.edu/status/jwt11', 'suspension',
                                               status_list_set(status_list_create(), 9, true), NULL))::text,
                  'UTF8'),
                :'priv');
SELECT list_type, purpose, issuer, valid_from AT TIME ZONE 'UTC' AS valid_from,
       valid_until AT TIME ZONE 'UTC' AS valid_until, status_list_set_bits(encoded_list)
  FROM status_list WHERE url = 'https://reg.example.edu/status/jwt11';
SELECT index, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "suspension",
  "statusListIndex": "9", "statusListCredential": "https://reg.example.edu/status/jwt11"}', '2026-06-01');

-- Malformed entries.
SELECT ok, code, detail FROM status_check('[
  "not an object",
  {"statusPurpose": "revocation", "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "1EdTechRevocationList", "id": "https://example.org/revocations"},
  {"type": "BitstringStatusListEntry", "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "-1",
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": 1.5,
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "",
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusSize": 0, "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusSize": 2, "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusSize": 1, "statusMessage": [{"status": "0x0", "message": "unset"}],
   "statusListCredential": "https://reg.example.edu/status/1"},
  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
   "statusSize": 17, "statusListCredential": "https://reg.example.edu/status/1"}]', '2026-06-01');

-- status_of: one word for all the entries of a credential (revoked outweighs suspended outweighs
-- an unavailable status outweighs active; entries of other purposes do not count).
SELECT status_of(s, '2026-06-01') FROM (VALUES
  ('[{"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
      "statusListCredential": "https://reg.example.edu/status/404"},
     {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
      "statusListCredential": "https://reg.example.edu/status/1"}]'::jsonb),
  ('[{"type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "9",
      "statusListCredential": "https://reg.example.edu/status/jwt11"},
     {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
      "statusListCredential": "https://reg.example.edu/status/404"}]'),
  ('[{"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "7",
      "statusListCredential": "https://reg.example.edu/status/1"},
     {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
      "statusListCredential": "https://reg.example.edu/status/404"}]'),
  ('[{"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "7",
      "statusListCredential": "https://reg.example.edu/status/1"},
     {"type": "BitstringStatusListEntry", "statusPurpose": "refresh", "statusListIndex": "5",
      "statusListCredential": "https://reg.example.edu/status/404"}]'),
  ('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "x",
     "statusListCredential": "https://reg.example.edu/status/1"}'),
  ('[]')) AS t(s);

-- What is refused when stored.
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', 'not json');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', '{"type": "VerifiableCredential", "type": "x"}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', '[1]');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', 'eyJhbGciOiJFZERTQSJ9.e30');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', 'eyJhbGciOiJFZERTQSJ9.e30=.sig');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1', '{"type": ["VerifiableCredential"]}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": []}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "StatusList2021"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "BitstringStatusList",
    "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": ["revocation", 7], "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation"}}');
-- A BitstringStatusListCredential needs the multibase prefix; only StatusList2021 may omit it.
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation", "encodedList": "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAAAB"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "validFrom": "2026-02-30T00:00:00Z",
    "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
INSERT INTO status_list (url, credential) VALUES ('https://x.example/1',
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "validUntil": "tomorrow",
    "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
SELECT count(*) AS stored FROM status_list;

-- Exact xsd:dateTime forms.  These lists are unsigned: the verifier's trigger is
-- switched off for the transaction, to see what this trigger derives alone.
BEGIN;
ALTER TABLE status_list DISABLE TRIGGER status_list_verify;
INSERT INTO status_list (url, credential)
SELECT 'https://x.example/' || d,
  '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "validFrom": "' || d || '",
    "credentialSubject": {"type": "BitstringStatusList",
    "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}'
  FROM unnest(ARRAY['2026-03-01T12:00:00.123456Z', '2026-03-01T12:00:00', '2026-03-01T12:00:00-14:00',
                    '2024-02-29T24:00:00Z', '9999-12-31T23:59:59Z']) AS d;
SET TimeZone = 'UTC';
SELECT substr(url, 19) AS written, valid_from FROM status_list WHERE url LIKE 'https://x.example/%' ORDER BY url;
RESET TimeZone;
ROLLBACK;
RESET client_min_messages;
DO $$
DECLARE
  d text;
  detail text;
BEGIN
  FOREACH d IN ARRAY ARRAY['2026-03-01 12:00:00Z', '2026-03-01T12:00Z', '2026-03-01T12:00:00+15:00',
                           '2026-03-01T12:00:00.Z', '2026-13-01T00:00:00Z', '2025-02-29T00:00:00Z',
                           '02026-03-01T00:00:00Z', '2026-03-01T12:60:00Z', '2026-03-01T12:00:00+0100', 'now',
                           -- years 0001-9999, as in a credential (src/util/datetime.h)
                           '12026-03-01T00:00:00Z', '10000-01-01T00:00:00Z', '-0001-03-01T00:00:00Z',
                           '0000-03-01T00:00:00Z']
  LOOP
    BEGIN
      INSERT INTO credreg.status_list (url, credential)
      VALUES ('https://x.example/1',
        '{"type": ["VerifiableCredential", "BitstringStatusListCredential"], "validFrom": "' || d || '",
          "credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation",
          "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}');
      RAISE WARNING '% was accepted', d;
    EXCEPTION WHEN invalid_parameter_value THEN
      GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
      RAISE WARNING '%: %', d, detail;
    END;
  END LOOP;
END
$$;
SET client_min_messages = error;


-- Removing a list makes its entries unavailable again.
DELETE FROM status_list WHERE url = 'https://reg.example.edu/status/1';
SELECT ok, code FROM status_check('{"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
  "statusListIndex": "5", "statusListCredential": "https://reg.example.edu/status/1"}', '2026-06-01');
TRUNCATE status_list;
SELECT ok, code FROM status_check('{"type": "StatusList2021Entry", "statusPurpose": "revocation",
  "statusListIndex": "23", "statusListCredential": "https://reg.example.edu/status/2021"}', '2026-06-01');

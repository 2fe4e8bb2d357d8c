-- Data Integrity (eddsa-jcs-2022, ecdsa-jcs-2019) through credreg.verify:
-- what is signed verifies, and each defect ends in valid = false with its code.
SET search_path = credreg, public;
SET timezone = 'UTC';
-- W3C vc-di-eddsa test key (keyPair.json)
\set pub 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
\set priv 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'
CREATE TEMP TABLE d AS SELECT sign(jsonb_build_object(
	'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
	'type', jsonb_build_array('VerifiableCredential'),
	'issuer', 'did:key:' || :'pub',
	'validFrom', '2025-01-01T00:00:00Z',
	'credentialSubject', jsonb_build_object('id', 'did:example:1', 'level', 'X')),
	:'priv', 'eddsa-jcs-2022', 'did:key:' || :'pub' || '#' || :'pub')::jsonb AS doc;
INSERT INTO trusted_issuer (issuer, name) VALUES ('did:key:' || :'pub', 'W3C test key'),
	('did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP', 'W3C P-256 test key'),
	('did:example:not-the-signer', 'an issuer that did not sign'),
	('https://example.edu/issuers/1', 'an https issuer');
CREATE FUNCTION pg_temp.v(c jsonb) RETURNS TABLE (valid boolean, format text, errors text[]) LANGUAGE sql
	AS $$ SELECT valid, format, errors FROM credreg.verify(c, '2026-06-01T00:00:00Z') $$;

SELECT valid, format, issuer, key_id, subject, valid_from, valid_until, status, trusted, checks, errors
  FROM verify((SELECT doc FROM d), '2026-06-01T00:00:00Z');
SELECT * FROM pg_temp.v((SELECT doc::text FROM d)::jsonb);
SELECT is_valid((SELECT doc::text FROM d), '2026-06-01T00:00:00Z') AS text_form_valid;

-- the document or the proof changed
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{credentialSubject,level}', '["X"]') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{validFrom}', '"2025-01-01T00:00:01Z"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{@context}', '["https://www.w3.org/ns/credentials/v2","https://example.org/extra"]') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{@context}', '["https://www.w3.org/2018/credentials/v1"]') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,created}', '"2020-01-01T00:00:00Z"') FROM d));

-- malformed proofs
SELECT * FROM pg_temp.v((SELECT doc - 'proof' FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof}', '5') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof}', '[]') FROM d));
SELECT * FROM pg_temp.v((SELECT doc #- '{proof,verificationMethod}' FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,type}', '"Ed25519Signature2020"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,cryptosuite}', '"foo-2099"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,proofValue}', '"uAAAA"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,proofValue}', '"z0OIl"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,proofValue}', '"z2"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,proofPurpose}', '"authentication"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,created}', '"yesterday"') FROM d));
-- (expires is a proof option: adding it breaks the signature)
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,expires}', '"2026-01-01T00:00:00+01:00"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,previousProof}', '"urn:nope"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof}', (SELECT jsonb_agg(d2.doc->'proof') FROM d d2, generate_series(1, 17))) FROM d));

-- keys and issuers
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{proof,verificationMethod}', '"https://example.edu/keys/1"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{issuer}', '"did:example:not-the-signer"') FROM d));
SELECT * FROM pg_temp.v((SELECT jsonb_set(doc, '{validUntil}', '"2026-05-31T23:59:59Z"') FROM d));
-- signed by the did:key, but the credential names another issuer
SELECT * FROM pg_temp.v(sign((SELECT doc - 'proof' FROM d) || '{"issuer":"did:example:not-the-signer"}',
	:'priv', 'eddsa-jcs-2022', 'did:key:' || :'pub' || '#' || :'pub')::jsonb);
-- signed and expired, as of two instants
SELECT valid, errors FROM verify(sign((SELECT doc - 'proof' FROM d) || '{"validUntil":"2026-05-31T23:59:59Z"}',
	:'priv', 'eddsa-jcs-2022', 'did:key:' || :'pub' || '#' || :'pub'), '2026-06-01T00:00:00Z');
SELECT valid, errors FROM verify(sign((SELECT doc - 'proof' FROM d) || '{"validUntil":"2026-05-31T23:59:59Z"}',
	:'priv', 'eddsa-jcs-2022', 'did:key:' || :'pub' || '#' || :'pub'), '2026-05-31T23:59:59Z');
SELECT valid, errors FROM verify(sign((SELECT doc - 'proof' FROM d) || '{"validFrom":"2026-06-01T02:00:00+02:00"}',
	:'priv', 'eddsa-jcs-2022', 'did:key:' || :'pub' || '#' || :'pub'), '2026-05-31T23:59:59Z');

-- <issuer id>#<multibase>: the key counts only once it is bound to the issuer
CREATE TEMP TABLE h AS SELECT sign(jsonb_build_object(
	'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
	'type', jsonb_build_array('VerifiableCredential'),
	'issuer', 'https://example.edu/issuers/1',
	'credentialSubject', jsonb_build_object('id', 'did:example:1')),
	:'priv', 'eddsa-jcs-2022', 'https://example.edu/issuers/1#' || :'pub')::jsonb AS doc;
SELECT * FROM pg_temp.v((SELECT doc FROM h));
INSERT INTO issuer_key (key_id, issuer, public_key)
	VALUES ('https://example.edu/issuers/1#key-1', 'https://example.edu/issuers/1', :'pub');
SELECT * FROM pg_temp.v((SELECT doc FROM h));
UPDATE issuer_key SET revoked_at = '2026-01-01T00:00:00Z' WHERE key_id = 'https://example.edu/issuers/1#key-1';
SELECT * FROM pg_temp.v((SELECT doc FROM h));

-- ECDSA P-256 and P-384 (W3C vc-di-ecdsa test keys)
SELECT valid, format, errors FROM verify(sign((SELECT doc - 'proof' FROM d) || '{"issuer":"did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP"}',
	'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN', 'ecdsa-jcs-2019',
	'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP'),
	'2026-06-01T00:00:00Z');
SELECT valid, format, errors FROM verify(sign((SELECT doc - 'proof' FROM d), :'priv', 'ecdsa-jcs-2019',
	'did:key:' || :'pub' || '#' || :'pub'), '2026-06-01T00:00:00Z');

-- sign refuses what it cannot do
SELECT sign('{}'::jsonb, :'priv', 'eddsa-rdfc-1999', 'did:key:x');
SELECT sign('[1]'::jsonb, :'priv', 'eddsa-jcs-2022', 'did:key:x');
SELECT sign('{}'::jsonb, 'not a key', 'eddsa-jcs-2022', 'did:key:x');
SELECT sign('{}'::jsonb, :'pub', 'eddsa-jcs-2022', 'did:key:x');
SELECT sign('{}'::jsonb, 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN', 'eddsa-jcs-2022', 'did:key:x');

-- proof_hash_data for a proof index that does not exist
SELECT * FROM proof_hash_data((SELECT doc::text FROM d), 1);

-- leave the registry as it was
DELETE FROM issuer_key WHERE key_id = 'https://example.edu/issuers/1#key-1';
DELETE FROM trusted_issuer WHERE name IN ('W3C test key', 'W3C P-256 test key', 'an issuer that did not sign', 'an https issuer');

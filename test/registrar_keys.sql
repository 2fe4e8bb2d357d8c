-- Registrar helpers: generate_key for each key type and spelling, signing
-- with a key stored in credreg.signing_key through a 'signing_key:NAME'
-- reference (and a role that may not read the table may not use it), and
-- status_list_revoke / _suspend / _reinstate re-signing a stored list so that
-- verify then reports the new status.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true

BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL client_min_messages = error;
SELECT plan(32);

-- generate_key
SELECT is((SELECT array_agg(pubkey_type(pubkey_from_private(generate_key(t))) ORDER BY o)
	FROM unnest(ARRAY['Ed25519', 'OKP', 'eddsa', 'P-256', 'EC', 'es256', 'P-384', 'ES384']) WITH ORDINALITY u(t, o)),
	ARRAY['Ed25519', 'Ed25519', 'Ed25519', 'P-256', 'P-256', 'P-256', 'P-384', 'P-384'],
	'generate_key: Ed25519 (OKP, EdDSA), P-256 (EC, ES256), P-384 (ES384), case-insensitive');
SELECT is((SELECT array_agg(k ORDER BY k) FROM (SELECT jsonb_object_keys(generate_key('P-384')::jsonb) k) x),
	ARRAY['crv', 'd', 'kty', 'x', 'y'], 'an EC private JWK has crv, kty, x, y and d');
SELECT is(length(generate_key('P-384')::jsonb ->> 'd'), 64, 'a P-384 d is 48 bytes (64 base64url characters)');
SELECT isnt(generate_key(), generate_key(), 'every key is fresh');
SELECT throws_ok($$SELECT credreg.generate_key('RSA')$$, '22023', 'unsupported key type "RSA"', 'other key types are refused');

CREATE TEMP TABLE signed ON COMMIT DROP AS
	SELECT t, k, sign('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
			"issuer": "did:example:issuer", "credentialSubject": {"id": "did:example:s"}}',
		k, s, 'did:example:issuer#key-1') AS cred
	FROM (VALUES ('Ed25519', 'eddsa-jcs-2022'), ('P-256', 'ecdsa-jcs-2019'), ('P-384', 'vc+jwt')) v(t, s),
		LATERAL (SELECT generate_key(t) AS k) g;
SELECT ok((SELECT bool_and(verify_proof(cred, pubkey_from_private(k))) FROM signed),
	'credentials signed with generated Ed25519, P-256 and P-384 keys verify');

-- stored keys, by reference
INSERT INTO signing_key (name, private_key)
	VALUES ('registrar-2026', generate_key('Ed25519')), ('registrar-p256', generate_key('P-256'));
SELECT ok((SELECT bool_and(public_key = pubkey_from_private(private_key)) FROM signing_key),
	'signing_key.public_key is the stored key''s public half');
SELECT ok(verify_proof(sign('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
		"issuer": "did:example:issuer", "credentialSubject": {"id": "did:example:s"}}',
		'signing_key:registrar-2026', 'eddsa-jcs-2022', 'did:example:issuer#key-1'),
	(SELECT public_key FROM signing_key_public WHERE name = 'registrar-2026')),
	'credreg.sign with ''signing_key:NAME'' signs with the stored key');
SELECT ok(verify_signature((SELECT public_key FROM signing_key WHERE name = 'registrar-p256'), 'ES256', 'abc',
	sign_signature('signing_key:registrar-p256', 'ES256', 'abc')), 'sign_signature takes a reference too');
SELECT throws_ok($$SELECT credreg.sign('{}', 'signing_key:nobody', 'vc+jwt', 'x')$$, '22023', NULL,
	'an unknown key name is refused');
SELECT throws_ok($$INSERT INTO credreg.signing_key (name, private_key) VALUES ('loop', 'signing_key:registrar-2026')$$,
	'23514', NULL, 'a stored key is key material, not another reference');
SELECT throws_ok($$INSERT INTO credreg.signing_key (name, private_key) VALUES ('bad', 'not a key')$$,
	'22023', NULL, 'a stored key must be a private key');

-- PUBLIC may neither read nor use stored keys
SELECT ok(NOT has_table_privilege('public', 'credreg.signing_key', 'SELECT')
	AND NOT EXISTS (SELECT FROM information_schema.role_table_grants
		WHERE table_schema = 'credreg' AND table_name = 'signing_key' AND grantee = 'PUBLIC'),
	'PUBLIC has no privilege on signing_key');
CREATE ROLE credreg_registrar_test_nobody;
GRANT USAGE ON SCHEMA credreg TO credreg_registrar_test_nobody;
SET LOCAL ROLE credreg_registrar_test_nobody;
SELECT throws_ok('SELECT private_key FROM credreg.signing_key', '42501', NULL, 'another role cannot read signing_key');
SELECT throws_ok($$SELECT credreg.sign('{"type": ["VerifiableCredential"]}', 'signing_key:registrar-2026', 'vc+jwt', 'x')$$,
	'42501', NULL, 'another role cannot sign with a stored key');
SELECT throws_ok($$SELECT credreg.log_signed_head('signing_key:registrar-2026')$$,
	'42501', NULL, '... nor sign a tree head with it');
SELECT is((SELECT count(*) FROM credreg.signing_key_public), 2::bigint, 'the public halves are public');
SELECT throws_ok($$SELECT credreg.log_append(sha256('x'))$$, '42501', NULL, 'another role cannot append to the log');
RESET ROLE;

-- status lists kept by the registrar, under a did:key issuer
CREATE TEMP TABLE k ON COMMIT DROP AS
	SELECT did, did || '#' || pubkey_multikey(pub) AS vm FROM (
		SELECT pubkey_did(public_key) AS did, public_key AS pub FROM signing_key WHERE name = 'registrar-2026') x;
INSERT INTO status_list (url, credential, fetched_at)
	SELECT 'https://registrar.example.edu/status/' || purpose,
		sign(status_list_credential('https://registrar.example.edu/status/' || purpose, purpose, status_list_create(), did),
			'signing_key:registrar-2026', suite, vm), '2020-01-01'
	FROM k, (VALUES ('revocation', 'eddsa-jcs-2022'), ('suspension', 'vc+jwt')) p(purpose, suite);
CREATE TEMP TABLE c ON COMMIT DROP AS
	SELECT purpose, idx,
		sign(jsonb_build_object(
			'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
			'type', jsonb_build_array('VerifiableCredential'),
			'issuer', did, 'validFrom', '2025-01-01T00:00:00Z',
			'credentialSubject', jsonb_build_object('id', 'did:example:learner'),
			'credentialStatus', jsonb_build_object(
				'type', 'BitstringStatusListEntry', 'statusPurpose', purpose,
				'statusListIndex', idx::text,
				'statusListCredential', 'https://registrar.example.edu/status/' || purpose)),
			'signing_key:registrar-2026', 'eddsa-jcs-2022', vm) AS cred
	FROM k, (VALUES ('revocation'), ('suspension')) p(purpose), (VALUES (7), (8), (9)) i(idx);
CREATE FUNCTION pg_temp.status_of(p text, i int) RETURNS text LANGUAGE sql AS $$
	SELECT status FROM credreg.verify((SELECT cred FROM c WHERE purpose = p AND idx = i)) $$;

SELECT is(ARRAY[pg_temp.status_of('revocation', 7), pg_temp.status_of('suspension', 7)], ARRAY['active', 'active'],
	'before: active');
SELECT lives_ok($$SELECT credreg.status_list_revoke('https://registrar.example.edu/status/revocation', '{7, 9}',
	'signing_key:registrar-2026', (SELECT vm FROM k))$$, 'status_list_revoke');
SELECT is(ARRAY[pg_temp.status_of('revocation', 7), pg_temp.status_of('revocation', 8), pg_temp.status_of('revocation', 9)],
	ARRAY['revoked', 'active', 'revoked'], 'verify says revoked at the revoked indexes only');
SELECT ok((SELECT fetched_at > '2020-01-01' AND credential LIKE '{%'
		AND credential::jsonb #>> '{proof,cryptosuite}' = 'eddsa-jcs-2022'
		AND status_list_set_bits(encoded_list) = '{7,9}'
	FROM status_list WHERE url = 'https://registrar.example.edu/status/revocation'),
	'the list was re-signed with its suite and fetched_at updated');
SELECT lives_ok($$SELECT credreg.status_list_suspend('https://registrar.example.edu/status/suspension', '{7, 8}',
	'signing_key:registrar-2026', (SELECT vm FROM k))$$, 'status_list_suspend');
SELECT is(ARRAY[pg_temp.status_of('suspension', 7), pg_temp.status_of('suspension', 8), pg_temp.status_of('suspension', 9)],
	ARRAY['suspended', 'suspended', 'active'], 'verify says suspended at the suspended indexes');
SELECT lives_ok($$SELECT credreg.status_list_reinstate('https://registrar.example.edu/status/suspension', '{8}',
	'signing_key:registrar-2026', (SELECT vm FROM k))$$, 'status_list_reinstate');
SELECT is(ARRAY[pg_temp.status_of('suspension', 7), pg_temp.status_of('suspension', 8)],
	ARRAY['suspended', 'active'], 'a reinstated credential is active again');
SELECT ok((SELECT credential NOT LIKE '{%' FROM status_list WHERE url = 'https://registrar.example.edu/status/suspension'),
	'a vc+jwt list stays a vc+jwt');
SELECT throws_ok($$SELECT credreg.status_list_reinstate('https://registrar.example.edu/status/revocation', '{7}',
	'signing_key:registrar-2026', 'x')$$, '22023', NULL, 'a revocation is final: no reinstating on a revocation list');
SELECT throws_ok($$SELECT credreg.status_list_revoke('https://registrar.example.edu/status/revocation', '{131072}',
	'signing_key:registrar-2026', 'x')$$, '22023', NULL, 'an index outside the list is refused');
SELECT throws_ok($$SELECT credreg.status_list_revoke('https://nowhere.example/list', '{1}',
	'signing_key:registrar-2026', 'x')$$, 'P0002', NULL, 'an unknown list is refused');

-- markings: the writers are VOLATILE, STRICT and PARALLEL UNSAFE; nothing here is SECURITY DEFINER
SELECT is((SELECT array_agg(p.proname::text || ':' || p.provolatile::text || p.proparallel::text || p.proisstrict::text ORDER BY 1)
	FROM pg_proc p WHERE p.pronamespace = 'credreg'::regnamespace
		AND p.proname ~ '^status_list_(revoke|suspend|reinstate|update)(_impl)?$'),
	ARRAY['status_list_reinstate:vutrue', 'status_list_reinstate_impl:vutrue', 'status_list_revoke:vutrue',
		  'status_list_revoke_impl:vutrue', 'status_list_suspend:vutrue', 'status_list_suspend_impl:vutrue',
		  'status_list_update:vutrue', 'status_list_update_impl:vutrue'],
	'status_list_revoke, _suspend, _reinstate, _update and their _impl bodies: VOLATILE, PARALLEL UNSAFE, STRICT');
SELECT is((SELECT count(*) FROM pg_proc p WHERE p.pronamespace = 'credreg'::regnamespace AND p.prosecdef
		AND (p.proname LIKE 'status%' OR p.proname LIKE '%key%' OR p.proname = 'sign')), 0::bigint,
	'no key or status function is SECURITY DEFINER');

SELECT * FROM finish();
ROLLBACK;

-- crypto: the JOSE known-answer vectors of RFC 8037 and RFC 7515, read from
-- test/vectors/jose/ (see SOURCE.md there).
BEGIN;
SELECT plan(16);
SET LOCAL search_path = credreg, public;

-- each file is read whole, one line per row, then parsed as JSON
CREATE TEMP TABLE vec_line (file text, n serial, line text);
\copy vec_line (line) FROM 'test/vectors/jose/rfc8037-A-ed25519.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'ed25519' WHERE file IS NULL;
\copy vec_line (line) FROM 'test/vectors/jose/rfc7515-A3-es256.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'es256' WHERE file IS NULL;
\copy vec_line (line) FROM 'test/vectors/jose/rfc7515-A2-rs256.json' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE vec_line SET file = 'rs256' WHERE file IS NULL;
CREATE TEMP TABLE vec AS
	SELECT file, string_agg(line, E'\n' ORDER BY n)::jsonb AS v FROM vec_line GROUP BY file;
-- the compact JWS split into signing input and signature
CREATE TEMP TABLE jws AS
	SELECT file, split_part(c, '.', 1) || '.' || split_part(c, '.', 2) AS signing_input,
		   base64url_decode(split_part(c, '.', 3)) AS sig
	  FROM (SELECT file, coalesce(v->>'A.4_jws_compact', v->>'jws_compact') AS c FROM vec) s;

SELECT is((SELECT count(*)::int FROM vec), 3, 'three vector files read');

-- RFC 8037 A.2 / A.3: the public key, its RFC 7638 JWK and thumbprint
SELECT is((SELECT pubkey_thumbprint((v->'A.2_public_key_jwk')::text::pubkey) FROM vec WHERE file = 'ed25519'),
	(SELECT v->>'A.3_jwk_thumbprint_sha256_b64url' FROM vec WHERE file = 'ed25519'),
	'RFC 8037 A.3: the JWK thumbprint');
SELECT is((SELECT pubkey_jwk((v->'A.2_public_key_jwk')::text::pubkey) FROM vec WHERE file = 'ed25519'),
	(SELECT (v->>'A.3_jwk_thumbprint_canonical_input')::jsonb FROM vec WHERE file = 'ed25519'),
	'RFC 8037 A.3: the thumbprint input is the key''s JWK');
SELECT is((SELECT pubkey_from_private((v->'A.1_private_key_jwk')::text) = (v->'A.2_public_key_jwk')::text::pubkey
			 FROM vec WHERE file = 'ed25519'),
	true, 'RFC 8037 A.1/A.2: the private key derives the public key');

-- RFC 8037 A.4/A.5: EdDSA verifies, and signing reproduces the signature
SELECT is((SELECT verify_signature((v->'A.2_public_key_jwk')::text::pubkey, 'EdDSA',
								   convert_to(signing_input, 'UTF8'), sig)
			 FROM vec JOIN jws USING (file) WHERE file = 'ed25519'),
	true, 'RFC 8037 A.5: the Ed25519 JWS verifies');
SELECT is((SELECT sign_signature((v->'A.1_private_key_jwk')::text, 'EdDSA', convert_to(signing_input, 'UTF8'))
			 FROM vec JOIN jws USING (file) WHERE file = 'ed25519'),
	(SELECT sig FROM jws WHERE file = 'ed25519'),
	'RFC 8037 A.4: signing reproduces the signature byte for byte');
SELECT is((SELECT signing_input FROM jws WHERE file = 'ed25519'),
	(SELECT v->>'A.4_signing_input' FROM vec WHERE file = 'ed25519'),
	'RFC 8037 A.4: the signing input');

-- RFC 7515 A.3 (ES256, raw r||s) and A.2 (RS256)
SELECT throws_ok(
	$$SELECT (v->'jwk')::text::credreg.pubkey FROM vec WHERE file = 'es256'$$,
	'22P02', 'invalid input syntax for type pubkey: private key material',
	'RFC 7515 A.3: the JWK with "d" is refused as a public key');
SELECT is((SELECT verify_signature(pubkey_from_private((v->'jwk')::text), 'ES256', convert_to(signing_input, 'UTF8'), sig)
			 FROM vec JOIN jws USING (file) WHERE file = 'es256'),
	true, 'RFC 7515 A.3: the ES256 JWS verifies with the public half');
SELECT is((SELECT verify_signature((v->'jwk_public')::text::pubkey, 'RS256', convert_to(signing_input, 'UTF8'), sig)
			 FROM vec JOIN jws USING (file) WHERE file = 'rs256'),
	true, 'RFC 7515 A.2: the RS256 JWS verifies');
SELECT is((SELECT verify_signature((v->'jwk_public')::text::pubkey, 'PS256', convert_to(signing_input, 'UTF8'), sig)
			 FROM vec JOIN jws USING (file) WHERE file = 'rs256'),
	false, 'RFC 7515 A.2: the PKCS#1 v1.5 signature is not a PS256 signature');

-- ES256 signatures given as r || s reach ECDSA as the two integers (no DER
-- round trip): the mirror signature (r, n - s) verifies too (high-S is
-- accepted, see src/crypto/sig.c), r = 0 and s = n are refused as
-- invalid, not as errors, and so is a truncated signature.
CREATE FUNCTION pg_temp.b2n(b bytea) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(sum(get_byte(b, i)::numeric * 256::numeric ^ (length(b) - 1 - i)), 0)
	  FROM generate_series(0, length(b) - 1) i $$;
CREATE FUNCTION pg_temp.n2b(n numeric) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(set_byte('\x00'::bytea, 0, (trunc(n / 256::numeric ^ (31 - i)) % 256)::int), '' ORDER BY i)
	  FROM generate_series(0, 31) i $$;
CREATE TEMP TABLE es AS
SELECT pubkey_from_private((v->'jwk')::text) AS key, convert_to(signing_input, 'UTF8') AS msg,
       substring(sig FROM 1 FOR 32) AS r, substring(sig FROM 33 FOR 32) AS s,
       115792089210356248762697446949407573529996955224135760342422259061068512044369::numeric AS n
  FROM vec JOIN jws USING (file) WHERE file = 'es256';
SELECT is((SELECT pg_temp.n2b(pg_temp.b2n(r)) = r FROM es), true, 'ES256 test helpers: bytes to number and back');
SELECT is((SELECT verify_signature(key, 'ES256', msg, r || pg_temp.n2b(n - pg_temp.b2n(s))) FROM es),
	true, 'ES256: the mirror signature (r, n - s) of RFC 7515 A.3 verifies');
SELECT is((SELECT verify_signature(key, 'ES256', msg, pg_temp.n2b(0) || s) FROM es),
	false, 'ES256: r = 0 does not verify');
SELECT is((SELECT verify_signature(key, 'ES256', msg, r || pg_temp.n2b(n)) FROM es),
	false, 'ES256: s = n (the group order) does not verify');
SELECT is((SELECT verify_signature(key, 'ES256', msg, r || substring(s FROM 1 FOR 31)) FROM es),
	false, 'ES256: a signature of 63 bytes does not verify');

SELECT * FROM finish();
ROLLBACK;

-- Malformed and unsupported credentials: each ends in valid = false with its
-- code and message, never an ERROR (a report over many rows does not stop).
SET search_path = credreg, public;
SET timezone = 'UTC';
\set priv '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'
CREATE TEMP TABLE k AS SELECT :'priv'::text AS priv;
SELECT pubkey_did((((:'priv')::jsonb) - 'd')::text::pubkey) AS did \gset
SELECT :'did' AS did;
-- a JWS over any header and payload with the RFC 8037 A.1 key
CREATE FUNCTION pg_temp.jws(header text, payload text) RETURNS text LANGUAGE sql
	AS $$ SELECT credreg.jws_sign(header, convert_to(payload, 'UTF8'), (SELECT priv FROM k)) $$;
CREATE FUNCTION pg_temp.v(c text) RETURNS TABLE (valid boolean, format text, errors text[]) LANGUAGE sql
	AS $$ SELECT valid, format, errors FROM credreg.verify(c, '2026-06-01T00:00:00Z') $$;
CREATE TEMP TABLE good AS SELECT pg_temp.jws(
	'{"alg":"EdDSA","typ":"vc+jwt","kid":"' || :'did' || '#' || split_part(:'did', ':', 3) || '"}',
	'{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"'
	|| :'did' || '","validFrom":"2025-01-01T00:00:00Z","credentialSubject":{"id":"did:example:1"}}') AS c;

-- the good one: signature fine, issuer not trusted yet
SELECT * FROM pg_temp.v((SELECT c FROM good));
INSERT INTO trusted_issuer (issuer, name) VALUES (:'did', 'RFC 8037 test key');
SELECT * FROM pg_temp.v((SELECT c FROM good));
SELECT is_valid((SELECT c FROM good), '2026-06-01T00:00:00Z');

-- not a credential at all
SELECT * FROM pg_temp.v('');
SELECT * FROM pg_temp.v('   ');
SELECT * FROM pg_temp.v('hello');
SELECT * FROM pg_temp.v('a.b');
SELECT * FROM pg_temp.v('a.b.c.d');
SELECT * FROM pg_temp.v('[1,2]');
SELECT * FROM pg_temp.v('{"a":1,"a":2}');
SELECT * FROM pg_temp.v('{"a":');

-- bad base64url and bad headers
SELECT * FROM pg_temp.v('!!!.e30.AAAA');
SELECT * FROM pg_temp.v('eyJhbGciOiJFZERTQSJ9=.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('not json', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('[]', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"typ":"JWT"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"none"}', 'UTF8')) || '.e30.');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"HS256"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"ES512"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA","crit":["b64"],"b64":false}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA","alg":"none"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA","kid":42}', 'UTF8')) || '.e30.AAAA');

-- keys that do not resolve or do not fit
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA","kid":"https://example.edu/keys/1"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"EdDSA","kid":"did:key:z6MkBOGUS"}', 'UTF8')) || '.e30.AAAA');
SELECT * FROM pg_temp.v(base64url_encode(convert_to('{"alg":"ES256","kid":"' || :'did' || '"}', 'UTF8')) || '.e30.AAAA');

-- truncations and wrong signature lengths of the good JWS
SELECT * FROM pg_temp.v(left((SELECT c FROM good), -1));
SELECT * FROM pg_temp.v(left((SELECT c FROM good), -2));
SELECT * FROM pg_temp.v(left((SELECT c FROM good), -44));
SELECT * FROM pg_temp.v(split_part((SELECT c FROM good), '.', 1) || '.' || split_part((SELECT c FROM good), '.', 2) || '.');
SELECT * FROM pg_temp.v(left((SELECT c FROM good), 40));
SELECT * FROM pg_temp.v(split_part((SELECT c FROM good), '.', 1) || '.' || split_part((SELECT c FROM good), '.', 2)
	|| '.' || split_part((SELECT c FROM good), '.', 3) || 'AAAA');

-- signed, but the payload is not a credential
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","kid":"' || :'did' || '"}', 'Example of Ed25519 signing'));
SELECT * FROM pg_temp.v(credreg.jws_sign('{"alg":"EdDSA","kid":"' || :'did' || '"}', '\xc328'::bytea, :'priv'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","kid":"' || :'did' || '"}', '{"iss":"x"}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","kid":"' || :'did' || '"}', '{"vc":[1]}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"vc+jwt","kid":"' || :'did' || '"}',
	'{"@context":[],"issuer":"' || :'did' || '","validFrom":"2025-13-01T00:00:00Z"}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"vc+jwt","kid":"' || :'did' || '"}',
	'{"@context":[],"issuer":{"name":"no id"}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"vc+jwt","kid":"' || :'did' || '"}',
	'{"@context":[],"issuer":"did:example:someone-else"}'));

-- huge numbers and deep nesting, signed
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","nbf":1e400,"vc":{"@context":[],"issuer":"' || :'did' || '"}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","exp":' || repeat('9', 400) || ',"vc":{"@context":[]}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"vc+jwt","kid":"' || :'did' || '"}',
	'{"@context":[],"issuer":"' || :'did' || '","x":' || repeat('[', 200) || repeat(']', 200) || '}'));

-- VC-JWT 1.1 claims that contradict the credential
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"did:example:other","vc":{"@context":[],"issuer":"' || :'did' || '"}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","jti":"urn:a","vc":{"@context":[],"id":"urn:b","issuer":"' || :'did' || '"}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","sub":"did:example:a","vc":{"@context":[],"credentialSubject":{"id":"did:example:b"}}}'));
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","nbf":1735689600,"vc":{"@context":["https://www.w3.org/ns/credentials/v2"],"validFrom":"2025-01-02T00:00:00Z"}}'));
-- ... and claims that agree: mapped onto the credential
SELECT * FROM pg_temp.v(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","sub":"did:example:a","jti":"urn:x","nbf":1735689600,"exp":1798761600,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"credentialSubject":{}}}'));
SELECT credential_payload(pg_temp.jws('{"alg":"EdDSA","typ":"JWT","kid":"' || :'did' || '"}',
	'{"iss":"' || :'did' || '","sub":"did:example:a","jti":"urn:x","nbf":1735689600,"exp":1798761600,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"credentialSubject":{}}}'));

-- jsonb input
SELECT valid, format, errors FROM verify('[1]'::jsonb, '2026-06-01T00:00:00Z');
SELECT valid, format, errors FROM verify('"abc"'::jsonb, '2026-06-01T00:00:00Z');
SELECT valid, format, errors FROM verify(to_jsonb((SELECT c FROM good)), '2026-06-01T00:00:00Z');
SELECT valid, format, errors FROM verify('{"issuer":"x"}'::jsonb, '2026-06-01T00:00:00Z');

-- a report over bad rows does not stop
SELECT count(*) FILTER (WHERE is_valid(c, '2026-06-01T00:00:00Z')) AS valid, count(*) AS total
  FROM (VALUES ((SELECT c FROM good)), (''), ('x.y.z'), ('{'), ((SELECT c FROM good) || 'x')) AS t(c);

-- credential_payload raises on what is not a credential
SELECT credential_payload('x.y.z');
SELECT credential_payload('{"a":');

-- leave the registry as it was
DELETE FROM trusted_issuer WHERE issuer = :'did';

-- credreg.pubkey: every input form, canonical output, round trips, the
-- RFC 7638 thumbprint vector, signatures, the key cache, the key tables, and
-- exact errors for malformed input.
-- Keys: RFC 8037 A.1/A.2 (Ed25519), RFC 7515 A.2 (RSA) and A.3 (P-256), the
-- corpus issuer/0 Multikey; the other keys are throwaway test keys generated
-- with OpenSSL for this file (cross-checked with Python's cryptography).
SET search_path = credreg, public;
SET extra_float_digits = 0;

-- 1. Input forms and canonical output
-- Ed25519: Multikey, did:key, did:key URL, 'u' multibase, JWK, did:jwk (with and without #0), SPKI PEM
SELECT 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'::pubkey AS multikey;
SELECT 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'::pubkey AS did_key;
SELECT 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D#z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'::pubkey AS did_key_url;
SELECT ('u' || base64url_encode(base58btc_decode(substr('z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D', 2))))::pubkey = 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'::pubkey AS base64url_multibase_same;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey AS rfc8037_jwk;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'UTF8')))::pubkey AS did_jwk;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'UTF8')) || '#0')::pubkey AS did_jwk_url;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAmSDzZ4gPfqc4cYyDlIDlTB8dZC8I1fV0PqdQvpY0dHM=
-----END PUBLIC KEY-----
$pem$::pubkey AS ed25519_pem, $pem$-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAmSDzZ4gPfqc4cYyDlIDlTB8dZC8I1fV0PqdQvpY0dHM=
-----END PUBLIC KEY-----
$pem$::pubkey = 'z6Mkpm1ZjDY3jLWS1ntyAAAYRBkDkejAzSXed2i4bbuPEbFQ'::pubkey AS pem_matches_multikey;
-- whitespace around any form is ignored
SELECT (E'  \n' || 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D' || E'\n ')::pubkey AS padded;
-- P-256: JWK (RFC 7515 A.3), Multikey, SPKI PEM with an uncompressed point
SELECT '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'::pubkey AS rfc7515_p256;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IBXfPXFmzLWhTmaAf+EeJlVCjkj
MhwT/FIQQaNMMH3UZnvBgrEu5ICtrXKyOLhOg82SrECYn5OOLtsvW1LHlw==
-----END PUBLIC KEY-----
$pem$::pubkey AS p256_pem, $pem$-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IBXfPXFmzLWhTmaAf+EeJlVCjkj
MhwT/FIQQaNMMH3UZnvBgrEu5ICtrXKyOLhOg82SrECYn5OOLtsvW1LHlw==
-----END PUBLIC KEY-----
$pem$::pubkey = 'zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk'::pubkey AS pem_matches_multikey;
-- P-384
SELECT $pem$-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEjAofY4qDJle0nQ2GkfkM9F70Lr3mMElu
vpip6ApWhHOrl2NJ4fgFRCrro/Ifu4mBgKzkrekljzEOsRXTu2VJ88OzQRsbAM87
PccuvTHlGd5PlCpbkSA/1S0wFivGk6xU
-----END PUBLIC KEY-----
$pem$::pubkey AS p384_pem, $pem$-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEjAofY4qDJle0nQ2GkfkM9F70Lr3mMElu
vpip6ApWhHOrl2NJ4fgFRCrro/Ifu4mBgKzkrekljzEOsRXTu2VJ88OzQRsbAM87
PccuvTHlGd5PlCpbkSA/1S0wFivGk6xU
-----END PUBLIC KEY-----
$pem$::pubkey = 'z82Lkqf53HcCK5yxK4mxHtDTP8JLQCu4RnCgZS2fB7Ae2wLNQpcGtBw8J5pJuhEAAXcwNG8'::pubkey AS pem_matches_multikey;
SELECT ('did:key:' || 'z82Lkqf53HcCK5yxK4mxHtDTP8JLQCu4RnCgZS2fB7Ae2wLNQpcGtBw8J5pJuhEAAXcwNG8')::pubkey AS p384_did_key;
-- RSA: the canonical text is the RFC 7638 JWK
SELECT '{"kty": "RSA", "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ", "e": "AQAB"}'::pubkey AS rfc7515_rsa;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+YaWjfgzgF6sGMTKNgLY
OjZnDHGpcf+Ck+lVjO1h7vasKhSHiD6hEEDxEjiB9z4+YBXoGEu7H11UzZUkT4CR
bug1RQ65o8DHjl7BIgnC/WY6sdLCXf/iZrUpuG6yozfFnW1pD7J/WScxoi0teHBv
rpuGzn3cz/jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X+kqQpEuDGl
RHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS/NoFZXuGjooy
/QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6/E1s0ZsWHsaosbOVFk/
3wIDAQAB
-----END PUBLIC KEY-----
$pem$::pubkey = '{"e":"AQAB","kty":"RSA","n":"-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w"}'::pubkey AS rsa_pem_matches_jwk, $pem$-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+YaWjfgzgF6sGMTKNgLY
OjZnDHGpcf+Ck+lVjO1h7vasKhSHiD6hEEDxEjiB9z4+YBXoGEu7H11UzZUkT4CR
bug1RQ65o8DHjl7BIgnC/WY6sdLCXf/iZrUpuG6yozfFnW1pD7J/WScxoi0teHBv
rpuGzn3cz/jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X+kqQpEuDGl
RHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS/NoFZXuGjooy
/QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6/E1s0ZsWHsaosbOVFk/
3wIDAQAB
-----END PUBLIC KEY-----
$pem$::pubkey::text = '{"e":"AQAB","kty":"RSA","n":"-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w"}' AS canonical;

-- 2. Round trips: text output is valid input for the same value; binary
-- send is version 1, the key type, the canonical bytes
CREATE TEMP TABLE k (label text, key pubkey);
INSERT INTO k VALUES
	('ed25519 rfc8037', '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'),
	('ed25519 corpus', 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'),
	('ed25519 pem', $pem$-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAmSDzZ4gPfqc4cYyDlIDlTB8dZC8I1fV0PqdQvpY0dHM=
-----END PUBLIC KEY-----
$pem$),
	('p-256 rfc7515', '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'),
	('p-256 pem', $pem$-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IBXfPXFmzLWhTmaAf+EeJlVCjkj
MhwT/FIQQaNMMH3UZnvBgrEu5ICtrXKyOLhOg82SrECYn5OOLtsvW1LHlw==
-----END PUBLIC KEY-----
$pem$),
	('p-384 pem', $pem$-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEjAofY4qDJle0nQ2GkfkM9F70Lr3mMElu
vpip6ApWhHOrl2NJ4fgFRCrro/Ifu4mBgKzkrekljzEOsRXTu2VJ88OzQRsbAM87
PccuvTHlGd5PlCpbkSA/1S0wFivGk6xU
-----END PUBLIC KEY-----
$pem$),
	('rsa rfc7515', '{"kty": "RSA", "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ", "e": "AQAB"}'),
	('rsa pem', $pem$-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+YaWjfgzgF6sGMTKNgLY
OjZnDHGpcf+Ck+lVjO1h7vasKhSHiD6hEEDxEjiB9z4+YBXoGEu7H11UzZUkT4CR
bug1RQ65o8DHjl7BIgnC/WY6sdLCXf/iZrUpuG6yozfFnW1pD7J/WScxoi0teHBv
rpuGzn3cz/jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X+kqQpEuDGl
RHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS/NoFZXuGjooy
/QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6/E1s0ZsWHsaosbOVFk/
3wIDAQAB
-----END PUBLIC KEY-----
$pem$);
SELECT label, key::text::pubkey = key AS text_round_trip,
       pubkey_jwk(key)::text::pubkey = key AS jwk_round_trip,
       pubkey_did(key)::pubkey = key AS did_round_trip,
       length(pubkey_send(key)) AS send_bytes, substr(pubkey_send(key), 1, 2) AS send_header
  FROM k ORDER BY label;
-- binary input through COPY (FORMAT binary): every value comes back equal
COPY k TO '/tmp/credreg_crypto_pubkey.bin' (FORMAT binary);
CREATE TEMP TABLE k2 (label text, key pubkey);
COPY k2 FROM '/tmp/credreg_crypto_pubkey.bin' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE k.key = k2.key) AS equal
  FROM k JOIN k2 USING (label);
-- equality, ordering, hashing: a pubkey can be a unique or hashed column
SELECT count(DISTINCT key) AS distinct_keys FROM k;
CREATE TEMP TABLE u (key pubkey UNIQUE);
INSERT INTO u SELECT DISTINCT key FROM k;
INSERT INTO u VALUES ('did:key:z6Mkpm1ZjDY3jLWS1ntyAAAYRBkDkejAzSXed2i4bbuPEbFQ');
SET enable_sort = off;
SELECT count(*) AS hashed_groups FROM (SELECT key FROM k GROUP BY key) g;
RESET enable_sort;
SELECT a.label, b.label FROM k a JOIN k b ON a.key = b.key AND a.label < b.label ORDER BY 1;

-- 3. Canonical forms
-- RFC 7638 section 3.1 / RFC 8037 A.3 thumbprint vector
SELECT pubkey_thumbprint('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}') AS rfc8037_a3_thumbprint;
SELECT pubkey_thumbprint('{"e":"AQAB","kty":"RSA","n":"-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w"}') = 'MEaox8KfXCoJ2SNTIcTO-uJFMhI6W1hfgF2bWLpLCHs' AS rsa_thumbprint_matches_python;
SELECT label, pubkey_type(key), pubkey_algorithm(key), pubkey_multikey(key) IS NOT NULL AS has_multikey,
       left(pubkey_did(key), 8) AS did_method, pubkey_jwk(key) ? 'd' AS has_d
  FROM k ORDER BY label;
SELECT pubkey_jwk('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}');
SELECT pubkey_jwk('z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D');
SELECT pubkey_jwk('zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk') = '{"kty": "EC", "crv": "P-256", "x": "7IBXfPXFmzLWhTmaAf-EeJlVCjkjMhwT_FIQQaNMMH0", "y": "1GZ7wYKxLuSAra1ysji4ToPNkqxAmJ-Tji7bL1tSx5c"}'::jsonb AS p256_jwk_decompressed;

-- 4. Signatures
-- RFC 8037 A.4: Ed25519 is deterministic; signing reproduces the vector
SELECT base64url_encode(sign_signature('{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'EdDSA',
         convert_to('eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc', 'UTF8')))
       = 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg' AS rfc8037_a4_reproduced;
SELECT verify_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'EdDSA',
         convert_to('eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc', 'UTF8'),
         base64url_decode('hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg')) AS rfc8037_a5_verifies;
SELECT verify_signature('{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}', 'ES256', convert_to('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ', 'UTF8'), base64url_decode('DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q')) AS rfc7515_a3_verifies;
SELECT verify_signature('{"kty": "RSA", "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ", "e": "AQAB"}', 'RS256', convert_to('eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ', 'UTF8'), base64url_decode('cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw')) AS rfc7515_a2_verifies;
-- a changed message or signature does not verify; neither does a wrong length
SELECT verify_signature('{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}', 'ES256', convert_to('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQx', 'UTF8'), base64url_decode('DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q')) AS tampered_message;
SELECT verify_signature('{"kty": "RSA", "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ", "e": "AQAB"}', 'RS256', convert_to('eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ', 'UTF8'), overlay(base64url_decode('cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw') placing '\x00'::bytea from 100)) AS tampered_signature;
SELECT verify_signature('{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}', 'ES256', convert_to('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ', 'UTF8'), substr(base64url_decode('DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q'), 1, 63)) AS short_signature;
SELECT verify_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'EdDSA', '\x00', '\x'::bytea) AS empty_signature;
-- ECDSA accepts high-S: (r, n - s) verifies like (r, s) (RFC 7515 A.3 signature with s negated)
SELECT verify_signature('{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}', 'ES256', convert_to('eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ', 'UTF8'), base64url_decode('DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmU69fgrc8OPGycO0lD3tat_FoFp57SETepkeks4eL_QfA')) AS high_s_verifies;
-- sign and verify round trips for the five algorithms; signing keys as
-- private JWK, multibase private key and PKCS#8 PEM
CREATE TEMP TABLE signer (alg text, private_key text);
INSERT INTO signer VALUES
	('EdDSA', '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'),
	('EdDSA', $pem$-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIESkONkdbeB/ta46ko1/V1XPFCGAfRBpaeHhc/a/GGi2
-----END PRIVATE KEY-----
$pem$),
	('ES256', '{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}'),
	('ES256', 'z42tivzH8FUihpr4Z7XwRrVPEhYtvJu7cjpFw4W3jUtRRfz5'),
	('ES384', '{"kty": "EC", "crv": "P-384", "x": "jAofY4qDJle0nQ2GkfkM9F70Lr3mMEluvpip6ApWhHOrl2NJ4fgFRCrro_Ifu4mB", "y": "gKzkrekljzEOsRXTu2VJ88OzQRsbAM87PccuvTHlGd5PlCpbkSA_1S0wFivGk6xU", "d": "pwBOXQlwec7VHgaj3Xyir2SXPGfC8enbW5TO_dwr_oeeWMvjoaHFptN1cShZbCRT"}'),
	('ES384', 'z2faq9tU4ikrG4r1GKUWwzgzq8SfM7txPx9nD6og4Uih5fmd8a3HSre4X9YFaFD8rMtYwc'),
	('RS256', '{"kty": "RSA", "n": "-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w", "e": "AQAB", "d": "BZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ-13M3ddFkR3V7JVRE0KD9gSuiCnEtUIE9s1-aQEGb7nJxmj5qR29_VLoDmyKepbQOhEMUTxqKre9wbf1xArRcp34KPsUQXpNp6VoFe_lMqHnRdk6QHNhQJ3vKnn2FLVa-eZvTX2XsyzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf_ezLLZfVGfOjM4BHArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroEatR_LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9Q", "p": "_gpaE8BnEIHdF_cZR72feu3QnOACwHVZbXEJ5Rbh_5SxUWTD_PHZGOGfhE0_4cvIPpbPp6oRX8LV-nO0vdhrKmN0kySFKE3-aSSy0fBZeM56suwRfZaX7CZDvR3PrFCNhSavSmDJUr0pccGYSQ522jEaLYk_avyFjQLydunqUhs", "q": "-3NSNz8W99qqFW_YPw8JSHhJJ0H1qGxJZTgs16gWR9444eHhsj64TGPD_H6sRgM9nWc26WLulEiv2vVSkX-o-YwpDiDMCiUY27HdDpBzx6KhDTmlIT535wdcgpnfnR7SQ7VWrdMuxn705tOzeoWV6eRSV9bpCx5IzSkGJc8GhY0", "dp": "kJPvo-ISRfDClYsJliyzANErsrxClKm0lXaJvRmC0WQcbkg8yk4R0flGQZN9UdIaSpSl5bQCY0-NXBZRvOHYS62CgON97OxGaCx8oMJ7CSfp6L41ThZQrBMy5gR7VoQZprfXdysSKMaDObyGIL3colzjmxrLPuYsU45j041Y0BU", "dq": "ZRlS3x-grnrek8vqWEBFbTvfvccJbHRNdkMF1JeijbbNjBRz2GTbWOtr62NLBMNczKKpM2Exp7Ep85FbZ2C6ocs23pVVNGcB_aMfzDFMO-IpetXIjPs-3kbZbTFM9TFlPQ_2D-GvFuQIt546tXJseiPw75xbCrtcbhCmhiEc8Ck", "qi": "jvhbPh1eKs-qDOuSDUkk7-ecGTF7l8NGRbhAUuyUJ5GsYKy6L8e7KgLczq20nYm1BHCNiFHhCUrRaI7LNIYkLkfZ8-LTvcx9HOh1PX25FoXa4jWzJDwYCA59ff1g8zeB6mNogMd6P9odsbdqmVZ_5B2H0cYtSVbZq7Q7IzUBhTA"}'),
	('RS256', $pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$),
	('PS256', '{"kty": "RSA", "n": "-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w", "e": "AQAB", "d": "BZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ-13M3ddFkR3V7JVRE0KD9gSuiCnEtUIE9s1-aQEGb7nJxmj5qR29_VLoDmyKepbQOhEMUTxqKre9wbf1xArRcp34KPsUQXpNp6VoFe_lMqHnRdk6QHNhQJ3vKnn2FLVa-eZvTX2XsyzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf_ezLLZfVGfOjM4BHArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroEatR_LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9Q", "p": "_gpaE8BnEIHdF_cZR72feu3QnOACwHVZbXEJ5Rbh_5SxUWTD_PHZGOGfhE0_4cvIPpbPp6oRX8LV-nO0vdhrKmN0kySFKE3-aSSy0fBZeM56suwRfZaX7CZDvR3PrFCNhSavSmDJUr0pccGYSQ522jEaLYk_avyFjQLydunqUhs", "q": "-3NSNz8W99qqFW_YPw8JSHhJJ0H1qGxJZTgs16gWR9444eHhsj64TGPD_H6sRgM9nWc26WLulEiv2vVSkX-o-YwpDiDMCiUY27HdDpBzx6KhDTmlIT535wdcgpnfnR7SQ7VWrdMuxn705tOzeoWV6eRSV9bpCx5IzSkGJc8GhY0", "dp": "kJPvo-ISRfDClYsJliyzANErsrxClKm0lXaJvRmC0WQcbkg8yk4R0flGQZN9UdIaSpSl5bQCY0-NXBZRvOHYS62CgON97OxGaCx8oMJ7CSfp6L41ThZQrBMy5gR7VoQZprfXdysSKMaDObyGIL3colzjmxrLPuYsU45j041Y0BU", "dq": "ZRlS3x-grnrek8vqWEBFbTvfvccJbHRNdkMF1JeijbbNjBRz2GTbWOtr62NLBMNczKKpM2Exp7Ep85FbZ2C6ocs23pVVNGcB_aMfzDFMO-IpetXIjPs-3kbZbTFM9TFlPQ_2D-GvFuQIt546tXJseiPw75xbCrtcbhCmhiEc8Ck", "qi": "jvhbPh1eKs-qDOuSDUkk7-ecGTF7l8NGRbhAUuyUJ5GsYKy6L8e7KgLczq20nYm1BHCNiFHhCUrRaI7LNIYkLkfZ8-LTvcx9HOh1PX25FoXa4jWzJDwYCA59ff1g8zeB6mNogMd6P9odsbdqmVZ_5B2H0cYtSVbZq7Q7IzUBhTA"}'),
	('PS256', $pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$);
SELECT alg, left(private_key, 5) AS form, length(sig) AS sig_bytes,
       verify_signature(pub, alg, 'message', sig) AS verifies,
       verify_signature(pub, alg, 'massage', sig) AS other_message_verifies
  FROM signer, LATERAL (SELECT pubkey_from_private(private_key) AS pub,
                               sign_signature(private_key, alg, 'message') AS sig) s
 ORDER BY alg, form;
-- the public halves are the known public keys
SELECT pubkey_from_private('{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}') = '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey AS ed25519,
       pubkey_from_private('{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}') = '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'::pubkey AS p256,
       pubkey_from_private('z2faq9tU4ikrG4r1GKUWwzgzq8SfM7txPx9nD6og4Uih5fmd8a3HSre4X9YFaFD8rMtYwc') = 'z82Lkqf53HcCK5yxK4mxHtDTP8JLQCu4RnCgZS2fB7Ae2wLNQpcGtBw8J5pJuhEAAXcwNG8'::pubkey AS p384_multibase,
       pubkey_from_private($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$) = '{"e":"AQAB","kty":"RSA","n":"-YaWjfgzgF6sGMTKNgLYOjZnDHGpcf-Ck-lVjO1h7vasKhSHiD6hEEDxEjiB9z4-YBXoGEu7H11UzZUkT4CRbug1RQ65o8DHjl7BIgnC_WY6sdLCXf_iZrUpuG6yozfFnW1pD7J_WScxoi0teHBvrpuGzn3cz_jEhlYe5oHVdEU9pAgQNZZp5IsOHFaCBZt8ueFKP9d77X-kqQpEuDGlRHPePgFjnEeIlEJxkeJPx7aMPa3Gdjwb65Xm9RyvRM0kkeP7tipS_NoFZXuGjooy_QOTUSXXU6tcx2aQlzrEJvpEEvI2gtxwABjISKboR1ZW6_E1s0ZsWHsaosbOVFk_3w"}'::pubkey AS rsa_pem;
-- RSASSA-PKCS1-v1_5 is deterministic; ECDSA and PSS are randomized
SELECT sign_signature($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$, 'RS256', 'm') = sign_signature($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$, 'RS256', 'm') AS rs256_deterministic,
       sign_signature($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$, 'PS256', 'm') = sign_signature($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$, 'PS256', 'm') AS ps256_deterministic;
-- PS256 and RS256 signatures are not interchangeable
SELECT verify_signature(pubkey_from_private($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$), 'PS256', 'm', sign_signature($pem$-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQD5hpaN+DOAXqwY
xMo2Atg6NmcMcalx/4KT6VWM7WHu9qwqFIeIPqEQQPESOIH3Pj5gFegYS7sfXVTN
lSRPgJFu6DVFDrmjwMeOXsEiCcL9Zjqx0sJd/+JmtSm4brKjN8WdbWkPsn9ZJzGi
LS14cG+um4bOfdzP+MSGVh7mgdV0RT2kCBA1lmnkiw4cVoIFm3y54Uo/13vtf6Sp
CkS4MaVEc94+AWOcR4iUQnGR4k/Htow9rcZ2PBvrleb1HK9EzSSR4/u2KlL82gVl
e4aOijL9A5NRJddTq1zHZpCXOsQm+kQS8jaC3HAAGMhIpuhHVlbr8TWzRmxYexqi
xs5UWT/fAgMBAAECggEABZ2DQYJOj7rRrvmtaUYVcp3rIhW5ZUuFjJQ+13M3ddFk
R3V7JVRE0KD9gSuiCnEtUIE9s1+aQEGb7nJxmj5qR29/VLoDmyKepbQOhEMUTxqK
re9wbf1xArRcp34KPsUQXpNp6VoFe/lMqHnRdk6QHNhQJ3vKnn2FLVa+eZvTX2Xs
yzDb1nSkVpNrw6Ptnrb2TQ3blUwsrrgom6lkJnYlh9khbqadf/ezLLZfVGfOjM4B
HArvF0VXdQyM2zUB7x8CBiTaKoRLCKlIJw843JdIyArkBCwLvpb7zj5Eb1DBZroE
atR/LyGmrYtdvHthGeMeeahhGsW9AbSjsijAEgoT9QKBgQD+CloTwGcQgd0X9xlH
vZ967dCc4ALAdVltcQnlFuH/lLFRZMP88dkY4Z+ETT/hy8g+ls+nqhFfwtX6c7S9
2GsqY3STJIUoTf5pJLLR8Fl4znqy7BF9lpfsJkO9Hc+sUI2FJq9KYMlSvSlxwZhJ
DnbaMRotiT9q/IWNAvJ26epSGwKBgQD7c1I3Pxb32qoVb9g/DwlIeEknQfWobEll
OCzXqBZH3jjh4eGyPrhMY8P8fqxGAz2dZzbpYu6USK/a9VKRf6j5jCkOIMwKJRjb
sd0OkHPHoqENOaUhPnfnB1yCmd+dHtJDtVat0y7GfvTm07N6hZXp5FJX1ukLHkjN
KQYlzwaFjQKBgQCQk++j4hJF8MKViwmWLLMA0SuyvEKUqbSVdom9GYLRZBxuSDzK
ThHR+UZBk31R0hpKlKXltAJjT41cFlG84dhLrYKA433s7EZoLHygwnsJJ+novjVO
FlCsEzLmBHtWhBmmt9d3KxIoxoM5vIYgvdyiXOObGss+5ixTjmPTjVjQFQKBgGUZ
Ut8foK563pPL6lhARW07373HCWx0TXZDBdSXoo22zYwUc9hk21jra+tjSwTDXMyi
qTNhMaexKfORW2dguqHLNt6VVTRnAf2jH8wxTDviKXrVyIz7Pt5G2W0xTPUxZT0P
9g/hrxbkCLeeOrVybHoj8O+cWwq7XG4QpoYhHPApAoGBAI74Wz4dXirPqgzrkg1J
JO/nnBkxe5fDRkW4QFLslCeRrGCsui/HuyoC3M6ttJ2JtQRwjYhR4QlK0WiOyzSG
JC5H2fPi073MfRzodT19uRaF2uI1syQ8GAgOfX39YPM3gepjaIDHej/aHbG3aplW
f+Qdh9HGLUlW2au0OyM1AYUw
-----END PRIVATE KEY-----
$pem$, 'RS256', 'm')) AS rs256_sig_as_ps256;
-- algorithm errors
SELECT verify_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'ES256', 'm', '\x00');
SELECT verify_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'HS256', 'm', '\x00');
SELECT verify_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'none', 'm', '\x');
SELECT sign_signature('{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}', 'EdDSA', 'm');
SELECT sign_signature('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'EdDSA', 'm');
-- a malformed private key is not quoted back, not even by the JSON parser's message
SELECT sign_signature('{"kty":"OKP","crv":"Ed25519","d":nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A}', 'EdDSA', 'm');
SELECT sign_signature('{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"TQiOMPbpRydO2Fc9hkMLzRTST1f-GJTc0xgXCMN6wT4"}', 'EdDSA', 'm');


-- 5. Malformed input: SQLSTATE 22P02, the input echoed (at most 40 bytes),
-- the reason in the detail; private key material is never echoed
\set VERBOSITY default
SELECT ''::pubkey;
SELECT 'hello'::pubkey;
-- base58btc / base64url errors and truncations
SELECT 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6'::pubkey;
SELECT 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpX'::pubkey;
SELECT 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL0xNw7wWs3wpXL6D'::pubkey;
SELECT 'uA'::pubkey;
SELECT 'u7QFHSkaB1zcPZuOdlnw_6LG3zv2_Od-rf9X6zBdAlAurug='::pubkey;
SELECT 'z'::pubkey;
-- wrong multicodec (x25519-pub 0xec, rsa-pub 0x1205), private multicodecs; secp256k1-pub 0xe7
-- is supported: an x on the curve is a key, one off the curve is not
SELECT ('z' || base58btc_encode('\xec01'::bytea || sha256('x')))::pubkey;
SELECT ('z' || base58btc_encode('\xe701'::bytea || '\x02'::bytea || sha256('x')))::pubkey;
SELECT ('z' || base58btc_encode('\xe701'::bytea || '\x02'::bytea || sha256('z')))::pubkey;
SELECT ('z' || base58btc_encode('\xe701'::bytea || '\x04'::bytea || sha256('x')))::pubkey;
SELECT ('z' || base58btc_encode('\x8524'::bytea || sha256('x')))::pubkey;
SELECT 'z42tivzH8FUihpr4Z7XwRrVPEhYtvJu7cjpFw4W3jUtRRfz5'::pubkey;
SELECT ('z' || base58btc_encode('\x8026'::bytea || sha256('x')))::pubkey;
-- a non-minimal varint header (0xed as 3 bytes)
SELECT ('z' || base58btc_encode('\xed8100'::bytea || sha256('x')))::pubkey;
-- wrong key lengths
SELECT ('z' || base58btc_encode('\xed01'::bytea || substr(sha256('x'), 1, 31)))::pubkey;
SELECT ('z' || base58btc_encode('\xed01'::bytea || sha256('x') || '\x00'::bytea))::pubkey;
SELECT ('z' || base58btc_encode('\x8024'::bytea || '\x04'::bytea || sha256('x') || sha256('y')))::pubkey;
SELECT ('z' || base58btc_encode('\x8124'::bytea || '\x02'::bytea || sha256('x')))::pubkey;
-- not on the curve: Ed25519 y = 2 (no x), y >= p; P-256 x = 1; P-256 JWK with y changed
SELECT ('z' || base58btc_encode('\xed01'::bytea || '\x0200000000000000000000000000000000000000000000000000000000000000'::bytea))::pubkey;
SELECT ('z' || base58btc_encode('\xed01'::bytea || '\xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'::bytea))::pubkey;
SELECT ('z' || base58btc_encode('\x8024'::bytea || '\x020000000000000000000000000000000000000000000000000000000000000001'::bytea))::pubkey;
-- Ed25519 points of small order (the identity, order 2, order 8) verify forged signatures
SELECT ('z' || base58btc_encode('\xed01'::bytea || '\x0100000000000000000000000000000000000000000000000000000000000000'::bytea))::pubkey;
SELECT ('z' || base58btc_encode('\xed01'::bytea || '\xecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'::bytea))::pubkey;
SELECT ('z' || base58btc_encode('\xed01'::bytea || '\x26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85'::bytea))::pubkey;
SELECT '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a4"}'::pubkey;
-- 2000 pseudo-random encodings (sha256 of 'r1' .. 'r2000'): exactly the 997 that an
-- independent implementation of RFC 8032 section 5.1.3 decodes (Python, big integers) are accepted
CREATE TEMP TABLE ed_rand (b bytea, accepted boolean);
DO $$
DECLARE b bytea;
BEGIN
  FOR i IN 1..2000 LOOP
    b := sha256(('r' || i)::bytea);
    BEGIN
      PERFORM ('z' || base58btc_encode('\xed01'::bytea || b))::pubkey;
      INSERT INTO ed_rand VALUES (b, true);
    EXCEPTION WHEN invalid_text_representation THEN
      INSERT INTO ed_rand VALUES (b, false);
    END;
  END LOOP;
END $$;
SELECT count(*) FILTER (WHERE accepted) AS points, count(*) FILTER (WHERE NOT accepted) AS not_points,
       md5(string_agg(CASE WHEN accepted THEN '1' ELSE '0' END, '' ORDER BY b)) AS pattern
  FROM ed_rand;
-- JWK: bad base64url (padding, '+', non-zero trailing bits), truncation, duplicates, members
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS+7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","x":"TQiOMPbpRydO2Fc9hkMLzRTST1f-GJTc0xgXCMN6wT4"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":42}'::pubkey;
SELECT '{"crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey;
SELECT '{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey;
SELECT '{"kty":"EC","crv":"P-521","x":"AA","y":"AA"}'::pubkey;
SELECT '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVE","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'::pubkey;
SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","alg":"ES256"}'::pubkey;
SELECT '{"kty":"foo"}'::pubkey;
SELECT '[1,2]'::pubkey;
-- private members where a public key is expected: refused, never echoed
SELECT '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey;
SELECT '{"kty":"oct","k":"c2VjcmV0"}'::pubkey;
SELECT E'-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIESkONkdbeB/ta46ko1/V1XPFCGAfRBpaeHhc/a/GG\n-----END PRIVATE KEY-----'::pubkey;
-- damaged private keys that do not parse far enough to be recognized are not echoed either
SELECT '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"'::pubkey;
SELECT 'z42tivzH8FUihpr4Z7XwRrVPEhYtvJu7cjpFw4W3jUtRRfz0'::pubkey;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","kty":"OKP"', 'UTF8')) || '!')::pubkey;
-- RSA: too small, zero-padded modulus, even exponent
SELECT '{"kty": "RSA", "n": "mVO8DYI5VaCpQW08jUKGrZaxcxgch1fvWXtoa3Eww6ROYYZ6mBG8HHYVpiSWZCIJ0Xxcg5-RjIGuEFSRWkGWlDsWhzX240UC93z23FZTujZNuU136QyR-XAJnOKFbAmUy8bk5GdPtEVL-X-czVRpQ49c--I_mMS4EEs2O5OjgW0", "e": "AQAB"}'::pubkey;
SELECT ('{"kty":"RSA","e":"AQAB","n":"' || base64url_encode('\x00'::bytea || base64url_decode('ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ')) || '"}')::pubkey;
SELECT '{"kty":"RSA","e":"AQAA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"}'::pubkey;
-- DIDs and DID URLs
SELECT 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D#z6Mkjdy1DzAmZ9qRRepeoNwTgy4ppmTtJfiooPkpkTqzZrWy'::pubkey;
SELECT 'did:key:z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D/path'::pubkey;
SELECT 'did:key:'::pubkey;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'UTF8')) || '#1')::pubkey;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}', 'UTF8')) || '=')::pubkey;
SELECT ('did:jwk:' || base64url_encode(convert_to('{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}', 'UTF8')))::pubkey;
SELECT 'did:web:example.com'::pubkey;

-- PEM: a secp256k1 key (a supported curve: Blockcerts, EcdsaSecp256k1Signature2019)
SELECT $pem$-----BEGIN PUBLIC KEY-----
MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEQgvOF9VVi3EHMIrpr06AZ5dLnxmps4IT
svRWMW72gtia/R9kPlo5fITQ7UDQdBpJpHib50xLEf+RFp5PAM+wkw==
-----END PUBLIC KEY-----
$pem$::pubkey;
-- PEM: unsupported curves (P-521) and key types, trailing text, truncation
SELECT $pem$-----BEGIN PUBLIC KEY-----
MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQBP/Tsu9/6vi0iwrxPzHZL9JZNbq3y
xfw+BWDEM4HrvejRllEShJgu71OlS08eUUuuqwd/0Xomwa12WFWkpjlgXaYB+Y2O
5lB+37yzwGOe6s153uGf0MeMzt97N0RWB5NeMdRT5mSHy3CqdtCPvg7mQZbqKRjT
5bxgphQf13lqMmBv8jQ=
-----END PUBLIC KEY-----
$pem$::pubkey;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MCowBQYDK2VuAyEAp8e6Ery9VsI/mRcivFppai8nowUXypvs6jIuNAKZdEo=
-----END PUBLIC KEY-----
$pem$::pubkey;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCZU7wNgjlVoKlBbTyNQoatlrFz
GByHV+9Ze2hrcTDDpE5hhnqYEbwcdhWmJJZkIgnRfFyDn5GMga4QVJFaQZaUOxaH
NfbjRQL3fPbcVlO6Nk25TXfpDJH5cAmc4oVsCZTLxuTkZ0+0RUv5f5zNVGlDj1z7
4j+YxLgQSzY7k6OBbQIDAQAB
-----END PUBLIC KEY-----
$pem$::pubkey;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAmSDzZ4gPfqc4cYyDlIDlTB8dZC8I1fV0PqdQvpY0dHM=
-----END PUBLIC KEY-----
junk$pem$::pubkey;
SELECT $pem$-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7IBXfPXFmzLWhTmaA$pem$::pubkey;
-- 6. Binary input is as strict as text input: a bad version, an unknown key
-- type, a non-canonical (uncompressed) point, a point off the curve
CREATE TEMP TABLE raw (b bytea);
CREATE TEMP TABLE bk (key pubkey);
INSERT INTO raw VALUES ('\x0201' || base58btc_decode('6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'));
COPY raw TO '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
COPY bk FROM '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
TRUNCATE raw;
INSERT INTO raw VALUES ('\x0109' || sha256('x'));
COPY raw TO '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
COPY bk FROM '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
TRUNCATE raw;
INSERT INTO raw SELECT '\x0102' || base64url_decode('BOyAV3z1xZsy1oU5mgH_hHiZVQo5IzIcE_xSEEGjTDB91GZ7wYKxLuSAra1ysji4ToPNkqxAmJ-Tji7bL1tSx5c');
COPY raw TO '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
COPY bk FROM '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
TRUNCATE raw;
INSERT INTO raw VALUES ('\x0102020000000000000000000000000000000000000000000000000000000000000001');
COPY raw TO '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
COPY bk FROM '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
-- and the canonical bytes are accepted
TRUNCATE raw;
INSERT INTO raw SELECT pubkey_send('zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk');
COPY raw TO '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
COPY bk FROM '/tmp/credreg_crypto_pubkey_raw.bin' (FORMAT binary);
SELECT key FROM bk;

-- 7. The per-backend key cache: a key used by many rows is decoded once
SELECT key_cache_reset();
SELECT count(*) FILTER (WHERE verify_signature(k, 'EdDSA',
         convert_to('eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc', 'UTF8'),
         base64url_decode('hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg')))
  FROM (SELECT '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'::pubkey AS k
          FROM generate_series(1, 200)) s;
SELECT entries, hits, misses FROM key_cache_stats();
SELECT pubkey_thumbprint('zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk') IS NOT NULL AS another_key;
SELECT entries, hits, misses FROM key_cache_stats();

-- 8. The registry tables, and the verifier's cached view of issuer_key
-- (each change starts a new generation of the cache: one invalidation per
-- changing statement, the cached rows read again once after it)
SELECT key_id FROM registered_key('no such key');
INSERT INTO trusted_issuer (issuer, name, jurisdiction, accreditation, valid_from)
VALUES ('did:web:university.example', 'Example University', 'NL', '{"body": "NVAO"}', '2020-01-01Z');
INSERT INTO issuer_key (key_id, issuer, public_key, valid_from)
VALUES ('did:web:university.example#key-1', 'did:web:university.example',
        'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D', '2020-01-01Z');
SELECT * FROM registered_key('did:web:university.example#key-1');
SELECT * FROM registered_key('did:web:university.example#key-2');
SELECT * FROM registered_key('did:web:university.example#key-1');
SELECT key_id FROM registered_key('did:web:university.example#key-1');
SELECT entries, hits, misses, invalidations FROM keystore_cache_stats();
-- a change to the table reaches the cache (the statement trigger invalidates it)
UPDATE issuer_key SET revoked_at = '2025-06-01Z' WHERE key_id = 'did:web:university.example#key-1';
SELECT key_id, revoked_at FROM registered_key('did:web:university.example#key-1');
INSERT INTO issuer_key (key_id, issuer, public_key)
VALUES ('did:web:university.example#key-2', 'did:web:university.example', 'zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk');
SELECT key_id, public_key FROM registered_key('did:web:university.example#key-2');
SELECT entries, invalidations FROM keystore_cache_stats();
-- constraints
INSERT INTO issuer_key (key_id, issuer, public_key) VALUES ('', 'x', 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D');
INSERT INTO issuer_key (key_id, issuer, public_key, valid_from, valid_until)
VALUES ('k3', 'x', 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D', '2025-01-01Z', '2024-01-01Z');
INSERT INTO issuer_key (key_id, issuer, public_key) VALUES ('k4', 'x', NULL);
INSERT INTO trusted_issuer (issuer, accreditation) VALUES ('y', '"text"');
DELETE FROM issuer_key;
DELETE FROM trusted_issuer;

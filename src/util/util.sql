
-- util: byte encodings credentials use.

CREATE FUNCTION base64url_encode(data bytea) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_base64url_encode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base64url_encode(bytea) IS
	'base64url (RFC 4648 section 5) without padding';

CREATE FUNCTION base64url_decode(encoded text) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_base64url_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base64url_decode(text) IS
	'strict base64url decoding: no padding, URL-safe alphabet only, zero trailing bits';

CREATE FUNCTION base58btc_encode(data bytea) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_base58btc_encode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base58btc_encode(bytea) IS
	'base58btc (Bitcoin alphabet; each leading zero byte is a "1"), without the multibase "z"';

CREATE FUNCTION base58btc_decode(encoded text) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_base58btc_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION base58btc_decode(text) IS
	'base58btc decoding (Bitcoin alphabet), without the multibase "z"';

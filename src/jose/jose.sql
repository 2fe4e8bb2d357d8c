
-- ---------------------------------------------------------------------------
-- jose: JWS compact serialization (RFC 7515) building blocks
-- ---------------------------------------------------------------------------

CREATE FUNCTION jws_sign(protected_header text, payload bytea, private_key text)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jws_sign'
	LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION jws_sign(text, bytea, text) IS
	'compact JWS of payload under protected_header (JSON text, used byte for byte; its alg must fit the private JWK or multibase key); VOLATILE because ECDSA draws randomness';

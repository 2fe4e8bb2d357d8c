-- json: strict JSON and RFC 8785 canonicalization.

CREATE FUNCTION jcs(document text) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jcs_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(text) IS
	'RFC 8785 (JCS) canonical form of strict JSON text: sorted members, ECMAScript numbers, minimal escaping';

CREATE FUNCTION jcs(document bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_jcs_bytea'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(bytea) IS
	'RFC 8785 (JCS) canonical form of strict JSON given as UTF-8 bytes, as UTF-8 bytes (ready for hashing)';

CREATE FUNCTION jcs(document jsonb) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jcs_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jcs(jsonb) IS
	'RFC 8785 (JCS) canonical form of a jsonb value';

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

CREATE FUNCTION json_is_strict(document text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_json_is_strict'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION json_is_strict(text) IS
	'true when the text is strict JSON (no duplicate names, no lone surrogates, within credreg.max_json_depth and credreg.max_document_bytes)';

CREATE FUNCTION strict_jsonb(document text) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_strict_jsonb'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION strict_jsonb(text) IS
	'jsonb from strict JSON text: duplicate member names, lone surrogates and invalid UTF-8 are errors (text::jsonb keeps the last duplicate)';

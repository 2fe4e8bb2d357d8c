
-- ---------------------------------------------------------------------------
-- status: Bitstring Status List (VC Bitstring Status List v1.0)
-- ---------------------------------------------------------------------------

CREATE FUNCTION status_list_create(size integer DEFAULT 131072, status_size integer DEFAULT 1)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_create'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_create(integer, integer) IS
	'encodedList (multibase base64url of gzip) of an all-zero status list of size entries of status_size bits';

CREATE FUNCTION status_list_get(list text, index integer)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'credreg_status_list_get'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_get(text, integer) IS
	'bit at index (0 = most significant bit of the first byte) of an encodedList';

CREATE FUNCTION status_list_set(list text, index integer, value boolean)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set(text, integer, boolean) IS
	'encodedList with the bit at index set to value';

CREATE FUNCTION status_list_get_status(list text, index integer, status_size integer)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'credreg_status_list_get_status'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_get_status(text, integer, integer) IS
	'status of status_size bits at index (bits index*status_size onwards, first bit most significant)';

CREATE FUNCTION status_list_set_status(list text, index integer, status_size integer, value integer)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_status'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set_status(text, integer, integer, integer) IS
	'encodedList with the status of status_size bits at index set to value';

CREATE FUNCTION status_list_length(list text)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'credreg_status_list_length'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_length(text) IS
	'number of bits in an encodedList';

CREATE FUNCTION status_list_set_bits(list text)
	RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_bits'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set_bits(text) IS
	'indexes of the set bits of an encodedList, ascending';

CREATE FUNCTION status_list_decode(list text)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'credreg_status_list_decode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_decode(text) IS
	'uncompressed bitstring of an encodedList (index 0 is the most significant bit of the first byte)';

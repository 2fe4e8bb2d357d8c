
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

CREATE FUNCTION status_list_set(list text, indexes integer[], value boolean)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_list_set_many'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_list_set(text, integer[], boolean) IS
	'encodedList with the bits at all of indexes set to value (one decode and encode)';

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

-- Status list credentials, one per URL.  The registrar stores the credential
-- as received (a JSON document or a JWS); the trigger status_list_derive
-- fills the other columns from it (the values given for them are replaced),
-- and the verifier's trigger rejects a credential that does not verify.
CREATE TABLE status_list (
	url text PRIMARY KEY,
	credential text NOT NULL,
	list_type text NOT NULL
		CHECK (list_type IN ('BitstringStatusListCredential', 'StatusList2021Credential')),
	purpose text[] NOT NULL,
	encoded_list text NOT NULL,
	entries bigint NOT NULL,
	issuer text,
	valid_from timestamptz,
	valid_until timestamptz,
	fetched_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE status_list IS
	'status list credentials (Bitstring Status List, StatusList2021) that credentialStatus entries point at, by URL';
COMMENT ON COLUMN status_list.credential IS 'the status list credential as received: JSON text, or a JWS (vc+jwt)';
COMMENT ON COLUMN status_list.purpose IS 'derived: credentialSubject.statusPurpose (one or more)';
COMMENT ON COLUMN status_list.entries IS 'derived: number of bits in the decoded list';
SELECT pg_catalog.pg_extension_config_dump('status_list', '');

CREATE FUNCTION status_list_derive() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_status_list_derive'
	LANGUAGE C;
COMMENT ON FUNCTION status_list_derive() IS
	'trigger: derives the columns of credreg.status_list from its credential';
CREATE TRIGGER status_list_derive BEFORE INSERT OR UPDATE ON status_list
	FOR EACH ROW EXECUTE FUNCTION status_list_derive();

CREATE FUNCTION status_list_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_status_list_changed'
	LANGUAGE C;
COMMENT ON FUNCTION status_list_changed() IS
	'trigger: flushes every backend''s status list cache when credreg.status_list changes';
CREATE TRIGGER status_list_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_list
	FOR EACH STATEMENT EXECUTE FUNCTION status_list_changed();

CREATE FUNCTION status_check(credential_status jsonb, as_of timestamptz DEFAULT pg_catalog.now(),
		OUT ok boolean, OUT purpose text, OUT list_url text, OUT index bigint,
		OUT status integer, OUT message text, OUT code text, OUT detail text, OUT checked boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'credreg_status_check'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION status_check(jsonb, timestamptz) IS
	'checks credentialStatus entries (an object or an array) against credreg.status_list as of as_of';

CREATE FUNCTION status_list_credential(url text, purpose text, encoded_list text, issuer text,
		valid_from timestamptz DEFAULT NULL, valid_until timestamptz DEFAULT NULL)
	RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
		'id', url,
		'type', jsonb_build_array('VerifiableCredential', 'BitstringStatusListCredential'),
		'issuer', issuer,
		'validFrom', to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
		'validUntil', to_char(valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
		'credentialSubject', jsonb_build_object(
			'id', url || '#list',
			'type', 'BitstringStatusList',
			'statusPurpose', purpose,
			'encodedList', encoded_list)))
	$$;
COMMENT ON FUNCTION status_list_credential(text, text, text, text, timestamptz, timestamptz) IS
	'the unsigned BitstringStatusListCredential for an encodedList, ready to be signed';

CREATE FUNCTION status_of(credential_status jsonb, as_of timestamptz DEFAULT pg_catalog.now())
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_status_of'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_of(jsonb, timestamptz) IS
	'revoked, suspended, status_unavailable, malformed or active: the status of credentialStatus entries as of as_of';

CREATE FUNCTION status_list_cache(OUT lists bigint, OUT bytes bigint, OUT lookups bigint,
		OUT reads bigint, OUT decodes bigint, OUT flushes bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'credreg_status_list_cache'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION status_list_cache() IS
	'this backend''s status list cache: URLs and bytes held; lookups, table reads, list decodes and flushes so far';


-- ---------------------------------------------------------------------------
-- JSON Schemas that credentials name in credentialSchema (README,
-- "Credential schemas"): JsonSchema documents, or JsonSchemaCredentials
-- carrying one, stored by the registry that fetched and checked them;
-- credreg never fetches.  The verifier validates credentials against them.
-- ---------------------------------------------------------------------------

CREATE TABLE credential_schema (
	url text PRIMARY KEY,
	schema jsonb NOT NULL CHECK (pg_catalog.jsonb_typeof(schema) OPERATOR(pg_catalog.=) ANY (ARRAY['object', 'boolean'])),
	fetched_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE credential_schema IS
	'JSON Schemas (or JsonSchemaCredentials) by the URL credentialSchema names, fetched by the registry; credentials are validated against them';
SELECT pg_catalog.pg_extension_config_dump('credential_schema', '');
GRANT SELECT ON credential_schema TO PUBLIC;
CREATE TRIGGER credential_schema_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credential_schema
	FOR EACH STATEMENT EXECUTE FUNCTION stored_document_changed();

CREATE FUNCTION json_schema_validate(instance jsonb, schema jsonb) RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_json_schema_validate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION json_schema_validate(jsonb, jsonb) IS
	'NULL when instance conforms to the JSON Schema (draft 2020-12 core keywords, $ref within the schema), else where and why not';

CREATE FUNCTION stored_document_cache(OUT lookups bigint, OUT reads bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'credreg_stored_document_cache'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION stored_document_cache() IS
	'this backend''s caches of did_document, hosted_document, blockchain_anchor and credential_schema: lookups and table reads so far';

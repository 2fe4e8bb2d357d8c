
-- ---------------------------------------------------------------------------
-- DID documents and controller documents the registry stored (README,
-- "Keys the way issuers publish them"): did:web DIDs and https controller
-- URLs resolve their verification methods from here; credreg never fetches.
-- ---------------------------------------------------------------------------

CREATE TABLE did_document (
	did text PRIMARY KEY,
	document jsonb NOT NULL CHECK (pg_catalog.jsonb_typeof(document) OPERATOR(pg_catalog.=) 'object'),
	fetched_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE did_document IS
	'DID documents (did:web) and controller documents (https) by DID or URL, fetched by the registry; verification methods resolve from them';
COMMENT ON COLUMN did_document.did IS 'the DID or URL, without fragment; the document''s id, when it has one, must equal it';
SELECT pg_catalog.pg_extension_config_dump('did_document', '');
GRANT SELECT ON did_document TO PUBLIC;

-- Every backend caches the stored documents it read (did_document,
-- hosted_document, blockchain_anchor, credential_schema); a change to one of
-- these tables starts that table's cache afresh everywhere.
CREATE FUNCTION stored_document_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_stored_document_changed'
	LANGUAGE C;
COMMENT ON FUNCTION stored_document_changed() IS
	'trigger: invalidates every backend''s cache of the stored documents of the table';
CREATE TRIGGER did_document_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON did_document
	FOR EACH STATEMENT EXECUTE FUNCTION stored_document_changed();

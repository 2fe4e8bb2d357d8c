
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


-- ---------------------------------------------------------------------------
-- JSON-LD 1.1: the pinned context store, expansion and deserialization to RDF
-- ---------------------------------------------------------------------------

-- Contexts come from this table only, never from the network.  Rows marked
-- builtin are the pinned contexts installed with the extension (generated
-- from data/contexts by data/contexts/gen_seed.py); they are immutable and
-- are left out of pg_dump, which recreates them with CREATE EXTENSION.  Rows
-- an institution adds are dumped.
CREATE TABLE context (
	url text PRIMARY KEY,
	document text NOT NULL,
	sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
	builtin boolean NOT NULL DEFAULT false,
	added timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE context IS 'pinned JSON-LD context documents by URL; unknown URLs are an error, never a fetch';
COMMENT ON COLUMN context.sha256 IS 'SHA-256 of the UTF-8 document; filled in when omitted, checked when given';
COMMENT ON COLUMN context.builtin IS 'installed with the extension (immutable, not dumped)';

SELECT pg_catalog.pg_extension_config_dump('context', 'WHERE NOT builtin');

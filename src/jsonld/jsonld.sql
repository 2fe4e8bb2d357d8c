
-- ---------------------------------------------------------------------------
-- JSON-LD 1.1: the context store's rules, expansion and deserialization to RDF
-- ---------------------------------------------------------------------------
-- The table credreg.context is in context_table.sql and its pinned rows in
-- context_seed.sql (generated from data/contexts); both come before this
-- fragment in the install script, so the triggers below do not see the seed.

-- The seed is checked against the pinned digests at install.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(url, ', ') INTO bad FROM context
	 WHERE sha256 OPERATOR(pg_catalog.<>) pg_catalog.sha256(pg_catalog.convert_to(document, 'UTF8'));
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'pinned context documents do not match their SHA-256: %', bad;
	END IF;
END
$$;

CREATE FUNCTION context_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	digest bytea;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION 'cannot truncate credreg.context'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension; DELETE the rows you added instead.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		IF OLD.builtin THEN
			RAISE EXCEPTION 'cannot delete builtin context "%"', OLD.url
				USING ERRCODE = 'insufficient_privilege',
					  HINT = 'Builtin contexts are pinned by the extension.';
		END IF;
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.builtin THEN
		RAISE EXCEPTION 'cannot modify builtin context "%"', OLD.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension.';
	END IF;
	IF NEW.builtin THEN
		RAISE EXCEPTION 'cannot add builtin context "%"', NEW.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only the extension installs builtin contexts.';
	END IF;
	digest := sha256(convert_to(NEW.document, 'UTF8'));
	IF NEW.sha256 IS NULL THEN
		NEW.sha256 := digest;
	ELSIF NEW.sha256 <> digest THEN
		RAISE EXCEPTION 'SHA-256 of context document "%" does not match the given digest', NEW.url
			USING ERRCODE = 'data_exception',
				  DETAIL = format('The document hashes to %s.', encode(digest, 'hex')),
				  HINT = 'Give the digest of the exact UTF-8 bytes, or leave sha256 null to have it computed.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION context_check() IS 'trigger: fills in or checks context.sha256 and keeps builtin contexts immutable';

CREATE TRIGGER context_check BEFORE INSERT OR UPDATE OR DELETE ON context
	FOR EACH ROW EXECUTE FUNCTION context_check();
CREATE TRIGGER context_no_truncate BEFORE TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_check();

CREATE FUNCTION context_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_jsonld_context_changed'
	LANGUAGE C;
COMMENT ON FUNCTION context_changed() IS 'trigger: invalidates every backend''s cache of processed JSON-LD contexts';

CREATE TRIGGER context_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_changed();

-- Not STRICT: base and safe may be null (null base: none; null safe: false).
CREATE FUNCTION jsonld_expand(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_jsonld_expand'
	LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION jsonld_expand(text, text, boolean) IS 'JSON-LD 1.1 expansion with contexts from credreg.context; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';

CREATE FUNCTION jsonld_to_rdf(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jsonld_to_rdf'
	LANGUAGE C STABLE PARALLEL SAFE COST 2000;
COMMENT ON FUNCTION jsonld_to_rdf(text, text, boolean) IS 'JSON-LD 1.1 deserialization to RDF as sorted, de-duplicated N-Quads; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';


-- ---------------------------------------------------------------------------
-- Open Badges 2.0 (README, "Open Badges 2.0"): the documents hosted
-- verification reads, stored by the registry under the IRI it fetched them
-- from (assertions, BadgeClasses, Issuer Profiles, CryptographicKeys,
-- RevocationLists); credreg never fetches.
-- ---------------------------------------------------------------------------

CREATE TABLE hosted_document (
	url text PRIMARY KEY,
	document jsonb NOT NULL CHECK (pg_catalog.jsonb_typeof(document) OPERATOR(pg_catalog.=) 'object'),
	fetched_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE hosted_document IS
	'Open Badges 2.0 hosted documents (Assertion, BadgeClass, Issuer, CryptographicKey, RevocationList) by the IRI they were fetched from';
SELECT pg_catalog.pg_extension_config_dump('hosted_document', '');
GRANT SELECT ON hosted_document TO PUBLIC;
CREATE TRIGGER hosted_document_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hosted_document
	FOR EACH STATEMENT EXECUTE FUNCTION stored_document_changed();

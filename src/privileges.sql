
-- ---------------------------------------------------------------------------
-- Privileges (README, section "Privileges"), last so that every object
-- exists.  PUBLIC may use the schema, execute every function but the
-- importers and file readers, which read server files (revoked beside them
-- in src/taxonomy/),
-- and read every table: the trust list, public keys, status lists, contexts
-- and frameworks are public documents, and the verifier and the matcher read
-- them as the calling user.  Writing stays with the role that created the
-- extension, which grants it to registrar and importer roles (README has the
-- recipes).  No roles are shipped: roles are cluster-wide, cannot be
-- members of an extension (DROP EXTENSION would leave them behind) and would
-- collide when the extension is installed in two databases.
-- ---------------------------------------------------------------------------

GRANT USAGE ON SCHEMA credreg TO PUBLIC;
GRANT SELECT ON status_list, context, framework, competency, competency_label,
	competency_relation, occupation_requirement, taxonomy_snapshot TO PUBLIC;

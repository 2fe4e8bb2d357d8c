-- pg_dump / pg_restore of a registry database: the extension's tables with
-- user rows (trust list, keys, status lists, contexts added, a framework with
-- competencies, labels and relations), a user table of skillset, stackrule
-- and pubkey columns with a GIN index.  The restore into a fresh database
-- runs without a message, gives the same rows and the same answers, and does
-- not duplicate the contexts the extension seeds.  Then DROP EXTENSION
-- leaves every catalog as it was before CREATE EXTENSION but for the empty
-- schema credreg.
SELECT current_database() AS regress_db \gset
SELECT setting AS bindir FROM pg_config WHERE name = 'BINDIR' \gset
\setenv CREDREG_PG_BIN :bindir
SET client_min_messages = warning;
DROP DATABASE IF EXISTS credreg_dump_src;
DROP DATABASE IF EXISTS credreg_dump_dst;
DROP DATABASE IF EXISTS credreg_drop;
CREATE DATABASE credreg_dump_src;
CREATE DATABASE credreg_dump_dst;
CREATE DATABASE credreg_drop;

\c credreg_dump_src
SET client_min_messages = warning;
CREATE EXTENSION credreg;
\set ECHO none
\i test/catalog/registry_fixture.sql
\i test/catalog/extension_catalog.sql
\set ECHO all
-- every row of the extension's tables and the user table, as one digest per table
CREATE FUNCTION credreg_check.rows() RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'trusted_issuer', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.trusted_issuer t),
    'issuer_key', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.issuer_key t),
    'status_list', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.status_list t),
    'context', (SELECT md5(string_agg(concat_ws(' ', url, document, sha256, builtin), '|' ORDER BY url))
                FROM credreg.context),
    'framework', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.framework t),
    'competency', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.competency t),
    'competency_label', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.competency_label t),
    'competency_relation', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM credreg.competency_relation t),
    'competency_id_seq', (SELECT last_value::text FROM credreg.competency_id_seq),
    'learner', (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM public.learner t)) $$;
SELECT credreg_check.rows() AS src_rows, credreg_check.catalog_json() AS src_catalog \gset
\i test/catalog/registry_queries.sql

-- dump and restore (any message of pg_dump or pg_restore would show here)
\! "$CREDREG_PG_BIN/pg_dump" -Fc credreg_dump_src | "$CREDREG_PG_BIN/pg_restore" -d credreg_dump_dst

\c credreg_dump_dst
SELECT r.key AS "table", r.value = (:'src_rows'::jsonb ->> r.key) AS same_rows
  FROM jsonb_each_text(credreg_check.rows()) r ORDER BY 1;
\i test/catalog/registry_queries.sql
SELECT * FROM credreg_check.catalog_diff(:'src_catalog');
-- the restored sequence goes on where the dumped one was
INSERT INTO credreg.competency (framework, uri, label, kind)
VALUES ('local', 'urn:local:r', 'R', 'skill') RETURNING id - (:'src_rows'::jsonb ->> 'competency_id_seq')::int AS next;

-- DROP EXTENSION leaves nothing behind: every catalog of this database (and
-- the shared ones: roles, dependencies) has the rows it had before CREATE
-- EXTENSION.  pg_statistic is left out: autovacuum may analyze a catalog.
\c credreg_drop
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.catalog_rows() RETURNS TABLE (catalog text, n bigint) LANGUAGE plpgsql AS $$
DECLARE
	c regclass;
BEGIN
	FOR c IN SELECT oid FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind = 'r'
			AND relname NOT IN ('pg_statistic', 'pg_statistic_ext_data') ORDER BY relname LOOP
		catalog := c::text;
		EXECUTE format('SELECT count(*) FROM %s', c) INTO n;
		RETURN NEXT;
	END LOOP;
END $$;
CREATE TEMP TABLE before_create AS SELECT * FROM pg_temp.catalog_rows();
CREATE EXTENSION credreg;
\set ECHO none
\i test/catalog/registry_fixture.sql
\set ECHO all
DROP TABLE public.learner;
DROP FUNCTION pg_temp.signed(jsonb);
SELECT count(*) > 0 AS objects_created FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e';
DROP EXTENSION credreg;
SELECT b.catalog, b.n AS before, a.n AS after
  FROM before_create b FULL JOIN pg_temp.catalog_rows() a USING (catalog)
 WHERE b.n IS DISTINCT FROM a.n ORDER BY 1;
-- The one thing left is the schema credreg, empty, with the USAGE the script
-- granted on it (its pg_init_privs row): CREATE EXTENSION created the schema
-- (credreg.control names it) before running the script, so it is no member
-- of the extension, and PostgreSQL refuses to make an extension's own schema
-- a member.  DROP SCHEMA without CASCADE proves it empty.
SELECT nspname FROM pg_namespace WHERE nspname = 'credreg';
DROP SCHEMA credreg;
SELECT b.catalog, b.n AS before, a.n AS after
  FROM before_create b FULL JOIN pg_temp.catalog_rows() a USING (catalog)
 WHERE b.n IS DISTINCT FROM a.n ORDER BY 1;

\c :regress_db
SET client_min_messages = warning;
DROP DATABASE credreg_dump_src;
DROP DATABASE credreg_dump_dst;
DROP DATABASE credreg_drop;

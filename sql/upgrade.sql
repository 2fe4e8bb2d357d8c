-- ALTER EXTENSION credreg UPDATE from 0.1.0: a registry installed at 0.1.0
-- (src/upgrade/credreg--0.1.0.sql, the script 0.1.0 shipped) with rows in
-- every table and a user table of skillset, stackrule and pubkey columns is
-- updated; the same questions get the same answers before and after, and the
-- updated catalog equals a fresh install's object by object (functions with
-- their volatility, strictness, parallel safety, settings and source; types,
-- operators, operator classes, casts; tables with columns, constraints,
-- indexes, triggers and privileges; pg_extension_config_dump entries), so an
-- object changed in an install fragment without its update entry fails here.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS credreg_upgrade_fresh;
DROP DATABASE IF EXISTS credreg_upgrade_old;
CREATE DATABASE credreg_upgrade_fresh;
CREATE DATABASE credreg_upgrade_old;

\c credreg_upgrade_fresh
CREATE EXTENSION credreg;
SELECT extversion, credreg.credreg_version() FROM pg_extension WHERE extname = 'credreg';
\set ECHO none
\i test/catalog/extension_catalog.sql
\set ECHO all
SELECT credreg_check.catalog_json() AS fresh_catalog \gset

\c credreg_upgrade_old
SET client_min_messages = warning;
-- the update chain the installed files offer
SELECT source, target, path FROM pg_extension_update_paths('credreg')
 WHERE path IS NOT NULL ORDER BY 1, 2;
CREATE EXTENSION credreg VERSION '0.1.0';
SELECT extversion, credreg.credreg_version() FROM pg_extension WHERE extname = 'credreg';
\set ECHO none
\i test/catalog/registry_fixture.sql
\set ECHO all
-- answers at 0.1.0
\i test/catalog/registry_queries.sql

ALTER EXTENSION credreg UPDATE;
SELECT extversion, credreg.credreg_version() FROM pg_extension WHERE extname = 'credreg';
-- the same answers at 0.2.0, from the same rows
\i test/catalog/registry_queries.sql
-- and the rows still change as they should (triggers, checks)
UPDATE credreg.status_list
   SET credential = pg_temp.signed(credreg.status_list_credential(url, 'revocation',
         credreg.status_list_set(encoded_list, 6, true), issuer, valid_from, valid_until));
SELECT id, (credreg.verify(credential, '2026-06-01')).status FROM public.learner ORDER BY id;
DELETE FROM credreg.context WHERE url = 'https://www.w3.org/ns/credentials/v2';

-- the updated catalog against the fresh one: no row means no difference
\set ECHO none
\i test/catalog/extension_catalog.sql
\set ECHO all
SELECT * FROM credreg_check.catalog_diff(:'fresh_catalog');

\c :regress_db
SET client_min_messages = warning;
DROP DATABASE credreg_upgrade_fresh;
DROP DATABASE credreg_upgrade_old;

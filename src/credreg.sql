-- credreg install script, assembled by the Makefile from one fragment per
-- capability (src/credreg.sql first, then src/<capability>/<capability>.sql
-- in dependency order).  This fragment holds what every capability shares.

\echo Use "CREATE EXTENSION credreg" to load this file. \quit

CREATE FUNCTION credreg_version() RETURNS text
	AS 'SELECT ''0.2.0''::pg_catalog.text'
	LANGUAGE sql IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION credreg_version() IS 'version of the installed credreg extension';

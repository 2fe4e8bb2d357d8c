
-- upgrade: what changed between 0.1.0 and 0.2.0 in objects 0.1.0 had and
-- that no single capability owns.

CREATE OR REPLACE FUNCTION credreg_version() RETURNS text
	AS 'SELECT ''0.2.0''::pg_catalog.text'
	LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- taxonomy: the two inlinable SQL helpers name every operator, type and
-- function by schema (they had unqualified operators and a CASE, which looks
-- up "=" through the caller's search_path).

CREATE OR REPLACE FUNCTION taxonomy_jarr(jsonb) RETURNS jsonb
	AS $$ SELECT CASE WHEN pg_catalog.jsonb_typeof($1) OPERATOR(pg_catalog.=) 'array' THEN $1
		WHEN pg_catalog.jsonb_typeof($1) OPERATOR(pg_catalog.=) 'null' THEN '[]'::pg_catalog.jsonb
		ELSE pg_catalog.jsonb_build_array($1) END $$
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION taxonomy_level(i bigint, n bigint) RETURNS int
	AS $$ SELECT CASE WHEN i IS NULL OR n IS NULL OR n OPERATOR(pg_catalog.<) 1
			OR i OPERATOR(pg_catalog.<) 0 OR i OPERATOR(pg_catalog.>=) n THEN NULL
		WHEN n OPERATOR(pg_catalog.=) 1 THEN 5
		ELSE 1 OPERATOR(pg_catalog.+) pg_catalog.round(4.0 OPERATOR(pg_catalog.*) i::pg_catalog.numeric
			OPERATOR(pg_catalog./) (n OPERATOR(pg_catalog.-) 1)::pg_catalog.numeric)::pg_catalog.int4 END $$
	LANGUAGE sql IMMUTABLE PARALLEL SAFE;

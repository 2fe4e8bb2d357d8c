
-- credential_alignments reads the BadgeClass alignment of Open Badges 2.0
-- assertions too (README, "Open Badges 2.0"); skills_of and
-- unresolved_alignments follow.
CREATE OR REPLACE FUNCTION credential_alignments(credential jsonb)
	RETURNS TABLE (source text, target_url text, target_code text, target_framework text,
				   target_name text, level int, competency int)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
WITH RECURSIVE creds(c, depth) AS (
	SELECT coalesce(credential -> 'vc', credential), 0
	UNION ALL
	SELECT coalesce(v -> 'vc', v), depth + 1
	FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(c #> '{credentialSubject,verifiableCredential}')) v
	WHERE depth < 4 AND jsonb_typeof(v) = 'object'
),
subj AS (
	SELECT s FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(c -> 'credentialSubject')) s
	WHERE jsonb_typeof(s) = 'object'
),
ach AS (
	SELECT s, a FROM subj, jsonb_array_elements(credreg.taxonomy_jarr(s -> 'achievement')) a
	WHERE jsonb_typeof(a) = 'object'
),
rd AS (
	SELECT s, d FROM ach, jsonb_array_elements(credreg.taxonomy_jarr(a -> 'resultDescription')) d
	WHERE jsonb_typeof(d) = 'object'
),
-- results that count (status Completed, the default) with their level:
-- the achieved rubric level or the value's position among allowedValue
res AS (
	SELECT r, d,
		(SELECT o - 1 FROM jsonb_array_elements(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) WITH ORDINALITY x(l, o)
		 WHERE l ->> 'id' = r ->> 'achievedLevel') AS lvl_i,
		jsonb_array_length(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) AS lvl_n,
		(SELECT o - 1 FROM jsonb_array_elements(credreg.taxonomy_jarr(d -> 'allowedValue')) WITH ORDINALITY x(v, o)
		 WHERE v #>> '{}' = r ->> 'value') AS val_i,
		jsonb_array_length(credreg.taxonomy_jarr(d -> 'allowedValue')) AS val_n
	FROM subj CROSS JOIN LATERAL jsonb_array_elements(credreg.taxonomy_jarr(s -> 'result')) r
		LEFT JOIN rd ON rd.s = subj.s AND rd.d ->> 'id' = r ->> 'resultDescription'
	WHERE jsonb_typeof(r) = 'object' AND coalesce(r ->> 'status', 'Completed') = 'Completed'
),
res_level AS (
	SELECT r, d, lvl_i,
		coalesce(credreg.taxonomy_level(lvl_i, lvl_n), credreg.taxonomy_level(val_i, val_n), 0) AS level,
		lvl_n
	FROM res
),
al(source, al, level) AS (
	SELECT 'achievement', x, 0 FROM ach, jsonb_array_elements(credreg.taxonomy_jarr(a -> 'alignment')) x
	UNION ALL
	SELECT 'resultDescription', x, level FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(d -> 'alignment')) x
	WHERE d IS NOT NULL
	UNION ALL
	-- the achieved rubric level and the ones below it, each at its own level
	SELECT 'rubricCriterionLevel', x, credreg.taxonomy_level(o - 1, lvl_n)
	FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(d -> 'rubricCriterionLevel')) WITH ORDINALITY rl(l, o),
		jsonb_array_elements(credreg.taxonomy_jarr(l -> 'alignment')) x
	WHERE lvl_i IS NOT NULL AND o - 1 <= lvl_i
	UNION ALL
	SELECT 'result', x, level FROM res_level, jsonb_array_elements(credreg.taxonomy_jarr(r -> 'alignment')) x
	UNION ALL
	-- Open Badges 2.0: the BadgeClass's alignment, embedded or stored under its IRI
	SELECT 'badge', x, 0 FROM creds, jsonb_array_elements(credreg.taxonomy_jarr(
		CASE WHEN jsonb_typeof(c -> 'badge') = 'object' THEN c #> '{badge,alignment}'
			 ELSE (SELECT h.document -> 'alignment' FROM credreg.hosted_document h WHERE h.url = c ->> 'badge') END)) x
	WHERE depth = 0
)
SELECT source, al ->> 'targetUrl', al ->> 'targetCode', al ->> 'targetFramework', al ->> 'targetName', level,
	coalesce(credreg.competency_id(al ->> 'targetUrl'),
			 credreg.competency_id(lower(al ->> 'targetFramework') || ':' || (al ->> 'targetCode')))
FROM al WHERE jsonb_typeof(al) = 'object'
$$;
COMMENT ON FUNCTION credential_alignments(jsonb) IS 'every alignment of an OB 3.0 / CLR 2.0 credential (achievement, completed results and their descriptions and rubric levels, embedded CLR credentials) or of an OB 2.0 assertion''s BadgeClass, with its normalised level 0..5 and the competency it resolves to';

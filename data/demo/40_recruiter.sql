-- Recruiter report: candidates ranked by verified competency, each match
-- explained.  Imports ESCO v1.1.1 (data/esco), gives six candidates Open
-- Badges 3.0 credentials aligned to ESCO skills, stores the closure of what
-- their credentials prove in an indexed skillset column, and asks for
-- "computer programming at level 3, query languages at level 2, and
-- preferably web programming".
SET search_path = credreg, public;
\! rm -rf tmp_run/esco_demo && mkdir -p tmp_run/esco_demo && cp data/esco/*.csv.gz tmp_run/esco_demo/
\set esco_dir `readlink -f tmp_run`/esco_demo
SELECT (import_esco(:'esco_dir') ->> 'skills') AS esco_skills \gset
\! rm -rf tmp_run/esco_demo
\echo ESCO imported: :esco_skills skills

CREATE TABLE demo_candidate (name text PRIMARY KEY, credential jsonb, skills skillset);
-- one skill-assertion badge per (candidate, ESCO skill, achieved level of 5)
CREATE FUNCTION pg_temp.badge(skill_uri text, level int) RETURNS jsonb LANGUAGE sql AS $$
SELECT jsonb_build_object('type', '["VerifiableCredential", "OpenBadgeCredential"]'::jsonb,
	'credentialSubject', jsonb_build_object(
		'achievement', jsonb_build_object('id', 'urn:demo:' || skill_uri, 'achievementType', 'Competency',
			'resultDescription', jsonb_build_array(jsonb_build_object('id', 'urn:demo:rd', 'resultType', 'RubricCriterionLevel',
				'alignment', jsonb_build_array(jsonb_build_object('targetUrl', skill_uri, 'targetFramework', 'ESCO')),
				'rubricCriterionLevel', '[{"id": "l1"}, {"id": "l2"}, {"id": "l3"}, {"id": "l4"}, {"id": "l5"}]'::jsonb))),
		'result', jsonb_build_array(jsonb_build_object('resultDescription', 'urn:demo:rd', 'achievedLevel', 'l' || level))))
$$;
-- a CLR bundles each candidate's badges
INSERT INTO demo_candidate (name, credential)
SELECT name, jsonb_build_object('type', '["VerifiableCredential", "ClrCredential"]'::jsonb,
	'credentialSubject', jsonb_build_object('verifiableCredential', jsonb_agg(pg_temp.badge(uri, level))))
FROM (VALUES
	('Ana',    'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', 4),  -- Python
	('Ana',    'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', 3),  -- SQL
	('Ana',    'http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7', 2),  -- JavaScript
	('Bruno',  'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', 5),  -- computer programming
	('Chen',   'http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7', 5),  -- JavaScript
	('Chen',   'http://data.europa.eu/esco/skill/4da171e5-779c-4983-a76f-91c16751e99f', 4),  -- MySQL
	('Dana',   'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', 1),  -- SQL
	('Dana',   'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', 2),  -- Python
	('Emeka',  'http://data.europa.eu/esco/skill/69bbd53f-fbb0-4476-b4b2-ef7844464e28', 4),  -- web programming
	('Emeka',  'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', 5),  -- SQL
	('Fatima', 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be', 5)   -- use spreadsheets software
) v(name, uri, level)
GROUP BY name;
UPDATE demo_candidate SET skills = closure(skills_of(credential));
CREATE INDEX ON demo_candidate USING gin (skills);

\set required 'skills(ARRAY[''http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97'', ''http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586'', ''http://data.europa.eu/esco/skill/69bbd53f-fbb0-4476-b4b2-ef7844464e28''], ARRAY[3, 2, 0])'
\echo
\echo ==== Recruiter report: computer programming >= 3, query languages >= 2, web programming ====
\echo Candidates who meet the two hard requirements (an index scan on the closure column):
SELECT name FROM demo_candidate
WHERE skills @> skills(ARRAY['http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97',
							 'http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586'], ARRAY[3, 2])
ORDER BY name;
\echo Ranking by verified coverage, with the evidence behind every requirement:
SELECT c.name, (m ->> 'score')::numeric AS score,
	string_agg(format('%s%s: %s', r #>> '{required,label}',
		CASE WHEN (r ->> 'level')::int > 0 THEN ' >= ' || (r ->> 'level') ELSE '' END,
		CASE WHEN (r ->> 'satisfied')::boolean
			 THEN format('yes, by %s at level %s%s', r #>> '{by,label}', r ->> 'heldLevel',
				CASE WHEN (r ->> 'hops')::int > 0 THEN format(' (%s broader hop%s)', r ->> 'hops',
					CASE WHEN (r ->> 'hops')::int > 1 THEN 's' ELSE '' END) ELSE '' END)
			 ELSE 'no (' || replace(r ->> 'reason', '_', ' ') || coalesce(', best level ' || (r ->> 'bestLevel'), '') || ')' END),
		E'\n' ORDER BY o) AS explanation
FROM demo_candidate c, LATERAL (SELECT match(skills_of(c.credential), :required) AS m) x,
	jsonb_array_elements(m -> 'requirements') WITH ORDINALITY e(r, o)
GROUP BY c.name, m
ORDER BY score DESC, c.name;
\echo What is missing for each candidate (gap):
SELECT c.name, coalesce(string_agg(k.label || CASE WHEN g.level > 0 THEN ' >= ' || g.level ELSE '' END, ', ' ORDER BY k.label), '(nothing)') AS missing
FROM demo_candidate c LEFT JOIN LATERAL skillset_each(gap(skills_of(c.credential), :required)) g ON true
	LEFT JOIN competency k ON k.id = g.id
GROUP BY c.name ORDER BY c.name;

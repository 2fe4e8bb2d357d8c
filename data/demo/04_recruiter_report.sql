-- credreg demo, part 4: the recruiter's report.  The registry imports the
-- ESCO skills taxonomy, derives each learner's verified skill profile from
-- the credentials that verify (verify once, query often), stores its
-- closure (every broader skill and crosswalked equivalent) in an indexed
-- skillset column, and answers "who holds these skills, or narrower ones,
-- at these levels" from the index, with an explanation for every match.

\set ON_ERROR_STOP on
\pset footer off
\pset null '-'
SET client_min_messages = warning;
-- credreg's operators (@>, &&, @@) live in its schema.
SET search_path = public, credreg;

\echo
\echo '=================================================================================='
\echo ' RECRUITER REPORT: candidates ranked by verified competency'
\echo '=================================================================================='
\echo 'Importing ESCO v1.1.1 (skills, skill groups, hierarchy, broader relations) ...'
SELECT r->'skills' AS skills, r->'skillGroups' AS skill_groups, r->'broader' AS broader_relations,
	   r->'labels' AS labels, r->'rejected' AS rows_rejected, r->'seconds' AS seconds
  FROM credreg.import_esco(:'esco_dir') r;

-- Verify once, at ingest: the outcome is stored with the award.
ALTER TABLE demo.award ADD COLUMN verified boolean, ADD COLUMN payload jsonb;
UPDATE demo.award SET verified = credreg.is_valid(credential), payload = credreg.credential_payload(credential);

-- Each learner's verified skills (from valid credentials only) and their
-- closure under the default policy, indexed.
CREATE TABLE demo.profile AS
SELECT l.id AS learner_id, l.name,
	   coalesce(credreg.skillset_union_agg(credreg.skills_of(w.payload)) FILTER (WHERE w.verified),
				'{}'::credreg.skillset) AS held
  FROM demo.learner l LEFT JOIN demo.award w ON w.learner_id = l.id
 GROUP BY l.id, l.name;
ALTER TABLE demo.profile ADD COLUMN skills credreg.skillset;
UPDATE demo.profile SET skills = credreg.closure(held);
CREATE INDEX profile_skills ON demo.profile USING gin (skills);

\echo
\echo 'Verified skills per learner (ESCO skill: level 1-5 from the rubric):'
SELECT p.name AS learner,
	   (SELECT string_agg(c.label || ': ' || e.level, ', ' ORDER BY c.label)
		  FROM credreg.skillset_each(p.held) e JOIN credreg.competency c ON c.id = e.id) AS verified_skills,
	   credreg.skillset_count(p.skills) AS with_broader_skills
  FROM demo.profile p
 ORDER BY p.name;

\echo
\echo 'Query 1: "query languages, or a narrower skill such as SQL, at level 3 or more,'
\echo '          and statistics at level 2 or more" -- answered by the GIN index:'
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT name FROM demo.profile
 WHERE skills @> credreg.skills(ARRAY['http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586',
									  'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833'],
								ARRAY[3, 2]);
SELECT name AS candidate FROM demo.profile
 WHERE skills @> credreg.skills(ARRAY['http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586',
									  'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833'],
								ARRAY[3, 2])
 ORDER BY name;
RESET enable_seqscan;

\echo
\echo 'Query 1b: a boolean skill query (skillquery, also GIN-indexed):'
\echo '  query languages >= 3 AND (computer programming >= 3 OR use spreadsheets software >= 3) AND NOT machine learning'
SELECT format('%s>=3 & (%s>=3 | %s>=3) & !%s',
			  credreg.competency_id('http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586'),
			  credreg.competency_id('http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97'),
			  credreg.competency_id('http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be'),
			  credreg.competency_id('http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43'))
	   AS skill_query \gset
SELECT :'skill_query' AS skillquery_text,
	   string_agg(name, ', ' ORDER BY name) AS candidates
  FROM demo.profile WHERE skills @@ :'skill_query'::credreg.skillquery;

\echo
\echo 'Query 2: the "junior data analyst" profile -- every candidate ranked by coverage:'
\echo '  query languages >= 3, computer programming >= 3, statistics >= 2,'
\echo '  use spreadsheets software >= 2, present reports >= 2'
CREATE TEMP TABLE wanted AS
SELECT credreg.skills(ARRAY['http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586',
							'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97',
							'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833',
							'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be',
							'http://data.europa.eu/esco/skill/d0f2f8a7-d935-4a6d-8e54-dcc3e5e2cbeb'],
					  ARRAY[3, 3, 2, 2, 2]) AS required;
SELECT p.name AS candidate,
	   (m->>'score')::numeric AS score,
	   (m->>'satisfied') || ' of ' || (m->>'required') AS requirements_met,
	   (SELECT string_agg(c.label || ' >= ' || e.level, ', ' ORDER BY c.label)
		  FROM credreg.skillset_each(credreg.gap(p.held, w.required)) e
			   JOIN credreg.competency c ON c.id = e.id) AS missing
  FROM demo.profile p, wanted w, LATERAL credreg.match(p.held, w.required) m
 ORDER BY score DESC, candidate;

\echo
\echo 'How each met requirement is satisfied (held skill -> required skill, hops up the hierarchy):'
SELECT p.name AS candidate,
	   r->'required'->>'label' AS requirement,
	   (r->>'level') AS min_level,
	   CASE WHEN (r->>'satisfied')::boolean
			THEN (r->'by'->>'label') || ' at level ' || (r->>'heldLevel') ||
				 CASE WHEN (r->>'hops')::int = 0 THEN ' (same skill)'
					  ELSE ' (narrower, ' || (r->>'hops') || ' hop' ||
						   CASE WHEN (r->>'hops')::int > 1 THEN 's' ELSE '' END || ')' END
			ELSE 'not met: ' || (r->>'reason') END AS evidence
  FROM demo.profile p, wanted w,
	   LATERAL jsonb_array_elements(credreg.match(p.held, w.required)->'requirements') r
 ORDER BY p.name, requirement;

\echo
\echo 'A recruiter''s words resolved to ESCO skills (fuzzy search never widens what counts as verified):'
SELECT q AS recruiter_typed, s.label AS esco_skill, round(s.score::numeric, 2) AS score
  FROM unnest(ARRAY['sql', 'python', 'data visualisation']) q,
	   LATERAL credreg.competency_search(q, 2) s
 ORDER BY q, s.score DESC;

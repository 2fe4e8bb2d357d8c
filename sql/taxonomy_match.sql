-- Closure and matching on the real ESCO hierarchy: named cases
-- (SEMANTICS.md §2.3), explanations, gap, policies, resolution,
-- crosswalk edges of a local framework, cache invalidation.
SET search_path = credreg, public;

SELECT count(*) = 0 AS need_import FROM competency WHERE framework = 'esco' \gset
\if :need_import
\! rm -rf tmp_run/esco_match && mkdir -p tmp_run/esco_match && cp data/esco/*.csv.gz tmp_run/esco_match/
\set esco_dir `readlink -f tmp_run`/esco_match
SELECT (import_esco(:'esco_dir') ->> 'skills')::int AS imported_skills \gset
\! rm -rf tmp_run/esco_match
\endif

-- test helper: an ESCO concept by unique preferred label (or by URI)
CREATE FUNCTION pg_temp.c(text) RETURNS int LANGUAGE sql STABLE AS
$$ SELECT id FROM credreg.competency WHERE (label = $1 AND kind <> 'group' OR uri = $1)
	AND (SELECT count(*) FROM credreg.competency WHERE label = $1 AND kind <> 'group' OR uri = $1) = 1 $$;
CREATE FUNCTION pg_temp.g(text) RETURNS int LANGUAGE sql STABLE AS
$$ SELECT id FROM credreg.competency WHERE label = $1 AND kind = 'group'
	AND (SELECT count(*) FROM credreg.competency WHERE label = $1 AND kind = 'group') = 1 $$;

-- a local framework with crosswalk edges into ESCO
INSERT INTO framework (key, name) VALUES ('demo', 'local demo framework');
INSERT INTO competency (framework, uri, code, label, kind) VALUES
	('demo', 'https://demo.example/db-query', 'DBQ', 'Database querying', 'skill'),
	('demo', 'https://demo.example/py', 'PY', 'Python scripting', 'skill'),
	('demo', 'https://demo.example/py2', 'PY2', 'Scripting in Python', 'skill'),
	('demo', 'https://demo.example/old-sql', 'OLDSQL', 'Structured query language (2019)', 'skill'),
	('demo', 'https://demo.example/rel', 'REL', 'Programming culture', 'skill'),
	('demo', 'https://demo.example/narrow', 'NARROW', 'Java (local)', 'skill');
INSERT INTO competency_relation (src, dst, kind, source)
SELECT a.id, b.id, k, 'demo' FROM (VALUES
	('https://demo.example/db-query', 'SQL', 'exactMatch'),
	('https://demo.example/py', 'Python (computer programming)', 'closeMatch'),
	('https://demo.example/py2', 'https://demo.example/py', 'closeMatch'),
	('https://demo.example/old-sql', 'https://demo.example/db-query', 'replacedBy'),
	('https://demo.example/rel', 'computer programming', 'related'),
	('Java (computer programming)', 'https://demo.example/narrow', 'narrowMatch')) v(x, y, k)
	JOIN competency a ON a.id = pg_temp.c(x) JOIN competency b ON b.id = pg_temp.c(y);

CREATE TEMP TABLE cases (n int, name text, held skillset, target int, lvl int, policy jsonb, expect boolean);
INSERT INTO cases VALUES
 (1, 'SQL satisfies query languages', skillset(ARRAY[pg_temp.c('SQL')], ARRAY[3]), pg_temp.c('query languages'), 3, '{}', true),
 (2, 'SQL level 3 does not give query languages level 4', skillset(ARRAY[pg_temp.c('SQL')], ARRAY[3]), pg_temp.c('query languages'), 4, '{}', false),
 (3, 'Python satisfies computer programming', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.c('computer programming'), 0, '{}', true),
 (4, 'computer programming does not satisfy Python', skillset(ARRAY[pg_temp.c('computer programming')], ARRAY[5]), pg_temp.c('Python (computer programming)'), 0, '{}', false),
 (5, 'SQL does not satisfy its sibling Python', skillset(ARRAY[pg_temp.c('SQL')]), pg_temp.c('Python (computer programming)'), 0, '{}', false),
 (6, 'JavaScript satisfies web programming', skillset(ARRAY[pg_temp.c('JavaScript')]), pg_temp.c('web programming'), 0, '{}', true),
 (7, 'web programming does not satisfy JavaScript', skillset(ARRAY[pg_temp.c('web programming')]), pg_temp.c('JavaScript'), 0, '{}', false),
 (8, 'JavaScript satisfies computer programming (two paths)', skillset(ARRAY[pg_temp.c('JavaScript')]), pg_temp.c('computer programming'), 0, '{}', true),
 (9, 'JavaScript reaches computer programming in 1 hop', skillset(ARRAY[pg_temp.c('JavaScript')]), pg_temp.c('computer programming'), 0, '{"maxHops": 1}', true),
 (10, 'digital content creation is 2 hops from JavaScript: not with maxHops 1', skillset(ARRAY[pg_temp.c('JavaScript')]), pg_temp.c('digital content creation'), 0, '{"maxHops": 1}', false),
 (11, 'digital content creation with maxHops 2', skillset(ARRAY[pg_temp.c('JavaScript')]), pg_temp.c('digital content creation'), 0, '{"maxHops": 2}', true),
 (12, 'maxHops 0 allows identity only', skillset(ARRAY[pg_temp.c('SQL')]), pg_temp.c('query languages'), 0, '{"maxHops": 0}', false),
 (13, 'MySQL satisfies database management systems', skillset(ARRAY[pg_temp.c('MySQL')]), pg_temp.c('database management systems'), 0, '{}', true),
 (14, 'PostgreSQL satisfies a group two levels up', skillset(ARRAY[pg_temp.c('PostgreSQL')]), pg_temp.g('database and network design and administration'), 0, '{}', true),
 (15, 'MySQL does not satisfy PostgreSQL', skillset(ARRAY[pg_temp.c('MySQL')]), pg_temp.c('PostgreSQL'), 0, '{}', false),
 (16, 'Python satisfies its ISCED-F detailed field', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.g('software and applications development and analysis'), 0, '{}', true),
 (17, 'Python satisfies the ISCED-F narrow field 061', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.c('http://data.europa.eu/esco/isced-f/061'), 0, '{}', true),
 (18, 'the ISCED-F broad field 06 is never a target', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.c('http://data.europa.eu/esco/isced-f/06'), 0, '{}', false),
 (19, 'the knowledge pillar root is never a target', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.g('knowledge'), 0, '{}', false),
 (20, '... unless the policy allows top-level targets', skillset(ARRAY[pg_temp.c('Python (computer programming)')]), pg_temp.g('knowledge'), 0, '{"allowTopLevel": true}', true),
 (21, 'the skills pillar root is never a target', skillset(ARRAY[pg_temp.c('use spreadsheets software')]), pg_temp.g('skills'), 0, '{}', false),
 (22, 'spreadsheets satisfy working with computers (S5)', skillset(ARRAY[pg_temp.c('use spreadsheets software')]), competency_id('esco:S5'), 0, '{}', true),
 (23, 'inheritLevel false: no level carried to the broader skill', skillset(ARRAY[pg_temp.c('SQL')], ARRAY[2]), pg_temp.c('query languages'), 2, '{"inheritLevel": false}', false),
 (24, 'inheritLevel false: presence still carried', skillset(ARRAY[pg_temp.c('SQL')], ARRAY[2]), pg_temp.c('query languages'), 0, '{"inheritLevel": false}', true),
 (25, 'inheritLevel false: the held skill keeps its level', skillset(ARRAY[pg_temp.c('SQL')], ARRAY[2]), pg_temp.c('SQL'), 2, '{"inheritLevel": false}', true),
 (26, 'knowledge evidence satisfies the broader skill', skillset(ARRAY[pg_temp.c('teamwork principles')]), pg_temp.c('work in teams'), 0, '{}', true),
 (27, 'the skill does not satisfy the narrower knowledge', skillset(ARRAY[pg_temp.c('work in teams')]), pg_temp.c('teamwork principles'), 0, '{}', false),
 (28, 'nothing held satisfies nothing', '{}', pg_temp.c('SQL'), 0, '{}', false),
 (29, 'the highest of several evidences counts', skillset(ARRAY[pg_temp.c('MySQL'), pg_temp.c('PostgreSQL')], ARRAY[1, 4]), pg_temp.c('database management systems'), 4, '{}', true),
 (30, 'exactMatch from a local concept, then broader', skillset(ARRAY[pg_temp.c('https://demo.example/db-query')], ARRAY[3]), pg_temp.c('query languages'), 3, '{}', true),
 (31, 'exactMatch is symmetric', skillset(ARRAY[pg_temp.c('SQL')]), pg_temp.c('https://demo.example/db-query'), 0, '{}', true),
 (32, 'exactMatch can be switched off', skillset(ARRAY[pg_temp.c('SQL')]), pg_temp.c('https://demo.example/db-query'), 0, '{"exactMatch": false}', false),
 (33, 'closeMatch is not followed by default', skillset(ARRAY[pg_temp.c('https://demo.example/py')]), pg_temp.c('computer programming'), 0, '{}', false),
 (34, 'one closeMatch hop when asked', skillset(ARRAY[pg_temp.c('https://demo.example/py')]), pg_temp.c('computer programming'), 0, '{"close": true}', true),
 (35, 'never two closeMatch hops', skillset(ARRAY[pg_temp.c('https://demo.example/py2')]), pg_temp.c('Python (computer programming)'), 0, '{"close": true}', false),
 (36, 'replacedBy then exactMatch then broader', skillset(ARRAY[pg_temp.c('https://demo.example/old-sql')]), pg_temp.c('query languages'), 0, '{}', true),
 (37, 'replacedBy can be switched off', skillset(ARRAY[pg_temp.c('https://demo.example/old-sql')]), pg_temp.c('query languages'), 0, '{"replacedBy": false}', false),
 (38, 'replacedBy is not reversed', skillset(ARRAY[pg_temp.c('https://demo.example/db-query')]), pg_temp.c('https://demo.example/old-sql'), 0, '{}', false),
 (39, 'related links are never followed', skillset(ARRAY[pg_temp.c('https://demo.example/rel')]), pg_temp.c('computer programming'), 0, '{"close": true}', false),
 (40, 'narrowMatch read backwards: the narrower local concept satisfies Java', skillset(ARRAY[pg_temp.c('https://demo.example/narrow')]), pg_temp.c('Java (computer programming)'), 0, '{}', true),
 (41, 'narrowMatch: Java does not satisfy the narrower local concept', skillset(ARRAY[pg_temp.c('Java (computer programming)')]), pg_temp.c('https://demo.example/narrow'), 0, '{}', false);

-- every case: satisfies() agrees with closure() @> and with match()
SELECT n, name, expect,
	(match(held, skillset(ARRAY[target], ARRAY[lvl]), policy) -> 'requirements' -> 0 ->> 'satisfied')::boolean AS by_match,
	closure(held, policy) @> skillset(ARRAY[target], ARRAY[lvl]) AS by_closure,
	# gap(held, skillset(ARRAY[target], ARRAY[lvl]), policy) = 0 AS by_gap
FROM cases ORDER BY n;
SELECT count(*) AS disagreements FROM cases
WHERE target IS NULL
   OR (match(held, skillset(ARRAY[target], ARRAY[lvl]), policy) -> 'requirements' -> 0 ->> 'satisfied')::boolean IS DISTINCT FROM expect
   OR (closure(held, policy) @> skillset(ARRAY[target], ARRAY[lvl])) IS DISTINCT FROM expect;

-- explanations
-- (ids depend on the order of imports: masked)
SELECT regexp_replace(jsonb_pretty(match(skillset(ARRAY[pg_temp.c('https://demo.example/old-sql'), pg_temp.c('MySQL')], ARRAY[4, 1]),
	skillset(ARRAY[pg_temp.c('query languages'), pg_temp.c('database management systems'), pg_temp.c('PostgreSQL'), pg_temp.g('knowledge')], ARRAY[3, 2, 0, 0]))),
	'"id": [0-9]+', '"id": N', 'g') AS explanation;
SELECT r ->> 'reason' AS reason, r -> 'bestLevel' AS best_level
FROM jsonb_array_elements(match(skillset(ARRAY[pg_temp.c('SQL')], ARRAY[2]),
	skillset(ARRAY[pg_temp.c('query languages'), pg_temp.c('Java (computer programming)'), pg_temp.c('http://data.europa.eu/esco/isced-f/06'), 999999], ARRAY[3, 0, 0, 0])) -> 'requirements') r;
SELECT match('{}', '{}');

-- closure of SQL and of Python, with labels
SELECT c.label, s.level FROM skillset_each(closure(skillset(ARRAY[pg_temp.c('SQL')], ARRAY[3]))) s
	JOIN competency c USING (id) ORDER BY c.label;
SELECT c.label, s.level FROM skillset_each(closure(skillset(ARRAY[pg_temp.c('Python (computer programming)')], ARRAY[2]), '{"maxHops": 1}')) s
	JOIN competency c USING (id) ORDER BY c.label;
SELECT closure('{999999:3}') = '{999999:3}' AS unknown_ids_kept;
SELECT closure(skillset(ARRAY[pg_temp.g('knowledge')])) = skillset(ARRAY[pg_temp.g('knowledge')]) AS held_root_kept;

-- gap
SELECT c.label, s.level
FROM skillset_each(gap(skillset(ARRAY[pg_temp.c('SQL'), pg_temp.c('JavaScript')], ARRAY[3, 2]),
	skillset(ARRAY[pg_temp.c('query languages'), pg_temp.c('web programming'), pg_temp.c('Python (computer programming)')], ARRAY[2, 3, 1]))) s
	JOIN competency c USING (id) ORDER BY 1;

-- invalid policies
SELECT closure('{1}', '[]');
SELECT closure('{1}', '{"maxhops": 1}');
SELECT closure('{1}', '{"maxHops": -1}');
SELECT closure('{1}', '{"maxHops": 1.5}');
SELECT closure('{1}', '{"maxHops": "2"}');
SELECT closure('{1}', '{"close": "yes"}');
SELECT closure('{1}', '{"maxHops": null}') = closure('{1}') AS null_means_unlimited;

-- resolution
SELECT competency_id('http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742') = pg_temp.c('SQL') AS uri,
       competency_id('https://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742/') = pg_temp.c('SQL') AS https_slash,
       (SELECT label FROM competency WHERE id = competency_id('esco:S5.6.1')) AS by_code,
       competency_id('demo:DBQ') = pg_temp.c('https://demo.example/db-query') AS local_code,
       competency_id('http://data.europa.eu/esco/skill/nope') IS NULL AS unknown;
SELECT skills(ARRAY['http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742', 'demo:PY'], ARRAY[3, 2])
	= skillset(ARRAY[pg_temp.c('SQL'), pg_temp.c('https://demo.example/py')], ARRAY[3, 2]) AS resolved;
SELECT skills(ARRAY['esco:nope']);
SELECT skills(ARRAY['demo:PY', NULL]);
SELECT skills(ARRAY['demo:PY'], ARRAY[1, 2]);
SELECT skills(ARRAY['demo:PY'], ARRAY[101]);

-- the compiled taxonomy follows changes of the tables (same session)
SELECT closure(skillset(ARRAY[pg_temp.c('SQL')])) @> skillset(ARRAY[pg_temp.c('https://demo.example/db-query')]) AS before_delete;
DELETE FROM competency_relation WHERE source = 'demo' AND kind = 'exactMatch';
SELECT closure(skillset(ARRAY[pg_temp.c('SQL')])) @> skillset(ARRAY[pg_temp.c('https://demo.example/db-query')]) AS after_delete;
BEGIN;
INSERT INTO competency_relation (src, dst, kind, source)
	VALUES (pg_temp.c('SQL'), pg_temp.c('https://demo.example/db-query'), 'exactMatch', 'demo');
SELECT closure(skillset(ARRAY[pg_temp.c('SQL')])) @> skillset(ARRAY[pg_temp.c('https://demo.example/db-query')]) AS inside_transaction;
ROLLBACK;
SELECT closure(skillset(ARRAY[pg_temp.c('SQL')])) @> skillset(ARRAY[pg_temp.c('https://demo.example/db-query')]) AS after_rollback;

DELETE FROM competency WHERE framework = 'demo';
DELETE FROM framework WHERE key = 'demo';

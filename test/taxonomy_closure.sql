-- pgTAP: the closure on the real ESCO hierarchy checked against an
-- independent computation (recursive CTEs over competency_relation), and
-- invariants of closure, match and gap.  Run from the top of the tree.
\! rm -rf tmp_run/esco_tap && mkdir -p tmp_run/esco_tap && cp data/esco/*.csv.gz tmp_run/esco_tap/
\set esco_dir `readlink -f tmp_run`/esco_tap
BEGIN;
SELECT plan(16);
SET search_path = credreg, public;

CREATE TEMP TABLE imp AS SELECT import_esco(:'esco_dir') AS r;
SELECT is((SELECT (r ->> 'skills')::int FROM imp), 13896, 'ESCO: 13,896 skills imported');
SELECT is((SELECT (r ->> 'skillGroups')::int FROM imp), 640, 'ESCO: 640 skill groups imported');
SELECT is((SELECT (r ->> 'broader')::int FROM imp), 20656, 'ESCO: 20,656 broader relations imported');
SELECT is((SELECT (r ->> 'rejected')::int FROM imp), 0, 'ESCO: no row rejected');

SELECT setseed(0.17);
CREATE TEMP TABLE sample AS
	SELECT id FROM competency WHERE framework = 'esco' AND kind <> 'group' ORDER BY random() LIMIT 1000;

-- independent: every ancestor over broader edges, minus top-level concepts
CREATE TEMP TABLE expected_up AS
WITH RECURSIVE up(start, id) AS (
	SELECT id, id FROM sample
	UNION
	SELECT up.start, r.dst FROM up JOIN competency_relation r ON r.src = up.id AND r.kind = 'broader'
)
SELECT start, array_agg(up.id ORDER BY up.id) AS ids
FROM up JOIN competency c ON c.id = up.id
WHERE NOT c.top_level OR up.id = up.start
GROUP BY start;

SELECT is((SELECT count(*)::int FROM sample s JOIN expected_up e ON e.start = s.id
		   WHERE skillset_ids(closure(skillset(ARRAY[s.id], ARRAY[3]))) IS DISTINCT FROM e.ids), 0,
	'closure of 1,000 random ESCO skills equals the recursive CTE');
SELECT is((SELECT count(*)::int FROM sample s
		   WHERE skillset_levels(closure(skillset(ARRAY[s.id], ARRAY[3]))) <> array_fill(3, ARRAY[# closure(skillset(ARRAY[s.id]))])), 0,
	'levels are inherited along broader edges');
SELECT cmp_ok((SELECT avg(cardinality(ids)) FROM expected_up), '>', 4::numeric,
	'the sample has non-trivial closures');

-- bounded hops: ancestors within 2 broader edges
CREATE TEMP TABLE expected_2 AS
WITH RECURSIVE up(start, id, hops) AS (
	SELECT id, id, 0 FROM (SELECT id FROM sample LIMIT 300) s
	UNION
	SELECT up.start, r.dst, up.hops + 1 FROM up JOIN competency_relation r ON r.src = up.id AND r.kind = 'broader'
	WHERE up.hops < 2
)
SELECT start, array_agg(DISTINCT up.id ORDER BY up.id) AS ids
FROM up JOIN competency c ON c.id = up.id
WHERE NOT c.top_level OR up.id = up.start
GROUP BY start;
SELECT is((SELECT count(*)::int FROM expected_2 e
		   WHERE skillset_ids(closure(skillset(ARRAY[e.start]), '{"maxHops": 2}')) IS DISTINCT FROM e.ids), 0,
	'closure with maxHops 2 equals the bounded recursive CTE (300 skills)');

-- learner-like sets: 200 sets of 5..40 skills at levels 1..5; an ancestor
-- gets the highest level among the members below it
CREATE TEMP TABLE learners AS
SELECT l, array_agg(s.id) AS ids, array_agg(1 + (random() * 4)::int) AS levels
FROM generate_series(1, 200) l
	CROSS JOIN LATERAL (SELECT id FROM sample ORDER BY random() LIMIT 5 + (l % 36)) s
GROUP BY l;
CREATE TEMP TABLE expected_sets AS
WITH RECURSIVE up(l, id, level) AS (
	SELECT l, u.id, u.level FROM learners, unnest(ids, levels) u(id, level)
	UNION
	SELECT up.l, r.dst, up.level FROM up JOIN competency_relation r ON r.src = up.id AND r.kind = 'broader'
)
SELECT l, skillset(array_agg(x.id), array_agg(x.level)) AS s
FROM (SELECT l, up.id, max(level) AS level FROM up JOIN competency c ON c.id = up.id
	  WHERE NOT c.top_level GROUP BY l, up.id) x
GROUP BY l;
SELECT is((SELECT count(*)::int FROM learners JOIN expected_sets e USING (l)
		   WHERE closure(skillset(ids, levels)) <> e.s), 0,
	'closure of 200 learner sets (5-40 skills, levels 1-5) equals the recursive CTE, levels included');

-- invariants
SELECT is((SELECT count(*)::int FROM learners WHERE closure(closure(skillset(ids, levels))) <> closure(skillset(ids, levels))), 0,
	'closure is idempotent');
SELECT is((SELECT count(*)::int FROM learners WHERE NOT closure(skillset(ids, levels)) @> skillset(ids, levels)), 0,
	'closure contains the held set');
SELECT is((SELECT count(*)::int FROM learners a JOIN learners b ON b.l = a.l + 1
		   WHERE NOT closure(skillset(a.ids, a.levels) | skillset(b.ids, b.levels))
			   @> (closure(skillset(a.ids, a.levels)) | closure(skillset(b.ids, b.levels)))), 0,
	'closure is monotone under union');

-- match and gap agree with the closure: requirements drawn from the sample
CREATE TEMP TABLE reqs AS
SELECT l, skillset(array_agg(id), array_agg(lv)) AS req
FROM generate_series(1, 200) l
	CROSS JOIN LATERAL (SELECT id, (random() * 4)::int AS lv FROM sample ORDER BY random() LIMIT 3 + (l % 5)) s
GROUP BY l;
-- add requirements that are certainly satisfied: ancestors of the held skills
UPDATE reqs SET req = req | skillset(skillset_ids(closure(skillset(learners.ids))))
	FROM learners WHERE learners.l = reqs.l AND reqs.l % 2 = 0;
SELECT is((SELECT count(*)::int FROM learners JOIN reqs USING (l)
		   WHERE gap(skillset(ids, levels), req) <> req - closure(skillset(ids, levels))), 0,
	'gap(held, required) = required - closure(held)');
SELECT is((SELECT count(*)::int FROM learners JOIN reqs USING (l)
		   WHERE (match(skillset(ids, levels), req) ->> 'satisfied')::int <> (# req) - (# (req - closure(skillset(ids, levels))))), 0,
	'match counts the requirements the closure covers');
SELECT volatility_is('credreg', 'closure', ARRAY['skillset', 'jsonb'], 'stable',
	'closure reads tables: STABLE');
SELECT ok(NOT has_function_privilege('public', 'credreg.import_esco(text)', 'EXECUTE'),
	'import_esco is not executable by PUBLIC');

SELECT * FROM finish();
ROLLBACK;
\! rm -rf tmp_run/esco_tap

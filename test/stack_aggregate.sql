-- stack_progress as a parallel aggregate: a Partial Aggregate under forced
-- parallelism, and results equal to stack_evaluate over array_agg.
BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL TimeZone = 'UTC';
SELECT plan(9);

CREATE TABLE agg_award (id text, achievement text, achievement_type text, human_code text, issuer text,
	home boolean, tags text[], credits float8, level int, earned_at timestamptz, valid_until timestamptz,
	status text, verified boolean, passed boolean, alignments jsonb, learner int);
INSERT INTO agg_award
SELECT 'a' || l || '-' || k, 'urn:ach:' || ((l * 7 + k * 13) % 23), 'Course', NULL,
       CASE WHEN (l + k) % 4 = 0 THEN 'urn:ext' ELSE 'urn:home' END, (l + k) % 4 <> 0,
       ARRAY['t' || ((l + k) % 5), 't' || ((l * k) % 5)], ((l + 2 * k) % 4)::float8, (l + k) % 5,
       timestamptz '2020-01-01' + ((l * 37 + k * 101) % 1800) * interval '1 day', NULL, NULL, true, NULL, NULL, l
  FROM generate_series(1, 400) l, generate_series(1, 3 + l % 9) k;
ANALYZE agg_award;

CREATE TABLE agg_rule (name text, rule stackrule);
INSERT INTO agg_rule VALUES
 ('count', '{"id": "urn:count", "root": {"type": "all", "children": [
    {"type": "items", "id": "A", "select": {"tag": "t1"}, "minItems": 2},
    {"type": "items", "id": "B", "select": {"anyOf": [{"tag": "t2"}, {"tag": "t3"}]}, "minItems": 2},
    {"type": "items", "id": "C", "select": {"tag": "t0"}, "minItems": 1}]}}'),
 ('credit', '{"id": "urn:credit", "policy": {"unitCredits": 3, "completionWindow": {"years": 3}},
   "root": {"type": "all", "children": [
    {"type": "items", "id": "E", "select": {"tag": "t1"}, "minCredits": 6},
    {"type": "nOf", "id": "N", "n": 1, "children": [
      {"type": "items", "id": "N1", "select": {"tag": "t2"}, "minCredits": 4},
      {"type": "items", "id": "N2", "select": {"tag": "t3"}, "minItems": 2}]},
    {"type": "items", "id": "W", "select": {"tag": "t4"}, "share": "nonExclusive"}],
   "limits": [{"select": {"not": {"issuerIn": "home"}}, "maxCredits": 3}]}}');

SELECT rule AS count_rule FROM agg_rule WHERE name = 'count' \gset
SELECT rule AS credit_rule FROM agg_rule WHERE name = 'credit' \gset

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_hashagg = off;

CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; t text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP t := t || r || E'\n'; END LOOP;
	RETURN t;
END $$;

SELECT matches(pg_temp.plan(format($$SELECT learner, stack_progress(%L::stackrule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item, '2025-06-01')
  FROM agg_award a GROUP BY learner$$, :'count_rule')),
  'Partial (Hash|Group)?Aggregate', 'a Partial Aggregate under forced parallelism');
SELECT matches(pg_temp.plan(format($$SELECT learner, stack_progress(%L::stackrule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item, '2025-06-01')
  FROM agg_award a GROUP BY learner$$, :'credit_rule')),
  'Workers Planned: 2', 'two parallel workers are planned');

CREATE TABLE agg_par AS
SELECT 'count' AS name, learner, stack_progress(:'count_rule'::stackrule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item, '2025-06-01') AS res
  FROM agg_award a GROUP BY learner
UNION ALL
SELECT 'credit', learner, stack_progress(:'credit_rule'::stackrule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item, '2025-06-01')
  FROM agg_award a GROUP BY learner;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE agg_ser AS
SELECT r.name, learner, stack_evaluate((array_agg(r.rule))[1], array_agg((a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item), '2025-06-01') AS res
  FROM agg_award a CROSS JOIN agg_rule r GROUP BY r.name, learner;

SELECT is((SELECT count(*) FROM agg_par), 800::bigint, 'one result per learner and rule');
SELECT is((SELECT count(*) FROM agg_par p JOIN agg_ser s USING (name, learner) WHERE p.res = s.res),
          800::bigint, 'the parallel aggregate equals stack_evaluate over array_agg');
SELECT cmp_ok((SELECT count(DISTINCT res->>'progress') FROM agg_par), '>', 5::bigint,
              'the learners reach many different progress values');
SELECT ok((SELECT bool_or((res->>'complete')::boolean) AND NOT bool_and((res->>'complete')::boolean) FROM agg_par),
          'some learners complete a stack and some do not');

-- the jsonb-item form gives the same results
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT is((SELECT count(*) FROM (
  SELECT 'count' AS name, learner, stack_progress(:'count_rule'::stackrule, jsonb_build_object('id', a.id,
           'achievement', a.achievement, 'issuer', a.issuer, 'home', a.home, 'tags', to_jsonb(a.tags),
           'credits', a.credits, 'level', a.level, 'earnedAt', to_char(a.earned_at, 'YYYY-MM-DD')),
           '2025-06-01') AS res
    FROM agg_award a GROUP BY learner) j JOIN agg_ser s USING (name, learner)
   WHERE j.res = s.res), 400::bigint, 'the jsonb-item aggregate equals stack_evaluate');

SELECT throws_ok($$SELECT stack_progress(r.rule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item) FROM agg_award a, agg_rule r$$,
                 '22023', 'stack_progress needs the same rule for every row of a group',
                 'a group mixing rules is refused');
SELECT is((SELECT stack_progress(:'count_rule'::stackrule, (a.id, a.achievement, a.achievement_type, a.human_code, a.issuer, a.home, a.tags, a.credits, a.level, a.earned_at, a.valid_until, a.status, a.verified, a.passed, a.alignments)::stack_item) FROM agg_award a WHERE false), NULL,
          'no rows give null');

SELECT * FROM finish();
ROLLBACK;

-- Stack evaluation: markings of the SQL objects, SQLSTATEs of bad input,
-- and invariants of the evaluation over random rules and award sets.
BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL TimeZone = 'UTC';
SELECT plan(24);

-- markings
SELECT volatility_is('credreg', 'stackrule_in', ARRAY['cstring'], 'immutable', 'stackrule input is immutable');
SELECT volatility_is('credreg', 'stack_evaluate', ARRAY['stackrule', 'jsonb', 'timestamp with time zone', 'jsonb', 'jsonb'],
                     'stable', 'stack_evaluate is stable (as_of defaults to now())');
SELECT is((SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'credreg' AND (p.proname LIKE 'stack%' OR p.proname IN ('next_best', 'stackrule', 'jsonb'))
              AND p.proparallel <> 's'), 0::bigint, 'every stack function and aggregate is PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'credreg' AND (p.proname LIKE 'stack%' OR p.proname = 'next_best')
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0::bigint, 'every stack function has a comment');
-- a real transition type (not internal, which Citus cannot run partially on
-- its workers), moved between processes in its flat form: a combine
-- function and no serialize or deserialize function
SELECT is((SELECT (SELECT typname FROM pg_type WHERE oid = aggtranstype) || ',' || aggcombinefn::text || ',' || aggserialfn::text || ',' || aggdeserialfn::text
             FROM pg_aggregate
            WHERE aggfnoid = 'credreg.stack_progress(credreg.stackrule, credreg.stack_item)'::regprocedure),
          'stack_progress_state,stack_progress_merge,-,-',
          'stack_progress has a state type of its own and a combine function');

-- SQLSTATEs
SELECT throws_ok($$SELECT '{"id": '::stackrule$$, '22P02', NULL, 'JSON syntax errors are 22P02');
SELECT throws_ok($$SELECT '{"id": "r", "id": "s"}'::stackrule$$, '22P02', NULL, 'duplicate member names are 22P02');
SELECT throws_ok($$SELECT '{"id": "r", "root": {"type": "foo"}}'::stackrule$$, '22023',
                 'invalid stack rule at $.root.type: unknown node type "foo"', 'unknown node types are 22023');
SELECT throws_ok($$SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minCredits": -1}}'::stackrule$$,
                 '22023', 'invalid stack rule at $.root.minCredits: must not be negative', 'negative demands are 22023');
SELECT throws_ok($$SELECT '{"id": "r", "root": {"type": "nOf", "n": 2, "children": [{"type": "items", "select": {"tag": "x"}}]}}'::stackrule$$,
                 '22023', 'invalid stack rule at $.root.n: n = 2 is larger than the number of children (1)', 'n larger than the children is 22023');
SELECT throws_ok($$SELECT '{"id": "r", "stacks": {"a": {"id": "a", "root": {"type": "stack", "ref": "r"}}},
                    "root": {"type": "stack", "ref": "a", "inline": true}}'::stackrule$$,
                 '22023', NULL, 'a cycle through stack references is 22023');
SELECT throws_ok($$SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": 99999999}}'::stackrule$$,
                 '54000', NULL, 'absurd demands are 54000');
SELECT throws_ok($$SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule,
                    '[{"id": "a"}, {"id": "a"}]'::jsonb)$$, '22023', NULL, 'duplicate award ids are 22023');

-- invariants over the brute-force corpus (random rules and award sets)
CREATE TEMP TABLE cases (n int, rule text, items jsonb, complete boolean, progress float8);
\copy cases FROM 'test/vectors/stack_bruteforce/cases.tsv'
CREATE TEMP TABLE ev AS
SELECT n, rule, items, stack_evaluate(rule::stackrule, items, '2025-06-01') AS r FROM cases;
SELECT is((SELECT count(*) FROM ev WHERE (r->>'progress')::float8 NOT BETWEEN 0 AND 1), 0::bigint,
          'progress is between 0 and 1');
SELECT is((SELECT count(*) FROM ev WHERE (r->>'complete')::boolean <> ((r->>'progress')::float8 = 1)), 0::bigint,
          'complete exactly when progress is 1');
SELECT is((SELECT count(*) FROM ev WHERE (r->>'complete')::boolean AND jsonb_array_length(r->'missing') > 0), 0::bigint,
          'a complete evaluation has nothing missing');
SELECT is((SELECT count(*) FROM ev WHERE NOT (r->>'complete')::boolean AND jsonb_array_length(r->'missing') = 0), 0::bigint,
          'an incomplete evaluation says what is missing');
SELECT is((SELECT count(*) FROM ev e WHERE
             (SELECT count(DISTINCT x) FROM (
                SELECT jsonb_array_elements_text(nd->'assigned') x FROM jsonb_array_elements(e.r->'nodes') nd
                UNION ALL SELECT jsonb_array_elements_text(e.r->'unused')
                UNION ALL SELECT jsonb_array_elements_text(e.r->'overLimit')) u)
             <> jsonb_array_length(e.items)), 0::bigint,
          'every award is assigned, unused or over a limit');
SELECT is((SELECT count(*) FROM ev e WHERE EXISTS (
             SELECT 1 FROM jsonb_array_elements_text(e.r->'unused') u
              JOIN jsonb_array_elements(e.r->'nodes') nd ON nd->'assigned' ? u)), 0::bigint,
          'unused awards are not assigned anywhere');
SELECT is((SELECT count(*) FROM ev e
            WHERE stack_evaluate(rule::stackrule, (SELECT jsonb_agg(i ORDER BY i->>'id' DESC) FROM jsonb_array_elements(items) i),
                                 '2025-06-01') <> e.r), 0::bigint,
          'the result does not depend on the order of the awards');
SELECT is((SELECT count(*) FROM ev e WHERE stack_evaluate(rule::stackrule, items, '2025-06-01') <> e.r), 0::bigint,
          'evaluation is deterministic');
SELECT is((SELECT count(*) FROM ev e WHERE (r->>'optimal')::boolean IS NOT TRUE), 0::bigint,
          'small cases are always solved to optimality');
-- one more award never lowers the optimal progress of an all-of-count-leaves rule
SELECT is((SELECT count(*) FROM ev e
            WHERE rule NOT LIKE '%nOf%' AND rule NOT LIKE '%limits%' AND rule NOT LIKE '%completionWindow%'
              AND stack_progress_of(rule::stackrule,
                    (SELECT array_agg(ROW(x.id, NULL, NULL, NULL, NULL, x.home, ARRAY(SELECT jsonb_array_elements_text(x.tags)),
                                          x.credits, x.level, x."earnedAt", NULL, NULL, x.verified, NULL, NULL)::stack_item)
                       FROM jsonb_to_recordset(items || '[{"id": "zz", "tags": ["a", "b"], "credits": 3, "level": 5}]')
                            AS x(id text, home boolean, tags jsonb, credits float8, level int, "earnedAt" timestamptz, verified boolean)),
                    '2025-06-01') < (r->>'progress')::float8 - 0.001), 0::bigint,
          'an extra award never lowers progress (additive rules)');
SELECT cmp_ok((SELECT count(*) FROM ev WHERE (r->>'greedyDiffers')::boolean), '>', 0::bigint,
              'the corpus has cases where greedy first-fit is beaten');

SELECT * FROM finish();
ROLLBACK;

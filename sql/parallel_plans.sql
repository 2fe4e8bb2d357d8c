-- Issue 9 item 5: the verification report and the warehouse stack report get
-- parallel plans with two workers at default settings, because the
-- functions they call are PARALLEL SAFE (they read tables only through the
-- per-backend caches, which work in parallel workers: src/util/cache.h) and
-- COSTed as what they are (verification 5000 operator costs, stack
-- evaluation 500-1000), and stack_progress has a combine function over a
-- state type of its own (stack_progress_state, which Citus can also ship)
-- for partial aggregation.
-- The tables are just past 3 x min_parallel_table_scan_size (3072 pages),
-- the size from which the planner plans two workers.  Only plans are shown.
RESET ALL;
SET client_min_messages = warning;
CREATE TABLE par_cred (id int, c text);
INSERT INTO par_cred
SELECT i, (SELECT string_agg(md5((i * 40 + j)::text), '') FROM generate_series(1, 24) j)
  FROM generate_series(1, 32000) i;
CREATE TABLE par_cred_jsonb (id int, c jsonb);
INSERT INTO par_cred_jsonb SELECT id, jsonb_build_object('pad', c) FROM par_cred;
CREATE TABLE par_learner (learner int, items credreg.stack_item[]);
INSERT INTO par_learner
SELECT l, (SELECT array_agg(ROW('a' || l || '-' || k, 'urn:ach:' || k, 'Course', NULL, 'urn:home', true,
                               ARRAY['t' || (k % 5)], 1.0, 1, timestamptz '2020-01-01', NULL, NULL, true, NULL, NULL)::credreg.stack_item)
             FROM generate_series(1, 12) k)
  FROM generate_series(1, 16000) l;
CREATE TABLE par_award (learner int, item credreg.stack_item);
INSERT INTO par_award SELECT learner, unnest(items) FROM par_learner;
CREATE TABLE par_stack (id text PRIMARY KEY, rule credreg.stackrule);
INSERT INTO par_stack VALUES ('s1', '{"id": "urn:stack:1", "root": {"type": "items", "id": "R", "select": {"tag": "t1"}, "minItems": 2}}');
ANALYZE par_cred, par_cred_jsonb, par_learner, par_award, par_stack;
SELECT relname, relpages >= 3072 AS two_workers_by_size
  FROM pg_class WHERE relname IN ('par_cred', 'par_cred_jsonb', 'par_learner', 'par_award') ORDER BY relname;

-- the functions of the reports, as the planner sees them
SELECT p.oid::regprocedure AS function, p.proparallel AS parallel, p.procost AS cost
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'credreg'
   AND p.proname IN ('is_valid', 'verify', 'stack_progress_of', 'stack_progress', 'stack_evaluate',
                     'stack_progress_step', 'stack_progress_step_jsonb', 'stack_progress_merge',
                     'stack_progress_result', 'stack_progress_state_in', 'stack_progress_state_out',
                     'stackrule_in')
 ORDER BY p.oid::regprocedure::text;
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn <> 0 AS combine,
       a.aggserialfn <> 0 AS serial, a.aggdeserialfn <> 0 AS deserial, p.proparallel AS parallel
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'credreg' AND p.proname = 'stack_progress'
 ORDER BY a.aggfnoid::regprocedure::text;

-- verification report: how many stored credentials are valid
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM par_cred;
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM par_cred_jsonb;
-- verification report by format and outcome: verify in the target list of
-- a subquery kept apart by OFFSET 0 (flattened, (v).format and (v).valid
-- would each call verify); the workers verify, the leader groups
EXPLAIN (COSTS OFF)
SELECT (v).format, (v).valid, count(*)
  FROM (SELECT credreg.verify(c, '2026-06-01T00:00:00Z') AS v FROM par_cred OFFSET 0) s
 GROUP BY 1, 2;
-- stack report: every learner's progress toward a stack, as a distribution;
-- the rule is read once, as an InitPlan whose value the workers receive
EXPLAIN (COSTS OFF)
SELECT round(credreg.stack_progress_of((SELECT rule FROM par_stack WHERE id = 's1'), l.items, '2025-06-01')::numeric, 1) AS progress,
       count(*)
  FROM par_learner l
 GROUP BY 1;
EXPLAIN (COSTS OFF)
SELECT avg(credreg.stack_progress_of((SELECT rule FROM par_stack WHERE id = 's1'), l.items, '2025-06-01'))
  FROM par_learner l;
-- the aggregate over one row per award: partial aggregation in the workers
-- is allowed, but not chosen at default settings (the evaluation is the
-- final function, which runs in the leader either way, so the planner
-- rightly sees little to gain); shown with parallel setup free
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
EXPLAIN (COSTS OFF)
SELECT a.learner, credreg.stack_progress((SELECT rule FROM par_stack WHERE id = 's1'), a.item, '2025-06-01')
  FROM par_award a
 GROUP BY a.learner;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
DROP TABLE par_cred, par_cred_jsonb, par_learner, par_award, par_stack;

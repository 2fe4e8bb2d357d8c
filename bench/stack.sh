#!/usr/bin/env bash
# Stack evaluation throughput (issue 5, item 7): LEARNERS learners (default
# 100,000) with 5-30 awards each, times 10 stack rules (6 count-only, 2
# credit rules with a cap, 2 with an nOf over composite children), each in
# one SQL statement; serial (evaluations per CPU second of the backend) and
# with 2 parallel workers (speedup); then the worst case of the
# branch-and-bound over 200 random credit rules with 30 awards.  Run by
# bench/run.sh (PGHOST/PGPORT/PGUSER point at the throwaway cluster).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
learners=${LEARNERS:-100000}
db=credreg_bench_stack
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION credreg"
echo "== generating $learners learners x 10 rules"
psql -X -q -v ON_ERROR_STOP=1 -v learners="$learners" -d $db -f bench/stack_setup.sql
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
SET search_path = public, credreg;
SET client_min_messages = warning;
SELECT pg_backend_pid() AS pid \gset
CREATE TEMP TABLE t (kind text, phase text, at timestamptz, cpu float8);
CREATE FUNCTION pg_temp.mark(k text, p text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO t VALUES (k, p, clock_timestamp(),
		(SELECT (split_part(s, ' ', 14)::float8 + split_part(s, ' ', 15)::float8) / 100
		   FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s));
END $$;

\echo == serial: one backend, max_parallel_workers_per_gather = 0
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.mark(k, 'start') FROM (VALUES ('count'), ('credit'), ('nOf')) v(k) WHERE false;
SELECT pg_temp.mark('count', 'start');
SELECT count(*) AS evaluations, round(avg(stack_progress_of(r.rule, l.items, '2025-06-01'))::numeric, 4) AS mean_progress
  FROM bench_learner l, bench_rule r WHERE r.kind = 'count';
SELECT pg_temp.mark('count', 'end');
SELECT pg_temp.mark('credit+nOf', 'start');
SELECT count(*) AS evaluations, round(avg(stack_progress_of(r.rule, l.items, '2025-06-01'))::numeric, 4) AS mean_progress
  FROM bench_learner l, bench_rule r WHERE r.kind <> 'count';
SELECT pg_temp.mark('credit+nOf', 'end');
SELECT pg_temp.mark('explain-count', 'start');
SELECT count(*) AS evaluations, count(*) FILTER (WHERE (stack_evaluate(r.rule, l.items, '2025-06-01')->>'complete')::boolean) AS complete
  FROM bench_learner l, bench_rule r WHERE r.kind = 'count';
SELECT pg_temp.mark('explain-count', 'end');

\echo == 2 parallel workers (all 10 rules, progress only)
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT pg_temp.mark('all-serial', 'start');
SET max_parallel_workers_per_gather = 0;
SELECT count(*), round(avg(stack_progress_of(r.rule, l.items, '2025-06-01'))::numeric, 4)
  FROM bench_learner l, unnest((SELECT array_agg(rule ORDER BY id) FROM bench_rule)) r(rule);
SELECT pg_temp.mark('all-serial', 'end');
SET max_parallel_workers_per_gather = 2;
-- the rules as an array, so that the evaluation runs in the workers (a join
-- with bench_rule makes the planner evaluate above the Gather)
EXPLAIN (COSTS OFF) SELECT count(*), avg(stack_progress_of(r.rule, l.items, '2025-06-01'))
  FROM bench_learner l, unnest((SELECT array_agg(rule ORDER BY id) FROM bench_rule)) r(rule);
SELECT pg_temp.mark('all-2workers', 'start');
SELECT count(*), round(avg(stack_progress_of(r.rule, l.items, '2025-06-01'))::numeric, 4)
  FROM bench_learner l, unnest((SELECT array_agg(rule ORDER BY id) FROM bench_rule)) r(rule);
SELECT pg_temp.mark('all-2workers', 'end');

\echo == results
SELECT s.kind,
       CASE s.kind WHEN 'count' THEN 6 WHEN 'explain-count' THEN 6 WHEN 'credit+nOf' THEN 4 ELSE 10 END
         * (SELECT count(*) FROM bench_learner) AS evaluations,
       round(extract(epoch FROM e.at - s.at)::numeric, 2) AS wall_s,
       round((e.cpu - s.cpu)::numeric, 2) AS backend_cpu_s,
       round((CASE s.kind WHEN 'count' THEN 6 WHEN 'explain-count' THEN 6 WHEN 'credit+nOf' THEN 4 ELSE 10 END
         * (SELECT count(*) FROM bench_learner) / nullif(e.cpu - s.cpu, 0))::numeric) AS evals_per_cpu_s,
       round((CASE s.kind WHEN 'count' THEN 6 WHEN 'explain-count' THEN 6 WHEN 'credit+nOf' THEN 4 ELSE 10 END
         * (SELECT count(*) FROM bench_learner) / extract(epoch FROM e.at - s.at))::numeric) AS evals_per_wall_s
  FROM t s JOIN t e ON e.kind = s.kind AND e.phase = 'end' WHERE s.phase = 'start' ORDER BY s.at;
SELECT round((SELECT extract(epoch FROM e.at - s.at) FROM t s JOIN t e USING (kind) WHERE kind = 'all-serial' AND s.phase = 'start' AND e.phase = 'end')::numeric
           / (SELECT extract(epoch FROM e.at - s.at) FROM t s JOIN t e USING (kind) WHERE kind = 'all-2workers' AND s.phase = 'start' AND e.phase = 'end')::numeric, 2)
       AS speedup_2_workers;
SQL
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== branch-and-bound worst case: 200 random credit rules, 30 awards each"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
SET search_path = credreg, public;
SELECT setseed(0.7);
CREATE TEMP TABLE hard AS
SELECT c,
       ('{"id": "urn:hard:' || c || '", "policy": {"unitCredits": 3}, "root": {"type": "all", "children": ['
        || (SELECT string_agg(format('{"type": "items", "id": "L%s", "select": {"anyOf": [{"tag": "t%s"}, {"tag": "t%s"}]}, "minCredits": %s}',
                                     j, (c + j) % 5, (c * j + 2) % 5, 12 + (c * 7 + j * 3) % 9), ', ')
              FROM generate_series(1, 4 + c % 2) j)
        || '], "limits": [{"select": {"not": {"issuerIn": "home"}}, "maxCredits": 6}]}}')::stackrule AS rule,
       (SELECT jsonb_agg(jsonb_build_object('id', 'i' || lpad(k::text, 2, '0'), 'credits', 1 + (random() * 3)::int,
                                           'home', random() < 0.8,
                                           'tags', jsonb_build_array('t' || (random() * 4)::int, 't' || (random() * 4)::int)))
          FROM generate_series(1, 30) k) AS items
  FROM generate_series(1, 200) c;
CREATE TEMP TABLE hard_t AS SELECT c, NULL::float8 AS ms, NULL::jsonb AS r FROM hard WHERE false;
DO $$
DECLARE h record; t0 timestamptz; res jsonb;
BEGIN
	FOR h IN SELECT * FROM hard ORDER BY c LOOP
		t0 := clock_timestamp();
		res := stack_evaluate(h.rule, h.items, '2025-06-01');
		INSERT INTO hard_t VALUES (h.c, extract(epoch FROM clock_timestamp() - t0) * 1000, res);
	END LOOP;
END $$;
SELECT count(*) AS instances, round(max(ms)::numeric, 1) AS worst_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS median_ms,
       count(*) FILTER (WHERE (r->>'optimal')::boolean) AS proven_optimal,
       count(*) FILTER (WHERE (r->>'complete')::boolean) AS complete
  FROM hard_t;
SQL

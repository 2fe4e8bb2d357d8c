-- Benchmark of the competency taxonomy (issue 4, item 8).  Run by
-- bench/taxonomy_bench.sh, which imports ESCO first and sets :learners.
--
-- N learners, each with 5-40 random ESCO skills (not groups) at levels 1-5.
--   credreg:  learner.skills = closure(held), a skillset with a GIN index;
--             recruiter query  skills @> '{A:3,B:3}'
--   plain SQL: learner_plain.tags = the held skills as 'uri|level' text[]
--             with a GIN index; the recruiter query finds the descendants of
--             A and of B with recursive CTEs over competency_relation and
--             asks tags && (descendant uris x levels 3..5) for each.
\set ON_ERROR_STOP 1
\timing off
-- the bench tables live in schema bench (credreg.learner is the registry's)
CREATE SCHEMA IF NOT EXISTS bench;
SET search_path = bench, credreg, public;
SET max_parallel_workers_per_gather = 0;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';

SET client_min_messages = warning;
DROP TABLE IF EXISTS bench.bench_gen, bench.learner, bench.learner_plain;
RESET client_min_messages;

\echo generating :learners learners
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE bench_gen AS
WITH sk AS (SELECT array_agg(id ORDER BY id) AS ids FROM competency
			WHERE framework = 'esco' AND kind <> 'group')
SELECT i AS id,
	(SELECT array_agg(sk.ids[1 + floor(random() * cardinality(sk.ids))::int + 0 * g])
	 FROM generate_series(1, 5 + floor(random() * 36)::int + 0 * i) g) AS ids
FROM generate_series(1, :learners) i, sk;
ALTER TABLE bench_gen ADD COLUMN levels int[];
UPDATE bench_gen SET levels = (SELECT array_agg(1 + floor(random() * 5)::int) FROM unnest(ids) WHERE id > 0);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS generate_s \gset
\echo generated in :generate_s s

-- credreg: closure stored in an indexed skillset column
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE learner AS
	SELECT id, skillset(ids, levels) AS held, closure(skillset(ids, levels)) AS skills FROM bench_gen;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS closure_s \gset
SELECT clock_timestamp() AS t0 \gset
CREATE INDEX learner_skills ON learner USING gin (skills);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS gin_s \gset
\echo closure column :closure_s s, GIN index :gin_s s

-- plain SQL: URIs with levels in text[] and a GIN index
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE learner_plain AS
SELECT b.id, array_agg(c.uri || '|' || x.level) AS tags
FROM bench_gen b, unnest(b.ids, b.levels) x(cid, level), competency c
WHERE c.id = x.cid
GROUP BY b.id;
CREATE INDEX learner_plain_tags ON learner_plain USING gin (tags);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS plain_s \gset
\echo plain table and index :plain_s s
VACUUM ANALYZE learner;
VACUUM ANALYZE learner_plain;

-- the recruiter query: A = computer programming, B = query languages
SELECT competency_id('http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97') AS a,
       competency_id('http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586') AS b \gset

CREATE OR REPLACE FUNCTION pg_temp.bench(sql text, runs int) RETURNS TABLE (median_ms numeric, rows bigint)
LANGUAGE plpgsql AS $$
DECLARE t timestamptz; times numeric[] := '{}'; n bigint;
BEGIN
	EXECUTE sql INTO n;			-- warm-up
	FOR i IN 1..runs LOOP
		t := clock_timestamp();
		EXECUTE sql INTO n;
		times := times || extract(epoch FROM clock_timestamp() - t)::numeric * 1000;
	END LOOP;
	RETURN QUERY SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::numeric, 2), n FROM unnest(times) x;
END $$;

\set q_credreg 'SELECT count(*) FROM bench.learner WHERE skills @> credreg.skillset(ARRAY[' :a ',' :b '], ARRAY[3, 3])'
\set q_plain 'WITH RECURSIVE da(id) AS (SELECT ' :a ' UNION SELECT r.src FROM credreg.competency_relation r JOIN da ON r.dst = da.id AND r.kind = ''broader''), db(id) AS (SELECT ' :b ' UNION SELECT r.src FROM credreg.competency_relation r JOIN db ON r.dst = db.id AND r.kind = ''broader'') SELECT count(*) FROM bench.learner_plain WHERE tags && (SELECT array_agg(c.uri || ''|'' || l) FROM da JOIN credreg.competency c USING (id), generate_series(3, 5) l) AND tags && (SELECT array_agg(c.uri || ''|'' || l) FROM db JOIN credreg.competency c USING (id), generate_series(3, 5) l)'

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM learner WHERE skills @> skillset(ARRAY[:a, :b], ARRAY[3, 3]);
SELECT * FROM pg_temp.bench(:'q_credreg', 7) \gset cr_
SELECT * FROM pg_temp.bench(:'q_plain', 7) \gset pl_
SET enable_bitmapscan = off; SET enable_indexscan = off;
SELECT * FROM pg_temp.bench(:'q_credreg', 1) \gset seq_
RESET enable_bitmapscan; RESET enable_indexscan;

-- closure rate on one core: wall clock, and CPU time of this backend
-- (Linux /proc; on a shared machine the CPU figure is the per-core rate)
SELECT pg_backend_pid() AS pid \gset
\set cpu0 `awk '{print $14 + $15}' /proc/:pid/stat`
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) AS n, sum(# closure(held)) AS items FROM (SELECT held FROM learner LIMIT 100000) s \gset cl_
SELECT round(:cl_n / extract(epoch FROM clock_timestamp() - :'t0')::numeric) AS closure_rate \gset
\set cpu1 `awk '{print $14 + $15}' /proc/:pid/stat`
SELECT round(:cl_n / greatest((:cpu1 - :cpu0) / 100.0, 0.01)) AS closure_cpu_rate \gset

-- optional (-v compare_level=1): the same query on skillset_level_ops,
-- whose keys carry level thresholds (no recheck for levels <= 5)
\if :{?compare_level}
DROP INDEX learner_skills;
SELECT clock_timestamp() AS t0 \gset
CREATE INDEX learner_skills_level ON learner USING gin (skills skillset_level_ops);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS gin_level_s \gset
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM learner WHERE skills @> skillset(ARRAY[:a, :b], ARRAY[3, 3]);
SELECT * FROM pg_temp.bench(:'q_credreg', 7) \gset lv_
SELECT pg_size_pretty(pg_relation_size('bench.learner_skills_level')) AS gin_level_size \gset
DROP INDEX learner_skills_level;
CREATE INDEX learner_skills ON learner USING gin (skills);
\echo skillset_level_ops: query :lv_median_ms ms (:lv_rows rows), build :gin_level_s s, size :gin_level_size
\endif

SELECT pg_size_pretty(pg_relation_size('bench.learner')) AS learner_size,
       pg_size_pretty(pg_relation_size('bench.learner_skills')) AS gin_size,
       pg_size_pretty(pg_relation_size('bench.learner_plain')) AS plain_size,
       pg_size_pretty(pg_relation_size('bench.learner_plain_tags')) AS plain_gin_size,
       (SELECT round(avg(# skills), 1) FROM learner) AS avg_closure,
       (SELECT round(avg(# held), 1) FROM learner) AS avg_held \gset

\echo
\echo ==== taxonomy benchmark (:learners learners) ====
\echo recruiter query, credreg GIN:      :cr_median_ms ms (:cr_rows rows)
\echo recruiter query, plain SQL + CTE:  :pl_median_ms ms (:pl_rows rows)
SELECT round(:pl_median_ms / nullif(:cr_median_ms, 0), 1) AS ratio \gset
\echo speed-up: :ratio x
\echo credreg without the index (seq scan): :seq_median_ms ms (:seq_rows rows)
\echo closure rate: :closure_rate closures/s wall clock, :closure_cpu_rate per CPU-second of the backend
\echo data generation :generate_s s, closure column :closure_s s, GIN build :gin_s s, plain table+index :plain_s s
\echo sizes: learner :learner_size, GIN :gin_size, plain :plain_size, plain GIN :plain_gin_size
\echo avg held :avg_held, avg closure :avg_closure

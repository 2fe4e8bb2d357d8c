-- Benchmark of occupation readiness (issue 11).  Run by
-- bench/occupation_bench.sh, which imports ESCO with occupations and sets
-- :learners.
--
-- N learners with 5-40 random ESCO skills; 2,000 of them (0.2%) are built
-- from the essentials of the target occupation (data scientist, esco:2511.4,
-- 54 essentials): each essential held with probability 0.85, as itself or
-- as a narrower skill, so about half of them are at least 80% ready.
--   credreg:   learner.closure = closure(held), GIN (skillset_ops);
--              WHERE closure @@ readiness_query(X, 0.8)      -- the index
--              then readiness_score(held, X) once per candidate (exact
--              recheck, needed when importances differ) and the ranking:
--              score >= 0.8 ORDER BY score DESC, id LIMIT 50
--   plain SQL: learner_plain.ids = the closure's ids as int[], GIN
--              (array_ops); WHERE ids && essentials, then the share counted
--              with unnest, HAVING share >= 0.8, same order and limit.
\set ON_ERROR_STOP 1
\timing off
SET search_path = credreg, public;
SET max_parallel_workers_per_gather = 0;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
\set occ 'esco:2511.4'

SET client_min_messages = warning;
DROP TABLE IF EXISTS occ_gen, learner, learner_plain;
RESET client_min_messages;

\echo generating :learners learners
SELECT setseed(0.11);
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE occ_gen AS
WITH sk AS (SELECT array_agg(id ORDER BY id) AS ids FROM competency
			WHERE framework = 'esco' AND kind IN ('skill', 'knowledge'))
SELECT i AS id,
	(SELECT array_agg(sk.ids[1 + floor(random() * cardinality(sk.ids))::int + 0 * g])
	 FROM generate_series(1, 5 + floor(random() * 36)::int + 0 * i) g) AS ids
FROM generate_series(1, :learners - 2000) i, sk;
-- the planted learners: essentials of the target, or a narrower skill
INSERT INTO occ_gen
SELECT :learners - 2000 + i, (SELECT array_agg(coalesce(
		CASE WHEN random() < 0.3 THEN (SELECT r.src FROM competency_relation r
									   WHERE r.dst = q.competency AND r.kind = 'broader' LIMIT 1) END,
		q.competency) + 0 * i)
	FROM occupation_requirement q
	WHERE q.occupation = occupation_id(:'occ') AND q.kind = 'essential' AND random() < 0.85 + 0 * i)
FROM generate_series(1, 2000) i;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS generate_s \gset
\echo generated in :generate_s s

SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE learner AS
	SELECT id, skillset(ids) AS held, closure(skillset(ids)) AS closure FROM occ_gen;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS closure_s \gset
SELECT clock_timestamp() AS t0 \gset
CREATE INDEX learner_closure ON learner USING gin (closure);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS gin_s \gset
\echo closure column :closure_s s, GIN index :gin_s s
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE learner_plain AS SELECT id, skillset_ids(closure) AS ids FROM learner;
CREATE INDEX learner_plain_ids ON learner_plain USING gin (ids);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1) AS plain_s \gset
\echo plain int[] table and GIN index :plain_s s
VACUUM ANALYZE learner;
VACUUM ANALYZE learner_plain;

SELECT '{' || string_agg(competency::text, ',' ORDER BY competency) || '}' AS ess, count(*) AS ess_n
	FROM occupation_requirement WHERE occupation = occupation_id(:'occ') AND kind = 'essential' \gset
\echo essentials of :occ: :ess_n, readiness_query:
SELECT readiness_query(:'occ', 0.8);

CREATE OR REPLACE FUNCTION pg_temp.bench(sql text, runs int) RETURNS TABLE (median_ms numeric, rows bigint)
LANGUAGE plpgsql AS $$
DECLARE t timestamptz; times numeric[] := '{}'; n bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || sql || ') x' INTO n;			-- warm-up
	FOR i IN 1..runs LOOP
		t := clock_timestamp();
		EXECUTE 'SELECT count(*) FROM (' || sql || ') x' INTO n;
		times := times || extract(epoch FROM clock_timestamp() - t)::numeric * 1000;
	END LOOP;
	RETURN QUERY SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::numeric, 2), n FROM unnest(times) x;
END $$;

\set q_credreg 'SELECT id, score FROM (SELECT id, credreg.readiness_score(held, ''' :occ ''') AS score FROM credreg.learner WHERE closure OPERATOR(credreg.@@) credreg.readiness_query(''' :occ ''', 0.8) OFFSET 0) c WHERE score >= 0.8 ORDER BY score DESC, id LIMIT 50'
\set q_all 'SELECT id FROM credreg.learner WHERE closure OPERATOR(credreg.@@) credreg.readiness_query(''' :occ ''', 0.8) AND credreg.readiness_score(held, ''' :occ ''') >= 0.8'
\set q_plain 'SELECT id, (SELECT count(*) FROM unnest(ids) x WHERE x = ANY (''' :ess '''::int[]))::float8 / ' :ess_n ' AS score FROM credreg.learner_plain WHERE ids && ''' :ess '''::int[] AND (SELECT count(*) FROM unnest(ids) x WHERE x = ANY (''' :ess '''::int[])) >= ceil(0.8 * ' :ess_n ') ORDER BY score DESC, id LIMIT 50'
\set q_plain_all 'SELECT id FROM credreg.learner_plain WHERE ids && ''' :ess '''::int[] AND (SELECT count(*) FROM unnest(ids) x WHERE x = ANY (''' :ess '''::int[])) >= ceil(0.8 * ' :ess_n ')'

\echo credreg plan:
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) :q_credreg;
SELECT * FROM pg_temp.bench(:'q_credreg', 7) \gset cr_
SELECT * FROM pg_temp.bench(:'q_all', 3) \gset cra_
\echo plain SQL plan:
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) :q_plain;
SELECT * FROM pg_temp.bench(:'q_plain', 3) \gset pl_
SELECT * FROM pg_temp.bench(:'q_plain_all', 1) \gset pla_
SELECT (SELECT array_agg(id ORDER BY id) FROM (SELECT id FROM learner WHERE closure @@ readiness_query(:'occ', 0.8)
		AND readiness_score(held, :'occ') >= 0.8) a)
	 = (SELECT array_agg(id ORDER BY id) FROM (SELECT id FROM learner_plain WHERE ids && :'ess'::int[]
		AND (SELECT count(*) FROM unnest(ids) x WHERE x = ANY (:'ess'::int[])) >= ceil(0.8 * :ess_n)) b) AS same_learners \gset
\echo
\echo 'learners at least 80% ready for' :occ ': ' :cra_rows '(same set both ways: ' :same_learners ')'
\echo 'credreg   top 50 ranked: ' :cr_median_ms 'ms (median of 7); all ready: ' :cra_median_ms 'ms'
\echo 'plain SQL top 50 ranked: ' :pl_median_ms 'ms (median of 3); all ready: ' :pla_median_ms 'ms'

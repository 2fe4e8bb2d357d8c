-- GIN operator class: amvalidate, and the same answers with and without
-- the index for every strategy.
SET search_path = credreg, public;

SELECT opc.opcname, amvalidate(opc.oid) FROM pg_opclass opc
	JOIN pg_namespace n ON n.oid = opc.opcnamespace
WHERE n.nspname = 'credreg' AND opc.opcname IN ('skillset_ops', 'skillset_level_ops') ORDER BY 1;

SELECT setseed(0.42);
CREATE TABLE gin_t (id int PRIMARY KEY, s skillset);
-- 3000 sets of 0..12 ids from 1..60 at levels 0..5 (some empty)
INSERT INTO gin_t
SELECT i, skillset(coalesce(array_agg(1 + (random() * 59)::int), '{}'),
				   coalesce(array_agg((random() * 5)::int), '{}'))
FROM generate_series(1, 3000) i
	LEFT JOIN LATERAL (SELECT g FROM generate_series(1, (random() * 12)::int) g WHERE i > 0) x ON true
GROUP BY i;
INSERT INTO gin_t SELECT i, '{}' FROM generate_series(3001, 3020) i;
SELECT count(*) FILTER (WHERE # s = 0) > 0 AS has_empty, count(*) AS n FROM gin_t;

CREATE TABLE gin_q (qn int, op text, q text);
INSERT INTO gin_q VALUES
	(1, '@>', '{3}'), (2, '@>', '{3:2}'), (3, '@>', '{3:2,7:1}'), (4, '@>', '{}'), (5, '@>', '{61}'),
	(6, '&&', '{3:5,9}'), (7, '&&', '{}'), (8, '<@', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20:3}'),
	(9, '<@', '{}'), (18, '<@', (SELECT skillset(array_agg(i), array_agg(3)) FROM generate_series(1, 60) i)::text), (19, '<@', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30:5}'), (10, '=', '{}'), (11, '=', '(SELECT s FROM gin_t WHERE id = 17)'),
	(12, '@@', '3 & 7'), (13, '@@', '3>=4 | 9 & !10'), (14, '@@', '!3'), (15, '@@', '!(3 | 4) & 5>=1'),
	(16, '@@', '3>=2 & 7>=2 & 11>=2'), (17, '@@', '!3 | 4>=5'),
	(20, '@>', '{3:5,7:4}'), (21, '@>', '{3:6}'), (22, '@@', '3>=6 | 7>=5 & !(9>=1)'), (23, '@@', '!(3>=3)');

CREATE FUNCTION pg_temp.run(op text, q text) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE r int[];
BEGIN
	EXECUTE format('SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM gin_t WHERE s %s %s', op,
		CASE WHEN q LIKE '(%' THEN q WHEN op = '@@' THEN quote_literal(q) || '::credreg.skillquery'
			 ELSE quote_literal(q) || '::credreg.skillset' END) INTO r;
	RETURN r;
END $$;

CREATE TEMP TABLE seq_res AS SELECT qn, pg_temp.run(op, q) AS ids FROM gin_q;
CREATE INDEX gin_t_s ON gin_t USING gin (s);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gin_t WHERE s @> '{3:2}';
EXPLAIN (COSTS OFF) SELECT id FROM gin_t WHERE s @@ '3 & 7';
CREATE TEMP TABLE idx_res AS SELECT qn, pg_temp.run(op, q) AS ids FROM gin_q;
RESET enable_seqscan;
SELECT q.qn, q.op, left(q.q, 40) AS q, cardinality(s.ids) AS rows, s.ids = i.ids AS same
FROM gin_q q JOIN seq_res s USING (qn) JOIN idx_res i USING (qn) ORDER BY q.qn;

-- the index follows updates and deletes
UPDATE gin_t SET s = s | '{61:5}' WHERE id % 100 = 0;
DELETE FROM gin_t WHERE id % 100 = 1;
SET enable_seqscan = off;
SELECT count(*) FROM gin_t WHERE s @> '{61:5}';
SELECT count(*) FROM gin_t WHERE s @@ '61>=5 & !3';
RESET enable_seqscan;
SET enable_indexscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM gin_t WHERE s @> '{61:5}';
SELECT count(*) FROM gin_t WHERE s @@ '61>=5 & !3';
RESET enable_indexscan; RESET enable_bitmapscan;

-- the same with skillset_level_ops (keys carry level thresholds)
DROP INDEX gin_t_s;
DELETE FROM seq_res;
INSERT INTO seq_res SELECT qn, pg_temp.run(op, q) FROM gin_q;
CREATE INDEX gin_t_l ON gin_t USING gin (s skillset_level_ops);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gin_t WHERE s @> '{3:2}';
CREATE TEMP TABLE lvl_res AS SELECT qn, pg_temp.run(op, q) AS ids FROM gin_q;
RESET enable_seqscan;
SELECT q.qn, q.op, left(q.q, 40) AS q, cardinality(s.ids) AS rows, s.ids = l.ids AS same
FROM gin_q q JOIN seq_res s USING (qn) JOIN lvl_res l USING (qn) ORDER BY q.qn;
DROP TABLE gin_t, gin_q;

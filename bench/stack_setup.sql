-- Data for bench/stack.sh: :learners learners with 5-30 awards each
-- (stack_item[]), and 10 stack rules (6 count-only, 2 credit, 2 nOf/composite).
SET search_path = public, credreg;
DROP TABLE IF EXISTS bench_learner, bench_rule;
SELECT setseed(0.42);
CREATE TABLE bench_learner AS
SELECT l AS learner,
       (SELECT array_agg(ROW('a' || l || '-' || k, 'urn:ach:' || a, 'Course', NULL,
                             CASE WHEN a % 7 = 0 THEN 'urn:ext' ELSE 'urn:home' END, a % 7 <> 0,
                             ARRAY['t' || (a % 12), 't' || ((a / 12) % 12)], (1 + a % 4)::float8, 1 + a % 5,
                             timestamptz '2018-01-01' + (a * 37 % 2500) * interval '1 day',
                             NULL, NULL, true, NULL, NULL)::stack_item)
          FROM (SELECT k, (random() * 400)::int AS a FROM generate_series(1, 5 + (l * 7919) % 26) k) x) AS items
  FROM generate_series(1, :learners) l;
CREATE TABLE bench_rule (id int PRIMARY KEY, kind text, rule stackrule);
INSERT INTO bench_rule
SELECT i, 'count', ('{"id": "urn:bench:' || i || '", "root": {"type": "all", "children": ['
        || string_agg(format('{"type": "items", "id": "R%s", "select": {"anyOf": [{"tag": "t%s"}, {"tag": "t%s"}]}, "minItems": %s}',
                             j, (i + j) % 12, (i * j + 3) % 12, 1 + (i + j) % 3), ', ')
        || ']}}')::stackrule
  FROM generate_series(1, 6) i, generate_series(1, 4) j GROUP BY i;
INSERT INTO bench_rule
SELECT 6 + i, 'credit', ('{"id": "urn:bench:credit' || i || '", "policy": {"unitCredits": 3}, "root": {"type": "all", "children": ['
        || string_agg(format('{"type": "items", "id": "C%s", "select": {"anyOf": [{"tag": "t%s"}, {"tag": "t%s"}]}, "minCredits": %s}',
                             j, (i + j) % 12, (i * j + 5) % 12, 3 + 2 * j), ', ')
        || '], "limits": [{"select": {"not": {"issuerIn": "home"}}, "maxCredits": 4}]}}')::stackrule
  FROM generate_series(1, 2) i, generate_series(1, 3) j GROUP BY i;
INSERT INTO bench_rule
SELECT 8 + i, 'nOf', ('{"id": "urn:bench:nof' || i || '", "root": {"type": "all", "children": [
    {"type": "items", "id": "core", "select": {"tag": "t' || i || '"}, "minItems": 2},
    {"type": "nOf", "id": "G", "n": 2, "children": [' ||
      string_agg(format('{"type": "all", "id": "G%s", "children": [{"type": "items", "id": "G%sa", "select": {"tag": "t%s"}}, {"type": "items", "id": "G%sb", "select": {"tag": "t%s"}}]}',
                        j, j, (i + 2 * j) % 12, j, (i + 2 * j + 1) % 12), ', ')
    || ']}]}}')::stackrule
  FROM generate_series(1, 2) i, generate_series(1, 3) j GROUP BY i;
ANALYZE bench_learner, bench_rule;
SELECT kind, count(*) FROM bench_rule GROUP BY kind ORDER BY kind;
SELECT count(*) AS learners, sum(cardinality(items)) AS awards, min(cardinality(items)), max(cardinality(items)) FROM bench_learner;

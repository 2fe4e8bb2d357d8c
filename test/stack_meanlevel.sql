-- minMeanLevel against a closed form on random cases: a rule
-- all(minMeanLevel m){items tag a, minItems k} over awards of known levels.
-- The best assignment places the k highest levels, so complete holds iff
-- there are k awards whose top-k mean reaches m, and the progress is
-- min(1, top-k sum / (k * m)) (fewer than k awards: count / k times
-- min(1, mean / m)).  Also: the branch-and-bound stays within its budget,
-- and the stored form round-trips.
BEGIN;
SET LOCAL search_path = credreg, public;
SELECT plan(5);

SELECT setseed(0.4242);
CREATE TEMP TABLE mcase AS
SELECT n, k, m, levels
  FROM (SELECT n, 1 + floor(random() * 4)::int AS k, (ARRAY[1.5, 2, 2.5, 3, 3.5, 4, 4.5])[1 + floor(random() * 7)::int] AS m,
               ARRAY(SELECT 1 + floor(random() * 5)::int FROM generate_series(1, 1 + floor(random() * 7)::int + n * 0)) AS levels
          FROM generate_series(1, 300) n) s;

CREATE TEMP TABLE mgot AS
SELECT c.n, c.k, c.m, c.levels,
       format('{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": %s, "children": [{"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": %s}]}}',
              c.m, c.k)::stackrule AS rule,
       (SELECT array_agg(ROW('i' || lpad(i::text, 2, '0'), NULL, NULL, NULL, NULL, NULL, '{a}', NULL, c.levels[i],
                             NULL, NULL, NULL, NULL, NULL, NULL)::stack_item ORDER BY i)
          FROM generate_subscripts(c.levels, 1) i) AS items,
       (SELECT sum(l)::float8 FROM (SELECT l FROM unnest(c.levels) l ORDER BY l DESC LIMIT c.k) t) AS topsum,
       cardinality(c.levels) AS cnt
  FROM mcase c;

SELECT cmp_ok((SELECT count(DISTINCT (cnt >= k AND topsum >= k * m)) FROM mgot), '=', 2::bigint,
              'the random cases include both complete and incomplete ones');
SELECT is((SELECT array_agg(n ORDER BY n) FROM mgot
            WHERE (stack_evaluate(rule, items, '2025-06-01')->>'complete')::boolean
                  IS DISTINCT FROM (cnt >= k AND topsum >= k * m)),
          NULL, 'complete iff the k highest levels reach the mean');
SELECT is((SELECT array_agg(n ORDER BY n) FROM mgot
            WHERE abs(stack_progress_of(rule, items, '2025-06-01')
                      - CASE WHEN cnt >= k THEN least(1, topsum / (k * m))
                             ELSE cnt::float8 / k * least(1, topsum / cnt / m) END) > 1e-9),
          NULL, 'progress equals the closed form in every case');
SELECT is((SELECT array_agg(n ORDER BY n) FROM mgot
            WHERE NOT (stack_evaluate(rule, items, '2025-06-01')->>'optimal')::boolean),
          NULL, 'every case is solved to optimality within the default budget');
SELECT is((SELECT count(*) FROM mgot WHERE rule::text::stackrule::text <> rule::text), 0::bigint,
          'minMeanLevel survives the stored form and canonical text');

SELECT * FROM finish();
ROLLBACK;

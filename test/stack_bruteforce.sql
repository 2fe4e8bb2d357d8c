-- complete and progress of stack_evaluate against an independent brute-force
-- evaluator (test/stack/bruteforce.py enumerates every assignment) on 600
-- random small rules and award sets (test/vectors/stack_bruteforce/).
BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL TimeZone = 'UTC';
SELECT plan(4);

CREATE TEMP TABLE cases (n int, rule text, items jsonb, complete boolean, progress float8);
\copy cases FROM 'test/vectors/stack_bruteforce/cases.tsv'

SELECT cmp_ok((SELECT count(*) FROM cases), '>=', 500::bigint, 'at least 500 random cases');

CREATE TEMP TABLE got AS
SELECT c.n, c.complete, c.progress,
       (stack_evaluate(c.rule::stackrule, c.items, '2025-06-01')->>'complete')::boolean AS got_complete,
       stack_progress_of(c.rule::stackrule,
           (SELECT array_agg(ROW(x.id, NULL, NULL, NULL, NULL, x.home,
                                 ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.credits, x.level,
                                 x."earnedAt", NULL, NULL, x.verified, NULL, NULL)::stack_item)
              FROM jsonb_to_recordset(c.items) AS x(id text, home boolean, tags jsonb, credits float8,
                                                     level int, "earnedAt" timestamptz, verified boolean)),
           '2025-06-01') AS got_progress
  FROM cases c;

SELECT is((SELECT array_agg(n ORDER BY n) FROM got WHERE got_complete IS DISTINCT FROM complete),
          NULL, 'complete equals the brute force in every case');
SELECT is((SELECT array_agg(n ORDER BY n) FROM got WHERE abs(got_progress - progress) > 1e-9),
          NULL, 'progress equals the brute force in every case');
SELECT cmp_ok((SELECT count(DISTINCT round(progress::numeric, 3)) FROM cases), '>', 10::bigint,
              'the cases cover many progress values');

SELECT * FROM finish();
ROLLBACK;

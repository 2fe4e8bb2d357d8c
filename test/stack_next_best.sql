-- next_best counts a held award only while it still counts at as_of
-- (SEMANTICS.md §4.3 step 1: verified, not revoked, not expired where the
-- rule requires it, of a counted status): an expired, revoked or unverified
-- award is recommended again.  Both overloads (jsonb and stack_item[]).
BEGIN;
SET LOCAL search_path = credreg, public;
SET LOCAL TimeZone = 'UTC';
SELECT plan(8);

CREATE TEMP TABLE nb AS SELECT
  '{"id": "r", "root": {"type": "all", "children": [
     {"type": "items", "id": "SQL", "select": {"achievement": "urn:SQL"}},
     {"type": "items", "id": "PY", "select": {"achievement": "urn:PY"}}]}}'::stackrule AS rule,
  '[{"achievement": "urn:SQL"}, {"achievement": "urn:PY"}]'::jsonb AS cands;

SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL"}]'::jsonb, cands, '2025-06-01')),
          ARRAY['urn:PY'], 'a valid held award is not recommended again');
SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL", "validUntil": "2025-01-01"}]'::jsonb, cands, '2025-06-01')),
          ARRAY['urn:PY', 'urn:SQL'], 'an award expired at as_of is recommended again');
SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL", "validUntil": "2025-01-01"}]'::jsonb, cands, '2024-06-01')),
          ARRAY['urn:PY'], 'not yet expired at an earlier as_of');
SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL", "verified": false}]'::jsonb, cands, '2025-06-01')),
          ARRAY['urn:PY', 'urn:SQL'], 'an unverified (or revoked) award is recommended again');
SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL", "status": "InProgress"}]'::jsonb, cands, '2025-06-01')),
          ARRAY['urn:PY', 'urn:SQL'], 'a held award of an uncounted status is recommended');
SELECT is((SELECT array_agg(achievement ORDER BY achievement) FROM
             next_best('{"id": "r", "policy": {"requireVerified": false}, "root": {"type": "all", "children": [
                         {"type": "items", "id": "SQL", "select": {"achievement": "urn:SQL"}},
                         {"type": "items", "id": "PY", "select": {"achievement": "urn:PY"}}]}}'::stackrule,
                       '[{"id": "a", "achievement": "urn:SQL", "verified": false}]'::jsonb,
                       '[{"achievement": "urn:SQL"}, {"achievement": "urn:PY"}]', '2025-06-01')),
          ARRAY['urn:PY'], 'without requireVerified an unverified award still counts');
SELECT is((SELECT array_agg(row(achievement, progress_gain, completes)::text ORDER BY achievement) FROM nb,
             next_best(rule, ARRAY[ROW('a', 'urn:SQL', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2020-01-01',
                                       '2025-01-01', NULL, true, NULL, NULL)::stack_item], cands, '2025-06-01')),
          ARRAY['(urn:PY,0.5,f)', '(urn:SQL,0.5,f)'], 'the stack_item[] overload: the expired award is recommended');
SELECT is((SELECT array_agg(row(achievement, progress_gain, completes)::text ORDER BY achievement) FROM nb,
             next_best(rule, ARRAY[ROW('a', 'urn:SQL', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2020-01-01',
                                       NULL, NULL, true, NULL, NULL)::stack_item], cands, '2025-06-01')),
          (SELECT array_agg(row(achievement, progress_gain, completes)::text ORDER BY achievement) FROM nb,
             next_best(rule, '[{"id": "a", "achievement": "urn:SQL", "earnedAt": "2020-01-01"}]'::jsonb, cands, '2025-06-01')),
          'the stack_item[] overload equals the jsonb form');
SELECT * FROM finish();
ROLLBACK;

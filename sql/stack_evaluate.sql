-- stack_evaluate behaviours beyond the worked examples: filters and the
-- reasons awards are blocked, exceptions, conditions, nested stacks, share
-- groups, double counting, completion windows, the search budget,
-- next_best, and bad input.
SET search_path = credreg, public;
\set VERBOSITY terse

-- blocked reasons, one per filter
SELECT jsonb_pretty(stack_evaluate('{"id": "r", "policy": {"countStatuses": ["Completed"]},
  "root": {"type": "all", "id": "root", "children": [
    {"type": "items", "id": "lvl", "select": {"tag": "x"}, "filter": {"minLevel": 3}},
    {"type": "items", "id": "date", "select": {"tag": "x"},
     "filter": {"earnedAfter": "2021-01-01", "earnedBefore": "2024-01-01"}},
    {"type": "items", "id": "pass", "select": {"tag": "x"}, "filter": {"passed": true}},
    {"type": "items", "id": "grade", "select": {"tag": "x"},
     "filter": {"minResult": {"resultDescription": "urn:rd:grade", "atLeast": "B"}}}]}}'::stackrule,
  '[{"id": "expired", "tags": ["x"], "validUntil": "2024-12-31"},
    {"id": "unverified", "tags": ["x"], "verified": false},
    {"id": "enrolled", "tags": ["x"], "status": "InProgress"},
    {"id": "low", "tags": ["x"], "level": 2, "earnedAt": "2020-05-01", "passed": false,
     "results": [{"resultDescription": "urn:rd:grade", "value": "C", "allowedValues": ["D", "C", "B", "A"]}]},
    {"id": "nolevel", "tags": ["x"], "earnedAt": "2024-02-01"}]'::jsonb, '2025-06-01'));

-- exceptions: waive, changeLimit, alsoAllow, applyHere
CREATE TEMP TABLE exr AS SELECT '{"id": "r", "root": {"type": "all", "id": "root", "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2},
    {"type": "items", "id": "B", "select": {"tag": "b"}, "minItems": 1, "filter": {"minLevel": 4}},
    {"type": "items", "id": "C", "select": {"tag": "c"}, "minItems": 1}]}}'::stackrule AS rule,
  '[{"id": "a1", "tags": ["a"]}, {"id": "b1", "tags": ["b"], "level": 1}, {"id": "x1", "tags": ["x"]}]'::jsonb
  AS items;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'missing' AS missing FROM exr,
  stack_evaluate(rule, items, '2025-06-01') r;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'nodes' AS nodes FROM exr,
  stack_evaluate(rule, items, '2025-06-01', '[{"type": "changeLimit", "node": "A", "minItems": 1},
    {"type": "applyHere", "node": "B", "award": "b1"}, {"type": "alsoAllow", "node": "C", "award": "x1"}]') r;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'nodes'->0 AS root FROM exr,
  stack_evaluate(rule, items, '2025-06-01', '[{"type": "waive", "node": "root"}]') r;
SELECT stack_evaluate(rule, items, '2025-06-01', '[{"type": "waive", "node": "Z"}]') FROM exr;
SELECT stack_evaluate(rule, items, '2025-06-01', '[{"type": "alsoAllow", "node": "A", "award": "nope"}]') FROM exr;
SELECT stack_evaluate(rule, items, '2025-06-01', '[{"type": "forgive", "node": "A"}]') FROM exr;
SELECT stack_evaluate(rule, items, '2025-06-01', '[{"type": "changeLimit", "node": "root", "minItems": 1}]') FROM exr;

-- conditions, held and inline stacks
CREATE TEMP TABLE nest AS SELECT '{"id": "urn:outer",
  "stacks": {"urn:inner": {"id": "urn:inner", "awards": {"achievement": "urn:a:inner"},
             "root": {"type": "all", "id": "in", "children": [{"type": "items", "id": "I", "select": {"tag": "i"}}]}}},
  "root": {"type": "all", "id": "root", "children": [
    {"type": "stack", "id": "held", "ref": "urn:inner"},
    {"type": "stack", "id": "inl", "ref": "urn:inner", "inline": true},
    {"type": "condition", "id": "cond", "when": {"issuer": "urn:transfer"},
     "then": {"type": "items", "id": "T", "select": {"tag": "t"}, "minItems": 2},
     "else": {"type": "items", "id": "F", "select": {"tag": "f"}}}]}}'::stackrule AS rule;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'nodes' AS nodes FROM nest,
  stack_evaluate(rule, '[{"id": "x", "achievement": "urn:a:inner"}, {"id": "y", "tags": ["i"]},
                         {"id": "z", "tags": ["f"]}]'::jsonb, '2025-06-01') r;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'missing' AS missing FROM nest,
  stack_evaluate(rule, '[{"id": "y", "tags": ["i", "t"], "issuer": "urn:transfer"}]'::jsonb, '2025-06-01') r;

-- share groups, double counting, completion windows
SELECT r->'complete' AS complete, r->'nodes'->1->'assigned' AS g1, r->'nodes'->2->'assigned' AS g2,
       r->'nodes'->3->'assigned' AS other
  FROM stack_evaluate('{"id": "r", "root": {"type": "all", "children": [
    {"type": "items", "id": "G1", "select": {"tag": "s"}, "share": {"group": "G"}},
    {"type": "items", "id": "G2", "select": {"tag": "s"}, "share": {"group": "G"}},
    {"type": "items", "id": "X", "select": {"tag": "s"}}]}}'::stackrule,
    '[{"id": "s1", "tags": ["s"]}, {"id": "s2", "tags": ["s"]}]'::jsonb, '2025-06-01') r;
SELECT r->'complete' AS complete, r->'progress' AS progress
  FROM stack_evaluate('{"id": "r", "policy": {"maxUsesPerItem": 2}, "root": {"type": "all", "children": [
    {"type": "items", "id": "A", "select": {"tag": "s"}}, {"type": "items", "id": "B", "select": {"tag": "s"}},
    {"type": "items", "id": "C", "select": {"tag": "s"}}]}}'::stackrule,
    '[{"id": "s1", "tags": ["s"]}]'::jsonb, '2025-06-01') r;
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'unused' AS unused
  FROM stack_evaluate('{"id": "r", "policy": {"completionWindow": {"years": 2}}, "root": {"type": "all", "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}}, {"type": "items", "id": "B", "select": {"tag": "b"}, "minItems": 2}]}}'::stackrule,
    '[{"id": "a-old", "tags": ["a"], "earnedAt": "2015-01-01"}, {"id": "b-old", "tags": ["b"], "earnedAt": "2016-01-01"},
      {"id": "b1", "tags": ["b"], "earnedAt": "2023-01-01"}, {"id": "b2", "tags": ["b"], "earnedAt": "2024-01-01"},
      {"id": "a-new", "tags": ["a"], "earnedAt": "2024-06-01"}]'::jsonb, '2025-06-01') r;

-- the search budget: optimal = false with the best assignment found
CREATE TEMP TABLE hard AS SELECT ('{"id": "r", "root": {"type": "all", "children": ['
    || string_agg(format('{"type": "items", "id": "L%s", "select": {"tag": "c"}, "minCredits": %s}', i, 7 + i), ',')
    || ']}}')::stackrule AS rule,
    (SELECT jsonb_agg(jsonb_build_object('id', 'i' || lpad(k::text, 2, '0'), 'tags', '["c"]'::jsonb, 'credits', 1 + (k * 7) % 5))
       FROM generate_series(1, 16) k) AS items
  FROM generate_series(1, 4) i;
SET credreg.stack_max_search_nodes = 1;
SELECT r->'optimal' AS optimal, (r->>'progress')::float8 > 0 AS progress_found FROM hard,
  stack_evaluate(rule, items, '2025-06-01') r;
RESET credreg.stack_max_search_nodes;
SELECT r->'optimal' AS optimal, r->'progress' AS progress FROM hard, stack_evaluate(rule, items, '2025-06-01') r;

-- next_best: which achievement to earn next
SELECT * FROM next_best('{"id": "r", "root": {"type": "all", "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2},
    {"type": "items", "id": "B", "select": {"tag": "b"}, "minCredits": 6}]}}'::stackrule,
  '[{"id": "a1", "tags": ["a"]}, {"id": "b1", "tags": ["b"], "credits": 3}]'::jsonb,
  '[{"achievement": "urn:A2", "tags": ["a"]}, {"achievement": "urn:B3", "tags": ["b"], "credits": 3},
    {"achievement": "urn:AB", "tags": ["a", "b"], "credits": 3}, {"achievement": "urn:Z", "tags": ["z"]}]',
  '2025-06-01');

-- bad input
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, '{}'::jsonb);
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, '[{"tags": []}]'::jsonb);
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, '[{"id": "x"}, {"id": "x"}]'::jsonb);
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, '[{"id": "x", "credits": -1}]'::jsonb);
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, '[{"id": "x", "earnedAt": "yesterday"}]'::jsonb);
SELECT stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"tag": "a"}}}'::stackrule, NULL::jsonb) IS NULL AS null_items;

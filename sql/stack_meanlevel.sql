-- minMeanLevel on all/nOf nodes (SEMANTICS.md §4.1, the analogue of MinGPA):
-- the mean level of the awards placed in the subtree, checked on the chosen
-- assignment; when it fails, alternative assignments are searched.
SET search_path = credreg, public;

-- parsing, canonical output, stored form
SELECT '{"id": "r", "root": {"type": "all", "minMeanLevel": 2.5, "children": [
  {"type": "nOf", "n": 1, "minMeanLevel": 3, "children": [{"type": "items", "select": {"tag": "a"}}]}]}}'::stackrule;
CREATE TEMP TABLE stored (r stackrule);
INSERT INTO stored VALUES ('{"id": "r", "root": {"type": "all", "minMeanLevel": 4, "children": [{"type": "items", "select": {"tag": "a"}}]}}');
SELECT r::text FROM stored;
SELECT '{"id": "r", "root": {"type": "all", "minMeanLevel": 0, "children": [{"type": "items", "select": {"tag": "a"}}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "all", "children": [{"type": "nOf", "n": 1, "minMeanLevel": 5.5,
  "children": [{"type": "items", "select": {"tag": "a"}}]}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "all", "minMeanLevel": "3", "children": [{"type": "items", "select": {"tag": "a"}}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "minMeanLevel": 3, "select": {"tag": "a"}}}'::stackrule;

CREATE TEMP TABLE m (name text, rule stackrule, items jsonb);
INSERT INTO m VALUES
 -- the flow takes a1, a2 (mean 2.5); banning a1 gives a2, a3 (mean 3.5)
 ('alternative', '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2}]}}',
  '[{"id": "a1", "tags": ["a"], "level": 2}, {"id": "a2", "tags": ["a"], "level": 3},
    {"id": "a3", "tags": ["a"], "level": 4}]'),
 -- no assignment reaches the mean: unsatisfied, progress scaled by 2.5 / 3
 ('impossible', '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2}]}}',
  '[{"id": "a1", "tags": ["a"], "level": 2}, {"id": "a2", "tags": ["a"], "level": 3}]'),
 -- the low award moves out of the constrained subtree to B
 ('swap', '{"id": "r", "root": {"type": "all", "id": "root", "children": [
    {"type": "all", "id": "X", "label": "Advanced", "minMeanLevel": 3, "children": [
      {"type": "items", "id": "A", "select": {"tag": "a"}}]},
    {"type": "items", "id": "B", "select": {"anyOf": [{"tag": "a"}, {"tag": "b"}]}}]}}',
  '[{"id": "a1", "tags": ["a"], "level": 1}, {"id": "a2", "tags": ["a"], "level": 4}]'),
 -- nOf: the child whose award has the higher level is the one used
 ('nof', '{"id": "r", "root": {"type": "nOf", "id": "G", "n": 1, "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}}, {"type": "items", "id": "B", "select": {"tag": "b"}}]}}',
  '[{"id": "a1", "tags": ["a"], "level": 2}, {"id": "b1", "tags": ["b"], "level": 4}]'),
 -- an award of unknown level is left out of the mean; alone it fails
 ('unknown', '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}}]}}',
  '[{"id": "a1", "tags": ["a"]}]'),
 -- the low award a1 is required (only it fits A): the mean is reached by
 -- replacing b1 (level 3, not below the minimum) with b2 (level 5)
 ('sibling', '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"achievement": "urn:a"}},
    {"type": "items", "id": "B", "select": {"tag": "b"}}]}}',
  '[{"id": "a1", "achievement": "urn:a", "level": 1}, {"id": "b1", "tags": ["b"], "level": 3},
    {"id": "b2", "tags": ["b"], "level": 5}]'),
 -- a mean equal to the minimum passes
 ('boundary', '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2}]}}',
  '[{"id": "a1", "tags": ["a"], "level": 3}, {"id": "a2", "tags": ["a"], "level": 3}]');
SELECT name, r->'complete' AS complete, r->'progress' AS progress, r->'optimal' AS optimal,
       r->'nodes' AS nodes, r->'missing' AS missing
  FROM m, stack_evaluate(rule, items, '2025-06-01') r ORDER BY name;
-- a waived node is not checked
SELECT r->'complete' AS complete, r->'missing' AS missing FROM m,
  stack_evaluate(rule, items, '2025-06-01', '[{"type": "waive", "node": "root"}]') r WHERE name = 'impossible';
-- the search is bounded by credreg.stack_max_search_nodes: out of budget, optimal = false
CREATE TEMP TABLE hard AS SELECT
  '{"id": "r", "root": {"type": "all", "id": "root", "minMeanLevel": 3, "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2}]}}'::stackrule AS rule,
  '[{"id": "a1", "tags": ["a"], "level": 1}, {"id": "a2", "tags": ["a"], "level": 1},
    {"id": "a3", "tags": ["a"], "level": 2}]'::jsonb AS items;
SELECT r->'optimal' AS optimal, r->'progress' AS progress, r->'missing' AS missing
  FROM hard, stack_evaluate(rule, items, '2025-06-01') r;
SET credreg.stack_max_search_nodes = 1;
SELECT r->'optimal' AS optimal, r->'complete' AS complete FROM hard, stack_evaluate(rule, items, '2025-06-01') r;
RESET credreg.stack_max_search_nodes;

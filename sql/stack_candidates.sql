-- missing[].candidates (SEMANTICS.md §4.2): the registry achievements, given
-- as stack_evaluate's candidates argument, that would be eligible for each
-- unsatisfied leaf; absent when the argument is not given.
SET search_path = credreg, public;
-- the competency leaf's concept, in the taxonomy tables (removed at the end)
INSERT INTO framework (key, name) VALUES ('stack-cand', 'stack candidates test');
INSERT INTO competency (framework, uri, label, kind) VALUES ('stack-cand', 'urn:c:stats', 'statistics', 'skill');

CREATE TEMP TABLE t AS SELECT
  '{"id": "r", "root": {"type": "all", "children": [
    {"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 2},
    {"type": "competency", "id": "C", "label": "Stats", "minLevel": 3,
     "target": {"uri": "urn:c:stats"}},
    {"type": "items", "id": "R", "select": {"tag": "a"}, "minItems": 1,
     "filter": {"earnedWithin": {"years": 1}}},
    {"type": "nOf", "id": "G", "n": 1, "children": [
      {"type": "items", "id": "G1", "select": {"achievement": "urn:G1"}},
      {"type": "items", "id": "G2", "select": {"achievementPattern": "urn:G2*"}}]},
    {"type": "items", "id": "D", "select": {"tag": "d"}, "minItems": 1}]}}'::stackrule AS rule,
  '[{"id": "a1", "tags": ["a"], "earnedAt": "2025-01-01"}, {"id": "c1", "level": 2,
     "alignments": [{"targetUrl": "urn:c:stats", "level": 2}]},
    {"id": "d1", "tags": ["d"]}]'::jsonb AS items,
  '[{"achievement": "urn:Z-A", "tags": ["a"]},
    {"achievement": "urn:A-old", "tags": ["a"], "earnedAt": "2020-01-01"},
    {"achievement": "urn:C-hi", "alignments": [{"targetUrl": "urn:c:stats", "level": 4}]},
    {"achievement": "urn:C-lo", "alignments": [{"targetUrl": "urn:c:stats", "level": 1}]},
    {"achievement": "urn:G2-x"}, {"achievement": "urn:G1"},
    {"achievement": "urn:unverified", "tags": ["a"], "verified": false},
    {"achievement": "urn:Z-A", "tags": ["a"], "credits": 3}]'::jsonb AS cands;

-- without candidates: unchanged output, no "candidates" member
SELECT jsonb_pretty(stack_evaluate(rule, items, '2025-06-01')->'missing') FROM t;
-- with candidates: per missing leaf, sorted and distinct; the candidate earned
-- at as_of unless it says otherwise (urn:A-old fails R's earnedWithin); the
-- unverified one is not admissible; the nOf lists them per open child
SELECT jsonb_pretty(stack_evaluate(rule, items, '2025-06-01', NULL, cands)->'missing') FROM t;
-- the rest of the result does not change
SELECT stack_evaluate(rule, items, '2025-06-01', NULL, cands) - 'missing'
     = stack_evaluate(rule, items, '2025-06-01') - 'missing' AS same_rest FROM t;
-- an empty registry: empty lists
SELECT stack_evaluate(rule, items, '2025-06-01', candidates => '[]')->'missing'->0 FROM t;
-- the stack_item[] overload, with exceptions: waive C, substitute on A
SELECT jsonb_pretty(stack_evaluate(rule,
    ARRAY[ROW('a1', NULL, NULL, NULL, NULL, NULL, '{a}', NULL, NULL, '2025-01-01', NULL, NULL, NULL, NULL, NULL)::stack_item],
    '2025-06-01', '[{"type": "waive", "node": "C"}, {"type": "waive", "node": "G"},
                   {"type": "substitute", "node": "A", "replace": {"achievement": "urn:Z-A"}, "with": "a1"}]',
    cands)->'missing') FROM t;
-- a nested (non-inline) stack leaf: the referenced award is its candidate
SELECT stack_evaluate('{"id": "r", "stacks": {"s": {"id": "s", "awards": {"achievement": "urn:S"},
    "root": {"type": "items", "select": {"tag": "x"}}}},
    "root": {"type": "all", "children": [{"type": "stack", "id": "S", "ref": "s"}]}}'::stackrule,
  '[]'::jsonb, '2025-06-01', NULL, '[{"achievement": "urn:S"}, {"achievement": "urn:T", "tags": ["x"]}]')->'missing';
-- bad candidates
SELECT stack_evaluate(rule, items, '2025-06-01', NULL, '{}') FROM t;
SELECT stack_evaluate(rule, items, '2025-06-01', NULL, '[{"tags": ["a"]}]') FROM t;
SELECT stack_evaluate(rule, items, '2025-06-01', NULL, '[{"achievement": "x", "credits": -1}]') FROM t;
DELETE FROM competency WHERE framework = 'stack-cand';
DELETE FROM framework WHERE key = 'stack-cand';

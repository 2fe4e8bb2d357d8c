-- The stackrule type: validation with JSON paths, canonical output, binary I/O.
SET search_path = credreg, public;

-- a valid rule: canonical output (fixed member order, defaults left out)
SELECT '{"root": {"children": [{"select": {"tag": "x"}, "type": "items", "minItems": 2, "id": "A"}],
          "type": "all", "id": "root"}, "id": "urn:r1"}'::stackrule;
-- every node type and predicate round-trips
SELECT '{"id": "urn:r2", "version": "1", "name": "All kinds",
  "awards": {"achievement": "urn:a:r2", "achievementType": "Certificate"},
  "validFrom": "2025-01-01",
  "policy": {"maxUsesPerItem": 2, "countStatuses": ["Completed", "InProgress"], "requireVerified": false,
             "unitCredits": 3, "completionWindow": {"years": 5}, "optimality": {"maxSearchNodes": 5000}},
  "sets": {"PROG": {"achievementPattern": "urn:prog:1*"}},
  "stacks": {"urn:inner": {"id": "urn:inner", "awards": {"achievement": "urn:a:inner"},
             "root": {"type": "items", "id": "I1", "select": {"humanCode": "MATH 3@"}}}},
  "root": {"type": "all", "id": "root", "children": [
    {"type": "nOf", "id": "N", "n": 1, "children": [
      {"type": "items", "id": "L1", "select": {"set": "PROG"}, "minCredits": 6, "maxCredits": 9,
       "filter": {"minLevel": 2, "passed": true, "earnedWithin": {"years": 3, "months": 6},
                  "earnedAfter": "2020-01-01", "earnedBefore": "2025-01-01", "statusIn": ["Completed"],
                  "minResult": {"resultDescription": "urn:rd", "atLeast": "B"}},
       "share": {"group": "G"}, "except": {"issuer": "urn:bad"}},
      {"type": "competency", "id": "L2", "target": {"uri": "http://data.europa.eu/esco/skill/x"},
       "match": {"narrower": false, "maxHops": 0, "crosswalk": []}, "minLevel": 3, "share": "nonExclusive"}]},
    {"type": "stack", "id": "S1", "ref": "urn:inner"},
    {"type": "stack", "id": "S2", "ref": "urn:inner", "inline": true},
    {"type": "stack", "id": "S3", "ref": "urn:elsewhere", "achievement": "urn:a:elsewhere"},
    {"type": "condition", "id": "C", "when": {"allOf": [{"issuerIn": "home"}, {"not": {"tag": "t"}}]},
     "then": {"type": "items", "id": "T", "select": {"issuerIn": ["urn:i1", "urn:i2"]}},
     "else": {"type": "items", "id": "F", "select": {"concept": "urn:c", "narrower": false, "maxHops": 0}}}],
    "limits": [{"select": {"not": {"issuerIn": "home"}}, "maxItems": 1, "maxCredits": 3}]}}'::stackrule;
-- canonical output is a fixed point, and survives jsonb and binary round trips
CREATE TEMP TABLE r AS SELECT '{"id": "urn:r3", "policy": {"unitCredits": 1.5},
  "root": {"type": "nOf", "n": 1, "children": [{"type": "items", "select": {"tag": "a"}, "weight": 2.5},
  {"type": "items", "select": {"achievementType": "Badge"}, "minItems": 3}]}}'::stackrule AS rule;
SELECT rule FROM r;
SELECT rule::text::stackrule::text = rule::text AS text_fixed_point,
       (rule::jsonb)::stackrule::text = rule::text AS jsonb_round_trip
  FROM r;
SELECT get_byte(stackrule_send(rule), 0) AS version_byte,
       convert_from(substring(stackrule_send(rule) FROM 2), 'UTF8') = rule::text AS payload_is_canonical_json
  FROM r;
COPY r TO '/tmp/credreg_stack_rule_test.bin' WITH (FORMAT binary);
CREATE TEMP TABLE r2 (rule stackrule);
COPY r2 FROM '/tmp/credreg_stack_rule_test.bin' WITH (FORMAT binary);
SELECT r2.rule::text = r.rule::text AS binary_round_trip FROM r, r2;

-- syntax errors: 22P02
\set VERBOSITY default
SELECT '{"id": "x", '::stackrule;
SELECT '{"id": "x", "id": "y", "root": {}}'::stackrule;
\set VERBOSITY terse
-- semantic errors: 22023, each naming the JSON path
SELECT '[]'::stackrule;
SELECT '{"root": {"type": "all", "children": [{"type": "items", "select": {"tag": "x"}}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "al", "children": []}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "all", "children": [{"type": "bogus"}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "all", "children": []}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": -1}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minCredits": -3}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": 1.5}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": 0}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": 3, "maxItems": 2}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "nOf", "n": 3, "children": [{"type": "items", "select": {"tag": "x"}},
         {"type": "items", "select": {"tag": "y"}}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "nOf", "children": [{"type": "items", "select": {"tag": "x"}}]}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x", "issuer": "y"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"colour": "red"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"set": "NOPE"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"anyOf": []}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minLevel": 3}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedWithin": {"weeks": 2}}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "filter": {"earnedAfter": "last year"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "share": "sometimes"}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "competency", "target": {"uri": "u"}, "match": {"crosswalk": ["sameAs"]}}}'::stackrule;
SELECT '{"id": "r", "policy": {"unitCredits": 0}, "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "all", "children": [{"type": "items", "select": {"tag": "x"}}],
         "limits": [{"select": {"tag": "x"}}]}}'::stackrule;
-- stack references: undefined, cycles (self, two rules, through inline expansion)
SELECT '{"id": "r", "root": {"type": "stack", "ref": "urn:nowhere"}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "stack", "ref": "urn:nowhere", "inline": true}}'::stackrule;
SELECT '{"id": "r", "root": {"type": "stack", "ref": "r"}}'::stackrule;
SELECT '{"id": "r", "stacks": {
  "a": {"id": "a", "root": {"type": "stack", "ref": "b", "inline": true}},
  "b": {"id": "b", "root": {"type": "stack", "ref": "a"}}},
  "root": {"type": "stack", "ref": "a", "inline": true}}'::stackrule;
SELECT '{"id": "r", "stacks": {"a": {"id": "b", "root": {"type": "items", "select": {"tag": "x"}}}},
  "root": {"type": "stack", "ref": "a"}}'::stackrule;
SELECT '{"id": "r", "stacks": {"a": {"id": "a", "stacks": {}, "root": {"type": "items", "select": {"tag": "x"}}}},
  "root": {"type": "stack", "ref": "a"}}'::stackrule;
-- absurd sizes: 54000
SELECT '{"id": "r", "root": {"type": "items", "select": {"tag": "x"}, "minItems": 1000000000}}'::stackrule;
SELECT '{"id": "r", "policy": {"maxUsesPerItem": 100}, "root": {"type": "items", "select": {"tag": "x"}}}'::stackrule;
SELECT ('{"id": "r", "root": {"type": "all", "children": ['
        || string_agg('{"type": "items", "select": {"tag": "t' || i || '"}}', ',') || ']}}')::stackrule
  FROM generate_series(1, 501) i;
SELECT ('{"id": "r", "stacks": {"a": {"id": "a", "root": {"type": "all", "children": ['
        || string_agg('{"type": "items", "select": {"tag": "t' || i || '"}}', ',') || ']}}}, '
        || '"root": {"type": "all", "children": ['
        || (SELECT string_agg('{"type": "stack", "ref": "a", "inline": true}', ',') FROM generate_series(1, 10))
        || ']}}')::stackrule
  FROM generate_series(1, 400) i;
SET credreg.max_json_depth = 8;
SELECT '{"id": "r", "root": {"type": "all", "children": [{"type": "all", "children": [{"type": "all",
         "children": [{"type": "items", "select": {"tag": "x"}}]}]}]}}'::stackrule;
RESET credreg.max_json_depth;

-- SEMANTICS.md §5 worked examples 2 and 3, exact output (examples 1 and 4,
-- which need the ESCO hierarchy, are in stack_competency.sql).
SET search_path = credreg, public;

-- Example 2: greedy first-fit would leave B unmet; the max flow completes it.
CREATE TEMP TABLE ex2 AS SELECT '{ "id": "https://registry.example.edu/stacks/web-foundations", "version": "2025.1",
  "root": { "type": "all", "id": "root", "children": [
    { "id": "A", "type": "items", "label": "Programming core", "minItems": 2,
      "select": { "anyOf": [ {"achievement": "urn:ex:PY101"}, {"achievement": "urn:ex:JS101"},
                             {"achievement": "urn:ex:SQL101"} ] } },
    { "id": "B", "type": "items", "label": "Data", "minItems": 1,
      "select": { "anyOf": [ {"achievement": "urn:ex:SQL101"}, {"achievement": "urn:ex:DB201"} ] } } ] } }'::stackrule AS rule,
  '[{"id": "PY101", "achievement": "urn:ex:PY101", "earnedAt": "2024-01"},
    {"id": "SQL101", "achievement": "urn:ex:SQL101", "earnedAt": "2024-02"},
    {"id": "JS101", "achievement": "urn:ex:JS101", "earnedAt": "2024-05"}]'::jsonb AS items;
SELECT jsonb_pretty(stack_evaluate(rule, items, '2025-06-01')) FROM ex2;

-- Example 3: credits, an external cap, a non-exclusive slot, a substitution.
CREATE TEMP TABLE ex3 AS SELECT '{ "id": "https://registry.example.edu/stacks/cert-digital-marketing", "version": "2025.1",
  "policy": { "unitCredits": 3 },
  "root": { "type": "all", "id": "root", "children": [
    { "id": "C", "type": "items", "label": "Core", "minItems": 2,
      "select": { "anyOf": [ {"achievement": "urn:ex:MKT101"}, {"achievement": "urn:ex:MKT102"} ] } },
    { "id": "E", "type": "items", "label": "Electives", "minCredits": 9, "select": { "tag": "mkt-elective" } },
    { "id": "W", "type": "items", "label": "Writing-intensive", "minItems": 1,
      "select": { "tag": "writing-intensive" }, "share": "nonExclusive" } ],
    "limits": [ { "select": { "not": { "issuerIn": "home" } }, "maxCredits": 3 } ] } }'::stackrule AS rule,
  '[{"id": "MKT101", "achievement": "urn:ex:MKT101", "credits": 3, "issuer": "urn:home", "home": true},
    {"id": "COMM210", "achievement": "urn:ex:COMM210", "credits": 3, "issuer": "urn:home", "home": true,
     "tags": ["writing-intensive"]},
    {"id": "MKT230", "achievement": "urn:ex:MKT230", "credits": 3, "issuer": "urn:home", "home": true,
     "tags": ["mkt-elective", "writing-intensive"]},
    {"id": "MKT240", "achievement": "urn:ex:MKT240", "credits": 2, "issuer": "urn:home", "home": true,
     "tags": ["mkt-elective"]},
    {"id": "EXT-SEO", "achievement": "urn:ext:SEO", "credits": 3, "issuer": "urn:ext", "tags": ["mkt-elective"]},
    {"id": "EXT-ADS", "achievement": "urn:ext:ADS", "credits": 3, "issuer": "urn:ext", "tags": ["mkt-elective"]}]'::jsonb
  AS items,
  '[{"type": "substitute", "node": "C", "replace": {"achievement": "urn:ex:MKT102"}, "with": "COMM210"}]'::jsonb AS exc;
SELECT jsonb_pretty(stack_evaluate(rule, items, '2025-06-01', exc)) FROM ex3;
-- without the substitution C is short of one item as well
SELECT r->'complete' AS complete, r->'progress' AS progress, r->'missing' AS missing
  FROM ex3, stack_evaluate(rule, items, '2025-06-01') r;
-- the stack_item[] overload gives the same answer
SELECT stack_evaluate(rule, (SELECT array_agg(jsonb_populate_record(NULL::stack_item, i)) FROM jsonb_array_elements(
         (SELECT jsonb_agg(i - 'earnedAt' || jsonb_build_object('earned_at', i->'earnedAt')) FROM jsonb_array_elements(items) i)) i),
         '2025-06-01', exc)
     = stack_evaluate(rule, items, '2025-06-01', exc) AS same
  FROM ex3;

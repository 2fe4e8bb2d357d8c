-- SEMANTICS.md §5 worked examples 1 and 4: competency leaves over the real
-- ESCO v1.1.1 hierarchy (data/esco, imported with the taxonomy importer) and
-- a CASE exactMatchOf crosswalk; exact output.
-- Everything runs in one transaction that is rolled back, so later tests
-- see empty taxonomy tables.
BEGIN;
SET LOCAL search_path = credreg, public;
\set top `pwd`
SELECT (import_esco(:'top' || '/data/esco'))->>'broader' AS esco_broader_relations;
-- the registry's CASE crosswalk: DB-201 exactMatchOf ESCO "SQL"
INSERT INTO framework (key, name) VALUES ('case-example', 'Example university CASE document');
INSERT INTO competency (framework, uri, code, label, kind)
	VALUES ('case-example', 'https://case.example.edu/uri/DB-201', 'DB-201', 'Relational query writing (DB-201)', 'item');
INSERT INTO competency_relation (src, dst, kind, source)
	SELECT a.id, b.id, 'exactMatch', 'CASE CFAssociation exactMatchOf'
	  FROM competency a, competency b
	 WHERE a.uri = 'https://case.example.edu/uri/DB-201'
	   AND b.uri = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';

-- Example 1: all-of, hierarchy, minimum level, time limit, wildcard.
CREATE TEMP TABLE ex1 AS SELECT '{ "id": "https://registry.example.edu/stacks/cert-data-analytics", "version": "2025.1",
  "awards": { "achievement": "https://example.edu/achievements/cert-data-analytics" },
  "root": { "type": "all", "id": "root", "children": [
    { "id": "R1", "type": "competency", "label": "Spreadsheet analysis",
      "target": { "uri": "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be" },
      "minLevel": 3 },
    { "id": "R2", "type": "competency", "label": "Query languages",
      "target": { "uri": "http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586" },
      "match": { "narrower": true, "maxHops": 2 }, "filter": { "earnedWithin": { "years": 5 } } },
    { "id": "R3", "type": "items", "label": "Intro programming",
      "select": { "achievementPattern": "https://badges.example.edu/achievements/PROG-1*" }, "minItems": 1 } ] } }'::text AS rule,
  '[{"id": "i1", "achievement": "https://badges.example.edu/achievements/excel-essentials", "level": 2,
     "earnedAt": "2024-03-01",
     "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"}]},
    {"id": "i2", "achievement": "https://badges.example.edu/achievements/sql-for-analysts", "level": 4,
     "earnedAt": "2023-06-01",
     "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}]},
    {"id": "i3", "achievement": "https://badges.example.edu/achievements/PROG-110", "earnedAt": "2019-01-15"},
    {"id": "i4", "achievement": "https://badges.example.edu/achievements/sql-fundamentals", "level": 3,
     "earnedAt": "2018-02-01",
     "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}]}]'::jsonb
  AS items;
SELECT jsonb_pretty(stack_evaluate(rule::stackrule, items, '2025-06-01')) FROM ex1;

-- Example 4: competency N-of-M with hierarchy, CASE crosswalk, proficiency,
-- nested stack.  The referenced rule (Example 1) is defined inline under
-- "stacks", which is how `stack` references are resolved.
CREATE TEMP TABLE ex4 AS SELECT
  ('{ "id": "https://registry.example.edu/stacks/junior-data-engineer", "version": "2025.1",
  "stacks": { "https://registry.example.edu/stacks/cert-data-analytics": ' || ex1.rule || ' },
  "root": { "type": "all", "id": "root", "children": [
    { "id": "S", "type": "stack", "ref": "https://registry.example.edu/stacks/cert-data-analytics" },
    { "id": "G", "type": "nOf", "n": 2, "children": [
      { "id": "G1", "type": "competency", "label": "Programming", "minLevel": 3,
        "target": { "uri": "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97" },
        "match": { "narrower": true, "maxHops": 2 } },
      { "id": "G2", "type": "competency", "label": "Databases", "minLevel": 3,
        "target": { "uri": "http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586" },
        "match": { "narrower": true, "maxHops": 2, "crosswalk": ["exactMatch"] } },
      { "id": "G3", "type": "competency", "label": "Statistics", "minLevel": 3,
        "target": { "uri": "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833" } } ] } ] } }')
  AS rule,
  '[{"id": "j1", "achievement": "https://example.edu/achievements/cert-data-analytics", "achievementType": "Certificate"},
    {"id": "j2", "achievement": "https://badges.example.edu/achievements/python-pipelines", "level": 4,
     "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"}]},
    {"id": "j3", "achievement": "https://badges.example.edu/achievements/relational-query-writing", "level": 3,
     "alignments": [{"targetUrl": "https://case.example.edu/uri/DB-201", "targetType": "CFItem"}]},
    {"id": "j4", "achievement": "https://badges.example.edu/achievements/intro-statistics", "level": 2,
     "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833"}]}]'::jsonb
  AS items
  FROM ex1;
SELECT jsonb_pretty(stack_evaluate(rule::stackrule, items, '2025-06-01')) FROM ex4;
-- counter-check: without the crosswalk, j3 is ineligible and G has 1 of 2
SELECT r->'complete' AS complete, r->'progress' AS progress, jsonb_pretty(r->'missing') AS missing
  FROM ex4, stack_evaluate(replace(rule, '"crosswalk": ["exactMatch"]', '"crosswalk": []')::stackrule,
                           items, '2025-06-01') r;
-- a "Programming" badge does not satisfy a requirement for the narrower "Python"
SELECT r->'complete' AS complete, r->'nodes'->0->'assigned' AS assigned
  FROM stack_evaluate('{"id": "r", "root": {"type": "competency", "id": "P",
         "target": {"uri": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"}}}'::stackrule,
       '[{"id": "b", "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"}]}]'::jsonb,
       '2025-06-01') r;
ROLLBACK;
SELECT setval('credreg.competency_id_seq', 1, false);

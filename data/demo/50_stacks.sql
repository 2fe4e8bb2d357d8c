-- Demo: the registrar's stack report — for each sample learner and stack,
-- complete?, progress, what is missing, and the best next credential.
CREATE EXTENSION IF NOT EXISTS credreg;
SET search_path = credreg, public;

CREATE TABLE demo_stack (id text PRIMARY KEY, rule stackrule);
INSERT INTO demo_stack VALUES
('web-foundations', '{"id": "https://registry.example.edu/stacks/web-foundations", "name": "Web Foundations",
  "root": {"type": "all", "id": "root", "children": [
    {"id": "core", "type": "items", "label": "Programming core", "minItems": 2,
     "select": {"anyOf": [{"achievement": "urn:ex:PY101"}, {"achievement": "urn:ex:JS101"}, {"achievement": "urn:ex:SQL101"}]}},
    {"id": "data", "type": "items", "label": "Data", "minItems": 1,
     "select": {"anyOf": [{"achievement": "urn:ex:SQL101"}, {"achievement": "urn:ex:DB201"}]}}]}}'),
('digital-marketing', '{"id": "https://registry.example.edu/stacks/cert-digital-marketing", "name": "Digital Marketing",
  "policy": {"unitCredits": 3},
  "root": {"type": "all", "id": "root", "children": [
    {"id": "core", "type": "items", "label": "Core", "minItems": 2,
     "select": {"anyOf": [{"achievement": "urn:ex:MKT101"}, {"achievement": "urn:ex:MKT102"}]}},
    {"id": "electives", "type": "items", "label": "Electives", "minCredits": 9, "select": {"tag": "mkt-elective"}},
    {"id": "writing", "type": "items", "label": "Writing-intensive", "select": {"tag": "writing-intensive"},
     "share": "nonExclusive"}],
   "limits": [{"select": {"not": {"issuerIn": "home"}}, "maxCredits": 3}]}}');

CREATE TABLE demo_learner (name text PRIMARY KEY, awards jsonb);
INSERT INTO demo_learner VALUES
('Ada', '[{"id": "a1", "achievement": "urn:ex:PY101"}, {"id": "a2", "achievement": "urn:ex:SQL101"},
          {"id": "a3", "achievement": "urn:ex:JS101"}]'),
('Grace', '[{"id": "g1", "achievement": "urn:ex:PY101"}, {"id": "g2", "achievement": "urn:ex:MKT101", "credits": 3, "home": true},
            {"id": "g3", "achievement": "urn:ex:MKT230", "credits": 3, "home": true, "tags": ["mkt-elective", "writing-intensive"]},
            {"id": "g4", "achievement": "urn:ext:SEO", "credits": 3, "tags": ["mkt-elective"]},
            {"id": "g5", "achievement": "urn:ext:ADS", "credits": 3, "tags": ["mkt-elective"]}]'),
('Linus', '[{"id": "l1", "achievement": "urn:ex:SQL101"}, {"id": "l2", "achievement": "urn:ex:MKT102", "credits": 3, "home": true},
            {"id": "l3", "achievement": "urn:ex:MKT240", "credits": 2, "home": true, "tags": ["mkt-elective"]}]');

-- what the registry could issue next
CREATE TABLE demo_catalogue (achievement jsonb);
INSERT INTO demo_catalogue VALUES
('{"achievement": "urn:ex:PY101"}'), ('{"achievement": "urn:ex:JS101"}'), ('{"achievement": "urn:ex:DB201"}'),
('{"achievement": "urn:ex:MKT101", "credits": 3, "home": true}'),
('{"achievement": "urn:ex:MKT102", "credits": 3, "home": true}'),
('{"achievement": "urn:ex:MKT230", "credits": 3, "home": true, "tags": ["mkt-elective", "writing-intensive"]}'),
('{"achievement": "urn:ex:MKT250", "credits": 4, "home": true, "tags": ["mkt-elective"]}');

\echo
\echo == Stack report: complete, progress, missing, next best
SELECT l.name AS learner, s.id AS stack,
       (r->>'complete')::boolean AS complete, (r->>'progress')::numeric AS progress,
       (SELECT string_agg(m->>'label' || coalesce(' (' || (SELECT string_agg(k || ' ' || v, ', ')
                                                        FROM jsonb_each_text(m->'need') AS n(k, v)) || ')', ''), '; ')
          FROM jsonb_array_elements(r->'missing') m) AS missing,
       (SELECT nb.achievement || ' (+' || round(nb.progress_gain::numeric, 3) || CASE WHEN nb.completes THEN ', completes' ELSE '' END || ')'
          FROM next_best(s.rule, l.awards, (SELECT jsonb_agg(achievement) FROM demo_catalogue), '2025-06-01') nb
         WHERE nb.progress_gain > 0 LIMIT 1) AS next_best
  FROM demo_learner l CROSS JOIN demo_stack s,
       LATERAL stack_evaluate(s.rule, l.awards, '2025-06-01') r
 ORDER BY l.name, s.id;

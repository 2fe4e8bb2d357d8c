-- README examples, section Stacks: the web-foundations rule of the
-- section's first example, one learner's awards, a catalogue of what the
-- registry can issue, and the same awards kept in tables: award_rows (one
-- row per award, columns named as credreg.stack_item's) and learner (one
-- row per learner, awards as a jsonb array).  ana completes the stack, ben
-- lacks the Data requirement (DB201 would complete it), cy has one award.
CREATE TABLE stack_example (rule credreg.stackrule, items jsonb, catalogue jsonb);
INSERT INTO stack_example VALUES (
  '{"id": "https://registry.example.edu/stacks/web-foundations",
    "root": {"type": "all", "id": "root", "children": [
      {"id": "A", "type": "items", "label": "Programming core", "minItems": 2,
       "select": {"anyOf": [{"achievement": "urn:ex:PY101"}, {"achievement": "urn:ex:JS101"},
                            {"achievement": "urn:ex:SQL101"}]}},
      {"id": "B", "type": "items", "label": "Data", "minItems": 1,
       "select": {"anyOf": [{"achievement": "urn:ex:SQL101"}, {"achievement": "urn:ex:DB201"}]}}]}}',
  '[{"id": "PY101", "achievement": "urn:ex:PY101"}, {"id": "JS101", "achievement": "urn:ex:JS101"}]',
  '[{"achievement": "urn:ex:DB201", "tags": ["db"]}, {"achievement": "urn:ex:CSS101"}]');
CREATE TABLE award_rows (learner text, id text, achievement text, earned_at timestamptz);
INSERT INTO award_rows VALUES
	('ana', 'a1', 'urn:ex:PY101', '2024-09-01'), ('ana', 'a2', 'urn:ex:SQL101', '2024-10-01'),
	('ana', 'a3', 'urn:ex:JS101', '2025-01-15'),
	('ben', 'b1', 'urn:ex:PY101', '2024-11-01'), ('ben', 'b2', 'urn:ex:JS101', '2025-02-01'),
	('cy', 'c1', 'urn:ex:PY101', '2025-03-01');
CREATE TABLE learner (learner text PRIMARY KEY, items jsonb);
INSERT INTO learner
SELECT learner, jsonb_agg(jsonb_build_object('id', id, 'achievement', achievement, 'earnedAt', earned_at))
  FROM award_rows GROUP BY learner;

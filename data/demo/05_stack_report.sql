-- credreg demo, part 5: the stack report.  The university's "Certificate in
-- Data Analytics" stacks micro-credentials: competency requirements met by
-- the same ESCO skill or a narrower one at a minimum level, a choice of one
-- of two, and a capstone.  Only verified awards count (policy
-- requireVerified), so a revoked, expired or tampered award is reported as
-- blocked, with its reason.

\set ON_ERROR_STOP on
\pset footer off
\pset null '-'
SET client_min_messages = warning;
SET search_path = public, credreg;

CREATE TABLE demo.stack (name text PRIMARY KEY, rule credreg.stackrule NOT NULL);
INSERT INTO demo.stack VALUES ('Certificate in Data Analytics', '{
  "id": "https://esu.example.edu/stacks/cert-data-analytics", "version": "2026.1",
  "awards": { "achievement": "https://esu.example.edu/achievements/cert-data-analytics" },
  "policy": { "requireVerified": true },
  "root": { "type": "all", "id": "root", "children": [
    { "id": "Q", "type": "competency", "label": "Query languages (SQL or narrower), level 3",
      "target": { "uri": "http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586" },
      "minLevel": 3, "match": { "narrower": true, "maxHops": 2 } },
    { "id": "S", "type": "competency", "label": "Statistics, level 2",
      "target": { "uri": "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833" }, "minLevel": 2 },
    { "id": "P", "type": "nOf", "n": 1, "label": "Programming or spreadsheets, level 3", "children": [
      { "id": "P1", "type": "competency", "label": "Computer programming (or narrower)",
        "target": { "uri": "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97" },
        "minLevel": 3, "match": { "narrower": true, "maxHops": 2 } },
      { "id": "P2", "type": "competency", "label": "Use spreadsheets software",
        "target": { "uri": "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be" }, "minLevel": 3 } ] },
    { "id": "C", "type": "items", "label": "Capstone project", "minItems": 1,
      "select": { "anyOf": [ {"achievement": "https://esu.example.edu/achievements/data-mining-project"},
                             {"achievement": "https://northwind.example.edu/achievements/ml-intro"} ] } } ] } }');

-- Each award as a stack item: what it is, who issued it, when, at which
-- level, whether it verified, and the skill it aligns to.
CREATE VIEW demo.stack_item AS
SELECT w.learner_id, w.award_id,
	   jsonb_build_object('id', w.award_id, 'achievement', w.achievement_id, 'issuer', i.id,
						  'earnedAt', to_char(w.earned_at, 'YYYY-MM-DD'), 'verified', w.verified,
						  'level', w.level, 'credits', a.credits,
						  'alignments', jsonb_build_array(jsonb_build_object('targetUrl', a.esco_skill,
																			 'level', w.level))) AS item
  FROM demo.award w
	   JOIN demo.achievement a ON a.id = w.achievement_id
	   JOIN demo.issuer i ON i.name = a.issuer_name;

CREATE TABLE demo.evaluation AS
SELECT l.id AS learner_id, l.name, s.name AS stack,
	   credreg.stack_evaluate(s.rule, (SELECT jsonb_agg(item ORDER BY award_id) FROM demo.stack_item
										WHERE learner_id = l.id)) AS result
  FROM demo.learner l, demo.stack s;

\echo
\echo '=================================================================================='
\echo ' STACK REPORT: Certificate in Data Analytics'
\echo '=================================================================================='
SELECT name AS learner,
	   CASE WHEN (result->>'complete')::boolean THEN 'COMPLETE' ELSE 'in progress' END AS state,
	   round((result->>'progress')::numeric * 100) || '%' AS progress,
	   (SELECT string_agg(n->>'id' || ' <- ' || a.value, ', ' ORDER BY n->>'id')
		  FROM jsonb_array_elements(result->'nodes') n,
			   jsonb_array_elements_text(n->'assigned') a) AS assignment
  FROM demo.evaluation ORDER BY (result->>'progress')::numeric DESC, name;

\echo
\echo 'Why each assignment counts (the path from the award''s skill to the requirement):'
SELECT e.name AS learner, n->>'id' AS requirement, p.key AS award, p.value AS path
  FROM demo.evaluation e,
	   jsonb_array_elements(e.result->'nodes') n,
	   jsonb_each_text(n->'path') p
 ORDER BY e.name, requirement;

\echo
\echo 'What is missing, and awards that would have counted but are blocked:'
SELECT e.name AS learner, m->>'label' AS missing_requirement,
	   coalesce((SELECT string_agg(b->>'award' || ' (' || (b->>'reason') || ': ' || w.planted || ')', ', ')
				   FROM jsonb_array_elements(m->'blocked') b JOIN demo.award w ON w.award_id = b->>'award'),
				(SELECT string_agg(c->>'label', ' or ') FROM jsonb_array_elements(m->'of') c)) AS blocked_or_options
  FROM demo.evaluation e, jsonb_array_elements(e.result->'missing') m
 ORDER BY e.name, missing_requirement;

\echo
\echo 'Next best credential to earn, for each learner still in progress (by progress gained):'
CREATE TEMP TABLE candidates AS
SELECT jsonb_agg(jsonb_build_object('id', 'next:' || a.name, 'achievement', a.id, 'issuer', i.id,
					'verified', true, 'level', 3, 'credits', a.credits, 'earnedAt', to_char(now(), 'YYYY-MM-DD'),
					'alignments', jsonb_build_array(jsonb_build_object('targetUrl', a.esco_skill, 'level', 3)))
				 ORDER BY a.id) AS c
  FROM demo.achievement a JOIN demo.issuer i ON i.name = a.issuer_name
	   JOIN credreg.trusted_issuer t ON t.issuer = i.id;
SELECT DISTINCT ON (e.name) e.name AS learner, a.name AS earn_next,
	   '+' || round(nb.progress_gain::numeric * 100) || '%' AS progress_gain,
	   CASE WHEN nb.completes THEN 'yes' ELSE 'no' END AS completes_the_certificate
  FROM demo.evaluation e, demo.stack s, candidates,
	   LATERAL credreg.next_best(s.rule, (SELECT jsonb_agg(item) FROM demo.stack_item WHERE learner_id = e.learner_id),
								 candidates.c) nb
	   JOIN demo.achievement a ON a.id = nb.achievement
 WHERE NOT (e.result->>'complete')::boolean AND s.name = e.stack
 ORDER BY e.name, nb.completes DESC, nb.progress_gain DESC, a.name;

\echo
\echo 'The warehouse form: one aggregate over the award rows (parallel safe), same answers:'
SELECT learner, (p->>'progress')::numeric AS progress, (p->>'complete')::boolean AS complete,
	   (p->>'progress')::numeric = evaluated AS agrees_with_stack_evaluate
  FROM (SELECT l.name AS learner, (ev.result->>'progress')::numeric AS evaluated,
			   credreg.stack_progress(s.rule, si.item) AS p
		  FROM demo.stack_item si
			   JOIN demo.learner l ON l.id = si.learner_id
			   JOIN demo.stack s ON true
			   JOIN demo.evaluation ev ON ev.learner_id = l.id AND ev.stack = s.name
		 GROUP BY l.name, s.name, ev.result) x
 ORDER BY progress DESC, learner;

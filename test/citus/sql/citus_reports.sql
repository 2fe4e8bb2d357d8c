-- The recruiter query and the stack report on Citus, against the same
-- pipeline over plain tables on the coordinator (the single-node answer):
-- awards in a table distributed by learner; profiles derived and their
-- closure computed on the workers (skills_of, skillset_union_agg, closure,
-- all reading the taxonomy's reference tables locally); the recruiter's GIN
-- query and match; the stack report by stack_evaluate, stack_progress_of
-- and the stack_progress aggregate.
SET client_min_messages = warning;

-- a small taxonomy: query languages > SQL, programming > Python, statistics
-- > machine learning, all under "data"
INSERT INTO credreg.framework (key, name) VALUES ('cx', 'Citus test skills');
INSERT INTO credreg.competency (framework, uri, code, label, kind) VALUES
	('cx', 'urn:cx:data', 'data', 'Data work', 'group'),
	('cx', 'urn:cx:query', 'query', 'Query languages', 'skill'),
	('cx', 'urn:cx:sql', 'sql', 'SQL', 'skill'),
	('cx', 'urn:cx:prog', 'prog', 'Programming', 'skill'),
	('cx', 'urn:cx:python', 'python', 'Python', 'skill'),
	('cx', 'urn:cx:stats', 'stats', 'Statistics', 'skill'),
	('cx', 'urn:cx:ml', 'ml', 'Machine learning', 'skill'),
	('cx', 'urn:cx:analyst', 'analyst', 'Data analyst', 'occupation');
INSERT INTO credreg.occupation_requirement (occupation, competency, kind, level, importance)
SELECT credreg.competency_id('urn:cx:analyst'), credreg.competency_id(c), 'essential', l, i
  FROM (VALUES ('urn:cx:query', 3, 4), ('urn:cx:stats', 2, 3), ('urn:cx:python', 2, NULL)) AS r(c, l, i);
INSERT INTO credreg.competency_relation (src, dst, kind)
SELECT credreg.competency_id(a), credreg.competency_id(b), 'broader'
  FROM (VALUES ('urn:cx:query', 'urn:cx:data'), ('urn:cx:sql', 'urn:cx:query'),
			   ('urn:cx:prog', 'urn:cx:data'), ('urn:cx:python', 'urn:cx:prog'),
			   ('urn:cx:stats', 'urn:cx:data'), ('urn:cx:ml', 'urn:cx:stats')) AS r(a, b);

-- 3,000 learners in 7 cohorts, 1 to 6 awards each: an achievement, tags,
-- a level, a date, and an OB 3.0 payload aligned to one skill
CREATE TABLE award_local AS
SELECT l AS learner, l % 7 AS cohort, item, payload
  FROM generate_series(1, 3000) l, generate_series(0, l % 6) k,
	   LATERAL (SELECT (ARRAY['urn:cx:sql', 'urn:cx:python', 'urn:cx:ml', 'urn:cx:query', 'urn:cx:stats'])[1 + (l + k) % 5] AS skill,
					   1 + (l * (k + 1)) % 5 AS level,
					   'urn:ach:' || ((l * 7 + k * 3) % 12) AS achievement) a,
	   LATERAL (SELECT ROW(l || '-' || k, a.achievement, NULL, NULL, NULL, NULL,
						   CASE WHEN k % 2 = 0 THEN '{core}' ELSE '{elective}' END::text[],
						   1 + k % 3, a.level, '2020-01-01'::timestamptz + ((l * 13 + k * 101) % 1800) * interval '1 day',
						   CASE WHEN (l + k) % 9 = 0 THEN '2024-01-01'::timestamptz END, NULL, true, NULL,
						   jsonb_build_array(jsonb_build_object('targetUrl', a.skill)))::credreg.stack_item AS item,
					   jsonb_build_object('type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
						   'credentialSubject', jsonb_build_object('achievement', jsonb_build_object(
							   'id', a.achievement, 'alignment', jsonb_build_array(jsonb_build_object('targetUrl', a.skill))))) AS payload) p;
CREATE TABLE award (LIKE award_local);
SELECT create_distributed_table('award', 'learner');
INSERT INTO award SELECT * FROM award_local;
SELECT count(*) AS awards, count(DISTINCT learner) AS learners FROM award;

CREATE TABLE learner_local (learner int PRIMARY KEY, cohort int, held credreg.skillset, skills credreg.skillset);
CREATE TABLE learner (LIKE learner_local INCLUDING ALL);
SELECT create_distributed_table('learner', 'learner', colocate_with => 'award');

-- Profiles: the skills of each learner's awards at their levels, and the
-- skills their payloads align to (skills_of), united; then the closure.
-- On the distributed tables both statements run on the workers.
-- (Citus refuses STABLE functions over columns in an UPDATE of a
-- distributed table, so the closure is computed in the INSERT.)
CREATE FUNCTION derive_profiles(awards regclass, profiles regclass) RETURNS void
	LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format(
		'INSERT INTO %s (learner, cohort, held, skills)
		 SELECT learner, cohort, held, credreg.closure(held)
		   FROM (SELECT learner, min(cohort) AS cohort,
						credreg.skillset_union_agg(credreg.skills(ARRAY[(item).alignments->0->>%L], ARRAY[(item).level]))
						OPERATOR(credreg.|) credreg.skillset_union_agg(credreg.skills_of(payload)) AS held
				   FROM %s GROUP BY learner) s', profiles, 'targetUrl', awards);
END $$;
SELECT derive_profiles('award_local', 'learner_local');
SELECT derive_profiles('award', 'learner');
CREATE INDEX ON learner_local USING gin (skills);
CREATE INDEX ON learner USING gin (skills);
SELECT (SELECT count(*) FROM (SELECT learner, held::text, skills::text FROM learner_local
							  EXCEPT SELECT learner, held::text, skills::text FROM learner) d) AS profiles_only_single,
	   (SELECT count(*) FROM (SELECT learner, held::text, skills::text FROM learner
							  EXCEPT SELECT learner, held::text, skills::text FROM learner_local) d) AS profiles_only_distributed;

-- The recruiter query: query languages (or a narrower skill) at level 3 or
-- more and statistics at level 2 or more, from the GIN index, ranked by
-- match score.
CREATE FUNCTION recruit(profiles regclass) RETURNS TABLE (learner int, score numeric)
	LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT learner, round((credreg.match(held, r, %L) ->> %L)::numeric, 4)
		   FROM %s, (SELECT credreg.skills(ARRAY[%L, %L], ARRAY[3, 2]) AS r) q
		  WHERE skills OPERATOR(credreg.@>) r', '{}', 'score', profiles, 'urn:cx:query', 'urn:cx:stats');
END $$;
SELECT count(*) AS candidates, min(score), max(score), md5(string_agg(learner || ':' || score, ',' ORDER BY learner))
  FROM recruit('learner_local');
SELECT count(*) AS candidates, min(score), max(score), md5(string_agg(learner || ':' || score, ',' ORDER BY learner))
  FROM recruit('learner');
-- and with a boolean skill query
SELECT count(*) AS single_node FROM learner_local
 WHERE skills OPERATOR(credreg.@@) format('%s>=3 & !%s', credreg.competency_id('urn:cx:query'), credreg.competency_id('urn:cx:ml'))::credreg.skillquery;
SELECT count(*) AS distributed FROM learner
 WHERE skills OPERATOR(credreg.@@) format('%s>=3 & !%s', credreg.competency_id('urn:cx:query'), credreg.competency_id('urn:cx:ml'))::credreg.skillquery;

-- readiness for an occupation (its requirements read on each worker from
-- the local placement)
SELECT count(*) AS ready, round(avg(credreg.readiness_score(held, 'urn:cx:analyst'))::numeric, 4) AS mean_score
  FROM learner_local WHERE credreg.readiness_score(held, 'urn:cx:analyst') >= 0.5;
SELECT count(*) AS ready, round(avg(credreg.readiness_score(held, 'urn:cx:analyst'))::numeric, 4) AS mean_score
  FROM learner WHERE credreg.readiness_score(held, 'urn:cx:analyst') >= 0.5;

-- skillset_union_agg grouped by a column that is not the distribution
-- column: partial aggregates on the workers (worker_partial_agg), combined
-- on the coordinator (coord_combine_agg) with its combine function
CREATE FUNCTION plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF, VERBOSE) ' || q LOOP
		IF line ~ 'Custom Scan|Task Count|worker_partial_agg|coord_combine_agg|Group Key' THEN
			RETURN NEXT left(regexp_replace(regexp_replace(line, '[0-9]{4,}', 'N', 'g'), '^\s+', ''), 100);
		END IF;
	END LOOP;
END $$;
SELECT * FROM plan_of('SELECT cohort, credreg.skillset_union_agg(held) FROM learner GROUP BY cohort');
SELECT (SELECT count(*) FROM (SELECT cohort, credreg.skillset_union_agg(held)::text FROM learner_local GROUP BY cohort
							  EXCEPT SELECT cohort, credreg.skillset_union_agg(held)::text FROM learner GROUP BY cohort) d) AS cohorts_differing;

-- The stack report: a rule with a competency leaf (query languages or
-- narrower, level 2) and two core awards
\set rule '\'{"id": "urn:cx:stack", "root": {"type": "all", "id": "root", "children": [{"id": "Q", "type": "competency", "target": {"uri": "urn:cx:query"}, "match": {"narrower": true}, "minLevel": 2}, {"id": "N", "type": "items", "select": {"tag": "core"}, "minItems": 2}]}}\'::credreg.stackrule'
CREATE FUNCTION stack_report(awards regclass, rule credreg.stackrule)
	RETURNS TABLE (learner int, complete boolean, progress numeric, evaluated jsonb)
	LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT learner, (e->>%L)::boolean, round((e->>%L)::numeric, 4), e
		   FROM (SELECT learner, credreg.stack_progress(%L::credreg.stackrule, item, %L) AS e FROM %s GROUP BY learner) s',
		'complete', 'progress', rule, '2025-06-01', awards);
END $$;
CREATE TABLE report_local AS SELECT * FROM stack_report('award_local', :rule);
CREATE TABLE report AS SELECT * FROM stack_report('award', :rule);
SELECT count(*) AS learners, count(*) FILTER (WHERE complete) AS complete, round(avg(progress), 4) AS mean_progress
  FROM report_local;
SELECT (SELECT count(*) FROM (SELECT learner, evaluated FROM report_local EXCEPT SELECT learner, evaluated FROM report) d) AS only_single,
	   (SELECT count(*) FROM (SELECT learner, evaluated FROM report EXCEPT SELECT learner, evaluated FROM report_local) d) AS only_distributed;
-- stack_evaluate and stack_progress_of over each learner's awards as an array
SELECT count(*) FILTER (WHERE (credreg.stack_evaluate(:rule, items, '2025-06-01') = r.evaluated) IS NOT TRUE) AS evaluate_differs,
	   count(*) FILTER (WHERE round(credreg.stack_progress_of(:rule, items, '2025-06-01')::numeric, 3) <> round(r.progress, 3)) AS progress_of_differs
  FROM (SELECT learner, array_agg(item) AS items FROM award GROUP BY learner) a JOIN report_local r USING (learner);
-- grouped by cohort (not the distribution column)
SELECT * FROM plan_of(format('SELECT cohort, credreg.stack_progress(%s, item, %L) FROM award GROUP BY cohort', :'rule', '2025-06-01'));
SELECT (SELECT count(*) FROM (SELECT cohort, credreg.stack_progress(:rule, item, '2025-06-01') FROM award_local GROUP BY cohort
							  EXCEPT SELECT cohort, credreg.stack_progress(:rule, item, '2025-06-01') FROM award GROUP BY cohort) d) AS cohorts_differing;

DROP TABLE award, award_local, learner, learner_local, report, report_local;
DROP FUNCTION recruit(regclass), plan_of(text), stack_report(regclass, credreg.stackrule), derive_profiles(regclass, regclass);
DELETE FROM credreg.occupation_requirement;
DELETE FROM credreg.competency_relation;
DELETE FROM credreg.competency;
DELETE FROM credreg.framework;

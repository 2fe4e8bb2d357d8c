-- pgTAP: occupations.  The one test that imports the full ESCO occupation
-- pillar.  Readiness for 1,000 random (learner, occupation) pairs against
-- an independent computation over staging tables loaded straight from the
-- CSV files (COPY, no credreg function); readiness_query and its GIN plan;
-- O*NET importance weighting against a hand-computed example; recommend()
-- on 200 random instances against the optimum found by enumeration, and
-- against next_best with a stack rule.
BEGIN;
SELECT plan(30);
SET search_path = credreg, public;

\! rm -rf tmp_run/occ_tap && mkdir -p tmp_run/occ_tap tmp_run/occ_tap_onet && cp data/esco/*.csv.gz data/esco_occupations/*.csv.gz tmp_run/occ_tap/ && cp test/vectors/onet/*.gz test/vectors/onet_occupations/*.gz tmp_run/occ_tap_onet/ && chmod -R a+rX tmp_run/occ_tap tmp_run/occ_tap_onet
\set occ_dir `readlink -f tmp_run`/occ_tap
\set onet_dir `readlink -f tmp_run`/occ_tap_onet

CREATE TEMP TABLE imp AS SELECT import_esco(:'occ_dir') AS r;
SELECT is((SELECT (r ->> 'occupations')::int FROM imp), 3007, 'import_esco loads the 3,007 occupations');
SELECT is((SELECT (r ->> 'iscoGroups')::int FROM imp), 619, 'and the 619 ISCO groups');
SELECT is((SELECT count(*)::int FROM competency WHERE kind = 'occupation' AND framework = 'esco'), 3007,
	'occupations are competencies of kind occupation');
SELECT is((SELECT label FROM competency_search('data scientist', 1)), 'data scientist',
	'occupation search finds an occupation by its label');

-- ---------------------------------------------------------------------------
-- Independent staging: the CSV files as they are
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE s_skills (conceptType text, conceptUri text, skillType text, reuseLevel text, preferredLabel text,
	altLabels text, hiddenLabels text, status text, modifiedDate text, scopeNote text, definition text,
	inScheme text, description text);
\set cmd 'gzip -dc ' :occ_dir '/skills_en.csv.gz'
COPY s_skills FROM PROGRAM :'cmd' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE s_groups (conceptType text, conceptUri text, preferredLabel text, altLabels text,
	hiddenLabels text, status text, modifiedDate text, scopeNote text, inScheme text, description text, code text);
\set cmd 'gzip -dc ' :occ_dir '/skillGroups_en.csv.gz'
COPY s_groups FROM PROGRAM :'cmd' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE s_broader (conceptType text, conceptUri text, broaderType text, broaderUri text);
\set cmd 'gzip -dc ' :occ_dir '/broaderRelationsSkillPillar.csv.gz'
COPY s_broader FROM PROGRAM :'cmd' WITH (FORMAT csv, HEADER true);
CREATE INDEX ON s_broader (conceptUri);
CREATE INDEX ON s_broader (broaderUri);
CREATE TEMP TABLE s_occ (conceptType text, conceptUri text, iscoGroup text, preferredLabel text, altLabels text,
	hiddenLabels text, status text, modifiedDate text, regulatedProfessionNote text, scopeNote text,
	definition text, inScheme text, description text, code text);
\set cmd 'gzip -dc ' :occ_dir '/occupations_en.csv.gz'
COPY s_occ FROM PROGRAM :'cmd' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE s_rel (occupationUri text, relationType text, skillType text, skillUri text);
\set cmd 'gzip -dc ' :occ_dir '/occupationSkillRelations.csv.gz'
COPY s_rel FROM PROGRAM :'cmd' WITH (FORMAT csv, HEADER true);

-- requirements: known occupation and skill; a skill listed both ways is essential
CREATE TEMP TABLE s_req AS
	SELECT r.occupationUri AS occ, r.skillUri AS skill,
		CASE WHEN bool_or(r.relationType = 'essential') THEN 'essential' ELSE 'optional' END AS kind
	FROM s_rel r
	WHERE r.occupationUri IN (SELECT conceptUri FROM s_occ)
	  AND r.skillUri IN (SELECT conceptUri FROM s_skills UNION SELECT conceptUri FROM s_groups)
	GROUP BY 1, 2;
CREATE INDEX ON s_req (occ);
SELECT is((SELECT count(*)::int FROM s_req), (SELECT count(*)::int FROM occupation_requirement WHERE source = 'esco'),
	'as many requirements as the CSV holds for known occupations and skills');

-- 1,000 learners: for each essential of a random occupation the skill itself
-- (40%), a narrower skill (25%), or a broader one that must not count (15%);
-- plus three random skills
SELECT setseed(0.2026);
CREATE TEMP TABLE s_occ_arr AS SELECT array_agg(occ ORDER BY occ) AS a
	FROM (SELECT DISTINCT occ FROM s_req WHERE kind = 'essential') x;
CREATE TEMP TABLE s_skill_arr AS SELECT array_agg(conceptUri ORDER BY conceptUri) AS a FROM s_skills;
CREATE TEMP TABLE pairs AS
	SELECT i, a[1 + floor(random() * cardinality(a))::int] AS occ FROM generate_series(1, 1000) i, s_occ_arr;
CREATE TEMP TABLE held_uri AS
	SELECT p.i, x.uri FROM pairs p JOIN s_req e ON e.occ = p.occ,
		LATERAL (SELECT random() + 0 * length(e.skill) AS u) d,
		LATERAL (SELECT e.skill AS uri WHERE d.u < 0.40
				 UNION ALL
				 (SELECT b.conceptUri FROM s_broader b WHERE b.broaderUri = e.skill AND d.u >= 0.40 AND d.u < 0.65
				  ORDER BY md5(b.conceptUri || p.i) LIMIT 1)
				 UNION ALL
				 (SELECT b.broaderUri FROM s_broader b WHERE b.conceptUri = e.skill AND d.u >= 0.65 AND d.u < 0.80
				  ORDER BY md5(b.broaderUri || p.i) LIMIT 1)) x
	WHERE e.kind = 'essential'
	UNION
	SELECT p.i, s.a[1 + floor(random() * cardinality(s.a))::int] FROM pairs p, s_skill_arr s, generate_series(1, 3);

-- the independent answer: a requirement is met when it is held or is an
-- ancestor (broaderUri, transitively) of something held
CREATE TEMP TABLE anc AS
WITH RECURSIVE anc(i, uri) AS (
	SELECT i, uri FROM held_uri
	UNION
	SELECT a.i, b.broaderUri FROM anc a JOIN s_broader b ON b.conceptUri = a.uri
)
SELECT * FROM anc;
CREATE INDEX ON anc (i, uri);
ANALYZE anc;
CREATE TEMP TABLE expected AS
SELECT p.i, p.occ,
	count(*) FILTER (WHERE e.kind = 'essential' AND EXISTS (SELECT 1 FROM anc WHERE anc.i = p.i AND anc.uri = e.skill)) AS ess_sat,
	count(*) FILTER (WHERE e.kind = 'essential') AS ess_n,
	count(*) FILTER (WHERE e.kind = 'optional' AND EXISTS (SELECT 1 FROM anc WHERE anc.i = p.i AND anc.uri = e.skill)) AS opt_sat,
	count(*) FILTER (WHERE e.kind = 'optional') AS opt_n
FROM pairs p JOIN s_req e ON e.occ = p.occ
GROUP BY p.i, p.occ;

CREATE TEMP TABLE got AS
	SELECT p.i, p.occ, h.held, readiness(h.held, p.occ) AS r, readiness_score(h.held, p.occ) AS score
	FROM pairs p JOIN (SELECT i, skills(array_agg(uri)) AS held FROM held_uri GROUP BY i) h USING (i);

SELECT is((SELECT count(*)::int FROM got), 1000, '1,000 pairs evaluated');
SELECT is((SELECT count(*)::int FROM expected x JOIN got g USING (i)
		   WHERE (g.r #>> '{essential,satisfied}')::int <> x.ess_sat OR (g.r #>> '{essential,required}')::int <> x.ess_n
			  OR (g.r #>> '{optional,satisfied}')::int <> x.opt_sat OR (g.r #>> '{optional,required}')::int <> x.opt_n), 0,
	'readiness: essential and optional counts equal the independent computation on all 1,000 pairs');
SELECT is((SELECT count(*)::int FROM expected x JOIN got g USING (i)
		   WHERE abs((g.r ->> 'score')::float8 - x.ess_sat::float8 / x.ess_n) > 1e-12
			  OR abs(g.score - x.ess_sat::float8 / x.ess_n) > 1e-12
			  OR abs((g.r #>> '{optional,share}')::float8 - CASE WHEN x.opt_n = 0 THEN 1 ELSE x.opt_sat::float8 / x.opt_n END) > 1e-12), 0,
	'readiness score, readiness_score and the optional share equal the independent shares');
SELECT cmp_ok((SELECT count(*)::int FROM expected WHERE ess_sat > 0 AND ess_sat < ess_n), '>', 500,
	'the sample is not trivial: most pairs are partly ready');
SELECT cmp_ok((SELECT count(*)::int FROM got g, jsonb_array_elements(g.r -> 'requirements') q
			   WHERE (q ->> 'satisfied')::boolean AND (q ->> 'hops')::int > 0), '>', 1000,
	'many requirements are met by a narrower held skill (with its path)');
SELECT is((SELECT count(*)::int FROM got g, jsonb_array_elements(g.r -> 'requirements') q
		   WHERE (q ->> 'satisfied')::boolean AND jsonb_array_length(q -> 'path') <> (q ->> 'hops')::int + 1), 0,
	'each satisfied requirement carries the path match() explains');

-- readiness_query: "at least ceil(0.8 n) of the essentials", exact for
-- unweighted occupations, answered through a GIN index
CREATE TEMP TABLE learners AS SELECT i, closure(held) AS closure, occ, score FROM got;
CREATE INDEX learners_closure ON learners USING gin (closure);
ANALYZE learners;
SELECT is((SELECT count(*)::int FROM learners WHERE (closure @@ readiness_query(occ, 0.8)) <> (score >= 0.8)), 0,
	'closure @@ readiness_query(occupation, 0.8) holds exactly for the learners at least 80% ready');
SELECT cmp_ok((SELECT count(*)::int FROM learners WHERE score >= 0.8), '>', 10, 'some learners are 80% ready');
SET LOCAL enable_seqscan = off;
SELECT is((SELECT split_part(readiness_query(occ, 0.8)::text, ' ', 1)::int FROM expected ORDER BY i LIMIT 1),
	(SELECT ceil(0.8 * ess_n)::int FROM expected ORDER BY i LIMIT 1),
	'readiness_query asks for ceil(0.8 n) of the n essentials');
CREATE TEMP TABLE plan_lines (l text);
DO $$
DECLARE
	q skillquery := credreg.readiness_query((SELECT occ FROM learners ORDER BY i LIMIT 1), 0.8);
	line text;
BEGIN
	FOR line IN EXECUTE format('EXPLAIN SELECT i FROM learners WHERE closure OPERATOR(credreg.@@) %L::credreg.skillquery', q::text) LOOP
		INSERT INTO plan_lines VALUES (line);
	END LOOP;
END
$$;
SELECT ok(EXISTS (SELECT 1 FROM plan_lines WHERE l ~ 'Bitmap Index Scan on learners_closure'),
	'the readiness filter is an index scan on the skillset GIN index');
SELECT is((SELECT array_agg(i ORDER BY i) FROM learners l
		   WHERE closure @@ readiness_query((SELECT occ FROM learners ORDER BY i LIMIT 1), 0.5)),
		  (SELECT array_agg(i ORDER BY i) FROM learners l
		   WHERE readiness_score(closure, (SELECT occ FROM learners ORDER BY i LIMIT 1)) >= 0.5),
	'through the index: the same learners as readiness_score over every row');
RESET enable_seqscan;

-- ---------------------------------------------------------------------------
-- O*NET: importance weighting, hand-computed.  Chief Executives (11-1011.00),
-- from the Skills ratings of the 29.2 release (subset in
-- test/vectors/onet_occupations): Reading Comprehension IM 4.12 LV 4.62,
-- Active Listening IM 4 LV 4.75, Writing IM 4.12 LV 4.38 (essential: IM >= 3;
-- levels round(LV * 5 / 7) = 3, 3, 3), Programming IM 1.75 LV 1 (optional,
-- level 1); three In Demand technologies (Microsoft Excel, Office software,
-- PowerPoint: essential, unrated, weight 3).  Held: Reading Comprehension
-- at 4, Writing at 2 (too low): essential share 4.12 / (4.12 + 4 + 4.12 + 3 * 3).
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE onet_imp AS SELECT import_onet(:'onet_dir') AS r;
SELECT is((SELECT array_agg(c.code || ' ' || q.kind || ' ' || q.level || ' ' || q.importance ORDER BY c.code)
		   FROM occupation_requirement q JOIN competency c ON c.id = q.competency
		   WHERE q.occupation = occupation_id('onet:11-1011.00') AND c.kind = 'element'),
	ARRAY['2.A.1.a essential 3 4.12', '2.A.1.b essential 3 4', '2.A.1.c essential 3 4.12', '2.B.3.e optional 1 1.75'],
	'O*NET ratings become requirements: essential when importance >= 3, level round(LV * 5 / 7)');
SELECT ok(abs(readiness_score(skills(ARRAY['onet:2.A.1.a', 'onet:2.A.1.c'], ARRAY[4, 2]), 'onet:11-1011.00')
			  - 4.12 / (4.12 + 4 + 4.12 + 3 * 3)) < 1e-6,
	'readiness_score weighs by importance (3 where unrated): 4.12 / 21.24');
-- weighted: the fewest essentials whose largest weights reach the share
-- (4.12, 4.12, 4, 3, 3, 3 of 21.24): one for 15%, two for 30%
SELECT is(ARRAY[split_part(readiness_query('onet:11-1011.00', 0.15)::text, ' ', 1),
				split_part(readiness_query('onet:11-1011.00', 0.3)::text, ' ', 1)], ARRAY['1', '2'],
	'readiness_query with importance weights asks for the fewest essentials that can reach the share');
SELECT ok(closure(skills(ARRAY['onet:2.A.1.a'], ARRAY[4])) @@ readiness_query('onet:11-1011.00', 0.15)
	  AND NOT closure(skills(ARRAY['onet:2.A.1.a'], ARRAY[4])) @@ readiness_query('onet:11-1011.00', 0.3),
	'and holds for a learner whose weighted share reaches it, not one whose share cannot');
SELECT throws_ok($$SELECT credreg.readiness('{}', 'esco:no-such-code')$$, '22023',
	'unrecognized occupation reference "esco:no-such-code"', 'an unknown occupation is an error');
SELECT throws_ok($$SELECT credreg.readiness_score('{}', 'onet:2.A.1.a')$$, '22023',
	'competency "onet:2.A.1.a" is not an occupation', 'so is a competency that is not an occupation');
SELECT throws_ok($$SELECT credreg.readiness_query('onet:11-1011.00', 1.5)$$, '22023',
	'readiness threshold must be between 0 and 1', 'a threshold outside 0..1 is an error');

-- the crosswalk (subset): confidence 2 with a 1:1 code mapping is
-- exactMatch (2 rows to Chief Executives); the rest closeMatch, including
-- confidence 2 for 15-1132.00, which splits into two 2019 codes
\! cp test/vectors/crosswalk_esco_onet/*.csv tmp_run/occ_tap_onet/ && chmod a+r tmp_run/occ_tap_onet/*.csv
SELECT is((SELECT r - 'seconds' FROM import_occupation_crosswalk(:'onet_dir') r),
	'{"rows": 17, "relations": 17, "closeMatch": 15, "exactMatch": 2, "unknownEscoOccupations": 0}'::jsonb,
	'the ESCO-O*NET crosswalk loads as exactMatch and closeMatch relations');
SELECT is((SELECT count(*)::int FROM competency_relation r JOIN competency e ON e.id = r.src JOIN competency o ON o.id = r.dst
		   WHERE r.source = 'crosswalk-esco-onet' AND e.framework = 'esco' AND e.kind = 'occupation'
			 AND o.uri = 'urn:onet:occupation:15-1252.00' AND r.kind = 'closeMatch'), 4,
	'ESCO software developers map to O*NET 15-1252.00 through the 2010-to-2019 code crosswalk');
SELECT is((SELECT jsonb_agg(q ->> 'reason' ORDER BY q #>> '{required,id}')
		   FROM jsonb_array_elements(readiness(skills(ARRAY['onet:2.A.1.a', 'onet:2.A.1.c'], ARRAY[4, 2]),
											   'onet:11-1011.00') -> 'requirements') q
		   WHERE q ->> 'kind' = 'essential' AND q #>> '{required,uri}' LIKE 'urn:onet:element:%'),
	'[null, "not_held", "level_too_low"]'::jsonb, 'verdicts: met, not held, level too low');

-- ---------------------------------------------------------------------------
-- recommend(): 200 random instances against the optimum by enumeration
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE rec_check (inst int, k int, greedy int, opt int, npicks int, mincover int, hm float8, fullgreedy int, fullopt int, det boolean);
DO $$
DECLARE
	skills_a text[] := (SELECT array_agg(conceptUri ORDER BY md5(conceptUri)) FROM (SELECT conceptUri FROM s_skills LIMIT 400) s);
	req credreg.skillset; cands jsonb; start int; c jsonb; r jsonb; r2 jsonb; rfull jsonb;
	ncand int; k int; best int; cov int; m int; mincover int; fullbest int; nreq int;
	u credreg.skillset;
BEGIN
	PERFORM setseed(0.77);
	FOR inst IN 1 .. 200 LOOP
		nreq := 4 + floor(random() * 6)::int;
		start := 1 + floor(random() * 300)::int;
		req := credreg.skills(skills_a[start : start + nreq - 1]);
		nreq := credreg.skillset_count(req);
		ncand := 3 + floor(random() * 4)::int;
		k := 1 + floor(random() * 3)::int;
		cands := '[]';
		FOR j IN 1 .. ncand LOOP
			cands := cands || jsonb_build_array(jsonb_build_object('achievement', 'urn:a' || j, 'alignments',
				(SELECT coalesce(jsonb_agg(jsonb_build_object('targetUrl', s.uri)), '[]')
				 FROM credreg.skillset_labels(req) s WHERE random() < 0.35)));
		END LOOP;
		r := credreg.recommend('{}'::credreg.skillset, req, cands, k);
		r2 := credreg.recommend('{}'::credreg.skillset, req, cands, k);
		rfull := credreg.recommend('{}'::credreg.skillset, req, cands, ncand);
		-- optimum over every subset of at most k candidates, and the
		-- smallest subset closing what all of them close
		best := 0; fullbest := 0; mincover := NULL;
		FOR mask IN 0 .. (1 << ncand) - 1 LOOP
			u := '{}';
			FOR j IN 0 .. ncand - 1 LOOP
				IF mask & (1 << j) <> 0 THEN
					u := u OPERATOR(credreg.|) credreg.candidate_skills(cands -> j);
				END IF;
			END LOOP;
			cov := nreq - credreg.skillset_count(credreg.gap(u, req));
			IF length(replace((mask::bit(8))::text, '0', '')) <= k AND cov > best THEN
				best := cov;
			END IF;
			IF cov > fullbest OR (cov = fullbest AND length(replace((mask::bit(8))::text, '0', '')) < mincover) THEN
				fullbest := cov; mincover := length(replace((mask::bit(8))::text, '0', ''));
			END IF;
		END LOOP;
		SELECT max(nreq - credreg.skillset_count(credreg.gap(credreg.candidate_skills(x), req))) INTO m
			FROM jsonb_array_elements(cands) x;
		INSERT INTO rec_check SELECT inst, k,
			(SELECT coalesce(sum(jsonb_array_length(p -> 'closes')), 0) FROM jsonb_array_elements(r -> 'recommendations') p),
			best,
			jsonb_array_length(rfull -> 'recommendations'),
			mincover, (SELECT coalesce(sum(1.0 / h), 0) FROM generate_series(1, greatest(m, 0)) h),
			(SELECT coalesce(sum(jsonb_array_length(p -> 'closes')), 0)
			 FROM jsonb_array_elements(rfull -> 'recommendations') p),
			fullbest, r = r2;
	END LOOP;
END
$$;
SELECT is((SELECT count(*)::int FROM rec_check WHERE greedy::float8 < (1 - (1 - 1.0 / k) ^ k) * opt - 1e-9), 0,
	'recommend closes at least 1 - (1 - 1/k)^k of the optimum of k candidates on all 200 instances');
SELECT is((SELECT count(*)::int FROM rec_check WHERE fullgreedy <> fullopt OR npicks > hm * mincover + 1e-9), 0,
	'without a budget it closes everything closable with at most H(m) times the fewest candidates');
SELECT ok((SELECT bool_and(det) FROM rec_check),
	'recommend is deterministic');

-- with a stack rule: the first recommendation is next_best's best row
SELECT is((recommend('[{"id": "a1", "tags": ["a"]}]'::jsonb,
		'{"id": "r", "root": {"type": "all", "children": [
			{"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 3},
			{"type": "items", "id": "D", "select": {"tag": "d"}, "minItems": 1}]}}'::stackrule,
		'[{"achievement": "urn:d", "tags": ["d"]}, {"achievement": "urn:a2", "tags": ["a"]}, {"achievement": "urn:x"}]'::jsonb)
		#>> '{recommendations,0,achievement}'),
	(SELECT achievement FROM next_best('{"id": "r", "root": {"type": "all", "children": [
			{"type": "items", "id": "A", "select": {"tag": "a"}, "minItems": 3},
			{"type": "items", "id": "D", "select": {"tag": "d"}, "minItems": 1}]}}'::stackrule,
		'[{"id": "a1", "tags": ["a"]}]'::jsonb,
		'[{"achievement": "urn:d", "tags": ["d"]}, {"achievement": "urn:a2", "tags": ["a"]}, {"achievement": "urn:x"}]'::jsonb) LIMIT 1),
	'with a stack rule target recommend agrees with next_best');

\! rm -rf tmp_run/occ_tap tmp_run/occ_tap_onet
SELECT * FROM finish();
ROLLBACK;

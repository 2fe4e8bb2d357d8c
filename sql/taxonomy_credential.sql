-- Competencies of credentials (skills_of, unresolved_alignments) and
-- competency search, on the real ESCO data.
SET search_path = credreg, public;

SELECT count(*) = 0 AS need_import FROM competency WHERE framework = 'esco' \gset
\if :need_import
\! rm -rf tmp_run/esco_cred && mkdir -p tmp_run/esco_cred && cp data/esco/*.csv.gz tmp_run/esco_cred/
\set esco_dir `readlink -f tmp_run`/esco_cred
SELECT (import_esco(:'esco_dir') ->> 'skills')::int AS imported_skills \gset
\! rm -rf tmp_run/esco_cred
\endif

-- the 1EdTech samples: no alignment targets a known framework, so all are
-- reported as unresolved (nothing is dropped silently)
\set ob30 `cat test/vectors/openbadges_clr/ob30_complete.json`
\set clr20 `cat test/vectors/openbadges_clr/clr20_complex.json`
SELECT skills_of(:'ob30');
SELECT * FROM unresolved_alignments(:'ob30');
SELECT skills_of(:'clr20'), count(*) AS unresolved FROM unresolved_alignments(:'clr20');

-- an OB 3.0 skill assertion aligned to ESCO: achievement, result
-- description with rubric levels, achieved level, letter grade, a failed
-- result, and an alignment by framework and code
\set cred '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "urn:example:ach:data", "type": ["Achievement"], "name": "Data analysis with SQL", "criteria": {"narrative": "x"}, "description": "x", "alignment": [{"type": ["Alignment"], "targetName": "SQL", "targetFramework": "ESCO", "targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}, {"type": ["Alignment"], "targetName": "Internal skill", "targetUrl": "https://example.edu/skills/internal"}], "resultDescription": [{"id": "urn:example:rd:python", "type": ["ResultDescription"], "name": "Python", "resultType": "RubricCriterionLevel", "alignment": [{"type": ["Alignment"], "targetName": "Python", "targetUrl": "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"}], "rubricCriterionLevel": [{"id": "urn:example:l1", "type": ["RubricCriterionLevel"], "name": "novice", "alignment": [{"type": ["Alignment"], "targetName": "use spreadsheets software", "targetUrl": "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"}]}, {"id": "urn:example:l2", "type": ["RubricCriterionLevel"], "name": "competent"}, {"id": "urn:example:l3", "type": ["RubricCriterionLevel"], "name": "proficient", "alignment": [{"type": ["Alignment"], "targetName": "web programming", "targetUrl": "http://data.europa.eu/esco/skill/unknown-web"}]}, {"id": "urn:example:l4", "type": ["RubricCriterionLevel"], "name": "expert", "alignment": [{"type": ["Alignment"], "targetName": "JavaScript", "targetUrl": "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"}]}]}, {"id": "urn:example:rd:grade", "type": ["ResultDescription"], "name": "Grade", "resultType": "LetterGrade", "allowedValue": ["D", "C", "B", "A"], "alignment": [{"type": ["Alignment"], "targetName": "digital content creation", "targetFramework": "esco", "targetCode": "S5.6.1", "targetUrl": "urn:example:not-a-concept"}]}, {"id": "urn:example:rd:failed", "type": ["ResultDescription"], "name": "Failed part", "resultType": "Status", "alignment": [{"type": ["Alignment"], "targetName": "MySQL", "targetUrl": "http://data.europa.eu/esco/skill/4da171e5-779c-4983-a76f-91c16751e99f"}]}]}, "result": [{"type": ["Result"], "resultDescription": "urn:example:rd:python", "achievedLevel": "urn:example:l3"}, {"type": ["Result"], "resultDescription": "urn:example:rd:grade", "value": "B"}, {"type": ["Result"], "resultDescription": "urn:example:rd:failed", "status": "Failed"}]}}'
SELECT source, target_name, level, competency IS NOT NULL AS resolved FROM credential_alignments(:'cred') ORDER BY 1, 2;
SELECT c.label, s.level FROM skillset_each(skills_of(:'cred')) s JOIN competency c USING (id) ORDER BY 1;
SELECT source, target_name, target_url, level FROM unresolved_alignments(:'cred') ORDER BY 1, 2;
-- a VC-JWT payload ({"vc": ...}) and a CLR wrapping the same credential
SELECT skills_of(jsonb_build_object('vc', :'cred'::jsonb)) = skills_of(:'cred') AS jwt_payload,
       skills_of(jsonb_build_object('type', '["VerifiableCredential", "ClrCredential"]'::jsonb,
			'credentialSubject', jsonb_build_object('verifiableCredential', jsonb_build_array(:'cred'::jsonb)))) = skills_of(:'cred') AS clr;
-- closure of what the credential proves satisfies a recruiter's requirement
SELECT match(skills_of(:'cred'), skills(ARRAY['http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97'], ARRAY[3])) ->> 'score' AS computer_programming_at_3;
-- malformed or empty credentials yield nothing rather than errors
SELECT skills_of('{}'), skills_of('[]'), skills_of('"x"'), skills_of('{"credentialSubject": 5}'),
       skills_of('{"credentialSubject": {"achievement": {"alignment": [5, null, {"targetUrl": 7}]}}}');
SELECT count(*) FROM unresolved_alignments('{"credentialSubject": {"achievement": {"alignment": [{"targetName": "no url"}]}}}');

-- search
SELECT label, matched, matched_as, round(score::numeric, 3) AS score FROM competency_search('Python', 3);
SELECT label, matched, matched_as, round(score::numeric, 3) AS score FROM competency_search('postgres', 3);
SELECT label, matched, matched_as FROM competency_search('SQL', 5);
SELECT label, matched_as FROM competency_search('computer programming', 3);
SELECT label FROM competency_search('Programmation informatique (Python)', 3);
SELECT count(*) FROM competency_search('', 5);
SELECT count(*) FROM competency_search('qqqqzzzz', 5);
SELECT count(*) FROM competency_search('python', 0);
SELECT label_norm('Python (computer programming)'), label_norm('  Élaborer   des RÈGLES, C++ & C#!  '), label_norm('Straße (old) Œuvre');
SELECT label_similarity('python', 'python'), label_similarity('python', 'jython') > 0.3, label_similarity('', 'x');

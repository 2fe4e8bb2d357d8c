-- ESCO import (the real v1.1.1 release shipped in data/esco), idempotence,
-- and malformed importer input.
SET search_path = credreg, public;

-- the server reads the files: hand it an absolute path it can reach
\! rm -rf tmp_run/esco_test && mkdir -p tmp_run/esco_test && cp data/esco/*.csv.gz tmp_run/esco_test/
\set esco_dir `readlink -f tmp_run`/esco_test

-- start from an empty taxonomy (other tests may have imported already)
TRUNCATE competency, competency_label, competency_relation, occupation_requirement, framework;
SELECT count(*) AS competencies_before FROM competency;
SELECT r - 'seconds' - 'rejectedRows' AS first_import, r -> 'rejectedRows' AS rejected_rows
FROM import_esco(:'esco_dir') r;
SELECT r - 'seconds' - 'rejectedRows' AS second_import FROM import_esco(:'esco_dir' || '/') r;
SELECT kind, top_level, count(*) FROM competency WHERE framework = 'esco' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT kind, count(*) FROM competency_relation GROUP BY 1;
SELECT l.kind, count(*) FROM competency_label l GROUP BY 1 ORDER BY 1;
SELECT code, label FROM competency WHERE top_level ORDER BY uri;

-- the example the issue names
SELECT c.label, p.label AS broader
FROM competency c JOIN competency_relation r ON r.src = c.id AND r.kind = 'broader'
	JOIN competency p ON p.id = r.dst
WHERE c.label IN ('SQL', 'Python (computer programming)') ORDER BY 1, 2;
SELECT l.kind, l.label, l.norm FROM competency_label l JOIN competency c ON c.id = l.competency
WHERE c.label = 'Python (computer programming)' ORDER BY l.kind, l.label;

-- malformed importer input
SELECT import_esco('relative/path');
SELECT import_esco('/nonexistent/esco');
\! mkdir -p /tmp/credreg_taxonomy_regress && printf 'conceptType,conceptUri\nX,http://example.org/a\n' > /tmp/credreg_taxonomy_regress/skills_en.csv
\set bad_dir /tmp/credreg_taxonomy_regress
SELECT import_esco(:'bad_dir');
\! printf 'a,"unterminated\n' > /tmp/credreg_taxonomy_regress/skills_en.csv
SELECT import_esco(:'bad_dir');
\! printf 'a,"x"y\n' > /tmp/credreg_taxonomy_regress/skills_en.csv
SELECT import_esco(:'bad_dir');
\! printf 'a,\377\376\n' > /tmp/credreg_taxonomy_regress/skills_en.csv
SELECT import_esco(:'bad_dir');
-- rows it cannot use are reported, not dropped silently
\! printf 'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\nKnowledgeSkillCompetence,http://example.org/s1,skill/competence,,local skill one,"one\nuno",,released,,,,,\nshort,row\nKnowledgeSkillCompetence,not-a-uri,skill/competence,,x,,,released,,,,,\n' > /tmp/credreg_taxonomy_regress/skills_en.csv
\! printf 'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code\nSkillGroup,http://example.org/g1,local group,,,released,,,,,G1\n' > /tmp/credreg_taxonomy_regress/skillGroups_en.csv
\! printf 'Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code\nhttp://example.org/g1,local group,,,,,,,,,G1,,,\n' > /tmp/credreg_taxonomy_regress/skillsHierarchy_en.csv
\! printf 'conceptType,conceptUri,broaderType,broaderUri\nKnowledgeSkillCompetence,http://example.org/s1,SkillGroup,http://example.org/g1\nKnowledgeSkillCompetence,http://example.org/s1,SkillGroup,http://example.org/missing\nKnowledgeSkillCompetence,http://example.org/s1,KnowledgeSkillCompetence,http://example.org/s1\n' > /tmp/credreg_taxonomy_regress/broaderRelationsSkillPillar.csv
BEGIN;
SELECT r - 'seconds' FROM import_esco(:'bad_dir') r;
ROLLBACK;

-- privileges: reading server files is not for everyone
CREATE ROLE taxonomy_nobody;
GRANT USAGE ON SCHEMA credreg TO taxonomy_nobody;
SET ROLE taxonomy_nobody;
SELECT import_esco('/tmp');
SELECT * FROM taxonomy_read_file('/tmp/x');
RESET ROLE;
GRANT EXECUTE ON FUNCTION taxonomy_read_file(text, boolean) TO taxonomy_nobody;
SET ROLE taxonomy_nobody;
SELECT * FROM taxonomy_read_file('/tmp/x');
RESET ROLE;
REVOKE ALL ON FUNCTION taxonomy_read_file(text, boolean) FROM taxonomy_nobody;
REVOKE ALL ON SCHEMA credreg FROM taxonomy_nobody;
DROP ROLE taxonomy_nobody;
\! rm -rf /tmp/credreg_taxonomy_regress tmp_run/esco_test

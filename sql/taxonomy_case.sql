-- CASE 1.1 CFPackage import: the OpenSALT sample packages (including the
-- CCSS Math package and a derived framework whose items are exactMatchOf
-- CCSS items), idempotence, matching across the crosswalk, malformed input.
SET search_path = credreg, public;

\! rm -rf tmp_run/case_test && mkdir -p tmp_run/case_test && cp test/vectors/case/*.json* tmp_run/case_test/
\set case_dir `readlink -f tmp_run`/case_test

SELECT r - 'seconds' AS ccss FROM import_case(taxonomy_read_text(:'case_dir' || '/ccss_math_cfs_sample_2017.json')::jsonb, 'ccss-math') r;
SELECT r - 'seconds' - 'rejectedRows' AS derived, r -> 'rejectedRows' -> 0 AS first_rejected
FROM import_case(taxonomy_read_text(:'case_dir' || '/what_standards_could_be_20c5134f.json')::jsonb) r;
SELECT r - 'seconds' AS ordering FROM import_case(taxonomy_read_text(:'case_dir' || '/test_Ordering.json')::jsonb, 'act-math') r;
SELECT r - 'seconds' AS smartlevel FROM import_case(taxonomy_read_text(:'case_dir' || '/test_SmartLevelFramework.json')::jsonb) r;
SELECT r - 'seconds' AS empty FROM import_case(taxonomy_read_text(:'case_dir' || '/test_EmptyExternalFramework.json')::jsonb) r;
SELECT r - 'seconds' AS utf8 FROM import_case(taxonomy_read_text(:'case_dir' || '/test_Utf8TestFramework.json')::jsonb) r;
-- again: updates, never duplicates
SELECT count(*) AS competencies, (SELECT count(*) FROM competency_relation) AS relations FROM competency WHERE framework LIKE 'case-%' OR framework IN ('act-math', 'ccss-math');
SELECT (r ->> 'items')::int AS items FROM import_case(taxonomy_read_text(:'case_dir' || '/ccss_math_cfs_sample_2017.json')::jsonb, 'ccss-math') r;
SELECT (r ->> 'items')::int AS items FROM import_case(taxonomy_read_text(:'case_dir' || '/test_Ordering.json')::jsonb, 'act-math') r;
SELECT count(*) AS competencies, (SELECT count(*) FROM competency_relation) AS relations FROM competency WHERE framework LIKE 'case-%' OR framework IN ('act-math', 'ccss-math');
SELECT framework, kind, top_level, count(*) FROM competency WHERE framework LIKE 'case-%' OR framework IN ('act-math', 'ccss-math') GROUP BY 1, 2, 3 ORDER BY 1, 2;

-- the hierarchy works for CASE items: a CCSS standard satisfies its cluster
-- and domain, not the reverse; the document itself is never a target
SELECT c.framework, c.code, c.label FROM competency c WHERE c.code IN ('CCSS.Math.Content.6.RP.A.1', 'CCSS.Math.Content.6.RP.A') ORDER BY 1, 2;
SELECT competency_id('ccss-math:CCSS.Math.Content.6.RP.A.1') IS NOT NULL AS code_ref;
SELECT match(skills(ARRAY['ccss-math:CCSS.Math.Content.6.RP.A.1'], ARRAY[3]),
	skills(ARRAY['ccss-math:CCSS.Math.Content.6.RP.A'], ARRAY[3])) -> 'requirements' -> 0 -> 'via' AS standard_satisfies_cluster;
SELECT match(skills(ARRAY['ccss-math:CCSS.Math.Content.6.RP.A']),
	skills(ARRAY['ccss-math:CCSS.Math.Content.6.RP.A.1'])) -> 'requirements' -> 0 ->> 'reason' AS cluster_for_standard;
SELECT match(skills(ARRAY['ccss-math:CCSS.Math.Content.6.RP.A.1']),
	skillset(ARRAY[(SELECT id FROM competency WHERE kind = 'document' AND label = 'Common Core State Standards for Mathematics')])) -> 'requirements' -> 0 ->> 'reason' AS document_target;
SELECT ancestors.label FROM competency a,
	LATERAL (SELECT c.label FROM skillset_each(closure(skillset(ARRAY[a.id]))) s JOIN competency c USING (id) WHERE c.id <> a.id) ancestors
WHERE a.code = 'CCSS.Math.Content.6.RP.A.1' AND a.framework = 'ccss-math' ORDER BY 1;

-- malformed packages
SELECT import_case('[]');
SELECT import_case('{}');
SELECT import_case('{"CFDocument": {"uri": "urn:x", "identifier": "x"}}');
SELECT import_case('{"CFDocument": {"uri": "urn:x", "identifier": "x", "title": "X"}, "CFItems": {}}');
SELECT import_case('{"CFDocument": {"uri": "urn:x", "identifier": "x", "title": "X"}}', 'Bad Key');
BEGIN;
SELECT r - 'seconds' FROM import_case('{"CFPackage": {"CFDocument": {"uri": "urn:doc", "identifier": "doc-1", "title": "Doc"},
	"CFItems": [{"uri": "urn:i1", "fullStatement": "Item one", "humanCodingScheme": "I1", "conceptKeywords": ["alpha", "beta"]},
		{"uri": "urn:i2", "fullStatement": "Item two", "humanCodingScheme": "I1"}, 5, {"uri": "urn:i3"}, {"fullStatement": "no uri"}],
	"CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"uri": "urn:i1"}, "destinationNodeURI": {"uri": "urn:doc"}},
		{"associationType": "isChildOf", "originNodeURI": {"uri": "urn:i2"}, "destinationNodeURI": {"uri": "urn:i1"}},
		{"associationType": "exactMatchOf", "originNodeURI": {"uri": "urn:i2"}, "destinationNodeURI": {"uri": "urn:elsewhere"}},
		{"associationType": "isChildOf", "originNodeURI": {"uri": "urn:i1"}, "destinationNodeURI": {"uri": "urn:i1"}},
		{"associationType": "precedes", "originNodeURI": {"uri": "urn:i1"}, "destinationNodeURI": {"uri": "urn:i2"}},
		{"associationType": "ext:custom", "originNodeURI": {"uri": "urn:i1"}, "destinationNodeURI": {"uri": "urn:i2"}},
		"x"]}}') r;
SELECT code, label FROM competency WHERE framework = 'case-doc-1' ORDER BY uri;
SELECT l.kind, l.label FROM competency_label l JOIN competency c ON c.id = l.competency WHERE c.uri = 'urn:i1' ORDER BY 1, 2;
ROLLBACK;
\! rm -rf tmp_run/case_test

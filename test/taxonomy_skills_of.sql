-- skills_of in C gives the answer of the SQL it replaced (the skillset of
-- credential_alignments' resolved rows): on every credential of the signed
-- corpus and the 1EdTech samples, and on 2,000 generated credentials with
-- results, result descriptions, rubric levels, allowed values, statuses,
-- embedded CLR credentials and "vc" wrappers.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\set ob30 `cat test/vectors/openbadges_clr/ob30_complete.json`
\set clr20 `cat test/vectors/openbadges_clr/clr20_complex.json`

BEGIN;
SET LOCAL client_min_messages = error;
SET LOCAL search_path = credreg, public;
SELECT plan(6);

-- the SQL definition of 0.1.0
CREATE FUNCTION pg_temp.old_skills_of(credential jsonb) RETURNS credreg.skillset LANGUAGE sql STABLE STRICT AS $$
	SELECT coalesce(credreg.skillset(array_agg(competency), array_agg(level)), '{}'::credreg.skillset)
	FROM credreg.credential_alignments(credential) WHERE competency IS NOT NULL $$;

CREATE TEMP TABLE line (doc jsonb) ON COMMIT DROP;
\copy line (doc) FROM 'test/vectors/corpus/ob3-eddsa-jcs-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy line (doc) FROM 'test/vectors/corpus/ob3-eddsa-rdfc-2022.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy line (doc) FROM 'test/vectors/corpus/ecdsa-rdfc-2019-p256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy line (doc) FROM 'test/vectors/corpus/vc-jwt-eddsa.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy line (doc) FROM 'test/vectors/corpus/vc-jwt11-es256.ndjson' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
CREATE TEMP TABLE cred ON COMMIT DROP AS
	SELECT CASE jsonb_typeof(doc -> 'credential') WHEN 'string' THEN credreg.credential_payload(doc ->> 'credential')
		ELSE doc -> 'credential' END AS c
	FROM line
	UNION ALL VALUES (:'ob30'::jsonb), (:'clr20'::jsonb);

-- a framework whose codes are referred to as TST:code, and competencies for
-- half of the URLs the credentials align to (the rest stay unresolved)
INSERT INTO credreg.framework (key, name) VALUES ('tst', 'test framework');
INSERT INTO credreg.competency (framework, uri, code, label, kind)
	SELECT 'tst', u, NULL, 'aligned ' || u, 'skill'
	FROM (SELECT DISTINCT target_url AS u FROM cred, credreg.credential_alignments(c)
		  WHERE target_url IS NOT NULL) t
	WHERE hashtext(u) % 2 = 0;
INSERT INTO credreg.competency (framework, uri, code, label, kind)
	SELECT 'tst', 'https://tst.example/c/' || i, 'c' || i, 'test competency ' || i, 'skill'
	FROM generate_series(1, 30) i;
CREATE TEMP TABLE resolved_urls ON COMMIT DROP AS SELECT count(*) AS n FROM credreg.competency WHERE code IS NULL;

SELECT is((SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
	WHERE p.oid = 'credreg.skills_of(jsonb)'::regprocedure), 'c', 'skills_of is a C function');
SELECT ok((SELECT n FROM resolved_urls) > 0 AND
	(SELECT count(*) FROM cred WHERE NOT credreg.skills_of(c) = '{}') > 0, 'the corpus aligns to known competencies');
SELECT is((SELECT count(*) FROM cred WHERE NOT credreg.skills_of(c) = pg_temp.old_skills_of(c)), 0::bigint,
	'skills_of = the 0.1.0 SQL on every corpus and 1EdTech credential');
SELECT is((SELECT count(*) FROM (VALUES ('{}'::jsonb), ('[]'), ('"x"'), ('null'), ('{"credentialSubject": 5}'),
		('{"credentialSubject": {"achievement": {"alignment": [5, null, {"targetUrl": 7}]}}}'),
		('{"vc": null}'), ('{"vc": {"credentialSubject": [1, {"achievement": []}]}}')) v(c)
	WHERE NOT credreg.skills_of(c) = pg_temp.old_skills_of(c)), 0::bigint, '... and on degenerate documents');

-- generated credentials: each piece present or not, well- or ill-typed
SELECT setseed(0.07);
CREATE FUNCTION pg_temp.pick(VARIADIC a jsonb[]) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT a[1 + floor(random() * cardinality(a))::int] $$;
CREATE FUNCTION pg_temp.al() RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT pg_temp.pick(
		jsonb_build_object('targetUrl', 'https://tst.example/c/' || (1 + floor(random() * 40))::int),
		jsonb_build_object('targetFramework', pg_temp.pick('"TST"', '"tst"', '"Tst"', '"other"'),
						   'targetCode', 'c' || (1 + floor(random() * 40))::int),
		jsonb_build_object('targetUrl', 'https://unknown.example/x', 'targetFramework', 'TST',
						   'targetCode', 'c' || (1 + floor(random() * 40))::int),
		'"not an alignment"'::jsonb) $$;
CREATE FUNCTION pg_temp.als() RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT pg_temp.pick(NULL, 'null', pg_temp.al(), jsonb_build_array(pg_temp.al(), pg_temp.al())) $$;
CREATE FUNCTION pg_temp.rubric(n int) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', 'L' || (i - 1),
		'alignment', pg_temp.al()))), '[]') FROM generate_series(1, n) i $$;
CREATE FUNCTION pg_temp.subject() RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'achievement', pg_temp.pick(NULL, jsonb_build_object(
			'alignment', pg_temp.als(),
			'resultDescription', pg_temp.pick(NULL, jsonb_build_array(
				jsonb_strip_nulls(jsonb_build_object('id', 'rd1', 'alignment', pg_temp.als(),
					'rubricCriterionLevel', pg_temp.pick(NULL, 'null', pg_temp.rubric(1 + floor(random() * 4)::int),
					pg_temp.rubric(1 + floor(random() * 4)::int)),
					'allowedValue', pg_temp.pick(NULL, '["A", "B", "C"]', '"B"', '[1, 2, 3]'))),
				jsonb_build_object('id', pg_temp.pick('"rd1"', '"rd2"'), 'alignment', pg_temp.als()))))),
		'result', pg_temp.pick(NULL, jsonb_build_array(
			jsonb_strip_nulls(jsonb_build_object('resultDescription', pg_temp.pick(NULL, '"rd1"', '"rd1"', '"rd1"', '"rd2"', '"rd3"'),
				'status', pg_temp.pick(NULL, '"Completed"', '"Completed"', '"InProgress"'),
				'achievedLevel', pg_temp.pick(NULL, '"L0"', '"L1"', '"L2"', '"L3"'),
				'value', pg_temp.pick(NULL, '"A"', '"C"', '2', '3'),
				'alignment', pg_temp.als())),
			'"not a result"'::jsonb)))) $$;
CREATE FUNCTION pg_temp.credential(depth int) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE s jsonb := pg_temp.subject();
BEGIN
	IF depth > 0 AND random() < 0.6 THEN
		s := s || jsonb_build_object('verifiableCredential',
			jsonb_build_array(pg_temp.credential(depth - 1), pg_temp.credential(depth - 1)));
	END IF;
	IF random() < 0.2 THEN
		RETURN jsonb_build_object('vc', jsonb_build_object('credentialSubject', s));
	END IF;
	RETURN jsonb_build_object('credentialSubject', CASE WHEN random() < 0.2 THEN jsonb_build_array(s) ELSE s END);
END $$;
CREATE TEMP TABLE gen ON COMMIT DROP AS
	SELECT pg_temp.credential(floor(random() * 7)::int) AS c FROM generate_series(1, 2000);
SELECT ok((SELECT count(*) FROM gen WHERE (SELECT count(*) FROM credreg.skillset_each(credreg.skills_of(c)) WHERE level > 0) > 0) > 50,
	'generated credentials prove levels through results, rubrics and values');
SELECT is((SELECT count(*) FROM gen WHERE NOT credreg.skills_of(c) = pg_temp.old_skills_of(c)), 0::bigint,
	'skills_of = the 0.1.0 SQL on 2,000 generated credentials');

SELECT * FROM finish();
ROLLBACK;

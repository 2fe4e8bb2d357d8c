-- credreg demo, part 2: issuing.  Every award is an Open Badges 3.0
-- credential signed here with credreg.sign, in every securing format
-- credreg signs: VC-JOSE vc+jwt (EdDSA and ES256), eddsa-jcs-2022,
-- ecdsa-jcs-2019, eddsa-rdfc-2022 and ecdsa-rdfc-2019.  Some are planted to
-- fail: expired, not yet valid, revoked through a Bitstring Status List,
-- tampered after signing, signed with a key that is not the issuer's, or
-- from an untrusted issuer.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- An Open Badges 3.0 AchievementCredential for one award.
CREATE FUNCTION demo.ob3(award_id text, a demo.achievement, i demo.issuer, learner text, level int,
						 valid_from timestamptz, valid_until timestamptz, status jsonb)
	RETURNS jsonb LANGUAGE sql STABLE
AS $$
SELECT jsonb_strip_nulls(jsonb_build_object(
	'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2',
								  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'),
	'id', 'https://registry.example.edu/awards/' || award_id,
	'type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
	'issuer', jsonb_build_object('id', i.id, 'type', jsonb_build_array('Profile'), 'name', i.name),
	'validFrom', to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	'validUntil', to_char(valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	'name', a.name,
	'credentialSubject', jsonb_build_object(
		'id', learner,
		'type', jsonb_build_array('AchievementSubject'),
		'achievement', jsonb_build_object(
			'id', a.id,
			'type', jsonb_build_array('Achievement'),
			'achievementType', 'MicroCredential',
			'name', a.name,
			'criteria', jsonb_build_object('narrative', 'Passed the assessed project for ' || a.name || '.'),
			'creditsAvailable', a.credits,
			'alignment', jsonb_build_array(jsonb_build_object(
				'type', jsonb_build_array('Alignment'), 'targetType', 'ceasn:Competency',
				'targetFramework', 'ESCO', 'targetUrl', a.esco_skill, 'targetName', a.name)),
			'resultDescription', jsonb_build_array(jsonb_build_object(
				'id', a.id || '#proficiency',
				'type', jsonb_build_array('ResultDescription'),
				'name', 'Proficiency', 'resultType', 'RubricCriterionLevel',
				'alignment', jsonb_build_array(jsonb_build_object(
					'type', jsonb_build_array('Alignment'), 'targetType', 'ceasn:Competency',
					'targetFramework', 'ESCO', 'targetUrl', a.esco_skill, 'targetName', a.name)),
				'rubricCriterionLevel', (SELECT jsonb_agg(jsonb_build_object(
						'id', a.id || '#level-' || n, 'type', jsonb_build_array('RubricCriterionLevel'),
						'name', (ARRAY['Novice', 'Developing', 'Proficient', 'Advanced', 'Expert'])[n]) ORDER BY n)
					FROM generate_series(1, 5) n)))),
		'result', jsonb_build_array(jsonb_build_object(
			'type', jsonb_build_array('Result'),
			'resultDescription', a.id || '#proficiency',
			'achievedLevel', a.id || '#level-' || level))),
	'credentialStatus', status))
$$;

-- The university's revocation list: a Bitstring Status List, signed and
-- stored; credentials point into it by index.
CREATE TABLE demo.status_index (award_id text PRIMARY KEY, idx int NOT NULL UNIQUE);

-- The plan: who earned what, in which format, and what goes wrong.
CREATE TABLE demo.award (
	award_id text PRIMARY KEY,
	learner_id text NOT NULL REFERENCES demo.learner (id),
	achievement_id text NOT NULL REFERENCES demo.achievement (id),
	level int NOT NULL,
	suite text NOT NULL,			-- vc+jwt, eddsa-jcs-2022, ecdsa-jcs-2019, eddsa-rdfc-2022, ecdsa-rdfc-2019
	earned_at timestamptz NOT NULL,
	valid_until timestamptz,
	planted text,					-- what the demo did wrong on purpose
	credential text
);
INSERT INTO demo.award (award_id, learner_id, achievement_id, level, suite, earned_at, valid_until, planted)
SELECT 'A' || lpad(row_number() OVER ()::text, 3, '0'), 'did:example:learner-' || l,
	   CASE a WHEN 'sql' THEN 'https://esu.example.edu/achievements/sql-fundamentals'
			  WHEN 'py' THEN 'https://esu.example.edu/achievements/python-data'
			  WHEN 'stat' THEN 'https://esu.example.edu/achievements/applied-statistics'
			  WHEN 'mine' THEN 'https://esu.example.edu/achievements/data-mining-project'
			  WHEN 'xls' THEN 'https://northwind.example.edu/achievements/spreadsheet-modelling'
			  WHEN 'viz' THEN 'https://northwind.example.edu/achievements/reporting'
			  WHEN 'ml' THEN 'https://northwind.example.edu/achievements/ml-intro'
			  WHEN 'js' THEN 'https://meridian.example.com/achievements/javascript' END,
	   lvl, suite, earned::timestamptz, until::timestamptz, planted
  FROM (VALUES
	('ana',   'sql',  4, 'vc+jwt',         '2025-02-14', NULL, NULL),
	('ana',   'py',   3, 'eddsa-jcs-2022', '2025-06-20', NULL, NULL),
	('ana',   'stat', 3, 'vc+jwt',         '2025-10-03', NULL, NULL),
	('ana',   'xls',  4, 'ecdsa-jcs-2019', '2024-11-30', NULL, NULL),
	('ana',   'mine', 4, 'eddsa-jcs-2022', '2026-03-12', NULL, NULL),
	('ben',   'sql',  3, 'eddsa-jcs-2022', '2025-03-01', NULL, NULL),
	('ben',   'xls',  3, 'vc+jwt',         '2025-04-11', NULL, NULL),
	('ben',   'viz',  2, 'ecdsa-jcs-2019', '2025-09-09', NULL, NULL),
	('ben',   'py',   2, 'vc+jwt',         '2025-11-20', NULL, 'revoked'),
	('chen',  'sql',  5, 'vc+jwt',         '2023-01-10', '2025-06-30', 'expired'),
	('chen',  'py',   4, 'eddsa-jcs-2022', '2025-05-05', NULL, NULL),
	('chen',  'ml',   4, 'vc+jwt',         '2025-12-01', NULL, NULL),
	('chen',  'stat', 4, 'eddsa-jcs-2022', '2025-08-18', NULL, NULL),
	('dana',  'js',   4, 'eddsa-jcs-2022', '2025-07-07', NULL, 'untrusted issuer'),
	('dana',  'sql',  2, 'vc+jwt',         '2025-09-15', NULL, 'tampered'),
	('dana',  'mine', 3, 'eddsa-jcs-2022', '2026-01-22', NULL, NULL),
	('eli',   'stat', 2, 'vc+jwt',         '2025-03-03', NULL, NULL),
	('eli',   'xls',  3, 'ecdsa-rdfc-2019', '2025-05-25', NULL, NULL),
	('eli',   'sql',  4, 'eddsa-jcs-2022', '2025-10-10', NULL, 'wrong key'),
	('eli',   'viz',  3, 'vc+jwt',         '2027-01-15', NULL, 'not yet valid'),
	('farah', 'py',   4, 'vc+jwt',         '2024-09-01', NULL, NULL),
	('farah', 'sql',  4, 'eddsa-jcs-2022', '2024-10-01', NULL, NULL),
	('farah', 'mine', 4, 'vc+jwt',         '2025-12-12', NULL, NULL),
	('farah', 'stat', 3, 'eddsa-rdfc-2022', '2026-02-02', NULL, NULL)
  ) AS p(l, a, lvl, suite, earned, until, planted);

-- Every university credential gets an index in the status list.
INSERT INTO demo.status_index
SELECT award_id, 1000 + row_number() OVER (ORDER BY award_id)
  FROM demo.award w JOIN demo.achievement a ON a.id = w.achievement_id
 WHERE a.issuer_name = 'Example State University';

-- The credentialStatus entry of an award that has a status list index.
CREATE FUNCTION demo.status_entry(award text) RETURNS jsonb LANGUAGE sql STABLE AS $$
SELECT jsonb_build_object(
	'id', 'https://esu.example.edu/status/2026#' || idx,
	'type', 'BitstringStatusListEntry',
	'statusPurpose', 'revocation',
	'statusListIndex', idx::text,
	'statusListCredential', 'https://esu.example.edu/status/2026')
  FROM demo.status_index WHERE award_id = award
$$;

-- Sign: the issuer's own key, except the planted "wrong key" award, which
-- claims the university as issuer but is signed by Meridian's key.
UPDATE demo.award w
   SET credential = credreg.sign(
		demo.ob3(w.award_id, a, i, w.learner_id, w.level, w.earned_at, w.valid_until,
				 demo.status_entry(w.award_id)),
		k.private_jwk, w.suite, k.verification_method)
  FROM demo.achievement a, demo.issuer i, demo.issuer k
 WHERE a.id = w.achievement_id AND i.name = a.issuer_name
   AND k.name = CASE WHEN w.planted = 'wrong key' THEN 'Meridian Online Academy' ELSE a.issuer_name END;

-- Tamper with one award after signing: raise the achieved level in the
-- JWS payload and keep the old signature.
UPDATE demo.award
   SET credential = split_part(credential, '.', 1) || '.' ||
		rtrim(translate(encode(convert_to(
			replace(convert_from(decode(rpad(translate(split_part(credential, '.', 2), '-_', '+/'),
				(length(split_part(credential, '.', 2)) + 3) / 4 * 4, '='), 'base64'), 'UTF8'),
				'#level-2', '#level-5'), 'UTF8'), 'base64'), E'+/\n', '-_'), '=') || '.' ||
		split_part(credential, '.', 3)
 WHERE planted = 'tampered';

-- The university's status list: Ben's Python award is revoked.  The list
-- credential is itself signed; credreg.status_list refuses one that does
-- not verify.
INSERT INTO credreg.status_list (url, credential)
SELECT 'https://esu.example.edu/status/2026',
	   credreg.sign(credreg.status_list_credential('https://esu.example.edu/status/2026', 'revocation',
					credreg.status_list_set(credreg.status_list_create(),
						(SELECT array_agg(s.idx) FROM demo.status_index s JOIN demo.award w USING (award_id)
						  WHERE w.planted = 'revoked'), true),
					i.id),
					i.private_jwk, 'eddsa-jcs-2022', i.verification_method)
  FROM demo.issuer i WHERE i.name = 'Example State University';

SELECT format('Issued %s credentials: %s', sum(n),
			  string_agg(n || ' ' || suite, ', ' ORDER BY suite))
  FROM (SELECT suite, count(*) AS n FROM demo.award GROUP BY suite) s \gset
\echo :format

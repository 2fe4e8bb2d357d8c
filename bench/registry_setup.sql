-- Shared by bench/registry_*.sh: an Ed25519 issuer (did:key) the registry
-- trusts, a revocation list it signed (stored), and a 60-competency
-- taxonomy (20 groups above 40 skills) the credentials align to.
SET client_min_messages = warning;
CREATE TABLE bench_key AS
SELECT k AS priv, credreg.pubkey_did(credreg.pubkey_from_private(k)) AS did,
	credreg.pubkey_did(credreg.pubkey_from_private(k)) || '#' || credreg.pubkey_multikey(credreg.pubkey_from_private(k)) AS vm
FROM credreg.generate_key('Ed25519') k;
INSERT INTO credreg.trusted_issuer (issuer, name) SELECT did, 'bench' FROM bench_key;
INSERT INTO credreg.status_list (url, credential)
SELECT 'https://bench.example.edu/status/' || n,
	credreg.sign(credreg.status_list_credential('https://bench.example.edu/status/' || n, 'revocation',
		credreg.status_list_create(), did), priv, 'vc+jwt', vm)
FROM bench_key, generate_series(0, 7) n;
INSERT INTO credreg.framework (key, name) VALUES ('bench', 'bench');
INSERT INTO credreg.competency (framework, uri, label, kind)
SELECT 'bench', 'urn:bench:group:' || g, 'group ' || g, 'group' FROM generate_series(0, 19) g
UNION ALL SELECT 'bench', 'urn:bench:skill:' || s, 'skill ' || s, 'skill' FROM generate_series(0, 39) s;
INSERT INTO credreg.competency_relation (src, dst, kind)
SELECT credreg.competency_id('urn:bench:skill:' || s), credreg.competency_id('urn:bench:group:' || (s % 20)), 'broader'
FROM generate_series(0, 39) s;

-- Signed vc+jwt Open Badges credentials first..n-1: learner i % (n / 3),
-- two alignments, a status entry at index i % 131072 of list i / 131072.
CREATE FUNCTION bench_credentials(n int, first int DEFAULT 0) RETURNS TABLE (i int, jws text) LANGUAGE sql AS $$
SELECT i, credreg.sign(jsonb_build_object(
	'@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2',
		'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'),
	'id', 'urn:bench:credential:' || i,
	'type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
	'issuer', did, 'validFrom', '2026-01-01T00:00:00Z',
	'credentialSubject', jsonb_build_object('id', 'did:example:learner-' || (i % greatest(n / 3, 1)),
		'type', jsonb_build_array('AchievementSubject'),
		'achievement', jsonb_build_object('id', 'urn:bench:achievement:' || (i % 97), 'type', jsonb_build_array('Achievement'),
			'name', 'Achievement ' || (i % 97), 'criteria', jsonb_build_object('narrative', 'Passed.'),
			'alignment', jsonb_build_array(
				jsonb_build_object('type', jsonb_build_array('Alignment'), 'targetUrl', 'urn:bench:skill:' || (i % 40), 'targetName', 's'),
				jsonb_build_object('type', jsonb_build_array('Alignment'), 'targetUrl', 'urn:bench:skill:' || ((i * 7) % 40), 'targetName', 's')))),
	'credentialStatus', jsonb_build_object('id', 'https://bench.example.edu/status/' || (i / 131072) || '#' || (i % 131072),
		'type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
		'statusListIndex', (i % 131072)::text,
		'statusListCredential', 'https://bench.example.edu/status/' || (i / 131072))),
	priv, 'vc+jwt', vm)
FROM bench_key, generate_series(first, n - 1) i
$$;

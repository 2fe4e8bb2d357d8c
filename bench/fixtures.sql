-- The signing keys, trusted issuers and credential shapes the verification
-- benchmarks share (bench/verify.sh, verify_ratios.sh, verify_rdfc.sh,
-- parallel.sh), loaded with \i into a database that has credreg.
--   k(n, suite, pub, priv): four Ed25519 keys (suite 'ed', n 0-3) and two
--     P-256 keys (suite 'ec', n 0-1), each a did:key issuer in
--     credreg.trusted_issuer;
--   cred(i, issuer): a small VC 2.0 / OB 3.0 credential;
--   cred_ob3(i, issuer): the shape of the corpus's OB 3.0 credentials
--     (corpus/ob3-eddsa-rdfc-2022.ndjson: three contexts, two alignments).
-- PARALLEL SAFE, so that CREATE TABLE AS signs in parallel workers too.
-- public test keys: W3C vc-di-eddsa (keyPair, proof-set-chain multiKeyPairs),
-- W3C vc-di-ecdsa p256KeyPair, RFC 7515 A.3
CREATE TABLE k (n int, suite text, pub text, priv text);
INSERT INTO k VALUES
 (0, 'ed', 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
 (1, 'ed', 'z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7', 'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'),
 (2, 'ed', 'z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E', 'z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn'),
 (3, 'ed', 'z6MkmEq87wkHCYnWnNZkigeDMGTN7oUw1upkhzd77KuXERS1', 'z3u2Zr3tcDLBDQKGxVa9SRDFNLqNqPWsa8p9rWPvCEH6bADB'),
 (0, 'ec', 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP', 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN'),
 (1, 'ec', NULL, '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}');
UPDATE k SET pub = credreg.pubkey_multikey(('{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}')::credreg.pubkey)
 WHERE pub IS NULL;
INSERT INTO credreg.trusted_issuer (issuer, name) SELECT 'did:key:' || pub, 'bench ' || suite || n FROM k;

CREATE FUNCTION cred(i int, issuer text) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
    '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
    'id', 'urn:uuid:' || md5(i::text)::uuid,
    'type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
    'issuer', issuer,
    'validFrom', '2025-01-01T00:00:00Z',
    'credentialSubject', jsonb_build_object(
      'id', 'did:example:learner-' || i,
      'type', jsonb_build_array('AchievementSubject'),
      'achievement', jsonb_build_object(
        'id', 'https://example.edu/achievements/' || (i % 50),
        'type', jsonb_build_array('Achievement'),
        'name', 'Course ' || (i % 50))))
$$;
CREATE FUNCTION cred_ob3(i int, issuer text) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
    '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2',
                                  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
                                  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'),
    'id', 'urn:uuid:' || md5(i::text)::uuid,
    'type', jsonb_build_array('VerifiableCredential', 'OpenBadgeCredential'),
    'name', 'Course ' || (i % 50),
    'issuer', jsonb_build_object('id', issuer, 'type', jsonb_build_array('Profile'),
                                 'name', 'Example State University', 'url', 'https://esu.example.edu/'),
    'validFrom', '2025-01-01T00:00:00Z',
    'credentialSubject', jsonb_build_object(
      'type', jsonb_build_array('AchievementSubject'),
      'id', 'did:example:learner-' || i,
      'name', 'Learner ' || i,
      'achievement', jsonb_build_object(
        'id', 'https://esu.example.edu/achievements/' || (i % 50),
        'type', jsonb_build_array('Achievement'),
        'achievementType', 'MicroCredential',
        'name', 'Course ' || (i % 50),
        'description', 'Recognises writing correct relational queries, number ' || (i % 50) || '.',
        'criteria', jsonb_build_object('narrative', 'Learner ' || i || ' completed the assessment with a score of at least ' || (50 + i % 50) || '%.'),
        'alignment', jsonb_build_array(
          jsonb_build_object('type', jsonb_build_array('Alignment'), 'targetName', 'Skill ' || (i % 97),
                             'targetUrl', 'https://www.onetonline.org/link/summary/51-' || (1000 + i % 97) || '.00',
                             'targetCode', '51-' || (1000 + i % 97) || '.00', 'targetFramework', 'O*NET-SOC 2019',
                             'targetType', 'ext:OnetSocCode'),
          jsonb_build_object('type', jsonb_build_array('Alignment'), 'targetName', 'Skill ' || (i % 89),
                             'targetUrl', 'http://data.europa.eu/esco/skill/' || md5((i % 89)::text)::uuid,
                             'targetCode', md5((i % 89)::text)::uuid::text, 'targetFramework', 'ESCO Skills',
                             'targetType', 'ceasn:Competency')))),
    'credentialSchema', jsonb_build_array(jsonb_build_object(
      'id', 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
      'type', '1EdTechJsonSchemaValidator2019')))
$$;

#!/usr/bin/env bash
# The four verification ratios of issue 9 item 4, measured the issue's way:
# N (default 100,000) distinct stored credentials per format, 1% of them
# altered after signing, then
#   SELECT count(*) FILTER (WHERE credreg.is_valid(c, t0)) FROM t
# in one backend (max_parallel_workers_per_gather = 0), WALL time (psql
# \timing, best of RUNS runs), divided into N and compared with the verify/s
# of `openssl speed -elapsed -seconds SECS ed25519 ecdsap256` (wall clock too)
# run in the same script before and after the database runs (their mean is
# the reference).  The backend's user CPU rate is printed beside it against
# openssl's CPU rate (`openssl speed` without -elapsed), which is the steadier
# figure on a loaded machine.
#   formats: vc+jwt EdDSA (4 Ed25519 did:key issuers), vc+jwt ES256 (2 P-256
#   issuers), eddsa-jcs-2022 and eddsa-rdfc-2022 (the OB 3.0 shape of
#   bench/verify_rdfc.sh, three contexts).
# Altered rows: a JWS gets the payload of another credential (a signature
# that does not match, so the full verification runs and fails); a Data
# Integrity document gets another credentialSubject.id.
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
# KEEP=1 leaves the database (credreg_bench_ratios) for profiling; REUSE=1
# measures on a database left so (same N) without building it again.
set -euo pipefail
N=${N:-100000}
SECS=${SECS:-5}
RUNS=${RUNS:-3}
DB=credreg_bench_ratios
TCK=$(getconf CLK_TCK)

# "ed25519 ecdsap256" verify/s of one openssl speed run; $1 = "" or -elapsed
openssl_rates() {
	openssl speed $1 -seconds "$SECS" ed25519 ecdsap256 2>/dev/null |
		awk '/nistp256\)/ { ec = $NF } /Ed25519\)/ { ed = $NF } END { print ed, ec }'
}
echo "openssl: $(openssl version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
read -r OED1 OEC1 < <(openssl_rates -elapsed)
read -r OCED1 OCEC1 < <(openssl_rates "")

if [ -z "${REUSE:-}" ]; then
psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
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

CREATE FUNCTION cred(i int, issuer text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS \$\$
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
\$\$;
-- the shape of the corpus's OB 3.0 credentials (as bench/verify_rdfc.sh)
CREATE FUNCTION cred_ob3(i int, issuer text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS \$\$
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
\$\$;

CREATE TABLE t_eddsa_jwt AS
SELECT i, credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'vc+jwt', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
CREATE TABLE t_es256_jwt AS
SELECT i, credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'vc+jwt', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ec' AND k.n = i % 2;
CREATE TABLE t_eddsa_jcs AS
SELECT i, credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'eddsa-jcs-2022', 'did:key:' || k.pub || '#' || k.pub)::jsonb AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
CREATE TABLE t_eddsa_rdfc AS
SELECT i, credreg.sign(cred_ob3(i, 'did:key:' || k.pub), k.priv, 'eddsa-rdfc-2022', 'did:key:' || k.pub || '#' || k.pub)::jsonb AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;

-- 1% altered: a JWS takes the payload of the credential signed next by the
-- same key, a document another subject
UPDATE t_eddsa_jwt t SET c = split_part(t.c, '.', 1) || '.' || split_part(o.c, '.', 2) || '.' || split_part(t.c, '.', 3)
  FROM t_eddsa_jwt o WHERE t.i % 100 = 0 AND o.i = t.i - 4;
UPDATE t_es256_jwt t SET c = split_part(t.c, '.', 1) || '.' || split_part(o.c, '.', 2) || '.' || split_part(t.c, '.', 3)
  FROM t_es256_jwt o WHERE t.i % 100 = 0 AND o.i = t.i - 2;
UPDATE t_eddsa_jcs SET c = jsonb_set(c, '{credentialSubject,id}', '"did:example:mallory"') WHERE i % 100 = 0;
UPDATE t_eddsa_rdfc SET c = jsonb_set(c, '{credentialSubject,id}', '"did:example:mallory"') WHERE i % 100 = 0;
VACUUM FULL t_eddsa_jwt, t_es256_jwt, t_eddsa_jcs, t_eddsa_rdfc;
VACUUM ANALYZE;
SQL
fi

# RUNS runs: prints "best_wall_ms best_cpu_s valid"
runs() {	# $1 = table
	local out all=""
	for _ in $(seq "$RUNS"); do
		out=$(psql -X -q -d $DB -At <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint AS u0 \gset
\timing on
SELECT 'valid ' || count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1;
\timing off
SELECT 'cpu ' || (split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint - :u0);
SQL
)
		all="$all$(echo "$out" | awk '/^Time:/ { print $2 }') $(echo "$out" | awk -v t="$TCK" '/^cpu / { print $2 / t }') $(echo "$out" | awk '/^valid / { print $2 }')
"
	done
	echo "$all" | awk 'NF == 3 { if (n == 0 || $1 < bw) bw = $1; if (n == 0 || $2 < bc) bc = $2; v = $3; n++ }
	                   END { print bw, bc, v }'
}
declare -A R
for t in t_eddsa_jwt t_es256_jwt t_eddsa_jcs t_eddsa_rdfc; do
	R[$t]=$(runs $t)
done

read -r OED2 OEC2 < <(openssl_rates -elapsed)
read -r OCED2 OCEC2 < <(openssl_rates "")
mean() { awk "BEGIN{print ($1 + $2) / 2}"; }
OED=$(mean "$OED1" "$OED2"); OEC=$(mean "$OEC1" "$OEC2")
OCED=$(mean "$OCED1" "$OCED2"); OCEC=$(mean "$OCEC1" "$OCEC2")
echo "openssl speed -elapsed verify/s: ed25519 $OED1 / $OED2, ecdsap256 $OEC1 / $OEC2 (before / after)"
echo "openssl speed (per user CPU s) verify/s: ed25519 $OCED1 / $OCED2, ecdsap256 $OCEC1 / $OCEC2"
echo "load $(cut -d' ' -f1-3 /proc/loadavg); $N credentials per format, 1% altered, best of $RUNS runs"
report() {	# $1 table, $2 label, $3 openssl wall rate, $4 openssl CPU rate, $5 target
	echo "${R[$1]}" | awk -v n="$N" -v l="$2" -v ow="$3" -v oc="$4" -v t="$5" '{
		printf "%-16s valid %6d/%d | wall: %6.0f/s = %.2f of openssl (target %s) | backend CPU: %6.0f/s = %.2f of openssl\n",
			l, $3, n, n / ($1 / 1000), n / ($1 / 1000) / ow, t, n / $2, n / $2 / oc }'
}
report t_eddsa_jwt "vc+jwt EdDSA" "$OED" "$OCED" 0.90
report t_es256_jwt "vc+jwt ES256" "$OEC" "$OCEC" 0.90
report t_eddsa_jcs "eddsa-jcs-2022" "$OED" "$OCED" 0.85
report t_eddsa_rdfc "eddsa-rdfc-2022" "$OED" "$OCED" 0.60
[ -n "${KEEP:-}" ] || psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

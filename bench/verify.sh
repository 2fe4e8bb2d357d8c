#!/usr/bin/env bash
# Verification throughput against OpenSSL on the same machine, in the same run
# (issue 2 item 11).  100,000 distinct stored credentials per format, signed
# with credreg.sign by a handful of keys, then
#   SELECT count(*) FILTER (WHERE credreg.is_valid(c, t0)) FROM t
# on one core (max_parallel_workers_per_gather = 0), best of 3 runs, compared
# with `openssl speed -seconds 5` verify/s for ed25519 and ecdsap256.
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
set -euo pipefail
N=${N:-100000}
SECS=${SECS:-5}
DB=credreg_bench

openssl_rate() {	# $1 = algorithm for openssl speed, $2 = pattern of its line
	openssl speed -seconds "$SECS" "$1" 2>/dev/null | grep -E "$2" | tail -1 | awk '{print $NF}'
}
echo "openssl: $(openssl version)"
ED=$(openssl_rate ed25519 'Ed25519')
EC=$(openssl_rate ecdsap256 'nistp256')
echo "openssl speed ed25519 verify/s: $ED"
echo "openssl speed ecdsap256 verify/s: $EC"

psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
-- public test keys: W3C vc-di-eddsa (keyPair, proof-set-chain multiKeyPairs), RFC 8037 A.1,
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

CREATE TABLE t_eddsa_jwt AS
SELECT credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'vc+jwt', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
CREATE TABLE t_es256_jwt AS
SELECT credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'vc+jwt', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ec' AND k.n = i % 2;
CREATE TABLE t_eddsa_jcs AS
SELECT credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'eddsa-jcs-2022', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
VACUUM ANALYZE;
SQL

# best of 3, in ms
run() {
	local best="" ms
	for _ in 1 2 3; do
		ms=$(psql -X -q -d $DB -At <<SQL | grep -E '^Time:' | tail -1 | awk '{print $2}'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
\timing on
SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1;
SQL
)
		if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
	done
	echo "$best"
}
check() {
	psql -X -q -d $DB -At -c "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1"
}

report() {	# $1 table, $2 openssl rate, $3 label, $4 target
	local valid ms rate
	valid=$(check "$1")
	ms=$(run "$1")
	rate=$(awk "BEGIN{printf \"%.0f\", $N / ($ms / 1000)}")
	printf '%-16s valid %6s/%s  %8.1f ms  %7s verifications/s  %5.1f%% of openssl (target %s%%)\n' \
		"$3" "$valid" "$N" "$ms" "$rate" "$(awk "BEGIN{print 100 * $rate / $2}")" "$4"
}
echo
report t_eddsa_jwt "$ED" "vc+jwt EdDSA" 85
report t_es256_jwt "$EC" "vc+jwt ES256" 85
report t_eddsa_jcs "$ED" "eddsa-jcs-2022" 75
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

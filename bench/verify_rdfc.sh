#!/usr/bin/env bash
# eddsa-rdfc-2022 and ecdsa-rdfc-2019 verification throughput against OpenSSL
# on the same machine, in the same run (issue 3 item 9).  N distinct stored
# Open Badges 3.0 credentials (about 2 KB, three contexts: VC 2.0, OB 3.0.3,
# OB extensions), signed with credreg.sign, then
#   SELECT count(*) FILTER (WHERE credreg.is_valid(c, t0)) FROM t
# on one core (max_parallel_workers_per_gather = 0), best of RUNS runs (the
# spread is printed too), compared with `openssl speed -seconds SECS` verify/s
# for ed25519 and ecdsap256.  Also the rate of credreg.jsonld_to_rdf plus
# credreg.rdfc alone over the same documents (without their proofs).
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
set -euo pipefail
N=${N:-10000}
SECS=${SECS:-5}
RUNS=${RUNS:-3}
DB=credreg_bench_rdfc

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
-- public test keys: W3C vc-di-eddsa (keyPair, proof-set-chain multiKeyPairs),
-- W3C vc-di-ecdsa p256KeyPair
CREATE TABLE k (n int, suite text, pub text, priv text);
INSERT INTO k VALUES
 (0, 'ed', 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
 (1, 'ed', 'z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7', 'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'),
 (2, 'ed', 'z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E', 'z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn'),
 (3, 'ed', 'z6MkmEq87wkHCYnWnNZkigeDMGTN7oUw1upkhzd77KuXERS1', 'z3u2Zr3tcDLBDQKGxVa9SRDFNLqNqPWsa8p9rWPvCEH6bADB'),
 (0, 'ec', 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP', 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN');
INSERT INTO credreg.trusted_issuer (issuer, name) SELECT 'did:key:' || pub, 'bench ' || suite || n FROM k;

-- the shape of the corpus's OB 3.0 credentials (corpus/ob3-eddsa-rdfc-2022.ndjson)
CREATE FUNCTION cred(i int, issuer text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS \$\$
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

CREATE TABLE t_eddsa_rdfc AS
SELECT credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'eddsa-rdfc-2022', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
CREATE TABLE t_ecdsa_rdfc AS
SELECT credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'ecdsa-rdfc-2019', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ec' AND k.n = 0;
CREATE TABLE t_doc AS SELECT (c::jsonb - 'proof')::text AS c FROM t_eddsa_rdfc;
VACUUM ANALYZE;
SQL
echo "mean credential size: $(psql -X -q -d $DB -At -c "SELECT round(avg(octet_length(c))) FROM t_eddsa_rdfc") bytes"

# every run's time in ms, one per line
runs() {	# $1 = query
	for _ in $(seq "$RUNS"); do
		psql -X -q -d $DB -At <<SQL | grep -E '^Time:' | tail -1 | awk '{print $2}'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
\timing on
$1;
SQL
	done
}

report() {	# $1 label, $2 query, $3 openssl rate or "", $4 target %
	local times best worst rate wrate
	times=$(runs "$2")
	best=$(echo "$times" | sort -g | head -1)
	worst=$(echo "$times" | sort -g | tail -1)
	rate=$(awk "BEGIN{printf \"%.0f\", $N / ($best / 1000)}")
	wrate=$(awk "BEGIN{printf \"%.0f\", $N / ($worst / 1000)}")
	if [ -n "$3" ]; then
		printf '%-22s %8.1f ms best (%.1f worst)  %6s/s best (%s worst)  %5.1f%% of openssl (%.1f%% worst; target %s%%)\n' \
			"$1" "$best" "$worst" "$rate" "$wrate" "$(awk "BEGIN{print 100 * $rate / $3}")" \
			"$(awk "BEGIN{print 100 * $wrate / $3}")" "$4"
	else
		printf '%-22s %8.1f ms best (%.1f worst)  %6s/s best (%s worst)\n' "$1" "$best" "$worst" "$rate" "$wrate"
	fi
}
echo
for t in t_eddsa_rdfc t_ecdsa_rdfc; do
	echo "$t valid: $(psql -X -q -d $DB -At -c "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $t")/$N"
done
report "eddsa-rdfc-2022" "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM t_eddsa_rdfc" "$ED" 40
report "ecdsa-rdfc-2019 P-256" "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM t_ecdsa_rdfc" "$EC" ""
report "jsonld_to_rdf + rdfc" "SELECT count(credreg.rdfc(credreg.jsonld_to_rdf(c))) FROM t_doc" "" ""
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

#!/usr/bin/env bash
# SD-JWT VC with key binding against OpenSSL on the same machine, in the same
# run (issue 12: at least 0.8 of 2 x the raw verify rate, since each
# presentation carries two signatures: the issuer's and the KB-JWT's).
# N distinct presentations per algorithm (4 issuer keys, 64 holder keys, 4
# selectively disclosable claims of which 2 are presented, 2 decoys), made
# with credreg.sd_jwt_issue and credreg.sd_jwt_present, then on one core
# (max_parallel_workers_per_gather = 0), best of 3 runs:
#   is_valid(c, t0)                      (credreg.verify's path: KB-JWT checked)
#   (sd_jwt_verify(c, nonce, aud, t0)).valid  (key binding required, the
#                                         processed payload built as jsonb)
# compared with `openssl speed -seconds 5` verify/s for ed25519 / ecdsap256.
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-20000}
SECS=${SECS:-5}
DB=credreg_bench_sdjwt

. "$top/bench/lib.sh"
bench_banner
ED1=$(openssl_rate ed25519 'Ed25519')
EC1=$(openssl_rate ecdsap256 'nistp256')

# 64 holder keys per curve, made by OpenSSL for this run
holders=$(holder_keys 64)

psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB -c "CREATE EXTENSION credreg" \
	-c "CREATE TABLE h (alg text, n int, priv text)" >/dev/null
printf '%s\n' "$holders" | psql -q -X -v ON_ERROR_STOP=1 -d $DB -c "\copy h FROM STDIN" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
UPDATE h SET priv = replace(priv, '\n', E'\n');
-- issuer keys: W3C vc-di-eddsa test keys, W3C vc-di-ecdsa p256KeyPair, RFC 7515 A.3
CREATE TABLE k (alg text, n int, priv text);
INSERT INTO k VALUES
 ('ED25519', 0, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
 ('ED25519', 1, 'z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW'),
 ('ED25519', 2, 'z3u2cfp4Q17kMGhNCh348a3yw3cUBiWK6RXRzyJE54sixMFn'),
 ('ED25519', 3, 'z3u2Zr3tcDLBDQKGxVa9SRDFNLqNqPWsa8p9rWPvCEH6bADB'),
 ('EC', 0, 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN'),
 ('EC', 1, '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}'),
 ('EC', 2, 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN'),
 ('EC', 3, '{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}');
CREATE TABLE iss AS SELECT alg, n, priv, 'did:key:' || credreg.pubkey_multikey(credreg.pubkey_from_private(priv)) AS did FROM k;
INSERT INTO credreg.trusted_issuer (issuer, name) SELECT DISTINCT did, 'bench' FROM iss;

CREATE TABLE sd AS
SELECT i.alg, g, 'n-' || g AS nonce, 'https://recruit.example.com' AS aud,
       credreg.sd_jwt_issue(jsonb_build_object(
           'iss', i.did, 'sub', 'did:example:learner-' || g, 'iat', 1767225600, 'exp', 1798761600,
           'vct', 'https://credentials.example.edu/vct/achievement/v1',
           'given_name', 'Ada', 'family_name', 'Lovelace', 'email', 'ada' || g || '@example.edu',
           'achievement', jsonb_build_object('name', 'Course ' || (g % 50), 'level', g % 5),
           'skills', jsonb_build_array('sql', 'esco:S5.6.1')),
         ARRAY['/given_name', '/family_name', '/email', '/skills/1'], i.priv,
         holder_key => credreg.pubkey_from_private(h.priv), decoys => 2) AS sd_jwt,
       h.priv AS holder_priv
  FROM generate_series(1, $N) g, iss i, h
 WHERE i.n = g % 4 AND h.n = 1 + g % 64 AND h.alg = i.alg;
-- present the first two disclosures with a KB-JWT
CREATE TABLE t AS
SELECT alg, nonce, aud,
       credreg.sd_jwt_present(array_to_string((string_to_array(sd_jwt, '~'))[1:3], '~') || '~',
                              holder_priv, nonce, aud, '2026-05-31T12:00:00Z') AS c
  FROM sd;
VACUUM ANALYZE t;
SQL

# best of 3 (by user CPU and by wall time, each its own best): "wall_ms cpu_s"
run() {	# $1 = predicate, $2 = alg
	best_wall_cpu "$DB" "SELECT count(*) FILTER (WHERE $1) FROM t WHERE alg = '$2'"
}
valid() { psql -X -q -d $DB -At -c "SELECT count(*) FILTER (WHERE $1) FROM t WHERE alg = '$2'"; }

declare -A R V
for alg in ED25519 EC; do
	V[$alg,fast]=$(valid "credreg.is_valid(c, '2026-06-01T00:00:00Z')" $alg)
	R[$alg,fast]=$(run "credreg.is_valid(c, '2026-06-01T00:00:00Z')" $alg)
	V[$alg,kb]=$(valid "(credreg.sd_jwt_verify(c, nonce, aud, '2026-06-01T00:00:00Z')).valid" $alg)
	R[$alg,kb]=$(run "(credreg.sd_jwt_verify(c, nonce, aud, '2026-06-01T00:00:00Z')).valid" $alg)
done
ED2=$(openssl_rate ed25519 'Ed25519')
EC2=$(openssl_rate ecdsap256 'nistp256')
ED=$(awk "BEGIN{print ($ED1 + $ED2) / 2}")
EC=$(awk "BEGIN{print ($EC1 + $EC2) / 2}")
echo "openssl speed verify/s per user CPU second: ed25519 $ED1 / $ED2, ecdsap256 $EC1 / $EC2 (ratios against the means); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
report() {	# $1 alg key, $2 kind, $3 label, $4 openssl rate
	local r=${R[$1,$2]}
	awk -v n="$N" -v w="${r% *}" -v c="${r#* }" -v o="$4" -v l="$3" -v v="${V[$1,$2]}" 'BEGIN {
		printf "%-44s valid %s/%s | %6.0f/s per user CPU s = %4.2f of openssl/2 | %6.0f/s per wall s | target 0.80\n",
			l, v, n, n / c, n / c / (o / 2), n / (w / 1000) }'
}
report ED25519 fast "EdDSA issuer + EdDSA KB: is_valid" "$ED"
report ED25519 kb "EdDSA issuer + EdDSA KB: sd_jwt_verify" "$ED"
report EC fast "ES256 issuer + ES256 KB: is_valid" "$EC"
report EC kb "ES256 issuer + ES256 KB: sd_jwt_verify" "$EC"
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

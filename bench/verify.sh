#!/usr/bin/env bash
# Verification throughput against OpenSSL on the same machine, in the same run
# (issue 2 item 11).  100,000 distinct stored credentials per format, signed
# with credreg.sign by a handful of keys, then
#   SELECT count(*) FILTER (WHERE credreg.is_valid(c, t0)) FROM t
# on one core (max_parallel_workers_per_gather = 0), best of 3 runs, compared
# with `openssl speed -seconds 5` verify/s for ed25519 and ecdsap256.
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-100000}
SECS=${SECS:-5}
DB=credreg_bench

. "$top/bench/lib.sh"
bench_banner
# measured before and after the database runs; the mean is the reference
ED1=$(openssl_rate ed25519 'Ed25519' '')
EDW1=$(openssl_rate ed25519 'Ed25519' -elapsed)
EC1=$(openssl_rate ecdsap256 'nistp256' '')
ECW1=$(openssl_rate ecdsap256 'nistp256' -elapsed)

psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
\i $top/bench/fixtures.sql

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

# best of 3 (by user CPU and by wall time, each its own best): "wall_ms cpu_s"
run() {	# $1 = table
	best_wall_cpu "$DB" "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1"
}
check() {
	psql -X -q -d $DB -At -c "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1"
}

declare -A VALID WALL CPU
measure() {	# $1 table
	local r
	VALID[$1]=$(check "$1")
	r=$(run "$1")
	WALL[$1]=${r% *}
	CPU[$1]=${r#* }
}
report() {	# $1 table, $2 openssl rate (CPU), $3 openssl rate (wall), $4 label, $5 target
	awk -v n="$N" -v w="${WALL[$1]}" -v c="${CPU[$1]}" -v oc="$2" -v ow="$3" -v l="$4" -v t="$5" -v v="${VALID[$1]}" 'BEGIN {
		printf "%-15s valid %s/%s | per user CPU s: %7.0f/s = %5.1f%% of openssl | per wall s: %7.0f/s = %5.1f%% of openssl -elapsed | target %s%%\n",
			l, v, n, n / c, 100 * n / c / oc, n / (w / 1000), 100 * n / (w / 1000) / ow, t }'
}
measure t_eddsa_jwt
measure t_es256_jwt
measure t_eddsa_jcs

ED2=$(openssl_rate ed25519 'Ed25519' '')
EDW2=$(openssl_rate ed25519 'Ed25519' -elapsed)
EC2=$(openssl_rate ecdsap256 'nistp256' '')
ECW2=$(openssl_rate ecdsap256 'nistp256' -elapsed)
mean() { awk "BEGIN{print ($1 + $2) / 2}"; }
ED=$(mean "$ED1" "$ED2"); EDW=$(mean "$EDW1" "$EDW2"); EC=$(mean "$EC1" "$EC2"); ECW=$(mean "$ECW1" "$ECW2")
echo "openssl speed ed25519 verify/s: $ED1 / $ED2 per user CPU second, $EDW1 / $EDW2 per wall second (-elapsed); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "openssl speed ecdsap256 verify/s: $EC1 / $EC2 per user CPU second, $ECW1 / $ECW2 per wall second (-elapsed)"
echo "(ratios against the mean of the two measurements)"
echo
report t_eddsa_jwt "$ED" "$EDW" "vc+jwt EdDSA" 85
report t_es256_jwt "$EC" "$ECW" "vc+jwt ES256" 85
report t_eddsa_jcs "$ED" "$EDW" "eddsa-jcs-2022" 75
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

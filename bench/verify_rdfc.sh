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
top=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-10000}
SECS=${SECS:-5}
RUNS=${RUNS:-3}
DB=credreg_bench_rdfc

. "$top/bench/lib.sh"
bench_banner
ED1=$(openssl_rate ed25519 'Ed25519' '')
EDW1=$(openssl_rate ed25519 'Ed25519' -elapsed)
EC1=$(openssl_rate ecdsap256 'nistp256' '')
ECW1=$(openssl_rate ecdsap256 'nistp256' -elapsed)

psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
\i $top/bench/fixtures.sql

CREATE TABLE t_eddsa_rdfc AS
SELECT credreg.sign(cred_ob3(i, 'did:key:' || k.pub), k.priv, 'eddsa-rdfc-2022', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
CREATE TABLE t_ecdsa_rdfc AS
SELECT credreg.sign(cred_ob3(i, 'did:key:' || k.pub), k.priv, 'ecdsa-rdfc-2019', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ec' AND k.n = 0;
CREATE TABLE t_doc AS SELECT (c::jsonb - 'proof')::text AS c FROM t_eddsa_rdfc;
VACUUM ANALYZE;
SQL
echo "mean credential size: $(psql -X -q -d $DB -At -c "SELECT round(avg(octet_length(c))) FROM t_eddsa_rdfc") bytes"

# RUNS runs of a query: prints "best_wall_ms worst_wall_ms best_cpu_s worst_cpu_s"
runs() {	# $1 = query
	timed_runs "$DB" "$1" "$RUNS" | awk '{ if (n == 0 || $1 < bw) bw = $1; if ($1 > ww) ww = $1;
	                                       if (n == 0 || $2 < bc) bc = $2; if ($2 > wc) wc = $2; n++ }
	                                     END { print bw, ww, bc, wc }'
}

declare -A R
measure() {	# $1 key, $2 query
	R[$1]=$(runs "$2")
}
report() {	# $1 key, $2 label, $3 openssl rate (CPU) or "", $4 openssl rate (wall), $5 target
	echo "${R[$1]}" | awk -v n="$N" -v l="$2" -v oc="$3" -v ow="$4" -v t="$5" '{
		printf "%-22s per user CPU s: %6.0f/s (worst run %6.0f/s)", l, n / $3, n / $4
		if (oc != "") printf " = %5.1f%% of openssl (worst %5.1f%%)", 100 * n / $3 / oc, 100 * n / $4 / oc
		printf " | per wall s: %6.0f/s (worst %6.0f/s)", n / ($1 / 1000), n / ($2 / 1000)
		if (ow != "") printf " = %5.1f%% of openssl -elapsed", 100 * n / ($1 / 1000) / ow
		if (t != "") printf " | target %s%%", t
		printf "\n" }'
}
echo
for t in t_eddsa_rdfc t_ecdsa_rdfc; do
	echo "$t valid: $(psql -X -q -d $DB -At -c "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $t")/$N"
done
measure eddsa "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM t_eddsa_rdfc"
measure ecdsa "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM t_ecdsa_rdfc"
measure rdfc "SELECT count(credreg.rdfc(credreg.jsonld_to_rdf(c))) FROM t_doc"

ED2=$(openssl_rate ed25519 'Ed25519' '')
EDW2=$(openssl_rate ed25519 'Ed25519' -elapsed)
EC2=$(openssl_rate ecdsap256 'nistp256' '')
ECW2=$(openssl_rate ecdsap256 'nistp256' -elapsed)
mean() { awk "BEGIN{print ($1 + $2) / 2}"; }
ED=$(mean "$ED1" "$ED2"); EDW=$(mean "$EDW1" "$EDW2"); EC=$(mean "$EC1" "$EC2"); ECW=$(mean "$ECW1" "$ECW2")
echo "openssl speed ed25519 verify/s: $ED1 / $ED2 per user CPU second, $EDW1 / $EDW2 per wall second (-elapsed); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "openssl speed ecdsap256 verify/s: $EC1 / $EC2 per user CPU second, $ECW1 / $ECW2 per wall second (-elapsed)"
echo "(ratios against the mean of the two measurements; best of $RUNS runs, worst run in parentheses)"
report eddsa "eddsa-rdfc-2022" "$ED" "$EDW" 40
report ecdsa "ecdsa-rdfc-2019 P-256" "$EC" "$ECW" ""
report rdfc "jsonld_to_rdf + rdfc" "" "" ""
psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

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
top=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-100000}
SECS=${SECS:-5}
RUNS=${RUNS:-3}
DB=credreg_bench_ratios
. "$top/bench/lib.sh"
bench_banner
# verify/s of ed25519 and ecdsap256: wall clock (-elapsed) and per user CPU
rates() { echo "$(openssl_rate ed25519 Ed25519 "$1") $(openssl_rate ecdsap256 nistp256 "$1")"; }
read -r OED1 OEC1 < <(rates -elapsed)
read -r OCED1 OCEC1 < <(rates "")

if [ -z "${REUSE:-}" ]; then
psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
\i $top/bench/fixtures.sql

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
	timed_runs "$DB" "SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) FROM $1" "$RUNS" |
		awk '{ if (n == 0 || $1 < bw) bw = $1; if (n == 0 || $2 < bc) bc = $2; v = $3; n++ } END { print bw, bc, v }'
}
declare -A R
for t in t_eddsa_jwt t_es256_jwt t_eddsa_jcs t_eddsa_rdfc; do
	R[$t]=$(runs $t)
done

read -r OED2 OEC2 < <(rates -elapsed)
read -r OCED2 OCEC2 < <(rates "")
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

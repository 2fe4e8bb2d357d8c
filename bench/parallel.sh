#!/usr/bin/env bash
# Parallel scaling of the two warehouse reports (issue 9 item 5): each report
# is timed (wall clock, psql \timing, best of RUNS runs) in one process
# (SET max_parallel_workers_per_gather = 0) and at the default settings (2
# workers), and the speed-up is printed with the plan the planner chose at
# default settings (which must show a Gather).
#   verification report: N (default 1,000,000) stored vc+jwt EdDSA
#     credentials of 4 issuers, 1% altered;
#       SELECT count(*) FILTER (WHERE credreg.is_valid(c, t0)) FROM t
#     and the outcome by format (the target-list form, which parallelizes;
#     a LATERAL function scan is costed by PostgreSQL as if its result were
#     reused across rescans, so it is never parallel)
#   stack report: LEARNERS (default 200,000) learners of bench/stack_setup.sql
#     with 5-30 awards each, every learner's progress toward one stack
#     (the stack read as a scalar subquery, an InitPlan the workers share),
#     as a distribution of progress.
# JIT is off in both runs (each worker would compile its own copy), so the
# figures compare execution alone.  On a shared machine the speed-up is
# bounded by the free cores: the load average is printed with it.
# Run through bench/run.sh (or with PG* pointing at a cluster with credreg).
# KEEP=1 leaves the database (credreg_bench_parallel); REUSE=1 measures on a
# database left so without building it again.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-1000000}
LEARNERS=${LEARNERS:-200000}
RUNS=${RUNS:-3}
DB=credreg_bench_parallel

if [ -z "${REUSE:-}" ]; then
psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d $DB <<SQL >/dev/null
CREATE EXTENSION credreg;
\i $top/bench/fixtures.sql
-- signed by the workers too (CREATE TABLE AS runs its query in parallel)
CREATE TABLE t_cred AS
SELECT i, credreg.sign(cred(i, 'did:key:' || k.pub), k.priv, 'vc+jwt', 'did:key:' || k.pub || '#' || k.pub) AS c
  FROM generate_series(1, $N) i JOIN k ON k.suite = 'ed' AND k.n = i % 4;
-- 1% altered: the payload of the credential signed just before by the same key
UPDATE t_cred t SET c = split_part(t.c, '.', 1) || '.' || split_part(o.c, '.', 2) || '.' || split_part(t.c, '.', 3)
  FROM t_cred o WHERE t.i % 100 = 0 AND o.i = t.i - 4;
VACUUM FULL t_cred;
SQL
psql -X -q -v ON_ERROR_STOP=1 -v learners="$LEARNERS" -d $DB -f "$top/bench/stack_setup.sql" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d $DB -c "VACUUM ANALYZE" >/dev/null
fi

VERIFY_COUNT="SELECT count(*) FILTER (WHERE credreg.is_valid(c, '2026-06-01T00:00:00Z')) AS valid, count(*) FROM t_cred"
VERIFY_BY_FORMAT="SELECT (v).format, (v).valid, count(*) FROM (SELECT credreg.verify(c, '2026-06-01T00:00:00Z') AS v FROM t_cred OFFSET 0) s GROUP BY 1, 2 ORDER BY 1, 2"
STACK="SELECT round(credreg.stack_progress_of((SELECT rule FROM bench_rule WHERE id = 9), l.items, '2025-06-01')::numeric, 1) AS progress, count(*) FROM bench_learner l GROUP BY 1 ORDER BY 1"

# best wall ms of RUNS runs of $2 with max_parallel_workers_per_gather = $1
# ("" = default); also prints the result of the last run to stderr
best_ms() {
	local set="" out best=""
	[ -n "$1" ] && set="SET max_parallel_workers_per_gather = $1;"
	for _ in $(seq "$RUNS"); do
		out=$(psql -X -q -d $DB -At -c "SET jit = off; $set" -c '\timing on' -c "$2")
		t=$(echo "$out" | awk '/^Time:/ { print $2 }')
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
	done
	echo "$out" | grep -v '^Time:' | tr '\n' ' ' >&2
	echo "$best"
}
report() {	# $1 label, $2 query
	local plan serial par
	plan=$(psql -X -q -d $DB -At -c "EXPLAIN (COSTS OFF) $2")
	echo "== $1"
	echo "plan at default settings:"
	echo "$plan" | sed 's/^/    /'
	echo "$plan" | grep -q "Workers Planned: 2" || echo "    (NOT a parallel plan with 2 workers)"
	serial=$(best_ms 0 "$2" 2>/tmp/parallel_bench_$$.out); echo "    result (1 process): $(cat /tmp/parallel_bench_$$.out)"
	par=$(best_ms "" "$2" 2>/tmp/parallel_bench_$$.out); echo "    result (default):   $(cat /tmp/parallel_bench_$$.out)"
	rm -f /tmp/parallel_bench_$$.out
	awk -v s="$serial" -v p="$par" -v l="$1" 'BEGIN {
		printf "%s: 1 process %.0f ms, default (2 workers) %.0f ms: speed-up %.2fx (target 1.7)\n", l, s, p, s / p }'
}
echo "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $N credentials, $LEARNERS learners, best of $RUNS runs"
report "verification report ($N credentials)" "$VERIFY_COUNT"
report "verification report by format ($N credentials)" "$VERIFY_BY_FORMAT"
report "stack report ($LEARNERS learners)" "$STACK"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP:-}" ] || psql -q -X -d postgres -c "DROP DATABASE $DB" >/dev/null

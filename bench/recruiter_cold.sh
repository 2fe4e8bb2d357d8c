#!/usr/bin/env bash
# The recruiter query over N learners (default 1,000,000) in a fresh
# connection and warm, beside the plain-SQL formulation (issue 9 item 3):
# for each statement, RUNS fresh sessions (default 15) run it twice; the
# first run is "cold" (a new backend: nothing cached), the second "warm".
# Medians of the sessions, wall time as psql's \timing reports it.
#
#   credreg    skills @> credreg.skills(ARRAY[uri A, uri B], ARRAY[3, 3])
#              (resolves the URIs, then a GIN index scan)
#   plain SQL  held skills as 'uri|level' text[] with a GIN index; the
#              descendants of A and B by recursive CTEs over
#              competency_relation (bench/taxonomy_bench.sql)
# Also, for scale: the first statement of any new backend (SELECT 1), the
# first that loads credreg's library, the credreg query given competency ids
# (what resolving the URIs adds is the difference), and closure() with the compiled
# taxonomy read from credreg.taxonomy_snapshot against compiled from the
# tables (the snapshot row removed for that line, then written again).
#
# Uses the learners of bench/taxonomy_bench.sh (database credreg_bench,
# schema bench), building them first when they are missing.
#   bench/recruiter_cold.sh [learners]        (or through bench/run.sh)
#
# What a new backend pays is mostly page faults (README, "Per-backend
# caches"), so the server's memory setup decides the cold figures.  The
# three setups README quotes, each on the throwaway cluster:
#   RUNS=15 make bench B=bench/recruiter_cold.sh          (PostgreSQL defaults, no huge pages)
#   sysctl -w vm.nr_hugepages=300; RUNS=15 make bench B=bench/recruiter_cold.sh
#       (huge_pages = try, PostgreSQL's default, then puts shared memory on them)
#   ... and CREDREG_SERVER_OPTIONS="-c shared_preload_libraries=credreg" in front
#       (the library loaded once in the postmaster, not in every backend)
#   sysctl -w vm.nr_hugepages=0                           (to give the memory back)
set -euo pipefail
RUNS=${RUNS:-15}
learners=${1:-1000000}
DB=credreg_bench
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
if [ -z "${PGPORT:-}" ]; then
	test/harness/cluster.sh start
	eval "$(test/harness/cluster.sh env)"
fi

have=$(psql -X -At -d $DB -c "SELECT count(*) FROM bench.learner_plain" 2>/dev/null || echo 0)
snap=$(psql -X -At -d $DB -c "SELECT count(*) FROM credreg.taxonomy_snapshot" 2>/dev/null || echo 0)
if [ "$have" != "$learners" ] || [ "$snap" != 1 ]; then
	echo "building $learners learners (bench/taxonomy_bench.sh)"
	bash bench/taxonomy_bench.sh "$learners" >/dev/null
fi

A=http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97	# computer programming
B=http://data.europa.eu/esco/skill/9cf681c7-89ec-470c-b651-7fe03786f586	# query languages
q_credreg="SELECT count(*) FROM bench.learner WHERE skills OPERATOR(credreg.@>) credreg.skills(ARRAY['$A', '$B'], ARRAY[3, 3])"
cte() {	# $1 = name, $2 = uri
	echo "$1(id) AS (SELECT id FROM credreg.competency WHERE uri = '$2' UNION SELECT r.src FROM credreg.competency_relation r JOIN $1 ON r.dst = $1.id AND r.kind = 'broader')"
}
tags() { echo "(SELECT array_agg(c.uri || '|' || l) FROM $1 JOIN credreg.competency c USING (id), generate_series(3, 5) l)"; }
q_plain="WITH RECURSIVE $(cte da "$A"), $(cte db "$B") SELECT count(*) FROM bench.learner_plain WHERE tags && $(tags da) AND tags && $(tags db)"
ids=$(psql -X -At -d $DB -c "SELECT string_agg(credreg.competency_id(u)::text, ',') FROM unnest(ARRAY['$A', '$B']) u")
q_ids="SELECT count(*) FROM bench.learner WHERE skills OPERATOR(credreg.@>) credreg.skillset(ARRAY[$ids], ARRAY[3, 3])"
q_closure="SELECT OPERATOR(credreg.#) credreg.closure(credreg.skills(ARRAY['$A', '$B'], ARRAY[3, 3]))"

. "$top/bench/lib.sh"
measure() {	# $1 = label, $2 = statement
	local r
	r=$(cold_warm_medians "$DB" "$2" "$RUNS")
	printf '%-44s fresh connection %8.2f ms   warm %7.2f ms\n' "$1" "${r% *}" "${r#* }"
}

rows_credreg=$(psql -X -At -d $DB -c "$q_credreg")
rows_plain=$(psql -X -At -d $DB -c "$q_plain")
echo "recruiter query over $learners learners: credreg $rows_credreg rows, plain SQL $rows_plain rows"
echo "load $(cut -d' ' -f1-3 /proc/loadavg); median of $RUNS fresh sessions each"
# the pages of both tables and indexes in the cache, as they are in a server
# that has been answering such queries
for _ in 1 2; do psql -X -q -At -d $DB -c "$q_credreg" -c "$q_plain" >/dev/null; done
measure "SELECT 1 (any new backend)" "SELECT 1"
measure "first use of credreg's library" "SELECT credreg.skillset('{1:3}')::text"
measure "recruiter query, credreg" "$q_credreg"
measure "recruiter query, credreg, ids (no URIs)" "$q_ids"
measure "recruiter query, plain SQL" "$q_plain"
measure "closure(), taxonomy from the snapshot" "$q_closure"
psql -X -q -d $DB -c "DELETE FROM credreg.taxonomy_snapshot"
measure "closure(), taxonomy from the tables" "$q_closure"
psql -X -q -At -d $DB -c "SELECT credreg.taxonomy_snapshot_refresh()" >/dev/null
measure "closure(), snapshot written again" "$q_closure"

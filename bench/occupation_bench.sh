#!/usr/bin/env bash
# Occupation readiness benchmark (issue 11): imports ESCO with occupations,
# builds N learners (default 1,000,000) and times the recruiter's "at least
# 80% ready for occupation X, ranked" with the skillset GIN index against a
# plain-SQL formulation over int[] with the built-in GIN array_ops.
#   bench/occupation_bench.sh [learners]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
learners=${1:-1000000}
make -s all
test/harness/cluster.sh start
eval "$(test/harness/cluster.sh env)"
run=$(readlink -f tmp_run)
rm -rf "$run/occ_bench" && mkdir -p "$run/occ_bench" && cp data/esco/*.csv.gz data/esco_occupations/*.csv.gz "$run/occ_bench/"
chmod -R a+rX "$run/occ_bench"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS credreg_occ_bench" -c "CREATE DATABASE credreg_occ_bench"
psql -X -q -v ON_ERROR_STOP=1 -d credreg_occ_bench -c "CREATE EXTENSION credreg"
echo "ESCO import with occupations:"
psql -X -q -At -v ON_ERROR_STOP=1 -d credreg_occ_bench \
	-c "SELECT credreg.import_esco('$run/occ_bench') - 'rejectedRows' - 'occupationRejectedRows'"
psql -X -q -v ON_ERROR_STOP=1 -v learners="$learners" -d credreg_occ_bench -f bench/occupation_bench.sql
rm -rf "$run/occ_bench"

#!/usr/bin/env bash
# Competency taxonomy benchmark (issue 4, item 8): imports ESCO, builds N
# learners (default 1,000,000) and times the recruiter query with the
# skillset GIN index against the plain-SQL formulation.
#   bench/taxonomy_bench.sh [learners]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
learners=${1:-1000000}
make -s all
test/harness/cluster.sh start
eval "$(test/harness/cluster.sh env)"
run=$(readlink -f tmp_run)
rm -rf "$run/esco_bench" && mkdir -p "$run/esco_bench" && cp data/esco/*.csv.gz "$run/esco_bench/"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS credreg_bench" -c "CREATE DATABASE credreg_bench"
psql -X -q -v ON_ERROR_STOP=1 -d credreg_bench -c "CREATE EXTENSION credreg"
echo "ESCO import:"
psql -X -q -At -v ON_ERROR_STOP=1 -d credreg_bench \
	-c "SELECT credreg.import_esco('$run/esco_bench') - 'rejectedRows'"
psql -X -q -v ON_ERROR_STOP=1 -v learners="$learners" ${COMPARE_LEVEL:+-v compare_level=1} -d credreg_bench -f bench/taxonomy_bench.sql
rm -rf "$run/esco_bench"

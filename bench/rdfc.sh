#!/usr/bin/env bash
# RDFC-1.0 speed.  From the top of the tree: bench/rdfc.sh
#  1. bench/rdfc_bench.c: CPU time of the N-Quads parser and of RDFC-1.0
#     alone on bench/rdfc-ob3.nq (an OB 3.0 credential, 115 quads, 14 blank
#     nodes), outside the server (linked with the fuzz shim; needs gcc).
#  2. bench/rdfc.sql: credreg.rdfc over 10,000 distinct such credentials in
#     the throwaway cluster (built and started with test/harness/cluster.sh,
#     left running; `make stop` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
make -s all >/dev/null

pginc=$(/usr/lib/postgresql/15/bin/pg_config --includedir-server)
mkdir -p tmp_run/bench
gcc -O2 -D_GNU_SOURCE -Isrc -Itest/fuzz -I"$pginc" -I/usr/include/postgresql/internal \
	-o tmp_run/bench/rdfc_bench bench/rdfc_bench.c test/fuzz/pg_shim.c src/credreg.c \
	src/rdf/dataset.c src/rdf/nquads.c src/rdf/rdfc.c \
	-L/usr/lib/postgresql/15/lib -lpgcommon -lpgport -lcrypto -lz -lm
sed 's/@N@/1/g' bench/rdfc-ob3.nq > tmp_run/bench/ob3.nq
echo "== outside the server (CPU time)"
tmp_run/bench/rdfc_bench tmp_run/bench/ob3.nq 20000

echo "== credreg.rdfc in the server (CPU time of the backend)"
test/harness/cluster.sh start >/dev/null
eval "$(test/harness/cluster.sh env)"
psql -X -q -c "CREATE EXTENSION IF NOT EXISTS credreg" >/dev/null 2>&1
psql -X -f bench/rdfc.sql

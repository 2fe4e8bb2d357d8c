#!/usr/bin/env bash
# RDFC-1.0 speed on the throwaway cluster: `bench/rdfc.sh` from the top of
# the tree (builds and starts the cluster with test/harness/cluster.sh,
# leaves it running; `make stop` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
make -s all >/dev/null
test/harness/cluster.sh start >/dev/null
eval "$(test/harness/cluster.sh env)"
psql -X -q -c "CREATE EXTENSION IF NOT EXISTS credreg" >/dev/null
psql -X -f bench/rdfc.sql

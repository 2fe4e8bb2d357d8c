#!/usr/bin/env bash
# Runs the benchmarks against the throwaway cluster: every bench/*.sh other
# than this one (or those named as arguments), each with PGHOST/PGPORT/PGUSER
# pointing at the cluster.  Output goes to the terminal and to bench/out/.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
test/harness/cluster.sh start
trap 'test/harness/cluster.sh stop' EXIT
eval "$(test/harness/cluster.sh env)"
mkdir -p bench/out
if [ $# -gt 0 ]; then scripts=("$@"); else
	mapfile -t scripts < <(ls bench/*.sh | grep -v '/run\.sh$')
fi
for s in "${scripts[@]}"; do
	echo "== $s"
	bash "$s" 2>&1 | tee "bench/out/$(basename "$s" .sh).txt"
done

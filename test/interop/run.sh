#!/usr/bin/env bash
# `make interop`: credreg-issued credentials checked by independent
# JavaScript libraries (README.md here).  Needs node and npm (the packages are
# installed into test/interop/node_modules, not committed) and the
# throwaway cluster (started and stopped here).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "interop: node and npm are needed (apt-get install nodejs npm); skipped"
	exit 0
fi
[ -d "$here/node_modules/@sd-jwt/sd-jwt-vc" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
"$top/test/harness/cluster.sh" start
trap '"$top/test/harness/cluster.sh" stop' EXIT
eval "$("$top/test/harness/cluster.sh" env)"
psql -q -X -c "DROP DATABASE IF EXISTS credreg_interop" -c "CREATE DATABASE credreg_interop" >/dev/null
psql -q -X -d credreg_interop -c "CREATE EXTENSION credreg" >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d credreg_interop -f "$here/issue.sql" | node "$here/sdjwt_check.mjs"

#!/usr/bin/env bash
# Builds bench/json_parse_bench.c outside the server (gcc -O2, with the
# fuzzing shim) and times crjson_parse and crjcs_append in CPU time.
#   bench/json_parse_bench.sh [FILE] [N]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$top/bench/out"
mkdir -p "$out"
pginc=$(/usr/lib/postgresql/15/bin/pg_config --includedir-server)
gcc -O2 -g -Wall -Wno-unused-parameter -o "$out/json_parse_bench" \
	-I"$top/src" -I"$top/test/fuzz" -I"$pginc" -I/usr/include/postgresql/internal -D_GNU_SOURCE \
	"$top/bench/json_parse_bench.c" "$top/test/fuzz/pg_shim.c" "$top/src/credreg.c" \
	"$top/src/json/parse.c" "$top/src/json/tree.c" "$top/src/json/jcs.c" \
	-L/usr/lib/postgresql/15/lib -lpgcommon -lpgport -lm
"$out/json_parse_bench" "${1:-$top/bench/json_credential.json}" "${2:-200000}"

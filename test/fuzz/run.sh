#!/usr/bin/env bash
# Builds every libFuzzer harness test/fuzz/fuzz_*.c and runs each for a
# bounded time (`make fuzz`; see README.md).
#
#   FUZZ_SECONDS=60   time per harness (default 10, as in `make test`)
#   FUZZ_ONLY=json    run only fuzz_json.c
#   FUZZ_JOBS=1       libFuzzer -jobs/-workers (the machine has 2 cores)
#   FUZZ_BUILD_ONLY=1 build, do not run
#
# A harness names the project C files it needs on a line
#   FUZZ_SOURCES: src/x/a.c src/x/b.c
# and is linked with them, src/credreg.c, test/fuzz/pg_shim.c and
# PostgreSQL's frontend libpgcommon/libpgport.  Seeds are read from
# test/fuzz/corpus/NAME/ (committed); the growing corpus and any crash
# artifacts go to test/fuzz/bin/ (not committed).  Exit status is non-zero
# when a harness found a crash.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz="$top/test/fuzz"
bin="$fuzz/bin"
seconds=${FUZZ_SECONDS:-10}
jobs=${FUZZ_JOBS:-1}
pglib=/usr/lib/postgresql/15/lib
pginc=$(/usr/lib/postgresql/15/bin/pg_config --includedir-server)

# test/harness/deps.sh (`make deps`) installs clang and libFuzzer.
if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
	echo "run.sh: clang and libFuzzer are missing: run 'make deps' (as root)" >&2
	exit 1
fi

mkdir -p "$bin"
cflags=(-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -DUSE_ASSERT_CHECKING
	-I"$top/src" -I"$fuzz" -I"$pginc" -I/usr/include/postgresql/internal
	-D_GNU_SOURCE -Wall -Wno-unused-parameter -Wno-missing-field-initializers
	-Wno-ignored-attributes)
libs=(-L"$pglib" -lpgcommon -lpgport -lcrypto -lz -lm)

status=0
for harness in "$fuzz"/fuzz_*.c; do
	name=$(basename "$harness" .c)
	name=${name#fuzz_}
	if [ -n "${FUZZ_ONLY:-}" ] && [ "$FUZZ_ONLY" != "$name" ]; then
		continue
	fi
	sources=$(sed -n 's/^.*FUZZ_SOURCES:[[:space:]]*//p' "$harness" | head -1)
	srcs=()
	for s in $sources; do srcs+=("$top/$s"); done
	# Rebuilt only when an input changed (any header counts), so that
	# `make test` pays for the clang builds once.
	if [ -x "$bin/fuzz_$name" ] && [ -z "$(find "$harness" "$fuzz/pg_shim.c" "$fuzz/pg_shim.h" \
		"$fuzz/run.sh" "$top/src/credreg.c" "${srcs[@]}" "$top/src" \( -name '*.[ch]' -o -name run.sh \) \
		-newer "$bin/fuzz_$name" -print -quit)" ]; then
		echo "== fuzz_$name is up to date"
	else
		echo "== building fuzz_$name ($sources)"
		clang "${cflags[@]}" -o "$bin/fuzz_$name.tmp" "$harness" "$fuzz/pg_shim.c" \
			"$top/src/credreg.c" "${srcs[@]}" "${libs[@]}"
		mv "$bin/fuzz_$name.tmp" "$bin/fuzz_$name"
	fi
	[ -n "${FUZZ_BUILD_ONLY:-}" ] && continue

	work="$bin/corpus-$name"
	mkdir -p "$work" "$bin/artifacts-$name"
	seeds=()
	[ -d "$fuzz/corpus/$name" ] && seeds+=("$fuzz/corpus/$name")
	dict=()
	[ -f "$fuzz/$name.dict" ] && dict+=(-dict="$fuzz/$name.dict")
	parallel=()
	# with -jobs, libFuzzer writes one fuzz-N.log per job in the current directory
	[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
	echo "== running fuzz_$name for ${seconds}s"
	if ! (cd "$bin" && "$bin/fuzz_$name" -max_total_time="$seconds" "${parallel[@]}" \
		-artifact_prefix="$bin/artifacts-$name/" -print_final_stats=1 \
		"${dict[@]}" "$work" "${seeds[@]}" 2>"$bin/fuzz_$name.log"); then
		echo "!! fuzz_$name found a problem; log: $bin/fuzz_$name.log"
		grep -E "ERROR|SUMMARY|fuzz_|Test unit written" "$bin/fuzz_$name.log" | head -20
		status=1
	else
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: " "$bin/fuzz_$name.log" | tail -3
	fi
done
exit $status

#!/usr/bin/env bash
# The throwaway PostgreSQL cluster behind `make test` and `make demo`.
#
#   cluster.sh start   private install + initdb + start (idempotent)
#   cluster.sh stop    stop the cluster
#   cluster.sh test    start, run pg_regress, pgTAP and README tests, stop (always)
#   cluster.sh demo    start, load data/demo, print the reports, leave running
#   cluster.sh env     print the PG* variables to reach the cluster
#   cluster.sh valgrind  start the server under valgrind, run the suites, stop
#
# With SANITIZE set (`make test SANITIZE=1`, a build with -fsanitize=address,
# undefined) the server runs with gcc's ASan runtime preloaded, and `test`
# fails when a sanitizer wrote a report (tmp_run/sanitizer/) or the server
# log shows one.  `valgrind` (`make valgrind`) runs every server process under
# valgrind with test/harness/valgrind.supp and fails when valgrind reports an
# error in credreg's code, or any error it cannot attribute (see README,
# "Memory checks and fuzzing").
#
# The server runs from a private copy of the PostgreSQL 15 installation with
# this build installed into it (make install DESTDIR=...), so that several
# working trees can test different builds at once.  Data, socket and log live
# in tmp_run/ under the working tree.  PostgreSQL refuses to run as root, so
# the server runs as the `postgres` user; when that user cannot reach the
# working tree (a checkout under /root, say) tmp_run is a link into /tmp.
#
# CREDREG_SERVER_OPTIONS adds server options to those below, for a benchmark
# of a tuned server, e.g. "-c shared_preload_libraries=credreg" (README,
# "Per-backend caches"); `start` restarts a running cluster with them.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pgversion=15
port="${CREDREG_PORT:-54329}"
server_user=postgres

as_server() {
	if [ "$(id -un)" = "$server_user" ]; then
		"$@"
	else
		(cd / && runuser -u "$server_user" -- "$@")
	fi
}

# tmp_run/ itself, or a link to a directory in /tmp that the server user can
# reach; every path below goes through the resolved directory.
if [ ! -e "$top/tmp_run" ]; then
	if as_server test -x "$top" 2>/dev/null; then
		mkdir -p "$top/tmp_run"
	else
		ln -s "$(mktemp -d /tmp/credreg-run.XXXXXX)" "$top/tmp_run"
	fi
	chmod 755 "$(readlink -f "$top/tmp_run")"
	chown "$server_user" "$(readlink -f "$top/tmp_run")"
fi
run=$(readlink -f "$top/tmp_run")
inst="$run/install"
bin="$inst/usr/lib/postgresql/$pgversion/bin"
data="$run/data"
sock="$run/sock"

export PGHOST="$sock" PGPORT="$port" PGUSER="$server_user" PGDATABASE=postgres

pg_ctl_() { as_server "$bin/pg_ctl" -D "$data" "$@"; }

is_running() { [ -f "$data/postmaster.pid" ] && pg_ctl_ status >/dev/null 2>&1; }

# A copy of the system installation with this build installed into it; the
# Debian binaries find share/ and lib/ relative to their own location.
private_install() {
	rm -rf "$inst"
	mkdir -p "$inst/usr/lib/postgresql" "$inst/usr/share/postgresql"
	cp -a "/usr/lib/postgresql/$pgversion" "$inst/usr/lib/postgresql/"
	cp -a "/usr/share/postgresql/$pgversion" "$inst/usr/share/postgresql/"
	make -C "$top" -s install DESTDIR="$inst" >/dev/null
}

server_options=(-k "$sock" -p "$port" -c listen_addresses= -c fsync=off
	-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB
	-c work_mem=64MB -c max_wal_size=4GB -c log_min_messages=warning)
if [ -n "${CREDREG_SERVER_OPTIONS:-}" ]; then
	# shellcheck disable=SC2206  # split into words, as on a command line
	server_options+=(${CREDREG_SERVER_OPTIONS})
fi

# Where this run's part of the server log starts (the log is appended to).
log_offset=0

# Everything up to starting the server: the private installation, initdb,
# the socket directory.
prepare() {
	if is_running; then
		pg_ctl_ stop -m fast >/dev/null
	fi
	private_install
	if [ ! -f "$data/PG_VERSION" ]; then
		mkdir -p "$data"
		chown "$server_user" "$data"
		as_server "$bin/initdb" -D "$data" -A trust -U "$server_user" -E UTF8 \
			--locale=C.UTF-8 >"$run/initdb.log" 2>&1 ||
			{ cat "$run/initdb.log"; exit 1; }
	fi
	mkdir -p "$sock"
	chown "$server_user" "$sock"
	touch "$run/server.log"
	chown "$server_user" "$run/server.log"
	log_offset=$(stat -c %s "$run/server.log")
}

# A fresh, server-writable directory for per-process reports.
report_dir() {
	rm -rf "${run:?}/$1"
	mkdir -p "$run/$1"
	chown "$server_user" "$run/$1"
}

# The sanitizer runtime for an instrumented credreg.so in uninstrumented
# PostgreSQL binaries.  libasan must be the first library loaded, hence
# LD_PRELOAD.  Leak detection is off: a backend frees its memory contexts
# wholesale, or not at all when it exits, so LeakSanitizer would report
# PostgreSQL's allocation pattern, not credreg's leaks.  A report aborts the
# process (abort_on_error), which the postmaster logs as a crash.
# asan_init_first.c explains the second preloaded object.
sanitizer_env=()
if [ -n "${SANITIZE:-}" ]; then
	libasan=$(gcc -print-file-name=libasan.so)
	[ -f "$libasan" ] || { echo "cluster.sh: gcc's libasan.so not found" >&2; exit 1; }
	gcc -shared -fPIC -O2 -Wl,-z,initfirst -o "$run/asan_init_first.so" \
		"$top/test/harness/asan_init_first.c"
	sanitizer_env=(
		LD_PRELOAD="$libasan $run/asan_init_first.so"
		ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:disable_coredump=1:log_path=$run/sanitizer/asan"
		UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$run/sanitizer/ubsan"
	)
fi

start() {
	prepare
	[ -n "${SANITIZE:-}" ] && report_dir sanitizer
	# shellcheck disable=SC2016
	as_server env "${sanitizer_env[@]}" "$bin/pg_ctl" -D "$data" -w -l "$run/server.log" \
		start -o "${server_options[*]}" >/dev/null ||
		{ tail -20 "$run/server.log"; exit 1; }
	# A sanitized run whose server lacks the runtime would pass vacuously.
	if [ -n "${SANITIZE:-}" ] && ! grep -q libasan "/proc/$(head -1 "$data/postmaster.pid")/maps"; then
		echo "cluster.sh: the server runs without the ASan runtime" >&2
		exit 1
	fi
}

# The server under valgrind: every process the postmaster forks (each
# backend, autovacuum, checkpointer...) runs on valgrind's synthetic CPU and
# writes its own report tmp_run/valgrind/PID.log.  --error-exitcode makes a
# process that hit an error exit with 128, which the postmaster treats as a
# crash, so a finding also shows in the suites' results.  Smaller shared
# buffers: valgrind shadows every mapped byte.  No JIT: LLVM's generated code
# is not credreg's, and valgrind would mostly be checking LLVM.
start_valgrind() {
	command -v valgrind >/dev/null ||
		{ echo "cluster.sh: valgrind is missing: run 'test/harness/deps.sh valgrind'" >&2; exit 1; }
	prepare
	report_dir valgrind
	cp "$top/test/harness/valgrind.supp" "$run/valgrind.supp"
	chmod 644 "$run/valgrind.supp"
	# shellcheck disable=SC2086
	as_server valgrind --quiet --trace-children=yes --error-exitcode=128 \
		--num-callers=40 --leak-check=no --read-var-info=no --fullpath-after= \
		--gen-suppressions=all --suppressions="$run/valgrind.supp" \
		--log-file="$run/valgrind/%p.log" ${VALGRIND_OPTS:-} \
		"$bin/postgres" -D "$data" "${server_options[@]}" -c shared_buffers=128MB -c jit=off \
		>>"$run/server.log" 2>&1 &
	local i
	for i in $(seq 1 600); do
		"$bin/pg_isready" -q -h "$sock" -p "$port" && return 0
		sleep 1
	done
	echo "cluster.sh: the server did not start under valgrind" >&2
	tail -20 "$run/server.log" >&2
	exit 1
}

# Fails when valgrind reported an error: in credreg's code (a frame in
# credreg.so), or anywhere else once test/harness/valgrind.supp has removed
# PostgreSQL's known, harmless reports.
check_valgrind() {
	local logs errors=0 ours=0 log
	logs=$(find "$run/valgrind" -name '*.log' | sort)
	for log in $logs; do
		# One error is a block from a line naming the error to the
		# suppression valgrind generated for it ("}").
		local counts
		# A frame is credreg's when it names credreg.so or, with debug
		# information (--fullpath-after= prints whole paths), a file of src/.
		counts=$(awk -v src="$top/src/" '
			/^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and dest|Argument|Jump to)/ && !inblock { inblock = 1; ours = 0 }
			inblock && (/credreg\.so/ || index($0, "(" src)) { ours = 1 }
			inblock && /^}/ { inblock = 0; n++; if (ours) m++ }
			END { print n + 0, m + 0 }' "$log")
		errors=$((errors + ${counts% *}))
		ours=$((ours + ${counts#* }))
		if [ "${counts% *}" -gt 0 ]; then
			echo "---- valgrind: ${counts% *} error(s), ${counts#* } in credreg's code: $log (first 80 lines) ----"
			head -80 "$log"
		fi
	done
	if run_log | grep -qE "$crashed"; then
		echo "---- server log: crashed processes ----"
		run_log | grep -E "$crashed" | head -20
		errors=$((errors + 1))
	fi
	echo "credreg: valgrind: $(echo "$logs" | grep -c . || true) process logs, $errors error(s), $ours in credreg's code"
	[ $errors -eq 0 ]
}

# A process that crashed, as the postmaster logs it (exit code 1 is an
# ordinary FATAL exit, e.g. the logical replication launcher at shutdown).
crashed='was terminated by signal|exited with exit code ([02-9]|[1-9][0-9]+)|terminating any other active server processes'

# This run's server log lines.
run_log() { tail -c +$((log_offset + 1)) "$run/server.log"; }

# Fails when a sanitizer reported anything during the run.
check_sanitizer() {
	local reports found=0
	reports=$(find "$run/sanitizer" -type f -size +0 2>/dev/null | sort)
	if [ -n "$reports" ]; then
		found=1
		for r in $reports; do
			echo "---- sanitizer report $r (first 60 lines) ----"
			head -60 "$r"
		done
	fi
	if run_log | grep -qE "runtime error:|ERROR: AddressSanitizer|$crashed"; then
		found=1
		echo "---- server log: sanitizer reports or crashed processes ----"
		run_log | grep -E -A3 "runtime error:|ERROR: AddressSanitizer|$crashed" | head -60
	fi
	if [ $found -ne 0 ]; then
		echo "credreg: the sanitizers reported errors (see above)"
		return 1
	fi
	echo "credreg: no sanitizer reports"
}

stop() {
	if [ -d "$data" ] && is_running; then
		pg_ctl_ stop -m fast >/dev/null
	fi
}

# pg_regress (sql/, expected/), pgTAP (test/*.sql), then the README
# examples (test/readme/run.py); prints a closing
# "N passed, N failed" line and fails when anything failed.
run_tests() {
	local passed=0 failed=0 rc=0 out
	cd "$top"
	out=$(mktemp)
	# (REGRESS set but empty, as `valgrind` passes it for "all", must not
	# reach make: an empty environment variable overrides the Makefile's
	# `REGRESS ?=` list and pg_regress would run nothing)
	if env -u REGRESS make -s installcheck ${REGRESS:+REGRESS="$REGRESS"} >"$out" 2>&1; then :; else rc=1; fi
	cat "$out"
	passed=$((passed + $(grep -cE '^(ok|test) .* ok( |$)|^ok [0-9]+ ' "$out" || true)))
	failed=$((failed + $(grep -cE ' FAILED( |$)|^not ok ' "$out" || true)))
	if [ $rc -ne 0 ] && [ -f regression.diffs ]; then
		echo "---- regression.diffs (first 200 lines) ----"
		head -200 regression.diffs
	fi

	psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS credreg_tap" \
		-c "CREATE DATABASE credreg_tap" >/dev/null
	psql -q -v ON_ERROR_STOP=1 -d credreg_tap \
		-c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION credreg" >/dev/null
	local tap_files
	tap_files=${PGTAP_TESTS:-$(ls test/*.sql 2>/dev/null || true)}
	if [ -n "$tap_files" ]; then
		# shellcheck disable=SC2086
		if pg_prove -d credreg_tap $tap_files >"$out" 2>&1; then :; else rc=1; fi
		cat "$out"
		# pgTAP counts assertions: "Tests=N" in prove's summary, minus
		# "Failed k/n subtests" lines; a file that died counts as one failure.
		local tap_total tap_failed tap_dubious
		tap_total=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$out" | tail -1)
		tap_failed=$(sed -nE 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' "$out" | awk '{s += $1} END {print s + 0}')
		tap_dubious=$(grep -cE 'Dubious|No plan found|Bad plan' "$out" || true)
		tap_total=${tap_total:-0}
		tap_failed=$(( ${tap_failed:-0} + tap_dubious ))
		# a file that died before prove's summary leaves no total
		[ "$tap_total" -ge "$tap_failed" ] && passed=$((passed + tap_total - tap_failed))
		failed=$((failed + tap_failed))
	fi

	# The SQL examples of README.md, extracted from it at run time
	# (test/readme/run.py); README_TESTS=0 leaves them out.
	if [ "${README_TESTS:-1}" != 0 ]; then
		if python3 test/readme/run.py >"$out" 2>&1; then :; else rc=1; fi
		cat "$out"
		passed=$((passed + $(grep -E '^ok [0-9]+ ' "$out" | grep -cv '# SKIP' || true)))
		failed=$((failed + $(grep -cE '^not ok [0-9]+ ' "$out" || true)))
	fi
	rm -f "$out"
	echo
	echo "credreg: $passed passed, $failed failed"
	# kept for `make test`, which adds the fuzz harnesses and repeats the line last
	echo "$passed $failed" >"$run/suite-result"
	[ $rc -eq 0 ] && [ $failed -eq 0 ]
}

demo() {
	cd "$top"
	psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS credreg_demo" \
		-c "CREATE DATABASE credreg_demo" >/dev/null
	# The ESCO importer reads server-side files: hand it a copy the server
	# user can read.
	rm -rf "$run/demo-esco"
	cp -r data/esco "$run/demo-esco"
	chmod -R a+rX "$run/demo-esco"
	for f in data/demo/*.sql; do
		psql -X -q -v ON_ERROR_STOP=1 -v esco_dir="$run/demo-esco" -d credreg_demo -f "$f"
	done
	echo
	echo "The demo cluster is still running. Explore it with:"
	echo "  psql -h $sock -p $port -U $server_user credreg_demo"
	echo "and stop it with 'make stop'."
}

# Sourced by another harness (citus.sh) for the helpers above: no command.
[ "${BASH_SOURCE[0]}" != "$0" ] && return 0

case "${1:-}" in
start) start ;;
stop) stop ;;
env) echo "export PGHOST=$sock PGPORT=$port PGUSER=$server_user" ;;
test)
	start
	trap stop EXIT
	rc=0
	run_tests || rc=1
	if [ -n "${SANITIZE:-}" ]; then
		stop
		check_sanitizer || rc=1
	fi
	exit $rc
	;;
valgrind)
	start_valgrind
	trap stop EXIT
	rc=0
	# VALGRIND_TESTS=all (or unset): every test, as `test` runs them.
	[ "${VALGRIND_TESTS:-}" = all ] && unset VALGRIND_TESTS VALGRIND_TAP_TESTS
	# Tests that bound a duration (test/rdf_canon.sql) scale it by this
	# factor: valgrind's synthetic CPU runs the server 20-50 times slower.
	export PGOPTIONS="${PGOPTIONS:-} -c credreg_test.time_factor=100"
	REGRESS=${VALGRIND_TESTS-${REGRESS:-}} PGTAP_TESTS=${VALGRIND_TAP_TESTS-${PGTAP_TESTS:-}} run_tests || rc=1
	stop
	check_valgrind || rc=1
	exit $rc
	;;
demo)
	start
	demo
	;;
*)
	echo "usage: $0 start|stop|test|valgrind|demo|env" >&2
	exit 2
	;;
esac

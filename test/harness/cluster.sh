#!/usr/bin/env bash
# The throwaway PostgreSQL cluster behind `make test` and `make demo`.
#
#   cluster.sh start   private install + initdb + start (idempotent)
#   cluster.sh stop    stop the cluster
#   cluster.sh test    start, run pg_regress, pgTAP and README tests, stop (always)
#   cluster.sh demo    start, load data/demo, print the reports, leave running
#   cluster.sh env     print the PG* variables to reach the cluster
#
# The server runs from a private copy of the PostgreSQL 15 installation with
# this build installed into it (make install DESTDIR=...), so that several
# working trees can test different builds at once.  Data, socket and log live
# in tmp_run/ under the working tree.  PostgreSQL refuses to run as root, so
# the server runs as the `postgres` user; when that user cannot reach the
# working tree (a checkout under /root, say) tmp_run is a link into /tmp.
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

start() {
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
	pg_ctl_ -w -l "$run/server.log" start -o "-k $sock -p $port \
		-c listen_addresses='' -c fsync=off -c synchronous_commit=off \
		-c full_page_writes=off -c shared_buffers=512MB -c work_mem=64MB \
		-c max_wal_size=4GB -c log_min_messages=warning" >/dev/null ||
		{ tail -20 "$run/server.log"; exit 1; }
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
	if make -s installcheck ${REGRESS:+REGRESS="$REGRESS"} >"$out" 2>&1; then :; else rc=1; fi
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
		passed=$((passed + tap_total - ${tap_failed}))
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

case "${1:-}" in
start) start ;;
stop) stop ;;
env) echo "export PGHOST=$sock PGPORT=$port PGUSER=$server_user" ;;
test)
	start
	trap stop EXIT
	run_tests
	;;
demo)
	start
	demo
	;;
*)
	echo "usage: $0 start|stop|test|demo|env" >&2
	exit 2
	;;
esac

#!/usr/bin/env bash
# `make test-citus`: credreg on a throwaway Citus cluster under the working
# tree -- a coordinator and two workers running from a private copy of the
# installation, as cluster.sh makes one (tmp_run/citus/install), each
# listening on localhost only.
#
#   citus.sh test    start the three nodes, create citus and credreg, add the
#                    nodes, make the reference tables (credreg.citus_prepare),
#                    run the distributed tests (test/citus/sql, compared with
#                    test/citus/expected) and the README's Citus examples,
#                    stop the nodes (always)
#   citus.sh start   the same set-up, left running (exploring, debugging)
#   citus.sh stop    stop the nodes
#
# Citus is not built here: it must already be installed into the PostgreSQL
# that pg_config names (README, "credreg on Citus"); without it the script
# says so and exits 0, so that `make test-citus` never fails for a machine
# without Citus.  Ports: CREDREG_CITUS_PORT for the coordinator (default
# 54331), the next two for the workers.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the private installation, tmp_run and as_server come from cluster.sh
# shellcheck source=cluster.sh
source "$top/test/harness/cluster.sh"

pg_config_=${PG_CONFIG:-/usr/lib/postgresql/$pgversion/bin/pg_config}
citus_so="$($pg_config_ --pkglibdir)/citus.so"

coordinator_port=${CREDREG_CITUS_PORT:-54331}
nodes=(coordinator worker1 worker2)
declare -A node_port=([coordinator]=$coordinator_port [worker1]=$((coordinator_port + 1))
	[worker2]=$((coordinator_port + 2)))
citus_run="$run/citus"
# an installation of its own, so that cluster.sh (make test) can reinstall
# its copy while these nodes run
inst="$citus_run/install"
bin="$inst/usr/lib/postgresql/$pgversion/bin"
db=credreg_citus

node_data() { echo "$citus_run/$1"; }

# psql on a node (as the server user, through its socket)
node_psql() {
	local node=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "${node_port[$node]}" -U "$server_user" "$@"
}

node_running() {
	[ -f "$(node_data "$1")/postmaster.pid" ] &&
		as_server "$bin/pg_ctl" -D "$(node_data "$1")" status >/dev/null 2>&1
}

stop_nodes() {
	local node
	for node in "${nodes[@]}"; do
		if node_running "$node"; then
			as_server "$bin/pg_ctl" -D "$(node_data "$node")" stop -m fast >/dev/null || true
		fi
	done
}

start_nodes() {
	local node data
	stop_nodes
	private_install
	mkdir -p "$citus_run" "$sock"
	chown "$server_user" "$citus_run" "$sock"
	for node in "${nodes[@]}"; do
		data=$(node_data "$node")
		if [ ! -f "$data/PG_VERSION" ]; then
			mkdir -p "$data"
			chown "$server_user" "$data"
			as_server "$bin/initdb" -D "$data" -A trust -U "$server_user" -E UTF8 \
				--locale=C.UTF-8 >"$citus_run/initdb-$node.log" 2>&1 ||
				{ cat "$citus_run/initdb-$node.log"; exit 1; }
		fi
		touch "$citus_run/$node.log"
		chown "$server_user" "$citus_run/$node.log"
		# Citus connects node to node over TCP: localhost only, trust
		# authentication as initdb set it up for local connections.
		as_server "$bin/pg_ctl" -D "$data" -w -l "$citus_run/$node.log" start -o \
			"-k $sock -p ${node_port[$node]} -c listen_addresses=localhost \
			 -c shared_preload_libraries=citus -c fsync=off -c synchronous_commit=off \
			 -c full_page_writes=off -c shared_buffers=128MB -c max_connections=100 \
			 -c log_min_messages=warning" >/dev/null ||
			{ tail -20 "$citus_run/$node.log"; exit 1; }
	done
}

# A fresh database on every node with citus, the workers added, credreg
# created on the coordinator (Citus creates it on the workers) and the
# reference tables made.
create_cluster_database() {
	local node
	for node in "${nodes[@]}"; do
		node_psql "$node" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
		node_psql "$node" -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION citus"
	done
	node_psql coordinator -d "$db" \
		-c "SELECT citus_set_coordinator_host('localhost', ${node_port[coordinator]})" \
		-c "SELECT citus_add_node('localhost', ${node_port[worker1]})" \
		-c "SELECT citus_add_node('localhost', ${node_port[worker2]})" \
		-c "SET client_min_messages = warning" \
		-c "CREATE EXTENSION credreg" \
		-c "SELECT count(*) FROM credreg.citus_prepare()" >/dev/null
}

# The README's Citus examples (its blocks marked "citus"), run by
# test/readme/run.py against the coordinator's database.
run_readme() {
	PGHOST=$sock PGPORT=${node_port[coordinator]} PGUSER=$server_user \
		python3 "$top/test/readme/run.py" --citus "$db"
}

run_citus_tests() {
	local rc=0 out passed failed
	cd "$top"
	out=$(mktemp)
	rm -rf "$citus_run/regress"
	mkdir -p "$citus_run/regress"
	# pg_regress against the prepared database (--use-existing): each test
	# file creates its own tables and drops them
	if "$($pg_config_ --pkglibdir)/pgxs/src/test/regress/pg_regress" \
		--use-existing --dbname="$db" --host="$sock" --port="${node_port[coordinator]}" \
		--user="$server_user" --inputdir=test/citus --outputdir="$citus_run/regress" \
		${CITUS_TESTS:-$(cd test/citus/sql && ls ./*.sql | sed 's|^\./||; s|\.sql$||')} >"$out" 2>&1; then :; else rc=1; fi
	cat "$out"
	passed=$(grep -cE '^(ok|test) .* ok( |$)|^ok [0-9]+ ' "$out" || true)
	failed=$(grep -cE ' FAILED( |$)|^not ok ' "$out" || true)
	if [ $rc -ne 0 ] && [ -f "$citus_run/regress/regression.diffs" ]; then
		echo "---- regression.diffs (first 200 lines) ----"
		head -200 "$citus_run/regress/regression.diffs"
	fi
	if [ "${README_TESTS:-1}" != 0 ]; then
		if run_readme >"$out" 2>&1; then :; else rc=1; fi
		cat "$out"
		passed=$((passed + $(grep -E '^ok [0-9]+ ' "$out" | grep -cv '# SKIP' || true)))
		failed=$((failed + $(grep -cE '^not ok [0-9]+ ' "$out" || true)))
	fi
	rm -f "$out"
	echo
	echo "credreg on Citus: $passed passed, $failed failed"
	[ $rc -eq 0 ] && [ "$failed" -eq 0 ]
}

if [ ! -f "$citus_so" ]; then
	echo "credreg: Citus is not installed in $($pg_config_ --pkglibdir) (no citus.so): make test-citus skipped."
	echo "Install Citus 12.1.10 from its source release as README section \"credreg on Citus\" says, then run it again."
	exit 0
fi

case "${1:-}" in
start)
	start_nodes
	create_cluster_database
	echo "Coordinator: psql -h $sock -p ${node_port[coordinator]} -U $server_user $db"
	;;
stop) stop_nodes ;;
test)
	trap stop_nodes EXIT
	start_nodes
	create_cluster_database
	run_citus_tests
	;;
*)
	echo "usage: $0 start|stop|test" >&2
	exit 2
	;;
esac

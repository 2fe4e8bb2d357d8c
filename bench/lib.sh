# Shell helpers the benchmarks share; sourced (". bench/lib.sh"), with SECS
# (seconds per openssl measurement) set by the caller.

# The verify/s `openssl speed` reports for one algorithm: $1 = algorithm
# (ed25519, ecdsap256), $2 = pattern of its line (Ed25519, nistp256), $3 =
# "" (per user CPU second of openssl's process, its default) or -elapsed
# (per wall second).
openssl_rate() {
	# shellcheck disable=SC2086  # $3 is an option or nothing
	openssl speed ${3:-} -seconds "$SECS" "$1" 2>/dev/null | grep -E "$2" | tail -1 | awk '{print $NF}'
}

# The first line of every verification benchmark's output.
bench_banner() {
	echo "openssl: $(openssl version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# $1 holder keys per curve, made by OpenSSL for this run: lines of
# "ED25519|EC <tab> n <tab> PEM with its newlines written as \n", for \copy.
holder_keys() {
	local i alg k
	for i in $(seq 1 "$1"); do
		for alg in ED25519 EC; do
			if [ $alg = EC ]; then k=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)
			else k=$(openssl genpkey -algorithm ED25519 2>/dev/null); fi
			printf "%s\t%s\t%s\n" "$alg" "$i" "$(printf '%s' "$k" | sed ':a;N;$!ba;s/\n/\\n/g')"
		done
	done
}

# $3 fresh sessions, each running one query in database $1 on one core (no
# parallel workers, no JIT): a line each, "wall_ms cpu_s result" -- the wall
# time psql's \timing reports, the backend's user CPU (/proc/self/stat) and
# the query's one-value result.
timed_runs() {	# $1 = database, $2 = query, $3 = runs
	local out tck
	tck=$(getconf CLK_TCK)
	for _ in $(seq "$3"); do
		out=$(psql -X -q -d "$1" -At <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint AS u0 \gset
\timing on
$2;
\timing off
SELECT 'cpu ' || (split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint - :u0);
SQL
)
		echo "$(echo "$out" | awk '/^Time:/ { print $2 }')" \
			"$(echo "$out" | awk -v t="$tck" '/^cpu / { print $2 / t }')" \
			"$(echo "$out" | grep -Ev '^(Time:|cpu )' | head -1)"
	done
}

# The best of three timed_runs: "wall_ms cpu_s", each the lowest of the three.
best_wall_cpu() {	# $1 = database, $2 = query
	timed_runs "$1" "$2" 3 | awk '{ if (n == 0 || $1 < bw) bw = $1; if (n == 0 || $2 < bc) bc = $2; n++ }
	                             END { print bw, bc }'
}

# The median of the numbers on standard input, one a line.
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# $3 fresh sessions of database $1, each running statement $2 twice: prints
# "first_ms again_ms", the medians of the first runs (a new backend, nothing
# cached) and of the second (warm), wall time as psql's \timing reports it.
cold_warm_medians() {	# $1 = database, $2 = statement, $3 = sessions
	local firsts="" agains="" r
	for _ in $(seq "$3"); do
		r=$(psql -X -q -At -d "$1" -c '\timing on' -c "$2" -c "$2" | awk '/^Time:/ { printf "%s ", $2 }')
		firsts+="${r%% *}"$'\n'
		agains+="$(echo "$r" | awk '{print $2}')"$'\n'
	done
	echo "$(printf '%s' "$firsts" | median) $(printf '%s' "$agains" | median)"
}

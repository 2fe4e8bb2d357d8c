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

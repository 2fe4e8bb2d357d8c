#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages credreg needs to build and
# test, skipping those already installed.  Runs as root (or with sudo).
#
#   deps.sh            build + `make test` (suites, the generated-file check
#                      and the libFuzzer harnesses, hence clang)
#   deps.sh valgrind   also valgrind (`make valgrind`)
set -euo pipefail

packages=(
	make gcc
	postgresql-15 postgresql-server-dev-15
	libssl-dev zlib1g-dev
	postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
	python3
	clang libclang-rt-14-dev
)
for extra in "$@"; do
	case "$extra" in
	valgrind) packages+=(valgrind) ;;
	*) echo "deps.sh: unknown group $extra" >&2; exit 2 ;;
	esac
done

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "credreg: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/bin/sh
# cppcheck.sh [DIR [SUPPRESSIONS]]: Debian's cppcheck over DIR/src (the
# module and src/cli/; default: this checkout), failing on any finding.
#
# What it checks: --enable=warning,style,performance,portability and
# information (which reports a suppression that no longer matches, so
# the list only shrinks).  The code is seen as the module is built: C11,
# _GNU_SOURCE and Kore's features (/usr/share/kore/features: the pgsql
# and tasks parts of kore.h, libpq's headers).
#
# Headers: the C library is described to cppcheck by its own std and
# posix configurations, as its manual advises, rather than parsed (parsing
# all of /usr/include takes ten times as long and checks glibc, not us).
# The headers of the libraries we call (Kore, with the BSD sys/queue.h
# its structs are made of; jansson; libsodium) are parsed, from a
# directory of links to them and nothing else.
#
# SUPPRESSIONS (default tests/lint/cppcheck-suppressions.xml) says, for
# each finding let through, why.  tests/lint/cppcheck-selftest.sh shows
# the check failing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../..}
suppressions=${2:-$here/cppcheck-suppressions.xml}
case $suppressions in /*) ;; *) suppressions=$(pwd)/$suppressions ;; esac

if ! command -v cppcheck >/dev/null 2>&1; then
	echo "cppcheck: not installed (src/tools/deps.sh lint installs it)" >&2
	exit 2
fi
if [ ! -d "$dir/src" ]; then
	echo "cppcheck: no src/ in $dir" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-cppcheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir -p "$tmp/include/sys"
for h in kore jansson.h jansson_config.h sodium.h sodium; do
	if [ ! -e "/usr/include/$h" ]; then
		echo "cppcheck: /usr/include/$h is missing" >&2
		exit 2
	fi
	ln -s "/usr/include/$h" "$tmp/include/"
done
# glibc keeps it under the multiarch directory (x86_64-linux-gnu, ...).
for q in /usr/include/sys/queue.h /usr/include/*/sys/queue.h; do
	[ -e "$q" ] && break
done
if [ ! -e "$q" ]; then
	echo "cppcheck: no sys/queue.h under /usr/include" >&2
	exit 2
fi
ln -s "$q" "$tmp/include/sys/queue.h"
features=$(cat /usr/share/kore/features)

cd "$dir"
# shellcheck disable=SC2086
cppcheck --quiet --std=c11 --library=posix -D_GNU_SOURCE $features \
    -I src -I "$tmp/include" \
    --enable=warning,style,performance,portability,information \
    --suppress=missingIncludeSystem --suppress-xml="$suppressions" \
    --template='cppcheck: {file}:{line}: {severity} ({id}): {message}' \
    src > "$tmp/out" 2>&1 || true

if [ -s "$tmp/out" ]; then
	cat "$tmp/out"
	echo "cppcheck: $(wc -l < "$tmp/out") findings; fix them, or let" \
	    "one through in $suppressions with the reason" >&2
	exit 1
fi
echo "cppcheck: ok (src/, warning style performance portability)"

#!/bin/sh
# run.sh SECONDS [TARGET...]: run the libFuzzer targets built by
# `make fuzz-bin`, each for SECONDS; fail if any of them finds a crash.
#
# TARGET is a name such as fuzz_dates (default: every tests/fuzz/fuzz_*.c).
# The binaries are taken from $HANDOFF_FUZZ_BIN (default .build/fuzz); this
# script builds nothing.  For each target, first every file in
# tests/fuzz/regress/TARGET/ runs once, then the fuzzer runs on a copy of
# tests/fuzz/corpus/TARGET/ in a temporary directory, so the committed
# corpus stays as it is.  What a fuzzer finds is kept in
# $HANDOFF_FUZZ_BIN/artifacts/TARGET/ and its log in $HANDOFF_FUZZ_BIN/logs/.
set -eu

usage() {
	echo "usage: $0 SECONDS [TARGET...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
seconds=$1
shift
case $seconds in
'' | *[!0-9]* | 0) usage ;;
esac

top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=${HANDOFF_FUZZ_BIN:-.build/fuzz}
case $bindir in
/*) ;;
*) bindir=$top/$bindir ;;
esac
fuzzdir=$top/tests/fuzz

if [ $# -eq 0 ]; then
	for src in "$fuzzdir"/fuzz_*.c; do
		t=$(basename "$src" .c)
		set -- "$@" "$t"
	done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Undefined behaviour stops the run with a stack trace, like a crash.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export UBSAN_OPTIONS

failed=0
report() {	# report TARGET LOG INPUT: a failure, and where to look
	echo "fuzz: $1: FAILED" >&2
	awk '/ERROR:|runtime error|property violated|ALARM|out-of-memory/ {
		print; shown = 1; next }
	shown && /^ *#[0-9]+ / && !/fuzzer::|libc_start|in _start|in main / &&
	    frames++ < 8 { print }
	/^SUMMARY/ { print }' "$2" | sed 's/^ */    /' >&2
	echo "    input: $3" >&2
	echo "    log:   $2" >&2
	failed=$((failed + 1))
}

mkdir -p "$bindir/logs"
for t in "$@"; do
	bin=$bindir/$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: $t: no binary $bin (run make fuzz-bin)" >&2
		failed=$((failed + 1))
		continue
	fi
	art=$bindir/artifacts/$t
	log=$bindir/logs/$t.log
	mkdir -p "$art"
	: > "$log"

	# Earlier crashes, now fixed: each file runs once.
	nregress=0
	if [ -d "$fuzzdir/regress/$t" ]; then
		files=$(find "$fuzzdir/regress/$t" -type f ! -name '.*' | sort)
		if [ -n "$files" ]; then
			nregress=$(echo "$files" | wc -l)
			# Regression file names carry no spaces (crash-<sha1>).
			# shellcheck disable=SC2086
			if ! "$bin" -timeout=5 -rss_limit_mb=2048 $files \
			    >> "$log" 2>&1; then
				report "$t" "$log" "$(sed -n \
				    's/^Running: //p' "$log" | tail -n 1)"
				continue
			fi
		fi
	fi

	mkdir -p "$tmp/$t"
	if [ -d "$fuzzdir/corpus/$t" ]; then
		cp -R "$fuzzdir/corpus/$t/." "$tmp/$t/"
	fi
	dict=
	if [ -f "$fuzzdir/$t.dict" ]; then
		dict=-dict=$fuzzdir/$t.dict
	fi

	if ! "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
	    -artifact_prefix="$art/" -print_final_stats=1 ${dict:+"$dict"} \
	    "$tmp/$t" >> "$log" 2>&1; then
		report "$t" "$log" "$(sed -n \
		    's/.*Test unit written to //p' "$log" | tail -n 1)"
		continue
	fi

	runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	echo "fuzz: $t: ok, $nregress regression inputs," \
	    "${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}"
done

if [ "$failed" -ne 0 ]; then
	echo "fuzz: $failed of $# targets failed" >&2
	exit 1
fi
echo "fuzz: $# targets passed"

#!/bin/sh
# digest.sh MODULE N...: the weekly digest of a generated portfolio of N
# projects (tests/bench/generate.sql), for each N: the median time of
# GET /api/v1/digest and of GET /api/v1/risks, then how each grew from the
# first N to every later one in the same run.  Run by `make bench-digest`
# under tests/lib/with-cluster.sh.  The generator writes the tables
# set-based: 10,000 projects take well under a minute.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
. "$top/tests/bench/lib.sh"

today=2026-11-23
for n in "$@"; do
	db="bench_$n"
	bench_db "$db"
	start=$(date +%s)
	bench_psql "$db" -v n="$n" -v today="$today" \
	    -f "$top/tests/bench/generate.sql" >/dev/null
	rows=$(bench_psql "$db" -c "SELECT (SELECT count(*) FROM projects) ||
	    ' projects, ' || (SELECT count(*) FROM checkpoint_versions) +
	    (SELECT count(*) FROM ownership_versions) +
	    (SELECT count(*) FROM project_versions) +
	    (SELECT count(*) FROM audit_log) || ' fact rows'")
	echo "generated $rows in $(( $(date +%s) - start )) s"

	bench_start "$module" "$db" "$today"
	bench_time "GET /api/v1/digest ($n projects)" /api/v1/digest 5
	digest=$BENCH_MEDIAN
	bench_time "GET /api/v1/risks ($n projects)" /api/v1/risks 5
	risks=$BENCH_MEDIAN
	bench_stop

	# Scaling against the first size, measured in this run: a ratio
	# equal to the ratio of sizes means linear time.
	if [ -z "${base_n:-}" ]; then
		base_n=$n base_digest=$digest base_risks=$risks
	else
		awk -v n="$n" -v b="$base_n" -v d="$digest" -v bd="$base_digest" \
		    -v r="$risks" -v br="$base_risks" 'BEGIN {
			printf "scaling %d/%d projects: size x%.1f, digest " \
			    "x%.1f, risks x%.1f\n", n, b, n / b, d / bd, r / br
		}'
	fi
done

#!/bin/sh
# run.sh MODULE: the request benchmarks, side by side on one server in one
# run, so that the figures compare under the same machine load.  Run by
# `make bench` under tests/lib/with-cluster.sh.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$top/tests/bench/lib.sh"

# The demo portfolio: a project document of realistic size.
bench_db bench_main
DATABASE_URL="host=$HANDOFF_TEST_PGHOST dbname=bench_main user=handoff" \
    HANDOFF_CTL="$top/.build/handoffctl" "$top/src/tools/seed.sh" >/dev/null
project=$(bench_psql bench_main -c \
    "SELECT id FROM projects WHERE name = 'Card fraud flags'")
person=$(bench_psql bench_main -c "SELECT min(id) FROM people")

bench_start "$module" bench_main
trap bench_stop EXIT

echo "wrk -t2 -c$BENCH_CONNECTIONS -d$BENCH_DURATION on 127.0.0.1 (kore, postgres and wrk share the machine)"
bench_wrk "GET /api/v1/version (constant)" /api/v1/version const
bench_wrk "GET /healthz (SELECT 1)" /healthz health
bench_wrk "GET /api/v1/people/$person (one row)" "/api/v1/people/$person" row
bench_wrk "GET /api/v1/projects/$project (document)" \
    "/api/v1/projects/$project" doc
awk -v c="$BENCH_RPS_const" -v h="$BENCH_RPS_health" -v r="$BENCH_RPS_row" \
    -v d="$BENCH_RPS_doc" 'BEGIN {
	printf "ratio healthz / constant route:        %.2f\n", h / c
	printf "ratio project document / one-row route: %.2f\n", d / r }'

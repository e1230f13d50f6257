#!/bin/sh
# run.sh MODULE: the benchmarks, side by side on one server in one run, so
# that the figures compare under the same machine load.  Run by `make bench`
# under tests/lib/with-cluster.sh.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$top/tests/bench/lib.sh"

bench_start "$module" bench_main
trap bench_stop EXIT

echo "wrk -t2 -c$BENCH_CONNECTIONS -d$BENCH_DURATION on 127.0.0.1 (kore, postgres and wrk share the machine)"
bench_wrk "GET /api/v1/version (const)" /api/v1/version const
bench_wrk "GET /healthz (SELECT 1)" /healthz health
awk -v a="$BENCH_RPS_health" -v b="$BENCH_RPS_const" 'BEGIN {
	printf "ratio healthz / constant route: %.2f\n", a / b }'

#!/bin/sh
# signin.sh MODULE [SECONDS]: how an authenticated read fares while sign-ins
# are sprayed at the server (tests/bench/signin.mjs), idle and under the
# spray side by side from one run.  Run under tests/lib/with-cluster.sh:
#
#   tests/lib/with-cluster.sh tests/bench/signin.sh .build/handoff.so
#
# One kore on a fresh database with 100 generated projects; each phase
# lasts SECONDS (default 10).  Loopback only, bounded in time.  Fails when
# the p99 of GET /api/v1/projects under the spray is 50 ms or more.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seconds=${2:-10}
. "$top/tests/bench/lib.sh"

trap bench_stop EXIT

# The test cluster logs every statement (for the suite's coverage check):
# not while measuring.
bench_psql postgres -c "ALTER SYSTEM SET log_statement = 'none'" \
    -c "SELECT pg_reload_conf()" >/dev/null

db=bench_signin
bench_db "$db"
bench_psql "$db" -v n=100 -v today=2026-11-23 \
    -f "$top/tests/bench/generate.sql" >/dev/null
bench_start "$module" "$db" 2026-11-23
# The ledger catches up with the generated history first: not measured.
while [ "$(bench_psql "$db" -c 'SELECT count(*) FROM ledger_dirty')" != 0 ]
do
	sleep 0.2
done

out=$(node "$top/tests/bench/signin.mjs" "$BENCH_URL" "$BENCH_TOKEN" \
    "$seconds")
echo "$out" | node -e '
let s = "";
process.stdin.on("data", (d) => s += d).on("end", () => {
	const r = JSON.parse(s);
	const line = (name, p) => console.log(
	    `${name.padEnd(44)} p50 ${String(p.p50).padStart(6)} ms  ` +
	    `p99 ${String(p.p99).padStart(6)} ms  max ` +
	    `${String(p.max).padStart(6)} ms  (${p.n} reads)`);
	console.log("GET /api/v1/projects, read every 10 ms:");
	line("idle", r.idle);
	line("8 loops, one address each", r.spray);
	line("8 loops, a new address every attempt", r.many);
	for (const k of ["spray", "many"])
		console.log(`  sign-ins (${k}): ${r[k].signins_per_s}/s, ` +
		    `median ${r[k].signin_p50} ms, answers ` +
		    JSON.stringify(r[k].signins));
	const worst = Math.max(r.spray.p99, r.many.p99);
	if (worst >= 50) {
		console.log(`FAIL: p99 under the spray is ${worst} ms (>= 50)`);
		process.exit(1);
	}
	console.log(`ok: p99 under the spray ${worst} ms (< 50)`);
});'

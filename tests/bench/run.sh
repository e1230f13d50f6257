#!/bin/sh
# run.sh MODULE [N...]: the read and write benchmarks at each portfolio size
# N (default: 100 and 10000 projects, made by tests/bench/generate.sql),
# side by side in one run, so that every ratio compares figures measured
# under the same machine load; then one table.  Run by `make bench` under
# tests/lib/with-cluster.sh; BENCH_SIZES="10000 100000" make bench for the
# larger, on-demand run.
#
# For each size, on a server of its own:
#   - how long the ledger takes to catch up with the generated history;
#   - the memory of the kore processes (PSS) then, before any request;
#   - wrk -t2 -c16 on /healthz, one person (a row), one project as JSON
#     and as a page, and the portfolio's first page;
#   - the median of single requests for this week's digest as JSON, page
#     and Markdown, kept (made by the first request), and made afresh
#     (what is kept dropped before each);
#   - checkpoint PATCHes with If-Match from 16 clients (tests/bench/
#     writes.mjs), counted with the time the ledger takes to absorb them,
#     and checked against the versions the database holds (no lost write);
#   - the memory again, after all of it.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
. "$top/tests/bench/lib.sh"

sizes=${*:-${BENCH_SIZES:-100 10000}}
today=2026-11-23
BENCH_CONNECTIONS=16
results="$HANDOFF_TEST_DIR/bench.results"
: > "$results"

# record KEY N VALUE: one figure of the table.
record() {
	echo "$1 $2 $3" >> "$results"
}

# pss: the proportional set size of kore and its workers, in MB.
pss() {
	for p in "$BENCH_PID" $(pgrep -P "$BENCH_PID"); do
		awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup"
	done | awk '{ kb += $1 } END { printf "%.1f", kb / 1024 }'
}

# caught_up DB: wait until the ledger has no dirty item; prints seconds.
caught_up() {
	t0=$(date +%s.%N)
	while [ "$(bench_psql "$1" -c 'SELECT count(*) FROM ledger_dirty')" \
	    != 0 ]; do
		sleep 0.2
	done
	echo "$(date +%s.%N) - $t0" | bc
}

trap bench_stop EXIT

# The test cluster logs every statement (for the suite's coverage check):
# not while measuring.
bench_psql postgres -c "ALTER SYSTEM SET log_statement = 'none'" \
    -c "SELECT pg_reload_conf()" >/dev/null

for n in $sizes; do
	db=bench_$n
	bench_db "$db"
	t0=$(date +%s)
	bench_psql "$db" -v n="$n" -v today="$today" \
	    -f "$top/tests/bench/generate.sql" >/dev/null
	items=$(bench_psql "$db" -c "SELECT count(DISTINCT (kind, item))
	    FROM ledger_dirty")
	echo "$n projects: generated in $(( $(date +%s) - t0 )) s;" \
	    "$items items for the ledger"

	bench_start "$module" "$db" "$today"
	s=$(caught_up "$db")
	echo "$n projects: the ledger caught up in $s s"
	record ledger_items_per_s "$n" "$(echo "$items / $s" | bc)"
	# The steady state a server reaches once autovacuum has seen the
	# bulk load: planner statistics for the tables the ledger filled
	# (without them, estimates of a few rows pick scans of everyone's).
	bench_psql "$db" -c "VACUUM ANALYZE" >/dev/null
	# Idle: started and caught up, no request served yet.
	record pss_idle "$n" "$(pss)"

	person=$(bench_psql "$db" -c "SELECT min(id) FROM people")
	# An active project in the middle of the portfolio.
	project=$(bench_psql "$db" -c "SELECT id FROM projects
	    WHERE status = 'active' ORDER BY id
	    OFFSET (SELECT count(*) / 2 FROM projects
	    WHERE status = 'active') LIMIT 1")

	BENCH_NON2XX=0
	bench_wrk "healthz ($n)" /healthz health
	record healthz "$n" "$BENCH_RPS_health"
	bench_wrk "person $person ($n)" "/api/v1/people/$person" row
	record row "$n" "$BENCH_RPS_row"
	bench_wrk "project $project JSON ($n)" "/api/v1/projects/$project" doc
	record doc "$n" "$BENCH_RPS_doc"
	bench_wrk "project $project page ($n)" "/projects/$project" page
	record page "$n" "$BENCH_RPS_page"
	bench_wrk "portfolio first page ($n)" / portfolio
	record portfolio "$n" "$BENCH_RPS_portfolio"
	record non2xx "$n" "$BENCH_NON2XX"

	# Kept (sql/api/98_kept.sql): made by the first, then answered
	# kept; and made afresh each time, nothing kept before it.
	for what in "json /api/v1/digest" "page /digest" "md /digest.md"; do
		set -- $what
		bench_time "digest $1 ($n)" "$2" 11
		record "digest_$1_ms" "$n" "$(echo "$BENCH_MEDIAN * 1000" | bc)"
		BENCH_BEFORE="bench_psql $db -c 'DELETE FROM kept_reads'" \
		    bench_time "digest $1 made afresh ($n)" "$2" 5
		record "digest_made_$1_ms" "$n" \
		    "$(echo "$BENCH_MEDIAN * 1000" | bc)"
	done

	# Writes: 64 checkpoints of active projects, four per client.
	ids=$(bench_psql "$db" -c "SELECT c.id FROM checkpoints c
	    JOIN projects p ON p.id = c.project_id
	    WHERE p.status = 'active' AND c.deleted_on IS NULL
	      AND c.status IN ('pending', 'blocked')
	    ORDER BY c.id LIMIT 64" | tr '\n' ' ')
	before=$(bench_psql "$db" -c "SELECT sum(version) FROM checkpoints
	    WHERE id IN ($(echo $ids | tr ' ' ','))")
	out=$(node "$top/tests/bench/writes.mjs" "$BENCH_URL" "$BENCH_TOKEN" \
	    5 16 $ids)
	absorb=$(caught_up "$db")
	after=$(bench_psql "$db" -c "SELECT sum(version) FROM checkpoints
	    WHERE id IN ($(echo $ids | tr ' ' ','))")
	ok=$(echo "$out" | node -e 'let s = "";
	    process.stdin.on("data", (d) => s += d).on("end", () => {
	    const r = JSON.parse(s); console.log(r.ok, r.refused, r.failed,
	    r.seconds); })')
	set -- $ok
	lost=$(( $1 - (after - before) ))
	echo "$n projects: $1 writes taken, $2 refused, $3 failed in $4 s;" \
	    "the ledger absorbed them $absorb s later; versions added:" \
	    "$((after - before))"
	record writes_per_s "$n" "$(echo "$1 / ($4 + $absorb)" | bc)"
	record writes_lost "$n" "$lost"
	record writes_refused "$n" "$(( $2 + $3 ))"
	record pss_after "$n" "$(pss)"
	bench_stop
	# A worker that died was restarted at once: no figure would show it.
	died=0
	"$top/tests/lib/check-kore-logs.sh" "$HANDOFF_TEST_DIR" || died=1
	record workers_died "$n" "$died"
done

echo
node "$top/tests/bench/table.mjs" "$results" $sizes

# The scale-out row: nginx over one and two instances, and a replica.
HANDOFF_MODULE=$module node "$top/tests/bench/scaleout.mjs"

#!/bin/sh
# profile.sh MODULE: where the project page's time goes, at N generated
# projects (BENCH_PROFILE_N, 10000).  Run under tests/lib/with-cluster.sh
# (`make bench-profile`); loopback only, every load bounded in time.
#
# Prints, for one active project from the middle of the portfolio:
#   - the page's statement (api.project_page) and each of its parts,
#     timed in one session, after two warm-up calls (a pooled connection
#     of the server has its plans cached too), median of five;
#   - the route's req/s with wrk, and the JSON route's beside it;
#   - a perf profile of the whole machine while wrk loads the page: the
#     share of samples by command, then the top symbols.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
module=$1
. "$top/tests/bench/lib.sh"

n=${BENCH_PROFILE_N:-10000}
today=2026-11-23
pdir=$HANDOFF_TEST_DIR/profile
mkdir -p "$pdir"
trap bench_stop EXIT

db=profile_$n
bench_db "$db"
bench_psql "$db" -v n="$n" -v today="$today" \
    -f "$top/tests/bench/generate.sql" >/dev/null
bench_start "$module" "$db" "$today"
i=0
while [ "$(bench_psql "$db" -c 'SELECT count(*) FROM ledger_dirty')" != 0 ]; do
	i=$((i + 1))
	[ $i -lt 600 ] || { echo "profile: the ledger did not catch up" >&2; exit 1; }
	sleep 0.5
done
bench_psql "$db" -c 'VACUUM ANALYZE' >/dev/null
project=$(bench_psql "$db" -c "SELECT id FROM projects
    WHERE status = 'active' ORDER BY id OFFSET (SELECT count(*) / 2
    FROM projects WHERE status = 'active') LIMIT 1")
echo "profile: $n projects, project $project, as of $today"

# Each part five times after two warm-ups, in one session: the median of
# psql's \timing, in ms.
call="jsonb_build_object('path', jsonb_build_object('project', $project),
    'today', '$today')"
part() {	# LABEL EXPR
	times=$({
		printf '%s\n' '\timing on'
		for k in 1 2 3 4 5 6 7; do
			printf 'SELECT length((%s)::text);\n' "$2"
		done
	} | bench_psql "$db") || { echo "profile: $1 failed" >&2; exit 1; }
	printf '%s\n' "$times" | awk -v label="$1" '
	    /^Time:/ { t[++n] = $2 }
	    !/^Time:/ { size = $1 }
	    END {
		m = 0
		for (i = 3; i <= n; i++) v[++m] = t[i]
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
		printf "  %-28s %8.2f ms %8d bytes\n", label, v[int((m + 1) / 2)], size
	    }'
}
echo "statement times (median of 5, warm):"
part 'api.project_page (all)' "api.project_page($call)"
part 'api.project_get (JSON)' "api.project_get($call)"
part 'project document' "api.project_doc($project)"
part 'people for the selects' "api.page_people($project, 200)"
part 'risk facts' "api.risk_doc($project, '$today')"
part 'history page' "api.project_history($call || jsonb_build_object(
    'query', jsonb_build_object('limit', 20, 'offset', 0)))"
part 'gates' "(SELECT api.stage_gates(pr.id, pr.stage, n.next)
    FROM projects pr, api.next_stage(pr.stage) n(next)
    WHERE pr.id = $project)"
part 'projects to copy from' "(SELECT json_agg(x.id) FROM (SELECT x.id
    FROM projects x WHERE api.has_owner(x.id) AND x.id <> $project
    ORDER BY x.id DESC LIMIT 50) x)"

BENCH_CONNECTIONS=16
BENCH_DURATION=3s
bench_wrk 'GET /api/v1/projects/{id}' "/api/v1/projects/$project" json
bench_wrk 'GET /projects/{id}' "/projects/$project" page
for path in "/api/v1/projects/$project" "/projects/$project"; do
	curl -s -o "$pdir/answer" -H "Authorization: Bearer $BENCH_TOKEN" \
	    "$BENCH_URL$path"
	printf '  %-36s %10s bytes, %s selects, %s options\n' "$path" \
	    "$(wc -c < "$pdir/answer" | tr -d ' ')" \
	    "$(grep -o '<select' "$pdir/answer" | wc -l)" \
	    "$(grep -o '<option' "$pdir/answer" | wc -l)"
done

if ! command -v perf >/dev/null 2>&1; then
	echo "profile: no perf here (apt-get install linux-perf): no profile"
	exit 0
fi
BENCH_DURATION=12s
bench_wrk 'GET /projects/{id} (profiled)' "/projects/$project" profiled &
load=$!
sleep 1
if ! perf record -a -g -o "$pdir/perf.data" -- sleep 10 \
    > "$pdir/perf.log" 2>&1; then
	wait "$load"
	echo "profile: perf record failed:" >&2
	cat "$pdir/perf.log" >&2
	exit 1
fi
wait "$load"
echo "samples by command:"
perf report -i "$pdir/perf.data" --no-children --sort comm --stdio -g none \
    2>/dev/null | grep -v '^#' | grep -v '^$' | head -8
echo "top symbols (command, symbol):"
perf report -i "$pdir/perf.data" --no-children --sort comm,symbol \
    --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25

# Shared by the benchmark scripts (sourced): start one kore against a fresh
# database of the with-cluster.sh cluster, and measure routes with wrk.
# Every load is bounded in time and sent to 127.0.0.1 only.

BENCH_DURATION=${BENCH_DURATION:-5s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}

bench_start() {	# MODULE DBNAME: sets BENCH_URL and BENCH_PID
	module=$1
	db=$2
	psql -X -q -h "$HANDOFF_TEST_PGHOST" -U postgres -d postgres -c \
	    "CREATE DATABASE \"$db\" TEMPLATE \"$HANDOFF_TEST_TEMPLATE\" OWNER handoff"
	port=$(node -e 'const s = require("net").createServer();
	    s.listen(0, "127.0.0.1", () => { console.log(s.address().port);
	    s.close(); })')
	conf="$HANDOFF_TEST_DIR/kore-bench-$port.conf"
	"$top/src/tools/kore-conf.sh" "$module" "$port" \
	    "$HANDOFF_TEST_DIR/kore-bench-$port.pid" > "$conf"
	DATABASE_URL="host=$HANDOFF_TEST_PGHOST dbname=$db user=handoff" \
	    kore -f -n -r -q -c "$conf" > "$HANDOFF_TEST_DIR/kore-bench.log" 2>&1 &
	BENCH_PID=$!
	BENCH_URL="http://127.0.0.1:$port"
	i=0
	until curl -sf -o /dev/null "$BENCH_URL/healthz"; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "bench: kore did not start" >&2; exit 1; }
		sleep 0.1
	done
}

bench_stop() {
	kill "$BENCH_PID" 2>/dev/null || true
	wait "$BENCH_PID" 2>/dev/null || true
}

# bench_wrk LABEL PATH: one bounded wrk run; prints "LABEL req/s p50 p99".
bench_wrk() {
	out=$(wrk -t2 -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency \
	    "$BENCH_URL$2")
	rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
	non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
	printf '%-28s %10s req/s   p50 %-9s p99 %-9s %s\n' "$1" "$rps" \
	    "$p50" "$p99" "${non2xx:+non-2xx: $non2xx}"
	eval "BENCH_RPS_$3=\$rps"
}

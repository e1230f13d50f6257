# Shared by the benchmark scripts (sourced): start one kore against a fresh
# database of the with-cluster.sh cluster, and measure routes with wrk or
# curl.  Every load is bounded in time and sent to 127.0.0.1 only.

BENCH_DURATION=${BENCH_DURATION:-5s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_TOKEN=hf_bench-token-for-loopback-only

bench_psql() {	# DB SQL...
	db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -h "$HANDOFF_TEST_PGHOST" \
	    -U postgres -d "$db" "$@"
}

bench_db() {	# DBNAME: a fresh migrated database with an admin token
	bench_psql postgres -c \
	    "CREATE DATABASE \"$1\" TEMPLATE \"$HANDOFF_TEST_TEMPLATE\" OWNER handoff"
	bench_psql "$1" -c "INSERT INTO users (email, name, role, password_hash)
	    VALUES ('bench@example.com', 'Bench', 'admin', '\$argon2id\$bench');
	    INSERT INTO api_tokens (user_id, name, token_hash, prefix)
	    SELECT id, 'bench', encode(sha256('$BENCH_TOKEN'::bytea), 'hex'),
	    'hf_bench' FROM users"
}

bench_start() {	# MODULE DBNAME [TODAY]: sets BENCH_URL and BENCH_PID
	module=$1
	db=$2
	port=$(node -e 'const s = require("net").createServer();
	    s.listen(0, "127.0.0.1", () => { console.log(s.address().port);
	    s.close(); })')
	conf="$HANDOFF_TEST_DIR/kore-bench-$port.conf"
	"$top/src/tools/kore-conf.sh" "$module" "$port" \
	    "$HANDOFF_TEST_DIR/kore-bench-$port.pid" > "$conf"
	DATABASE_URL="host=$HANDOFF_TEST_PGHOST dbname=$db user=handoff" \
	    HANDOFF_TODAY=${3:-} \
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

# bench_wrk LABEL PATH VAR: one bounded wrk run (signed in with the bench
# token); prints "LABEL req/s p50 p99" and keeps req/s in BENCH_RPS_VAR.
# Its answers that were not 2xx (a fast error is no fast page) are added
# to BENCH_NON2XX.
bench_wrk() {
	out=$(wrk -t2 -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency \
	    -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL$2")
	rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
	non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
	printf '%-36s %10s req/s   p50 %-9s p99 %-9s %s\n' "$1" "$rps" \
	    "$p50" "$p99" "${non2xx:+non-2xx: $non2xx}"
	eval "BENCH_RPS_$3=\$rps"
	BENCH_NON2XX=$(( ${BENCH_NON2XX:-0} + ${non2xx:-0} ))
}

# bench_time LABEL PATH RUNS: the median wall time of RUNS requests.
bench_time() {
	times=$(i=0; while [ $i -lt "$3" ]; do
		# BENCH_BEFORE: a command run before each request, untimed.
		if [ -n "${BENCH_BEFORE:-}" ]; then
			eval "$BENCH_BEFORE" >/dev/null
		fi
		curl -s -o /dev/null -w '%{time_total}\n' \
		    -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL$2"
		i=$((i + 1))
	done | sort -n)
	median=$(printf '%s\n' "$times" | awk '{a[NR] = $1} END {
	    print a[int((NR + 1) / 2)] }')
	size=$(curl -s -o /dev/null -w '%{size_download}' \
	    -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL$2")
	printf '%-36s median %6.3f s over %d runs (%s bytes)\n' "$1" \
	    "$median" "$3" "$size"
	BENCH_MEDIAN=$median
}

#!/bin/sh
# with-cluster.sh CMD [ARG...]: run CMD with a throwaway PostgreSQL cluster.
#
# The cluster lives in .data/tmp/ of the checkout (or /tmp when the postgres
# user cannot reach the checkout), listens on a Unix socket only, and holds a
# migrated template database that each test file clones.  Whatever happens
# to CMD, the cluster, any kore started under it and the directory are gone
# afterwards.
#
# CMD sees: HANDOFF_TEST_DIR (scratch space, also for kore logs and configs),
# HANDOFF_TEST_PGHOST (the socket directory) and HANDOFF_TEST_TEMPLATE.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

mkdir -p .data/tmp
dir=$(mktemp -d "$top/.data/tmp/test.XXXXXX")
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$top/.data/tmp"; then
	rmdir "$dir"
	dir=$(mktemp -d /tmp/handoff-test.XXXXXX)
fi
chmod 755 "$dir"

cleanup() {
	status=$?
	trap - EXIT INT TERM
	# Any kore still running for this run left its pid file under $dir
	# (kore renames its processes, so pkill -f cannot find them).
	for pidfile in "$dir"/kore-*.pid; do
		[ -f "$pidfile" ] || continue
		pid=$(cat "$pidfile")
		kill -TERM "$pid" 2>/dev/null || true
		sleep 0.5
		kill -KILL "$pid" 2>/dev/null || true
		pkill -KILL -P "$pid" 2>/dev/null || true
	done
	src/tools/pg.sh stop "$dir/pg" >/dev/null 2>&1 || true
	if [ "$status" -eq 0 ] || [ -z "${HANDOFF_KEEP_TEST_DIR:-}" ]; then
		rm -rf "$dir"
	else
		echo "with-cluster: kept $dir for inspection" >&2
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_EXTRA_CONF="fsync = off
synchronous_commit = off
full_page_writes = off
track_functions = 'pl'
log_statement = 'all'
log_parameter_max_length = 0
log_min_messages = warning" PG_DBNAME=handoff_template \
    src/tools/pg.sh start "$dir/pg"

HANDOFF_TEST_PGHOST="$dir/pg/run"
DATABASE_URL=$(PG_DBNAME=handoff_template src/tools/pg.sh dsn "$dir/pg")
DATABASE_URL=$DATABASE_URL src/tools/migrate.sh >/dev/null

HANDOFF_TEST_DIR=$dir
HANDOFF_TEST_TEMPLATE=handoff_template
export HANDOFF_TEST_DIR HANDOFF_TEST_PGHOST HANDOFF_TEST_TEMPLATE

"$@"

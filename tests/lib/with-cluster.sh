#!/bin/sh
# with-cluster.sh CMD [ARG...]: run CMD with a throwaway PostgreSQL cluster.
#
# The cluster lives in .data/tmp/ of the checkout (or /tmp when the postgres
# user cannot reach the checkout) and holds a migrated template database
# that each test file clones.  It listens on a Unix socket and on a free
# port of 127.0.0.1, where it also speaks TLS with a certificate made for
# the run (tests/lib/make-certs.sh), so that the server can be tested over
# every transport a deployment uses.  Whatever happens to CMD, the cluster,
# any kore started under it and the directory are gone afterwards.
#
# CMD sees: HANDOFF_TEST_DIR (scratch space, also for kore logs and configs),
# HANDOFF_TEST_PGHOST (the socket directory), HANDOFF_TEST_PGPORT (the TCP
# port, also the socket's), HANDOFF_TEST_CERTS (ca.crt, other-ca.crt) and
# HANDOFF_TEST_TEMPLATE.
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
	# A standby a test made (tests/lib/replica.sh) goes first.
	for standby in "$dir"/*/replica; do
		[ -f "$standby/data/PG_VERSION" ] || continue
		tests/lib/replica.sh stop "$standby" - - - >/dev/null 2>&1 ||
		    true
	done
	PGPORT=${port:-5432} src/tools/pg.sh stop "$dir/pg" >/dev/null 2>&1 ||
	    true
	if [ "$status" -eq 0 ] || [ -z "${HANDOFF_KEEP_TEST_DIR:-}" ]; then
		rm -rf "$dir"
	else
		echo "with-cluster: kept $dir for inspection" >&2
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

tests/lib/make-certs.sh "$dir/certs"
port=$(node -e "const s = require('net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")

PGPORT=$port PG_SSL_DIR="$dir/certs" PG_EXTRA_CONF="listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
track_functions = 'pl'
log_statement = 'all'
log_parameter_max_length = 0
log_min_messages = warning" PG_DBNAME=handoff_template \
    src/tools/pg.sh start "$dir/pg"

HANDOFF_TEST_PGHOST="$dir/pg/run"
DATABASE_URL=$(PGPORT=$port PG_DBNAME=handoff_template src/tools/pg.sh dsn "$dir/pg")
DATABASE_URL=$DATABASE_URL src/tools/migrate.sh >/dev/null

HANDOFF_TEST_DIR=$dir
HANDOFF_TEST_PGPORT=$port
HANDOFF_TEST_CERTS="$dir/certs"
HANDOFF_TEST_TEMPLATE=handoff_template
# Every libpq client of the run (psql, kore) finds the port by itself.
PGPORT=$port
export HANDOFF_TEST_DIR HANDOFF_TEST_PGHOST HANDOFF_TEST_PGPORT \
    HANDOFF_TEST_CERTS HANDOFF_TEST_TEMPLATE PGPORT

"$@"

#!/bin/sh
# pg.sh start|stop|status|dsn|psql DIR [ARGS]: a PostgreSQL cluster of the
# project's own, in DIR, listening only on a Unix socket in DIR/run (no TCP
# port, so nothing can clash).
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the
# "postgres" user and every server command runs through runuser.
#
# PG_EXTRA_CONF, when set at creation, is appended to postgresql.conf (the
# tests use it for fsync=off, function statistics and a TCP listener).
# PG_SSL_DIR, when set at creation, holds server.crt and server.key, which
# the cluster then serves TLS with.  PGPORT, when set, is the port (it also
# names the socket file); 5432 otherwise.
set -eu

usage() {
	echo "usage: pg.sh start|stop|status|dsn|psql DIR [ARGS]" >&2
	exit 2
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
shift 2

bindir=$(pg_config --bindir)
dbname=${PG_DBNAME:-handoff}
port=${PGPORT:-5432}

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

die() {
	echo "pg.sh: $*" >&2
	exit 1
}

absdir() {
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	data=$dir/data
	sock=$dir/run
	log=$dir/log/postgresql.log
}

create() {
	# The socket path must fit in sun_path (107 bytes).
	[ ${#sock} -le 90 ] ||
	    die "$dir is too deep for a Unix socket path; use a shorter checkout path"

	mkdir -p "$data" "$sock" "$dir/log"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres:postgres "$dir"
		runuser -u postgres -- test -w "$dir" || die "the postgres user \
cannot reach $dir: every directory above it must be traversable (chmod o+x)"
	fi
	chmod 700 "$data"

	as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 \
	    --no-locale >"$dir/log/initdb.log" 2>&1 ||
	    die "initdb failed; see $dir/log/initdb.log"

	ssl=
	if [ -n "${PG_SSL_DIR:-}" ]; then
		cp "$PG_SSL_DIR/server.crt" "$PG_SSL_DIR/server.key" "$data/"
		chmod 600 "$data/server.key"
		[ "$(id -u)" -ne 0 ] ||
		    chown postgres:postgres "$data/server.crt" "$data/server.key"
		ssl="ssl = on"
	fi

	as_owner sh -c "cat >> '$data/postgresql.conf'" <<CONF

# handoff: a private cluster on a Unix socket only.
listen_addresses = ''
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
port = $port
max_connections = 40
$ssl
${PG_EXTRA_CONF:-}
CONF
}

running() {
	as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

psql_super() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres "$@"
}

start() {
	[ -f "$data/PG_VERSION" ] || create
	if ! running; then
		as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
		    start >/dev/null || die "PostgreSQL did not start; see $log"
	fi

	# The application's role and database, created once.
	if [ "$(psql_super -d postgres -Atc \
	    "SELECT 1 FROM pg_roles WHERE rolname = 'handoff'")" != 1 ]; then
		psql_super -d postgres -c "CREATE ROLE handoff LOGIN"
	fi
	if [ "$(psql_super -d postgres -Atc \
	    "SELECT 1 FROM pg_database WHERE datname = '$dbname'")" != 1 ]; then
		psql_super -d postgres -c \
		    "CREATE DATABASE \"$dbname\" OWNER handoff"
	fi
}

stop() {
	[ -f "$data/PG_VERSION" ] || return 0
	if running; then
		as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 \
		    stop >/dev/null
	fi
}

absdir
case $cmd in
start)	start ;;
stop)	stop ;;
status)	running ;;
dsn)	if [ "$port" = 5432 ]; then
		echo "host=$sock dbname=$dbname user=handoff"
	else
		echo "host=$sock port=$port dbname=$dbname user=handoff"
	fi ;;
psql)	psql_super "$@" ;;
*)	usage ;;
esac

#!/bin/sh
# replica.sh start|stop DIR PRIMARY_SOCKET_DIR PRIMARY_PORT PORT: a hot
# standby of the test cluster in DIR, made once with pg_basebackup -R
# (streaming replication, the recovery settings written by it), listening
# on its own Unix socket in DIR/run and on 127.0.0.1:PORT.
#
# As root the standby belongs to the "postgres" user, like the primary
# (src/tools/pg.sh), and every server command runs through runuser.
set -eu

[ $# -eq 5 ] || { echo "usage: replica.sh start|stop DIR PRIMARY_SOCKET_DIR PRIMARY_PORT PORT" >&2; exit 2; }
cmd=$1
dir=$2
phost=$3
pport=$4
port=$5
bindir=$(pg_config --bindir)

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
data=$dir/data
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"

case $cmd in
start)
	if [ ! -f "$data/PG_VERSION" ]; then
		as_owner mkdir -p "$dir/run" "$dir/log"
		as_owner "$bindir/pg_basebackup" -h "$phost" -p "$pport" \
		    -U postgres -D "$data" -R -X stream -c fast \
		    >"$dir/log/basebackup.log" 2>&1 || {
			cat "$dir/log/basebackup.log" >&2
			exit 1
		}
		as_owner sh -c "cat >> '$data/postgresql.auto.conf'" <<CONF
port = $port
unix_socket_directories = '$dir/run'
listen_addresses = '127.0.0.1'
hot_standby = on
CONF
	fi
	as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/log/postgresql.log" \
	    -w -t 60 start >/dev/null || {
		tail -20 "$dir/log/postgresql.log" >&2
		exit 1
	}
	;;
stop)
	[ -f "$data/PG_VERSION" ] || exit 0
	if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
		as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 \
		    stop >/dev/null
	fi
	;;
*)
	echo "replica.sh: unknown command $cmd" >&2
	exit 2
	;;
esac

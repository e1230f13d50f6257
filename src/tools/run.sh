#!/bin/sh
# run.sh PORT: what `make run` does once the module is built.
#
# Without DATABASE_URL: start (or create) the cluster in .data/pg, migrate,
# seed the demo portfolio into an empty database, serve.  With DATABASE_URL:
# only migrate that database, then serve; nothing local is started or seeded.
set -eu

port=${1:-8888}
case $port in
''|*[!0-9]*) echo "run.sh: bad port '$port'" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

if [ -n "${DATABASE_URL:-}" ]; then
	echo "run: using DATABASE_URL; no local database is started or seeded"
	src/tools/migrate.sh
else
	src/tools/pg.sh start .data/pg
	DATABASE_URL=$(src/tools/pg.sh dsn .data/pg)
	export DATABASE_URL
	src/tools/migrate.sh
	if [ -x src/tools/seed.sh ]; then
		src/tools/seed.sh
	fi
fi

# One directory per port: two servers from one checkout (make run PORT=...)
# must not share a configuration or a pid file.
rundir=.build/run/$port
mkdir -p "$rundir"
src/tools/kore-conf.sh "$top/.build/handoff.so" "$port" \
    "$top/$rundir/kore.pid" > "$rundir/kore.conf"

echo "handoff: serving http://127.0.0.1:$port/ (Ctrl-C stops the server;"
echo "         the database keeps running for the next start: make db-stop)"
exec stdbuf -oL kore -f -n -r -c "$rundir/kore.conf"

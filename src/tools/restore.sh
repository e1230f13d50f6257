#!/bin/sh
# restore.sh FILE: what `make restore FILE=...` does.  Put a dump made by
# backup.sh (pg_dump -Fc) back into the database: DATABASE_URL's when it is
# set, else the one `make run` serves (the cluster of .data/pg, or
# HANDOFF_PG_DIR; made and started if need be, so a dump can be restored
# into a fresh checkout).
#
# A database that holds data (a person, a project or an account) is
# replaced only with FORCE=1; an empty one (just made, or only migrated) is
# filled without asking.  The restore is one transaction: the schema api
# (code only, made again by every migrate) is dropped, then every object of
# the dump is dropped if it exists and made again with its rows (pg_restore
# --clean --if-exists, as the role of the connection, which becomes the
# owner of everything), and the digests kept whole start afresh (their
# rows mean nothing in another cluster).  If anything fails, nothing has
# changed.  The server may keep running; its sessions are those of the
# dump afterwards.
# The next start (make run, or the service) migrates the restored database
# to the code of the day, as it does any other.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)

die() {
	echo "restore: $*" >&2
	exit 1
}

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: make restore FILE=path/to/handoff-....dump [FORCE=1]"
file=$(cd "$(dirname "$1")" 2>/dev/null && pwd)/$(basename "$1") ||
    die "no such file: $1"
[ -f "$file" ] || die "no such file: $1"
pg_restore --list "$file" >/dev/null 2>&1 ||
    die "$1 is not a dump of pg_dump -Fc (make backup makes them)"

cd "$top"
pgdir=${HANDOFF_PG_DIR:-.data/pg}
if [ -n "${DATABASE_URL:-}" ]; then
	dsn=$DATABASE_URL
	where="the database of DATABASE_URL"
else
	src/tools/pg.sh start "$pgdir" >/dev/null
	dsn=$(src/tools/pg.sh dsn "$pgdir")
	where="the database of $pgdir"
fi

psql_db() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$dsn" "$@"
}

# Data is what people entered: people, projects, accounts (migrations
# alone fill only settings and templates).
data=
for table in people projects users; do
	if [ "$(psql_db -c "SELECT to_regclass('public.$table') IS NOT NULL")" = t ] &&
	    [ "$(psql_db -c "SELECT EXISTS (SELECT 1 FROM public.$table)")" = t ]; then
		data="$data $table"
	fi
done
if [ -n "$data" ] && [ "${FORCE:-}" != 1 ]; then
	die "$where holds data (rows in:$data); FORCE=1 replaces it" \
	    "with the dump"
fi

echo "restore: $(basename "$file") into $where" >&2
if ! { echo "SET client_min_messages = warning;"
    echo "DROP SCHEMA IF EXISTS api CASCADE;"
    pg_restore --clean --if-exists --no-owner --file=- "$file"
    # The digests kept whole are told true by the transaction ids of the
    # cluster they were made in (sql/0041_kept_reads.sql): a dump of
    # make backup holds none of their rows, a plain one may.  Emptied,
    # and the horizon started here, as a migrate does.
    echo "DO \$kept\$ BEGIN
	IF to_regclass('public.kept_horizon') IS NOT NULL THEN
		DELETE FROM public.kept_reads;
		DELETE FROM public.read_changes;
		DELETE FROM public.kept_horizon;
		INSERT INTO public.kept_horizon (xid, next, next_at)
		VALUES (pg_current_xact_id(), pg_current_xact_id(), now());
	END IF;
    END \$kept\$;"; } |
    psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$dsn" -f - \
    >/dev/null; then
	die "the restore failed; $where is as it was"
fi
echo "restore: done" >&2

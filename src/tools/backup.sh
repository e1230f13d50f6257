#!/bin/sh
# backup.sh: what `make backup` does.  A pg_dump in its custom format (-Fc:
# compressed, restored selectively and in any order by pg_restore) of the
# database into $BACKUP_DIR/handoff-<UTC time>.dump; the file's name is
# printed on standard output.
#
# The database is DATABASE_URL's when it is set, else the one `make run`
# serves: the cluster of .data/pg (HANDOFF_PG_DIR elsewhere), started if it
# is stopped.  pg_dump reads one consistent snapshot while the server goes
# on serving.  The dump is written aside, checked with pg_restore --list,
# and only then given its name: a handoff-*.dump is always a whole one.
# It holds password and token hashes: the directory is private (0700).
# The rows of the reads kept whole (sql/0041_kept_reads.sql) are left out:
# they are a cache, told true or stale by this cluster's transaction ids,
# which mean nothing in another; restore.sh, and the migrate after any
# restore, start them afresh.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

dir=${BACKUP_DIR:-.data/backups}
pgdir=${HANDOFF_PG_DIR:-.data/pg}

die() {
	echo "backup: $*" >&2
	exit 1
}

if [ -n "${DATABASE_URL:-}" ]; then
	dsn=$DATABASE_URL
else
	[ -f "$pgdir/data/PG_VERSION" ] ||
	    die "there is no database in $pgdir yet (make run makes it;" \
	    "or set DATABASE_URL)"
	src/tools/pg.sh start "$pgdir" >/dev/null
	dsn=$(src/tools/pg.sh dsn "$pgdir")
fi

umask 077
mkdir -p "$dir"
chmod 700 "$dir"
out=$dir/handoff-$(date -u +%Y%m%dT%H%M%SZ).dump
[ ! -e "$out" ] || die "$out exists already (one backup per second)"

trap 'rm -f "$out.part"' EXIT
pg_dump --format=custom --dbname="$dsn" --file="$out.part" \
    --exclude-table-data=public.kept_reads \
    --exclude-table-data=public.read_changes \
    --exclude-table-data=public.kept_horizon ||
    die "pg_dump failed; no backup was made"
pg_restore --list "$out.part" >/dev/null ||
    die "pg_dump wrote a file that pg_restore cannot read; no backup was made"
mv "$out.part" "$out"
trap - EXIT

echo "backup: $(wc -c < "$out" | tr -d ' ') bytes" >&2
echo "$out"

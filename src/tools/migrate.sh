#!/bin/sh
# migrate.sh: bring the database named by DATABASE_URL up to date.
# (MIGRATIONS_DIR points elsewhere than sql/; the tests use it.)
#
# Each sql/NNNN_name.sql is applied once, in order, in its own transaction
# together with the row that records it in schema_migrations.  A failing
# file leaves the database at the previous version; psql names the file and
# line and prints PostgreSQL's error, and we stop.
set -eu

: "${DATABASE_URL:?DATABASE_URL must be set}"
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${MIGRATIONS_DIR:-$top/sql}

psql_db() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$DATABASE_URL" "$@"
}

psql_db -c "SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS schema_migrations (
	version		text PRIMARY KEY,
	applied_at	timestamptz NOT NULL DEFAULT now()
)"

applied=$(psql_db -At -c "SELECT version FROM schema_migrations")

for f in "$dir"/[0-9][0-9][0-9][0-9]_*.sql; do
	[ -e "$f" ] || continue
	version=$(basename "$f" .sql)
	if printf '%s\n' "$applied" | grep -qxF "$version"; then
		continue
	fi

	echo "migrate: applying $version"
	if ! printf '%s\n' \
	    "INSERT INTO schema_migrations (version) VALUES (:'version');" |
	    psql_db --single-transaction -v version="$version" \
	    -c "SET client_min_messages = warning" -f "$f" -f -; then
		echo "migrate: $version failed; the database is left at" \
		    "the version before it" >&2
		exit 1
	fi
done

#!/bin/sh
# handoff-migrate: the installed migrate command (`make install` puts this
# file in $(PREFIX)/bin).  It runs the project's own migrate.sh, installed
# unchanged in $(PREFIX)/share/handoff, on the SQL installed beside it
# ($(PREFIX)/share/handoff/sql: the numbered migrations, applied once each,
# and sql/api, loaded afresh at every run), so it gives the guarantees that
# migrate.sh documents.  The paths are found from this file's own place,
# so a staged install (DESTDIR) works as well as the real one.
#
#   DATABASE_URL="host=127.0.0.1 port=5432 dbname=handoff user=handoff" \
#       handoff-migrate
#
# With the service's settings: sudo sh -c 'set -a;
#     . /etc/handoff/handoff.env; exec handoff-migrate'
set -eu

here=$(dirname "$(readlink -f "$0")")
share=$(cd "$here/../share/handoff" && pwd)
MIGRATIONS_DIR=$share/sql
export MIGRATIONS_DIR
exec "$share/migrate.sh" "$@"

#!/bin/sh
# seed.sh: load the demo portfolio (sql/demo/seed.sql) into the database of
# DATABASE_URL, only when it holds no people and no projects yet.  The demo
# is dated relative to today, or to HANDOFF_TODAY when that is set.
set -eu

: "${DATABASE_URL:?DATABASE_URL must be set}"
top=$(cd "$(dirname "$0")/../.." && pwd)

empty=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -c \
    "SELECT NOT EXISTS (SELECT 1 FROM people) AND
	NOT EXISTS (SELECT 1 FROM projects)")
if [ "$empty" != t ]; then
	exit 0
fi

today=${HANDOFF_TODAY:-$(date +%Y-%m-%d)}
echo "seed: loading the demo portfolio (dated from $today)"
psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$DATABASE_URL" \
    -v today="$today" -c "SET client_min_messages = warning" \
    -f "$top/sql/demo/seed.sql" >/dev/null

# Demo accounts, one per role; the passwords are in the README, for the
# demo only.  handoffctl reads a password on standard input.
if [ "$(psql -X -q -At -d "$DATABASE_URL" -c \
    "SELECT count(*) FROM users")" = 0 ]; then
	ctl=${HANDOFF_CTL:-$top/.build/handoffctl}
	echo demo-admin-pass | "$ctl" user-add --email admin@example.com \
	    --name "Ada Admin" --role admin >/dev/null
	echo demo-pm-pass | "$ctl" user-add --email maya@example.com \
	    --name "Maya Chen" --role pm >/dev/null
	echo demo-member-pass | "$ctl" user-add --email ana@example.com \
	    --name "Ana Ruiz" --role member >/dev/null
	echo demo-viewer-pass | "$ctl" user-add --email victor@example.com \
	    --name "Victor Viewer" --role viewer >/dev/null
	echo "seed: demo accounts: admin@example.com / demo-admin-pass," \
	    "maya@example.com / demo-pm-pass (see README)"
fi

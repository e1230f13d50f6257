#!/bin/sh
# migrate.sh: bring the database named by DATABASE_URL up to date.
# (MIGRATIONS_DIR points elsewhere than sql/; the tests use it.)
#
# 1. Schema and data.  Each sql/NNNN_name.sql is applied once, in order, in
#    its own transaction together with the row that records it in
#    schema_migrations.  A failing file leaves the database at the previous
#    version; psql names the file and line and prints PostgreSQL's error,
#    and we stop.
#
# 2. Behaviour.  Then, at every run, in one transaction, the schema "api"
#    is dropped, made again and every sql/api/*.sql is loaded into it in the
#    order of their names (their two-digit prefixes): each function is the
#    one its file holds now, whether or not a numbered migration ran, and
#    one taken out of the files is gone.  A failing file rolls the whole
#    step back, so the functions of before the run stay, and psql names the
#    file and line.
#
# The schema and its functions belong to the role of DATABASE_URL, as they
# always did (handoff, which owns the database, in every set-up here).  The
# schema's owner and privileges survive the rebuild: a database migrated
# by another role, which granted the server's role USAGE, keeps working.
# Anything else about the functions, privileges on one of them included,
# is what the files say.  The rebuild refuses, naming them, when dropping
# the schema would take more than code with it: an object outside it that
# depends on it (a default, check, index or view that calls an api
# function; a function elsewhere with an api type) or a table in it.  A
# trigger that calls an api function is behaviour too: it goes with the
# schema and the file that defines the function makes it again.
#
# Servers may be running (an upgrade, one instance after another).  The
# rebuild drops and makes again triggers on most tables, each drop an
# exclusive lock taken when the statement reaches it, while a server's
# transaction holds a table the rebuild has yet to reach and waits for one
# it took: a deadlock, which PostgreSQL ends by failing one of the two,
# the migration or the server's request.  So the rebuild first locks every
# table and view, all at once or not at all: when they are not all its
# within half of deadlock_timeout (at most 400 ms), it lets go of them
# before any server's wait could be seen as a deadlock, and tries again a
# moment later, for up to a minute.  Once it holds them it waits for
# nobody; requests wait for it (a second or two) and go on.
#
# So a numbered migration does not call api.* (a new database has none
# yet); one that drops a table or type that an api function takes must
# drop that function too (sql/api/ brings it back); and a file of sql/api/
# neither commits nor rolls back.
set -eu

: "${DATABASE_URL:?DATABASE_URL must be set}"
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${MIGRATIONS_DIR:-$top/sql}

psql_db() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$DATABASE_URL" "$@"
}

if [ ! -d "$dir/api" ]; then
	echo "migrate: $dir/api is missing: there would be no api functions" >&2
	exit 1
fi

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

# The rebuild of "api", before the files.  The old schema's owner and
# grants (aclexplode: USAGE or CREATE, to a role or to PUBLIC, grantee 0)
# are given to the new one; the owner's own entry is implicit.
rebuild=$(cat <<'SQL'
DO $rebuild$
DECLARE
	old	record;
	existed	boolean;
	uses	text;
	g	record;
BEGIN
	SELECT oid, nspowner, nspacl INTO old
	FROM pg_namespace WHERE nspname = 'api';
	existed := FOUND;

	-- What CASCADE would take with it, besides code: objects outside the
	-- schema that use one of its functions or types (or the schema), and
	-- tables or sequences in it.
	IF existed THEN
		SELECT string_agg(what, '; ' ORDER BY what) INTO uses
		FROM (SELECT format('%s uses %s',
			pg_describe_object(d.classid, d.objid, d.objsubid),
			pg_describe_object(d.refclassid, d.refobjid,
			d.refobjsubid)) AS what
		    FROM pg_depend d,
			pg_identify_object(d.refclassid, d.refobjid,
			    d.refobjsubid) AS r,
			pg_identify_object(d.classid, d.objid,
			    d.objsubid) AS o
		    WHERE (r.schema = 'api' OR (d.refclassid =
			'pg_namespace'::regclass AND d.refobjid = old.oid))
		      AND o.schema IS DISTINCT FROM 'api'
		      -- Triggers are behaviour: sql/api/ makes them again.
		      AND d.classid <> 'pg_trigger'::regclass
		      -- So are the views of api (their rules have no schema).
		      AND NOT (d.classid = 'pg_rewrite'::regclass AND
			EXISTS (SELECT 1 FROM pg_rewrite rw
			    JOIN pg_class c ON c.oid = rw.ev_class
			    WHERE rw.oid = d.objid AND
			    c.relnamespace = old.oid))
		    UNION
		    SELECT format('%s is in it',
			pg_describe_object('pg_class'::regclass, c.oid, 0))
		    FROM pg_class c
		    WHERE c.relnamespace = old.oid
		      AND c.relkind IN ('r', 'p', 'm', 'S')) AS w;
		IF uses IS NOT NULL THEN
			RAISE EXCEPTION 'schema api cannot be dropped and '
			    'made again: %', uses
			    USING HINT = 'Schema api is made again from '
				'sql/api at every migrate: it holds no data and '
				'nothing outside it may depend on it.  Change '
				'that in a numbered migration.';
		END IF;
		DROP SCHEMA api CASCADE;
	END IF;

	CREATE SCHEMA api;

	IF existed THEN
		IF old.nspowner <> (SELECT nspowner FROM pg_namespace
		    WHERE nspname = 'api') THEN
			EXECUTE format('ALTER SCHEMA api OWNER TO %I',
			    pg_get_userbyid(old.nspowner));
		END IF;
		FOR g IN SELECT a.privilege_type, a.is_grantable,
		    CASE WHEN a.grantee = 0 THEN 'public'
			ELSE pg_get_userbyid(a.grantee) END AS grantee
		    FROM aclexplode(old.nspacl) AS a
		    WHERE a.grantee <> old.nspowner LOOP
			IF g.is_grantable THEN
				EXECUTE format('GRANT %s ON SCHEMA api TO %I '
				    'WITH GRANT OPTION', g.privilege_type,
				    g.grantee);
			ELSE
				EXECUTE format('GRANT %s ON SCHEMA api TO %I',
				    g.privilege_type, g.grantee);
			END IF;
		END LOOP;
	END IF;
END
$rebuild$
SQL
)

# Every table and view, before the rebuild: all of them within the budget,
# or none (the error's words are what the loop below waits on).
lock=$(cat <<'SQL'
DO $lock$
DECLARE
	began	timestamptz := clock_timestamp();
	budget	interval := least(interval '400 ms',
		    current_setting('deadlock_timeout')::interval / 2);
	remain	interval;
	rel	regclass;
BEGIN
	FOR rel IN SELECT c.oid FROM pg_class c
	    JOIN pg_namespace n ON n.oid = c.relnamespace
	    WHERE c.relkind IN ('r', 'p', 'v', 'm')
	      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
	      AND n.nspname !~ '^pg_(toast|temp_)'
	    ORDER BY c.oid LOOP
		remain := budget - (clock_timestamp() - began);
		IF remain <= interval '0' THEN
			RAISE EXCEPTION USING ERRCODE = 'lock_not_available';
		END IF;
		PERFORM set_config('lock_timeout', ceil(extract(epoch FROM
		    remain) * 1000)::text, true);
		EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', rel);
	END LOOP;
	PERFORM set_config('lock_timeout', '0', true);
EXCEPTION WHEN lock_not_available THEN
	RAISE EXCEPTION 'migrate: the tables are in use, trying again';
END
$lock$
SQL
)

set --
for f in "$dir"/api/*.sql; do
	[ -e "$f" ] || continue
	set -- "$@" -f "$f"
done

echo "migrate: loading the api functions ($(($# / 2)) files of $dir/api)"
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
tries=0
while ! psql_db --single-transaction -c "SET client_min_messages = warning" \
    -c "$lock" -c "$rebuild" "$@" 2>"$errors"; do
	tries=$((tries + 1))
	if ! grep -q 'migrate: the tables are in use' "$errors"; then
		cat "$errors" >&2
		echo "migrate: loading $dir/api failed; the api functions are" \
		    "still those of before this run" >&2
		exit 1
	fi
	if [ "$tries" -ge 100 ]; then
		echo "migrate: for a minute, some transaction always held a" \
		    "table (see pg_stat_activity); the api functions are still" \
		    "those of before this run" >&2
		exit 1
	fi
	sleep 0.$((tries % 3 + 1))
done
cat "$errors" >&2
if [ "$tries" -gt 0 ]; then
	echo "migrate: the tables were in use; loaded at try $((tries + 1))"
fi

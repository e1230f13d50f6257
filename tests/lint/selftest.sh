#!/bin/sh
# selftest.sh: show that sql-params.sh fails when it should, and only then.
#
#  1. A tree of bad and good examples: the checker must fail and report
#     exactly the lines marked BAD (a C comment or an SQL -- comment on
#     the line it should name), no more and no fewer.
#  2. The good examples alone: it must pass.
#  3. This checkout: it must pass.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
check=$here/sql-params.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

mkdir -p "$tmp/good/src" "$tmp/good/sql/api"

# --- good examples: each pattern the checker must accept --------------------

cat > "$tmp/good/src/good.h" <<'EOF'
struct good_action {
	const char	*pattern;
	const char	*sql;
	void		(*adjust)(struct thing *req, int n);
	int		 status;
};
EOF

cat > "$tmp/good/src/db.c" <<'EOF'
#include "good.h"

struct stmt {
	const char	*sql;
};

int	db_push_params(struct db_call *, const char *, const char *const *,
	    size_t);

int
db_push_params(struct db_call *call, const char *sql,
    const char *const *params, size_t nparams)
{
	struct stmt	*st = &call->stmts[0];

	st->sql = sql;		/* not a table type: the db layer's own */
	return (PQexecParams(call->conn, sql, nparams, params));
}
EOF

cat > "$tmp/good/src/good.c" <<'EOF'
#include "good.h"

static const char *const good_sql[] = {
	"SELECT * FROM api.facts_people()",
	"SELECT * FROM api.facts_plans()",
};

static const struct good_action actions[] = {
	{ "/a", "SELECT api.a($1::jsonb)", NULL, 200 },
	{ "/b", "SELECT api.b($1::jsonb)" },
	{ .pattern = "/c", .sql = "SELECT " "api.c($1::jsonb)" },
	{ .pattern = "/d" },
	{ "/e", NULL, NULL, 204 },
};

static const struct good_action one = {
	"/f", "SELECT api.f($1::jsonb)", NULL, 200
};

int
good_calls(struct db_call *call, const struct good_action *a,
    const char *input, int i)
{
	struct sbuf	b;
	char		msg[64];

	if (db_push0(call, "SELECT 1") != 0 ||
	    db_push(call, ("SELECT api.x($1::jsonb)"), input) != 0)
		return (-1);
	db_push(call, "SELECT api.y($1::jsonb, "
	    "$2::int)", input, "3");
	db_push0(call, good_sql[i]);
	db_push(call, a->sql, input);
	db_push(call, actions[i].sql, input);
	db_push(call, one.sql, input);
	db_push_json(call, "SELECT api.z($1::jsonb)", doc);

	html_printf(&b, "<select id=\"%s-status\" name=\"status\">\n", input);
	sbuf_str(&b, "</select>\n<summary>Update status</summary>");
	html_printf(&b, "<button>Delete it from the plan</button>%s", input);
	(void)snprintf(msg, sizeof(msg), "could not update %s", input);
	kore_log(LOG_ERR, "SELECT api.x($1) failed: %s", input);
	return (0);
}
EOF

cat > "$tmp/good/sql/0001_good.sql" <<'EOF'
-- EXECUTE 'SELECT ' || x in a comment is not code.
CREATE FUNCTION api.good(p_fn text, p_arg jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $body$
DECLARE
	result jsonb;
BEGIN
	PERFORM api.fail('HF400', format('%s is not run', p_fn));
	EXECUTE format('SELECT api.%I($1)', p_fn) INTO result USING p_arg;
	EXECUTE format('SELECT %1$I.%2$I($1)', 'api', p_fn)
	    INTO STRICT result USING p_arg;
	EXECUTE 'SELECT 1';
	EXECUTE format('SELECT ' || 'api.%I($1) -- 100%%', p_fn) USING p_arg;
	RAISE NOTICE 'execute %', p_fn;
	RETURN result;
END
$body$;

CREATE TRIGGER touch AFTER UPDATE ON api.thing
    FOR EACH ROW EXECUTE FUNCTION api.touch();
EOF

# The functions live in sql/api/, read as well as the numbered migrations.
cat > "$tmp/good/sql/api/good.sql" <<'EOF'
CREATE FUNCTION api.also_good(p_fn text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT api.%I()', p_fn);
END
$$;
EOF

# --- bad examples: every line marked BAD must be reported ------------------

cp -R "$tmp/good" "$tmp/bad"

cat > "$tmp/bad/src/bad.h" <<'EOF'
struct bad_method {
	int		 method;
	const char	*sql;
	int		 status;
};
EOF

cat > "$tmp/bad/src/bad.c" <<'EOF'
#include "bad.h"

static const char *const not_all_literal[] = { "SELECT 1", OTHER_SQL };
static const char *mutable_sql[] = { "SELECT 1" };

static const struct bad_method methods[] = {
	{ 1, "SELECT api.a($1::jsonb)", 200 },
	{ 2, query_text, 200 },	/* BAD */
	{ 3, "SELECT api.b(" "$1::jsonb)", 200 },
	BAD_ENTRY(4),	/* BAD */
};

static struct bad_method writable = { 3, "SELECT 2", 200 };	/* BAD */

int
bad_calls(struct db_call *call, const char *input, int i)
{
	char			 q[256];
	const struct bad_method	*m = &methods[0];
	struct bad_method	*w = NULL;
	struct sbuf		 b;

	(void)snprintf(q, sizeof(q),	/* BAD */
	    "SELECT * FROM people WHERE name = '%s'", input);
	db_push(call, q, input);	/* BAD */
	db_push0(call, input);	/* BAD */
	db_push0(call, "SELECT " INPUT);	/* BAD */
	db_push_params(call, mutable_sql[i], NULL, 0);	/* BAD */
	db_push0(call, not_all_literal[i]);	/* BAD */
	db_push_json(call, q, doc);	/* BAD */
	if (db_push(call, m->sql, input) != 0)
		return (-1);
	sbuf_printf(&b, "select id from people where id = %s", input); /* BAD */
	kore_buf_appendf(buf, "DELETE FROM people WHERE id = %s", i); /* BAD */
	html_printf(&b, "UPDATE people SET name = '%s'", q);	/* BAD */
	strlcpy(q, "INSERT INTO people (name) VALUES ('", 256); /* BAD */
	strlcat(q, input, sizeof(q));
	sbuf_str(&b, "SELECT api.person_get(");	/* BAD */
	w->sql = q;	/* BAD */
	db_push(call, (struct bad_method){ 1, q, 2 }.sql, input); /* BAD */
	db_push(call, route->methods[i].sql, input);	/* BAD */
	db_push(call, ((const struct bad_method){ 1, q }).sql, q); /* BAD */
	db_push(call, i ? "SELECT 1" : "SELECT 2");	/* BAD */
	PQexec(conn, input);	/* BAD */
	kore_pgsql_query(&sql, q);	/* BAD */
	return (db_push(call,	/* BAD */
	    q, input));
}
EOF

cat > "$tmp/bad/sql/0002_bad.sql" <<'EOF'
CREATE FUNCTION api.bad(p_fn text, p_v text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	q text := 'SELECT 1';
BEGIN
	EXECUTE 'SELECT ' || p_fn;	-- BAD
	EXECUTE format('SELECT %s', p_v);	-- BAD
	EXECUTE format('SELECT %L', p_v);	-- BAD
	EXECUTE format('SELECT api.%I(%2$s)', p_fn, p_v);	-- BAD
	EXECUTE q;	-- BAD
	EXECUTE format('SELECT api.%I($1)', p_fn) || ' LIMIT 1';	-- BAD
	execute format(q, p_fn);	-- BAD
	EXECUTE	-- BAD
	    format('DELETE FROM %I WHERE x = ''%s''', p_fn, p_v);
	RETURN QUERY EXECUTE concat('SELECT ', p_v);	-- BAD
	EXECUTE $q$SELECT 1$q$;	-- BAD
END
$$;
EOF

cat > "$tmp/bad/sql/api/bad.sql" <<'EOF'
CREATE FUNCTION api.also_bad(p_v text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'DELETE FROM people WHERE name = ''' || p_v || '''';	-- BAD
	EXECUTE format('SELECT %L', p_v);	-- BAD
END
$$;
EOF

# --- the runs --------------------------------------------------------------

# 1. Bad and good together: fails, naming exactly the BAD lines.
(cd "$tmp/bad" && grep -n 'BAD \*/\|-- BAD' src/*.c sql/*.sql \
    sql/api/*.sql) |
    cut -d: -f1,2 | sort -u > "$tmp/want"
if "$check" "$tmp/bad" > "$tmp/out" 2>&1; then
	echo "lint selftest: FAILED: the bad examples passed" >&2
	failed=1
fi
sed -n 's/^sql-params: \([^:]*:[0-9]*\): .*/\1/p' "$tmp/out" | sort -u \
    > "$tmp/got"
if ! diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
	echo "lint selftest: FAILED: reported lines (+) differ from the" \
	    "lines marked BAD (-):" >&2
	sed 's/^/    /' "$tmp/diff" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 2. The good examples alone pass.
if ! "$check" "$tmp/good" > "$tmp/out" 2>&1; then
	echo "lint selftest: FAILED: the good examples were refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 3. So does this checkout.
if ! "$check" "$top" > "$tmp/out" 2>&1; then
	echo "lint selftest: FAILED: this checkout was refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "lint selftest: ok ($(wc -l < "$tmp/want") bad lines caught," \
    "good examples and this checkout pass)"

#!/bin/sh
# statements-selftest.sh: show that statements.sh fails when it should, and
# only then.
#
#  1. A tree of bad and good examples: the checker must fail and report
#     exactly the lines marked BAD (a C comment or an SQL -- comment on
#     the line it should name), no more and no fewer.
#  2. The good examples alone: it must pass.
#  3. This checkout: it must pass.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
check=$here/statements.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

mkdir -p "$tmp/good/src/cli" "$tmp/good/sql/api"

# --- good examples: each pattern the checker must accept --------------------

cat > "$tmp/good/src/stmt.c" <<'EOF'
#define AUTHED(fn)	"SELECT api." fn "(api.authorize($1::jsonb))"

static const char *const catalog[] = {
	"SELECT api.healthz()",
	AUTHED("project_get"),
	"SELECT api.project_patch("
	    "$1::jsonb)",
	"SELECT 1 WHERE $1::int > 0",
};

const char *
stmt_sql(int s)
{
	return (catalog[s]);
}
EOF

cat > "$tmp/good/src/db.c" <<'EOF'
int
db_send(struct db_call *call, int s, const char *param)
{
	const char	*sql = stmt_sql(s);

	return (kore_pgsql_query_params(&call->sql, stmt_sql(s), 0, 1,
	    param, (int)strlen(param), 0));
}

int
db_check(PGconn *conn)
{
	return (PQsendQueryParams(conn, stmt_sql(STMT_PING), 0, NULL, NULL,
	    NULL, NULL, 0));
}
EOF

cat > "$tmp/good/src/page.c" <<'EOF'
void
page_status(struct sbuf *b, const char *input)
{
	char	msg[64];

	html_printf(b, "<select id=\"%s-status\" name=\"status\">\n", input);
	sbuf_str(b, "</select>\n<summary>Update status</summary>");
	html_printf(b, "<button>Delete it from the plan</button>%s", input);
	(void)snprintf(msg, sizeof(msg), "could not update %s", input);
	/* A comment may say SELECT * FROM people WHERE x = $2. */
	kore_log(LOG_ERR, "statement %s failed: %s", stmt_name(1), input);
}
EOF

cat > "$tmp/good/src/cli/tool.c" <<'EOF'
int
tool_run(PGconn *conn, const char *const *params)
{
	PGresult	*res;

	res = PQexecParams(conn, stmt_sql(STMT_CTL_USERS), 1, NULL, params,
	    NULL, NULL, 0);
	return (res == NULL);
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

cat > "$tmp/bad/src/stmt.c" <<'EOF'
#define AUTHED(fn)	"SELECT api." fn "(api.authorize($1::jsonb))"

static const char *const catalog[] = {
	"SELECT api.healthz()",
	AUTHED("project_get"),
	"SELECT api.project_patch($1::jsonb, $2::int)",	/* BAD */
	"SELECT * FROM people WHERE name = '%s'",	/* BAD */
};

const char *
stmt_sql(int s)
{
	static char	buf[256];

	(void)snprintf(buf, sizeof(buf), "%s", catalog[s]);
	return (buf);
}
EOF
# The snprintf above is reported at line 1: the catalog as a whole.
printf '%s\n' '/* BAD: the catalog uses a printf-like call */' \
    "$(cat "$tmp/bad/src/stmt.c")" > "$tmp/bad/src/stmt.c.new"
mv "$tmp/bad/src/stmt.c.new" "$tmp/bad/src/stmt.c"
sed -i 's|/\* BAD \*/|/* BAD */|' "$tmp/bad/src/stmt.c"
sed -i '1s|.*|/* BAD */|' "$tmp/bad/src/stmt.c"

cat > "$tmp/bad/src/bad.c" <<'EOF'
static const char *const local_sql[] = {
	"SELECT api.person_get($1::jsonb)",	/* BAD */
};

int
bad_calls(struct db_call *call, PGconn *conn, const char *input, int i)
{
	char		 q[256];
	struct sbuf	 b;

	(void)snprintf(q, sizeof(q),
	    "SELECT * FROM people WHERE name = '%s'", input);	/* BAD */
	sbuf_printf(&b, "select id from people where id = %s", input); /* BAD */
	kore_buf_appendf(buf, "DELETE FROM people WHERE id = %s", i); /* BAD */
	html_printf(&b, "UPDATE people SET name = '%s'", q);	/* BAD */
	sbuf_str(&b, "SELECT api.person_get(");	/* BAD */
	kore_pgsql_query(&call->sql, q);	/* BAD */
	kore_pgsql_query_params(&call->sql,	/* BAD */
	    local_sql[i], 0, 1, input, 4, 0);
	PQexec(conn, input);	/* BAD */
	PQsendQueryParams(conn, sql_for(i), 1, NULL, &input,	/* BAD */
	    NULL, NULL, 0);
	PQprepare(conn, "s1", q, 1, NULL);	/* BAD */
	return (kore_pgsql_query_params(&call->sql, stmt_sql(i), 0, 0));
}
EOF

cat > "$tmp/bad/src/cli/tool.c" <<'EOF'
int
tool_run(PGconn *conn, const char *name)
{
	const char	*p[1] = { name };

	return (PQexecParams(conn, "SELECT api.user_add($1)",	/* BAD */
	    1, NULL, p, NULL, NULL, 0) == NULL);
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
(cd "$tmp/bad" && grep -n 'BAD \*/\|/\* BAD\|-- BAD' src/*.c src/cli/*.c \
    sql/*.sql sql/api/*.sql) |
    cut -d: -f1,2 | sort -u > "$tmp/want"
if "$check" "$tmp/bad" > "$tmp/out" 2>&1; then
	echo "statements selftest: FAILED: the bad examples passed" >&2
	failed=1
fi
sed -n 's/^statements: \([^:]*:[0-9]*\): .*/\1/p' "$tmp/out" | sort -u \
    > "$tmp/got"
if ! diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
	echo "statements selftest: FAILED: reported lines (+) differ from" \
	    "the lines marked BAD (-):" >&2
	sed 's/^/    /' "$tmp/diff" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 2. The good examples alone pass.
if ! "$check" "$tmp/good" > "$tmp/out" 2>&1; then
	echo "statements selftest: FAILED: the good examples were refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 3. So does this checkout.
if ! "$check" "$top" > "$tmp/out" 2>&1; then
	echo "statements selftest: FAILED: this checkout was refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "statements selftest: ok ($(wc -l < "$tmp/want") bad lines caught," \
    "good examples and this checkout pass)"

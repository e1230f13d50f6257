#!/bin/sh
# statements.sh [DIR]: fail if a statement is not the catalog's, or SQL
# could be assembled from input.
#
# DIR is the top of a checkout (default: this one); its src/*.[ch],
# src/cli/*.c, sql/0*.sql and sql/api/*.sql are read.  Every finding is
# printed as file:line: why.
#
#  1. SQL text lives in the catalog (src/stmt.c) and nowhere else: no
#     other string literal in src/ reads as SQL (DELETE FROM, INSERT INTO,
#     UPDATE x SET, or SELECT -- not an HTML <select> -- with a second
#     sign of SQL: FROM, INTO, WHERE, VALUES, RETURNING, JOIN, $1, ::,
#     api., SELECT *).
#  2. Every call that sends a statement (kore_pgsql_query*, PQexec*,
#     PQsendQuery*, PQprepare) sends the catalog's text: its arguments
#     hold stmt_sql(...).
#  3. The catalog's statements take $1 only, and none is made with a
#     format or a string function.
#  4. In sql/0*.sql and sql/api/*.sql, EXECUTE runs a quoted literal, or
#     format() whose format string is made of literals and whose only
#     placeholders are %I (identifiers) and %%; values go in with USING.
#
# The work is done by statements.pl; tests/lint/statements-selftest.sh
# shows each rule failing.
set -eu

dir=${1:-$(dirname "$0")/../..}
if [ ! -d "$dir/src" ]; then
	echo "statements: no src/ in $dir" >&2
	exit 2
fi

exec perl "$(dirname "$0")/statements.pl" "$dir"

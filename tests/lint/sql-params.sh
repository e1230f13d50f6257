#!/bin/sh
# sql-params.sh [DIR]: fail if an SQL statement could be assembled from input.
#
# DIR is the top of a checkout (default: this one); its src/*.c,
# sql/0*.sql and sql/api/*.sql are read.  Every finding is printed as
# file:line: why.
#
#  1. Every db_push / db_push0 / db_push_params / db_push_json call in
#     src/*.c passes as its SQL either a string literal, an element of a
#     `static const char *const NAME[] = { "...", ... }` array in the same
#     file (db_facts.c's facts_sql[]), or the member of a table entry
#     (api_routes.c's struct api_method, page_*.c's struct page_action).
#     For a member, every object of that struct type in src/*.c must be a
#     const table whose entries hold a literal (or nothing) there; no
#     compound literal of the type and no assignment to the member.  And
#     statements run only through db.c: kore_pgsql_query* and PQexec* et al.
#     appear nowhere else.
#  2. No SQL text goes into a buffer: no string literal that reads as SQL
#     is an argument of a printf-like function (snprintf, sbuf_printf,
#     html_printf, kore_buf_appendf, ...) or of a function that copies or
#     appends (strlcat, strlcpy, sbuf_str, kore_buf_append, ...).  "Reads
#     as SQL": SELECT, INSERT, UPDATE or DELETE in upper or lower case,
#     not as an HTML tag (<select>), together with a second SQL sign (FROM,
#     INTO, SET, WHERE, VALUES, RETURNING, JOIN, $1, ::, api., SELECT *).
#  3. In sql/0*.sql and sql/api/*.sql, EXECUTE runs a quoted literal, or
#     format() whose format string is made of literals and whose only
#     placeholders are %I (identifiers) and %%; values go in with USING.
#     EXECUTE of anything else (a variable, a || concatenation, %s or %L)
#     is refused.
#
# The work is done by sql-params.pl.  It reads C with a small tokenizer,
# not a compiler: the rules are deliberately narrow, and code they cannot
# see through is refused rather than trusted.  tests/lint/selftest.sh shows
# each rule failing.
set -eu

dir=${1:-$(dirname "$0")/../..}
if [ ! -d "$dir/src" ]; then
	echo "sql-params: no src/ in $dir" >&2
	exit 2
fi

exec perl "$(dirname "$0")/sql-params.pl" "$dir"

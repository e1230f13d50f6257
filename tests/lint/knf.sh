#!/bin/sh
# knf.sh [DIR [EXCEPTIONS]]: the C code is in OpenBSD KNF, as far as a
# line-oriented check can tell.
#
# DIR is the top of a checkout (default: this one); its src/, src/cli/,
# tests/unit/ and tests/fuzz/ *.c and *.h are read.  Every finding is
# printed as file:line: rule: why.  The rules:
#
#   long         no line over 80 columns, a tab counting to the next
#                multiple of 8;
#   trailing     no blank at the end of a line;
#   indent       tabs indent; spaces only after them, fewer than eight
#                (the four of a continuation line), never before a tab;
#   comment      /* */ comments, no C99 //;
#   keyword      a space between if, for, while, switch or return and
#                "(", and return's value in parentheses;
#   return-type  a function definition's name starts its line: the return
#                type is on the line before;
#   brace        a function definition's "{" is a line of its own.
#
# This replaces clang-format: clang-format 14 cannot write KNF (it pads
# declarations with spaces where KNF puts a tab, and does not keep the
# extra blank that lines up a "*" with the names above it), so a
# .clang-format that matched the code could not be written and one that
# did not would only be noise.  These checks are what it could not break.
#
# EXCEPTIONS (default tests/lint/knf.exceptions) lists lines let through,
# as "FILE RULE TEXT"; one that no longer matches a finding is stale and
# fails the check, so the list only shrinks.  tests/lint/knf-selftest.sh
# shows each rule failing.
set -eu

here=$(dirname "$0")
dir=${1:-$here/../..}
exceptions=${2:-$here/knf.exceptions}
if [ ! -d "$dir/src" ]; then
	echo "knf: no src/ in $dir" >&2
	exit 2
fi

perl "$here/knf.pl" "$dir" "$exceptions"
echo "knf: ok (80 columns, blanks, indentation, comments, keywords," \
    "definitions)"

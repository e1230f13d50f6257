#!/bin/sh
# cppcheck-selftest.sh: show that cppcheck.sh fails when it should.
#
#  1. A tree of bad examples, built with Kore's and jansson's headers as
#     the module is: cppcheck.sh must fail and report exactly the lines
#     that follow a "BAD: id" comment, with that id.
#  2. A tree of good KNF code: it passes with a suppressions file that
#     lets through what KNF does on purpose (variables at the top).
#  3. A suppression that matches nothing fails the check.
# This checkout is checked by cppcheck.sh itself (make lint).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
check=$here/cppcheck.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-cppcheck-st.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

mkdir -p "$tmp/bad/src" "$tmp/good/src"
printf '<?xml version="1.0"?>\n<suppressions>\n</suppressions>\n' \
    > "$tmp/none.xml"

# --- bad examples: the line after each "BAD: id" must be reported ---------

cat > "$tmp/bad/src/bad.c" <<'EOF'
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <jansson.h>

int	bad_index(void);
int	bad_null(int);
char	*bad_leak(size_t);
int	bad_uninit(int);
void	bad_free(char *);
int	bad_handler(struct http_request *);
size_t	bad_json(json_t *);

int
bad_index(void)
{
	int	a[4];

	memset(a, 0, sizeof(a));
/* BAD: arrayIndexOutOfBounds */
	return (a[4]);
}

int
bad_null(int n)
{
	int	*p = NULL;

	if (n > 0)
		return (n);
/* BAD: nullPointer */
	return (*p);
}

char *
bad_leak(size_t n)
{
	char	*p;

	if ((p = malloc(n)) == NULL)
		return (NULL);
	p[0] = '\0';
/* BAD: memleak */
	return (NULL);
}

int
bad_uninit(int n)
{
	int	x;

	if (n > 0)
		x = 1;
/* BAD: uninitvar */
	return (x);
}

void
bad_free(char *p)
{
	free(p);
/* BAD: doubleFree */
	free(p);
}

int
bad_handler(struct http_request *req)
{
	struct kore_pgsql	sql;

	kore_pgsql_init(&sql);
	http_response(req, 200, NULL, 0);
	kore_pgsql_cleanup(&sql);
	return (KORE_RESULT_OK);
}

size_t
bad_json(json_t *a)
{
	json_t	*v;
	size_t	 i, n;

	n = 0;
	json_array_foreach(a, i, v)
		n += json_is_string(v);
/* BAD: incorrectLogicOperator */
	if (n < 1 && n > 2)
		return (1);
	return (n);
}
EOF

# --- good examples ---------------------------------------------------------

cat > "$tmp/good/src/good.c" <<'EOF'
#include <stdlib.h>

#include <jansson.h>

size_t	good_count(json_t *, int);

size_t
good_count(json_t *a, int strings)
{
	size_t	 n;
	int	 is;

	n = json_array_size(a);
	if (strings) {
		is = json_is_array(a);
		n += (size_t)is;
	}
	return (n);
}
EOF

cat > "$tmp/knf.xml" <<'EOF'
<?xml version="1.0"?>
<suppressions>
  <suppress><id>variableScope</id></suppress>
</suppressions>
EOF

cat > "$tmp/stale.xml" <<'EOF'
<?xml version="1.0"?>
<suppressions>
  <suppress><id>variableScope</id></suppress>
  <suppress>
    <id>nullPointer</id>
    <fileName>src/good.c</fileName>
    <symbolName>n</symbolName>
  </suppress>
</suppressions>
EOF

# --- the runs --------------------------------------------------------------

# 1. The bad examples fail, with exactly the marked lines.
(cd "$tmp/bad" && awk '
	/BAD: [A-Za-z]+ \*\// {
		match($0, /BAD: [A-Za-z]+/)
		want[++n] = substr($0, RSTART + 5, RLENGTH - 5)
		next
	}
	n > 0 { for (i = 1; i <= n; i++) print FILENAME ":" FNR ": " want[i]
	    n = 0 }' src/bad.c) | sort > "$tmp/want"
if "$check" "$tmp/bad" "$tmp/none.xml" > "$tmp/out" 2>&1; then
	echo "cppcheck selftest: FAILED: the bad examples passed" >&2
	failed=1
fi
sed -n 's/^cppcheck: \([^:]*:[0-9]*\): [a-z]* (\([A-Za-z]*\)): .*/\1: \2/p' \
    "$tmp/out" | sort > "$tmp/got"
if ! diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
	echo "cppcheck selftest: FAILED: reported lines (+) differ from the" \
	    "lines marked BAD (-):" >&2
	sed 's/^/    /' "$tmp/diff" "$tmp/out" >&2
	failed=1
fi

# 2. Good KNF code passes, its variables at the top let through.
if ! "$check" "$tmp/good" "$tmp/knf.xml" > "$tmp/out" 2>&1; then
	echo "cppcheck selftest: FAILED: the good examples were refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi
if "$check" "$tmp/good" "$tmp/none.xml" > "$tmp/out" 2>&1 ||
    ! grep -q '(variableScope)' "$tmp/out"; then
	echo "cppcheck selftest: FAILED: without its suppression, the" \
	    "variable at the top was not reported:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 3. A stale suppression fails.
if "$check" "$tmp/good" "$tmp/stale.xml" > "$tmp/out" 2>&1 ||
    ! grep -q '(unmatchedSuppression)' "$tmp/out"; then
	echo "cppcheck selftest: FAILED: a stale suppression was not" \
	    "reported:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "cppcheck selftest: ok ($(wc -l < "$tmp/want") bad lines caught, good" \
    "code passes, a stale suppression fails)"

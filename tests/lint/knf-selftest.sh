#!/bin/sh
# knf-selftest.sh: show that knf.sh fails when it should, and only then.
#
#  1. A tree of bad examples: knf.sh must fail and report exactly the
#     lines that follow a "BAD: rule" comment, with that rule.
#  2. A tree of good examples (what KNF code looks like, and the look-alikes
#     the rules must let through): it must pass.
#  3. Exceptions: one that matches lets its line through; one that matches
#     nothing fails the check.
#  4. This checkout: it must pass.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
check=$here/knf.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-knf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
none=$tmp/no-exceptions
: > "$none"

mkdir -p "$tmp/good/src" "$tmp/bad/src"

# --- good examples ---------------------------------------------------------

# The line of 80 columns: two tabs (16) and 64 characters.
eighty="		x = \"$(printf '%057d' 0)\";"

cat > "$tmp/good/src/good.c" <<EOF
/*
 * A file in KNF.  // in a comment, if(x) and return x in a comment.
 */
#include <stdio.h>

#define TWICE(x)	((x) * 2)
#define LOOP(n)	do {						\\
	for (int i_ = 0; i_ < (n); i_++)				\\
		(void)i_;						\\
} while (0)

struct pair {
	int	 a;
	char	*b;
};

static const struct {
	const char	*url;
	int		 n;
} table[] = {
	{ "http://example.com/", 1 },	/* a URL is not a // comment */
	{ "if(x) return x;", 2 },
};

static int	helper(int, const char *,
		    int);
static void	(*hook)(int) = NULL;

static int
helper(int a, const char *s,
    int b)
{
	int	x;

	if (a > 0 && s != NULL) {
		x = a + b;
		return (x);
	}
$eighty
	switch (b) {
	case 1:
		return (TWICE(b));
	default:
		break;
	}
	while (a-- > 0)
		printf("%s\n", 'x' == '"' ? "\"//\"" : "ok");
	return (0);
}

const char *
name_of(int i)
{
	return (i < 2 ? table[i].url : NULL);
}

void
nothing(void)
{
	if (hook != NULL)
		hook(0);
	return;
}
EOF

# --- bad examples: the line after each "BAD: rule" must be reported --------

eightyone="		x = \"$(printf '%058d' 0)\";"

cat > "$tmp/bad/src/bad.c" <<EOF
#include <stdio.h>

/* BAD: return-type */
static int helper(int a)
{
	int	x = a;

/* BAD: long */
$eightyone
/* BAD: trailing */
	x++; 
/* BAD: trailing */
	x++;	
/* BAD: indent */
        x++;
/* BAD: indent */
 	x++;
/* BAD: indent */
	        x++;
/* BAD: comment */
	x++;	// counted
/* BAD: keyword */
	if(x > 2)
		x = 0;
/* BAD: keyword */
	while(x > 2)
		x--;
/* BAD: keyword */
	return x;
}

static const char *
/* BAD: brace */
pointer(void) {
	return (NULL);
}

void
indented(void)
/* BAD: brace */
	{
}

/* BAD: return-type */
/* BAD: brace */
int main(void) {
/* BAD: keyword */
	return(helper(1));
}
EOF

cat > "$tmp/bad/src/bad.h" <<EOF
/* BAD: comment */
// a header comment
int	bad_prototype(int);	/* a prototype on one line is fine */
EOF

# --- the runs --------------------------------------------------------------

# 1. The bad examples: fails, naming exactly the lines after the markers.
(cd "$tmp/bad" && awk '
	FNR == 1 { n = 0 }
	/BAD: [a-z-]+ \*\// {
		match($0, /BAD: [a-z-]+/)
		want[++n] = substr($0, RSTART + 5, RLENGTH - 5)
		next
	}
	n > 0 { for (i = 1; i <= n; i++) print FILENAME ":" FNR ": " want[i]
	    n = 0 }' src/bad.c src/bad.h) | sort > "$tmp/want"
if "$check" "$tmp/bad" "$none" > "$tmp/out" 2>&1; then
	echo "knf selftest: FAILED: the bad examples passed" >&2
	failed=1
fi
sed -n 's/^knf: \([^:]*:[0-9]*\): \([a-z-]*\): .*/\1: \2/p' "$tmp/out" |
    sort > "$tmp/got"
if ! diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
	echo "knf selftest: FAILED: reported lines (+) differ from the" \
	    "lines marked BAD (-):" >&2
	sed 's/^/    /' "$tmp/diff" >&2
	failed=1
fi
for rule in long trailing indent comment keyword return-type brace; do
	if ! grep -q ": $rule\$" "$tmp/want"; then
		echo "knf selftest: FAILED: no bad example of $rule" >&2
		failed=1
	fi
done

# 2. The good examples pass.
if ! "$check" "$tmp/good" "$none" > "$tmp/out" 2>&1; then
	echo "knf selftest: FAILED: the good examples were refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 3. An exception lets its line through; a stale one fails.
cp -R "$tmp/good" "$tmp/one"
printf '%s\n' "$eightyone" >> "$tmp/one/src/good.c"
line=$(printf '%s\n' "$eightyone" | sed 's/^[[:space:]]*//')
printf '# why\nsrc/good.c long %s\n' "$line" > "$tmp/exceptions"
if ! "$check" "$tmp/one" "$tmp/exceptions" > "$tmp/out" 2>&1; then
	echo "knf selftest: FAILED: a listed exception was refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi
if "$check" "$tmp/good" "$tmp/exceptions" > "$tmp/out" 2>&1 ||
    ! grep -q "exceptions:2: stale:" "$tmp/out"; then
	echo "knf selftest: FAILED: a stale exception was not reported:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

# 4. This checkout passes.
if ! "$check" "$top" > "$tmp/out" 2>&1; then
	echo "knf selftest: FAILED: this checkout was refused:" >&2
	sed 's/^/    /' "$tmp/out" >&2
	failed=1
fi

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "knf selftest: ok ($(wc -l < "$tmp/want") bad lines caught, good" \
    "examples, exceptions and this checkout pass)"

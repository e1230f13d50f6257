#!/bin/sh
# golden.sh TESTER: what the golden tester prints, compared with the golden
# files of tests/unit/golden/ (OpenBSD regress style: an input, a tiny
# tester, a diff).  With HANDOFF_GOLDEN_UPDATE=1 (make golden-update) the
# golden files are written instead; review the change and commit it.
#
# TESTER is the golden program (tests/unit/golden.c).  What is compared is
# derived from the inputs there are:
#
#   NAME.digest.md       the Markdown digests of tests/unit/risk/NAME.case,
#   NAME.digest.chat     its chat messages (mrkdwn) and
#   NAME.digest.html     its pages, for a case with digest blocks;
#   NAME.portfolio.html  the portfolio's table and portfolio-wide risks on
#                        the last check day of every tests/unit/risk/*.case;
#   NAME.timeline.html   the timeline SVG of tests/unit/golden/NAME.json,
#   NAME.viewer.html     its checkpoints, ownership matrix and handoffs,
#   NAME.member.html     and the same with the team's forms.
#
# A golden file that is missing, differs (the diff is printed) or that no
# input makes any more fails the run.
set -u

tester=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.."
golden=tests/unit/golden
update=${HANDOFF_GOLDEN_UPDATE:-0}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoff-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
count=0
: > "$tmp/made"

# render NAME MODE INPUT: make NAME, then compare it or update it.
render() {
	count=$((count + 1))
	echo "$1" >> "$tmp/made"
	if ! "$tester" "$2" "$3" > "$tmp/$1" 2> "$tmp/err"; then
		echo "golden: FAILED: $1: golden $2 $3:" >&2
		sed 's/^/    /' "$tmp/err" >&2
		failed=$((failed + 1))
		return
	fi
	if [ "$update" = 1 ]; then
		if ! cmp -s "$tmp/$1" "$golden/$1"; then
			cp "$tmp/$1" "$golden/$1"
			echo "golden: wrote $golden/$1"
		fi
	elif [ ! -f "$golden/$1" ]; then
		echo "golden: FAILED: $golden/$1 is missing; make" \
		    "golden-update writes it (review it, then commit it)" >&2
		failed=$((failed + 1))
	elif ! diff -u "$golden/$1" "$tmp/$1" > "$tmp/diff"; then
		echo "golden: FAILED: $1 differs from $golden/$1 (-) as" \
		    "rendered now (+):" >&2
		cat "$tmp/diff" >&2
		echo "golden: if the change is meant, make golden-update" >&2
		failed=$((failed + 1))
	fi
}

for case in tests/unit/risk/*.case; do
	name=$(basename "$case" .case)
	if grep -q '^[[:space:]]*digest[[:space:]]' "$case"; then
		render "$name.digest.md" digest "$case"
		render "$name.digest.chat" digest-chat "$case"
		render "$name.digest.html" digest-page "$case"
	fi
	render "$name.portfolio.html" portfolio "$case"
done
for json in "$golden"/*.json; do
	name=$(basename "$json" .json)
	render "$name.timeline.html" timeline "$json"
	render "$name.viewer.html" viewer "$json"
	render "$name.member.html" member "$json"
done

# Golden files that nothing makes any more.
for f in "$golden"/*; do
	name=$(basename "$f")
	case $name in *.json) continue ;; esac
	grep -qxF "$name" "$tmp/made" && continue
	if [ "$update" = 1 ]; then
		rm -f "$f"
		echo "golden: removed $f (no input makes it)"
	else
		echo "golden: FAILED: $f: no input makes it any more" >&2
		failed=$((failed + 1))
	fi
done

if [ "$failed" -ne 0 ]; then
	echo "golden: $failed of $count golden files failed" >&2
	exit 1
fi
echo "golden: $count golden files match"

#!/bin/sh
# run.sh DIR: run every unit test binary in DIR, and the golden files'
# comparison (golden.sh) with DIR's golden tester; fail if any fails.
# Tests run from the top of the checkout, so data files are found as
# tests/unit/<name>/... whatever the caller's directory.
set -u

dir=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.."
failed=0
count=0

for t in "$dir"/test_*; do
	[ -x "$t" ] || continue
	case $t in *.d) continue ;; esac
	count=$((count + 1))
	if ! "$t"; then
		echo "unit: FAILED: $(basename "$t")" >&2
		failed=$((failed + 1))
	fi
done

if [ -x "$dir/golden" ]; then
	count=$((count + 1))
	if ! tests/unit/golden.sh "$dir/golden"; then
		echo "unit: FAILED: golden files" >&2
		failed=$((failed + 1))
	fi
fi

if [ "$count" -eq 0 ]; then
	echo "unit: no test binaries in $dir" >&2
	exit 1
fi

if [ "$failed" -ne 0 ]; then
	echo "unit: $failed of $count test programs failed" >&2
	exit 1
fi
echo "unit: $count test programs passed"

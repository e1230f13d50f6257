#!/bin/sh
# run.sh MODULE [FILE...]: browser tests in Debian's Chromium
# (playwright-core): every tests/browser/*.test.js, or only the FILEs given.
# Runs under tests/lib/with-cluster.sh, which provides the database.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
HANDOFF_MODULE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export HANDOFF_MODULE
shift
[ $# -gt 0 ] || set -- "$top"/tests/browser/*.test.js

mkdir -p "$top/tests/output"
status=0
node --test --test-concurrency=1 --test-reporter=spec "$@" || status=$?
"$top"/tests/lib/check-kore-logs.sh "$HANDOFF_TEST_DIR" || status=1
exit "$status"

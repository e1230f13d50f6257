#!/bin/sh
# run.sh MODULE: the integration suite against the given module build.
# Runs under tests/lib/with-cluster.sh, which provides the database.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
HANDOFF_MODULE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export HANDOFF_MODULE

if [ -n "${HANDOFF_SANITIZE:-}" ]; then
	HANDOFF_ASAN_RUNTIME=$(clang -print-file-name=libclang_rt.asan-x86_64.so)
	export HANDOFF_ASAN_RUNTIME
	echo "integration: under ASan/UBSan ($HANDOFF_MODULE)"
fi

status=0
node --test --test-concurrency=1 --test-reporter=spec \
    "$top"/tests/integration/*.test.js || status=$?

# A worker that died and was restarted may have failed no request: read the
# server logs for it.
"$top"/tests/lib/check-kore-logs.sh "$HANDOFF_TEST_DIR" || status=1

# A sanitizer report in a worker does not always fail a request: read them.
logs="$HANDOFF_TEST_DIR/sanitizer"
if [ -d "$logs" ] && [ -n "$(ls -A "$logs")" ]; then
	echo "integration: sanitizer reports:" >&2
	for f in "$logs"/*; do
		echo "== $f" >&2
		cat "$f" >&2
	done
	status=1
fi

exit "$status"

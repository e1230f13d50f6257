#!/bin/sh
# run-proxy.sh MODULE [FILE...]: the API part of the integration suite and the
# README's examples once more, each server behind Stoplight's Prism in
# proxy mode with --errors (tests/lib/harness.js, HANDOFF_TEST_PROXY):
# a request or an answer that GET /api/v1/openapi.json does not describe
# fails the test that sent it.  Runs under tests/lib/with-cluster.sh.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
HANDOFF_MODULE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
HANDOFF_TEST_PROXY=prism
export HANDOFF_MODULE HANDOFF_TEST_PROXY

status=0
cd "$top/tests/integration"
# (The given files only, when there are any: make fuzz-api.)
if [ $# -eq 0 ]; then
	set -- api_*.test.js accounts.test.js digest.test.js \
	    http_cache.test.js openapi.test.js own_rows.test.js \
	    readme.test.js
fi
node --test --test-concurrency=1 --test-reporter=spec "$@" || status=$?
"$top"/tests/lib/check-kore-logs.sh "$HANDOFF_TEST_DIR" || status=1
exit "$status"

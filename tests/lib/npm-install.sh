#!/bin/sh
# npm-install.sh: install the pinned npm packages of tests/ (package-lock.json)
# unless node_modules already matches the lockfile.
set -eu

cd "$(dirname "$0")/.."

if [ -f node_modules/.package-lock.json ] &&
    [ node_modules/.package-lock.json -nt package-lock.json ]; then
	exit 0
fi

echo "tests: installing npm packages from tests/package-lock.json"
npm ci --no-audit --no-fund --loglevel=error

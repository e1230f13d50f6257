#!/bin/sh
# make-fixture.sh [REF]: the database of a release, for the upgrade test.
#
# tests/integration/upgrade.test.js restores tests/upgrade/REF.sql into a
# fresh database, migrates it with the code of the checkout and checks that
# nothing was lost.  This script makes that file with the code of the
# release REF (a git tag, v0.2.0 by default), so that the test itself needs
# neither git history nor the old release when it runs (CI clones shallow):
#
# 1. `git archive REF` into a temporary directory; build its module and
#    handoffctl there (its own Makefile).
# 2. Under that release's tests/lib/with-cluster.sh (a throwaway
#    PostgreSQL), tests/upgrade/fill.mjs: a database migrated with its SQL,
#    its demo seeded, and then, through its own kore and its API (started
#    with its own tests/lib/harness.js), what an upgrade must keep:
#    projects with versions, slips, completions, handoffs offered and
#    accepted, ownership changes, people renamed and deactivated, accounts
#    of every role (one deactivated), API tokens (one revoked) and sessions,
#    over three days of three ISO weeks.
# 3. pg_dump of that database in plain SQL, without owners or privileges,
#    into tests/upgrade/REF.sql, and what the test needs to know that the
#    dump cannot tell (the passwords and token secrets it set, the days it
#    wrote on) into tests/upgrade/REF.json.
#
# When: at every release, right after tagging it, run
#
#     tests/upgrade/make-fixture.sh vX.Y.Z
#
# commit the two new files, point FIXTURE in tests/integration/upgrade.test.js
# at the new release and remove the older fixture (the test proves the
# upgrade from the release before, the one production runs).  A release
# whose API or harness changed may need fill.mjs adjusted; it only uses the
# API and harness calls that v0.2.0 has.
#
# Needs what make test needs (run `make deps-test` once); takes about a
# minute, most of it building the release.
set -eu

ref=${1:-v0.2.0}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/upgrade

commit=$(git -C "$top" rev-parse --verify "$ref^{commit}") || {
	echo "make-fixture: no release $ref in this repository" \
	    "(git fetch --tags?)" >&2
	exit 1
}

# Under /tmp: the cluster's socket path must stay short.  When root, the
# postgres user must reach it (with-cluster.sh falls back to /tmp itself).
work=$(mktemp -d /tmp/handoff-fixture.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "make-fixture: $ref ($commit) into $work"
git -C "$top" archive --format=tar "$commit" | tar -x -C "$work"

echo "make-fixture: building $ref"
make -C "$work" --no-print-directory module >"$work/build.log" 2>&1 || {
	tail -n 30 "$work/build.log" >&2
	echo "make-fixture: the build of $ref failed" >&2
	exit 1
}

HANDOFF_OLD_TOP=$work HANDOFF_MODULE=$work/.build/handoff.so \
HANDOFF_CTL=$work/.build/handoffctl HANDOFF_FIXTURE_REF=$ref \
HANDOFF_FIXTURE_COMMIT=$commit HANDOFF_FIXTURE_OUT=$out \
    "$work/tests/lib/with-cluster.sh" node "$top/tests/upgrade/fill.mjs"

ls -l "$out/$ref.sql" "$out/$ref.json"

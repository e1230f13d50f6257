#!/bin/sh
# check-kore-logs.sh DIR: fail when any kore log of a test run (DIR/kore-*.log)
# says that a worker died: a seccomp violation or a crash, which a client
# may never notice because the parent starts a new worker at once.
set -eu

dir=$1
status=0
for log in "$dir"/kore-*.log; do
	[ -f "$log" ] || continue
	if grep -E 'died from sandbox violation|restarting worker|\(hdlr: [^)]*\) gone' \
	    "$log" >/dev/null; then
		echo "a kore worker died during the run ($log):" >&2
		grep -E -B2 'died from|restarting worker|\) gone' "$log" >&2
		status=1
	fi
done
exit "$status"

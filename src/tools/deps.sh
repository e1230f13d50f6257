#!/bin/sh
# deps.sh PROFILE: make sure the Debian packages a make target needs are here.
#
# PROFILE is "run" (build and serve), "test" (everything make test uses),
# "lint" (what make lint adds to a Debian base: cppcheck), "bench" or
# "profile" (make bench-profile: wrk and perf).
# As root, whatever is missing is installed with apt-get; otherwise the exact
# command to run is printed and we stop, so nothing happens behind a user's
# back.
set -eu

profile=${1:-run}

run_pkgs="kore libjansson-dev libpq-dev libsodium-dev libcurl4-openssl-dev postgresql gcc make pkg-config"
lint_pkgs="cppcheck kore libjansson-dev libsodium-dev libcurl4-openssl-dev libpq-dev"
test_pkgs="$run_pkgs libcmocka-dev clang libclang-rt-14-dev chromium fonts-dejavu-core nodejs npm curl openssl cppcheck nginx systemd wrk prometheus python3-icalendar python3-aiosmtpd"

case $profile in
run)	want=$run_pkgs ;;
test)	want=$test_pkgs ;;
lint)	want=$lint_pkgs ;;
bench)	want="$run_pkgs wrk nodejs curl openssl bc procps nginx" ;;
profile) want="$run_pkgs wrk nodejs curl linux-perf" ;;
*)	echo "deps.sh: unknown profile '$profile'" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	# npm ships inside NodeSource's nodejs package; accept either.
	if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then
		continue
	fi
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $status in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "handoff needs these Debian packages:$missing" >&2
	echo "Install them, then run make again:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi

echo "deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing

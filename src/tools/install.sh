#!/bin/sh
# install.sh: what `make install` does once the module and handoffctl are
# built.  The environment says where (the Makefile passes its variables):
#
#   DESTDIR      staging root prepended to every path (packaging, tests)
#   PREFIX       /usr/local by default; a package uses /usr
#   SYSCONFDIR   /etc: the configuration goes to $SYSCONFDIR/handoff
#   LOCALSTATEDIR /var: the workers' empty chroot is $LOCALSTATEDIR/lib/handoff
#   BIND_ADDR, BIND_PORT   where the production configuration listens
#                (127.0.0.1 8888); edit the installed file to change it later
#   BUILD        the build directory (.build)
#
# Files, for PREFIX=/usr (Debian's places):
#   /usr/lib/handoff/handoff.so            the module
#   /usr/bin/handoffctl                    the account tool
#   /usr/bin/handoff-migrate               migrate.sh on the installed SQL
#   /usr/share/handoff/migrate.sh          src/tools/migrate.sh, unchanged
#   /usr/share/handoff/sql/NNNN_*.sql      numbered migrations (applied once)
#   /usr/share/handoff/sql/api/*.sql       the api.* functions (every run)
#   /usr/share/handoff/handoff.conf        limits and routes of the release
#   /etc/handoff/handoff-production.conf   the Kore configuration
#   /etc/handoff/handoff.env               DATABASE_URL, PGPASSWORD (0600)
#   /lib/systemd/system/handoff.service    the unit
#   /usr/lib/sysusers.d/handoff.conf       the "handoff" user
#   /usr/share/doc/handoff/README.md       and examples/handoff.env.example
#   /var/lib/handoff                       the chroot, empty, root's, 0755
#
# The two files of /etc are the administrator's: an existing one is never
# overwritten (the new version goes beside it as .dist).  Nothing of the
# demo is installed and nothing is seeded.  Installing for real (no
# DESTDIR) as root also creates the user with systemd-sysusers.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

destdir=${DESTDIR:-}
prefix=${PREFIX:-/usr/local}
sysconfdir=${SYSCONFDIR:-/etc}
localstatedir=${LOCALSTATEDIR:-/var}
bind_addr=${BIND_ADDR:-127.0.0.1}
bind_port=${BIND_PORT:-8888}
build=${BUILD:-.build}

die() {
	echo "install: $*" >&2
	exit 1
}

case $prefix in
/*) ;;
*) die "PREFIX must be an absolute path, not '$prefix'" ;;
esac
case $bind_port in
''|*[!0-9]*) die "BIND_PORT must be a number, not '$bind_port'" ;;
esac
case $bind_addr in
''|*[!0-9A-Fa-f.:]*) die "BIND_ADDR must be an address, not '$bind_addr'" ;;
esac

bindir=$prefix/bin
libdir=$prefix/lib/handoff
datadir=$prefix/share/handoff
docdir=$prefix/share/doc/handoff
confdir=$sysconfdir/handoff
statedir=$localstatedir/lib/handoff
rundir=/run/handoff
sysusersdir=$prefix/lib/sysusers.d
# Debian 12 keeps the units of /usr packages in /lib/systemd/system;
# systemd also reads /usr/local/lib/systemd/system.
if [ "$prefix" = /usr ]; then
	unitdir=/lib/systemd/system
else
	unitdir=$prefix/lib/systemd/system
fi
kore=$(command -v kore || echo /usr/bin/kore)

for f in "$build/handoff.so" "$build/handoffctl"; do
	[ -f "$f" ] || die "$f is missing: run make first"
done

# fill TEMPLATE: print TEMPLATE with its @NAMES@ replaced; fail if one is
# left (a name this script does not know).
fill() {
	sed -e "s|@BINDIR@|$bindir|g" -e "s|@LIBDIR@|$libdir|g" \
	    -e "s|@DATADIR@|$datadir|g" -e "s|@DOCDIR@|$docdir|g" \
	    -e "s|@CONFDIR@|$confdir|g" -e "s|@STATEDIR@|$statedir|g" \
	    -e "s|@RUNDIR@|$rundir|g" -e "s|@KORE@|$kore|g" \
	    -e "s|@BIND_ADDR@|$bind_addr|g" -e "s|@BIND_PORT@|$bind_port|g" \
	    "$1" > "$2"
	if grep -n '@[A-Z_]*@' "$2" >&2; then
		rm -f "$2"
		die "$1: unknown @NAME@ above"
	fi
}

# put MODE SRC DEST: install one file (DEST is under DESTDIR already).
put() {
	install -D -m "$1" "$2" "$3"
}

# conffile MODE SRC DEST: install unless DEST exists; if it exists and
# differs, the new one goes beside it as DEST.dist.
conffile() {
	if [ ! -e "$3" ]; then
		put "$1" "$2" "$3"
	elif ! cmp -s "$2" "$3"; then
		put "$1" "$2" "$3.dist"
		echo "install: kept $3; the new version is $3.dist"
	fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

d=$destdir
echo "install: into ${d:-/} (PREFIX=$prefix, configuration in $confdir)"

put 0644 "$build/handoff.so" "$d$libdir/handoff.so"
put 0755 "$build/handoffctl" "$d$bindir/handoffctl"
put 0755 src/tools/handoff-migrate.sh "$d$bindir/handoff-migrate"
put 0755 src/tools/migrate.sh "$d$datadir/migrate.sh"

# The SQL of this release only: files of an older one are taken out, or a
# function removed from sql/api/ would come back at the next migrate.
rm -rf "$d$datadir/sql"
for f in sql/[0-9][0-9][0-9][0-9]_*.sql; do
	put 0644 "$f" "$d$datadir/sql/$(basename "$f")"
done
for f in sql/api/*.sql; do
	put 0644 "$f" "$d$datadir/sql/api/$(basename "$f")"
done
put 0644 conf/handoff.conf "$d$datadir/handoff.conf"

fill conf/handoff-production.conf "$tmp/handoff-production.conf"
conffile 0644 "$tmp/handoff-production.conf" \
    "$d$confdir/handoff-production.conf"
conffile 0600 conf/handoff.env.example "$d$confdir/handoff.env"

fill conf/handoff.service "$tmp/handoff.service"
put 0644 "$tmp/handoff.service" "$d$unitdir/handoff.service"
put 0644 conf/handoff.sysusers "$d$sysusersdir/handoff.conf"

put 0644 README.md "$d$docdir/README.md"
put 0644 conf/handoff.env.example "$d$docdir/examples/handoff.env.example"

install -d -m 0755 "$d$statedir"

if [ -z "$destdir" ] && [ "$(id -u)" -eq 0 ] &&
    command -v systemd-sysusers >/dev/null 2>&1; then
	systemd-sysusers "$sysusersdir/handoff.conf"
fi

if [ -z "$destdir" ]; then
	cat <<EOF
install: done.  Next:
  1. set DATABASE_URL and PGPASSWORD in $confdir/handoff.env (TCP);
  2. systemctl daemon-reload && systemctl enable --now handoff
     (the unit migrates the database before it serves);
  3. create the first administrator:
     sudo sh -c 'set -a; . $confdir/handoff.env; exec $bindir/handoffctl \\
         user-add --role admin --email you@example.com --name "Your Name"'
EOF
fi

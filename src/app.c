/*
 * app: what every worker does when it starts.
 *
 * Kore calls handoff_init() in each worker after it dropped privileges and
 * entered its seccomp sandbox.  The database is registered here from the
 * environment; connections are opened lazily by Kore's pgsql pool.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <kore/seccomp.h>

#include "handoff.h"

/*
 * Kore 4.1.0's allow-list predates Debian 12's glibc and libpq:
 *  - glibc stats files with newfstatat and checks access with faccessat2:
 *    without these the first libpq connect kills the worker with SIGSYS;
 *  - glibc's realloc() of a block above the mmap threshold (128 KiB: a
 *    large page, JSON document or result) moves it with mremap;
 *  - a database host given by name is looked up by glibc's resolver, which
 *    sends the A and AAAA queries together with sendmmsg;
 *  - libpq with GSSAPI compiled in (Debian's) lists /etc/gss/mech.d with
 *    getdents64 when a connection string asks for GSSAPI encryption (we
 *    turn it off by default, see handoff_init());
 *  - password checks run in Kore's task threads (pwcheck.c), inside the
 *    worker: glibc starts a thread with clone3 (Kore's own task filter
 *    has only clone) and registers it with rseq, and the thread lowers
 *    its own priority (gettid, setpriority); a thread started under
 *    AddressSanitizer (make test-asan) counts the CPUs it may run on
 *    (sched_getaffinity).  A system call refused in a task thread kills
 *    that thread only, silently: the request it works for would never
 *    be answered (the kernel's audit log says which call it was).
 * TLS to the database (OpenSSL reading certificates, getrandom) needs
 * nothing more.  tests/integration/transport.test.js connects every way.
 */
void	kore_seccomp_hook(void);

KORE_SECCOMP_FILTER("handoff",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(faccessat2),
	KORE_SYSCALL_ALLOW(mremap),
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(shutdown),
	KORE_SYSCALL_ALLOW(sendmmsg),
	KORE_SYSCALL_ALLOW(getdents64),
	KORE_SYSCALL_ALLOW(clone3),
	KORE_SYSCALL_ALLOW(rseq),
	KORE_SYSCALL_ALLOW(gettid),
	KORE_SYSCALL_ALLOW(setpriority),
	KORE_SYSCALL_ALLOW(sched_getaffinity),
	/*
	 * The outbox (outbox.c): libcurl connects out (socket, connect,
	 * getsockopt, getsockname, sendto, recvfrom), and resolves names in
	 * a thread of its own that wakes the worker through a socketpair;
	 * a thread that ends gives back its stack (madvise) and glibc's
	 * robust-futex list (set_robust_list).
	 */
	KORE_SYSCALL_ALLOW(socket),
	KORE_SYSCALL_ALLOW(connect),
	KORE_SYSCALL_ALLOW(getsockopt),
	KORE_SYSCALL_ALLOW(getsockname),
	KORE_SYSCALL_ALLOW(sendto),
	KORE_SYSCALL_ALLOW(recvfrom),
	KORE_SYSCALL_ALLOW(sendmsg),
	KORE_SYSCALL_ALLOW(recvmsg),
	KORE_SYSCALL_ALLOW(socketpair),
	KORE_SYSCALL_ALLOW(pipe2),
	KORE_SYSCALL_ALLOW(eventfd2),
	KORE_SYSCALL_ALLOW(ppoll),
	KORE_SYSCALL_ALLOW(madvise),
	KORE_SYSCALL_ALLOW(set_robust_list),
	KORE_SYSCALL_ALLOW(bind)
);

/* HANDOFF_TODAY=YYYY-MM-DD pins "today" (demos, tests); else DAY_NONE. */
static day_t	fixed_today = DAY_NONE;

/*
 * HANDOFF_PUBLIC_URL, checked at start: the scheme and host (and port,
 * and path) the digest's Markdown and chat links start with, without a
 * trailing slash; empty when not set.  Never the request's Host, which
 * the client chooses: a digest pasted into a mail or a channel would
 * carry whatever host a request made up.
 */
static char	public_url[256];

static int	public_url_parse(const char *);

/*
 * HANDOFF_INSTANCE, else the host name: which instance answered, in the
 * X-Handoff-Instance header of every answer (several instances behind
 * one proxy, README "More than one instance").  Cut to 64 characters of
 * A-Z a-z 0-9 . _ : - (a header value must not carry anything else).
 */
static char	instance[65];

static void
instance_init(void)
{
	const char	*s;
	char		 host[256];
	size_t		 i, n;

	s = getenv("HANDOFF_INSTANCE");
	if (s == NULL || *s == '\0') {
		if (gethostname(host, sizeof(host)) == -1)
			(void)snprintf(host, sizeof(host), "handoff");
		host[sizeof(host) - 1] = '\0';
		s = host;
	}
	for (i = n = 0; s[i] != '\0' && n < sizeof(instance) - 1; i++) {
		if (isalnum((unsigned char)s[i]) || strchr("._:-", s[i]) !=
		    NULL)
			instance[n++] = s[i];
	}
	instance[n] = '\0';
	if (n == 0)
		(void)snprintf(instance, sizeof(instance), "handoff");
}

const char *
app_instance(void)
{
	return (instance[0] != '\0' ? instance : "handoff");
}

const char *
app_public_url(void)
{
	return (public_url[0] != '\0' ? public_url : NULL);
}

/* http(s)://host[:port][/path], of plain characters only; 0 or -1. */
static int
public_url_parse(const char *s)
{
	const char	*p;
	size_t		 n;

	if (strncmp(s, "https://", 8) == 0)
		p = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		p = s + 7;
	else
		return (-1);
	for (n = 0; p[n] != '\0' && p[n] != ':' && p[n] != '/'; n++) {
		if (!isalnum((unsigned char)p[n]) && p[n] != '.' &&
		    p[n] != '-')
			return (-1);
	}
	if (n == 0)
		return (-1);
	p += n;
	if (*p == ':') {
		for (p++, n = 0; isdigit((unsigned char)p[n]); n++)
			;
		if (n == 0 || n > 5)
			return (-1);
		p += n;
	}
	for (; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p) && strchr("/._~-", *p) == NULL)
			return (-1);
	}
	if (strlen(s) >= sizeof(public_url))
		return (-1);
	(void)snprintf(public_url, sizeof(public_url), "%s", s);
	n = strlen(public_url);
	while (n > 0 && public_url[n - 1] == '/')
		public_url[--n] = '\0';
	return (0);
}

/* The server's local date, unless HANDOFF_TODAY says otherwise. */
day_t
app_today(void)
{
	time_t		now;
	struct tm	tm;

	if (fixed_today != DAY_NONE)
		return (fixed_today);

	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return (date_from_ymd(1970, 1, 1) + (day_t)(now / 86400));
	return (date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}

#if defined(__SANITIZE_ADDRESS__)
#define APP_SANITIZED	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define APP_SANITIZED	1
#endif
#endif

void	kore_worker_teardown(void);

#if defined(APP_SANITIZED)
/*
 * Sanitizer builds only: a worker leaves without the shared libraries'
 * destructors.  There, libp11-kit's (loaded through libpq, libldap and
 * GnuTLS) calls freelocale() and waits for ever on a glibc locale lock
 * that a worker inherits locked, so a worker that exits (a shutdown,
 * fatalx()) never does.
 */
void	kore_worker_configure(void);

/* exit() from anywhere (fatalx()): registered last, it runs first. */
static void
app_exit_now(int status, void *arg)
{
	(void)arg;
	(void)fflush(NULL);
	_exit(status);
}

void
kore_worker_configure(void)
{
	(void)on_exit(app_exit_now, NULL);
}
#endif

/* No connection has output that Kore has not handed to the kernel. */
static int
app_flushed(void)
{
	struct connection	*c;

	TAILQ_FOREACH(c, &connections, list) {
		if (!TAILQ_EMPTY(&c->send_queue))
			return (0);
	}
	return (1);
}

/*
 * A stop (SIGTERM, SIGQUIT, SIGINT): Kore 4.1.0 leaves its event loop and
 * would close every connection, cutting the requests in flight (a write
 * waiting for the database would be committed and never acknowledged).
 * Before that, this worker stops accepting and keeps running its requests
 * until each is answered and its answer sent, for at most
 * APP_DRAIN_MS: systemd's stop timeout (TimeoutStopSec) is well above.
 */
#define APP_DRAIN_MS	10000

void
kore_worker_teardown(void)
{
	u_int64_t	deadline;

	if (worker != NULL && worker->has_lock)
		kore_platform_disable_accept();

	deadline = kore_time_ms() + APP_DRAIN_MS;
	while ((http_request_count > 0 || !app_flushed()) &&
	    kore_time_ms() < deadline) {
		kore_platform_event_wait(100);
		http_process();
		kore_connection_prune(KORE_CONNECTION_PRUNE_DISCONNECT);
	}
	if (http_request_count > 0)
		kore_log(LOG_WARNING, "stopping with %u requests unanswered "
		    "after %d ms", http_request_count, APP_DRAIN_MS);

#if defined(APP_SANITIZED)
	/* Now, before Kore unloads this module (and app_exit_now). */
	(void)fflush(NULL);
	_exit(0);
#endif
}

int
handoff_init(int state)
{
	const char	*dsn, *today, *url;

	if (state == KORE_MODULE_UNLOAD) {
		/* What outlives this module's code must not point into it. */
		reply_unload();
		kept_copies_drop();
		return (KORE_RESULT_OK);
	}

	/*
	 * libpq reads these only when neither the connection string nor the
	 * environment says otherwise.  Connecting blocks the worker's event
	 * loop, so bound it.  GSSAPI encryption is tried first by default
	 * (gssencmode=prefer) on every TCP connect and reset, which costs a
	 * Kerberos set-up that almost no deployment uses: off unless asked.
	 */
	(void)setenv("PGCONNECT_TIMEOUT", "2", 0);
	(void)setenv("PGAPPNAME", "handoff", 0);
	(void)setenv("PGGSSENCMODE", "disable", 0);
	/*
	 * JIT compiling costs tens of milliseconds per statement that the
	 * planner finds expensive, and every statement here is short: the
	 * compile would be most of it.
	 */
	(void)setenv("PGOPTIONS", "-c jit=off", 0);

	if (auth_init() != KORE_RESULT_OK || pwcheck_init() != KORE_RESULT_OK ||
	    req_init() != KORE_RESULT_OK || metrics_init() != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	instance_init();
	today = getenv("HANDOFF_TODAY");
	if (today != NULL && *today != '\0') {
		if (date_parse(today, &fixed_today) == -1) {
			kore_log(LOG_ERR, "HANDOFF_TODAY must be YYYY-MM-DD; "
			    "ignoring it");
			fixed_today = DAY_NONE;
		}
	}

	url = getenv("HANDOFF_PUBLIC_URL");
	if (url != NULL && *url != '\0' && public_url_parse(url) == -1) {
		kore_log(LOG_ERR, "HANDOFF_PUBLIC_URL must be http(s)://host"
		    "[:port][/path] of letters, digits and . _ ~ - /");
		return (KORE_RESULT_ERROR);
	}

	dsn = getenv("DATABASE_URL");
	if (dsn == NULL || *dsn == '\0') {
		kore_log(LOG_ERR, "DATABASE_URL is not set: every request "
		    "that needs the database will answer 503");
		return (KORE_RESULT_OK);
	}

	if (!kore_pgsql_register(HANDOFF_DB, dsn)) {
		kore_log(LOG_ERR, "cannot register the database");
		return (KORE_RESULT_ERROR);
	}

	if (replica_init(dsn) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	/* The vocabulary check and the ledger's upkeep (background.c). */
	ledger_job_start();
	/* The outbox's deliveries (outbox.c). */
	outbox_job_start();
	return (KORE_RESULT_OK);
}

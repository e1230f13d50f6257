/*
 * app: what every worker does when it starts.
 *
 * Kore calls handoff_init() in each worker after it dropped privileges and
 * entered its seccomp sandbox.  The database is registered here from the
 * environment; connections are opened lazily by Kore's pgsql pool.
 */
#include <stdlib.h>

#include <kore/seccomp.h>

#include "handoff.h"

/*
 * Kore 4.1.0's allow-list predates Debian 12's glibc, which stats files with
 * newfstatat and checks access with faccessat2: without these the first
 * libpq connect or static file kills the worker with SIGSYS.
 */
void	kore_seccomp_hook(void);

KORE_SECCOMP_FILTER("handoff",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(faccessat2),
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(shutdown)
);

int
handoff_init(int state)
{
	const char	*dsn;

	if (state == KORE_MODULE_UNLOAD)
		return (KORE_RESULT_OK);

	/*
	 * Connecting blocks the worker's event loop, so bound it; libpq reads
	 * these only when the connection string does not say otherwise.
	 */
	(void)setenv("PGCONNECT_TIMEOUT", "2", 0);
	(void)setenv("PGAPPNAME", "handoff", 0);

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

	return (KORE_RESULT_OK);
}

/*
 * db: the one place statements reach PostgreSQL.
 *
 * Statements are named in the catalog (stmt.c) and run by the pipeline
 * (pipe.c) and the background job (background.c); this file is what the
 * two share about connections and failures.  Stock Kore
 * 4.1.0 hands a pooled connection whose server went away out again and
 * again, so the application never recovers from a database restart:
 * db_conn_check() tests a connection before each use and resets it.
 */
#include <poll.h>

#include "handoff.h"

/*
 * An idle pooled connection has nothing to say.  If its socket is readable
 * the server sent a goodbye (shutdown, restart, idle timeout) or closed it;
 * if libpq already knows it is bad, the same.  Reset it before use.
 */
int
db_conn_check(struct pgsql_conn *conn)
{
	struct pollfd	 pfd;
	const char	*msg;

	if (PQstatus(conn->db) == CONNECTION_OK) {
		pfd.fd = PQsocket(conn->db);
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (pfd.fd >= 0 && poll(&pfd, 1, 0) == 0)
			return (KORE_RESULT_OK);
	}

	PQreset(conn->db);
	if (PQstatus(conn->db) != CONNECTION_OK) {
		msg = PQerrorMessage(conn->db);
		metrics_add(METRIC_DB_ERRORS);
		db_log_unavailable("connection lost, reconnect failed", msg);
		return (KORE_RESULT_ERROR);
	}

	metrics_add(METRIC_DB_RECONNECTS);
	kore_log(LOG_NOTICE, "db: connection lost, reconnected");
	return (KORE_RESULT_OK);
}

/*
 * What a failed statement means for the client (dberr.c), from its result
 * (NULL when none came back: the connection failed).  Logged here when it
 * is the server's problem, with Kore's text of it (error).
 */
void
db_error_of(PGresult *res, const char *error, struct db_error *err)
{
	const char	*state, *msg, *col, *detail, *hint;

	state = msg = col = detail = hint = NULL;
	if (res != NULL) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		col = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
		detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
		hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	}
	dberr_map(err, state, msg, col);
	dberr_data(err, state, hint);
	(void)snprintf(err->detail, sizeof(err->detail), "%s",
	    detail != NULL ? detail : "");
	if (err->status >= 500) {
		metrics_add(METRIC_DB_ERRORS);
		if (state == NULL)
			db_log_unavailable("statement failed", error);
		else
			kore_log(LOG_NOTICE, "db: statement failed (%s): %.*s",
			    state, (int)strcspn(error != NULL ? error : "",
			    "\n"), error != NULL ? error : "");
	}
}

/*
 * While the database is down every request fails the same way: say so
 * once, then once a minute with how many times it happened since.
 */
void
db_log_unavailable(const char *what, const char *why)
{
	static time_t	last;
	static long	quiet;
	time_t		now = time(NULL);

	if (why == NULL)
		why = "unknown";
	if (last != 0 && now - last < 60) {
		quiet++;
		return;
	}
	if (quiet > 0)
		kore_log(LOG_NOTICE, "db: %s: %.*s (and %ld more since)",
		    what, (int)strcspn(why, "\n"), why, quiet);
	else
		kore_log(LOG_NOTICE, "db: %s: %.*s", what,
		    (int)strcspn(why, "\n"), why);
	last = now;
	quiet = 0;
}

/*
 * Hand a statement's connection back to Kore's pool.  Releasing a
 * scheduled query whose socket libpq already closed makes Kore call
 * epoll_ctl() on fd -1, which is fatal to the worker: clear the flag
 * first in that case.
 */
void
db_release(struct kore_pgsql *sql)
{
	struct pgsql_conn	*conn = sql->conn;

	if (conn != NULL && (sql->flags & KORE_PGSQL_SCHEDULED) &&
	    PQsocket(conn->db) < 0)
		sql->flags &= ~KORE_PGSQL_SCHEDULED;
	kore_pgsql_cleanup(sql);
}

/*
 * After an error, may the query be read on to its end (an ordinary SQL
 * error on a healthy connection, which then goes back to the pool idle,
 * without Kore's cancel request)?  Otherwise it must be released.
 */
int
db_error_readable(struct kore_pgsql *sql)
{
	struct pgsql_conn	*conn = sql->conn;

	return (conn != NULL && PQstatus(conn->db) == CONNECTION_OK &&
	    (sql->flags & KORE_PGSQL_SCHEDULED) &&
	    (conn->evt.flags & KORE_EVENT_READ));
}

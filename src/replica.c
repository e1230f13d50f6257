/*
 * replica: reads that tolerate a little lag go to a hot standby.
 *
 * With DATABASE_READ_URL set, the routes marked "lag ok" in the route
 * table (routes.c) run their GET statements on a second Kore database,
 * HANDOFF_DB_READ, a streaming replica of the primary; everything else
 * stays on the primary.  Each worker probes both every
 * HANDOFF_REPLICA_PROBE_MS (1 s) on a connection of its own, outside
 * Kore's pool: the primary's WAL position, the replica's replayed one.
 * From the primary's positions of the last 32 probes comes the replica's
 * lag (lsn.c); a replica that does not answer, is not a standby, or lags
 * more than HANDOFF_REPLICA_MAX_LAG_MS (5 s) is skipped until a probe
 * finds it good again.  Nothing here is shared between workers or
 * instances: each judges the replica by itself.
 *
 * Read-your-writes: a write a client makes through the pipeline answers
 * with a cookie holding the primary's WAL insert position after it (read
 * on the probe's connection to the primary, once the write has
 * committed: past its commit record even when synchronous_commit is off
 * and the record is still in the WAL buffers, where pg_current_wal_lsn(),
 * the write position, would be before it).  A
 * request carrying that cookie reads from the primary until the replica
 * has replayed past it; the cookie lives as long as the lag bound and a
 * little more, past which a replica still in use has the write anyway.
 * The position travels with the client, so any instance can tell.
 *
 * A statement on the replica that fails for the server's reasons (the
 * replica went away between probes, a session or token use the replica
 * could not record: it is read-only) or refuses who is asking (a session
 * the replica has not replayed yet) runs again on the primary.  Dead
 * pooled connections of the replica are reset before use like the
 * primary's (db_conn_check()).
 */
#include <time.h>

#include "handoff.h"
#include "lsn.h"

#define REPLICA_COOKIE		"handoff_lsn"

static struct {
	int			 configured;
	const char		*primary_dsn;
	const char		*read_dsn;
	PGconn			*primary;
	PGconn			*read;
	int			 state;		/* REPLICA_* */
	uint64_t		 replayed;
	uint64_t		 lag_ms;
	uint64_t		 max_lag_ms;
	uint64_t		 probe_ms;
	struct lsn_samples	 samples;
} rep;

static uint64_t
replica_now_ms(void)
{
	struct timespec	ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

static uint64_t
replica_env_ms(const char *name, uint64_t dflt)
{
	const char	*v = getenv(name);
	long long	 n;
	int		 err;

	if (v == NULL || *v == '\0')
		return (dflt);
	n = kore_strtonum(v, 10, 100, 3600000, &err);
	if (err != KORE_RESULT_OK) {
		kore_log(LOG_ERR, "%s must be 100..3600000 milliseconds; "
		    "using %llu", name, (unsigned long long)dflt);
		return (dflt);
	}
	return ((uint64_t)n);
}

/* A connection of the probe's own: connect_timeout 2 unless the DSN says. */
static PGconn *
replica_connect(const char *dsn)
{
	const char	*keys[] = { "connect_timeout", "dbname", NULL };
	const char	*vals[] = { "2", dsn, NULL };
	PGconn		*c;

	c = PQconnectdbParams(keys, vals, 1);
	if (c != NULL && PQstatus(c) != CONNECTION_OK) {
		PQfinish(c);
		c = NULL;
	}
	return (c);
}

/* One text value of a one-row query on *c, or -1 (and *c closed). */
static int
replica_ask(PGconn **c, const char *dsn, enum stmt s, char *out,
    size_t size, int *recovering)
{
	PGresult	*res;
	int		 ok;

	if (*c == NULL && (*c = replica_connect(dsn)) == NULL)
		return (-1);
	res = PQexecParams(*c, stmt_sql(s), 0, NULL, NULL, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
	if (ok) {
		(void)snprintf(out, size, "%s", PQgetisnull(res, 0, 0) ? "" :
		    PQgetvalue(res, 0, 0));
		if (recovering != NULL)
			*recovering = PQnfields(res) > 1 &&
			    strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	}
	PQclear(res);
	if (!ok) {
		PQfinish(*c);
		*c = NULL;
		return (-1);
	}
	return (0);
}

static void
replica_set(int state)
{
	if (state != rep.state)
		kore_log(LOG_NOTICE, "replica: %s (lag %llu ms)",
		    replica_state_name(state), (unsigned long long)rep.lag_ms);
	rep.state = state;
}

static void
replica_probe(void *arg, uint64_t now)
{
	char		buf[LSN_LEN + 8];
	uint64_t	lsn, t;
	int		recovering;

	(void)arg;
	(void)now;
	t = replica_now_ms();
	if (replica_ask(&rep.primary, rep.primary_dsn,
	    STMT_WAL_POSITION, buf, sizeof(buf),
	    NULL) == 0 && lsn_parse(buf, &lsn) == 0)
		lsn_sample(&rep.samples, t, lsn);

	if (replica_ask(&rep.read, rep.read_dsn,
	    STMT_REPLAY_POSITION, buf, sizeof(buf),
	    &recovering) == -1) {
		replica_set(REPLICA_DOWN);
		return;
	}
	if (!recovering || lsn_parse(buf, &lsn) == -1) {
		replica_set(REPLICA_NOT_STANDBY);
		return;
	}
	rep.replayed = lsn;
	rep.lag_ms = lsn_lag_ms(&rep.samples, replica_now_ms(), lsn);
	replica_set(rep.lag_ms > rep.max_lag_ms ? REPLICA_LAGGING :
	    REPLICA_OK);
}

/* In each worker: register the replica and start probing it. */
int
replica_init(const char *primary_dsn)
{
	const char	*dsn = getenv("DATABASE_READ_URL");

	if (dsn == NULL || *dsn == '\0' || primary_dsn == NULL)
		return (KORE_RESULT_OK);
	if (!kore_pgsql_register(HANDOFF_DB_READ, dsn)) {
		kore_log(LOG_ERR, "cannot register the read replica");
		return (KORE_RESULT_ERROR);
	}
	rep.configured = 1;
	rep.primary_dsn = primary_dsn;
	rep.read_dsn = dsn;
	rep.state = REPLICA_DOWN;
	rep.max_lag_ms = replica_env_ms("HANDOFF_REPLICA_MAX_LAG_MS", 5000);
	rep.probe_ms = replica_env_ms("HANDOFF_REPLICA_PROBE_MS", 1000);
	replica_probe(NULL, 0);
	(void)kore_timer_add(replica_probe, rep.probe_ms, NULL, 0);
	return (KORE_RESULT_OK);
}

int
replica_state(uint64_t *lag_ms)
{
	if (lag_ms != NULL)
		*lag_ms = rep.lag_ms;
	return (rep.configured ? rep.state : REPLICA_OFF);
}

const char *
replica_state_name(int state)
{
	switch (state) {
	case REPLICA_OFF:
		return ("off");
	case REPLICA_OK:
		return ("ok");
	case REPLICA_LAGGING:
		return ("lagging");
	case REPLICA_NOT_STANDBY:
		return ("not_standby");
	default:
		return ("down");
	}
}

/*
 * Should this request's statements run on the replica?  A GET of a route
 * that takes lag, with the replica good, from a client whose last write
 * the replica has replayed.
 */
int
replica_use(struct http_request *req, const struct route *route)
{
	char		*v;
	uint64_t	 seen;

	if (!rep.configured || rep.state != REPLICA_OK || route == NULL ||
	    !route->lag_ok || (req->method != HTTP_METHOD_GET &&
	    req->method != HTTP_METHOD_HEAD))
		return (0);
	http_populate_cookies(req);
	if (http_request_cookie(req, REPLICA_COOKIE, &v)) {
		if (lsn_parse(v, &seen) == -1 || seen > rep.replayed)
			return (0);
	}
	return (1);
}

/* The replica failed a statement: skip it until the next good probe. */
void
replica_failed(void)
{
	if (rep.configured && rep.state == REPLICA_OK)
		replica_set(REPLICA_DOWN);
}

/*
 * A write of this client's committed: the cookie with the primary's
 * position now (past the write), or one no replica has reached when the
 * primary cannot say, until the lag bound has passed.
 */
void
replica_wrote(struct http_request *req)
{
	char		buf[LSN_LEN + 8];
	char		hdr[128];
	uint64_t	lsn;

	if (!rep.configured)
		return;
	if (replica_ask(&rep.primary, rep.primary_dsn,
	    STMT_WAL_INSERT, buf, sizeof(buf),
	    NULL) == -1 || lsn_parse(buf, &lsn) == -1)
		lsn = LSN_MAX;
	lsn_format(lsn, buf, sizeof(buf));
	(void)snprintf(hdr, sizeof(hdr), "%s=%s; Path=/; Max-Age=%llu; "
	    "HttpOnly; SameSite=Lax%s", REPLICA_COOKIE, buf,
	    (unsigned long long)(rep.max_lag_ms / 1000 + 2),
	    req_is_tls(req) ? "; Secure" : "");
	http_response_header(req, "set-cookie", hdr);
}

int
replica_configured(void)
{
	return (rep.configured);
}

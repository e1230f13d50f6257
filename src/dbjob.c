/*
 * dbjob: statements that no request waits for (the ledger's background
 * job, the outbox's sender), one at a time per job, through Kore's
 * asynchronous pgsql layer with a callback, so that the worker never
 * blocks on them.  This file is the one copy of that machine for jobs, as
 * pipe.c is for requests.
 *
 * dbjob_send() takes a connection (or waits in Kore's queue for one) and
 * sends; when the statement has ended, however it ended, the job's done()
 * is called once, with the document of the answer's first column (NULL
 * when it failed, job->failed says so, or said nothing).  done() is
 * called from a timer, outside the pgsql layer's own calls, except when
 * the statement could not even be sent: then from within dbjob_send().
 * It may send the job's next statement.
 */
#include "handoff.h"

static void	dbjob_query(struct dbjob *, int);
static void	dbjob_callback(struct kore_pgsql *, void *);
static void	dbjob_later(struct dbjob *);
static void	dbjob_step(void *, u_int64_t);
static void	dbjob_end(struct dbjob *);

/* Send s with doc (taken over) as its one parameter: 0, or -1 if not sent
 * (no memory; done() is not called). */
int
dbjob_send(struct dbjob *j, enum stmt s, json_t *doc)
{
	if (doc == NULL)
		return (-1);
	free(j->param);
	j->param = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (j->param == NULL && !stmt_bare(s))
		return (-1);
	j->stmt = s;
	j->running = 1;
	j->failed = 0;
	j->gen++;
	kore_pgsql_init(&j->sql);
	kore_pgsql_bind_callback(&j->sql, dbjob_callback, j);
	j->bound = 1;
	dbjob_query(j, 0);
	return (0);
}

/*
 * The statement could not be sent: it ends now, or from a timer when
 * Kore's queue woke it (ending lets go of the wait entry that Kore's own
 * call still holds).
 */
static void
dbjob_fail(struct dbjob *j, int woken, const char *error)
{
	if (error != NULL)
		db_log_unavailable(j->name, error);
	j->failed = 1;
	if (woken)
		dbjob_later(j);
	else
		dbjob_end(j);
}

/* Take a connection (or wait in Kore's queue for one) and send. */
static void
dbjob_query(struct dbjob *j, int woken)
{
	const char	*params[1] = { j->param };

	if (!kore_pgsql_setup(&j->sql, HANDOFF_DB, KORE_PGSQL_ASYNC)) {
		/* Still INIT: queued; the callback comes when one is free. */
		if (j->sql.state == KORE_PGSQL_STATE_INIT) {
			metrics_pool_wait(&j->waiting, 1);
			return;
		}
		metrics_pool_wait(&j->waiting, 0);
		dbjob_fail(j, woken, j->sql.error);
		return;
	}
	metrics_pool_wait(&j->waiting, 0);
	metrics_pool_hold(&j->held, 1);
	if (!db_conn_check(j->sql.conn)) {
		dbjob_fail(j, woken, NULL);
		return;
	}
	if (!kore_pgsql_query_param_fields(&j->sql, stmt_sql(j->stmt), 0,
	    stmt_bare(j->stmt) ? 0 : 1, params, NULL, NULL))
		dbjob_fail(j, woken, j->sql.error);
}

static void
dbjob_callback(struct kore_pgsql *sql, void *arg)
{
	struct dbjob	*j = arg;
	struct db_error	 err;

	switch (sql->state) {
	case KORE_PGSQL_STATE_INIT:
		dbjob_query(j, 1);	/* woken from Kore's queue */
		break;
	case KORE_PGSQL_STATE_WAIT:
		break;
	case KORE_PGSQL_STATE_RESULT:
		if (j->result != NULL)
			PQclear(j->result);
		j->result = sql->result;
		sql->result = NULL;
		kore_pgsql_continue(sql);
		break;
	case KORE_PGSQL_STATE_ERROR:
		db_error_of(sql->result, sql->error, &err);
		if (err.status < 500)
			kore_log(LOG_ERR, "%s: %s: %s", j->name,
			    stmt_name(j->stmt), err.message);
		else
			db_log_unavailable(stmt_name(j->stmt), sql->error);
		j->failed = 1;
		if (db_error_readable(sql)) {
			kore_pgsql_continue(sql);
			break;
		}
		/* The connection is gone: let go of it, outside this call. */
		dbjob_later(j);
		break;
	case KORE_PGSQL_STATE_DONE:
		kore_pgsql_continue(sql);
		break;
	case KORE_PGSQL_STATE_COMPLETE:
		/* The connection is back in the pool; carry on later. */
		dbjob_later(j);
		break;
	default:
		kore_pgsql_continue(sql);
		break;
	}
}

/* End the statement from a timer: once per statement, however it ended. */
static void
dbjob_later(struct dbjob *j)
{
	if (j->later == j->gen)
		return;
	j->later = j->gen;
	(void)kore_timer_add(dbjob_step, 1, j, 1);
}

static void
dbjob_step(void *arg, u_int64_t now)
{
	struct dbjob	*j = arg;

	(void)now;
	if (j->running && j->later == j->gen)
		dbjob_end(j);
}

static void
dbjob_end(struct dbjob *j)
{
	json_t	*doc;

	if (j->bound) {
		db_release(&j->sql);
		j->bound = 0;
	}
	metrics_pool_hold(&j->held, 0);
	metrics_pool_wait(&j->waiting, 0);
	metrics_job(j->stmt, j->failed);
	doc = NULL;
	if (!j->failed && j->result != NULL && PQntuples(j->result) > 0 &&
	    !PQgetisnull(j->result, 0, 0))
		doc = json_loads(PQgetvalue(j->result, 0, 0),
		    JSON_DECODE_ANY, NULL);
	if (j->result != NULL)
		PQclear(j->result);
	j->result = NULL;
	j->running = 0;
	j->done(j, doc);
}

/*
 * db: the one place where statements reach PostgreSQL.
 *
 * Every handler that needs the database describes its work as a struct
 * db_ops: prepare() parses the request and queues statements, finish()
 * renders once they all succeeded, fail() (optional) renders a failure.
 * db_run() drives Kore's asynchronous pgsql state machine for it, so a slow
 * query never blocks a worker, and this file is the only copy of that
 * machine.
 *
 * Statements run one after another, each on whatever pooled connection is
 * free; a statement is a unit of atomicity.  Multi-step writes are therefore
 * single statements (the SQL functions in sql/), never a client-side
 * transaction spread over several round trips.
 *
 * Two traps of stock Kore 4.1.0 are handled here:
 *  - A pooled connection whose server went away is handed out again and
 *    again, so the application never recovers from a database restart.
 *    db_conn_check() tests a connection before each use and resets it.
 *  - Releasing a scheduled query whose socket libpq already closed makes
 *    Kore call epoll_ctl() on fd -1, which is fatal to the worker.
 *    db_release() clears the scheduled flag first in that case.
 */
#include <poll.h>

#include "handoff.h"

#define DB_STATE_AUTH		0
#define DB_STATE_AUTHED		1
#define DB_STATE_PREPARE	2
#define DB_STATE_CONNECT	3
#define DB_STATE_QUERY		4
#define DB_STATE_WAIT		5
#define DB_STATE_FINISH		6
#define DB_STATE_FAIL		7
#define DB_STATE_END		8

struct db_stmt {
	const char	*sql;		/* static text, never from input */
	size_t		 nparams;
	char		*owned[DB_PARAMS_MAX];	/* copies; NULL is SQL NULL */
	const char	*params[DB_PARAMS_MAX];	/* the same, as Kore wants */
	PGresult	*result;	/* owned once the statement completed */
};

struct db_call {
	struct kore_pgsql	 sql;
	const struct db_ops	*ops;
	const void		*arg;		/* what db_run() was given */
	void			*ctx;
	struct db_stmt		 stmts[DB_STMTS_MAX];
	int			 nstmts;
	int			 current;
	int			 overflow;	/* a push did not fit */
	int			 failed;	/* err is filled in */
	int			 bound;		/* sql bound to the request */
	int			 access;	/* what the route requires */
	int			 authing;	/* the identity lookup runs */
	struct principal	 who;		/* who is asking, if anyone */
	struct db_error		 err;
};

static int	db_state_auth(struct http_request *);
static int	db_state_authed(struct http_request *);
static int	db_state_prepare(struct http_request *);
static int	db_state_connect(struct http_request *);
static int	db_state_query(struct http_request *);
static int	db_state_wait(struct http_request *);
static int	db_state_finish(struct http_request *);
static int	db_state_fail(struct http_request *);
static int	db_state_end(struct http_request *);

static void	db_onfree(struct http_request *);
static void	db_call_free(struct db_call *);
static void	db_stmts_free(struct db_call *);
static void	db_release(struct db_call *);
static int	db_conn_check(struct pgsql_conn *);
static void	db_record_failure(struct http_request *, struct db_call *);
static int	stmt_add(struct db_call *, const char *, const char *const *,
		    size_t);

static struct http_state db_states[] = {
	{ "DB_STATE_AUTH",	db_state_auth },
	{ "DB_STATE_AUTHED",	db_state_authed },
	{ "DB_STATE_PREPARE",	db_state_prepare },
	{ "DB_STATE_CONNECT",	db_state_connect },
	{ "DB_STATE_QUERY",	db_state_query },
	{ "DB_STATE_WAIT",	db_state_wait },
	{ "DB_STATE_FINISH",	db_state_finish },
	{ "DB_STATE_FAIL",	db_state_fail },
	{ "DB_STATE_END",	db_state_end },
};

#define DB_NSTATES	(sizeof(db_states) / sizeof(db_states[0]))

/*
 * Run ops for req.  access is what the route requires (ACCESS_PUBLIC for
 * anyone): who is asking is settled first, and a request that may not
 * proceed is refused before ops sees it.
 */
int
db_run(struct http_request *req, const struct db_ops *ops, const void *arg,
    int access)
{
	struct db_call	*call;

	if (!http_state_exists(req)) {
		call = http_state_create(req, sizeof(*call), db_onfree);
		call->ops = ops;
		call->arg = arg;
		call->access = access;
		call->ctx = ops->ctx_size > 0 ?
		    kore_calloc(1, ops->ctx_size) : NULL;
		req->fsm_state = DB_STATE_AUTH;
	}

	return (http_state_run(db_states, DB_NSTATES, req));
}

const struct principal *
db_who(struct db_call *call)
{
	return (call->who.user_id > 0 ? &call->who : NULL);
}

/* The same, from the request (NULL when it runs no db_run()). */
const struct principal *
db_who_req(struct http_request *req)
{
	struct db_call	*call;

	if (req->hdlr_extra == NULL || req->onfree != db_onfree)
		return (NULL);
	call = req->hdlr_extra;
	return (db_who(call));
}

void *
db_ctx(struct db_call *call)
{
	return (call->ctx);
}

const void *
db_arg(struct db_call *call)
{
	return (call->arg);
}

/* The db layer's own: callers go through db_push*(), which lint checks. */
static int
stmt_add(struct db_call *call, const char *sql, const char *const *params,
    size_t nparams)
{
	struct db_stmt	*st;
	size_t		 i;

	if (call->nstmts >= DB_STMTS_MAX || nparams > DB_PARAMS_MAX) {
		kore_log(LOG_ERR, "db: statement does not fit: %.40s", sql);
		call->overflow = 1;
		return (KORE_RESULT_ERROR);
	}

	st = &call->stmts[call->nstmts++];
	st->sql = sql;
	st->nparams = nparams;
	st->result = NULL;
	for (i = 0; i < nparams; i++) {
		st->owned[i] = params[i] != NULL ?
		    kore_strdup(params[i]) : NULL;
		st->params[i] = st->owned[i];
	}

	return (KORE_RESULT_OK);
}

int
db_push_params(struct db_call *call, const char *sql,
    const char *const *params, size_t nparams)
{
	return (stmt_add(call, sql, params, nparams));
}

/*
 * A statement whose one parameter is doc as JSON text, as every api.*
 * function takes it.  Takes over the reference to doc; a NULL doc (a
 * json_pack that failed) is an error, as is a statement that does not fit.
 */
int
db_push_json(struct db_call *call, const char *sql, json_t *doc)
{
	char	*text;
	int	 ret;

	text = doc != NULL ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	if (text == NULL)
		return (KORE_RESULT_ERROR);
	ret = stmt_add(call, sql, (const char *const []){ text }, 1);
	free(text);
	return (ret);
}

int
db_nstmts(struct db_call *call)
{
	return (call->nstmts);
}

int
db_ntuples(struct db_call *call, int idx)
{
	if (idx < 0 || idx >= call->nstmts || call->stmts[idx].result == NULL)
		return (0);
	return (PQntuples(call->stmts[idx].result));
}

const char *
db_value(struct db_call *call, int idx, int row, int col)
{
	PGresult	*res;

	if (idx < 0 || idx >= call->nstmts)
		return (NULL);
	if ((res = call->stmts[idx].result) == NULL)
		return (NULL);
	if (row >= PQntuples(res) || col >= PQnfields(res))
		return (NULL);
	if (PQgetisnull(res, row, col))
		return (NULL);

	return (PQgetvalue(res, row, col));
}

json_t *
db_json(struct db_call *call, int idx)
{
	const char	*v;
	json_t		*doc;
	json_error_t	 jerr;

	if ((v = db_value(call, idx, 0, 0)) == NULL)
		return (NULL);

	doc = json_loads(v, JSON_DECODE_ANY, &jerr);
	if (doc == NULL)
		kore_log(LOG_ERR, "db: statement %d gave bad JSON: %s",
		    idx, jerr.text);

	return (doc);
}

/* Who is asking?  One lookup of the session or token, if any was sent. */
static int
db_state_auth(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	char		 session[SECRET_HASH_LEN], token[SECRET_HASH_LEN];
	json_t		*p;

	/* Public routes (health, sign-in) never depend on the lookup. */
	if (call->access == ACCESS_PUBLIC) {
		req->fsm_state = DB_STATE_PREPARE;
		return (HTTP_STATE_CONTINUE);
	}
	if (!auth_credentials(req, session, token)) {
		auth_refuse(req, 401, call->access);
		req->fsm_state = DB_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}

	p = json_pack("{s:s?, s:s?}", "session",
	    session[0] != '\0' ? session : NULL, "token",
	    token[0] != '\0' ? token : NULL);
	if (db_push_json(call, "SELECT api.authenticate($1::jsonb)", p) !=
	    KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		req->fsm_state = DB_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}

	call->authing = 1;
	req->fsm_state = DB_STATE_CONNECT;
	return (HTTP_STATE_CONTINUE);
}

/* The lookup came back: know the principal, forget the statement. */
static int
db_state_authed(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	json_t		*doc;
	int		 known;

	doc = db_json(call, 0);
	known = auth_principal_from(doc, &call->who);
	json_decref(doc);
	db_stmts_free(call);
	call->authing = 0;

	if (!known) {
		/* A stale cookie: drop it so the browser stops sending it. */
		auth_session_cookie(req, "", 0);
		auth_refuse(req, 401, call->access);
		req->fsm_state = DB_STATE_END;
	} else if (known && call->who.access < call->access) {
		log_event(req, call->who.email, "refused", "role %s, needs %s",
		    call->who.role, auth_access_name(call->access));
		auth_refuse(req, 403, call->access);
		req->fsm_state = DB_STATE_END;
	} else {
		req->fsm_state = DB_STATE_PREPARE;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
db_state_prepare(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);

	if (call->ops->prepare(req, call) != KORE_RESULT_OK) {
		/* prepare() has replied (bad input, most likely). */
		req->fsm_state = DB_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}

	if (call->overflow) {
		dberr_set(&call->err, 500, "internal", "internal error", NULL);
		call->failed = 1;
		req->fsm_state = DB_STATE_FAIL;
	} else if (call->nstmts == 0) {
		req->fsm_state = DB_STATE_FINISH;
	} else {
		req->fsm_state = DB_STATE_CONNECT;
	}

	return (HTTP_STATE_CONTINUE);
}

static int
db_state_connect(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);

	if (!call->bound) {
		kore_pgsql_init(&call->sql);
		kore_pgsql_bind_request(&call->sql, req);
		call->bound = 1;
	}

	if (!kore_pgsql_setup(&call->sql, HANDOFF_DB, KORE_PGSQL_ASYNC)) {
		/* Still INIT: every connection is busy and we were queued. */
		if (call->sql.state == KORE_PGSQL_STATE_INIT)
			return (HTTP_STATE_RETRY);

		db_record_failure(req, call);
		db_release(call);
		req->fsm_state = DB_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	}

	if (!db_conn_check(call->sql.conn)) {
		dberr_set(&call->err, 503, "db_unavailable",
		    "the database is unreachable", NULL);
		call->failed = 1;
		db_release(call);
		req->fsm_state = DB_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	}

	req->fsm_state = DB_STATE_QUERY;
	return (HTTP_STATE_CONTINUE);
}

static int
db_state_query(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	struct db_stmt	*st = &call->stmts[call->current];

	req->fsm_state = DB_STATE_WAIT;

	/* Text parameters: libpq ignores lengths and formats for those. */
	if (!kore_pgsql_query_param_fields(&call->sql, st->sql, 0,
	    (int)st->nparams, st->params, NULL, NULL))
		return (HTTP_STATE_CONTINUE);	/* state is ERROR */

	return (HTTP_STATE_RETRY);
}

static int
db_state_wait(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	struct db_stmt	*st = &call->stmts[call->current];
	struct pgsql_conn *conn;

	switch (call->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_RESULT:
		/* Keep the result: Kore would clear it on continue. */
		if (st->result != NULL)
			PQclear(st->result);
		st->result = call->sql.result;
		call->sql.result = NULL;
		kore_pgsql_continue(&call->sql);
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_ERROR:
		db_record_failure(req, call);
		conn = call->sql.conn;
		if (conn != NULL && PQstatus(conn->db) == CONNECTION_OK &&
		    (call->sql.flags & KORE_PGSQL_SCHEDULED) &&
		    (conn->evt.flags & KORE_EVENT_READ)) {
			/*
			 * An ordinary SQL error on a healthy connection: read
			 * on to the end of the query so the connection goes
			 * back idle, without Kore's cancel request.
			 */
			kore_pgsql_continue(&call->sql);
			return (HTTP_STATE_CONTINUE);
		}
		db_release(call);
		req->fsm_state = DB_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_COMPLETE:
		db_release(call);
		if (call->failed) {
			req->fsm_state = DB_STATE_FAIL;
			return (HTTP_STATE_CONTINUE);
		}
		call->current++;
		if (call->current < call->nstmts)
			req->fsm_state = DB_STATE_CONNECT;
		else if (call->authing)
			req->fsm_state = DB_STATE_AUTHED;
		else
			req->fsm_state = DB_STATE_FINISH;
		return (HTTP_STATE_CONTINUE);
	default:
		kore_pgsql_continue(&call->sql);
		return (HTTP_STATE_CONTINUE);
	}
}

static int
db_state_finish(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	int		 before;

	before = call->nstmts;
	if (call->ops->finish(req, call) == DB_MORE) {
		if (call->overflow || call->nstmts == before) {
			kore_log(LOG_ERR, "db: %s: finish asked for more "
			    "without queuing a statement", req->path);
			dberr_set(&call->err, 500, "internal",
			    "internal error", NULL);
			call->failed = 1;
			req->fsm_state = DB_STATE_FAIL;
		} else {
			req->fsm_state = DB_STATE_CONNECT;
		}
		return (HTTP_STATE_CONTINUE);
	}

	req->fsm_state = DB_STATE_END;
	return (HTTP_STATE_CONTINUE);
}

/*
 * A statement failed: fail() replies, or queues more statements (a form
 * that failed is shown again with the page's data) and returns DB_MORE,
 * after which the run goes on and finish() has the last word.
 */
static int
db_state_fail(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);
	int		 before, more;

	before = call->nstmts;
	more = DB_DONE;
	if (call->authing)
		reply_db_error(req, &call->err);
	else if (call->ops->fail != NULL)
		more = call->ops->fail(req, call, &call->err);
	else
		reply_db_error(req, &call->err);

	if (more == DB_MORE && !call->overflow && call->nstmts > before &&
	    call->current < before) {
		call->failed = 0;
		call->current = before;
		req->fsm_state = DB_STATE_CONNECT;
		return (HTTP_STATE_CONTINUE);
	}
	if (more == DB_MORE) {
		kore_log(LOG_ERR, "db: %s: fail asked for more without "
		    "queuing a statement", req->path);
		reply_error(req, 500, "internal", "internal error", NULL);
	}

	req->fsm_state = DB_STATE_END;
	return (HTTP_STATE_CONTINUE);
}

static int
db_state_end(struct http_request *req)
{
	struct db_call	*call = http_state_get(req);

	db_call_free(call);
	http_state_cleanup(req);

	return (HTTP_STATE_COMPLETE);
}

/* The request went away (or ended): give everything back. */
static void
db_onfree(struct http_request *req)
{
	struct db_call	*call;

	if ((call = http_state_get(req)) != NULL)
		db_call_free(call);
}

/* Forget every statement and its result; the next push is number 0. */
static void
db_stmts_free(struct db_call *call)
{
	int		i;
	size_t		j;

	for (i = 0; i < call->nstmts; i++) {
		for (j = 0; j < call->stmts[i].nparams; j++)
			kore_free(call->stmts[i].owned[j]);
		if (call->stmts[i].result != NULL)
			PQclear(call->stmts[i].result);
	}
	call->nstmts = 0;
	call->current = 0;
}

static void
db_call_free(struct db_call *call)
{
	db_release(call);
	db_stmts_free(call);

	if (call->ctx != NULL) {
		if (call->ops->cleanup != NULL)
			call->ops->cleanup(call->ctx);
		kore_free(call->ctx);
		call->ctx = NULL;
	}
}

/* Hand the connection back to Kore's pool and unbind from the request. */
static void
db_release(struct db_call *call)
{
	struct pgsql_conn	*conn;

	if (!call->bound)
		return;

	conn = call->sql.conn;
	if (conn != NULL && (call->sql.flags & KORE_PGSQL_SCHEDULED) &&
	    PQsocket(conn->db) < 0) {
		/* libpq closed the socket; epoll forgot it with the close. */
		call->sql.flags &= ~KORE_PGSQL_SCHEDULED;
	}

	kore_pgsql_cleanup(&call->sql);
	call->bound = 0;
}

/*
 * An idle pooled connection has nothing to say.  If its socket is readable
 * the server sent a goodbye (shutdown, restart, idle timeout) or closed it;
 * if libpq already knows it is bad, the same.  Reset it before use.
 */
static int
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

	kore_log(LOG_NOTICE, "db: connection lost, reconnecting");
	PQreset(conn->db);

	if (PQstatus(conn->db) != CONNECTION_OK) {
		msg = PQerrorMessage(conn->db);
		kore_log(LOG_NOTICE, "db: reconnect failed: %.*s",
		    (int)strcspn(msg, "\n"), msg);
		return (KORE_RESULT_ERROR);
	}

	return (KORE_RESULT_OK);
}

/* Turn Kore's error state into a client-safe error; log the details once. */
static void
db_record_failure(struct http_request *req, struct db_call *call)
{
	PGresult	*res = call->sql.result;
	const char	*state, *msg, *col, *detail;

	state = msg = col = NULL;
	if (res != NULL) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		col = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	}

	dberr_map(&call->err, state, msg, col);
	call->failed = 1;

	if (call->err.status >= 500) {
		detail = call->sql.error != NULL ? call->sql.error : "unknown";
		kore_log(LOG_NOTICE,
		    "db: %s %s: statement %d failed (%s): %.*s",
		    http_method_text(req->method), req->path, call->current,
		    state != NULL ? state : "no result",
		    (int)strcspn(detail, "\n"), detail);
	}
}

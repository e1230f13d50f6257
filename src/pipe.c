/*
 * pipe: the request pipeline (see handoff.h).
 *
 * A request that needs the database runs one statement at a time, each on
 * whatever pooled connection is free, through Kore's asynchronous pgsql
 * state machine; this file is the only copy of that machine.  A statement
 * is a unit of atomicity: multi-step writes are single statements (the
 * SQL functions of sql/api/), never a client-side transaction spread over
 * several round trips.
 *
 * Who is asking is settled by the first statement itself (api.authorize,
 * see db.c): the credentials, the least access the route takes and, for a
 * change, the CSRF token it carries travel with it, and a refusal comes
 * back as the statement's error, answered here the same way for every
 * route: 401 (pages send the browser to the sign-in page), 403.
 *
 * Two traps of stock Kore 4.1.0 are handled in db.c: a pooled connection
 * whose server went away (db_conn_check()), and releasing a query whose
 * socket libpq already closed (db_release()).  A third is handled here:
 * Kore reads the connection on every read event, and one that comes
 * after the answer but before the request runs again replaces the
 * unread answer with the end of the query (pipe_pgsql_event()).
 */
#include "handoff.h"
#include "httpparse.h"

#define PIPE_STATE_PREPARE	0
#define PIPE_STATE_CONNECT	1
#define PIPE_STATE_QUERY	2
#define PIPE_STATE_WAIT		3
#define PIPE_STATE_FINISH	4
#define PIPE_STATE_FAIL		5
#define PIPE_STATE_END		6

/* Times a statement is sent again when its failure says it may succeed. */
#define PIPE_RERUNS		3

struct pipe {
	struct req_state	 rs;		/* first: see handoff.h */
	struct kore_pgsql	 sql;
	struct http_request	*req;
	const struct route	*route;		/* the one it came by */
	const struct pipe_ops	*ops;
	const void		*arg;
	void			*ctx;
	int			 access;	/* what the route requires */
	enum stmt		 stmt;		/* the one being run */
	char			*param;		/* its document, as text */
	int			 sent;		/* a statement was sent */
	PGresult		*result;	/* its answer, once complete */
	int			 bound;		/* sql bound to the request */
	int			 held;		/* ... holding a connection */
	int			 waiting;	/* ... queued for one */
	int			 failed;	/* err is filled in */
	char			 csrf[128];	/* what a form carries */
	int			 have_csrf;
	/* Idempotency-Key of the next write sent, and its request's hash. */
	char			 idem_key[HTTPPARSE_IDEM_MAX + 1];
	char			 idem_hash[SECRET_HASH_LEN];
	int			 have_idem;
	int			 idem;		/* via api.idempotent */
	int			 replayed;	/* ... which replayed */
	int			 on_replica;	/* statements go there */
	int			 said_db;	/* X-Handoff-Db is set */
	int			 reruns;	/* sent again (err.again) */
	struct db_error		 err;
};

static int	pipe_state_prepare(struct http_request *);
static int	pipe_state_connect(struct http_request *);
static int	pipe_state_query(struct http_request *);
static int	pipe_state_wait(struct http_request *);
static int	pipe_state_finish(struct http_request *);
static int	pipe_state_fail(struct http_request *);
static int	pipe_state_end(struct http_request *);

static void	pipe_onfree(struct http_request *);
static void	pipe_free(struct pipe *);
static void	pipe_release(struct pipe *);
static void	pipe_forget(struct pipe *);
static int	pipe_refused(struct http_request *, struct pipe *);
static int	pipe_learn_who(struct pipe *);
static void	pipe_pgsql_event(struct kore_pgsql *, void *);
static int	pipe_to_primary(struct pipe *);
static int	pipe_again(struct pipe *);
static void	pipe_resend(struct pipe *);
static void	pipe_say_db(struct pipe *);

static struct http_state pipe_states[] = {
	{ "PIPE_STATE_PREPARE",	pipe_state_prepare },
	{ "PIPE_STATE_CONNECT",	pipe_state_connect },
	{ "PIPE_STATE_QUERY",	pipe_state_query },
	{ "PIPE_STATE_WAIT",	pipe_state_wait },
	{ "PIPE_STATE_FINISH",	pipe_state_finish },
	{ "PIPE_STATE_FAIL",	pipe_state_fail },
	{ "PIPE_STATE_END",	pipe_state_end },
};

#define PIPE_NSTATES	(sizeof(pipe_states) / sizeof(pipe_states[0]))

/*
 * Run ops for req, which came by route.  access is what the route requires
 * (ACCESS_PUBLIC for anyone): a statement that runs for a route above
 * public must check who is asking (an authed statement of the catalog).
 */
int
pipe_run(struct http_request *req, const struct route *route,
    const struct pipe_ops *ops, const void *arg, int access)
{
	struct pipe	*p;

	if (!http_state_exists(req)) {
		p = http_state_create(req, sizeof(*p), pipe_onfree);
		/* The id the request got on its first step, kept. */
		log_request_id(req, p->rs.id);
		p->rs.start = req->start;
		p->rs.magic = REQ_STATE_MAGIC;
		p->req = req;
		p->route = route;
		p->ops = ops;
		p->arg = arg;
		p->access = access;
		p->on_replica = replica_use(req, route);
		p->ctx = ops->ctx_size > 0 ?
		    kore_calloc(1, ops->ctx_size) : NULL;
		req->fsm_state = PIPE_STATE_PREPARE;
	}

	return (http_state_run(pipe_states, PIPE_NSTATES, req));
}

int
run_pipe(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	const struct run_pipe	*rp = m->arg;

	return (pipe_run(req, route, rp->ops, rp->arg, m->access));
}

const struct route *
pipe_route(struct pipe *p)
{
	return (p->route);
}

void *
pipe_ctx(struct pipe *p)
{
	return (p->ctx);
}

const void *
pipe_arg(struct pipe *p)
{
	return (p->arg);
}

/* Who is asking, learned otherwise than by api.authorize() (sign-in). */
void
pipe_who(struct pipe *p, json_t *doc)
{
	(void)auth_principal_from(doc, &p->rs.who);
	p->rs.known = 1;
}

/* The CSRF token a form carries, for the change its statement makes. */
void
pipe_csrf(struct pipe *p, const char *token)
{
	(void)snprintf(p->csrf, sizeof(p->csrf), "%s",
	    token != NULL ? token : "");
	p->have_csrf = token != NULL;
}

/*
 * The Idempotency-Key (and its request's hash, req_idempotency_hash())
 * for the next statement sent, when that is an api.* function's: it then
 * runs through api.idempotent (sql/api/90_idempotency.sql).
 */
void
pipe_idem(struct pipe *p, const char *key, const char *hash)
{
	(void)snprintf(p->idem_key, sizeof(p->idem_key), "%s", key);
	(void)snprintf(p->idem_hash, sizeof(p->idem_hash), "%s", hash);
	p->have_idem = 1;
}

/* Was the last answer the first one's again (api.idempotent)? */
int
pipe_replayed(struct pipe *p)
{
	return (p->replayed);
}

/*
 * Send statement s with doc (taken over; NULL is an error unless the
 * statement takes no parameter) as its one parameter; for an authed
 * statement, with what api.authorize() needs.
 */
int
pipe_send(struct pipe *p, enum stmt s, json_t *doc)
{
	struct http_request	*req = p->req;
	char			 session[SECRET_HASH_LEN];
	char			 token[SECRET_HASH_LEN];
	const char		*csrf;
	json_t			*auth;
	int			 write, need;

	pipe_forget(p);
	p->idem = p->replayed = p->reruns = 0;
	if (stmt_bare(s)) {
		json_decref(doc);
		p->stmt = s;
		p->sent = 1;
		return (KORE_RESULT_OK);
	}
	if (doc == NULL)
		return (KORE_RESULT_ERROR);
	if (stmt_authed(s)) {
		(void)auth_credentials(req, session, token);
		/* A feed: its ?key= is the credential, and only that. */
		if (p->access == ACCESS_FEED) {
			session[0] = '\0';
			(void)auth_feed_key(req, token);
		}
		write = req->method != HTTP_METHOD_GET &&
		    req->method != HTTP_METHOD_HEAD;
		csrf = NULL;
		if (p->have_csrf)
			csrf = p->csrf;
		else if (!http_request_header(req, "x-csrf-token", &csrf))
			csrf = NULL;
		/* GET /metrics: anyone on the loopback, else its scope. */
		need = p->access;
		if (need == ACCESS_METRICS)
			need = metrics_open_to(req) ? ACCESS_PUBLIC :
			    ACCESS_VIEWER;
		else if (need == ACCESS_FEED)
			need = ACCESS_VIEWER;
		auth = json_pack("{s:s?, s:s?, s:i, s:b, s:s?, s:s?}",
		    "session", session[0] != '\0' ? session : NULL, "token",
		    token[0] != '\0' ? token : NULL, "need", need,
		    "write", write, "csrf", csrf, "scope",
		    p->access == ACCESS_METRICS ? "metrics" :
		    p->access == ACCESS_FEED ? "feed" : NULL);
		if (auth == NULL) {
			json_decref(doc);
			return (KORE_RESULT_ERROR);
		}
		json_object_set_new(doc, "auth", auth);
		if (p->have_idem && stmt_function(s) != NULL) {
			if (json_object_set_new(doc, "idem", json_pack(
			    "{s:s, s:s, s:s, s:b}", "key", p->idem_key,
			    "hash", p->idem_hash, "call", stmt_function(s),
			    "risks", stmt_risks(s))) == -1) {
				json_decref(doc);
				return (KORE_RESULT_ERROR);
			}
			p->idem = 1;
		}
		p->have_idem = 0;
	}
	p->param = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (p->param == NULL)
		return (KORE_RESULT_ERROR);
	p->stmt = s;
	p->sent = 1;
	return (KORE_RESULT_OK);
}

/* The answer's document: the column after "who" for an authed one. */
const char *
pipe_value(struct pipe *p)
{
	return (pipe_value_at(p, 0));
}

/* The answer's n-th value (from 0), "who" not counted; NULL if none. */
const char *
pipe_value_at(struct pipe *p, int n)
{
	int	col = n + (stmt_authed(p->stmt) ? 1 : 0);

	if (p->result == NULL || PQntuples(p->result) < 1 ||
	    PQnfields(p->result) <= col || PQgetisnull(p->result, 0, col))
		return (NULL);
	return (PQgetvalue(p->result, 0, col));
}

/* The answer's value of the column named name; NULL if none. */
const char *
pipe_value_named(struct pipe *p, const char *name)
{
	int	col;

	if (p->result == NULL || PQntuples(p->result) < 1 ||
	    (col = PQfnumber(p->result, name)) < 0 ||
	    PQgetisnull(p->result, 0, col))
		return (NULL);
	return (PQgetvalue(p->result, 0, col));
}

json_t *
pipe_result(struct pipe *p)
{
	const char	*v;
	json_t		*doc;
	json_error_t	 jerr;

	if ((v = pipe_value(p)) == NULL)
		return (NULL);
	doc = json_loads(v, JSON_DECODE_ANY, &jerr);
	if (doc == NULL)
		kore_log(LOG_ERR, "pipe: %s gave bad JSON: %s",
		    stmt_name(p->stmt), jerr.text);
	return (doc);
}

static int
pipe_state_prepare(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);

	if (p->ops->prepare(req, p) != KORE_RESULT_OK) {
		/* prepare() has replied (bad input, most likely). */
		req->fsm_state = PIPE_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}
	if (!p->sent) {
		req->fsm_state = PIPE_STATE_FINISH;
		return (HTTP_STATE_CONTINUE);
	}
	if (p->access > ACCESS_PUBLIC && !stmt_authed(p->stmt)) {
		kore_log(LOG_ERR, "pipe: %s: statement %s does not check who "
		    "is asking", req->path, stmt_name(p->stmt));
		reply_error(req, 500, "internal", "internal error", NULL);
		req->fsm_state = PIPE_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}
	req->fsm_state = PIPE_STATE_CONNECT;
	return (HTTP_STATE_CONTINUE);
}

static int
pipe_state_connect(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);

	if (!p->bound) {
		kore_pgsql_init(&p->sql);
		kore_pgsql_bind_request(&p->sql, req);
		/*
		 * Also told of every event, as it happens: bound to the
		 * request, Kore still sleeps, wakes and frees it, and the
		 * answer is taken before another event can lose it.  Kore's
		 * kore_pgsql_bind_callback() refuses a second binding, so
		 * the fields are set here.
		 */
		p->sql.cb = pipe_pgsql_event;
		p->sql.arg = p;
		p->bound = 1;
	}

	if (!kore_pgsql_setup(&p->sql, p->on_replica ? HANDOFF_DB_READ :
	    HANDOFF_DB, KORE_PGSQL_ASYNC)) {
		/* Still INIT: every connection is busy and we were queued. */
		if (p->sql.state == KORE_PGSQL_STATE_INIT) {
			metrics_pool_wait(&p->waiting, 1);
			return (HTTP_STATE_RETRY);
		}
		metrics_pool_wait(&p->waiting, 0);

		db_error_of(NULL, p->sql.error, &p->err);
		p->failed = 1;
		pipe_release(p);
		if (pipe_to_primary(p))
			return (HTTP_STATE_CONTINUE);
		req->fsm_state = PIPE_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	}

	metrics_pool_wait(&p->waiting, 0);
	metrics_pool_hold(&p->held, 1);

	if (!db_conn_check(p->sql.conn)) {
		dberr_set(&p->err, 503, "db_unavailable",
		    "the database is unreachable", NULL);
		p->failed = 1;
		pipe_release(p);
		if (pipe_to_primary(p))
			return (HTTP_STATE_CONTINUE);
		req->fsm_state = PIPE_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	}

	req->fsm_state = PIPE_STATE_QUERY;
	return (HTTP_STATE_CONTINUE);
}

static int
pipe_state_query(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);
	const char	*params[1] = { p->param };

	req->fsm_state = PIPE_STATE_WAIT;

	/* Text parameters: libpq ignores lengths and formats for those. */
	if (!kore_pgsql_query_param_fields(&p->sql, p->idem ?
	    stmt_idempotent_sql() : stmt_sql(p->stmt), 0,
	    stmt_bare(p->stmt) ? 0 : 1, params, NULL, NULL))
		return (HTTP_STATE_CONTINUE);	/* state is ERROR */

	return (HTTP_STATE_RETRY);
}

/*
 * Kore read the connection (or queued, scheduled or released the query).
 * An answer or an error is taken at once: with request binding alone it
 * would wait in p->sql for the request to run, and a read event in
 * between (the rest of the query's messages arriving in another packet)
 * makes Kore read on and overwrite it with the query's end.  The request
 * then saw a query that ended without an answer, and answered 500.
 */
static void
pipe_pgsql_event(struct kore_pgsql *sql, void *arg)
{
	struct pipe	*p = arg;

	switch (sql->state) {
	case KORE_PGSQL_STATE_RESULT:
		if (p->result != NULL)
			PQclear(p->result);
		p->result = sql->result;
		sql->result = NULL;
		break;
	case KORE_PGSQL_STATE_ERROR:
		if (!p->failed) {
			db_error_of(sql->result, sql->error, &p->err);
			p->failed = 1;
		}
		break;
	default:
		break;
	}
}

static int
pipe_state_wait(struct http_request *req)
{
	struct pipe		*p = http_state_get(req);

	switch (p->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_RESULT:
		/* pipe_pgsql_event() has taken the answer: read on. */
		kore_pgsql_continue(&p->sql);
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_ERROR:
		/* Taken by pipe_pgsql_event(), unless sending failed. */
		if (!p->failed) {
			db_error_of(p->sql.result, p->sql.error, &p->err);
			p->failed = 1;
		}
		if (db_error_readable(&p->sql)) {
			kore_pgsql_continue(&p->sql);
			return (HTTP_STATE_CONTINUE);
		}
		pipe_release(p);
		req->fsm_state = PIPE_STATE_FAIL;
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_COMPLETE:
		pipe_release(p);
		if (p->failed) {
			req->fsm_state = PIPE_STATE_FAIL;
			return (HTTP_STATE_CONTINUE);
		}
		if (stmt_authed(p->stmt) && pipe_learn_who(p) == -1) {
			kore_log(LOG_ERR, "pipe: %s: %s ended without saying "
			    "who asked (%d rows)", req->path,
			    stmt_name(p->stmt), p->result != NULL ?
			    PQntuples(p->result) : -1);
			dberr_set(&p->err, 500, "internal", "internal error",
			    NULL);
			p->failed = 1;
			req->fsm_state = PIPE_STATE_FAIL;
			return (HTTP_STATE_CONTINUE);
		}
		/*
		 * A change committed: the client reads the primary next.
		 * Each statement of a write says so again (a sign-in looks
		 * up, then records): the last cookie, past all, wins.
		 */
		if (req->method != HTTP_METHOD_GET &&
		    req->method != HTTP_METHOD_HEAD)
			replica_wrote(req);
		pipe_say_db(p);
		if (p->on_replica)
			metrics_add(METRIC_REPLICA_READS);
		p->replayed = p->idem && p->result != NULL &&
		    PQntuples(p->result) > 0 && PQnfields(p->result) > 2 &&
		    strcmp(PQgetvalue(p->result, 0, 2), "t") == 0;
		req->fsm_state = PIPE_STATE_FINISH;
		return (HTTP_STATE_CONTINUE);
	default:
		kore_pgsql_continue(&p->sql);
		return (HTTP_STATE_CONTINUE);
	}
}

/* The first column of an authed answer: who asked.  -1 if unreadable. */
static int
pipe_learn_who(struct pipe *p)
{
	json_t		*who;
	json_error_t	 jerr;
	const char	*v;

	if (p->result == NULL || PQntuples(p->result) < 1)
		return (-1);
	if (PQgetisnull(p->result, 0, 0)) {
		memset(&p->rs.who, 0, sizeof(p->rs.who));
		p->rs.known = 1;
		return (0);
	}
	v = PQgetvalue(p->result, 0, 0);
	if ((who = json_loads(v, 0, &jerr)) == NULL)
		return (-1);
	(void)auth_principal_from(who, &p->rs.who);
	json_decref(who);
	p->rs.known = 1;
	return (0);
}

static int
pipe_state_finish(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);
	int		 more;

	p->sent = 0;
	more = p->ops->finish(req, p);
	if (more == PIPE_SLEEP)
		return (HTTP_STATE_RETRY);	/* finish() again when woken */
	if (more == PIPE_MORE) {
		if (!p->sent) {
			kore_log(LOG_ERR, "pipe: %s: finish asked for more "
			    "without sending a statement", req->path);
			dberr_set(&p->err, 500, "internal", "internal error",
			    NULL);
			p->failed = 1;
			req->fsm_state = PIPE_STATE_FAIL;
		} else {
			req->fsm_state = PIPE_STATE_CONNECT;
		}
		return (HTTP_STATE_CONTINUE);
	}

	req->fsm_state = PIPE_STATE_END;
	return (HTTP_STATE_CONTINUE);
}

/*
 * A statement failed.  Refusals of who is asking are answered here for
 * every route; anything else goes to fail(), which replies, or sends a
 * statement and returns PIPE_MORE (a form that failed is shown again with
 * the page's data), after which finish() has the last word.
 */
static int
pipe_state_fail(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);
	int		 more;

	/* The replica could not answer, or did not know the session yet. */
	if (p->on_replica && (p->err.status >= 500 || p->err.status == 401)) {
		if (p->result != NULL)
			PQclear(p->result);
		p->result = NULL;
		if (pipe_to_primary(p))
			return (HTTP_STATE_CONTINUE);
	}
	if (pipe_again(p))
		return (HTTP_STATE_CONTINUE);
	pipe_say_db(p);
	if (pipe_refused(req, p)) {
		req->fsm_state = PIPE_STATE_END;
		return (HTTP_STATE_CONTINUE);
	}

	p->sent = 0;
	more = PIPE_DONE;
	if (p->ops->fail != NULL)
		more = p->ops->fail(req, p, &p->err);
	else
		reply_db_error(req, &p->err);

	if (more == PIPE_MORE && p->sent) {
		p->failed = 0;
		req->fsm_state = PIPE_STATE_CONNECT;
		return (HTTP_STATE_CONTINUE);
	}
	if (more == PIPE_MORE) {
		kore_log(LOG_ERR, "pipe: %s: fail asked for more without "
		    "sending a statement", req->path);
		reply_error(req, 500, "internal", "internal error", NULL);
	}

	req->fsm_state = PIPE_STATE_END;
	return (HTTP_STATE_CONTINUE);
}

/*
 * Was the failure api.authorize() refusing?  Then answer it (1).  A 403
 * that names a field is the function's own refusal of that field (a
 * member changing a checkpoint's decision flag): logged here, answered
 * with its own words like any other error (0).
 */
static int
pipe_refused(struct http_request *req, struct pipe *p)
{
	char			 session[SECRET_HASH_LEN];
	char			 token[SECRET_HASH_LEN];
	const struct principal	*who;
	json_t			*detail;
	const char		*email, *role, *scope;

	if (!stmt_authed(p->stmt) || (p->err.status != 401 &&
	    p->err.status != 403))
		return (0);
	if (p->err.status == 403 && p->err.field[0] != '\0') {
		who = req_who(req);
		log_event(req, who != NULL ? who->email : NULL, "refused",
		    "%s: %s", p->err.field, p->err.message);
		return (0);
	}

	detail = json_loads(p->err.detail, 0, NULL);
	email = json_string_value(json_object_get(detail, "email"));
	role = json_string_value(json_object_get(detail, "role"));
	scope = json_string_value(json_object_get(detail, "scope"));

	if (p->err.status == 403 && scope != NULL) {
		/* A scoped token elsewhere, or a route of a scope without. */
		log_event(req, email, "refused", "token scope: %s",
		    p->err.message);
		reply_error(req, 403, "forbidden", p->err.message, NULL);
	} else if (p->err.status == 401) {
		/* A stale cookie: drop it so the browser stops sending it. */
		(void)auth_credentials(req, session, token);
		if (session[0] != '\0' && token[0] == '\0')
			auth_session_cookie(req, "", 0);
		auth_refuse(req, 401, p->access);
	} else if (strcmp(p->err.code, "csrf") == 0) {
		log_event(req, email, "refused", "missing or wrong CSRF "
		    "token");
		reply_error(req, 403, "csrf", p->ops->csrf_refusal != NULL ?
		    p->ops->csrf_refusal : reply_is_api(req) ?
		    "a write with a session cookie needs the session's "
		    "X-CSRF-Token header" : "This form has expired or did not "
		    "come from handoff. Reload the page and try again.", NULL);
	} else {
		log_event(req, email, "refused", "role %s, needs %s",
		    role != NULL ? role : "?", auth_access_name(p->access));
		auth_refuse(req, 403, p->access);
	}
	json_decref(detail);
	return (1);
}

/*
 * A statement on the replica failed (its connection is released): run it
 * again on the primary (1), with the replica skipped until a probe finds
 * it good.  0 when it already ran on the primary.
 */
static int
pipe_to_primary(struct pipe *p)
{
	if (!p->on_replica)
		return (0);
	if (strcmp(p->err.code, "db_unavailable") == 0)
		replica_failed();
	metrics_add(METRIC_REPLICA_FALLBACKS);
	p->on_replica = 0;
	pipe_resend(p);
	return (1);
}

/*
 * The statement failed as a whole, and as it was it may well succeed now
 * (err.again: a deadlock, or schema api made again under it by a
 * migration while servers run): send it again (1), at most PIPE_RERUNS
 * times, and answer what the last try said (0).  Nothing of a failed
 * statement was kept, writes included, so nothing is done twice.
 */
static int
pipe_again(struct pipe *p)
{
	if (!p->err.again || p->reruns >= PIPE_RERUNS)
		return (0);
	p->reruns++;
	kore_log(LOG_NOTICE, "pipe: %s: %s sent again (%s, try %d)",
	    p->req->path, stmt_name(p->stmt), p->err.message, p->reruns + 1);
	if (p->result != NULL)
		PQclear(p->result);
	p->result = NULL;
	pipe_resend(p);
	return (1);
}

/* Send the statement of before again, its text as it was. */
static void
pipe_resend(struct pipe *p)
{
	p->failed = 0;
	memset(&p->err, 0, sizeof(p->err));
	p->req->fsm_state = PIPE_STATE_CONNECT;
}

/* Which database answered, for whoever wants to know (with a replica). */
static void
pipe_say_db(struct pipe *p)
{
	if (p->said_db || !replica_configured())
		return;
	http_response_header(p->req, "x-handoff-db", p->on_replica ?
	    "replica" : "primary");
	p->said_db = 1;
}

static int
pipe_state_end(struct http_request *req)
{
	struct pipe	*p = http_state_get(req);

	pipe_free(p);
	http_state_cleanup(req);

	return (HTTP_STATE_COMPLETE);
}

/* The request went away (or ended): give everything back. */
static void
pipe_onfree(struct http_request *req)
{
	struct pipe	*p;

	if ((p = http_state_get(req)) != NULL)
		pipe_free(p);
}

/* Forget the last statement and its answer. */
static void
pipe_forget(struct pipe *p)
{
	free(p->param);
	p->param = NULL;
	if (p->result != NULL)
		PQclear(p->result);
	p->result = NULL;
}

static void
pipe_free(struct pipe *p)
{
	pipe_release(p);
	pipe_forget(p);

	if (p->ctx != NULL) {
		if (p->ops->cleanup != NULL)
			p->ops->cleanup(p->ctx);
		kore_free(p->ctx);
		p->ctx = NULL;
	}
}

/* Hand the connection back to Kore's pool and unbind from the request. */
static void
pipe_release(struct pipe *p)
{
	metrics_pool_hold(&p->held, 0);
	metrics_pool_wait(&p->waiting, 0);
	if (!p->bound)
		return;
	p->sql.cb = NULL;	/* the release is ours: no event to take */
	db_release(&p->sql);
	p->bound = 0;
}

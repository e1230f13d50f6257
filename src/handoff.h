/*
 * handoff: the private header of the Kore application module.
 *
 * It reads as a table of contents, one block per source file, in the
 * order a request travels: the route table finds the handler; the
 * request module reads what the request says and who sent it; the
 * pipeline runs one statement of the catalog (db.c) for it, the check of
 * who is asking included; handlers render; every answer leaves through
 * reply.c.  The pure modules (no Kore, no libpq; unit tested on plain
 * malloc) keep their own headers.
 */
#ifndef HANDOFF_H
#define HANDOFF_H

/* The release: /healthz says it; kept answers are kept per release. */
#define HANDOFF_VERSION		"0.1.0"

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <jansson.h>

#include "calldoc.h"
#include "date.h"
#include "dberr.h"
#include "fields.h"
#include "formdata.h"
#include "html.h"
#include "httpparse.h"
#include "proxy.h"
#include "ledger.h"
#include "render.h"
#include "risk.h"
#include "sbuf.h"
#include "secret.h"
#include "stmt.h"
#include "validate.h"
#include "vocab.h"

/* The name under which the database is registered with Kore's pgsql. */
#define HANDOFF_DB		"db"
/* ... and the read replica's, when DATABASE_READ_URL is set (replica.c). */
#define HANDOFF_DB_READ		"read"

/* Request bodies above this are refused by the application with a 413. */
#define HANDOFF_BODY_MAX	(64 * 1024)

/* Access levels, in order; a route names the least it needs.  Above
 * public, a level is the user role's position in the vocabulary plus 1. */
#define ACCESS_PUBLIC		0	/* anyone, signed in or not */
#define ACCESS_VIEWER		1
#define ACCESS_MEMBER		2
#define ACCESS_PM		3
#define ACCESS_ADMIN		4
/* Not a role: the loopback, or a token with the "metrics" scope
 * (metrics.c); api.authorize() is told the scope as well. */
#define ACCESS_METRICS		5
/* Not a role either: a calendar feed, read with a token of the "feed"
 * scope given as ?key= (feeds.c, sql/0017_feeds.sql). */
#define ACCESS_FEED		6

/* Who is asking, as api.authorize() said. */
struct principal {
	long long	 user_id;	/* 0: nobody */
	int		 access;	/* ACCESS_* of the user's role */
	int		 via_token;	/* an API token, not a session */
	char		 email[256];
	char		 name[208];
	char		 role[8];
	char		 csrf[64];	/* the session's token for forms */
	long long	 person_id;	/* the person the account stands for,
					   0: none (sql/0028_me.sql) */
	char		 person[208];	/* their name, "" when none */
};

/*
 * The part of a request's pipeline state (pipe.c) that request.c reads:
 * who is asking, once the first statement settled it.  Always the first
 * member of the pipeline's state, which Kore keeps in hdlr_extra.
 */
#define REQ_STATE_MAGIC		0x68616e64	/* "hand" */
#define LOG_ID_LEN		(PROXY_ID_MAX + 1)
struct req_state {
	unsigned int		 magic;
	int			 known;
	struct principal	 who;
	char			 id[LOG_ID_LEN];	/* X-Request-Id */
	uint64_t		 start;		/* first step, kore_time_ms() */
};

/* app.c: worker start-up, process-wide settings, the background jobs. */
int		 handoff_init(int);
day_t		 app_today(void);
const char	*app_public_url(void);	/* HANDOFF_PUBLIC_URL, or NULL */
const char	*app_instance(void);	/* HANDOFF_INSTANCE, or the host */

/* routes.c: every route, its methods and who may call each. */
struct route;
struct route_method {
	int			 method;	/* HTTP_METHOD_* */
	int			 access;	/* ACCESS_* it needs */
	int			(*run)(struct http_request *,
				    const struct route *,
				    const struct route_method *);
	const void		*arg;		/* what run() is about */
};

struct route {
	const char			*pattern;	/* "/projects/#id" */
	const struct route_method	*methods;
	size_t				 nmethods;
	int				 lag_ok;	/* GET: replica */
};

/* A route method that runs a pipeline: its ops and what they are about. */
struct run_pipe {
	const struct pipe_ops	*ops;
	const void		*arg;
};

int		 route_dispatch(struct http_request *);
size_t		 route_index(const struct http_request *);
void		 route_allow(const struct route *, char *, size_t);
/* Routes the table may hold: the metrics keep one slot each, and one for
 * "(none)"; routes.c refuses to build with more. */
#define ROUTES_MAX		191
size_t		 route_count(void);
const struct route *route_at(size_t);
int		 run_pipe(struct http_request *, const struct route *,
		    const struct route_method *);

/* request.c: what a request says, read and checked once. */
int		 req_init(void);
int		 req_from_proxy(struct http_request *);
const struct principal *req_who(struct http_request *);
void		 req_address(struct http_request *, char *, size_t);
int		 req_is_tls(struct http_request *);
int		 req_json_body(struct http_request *, json_t **);
int		 req_form_body(struct http_request *, json_t **);
/* One query argument, decoded (free it): 1, 0 absent, -1 malformed. */
int		 req_query_get(struct http_request *, const char *, char **);
int		 req_query(struct http_request *, const struct field *,
		    json_t *);
int		 req_if_match(struct http_request *, long long *);
int		 req_idempotency_key(struct http_request *, const char *,
		    const char **);
void		 req_idempotency_hash(struct http_request *, long long,
		    json_t *, char [SECRET_HASH_LEN]);
int		 req_headers_complete(struct http_request *);
int		 req_path(struct http_request *, const char *, json_t *);
json_t		*req_call_doc(long long, json_t *, json_t *, json_t *);

/* auth.c: credentials, the session cookie, refusals. */
int		 auth_init(void);
int		 auth_credentials(struct http_request *,
		    char [SECRET_HASH_LEN], char [SECRET_HASH_LEN]);
int		 auth_feed_key(struct http_request *, char [SECRET_HASH_LEN]);
void		 auth_session_cookie(struct http_request *, const char *, int);
int		 auth_principal_from(json_t *, struct principal *);
void		 auth_refuse(struct http_request *, int, int);
const char	*auth_access_name(int);
void		 auth_url_encode(struct sbuf *, const char *);
int		 auth_safe_next(const char *);

/* pwcheck.c: password checks off the event loop, in Kore's task threads. */
struct pwcheck;
int		 pwcheck_init(void);
int		 pwcheck_busy(void);
struct pwcheck	*pwcheck_start(struct http_request *, const char *,
		    const char *);
struct pwcheck	*pwcheck_pause(struct http_request *);
struct pwcheck	*pwcheck_hash(struct http_request *, const char *);
const char	*pwcheck_made(const struct pwcheck *);
int		 pwcheck_done(const struct pwcheck *, int *);
void		 pwcheck_release(struct pwcheck *);

/* log.c: one line per request, sign-in, refusal and rejected input. */
void		 log_request_begin(struct http_request *);
void		 log_request(struct http_request *, int, size_t, uint64_t);
void		 log_request_id(struct http_request *, char [LOG_ID_LEN]);
#define LOG_USER_LEN		256
void		 log_user_unverified(const char *, char [LOG_USER_LEN]);
void		 log_event(struct http_request *, const char *, const char *,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

/*
 * db.c: what the pipeline and the background job share about connections
 * and failures.  Every statement is named in the catalog (stmt.h).
 */
int		 db_conn_check(struct pgsql_conn *);
void		 db_release(struct kore_pgsql *);
int		 db_error_readable(struct kore_pgsql *);
void		 db_error_of(PGresult *, const char *, struct db_error *);
void		 db_log_unavailable(const char *, const char *);

/*
 * dbjob.c: one statement at a time for work no request waits on (the
 * background job, the outbox); done() gets the answer's document, its to
 * free, or NULL (failed says whether it failed).
 */
struct dbjob {
	const char	*name;		/* in its log lines */
	void		(*done)(struct dbjob *, json_t *);
	struct kore_pgsql sql;
	enum stmt	 stmt;
	char		*param;
	PGresult	*result;
	int		 running;	/* sent, done() not yet called */
	int		 failed;
	int		 bound;
	int		 held;		/* a connection (metrics.c) */
	int		 waiting;	/* queued for one */
	uintptr_t	 gen;		/* of the statement running */
	uintptr_t	 later;		/* ... whose end a timer will take */
};

int		 dbjob_send(struct dbjob *, enum stmt, json_t *);

/*
 * pipe.c: the request pipeline.  A handler describes its work as a
 * struct pipe_ops: prepare() reads the request and sends one statement,
 * finish() renders its answer (or sends another and returns PIPE_MORE, or
 * waits for work off the event loop and returns PIPE_SLEEP), fail()
 * (optional) renders a refusal.  pipe_run() settles who is asking
 * with the first statement, refuses what the route's access does not
 * allow, and drives Kore's asynchronous pgsql machine, so that a slow
 * query never blocks a worker.
 */
struct pipe;

#define PIPE_DONE	0
#define PIPE_MORE	1
#define PIPE_SLEEP	2	/* asleep (pwcheck.c): finish() when woken */

struct pipe_ops {
	size_t	ctx_size;
	/* What a refused CSRF token is told (NULL: the API's or a form's). */
	const char *csrf_refusal;
	int	(*prepare)(struct http_request *, struct pipe *);
	int	(*finish)(struct http_request *, struct pipe *);
	int	(*fail)(struct http_request *, struct pipe *,
		    const struct db_error *);
	void	(*cleanup)(void *);
};

int		 pipe_run(struct http_request *, const struct route *,
		    const struct pipe_ops *, const void *, int);
const struct route *pipe_route(struct pipe *);
void		*pipe_ctx(struct pipe *);
const void	*pipe_arg(struct pipe *);
int		 pipe_send(struct pipe *, enum stmt, json_t *);
void		 pipe_csrf(struct pipe *, const char *);
void		 pipe_idem(struct pipe *, const char *, const char *);
int		 pipe_replayed(struct pipe *);
void		 pipe_who(struct pipe *, json_t *);
json_t		*pipe_result(struct pipe *);
const char	*pipe_value(struct pipe *);
const char	*pipe_value_at(struct pipe *, int);
const char	*pipe_value_named(struct pipe *, const char *);

/* kept.c: answers kept whole once made (sql/api/98_kept.sql). */
#define KEPT_KEY_LEN	512
#define KEPT_HAVE_MAX	4	/* copies named in one ask */
#define KEPT_MADE_LEN	40	/* a kept text's name: a uuid */

struct kept_copy;

struct kept {
	char		 key[KEPT_KEY_LEN];	/* "": not kept */
	struct sbuf	 made;		/* the text made, while it is kept */
	int		 putting;	/* STMT_KEPT_PUT was sent */
	/* The copies the ask named, held until the answer is sent. */
	struct kept_copy *have[KEPT_HAVE_MAX];
	int		 nhave;
};

enum kept_step {
	KEPT_PUT,	/* the put answered */
	KEPT_HIT,	/* the kept text */
	KEPT_MISS	/* nothing kept yet: make it */
};

void		 kept_init(struct kept *);
void		 kept_free(struct kept *);
void		 kept_key(struct kept *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 kept_ask(struct kept *, json_t *);
enum kept_step	 kept_step(struct kept *, struct pipe *, int, const char **,
		    const char **);
int		 kept_put(struct kept *, struct pipe *, const char *);
int		 kept_failed(const struct kept *, const char *,
		    const struct db_error *);
void		 kept_copies_drop(void);

/* reply.c: every response leaves through here. */
int		 reply_is_api(struct http_request *);
void		 reply_send(struct http_request *, int, const void *, size_t);
void		 reply_unload(void);
void		 reply_common_headers(struct http_request *);
void		 reply_json(struct http_request *, int, json_t *);
void		 reply_json_tag(struct http_request *, int, json_t *,
		    const char *, int);
void		 reply_json_text(struct http_request *, int, const char *,
		    const char *, int);
void		 reply_body(struct http_request *, int, const char *,
		    const struct sbuf *);
void		 reply_html(struct http_request *, int, struct sbuf *);
void		 reply_error(struct http_request *, int, const char *,
		    const char *, const char *);
void		 reply_db_error(struct http_request *, const struct db_error *);
int		 reply_method_not_allowed(struct http_request *,
		    const struct route *);
void		 reply_redirect(struct http_request *, const char *);
void		 reply_page_links(struct http_request *, size_t, size_t,
		    size_t);

/* api.c: the JSON API: one statement per method, driven by routes.c. */
struct api_method {
	enum stmt		 stmt;		/* one api.* function */
	int			 status;	/* on success */
	const struct field	*body;		/* NULL: no body is read */
	const struct field	*query;		/* NULL: no query arguments */
	const char		*location;	/* 201: Location prefix */
	/*
	 * The document is a project's, with the facts its risks are
	 * computed from (views.c): they become its "risks".
	 */
	int			 risks;
	/*
	 * Runs on the request document before the call (may be NULL): it
	 * may add to it and set an object to add to the reply; it replies
	 * itself when it returns KORE_RESULT_ERROR.
	 */
	int			(*before)(struct http_request *, json_t *,
				    json_t **);
};

int		 api_run(struct http_request *, const struct route *,
		    const struct route_method *);

/* session.c: signing in and out. */
extern const struct pipe_ops	logout_ops, whoami_ops, login_page_ops;
/* unsubscribe.c: GET and POST /unsubscribe?t= (RFC 8058). */
extern const struct pipe_ops	unsubscribe_ops;
extern const int		login_json, login_form;
int		 run_login(struct http_request *, const struct route *,
		    const struct route_method *);

/* accounts.c: API tokens and user accounts. */
int		 accounts_token_before(struct http_request *, json_t *,
		    json_t **);

/* A write with a password: its hash made once the caller may (accounts.c). */
#define PWWRITE_NONE	0
#define PWWRITE_ASKING	1	/* api.whoami sent */
#define PWWRITE_HASHING	2	/* in a task thread, the request asleep */
#define PWWRITE_SENT	3	/* the write itself */

struct pwwrite {
	int		 state;
	json_t		*doc;		/* the write, until it is sent */
	enum stmt	 stmt;
	struct pwcheck	*hashing;
	int		 have_idem;
	char		 idem_key[HTTPPARSE_IDEM_MAX + 1];
	char		 idem_hash[SECRET_HASH_LEN];
};

int		 accounts_password_begin(struct http_request *, struct pipe *,
		    struct pwwrite *, enum stmt, json_t *, const char *,
		    const char *);
int		 accounts_password_step(struct http_request *, struct pipe *,
		    struct pwwrite *);
void		 accounts_password_clear(struct pwwrite *);
void		 accounts_password_free(struct pwwrite *);
extern const struct pipe_ops	tokens_ops;
extern const int		tokens_show, tokens_create, tokens_revoke;

/* views.c: the weekly job's digest (outbox.c). */
json_t		*views_weekly_call(day_t, int);
json_t		*views_weekly_data(day_t, json_t *);
json_t		*views_digest_mail(day_t, json_t *, const json_t *);

/* views.c: risks as of any day, the digest, the portfolio and projects'
 * risks, from the ledger and the facts. */
extern const struct pipe_ops	risks_ops, project_risks_ops, digest_ops,
				projects_ops, risks_csv_ops, portfolio_csv_ops;
extern const int		digest_as_json, digest_as_html, digest_as_md;
/* views.c: My work (GET /api/v1/me, the /me page), its risks made whole. */
extern const struct pipe_ops	me_ops;
int		 views_me(json_t *, day_t);

/* modelcard.c: a project's model card draft, in Markdown. */
extern const struct pipe_ops	model_card_ops;
int		 views_project_risks(json_t *, day_t);

struct scratch;
struct views_risks {
	struct scratch		*sc;
	struct span_list	 spans;
	struct risk_list	 risks;
};
int		 views_risks(json_t *, day_t, struct views_risks *);
void		 views_risks_free(struct views_risks *);
int		 views_portfolio(json_t *, day_t, int, size_t, size_t,
		    size_t, struct portfolio_rows *);
void		 views_portfolio_free(struct portfolio_rows *);

/* exports.c: CSV files of the portfolio, its risks, a project's
 * checkpoints and ownership; calendar feeds. */
#define EXPORT_ROWS_MAX		1000000	/* "every row" to a paged read */
enum export_table {
	EXPORT_PORTFOLIO,
	EXPORT_RISKS,
	EXPORT_CHECKPOINTS,
	EXPORT_OWNERSHIP
};
extern const struct pipe_ops	checkpoints_csv_ops, ownership_csv_ops,
				feed_ops;
void		 exports_csv(struct http_request *, enum export_table,
		    json_t *, day_t);

/* page.c, page_*.c: the HTML pages and their forms. */
int		 run_page(struct http_request *, const struct route *,
		    const struct route_method *);
int		 run_action(struct http_request *, const struct route *,
		    const struct route_method *);

/* api_health.c: liveness and database health. */
extern const struct pipe_ops	healthz_ops;
int		 run_version(struct http_request *, const struct route *,
		    const struct route_method *);

/* assets.c: files from assets/, embedded at build time. */
int		 run_asset(struct http_request *, const struct route *,
		    const struct route_method *);

/* openapi.c: the API's description, from the route table (apidoc.h). */
int		 run_openapi(struct http_request *, const struct route *,
		    const struct route_method *);

/* metrics.c: GET /metrics, counters shared by every worker. */
enum metric {
	METRIC_DB_ERRORS,
	METRIC_DB_RECONNECTS,
	METRIC_SIGNIN_FAILURES,
	METRIC_SIGNIN_LOCKOUTS,
	METRIC_PASSWORD_HASHES,
	METRIC_REPLICA_READS,
	METRIC_REPLICA_FALLBACKS,
	METRIC_COUNT
};
int		 metrics_init(void);
void		 metrics_add(enum metric);
void		 metrics_job(enum stmt, int);
void		 metrics_response(size_t, int, uint64_t);
void		 metrics_pool_hold(int *, int);
void		 metrics_pool_wait(int *, int);
int		 metrics_open_to(struct http_request *);
int		 run_metrics(struct http_request *, const struct route *,
		    const struct route_method *);

/* replica.c: reads that take a little lag from a hot standby. */
#define REPLICA_OFF		0	/* no DATABASE_READ_URL */
#define REPLICA_OK		1
#define REPLICA_DOWN		2
#define REPLICA_LAGGING		3
#define REPLICA_NOT_STANDBY	4
int		 replica_init(const char *);
int		 replica_configured(void);
int		 replica_state(uint64_t *);
const char	*replica_state_name(int);
int		 replica_use(struct http_request *, const struct route *);
void		 replica_failed(void);
void		 replica_wrote(struct http_request *);

/* background.c: the vocabulary check and the risk ledger's upkeep. */
void		 ledger_job_start(void);

/* outbox.c: the runner that delivers the outbox (outbox.h). */
void		 outbox_job_start(void);
int		 outbox_webhook_before(struct http_request *, json_t *,
		    json_t **);

#endif

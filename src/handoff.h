/*
 * handoff: the private header of the Kore application module.
 *
 * It reads as a table of contents: one block per source file, in the order
 * a request travels (configuration, database, replies, handlers).  The pure
 * modules (no Kore, no libpq; unit tested on plain malloc) keep their own
 * headers: sbuf.h, html.h, dberr.h, render.h, date.h, validate.h.
 */
#ifndef HANDOFF_H
#define HANDOFF_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <jansson.h>

#include "date.h"
#include "dberr.h"
#include "formdata.h"
#include "html.h"
#include "render.h"
#include "sbuf.h"
#include "secret.h"
#include "validate.h"

/* The name under which the database is registered with Kore's pgsql. */
#define HANDOFF_DB		"db"

/* Request bodies above this are refused by the application with a 413. */
#define HANDOFF_BODY_MAX	(64 * 1024)

/* Access levels, in order; a route names the least it needs. */
#define ACCESS_PUBLIC		0	/* anyone, signed in or not */
#define ACCESS_VIEWER		1
#define ACCESS_MEMBER		2
#define ACCESS_PM		3
#define ACCESS_ADMIN		4

/* Who is asking (auth.c), as api.authenticate() said. */
struct principal {
	long long	 user_id;	/* 0: nobody */
	int		 access;	/* ACCESS_* of the user's role */
	int		 via_token;	/* an API token, not a session */
	char		 email[256];
	char		 name[208];
	char		 role[8];
	char		 csrf[64];	/* the session's token for forms */
};

/* app.c: worker start-up and process-wide settings. */
int		 handoff_init(int);
day_t		 app_today(void);

/* auth.c: sessions, tokens, passwords and roles. */

int		 auth_init(void);
int		 auth_access_of(const char *);
const char	*auth_access_name(int);
int		 auth_verify_password(const char *, const char *);
int		 auth_same_secret(const char *, const char *);
int		 auth_csrf_ok(struct http_request *, const struct principal *,
		    const char *);
void		 auth_address(struct http_request *, char *, size_t);
int		 auth_is_tls(struct http_request *);
void		 auth_session_cookie(struct http_request *, const char *, int);
int		 auth_credentials(struct http_request *,
		    char [SECRET_HASH_LEN], char [SECRET_HASH_LEN]);
int		 auth_principal_from(json_t *, struct principal *);
void		 auth_refuse(struct http_request *, int, int);
void		 auth_url_encode(struct sbuf *, const char *);
int		 auth_safe_next(const char *);

/* log.c: one line per sign-in, refusal and rejected input. */
#define LOG_ID_LEN		32
void		 log_request_id(struct http_request *, char [LOG_ID_LEN]);
void		 log_event(struct http_request *, const char *, const char *,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

/* request.c: what a request says, checked once. */
int		 req_json_body(struct http_request *, json_t **);
int		 req_form_body(struct http_request *, json_t **);
int		 req_query(struct http_request *, const struct field *,
		    json_t *);
int		 req_if_match(struct http_request *, long long *);
int		 req_path(struct http_request *, const char *, json_t *);
json_t		*req_call_doc(const struct principal *, long long, json_t *,
		    json_t *, json_t *);

/* db.c: the only place statements reach PostgreSQL (see db.c). */
#define DB_PARAMS_MAX		16
#define DB_STMTS_MAX		16

struct db_call;
struct portfolio;

/* Returned by db_ops.finish to run the statements it queued next. */
#define DB_DONE		0
#define DB_MORE		1

struct db_ops {
	size_t	ctx_size;
	/* Parse the request, queue statements; or reply and return ERROR. */
	int	(*prepare)(struct http_request *, struct db_call *);
	/* Every queued statement succeeded: reply (DB_DONE) or queue more. */
	int	(*finish)(struct http_request *, struct db_call *);
	/*
	 * A statement failed: reply (DB_DONE), or queue statements and
	 * return DB_MORE to go on.  NULL sends the shared error reply.
	 */
	int	(*fail)(struct http_request *, struct db_call *,
		    const struct db_error *);
	/* Release what prepare/finish left in the context (may be NULL). */
	void	(*cleanup)(void *);
};

int		 db_run(struct http_request *, const struct db_ops *,
		    const void *, int);
const struct principal *db_who(struct db_call *);
const struct principal *db_who_req(struct http_request *);
void		*db_ctx(struct db_call *);
const void	*db_arg(struct db_call *);
int		 db_push_params(struct db_call *, const char *,
		    const char *const *, size_t);
int		 db_push_json(struct db_call *, const char *, json_t *);
int		 db_nstmts(struct db_call *);
int		 db_ntuples(struct db_call *, int);
const char	*db_value(struct db_call *, int, int, int);
json_t		*db_json(struct db_call *, int);

#define db_push(c, sql, ...)						\
	db_push_params((c), (sql), (const char *const []){ __VA_ARGS__ },\
	    sizeof((const char *const []){ __VA_ARGS__ }) / sizeof(char *))
#define db_push0(c, sql)	db_push_params((c), (sql), NULL, 0)

/* db_facts.c: the portfolio's facts for the risk engine (facts.h). */
int		 db_facts_push(struct db_call *);
int		 db_facts_load(struct db_call *, int, struct portfolio *);

/* reply.c: every response leaves through here. */
int		 reply_is_api(struct http_request *);
void		 reply_common_headers(struct http_request *);
void		 reply_json(struct http_request *, int, json_t *);
void		 reply_body(struct http_request *, int, const char *,
		    struct sbuf *);
void		 reply_html(struct http_request *, int, struct sbuf *);
void		 reply_error(struct http_request *, int, const char *,
		    const char *, const char *);
void		 reply_db_error(struct http_request *, const struct db_error *);
int		 reply_method_not_allowed(struct http_request *, const char *);
void		 reply_redirect(struct http_request *, const char *);

/* api.c: the JSON API, driven by the tables of api_routes.c. */
struct api_method {
	int			 method;	/* HTTP_METHOD_* */
	int			 access;	/* ACCESS_* it needs */
	const char		*sql;		/* calls one api.* function */
	int			 status;	/* on success */
	const struct field	*body;		/* NULL: no body is read */
	const struct field	*query;		/* NULL: no query arguments */
	const char		*location;	/* 201: Location prefix */
	/*
	 * Adds to the document before it is sent (may be NULL); when set,
	 * the portfolio's facts are loaded for it too.
	 */
	void			(*decorate)(json_t *, const struct portfolio *);
	/*
	 * Runs on the request document before the call (may be NULL): it
	 * may add to it and set an object to add to the reply; it replies
	 * itself when it returns KORE_RESULT_ERROR.
	 */
	int			(*before)(struct http_request *, json_t *,
				    json_t **);
};

struct api_route {
	const char		*pattern;	/* "/api/v1/people/#person" */
	const char		*allow;		/* for 405 */
	const struct api_method	*methods;
	size_t			 nmethods;
};

int		 api_dispatch(struct http_request *, const struct api_route *);

/* session.c: signing in and out. */
int		 api_session(struct http_request *);
int		 page_login(struct http_request *);
int		 page_logout(struct http_request *);

/* accounts.c: API tokens and user accounts. */
int		 accounts_token_before(struct http_request *, json_t *,
		    json_t **);
int		 accounts_user_before(struct http_request *, json_t *,
		    json_t **);
int		 page_tokens(struct http_request *);
int		 page_token_revoke(struct http_request *);

/* api_risks.c: risks as of any day, and the weekly digest. */
int		 api_risks(struct http_request *);
int		 api_project_risks(struct http_request *);
int		 api_digest(struct http_request *);
int		 page_digest(struct http_request *);
int		 page_digest_md(struct http_request *);
void		 api_project_add_risks(json_t *, const struct portfolio *);

/* api_routes.c: every API route, as data; the body checks are shared with
 * the page forms. */
extern const struct field	person_create_body[];
extern const struct field	project_create_body[];
extern const struct field	project_patch_body[];
extern const struct field	stage_body[];
extern const struct field	checkpoint_patch_body[];
extern const struct field	offer_body[];
extern const struct field	token_body[];

int		 api_people(struct http_request *);
int		 api_person(struct http_request *);
int		 api_projects(struct http_request *);
int		 api_project(struct http_request *);
int		 api_project_stage(struct http_request *);
int		 api_project_checkpoints(struct http_request *);
int		 api_project_history(struct http_request *);
int		 api_checkpoint(struct http_request *);
int		 api_ownership(struct http_request *);
int		 api_handoff_offer(struct http_request *);
int		 api_handoff_accept(struct http_request *);
int		 api_tokens(struct http_request *);
int		 api_token(struct http_request *);
int		 api_users(struct http_request *);
int		 api_user(struct http_request *);

/* assets.c: files from assets/, embedded at build time. */
int		 asset_serve(struct http_request *);

/* page_project.c: the project page and its forms. */
int		 page_project(struct http_request *);
int		 page_project_spec(struct http_request *);
int		 page_project_stage(struct http_request *);
int		 page_checkpoint_status(struct http_request *);
int		 page_checkpoint_due(struct http_request *);
int		 page_ownership_cell(struct http_request *);
int		 page_handoff_offer(struct http_request *);
int		 page_handoff_accept(struct http_request *);

/* page_portfolio.c: the portfolio, kickoff and people pages. */
int		 page_portfolio(struct http_request *);
int		 page_kickoff(struct http_request *);
int		 page_people(struct http_request *);
int		 page_person_active(struct http_request *);

/* api_health.c: liveness and database health. */
int		 api_healthz(struct http_request *);
int		 api_version(struct http_request *);

/* fallback.c: what unknown paths get. */
int		 api_not_found(struct http_request *);
int		 page_not_found(struct http_request *);

#endif

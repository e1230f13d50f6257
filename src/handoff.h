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
#include "html.h"
#include "render.h"
#include "sbuf.h"
#include "validate.h"

/* The name under which the database is registered with Kore's pgsql. */
#define HANDOFF_DB		"db"

/* Request bodies above this are refused by the application with a 413. */
#define HANDOFF_BODY_MAX	(64 * 1024)

/* app.c: worker start-up and process-wide settings. */
int		 handoff_init(int);
day_t		 app_today(void);

/* request.c: what a request says, checked once. */
int		 req_json_body(struct http_request *, json_t **);
int		 req_is_json_type(const char *);
int		 req_if_match(struct http_request *, long long *);
int		 req_actor(struct http_request *, const char **);

/* db.c: the only place statements reach PostgreSQL (see db.c). */
#define DB_PARAMS_MAX		16
#define DB_STMTS_MAX		16

struct db_call;

/* Returned by db_ops.finish to run the statements it queued next. */
#define DB_DONE		0
#define DB_MORE		1

struct db_ops {
	size_t	ctx_size;
	/* Parse the request, queue statements; or reply and return ERROR. */
	int	(*prepare)(struct http_request *, struct db_call *);
	/* Every queued statement succeeded: reply (DB_DONE) or queue more. */
	int	(*finish)(struct http_request *, struct db_call *);
	/* A statement failed; NULL sends the shared error reply. */
	void	(*fail)(struct http_request *, struct db_call *,
		    const struct db_error *);
	/* Release what prepare/finish left in the context (may be NULL). */
	void	(*cleanup)(void *);
};

int		 db_run(struct http_request *, const struct db_ops *,
		    const void *);
void		*db_ctx(struct db_call *);
const void	*db_arg(struct db_call *);
int		 db_push_params(struct db_call *, const char *,
		    const char *const *, size_t);
int		 db_nstmts(struct db_call *);
int		 db_ntuples(struct db_call *, int);
const char	*db_value(struct db_call *, int, int, int);
json_t		*db_json(struct db_call *, int);

#define db_push(c, sql, ...)						\
	db_push_params((c), (sql), (const char *const []){ __VA_ARGS__ },\
	    sizeof((const char *const []){ __VA_ARGS__ }) / sizeof(char *))
#define db_push0(c, sql)	db_push_params((c), (sql), NULL, 0)

/* db_facts.c: the portfolio's facts for the risk engine (facts.h). */
struct portfolio;
int		 db_facts_push(struct db_call *);
int		 db_facts_load(struct db_call *, int, struct portfolio *);

/* reply.c: every response leaves through here. */
int		 reply_is_api(struct http_request *);
void		 reply_common_headers(struct http_request *);
void		 reply_json(struct http_request *, int, json_t *);
void		 reply_html(struct http_request *, int, struct sbuf *);
void		 reply_error(struct http_request *, int, const char *,
		    const char *, const char *);
void		 reply_db_error(struct http_request *, const struct db_error *);
int		 reply_method_not_allowed(struct http_request *, const char *);

/* api.c: the JSON API, driven by the tables of api_routes.c. */
struct api_method {
	int			 method;	/* HTTP_METHOD_* */
	const char		*sql;		/* calls one api.* function */
	int			 status;	/* on success */
	const struct field	*body;		/* NULL: no body is read */
	const struct field	*query;		/* NULL: no query arguments */
	const char		*location;	/* 201: Location prefix */
	/* Adds to the document before it is sent (may be NULL). */
	void			(*decorate)(struct http_request *, json_t *);
};

struct api_route {
	const char		*pattern;	/* "/api/v1/projects/#project" */
	const char		*allow;		/* for 405 */
	const struct api_method	*methods;
	size_t			 nmethods;
};

int		 api_dispatch(struct http_request *, const struct api_route *);

/* api_routes.c: every API route, as data. */
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

/* assets.c: files from assets/, embedded at build time. */
int		 asset_serve(struct http_request *);

/* page_home.c: the landing page. */
int		 page_home(struct http_request *);

/* api_health.c: liveness and database health. */
int		 api_healthz(struct http_request *);
int		 api_version(struct http_request *);

/* fallback.c: what unknown paths get. */
int		 api_not_found(struct http_request *);
int		 page_not_found(struct http_request *);

#endif

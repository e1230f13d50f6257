/*
 * page_portfolio: the portfolio (/), kickoff (/projects/new) and people
 * (/people) pages and their forms.
 */
#include "handoff.h"
#include "page.h"

/* Portfolio ------------------------------------------------------------- */

/* The overloaded owners the page lists; the people page has them all. */
#define PORTFOLIO_WIDE	20

/*
 * The projects, riskiest first, as the filters narrow them: the active
 * ones unless the status filter asks for others (api.portfolio).  The
 * page's body is the same for everyone who may see it, so it is kept
 * whole once made (kept.c), under a key of what it depends on besides
 * the database: this code, today and the query as api.portfolio takes
 * it.  The chrome around it (who is signed in) is drawn for each request.
 */
struct portfolio_call {
	day_t		today;
	struct kept	kept;
};

static void
portfolio_cleanup(void *arg)
{
	struct portfolio_call	*c = arg;

	kept_free(&c->kept);
}

static int
portfolio_prepare(struct http_request *req, struct pipe *p)
{
	struct portfolio_call	*c = pipe_ctx(p);
	json_t			*query, *call;
	char			 today[DATE_LEN], *q;
	int			 ret;

	kept_init(&c->kept);
	c->today = app_today();
	query = json_object();
	if (req_query(req, portfolio_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (KORE_RESULT_ERROR);	/* it replied */
	}
	/* The page shows the active projects unless asked (the API: all). */
	if (json_object_get(query, "status") == NULL)
		json_object_set_new(query, "status", json_string("active"));
	json_object_set_new(query, "wide", json_integer(PORTFOLIO_WIDE));
	if (json_object_get(query, "severity") != NULL)
		json_object_set_new(query, "at_least", json_true());
	date_format(c->today, today);
	if ((q = json_dumps(query, JSON_COMPACT | JSON_SORT_KEYS)) != NULL)
		kept_key(&c->kept, "portfolio html %s %s %s", HANDOFF_VERSION,
		    today, q);
	free(q);
	call = req_call_doc(-1, NULL, query, NULL);
	json_decref(query);
	kept_ask(&c->kept, call);
	if ((ret = pipe_send(p, STMT_PORTFOLIO_READ, call)) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

/* The page's body from api.portfolio's document doc; -1 if it failed. */
static int
portfolio_body(struct sbuf *b, json_t *doc, day_t today)
{
	struct portfolio_rows	 rows;
	struct portfolio_filter	 filter;
	json_t			*q;
	enum stage		 st;
	enum severity		 sev;
	enum project_status	 ps;
	const char		*s;

	q = json_object_get(doc, "query");
	filter.pm = json_integer_value(json_object_get(q, "pm"));
	filter.stage = -1;
	filter.severity = -1;
	filter.status = PROJECT_ACTIVE;
	if ((s = json_string_value(json_object_get(q, "status"))) != NULL &&
	    project_status_from_key(s, &ps) == -1)
		filter.status = -1;		/* "all" */
	else if (s != NULL)
		filter.status = (int)ps;
	if ((s = json_string_value(json_object_get(q, "stage"))) != NULL &&
	    stage_from_key(s, &st) == 0)
		filter.stage = (int)st;
	if ((s = json_string_value(json_object_get(q, "severity"))) != NULL &&
	    severity_from_key(s, &sev) == 0)
		filter.severity = (int)sev;

	if (views_portfolio(doc, today, filter.severity,
	    (size_t)json_integer_value(json_object_get(q, "offset")),
	    json_is_integer(json_object_get(q, "limit")) ?
	    (size_t)json_integer_value(json_object_get(q, "limit")) : 50,
	    PORTFOLIO_WIDE, &rows) == -1)
		return (-1);
	render_portfolio_body(b, today, &rows, &filter);
	views_portfolio_free(&rows);
	return (sbuf_failed(b) ? -1 : 0);
}

/* The page around body, with how the body came (X-Handoff-Kept). */
static void
portfolio_reply(struct http_request *req, const char *body, const char *how)
{
	struct page_ctx	ctx;
	struct sbuf	b;

	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	http_response_header(req, "x-handoff-kept", how);
	layout_begin(&b, "Portfolio", &ctx);
	sbuf_str(&b, body);
	layout_end(&b);
	page_reply(req, 200, &b);
}

static int
portfolio_finish(struct http_request *req, struct pipe *p)
{
	struct portfolio_call	*c = pipe_ctx(p);
	struct sbuf		 b;
	const char		*text, *how;
	json_t			*doc;
	int			 ret;

	switch (kept_step(&c->kept, p, 1, &text, &how)) {
	case KEPT_PUT:
		portfolio_reply(req, sbuf_cstr(&c->kept.made), how);
		return (PIPE_DONE);
	case KEPT_HIT:
		portfolio_reply(req, text, how);
		return (PIPE_DONE);
	case KEPT_MISS:
		break;
	}
	doc = pipe_result(p);
	if (doc == NULL || portfolio_body(&c->kept.made, doc, c->today) ==
	    -1) {
		json_decref(doc);
		sbuf_init(&b);
		layout_error_page(&b, 500, "Internal error",
		    "The portfolio could not be read.");
		page_reply(req, 500, &b);
		return (PIPE_DONE);
	}
	ret = PIPE_MORE;
	if (!kept_put(&c->kept, p, json_string_value(json_object_get(doc,
	    "snap")))) {
		portfolio_reply(req, sbuf_cstr(&c->kept.made), "made");
		ret = PIPE_DONE;
	}
	json_decref(doc);
	return (ret);
}

/* Keeping the body failed: the page is answered all the same. */
static int
portfolio_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	struct portfolio_call	*c = pipe_ctx(p);

	if (kept_failed(&c->kept, "portfolio", err))
		portfolio_reply(req, sbuf_cstr(&c->kept.made), "made");
	else
		reply_db_error(req, err);
	return (PIPE_DONE);
}

const struct pipe_ops portfolio_ops = {
	.ctx_size = sizeof(struct portfolio_call),
	.prepare = portfolio_prepare,
	.finish = portfolio_finish,
	.fail = portfolio_fail,
	.cleanup = portfolio_cleanup,
};

/* Kickoff ---------------------------------------------------------------- */

/* The active people, to pick the PM from. */
static int
kickoff_push(struct http_request *req, struct pipe *p, json_t *path)
{
	json_t	*query;
	int	 rc;

	(void)path;
	query = json_pack("{s:b, s:i}", "active", 1, "limit", 200);
	rc = page_send(req, p, STMT_PERSON_LIST, NULL, query);
	json_decref(query);
	return (rc);
}

static void
kickoff_render(struct http_request *req, json_t *people, json_t *path,
    const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;

	(void)path;
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	render_kickoff_page(&b, &ctx, people, fs);
	page_reply(req, status, &b);
}

const struct page_view kickoff_view = {
	.push = kickoff_push, .render = kickoff_render
};

static const struct form_field kickoff_form[] = {
	{ "name", FORM_TEXT, NULL, NULL },
	{ "pm_id", FORM_ID, NULL, NULL },
	{ "kickoff_on", FORM_TEXT, NULL, NULL },
	{ "target_launch_on", FORM_TEXT, NULL, NULL },
	{ "spec", FORM_OPTIONAL, "spec", spec_form_keys },
	{ "confirm_duplicate", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action kickoff_action = {
	"kickoff", STMT_PROJECT_CREATE, kickoff_form, project_create_body,
	"/projects/%id", &kickoff_view, NULL
};

/* People ----------------------------------------------------------------- */

/* Everyone, with the boxes each holds today (api.people_page). */
static int
people_push(struct http_request *req, struct pipe *p, json_t *path)
{
	(void)path;
	return (page_send(req, p, STMT_PEOPLE_PAGE, NULL, NULL));
}

static void
people_render(struct http_request *req, json_t *doc, json_t *path,
    const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;

	(void)path;
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	render_people_page(&b, &ctx, doc, fs);
	page_reply(req, status, &b);
}

const struct page_view people_view = {
	.push = people_push, .render = people_render
};

static const struct form_field person_form[] = {
	{ "name", FORM_TEXT, NULL, NULL },
	{ "email", FORM_TEXT, NULL, NULL },
	{ "role", FORM_TEXT, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field active_form[] = {
	{ "active", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action person_action = {
	"add-person", STMT_PERSON_CREATE, person_form, person_create_body,
	"/people#person-%id", &people_view, NULL
};

static const struct form_field threshold_form[] = {
	{ "value", FORM_ID, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action threshold_action = {
	"threshold", STMT_THRESHOLD_PUT, threshold_form, threshold_body,
	"/people#threshold", &people_view, NULL
};

const struct page_action active_action = {
	"person-%person", STMT_PERSON_PATCH, active_form, person_active_body,
	"/people#person-%person", &people_view, NULL
};

/* Deactivating a person ------------------------------------------------- */

/* What deactivating them would leave with nobody (api.person_deactivation). */
const struct page_view deactivate_view = {
	.stmt = STMT_PERSON_DEACTIVATION, .draw = render_deactivate_page
};

static const struct form_field deactivate_form[] = {
	{ "reassign", FORM_ITEMS, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/*
 * Done, or stale (412): back to the same address, which then says that
 * the person is no longer active, or that something changed meanwhile.
 */
const struct page_action deactivate_action = {
	"deactivate", STMT_PERSON_DEACTIVATE, deactivate_form,
	person_deactivate_body, "/people/%person/deactivate", &deactivate_view,
	NULL
};

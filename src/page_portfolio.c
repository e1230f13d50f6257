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
 * ones unless the status filter asks for others (api.portfolio, through
 * api.portfolio_read: the page's body is kept whole, page.c).
 */
static int
portfolio_push(struct http_request *req, struct pipe *p, json_t *path)
{
	json_t	*query;
	int	 rc;

	(void)path;
	query = json_object();
	if (req_query(req, portfolio_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (-1);
	}
	/* The page shows the active projects unless asked (the API: all). */
	if (json_object_get(query, "status") == NULL)
		json_object_set_new(query, "status", json_string("active"));
	json_object_set_new(query, "wide", json_integer(PORTFOLIO_WIDE));
	if (json_object_get(query, "severity") != NULL)
		json_object_set_new(query, "at_least", json_true());
	rc = page_send(req, p, STMT_PORTFOLIO_READ, NULL, query);
	json_decref(query);
	return (rc);
}

/* The page's body, the same for everyone, from api.portfolio's answer. */
static void
portfolio_draw(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	struct portfolio_rows	 rows;
	struct portfolio_filter	 filter;
	json_t			*q;
	enum stage		 st;
	enum severity		 sev;
	enum project_status	 ps;
	const char		*s;

	(void)fs;
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

	if (views_portfolio(doc, ctx->today, filter.severity,
	    (size_t)json_integer_value(json_object_get(q, "offset")),
	    json_is_integer(json_object_get(q, "limit")) ?
	    (size_t)json_integer_value(json_object_get(q, "limit")) : 50,
	    PORTFOLIO_WIDE, &rows) == -1) {
		sbuf_fail(b);		/* page.c answers 500 */
		return;
	}
	render_portfolio_body(b, ctx->today, &rows, &filter);
	views_portfolio_free(&rows);
}

const struct page_view portfolio_view = {
	.push = portfolio_push, .draw = portfolio_draw,
	.kept = "portfolio", .title = "Portfolio"
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

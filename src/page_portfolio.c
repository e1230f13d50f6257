/*
 * page_portfolio: the portfolio (/), kickoff (/projects/new) and people
 * (/people) pages and their forms.
 */
#include "handoff.h"
#include "facts.h"
#include "page.h"
#include "risk.h"

/* Portfolio ------------------------------------------------------------- */

static const struct field portfolio_query[] = {
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "severity", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static int
portfolio_push(struct http_request *req, struct db_call *call, json_t *params)
{
	int	first;

	if (req_query(req, portfolio_query, params) != KORE_RESULT_OK)
		return (-1);
	if ((first = db_facts_push(call)) < 0)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (first);
}

static void
portfolio_render(struct http_request *req, struct db_call *call, int first,
    json_t *params, const struct form_state *fs, int status)
{
	struct page_ctx		 ctx;
	struct portfolio	 pf;
	struct risk_list	 risks;
	struct portfolio_filter	 filter;
	struct sbuf		 b;
	enum stage		 st;
	enum severity		 sev;
	const char		*s;

	(void)fs;
	page_ctx_init(req, call, &ctx);
	filter.pm = json_integer_value(json_object_get(params, "pm"));
	filter.stage = -1;
	filter.severity = -1;
	if ((s = json_string_value(json_object_get(params, "stage"))) !=
	    NULL && stage_from_key(s, &st) == 0)
		filter.stage = (int)st;
	if ((s = json_string_value(json_object_get(params, "severity"))) !=
	    NULL && severity_from_key(s, &sev) == 0)
		filter.severity = (int)sev;

	sbuf_init(&b);
	if (page_load_risks(call, first, ctx.today, 0, &pf, &risks) == -1) {
		layout_error_page(&b, 500, "Internal error",
		    "The portfolio could not be read.");
		status = 500;
	} else {
		render_portfolio_page(&b, &ctx, &pf, &risks, &filter);
	}
	page_reply(req, status, &b);
	risk_list_free(&risks);
	facts_free(&pf);
}

static const struct page_view portfolio_view = {
	"/", ACCESS_VIEWER, portfolio_push, portfolio_render
};

int
page_portfolio(struct http_request *req)
{
	return (page_show(req, &portfolio_view));
}

/* Kickoff ---------------------------------------------------------------- */

static int
kickoff_push(struct http_request *req, struct db_call *call, json_t *params)
{
	int	first;

	(void)params;
	if ((first = page_push_people(call, 1)) < 0)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (first);
}

static void
kickoff_render(struct http_request *req, struct db_call *call, int first,
    json_t *params, const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;
	json_t		*people;

	(void)params;
	page_ctx_init(req, call, &ctx);
	people = db_json(call, first);
	sbuf_init(&b);
	render_kickoff_page(&b, &ctx, people, fs);
	page_reply(req, status, &b);
	json_decref(people);
}

static const struct page_view kickoff_view = {
	"/projects/new", ACCESS_PM, kickoff_push, kickoff_render
};

static const struct form_field kickoff_form[] = {
	{ "name", FORM_TEXT, NULL },
	{ "pm_id", FORM_ID, NULL },
	{ "kickoff_on", FORM_TEXT, NULL },
	{ "target_launch_on", FORM_TEXT, NULL },
	{ "decision", FORM_OPTIONAL, "spec" },
	{ "primary_metric", FORM_OPTIONAL, "spec" },
	{ "secondary_constraint", FORM_OPTIONAL, "spec" },
	{ "worse_error", FORM_OPTIONAL, "spec" },
	{ "fallback", FORM_OPTIONAL, "spec" },
	{ "monitoring_trigger", FORM_OPTIONAL, "spec" },
	{ "baseline", FORM_OPTIONAL, "spec" },
	{ NULL, 0, NULL }
};

static const struct page_action kickoff_action = {
	"/projects/new", ACCESS_PM, "kickoff",
	"SELECT api.project_create($1::jsonb)",
	kickoff_form, project_create_body, "/projects/%id", &kickoff_view,
	NULL
};

int
page_kickoff(struct http_request *req)
{
	if (req->method == HTTP_METHOD_POST)
		return (page_act(req, &kickoff_action));
	return (page_show(req, &kickoff_view));
}

/* People ----------------------------------------------------------------- */

static int
people_push(struct http_request *req, struct db_call *call, json_t *params)
{
	int	first;

	(void)params;
	if ((first = page_push_people(call, 0)) < 0 || db_facts_push(call) < 0) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (-1);
	}
	return (first);
}

static void
people_render(struct http_request *req, struct db_call *call, int first,
    json_t *params, const struct form_state *fs, int status)
{
	struct page_ctx		 ctx;
	struct portfolio	 pf;
	struct sbuf		 b;
	json_t			*people;

	(void)params;
	page_ctx_init(req, call, &ctx);
	people = db_json(call, first);
	facts_init(&pf);
	sbuf_init(&b);
	if (people == NULL ||
	    db_facts_load(call, first + 1, &pf) != KORE_RESULT_OK) {
		layout_error_page(&b, 500, "Internal error",
		    "The people could not be read.");
		status = 500;
	} else {
		render_people_page(&b, &ctx, people, &pf, fs);
	}
	page_reply(req, status, &b);
	facts_free(&pf);
	json_decref(people);
}

static const struct page_view people_view = {
	"/people", ACCESS_VIEWER, people_push, people_render
};

static const struct form_field person_form[] = {
	{ "name", FORM_TEXT, NULL },
	{ "email", FORM_TEXT, NULL },
	{ "role", FORM_TEXT, NULL },
	{ NULL, 0, NULL }
};

static const struct form_field active_form[] = {
	{ "active", FORM_BOOL, NULL },
	{ NULL, 0, NULL }
};

static const struct field active_body[] = {
	{ "active", FIELD_BOOL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct page_action person_action = {
	"/people", ACCESS_PM, "add-person",
	"SELECT api.person_create($1::jsonb)",
	person_form, person_create_body, "/people#person-%id", &people_view,
	NULL
};

static const struct page_action active_action = {
	"/people/#person/active", ACCESS_PM, "person-%person",
	"SELECT api.person_patch($1::jsonb)", active_form, active_body,
	"/people#person-%person", &people_view, NULL
};

int
page_people(struct http_request *req)
{
	if (req->method == HTTP_METHOD_POST)
		return (page_act(req, &person_action));
	return (page_show(req, &people_view));
}

int
page_person_active(struct http_request *req)
{
	return (page_act(req, &active_action));
}

/*
 * api_risks: launch risks as of any day, and the weekly digest, as JSON,
 * as an HTML page and as Markdown.
 *
 *   GET /api/v1/risks?as_of=&severity=&pm=
 *   GET /api/v1/projects/{id}/risks?as_of=
 *   GET /api/v1/digest?week=YYYY-Www
 *   GET /digest?week=                    GET /digest.md?week=
 *
 * Every one of them loads the portfolio's facts (a fixed number of
 * statements, db_facts.c) and hands them to the pure engine (risk.c,
 * digest.c); only the rendering differs.
 */
#include "handoff.h"
#include "digest.h"
#include "facts.h"
#include "page.h"
#include "risk.h"
#include "risk_json.h"

enum risk_view {
	VIEW_RISKS,
	VIEW_PROJECT_RISKS,
	VIEW_DIGEST_JSON,
	VIEW_DIGEST_HTML,
	VIEW_DIGEST_MD
};

struct risk_call {
	enum risk_view	 view;
	day_t		 today;
	day_t		 asof;
	int64_t		 project;	/* VIEW_PROJECT_RISKS */
	int64_t		 pm;		/* 0: any */
	int		 severity;	/* -1: any */
	int		 year;		/* the digest's ISO week */
	int		 week;
	int		 first;
};

static int	risk_prepare(struct http_request *, struct db_call *);
static int	risk_finish(struct http_request *, struct db_call *);

static const struct db_ops risk_ops = {
	.ctx_size = sizeof(struct risk_call),
	.prepare = risk_prepare,
	.finish = risk_finish,
};

static const enum risk_view views[] = {
	VIEW_RISKS, VIEW_PROJECT_RISKS, VIEW_DIGEST_JSON, VIEW_DIGEST_HTML,
	VIEW_DIGEST_MD
};

static int
run(struct http_request *req, enum risk_view v)
{
	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (reply_method_not_allowed(req, "GET, HEAD"));
	return (db_run(req, &risk_ops, &views[v], ACCESS_VIEWER));
}

int
api_risks(struct http_request *req)
{
	return (run(req, VIEW_RISKS));
}

int
api_project_risks(struct http_request *req)
{
	return (run(req, VIEW_PROJECT_RISKS));
}

int
api_digest(struct http_request *req)
{
	return (run(req, VIEW_DIGEST_JSON));
}

int
page_digest(struct http_request *req)
{
	return (run(req, VIEW_DIGEST_HTML));
}

int
page_digest_md(struct http_request *req)
{
	return (run(req, VIEW_DIGEST_MD));
}

/* A day from the query: not after today.  Absent: today. */
static int
arg_day(struct http_request *req, const char *name, day_t today, day_t *out)
{
	char	*v, msg[96];

	*out = today;
	if (!http_argument_get_string(req, name, &v) || *v == '\0')
		return (KORE_RESULT_OK);
	if (date_parse(v, out) == -1) {
		(void)snprintf(msg, sizeof(msg), "%s must be a calendar date "
		    "as YYYY-MM-DD", name);
		reply_error(req, 400, "invalid", msg, name);
		return (KORE_RESULT_ERROR);
	}
	if (*out > today) {
		(void)snprintf(msg, sizeof(msg), "%s is in the future", name);
		reply_error(req, 400, "invalid", msg, name);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* An ISO week from the query ("2026-W48"): not after this week. */
static int
arg_week(struct http_request *req, day_t today, int *year, int *week)
{
	char	*v;

	isoweek_of(today, year, week);
	if (!http_argument_get_string(req, "week", &v) || *v == '\0')
		return (KORE_RESULT_OK);
	if (isoweek_parse(v, year, week) == -1) {
		reply_error(req, 400, "invalid", "week must be an ISO week "
		    "that exists, as YYYY-Www (e.g. 2026-W48)", "week");
		return (KORE_RESULT_ERROR);
	}
	if (isoweek_monday(*year, *week) > today) {
		reply_error(req, 400, "invalid", "week is in the future",
		    "week");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* The portfolio's risks may be narrowed to a severity and a PM. */
static const struct field risks_query[] = {
	{ "severity", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static int
risk_prepare(struct http_request *req, struct db_call *call)
{
	static const struct field	 none[] = {
		{ NULL, 0, 0, 0, 0, NULL, NULL }
	};
	struct risk_call		*rc = db_ctx(call);
	json_t				*path, *args;
	enum severity			 sev;
	const char			*s;
	int				 ok;

	rc->view = *(const enum risk_view *)db_arg(call);
	rc->today = app_today();
	rc->severity = -1;

	args = json_object();
	ok = req_query(req, rc->view == VIEW_RISKS ? risks_query : none,
	    args);
	if ((s = json_string_value(json_object_get(args, "severity"))) !=
	    NULL && severity_from_key(s, &sev) == 0)
		rc->severity = (int)sev;
	rc->pm = json_integer_value(json_object_get(args, "pm"));
	json_decref(args);
	if (ok != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	switch (rc->view) {
	case VIEW_PROJECT_RISKS:
		path = json_object();
		if (req_path(req, "/api/v1/projects/#project/risks", path) !=
		    KORE_RESULT_OK) {
			json_decref(path);
			reply_error(req, 404, "not_found", "no such resource",
			    NULL);
			return (KORE_RESULT_ERROR);
		}
		rc->project = json_integer_value(json_object_get(path,
		    "project"));
		json_decref(path);
		/* FALLTHROUGH */
	case VIEW_RISKS:
		if (arg_day(req, "as_of", rc->today, &rc->asof) !=
		    KORE_RESULT_OK)
			return (KORE_RESULT_ERROR);
		break;
	default:
		if (arg_week(req, rc->today, &rc->year, &rc->week) !=
		    KORE_RESULT_OK)
			return (KORE_RESULT_ERROR);
		break;
	}

	if ((rc->first = db_facts_push(call)) < 0) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* Keep the risks that pass the filters (severity, the PM's projects). */
static void
filter_risks(const struct portfolio *pf, struct risk_list *risks,
    int severity, int64_t pm)
{
	const struct project	*pr;
	size_t			 i, n;

	for (i = 0, n = 0; i < risks->len; i++) {
		if (severity >= 0 && (int)risks->items[i].severity != severity)
			continue;
		if (pm != 0) {
			pr = facts_project(pf, risks->items[i].project_id);
			if (pr == NULL || pr->pm_id != pm)
				continue;
		}
		risks->items[n++] = risks->items[i];
	}
	risks->len = n;
}

static void
finish_digest(struct http_request *req, struct db_call *call,
    struct risk_call *rc, const struct portfolio *pf)
{
	struct digest	d;
	struct page_ctx	ctx;
	struct sbuf	b;
	int		ty, tw;

	if (digest_build(pf, rc->year, rc->week, rc->today, &d) == -1) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return;
	}

	sbuf_init(&b);
	switch (rc->view) {
	case VIEW_DIGEST_JSON:
		reply_json(req, 200, digest_json(&d));
		break;
	case VIEW_DIGEST_MD:
		render_digest_markdown(&b, &d);
		reply_body(req, 200, "text/markdown; charset=utf-8", &b);
		break;
	default:
		page_ctx_init(req, call, &ctx);
		isoweek_of(rc->today, &ty, &tw);
		render_digest_page(&b, &ctx, &d, ty != rc->year ||
		    tw != rc->week);
		reply_html(req, 200, &b);
		break;
	}
	sbuf_free(&b);
	digest_free(&d);
}

static int
risk_finish(struct http_request *req, struct db_call *call)
{
	struct risk_call	*rc = db_ctx(call);
	struct portfolio	 pf;
	struct risk_list	 risks;
	json_t			*doc;
	char			 msg[64];

	memset(&risks, 0, sizeof(risks));
	facts_init(&pf);
	if (db_facts_load(call, rc->first, &pf) != KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}

	if (rc->view == VIEW_DIGEST_JSON || rc->view == VIEW_DIGEST_HTML ||
	    rc->view == VIEW_DIGEST_MD) {
		finish_digest(req, call, rc, &pf);
		goto out;
	}

	if (rc->view == VIEW_PROJECT_RISKS &&
	    facts_project(&pf, rc->project) == NULL) {
		(void)snprintf(msg, sizeof(msg), "no project with id %lld",
		    (long long)rc->project);
		reply_error(req, 404, "not_found", msg, NULL);
		goto out;
	}

	if (risk_compute(&pf, rc->asof, rc->project, &risks) == -1) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	filter_risks(&pf, &risks, rc->severity, rc->pm);
	doc = risk_report_json(&risks, rc->asof);
	if (doc != NULL && rc->view == VIEW_PROJECT_RISKS)
		json_object_set_new(doc, "project_id",
		    json_integer((json_int_t)rc->project));
	reply_json(req, 200, doc);
out:
	risk_list_free(&risks);
	facts_free(&pf);
	return (DB_DONE);
}

/* The project document gains the project's risks as of today. */
void
api_project_add_risks(json_t *doc, const struct portfolio *pf)
{
	struct risk_list	risks;
	day_t			today = app_today();
	json_int_t		id;

	if ((id = json_integer_value(json_object_get(doc, "id"))) <= 0)
		return;
	memset(&risks, 0, sizeof(risks));
	if (risk_compute(pf, today, (int64_t)id, &risks) == 0)
		json_object_set_new(doc, "risks",
		    risk_list_json(&risks, today));
	risk_list_free(&risks);
}

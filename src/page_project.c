/*
 * page_project: GET /projects/{id} and the forms on it.
 *
 * Each form calls the api.* function its JSON twin calls, so the page and
 * the API cannot disagree on what a change means.
 */
#include "handoff.h"
#include "facts.h"
#include "page.h"
#include "risk.h"

static int	project_push(struct http_request *, struct db_call *,
		    json_t *);
static void	project_render(struct http_request *, struct db_call *, int,
		    json_t *, const struct form_state *, int);

static const struct page_view project_view = {
	"/projects/#project", ACCESS_VIEWER, project_push, project_render
};

/* The page's statements: the document, active people, recent history, and
 * the facts for its risks. */
static int
project_push(struct http_request *req, struct db_call *call, json_t *path)
{
	const struct principal	*who = db_who(call);
	json_t			*query;
	int			 first;

	query = json_pack("{s:i}", "limit", 20);
	first = db_nstmts(call);
	if (db_push_json(call, "SELECT api.project_get($1::jsonb)",
	    req_call_doc(who, -1, path, NULL, NULL)) != KORE_RESULT_OK ||
	    page_push_people(call, 1) < 0 ||
	    db_push_json(call, "SELECT api.project_history($1::jsonb)",
	    req_call_doc(who, -1, path, query, NULL)) != KORE_RESULT_OK ||
	    db_facts_push(call) < 0) {
		reply_error(req, 500, "internal", "internal error", NULL);
		first = -1;
	}
	json_decref(query);
	return (first);
}

static void
project_render(struct http_request *req, struct db_call *call, int first,
    json_t *path, const struct form_state *fs, int status)
{
	struct page_ctx		 ctx;
	struct portfolio	 pf;
	struct risk_list	 risks;
	json_t			*doc, *people, *history;
	struct sbuf		 b;
	int			 have_risks;

	page_ctx_init(req, call, &ctx);
	doc = db_json(call, first);
	people = db_json(call, first + 1);
	history = db_json(call, first + 2);

	have_risks = page_load_risks(call, first + 3, ctx.today,
	    json_integer_value(json_object_get(path, "project")), &pf,
	    &risks) == 0;

	sbuf_init(&b);
	if (doc == NULL) {
		layout_error_page(&b, 500, "Internal error",
		    "The project could not be read.");
		status = 500;
	} else {
		render_project_page(&b, &ctx, doc, people,
		    have_risks ? &risks : NULL, history, fs);
	}
	page_reply(req, status, &b);

	risk_list_free(&risks);
	facts_free(&pf);
	json_decref(doc);
	json_decref(people);
	json_decref(history);
}

int
page_project(struct http_request *req)
{
	return (page_show(req, &project_view));
}

/* Forms ------------------------------------------------------------------ */

static const struct form_field spec_form[] = {
	{ "decision", FORM_NULLABLE, "spec" },
	{ "primary_metric", FORM_NULLABLE, "spec" },
	{ "secondary_constraint", FORM_NULLABLE, "spec" },
	{ "worse_error", FORM_NULLABLE, "spec" },
	{ "fallback", FORM_NULLABLE, "spec" },
	{ "monitoring_trigger", FORM_NULLABLE, "spec" },
	{ "baseline", FORM_NULLABLE, "spec" },
	{ NULL, 0, NULL }
};

static const struct form_field stage_form[] = {
	{ "stage", FORM_TEXT, NULL },
	{ "note", FORM_NULLABLE, NULL },
	{ NULL, 0, NULL }
};

static const struct form_field status_form[] = {
	{ "status", FORM_TEXT, NULL },
	{ "completed_on", FORM_OPTIONAL, NULL },
	{ "outcome", FORM_NULLABLE, NULL },
	{ "note", FORM_NULLABLE, NULL },
	{ NULL, 0, NULL }
};

static const struct form_field due_form[] = {
	{ "due_on", FORM_TEXT, NULL },
	{ "reason", FORM_TEXT, NULL },
	{ NULL, 0, NULL }
};

static const struct form_field cell_form[] = {
	{ "person_id", FORM_ID, NULL },
	{ NULL, 0, NULL }
};

static const struct form_field offer_form[] = {
	{ "from_id", FORM_ID, NULL },
	{ "to_id", FORM_ID, NULL },
	{ "artifact_url", FORM_NULLABLE, NULL },
	{ NULL, 0, NULL }
};

/* The matrix form clears a box with "nobody": a null person. */
static const struct field cell_body[] = {
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct field no_body[] = {
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

/* A completion date only goes with done or waived. */
static void
status_adjust(json_t *body)
{
	const char	*s = json_string_value(json_object_get(body, "status"));

	if (s == NULL || (strcmp(s, "done") != 0 && strcmp(s, "waived") != 0))
		json_object_del(body, "completed_on");
}

static const struct page_action spec_action = {
	"/projects/#project/spec", ACCESS_PM, "spec",
	"SELECT api.project_patch($1::jsonb)", spec_form, project_patch_body,
	"/projects/%project#spec", &project_view, NULL
};

static const struct page_action stage_action = {
	"/projects/#project/stage", ACCESS_PM, "stage",
	"SELECT api.project_stage($1::jsonb)", stage_form, stage_body,
	"/projects/%project#stage", &project_view, NULL
};

static const struct page_action status_action = {
	"/projects/#project/checkpoints/#checkpoint/status", ACCESS_MEMBER,
	"cp-%checkpoint-status", "SELECT api.checkpoint_patch($1::jsonb)",
	status_form, checkpoint_patch_body,
	"/projects/%project#checkpoint-%checkpoint", &project_view,
	status_adjust
};

static const struct page_action due_action = {
	"/projects/#project/checkpoints/#checkpoint/due", ACCESS_MEMBER,
	"cp-%checkpoint-due", "SELECT api.checkpoint_patch($1::jsonb)",
	due_form, checkpoint_patch_body,
	"/projects/%project#checkpoint-%checkpoint", &project_view, NULL
};

static const struct page_action cell_action = {
	"/projects/#project/ownership/:key/:role", ACCESS_MEMBER,
	"cell-%key-%role",
	"SELECT api.ownership_put($1::jsonb)", cell_form, cell_body,
	"/projects/%project#resp-%key", &project_view, NULL
};

static const struct page_action offer_action = {
	"/projects/#project/handoffs/:handoff/offer", ACCESS_MEMBER,
	"handoff-%handoff-offer",
	"SELECT api.handoff_offer($1::jsonb)", offer_form, offer_body,
	"/projects/%project#handoff-%handoff", &project_view, NULL
};

static const struct page_action accept_action = {
	"/projects/#project/handoffs/:handoff/accept", ACCESS_MEMBER,
	"handoff-%handoff-accept", "SELECT api.handoff_accept($1::jsonb)",
	NULL, no_body, "/projects/%project#handoff-%handoff", &project_view,
	NULL
};

int
page_project_spec(struct http_request *req)
{
	return (page_act(req, &spec_action));
}

int
page_project_stage(struct http_request *req)
{
	return (page_act(req, &stage_action));
}

int
page_checkpoint_status(struct http_request *req)
{
	return (page_act(req, &status_action));
}

int
page_checkpoint_due(struct http_request *req)
{
	return (page_act(req, &due_action));
}

int
page_ownership_cell(struct http_request *req)
{
	return (page_act(req, &cell_action));
}

int
page_handoff_offer(struct http_request *req)
{
	return (page_act(req, &offer_action));
}

int
page_handoff_accept(struct http_request *req)
{
	return (page_act(req, &accept_action));
}

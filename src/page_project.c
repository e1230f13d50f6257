/*
 * page_project: GET /projects/{id} and the forms on it.
 *
 * Each form calls the api.* function its JSON twin calls, so the page and
 * the API cannot disagree on what a change means.
 */
#include "handoff.h"
#include "page.h"

/* The page's one statement: the document, the people to pick from, a
 * page of its history (?history=offset) and the facts of its risks
 * (api.project_page). */
static int
project_push(struct http_request *req, struct pipe *p, json_t *path)
{
	json_t	*query;
	int	 rc;

	query = json_object();
	if (req_query(req, project_page_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (-1);
	}
	rc = page_send(req, p, STMT_PROJECT_PAGE, path, query);
	json_decref(query);
	return (rc);
}

/*
 * The page from api.project_page's document.  Everyone who may see it
 * sees the same page but for who they are, so it is kept whole, per
 * account (page.c).
 */
static void
project_draw(struct sbuf *b, const struct page_ctx *ctx, json_t *page,
    const struct form_state *fs)
{
	struct views_risks	 v;
	json_t			*doc;
	int			 rc;

	doc = json_object_get(page, "document");
	if (doc == NULL || json_is_null(doc)) {
		/* Not reached: api.project_exists() answers 404 first. */
		layout_error_page(b, 404, "Not found",
		    "There is no such project.");
		return;
	}
	rc = views_risks(json_object_get(page, "_risk"), ctx->today, &v);
	/* The gates before the next stage, for the stage form. */
	(void)json_object_set(doc, "gates", json_object_get(page, "gates"));
	render_project_page(b, ctx, doc, json_object_get(page, "people"),
	    rc == 0 ? &v.risks : NULL, json_object_get(page, "history"),
	    json_object_get(page, "projects"), fs);
	views_risks_free(&v);
}

const struct page_view project_view = {
	.push = project_push, .draw = project_draw, .kept = "project"
};

/* Forms ------------------------------------------------------------------ */

static const struct form_field spec_form[] = {
	{ "spec", FORM_NULLABLE, "spec", spec_form_keys },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field stage_form[] = {
	{ "stage", FORM_TEXT, NULL, NULL },
	{ "note", FORM_NULLABLE, NULL, NULL },
	{ "override", FORM_BOOL, NULL, NULL },
	{ "reason", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field status_form[] = {
	{ "status", FORM_TEXT, NULL, NULL },
	{ "completed_on", FORM_OPTIONAL, NULL, NULL },
	{ "outcome", FORM_NULLABLE, NULL, NULL },
	{ "note", FORM_NULLABLE, NULL, NULL },
	{ "waiver_reason", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field readiness_form[] = {
	{ "answer", FORM_TEXT, NULL, NULL },
	{ "evidence_url", FORM_NULLABLE, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field due_form[] = {
	{ "due_on", FORM_TEXT, NULL, NULL },
	{ "reason", FORM_TEXT, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field cell_form[] = {
	{ "person_id", FORM_PERSON, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field offer_form[] = {
	{ "from_id", FORM_PERSON, NULL, NULL },
	{ "to_id", FORM_PERSON, NULL, NULL },
	{ "artifact_url", FORM_NULLABLE, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/* The receiver sends nothing; a PM accepting for them, the reason. */
static const struct form_field accept_form[] = {
	{ "reason", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};
static const struct form_field project_fields_form[] = {
	{ "name", FORM_TEXT, NULL, NULL },
	{ "pm_id", FORM_PERSON, NULL, NULL },
	{ "kickoff_on", FORM_TEXT, NULL, NULL },
	{ "target_launch_on", FORM_TEXT, NULL, NULL },
	{ "reason", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

static const struct form_field project_status_form[] = {
	{ "status", FORM_TEXT, NULL, NULL },
	{ "reason", FORM_OPTIONAL, NULL, NULL },
	{ "confirm", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/* An unticked confirmation is a missing one: the check names it. */
static void
confirm_adjust(json_t *body, json_t *form)
{
	(void)form;
	if (!json_is_true(json_object_get(body, "confirm")))
		json_object_del(body, "confirm");
}

/* A completion date only goes with done or waived. */
static void
status_adjust(json_t *body, json_t *form)
{
	const char	*s = json_string_value(json_object_get(body, "status"));

	(void)form;
	if (s == NULL || (strcmp(s, "done") != 0 && strcmp(s, "waived") != 0))
		json_object_del(body, "completed_on");
}

const struct page_action spec_action = {
	"spec", STMT_PROJECT_PATCH, spec_form, project_patch_body,
	"/projects/%project#spec", &project_view, NULL
};

const struct page_action project_fields_action = {
	"project", STMT_PROJECT_PATCH, project_fields_form,
	project_fields_form_body, "/projects/%project#edit", &project_view,
	NULL
};

const struct page_action project_status_action = {
	"project-status", STMT_PROJECT_PATCH, project_status_form,
	project_status_form_body, "/projects/%project#edit", &project_view,
	confirm_adjust
};

const struct page_action stage_action = {
	"stage", STMT_PROJECT_STAGE, stage_form, stage_body,
	"/projects/%project#stage", &project_view, NULL
};

const struct page_action status_action = {
	"cp-%checkpoint-status", STMT_CHECKPOINT_PATCH, status_form,
	checkpoint_patch_body, "/projects/%project#checkpoint-%checkpoint",
	&project_view, status_adjust
};

const struct page_action readiness_action = {
	"readiness-%item", STMT_READINESS_PATCH, readiness_form,
	readiness_item_body, "/projects/%project#readiness-%item",
	&project_view, NULL
};

const struct page_action due_action = {
	"cp-%checkpoint-due", STMT_CHECKPOINT_PATCH, due_form,
	checkpoint_patch_body, "/projects/%project#checkpoint-%checkpoint",
	&project_view, NULL
};

/* The matrix form clears a box with "nobody": a null person. */
const struct page_action cell_action = {
	"cell-%key-%role", STMT_OWNERSHIP_PUT, cell_form, cell_form_body,
	"/projects/%project#resp-%key", &project_view, NULL
};

static const struct form_field matrix_form[] = {
	{ "boxes", FORM_BOXES, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/*
 * The form's {"boxes": {"k/r": person}, "versions": {"v:k/r": version}}
 * as the API's {"boxes": {"k/r": {"person_id", "version"}}}.
 */
static void
matrix_adjust(json_t *body, json_t *form)
{
	json_t		*boxes, *versions, *out, *v;
	const char	*k;
	char		 vk[96];

	(void)form;
	boxes = json_object_get(body, "boxes");
	versions = json_object_get(body, "versions");
	out = json_object();
	json_object_foreach(boxes, k, v) {
		(void)snprintf(vk, sizeof(vk), "v:%s", k);
		json_object_set_new(out, k, json_pack("{s:O}", "person_id", v));
		if (json_object_get(versions, vk) != NULL)
			json_object_set(json_object_get(out, k), "version",
			    json_object_get(versions, vk));
	}
	json_object_del(body, "versions");
	json_object_set_new(body, "boxes", out);
}

const struct page_action matrix_action = {
	"matrix", STMT_OWNERSHIP_MATRIX_PUT, matrix_form,
	ownership_matrix_body, "/projects/%project#ownership", &project_view,
	matrix_adjust
};

static const struct form_field copy_form[] = {
	{ "from_project_id", FORM_ID, NULL, NULL },
	{ "overwrite", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action copy_action = {
	"ownership-copy", STMT_OWNERSHIP_COPY, copy_form, ownership_copy_body,
	"/projects/%project#ownership", &project_view, NULL
};

const struct page_action offer_action = {
	"handoff-%handoff-offer", STMT_HANDOFF_OFFER, offer_form, offer_body,
	"/projects/%project#handoff-%handoff", &project_view, NULL
};

const struct page_action accept_action = {
	"handoff-%handoff-accept", STMT_HANDOFF_ACCEPT, accept_form,
	accept_body,
	"/projects/%project#handoff-%handoff", &project_view, NULL
};

/* Checkpoints: add, delete, owner and evidence link ---------------------- */

static const struct form_field checkpoint_new_form[] = {
	{ "title", FORM_TEXT, NULL, NULL },
	{ "stage", FORM_TEXT, NULL, NULL },
	{ "due_on", FORM_TEXT, NULL, NULL },
	{ "owner_id", FORM_PERSON, NULL, NULL },
	{ "decision", FORM_BOOL, NULL, NULL },
	{ "reason", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action checkpoint_new_action = {
	"checkpoint-new", STMT_CHECKPOINT_CREATE, checkpoint_new_form,
	checkpoint_create_body, "/projects/%project#checkpoint-%id",
	&project_view, NULL
};

/* The API's DELETE takes no body: the page asks for a ticked box. */
static const struct form_field checkpoint_delete_form[] = {
	{ "confirm", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action checkpoint_delete_action = {
	"cp-%checkpoint-delete", STMT_CHECKPOINT_DELETE,
	checkpoint_delete_form, checkpoint_delete_form_body,
	"/projects/%project#checkpoints", &project_view, confirm_adjust
};

/* An empty owner is nobody; an empty link clears it. */
static const struct form_field checkpoint_owner_form[] = {
	{ "owner_id", FORM_PERSON, NULL, NULL },
	{ "evidence_url", FORM_NULLABLE, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action checkpoint_owner_action = {
	"cp-%checkpoint-owner", STMT_CHECKPOINT_PATCH, checkpoint_owner_form,
	checkpoint_patch_body, "/projects/%project#checkpoint-%checkpoint",
	&project_view, NULL
};

/* Responsibility rows: add one of the project's own, remove one --------- */

/* An unticked box sends nothing: false; no handoff is null. */
static const struct form_field resp_new_form[] = {
	{ "name", FORM_TEXT, NULL, NULL },
	{ "needed_by", FORM_TEXT, NULL, NULL },
	{ "expects_ds", FORM_BOOL, NULL, NULL },
	{ "expects_mle", FORM_BOOL, NULL, NULL },
	{ "expects_swe", FORM_BOOL, NULL, NULL },
	{ "handoff", FORM_NULLABLE, NULL, NULL },
	{ "assign_at_kickoff", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/* The new row's key is not in the path, nor an id: to the matrix. */
const struct page_action resp_new_action = {
	"resp-new", STMT_RESPONSIBILITY_CREATE, resp_new_form,
	responsibility_create_body, "/projects/%project#ownership",
	&project_view, NULL
};

/* As a checkpoint's delete: the API's DELETE, behind a ticked box. */
const struct page_action resp_delete_action = {
	"resp-%key-delete", STMT_RESPONSIBILITY_DELETE,
	checkpoint_delete_form, checkpoint_delete_form_body,
	"/projects/%project#ownership", &project_view, confirm_adjust
};

/* The stage plan ---------------------------------------------------------- */

/*
 * One date input per stage and end: "data.start" into "plan".  The list
 * follows stage_keys (vocab.c); the assertion keeps the count in step.
 */
static const char *const plan_form_keys[] = {
	"framing.start", "framing.end", "data.start", "data.end",
	"baseline.start", "baseline.end", "modelling.start", "modelling.end",
	"evaluation.start", "evaluation.end", "production.start",
	"production.end", "monitoring.start", "monitoring.end", NULL
};
_Static_assert(sizeof(plan_form_keys) / sizeof(plan_form_keys[0]) ==
    2 * STAGE_COUNT + 1, "one start and one end per stage");

static const struct form_field plan_form[] = {
	{ "plan", FORM_OPTIONAL, "plan", plan_form_keys },
	{ NULL, 0, NULL, NULL }
};

/*
 * The form's {"plan": {"data.start": d}} as the API's
 * {"plan": {"data": {"start": d}}}; a date left empty is left out.
 */
static void
plan_adjust(json_t *body, json_t *form)
{
	json_t		*flat, *plan, *v, *st;
	const char	*k, *dot;
	char		 stage[32];

	(void)form;
	plan = json_object();
	flat = json_object_get(body, "plan");
	json_object_foreach(flat, k, v) {
		if ((dot = strchr(k, '.')) == NULL || (size_t)(dot - k) >=
		    sizeof(stage))
			continue;
		(void)snprintf(stage, sizeof(stage), "%.*s", (int)(dot - k),
		    k);
		if ((st = json_object_get(plan, stage)) == NULL) {
			st = json_object();
			json_object_set_new(plan, stage, st);
		}
		json_object_set(st, dot + 1, v);
	}
	json_object_set_new(body, "plan", plan);
}

const struct page_action plan_action = {
	"plan", STMT_PROJECT_PATCH, plan_form, project_patch_body,
	"/projects/%project#plan", &project_view, plan_adjust
};

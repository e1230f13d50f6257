/*
 * apidoc_table: what the route and field tables do not say about the
 * API, written once (apidoc.h): a summary and the answer of each method,
 * and the schemas of the answers.
 *
 * A route added to routes.c under /api/v1 needs a line in apidoc_ops;
 * until it has one, GET /api/v1/openapi.json answers 500 naming it (and
 * tests/integration/openapi.test.js fails).
 */
#include <stddef.h>

#include "apidoc.h"
#include "fields.h"
#include "vocab.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define ETAG		APIDOC_ETAG
#define IF_MATCH	APIDOC_IF_MATCH
#define PAGED		APIDOC_PAGED
#define CONFLICT	APIDOC_CONFLICT
#define CONST		APIDOC_CONST
#define COOKIE		APIDOC_COOKIE
#define CACHED		APIDOC_CACHED

/* A versioned resource: read with its ETag, written with If-Match. */
#define READ_V		ETAG
#define WRITE_V		(ETAG | IF_MATCH | CONFLICT)

#define OP(method, pattern, tag, summary, schema, flags)		\
	{ method, "/api/v1" pattern, summary, tag, schema, flags, 0,	\
	    NULL, NULL }
#define OPQ(method, pattern, tag, summary, schema, flags, query)	\
	{ method, "/api/v1" pattern, summary, tag, schema, flags, 0,	\
	    NULL, query }

const struct apidoc_op apidoc_ops[] = {
	OP("GET", "/version", "meta", "What this server is", "Version",
	    CONST),
	OP("GET", "/openapi.json", "meta", "This description",
	    "OpenApiDocument", CONST | CACHED | ETAG),

	OP("GET", "/session", "accounts", "Who is signed in", "Whoami",
	    CACHED),
	{ "POST", "/api/v1/session", "Sign in with an email and a password: "
	    "a session cookie and its CSRF token", "accounts", "Session",
	    COOKIE, 200, login_body, NULL },
	{ "DELETE", "/api/v1/session", "Sign out (a session, not a token)",
	    "accounts", NULL, COOKIE, 204, NULL, NULL },
	OP("GET", "/tokens", "accounts", "The API tokens of the one asking",
	    "TokenList", CACHED),
	OP("POST", "/tokens", "accounts", "A new API token, shown once",
	    "NewToken", CONFLICT),
	OP("DELETE", "/tokens/#token", "accounts",
	    "Revoke a token (one's own; an admin: anyone's)", "Token", 0),
	OP("GET", "/users", "accounts", "Every user account", "UserList",
	    CACHED),
	OP("POST", "/users", "accounts", "A new user account", "User",
	    CONFLICT),
	OP("PATCH", "/users/#user", "accounts",
	    "Change an account: name, role, activity, password", "User",
	    CONFLICT),
	OP("GET", "/users/#user/tokens", "accounts",
	    "The API tokens of an account (admins)", "TokenList", CACHED),
	OP("DELETE", "/users/#user/tokens", "accounts",
	    "Revoke every API token of an account (admins)", "TokenList", 0),

	OP("GET", "/webhooks", "outbox",
	    "The webhook and chat endpoints (admins)", "WebhookList", CACHED),
	OP("POST", "/webhooks", "outbox", "A new webhook or chat endpoint "
	    "(admins): a webhook's signing secret is shown once",
	    "NewWebhook", 0),
	OP("DELETE", "/webhooks/#webhook", "outbox",
	    "Delete an endpoint and its messages (admins)", "WebhookList", 0),
	OPQ("GET", "/outbox", "outbox", "The outbox's messages of a status, "
	    "dead letters unless status names another (admins)",
	    "OutboxList", PAGED | CACHED, outbox_query),
	OP("POST", "/outbox/settings", "outbox",
	    "Allow or refuse endpoints on the loopback (admins; tests)",
	    "OutboxSettings", 0),
	OP("POST", "/outbox/#message/retry", "outbox",
	    "Send a dead letter again, with a new retry window (admins)",
	    "OutboxMessage", CONFLICT),

	OP("GET", "/people", "people", "People, filtered", "PersonList",
	    PAGED | CACHED),
	OP("POST", "/people", "people", "A new person", "Person",
	    ETAG | CONFLICT),
	OP("GET", "/people/#person", "people", "One person", "Person",
	    READ_V | CACHED),
	OP("PATCH", "/people/#person", "people", "Change a person",
	    "Person", WRITE_V),
	OP("GET", "/people/#person/deactivation", "people",
	    "What deactivating a person would leave orphaned (boxes, open "
	    "checkpoints, open handoffs) and the active people who may take "
	    "it", "Deactivation", 0),
	OP("POST", "/people/#person/deactivation", "people",
	    "Deactivate a person, what they hold going to others in the same "
	    "transaction (412 naming a stale item: nothing is saved)",
	    "Deactivation", IF_MATCH | CONFLICT),
	OP("GET", "/people/#person/mail", "people",
	    "What a person receives by email (admins)", "MailPrefs", 0),
	OP("PATCH", "/people/#person/mail", "people",
	    "Change what a person receives by email: the digest, each "
	    "reminder on or off (admins)", "MailPrefs", 0),

	OPQ("GET", "/projects", "projects",
	    "Projects, filtered: every status unless status names one "
	    "(all: every status)",
	    "ProjectList", PAGED | CACHED,
	    project_list_query),
	OP("POST", "/projects", "projects",
	    "Kick off a project from the templates", "Project",
	    ETAG | CONFLICT),
	OP("GET", "/projects/#project", "projects",
	    "A project with its plan, checkpoints, handoffs and matrix",
	    "Project", READ_V),
	OP("PATCH", "/projects/#project", "projects",
	    "Change a project: fields, spec, plan", "Project", WRITE_V),
	OP("POST", "/projects/#project/stage", "projects",
	    "Move the project to another stage", "Project", WRITE_V),
	OP("GET", "/projects/#project/history", "projects",
	    "What changed in a project, newest first", "History",
	    PAGED | CACHED),
	OP("GET", "/projects/#project/readiness", "projects",
	    "The production readiness review's checklist and its score",
	    "Readiness", READ_V),
	OP("PATCH", "/projects/#project/readiness", "projects",
	    "Answer checklist items: yes, no or na, with evidence",
	    "Readiness", WRITE_V),
	OPQ("GET", "/projects/#project/risks", "risks",
	    "A project's risks as of a day", "ProjectRisks", CACHED,
	    as_of_query),

	OP("POST", "/projects/#project/checkpoints", "checkpoints",
	    "A new checkpoint", "Checkpoint", ETAG | CONFLICT),
	OP("GET", "/checkpoints/#checkpoint", "checkpoints",
	    "One checkpoint", "Checkpoint", READ_V),
	OP("PATCH", "/checkpoints/#checkpoint", "checkpoints",
	    "Change a checkpoint (a new due date needs a reason)",
	    "Checkpoint", WRITE_V),
	OP("DELETE", "/checkpoints/#checkpoint", "checkpoints",
	    "Delete a checkpoint", NULL, IF_MATCH | CONFLICT),

	OP("PUT", "/projects/#project/ownership/:key/:role", "ownership",
	    "Name the owner of a box of the matrix", "Cell", WRITE_V),
	OP("DELETE", "/projects/#project/ownership/:key/:role", "ownership",
	    "Empty a box of the matrix", "Cell", WRITE_V),
	OP("POST", "/projects/#project/ownership/:key/:role/take", "ownership",
	    "Take an empty box of one's own role (My work)", "Cell", WRITE_V),
	OP("POST", "/projects/#project/responsibilities", "ownership",
	    "Add a responsibility row of the project's own to its matrix (no "
	    "key: one is made from the name)", "Responsibility", CONFLICT),
	OP("DELETE", "/projects/#project/responsibilities/:key", "ownership",
	    "Remove a responsibility row: its boxes go to nobody and off the "
	    "matrix, its days stay in the history and the risks", NULL, 0),
	OP("GET", "/me", "accounts", "My work: my boxes, the empty boxes I "
	    "can take, my checkpoints, my handoffs, my projects' risks", "Me",
	    CACHED),
	OP("GET", "/me/mail", "accounts", "What I receive by email (an "
	    "account linked to a person; else 403 naming person_id)",
	    "MailPrefs", 0),
	OP("PATCH", "/me/mail", "accounts", "Change what I receive by email: "
	    "the digest, each reminder on or off", "MailPrefs", 0),
	OP("PUT", "/projects/#project/ownership", "ownership",
	    "Set any boxes of the matrix in one save, each with the version "
	    "it was read at: all or nothing (412 naming a stale box)",
	    "MatrixSave", CONFLICT),
	OP("POST", "/projects/#project/ownership/copy", "ownership",
	    "Fill the boxes another project has filled (the empty ones, or "
	    "all with overwrite)", "OwnershipCopy", 0),

	OP("POST", "/projects/#project/handoffs/:handoff/offer", "handoffs",
	    "Offer a handoff", "Handoff", WRITE_V),
	OP("POST", "/projects/#project/handoffs/:handoff/accept", "handoffs",
	    "Accept an offered handoff", "Handoff", WRITE_V),

	OPQ("GET", "/risks", "risks", "The portfolio's risks as of a day",
	    "Risks", PAGED | CACHED, risks_query),
	OPQ("GET", "/digest", "risks", "The weekly digest", "Digest",
	    PAGED | CACHED, digest_query),

	OP("GET", "/templates", "templates",
	    "The organisation's current templates: stage durations, "
	    "checkpoints, responsibilities, role labels", "Templates", READ_V),
	OP("PUT", "/templates", "templates",
	    "A new template version (what the body gives replaces the "
	    "current one's); projects keep theirs", "Templates", WRITE_V),
};

const size_t apidoc_nops = NITEMS(apidoc_ops);

/* Path placeholders whose values are a vocabulary. */
const struct apidoc_param apidoc_params[] = {
	{ "role", role_keys },
};

const size_t apidoc_nparams = NITEMS(apidoc_params);

/* The answers ------------------------------------------------------------- */

#define REQ		AP_REQUIRED
#define NUL		AP_NULLABLE
#define END		{ NULL, 0, 0, NULL, NULL }
#define P(name, type, flags)	{ name, type, flags, NULL, NULL }
#define PE(name, flags, choices)	{ name, AT_ENUM, flags, choices, NULL }
#define PR(name, flags, ref)	{ name, AT_REF, flags, NULL, ref }
#define PL(name, flags, ref)	{ name, AT_LIST, flags, NULL, ref }

static const char *const via_keys[] = { "session", "token", NULL };

static const struct apidoc_prop version_props[] = {
	P("name", AT_STRING, REQ),
	P("version", AT_STRING, REQ),
	END
};

static const struct apidoc_prop openapi_props[] = {
	P("openapi", AT_STRING, REQ),
	P("info", AT_OBJECT, REQ),
	P("paths", AT_OBJECT, REQ),
	P("components", AT_OBJECT, 0),
	END
};

static const struct apidoc_prop principal_props[] = {
	P("id", AT_INT, REQ),
	P("email", AT_STRING, REQ),
	P("name", AT_STRING, REQ),
	PE("role", REQ, user_role_keys),
	END
};

static const struct apidoc_prop whoami_props[] = {
	PR("user", REQ, "Principal"),
	P("person", AT_OBJECT, NUL),
	PE("via", REQ, via_keys),
	END
};

static const struct apidoc_prop session_props[] = {
	PR("user", REQ, "User"),
	P("csrf_token", AT_STRING, REQ),
	END
};

static const struct apidoc_prop token_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, 0),
	P("prefix", AT_STRING, 0),
	PE("scope", NUL, token_scope_keys),
	P("feed", AT_STRING, NUL),
	P("created_at", AT_TIME, 0),
	P("last_used_at", AT_TIME, NUL),
	P("revoked_at", AT_TIME, NUL),
	END
};

static const struct apidoc_prop new_token_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, 0),
	PE("scope", NUL, token_scope_keys),
	P("feed", AT_STRING, NUL),
	P("token", AT_STRING, REQ),
	END
};

static const struct apidoc_prop token_list_props[] = {
	PL("tokens", REQ, "Token"),
	END
};

static const struct apidoc_prop user_props[] = {
	P("id", AT_INT, REQ),
	P("email", AT_STRING, 0),
	P("name", AT_STRING, 0),
	PE("role", 0, user_role_keys),
	P("active", AT_BOOL, 0),
	P("person_id", AT_INT, NUL),
	END
};

static const struct apidoc_prop user_list_props[] = {
	PL("users", REQ, "User"),
	END
};

static const struct apidoc_prop person_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, REQ),
	P("email", AT_STRING, REQ),
	PE("role", REQ, person_role_keys),
	P("active", AT_BOOL, REQ),
	P("version", AT_INT, REQ),
	END
};

static const struct apidoc_prop deactivation_props[] = {
	PR("person", REQ, "Person"),
	PL("boxes", REQ, NULL),
	PL("checkpoints", REQ, NULL),
	PL("handoffs", REQ, NULL),
	PL("people", 0, NULL),
	P("role_labels", AT_OBJECT, 0),
	P("reassigned", AT_INT, 0),
	END
};

static const struct apidoc_prop mail_prefs_props[] = {
	P("person_id", AT_INT, REQ),
	P("email", AT_STRING, REQ),
	PE("digest", REQ, mail_digest_keys),
	P("reminders", AT_OBJECT, REQ),
	P("version", AT_INT, REQ),
	END
};

static const struct apidoc_prop person_list_props[] = {
	PL("people", REQ, "Person"),
	P("total", AT_INT, REQ),
	END
};

static const struct apidoc_prop project_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, REQ),
	P("pm", AT_OBJECT, 0),
	PE("status", REQ, project_status_keys),
	PE("stage", REQ, stage_keys),
	P("kickoff_on", AT_DATE, 0),
	P("target_launch_on", AT_DATE, 0),
	P("version", AT_INT, REQ),
	P("spec", AT_OBJECT, 0),
	P("template_version", AT_INT, 0),
	PL("stages", 0, NULL),
	PL("transitions", 0, NULL),
	PL("checkpoints", 0, "Checkpoint"),
	PL("launch_moves", 0, NULL),
	PL("handoffs", 0, "Handoff"),
	PL("ownership", 0, NULL),
	P("readiness", AT_OBJECT, 0),
	PL("risks", 0, "Risk"),
	END
};

static const struct apidoc_prop project_list_props[] = {
	PL("projects", REQ, NULL),
	P("total", AT_INT, REQ),
	END
};

static const struct apidoc_prop checkpoint_props[] = {
	P("id", AT_INT, REQ),
	P("project_id", AT_INT, 0),
	PE("stage", 0, stage_keys),
	P("title", AT_STRING, 0),
	P("due_on", AT_DATE, 0),
	P("original_due_on", AT_DATE, 0),
	P("owner", AT_OBJECT, NUL),
	PE("status", 0, checkpoint_status_keys),
	P("completed_on", AT_DATE, NUL),
	P("decision", AT_BOOL, 0),
	PE("outcome", NUL, outcome_keys),
	P("evidence_url", AT_STRING, NUL),
	P("note", AT_STRING, NUL),
	P("version", AT_INT, REQ),
	PL("slips", 0, NULL),
	END
};

static const struct apidoc_prop readiness_props[] = {
	P("project_id", AT_INT, REQ),
	P("version", AT_INT, REQ),
	PL("items", REQ, NULL),
	P("score", AT_OBJECT, REQ),
	P("review", AT_OBJECT, NUL),
	P("waiver", AT_OBJECT, NUL),
	END
};

static const struct apidoc_prop templates_props[] = {
	P("version", AT_INT, REQ),
	P("actor", AT_STRING, REQ),
	P("at", AT_STRING, REQ),
	P("role_labels", AT_OBJECT, REQ),
	P("stages", AT_OBJECT, REQ),
	PL("checkpoints", REQ, NULL),
	PL("responsibilities", REQ, NULL),
	END
};

static const struct apidoc_prop cell_props[] = {
	P("version", AT_INT, REQ),
	END
};

static const struct apidoc_prop responsibility_props[] = {
	P("project_id", AT_INT, REQ),
	P("key", AT_STRING, REQ),
	P("name", AT_STRING, REQ),
	PE("needed_by", REQ, stage_keys),
	P("expects_ds", AT_BOOL, REQ),
	P("expects_mle", AT_BOOL, REQ),
	P("expects_swe", AT_BOOL, REQ),
	P("handoff", AT_STRING, NUL),
	P("assign_at_kickoff", AT_BOOL, REQ),
	P("added_on", AT_DATE, NUL),
	P("removed_on", AT_DATE, NUL),
	END
};

static const struct apidoc_prop ownership_copy_props[] = {
	P("project_id", AT_INT, REQ),
	P("from_project_id", AT_INT, REQ),
	PL("copied", REQ, NULL),
	P("kept", AT_INT, REQ),
	END
};

static const struct apidoc_prop matrix_save_props[] = {
	P("project_id", AT_INT, REQ),
	PL("changed", REQ, NULL),
	P("unchanged", AT_INT, REQ),
	END
};

static const struct apidoc_prop handoff_props[] = {
	P("key", AT_STRING, REQ),
	P("accepted_by", AT_OBJECT, NUL),
	P("accept_reason", AT_STRING, NUL),
	P("version", AT_INT, REQ),
	END
};

static const struct apidoc_prop history_props[] = {
	PL("entries", REQ, NULL),
	P("total", AT_INT, REQ),
	END
};

static const struct apidoc_prop actor_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, 0),
	END
};

/* Every risk, wherever it is served (README, "Who must act"). */
static const struct apidoc_prop risk_props[] = {
	P("kind", AT_STRING, REQ),
	PE("severity", REQ, severity_keys),
	P("project", AT_OBJECT, REQ | NUL),
	P("subject", AT_OBJECT, REQ),
	P("since", AT_DATE, REQ | NUL),
	P("age_days", AT_INT, REQ),
	P("launch_on", AT_DATE, REQ | NUL),
	P("message", AT_STRING, REQ),
	P("rank", AT_INT, REQ),
	PR("actor", REQ | NUL, "Actor"),
	P("url", AT_STRING, REQ),
	P("reason", AT_STRING, NUL),
	END
};

static const struct apidoc_prop project_risks_props[] = {
	PL("risks", REQ, "Risk"),
	END
};

static const struct apidoc_prop risks_props[] = {
	PL("risks", REQ, "Risk"),
	P("total", AT_INT, REQ),
	END
};

static const char *const due_status_keys[] = { "pending", "blocked", NULL };

static const struct apidoc_prop action_group_props[] = {
	PR("actor", REQ | NUL, "Actor"),
	PL("risks", REQ, "Risk"),
	END
};

static const struct apidoc_prop due_props[] = {
	P("project", AT_OBJECT, REQ),
	P("checkpoint", AT_OBJECT, REQ),
	P("stage", AT_STRING, REQ),
	PE("status", REQ, due_status_keys),
	P("due_on", AT_DATE, REQ),
	END
};

static const struct apidoc_prop paused_props[] = {
	P("id", AT_INT, REQ),
	P("name", AT_STRING, REQ),
	P("since", AT_DATE, REQ | NUL),
	P("url", AT_STRING, REQ),
	END
};

static const struct apidoc_prop me_props[] = {
	P("person", AT_OBJECT, REQ | NUL),
	P("today", AT_DATE, REQ),
	/* What the organisation calls ds, mle and swe (the templates). */
	P("role_labels", AT_OBJECT, 0),
	PL("boxes", REQ, NULL),
	PL("open_boxes", REQ, NULL),
	PL("checkpoints", REQ, NULL),
	PL("handoffs_to_me", REQ, "Handoff"),
	PL("handoffs_by_me", REQ, "Handoff"),
	PL("risks", REQ, "Risk"),
	END
};

static const struct apidoc_prop digest_props[] = {
	P("week", AT_STRING, REQ),
	P("projects_at_risk", AT_INT, REQ),
	PL("actions", REQ, "ActionGroup"),
	PL("due_this_week", REQ, "Due"),
	PL("due_next_week", REQ, "Due"),
	PL("paused", REQ, "PausedProject"),
	PL("open", REQ, "Risk"),
	PL("new", REQ, "Risk"),
	PL("resolved", REQ, "Risk"),
	PL("trend", REQ, NULL),
	END
};

static const struct apidoc_prop webhook_props[] = {
	P("id", AT_INT, REQ),
	PE("channel", REQ, outbox_channel_keys),
	P("name", AT_STRING, REQ),
	P("url", AT_STRING, REQ),
	PL("events", REQ, NULL),
	P("project_id", AT_INT, NUL),
	P("created_at", AT_TIME, REQ),
	P("created_by", AT_STRING, REQ),
	END
};

static const struct apidoc_prop new_webhook_props[] = {
	P("id", AT_INT, REQ),
	PE("channel", REQ, outbox_channel_keys),
	P("name", AT_STRING, REQ),
	P("url", AT_STRING, REQ),
	PL("events", REQ, NULL),
	P("project_id", AT_INT, NUL),
	P("secret", AT_STRING, 0),
	END
};

static const struct apidoc_prop webhook_list_props[] = {
	PL("endpoints", REQ, "Webhook"),
	PL("events", REQ, NULL),
	END
};

static const char *const outbox_all_channels[] = { "webhook", "chat",
	"email", NULL };
static const char *const outbox_row_status[] = { "pending", "delivered",
	"dead", NULL };

static const struct apidoc_prop outbox_message_props[] = {
	P("id", AT_INT, REQ),
	P("msg_id", AT_STRING, REQ),
	PE("channel", REQ, outbox_all_channels),
	P("target", AT_INT, NUL),
	P("recipient", AT_STRING, NUL),
	P("event", AT_STRING, REQ),
	PE("status", REQ, outbox_row_status),
	P("attempts", AT_INT, REQ),
	P("created_at", AT_TIME, REQ),
	P("due_at", AT_TIME, NUL),
	P("delivered_at", AT_TIME, NUL),
	P("dead_at", AT_TIME, NUL),
	P("last_error", AT_STRING, NUL),
	P("payload", AT_OBJECT, REQ),
	END
};

static const struct apidoc_prop outbox_list_props[] = {
	PE("status", REQ, outbox_status_keys),
	PL("messages", REQ, "OutboxMessage"),
	P("total", AT_INT, REQ),
	P("counts", AT_OBJECT, REQ),
	P("allow_loopback", AT_BOOL, REQ),
	PL("endpoints", REQ, "Webhook"),
	END
};

static const struct apidoc_prop outbox_settings_props[] = {
	P("allow_loopback", AT_BOOL, REQ),
	END
};

const struct apidoc_schema apidoc_schemas[] = {
	{ "Version", "what this server is", version_props },
	{ "OpenApiDocument", "an OpenAPI 3.1 document", openapi_props },
	{ "Principal", "a signed-in user", principal_props },
	{ "Whoami", "who is asking, and how", whoami_props },
	{ "Session", "a new session", session_props },
	{ "Token", "an API token (never its secret)", token_props },
	{ "NewToken", "a new API token with its secret, shown once",
	    new_token_props },
	{ "TokenList", "API tokens", token_list_props },
	{ "User", "a user account", user_props },
	{ "UserList", "user accounts", user_list_props },
	{ "Person", "a person who may own work", person_props },
	{ "PersonList", "a page of people", person_list_props },
	{ "Deactivation", "what deactivating a person leaves orphaned, and "
	    "who may take it", deactivation_props },
	{ "MailPrefs", "what a person receives by email: the digest (all, "
	    "mine, none) and each reminder kind (true: on)", mail_prefs_props },
	{ "Project", "a project", project_props },
	{ "ProjectList", "a page of projects", project_list_props },
	{ "Checkpoint", "a checkpoint of a project", checkpoint_props },
	{ "Readiness", "the production readiness review's checklist",
	    readiness_props },
	{ "Cell", "a box of the ownership matrix", cell_props },
	{ "Responsibility", "a row of a project's ownership matrix",
	    responsibility_props },
	{ "Templates", "a version of the organisation's templates",
	    templates_props },
	{ "MatrixSave", "the boxes one save changed", matrix_save_props },
	{ "OwnershipCopy", "the boxes copied from another project",
	    ownership_copy_props },
	{ "Handoff", "a handoff between stages", handoff_props },
	{ "History", "a page of a project's changes", history_props },
	{ "Actor", "the person who must act", actor_props },
	{ "Risk", "a launch risk", risk_props },
	{ "ProjectRisks", "a project's risks", project_risks_props },
	{ "Risks", "a page of the portfolio's risks", risks_props },
	{ "ActionGroup", "the critical and high risks of one actor",
	    action_group_props },
	{ "Due", "a checkpoint due in a week", due_props },
	{ "PausedProject", "a paused project", paused_props },
	{ "Digest", "the weekly digest", digest_props },
	{ "Webhook", "a webhook or chat endpoint (never its secret)",
	    webhook_props },
	{ "NewWebhook", "a new endpoint with its signing secret, shown once",
	    new_webhook_props },
	{ "WebhookList", "the endpoints, and the events they may ask for",
	    webhook_list_props },
	{ "OutboxMessage", "a notification in the outbox",
	    outbox_message_props },
	{ "OutboxList", "a page of the outbox's messages", outbox_list_props },
	{ "OutboxSettings", "the outbox's setting", outbox_settings_props },
	{ "Me", "what waits for the person signed in", me_props },
};

const size_t apidoc_nschemas = NITEMS(apidoc_schemas);

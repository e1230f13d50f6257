/*
 * fields: the tables of what requests may hold (see fields.h).
 */
#include <stddef.h>

#include "fields.h"
#include "secret.h"
#include "vocab.h"

#define END	{ NULL, 0, 0, 0, 0, NULL, NULL }

/* limit (1 to 200, 50 when absent) and offset, for every list. */
#define LIMIT_OFFSET							\
	{ "limit", FIELD_INT, 0, 1, 200, NULL, NULL },			\
	{ "offset", FIELD_INT, 0, 0, 1000000, NULL, NULL }

const struct field no_fields[] = {
	END
};

/* People ----------------------------------------------------------------- */

const struct field person_create_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "email", FIELD_EMAIL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, FIELD_REQUIRED, 0, 0, person_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

const struct field person_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "email", FIELD_EMAIL, 0, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, person_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

/* The people page's button: only activity. */
const struct field person_active_body[] = {
	{ "active", FIELD_BOOL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

/*
 * Deactivating a person, with what they hold going to others in the same
 * step: each item as the preview names it (api.person_orphans), the
 * version it was read at, and who takes it (null: nobody).
 */
static const struct field reassign_fields[] = {
	{ "item", FIELD_LINE, FIELD_REQUIRED, 1, 300, NULL, NULL },
	{ "version", FIELD_INT, FIELD_REQUIRED, 1, 2147483647, NULL, NULL },
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

const struct field person_deactivate_body[] = {
	{ "reassign", FIELD_LIST, 0, 0, 1000, NULL, reassign_fields },
	END
};

/* The people page's overload threshold (an admin's). */
const struct field threshold_body[] = {
	{ "value", FIELD_INT, FIELD_REQUIRED, 1, 1000, NULL, NULL },
	END
};

/* A person's email: the digest they receive, the reminders on or off. */
static const struct field reminder_fields[] = {
	{ "checkpoint_due", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "checkpoint_missed", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "handoff_offered", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "handoff_waiting", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "box_critical", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

const struct field mail_prefs_body[] = {
	{ "digest", FIELD_ENUM, 0, 0, 0, mail_digest_keys, NULL },
	{ "reminders", FIELD_OBJECT, 0, 0, 0, NULL, reminder_fields },
	END
};

const struct field person_list_query[] = {
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, person_role_keys, NULL },
	LIMIT_OFFSET,
	END
};

/* Projects --------------------------------------------------------------- */

/* The kickoff spec: each answer may be cleared with null or "". */
static const struct field spec_fields[] = {
	{ "decision", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "primary_metric", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "secondary_constraint", FIELD_TEXT, FIELD_NULLABLE, 0, 2000,
	    NULL, NULL },
	{ "worse_error", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "fallback", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "monitoring_trigger", FIELD_TEXT, FIELD_NULLABLE, 0, 2000,
	    NULL, NULL },
	{ "baseline", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	/* The data availability audit (sql/0030_audit.sql). */
	{ "data_outcome_logged", FIELD_TEXT, FIELD_NULLABLE, 0, 2000,
	    NULL, NULL },
	{ "data_history", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "data_label_quality", FIELD_TEXT, FIELD_NULLABLE, 0, 2000,
	    NULL, NULL },
	{ "data_examples", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	END
};

static const struct field plan_fields[] = {
	{ "start", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "end", FIELD_DATE, 0, 0, 0, NULL, NULL },
	END
};

const struct field project_create_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "pm_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "kickoff_on", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "target_launch_on", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_keys, NULL },
	{ "spec", FIELD_OBJECT, 0, 0, 0, NULL, spec_fields },
	{ "confirm_duplicate", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

const struct field project_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "pm_id", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ "kickoff_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "target_launch_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_keys, NULL },
	{ "spec", FIELD_OBJECT, 0, 0, 0, NULL, spec_fields },
	{ "plan", FIELD_MAP, 0, 0, 0, stage_keys, plan_fields },
	END
};

/* status: active when absent; "all" lists every status. */
const struct field project_list_query[] = {
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_filter_keys, NULL },
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	LIMIT_OFFSET,
	END
};

/* override and reason: a move forward past unmet gates (409 without). */
const struct field stage_body[] = {
	{ "stage", FIELD_ENUM, FIELD_REQUIRED, 0, 0, stage_keys, NULL },
	{ "note", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "override", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

/* Checkpoints, the matrix, handoffs ---------------------------------------- */

const struct field checkpoint_create_body[] = {
	{ "stage", FIELD_ENUM, FIELD_REQUIRED, 0, 0, stage_keys, NULL },
	{ "title", FIELD_LINE, FIELD_REQUIRED, 1, 300, NULL, NULL },
	{ "due_on", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "owner_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "decision", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "evidence_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "note", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

const struct field checkpoint_patch_body[] = {
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "title", FIELD_LINE, 0, 1, 300, NULL, NULL },
	{ "due_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	{ "owner_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "status", FIELD_ENUM, 0, 0, 0, checkpoint_status_keys, NULL },
	{ "completed_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "decision", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "outcome", FIELD_ENUM, FIELD_NULLABLE, 0, 0, outcome_keys, NULL },
	{ "evidence_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "note", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ "waiver_reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

/* The readiness checklist: {"items": {"<item>": {"answer": ...}}}. */
static const struct field readiness_answer_fields[] = {
	{ "answer", FIELD_ENUM, FIELD_REQUIRED, 0, 0, readiness_answer_keys,
	    NULL },
	{ "evidence_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

/* The project page's form: one item, named in the path. */
const struct field readiness_item_body[] = {
	{ "answer", FIELD_ENUM, FIELD_REQUIRED, 0, 0, readiness_answer_keys,
	    NULL },
	{ "evidence_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

const struct field readiness_body[] = {
	{ "items", FIELD_MAP, FIELD_REQUIRED, 0, 0, readiness_item_keys,
	    readiness_answer_fields },
	END
};

const struct field ownership_body[] = {
	{ "person_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

static const struct field box_fields[] = {
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "version", FIELD_INT, FIELD_REQUIRED, 1, 2147483647, NULL, NULL },
	END
};

const struct field ownership_matrix_body[] = {
	/* "responsibility/role": any row the project has, its own too. */
	{ "boxes", FIELD_MAP, FIELD_REQUIRED, 0, 0, NULL, box_fields },
	END
};

/*
 * A responsibility row, the template's (the key required) or a project's
 * own (sql/api/40_ownership_handoffs.sql: with no key, one is made from
 * its name).
 */
#define RESPONSIBILITY_ROW(key_flags)					\
	{ "key", FIELD_LINE, key_flags, 1, 64, NULL, NULL },		\
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },	\
	{ "needed_by", FIELD_ENUM, FIELD_REQUIRED, 0, 0, stage_keys,	\
	    NULL },							\
	{ "expects_ds", FIELD_BOOL, 0, 0, 0, NULL, NULL },		\
	{ "expects_mle", FIELD_BOOL, 0, 0, 0, NULL, NULL },		\
	{ "expects_swe", FIELD_BOOL, 0, 0, 0, NULL, NULL },		\
	{ "handoff", FIELD_LINE, FIELD_NULLABLE, 1, 1, NULL, NULL },	\
	{ "assign_at_kickoff", FIELD_BOOL, 0, 0, 0, NULL, NULL }

const struct field responsibility_create_body[] = {
	RESPONSIBILITY_ROW(0),
	END
};

/* Another project's filled boxes into this one's (empty ones only). */
const struct field ownership_copy_body[] = {
	{ "from_project_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "overwrite", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

/* The matrix form clears a box with "nobody": a null person. */
/*
 * The project page's status form: pause, ship, cancel or reactivate, always
 * with a reason and a ticked confirmation (the API's PATCH asks neither).
 */
const struct field project_status_form_body[] = {
	{ "status", FIELD_ENUM, FIELD_REQUIRED, 0, 0, project_status_keys,
	    NULL },
	{ "reason", FIELD_TEXT, FIELD_REQUIRED, 1, 500, NULL, NULL },
	{ "confirm", FIELD_BOOL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

/* The project page's fields form: a reason only with a new launch. */
const struct field project_fields_form_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "pm_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "kickoff_on", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "target_launch_on", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

/* The project page's delete form: a checkpoint goes only with a tick. */
const struct field checkpoint_delete_form_body[] = {
	{ "confirm", FIELD_BOOL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

const struct field cell_form_body[] = {
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

/* A PM or an admin accepting for the receiver says why. */
const struct field accept_body[] = {
	{ "reason", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

/*
 * May a request leave this body out altogether (as {})?  Accepting a
 * handoff (the receiver says nothing, someone accepting for them says
 * why) and taking a box (a note if wanted).
 */
int
fields_body_optional(const struct field *body)
{
	return (body == accept_body || body == take_body);
}

/* Taking an empty box (My work), with a note for the history if wanted. */
const struct field take_body[] = {
	{ "note", FIELD_TEXT, 0, 1, 500, NULL, NULL },
	END
};

const struct field offer_body[] = {
	{ "from_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "to_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "artifact_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

/* The organisation's templates ------------------------------------------- */

static const struct field role_label_fields[] = {
	{ "ds", FIELD_LINE, 0, 1, 40, NULL, NULL },
	{ "mle", FIELD_LINE, 0, 1, 40, NULL, NULL },
	{ "swe", FIELD_LINE, 0, 1, 40, NULL, NULL },
	END
};

static const struct field stage_weeks_fields[] = {
	{ "weeks", FIELD_INT, FIELD_REQUIRED, 1, 52, NULL, NULL },
	END
};

/* A handoff key is checked against handoff_kinds by the database. */
static const struct field checkpoint_template_fields[] = {
	{ "title", FIELD_LINE, FIELD_REQUIRED, 1, 300, NULL, NULL },
	{ "stage", FIELD_ENUM, FIELD_REQUIRED, 0, 0, stage_keys, NULL },
	{ "anchor", FIELD_ENUM, FIELD_REQUIRED, 0, 0, anchor_keys, NULL },
	{ "week_offset", FIELD_INT, FIELD_REQUIRED, -52, 104, NULL, NULL },
	{ "decision", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "readiness", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "handoff", FIELD_LINE, FIELD_NULLABLE, 1, 1, NULL, NULL },
	END
};

static const struct field responsibility_template_fields[] = {
	RESPONSIBILITY_ROW(FIELD_REQUIRED),
	END
};

/* PUT /api/v1/templates: what is given replaces the current version's. */
const struct field templates_body[] = {
	{ "role_labels", FIELD_OBJECT, 0, 0, 0, NULL, role_label_fields },
	{ "stages", FIELD_MAP, 0, 0, 0, stage_keys, stage_weeks_fields },
	{ "checkpoints", FIELD_LIST, 0, 1, 100, NULL,
	    checkpoint_template_fields },
	{ "responsibilities", FIELD_LIST, 0, 1, 100, NULL,
	    responsibility_template_fields },
	END
};

/* Accounts --------------------------------------------------------------- */

const struct field login_body[] = {
	{ "email", FIELD_LINE, FIELD_REQUIRED, 1, 254, NULL, NULL },
	{ "password", FIELD_TEXT, FIELD_REQUIRED, 1, SECRET_PASSWORD_MAX, NULL,
	    NULL },
	END
};

/* The form also says where to go next (checked by auth_safe_next()). */
const struct field login_form_body[] = {
	{ "email", FIELD_LINE, FIELD_REQUIRED, 1, 254, NULL, NULL },
	{ "password", FIELD_TEXT, FIELD_REQUIRED, 1, SECRET_PASSWORD_MAX, NULL,
	    NULL },
	{ "next", FIELD_TEXT, 0, 0, 2000, NULL, NULL },
	END
};

const struct field token_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 100, NULL, NULL },
	{ "scope", FIELD_ENUM, 0, 0, 0, token_scope_keys, NULL },
	/* With scope "feed": portfolio, project:<id> or person:<id>. */
	{ "feed", FIELD_LINE, 0, 1, 40, NULL, NULL },
	END
};

/* The outbox (sql/0026_outbox.sql) --------------------------------------- */

/* The channels an admin registers endpoints of (email has no endpoint). */
const char *const outbox_channel_keys[] = { "webhook", "chat", NULL };
const char *const outbox_status_keys[] = { "dead", "pending", "delivered",
	"all", NULL };

/* events: a comma-separated list, checked by api.webhook_create. */
const struct field webhook_body[] = {
	{ "channel", FIELD_ENUM, 0, 0, 0, outbox_channel_keys, NULL },
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 100, NULL, NULL },
	{ "url", FIELD_LINE, FIELD_REQUIRED, 1, 2000, NULL, NULL },
	{ "events", FIELD_LINE, FIELD_REQUIRED, 1, 500, NULL, NULL },
	{ "project_id", FIELD_ID, 0, 0, 0, NULL, NULL },
	END
};

const struct field outbox_query[] = {
	{ "status", FIELD_ENUM, 0, 0, 0, outbox_status_keys, NULL },
	LIMIT_OFFSET,
	END
};

const struct field outbox_settings_body[] = {
	{ "allow_loopback", FIELD_BOOL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

const struct field user_create_body[] = {
	{ "email", FIELD_EMAIL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "role", FIELD_ENUM, FIELD_REQUIRED, 0, 0, user_role_keys, NULL },
	{ "password", FIELD_TEXT, FIELD_REQUIRED, SECRET_PASSWORD_MIN,
	    SECRET_PASSWORD_MAX, NULL, NULL },
	/* The person the account stands for; without it, the one of the
	   same email (sql/0028_me.sql). */
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

const struct field user_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, user_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	/* Link the account to a person, or unlink it (null). */
	{ "person_id", FIELD_ID, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "password", FIELD_TEXT, 0, SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX,
	    NULL, NULL },
	/* With a password: the account's API tokens stay valid. */
	{ "keep_tokens", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	/* true: end a lockout, forget the failed sign-ins. */
	{ "unlock", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

/* Queries ------------------------------------------------------------------ */

const struct field page_query[] = {
	LIMIT_OFFSET,
	END
};

/*
 * The portfolio's risks as of a day, narrowed to a severity and a PM:
 * severity means "at least", as on the portfolio page; severity_exact
 * means that severity only.
 */
const struct field risks_query[] = {
	{ "as_of", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "severity", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ "severity_exact", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	LIMIT_OFFSET,
	END
};

/* GET /risks.csv: the same, as of "on", every row. */
const struct field risks_csv_query[] = {
	{ "on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "severity", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ "severity_exact", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	END
};

const struct field as_of_query[] = {
	{ "as_of", FIELD_DATE, 0, 0, 0, NULL, NULL },
	END
};

/* A week as YYYY-Www, checked further by isoweek_parse(). */
const struct field digest_query[] = {
	{ "week", FIELD_LINE, 0, 0, 16, NULL, NULL },
	LIMIT_OFFSET,
	END
};

/* /digest.md: the full Markdown, or the short chat message. */
static const char *const digest_format_keys[] = { "full", "chat", NULL };

const struct field digest_md_query[] = {
	{ "week", FIELD_LINE, 0, 0, 16, NULL, NULL },
	{ "format", FIELD_ENUM, 0, 0, 0, digest_format_keys, NULL },
	LIMIT_OFFSET,
	END
};

/* The portfolio page: a severity there means "at least". */
const struct field portfolio_query[] = {
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_filter_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "severity", FIELD_ENUM, 0, 0, 0, severity_keys, NULL },
	LIMIT_OFFSET,
	END
};

/* The project page: where its history starts (older entries). */
const struct field project_page_query[] = {
	{ "history", FIELD_INT, 0, 0, 1000000, NULL, NULL },
	END
};

/* /unsubscribe?t=: the person's signed token (sql/api/96_unsubscribe.sql). */
const struct field unsubscribe_query[] = {
	{ "t", FIELD_LINE, FIELD_REQUIRED, 1, 100, NULL, NULL },
	END
};

const struct field login_query[] = {
	{ "next", FIELD_TEXT, 0, 0, 2000, NULL, NULL },
	END
};

/*
 * vocab: every key the API, the pages and the database share (vocab.h).
 */
#include <stdio.h>
#include <string.h>

#include "vocab.h"

const char *const stage_keys[STAGE_COUNT + 1] = {
	"framing", "data", "baseline", "modelling", "evaluation",
	"production", "monitoring", NULL
};

static const char *const stage_names[STAGE_COUNT + 1] = {
	"Problem framing", "Data exploration", "Baseline",
	"Modelling & iteration", "Evaluation & sign-off",
	"Production & integration", "Monitoring & maintenance", NULL
};

const char *const role_keys[ROLE_COUNT + 1] = { "ds", "mle", "swe", NULL };

static const char *const role_labels[ROLE_COUNT + 1] = {
	"DS", "MLE", "SWE", NULL
};

const char *const person_role_keys[] = { "ds", "mle", "swe", "pm", NULL };
static const char *const person_role_labels[] = {
	"DS", "MLE", "SWE", "PM", NULL
};

const char *const user_role_keys[] = {
	"viewer", "member", "pm", "admin", NULL
};

/* What a token may be limited to (sql/0016_token_scope.sql, 0017_feeds). */
const char *const token_scope_keys[] = {
	"metrics", "feed", NULL
};

/* Written once: the statuses, and the list filter that adds "all". */
#define PROJECT_STATUSES	"active", "paused", "shipped", "cancelled"

const char *const project_status_keys[PROJECT_STATUS_COUNT + 1] = {
	PROJECT_STATUSES, NULL
};

const char *const project_status_filter_keys[PROJECT_STATUS_COUNT + 2] = {
	PROJECT_STATUSES, "all", NULL
};

const char *const checkpoint_status_keys[CHECKPOINT_STATUS_COUNT + 1] = {
	"pending", "done", "blocked", "waived", NULL
};

const char *const outcome_keys[] = { "go", "pivot", "stop", NULL };

/* What a checkpoint template's week_offset counts from. */
const char *const anchor_keys[] = { "kickoff", "launch", NULL };

const char *const spec_keys[SPEC_COUNT + 1] = {
	"decision", "primary_metric", "secondary_constraint", "worse_error",
	"fallback", "monitoring_trigger", "baseline", NULL
};

/* As a sentence names a missing answer. */
static const char *const spec_labels[SPEC_COUNT + 1] = {
	"the decision the model makes", "the primary metric and target",
	"the secondary constraint", "which error is worse and why",
	"the fallback behaviour", "the monitoring trigger", "the baseline",
	NULL
};

const char *const audit_keys[AUDIT_COUNT + 1] = {
	"data_outcome_logged", "data_history", "data_label_quality",
	"data_examples", NULL
};

/* As a sentence names an unanswered question. */
static const char *const audit_labels[AUDIT_COUNT + 1] = {
	"whether the outcome is logged, and where",
	"how far back the data goes", "how reliable the labels are",
	"how many examples there are", NULL
};

const char *const spec_form_keys[SPEC_COUNT + AUDIT_COUNT + 1] = {
	"decision", "primary_metric", "secondary_constraint", "worse_error",
	"fallback", "monitoring_trigger", "baseline", "data_outcome_logged",
	"data_history", "data_label_quality", "data_examples", NULL
};

const char *const risk_kind_keys[RISK_KIND_COUNT + 1] = {
	"empty_owner", "missed_checkpoint", "blocked_checkpoint",
	"handoff_not_accepted", "stage_overrun", "incomplete_spec",
	"overloaded_owner", "stale_project", "moving_goalposts",
	"few_more_weeks", "no_baseline", "stop_ignored", "readiness_gaps",
	"overridden_gate", "data_audit_missing", NULL
};

static const char *const risk_kind_labels[RISK_KIND_COUNT + 1] = {
	"empty ownership box", "missed checkpoint", "blocked checkpoint",
	"handoff not accepted", "stage overrun", "incomplete spec",
	"overloaded owner", "stale project", "moving goalposts",
	"just a few more weeks", "no baseline", "stop ignored", "readiness gap",
	"overridden gate", "data audit missing", NULL
};

const char *const severity_keys[SEVERITY_COUNT + 1] = {
	"low", "medium", "high", "critical", NULL
};

/* The production readiness review's checklist (sql/0020_readiness.sql). */
const char *const readiness_item_keys[READINESS_ITEM_COUNT + 1] = {
	"test_metrics_vs_baseline", "calibration", "slice_analysis",
	"feature_freeze", "latency_budget", "fallback_wired", "feature_flag",
	"shadow_mode", "circuit_breaker", "monitoring_alert", "on_call",
	"rollback_tested", NULL
};

static const char *const readiness_item_labels[READINESS_ITEM_COUNT + 1] = {
	"held-out test metrics compared with the baseline",
	"calibration checked where the model outputs probabilities",
	"error analysis by slice and a bias audit",
	"every feature available at inference time (feature freeze)",
	"latency within budget", "fallback behaviour wired",
	"feature flag with percentage rollout", "shadow mode run",
	"circuit breaker to a rule-based default",
	"monitoring trigger wired to an alert", "on-call named",
	"rollback tested", NULL
};

const char *const readiness_answer_keys[READINESS_ANSWER_COUNT + 1] = {
	"yes", "no", "na", NULL
};

static const char *const readiness_answer_labels[READINESS_ANSWER_COUNT + 1] = {
	"yes", "no", "not applicable", NULL
};

const char *const mail_digest_keys[MAIL_DIGEST_COUNT + 1] = {
	"all", "mine", "none", NULL
};

static const char *const mail_digest_labels[MAIL_DIGEST_COUNT + 1] = {
	"the whole digest", "only my projects and boxes", "no digest", NULL
};

const char *const reminder_kind_keys[REMINDER_KIND_COUNT + 1] = {
	"checkpoint_due", "checkpoint_missed", "handoff_offered",
	"handoff_waiting", "box_critical", NULL
};

static const char *const reminder_kind_labels[REMINDER_KIND_COUNT + 1] = {
	"a checkpoint of mine is due soon", "a checkpoint of mine is missed",
	"a handoff is offered to me",
	"a handoff has waited for me over 7 days",
	"a box I hold became critical", NULL
};

const struct vocab vocabularies[] = {
	{ "stage", stage_keys, stage_names, STAGE_COUNT },
	{ "role", role_keys, role_labels, ROLE_COUNT },
	{ "person_role", person_role_keys, person_role_labels, 4 },
	{ "user_role", user_role_keys, user_role_keys, 4 },
	{ "project_status", project_status_keys, project_status_keys,
	    PROJECT_STATUS_COUNT },
	{ "checkpoint_status", checkpoint_status_keys, checkpoint_status_keys,
	    CHECKPOINT_STATUS_COUNT },
	{ "outcome", outcome_keys, outcome_keys, 3 },
	{ "anchor", anchor_keys, anchor_keys, 2 },
	{ "spec_field", spec_keys, spec_labels, SPEC_COUNT },
	{ "audit_field", audit_keys, audit_labels, AUDIT_COUNT },
	{ "risk_kind", risk_kind_keys, risk_kind_labels, RISK_KIND_COUNT },
	{ "severity", severity_keys, severity_keys, SEVERITY_COUNT },
	{ "token_scope", token_scope_keys, token_scope_keys, 2 },
	{ "readiness_item", readiness_item_keys, readiness_item_labels,
	    READINESS_ITEM_COUNT },
	{ "readiness_answer", readiness_answer_keys, readiness_answer_labels,
	    READINESS_ANSWER_COUNT },
	{ "mail_digest", mail_digest_keys, mail_digest_labels,
	    MAIL_DIGEST_COUNT },
	{ "reminder_kind", reminder_kind_keys, reminder_kind_labels,
	    REMINDER_KIND_COUNT },
};

const size_t	nvocabularies = sizeof(vocabularies) / sizeof(vocabularies[0]);

/* The spec questions and what a good answer looks like. */
const struct spec_question spec_questions[SPEC_COUNT] = {
	{ "Decision the model makes",
	    "The action taken on each prediction, e.g. \"hold a card payment "
	    "for manual review, or let it through\"." },
	{ "Primary metric and target",
	    "One number and the value that means success, e.g. \"recall of "
	    "at least 0.90 at precision of at least 0.95\"." },
	{ "Secondary constraint",
	    "The tradeoff the model must respect: latency, cost, fairness, "
	    "coverage." },
	{ "Which error is worse, and why",
	    "False positive or false negative: which one costs more, in the "
	    "business's own terms." },
	{ "Fallback behaviour",
	    "What the product does when the model is down, slow or unsure." },
	{ "Monitoring trigger",
	    "The signal in production that says the model needs attention, "
	    "with its threshold." },
	{ "Baseline",
	    "The simplest approach it must beat, with its number." },
};

/* The seeds' data availability audit: the questions to ask at kickoff. */
const struct spec_question audit_questions[AUDIT_COUNT] = {
	{ "Is the outcome logged, and where?",
	    "The table, event or system that records what actually happened, "
	    "e.g. \"chargebacks in billing.disputes\"; \"not logged\" is an "
	    "answer." },
	{ "How far back does it go?",
	    "The history available today, e.g. \"18 months, schema changed "
	    "in March\"." },
	{ "How reliable are the labels?",
	    "Who or what sets them, how late they arrive and how often they "
	    "are wrong." },
	{ "How many examples are there?",
	    "Rows, and positives among them, e.g. \"2M payments, 3k "
	    "frauds\"." },
};

const char *
readiness_item_label(enum readiness_item i)
{
	return ((unsigned)i < READINESS_ITEM_COUNT ?
	    readiness_item_labels[i] : "?");
}

const char *
readiness_answer_label(enum readiness_answer a)
{
	return ((unsigned)a < READINESS_ANSWER_COUNT ?
	    readiness_answer_labels[a] : "?");
}

int
vocab_index(const char *const *keys, const char *key)
{
	int	i;

	if (key == NULL)
		return (-1);
	for (i = 0; keys[i] != NULL; i++) {
		if (strcmp(keys[i], key) == 0)
			return (i);
	}
	return (-1);
}

/* keys[i] for i in range, else "?". */
static const char *
word(const char *const *keys, size_t n, unsigned int i)
{
	return (i < n ? keys[i] : "?");
}

/* The position of key into *out, through an int: 0, or -1 if unknown. */
#define FROM_KEY(keys, key, out, type)					\
	do {								\
		int	i_ = vocab_index((keys), (key));		\
		if (i_ == -1)						\
			return (-1);					\
		*(out) = (type)i_;					\
		return (0);						\
	} while (0)

const char *
stage_key(enum stage s)
{
	return (word(stage_keys, STAGE_COUNT, s));
}

const char *
stage_name(enum stage s)
{
	return (word(stage_names, STAGE_COUNT, s));
}

int
stage_from_key(const char *key, enum stage *out)
{
	FROM_KEY(stage_keys, key, out, enum stage);
}

const char *
role_key(enum role r)
{
	return (word(role_keys, ROLE_COUNT, r));
}

const char *
role_label(enum role r)
{
	return (word(role_labels, ROLE_COUNT, r));
}

int
role_from_key(const char *key, enum role *out)
{
	FROM_KEY(role_keys, key, out, enum role);
}

const char *
spec_key(enum spec_field f)
{
	return (word(spec_keys, SPEC_COUNT, f));
}

const char *
audit_key(enum audit_field f)
{
	return (word(audit_keys, AUDIT_COUNT, f));
}

const char *
audit_label(enum audit_field f)
{
	return (word(audit_labels, AUDIT_COUNT, f));
}

const char *
spec_label(enum spec_field f)
{
	return (word(spec_labels, SPEC_COUNT, f));
}

int
spec_from_key(const char *key, enum spec_field *out)
{
	FROM_KEY(spec_keys, key, out, enum spec_field);
}

int
project_status_from_key(const char *key, enum project_status *out)
{
	FROM_KEY(project_status_keys, key, out, enum project_status);
}

int
checkpoint_status_from_key(const char *key, enum checkpoint_status *out)
{
	FROM_KEY(checkpoint_status_keys, key, out, enum checkpoint_status);
}

int
outcome_from_key(const char *key, enum decision_outcome *out)
{
	int	i;

	if ((i = vocab_index(outcome_keys, key)) == -1)
		return (-1);
	*out = (enum decision_outcome)(i + 1);
	return (0);
}

const char *
outcome_key(enum decision_outcome o)
{
	return (o > OUTCOME_NONE && o <= OUTCOME_STOP ? outcome_keys[o - 1] :
	    NULL);
}

const char *
risk_kind_key(enum risk_kind k)
{
	return (word(risk_kind_keys, RISK_KIND_COUNT, k));
}

int
risk_kind_from_key(const char *key, enum risk_kind *out)
{
	FROM_KEY(risk_kind_keys, key, out, enum risk_kind);
}

const char *
severity_key(enum severity s)
{
	return (word(severity_keys, SEVERITY_COUNT, s));
}

int
severity_from_key(const char *key, enum severity *out)
{
	FROM_KEY(severity_keys, key, out, enum severity);
}

/* The database's copy against ours -------------------------------------- */

void
vocab_check_init(struct vocab_checker *c)
{
	memset(c, 0, sizeof(*c));
}

int
vocab_check_row(struct vocab_checker *c, const char *kind,
    long long position, const char *key, const char *label, char *msg,
    size_t size)
{
	const struct vocab	*v;
	size_t			 i;

	for (i = 0; i < nvocabularies; i++) {
		if (strcmp(vocabularies[i].kind, kind) == 0)
			break;
	}
	if (i == nvocabularies) {
		(void)snprintf(msg, size, "the database has a vocabulary "
		    "\"%s\" that this server does not know", kind);
		return (c->failed = -1);
	}
	v = &vocabularies[i];
	if (position < 0 || (size_t)position >= v->n) {
		(void)snprintf(msg, size, "the database's %s \"%s\" (position "
		    "%lld) is not one of this server's %zu", kind, key,
		    position, v->n);
		return (c->failed = -1);
	}
	if (strcmp(v->keys[position], key) != 0 ||
	    strcmp(v->labels[position], label) != 0) {
		(void)snprintf(msg, size, "%s %lld is \"%s\" (\"%s\") in the "
		    "database but \"%s\" (\"%s\") in this server", kind,
		    position, key, label, v->keys[position],
		    v->labels[position]);
		return (c->failed = -1);
	}
	if (i < VOCAB_CHECK_MAX && position < VOCAB_CHECK_MAX)
		c->seen[i][position] = 1;
	return (0);
}

int
vocab_check_done(struct vocab_checker *c, char *msg, size_t size)
{
	size_t	i, j;

	if (c->failed)
		return (-1);
	for (i = 0; i < nvocabularies && i < VOCAB_CHECK_MAX; i++) {
		for (j = 0; j < vocabularies[i].n && j < VOCAB_CHECK_MAX;
		    j++) {
			if (c->seen[i][j])
				continue;
			(void)snprintf(msg, size, "the database's vocabulary "
			    "lacks %s \"%s\" (position %zu)",
			    vocabularies[i].kind, vocabularies[i].keys[j], j);
			return (-1);
		}
	}
	return (0);
}

/* Field labels ------------------------------------------------------------ */

static const struct {
	const char	*name;
	const char	*label;
} field_labels[] = {
	{ "name", "Name" }, { "pm", "PM" }, { "pm_id", "PM" },
	{ "kickoff_on", "Kickoff" }, { "target_launch_on", "Target launch" },
	{ "status", "Status" }, { "stage", "Stage" }, { "plan", "Stage plan" },
	{ "title", "Title" }, { "due_on", "Due" }, { "owner", "Owner" },
	{ "owner_id", "Owner" }, { "completed_on", "Completed" },
	{ "decision", "Decision" }, { "outcome", "Outcome" },
	{ "evidence_url", "Evidence link" }, { "note", "Note" },
	{ "reason", "Reason" }, { "person", "Owner" },
	{ "person_id", "Owner" }, { "from", "From" }, { "from_id", "From" },
	{ "to", "To" }, { "to_id", "To" }, { "artifact_url", "Artifact link" },
	{ "offered_on", "Offered" }, { "accepted_on", "Accepted" },
	{ "accepted_by", "Accepted by" },
	{ "accept_reason", "Accepted for the receiver because" },
	{ "state", "State" }, { "email", "Email" }, { "role", "Role" },
	{ "active", "Active" }, { "password", "Password" },
};

/*
 * "plan.data.start": "Data exploration start" (the stage plan's dates).
 * One label at a time: it lives until the next call, which is enough for
 * field_words(), which copies it at once.
 */
static const char *
plan_label(const char *name)
{
	static char	 label[64];
	const char	*dot, *end;
	char		 key[32];
	enum stage	 st;

	if (strncmp(name, "plan.", 5) != 0 ||
	    (dot = strchr(name + 5, '.')) == NULL ||
	    (size_t)(dot - (name + 5)) >= sizeof(key))
		return (name);
	end = dot + 1;
	if (strcmp(end, "start") != 0 && strcmp(end, "end") != 0)
		return (name);
	(void)snprintf(key, sizeof(key), "%.*s", (int)(dot - (name + 5)),
	    name + 5);
	if (stage_from_key(key, &st) == -1)
		return (name);
	(void)snprintf(label, sizeof(label), "%s %s", stage_name(st), end);
	return (label);
}

const char *
field_label(const char *name)
{
	enum spec_field	 sf;
	size_t		 i;

	if (name == NULL)
		return ("");
	if (strncmp(name, "spec.", 5) == 0 &&
	    spec_from_key(name + 5, &sf) == 0)
		return (spec_questions[sf].label);
	if (strncmp(name, "spec.", 5) == 0)
		for (i = 0; i < AUDIT_COUNT; i++)
			if (strcmp(audit_keys[i], name + 5) == 0)
				return (audit_questions[i].label);
	for (i = 0; i < sizeof(field_labels) / sizeof(field_labels[0]); i++)
		if (strcmp(field_labels[i].name, name) == 0)
			return (field_labels[i].label);
	return (plan_label(name));
}

static int
field_char(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '_' || c == '.');
}

void
field_words(const char *msg, char *out, size_t size)
{
	char		 name[64];
	const char	*p, *label;
	size_t		 n, o, len;

	if (size == 0)
		return;
	o = 0;
	for (p = msg != NULL ? msg : ""; *p != '\0' && o + 1 < size; ) {
		for (n = 0; field_char(p[n]); n++)
			;
		/* A word: a field name (snake_case, spec.key, or first). */
		if (n > 0 && n < sizeof(name) && (p == msg ||
		    !field_char(p[-1]))) {
			memcpy(name, p, n);
			name[n] = '\0';
			while (n > 0 && name[n - 1] == '.')
				name[--n] = '\0';
			label = field_label(name);
			if (label != name && (p == msg || strchr(name, '_') !=
			    NULL || strncmp(name, "spec.", 5) == 0)) {
				len = strlen(label);
				if (len > size - 1 - o)
					len = size - 1 - o;
				memcpy(out + o, label, len);
				/* "Target launch" inside: "target launch". */
				if (p != msg && len > 1 && label[1] >= 'a' &&
				    label[1] <= 'z' && out[o] >= 'A' &&
				    out[o] <= 'Z')
					out[o] = (char)(out[o] - 'A' + 'a');
				o += len;
				p += n;
				continue;
			}
			if (n > 0) {
				len = n < size - 1 - o ? n : size - 1 - o;
				memcpy(out + o, p, len);
				o += len;
				p += n;
				continue;
			}
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}

void
field_message(const char *field, const char *msg, char *out, size_t size)
{
	const char	*last, *label;
	size_t		 n;

	if (size == 0)
		return;
	if (field != NULL && msg != NULL &&
	    (last = strrchr(field, '.')) != NULL) {
		n = strlen(++last);
		label = field_label(field);
		if (label != field && n > 0 && strncmp(msg, last, n) == 0 &&
		    msg[n] == ' ') {
			(void)snprintf(out, size, "%s%s", label, msg + n);
			return;
		}
	}
	field_words(msg, out, size);
}

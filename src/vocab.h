/*
 * vocab: every key the API, the pages and the database share, written
 * down once: stages, roles, statuses, outcomes, spec fields, risk kinds
 * and severities, each in the order of its enum, with the words shown to
 * people.
 *
 * The database keeps its own copy (the vocabulary table, for its CHECK
 * constraints and for reading keys by position); vocab_check() compares
 * the two and the server refuses to run when they differ.
 *
 * Pure: no Kore, no libpq, no jansson.
 */
#ifndef HANDOFF_VOCAB_H
#define HANDOFF_VOCAB_H

#include <stddef.h>

enum stage {
	STAGE_FRAMING,
	STAGE_DATA,
	STAGE_BASELINE,
	STAGE_MODELLING,
	STAGE_EVALUATION,
	STAGE_PRODUCTION,
	STAGE_MONITORING,
	STAGE_COUNT
};

/* The columns of the ownership matrix. */
enum role {
	ROLE_DS,
	ROLE_MLE,
	ROLE_SWE,
	ROLE_COUNT
};

enum project_status {
	PROJECT_ACTIVE,
	PROJECT_PAUSED,
	PROJECT_SHIPPED,
	PROJECT_CANCELLED,
	PROJECT_STATUS_COUNT
};

enum checkpoint_status {
	CHECKPOINT_PENDING,
	CHECKPOINT_DONE,
	CHECKPOINT_BLOCKED,
	CHECKPOINT_WAIVED,
	CHECKPOINT_STATUS_COUNT
};

/* The kickoff spec; bit (1u << SPEC_x) in spec_missing when unanswered. */
enum spec_field {
	SPEC_DECISION,
	SPEC_PRIMARY_METRIC,
	SPEC_SECONDARY_CONSTRAINT,
	SPEC_WORSE_ERROR,
	SPEC_FALLBACK,
	SPEC_MONITORING_TRIGGER,
	SPEC_BASELINE,
	SPEC_COUNT
};

/*
 * Kickoff's data availability audit, asked next to the spec and sent in
 * the same "spec" object; bit (1u << AUDIT_x) in audit_missing when
 * unanswered (sql/0030_audit.sql).
 */
enum audit_field {
	AUDIT_OUTCOME_LOGGED,
	AUDIT_HISTORY,
	AUDIT_LABEL_QUALITY,
	AUDIT_EXAMPLES,
	AUDIT_COUNT
};

/*
 * A decision checkpoint's outcome: none, or outcome_keys[outcome - 1].
 */
enum decision_outcome {
	OUTCOME_NONE,
	OUTCOME_GO,
	OUTCOME_PIVOT,
	OUTCOME_STOP
};

/*
 * In the order used to break ties when sorting risks (positions are
 * stored in the ledger: new kinds go at the end).
 */
enum risk_kind {
	RISK_EMPTY_OWNER,
	RISK_MISSED_CHECKPOINT,
	RISK_BLOCKED_CHECKPOINT,
	RISK_HANDOFF_NOT_ACCEPTED,
	RISK_STAGE_OVERRUN,
	RISK_INCOMPLETE_SPEC,
	RISK_OVERLOADED_OWNER,
	RISK_STALE_PROJECT,
	RISK_MOVING_GOALPOSTS,
	RISK_FEW_MORE_WEEKS,
	RISK_NO_BASELINE,
	RISK_STOP_IGNORED,
	RISK_READINESS_GAPS,
	RISK_OVERRIDDEN_GATE,
	RISK_DATA_AUDIT_MISSING,
	RISK_KIND_COUNT
};

/* Ascending, so that counts[] can be indexed by severity. */
enum severity {
	SEVERITY_LOW,
	SEVERITY_MEDIUM,
	SEVERITY_HIGH,
	SEVERITY_CRITICAL,
	SEVERITY_COUNT
};

/* The production readiness review's checklist, in the vocabulary's order. */
enum readiness_item {
	READINESS_TEST_METRICS,
	READINESS_CALIBRATION,
	READINESS_SLICE_ANALYSIS,
	READINESS_FEATURE_FREEZE,
	READINESS_LATENCY,
	READINESS_FALLBACK,
	READINESS_FEATURE_FLAG,
	READINESS_SHADOW_MODE,
	READINESS_CIRCUIT_BREAKER,
	READINESS_MONITORING_ALERT,
	READINESS_ON_CALL,
	READINESS_ROLLBACK,
	READINESS_ITEM_COUNT
};

enum readiness_answer {
	READINESS_YES,
	READINESS_NO,
	READINESS_NA,
	READINESS_ANSWER_COUNT
};

/* What of the Monday digest a person receives by email. */
enum mail_digest {
	MAIL_DIGEST_ALL,
	MAIL_DIGEST_MINE,
	MAIL_DIGEST_NONE,
	MAIL_DIGEST_COUNT
};

/* The reminders a person may turn off, each on its own. */
enum reminder_kind {
	REMINDER_CHECKPOINT_DUE,
	REMINDER_CHECKPOINT_MISSED,
	REMINDER_HANDOFF_OFFERED,
	REMINDER_HANDOFF_WAITING,
	REMINDER_BOX_CRITICAL,
	REMINDER_KIND_COUNT
};

/*
 * The keys as the API and the database write them, NULL-terminated, in
 * enum order; person roles are the matrix roles and "pm"; user roles are
 * ordered by what they may do.
 */
extern const char *const stage_keys[];
extern const char *const role_keys[];
extern const char *const person_role_keys[];
extern const char *const user_role_keys[];
extern const char *const token_scope_keys[];
extern const char *const project_status_keys[];
/* A list's status filter: a status, or "all" (active when absent). */
extern const char *const project_status_filter_keys[];
extern const char *const checkpoint_status_keys[];
extern const char *const outcome_keys[];
extern const char *const anchor_keys[];
extern const char *const spec_keys[];
extern const char *const audit_keys[];
extern const char *const risk_kind_keys[];
extern const char *const severity_keys[];
extern const char *const readiness_item_keys[];
extern const char *const readiness_answer_keys[];
extern const char *const mail_digest_keys[];
extern const char *const reminder_kind_keys[];

/* One vocabulary: its name in the database's table, keys and labels. */
struct vocab {
	const char		*kind;
	const char *const	*keys;
	const char *const	*labels;
	size_t			 n;
};

extern const struct vocab	vocabularies[];
extern const size_t		nvocabularies;

/* The position of key among the NULL-terminated keys, or -1. */
int		 vocab_index(const char *const *, const char *);

const char	*stage_key(enum stage);
const char	*stage_name(enum stage);		/* "Modelling & ..." */
int		 stage_from_key(const char *, enum stage *);
const char	*role_key(enum role);
const char	*role_label(enum role);			/* "MLE" */
int		 role_from_key(const char *, enum role *);
const char	*spec_key(enum spec_field);
const char	*spec_label(enum spec_field);		/* "the fallback ..." */
int		 spec_from_key(const char *, enum spec_field *);
const char	*audit_key(enum audit_field);
const char	*audit_label(enum audit_field);		/* "how far back ..." */
int		 project_status_from_key(const char *, enum project_status *);
int		 checkpoint_status_from_key(const char *,
		    enum checkpoint_status *);
int		 outcome_from_key(const char *,
		    enum decision_outcome *);
const char	*outcome_key(enum decision_outcome);	/* NULL: none */
const char	*risk_kind_key(enum risk_kind);		/* "empty_owner" */
int		 risk_kind_from_key(const char *, enum risk_kind *);
const char	*severity_key(enum severity);		/* "critical" */
int		 severity_from_key(const char *, enum severity *);
/* "shadow mode run", "not applicable" */
const char	*readiness_item_label(enum readiness_item);
const char	*readiness_answer_label(enum readiness_answer);

/* The kickoff spec's questions as pages ask them, in enum order. */
struct spec_question {
	const char	*label;		/* "Fallback behaviour" */
	const char	*hint;		/* what a good answer looks like */
};
extern const struct spec_question spec_questions[SPEC_COUNT];
extern const struct spec_question audit_questions[AUDIT_COUNT];

/* Every answer of a "spec" object: the spec's keys, then the audit's. */
extern const char *const spec_form_keys[];

/*
 * The words a page uses for a field of the API ("target_launch_on":
 * "Target launch"; "spec.fallback": the spec question's label); a name
 * it does not know comes back as it is.
 */
const char	*field_label(const char *);

/*
 * A message of the API in a page's words, into out (size bytes, always
 * terminated): each field name in it ("target_launch_on", "spec.fallback",
 * or the field the message starts with) becomes its label, capitalised
 * only at the start ("Target launch must not be before kickoff").
 */
void		 field_words(const char *, char *, size_t);

/*
 * The same for a refusal of field: a message about a nested field starts
 * with its last name only ("end must be ..." for "plan.data.end"), which
 * becomes the whole field's label ("Data exploration end must be ...").
 */
void		 field_message(const char *, const char *, char *, size_t);

/*
 * Compare the database's copy with ours.  Feed every row of the database's
 * vocabulary table to vocab_check_row(), then call vocab_check_done():
 * each returns 0, or -1 with what differs, first difference only, in msg.
 */
#define VOCAB_CHECK_MAX	32	/* vocabularies, and positions in one */
struct vocab_checker {
	unsigned char	 seen[VOCAB_CHECK_MAX][VOCAB_CHECK_MAX];
	int		 failed;
};

void	vocab_check_init(struct vocab_checker *);
int	vocab_check_row(struct vocab_checker *, const char *, long long,
	    const char *, const char *, char *, size_t);
int	vocab_check_done(struct vocab_checker *, char *, size_t);

#endif

/*
 * stmt: every statement handoff sends to PostgreSQL, named once.
 *
 * Handlers, the background job and the account tool name a statement;
 * its text lives in stmt.c's catalog and nowhere else (tests/lint/
 * statements.sh holds everyone to that).  Every statement takes at most
 * one parameter, $1, a JSON document (sql/api/00_common.sql).  An
 * "authed" statement checks who is asking in the same round trip
 * (api.authorize) and answers two columns, who and what; the others one.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_STMT_H
#define HANDOFF_STMT_H

enum stmt {
	/* Public: no sign-in, one column. */
	STMT_HEALTH,
	STMT_WAL_POSITION,	/* the primary's, for replica.c */
	STMT_WAL_INSERT,	/* ... its insert position, past any commit */
	STMT_REPLAY_POSITION,	/* a standby's, for replica.c */
	STMT_VOCABULARY,
	STMT_ACCOUNTS_EXIST,
	STMT_LOGIN_LOOKUP,
	STMT_LOGIN_RECORD,
	STMT_LEDGER_WORK,
	STMT_LEDGER_APPLY,
	STMT_OUTBOX_CLAIM,
	STMT_OUTBOX_DONE,
	STMT_OUTBOX_DIGEST,
	STMT_OUTBOX_WEEKLY,
	STMT_OUTBOX_DIGEST_MAIL,
	STMT_REMIND_DAILY,
	/* The one-click unsubscribe: its token is the credential. */
	STMT_UNSUBSCRIBE,
	/* The account tool's (src/cli/handoffctl.c): no server between. */
	STMT_CTL_USER_LIST,
	STMT_CTL_USER_CREATE,
	STMT_CTL_USER_PATCH,
	STMT_CTL_TOKEN_CREATE,
	/* Signed in. */
	STMT_WHOAMI,
	STMT_LOGOUT,
	STMT_PERSON_LIST,
	STMT_PERSON_CREATE,
	STMT_PERSON_GET,
	STMT_PERSON_PATCH,
	STMT_PERSON_DEACTIVATION,
	STMT_PERSON_DEACTIVATE,
	STMT_PROJECT_CREATE,
	STMT_PROJECT_CREATE_RISKS,
	STMT_PROJECT_READ,
	STMT_PROJECT_GET,
	STMT_PROJECT_PATCH,
	STMT_PROJECT_PATCH_RISKS,
	STMT_PROJECT_STAGE,
	STMT_PROJECT_STAGE_RISKS,
	STMT_PROJECT_HISTORY,
	STMT_PROJECT_RISK_FACTS,
	STMT_CHECKPOINT_CREATE,
	STMT_CHECKPOINT_GET,
	STMT_CHECKPOINT_PATCH,
	STMT_CHECKPOINT_DELETE,
	STMT_READINESS_GET,
	STMT_READINESS_PATCH,
	STMT_MODEL_CARD,
	STMT_OWNERSHIP_PUT,
	STMT_OWNERSHIP_DELETE,
	STMT_OWNERSHIP_COPY,
	STMT_OWNERSHIP_MATRIX_PUT,
	STMT_HANDOFF_OFFER,
	STMT_HANDOFF_ACCEPT,
	STMT_TOKEN_LIST,
	STMT_TOKEN_CREATE,
	STMT_TOKEN_REVOKE,
	STMT_USER_LIST,
	STMT_USER_CREATE,
	STMT_USER_PATCH,
	STMT_USER_TOKEN_LIST,
	STMT_USER_TOKEN_REVOKE,
	STMT_ACCOUNTS_PAGE,
	STMT_RISKS,
	STMT_DIGEST,
	STMT_KEPT_PUT,
	STMT_PEOPLE_NAMED,
	STMT_PORTFOLIO,
	STMT_PORTFOLIO_READ,
	STMT_PROJECT_PAGE,
	STMT_PEOPLE_PAGE,
	STMT_THRESHOLD_PUT,
	STMT_TEMPLATES_GET,
	STMT_TEMPLATES_PUT,
	STMT_METRICS,
	STMT_FEED,
	STMT_MAIL_PREFS_GET,
	STMT_MAIL_PREFS_PATCH,
	STMT_ME_MAIL_GET,
	STMT_ME_MAIL_PATCH,
	STMT_WEBHOOK_LIST,
	STMT_WEBHOOK_CREATE,
	STMT_WEBHOOK_DELETE,
	STMT_OUTBOX_LIST,
	STMT_OUTBOX_RETRY,
	STMT_OUTBOX_SETTINGS,
	STMT_ME,
	STMT_OWNERSHIP_TAKE,
	STMT_RESPONSIBILITY_CREATE,
	STMT_RESPONSIBILITY_DELETE,
	STMT_COUNT
};

const char	*stmt_name(enum stmt);
const char	*stmt_sql(enum stmt);
int		 stmt_authed(enum stmt);	/* two columns: who, what */
int		 stmt_bare(enum stmt);		/* takes no parameter */

/*
 * For a POST with an Idempotency-Key (pipe.c): the api.* function of an
 * authed statement (NULL for the others), whether its answer goes through
 * api.with_risk_facts, and the one statement that runs it through
 * api.idempotent (three columns: who, what, replayed).
 */
const char	*stmt_function(enum stmt);
int		 stmt_kept(enum stmt);
int		 stmt_risks(enum stmt);
const char	*stmt_idempotent_sql(void);

#endif

/*
 * stmt: the catalog of every statement (see stmt.h).
 *
 * A signed-in statement checks who is asking in the same round trip:
 *
 *   SELECT w.who, api.<function>(w.call) FROM api.authorize($1::jsonb) w
 *
 * (sql/api/05_authorize.sql), so a request costs one round trip and its
 * check and its answer come from one snapshot.  A statement whose
 * document is a project's with the facts of its risks wraps the function
 * in api.with_risk_facts(), which reads after the function wrote.
 */
#include <stddef.h>

#include "stmt.h"

/* Each expands to the text, the api.* function and whether it has risks. */
#define PLAIN(fn)	"SELECT api." fn "($1::jsonb)", NULL, 0
#define AUTHED(fn)	"SELECT w.who, api." fn "(w.call) "		\
			"FROM api.authorize($1::jsonb) w", fn, 0
#define RISKS(fn)	"SELECT w.who, api.with_risk_facts(api." fn	\
			"(w.call), w.call) FROM api.authorize($1::jsonb) w", \
			fn, 1

/*
 * A POST with an Idempotency-Key runs its statement's function through
 * api.idempotent (sql/api/90_idempotency.sql), which the request document
 * names it to; a third column says whether the answer is a replay.
 */
static const char idempotent_sql[] = "SELECT w.who, x.answer, x.replayed "
    "FROM api.authorize($1::jsonb) w, api.idempotent(w.call) x";

struct stmt_def {
	const char	*name;
	const char	*sql;
	const char	*fn;		/* the api.* function, if one */
	int		 risks;		/* ... wrapped in with_risk_facts */
	int		 flags;
#define AUTH	0x01	/* checks who asks: two columns */
#define BARE	0x02	/* takes no parameter */
/*
 * The answer is the same for everyone who may read it: kept whole once
 * made (api.c, sql/api/98_kept.sql).  Answers the document, the kept
 * text and the version.
 */
#define KEPT	0x04
};

static const struct stmt_def stmts[STMT_COUNT] = {
	[STMT_HEALTH] = { "health", "SELECT 1", NULL, 0, BARE },
	[STMT_WAL_POSITION] = { "wal_position",
	    "SELECT pg_current_wal_lsn()::text", NULL, 0, BARE },
	[STMT_WAL_INSERT] = { "wal_insert",
	    "SELECT pg_current_wal_insert_lsn()::text", NULL, 0, BARE },
	[STMT_REPLAY_POSITION] = { "replay_position",
	    "SELECT pg_last_wal_replay_lsn()::text, pg_is_in_recovery()",
	    NULL, 0, BARE },
	[STMT_VOCABULARY] = { "vocabulary", "SELECT api.vocabulary()", NULL,
	    0, BARE },
	[STMT_ACCOUNTS_EXIST] = { "accounts_exist",
	    "SELECT api.accounts_exist()", NULL, 0, BARE },
	[STMT_LOGIN_LOOKUP] = { "login_lookup", PLAIN("login_lookup"), 0 },
	[STMT_LOGIN_RECORD] = { "login_record", PLAIN("login_record"), 0 },
	[STMT_LEDGER_WORK] = { "ledger_work", PLAIN("ledger_work"), 0 },
	[STMT_LEDGER_APPLY] = { "ledger_apply", PLAIN("ledger_apply"), 0 },
	[STMT_OUTBOX_CLAIM] = { "outbox_claim", PLAIN("outbox_claim"), 0 },
	[STMT_OUTBOX_DONE] = { "outbox_done", PLAIN("outbox_done"), 0 },
	/* The weekly job's digest: no one asks, so no one is authorized. */
	[STMT_OUTBOX_DIGEST] = { "outbox_digest", PLAIN("digest"), 0 },
	[STMT_OUTBOX_WEEKLY] = { "outbox_weekly", PLAIN("outbox_weekly"), 0 },
	[STMT_OUTBOX_DIGEST_MAIL] = { "outbox_digest_mail",
	    PLAIN("outbox_digest_mail"), 0 },
	/* The daily reminder pass (sql/api/95_mail.sql). */
	[STMT_REMIND_DAILY] = { "remind_daily", PLAIN("remind_daily"), 0 },
	/* /unsubscribe: no account; the link's signed token says who. */
	[STMT_UNSUBSCRIBE] = { "mail_unsubscribe", PLAIN("mail_unsubscribe"),
	    0 },

	[STMT_CTL_USER_LIST] = { "user_list", PLAIN("user_list"), 0 },
	[STMT_CTL_USER_CREATE] = { "user_create", PLAIN("user_create"), 0 },
	[STMT_CTL_USER_PATCH] = { "user_patch", PLAIN("user_patch"), 0 },
	[STMT_CTL_TOKEN_CREATE] = { "token_create", PLAIN("token_create"), 0 },

	[STMT_WHOAMI] = { "whoami", AUTHED("whoami"), AUTH },
	[STMT_LOGOUT] = { "logout", AUTHED("logout"), AUTH },
	[STMT_PERSON_LIST] = { "person_list", AUTHED("person_list"), AUTH },
	[STMT_PERSON_CREATE] = { "person_create", AUTHED("person_create"),
	    AUTH },
	[STMT_PERSON_GET] = { "person_get", AUTHED("person_get"), AUTH },
	[STMT_PERSON_PATCH] = { "person_patch", AUTHED("person_patch"), AUTH },
	[STMT_PERSON_DEACTIVATION] = { "person_deactivation",
	    AUTHED("person_deactivation"), AUTH },
	[STMT_PERSON_DEACTIVATE] = { "person_deactivate",
	    AUTHED("person_deactivate"), AUTH },
	[STMT_PROJECT_CREATE] = { "project_create", AUTHED("project_create"),
	    AUTH },
	[STMT_PROJECT_CREATE_RISKS] = { "project_create+risks",
	    RISKS("project_create"), AUTH },
	/* The answer kept, or the document with its risks' facts. */
	[STMT_PROJECT_READ] = { "project_read", "SELECT w.who, r.doc, "
	    "r.kept, r.version, r.made FROM api.authorize($1::jsonb) w, "
	    "api.project_read(w.call) r", "project_read", 0, AUTH | KEPT },
	[STMT_PROJECT_GET] = { "project_get", AUTHED("project_get"), AUTH },
	[STMT_PROJECT_PATCH] = { "project_patch", AUTHED("project_patch"),
	    AUTH },
	[STMT_PROJECT_PATCH_RISKS] = { "project_patch+risks",
	    RISKS("project_patch"), AUTH },
	[STMT_PROJECT_STAGE] = { "project_stage", AUTHED("project_stage"),
	    AUTH },
	[STMT_PROJECT_STAGE_RISKS] = { "project_stage+risks",
	    RISKS("project_stage"), AUTH },
	[STMT_PROJECT_HISTORY] = { "project_history",
	    AUTHED("project_history"), AUTH },
	[STMT_PROJECT_RISK_FACTS] = { "project_risk_facts",
	    AUTHED("project_risk_facts"), AUTH },
	[STMT_CHECKPOINT_CREATE] = { "checkpoint_create",
	    AUTHED("checkpoint_create"), AUTH },
	[STMT_CHECKPOINT_GET] = { "checkpoint_get", AUTHED("checkpoint_get"),
	    AUTH },
	[STMT_CHECKPOINT_PATCH] = { "checkpoint_patch",
	    AUTHED("checkpoint_patch"), AUTH },
	[STMT_CHECKPOINT_DELETE] = { "checkpoint_delete",
	    AUTHED("checkpoint_delete"), AUTH },
	[STMT_READINESS_GET] = { "readiness_get", AUTHED("readiness_get"),
	    AUTH },
	[STMT_READINESS_PATCH] = { "readiness_patch",
	    AUTHED("readiness_patch"), AUTH },
	[STMT_MODEL_CARD] = { "model_card", AUTHED("model_card"), AUTH },
	[STMT_OWNERSHIP_PUT] = { "ownership_put", AUTHED("ownership_put"),
	    AUTH },
	[STMT_OWNERSHIP_DELETE] = { "ownership_delete",
	    AUTHED("ownership_delete"), AUTH },
	[STMT_RESPONSIBILITY_CREATE] = { "responsibility_create",
	    AUTHED("responsibility_create"), AUTH },
	[STMT_RESPONSIBILITY_DELETE] = { "responsibility_delete",
	    AUTHED("responsibility_delete"), AUTH },
	[STMT_OWNERSHIP_COPY] = { "ownership_copy",
	    AUTHED("ownership_copy"), AUTH },
	[STMT_OWNERSHIP_MATRIX_PUT] = { "ownership_matrix_put",
	    AUTHED("ownership_matrix_put"), AUTH },
	[STMT_HANDOFF_OFFER] = { "handoff_offer", AUTHED("handoff_offer"),
	    AUTH },
	[STMT_HANDOFF_ACCEPT] = { "handoff_accept", AUTHED("handoff_accept"),
	    AUTH },
	[STMT_TOKEN_LIST] = { "token_list", AUTHED("token_list"), AUTH },
	[STMT_TOKEN_CREATE] = { "token_create", AUTHED("token_create"), AUTH },
	[STMT_TOKEN_REVOKE] = { "token_revoke", AUTHED("token_revoke"), AUTH },
	[STMT_USER_LIST] = { "user_list", AUTHED("user_list"), AUTH },
	[STMT_USER_CREATE] = { "user_create", AUTHED("user_create"), AUTH },
	[STMT_USER_PATCH] = { "user_patch", AUTHED("user_patch"), AUTH },
	[STMT_USER_TOKEN_LIST] = { "user_token_list",
	    AUTHED("user_token_list"), AUTH },
	[STMT_USER_TOKEN_REVOKE] = { "user_token_revoke",
	    AUTHED("user_token_revoke"), AUTH },
	[STMT_ACCOUNTS_PAGE] = { "accounts_page", AUTHED("accounts_page"),
	    AUTH },
	[STMT_RISKS] = { "risks", AUTHED("risks"), AUTH },
	/*
	 * The digest kept whole (sql/api/98_kept.sql): the answer kept, if
	 * still true, or api.digest's document to make it from; then the
	 * answer made, to keep.
	 */
	[STMT_DIGEST] = { "digest_read", "SELECT w.who, r.doc, r.kept, "
	    "r.made FROM api.authorize($1::jsonb) w, api.digest_read(w.call) r",
	    "digest_read", 0, AUTH },
	[STMT_KEPT_PUT] = { "kept_put", AUTHED("kept_put"), AUTH },
	[STMT_PEOPLE_NAMED] = { "people_named", AUTHED("people_named"),
	    AUTH },
	[STMT_PORTFOLIO] = { "portfolio", AUTHED("portfolio"), AUTH },
	/* The portfolio page's body kept, or api.portfolio's document. */
	[STMT_PORTFOLIO_READ] = { "portfolio_read", "SELECT w.who, r.doc, "
	    "r.kept, r.key, r.made FROM api.authorize($1::jsonb) w, "
	    "api.portfolio_read(w.call) r", "portfolio_read", 0, AUTH | KEPT },
	/* The page kept (its marks to fill), or api.project_page's. */
	[STMT_PROJECT_PAGE] = { "project_page_read", "SELECT w.who, r.doc, "
	    "r.kept, r.key, r.made FROM api.authorize($1::jsonb) w, "
	    "api.project_page_read(w.call) r", "project_page_read", 0,
	    AUTH | KEPT },
	[STMT_PEOPLE_PAGE] = { "people_page", AUTHED("people_page"), AUTH },
	[STMT_THRESHOLD_PUT] = { "threshold_put", AUTHED("threshold_put"),
	    AUTH },
	[STMT_TEMPLATES_GET] = { "templates_get", AUTHED("templates_get"),
	    AUTH },
	[STMT_TEMPLATES_PUT] = { "templates_put", AUTHED("templates_put"),
	    AUTH },
	[STMT_METRICS] = { "metrics", AUTHED("metrics"), AUTH },
	[STMT_FEED] = { "feed", AUTHED("feed"), AUTH },
	[STMT_MAIL_PREFS_GET] = { "mail_prefs_get", AUTHED("mail_prefs_get"),
	    AUTH },
	[STMT_MAIL_PREFS_PATCH] = { "mail_prefs_patch",
	    AUTHED("mail_prefs_patch"), AUTH },
	[STMT_ME_MAIL_GET] = { "me_mail_get", AUTHED("me_mail_get"), AUTH },
	[STMT_ME_MAIL_PATCH] = { "me_mail_patch", AUTHED("me_mail_patch"),
	    AUTH },
	[STMT_WEBHOOK_LIST] = { "webhook_list", AUTHED("webhook_list"), AUTH },
	[STMT_WEBHOOK_CREATE] = { "webhook_create", AUTHED("webhook_create"),
	    AUTH },
	[STMT_WEBHOOK_DELETE] = { "webhook_delete", AUTHED("webhook_delete"),
	    AUTH },
	[STMT_OUTBOX_LIST] = { "outbox_list", AUTHED("outbox_list"), AUTH },
	[STMT_OUTBOX_RETRY] = { "outbox_retry", AUTHED("outbox_retry"), AUTH },
	[STMT_OUTBOX_SETTINGS] = { "outbox_settings",
	    AUTHED("outbox_settings"), AUTH },
	[STMT_ME] = { "me", AUTHED("me"), AUTH },
	[STMT_OWNERSHIP_TAKE] = { "ownership_take", AUTHED("ownership_take"),
	    AUTH },
};

const char *
stmt_name(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT ? stmts[s].name : "?");
}

const char *
stmt_sql(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT ? stmts[s].sql : NULL);
}

int
stmt_authed(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && (stmts[s].flags & AUTH));
}

int
stmt_bare(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && (stmts[s].flags & BARE));
}


/* The api.* function an authed statement calls, or NULL. */
const char *
stmt_function(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && (stmts[s].flags & AUTH) ?
	    stmts[s].fn : NULL);
}

int
stmt_kept(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && (stmts[s].flags & KEPT));
}

int
stmt_risks(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && stmts[s].risks);
}

const char *
stmt_idempotent_sql(void)
{
	return (idempotent_sql);
}

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

#define PLAIN(fn)	"SELECT api." fn "($1::jsonb)"
#define AUTHED(fn)	"SELECT w.who, api." fn "(w.call) "		\
			"FROM api.authorize($1::jsonb) w"
#define RISKS(fn)	"SELECT w.who, api.with_risk_facts(api." fn	\
			"(w.call), w.call) FROM api.authorize($1::jsonb) w"

struct stmt_def {
	const char	*name;
	const char	*sql;
	int		 authed;	/* checks who asks: two columns */
	int		 bare;		/* takes no parameter */
};

static const struct stmt_def stmts[STMT_COUNT] = {
	[STMT_HEALTH] = { "health", "SELECT 1", 0, 1 },
	[STMT_VOCABULARY] = { "vocabulary", "SELECT api.vocabulary()", 0, 1 },
	[STMT_ACCOUNTS_EXIST] = { "accounts_exist",
	    "SELECT api.accounts_exist()", 0, 1 },
	[STMT_LOGIN_LOOKUP] = { "login_lookup", PLAIN("login_lookup"), 0 },
	[STMT_LOGIN_RECORD] = { "login_record", PLAIN("login_record"), 0 },
	[STMT_LEDGER_WORK] = { "ledger_work", PLAIN("ledger_work"), 0 },
	[STMT_LEDGER_APPLY] = { "ledger_apply", PLAIN("ledger_apply"), 0 },

	[STMT_CTL_USER_LIST] = { "user_list", PLAIN("user_list"), 0 },
	[STMT_CTL_USER_CREATE] = { "user_create", PLAIN("user_create"), 0 },
	[STMT_CTL_USER_PATCH] = { "user_patch", PLAIN("user_patch"), 0 },
	[STMT_CTL_TOKEN_CREATE] = { "token_create", PLAIN("token_create"), 0 },

	[STMT_WHOAMI] = { "whoami", AUTHED("whoami"), 1 },
	[STMT_LOGOUT] = { "logout", AUTHED("logout"), 1 },
	[STMT_PERSON_LIST] = { "person_list", AUTHED("person_list"), 1 },
	[STMT_PERSON_CREATE] = { "person_create", AUTHED("person_create"), 1 },
	[STMT_PERSON_GET] = { "person_get", AUTHED("person_get"), 1 },
	[STMT_PERSON_PATCH] = { "person_patch", AUTHED("person_patch"), 1 },
	[STMT_PROJECT_CREATE] = { "project_create", AUTHED("project_create"),
	    1 },
	[STMT_PROJECT_CREATE_RISKS] = { "project_create+risks",
	    RISKS("project_create"), 1 },
	[STMT_PROJECT_GET_RISKS] = { "project_get+risks",
	    RISKS("project_get"), 1 },
	[STMT_PROJECT_PATCH] = { "project_patch", AUTHED("project_patch"), 1 },
	[STMT_PROJECT_PATCH_RISKS] = { "project_patch+risks",
	    RISKS("project_patch"), 1 },
	[STMT_PROJECT_STAGE] = { "project_stage", AUTHED("project_stage"), 1 },
	[STMT_PROJECT_STAGE_RISKS] = { "project_stage+risks",
	    RISKS("project_stage"), 1 },
	[STMT_PROJECT_HISTORY] = { "project_history",
	    AUTHED("project_history"), 1 },
	[STMT_PROJECT_RISK_FACTS] = { "project_risk_facts",
	    AUTHED("project_risk_facts"), 1 },
	[STMT_CHECKPOINT_CREATE] = { "checkpoint_create",
	    AUTHED("checkpoint_create"), 1 },
	[STMT_CHECKPOINT_GET] = { "checkpoint_get", AUTHED("checkpoint_get"),
	    1 },
	[STMT_CHECKPOINT_PATCH] = { "checkpoint_patch",
	    AUTHED("checkpoint_patch"), 1 },
	[STMT_CHECKPOINT_DELETE] = { "checkpoint_delete",
	    AUTHED("checkpoint_delete"), 1 },
	[STMT_OWNERSHIP_PUT] = { "ownership_put", AUTHED("ownership_put"), 1 },
	[STMT_OWNERSHIP_DELETE] = { "ownership_delete",
	    AUTHED("ownership_delete"), 1 },
	[STMT_HANDOFF_OFFER] = { "handoff_offer", AUTHED("handoff_offer"), 1 },
	[STMT_HANDOFF_ACCEPT] = { "handoff_accept", AUTHED("handoff_accept"),
	    1 },
	[STMT_TOKEN_LIST] = { "token_list", AUTHED("token_list"), 1 },
	[STMT_TOKEN_CREATE] = { "token_create", AUTHED("token_create"), 1 },
	[STMT_TOKEN_REVOKE] = { "token_revoke", AUTHED("token_revoke"), 1 },
	[STMT_USER_LIST] = { "user_list", AUTHED("user_list"), 1 },
	[STMT_USER_CREATE] = { "user_create", AUTHED("user_create"), 1 },
	[STMT_USER_PATCH] = { "user_patch", AUTHED("user_patch"), 1 },
	[STMT_RISKS] = { "risks", AUTHED("risks"), 1 },
	[STMT_DIGEST] = { "digest", AUTHED("digest"), 1 },
	[STMT_PORTFOLIO] = { "portfolio", AUTHED("portfolio"), 1 },
	[STMT_PROJECT_PAGE] = { "project_page", AUTHED("project_page"), 1 },
	[STMT_PEOPLE_PAGE] = { "people_page", AUTHED("people_page"), 1 },
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
	return ((unsigned)s < STMT_COUNT && stmts[s].authed);
}

int
stmt_bare(enum stmt s)
{
	return ((unsigned)s < STMT_COUNT && stmts[s].bare);
}


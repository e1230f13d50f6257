/*
 * routes: every route of the server, written down once.
 *
 * Kore's configuration sends every request here (one catch-all route in
 * conf/handoff.conf); this table says, for each path pattern (see
 * req_path()), which methods it takes, the least access each needs and
 * what runs it.  The Allow header of a 405, the access matrix the tests
 * walk and the API's description all come from this table.  A JSON API
 * method is one statement of the catalog (db.c) with the field tables its
 * body and query are checked against (fields.c).
 */
#include "handoff.h"
#include "page.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))
#define ROUTE(pattern, methods)	{ pattern, methods, NITEMS(methods), 0 }
/* A route whose GET may read a replica a few seconds behind (replica.c). */
#define ROUTE_LAG(pattern, methods) \
	{ pattern, methods, NITEMS(methods), 1 }

#define GET		HTTP_METHOD_GET
#define POST		HTTP_METHOD_POST
#define PUT		HTTP_METHOD_PUT
#define PATCH		HTTP_METHOD_PATCH
#define DELETE		HTTP_METHOD_DELETE

/* The JSON API ----------------------------------------------------------- */

static const struct api_method person_list = {
	STMT_PERSON_LIST, 200, NULL, person_list_query, NULL, 0, NULL
};
static const struct api_method person_create = {
	STMT_PERSON_CREATE, 201, person_create_body, NULL, "/api/v1/people/",
	0, NULL
};
static const struct api_method person_get = {
	STMT_PERSON_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method person_patch = {
	STMT_PERSON_PATCH, 200, person_patch_body, NULL, NULL, 0, NULL
};
static const struct api_method person_deactivation = {
	STMT_PERSON_DEACTIVATION, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method person_deactivate = {
	STMT_PERSON_DEACTIVATE, 200, person_deactivate_body, NULL, NULL, 0,
	NULL
};
static const struct api_method mail_prefs_get = {
	STMT_MAIL_PREFS_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method mail_prefs_patch = {
	STMT_MAIL_PREFS_PATCH, 200, mail_prefs_body, NULL, NULL, 0, NULL
};
static const struct api_method me_mail_get = {
	STMT_ME_MAIL_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method me_mail_patch = {
	STMT_ME_MAIL_PATCH, 200, mail_prefs_body, NULL, NULL, 0, NULL
};
static const struct api_method project_create = {
	STMT_PROJECT_CREATE_RISKS, 201, project_create_body, NULL,
	"/api/v1/projects/", 1, NULL
};
static const struct api_method project_get = {
	STMT_PROJECT_READ, 200, NULL, NULL, NULL, 1, NULL
};
static const struct api_method project_patch = {
	STMT_PROJECT_PATCH_RISKS, 200, project_patch_body, NULL, NULL, 1, NULL
};
static const struct api_method project_stage = {
	STMT_PROJECT_STAGE_RISKS, 200, stage_body, NULL, NULL, 1, NULL
};
static const struct api_method checkpoint_create = {
	STMT_CHECKPOINT_CREATE, 201, checkpoint_create_body, NULL,
	"/api/v1/checkpoints/", 0, NULL
};
static const struct api_method project_history = {
	STMT_PROJECT_HISTORY, 200, NULL, page_query, NULL, 0, NULL
};
static const struct api_method checkpoint_get = {
	STMT_CHECKPOINT_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method checkpoint_patch = {
	STMT_CHECKPOINT_PATCH, 200, checkpoint_patch_body, NULL, NULL, 0, NULL
};
static const struct api_method checkpoint_delete = {
	STMT_CHECKPOINT_DELETE, 204, NULL, NULL, NULL, 0, NULL
};
static const struct api_method readiness_get = {
	STMT_READINESS_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method readiness_patch = {
	STMT_READINESS_PATCH, 200, readiness_body, NULL, NULL, 0, NULL
};
static const struct api_method ownership_put = {
	STMT_OWNERSHIP_PUT, 200, ownership_body, NULL, NULL, 0, NULL
};
static const struct api_method ownership_delete = {
	STMT_OWNERSHIP_DELETE, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method ownership_take = {
	STMT_OWNERSHIP_TAKE, 200, take_body, NULL, NULL, 0, NULL
};
static const struct api_method ownership_copy = {
	STMT_OWNERSHIP_COPY, 200, ownership_copy_body, NULL, NULL, 0, NULL
};
static const struct api_method ownership_matrix_put = {
	STMT_OWNERSHIP_MATRIX_PUT, 200, ownership_matrix_body, NULL, NULL, 0,
	NULL
};
static const struct api_method responsibility_create = {
	STMT_RESPONSIBILITY_CREATE, 201, responsibility_create_body, NULL,
	NULL, 0, NULL
};
static const struct api_method responsibility_delete = {
	STMT_RESPONSIBILITY_DELETE, 204, NULL, NULL, NULL, 0, NULL
};
static const struct api_method handoff_offer = {
	STMT_HANDOFF_OFFER, 200, offer_body, NULL, NULL, 0, NULL
};
static const struct api_method handoff_accept = {
	STMT_HANDOFF_ACCEPT, 200, accept_body, NULL, NULL, 0, NULL
};
static const struct api_method token_list = {
	STMT_TOKEN_LIST, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method token_create = {
	STMT_TOKEN_CREATE, 201, token_body, NULL, "/api/v1/tokens/", 0,
	accounts_token_before
};
static const struct api_method token_revoke = {
	STMT_TOKEN_REVOKE, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method user_list = {
	STMT_USER_LIST, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method user_create = {
	STMT_USER_CREATE, 201, user_create_body, NULL, "/api/v1/users/", 0,
	NULL
};
static const struct api_method user_patch = {
	STMT_USER_PATCH, 200, user_patch_body, NULL, NULL, 0, NULL
};

static const struct api_method user_token_list = {
	STMT_USER_TOKEN_LIST, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method user_token_revoke = {
	STMT_USER_TOKEN_REVOKE, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method templates_get = {
	STMT_TEMPLATES_GET, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method templates_put = {
	STMT_TEMPLATES_PUT, 200, templates_body, NULL, NULL, 0, NULL
};

static const struct api_method webhook_list = {
	STMT_WEBHOOK_LIST, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method webhook_create = {
	STMT_WEBHOOK_CREATE, 201, webhook_body, NULL, NULL, 0,
	outbox_webhook_before
};
static const struct api_method webhook_delete = {
	STMT_WEBHOOK_DELETE, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method outbox_list = {
	STMT_OUTBOX_LIST, 200, NULL, outbox_query, NULL, 0, NULL
};
static const struct api_method outbox_retry = {
	STMT_OUTBOX_RETRY, 200, NULL, NULL, NULL, 0, NULL
};
static const struct api_method outbox_settings = {
	STMT_OUTBOX_SETTINGS, 200, outbox_settings_body, NULL, NULL, 0, NULL
};

/* Pipelines that are not one API function ---------------------------------- */

static const struct run_pipe healthz = { &healthz_ops, NULL };
static const struct run_pipe whoami = { &whoami_ops, NULL };
static const struct run_pipe logout_api = { &logout_ops, &login_json };
static const struct run_pipe logout_form = { &logout_ops, &login_form };
static const struct run_pipe login_page = { &login_page_ops, NULL };
static const struct run_pipe unsubscribe = { &unsubscribe_ops, NULL };
static const struct run_pipe tokens_page = { &tokens_ops, &tokens_show };
static const struct run_pipe tokens_new = { &tokens_ops, &tokens_create };
static const struct run_pipe tokens_gone = { &tokens_ops, &tokens_revoke };
static const struct run_pipe risks = { &risks_ops, NULL };
static const struct run_pipe project_risks = { &project_risks_ops, NULL };
static const struct run_pipe projects = { &projects_ops, NULL };
static const struct run_pipe digest_api = { &digest_ops, &digest_as_json };
static const struct run_pipe digest_page = { &digest_ops, &digest_as_html };
static const struct run_pipe digest_text = { &digest_ops, &digest_as_md };
static const struct run_pipe portfolio_csv = { &portfolio_csv_ops, NULL };
static const struct run_pipe risks_csv = { &risks_csv_ops, NULL };
static const struct run_pipe checkpoints_csv = { &checkpoints_csv_ops, NULL };
static const struct run_pipe ownership_csv = { &ownership_csv_ops, NULL };
static const struct run_pipe feed = { &feed_ops, NULL };
static const struct run_pipe model_card = { &model_card_ops, NULL };
static const struct run_pipe me = { &me_ops, NULL };

/* The routes ------------------------------------------------------------- */

#define M(method, access, run, arg)	{ method, access, run, arg }

static const struct route_method m_portfolio[] = {
	M(GET, ACCESS_VIEWER, run_page, &portfolio_view),
};
static const struct route_method m_login[] = {
	M(GET, ACCESS_PUBLIC, run_pipe, &login_page),
	M(POST, ACCESS_PUBLIC, run_login, &login_form),
};
/* The token in the link is the credential (unsubscribe.c). */
static const struct route_method m_unsubscribe[] = {
	M(GET, ACCESS_PUBLIC, run_pipe, &unsubscribe),
	M(POST, ACCESS_PUBLIC, run_pipe, &unsubscribe),
};
static const struct route_method m_logout[] = {
	M(POST, ACCESS_VIEWER, run_pipe, &logout_form),
};
static const struct route_method m_tokens[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &tokens_page),
	M(POST, ACCESS_VIEWER, run_pipe, &tokens_new),
};
static const struct route_method m_token_revoke[] = {
	M(POST, ACCESS_VIEWER, run_pipe, &tokens_gone),
};
static const struct route_method m_accounts[] = {
	M(GET, ACCESS_ADMIN, run_page, &accounts_view),
	M(POST, ACCESS_ADMIN, run_action, &account_new_action),
};
static const struct route_method m_account_role[] = {
	M(POST, ACCESS_ADMIN, run_action, &account_role_action),
};
static const struct route_method m_account_person[] = {
	M(POST, ACCESS_ADMIN, run_action, &account_person_action),
};
static const struct route_method m_account_password[] = {
	M(POST, ACCESS_ADMIN, run_action, &account_password_action),
};
static const struct route_method m_account_active[] = {
	M(POST, ACCESS_ADMIN, run_action, &account_active_action),
};
static const struct route_method m_account_unlock[] = {
	M(POST, ACCESS_ADMIN, run_action, &unlock_action),
};
static const struct run_pipe webhook_register = { &register_ops, NULL };
static const struct route_method m_webhook_register_form[] = {
	M(POST, ACCESS_ADMIN, run_pipe, &webhook_register),
};
static const struct route_method m_outbox_page[] = {
	M(GET, ACCESS_ADMIN, run_page, &outbox_view),
};
static const struct route_method m_outbox_retry_form[] = {
	M(POST, ACCESS_ADMIN, run_action, &outbox_retry_action),
};
static const struct route_method m_webhook_delete_form[] = {
	M(POST, ACCESS_ADMIN, run_action, &webhook_delete_action),
};
static const struct route_method m_kickoff[] = {
	M(GET, ACCESS_PM, run_page, &kickoff_view),
	M(POST, ACCESS_PM, run_action, &kickoff_action),
};
static const struct route_method m_people[] = {
	M(GET, ACCESS_VIEWER, run_page, &people_view),
	M(POST, ACCESS_PM, run_action, &person_action),
};
static const struct route_method m_person_deactivate[] = {
	M(GET, ACCESS_PM, run_page, &deactivate_view),
	M(POST, ACCESS_PM, run_action, &deactivate_action),
};
static const struct route_method m_person_active[] = {
	M(POST, ACCESS_PM, run_action, &active_action),
};
static const struct route_method m_threshold[] = {
	M(POST, ACCESS_ADMIN, run_action, &threshold_action),
};
static const struct route_method m_project_page[] = {
	M(GET, ACCESS_VIEWER, run_page, &project_view),
};
static const struct route_method m_templates_page[] = {
	M(GET, ACCESS_VIEWER, run_page, &templates_view),
	M(POST, ACCESS_PM, run_action, &templates_action),
};
static const struct route_method m_model_card[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &model_card),
};
static const struct route_method m_project_spec[] = {
	M(POST, ACCESS_PM, run_action, &spec_action),
};
static const struct route_method m_project_fields_form[] = {
	M(POST, ACCESS_PM, run_action, &project_fields_action),
};
static const struct route_method m_project_status_form[] = {
	M(POST, ACCESS_PM, run_action, &project_status_action),
};
static const struct route_method m_project_stage_form[] = {
	M(POST, ACCESS_PM, run_action, &stage_action),
};
static const struct route_method m_checkpoint_status[] = {
	M(POST, ACCESS_MEMBER, run_action, &status_action),
};
static const struct route_method m_checkpoint_new_form[] = {
	M(POST, ACCESS_PM, run_action, &checkpoint_new_action),
};
static const struct route_method m_checkpoint_delete_form[] = {
	M(POST, ACCESS_PM, run_action, &checkpoint_delete_action),
};
static const struct route_method m_resp_new_form[] = {
	M(POST, ACCESS_PM, run_action, &resp_new_action),
};
static const struct route_method m_resp_delete_form[] = {
	M(POST, ACCESS_PM, run_action, &resp_delete_action),
};
static const struct route_method m_checkpoint_owner_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &checkpoint_owner_action),
};
static const struct route_method m_plan_form[] = {
	M(POST, ACCESS_PM, run_action, &plan_action),
};
static const struct route_method m_readiness_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &readiness_action),
};
static const struct route_method m_checkpoint_due[] = {
	M(POST, ACCESS_MEMBER, run_action, &due_action),
};
static const struct route_method m_cell[] = {
	M(POST, ACCESS_MEMBER, run_action, &cell_action),
};
static const struct route_method m_matrix_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &matrix_action),
};
static const struct route_method m_copy_form[] = {
	M(POST, ACCESS_PM, run_action, &copy_action),
};
static const struct route_method m_offer_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &offer_action),
};
static const struct route_method m_accept_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &accept_action),
};
static const struct route_method m_me_page[] = {
	M(GET, ACCESS_VIEWER, run_page, &me_view),
};
static const struct route_method m_me_mail_page[] = {
	M(GET, ACCESS_VIEWER, run_page, &me_mail_view),
	M(POST, ACCESS_VIEWER, run_action, &me_mail_action),
};
static const struct route_method m_take_form[] = {
	M(POST, ACCESS_MEMBER, run_action, &take_action),
};
static const struct route_method m_digest[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &digest_page),
};
static const struct route_method m_digest_md[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &digest_text),
};
static const struct route_method m_portfolio_csv[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &portfolio_csv),
};
static const struct route_method m_risks_csv[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &risks_csv),
};
static const struct route_method m_checkpoints_csv[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &checkpoints_csv),
};
static const struct route_method m_ownership_csv[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &ownership_csv),
};
static const struct route_method m_feed[] = {
	M(GET, ACCESS_FEED, run_pipe, &feed),
};
static const struct route_method m_healthz[] = {
	M(GET, ACCESS_PUBLIC, run_pipe, &healthz),
};
static const struct route_method m_metrics[] = {
	M(GET, ACCESS_METRICS, run_metrics, NULL),
};
static const struct route_method m_asset[] = {
	M(GET, ACCESS_PUBLIC, run_asset, NULL),
};

static const struct route_method m_version[] = {
	M(GET, ACCESS_PUBLIC, run_version, NULL),
};
static const struct route_method m_openapi[] = {
	M(GET, ACCESS_PUBLIC, run_openapi, NULL),
};
static const struct route_method m_session[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &whoami),
	M(POST, ACCESS_PUBLIC, run_login, &login_json),
	M(DELETE, ACCESS_VIEWER, run_pipe, &logout_api),
};
static const struct route_method m_api_tokens[] = {
	M(GET, ACCESS_VIEWER, api_run, &token_list),
	M(POST, ACCESS_VIEWER, api_run, &token_create),
};
static const struct route_method m_api_token[] = {
	M(DELETE, ACCESS_VIEWER, api_run, &token_revoke),
};
static const struct route_method m_users[] = {
	M(GET, ACCESS_ADMIN, api_run, &user_list),
	M(POST, ACCESS_ADMIN, api_run, &user_create),
};
static const struct route_method m_user[] = {
	M(PATCH, ACCESS_ADMIN, api_run, &user_patch),
};
static const struct route_method m_user_tokens[] = {
	M(GET, ACCESS_ADMIN, api_run, &user_token_list),
	M(DELETE, ACCESS_ADMIN, api_run, &user_token_revoke),
};
static const struct route_method m_api_webhooks[] = {
	M(GET, ACCESS_ADMIN, api_run, &webhook_list),
	M(POST, ACCESS_ADMIN, api_run, &webhook_create),
};
static const struct route_method m_api_webhook[] = {
	M(DELETE, ACCESS_ADMIN, api_run, &webhook_delete),
};
static const struct route_method m_api_outbox[] = {
	M(GET, ACCESS_ADMIN, api_run, &outbox_list),
};
static const struct route_method m_api_outbox_retry[] = {
	M(POST, ACCESS_ADMIN, api_run, &outbox_retry),
};
static const struct route_method m_api_outbox_settings[] = {
	M(POST, ACCESS_ADMIN, api_run, &outbox_settings),
};
static const struct route_method m_api_people[] = {
	M(GET, ACCESS_VIEWER, api_run, &person_list),
	M(POST, ACCESS_PM, api_run, &person_create),
};
static const struct route_method m_api_person[] = {
	M(GET, ACCESS_VIEWER, api_run, &person_get),
	M(PATCH, ACCESS_PM, api_run, &person_patch),
};
static const struct route_method m_api_person_deactivation[] = {
	M(GET, ACCESS_VIEWER, api_run, &person_deactivation),
	M(POST, ACCESS_PM, api_run, &person_deactivate),
};
static const struct route_method m_api_person_mail[] = {
	M(GET, ACCESS_ADMIN, api_run, &mail_prefs_get),
	M(PATCH, ACCESS_ADMIN, api_run, &mail_prefs_patch),
};
static const struct route_method m_api_projects[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &projects),
	M(POST, ACCESS_PM, api_run, &project_create),
};
static const struct route_method m_api_project[] = {
	M(GET, ACCESS_VIEWER, api_run, &project_get),
	M(PATCH, ACCESS_PM, api_run, &project_patch),
};
static const struct route_method m_api_stage[] = {
	M(POST, ACCESS_PM, api_run, &project_stage),
};
static const struct route_method m_api_checkpoints[] = {
	M(POST, ACCESS_PM, api_run, &checkpoint_create),
};
static const struct route_method m_api_history[] = {
	M(GET, ACCESS_VIEWER, api_run, &project_history),
};
static const struct route_method m_api_checkpoint[] = {
	M(GET, ACCESS_VIEWER, api_run, &checkpoint_get),
	M(PATCH, ACCESS_MEMBER, api_run, &checkpoint_patch),
	M(DELETE, ACCESS_PM, api_run, &checkpoint_delete),
};
static const struct route_method m_api_readiness[] = {
	M(GET, ACCESS_VIEWER, api_run, &readiness_get),
	M(PATCH, ACCESS_MEMBER, api_run, &readiness_patch),
};
static const struct route_method m_api_ownership[] = {
	M(PUT, ACCESS_MEMBER, api_run, &ownership_put),
	M(DELETE, ACCESS_MEMBER, api_run, &ownership_delete),
};
static const struct route_method m_api_take[] = {
	M(POST, ACCESS_MEMBER, api_run, &ownership_take),
};
static const struct route_method m_api_me[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &me),
};
static const struct route_method m_api_me_mail[] = {
	M(GET, ACCESS_VIEWER, api_run, &me_mail_get),
	M(PATCH, ACCESS_VIEWER, api_run, &me_mail_patch),
};
static const struct route_method m_api_ownership_copy[] = {
	M(POST, ACCESS_PM, api_run, &ownership_copy),
};
static const struct route_method m_api_matrix[] = {
	M(PUT, ACCESS_MEMBER, api_run, &ownership_matrix_put),
};
static const struct route_method m_api_responsibilities[] = {
	M(POST, ACCESS_PM, api_run, &responsibility_create),
};
static const struct route_method m_api_responsibility[] = {
	M(DELETE, ACCESS_PM, api_run, &responsibility_delete),
};
static const struct route_method m_api_offer[] = {
	M(POST, ACCESS_MEMBER, api_run, &handoff_offer),
};
static const struct route_method m_api_accept[] = {
	M(POST, ACCESS_MEMBER, api_run, &handoff_accept),
};
static const struct route_method m_api_templates[] = {
	M(GET, ACCESS_VIEWER, api_run, &templates_get),
	M(PUT, ACCESS_PM, api_run, &templates_put),
};
static const struct route_method m_api_project_risks[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &project_risks),
};
static const struct route_method m_api_risks[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &risks),
};
static const struct route_method m_api_digest[] = {
	M(GET, ACCESS_VIEWER, run_pipe, &digest_api),
};

/* In the order they are tried: literal routes before the same pattern's
 * placeholders where both could match. */
static const struct route routes[] = {
	ROUTE_LAG("/", m_portfolio),
	ROUTE("/login", m_login),
	ROUTE("/unsubscribe", m_unsubscribe),
	ROUTE("/logout", m_logout),
	ROUTE("/tokens", m_tokens),
	ROUTE("/tokens/#token/revoke", m_token_revoke),
	ROUTE("/accounts", m_accounts),
	ROUTE("/accounts/#user/unlock", m_account_unlock),
	ROUTE("/accounts/#user/role", m_account_role),
	ROUTE("/accounts/#user/person", m_account_person),
	ROUTE("/accounts/#user/password", m_account_password),
	ROUTE("/accounts/#user/active", m_account_active),
	ROUTE("/outbox", m_outbox_page),
	ROUTE("/templates", m_templates_page),
	ROUTE("/outbox/#message/retry", m_outbox_retry_form),
	ROUTE("/outbox/webhooks", m_webhook_register_form),
	ROUTE("/outbox/webhooks/#webhook/delete", m_webhook_delete_form),
	ROUTE("/projects/new", m_kickoff),
	ROUTE_LAG("/people", m_people),
	ROUTE("/people/#person/active", m_person_active),
	ROUTE("/people/#person/deactivate", m_person_deactivate),
	ROUTE("/people/threshold", m_threshold),
	ROUTE_LAG("/projects/#project", m_project_page),
	ROUTE("/projects/#project/model-card.md", m_model_card),
	ROUTE("/projects/#project/spec", m_project_spec),
	ROUTE("/projects/#project/stage", m_project_stage_form),
	ROUTE("/projects/#project/edit", m_project_fields_form),
	ROUTE("/projects/#project/status", m_project_status_form),
	ROUTE("/projects/#project/plan", m_plan_form),
	ROUTE("/projects/#project/checkpoints", m_checkpoint_new_form),
	ROUTE("/projects/#project/checkpoints/#checkpoint/status",
	    m_checkpoint_status),
	ROUTE("/projects/#project/checkpoints/#checkpoint/owner",
	    m_checkpoint_owner_form),
	ROUTE("/projects/#project/checkpoints/#checkpoint/delete",
	    m_checkpoint_delete_form),
	ROUTE("/projects/#project/checkpoints/#checkpoint/due",
	    m_checkpoint_due),
	ROUTE("/projects/#project/readiness/:item", m_readiness_form),
	ROUTE("/projects/#project/ownership", m_matrix_form),
	ROUTE("/projects/#project/ownership-copy", m_copy_form),
	ROUTE("/projects/#project/ownership/:key/:role", m_cell),
	ROUTE("/projects/#project/ownership/:key/:role/take", m_take_form),
	ROUTE("/projects/#project/responsibilities", m_resp_new_form),
	ROUTE("/projects/#project/responsibilities/:key/delete",
	    m_resp_delete_form),
	ROUTE("/me", m_me_page),
	ROUTE("/me/mail", m_me_mail_page),
	ROUTE("/projects/#project/handoffs/:handoff/offer", m_offer_form),
	ROUTE("/projects/#project/handoffs/:handoff/accept", m_accept_form),
	ROUTE_LAG("/digest", m_digest),
	ROUTE_LAG("/digest.md", m_digest_md),
	ROUTE_LAG("/portfolio.csv", m_portfolio_csv),
	ROUTE_LAG("/risks.csv", m_risks_csv),
	ROUTE("/projects/#project/checkpoints.csv", m_checkpoints_csv),
	ROUTE("/projects/#project/ownership.csv", m_ownership_csv),
	ROUTE("/feeds/portfolio", m_feed),
	ROUTE("/feeds/projects/#project", m_feed),
	ROUTE("/feeds/people/#person", m_feed),
	ROUTE("/healthz", m_healthz),
	ROUTE("/metrics", m_metrics),
	ROUTE("/assets/*file", m_asset),

	ROUTE("/api/v1/version", m_version),
	ROUTE("/api/v1/openapi.json", m_openapi),
	ROUTE("/api/v1/session", m_session),
	ROUTE("/api/v1/tokens", m_api_tokens),
	ROUTE("/api/v1/tokens/#token", m_api_token),
	ROUTE("/api/v1/users", m_users),
	ROUTE("/api/v1/users/#user", m_user),
	ROUTE("/api/v1/users/#user/tokens", m_user_tokens),
	ROUTE("/api/v1/webhooks", m_api_webhooks),
	ROUTE("/api/v1/webhooks/#webhook", m_api_webhook),
	ROUTE("/api/v1/outbox", m_api_outbox),
	ROUTE("/api/v1/outbox/settings", m_api_outbox_settings),
	ROUTE("/api/v1/outbox/#message/retry", m_api_outbox_retry),
	ROUTE_LAG("/api/v1/people", m_api_people),
	ROUTE("/api/v1/people/#person", m_api_person),
	ROUTE("/api/v1/people/#person/mail", m_api_person_mail),
	ROUTE("/api/v1/people/#person/deactivation",
	    m_api_person_deactivation),
	ROUTE_LAG("/api/v1/projects", m_api_projects),
	ROUTE("/api/v1/projects/#project", m_api_project),
	ROUTE("/api/v1/projects/#project/stage", m_api_stage),
	ROUTE("/api/v1/projects/#project/checkpoints", m_api_checkpoints),
	ROUTE_LAG("/api/v1/projects/#project/history", m_api_history),
	ROUTE("/api/v1/projects/#project/readiness", m_api_readiness),
	ROUTE("/api/v1/projects/#project/ownership", m_api_matrix),
	ROUTE("/api/v1/projects/#project/ownership/copy",
	    m_api_ownership_copy),
	ROUTE("/api/v1/projects/#project/ownership/:key/:role",
	    m_api_ownership),
	ROUTE("/api/v1/projects/#project/ownership/:key/:role/take",
	    m_api_take),
	ROUTE("/api/v1/projects/#project/responsibilities",
	    m_api_responsibilities),
	ROUTE("/api/v1/projects/#project/responsibilities/:key",
	    m_api_responsibility),
	ROUTE("/api/v1/me", m_api_me),
	ROUTE("/api/v1/me/mail", m_api_me_mail),
	ROUTE("/api/v1/projects/#project/handoffs/:handoff/offer",
	    m_api_offer),
	ROUTE("/api/v1/projects/#project/handoffs/:handoff/accept",
	    m_api_accept),
	ROUTE("/api/v1/projects/#project/risks", m_api_project_risks),
	ROUTE("/api/v1/checkpoints/#checkpoint", m_api_checkpoint),
	ROUTE_LAG("/api/v1/risks", m_api_risks),
	ROUTE("/api/v1/templates", m_api_templates),
	ROUTE_LAG("/api/v1/digest", m_api_digest),
};

/* "GET, HEAD, POST": the methods a route takes, HEAD with GET. */
void
route_allow(const struct route *route, char *buf, size_t size)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	for (i = 0; i < route->nmethods; i++) {
		if (i > 0)
			sbuf_str(&b, ", ");
		sbuf_str(&b, http_method_text(route->methods[i].method));
		if (route->methods[i].method == HTTP_METHOD_GET)
			sbuf_str(&b, ", HEAD");
	}
	(void)snprintf(buf, size, "%s", sbuf_cstr(&b));
	sbuf_free(&b);
}

/*
 * The one handler Kore calls: find the route and its method, or answer
 * 404 (in JSON under /api/ and /healthz, as a page elsewhere) or 405.
 * Kore calls it again for every step of a request that waits for the
 * database; the route is found again each time (a few string compares).
 */
/*
 * The route of the request being dispatched, for the log and the metrics
 * of its answer (reply_send()): every answer is given during a call of
 * route_dispatch(), which Kore makes for each step of a request.
 */
static struct http_request	*cur_req;
static size_t			 cur_route;

size_t
route_index(const struct http_request *req)
{
	return (req == cur_req ? cur_route : NITEMS(routes));
}

int
route_dispatch(struct http_request *req)
{
	const struct route		*r;
	const struct route_method	*m;
	size_t				 i, j;
	int				 method;

	cur_req = req;
	cur_route = NITEMS(routes);
	log_request_begin(req);
	/* Refused before anything else: it may not say all it said. */
	if (req_headers_complete(req) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);

	method = req->method == HTTP_METHOD_HEAD ? HTTP_METHOD_GET :
	    req->method;
	for (i = 0; i < NITEMS(routes); i++) {
		r = &routes[i];
		if (req_path(req, r->pattern, NULL) != KORE_RESULT_OK)
			continue;
		cur_route = i;
		for (j = 0; j < r->nmethods; j++) {
			m = &r->methods[j];
			if (m->method == method)
				return (m->run(req, r, m));
		}
		return (reply_method_not_allowed(req, r));
	}

	reply_error(req, 404, "not_found", reply_is_api(req) ?
	    "no such API route" : "There is no page at this address.", NULL);
	return (KORE_RESULT_OK);
}

/* For the tests and the API's description: every route, in order. */
_Static_assert(NITEMS(routes) <= ROUTES_MAX, "raise ROUTES_MAX in handoff.h");

size_t
route_count(void)
{
	return (NITEMS(routes));
}

const struct route *
route_at(size_t i)
{
	return (i < NITEMS(routes) ? &routes[i] : NULL);
}

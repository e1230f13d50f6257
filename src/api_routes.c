/*
 * api_routes: every route of the JSON API under /api/v1, as data.
 *
 * For each route: the path pattern, the methods, for each method the SQL
 * function it calls (sql/00*_api_*.sql) and the fields its body and query
 * may carry.  The Kore route regexes and query-argument declarations that
 * lead here are in conf/handoff.conf.
 */
#include "handoff.h"
#include "facts.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define ROUTE(name, pattern, allow, methods)				\
	static const struct api_route name = {				\
		pattern, allow, methods, NITEMS(methods)		\
	}

/* Choices ------------------------------------------------------------------ */


/* Fields ----------------------------------------------------------------- */

#define LIMIT_OFFSET							\
	{ "limit", FIELD_INT, 0, 1, 200, NULL, NULL },			\
	{ "offset", FIELD_INT, 0, 0, 1000000, NULL, NULL }

#define END	{ NULL, 0, 0, 0, 0, NULL, NULL }

const struct field person_create_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "email", FIELD_EMAIL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, FIELD_REQUIRED, 0, 0, person_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct field person_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "email", FIELD_EMAIL, 0, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, person_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct field person_list_query[] = {
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, person_role_keys, NULL },
	LIMIT_OFFSET,
	END
};

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
	END
};

const struct field project_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "pm_id", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ "kickoff_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "target_launch_on", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_keys, NULL },
	{ "spec", FIELD_OBJECT, 0, 0, 0, NULL, spec_fields },
	{ "plan", FIELD_MAP, 0, 0, 0, stage_keys, plan_fields },
	END
};

static const struct field project_list_query[] = {
	{ "status", FIELD_ENUM, 0, 0, 0, project_status_keys, NULL },
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	LIMIT_OFFSET,
	END
};

const struct field stage_body[] = {
	{ "stage", FIELD_ENUM, FIELD_REQUIRED, 0, 0, stage_keys, NULL },
	{ "note", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	END
};

static const struct field checkpoint_create_body[] = {
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
	END
};

static const struct field ownership_body[] = {
	{ "person_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	END
};

const struct field offer_body[] = {
	{ "from_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "to_id", FIELD_ID, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "artifact_url", FIELD_URL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	END
};

const struct field token_body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 100, NULL, NULL },
	END
};

static const struct field user_create_body[] = {
	{ "email", FIELD_EMAIL, FIELD_REQUIRED, 0, 0, NULL, NULL },
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "role", FIELD_ENUM, FIELD_REQUIRED, 0, 0, user_role_keys, NULL },
	{ "password", FIELD_TEXT, FIELD_REQUIRED, SECRET_PASSWORD_MIN,
	    SECRET_PASSWORD_MAX, NULL, NULL },
	END
};

static const struct field user_patch_body[] = {
	{ "name", FIELD_LINE, 0, 1, 200, NULL, NULL },
	{ "role", FIELD_ENUM, 0, 0, 0, user_role_keys, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "password", FIELD_TEXT, 0, SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX,
	    NULL, NULL },
	END
};

static const struct field page_query[] = {
	LIMIT_OFFSET,
	END
};

/* Routes ----------------------------------------------------------------- */

static const struct api_method people_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.person_list($1::jsonb)", 200,
	    NULL, person_list_query, NULL, NULL, NULL },
	{ HTTP_METHOD_POST, ACCESS_PM,
	    "SELECT api.person_create($1::jsonb)", 201,
	    person_create_body, NULL, "/api/v1/people/", NULL, NULL },
};
ROUTE(people_route, "/api/v1/people", "GET, HEAD, POST", people_methods);

static const struct api_method person_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.person_get($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_PATCH, ACCESS_PM,
	    "SELECT api.person_patch($1::jsonb)", 200,
	    person_patch_body, NULL, NULL, NULL, NULL },
};
ROUTE(person_route, "/api/v1/people/#person", "GET, HEAD, PATCH",
    person_methods);

static const struct api_method projects_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.project_list($1::jsonb)", 200,
	    NULL, project_list_query, NULL, NULL, NULL },
	{ HTTP_METHOD_POST, ACCESS_PM,
	    "SELECT api.project_create($1::jsonb)", 201,
	    project_create_body, NULL, "/api/v1/projects/",
	    api_project_add_risks, NULL },
};
ROUTE(projects_route, "/api/v1/projects", "GET, HEAD, POST",
    projects_methods);

static const struct api_method project_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.project_get($1::jsonb)", 200,
	    NULL, NULL, NULL, api_project_add_risks, NULL },
	{ HTTP_METHOD_PATCH, ACCESS_PM,
	    "SELECT api.project_patch($1::jsonb)", 200,
	    project_patch_body, NULL, NULL, api_project_add_risks, NULL },
};
ROUTE(project_route, "/api/v1/projects/#project", "GET, HEAD, PATCH",
    project_methods);

static const struct api_method stage_methods[] = {
	{ HTTP_METHOD_POST, ACCESS_PM,
	    "SELECT api.project_stage($1::jsonb)", 200,
	    stage_body, NULL, NULL, api_project_add_risks, NULL },
};
ROUTE(stage_route, "/api/v1/projects/#project/stage", "POST",
    stage_methods);

static const struct api_method project_checkpoints_methods[] = {
	{ HTTP_METHOD_POST, ACCESS_PM,
	    "SELECT api.checkpoint_create($1::jsonb)", 201,
	    checkpoint_create_body, NULL, "/api/v1/checkpoints/", NULL, NULL },
};
ROUTE(project_checkpoints_route, "/api/v1/projects/#project/checkpoints",
    "POST", project_checkpoints_methods);

static const struct api_method history_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.project_history($1::jsonb)", 200,
	    NULL, page_query, NULL, NULL, NULL },
};
ROUTE(history_route, "/api/v1/projects/#project/history", "GET, HEAD",
    history_methods);

static const struct api_method checkpoint_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.checkpoint_get($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_PATCH, ACCESS_MEMBER,
	    "SELECT api.checkpoint_patch($1::jsonb)", 200,
	    checkpoint_patch_body, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_DELETE, ACCESS_PM,
	    "SELECT api.checkpoint_delete($1::jsonb)", 204,
	    NULL, NULL, NULL, NULL, NULL },
};
ROUTE(checkpoint_route, "/api/v1/checkpoints/#checkpoint",
    "GET, HEAD, PATCH, DELETE", checkpoint_methods);

static const struct api_method ownership_methods[] = {
	{ HTTP_METHOD_PUT, ACCESS_MEMBER,
	    "SELECT api.ownership_put($1::jsonb)", 200,
	    ownership_body, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_DELETE, ACCESS_MEMBER,
	    "SELECT api.ownership_delete($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
};
ROUTE(ownership_route, "/api/v1/projects/#project/ownership/:key/:role",
    "PUT, DELETE", ownership_methods);

static const struct api_method offer_methods[] = {
	{ HTTP_METHOD_POST, ACCESS_MEMBER,
	    "SELECT api.handoff_offer($1::jsonb)", 200,
	    offer_body, NULL, NULL, NULL, NULL },
};
ROUTE(offer_route, "/api/v1/projects/#project/handoffs/:handoff/offer",
    "POST", offer_methods);

static const struct api_method accept_methods[] = {
	{ HTTP_METHOD_POST, ACCESS_MEMBER,
	    "SELECT api.handoff_accept($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
};
ROUTE(accept_route, "/api/v1/projects/#project/handoffs/:handoff/accept",
    "POST", accept_methods);

static const struct api_method tokens_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_VIEWER,
	    "SELECT api.token_list($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_POST, ACCESS_VIEWER,
	    "SELECT api.token_create($1::jsonb)", 201,
	    token_body, NULL, "/api/v1/tokens/", NULL, accounts_token_before },
};
ROUTE(tokens_route, "/api/v1/tokens", "GET, HEAD, POST", tokens_methods);

static const struct api_method token_methods[] = {
	{ HTTP_METHOD_DELETE, ACCESS_VIEWER,
	    "SELECT api.token_revoke($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
};
ROUTE(token_route, "/api/v1/tokens/#token", "DELETE", token_methods);

static const struct api_method users_methods[] = {
	{ HTTP_METHOD_GET, ACCESS_ADMIN,
	    "SELECT api.user_list($1::jsonb)", 200,
	    NULL, NULL, NULL, NULL, NULL },
	{ HTTP_METHOD_POST, ACCESS_ADMIN,
	    "SELECT api.user_create($1::jsonb)", 201,
	    user_create_body, NULL, "/api/v1/users/", NULL,
	    accounts_user_before },
};
ROUTE(users_route, "/api/v1/users", "GET, HEAD, POST", users_methods);

static const struct api_method user_methods[] = {
	{ HTTP_METHOD_PATCH, ACCESS_ADMIN,
	    "SELECT api.user_patch($1::jsonb)", 200,
	    user_patch_body, NULL, NULL, NULL, accounts_user_before },
};
ROUTE(user_route, "/api/v1/users/#user", "PATCH", user_methods);

/* Kore handlers (see conf/handoff.conf) --------------------------------- */

int
api_tokens(struct http_request *req)
{
	return (api_dispatch(req, &tokens_route));
}

int
api_token(struct http_request *req)
{
	return (api_dispatch(req, &token_route));
}

int
api_users(struct http_request *req)
{
	return (api_dispatch(req, &users_route));
}

int
api_user(struct http_request *req)
{
	return (api_dispatch(req, &user_route));
}

int
api_people(struct http_request *req)
{
	return (api_dispatch(req, &people_route));
}

int
api_person(struct http_request *req)
{
	return (api_dispatch(req, &person_route));
}

int
api_projects(struct http_request *req)
{
	return (api_dispatch(req, &projects_route));
}

int
api_project(struct http_request *req)
{
	return (api_dispatch(req, &project_route));
}

int
api_project_stage(struct http_request *req)
{
	return (api_dispatch(req, &stage_route));
}

int
api_project_checkpoints(struct http_request *req)
{
	return (api_dispatch(req, &project_checkpoints_route));
}

int
api_project_history(struct http_request *req)
{
	return (api_dispatch(req, &history_route));
}

int
api_checkpoint(struct http_request *req)
{
	return (api_dispatch(req, &checkpoint_route));
}

int
api_ownership(struct http_request *req)
{
	return (api_dispatch(req, &ownership_route));
}

int
api_handoff_offer(struct http_request *req)
{
	return (api_dispatch(req, &offer_route));
}

int
api_handoff_accept(struct http_request *req)
{
	return (api_dispatch(req, &accept_route));
}

/*
 * api: the JSON API, driven by tables.
 *
 * Every API operation is the same few steps: find the method (db.c has
 * already settled who is asking and whether they may), read the path, the
 * query, the If-Match header and the body, check them
 * against the method's field tables, call one SQL function with a single
 * JSON request document, and reply with the document it returns.  The
 * tables live in api_routes.c; this file is the one copy of the steps.
 */
#include "handoff.h"
#include "facts.h"

struct api_ctx {
	const struct api_route	*route;
	const struct api_method	*method;
	json_t			*extra;	/* from before(): added to the reply */
};

static const struct api_method *api_method_for(const struct api_route *,
		    int);
static int	api_prepare(struct http_request *, struct db_call *);
static int	api_finish(struct http_request *, struct db_call *);

static void	api_cleanup(void *);

static const struct field no_fields[] = {
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct db_ops api_ops = {
	.ctx_size = sizeof(struct api_ctx),
	.prepare = api_prepare,
	.finish = api_finish,
	.cleanup = api_cleanup,
};

static void
api_cleanup(void *arg)
{
	struct api_ctx	*ctx = arg;

	json_decref(ctx->extra);
}

int
api_dispatch(struct http_request *req, const struct api_route *route)
{
	const struct api_method	*m;

	if ((m = api_method_for(route, req->method)) == NULL)
		return (reply_method_not_allowed(req, route->allow));
	return (db_run(req, &api_ops, route, m->access));
}

static const struct api_method *
api_method_for(const struct api_route *route, int method)
{
	size_t	i;

	if (method == HTTP_METHOD_HEAD)
		method = HTTP_METHOD_GET;
	for (i = 0; i < route->nmethods; i++) {
		if (route->methods[i].method == method)
			return (&route->methods[i]);
	}
	return (NULL);
}

static int
api_prepare(struct http_request *req, struct db_call *call)
{
	struct api_ctx		*ctx = db_ctx(call);
	const struct api_method	*m;
	const struct principal	*who;
	json_t			*path, *query, *body, *doc;
	const char		*csrf;
	long long		 if_match;
	struct verror		 verr;
	int			 ret;

	ctx->route = db_arg(call);
	m = ctx->method = api_method_for(ctx->route, req->method);
	who = db_who(call);

	/* A browser session must prove the write comes from our pages. */
	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD) {
		if (!http_request_header(req, "x-csrf-token", &csrf))
			csrf = NULL;
		if (!auth_csrf_ok(req, who, csrf)) {
			reply_error(req, 403, "csrf", "a write with a session "
			    "cookie needs the session's X-CSRF-Token header",
			    NULL);
			return (KORE_RESULT_ERROR);
		}
	}

	ret = KORE_RESULT_ERROR;
	body = NULL;
	path = json_object();
	query = json_object();

	if (req_path(req, ctx->route->pattern, path) != KORE_RESULT_OK) {
		reply_error(req, 404, "not_found", "no such resource", NULL);
		goto out;
	}
	if (req_if_match(req, &if_match) != KORE_RESULT_OK)
		goto out;
	if (m->query != NULL && req_query(req, m->query, query) !=
	    KORE_RESULT_OK)
		goto out;

	/* A route that takes no body takes {} at the most. */
	if (m->body != NULL || req->http_body_length > 0) {
		if (req_json_body(req, &body) != KORE_RESULT_OK)
			goto out;
		if (validate_object(body, m->body != NULL ? m->body :
		    no_fields, &verr) == -1) {
			reply_error(req, 400, "invalid", verr.message,
			    verr.field);
			goto out;
		}
		if (m->body == NULL) {
			json_decref(body);
			body = NULL;
		}
	}

	if ((doc = req_call_doc(who, if_match, path, query, body)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	/* before() may add to the request (a hash) and the reply (a secret). */
	if (m->before != NULL &&
	    m->before(req, doc, &ctx->extra) != KORE_RESULT_OK) {
		json_decref(doc);
		goto out;		/* it replied */
	}
	ret = db_push_json(call, m->sql, doc);
	if (ret == KORE_RESULT_OK && m->decorate != NULL &&
	    db_facts_push(call) < 0)
		ret = KORE_RESULT_ERROR;
out:
	json_decref(path);
	json_decref(query);
	json_decref(body);
	return (ret);
}

static int
api_finish(struct http_request *req, struct db_call *call)
{
	struct api_ctx		*ctx = db_ctx(call);
	const struct api_method	*m = ctx->method;
	json_t			*doc, *v;
	char			 hdr[64];

	if (m->status == 204) {
		reply_common_headers(req);
		http_response(req, 204, NULL, 0);
		return (DB_DONE);
	}

	if ((doc = db_json(call, 0)) == NULL) {
		kore_log(LOG_ERR, "api: %s %s: no document came back",
		    http_method_text(req->method), req->path);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (DB_DONE);
	}

	v = json_object_get(doc, "version");
	if (json_is_integer(v)) {
		(void)snprintf(hdr, sizeof(hdr), "\"%" JSON_INTEGER_FORMAT "\"",
		    json_integer_value(v));
		http_response_header(req, "etag", hdr);
	}

	v = json_object_get(doc, "id");
	if (m->location != NULL && json_is_integer(v)) {
		(void)snprintf(hdr, sizeof(hdr), "%s%" JSON_INTEGER_FORMAT,
		    m->location, json_integer_value(v));
		http_response_header(req, "location", hdr);
	}

	if (ctx->extra != NULL)
		json_object_update(doc, ctx->extra);

	if (m->decorate != NULL) {
		struct portfolio	pf;

		facts_init(&pf);
		if (db_facts_load(call, 1, &pf) == KORE_RESULT_OK)
			m->decorate(doc, &pf);
		facts_free(&pf);
	}

	reply_json(req, m->status, doc);
	return (DB_DONE);
}

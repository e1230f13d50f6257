/*
 * api: the JSON API, driven by tables.
 *
 * Every API operation is the same few steps: find the method, read the
 * path, the query, the If-Match and actor headers and the body, check them
 * against the method's field tables, call one SQL function with a single
 * JSON request document, and reply with the document it returns.  The
 * tables live in api_routes.c; this file is the one copy of the steps.
 */
#include "handoff.h"

struct api_ctx {
	const struct api_route	*route;
	const struct api_method	*method;
};

static int	api_prepare(struct http_request *, struct db_call *);
static int	api_finish(struct http_request *, struct db_call *);
static int	api_path(struct http_request *, const char *, json_t *);
static int	api_query(struct http_request *, const struct field *,
		    json_t *);

static const struct db_ops api_ops = {
	.ctx_size = sizeof(struct api_ctx),
	.prepare = api_prepare,
	.finish = api_finish,
};

int
api_dispatch(struct http_request *req, const struct api_route *route)
{
	return (db_run(req, &api_ops, route));
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
	json_t			*doc, *path, *query, *body;
	const char		*actor;
	long long		 if_match;
	char			*text, today[DATE_LEN];
	struct verror		 verr;
	int			 ret;

	ctx->route = db_arg(call);
	if ((m = api_method_for(ctx->route, req->method)) == NULL) {
		reply_method_not_allowed(req, ctx->route->allow);
		return (KORE_RESULT_ERROR);
	}
	ctx->method = m;

	ret = KORE_RESULT_ERROR;
	body = NULL;
	path = json_object();
	query = json_object();

	if (api_path(req, ctx->route->pattern, path) != KORE_RESULT_OK) {
		reply_error(req, 404, "not_found", "no such resource", NULL);
		goto out;
	}
	if (req_actor(req, &actor) != KORE_RESULT_OK ||
	    req_if_match(req, &if_match) != KORE_RESULT_OK)
		goto out;
	if (m->query != NULL && api_query(req, m->query, query) !=
	    KORE_RESULT_OK)
		goto out;

	if (m->body != NULL) {
		if (req_json_body(req, &body) != KORE_RESULT_OK)
			goto out;
		if (validate_object(body, m->body, &verr) == -1) {
			reply_error(req, 400, "invalid", verr.message,
			    verr.field);
			goto out;
		}
	}

	date_format(app_today(), today);
	doc = json_pack("{s:s, s:s, s:O, s:O, s:O*}", "actor", actor,
	    "today", today, "path", path, "query", query, "body", body);
	if (doc != NULL && if_match >= 0)
		json_object_set_new(doc, "if_match", json_integer(if_match));

	text = doc != NULL ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	if (text == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	ret = db_push(call, m->sql, text);
	free(text);
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

	if (m->decorate != NULL)
		m->decorate(req, doc);

	reply_json(req, m->status, doc);
	return (DB_DONE);
}

/*
 * Match req->path against a pattern such as
 * "/api/v1/projects/#project/ownership/:key/:role": "#name" captures a
 * positive integer id, ":name" a word.  The route's regex has already
 * checked the characters; this reads the values and their ranges.
 */
static int
api_path(struct http_request *req, const char *pattern, json_t *out)
{
	const char	*p, *s, *pe, *se;
	char		 name[32], value[72], *end;
	long long	 n;
	size_t		 plen, slen;

	p = pattern;
	s = req->path;
	while (*p != '\0' && *s != '\0') {
		if (*p++ != '/' || *s++ != '/')
			return (KORE_RESULT_ERROR);
		pe = strchr(p, '/');
		se = strchr(s, '/');
		plen = pe != NULL ? (size_t)(pe - p) : strlen(p);
		slen = se != NULL ? (size_t)(se - s) : strlen(s);

		if (*p == '#' || *p == ':') {
			if (plen - 1 >= sizeof(name) || slen == 0 ||
			    slen >= sizeof(value))
				return (KORE_RESULT_ERROR);
			memcpy(name, p + 1, plen - 1);
			name[plen - 1] = '\0';
			memcpy(value, s, slen);
			value[slen] = '\0';
			if (*p == '#') {
				errno = 0;
				n = strtoll(value, &end, 10);
				if (*end != '\0' || errno == ERANGE || n < 1)
					return (KORE_RESULT_ERROR);
				json_object_set_new(out, name,
				    json_integer(n));
			} else {
				json_object_set_new(out, name,
				    json_string(value));
			}
		} else if (plen != slen || strncmp(p, s, plen) != 0) {
			return (KORE_RESULT_ERROR);
		}
		p += plen;
		s += slen;
	}

	return (*p == '\0' && *s == '\0' ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

/* Declared query arguments (conf/handoff.conf) checked against fields. */
static int
api_query(struct http_request *req, const struct field *fields, json_t *out)
{
	const struct field	*f;
	char			*value;
	json_t			*v;
	struct verror		 verr;

	http_populate_qs(req);
	for (f = fields; f->name != NULL; f++) {
		if (!http_argument_get_string(req, f->name, &value))
			continue;
		if ((v = validate_query_value(f, value, &verr)) == NULL) {
			reply_error(req, 400, "invalid", verr.message,
			    verr.field);
			return (KORE_RESULT_ERROR);
		}
		json_object_set_new(out, f->name, v);
	}

	return (KORE_RESULT_OK);
}

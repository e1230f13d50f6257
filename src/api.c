/*
 * api: the JSON API, driven by the tables of routes.c.
 *
 * Every API method is the same few steps: read the path, the query, the
 * If-Match header and the body, check them against the method's field
 * tables, call one SQL function with a single JSON request document (who
 * is asking is checked in the same statement), and reply with the
 * document it returns.  This file is the one copy of the steps.
 */
#include "handoff.h"

struct api_ctx {
	const struct api_method	*method;
	json_t			*extra;	/* from before(): added to the reply */
	struct pwwrite		 pw;	/* a password to hash first */
};

static int	api_prepare(struct http_request *, struct pipe *);
static int	api_finish(struct http_request *, struct pipe *);
static void	api_cleanup(void *);

static const struct pipe_ops api_ops = {
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
	accounts_password_free(&ctx->pw);
}

int
api_run(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	return (pipe_run(req, route, &api_ops, m->arg, m->access));
}

static int
api_prepare(struct http_request *req, struct pipe *p)
{
	struct api_ctx		*ctx = pipe_ctx(p);
	const struct api_method	*m;
	json_t			*path, *query, *body, *doc;
	const char		*key;
	char			 hash[SECRET_HASH_LEN];
	long long		 if_match;
	int			 idem;
	struct verror		 verr;
	int			 ret;

	m = ctx->method = pipe_arg(p);
	ret = KORE_RESULT_ERROR;
	body = NULL;
	path = json_object();
	query = json_object();

	if (req_path(req, pipe_route(p)->pattern, path) != KORE_RESULT_OK) {
		reply_error(req, 404, "not_found", "no such resource", NULL);
		goto out;
	}
	if (req_if_match(req, &if_match) != KORE_RESULT_OK)
		goto out;
	if ((idem = req_idempotency_key(req, NULL, &key)) == -1)
		goto out;
	if (m->query != NULL && req_query(req, m->query, query) !=
	    KORE_RESULT_OK)
		goto out;

	/* A method that takes no body takes {} at the most. */
	if ((m->body != NULL && !fields_body_optional(m->body)) ||
	    req->http_body_length > 0) {
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

	if (body == NULL && m->body != NULL)
		body = json_object();

	/* The request as sent: before() may add to the body. */
	if (idem == 1)
		req_idempotency_hash(req, if_match, body, hash);
	if ((doc = req_call_doc(if_match, path, query, body)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	/* A password: who is asking first, then its hash, then the write. */
	switch (accounts_password_begin(req, p, &ctx->pw, m->stmt, doc,
	    idem == 1 ? key : NULL, hash)) {
	case 1:
		ret = KORE_RESULT_OK;
		/* FALLTHROUGH */
	case -1:
		json_decref(doc);
		goto out;
	}
	if (idem == 1)
		pipe_idem(p, key, hash);
	/* before() may add to the request (a hash) and the reply (a secret). */
	if (m->before != NULL &&
	    m->before(req, doc, &ctx->extra) != KORE_RESULT_OK) {
		json_decref(doc);
		goto out;		/* it replied */
	}
	if ((ret = pipe_send(p, m->stmt, doc)) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
out:
	json_decref(path);
	json_decref(query);
	json_decref(body);
	return (ret);
}

static int
api_finish(struct http_request *req, struct pipe *p)
{
	struct api_ctx		*ctx = pipe_ctx(p);
	const struct api_method	*m = ctx->method;
	json_t			*doc, *v;
	const char		*key;
	char			 hdr[64], etag[32];
	int			 flat, step;

	if ((step = accounts_password_step(req, p, &ctx->pw)) != -1)
		return (step);

	/* The first answer again, for a repeated Idempotency-Key. */
	if (pipe_replayed(p)) {
		http_response_header(req, "idempotent-replayed", "true");
		/* A secret is shown once: the first answer had it. */
		if (ctx->extra != NULL) {
			reply_error(req, 409, "conflict", "the first request "
			    "with this Idempotency-Key made it, and its "
			    "secret is shown only once: revoke it and make "
			    "another", "Idempotency-Key");
			return (PIPE_DONE);
		}
	}

	if (m->status == 204) {
		reply_common_headers(req);
		reply_send(req, 204, NULL, 0);
		return (PIPE_DONE);
	}

	if ((doc = pipe_result(p)) == NULL) {
		kore_log(LOG_ERR, "api: %s %s: no document came back",
		    http_method_text(req->method), req->path);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	if (m->risks && views_project_risks(doc, app_today()) == -1) {
		json_decref(doc);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}

	/*
	 * The version is the ETag (If-Match compares it).  It validates a
	 * read for If-None-Match only when it covers the whole document: a
	 * flat one, the row itself.  A project's or a checkpoint's carries
	 * what changes without its version (its risks, an owner's name).
	 */
	v = json_object_get(doc, "version");
	etag[0] = '\0';
	if (json_is_integer(v))
		(void)snprintf(etag, sizeof(etag), "\"%" JSON_INTEGER_FORMAT
		    "\"", json_integer_value(v));
	flat = 1;
	json_object_foreach(doc, key, v) {
		if (json_is_object(v) || json_is_array(v))
			flat = 0;
	}

	v = json_object_get(doc, "id");
	if (m->location != NULL && json_is_integer(v)) {
		(void)snprintf(hdr, sizeof(hdr), "%s%" JSON_INTEGER_FORMAT,
		    m->location, json_integer_value(v));
		http_response_header(req, "location", hdr);
	}

	if (ctx->extra != NULL)
		json_object_update(doc, ctx->extra);

	reply_json_tag(req, m->status, doc, etag[0] != '\0' ? etag : NULL,
	    etag[0] == '\0' || flat);
	return (PIPE_DONE);
}

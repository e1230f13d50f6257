/*
 * api: the JSON API, driven by the tables of routes.c.
 *
 * Every API method is the same few steps: read the path, the query, the
 * If-Match header and the body, check them against the method's field
 * tables, call one SQL function with a single JSON request document (who
 * is asking is checked in the same statement), and reply with the
 * document it returns.  This file is the one copy of the steps.
 *
 * A method whose answer is the same for everyone who may read it (a
 * project's document) is kept whole once made, as the digest is
 * (kept.c).
 */
#include "handoff.h"

struct api_ctx {
	const struct api_method	*method;
	json_t			*extra;	/* from before(): added to the reply */
	struct pwwrite		 pw;	/* a password to hash first */
	struct kept		 kept;
	char			 etag[32];
};

static int	api_prepare(struct http_request *, struct pipe *);
static int	api_finish(struct http_request *, struct pipe *);
static int	api_fail(struct http_request *, struct pipe *,
		    const struct db_error *);
static void	api_cleanup(void *);

static const struct pipe_ops api_ops = {
	.ctx_size = sizeof(struct api_ctx),
	.prepare = api_prepare,
	.finish = api_finish,
	.fail = api_fail,
	.cleanup = api_cleanup,
};

static void
api_cleanup(void *arg)
{
	struct api_ctx	*ctx = arg;

	json_decref(ctx->extra);
	accounts_password_free(&ctx->pw);
	kept_free(&ctx->kept);
}

/*
 * The key a kept method's answer is kept under: what the answer depends
 * on outside the database, the method, this code, today and the path.
 */
static void
api_key(struct http_request *req, struct api_ctx *ctx)
{
	char	today[DATE_LEN];

	if (!stmt_kept(ctx->method->stmt))
		return;
	date_format(app_today(), today);
	kept_key(&ctx->kept, "%s %s %s %s", stmt_name(ctx->method->stmt),
	    HANDOFF_VERSION, today, req->path);
}

/* A kept method's answer, with how it came (X-Handoff-Kept). */
static void
api_kept_reply(struct http_request *req, struct api_ctx *ctx,
    const char *text, const char *how)
{
	http_response_header(req, "x-handoff-kept", how);
	reply_json_text(req, ctx->method->status, text, ctx->etag[0] != '\0' ?
	    ctx->etag : NULL, 0);
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
	api_key(req, ctx);
	kept_ask(&ctx->kept, doc);
	if ((ret = pipe_send(p, m->stmt, doc)) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
out:
	json_decref(path);
	json_decref(query);
	json_decref(body);
	return (ret);
}

/*
 * A kept method's answer: the kept text, or the text made from the
 * document, kept by a second statement (when there is a key), then
 * answered.  The version (column 2) is the ETag either way.
 */
static int
api_kept_finish(struct http_request *req, struct pipe *p)
{
	struct api_ctx	*ctx = pipe_ctx(p);
	const char	*v, *text, *how;
	json_t		*doc, *snap;
	char		*made;
	int		 rc;

	if (!ctx->kept.putting && (v = pipe_value_at(p, 2)) != NULL)
		(void)snprintf(ctx->etag, sizeof(ctx->etag), "\"%s\"", v);
	switch (kept_step(&ctx->kept, p, 1, &text, &how)) {
	case KEPT_PUT:
		api_kept_reply(req, ctx, sbuf_cstr(&ctx->kept.made), how);
		return (PIPE_DONE);
	case KEPT_HIT:
		api_kept_reply(req, ctx, text, how);
		return (PIPE_DONE);
	case KEPT_MISS:
		break;
	}

	if ((doc = pipe_result(p)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	/* The snapshot goes with the put, not into the answer. */
	snap = json_incref(json_object_get(doc, "snap"));
	json_object_del(doc, "snap");
	made = NULL;
	if ((ctx->method->risks ? views_project_risks(doc, app_today()) :
	    0) == 0)
		made = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (made == NULL) {
		json_decref(snap);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	sbuf_str(&ctx->kept.made, made);
	free(made);
	rc = kept_put(&ctx->kept, p, json_string_value(snap));
	json_decref(snap);
	if (rc)
		return (PIPE_MORE);
	api_kept_reply(req, ctx, sbuf_cstr(&ctx->kept.made), "made");
	return (PIPE_DONE);
}

/* Keeping the text failed: it is answered all the same. */
static int
api_fail(struct http_request *req, struct pipe *p, const struct db_error *err)
{
	struct api_ctx	*ctx = pipe_ctx(p);

	if (kept_failed(&ctx->kept, "api", err))
		api_kept_reply(req, ctx, sbuf_cstr(&ctx->kept.made), "made");
	else
		reply_db_error(req, err);
	return (PIPE_DONE);
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
	if (stmt_kept(m->stmt))
		return (api_kept_finish(req, p));

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

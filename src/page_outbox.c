/*
 * page_outbox: the /outbox page (admins): the webhook and chat endpoints,
 * the outbox's counts and its messages of a status, dead letters by
 * default, each with a button that sends it again (api.outbox_list,
 * api.outbox_retry, api.webhook_delete).
 */
#include <stdio.h>
#include <string.h>

#include "handoff.h"
#include "doc.h"
#include "page.h"
#include "webhook.h"

#include <sodium.h>

static int
outbox_push(struct http_request *req, struct pipe *p, json_t *path)
{
	json_t	*query;
	int	 rc;

	(void)path;
	query = json_object();
	if (req_query(req, outbox_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (-1);
	}
	rc = page_send(req, p, STMT_OUTBOX_LIST, NULL, query);
	json_decref(query);
	return (rc);
}

static void
outbox_endpoint(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *e)
{
	long long	 id = doc_int(e, "id");
	json_t		*ev;
	size_t		 i;
	char		 form[48], action[64];

	html_printf(b, "<tr id=\"webhook-%lld\"><th scope=\"row\">%s</th>"
	    "<td>%s</td><td><code>%s</code></td><td>", id,
	    doc_str(e, "name"), doc_str(e, "channel"), doc_str(e, "url"));
	json_array_foreach(doc_arr(e, "events"), i, ev)
		html_printf(b, "%s<code>%s</code>", i > 0 ? " " : "",
		    json_string_value(ev));
	sbuf_str(b, "</td><td>");
	if (doc_int(e, "project_id") > 0)
		html_printf(b, "<a href=\"/projects/%lld\">project %lld</a>",
		    doc_int(e, "project_id"), doc_int(e, "project_id"));
	else
		sbuf_str(b, "all");
	sbuf_str(b, "</td><td>");
	(void)snprintf(form, sizeof(form), "webhook-%lld", id);
	(void)snprintf(action, sizeof(action), "/outbox/webhooks/%lld/delete",
	    id);
	form_open(b, ctx, fs, action, form, -1);
	html_printf(b, "<button type=\"submit\">Delete<span class=\""
	    "visually-hidden\"> %s</span></button>\n", doc_str(e, "name"));
	form_close(b);
	sbuf_str(b, "</td></tr>\n");
}

static void
outbox_message(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *m)
{
	long long	 id = doc_int(m, "id");
	const char	*status = doc_str(m, "status");
	char		 form[48], action[64];

	html_printf(b, "<tr id=\"message-%lld\"><th scope=\"row\"><code>%s"
	    "</code></th><td>%s</td><td>%s</td><td>%s</td><td>%lld</td>"
	    "<td>%s</td><td>%s</td><td>", id, doc_str(m, "msg_id"),
	    doc_str(m, "event"), doc_str(m, "channel"), status,
	    doc_int(m, "attempts"), doc_str(m, "created_at"),
	    doc_str(m, "last_error"));
	if (status != NULL && strcmp(status, "dead") == 0) {
		(void)snprintf(form, sizeof(form), "message-%lld", id);
		(void)snprintf(action, sizeof(action), "/outbox/%lld/retry",
		    id);
		form_open(b, ctx, fs, action, form, -1);
		html_printf(b, "<button type=\"submit\">Send again<span "
		    "class=\"visually-hidden\"> %s</span></button>\n",
		    doc_str(m, "msg_id"));
		form_close(b);
	}
	sbuf_str(b, "</td></tr>\n");
}

/*
 * Registering an endpoint: its name, URL, kind and events (a chat
 * endpoint takes digest.weekly and risk.opened only; the database says
 * so when another is ticked).  A webhook's secret is shown once, on the
 * page the form answers with.
 */
static void
outbox_register_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc)
{
	json_t		*ev;
	size_t		 i;

	sbuf_str(b, "<h3 id=\"register-h\">Register an endpoint</h3>\n");
	form_open(b, ctx, NULL, "/outbox/webhooks", "register", -1);
	sbuf_str(b, "<label for=\"register-name\">Name</label>\n"
	    "<input type=\"text\" id=\"register-name\" name=\"name\" "
	    "maxlength=\"100\" required>\n"
	    "<label for=\"register-url\">URL (https)</label>\n"
	    "<input type=\"url\" id=\"register-url\" name=\"url\" "
	    "maxlength=\"2000\" required>\n"
	    "<label for=\"register-channel\">Kind</label>\n"
	    "<select id=\"register-channel\" name=\"channel\">\n"
	    "<option value=\"webhook\">webhook (signed JSON)</option>\n"
	    "<option value=\"chat\">chat (Slack-compatible text: "
	    "digest.weekly and risk.opened)</option>\n</select>\n"
	    "<fieldset>\n<legend>Events</legend>\n");
	json_array_foreach(doc_arr(doc, "events"), i, ev)
		html_printf(b, "<label><input type=\"checkbox\" name=\"%s\" "
		    "value=\"on\"> <code>%s</code></label><br>\n",
		    json_string_value(ev), json_string_value(ev));
	sbuf_str(b, "</fieldset>\n<button type=\"submit\">Register</button>\n");
	form_close(b);
}

static void
outbox_render(struct http_request *req, json_t *doc, json_t *path,
    const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;
	json_t		*e, *counts = doc_obj(doc, "counts");
	const char	*shown = doc_str(doc, "status");
	size_t		 i;

	(void)path;
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	layout_begin(&b, "Outbox", &ctx);
	html_printf(&b, "<header class=\"page-head\"><h1>Outbox</h1>\n<p>"
	    "Every notification waits here until its endpoint takes it; a "
	    "failed one is tried again with a growing delay for a day, "
	    "then it is a dead letter, listed below until you send it "
	    "again. Endpoints are registered below (or with <code>POST "
	    "/api/v1/webhooks</code>); a webhook's signing secret is "
	    "shown once.</p>\n<p>%lld pending, %lld delivered, %lld dead"
	    "%s.</p></header>\n", doc_int(counts, "pending"),
	    doc_int(counts, "delivered"), doc_int(counts, "dead"),
	    doc_bool(doc, "allow_loopback") ? "; endpoints on the loopback "
	    "are allowed (tests)" : "");

	sbuf_str(&b, "<section aria-labelledby=\"endpoints-h\">\n<h2 "
	    "id=\"endpoints-h\">Endpoints</h2>\n<table class=\"accounts\">\n"
	    "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Channel"
	    "</th><th scope=\"col\">URL</th><th scope=\"col\">Events</th>"
	    "<th scope=\"col\">Projects</th><th scope=\"col\">Remove</th>"
	    "</tr></thead>\n<tbody>\n");
	json_array_foreach(doc_arr(doc, "endpoints"), i, e)
		outbox_endpoint(&b, &ctx, fs, e);
	sbuf_str(&b, "</tbody>\n</table>\n");
	outbox_register_form(&b, &ctx, doc);
	sbuf_str(&b, "</section>\n");

	html_printf(&b, "<section aria-labelledby=\"messages-h\">\n<h2 "
	    "id=\"messages-h\">Messages: %s</h2>\n<p><a href=\"/outbox?"
	    "status=dead\">dead</a> \u00b7 <a href=\"/outbox?status=pending"
	    "\">pending</a> \u00b7 <a href=\"/outbox?status=delivered\">"
	    "delivered</a> \u00b7 <a href=\"/outbox?status=all\">all</a>"
	    "</p>\n<table class=\"accounts\">\n<thead><tr><th scope=\"col\">"
	    "Message</th><th scope=\"col\">Event</th><th scope=\"col\">"
	    "Channel</th><th scope=\"col\">Status</th><th scope=\"col\">"
	    "Attempts</th><th scope=\"col\">Written</th><th scope=\"col\">"
	    "Last error</th><th scope=\"col\">Action</th></tr></thead>\n"
	    "<tbody>\n", shown != NULL ? shown : "dead");
	json_array_foreach(doc_arr(doc, "messages"), i, e)
		outbox_message(&b, &ctx, fs, e);
	sbuf_str(&b, "</tbody>\n</table>\n</section>\n");
	layout_end(&b);
	page_reply(req, status, &b);
}

const struct page_view outbox_view = {
	.push = outbox_push, .render = outbox_render
};

static const struct form_field no_form[] = {
	{ NULL, 0, NULL, NULL }
};

const struct page_action outbox_retry_action = {
	"message-%message", STMT_OUTBOX_RETRY, no_form, no_fields,
	"/outbox?status=pending", &outbox_view, NULL
};

const struct page_action webhook_delete_action = {
	"webhook-%webhook", STMT_WEBHOOK_DELETE, no_form, no_fields,
	"/outbox#endpoints-h", &outbox_view, NULL
};

/* POST /outbox/webhooks: the registration form ------------------------ */

struct register_call {
	char	 name[101];
	char	 secret[WEBHOOK_SECRET_LEN];	/* a webhook's, shown once */
	char	 error[1200];
};

/* The answer to the form: the secret once, or why not, and the way back. */
static void
register_page(struct http_request *req, struct register_call *rc, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;

	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	layout_begin(&b, "Register an endpoint", &ctx);
	if (status != 200)
		html_printf(&b, "<h1>The endpoint was not registered</h1>\n"
		    "<p class=\"form-notice\" role=\"alert\">%s</p>\n",
		    rc->error);
	else if (rc->secret[0] != '\0')
		html_printf(&b, "<h1>Endpoint registered</h1>\n<p>The signing "
		    "secret of %s, shown this once (handoff signs every "
		    "delivery with it; keep it with the receiver):</p>\n"
		    "<p><code id=\"webhook-secret\">%s</code></p>\n", rc->name,
		    rc->secret);
	else
		html_printf(&b, "<h1>Endpoint registered</h1>\n<p>%s has no "
		    "secret: a chat endpoint's URL is its secret.</p>\n",
		    rc->name);
	sbuf_str(&b, "<p><a href=\"/outbox\">Back to the outbox</a></p>\n");
	layout_end(&b);
	page_reply(req, status, &b);
}

static int
register_prepare(struct http_request *req, struct pipe *p)
{
	struct register_call	*rc = pipe_ctx(p);
	json_t			*form, *body, *doc, *v;
	struct sbuf		 events;
	struct verror		 verr;
	const char		*k, *url, *channel;
	char			 why[160];
	int			 ret;

	form = body = NULL;
	ret = KORE_RESULT_ERROR;
	if (req_form_body(req, &form) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);
	pipe_csrf(p, json_string_value(json_object_get(form, "csrf")));

	/* The ticked events (their names have a dot), comma-separated. */
	sbuf_init(&events);
	json_object_foreach(form, k, v) {
		if (strchr(k, '.') == NULL || json_string_value(v) == NULL ||
		    strcmp(json_string_value(v), "on") != 0)
			continue;
		if (events.len > 0)
			sbuf_char(&events, ',');
		sbuf_str(&events, k);
	}
	body = json_object();
	json_object_set(body, "name", json_object_get(form, "name"));
	json_object_set(body, "url", json_object_get(form, "url"));
	if (json_object_get(form, "channel") != NULL)
		json_object_set(body, "channel", json_object_get(form,
		    "channel"));
	json_object_set_new(body, "events", json_string(events.len > 0 ?
	    sbuf_cstr(&events) : ""));
	sbuf_free(&events);

	(void)snprintf(rc->name, sizeof(rc->name), "%s",
	    json_string_value(json_object_get(body, "name")) != NULL ?
	    json_string_value(json_object_get(body, "name")) : "");
	url = json_string_value(json_object_get(body, "url"));
	channel = json_string_value(json_object_get(body, "channel"));
	if (validate_object(body, webhook_body, &verr) == -1) {
		(void)snprintf(rc->error, sizeof(rc->error), "%s: %s",
		    verr.field, strcmp(verr.field, "events") == 0 ?
		    "tick at least one event" : verr.message);
		register_page(req, rc, 400);
		goto out;
	}
	if (webhook_url_check(url, 1, why, sizeof(why)) == -1) {
		(void)snprintf(rc->error, sizeof(rc->error), "url: %s", why);
		register_page(req, rc, 400);
		goto out;
	}
	/* As POST /api/v1/webhooks: the loopback flag, a webhook's secret. */
	doc = req_call_doc(-1, NULL, NULL, body);
	json_object_set_new(doc, "loopback", json_boolean(
	    webhook_url_check(url, 0, NULL, 0) == -1));
	if (channel == NULL || strcmp(channel, "webhook") == 0) {
		webhook_secret_new(rc->secret);
		json_object_set_new(doc, "secret", json_string(rc->secret));
	}
	if ((ret = pipe_send(p, STMT_WEBHOOK_CREATE, doc)) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	goto done;
out:
	ret = KORE_RESULT_ERROR;	/* answered: nothing to send */
done:
	json_decref(form);
	json_decref(body);
	return (ret);
}

static int
register_finish(struct http_request *req, struct pipe *p)
{
	struct register_call	*rc = pipe_ctx(p);

	json_decref(pipe_result(p));
	register_page(req, rc, 200);
	sodium_memzero(rc->secret, sizeof(rc->secret));
	return (PIPE_DONE);
}

static int
register_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	struct register_call	*rc = pipe_ctx(p);

	if (err->status != 400) {
		reply_db_error(req, err);
		return (PIPE_DONE);
	}
	(void)snprintf(rc->error, sizeof(rc->error), "%s%s%s",
	    err->field, err->field[0] != '\0' ? ": " : "", err->message);
	register_page(req, rc, 400);
	return (PIPE_DONE);
}

static void
register_cleanup(void *arg)
{
	struct register_call	*rc = arg;

	sodium_memzero(rc->secret, sizeof(rc->secret));
}

const struct pipe_ops register_ops = {
	.ctx_size = sizeof(struct register_call),
	.csrf_refusal = "This form has expired. Reload the page and try "
	    "again.",
	.prepare = register_prepare,
	.finish = register_finish,
	.fail = register_fail,
	.cleanup = register_cleanup,
};

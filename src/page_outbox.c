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
	    "again. Endpoints are registered with <code>POST "
	    "/api/v1/webhooks</code>, which shows a webhook's signing "
	    "secret once.</p>\n<p>%lld pending, %lld delivered, %lld dead"
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
	sbuf_str(&b, "</tbody>\n</table>\n</section>\n");

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
	outbox_push, outbox_render
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

/*
 * unsubscribe: the one-click unsubscribe link of every email (RFC 8058).
 *
 * GET /unsubscribe?t=TOKEN shows whose digest the link turns off and a
 * button (a plain form: no script needed); POST /unsubscribe?t=TOKEN
 * turns it off, which is also what a mail program's one-click POST
 * ("List-Unsubscribe=One-Click" in the body, ignored) does.  The token is
 * the credential: no sign-in, no CSRF token; the database makes and
 * checks it (sql/api/96_unsubscribe.sql: an HMAC of the person's id under
 * a key only it holds), and a malformed or forged one is a 403 that
 * changes nothing.  Each worker lets an address try UNSUB_BURST links,
 * then one a second (throttle.h), so tokens cannot be guessed in bulk.
 */
#include <sodium.h>

#include "handoff.h"
#include "page.h"
#include "throttle.h"

#define UNSUB_SLOTS		1024
#define UNSUB_BURST		60
#define UNSUB_PER_SECOND	1

static struct throttle	unsub_gate;
static int		unsub_gate_ready;

struct unsub_call {
	char	token[128];
};

static int
unsub_wait(struct http_request *req)
{
	unsigned char	seed[16];
	char		address[64], client[THROTTLE_KEY_LEN];

	if (!unsub_gate_ready) {
		randombytes_buf(seed, sizeof(seed));
		if (throttle_init(&unsub_gate, UNSUB_SLOTS, UNSUB_BURST,
		    UNSUB_PER_SECOND, seed) == -1)
			return (0);
		unsub_gate_ready = 1;
	}
	req_address(req, address, sizeof(address));
	throttle_client_key(address, client);
	return (throttle_take(&unsub_gate, client, kore_time_ms() / 1000.0));
}

static int
unsub_prepare(struct http_request *req, struct pipe *p)
{
	struct unsub_call	*c = pipe_ctx(p);
	json_t			*query, *body;
	char			 after[16];
	int			 ret, wait;

	if ((wait = unsub_wait(req)) > 0) {
		(void)snprintf(after, sizeof(after), "%d", wait);
		http_response_header(req, "retry-after", after);
		reply_error(req, 429, "too_many_attempts", "too many "
		    "unsubscribe attempts; try again later", NULL);
		return (KORE_RESULT_ERROR);
	}
	query = json_object();
	if (req_query(req, unsubscribe_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (KORE_RESULT_ERROR);
	}
	if (json_string_value(json_object_get(query, "t")) == NULL) {
		json_decref(query);
		reply_error(req, 400, "invalid", "t is required: the token of "
		    "the link in the email", "t");
		return (KORE_RESULT_ERROR);
	}
	(void)snprintf(c->token, sizeof(c->token), "%s",
	    json_string_value(json_object_get(query, "t")));
	body = json_pack("{s:b}", "confirm", req->method == HTTP_METHOD_POST);
	ret = pipe_send(p, STMT_UNSUBSCRIBE, req_call_doc(-1, NULL, query,
	    body));
	json_decref(body);
	json_decref(query);
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
unsub_finish(struct http_request *req, struct pipe *p)
{
	struct unsub_call	*c = pipe_ctx(p);
	struct page_ctx		 ctx;
	struct sbuf		 b;
	json_t			*doc;
	const char		*name, *digest;

	if ((doc = pipe_result(p)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	name = json_string_value(json_object_get(doc, "name"));
	digest = json_string_value(json_object_get(doc, "digest"));
	if (name == NULL || digest == NULL) {
		json_decref(doc);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	layout_begin(&b, "Unsubscribe", &ctx);
	sbuf_str(&b, "<section class=\"unsubscribe\">\n"
	    "<h1>The Monday digest by email</h1>\n");
	if (strcmp(digest, "none") == 0) {
		html_printf(&b, "<p id=\"unsubscribed\">Done: %s receives no "
		    "Monday digest by email any more. An administrator can "
		    "turn it on again.</p>\n", name);
	} else {
		html_printf(&b, "<p>Stop sending the Monday digest to "
		    "%s?</p>\n<form method=\"post\" action=\"/unsubscribe?t="
		    "%s\" id=\"unsubscribe\">\n<input type=\"hidden\" "
		    "name=\"List-Unsubscribe\" value=\"One-Click\">\n"
		    "<button type=\"submit\">Unsubscribe</button>\n"
		    "</form>\n", name, c->token);
	}
	sbuf_str(&b, "</section>\n");
	layout_end(&b);
	page_reply(req, 200, &b);
	json_decref(doc);
	return (PIPE_DONE);
}

const struct pipe_ops unsubscribe_ops = {
	.ctx_size = sizeof(struct unsub_call),
	.prepare = unsub_prepare,
	.finish = unsub_finish,
};

/*
 * reply: every response leaves through here, so every response carries the
 * same security headers and every error has one of two shapes: the JSON
 * error document on API paths, an HTML page elsewhere.
 */
#include <malloc.h>

#include "handoff.h"
#include "render.h"
#include "httpparse.h"

#define CSP	"default-src 'self'; img-src 'self' data:; "		\
		"style-src 'self'; script-src 'self'; object-src 'none'; " \
		"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/*
 * After an answer this large, what was allocated to make it (its
 * documents, the statement's result, Kore's copy of the body) is freed
 * soon after, but glibc keeps freed heap for the next allocation: the
 * worker would keep a portfolio-sized heap.  A moment later (the body is
 * sent by then, one trim for a burst of large answers), it is handed back.
 */
#define TRIM_AFTER_BYTES	(512 * 1024)
#define TRIM_DELAY_MS		200

static int	trim_pending;

static void	reply_trim(void *, u_int64_t);

static const char json_internal[] =
    "{\"error\":{\"code\":\"internal\",\"message\":\"internal error\"}}";

/*
 * Its line in the request log and its count in the metrics, for every
 * response.  A request that waited for the database is timed from its
 * first step (pipe.c keeps when that was); Kore resets req->start at
 * every step.
 */
static void
reply_sent(struct http_request *req, int status, size_t len)
{
	const struct req_state	*rs = req->hdlr_extra;
	uint64_t		 start, now, ms;

	start = req->start;
	if (rs != NULL && rs->magic == REQ_STATE_MAGIC && rs->start != 0)
		start = rs->start;
	now = kore_time_ms();
	ms = now > start ? now - start : 0;
	/* A HEAD's body is counted but never sent. */
	if (req->method == HTTP_METHOD_HEAD)
		len = 0;
	metrics_response(route_index(req), status, ms);
	log_request(req, status, len, ms);
	if (len >= TRIM_AFTER_BYTES && !trim_pending) {
		trim_pending = 1;
		(void)kore_timer_add(reply_trim, TRIM_DELAY_MS, NULL, 1);
	}
}

/*
 * Kore 4.1.0 offers a connection's write function 8 KB at a time at most
 * (NETBUF_SEND_PAYLOAD_MAX, compiled into the kore binary), so a 160 KB
 * page left in twenty send(2)s.  On a plain connection this offers the
 * kernel all that is left of the buffer being sent instead: it takes
 * what the socket's buffer holds and says how much, and Kore goes on from
 * there as after any short write.  TLS (net_write_tls) is left alone.
 */
static int
reply_write(struct connection *c, size_t len, size_t *written)
{
	if (c->snb != NULL && c->snb->b_len > c->snb->s_off)
		len = c->snb->b_len - c->snb->s_off;
	return (net_write(c, len, written));
}

/*
 * Kore's own write function again on every connection: they outlive
 * this module's code when it is unloaded (a reload).
 */
void
reply_unload(void)
{
	struct connection	*c;

	TAILQ_FOREACH(c, &connections, list)
		if (c->write == reply_write)
			c->write = net_write;
	TAILQ_FOREACH(c, &disconnected, list)
		if (c->write == reply_write)
			c->write = net_write;
}

/* What every answer's sending begins with. */
static void
reply_start(struct http_request *req)
{
	/* Which of several instances answered (app.c). */
	http_response_header(req, "x-handoff-instance", app_instance());
	if (req->owner != NULL && req->owner->write == net_write)
		req->owner->write = reply_write;
}

/* A response whose body Kore copies (http_response()). */
void
reply_send(struct http_request *req, int status, const void *data,
    size_t len)
{
	reply_start(req);
	http_response(req, status, data, len);
	reply_sent(req, status, len);
}

/* Kore has sent a body handed to it whole, or dropped its connection. */
static int
reply_stream_done(struct netbuf *nb)
{
	free(nb->extra);
	return (KORE_RESULT_OK);
}

/*
 * A built body handed over: Kore sends the bytes where they are rather
 * than copy them into its own buffers (a kept project page is 160 KB),
 * and frees them once sent.  b is left empty.  An error page is copied
 * as any other answer: given no body, Kore would draw its own for an
 * error status when http_pretty_error is set.
 */
static void
reply_send_owned(struct http_request *req, int status, struct sbuf *b)
{
	size_t	 len = 0;
	char	*data;

	data = sbuf_steal(b, &len);
	if (data == NULL || req->owner == NULL || status >= 400 ||
	    len == 0 || req->method == HTTP_METHOD_HEAD) {
		reply_send(req, status, data, len);
		free(data);
		return;
	}
	reply_start(req);
	http_response_stream(req, status, data, len, reply_stream_done, data);
	reply_sent(req, status, len);
}

static void
reply_trim(void *arg, u_int64_t now)
{
	(void)arg;
	(void)now;
	trim_pending = 0;
	(void)malloc_trim(0);
}

int
reply_is_api(struct http_request *req)
{
	return (strncmp(req->path, "/api/", 5) == 0 ||
	    strcmp(req->path, "/healthz") == 0 ||
	    strcmp(req->path, "/metrics") == 0 ||
	    strncmp(req->path, "/feeds/", 7) == 0);
}

void
reply_common_headers(struct http_request *req)
{
	char	id[LOG_ID_LEN];

	log_request_id(req, id);
	http_response_header(req, "x-request-id", id);
	http_response_header(req, "content-security-policy", CSP);
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "referrer-policy", "same-origin");
	/* Over TLS, browsers are told to stay on it. */
	if (req_is_tls(req))
		http_response_header(req, "strict-transport-security",
		    "max-age=31536000; includeSubDomains");
}

/* Takes over the reference to doc. */
void
reply_json(struct http_request *req, int status, json_t *doc)
{
	reply_json_tag(req, status, doc, NULL, 1);
}

/*
 * A read (GET or HEAD, 200) carries a strong validator: etag when given
 * (a resource's version, "3"), else a hash of the answer's bytes; and,
 * when the tag validates the whole answer (revalidate), an If-None-Match
 * that names it is answered 304 without a body.  A signed-in
 * answer may be kept by the client alone (private), and only to be
 * revalidated (no-cache); it depends on who asks (Vary).  Anything else
 * is not to be stored at all.  Takes over the reference to doc.
 */
void
reply_json_tag(struct http_request *req, int status, json_t *doc,
    const char *etag, int revalidate)
{
	char		*text;

	text = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);

	if (text == NULL) {
		reply_common_headers(req);
		kore_log(LOG_ERR, "reply: %s: cannot serialise JSON",
		    req->path);
		http_response_header(req, "content-type",
		    "application/json; charset=utf-8");
		http_response_header(req, "cache-control", "no-store");
		reply_send(req, 500, json_internal,
		    sizeof(json_internal) - 1);
		return;
	}
	reply_json_text(req, status, text, etag, revalidate);
	free(text);
}

/* The same, of a document already serialised (text, NUL-terminated). */
void
reply_json_text(struct http_request *req, int status, const char *text,
    const char *etag, int revalidate)
{
	const char	*match;
	char		 hash[SECRET_HASH_LEN], tag[32];
	int		 read;

	reply_common_headers(req);

	read = status == 200 && (req->method == HTTP_METHOD_GET ||
	    req->method == HTTP_METHOD_HEAD);
	if (etag == NULL && read) {
		secret_sha256_hex(text, hash);
		(void)snprintf(tag, sizeof(tag), "\"%.20s\"", hash);
		etag = tag;
	}
	if (etag != NULL)
		http_response_header(req, "etag", etag);
	if (!read) {
		http_response_header(req, "cache-control", "no-store");
	} else if (req_who(req) != NULL) {
		http_response_header(req, "cache-control",
		    "private, no-cache");
		http_response_header(req, "vary", "Authorization, Cookie");
	} else {
		http_response_header(req, "cache-control", "no-cache");
	}

	if (read && revalidate &&
	    http_request_header(req, "if-none-match", &match) &&
	    httpparse_etag_match(match, etag)) {
		/* No body, so no type: a client would try to parse one. */
		reply_send(req, 304, NULL, 0);
		return;
	}

	http_response_header(req, "content-type",
	    "application/json; charset=utf-8");
	reply_send(req, status, text, strlen(text));
}

/*
 * The headers of a built body: 0, or -1 having answered a buffer that ran
 * out of memory with a 500.
 */
static int
reply_built(struct http_request *req, const char *type, const struct sbuf *b)
{
	reply_common_headers(req);
	http_response_header(req, "cache-control", "no-store");

	if (sbuf_failed(b)) {
		kore_log(LOG_ERR, "reply: %s: answer could not be built",
		    req->path);
		http_response_header(req, "content-type",
		    "text/plain; charset=utf-8");
		reply_send(req, 500, "internal error\n", 15);
		return (-1);
	}
	http_response_header(req, "content-type", type);
	return (0);
}

/* A built document. */
void
reply_body(struct http_request *req, int status, const char *type,
    const struct sbuf *b)
{
	if (reply_built(req, type, b) == 0)
		reply_send(req, status, b->data, b->len);
}

/* A built page, its bytes handed over: b is left empty. */
void
reply_html(struct http_request *req, int status, struct sbuf *b)
{
	if (reply_built(req, "text/html; charset=utf-8", b) == 0)
		reply_send_owned(req, status, b);
}

/*
 * An error: JSON for the API ({"error": {code, message, field} with the
 * members of data, if any, beside them}), a page otherwise.
 */
static void
reply_error_data(struct http_request *req, int status, const char *code,
    const char *message, const char *field, json_t *data)
{
	const struct principal	*who;
	struct sbuf		 b;
	json_t			*err;

	if (status == 503)
		http_response_header(req, "retry-after", "2");

	/* Refused input is logged once, here, whoever refused it. */
	if (status == 400 || status == 413 || status == 415 ||
	    status == 431) {
		who = req_who(req);
		log_event(req, who != NULL ? who->email : NULL, "invalid",
		    "%d %s%s%s", status, field != NULL ? field : "",
		    field != NULL && *field != '\0' ? ": " : "", message);
	}

	if (reply_is_api(req)) {
		err = json_pack("{s:s, s:s}", "code", code,
		    "message", message);
		if (err != NULL && field != NULL && *field != '\0')
			json_object_set_new(err, "field", json_string(field));
		if (err != NULL && json_is_object(data))
			(void)json_object_update_missing(err, data);
		reply_json(req, status, json_pack("{s:o*}", "error", err));
		return;
	}

	sbuf_init(&b);
	layout_error_page(&b, status, status == 431 ?
	    "Request Header Fields Too Large" : http_status_text(status),
	    message);
	reply_html(req, status, &b);
	sbuf_free(&b);
}

void
reply_error(struct http_request *req, int status, const char *code,
    const char *message, const char *field)
{
	reply_error_data(req, status, code, message, field, NULL);
}

void
reply_db_error(struct http_request *req, const struct db_error *err)
{
	json_t	*data;

	data = err->data[0] != '\0' ? json_loads(err->data, 0, NULL) : NULL;
	reply_error_data(req, err->status, err->code, err->message,
	    err->field, data);
	json_decref(data);
}

int
reply_method_not_allowed(struct http_request *req, const struct route *route)
{
	char	allow[96];

	route_allow(route, allow, sizeof(allow));
	http_response_header(req, "allow", allow);
	reply_error(req, 405, "method_not_allowed",
	    "this method is not allowed here", NULL);

	return (KORE_RESULT_OK);
}

/* POST, then redirect, then GET: a reload never sends the form again. */
void
reply_redirect(struct http_request *req, const char *location)
{
	reply_common_headers(req);
	http_response_header(req, "location", location);
	reply_send(req, 303, NULL, 0);
}

/*
 * Link: <...>; rel="next" (and "prev") to the pages around [offset,
 * offset + limit) of total: the same path and query, other offset.
 */
void
reply_page_links(struct http_request *req, size_t offset, size_t limit,
    size_t total)
{
	struct sbuf	 b, q;
	const char	*s, *amp;
	size_t		 n;
	int		 k;

	sbuf_init(&q);
	for (s = req->query_string; s != NULL && *s != '\0'; s = amp) {
		amp = strchr(s, '&');
		n = amp != NULL ? (size_t)(amp - s) : strlen(s);
		if (n > 0 && strncmp(s, "offset=", 7) != 0 &&
		    strncmp(s, "limit=", 6) != 0) {
			sbuf_add(&q, s, n);
			sbuf_char(&q, '&');
		}
		if (amp != NULL)
			amp++;
	}
	sbuf_init(&b);
	for (k = 0; k < 2; k++) {
		if (k == 0 && offset + limit >= total)
			continue;
		if (k == 1 && offset == 0)
			continue;
		if (b.len > 0)
			sbuf_str(&b, ", ");
		sbuf_printf(&b, "<%s?%soffset=%zu&limit=%zu>; rel=\"%s\"",
		    req->path, sbuf_cstr(&q), k == 0 ? offset + limit :
		    offset > limit ? offset - limit : 0, limit,
		    k == 0 ? "next" : "prev");
	}
	/* The path and query were checked: no CR or LF can be in them. */
	if (b.len > 0 && !sbuf_failed(&b))
		http_response_header(req, "link", sbuf_cstr(&b));
	sbuf_free(&b);
	sbuf_free(&q);
}

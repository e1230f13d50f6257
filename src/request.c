/*
 * request: what a request says, read and checked in one place.
 *
 * Each function either hands back a well-formed value or replies with the
 * shared error format itself (and returns KORE_RESULT_ERROR), so a handler
 * only has to stop.  Facts of the connection (the client's address, TLS)
 * and who is asking, once known, are read here too.
 */
#include <arpa/inet.h>

#include "handoff.h"
#include "httpparse.h"

/*
 * The body, up to HANDOFF_BODY_MAX (413 above it, in the shared format).
 * The caller frees *out with kore_buf_free().
 */
static int
req_read_body(struct http_request *req, struct kore_buf **out)
{
	struct kore_buf	*buf;
	ssize_t		 n;
	u_int8_t	 chunk[4096];

	*out = NULL;
	if (req->http_body_length > HANDOFF_BODY_MAX) {
		reply_error(req, 413, "too_large",
		    "the body is larger than 64 KiB", NULL);
		return (KORE_RESULT_ERROR);
	}

	buf = kore_buf_alloc(req->http_body_length + 1);
	for (;;) {
		n = http_body_read(req, chunk, sizeof(chunk));
		if (n == -1) {
			reply_error(req, 400, "invalid_body",
			    "the body could not be read", NULL);
			kore_buf_free(buf);
			return (KORE_RESULT_ERROR);
		}
		if (n == 0)
			break;
		if (buf->offset + (size_t)n > HANDOFF_BODY_MAX) {
			reply_error(req, 413, "too_large",
			    "the body is larger than 64 KiB", NULL);
			kore_buf_free(buf);
			return (KORE_RESULT_ERROR);
		}
		kore_buf_append(buf, chunk, (size_t)n);
	}

	*out = buf;
	return (KORE_RESULT_OK);
}

/*
 * Why jansson refused a body, in words of our own: its text quotes the
 * bytes near the error ("near '...'"), which may be a password, and every
 * refusal is logged.  No part of a body ever reaches a message or a log
 * line; where the error is (line, column, byte) is enough to find it.
 */
static const char *
req_json_reason(const json_error_t *jerr)
{
	switch (json_error_code(jerr)) {
	case json_error_invalid_utf8:
		return ("invalid UTF-8");
	case json_error_premature_end_of_input:
		return ("the body ends before the JSON value does");
	case json_error_end_of_input_expected:
		return ("something follows the JSON value");
	case json_error_invalid_syntax:
		return ("a syntax error (a bad escape, a quote, a comma?)");
	case json_error_null_character:
	case json_error_null_byte_in_key:
		return ("a NUL character (\\u0000)");
	case json_error_duplicate_key:
		return ("an object gives the same key twice");
	case json_error_numeric_overflow:
		return ("a number too large");
	case json_error_stack_overflow:
		return ("values nested too deep");
	case json_error_out_of_memory:
		return ("out of memory");
	default:
		return ("it does not parse");
	}
}

/*
 * The JSON object in the body.  415 when it is not declared as JSON, 413
 * above HANDOFF_BODY_MAX, 400 when it does not parse (duplicate keys
 * included) or is not an object.  The caller owns *out.
 */
int
req_json_body(struct http_request *req, json_t **out)
{
	const char	*type;
	struct kore_buf	*buf;
	json_t		*doc;
	json_error_t	 jerr;
	char		 msg[320];

	*out = NULL;
	if (!http_request_header(req, "content-type", &type) ||
	    !httpparse_is_json_type(type)) {
		reply_error(req, 415, "unsupported_media_type",
		    "send the body as application/json", NULL);
		return (KORE_RESULT_ERROR);
	}
	if (req_read_body(req, &buf) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	doc = json_loadb((const char *)buf->data, buf->offset,
	    JSON_REJECT_DUPLICATES, &jerr);
	kore_buf_free(buf);
	if (doc == NULL) {
		(void)snprintf(msg, sizeof(msg), "the body is not valid JSON: "
		    "%s at line %d, column %d (byte %d)",
		    req_json_reason(&jerr), jerr.line, jerr.column,
		    jerr.position);
		reply_error(req, 400, "invalid_json", msg, NULL);
		return (KORE_RESULT_ERROR);
	}
	if (!json_is_object(doc)) {
		json_decref(doc);
		reply_error(req, 400, "invalid_json",
		    "the body must be a JSON object", NULL);
		return (KORE_RESULT_ERROR);
	}

	*out = doc;
	return (KORE_RESULT_OK);
}

/* An HTML form's fields as {name: value} (see formdata.c). */
int
req_form_body(struct http_request *req, json_t **out)
{
	const char	*type;
	struct kore_buf	*buf;
	char		 msg[128];
	int		 ret;

	*out = NULL;
	if (!http_request_header(req, "content-type", &type) ||
	    strncasecmp(type, "application/x-www-form-urlencoded", 33) != 0) {
		reply_error(req, 415, "unsupported_media_type",
		    "send the form as application/x-www-form-urlencoded", NULL);
		return (KORE_RESULT_ERROR);
	}
	if (req_read_body(req, &buf) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	ret = formdata_parse((const char *)buf->data, buf->offset, out, msg,
	    sizeof(msg));
	kore_buf_free(buf);
	if (ret == -1) {
		reply_error(req, 400, "invalid", msg, NULL);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/*
 * One argument of the query string, decoded (formdata.c): 0 absent, 1 in
 * *value (the caller frees it), -1 malformed or given twice.  Read here
 * rather than through Kore, whose parser drops any argument not declared
 * in its configuration and any value with a control character, which
 * would make "?week=x%0a" mean "no week".
 */
int
req_query_get(struct http_request *req, const char *name, char **value)
{
	*value = NULL;
	if (req->query_string == NULL)
		return (0);
	return (formdata_get(req->query_string, strlen(req->query_string),
	    name, value));
}

/*
 * The query arguments the route takes, checked against fields into out;
 * one that fails is a 400 naming it.  An empty value ("?stage=") means
 * "any", as an absent one.  Arguments the route does not take are
 * ignored.
 */
int
req_query(struct http_request *req, const struct field *fields, json_t *out)
{
	const struct field	*f;
	char			*value, msg[128];
	json_t			*v;
	struct verror		 verr;
	int			 rc;

	for (f = fields; f->name != NULL; f++) {
		if ((rc = req_query_get(req, f->name, &value)) == 0)
			continue;
		if (rc == -1) {
			(void)snprintf(msg, sizeof(msg), "%s is malformed or "
			    "given twice", f->name);
			reply_error(req, 400, "invalid", msg, f->name);
			return (KORE_RESULT_ERROR);
		}
		if (*value == '\0') {
			free(value);
			continue;
		}
		v = validate_query_value(f, value, &verr);
		free(value);
		if (v == NULL) {
			reply_error(req, 400, "invalid", verr.message,
			    verr.field);
			return (KORE_RESULT_ERROR);
		}
		json_object_set_new(out, f->name, v);
	}
	return (KORE_RESULT_OK);
}

/*
 * Kore 4.1.0 splits the header block into at most HTTP_REQ_HEADER_MAX - 1
 * lines (the request line and 23 headers) and drops every later header
 * without a word.  A dropped If-Match would turn a conditional write into
 * last-writer-wins, a dropped X-CSRF-Token or Authorization into a
 * misleading refusal: a request that reached the limit may have been cut,
 * so it is refused as a whole (431), whatever its method.  Host is kept
 * by Kore outside req_headers, so a full block shows as
 * HTTP_REQ_HEADER_MAX - 3 headers here.  A request with exactly 23
 * headers, not cut, is refused too: it cannot be told apart.  The framing
 * Kore got wrong is refused here as well (400): Transfer-Encoding, which
 * it ignores, and a Content-Length given twice or not as plain digits.
 */
int
req_headers_complete(struct http_request *req)
{
	struct http_header	*hdr;
	const char		*cl;
	int			 n, ncl;

	n = ncl = 0;
	cl = NULL;
	TAILQ_FOREACH(hdr, &req->req_headers, list) {
		n++;
		if (strcasecmp(hdr->header, "content-length") == 0) {
			ncl++;
			cl = hdr->value;
		}
		/*
		 * Kore reads a body by Content-Length only: with
		 * Transfer-Encoding as well, a proxy in front and kore
		 * would disagree on where the request ends.
		 */
		if (strcasecmp(hdr->header, "transfer-encoding") == 0) {
			reply_error(req, 400, "invalid", "Transfer-Encoding "
			    "is not supported: send the body with a "
			    "Content-Length", "Transfer-Encoding");
			return (KORE_RESULT_ERROR);
		}
	}
	if (n >= HTTP_REQ_HEADER_MAX - 3) {
		reply_error(req, 431, "too_many_headers", "the request has "
		    "more headers than the server reads (22 besides Host): "
		    "some may have been dropped, so it is not applied; send "
		    "fewer", NULL);
		return (KORE_RESULT_ERROR);
	}
	/* Kore takes the first of two and reads "+17" as 17. */
	if (ncl > 1 || (cl != NULL && (*cl == '\0' ||
	    strspn(cl, "0123456789") != strlen(cl)))) {
		reply_error(req, 400, "invalid", "Content-Length must be "
		    "given once, as digits", "Content-Length");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/*
 * If-Match: a single entity tag "N" names the version the client read;
 * *version is -1 when the header is absent or "*".  A weak tag W/"N" can
 * never match (If-Match compares strongly and ours are strong), which
 * *version = -2 says.
 */
int
req_if_match(struct http_request *req, long long *version)
{
	const char	*v;

	*version = -1;
	if (!http_request_header(req, "if-match", &v))
		return (KORE_RESULT_OK);
	if (httpparse_if_match(v, version) == 0)
		return (KORE_RESULT_OK);

	reply_error(req, 400, "invalid", "If-Match must be one entity tag "
	    "as given in ETag, like \"3\"", "If-Match");
	return (KORE_RESULT_ERROR);
}

/*
 * The Idempotency-Key of a POST (sql/api/90_idempotency.sql): 0 when
 * there is none (or the method is not POST: other writes are made safe
 * to repeat by If-Match), 1 with *key set, -1 having replied 400 naming
 * the header.  A form carries it as the field "_idem" instead (form:
 * its value, or NULL), since a browser sets no header on a form's post.
 */
int
req_idempotency_key(struct http_request *req, const char *form,
    const char **key)
{
	const char	*v, *name;
	char		 msg[160];

	*key = NULL;
	if (req->method != HTTP_METHOD_POST)
		return (0);
	name = "_idem";
	if ((v = form) == NULL) {
		name = "Idempotency-Key";
		if (!http_request_header(req, "idempotency-key", &v))
			return (0);
	}
	if (!httpparse_idem_key_ok(v)) {
		(void)snprintf(msg, sizeof(msg), "%s must be 1 to %d "
		    "printable ASCII characters (a UUID will do)", name,
		    HTTPPARSE_IDEM_MAX);
		reply_error(req, 400, "invalid", msg, name);
		return (-1);
	}
	*key = v;
	return (1);
}

/*
 * What a repeated request must repeat to be the same: SHA-256 (hex) of
 * its method, path, query string, If-Match and body (its JSON with the
 * keys sorted, so that spacing and key order do not matter), taken
 * before anything is added to the body.
 */
void
req_idempotency_hash(struct http_request *req, long long if_match,
    json_t *body, char hash[SECRET_HASH_LEN])
{
	struct sbuf	 b;
	char		*text;

	text = body != NULL ? json_dumps(body, JSON_COMPACT |
	    JSON_SORT_KEYS) : NULL;
	sbuf_init(&b);
	sbuf_printf(&b, "%s %s?%s\n%lld\n%s", http_method_text(req->method),
	    req->path, req->query_string != NULL ? req->query_string : "",
	    if_match, text != NULL ? text : "");
	secret_sha256_hex(sbuf_cstr(&b), hash);
	sbuf_free(&b);
	free(text);
}

/* Is s[0..n) made of characters of the class, and n within max? */
static int
segment_ok(const char *s, size_t n, size_t max, const char *extra)
{
	size_t	i;

	if (n == 0 || n > max)
		return (0);
	for (i = 0; i < n; i++) {
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_')
			continue;
		if (extra == NULL || s[i] == '\0' || strchr(extra, s[i]) ==
		    NULL)
			return (0);
	}
	return (1);
}

/*
 * Match req->path against a route pattern such as
 * "/api/v1/projects/#project/ownership/:key/:role": "#name" is a positive
 * integer id (up to 18 digits), ":name" a word of [a-z0-9_] (up to 64),
 * "*name" a file name of [A-Za-z0-9._-] (up to 128); anything else must be
 * the same.  The values go into out by name (out may be NULL: only match).
 */
int
req_path(struct http_request *req, const char *pattern, json_t *out)
{
	const char	*p, *s, *pe, *se;
	char		 name[32], value[136];
	long long	 n;
	size_t		 plen, slen, i;

	p = pattern;
	s = req->path;
	while (*p != '\0' && *s != '\0') {
		if (*p++ != '/' || *s++ != '/')
			return (KORE_RESULT_ERROR);
		pe = strchr(p, '/');
		se = strchr(s, '/');
		plen = pe != NULL ? (size_t)(pe - p) : strlen(p);
		slen = se != NULL ? (size_t)(se - s) : strlen(s);

		if (*p == '#' || *p == ':' || *p == '*') {
			if (plen - 1 >= sizeof(name) || slen >= sizeof(value))
				return (KORE_RESULT_ERROR);
			if ((*p == '#' && !segment_ok(s, slen, 18, NULL)) ||
			    (*p == ':' && !segment_ok(s, slen, 64, NULL)) ||
			    (*p == '*' && !segment_ok(s, slen, 128,
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ.-")))
				return (KORE_RESULT_ERROR);
			memcpy(name, p + 1, plen - 1);
			name[plen - 1] = '\0';
			memcpy(value, s, slen);
			value[slen] = '\0';
			if (*p == '#') {
				for (i = 0, n = 0; i < slen; i++) {
					if (value[i] < '0' || value[i] > '9')
						return (KORE_RESULT_ERROR);
					n = n * 10 + (value[i] - '0');
				}
				if (n < 1)
					return (KORE_RESULT_ERROR);
				if (out != NULL)
					json_object_set_new(out, name,
					    json_integer(n));
			} else if (out != NULL) {
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

/*
 * The request document of an api.* function (calldoc.c): which day, which
 * version the client read, the path, the query and the body.  Who is
 * asking is added by api.authorize() in the same statement (db.c).  The
 * caller owns the document.
 */
json_t *
req_call_doc(long long if_match, json_t *path, json_t *query, json_t *body)
{
	const struct calldoc	c = {
		.actor = NULL,
		.user_id = 0,
		.admin = 0,
		.today = app_today(),
		.if_match = if_match,
		.path = path,
		.query = query,
		.body = body,
	};

	return (calldoc_build(&c));
}

/* Who is asking, once the request's first statement said (pipe.c). */
const struct principal *
req_who(struct http_request *req)
{
	const struct req_state	*rs = req->hdlr_extra;

	if (rs == NULL || rs->magic != REQ_STATE_MAGIC || !rs->known ||
	    rs->who.user_id <= 0)
		return (NULL);
	return (&rs->who);
}

/*
 * The reverse proxies in front of kore (proxy.h), from
 * HANDOFF_TRUSTED_PROXIES, read in each worker at start.  An entry that
 * is not an address is said in the log and trusts nothing after it.
 */
static struct proxy_list	req_proxies;

int
req_init(void)
{
	char	bad[PROXY_ADDR_LEN];

	if (proxy_list_parse(getenv("HANDOFF_TRUSTED_PROXIES"), &req_proxies,
	    bad, sizeof(bad)) == -1)
		kore_log(LOG_ERR, "HANDOFF_TRUSTED_PROXIES: \"%s\" is not an "
		    "IP address (or one too many): trusting the %zu before it",
		    bad, req_proxies.n);
	return (KORE_RESULT_OK);
}

/* The address of the peer of the connection itself. */
static void
req_peer(struct http_request *req, char *buf, size_t size)
{
	struct connection	*c = req->owner;

	buf[0] = '\0';
	if (c == NULL)
		return;
	if (c->family == AF_INET)
		(void)inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, buf,
		    (socklen_t)size);
	else if (c->family == AF_INET6)
		(void)inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, buf,
		    (socklen_t)size);
	else
		(void)snprintf(buf, size, "local");
}

/* Does the request come from a trusted proxy? */
int
req_from_proxy(struct http_request *req)
{
	char	peer[PROXY_ADDR_LEN];

	if (req_proxies.n == 0)
		return (0);
	req_peer(req, peer, sizeof(peer));
	return (proxy_trusted(&req_proxies, peer));
}

/*
 * The client's address, for the session record, the sign-in budgets and
 * the log: the peer's, or, from a trusted proxy, the last hop of
 * X-Forwarded-For that is not one (proxy.h).
 */
void
req_address(struct http_request *req, char *buf, size_t size)
{
	char		 peer[PROXY_ADDR_LEN], client[PROXY_ADDR_LEN];
	const char	*xff;

	req_peer(req, peer, sizeof(peer));
	if (req_proxies.n == 0 || !http_request_header(req,
	    "x-forwarded-for", &xff)) {
		(void)snprintf(buf, size, "%s", peer);
		return;
	}
	proxy_client(&req_proxies, peer, xff, client);
	(void)snprintf(buf, size, "%s", client);
}

/*
 * Did the client's connection use TLS: kore's own, or a trusted proxy's
 * (X-Forwarded-Proto: https from an address of HANDOFF_TRUSTED_PROXIES;
 * from anyone else the header means nothing).  Cookies get Secure and
 * answers HSTS then.
 */
int
req_is_tls(struct http_request *req)
{
	const char	*proto;

	if (req->owner != NULL && req->owner->owner != NULL &&
	    req->owner->owner->server != NULL &&
	    req->owner->owner->server->tls)
		return (1);
	return (http_request_header(req, "x-forwarded-proto", &proto) &&
	    strcasecmp(proto, "https") == 0 && req_from_proxy(req));
}

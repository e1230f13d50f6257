/*
 * request: what a request says, read and checked in one place.
 *
 * Each function either hands back a well-formed value or replies with the
 * shared error format itself (and returns KORE_RESULT_ERROR), so a handler
 * only has to stop.
 */
#include "handoff.h"
#include "calldoc.h"
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
		    "%s (line %d, column %d)", jerr.text, jerr.line,
		    jerr.column);
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
 * The query arguments declared for the route (conf/handoff.conf) checked
 * against fields into out; one that fails is a 400 naming it.  Kore drops
 * empty values ("?stage="), so a missing argument and an empty one both
 * mean "any".  Parses the query string: call it once per request.
 */
int
req_query(struct http_request *req, const struct field *fields, json_t *out)
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
 * Match req->path against a pattern such as
 * "/api/v1/projects/#project/ownership/:key/:role": "#name" captures a
 * positive integer id, ":name" a word.  The route's regex has already
 * checked the characters; this reads the values and their ranges.
 */
int
req_path(struct http_request *req, const char *pattern, json_t *out)
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

/*
 * The single JSON argument of every api.* function (sql/0003): who, which
 * day, which version the client read, the path, the query and the body.
 * The caller owns the document.
 */
json_t *
req_call_doc(const struct principal *who, long long if_match, json_t *path,
    json_t *query, json_t *body)
{
	const struct calldoc	c = {
		.actor = who != NULL ? who->email : NULL,
		.user_id = who != NULL ? who->user_id : 0,
		.admin = who != NULL && who->access >= ACCESS_ADMIN,
		.today = app_today(),
		.if_match = if_match,
		.path = path,
		.query = query,
		.body = body,
	};

	return (calldoc_build(&c));
}

/*
 * request: what a request says, read and checked in one place.
 *
 * Each function either hands back a well-formed value or replies with the
 * shared error format itself (and returns KORE_RESULT_ERROR), so a handler
 * only has to stop.
 */
#include "handoff.h"

#define ACTOR_HEADER	"x-handoff-actor"
#define ACTOR_MAX	100

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
	ssize_t		 n;
	u_int8_t	 chunk[4096];
	char		 msg[320];
	int		 ret;

	*out = NULL;

	if (!http_request_header(req, "content-type", &type) ||
	    !req_is_json_type(type)) {
		reply_error(req, 415, "unsupported_media_type",
		    "send the body as application/json", NULL);
		return (KORE_RESULT_ERROR);
	}

	if (req->http_body_length > HANDOFF_BODY_MAX) {
		reply_error(req, 413, "too_large",
		    "the body is larger than 64 KiB", NULL);
		return (KORE_RESULT_ERROR);
	}

	buf = kore_buf_alloc(req->http_body_length + 1);
	ret = KORE_RESULT_ERROR;
	for (;;) {
		n = http_body_read(req, chunk, sizeof(chunk));
		if (n == -1) {
			reply_error(req, 400, "invalid_body",
			    "the body could not be read", NULL);
			goto out;
		}
		if (n == 0)
			break;
		if (buf->offset + (size_t)n > HANDOFF_BODY_MAX) {
			reply_error(req, 413, "too_large",
			    "the body is larger than 64 KiB", NULL);
			goto out;
		}
		kore_buf_append(buf, chunk, (size_t)n);
	}

	doc = json_loadb((const char *)buf->data, buf->offset,
	    JSON_REJECT_DUPLICATES, &jerr);
	if (doc == NULL) {
		(void)snprintf(msg, sizeof(msg), "the body is not valid JSON: "
		    "%s (line %d, column %d)", jerr.text, jerr.line,
		    jerr.column);
		reply_error(req, 400, "invalid_json", msg, NULL);
		goto out;
	}
	if (!json_is_object(doc)) {
		json_decref(doc);
		reply_error(req, 400, "invalid_json",
		    "the body must be a JSON object", NULL);
		goto out;
	}

	*out = doc;
	ret = KORE_RESULT_OK;
out:
	kore_buf_free(buf);
	return (ret);
}

/* "application/json", optionally with "; charset=utf-8". */
int
req_is_json_type(const char *type)
{
	const char	*p;

	if (strncasecmp(type, "application/json", 16) != 0)
		return (0);
	p = type + 16;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return (1);
	if (*p++ != ';')
		return (0);
	while (*p == ' ')
		p++;
	return (strcasecmp(p, "charset=utf-8") == 0);
}

/*
 * If-Match: a single entity tag, "N" or W/"N", names the version the client
 * read; *version is -1 when the header is absent or "*".
 */
int
req_if_match(struct http_request *req, long long *version)
{
	const char	*v, *p;
	char		*end;
	long long	 n;

	*version = -1;
	if (!http_request_header(req, "if-match", &v))
		return (KORE_RESULT_OK);

	while (*v == ' ')
		v++;
	if (strcmp(v, "*") == 0)
		return (KORE_RESULT_OK);

	p = v;
	if (strncmp(p, "W/", 2) == 0)
		p += 2;
	if (*p == '"' && p[1] >= '0' && p[1] <= '9') {
		errno = 0;
		n = strtoll(p + 1, &end, 10);
		if (errno == 0 && end[0] == '"' && end[1] == '\0' &&
		    n >= 0 && n <= INT32_MAX) {
			*version = n;
			return (KORE_RESULT_OK);
		}
	}

	reply_error(req, 400, "invalid", "If-Match must be one entity tag "
	    "as given in ETag, like \"3\"", "If-Match");
	return (KORE_RESULT_ERROR);
}

/*
 * Who is making this change.  Until accounts exist this is what the
 * X-Handoff-Actor header says, or "anonymous".
 */
int
req_actor(struct http_request *req, const char **actor)
{
	const char	*v, *p;

	*actor = "anonymous";
	if (!http_request_header(req, ACTOR_HEADER, &v))
		return (KORE_RESULT_OK);

	for (p = v; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	}
	if (*p != '\0' || *v == '\0' || strlen(v) > ACTOR_MAX ||
	    !validate_utf8(v, strlen(v))) {
		reply_error(req, 400, "invalid", "X-Handoff-Actor must be a "
		    "name of up to 100 characters", "X-Handoff-Actor");
		return (KORE_RESULT_ERROR);
	}

	*actor = v;
	return (KORE_RESULT_OK);
}

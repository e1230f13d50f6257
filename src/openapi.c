/*
 * openapi: GET /api/v1/openapi.json, the API's description (apidoc.h)
 * built from the route table as it is in this very module.
 *
 * Each worker builds the document once, on the first request for it, and
 * keeps its text and a strong entity tag (a hash of the text).  A route
 * without a description, or the other way round, makes the route answer
 * 500 with the list, and says so in the log: the integration tests fetch
 * the document, so a new route cannot go undescribed for long.
 */
#include "handoff.h"
#include "apidoc.h"
#include "httpparse.h"

#define OPENAPI_ERR_MAX		4096

static char	*openapi_text;
static size_t	 openapi_len;
static char	 openapi_etag[24];
static char	 openapi_err[OPENAPI_ERR_MAX];
static int	 openapi_built;

/* What the route table says of route r's method m (apidoc.h). */
static void
openapi_route(const struct route *r, const struct route_method *m,
    struct apidoc_route *out)
{
	const struct api_method	*am;

	memset(out, 0, sizeof(*out));
	out->method = http_method_text(m->method);
	out->pattern = r->pattern;
	out->access = m->access;
	if (m->run == api_run) {
		am = m->arg;
		out->status = am->status;
		out->body = am->body;
		out->query = am->query;
		out->location = am->location;
	}
}

static void
openapi_build(void)
{
	struct apidoc_route	*routes;
	const struct route	*r;
	json_t			*doc;
	char			 hash[SECRET_HASH_LEN];
	size_t			 i, j, n;

	openapi_built = 1;
	for (i = 0, n = 0; i < route_count(); i++)
		n += route_at(i)->nmethods;
	routes = kore_calloc(n, sizeof(*routes));
	for (i = 0, n = 0; i < route_count(); i++) {
		r = route_at(i);
		for (j = 0; j < r->nmethods; j++)
			openapi_route(r, &r->methods[j], &routes[n++]);
	}
	doc = apidoc_build(routes, n, apidoc_ops, apidoc_nops, openapi_err,
	    sizeof(openapi_err));
	kore_free(routes);
	if (doc == NULL) {
		kore_log(LOG_ERR, "openapi: the description does not match "
		    "the routes:\n%s", openapi_err);
		return;
	}
	openapi_text = json_dumps(doc, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(doc);
	if (openapi_text == NULL) {
		(void)snprintf(openapi_err, sizeof(openapi_err),
		    "cannot serialise the document");
		return;
	}
	openapi_len = strlen(openapi_text);
	secret_sha256_hex(openapi_text, hash);
	(void)snprintf(openapi_etag, sizeof(openapi_etag), "\"%.20s\"",
	    hash);
}

int
run_openapi(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	const char	*match;

	(void)route;
	(void)m;
	if (!openapi_built)
		openapi_build();
	if (openapi_text == NULL) {
		reply_error(req, 500, "internal", openapi_err, NULL);
		return (KORE_RESULT_OK);
	}

	/* Anyone may keep it, as long as they ask whether it changed. */
	reply_common_headers(req);
	http_response_header(req, "cache-control", "no-cache");
	http_response_header(req, "etag", openapi_etag);
	if (http_request_header(req, "if-none-match", &match) &&
	    httpparse_etag_match(match, openapi_etag)) {
		reply_send(req, 304, NULL, 0);
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "content-type",
	    "application/json; charset=utf-8");
	reply_send(req, 200, openapi_text, openapi_len);
	return (KORE_RESULT_OK);
}

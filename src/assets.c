/*
 * assets: GET /assets/NAME from the table built into the module.
 *
 * Only names that are in the table exist: there is no path to traverse.
 */
#include "handoff.h"
#include "assets.h"

static const struct asset	*asset_find(const char *);

static const struct asset *
asset_find(const char *name)
{
	size_t	i;

	for (i = 0; i < asset_count; i++) {
		if (strcmp(asset_table[i].name, name) == 0)
			return (&asset_table[i]);
	}

	return (NULL);
}

int
run_asset(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	const struct asset	*a;
	const char		*name, *match;

	(void)route;
	(void)m;
	name = req->path + strlen("/assets/");
	if ((a = asset_find(name)) == NULL) {
		reply_error(req, 404, "not_found", "no such file", NULL);
		return (KORE_RESULT_OK);
	}

	/* Kore's http_serveable() refuses HEAD, so this is its twin. */
	reply_common_headers(req);
	http_response_header(req, "cache-control", "no-cache");
	http_response_header(req, "etag", a->etag);

	if (http_request_header(req, "if-none-match", &match) &&
	    strcmp(match, a->etag) == 0) {
		reply_send(req, 304, NULL, 0);
		return (KORE_RESULT_OK);
	}

	http_response_header(req, "content-type", a->type);
	reply_send(req, 200, a->data, a->len);

	return (KORE_RESULT_OK);
}

/*
 * api_health: is the server up, and can it reach its database?
 *
 * GET /healthz answers 200 {"status":"ok","db":"ok"} or, when the database
 * does not answer, 503 {"status":"degraded","db":"unreachable"}.
 * GET /api/v1/version is a constant route: what handoff is, no I/O.
 */
#include "handoff.h"

#define HANDOFF_VERSION		"0.1.0"

static int	healthz_prepare(struct http_request *, struct db_call *);
static int	healthz_finish(struct http_request *, struct db_call *);
static int	healthz_fail(struct http_request *, struct db_call *,
		    const struct db_error *);

static const struct db_ops healthz_ops = {
	.prepare = healthz_prepare,
	.finish = healthz_finish,
	.fail = healthz_fail,
};

int
api_healthz(struct http_request *req)
{
	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (reply_method_not_allowed(req, "GET, HEAD"));

	return (db_run(req, &healthz_ops, NULL, ACCESS_PUBLIC));
}

static int
healthz_prepare(struct http_request *req, struct db_call *call)
{
	(void)req;
	return (db_push0(call, "SELECT 1"));
}

static int
healthz_finish(struct http_request *req, struct db_call *call)
{
	const char	*one;

	one = db_value(call, 0, 0, 0);
	if (one == NULL || strcmp(one, "1") != 0)
		return (healthz_fail(req, call, NULL));

	reply_json(req, 200, json_pack("{s:s, s:s}", "status", "ok",
	    "db", "ok"));
	return (DB_DONE);
}

static int
healthz_fail(struct http_request *req, struct db_call *call,
    const struct db_error *err)
{
	(void)call;
	(void)err;

	http_response_header(req, "retry-after", "2");
	reply_json(req, 503, json_pack("{s:s, s:s}", "status", "degraded",
	    "db", "unreachable"));
	return (DB_DONE);
}

int
api_version(struct http_request *req)
{
	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (reply_method_not_allowed(req, "GET, HEAD"));

	reply_json(req, 200, json_pack("{s:s, s:s}", "name", "handoff",
	    "version", HANDOFF_VERSION));
	return (KORE_RESULT_OK);
}

/*
 * api_health: is the server up, and can it reach its database?
 *
 * GET /healthz answers 200 {"status":"ok","db":"ok"} or, when the database
 * does not answer, 503 {"status":"degraded","db":"unreachable"}.  With a
 * read replica (replica.c) both also say "replica": "ok", "lagging",
 * "down" or "not_standby" and "replica_lag_ms", as this worker's last
 * probe found it; a replica that is not "ok" is skipped, not an outage.
 * GET /api/v1/version is a constant route: what handoff is, no I/O.
 */
#include "handoff.h"

static int	healthz_prepare(struct http_request *, struct pipe *);
static int	healthz_finish(struct http_request *, struct pipe *);
static int	healthz_fail(struct http_request *, struct pipe *,
		    const struct db_error *);

const struct pipe_ops healthz_ops = {
	.prepare = healthz_prepare,
	.finish = healthz_finish,
	.fail = healthz_fail,
};

/* {"status", "db"} and, with a replica, its state and lag. */
static json_t *
healthz_doc(const char *status, const char *db)
{
	json_t		*doc;
	uint64_t	 lag;
	int		 state;

	doc = json_pack("{s:s, s:s}", "status", status, "db", db);
	state = replica_state(&lag);
	if (doc != NULL && state != REPLICA_OFF) {
		json_object_set_new(doc, "replica",
		    json_string(replica_state_name(state)));
		json_object_set_new(doc, "replica_lag_ms",
		    json_integer((json_int_t)lag));
	}
	return (doc);
}

static int
healthz_prepare(struct http_request *req, struct pipe *p)
{
	(void)req;
	return (pipe_send(p, STMT_HEALTH, json_object()));
}

static int
healthz_finish(struct http_request *req, struct pipe *p)
{
	const char	*one;

	one = pipe_value(p);
	if (one == NULL || strcmp(one, "1") != 0)
		return (healthz_fail(req, p, NULL));

	reply_json(req, 200, healthz_doc("ok", "ok"));
	return (PIPE_DONE);
}

static int
healthz_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	(void)p;
	(void)err;

	http_response_header(req, "retry-after", "2");
	reply_json(req, 503, healthz_doc("degraded", "unreachable"));
	return (PIPE_DONE);
}

int
run_version(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	(void)route;
	(void)m;
	reply_json(req, 200, json_pack("{s:s, s:s}", "name", "handoff",
	    "version", HANDOFF_VERSION));
	return (KORE_RESULT_OK);
}

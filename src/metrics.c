/*
 * metrics: GET /metrics, the whole server's counters in Prometheus' text
 * format (expo.h), whichever worker answers the scrape.
 *
 * The counters live in one segment of shared memory, mapped
 * MAP_SHARED|MAP_ANONYMOUS when the module is loaded in Kore's parent,
 * before the workers fork: every worker inherits the same pages, and
 * counts into them with C11 atomics, so no lock is ever taken.  A worker
 * that dies and is respawned forks from the same parent and finds them
 * again.  On SIGHUP Kore unloads the module and loads it again (in the
 * parent, and in the workers that can see the file): the pages stay
 * mapped, and the new copy of the module finds them by the address its
 * first copy left in the environment (METRICS_ENV), so nothing resets.
 *
 * Counters only ever grow; the two gauges of the database pool are kept
 * per worker (a slot by worker id, zeroed when a new process takes it)
 * and summed.  The open risks come from the database, in the one
 * statement a scrape sends (api.metrics, sql/api/80_metrics.sql).
 *
 * Who may read it: a client on the loopback (127.0.0.0/8, ::1, the
 * address after the trusted proxies of proxy.h; never a request forwarded
 * by a proxy that is not trusted), or a token with the
 * "metrics" scope (sql/0016_token_scope.sql), which api.authorize()
 * checks in the same statement and refuses everywhere else.
 */
#include <sys/mman.h>

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "handoff.h"
#include "expo.h"

#define METRICS_ENV		"HANDOFF_METRICS_SEGMENT"
#define METRICS_MAGIC		0x68666d6574726963ULL	/* "hfmetric" */
#define METRICS_ROUTES		(ROUTES_MAX + 1)	/* and "(none)" */
#define METRICS_STATUSES	500	/* 100 .. 599 */
#define METRICS_WORKERS		64

struct metrics_route {
	_Atomic uint64_t	status[METRICS_STATUSES];
	_Atomic uint64_t	bucket[EXPO_NBUCKETS];	/* not cumulative */
	_Atomic uint64_t	sum_ms;
};

struct metrics_worker {
	_Atomic long		pid;
	_Atomic int64_t		in_use;
	_Atomic int64_t		waiting;
};

struct metrics_shm {
	uint64_t		magic;
	size_t			size;
	struct metrics_route	route[METRICS_ROUTES];
	_Atomic uint64_t	count[METRIC_COUNT];
	_Atomic uint64_t	job_runs[STMT_COUNT];
	_Atomic uint64_t	job_failures[STMT_COUNT];
	struct metrics_worker	worker[METRICS_WORKERS];
};

static struct metrics_shm	*shm;
static struct metrics_worker	*slot;

static void	metrics_attach(void) __attribute__((constructor));

/*
 * In the parent when Kore loads the module (and in whoever loads it again
 * on SIGHUP): map the segment, or find the one mapped before.  Only the
 * process that mapped it sets the variable, so only it and its forks (the
 * workers, which inherit the mapping) can see it: Kore never execs.  The
 * pid is for people (a daemonised parent has another since).
 */
static void
metrics_attach(void)
{
	struct metrics_shm	*found;
	unsigned long long	 addr;
	long long		 pid;
	const char		*env;
	char			 buf[64];
	void			*p;

	env = getenv(METRICS_ENV);
	if (env != NULL && sscanf(env, "%llx:%lld", &addr, &pid) == 2 &&
	    addr != 0) {
		found = (struct metrics_shm *)(uintptr_t)addr;
		if (found->magic == METRICS_MAGIC &&
		    found->size == sizeof(*found)) {
			shm = found;
			return;
		}
	}

	p = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;		/* metrics_init() says so, in a worker */
	shm = p;		/* zero-filled by the kernel */
	shm->magic = METRICS_MAGIC;
	shm->size = sizeof(*shm);
	(void)snprintf(buf, sizeof(buf), "%llx:%lld",
	    (unsigned long long)(uintptr_t)p, (long long)getpid());
	(void)setenv(METRICS_ENV, buf, 1);
}

/* In each worker at start: its slot for the pool gauges. */
int
metrics_init(void)
{
	long	pid;

	if (shm == NULL) {
		kore_log(LOG_ERR, "metrics: no shared memory: GET /metrics "
		    "answers 500");
		return (KORE_RESULT_OK);
	}
	if (worker == NULL)
		return (KORE_RESULT_OK);
	pid = (long)worker->pid;
	slot = &shm->worker[worker->id % METRICS_WORKERS];
	/* A new process (not a reload): what the last one held is gone. */
	if (atomic_load(&slot->pid) != pid) {
		atomic_store(&slot->in_use, 0);
		atomic_store(&slot->waiting, 0);
		atomic_store(&slot->pid, pid);
	}
	return (KORE_RESULT_OK);
}

void
metrics_add(enum metric m)
{
	if (shm != NULL && (unsigned)m < METRIC_COUNT)
		atomic_fetch_add_explicit(&shm->count[m], 1,
		    memory_order_relaxed);
}

void
metrics_job(enum stmt s, int failed)
{
	if (shm == NULL || (unsigned)s >= STMT_COUNT)
		return;
	atomic_fetch_add_explicit(&shm->job_runs[s], 1, memory_order_relaxed);
	if (failed)
		atomic_fetch_add_explicit(&shm->job_failures[s], 1,
		    memory_order_relaxed);
}

void
metrics_response(size_t route, int status, uint64_t ms)
{
	struct metrics_route	*r;

	if (shm == NULL)
		return;
	if (route > route_count())
		route = route_count();
	r = &shm->route[route];
	if (status >= 100 && status < 100 + METRICS_STATUSES)
		atomic_fetch_add_explicit(&r->status[status - 100], 1,
		    memory_order_relaxed);
	atomic_fetch_add_explicit(&r->bucket[expo_bucket_of(ms)], 1,
	    memory_order_relaxed);
	atomic_fetch_add_explicit(&r->sum_ms, ms, memory_order_relaxed);
}

/*
 * A gauge of this worker's pool, moved once per change of *flag (a
 * statement holding a connection, or waiting in Kore's queue for one),
 * so that every path that lets go may call it.
 */
static void
metrics_gauge(_Atomic int64_t *g, int *flag, int on)
{
	on = on != 0;
	if (*flag == on)
		return;
	*flag = on;
	if (g != NULL)
		atomic_fetch_add_explicit(g, on ? 1 : -1, memory_order_relaxed);
}

void
metrics_pool_hold(int *flag, int on)
{
	metrics_gauge(slot != NULL ? &slot->in_use : NULL, flag, on);
}

void
metrics_pool_wait(int *flag, int on)
{
	metrics_gauge(slot != NULL ? &slot->waiting : NULL, flag, on);
}

/* The page ----------------------------------------------------------------- */

static uint64_t
metrics_load(_Atomic uint64_t *v)
{
	return (atomic_load_explicit(v, memory_order_relaxed));
}

static const char *
metrics_pattern(size_t i)
{
	return (i < route_count() ? route_at(i)->pattern : "(none)");
}

static void
metrics_requests(struct sbuf *b)
{
	struct metrics_route	*r;
	uint64_t		 n, cum;
	size_t			 i;
	int			 s;

	expo_head(b, "handoff_http_requests_total", "counter",
	    "Responses sent, by route pattern (src/routes.c) and status.");
	for (i = 0; i <= route_count(); i++) {
		r = &shm->route[i];
		for (s = 0; s < METRICS_STATUSES; s++) {
			if ((n = metrics_load(&r->status[s])) == 0)
				continue;
			sbuf_str(b, "handoff_http_requests_total{pattern=");
			expo_label(b, metrics_pattern(i));
			sbuf_printf(b, ",status=\"%d\"} %llu\n", s + 100,
			    (unsigned long long)n);
		}
	}

	expo_head(b, "handoff_http_request_duration_seconds", "histogram",
	    "Time from the request's first step to its response, by route "
	    "pattern.");
	for (i = 0; i <= route_count(); i++) {
		r = &shm->route[i];
		for (s = 0, cum = 0; s < EXPO_NBUCKETS; s++)
			cum += metrics_load(&r->bucket[s]);
		if (cum == 0)
			continue;
		for (s = 0, cum = 0; s < EXPO_NBUCKETS; s++) {
			cum += metrics_load(&r->bucket[s]);
			sbuf_str(b, "handoff_http_request_duration_seconds_"
			    "bucket{pattern=");
			expo_label(b, metrics_pattern(i));
			sbuf_str(b, ",le=\"");
			if (s < EXPO_NBUCKETS - 1)
				expo_seconds(b, expo_bucket_ms[s]);
			else
				sbuf_str(b, "+Inf");
			sbuf_printf(b, "\"} %llu\n", (unsigned long long)cum);
		}
		sbuf_str(b, "handoff_http_request_duration_seconds_sum"
		    "{pattern=");
		expo_label(b, metrics_pattern(i));
		sbuf_str(b, "} ");
		expo_seconds(b, metrics_load(&r->sum_ms));
		sbuf_str(b, "\nhandoff_http_request_duration_seconds_count"
		    "{pattern=");
		expo_label(b, metrics_pattern(i));
		sbuf_printf(b, "} %llu\n", (unsigned long long)cum);
	}
}

static void
metrics_counter(struct sbuf *b, const char *name, const char *help,
    enum metric m)
{
	expo_head(b, name, "counter", help);
	sbuf_printf(b, "%s %llu\n", name,
	    (unsigned long long)metrics_load(&shm->count[m]));
}

static void
metrics_pool(struct sbuf *b)
{
	int64_t	in_use, waiting;
	size_t	i;

	in_use = waiting = 0;
	for (i = 0; i < METRICS_WORKERS; i++) {
		in_use += atomic_load(&shm->worker[i].in_use);
		waiting += atomic_load(&shm->worker[i].waiting);
	}
	expo_head(b, "handoff_db_connections_in_use", "gauge",
	    "Pooled database connections running a statement, all workers.");
	sbuf_printf(b, "handoff_db_connections_in_use %lld\n",
	    (long long)(in_use > 0 ? in_use : 0));
	expo_head(b, "handoff_db_requests_waiting", "gauge",
	    "Statements queued for a free database connection, all "
	    "workers.");
	sbuf_printf(b, "handoff_db_requests_waiting %lld\n",
	    (long long)(waiting > 0 ? waiting : 0));
}

static void
metrics_jobs(struct sbuf *b)
{
	static const enum stmt	jobs[] = {
		STMT_VOCABULARY, STMT_LEDGER_WORK, STMT_LEDGER_APPLY
	};
	size_t			i;
	int			k;

	for (k = 0; k < 2; k++) {
		expo_head(b, k == 0 ? "handoff_background_runs_total" :
		    "handoff_background_failures_total", "counter", k == 0 ?
		    "Statements the background job ran, by statement." :
		    "Statements of the background job that failed.");
		for (i = 0; i < sizeof(jobs) / sizeof(jobs[0]); i++)
			sbuf_printf(b, "%s{statement=\"%s\"} %llu\n",
			    k == 0 ? "handoff_background_runs_total" :
			    "handoff_background_failures_total",
			    stmt_name(jobs[i]), (unsigned long long)
			    metrics_load(k == 0 ? &shm->job_runs[jobs[i]] :
			    &shm->job_failures[jobs[i]]));
	}
}

/* The database's part: {"risks": [4 counts], "dirty": n}, or NULL. */
static void
metrics_db(struct sbuf *b, json_t *doc)
{
	json_t	*risks;
	size_t	 i;

	expo_head(b, "handoff_db_up", "gauge", "1 when the database answered "
	    "this scrape, 0 when it did not (the risk gauges are left out).");
	sbuf_printf(b, "handoff_db_up %d\n", doc != NULL);
	if (doc == NULL)
		return;
	risks = json_object_get(doc, "risks");
	expo_head(b, "handoff_open_risks", "gauge",
	    "Risks open today by severity, as the risk ledger holds them.");
	for (i = 0; i < SEVERITY_COUNT; i++)
		sbuf_printf(b, "handoff_open_risks{severity=\"%s\"} %lld\n",
		    severity_keys[i], (long long)json_integer_value(
		    json_array_get(risks, i)));
	expo_head(b, "handoff_ledger_dirty_items", "gauge",
	    "Projects and people whose changes the ledger has yet to take in.");
	sbuf_printf(b, "handoff_ledger_dirty_items %lld\n",
	    (long long)json_integer_value(json_object_get(doc, "dirty")));
}

/* The read replica, as the answering worker's last probe found it. */
static void
metrics_replica(struct sbuf *b)
{
	uint64_t	lag;
	int		state;

	if ((state = replica_state(&lag)) == REPLICA_OFF)
		return;
	expo_head(b, "handoff_replica_up", "gauge", "1 when the read replica "
	    "answers, is a standby and lags within the bound: reads go to it.");
	sbuf_printf(b, "handoff_replica_up %d\n", state == REPLICA_OK);
	expo_head(b, "handoff_replica_lag_seconds", "gauge", "How long ago "
	    "the primary wrote the first position the replica has not "
	    "replayed (0: caught up), at the last probe.");
	sbuf_printf(b, "handoff_replica_lag_seconds %.3f\n",
	    (double)lag / 1000.0);
	metrics_counter(b, "handoff_replica_reads_total", "Statements the "
	    "read replica answered.", METRIC_REPLICA_READS);
	metrics_counter(b, "handoff_replica_fallbacks_total", "Statements "
	    "the replica failed that ran again on the primary.",
	    METRIC_REPLICA_FALLBACKS);
}

static void
metrics_reply(struct http_request *req, json_t *doc)
{
	struct sbuf	b;

	if (shm == NULL) {
		reply_error(req, 500, "internal", "no shared memory for the "
		    "metrics", NULL);
		return;
	}
	sbuf_init(&b);
	metrics_requests(&b);
	metrics_pool(&b);
	metrics_counter(&b, "handoff_db_errors_total", "Statements that "
	    "failed for the server's reasons, and connections that could not "
	    "be made again.", METRIC_DB_ERRORS);
	metrics_counter(&b, "handoff_db_reconnects_total", "Pooled "
	    "connections found dead and made again.", METRIC_DB_RECONNECTS);
	metrics_counter(&b, "handoff_signin_failures_total", "Sign-ins "
	    "refused: wrong email or password, or a locked account.",
	    METRIC_SIGNIN_FAILURES);
	metrics_counter(&b, "handoff_signin_lockouts_total", "Accounts "
	    "locked by a failed sign-in.", METRIC_SIGNIN_LOCKOUTS);
	metrics_counter(&b, "handoff_password_hashes_total", "New "
	    "passwords hashed: accounts made, passwords changed.",
	    METRIC_PASSWORD_HASHES);
	metrics_replica(&b);
	metrics_jobs(&b);
	metrics_db(&b, doc);
	reply_body(req, 200, "text/plain; version=0.0.4; charset=utf-8", &b);
	sbuf_free(&b);
}

/* The pipeline ------------------------------------------------------------ */

/*
 * May this request read the metrics without a token?  Its client must be
 * on the loopback.  A request that was forwarded (X-Forwarded-For) by a
 * proxy we were not told to trust comes from we do not know where: nginx
 * on this host without HANDOFF_TRUSTED_PROXIES would otherwise open the
 * metrics to everyone it serves.
 */
int
metrics_open_to(struct http_request *req)
{
	char		 addr[PROXY_ADDR_LEN];
	const char	*xff;

	if (!req_from_proxy(req) &&
	    http_request_header(req, "x-forwarded-for", &xff))
		return (0);
	req_address(req, addr, sizeof(addr));
	return (proxy_is_loopback(addr));
}

static int
metrics_prepare(struct http_request *req, struct pipe *p)
{
	if (pipe_send(p, STMT_METRICS, req_call_doc(-1, NULL, NULL,
	    NULL)) != KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static int
metrics_finish(struct http_request *req, struct pipe *p)
{
	json_t	*doc;

	if ((doc = pipe_result(p)) == NULL || !json_is_object(doc)) {
		json_decref(doc);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	metrics_reply(req, doc);
	json_decref(doc);
	return (PIPE_DONE);
}

/*
 * The database failed (refusals of who is asking never come here): the
 * counters are in memory, and most wanted when the database is away, so
 * the loopback gets them without the risks.  A token could not be
 * checked: its bearer gets the error.
 */
static int
metrics_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	(void)p;
	if (metrics_open_to(req))
		metrics_reply(req, NULL);
	else
		reply_db_error(req, err);
	return (PIPE_DONE);
}

static const struct pipe_ops metrics_ops = {
	0, NULL, metrics_prepare, metrics_finish, metrics_fail, NULL
};

int
run_metrics(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	return (pipe_run(req, route, &metrics_ops, NULL, m->access));
}

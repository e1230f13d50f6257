/*
 * pwcheck: password checks, and new passwords' hashes, off the event loop.
 *
 * An argon2id check costs about 0.1 s of a core (more on a busy or slow
 * one).  Run in the worker's event loop, every sign-in attempt would stop
 * every other request of that worker for as long, so a handful of clients
 * signing in with made-up emails could stall everyone.  The check runs in
 * one of Kore's task threads instead (KORE_USE_TASKS; `task_threads` in
 * conf/handoff.conf), at a lower priority than the event loop, while the
 * request sleeps; the task wakes it when done.
 *
 * At most PWCHECK_PER_THREAD checks per task thread are in flight in a
 * worker, running or waiting for a thread: beyond that pwcheck_start()
 * refuses and the caller answers 503 with Retry-After, rather than
 * queueing without bound.
 *
 * A check belongs to its request and to its task at once: a request that
 * goes away while its check runs (the client hung up) only lets go of it,
 * and the task's callback frees it when the thread is done.  The thread
 * touches nothing but the check's own strings: Kore's allocator and event
 * loop are the worker's alone.
 *
 * An attempt whose answer is known before any check (a locked account)
 * waits as long as a check takes here, on a timer, so that it cannot be
 * told apart from one that was checked: pwcheck_pause().
 *
 * Task threads live in the worker process, inside its seccomp sandbox:
 * app.c allows the system calls a thread needs to start (clone3) and to
 * lower its own priority (gettid, setpriority).
 *
 * A new password's hash (an account created, a password changed) costs
 * the same and is made the same way: pwcheck_hash(), for a request that
 * has already been told who is asking (accounts_password_begin()).
 */
#include <sys/resource.h>

#include <sodium.h>
#include <time.h>

#include "handoff.h"

#include <kore/tasks.h>

/* Checks in flight per task thread: one running, the rest waiting. */
#define PWCHECK_PER_THREAD	4

/* The nice value of a task thread: the event loop comes first. */
#define PWCHECK_NICE		10

struct pwcheck {
	struct kore_task	 task;		/* first: task is check */
	struct kore_timer	*timer;		/* a pause, not a check */
	int			 is_task;
	int			 hashing;	/* make hash, not check it */
	struct http_request	*req;		/* NULL once it let go */
	int			 done;
	int			 match;
	double			 took_ms;	/* written by the thread */
	char			 hash[crypto_pwhash_STRBYTES];
	char			 password[SECRET_PASSWORD_SIZE];
};

/* A hash to check the passwords of unknown emails against, so that a
 * wrong email costs the same time as a wrong password. */
static char		dummy_hash[crypto_pwhash_STRBYTES];

static unsigned int	inflight;

/* How long a check takes in this worker, lately (ms): a pause's length. */
static double		typical_ms = 100;

static struct pwcheck *pwcheck_task(struct http_request *, const char *,
		    const char *);
static int	pwcheck_entry(struct kore_task *);
static void	pwcheck_task_done(struct kore_task *);
static void	pwcheck_timer_done(void *, u_int64_t);
static void	pwcheck_free(struct pwcheck *);

static double
pwcheck_now_ms(void)
{
	struct timespec	ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
}

/* The dummy hash, made the way real ones are; its time is the first
 * estimate of a check's. */
int
pwcheck_init(void)
{
	unsigned char	pw[16];
	double		t0;

	randombytes_buf(pw, sizeof(pw));
	t0 = pwcheck_now_ms();
	if (crypto_pwhash_str(dummy_hash, (const char *)pw, sizeof(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		kore_log(LOG_ERR, "pwcheck: cannot hash (out of memory?)");
		return (KORE_RESULT_ERROR);
	}
	typical_ms = pwcheck_now_ms() - t0;
	return (KORE_RESULT_OK);
}

/* Would pwcheck_start() refuse for want of room? */
int
pwcheck_busy(void)
{
	return (inflight >= PWCHECK_PER_THREAD *
	    (kore_task_threads > 0 ? kore_task_threads : 1));
}

/*
 * Check password against hash (NULL: the dummy, for an unknown email) in
 * a task thread, and put req to sleep until it is done.  NULL when too
 * many checks are in flight (nothing started, req awake).
 */
struct pwcheck *
pwcheck_start(struct http_request *req, const char *hash,
    const char *password)
{
	return (pwcheck_task(req, hash != NULL ? hash : dummy_hash,
	    password));
}

/*
 * Hash a new password in a task thread, and put req to sleep until it is
 * done (pwcheck_made()).  NULL when too many are in flight.
 */
struct pwcheck *
pwcheck_hash(struct http_request *req, const char *password)
{
	struct pwcheck	*c;

	if ((c = pwcheck_task(req, NULL, password)) != NULL)
		metrics_add(METRIC_PASSWORD_HASHES);
	return (c);
}

/* A check against hash, or a new hash (NULL), run for req. */
static struct pwcheck *
pwcheck_task(struct http_request *req, const char *hash,
    const char *password)
{
	struct pwcheck	*c;

	if (pwcheck_busy())
		return (NULL);
	c = kore_calloc(1, sizeof(*c));
	c->req = req;
	c->is_task = 1;
	c->hashing = hash == NULL;
	if (hash != NULL)
		(void)snprintf(c->hash, sizeof(c->hash), "%s", hash);
	(void)snprintf(c->password, sizeof(c->password), "%s", password);

	kore_task_create(&c->task, pwcheck_entry);
	kore_task_bind_callback(&c->task, pwcheck_task_done);
	inflight++;
	kore_task_run(&c->task);
	http_request_sleep(req);
	return (c);
}

/* The hash pwcheck_hash() made: NULL while it runs, or if it failed. */
const char *
pwcheck_made(const struct pwcheck *c)
{
	return (c->hashing && c->done && c->match ? c->hash : NULL);
}


/* Sleep as long as a check takes, without checking anything. */
struct pwcheck *
pwcheck_pause(struct http_request *req)
{
	struct pwcheck	*c;

	c = kore_calloc(1, sizeof(*c));
	c->req = req;
	c->timer = kore_timer_add(pwcheck_timer_done,
	    (u_int64_t)(typical_ms + 0.5), c, KORE_TIMER_ONESHOT);
	http_request_sleep(req);
	return (c);
}

/* 1 when done, with *match set; 0 while it runs. */
int
pwcheck_done(const struct pwcheck *c, int *match)
{
	*match = c->done && c->match;
	return (c->done);
}

/* The request is done with c (or gone): free it now, or when it ends. */
void
pwcheck_release(struct pwcheck *c)
{
	if (c == NULL)
		return;
	if (c->is_task && !c->done) {
		c->req = NULL;		/* pwcheck_task_done() frees it */
		return;
	}
	if (c->timer != NULL) {
		kore_timer_remove(c->timer);
		c->timer = NULL;
	}
	pwcheck_free(c);
}

static void
pwcheck_free(struct pwcheck *c)
{
	if (c->is_task)
		kore_task_destroy(&c->task);
	sodium_memzero(c, sizeof(*c));
	kore_free(c);
}

/* In a task thread: the check (or hash) itself, and nothing of Kore's. */
static int
pwcheck_entry(struct kore_task *t)
{
	static __thread int	 niced;
	struct pwcheck		*c = (struct pwcheck *)t;
	double			 t0;
	int			 ok;

	if (!niced) {
		(void)setpriority(PRIO_PROCESS, (id_t)gettid(), PWCHECK_NICE);
		niced = 1;
	}
	t0 = pwcheck_now_ms();
	if (c->hashing)
		ok = secret_hash_password(c->password, c->hash) == 0;
	else
		ok = crypto_pwhash_str_verify(c->hash, c->password,
		    strlen(c->password)) == 0;
	c->took_ms = pwcheck_now_ms() - t0;
	sodium_memzero(c->password, sizeof(c->password));
	return (ok ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

/* In the event loop, when the thread is done with the check. */
static void
pwcheck_task_done(struct kore_task *t)
{
	struct pwcheck	*c = (struct pwcheck *)t;

	if (kore_task_state(t) != KORE_TASK_STATE_FINISHED || c->done)
		return;
	c->done = 1;
	c->match = kore_task_result(t) == KORE_RESULT_OK;
	inflight--;
	/* A pause lasts as long as checks have lately taken. */
	typical_ms = 0.8 * typical_ms + 0.2 * c->took_ms;

	if (c->req != NULL)
		http_request_wakeup(c->req);
	else
		pwcheck_free(c);
}

static void
pwcheck_timer_done(void *arg, u_int64_t now)
{
	struct pwcheck	*c = arg;

	(void)now;
	c->timer = NULL;	/* Kore frees a one-shot timer itself */
	c->done = 1;
	c->match = 0;
	if (c->req != NULL)
		http_request_wakeup(c->req);
}

/*
 * outbox: the background runner that delivers notifications (outbox.h).
 *
 * Every OB_INTERVAL_MS a worker that is not busy with a batch takes up to
 * OB_BATCH due rows (api.outbox_claim: FOR UPDATE SKIP LOCKED, leased for
 * OB_LEASE_SECONDS, so other workers and servers skip them and a crashed
 * runner's rows are taken again once the lease ends).  Each row goes to
 * the sender of its channel; the transfers run together in a curl multi
 * handle that a Kore timer drives every OB_DRIVE_MS without ever waiting
 * (the host name is resolved in libcurl's resolver thread), each bounded
 * by OB_TIMEOUT_MS, so a slow or dead receiver costs the worker nothing
 * and never holds a request.  The outcomes go back in one statement
 * (api.outbox_done), which schedules a failed row again after
 * HANDOFF_OUTBOX_BACKOFF_MS * 2^(attempt - 1) (30 s by default, at most
 * an hour) until HANDOFF_OUTBOX_WINDOW_S (24 hours) from its first try,
 * and then makes it a dead letter that an admin sees on /outbox.
 *
 * A worker with nothing to send runs the day's reminder pass when the
 * claim says it is due (api.remind_daily, once a day across instances),
 * on a Monday writes the week's digest for chat (api.outbox_weekly), and
 * when email is configured and the claim says the digest's weekday and
 * hour have come (api.digest_mail_due), asks for the week's digest once
 * (with every project that has open risks when someone takes only their
 * own projects, so that their email misses none), renders it once (its
 * first page, and once more per person who takes only their own projects)
 * and writes one email per person (api.outbox_digest_mail): once per week
 * across instances.
 *
 * No sender follows a redirect, and every address a connection is about
 * to be opened to is checked as it is opened (webhook.c): the loopback
 * only when the admin setting allows it, other internal networks never.
 */
#include <sys/socket.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "handoff.h"
#include "mail.h"
#include "outbox.h"
#include "webhook.h"

#define OB_INTERVAL_MS		500
#define OB_DRIVE_MS		10
#define OB_BATCH		16
#define OB_LEASE_SECONDS	60
#define OB_TIMEOUT_MS		10000
#define OB_CONNECT_MS		5000

static int	webhook_prepare(struct outbox_msg *, const json_t *);
static int	chat_prepare(struct outbox_msg *, const json_t *);

/* The senders, by channel; 'email' is mail.c's (SMTP). */
static const struct outbox_sender senders[] = {
	{ "webhook", webhook_prepare, NULL },
	{ "chat", chat_prepare, NULL },
	{ "email", mail_prepare, NULL },
};

static void	ob_done(struct dbjob *, json_t *);

struct ob {
	struct dbjob		 job;
	int			 busy;		/* a batch, claim to done */
	CURLM			*multi;
	struct outbox_msg	*msgs;
	const struct outbox_sender **sent_by;
	size_t			 nmsgs;
	size_t			 claimed;
	long long		 backoff_ms;
	long long		 window_s;
	char			 runner[96];
	int			 started;
	day_t			 today;		/* of the last claim */
	int			 mail;		/* email is configured */
	char			 mail_day[DATE_LEN];	/* HANDOFF_TODAY */
	long long		 mail_hour;	/* HANDOFF_HOUR, or -1 */
	json_t			*mail_due;	/* the digest being emailed */
};

static struct ob	ob = {
	.job = { .name = "outbox", .done = ob_done },
};

static void	ob_tick(void *, u_int64_t);
static void	ob_soon(void *, u_int64_t);
static void	ob_drive(void *, u_int64_t);
static void	ob_send(enum stmt, json_t *);
static void	ob_start_batch(json_t *);
static void	ob_finish_batch(void);
static void	ob_free_batch(void);

static long long
env_number(const char *name, long long def, long long min, long long max)
{
	const char	*s = getenv(name);
	long long	 v;
	int		 err;

	if (s == NULL || *s == '\0')
		return (def);
	v = kore_strtonum(s, 10, min, max, &err);
	if (err != KORE_RESULT_OK) {
		kore_log(LOG_ERR, "%s must be a number from %lld to %lld; "
		    "using %lld", name, min, max, def);
		return (def);
	}
	return (v);
}

void
outbox_job_start(void)
{
	if (ob.started)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (ob.multi = curl_multi_init()) == NULL) {
		kore_log(LOG_ERR, "outbox: cannot start libcurl; nothing will "
		    "be delivered");
		return;
	}
	ob.started = 1;
	ob.backoff_ms = env_number("HANDOFF_OUTBOX_BACKOFF_MS", 30000, 1,
	    3600000);
	ob.window_s = env_number("HANDOFF_OUTBOX_WINDOW_S", 86400, 1,
	    30 * 86400);
	(void)snprintf(ob.runner, sizeof(ob.runner), "%s:%d",
	    app_instance(), (int)getpid());
	/*
	 * The digest's email goes out only where email is configured; its
	 * clock is the database's in the digest's time zone, unless tests
	 * pin the day (HANDOFF_TODAY) and the hour (HANDOFF_HOUR).
	 */
	ob.mail = getenv("HANDOFF_SMTP_HOST") != NULL &&
	    *getenv("HANDOFF_SMTP_HOST") != '\0' &&
	    getenv("HANDOFF_MAIL_FROM") != NULL &&
	    *getenv("HANDOFF_MAIL_FROM") != '\0';
	if (getenv("HANDOFF_TODAY") != NULL && *getenv("HANDOFF_TODAY") !=
	    '\0')
		date_format(app_today(), ob.mail_day);
	ob.mail_hour = env_number("HANDOFF_HOUR", -1, 0, 23);
	(void)kore_timer_add(ob_tick, OB_INTERVAL_MS, NULL, 0);
}

static void
ob_tick(void *arg, u_int64_t now)
{
	json_t	*doc;
	char	 week[ISOWEEK_LEN], day[DATE_LEN];
	int	 y, w;

	(void)arg;
	(void)now;
	if (ob.busy)
		return;
	doc = json_pack("{s:i, s:i, s:s}", "limit", OB_BATCH, "lease",
	    OB_LEASE_SECONDS, "runner", ob.runner);
	/* On a Monday, the claim says whether the week's digest is due. */
	ob.today = app_today();
	date_format(ob.today, day);
	if (doc != NULL)
		json_object_set_new(doc, "day", json_string(day));
	if (doc != NULL && date_weekday(ob.today) == 1) {
		isoweek_of(ob.today, &y, &w);
		isoweek_format(y, w, week);
		json_object_set_new(doc, "week", json_string(week));
	}
	if (doc != NULL && ob.mail)
		json_object_set_new(doc, "mail", json_pack("{s:s?, s:o}",
		    "day", ob.mail_day[0] != '\0' ? ob.mail_day : NULL,
		    "hour", ob.mail_hour >= 0 ? json_integer(ob.mail_hour) :
		    json_null()));
	ob_send(STMT_OUTBOX_CLAIM, doc);
}

static void
ob_soon(void *arg, u_int64_t now)
{
	(void)arg;
	(void)now;
	ob_tick(NULL, 0);
}

/* The statement runs with the batch: ob.busy stays set across both. */
static void
ob_send(enum stmt s, json_t *doc)
{
	ob.busy = 1;
	if (dbjob_send(&ob.job, s, doc) == -1)
		ob.busy = 0;
}

/* A statement ended: a claim starts the batch, a done ends it. */
static void
ob_done(struct dbjob *j, json_t *doc)
{
	json_t		*data;
	enum stmt	 s = j->stmt;
	char		 day[DATE_LEN];
	day_t		 mday;

	if (s == STMT_OUTBOX_CLAIM && doc != NULL) {
		/* Nothing to send, and the day's reminders are due. */
		if (json_array_size(json_object_get(doc, "items")) == 0 &&
		    json_is_true(json_object_get(doc, "daily_due"))) {
			json_decref(doc);
			ob.claimed = 0;
			ob.busy = 0;
			date_format(ob.today, day);
			ob_send(STMT_REMIND_DAILY, json_pack("{s:s}", "day",
			    day));
			if (!ob.busy)
				kore_log(LOG_ERR, "outbox: cannot run the "
				    "daily reminders");
			return;
		}
		/* Nothing to send, and the week's digest is due: write it. */
		if (json_array_size(json_object_get(doc, "items")) == 0 &&
		    json_is_true(json_object_get(doc, "weekly_due"))) {
			json_decref(doc);
			ob.claimed = 0;
			ob.busy = 0;
			ob_send(STMT_OUTBOX_DIGEST,
			    views_weekly_call(ob.today, 0));
			if (!ob.busy)
				kore_log(LOG_ERR, "outbox: cannot ask for "
				    "the weekly digest");
			return;
		}
		/* Nothing to send, and the digest's email is due. */
		if (json_array_size(json_object_get(doc, "items")) == 0 &&
		    json_is_object(json_object_get(doc, "mail_due"))) {
			json_decref(ob.mail_due);
			ob.mail_due = json_incref(json_object_get(doc,
			    "mail_due"));
			json_decref(doc);
			ob.claimed = 0;
			ob.busy = 0;
			if (date_parse(json_string_value(json_object_get(
			    ob.mail_due, "day")), &mday) == -1)
				mday = DAY_NONE;
			/*
			 * A "mine" email holds its person's projects
			 * wherever they rank: then every project's.
			 */
			if (mday != DAY_NONE)
				ob_send(STMT_OUTBOX_DIGEST,
				    views_weekly_call(mday, json_array_size(
				    json_object_get(ob.mail_due, "mine")) > 0));
			if (!ob.busy) {
				kore_log(LOG_ERR, "outbox: cannot ask for "
				    "the digest to email");
				json_decref(ob.mail_due);
				ob.mail_due = NULL;
			}
			return;
		}
		ob_start_batch(doc);	/* busy until its outcomes are in */
		json_decref(doc);
		return;
	}
	if (s == STMT_OUTBOX_DIGEST && ob.mail_due != NULL) {
		data = NULL;
		if (doc != NULL && date_parse(json_string_value(
		    json_object_get(ob.mail_due, "day")), &mday) == 0)
			data = views_digest_mail(mday, doc, json_object_get(
			    ob.mail_due, "mine"));
		json_decref(doc);
		ob.busy = 0;
		if (data != NULL) {
			json_object_set(data, "day", json_object_get(
			    ob.mail_due, "day"));
			if (app_public_url() != NULL)
				json_object_set_new(data, "public_url",
				    json_string(app_public_url()));
		}
		json_decref(ob.mail_due);
		ob.mail_due = NULL;
		if (data == NULL) {
			kore_log(LOG_ERR, "outbox: cannot make the digest "
			    "to email");
			return;
		}
		ob_send(STMT_OUTBOX_DIGEST_MAIL, data);
		return;
	}
	if (s == STMT_OUTBOX_DIGEST && doc != NULL) {
		data = views_weekly_data(ob.today, doc);
		json_decref(doc);
		ob.busy = 0;
		if (data == NULL) {
			kore_log(LOG_ERR, "outbox: cannot make the weekly "
			    "digest");
			return;
		}
		ob_send(STMT_OUTBOX_WEEKLY, json_pack("{s:o}", "data", data));
		return;
	}
	/*
	 * A done, or a claim that failed.  A done that failed leaves its
	 * rows leased: they are tried again when the lease ends.
	 */
	json_decref(doc);
	ob_free_batch();
	ob.busy = 0;
	if (s == STMT_OUTBOX_DONE && !j->failed && ob.claimed == OB_BATCH)
		(void)kore_timer_add(ob_soon, 1, NULL, 1);
}

static const struct outbox_sender *
ob_sender(const char *channel)
{
	size_t	i;

	for (i = 0; channel != NULL && i < sizeof(senders) /
	    sizeof(senders[0]); i++) {
		if (strcmp(senders[i].channel, channel) == 0)
			return (&senders[i]);
	}
	return (NULL);
}

static void
ob_start_batch(json_t *doc)
{
	struct outbox_msg		*m;
	const struct outbox_sender	*s;
	json_t				*items, *it;
	size_t				 i, n;
	int				 allow;

	items = json_object_get(doc, "items");
	n = json_array_size(items);
	ob.claimed = n;
	if (n == 0) {
		ob.busy = 0;
		return;
	}
	allow = json_is_true(json_object_get(doc, "allow_loopback"));
	ob.msgs = calloc(n, sizeof(*ob.msgs));
	ob.sent_by = calloc(n, sizeof(*ob.sent_by));
	if (ob.msgs == NULL || ob.sent_by == NULL) {
		/* The lease ends and another try takes them. */
		ob_free_batch();
		ob.busy = 0;
		return;
	}
	ob.nmsgs = n;
	json_array_foreach(items, i, it) {
		m = &ob.msgs[i];
		m->id = json_integer_value(json_object_get(it, "id"));
		m->allow_loopback = allow;
		s = ob_sender(json_string_value(json_object_get(it,
		    "channel")));
		ob.sent_by[i] = s;
		if (s == NULL) {
			(void)outbox_fail(m, "no sender for channel %s",
			    json_string_value(json_object_get(it,
			    "channel")));
			continue;
		}
		if ((m->easy = curl_easy_init()) == NULL) {
			(void)outbox_fail(m, "out of memory");
			continue;
		}
		curl_easy_setopt(m->easy, CURLOPT_PRIVATE, m);
		if (s->prepare(m, it) == -1 || m->done)
			continue;
		if (curl_multi_add_handle(ob.multi, m->easy) != CURLM_OK)
			(void)outbox_fail(m, "cannot start the transfer");
	}
	ob_drive(NULL, 0);
}

/* Move every transfer on as far as it goes without waiting. */
static void
ob_drive(void *arg, u_int64_t now)
{
	struct outbox_msg	*m;
	CURLMsg			*cm;
	char			*p;
	long			 code;
	int			 running, left;
	size_t			 i;

	(void)arg;
	(void)now;
	(void)curl_multi_perform(ob.multi, &running);
	while ((cm = curl_multi_info_read(ob.multi, &left)) != NULL) {
		if (cm->msg != CURLMSG_DONE)
			continue;
		p = NULL;
		(void)curl_easy_getinfo(cm->easy_handle, CURLINFO_PRIVATE, &p);
		m = (struct outbox_msg *)(void *)p;
		if (m == NULL)
			continue;
		code = 0;
		(void)curl_easy_getinfo(m->easy, CURLINFO_RESPONSE_CODE,
		    &code);
		i = (size_t)(m - ob.msgs);
		m->done = 1;
		if (i < ob.nmsgs && ob.sent_by[i] != NULL &&
		    ob.sent_by[i]->judge != NULL)
			m->ok = ob.sent_by[i]->judge(m, cm->data.result, code);
		else if (cm->data.result != CURLE_OK)
			(void)snprintf(m->error, sizeof(m->error), "%s",
			    m->refused ? "the address is refused (internal "
			    "network)" : m->curl_error[0] != '\0' ?
			    m->curl_error : curl_easy_strerror(
			    cm->data.result));
		else if (code >= 200 && code < 300)
			m->ok = 1;
		else if (code >= 300 && code < 400)
			(void)snprintf(m->error, sizeof(m->error),
			    "HTTP %ld: redirects are not followed", code);
		else
			(void)snprintf(m->error, sizeof(m->error),
			    "HTTP %ld", code);
		(void)curl_multi_remove_handle(ob.multi, m->easy);
	}
	for (i = 0; i < ob.nmsgs; i++) {
		if (!ob.msgs[i].done) {
			(void)kore_timer_add(ob_drive, OB_DRIVE_MS, NULL, 1);
			return;
		}
	}
	ob_finish_batch();
}

static void
ob_finish_batch(void)
{
	json_t		*items, *it;
	size_t		 i;

	if ((items = json_array()) == NULL) {
		ob_free_batch();
		ob.busy = 0;
		return;
	}
	for (i = 0; i < ob.nmsgs; i++) {
		if (!ob.msgs[i].ok)
			kore_log(LOG_NOTICE, "outbox: message %lld not "
			    "delivered: %s", ob.msgs[i].id, ob.msgs[i].error);
		it = json_pack("{s:I, s:b, s:s}", "id",
		    (json_int_t)ob.msgs[i].id, "ok", ob.msgs[i].ok, "error",
		    ob.msgs[i].error);
		if (it != NULL)
			json_array_append_new(items, it);
	}
	ob_free_batch();
	ob.busy = 0;
	ob_send(STMT_OUTBOX_DONE, json_pack("{s:s, s:I, s:I, s:o}",
	    "runner", ob.runner, "backoff_ms", (json_int_t)ob.backoff_ms,
	    "window_s", (json_int_t)ob.window_s, "items", items));
	if (!ob.busy)	/* could not be sent: the leases end */
		ob.claimed = 0;
}

static void
ob_free_batch(void)
{
	size_t	i;

	for (i = 0; i < ob.nmsgs; i++) {
		if (ob.msgs[i].easy != NULL) {
			(void)curl_multi_remove_handle(ob.multi,
			    ob.msgs[i].easy);
			curl_easy_cleanup(ob.msgs[i].easy);
		}
		curl_slist_free_all(ob.msgs[i].headers);
		free(ob.msgs[i].body);
	}
	free(ob.msgs);
	free(ob.sent_by);
	ob.msgs = NULL;
	ob.sent_by = NULL;
	ob.nmsgs = 0;
}

int
outbox_fail(struct outbox_msg *m, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	(void)vsnprintf(m->error, sizeof(m->error), fmt, ap);
	va_end(ap);
	m->done = 1;
	m->ok = 0;
	return (-1);
}

/* Every address a connection would go to, checked as it is opened. */
static curl_socket_t
ob_open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct outbox_msg	*m = arg;
	int			 cls;

	(void)purpose;
	cls = webhook_addr_internal(&a->addr);
	if (!m->any_address && (cls == 2 || (cls == 1 &&
	    !m->allow_loopback))) {
		m->refused = 1;
		return (CURL_SOCKET_BAD);
	}
	return (socket(a->family, a->socktype, a->protocol));
}

/* The answer's body is not read by anyone. */
static size_t
ob_discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return (size * n);
}

int
outbox_http_post(struct outbox_msg *m, const char *url, char *body,
    const char *type)
{
	char	line[128];

	m->body = body;
	(void)snprintf(line, sizeof(line), "Content-Type: %s", type);
	m->headers = curl_slist_append(m->headers, line);
	m->headers = curl_slist_append(m->headers, "Expect:");
	m->headers = curl_slist_append(m->headers,
	    "User-Agent: handoff-outbox");
	if (m->headers == NULL ||
	    curl_easy_setopt(m->easy, CURLOPT_URL, url) != CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_PROTOCOLS_STR, "http,https") !=
	    CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK)
		return (outbox_fail(m, "cannot set up the request"));
	outbox_curl_defaults(m, OB_TIMEOUT_MS, OB_CONNECT_MS);
	curl_easy_setopt(m->easy, CURLOPT_POSTFIELDS, m->body);
	curl_easy_setopt(m->easy, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)strlen(m->body));
	curl_easy_setopt(m->easy, CURLOPT_HTTPHEADER, m->headers);
	curl_easy_setopt(m->easy, CURLOPT_OPENSOCKETFUNCTION, ob_open_socket);
	curl_easy_setopt(m->easy, CURLOPT_OPENSOCKETDATA, m);
	curl_easy_setopt(m->easy, CURLOPT_WRITEFUNCTION, ob_discard);
	return (0);
}

/*
 * What every delivery's transfer is set to, whatever its protocol: no
 * signals, no proxy, its time limits, its error in words; and
 * CURLOPT_QUICK_EXIT.  Without that, a transfer ended while its address
 * is still being looked up (a slow DNS server: "Resolving timed out")
 * waits in curl_multi_remove_handle() for the resolver thread, and the
 * worker's event loop with it: every request of that worker stood still
 * for five seconds at a time in security_access.test.js.  With it, the
 * thread is left to finish on its own.
 */
void
outbox_curl_defaults(struct outbox_msg *m, long timeout_ms, long connect_ms)
{
	curl_easy_setopt(m->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(m->easy, CURLOPT_QUICK_EXIT, 1L);
	curl_easy_setopt(m->easy, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(m->easy, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(m->easy, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(m->easy, CURLOPT_ERRORBUFFER, m->curl_error);
}

/* The URL as the endpoint has it, checked again under today's setting. */
static const char *
ob_url(struct outbox_msg *m, const json_t *it)
{
	const char	*url = json_string_value(json_object_get(it, "url"));
	char		 why[160];

	if (webhook_url_check(url, m->allow_loopback, why, sizeof(why)) ==
	    -1) {
		(void)outbox_fail(m, "%s", why);
		return (NULL);
	}
	return (url);
}

/*
 * A signed JSON POST (Standard Webhooks): the body is the payload as it
 * was written with the change; webhook-id is the message's, the same on
 * every attempt; webhook-timestamp is the attempt's.
 */
static int
webhook_prepare(struct outbox_msg *m, const json_t *it)
{
	const char	*url, *id;
	char		*body;
	char		 sig[WEBHOOK_SIGNATURE_LEN], line[160];
	long long	 ts = (long long)time(NULL);

	if ((url = ob_url(m, it)) == NULL)
		return (-1);
	id = json_string_value(json_object_get(it, "msg_id"));
	body = json_dumps(json_object_get(it, "payload"), JSON_COMPACT);
	if (id == NULL || body == NULL) {
		free(body);
		return (outbox_fail(m, "the message is malformed"));
	}
	if (webhook_sign(json_string_value(json_object_get(it, "secret")),
	    id, ts, body, strlen(body), sig) == -1) {
		free(body);
		return (outbox_fail(m, "the endpoint's secret is malformed"));
	}
	if (outbox_http_post(m, url, body, "application/json") == -1)
		return (-1);
	(void)snprintf(line, sizeof(line), "webhook-id: %s", id);
	m->headers = curl_slist_append(m->headers, line);
	(void)snprintf(line, sizeof(line), "webhook-timestamp: %lld", ts);
	m->headers = curl_slist_append(m->headers, line);
	(void)snprintf(line, sizeof(line), "webhook-signature: %s", sig);
	m->headers = curl_slist_append(m->headers, line);
	if (m->headers == NULL)
		return (outbox_fail(m, "out of memory"));
	curl_easy_setopt(m->easy, CURLOPT_HTTPHEADER, m->headers);
	return (0);
}

/* {"text": ...}: Slack's incoming webhooks, Mattermost's, Rocket.Chat's. */
static int
chat_prepare(struct outbox_msg *m, const json_t *it)
{
	const char	*url;
	char		*text, *body;
	json_t		*doc;

	if ((url = ob_url(m, it)) == NULL)
		return (-1);
	text = webhook_chat_text(json_object_get(it, "payload"),
	    app_public_url());
	if (text == NULL)
		return (outbox_fail(m, "no chat text for this event"));
	doc = json_pack("{s:s}", "text", text);
	free(text);
	body = doc != NULL ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	if (body == NULL)
		return (outbox_fail(m, "out of memory"));
	return (outbox_http_post(m, url, body, "application/json"));
}

/*
 * POST /api/v1/webhooks: the URL checked (a 400 that says why), whether
 * it is the loopback (api.webhook_create refuses it unless the setting
 * allows it), and a webhook's secret, shown once in the answer.
 */
int
outbox_webhook_before(struct http_request *req, json_t *doc, json_t **extra)
{
	json_t		*body = json_object_get(doc, "body");
	const char	*url, *channel;
	char		 why[160], secret[WEBHOOK_SECRET_LEN];

	url = json_string_value(json_object_get(body, "url"));
	if (webhook_url_check(url, 1, why, sizeof(why)) == -1) {
		reply_error(req, 400, "invalid", why, "url");
		return (KORE_RESULT_ERROR);
	}
	json_object_set_new(doc, "loopback", json_boolean(
	    webhook_url_check(url, 0, NULL, 0) == -1));
	channel = json_string_value(json_object_get(body, "channel"));
	if (channel == NULL || strcmp(channel, "webhook") == 0) {
		webhook_secret_new(secret);
		json_object_set_new(doc, "secret", json_string(secret));
		*extra = json_pack("{s:s}", "secret", secret);
		sodium_memzero(secret, sizeof(secret));
	}
	return (KORE_RESULT_OK);
}

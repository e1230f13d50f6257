/*
 * session: signing in and out, for browsers (/login, /logout) and for
 * scripts (POST, GET and DELETE /api/v1/session).
 *
 * Signing in is two statements around a password check.  Before any of
 * it, a sign-in that a page of another site sent is refused (login CSRF:
 * it would sign the victim's browser in as the attacker), and so is one
 * from an address that already made too many attempts in this worker
 * (throttle.h: the first line, which keeps the event loop and the database
 * out of a flood).  Then api.login_lookup() applies the budgets every
 * instance shares (the address's failures, all password checks together)
 * and gives the stored argon2id hash, or none for an unknown email, which
 * is checked against a dummy hash so it takes as long, or says the account
 * is locked, whose answer is no whatever the password: no check then,
 * only a pause as long as one.  The check runs off the event loop
 * (pwcheck.c) while the request sleeps.  api.login_record() counts a
 * failure or opens a session with a new random id, so a session id fixed
 * before sign-in is worthless.  Every refusal of the password says the
 * same thing, whether the email exists or not; a budget spent is a 429
 * with Retry-After, which says nothing about any account.
 */
#include <sodium.h>

#include "handoff.h"
#include "httpparse.h"
#include "page.h"
#include "throttle.h"

#define LOGIN_FAILED	"the email or password is wrong, or the account " \
			"is locked for a while after too many attempts"

/* The first line, per worker process (see throttle.h). */
#define LOGIN_GATE_SLOTS	4096
#define LOGIN_GATE_BURST	30
#define LOGIN_GATE_PER_SECOND	1.0

#define LOGIN_LOOKUP	0	/* api.login_lookup() was sent */
#define LOGIN_CHECK	1	/* the password is being checked */
#define LOGIN_RECORD	2	/* api.login_record() was sent */

struct login {
	int		 form;		/* the /login page, not the API */
	int		 phase;
	int		 locked;	/* no check: a pause */
	int		 active;
	json_t		*user_id;
	struct pwcheck	*check;
	char		 email[256];
	char		 password[SECRET_PASSWORD_SIZE];	/* 4 B a char */
	char		 next[256];
	char		 session[SECRET_TOKEN_LEN];
	char		 csrf[SECRET_TOKEN_LEN];
	char		 address[64];
	char		 client[THROTTLE_KEY_LEN];
};

static struct throttle	login_gate;
static int		login_gate_ready;

static int	login_prepare(struct http_request *, struct pipe *);
static int	login_finish(struct http_request *, struct pipe *);
static int	login_fail(struct http_request *, struct pipe *,
		    const struct db_error *);
static void	login_cleanup(void *);
static void	login_page(struct sbuf *, const struct page_ctx *,
		    const char *, const char *, const char *, int);

static const struct pipe_ops login_ops = {
	.ctx_size = sizeof(struct login),
	.prepare = login_prepare,
	.finish = login_finish,
	.fail = login_fail,
	.cleanup = login_cleanup,
};

const int login_form = 1;
const int login_json = 0;

static void
login_cleanup(void *arg)
{
	struct login	*l = arg;

	pwcheck_release(l->check);
	json_decref(l->user_id);
	sodium_memzero(l, sizeof(*l));
}

/* Take email and password (and where to go next) from the body. */
static int
login_read(struct http_request *req, struct login *l)
{
	json_t		*body;
	const char	*email, *password, *next;
	struct verror	 verr;
	int		 ret;

	if ((l->form ? req_form_body(req, &body) : req_json_body(req, &body))
	    != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	email = json_string_value(json_object_get(body, "email"));
	password = json_string_value(json_object_get(body, "password"));
	next = json_string_value(json_object_get(body, "next"));
	ret = KORE_RESULT_ERROR;
	if (validate_object(body, l->form ? login_form_body : login_body,
	    &verr) == -1)
		reply_error(req, 400, "invalid", verr.message, verr.field);
	else if (strlen(email) >= sizeof(l->email) ||
	    strlen(password) >= sizeof(l->password))
		reply_error(req, 400, "invalid", "email or password is too "
		    "long", NULL);
	else
		ret = KORE_RESULT_OK;

	if (ret == KORE_RESULT_OK) {
		(void)snprintf(l->email, sizeof(l->email), "%s", email);
		(void)snprintf(l->password, sizeof(l->password), "%s",
		    password);
		(void)snprintf(l->next, sizeof(l->next), "%s",
		    auth_safe_next(next) ? next : "/");
	}
	json_decref(body);
	return (ret);
}

/* A refusal on the sign-in page (form) or in the shared format (API). */
static void
login_refuse(struct http_request *req, struct login *l, int status,
    const char *code, const char *message)
{
	struct page_ctx	ctx;
	struct sbuf	b;

	if (!l->form) {
		reply_error(req, status, code, message, NULL);
		return;
	}
	if (status == 503)
		http_response_header(req, "retry-after", "2");
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	login_page(&b, &ctx, l->email, l->next, message, 1);
	page_reply(req, status, &b);
}

/* A budget is spent: 429, and when to come back. */
static void
login_throttled(struct http_request *req, struct login *l, int seconds,
    const char *which)
{
	char	after[16], msg[160], user[LOG_USER_LEN];

	(void)snprintf(after, sizeof(after), "%d", seconds);
	http_response_header(req, "retry-after", after);
	/* Not the text as typed: it may be a password (log.c). */
	log_user_unverified(l->email, user);
	log_event(req, user, "login_throttled", "%s, retry after %d s",
	    which, seconds);
	(void)snprintf(msg, sizeof(msg), "too many sign-in attempts; try "
	    "again in %d second%s", seconds, seconds == 1 ? "" : "s");
	login_refuse(req, l, 429, "too_many_attempts", msg);
}

/* Every password check this worker may run is running: 503, try again. */
static void
login_busy(struct http_request *req, struct login *l)
{
	char	user[LOG_USER_LEN];

	log_user_unverified(l->email, user);
	log_event(req, user, "login_busy", "password checks in flight at "
	    "their limit");
	login_refuse(req, l, 503, "busy", "the server is busy signing "
	    "others in; try again in a moment");
}

/*
 * A sign-in sent by a page of another site (a form that posts itself)
 * would sign the victim's browser in as the attacker: only this site's
 * pages, or clients that are no browser, may sign in (httpparse.h).
 */
static int
login_same_site(struct http_request *req)
{
	const char	*site, *origin, *host;

	if (!http_request_header(req, "sec-fetch-site", &site))
		site = NULL;
	if (!http_request_header(req, "origin", &origin))
		origin = NULL;
	if (!http_request_header(req, "host", &host))
		host = NULL;
	return (httpparse_same_site(site, origin, host));
}

/* The first line: this worker's count of the address's attempts. */
static int
login_gate_wait(const char *client)
{
	unsigned char	seed[16];

	if (!login_gate_ready) {
		randombytes_buf(seed, sizeof(seed));
		if (throttle_init(&login_gate, LOGIN_GATE_SLOTS,
		    LOGIN_GATE_BURST, LOGIN_GATE_PER_SECOND, seed) == -1)
			return (0);	/* out of memory: the database's */
		login_gate_ready = 1;
	}
	return (throttle_take(&login_gate, client, kore_time_ms() / 1000.0));
}

static int
login_prepare(struct http_request *req, struct pipe *p)
{
	struct login	*l = pipe_ctx(p);
	int		 ret, wait;

	l->form = *(const int *)pipe_arg(p);
	if (!login_same_site(req)) {
		log_event(req, NULL, "refused", "sign-in sent by another "
		    "site's page");
		reply_error(req, 403, "csrf", l->form ? "This sign-in was "
		    "sent by another site's page, so it was refused. Open "
		    "handoff's own sign-in page and sign in there." :
		    "a sign-in sent by another site's page is refused", NULL);
		return (KORE_RESULT_ERROR);
	}
	if (login_read(req, l) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);
	req_address(req, l->address, sizeof(l->address));
	throttle_client_key(l->address, l->client);

	if ((wait = login_gate_wait(l->client)) > 0) {
		login_throttled(req, l, wait, "address, this worker");
		return (KORE_RESULT_ERROR);
	}
	if (pwcheck_busy()) {
		login_busy(req, l);
		return (KORE_RESULT_ERROR);
	}

	ret = pipe_send(p, STMT_LOGIN_LOOKUP, json_pack("{s:{s:s}, s:s}",
	    "body", "email", l->email, "client", l->client));
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

/* Refused: the same words whatever the reason. */
static void
login_refused(struct http_request *req, struct login *l)
{
	char	user[LOG_USER_LEN];

	/* Not the text as typed: it may be a password (log.c). */
	log_user_unverified(l->email, user);
	metrics_add(METRIC_SIGNIN_FAILURES);
	log_event(req, user, "login_failed", "wrong email, password, "
	    "or locked");
	login_refuse(req, l, 401, "login_failed", LOGIN_FAILED);
}

/* What api.login_lookup() said: a refusal, or a check (or pause) begun. */
static int
login_looked_up(struct http_request *req, struct login *l, json_t *doc)
{
	json_t	*wait;

	if (json_is_true(json_object_get(doc, "throttled"))) {
		wait = json_object_get(doc, "retry_after");
		login_throttled(req, l, json_is_integer(wait) ?
		    (int)json_integer_value(wait) : 60, "shared budget");
		return (PIPE_DONE);
	}

	l->locked = json_is_true(json_object_get(doc, "locked"));
	l->active = json_is_true(json_object_get(doc, "active"));
	l->user_id = json_incref(json_object_get(doc, "user_id"));
	if (l->locked)
		l->check = pwcheck_pause(req);
	else
		l->check = pwcheck_start(req, json_string_value(
		    json_object_get(doc, "password_hash")), l->password);
	sodium_memzero(l->password, sizeof(l->password));
	if (l->check == NULL) {
		login_busy(req, l);
		return (PIPE_DONE);
	}
	l->phase = LOGIN_CHECK;
	return (PIPE_SLEEP);
}

/* The check is done: record its outcome (a locked account's is known). */
static int
login_checked(struct http_request *req, struct pipe *pp, struct login *l)
{
	char	 hash[SECRET_HASH_LEN];
	json_t	*p;
	int	 match;

	if (!pwcheck_done(l->check, &match)) {
		http_request_sleep(req);	/* woken early: back to sleep */
		return (PIPE_SLEEP);
	}
	pwcheck_release(l->check);
	l->check = NULL;
	if (l->locked) {
		login_refused(req, l);
		return (PIPE_DONE);
	}

	secret_random(l->session, sizeof(l->session), "");
	secret_random(l->csrf, sizeof(l->csrf), "");
	secret_sha256_hex(l->session, hash);
	p = json_pack("{s:O?, s:b, s:s, s:s, s:s, s:s}", "user_id",
	    l->user_id, "ok", match && l->active, "session", hash, "csrf",
	    l->csrf, "address", l->address, "client", l->client);
	if (pipe_send(pp, STMT_LOGIN_RECORD, p) != KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	l->phase = LOGIN_RECORD;
	return (PIPE_MORE);
}

static int
login_finish(struct http_request *req, struct pipe *pp)
{
	struct login	*l = pipe_ctx(pp);
	json_t		*doc, *user;
	int		 ret;

	if (l->phase == LOGIN_CHECK)
		return (login_checked(req, pp, l));

	if ((doc = pipe_result(pp)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	if (l->phase == LOGIN_LOOKUP) {
		ret = login_looked_up(req, l, doc);
		json_decref(doc);
		return (ret);
	}

	if (!json_is_true(json_object_get(doc, "ok"))) {
		if (json_is_true(json_object_get(doc, "locked")))
			metrics_add(METRIC_SIGNIN_LOCKOUTS);
		json_decref(doc);
		login_refused(req, l);
		return (PIPE_DONE);
	}

	/* The request log names who signed in (log.c). */
	pipe_who(pp, doc);
	log_event(req, l->email, "login", "signed in");
	auth_session_cookie(req, l->session, 12 * 3600);
	if (l->form) {
		reply_redirect(req, l->next);
	} else {
		user = json_object_get(doc, "user");
		reply_json(req, 200, json_pack("{s:O, s:s}", "user", user,
		    "csrf_token", l->csrf));
	}
	json_decref(doc);
	return (PIPE_DONE);
}

static int
login_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	(void)p;
	reply_db_error(req, err);
	return (PIPE_DONE);
}

/* POST /api/v1/session {"email", "password"}; POST /login (the form). */
int
run_login(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	return (pipe_run(req, route, &login_ops, m->arg, ACCESS_PUBLIC));
}

/* Sign-out and who-am-I -------------------------------------------------- */

static int
whoami_prepare(struct http_request *req, struct pipe *p)
{
	int	ret;

	if ((ret = pipe_send(p, STMT_WHOAMI, req_call_doc(-1, NULL, NULL,
	    NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
whoami_finish(struct http_request *req, struct pipe *p)
{
	const struct principal	*who = req_who(req);

	(void)p;
	reply_json(req, 200, json_pack("{s:{s:I, s:s, s:s, s:s}, s:o, s:s}",
	    "user", "id", (json_int_t)who->user_id, "email", who->email,
	    "name", who->name, "role", who->role, "person",
	    who->person_id > 0 ? json_pack("{s:I, s:s}", "id",
	    (json_int_t)who->person_id, "name", who->person) : json_null(),
	    "via", who->via_token ? "token" : "session"));
	return (PIPE_DONE);
}

const struct pipe_ops whoami_ops = {
	.prepare = whoami_prepare,
	.finish = whoami_finish,
};

struct logout_call {
	int	form;
};

/*
 * Ending the session the cookie names: a change, so its CSRF token comes
 * with it (the form's field or the X-CSRF-Token header).  A token is no
 * session: there is nothing to end, and answering 204 would suggest the
 * token stopped working, so that is a 400 once the token is known good.
 */
static int
logout_prepare(struct http_request *req, struct pipe *p)
{
	struct logout_call	*w = pipe_ctx(p);
	json_t			*body;
	char			 session[SECRET_HASH_LEN];
	char			 token[SECRET_HASH_LEN];
	int			 ret;

	w->form = *(const int *)pipe_arg(p);
	body = NULL;
	if (w->form) {
		if (req_form_body(req, &body) != KORE_RESULT_OK)
			return (KORE_RESULT_ERROR);
		pipe_csrf(p, json_string_value(json_object_get(body,
		    "csrf")));
		json_decref(body);
	}
	/* With a token, the session named is none: nothing ends. */
	(void)auth_credentials(req, session, token);
	body = json_pack("{s:s}", "session", session);
	ret = pipe_send(p, STMT_LOGOUT, req_call_doc(-1, NULL, NULL, body));
	json_decref(body);
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
logout_finish(struct http_request *req, struct pipe *p)
{
	struct logout_call	*w = pipe_ctx(p);
	const struct principal	*who = req_who(req);

	if (who != NULL && who->via_token) {
		reply_error(req, 400, "bad_request", "a bearer token has no "
		    "session to end; revoke the token instead", NULL);
		return (PIPE_DONE);
	}
	log_event(req, who != NULL ? who->email : NULL, "logout",
	    "signed out");
	auth_session_cookie(req, "", 0);
	if (w->form) {
		reply_redirect(req, "/login");
	} else {
		reply_common_headers(req);
		reply_send(req, 204, NULL, 0);
	}
	return (PIPE_DONE);
}

const struct pipe_ops logout_ops = {
	.ctx_size = sizeof(struct logout_call),
	.csrf_refusal = "signing out needs the session's CSRF token",
	.prepare = logout_prepare,
	.finish = logout_finish,
};

/* The sign-in page ------------------------------------------------------- */

static void
login_page(struct sbuf *b, const struct page_ctx *ctx, const char *email,
    const char *next, const char *error, int have_users)
{
	layout_begin(b, "Sign in", ctx);
	sbuf_str(b, "<section class=\"login\">\n<h1>Sign in</h1>\n");
	if (!have_users)
		sbuf_str(b, "<p class=\"form-notice\">There are no accounts "
		    "yet. Create the first administrator on the server:<br>"
		    "<code>.build/handoffctl user-add --role admin --email "
		    "you@example.com --name \"Your Name\"</code></p>\n");
	if (error != NULL)
		html_printf(b, "<p class=\"form-notice\" role=\"alert\" "
		    "id=\"login-error\">Not signed in: %s.</p>\n", error);
	html_printf(b, "<form method=\"post\" action=\"/login\" id=\"login\">\n"
	    "<input type=\"hidden\" name=\"next\" value=\"%s\">\n"
	    "<label for=\"login-email\">Email</label>\n"
	    "<input type=\"email\" id=\"login-email\" name=\"email\" "
	    "autocomplete=\"username\" required value=\"%s\">\n"
	    "<label for=\"login-password\">Password</label>\n"
	    "<input type=\"password\" id=\"login-password\" name=\"password\" "
	    "autocomplete=\"current-password\" required>\n"
	    "<button type=\"submit\">Sign in</button>\n</form>\n</section>\n",
	    next, email);
	layout_end(b);
}

static int
login_page_prepare(struct http_request *req, struct pipe *p)
{
	int	ret;

	if ((ret = pipe_send(p, STMT_ACCOUNTS_EXIST, json_object())) !=
	    KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
login_page_finish(struct http_request *req, struct pipe *p)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;
	json_t		*query;
	const char	*next, *have;

	query = json_object();
	if (req_query(req, login_query, query) != KORE_RESULT_OK) {
		json_decref(query);
		return (PIPE_DONE);
	}
	next = json_string_value(json_object_get(query, "next"));
	if (!auth_safe_next(next))
		next = "/";
	have = pipe_value(p);

	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	login_page(&b, &ctx, "", next, NULL, have != NULL && *have == 't');
	page_reply(req, 200, &b);
	json_decref(query);
	return (PIPE_DONE);
}

const struct pipe_ops login_page_ops = {
	.prepare = login_page_prepare,
	.finish = login_page_finish,
};

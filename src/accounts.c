/*
 * accounts: API tokens and user accounts.
 *
 * Secrets are made here, never in SQL: a new token is random, shown to
 * its owner once and stored as its SHA-256; a password is stored as its
 * argon2id hash.  The JSON routes are rows of routes.c whose before()
 * hooks below add the hash to the request and the secret to the reply;
 * the /tokens page does the same for people in a browser.  The /accounts
 * page shows admins every account and its sign-in state, and unlocks one.
 */
#include <sodium.h>

#include "handoff.h"
#include "doc.h"
#include "page.h"

/* POST /api/v1/tokens: a new token for the signed-in user. */
int
accounts_token_before(struct http_request *req, json_t *doc, json_t **extra)
{
	struct secret_token	t;

	(void)req;
	secret_new_token(&t);
	json_object_set_new(doc, "token_hash", json_string(t.hash));
	json_object_set_new(doc, "prefix", json_string(t.prefix));
	*extra = json_pack("{s:s}", "token", t.token);
	sodium_memzero(&t, sizeof(t));
	return (KORE_RESULT_OK);
}

/*
 * A password in a write (POST /api/v1/users, PATCH /api/v1/users/{id}, the
 * accounts page's forms) is stored as its argon2id hash.  Hashing costs
 * about 0.1 s of a core, so it happens only once the caller is known to
 * be allowed the write, and off the event loop:
 *
 *  1. begin (in prepare()): the password's length is checked (400), the
 *     write is kept, and the one statement sent is api.whoami with the
 *     route's access and the request's CSRF token: anyone else is refused
 *     there, before any hashing (else an anonymous client could make the
 *     server hash for nothing);
 *  2. step (in finish(), whoami said yes): the hash is made in a task
 *     thread (pwcheck_hash()) while the request sleeps; 503 when four
 *     checks or hashes per task thread are in flight (pwcheck_busy());
 *  3. step again (woken): the hash replaces the password in the write,
 *     which is sent with its Idempotency-Key, and its answer is finish()'s
 *     as for any other write.
 */
int
accounts_password_begin(struct http_request *req, struct pipe *p,
    struct pwwrite *w, enum stmt s, json_t *doc, const char *idem_key,
    const char *idem_hash)
{
	json_t		*pw;
	char		 msg[64];

	pw = json_object_get(json_object_get(doc, "body"), "password");
	if (!json_is_string(pw))
		return (0);
	if (!secret_password_ok(json_string_value(pw))) {
		(void)snprintf(msg, sizeof(msg), "password must be %d to %d "
		    "characters", SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX);
		reply_error(req, 400, "invalid", msg, "password");
		return (-1);
	}
	w->doc = json_incref(doc);
	w->stmt = s;
	if ((w->have_idem = idem_key != NULL)) {
		(void)snprintf(w->idem_key, sizeof(w->idem_key), "%s",
		    idem_key);
		(void)snprintf(w->idem_hash, sizeof(w->idem_hash), "%s",
		    idem_hash);
	}
	w->state = PWWRITE_ASKING;
	if (pipe_send(p, STMT_WHOAMI, json_object()) != KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (-1);
	}
	return (1);
}

/*
 * The next step of w after an answer (or a wake-up): PIPE_SLEEP or
 * PIPE_MORE while it is under way, PIPE_DONE when it replied itself (busy,
 * a failure), and -1 when the write's own answer is in (or there was no
 * password): finish() goes on as for any write.
 */
int
accounts_password_step(struct http_request *req, struct pipe *p,
    struct pwwrite *w)
{
	json_t		*body;
	const char	*hash;
	int		 match;

	switch (w->state) {
	case PWWRITE_ASKING:
		body = json_object_get(w->doc, "body");
		w->hashing = pwcheck_hash(req, json_string_value(
		    json_object_get(body, "password")));
		json_object_del(body, "password");
		if (w->hashing == NULL) {
			reply_error(req, 503, "busy", "the server is busy "
			    "hashing passwords; try again in a moment", NULL);
			return (PIPE_DONE);
		}
		w->state = PWWRITE_HASHING;
		return (PIPE_SLEEP);
	case PWWRITE_HASHING:
		if (!pwcheck_done(w->hashing, &match)) {
			http_request_sleep(req);	/* woken early */
			return (PIPE_SLEEP);
		}
		if ((hash = pwcheck_made(w->hashing)) == NULL) {
			kore_log(LOG_ERR, "accounts: cannot hash a password "
			    "(out of memory?)");
			reply_error(req, 500, "internal", "internal error",
			    NULL);
			return (PIPE_DONE);
		}
		json_object_set_new(json_object_get(w->doc, "body"),
		    "password_hash", json_string(hash));
		accounts_password_clear(w);
		if (w->have_idem)
			pipe_idem(p, w->idem_key, w->idem_hash);
		w->state = PWWRITE_SENT;
		if (pipe_send(p, w->stmt, w->doc) != KORE_RESULT_OK) {
			w->doc = NULL;
			reply_error(req, 500, "internal", "internal error",
			    NULL);
			return (PIPE_DONE);
		}
		w->doc = NULL;		/* pipe_send() took it */
		return (PIPE_MORE);
	default:
		return (-1);
	}
}

/* Let go of w's hashing, if any (the request is done, or gone). */
void
accounts_password_clear(struct pwwrite *w)
{
	pwcheck_release(w->hashing);
	w->hashing = NULL;
}

/* ... and of the write it kept. */
void
accounts_password_free(struct pwwrite *w)
{
	accounts_password_clear(w);
	json_decref(w->doc);
	w->doc = NULL;
}

/* The tokens page ---------------------------------------------------------- */

struct tokens_call {
	int	 action;	/* 0 show, 1 create, 2 revoke, 3 created */
	char	 token[SECRET_TOKEN_LEN];	/* the new one, shown once */
	char	 feed[48];	/* what the new one reads, if a feed */
	char	 error[128];
};

/*
 * The address of calendar feed f ("portfolio", "project:12", "person:3")
 * for its key: HANDOFF_PUBLIC_URL in front when it is set.
 */
static void
tokens_feed_url(struct sbuf *b, const char *feed, const char *key)
{
	const char	*base = app_public_url();

	sbuf_str(b, base != NULL ? base : "");
	if (strncmp(feed, "project:", 8) == 0)
		sbuf_printf(b, "/feeds/projects/%s", feed + 8);
	else if (strncmp(feed, "person:", 7) == 0)
		sbuf_printf(b, "/feeds/people/%s", feed + 7);
	else
		sbuf_str(b, "/feeds/portfolio");
	sbuf_str(b, "?key=");
	sbuf_str(b, key);
}

static void
tokens_page(struct sbuf *b, const struct page_ctx *ctx, json_t *list,
    const char *token, const char *feed, const char *error)
{
	struct sbuf	 url;
	json_t		*t;
	size_t		 i;
	char		 action[64], id[40];

	layout_begin(b, "API tokens", ctx);
	sbuf_str(b, "<header class=\"page-head\"><h1>API tokens</h1>\n<p>A "
	    "token lets a script or a chat bot use the JSON API as you, with "
	    "your role: send it as <code>Authorization: Bearer &hellip;"
	    "</code>. It is shown once; handoff keeps only its hash."
	    "</p></header>\n");
	if (token != NULL && feed != NULL && *feed != '\0') {
		sbuf_init(&url);
		tokens_feed_url(&url, feed, token);
		html_printf(b, "<section class=\"new-token\" role=\"status\">"
		    "<h2>Your new calendar feed</h2>\n<p>Subscribe to this "
		    "address in your calendar application; copy it now: it "
		    "will not be shown again.</p>\n<p><code id=\"new-feed\">"
		    "%s</code></p>\n</section>\n", sbuf_cstr(&url));
		sbuf_free(&url);
	} else if (token != NULL)
		html_printf(b, "<section class=\"new-token\" role=\"status\">"
		    "<h2>Your new token</h2>\n<p>Copy it now: it will not be "
		    "shown again.</p>\n<p><code id=\"new-token\">%s</code></p>"
		    "\n</section>\n", token);
	if (error != NULL && *error != '\0')
		html_printf(b, "<p class=\"form-notice\" role=\"alert\">%s</p>"
		    "\n", error);

	sbuf_str(b, "<section aria-labelledby=\"tokens-h\">\n<h2 "
	    "id=\"tokens-h\">Your tokens</h2>\n<table>\n<thead><tr>"
	    "<th scope=\"col\">Name</th><th scope=\"col\">Starts with</th>"
	    "<th scope=\"col\">Created</th><th scope=\"col\">Last used</th>"
	    "<th scope=\"col\">State</th></tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(list, "tokens"), i, t) {
		html_printf(b, "<tr><th scope=\"row\">%s%s%s</th><td><code>%s"
		    "&hellip;</code></td><td>%s</td><td>%s</td><td>",
		    json_string_value(json_object_get(t, "name")),
		    json_is_string(json_object_get(t, "feed")) ?
		    " <span class=\"muted\">calendar feed: " : "",
		    json_is_string(json_object_get(t, "feed")) ?
		    json_string_value(json_object_get(t, "feed")) : "",
		    json_string_value(json_object_get(t, "prefix")),
		    json_string_value(json_object_get(t, "created_at")),
		    json_is_string(json_object_get(t, "last_used_at")) ?
		    json_string_value(json_object_get(t, "last_used_at")) :
		    "never");
		if (json_is_string(json_object_get(t, "revoked_at"))) {
			render_badge(b, "paused", "revoked");
		} else {
			(void)snprintf(action, sizeof(action),
			    "/tokens/%" JSON_INTEGER_FORMAT "/revoke",
			    json_integer_value(json_object_get(t, "id")));
			(void)snprintf(id, sizeof(id),
			    "revoke-%" JSON_INTEGER_FORMAT,
			    json_integer_value(json_object_get(t, "id")));
			form_open(b, ctx, NULL, action, id, -1);
			html_printf(b, "<button type=\"submit\">Revoke<span "
			    "class=\"visually-hidden\"> %s</span></button>\n",
			    json_string_value(json_object_get(t, "name")));
			form_close(b);
		}
		sbuf_str(b, "</td></tr>\n");
	}
	sbuf_str(b, "</tbody>\n</table>\n</section>\n<section "
	    "aria-labelledby=\"new-h\">\n<h2 id=\"new-h\">New token</h2>\n");
	form_open(b, ctx, NULL, "/tokens", "new-token-form", -1);
	sbuf_str(b, "<label for=\"token-name\">What it is for</label>\n"
	    "<input type=\"text\" id=\"token-name\" name=\"name\" required "
	    "maxlength=\"100\" placeholder=\"chat bot\">\n"
	    "<button type=\"submit\">Create a token</button>\n");
	form_close(b);
	sbuf_str(b, "</section>\n<section aria-labelledby=\"feed-h\">\n"
	    "<h2 id=\"feed-h\">New calendar feed</h2>\n<p>A calendar "
	    "application subscribes to an address, with no header: the "
	    "address carries its own key, which reads that one feed of "
	    "checkpoints and nothing else. Revoke it above like a token.</p>"
	    "\n");
	form_open(b, ctx, NULL, "/tokens", "new-feed-form", -1);
	sbuf_str(b, "<label for=\"feed-name\">Where you will subscribe"
	    "</label>\n<input type=\"text\" id=\"feed-name\" name=\"name\" "
	    "required maxlength=\"100\" placeholder=\"my calendar\">\n"
	    "<label for=\"feed-feed\">Which feed</label>\n"
	    "<input type=\"text\" id=\"feed-feed\" name=\"feed\" required "
	    "maxlength=\"40\" value=\"portfolio\" "
	    "aria-describedby=\"feed-hint\">\n<p id=\"feed-hint\" "
	    "class=\"muted\"><code>portfolio</code>, <code>project:ID</code> "
	    "or <code>person:ID</code> (the number in a project's or "
	    "person's address)</p>\n"
	    "<button type=\"submit\">Create a feed</button>\n");
	form_close(b);
	sbuf_str(b, "</section>\n");
	layout_end(b);
}

static int
tokens_prepare(struct http_request *req, struct pipe *p)
{
	struct tokens_call	*tc = pipe_ctx(p);
	json_t			*form, *doc, *path, *body, *extra, *name;
	json_t			*feed;
	struct verror		 verr;
	int			 ret;

	tc->action = *(const int *)pipe_arg(p);
	form = NULL;
	path = NULL;
	body = NULL;
	ret = KORE_RESULT_ERROR;

	if (tc->action != 0) {
		if (req_form_body(req, &form) != KORE_RESULT_OK)
			goto out;
		pipe_csrf(p, json_string_value(json_object_get(form,
		    "csrf")));
	}

	if (tc->action == 1) {
		/* The API's own rule (token_body): the form adds only csrf. */
		body = json_object();
		if ((name = json_object_get(form, "name")) != NULL)
			json_object_set(body, "name", name);
		/* The feed form: a token of the feed scope. */
		if ((feed = json_object_get(form, "feed")) != NULL) {
			json_object_set_new(body, "scope",
			    json_string("feed"));
			json_object_set(body, "feed", feed);
			(void)snprintf(tc->feed, sizeof(tc->feed), "%s",
			    json_string_value(feed) != NULL ?
			    json_string_value(feed) : "");
		}
		if (validate_object(body, token_body, &verr) == -1) {
			(void)snprintf(tc->error, sizeof(tc->error),
			    "Give the token a name of one line, up to 100 "
			    "characters%s.", tc->feed[0] != '\0' ? ", and name "
			    "its feed" : "");
			tc->action = 0;
		} else {
			doc = req_call_doc(-1, NULL, NULL, body);
			extra = NULL;
			(void)accounts_token_before(req, doc, &extra);
			(void)snprintf(tc->token, sizeof(tc->token), "%s",
			    json_string_value(json_object_get(extra,
			    "token")));
			json_decref(extra);
			if ((ret = pipe_send(p, STMT_TOKEN_CREATE, doc)) !=
			    KORE_RESULT_OK)
				reply_error(req, 500, "internal",
				    "internal error", NULL);
			goto out;
		}
	} else if (tc->action == 2) {
		path = json_object();
		if (req_path(req, pipe_route(p)->pattern, path) !=
		    KORE_RESULT_OK) {
			reply_error(req, 404, "not_found", "no such token",
			    NULL);
			goto out;
		}
		if ((ret = pipe_send(p, STMT_TOKEN_REVOKE, req_call_doc(-1,
		    path, NULL, NULL))) != KORE_RESULT_OK)
			reply_error(req, 500, "internal", "internal error",
			    NULL);
		goto out;
	}

	ret = pipe_send(p, STMT_TOKEN_LIST, req_call_doc(-1, NULL, NULL,
	    NULL));
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
out:
	json_decref(form);
	json_decref(path);
	json_decref(body);
	return (ret);
}

/*
 * After a new token, the list shows it too: a second statement.  After a
 * revocation, back to the page (no list to fetch).
 */
static int
tokens_finish(struct http_request *req, struct pipe *p)
{
	struct tokens_call	*tc = pipe_ctx(p);
	struct page_ctx		 ctx;
	struct sbuf		 b;
	json_t			*list;

	if (tc->action == 2) {
		reply_redirect(req, "/tokens");
		return (PIPE_DONE);
	}
	if (tc->action == 1) {
		tc->action = 3;
		if (pipe_send(p, STMT_TOKEN_LIST, req_call_doc(-1, NULL, NULL,
		    NULL)) != KORE_RESULT_OK) {
			reply_error(req, 500, "internal", "internal error",
			    NULL);
			return (PIPE_DONE);
		}
		return (PIPE_MORE);
	}
	list = pipe_result(p);
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	tokens_page(&b, &ctx, list, tc->action == 3 ? tc->token : NULL,
	    tc->feed, tc->error);
	page_reply(req, tc->error[0] != '\0' ? 400 : 200, &b);
	json_decref(list);
	sodium_memzero(tc->token, sizeof(tc->token));
	return (PIPE_DONE);
}

static void
tokens_cleanup(void *arg)
{
	struct tokens_call	*tc = arg;

	sodium_memzero(tc->token, sizeof(tc->token));
}

const struct pipe_ops tokens_ops = {
	.ctx_size = sizeof(struct tokens_call),
	.csrf_refusal = "This form has expired. Reload the page and try "
	    "again.",
	.prepare = tokens_prepare,
	.finish = tokens_finish,
	.cleanup = tokens_cleanup,
};

const int tokens_show = 0, tokens_create = 1, tokens_revoke = 2;

/* The accounts page (admins) ---------------------------------------------- */

/* Every account, and the people none stands for (api.accounts_page). */
static int
accounts_push(struct http_request *req, struct pipe *p, json_t *path)
{
	(void)path;
	return (page_send(req, p, STMT_ACCOUNTS_PAGE, NULL, NULL));
}

/*
 * <option>s of the people an account may stand for: the one it stands for
 * now (selected), then everyone no account stands for; first "none"
 * (value "") labelled as given.
 */
static void
accounts_person_options(struct sbuf *b, json_t *doc, json_t *mine,
    long long selected, const char *none)
{
	json_t		*x;
	size_t		 i;
	long long	 id;

	html_printf(b, "<option value=\"\">%s</option>\n", none);
	if (mine != NULL)
		html_printf(b, "<option value=\"%lld\"%s>%s (%s)</option>\n",
		    doc_int(mine, "id"), doc_int(mine, "id") == selected ?
		    " selected" : "", doc_str(mine, "name"),
		    doc_str(mine, "role"));
	json_array_foreach(doc_arr(doc, "unlinked"), i, x) {
		id = doc_int(x, "id");
		html_printf(b, "<option value=\"%lld\"%s>%s (%s, %s)%s</option>"
		    "\n", id, id == selected ? " selected" : "",
		    doc_str(x, "name"), doc_str(x, "role"),
		    doc_str(x, "email"), doc_bool(x, "active") ? "" :
		    " inactive");
	}
}

/* A <select> of the account roles, sent (or stored) one chosen. */
static void
accounts_role_select(struct sbuf *b, const struct form_state *fs,
    const char *form, const char *stored)
{
	const char	*v = form_value(fs, form, "role", stored);
	size_t		 i;

	html_printf(b, "<label for=\"%s-role\">Role</label>\n", form);
	form_field_error(b, fs, form, "role");
	html_printf(b, "<select id=\"%s-role\" name=\"role\"", form);
	form_input_attrs(b, fs, form, "role", NULL);
	sbuf_str(b, ">\n");
	for (i = 0; user_role_keys[i] != NULL; i++)
		render_option(b, user_role_keys[i], user_role_keys[i],
		    strcmp(v, user_role_keys[i]) == 0);
	sbuf_str(b, "</select>\n");
}

/* A new password, never filled in again from what was sent. */
static void
accounts_password_input(struct sbuf *b, const struct form_state *fs,
    const char *form, const char *label)
{
	char	hint[64];

	(void)snprintf(hint, sizeof(hint), "%s-password-hint", form);
	html_printf(b, "<label for=\"%s-password\">%s</label>\n<p "
	    "class=\"hint\" id=\"%s\">%d to %d characters.</p>\n", form,
	    label, hint, SECRET_PASSWORD_MIN, SECRET_PASSWORD_MAX);
	form_field_error(b, fs, form, "password");
	html_printf(b, "<input type=\"password\" id=\"%s-password\" "
	    "name=\"password\" required minlength=\"%d\" maxlength=\"%d\" "
	    "autocomplete=\"new-password\"", form, SECRET_PASSWORD_MIN,
	    SECRET_PASSWORD_MAX);
	form_input_attrs(b, fs, form, "password", hint);
	sbuf_str(b, ">\n");
}

/* <details> around form id of account u, open when it was refused. */
static void
accounts_details_open(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *u, const char *what,
    const char *summary)
{
	char	form[64], action[64];

	(void)snprintf(form, sizeof(form), "acct-%lld-%s", doc_int(u, "id"),
	    what);
	(void)snprintf(action, sizeof(action), "/accounts/%lld/%s",
	    doc_int(u, "id"), what);
	html_printf(b, "<details%s><summary>%s<span class=\"visually-hidden"
	    "\"> of %s</span></summary>\n", form_failed(fs, form) ? " open" :
	    "", summary, doc_str(u, "email"));
	form_open(b, ctx, fs, action, form, doc_int(u, "version"));
}

static void
accounts_details_close(struct sbuf *b, const char *button)
{
	html_printf(b, "<button type=\"submit\">%s</button>\n", button);
	form_close(b);
	sbuf_str(b, "</details>\n");
}

/* An account's forms: role, linked person, password, active. */
static void
accounts_forms(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *doc, json_t *u)
{
	long long	 id = doc_int(u, "id");
	json_t		*mine = doc_obj(u, "person");
	const char	*sent;
	char		 form[64];

	(void)snprintf(form, sizeof(form), "acct-%lld-role", id);
	accounts_details_open(b, ctx, fs, u, "role", "Change the role");
	accounts_role_select(b, fs, form, doc_str(u, "role"));
	accounts_details_close(b, "Save the role");

	(void)snprintf(form, sizeof(form), "acct-%lld-person", id);
	accounts_details_open(b, ctx, fs, u, "person",
	    "Change the linked person");
	html_printf(b, "<label for=\"%s-person_id\">Person</label>\n", form);
	form_field_error(b, fs, form, "person_id");
	html_printf(b, "<select id=\"%s-person_id\" name=\"person_id\"",
	    form);
	form_input_attrs(b, fs, form, "person_id", NULL);
	sbuf_str(b, ">\n");
	sent = form_value(fs, form, "person_id", NULL);
	accounts_person_options(b, doc, mine, *sent != '\0' ?
	    strtoll(sent, NULL, 10) : doc_int(mine, "id"),
	    "nobody (the account stands for no person)");
	sbuf_str(b, "</select>\n");
	accounts_details_close(b, "Save the link");

	(void)snprintf(form, sizeof(form), "acct-%lld-password", id);
	accounts_details_open(b, ctx, fs, u, "password",
	    "Set a new password");
	accounts_password_input(b, fs, form, "New password");
	html_printf(b, "<p class=\"hint\">Every session of the account "
	    "ends. Its API tokens are revoked unless you tick:</p>\n"
	    "<input type=\"checkbox\" id=\"%s-keep_tokens\" "
	    "name=\"keep_tokens\" value=\"true\">\n<label for=\"%s-"
	    "keep_tokens\">Keep its API tokens</label>\n", form, form);
	accounts_details_close(b, "Set the password");

	accounts_details_open(b, ctx, fs, u, "active", doc_bool(u, "active") ?
	    "Deactivate" : "Reactivate");
	html_printf(b, "<input type=\"hidden\" name=\"active\" value=\"%s\">"
	    "\n<p class=\"hint\">%s</p>\n", doc_bool(u, "active") ? "false" :
	    "true", doc_bool(u, "active") ? "The account can no longer sign "
	    "in; its sessions end and its API tokens stop working." :
	    "The account can sign in again with its password.");
	accounts_details_close(b, doc_bool(u, "active") ?
	    "Deactivate the account" : "Reactivate the account");
}

static void
accounts_row(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *doc, json_t *u)
{
	long long	 id = doc_int(u, "id");
	const char	*until = doc_str(u, "locked_until");
	long long	 fails = doc_int(u, "failed_logins");
	json_t		*person = doc_obj(u, "person");
	char		 form[48], action[64];

	html_printf(b, "<tr id=\"user-%lld\"><th scope=\"row\">%s</th>"
	    "<td data-label=\"Name\">%s</td><td data-label=\"Person\">", id,
	    doc_str(u, "email"), doc_str(u, "name"));
	if (person != NULL)
		html_printf(b, "%s <span class=\"muted\">(%s)</span>",
		    doc_str(person, "name"), doc_str(person, "role"));
	else
		sbuf_str(b, "<span class=\"muted\">none</span>");
	html_printf(b, "</td><td data-label=\"Role\">%s</td>"
	    "<td data-label=\"State\">", doc_str(u, "role"));
	render_badge(b, doc_bool(u, "active") ? "active" : "paused",
	    doc_bool(u, "active") ? "active" : "inactive");
	if (until != NULL) {
		sbuf_str(b, " ");
		render_badge(b, "blocked", "locked");
		html_printf(b, " <span class=\"muted\">until %s</span>",
		    until);
	}
	html_printf(b, "</td><td data-label=\"Failed sign-ins\">%lld</td>"
	    "<td data-label=\"Sign-in\">", fails);
	if (until != NULL || fails > 0) {
		(void)snprintf(form, sizeof(form), "user-%lld", id);
		(void)snprintf(action, sizeof(action), "/accounts/%lld/unlock",
		    id);
		form_open(b, ctx, fs, action, form, -1);
		html_printf(b, "<input type=\"hidden\" name=\"unlock\" "
		    "value=\"true\">\n<button type=\"submit\">%s<span "
		    "class=\"visually-hidden\"> %s</span></button>\n",
		    until != NULL ? "Unlock" : "Clear failures",
		    doc_str(u, "email"));
		form_close(b);
	}
	sbuf_str(b, "</td><td data-label=\"Change\">");
	accounts_forms(b, ctx, fs, doc, u);
	sbuf_str(b, "</td></tr>\n");
}

/* The form that makes an account (POST /accounts). */
static void
accounts_new(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, json_t *doc)
{
	static const char	*const form = "new-account";
	const char		*sent;

	html_printf(b, "<section id=\"new-account\" aria-labelledby=\""
	    "new-account-h\">\n<h2 id=\"new-account-h\">New account</h2>\n"
	    "<details%s><summary>Create an account</summary>\n",
	    form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, "/accounts", form, -1);
	sbuf_str(b, "<label for=\"new-account-email\">Email</label>\n");
	form_field_error(b, fs, form, "email");
	html_printf(b, "<input type=\"email\" id=\"new-account-email\" "
	    "name=\"email\" required autocomplete=\"off\" value=\"%s\"",
	    form_value(fs, form, "email", ""));
	form_input_attrs(b, fs, form, "email", NULL);
	sbuf_str(b, ">\n<label for=\"new-account-name\">Name</label>\n");
	form_field_error(b, fs, form, "name");
	html_printf(b, "<input type=\"text\" id=\"new-account-name\" "
	    "name=\"name\" required maxlength=\"200\" value=\"%s\"",
	    form_value(fs, form, "name", ""));
	form_input_attrs(b, fs, form, "name", NULL);
	sbuf_str(b, ">\n");
	accounts_role_select(b, fs, form, "member");
	sbuf_str(b, "<label for=\"new-account-person_id\">Linked person"
	    "</label>\n<p class=\"hint\" id=\"new-account-person-hint\">The "
	    "person the account stands for: what its owner does is "
	    "recorded as theirs, and My work shows their boxes. Add a new "
	    "person on the <a href=\"/people\">People</a> page first.</p>\n");
	form_field_error(b, fs, form, "person_id");
	sbuf_str(b, "<select id=\"new-account-person_id\" name=\"person_id\"");
	form_input_attrs(b, fs, form, "person_id", "new-account-person-hint");
	sbuf_str(b, ">\n");
	sent = form_value(fs, form, "person_id", "");
	accounts_person_options(b, doc, NULL, *sent != '\0' ?
	    strtoll(sent, NULL, 10) : 0, "the person of the same email, if "
	    "any");
	sbuf_str(b, "</select>\n");
	accounts_password_input(b, fs, form, "Initial password");
	sbuf_str(b, "<button type=\"submit\">Create the account</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n</section>\n");
}

static void
accounts_render(struct http_request *req, json_t *doc, json_t *path,
    const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;
	json_t		*u;
	size_t		 i;

	(void)path;
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	layout_begin(&b, "Accounts", &ctx);
	sbuf_str(&b, "<header class=\"page-head\"><h1>Accounts</h1>\n<p>"
	    "Who may sign in, with which role, and which person each "
	    "account stands for. After repeated failed "
	    "sign-ins an account has to wait, then locks for a while; "
	    "attempts made meanwhile do not count and do not make it "
	    "longer. Unlock an account here when its owner cannot wait "
	    "(<code>PATCH /api/v1/users/{id}</code> with "
	    "<code>{\"unlock\": true}</code> does the same).</p></header>\n");
	accounts_new(&b, &ctx, fs, doc);
	sbuf_str(&b, "<section aria-labelledby=\"accounts-h\">\n<h2 "
	    "id=\"accounts-h\">Everyone who has an account</h2>\n<table "
	    "class=\"accounts cards\">\n<thead><tr><th scope=\"col\">Email"
	    "</th><th scope=\"col\">Name</th><th scope=\"col\">Person</th>"
	    "<th scope=\"col\">Role</th>"
	    "<th scope=\"col\">State</th><th scope=\"col\">Failed "
	    "sign-ins</th><th scope=\"col\">Sign-in</th><th scope=\"col\">"
	    "Change</th></tr></thead>\n<tbody>\n");
	json_array_foreach(doc_arr(doc, "users"), i, u)
		accounts_row(&b, &ctx, fs, doc, u);
	sbuf_str(&b, "</tbody>\n</table>\n</section>\n");
	layout_end(&b);
	page_reply(req, status, &b);
}

const struct page_view accounts_view = {
	.push = accounts_push, .render = accounts_render
};

static const struct form_field unlock_form[] = {
	{ "unlock", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action unlock_action = {
	"user-%user", STMT_USER_PATCH, unlock_form, user_patch_body,
	"/accounts#user-%user", &accounts_view, NULL
};

static const struct form_field account_new_form[] = {
	{ "email", FORM_TEXT, NULL, NULL },
	{ "name", FORM_TEXT, NULL, NULL },
	{ "role", FORM_TEXT, NULL, NULL },
	{ "person_id", FORM_ID, NULL, NULL },
	{ "password", FORM_TEXT, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/* No person chosen: the API's own default, the person of the same email. */
static void
account_new_adjust(json_t *body, json_t *form)
{
	(void)form;
	if (json_is_null(json_object_get(body, "person_id")))
		json_object_del(body, "person_id");
}

const struct page_action account_new_action = {
	"new-account", STMT_USER_CREATE, account_new_form, user_create_body,
	"/accounts#user-%id", &accounts_view, account_new_adjust
};

static const struct form_field account_role_form[] = {
	{ "role", FORM_TEXT, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action account_role_action = {
	"acct-%user-role", STMT_USER_PATCH, account_role_form,
	user_patch_body, "/accounts#user-%user", &accounts_view, NULL
};

static const struct form_field account_person_form[] = {
	{ "person_id", FORM_ID, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action account_person_action = {
	"acct-%user-person", STMT_USER_PATCH, account_person_form,
	user_patch_body, "/accounts#user-%user", &accounts_view, NULL
};

static const struct form_field account_password_form[] = {
	{ "password", FORM_TEXT, NULL, NULL },
	{ "keep_tokens", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action account_password_action = {
	"acct-%user-password", STMT_USER_PATCH, account_password_form,
	user_patch_body, "/accounts#user-%user", &accounts_view, NULL
};

static const struct form_field account_active_form[] = {
	{ "active", FORM_BOOL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

const struct page_action account_active_action = {
	"acct-%user-active", STMT_USER_PATCH, account_active_form,
	user_patch_body, "/accounts#user-%user", &accounts_view, NULL
};

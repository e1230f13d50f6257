/*
 * page: the machinery behind the HTML pages.
 *
 * A page is a struct page_view: the one statement it needs (push), whose
 * function returns everything the page shows in one document, and how it
 * draws it (render).  run_page() serves it for GET.
 *
 * A form posts to a struct page_action: the form fields become the body of
 * one api.* function call, checked with the same field tables as the JSON
 * API.  Success redirects (303) to the page; a refusal (bad input, a
 * conflict, someone else's change) draws the page again with the form
 * state, so the message sits next to the field and nothing typed is lost.
 *
 * A view that names itself kept is kept whole once drawn for a plain GET
 * (kept.c): its statement is a kept read, given the key (the view, this
 * code, today and the address), that answers the kept text, if any, and
 * the key it used in its second and third columns: a page that shows
 * what its reader may do is kept per account (the statement adds who
 * asks to the key).  The page is drawn with marks where each answer's
 * CSRF token and Idempotency-Keys go (render.h).  A view with a title
 * draws its body only, kept for everyone, and the page around it is
 * drawn for each answer.
 */
#include "handoff.h"
#include "facts.h"
#include "page.h"
#include "risk.h"

struct page_call {
	const struct page_view		*view;
	const struct page_action	*action;
	json_t				*path;
	json_t				*values;	/* the form, as sent */
	int				 status;	/* of the page drawn */
	struct form_state		 fs;
	char				 form[96];
	char				 field[64];
	char				 message[1024];
	struct pwwrite			 pw;	/* the accounts page's */
	struct kept			 kept;	/* a kept view's GET */
	/* A form naming people by name: its body while they are looked up. */
	json_t				*body;
	long long			 version;
	int				 idem;
	const char			*key;
};

static int	page_show_prepare(struct http_request *, struct pipe *);
static int	page_show_finish(struct http_request *, struct pipe *);
static int	page_show_fail(struct http_request *, struct pipe *,
		    const struct db_error *);
static void	page_key(struct http_request *, struct page_call *);
static int	page_act_prepare(struct http_request *, struct pipe *);
static int	page_act_finish(struct http_request *, struct pipe *);
static int	page_act_fail(struct http_request *, struct pipe *,
		    const struct db_error *);
static void	page_call_cleanup(void *);
static int	page_field_safe(const char *);
static int	page_changed(struct http_request *, struct page_call *);

static const struct pipe_ops page_show_ops = {
	.ctx_size = sizeof(struct page_call),
	.prepare = page_show_prepare,
	.finish = page_show_finish,
	.fail = page_show_fail,
	.cleanup = page_call_cleanup,
};

static const struct pipe_ops page_act_ops = {
	.ctx_size = sizeof(struct page_call),
	.prepare = page_act_prepare,
	.finish = page_act_finish,
	.fail = page_act_fail,
	.cleanup = page_call_cleanup,
};

void
page_ctx_init(struct http_request *req, struct page_ctx *ctx)
{
	/* A page is drawn in one go, so one buffer per worker will do. */
	static char		 idem[48];
	const struct principal	*who = req_who(req);

	memset(ctx, 0, sizeof(*ctx));
	/* 43 base64url characters: the forms' Idempotency-Keys (render.h). */
	secret_random(idem, sizeof(idem), "");
	ctx->today = app_today();
	ctx->csrf = who != NULL ? who->csrf : "";
	ctx->idem = who != NULL ? idem : NULL;
	/* The person the account stands for, else the account's name. */
	ctx->user = who == NULL ? NULL : who->person[0] != '\0' ?
	    who->person : who->name[0] != '\0' ? who->name : who->email;
	ctx->person_id = who != NULL ? who->person_id : 0;
	ctx->role = who != NULL ? who->role : NULL;
	ctx->access = who != NULL ? who->access : ACCESS_PUBLIC;
	ctx->can_write = ctx->access >= ACCESS_MEMBER;
}

/* Send a page built in b; b is released. */
void
page_reply(struct http_request *req, int status, struct sbuf *b)
{
	reply_html(req, status, b);
	sbuf_free(b);
}

/*
 * A view's statement: s with the path and query given (referenced, not
 * taken); 0, or -1 having replied.
 */
int
page_send(struct http_request *req, struct pipe *p, enum stmt s,
    json_t *path, json_t *query)
{
	struct page_call	*pc = pipe_ctx(p);
	json_t			*call;

	call = req_call_doc(-1, path, query, NULL);
	kept_ask(&pc->kept, call);
	if (pipe_send(p, s, call) != KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (-1);
	}
	return (0);
}

static void
page_call_cleanup(void *arg)
{
	struct page_call	*pc = arg;

	json_decref(pc->path);
	json_decref(pc->values);
	accounts_password_free(&pc->pw);
	kept_free(&pc->kept);
	json_decref(pc->body);
}

/* Send a view's statement: its own push, or stmt with the route's values. */
static int
view_push(const struct page_view *v, struct http_request *req,
    struct pipe *p, json_t *path)
{
	if (v->push != NULL)
		return (v->push(req, p, path));
	return (page_send(req, p, v->stmt, path, NULL));
}

/* Draw a view: its own render, or its draw on a page of its own. */
static void
view_render(const struct page_view *v, struct http_request *req,
    json_t *doc, json_t *path, const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;

	if (v->render != NULL) {
		v->render(req, doc, path, fs, status);
		return;
	}
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	if (v->title != NULL)
		layout_begin(&b, v->title, &ctx);
	v->draw(&b, &ctx, doc, fs);
	if (v->title != NULL)
		layout_end(&b);
	page_reply(req, status, &b);
}

/* GET ------------------------------------------------------------------- */

int
run_page(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	return (pipe_run(req, route, &page_show_ops, m->arg, m->access));
}

static int
page_show_prepare(struct http_request *req, struct pipe *p)
{
	struct page_call	*pc = pipe_ctx(p);

	pc->view = pipe_arg(p);
	pc->path = json_object();
	if (req_path(req, pipe_route(p)->pattern, pc->path) !=
	    KORE_RESULT_OK) {
		reply_error(req, 404, "not_found",
		    "There is no page at this address.", NULL);
		return (KORE_RESULT_ERROR);
	}
	/* A page sent back to a form that lost a race is never kept. */
	if (!page_changed(req, pc) && pc->view->kept != NULL)
		page_key(req, pc);
	if (view_push(pc->view, req, p, pc->path) == -1)
		return (KORE_RESULT_ERROR);	/* push() replied */
	pc->status = 200;
	return (KORE_RESULT_OK);
}

/* A page that could not be read or drawn: 500. */
static void
page_unreadable(struct http_request *req)
{
	struct sbuf	b;

	sbuf_init(&b);
	layout_error_page(&b, 500, "Internal error",
	    "The page could not be read.");
	page_reply(req, 500, &b);
}

/* Draw the view from its answer; a missing one is a 500 page. */
static void
page_draw(struct http_request *req, struct pipe *p, struct page_call *pc,
    const struct form_state *fs)
{
	json_t		*doc;

	if ((doc = pipe_result(p)) == NULL) {
		page_unreadable(req);
		return;
	}
	view_render(pc->view, req, doc, pc->path, fs, pc->status);
	json_decref(doc);
}

/*
 * ?changed=FORM: the page a stale write was sent back to (post, redirect,
 * get): that form says someone else changed what it edits.  A name of
 * anything but [a-z0-9_-] is not a form of ours and is ignored.
 */
static int
page_changed(struct http_request *req, struct page_call *pc)
{
	char	*v;
	size_t	 i;
	int	 ok;

	if (req_query_get(req, "changed", &v) != 1)
		return (0);
	ok = *v != '\0' && strlen(v) < sizeof(pc->form);
	for (i = 0; ok && v[i] != '\0'; i++)
		ok = (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' &&
		    v[i] <= '9') || v[i] == '_' || v[i] == '-';
	if (ok) {
		(void)snprintf(pc->form, sizeof(pc->form), "%s", v);
		pc->message[0] = '\0';
		pc->fs.form = pc->form;
		pc->fs.field = NULL;
		pc->fs.message = pc->message;
		pc->fs.values = NULL;
		pc->fs.stale = 1;
	}
	free(v);
	if (ok && req_query_get(req, "field", &v) == 1) {
		if (page_field_safe(v)) {
			(void)snprintf(pc->field, sizeof(pc->field), "%s", v);
			pc->fs.field = pc->field;
		}
		free(v);
	}
	return (ok);
}

/*
 * The key a kept view's page is kept under: what it depends on besides
 * the database, the view, this code, today and the address asked for.
 * The statement adds who asks (the page shows who is signed in, and what
 * they may do): it is not known before it.
 */
static void
page_key(struct http_request *req, struct page_call *pc)
{
	char	today[DATE_LEN];

	date_format(app_today(), today);
	kept_key(&pc->kept, "page %s %s %s %s?%s", pc->view->kept,
	    HANDOFF_VERSION, today, req->path,
	    req->query_string != NULL ? req->query_string : "");
}

/*
 * A kept page (or body, in the page around it), its marks filled in for
 * this answer.
 */
static void
page_kept_reply(struct http_request *req, const struct page_view *v,
    const char *text, const char *how)
{
	struct page_ctx	ctx;
	struct sbuf	b;
	size_t		len;

	len = strlen(text);
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	/* Its marks grow a little once filled in; the layout is ~2 KB. */
	(void)sbuf_reserve(&b, len + len / 8 + 4096);
	if (v->title != NULL)
		layout_begin(&b, v->title, &ctx);
	page_marks_fill(&b, text, len, ctx.csrf, ctx.idem);
	if (v->title != NULL)
		layout_end(&b);
	http_response_header(req, "x-handoff-kept", how);
	page_reply(req, 200, &b);
}

/* A kept view's GET: the kept page, or the page drawn, kept, answered. */
static int
page_kept_finish(struct http_request *req, struct pipe *p,
    struct page_call *pc)
{
	struct page_ctx	 ctx;
	const char	*text, *how;
	json_t		*doc;
	int		 ret;

	switch (kept_step(&pc->kept, p, 1, &text, &how)) {
	case KEPT_PUT:
		page_kept_reply(req, pc->view, sbuf_cstr(&pc->kept.made), how);
		return (PIPE_DONE);
	case KEPT_HIT:
		page_kept_reply(req, pc->view, text, how);
		return (PIPE_DONE);
	case KEPT_MISS:
		break;
	}
	if ((doc = pipe_result(p)) == NULL) {
		page_unreadable(req);
		return (PIPE_DONE);
	}
	/* The key with who asks, as the statement used it. */
	kept_key(&pc->kept, "%s", (text = pipe_value_at(p, 2)) != NULL ?
	    text : "");
	page_ctx_init(req, &ctx);
	ctx.marks = 1;
	pc->view->draw(&pc->kept.made, &ctx, doc, NULL);
	if (sbuf_failed(&pc->kept.made)) {
		json_decref(doc);
		page_unreadable(req);
		return (PIPE_DONE);
	}
	ret = PIPE_MORE;
	if (!kept_put(&pc->kept, p, json_string_value(json_object_get(doc,
	    "snap")))) {
		page_kept_reply(req, pc->view, sbuf_cstr(&pc->kept.made),
		    "made");
		ret = PIPE_DONE;
	}
	json_decref(doc);
	return (ret);
}

static int
page_show_finish(struct http_request *req, struct pipe *p)
{
	struct page_call	*pc = pipe_ctx(p);

	if (pc->kept.key[0] != '\0')
		return (page_kept_finish(req, p, pc));
	page_draw(req, p, pc, pc->fs.form != NULL ? &pc->fs : NULL);
	return (PIPE_DONE);
}

/* Keeping a page failed: it is answered all the same. */
static int
page_show_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	struct page_call	*pc = pipe_ctx(p);

	if (kept_failed(&pc->kept, "page", err))
		page_kept_reply(req, pc->view, sbuf_cstr(&pc->kept.made),
		    "made");
	else
		reply_db_error(req, err);
	return (PIPE_DONE);
}

/* POST ------------------------------------------------------------------ */

int
run_action(struct http_request *req, const struct route *route,
    const struct route_method *m)
{
	return (pipe_run(req, route, &page_act_ops, m->arg, m->access));
}

/* Expand "%name" in a template from the path values ("/projects/%project"). */
static void
expand(char *out, size_t size, const char *tmpl, json_t *path)
{
	struct sbuf	 b;
	const char	*p, *start;
	char		 name[32];
	json_t		*v;
	size_t		 n;

	sbuf_init(&b);
	for (p = tmpl; *p != '\0'; p++) {
		if (*p != '%') {
			sbuf_char(&b, *p);
			continue;
		}
		start = ++p;
		while ((*p >= 'a' && *p <= 'z') || *p == '_')
			p++;
		n = (size_t)(p - start);
		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, start, n);
		name[n] = '\0';
		v = json_object_get(path, name);
		if (json_is_integer(v))
			sbuf_printf(&b, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
		else if (json_is_string(v))
			sbuf_str(&b, json_string_value(v));
		p--;
	}
	(void)snprintf(out, size, "%s", sbuf_cstr(&b));
	sbuf_free(&b);
}

/* Remember why the form was refused, for the page drawn next. */
static void
page_refuse(struct page_call *pc, int status, const char *field,
    const char *message, int stale)
{
	pc->status = status;
	(void)snprintf(pc->field, sizeof(pc->field), "%s",
	    field != NULL ? field : "");
	/* The page speaks of labels, not of the API's field names. */
	field_message(field, message, pc->message, sizeof(pc->message));
	pc->fs.form = pc->form;
	pc->fs.field = pc->field[0] != '\0' ? pc->field : NULL;
	pc->fs.message = pc->message;
	pc->fs.values = pc->values;
	pc->fs.stale = stale;
}

/*
 * A number or a person picker's choice (formdata_id()), or the text as
 * sent (the field check names it).
 */
static json_t *
page_form_number(const char *s)
{
	long long	 n;

	return (formdata_id(s, &n) == 0 ? json_integer(n) : json_string(s));
}

/* FORM_ITEMS: the fields "to:ITEM" that name someone, as a list. */
static void
page_form_items(json_t *body, json_t *form, const char *name)
{
	json_t		*list, *v, *o;
	const char	*key, *s, *version;
	char		 vkey[512];

	list = json_array();
	json_object_foreach(form, key, v) {
		if (strncmp(key, "to:", 3) != 0 || key[3] == '\0' ||
		    (s = json_string_value(v)) == NULL || *s == '\0')
			continue;
		(void)snprintf(vkey, sizeof(vkey), "v:%s", key + 3);
		if ((version = json_string_value(json_object_get(form,
		    vkey))) == NULL)
			version = "";
		o = json_pack("{s:s, s:o, s:o}", "item", key + 3,
		    "person_id", page_form_number(s),
		    "version", page_form_number(version));
		if (o != NULL)
			json_array_append_new(list, o);
	}
	json_object_set_new(body, name, list);
}

/*
 * One field of the form into body (or its object into): an empty text
 * field means "no value": left out (FORM_OPTIONAL) or null (FORM_NULLABLE,
 * to clear); ids and booleans are converted; anything unparseable is kept
 * as a string so that the field check names it.
 */
static void	page_form_value(json_t *, json_t *, const char *,
		    enum form_kind, const char *);

/* FORM_BOXES (page.h). */
static void
page_form_boxes(json_t *body, json_t *form)
{
	const char	*k;
	json_t		*v;

	json_object_foreach(form, k, v) {
		if (strchr(k, '/') == NULL || !json_is_string(v))
			continue;
		page_form_value(body, form, k, strncmp(k, "v:", 2) == 0 ?
		    FORM_ID : FORM_PERSON, strncmp(k, "v:", 2) == 0 ?
		    "versions" : "boxes");
	}
}

static void
page_form_value(json_t *body, json_t *form, const char *name,
    enum form_kind kind, const char *into)
{
	json_t		*o, *v;
	const char	*s;

	if (kind == FORM_ITEMS) {
		page_form_items(body, form, name);
		return;
	}
	if (kind == FORM_BOXES) {
		page_form_boxes(body, form);
		return;
	}
	if ((s = json_string_value(json_object_get(form, name))) == NULL) {
		if (kind != FORM_BOOL)
			return;
		s = "";
	}

	v = NULL;
	switch (kind) {
	case FORM_TEXT:
		v = json_string(s);
		break;
	case FORM_OPTIONAL:
		if (*s != '\0')
			v = json_string(s);
		break;
	case FORM_NULLABLE:
		v = *s != '\0' ? json_string(s) : json_null();
		break;
	case FORM_ID:
	case FORM_PERSON:
		if (*s == '\0')
			v = json_null();
		else
			v = page_form_number(s);
		break;
	case FORM_BOOL:
		v = json_boolean(strcmp(s, "true") == 0 ||
		    strcmp(s, "on") == 0);
		break;
	case FORM_ITEMS:
	case FORM_BOXES:
		break;
	}
	if (v == NULL)
		return;

	if (into == NULL)
		o = body;
	else if ((o = json_object_get(body, into)) == NULL) {
		o = json_object();
		json_object_set_new(body, into, o);
	}
	json_object_set_new(o, name, v);
}

/*
 * The form as a JSON body, field by field (page_form_value()); a field
 * with keys stands for one field per key.  "version" is the version the
 * form was drawn from, sent back as If-Match.
 */
static json_t *
page_form_body(const struct form_field *fields, json_t *form,
    long long *version)
{
	const struct form_field	*f;
	const char *const	*k;
	json_t			*body;
	const char		*s;
	char			*end;
	long long		 n;

	*version = -1;
	body = json_object();

	if ((s = json_string_value(json_object_get(form, "version"))) !=
	    NULL) {
		errno = 0;
		n = strtoll(s, &end, 10);
		if (*s != '\0' && *end == '\0' && errno == 0 && n >= 0 &&
		    n <= INT32_MAX)
			*version = n;
	}

	for (f = fields; f != NULL && f->name != NULL; f++) {
		if (f->keys == NULL) {
			page_form_value(body, form, f->name, f->kind, f->into);
			continue;
		}
		for (k = f->keys; *k != NULL; k++)
			page_form_value(body, form, *k, f->kind, f->into);
	}

	return (body);
}

/*
 * Each person picker's value in a form's body: fn(obj, key, field, arg)
 * for obj's key, field naming it as the API does, until fn says -1.
 */
static int
page_pickers(const struct form_field *fields, json_t *body,
    int (*fn)(json_t *, const char *, const char *, void *), void *arg)
{
	const struct form_field	*f;
	const char		*k;
	json_t			*v;
	char			 field[160];

	for (f = fields; f != NULL && f->name != NULL; f++) {
		if (f->kind == FORM_PERSON && f->into == NULL &&
		    fn(body, f->name, f->name, arg) == -1)
			return (-1);
		if (f->kind != FORM_BOXES)
			continue;
		/* {"k/r": {"person_id", "version"}}, as matrix_adjust()
		 * leaves them. */
		json_object_foreach(json_object_get(body, "boxes"), k, v) {
			(void)snprintf(field, sizeof(field),
			    "boxes.%s.person_id", k);
			if (fn(v, "person_id", field, arg) == -1)
				return (-1);
		}
	}
	return (0);
}

/* A picker's text that is not an id, into the list arg. */
static int
page_name_add(json_t *obj, const char *key, const char *field, void *arg)
{
	json_t	*v = json_object_get(obj, key);

	(void)field;
	if (json_is_string(v))
		json_array_append(arg, v);
	return (0);
}

/* What a form's pickers named by a name or an email, to look up. */
struct page_naming {
	json_t	*named;		/* api.people_named: {text: [ids]} */
	char	 field[64];
	char	 message[1024];
};

/*
 * A picker's text becomes the id of the one active person it names;
 * -1, with the field and message, when it names nobody or several.
 */
static int
page_name_one(json_t *obj, const char *key, const char *field, void *arg)
{
	struct page_naming	*n = arg;
	const char		*text;
	json_t			*ids;

	if ((text = json_string_value(json_object_get(obj, key))) == NULL)
		return (0);
	ids = json_object_get(n->named, text);
	if (json_array_size(ids) == 1 &&
	    json_is_integer(json_array_get(ids, 0))) {
		json_object_set(obj, key, json_array_get(ids, 0));
		return (0);
	}
	(void)snprintf(n->field, sizeof(n->field), "%s", field);
	(void)snprintf(n->message, sizeof(n->message),
	    json_array_size(ids) == 0 ?
	    "Nobody active is named \"%s\": choose someone from the list" :
	    "More than one person is named \"%s\": choose one from the "
	    "list", text);
	return (-1);
}

/*
 * Send the form's statement with its body (taken): checked against the
 * route's fields first (a refusal draws the page again).
 */
static int
page_act_send(struct http_request *req, struct pipe *p, json_t *body)
{
	struct page_call		*pc = pipe_ctx(p);
	const struct page_action	*a = pc->action;
	json_t				*doc;
	char				 hash[SECRET_HASH_LEN];
	struct verror			 verr;
	int				 ret;

	if (validate_object(body, a->body, &verr) == -1) {
		json_decref(body);
		page_refuse(pc, 400, verr.field, verr.message, 0);
		return (view_push(pc->view, req, p, pc->path) == -1 ?
		    KORE_RESULT_ERROR : KORE_RESULT_OK);
	}

	if (pc->idem == 1)
		req_idempotency_hash(req, pc->version, body, hash);
	doc = req_call_doc(pc->version, pc->path, NULL, body);
	json_decref(body);
	if (doc == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (KORE_RESULT_ERROR);
	}
	/*
	 * A password (the accounts page's forms) goes to the database as
	 * its hash, made once the caller may, as from the API.
	 */
	switch (accounts_password_begin(req, p, &pc->pw, a->stmt, doc,
	    pc->idem == 1 ? pc->key : NULL, hash)) {
	case 1:
		json_decref(doc);
		return (KORE_RESULT_OK);
	case -1:
		json_decref(doc);
		return (KORE_RESULT_ERROR);
	}
	if (pc->idem == 1)
		pipe_idem(p, pc->key, hash);
	ret = pipe_send(p, a->stmt, doc);
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
page_act_prepare(struct http_request *req, struct pipe *p)
{
	struct page_call		*pc = pipe_ctx(p);
	const struct page_action	*a = pipe_arg(p);
	json_t				*body, *names;
	int				 ret;

	pc->action = a;
	pc->view = a->view;
	pc->path = json_object();
	pc->status = 303;

	if (req_path(req, pipe_route(p)->pattern, pc->path) !=
	    KORE_RESULT_OK) {
		reply_error(req, 404, "not_found",
		    "There is no page at this address.", NULL);
		return (KORE_RESULT_ERROR);
	}
	expand(pc->form, sizeof(pc->form), a->form, pc->path);

	if (req_form_body(req, &pc->values) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	/* A form from a session carries that session's CSRF token: the
	 * statement checks it, the page drawn again included. */
	pipe_csrf(p, json_string_value(json_object_get(pc->values, "csrf")));
	/* A form sent twice (a double click, a reload) does its work once. */
	pc->idem = req_idempotency_key(req, json_string_value(
	    json_object_get(pc->values, "_idem")), &pc->key);
	if (pc->idem == -1)
		return (KORE_RESULT_ERROR);

	body = page_form_body(a->fields, pc->values, &pc->version);
	if (a->adjust != NULL)
		a->adjust(body, pc->values);
	names = json_array();
	(void)page_pickers(a->fields, body, page_name_add, names);
	if (json_array_size(names) == 0) {
		json_decref(names);
		return (page_act_send(req, p, body));
	}

	/* Names typed into pickers: who they name is looked up first. */
	pc->body = body;
	body = json_pack("{s:o}", "names", names);
	ret = pipe_send(p, STMT_PEOPLE_NAMED, req_call_doc(-1, NULL, NULL,
	    body));
	json_decref(body);
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

/* The people a form's pickers named, looked up: its statement, or refused. */
static int
page_act_named(struct http_request *req, struct pipe *p)
{
	struct page_call	*pc = pipe_ctx(p);
	struct page_naming	 n;
	json_t			*body;
	int			 rc;

	body = pc->body;
	pc->body = NULL;
	n.named = pipe_result(p);
	rc = page_pickers(pc->action->fields, body, page_name_one, &n);
	json_decref(n.named);
	if (rc == -1) {
		json_decref(body);
		page_refuse(pc, 400, n.field, n.message, 0);
		return (view_push(pc->view, req, p, pc->path) == -1 ?
		    PIPE_DONE : PIPE_MORE);
	}
	return (page_act_send(req, p, body) == KORE_RESULT_OK ? PIPE_MORE :
	    PIPE_DONE);
}

static int
page_act_finish(struct http_request *req, struct pipe *p)
{
	struct page_call	*pc = pipe_ctx(p);
	char			 location[256];
	json_t			*doc;
	int			 step;

	if (pc->body != NULL)
		return (page_act_named(req, p));
	if ((step = accounts_password_step(req, p, &pc->pw)) != -1)
		return (step);
	if (pc->fs.form != NULL) {
		page_draw(req, p, pc, &pc->fs);
		return (PIPE_DONE);
	}

	/* A new record: its id can be part of where we go next. */
	doc = pipe_result(p);
	if (json_is_integer(json_object_get(doc, "id")))
		json_object_set(pc->path, "id", json_object_get(doc, "id"));
	json_decref(doc);

	expand(location, sizeof(location), pc->action->redirect, pc->path);
	reply_redirect(req, location);
	return (PIPE_DONE);
}

/* A field name that may go into an address as it is. */
static int
page_field_safe(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0' || strlen(s) >= sizeof(((struct
	    page_call *)NULL)->field))
		return (0);
	for (i = 0; s[i] != '\0'; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_' || s[i] == '.' ||
		    s[i] == '/'))
			return (0);
	}
	return (1);
}

/*
 * Where the form leads, with ?changed=FORM before its anchor, and
 * &field=FIELD when the refusal named what was stale (a box of the
 * matrix's one save).
 */
static void
page_stale_redirect(struct http_request *req, struct page_call *pc,
    const char *field)
{
	char		 where[256], location[384];
	const char	*hash;
	int		 n, f;

	expand(where, sizeof(where), pc->action->redirect, pc->path);
	hash = strchr(where, '#');
	n = hash != NULL ? (int)(hash - where) : (int)strlen(where);
	f = page_field_safe(field);
	(void)snprintf(location, sizeof(location), "%.*s?changed=%s%s%s%s",
	    n, where, pc->form, f ? "&field=" : "", f ? field : "",
	    hash != NULL ? hash : "");
	reply_redirect(req, location);
}

/* A refused write: show the page again, with the reason at the form. */
static int
page_act_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	struct page_call	*pc = pipe_ctx(p);

	/* api.whoami failed, before a password's write: no form of it. */
	if (pc->pw.state == PWWRITE_ASKING ||
	    (err->status != 400 && err->status != 409 && err->status != 412)) {
		reply_db_error(req, err);
		return (PIPE_DONE);
	}
	/*
	 * Stale: back to the page by GET (the address bar leaves the POST
	 * URL), which says in words that someone else changed it.
	 */
	if (err->status == 412) {
		page_stale_redirect(req, pc, err->field);
		return (PIPE_DONE);
	}

	page_refuse(pc, err->status, err->field, err->message,
	    err->status == 412);
	if (view_push(pc->view, req, p, pc->path) == -1)
		return (PIPE_DONE);
	return (PIPE_MORE);
}

/*
 * page: the machinery behind the HTML pages.
 *
 * A page is a struct page_view: the statements it needs (push) and how it
 * draws their results (render).  page_show() serves it for GET.
 *
 * A form posts to a struct page_action: the form fields become the body of
 * one api.* function call, checked with the same field tables as the JSON
 * API.  Success redirects (303) to the page; a refusal (bad input, a
 * conflict, someone else's change) draws the page again with the form
 * state, so the message sits next to the field and nothing typed is lost.
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
	int				 first;		/* view's statements */
	int				 status;	/* of the page drawn */
	struct form_state		 fs;
	char				 form[96];
	char				 field[64];
	char				 message[256];
};

static int	page_show_prepare(struct http_request *, struct db_call *);
static int	page_show_finish(struct http_request *, struct db_call *);
static int	page_act_prepare(struct http_request *, struct db_call *);
static int	page_act_finish(struct http_request *, struct db_call *);
static int	page_act_fail(struct http_request *, struct db_call *,
		    const struct db_error *);
static void	page_call_cleanup(void *);

static const struct db_ops page_show_ops = {
	.ctx_size = sizeof(struct page_call),
	.prepare = page_show_prepare,
	.finish = page_show_finish,
	.cleanup = page_call_cleanup,
};

static const struct db_ops page_act_ops = {
	.ctx_size = sizeof(struct page_call),
	.prepare = page_act_prepare,
	.finish = page_act_finish,
	.fail = page_act_fail,
	.cleanup = page_call_cleanup,
};

void
page_ctx_init(struct http_request *req, struct db_call *call,
    struct page_ctx *ctx)
{
	const struct principal	*who = db_who(call);

	(void)req;
	ctx->today = app_today();
	ctx->csrf = who != NULL ? who->csrf : "";
	ctx->user = who != NULL ? who->name : NULL;
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

/* Push the people list (all, or the active only) and return its index. */
int
page_push_people(struct db_call *call, int active_only)
{
	json_t	*query;
	int	 idx;

	query = active_only ? json_pack("{s:b, s:i}", "active", 1, "limit",
	    200) : json_pack("{s:i}", "limit", 200);
	idx = db_nstmts(call);
	if (db_push_json(call, "SELECT api.person_list($1::jsonb)",
	    req_call_doc(db_who(call), -1, NULL, query, NULL)) !=
	    KORE_RESULT_OK)
		idx = -1;
	json_decref(query);
	return (idx);
}

/*
 * The facts (pushed by db_facts_push() at index first) into pf, and the
 * risks of today for one project (0: the whole portfolio) into risks;
 * 0 or -1.  The caller frees both, whatever the result.
 */
int
page_load_risks(struct db_call *call, int first, day_t today,
    int64_t project_id, struct portfolio *pf, struct risk_list *risks)
{
	facts_init(pf);
	memset(risks, 0, sizeof(*risks));
	if (db_facts_load(call, first, pf) != KORE_RESULT_OK)
		return (-1);
	return (risk_compute(pf, today, project_id, risks));
}

static void
page_call_cleanup(void *arg)
{
	struct page_call	*pc = arg;

	json_decref(pc->path);
	json_decref(pc->values);
}

/* GET ------------------------------------------------------------------- */

int
page_show(struct http_request *req, const struct page_view *view)
{
	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (reply_method_not_allowed(req, "GET, HEAD"));
	return (db_run(req, &page_show_ops, view, view->access));
}

static int
page_show_prepare(struct http_request *req, struct db_call *call)
{
	struct page_call	*pc = db_ctx(call);

	pc->view = db_arg(call);
	pc->path = json_object();
	if (req_path(req, pc->view->pattern, pc->path) != KORE_RESULT_OK) {
		reply_error(req, 404, "not_found",
		    "There is no page at this address.", NULL);
		return (KORE_RESULT_ERROR);
	}
	if ((pc->first = pc->view->push(req, call, pc->path)) < 0) {
		/* push() replied (a bad query argument, say). */
		return (KORE_RESULT_ERROR);
	}
	pc->status = 200;
	return (KORE_RESULT_OK);
}

static int
page_show_finish(struct http_request *req, struct db_call *call)
{
	struct page_call	*pc = db_ctx(call);

	pc->view->render(req, call, pc->first, pc->path, NULL, pc->status);
	return (DB_DONE);
}

/* POST ------------------------------------------------------------------ */

int
page_act(struct http_request *req, const struct page_action *action)
{
	if (req->method != HTTP_METHOD_POST)
		return (reply_method_not_allowed(req, "POST"));
	return (db_run(req, &page_act_ops, action, action->access));
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
	(void)snprintf(pc->message, sizeof(pc->message), "%s", message);
	pc->fs.form = pc->form;
	pc->fs.field = pc->field[0] != '\0' ? pc->field : NULL;
	pc->fs.message = pc->message;
	pc->fs.values = pc->values;
	pc->fs.stale = stale;
}

/*
 * The form as a JSON body.  An empty text field means "no value": left
 * out (FORM_OPTIONAL) or null (FORM_NULLABLE, to clear); ids and booleans
 * are converted; anything unparseable is kept as a string so that the
 * field check names it.  "version" is the version the form was drawn
 * from, sent back as If-Match.
 */
static json_t *
page_form_body(const struct form_field *fields, json_t *form,
    long long *version)
{
	const struct form_field	*f;
	json_t			*body, *into, *v;
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
		s = json_string_value(json_object_get(form, f->name));
		if (s == NULL) {
			if (f->kind != FORM_BOOL)
				continue;
			s = "";
		}

		v = NULL;
		switch (f->kind) {
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
			if (*s == '\0') {
				v = json_null();
				break;
			}
			errno = 0;
			n = strtoll(s, &end, 10);
			v = (*end == '\0' && errno == 0) ? json_integer(n) :
			    json_string(s);
			break;
		case FORM_BOOL:
			v = json_boolean(strcmp(s, "true") == 0 ||
			    strcmp(s, "on") == 0);
			break;
		}
		if (v == NULL)
			continue;

		into = body;
		if (f->into != NULL) {
			if ((into = json_object_get(body, f->into)) == NULL) {
				into = json_object();
				json_object_set_new(body, f->into, into);
			}
		}
		json_object_set_new(into, f->name, v);
	}

	return (body);
}

static int
page_act_prepare(struct http_request *req, struct db_call *call)
{
	struct page_call		*pc = db_ctx(call);
	const struct page_action	*a = db_arg(call);
	const struct principal		*who;
	json_t				*body;
	long long			 version;
	struct verror			 verr;
	int				 ret;

	pc->action = a;
	pc->view = a->view;
	pc->path = json_object();
	pc->status = 303;

	if (req_path(req, a->pattern, pc->path) != KORE_RESULT_OK) {
		reply_error(req, 404, "not_found",
		    "There is no page at this address.", NULL);
		return (KORE_RESULT_ERROR);
	}
	expand(pc->form, sizeof(pc->form), a->form, pc->path);

	if (req_form_body(req, &pc->values) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);

	/* A form from a session carries that session's CSRF token. */
	who = db_who(call);
	if (!auth_csrf_ok(req, who, json_string_value(json_object_get(
	    pc->values, "csrf")))) {
		reply_error(req, 403, "csrf", "This form has expired or did "
		    "not come from handoff. Reload the page and try again.",
		    NULL);
		return (KORE_RESULT_ERROR);
	}

	body = page_form_body(a->fields, pc->values, &version);
	if (a->adjust != NULL)
		a->adjust(body);
	if (validate_object(body, a->body, &verr) == -1) {
		json_decref(body);
		page_refuse(pc, 400, verr.field, verr.message, 0);
		pc->first = pc->view->push(req, call, pc->path);
		return (pc->first < 0 ? KORE_RESULT_ERROR : KORE_RESULT_OK);
	}

	ret = db_push_json(call, a->sql, req_call_doc(who, version, pc->path,
	    NULL, body));
	json_decref(body);
	if (ret != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	return (ret);
}

static int
page_act_finish(struct http_request *req, struct db_call *call)
{
	struct page_call	*pc = db_ctx(call);
	char			 location[256];

	json_t			*doc;

	if (pc->fs.form != NULL) {
		pc->view->render(req, call, pc->first, pc->path, &pc->fs,
		    pc->status);
		return (DB_DONE);
	}

	/* A new record: its id can be part of where we go next. */
	doc = db_json(call, 0);
	if (json_is_integer(json_object_get(doc, "id")))
		json_object_set(pc->path, "id", json_object_get(doc, "id"));
	json_decref(doc);

	expand(location, sizeof(location), pc->action->redirect, pc->path);
	reply_redirect(req, location);
	return (DB_DONE);
}

/* A refused write: show the page again, with the reason at the form. */
static int
page_act_fail(struct http_request *req, struct db_call *call,
    const struct db_error *err)
{
	struct page_call	*pc = db_ctx(call);

	if (err->status != 400 && err->status != 409 && err->status != 412) {
		reply_db_error(req, err);
		return (DB_DONE);
	}

	page_refuse(pc, err->status, err->field, err->message,
	    err->status == 412);
	if ((pc->first = pc->view->push(req, call, pc->path)) < 0)
		return (DB_DONE);
	return (DB_MORE);
}

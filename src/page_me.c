/*
 * page_me: My work (/me), what waits for the person signed in, and its
 * "Take it" button (sql/api/45_me.sql).
 */
#include "handoff.h"
#include "fields.h"
#include "page.h"

static int
me_push(struct http_request *req, struct pipe *p, json_t *path)
{
	return (page_send(req, p, STMT_ME, path, NULL));
}

static void
me_render(struct http_request *req, json_t *doc, json_t *path,
    const struct form_state *fs, int status)
{
	struct page_ctx	 ctx;
	struct sbuf	 b;

	(void)path;
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	if (views_me(doc, ctx.today) == -1) {
		layout_error_page(&b, 500, "Something went wrong",
		    "My work could not be read.");
		status = 500;
	} else
		render_me_page(&b, &ctx, doc, fs);
	page_reply(req, status, &b);
}

const struct page_view me_view = {
	.push = me_push, .render = me_render
};

static const struct form_field take_form[] = {
	{ "note", FORM_OPTIONAL, NULL, NULL },
	{ NULL, 0, NULL, NULL }
};

/* POST /projects/{id}/ownership/{key}/{role}/take: back to My work. */
const struct page_action take_action = {
	"take-%project-%key-%role", STMT_OWNERSHIP_TAKE, take_form, take_body,
	"/me#open-boxes", &me_view, NULL
};

/* /me/mail: what I receive by email, and the form that changes it. */
const struct page_view me_mail_view = {
	.stmt = STMT_ME_MAIL_GET, .draw = render_me_mail_page
};

/* The digest's radio buttons, and one checkbox per reminder kind. */
static const struct form_field me_mail_form[] = {
	{ "digest", FORM_OPTIONAL, NULL, NULL },
	{ "reminders", FORM_BOOL, "reminders", reminder_kind_keys },
	{ NULL, 0, NULL, NULL }
};

/* POST /me/mail: back to the page, saved. */
const struct page_action me_mail_action = {
	"mail", STMT_ME_MAIL_PATCH, me_mail_form, mail_prefs_body,
	"/me/mail", &me_mail_view, NULL
};

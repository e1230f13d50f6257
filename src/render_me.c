/*
 * render_me: My work (/me), from the document of api.me made whole by
 * views_me(): the boxes I hold (with their worst risk), the empty boxes
 * of my role I can take, my open checkpoints (overdue first), the
 * handoffs offered to me and by me, and the risks of my projects.
 *
 * Pure: no Kore, no libpq.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "facts.h"
#include "html.h"
#include "render.h"
#include "vocab.h"

/*
 * "MLE" for "mle", or what the organisation calls it (the document's
 * role_labels); the key itself when unknown.
 */
static const char *
role_text(json_t *doc, const char *key)
{
	enum role	r;
	const char	*label;

	if (key != NULL && role_from_key(key, &r) == 0) {
		label = doc_path_str(doc, "role_labels", key);
		return (label != NULL && *label != '\0' ? label :
		    role_label(r));
	}
	if (key != NULL && strcmp(key, "pm") == 0)
		return ("PM");
	return (key != NULL ? key : "");
}

static void
project_link(struct sbuf *b, json_t *o, const char *anchor)
{
	html_printf(b, "<a href=\"/projects/%lld%s%s\">%s</a>",
	    doc_int(o, "project_id"), anchor != NULL ? "#" : "",
	    anchor != NULL ? anchor : "", doc_str(o, "project_name"));
}

static void
section_boxes(struct sbuf *b, json_t *doc)
{
	json_t		*o;
	size_t		 i;
	char		 anchor[96];

	sbuf_str(b, "<section id=\"boxes\" aria-labelledby=\"boxes-h\">\n"
	    "<h2 id=\"boxes-h\">Boxes I hold</h2>\n");
	if (json_array_size(doc_arr(doc, "boxes")) == 0) {
		sbuf_str(b, "<p class=\"muted\">You hold no box on an active "
		    "project.</p>\n</section>\n");
		return;
	}
	sbuf_str(b, "<ul class=\"my-boxes\">\n");
	json_array_foreach(doc_arr(doc, "boxes"), i, o) {
		(void)snprintf(anchor, sizeof(anchor), "resp-%s",
		    doc_str(o, "responsibility"));
		sbuf_str(b, "<li>");
		project_link(b, o, anchor);
		html_printf(b, ": %s, %s", doc_str(o, "name"),
		    role_text(doc, doc_str(o, "role")));
		if (doc_str(o, "severity") != NULL) {
			sbuf_str(b, " ");
			render_badge(b, doc_str(o, "severity"),
			    doc_str(o, "severity"));
		}
		sbuf_str(b, "</li>\n");
	}
	sbuf_str(b, "</ul>\n</section>\n");
}

static void
section_open_boxes(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	json_t		*o;
	size_t		 i;
	char		 form[160], action[200];

	sbuf_str(b, "<section id=\"open-boxes\" aria-labelledby=\"open-h\">\n"
	    "<h2 id=\"open-h\">Empty boxes I can take</h2>\n");
	if (json_array_size(doc_arr(doc, "open_boxes")) == 0) {
		sbuf_str(b, "<p class=\"muted\">No empty box of your role on "
		    "the projects you lead or work on.</p>\n</section>\n");
		return;
	}
	sbuf_str(b, "<ul class=\"open-boxes\">\n");
	json_array_foreach(doc_arr(doc, "open_boxes"), i, o) {
		(void)snprintf(form, sizeof(form), "take-%lld-%s-%s",
		    doc_int(o, "project_id"), doc_str(o, "responsibility"),
		    doc_str(o, "role"));
		(void)snprintf(action, sizeof(action), "/projects/%lld/"
		    "ownership/%s/%s/take", doc_int(o, "project_id"),
		    doc_str(o, "responsibility"), doc_str(o, "role"));
		sbuf_str(b, "<li>");
		project_link(b, o, NULL);
		html_printf(b, ": %s, %s\n", doc_str(o, "name"),
		    role_text(doc, doc_str(o, "role")));
		if (ctx->can_write) {
			form_open(b, ctx, fs, action, form,
			    doc_int(o, "version"));
			html_printf(b, "<label for=\"%s-note\">Note "
			    "(optional)</label>\n", form);
			form_field_error(b, fs, form, "note");
			html_printf(b, "<input type=\"text\" id=\"%s-note\" "
			    "name=\"note\" maxlength=\"500\" value=\"%s\"",
			    form, form_value(fs, form, "note", NULL));
			form_input_attrs(b, fs, form, "note", NULL);
			html_printf(b, ">\n<button type=\"submit\">Take it"
			    "</button>\n");
			form_close(b);
		}
		sbuf_str(b, "</li>\n");
	}
	sbuf_str(b, "</ul>\n</section>\n");
}

static void
section_checkpoints(struct sbuf *b, json_t *doc)
{
	json_t		*o;
	size_t		 i;
	char		 anchor[48];

	sbuf_str(b, "<section id=\"my-checkpoints\" "
	    "aria-labelledby=\"cp-h\">\n<h2 id=\"cp-h\">My checkpoints</h2>\n");
	if (json_array_size(doc_arr(doc, "checkpoints")) == 0) {
		sbuf_str(b, "<p class=\"muted\">No open checkpoint is yours."
		    "</p>\n</section>\n");
		return;
	}
	sbuf_str(b, "<ol class=\"my-checkpoints\">\n");
	json_array_foreach(doc_arr(doc, "checkpoints"), i, o) {
		(void)snprintf(anchor, sizeof(anchor), "checkpoint-%lld",
		    doc_int(o, "id"));
		sbuf_str(b, "<li>");
		if (doc_bool(o, "overdue")) {
			render_badge(b, "overdue", "overdue");
			sbuf_str(b, " ");
		}
		html_printf(b, "due %s: ", doc_str(o, "due_on"));
		html_printf(b, "<a href=\"/projects/%lld#%s\">%s</a> (%s",
		    doc_int(o, "project_id"), anchor, doc_str(o, "title"),
		    doc_str(o, "project_name"));
		if (strcmp(doc_str(o, "status") != NULL ? doc_str(o, "status") :
		    "", "blocked") == 0)
			sbuf_str(b, ", blocked");
		sbuf_str(b, ")</li>\n");
	}
	sbuf_str(b, "</ol>\n</section>\n");
}

static void
handoff_list(struct sbuf *b, json_t *list, const char *none, int to_me)
{
	json_t		*o;
	size_t		 i;
	char		 anchor[32];

	if (json_array_size(list) == 0) {
		html_printf(b, "<p class=\"muted\">%s</p>\n", none);
		return;
	}
	sbuf_str(b, "<ul>\n");
	json_array_foreach(list, i, o) {
		(void)snprintf(anchor, sizeof(anchor), "handoff-%s",
		    doc_str(o, "key"));
		sbuf_str(b, "<li>");
		project_link(b, o, anchor);
		html_printf(b, ": handoff %s (%s), %s %s, offered %s</li>\n",
		    doc_str(o, "key"), doc_str(o, "name"),
		    to_me ? "from" : "to", to_me ?
		    doc_path_str(o, "from", "name") :
		    doc_path_str(o, "to", "name"), doc_str(o, "offered_on"));
	}
	sbuf_str(b, "</ul>\n");
}

static void
section_handoffs(struct sbuf *b, json_t *doc)
{
	sbuf_str(b, "<section id=\"my-handoffs\" "
	    "aria-labelledby=\"ho-h\">\n<h2 id=\"ho-h\">Handoffs</h2>\n"
	    "<h3>Offered to me, waiting for my acceptance</h3>\n");
	handoff_list(b, doc_arr(doc, "handoffs_to_me"),
	    "Nothing waits for you.", 1);
	sbuf_str(b, "<h3>Offered by me, not accepted yet</h3>\n");
	handoff_list(b, doc_arr(doc, "handoffs_by_me"),
	    "Nothing you offered is waiting.", 0);
	sbuf_str(b, "</section>\n");
}

static void
section_risks(struct sbuf *b, json_t *doc)
{
	json_t		*o;
	size_t		 i;
	const char	*url;

	sbuf_str(b, "<section id=\"my-risks\" aria-labelledby=\"risk-h\">\n"
	    "<h2 id=\"risk-h\">Risks on my projects</h2>\n");
	if (json_array_size(doc_arr(doc, "risks")) == 0) {
		sbuf_str(b, "<p class=\"muted\">No open risk on the projects "
		    "you lead or hold a box in.</p>\n</section>\n");
		return;
	}
	sbuf_str(b, "<ul class=\"risks\">\n");
	json_array_foreach(doc_arr(doc, "risks"), i, o) {
		sbuf_str(b, "<li>");
		render_badge(b, doc_str(o, "severity"), doc_str(o, "severity"));
		url = doc_str(o, "url");
		if (url != NULL && html_url_ok(url))
			html_printf(b, " <a href=\"%s\">%s</a>: %s</li>\n", url,
			    doc_path_str(o, "project", "name"),
			    doc_str(o, "message"));
		else
			html_printf(b, " %s: %s</li>\n",
			    doc_path_str(o, "project", "name"),
			    doc_str(o, "message"));
	}
	sbuf_str(b, "</ul>\n</section>\n");
}

void
render_me_page(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	json_t	*person = doc_obj(doc, "person");

	layout_begin(b, "My work", ctx);
	if (person == NULL) {
		sbuf_str(b, "<h1>My work</h1>\n<p>Your account is not linked "
		    "to a person of the portfolio, so nothing here is yours "
		    "yet. An admin links it (the account's person, "
		    "<code>PATCH /api/v1/users/{id}</code> with "
		    "<code>person_id</code>).</p>\n");
		layout_end(b);
		return;
	}
	html_printf(b, "<h1>My work</h1>\n<p class=\"muted\">%s, %s. Active "
	    "projects only. <a href=\"/me/mail\">What I receive by email"
	    "</a></p>\n", doc_str(person, "name"),
	    role_text(doc, doc_str(person, "role")));
	section_checkpoints(b, doc);
	section_handoffs(b, doc);
	section_boxes(b, doc);
	section_open_boxes(b, ctx, doc, fs);
	section_risks(b, doc);
	layout_end(b);
}

/* The labels of a vocabulary of vocab.c, by its kind. */
static const char *const *
labels_of(const char *kind)
{
	size_t	i;

	for (i = 0; i < nvocabularies; i++) {
		if (strcmp(vocabularies[i].kind, kind) == 0)
			return (vocabularies[i].labels);
	}
	return (NULL);
}

/*
 * /me/mail: the digest as radio buttons, each reminder as a checkbox
 * (unchecked: off), one form and its version (If-Match).
 */
void
render_me_mail_page(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	const char *const	*dl = labels_of("mail_digest");
	const char *const	*rl = labels_of("reminder_kind");
	const char		*digest;
	json_t			*rem;
	size_t			 i;

	layout_begin(b, "My email", ctx);
	html_printf(b, "<h1>What I receive by email</h1>\n<p class=\"muted\">"
	    "Mail goes to %s. <a href=\"/me\">My work</a></p>\n",
	    doc_str(doc, "email"));
	digest = form_value(fs, "mail", "digest", doc_str(doc, "digest"));
	rem = doc_obj(doc, "reminders");
	form_open(b, ctx, fs, "/me/mail", "mail", doc_int(doc, "version"));
	sbuf_str(b, "<fieldset>\n<legend>The weekly digest</legend>\n");
	form_field_error(b, fs, "mail", "digest");
	for (i = 0; mail_digest_keys[i] != NULL; i++)
		html_printf(b, "<label><input type=\"radio\" name=\"digest\" "
		    "value=\"%s\"%s> %s</label><br>\n", mail_digest_keys[i],
		    strcmp(digest, mail_digest_keys[i]) == 0 ? " checked" :
		    "", dl != NULL ? dl[i] : mail_digest_keys[i]);
	sbuf_str(b, "</fieldset>\n<fieldset>\n<legend>Remind me when"
	    "</legend>\n");
	form_field_error(b, fs, "mail", "reminders");
	for (i = 0; reminder_kind_keys[i] != NULL; i++)
		html_printf(b, "<label><input type=\"checkbox\" name=\"%s\" "
		    "value=\"on\"%s> %s</label><br>\n", reminder_kind_keys[i],
		    json_is_true(json_object_get(rem, reminder_kind_keys[i])) ?
		    " checked" : "", rl != NULL ? rl[i] :
		    reminder_kind_keys[i]);
	sbuf_str(b, "</fieldset>\n<button type=\"submit\">Save</button>\n");
	form_close(b);
	layout_end(b);
}

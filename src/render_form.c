/*
 * render_form: forms that keep what the user typed (see render.h).
 *
 * Every form posts to the server and carries the request's CSRF token.
 * When a form is refused, the page is rendered again with a
 * struct form_state: the refused form shows the message, marks the field,
 * and fills its inputs with what was sent instead of the stored values.
 */
#include <string.h>

#include "doc.h"
#include "facts.h"
#include "html.h"
#include "render.h"

static void	form_notice(struct sbuf *, const struct form_state *,
		    const char *);

/*
 * A page's secret (the CSRF token, the Idempotency-Keys' random part):
 * its mark when the page is drawn to be kept, else its value.
 */
void
form_secret(struct sbuf *b, const struct page_ctx *ctx, const char *mark,
    const char *value)
{
	if (ctx->marks)
		sbuf_str(b, mark);
	else
		html_escape(b, value != NULL ? value : "");
}

/*
 * Fill in the marks of a page drawn to be kept: each PAGE_MARK_CSRF
 * becomes csrf, each PAGE_MARK_IDEM idem (both escaped).  Anything else
 * is copied as it is.
 */
void
page_marks_fill(struct sbuf *b, const char *text, size_t len,
    const char *csrf, const char *idem)
{
	static const size_t	 nc = sizeof(PAGE_MARK_CSRF) - 1;
	static const size_t	 ni = sizeof(PAGE_MARK_IDEM) - 1;
	const char		*at, *end = text + len;

	while ((at = memchr(text, '\001', (size_t)(end - text))) != NULL) {
		sbuf_add(b, text, (size_t)(at - text));
		if ((size_t)(end - at) >= nc &&
		    memcmp(at, PAGE_MARK_CSRF, nc) == 0) {
			html_escape(b, csrf != NULL ? csrf : "");
			text = at + nc;
		} else if ((size_t)(end - at) >= ni &&
		    memcmp(at, PAGE_MARK_IDEM, ni) == 0) {
			html_escape(b, idem != NULL ? idem : "");
			text = at + ni;
		} else {
			sbuf_char(b, *at);
			text = at + 1;
		}
	}
	sbuf_add(b, text, (size_t)(end - text));
}

/*
 * The start of form id: its CSRF token, its Idempotency-Key (the page's
 * random part and the form's id: two forms of a page never share one),
 * the notice when it was the one
 * refused, and the version it edits (-1: it edits no versioned record),
 * sent back as If-Match.  Its HTML id is "form-" and id: the section or
 * row it edits may carry id itself (the anchor a saved form returns to).
 */
void
form_open(struct sbuf *b, const struct page_ctx *ctx,
    const struct form_state *fs, const char *action, const char *id,
    long long version)
{
	html_printf(b, "<form method=\"post\" action=\"%s\" id=\"form-%s\">\n"
	    "<input type=\"hidden\" name=\"csrf\" value=\"", action, id);
	form_secret(b, ctx, PAGE_MARK_CSRF, ctx->csrf);
	sbuf_str(b, "\">\n");
	if (ctx->marks || (ctx->idem != NULL && ctx->idem[0] != '\0')) {
		sbuf_str(b, "<input type=\"hidden\" name=\"_idem\" value=\"");
		form_secret(b, ctx, PAGE_MARK_IDEM, ctx->idem);
		html_printf(b, "-%s\">\n", id);
	}
	form_notice(b, fs, id);
	if (version >= 0)
		html_printf(b, "<input type=\"hidden\" name=\"version\" "
		    "value=\"%lld\">\n", version);
}

void
form_close(struct sbuf *b)
{
	sbuf_str(b, "</form>\n");
}

/* Is this the form that was refused? */
int
form_failed(const struct form_state *fs, const char *form)
{
	return (fs != NULL && fs->form != NULL && form != NULL &&
	    strcmp(fs->form, form) == 0);
}

/* What to show in a field: what was sent, if this form was refused. */
const char *
form_value(const struct form_state *fs, const char *form, const char *field,
    const char *stored)
{
	const char	*sent;

	if (form_failed(fs, form) && !fs->stale &&
	    (sent = doc_str(fs->values, field)) != NULL)
		return (sent);
	return (stored != NULL ? stored : "");
}

/* What a refused form sent in field, or NULL (not refused, not sent). */
const char *
form_sent(const struct form_state *fs, const char *form, const char *field)
{
	if (form_failed(fs, form) && !fs->stale)
		return (doc_str(fs->values, field));
	return (NULL);
}

/* The refusal, at the top of the refused form. */
static void
form_notice(struct sbuf *b, const struct form_state *fs, const char *form)
{
	if (!form_failed(fs, form))
		return;

	if (fs->stale) {
		/* In words: no version numbers. */
		sbuf_str(b, "<p class=\"form-notice\" role=\"alert\">"
		    "Someone else changed this while you were editing. "
		    "The current values are shown below; nothing of yours "
		    "was saved.</p>\n");
	} else if (fs->field == NULL || *fs->field == '\0') {
		html_printf(b, "<p class=\"form-notice\" role=\"alert\">"
		    "%s</p>\n", fs->message);
	}
}

/* The message next to the field at fault. */
void
form_field_error(struct sbuf *b, const struct form_state *fs,
    const char *form, const char *field)
{
	if (!form_failed(fs, form) || fs->stale || fs->field == NULL ||
	    strcmp(fs->field, field) != 0)
		return;

	html_printf(b, "<p class=\"field-error\" id=\"%s-%s-error\" "
	    "role=\"alert\">%s</p>\n", form, field, fs->message);
}

/*
 * Inside an input's start tag: marks the field at fault, and points at its
 * message, for assistive technology; and at the element of id hint that
 * describes the field, when hint is not NULL (one aria-describedby for
 * both: a second attribute would be dropped by the parser).
 */
void
form_input_attrs(struct sbuf *b, const struct form_state *fs,
    const char *form, const char *field, const char *hint)
{
	if (!form_failed(fs, form) || fs->stale || fs->field == NULL ||
	    strcmp(fs->field, field) != 0) {
		if (hint != NULL)
			html_printf(b, " aria-describedby=\"%s\"", hint);
		return;
	}
	html_printf(b, " aria-invalid=\"true\" aria-describedby=\"%s-%s-error",
	    form, field);
	if (hint != NULL)
		html_printf(b, " %s", hint);
	sbuf_char(b, '"');
}

/* A severity or status badge: the word is always there, not only colour. */
void
render_badge(struct sbuf *b, const char *kind, const char *text)
{
	html_printf(b, "<span class=\"badge badge-%s\">%s</span>", kind, text);
}

/* One <option> of a <select>: its value, its label, chosen or not. */
void
render_option(struct sbuf *b, const char *value, const char *label,
    int selected)
{
	html_printf(b, "<option value=\"%s\"", value);
	if (selected)
		sbuf_str(b, " selected");
	html_printf(b, ">%s</option>\n", label);
}

/* One person's <option>: value, selected or not, name and role. */
static void
person_option(struct sbuf *b, json_t *p, long long selected)
{
	long long	id = doc_int(p, "id");

	html_printf(b, "<option value=\"%lld\"", id);
	if (id == selected)
		sbuf_str(b, " selected");
	html_printf(b, ">%s (%s)</option>\n", doc_str(p, "name"),
	    doc_str(p, "role"));
}

/*
 * <option>s for the active people of a {"people": [...]} list, of one role
 * when role is not NULL (the one selected is always there).
 */
void
render_person_options(struct sbuf *b, json_t *people, long long selected,
    const char *none, const char *role)
{
	json_t		*list, *p;
	size_t		 i;
	long long	 id;

	if (none != NULL)
		html_printf(b, "<option value=\"\">%s</option>\n", none);

	list = doc_arr(people, "people");
	json_array_foreach(list, i, p) {
		id = doc_int(p, "id");
		if (id != selected && (!doc_bool(p, "active") ||
		    (role != NULL && doc_str(p, "role") != NULL &&
		    strcmp(doc_str(p, "role"), role) != 0)))
			continue;
		person_option(b, p, selected);
	}
}

/* Is p offered in the group of role (or the others, mine == 0)? */
static int
person_in_group(json_t *p, long long selected, const char *role, int mine)
{
	const char	*r = doc_str(p, "role");

	if (doc_int(p, "id") != selected && !doc_bool(p, "active"))
		return (0);
	return ((r != NULL && strcmp(r, role) == 0) == mine);
}

/*
 * <option>s for a box of the matrix: nobody, then the people of its role
 * (label, e.g. "DS"), then everyone else under "Other roles", still
 * reachable; active people, and the one selected whatever they are.
 */
void
render_person_groups(struct sbuf *b, json_t *people, long long selected,
    const char *none, const char *role, const char *label)
{
	json_t		*p;
	size_t		 i, n;
	int		 mine;

	html_printf(b, "<option value=\"\">%s</option>\n", none);
	for (mine = 1; mine >= 0; mine--) {
		n = 0;
		json_array_foreach(doc_arr(people, "people"), i, p)
			n += person_in_group(p, selected, role, mine);
		if (n == 0)
			continue;
		html_printf(b, "<optgroup label=\"%s\">\n", mine ? label :
		    "Other roles");
		json_array_foreach(doc_arr(people, "people"), i, p) {
			if (person_in_group(p, selected, role, mine))
				person_option(b, p, selected);
		}
		sbuf_str(b, "</optgroup>\n");
	}
}

/*
 * Person pickers.  A page with a picker per box, checkpoint and handoff
 * offers its people once, in a <datalist> (render_people_list()), and
 * each picker is a text input on that list (render_person_pick()): the
 * browser filters the list as one types.  An option, and a picker that
 * holds someone, reads "Name (role) #id"; the form's reading takes the id
 * after the last "#" (page.c), or a bare id.
 */
#define PEOPLE_LIST_ID	"people"

/* What a picker shows for p: "Name (role) #id". */
static void
person_ref(struct sbuf *b, json_t *p)
{
	html_printf(b, "%s (%s) #%lld", doc_str(p, "name"), doc_str(p, "role"),
	    doc_int(p, "id"));
}

/* The page's one list of the active people of a {"people": [...]}. */
void
render_people_list(struct sbuf *b, json_t *people)
{
	json_t	*p;
	size_t	 i;

	sbuf_str(b, "<datalist id=\"" PEOPLE_LIST_ID "\">\n");
	json_array_foreach(doc_arr(people, "people"), i, p) {
		if (!doc_bool(p, "active"))
			continue;
		sbuf_str(b, "<option value=\"");
		person_ref(b, p);
		sbuf_str(b, "\">\n");
	}
	sbuf_str(b, "</datalist>\n");
}

/*
 * The attributes of a picker's <input> (after its id and name): on the
 * page's list, showing what a refused form sent (sent, if not NULL), else
 * who it holds (held, 0: nobody): from the list, else from who (the
 * document's own object for them: someone inactive), else by id.  none:
 * what an empty picker means (its placeholder).
 */
void
render_person_pick(struct sbuf *b, json_t *people, long long held,
    json_t *who, const char *sent, const char *none)
{
	json_t	*p, *found;
	size_t	 i;

	html_printf(b, " type=\"text\" list=\"" PEOPLE_LIST_ID "\" "
	    "autocomplete=\"off\" placeholder=\"%s\" value=\"", none);
	if (sent != NULL) {
		html_escape(b, sent);
	} else if (held != 0) {
		found = NULL;
		json_array_foreach(doc_arr(people, "people"), i, p) {
			if (doc_int(p, "id") == held) {
				found = p;
				break;
			}
		}
		if (found == NULL && who != NULL && doc_int(who, "id") == held)
			found = who;
		if (found != NULL)
			person_ref(b, found);
		else
			html_printf(b, "#%lld", held);
	}
	sbuf_char(b, '"');
}

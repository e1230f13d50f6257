/*
 * render_portfolio: the portfolio (/), the kickoff form (/projects/new) and
 * the people page (/people).
 *
 * The portfolio and the people page are drawn from the facts and the risks
 * computed from them: the same numbers the digest uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "facts.h"
#include "html.h"
#include "render.h"
#include "risk.h"

static void
filter_form(struct sbuf *b, const struct portfolio_rows *rows,
    const struct portfolio_filter *f)
{
	json_t		*p;
	size_t		 i;
	int		 s;

	sbuf_str(b, "<form method=\"get\" action=\"/\" class=\"filters\" "
	    "aria-label=\"Filter the portfolio\">\n"
	    "<label for=\"f-status\">Status</label>\n<select id=\"f-status\" "
	    "name=\"status\">\n");
	for (s = 0; s < PROJECT_STATUS_COUNT; s++)
		render_option(b, project_status_keys[s], project_status_keys[s],
		    f->status == s);
	render_option(b, "all", "all", f->status < 0);
	sbuf_str(b, "</select>\n"
	    "<label for=\"f-pm\">PM</label>\n<select id=\"f-pm\" name=\"pm\">"
	    "<option value=\"\">anyone</option>\n");
	json_array_foreach(rows->pms, i, p) {
		html_printf(b, "<option value=\"%lld\"", doc_int(p, "id"));
		if (f->pm == doc_int(p, "id"))
			sbuf_str(b, " selected");
		html_printf(b, ">%s</option>\n", doc_str(p, "name"));
	}
	sbuf_str(b, "</select>\n<label for=\"f-stage\">Stage</label>\n"
	    "<select id=\"f-stage\" name=\"stage\"><option value=\"\">any"
	    "</option>\n");
	for (s = 0; s < STAGE_COUNT; s++)
		render_option(b, stage_key((enum stage)s),
		    stage_name((enum stage)s), f->stage == s);
	sbuf_str(b, "</select>\n<label for=\"f-severity\">Risks at least"
	    "</label>\n<select id=\"f-severity\" name=\"severity\">"
	    "<option value=\"\">any</option>\n");
	for (s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--)
		render_option(b, severity_key((enum severity)s),
		    severity_key((enum severity)s), f->severity == s);
	sbuf_str(b, "</select>\n<button type=\"submit\">Filter</button>\n"
	    "<a href=\"/\">Clear</a>\n</form>\n");
}

/* The query of another page of the same list. */
static void
page_link(struct sbuf *b, const struct portfolio_filter *f, size_t offset,
    size_t limit, const char *rel, const char *text)
{
	html_printf(b, "<a rel=\"%s\" href=\"/?offset=%zu&amp;limit=%zu",
	    rel, offset, limit);
	if (f->status != PROJECT_ACTIVE)
		html_printf(b, "&amp;status=%s", f->status < 0 ? "all" :
		    project_status_keys[f->status]);
	if (f->pm != 0)
		html_printf(b, "&amp;pm=%lld", f->pm);
	if (f->stage >= 0)
		html_printf(b, "&amp;stage=%s", stage_key((enum stage)
		    f->stage));
	if (f->severity >= 0)
		html_printf(b, "&amp;severity=%s", severity_key(
		    (enum severity)f->severity));
	html_printf(b, "\">%s</a>\n", text);
}

void
render_portfolio_page(struct sbuf *b, const struct page_ctx *ctx,
    const struct portfolio_rows *rows, const struct portfolio_filter *f)
{
	layout_begin(b, "Portfolio", ctx);
	render_portfolio_body(b, ctx->today, rows, f);
	layout_end(b);
}

/* What the portfolio page shows, the same for everyone who may see it. */
void
render_portfolio_body(struct sbuf *b, day_t today,
    const struct portfolio_rows *rows, const struct portfolio_filter *f)
{
	const struct portfolio_row	*r;
	size_t				 i;
	char				 day[DATE_LEN], text[32];
	char				 when[RISK_WHEN_LEN];
	int				 s, shown;

	sbuf_str(b, "<header class=\"page-head\">\n<h1>Portfolio</h1>\n"
	    "<p class=\"lede\">handoff keeps ML projects honest about "
	    "<em>who owns what</em> and <em>whether the plan is still "
	    "true</em>: every empty ownership box and every missed "
	    "checkpoint is a launch risk.</p>\n"
	    "<p>Every active project, the riskiest first (paused, shipped "
	    "and cancelled ones under Status). "
	    "<a href=\"/digest\">This week's digest</a> &middot; "
	    "<a href=\"/projects/new\">Kick off a project</a> &middot; "
	    "<a href=\"/people\">People</a> &middot; "
	    "<a href=\"/api/v1/projects\">JSON API</a> &middot; "
	    "CSV: <a href=\"/portfolio.csv\">projects</a>, "
	    "<a href=\"/risks.csv\">risks</a></p>\n"
	    "</header>\n<section aria-label=\"Projects\">\n");
	filter_form(b, rows, f);

	sbuf_str(b, "<table class=\"portfolio cards\">\n<thead><tr>"
	    "<th scope=\"col\">Project</th><th scope=\"col\">PM</th>"
	    "<th scope=\"col\">Stage</th><th scope=\"col\">Next checkpoint"
	    "</th><th scope=\"col\">Target launch</th>"
	    "<th scope=\"col\">Open risks</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < rows->n; i++) {
		r = &rows->rows[i];
		html_printf(b, "<tr><th scope=\"row\">"
		    "<a href=\"/projects/%lld\">%s</a>", r->id, r->name);
		/* Not active: said, since its risks are not counted. */
		if (r->status != PROJECT_ACTIVE) {
			sbuf_char(b, ' ');
			render_badge(b, project_status_keys[r->status],
			    project_status_keys[r->status]);
		}
		html_printf(b, "</th><td data-label=\"PM\">%s</td>"
		    "<td data-label=\"Stage\">%s</td>"
		    "<td data-label=\"Next checkpoint\">",
		    r->pm != NULL ? r->pm : "", stage_name(r->stage));
		if (r->next_title != NULL) {
			date_format(r->next_due, day);
			html_printf(b, "%s<br><span class=\"muted\">due %s%s"
			    "</span>", r->next_title, day,
			    r->next_due < today ? " (missed)" :
			    r->next_blocked ? " (blocked)" : "");
		} else {
			sbuf_str(b, "<span class=\"muted\">none open</span>");
		}
		date_format(r->launch, day);
		risk_launch_phrase(r->launch, today, when);
		html_printf(b, "</td><td data-label=\"Target launch\">%s<br>"
		    "<span class=\"muted\">%s</span></td>"
		    "<td data-label=\"Open risks\">", day, when);
		shown = 0;
		for (s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--) {
			if (r->counts[s] == 0)
				continue;
			(void)snprintf(text, sizeof(text), "%d %s",
			    r->counts[s], severity_key((enum severity)s));
			render_badge(b, severity_key((enum severity)s), text);
			sbuf_char(b, ' ');
			shown = 1;
		}
		if (!shown)
			sbuf_str(b, "<span class=\"ok\">none</span>");
		sbuf_str(b, "</td></tr>\n");
	}
	if (rows->n == 0)
		html_printf(b, "<tr><td colspan=\"6\">No %sproject matches."
		    "</td></tr>\n", f->status == PROJECT_ACTIVE ? "active " :
		    "");
	sbuf_str(b, "</tbody>\n</table>\n");
	if (rows->offset > 0 || rows->offset + rows->n < rows->total) {
		html_printf(b, "<nav class=\"pager\" aria-label=\"More "
		    "projects\">\n<p class=\"muted\">Projects %zu to %zu of "
		    "%zu.</p>\n", rows->n > 0 ? rows->offset + 1 : 0,
		    rows->offset + rows->n, rows->total);
		if (rows->offset > 0)
			page_link(b, f, rows->offset > rows->limit ?
			    rows->offset - rows->limit : 0, rows->limit,
			    "prev", "&larr; Previous");
		if (rows->offset + rows->n < rows->total)
			page_link(b, f, rows->offset + rows->limit,
			    rows->limit, "next", "Next &rarr;");
		sbuf_str(b, "</nav>\n");
	}
	sbuf_str(b, "</section>\n");

	/* Portfolio-wide risks have no project row of their own. */
	if (rows->wide != NULL && rows->wide->len > 0) {
		sbuf_str(b, "<section aria-labelledby=\"wide-h\">\n"
		    "<h2 id=\"wide-h\">Across the portfolio</h2>\n"
		    "<ul class=\"risks\">\n");
		for (i = 0; i < rows->wide->len; i++)
			render_risk_item(b, &rows->wide->items[i], 0, 0,
			    DAY_NONE);
		sbuf_str(b, "</ul>\n");
		if (rows->nwide > rows->wide->len)
			sbuf_printf(b, "<p>And %zu more: every owner's load "
			    "is on <a href=\"/people\">People</a>.</p>\n",
			    rows->nwide - rows->wide->len);
		sbuf_str(b, "</section>\n");
	}
}

/* Kickoff ---------------------------------------------------------------- */

static void
kickoff_input(struct sbuf *b, const struct form_state *fs, const char *name,
    const char *label, const char *type, const char *value, const char *hint)
{
	char	hint_id[48];

	(void)snprintf(hint_id, sizeof(hint_id), "k-%s-hint", name);
	html_printf(b, "<div class=\"field\">\n<label for=\"k-%s\">%s</label>"
	    "\n", name, label);
	if (hint != NULL)
		html_printf(b, "<p class=\"hint\" id=\"%s\">%s</p>\n",
		    hint_id, hint);
	form_field_error(b, fs, "kickoff", name);
	html_printf(b, "<input type=\"%s\" id=\"k-%s\" name=\"%s\" "
	    "value=\"%s\" required", type, name, name,
	    form_value(fs, "kickoff", name, value));
	form_input_attrs(b, fs, "kickoff", name, hint != NULL ? hint_id :
	    NULL);
	sbuf_str(b, ">\n</div>\n");
}

/* One answer of the "spec" object (a spec or an audit question). */
static void
kickoff_answer(struct sbuf *b, const struct form_state *fs, const char *key,
    const struct spec_question *q)
{
	char	hint_id[48], field[48];

	(void)snprintf(hint_id, sizeof(hint_id), "k-%s-hint", key);
	html_printf(b, "<div class=\"field\">\n<label for=\"k-%s\">%s"
	    "</label>\n<p class=\"hint\" id=\"%s\">%s</p>\n", key, q->label,
	    hint_id, q->hint);
	/* The checks name a spec answer by its path: "spec.key". */
	(void)snprintf(field, sizeof(field), "spec.%s", key);
	form_field_error(b, fs, "kickoff", field);
	html_printf(b, "<textarea id=\"k-%s\" name=\"%s\" rows=\"2\"", key,
	    key);
	form_input_attrs(b, fs, "kickoff", field, hint_id);
	html_printf(b, ">%s</textarea>\n</div>\n",
	    form_value(fs, "kickoff", key, ""));
}

void
render_kickoff_page(struct sbuf *b, const struct page_ctx *ctx,
    json_t *people, const struct form_state *fs)
{
	char		 today[DATE_LEN], launch[DATE_LEN];
	const char	*pm;
	size_t		 i;

	date_format(ctx->today, today);
	date_format(ctx->today + 70, launch);

	layout_begin(b, "Kick off a project", ctx);
	sbuf_str(b, "<header class=\"page-head\"><h1>Kick off a project</h1>"
	    "\n<p>The project gets the seven stages planned from the kickoff "
	    "date, the eight default checkpoints and the sixteen-row "
	    "ownership matrix. Every empty box and every unanswered spec "
	    "question shows up as a risk.</p></header>\n<section>\n");
	form_open(b, ctx, fs, "/projects/new", "kickoff", -1);
	kickoff_input(b, fs, "name", "Project name", "text", "",
	    "What people will call it on Monday, e.g. \"Churn prediction\".");
	/*
	 * A name another project has (a 409 at "name"): the warning above,
	 * and the box that says it is on purpose.
	 */
	if (form_failed(fs, "kickoff") && !fs->stale && fs->field != NULL &&
	    strcmp(fs->field, "name") == 0 && fs->message != NULL &&
	    strstr(fs->message, "already exists") != NULL)
		sbuf_str(b, "<div class=\"field\">\n<input type=\"checkbox\" "
		    "id=\"k-confirm_duplicate\" name=\"confirm_duplicate\" "
		    "value=\"true\">\n<label for=\"k-confirm_duplicate\">"
		    "Create another project with this name anyway</label>\n"
		    "</div>\n");

	html_printf(b, "<div class=\"field\">\n<label for=\"k-pm_id\">PM"
	    "</label>\n");
	form_field_error(b, fs, "kickoff", "pm_id");
	sbuf_str(b, "<select id=\"k-pm_id\" name=\"pm_id\" required");
	form_input_attrs(b, fs, "kickoff", "pm_id", NULL);
	sbuf_str(b, ">\n");
	pm = form_value(fs, "kickoff", "pm_id", "");
	render_person_options(b, people, strtoll(pm, NULL, 10), "choose",
	    "pm");
	sbuf_str(b, "</select>\n</div>\n");

	kickoff_input(b, fs, "kickoff_on", "Kickoff date", "date", today,
	    "Stages and checkpoints are dated from here.");
	kickoff_input(b, fs, "target_launch_on", "Target launch", "date",
	    launch, "The monitoring handoff is due two weeks after.");

	sbuf_str(b, "<fieldset>\n<legend>The spec</legend>\n<p class=\"muted\">"
	    "Fill what you can; each empty answer becomes a risk once the "
	    "project leaves framing.</p>\n");
	for (i = 0; i < SPEC_COUNT; i++)
		kickoff_answer(b, fs, spec_key((enum spec_field)i),
		    &spec_questions[i]);
	sbuf_str(b, "</fieldset>\n<fieldset>\n<legend>The data audit</legend>"
	    "\n<p class=\"muted\">Can the data answer the question? Each "
	    "unanswered question becomes a risk once the project leaves data "
	    "exploration.</p>\n");
	for (i = 0; i < AUDIT_COUNT; i++)
		kickoff_answer(b, fs, audit_key((enum audit_field)i),
		    &audit_questions[i]);
	sbuf_str(b, "</fieldset>\n<button type=\"submit\">Kick off</button>\n");
	form_close(b);
	sbuf_str(b, "</section>\n");
	layout_end(b);
}

/* People ----------------------------------------------------------------- */

/*
 * A person's role as the organisation calls it (the page's role_labels,
 * for ds, mle and swe), else its key.
 */
static const char *
person_role_label(json_t *doc, const char *role)
{
	const char	*label;

	if (role == NULL)
		return ("");
	label = doc_path_str(doc, "role_labels", role);
	return (label != NULL ? label : role);
}

void
render_people_page(struct sbuf *b, const struct page_ctx *ctx,
    json_t *doc, const struct form_state *fs)
{
	json_t				*p, *box;
	size_t				 i, j;
	int				 boxes, first, threshold;
	long long			 id;
	char				 form[48], action[64];
	const char			*v;

	threshold = (int)doc_int(doc, "overload_threshold");
	layout_begin(b, "People", ctx);
	sbuf_str(b, "<header class=\"page-head\"><h1>People</h1>\n<p>Who "
	    "holds which expected boxes across active projects. Someone who "
	    "holds too many is a single point of failure; someone who "
	    "leaves leaves their boxes empty.</p></header>\n<section "
	    "aria-labelledby=\"people-h\">\n<h2 id=\"people-h\">Everyone</h2>"
	    "\n<table class=\"people cards\">\n<thead><tr>"
	    "<th scope=\"col\">Name</th><th scope=\"col\">Role</th>"
	    "<th scope=\"col\">Email</th>"
	    "<th scope=\"col\">Expected boxes</th><th scope=\"col\">Status"
	    "</th></tr></thead>\n<tbody>\n");

	json_array_foreach(doc_arr(doc, "people"), i, p) {
		id = doc_int(p, "id");
		html_printf(b, "<tr id=\"person-%lld\"><th scope=\"row\">"
		    "%s</th><td data-label=\"Role\">%s</td>"
		    "<td data-label=\"Email\">%s</td>"
		    "<td data-label=\"Expected boxes\">", id,
		    doc_str(p, "name"), person_role_label(doc,
		    doc_str(p, "role")),
		    doc_str(p, "email"));

		/* Boxes held today in active projects, and where. */
		boxes = 0;
		first = 1;
		json_array_foreach(doc_arr(p, "boxes"), j, box) {
			boxes += (int)doc_int(box, "n");
			html_printf(b, "%s<a href=\"/projects/%lld#ownership\">"
			    "%s</a> (%lld)", first ? "" : ", ",
			    doc_int(box, "project_id"),
			    doc_str(box, "project_name"), doc_int(box, "n"));
			first = 0;
		}
		if (boxes == 0)
			sbuf_str(b, "<span class=\"muted\">none</span>");
		else
			/* Markup in the format: a %s argument is escaped. */
			html_printf(b, boxes > threshold ? "<br><strong>%d "
			    "in all</strong> &mdash; more than anyone should "
			    "hold" : "<br><strong>%d in all</strong>", boxes);
		sbuf_str(b, "</td><td data-label=\"Status\">");
		render_badge(b, doc_bool(p, "active") ? "active" : "paused",
		    doc_bool(p, "active") ? "active" : "inactive");

		if (ctx->access >= PAGE_ACCESS_PM && doc_bool(p, "active")) {
			/* Two steps: what would be left with nobody first. */
			html_printf(b, " <a class=\"button\" href=\"/people/"
			    "%lld/deactivate\">Deactivate<span class=\""
			    "visually-hidden\"> %s</span></a>\n", id,
			    doc_str(p, "name"));
		} else if (ctx->access >= PAGE_ACCESS_PM) {
			(void)snprintf(form, sizeof(form), "person-%lld", id);
			(void)snprintf(action, sizeof(action),
			    "/people/%lld/active", id);
			form_open(b, ctx, fs, action, form,
			    doc_int(p, "version"));
			html_printf(b, "<input type=\"hidden\" name=\"active\" "
			    "value=\"%s\">\n<button type=\"submit\">%s<span "
			    "class=\"visually-hidden\"> %s</span></button>\n",
			    doc_bool(p, "active") ? "false" : "true",
			    doc_bool(p, "active") ? "Deactivate" :
			    "Reactivate", doc_str(p, "name"));
			form_close(b);
		}
		sbuf_str(b, "</td></tr>\n");
	}
	sbuf_str(b, "</tbody>\n</table>\n</section>\n");

	/* The line "more than anyone should hold" is drawn at. */
	html_printf(b, "<section id=\"threshold\" aria-labelledby=\""
	    "threshold-h\">\n<h2 id=\"threshold-h\">Overload threshold</h2>"
	    "\n<p>Someone who holds more than <strong>%d</strong> expected "
	    "boxes across active projects is a single point of failure: an "
	    "overloaded-owner risk.</p>\n", threshold);
	if (ctx->access >= PAGE_ACCESS_ADMIN) {
		form_open(b, ctx, fs, "/people/threshold", "threshold", -1);
		sbuf_str(b, "<label for=\"threshold-value\">Boxes a person may "
		    "hold</label>\n");
		form_field_error(b, fs, "threshold", "value");
		(void)snprintf(action, sizeof(action), "%d", threshold);
		html_printf(b, "<input type=\"number\" id=\"threshold-value\" "
		    "name=\"value\" min=\"1\" max=\"1000\" required "
		    "value=\"%s\"", form_value(fs, "threshold", "value",
		    action));
		form_input_attrs(b, fs, "threshold", "value", NULL);
		sbuf_str(b, ">\n<button type=\"submit\">Save the threshold"
		    "</button>\n");
		form_close(b);
	}
	sbuf_str(b, "</section>\n");

	if (ctx->access < PAGE_ACCESS_PM) {
		layout_end(b);
		return;
	}

	sbuf_str(b, "<section aria-labelledby=\"add-h\">\n<h2 id=\"add-h\">"
	    "Add a person</h2>\n");
	form_open(b, ctx, fs, "/people", "add-person", -1);
	html_printf(b, "<label for=\"ap-name\">Name</label>\n");
	form_field_error(b, fs, "add-person", "name");
	html_printf(b, "<input type=\"text\" id=\"ap-name\" name=\"name\" "
	    "required maxlength=\"200\" value=\"%s\"",
	    form_value(fs, "add-person", "name", ""));
	form_input_attrs(b, fs, "add-person", "name", NULL);
	sbuf_str(b, ">\n<label for=\"ap-email\">Email</label>\n");
	form_field_error(b, fs, "add-person", "email");
	html_printf(b, "<input type=\"email\" id=\"ap-email\" name=\"email\" "
	    "required value=\"%s\"", form_value(fs, "add-person", "email", ""));
	form_input_attrs(b, fs, "add-person", "email", NULL);
	sbuf_str(b, ">\n<label for=\"ap-role\">Role</label>\n");
	form_field_error(b, fs, "add-person", "role");
	sbuf_str(b, "<select id=\"ap-role\" name=\"role\"");
	form_input_attrs(b, fs, "add-person", "role", NULL);
	sbuf_str(b, ">\n");
	v = form_value(fs, "add-person", "role", "ds");
	for (i = 0; person_role_keys[i] != NULL; i++)
		render_option(b, person_role_keys[i], person_role_keys[i],
		    strcmp(v, person_role_keys[i]) == 0);
	sbuf_str(b, "</select>\n<button type=\"submit\">Add</button>\n");
	form_close(b);
	sbuf_str(b, "</section>\n");
	layout_end(b);
}

/* Deactivating a person ------------------------------------------------- */

/*
 * The cell that gives an item (as api.person_orphans names it) to someone
 * else: its version, sent back with it, and a <select> of "nobody" (the
 * item is left as it is: nothing is sent), the active people of role
 * (labelled as the organisation calls it), then everyone else under
 * "Other roles".
 */
static void
deactivate_cell(struct sbuf *b, const struct form_state *fs, json_t *doc,
    json_t *it, const char *role, const char *what)
{
	const char	*item = doc_str(it, "item"), *sent;
	char		 name[360];

	(void)snprintf(name, sizeof(name), "to:%s", item);
	sent = form_value(fs, "deactivate", name, "");
	html_printf(b, "<td data-label=\"Give to\"><input type=\"hidden\" "
	    "name=\"v:%s\" value=\"%lld\">\n<label class=\"visually-hidden\" "
	    "for=\"to-%s\">Who takes %s</label>\n<select id=\"to-%s\" "
	    "name=\"%s\">\n", item, doc_int(it, "version"), item, what, item,
	    name);
	render_person_groups(b, doc, *sent != '\0' ? strtoll(sent, NULL, 10) :
	    0, "nobody: leave it empty", role, person_role_label(doc, role));
	sbuf_str(b, "</select>\n</td>");
}

/*
 * A section of the preview: its heading with how many items, then "None."
 * (0: the section is done) or the head of their table, whose columns are
 * the item, its project, third and who takes it (1: the rows follow, then
 * orphans_end()).
 */
static int
orphans_begin(struct sbuf *b, const char *id, const char *title,
    json_t *items, const char *first, const char *third)
{
	html_printf(b, "<section aria-labelledby=\"d-%s-h\">\n<h2 "
	    "id=\"d-%s-h\">%s (%zu)</h2>\n", id, id, title,
	    json_array_size(items));
	if (json_array_size(items) == 0) {
		sbuf_str(b, "<p class=\"muted\">None.</p>\n</section>\n");
		return (0);
	}
	html_printf(b, "<table class=\"cards orphans\">\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">Project</th><th "
	    "scope=\"col\">%s</th><th scope=\"col\">Give to</th></tr>"
	    "</thead>\n<tbody>\n", first, third);
	return (1);
}

/* An item's row, up to its third cell: the item, its project's link. */
static void
orphans_row(struct sbuf *b, json_t *it, const char *title,
    const char *anchor)
{
	html_printf(b, "<tr><th scope=\"row\">%s</th><td data-label="
	    "\"Project\"><a href=\"/projects/%lld#%s\">%s</a></td>", title,
	    doc_int(it, "project_id"), anchor, doc_str(it, "project_name"));
}

static void
orphans_end(struct sbuf *b)
{
	sbuf_str(b, "</tbody>\n</table>\n</section>\n");
}

/*
 * /people/{id}/deactivate: what deactivating the person would leave with
 * nobody (their boxes, open checkpoints and open handoffs, on projects
 * that are not over), each with who takes it instead, and the one button
 * that does it all (api.person_deactivation, api.person_deactivate).
 */
void
render_deactivate_page(struct sbuf *b, const struct page_ctx *ctx,
    json_t *doc, const struct form_state *fs)
{
	json_t		*person = doc_obj(doc, "person"), *it, *other, *items;
	const char	*name = doc_str(person, "name"), *role;
	size_t		 i, n;
	char		 title[300], action[64], what[400];

	(void)snprintf(title, sizeof(title), "Deactivate %s", name);
	layout_begin(b, title, ctx);
	html_printf(b, "<header class=\"page-head\"><h1>Deactivate %s</h1>\n",
	    name);
	n = json_array_size(doc_arr(doc, "boxes")) +
	    json_array_size(doc_arr(doc, "checkpoints")) +
	    json_array_size(doc_arr(doc, "handoffs"));
	if (!doc_bool(person, "active")) {
		html_printf(b, "<p role=\"status\">%s is not active.", name);
		if (n > 0)
			html_printf(b, " Still theirs, and so nobody's for the "
			    "risks: %zu box%s, %zu open checkpoint%s, %zu "
			    "handoff%s not accepted yet.",
			    json_array_size(doc_arr(doc, "boxes")),
			    json_array_size(doc_arr(doc, "boxes")) == 1 ? "" :
			    "es", json_array_size(doc_arr(doc, "checkpoints")),
			    json_array_size(doc_arr(doc, "checkpoints")) == 1 ?
			    "" : "s", json_array_size(doc_arr(doc, "handoffs")),
			    json_array_size(doc_arr(doc, "handoffs")) == 1 ?
			    "" : "s");
		html_printf(b, "</p>\n<p><a href=\"/people#person-%lld\">Back "
		    "to People</a></p></header>\n", doc_int(person, "id"));
		layout_end(b);
		return;
	}
	html_printf(b, "<p>Someone inactive holds nothing: what %s holds on "
	    "projects that are not over is left with nobody, and the risks "
	    "say so. Give each to someone else here, or leave it; then "
	    "deactivate, all in one step.</p></header>\n", name);

	(void)snprintf(action, sizeof(action), "/people/%lld/deactivate",
	    doc_int(person, "id"));
	form_open(b, ctx, fs, action, "deactivate", doc_int(person,
	    "version"));
	/* A refusal that names an item's field: said at the top. */
	if (form_failed(fs, "deactivate") && !fs->stale && fs->field != NULL)
		html_printf(b, "<p class=\"form-notice\" role=\"alert\">%s"
		    "</p>\n", fs->message);
	role = doc_str(person, "role");

	items = doc_arr(doc, "boxes");
	if (orphans_begin(b, "boxes", "Boxes of the matrix", items,
	    "Responsibility", "Role")) {
		json_array_foreach(items, i, it) {
			(void)snprintf(what, sizeof(what), "%s (%s) of %s",
			    doc_str(it, "name"), person_role_label(doc,
			    doc_str(it, "role")), doc_str(it, "project_name"));
			orphans_row(b, it, doc_str(it, "name"), "ownership");
			html_printf(b, "<td data-label=\"Role\">%s</td>",
			    person_role_label(doc, doc_str(it, "role")));
			deactivate_cell(b, fs, doc, it, doc_str(it, "role"),
			    what);
			sbuf_str(b, "</tr>\n");
		}
		orphans_end(b);
	}

	items = doc_arr(doc, "checkpoints");
	if (orphans_begin(b, "cps", "Open checkpoints", items, "Checkpoint",
	    "Due")) {
		json_array_foreach(items, i, it) {
			(void)snprintf(what, sizeof(what), "%s of %s",
			    doc_str(it, "title"), doc_str(it, "project_name"));
			orphans_row(b, it, doc_str(it, "title"), "checkpoints");
			html_printf(b, "<td data-label=\"Due\">%s%s</td>",
			    doc_str(it, "due_on"), strcmp(doc_str(it,
			    "status"), "blocked") == 0 ? " (blocked)" : "");
			deactivate_cell(b, fs, doc, it, role, what);
			sbuf_str(b, "</tr>\n");
		}
		orphans_end(b);
	}

	items = doc_arr(doc, "handoffs");
	if (orphans_begin(b, "hos", "Handoffs not accepted yet", items,
	    "Handoff", "Between")) {
		json_array_foreach(items, i, it) {
			other = doc_obj(it, "other");
			(void)snprintf(what, sizeof(what), "handoff %s of %s",
			    doc_str(it, "name"), doc_str(it, "project_name"));
			orphans_row(b, it, doc_str(it, "name"), "handoffs");
			html_printf(b, "<td data-label=\"Between\">%s %s</td>",
			    strcmp(doc_str(it, "side"), "to") == 0 ?
			    "offered to them by" : "offered by them to",
			    other != NULL ? doc_str(other, "name") : "nobody");
			deactivate_cell(b, fs, doc, it, role, what);
			sbuf_str(b, "</tr>\n");
		}
		orphans_end(b);
	}

	if (n == 0)
		html_printf(b, "<p>%s holds nothing that would be left with "
		    "nobody.</p>\n", name);
	html_printf(b, "<button type=\"submit\">Deactivate %s</button>\n",
	    name);
	form_close(b);
	html_printf(b, "<p><a href=\"/people#person-%lld\">Back to People, "
	    "nothing changed</a></p>\n", doc_int(person, "id"));
	layout_end(b);
}

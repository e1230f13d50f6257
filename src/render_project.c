/*
 * render_project: the project page.
 *
 * From top to bottom: who and when, the open risks in their sentences, the
 * timeline, the spec (editable), the checkpoints (status, due dates and
 * the slip ledger), the ownership matrix, the handoffs, the stage, and the
 * history.  Every value goes through the escaping writer; every state is
 * written in words, colour only repeats it.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "facts.h"
#include "html.h"
#include "render.h"
#include "risk.h"

static const char *
stage_label(json_t *doc, const char *key)
{
	json_t	*st;
	size_t	 i;

	json_array_foreach(doc_arr(doc, "stages"), i, st) {
		if (key != NULL && doc_str(st, "key") != NULL &&
		    strcmp(doc_str(st, "key"), key) == 0)
			return (doc_str(st, "name"));
	}
	return (key != NULL ? key : "");
}

static int
is_active(json_t *doc)
{
	const char	*st = doc_str(doc, "status");

	return (st == NULL || strcmp(st, "active") == 0);
}

static const char *
or_dash(const char *s)
{
	return (s != NULL && *s != '\0' ? s : "\xe2\x80\x94");
}

/* Risks ------------------------------------------------------------------ */

void
render_risk_items(struct sbuf *b, const struct risk_list *risks,
    int with_project)
{
	const struct risk	*v[ROLE_COUNT];
	struct risk		 line;
	size_t			 i, n;

	sbuf_str(b, "<ul class=\"risks\">\n");
	for (i = 0; i < risks->len; i += n) {
		/* The empty boxes of one responsibility: one line. */
		v[0] = &risks->items[0] + i;
		for (n = 1; n < ROLE_COUNT && i + n < risks->len &&
		    risk_box_group(v[0], &risks->items[i + n]); n++)
			v[n] = &risks->items[i + n];
		line = *v[0];
		risk_group_message(v, n, line.message);
		render_risk_item(b, &line, with_project, 0, DAY_NONE);
	}
	sbuf_str(b, "</ul>\n");
}

static void
section_risks(struct sbuf *b, json_t *doc, const struct risk_list *risks)
{
	int	counts[SEVERITY_COUNT];
	int	s;

	sbuf_str(b, "<section id=\"risks\" aria-labelledby=\"risks-h\">\n"
	    "<h2 id=\"risks-h\">Launch risks</h2>\n");
	if (risks == NULL) {
		sbuf_str(b, "<p class=\"muted\">Risks could not be computed."
		    "</p>\n</section>\n");
		return;
	}
	if (risks->len == 0 && !is_active(doc)) {
		html_printf(b, "<p class=\"muted\">No risks are counted while "
		    "the project is %s.</p>\n</section>\n",
		    doc_str(doc, "status"));
		return;
	}
	if (risks->len == 0) {
		sbuf_str(b, "<p class=\"ok\">No open risks: every expected box "
		    "is owned and the plan holds.</p>\n</section>\n");
		return;
	}

	risk_count(risks, counts);
	sbuf_str(b, "<p class=\"counts\">");
	for (s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--) {
		if (counts[s] == 0)
			continue;
		html_printf(b, "<span class=\"count count-%s\">%d %s</span> ",
		    severity_key((enum severity)s), counts[s],
		    severity_key((enum severity)s));
	}
	sbuf_str(b, "</p>\n");
	render_risk_items(b, risks, 0);
	sbuf_str(b, "</section>\n");
}

/* Header ----------------------------------------------------------------- */

/* Paused, shipped and cancelled projects say so first. */
static void
section_status(struct sbuf *b, json_t *doc)
{
	static const char *const said[PROJECT_STATUS_COUNT] = {
		NULL, "Paused since", "Shipped on", "Cancelled on"
	};
	enum project_status	 st;
	const char		*since;

	if (project_status_from_key(doc_str(doc, "status"), &st) == -1 ||
	    said[st] == NULL)
		return;
	since = doc_str(doc, "status_since");
	html_printf(b, "<p class=\"status-note\" role=\"status\">"
	    "<strong>%s %s</strong>: its risks are not counted in the "
	    "portfolio or the digest while it is %s.</p>\n", said[st],
	    since != NULL ? since : "?", doc_str(doc, "status"));
}

static void
section_header(struct sbuf *b, json_t *doc, day_t today)
{
	char	when[RISK_WHEN_LEN];
	day_t	launch;

	if (date_parse(doc_str(doc, "target_launch_on"), &launch) == -1)
		launch = DAY_NONE;
	risk_launch_phrase(launch, today, when);
	html_printf(b, "<header class=\"project-head\">\n"
	    "<p class=\"crumbs\"><a href=\"/\">Portfolio</a> /</p>\n"
	    "<h1>%s</h1>\n<p class=\"facts\">", doc_str(doc, "name"));
	render_badge(b, doc_str(doc, "status"), doc_str(doc, "status"));
	html_printf(b, " In <strong>%s</strong> &middot; PM %s &middot; "
	    "kickoff %s &middot; target launch <strong>%s</strong>%s%s</p>\n",
	    stage_label(doc, doc_str(doc, "stage")),
	    doc_path_str(doc, "pm", "name"), doc_str(doc, "kickoff_on"),
	    doc_str(doc, "target_launch_on"), when[0] != '\0' ? ", " : "",
	    when);
	html_printf(b, "<p class=\"exports\">CSV: <a href=\"/projects/%lld/"
	    "checkpoints.csv\">checkpoints and slips</a>, <a href=\"/projects/"
	    "%lld/ownership.csv\">ownership</a></p>\n</header>\n",
	    doc_int(doc, "id"),
	    doc_int(doc, "id"));
}

/* The launch ledger: every move of the target launch, with its reason. */
static void
section_launch_moves(struct sbuf *b, json_t *doc)
{
	json_t	*m;
	size_t	 i;

	if (json_array_size(doc_arr(doc, "launch_moves")) == 0)
		return;
	sbuf_str(b, "<ul class=\"slips launch-moves\" "
	    "aria-label=\"Launch moved\">\n");
	json_array_foreach(doc_arr(doc, "launch_moves"), i, m) {
		html_printf(b, "<li>%s: launch moved from %s to %s by %s "
		    "&mdash; %s</li>\n", doc_str(m, "on"),
		    doc_str(m, "from_launch_on"), doc_str(m, "to_launch_on"),
		    doc_str(m, "actor"), doc_str(m, "reason"));
	}
	sbuf_str(b, "</ul>\n");
}

/* Spec ------------------------------------------------------------------- */

/* One answer of the spec form (a spec or an audit question). */
static void
spec_answer(struct sbuf *b, const struct form_state *fs, json_t *spec,
    const char *key, const struct spec_question *q)
{
	const char	*v;
	char		 id[48], hint[56], field[48];

	v = form_value(fs, "spec", key, doc_str(spec, key));
	(void)snprintf(id, sizeof(id), "spec-%s", key);
	/* Markup is never an argument of html_printf (it escapes those). */
	sbuf_str(b, *v == '\0' ? "<div class=\"field field-missing\">\n" :
	    "<div class=\"field\">\n");
	html_printf(b, "<label for=\"%s\">%s</label>\n"
	    "<p class=\"hint\" id=\"%s-hint\">%s</p>\n",
	    id, q->label, id, q->hint);
	/* The checks name an answer by its path: "spec.key". */
	(void)snprintf(field, sizeof(field), "spec.%s", key);
	form_field_error(b, fs, "spec", field);
	(void)snprintf(hint, sizeof(hint), "%s-hint", id);
	html_printf(b, "<textarea id=\"%s\" name=\"%s\" rows=\"2\"", id,
	    key);
	form_input_attrs(b, fs, "spec", field, hint);
	html_printf(b, ">%s</textarea>\n", v);
	if (*v == '\0')
		sbuf_str(b, "<p class=\"missing-note\">Not written yet.</p>\n");
	sbuf_str(b, "</div>\n");
}

static void
section_spec(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	json_t		*spec = doc_obj(doc, "spec");
	const char	*v;
	char		 action[64];
	size_t		 i;

	(void)snprintf(action, sizeof(action), "/projects/%lld/spec",
	    doc_int(doc, "id"));
	sbuf_str(b, "<section id=\"spec\" aria-labelledby=\"spec-h\">\n"
	    "<h2 id=\"spec-h\">Spec</h2>\n"
	    "<p class=\"muted\">A spec that cannot answer these is not ready "
	    "to brief a data team. Empty answers become risks once the "
	    "project leaves framing.</p>\n");

	/* The answers first (the state); a PM's form behind a disclosure. */
	sbuf_str(b, "<dl class=\"spec\">\n");
	for (i = 0; i < SPEC_COUNT; i++) {
		v = doc_str(spec, spec_key((enum spec_field)i));
		html_printf(b, "<dt>%s</dt><dd>%s</dd>\n",
		    spec_questions[i].label, v != NULL ? v :
		    "Not written yet");
	}
	for (i = 0; i < AUDIT_COUNT; i++) {
		v = doc_str(spec, audit_key((enum audit_field)i));
		html_printf(b, "<dt>%s</dt><dd>%s</dd>\n",
		    audit_questions[i].label, v != NULL ? v :
		    "Not answered yet");
	}
	sbuf_str(b, "</dl>\n");
	if (ctx->access < PAGE_ACCESS_PM) {
		sbuf_str(b, "</section>\n");
		return;
	}

	html_printf(b, "<details%s><summary>Edit the spec</summary>\n",
	    form_failed(fs, "spec") ? " open" : "");
	form_open(b, ctx, fs, action, "spec", doc_int(doc, "version"));
	for (i = 0; i < SPEC_COUNT; i++)
		spec_answer(b, fs, spec, spec_key((enum spec_field)i),
		    &spec_questions[i]);
	sbuf_str(b, "<h3 id=\"data-audit\">Data audit</h3>\n<p class=\"muted\">"
	    "Unanswered questions become a risk once the project leaves data "
	    "exploration.</p>\n");
	for (i = 0; i < AUDIT_COUNT; i++)
		spec_answer(b, fs, spec, audit_key((enum audit_field)i),
		    &audit_questions[i]);
	sbuf_str(b, "<button type=\"submit\">Save the spec</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n</section>\n");
}

/* Readiness review ------------------------------------------------------- */

/* One item's form: its answer and evidence, for members and above. */
static void
readiness_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *it, long long version, const struct form_state *fs)
{
	char		 form[64], action[96];
	const char	*key = doc_str(it, "key"), *v;
	size_t		 i;

	(void)snprintf(form, sizeof(form), "readiness-%s", key);
	(void)snprintf(action, sizeof(action), "/projects/%lld/readiness/%s",
	    doc_int(doc, "id"), key);
	form_open(b, ctx, fs, action, form, version);
	v = form_value(fs, form, "answer", doc_str(it, "answer"));
	html_printf(b, "<label for=\"%s-answer\">Answer</label>\n", form);
	form_field_error(b, fs, form, "answer");
	html_printf(b, "<select id=\"%s-answer\" name=\"answer\" required",
	    form);
	form_input_attrs(b, fs, form, "answer", NULL);
	sbuf_str(b, ">\n<option value=\"\">not answered</option>\n");
	for (i = 0; i < READINESS_ANSWER_COUNT; i++)
		render_option(b, readiness_answer_keys[i],
		    readiness_answer_label((enum readiness_answer)i),
		    v != NULL && strcmp(v, readiness_answer_keys[i]) == 0);
	sbuf_str(b, "</select>\n");
	v = form_value(fs, form, "evidence_url", doc_str(it, "evidence_url"));
	html_printf(b, "<label for=\"%s-evidence\">Evidence link</label>\n",
	    form);
	form_field_error(b, fs, form, "evidence_url");
	html_printf(b, "<input type=\"url\" id=\"%s-evidence\" "
	    "name=\"evidence_url\" value=\"%s\"", form, v != NULL ? v : "");
	form_input_attrs(b, fs, form, "evidence_url", NULL);
	sbuf_str(b, ">\n<button type=\"submit\">Answer</button>\n");
	form_close(b);
}

static void
section_readiness(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	json_t		*rd = doc_obj(doc, "readiness"), *score, *it, *w;
	char		 sc[64], form[64];
	size_t		 i;

	score = doc_obj(rd, "score");
	readiness_score_text(sc, sizeof(sc), doc_int(score, "yes"),
	    doc_int(score, "applicable"));
	html_printf(b, "<section id=\"readiness\" "
	    "aria-labelledby=\"readiness-h\">\n"
	    "<h2 id=\"readiness-h\">Production readiness review</h2>\n"
	    "<p class=\"muted\">Drawn from the seeds and the ML Test Score: "
	    "each item yes, no or not applicable, with its evidence. The "
	    "review cannot be marked done while an item is unanswered, "
	    "unless a waiver reason is given.</p>\n"
	    "<p class=\"readiness-score\">Score: <strong>%s</strong> "
	    "(yes over the items that apply) &middot; %lld unanswered "
	    "&middot; <a href=\"/projects/%lld/model-card.md\">Model card "
	    "draft</a></p>\n", sc, doc_int(score, "unanswered"),
	    doc_int(doc, "id"));
	w = doc_obj(rd, "waiver");
	if (w != NULL && !json_is_null(w))
		html_printf(b, "<p class=\"waiver\">Waived on %s by %s: %s</p>"
		    "\n", doc_str(w, "on"), doc_str(w, "by"),
		    doc_str(w, "reason"));
	sbuf_str(b, "<table class=\"readiness cards\">\n<thead><tr>"
	    "<th scope=\"col\">Item</th><th scope=\"col\">Answer</th>"
	    "<th scope=\"col\">Evidence</th><th scope=\"col\">Answered by"
	    "</th></tr></thead>\n<tbody>\n");
	json_array_foreach(doc_arr(rd, "items"), i, it) {
		html_printf(b, "<tr id=\"readiness-%s\"><th scope=\"row\">%s"
		    "</th><td data-label=\"Answer\">", doc_str(it, "key"),
		    doc_str(it, "label"));
		if (doc_str(it, "answer") != NULL)
			render_badge(b, doc_str(it, "answer"),
			    readiness_answer_label((enum readiness_answer)
			    vocab_index(readiness_answer_keys,
			    doc_str(it, "answer"))));
		else
			sbuf_str(b, "<span class=\"missing-note\">not answered"
			    "</span>");
		if (ctx->can_write) {
			(void)snprintf(form, sizeof(form), "readiness-%s",
			    doc_str(it, "key"));
			html_printf(b, "<details%s><summary>Answer</summary>\n",
			    form_failed(fs, form) ? " open" : "");
			readiness_form(b, ctx, doc, it, doc_int(rd, "version"),
			    fs);
			sbuf_str(b, "</details>");
		}
		sbuf_str(b, "</td><td data-label=\"Evidence\">");
		if (doc_str(it, "evidence_url") != NULL)
			html_printf(b, "<a href=\"%s\" rel=\"noopener "
			    "noreferrer\">evidence</a>",
			    doc_str(it, "evidence_url"));
		else
			sbuf_str(b, "&mdash;");
		sbuf_str(b, "</td><td data-label=\"Answered by\">");
		if (doc_str(it, "answered_by") != NULL)
			html_printf(b, "%s on %s", doc_str(it, "answered_by"),
			    doc_str(it, "answered_on"));
		else
			sbuf_str(b, "&mdash;");
		sbuf_str(b, "</td></tr>\n");
	}
	sbuf_str(b, "</tbody>\n</table>\n</section>\n");
}

/* Checkpoints ------------------------------------------------------------ */

static void
checkpoint_status_cell(struct sbuf *b, json_t *c, day_t today)
{
	const char	*state = render_checkpoint_state(c, today);
	const char	*status = doc_str(c, "status");
	char		 text[64];

	if (strcmp(state, "done") == 0 || strcmp(state, "waived") == 0) {
		(void)snprintf(text, sizeof(text), "%s %s", state,
		    or_dash(doc_str(c, "completed_on")));
		render_badge(b, state, text);
	} else if (strcmp(state, "missed") == 0) {
		(void)snprintf(text, sizeof(text), "missed, %d days late",
		    (int)(today - doc_day(c, "due_on")));
		render_badge(b, "missed", text);
		/* Late and blocked: both are shown. */
		if (status != NULL && strcmp(status, "blocked") == 0) {
			sbuf_char(b, ' ');
			render_badge(b, "blocked", "blocked");
		}
	} else {
		render_badge(b, state, state);
	}
	if (doc_str(c, "outcome") != NULL) {
		sbuf_char(b, ' ');
		render_badge(b, "outcome", doc_str(c, "outcome"));
	}
}

/*
 * A checkpoint's evidence: a link only when it is a web address (the API
 * takes nothing else, but the database may hold older data); anything
 * else is shown as text, escaped like every value.
 */
static void
checkpoint_evidence(struct sbuf *b, const char *url)
{
	if (url == NULL)
		return;
	if (html_url_ok(url) && url[0] != '/')
		html_printf(b, "<p class=\"evidence\"><a href=\"%s\" "
		    "rel=\"noopener noreferrer\">Evidence</a></p>", url);
	else
		html_printf(b, "<p class=\"evidence\">Evidence (not a web "
		    "link): %s</p>", url);
}

/* The owner (anyone active, or nobody) and the evidence link. */
static void
checkpoint_owner_form(struct sbuf *b, const struct page_ctx *ctx,
    json_t *doc, json_t *c, json_t *people, const struct form_state *fs)
{
	char		 form[48], action[96];
	long long	 id = doc_int(c, "id");

	(void)snprintf(form, sizeof(form), "cp-%lld-owner", id);
	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/checkpoints/%lld/owner", doc_int(doc, "id"), id);
	html_printf(b, "<details%s><summary>Owner and evidence link</summary>"
	    "\n", form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, doc_int(c, "version"));
	html_printf(b, "<label for=\"%s-owner\">Owner</label>\n", form);
	form_field_error(b, fs, form, "owner_id");
	html_printf(b, "<input id=\"%s-owner\" name=\"owner_id\"", form);
	render_person_pick(b, people, doc_int(doc_obj(c, "owner"), "id"),
	    doc_obj(c, "owner"), form_sent(fs, form, "owner_id"), "nobody");
	form_input_attrs(b, fs, form, "owner_id", NULL);
	html_printf(b, ">\n<label for=\"%s-evidence\">Evidence link "
	    "(http or https; empty clears it)</label>\n", form);
	form_field_error(b, fs, form, "evidence_url");
	html_printf(b, "<input type=\"url\" id=\"%s-evidence\" "
	    "name=\"evidence_url\" maxlength=\"2000\" value=\"%s\"", form,
	    form_value(fs, form, "evidence_url", doc_str(c, "evidence_url")));
	form_input_attrs(b, fs, form, "evidence_url", NULL);
	sbuf_str(b, ">\n<button type=\"submit\">Save owner and link</button>"
	    "\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

/* For a PM: delete it, with a ticked confirmation (kept in the history). */
static void
checkpoint_delete_form(struct sbuf *b, const struct page_ctx *ctx,
    json_t *doc, json_t *c, const struct form_state *fs)
{
	char		 form[48], action[96];
	long long	 id = doc_int(c, "id");

	(void)snprintf(form, sizeof(form), "cp-%lld-delete", id);
	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/checkpoints/%lld/delete", doc_int(doc, "id"), id);
	html_printf(b, "<details%s><summary>Delete</summary>\n",
	    form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, doc_int(c, "version"));
	form_field_error(b, fs, form, "confirm");
	html_printf(b, "<input type=\"checkbox\" id=\"%s-confirm\" "
	    "name=\"confirm\" value=\"true\" required", form);
	form_input_attrs(b, fs, form, "confirm", NULL);
	html_printf(b, ">\n<label for=\"%s-confirm\">Yes, delete %s from the "
	    "plan (the history keeps it)</label>\n<button type=\"submit\">"
	    "Delete the checkpoint</button>\n", form, doc_str(c, "title"));
	form_close(b);
	sbuf_str(b, "</details>\n");
}

static void
checkpoint_forms(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *c, json_t *people, const struct form_state *fs)
{
	char		 form[48], action[96], today[DATE_LEN];
	const char	*status, *v;
	long long	 id = doc_int(c, "id");
	size_t		 i;
	json_t		*slip;

	date_format(ctx->today, today);

	/* Status, note and outcome. */
	(void)snprintf(form, sizeof(form), "cp-%lld-status", id);
	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/checkpoints/%lld/status", doc_int(doc, "id"), id);
	html_printf(b, "<details%s><summary>Update status</summary>\n",
	    form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, doc_int(c, "version"));
	status = form_value(fs, form, "status", doc_str(c, "status"));
	html_printf(b, "<label for=\"%s-status\">Status</label>\n", form);
	form_field_error(b, fs, form, "status");
	html_printf(b, "<select id=\"%s-status\" name=\"status\"", form);
	form_input_attrs(b, fs, form, "status", NULL);
	sbuf_str(b, ">\n");
	for (i = 0; checkpoint_status_keys[i] != NULL; i++)
		render_option(b, checkpoint_status_keys[i],
		    checkpoint_status_keys[i],
		    strcmp(status, checkpoint_status_keys[i]) == 0);
	sbuf_str(b, "</select>\n");

	v = form_value(fs, form, "completed_on",
	    doc_str(c, "completed_on") != NULL ? doc_str(c, "completed_on") :
	    today);
	html_printf(b, "<label for=\"%s-completed\">Completed on (for done "
	    "or waived)</label>\n", form);
	form_field_error(b, fs, form, "completed_on");
	html_printf(b, "<input type=\"date\" id=\"%s-completed\" "
	    "name=\"completed_on\" value=\"%s\"", form, v);
	form_input_attrs(b, fs, form, "completed_on", NULL);
	sbuf_str(b, ">\n");

	if (doc_bool(c, "decision")) {
		v = form_value(fs, form, "outcome", doc_str(c, "outcome"));
		html_printf(b, "<label for=\"%s-outcome\">Outcome</label>\n",
		    form);
		form_field_error(b, fs, form, "outcome");
		html_printf(b, "<select id=\"%s-outcome\" name=\"outcome\"",
		    form);
		form_input_attrs(b, fs, form, "outcome", NULL);
		sbuf_str(b, ">\n<option value=\"\">not decided</option>\n");
		for (i = 0; outcome_keys[i] != NULL; i++)
			render_option(b, outcome_keys[i], outcome_keys[i],
			    v != NULL && strcmp(v, outcome_keys[i]) == 0);
		sbuf_str(b, "</select>\n");
	}

	/* The readiness review: done with open items needs a waiver. */
	if (doc_int(doc_obj(doc_obj(doc, "readiness"), "review"),
	    "checkpoint_id") == id) {
		html_printf(b, "<label for=\"%s-waiver\">Waiver reason (to "
		    "mark it done with checklist items unanswered)</label>\n",
		    form);
		form_field_error(b, fs, form, "waiver_reason");
		html_printf(b, "<input type=\"text\" id=\"%s-waiver\" "
		    "name=\"waiver_reason\" maxlength=\"500\" value=\"%s\"",
		    form, form_value(fs, form, "waiver_reason", ""));
		form_input_attrs(b, fs, form, "waiver_reason", NULL);
		sbuf_str(b, ">\n");
	}

	v = form_value(fs, form, "note", doc_str(c, "note"));
	html_printf(b, "<label for=\"%s-note\">Note</label>\n", form);
	form_field_error(b, fs, form, "note");
	html_printf(b, "<textarea id=\"%s-note\" name=\"note\" rows=\"2\"",
	    form);
	form_input_attrs(b, fs, form, "note", NULL);
	html_printf(b, ">%s</textarea>\n<button type=\"submit\">Save"
	    "</button>\n", v);
	form_close(b);
	sbuf_str(b, "</details>\n");

	/* A new due date, with its reason; and the slip ledger. */
	(void)snprintf(form, sizeof(form), "cp-%lld-due", id);
	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/checkpoints/%lld/due", doc_int(doc, "id"), id);
	html_printf(b, "<details%s><summary>Move the due date</summary>\n",
	    form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, doc_int(c, "version"));
	html_printf(b, "<label for=\"%s-due\">New due date</label>\n", form);
	form_field_error(b, fs, form, "due_on");
	html_printf(b, "<input type=\"date\" id=\"%s-due\" name=\"due_on\" "
	    "required value=\"%s\"", form,
	    form_value(fs, form, "due_on", doc_str(c, "due_on")));
	form_input_attrs(b, fs, form, "due_on", NULL);
	html_printf(b, ">\n<label for=\"%s-reason\">Reason (kept in the slip "
	    "ledger)</label>\n", form);
	form_field_error(b, fs, form, "reason");
	html_printf(b, "<input type=\"text\" id=\"%s-reason\" name=\"reason\" "
	    "required maxlength=\"500\" value=\"%s\"", form,
	    form_value(fs, form, "reason", ""));
	form_input_attrs(b, fs, form, "reason", NULL);
	sbuf_str(b, ">\n<button type=\"submit\">Move it</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");

	checkpoint_owner_form(b, ctx, doc, c, people, fs);
	if (ctx->access >= PAGE_ACCESS_PM)
		checkpoint_delete_form(b, ctx, doc, c, fs);

	if (json_array_size(doc_arr(c, "slips")) > 0) {
		sbuf_str(b, "<ul class=\"slips\" aria-label=\"Slip ledger\">"
		    "\n");
		json_array_foreach(doc_arr(c, "slips"), i, slip) {
			html_printf(b, "<li>%s: moved from %s to %s by %s "
			    "&mdash; %s</li>\n", doc_str(slip, "on"),
			    doc_str(slip, "from_due_on"),
			    doc_str(slip, "to_due_on"), doc_str(slip, "actor"),
			    doc_str(slip, "reason"));
		}
		sbuf_str(b, "</ul>\n");
	}
}

/* For a PM, under the table: a new checkpoint. */
static void
checkpoint_new_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct form_state *fs)
{
	static const char	*form = "checkpoint-new";
	char			 action[64];
	const char		*sent;
	size_t			 i;

	(void)snprintf(action, sizeof(action), "/projects/%lld/checkpoints",
	    doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>Add a checkpoint</summary>\n",
	    form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, -1);

	html_printf(b, "<label for=\"%s-title\">Title</label>\n", form);
	form_field_error(b, fs, form, "title");
	html_printf(b, "<input type=\"text\" id=\"%s-title\" name=\"title\" "
	    "required maxlength=\"300\" value=\"%s\"", form,
	    form_value(fs, form, "title", ""));
	form_input_attrs(b, fs, form, "title", NULL);

	html_printf(b, ">\n<label for=\"%s-stage\">Stage</label>\n", form);
	form_field_error(b, fs, form, "stage");
	html_printf(b, "<select id=\"%s-stage\" name=\"stage\"", form);
	form_input_attrs(b, fs, form, "stage", NULL);
	sbuf_str(b, ">\n");
	sent = form_value(fs, form, "stage", doc_str(doc, "stage"));
	for (i = 0; stage_keys[i] != NULL; i++)
		render_option(b, stage_keys[i], stage_label(doc, stage_keys[i]),
		    strcmp(sent, stage_keys[i]) == 0);
	sbuf_str(b, "</select>\n");

	html_printf(b, "<label for=\"%s-due\">Due</label>\n", form);
	form_field_error(b, fs, form, "due_on");
	html_printf(b, "<input type=\"date\" id=\"%s-due\" name=\"due_on\" "
	    "required value=\"%s\"", form, form_value(fs, form, "due_on", ""));
	form_input_attrs(b, fs, form, "due_on", NULL);

	html_printf(b, ">\n<label for=\"%s-owner\">Owner</label>\n", form);
	form_field_error(b, fs, form, "owner_id");
	html_printf(b, "<input id=\"%s-owner\" name=\"owner_id\"", form);
	render_person_pick(b, people, 0, NULL, form_sent(fs, form,
	    "owner_id"), "nobody yet");
	form_input_attrs(b, fs, form, "owner_id", NULL);
	sbuf_str(b, ">\n");

	sbuf_str(b, "<div class=\"field\">\n");
	form_field_error(b, fs, form, "decision");
	html_printf(b, "<input type=\"checkbox\" id=\"%s-decision\" "
	    "name=\"decision\" value=\"true\"%s", form,
	    strcmp(form_value(fs, form, "decision", ""), "true") == 0 ?
	    " checked" : "");
	form_input_attrs(b, fs, form, "decision", NULL);
	html_printf(b, ">\n<label for=\"%s-decision\">A decision point (go, "
	    "pivot or stop)</label>\n</div>\n", form);

	html_printf(b, "<label for=\"%s-reason\">Reason (only for a due date "
	    "before the kickoff)</label>\n", form);
	form_field_error(b, fs, form, "reason");
	html_printf(b, "<input type=\"text\" id=\"%s-reason\" "
	    "name=\"reason\" maxlength=\"500\" value=\"%s\"", form,
	    form_value(fs, form, "reason", ""));
	form_input_attrs(b, fs, form, "reason", NULL);
	sbuf_str(b, ">\n<button type=\"submit\">Add the checkpoint</button>"
	    "\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

static void
section_checkpoints(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct form_state *fs)
{
	json_t	*c;
	size_t	 i;

	sbuf_str(b, "<section id=\"checkpoints\" "
	    "aria-labelledby=\"checkpoints-h\">\n"
	    "<h2 id=\"checkpoints-h\">Checkpoints</h2>\n"
	    "<table class=\"checkpoints cards\">\n<thead><tr>"
	    "<th scope=\"col\">Due</th><th scope=\"col\">Checkpoint</th>"
	    "<th scope=\"col\">Stage</th><th scope=\"col\">Owner</th>"
	    "<th scope=\"col\">Status</th>"
	    "</tr></thead>\n<tbody>\n");
	json_array_foreach(doc_arr(doc, "checkpoints"), i, c) {
		html_printf(b, "<tr id=\"checkpoint-%lld\">"
		    "<td data-label=\"Due\">%s",
		    doc_int(c, "id"), doc_str(c, "due_on"));
		if (json_array_size(doc_arr(c, "slips")) > 0)
			html_printf(b, "<br><span class=\"muted\">was %s"
			    "</span>", doc_str(c, "original_due_on"));
		html_printf(b, "</td><th scope=\"row\">%s",
		    doc_str(c, "title"));
		if (doc_str(c, "note") != NULL)
			html_printf(b, "<p class=\"note\">%s</p>",
			    doc_str(c, "note"));
		checkpoint_evidence(b, doc_str(c, "evidence_url"));
		html_printf(b, "</th><td data-label=\"Stage\">%s</td>"
		    "<td data-label=\"Owner\">%s</td>"
		    "<td data-label=\"Status\">",
		    stage_label(doc, doc_str(c, "stage")),
		    or_dash(doc_path_str(c, "owner", "name")));
		checkpoint_status_cell(b, c, ctx->today);
		sbuf_str(b, "</td></tr>\n");
		if (ctx->can_write) {
			html_printf(b, "<tr class=\"actions\"><td colspan=\"5\""
			    ">");
			checkpoint_forms(b, ctx, doc, c, people, fs);
			sbuf_str(b, "</td></tr>\n");
		}
	}
	sbuf_str(b, "</tbody>\n</table>\n");
	if (ctx->access >= PAGE_ACCESS_PM)
		checkpoint_new_form(b, ctx, doc, people, fs);
	sbuf_str(b, "</section>\n");
}

/* Ownership matrix ------------------------------------------------------- */

/* The organisation's label of a column (the page's role_labels), else ours. */
static const char *
matrix_label(json_t *doc, enum role role)
{
	const char	*label;

	label = doc_path_str(doc, "role_labels", role_key(role));
	return (label != NULL ? label : role_label(role));
}

/*
 * A handoff's side ("DS", "everyone"): a role's word becomes the
 * organisation's label of it, anything else stays.
 */
static const char *
role_word(json_t *doc, const char *word)
{
	int	r;

	for (r = 0; word != NULL && r < ROLE_COUNT; r++)
		if (strcmp(word, role_label((enum role)r)) == 0)
			return (matrix_label(doc, (enum role)r));
	return (word);
}

static void
matrix_cell(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *row, enum role role, json_t *people, const struct form_state *fs)
{
	const char	*rkey = role_key(role);
	const char	*rlabel = matrix_label(doc, role);
	json_t		*cell = doc_obj(row, rkey);
	json_t		*person = doc_obj(cell, "person");
	int		 expected = doc_bool(cell, "expected");
	int		 empty = person == NULL || !doc_bool(person, "active");
	char		 form[120], action[160];
	const char	*cls;

	cls = !expected ? "cell-unexpected" : empty ? "cell-empty" :
	    "cell-owned";
	html_printf(b, "<td class=\"%s\" data-label=\"%s\">", cls, rlabel);

	if (person != NULL && doc_bool(person, "active"))
		html_printf(b, "<span class=\"owner\">%s</span>",
		    doc_str(person, "name"));
	else if (person != NULL)
		html_printf(b, "<span class=\"owner\">%s (inactive)</span>",
		    doc_str(person, "name"));

	if (expected && empty)
		sbuf_str(b, "<span class=\"cell-state\">Empty: nobody owns "
		    "this</span>");
	else if (!expected && person == NULL)
		sbuf_str(b, "<span class=\"cell-state\">not expected</span>");

	if (ctx->can_write) {
		(void)snprintf(form, sizeof(form), "cell-%s-%s",
		    doc_str(row, "key"), rkey);
		(void)snprintf(action, sizeof(action),
		    "/projects/%lld/ownership/%s/%s", doc_int(doc, "id"),
		    doc_str(row, "key"), rkey);
		sbuf_str(b, "<details class=\"cell-edit\"");
		if (form_failed(fs, form))
			sbuf_str(b, " open");
		html_printf(b, "><summary>change<span class=\"visually-hidden"
		    "\"> %s for %s</span></summary>\n", rlabel,
		    doc_str(row, "name"));
		form_open(b, ctx, fs, action, form, doc_int(cell, "version"));
		form_field_error(b, fs, form, "person_id");
		html_printf(b, "<label class=\"visually-hidden\" "
		    "for=\"%s-person\">%s for %s</label>\n"
		    "<input id=\"%s-person\" name=\"person_id\"", form,
		    rlabel, doc_str(row, "name"), form);
		render_person_pick(b, people, person != NULL ?
		    doc_int(person, "id") : 0, person, form_sent(fs, form,
		    "person_id"), "nobody");
		form_input_attrs(b, fs, form, "person_id", NULL);
		html_printf(b, ">\n<button type=\"submit\">Save"
		    "<span class=\"visually-hidden\"> %s for %s</span>"
		    "</button>\n", rlabel, doc_str(row, "name"));
		form_close(b);
		sbuf_str(b, "</details>\n");
	}
	sbuf_str(b, "</td>\n");
}

/*
 * The whole matrix as one form (api.ownership_matrix_put): a select per
 * expected or held box, named "key/role", with the version it was drawn
 * from as "v:key/role".  One save, all or nothing; a box someone else
 * changed meanwhile is named (?changed=matrix&field=boxes.key/role).
 */
static void
matrix_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct form_state *fs)
{
	json_t		*row, *cell, *person;
	char		 action[64], name[96], field[112];
	const char	*rkey;
	long long	 held;
	size_t		 i;
	int		 r, stale;

	if (!ctx->can_write)
		return;
	(void)snprintf(action, sizeof(action), "/projects/%lld/ownership",
	    doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>Edit the whole matrix in one "
	    "save</summary>\n", form_failed(fs, "matrix") ? " open" : "");
	form_open(b, ctx, fs, action, "matrix", -1);
	html_printf(b, "<p class=\"hint\">Every box at once: nothing is "
	    "saved if someone else changed one of them meanwhile.</p>\n"
	    "<div class=\"table-wrap\"><table class=\"matrix-form cards\">\n"
	    "<thead><tr><th scope=\"col\">Responsibility</th><th scope=\"col\">"
	    "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
	    "</thead>\n<tbody>\n", matrix_label(doc, ROLE_DS),
	    matrix_label(doc, ROLE_MLE), matrix_label(doc, ROLE_SWE));
	json_array_foreach(doc_arr(doc, "ownership"), i, row) {
		html_printf(b, "<tr><th scope=\"row\">%s</th>",
		    doc_str(row, "name"));
		for (r = 0; r < ROLE_COUNT; r++) {
			rkey = role_key((enum role)r);
			cell = doc_obj(row, rkey);
			person = doc_obj(cell, "person");
			if (!doc_bool(cell, "expected") && person == NULL) {
				html_printf(b, "<td class=\"cell-unexpected\" "
				    "data-label=\"%s\">not expected</td>",
				    matrix_label(doc, (enum role)r));
				continue;
			}
			(void)snprintf(name, sizeof(name), "%s/%s",
			    doc_str(row, "key"), rkey);
			(void)snprintf(field, sizeof(field), "boxes.%s", name);
			stale = fs != NULL && fs->stale && form_failed(fs,
			    "matrix") && fs->field != NULL &&
			    strcmp(fs->field, field) == 0;
			held = person != NULL ? doc_int(person, "id") : 0;
			if (stale)
				html_printf(b, "<td class=\"cell-stale\" "
				    "data-label=\"%s\"><p "
				    "class=\"field-error\" role=\"alert\">"
				    "Someone else changed this box: it shows "
				    "their choice now.</p>",
				    matrix_label(doc, (enum role)r));
			else
				html_printf(b, "<td data-label=\"%s\">",
				    matrix_label(doc, (enum role)r));
			(void)snprintf(field, sizeof(field),
			    "boxes.%s.person_id", name);
			form_field_error(b, fs, "matrix", field);
			html_printf(b, "<input type=\"hidden\" name=\"v:%s\" "
			    "value=\"%lld\"><label class=\"visually-hidden\" "
			    "for=\"m-%s-%s\">%s for %s</label><input "
			    "id=\"m-%s-%s\" name=\"%s\"", name,
			    doc_int(cell, "version"), doc_str(row, "key"), rkey,
			    matrix_label(doc, (enum role)r),
			    doc_str(row, "name"), doc_str(row, "key"), rkey,
			    name);
			render_person_pick(b, people, held, person,
			    form_sent(fs, "matrix", name), "nobody");
			form_input_attrs(b, fs, "matrix", field, NULL);
			sbuf_str(b, "></td>");
		}
		sbuf_str(b, "</tr>\n");
	}
	sbuf_str(b, "</tbody>\n</table></div>\n<button type=\"submit\">Save "
	    "the matrix</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

/*
 * For a PM: fill this matrix from another project's, the empty boxes only
 * unless overwrite is ticked (api.ownership_copy).
 */
static void
matrix_copy(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *projects, const struct form_state *fs)
{
	json_t		*p;
	char		 action[64], id[24];
	const char	*sent;
	size_t		 i;

	if (ctx->access < PAGE_ACCESS_PM || json_array_size(projects) == 0)
		return;
	(void)snprintf(action, sizeof(action), "/projects/%lld/ownership-copy",
	    doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>Copy ownership from another "
	    "project</summary>\n", form_failed(fs, "ownership-copy") ?
	    " open" : "");
	form_open(b, ctx, fs, action, "ownership-copy", -1);
	sbuf_str(b, "<div class=\"field\">\n<label for=\"copy-from\">"
	    "Copy from</label>\n<p class=\"hint\" id=\"copy-from-hint\">"
	    "The same PM's projects first, then the newest (50 at "
	    "most).</p>\n");
	form_field_error(b, fs, "ownership-copy", "from_project_id");
	sbuf_str(b, "<select id=\"copy-from\" name=\"from_project_id\" "
	    "required");
	form_input_attrs(b, fs, "ownership-copy", "from_project_id", NULL);
	sbuf_str(b, ">\n<option value=\"\">choose a project</option>\n");
	sent = form_value(fs, "ownership-copy", "from_project_id", "");
	json_array_foreach(projects, i, p) {
		(void)snprintf(id, sizeof(id), "%lld", doc_int(p, "id"));
		render_option(b, id, doc_str(p, "name"), strcmp(sent, id) == 0);
	}
	sbuf_str(b, "</select>\n</div>\n<div class=\"field\">\n<input "
	    "type=\"checkbox\" id=\"copy-overwrite\" name=\"overwrite\" "
	    "value=\"true\">\n<label for=\"copy-overwrite\">Also replace the "
	    "boxes that already have someone</label>\n</div>\n<button "
	    "type=\"submit\">Copy ownership</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

/*
 * For a PM, in a row's name: remove it from the matrix, with a ticked
 * confirmation (api.responsibility_delete).
 */
static void
resp_delete_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *row, const struct form_state *fs)
{
	char		 form[96], action[160];
	const char	*key = doc_str(row, "key");

	if (key == NULL)
		return;
	(void)snprintf(form, sizeof(form), "resp-%s-delete", key);
	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/responsibilities/%s/delete", doc_int(doc, "id"),
	    key);
	html_printf(b, "<details class=\"cell-edit\"%s><summary>Remove this "
	    "row<span class=\"visually-hidden\">: %s</span></summary>\n",
	    form_failed(fs, form) ? " open" : "", doc_str(row, "name"));
	form_open(b, ctx, fs, action, form, -1);
	sbuf_str(b, "<p class=\"hint\">Its boxes go to nobody; the row's "
	    "past stays in the history and in past risks.</p>\n");
	form_field_error(b, fs, form, "confirm");
	html_printf(b, "<input type=\"checkbox\" id=\"%s-confirm\" "
	    "name=\"confirm\" value=\"true\" required", form);
	form_input_attrs(b, fs, form, "confirm", NULL);
	html_printf(b, ">\n<label for=\"%s-confirm\">Yes, remove %s from the "
	    "matrix</label>\n<button type=\"submit\">Remove the row</button>"
	    "\n", form, doc_str(row, "name"));
	form_close(b);
	sbuf_str(b, "</details>\n");
}

/* A yes/no box of the new row's form, ticked again when refused. */
static void
resp_new_check(struct sbuf *b, const struct form_state *fs, const char *form,
    const char *name, const char *label)
{
	html_printf(b, "<div class=\"field\">\n<input type=\"checkbox\" "
	    "id=\"%s-%s\" name=\"%s\" value=\"true\"%s", form, name, name,
	    strcmp(form_value(fs, form, name, ""), "true") == 0 ?
	    " checked" : "");
	form_input_attrs(b, fs, form, name, NULL);
	html_printf(b, ">\n<label for=\"%s-%s\">%s</label>\n</div>\n", form,
	    name, label);
}

/* For a PM, under the matrix: a row of the project's own. */
static void
resp_new_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	static const char	*form = "resp-new";
	char			 action[64], name[32], label[256];
	const char		*sent;
	json_t			*h;
	size_t			 i;
	int			 r;

	(void)snprintf(action, sizeof(action),
	    "/projects/%lld/responsibilities", doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>Add a responsibility row"
	    "</summary>\n", form_failed(fs, form) ? " open" : "");
	form_open(b, ctx, fs, action, form, -1);

	html_printf(b, "<label for=\"%s-name\">Name</label>\n", form);
	form_field_error(b, fs, form, "name");
	html_printf(b, "<input type=\"text\" id=\"%s-name\" name=\"name\" "
	    "required maxlength=\"200\" value=\"%s\"", form,
	    form_value(fs, form, "name", ""));
	form_input_attrs(b, fs, form, "name", NULL);

	html_printf(b, ">\n<label for=\"%s-needed\">Needed by</label>\n",
	    form);
	form_field_error(b, fs, form, "needed_by");
	html_printf(b, "<select id=\"%s-needed\" name=\"needed_by\"", form);
	form_input_attrs(b, fs, form, "needed_by", NULL);
	sbuf_str(b, ">\n");
	sent = form_value(fs, form, "needed_by", doc_str(doc, "stage"));
	for (i = 0; stage_keys[i] != NULL; i++)
		render_option(b, stage_keys[i], stage_label(doc, stage_keys[i]),
		    strcmp(sent, stage_keys[i]) == 0);
	sbuf_str(b, "</select>\n");

	/* The matrix's columns, in the organisation's words. */
	sbuf_str(b, "<fieldset>\n<legend>Expected of (one at least)"
	    "</legend>\n");
	form_field_error(b, fs, form, "expects_ds");
	for (r = 0; r < ROLE_COUNT; r++) {
		(void)snprintf(name, sizeof(name), "expects_%s",
		    role_key((enum role)r));
		resp_new_check(b, fs, form, name,
		    matrix_label(doc, (enum role)r));
	}
	sbuf_str(b, "</fieldset>\n");

	html_printf(b, "<label for=\"%s-handoff\">Handoff</label>\n", form);
	form_field_error(b, fs, form, "handoff");
	html_printf(b, "<select id=\"%s-handoff\" name=\"handoff\"", form);
	form_input_attrs(b, fs, form, "handoff", NULL);
	sbuf_str(b, ">\n");
	sent = form_value(fs, form, "handoff", "");
	render_option(b, "", "none", *sent == '\0');
	json_array_foreach(doc_arr(doc, "handoffs"), i, h) {
		if (doc_str(h, "key") == NULL)
			continue;
		(void)snprintf(label, sizeof(label), "%s: %s",
		    doc_str(h, "key"), or_dash(doc_str(h, "name")));
		render_option(b, doc_str(h, "key"), label,
		    strcmp(sent, doc_str(h, "key")) == 0);
	}
	sbuf_str(b, "</select>\n");

	form_field_error(b, fs, form, "assign_at_kickoff");
	resp_new_check(b, fs, form, "assign_at_kickoff", "To be named at "
	    "kickoff (an empty box is a risk once the project has left "
	    "framing)");
	sbuf_str(b, "<button type=\"submit\">Add the row</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

static void
section_matrix(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, json_t *projects, const struct form_state *fs)
{
	json_t	*row;
	size_t	 i;
	int	 r;

	sbuf_str(b, "<section id=\"ownership\" "
	    "aria-labelledby=\"ownership-h\">\n"
	    "<h2 id=\"ownership-h\">Ownership matrix</h2>\n"
	    "<p class=\"muted\">An expected box with nobody in it is a launch "
	    "risk, not a detail. Grey boxes are not expected.</p>\n"
	    "<div class=\"table-wrap\"><table class=\"matrix cards\">\n"
	    "<thead><tr><th scope=\"col\">Responsibility</th>"
	    "<th scope=\"col\">Needed by</th>");
	for (r = 0; r < ROLE_COUNT; r++)
		html_printf(b, "<th scope=\"col\">%s</th>",
		    matrix_label(doc, (enum role)r));
	sbuf_str(b, "</tr></thead>\n<tbody>\n");
	json_array_foreach(doc_arr(doc, "ownership"), i, row) {
		html_printf(b, "<tr id=\"resp-%s\"><th scope=\"row\">%s",
		    doc_str(row, "key"), doc_str(row, "name"));
		if (doc_str(row, "handoff") != NULL)
			html_printf(b, " <span class=\"muted\">(handoff %s)"
			    "</span>", doc_str(row, "handoff"));
		if (doc_str(row, "added_on") != NULL)
			html_printf(b, "<p class=\"note\">added on %s</p>",
			    doc_str(row, "added_on"));
		if (ctx->access >= PAGE_ACCESS_PM)
			resp_delete_form(b, ctx, doc, row, fs);
		html_printf(b, "</th><td data-label=\"Needed by\">%s</td>\n",
		    stage_label(doc, doc_str(row, "needed_by")));
		for (r = 0; r < ROLE_COUNT; r++)
			matrix_cell(b, ctx, doc, row, (enum role)r, people, fs);
		sbuf_str(b, "</tr>\n");
	}
	sbuf_str(b, "</tbody>\n</table></div>\n");
	matrix_form(b, ctx, doc, people, fs);
	matrix_copy(b, ctx, doc, projects, fs);
	if (ctx->access >= PAGE_ACCESS_PM)
		resp_new_form(b, ctx, doc, fs);
	sbuf_str(b, "</section>\n");
}

/* Handoffs --------------------------------------------------------------- */

static void
handoff_forms(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *h, json_t *people, const struct form_state *fs)
{
	char		 form[48], action[96];
	const char	*key = doc_str(h, "key");
	long long	 to;
	int		 mine;

	(void)snprintf(form, sizeof(form), "handoff-%s-offer", key);
	(void)snprintf(action, sizeof(action), "/projects/%lld/handoffs/%s/"
	    "offer", doc_int(doc, "id"), key);
	html_printf(b, "<details%s><summary>Offer%s</summary>\n",
	    form_failed(fs, form) ? " open" : "",
	    doc_str(h, "offered_on") != NULL ? " again" : "");
	form_open(b, ctx, fs, action, form, doc_int(h, "version"));
	html_printf(b, "<label for=\"%s-from\">From</label>\n", form);
	form_field_error(b, fs, form, "from_id");
	html_printf(b, "<input id=\"%s-from\" name=\"from_id\" required",
	    form);
	render_person_pick(b, people, doc_int(doc_obj(h, "from"), "id"),
	    doc_obj(h, "from"), form_sent(fs, form, "from_id"), "choose");
	form_input_attrs(b, fs, form, "from_id", NULL);
	html_printf(b, ">\n<label for=\"%s-to\">To</label>\n", form);
	form_field_error(b, fs, form, "to_id");
	html_printf(b, "<input id=\"%s-to\" name=\"to_id\" required", form);
	render_person_pick(b, people, doc_int(doc_obj(h, "to"), "id"),
	    doc_obj(h, "to"), form_sent(fs, form, "to_id"), "choose");
	form_input_attrs(b, fs, form, "to_id", NULL);
	html_printf(b, ">\n<label for=\"%s-artifact\">Artifact link"
	    "</label>\n", form);
	form_field_error(b, fs, form, "artifact_url");
	html_printf(b, "<input type=\"url\" id=\"%s-artifact\" "
	    "name=\"artifact_url\" value=\"%s\"", form,
	    form_value(fs, form, "artifact_url", doc_str(h, "artifact_url")));
	form_input_attrs(b, fs, form, "artifact_url", NULL);
	sbuf_str(b, ">\n<button type=\"submit\">Offer</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");

	if (strcmp(or_dash(doc_str(h, "state")), "offered") != 0)
		return;
	/*
	 * Accept: the receiver; a PM or an admin for them, with a reason;
	 * never the one who offered it (api.handoff_accept).
	 */
	to = doc_int(doc_obj(h, "to"), "id");
	if (ctx->person_id > 0 &&
	    ctx->person_id == doc_int(doc_obj(h, "from"), "id"))
		return;
	mine = ctx->person_id > 0 && ctx->person_id == to;
	if (!mine && ctx->access < PAGE_ACCESS_PM)
		return;
	(void)snprintf(form, sizeof(form), "handoff-%s-accept", key);
	(void)snprintf(action, sizeof(action), "/projects/%lld/"
	    "handoffs/%s/accept", doc_int(doc, "id"), key);
	if (mine) {
		form_open(b, ctx, fs, action, form, doc_int(h, "version"));
		html_printf(b, "<button type=\"submit\">Accept handoff %s"
		    "</button>\n", key);
		form_close(b);
		return;
	}
	html_printf(b, "<details%s><summary>Accept for %s</summary>\n",
	    form_failed(fs, form) ? " open" : "",
	    doc_path_str(h, "to", "name"));
	form_open(b, ctx, fs, action, form, doc_int(h, "version"));
	html_printf(b, "<label for=\"%s-reason\">Why you accept for them"
	    "</label>\n", form);
	form_field_error(b, fs, form, "reason");
	html_printf(b, "<input type=\"text\" id=\"%s-reason\" "
	    "name=\"reason\" required maxlength=\"500\" value=\"%s\"", form,
	    form_value(fs, form, "reason", NULL));
	form_input_attrs(b, fs, form, "reason", NULL);
	html_printf(b, ">\n<button type=\"submit\">Accept handoff %s for "
	    "%s</button>\n", key, doc_path_str(h, "to", "name"));
	form_close(b);
	sbuf_str(b, "</details>\n");
}

static void
section_handoffs(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct form_state *fs)
{
	json_t		*h;
	size_t		 i;
	const char	*state, *url;

	sbuf_str(b, "<section id=\"handoffs\" aria-labelledby=\"handoffs-h\">"
	    "\n<h2 id=\"handoffs-h\">Handoffs</h2>\n"
	    "<p class=\"muted\">\"Done\" means nothing until the receiver has "
	    "accepted.</p>\n<div class=\"handoffs\">\n");
	json_array_foreach(doc_arr(doc, "handoffs"), i, h) {
		state = or_dash(doc_str(h, "state"));
		html_printf(b, "<article class=\"handoff\" id=\"handoff-%s\">\n"
		    "<h3><span class=\"handoff-key\">%s</span> &middot; %s"
		    "</h3>\n<p class=\"muted\">%s &rarr; %s, "
		    "before %s. %s</p>\n<p>", doc_str(h, "key"),
		    doc_str(h, "key"), doc_str(h, "name"),
		    role_word(doc, doc_str(h, "from_label")),
		    role_word(doc, doc_str(h, "to_label")),
		    stage_label(doc, doc_str(h, "leads_into")),
		    doc_str(h, "question"));
		render_badge(b, state, strcmp(state, "not_offered") == 0 ?
		    "not offered" : state);
		if (doc_obj(h, "from") != NULL)
			html_printf(b, " %s &rarr; %s, offered %s",
			    doc_path_str(h, "from", "name"),
			    doc_path_str(h, "to", "name"),
			    doc_str(h, "offered_on"));
		if (doc_str(h, "accepted_on") != NULL)
			html_printf(b, ", accepted %s",
			    doc_str(h, "accepted_on"));
		/* "accepted by Maya Chen for Ben Carter: Ben on leave" */
		if (doc_str(h, "accepted_on") != NULL &&
		    doc_obj(h, "accepted_by") != NULL) {
			if (doc_int(doc_obj(h, "accepted_by"), "id") ==
			    doc_int(doc_obj(h, "to"), "id"))
				html_printf(b, " by %s",
				    doc_path_str(h, "accepted_by", "name"));
			else
				html_printf(b, " by %s for %s",
				    doc_path_str(h, "accepted_by", "name"),
				    doc_path_str(h, "to", "name"));
		}
		else if (doc_str(h, "accepted_on") != NULL &&
		    doc_str(h, "accept_reason") != NULL)
			html_printf(b, " for %s",
			    doc_path_str(h, "to", "name"));
		if (doc_str(h, "accepted_on") != NULL &&
		    doc_str(h, "accept_reason") != NULL)
			html_printf(b, ": %s", doc_str(h, "accept_reason"));
		sbuf_str(b, "</p>\n");
		url = doc_str(h, "artifact_url");
		if (url != NULL && html_url_ok(url))
			html_printf(b, "<p><a href=\"%s\" rel=\"noopener "
			    "noreferrer\">Artifact</a></p>\n", url);
		if (ctx->can_write)
			handoff_forms(b, ctx, doc, h, people, fs);
		sbuf_str(b, "</article>\n");
	}
	sbuf_str(b, "</div>\n</section>\n");
}

/* The project itself: its fields and its status ------------------------ */

/* One labelled input of the fields form, with its error and hint. */
static void
edit_input(struct sbuf *b, const struct form_state *fs, const char *name,
    const char *label, const char *type, const char *stored,
    const char *hint)
{
	char	hint_id[48];

	(void)snprintf(hint_id, sizeof(hint_id), "project-%s-hint", name);
	html_printf(b, "<div class=\"field\">\n<label for=\"project-%s\">"
	    "%s</label>\n", name, label);
	if (hint != NULL)
		html_printf(b, "<p class=\"hint\" id=\"%s\">%s</p>\n",
		    hint_id, hint);
	form_field_error(b, fs, "project", name);
	html_printf(b, "<input type=\"%s\" id=\"project-%s\" name=\"%s\" "
	    "value=\"%s\"", type, name, name,
	    form_value(fs, "project", name, stored));
	form_input_attrs(b, fs, "project", name, hint != NULL ? hint_id :
	    NULL);
	sbuf_str(b, ">\n</div>\n");
}

/*
 * For a PM: the name, PM, kickoff and target launch (a new launch with its
 * reason), and the status: pause, ship or cancel an active project,
 * reactivate another, each with a reason and a ticked confirmation.  Both
 * behind a disclosure: the page shows the state first.
 */
static void
section_edit(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct form_state *fs)
{
	static const char *const verbs[PROJECT_STATUS_COUNT] = {
		"Reactivate", "Pause", "Ship", "Cancel"
	};
	char			 action[64];
	const char		*sent;
	enum project_status	 st;
	int			 i;

	if (ctx->access < PAGE_ACCESS_PM)
		return;
	if (project_status_from_key(doc_str(doc, "status"), &st) == -1)
		st = PROJECT_ACTIVE;
	sbuf_str(b, "<section id=\"edit\" aria-labelledby=\"edit-h\">\n"
	    "<h2 id=\"edit-h\">The project</h2>\n");

	(void)snprintf(action, sizeof(action), "/projects/%lld/edit",
	    doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>Edit name, PM and dates</summary>"
	    "\n", form_failed(fs, "project") ? " open" : "");
	form_open(b, ctx, fs, action, "project", doc_int(doc, "version"));
	edit_input(b, fs, "name", "Name", "text", doc_str(doc, "name"), NULL);
	html_printf(b, "<div class=\"field\">\n<label for=\"project-pm_id\">"
	    "PM</label>\n");
	form_field_error(b, fs, "project", "pm_id");
	sbuf_str(b, "<input id=\"project-pm_id\" name=\"pm_id\" required");
	render_person_pick(b, people, doc_int(doc_obj(doc, "pm"), "id"),
	    doc_obj(doc, "pm"), form_sent(fs, "project", "pm_id"), "choose");
	form_input_attrs(b, fs, "project", "pm_id", NULL);
	sbuf_str(b, ">\n</div>\n");
	edit_input(b, fs, "kickoff_on", "Kickoff", "date",
	    doc_str(doc, "kickoff_on"), NULL);
	edit_input(b, fs, "target_launch_on", "Target launch", "date",
	    doc_str(doc, "target_launch_on"), "A new date moves the stage "
	    "plan with it and is kept in the launch ledger.");
	edit_input(b, fs, "reason", "Reason for a new launch date", "text",
	    "", "Needed when the target launch moves, and only then.");
	sbuf_str(b, "<button type=\"submit\">Save the project</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");

	(void)snprintf(action, sizeof(action), "/projects/%lld/status",
	    doc_int(doc, "id"));
	html_printf(b, "<details%s><summary>%s</summary>\n",
	    form_failed(fs, "project-status") ? " open" : "",
	    st == PROJECT_ACTIVE ? "Pause, ship or cancel" : "Reactivate");
	form_open(b, ctx, fs, action, "project-status",
	    doc_int(doc, "version"));
	sent = form_value(fs, "project-status", "status", "");
	sbuf_str(b, "<div class=\"field\">\n<label for=\"project-status-"
	    "status\">New status</label>\n");
	form_field_error(b, fs, "project-status", "status");
	sbuf_str(b, "<select id=\"project-status-status\" name=\"status\"");
	form_input_attrs(b, fs, "project-status", "status", NULL);
	sbuf_str(b, ">\n");
	for (i = 0; i < PROJECT_STATUS_COUNT; i++) {
		/* Active goes anywhere; the others come back to active. */
		if ((enum project_status)i == st || (st != PROJECT_ACTIVE &&
		    (enum project_status)i != PROJECT_ACTIVE))
			continue;
		render_option(b, project_status_keys[i], verbs[i],
		    strcmp(sent, project_status_keys[i]) == 0);
	}
	sbuf_str(b, "</select>\n</div>\n<div class=\"field\">\n<label "
	    "for=\"project-status-reason\">Reason</label>\n");
	form_field_error(b, fs, "project-status", "reason");
	html_printf(b, "<input type=\"text\" id=\"project-status-reason\" "
	    "name=\"reason\" maxlength=\"500\" required value=\"%s\"",
	    form_value(fs, "project-status", "reason", ""));
	form_input_attrs(b, fs, "project-status", "reason", NULL);
	sbuf_str(b, ">\n</div>\n<div class=\"field\">\n");
	form_field_error(b, fs, "project-status", "confirm");
	sbuf_str(b, "<input type=\"checkbox\" id=\"project-status-confirm\" "
	    "name=\"confirm\" value=\"true\" required");
	form_input_attrs(b, fs, "project-status", "confirm", NULL);
	html_printf(b, ">\n<label for=\"project-status-confirm\">Yes, change "
	    "the status of %s%s</label>\n</div>\n<button type=\"submit\">"
	    "Change the status</button>\n", doc_str(doc, "name"),
	    st == PROJECT_ACTIVE ? ": its risks stop being counted" : "");
	form_close(b);
	sbuf_str(b, "</details>\n</section>\n");
}

/* Stage and history ------------------------------------------------------ */

static void
section_stage(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	json_t		*t, *gates, *g;
	char		 action[64];
	const char	*cur = doc_str(doc, "stage"), *key, *next;
	size_t		 i, n;

	sbuf_str(b, "<section id=\"stage\" aria-labelledby=\"stage-h\">\n"
	    "<h2 id=\"stage-h\">Stage</h2>\n<ol class=\"transitions\">\n");
	json_array_foreach(doc_arr(doc, "transitions"), i, t) {
		html_printf(b, "<li>%s: %s", doc_str(t, "on"),
		    stage_label(doc, doc_str(t, "to")));
		if (doc_str(t, "note") != NULL)
			html_printf(b, " &mdash; %s", doc_str(t, "note"));
		html_printf(b, " <span class=\"muted\">(%s)</span></li>\n",
		    doc_str(t, "actor"));
	}
	sbuf_str(b, "</ol>\n");

	/* What stands before the next stage (api.stage_gates). */
	gates = doc_arr(json_object_get(doc, "gates"), "unmet");
	next = doc_str(json_object_get(doc, "gates"), "stage");
	if (next != NULL && json_array_size(gates) > 0) {
		n = json_array_size(gates);
		html_printf(b, "<p id=\"stage-gates\">%zu unmet gate%s before "
		    "%s: moving forward needs an override with a reason.</p>\n"
		    "<ul class=\"gates\">\n", n, n == 1 ? "" : "s",
		    stage_label(doc, next));
		json_array_foreach(gates, i, g)
			html_printf(b, "<li>%s</li>\n", doc_str(g, "text"));
		sbuf_str(b, "</ul>\n");
	} else if (next != NULL)
		html_printf(b, "<p id=\"stage-gates\">No unmet gate before "
		    "%s.</p>\n", stage_label(doc, next));

	if (ctx->access >= PAGE_ACCESS_PM) {
		(void)snprintf(action, sizeof(action), "/projects/%lld/stage",
		    doc_int(doc, "id"));
		html_printf(b, "<details%s><summary>Move to another stage"
		    "</summary>\n", form_failed(fs, "stage") ? " open" : "");
		form_open(b, ctx, fs, action, "stage",
		    doc_int(doc, "version"));
		sbuf_str(b, "<label for=\"stage-stage\">Move to</label>\n");
		form_field_error(b, fs, "stage", "stage");
		sbuf_str(b, "<select id=\"stage-stage\" name=\"stage\"");
		form_input_attrs(b, fs, "stage", "stage", NULL);
		sbuf_str(b, ">\n");
		for (i = 0; i < STAGE_COUNT; i++) {
			key = stage_key((enum stage)i);
			render_option(b, key, stage_label(doc, key),
			    cur != NULL && strcmp(cur, key) == 0);
		}
		sbuf_str(b, "</select>\n<label for=\"stage-note\">Note"
		    "</label>\n");
		form_field_error(b, fs, "stage", "note");
		html_printf(b, "<input type=\"text\" id=\"stage-note\" "
		    "name=\"note\" maxlength=\"2000\" value=\"%s\"",
		    form_value(fs, "stage", "note", ""));
		form_input_attrs(b, fs, "stage", "note", NULL);
		sbuf_str(b, ">\n");
		form_field_error(b, fs, "stage", "override");
		sbuf_str(b, "<input type=\"checkbox\" id=\"stage-override\" "
		    "name=\"override\" value=\"true\"");
		form_input_attrs(b, fs, "stage", "override", NULL);
		sbuf_str(b, ">\n<label for=\"stage-override\">Override the "
		    "unmet gates</label>\n<label for=\"stage-reason\">Reason "
		    "for the override</label>\n");
		form_field_error(b, fs, "stage", "reason");
		html_printf(b, "<input type=\"text\" id=\"stage-reason\" "
		    "name=\"reason\" maxlength=\"500\" value=\"%s\"",
		    form_value(fs, "stage", "reason", ""));
		form_input_attrs(b, fs, "stage", "reason", NULL);
		sbuf_str(b, ">\n<button type=\"submit\">Move the project"
		    "</button>\n");
		form_close(b);
		sbuf_str(b, "</details>\n");
	}
	sbuf_str(b, "</section>\n");
}

/* What an entry's action did, in words ("assign": "assigned"). */
static const char *
history_verb(const char *action)
{
	static const struct {
		const char	*action;
		const char	*verb;
	} verbs[] = {
		{ "create", "created" }, { "update", "changed" },
		{ "launch_move", "moved the launch of" },
		{ "stage_forward", "moved forward" },
		{ "stage_back", "moved back" }, { "assign", "assigned" },
		{ "clear", "emptied" }, { "slip", "moved the due date of" },
		{ "status_done", "marked done" },
		{ "status_blocked", "marked blocked" },
		{ "status_waived", "waived" },
		{ "status_pending", "reopened" }, { "delete", "deleted" },
		{ "offer", "offered" }, { "accept", "accepted" },
	};
	size_t	i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (action != NULL && strcmp(verbs[i].action, action) == 0)
			return (verbs[i].verb);
	return (action != NULL ? action : "");
}

/*
 * A move forward past unmet gates: "moved to Production with 2 unmet
 * gates: ...; the reason".
 */
static void
history_override(struct sbuf *b, json_t *after)
{
	json_t		*o = json_object_get(after, "override"), *g;
	size_t		 i, n;
	enum stage	 to;

	if (!json_is_object(o) ||
	    stage_from_key(doc_str(after, "stage"), &to) == -1)
		return;
	n = json_array_size(doc_arr(o, "gates"));
	html_printf(b, " &mdash; moved to %s with %zu unmet gate%s",
	    stage_name(to), n, n == 1 ? "" : "s");
	json_array_foreach(doc_arr(o, "gates"), i, g)
		html_printf(b, "%s%s", i == 0 ? ": " : "; ",
		    json_string_value(g) != NULL ? json_string_value(g) : "");
	html_printf(b, " (override: %s)", or_dash(doc_str(o, "reason")));
}

/* One entry: who did what to which, and each field before and after. */
static void
history_entry(struct sbuf *b, json_t *e)
{
	json_t		*c;
	size_t		 i;
	const char	*entity = doc_str(e, "entity");

	html_printf(b, "<li><span class=\"muted\">%s</span> <strong>%s"
	    "</strong>: %s ", doc_str(e, "recorded_on"),
	    or_dash(doc_str(e, "actor_name")),
	    history_verb(doc_str(e, "action")));
	if (entity != NULL && strcmp(entity, "project") == 0)
		sbuf_str(b, "the project");
	else if (entity != NULL && strcmp(entity, "checkpoint") == 0)
		html_printf(b, "checkpoint &ldquo;%s&rdquo;",
		    or_dash(doc_str(e, "subject")));
	else
		html_printf(b, "%s", doc_str(e, "subject") != NULL ?
		    doc_str(e, "subject") : or_dash(doc_str(e, "entity_id")));
	json_array_foreach(doc_arr(e, "changes"), i, c) {
		html_printf(b, "%s%s: %s &rarr; %s", i == 0 ? ": " : "; ",
		    field_label(doc_str(c, "field")),
		    doc_str(c, "before") != NULL ? doc_str(c, "before") :
		    "(empty)", doc_str(c, "after") != NULL ?
		    doc_str(c, "after") : "(empty)");
	}
	history_override(b, json_object_get(e, "after"));
	sbuf_str(b, "</li>\n");
}

static void
section_history(struct sbuf *b, json_t *history)
{
	json_t		*e;
	size_t		 i, n;
	long long	 total, offset, limit;

	sbuf_str(b, "<section id=\"history\" aria-labelledby=\"history-h\">\n"
	    "<h2 id=\"history-h\">History</h2>\n<ol class=\"history\">\n");
	json_array_foreach(doc_arr(history, "entries"), i, e)
		history_entry(b, e);
	total = doc_int(history, "total");
	offset = doc_int(history, "offset");
	limit = doc_int(history, "limit");
	n = json_array_size(doc_arr(history, "entries"));
	sbuf_str(b, "</ol>\n<p class=\"muted\">");
	if (offset > 0 || offset + (long long)n < total)
		html_printf(b, "Changes %lld to %lld of %lld, the newest "
		    "first.", n > 0 ? offset + 1 : 0, offset + (long long)n,
		    total);
	else
		html_printf(b, total == 1 ? "%lld change in all." :
		    "%lld changes in all.", total);
	sbuf_str(b, "</p>\n");
	if (limit > 0 && (offset > 0 || offset + (long long)n < total)) {
		sbuf_str(b, "<nav class=\"pager\" aria-label=\"More history\">"
		    "\n");
		if (offset > 0)
			html_printf(b, "<a rel=\"prev\" href=\"?history=%lld"
			    "#history\">&larr; Newer</a>\n", offset > limit ?
			    offset - limit : 0);
		if (offset + (long long)n < total)
			html_printf(b, "<a rel=\"next\" href=\"?history=%lld"
			    "#history\">Older &rarr;</a>\n", offset + limit);
		sbuf_str(b, "</nav>\n");
	}
	sbuf_str(b, "</section>\n");
}

/*
 * For a PM, under the timeline: every stage's planned start and end, one
 * save (If-Match on the project).  The inputs are "data.start" and so
 * on; a refusal names "plan.data.start".
 */
static void
plan_form(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    const struct form_state *fs)
{
	static const char *const ends[2] = { "start", "end" };
	static const char *const words[2] = { "Planned start",
	    "Planned end" };
	char		 action[64], name[48], field[56];
	const char	*key;
	json_t		*st;
	size_t		 i, e;

	if (ctx->access < PAGE_ACCESS_PM)
		return;
	(void)snprintf(action, sizeof(action), "/projects/%lld/plan",
	    doc_int(doc, "id"));
	html_printf(b, "<details id=\"plan\"%s><summary>Edit the stage plan"
	    "</summary>\n", form_failed(fs, "plan") ? " open" : "");
	form_open(b, ctx, fs, action, "plan", doc_int(doc, "version"));
	json_array_foreach(doc_arr(doc, "stages"), i, st) {
		if ((key = doc_str(st, "key")) == NULL)
			continue;
		html_printf(b, "<fieldset class=\"plan-stage\">\n<legend>%s"
		    "</legend>\n", doc_str(st, "name"));
		for (e = 0; e < 2; e++) {
			(void)snprintf(name, sizeof(name), "%s.%s", key,
			    ends[e]);
			(void)snprintf(field, sizeof(field), "plan.%s", name);
			html_printf(b, "<div class=\"field\">\n<label "
			    "for=\"plan-%s-%s\">%s</label>\n", key, ends[e],
			    words[e]);
			form_field_error(b, fs, "plan", field);
			html_printf(b, "<input type=\"date\" id=\"plan-%s-%s\" "
			    "name=\"%s\" value=\"%s\"", key, ends[e], name,
			    form_value(fs, "plan", name, doc_str(st, e == 0 ?
			    "planned_start" : "planned_end")));
			form_input_attrs(b, fs, "plan", field, NULL);
			sbuf_str(b, ">\n</div>\n");
		}
		sbuf_str(b, "</fieldset>\n");
	}
	sbuf_str(b, "<button type=\"submit\">Save the plan</button>\n");
	form_close(b);
	sbuf_str(b, "</details>\n");
}

void
render_project_page(struct sbuf *b, const struct page_ctx *ctx, json_t *doc,
    json_t *people, const struct risk_list *risks, json_t *history,
    json_t *projects, const struct form_state *fs)
{
	layout_begin(b, doc_str(doc, "name"), ctx);
	section_header(b, doc, ctx->today);
	section_status(b, doc);
	section_launch_moves(b, doc);
	if (fs != NULL && fs->form != NULL && fs->stale)
		html_printf(b, "<p class=\"page-notice\" role=\"alert\">"
		    "Not saved: someone else changed this while you were "
		    "editing. <a href=\"#form-%s\">Go to the form</a>.</p>\n",
		    fs->form);
	else if (fs != NULL && fs->form != NULL)
		html_printf(b, "<p class=\"page-notice\" role=\"alert\">"
		    "Not saved: %s <a href=\"#form-%s\">Go to the form</a>."
		    "</p>\n", fs->message, fs->form);
	section_risks(b, doc, risks);
	/* On a narrow screen the timeline keeps its size and scrolls in its
	 * own box (a region one can reach with Tab and scroll with the
	 * arrow keys), not the page. */
	sbuf_str(b, "<section id=\"timeline\" aria-labelledby=\"timeline-h\">"
	    "\n<h2 id=\"timeline-h\">Timeline</h2>\n"
	    "<div class=\"timeline-scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"Timeline drawing\">\n");
	render_timeline(b, doc, ctx->today);
	sbuf_str(b, "</div>\n");
	plan_form(b, ctx, doc, fs);
	sbuf_str(b, "</section>\n");
	section_checkpoints(b, ctx, doc, people, fs);
	section_readiness(b, ctx, doc, fs);
	section_matrix(b, ctx, doc, people, projects, fs);
	section_handoffs(b, ctx, doc, people, fs);
	section_spec(b, ctx, doc, fs);
	section_stage(b, ctx, doc, fs);
	section_edit(b, ctx, doc, people, fs);
	section_history(b, history);
	/* Every person picker's choices, once (render_person_pick()). */
	render_people_list(b, people);
	layout_end(b);
}

/*
 * render_templates: the /templates page, one form over the current
 * template version (api.templates_get), and what that form becomes when
 * it is sent: the body of PUT /api/v1/templates (api.templates_put), so
 * that one save makes one new version through the same function as the
 * API.
 *
 * The form's names: label_ds, label_mle, label_swe; weeks_STAGE; a row of
 * a table is cp.N.FIELD (checkpoints) or rs.N.FIELD (responsibilities),
 * N from 0, with cp.N.remove / rs.N.remove to drop it, and cp.new.FIELD /
 * rs.new.FIELD for a row to add (left out while its title / key and name
 * are empty).  A refusal names the API's field ("checkpoints[2].stage",
 * counted after removals): templates_form_row() finds the row of the
 * form it came from, and templates_words() says it in the page's words.
 *
 * Pure: no Kore, no libpq (jansson for the documents).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "html.h"
#include "render.h"

#define TMPL_FORM	"templates"
#define TMPL_ROWS_MAX	200

/* A table of the template: its API list, its form prefix, its fields. */
struct tmpl_table {
	const char	*list;		/* "checkpoints" */
	const char	*prefix;	/* "cp" */
	const char	*one;		/* "Checkpoint" */
	const char	*first;		/* the field a row is known by */
	const char	*second;	/* another that makes a new row count */
};

static const struct tmpl_table checkpoints_table = {
	"checkpoints", "cp", "Checkpoint", "title", "week_offset"
};
static const struct tmpl_table resp_table = {
	"responsibilities", "rs", "Responsibility", "key", "name"
};

/* The page's words for the API's fields of a row. */
static const struct {
	const char	*name;
	const char	*label;
} tmpl_labels[] = {
	{ "title", "title" }, { "stage", "stage" },
	{ "anchor", "counted from" },
	{ "week_offset", "weeks from kickoff or launch" },
	{ "decision", "decision point" }, { "readiness", "readiness review" },
	{ "handoff", "handoff" }, { "key", "key" }, { "name", "name" },
	{ "needed_by", "needed by" }, { "expects_ds", "expected roles" },
	{ "expects_mle", "expected roles" },
	{ "expects_swe", "expected roles" },
	{ "assign_at_kickoff", "named at kickoff" },
};

static const char *
tmpl_label(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(tmpl_labels) / sizeof(tmpl_labels[0]); i++)
		if (strcmp(tmpl_labels[i].name, name) == 0)
			return (tmpl_labels[i].label);
	return (name);
}

static const char *
form_get(json_t *form, const char *prefix, const char *row,
    const char *field)
{
	char	name[96];

	(void)snprintf(name, sizeof(name), "%s.%s.%s", prefix, row, field);
	return (doc_str(form, name));
}

static int
form_on(json_t *form, const char *prefix, const char *row, const char *field)
{
	const char	*s = form_get(form, prefix, row, field);

	return (s != NULL && (strcmp(s, "on") == 0 || strcmp(s, "true") == 0));
}

/* How many rows of a table the form has (cp.0.title, cp.1.title, ...). */
static size_t
form_rows(json_t *form, const struct tmpl_table *t)
{
	char	row[24];
	size_t	n;

	for (n = 0; n < TMPL_ROWS_MAX; n++) {
		(void)snprintf(row, sizeof(row), "%zu", n);
		if (form_get(form, t->prefix, row, t->first) == NULL)
			break;
	}
	return (n);
}

/* A number as typed; anything else stays a string for the check to name. */
static json_t *
form_int(const char *s)
{
	char		*end;
	long long	 n;

	if (s == NULL)
		return (NULL);
	errno = 0;
	n = strtoll(s, &end, 10);
	if (*s != '\0' && *end == '\0' && errno == 0)
		return (json_integer(n));
	return (json_string(s));
}

static void
set_text(json_t *o, const char *name, const char *s)
{
	if (s != NULL)
		json_object_set_new(o, name, json_string(s));
}

static void
set_nullable(json_t *o, const char *name, const char *s)
{
	if (s != NULL)
		json_object_set_new(o, name, *s != '\0' ? json_string(s) :
		    json_null());
}

/* One row of the form as the API's object. */
static json_t *
form_row(json_t *form, const struct tmpl_table *t, const char *row)
{
	json_t		*o = json_object();
	const char	*p = t->prefix;
	json_t		*n;

	if (t == &checkpoints_table) {
		set_text(o, "title", form_get(form, p, row, "title"));
		set_text(o, "stage", form_get(form, p, row, "stage"));
		set_text(o, "anchor", form_get(form, p, row, "anchor"));
		if ((n = form_int(form_get(form, p, row, "week_offset"))) !=
		    NULL)
			json_object_set_new(o, "week_offset", n);
		json_object_set_new(o, "decision", json_boolean(form_on(form,
		    p, row, "decision")));
		json_object_set_new(o, "readiness", json_boolean(form_on(form,
		    p, row, "readiness")));
	} else {
		set_text(o, "key", form_get(form, p, row, "key"));
		set_text(o, "name", form_get(form, p, row, "name"));
		set_text(o, "needed_by", form_get(form, p, row, "needed_by"));
		json_object_set_new(o, "expects_ds", json_boolean(form_on(form,
		    p, row, "expects_ds")));
		json_object_set_new(o, "expects_mle", json_boolean(form_on(
		    form, p, row, "expects_mle")));
		json_object_set_new(o, "expects_swe", json_boolean(form_on(
		    form, p, row, "expects_swe")));
		json_object_set_new(o, "assign_at_kickoff", json_boolean(
		    form_on(form, p, row, "assign_at_kickoff")));
	}
	set_nullable(o, "handoff", form_get(form, p, row, "handoff"));
	return (o);
}

/* Is the form's row to add filled in (its known-by or second field)? */
static int
form_new_row(json_t *form, const struct tmpl_table *t)
{
	const char	*a = form_get(form, t->prefix, "new", t->first);
	const char	*b = form_get(form, t->prefix, "new", t->second);

	return ((a != NULL && *a != '\0') || (b != NULL && *b != '\0'));
}

static json_t *
form_list(json_t *form, const struct tmpl_table *t)
{
	json_t	*list = json_array();
	size_t	 i, n;
	char	 row[24];

	n = form_rows(form, t);
	for (i = 0; i < n; i++) {
		(void)snprintf(row, sizeof(row), "%zu", i);
		if (!form_on(form, t->prefix, row, "remove"))
			json_array_append_new(list, form_row(form, t, row));
	}
	if (form_new_row(form, t))
		json_array_append_new(list, form_row(form, t, "new"));
	return (list);
}

json_t *
templates_form_body(json_t *form)
{
	json_t		*body, *labels, *stages;
	const char	*s;
	char		 name[48];
	size_t		 i;

	body = json_object();
	labels = json_object();
	for (i = 0; i < ROLE_COUNT; i++) {
		(void)snprintf(name, sizeof(name), "label_%s",
		    role_key((enum role)i));
		set_text(labels, role_key((enum role)i), doc_str(form, name));
	}
	json_object_set_new(body, "role_labels", labels);

	stages = json_object();
	for (i = 0; i < STAGE_COUNT; i++) {
		(void)snprintf(name, sizeof(name), "weeks_%s",
		    stage_key((enum stage)i));
		if ((s = doc_str(form, name)) != NULL)
			json_object_set_new(stages, stage_key((enum stage)i),
			    json_pack("{s:o}", "weeks", form_int(s)));
	}
	json_object_set_new(body, "stages", stages);

	/* A table the form does not have is left as it is (copied). */
	if (form_rows(form, &checkpoints_table) > 0 || form_get(form, "cp",
	    "new", "title") != NULL)
		json_object_set_new(body, "checkpoints", form_list(form,
		    &checkpoints_table));
	if (form_rows(form, &resp_table) > 0 || form_get(form, "rs", "new",
	    "key") != NULL)
		json_object_set_new(body, "responsibilities", form_list(form,
		    &resp_table));
	return (body);
}

/*
 * The row of the form that became item index of the table's list: its
 * number (0..), TMPL_NEW_ROW for the row to add, or -1.
 */
static long
form_row_of(json_t *form, const struct tmpl_table *t, long index)
{
	long	 i, j, n;
	char	 row[24];

	n = (long)form_rows(form, t);
	for (i = 0, j = 0; i < n; i++) {
		(void)snprintf(row, sizeof(row), "%ld", i);
		if (form_on(form, t->prefix, row, "remove"))
			continue;
		if (j++ == index)
			return (i);
	}
	return (j == index && form_new_row(form, t) ? TMPL_NEW_ROW : -1);
}

/*
 * "checkpoints[3].stage" (the API's field): which table, which row of
 * the form (as form_row_of()), and the field after the dot (or "").
 */
static const struct tmpl_table *
field_row(json_t *form, const char *field, long *row, const char **rest)
{
	const struct tmpl_table	*t;
	const char		*p;
	char			*end;
	size_t			 len;
	long			 index;

	if (field == NULL)
		return (NULL);
	t = strncmp(field, "checkpoints[", 12) == 0 ? &checkpoints_table :
	    strncmp(field, "responsibilities[", 17) == 0 ? &resp_table : NULL;
	if (t == NULL)
		return (NULL);
	len = strlen(t->list) + 1;
	errno = 0;
	index = strtol(field + len, &end, 10);
	if (end == field + len || *end != ']' || errno != 0 || index < 0)
		return (NULL);
	p = end + 1;
	*rest = *p == '.' ? p + 1 : p;
	*row = form != NULL ? form_row_of(form, t, index) : index;
	return (t);
}

int
templates_form_row(json_t *form, const char *field, const char *prefix,
    long *row, const char **name)
{
	const struct tmpl_table	*t;

	if ((t = field_row(form, field, row, name)) == NULL)
		return (0);
	return (strcmp(t->prefix, prefix) == 0 && *row != -1);
}

/*
 * The refusal in the page's words: "checkpoints[2].stage must be one of
 * ..." becomes "Checkpoint 3, stage: must be one of ..." (the row as the
 * page numbers it), "stages.data.weeks ..." "Data: weeks ...".
 */
void
templates_words(json_t *form, const char *field, const char *msg, char *out,
    size_t size)
{
	const struct tmpl_table	*t;
	const char		*rest, *tail;
	enum stage		 st;
	enum role		 role;
	char			 key[32];
	size_t			 n;
	long			 row;

	if (size == 0)
		return;
	if (msg == NULL)
		msg = "";
	tail = msg;
	if (field != NULL && strncmp(msg, field, strlen(field)) == 0)
		tail = msg + strlen(field);
	else if (field != NULL && (rest = strchr(field, '.')) != NULL &&
	    strncmp(msg, field, (size_t)(rest - field)) == 0)
		tail = msg + (rest - field);	/* "responsibilities[0] must" */
	else if (field != NULL && (rest = strrchr(field, '.')) != NULL &&
	    strncmp(msg, rest + 1, strlen(rest + 1)) == 0)
		tail = msg + strlen(rest + 1);	/* "week_offset must" */
	while (*tail == ':' || *tail == ' ')
		tail++;

	if ((t = field_row(form, field, &row, &rest)) != NULL && tail != msg) {
		if (row == TMPL_NEW_ROW)
			(void)snprintf(out, size, "The new %s, %s: %s",
			    t == &checkpoints_table ? "checkpoint" :
			    "responsibility", tmpl_label(rest), tail);
		else
			(void)snprintf(out, size, "%s %ld, %s: %s", t->one,
			    row + 1, tmpl_label(rest), tail);
		return;
	}
	if (field != NULL && strncmp(field, "stages.", 7) == 0 &&
	    tail != msg) {
		n = strcspn(field + 7, ".");
		(void)snprintf(key, sizeof(key), "%.*s", (int)n, field + 7);
		if (stage_from_key(key, &st) == 0) {
			(void)snprintf(out, size, "%s, weeks: %s",
			    stage_name(st), tail);
			return;
		}
	}
	if (field != NULL && strncmp(field, "role_labels.", 12) == 0 &&
	    tail != msg && role_from_key(field + 12, &role) == 0) {
		(void)snprintf(out, size, "The label of the %s column: %s",
		    role_label(role), tail);
		return;
	}
	(void)snprintf(out, size, "%s", msg);
}

/* The page ----------------------------------------------------------------- */

/* Where a row's values come from: the version, or the form sent back. */
struct tmpl_src {
	const struct form_state	*fs;	/* the refused form, or NULL */
	json_t			*rows;	/* the version's list */
	const struct tmpl_table	*t;
	int			 edit;
};

/* A value of row (a number, or "new") as the input shows it. */
static const char *
src_value(const struct tmpl_src *s, const char *row, const char *name,
    char *buf, size_t size)
{
	json_t	*v;
	char	*end;
	long	 i;

	if (s->fs != NULL)
		return (form_get(s->fs->values, s->t->prefix, row, name));
	if (strcmp(row, "new") == 0)
		return (NULL);
	i = strtol(row, &end, 10);
	v = json_object_get(json_array_get(s->rows, (size_t)i), name);
	if (json_is_string(v))
		return (json_string_value(v));
	if (json_is_integer(v)) {
		(void)snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return (buf);
	}
	if (json_is_true(v))
		return ("on");
	return (NULL);
}

/* Is this field of this row the one the refusal named? */
static int
src_fault(const struct tmpl_src *s, const char *row, const char *name)
{
	const char	*field;
	long		 r;
	char		 buf[24];

	if (s->fs == NULL || s->fs->field == NULL ||
	    !templates_form_row(s->fs->values, s->fs->field, s->t->prefix, &r,
	    &field))
		return (0);
	if (r == TMPL_NEW_ROW)
		(void)snprintf(buf, sizeof(buf), "new");
	else
		(void)snprintf(buf, sizeof(buf), "%ld", r);
	if (strcmp(buf, row) != 0)
		return (0);
	/* "must expect at least one role" names expects_ds: any of them. */
	if (strncmp(field, "expects_", 8) == 0 && strncmp(name, "expects_",
	    8) == 0)
		return (1);
	return (strcmp(field, name) == 0);
}

static void
fault_attrs(struct sbuf *b, const struct tmpl_src *s, const char *row,
    const char *name)
{
	if (src_fault(s, row, name))
		sbuf_str(b, " aria-invalid=\"true\" aria-describedby=\""
		    "templates-error\"");
}

static void
text_input(struct sbuf *b, const struct tmpl_src *s, const char *row,
    const char *name, const char *label, const char *type, int max)
{
	char	 buf[32], id[96];

	(void)snprintf(id, sizeof(id), "%s-%s-%s", s->t->prefix, row, name);
	html_printf(b, "<label for=\"%s\">%s</label>\n<input type=\"%s\" "
	    "id=\"%s\" name=\"%s.%s.%s\" value=\"%s\"", id, label, type, id,
	    s->t->prefix, row, name, src_value(s, row, name, buf,
	    sizeof(buf)));
	if (max > 0)
		html_printf(b, " maxlength=\"%d\"", max);
	else
		sbuf_str(b, " min=\"-52\" max=\"104\" step=\"1\"");
	fault_attrs(b, s, row, name);
	sbuf_str(b, ">\n");
}

static void
check_input(struct sbuf *b, const struct tmpl_src *s, const char *row,
    const char *name, const char *label)
{
	char		 buf[32];
	const char	*v = src_value(s, row, name, buf, sizeof(buf));

	html_printf(b, "<label class=\"check\"><input type=\"checkbox\" "
	    "name=\"%s.%s.%s\"%s", s->t->prefix, row, name, v != NULL &&
	    (strcmp(v, "on") == 0 || strcmp(v, "true") == 0) ? " checked" :
	    "");
	fault_attrs(b, s, row, name);
	html_printf(b, "> %s</label>\n", label);
}

static void
select_open(struct sbuf *b, const struct tmpl_src *s, const char *row,
    const char *name, const char *label)
{
	char	id[96];

	(void)snprintf(id, sizeof(id), "%s-%s-%s", s->t->prefix, row, name);
	html_printf(b, "<label for=\"%s\">%s</label>\n<select id=\"%s\" "
	    "name=\"%s.%s.%s\"", id, label, id, s->t->prefix, row, name);
	fault_attrs(b, s, row, name);
	sbuf_str(b, ">\n");
}

static void
stage_select(struct sbuf *b, const struct tmpl_src *s, const char *row,
    const char *name, const char *label)
{
	char		 buf[32];
	const char	*v = src_value(s, row, name, buf, sizeof(buf));
	size_t		 i;

	select_open(b, s, row, name, label);
	for (i = 0; i < STAGE_COUNT; i++)
		render_option(b, stage_key((enum stage)i),
		    stage_name((enum stage)i), v != NULL && strcmp(v,
		    stage_key((enum stage)i)) == 0);
	sbuf_str(b, "</select>\n");
}

static void
handoff_select(struct sbuf *b, const struct tmpl_src *s, const char *row)
{
	static const char *const keys[] = { "a", "b", "c", "d" };
	static const char *const names[] = { "Handoff A", "Handoff B",
	    "Handoff C", "Handoff D" };
	char		 buf[32];
	const char	*v = src_value(s, row, "handoff", buf, sizeof(buf));
	size_t		 i;

	select_open(b, s, row, "handoff", "Handoff it belongs to");
	render_option(b, "", "none", v == NULL || *v == '\0');
	for (i = 0; i < 4; i++)
		render_option(b, keys[i], names[i], v != NULL &&
		    strcmp(v, keys[i]) == 0);
	sbuf_str(b, "</select>\n");
}

static void
checkpoint_fields(struct sbuf *b, const struct tmpl_src *s, const char *row)
{
	char		 buf[32];
	const char	*v;
	size_t		 i;

	text_input(b, s, row, "title", "Title", "text", 300);
	stage_select(b, s, row, "stage", "Stage");
	select_open(b, s, row, "anchor", "Counted from");
	v = src_value(s, row, "anchor", buf, sizeof(buf));
	for (i = 0; anchor_keys[i] != NULL; i++)
		render_option(b, anchor_keys[i], anchor_keys[i], v != NULL &&
		    strcmp(v, anchor_keys[i]) == 0);
	sbuf_str(b, "</select>\n");
	text_input(b, s, row, "week_offset", "Weeks from kickoff or launch",
	    "number", 0);
	check_input(b, s, row, "decision", "A decision point (go, pivot or "
	    "stop)");
	check_input(b, s, row, "readiness", "The production readiness "
	    "review");
	handoff_select(b, s, row);
}

static void
resp_fields(struct sbuf *b, const struct tmpl_src *s, const char *row,
    json_t *labels)
{
	size_t	 i;
	char	 name[32];

	text_input(b, s, row, "key", "Key (a-z, 0-9 and _)", "text", 64);
	text_input(b, s, row, "name", "Name", "text", 200);
	stage_select(b, s, row, "needed_by", "Needed by stage");
	html_printf(b, "<fieldset class=\"roles\"><legend>Expected roles"
	    "</legend>\n");
	for (i = 0; i < ROLE_COUNT; i++) {
		(void)snprintf(name, sizeof(name), "expects_%s",
		    role_key((enum role)i));
		check_input(b, s, row, name, doc_str(labels,
		    role_key((enum role)i)) != NULL ? doc_str(labels,
		    role_key((enum role)i)) : role_label((enum role)i));
	}
	sbuf_str(b, "</fieldset>\n");
	handoff_select(b, s, row);
	check_input(b, s, row, "assign_at_kickoff", "Must be named at "
	    "kickoff");
}

/* The summary line of a row: what it is, at a glance. */
static void
row_summary(struct sbuf *b, const struct tmpl_src *s, const char *row)
{
	char		 buf[32], buf2[32];
	const char	*first, *where;
	enum stage	 st;

	first = src_value(s, row, s->t == &checkpoints_table ? "title" :
	    "name", buf, sizeof(buf));
	where = src_value(s, row, s->t == &checkpoints_table ? "stage" :
	    "needed_by", buf2, sizeof(buf2));
	/* The list numbers the rows: the number a refusal names. */
	html_printf(b, "<summary>%s", first != NULL ? first : "");
	if (where != NULL && stage_from_key(where, &st) == 0)
		html_printf(b, " <span class=\"muted\">(%s)</span>",
		    stage_name(st));
	sbuf_str(b, "</summary>\n");
}

static void
table_section(struct sbuf *b, const struct tmpl_src *s, json_t *labels,
    const char *title, const char *intro)
{
	size_t	 i, n;
	char	 row[24];
	int	 open;
	long	 r;
	const char	*f;

	n = s->fs != NULL ? form_rows(s->fs->values, s->t) :
	    json_array_size(s->rows);
	html_printf(b, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 "
	    "id=\"%s-h\">%s</h2>\n<p class=\"hint\">%s</p>\n<ol class=\""
	    "tmpl-rows\">\n", s->t->list, s->t->list, s->t->list, title,
	    intro);
	for (i = 0; i < n; i++) {
		(void)snprintf(row, sizeof(row), "%zu", i);
		open = s->fs != NULL && s->fs->field != NULL &&
		    templates_form_row(s->fs->values, s->fs->field,
		    s->t->prefix, &r, &f) && r == (long)i;
		html_printf(b, "<li><details%s>\n", open ? " open" : "");
		row_summary(b, s, row);
		if (s->t == &checkpoints_table)
			checkpoint_fields(b, s, row);
		else
			resp_fields(b, s, row, labels);
		if (s->edit)
			check_input(b, s, row, "remove", s->t ==
			    &checkpoints_table ? "Remove this checkpoint" :
			    "Remove this responsibility");
		sbuf_str(b, "</details></li>\n");
	}
	sbuf_str(b, "</ol>\n");
	if (s->edit) {
		open = s->fs != NULL && (form_new_row(s->fs->values, s->t) ||
		    (s->fs->field != NULL && templates_form_row(s->fs->values,
		    s->fs->field, s->t->prefix, &r, &f) && r == TMPL_NEW_ROW));
		html_printf(b, "<details class=\"tmpl-add\"%s>\n<summary>Add "
		    "a %s</summary>\n", open ? " open" : "",
		    s->t == &checkpoints_table ? "checkpoint" :
		    "responsibility");
		if (s->t == &checkpoints_table)
			checkpoint_fields(b, s, "new");
		else
			resp_fields(b, s, "new", labels);
		sbuf_str(b, "</details>\n");
	}
	sbuf_str(b, "</section>\n");
}

void
render_templates_page(struct sbuf *b, const struct page_ctx *ctx,
    json_t *doc, const struct form_state *fs)
{
	struct tmpl_src	 src;
	json_t		*labels = doc_obj(doc, "role_labels");
	json_t		*stages = doc_obj(doc, "stages");
	const char	*v;
	char		 msg[1200], name[48], num[24], at[16];
	long long	 version = doc_int(doc, "version");
	size_t		 i;
	int		 edit = ctx->access >= PAGE_ACCESS_PM;
	int		 failed = form_failed(fs, TMPL_FORM) && !fs->stale;

	/* The day of the save: "2026-12-02" of its timestamp. */
	(void)snprintf(at, sizeof(at), "%.10s", doc_str(doc, "at") != NULL ?
	    doc_str(doc, "at") : "");
	layout_begin(b, "Templates", ctx);
	html_printf(b, "<header class=\"page-head\"><h1>Templates</h1>\n"
	    "<p>What a new project is made from: the stage durations, the "
	    "checkpoints, the responsibilities of the ownership matrix and "
	    "what the matrix calls its three roles. This is version %lld, "
	    "saved by %s on %s.", version, doc_str(doc, "actor"), at);
	if (edit)
		html_printf(b, " Saving makes version %lld; projects already "
		    "made keep their own rows.</p>\n", version + 1);
	else
		sbuf_str(b, "</p>\n<p class=\"muted\">Only a PM or an admin "
		    "can change the templates.</p>\n");
	sbuf_str(b, "</header>\n");

	if (edit) {
		form_open(b, ctx, fs, "/templates", TMPL_FORM, version);
		if (failed && fs->field != NULL && *fs->field != '\0') {
			templates_words(fs->values, fs->field, fs->message,
			    msg, sizeof(msg));
			html_printf(b, "<p class=\"form-notice\" id=\""
			    "templates-error\" role=\"alert\">%s</p>\n", msg);
		}
	} else
		sbuf_str(b, "<fieldset class=\"tmpl-read\" disabled>\n");

	src.fs = failed ? fs : NULL;
	src.edit = edit;

	sbuf_str(b, "<section id=\"role-labels\" aria-labelledby=\""
	    "role-labels-h\">\n<h2 id=\"role-labels-h\">Role labels</h2>\n"
	    "<p class=\"hint\">What your organisation calls the matrix's "
	    "three columns; the API keeps ds, mle and swe.</p>\n");
	for (i = 0; i < ROLE_COUNT; i++) {
		(void)snprintf(name, sizeof(name), "label_%s",
		    role_key((enum role)i));
		v = src.fs != NULL ? doc_str(fs->values, name) :
		    doc_str(labels, role_key((enum role)i));
		html_printf(b, "<label for=\"%s\">%s (<code>%s</code>)</label>"
		    "\n<input type=\"text\" id=\"%s\" name=\"%s\" value=\"%s\" "
		    "maxlength=\"40\"", name, role_label((enum role)i),
		    role_key((enum role)i), name, name, v != NULL ? v : "");
		(void)snprintf(msg, sizeof(msg), "role_labels.%s",
		    role_key((enum role)i));
		if (failed && fs->field != NULL && strcmp(fs->field, msg) == 0)
			sbuf_str(b, " aria-invalid=\"true\" "
			    "aria-describedby=\"templates-error\"");
		sbuf_str(b, ">\n");
	}
	sbuf_str(b, "</section>\n");

	sbuf_str(b, "<section id=\"stages\" aria-labelledby=\"stages-h\">\n"
	    "<h2 id=\"stages-h\">Stage durations</h2>\n<p class=\"hint\">"
	    "Weeks per stage in a new project's plan.</p>\n<div class=\""
	    "tmpl-weeks\">\n");
	for (i = 0; i < STAGE_COUNT; i++) {
		(void)snprintf(name, sizeof(name), "weeks_%s",
		    stage_key((enum stage)i));
		if (src.fs != NULL)
			v = doc_str(fs->values, name);
		else {
			(void)snprintf(num, sizeof(num), "%lld", doc_int(
			    doc_obj(stages, stage_key((enum stage)i)),
			    "weeks"));
			v = num;
		}
		html_printf(b, "<p><label for=\"%s\">%s</label>\n<input type=\""
		    "number\" id=\"%s\" name=\"%s\" value=\"%s\" min=\"1\" "
		    "max=\"52\" step=\"1\"", name, stage_name((enum stage)i),
		    name, name, v != NULL ? v : "");
		(void)snprintf(msg, sizeof(msg), "stages.%s.weeks",
		    stage_key((enum stage)i));
		if (failed && fs->field != NULL && strcmp(fs->field, msg) == 0)
			sbuf_str(b, " aria-invalid=\"true\" "
			    "aria-describedby=\"templates-error\"");
		sbuf_str(b, "> weeks</p>\n");
	}
	sbuf_str(b, "</div>\n</section>\n");

	src.t = &checkpoints_table;
	src.rows = doc_arr(doc, "checkpoints");
	table_section(b, &src, labels, "Checkpoints", "Each new project "
	    "gets these checkpoints, due the given number of weeks after its "
	    "kickoff (or its launch).");
	src.t = &resp_table;
	src.rows = doc_arr(doc, "responsibilities");
	table_section(b, &src, labels, "Responsibilities", "The rows of a "
	    "new project's ownership matrix: who must own what, by which "
	    "stage.");

	if (edit) {
		html_printf(b, "<p><button type=\"submit\">Save as version %lld"
		    "</button></p>\n", version + 1);
		form_close(b);
	} else
		sbuf_str(b, "</fieldset>\n");
	layout_end(b);
}

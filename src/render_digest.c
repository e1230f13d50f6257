/*
 * render_digest: the weekly risk digest as an HTML page and as Markdown.
 *
 * Both are drawn from the same struct digest as the JSON, so the numbers
 * cannot differ: counts per severity, new, resolved, still open by
 * project, due next week, and the trend of the weeks before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "html.h"
#include "render.h"

/* What the chat variant lists at most before "and N more". */
#define DIGEST_CHAT_ACTIONS	12
#define DIGEST_CHAT_RESOLVED	8

static const int severities_desc[] = {
	SEVERITY_CRITICAL, SEVERITY_HIGH, SEVERITY_MEDIUM, SEVERITY_LOW
};

static int
total(const int counts[SEVERITY_COUNT])
{
	return (counts[0] + counts[1] + counts[2] + counts[3]);
}

/* The groups this page shows: [first, last) of d->ngroups. */
static void
page_range(const struct digest *d, size_t *first, size_t *last)
{
	size_t	i, n;

	for (i = 0, n = 0; i < d->open.len; i = digest_group_end(d, i))
		n++;
	*first = d->offset;
	*last = d->offset + n;
}

/* ", 6 days" after a risk's first day; nothing on that day itself. */
static const char *
age_text(day_t days)
{
	static char	buf[32];

	if (days <= 0)
		return ("");
	(void)snprintf(buf, sizeof(buf), ", %d day%s", (int)days,
	    days == 1 ? "" : "s");
	return (buf);
}

/* The name of the group of an action list that starts at risk r. */
static const char *
actor_text(const struct risk *r)
{
	return (r->actor_id != 0 && r->actor_name != NULL ? r->actor_name :
	    "Nobody named");
}

/* How many risks of the action list the group starting at i holds. */
static size_t
actor_count(const struct digest *d, size_t i)
{
	size_t	j, n;

	for (j = i, n = 0; j < d->actions.len; j++)
		n += d->actions.items[j].actor_id ==
		    d->actions.items[i].actor_id;
	return (n);
}

/* HTML ------------------------------------------------------------------- */

static void
html_due(struct sbuf *b, const struct digest_due *due, size_t n,
    const char *none)
{
	char	day[DATE_LEN];
	size_t	i;

	if (n == 0)
		html_printf(b, "<p class=\"muted\">%s</p>\n", none);
	sbuf_str(b, "<ul class=\"due\">\n");
	for (i = 0; i < n; i++) {
		date_format(due[i].due, day);
		html_printf(b, "<li><strong>%s</strong> <a href=\"/projects/"
		    "%lld#checkpoint-%lld\">%s</a>: %s", day,
		    (long long)due[i].project_id,
		    (long long)due[i].checkpoint_id, due[i].project_name,
		    due[i].title);
		if (due[i].status == CHECKPOINT_BLOCKED) {
			sbuf_char(b, ' ');
			render_badge(b, "blocked", "blocked");
		}
		sbuf_str(b, "</li>\n");
	}
	sbuf_str(b, "</ul>\n");
}

static void
html_counts(struct sbuf *b, const int counts[SEVERITY_COUNT])
{
	size_t	i;
	int	s;

	sbuf_str(b, "<ul class=\"severity-counts\">\n");
	for (i = 0; i < 4; i++) {
		s = severities_desc[i];
		html_printf(b, "<li class=\"count-%s\"><span class=\"n\">%d"
		    "</span> %s</li>\n", severity_key((enum severity)s),
		    counts[s], severity_key((enum severity)s));
	}
	html_printf(b, "<li><span class=\"n\">%d</span> open in all</li>\n"
	    "</ul>\n", total(counts));
}

/*
 * A small stacked bar chart of the open risks at the end of each week,
 * critical at the bottom (the common baseline makes it the easiest to
 * compare), and the same numbers as a table, so that nothing is told by
 * colour alone.
 */
static void
html_trend(struct sbuf *b, const struct digest *d)
{
	const int	 w = 640, h = 200, top = 16, bottom = 36, left = 30;
	int		 max, k, i, x, y, bar, s, height, n;
	char		 week[ISOWEEK_LEN];
	int		 counts[DIGEST_TREND_WEEKS + 1][SEVERITY_COUNT];
	int		 at_risk[DIGEST_TREND_WEEKS + 1];
	char		 labels[DIGEST_TREND_WEEKS + 1][ISOWEEK_LEN];

	for (k = 0; k < DIGEST_TREND_WEEKS; k++) {
		memcpy(counts[k], d->trend[k].counts, sizeof(counts[k]));
		at_risk[k] = d->trend[k].at_risk;
		isoweek_format(d->trend[k].year, d->trend[k].week, labels[k]);
	}
	memcpy(counts[k], d->counts, sizeof(counts[k]));
	at_risk[k] = d->at_risk;
	isoweek_format(d->year, d->week, labels[k]);
	n = DIGEST_TREND_WEEKS + 1;

	max = 1;
	for (k = 0; k < n; k++) {
		if (total(counts[k]) > max)
			max = total(counts[k]);
	}

	isoweek_format(d->year, d->week, week);
	html_printf(b, "<figure class=\"trend\">\n<svg viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"trend-title trend-desc\" "
	    "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"trend-title\">"
	    "Open risks at the end of each week, up to %s</title>\n"
	    "<desc id=\"trend-desc\">", w, h, week);
	for (k = 0; k < n; k++)
		html_printf(b, "%s: %d open, %d project%s at risk. ",
		    labels[k], total(counts[k]), at_risk[k],
		    at_risk[k] == 1 ? "" : "s");
	sbuf_str(b, "</desc>\n");

	bar = (w - left) / n;
	for (k = 0; k < n; k++) {
		x = left + k * bar + bar / 6;
		y = h - bottom;
		for (i = 0; i < 4; i++) {
			s = severities_desc[i];
			height = counts[k][s] * (h - top - bottom) / max;
			if (height == 0)
				continue;
			y -= height;
			html_printf(b, "<rect class=\"bar-%s\" x=\"%d\" "
			    "y=\"%d\" width=\"%d\" height=\"%d\">"
			    "<title>%s: %d %s</title></rect>\n",
			    severity_key((enum severity)s), x, y, bar * 2 / 3,
			    height, labels[k],
			    counts[k][s], severity_key((enum severity)s));
		}
		html_printf(b, "<text class=\"trend-total\" x=\"%d\" y=\"%d\">"
		    "%d</text>\n<text class=\"trend-week\" x=\"%d\" y=\"%d\">"
		    "%s</text>\n<text class=\"trend-at-risk\" x=\"%d\" "
		    "y=\"%d\">%d at risk</text>\n", x + bar / 3 - 4, y - 4,
		    total(counts[k]), x, h - bottom + 16, labels[k] + 5, x,
		    h - bottom + 30, at_risk[k]);
	}
	sbuf_str(b, "</svg>\n<figcaption>Open risks at the end of each week "
	    "(the last bar is this digest), stacked by severity, critical at "
	    "the bottom; under each week, the projects at risk (with a high "
	    "or critical risk), which one kickoff's many low risks do not "
	    "move.</figcaption>\n"
	    "</figure>\n<details class=\"trend-numbers\"><summary>The "
	    "numbers, week by week</summary>\n<table>\n<thead><tr>"
	    "<th scope=\"col\">Week</th>");
	for (i = 0; i < 4; i++)
		html_printf(b, "<th scope=\"col\">%s</th>",
		    severity_key((enum severity)severities_desc[i]));
	sbuf_str(b, "<th scope=\"col\">Open in all</th><th scope=\"col\">"
	    "Projects at risk</th></tr></thead>\n"
	    "<tbody>\n");
	for (k = 0; k < n; k++) {
		html_printf(b, "<tr><th scope=\"row\">%s%s</th>", labels[k],
		    k == n - 1 ? " (this digest)" : "");
		for (i = 0; i < 4; i++)
			html_printf(b, "<td>%d</td>",
			    counts[k][severities_desc[i]]);
		html_printf(b, "<td>%d</td><td>%d</td></tr>\n",
		    total(counts[k]), at_risk[k]);
	}
	sbuf_str(b, "</tbody>\n</table>\n</details>\n");
}

/*
 * One risk as the <li> of a risk list, on every page that lists risks:
 * the project's name when with_project, a "new" badge when is_new, and
 * its age as of asof (DAY_NONE: no age).
 */
void
render_risk_item(struct sbuf *b, const struct risk *r, int with_project,
    int is_new, day_t asof)
{
	char	since[DATE_LEN];

	date_format(r->since, since);
	sbuf_str(b, "<li>");
	render_badge(b, severity_key(r->severity), severity_key(r->severity));
	if (is_new)
		sbuf_str(b, " <span class=\"badge badge-new\">new</span>");
	if (with_project && r->project_id != 0)
		html_printf(b, " <a href=\"/projects/%lld\">%s</a>:",
		    (long long)r->project_id, r->project_name);
	html_printf(b, " %s <span class=\"muted\">(since %s%s)</span></li>\n",
	    r->message, since, asof != DAY_NONE ? age_text(asof - r->since) :
	    "");
}

/*
 * The line of the open risk at position j of a project group ending at
 * end, and of the empty boxes of the same responsibility after it (new
 * or not alike): into line; returns how many it covers.
 */
static size_t
box_line(const struct digest *d, size_t j, size_t end, struct risk *line)
{
	const struct risk	*v[ROLE_COUNT];
	size_t			 k, n;

	k = d->by_project[j];
	v[0] = &d->open.items[k];
	for (n = 1; n < ROLE_COUNT && j + n < end &&
	    d->is_new[d->by_project[j + n]] == d->is_new[k] &&
	    risk_box_group(v[0], &d->open.items[d->by_project[j + n]]); n++)
		v[n] = &d->open.items[d->by_project[j + n]];
	*line = *v[0];
	risk_group_message(v, n, line->message);
	return (n);
}

void
render_digest_page(struct sbuf *b, const struct page_ctx *ctx,
    const struct digest *d, int has_next)
{
	struct sbuf	body;

	sbuf_init(&body);
	render_digest_body(&body, d, has_next);
	render_digest_around(b, ctx, d->year, d->week, &body);
	sbuf_free(&body);
}

/* The page of week year-week around its body (render_digest_body()). */
void
render_digest_around(struct sbuf *b, const struct page_ctx *ctx, int year,
    int week, const struct sbuf *body)
{
	char	w[ISOWEEK_LEN], title[64];

	isoweek_format(year, week, w);
	(void)snprintf(title, sizeof(title), "Risk digest %s", w);
	layout_begin(b, title, ctx);
	sbuf_append(b, body);
	layout_end(b);
}

/* What the page shows, the same for everyone who may see it. */
void
render_digest_body(struct sbuf *b, const struct digest *d, int has_next)
{
	const struct risk	*r;
	char			 week[ISOWEEK_LEN], other[ISOWEEK_LEN];
	char			 mon[DATE_LEN], sun[DATE_LEN], asof[DATE_LEN];
	char			 day[DATE_LEN];
	struct risk		 line;
	size_t			 i, j, k, n, nn, end, first, last;
	int			 y, wk, nnew;

	isoweek_format(d->year, d->week, week);
	date_format(d->monday, mon);
	date_format(d->sunday, sun);
	date_format(d->asof, asof);

	html_printf(b, "<header class=\"page-head digest-head\">\n"
	    "<h1>Risk digest, week %s</h1>\n<p>%s to %s, as of the end of %s. "
	    "<a href=\"/digest.md?week=%s\">Markdown</a> &middot; "
	    "<a href=\"/api/v1/digest?week=%s\">JSON</a> &middot; "
	    "<a href=\"/risks.csv?on=%s\">Risks (CSV)</a></p>\n", week, mon,
	    sun, asof, week, week, asof);

	sbuf_str(b, "<nav class=\"weeks\" aria-label=\"Other weeks\">\n");
	isoweek_of(d->monday - 7, &y, &wk);
	isoweek_format(y, wk, other);
	html_printf(b, "<a href=\"/digest?week=%s\" rel=\"prev\">&larr; %s"
	    "</a>\n", other, other);
	if (has_next) {
		isoweek_of(d->monday + 7, &y, &wk);
		isoweek_format(y, wk, other);
		html_printf(b, "<a href=\"/digest?week=%s\" rel=\"next\">%s "
		    "&rarr;</a>\n", other, other);
	}
	html_printf(b, "<form method=\"get\" action=\"/digest\" "
	    "class=\"week-picker\">\n<label for=\"week\">Week</label>\n"
	    "<input type=\"week\" id=\"week\" name=\"week\" value=\"%s\">\n"
	    "<button type=\"submit\">Show</button>\n</form>\n</nav>\n"
	    "</header>\n", week);

	nnew = (int)d->fresh.len;
	sbuf_str(b, "<section aria-labelledby=\"summary-h\">\n"
	    "<h2 id=\"summary-h\">Summary</h2>\n");
	html_counts(b, d->counts);
	html_printf(b, "<p><strong>%d</strong> project%s at risk, "
	    "<strong>%d</strong> new this week, <strong>%zu</strong> resolved "
	    "this week, <strong>%zu</strong> checkpoint%s due this week and "
	    "<strong>%zu</strong> next week.</p>\n", d->at_risk,
	    d->at_risk == 1 ? "" : "s", nnew, d->resolved.len, d->ndue_this,
	    d->ndue_this == 1 ? "" : "s", d->ndue);
	sbuf_str(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"act-h\">\n<h2 id=\"act-h\">"
	    "Act now: critical and high, by who must act (%zu)</h2>\n",
	    d->actions.len);
	if (d->actions.len == 0)
		sbuf_str(b, "<p class=\"ok\">No critical or high risk is "
		    "open.</p>\n");
	for (i = 0; i < d->actions.len; i++) {
		if (!digest_actor_first(d, i))
			continue;
		r = &d->actions.items[i];
		html_printf(b, "<h3>%s <span class=\"muted\">(%zu)</span>"
		    "</h3>\n<ul class=\"risks\">\n", actor_text(r),
		    actor_count(d, i));
		for (j = i; j < d->actions.len; j++) {
			if (d->actions.items[j].actor_id == r->actor_id)
				render_risk_item(b, &d->actions.items[j], 1,
				    0, d->asof);
		}
		sbuf_str(b, "</ul>\n");
	}
	sbuf_str(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"due-this-h\">\n"
	    "<h2 id=\"due-this-h\">Due this week, still open (%zu)</h2>\n",
	    d->ndue_this);
	html_due(b, d->due_this, d->ndue_this, "Nothing still open is due "
	    "this week.");
	sbuf_str(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"new-h\">\n<h2 id=\"new-h\">"
	    "New this week (%d)</h2>\n", nnew);
	if (nnew == 0)
		sbuf_str(b, "<p class=\"muted\">Nothing new.</p>\n");
	sbuf_str(b, "<ul class=\"risks\">\n");
	for (i = 0; i < d->fresh.len; i++)
		render_risk_item(b, &d->fresh.items[i], 1, 0, d->asof);
	sbuf_str(b, "</ul>\n</section>\n");

	html_printf(b, "<section aria-labelledby=\"resolved-h\">\n"
	    "<h2 id=\"resolved-h\">Resolved this week (%zu)</h2>\n",
	    d->resolved.len);
	if (d->resolved.len == 0)
		sbuf_str(b, "<p class=\"muted\">Nothing resolved.</p>\n");
	sbuf_str(b, "<ul class=\"risks resolved\">\n");
	for (i = 0; i < d->resolved.len; i++) {
		r = &d->resolved.items[i];
		sbuf_str(b, "<li>");
		render_badge(b, "resolved", "resolved");
		if (r->project_id != 0)
			html_printf(b, " <a href=\"/projects/%lld\">%s</a>:",
			    (long long)r->project_id, r->project_name);
		html_printf(b, " <s>%s</s>", r->message);
		if (r->resolved_on != DAY_NONE) {
			date_format(r->resolved_on, day);
			html_printf(b, " <span class=\"muted\">(resolved %s",
			    day);
			if (r->resolved_by != NULL)
				html_printf(b, " by %s", r->resolved_by);
			sbuf_str(b, ")</span>");
		}
		sbuf_str(b, "</li>\n");
	}
	sbuf_str(b, "</ul>\n</section>\n");

	page_range(d, &first, &last);
	html_printf(b, "<section aria-labelledby=\"open-h\">\n"
	    "<h2 id=\"open-h\">Still open, by project (%d)</h2>\n",
	    total(d->counts));
	if (total(d->counts) == 0)
		sbuf_str(b, "<p class=\"ok\">No open risks.</p>\n");
	else if (first > 0 || last < d->ngroups)
		html_printf(b, "<p class=\"muted\">Projects %zu to %zu of "
		    "%zu, the riskiest first.</p>\n", first + 1, last,
		    d->ngroups);
	for (i = 0; i < d->open.len; i = end) {
		end = digest_group_end(d, i);
		r = &d->open.items[d->by_project[i]];
		if (r->project_id != 0) {
			date_format(r->launch, day);
			html_printf(b, "<h3><a href=\"/projects/%lld\">%s</a> "
			    "<span class=\"muted\">launch %s</span></h3>\n",
			    (long long)r->project_id, r->project_name, day);
		} else {
			sbuf_str(b, "<h3>Across the portfolio</h3>\n");
		}
		sbuf_str(b, "<ul class=\"risks\">\n");
		for (j = i, nn = 0; j < end; j += n) {
			k = d->by_project[j];
			n = 1;
			if (d->is_new[k]) {
				nn++;
				continue;
			}
			n = box_line(d, j, end, &line);
			render_risk_item(b, &line, 0, 0, d->asof);
		}
		if (nn > 0)
			html_printf(b, "<li class=\"muted\">%zu new, listed "
			    "<a href=\"#new-h\">above</a></li>\n", nn);
		sbuf_str(b, "</ul>\n");
	}
	if (first > 0 || last < d->ngroups) {
		sbuf_str(b, "<nav class=\"pager\" aria-label=\"More "
		    "projects\">\n");
		if (first > 0)
			html_printf(b, "<a href=\"/digest?week=%s&amp;offset="
			    "%zu#open-h\" rel=\"prev\">&larr; Previous %zu"
			    "</a>\n", week, first > d->limit ? first -
			    d->limit : 0, d->limit);
		if (last < d->ngroups)
			html_printf(b, "<a href=\"/digest?week=%s&amp;offset="
			    "%zu#open-h\" rel=\"next\">Next %zu &rarr;</a>"
			    "\n", week, last, d->limit);
		sbuf_str(b, "</nav>\n");
	}
	sbuf_str(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"due-h\">\n<h2 id=\"due-h\">"
	    "Due next week (%zu)</h2>\n", d->ndue);
	html_due(b, d->due, d->ndue, "No checkpoint is due next week.");
	sbuf_str(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"paused-h\">\n"
	    "<h2 id=\"paused-h\">Paused (%zu)</h2>\n", d->npaused);
	if (d->npaused == 0)
		sbuf_str(b, "<p class=\"muted\">No project is paused.</p>\n");
	sbuf_str(b, "<ul class=\"paused\">\n");
	for (i = 0; i < d->npaused; i++) {
		date_format(d->paused[i].since, day);
		html_printf(b, "<li><a href=\"/projects/%lld\">%s</a>, paused "
		    "since %s</li>\n", (long long)d->paused[i].id,
		    d->paused[i].name, day);
	}
	sbuf_str(b, "</ul>\n</section>\n");

	html_printf(b, "<section aria-labelledby=\"trend-h\">\n"
	    "<h2 id=\"trend-h\">Trend</h2>\n");
	html_trend(b, d);
	sbuf_str(b, "</section>\n");
}

/* Markdown --------------------------------------------------------------- */

/* Text that reaches Markdown with its formatting characters escaped. */
void
md_text(struct sbuf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '>': case '|': case '#': case '~':
			sbuf_char(b, '\\');
			sbuf_char(b, *s);
			break;
		case '\n':
		case '\r':
			sbuf_char(b, ' ');
			break;
		default:
			sbuf_char(b, *s);
		}
	}
}

/* A Markdown link to app path url: [text](base + url). */
static void
md_link(struct sbuf *b, const char *base, const char *text, const char *url)
{
	sbuf_char(b, '[');
	md_text(b, text);
	sbuf_printf(b, "](%s%s)", base != NULL ? base : "", url);
}

static void
md_risk(struct sbuf *b, const struct risk *r, day_t asof, int with_project,
    const char *base)
{
	char	since[DATE_LEN], url[RISK_URL_LEN];

	date_format(r->since, since);
	risk_url(r, url);
	sbuf_printf(b, "- **%s** ", severity_key(r->severity));
	if (with_project && r->project_id != 0) {
		md_text(b, r->project_name);
		sbuf_str(b, ": ");
	}
	md_link(b, base, r->message, url);
	sbuf_printf(b, " (since %s%s)\n", since, age_text(asof - r->since));
}

static void
md_due(struct sbuf *b, const struct digest_due *due, size_t n,
    const char *base, const char *none)
{
	char	day[DATE_LEN], url[64];
	size_t	i;

	for (i = 0; i < n; i++) {
		date_format(due[i].due, day);
		(void)snprintf(url, sizeof(url), "/projects/%lld#checkpoint-"
		    "%lld", (long long)due[i].project_id,
		    (long long)due[i].checkpoint_id);
		sbuf_printf(b, "- %s ", day);
		md_text(b, due[i].project_name);
		sbuf_str(b, ": ");
		md_link(b, base, due[i].title, url);
		sbuf_str(b, due[i].status == CHECKPOINT_BLOCKED ?
		    " (blocked)\n" : "\n");
	}
	if (n == 0)
		sbuf_printf(b, "%s\n", none);
}

void
render_digest_markdown(struct sbuf *b, const struct digest *d,
    const char *base)
{
	const struct risk	*r;
	char			 week[ISOWEEK_LEN], mon[DATE_LEN];
	char			 sun[DATE_LEN], asof[DATE_LEN], day[DATE_LEN];
	char			 url[RISK_URL_LEN];
	struct risk		 line;
	size_t			 i, j, n, end, first, last, nn;
	int			 k, nnew;

	isoweek_format(d->year, d->week, week);
	date_format(d->monday, mon);
	date_format(d->sunday, sun);
	date_format(d->asof, asof);
	nnew = (int)d->fresh.len;

	sbuf_printf(b, "# Risk digest, week %s\n\n%s to %s, as of the end of "
	    "%s. ", week, mon, sun, asof);
	if (base != NULL)
		sbuf_printf(b, "On the web: %s/digest?week=%s\n\n", base, week);
	else
		sbuf_str(b, "Links are paths in the app: the server's "
		    "HANDOFF_PUBLIC_URL makes them whole.\n\n");
	if (d->only_some)
		sbuf_str(b, "Only the projects you lead or hold a box in, "
		    "all of them.\n\n");
	sbuf_printf(b, "**%d open risk%s**: %d critical, %d high, %d medium, "
	    "%d low; %d project%s at risk. %d new this week, %zu resolved this "
	    "week, %zu checkpoint%s due this week, %zu next week.\n\n",
	    total(d->counts), total(d->counts) == 1 ? "" : "s",
	    d->counts[SEVERITY_CRITICAL], d->counts[SEVERITY_HIGH],
	    d->counts[SEVERITY_MEDIUM], d->counts[SEVERITY_LOW], d->at_risk,
	    d->at_risk == 1 ? "" : "s", nnew, d->resolved.len, d->ndue_this,
	    d->ndue_this == 1 ? "" : "s", d->ndue);

	sbuf_printf(b, "## Act now: critical and high, by who must act "
	    "(%zu)\n", d->actions.len);
	for (i = 0; i < d->actions.len; i++) {
		if (!digest_actor_first(d, i))
			continue;
		r = &d->actions.items[i];
		sbuf_str(b, "\n### ");
		md_text(b, actor_text(r));
		sbuf_printf(b, " (%zu)\n\n", actor_count(d, i));
		for (j = i; j < d->actions.len; j++) {
			if (d->actions.items[j].actor_id == r->actor_id)
				md_risk(b, &d->actions.items[j], d->asof, 1,
				    base);
		}
	}
	if (d->actions.len == 0)
		sbuf_str(b, "\nNo critical or high risk is open.\n");

	sbuf_printf(b, "\n## Due this week, still open (%zu)\n\n",
	    d->ndue_this);
	md_due(b, d->due_this, d->ndue_this, base, "Nothing still open is "
	    "due this week.");
	sbuf_printf(b, "\n## Due next week (%zu)\n\n", d->ndue);
	md_due(b, d->due, d->ndue, base, "No checkpoint is due next week.");

	sbuf_printf(b, "\n## New this week (%d)\n\n", nnew);
	for (i = 0; i < d->fresh.len; i++)
		md_risk(b, &d->fresh.items[i], d->asof, 1, base);
	if (nnew == 0)
		sbuf_str(b, "Nothing new.\n");

	sbuf_printf(b, "\n## Resolved this week (%zu)\n\n", d->resolved.len);
	for (i = 0; i < d->resolved.len; i++) {
		r = &d->resolved.items[i];
		risk_url(r, url);
		sbuf_str(b, "- ");
		if (r->project_id != 0) {
			md_text(b, r->project_name);
			sbuf_str(b, ": ");
		}
		sbuf_str(b, "~~");
		md_link(b, base, r->message, url);
		sbuf_str(b, "~~");
		if (r->resolved_on != DAY_NONE) {
			date_format(r->resolved_on, day);
			sbuf_printf(b, " (resolved %s", day);
			if (r->resolved_by != NULL) {
				sbuf_str(b, " by ");
				md_text(b, r->resolved_by);
			}
			sbuf_str(b, ")");
		}
		sbuf_str(b, "\n");
	}
	if (d->resolved.len == 0)
		sbuf_str(b, "Nothing resolved.\n");

	/* The new ones are listed above: each group says how many. */
	page_range(d, &first, &last);
	sbuf_printf(b, "\n## Still open, by project (%d)\n",
	    total(d->counts));
	if (first > 0 || last < d->ngroups)
		sbuf_printf(b, "\nProjects %zu to %zu of %zu, the riskiest "
		    "first.\n", first + 1, last, d->ngroups);
	for (i = 0; i < d->open.len; i = end) {
		end = digest_group_end(d, i);
		r = &d->open.items[d->by_project[i]];
		sbuf_str(b, "\n### ");
		if (r->project_id != 0) {
			(void)snprintf(url, sizeof(url), "/projects/%lld",
			    (long long)r->project_id);
			md_link(b, base, r->project_name, url);
			date_format(r->launch, day);
			sbuf_printf(b, " (launch %s)\n\n", day);
		} else {
			sbuf_str(b, "Across the portfolio\n\n");
		}
		for (j = i, nn = 0; j < end; j += n) {
			n = 1;
			if (d->is_new[d->by_project[j]]) {
				nn++;
				continue;
			}
			n = box_line(d, j, end, &line);
			md_risk(b, &line, d->asof, 0, base);
		}
		if (nn > 0)
			sbuf_printf(b, "- %zu new, listed above\n", nn);
	}
	if (total(d->counts) == 0)
		sbuf_str(b, "\nNo open risks.\n");
	if (last < d->ngroups)
		sbuf_printf(b, "\n%zu more project%s with open risks: "
		    "%s/digest?week=%s&offset=%zu\n", d->ngroups - last,
		    d->ngroups - last == 1 ? "" : "s", base != NULL ? base : "",
		    week, last);

	sbuf_printf(b, "\n## Paused (%zu)\n\n", d->npaused);
	for (i = 0; i < d->npaused; i++) {
		(void)snprintf(url, sizeof(url), "/projects/%lld",
		    (long long)d->paused[i].id);
		date_format(d->paused[i].since, day);
		sbuf_str(b, "- ");
		md_link(b, base, d->paused[i].name, url);
		sbuf_printf(b, ", paused since %s\n", day);
	}
	if (d->npaused == 0)
		sbuf_str(b, "No project is paused.\n");
	if (d->only_some)
		return;

	sbuf_str(b, "\n## Trend: projects at risk and open risks at the end "
	    "of each week\n\nA project is at risk while it has a high or "
	    "critical risk; a kickoff adds many low risks but few projects "
	    "at risk.\n\n"
	    "| Week | Projects at risk | Critical | High | Medium | Low | "
	    "Total |\n"
	    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (k = 0; k < DIGEST_TREND_WEEKS; k++) {
		isoweek_format(d->trend[k].year, d->trend[k].week, day);
		sbuf_printf(b, "| %s | %d | %d | %d | %d | %d | %d |\n", day,
		    d->trend[k].at_risk,
		    d->trend[k].counts[SEVERITY_CRITICAL],
		    d->trend[k].counts[SEVERITY_HIGH],
		    d->trend[k].counts[SEVERITY_MEDIUM],
		    d->trend[k].counts[SEVERITY_LOW],
		    total(d->trend[k].counts));
	}
	sbuf_printf(b, "| %s (this digest) | %d | %d | %d | %d | %d | %d |\n",
	    week, d->at_risk,
	    d->counts[SEVERITY_CRITICAL], d->counts[SEVERITY_HIGH],
	    d->counts[SEVERITY_MEDIUM], d->counts[SEVERITY_LOW],
	    total(d->counts));
}

/* Chat (mrkdwn) ---------------------------------------------------------- */

/*
 * Text for Slack's mrkdwn (and Mattermost's, Rocket.Chat's): &, < and >
 * are the only characters it escapes, as entities; line breaks would
 * end a bullet.
 */
static void
chat_text(struct sbuf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&':
			sbuf_str(b, "&amp;");
			break;
		case '<':
			sbuf_str(b, "&lt;");
			break;
		case '>':
			sbuf_str(b, "&gt;");
			break;
		case '\n':
		case '\r':
			sbuf_char(b, ' ');
			break;
		default:
			sbuf_char(b, *s);
		}
	}
}

/* <base + url|text>, or the text alone without a base to make it whole. */
static void
chat_link(struct sbuf *b, const char *base, const char *text,
    const char *url)
{
	if (base == NULL) {
		chat_text(b, text);
		return;
	}
	sbuf_printf(b, "<%s%s|", base, url);
	chat_text(b, text);
	sbuf_char(b, '>');
}

/* The same, for the outbox's chat messages (webhook.c). */
void
render_chat_text(struct sbuf *b, const char *s)
{
	chat_text(b, s);
}

void
render_chat_link(struct sbuf *b, const char *base, const char *text,
    const char *url)
{
	chat_link(b, base, text, url);
}

static void
chat_risk(struct sbuf *b, const struct risk *r, const char *base,
    const char *indent)
{
	char	url[RISK_URL_LEN];

	risk_url(r, url);
	sbuf_printf(b, "%s\u2022 %s ", indent, severity_key(r->severity));
	if (r->project_id != 0) {
		chat_text(b, r->project_name);
		sbuf_str(b, ": ");
	}
	chat_link(b, base, r->message, url);
	sbuf_char(b, '\n');
}

/*
 * An action under its actor's name: the empty boxes of one responsibility
 * as one line (v[0..n)), the sentence without the name it starts with.
 */
static void
chat_action(struct sbuf *b, const struct risk *const *v, size_t n,
    const char *base)
{
	struct risk	 line = *v[0];
	const char	*text;
	size_t		 len;

	risk_group_message(v, n, line.message);
	text = line.message;
	len = line.actor_name != NULL ? strlen(line.actor_name) : 0;
	if (len > 0 && strncmp(text, line.actor_name, len) == 0 &&
	    strncmp(text + len, ": ", 2) == 0) {
		(void)memmove(line.message, text + len + 2,
		    strlen(text + len + 2) + 1);
		if (line.message[0] >= 'a' && line.message[0] <= 'z')
			line.message[0] = (char)(line.message[0] - 'a' + 'A');
	}
	chat_risk(b, &line, base, "    ");
}

void
render_digest_chat(struct sbuf *b, const struct digest *d, const char *base)
{
	const struct risk	*r, *v[ROLE_COUNT];
	unsigned char		*used;
	char			 week[ISOWEEK_LEN], url[64];
	size_t			 i, j, k, n, shown;

	/* Without memory for the marks, every box on a line of its own. */
	used = calloc(d->actions.len + 1, 1);
	isoweek_format(d->year, d->week, week);
	(void)snprintf(url, sizeof(url), "/digest?week=%s", week);
	sbuf_str(b, "*");
	chat_link(b, base, "Risk digest", url);
	sbuf_printf(b, ", week %s*\n", week);
	sbuf_printf(b, "%d open: %d critical, %d high, %d medium, %d low "
	    "\u00b7 %d project%s at risk \u00b7 %zu new \u00b7 %zu resolved "
	    "\u00b7 %zu due this week\n\n", total(d->counts),
	    d->counts[SEVERITY_CRITICAL], d->counts[SEVERITY_HIGH],
	    d->counts[SEVERITY_MEDIUM], d->counts[SEVERITY_LOW], d->at_risk,
	    d->at_risk == 1 ? "" : "s", d->fresh.len, d->resolved.len,
	    d->ndue_this);

	sbuf_printf(b, "*Act now (%zu)*\n", d->actions.len);
	if (d->actions.len == 0)
		sbuf_str(b, "No critical or high risk is open.\n");
	for (i = 0, shown = 0; i < d->actions.len; i++) {
		if (!digest_actor_first(d, i))
			continue;
		if (shown >= DIGEST_CHAT_ACTIONS)
			break;
		r = &d->actions.items[i];
		sbuf_str(b, "\u2022 *");
		chat_text(b, actor_text(r));
		sbuf_str(b, "*\n");
		for (j = i; j < d->actions.len &&
		    shown < DIGEST_CHAT_ACTIONS; j++) {
			if (d->actions.items[j].actor_id != r->actor_id ||
			    (used != NULL && used[j]))
				continue;
			/* Its boxes of one responsibility on one line. */
			v[0] = &d->actions.items[j];
			for (n = 1, k = j + 1; used != NULL &&
			    k < d->actions.len && n < ROLE_COUNT; k++) {
				if (!used[k] && risk_box_group(v[0],
				    &d->actions.items[k])) {
					v[n++] = &d->actions.items[k];
					used[k] = 1;
				}
			}
			if (used != NULL)
				used[j] = 1;
			chat_action(b, v, n, base);
			shown += n;
		}
	}
	if (shown < d->actions.len) {
		sbuf_printf(b, "and %zu more: ", d->actions.len - shown);
		chat_link(b, base, "the full digest", url);
		sbuf_char(b, '\n');
	}

	sbuf_printf(b, "\n*Resolved this week (%zu)*\n", d->resolved.len);
	if (d->resolved.len == 0)
		sbuf_str(b, "Nothing resolved.\n");
	for (i = 0; i < d->resolved.len && i < DIGEST_CHAT_RESOLVED; i++)
		chat_risk(b, &d->resolved.items[i], base, "");
	if (d->resolved.len > DIGEST_CHAT_RESOLVED)
		sbuf_printf(b, "and %zu more\n",
		    d->resolved.len - DIGEST_CHAT_RESOLVED);

	sbuf_str(b, "\n");
	if (base != NULL) {
		sbuf_printf(b, "The rest (due this week and next, new, still "
		    "open, paused, the trend): <%s%s|the full digest>\n",
		    base, url);
	} else {
		sbuf_printf(b, "The rest: %s in the app (links need the "
		    "server's HANDOFF_PUBLIC_URL)\n", url);
	}
	free(used);
}

/* Email ------------------------------------------------------------------ */

/*
 * The HTML part of the digest's email: the Markdown's sections as one
 * self-contained document.  Mail programs drop <style> and never load
 * what a page links, so the look is a small fixed set of inline style
 * attributes; no image, no stylesheet, no script, nothing remote but the
 * links, which are whole URLs (base) or, without a base, plain text.
 */
#define MAIL_BODY	"font-family:Arial,Helvetica,sans-serif;" \
			"font-size:14px;line-height:1.45;color:#1a1a1a;" \
			"margin:0;padding:16px"
#define MAIL_H1		"font-size:20px;margin:0 0 8px"
#define MAIL_H2		"font-size:16px;margin:20px 0 6px;padding-bottom:2px;" \
			"border-bottom:1px solid #cccccc"
#define MAIL_H3		"font-size:14px;margin:12px 0 4px"
#define MAIL_UL		"margin:0 0 8px;padding-left:20px"
#define MAIL_MUTED	"color:#595959"
#define MAIL_A		"color:#0645ad"

static const char *
mail_severity_style(enum severity s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		return ("color:#ffffff;background:#b00020;padding:0 4px");
	case SEVERITY_HIGH:
		return ("color:#ffffff;background:#b34700;padding:0 4px");
	case SEVERITY_MEDIUM:
		return ("color:#1a1a1a;background:#ffd966;padding:0 4px");
	default:
		return ("color:#1a1a1a;background:#e6e6e6;padding:0 4px");
	}
}

/* A link to app path url, or the text alone without a base. */
static void
mail_link(struct sbuf *b, const char *base, const char *text,
    const char *url)
{
	if (base == NULL) {
		html_printf(b, "%s", text);
		return;
	}
	html_printf(b, "<a style=\"%s\" href=\"%s%s\">%s</a>", MAIL_A, base,
	    url, text);
}

static void
mail_risk(struct sbuf *b, const struct risk *r, day_t asof, int with_project,
    const char *base)
{
	char	since[DATE_LEN], url[RISK_URL_LEN];

	date_format(r->since, since);
	risk_url(r, url);
	html_printf(b, "<li><span style=\"%s\">%s</span> ",
	    mail_severity_style(r->severity), severity_key(r->severity));
	if (with_project && r->project_id != 0)
		html_printf(b, "%s: ", r->project_name);
	mail_link(b, base, r->message, url);
	html_printf(b, " <span style=\"%s\">(since %s%s)</span></li>\n",
	    MAIL_MUTED, since, age_text(asof - r->since));
}

static void
mail_due(struct sbuf *b, const struct digest_due *due, size_t n,
    const char *base, const char *none)
{
	char	day[DATE_LEN], url[64];
	size_t	i;

	if (n == 0) {
		html_printf(b, "<p style=\"%s\">%s</p>\n", MAIL_MUTED, none);
		return;
	}
	html_printf(b, "<ul style=\"%s\">\n", MAIL_UL);
	for (i = 0; i < n; i++) {
		date_format(due[i].due, day);
		(void)snprintf(url, sizeof(url), "/projects/%lld#checkpoint-"
		    "%lld", (long long)due[i].project_id,
		    (long long)due[i].checkpoint_id);
		html_printf(b, "<li><strong>%s</strong> %s: ", day,
		    due[i].project_name);
		mail_link(b, base, due[i].title, url);
		if (due[i].status == CHECKPOINT_BLOCKED)
			sbuf_str(b, " (blocked)");
		sbuf_str(b, "</li>\n");
	}
	sbuf_str(b, "</ul>\n");
}

static void
mail_h2(struct sbuf *b, const char *title, size_t n)
{
	html_printf(b, "<h2 style=\"%s\">%s (%zu)</h2>\n", MAIL_H2, title, n);
}

void
render_digest_mail_html(struct sbuf *b, const struct digest *d,
    const char *base)
{
	const struct risk	*r;
	char			 week[ISOWEEK_LEN], mon[DATE_LEN];
	char			 sun[DATE_LEN], asof[DATE_LEN], day[DATE_LEN];
	char			 url[RISK_URL_LEN];
	struct risk		 line;
	size_t			 i, j, n, end, first, last, nn;

	isoweek_format(d->year, d->week, week);
	date_format(d->monday, mon);
	date_format(d->sunday, sun);
	date_format(d->asof, asof);

	html_printf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>Risk digest, week %s</title>\n"
	    "</head>\n<body style=\"%s\">\n<h1 style=\"%s\">Risk digest, week "
	    "%s</h1>\n<p>%s to %s, as of the end of %s.", week, MAIL_BODY,
	    MAIL_H1, week, mon, sun, asof);
	if (base != NULL) {
		(void)snprintf(url, sizeof(url), "/digest?week=%s", week);
		sbuf_char(b, ' ');
		mail_link(b, base, "The whole digest on the web", url);
		sbuf_char(b, '.');
	}
	sbuf_str(b, "</p>\n");
	if (d->only_some)
		html_printf(b, "<p style=\"%s\">Only the projects you lead or "
		    "hold a box in, all of them.</p>\n", MAIL_MUTED);
	html_printf(b, "<p><strong>%d open risk%s</strong>: %d critical, %d "
	    "high, %d medium, %d low; %d project%s at risk. %zu new this "
	    "week, %zu resolved this week, %zu checkpoint%s due this week, "
	    "%zu next week.</p>\n", total(d->counts),
	    total(d->counts) == 1 ? "" : "s", d->counts[SEVERITY_CRITICAL],
	    d->counts[SEVERITY_HIGH], d->counts[SEVERITY_MEDIUM],
	    d->counts[SEVERITY_LOW], d->at_risk, d->at_risk == 1 ? "" : "s",
	    d->fresh.len, d->resolved.len, d->ndue_this,
	    d->ndue_this == 1 ? "" : "s", d->ndue);

	mail_h2(b, "Act now: critical and high, by who must act",
	    d->actions.len);
	if (d->actions.len == 0)
		html_printf(b, "<p style=\"%s\">No critical or high risk is "
		    "open.</p>\n", MAIL_MUTED);
	for (i = 0; i < d->actions.len; i++) {
		if (!digest_actor_first(d, i))
			continue;
		r = &d->actions.items[i];
		html_printf(b, "<h3 style=\"%s\">%s (%zu)</h3>\n"
		    "<ul style=\"%s\">\n", MAIL_H3, actor_text(r),
		    actor_count(d, i), MAIL_UL);
		for (j = i; j < d->actions.len; j++) {
			if (d->actions.items[j].actor_id == r->actor_id)
				mail_risk(b, &d->actions.items[j], d->asof, 1,
				    base);
		}
		sbuf_str(b, "</ul>\n");
	}

	mail_h2(b, "Due this week, still open", d->ndue_this);
	mail_due(b, d->due_this, d->ndue_this, base, "Nothing still open is "
	    "due this week.");
	mail_h2(b, "Due next week", d->ndue);
	mail_due(b, d->due, d->ndue, base, "No checkpoint is due next week.");

	mail_h2(b, "New this week", d->fresh.len);
	if (d->fresh.len == 0)
		html_printf(b, "<p style=\"%s\">Nothing new.</p>\n",
		    MAIL_MUTED);
	else {
		html_printf(b, "<ul style=\"%s\">\n", MAIL_UL);
		for (i = 0; i < d->fresh.len; i++)
			mail_risk(b, &d->fresh.items[i], d->asof, 1, base);
		sbuf_str(b, "</ul>\n");
	}

	mail_h2(b, "Resolved this week", d->resolved.len);
	if (d->resolved.len == 0)
		html_printf(b, "<p style=\"%s\">Nothing resolved.</p>\n",
		    MAIL_MUTED);
	else
		html_printf(b, "<ul style=\"%s\">\n", MAIL_UL);
	for (i = 0; i < d->resolved.len; i++) {
		r = &d->resolved.items[i];
		risk_url(r, url);
		sbuf_str(b, "<li>");
		if (r->project_id != 0)
			html_printf(b, "%s: ", r->project_name);
		sbuf_str(b, "<s>");
		mail_link(b, base, r->message, url);
		sbuf_str(b, "</s>");
		if (r->resolved_on != DAY_NONE) {
			date_format(r->resolved_on, day);
			html_printf(b, " <span style=\"%s\">(resolved %s",
			    MAIL_MUTED, day);
			if (r->resolved_by != NULL)
				html_printf(b, " by %s", r->resolved_by);
			sbuf_str(b, ")</span>");
		}
		sbuf_str(b, "</li>\n");
	}
	if (d->resolved.len > 0)
		sbuf_str(b, "</ul>\n");

	page_range(d, &first, &last);
	mail_h2(b, "Still open, by project", (size_t)total(d->counts));
	if (total(d->counts) == 0)
		html_printf(b, "<p style=\"%s\">No open risks.</p>\n",
		    MAIL_MUTED);
	else if (first > 0 || last < d->ngroups)
		html_printf(b, "<p style=\"%s\">Projects %zu to %zu of %zu, "
		    "the riskiest first.</p>\n", MAIL_MUTED, first + 1, last,
		    d->ngroups);
	for (i = 0; i < d->open.len; i = end) {
		end = digest_group_end(d, i);
		r = &d->open.items[d->by_project[i]];
		html_printf(b, "<h3 style=\"%s\">", MAIL_H3);
		if (r->project_id != 0) {
			(void)snprintf(url, sizeof(url), "/projects/%lld",
			    (long long)r->project_id);
			mail_link(b, base, r->project_name, url);
			date_format(r->launch, day);
			html_printf(b, " <span style=\"%s\">launch %s</span>",
			    MAIL_MUTED, day);
		} else
			sbuf_str(b, "Across the portfolio");
		html_printf(b, "</h3>\n<ul style=\"%s\">\n", MAIL_UL);
		for (j = i, nn = 0; j < end; j += n) {
			n = 1;
			if (d->is_new[d->by_project[j]]) {
				nn++;
				continue;
			}
			n = box_line(d, j, end, &line);
			mail_risk(b, &line, d->asof, 0, base);
		}
		if (nn > 0)
			html_printf(b, "<li style=\"%s\">%zu new, listed above"
			    "</li>\n", MAIL_MUTED, nn);
		sbuf_str(b, "</ul>\n");
	}
	if (last < d->ngroups) {
		html_printf(b, "<p>%zu more project%s with open risks: ",
		    d->ngroups - last, d->ngroups - last == 1 ? "" : "s");
		(void)snprintf(url, sizeof(url), "/digest?week=%s&offset=%zu",
		    week, last);
		mail_link(b, base, "the rest of the digest", url);
		sbuf_str(b, ".</p>\n");
	}

	mail_h2(b, "Paused", d->npaused);
	if (d->npaused == 0)
		html_printf(b, "<p style=\"%s\">No project is paused.</p>\n",
		    MAIL_MUTED);
	else
		html_printf(b, "<ul style=\"%s\">\n", MAIL_UL);
	for (i = 0; i < d->npaused; i++) {
		(void)snprintf(url, sizeof(url), "/projects/%lld",
		    (long long)d->paused[i].id);
		date_format(d->paused[i].since, day);
		sbuf_str(b, "<li>");
		mail_link(b, base, d->paused[i].name, url);
		html_printf(b, ", paused since %s</li>\n", day);
	}
	if (d->npaused > 0)
		sbuf_str(b, "</ul>\n");
	html_printf(b, "<p style=\"%s\">You receive this because of your mail "
	    "preferences in handoff.</p>\n</body>\n</html>\n", MAIL_MUTED);
}

/* "handoff digest 2026-W48: 3 critical, 5 high, 2 new, 1 resolved" */
void
render_digest_subject(char *out, size_t len, const struct digest *d)
{
	char	week[ISOWEEK_LEN];

	isoweek_format(d->year, d->week, week);
	(void)snprintf(out, len, "handoff digest %s: %d critical, %d high, "
	    "%zu new, %zu resolved", week, d->counts[SEVERITY_CRITICAL],
	    d->counts[SEVERITY_HIGH], d->fresh.len, d->resolved.len);
}

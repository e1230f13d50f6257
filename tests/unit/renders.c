/*
 * renders: the outputs of the golden files (see renders.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "doc.h"
#include "render.h"
#include "renders.h"
#include "risk.h"

#define SECTION_END	"</section>\n"

static int	copy_fragment(struct sbuf *, const char *, const char *,
		    int);

/*
 * Copy from the first `from` in page to the end of the first (or, with
 * last, the last) SECTION_END after it.  -1 when there is none: the page
 * changed shape, and the golden file must say so.
 */
static int
copy_fragment(struct sbuf *out, const char *page, const char *from,
    int last)
{
	const char	*start, *end, *next;

	if ((start = strstr(page, from)) == NULL ||
	    (end = strstr(start, SECTION_END)) == NULL) {
		sbuf_printf(out, "(no \"%s\" section)\n", from);
		return (-1);
	}
	while (last && (next = strstr(end + 1, SECTION_END)) != NULL)
		end = next;
	sbuf_add(out, start, (size_t)(end - start) + strlen(SECTION_END));
	return (0);
}

int
renders_digests(struct sbuf *b, const struct portfolio *pf,
    const struct rcase_digest *digests, size_t n, int form)
{
	const char	*base = "https://handoff.example.com";
	struct page_ctx	 ctx;
	struct digest	 d;
	char		 week[ISOWEEK_LEN], today[DATE_LEN];
	size_t		 i;

	for (i = 0; i < n; i++) {
		isoweek_format(digests[i].year, digests[i].week, week);
		date_format(digests[i].today, today);
		sbuf_printf(b, "%s<!-- %s today=%s -->\n", i > 0 ? "\n" : "",
		    week, today);
		if (digest_build(pf, digests[i].year, digests[i].week,
		    digests[i].today, &d) == -1)
			return (-1);
		if (form == RENDERS_DIGEST_MD)
			render_digest_markdown(b, &d, base);
		else if (form == RENDERS_DIGEST_CHAT)
			render_digest_chat(b, &d, base);
		else {
			memset(&ctx, 0, sizeof(ctx));
			ctx.today = digests[i].today;
			ctx.csrf = "golden-csrf";
			ctx.user = "maya@example.com";
			ctx.role = "pm";
			ctx.access = PAGE_ACCESS_PM;
			ctx.can_write = 1;
			render_digest_page(b, &ctx, &d, 0);
		}
		digest_free(&d);
	}
	return (sbuf_failed(b) ? -1 : 0);
}

/* The portfolio's order (views.c), written again from the brief. */
static int
cmp_row(const void *a, const void *b)
{
	const struct portfolio_row	*x = a, *y = b;
	int				 s, c;

	/* A project ranks as its worst risk (risk_rank(), tested apart). */
	if (x->rank != y->rank)
		return (y->rank - x->rank);
	if (x->worst != y->worst)
		return (y->worst - x->worst);
	for (s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--) {
		if (x->counts[s] != y->counts[s])
			return (y->counts[s] - x->counts[s]);
	}
	if (x->launch != y->launch)
		return (x->launch < y->launch ? -1 : 1);
	if ((c = strcmp(x->name, y->name)) != 0)
		return (c);
	return ((x->id > y->id) - (x->id < y->id));
}

/* The rows of the active projects as the engine sees them on day. */
static struct portfolio_row *
engine_rows(const struct portfolio *pf, const struct risk_list *risks,
    day_t day, size_t *n)
{
	const struct project_version	*pv;
	const struct checkpoint_version	*cv;
	const struct project		*pr;
	const struct person		*pm;
	struct portfolio_row		*rows, *r;
	size_t				 i, j;

	*n = 0;
	if ((rows = calloc(pf->nprojects + 1, sizeof(*rows))) == NULL)
		return (NULL);
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		if ((pv = project_active_at(pr, day)) == NULL)
			continue;
		r = &rows[(*n)++];
		r->id = pr->id;
		r->name = pr->name;
		r->pm = (pm = facts_person(pf, pr->pm_id)) != NULL ?
		    pm->name : NULL;
		r->stage = pv->stage;
		r->status = pv->status;
		r->launch = pv->target_launch;
		r->next_due = DAY_NONE;
		for (j = 0; j < risks->len; j++) {
			if (risks->items[j].project_id == pr->id)
				r->counts[risks->items[j].severity]++;
		}
		for (r->worst = SEVERITY_CRITICAL; r->worst >= 0 &&
		    r->counts[r->worst] == 0; r->worst--)
			;
		r->rank = r->worst < 0 ? -1 : risk_rank((enum severity)
		    r->worst, risk_launch_days(r->launch, day));
		for (j = 0; j < pr->ncheckpoints; j++) {
			cv = checkpoint_at(&pr->checkpoints[j], day);
			if (cv == NULL || cv->deleted ||
			    cv->status == CHECKPOINT_DONE ||
			    cv->status == CHECKPOINT_WAIVED)
				continue;
			if (r->next_title == NULL || cv->due < r->next_due) {
				r->next_title = pr->checkpoints[j].title;
				r->next_due = cv->due;
				r->next_blocked =
				    cv->status == CHECKPOINT_BLOCKED;
			}
		}
	}
	if (*n > 1)
		qsort(rows, *n, sizeof(*rows), cmp_row);
	return (rows);
}

int
renders_portfolio(struct sbuf *b, const struct portfolio *pf, day_t day)
{
	struct page_ctx		 ctx;
	struct portfolio_filter	 any;
	struct portfolio_rows	 rows;
	struct risk_list	 risks, wide;
	struct sbuf		 page;
	size_t			 i;
	int			 rc;

	memset(&ctx, 0, sizeof(ctx));
	ctx.today = day;
	ctx.csrf = "golden-csrf";
	ctx.user = "maya@example.com";
	ctx.role = "pm";
	ctx.access = PAGE_ACCESS_PM;
	ctx.can_write = 1;
	any.pm = 0;
	any.stage = -1;
	any.severity = -1;
	any.status = PROJECT_ACTIVE;

	memset(&risks, 0, sizeof(risks));
	memset(&wide, 0, sizeof(wide));
	memset(&rows, 0, sizeof(rows));
	sbuf_init(&page);
	rc = -1;
	if (risk_compute(pf, day, 0, &risks) == -1)
		goto out;
	if ((rows.rows = engine_rows(pf, &risks, day, &rows.n)) == NULL)
		goto out;
	rows.total = rows.n;
	rows.limit = rows.n > 50 ? rows.n : 50;
	/* Portfolio-wide risks sort with the others: pick them out. */
	for (i = 0; i < risks.len; i++) {
		if (risks.items[i].project_id != 0)
			continue;
		risks.items[wide.len++] = risks.items[i];
	}
	wide.items = risks.items;
	rows.wide = &wide;
	/* As if the page listed all but two of them. */
	rows.nwide = wide.len > 0 ? wide.len + 2 : 0;
	render_portfolio_page(&page, &ctx, &rows, &any);
	if (sbuf_failed(&page))
		goto out;
	if (copy_fragment(b, sbuf_cstr(&page),
	    "<section aria-label=\"Projects\">", 1) == -1)
		goto out;
	rc = sbuf_failed(b) ? -1 : 0;
out:
	free(rows.rows);
	sbuf_free(&page);
	risk_list_free(&risks);
	return (rc);
}

day_t
renders_last_day(const struct rcase *c)
{
	day_t	d = DAY_NONE;
	size_t	i;

	for (i = 0; i < c->nchecks; i++) {
		if (d == DAY_NONE || c->checks[i].asof > d)
			d = c->checks[i].asof;
	}
	for (i = 0; i < c->ndigests; i++) {
		if (d == DAY_NONE || c->digests[i].today > d)
			d = c->digests[i].today;
	}
	return (d);
}

day_t
renders_today(json_t *fixture)
{
	return (doc_day(fixture, "today"));
}

int
renders_timeline(struct sbuf *b, json_t *fixture)
{
	render_timeline(b, doc_obj(fixture, "project"),
	    renders_today(fixture));
	return (sbuf_failed(b) ? -1 : 0);
}

int
renders_project(struct sbuf *b, json_t *fixture, int member)
{
	static const char *const sections[] = {
		"<section id=\"checkpoints\"", "<section id=\"ownership\"",
		"<section id=\"handoffs\"",
	};
	struct page_ctx	 ctx;
	struct sbuf	 page;
	size_t		 i;
	int		 rc;

	memset(&ctx, 0, sizeof(ctx));
	ctx.today = renders_today(fixture);
	ctx.csrf = "golden-csrf";
	ctx.user = member ? "ana@example.com" : "victor@example.com";
	ctx.role = member ? "member" : "viewer";
	ctx.access = member ? PAGE_ACCESS_MEMBER : PAGE_ACCESS_MEMBER - 1;
	ctx.can_write = member;

	sbuf_init(&page);
	render_project_page(&page, &ctx, doc_obj(fixture, "project"),
	    doc_obj(fixture, "people"), NULL, NULL, NULL, NULL);
	rc = -1;
	if (sbuf_failed(&page))
		goto out;
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		if (copy_fragment(b, sbuf_cstr(&page), sections[i], 0) == -1)
			goto out;
	}
	rc = sbuf_failed(b) ? -1 : 0;
out:
	sbuf_free(&page);
	return (rc);
}

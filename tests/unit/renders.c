/*
 * renders: the outputs of the golden files (see renders.h).
 */
#include <stdio.h>
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
    const struct rcase_digest *digests, size_t n)
{
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
		render_digest_markdown(b, &d);
		digest_free(&d);
	}
	return (sbuf_failed(b) ? -1 : 0);
}

int
renders_portfolio(struct sbuf *b, const struct portfolio *pf, day_t day)
{
	struct page_ctx		 ctx;
	struct portfolio_filter	 any;
	struct risk_list	 risks;
	struct sbuf		 page;
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

	memset(&risks, 0, sizeof(risks));
	sbuf_init(&page);
	rc = -1;
	if (risk_compute(pf, day, 0, &risks) == -1)
		goto out;
	render_portfolio_page(&page, &ctx, pf, &risks, &any);
	if (sbuf_failed(&page))
		goto out;
	if (copy_fragment(b, sbuf_cstr(&page),
	    "<section aria-label=\"Projects\">", 1) == -1)
		goto out;
	rc = sbuf_failed(b) ? -1 : 0;
out:
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
	    doc_obj(fixture, "people"), NULL, NULL, NULL);
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

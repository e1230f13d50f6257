/*
 * Unit tests: the weekly digest.
 *
 * Driven by the "digest" blocks of the case files in tests/unit/risk/:
 * each gives an ISO week and today, and the exact open risks (new or
 * not), resolved risks (with the day and the actor that ended them),
 * checkpoints due next week, counts and trend.  Invariants that hold for
 * every digest are checked on top.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "digest.h"
#include "facts.h"
#include "risk.h"
#include "riskcase.h"
#include "render.h"
#include "sbuf.h"

#define CASE_DIR	"tests/unit/risk"

static void	print_risk(const char *, const struct risk *, int);
static void	print_digest(const struct digest *);
static int	check_invariants(const struct portfolio *, const char *, int,
		    const struct digest *);
static int	check_grouping(const char *, int, const struct digest *);
static int	check_digest(const struct rcase *,
		    const struct rcase_digest *);
static int	check_case(const struct rcase *, void *);

static void
print_risk(const char *prefix, const struct risk *r, int is_new)
{
	char	since[DATE_LEN], on[DATE_LEN];

	date_format(r->since, since);
	if (r->resolved_on != DAY_NONE)
		date_format(r->resolved_on, on);
	else
		(void)snprintf(on, sizeof(on), "-");
	rcase_report("%s%s %s %lld %s %s since=%s resolved=%s by=%s\n",
	    prefix, risk_kind_key(r->kind), severity_key(r->severity),
	    (long long)r->project_id, r->subject, is_new ? "new" : "old",
	    since, on, r->resolved_by != NULL ? r->resolved_by : "-");
}

static void
print_digest(const struct digest *d)
{
	char	day[DATE_LEN];
	size_t	i;

	rcase_report("  open:\n");
	for (i = 0; i < d->open.len; i++)
		print_risk("    ", &d->open.items[i], d->is_new[i]);
	rcase_report("  resolved:\n");
	for (i = 0; i < d->resolved.len; i++)
		print_risk("    ", &d->resolved.items[i], 0);
	rcase_report("  due:\n");
	for (i = 0; i < d->ndue; i++) {
		date_format(d->due[i].due, day);
		rcase_report("    %lld %s\n",
		    (long long)d->due[i].checkpoint_id, day);
	}
	rcase_report("  counts critical=%d high=%d medium=%d low=%d\n",
	    d->counts[SEVERITY_CRITICAL], d->counts[SEVERITY_HIGH],
	    d->counts[SEVERITY_MEDIUM], d->counts[SEVERITY_LOW]);
	for (i = 0; i < DIGEST_TREND_WEEKS; i++) {
		date_format(d->trend[i].asof, day);
		rcase_report("  trend %04d-W%02d %s critical=%d high=%d "
		    "medium=%d low=%d\n", d->trend[i].year, d->trend[i].week,
		    day, d->trend[i].counts[SEVERITY_CRITICAL],
		    d->trend[i].counts[SEVERITY_HIGH],
		    d->trend[i].counts[SEVERITY_MEDIUM],
		    d->trend[i].counts[SEVERITY_LOW]);
	}
}

/*
 * True of every digest: the window, counts that tally the open list,
 * new exactly when not open the Sunday before, a trend of the eight
 * weeks before ending at prev_asof, and a resolution day from which the
 * risk stays gone (the day before it was open, but for overloads, whose
 * resolution is approximated).
 */
static int
check_invariants(const struct portfolio *pf, const char *name, int line,
    const struct digest *d)
{
	const struct risk	*r;
	int			 counts[SEVERITY_COUNT] = { 0 };
	int			 bad, i, year, week;
	size_t			 k;
	day_t			 t;

	bad = 0;
	if (date_weekday(d->monday) != 1 || d->sunday != d->monday + 6 ||
	    d->prev_asof != d->monday - 1 || d->asof < d->monday ||
	    d->asof > d->sunday) {
		rcase_report("%s:%d: bad window\n", name, line);
		bad++;
	}
	isoweek_of(d->monday, &year, &week);
	if (year != d->year || week != d->week) {
		rcase_report("%s:%d: monday not in the week\n", name,
		    line);
		bad++;
	}
	for (k = 0; k < d->open.len; k++) {
		r = &d->open.items[k];
		counts[r->severity]++;
		if (k + 1 < d->open.len && risk_order_cmp(r, r + 1) >= 0) {
			rcase_report("%s:%d: open not strictly ordered\n",
			    name, line);
			bad++;
		}
		if (d->is_new[k] != !rcase_open_on(pf, r, d->prev_asof, 0)) {
			rcase_report("%s:%d: is_new wrong\n", name,
			    line);
			bad++;
		}
	}
	if (memcmp(counts, d->counts, sizeof(counts)) != 0) {
		rcase_report("%s:%d: counts do not tally\n", name,
		    line);
		bad++;
	}
	for (i = 0; i < DIGEST_TREND_WEEKS; i++) {
		if (d->trend[i].asof != d->prev_asof -
		    7 * (DIGEST_TREND_WEEKS - 1 - i) ||
		    date_weekday(d->trend[i].asof) != 7) {
			rcase_report("%s:%d: trend %d on the wrong day\n",
			    name, line, i);
			bad++;
		}
	}
	for (k = 0; k < d->resolved.len; k++) {
		r = &d->resolved.items[k];
		if (!rcase_open_on(pf, r, d->prev_asof, 0) ||
		    rcase_open_on(pf, r, d->asof, 0)) {
			rcase_report("%s:%d: resolved but not resolved\n",
			    name, line);
			bad++;
		}
		if (r->resolved_on == DAY_NONE)
			continue;
		if (r->resolved_on <= d->prev_asof ||
		    r->resolved_on > d->asof) {
			rcase_report("%s:%d: resolved outside the week\n",
			    name, line);
			bad++;
			continue;
		}
		for (t = r->resolved_on; t <= d->asof; t++) {
			if (rcase_open_on(pf, r, t, 0)) {
				rcase_report("%s:%d: open again after its "
				    "resolution\n", name, line);
				bad++;
				break;
			}
		}
		if (r->kind != RISK_OVERLOADED_OWNER &&
		    !rcase_open_on(pf, r, r->resolved_on - 1, 0)) {
			rcase_report("%s:%d: already gone the day before its "
			    "resolution\n", name, line);
			bad++;
		}
	}
	return (bad + check_grouping(name, line, d));
}

/*
 * by_project against the obvious quadratic grouping: for each project in
 * the order of its first risk in open, its risks in open's order.
 */
static int
check_grouping(const char *name, int line, const struct digest *d)
{
	const struct risk	*o = d->open.items;
	size_t			 i, j, pos, end, g;
	int			 seen;

	pos = 0;
	for (i = 0; i < d->open.len; i++) {
		seen = 0;
		for (j = 0; j < i; j++)
			seen |= o[j].project_id == o[i].project_id;
		if (seen)
			continue;
		end = digest_group_end(d, pos);
		g = pos;
		for (j = i; j < d->open.len; j++) {
			if (o[j].project_id != o[i].project_id)
				continue;
			if (pos >= d->open.len || d->by_project[pos] != j) {
				rcase_report("%s:%d: open risk %zu out of its "
				    "project's group\n", name, line, j);
				return (1);
			}
			pos++;
		}
		if (end != pos) {
			rcase_report("%s:%d: group at %zu ends at %zu, not "
			    "%zu\n", name, line, g, end, pos);
			return (1);
		}
	}
	return (0);
}

static int
same_risk(const struct risk *r, const struct rcase_risk *x)
{
	return (r->kind == x->kind && r->project_id == x->project_id &&
	    strcmp(r->subject, x->subject) == 0);
}

/* Compare one digest block with digest_build(); the mismatches. */
static int
check_digest(const struct rcase *c, const struct rcase_digest *x)
{
	struct digest		 d;
	const struct rcase_risk	*e;
	const struct risk	*r;
	size_t			 i;
	int			 bad;

	if (digest_build(&c->pf, x->year, x->week, x->today, &d) == -1) {
		rcase_report("%s:%d: digest_build failed\n", c->name,
		    x->line);
		return (1);
	}
	bad = 0;
	if (x->has_span && (d.monday != x->monday || d.sunday != x->sunday ||
	    d.asof != x->asof || d.prev_asof != x->prev_asof)) {
		rcase_report("%s:%d: span differs\n", c->name, x->line);
		bad++;
	}

	if (d.open.len != x->nopen) {
		rcase_report("%s:%d: %zu open, expected %zu\n", c->name,
		    x->line, d.open.len, x->nopen);
		bad++;
	}
	for (i = 0; i < d.open.len && i < x->nopen; i++) {
		r = &d.open.items[i];
		e = &x->open[i];
		if (!same_risk(r, e) || r->severity != e->severity ||
		    d.is_new[i] != e->is_new ||
		    (e->since != DAY_NONE && r->since != e->since)) {
			rcase_report("%s:%d: open risk differs\n", c->name,
			    e->line);
			bad++;
		}
	}

	if (d.resolved.len != x->nresolved) {
		rcase_report("%s:%d: %zu resolved, expected %zu\n", c->name,
		    x->line, d.resolved.len, x->nresolved);
		bad++;
	}
	for (i = 0; i < d.resolved.len && i < x->nresolved; i++) {
		r = &d.resolved.items[i];
		e = &x->resolved[i];
		if (!same_risk(r, e) || r->resolved_on != e->resolved_on ||
		    (r->resolved_by != NULL) != e->has_resolved_by ||
		    (r->resolved_by != NULL &&
		    strcmp(r->resolved_by, e->resolved_by) != 0)) {
			rcase_report("%s:%d: resolved risk differs\n",
			    c->name, e->line);
			bad++;
		}
	}

	if (d.ndue != x->ndue) {
		rcase_report("%s:%d: %zu due, expected %zu\n", c->name,
		    x->line, d.ndue, x->ndue);
		bad++;
	}
	for (i = 0; i < d.ndue && i < x->ndue; i++) {
		if (d.due[i].checkpoint_id != x->due[i].checkpoint_id ||
		    d.due[i].due != x->due[i].due) {
			rcase_report("%s:%d: due differs\n", c->name,
			    x->due[i].line);
			bad++;
		}
	}

	if (x->has_counts && memcmp(d.counts, x->counts,
	    sizeof(d.counts)) != 0) {
		rcase_report("%s:%d: counts differ\n", c->name, x->line);
		bad++;
	}
	if (x->ntrend != 0 && x->ntrend != DIGEST_TREND_WEEKS) {
		rcase_report("%s:%d: give all %d trend weeks or none\n",
		    c->name, x->line, DIGEST_TREND_WEEKS);
		bad++;
	}
	for (i = 0; i < x->ntrend && i < DIGEST_TREND_WEEKS; i++) {
		if (d.trend[i].year != x->trend[i].year ||
		    d.trend[i].week != x->trend[i].week ||
		    d.trend[i].asof != x->trend[i].asof ||
		    memcmp(d.trend[i].counts, x->trend[i].counts,
		    sizeof(d.trend[i].counts)) != 0) {
			rcase_report("%s:%d: trend differs\n", c->name,
			    x->trend[i].line);
			bad++;
		}
	}

	if (d.year != x->year || d.week != x->week) {
		rcase_report("%s:%d: not the week asked for\n", c->name,
		    x->line);
		bad++;
	}
	bad += check_invariants(&c->pf, c->name, x->line, &d);
	if (bad > 0) {
		rcase_report("%s:%d: the digest was:\n", c->name, x->line);
		print_digest(&d);
	}
	digest_free(&d);
	return (bad);
}

/* Every digest block of a case file; the number of mismatches. */
static int
check_case(const struct rcase *c, void *ndigests)
{
	size_t	j;
	int	bad;

	bad = 0;
	for (j = 0; j < c->ndigests; j++) {
		bad += check_digest(c, &c->digests[j]);
		(*(int *)ndigests)++;
	}
	return (bad);
}

static void
test_case_files(void **state)
{
	int	ndigests;

	(void)state;
	ndigests = 0;
	assert_int_equal(rcase_run_dir(CASE_DIR, check_case, &ndigests), 0);
	assert_true(ndigests >= 6);
}

/*
 * Random portfolios (see rcase_random()): the invariants hold for every
 * week, including the new/resolved bookkeeping and resolution days.
 */
static void
test_random_portfolios(void **state)
{
	struct rcase	 c;
	struct digest	 d;
	day_t		 first, day;
	uint32_t	 seed;
	int		 bad, year, week;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	bad = 0;
	for (seed = 1; seed <= 60; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (day = first + 10; day < first + 180; day += 19) {
			isoweek_of(day, &year, &week);
			if (digest_build(&c.pf, year, week, day + 3, &d) == -1)
				fail_msg("digest_build failed");
			bad += check_invariants(&c.pf, c.name, 0, &d);
			digest_free(&d);
		}
		rcase_free(&c);
	}
	assert_int_equal(bad, 0);
}

/*
 * The action list follows the page (digest_actions()): after a page is
 * taken it holds exactly the critical and high risks of the page's
 * groups, in risk order, and nothing of a group left out.
 */
static void
test_actions_follow_the_page(void **state)
{
	struct rcase	 c;
	struct digest	 d;
	day_t		 first, day;
	uint32_t	 seed;
	size_t		 i, j, n, paged;
	int		 year, week;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	paged = 0;
	for (seed = 1; seed <= 60; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (day = first + 10; day < first + 180; day += 19) {
			isoweek_of(day, &year, &week);
			if (digest_build(&c.pf, year, week, day + 3, &d) == -1)
				fail_msg("digest_build failed");
			if (digest_page(&d, 1, 1) == -1)
				fail_msg("digest_page failed");
			for (i = 0, n = 0; i < d.open.len; i++)
				n += d.open.items[i].severity >= SEVERITY_HIGH;
			assert_int_equal(d.actions.len, n);
			for (i = 0; i < d.actions.len; i++) {
				const struct risk	*a;

				a = &d.actions.items[i];
				for (j = 0; j < d.open.len; j++)
					if (risk_identity_cmp(a,
					    &d.open.items[j]) == 0)
						break;
				assert_true(j < d.open.len);
				assert_true(i == 0 ||
				    risk_order_cmp(a - 1, a) <= 0);
			}
			paged += d.ngroups > 2;
			digest_free(&d);
		}
		rcase_free(&c);
	}
	/* Some digests had groups on either side of the page. */
	assert_true(paged > 0);
}

/* A base for the tests below: a checkpoint missed on 2026-03-04 (W10). */
static const char base_case[] =
    "project 1 \"Churn\" created=2026-02-01\n"
    "  v 2026-02-01 active data launch=2026-12-01\n"
    "  changes 2026-03-01 2026-03-10\n"
    "  checkpoint 12 \"Baseline results\" baseline\n"
    "    v 2026-02-01 pending due=2026-03-03\n"
    "    v 2026-03-11 done by=ana\n";

static void
test_checker_catches_mismatches(void **state)
{
	static const char *const checks[] = {
		/* Right, as a control. */
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-11 ana\n",
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-12 ana\n",
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-11 bob\n",
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-11 -\n",
		"digest 2026-W11 today=2026-03-20\n",
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-11 ana\n"
		"counts critical=0 high=0 medium=1 low=0\n",
		"digest 2026-W11 today=2026-03-20\n"
		"resolved missed_checkpoint 1 checkpoint/12 2026-03-11 ana\n"
		"due 12 2026-03-24\n",
		"digest 2026-W10 today=2026-03-20\n"
		"open missed_checkpoint medium 1 checkpoint/12 old\n",
		"digest 2026-W10 today=2026-03-20\n"
		"open missed_checkpoint high 1 checkpoint/12 new\n",
		"digest 2026-W10 today=2026-03-20\n"
		"span 2026-03-02 2026-03-08 2026-03-07 2026-03-01\n"
		"open missed_checkpoint medium 1 checkpoint/12 new\n",
	};
	struct rcase	 c;
	char		 text[2048], err[512];
	size_t		 i;
	int		 bad;

	(void)state;
	rcase_quiet = 1;
	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		(void)snprintf(text, sizeof(text), "%s%s", base_case,
		    checks[i]);
		if (rcase_parse("inline", text, &c, err, sizeof(err)) == -1)
			fail_msg("%s", err);
		assert_int_equal(c.ndigests, 1);
		bad = check_digest(&c, &c.digests[0]);
		if (i == 0)
			assert_int_equal(bad, 0);
		else if (bad == 0)
			fail_msg("check %zu passed", i);
		rcase_free(&c);
	}
	rcase_quiet = 0;
}

/* The grouping check fails when by_project is out of order. */
static void
test_grouping_check_can_fail(void **state)
{
	static const char two_projects[] =
	    "project 1 \"Churn\" created=2026-02-01\n"
	    "  v 2026-02-01 active data launch=2026-12-01\n"
	    "  checkpoint 12 \"Baseline results\" baseline\n"
	    "    v 2026-02-01 pending due=2026-03-03\n"
	    "project 2 \"Fraud\" created=2026-02-01\n"
	    "  v 2026-02-01 active data launch=2026-12-01\n"
	    "  checkpoint 13 \"Labels\" data\n"
	    "    v 2026-02-01 pending due=2026-03-04\n"
	    "digest 2026-W11 today=2026-03-12\n";	/* not checked here */
	struct rcase	 c;
	struct digest	 d;
	char		 err[512];
	size_t		 t;

	(void)state;
	if (rcase_parse("inline", two_projects, &c, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	assert_int_equal(digest_build(&c.pf, 2026, 11,
	    date_from_ymd(2026, 3, 12), &d), 0);
	assert_true(d.open.len >= 2);
	assert_int_equal(check_grouping("control", 0, &d), 0);

	rcase_quiet = 1;
	t = d.by_project[0];
	d.by_project[0] = d.by_project[d.open.len - 1];
	d.by_project[d.open.len - 1] = t;
	assert_int_equal(check_grouping("swapped", 0, &d), 1);
	rcase_quiet = 0;

	digest_free(&d);
	rcase_free(&c);
}

/*
 * digest_keep(): what is left of each random digest kept to one project
 * is exactly that project's part of it, counted again.
 */
static void
test_keep_one_project(void **state)
{
	struct rcase	 c;
	struct digest	 d;
	day_t		 first, day;
	uint32_t	 seed;
	int64_t		 id;
	size_t		 i, n, nnew, kept;
	int		 year, week, s, sum;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	kept = 0;
	for (seed = 1; seed <= 40; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (day = first + 10; day < first + 180; day += 19) {
			isoweek_of(day, &year, &week);
			if (digest_build(&c.pf, year, week, day + 3, &d) == -1)
				fail_msg("digest_build failed");
			id = d.open.len > 0 ? d.open.items[d.by_project[
			    d.open.len - 1]].project_id : 0;
			for (i = 0, n = 0, nnew = 0; i < d.open.len; i++) {
				if (id == 0 || d.open.items[i].project_id != id)
					continue;
				n++;
				nnew += d.is_new[i] != 0;
			}
			digest_keep(&d, &id, 1);
			assert_true(d.only_some);
			assert_int_equal(d.open.len, n);
			assert_true(d.ngroups == (n > 0));
			for (i = 0; i < d.open.len; i++) {
				assert_true(d.open.items[i].project_id == id);
				assert_int_equal(d.by_project[i], i);
				nnew -= d.is_new[i] != 0;
			}
			assert_int_equal(nnew, 0);
			for (i = 0; i < d.fresh.len; i++)
				assert_true(d.fresh.items[i].project_id == id);
			for (i = 0; i < d.resolved.len; i++)
				assert_true(d.resolved.items[i].project_id ==
				    id);
			for (i = 0; i < d.actions.len; i++)
				assert_true(d.actions.items[i].project_id ==
				    id);
			for (i = 0; i < d.ndue; i++)
				assert_true(d.due[i].project_id == id);
			for (i = 0; i < d.ndue_this; i++)
				assert_true(d.due_this[i].project_id == id);
			for (i = 0; i < d.npaused; i++)
				assert_true(d.paused[i].id == id);
			for (s = 0, sum = 0; s < SEVERITY_COUNT; s++)
				sum += d.counts[s];
			assert_int_equal(sum, (int)d.open.len);
			kept += n > 0;
			digest_free(&d);
		}
		rcase_free(&c);
	}
	assert_true(kept > 0);
}

/*
 * The email's HTML part: names escaped, whole links from the base (or
 * none), inline styles only, nothing that loads; kept to one project,
 * the other is gone and so is the trend.
 */
static void
test_mail_html(void **state)
{
	static const char two_projects[] =
	    "project 1 \"<script>alert(1)</script> & Churn\" "
	    "created=2026-02-01\n"
	    "  v 2026-02-01 active data launch=2026-12-01\n"
	    "  checkpoint 12 \"Baseline results\" baseline\n"
	    "    v 2026-02-01 pending due=2026-03-03\n"
	    "project 2 \"Fraud\" created=2026-02-01\n"
	    "  v 2026-02-01 active data launch=2026-12-01\n"
	    "  checkpoint 13 \"Labels\" data\n"
	    "    v 2026-02-01 pending due=2026-03-04\n"
	    "digest 2026-W11 today=2026-03-12\n";	/* not checked here */
	struct rcase	 c;
	struct digest	 d;
	struct sbuf	 b;
	char		 err[512], subject[160];
	const char	*h;
	int64_t		 one = 1;

	(void)state;
	if (rcase_parse("inline", two_projects, &c, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	assert_int_equal(digest_build(&c.pf, 2026, 11,
	    date_from_ymd(2026, 3, 12), &d), 0);

	sbuf_init(&b);
	render_digest_mail_html(&b, &d, "https://h.example");
	assert_false(sbuf_failed(&b));
	h = sbuf_cstr(&b);
	assert_null(strstr(h, "<script>"));
	assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt; "
	    "&amp; Churn"));
	assert_non_null(strstr(h, "href=\"https://h.example/projects/2\""));
	assert_non_null(strstr(h, "Fraud"));
	assert_null(strstr(h, "href=\"/"));
	assert_null(strstr(h, "<link"));
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "<style"));
	assert_null(strstr(h, "src="));
	assert_null(strstr(h, "class="));
	sbuf_free(&b);

	/* Without a base: no link at all. */
	sbuf_init(&b);
	render_digest_mail_html(&b, &d, NULL);
	assert_null(strstr(sbuf_cstr(&b), "href="));
	sbuf_free(&b);

	render_digest_subject(subject, sizeof(subject), &d);
	assert_non_null(strstr(subject, "handoff digest 2026-W11: "));

	digest_keep(&d, &one, 1);
	sbuf_init(&b);
	render_digest_mail_html(&b, &d, "https://h.example");
	assert_null(strstr(sbuf_cstr(&b), "Fraud"));
	assert_non_null(strstr(sbuf_cstr(&b), "Only the projects you lead"));
	sbuf_free(&b);
	sbuf_init(&b);
	render_digest_markdown(&b, &d, "https://h.example");
	assert_null(strstr(sbuf_cstr(&b), "Fraud"));
	assert_null(strstr(sbuf_cstr(&b), "## Trend"));
	sbuf_free(&b);

	digest_free(&d);
	rcase_free(&c);
}

/* Weeks that do not exist are refused and leave an empty digest. */
static void
test_rejects_missing_weeks(void **state)
{
	struct portfolio	pf;
	struct digest		d;
	day_t			today;

	(void)state;
	facts_init(&pf);
	facts_sort(&pf);
	today = date_from_ymd(2027, 6, 1);
	assert_int_equal(digest_build(&pf, 2026, 54, today, &d), -1);
	assert_null(d.open.items);
	assert_null(d.is_new);
	assert_int_equal(d.year, 0);
	assert_int_equal(digest_build(&pf, 2025, 53, today, &d), -1);
	assert_int_equal(digest_build(&pf, 2026, 0, today, &d), -1);
	assert_int_equal(digest_build(&pf, 2026, 53, today, &d), 0);
	assert_int_equal(d.monday, date_from_ymd(2026, 12, 28));
	assert_int_equal(d.asof, date_from_ymd(2027, 1, 3));
	assert_int_equal(d.open.len, 0);
	assert_int_equal(d.ndue, 0);
	digest_free(&d);
	digest_free(&d);	/* twice is harmless */
	facts_free(&pf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_files),
		cmocka_unit_test(test_random_portfolios),
		cmocka_unit_test(test_actions_follow_the_page),
		cmocka_unit_test(test_checker_catches_mismatches),
		cmocka_unit_test(test_grouping_check_can_fail),
		cmocka_unit_test(test_rejects_missing_weeks),
		cmocka_unit_test(test_keep_one_project),
		cmocka_unit_test(test_mail_html),
	};

	return (cmocka_run_group_tests_name("digest", tests, NULL, NULL));
}

/*
 * Unit tests: the ledger against the engine.
 *
 * The engine (risk_compute(), risk_resolve()) is the reference.  For every
 * case file and for random portfolios, the spans of ledger_all() must give
 * back, for every day checked, exactly the risks the engine computes for
 * that day (identity, severity, since, launch, sentence, everything a
 * renderer reads), and, for every week, the same resolutions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "facts.h"
#include "ledger.h"
#include "risk.h"
#include "riskcase.h"

#define CASE_DIR	"tests/unit/risk"

static int	same(const struct risk *, const struct risk *);
static int	compare_day(const struct portfolio *, const struct span_list *,
		    const char *, day_t);
static int	compare_week(const struct portfolio *,
		    const struct span_list *, const char *, day_t, day_t);
static int	compare_range(const struct portfolio *, const char *, day_t,
		    day_t, day_t);

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

/* Everything a reader of a risk sees. */
static int
same(const struct risk *a, const struct risk *b)
{
	return (a->kind == b->kind && a->severity == b->severity &&
	    a->project_id == b->project_id &&
	    same_str(a->project_name, b->project_name) &&
	    a->since == b->since && a->launch == b->launch &&
	    a->launch_days == b->launch_days &&
	    strcmp(a->subject, b->subject) == 0 &&
	    strcmp(a->message, b->message) == 0 &&
	    same_str(a->resp_key, b->resp_key) &&
	    same_str(a->resp_name, b->resp_name) && a->role == b->role &&
	    a->checkpoint_id == b->checkpoint_id &&
	    same_str(a->checkpoint_title, b->checkpoint_title) &&
	    a->handoff == b->handoff &&
	    same_str(a->handoff_name, b->handoff_name) &&
	    a->stage == b->stage && a->field == b->field &&
	    a->person_id == b->person_id &&
	    same_str(a->person_name, b->person_name));
}

static void
show(const char *prefix, const struct risk *r)
{
	char	since[DATE_LEN];

	date_format(r->since, since);
	rcase_report("%s%s %s %lld %s %s \"%s\"\n", prefix,
	    risk_kind_key(r->kind), severity_key(r->severity),
	    (long long)r->project_id, r->subject, since, r->message);
}

/* The engine's risks of day d and the ledger's: the number of misfits. */
static int
compare_day(const struct portfolio *pf, const struct span_list *spans,
    const char *name, day_t d)
{
	struct risk_list	 want, got;
	size_t			 i;
	int			 bad;
	char			 day[DATE_LEN];

	memset(&want, 0, sizeof(want));
	memset(&got, 0, sizeof(got));
	if (risk_compute(pf, d, 0, &want) == -1 ||
	    ledger_risks_at(spans, d, &got) == -1)
		fail_msg("out of memory");
	if (got.len > 1)
		qsort(got.items, got.len, sizeof(*got.items), risk_order_cmp);

	bad = 0;
	for (i = 0; i < want.len || i < got.len; i++) {
		if (i < want.len && i < got.len &&
		    same(&want.items[i], &got.items[i]))
			continue;
		date_format(d, day);
		rcase_report("%s: as of %s, risk %zu differs:\n", name, day,
		    i);
		if (i < want.len)
			show("    engine ", &want.items[i]);
		if (i < got.len)
			show("    ledger ", &got.items[i]);
		bad = 1;
		break;
	}
	risk_list_free(&want);
	risk_list_free(&got);
	return (bad);
}

/*
 * Open at the end of `before` and not at the end of asof: when and by
 * whom each stopped, from the facts and from the spans.
 */
static int
compare_week(const struct portfolio *pf, const struct span_list *spans,
    const char *name, day_t before, day_t asof)
{
	struct risk_list	 prev, now, gone, mine;
	size_t			 i, j;
	int			 bad, open;
	char			 day[DATE_LEN];

	memset(&prev, 0, sizeof(prev));
	memset(&now, 0, sizeof(now));
	memset(&gone, 0, sizeof(gone));
	if (risk_compute(pf, before, 0, &prev) == -1 ||
	    risk_compute(pf, asof, 0, &now) == -1)
		fail_msg("out of memory");
	for (i = 0; i < prev.len; i++) {
		for (j = 0, open = 0; j < now.len; j++)
			open |= risk_same(&prev.items[i], &now.items[j]);
		if (open)
			continue;
		prev.items[gone.len] = prev.items[i];
		gone.len++;
	}
	gone.items = prev.items;
	gone.cap = prev.cap;
	mine.len = mine.cap = gone.len;
	mine.items = gone.len > 0 ? calloc(gone.len, sizeof(*mine.items)) :
	    NULL;
	if (gone.len > 0 && mine.items == NULL)
		fail_msg("out of memory");
	if (gone.len > 0)
		memcpy(mine.items, gone.items, gone.len * sizeof(*mine.items));
	if (risk_resolve(pf, before, asof, &gone) == -1 ||
	    ledger_resolve(spans, before, asof, &mine) == -1)
		fail_msg("out of memory");

	bad = 0;
	for (i = 0; i < gone.len; i++) {
		if (gone.items[i].resolved_on == mine.items[i].resolved_on &&
		    same_str(gone.items[i].resolved_by,
		    mine.items[i].resolved_by))
			continue;
		date_format(asof, day);
		rcase_report("%s: week to %s, resolution differs for %s %s "
		    "(%d vs %d, %s vs %s)\n", name, day,
		    risk_kind_key(gone.items[i].kind), gone.items[i].subject,
		    gone.items[i].resolved_on, mine.items[i].resolved_on,
		    gone.items[i].resolved_by != NULL ?
		    gone.items[i].resolved_by : "-",
		    mine.items[i].resolved_by != NULL ?
		    mine.items[i].resolved_by : "-");
		bad = 1;
	}
	free(mine.items);
	risk_list_free(&prev);
	risk_list_free(&now);
	return (bad);
}

/* Every day of [from, to] by step, and the weeks ending on them. */
static int
compare_range(const struct portfolio *pf, const char *name, day_t from,
    day_t to, day_t step)
{
	struct span_list	spans;
	day_t			d;
	int			bad;

	memset(&spans, 0, sizeof(spans));
	if (ledger_all(pf, &spans) == -1)
		fail_msg("out of memory");
	bad = 0;
	for (d = from; d <= to && bad < 3; d += step) {
		bad += compare_day(pf, &spans, name, d);
		bad += compare_week(pf, &spans, name, d - 7, d);
	}
	ledger_free(&spans);
	return (bad);
}

/* Every day from 40 days before the first check to 60 after the last. */
static int
check_case(const struct rcase *c, void *ndays)
{
	day_t	lo, hi;
	size_t	i;

	if (c->nchecks == 0 && c->ndigests == 0)
		return (0);
	lo = DAY_NONE;
	hi = DAY_NONE;
	for (i = 0; i < c->nchecks; i++) {
		if (lo == DAY_NONE || c->checks[i].asof < lo)
			lo = c->checks[i].asof;
		if (hi == DAY_NONE || c->checks[i].asof > hi)
			hi = c->checks[i].asof;
	}
	for (i = 0; i < c->ndigests; i++) {
		if (lo == DAY_NONE || c->digests[i].today - 70 < lo)
			lo = c->digests[i].today - 70;
		if (hi == DAY_NONE || c->digests[i].today > hi)
			hi = c->digests[i].today;
	}
	*(int *)ndays += (int)(hi - lo + 101);
	return (compare_range(&c->pf, c->name, lo - 40, hi + 60, 1));
}

static void
test_case_files(void **state)
{
	int	ndays;

	(void)state;
	ndays = 0;
	assert_int_equal(rcase_run_dir(CASE_DIR, check_case, &ndays), 0);
	assert_true(ndays >= 1000);
}

/* Random portfolios: every day of their 150 and beyond, both ways. */
static void
test_random_portfolios(void **state)
{
	struct rcase	c;
	day_t		first;
	uint32_t	seed;
	int		bad;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	bad = 0;
	for (seed = 1; seed <= 300 && bad == 0; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		bad += compare_range(&c.pf, c.name, first - 20, first + 400,
		    1 + (day_t)(seed % 3));
		rcase_free(&c);
	}
	assert_int_equal(bad, 0);
}

/*
 * A project's profile on day d against the engine's risks of that day:
 * counts by severity, worst, latest launch, the first in risk order.
 * Returns the number of misfits (0 or 1).
 */
static int
compare_profile(const struct portfolio *pf, const struct project *pr,
    const struct profile_list *prof, day_t d)
{
	const struct profile_row	*row;
	struct risk_list		 risks;
	const struct risk		*first;
	int				 counts[SEVERITY_COUNT], worst;
	day_t				 launch;
	size_t				 i;
	char				 day[DATE_LEN];

	memset(&risks, 0, sizeof(risks));
	if (risk_compute_project(pf, d, pr->id, &risks) == -1)
		fail_msg("out of memory");
	risk_count(&risks, counts);
	worst = -1;
	launch = DAY_NONE;
	first = NULL;
	for (i = 0; i < risks.len; i++) {
		if ((int)risks.items[i].severity > worst)
			worst = (int)risks.items[i].severity;
		if (risks.items[i].launch != DAY_NONE &&
		    (launch == DAY_NONE || risks.items[i].launch > launch))
			launch = risks.items[i].launch;
		if (first == NULL || risks.items[i].severity >
		    first->severity || (risks.items[i].severity ==
		    first->severity && (risks.items[i].kind < first->kind ||
		    (risks.items[i].kind == first->kind &&
		    strcmp(risks.items[i].subject, first->subject) < 0))))
			first = &risks.items[i];
	}
	row = NULL;
	for (i = 0; i < prof->len; i++) {
		if (prof->items[i].from <= d && (prof->items[i].to ==
		    DAY_NONE || d < prof->items[i].to))
			row = &prof->items[i];
	}
	date_format(d, day);
	if (first == NULL ? row != NULL : row == NULL ||
	    memcmp(row->counts, counts, sizeof(counts)) != 0 ||
	    row->worst != worst || row->launch != launch ||
	    row->first->kind != first->kind ||
	    strcmp(row->first->subject, first->subject) != 0) {
		rcase_report("project %lld, %s: the profile says %s, the "
		    "engine %zu risks\n", (long long)pr->id, day,
		    row == NULL ? "none" : "otherwise", risks.len);
		risk_list_free(&risks);
		return (1);
	}
	risk_list_free(&risks);
	return (0);
}

/* Random portfolios: each project's profile, every day of 300. */
static void
test_random_profiles(void **state)
{
	struct rcase		 c;
	struct span_list	 spans;
	struct profile_list	 prof;
	day_t			 first, d;
	size_t			 i, rows;
	uint32_t		 seed;
	int			 bad;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	memset(&prof, 0, sizeof(prof));
	bad = 0;
	rows = 0;
	for (seed = 1; seed <= 100 && bad == 0; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (i = 0; i < c.pf.nprojects && bad == 0; i++) {
			memset(&spans, 0, sizeof(spans));
			if (ledger_project(&c.pf, &c.pf.projects[i],
			    &spans) == -1 || ledger_profile(&spans,
			    &prof) == -1)
				fail_msg("out of memory");
			rows += prof.len;
			for (d = first - 20; d <= first + 300 && bad == 0;
			    d += 1 + (day_t)(seed % 2))
				bad += compare_profile(&c.pf,
				    &c.pf.projects[i], &prof, d);
			ledger_free(&spans);
		}
		rcase_free(&c);
	}
	ledger_profile_free(&prof);
	assert_int_equal(bad, 0);
	assert_true(rows > 1000);
}

/* How many of a project's holder runs put a person on a day. */
static int
holder_runs(const struct holder_list *h, int64_t person, day_t d)
{
	const struct holder_span	*x;
	size_t				 k;
	int				 n;

	for (k = 0, n = 0; k < h->len; k++) {
		x = &h->items[k];
		n += x->person_id == person && x->from <= d &&
		    (x->to == DAY_NONE || d < x->to);
	}
	return (n);
}

/* Random portfolios: who holds a box of each project, every day of 300. */
static void
test_random_holders(void **state)
{
	struct rcase		 c;
	struct holder_list	 h;
	const struct project	*pr;
	day_t			 first, d;
	size_t			 i, j, runs;
	int64_t			 who;
	uint32_t		 seed;
	int			 bad, want, got;
	char			 day[DATE_LEN];

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	memset(&h, 0, sizeof(h));
	bad = 0;
	runs = 0;
	for (seed = 1; seed <= 100 && bad == 0; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (i = 0; i < c.pf.nprojects && bad == 0; i++) {
			pr = &c.pf.projects[i];
			if (ledger_holders(pr, &h) == -1)
				fail_msg("out of memory");
			runs += h.len;
			for (d = first - 40; d <= first + 300 && bad == 0;
			    d++) {
				for (j = 0; j < c.pf.npeople; j++) {
					who = c.pf.people[j].id;
					want = risk_involved(pr, who, d);
					got = holder_runs(&h, who, d);
					if (got != want) {
						date_format(d, day);
						rcase_report("seed %u project "
						    "%lld person %lld %s: %d "
						    "runs, involved %d\n", seed,
						    (long long)pr->id,
						    (long long)who, day, got,
						    want);
						bad++;
						break;
					}
				}
			}
		}
		rcase_free(&c);
	}
	ledger_holders_free(&h);
	assert_int_equal(bad, 0);
	assert_true(runs > 200);
}

/* The comparison itself must see a difference. */
static void
test_comparison_can_fail(void **state)
{
	struct rcase		 c;
	struct span_list	 spans;
	struct risk_span	*sp;
	char			 err[256];
	day_t			 d;
	size_t			 i;
	static const char	 text[] =
	    "project 1 \"Churn\" created=2026-03-01\n"
	    "  v 2026-03-01 active data launch=2026-12-01\n"
	    "  checkpoint 12 \"Baseline results\" baseline\n"
	    "    v 2026-03-01 pending due=2026-04-01\n"
	    "asof 2026-04-11\n";

	(void)state;
	if (rcase_parse("inline", text, &c, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	memset(&spans, 0, sizeof(spans));
	assert_int_equal(ledger_all(&c.pf, &spans), 0);
	d = date_from_ymd(2026, 4, 11);
	assert_int_equal(compare_day(&c.pf, &spans, "inline", d), 0);

	/* The missed checkpoint's span of that day. */
	for (i = 0; i < spans.len; i++) {
		if (spans.items[i].r.kind == RISK_MISSED_CHECKPOINT &&
		    ledger_covers(&spans.items[i], d))
			break;
	}
	assert_true(i < spans.len);
	sp = &spans.items[i];
	assert_int_equal(sp->r.severity, SEVERITY_HIGH);

	/* A since, a severity, a field and a span cut short are each seen. */
	rcase_quiet = 1;
	sp->r.since++;
	assert_int_equal(compare_day(&c.pf, &spans, "inline", d), 1);
	sp->r.since--;
	sp->r.severity = SEVERITY_CRITICAL;
	assert_int_equal(compare_day(&c.pf, &spans, "inline", d), 1);
	sp->r.severity = SEVERITY_HIGH;
	sp->r.ref_day--;
	assert_int_equal(compare_day(&c.pf, &spans, "inline", d), 1);
	sp->r.ref_day++;
	sp->to = d;
	assert_int_equal(compare_day(&c.pf, &spans, "inline", d), 1);
	rcase_quiet = 0;

	ledger_free(&spans);
	rcase_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_files),
		cmocka_unit_test(test_random_portfolios),
		cmocka_unit_test(test_random_profiles),
		cmocka_unit_test(test_random_holders),
		cmocka_unit_test(test_comparison_can_fail),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

/*
 * Unit tests: the risk engine.
 *
 * The rules are tested by the case files in tests/unit/risk/ (format in
 * its README): each "asof" block lists the exact risks, in order, that
 * risk_compute() must return on that day.  On top of what the files say,
 * every computed list is checked for properties the rules promise: the
 * order is strict (so it is fully deterministic), identities are unique,
 * and "since" really starts the run in which the risk holds.
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
#include "risk.h"
#include "riskcase.h"

#define CASE_DIR	"tests/unit/risk"

/* Checking "since" day by day is cheap, but not over decades. */
#define SINCE_SPAN_MAX	1000

static void	print_risk(const char *, const struct risk *);
static int	want_kind(const struct rcase_check *, const struct risk *);
static int	check_asof(const struct rcase *, const struct rcase_check *);
static int	open_throughout(const struct portfolio *, const struct risk *,
		    day_t, day_t, int);
static int	check_properties(const struct portfolio *, const char *,
		    day_t, int);
static int	check_case(const struct rcase *, void *);

static void
print_risk(const char *prefix, const struct risk *r)
{
	char	since[DATE_LEN];

	date_format(r->since, since);
	rcase_report("%s%s %s %lld %s %s \"%s\"\n", prefix,
	    risk_kind_key(r->kind), severity_key(r->severity),
	    (long long)r->project_id, r->subject, since, r->message);
}

static int
want_kind(const struct rcase_check *ch, const struct risk *r)
{
	return (ch->kinds == 0 || (ch->kinds & (1u << r->kind)) != 0);
}

/* Compare one asof block with the engine; the number of mismatches. */
static int
check_asof(const struct rcase *c, const struct rcase_check *ch)
{
	struct risk_list		 l;
	const struct rcase_risk		*x;
	const struct risk		*r;
	size_t				 i, k;
	int				 bad;
	char				 day[DATE_LEN];

	memset(&l, 0, sizeof(l));
	if (risk_compute(&c->pf, ch->asof, ch->only_project, &l) == -1) {
		rcase_report("%s:%d: risk_compute failed\n", c->name,
		    ch->line);
		return (1);
	}

	bad = 0;
	k = 0;
	for (i = 0; i < l.len; i++) {
		r = &l.items[i];
		if (!want_kind(ch, r))
			continue;
		if (k == ch->nrisks) {
			rcase_report("%s:%d: unexpected risk\n", c->name,
			    ch->line);
			print_risk("    got      ", r);
			bad++;
			continue;
		}
		x = &ch->risks[k++];
		if (r->kind != x->kind || r->severity != x->severity ||
		    r->project_id != x->project_id ||
		    strcmp(r->subject, x->subject) != 0 ||
		    r->since != x->since ||
		    strstr(r->message, x->message) == NULL) {
			date_format(x->since, day);
			rcase_report("%s:%d: mismatch\n", c->name, x->line);
			rcase_report("    expected %s %s %lld %s %s \"%s\"\n",
			    risk_kind_key(x->kind), severity_key(x->severity),
			    (long long)x->project_id, x->subject, day,
			    x->message);
			print_risk("    got      ", r);
			bad++;
		}
	}
	for (; k < ch->nrisks; k++) {
		rcase_report("%s:%d: expected risk missing\n", c->name,
		    ch->risks[k].line);
		bad++;
	}
	if (bad > 0) {
		date_format(ch->asof, day);
		rcase_report("%s:%d: all risks as of %s:\n", c->name,
		    ch->line, day);
		for (i = 0; i < l.len; i++)
			print_risk("    ", &l.items[i]);
	}
	risk_list_free(&l);
	return (bad);
}

/*
 * Is the risk open on every day from `from` to `to`?  Sampled: only the
 * ends and a few days between.
 */
static int
open_throughout(const struct portfolio *pf, const struct risk *r,
    day_t from, day_t to, int sampled)
{
	day_t	d, step;

	step = sampled && to - from > 8 ? (to - from) / 4 : 1;
	for (d = from; d < to; d += step) {
		if (!rcase_open_on(pf, r, d, r->project_id))
			return (0);
	}
	return (rcase_open_on(pf, r, to, r->project_id));
}

/*
 * What every list must satisfy: a strict order (no two risks compare
 * equal, so qsort's instability cannot show), unique identities, a
 * message, and a "since" that starts the run: the risk is open on every
 * day from since to asof and not the day before.
 */
static int
check_properties(const struct portfolio *pf, const char *name, day_t asof,
    int sampled)
{
	struct risk_list	 l;
	const struct risk	*r;
	size_t			 i, j;
	day_t			 from;
	int			 bad;
	char			 day[DATE_LEN];

	memset(&l, 0, sizeof(l));
	if (risk_compute(pf, asof, 0, &l) == -1)
		fail_msg("risk_compute failed");
	bad = 0;
	date_format(asof, day);
	for (i = 0; i < l.len; i++) {
		r = &l.items[i];
		if (i + 1 < l.len && risk_order_cmp(r, r + 1) >= 0) {
			rcase_report("%s: as of %s, not strictly ordered:\n",
			    name, day);
			print_risk("    ", r);
			print_risk("    ", r + 1);
			bad++;
		}
		for (j = i + 1; j < l.len; j++) {
			if (risk_same(r, &l.items[j])) {
				rcase_report("%s: as of %s, identity twice\n",
				    name, day);
				print_risk("    ", r);
				bad++;
			}
		}
		if (r->message[0] == '\0' || r->since == DAY_NONE ||
		    r->since > asof) {
			rcase_report("%s: as of %s, no message or a bad "
			    "since\n", name, day);
			print_risk("    ", r);
			bad++;
			continue;
		}
		from = asof - r->since > SINCE_SPAN_MAX ?
		    asof - SINCE_SPAN_MAX : r->since;
		if (!open_throughout(pf, r, from, asof, sampled)) {
			rcase_report("%s: as of %s, not open throughout its "
			    "run:\n", name, day);
			print_risk("    ", r);
			bad++;
		}
		if (rcase_open_on(pf, r, r->since - 1, r->project_id)) {
			rcase_report("%s: as of %s, already open the day "
			    "before since:\n", name, day);
			print_risk("    ", r);
			bad++;
		}
	}
	risk_list_free(&l);
	return (bad);
}

/* Every asof block of a case file; the number of mismatches. */
static int
check_case(const struct rcase *c, void *nchecks)
{
	size_t	j;
	int	bad;

	bad = 0;
	for (j = 0; j < c->nchecks; j++) {
		bad += check_asof(c, &c->checks[j]);
		bad += check_properties(&c->pf, c->name, c->checks[j].asof, 0);
		(*(int *)nchecks)++;
	}
	return (bad);
}

static void
test_case_files(void **state)
{
	int	nchecks;

	(void)state;
	nchecks = 0;
	assert_int_equal(rcase_run_dir(CASE_DIR, check_case, &nchecks), 0);
	/* A directory that lost its files must not pass quietly. */
	assert_true(nchecks >= 50);
}

/*
 * Random portfolios, with versions recorded out of date order: the
 * properties hold on every day checked, and nothing crashes, leaks or
 * loops (the sanitizer build runs this too).
 */
static void
test_random_portfolios(void **state)
{
	struct rcase	c;
	day_t		first, d;
	uint32_t	seed;
	int		bad;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	bad = 0;
	for (seed = 1; seed <= 150; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		for (d = first; d < first + 180; d += 23 + (day_t)(seed % 7))
			bad += check_properties(&c.pf, c.name, d, 1);
		rcase_free(&c);
	}
	assert_int_equal(bad, 0);
}

/* A base for the tests below: one missed checkpoint, 10 days overdue. */
static const char base_case[] =
    "project 1 \"Churn\" created=2026-03-01\n"
    "  v 2026-03-01 active data launch=2026-12-01\n"
    "  changes 2026-03-20 2026-04-05\n"
    "  checkpoint 12 \"Baseline results\" baseline\n"
    "    v 2026-03-01 pending due=2026-04-01\n";

/* The checker itself must catch every kind of difference. */
static void
test_checker_catches_mismatches(void **state)
{
	static const char *const checks[] = {
		/* Right, as a control. */
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 1 checkpoint/12 2026-04-02 "
		"\"is 10 days overdue\"\n",
		/* Wrong severity, since, subject, project, message. */
		"asof 2026-04-11\n"
		"expect missed_checkpoint medium 1 checkpoint/12 2026-04-02\n",
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 1 checkpoint/12 2026-04-03\n",
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 1 checkpoint/13 2026-04-02\n",
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 2 checkpoint/12 2026-04-02\n",
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 1 checkpoint/12 2026-04-02 "
		"\"11 days\"\n",
		/* Missing, extra, wrong kind. */
		"asof 2026-04-11\n",
		"asof 2026-04-11\n"
		"expect missed_checkpoint high 1 checkpoint/12 2026-04-02\n"
		"expect stale_project low 1 project 2026-04-02\n",
		"asof 2026-04-11\n"
		"expect blocked_checkpoint high 1 checkpoint/12 2026-04-02\n",
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
		assert_int_equal(c.nchecks, 1);
		bad = check_asof(&c, &c.checks[0]);
		if (i == 0)
			assert_int_equal(bad, 0);
		else
			assert_true(bad > 0);
		rcase_free(&c);
	}
	rcase_quiet = 0;
}

/* A typo in a case file is an error with its line, never a pass. */
static void
test_parser_rejects_mistakes(void **state)
{
	static const struct {
		const char	*text;
		const char	*err;
	} bad[] = {
		{ "", "no asof or digest" },
		{ "project 1 \"x\" created=2026-03-01\n", "no asof" },
		{ "project 1 \"x\" created=2026-02-30\nasof 2026-03-01\n",
		    "inline:1: bad date" },
		{ "project 1 \"x\"\nasof 2026-03-01\n", "inline:1:" },
		{ "project 1 \"x\" created=2026-03-01\n"
		    "  v 2026-03-01 active sideways launch=2026-04-01\n"
		    "asof 2026-03-01\n", "inline:2: project version: unknown" },
		{ "project 1 \"x\" created=2026-03-01\n"
		    "  v 2026-03-01 active\nasof 2026-03-01\n",
		    "inline:2: project version: launch=" },
		{ "asof 2026-03-01\nexpect missed_checkpoint urgent 1 "
		    "checkpoint/1 2026-03-01\n", "inline:2: unknown severity" },
		{ "asof 2026-03-01\nexpect missed 1 high checkpoint/1 "
		    "2026-03-01\n", "inline:2: unknown risk kind" },
		{ "asof 2026-03-01\nexpect missed_checkpoint high 1 "
		    "checkpoint/1\n", "inline:2: expect: SINCE" },
		{ "asof 2026-03-01\nproject 1 \"x\" created=2026-03-01\n",
		    "inline:2: project: facts go before" },
		{ "expect stale_project low 1 project 2026-03-01\n",
		    "inline:1: expect: not inside" },
		{ "cell ds 2026-03-01 7\nasof 2026-03-01\n",
		    "inline:1: cell: not inside a project" },
		{ "v 2026-03-01 active\nasof 2026-03-01\n", "inline:1: v:" },
		{ "person 7 \"Dana\nasof 2026-03-01\n", "unterminated" },
		{ "digest 2026-W54 today=2026-12-01\n", "bad ISO week" },
		{ "digest 2026-W10 today=2026-03-10\ncounts high=1\n",
		    "inline:2: counts:" },
		{ "asof 2026-03-01+x\n", "bad date offset" },
		{ "frobnicate\n", "inline:1: unknown keyword" },
	};
	struct rcase	c;
	char		err[512];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (rcase_parse("inline", bad[i].text, &c, err,
		    sizeof(err)) != -1)
			fail_msg("accepted case %zu", i);
		if (strstr(err, bad[i].err) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err,
			    bad[i].err);
	}
}

/* Identity ignores date and severity; it tells kinds and projects apart. */
static void
test_identity_is_stable(void **state)
{
	struct rcase		 c;
	struct risk_list	 early, late;
	char			 text[2048], err[512];

	(void)state;
	(void)snprintf(text, sizeof(text), "%s%s", base_case,
	    "    v 2026-04-20 blocked\n"
	    "asof 2026-04-02\n"
	    "expect missed_checkpoint medium 1 checkpoint/12 2026-04-02\n");
	if (rcase_parse("inline", text, &c, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	memset(&early, 0, sizeof(early));
	memset(&late, 0, sizeof(late));
	assert_int_equal(risk_compute(&c.pf, date_from_ymd(2026, 4, 2), 0,
	    &early), 0);
	assert_int_equal(risk_compute(&c.pf, date_from_ymd(2026, 4, 25), 0,
	    &late), 0);
	assert_int_equal(early.len, 1);
	assert_int_equal(late.len, 2);	/* missed, critical now; blocked */
	assert_int_equal(late.items[0].severity, SEVERITY_CRITICAL);
	assert_true(risk_same(&early.items[0], &late.items[0]));
	assert_int_equal(risk_identity_cmp(&early.items[0], &late.items[0]),
	    0);
	assert_false(risk_same(&late.items[0], &late.items[1]));
	assert_string_equal(late.items[0].subject, late.items[1].subject);
	late.items[1].kind = late.items[0].kind;
	late.items[1].project_id = 2;
	assert_false(risk_same(&late.items[0], &late.items[1]));

	/* The same day twice gives the same list, byte for byte. */
	risk_list_free(&early);
	assert_int_equal(risk_compute(&c.pf, date_from_ymd(2026, 4, 25), 0,
	    &early), 0);
	late.items[1].kind = RISK_BLOCKED_CHECKPOINT;
	late.items[1].project_id = 1;
	assert_int_equal(early.len, late.len);
	assert_memory_equal(early.items, late.items,
	    late.len * sizeof(*late.items));

	/* Appending to a list keeps what was there. */
	assert_int_equal(risk_compute(&c.pf, date_from_ymd(2026, 4, 2), 0,
	    &early), 0);
	assert_int_equal(early.len, 3);
	risk_list_free(&early);
	risk_list_free(&late);
	assert_null(late.items);
	assert_int_equal(late.len, 0);
	rcase_free(&c);
}

static void
test_keys_round_trip(void **state)
{
	enum risk_kind	k;
	enum severity	s;
	int		i;

	(void)state;
	for (i = 0; i < RISK_KIND_COUNT; i++) {
		assert_int_equal(risk_kind_from_key(risk_kind_key(
		    (enum risk_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	for (i = 0; i < SEVERITY_COUNT; i++) {
		assert_int_equal(severity_from_key(severity_key(
		    (enum severity)i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_string_equal(risk_kind_key(RISK_HANDOFF_NOT_ACCEPTED),
	    "handoff_not_accepted");
	assert_string_equal(severity_key(SEVERITY_CRITICAL), "critical");
	assert_true(SEVERITY_LOW < SEVERITY_MEDIUM &&
	    SEVERITY_MEDIUM < SEVERITY_HIGH &&
	    SEVERITY_HIGH < SEVERITY_CRITICAL);
	assert_string_equal(risk_kind_key(RISK_KIND_COUNT), "?");
	assert_int_equal(risk_kind_from_key("missed", &k), -1);
	assert_int_equal(severity_from_key("Critical", &s), -1);
}

/* An empty portfolio has no risks, and that is not an error. */
static void
test_empty_portfolio(void **state)
{
	struct portfolio	pf;
	struct risk_list	l;

	(void)state;
	facts_init(&pf);
	facts_sort(&pf);
	memset(&l, 0, sizeof(l));
	assert_int_equal(risk_compute(&pf, date_from_ymd(2026, 1, 1), 0, &l),
	    0);
	assert_int_equal(l.len, 0);
	assert_int_equal(risk_resolve(&pf, date_from_ymd(2025, 12, 25),
	    date_from_ymd(2026, 1, 1), &l), 0);
	risk_list_free(&l);
	facts_free(&pf);
}

/* Counts by severity; a severity out of range is skipped, not written. */
static void
test_count_by_severity(void **state)
{
	struct risk		items[5];
	struct risk_list	l;
	int			counts[SEVERITY_COUNT + 1];

	(void)state;
	memset(items, 0, sizeof(items));
	items[0].severity = SEVERITY_CRITICAL;
	items[1].severity = SEVERITY_LOW;
	items[2].severity = SEVERITY_CRITICAL;
	items[3].severity = SEVERITY_MEDIUM;
	items[4].severity = SEVERITY_COUNT;
	l.items = items;
	l.len = l.cap = 5;
	counts[SEVERITY_COUNT] = -7;
	risk_count(&l, counts);
	assert_int_equal(counts[SEVERITY_LOW], 1);
	assert_int_equal(counts[SEVERITY_MEDIUM], 1);
	assert_int_equal(counts[SEVERITY_HIGH], 0);
	assert_int_equal(counts[SEVERITY_CRITICAL], 2);
	assert_int_equal(counts[SEVERITY_COUNT], -7);

	l.len = 0;
	risk_count(&l, counts);
	assert_int_equal(counts[SEVERITY_CRITICAL], 0);
}

/* Active on d: created by then, a version in effect, and status active. */
static void
test_project_active_at(void **state)
{
	struct portfolio	 pf;
	struct project_version	 pv;
	struct project		*pr;
	day_t			 d;

	(void)state;
	d = date_from_ymd(2026, 3, 10);
	facts_init(&pf);
	pr = facts_add_project(&pf, 1, "Churn", 0, d, d);
	assert_non_null(pr);
	assert_null(project_active_at(pr, d));	/* no version yet */

	memset(&pv, 0, sizeof(pv));
	pv.v.seq = 1;
	pv.v.on = d - 5;	/* dated before creation */
	pv.v.actor = "ana";
	pv.status = PROJECT_ACTIVE;
	pv.target_launch = DAY_NONE;
	facts_project_version(&pf, pr, &pv);
	pv.v.seq = 2;
	pv.v.on = d + 7;
	pv.status = PROJECT_PAUSED;
	facts_project_version(&pf, pr, &pv);
	assert_false(facts_failed(&pf));
	facts_sort(&pf);
	pr = &pf.projects[0];

	assert_null(project_active_at(pr, d - 1));
	assert_ptr_equal(project_active_at(pr, d), &pr->versions[0]);
	assert_ptr_equal(project_active_at(pr, d + 6), &pr->versions[0]);
	assert_null(project_active_at(pr, d + 7));
	facts_free(&pf);
}


/*
 * The ranking rule at its edges: 14 days is near, 15 is not; 42 is soon,
 * 43 is far; a launch reached or past is near; none is far.  And the
 * properties the README promises: a nearer launch never ranks lower, a
 * worse severity never ranks lower, and a high risk a week out ranks
 * above a critical one three months out.
 */
static void
test_rank_rule(void **state)
{
	int	s, d;

	(void)state;
	assert_int_equal(risk_rank(SEVERITY_LOW, 0), 2);
	assert_int_equal(risk_rank(SEVERITY_LOW, LAUNCH_NEAR_DAYS), 2);
	assert_int_equal(risk_rank(SEVERITY_LOW, LAUNCH_NEAR_DAYS + 1), 1);
	assert_int_equal(risk_rank(SEVERITY_LOW, LAUNCH_SOON_DAYS), 1);
	assert_int_equal(risk_rank(SEVERITY_LOW, LAUNCH_SOON_DAYS + 1), 0);
	assert_int_equal(risk_rank(SEVERITY_CRITICAL, INT32_MAX), 3);
	assert_int_equal(LAUNCH_NEAR_DAYS, 14);
	assert_int_equal(LAUNCH_SOON_DAYS, 42);

	/* A high risk a week out above a critical one three months out. */
	assert_true(risk_rank(SEVERITY_HIGH, 7) >
	    risk_rank(SEVERITY_CRITICAL, 90));
	/* A medium a week out ties with it; a low a week out does not. */
	assert_int_equal(risk_rank(SEVERITY_MEDIUM, 7),
	    risk_rank(SEVERITY_CRITICAL, 90));
	assert_true(risk_rank(SEVERITY_LOW, 7) <
	    risk_rank(SEVERITY_CRITICAL, 90));

	for (s = SEVERITY_LOW; s < SEVERITY_COUNT; s++) {
		for (d = 0; d < 400; d++) {
			assert_true(risk_rank((enum severity)s, d) >=
			    risk_rank((enum severity)s, d + 1));
			if (s > SEVERITY_LOW)
				assert_true(risk_rank((enum severity)s, d) >
				    risk_rank((enum severity)(s - 1), d));
		}
		assert_int_equal(risk_rank((enum severity)s, 400),
		    risk_rank((enum severity)s, INT32_MAX));
	}
}

/*
 * risk_order_cmp(): rank first, then severity, days to launch, project
 * name, kind, subject, project id; two risks compare equal only when
 * they are the same risk, so ties are broken the same way every time.
 */
static void
test_rank_order(void **state)
{
	struct risk	a, b;

	(void)state;
	risk_clear(&a, RISK_EMPTY_OWNER);
	risk_clear(&b, RISK_MISSED_CHECKPOINT);
	/* The brief's pair: an empty rollback owner a week before launch
	 * against a checkpoint missed by ten days, launch in 90 days. */
	a.severity = SEVERITY_CRITICAL;
	a.launch_days = 7;
	a.project_id = 2;
	a.project_name = "Long-tail";
	(void)snprintf(a.subject, sizeof(a.subject), "rollback_decision/mle");
	b.severity = SEVERITY_HIGH;
	b.launch_days = 90;
	b.project_id = 1;
	b.project_name = "Churn";
	(void)snprintf(b.subject, sizeof(b.subject), "checkpoint/11");
	assert_true(risk_order_cmp(&a, &b) < 0);
	assert_true(risk_order_cmp(&b, &a) > 0);

	/* Critical far out against high near: the near one first. */
	a.severity = SEVERITY_CRITICAL;
	a.launch_days = 90;
	b.severity = SEVERITY_HIGH;
	b.launch_days = 7;
	assert_true(risk_order_cmp(&b, &a) < 0);

	/* Same rank: the more severe first, whatever the launch. */
	b.severity = SEVERITY_MEDIUM;
	assert_true(risk_order_cmp(&a, &b) < 0);

	/* Same rank and severity: the nearer launch, then the name. */
	b.severity = SEVERITY_CRITICAL;
	b.launch_days = 60;
	assert_true(risk_order_cmp(&b, &a) < 0);
	b.launch_days = 90;
	/* "Churn" < "Long-tail" */
	assert_true(risk_order_cmp(&b, &a) < 0);
	/* Then kind, subject and id: only the same risk ties. */
	b.project_name = "Long-tail";
	assert_true(risk_order_cmp(&a, &b) < 0);	/* empty_owner first */
	b.kind = RISK_EMPTY_OWNER;
	assert_true(risk_order_cmp(&b, &a) < 0);	/* "checkpoint/11" */
	(void)snprintf(b.subject, sizeof(b.subject), "%s", a.subject);
	assert_true(risk_order_cmp(&b, &a) < 0);	/* project 1 < 2 */
	b.project_id = 2;
	assert_int_equal(risk_order_cmp(&a, &b), 0);
}

/* The empty boxes of one responsibility make one line; others do not. */
static void
test_box_group(void **state)
{
	struct risk		 a, b, c;
	const struct risk	*v[3];
	char			 msg[RISK_MESSAGE_LEN];

	(void)state;
	risk_clear(&a, RISK_EMPTY_OWNER);
	a.severity = SEVERITY_HIGH;
	a.project_id = 1;
	a.resp_key = "on_call";
	a.resp_name = "On-call for model health";
	a.role = ROLE_MLE;
	a.stage = STAGE_MONITORING;
	a.since = 100;
	a.actor_id = 9;
	a.actor_name = "Maya Chen";
	b = a;
	b.role = ROLE_SWE;
	risk_describe(&a, 120);
	risk_describe(&b, 120);
	assert_non_null(strstr(a.message, "Maya Chen: nobody on MLE owns "
	    "On-call for model health"));
	assert_true(risk_box_group(&a, &b));
	v[0] = &a;
	v[1] = &b;
	risk_group_message(v, 2, msg);
	assert_non_null(strstr(msg, "Maya Chen: nobody on MLE or SWE owns "
	    "On-call for model health"));
	/* One alone keeps its own sentence. */
	risk_group_message(v, 1, msg);
	assert_string_equal(msg, a.message);
	/* Three roles. */
	c = a;
	c.role = ROLE_DS;
	v[0] = &c;
	v[1] = &a;
	v[2] = &b;
	risk_group_message(v, 3, msg);
	assert_non_null(strstr(msg, "nobody on DS, MLE or SWE owns"));

	/* Not alike: another severity, responsibility, project, holder. */
	b.severity = SEVERITY_CRITICAL;
	assert_false(risk_box_group(&a, &b));
	b = a;
	b.role = ROLE_SWE;
	b.resp_key = "rollback_decision";
	assert_false(risk_box_group(&a, &b));
	b.resp_key = "on_call";
	b.project_id = 2;
	assert_false(risk_box_group(&a, &b));
	b.project_id = 1;
	b.inactive = 1;
	assert_false(risk_box_group(&a, &b));
	b.inactive = 0;
	assert_true(risk_box_group(&a, &b));
	b.kind = RISK_MISSED_CHECKPOINT;
	assert_false(risk_box_group(&a, &b));
}

/* The organisation's labels of the roles, in a box's sentence. */
static void
test_box_labels(void **state)
{
	static const char *const names[ROLE_COUNT] = { "Data Scientist",
	    "ML Platform", NULL };
	struct risk		 items[2];
	struct risk_list	 l;
	const struct risk	*v[2];
	char			 msg[RISK_MESSAGE_LEN];

	(void)state;
	risk_clear(&items[0], RISK_EMPTY_OWNER);
	items[0].severity = SEVERITY_HIGH;
	items[0].project_id = 1;
	items[0].resp_key = "training_pipeline";
	items[0].resp_name = "Reproducible training pipeline";
	items[0].role = ROLE_MLE;
	items[0].stage = STAGE_EVALUATION;
	items[0].since = 100;
	items[1] = items[0];
	items[1].role = ROLE_SWE;
	risk_describe(&items[0], 120);
	risk_describe(&items[1], 120);
	assert_non_null(strstr(items[0].message, "obody on MLE owns"));

	l.items = items;
	l.len = 2;
	l.cap = 2;
	risk_list_roles(&l, names);
	assert_non_null(strstr(items[0].message, "obody on ML Platform owns "
	    "Reproducible training pipeline"));
	/* No label given: ours. */
	assert_non_null(strstr(items[1].message, "obody on SWE owns"));
	assert_string_equal(risk_role_name(&items[0], ROLE_DS),
	    "Data Scientist");
	/* A line for several boxes names them as the organisation does. */
	v[0] = &items[0];
	v[1] = &items[1];
	risk_group_message(v, 2, msg);
	assert_non_null(strstr(msg, "obody on ML Platform or SWE owns"));
	/* Back to ours. */
	risk_list_roles(&l, NULL);
	assert_non_null(strstr(items[0].message, "obody on MLE owns"));
	/* An inactive holder. */
	items[0].inactive = 1;
	items[0].person_name = "Ben";
	risk_list_roles(&l, names);
	assert_non_null(strstr(items[0].message, "obody active on ML "
	    "Platform"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_files),
		cmocka_unit_test(test_rank_rule),
		cmocka_unit_test(test_rank_order),
		cmocka_unit_test(test_box_group),
		cmocka_unit_test(test_random_portfolios),
		cmocka_unit_test(test_checker_catches_mismatches),
		cmocka_unit_test(test_parser_rejects_mistakes),
		cmocka_unit_test(test_identity_is_stable),
		cmocka_unit_test(test_keys_round_trip),
		cmocka_unit_test(test_box_labels),
		cmocka_unit_test(test_empty_portfolio),
		cmocka_unit_test(test_count_by_severity),
		cmocka_unit_test(test_project_active_at),
	};

	return (cmocka_run_group_tests_name("risk", tests, NULL, NULL));
}

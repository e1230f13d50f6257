/*
 * views: what the server shows of risks, read from the ledger and the
 * facts, so that a read costs what it shows.
 *
 *   a project's risks        its own facts, and the overload spans of the
 *                            people who hold its boxes (the project
 *                            document and page, /api/v1/projects/{id}/risks)
 *   the portfolio's risks    the spans that cover the day (/api/v1/risks)
 *   the weekly digest        day counts, new and resolved spans, the page's
 *                            projects' spans (/api/v1/digest, /digest,
 *                            /digest.md)
 *   the projects list        each project's counts for today, riskiest
 *                            first (/api/v1/projects and the portfolio page)
 *
 * Each comes from one statement (one snapshot).  The ledger may not yet
 * hold what a write just changed: the statement then also gives the facts
 * of every item still dirty, and the answer uses the spans computed from
 * them here instead of the stored ones, so it is always what the risk
 * engine would say (tests/unit/test_ledger.c, tests/integration/
 * oracle.test.js).
 */
#include <limits.h>

#include "handoff.h"
#include "digest.h"
#include "facts.h"
#include "facts_json.h"
#include "ledger.h"
#include "ledger_json.h"
#include "page.h"
#include "risk.h"
#include "risk_json.h"

/* Portfolios read for one answer, freed together. */
struct scratch {
	struct portfolio	**pfs;
	size_t			  n;
	size_t			  cap;
};

static void
scratch_free(struct scratch *sc)
{
	size_t	i;

	for (i = 0; i < sc->n; i++) {
		facts_free(sc->pfs[i]);
		free(sc->pfs[i]);
	}
	free(sc->pfs);
	sc->pfs = NULL;
	sc->n = 0;
	sc->cap = 0;
}

/*
 * The facts of doc as a portfolio that lives as long as sc (as many as
 * there are dirty items); NULL if bad or out of memory.
 */
static struct portfolio *
scratch_facts(struct scratch *sc, json_t *doc)
{
	struct portfolio	*pf, **grown;
	size_t			 cap;

	if (sc->n == sc->cap) {
		cap = sc->cap == 0 ? 8 : sc->cap * 2;
		if ((grown = reallocarray(sc->pfs, cap, sizeof(*grown))) ==
		    NULL)
			return (NULL);
		sc->pfs = grown;
		sc->cap = cap;
	}
	if ((pf = calloc(1, sizeof(*pf))) == NULL)
		return (NULL);
	facts_init(pf);
	sc->pfs[sc->n++] = pf;
	if (facts_from_json(doc, pf) == -1) {
		kore_log(LOG_ERR, "views: the facts could not be read");
		return (NULL);
	}
	return (pf);
}

/*
 * The spans of the items still dirty: {"projects": [{"id", "facts"}],
 * "people": [{"id", "facts"}]}, computed from their facts.
 */
static int
fresh_spans(json_t *dirty, struct scratch *sc, struct span_list *out)
{
	const struct person	*person;
	struct portfolio	*pf;
	json_t			*o;
	size_t			 i;

	json_array_foreach(json_object_get(dirty, "projects"), i, o) {
		if ((pf = scratch_facts(sc, json_object_get(o, "facts"))) ==
		    NULL)
			return (-1);
		if (pf->nprojects > 0 &&
		    ledger_project(pf, &pf->projects[0], out) == -1)
			return (-1);
	}
	json_array_foreach(json_object_get(dirty, "people"), i, o) {
		if ((pf = scratch_facts(sc, json_object_get(o, "facts"))) ==
		    NULL)
			return (-1);
		person = facts_person(pf, json_integer_value(
		    json_object_get(o, "id")));
		if (person != NULL && ledger_person(pf, person, out) == -1)
			return (-1);
	}
	return (0);
}

static struct risk *
risk_push(struct risk_list *l, const struct risk *r)
{
	struct risk	*items;
	size_t		 cap;

	if (l->len == l->cap) {
		cap = l->cap == 0 ? 16 : l->cap * 2;
		if ((items = reallocarray(l->items, cap, sizeof(*items))) ==
		    NULL)
			return (NULL);
		l->items = items;
		l->cap = cap;
	}
	l->items[l->len] = *r;
	return (&l->items[l->len++]);
}

/* The risk of a span as of day d, sentence included, into l. */
static int
span_risk(struct risk_list *l, const struct risk_span *sp, day_t d)
{
	struct risk	*r;

	if ((r = risk_push(l, &sp->r)) == NULL)
		return (-1);
	risk_describe(r, d);
	return (0);
}

static void
sort_risks(struct risk_list *l)
{
	if (l->len > 1)
		qsort(l->items, l->len, sizeof(*l->items), risk_order_cmp);
}

/* A day from the query: not after today; absent, today. */
static int
query_day(struct http_request *req, json_t *query, const char *name,
    day_t today, day_t *out)
{
	const char	*s;
	char		 msg[96];

	*out = today;
	if ((s = json_string_value(json_object_get(query, name))) == NULL)
		return (KORE_RESULT_OK);
	if (date_parse(s, out) == -1 || *out > today) {
		(void)snprintf(msg, sizeof(msg), "%s %s", name,
		    date_parse(s, out) == -1 ? "must be a calendar date as "
		    "YYYY-MM-DD" : "is in the future");
		reply_error(req, 400, "invalid", msg, name);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static size_t
query_size(json_t *query, const char *name, size_t dflt)
{
	json_t	*v = json_object_get(query, name);

	return (json_is_integer(v) ? (size_t)json_integer_value(v) : dflt);
}

/* A project's risks ------------------------------------------------------ */

/*
 * A project's risks at the end of day asof into out, sorted, from the
 * "_risk" part of its document (api.risk_doc): the project's spans of
 * that day and its holders' overloads, or, while the ledger is not
 * current for it, its facts ({"facts"}) and everyone who ever held one
 * of its boxes.  A holder comes with their spans or, while dirty, their
 * facts.  Returns 1 if there is no such project, 0, or -1.
 */
static int
project_risks_at(json_t *risk, day_t asof, struct scratch *sc,
    struct span_list *spans, struct risk_list *out)
{
	const struct person	*person;
	struct portfolio	*pf, *ppf;
	const struct project	*pr;
	const char		*names[ROLE_COUNT];
	json_t			*o;
	size_t			 i, own;
	int			 clean;

	pr = NULL;
	clean = json_object_get(risk, "spans") != NULL;
	if (clean) {
		if (ledger_spans_from_json(json_object_get(risk, "spans"),
		    spans) == -1)
			return (-1);
	} else {
		if ((pf = scratch_facts(sc, json_object_get(risk, "facts"))) ==
		    NULL)
			return (-1);
		if (pf->nprojects == 0)
			return (1);
		pr = &pf->projects[0];
		if (risk_compute_project(pf, asof, pr->id, out) == -1)
			return (-1);
	}
	own = spans->len;

	json_array_foreach(json_object_get(risk, "people"), i, o) {
		if (json_object_get(o, "facts") != NULL) {
			if ((ppf = scratch_facts(sc, json_object_get(o,
			    "facts"))) == NULL)
				return (-1);
			person = facts_person(ppf, json_integer_value(
			    json_object_get(o, "id")));
			if (person != NULL &&
			    ledger_person(ppf, person, spans) == -1)
				return (-1);
		} else if (ledger_spans_from_json(json_object_get(o, "spans"),
		    spans) == -1)
			return (-1);
	}
	/*
	 * A holder's overload counts on the days they hold a box: those of
	 * the ledger's holders were picked for asof already.
	 */
	for (i = 0; i < spans->len; i++) {
		if (ledger_covers(&spans->items[i], asof) &&
		    (clean || i < own ||
		    risk_involved(pr, spans->items[i].r.person_id, asof)) &&
		    span_risk(out, &spans->items[i], asof) == -1)
			return (-1);
	}
	risk_role_names(json_object_get(risk, "role_labels"), names);
	risk_list_roles(out, names);
	sort_risks(out);
	return (0);
}

/*
 * A project page's risks as of asof, from the "_risk" part of its
 * document: 0, 1 when there is no such project, -1; free whatever the
 * result with views_risks_free().
 */
int
views_risks(json_t *risk, day_t asof, struct views_risks *out)
{
	memset(out, 0, sizeof(*out));
	if ((out->sc = calloc(1, sizeof(*out->sc))) == NULL)
		return (-1);
	return (project_risks_at(risk, asof, out->sc, &out->spans,
	    &out->risks));
}

void
views_risks_free(struct views_risks *v)
{
	risk_list_free(&v->risks);
	ledger_free(&v->spans);
	if (v->sc != NULL)
		scratch_free(v->sc);
	free(v->sc);
	v->sc = NULL;
}

/* The project document gains its risks as of asof, from its "_risk". */
int
views_project_risks(json_t *doc, day_t asof)
{
	struct scratch		 sc;
	struct span_list	 spans;
	struct risk_list	 risks;
	int			 rc;

	memset(&sc, 0, sizeof(sc));
	memset(&spans, 0, sizeof(spans));
	memset(&risks, 0, sizeof(risks));
	rc = project_risks_at(json_object_get(doc, "_risk"), asof, &sc,
	    &spans, &risks);
	if (rc == 0)
		json_object_set_new(doc, "risks", risk_list_json(&risks,
		    asof));
	json_object_del(doc, "_risk");
	risk_list_free(&risks);
	ledger_free(&spans);
	scratch_free(&sc);
	return (rc == -1 ? -1 : 0);
}

struct project_risks_call {
	day_t	asof;
};

static int
project_risks_prepare(struct http_request *req, struct pipe *p)
{
	struct project_risks_call	*c = pipe_ctx(p);
	json_t				*path, *query;
	int				 ret;

	path = json_object();
	query = json_object();
	ret = KORE_RESULT_ERROR;
	if (req_path(req, pipe_route(p)->pattern, path) != KORE_RESULT_OK)
		reply_error(req, 404, "not_found", "no such resource", NULL);
	else if (req_query(req, as_of_query, query) == KORE_RESULT_OK &&
	    query_day(req, query, "as_of", app_today(), &c->asof) ==
	    KORE_RESULT_OK) {
		ret = pipe_send(p, STMT_PROJECT_RISK_FACTS,
		    req_call_doc(-1, path, query, NULL));
		if (ret != KORE_RESULT_OK)
			reply_error(req, 500, "internal", "internal error",
			    NULL);
	}
	json_decref(path);
	json_decref(query);
	return (ret);
}

static int
project_risks_finish(struct http_request *req, struct pipe *p)
{
	struct project_risks_call	*c = pipe_ctx(p);
	struct scratch			 sc;
	struct span_list		 spans;
	struct risk_list		 risks;
	json_t				*doc, *out;
	int				 rc;

	memset(&sc, 0, sizeof(sc));
	memset(&spans, 0, sizeof(spans));
	memset(&risks, 0, sizeof(risks));
	doc = pipe_result(p);
	rc = project_risks_at(json_object_get(doc, "_risk"), c->asof, &sc,
	    &spans, &risks);
	if (rc == -1) {
		reply_error(req, 500, "internal", "internal error", NULL);
	} else {
		out = risk_report_json(&risks, c->asof);
		json_object_set(out, "project_id", json_object_get(doc,
		    "id"));
		reply_json(req, 200, out);
	}
	risk_list_free(&risks);
	ledger_free(&spans);
	scratch_free(&sc);
	json_decref(doc);
	return (PIPE_DONE);
}

const struct pipe_ops project_risks_ops = {
	.ctx_size = sizeof(struct project_risks_call),
	.prepare = project_risks_prepare,
	.finish = project_risks_finish,
};

/* The portfolio's risks -------------------------------------------------- */

struct risks_call {
	int		 csv;		/* GET /risks.csv: every row, as CSV */
	day_t		 asof;
	int		 severity;	/* -1: any */
	int		 exact;		/* severity only, not at least */
	long long	 pm;		/* 0: any */
	size_t		 limit;
	size_t		 offset;
};

/*
 * GET /api/v1/risks (day as_of, a page) and GET /risks.csv (day on, every
 * row up to EXPORT_ROWS_MAX): one read of the ledger, api.risks.
 */
static int
risks_send(struct http_request *req, struct pipe *p,
    const struct field *fields, const char *day_name, int csv)
{
	struct risks_call	*c = pipe_ctx(p);
	json_t			*query;
	enum severity		 sev;
	const char		*s;
	char			 day[DATE_LEN];
	int			 ret;

	c->csv = csv;
	query = json_object();
	ret = KORE_RESULT_ERROR;
	if (req_query(req, fields, query) != KORE_RESULT_OK ||
	    query_day(req, query, day_name, app_today(), &c->asof) !=
	    KORE_RESULT_OK)
		goto out;
	/* One severity filter: at least (severity) or exactly. */
	if (json_object_get(query, "severity") != NULL &&
	    json_object_get(query, "severity_exact") != NULL) {
		reply_error(req, 400, "invalid", "severity_exact must not "
		    "come with severity", "severity_exact");
		goto out;
	}
	c->severity = -1;
	c->exact = 0;
	if ((s = json_string_value(json_object_get(query,
	    "severity_exact"))) != NULL) {
		c->exact = 1;
		json_object_set(query, "severity", json_object_get(query,
		    "severity_exact"));
		json_object_del(query, "severity_exact");
		json_object_set_new(query, "exact", json_true());
	}
	if ((s = json_string_value(json_object_get(query, "severity"))) !=
	    NULL && severity_from_key(s, &sev) == 0)
		c->severity = (int)sev;
	c->pm = json_integer_value(json_object_get(query, "pm"));
	if (csv) {
		c->limit = EXPORT_ROWS_MAX;
		c->offset = 0;
		json_object_set_new(query, "limit",
		    json_integer(EXPORT_ROWS_MAX));
	} else {
		c->limit = query_size(query, "limit", 50);
		c->offset = query_size(query, "offset", 0);
	}
	date_format(c->asof, day);
	json_object_del(query, day_name);
	json_object_set_new(query, "as_of", json_string(day));
	if ((ret = pipe_send(p, STMT_RISKS, req_call_doc(-1, NULL, query,
	    NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
out:
	json_decref(query);
	return (ret);
}

static int
risks_prepare(struct http_request *req, struct pipe *p)
{
	return (risks_send(req, p, risks_query, "as_of", 0));
}

/* The PM of a dirty item's project, from its facts: 0 for a person's. */
static long long
span_pm(const struct scratch *sc, const struct risk_span *sp)
{
	const struct project	*pr;
	size_t			 i;

	if (sp->r.project_id == 0)
		return (0);
	for (i = 0; i < sc->n; i++) {
		if ((pr = facts_project(sc->pfs[i], sp->r.project_id)) != NULL)
			return (pr->pm_id);
	}
	return (0);
}

static int
risks_finish(struct http_request *req, struct pipe *p)
{
	struct risks_call	*c = pipe_ctx(p);
	struct scratch		 sc;
	struct span_list	 clean, fresh;
	struct risk_list	 all, page;
	const char		*names[ROLE_COUNT];
	json_t			*doc, *out, *counts, *n;
	size_t			 i, total, skipped, first;
	int			 k, ok;

	memset(&sc, 0, sizeof(sc));
	memset(&clean, 0, sizeof(clean));
	memset(&fresh, 0, sizeof(fresh));
	memset(&all, 0, sizeof(all));
	memset(&page, 0, sizeof(page));
	doc = pipe_result(p);
	ok = doc != NULL &&
	    ledger_spans_from_json(json_object_get(doc, "spans"), &clean) ==
	    0 && fresh_spans(json_object_get(doc, "dirty"), &sc, &fresh) == 0;
	total = (size_t)json_integer_value(json_object_get(doc, "total"));
	counts = json_object_get(doc, "counts");
	for (i = 0; ok && i < clean.len; i++)
		ok = span_risk(&all, &clean.items[i], c->asof) == 0;
	for (i = 0; ok && i < fresh.len; i++) {
		if (!ledger_covers(&fresh.items[i], c->asof) ||
		    (c->severity >= 0 && (c->exact ?
		    (int)fresh.items[i].r.severity != c->severity :
		    (int)fresh.items[i].r.severity < c->severity)) ||
		    (c->pm != 0 && span_pm(&sc, &fresh.items[i]) != c->pm))
			continue;
		ok = span_risk(&all, &fresh.items[i], c->asof) == 0;
		total++;
		k = (int)fresh.items[i].r.severity;
		n = json_array_get(counts, (size_t)k);
		json_array_set_new(counts, (size_t)k,
		    json_integer(json_integer_value(n) + 1));
	}
	if (!ok) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	sort_risks(&all);
	skipped = (size_t)json_integer_value(json_object_get(doc, "skipped"));
	first = c->offset - (skipped < c->offset ? skipped : c->offset);
	page.items = first < all.len ? all.items + first : NULL;
	page.len = first < all.len ? all.len - first : 0;
	if (page.len > c->limit)
		page.len = c->limit;
	risk_role_names(json_object_get(doc, "role_labels"), names);
	risk_list_roles(&page, names);
	out = risk_report_json(&page, c->asof);
	json_object_set_new(out, "counts", json_pack("{s:I, s:I, s:I, s:I, "
	    "s:I}", "critical", json_integer_value(json_array_get(counts, 3)),
	    "high", json_integer_value(json_array_get(counts, 2)),
	    "medium", json_integer_value(json_array_get(counts, 1)),
	    "low", json_integer_value(json_array_get(counts, 0)),
	    "total", (json_int_t)total));
	/* The page's total, as the README and the contract give it. */
	json_object_set_new(out, "total", json_integer((json_int_t)total));
	if (c->csv)
		exports_csv(req, EXPORT_RISKS, out, c->asof);
	else {
		reply_page_links(req, c->offset, c->limit, total);
		reply_json(req, 200, out);
	}
out:
	risk_list_free(&all);
	ledger_free(&clean);
	ledger_free(&fresh);
	scratch_free(&sc);
	json_decref(doc);
	return (PIPE_DONE);
}

const struct pipe_ops risks_ops = {
	.ctx_size = sizeof(struct risks_call),
	.prepare = risks_prepare,
	.finish = risks_finish,
};

/*
 * GET /risks.csv?on=YYYY-MM-DD&severity=&pm=: the same read as GET
 * /api/v1/risks (the ledger's spans, the dirty items' facts), every row.
 */
static int
risks_csv_prepare(struct http_request *req, struct pipe *p)
{
	return (risks_send(req, p, risks_csv_query, "on", 1));
}

const struct pipe_ops risks_csv_ops = {
	.ctx_size = sizeof(struct risks_call),
	.prepare = risks_csv_prepare,
	.finish = risks_finish,
};

/* The weekly digest ------------------------------------------------------ */

const int digest_as_json = 0, digest_as_html = 1, digest_as_md = 2;

/*
 * The limit that asks api.digest for every project with open risks (the
 * weekly job's, for the "mine" emails): the largest its int takes.
 */
#define DIGEST_WHOLE	INT_MAX
static const int digest_as_chat = 3;

/*
 * An answer is the same for everyone who may read it (the page's body,
 * not its chrome), so it is kept whole once made (kept.c), under a key of
 * what it depends on besides the database: the view, the code, the day,
 * the week and page asked for, and the links' base.
 */
struct digest_call {
	int		 view;
	day_t		 today;
	struct digest	 d;
	size_t		 limit;
	day_t		 days[DIGEST_TREND_WEEKS + 1];	/* counted */
	int		 year, week;			/* asked for */
	struct kept	 kept;
};

static void	digest_setup(struct digest_call *, json_t *);
static void	digest_key(struct digest_call *);
static void	digest_reply(struct http_request *, struct digest_call *,
		    const struct sbuf *, const char *);

static void
digest_call_cleanup(void *arg)
{
	struct digest_call	*c = arg;

	digest_free(&c->d);
	kept_free(&c->kept);
}

static int
digest_prepare(struct http_request *req, struct pipe *p)
{
	struct digest_call	*c = pipe_ctx(p);
	struct digest		*d = &c->d;
	json_t			*query, *call;
	const char		*w;
	int			 ret;

	c->view = *(const int *)pipe_arg(p);
	kept_init(&c->kept);
	c->today = app_today();
	query = json_object();
	ret = KORE_RESULT_ERROR;
	if (req_query(req, c->view == digest_as_md ? digest_md_query :
	    digest_query, query) != KORE_RESULT_OK)
		goto out;
	/* The chat variant of the Markdown (format=chat). */
	if ((w = json_string_value(json_object_get(query, "format"))) !=
	    NULL && strcmp(w, "chat") == 0)
		c->view = digest_as_chat;
	isoweek_of(c->today, &d->year, &d->week);
	if ((w = json_string_value(json_object_get(query, "week"))) != NULL) {
		if (isoweek_parse(w, &d->year, &d->week) == -1) {
			reply_error(req, 400, "invalid", "week must be an ISO "
			    "week that exists, as YYYY-Www (e.g. 2026-W48)",
			    "week");
			goto out;
		}
		if (isoweek_monday(d->year, d->week) > c->today) {
			reply_error(req, 400, "invalid", "week is in the "
			    "future", "week");
			goto out;
		}
	}
	digest_setup(c, query);
	c->year = d->year;
	c->week = d->week;
	digest_key(c);
	call = req_call_doc(-1, NULL, query, NULL);
	kept_ask(&c->kept, call);
	if ((ret = pipe_send(p, STMT_DIGEST, call)) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
out:
	json_decref(query);
	return (ret);
}

/*
 * The key the answer is kept under, or none while reads go to a replica
 * (which cannot keep what it made).  What the answer depends on outside
 * the database: the view, this code, today, the week's days asked for,
 * the page of projects, and, for the Markdown and chat, the links' base.
 */
static void
digest_key(struct digest_call *c)
{
	static const char *const views[] = { "json", "html", "md", "chat" };
	const char	*base;
	char		 today[DATE_LEN], asof[DATE_LEN];

	base = c->view == digest_as_md || c->view == digest_as_chat ?
	    app_public_url() : NULL;
	date_format(c->today, today);
	date_format(c->d.asof, asof);
	kept_key(&c->kept, "digest %s %s %s %s %zu %zu %s", views[c->view],
	    HANDOFF_VERSION, today, asof, c->d.offset, c->limit,
	    base != NULL ? base : "-");
}

/*
 * The digest's days (d->year and d->week set) and the query api.digest
 * takes for them, added to query.
 */
static void
digest_setup(struct digest_call *c, json_t *query)
{
	struct digest	*d = &c->d;
	json_t		*days;
	char		 day[DATE_LEN];
	int		 i;

	d->monday = isoweek_monday(d->year, d->week);
	d->sunday = d->monday + 6;
	d->asof = c->today >= d->monday && c->today <= d->sunday ? c->today :
	    d->sunday;
	d->prev_asof = d->monday - 1;
	d->offset = query_size(query, "offset", 0);
	d->limit = c->limit = query_size(query, "limit", 50);

	/* The days counted: the trend's Sundays, oldest first, then asof. */
	days = json_array();
	for (i = 0; i < DIGEST_TREND_WEEKS; i++) {
		d->trend[i].asof = d->monday - 7 * (DIGEST_TREND_WEEKS - i) +
		    6;
		isoweek_of(d->trend[i].asof, &d->trend[i].year,
		    &d->trend[i].week);
		c->days[i] = d->trend[i].asof;
	}
	c->days[DIGEST_TREND_WEEKS] = d->asof;
	for (i = 0; i <= DIGEST_TREND_WEEKS; i++) {
		date_format(c->days[i], day);
		json_array_append_new(days, json_string(day));
	}
	date_format(d->asof, day);
	json_object_set_new(query, "as_of", json_string(day));
	date_format(d->prev_asof, day);
	json_object_set_new(query, "prev", json_string(day));
	json_object_set_new(query, "days", days);
	json_object_set_new(query, "limit", json_integer((json_int_t)c->limit));
	json_object_set_new(query, "offset",
	    json_integer((json_int_t)d->offset));
}

/* Counts of the spans that cover day d, by severity, times sign. */
static void
count_spans(const struct span_list *l, day_t d, int sign,
    int counts[SEVERITY_COUNT])
{
	size_t	i;

	for (i = 0; i < l->len; i++) {
		if (ledger_covers(&l->items[i], d))
			counts[l->items[i].r.severity] += sign;
	}
}

/* One project's open risks (or the portfolio-wide ones, project 0). */
struct group {
	struct risk_list	 risks;		/* in risk order */
};

static int
cmp_group(const void *a, const void *b)
{
	const struct group	*x = a, *y = b;

	return (risk_order_cmp(&x->risks.items[0], &y->risks.items[0]));
}

/* Into groups, the risks of spans covering d, one group per project. */
static int
group_spans(const struct span_list *l, day_t d, struct group **groups,
    size_t *ngroups, size_t *cap)
{
	struct group	*g, *grown;
	size_t		 i, j;

	for (i = 0; i < l->len; i++) {
		if (!ledger_covers(&l->items[i], d))
			continue;
		/* A project's spans come together: its group is the last. */
		g = NULL;
		if (*ngroups > 0 && (*groups)[*ngroups - 1].risks.items[0].
		    project_id == l->items[i].r.project_id)
			g = &(*groups)[*ngroups - 1];
		for (j = 0; g == NULL && j < *ngroups; j++) {
			if ((*groups)[j].risks.items[0].project_id ==
			    l->items[i].r.project_id)
				g = &(*groups)[j];
		}
		if (g == NULL) {
			if (*ngroups == *cap) {
				*cap = *cap == 0 ? 16 : *cap * 2;
				if ((grown = reallocarray(*groups, *cap,
				    sizeof(**groups))) == NULL)
					return (-1);
				*groups = grown;
			}
			g = &(*groups)[(*ngroups)++];
			memset(g, 0, sizeof(*g));
		}
		if (span_risk(&g->risks, &l->items[i], d) == -1)
			return (-1);
	}
	return (0);
}

static int	digest_due_from(struct digest_due **, size_t *, json_t *);
static int	digest_paused_from(struct digest *, json_t *);

/*
 * The dirty projects (in l, their spans from the facts) with a high or
 * critical risk open on day d.
 */
static int
dirty_at_risk(const struct span_list *l, day_t d)
{
	size_t	i, j;
	int	n;

	for (i = 0, n = 0; i < l->len; i++) {
		if (l->items[i].r.project_id == 0 ||
		    l->items[i].r.severity < SEVERITY_HIGH ||
		    !ledger_covers(&l->items[i], d))
			continue;
		for (j = 0; j < i; j++) {
			if (l->items[j].r.project_id ==
			    l->items[i].r.project_id &&
			    l->items[j].r.severity >= SEVERITY_HIGH &&
			    ledger_covers(&l->items[j], d))
				break;
		}
		n += j == i;
	}
	return (n);
}

/* Is risk r open on day d by one of the spans of l? */
static int
open_on(const struct span_list *l, const struct risk *r, day_t d)
{
	size_t	i;

	for (i = 0; i < l->len; i++) {
		if (ledger_covers(&l->items[i], d) &&
		    risk_same(&l->items[i].r, r))
			return (1);
	}
	return (0);
}

/* Is risk r one of the spans of l? */
static int
listed(const struct span_list *l, const struct risk *r)
{
	size_t	i;

	for (i = 0; i < l->len; i++) {
		if (risk_same(&l->items[i].r, r))
			return (1);
	}
	return (0);
}

static int
span_copy(struct span_list *l, const struct risk_span *sp)
{
	struct risk_span	*items;
	size_t			 cap;

	if (l->len == l->cap) {
		cap = l->cap == 0 ? 16 : l->cap * 2;
		if ((items = reallocarray(l->items, cap, sizeof(*items))) ==
		    NULL)
			return (-1);
		l->items = items;
		l->cap = cap;
	}
	l->items[l->len++] = *sp;
	return (0);
}

/*
 * The digest from the statement's answer (api.digest, sql/api/
 * 70_ledger.sql) and the spans of the items still dirty; the names of
 * the ledger's spans point into doc, those of the dirty items' into sc.
 */
static int
digest_from(struct digest_call *c, json_t *doc, struct scratch *sc)
{
	struct digest		*d = &c->d;
	struct span_list	 fresh, stale, news, reopened, open, people;
	struct group		*groups;
	struct risk_list	 prev;
	const char		*names[ROLE_COUNT];
	json_t			*o, *n;
	size_t			 i, j, k, ngroups, cap, skipped, first;
	int			 counts[SEVERITY_COUNT], s, rc, still;

	memset(&fresh, 0, sizeof(fresh));
	memset(&stale, 0, sizeof(stale));
	memset(&news, 0, sizeof(news));
	memset(&reopened, 0, sizeof(reopened));
	memset(&open, 0, sizeof(open));
	memset(&people, 0, sizeof(people));
	memset(&prev, 0, sizeof(prev));
	groups = NULL;
	ngroups = cap = 0;
	rc = -1;

	if (fresh_spans(json_object_get(doc, "dirty"), sc, &fresh) == -1 ||
	    ledger_spans_from_json(json_object_get(doc, "stale"), &stale) ==
	    -1 || ledger_spans_from_json(json_object_get(doc, "new"), &news) ==
	    -1 || ledger_spans_from_json(json_object_get(doc, "reopened"),
	    &reopened) == -1 ||
	    ledger_spans_from_json(json_object_get(doc, "overload"),
	    &people) == -1)
		goto out;
	json_array_foreach(json_object_get(doc, "groups"), i, o) {
		if (ledger_spans_from_json(json_object_get(o, "spans"),
		    &open) == -1)
			goto out;
	}

	/* Counts: the ledger's, with the dirty items' stale spans swapped. */
	for (i = 0; i <= DIGEST_TREND_WEEKS; i++) {
		n = json_array_get(json_object_get(doc, "counts"), i);
		for (s = 0; s < SEVERITY_COUNT; s++)
			counts[s] = (int)json_integer_value(json_array_get(n,
			    (size_t)s));
		count_spans(&stale, c->days[i], -1, counts);
		count_spans(&fresh, c->days[i], 1, counts);
		if (i < DIGEST_TREND_WEEKS)
			memcpy(d->trend[i].counts, counts, sizeof(counts));
		else
			memcpy(d->counts, counts, sizeof(counts));
	}

	/*
	 * New this week: open at asof and not at prev_asof.  A run begun
	 * after prev_asof is not new when the risk was open then too (it
	 * stopped and came back within the week): those are "reopened".
	 */
	for (i = 0; i < fresh.len; i++) {
		if (!ledger_covers(&fresh.items[i], d->asof) ||
		    fresh.items[i].r.since <= d->prev_asof)
			continue;
		if (open_on(&fresh, &fresh.items[i].r, d->prev_asof)) {
			if (span_copy(&reopened, &fresh.items[i]) == -1)
				goto out;
		} else if (span_copy(&news, &fresh.items[i]) == -1)
			goto out;
	}
	for (i = 0; i < news.len; i++)
		if (span_risk(&d->fresh, &news.items[i], d->asof) == -1)
			goto out;
	sort_risks(&d->fresh);

	/* Resolved: open at prev_asof and not at asof, as they were then. */
	json_array_foreach(json_object_get(doc, "resolved"), i, o) {
		struct risk_span	 sp;
		struct risk		*x;

		if (ledger_span_from_json(o, &sp) == -1 ||
		    (x = risk_push(&d->resolved, &sp.r)) == NULL)
			goto out;
		risk_describe(x, d->prev_asof);
		x->resolved_on = (day_t)json_integer_value(json_object_get(o,
		    "resolved_on"));
		x->resolved_by = json_string_value(json_object_get(o,
		    "resolved_by"));
	}
	for (i = 0; i < fresh.len; i++) {
		if (!ledger_covers(&fresh.items[i], d->prev_asof))
			continue;
		for (j = 0, still = 0; j < fresh.len; j++)
			still |= ledger_covers(&fresh.items[j], d->asof) &&
			    risk_same(&fresh.items[j].r, &fresh.items[i].r);
		if (!still && span_risk(&prev, &fresh.items[i],
		    d->prev_asof) == -1)
			goto out;
	}
	if (ledger_resolve(&fresh, d->prev_asof, d->asof, &prev) == -1)
		goto out;
	for (i = 0; i < prev.len; i++)
		if (risk_push(&d->resolved, &prev.items[i]) == NULL)
			goto out;
	sort_risks(&d->resolved);

	/*
	 * Still open, by project: the ledger's first groups (as many as
	 * the page reaches), the dirty projects' and the portfolio-wide
	 * one, in the order of their worst risks; then the page of them.
	 */
	if (group_spans(&open, d->asof, &groups, &ngroups, &cap) == -1)
		goto out;
	k = ngroups;
	for (i = 0; i < fresh.len; i++) {
		if (fresh.items[i].r.project_id == 0 &&
		    span_copy(&people, &fresh.items[i]) == -1)
			goto out;
	}
	for (i = 0, open.len = 0; i < fresh.len; i++) {
		if (fresh.items[i].r.project_id != 0 &&
		    span_copy(&open, &fresh.items[i]) == -1)
			goto out;
	}
	if (group_spans(&open, d->asof, &groups, &ngroups, &cap) == -1 ||
	    group_spans(&people, d->asof, &groups, &ngroups, &cap) == -1)
		goto out;
	d->ngroups = (size_t)json_integer_value(json_object_get(doc,
	    "ngroups")) + (ngroups - k);
	for (i = 0; i < ngroups; i++)
		sort_risks(&groups[i].risks);
	if (ngroups > 1)
		qsort(groups, ngroups, sizeof(*groups), cmp_group);
	/* The groups before skipped were left in the database. */
	skipped = (size_t)json_integer_value(json_object_get(doc, "skipped"));
	first = d->offset - (skipped < d->offset ? skipped : d->offset);
	for (i = first; i < ngroups && i < first + c->limit; i++) {
		for (j = 0; j < groups[i].risks.len; j++) {
			if (risk_push(&d->open, &groups[i].risks.items[j]) ==
			    NULL)
				goto out;
		}
	}
	if (d->open.len > 0) {
		if ((d->is_new = calloc(d->open.len, 1)) == NULL ||
		    (d->by_project = calloc(d->open.len,
		    sizeof(*d->by_project))) == NULL)
			goto out;
		for (i = 0; i < d->open.len; i++) {
			d->is_new[i] = d->open.items[i].since > d->prev_asof &&
			    !listed(&reopened, &d->open.items[i]);
			d->by_project[i] = i;
		}
	}

	/* The action list: the page's critical and high risks. */
	if (digest_actions(d) == -1)
		goto out;

	/* Projects at risk: the ledger's profiles, and the dirty projects. */
	for (i = 0; i <= DIGEST_TREND_WEEKS; i++) {
		s = (int)json_integer_value(json_array_get(json_object_get(doc,
		    "at_risk"), i)) + dirty_at_risk(&fresh, c->days[i]);
		if (i < DIGEST_TREND_WEEKS)
			d->trend[i].at_risk = s;
		else
			d->at_risk = s;
	}

	/* Due this week and next: straight from the checkpoints. */
	if (digest_due_from(&d->due, &d->ndue, json_object_get(doc,
	    "due")) == -1 || digest_due_from(&d->due_this, &d->ndue_this,
	    json_object_get(doc, "due_this")) == -1)
		goto out;
	rc = digest_paused_from(d, json_object_get(doc, "paused"));
	/* The roles as the organisation names them, in every sentence. */
	risk_role_names(json_object_get(doc, "role_labels"), names);
	risk_list_roles(&d->open, names);
	risk_list_roles(&d->fresh, names);
	risk_list_roles(&d->resolved, names);
	risk_list_roles(&d->actions, names);
out:
	for (i = 0; i < ngroups; i++)
		risk_list_free(&groups[i].risks);
	free(groups);
	risk_list_free(&prev);
	ledger_free(&fresh);
	ledger_free(&stale);
	ledger_free(&news);
	ledger_free(&reopened);
	ledger_free(&open);
	ledger_free(&people);
	return (rc);
}

/* The checkpoints due in a week, as api.digest lists them. */
static int
digest_due_from(struct digest_due **out, size_t *nout, json_t *due)
{
	struct digest_due	*x;
	json_t			*o;
	size_t			 i, n;

	if ((n = json_array_size(due)) == 0)
		return (0);
	if ((*out = calloc(n, sizeof(**out))) == NULL)
		return (-1);
	json_array_foreach(due, i, o) {
		x = &(*out)[*nout];
		x->project_id = json_integer_value(json_object_get(o,
		    "project_id"));
		x->project_name = json_string_value(json_object_get(o,
		    "project_name"));
		x->checkpoint_id = json_integer_value(json_object_get(o,
		    "checkpoint_id"));
		x->title = json_string_value(json_object_get(o, "title"));
		x->due = (day_t)json_integer_value(json_object_get(o, "due"));
		if (stage_from_key(json_string_value(json_object_get(o,
		    "stage")), &x->stage) == -1 ||
		    checkpoint_status_from_key(json_string_value(
		    json_object_get(o, "status")), &x->status) == -1 ||
		    x->project_name == NULL || x->title == NULL)
			return (-1);
		(*nout)++;
	}
	return (0);
}

/* The paused projects, as api.paused lists them. */
static int
digest_paused_from(struct digest *d, json_t *paused)
{
	json_t	*o;
	size_t	 i, n;

	if ((n = json_array_size(paused)) == 0)
		return (0);
	if ((d->paused = calloc(n, sizeof(*d->paused))) == NULL)
		return (-1);
	json_array_foreach(paused, i, o) {
		d->paused[i].id = json_integer_value(json_object_get(o, "id"));
		d->paused[i].name = json_string_value(json_object_get(o,
		    "name"));
		d->paused[i].since = (day_t)json_integer_value(
		    json_object_get(o, "since"));
		if (d->paused[i].name == NULL)
			return (-1);
		d->npaused++;
	}
	return (0);
}

/* The text of the view (the page's body for the page) into b. */
static void
digest_make(struct digest_call *c, struct sbuf *b)
{
	json_t	*doc;
	char	*text;
	int	 ty, tw;

	if (c->view == digest_as_json) {
		doc = digest_json(&c->d);
		text = doc != NULL ? json_dumps(doc, JSON_COMPACT) : NULL;
		json_decref(doc);
		if (text == NULL) {
			b->failed = 1;
			return;
		}
		sbuf_str(b, text);
		free(text);
	} else if (c->view == digest_as_md) {
		render_digest_markdown(b, &c->d, app_public_url());
	} else if (c->view == digest_as_chat) {
		render_digest_chat(b, &c->d, app_public_url());
	} else {
		isoweek_of(c->today, &ty, &tw);
		render_digest_body(b, &c->d, ty != c->d.year ||
		    tw != c->d.week);
	}
}

/* Answer with text, kept or just made (how: X-Handoff-Kept). */
static void
digest_reply(struct http_request *req, struct digest_call *c,
    const struct sbuf *text, const char *how)
{
	struct page_ctx	ctx;
	struct sbuf	b;

	if (sbuf_failed(text)) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return;
	}
	http_response_header(req, "x-handoff-kept", how);
	if (c->view == digest_as_json) {
		reply_json_text(req, 200, sbuf_cstr(text), NULL, 1);
		return;
	}
	if (c->view != digest_as_html) {
		reply_body(req, 200, c->view == digest_as_md ?
		    "text/markdown; charset=utf-8" :
		    "text/plain; charset=utf-8", text);
		return;
	}
	page_ctx_init(req, &ctx);
	sbuf_init(&b);
	render_digest_around(&b, &ctx, c->year, c->week, text);
	reply_html(req, 200, &b);
	sbuf_free(&b);
}

static int
digest_finish(struct http_request *req, struct pipe *p)
{
	struct digest_call	*c = pipe_ctx(p);
	struct scratch		 sc;
	const char		*text, *how;
	json_t			*doc;
	int			 ret;

	switch (kept_step(&c->kept, p, 1, &text, &how)) {
	case KEPT_PUT:
		digest_reply(req, c, &c->kept.made, how);
		return (PIPE_DONE);
	case KEPT_HIT:
		sbuf_str(&c->kept.made, text);
		digest_reply(req, c, &c->kept.made, how);
		return (PIPE_DONE);
	case KEPT_MISS:
		break;
	}

	ret = PIPE_DONE;
	memset(&sc, 0, sizeof(sc));
	doc = pipe_result(p);
	if (doc == NULL || digest_from(c, doc, &sc) == -1) {
		reply_error(req, 500, "internal", "internal error", NULL);
		goto out;
	}
	digest_make(c, &c->kept.made);
	if (kept_put(&c->kept, p, json_string_value(json_object_get(doc,
	    "snap"))))
		ret = PIPE_MORE;
	else
		digest_reply(req, c, &c->kept.made, "made");
out:
	/* The digest's names point into doc and sc: it goes first. */
	digest_free(&c->d);
	memset(&c->d, 0, sizeof(c->d));
	scratch_free(&sc);
	json_decref(doc);
	return (ret);
}

/* Keeping the text failed: it is answered all the same. */
static int
digest_fail(struct http_request *req, struct pipe *p,
    const struct db_error *err)
{
	struct digest_call	*c = pipe_ctx(p);

	if (kept_failed(&c->kept, "digest", err))
		digest_reply(req, c, &c->kept.made, "made");
	else
		reply_db_error(req, err);
	return (PIPE_DONE);
}

/*
 * The weekly job (outbox.c): the call document of the digest of today's
 * week (its first page of projects, or with whole set every project with
 * open risks, for the "mine" emails), and from api.digest's answer to it,
 * what the digest.weekly event carries: the week, its counts and the chat
 * message (NULL: failed).
 */
json_t *
views_weekly_call(day_t today, int whole)
{
	struct digest_call	 c;
	json_t			*query;

	memset(&c, 0, sizeof(c));
	c.today = today;
	isoweek_of(today, &c.d.year, &c.d.week);
	if ((query = json_object()) == NULL)
		return (NULL);
	if (whole)
		json_object_set_new(query, "limit",
		    json_integer(DIGEST_WHOLE));
	digest_setup(&c, query);
	return (json_pack("{s:o}", "query", query));
}

json_t *
views_weekly_data(day_t today, json_t *doc)
{
	struct digest_call	 c;
	struct scratch		 sc;
	struct sbuf		 b;
	json_t			*query, *out;
	char			 week[ISOWEEK_LEN];

	memset(&c, 0, sizeof(c));
	memset(&sc, 0, sizeof(sc));
	out = NULL;
	c.today = today;
	isoweek_of(today, &c.d.year, &c.d.week);
	if ((query = json_object()) == NULL)
		return (NULL);
	digest_setup(&c, query);
	json_decref(query);
	sbuf_init(&b);
	if (digest_from(&c, doc, &sc) == 0) {
		render_digest_chat(&b, &c.d, app_public_url());
		isoweek_format(c.d.year, c.d.week, week);
		if (!sbuf_failed(&b))
			out = json_pack("{s:s, s:s, s:{s:i, s:i, s:i, s:i}, "
			    "s:I, s:I}", "week", week, "chat", sbuf_cstr(&b),
			    "open", "critical",
			    c.d.counts[SEVERITY_CRITICAL], "high",
			    c.d.counts[SEVERITY_HIGH], "medium",
			    c.d.counts[SEVERITY_MEDIUM], "low",
			    c.d.counts[SEVERITY_LOW], "new",
			    (json_int_t)c.d.fresh.len, "resolved",
			    (json_int_t)c.d.resolved.len);
	}
	sbuf_free(&b);
	digest_free(&c.d);
	scratch_free(&sc);
	return (out);
}

/*
 * One email's parts of the digest in c (built): {"subject", "text",
 * "html"}, or NULL when memory ran out.
 */
static json_t *
digest_mail_parts(const struct digest *d)
{
	struct sbuf	 text, html;
	json_t		*out;
	char		 subject[160];

	sbuf_init(&text);
	sbuf_init(&html);
	render_digest_markdown(&text, d, app_public_url());
	render_digest_mail_html(&html, d, app_public_url());
	render_digest_subject(subject, sizeof(subject), d);
	out = NULL;
	if (!sbuf_failed(&text) && !sbuf_failed(&html))
		out = json_pack("{s:s, s:s, s:s}", "subject", subject, "text",
		    sbuf_cstr(&text), "html", sbuf_cstr(&html));
	sbuf_free(&text);
	sbuf_free(&html);
	return (out);
}

/*
 * The digest of today's week from api.digest's answer, built again: its
 * first page of projects, or with whole every project the answer holds.
 */
static int
digest_mail_build(struct digest_call *c, day_t today, json_t *doc,
    struct scratch *sc, int whole)
{
	json_t	*query;

	digest_free(&c->d);
	scratch_free(sc);
	memset(c, 0, sizeof(*c));
	memset(sc, 0, sizeof(*sc));
	c->today = today;
	isoweek_of(today, &c->d.year, &c->d.week);
	if ((query = json_object()) == NULL)
		return (-1);
	if (whole)
		json_object_set_new(query, "limit",
		    json_integer(DIGEST_WHOLE));
	digest_setup(c, query);
	json_decref(query);
	return (digest_from(c, doc, sc));
}

/*
 * The weekly email (outbox.c): from api.digest's answer to
 * views_weekly_call(today, whole), whole set when mine is not empty, the
 * parts of the email of everyone who takes the whole digest (its first
 * page and the link to the rest), rendered once, and of each person of
 * mine ([{"id", "projects": [ids]}]) who takes only their projects' (all
 * of them, wherever they rank):
 * {"week", "all": parts, "mine": [{"id", parts...}]}, or NULL.
 */
json_t *
views_digest_mail(day_t today, json_t *doc, const json_t *mine)
{
	struct digest_call	 c;
	struct scratch		 sc;
	const json_t		*o, *ids, *x;
	json_t			*out, *all, *list, *parts;
	int64_t			*v;
	char			 week[ISOWEEK_LEN];
	size_t			 i, j, n;

	memset(&c, 0, sizeof(c));
	memset(&sc, 0, sizeof(sc));
	out = list = NULL;
	v = NULL;
	if (digest_mail_build(&c, today, doc, &sc, 0) == -1 ||
	    (all = digest_mail_parts(&c.d)) == NULL)
		goto out;
	isoweek_format(c.d.year, c.d.week, week);
	if ((list = json_array()) == NULL) {
		json_decref(all);
		goto out;
	}
	json_array_foreach(mine, i, o) {
		ids = json_object_get(o, "projects");
		n = json_array_size(ids);
		free(v);
		if ((v = calloc(n + 1, sizeof(*v))) == NULL ||
		    digest_mail_build(&c, today, doc, &sc, 1) == -1) {
			json_decref(all);
			goto out;
		}
		json_array_foreach(ids, j, x)
			v[j] = json_integer_value(x);
		digest_keep(&c.d, v, n);
		if ((parts = digest_mail_parts(&c.d)) == NULL) {
			json_decref(all);
			goto out;
		}
		json_object_set(parts, "id", json_object_get(o, "id"));
		json_array_append_new(list, parts);
	}
	out = json_pack("{s:s, s:o, s:O}", "week", week, "all", all, "mine",
	    list);
out:
	json_decref(list);
	free(v);
	digest_free(&c.d);
	scratch_free(&sc);
	return (out);
}

const struct pipe_ops digest_ops = {
	.ctx_size = sizeof(struct digest_call),
	.prepare = digest_prepare,
	.finish = digest_finish,
	.fail = digest_fail,
	.cleanup = digest_call_cleanup,
};

/* The projects, riskiest first ------------------------------------------ */

static int
cmp_row(const void *a, const void *b)
{
	const struct portfolio_row	*x = a, *y = b;
	int				 s, c;

	/* The ranking rule (risk.h): a project ranks as its worst risk. */
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

/* One row from api.portfolio's {"id", "name", "pm", ...}. */
static int
row_from(json_t *o, struct portfolio_row *row)
{
	json_t	*counts;
	int	 s;

	memset(row, 0, sizeof(*row));
	row->doc = json_object_get(o, "project");
	row->id = json_integer_value(json_object_get(row->doc, "id"));
	row->name = json_string_value(json_object_get(row->doc, "name"));
	row->pm = json_string_value(json_object_get(json_object_get(row->doc,
	    "pm"), "name"));
	if (row->name == NULL || stage_from_key(json_string_value(
	    json_object_get(row->doc, "stage")), &row->stage) == -1 ||
	    project_status_from_key(json_string_value(json_object_get(
	    row->doc, "status")), &row->status) == -1 ||
	    date_parse(json_string_value(json_object_get(row->doc,
	    "target_launch_on")), &row->launch) == -1)
		return (-1);
	counts = json_object_get(o, "counts");
	row->worst = -1;
	for (s = 0; s < SEVERITY_COUNT; s++) {
		row->counts[s] = (int)json_integer_value(json_array_get(counts,
		    (size_t)s));
		if (row->counts[s] > 0)
			row->worst = s;
	}
	row->next_title = json_string_value(json_object_get(
	    json_object_get(o, "next"), "title"));
	row->next_blocked = json_string_value(json_object_get(
	    json_object_get(o, "next"), "status")) != NULL && strcmp(
	    json_string_value(json_object_get(json_object_get(o, "next"),
	    "status")), "blocked") == 0;
	if (row->next_title == NULL ||
	    date_parse(json_string_value(json_object_get(json_object_get(o,
	    "next"), "due_on")), &row->next_due) == -1)
		row->next_due = DAY_NONE;
	return (0);
}

/* What a page of the portfolio keeps until it is drawn. */
struct portfolio_keep {
	struct scratch		 sc;
	struct span_list	 spans;
	struct risk_list	 wide;
};

void
views_portfolio_free(struct portfolio_rows *rows)
{
	struct portfolio_keep	*k = rows->keep;

	free(rows->rows);
	rows->rows = NULL;
	if (k != NULL) {
		risk_list_free(&k->wide);
		ledger_free(&k->spans);
		scratch_free(&k->sc);
		free(k);
	}
	rows->keep = NULL;
	rows->wide = NULL;
}

/*
 * The page [offset, offset + limit) of api.portfolio's projects with the
 * dirty ones counted from their facts, riskiest first, and the first
 * `wide` portfolio-wide risks of the day (api.portfolio was asked for as
 * many).  severity: keep only projects with a risk at least that severe
 * (-1: all).  Free with views_portfolio_free().
 */
int
views_portfolio(json_t *doc, day_t today, int severity, size_t offset,
    size_t limit, size_t wide, struct portfolio_rows *out)
{
	struct portfolio_keep	*k;
	struct risk_list	 risks;
	struct portfolio	*pf;
	struct portfolio_row	*rows, row;
	json_t			*o;
	size_t			 i, n, skipped, first;

	memset(out, 0, sizeof(*out));
	memset(&risks, 0, sizeof(risks));
	n = json_array_size(json_object_get(doc, "rows")) +
	    json_array_size(json_object_get(doc, "dirty"));
	if ((k = calloc(1, sizeof(*k))) == NULL ||
	    (rows = calloc(n + 1, sizeof(*rows))) == NULL) {
		free(k);
		return (-1);
	}
	out->rows = rows;
	out->keep = k;
	out->offset = offset;
	out->limit = limit;
	out->pms = json_object_get(doc, "pms");
	out->total = (size_t)json_integer_value(json_object_get(doc,
	    "total"));

	n = 0;
	json_array_foreach(json_object_get(doc, "rows"), i, o) {
		if (row_from(o, &rows[n]) == -1)
			goto fail;
		n++;
	}
	/* A dirty project's counts for today, from its facts. */
	json_array_foreach(json_object_get(doc, "dirty"), i, o) {
		if (row_from(o, &row) == -1 ||
		    (pf = scratch_facts(&k->sc, json_object_get(o, "facts"))) ==
		    NULL)
			goto fail;
		risks.len = 0;
		if (pf->nprojects > 0 && risk_compute_project(pf, today,
		    pf->projects[0].id, &risks) == -1)
			goto fail;
		risk_count(&risks, row.counts);
		for (row.worst = SEVERITY_CRITICAL; row.worst >= 0 &&
		    row.counts[row.worst] == 0; row.worst--)
			;
		if (severity >= 0 && row.worst < severity)
			continue;
		rows[n++] = row;
		out->total++;
	}
	for (i = 0; i < n; i++)
		rows[i].rank = rows[i].worst < 0 ? -1 :
		    risk_rank((enum severity)rows[i].worst,
		    risk_launch_days(rows[i].launch, today));
	if (n > 1)
		qsort(rows, n, sizeof(*rows), cmp_row);
	/* The rows before skipped were left in the database. */
	skipped = (size_t)json_integer_value(json_object_get(doc, "skipped"));
	first = offset - (skipped < offset ? skipped : offset);
	if (first < n) {
		memmove(rows, rows + first, (n - first) * sizeof(*rows));
		out->n = n - first < limit ? n - first : limit;
	}

	/*
	 * Across the portfolio: the first `wide` overloads of the day, of
	 * the stored ones (the first `wide` of them came) and the dirty
	 * people's, and how many there are in all.
	 */
	out->nwide = (size_t)json_integer_value(json_object_get(doc,
	    "noverload"));
	if (ledger_spans_from_json(json_object_get(doc, "overload"),
	    &k->spans) == -1)
		goto fail;
	n = k->spans.len;
	if (fresh_spans(json_object_get(doc, "dirty_people"), &k->sc,
	    &k->spans) == -1)
		goto fail;
	for (i = 0; i < k->spans.len; i++) {
		if (!ledger_covers(&k->spans.items[i], today))
			continue;
		if (i >= n)
			out->nwide++;
		if (span_risk(&k->wide, &k->spans.items[i], today) == -1)
			goto fail;
	}
	sort_risks(&k->wide);
	if (k->wide.len > wide)
		k->wide.len = wide;
	out->wide = &k->wide;
	risk_list_free(&risks);
	return (0);
fail:
	risk_list_free(&risks);
	views_portfolio_free(out);
	return (-1);
}

struct projects_call {
	int	csv;		/* GET /portfolio.csv: every row, as CSV */
	size_t	offset;
	size_t	limit;
};

static int
projects_prepare(struct http_request *req, struct pipe *p)
{
	struct projects_call	*c = pipe_ctx(p);
	json_t			*query;
	int			 ret;

	query = json_object();
	ret = KORE_RESULT_ERROR;
	if (req_query(req, project_list_query, query) == KORE_RESULT_OK) {
		c->offset = query_size(query, "offset", 0);
		c->limit = query_size(query, "limit", 50);
		if ((ret = pipe_send(p, STMT_PORTFOLIO, req_call_doc(-1, NULL,
		    query, NULL))) != KORE_RESULT_OK)
			reply_error(req, 500, "internal", "internal error",
			    NULL);
	}
	json_decref(query);
	return (ret);
}

static int
projects_finish(struct http_request *req, struct pipe *p)
{
	struct projects_call	*c = pipe_ctx(p);
	struct portfolio_rows	 rows;
	json_t			*doc, *list;
	size_t			 i;

	doc = pipe_result(p);
	if (doc == NULL || views_portfolio(doc, app_today(), -1, c->offset,
	    c->limit, 0, &rows) == -1) {
		reply_error(req, 500, "internal", "internal error", NULL);
		json_decref(doc);
		return (PIPE_DONE);
	}
	list = json_array();
	for (i = 0; i < rows.n; i++)
		json_array_append(list, rows.rows[i].doc);
	if (c->csv)
		exports_csv(req, EXPORT_PORTFOLIO, json_pack("{s:o}",
		    "projects", list), app_today());
	else {
		reply_page_links(req, c->offset, c->limit, rows.total);
		reply_json(req, 200, json_pack("{s:o, s:I}", "projects", list,
		    "total", (json_int_t)rows.total));
	}
	views_portfolio_free(&rows);
	json_decref(doc);
	return (PIPE_DONE);
}

const struct pipe_ops projects_ops = {
	.ctx_size = sizeof(struct projects_call),
	.prepare = projects_prepare,
	.finish = projects_finish,
};

/* GET /portfolio.csv: GET /api/v1/projects's read, every project. */
static int
portfolio_csv_prepare(struct http_request *req, struct pipe *p)
{
	struct projects_call	*c = pipe_ctx(p);
	json_t			*query;
	int			 ret;

	c->csv = 1;
	c->offset = 0;
	c->limit = EXPORT_ROWS_MAX;
	query = json_pack("{s:i}", "limit", EXPORT_ROWS_MAX);
	if ((ret = pipe_send(p, STMT_PORTFOLIO, req_call_doc(-1, NULL,
	    query, NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	json_decref(query);
	return (ret);
}

const struct pipe_ops portfolio_csv_ops = {
	.ctx_size = sizeof(struct projects_call),
	.prepare = portfolio_csv_prepare,
	.finish = projects_finish,
};

/* My work ---------------------------------------------------------------- */

/* The worst severity of the risks in l about box o, or -1. */
static int
box_worst(const struct risk_list *l, json_t *o)
{
	const struct risk	*r;
	const char		*key, *role;
	size_t			 j;
	int			 worst = -1;

	key = json_string_value(json_object_get(o, "responsibility"));
	role = json_string_value(json_object_get(o, "role"));
	if (key == NULL || role == NULL)
		return (-1);
	for (j = 0; j < l->len; j++) {
		r = &l->items[j];
		if (r->project_id == json_integer_value(json_object_get(o,
		    "project_id")) && r->resp_key != NULL &&
		    strcmp(r->resp_key, key) == 0 && r->role != ROLE_COUNT &&
		    strcmp(role_key(r->role), role) == 0 &&
		    (int)r->severity > worst)
			worst = (int)r->severity;
	}
	return (worst);
}

/*
 * The document of api.me (sql/api/45_me.sql) made whole, in place: its
 * "spans" and "dirty" become "risks" (open today, riskiest first, the
 * dirty projects' computed from their facts), and each box I hold or may
 * take gets "severity": its worst risk's, or null.  0, or -1 (bad or out
 * of memory).
 */
int
views_me(json_t *doc, day_t today)
{
	static const char *const lists[] = { "boxes", "open_boxes" };
	struct scratch		 sc;
	struct span_list	 clean, fresh;
	struct risk_list	 all;
	const char		*names[ROLE_COUNT];
	json_t			*box;
	size_t			 i, k;
	int			 ok, worst;

	memset(&sc, 0, sizeof(sc));
	memset(&clean, 0, sizeof(clean));
	memset(&fresh, 0, sizeof(fresh));
	memset(&all, 0, sizeof(all));
	ok = json_is_object(doc) &&
	    ledger_spans_from_json(json_object_get(doc, "spans"), &clean) ==
	    0 && fresh_spans(json_object_get(doc, "dirty"), &sc, &fresh) == 0;
	for (i = 0; ok && i < clean.len; i++)
		ok = span_risk(&all, &clean.items[i], today) == 0;
	for (i = 0; ok && i < fresh.len; i++) {
		if (fresh.items[i].r.project_id == 0 ||
		    !ledger_covers(&fresh.items[i], today))
			continue;
		ok = span_risk(&all, &fresh.items[i], today) == 0;
	}
	if (ok) {
		risk_role_names(json_object_get(doc, "role_labels"), names);
		risk_list_roles(&all, names);
		sort_risks(&all);
		for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
			json_array_foreach(json_object_get(doc, lists[k]), i,
			    box) {
				worst = box_worst(&all, box);
				json_object_set_new(box, "severity",
				    worst >= 0 ? json_string(severity_key(
				    (enum severity)worst)) : json_null());
			}
		}
		/* The names point into doc and sc: copied before they go. */
		json_object_set_new(doc, "risks", risk_list_json(&all, today));
		json_object_del(doc, "spans");
		json_object_del(doc, "dirty");
	}
	risk_list_free(&all);
	ledger_free(&clean);
	ledger_free(&fresh);
	scratch_free(&sc);
	return (ok ? 0 : -1);
}

/* GET /api/v1/me. */
static int
me_prepare(struct http_request *req, struct pipe *p)
{
	if (pipe_send(p, STMT_ME, req_call_doc(-1, NULL, NULL, NULL)) !=
	    KORE_RESULT_OK) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static int
me_finish(struct http_request *req, struct pipe *p)
{
	json_t	*doc = pipe_result(p);

	if (doc == NULL || views_me(doc, app_today()) == -1) {
		json_decref(doc);
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	reply_json(req, 200, doc);
	return (PIPE_DONE);
}

const struct pipe_ops me_ops = {
	.prepare = me_prepare,
	.finish = me_finish,
};

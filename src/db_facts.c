/*
 * db_facts: the portfolio's facts, from the api.facts_*() functions
 * (sql/0008_api_facts.sql) into a struct portfolio.
 *
 * A fixed number of statements whatever the number of projects; each
 * returns flat rows ordered by owner, and the loaders below walk them once.
 */
#include "handoff.h"
#include "facts.h"

enum {
	FACTS_SETTINGS,
	FACTS_PEOPLE,
	FACTS_PROJECTS,
	FACTS_PROJECT_VERSIONS,
	FACTS_PLANS,
	FACTS_RESPONSIBILITIES,
	FACTS_CELLS,
	FACTS_CHECKPOINTS,
	FACTS_HANDOFFS,
	FACTS_CHANGES,
	FACTS_NSTMTS
};

static const char *const facts_sql[FACTS_NSTMTS] = {
	"SELECT * FROM api.facts_settings()",
	"SELECT * FROM api.facts_people()",
	"SELECT * FROM api.facts_projects()",
	"SELECT * FROM api.facts_project_versions()",
	"SELECT * FROM api.facts_plans()",
	"SELECT * FROM api.facts_responsibilities()",
	"SELECT * FROM api.facts_cells()",
	"SELECT * FROM api.facts_checkpoints()",
	"SELECT * FROM api.facts_handoffs()",
	"SELECT * FROM api.facts_changes()",
};

/* A row cursor over one statement's result. */
struct rows {
	struct db_call	*call;
	int		 stmt;
	int		 row;
	int		 n;
};

static const char *
col(struct rows *r, int c)
{
	return (db_value(r->call, r->stmt, r->row, c));
}

/* Integers from PostgreSQL's text output; NULL reads as 0. */
static int64_t
num(struct rows *r, int c)
{
	const char	*s;
	int64_t		 v;
	int		 neg;

	if ((s = col(r, c)) == NULL)
		return (0);
	neg = (*s == '-');
	if (neg)
		s++;
	for (v = 0; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	return (neg ? -v : v);
}

static day_t
day(struct rows *r, int c)
{
	return ((day_t)num(r, c));
}

static int
flag(struct rows *r, int c)
{
	const char	*s = col(r, c);

	return (s != NULL && *s == 't');
}

static const char *
text(struct rows *r, int c)
{
	const char	*s = col(r, c);

	return (s != NULL ? s : "");
}

static void
version(struct rows *r, int c, struct version *v)
{
	v->seq = num(r, c);
	v->on = day(r, c + 1);
	v->actor = text(r, c + 2);
}

/*
 * The project a row belongs to, remembering the last one looked up.
 * Projects arrive ORDER BY id (sql/0008_api_facts.sql), so they can be
 * found by binary search before facts_sort().
 */
static struct project *
owner(struct portfolio *pf, struct rows *r, struct project **last)
{
	int64_t		id = num(r, 0);

	if (*last == NULL || (*last)->id != id)
		*last = facts_project(pf, id);
	return (*last);
}

static int
rows_open(struct rows *r, struct db_call *call, int stmt)
{
	r->call = call;
	r->stmt = stmt;
	r->row = 0;
	r->n = db_ntuples(call, stmt);
	return (r->n);
}

static void
load_settings(struct portfolio *pf, struct rows *r)
{
	const char	*key;

	for (; r->row < r->n; r->row++) {
		key = text(r, 0);
		if (strcmp(key, "overload_threshold") == 0)
			pf->overload_threshold = (int)num(r, 1);
		else if (strcmp(key, "stale_low_days") == 0)
			pf->stale_low_days = (int)num(r, 1);
		else if (strcmp(key, "stale_medium_days") == 0)
			pf->stale_medium_days = (int)num(r, 1);
	}
}

static void
load_people(struct portfolio *pf, struct rows *r)
{
	struct person	*p;
	struct version	 v;
	int64_t		 id;

	p = NULL;
	for (; r->row < r->n; r->row++) {
		id = num(r, 0);
		if (p == NULL || p->id != id)
			p = facts_add_person(pf, id, text(r, 1));
		version(r, 2, &v);
		facts_person_version(pf, p, v.seq, v.on, v.actor, flag(r, 5));
	}
}

static void
load_projects(struct portfolio *pf, struct rows *r)
{
	for (; r->row < r->n; r->row++) {
		(void)facts_add_project(pf, num(r, 0), text(r, 1), num(r, 2),
		    day(r, 3), day(r, 4));
	}
}

static void
load_project_versions(struct portfolio *pf, struct rows *r)
{
	struct project		*pr, *last = NULL;
	struct project_version	 pv;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL)
			continue;
		memset(&pv, 0, sizeof(pv));
		version(r, 1, &pv.v);
		if (project_status_from_key(text(r, 4), &pv.status) == -1 ||
		    stage_from_key(text(r, 5), &pv.stage) == -1)
			continue;
		pv.target_launch = day(r, 6);
		pv.spec_missing = (unsigned int)num(r, 7);
		facts_project_version(pf, pr, &pv);
	}
}

static void
load_plans(struct portfolio *pf, struct rows *r)
{
	struct project		*pr, *last = NULL;
	struct plan_version	 pl;
	enum stage		 s;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL ||
		    stage_from_key(text(r, 4), &s) == -1)
			continue;
		version(r, 1, &pl.v);
		pl.start = day(r, 5);
		pl.end = day(r, 6);
		facts_plan_version(pf, pr, s, &pl);
	}
}

static void
load_responsibilities(struct portfolio *pf, struct rows *r)
{
	struct project	*pr, *last = NULL;
	enum stage	 s;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL ||
		    stage_from_key(text(r, 3), &s) == -1)
			continue;
		(void)facts_add_responsibility(pf, pr, text(r, 1), text(r, 2),
		    s, (unsigned int)num(r, 4));
	}
}

static struct responsibility *
find_resp(struct project *pr, const char *key)
{
	size_t	i;

	for (i = 0; i < pr->nresps; i++) {
		if (strcmp(pr->resps[i].key, key) == 0)
			return (&pr->resps[i]);
	}
	return (NULL);
}

static void
load_cells(struct portfolio *pf, struct rows *r)
{
	struct project		*pr, *last = NULL;
	struct responsibility	*resp;
	struct cell_version	 cv;
	enum role		 role;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL ||
		    (resp = find_resp(pr, text(r, 1))) == NULL ||
		    role_from_key(text(r, 2), &role) == -1)
			continue;
		version(r, 3, &cv.v);
		cv.person_id = num(r, 6);
		facts_cell_version(pf, resp, role, &cv);
	}
}

static void
load_checkpoints(struct portfolio *pf, struct rows *r)
{
	struct project			*pr, *last = NULL;
	struct checkpoint		*c = NULL;
	struct checkpoint_version	 cv;
	enum stage			 s;
	int64_t				 id;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL ||
		    stage_from_key(text(r, 3), &s) == -1)
			continue;
		id = num(r, 1);
		if (c == NULL || c->id != id)
			c = facts_add_checkpoint(pf, pr, id, text(r, 2), s);
		version(r, 4, &cv.v);
		if (checkpoint_status_from_key(text(r, 7), &cv.status) == -1)
			continue;
		cv.due = day(r, 8);
		cv.completed = day(r, 9);
		cv.deleted = flag(r, 10);
		facts_checkpoint_version(pf, c, &cv);
	}
}

static void
load_handoffs(struct portfolio *pf, struct rows *r)
{
	struct project		*pr, *last = NULL, *hp = NULL;
	struct handoff		*h = NULL;
	struct handoff_version	 hv;
	enum stage		 s;
	char			 key;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) == NULL ||
		    stage_from_key(text(r, 3), &s) == -1)
			continue;
		key = text(r, 1)[0];
		if (h == NULL || hp != pr || h->key != key) {
			h = facts_add_handoff(pf, pr, key, text(r, 2), s);
			hp = pr;
		}
		if (col(r, 4) == NULL)
			continue;	/* never offered: no versions */
		version(r, 4, &hv.v);
		hv.from_id = num(r, 7);
		hv.to_id = num(r, 8);
		hv.offered = day(r, 9);
		hv.accepted = day(r, 10);
		facts_handoff_version(pf, h, &hv);
	}
}

static void
load_changes(struct portfolio *pf, struct rows *r)
{
	struct project	*pr, *last = NULL;

	for (; r->row < r->n; r->row++) {
		if ((pr = owner(pf, r, &last)) != NULL)
			facts_project_change(pf, pr, day(r, 1));
	}
}

/* Queue the fact statements; returns the index of the first one, or -1. */
int
db_facts_push(struct db_call *call)
{
	int	i, first;

	first = -1;
	for (i = 0; i < FACTS_NSTMTS; i++) {
		if (db_push0(call, facts_sql[i]) != KORE_RESULT_OK)
			return (-1);
		if (first == -1)
			first = db_nstmts(call) - 1;
	}
	return (first);
}

/* Build pf (already facts_init()ed) from the results starting at first. */
int
db_facts_load(struct db_call *call, int first, struct portfolio *pf)
{
	static void	(*const loaders[FACTS_NSTMTS])(struct portfolio *,
			    struct rows *) = {
		load_settings, load_people, load_projects,
		load_project_versions, load_plans, load_responsibilities,
		load_cells, load_checkpoints, load_handoffs, load_changes,
	};
	struct rows	r;
	int		i;

	for (i = 0; i < FACTS_NSTMTS; i++) {
		(void)rows_open(&r, call, first + i);
		loaders[i](pf, &r);
	}
	facts_sort(pf);

	if (facts_failed(pf)) {
		kore_log(LOG_ERR, "db_facts: out of memory loading facts");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

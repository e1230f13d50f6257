/*
 * ledger: the risks of every day at once, as spans (see ledger.h).
 *
 * Each rule's probe is walked back from the far future to before the
 * project existed, which visits every segment on which the rule's answer
 * and everything its sentence reads stay the same (rule.c).  Walked
 * forward again, the segments on which the rule holds become spans: one
 * per stretch on which its description does not change, all of one run
 * sharing the run's first day as "since".
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "rule.h"

/* The segments of one walk, latest first. */
struct segs {
	struct seg	*v;
	day_t		*hi;
	size_t		 n;
	size_t		 cap;
};

static int
segs_add(struct segs *s, const struct seg *seg, day_t hi)
{
	struct seg	*v;
	day_t		*h;
	size_t		 cap;

	if (s->n == s->cap) {
		cap = s->cap == 0 ? 16 : s->cap * 2;
		if ((v = reallocarray(s->v, cap, sizeof(*v))) == NULL)
			return (-1);
		s->v = v;
		if ((h = reallocarray(s->hi, cap, sizeof(*h))) == NULL)
			return (-1);
		s->hi = h;
		s->cap = cap;
	}
	s->v[s->n] = *seg;
	s->hi[s->n++] = hi;
	return (0);
}

static struct risk_span *
span_add(struct span_list *l)
{
	struct risk_span	*items;
	size_t			 cap;

	if (l->len == l->cap) {
		cap = l->cap == 0 ? 32 : l->cap * 2;
		if (cap > SIZE_MAX / sizeof(*items) ||
		    (items = realloc(l->items, cap * sizeof(*items))) == NULL)
			return (NULL);
		l->items = items;
		l->cap = cap;
	}
	return (&l->items[l->len++]);
}

/* Does b say what a says, on every day both cover? */
static int
same_risk(const struct risk *a, const struct risk *b)
{
	return (a->severity == b->severity && a->since == b->since &&
	    a->launch == b->launch && a->stage == b->stage &&
	    a->person_id == b->person_id && a->inactive == b->inactive &&
	    a->ref_day == b->ref_day && a->event_day == b->event_day &&
	    a->held == b->held && a->threshold == b->threshold &&
	    a->actor_id == b->actor_id && (a->note == b->note ||
	    (a->note != NULL && b->note != NULL &&
	    strcmp(a->note, b->note) == 0)));
}

/*
 * Walk the probe back from the far future, then forward over what it
 * found, adding a span wherever describe() says something new.
 */
static int
walk(const struct rule *rule, struct probe *p, const char *key,
    struct span_list *out)
{
	const struct project_version	*pv;
	struct risk_span		*sp, *last;
	struct segs			 segs;
	struct seg			 s;
	struct risk			 x;
	day_t				 t, since;
	size_t				 i;
	int				 rc;

	memset(&segs, 0, sizeof(segs));
	rc = -1;
	probe_reset(p);
	for (t = DAY_FAR;; t = s.lo - 1) {
		probe_eval(p, t, &s);
		if (s.lo > t)
			s.lo = t;
		if (segs_add(&segs, &s, t) == -1)
			goto out;
		if (s.lo <= DAY_EARLIEST)
			break;
	}

	last = NULL;
	since = DAY_NONE;
	for (i = segs.n; i > 0; i--) {
		s = segs.v[i - 1];
		if (!s.holds) {
			if (last != NULL) {
				last->ends = 1;
				last->closed_by = s.actor;
			}
			last = NULL;
			continue;
		}
		if (last == NULL)
			since = s.lo;
		pv = project_at(p->pr, s.lo);
		risk_clear(&x, rule->kind);
		x.project_id = p->pr->id;
		x.project_name = p->pr->name;
		x.launch = pv->target_launch;
		(void)snprintf(x.subject, sizeof(x.subject), "%s", key);
		rule->describe(p, s.lo, &x);
		x.since = since;
		if (last != NULL && same_risk(&last->r, &x)) {
			last->to = segs.hi[i - 1] >= DAY_FAR ? DAY_NONE :
			    segs.hi[i - 1] + 1;
			continue;
		}
		if ((sp = span_add(out)) == NULL)
			goto out;
		memset(sp, 0, sizeof(*sp));
		sp->r = x;
		sp->from = s.lo;
		sp->to = segs.hi[i - 1] >= DAY_FAR ? DAY_NONE :
		    segs.hi[i - 1] + 1;
		last = sp;
	}
	rc = 0;
out:
	free(segs.v);
	free(segs.hi);
	return (rc);
}

int
ledger_project(const struct portfolio *pf, const struct project *pr,
    struct span_list *out)
{
	const struct rule	*rule;
	struct probe		 p;
	size_t			 i, k, n;
	char			 key[RISK_SUBJECT_LEN];

	for (k = 0; k < nrules; k++) {
		rule = &rules[k];
		n = rule->count(pr);
		for (i = 0; i < n; i++) {
			probe_init(&p, rule->probe, pf, pr);
			if (!rule->subject(&p, i, key))
				continue;
			if (walk(rule, &p, key, out) == -1)
				return (-1);
		}
	}
	return (0);
}

/* The overload spans of one person from their boxes[0..n). */
static int
person_spans(const struct portfolio *pf, const struct person *person,
    const struct box_ref *boxes, size_t n, struct span_list *out)
{
	struct load_seg		*load;
	struct risk_span	*sp, *last;
	size_t			 nload, i;
	day_t			 since;

	if (rule_load(pf, person, boxes, n, &load, &nload) == -1)
		return (-1);
	last = NULL;
	since = DAY_NONE;
	for (i = 0; i < nload; i++) {
		if (load[i].held <= pf->overload_threshold) {
			if (last != NULL) {
				last->ends = 1;
				last->closed_by = load[i].actor;
			}
			last = NULL;
			continue;
		}
		if (last == NULL)
			since = load[i].lo;
		if ((sp = span_add(out)) == NULL) {
			free(load);
			return (-1);
		}
		memset(sp, 0, sizeof(*sp));
		risk_clear(&sp->r, RISK_OVERLOADED_OWNER);
		sp->r.severity = SEVERITY_MEDIUM;
		(void)snprintf(sp->r.subject, sizeof(sp->r.subject),
		    "person/%lld", (long long)person->id);
		sp->r.person_id = person->id;
		sp->r.person_name = person->name;
		sp->r.held = load[i].held;
		sp->r.threshold = pf->overload_threshold;
		sp->r.launch = load[i].launch;
		rule_actor(pf, load[i].pm, &sp->r);
		sp->r.since = since;
		sp->from = load[i].lo;
		sp->to = load[i].hi >= DAY_FAR ? DAY_NONE : load[i].hi + 1;
		last = sp;
	}
	free(load);
	return (0);
}

int
ledger_person(const struct portfolio *pf, const struct person *person,
    struct span_list *out)
{
	struct box_ref	*boxes;
	size_t		 n, i, j;
	int		 rc;

	if (rule_boxes(pf, &boxes, &n) == -1)
		return (-1);
	for (i = 0; i < n && boxes[i].person_id != person->id; i++)
		;
	for (j = i; j < n && boxes[j].person_id == person->id; j++)
		;
	/* No boxes: boxes may be NULL, and NULL + 0 is undefined. */
	rc = person_spans(pf, person, n > 0 ? &boxes[i] : NULL, j - i, out);
	free(boxes);
	return (rc);
}

int
ledger_all(const struct portfolio *pf, struct span_list *out)
{
	const struct person	*person;
	struct box_ref		*boxes;
	size_t			 n, i, j;
	int			 rc;

	for (i = 0; i < pf->nprojects; i++) {
		if (ledger_project(pf, &pf->projects[i], out) == -1)
			return (-1);
	}
	if (rule_boxes(pf, &boxes, &n) == -1)
		return (-1);
	rc = 0;
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && boxes[j].person_id == boxes[i].person_id;
		    j++)
			;
		if ((person = facts_person(pf, boxes[i].person_id)) != NULL &&
		    person_spans(pf, person, &boxes[i], j - i, out) == -1) {
			rc = -1;
			break;
		}
	}
	free(boxes);
	return (rc);
}

int
ledger_covers(const struct risk_span *sp, day_t d)
{
	return (sp->from <= d && (sp->to == DAY_NONE || d < sp->to));
}

int
ledger_risks_at(const struct span_list *l, day_t d, struct risk_list *out)
{
	struct risk	*r, *items;
	size_t		 i, cap;

	for (i = 0; i < l->len; i++) {
		if (!ledger_covers(&l->items[i], d))
			continue;
		if (out->len == out->cap) {
			cap = out->cap == 0 ? 16 : out->cap * 2;
			if ((items = reallocarray(out->items, cap,
			    sizeof(*items))) == NULL)
				return (-1);
			out->items = items;
			out->cap = cap;
		}
		r = &out->items[out->len++];
		*r = l->items[i].r;
		risk_describe(r, d);
	}
	return (0);
}

int
ledger_resolve(const struct span_list *l, day_t before, day_t asof,
    struct risk_list *risks)
{
	const struct risk_span	*sp;
	struct risk		*r;
	size_t			 i, j;

	for (i = 0; i < risks->len; i++) {
		r = &risks->items[i];
		r->resolved_on = DAY_NONE;
		r->resolved_by = NULL;
		for (j = 0; j < l->len; j++) {
			sp = &l->items[j];
			if (!sp->ends || sp->to <= before || sp->to > asof ||
			    !risk_same(&sp->r, r))
				continue;
			if (r->resolved_on == DAY_NONE ||
			    sp->to > r->resolved_on) {
				r->resolved_on = sp->to;
				r->resolved_by = sp->closed_by;
			}
		}
	}
	return (0);
}

void
ledger_free(struct span_list *l)
{
	free(l->items);
	l->items = NULL;
	l->len = 0;
	l->cap = 0;
}

static int
cmp_day(const void *a, const void *b)
{
	day_t	x = *(const day_t *)a, y = *(const day_t *)b;

	return ((x > y) - (x < y));
}

/* Is a before b in risk order within one project? */
static int
profile_before(const struct risk *a, const struct risk *b)
{
	if (a->severity != b->severity)
		return (a->severity > b->severity);
	if (a->kind != b->kind)
		return (a->kind < b->kind);
	return (strcmp(a->subject, b->subject) < 0);
}

int
ledger_profile(const struct span_list *spans, struct profile_list *out)
{
	struct profile_row	*row, *grown;
	const struct risk_span	*sp;
	day_t			*days;
	size_t			 ndays, i, j, k;

	out->len = 0;
	if (spans->len == 0)
		return (0);
	if ((days = reallocarray(NULL, spans->len * 2, sizeof(*days))) ==
	    NULL)
		return (-1);
	ndays = 0;
	for (i = 0; i < spans->len; i++) {
		days[ndays++] = spans->items[i].from;
		if (spans->items[i].to != DAY_NONE)
			days[ndays++] = spans->items[i].to;
	}
	qsort(days, ndays, sizeof(*days), cmp_day);
	for (i = 0, k = 0; i < ndays; i++) {
		if (k == 0 || days[i] != days[k - 1])
			days[k++] = days[i];
	}
	ndays = k;

	for (i = 0; i < ndays; i++) {
		if (out->len == out->cap) {
			k = out->cap == 0 ? 16 : out->cap * 2;
			if ((grown = reallocarray(out->items, k,
			    sizeof(*grown))) == NULL) {
				free(days);
				return (-1);
			}
			out->items = grown;
			out->cap = k;
		}
		row = &out->items[out->len];
		memset(row, 0, sizeof(*row));
		row->from = days[i];
		row->to = i + 1 < ndays ? days[i + 1] : DAY_NONE;
		row->worst = -1;
		row->launch = DAY_NONE;
		for (j = 0; j < spans->len; j++) {
			sp = &spans->items[j];
			if (!ledger_covers(sp, row->from))
				continue;
			row->counts[sp->r.severity]++;
			if ((int)sp->r.severity > row->worst)
				row->worst = (int)sp->r.severity;
			if (sp->r.launch != DAY_NONE &&
			    (row->launch == DAY_NONE ||
			    sp->r.launch > row->launch))
				row->launch = sp->r.launch;
			if (row->first == NULL ||
			    profile_before(&sp->r, row->first))
				row->first = &sp->r;
		}
		if (row->first != NULL)
			out->len++;
	}
	free(days);
	return (0);
}

void
ledger_profile_free(struct profile_list *l)
{
	free(l->items);
	l->items = NULL;
	l->len = 0;
	l->cap = 0;
}

/* Room for one more item of size sz in *items, which holds cap. */
static int
grow(void *items, size_t *cap, size_t len, size_t sz)
{
	void	*grown;
	size_t	 n;

	if (len < *cap)
		return (0);
	n = *cap == 0 ? 16 : *cap * 2;
	if ((grown = reallocarray(*(void **)items, n, sz)) == NULL)
		return (-1);
	*(void **)items = grown;
	*cap = n;
	return (0);
}

int
ledger_holders(const struct project *pr, struct holder_list *out)
{
	const struct responsibility	*r;
	const struct cell_version	*cell;
	struct holder_span		*h;
	int64_t				*now;
	day_t				*days;
	size_t				 ndays, nnow, open, i, j, k, n;
	int				 role, rc;

	out->len = 0;
	/*
	 * Who holds what changes only on the days versions of the project
	 * or its boxes take effect, and on the day it was created.
	 */
	n = 1 + pr->nversions;
	for (i = 0; i < pr->nresps; i++)
		for (role = 0; role < ROLE_COUNT; role++)
			n += pr->resps[i].ncells[role];
	if ((days = reallocarray(NULL, n, sizeof(*days))) == NULL ||
	    (now = reallocarray(NULL, n, sizeof(*now))) == NULL) {
		free(days);
		return (-1);
	}
	ndays = 0;
	days[ndays++] = pr->created;
	for (i = 0; i < pr->nversions; i++)
		days[ndays++] = pr->versions[i].v.on;
	for (i = 0; i < pr->nresps; i++) {
		r = &pr->resps[i];
		for (role = 0; role < ROLE_COUNT; role++)
			for (j = 0; j < r->ncells[role]; j++)
				days[ndays++] = r->cells[role][j].v.on;
	}
	qsort(days, ndays, sizeof(*days), cmp_day);
	for (i = 0, k = 0; i < ndays; i++) {
		if (k == 0 || days[i] != days[k - 1])
			days[k++] = days[i];
	}
	ndays = k;

	/*
	 * On each of those days, the holders; a run goes on while its
	 * person holds a box on the next, else it stops there.  The runs
	 * still open are out->items[open..len).
	 */
	rc = 0;
	open = 0;
	for (i = 0; i < ndays && rc == 0; i++) {
		nnow = 0;
		if (project_active_at(pr, days[i]) != NULL) {
			for (j = 0; j < pr->nresps; j++) {
				r = &pr->resps[j];
				for (role = 0; role < ROLE_COUNT; role++) {
					if ((r->expects & (1u << role)) == 0 ||
					    (cell = cell_at(r, (enum role)role,
					    days[i])) == NULL ||
					    cell->person_id == 0)
						continue;
					for (k = 0; k < nnow &&
					    now[k] != cell->person_id; k++)
						;
					if (k == nnow)
						now[nnow++] = cell->person_id;
				}
			}
		}
		/* Stop the open runs of people who no longer hold a box. */
		for (k = open; k < out->len; k++) {
			h = &out->items[k];
			for (j = 0; j < nnow && now[j] != h->person_id; j++)
				;
			if (j == nnow)
				h->to = days[i];
			else
				now[j] = 0;	/* goes on */
		}
		/* Closed runs move before the open ones. */
		for (k = open; k < out->len; k++) {
			if (out->items[k].to != DAY_NONE) {
				struct holder_span	t = out->items[open];

				out->items[open] = out->items[k];
				out->items[k] = t;
				open++;
			}
		}
		/* New runs for the others. */
		for (j = 0; j < nnow; j++) {
			if (now[j] == 0)
				continue;
			if (grow(&out->items, &out->cap, out->len,
			    sizeof(*out->items)) == -1) {
				rc = -1;
				break;
			}
			h = &out->items[out->len++];
			h->person_id = now[j];
			h->from = days[i];
			h->to = DAY_NONE;
		}
	}
	free(days);
	free(now);
	return (rc);
}

void
ledger_holders_free(struct holder_list *l)
{
	free(l->items);
	l->items = NULL;
	l->len = 0;
	l->cap = 0;
}

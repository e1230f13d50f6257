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
	    a->held == b->held && a->threshold == b->threshold);
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
	rc = person_spans(pf, person, &boxes[i], j - i, out);
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

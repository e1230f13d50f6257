/*
 * rule: the rules and the walk over time (see rule.h; the rules and their
 * severities are described in risk.c).
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"

static void	 cursor_init(struct cursor *, const void *, size_t, size_t);
static const void *cursor_at(struct cursor *, day_t);
static void	 seg_cut(struct seg *, day_t, const char *);
static void	 seg_cut_weak(struct seg *, day_t, const char *);
static const struct project_version *probe_project(struct probe *, day_t,
		    struct seg *);

/* Walking back in time ------------------------------------------------- */

static void
cursor_init(struct cursor *c, const void *versions, size_t n, size_t size)
{
	c->base = versions;
	c->size = size;
	c->n = versions == NULL ? 0 : n;
}

/*
 * The version in effect at t is the one with the highest index (seq)
 * whose day is <= t; versions above it have later days, so they stay out
 * of effect for every earlier day and the cursor drops them for good.  A
 * walk back over n versions costs O(n) in all.  The run of the version
 * found starts on its own day: every version recorded after it is dated
 * after t.
 */
static const void *
cursor_at(struct cursor *c, day_t t)
{
	const struct version	*v;

	while (c->n > 0) {
		v = (const struct version *)(const void *)
		    (c->base + (c->n - 1) * c->size);
		if (v->on <= t)
			return (v);
		c->n--;
	}
	return (NULL);
}

/*
 * The segment cannot reach back past a change on day `from`.  Facts are
 * consulted from the project down to the subject, so when two versions
 * take effect on the same day the one consulted later, closer to the
 * subject, is named as the one that made the change.
 */
static void
seg_cut(struct seg *s, day_t from, const char *actor)
{
	if (from > s->lo) {
		s->lo = from;
		s->actor = actor;
	} else if (from == s->lo && actor != NULL)
		s->actor = actor;
}

/*
 * The same, but a version already named for that day stays named: for
 * facts that only change what a risk says, never whether it holds, and
 * for a holder's own versions (a box filled the day its new holder
 * starts is named after the filling).
 */
static void
seg_cut_weak(struct seg *s, day_t from, const char *actor)
{
	if (from > s->lo) {
		s->lo = from;
		s->actor = actor;
	}
}

void
probe_init(struct probe *p, enum probe_kind kind,
    const struct portfolio *pf, const struct project *pr)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->pf = pf;
	p->pr = pr;
	p->role = ROLE_COUNT;
	p->stage = STAGE_COUNT;
	p->field = SPEC_COUNT;
	p->active_from = DAY_NONE;
}

/*
 * The walk only asks whether the rule holds, the rule's holding reads
 * only whether the project is active, and it has been since `from` (with
 * pv in effect at the end): see struct probe.
 */
void
probe_status_only(struct probe *p, day_t from,
    const struct project_version *pv)
{
	p->active_from = from;
	p->active_pv = pv;
}

void
probe_reset(struct probe *p)
{
	const struct responsibility	*r = p->resp;
	const struct project		*pr = p->pr;

	memset(&p->subject, 0, sizeof(p->subject));
	memset(&p->plan, 0, sizeof(p->plan));
	if (pr != NULL) {
		cursor_init(&p->project, pr->versions, pr->nversions,
		    sizeof(*pr->versions));
		p->nchanges = pr->nchanges;
	}
	p->holder = NULL;

	switch (p->kind) {
	case PROBE_EMPTY_BOX:
		cursor_init(&p->plan, pr->plans[r->needed_by],
		    pr->nplans[r->needed_by], sizeof(*pr->plans[0]));
		/* FALLTHROUGH */
	case PROBE_HOLDS_BOX:
		cursor_init(&p->subject, r->cells[p->role], r->ncells[p->role],
		    sizeof(*r->cells[p->role]));
		break;
	case PROBE_MISSED:
	case PROBE_BLOCKED:
	case PROBE_SLIPS:
	case PROBE_STOP_IGNORED:
	case PROBE_OVERRIDDEN:
		cursor_init(&p->subject, p->cp->versions, p->cp->nversions,
		    sizeof(*p->cp->versions));
		break;
	case PROBE_HANDOFF:
		cursor_init(&p->subject, p->ho->versions, p->ho->nversions,
		    sizeof(*p->ho->versions));
		break;
	case PROBE_OVERRUN:
		cursor_init(&p->subject, pr->plans[p->stage],
		    pr->nplans[p->stage], sizeof(*pr->plans[p->stage]));
		break;
	case PROBE_PERSON_ACTIVE:
		cursor_init(&p->subject, p->person->versions,
		    p->person->nversions, sizeof(*p->person->versions));
		break;
	case PROBE_READINESS:
		cursor_init(&p->subject, p->rd->versions, p->rd->nversions,
		    sizeof(*p->rd->versions));
		break;
	case PROBE_SPEC:
	case PROBE_AUDIT:
	case PROBE_STALE:
	case PROBE_REACHED:
	case PROBE_GOALPOSTS:
	case PROBE_NO_BASELINE:
		break;
	}
}

/*
 * The project's part of every project rule: it exists and is active on
 * day t.  Returns its version then, else NULL (the rule does not hold).
 */
static const struct project_version *
probe_project(struct probe *p, day_t t, struct seg *s)
{
	const struct project_version	*pv;

	/* Before creation the answer is "no" as far back as one can go. */
	if (t < p->pr->created)
		return (NULL);
	if (p->active_from != DAY_NONE && t >= p->active_from) {
		seg_cut(s, p->active_from, NULL);
		return (p->active_pv);
	}
	seg_cut(s, p->pr->created, NULL);
	if ((pv = cursor_at(&p->project, t)) == NULL)
		return (NULL);
	seg_cut(s, pv->v.on, pv->v.actor);
	return (pv->status == PROJECT_ACTIVE ? pv : NULL);
}

/*
 * The rules that read history (moving goalposts, slips, a stop ignored)
 * read the versions in effect on the days up to t.  Which version is in
 * effect on a day before t does not depend on t, and the one in effect on
 * t has been since its own day: so what they read stays the same over
 * [the day of the version in effect on t, t], the cut each makes.
 */

/*
 * Moving goalposts on day t, pv in effect then: the project is past the
 * data stage, its current run past it began on *left, and the primary
 * metric written on the day before that differs from pv's.  *changed:
 * the first day of pv's metric within that run.
 */
static int
goalposts(const struct project *pr, const struct project_version *pv,
    day_t t, day_t *left, day_t *changed)
{
	const struct project_version	*v;
	struct cursor			 c;
	day_t				 d;
	int				 same;

	if (pv->stage <= STAGE_DATA)
		return (0);
	cursor_init(&c, pr->versions, pr->nversions, sizeof(*pr->versions));
	*left = *changed = t;
	same = 1;
	for (d = t; (v = cursor_at(&c, d)) != NULL && v->stage > STAGE_DATA;
	    d = v->v.on - 1) {
		*left = v->v.on;
		if (same && v->metric == pv->metric)
			*changed = v->v.on;
		else
			same = 0;
	}
	return (v != NULL && v->metric != 0 && v->metric != pv->metric);
}

/*
 * A checkpoint's slips up to day t, cv in effect then: how many times its
 * due date moved later from one version in effect to the next, and its
 * first due date.
 */
static int
slips(const struct checkpoint *cp, day_t t, day_t *first)
{
	const struct checkpoint_version	*v, *newer;
	struct cursor			 c;
	day_t				 d;
	int				 n;

	cursor_init(&c, cp->versions, cp->nversions, sizeof(*cp->versions));
	n = 0;
	newer = NULL;
	*first = DAY_NONE;
	for (d = t; (v = cursor_at(&c, d)) != NULL; d = v->v.on - 1) {
		if (newer != NULL && v->due != DAY_NONE &&
		    newer->due != DAY_NONE && newer->due > v->due)
			n++;
		if (v->due != DAY_NONE)
			*first = v->due;
		newer = v;
		if (v->v.on <= DAY_EARLIEST)
			break;
	}
	return (n);
}

/*
 * A stop or pivot ignored on day t, cv the checkpoint's version then
 * (its outcome stop or pivot) and pv the project's: *recorded, the first
 * day of the run of days on which its outcome has been stop or pivot;
 * *moved, the first day from then on (that day included: the order of
 * two changes of one day is not known) on which the project's stage moved
 * forward.  Holds when it did and the project did not move back to
 * framing from then on (a new framing).
 */
static int
stop_ignored(const struct checkpoint *cp, const struct project *pr,
    day_t t, day_t *recorded, day_t *moved)
{
	const struct checkpoint_version	*v;
	const struct project_version	*pv, *newer;
	struct cursor			 c;
	day_t				 d;

	cursor_init(&c, cp->versions, cp->nversions, sizeof(*cp->versions));
	*recorded = DAY_NONE;
	for (d = t; (v = cursor_at(&c, d)) != NULL && !v->deleted &&
	    (v->outcome == OUTCOME_STOP || v->outcome == OUTCOME_PIVOT);
	    d = v->v.on - 1)
		*recorded = v->v.on;
	if (*recorded == DAY_NONE)
		return (0);

	/* The project's versions in effect on the days after it. */
	cursor_init(&c, pr->versions, pr->nversions, sizeof(*pr->versions));
	*moved = DAY_NONE;
	newer = NULL;
	for (d = t; (pv = cursor_at(&c, d)) != NULL; d = pv->v.on - 1) {
		if (newer != NULL && newer->v.on >= *recorded) {
			/* Back to framing: a new framing. */
			if (newer->stage == STAGE_FRAMING &&
			    pv->stage > STAGE_FRAMING)
				return (0);
			if (newer->stage > pv->stage)
				*moved = newer->v.on;
		}
		if (pv->v.on < *recorded)
			break;
		newer = pv;
	}
	return (*moved != DAY_NONE);
}

/*
 * The answer of the probe's rule on day t, and the segment over which it
 * stays the same, together with everything the rule's description reads
 * (its severity, the dates its sentence gives).  The facts read only ever
 * make a rule hold, or grow more severe, from a later day as time passes
 * (a due date, an offer, a planned end, the last change), so those
 * thresholds only shorten a segment.
 */
void
probe_eval(struct probe *p, day_t t, struct seg *s)
{
	const struct project_version	*pv, *rv;
	const struct person_version	*person;
	const struct cell_version	*cell;
	const struct checkpoint_version	*cv;
	const struct handoff_version	*hv;
	const struct plan_version	*plan;
	const struct checkpoint		*bc;
	const struct readiness_version	*ready;
	day_t				 last, a, b;
	size_t				 i;
	int				 n;

	s->holds = 0;
	s->lo = DAY_EARLIEST;
	s->actor = NULL;

	if (p->kind == PROBE_PERSON_ACTIVE) {
		if ((person = cursor_at(&p->subject, t)) != NULL) {
			seg_cut(s, person->v.on, person->v.actor);
			s->holds = person->active != 0;
		}
		return;
	}
	if (p->kind == PROBE_REACHED) {
		/* The stage alone, whatever the status. */
		if (t < p->pr->created)
			return;
		seg_cut(s, p->pr->created, NULL);
		if ((rv = cursor_at(&p->project, t)) == NULL)
			return;
		seg_cut(s, rv->v.on, rv->v.actor);
		s->holds = rv->stage >= p->stage;
		return;
	}

	if ((pv = probe_project(p, t, s)) == NULL)
		return;

	switch (p->kind) {
	case PROBE_EMPTY_BOX:
		/* A row is the project's on [from, until) only. */
		if (p->resp->until != DAY_NONE && t >= p->resp->until) {
			seg_cut(s, p->resp->until, p->resp->until_by);
			break;
		}
		if (p->resp->from != DAY_NONE) {
			if (t < p->resp->from)
				break;
			seg_cut(s, p->resp->from, p->resp->from_by);
		}
		/* The needed-by stage's planned start is in the sentence. */
		if ((plan = cursor_at(&p->plan, t)) != NULL)
			seg_cut_weak(s, plan->v.on, plan->v.actor);
		if ((cell = cursor_at(&p->subject, t)) != NULL)
			seg_cut(s, cell->v.on, cell->v.actor);
		if (cell == NULL || cell->person_id == 0) {
			s->holds = 1;
			break;
		}
		if (p->holder == NULL || p->holder->id != cell->person_id) {
			/* Another holder: walk their versions afresh. */
			p->holder = facts_person(p->pf, cell->person_id);
			if (p->holder != NULL)
				cursor_init(&p->holder_versions,
				    p->holder->versions, p->holder->nversions,
				    sizeof(*p->holder->versions));
		}
		if (p->holder == NULL) {
			s->holds = 1;	/* nobody we know of */
			break;
		}
		/* A box filled the day its new holder starts: the filling. */
		if ((person = cursor_at(&p->holder_versions, t)) != NULL)
			seg_cut_weak(s, person->v.on, person->v.actor);
		s->holds = person == NULL || person->active == 0;
		break;
	case PROBE_HOLDS_BOX:
		if ((cell = cursor_at(&p->subject, t)) != NULL)
			seg_cut(s, cell->v.on, cell->v.actor);
		s->holds = cell != NULL && cell->person_id == p->person_id;
		break;
	case PROBE_MISSED:
	case PROBE_BLOCKED:
		if ((cv = cursor_at(&p->subject, t)) == NULL)
			break;
		seg_cut(s, cv->v.on, cv->v.actor);
		if (cv->deleted)
			break;
		if (p->kind == PROBE_BLOCKED) {
			s->holds = cv->status == CHECKPOINT_BLOCKED;
			break;
		}
		if (cv->status == CHECKPOINT_DONE ||
		    cv->status == CHECKPOINT_WAIVED || cv->due == DAY_NONE ||
		    t <= cv->due)
			break;
		seg_cut(s, cv->due + 1, NULL);
		if ((int64_t)t - cv->due >= OVERDUE_CRITICAL_DAYS)
			seg_cut(s, cv->due + OVERDUE_CRITICAL_DAYS, NULL);
		else if ((int64_t)t - cv->due >= OVERDUE_HIGH_DAYS)
			seg_cut(s, cv->due + OVERDUE_HIGH_DAYS, NULL);
		s->holds = 1;
		break;
	case PROBE_HANDOFF:
		if ((hv = cursor_at(&p->subject, t)) != NULL)
			seg_cut(s, hv->v.on, hv->v.actor);
		if (hv != NULL && hv->accepted != DAY_NONE)
			break;
		if (pv->stage >= p->ho->leads_into) {
			s->holds = 1;
			break;
		}
		if (hv == NULL || hv->offered == DAY_NONE ||
		    (int64_t)t - hv->offered <= HANDOFF_WAIT_DAYS)
			break;
		seg_cut(s, hv->offered + HANDOFF_WAIT_DAYS + 1, NULL);
		s->holds = 1;
		break;
	case PROBE_OVERRUN:
		if (pv->stage != p->stage)
			break;
		if ((plan = cursor_at(&p->subject, t)) == NULL)
			break;
		seg_cut(s, plan->v.on, plan->v.actor);
		if (plan->end == DAY_NONE || t <= plan->end)
			break;
		seg_cut(s, plan->end + 1, NULL);
		if ((int64_t)t - plan->end >= OVERRUN_HIGH_DAYS)
			seg_cut(s, plan->end + OVERRUN_HIGH_DAYS, NULL);
		s->holds = 1;
		break;
	case PROBE_SPEC:
		s->holds = pv->stage != STAGE_FRAMING &&
		    (pv->spec_missing & (1u << p->field)) != 0;
		break;
	case PROBE_AUDIT:
		s->holds = pv->stage > STAGE_DATA &&
		    (pv->audit_missing & ((1u << AUDIT_COUNT) - 1)) != 0;
		break;
	case PROBE_STALE:
		while (p->nchanges > 0 && p->pr->changes[p->nchanges - 1] > t)
			p->nchanges--;
		last = p->nchanges > 0 ? p->pr->changes[p->nchanges - 1] :
		    p->pr->created;
		seg_cut(s, last, NULL);
		if ((int64_t)t - last < p->pf->stale_low_days)
			break;
		seg_cut(s, last + p->pf->stale_low_days, NULL);
		if ((int64_t)t - last >= p->pf->stale_medium_days)
			seg_cut(s, last + p->pf->stale_medium_days, NULL);
		s->holds = 1;
		break;
	case PROBE_GOALPOSTS:
		s->holds = goalposts(p->pr, pv, t, &a, &b);
		break;
	case PROBE_SLIPS:
		if ((cv = cursor_at(&p->subject, t)) == NULL)
			break;
		seg_cut(s, cv->v.on, cv->v.actor);
		if (cv->deleted || cv->status == CHECKPOINT_DONE ||
		    cv->status == CHECKPOINT_WAIVED || cv->due == DAY_NONE)
			break;
		n = slips(p->cp, t, &a);
		s->holds = n >= SLIPS_MEDIUM || (a != DAY_NONE &&
		    (int64_t)cv->due - a >= SLIP_MEDIUM_DAYS);
		break;
	case PROBE_NO_BASELINE:
		if (pv->stage < STAGE_MODELLING ||
		    (pv->spec_missing & (1u << SPEC_BASELINE)) == 0)
			break;
		s->holds = 1;
		for (i = 0; i < p->pr->ncheckpoints; i++) {
			bc = &p->pr->checkpoints[i];
			if (bc->stage != STAGE_BASELINE ||
			    (cv = checkpoint_at(bc, t)) == NULL)
				continue;
			seg_cut(s, cv->v.on, cv->v.actor);
			if (!cv->deleted && cv->status == CHECKPOINT_DONE)
				s->holds = 0;
		}
		break;
	case PROBE_STOP_IGNORED:
		if ((cv = cursor_at(&p->subject, t)) == NULL)
			break;
		seg_cut(s, cv->v.on, cv->v.actor);
		s->holds = stop_ignored(p->cp, p->pr, t, &a, &b);
		break;
	case PROBE_OVERRIDDEN:
		/* From the day of the move that passed it over. */
		if (t < p->cp->overridden)
			break;
		seg_cut(s, p->cp->overridden, NULL);
		if ((cv = cursor_at(&p->subject, t)) != NULL)
			seg_cut(s, cv->v.on, cv->v.actor);
		s->holds = cv != NULL && (!cv->deleted &&
		    cv->status != CHECKPOINT_DONE &&
		    cv->status != CHECKPOINT_WAIVED);
		break;
	case PROBE_READINESS:
		/* A "no" counts from the day it was given. */
		if ((ready = cursor_at(&p->subject, t)) != NULL)
			seg_cut(s, ready->v.on, ready->v.actor);
		if (ready == NULL || ready->answer != READINESS_NO ||
		    pv->target_launch == DAY_NONE ||
		    (int64_t)pv->target_launch - t > READINESS_GAP_DAYS)
			break;
		seg_cut(s, pv->target_launch - READINESS_GAP_DAYS, NULL);
		if (t >= pv->target_launch)
			seg_cut(s, pv->target_launch, NULL);
		else if ((int64_t)pv->target_launch - t <= READINESS_HIGH_DAYS)
			seg_cut(s, pv->target_launch - READINESS_HIGH_DAYS,
			    NULL);
		s->holds = 1;
		break;
	case PROBE_PERSON_ACTIVE:
	case PROBE_REACHED:
		break;
	}
}

/*
 * The first day of the unbroken run of days ending at t on which the
 * probe answers `want`, and who recorded the change that began it;
 * DAY_NONE if it does not answer `want` on t.  Each step jumps to the day
 * before the current segment, so the walk visits the runs in effective
 * order and never a version another one shadows.
 */
day_t
probe_run(struct probe *p, day_t t, int want, const char **actor)
{
	struct seg	 s;
	day_t		 start;
	const char	*by;

	probe_reset(p);
	start = DAY_NONE;
	by = NULL;
	for (;;) {
		probe_eval(p, t, &s);
		if (s.holds != want)
			break;
		/* A segment always holds t itself: never loop in place. */
		if (s.lo > t)
			s.lo = t;
		start = s.lo;
		by = s.actor;
		if (s.lo <= DAY_EARLIEST)
			break;
		t = s.lo - 1;
	}
	if (actor != NULL)
		*actor = by;
	return (start);
}

/* The first day of the project's active run that holds d (active on d). */
day_t
rule_active_run_start(const struct project *pr, day_t d)
{
	const struct project_version	*pv;
	struct cursor			 c;
	day_t				 t, from;

	cursor_init(&c, pr->versions, pr->nversions, sizeof(*pr->versions));
	from = d;
	for (t = d; (pv = cursor_at(&c, t)) != NULL &&
	    pv->status == PROJECT_ACTIVE; t = pv->v.on - 1) {
		from = pv->v.on;
		if (from <= pr->created)
			return (pr->created);
	}
	return (from);
}

struct risk *
rule_risk_add(struct risk_list *l, enum risk_kind kind,
    const struct project *pr, const struct project_version *pv)
{
	struct risk	*r, *items;
	size_t		 cap;

	if (l->len == l->cap) {
		cap = l->cap == 0 ? 16 : l->cap * 2;
		if (cap > SIZE_MAX / sizeof(*items) ||
		    (items = realloc(l->items, cap * sizeof(*items))) == NULL)
			return (NULL);
		l->items = items;
		l->cap = cap;
	}
	r = &l->items[l->len++];
	risk_clear(r, kind);
	if (pr != NULL) {
		r->project_id = pr->id;
		r->project_name = pr->name;
		r->launch = pv->target_launch;
	}
	return (r);
}

/* The rules ------------------------------------------------------------ */

/*
 * Each rule's subjects, with the key that names each (the subject of a
 * risk's identity), and what it says.  describe() runs on a day t on
 * which the rule holds; it reads the facts as of t and leaves since, the
 * sentence and the days until launch to its caller (risk_describe()).
 */

/* The project's PM as of day t. */
static int64_t
pm_at(const struct project *pr, day_t t)
{
	const struct project_version	*pv = project_at(pr, t);

	return (pv != NULL && pv->pm_id != 0 ? pv->pm_id : pr->pm_id);
}

/* Who must act: a person the portfolio knows, else nobody. */
void
rule_actor(const struct portfolio *pf, int64_t id, struct risk *r)
{
	const struct person	*who;

	r->actor_id = 0;
	r->actor_name = NULL;
	if (id != 0 && (who = facts_person(pf, id)) != NULL) {
		r->actor_id = who->id;
		r->actor_name = who->name;
	}
}

static size_t
count_boxes(const struct project *pr)
{
	return (pr->nresps * ROLE_COUNT);
}

static int
subject_box(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	const struct responsibility	*r = &p->pr->resps[i / ROLE_COUNT];

	p->role = (enum role)(i % ROLE_COUNT);
	if ((r->expects & (1u << p->role)) == 0)
		return (0);
	p->resp = r;
	(void)snprintf(key, RISK_SUBJECT_LEN, "%s/%s", r->key,
	    role_key(p->role));
	return (1);
}

/* distance = position(needed_by) - position(stage): <= 0 critical, 1
 * high, 2 medium, more low; a box to assign at kickoff is at least medium
 * once the project has left framing.  The PM must act. */
static void
describe_box(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);
	const struct cell_version	*cell;
	const struct plan_version	*plan;
	const struct person		*holder;
	int				 distance;

	distance = (int)p->resp->needed_by - (int)pv->stage;
	if (distance <= 0)
		r->severity = SEVERITY_CRITICAL;
	else if (distance == 1)
		r->severity = SEVERITY_HIGH;
	else if (distance == 2)
		r->severity = SEVERITY_MEDIUM;
	else
		r->severity = SEVERITY_LOW;
	if (p->resp->at_kickoff && pv->stage > STAGE_FRAMING &&
	    r->severity < SEVERITY_MEDIUM)
		r->severity = SEVERITY_MEDIUM;
	rule_actor(p->pf, pm_at(p->pr, t), r);
	r->resp_key = p->resp->key;
	r->resp_name = p->resp->name;
	r->role = p->role;
	r->stage = p->resp->needed_by;

	/* A holder who is no longer active leaves the box empty. */
	if ((cell = cell_at(p->resp, p->role, t)) != NULL &&
	    cell->person_id != 0) {
		r->person_id = cell->person_id;
		if ((holder = facts_person(p->pf, cell->person_id)) != NULL) {
			r->person_name = holder->name;
			r->inactive = 1;
		}
	}
	plan = plan_at(p->pr, p->resp->needed_by, t);
	r->ref_day = plan != NULL ? plan->start : DAY_NONE;
}

static size_t
count_checkpoints(const struct project *pr)
{
	return (pr->ncheckpoints);
}

static int
subject_checkpoint(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	p->cp = &p->pr->checkpoints[i];
	(void)snprintf(key, RISK_SUBJECT_LEN, "checkpoint/%lld",
	    (long long)p->cp->id);
	return (1);
}

static void
describe_checkpoint(struct probe *p, day_t t, struct risk *r)
{
	const struct checkpoint_version	*cv = checkpoint_at(p->cp, t);

	r->checkpoint_id = p->cp->id;
	r->checkpoint_title = p->cp->title;
	r->stage = p->cp->stage;
	r->ref_day = cv->due;
	/* Its owner must act; a checkpoint nobody owns is the PM's. */
	rule_actor(p->pf, cv->owner_id != 0 ? cv->owner_id :
	    pm_at(p->pr, t), r);
	if (r->actor_id == 0)
		rule_actor(p->pf, pm_at(p->pr, t), r);
}

/* Missed: overdue = t - due: 1-7 medium, 8-21 high, 22 and more critical. */
static void
describe_missed(struct probe *p, day_t t, struct risk *r)
{
	int64_t	overdue;

	describe_checkpoint(p, t, r);
	overdue = (int64_t)t - r->ref_day;
	if (overdue >= OVERDUE_CRITICAL_DAYS)
		r->severity = SEVERITY_CRITICAL;
	else if (overdue >= OVERDUE_HIGH_DAYS)
		r->severity = SEVERITY_HIGH;
	else
		r->severity = SEVERITY_MEDIUM;
}

static void
describe_blocked(struct probe *p, day_t t, struct risk *r)
{
	const struct checkpoint_version	*cv = checkpoint_at(p->cp, t);

	describe_checkpoint(p, t, r);
	r->severity = SEVERITY_HIGH;
	/* The reason it is blocked: its note, when it has one. */
	r->note = cv->note != NULL && cv->note[0] != '\0' ? cv->note : NULL;
}

static size_t
count_handoffs(const struct project *pr)
{
	return (pr->nhandoffs);
}

static int
subject_handoff(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	p->ho = &p->pr->handoffs[i];
	(void)snprintf(key, RISK_SUBJECT_LEN, "handoff/%c", p->ho->key);
	return (1);
}

/* The day the project's current run at or past stage s began, as of t. */
static day_t
reached(const struct probe *from, enum stage s, day_t t)
{
	struct probe	p;

	probe_init(&p, PROBE_REACHED, from->pf, from->pr);
	p.stage = s;
	return (probe_run(&p, t, 1, NULL));
}

/* At or past the stage it leads into: high; only offered long ago: medium. */
static void
describe_handoff(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);
	const struct handoff_version	*hv = handoff_at(p->ho, t);
	const struct person		*to;

	r->severity = pv->stage >= p->ho->leads_into ? SEVERITY_HIGH :
	    SEVERITY_MEDIUM;
	r->handoff = p->ho->key;
	r->handoff_name = p->ho->name;
	r->stage = p->ho->leads_into;
	if (hv != NULL && hv->offered != DAY_NONE) {
		r->ref_day = hv->offered;
		/* Name the receiver: they are the one to act. */
		to = hv->to_id != 0 ? facts_person(p->pf, hv->to_id) : NULL;
		if (to != NULL) {
			r->person_id = to->id;
			r->person_name = to->name;
		}
	}
	/* The receiver accepts; never offered (or to nobody): the PM. */
	rule_actor(p->pf, r->person_id != 0 ? r->person_id : pm_at(p->pr, t),
	    r);
	if (r->severity == SEVERITY_HIGH)
		r->event_day = reached(p, p->ho->leads_into, t);
}

static size_t
count_stages(const struct project *pr)
{
	(void)pr;
	return (STAGE_COUNT);
}

static int
subject_stage(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	p->stage = (enum stage)i;
	(void)snprintf(key, RISK_SUBJECT_LEN, "stage/%s", stage_key(p->stage));
	return (1);
}

/* over = t - end: 1-14 medium, 15 and more high. */
static void
describe_overrun(struct probe *p, day_t t, struct risk *r)
{
	const struct plan_version	*plan = plan_at(p->pr, p->stage, t);

	r->ref_day = plan->end;
	r->severity = (int64_t)t - plan->end >= OVERRUN_HIGH_DAYS ?
	    SEVERITY_HIGH : SEVERITY_MEDIUM;
	r->stage = p->stage;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

static size_t
count_fields(const struct project *pr)
{
	(void)pr;
	return (SPEC_COUNT);
}

static int
subject_field(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	p->field = (enum spec_field)i;
	(void)snprintf(key, RISK_SUBJECT_LEN, "spec/%s", spec_key(p->field));
	return (1);
}

static void
describe_spec(struct probe *p, day_t t, struct risk *r)
{
	r->severity = SEVERITY_HIGH;
	r->field = p->field;
	r->stage = project_at(p->pr, t)->stage;
	r->event_day = reached(p, STAGE_DATA, t);
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

/*
 * The data audit: high, like a spec answer; the PM must act.  held: the
 * unanswered questions, bit (1u << audit_field); event_day: the day the
 * project left data exploration.
 */
static void
describe_audit(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);

	r->severity = SEVERITY_HIGH;
	r->stage = pv->stage;
	r->held = (int)(pv->audit_missing & ((1u << AUDIT_COUNT) - 1));
	r->event_day = reached(p, STAGE_BASELINE, t);
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

static int
subject_audit(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	(void)p;
	(void)i;
	(void)snprintf(key, RISK_SUBJECT_LEN, "audit");
	return (1);
}

static size_t
count_one(const struct project *pr)
{
	(void)pr;
	return (1);
}

static int
subject_project(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	(void)p;
	(void)i;
	(void)snprintf(key, RISK_SUBJECT_LEN, "project");
	return (1);
}

static void
describe_stale(struct probe *p, day_t t, struct risk *r)
{
	day_t	last;

	if ((last = project_last_change(p->pr, t)) == DAY_NONE)
		last = p->pr->created;
	r->ref_day = last;
	r->severity = (int64_t)t - last >= p->pf->stale_medium_days ?
	    SEVERITY_MEDIUM : SEVERITY_LOW;
	r->stage = project_at(p->pr, t)->stage;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

/* Moving goalposts: high; the PM must act. */
static void
describe_goalposts(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);
	day_t				 left, changed;

	(void)goalposts(p->pr, pv, t, &left, &changed);
	r->severity = SEVERITY_HIGH;
	r->field = SPEC_PRIMARY_METRIC;
	r->stage = pv->stage;
	r->event_day = left;
	r->ref_day = changed;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

static int
subject_metric(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	(void)i;
	p->field = SPEC_PRIMARY_METRIC;
	(void)snprintf(key, RISK_SUBJECT_LEN, "spec/%s", spec_key(p->field));
	return (1);
}

static size_t
count_readiness(const struct project *pr)
{
	return (pr->nreadiness);
}

static int
subject_readiness(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	p->rd = &p->pr->readiness[i];
	(void)snprintf(key, RISK_SUBJECT_LEN, "readiness/%s",
	    readiness_item_keys[p->rd->item]);
	return (1);
}

/*
 * Just a few more weeks: slipped 3 or 4 times, or by 29 to 55 days in
 * all, medium; 5 times or more, or by 56 days or more, high.  ref_day:
 * the first due date; event_day: the current one; held: the slips.
 */
static void
describe_slips(struct probe *p, day_t t, struct risk *r)
{
	const struct checkpoint_version	*cv = checkpoint_at(p->cp, t);
	day_t				 first;
	int				 n;

	describe_checkpoint(p, t, r);
	n = slips(p->cp, t, &first);
	r->ref_day = first;
	r->event_day = cv->due;
	r->held = n;
	r->severity = n >= SLIPS_HIGH || (first != DAY_NONE &&
	    (int64_t)cv->due - first >= SLIP_HIGH_DAYS) ? SEVERITY_HIGH :
	    SEVERITY_MEDIUM;
}

/* No baseline: high in modelling and evaluation, critical from
 * production; the PM must act. */
static void
describe_no_baseline(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);

	r->severity = pv->stage >= STAGE_PRODUCTION ? SEVERITY_CRITICAL :
	    SEVERITY_HIGH;
	r->stage = pv->stage;
	r->field = SPEC_BASELINE;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

/* Stop ignored: critical; the PM must act.  ref_day: the first day of
 * the outcome, event_day: the move forward after it, held: the outcome,
 * stage: the current stage. */
static void
describe_stop_ignored(struct probe *p, day_t t, struct risk *r)
{
	const struct checkpoint_version	*cv = checkpoint_at(p->cp, t);
	day_t				 recorded, moved;

	(void)stop_ignored(p->cp, p->pr, t, &recorded, &moved);
	r->severity = SEVERITY_CRITICAL;
	r->checkpoint_id = p->cp->id;
	r->checkpoint_title = p->cp->title;
	r->stage = project_at(p->pr, t)->stage;
	r->ref_day = recorded;
	r->event_day = moved;
	r->held = (int)cv->outcome;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

/*
 * days = launch - t: 8-14 medium, 1-7 high, the launch day or after
 * critical.  The PM must act (the answer's author is in the history).
 */
static void
describe_readiness(struct probe *p, day_t t, struct risk *r)
{
	const struct project_version	*pv = project_at(p->pr, t);
	const struct readiness_version	*rv = readiness_at(p->rd, t);
	int64_t				 days;

	days = (int64_t)pv->target_launch - t;
	if (days <= 0)
		r->severity = SEVERITY_CRITICAL;
	else if (days <= READINESS_HIGH_DAYS)
		r->severity = SEVERITY_HIGH;
	else
		r->severity = SEVERITY_MEDIUM;
	r->ref_day = rv->v.on;
	r->stage = pv->stage;
	rule_actor(p->pf, pm_at(p->pr, t), r);
}

/*
 * A checkpoint a stage move passed over unmet (an override): from the day
 * of the move while it is neither done nor waived, subject
 * "checkpoint/<id>" of the checkpoints ever passed over.
 */
static int
subject_overridden(struct probe *p, size_t i, char key[RISK_SUBJECT_LEN])
{
	(void)subject_checkpoint(p, i, key);
	return (p->cp->overridden != DAY_NONE);
}

/* High; the checkpoint's owner (else the PM) must act. */
static void
describe_overridden(struct probe *p, day_t t, struct risk *r)
{
	describe_checkpoint(p, t, r);
	r->severity = SEVERITY_HIGH;
	r->stage = p->cp->overridden_to;
	r->ref_day = p->cp->overridden;
	r->held = p->cp->overridden_gates;
}

const struct rule rules[] = {
	{ RISK_EMPTY_OWNER, PROBE_EMPTY_BOX, 1, count_boxes, subject_box,
	    describe_box },
	{ RISK_MISSED_CHECKPOINT, PROBE_MISSED, 1, count_checkpoints,
	    subject_checkpoint, describe_missed },
	{ RISK_BLOCKED_CHECKPOINT, PROBE_BLOCKED, 1, count_checkpoints,
	    subject_checkpoint, describe_blocked },
	{ RISK_HANDOFF_NOT_ACCEPTED, PROBE_HANDOFF, 0, count_handoffs,
	    subject_handoff, describe_handoff },
	{ RISK_STAGE_OVERRUN, PROBE_OVERRUN, 0, count_stages, subject_stage,
	    describe_overrun },
	{ RISK_INCOMPLETE_SPEC, PROBE_SPEC, 0, count_fields, subject_field,
	    describe_spec },
	{ RISK_STALE_PROJECT, PROBE_STALE, 0, count_one, subject_project,
	    describe_stale },
	{ RISK_MOVING_GOALPOSTS, PROBE_GOALPOSTS, 0, count_one,
	    subject_metric, describe_goalposts },
	{ RISK_FEW_MORE_WEEKS, PROBE_SLIPS, 0, count_checkpoints,
	    subject_checkpoint, describe_slips },
	{ RISK_NO_BASELINE, PROBE_NO_BASELINE, 0, count_one, subject_project,
	    describe_no_baseline },
	{ RISK_STOP_IGNORED, PROBE_STOP_IGNORED, 0, count_checkpoints,
	    subject_checkpoint, describe_stop_ignored },
	{ RISK_READINESS_GAPS, PROBE_READINESS, 0, count_readiness,
	    subject_readiness, describe_readiness },
	{ RISK_OVERRIDDEN_GATE, PROBE_OVERRIDDEN, 0, count_checkpoints,
	    subject_overridden, describe_overridden },
	{ RISK_DATA_AUDIT_MISSING, PROBE_AUDIT, 0, count_one, subject_audit,
	    describe_audit },
};

const size_t	nrules = sizeof(rules) / sizeof(rules[0]);

/* Overloaded owners: a person's load over time -------------------------- */

static int
cmp_box_ref(const void *a, const void *b)
{
	const struct box_ref	*x = a, *y = b;

	if (x->person_id != y->person_id)
		return (x->person_id < y->person_id ? -1 : 1);
	if (x->pr->id != y->pr->id)
		return (x->pr->id < y->pr->id ? -1 : 1);
	if (x->resp != y->resp)
		return (x->resp < y->resp ? -1 : 1);
	return ((int)x->role - (int)y->role);
}

int
rule_boxes(const struct portfolio *pf, struct box_ref **out, size_t *nout)
{
	const struct project		*pr;
	const struct responsibility	*r;
	struct box_ref			*v;
	size_t				 i, j, k, n, m;
	int				 role;

	*out = NULL;
	*nout = 0;
	n = 0;
	for (i = 0; i < pf->nprojects; i++)
		for (j = 0; j < pf->projects[i].nresps; j++)
			for (role = 0; role < ROLE_COUNT; role++)
				n += pf->projects[i].resps[j].ncells[role];
	if (n == 0)
		return (0);
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return (-1);

	m = 0;
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		for (j = 0; j < pr->nresps; j++) {
			r = &pr->resps[j];
			for (role = 0; role < ROLE_COUNT; role++) {
				if ((r->expects & (1u << role)) == 0)
					continue;
				for (k = 0; k < r->ncells[role]; k++) {
					if (r->cells[role][k].person_id == 0)
						continue;
					v[m].person_id =
					    r->cells[role][k].person_id;
					v[m].pr = pr;
					v[m].resp = r;
					v[m++].role = (enum role)role;
				}
			}
		}
	}
	if (m > 1)
		qsort(v, m, sizeof(*v), cmp_box_ref);
	/* Each pair once. */
	for (i = 0, n = 0; i < m; i++) {
		if (n > 0 && cmp_box_ref(&v[n - 1], &v[i]) == 0)
			continue;
		v[n++] = v[i];
	}
	*out = v;
	*nout = n;
	return (0);
}

/* One change of a person's load: a box gained or lost, active or not. */
struct load_event {
	day_t		 on;
	size_t		 order;		/* who is named when several change */
	int		 delta;		/* a box: +1 gained, -1 lost */
	int		 active;	/* the person: -1 no change, 0, 1 */
	day_t		 launch;	/* the box's project's target launch */
	int64_t		 pm;		/* and its PM */
	const char	*actor;
};

struct load_events {
	struct load_event	*v;
	size_t			 n;
	size_t			 cap;
};

static int
cmp_load_event(const void *a, const void *b)
{
	const struct load_event	*x = a, *y = b;

	if (x->on != y->on)
		return (x->on < y->on ? -1 : 1);
	return ((x->order > y->order) - (x->order < y->order));
}

static int
load_event_add(struct load_events *ev, day_t on, size_t order, int delta,
    int active, day_t launch, int64_t pm, const char *actor)
{
	struct load_event	*grown, *e;
	size_t			 cap;

	if (ev->n == ev->cap) {
		cap = ev->cap == 0 ? 32 : ev->cap * 2;
		if ((grown = reallocarray(ev->v, cap, sizeof(*ev->v))) ==
		    NULL)
			return (-1);
		ev->v = grown;
		ev->cap = cap;
	}
	e = &ev->v[ev->n++];
	e->on = on;
	e->order = order;
	e->delta = delta;
	e->active = active;
	e->launch = launch;
	e->pm = pm;
	e->actor = actor;
	return (0);
}

/*
 * Walk a probe back from the far future over all its segments.  A box
 * (PROBE_HOLDS_BOX, never status-only, so a segment also has one project
 * version and one launch) adds +1 where each held segment starts and -1
 * where it stops, named after who made each change; the person
 * (PROBE_PERSON_ACTIVE) adds where each of their versions takes effect.
 */
static int
probe_events(struct probe *p, size_t order, struct load_events *ev)
{
	const struct project_version	*pv;
	const char			*next_actor;
	struct seg			 s;
	day_t				 t, next_lo, launch;
	int64_t				 pm;

	probe_reset(p);
	next_lo = DAY_NONE;	/* the start of the segment after this one */
	next_actor = NULL;
	for (t = DAY_FAR;; t = s.lo - 1) {
		probe_eval(p, t, &s);
		if (s.lo > t)
			s.lo = t;
		if (p->kind == PROBE_PERSON_ACTIVE) {
			if (s.lo > DAY_EARLIEST && load_event_add(ev, s.lo,
			    order, 0, s.holds, DAY_NONE, 0, s.actor) == -1)
				return (-1);
		} else if (s.holds) {
			pv = project_at(p->pr, s.lo);
			launch = pv != NULL ? pv->target_launch : DAY_NONE;
			pm = pm_at(p->pr, s.lo);
			if (load_event_add(ev, s.lo, order, 1, -1, launch, pm,
			    s.actor) == -1)
				return (-1);
			if (next_lo != DAY_NONE && load_event_add(ev, next_lo,
			    order, -1, -1, launch, pm, next_actor) == -1)
				return (-1);
		}
		next_lo = s.lo;
		next_actor = s.actor;
		if (s.lo <= DAY_EARLIEST)
			break;
	}
	return (0);
}

/*
 * The nearest launch among the held boxes', and the PM of that project
 * (the lowest id of several): a multiset of (launch, PM), small.
 */
struct launch_pm {
	day_t	 launch;
	int64_t	 pm;
};

struct launches {
	struct launch_pm	*v;
	size_t			 n;
	size_t			 cap;
};

static int
launches_change(struct launches *l, day_t launch, int64_t pm, int delta)
{
	struct launch_pm	*grown;
	size_t			 i, cap;

	if (delta < 0) {
		for (i = 0; i < l->n; i++) {
			if (l->v[i].launch == launch && l->v[i].pm == pm) {
				l->v[i] = l->v[--l->n];
				break;
			}
		}
		return (0);
	}
	if (l->n == l->cap) {
		cap = l->cap == 0 ? 16 : l->cap * 2;
		if ((grown = reallocarray(l->v, cap, sizeof(*l->v))) == NULL)
			return (-1);
		l->v = grown;
		l->cap = cap;
	}
	l->v[l->n].launch = launch;
	l->v[l->n++].pm = pm;
	return (0);
}

static struct launch_pm
launches_min(const struct launches *l)
{
	struct launch_pm	min = { DAY_NONE, 0 };
	size_t			i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].launch == DAY_NONE)
			continue;
		if (min.launch == DAY_NONE || l->v[i].launch < min.launch ||
		    (l->v[i].launch == min.launch && l->v[i].pm < min.pm))
			min = l->v[i];
	}
	return (min);
}

static int
load_seg_add(struct load_seg **v, size_t *n, size_t *cap, day_t lo,
    int held, struct launch_pm near, const char *actor)
{
	struct load_seg	*grown;
	size_t		 c;

	if (*n > 0)
		(*v)[*n - 1].hi = lo - 1;
	if (*n == *cap) {
		c = *cap == 0 ? 16 : *cap * 2;
		if ((grown = reallocarray(*v, c, sizeof(**v))) == NULL)
			return (-1);
		*v = grown;
		*cap = c;
	}
	(*v)[*n].lo = lo;
	(*v)[*n].hi = DAY_FAR;
	(*v)[*n].held = held;
	(*v)[*n].launch = near.launch;
	(*v)[*n].pm = near.pm;
	(*v)[(*n)++].actor = actor;
	return (0);
}

/*
 * A sweep over the days on which anything the load reads changes: the
 * boxes' held segments and the person's versions.  Where several change
 * on one day, the last of them in (person, box) order is named.
 */
int
rule_load(const struct portfolio *pf, const struct person *person,
    const struct box_ref *boxes, size_t nboxes, struct load_seg **out,
    size_t *nout)
{
	struct load_events	 ev;
	struct launches		 held;
	struct load_seg		*segs;
	struct probe		 p;
	const char		*actor;
	size_t			 i, j, nsegs, cap;
	struct launch_pm	 near, none = { DAY_NONE, 0 };
	int			 active, count, rc;

	*out = NULL;
	*nout = 0;
	memset(&ev, 0, sizeof(ev));
	memset(&held, 0, sizeof(held));
	segs = NULL;
	nsegs = cap = 0;
	rc = -1;

	probe_init(&p, PROBE_PERSON_ACTIVE, pf, NULL);
	p.person = person;
	if (probe_events(&p, 0, &ev) == -1)
		goto out;
	for (i = 0; i < nboxes; i++) {
		probe_init(&p, PROBE_HOLDS_BOX, pf, boxes[i].pr);
		p.resp = boxes[i].resp;
		p.role = boxes[i].role;
		p.person_id = person->id;
		if (probe_events(&p, i + 1, &ev) == -1)
			goto out;
	}
	if (ev.n > 1)
		qsort(ev.v, ev.n, sizeof(*ev.v), cmp_load_event);

	if (load_seg_add(&segs, &nsegs, &cap, DAY_EARLIEST, 0, none,
	    NULL) == -1)
		goto out;
	active = 0;
	for (i = 0; i < ev.n; i = j) {
		actor = NULL;
		for (j = i; j < ev.n && ev.v[j].on == ev.v[i].on; j++) {
			if (ev.v[j].active != -1)
				active = ev.v[j].active;
			else if (launches_change(&held, ev.v[j].launch,
			    ev.v[j].pm, ev.v[j].delta) == -1)
				goto out;
			actor = ev.v[j].actor;
		}
		count = active ? (int)held.n : 0;
		near = count > 0 ? launches_min(&held) : none;
		if (count == segs[nsegs - 1].held &&
		    near.launch == segs[nsegs - 1].launch &&
		    near.pm == segs[nsegs - 1].pm)
			continue;
		if (load_seg_add(&segs, &nsegs, &cap, ev.v[i].on, count,
		    near, actor) == -1)
			goto out;
	}
	*out = segs;
	*nout = nsegs;
	segs = NULL;
	rc = 0;
out:
	free(segs);
	free(ev.v);
	free(held.v);
	return (rc);
}

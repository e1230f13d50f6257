/*
 * risk: the launch-risk rules (see risk.h).
 *
 * As of the end of day D, only projects that exist (created <= D and a
 * version in effect) and are active carry risks.  The rules:
 *
 * empty_owner           An expected cell (the responsibility expects the
 *                       role) with no person, or whose person is inactive
 *                       or unknown.  distance = position(needed_by) -
 *                       position(current stage):
 *                       <= 0 critical, 1 high, 2 medium, more low.
 * missed_checkpoint     The checkpoint is not deleted, pending or blocked,
 *                       and due < D.  overdue = D - due:
 *                       1-7 medium, 8-21 high, 22 and more critical.
 *                       Due today is not missed.
 * blocked_checkpoint    Not deleted and blocked: high.
 * handoff_not_accepted  Not accepted, and the project's stage is at or
 *                       past the stage the handoff leads into: high;
 *                       before that stage, offered more than 7 days
 *                       before D (D - offered > 7): medium; else none.
 * stage_overrun         The planned end of the current stage < D.
 *                       over = D - end: 1-14 medium, 15 and more high.
 * incomplete_spec       The stage is not framing and a spec field is
 *                       missing: high, one risk per field.
 * overloaded_owner      An active person holds more than
 *                       overload_threshold expected cells across active
 *                       projects: medium.  Portfolio-wide (project 0).
 * stale_project         D - last change (or creation) >= stale_low_days:
 *                       low; >= stale_medium_days: medium.
 *
 * How the facts are read: a cell with no version yet, or with person 0,
 * is empty; a holder unknown to the portfolio, or without a version in
 * effect, counts as inactive.  A checkpoint without a version in effect
 * does not exist yet.  A handoff is accepted when the version in effect
 * has an accepted day; without a version it was never offered.  Without
 * a plan for the current stage there is no overrun.  The last change is
 * project_last_change(), or the creation day when there is none.
 *
 * Identity (kind, project, subject): "<resp>/<role>" ("on_call/swe"),
 * "checkpoint/<id>" (missed and blocked), "handoff/<key>",
 * "stage/<stage>", "spec/<field>", "person/<id>" (project 0), "project".
 *
 * "since" is the first day of the unbroken run of days, ending at D, over
 * which the risk holds (whatever its severity).  It is computed exactly,
 * by walking back in time over segments on which every fact the rule
 * reads stays the same (the probe machinery below), for every kind but
 * one.  So a missed checkpoint whose due date moved while overdue stays
 * missed since the day after the first due date; an empty box is empty
 * since max(the day the cell got its current holder or emptiness, the
 * day that holder became inactive), or earlier if it was empty before
 * that too; a stale project since its last change + stale_low_days.  A
 * risk never starts before the project was created or before its
 * current active run: pausing a project breaks every run.  For an
 * overloaded owner it is the day the (threshold + 1)-th of the boxes they
 * hold today was taken (each box counted from the start of its current
 * holding on an active project), or the day they became active,
 * whichever is later; boxes they held before and gave up are not
 * considered, so the overload may have begun earlier.
 *
 * Resolution (risk_resolve(), for the digest) walks the same segments
 * back from the as-of day over the days on which the risk no longer
 * holds: the first of them, and the actor of the version that took
 * effect on it (NULL when it was a bare change day).  An
 * overload ends when its owner leaves, or on the day enough of the boxes
 * they held were given up.
 *
 * Cost per as-of day: each rule walks only the versions of its own
 * subject (rules that read only the project's status start from its
 * active run, found once per project; rules that read its stage walk its
 * versions a bounded number of times per project), plus one sort of the
 * held boxes for the overload rule.  No scan is nested over projects or
 * people.
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "risk.h"

/* Lower bound of a segment that reaches back forever. */
#define DAY_EARLIEST		(INT32_MIN + 1)

#define OVERDUE_HIGH_DAYS	8
#define OVERDUE_CRITICAL_DAYS	22
#define OVERRUN_HIGH_DAYS	15
#define HANDOFF_WAIT_DAYS	7

static const char *const kind_keys[RISK_KIND_COUNT] = {
	"empty_owner",
	"missed_checkpoint",
	"blocked_checkpoint",
	"handoff_not_accepted",
	"stage_overrun",
	"incomplete_spec",
	"overloaded_owner",
	"stale_project",
};

const char *const severity_keys[SEVERITY_COUNT + 1] = {
	"low", "medium", "high", "critical", NULL
};

/*
 * A cursor over versions sorted by seq (facts_sort()), asked about days
 * that never increase.  The version in effect at t is the one with the
 * highest index whose day is <= t; versions above it have later days, so
 * they stay out of effect for every earlier day and the cursor drops them
 * for good.  A walk back over n versions costs O(n) in all.  The run of
 * the version found starts on its own day: every version recorded after
 * it is dated after t.
 */
struct cursor {
	const char	*base;
	size_t		 size;
	size_t		 n;
};

/* What a rule answers on day t, and since when it has answered that. */
struct seg {
	int		 holds;
	day_t		 lo;		/* the answer is the same on [lo, t] */
	const char	*actor;		/* who recorded the change at lo */
};

enum probe_kind {
	PROBE_EMPTY_BOX,
	PROBE_MISSED,
	PROBE_BLOCKED,
	PROBE_HANDOFF,
	PROBE_OVERRUN,
	PROBE_SPEC,
	PROBE_STALE,
	PROBE_HOLDS_BOX,	/* person_id holds the cell, project active */
	PROBE_PERSON_ACTIVE,
	PROBE_REACHED		/* the project's stage is at least `stage` */
};

/* One rule about one subject, evaluated on days walking back. */
struct probe {
	enum probe_kind			 kind;
	const struct portfolio		*pf;
	const struct project		*pr;
	const struct responsibility	*resp;
	enum role			 role;
	const struct checkpoint		*cp;
	const struct handoff		*ho;
	enum stage			 stage;
	enum spec_field			 field;
	const struct person		*person;
	int64_t				 person_id;

	/*
	 * For rules that read nothing of the project but its status: the
	 * first day of its current active run, found once per project, so
	 * that a walk does not step through every edit of the project
	 * (DAY_NONE: walk the project's versions).
	 */
	day_t				 active_from;
	const struct project_version	*active_pv;

	struct cursor			 project;
	struct cursor			 subject;
	struct cursor			 holder_versions;
	const struct person		*holder;
	size_t				 nchanges;
};

/* One expected cell held by an active person, for the overload rule. */
struct box {
	int64_t				 person_id;
	const struct project		*pr;
	const struct responsibility	*resp;
	enum role			 role;
	day_t				 launch;
	day_t				 held;
	day_t				 active_from;
	const struct project_version	*active_pv;
};

/* A box given up between two days, for resolving overloads. */
struct release {
	size_t		 owner;		/* index into the owners array */
	day_t		 on;
	const char	*by;
};

struct owner {
	int64_t		 person_id;
	size_t		 risk;		/* index into the list */
	size_t		 held;		/* boxes held the day before */
};

struct engine {
	const struct portfolio		*pf;
	day_t				 asof;
	int64_t				 only;
	struct risk_list		*out;
	day_t				 active_from;	/* of the project */
	const struct project_version	*active_pv;	/* at work */
};

static void	 cursor_init(struct cursor *, const void *, size_t, size_t);
static const void *cursor_at(struct cursor *, day_t);
static void	 seg_cut(struct seg *, day_t, const char *);
static void	 seg_cut_weak(struct seg *, day_t, const char *);
static void	 probe_init(struct probe *, enum probe_kind,
		    const struct portfolio *, const struct project *);
static void	 probe_reset(struct probe *);
static const struct project_version *probe_project(struct probe *, day_t,
		    struct seg *);
static void	 probe_eval(struct probe *, day_t, struct seg *);
static void	 probe_status_only(struct probe *, day_t,
		    const struct project_version *);
static day_t	 probe_run(struct probe *, day_t, int, const char **);
static day_t	 active_run_start(const struct project *, day_t);
static int32_t	 days_until(day_t, day_t);
static const char *plural(int64_t);
static void	 risk_message(struct risk *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static struct risk *risk_add(struct engine *, enum risk_kind,
		    enum severity, const struct project *,
		    const struct project_version *);
static int	 empty_box_risk(struct engine *, const struct project *,
		    const struct project_version *,
		    const struct responsibility *, enum role);
static int	 checkpoint_risks(struct engine *, const struct project *,
		    const struct project_version *, const struct checkpoint *);
static int	 handoff_risk(struct engine *, const struct project *,
		    const struct project_version *, const struct handoff *);
static int	 overrun_risk(struct engine *, const struct project *,
		    const struct project_version *);
static int	 spec_risks(struct engine *, const struct project *,
		    const struct project_version *);
static int	 stale_risk(struct engine *, const struct project *,
		    const struct project_version *);
static int	 project_risks(struct engine *, const struct project *,
		    const struct project_version *);
static int	 cmp_box_person(const void *, const void *);
static int	 cmp_box_held(const void *, const void *);
static int	 collect_boxes(const struct portfolio *, day_t, struct box **,
		    size_t *);
static int	 overload_risks(struct engine *);
static int	 probe_for_risk(const struct portfolio *, const struct risk *,
		    struct probe *);
static int	 cmp_owner(const void *, const void *);
static int	 cmp_release(const void *, const void *);
static int	 resolve_overloads(const struct portfolio *, day_t, day_t,
		    struct risk_list *);

const char *
risk_kind_key(enum risk_kind k)
{
	return ((unsigned)k < RISK_KIND_COUNT ? kind_keys[k] : "?");
}

int
risk_kind_from_key(const char *key, enum risk_kind *out)
{
	int	i;

	if ((i = key_index(key, kind_keys, RISK_KIND_COUNT, 1)) == -1)
		return (-1);
	*out = (enum risk_kind)i;
	return (0);
}

const char *
severity_key(enum severity s)
{
	return ((unsigned)s < SEVERITY_COUNT ? severity_keys[s] : "?");
}

int
severity_from_key(const char *key, enum severity *out)
{
	int	i;

	if ((i = key_index(key, severity_keys, SEVERITY_COUNT, 1)) == -1)
		return (-1);
	*out = (enum severity)i;
	return (0);
}

/* Walking back in time ----------------------------------------------- */

static void
cursor_init(struct cursor *c, const void *versions, size_t n, size_t size)
{
	c->base = versions;
	c->size = size;
	c->n = versions == NULL ? 0 : n;
}

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

/* The same, but a version already named for that day stays named. */
static void
seg_cut_weak(struct seg *s, day_t from, const char *actor)
{
	if (from > s->lo) {
		s->lo = from;
		s->actor = actor;
	}
}

static void
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
 * The rule reads only whether the project is active, and it has been
 * since `from` (with pv in effect at the end): see struct probe.
 */
static void
probe_status_only(struct probe *p, day_t from,
    const struct project_version *pv)
{
	p->active_from = from;
	p->active_pv = pv;
}

static void
probe_reset(struct probe *p)
{
	const struct responsibility	*r = p->resp;

	memset(&p->subject, 0, sizeof(p->subject));
	if (p->pr != NULL) {
		cursor_init(&p->project, p->pr->versions, p->pr->nversions,
		    sizeof(*p->pr->versions));
		p->nchanges = p->pr->nchanges;
	}
	p->holder = NULL;

	switch (p->kind) {
	case PROBE_EMPTY_BOX:
	case PROBE_HOLDS_BOX:
		cursor_init(&p->subject, r->cells[p->role], r->ncells[p->role],
		    sizeof(*r->cells[p->role]));
		break;
	case PROBE_MISSED:
	case PROBE_BLOCKED:
		cursor_init(&p->subject, p->cp->versions, p->cp->nversions,
		    sizeof(*p->cp->versions));
		break;
	case PROBE_HANDOFF:
		cursor_init(&p->subject, p->ho->versions, p->ho->nversions,
		    sizeof(*p->ho->versions));
		break;
	case PROBE_OVERRUN:
		cursor_init(&p->subject, p->pr->plans[p->stage],
		    p->pr->nplans[p->stage], sizeof(*p->pr->plans[p->stage]));
		break;
	case PROBE_PERSON_ACTIVE:
		cursor_init(&p->subject, p->person->versions,
		    p->person->nversions, sizeof(*p->person->versions));
		break;
	case PROBE_SPEC:
	case PROBE_STALE:
	case PROBE_REACHED:
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
 * The answer of the probe's rule on day t, and the segment over which it
 * stays the same.  The facts read only ever make a rule hold from a later
 * day as time passes (a due date, an offer, a planned end, the last
 * change), so those thresholds only shorten a segment that holds.
 */
static void
probe_eval(struct probe *p, day_t t, struct seg *s)
{
	const struct project_version	*pv, *rv;
	const struct person_version	*person;
	const struct cell_version	*cell;
	const struct checkpoint_version	*cv;
	const struct handoff_version	*hv;
	const struct plan_version	*plan;
	day_t				 last;

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
		s->holds = 1;
		break;
	case PROBE_SPEC:
		s->holds = pv->stage != STAGE_FRAMING &&
		    (pv->spec_missing & (1u << p->field)) != 0;
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
static day_t
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

/* Rules --------------------------------------------------------------- */

/* The first day of the project's active run that holds d (active on d). */
static day_t
active_run_start(const struct project *pr, day_t d)
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

static int32_t
days_until(day_t launch, day_t asof)
{
	int64_t	d;

	if (launch == DAY_NONE)
		return (INT32_MAX);
	d = (int64_t)launch - asof;
	return (d < 0 ? 0 : (int32_t)d);
}

static const char *
plural(int64_t n)
{
	return (n == 1 ? "" : "s");
}

/*
 * The sentence, in the fixed buffer of the risk.  Titles and names may be
 * long and multi-byte: a sentence that does not fit is cut at a character
 * boundary and ends with an ellipsis, so it is always valid UTF-8.
 */
static void
risk_message(struct risk *r, const char *fmt, ...)
{
	va_list	ap;
	int	n;
	size_t	cut;

	va_start(ap, fmt);
	n = vsnprintf(r->message, sizeof(r->message), fmt, ap);
	va_end(ap);

	if (n < 0) {
		r->message[0] = '\0';
		return;
	}
	if ((size_t)n < sizeof(r->message))
		return;

	/* Room for "\xe2\x80\xa6" (the ellipsis) and the NUL. */
	cut = sizeof(r->message) - 4;
	while (cut > 0 && ((unsigned char)r->message[cut] & 0xc0) == 0x80)
		cut--;
	memcpy(r->message + cut, "\xe2\x80\xa6", 4);
}

static struct risk *
risk_add(struct engine *e, enum risk_kind kind, enum severity severity,
    const struct project *pr, const struct project_version *pv)
{
	struct risk_list	*l = e->out;
	struct risk		*r, *items;
	size_t			 cap;

	if (l->len == l->cap) {
		cap = l->cap == 0 ? 16 : l->cap * 2;
		if (cap > SIZE_MAX / sizeof(*items) ||
		    (items = realloc(l->items, cap * sizeof(*items))) == NULL)
			return (NULL);
		l->items = items;
		l->cap = cap;
	}
	r = &l->items[l->len++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->severity = severity;
	r->since = DAY_NONE;
	r->launch = DAY_NONE;
	r->launch_days = INT32_MAX;
	r->role = ROLE_COUNT;
	r->stage = STAGE_COUNT;
	r->field = SPEC_COUNT;
	r->resolved_on = DAY_NONE;
	if (pr != NULL) {
		r->project_id = pr->id;
		r->project_name = pr->name;
		r->launch = pv->target_launch;
		r->launch_days = days_until(pv->target_launch, e->asof);
	}
	return (r);
}

static int
empty_box_risk(struct engine *e, const struct project *pr,
    const struct project_version *pv, const struct responsibility *resp,
    enum role role)
{
	struct probe			 p;
	struct risk			*r;
	const struct cell_version	*cell;
	const struct person		*holder;
	const struct plan_version	*plan;
	const char			*enters;
	enum severity			 sev;
	char				 since[DATE_LEN], start[DATE_LEN];
	char				 nobody[160];
	char				 inactive[RISK_MESSAGE_LEN];
	day_t				 run;
	int				 distance;

	probe_init(&p, PROBE_EMPTY_BOX, e->pf, pr);
	probe_status_only(&p, e->active_from, e->active_pv);
	p.resp = resp;
	p.role = role;
	if ((run = probe_run(&p, e->asof, 1, NULL)) == DAY_NONE)
		return (0);

	distance = (int)resp->needed_by - (int)pv->stage;
	if (distance <= 0)
		sev = SEVERITY_CRITICAL;
	else if (distance == 1)
		sev = SEVERITY_HIGH;
	else if (distance == 2)
		sev = SEVERITY_MEDIUM;
	else
		sev = SEVERITY_LOW;

	if ((r = risk_add(e, RISK_EMPTY_OWNER, sev, pr, pv)) == NULL)
		return (-1);
	r->since = run;
	(void)snprintf(r->subject, sizeof(r->subject), "%s/%s", resp->key,
	    role_key(role));
	r->resp_key = resp->key;
	r->resp_name = resp->name;
	r->role = role;
	r->stage = resp->needed_by;

	holder = NULL;
	if ((cell = cell_at(resp, role, e->asof)) != NULL &&
	    cell->person_id != 0) {
		r->person_id = cell->person_id;
		if ((holder = facts_person(e->pf, cell->person_id)) != NULL)
			r->person_name = holder->name;
	}
	/*
	 * As long as a message can be: a name cut here would be cut from
	 * the message anyway.
	 */
	inactive[0] = '\0';
	if (holder != NULL) {
		(void)snprintf(nobody, sizeof(nobody), "Nobody active on %s",
		    role_label(role));
		(void)snprintf(inactive, sizeof(inactive), " (%s is inactive)",
		    holder->name);
	} else
		(void)snprintf(nobody, sizeof(nobody), "Nobody on %s",
		    role_label(role));

	date_format(r->since, since);
	if (distance <= 0) {
		risk_message(r, "%s has owned %s since %s%s, and the project "
		    "has already reached %s, which needs it.", nobody,
		    resp->name, since, inactive, stage_name(resp->needed_by));
		return (0);
	}

	plan = plan_at(pr, resp->needed_by, e->asof);
	if (plan != NULL && plan->start != DAY_NONE) {
		date_format(plan->start, start);
		/* A planned start already past is a slip: say so. */
		enters = plan->start >= e->asof ? "enters" :
		    "was planned to enter";
		risk_message(r, "%s owns %s%s; the project %s %s on %s.",
		    nobody, resp->name, inactive, enters,
		    stage_name(resp->needed_by), start);
	} else
		risk_message(r, "%s owns %s%s; %s, which needs it, has no "
		    "planned start.", nobody, resp->name, inactive,
		    stage_name(resp->needed_by));
	return (0);
}

static int
checkpoint_risks(struct engine *e, const struct project *pr,
    const struct project_version *pv, const struct checkpoint *cp)
{
	struct probe			 p;
	struct risk			*r;
	const struct checkpoint_version	*cv;
	enum severity			 sev;
	int64_t				 overdue;
	day_t				 run;
	char				 due[DATE_LEN], since[DATE_LEN];

	if ((cv = checkpoint_at(cp, e->asof)) == NULL)
		return (0);

	probe_init(&p, PROBE_MISSED, e->pf, pr);
	probe_status_only(&p, e->active_from, e->active_pv);
	p.cp = cp;
	if ((run = probe_run(&p, e->asof, 1, NULL)) != DAY_NONE) {
		overdue = (int64_t)e->asof - cv->due;
		if (overdue >= OVERDUE_CRITICAL_DAYS)
			sev = SEVERITY_CRITICAL;
		else if (overdue >= OVERDUE_HIGH_DAYS)
			sev = SEVERITY_HIGH;
		else
			sev = SEVERITY_MEDIUM;
		if ((r = risk_add(e, RISK_MISSED_CHECKPOINT, sev, pr, pv)) ==
		    NULL)
			return (-1);
		r->since = run;
		(void)snprintf(r->subject, sizeof(r->subject),
		    "checkpoint/%lld", (long long)cp->id);
		r->checkpoint_id = cp->id;
		r->checkpoint_title = cp->title;
		r->stage = cp->stage;
		date_format(cv->due, due);
		risk_message(r, "Checkpoint \"%s\" was due on %s and is %lld "
		    "day%s overdue.", cp->title, due, (long long)overdue,
		    plural(overdue));
	}

	p.kind = PROBE_BLOCKED;
	if ((run = probe_run(&p, e->asof, 1, NULL)) != DAY_NONE) {
		if ((r = risk_add(e, RISK_BLOCKED_CHECKPOINT, SEVERITY_HIGH,
		    pr, pv)) == NULL)
			return (-1);
		r->since = run;
		(void)snprintf(r->subject, sizeof(r->subject),
		    "checkpoint/%lld", (long long)cp->id);
		r->checkpoint_id = cp->id;
		r->checkpoint_title = cp->title;
		r->stage = cp->stage;
		date_format(r->since, since);
		if (cv->due != DAY_NONE) {
			date_format(cv->due, due);
			risk_message(r, "Checkpoint \"%s\", due on %s, has "
			    "been blocked since %s.", cp->title, due, since);
		} else
			risk_message(r, "Checkpoint \"%s\" has been blocked "
			    "since %s.", cp->title, since);
	}
	return (0);
}

static int
handoff_risk(struct engine *e, const struct project *pr,
    const struct project_version *pv, const struct handoff *ho)
{
	struct probe			 p;
	struct risk			*r;
	const struct handoff_version	*hv;
	const struct person		*to;
	enum severity			 sev;
	day_t				 run, reached;
	char				 day[DATE_LEN], when[DATE_LEN];
	char				 offered[160];
	char				 key;

	probe_init(&p, PROBE_HANDOFF, e->pf, pr);
	p.ho = ho;
	if ((run = probe_run(&p, e->asof, 1, NULL)) == DAY_NONE)
		return (0);

	sev = pv->stage >= ho->leads_into ? SEVERITY_HIGH : SEVERITY_MEDIUM;
	if ((r = risk_add(e, RISK_HANDOFF_NOT_ACCEPTED, sev, pr, pv)) == NULL)
		return (-1);
	r->since = run;
	(void)snprintf(r->subject, sizeof(r->subject), "handoff/%c",
	    ho->key);
	r->handoff = ho->key;
	r->handoff_name = ho->name;
	r->stage = ho->leads_into;

	key = ho->key >= 'a' && ho->key <= 'z' ? (char)(ho->key - 'a' + 'A') :
	    ho->key;
	hv = handoff_at(ho, e->asof);
	offered[0] = '\0';
	if (hv != NULL && hv->offered != DAY_NONE) {
		/* Name the receiver: they are the one to act. */
		to = hv->to_id != 0 ? facts_person(e->pf, hv->to_id) : NULL;
		if (to != NULL) {
			r->person_id = to->id;
			r->person_name = to->name;
		}
		date_format(hv->offered, day);
		(void)snprintf(offered, sizeof(offered), "offered%s%s on %s",
		    to != NULL ? " to " : "", to != NULL ? to->name : "", day);
	}

	/* Medium only ever comes from an offer. */
	if (sev == SEVERITY_MEDIUM && hv != NULL) {
		risk_message(r, "Handoff %c (%s) was %s and is still not "
		    "accepted after %lld days.", key, ho->name, offered,
		    (long long)((int64_t)e->asof - hv->offered));
		return (0);
	}

	probe_init(&p, PROBE_REACHED, e->pf, pr);
	p.stage = ho->leads_into;
	reached = probe_run(&p, e->asof, 1, NULL);
	date_format(reached, when);
	if (offered[0] != '\0')
		risk_message(r, "Handoff %c (%s), %s, is not accepted, and "
		    "the project reached %s on %s.", key, ho->name, offered,
		    stage_name(ho->leads_into), when);
	else
		risk_message(r, "Handoff %c (%s) was never offered, and the "
		    "project reached %s on %s.", key, ho->name,
		    stage_name(ho->leads_into), when);
	return (0);
}

static int
overrun_risk(struct engine *e, const struct project *pr,
    const struct project_version *pv)
{
	struct probe			 p;
	struct risk			*r;
	const struct plan_version	*plan;
	int64_t				 over;
	day_t				 run;
	char				 end[DATE_LEN];

	probe_init(&p, PROBE_OVERRUN, e->pf, pr);
	p.stage = pv->stage;
	if ((unsigned)pv->stage >= STAGE_COUNT ||
	    (run = probe_run(&p, e->asof, 1, NULL)) == DAY_NONE)
		return (0);

	plan = plan_at(pr, pv->stage, e->asof);
	over = (int64_t)e->asof - plan->end;
	if ((r = risk_add(e, RISK_STAGE_OVERRUN, over >= OVERRUN_HIGH_DAYS ?
	    SEVERITY_HIGH : SEVERITY_MEDIUM, pr, pv)) == NULL)
		return (-1);
	r->since = run;
	(void)snprintf(r->subject, sizeof(r->subject), "stage/%s",
	    stage_key(pv->stage));
	r->stage = pv->stage;
	date_format(plan->end, end);
	risk_message(r, "%s was planned to end on %s and is %lld day%s "
	    "over.", stage_name(pv->stage), end, (long long)over,
	    plural(over));
	return (0);
}

static int
spec_risks(struct engine *e, const struct project *pr,
    const struct project_version *pv)
{
	struct probe	 p, left;
	struct risk	*r;
	day_t		 run;
	char		 when[DATE_LEN];
	int		 f;

	if (pv->stage == STAGE_FRAMING || pv->spec_missing == 0)
		return (0);

	probe_init(&left, PROBE_REACHED, e->pf, pr);
	left.stage = STAGE_DATA;
	date_format(probe_run(&left, e->asof, 1, NULL), when);

	for (f = 0; f < SPEC_COUNT; f++) {
		probe_init(&p, PROBE_SPEC, e->pf, pr);
		p.field = (enum spec_field)f;
		if ((run = probe_run(&p, e->asof, 1, NULL)) == DAY_NONE)
			continue;
		if ((r = risk_add(e, RISK_INCOMPLETE_SPEC, SEVERITY_HIGH, pr,
		    pv)) == NULL)
			return (-1);
		r->since = run;
		(void)snprintf(r->subject, sizeof(r->subject), "spec/%s",
		    spec_key(p.field));
		r->field = p.field;
		r->stage = pv->stage;
		risk_message(r, "The spec is missing %s, and the project left "
		    "%s on %s.", spec_label(p.field),
		    stage_name(STAGE_FRAMING), when);
	}
	return (0);
}

static int
stale_risk(struct engine *e, const struct project *pr,
    const struct project_version *pv)
{
	struct probe	 p;
	struct risk	*r;
	day_t		 last, run;
	int64_t		 idle;
	char		 when[DATE_LEN];

	probe_init(&p, PROBE_STALE, e->pf, pr);
	if ((run = probe_run(&p, e->asof, 1, NULL)) == DAY_NONE)
		return (0);

	if ((last = project_last_change(pr, e->asof)) == DAY_NONE)
		last = pr->created;
	idle = (int64_t)e->asof - last;
	if ((r = risk_add(e, RISK_STALE_PROJECT,
	    idle >= e->pf->stale_medium_days ? SEVERITY_MEDIUM : SEVERITY_LOW,
	    pr, pv)) == NULL)
		return (-1);
	r->since = run;
	(void)snprintf(r->subject, sizeof(r->subject), "project");
	r->stage = pv->stage;
	date_format(last, when);
	risk_message(r, "Nothing on the project has been updated since %s, "
	    "%lld day%s ago.", when, (long long)idle, plural(idle));
	return (0);
}

static int
project_risks(struct engine *e, const struct project *pr,
    const struct project_version *pv)
{
	size_t	i;
	int	role;

	for (i = 0; i < pr->nresps; i++) {
		for (role = 0; role < ROLE_COUNT; role++) {
			if ((pr->resps[i].expects & (1u << role)) == 0)
				continue;
			if (empty_box_risk(e, pr, pv, &pr->resps[i],
			    (enum role)role) == -1)
				return (-1);
		}
	}
	for (i = 0; i < pr->ncheckpoints; i++) {
		if (checkpoint_risks(e, pr, pv, &pr->checkpoints[i]) == -1)
			return (-1);
	}
	for (i = 0; i < pr->nhandoffs; i++) {
		if (handoff_risk(e, pr, pv, &pr->handoffs[i]) == -1)
			return (-1);
	}
	if (overrun_risk(e, pr, pv) == -1 || spec_risks(e, pr, pv) == -1 ||
	    stale_risk(e, pr, pv) == -1)
		return (-1);
	return (0);
}

/* Overloaded owners: one sort of all held boxes, no person x cell scan. */

static int
cmp_box_person(const void *a, const void *b)
{
	const struct box	*x = a, *y = b;

	return ((x->person_id > y->person_id) - (x->person_id < y->person_id));
}

static int
cmp_box_held(const void *a, const void *b)
{
	const struct box	*x = a, *y = b;

	return ((x->held > y->held) - (x->held < y->held));
}

/* Every expected cell of an active project held by an active person. */
static int
collect_boxes(const struct portfolio *pf, day_t d, struct box **out,
    size_t *nout)
{
	const struct project_version	*pv;
	const struct project		*pr;
	const struct responsibility	*resp;
	const struct cell_version	*cell;
	const struct person		*person;
	const struct person_version	*active;
	struct box			*boxes, *b;
	size_t				 i, j, n;
	day_t				 active_from;
	int				 role;

	*out = NULL;
	*nout = 0;
	n = 0;
	for (i = 0; i < pf->nprojects; i++)
		for (j = 0; j < pf->projects[i].nresps; j++)
			n += ROLE_COUNT;
	if (n == 0)
		return (0);
	if ((boxes = calloc(n, sizeof(*boxes))) == NULL)
		return (-1);

	n = 0;
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		if ((pv = project_active_at(pr, d)) == NULL)
			continue;
		active_from = pr->nresps > 0 ? active_run_start(pr, d) :
		    DAY_NONE;
		for (j = 0; j < pr->nresps; j++) {
			resp = &pr->resps[j];
			for (role = 0; role < ROLE_COUNT; role++) {
				if ((resp->expects & (1u << role)) == 0)
					continue;
				cell = cell_at(resp, (enum role)role, d);
				if (cell == NULL || cell->person_id == 0)
					continue;
				person = facts_person(pf, cell->person_id);
				if (person == NULL ||
				    (active = person_at(person, d)) == NULL ||
				    !active->active)
					continue;
				b = &boxes[n++];
				b->person_id = cell->person_id;
				b->pr = pr;
				b->resp = resp;
				b->role = (enum role)role;
				b->launch = pv->target_launch;
				b->held = DAY_NONE;
				b->active_from = active_from;
				b->active_pv = pv;
			}
		}
	}
	*out = boxes;
	*nout = n;
	return (0);
}

static int
overload_risks(struct engine *e)
{
	const struct person	*person;
	struct probe		 p;
	struct risk		*r;
	struct box		*boxes;
	size_t			 nboxes, i, j, k, limit;
	day_t			 active_since, launch;
	int			 involved, rc;
	char			 since[DATE_LEN];

	if (collect_boxes(e->pf, e->asof, &boxes, &nboxes) == -1)
		return (-1);
	if (nboxes > 1)
		qsort(boxes, nboxes, sizeof(*boxes), cmp_box_person);

	limit = e->pf->overload_threshold < 0 ? 0 :
	    (size_t)e->pf->overload_threshold;
	rc = 0;
	for (i = 0; i < nboxes; i = j) {
		involved = e->only == 0;
		launch = DAY_NONE;
		for (j = i; j < nboxes && boxes[j].person_id ==
		    boxes[i].person_id; j++) {
			if (boxes[j].pr->id == e->only)
				involved = 1;
			if (launch == DAY_NONE || (boxes[j].launch != DAY_NONE &&
			    boxes[j].launch < launch))
				launch = boxes[j].launch;
		}
		if (j - i <= limit || !involved)
			continue;

		/* Since the (limit + 1)-th box still held was taken. */
		for (k = i; k < j; k++) {
			probe_init(&p, PROBE_HOLDS_BOX, e->pf, boxes[k].pr);
			probe_status_only(&p, boxes[k].active_from,
			    boxes[k].active_pv);
			p.resp = boxes[k].resp;
			p.role = boxes[k].role;
			p.person_id = boxes[k].person_id;
			boxes[k].held = probe_run(&p, e->asof, 1, NULL);
		}
		qsort(&boxes[i], j - i, sizeof(*boxes), cmp_box_held);
		person = facts_person(e->pf, boxes[i].person_id);
		probe_init(&p, PROBE_PERSON_ACTIVE, e->pf, NULL);
		p.person = person;
		active_since = probe_run(&p, e->asof, 1, NULL);

		if ((r = risk_add(e, RISK_OVERLOADED_OWNER, SEVERITY_MEDIUM,
		    NULL, NULL)) == NULL) {
			rc = -1;
			break;
		}
		r->since = boxes[i + limit].held;
		if (active_since > r->since)
			r->since = active_since;
		r->launch = launch;
		r->launch_days = days_until(launch, e->asof);
		r->person_id = person->id;
		r->person_name = person->name;
		(void)snprintf(r->subject, sizeof(r->subject), "person/%lld",
		    (long long)person->id);
		date_format(r->since, since);
		risk_message(r, "%s has held more than %zu expected ownership "
		    "box%s across active projects since %s (%zu now).",
		    person->name, limit, limit == 1 ? "" : "es", since, j - i);
	}
	free(boxes);
	return (rc);
}

int
risk_compute(const struct portfolio *pf, day_t asof, int64_t only_project,
    struct risk_list *out)
{
	const struct project_version	*pv;
	const struct project		*pr;
	struct engine			 e;
	size_t				 i, first;

	e.pf = pf;
	e.asof = asof;
	e.only = only_project;
	e.out = out;
	first = out->len;

	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		if (only_project != 0 && pr->id != only_project)
			continue;
		if ((pv = project_active_at(pr, asof)) == NULL)
			continue;
		e.active_from = active_run_start(pr, asof);
		e.active_pv = pv;
		if (project_risks(&e, pr, pv) == -1)
			return (-1);
	}
	if (overload_risks(&e) == -1)
		return (-1);

	if (out->len - first > 1)
		qsort(out->items + first, out->len - first,
		    sizeof(*out->items), risk_order_cmp);
	return (0);
}

void
risk_list_free(struct risk_list *l)
{
	free(l->items);
	l->items = NULL;
	l->len = 0;
	l->cap = 0;
}

int
risk_identity_cmp(const struct risk *a, const struct risk *b)
{
	if (a->kind != b->kind)
		return (a->kind < b->kind ? -1 : 1);
	if (a->project_id != b->project_id)
		return (a->project_id < b->project_id ? -1 : 1);
	return (strcmp(a->subject, b->subject));
}

int
risk_same(const struct risk *a, const struct risk *b)
{
	return (risk_identity_cmp(a, b) == 0);
}

int
risk_order_cmp(const void *pa, const void *pb)
{
	const struct risk	*a = pa, *b = pb;
	int			 c;

	if (a->severity != b->severity)
		return (a->severity > b->severity ? -1 : 1);
	if (a->launch_days != b->launch_days)
		return (a->launch_days < b->launch_days ? -1 : 1);
	c = strcmp(a->project_name != NULL ? a->project_name : "",
	    b->project_name != NULL ? b->project_name : "");
	if (c != 0)
		return (c);
	if (a->kind != b->kind)
		return (a->kind < b->kind ? -1 : 1);
	if ((c = strcmp(a->subject, b->subject)) != 0)
		return (c);
	return ((a->project_id > b->project_id) -
	    (a->project_id < b->project_id));
}

void
risk_count(const struct risk_list *l, int counts[SEVERITY_COUNT])
{
	size_t	i;

	memset(counts, 0, SEVERITY_COUNT * sizeof(counts[0]));
	/* A severity out of range is not counted rather than written past. */
	for (i = 0; i < l->len; i++) {
		if ((unsigned)l->items[i].severity < SEVERITY_COUNT)
			counts[l->items[i].severity]++;
	}
}

/* Resolution ---------------------------------------------------------- */

/* Set up the probe of a project risk's rule; 0 if its facts are gone. */
static int
probe_for_risk(const struct portfolio *pf, const struct risk *r,
    struct probe *p)
{
	const struct project	*pr;
	size_t			 i;

	if ((pr = facts_project(pf, r->project_id)) == NULL)
		return (0);

	switch (r->kind) {
	case RISK_EMPTY_OWNER:
		probe_init(p, PROBE_EMPTY_BOX, pf, pr);
		p->role = r->role;
		for (i = 0; i < pr->nresps; i++) {
			if (r->resp_key != NULL &&
			    strcmp(pr->resps[i].key, r->resp_key) == 0)
				p->resp = &pr->resps[i];
		}
		return (p->resp != NULL && (unsigned)p->role < ROLE_COUNT);
	case RISK_MISSED_CHECKPOINT:
	case RISK_BLOCKED_CHECKPOINT:
		probe_init(p, r->kind == RISK_MISSED_CHECKPOINT ?
		    PROBE_MISSED : PROBE_BLOCKED, pf, pr);
		for (i = 0; i < pr->ncheckpoints; i++) {
			if (pr->checkpoints[i].id == r->checkpoint_id)
				p->cp = &pr->checkpoints[i];
		}
		return (p->cp != NULL);
	case RISK_HANDOFF_NOT_ACCEPTED:
		probe_init(p, PROBE_HANDOFF, pf, pr);
		for (i = 0; i < pr->nhandoffs; i++) {
			if (pr->handoffs[i].key == r->handoff)
				p->ho = &pr->handoffs[i];
		}
		return (p->ho != NULL);
	case RISK_STAGE_OVERRUN:
		probe_init(p, PROBE_OVERRUN, pf, pr);
		p->stage = r->stage;
		return ((unsigned)p->stage < STAGE_COUNT);
	case RISK_INCOMPLETE_SPEC:
		probe_init(p, PROBE_SPEC, pf, pr);
		p->field = r->field;
		return ((unsigned)p->field < SPEC_COUNT);
	case RISK_STALE_PROJECT:
		probe_init(p, PROBE_STALE, pf, pr);
		return (1);
	case RISK_OVERLOADED_OWNER:
	case RISK_KIND_COUNT:
		break;
	}
	return (0);
}

static int
cmp_owner(const void *a, const void *b)
{
	const struct owner	*x = a, *y = b;

	return ((x->person_id > y->person_id) - (x->person_id < y->person_id));
}

static int
cmp_release(const void *a, const void *b)
{
	const struct release	*x = a, *y = b;

	if (x->owner != y->owner)
		return (x->owner < y->owner ? -1 : 1);
	return ((x->on > y->on) - (x->on < y->on));
}

/*
 * An overload ends when the owner becomes inactive, or when enough of the
 * boxes they held the day before are given up (reassigned, or their
 * project stops being active) to bring them down to the limit: the
 * (held - limit)-th release.  Boxes taken meanwhile are not counted, so
 * that is the earliest day it can have ended.
 */
static int
resolve_overloads(const struct portfolio *pf, day_t before, day_t asof,
    struct risk_list *l)
{
	struct owner			*owners, key, *o;
	struct release			*rel, *grown;
	struct box			*boxes;
	struct probe			 p;
	struct risk			*r;
	const char			*by;
	size_t				 nowners, nboxes, nrel, caprel, i, j, k;
	size_t				 need, limit;
	day_t				 on;
	int				 rc;

	nowners = 0;
	for (i = 0; i < l->len; i++)
		if (l->items[i].kind == RISK_OVERLOADED_OWNER)
			nowners++;
	if (nowners == 0)
		return (0);
	if ((owners = calloc(nowners, sizeof(*owners))) == NULL)
		return (-1);
	for (i = 0, j = 0; i < l->len; i++) {
		if (l->items[i].kind != RISK_OVERLOADED_OWNER)
			continue;
		owners[j].person_id = l->items[i].person_id;
		owners[j++].risk = i;
	}
	qsort(owners, nowners, sizeof(*owners), cmp_owner);

	boxes = NULL;
	rel = NULL;
	nrel = caprel = 0;
	rc = -1;
	/*
	 * Only active people are found overloaded, so an owner open on
	 * `before` was active then and collect_boxes() has all their boxes.
	 */
	if (collect_boxes(pf, before, &boxes, &nboxes) == -1)
		goto out;
	for (i = 0; i < nboxes; i++) {
		key.person_id = boxes[i].person_id;
		if ((o = bsearch(&key, owners, nowners, sizeof(*owners),
		    cmp_owner)) == NULL)
			continue;
		o->held++;
		/* Its active run is as of before; this walk is from asof. */
		probe_init(&p, PROBE_HOLDS_BOX, pf, boxes[i].pr);
		p.resp = boxes[i].resp;
		p.role = boxes[i].role;
		p.person_id = boxes[i].person_id;
		if ((on = probe_run(&p, asof, 0, &by)) == DAY_NONE)
			continue;
		if (nrel == caprel) {
			caprel = caprel == 0 ? 16 : caprel * 2;
			if ((grown = reallocarray(rel, caprel,
			    sizeof(*rel))) == NULL)
				goto out;
			rel = grown;
		}
		rel[nrel].owner = (size_t)(o - owners);
		rel[nrel].on = on;
		rel[nrel++].by = by;
	}
	if (nrel > 1)
		qsort(rel, nrel, sizeof(*rel), cmp_release);

	limit = pf->overload_threshold < 0 ? 0 :
	    (size_t)pf->overload_threshold;
	for (i = 0, k = 0; i < nowners; i++) {
		r = &l->items[owners[i].risk];
		for (j = k; k < nrel && rel[k].owner == i; k++)
			;
		need = owners[i].held > limit ? owners[i].held - limit : 0;
		if (need > 0 && k - j >= need && rel[j + need - 1].on > before) {
			r->resolved_on = rel[j + need - 1].on;
			r->resolved_by = rel[j + need - 1].by;
		}
		probe_init(&p, PROBE_PERSON_ACTIVE, pf, NULL);
		if ((p.person = facts_person(pf, owners[i].person_id)) == NULL)
			continue;
		on = probe_run(&p, asof, 0, &by);
		if (on != DAY_NONE && on > before && (r->resolved_on ==
		    DAY_NONE || on < r->resolved_on)) {
			r->resolved_on = on;
			r->resolved_by = by;
		}
	}
	rc = 0;
out:
	free(boxes);
	free(rel);
	free(owners);
	return (rc);
}

int
risk_resolve(const struct portfolio *pf, day_t before, day_t asof,
    struct risk_list *l)
{
	struct probe	 p;
	struct risk	*r;
	const char	*by;
	day_t		 on;
	size_t		 i;

	for (i = 0; i < l->len; i++) {
		r = &l->items[i];
		r->resolved_on = DAY_NONE;
		r->resolved_by = NULL;
		if (!probe_for_risk(pf, r, &p))
			continue;
		/* The start of the run, ending at asof, in which it is gone. */
		on = probe_run(&p, asof, 0, &by);
		if (on == DAY_NONE || on <= before)
			continue;
		r->resolved_on = on;
		r->resolved_by = by;
	}
	return (resolve_overloads(pf, before, asof, l));
}

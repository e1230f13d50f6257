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
 *                       projects: medium.  Portfolio-wide (project 0),
 *                       ordered by the nearest launch among the projects
 *                       of the boxes held.
 * stale_project         D - last change (or creation) >= stale_low_days:
 *                       low; >= stale_medium_days: medium.
 * readiness_gaps        An item of the readiness review's checklist whose
 *                       answer in effect is "no", and the target launch
 *                       at most 14 days after D.  days = launch - D:
 *                       8-14 medium, 1-7 high, 0 or less critical.  The
 *                       "no" counts from the day it was given; the PM
 *                       must act.  Subject "readiness/<item>".
 * overridden_gate       A checkpoint a stage move passed over unmet with
 *                       an override (a gate), from the day of that move
 *                       while it is neither done nor waived (nor
 *                       deleted): high.  Its owner, else the PM, must
 *                       act.  Subject "checkpoint/<id>".
 * data_audit_missing    The stage is past data exploration (baseline or
 *                       later) and a question of the data availability
 *                       audit is unanswered: high, one risk naming every
 *                       unanswered question (held: their bits).  The PM
 *                       must act.  Subject "audit".
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
 * reads stays the same (rule.c).  So a missed checkpoint whose due date
 * moved while overdue stays missed since the day after the first due
 * date; an empty box is empty since max(the day the cell got its current
 * holder or emptiness, the day that holder became inactive), or earlier
 * if it was empty before that too; a stale project since its last change
 * + stale_low_days; an overloaded owner since the first day of the run of
 * days on which they held more than the threshold.  A risk never starts
 * before the project was created or before its current active run:
 * pausing a project breaks every run.
 *
 * Resolution (risk_resolve(), for the digest) is the same walk over the
 * days on which the risk no longer holds: the first day of the run that
 * ends at the as-of day, and the actor of the version that took effect on
 * it (NULL when it was a bare change of day).
 *
 * Each rule is one entry of the table in rule.c: how it reads the facts,
 * its subjects, its severity and the fields of its sentence; the sentence
 * itself is risk_describe() below.  This file is the engine that answers
 * for one day, the reference the ledger (ledger.c) is tested against.
 *
 * Cost per as-of day: each rule walks only the versions of its own
 * subject (rules whose holding reads only the project's status start
 * from its active run, found once per project), plus, for overloads, one
 * sort of every (person, box) pair and a sweep over each person's boxes.
 * No scan is nested over projects or people.
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "risk.h"
#include "rule.h"

static int	 project_risks(const struct portfolio *, day_t,
		    const struct project *, const struct project_version *,
		    struct risk_list *);
static int	 overload_risks(const struct portfolio *, day_t, int64_t,
		    struct risk_list *);
static const struct load_seg *load_at(const struct load_seg *, size_t,
		    day_t);
static int	 box_held_on(const struct box_ref *, day_t);

void
risk_clear(struct risk *r, enum risk_kind kind)
{
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->since = DAY_NONE;
	r->launch = DAY_NONE;
	r->launch_days = INT32_MAX;
	r->role = ROLE_COUNT;
	r->stage = STAGE_COUNT;
	r->field = SPEC_COUNT;
	r->ref_day = DAY_NONE;
	r->event_day = DAY_NONE;
	r->resolved_on = DAY_NONE;
}

/* Sentences ------------------------------------------------------------ */

int32_t
risk_launch_days(day_t launch, day_t asof)
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

void
risk_launch_phrase(day_t launch, day_t asof, char buf[RISK_WHEN_LEN])
{
	int64_t	n;

	buf[0] = '\0';
	if (launch == DAY_NONE || asof == DAY_NONE)
		return;
	n = (int64_t)launch - asof;
	if (n == 0)
		(void)snprintf(buf, RISK_WHEN_LEN, "launches today");
	else if (n == 1)
		(void)snprintf(buf, RISK_WHEN_LEN, "launches tomorrow");
	else if (n > 0)
		(void)snprintf(buf, RISK_WHEN_LEN, "launches in %lld days",
		    (long long)n);
	else
		(void)snprintf(buf, RISK_WHEN_LEN, "launched %lld day%s ago",
		    (long long)-n, plural(-n));
}

/*
 * The sentence, in the fixed buffer of the risk.  Titles and names may be
 * long and multi-byte: a sentence that does not fit is cut at a character
 * boundary and ends with an ellipsis, so it is always valid UTF-8.
 */
static void
say(struct risk *r, const char *fmt, ...)
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

static const char *
name_or(const char *s, const char *none)
{
	return (s != NULL ? s : none);
}

const char *
risk_role_name(const struct risk *r, enum role role)
{
	if ((unsigned)role < ROLE_COUNT && r->role_names[role] != NULL &&
	    r->role_names[role][0] != '\0')
		return (r->role_names[role]);
	return (role_label(role));
}

void
risk_list_roles(struct risk_list *l, const char *const names[ROLE_COUNT])
{
	struct risk	*r;
	size_t		 i;
	int		 role;

	for (i = 0; l != NULL && i < l->len; i++) {
		r = &l->items[i];
		for (role = 0; role < ROLE_COUNT; role++)
			r->role_names[role] = names != NULL ? names[role] :
			    NULL;
		/* Only a box's sentence names a role. */
		if (r->kind == RISK_EMPTY_OWNER)
			risk_describe(r, r->asof);
	}
}

static void
describe_box(struct risk *r, day_t asof)
{
	/* A label is up to 40 characters (160 bytes) of the templates. */
	char	since[DATE_LEN], start[DATE_LEN], nobody[640];
	char	inactive[RISK_MESSAGE_LEN], roles[512];
	size_t	used;
	int	role, left;

	/*
	 * As long as a message can be: a name cut here would be cut from
	 * the message anyway.
	 */
	inactive[0] = '\0';
	if (r->inactive) {
		(void)snprintf(nobody, sizeof(nobody), "Nobody active on %s",
		    risk_role_name(r, r->role));
		(void)snprintf(inactive, sizeof(inactive), " (%s is inactive)",
		    name_or(r->person_name, "?"));
	} else if (r->roles != 0) {
		/* Several roles of one responsibility: "MLE or SWE". */
		roles[0] = '\0';
		for (left = 0, role = 0; role < ROLE_COUNT; role++)
			left += (r->roles & (1u << role)) != 0;
		for (role = 0; role < ROLE_COUNT; role++) {
			if ((r->roles & (1u << role)) == 0)
				continue;
			left--;
			used = strlen(roles);
			(void)snprintf(roles + used, sizeof(roles) - used,
			    "%s%s", risk_role_name(r, (enum role)role),
			    left > 1 ? ", " : left == 1 ? " or " : "");
		}
		(void)snprintf(nobody, sizeof(nobody), "Nobody on %s", roles);
	} else
		(void)snprintf(nobody, sizeof(nobody), "Nobody on %s",
		    risk_role_name(r, r->role));

	date_format(r->since, since);
	if (r->severity == SEVERITY_CRITICAL) {
		/* The project is at or past the stage that needs it. */
		say(r, "%s has owned %s since %s%s, and the project has "
		    "already reached %s, which needs it.", nobody,
		    name_or(r->resp_name, ""), since, inactive,
		    stage_name(r->stage));
	} else if (r->ref_day != DAY_NONE) {
		date_format(r->ref_day, start);
		/* A planned start already past is a slip: say so. */
		say(r, "%s owns %s%s; the project %s %s on %s.", nobody,
		    name_or(r->resp_name, ""), inactive, r->ref_day >= asof ?
		    "enters" : "was planned to enter", stage_name(r->stage),
		    start);
	} else
		say(r, "%s owns %s%s; %s, which needs it, has no planned "
		    "start.", nobody, name_or(r->resp_name, ""), inactive,
		    stage_name(r->stage));
}

static void
describe_handoff(struct risk *r, day_t asof)
{
	char		 day[DATE_LEN], when[DATE_LEN], offered[160], key;
	const char	*to;

	key = r->handoff >= 'a' && r->handoff <= 'z' ?
	    (char)(r->handoff - 'a' + 'A') : r->handoff;
	offered[0] = '\0';
	if (r->ref_day != DAY_NONE) {
		/* The receiver who must act is named once, in front. */
		to = r->actor_id != 0 && r->actor_id == r->person_id ? NULL :
		    r->person_name;
		date_format(r->ref_day, day);
		(void)snprintf(offered, sizeof(offered), "offered%s%s on %s",
		    to != NULL ? " to " : "", name_or(to, ""), day);
	}

	/* Medium only ever comes from an offer. */
	if (r->severity == SEVERITY_MEDIUM) {
		say(r, "Handoff %c (%s) was %s and is still not accepted "
		    "after %lld days.", key, name_or(r->handoff_name, ""),
		    offered, (long long)((int64_t)asof - r->ref_day));
		return;
	}
	date_format(r->event_day, when);
	if (offered[0] != '\0')
		say(r, "Handoff %c (%s), %s, is not accepted, and the project "
		    "reached %s on %s.", key, name_or(r->handoff_name, ""),
		    offered, stage_name(r->stage), when);
	else
		say(r, "Handoff %c (%s) was never offered, and the project "
		    "reached %s on %s.", key, name_or(r->handoff_name, ""),
		    stage_name(r->stage), when);
}

/*
 * "Maya Chen: nobody on MLE owns ...": the sentence says who must act.
 * Sentences that begin with a common word lose its capital after the
 * name; those that begin with a name (a stage, a person) keep it.
 */
static void
say_actor(struct risk *r)
{
	char	body[RISK_MESSAGE_LEN];

	if (r->actor_name == NULL || r->message[0] == '\0')
		return;
	memcpy(body, r->message, sizeof(body));
	if (r->kind != RISK_STAGE_OVERRUN && r->kind != RISK_OVERLOADED_OWNER &&
	    body[0] >= 'A' && body[0] <= 'Z')
		body[0] = (char)(body[0] - 'A' + 'a');
	say(r, "%s: %s", r->actor_name, body);
}

void
risk_url(const struct risk *r, char buf[RISK_URL_LEN])
{
	long long	id = (long long)r->project_id;

	switch (r->kind) {
	case RISK_EMPTY_OWNER:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#resp-%s",
		    id, r->resp_key != NULL ? r->resp_key : "");
		break;
	case RISK_MISSED_CHECKPOINT:
	case RISK_BLOCKED_CHECKPOINT:
	case RISK_FEW_MORE_WEEKS:
	case RISK_STOP_IGNORED:
	case RISK_OVERRIDDEN_GATE:
		(void)snprintf(buf, RISK_URL_LEN,
		    "/projects/%lld#checkpoint-%lld", id,
		    (long long)r->checkpoint_id);
		break;
	case RISK_HANDOFF_NOT_ACCEPTED:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#handoffs",
		    id);
		break;
	case RISK_STAGE_OVERRUN:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#timeline",
		    id);
		break;
	case RISK_INCOMPLETE_SPEC:
	case RISK_MOVING_GOALPOSTS:
	case RISK_NO_BASELINE:
	case RISK_DATA_AUDIT_MISSING:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#spec", id);
		break;
	case RISK_OVERLOADED_OWNER:
		(void)snprintf(buf, RISK_URL_LEN, "/people#person-%lld",
		    (long long)r->person_id);
		break;
	case RISK_READINESS_GAPS:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#readiness",
		    id);
		break;
	case RISK_STALE_PROJECT:
	default:
		(void)snprintf(buf, RISK_URL_LEN, "/projects/%lld#history",
		    id);
		break;
	}
}

int
risk_box_group(const struct risk *a, const struct risk *b)
{
	return (a->kind == RISK_EMPTY_OWNER && b->kind == RISK_EMPTY_OWNER &&
	    a->project_id == b->project_id && a->resp_key != NULL &&
	    b->resp_key != NULL && strcmp(a->resp_key, b->resp_key) == 0 &&
	    a->role != b->role && a->severity == b->severity &&
	    a->since == b->since && a->ref_day == b->ref_day &&
	    a->actor_id == b->actor_id && !a->inactive && !b->inactive);
}

void
risk_group_message(const struct risk *const *v, size_t n,
    char out[RISK_MESSAGE_LEN])
{
	struct risk	r;
	size_t		i;

	if (n == 0) {
		out[0] = '\0';
		return;
	}
	r = *v[0];
	if (n > 1) {
		r.roles = 0;
		for (i = 0; i < n; i++)
			if ((unsigned)v[i]->role < ROLE_COUNT)
				r.roles |= 1u << v[i]->role;
		risk_describe(&r, r.asof);
	}
	memcpy(out, r.message, RISK_MESSAGE_LEN);
}

/* The unanswered audit questions of mask: "a, b and c". */
static void
audit_list(int mask, char *buf, size_t size)
{
	size_t	i, n = 0, k = 0, len;

	buf[0] = '\0';
	for (i = 0; i < AUDIT_COUNT; i++)
		if (mask & (1 << i))
			n++;
	for (i = 0; i < AUDIT_COUNT; i++) {
		if ((mask & (1 << i)) == 0)
			continue;
		len = strlen(buf);
		(void)snprintf(buf + len, size - len, "%s%s",
		    k == 0 ? "" : k + 1 == n ? " and " : ", ",
		    audit_label((enum audit_field)i));
		k++;
	}
}

void
risk_describe(struct risk *r, day_t asof)
{
	char		 a[DATE_LEN], b[DATE_LEN], q[200];
	int64_t		 n;
	size_t		 limit;
	int		 item;

	r->asof = asof;
	r->launch_days = risk_launch_days(r->launch, asof);
	n = (int64_t)asof - r->ref_day;
	date_format(r->ref_day, a);
	date_format(r->since, b);

	switch (r->kind) {
	case RISK_EMPTY_OWNER:
		describe_box(r, asof);
		break;
	case RISK_MISSED_CHECKPOINT:
		say(r, "Checkpoint \"%s\" was due on %s and is %lld day%s "
		    "overdue.", name_or(r->checkpoint_title, ""), a,
		    (long long)n, plural(n));
		break;
	case RISK_BLOCKED_CHECKPOINT:
		/* The reason is the checkpoint's note, when there is one. */
		if (r->ref_day != DAY_NONE)
			say(r, "Checkpoint \"%s\", due on %s, has been blocked "
			    "since %s%s%s%s.", name_or(r->checkpoint_title, ""),
			    a, b, r->note != NULL ? " (\"" : "",
			    name_or(r->note, ""), r->note != NULL ? "\")" : "");
		else
			say(r, "Checkpoint \"%s\" has been blocked since "
			    "%s%s%s%s.", name_or(r->checkpoint_title, ""), b,
			    r->note != NULL ? " (\"" : "", name_or(r->note, ""),
			    r->note != NULL ? "\")" : "");
		break;
	case RISK_HANDOFF_NOT_ACCEPTED:
		describe_handoff(r, asof);
		break;
	case RISK_STAGE_OVERRUN:
		say(r, "%s was planned to end on %s and is %lld day%s over.",
		    stage_name(r->stage), a, (long long)n, plural(n));
		break;
	case RISK_INCOMPLETE_SPEC:
		date_format(r->event_day, b);
		say(r, "The spec is missing %s, and the project left %s on %s.",
		    spec_label(r->field), stage_name(STAGE_FRAMING), b);
		break;
	case RISK_OVERLOADED_OWNER:
		limit = r->threshold < 0 ? 0 : (size_t)r->threshold;
		say(r, "%s has held more than %zu expected ownership box%s "
		    "across active projects since %s (%d now).",
		    name_or(r->person_name, "?"), limit, limit == 1 ? "" :
		    "es", b, r->held);
		break;
	case RISK_STALE_PROJECT:
		say(r, "Nothing on the project has been updated since %s, "
		    "%lld day%s ago.", a, (long long)n, plural(n));
		break;
	case RISK_MOVING_GOALPOSTS:
		date_format(r->event_day, b);
		say(r, "The primary metric or its target changed on %s, after "
		    "the project left %s on %s: the work measured against the "
		    "old target may not count.", a, stage_name(STAGE_DATA), b);
		break;
	case RISK_FEW_MORE_WEEKS:
		date_format(r->event_day, b);
		n = (int64_t)r->event_day - r->ref_day;
		say(r, "Checkpoint \"%s\" has slipped %d time%s, from %s to %s "
		    "(%lld day%s in all): just a few more weeks?",
		    name_or(r->checkpoint_title, ""), r->held, plural(r->held),
		    a, b, (long long)n, plural(n));
		break;
	case RISK_NO_BASELINE:
		say(r, "No baseline comparison: the project is in %s with no "
		    "baseline checkpoint done and no baseline in the spec, so "
		    "it cannot prove ML adds value.", stage_name(r->stage));
		break;
	case RISK_STOP_IGNORED:
		date_format(r->event_day, b);
		say(r, "Checkpoint \"%s\" recorded %s on %s, and the project "
		    "moved forward on %s without a new framing (now in %s).",
		    name_or(r->checkpoint_title, ""),
		    r->held == OUTCOME_PIVOT ? "pivot" : "stop", a, b,
		    stage_name(r->stage));
		break;
	case RISK_OVERRIDDEN_GATE:
		say(r, "Moved to %s on %s with %d unmet gate%s: checkpoint "
		    "\"%s\" is still neither done nor waived.",
		    stage_name(r->stage), a, r->held, plural(r->held),
		    name_or(r->checkpoint_title, ""));
		break;
	case RISK_READINESS_GAPS:
		/* The item is named by the subject: "readiness/<item>". */
		item = vocab_index(readiness_item_keys,
		    strncmp(r->subject, "readiness/", 10) == 0 ?
		    r->subject + 10 : r->subject);
		if (r->launch_days > 0)
			say(r, "The readiness review answered no to \"%s\" on "
			    "%s, %d day%s before the launch.",
			    readiness_item_label((enum readiness_item)item), a,
			    (int)r->launch_days, plural(r->launch_days));
		else
			say(r, "The readiness review answered no to \"%s\" on "
			    "%s, and the launch date has come.",
			    readiness_item_label((enum readiness_item)item), a);
		break;
	case RISK_DATA_AUDIT_MISSING:
		audit_list(r->held, q, sizeof(q));
		date_format(r->event_day, b);
		say(r, "The data audit does not say %s, and the project left "
		    "%s on %s.", q, stage_name(STAGE_DATA), b);
		break;
	case RISK_KIND_COUNT:
		r->message[0] = '\0';
		break;
	}
	say_actor(r);
}

/* The engine: every risk open at the end of one day -------------------- */

static int
project_risks(const struct portfolio *pf, day_t asof,
    const struct project *pr, const struct project_version *pv,
    struct risk_list *out)
{
	const struct rule	*rule;
	struct probe		 p;
	struct risk		*r;
	day_t			 active_from, since;
	size_t			 i, k, n;
	char			 key[RISK_SUBJECT_LEN];

	active_from = rule_active_run_start(pr, asof);
	for (k = 0; k < nrules; k++) {
		rule = &rules[k];
		n = rule->count(pr);
		for (i = 0; i < n; i++) {
			probe_init(&p, rule->probe, pf, pr);
			if (!rule->subject(&p, i, key))
				continue;
			if (rule->status_only)
				probe_status_only(&p, active_from, pv);
			if ((since = probe_run(&p, asof, 1, NULL)) == DAY_NONE)
				continue;
			if ((r = rule_risk_add(out, rule->kind, pr, pv)) ==
			    NULL)
				return (-1);
			(void)snprintf(r->subject, sizeof(r->subject), "%s",
			    key);
			rule->describe(&p, asof, r);
			r->since = since;
			risk_describe(r, asof);
		}
	}
	return (0);
}

/* The segment of a person's load that holds day d. */
static const struct load_seg *
load_at(const struct load_seg *segs, size_t n, day_t d)
{
	size_t	lo, hi, mid;

	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (segs[mid].lo <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo == 0 ? NULL : &segs[lo - 1]);
}

/* Does the box's person hold it on an active project at the end of d? */
static int
box_held_on(const struct box_ref *b, day_t d)
{
	const struct cell_version	*cell;

	return (project_active_at(b->pr, d) != NULL &&
	    (cell = cell_at(b->resp, b->role, d)) != NULL &&
	    cell->person_id == b->person_id);
}

/*
 * Overloaded owners: each person's load over time from their boxes, and
 * a risk for whoever is over the threshold on the day.  With only, just
 * the people holding a box on that project that day.
 */
static int
overload_risks(const struct portfolio *pf, day_t asof, int64_t only,
    struct risk_list *out)
{
	const struct person	*person;
	const struct load_seg	*seg;
	struct box_ref		*boxes;
	struct load_seg		*load;
	struct risk		*r;
	size_t			 nboxes, nload, i, j, k;
	int			 involved, rc;

	if (rule_boxes(pf, &boxes, &nboxes) == -1)
		return (-1);
	rc = 0;
	load = NULL;
	for (i = 0; i < nboxes; i = j) {
		involved = only == 0;
		for (j = i; j < nboxes &&
		    boxes[j].person_id == boxes[i].person_id; j++) {
			if (!involved && boxes[j].pr->id == only &&
			    box_held_on(&boxes[j], asof))
				involved = 1;
		}
		if (!involved ||
		    (person = facts_person(pf, boxes[i].person_id)) == NULL)
			continue;
		free(load);
		if (rule_load(pf, person, &boxes[i], j - i, &load, &nload) ==
		    -1) {
			load = NULL;
			rc = -1;
			break;
		}
		seg = load_at(load, nload, asof);
		if (seg == NULL || seg->held <= pf->overload_threshold)
			continue;
		if ((r = rule_risk_add(out, RISK_OVERLOADED_OWNER, NULL,
		    NULL)) == NULL) {
			rc = -1;
			break;
		}
		r->severity = SEVERITY_MEDIUM;
		(void)snprintf(r->subject, sizeof(r->subject), "person/%lld",
		    (long long)person->id);
		r->person_id = person->id;
		r->person_name = person->name;
		r->held = seg->held;
		r->threshold = pf->overload_threshold;
		r->launch = seg->launch;
		/* The PM of the nearest launch among the boxes must act. */
		rule_actor(pf, seg->pm, r);
		/* Since: back over the run of segments above the threshold. */
		for (k = (size_t)(seg - load); k > 0 &&
		    load[k - 1].held > pf->overload_threshold; k--)
			;
		r->since = load[k].lo;
		risk_describe(r, asof);
	}
	free(load);
	free(boxes);
	return (rc);
}

/* The project rules' risks of every project (0) or one, unsorted. */
static int
projects_risks(const struct portfolio *pf, day_t asof, int64_t only,
    struct risk_list *out)
{
	const struct project_version	*pv;
	const struct project		*pr;
	size_t				 i;

	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		if (only != 0 && pr->id != only)
			continue;
		if ((pv = project_active_at(pr, asof)) == NULL)
			continue;
		if (project_risks(pf, asof, pr, pv, out) == -1)
			return (-1);
	}
	return (0);
}

static void
sort_from(struct risk_list *out, size_t first)
{
	if (out->len - first > 1)
		qsort(out->items + first, out->len - first,
		    sizeof(*out->items), risk_order_cmp);
}

int
risk_compute(const struct portfolio *pf, day_t asof, int64_t only_project,
    struct risk_list *out)
{
	size_t	first = out->len;

	if (projects_risks(pf, asof, only_project, out) == -1 ||
	    overload_risks(pf, asof, only_project, out) == -1)
		return (-1);
	sort_from(out, first);
	return (0);
}

int
risk_compute_project(const struct portfolio *pf, day_t asof,
    int64_t project, struct risk_list *out)
{
	size_t	first = out->len;

	if (projects_risks(pf, asof, project, out) == -1)
		return (-1);
	sort_from(out, first);
	return (0);
}

int
risk_involved(const struct project *pr, int64_t person, day_t d)
{
	const struct responsibility	*r;
	const struct cell_version	*cell;
	size_t				 i;
	int				 role;

	if (project_active_at(pr, d) == NULL)
		return (0);
	for (i = 0; i < pr->nresps; i++) {
		r = &pr->resps[i];
		for (role = 0; role < ROLE_COUNT; role++) {
			if ((r->expects & (1u << role)) != 0 &&
			    (cell = cell_at(r, (enum role)role, d)) != NULL &&
			    cell->person_id == person)
				return (1);
		}
	}
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
risk_rank(enum severity sev, int32_t launch_days)
{
	int	near;

	if (launch_days <= LAUNCH_NEAR_DAYS)
		near = 2;
	else if (launch_days <= LAUNCH_SOON_DAYS)
		near = 1;
	else
		near = 0;
	return ((int)sev + near);
}

int
risk_order_cmp(const void *pa, const void *pb)
{
	const struct risk	*a = pa, *b = pb;
	int			 ra, rb, c;

	ra = risk_rank(a->severity, a->launch_days);
	rb = risk_rank(b->severity, b->launch_days);
	if (ra != rb)
		return (ra > rb ? -1 : 1);
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

/* Resolution ----------------------------------------------------------- */

/* Set up the probe of a project risk's rule; 0 if its facts are gone. */
static int
probe_for_risk(const struct portfolio *pf, const struct risk *r,
    struct probe *p)
{
	const struct project	*pr;
	const struct rule	*rule;
	size_t			 i, k, n;
	char			 key[RISK_SUBJECT_LEN];

	if ((pr = facts_project(pf, r->project_id)) == NULL)
		return (0);
	for (k = 0; k < nrules && rules[k].kind != r->kind; k++)
		;
	if (k == nrules)
		return (0);
	rule = &rules[k];
	/* The subject whose key is the risk's. */
	n = rule->count(pr);
	for (i = 0; i < n; i++) {
		probe_init(p, rule->probe, pf, pr);
		if (rule->subject(p, i, key) && strcmp(key, r->subject) == 0)
			return (1);
	}
	return (0);
}

/* When did the person's overload end, if it did after before? */
static int
resolve_overload(const struct portfolio *pf, day_t before, day_t asof,
    struct risk *r)
{
	const struct person	*person;
	const struct load_seg	*seg;
	struct box_ref		*boxes;
	struct load_seg		*load;
	size_t			 nboxes, nload, i, j, k;

	if ((person = facts_person(pf, r->person_id)) == NULL)
		return (0);
	if (rule_boxes(pf, &boxes, &nboxes) == -1)
		return (-1);
	for (i = 0; i < nboxes && boxes[i].person_id != person->id; i++)
		;
	for (j = i; j < nboxes && boxes[j].person_id == person->id; j++)
		;
	if (rule_load(pf, person, &boxes[i], j - i, &load, &nload) == -1) {
		free(boxes);
		return (-1);
	}
	/* The first segment of the run at or under the threshold. */
	if ((seg = load_at(load, nload, asof)) != NULL &&
	    seg->held <= pf->overload_threshold) {
		for (k = (size_t)(seg - load); k > 0 &&
		    load[k - 1].held <= pf->overload_threshold; k--)
			;
		if (load[k].lo > before) {
			r->resolved_on = load[k].lo;
			r->resolved_by = load[k].actor;
		}
	}
	free(load);
	free(boxes);
	return (0);
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
		if (r->kind == RISK_OVERLOADED_OWNER) {
			if (resolve_overload(pf, before, asof, r) == -1)
				return (-1);
			continue;
		}
		if (!probe_for_risk(pf, r, &p))
			continue;
		/* The start of the run, ending at asof, in which it is gone. */
		on = probe_run(&p, asof, 0, &by);
		if (on == DAY_NONE || on <= before)
			continue;
		r->resolved_on = on;
		r->resolved_by = by;
	}
	return (0);
}

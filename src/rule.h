/*
 * rule: the launch-risk rules, one table entry each, and the walk over
 * time they share.  Private to the two readers of the rules: the as-of
 * engine (risk.c), which answers "what was at risk at the end of day D"
 * and is the reference every faster path is tested against, and the
 * ledger (ledger.c), which lays the same answers out over all days at
 * once as spans, so that a read can look them up instead of computing.
 *
 * A rule is about one subject of one project at a time (a box, a
 * checkpoint, a handoff, a stage, a spec field, the project itself) and
 * reads that subject's versions through a probe.  probe_eval() answers
 * whether the rule holds on a day t and since when that answer, and
 * everything the rule's description reads, has stayed the same: the
 * segment [lo, t].  Walking back from t to lo - 1, and on, visits every
 * change in effective order.  The engine walks back from the as-of day to
 * find when a risk began; the ledger walks back from the far future to
 * find every span.
 *
 * Overloaded owners are the one rule across projects: a person's count
 * of held boxes over time comes from rule_load() instead.
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#ifndef HANDOFF_RULE_H
#define HANDOFF_RULE_H

#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "risk.h"

/* The ends of time for a walk: lower bound of a segment that reaches back
 * forever, and a day after every day any fact can name. */
#define DAY_EARLIEST		(INT32_MIN + 1)
#define DAY_FAR			(INT32_MAX / 2)

/* Thresholds of the rules (documented in risk.c). */
#define OVERDUE_HIGH_DAYS	8
#define OVERDUE_CRITICAL_DAYS	22
#define OVERRUN_HIGH_DAYS	15
/* Readiness gaps: an item answered no this many days before the launch. */
#define READINESS_GAP_DAYS	14
#define READINESS_HIGH_DAYS	7
#define HANDOFF_WAIT_DAYS	7
#define SLIPS_MEDIUM		3	/* times a checkpoint moved later */
#define SLIPS_HIGH		5
#define SLIP_MEDIUM_DAYS	29	/* more than four weeks in all */
#define SLIP_HIGH_DAYS		56	/* eight weeks */

/* A cursor over versions sorted by seq, asked about days that never
 * increase (see rule.c). */
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
	PROBE_READINESS,	/* an item answered no, launch 14 days away */
	PROBE_HOLDS_BOX,	/* person_id holds the cell, project active */
	PROBE_PERSON_ACTIVE,
	PROBE_REACHED,		/* the project's stage is at least `stage` */
	PROBE_GOALPOSTS,
	PROBE_SLIPS,
	PROBE_NO_BASELINE,
	PROBE_STOP_IGNORED,
	PROBE_OVERRIDDEN,	/* a checkpoint passed over, still unmet */
	PROBE_AUDIT		/* the data audit unanswered past data */
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
	const struct readiness		*rd;
	enum stage			 stage;
	enum spec_field			 field;
	const struct person		*person;
	int64_t				 person_id;

	/*
	 * For a walk that only asks whether the rule holds, of a rule whose
	 * holding reads nothing of the project but its status: the first
	 * day of its current active run and the version then, so that the
	 * walk does not step through every edit of the project (DAY_NONE:
	 * walk the project's versions, as the ledger always does).
	 */
	day_t				 active_from;
	const struct project_version	*active_pv;

	struct cursor			 project;
	struct cursor			 subject;
	struct cursor			 plan;
	struct cursor			 holder_versions;
	const struct person		*holder;
	size_t				 nchanges;
};

/*
 * A rule: its kind, how it reads the facts, its subjects in a project
 * (subject i for i < count() sets up the probe and writes the subject's
 * key; 0 when the i-th is not one, such as a box that is not expected),
 * and what it says when it holds on day t:
 * severity, subject key and the fields a sentence is made of (see
 * risk_describe()), all but since.  status_only: whether the rule holds
 * reads nothing of the project but whether it is active (its severity
 * may read more), so that the engine's walk for "since" can skip the
 * project's other edits.
 */
struct rule {
	enum risk_kind	 kind;
	enum probe_kind	 probe;
	int		 status_only;	/* holding reads only the status */
	size_t		 (*count)(const struct project *);
	int		 (*subject)(struct probe *, size_t,
			    char [RISK_SUBJECT_LEN]);
	void		 (*describe)(struct probe *, day_t, struct risk *);
};

/* The rules about one project's subjects, in risk_kind order. */
extern const struct rule	rules[];
extern const size_t		nrules;

void		 probe_init(struct probe *, enum probe_kind,
		    const struct portfolio *, const struct project *);
void		 probe_status_only(struct probe *, day_t,
		    const struct project_version *);
void		 probe_reset(struct probe *);
void		 probe_eval(struct probe *, day_t, struct seg *);
day_t		 probe_run(struct probe *, day_t, int, const char **);

/* Who must act: person id, if the portfolio knows them, else nobody. */
void		 rule_actor(const struct portfolio *, int64_t, struct risk *);

/* The first day of the project's active run that holds d. */
day_t		 rule_active_run_start(const struct project *, day_t);

/* A new risk of a project as of day t, in the list; NULL out of memory. */
struct risk	*rule_risk_add(struct risk_list *, enum risk_kind,
		    const struct project *, const struct project_version *);

/*
 * A person's load over time: the expected boxes they hold on active
 * projects, 0 while they are inactive.  Segments [lo, hi] (hi DAY_FAR for
 * the last) cover every day from DAY_EARLIEST, in order, each with the
 * count, the nearest target launch of the projects of the boxes held
 * (DAY_NONE if none) and its PM (the lowest id if several projects
 * launch that day), and who recorded the change at lo (NULL for none).
 */
struct load_seg {
	day_t		 lo;
	day_t		 hi;
	int		 held;
	day_t		 launch;
	int64_t		 pm;		/* that project's PM (0: none) */
	const char	*actor;
};

/* One expected cell someone held at some time, found by rule_boxes(). */
struct box_ref {
	int64_t				 person_id;
	const struct project		*pr;
	const struct responsibility	*resp;
	enum role			 role;
};

/*
 * Every (person, expected cell) pair of the portfolio that any version
 * names, sorted by person, each pair once; *n is the count.  Returns 0,
 * or -1 when memory ran out.
 */
int		 rule_boxes(const struct portfolio *, struct box_ref **,
		    size_t *);

/*
 * The load of person over its boxes (boxes[0..n), all of that person);
 * the caller frees *out.  Returns 0, or -1 when memory ran out.
 */
int		 rule_load(const struct portfolio *, const struct person *,
		    const struct box_ref *, size_t, struct load_seg **,
		    size_t *);

#endif

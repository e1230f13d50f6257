/*
 * risk: launch risks derived from the facts, as of any day.
 *
 * The rules and their severities are described at the top of risk.c.
 * risk_compute() answers "what was at risk at the end of day D": every
 * version, plan and change recorded with a day after D is ignored, so the
 * digest for a past week shows what was true then.
 *
 * A risk is identified by (kind, project_id, subject): the subject is a
 * short key such as "on_call/swe", "checkpoint/12", "handoff/c",
 * "stage/data", "spec/fallback", "person/7" or "project", and it does not
 * change with the date or the severity, so two computations can be
 * compared to find what is new and what was resolved.
 *
 * Memory: a risk_list owns its items array and nothing else; release it
 * with risk_list_free().  The const char * members of a risk point into
 * the portfolio, so they are valid as long as the portfolio is.
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#ifndef HANDOFF_RISK_H
#define HANDOFF_RISK_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "facts.h"

#define RISK_SUBJECT_LEN	96
#define RISK_MESSAGE_LEN	480

struct risk {
	enum risk_kind		 kind;
	enum severity		 severity;
	int64_t			 project_id;	/* 0: portfolio-wide */
	const char		*project_name;	/* NULL when portfolio-wide */
	day_t			 since;		/* first day of the current
						   run */
	day_t			 launch;	/* target launch; the nearest of
						   the projects involved when
						   portfolio-wide; DAY_NONE */
	int32_t			 launch_days;	/* days until launch, 0 when
						   reached or past */
	char			 subject[RISK_SUBJECT_LEN];
	char			 message[RISK_MESSAGE_LEN];

	/*
	 * What it is about, for renderers.  Members that do not apply are
	 * 0 or NULL; role, stage and field are then ROLE_COUNT, STAGE_COUNT
	 * and SPEC_COUNT.  stage is the stage the risk is about: the
	 * needed-by stage of a box, the stage of a checkpoint, the stage a
	 * handoff leads into, the overrun stage, the current stage for spec
	 * and stale risks.  person is the inactive holder of a box, the
	 * receiver of a handoff offer, or the overloaded owner.
	 */
	const char		*resp_key;
	const char		*resp_name;
	enum role		 role;
	int64_t			 checkpoint_id;
	const char		*checkpoint_title;
	char			 handoff;	/* 'a' .. 'd' */
	const char		*handoff_name;
	enum stage		 stage;
	enum spec_field		 field;
	int64_t			 person_id;
	const char		*person_name;

	/*
	 * What the sentence is made of besides names, so that it can be
	 * written again for any later day on which nothing else changed
	 * (risk_describe()).  ref_day: the due day (missed and blocked
	 * checkpoints), the planned end (overrun), the offer (handoff),
	 * the last change (stale), the needed-by stage's planned start
	 * (empty box); DAY_NONE when there is none.  event_day: the day
	 * the project reached the stage a handoff leads into, or left
	 * framing (spec).  inactive: a box's holder is known and inactive.
	 * held and threshold: an overloaded owner's boxes and the limit.
	 */
	day_t			 ref_day;
	day_t			 event_day;
	int			 inactive;
	int			 held;
	int			 threshold;

	/*
	 * Who must act (README, "Who must act"), as of the day: the PM for
	 * an empty box, a spec field, an overrun or a stale project; the
	 * checkpoint's owner, else the PM, for a missed or blocked
	 * checkpoint; the receiver of an offered handoff, else the PM; the
	 * PM of the nearest launch among the overloaded person's boxes.
	 * actor_id 0: nobody can be named.  note: a blocked checkpoint's
	 * reason (its note then), else NULL.
	 */
	int64_t			 actor_id;
	const char		*actor_name;
	const char		*note;

	/*
	 * For a sentence about several boxes of one responsibility
	 * (risk_group_message()): the roles, bit (1u << role); 0 for one.
	 * asof: the day risk_describe() last wrote the sentence for.
	 */
	unsigned int		 roles;
	day_t			 asof;

	/* Filled by risk_resolve() only: who ended it, and from which day. */
	const char		*resolved_by;	/* NULL when not known */
	day_t			 resolved_on;	/* DAY_NONE when not known */

	/*
	 * What the organisation calls each role (the templates' labels),
	 * for the sentence; NULL: ours, "DS", "MLE", "SWE" (vocab.c).
	 * Set by risk_list_roles() on a list about to be shown; they
	 * point into the document the labels came from.
	 */
	const char		*role_names[ROLE_COUNT];
};

struct risk_list {
	struct risk	*items;
	size_t		 len;
	size_t		 cap;
};

/*
 * A risk of kind with nothing known yet: ids 0, names NULL, days
 * DAY_NONE, role, stage and field out of range.
 */
void		 risk_clear(struct risk *, enum risk_kind);

/*
 * Write the sentence and the days until launch of r as of day asof, from
 * its fields, since and names: the same words whether r was just
 * computed or read back from the ledger.
 */
void		 risk_describe(struct risk *, day_t);
/*
 * The roles of l's risks named as the organisation names them (names[r],
 * NULL: ours; names NULL: all ours), their sentences written again.
 */
void		 risk_list_roles(struct risk_list *,
		    const char *const [ROLE_COUNT]);
/* What r's sentence calls role. */
const char	*risk_role_name(const struct risk *, enum role);


/*
 * Append the risks open at the end of day asof, for one project
 * (only_project != 0) or for all (0), and sort the list in the order
 * of risk_order_cmp().  With only_project, portfolio-wide risks (overloaded
 * owners) are included when one of their boxes is on that project.
 * The list must be zeroed or come from an earlier call.  The portfolio
 * must have been through facts_sort().  Returns 0, or -1 when memory ran
 * out (the list then holds what was appended so far, unsorted).
 */
int		 risk_compute(const struct portfolio *, day_t, int64_t,
		    struct risk_list *);

/*
 * The same for one project's own rules, every rule but overloaded
 * owners: what a portfolio holding only that project (and the people it
 * names) can answer.  The overloads come from the ledger (ledger.h).
 */
int		 risk_compute_project(const struct portfolio *, day_t, int64_t,
		    struct risk_list *);

/*
 * Does the person hold an expected box of the project at the end of day
 * d, the project being active then?  Then the person's overload, if any,
 * is one of the project's risks.
 */
int		 risk_involved(const struct project *, int64_t, day_t);
void		 risk_list_free(struct risk_list *);

/* Identity: kind, project, subject.  cmp is a total order for sorting. */
int		 risk_identity_cmp(const struct risk *, const struct risk *);
int		 risk_same(const struct risk *, const struct risk *);

/*
 * The ranking rule, one for every list of risks and projects (README,
 * "Ranking"): a risk's rank is its severity (low 0 .. critical 3) plus
 * 2 when its launch is at most LAUNCH_NEAR_DAYS away (or reached or
 * past: the model is live), 1 when at most LAUNCH_SOON_DAYS away, else 0.
 * launch_days is risk.launch_days (INT32_MAX: no launch).  A high risk a
 * week from launch (4) ranks above a critical one three months out (3).
 * sql/api/70_ledger.sql's api.risk_rank() is the same rule for the
 * ledger's reads; tests/integration/oracle.test.js checks that the two
 * agree on every severity and every number of days that matters.
 */
#define LAUNCH_NEAR_DAYS	14
#define LAUNCH_SOON_DAYS	42
int		 risk_rank(enum severity, int32_t);

/* Days from asof until launch, 0 when reached or past, INT32_MAX: none. */
int32_t		 risk_launch_days(day_t, day_t);

/*
 * "launches in 12 days", "launches tomorrow", "launches today",
 * "launched 3 days ago" for a launch day seen from asof, into buf (empty
 * when there is no launch day).
 */
#define RISK_WHEN_LEN	48
void		 risk_launch_phrase(day_t, day_t, char [RISK_WHEN_LEN]);

/*
 * The sort order of risk_compute(), for qsort(): rank descending, then
 * severity descending, days until launch, project name, kind, subject
 * and project id, so that ties are broken the same way every time.
 */
int		 risk_order_cmp(const void *, const void *);

/*
 * The app path of what the risk is about, an anchor of the project page
 * or the people page, into buf: "/projects/12#resp-on_call" (a box),
 * "/projects/12#checkpoint-34", "/projects/12#handoffs",
 * "/projects/12#timeline" (an overrun), "/projects/12#spec",
 * "/projects/12#history" (stale), "/people#person-7" (an overload).  One
 * place: absolute links prefix it with a public base URL.
 */
#define RISK_URL_LEN	160
void		 risk_url(const struct risk *, char [RISK_URL_LEN]);

/*
 * Lists show the empty boxes of one responsibility as one line ("Maya
 * Chen: nobody on MLE or SWE owns On-call for model health ..."); each
 * box stays a risk of its own in the JSON.  risk_box_group(): do a and b
 * go on one line (empty boxes of the same project and responsibility that
 * say the same but the role: severity, since, actor, no inactive holder)?
 * risk_group_message(): the sentence of the n risks v[0..n), for the day
 * their sentences were written for, into out.
 */
int		 risk_box_group(const struct risk *, const struct risk *);
void		 risk_group_message(const struct risk *const *, size_t,
		    char [RISK_MESSAGE_LEN]);

/* The number of risks of each severity in the list. */
void		 risk_count(const struct risk_list *, int [SEVERITY_COUNT]);

/*
 * For risks that were open at the end of day `before` and are not at the
 * end of day asof, find the day in (before, asof] from which each stopped
 * holding and the actor of the version that ended it, into resolved_on
 * and resolved_by.  Returns 0, or -1 when memory ran out.
 */
int		 risk_resolve(const struct portfolio *, day_t, day_t,
		    struct risk_list *);

#endif

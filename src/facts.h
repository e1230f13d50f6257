/*
 * facts: what the risk engine knows about the portfolio.
 *
 * Everything that changes over time is a list of versions.  A version is in
 * effect from its day "on"; the state of a thing as of day D is, among its
 * versions with on <= D, the one with the highest seq (the one recorded
 * last).  So a completion recorded today but dated last Tuesday counts from
 * last Tuesday, and a later correction always wins.  facts_at() and the
 * *_at() helpers do that lookup.
 *
 * A struct portfolio owns all its memory; facts_free() releases it.  It is
 * filled through the facts_add_*() builders, by the database loader
 * (db_facts.c) and by the unit tests alike.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_FACTS_H
#define HANDOFF_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "vocab.h"

/* Common head of every version; must be the first member. */
struct version {
	int64_t		 seq;		/* recording order */
	day_t		 on;		/* in effect from this day */
	const char	*actor;		/* who recorded it */
};

struct person_version {
	struct version	 v;
	int		 active;
};

struct person {
	int64_t			 id;
	const char		*name;
	struct person_version	*versions;
	size_t			 nversions;
};

struct project_version {
	struct version		 v;
	enum project_status	 status;
	enum stage		 stage;
	day_t			 target_launch;
	unsigned int		 spec_missing;
	unsigned int		 audit_missing;	/* bit n: audit_field n */
	int64_t			 pm_id;		/* 0: the project's pm_id */
	int64_t			 metric;	/* the primary metric's text as
						   a hash; 0: not written */
};

struct plan_version {
	struct version	 v;
	day_t		 start;
	day_t		 end;
};

struct cell_version {
	struct version	 v;
	int64_t		 person_id;	/* 0: nobody */
};

struct responsibility {
	const char		*key;
	const char		*name;
	enum stage		 needed_by;
	unsigned int		 expects;	/* bit (1u << ROLE_x) */
	int			 at_kickoff;	/* must be owned once the
						   project leaves framing */
	/*
	 * The row is the project's on the days [from, until): from
	 * DAY_NONE, since the project was made (the template's rows);
	 * until DAY_NONE, still (sql/0039_own_rows.sql).  Who added and
	 * who removed it name the change.
	 */
	day_t			 from;
	day_t			 until;
	const char		*from_by;
	const char		*until_by;
	struct cell_version	*cells[ROLE_COUNT];
	size_t			 ncells[ROLE_COUNT];
};

struct checkpoint_version {
	struct version		 v;
	enum checkpoint_status	 status;
	day_t			 due;
	day_t			 completed;	/* DAY_NONE unless done or
						   waived */
	int			 deleted;
	int64_t			 owner_id;	/* 0: nobody */
	const char		*note;		/* NULL: none */
	enum decision_outcome	 outcome;	/* a decision's go, pivot,
						   stop; OUTCOME_NONE */
};

struct checkpoint {
	int64_t				 id;
	const char			*title;
	enum stage			 stage;
	struct checkpoint_version	*versions;
	size_t				 nversions;

	/*
	 * The first stage move that passed over this checkpoint unmet with
	 * an override (sql/0024_gates.sql): its day (DAY_NONE: never), the
	 * stage it moved to and how many gates it passed over in all.
	 */
	day_t				 overridden;
	enum stage			 overridden_to;
	int				 overridden_gates;
};

struct handoff_version {
	struct version	 v;
	int64_t		 from_id;	/* 0: not offered */
	int64_t		 to_id;
	day_t		 offered;	/* DAY_NONE: not offered */
	day_t		 accepted;	/* DAY_NONE: not accepted */
};

struct handoff {
	char			 key;		/* 'a' .. 'd' */
	const char		*name;		/* "Model to serving" */
	enum stage		 leads_into;
	struct handoff_version	*versions;
	size_t			 nversions;
};

/* An answer of the readiness review's checklist (sql/0020_readiness.sql). */
struct readiness_version {
	struct version		 v;
	enum readiness_answer	 answer;
};

struct readiness {
	enum readiness_item		 item;
	struct readiness_version	*versions;
	size_t				 nversions;
};

struct project {
	int64_t			 id;
	const char		*name;
	int64_t			 pm_id;
	day_t			 kickoff;
	day_t			 created;	/* not in handoff before this */

	struct project_version	*versions;
	size_t			 nversions;
	struct plan_version	*plans[STAGE_COUNT];
	size_t			 nplans[STAGE_COUNT];

	struct responsibility	*resps;
	size_t			 nresps;
	struct checkpoint	*checkpoints;
	size_t			 ncheckpoints;
	struct handoff		*handoffs;
	size_t			 nhandoffs;
	struct readiness	*readiness;	/* the items ever answered */
	size_t			 nreadiness;

	/* Days on which anything about the project was recorded, ascending. */
	day_t			*changes;
	size_t			 nchanges;
};

struct portfolio {
	struct person		*people;
	size_t			 npeople;
	struct project		*projects;
	size_t			 nprojects;

	int			 overload_threshold;	/* default 8 */
	int			 stale_low_days;	/* default 21 */
	int			 stale_medium_days;	/* default 42 */

	struct facts_arena	*arena;		/* strings and arrays */
};

/* Building.  Indexes are positions in the arrays; strings are copied. */
void		 facts_init(struct portfolio *);
void		 facts_free(struct portfolio *);
struct person	*facts_add_person(struct portfolio *, int64_t, const char *);
void		 facts_person_version(struct portfolio *, struct person *,
		    int64_t, day_t, const char *, int);
struct project	*facts_add_project(struct portfolio *, int64_t,
		    const char *, int64_t, day_t, day_t);
void		 facts_project_version(struct portfolio *, struct project *,
		    const struct project_version *);
void		 facts_plan_version(struct portfolio *, struct project *,
		    enum stage, const struct plan_version *);
struct responsibility *facts_add_responsibility(struct portfolio *,
		    struct project *, const char *, const char *, enum stage,
		    unsigned int);
void		 facts_responsibility_days(struct portfolio *,
		    struct responsibility *, day_t, const char *, day_t,
		    const char *);
void		 facts_cell_version(struct portfolio *,
		    struct responsibility *, enum role,
		    const struct cell_version *);
struct checkpoint *facts_add_checkpoint(struct portfolio *, struct project *,
		    int64_t, const char *, enum stage);
void		 facts_checkpoint_version(struct portfolio *,
		    struct checkpoint *, const struct checkpoint_version *);
struct handoff	*facts_add_handoff(struct portfolio *, struct project *,
		    char, const char *, enum stage);
void		 facts_handoff_version(struct portfolio *, struct handoff *,
		    const struct handoff_version *);
struct readiness *facts_add_readiness(struct portfolio *, struct project *,
		    enum readiness_item);
void		 facts_readiness_version(struct portfolio *,
		    struct readiness *, const struct readiness_version *);
void		 facts_project_change(struct portfolio *, struct project *,
		    day_t);
int		 facts_failed(const struct portfolio *);

/* Lookup: people by id (binary search; facts_sort() must have run). */
void		 facts_sort(struct portfolio *);
const struct person *facts_person(const struct portfolio *, int64_t);
struct project	*facts_project(const struct portfolio *, int64_t);

/*
 * The version in effect at the end of day d among n versions of size
 * `size` each (struct version first), or NULL if none is yet.
 */
const void	*facts_at(const void *, size_t, size_t, day_t);

const struct person_version	*person_at(const struct person *, day_t);
const struct project_version	*project_at(const struct project *, day_t);
const struct plan_version	*plan_at(const struct project *, enum stage,
				    day_t);
const struct cell_version	*cell_at(const struct responsibility *,
				    enum role, day_t);
const struct checkpoint_version	*checkpoint_at(const struct checkpoint *,
				    day_t);
const struct handoff_version	*handoff_at(const struct handoff *, day_t);
const struct readiness_version	*readiness_at(const struct readiness *,
				    day_t);

/*
 * The project's version at the end of day d if it exists then (created
 * <= d, a version in effect) and is active; else NULL.  Only such
 * projects carry risks, count toward overloads, or list work due.
 */
const struct project_version	*project_active_at(const struct project *,
				    day_t);

/* The day the project last changed on or before d (DAY_NONE if none). */
day_t		 project_last_change(const struct project *, day_t);

#endif

/*
 * ledger: the risks of every day at once, as spans.
 *
 * The engine (risk.h) answers "what is at risk at the end of day D" by
 * walking the facts.  The ledger lays the same answers out over time: a
 * span is one risk (its identity) over the days [from, to) on which it
 * holds with the same severity and says the same thing but for its day
 * counts.  Between two writes nothing changes but the date, and every
 * change the date alone brings (a checkpoint missed at midnight, a box
 * turning critical, a severity threshold) is already a span boundary, so
 * the spans of a project computed after a write answer for every day,
 * past and future, until the next write: a read looks them up instead of
 * computing.
 *
 * ledger_risks_at() turns the spans that cover a day back into the risks
 * the engine computes for it, sentence included; the property tests hold
 * the two equal on random portfolios and days.
 *
 * Memory: a span_list owns its array and nothing else; names in the
 * risks point into the portfolio (or wherever the caller pointed them).
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#ifndef HANDOFF_LEDGER_H
#define HANDOFF_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "facts.h"
#include "risk.h"

struct risk_span {
	/*
	 * The risk on every day of the span: identity, severity, since,
	 * launch and the fields of its sentence; message and launch_days
	 * are written for a day by ledger_risks_at().
	 */
	struct risk	 r;
	day_t		 from;		/* the first day it covers */
	day_t		 to;		/* the day after the last; DAY_NONE:
					   for ever */
	/*
	 * Who ended the run, when the risk stops holding at `to` (not
	 * merely changes): the actor of the version that took effect then,
	 * NULL when none did (a bare change of day) or it goes on.
	 */
	const char	*closed_by;
	int		 ends;		/* the run ends at `to` */
};

struct span_list {
	struct risk_span	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * Append the spans of every rule about one project (all but overloaded
 * owners), by identity then from.  The portfolio must have been through
 * facts_sort().  Returns 0, or -1 when memory ran out.
 */
int	ledger_project(const struct portfolio *, const struct project *,
	    struct span_list *);

/*
 * Append the overload spans of one person, from the boxes the portfolio
 * knows they held: the whole portfolio, or one that holds at least every
 * project where they ever held a box.  Returns 0, or -1.
 */
int	ledger_person(const struct portfolio *, const struct person *,
	    struct span_list *);

/* Both, for every project and every person of the portfolio. */
int	ledger_all(const struct portfolio *, struct span_list *);

/* Does the span cover day d? */
int	ledger_covers(const struct risk_span *, day_t);

/*
 * Append to out the risks open at the end of day d according to the
 * spans, with their sentences for d, unsorted.  Returns 0, or -1.
 */
int	ledger_risks_at(const struct span_list *, day_t, struct risk_list *);

/*
 * For each risk of the list (open at the end of day before and not at the
 * end of day asof), the day in (before, asof] from which it stopped
 * holding and who ended it, as risk_resolve() finds them from the facts.
 */
int	ledger_resolve(const struct span_list *, day_t, day_t,
	    struct risk_list *);

void	ledger_free(struct span_list *);

/*
 * A project's risk profile: over each run of days [from, to) between two
 * days on which one of its spans starts or stops, how many risks of each
 * severity it has, the worst, the latest launch day they know and the
 * first of them in risk order (severity, kind, subject: the project is
 * the same).  Days with no risk have no row.  What the portfolio's list
 * and the digest's groups sort by, read from the database without the
 * spans (api.ledger_apply stores it).
 */
struct profile_row {
	day_t			 from;
	day_t			 to;		/* DAY_NONE: for ever */
	int			 counts[SEVERITY_COUNT];
	int			 worst;
	day_t			 launch;	/* DAY_NONE: none known */
	const struct risk	*first;		/* into the span list */
};

struct profile_list {
	struct profile_row	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * The profile of the spans of one project, in day order, replacing what
 * out held.  Returns 0, or -1 when memory ran out.
 */
int	ledger_profile(const struct span_list *, struct profile_list *);
void	ledger_profile_free(struct profile_list *);

/*
 * Who holds an expected box of a project while it is active, over time:
 * a person's overload is one of the project's risks on exactly the days
 * of their runs here (risk_involved()).  A run [from, to) per person and
 * stretch of days; to is DAY_NONE for ever.  With these and the people's
 * overload spans, a project's risks are read without its facts.
 */
struct holder_span {
	int64_t		 person_id;
	day_t		 from;
	day_t		 to;
};

struct holder_list {
	struct holder_span	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * The runs of one project, in no order, replacing what out held.
 * Returns 0, or -1 when memory ran out.
 */
int	ledger_holders(const struct project *, struct holder_list *);
void	ledger_holders_free(struct holder_list *);

#endif

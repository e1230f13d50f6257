/*
 * digest: the weekly risk digest for one ISO week, assembled from the
 * facts (rendering is elsewhere).
 *
 * The digest is "as of" the end of the week's Sunday, or of today when
 * today falls in the week; it is compared with the Sunday before the
 * week, so "new" and "resolved" mean "since last week's digest".
 *
 * Memory: a digest owns its lists and arrays; digest_free() releases
 * them.  Strings point into the portfolio, which must outlive it.
 *
 * Pure: no Kore, no libpq, no I/O, no clock: today is a parameter.
 */
#ifndef HANDOFF_DIGEST_H
#define HANDOFF_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "facts.h"
#include "risk.h"

#define DIGEST_TREND_WEEKS	8

/* A checkpoint due in the digest's week or the week after. */
struct digest_due {
	int64_t			 project_id;
	const char		*project_name;
	int64_t			 checkpoint_id;
	const char		*title;
	enum stage		 stage;
	enum checkpoint_status	 status;	/* pending or blocked */
	day_t			 due;
};

struct digest_trend {
	int		 year;
	int		 week;
	day_t		 asof;			/* that week's Sunday */
	int		 counts[SEVERITY_COUNT];	/* open, by severity */
	int		 at_risk;	/* projects at risk (digest_at_risk) */
};

/* A project paused as of the digest's day, and since when. */
struct digest_paused {
	int64_t		 id;
	const char	*name;
	day_t		 since;
};

struct digest {
	int			 year;
	int			 week;
	day_t			 monday;
	day_t			 sunday;
	day_t			 asof;		/* sunday, or today in the
						   week */
	day_t			 prev_asof;	/* the Sunday before monday */

	/*
	 * Open as of asof, in risk_compute() order: every one, or those of
	 * the groups of one page (digest_page()).
	 */
	struct risk_list	 open;
	unsigned char		*is_new;	/* parallel to open: not open
						   at prev_asof */

	/*
	 * Indices into open, grouped by project: groups in the order of
	 * each project's first (worst) risk, risks in open's order within
	 * a group.  digest_group_end() finds where a group stops.
	 */
	size_t			*by_project;

	/* The page: groups [offset, offset + limit) of ngroups. */
	size_t			 offset;
	size_t			 limit;
	size_t			 ngroups;

	/* Every risk open at asof and not at prev_asof, in open's order. */
	struct risk_list	 fresh;

	/*
	 * Open at prev_asof (as they were then, in that order) and not at
	 * asof, with resolved_on and resolved_by when known.  A risk that
	 * came and went within the week is in neither list.
	 */
	struct risk_list	 resolved;

	/*
	 * Checkpoints due next Monday to Sunday, as of asof: not deleted,
	 * pending or blocked, on active projects; by due day, project name,
	 * project id, checkpoint id.
	 */
	struct digest_due	*due;
	size_t			 ndue;

	/*
	 * The same for the digest's own week, Monday to Sunday: what is
	 * due this week and still open as of asof.
	 */
	struct digest_due	*due_this;
	size_t			 ndue_this;

	/*
	 * The action list: the critical and high risks open at asof of
	 * the page's groups (digest_actions()), in risk order; the JSON
	 * and the renderers group it by actor, groups in the order of
	 * their first risk.
	 */
	struct risk_list	 actions;

	/*
	 * The projects paused as of asof, by name (bytes) then id; since:
	 * the first day of the pause that lasts to asof (never before the
	 * project was created).
	 */
	struct digest_paused	*paused;
	size_t			 npaused;

	int			 at_risk;	/* projects at risk at asof */

	/*
	 * Kept to some projects (digest_keep()): the trend, which counts
	 * the whole portfolio, is not shown.
	 */
	int			 only_some;

	int			 counts[SEVERITY_COUNT];	/* open */
	struct digest_trend	 trend[DIGEST_TREND_WEEKS];	/* the weeks
								   before,
								   oldest
								   first */
};

/*
 * Build the digest of ISO week `week` of ISO year `year`, with today as
 * given.  The caller rejects weeks after today's week.  The portfolio
 * must have been through facts_sort().  Returns 0, or -1 if the week
 * does not exist or memory ran out (the digest is then empty).
 */
int	digest_build(const struct portfolio *, int, int, day_t,
	    struct digest *);
void	digest_free(struct digest *);

/*
 * Keep only the groups [offset, offset + limit) of open (the groups
 * digest_build() made), in place: open, is_new and by_project shrink to
 * them, and actions with them; counts, fresh and resolved stay whole.
 * Returns 0, or -1 when memory ran out.
 */
int	digest_page(struct digest *, size_t, size_t);

/*
 * Projects at risk in a list of risks: how many projects (not the
 * portfolio-wide group) have at least one high or critical risk.
 */
int	digest_at_risk(const struct risk_list *);

/*
 * The day the pause of project pr that lasts to day d began, or
 * DAY_NONE when pr is not paused at the end of d.
 */
day_t	digest_paused_since(const struct project *, day_t);

/*
 * Is actions.items[i] the first (best-ranked) of its actor's risks?  A
 * group of the action list starts there; it holds the later risks of
 * the same actor_id (0: nobody named), in risk order.
 */
int	digest_actor_first(const struct digest *, size_t);

/*
 * The action list from open as it is (every group, or a page of them):
 * its critical and high risks, in risk order.  Returns 0, or -1 when
 * memory ran out.
 */
int	digest_actions(struct digest *);

/*
 * Keep only what concerns the n projects of ids (a person's, for the
 * "mine" email): open (with is_new and by_project), fresh, resolved,
 * actions, due, due_this and paused, in place; the portfolio-wide risks
 * go too.  counts and at_risk are counted again from what open keeps
 * (every group it held: the weekly email builds it with all of them, so
 * that a person's projects ranked past the first page are kept too),
 * ngroups is the groups kept, and only_some is set.
 */
void	digest_keep(struct digest *, const int64_t *, size_t);

/* Group open (already in risk order) by project: by_project. */
int	digest_group(struct digest *);

/*
 * The position in by_project just past the group that starts at
 * position `start`: the first position whose risk belongs to another
 * project, or open.len.
 */
size_t	digest_group_end(const struct digest *, size_t);

#endif

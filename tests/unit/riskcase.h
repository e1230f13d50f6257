/*
 * riskcase: the case files of the risk and digest tests.
 *
 * A case file holds facts (people, projects and their versions) and
 * checks: "asof" blocks listing the exact risks expected on a day, and
 * "digest" blocks listing what the digest of an ISO week must hold.  The
 * format is described in tests/unit/risk/README.  The facts are built
 * through the facts_add_*() builders, as the database loader does, and
 * sorted with facts_sort().
 *
 * Memory: rcase_free() releases everything, the portfolio included.
 */
#ifndef HANDOFF_RISKCASE_H
#define HANDOFF_RISKCASE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "facts.h"
#include "risk.h"

#define RCASE_TEXT	160

/* An expected risk, in an asof block or in a digest's open/resolved. */
struct rcase_risk {
	int		 line;
	enum risk_kind	 kind;
	enum severity	 severity;	/* not checked for resolved */
	int64_t		 project_id;
	char		 subject[RISK_SUBJECT_LEN];
	day_t		 since;		/* DAY_NONE: not checked (digest) */
	int		 is_new;	/* digest open: "new" 1, "old" 0 */
	day_t		 resolved_on;	/* digest resolved; "-" DAY_NONE */
	int		 has_resolved_by;	/* 0 for "-": must be NULL */
	char		 resolved_by[RCASE_TEXT];
	char		 message[RCASE_TEXT];	/* substring; "" any */
};

struct rcase_check {
	int			 line;
	day_t			 asof;
	int64_t			 only_project;	/* 0: all */
	unsigned int		 kinds;		/* bit per kind; 0: all */
	struct rcase_risk	*risks;
	size_t			 nrisks;
};

struct rcase_due {
	int		 line;
	int64_t		 checkpoint_id;
	day_t		 due;
};

struct rcase_trend {
	int		 line;
	int		 year;
	int		 week;
	day_t		 asof;
	int		 counts[SEVERITY_COUNT];
};

struct rcase_digest {
	int			 line;
	int			 year;
	int			 week;
	day_t			 today;
	int			 has_span;
	day_t			 monday;
	day_t			 sunday;
	day_t			 asof;
	day_t			 prev_asof;
	struct rcase_risk	*open;
	size_t			 nopen;
	struct rcase_risk	*resolved;
	size_t			 nresolved;
	struct rcase_due	*due;
	size_t			 ndue;
	int			 has_counts;
	int			 counts[SEVERITY_COUNT];
	struct rcase_trend	*trend;
	size_t			 ntrend;
};

struct rcase {
	char			 name[256];
	struct portfolio	 pf;
	struct rcase_check	*checks;
	size_t			 nchecks;
	struct rcase_digest	*digests;
	size_t			 ndigests;
};

/*
 * Parse a case from text (name is used in messages) or from a file.
 * Returns 0, or -1 with "name:line: why" in err.  On error the case is
 * freed already.
 */
int	rcase_parse(const char *, const char *, struct rcase *, char *,
	    size_t);
int	rcase_load(const char *, struct rcase *, char *, size_t);
void	rcase_free(struct rcase *);

/*
 * A random portfolio for property tests, the same for the same seed:
 * people, projects and everything about them over the 150 days from
 * `first`, versions recorded out of date order and back-dated.  No
 * checks.  Returns 0, or -1 when memory ran out.
 */
int	rcase_random(struct rcase *, uint32_t, day_t);

/*
 * Load every *.case file of a directory, in name order, and give each to
 * check, which returns its number of mismatches.  Returns their sum, plus
 * one for each file that does not load and one for a directory that
 * cannot be read or holds no case file: a lost directory must not pass.
 */
int	rcase_run_dir(const char *, int (*)(const struct rcase *, void *),
	    void *);

/*
 * Is a risk with r's identity open at the end of day d?  project 0
 * computes the whole portfolio, another id only that project.  Aborts
 * when memory runs out: a test cannot go on without the answer.
 */
int	rcase_open_on(const struct portfolio *, const struct risk *, day_t,
	    int64_t);

/*
 * The checkers' messages, to stderr; the tests of a checker itself set
 * rcase_quiet while they expect mismatches.
 */
extern int	rcase_quiet;
void		rcase_report(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

#endif

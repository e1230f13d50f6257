/*
 * riskcase: the case-file parser of the risk and digest tests (see
 * riskcase.h and tests/unit/risk/README).
 *
 * Line based: a keyword, then words; "double quotes" group words (with
 * \" and \\ inside), # starts a comment.  Facts come first, then checks.
 * Mistakes in a case file are errors with the line number, never guesses,
 * so that a typo cannot turn a test into one that always passes.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "riskcase.h"

#define MAX_WORDS	40
#define MAX_LINE	2048

enum target {
	TARGET_NONE,
	TARGET_PERSON,
	TARGET_PROJECT,
	TARGET_CHECKPOINT,
	TARGET_HANDOFF
};

enum block {
	BLOCK_FACTS,
	BLOCK_ASOF,
	BLOCK_DIGEST
};

struct parser {
	struct rcase		*c;
	int			 line;
	char			*err;
	size_t			 errlen;

	int64_t			 seq;
	enum target		 target;
	enum block		 block;
	struct person		*person;
	struct project		*project;
	struct responsibility	*resp;
	struct checkpoint	*cp;
	struct handoff		*ho;

	/* The previous version of each, for fields a version leaves out. */
	int			 have_pv, have_cv, have_hv;
	struct project_version	 pv;
	struct checkpoint_version cv;
	struct handoff_version	 hv;
	int			 have_plan[STAGE_COUNT];
	struct plan_version	 plan[STAGE_COUNT];
};

static int	 fail(struct parser *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static int	 split(char *, char **, int *);
static const char *value_of(const char *, const char *);
static int	 parse_int64(const char *, int64_t *);
static int	 parse_int(const char *, int *);
static int	 parse_day(struct parser *, const char *, day_t *, int);
static int	 parse_week(struct parser *, const char *, int *, int *);
static int	 parse_stage(struct parser *, const char *, enum stage *);
static int	 parse_kind(struct parser *, const char *, enum risk_kind *);
static int	 parse_severity(struct parser *, const char *,
		    enum severity *);
static int	 parse_text(struct parser *, char *, size_t, const char *);
static int	 version_head(struct parser *, struct version *, char **,
		    int, int *);
static void	*append(struct parser *, void **, size_t *, size_t);
static int	 facts_only(struct parser *, const char *);
static int	 project_only(struct parser *, const char *);
static int	 do_settings(struct parser *, char **, int);
static int	 do_person(struct parser *, char **, int);
static int	 do_project(struct parser *, char **, int);
static int	 do_version(struct parser *, char **, int);
static int	 do_plan(struct parser *, char **, int);
static int	 do_changes(struct parser *, char **, int);
static int	 do_resp(struct parser *, char **, int);
static int	 do_cell(struct parser *, char **, int);
static int	 do_checkpoint(struct parser *, char **, int);
static int	 do_handoff(struct parser *, char **, int);
static int	 do_readiness(struct parser *, char **, int);
static int	 do_override(struct parser *, char **, int);
static int	 do_asof(struct parser *, char **, int);
static int	 parse_risk(struct parser *, char **, int, int,
		    struct rcase_risk *);
static int	 do_expect(struct parser *, char **, int);
static int	 do_digest(struct parser *, char **, int);
static int	 do_span(struct parser *, char **, int);
static int	 do_open(struct parser *, char **, int);
static int	 do_resolved(struct parser *, char **, int);
static int	 do_due(struct parser *, char **, int);
static int	 parse_counts(struct parser *, char **, int,
		    int [SEVERITY_COUNT]);
static int	 do_counts(struct parser *, char **, int);
static int	 do_trend(struct parser *, char **, int);
static int	 do_line(struct parser *, char **, int);
static int	 cmp_path(const void *, const void *);
static int	 list_cases(const char *, char ***, size_t *);
static void	 list_free(char **, size_t);

static int
fail(struct parser *p, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = snprintf(p->err, p->errlen, "%s:%d: ", p->c->name, p->line);
	if (n >= 0 && (size_t)n < p->errlen)
		(void)vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return (-1);
}

/* Split a line in place into words; -1 on an unterminated quote. */
static int
split(char *s, char **words, int *n)
{
	char	*out;
	int	 quoted;

	*n = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (*s == '\0' || *s == '#')
			return (0);
		if (*n == MAX_WORDS)
			return (-1);
		words[(*n)++] = out = s;
		quoted = 0;
		while (*s != '\0') {
			if (*s == '"') {
				quoted = !quoted;
				s++;
				continue;
			}
			if (!quoted && (*s == ' ' || *s == '\t' ||
			    *s == '\r' || *s == '#'))
				break;
			if (quoted && *s == '\\' && (s[1] == '"' ||
			    s[1] == '\\'))
				s++;
			*out++ = *s++;
		}
		if (quoted)
			return (-1);
		if (*s == '#') {
			*out = '\0';
			return (0);
		}
		if (*s != '\0')
			s++;
		*out = '\0';
	}
}

/* "key=value": the value, or NULL if the word is not about key. */
static const char *
value_of(const char *word, const char *key)
{
	size_t	len = strlen(key);

	if (strncmp(word, key, len) == 0 && word[len] == '=')
		return (word + len + 1);
	return (NULL);
}

static int
parse_int64(const char *s, int64_t *out)
{
	char		*end;
	long long	 v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return (-1);
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return (-1);
	*out = v;
	return (0);
}

static int
parse_int(const char *s, int *out)
{
	int64_t	v;

	if (parse_int64(s, &v) == -1 || v < INT_MIN || v > INT_MAX)
		return (-1);
	*out = (int)v;
	return (0);
}

/* "YYYY-MM-DD", optionally "+N" or "-N" days; "none" when allowed. */
static int
parse_day(struct parser *p, const char *s, day_t *out, int allow_none)
{
	char	date[DATE_LEN];
	int64_t	delta;

	if (allow_none && strcmp(s, "none") == 0) {
		*out = DAY_NONE;
		return (0);
	}
	if (strlen(s) < 10)
		return (fail(p, "bad date \"%s\"", s));
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, out) == -1)
		return (fail(p, "bad date \"%s\"", s));
	if (s[10] == '\0')
		return (0);
	if ((s[10] != '+' && s[10] != '-') || parse_int64(s + 11, &delta) ==
	    -1 || delta < 0 || delta > 100000)
		return (fail(p, "bad date offset \"%s\"", s));
	*out += (day_t)(s[10] == '+' ? delta : -delta);
	return (0);
}

static int
parse_week(struct parser *p, const char *s, int *year, int *week)
{
	if (isoweek_parse(s, year, week) == -1)
		return (fail(p, "bad ISO week \"%s\"", s));
	return (0);
}

static int
parse_stage(struct parser *p, const char *s, enum stage *out)
{
	if (stage_from_key(s, out) == -1)
		return (fail(p, "unknown stage \"%s\"", s));
	return (0);
}

static int
parse_kind(struct parser *p, const char *s, enum risk_kind *out)
{
	if (risk_kind_from_key(s, out) == -1)
		return (fail(p, "unknown risk kind \"%s\"", s));
	return (0);
}

static int
parse_severity(struct parser *p, const char *s, enum severity *out)
{
	if (severity_from_key(s, out) == -1)
		return (fail(p, "unknown severity \"%s\"", s));
	return (0);
}

static int
parse_text(struct parser *p, char *dst, size_t size, const char *s)
{
	if (strlen(s) >= size)
		return (fail(p, "text too long: \"%s\"", s));
	memcpy(dst, s, strlen(s) + 1);
	return (0);
}

/*
 * The day and the seq=/by= words of a version line; consumed words are
 * marked in used[].  Without seq=, versions are numbered in file order,
 * so a line further down was recorded later.
 */
static int
version_head(struct parser *p, struct version *v, char **w, int n,
    int *used)
{
	const char	*val;
	int64_t		 seq;
	int		 i;

	if (n < 2)
		return (fail(p, "%s: the day it takes effect is missing",
		    w[0]));
	if (parse_day(p, w[1], &v->on, 0) == -1)
		return (-1);
	used[0] = used[1] = 1;
	v->seq = 0;
	v->actor = "case";
	for (i = 2; i < n; i++) {
		if ((val = value_of(w[i], "seq")) != NULL) {
			if (parse_int64(val, &seq) == -1 || seq <= 0)
				return (fail(p, "bad seq \"%s\"", val));
			v->seq = seq;
			used[i] = 1;
		} else if ((val = value_of(w[i], "by")) != NULL) {
			v->actor = val;
			used[i] = 1;
		}
	}
	if (v->seq == 0)
		v->seq = ++p->seq;
	else if (v->seq > p->seq)
		p->seq = v->seq;
	return (0);
}

/* A zeroed element at the end of an array; NULL when out of memory. */
static void *
append(struct parser *p, void **array, size_t *n, size_t size)
{
	char	*a;

	if ((a = realloc(*array, (*n + 1) * size)) == NULL) {
		(void)fail(p, "out of memory");
		return (NULL);
	}
	memset(a + *n * size, 0, size);
	*array = a;
	return (a + (*n)++ * size);
}

#define APPEND(p, arr, n)						\
	append((p), (void **)&(arr), &(n), sizeof(*(arr)))

static int
facts_only(struct parser *p, const char *what)
{
	if (p->block != BLOCK_FACTS)
		return (fail(p, "%s: facts go before the first asof or digest",
		    what));
	return (0);
}

static int
project_only(struct parser *p, const char *what)
{
	if (facts_only(p, what) == -1)
		return (-1);
	if (p->project == NULL)
		return (fail(p, "%s: not inside a project", what));
	return (0);
}

/* settings overload=N stale_low=N stale_medium=N */
static int
do_settings(struct parser *p, char **w, int n)
{
	const char	*val;
	int		 i, *dst;

	if (facts_only(p, w[0]) == -1)
		return (-1);
	for (i = 1; i < n; i++) {
		if ((val = value_of(w[i], "overload")) != NULL)
			dst = &p->c->pf.overload_threshold;
		else if ((val = value_of(w[i], "stale_low")) != NULL)
			dst = &p->c->pf.stale_low_days;
		else if ((val = value_of(w[i], "stale_medium")) != NULL)
			dst = &p->c->pf.stale_medium_days;
		else
			return (fail(p, "settings: unknown \"%s\"", w[i]));
		if (parse_int(val, dst) == -1)
			return (fail(p, "settings: bad number \"%s\"", val));
	}
	return (0);
}

/* person ID NAME */
static int
do_person(struct parser *p, char **w, int n)
{
	int64_t	id;

	if (facts_only(p, w[0]) == -1)
		return (-1);
	if (n != 3 || parse_int64(w[1], &id) == -1 || id <= 0)
		return (fail(p, "usage: person ID NAME"));
	if ((p->person = facts_add_person(&p->c->pf, id, w[2])) == NULL)
		return (fail(p, "out of memory"));
	p->target = TARGET_PERSON;
	p->project = NULL;
	p->resp = NULL;
	p->cp = NULL;
	p->ho = NULL;
	return (0);
}

/* project ID NAME created=DAY [kickoff=DAY] [pm=ID] */
static int
do_project(struct parser *p, char **w, int n)
{
	const char	*val;
	int64_t		 id, pm;
	day_t		 created, kickoff;
	int		 i, s;

	if (facts_only(p, w[0]) == -1)
		return (-1);
	if (n < 4 || parse_int64(w[1], &id) == -1 || id <= 0)
		return (fail(p, "usage: project ID NAME created=DAY "
		    "[kickoff=DAY] [pm=ID]"));
	created = kickoff = DAY_NONE;
	pm = 0;
	for (i = 3; i < n; i++) {
		if ((val = value_of(w[i], "created")) != NULL) {
			if (parse_day(p, val, &created, 0) == -1)
				return (-1);
		} else if ((val = value_of(w[i], "kickoff")) != NULL) {
			if (parse_day(p, val, &kickoff, 0) == -1)
				return (-1);
		} else if ((val = value_of(w[i], "pm")) != NULL) {
			if (parse_int64(val, &pm) == -1)
				return (fail(p, "bad pm \"%s\"", val));
		} else
			return (fail(p, "project: unknown \"%s\"", w[i]));
	}
	if (created == DAY_NONE)
		return (fail(p, "project: created= is missing"));
	if (kickoff == DAY_NONE)
		kickoff = created;
	if ((p->project = facts_add_project(&p->c->pf, id, w[2], pm, kickoff,
	    created)) == NULL)
		return (fail(p, "out of memory"));
	p->target = TARGET_PROJECT;
	p->person = NULL;
	p->resp = NULL;
	p->cp = NULL;
	p->ho = NULL;
	p->have_pv = 0;
	for (s = 0; s < STAGE_COUNT; s++)
		p->have_plan[s] = 0;
	return (0);
}

/* v DAY ...: a version of the person, project, checkpoint or handoff. */
static int
do_version(struct parser *p, char **w, int n)
{
	struct project_version		 pv;
	struct checkpoint_version	 cv;
	struct handoff_version		 hv;
	struct version			 head;
	const char			*val;
	char				 list[MAX_LINE], *tok, *last;
	enum project_status		 ps;
	enum checkpoint_status		 cs;
	enum spec_field			 f;
	enum stage			 st;
	int				 used[MAX_WORDS] = { 0 };
	int				 i, a, active, completed_set;

	if (facts_only(p, w[0]) == -1)
		return (-1);
	if (version_head(p, &head, w, n, used) == -1)
		return (-1);

	switch (p->target) {
	case TARGET_PERSON:
		active = -1;
		for (i = 0; i < n; i++) {
			if (used[i])
				continue;
			if (strcmp(w[i], "active") == 0)
				active = 1;
			else if (strcmp(w[i], "inactive") == 0)
				active = 0;
			else
				return (fail(p, "person version: unknown "
				    "\"%s\"", w[i]));
		}
		if (active == -1)
			return (fail(p, "person version: active or "
			    "inactive?"));
		facts_person_version(&p->c->pf, p->person, head.seq, head.on,
		    head.actor, active);
		return (0);

	case TARGET_PROJECT:
		if (p->have_pv)
			pv = p->pv;
		else {
			memset(&pv, 0, sizeof(pv));
			pv.status = PROJECT_ACTIVE;
			pv.stage = STAGE_FRAMING;
			pv.target_launch = DAY_NONE;
		}
		pv.v = head;
		for (i = 0; i < n; i++) {
			if (used[i])
				continue;
			if (project_status_from_key(w[i], &ps) == 0)
				pv.status = ps;
			else if (stage_from_key(w[i], &st) == 0)
				pv.stage = st;
			else if ((val = value_of(w[i], "launch")) != NULL) {
				if (parse_day(p, val, &pv.target_launch, 0) ==
				    -1)
					return (-1);
			} else if ((val = value_of(w[i], "metric")) != NULL) {
				if (parse_int64(val, &pv.metric) == -1)
					return (fail(p, "bad metric \"%s\"",
					    val));
			} else if ((val = value_of(w[i], "missing")) != NULL) {
				pv.spec_missing = 0;
				if (strlen(val) >= sizeof(list))
					return (fail(p, "missing: too long"));
				memcpy(list, val, strlen(val) + 1);
				for (tok = strtok_r(list, ",", &last);
				    tok != NULL;
				    tok = strtok_r(NULL, ",", &last)) {
					if (spec_from_key(tok, &f) == -1)
						return (fail(p, "unknown spec "
						    "field \"%s\"", tok));
					pv.spec_missing |= 1u << f;
				}
			} else if ((val = value_of(w[i], "audit")) != NULL) {
				/* The unanswered data audit questions. */
				pv.audit_missing = 0;
				if (strlen(val) >= sizeof(list))
					return (fail(p, "audit: too long"));
				memcpy(list, val, strlen(val) + 1);
				for (tok = strtok_r(list, ",", &last);
				    tok != NULL;
				    tok = strtok_r(NULL, ",", &last)) {
					if ((a = vocab_index(audit_keys,
					    tok)) < 0)
						return (fail(p, "unknown audit "
						    "field \"%s\"", tok));
					pv.audit_missing |= 1u << a;
				}
			} else
				return (fail(p, "project version: unknown "
				    "\"%s\"", w[i]));
		}
		if (pv.target_launch == DAY_NONE)
			return (fail(p, "project version: launch= is "
			    "missing"));
		p->pv = pv;
		p->have_pv = 1;
		facts_project_version(&p->c->pf, p->project, &pv);
		return (0);

	case TARGET_CHECKPOINT:
		if (p->have_cv)
			cv = p->cv;
		else {
			memset(&cv, 0, sizeof(cv));
			cv.status = CHECKPOINT_PENDING;
			cv.due = DAY_NONE;
		}
		cv.v = head;
		cv.deleted = 0;
		completed_set = 0;
		for (i = 0; i < n; i++) {
			if (used[i])
				continue;
			if (checkpoint_status_from_key(w[i], &cs) == 0)
				cv.status = cs;
			else if (strcmp(w[i], "deleted") == 0)
				cv.deleted = 1;
			else if ((val = value_of(w[i], "outcome")) != NULL) {
				if (strcmp(val, "none") == 0)
					cv.outcome = OUTCOME_NONE;
				else if (outcome_from_key(val, &cv.outcome) ==
				    -1)
					return (fail(p, "bad outcome \"%s\"",
					    val));
			} else if ((val = value_of(w[i], "due")) != NULL) {
				if (parse_day(p, val, &cv.due, 0) == -1)
					return (-1);
			} else if ((val = value_of(w[i], "completed")) !=
			    NULL) {
				if (parse_day(p, val, &cv.completed, 1) == -1)
					return (-1);
				completed_set = 1;
			} else
				return (fail(p, "checkpoint version: unknown "
				    "\"%s\"", w[i]));
		}
		if (cv.due == DAY_NONE)
			return (fail(p, "checkpoint version: due= is "
			    "missing"));
		/* Completed on the day it takes effect unless told. */
		if (!completed_set)
			cv.completed = cv.status == CHECKPOINT_DONE ||
			    cv.status == CHECKPOINT_WAIVED ? head.on :
			    DAY_NONE;
		p->cv = cv;
		p->have_cv = 1;
		facts_checkpoint_version(&p->c->pf, p->cp, &cv);
		return (0);

	case TARGET_HANDOFF:
		if (p->have_hv)
			hv = p->hv;
		else {
			memset(&hv, 0, sizeof(hv));
			hv.offered = DAY_NONE;
			hv.accepted = DAY_NONE;
		}
		hv.v = head;
		for (i = 0; i < n; i++) {
			if (used[i])
				continue;
			if ((val = value_of(w[i], "offered")) != NULL) {
				if (parse_day(p, val, &hv.offered, 1) == -1)
					return (-1);
			} else if ((val = value_of(w[i], "accepted")) !=
			    NULL) {
				if (parse_day(p, val, &hv.accepted, 1) == -1)
					return (-1);
			} else if ((val = value_of(w[i], "from")) != NULL) {
				if (parse_int64(val, &hv.from_id) == -1)
					return (fail(p, "bad from \"%s\"",
					    val));
			} else if ((val = value_of(w[i], "to")) != NULL) {
				if (parse_int64(val, &hv.to_id) == -1)
					return (fail(p, "bad to \"%s\"", val));
			} else
				return (fail(p, "handoff version: unknown "
				    "\"%s\"", w[i]));
		}
		p->hv = hv;
		p->have_hv = 1;
		facts_handoff_version(&p->c->pf, p->ho, &hv);
		return (0);

	case TARGET_NONE:
		break;
	}
	return (fail(p, "v: no person, project, checkpoint or handoff to "
	    "version here"));
}

/* plan STAGE DAY start=DAY end=DAY */
static int
do_plan(struct parser *p, char **w, int n)
{
	struct plan_version	 pl;
	const char		*val;
	enum stage		 s;
	int			 used[MAX_WORDS] = { 0 };
	int			 i;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (n < 3)
		return (fail(p, "usage: plan STAGE DAY start=DAY end=DAY"));
	if (parse_stage(p, w[1], &s) == -1)
		return (-1);
	/* version_head() wants the day second. */
	if (version_head(p, &pl.v, w + 1, n - 1, used) == -1)
		return (-1);
	if (p->have_plan[s]) {
		pl.start = p->plan[s].start;
		pl.end = p->plan[s].end;
	} else
		pl.start = pl.end = DAY_NONE;
	for (i = 2; i < n - 1; i++) {
		if (used[i])
			continue;
		if ((val = value_of(w[i + 1], "start")) != NULL) {
			if (parse_day(p, val, &pl.start, 0) == -1)
				return (-1);
		} else if ((val = value_of(w[i + 1], "end")) != NULL) {
			if (parse_day(p, val, &pl.end, 0) == -1)
				return (-1);
		} else
			return (fail(p, "plan: unknown \"%s\"", w[i + 1]));
	}
	if (pl.start == DAY_NONE || pl.end == DAY_NONE)
		return (fail(p, "plan: start= and end= are needed"));
	p->plan[s] = pl;
	p->have_plan[s] = 1;
	facts_plan_version(&p->c->pf, p->project, s, &pl);
	return (0);
}

/* changes DAY... */
static int
do_changes(struct parser *p, char **w, int n)
{
	day_t	d;
	int	i;

	if (project_only(p, w[0]) == -1)
		return (-1);
	for (i = 1; i < n; i++) {
		if (parse_day(p, w[i], &d, 0) == -1)
			return (-1);
		facts_project_change(&p->c->pf, p->project, d);
	}
	return (0);
}

/* resp KEY NAME NEEDED_BY ROLE[,ROLE...] [kickoff] [from=DAY] [until=DAY] */
static int
do_resp(struct parser *p, char **w, int n)
{
	char		 list[MAX_LINE], *tok, *last;
	const char	*val;
	enum stage	 needed;
	enum role	 role;
	unsigned int	 expects;
	day_t		 from, until;
	int		 i, kickoff;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (n < 5)
		return (fail(p, "usage: resp KEY NAME NEEDED_BY ROLES "
		    "[kickoff] [from=DAY] [until=DAY]"));
	kickoff = 0;
	from = until = DAY_NONE;
	for (i = 5; i < n; i++) {
		if (strcmp(w[i], "kickoff") == 0)
			kickoff = 1;
		else if ((val = value_of(w[i], "from")) != NULL) {
			if (parse_day(p, val, &from, 0) == -1)
				return (-1);
		} else if ((val = value_of(w[i], "until")) != NULL) {
			if (parse_day(p, val, &until, 0) == -1)
				return (-1);
		} else
			return (fail(p, "resp: unknown \"%s\"", w[i]));
	}
	if (parse_stage(p, w[3], &needed) == -1)
		return (-1);
	expects = 0;
	if (strlen(w[4]) >= sizeof(list))
		return (fail(p, "resp: roles too long"));
	memcpy(list, w[4], strlen(w[4]) + 1);
	for (tok = strtok_r(list, ",", &last); tok != NULL;
	    tok = strtok_r(NULL, ",", &last)) {
		if (strcmp(tok, "none") == 0)
			continue;
		if (role_from_key(tok, &role) == -1)
			return (fail(p, "unknown role \"%s\"", tok));
		expects |= 1u << role;
	}
	if ((p->resp = facts_add_responsibility(&p->c->pf, p->project, w[1],
	    w[2], needed, expects)) == NULL)
		return (fail(p, "out of memory"));
	p->resp->at_kickoff = kickoff;
	facts_responsibility_days(&p->c->pf, p->resp, from, "case", until,
	    "case");
	p->target = TARGET_NONE;
	return (0);
}

/* cell ROLE DAY PERSON|none */
static int
do_cell(struct parser *p, char **w, int n)
{
	struct cell_version	 cv;
	enum role		 role;
	int			 used[MAX_WORDS] = { 0 };
	int			 i, have;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (p->resp == NULL)
		return (fail(p, "cell: not after a resp"));
	if (n < 4 || role_from_key(w[1], &role) == -1)
		return (fail(p, "usage: cell ROLE DAY PERSON|none"));
	if (version_head(p, &cv.v, w + 1, n - 1, used) == -1)
		return (-1);
	have = 0;
	for (i = 2; i < n - 1; i++) {
		if (used[i])
			continue;
		if (have)
			return (fail(p, "cell: unknown \"%s\"", w[i + 1]));
		if (strcmp(w[i + 1], "none") == 0)
			cv.person_id = 0;
		else if (parse_int64(w[i + 1], &cv.person_id) == -1 ||
		    cv.person_id <= 0)
			return (fail(p, "cell: bad person \"%s\"", w[i + 1]));
		have = 1;
	}
	if (!have)
		return (fail(p, "cell: the person (or none) is missing"));
	facts_cell_version(&p->c->pf, p->resp, role, &cv);
	return (0);
}

/* checkpoint ID TITLE STAGE */
static int
do_checkpoint(struct parser *p, char **w, int n)
{
	enum stage	s;
	int64_t		id;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (n != 4 || parse_int64(w[1], &id) == -1 || id <= 0)
		return (fail(p, "usage: checkpoint ID TITLE STAGE"));
	if (parse_stage(p, w[3], &s) == -1)
		return (-1);
	if ((p->cp = facts_add_checkpoint(&p->c->pf, p->project, id, w[2],
	    s)) == NULL)
		return (fail(p, "out of memory"));
	p->target = TARGET_CHECKPOINT;
	p->have_cv = 0;
	return (0);
}

/* handoff KEY NAME LEADS_INTO */
static int
do_handoff(struct parser *p, char **w, int n)
{
	enum stage	s;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (n != 4 || strlen(w[1]) != 1 || w[1][0] < 'a' || w[1][0] > 'd')
		return (fail(p, "usage: handoff a|b|c|d NAME LEADS_INTO"));
	if (parse_stage(p, w[3], &s) == -1)
		return (-1);
	if ((p->ho = facts_add_handoff(&p->c->pf, p->project, w[1][0], w[2],
	    s)) == NULL)
		return (fail(p, "out of memory"));
	p->target = TARGET_HANDOFF;
	p->have_hv = 0;
	return (0);
}

/*
 * readiness ITEM DAY yes|no|na [seq=N] [by=NAME]: an answer of the
 * project's readiness checklist, in effect from DAY.
 */
static int
do_readiness(struct parser *p, char **w, int n)
{
	struct readiness_version	 rv;
	struct readiness		*rd;
	int				 used[MAX_WORDS] = { 0 };
	int				 item, answer, i;
	size_t				 k;

	if (project_only(p, w[0]) == -1)
		return (-1);
	if (n < 4 || (item = vocab_index(readiness_item_keys, w[1])) == -1)
		return (fail(p, "usage: readiness ITEM DAY yes|no|na"));
	if ((answer = vocab_index(readiness_answer_keys, w[3])) == -1)
		return (fail(p, "readiness: unknown answer \"%s\"", w[3]));
	/* version_head() reads the day at w[1]: shift the item out. */
	if (version_head(p, &rv.v, w + 1, n - 1, used) == -1)
		return (-1);
	for (i = 3; i < n - 1; i++)
		if (!used[i])
			return (fail(p, "readiness: unknown \"%s\"",
			    w[i + 1]));
	rv.answer = (enum readiness_answer)answer;
	rd = NULL;
	for (k = 0; k < p->project->nreadiness; k++)
		if (p->project->readiness[k].item == (enum readiness_item)item)
			rd = &p->project->readiness[k];
	if (rd == NULL && (rd = facts_add_readiness(&p->c->pf, p->project,
	    (enum readiness_item)item)) == NULL)
		return (fail(p, "out of memory"));
	facts_readiness_version(&p->c->pf, rd, &rv);
	return (0);
}

/*
 * override DAY STAGE GATES: the checkpoint above was passed over unmet by
 * a move to STAGE on DAY, with an override of GATES gates in all.
 */
static int
do_override(struct parser *p, char **w, int n)
{
	int	gates;

	if (p->target != TARGET_CHECKPOINT || p->cp == NULL)
		return (fail(p, "override: not under a checkpoint"));
	if (n != 4 || parse_int(w[3], &gates) == -1 || gates < 1)
		return (fail(p, "usage: override DAY STAGE GATES"));
	if (parse_day(p, w[1], &p->cp->overridden, 0) == -1 ||
	    parse_stage(p, w[2], &p->cp->overridden_to) == -1)
		return (-1);
	p->cp->overridden_gates = gates;
	return (0);
}

/* asof DAY [project=ID] [kinds=KIND,...] */
static int
do_asof(struct parser *p, char **w, int n)
{
	struct rcase_check	*ch;
	const char		*val;
	char			 list[MAX_LINE], *tok, *last;
	enum risk_kind		 k;
	int			 i;

	if (n < 2)
		return (fail(p, "usage: asof DAY [project=ID] [kinds=...]"));
	if ((ch = APPEND(p, p->c->checks, p->c->nchecks)) == NULL)
		return (-1);
	ch->line = p->line;
	if (parse_day(p, w[1], &ch->asof, 0) == -1)
		return (-1);
	for (i = 2; i < n; i++) {
		if ((val = value_of(w[i], "project")) != NULL) {
			if (parse_int64(val, &ch->only_project) == -1)
				return (fail(p, "bad project \"%s\"", val));
		} else if ((val = value_of(w[i], "kinds")) != NULL) {
			if (strlen(val) >= sizeof(list))
				return (fail(p, "kinds: too long"));
			memcpy(list, val, strlen(val) + 1);
			for (tok = strtok_r(list, ",", &last); tok != NULL;
			    tok = strtok_r(NULL, ",", &last)) {
				if (parse_kind(p, tok, &k) == -1)
					return (-1);
				ch->kinds |= 1u << k;
			}
		} else
			return (fail(p, "asof: unknown \"%s\"", w[i]));
	}
	p->block = BLOCK_ASOF;
	return (0);
}

/*
 * KIND [SEVERITY] PROJECT SUBJECT, from w[0]; the severity when
 * with_severity.  Returns the number of words used.
 */
static int
parse_risk(struct parser *p, char **w, int n, int with_severity,
    struct rcase_risk *r)
{
	int	i = 0;

	if (n < 3 + with_severity)
		return (fail(p, "expected KIND %sPROJECT SUBJECT",
		    with_severity ? "SEVERITY " : ""));
	r->line = p->line;
	r->since = DAY_NONE;
	r->resolved_on = DAY_NONE;
	if (parse_kind(p, w[i++], &r->kind) == -1)
		return (-1);
	if (with_severity && parse_severity(p, w[i++], &r->severity) == -1)
		return (-1);
	if (parse_int64(w[i], &r->project_id) == -1 || r->project_id < 0)
		return (fail(p, "bad project id \"%s\"", w[i]));
	i++;
	if (parse_text(p, r->subject, sizeof(r->subject), w[i++]) == -1)
		return (-1);
	return (i);
}

/* expect KIND SEVERITY PROJECT SUBJECT SINCE ["message substring"] */
static int
do_expect(struct parser *p, char **w, int n)
{
	struct rcase_check	*ch;
	struct rcase_risk	*r;
	int			 i;

	if (p->block != BLOCK_ASOF)
		return (fail(p, "expect: not inside an asof block"));
	ch = &p->c->checks[p->c->nchecks - 1];
	if ((r = APPEND(p, ch->risks, ch->nrisks)) == NULL)
		return (-1);
	if ((i = parse_risk(p, w + 1, n - 1, 1, r)) == -1)
		return (-1);
	i++;
	if (i >= n)
		return (fail(p, "expect: SINCE is missing"));
	if (parse_day(p, w[i++], &r->since, 0) == -1)
		return (-1);
	if (i < n && parse_text(p, r->message, sizeof(r->message),
	    w[i++]) == -1)
		return (-1);
	if (i < n)
		return (fail(p, "expect: unexpected \"%s\"", w[i]));
	return (0);
}

/* digest YYYY-Www today=DAY */
static int
do_digest(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;
	const char		*val;

	if (n != 3 || (val = value_of(w[2], "today")) == NULL)
		return (fail(p, "usage: digest YYYY-Www today=DAY"));
	if ((d = APPEND(p, p->c->digests, p->c->ndigests)) == NULL)
		return (-1);
	d->line = p->line;
	if (parse_week(p, w[1], &d->year, &d->week) == -1 ||
	    parse_day(p, val, &d->today, 0) == -1)
		return (-1);
	p->block = BLOCK_DIGEST;
	return (0);
}

#define CURRENT_DIGEST(p)	(&(p)->c->digests[(p)->c->ndigests - 1])

/* span MONDAY SUNDAY ASOF PREV_ASOF */
static int
do_span(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "span: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	if (n != 5)
		return (fail(p, "usage: span MONDAY SUNDAY ASOF PREV_ASOF"));
	if (parse_day(p, w[1], &d->monday, 0) == -1 ||
	    parse_day(p, w[2], &d->sunday, 0) == -1 ||
	    parse_day(p, w[3], &d->asof, 0) == -1 ||
	    parse_day(p, w[4], &d->prev_asof, 0) == -1)
		return (-1);
	d->has_span = 1;
	return (0);
}

/* open KIND SEVERITY PROJECT SUBJECT new|old [SINCE] */
static int
do_open(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;
	struct rcase_risk	*r;
	int			 i;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "open: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	if ((r = APPEND(p, d->open, d->nopen)) == NULL)
		return (-1);
	if ((i = parse_risk(p, w + 1, n - 1, 1, r)) == -1)
		return (-1);
	i++;
	if (i >= n || (strcmp(w[i], "new") != 0 && strcmp(w[i], "old") != 0))
		return (fail(p, "open: new or old?"));
	r->is_new = strcmp(w[i++], "new") == 0;
	if (i < n && parse_day(p, w[i++], &r->since, 0) == -1)
		return (-1);
	if (i < n)
		return (fail(p, "open: unexpected \"%s\"", w[i]));
	return (0);
}

/* resolved KIND PROJECT SUBJECT ON|- BY|- */
static int
do_resolved(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;
	struct rcase_risk	*r;
	int			 i;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "resolved: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	if ((r = APPEND(p, d->resolved, d->nresolved)) == NULL)
		return (-1);
	if ((i = parse_risk(p, w + 1, n - 1, 0, r)) == -1)
		return (-1);
	i++;
	if (n - i != 2)
		return (fail(p, "usage: resolved KIND PROJECT SUBJECT ON|- "
		    "BY|-"));
	if (strcmp(w[i], "-") != 0 && parse_day(p, w[i], &r->resolved_on,
	    0) == -1)
		return (-1);
	i++;
	if (strcmp(w[i], "-") != 0) {
		r->has_resolved_by = 1;
		if (parse_text(p, r->resolved_by, sizeof(r->resolved_by),
		    w[i]) == -1)
			return (-1);
	}
	return (0);
}

/* due CHECKPOINT_ID DAY */
static int
do_due(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;
	struct rcase_due	*due;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "due: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	if ((due = APPEND(p, d->due, d->ndue)) == NULL)
		return (-1);
	due->line = p->line;
	if (n != 3 || parse_int64(w[1], &due->checkpoint_id) == -1)
		return (fail(p, "usage: due CHECKPOINT_ID DAY"));
	return (parse_day(p, w[2], &due->due, 0));
}

/* critical=N high=N medium=N low=N, all four */
static int
parse_counts(struct parser *p, char **w, int n, int counts[SEVERITY_COUNT])
{
	const char	*val;
	int		 i, s, seen;

	seen = 0;
	for (i = 0; i < n; i++) {
		for (s = 0; s < SEVERITY_COUNT; s++) {
			if ((val = value_of(w[i], severity_key(
			    (enum severity)s))) != NULL)
				break;
		}
		if (s == SEVERITY_COUNT || parse_int(val, &counts[s]) == -1)
			return (fail(p, "bad count \"%s\"", w[i]));
		seen |= 1 << s;
	}
	if (seen != (1 << SEVERITY_COUNT) - 1)
		return (fail(p, "counts: give critical=, high=, medium= and "
		    "low="));
	return (0);
}

static int
do_counts(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "counts: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	d->has_counts = 1;
	return (parse_counts(p, w + 1, n - 1, d->counts));
}

/* trend YYYY-Www ASOF critical=N high=N medium=N low=N */
static int
do_trend(struct parser *p, char **w, int n)
{
	struct rcase_digest	*d;
	struct rcase_trend	*t;

	if (p->block != BLOCK_DIGEST)
		return (fail(p, "trend: not inside a digest block"));
	d = CURRENT_DIGEST(p);
	if ((t = APPEND(p, d->trend, d->ntrend)) == NULL)
		return (-1);
	t->line = p->line;
	if (n != 7)
		return (fail(p, "usage: trend YYYY-Www ASOF critical=N "
		    "high=N medium=N low=N"));
	if (parse_week(p, w[1], &t->year, &t->week) == -1 ||
	    parse_day(p, w[2], &t->asof, 0) == -1)
		return (-1);
	return (parse_counts(p, w + 3, n - 3, t->counts));
}

static const struct {
	const char	*keyword;
	int		(*fn)(struct parser *, char **, int);
} keywords[] = {
	{ "settings", do_settings },
	{ "person", do_person },
	{ "project", do_project },
	{ "v", do_version },
	{ "plan", do_plan },
	{ "changes", do_changes },
	{ "resp", do_resp },
	{ "cell", do_cell },
	{ "checkpoint", do_checkpoint },
	{ "handoff", do_handoff },
	{ "readiness", do_readiness },
	{ "override", do_override },
	{ "asof", do_asof },
	{ "expect", do_expect },
	{ "digest", do_digest },
	{ "span", do_span },
	{ "open", do_open },
	{ "resolved", do_resolved },
	{ "due", do_due },
	{ "counts", do_counts },
	{ "trend", do_trend },
};

static int
do_line(struct parser *p, char **w, int n)
{
	size_t	i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		if (strcmp(w[0], keywords[i].keyword) == 0)
			return (keywords[i].fn(p, w, n));
	}
	return (fail(p, "unknown keyword \"%s\"", w[0]));
}

int
rcase_parse(const char *name, const char *text, struct rcase *c, char *err,
    size_t errlen)
{
	struct parser	 p;
	char		 line[MAX_LINE], *words[MAX_WORDS];
	const char	*s, *eol;
	size_t		 len;
	int		 n;

	memset(c, 0, sizeof(*c));
	(void)snprintf(c->name, sizeof(c->name), "%s", name);
	facts_init(&c->pf);
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.err = err;
	p.errlen = errlen;
	if (errlen > 0)
		err[0] = '\0';

	for (s = text; *s != '\0'; s = *eol == '\0' ? eol : eol + 1) {
		p.line++;
		if ((eol = strchr(s, '\n')) == NULL)
			eol = s + strlen(s);
		len = (size_t)(eol - s);
		if (len >= sizeof(line)) {
			(void)fail(&p, "line too long");
			goto bad;
		}
		memcpy(line, s, len);
		line[len] = '\0';
		if (split(line, words, &n) == -1) {
			(void)fail(&p, "unterminated quote or too many words");
			goto bad;
		}
		if (n > 0 && do_line(&p, words, n) == -1)
			goto bad;
	}
	if (facts_failed(&c->pf)) {
		(void)fail(&p, "out of memory building the facts");
		goto bad;
	}
	if (c->nchecks == 0 && c->ndigests == 0) {
		(void)fail(&p, "no asof or digest block: nothing is checked");
		goto bad;
	}
	facts_sort(&c->pf);
	return (0);
bad:
	rcase_free(c);
	return (-1);
}

int
rcase_load(const char *path, struct rcase *c, char *err, size_t errlen)
{
	FILE	*f;
	char	*text;
	long	 size;
	int	 rc;

	memset(c, 0, sizeof(*c));
	if ((f = fopen(path, "r")) == NULL) {
		(void)snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	text = NULL;
	rc = -1;
	if (fseek(f, 0, SEEK_END) == -1 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) == -1 ||
	    (text = malloc((size_t)size + 1)) == NULL ||
	    fread(text, 1, (size_t)size, f) != (size_t)size) {
		(void)snprintf(err, errlen, "%s: cannot read", path);
		goto out;
	}
	text[size] = '\0';
	if (strlen(text) != (size_t)size) {
		(void)snprintf(err, errlen, "%s: NUL byte in file", path);
		goto out;
	}
	rc = rcase_parse(path, text, c, err, errlen);
out:
	free(text);
	(void)fclose(f);
	return (rc);
}

void
rcase_free(struct rcase *c)
{
	size_t	i;

	facts_free(&c->pf);
	for (i = 0; i < c->nchecks; i++)
		free(c->checks[i].risks);
	free(c->checks);
	for (i = 0; i < c->ndigests; i++) {
		free(c->digests[i].open);
		free(c->digests[i].resolved);
		free(c->digests[i].due);
		free(c->digests[i].trend);
	}
	free(c->digests);
	memset(c, 0, sizeof(*c));
}

/* xorshift32: small, and the same everywhere. */
static uint32_t
rnd(uint32_t *state, uint32_t n)
{
	uint32_t	x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return (n == 0 ? 0 : x % n);
}

#define RANDOM_DAYS	150

/*
 * Seqs are unique but their order is scrambled against the file order,
 * and days are drawn independently of them, so a later-dated version
 * often has a lower seq (it was recorded earlier, future-dated) and a
 * back-dated one a higher seq.
 */
static int64_t
random_seq(int64_t *counter)
{
	return ((++*counter * 7919) % 100003 + 1);
}

/*
 * Now and then a row of the project's own (added after the project was
 * made) or one removed, whose held boxes go to nobody on that day as
 * sql/api/40_ownership_handoffs.sql writes them.  Drawn from a state of
 * their own, so that the rest of a seed's portfolio stays as it was.
 */
static int
random_days(struct portfolio *pf, struct responsibility *r, day_t created,
    uint32_t *st, int64_t *seq)
{
	struct cell_version	 cell;
	day_t			 from, until;
	int			 role;

	from = until = DAY_NONE;
	if (rnd(st, 3) == 0)
		from = created + (day_t)rnd(st, RANDOM_DAYS);
	if (rnd(st, 3) == 0)
		until = (from != DAY_NONE ? from : created) +
		    (day_t)rnd(st, RANDOM_DAYS);
	facts_responsibility_days(pf, r, from, "pm", until, "lead");
	if (until == DAY_NONE)
		return (0);
	for (role = 0; role < ROLE_COUNT; role++) {
		if (r->ncells[role] == 0)
			continue;
		memset(&cell, 0, sizeof(cell));
		cell.v.seq = 200000 + random_seq(seq);
		cell.v.on = until;
		cell.v.actor = "lead";
		facts_cell_version(pf, r, (enum role)role, &cell);
	}
	return (0);
}

int
rcase_random(struct rcase *c, uint32_t seed, day_t first)
{
	struct project_version		 pv;
	struct plan_version		 plan;
	struct cell_version		 cell;
	struct checkpoint_version	 cv;
	struct handoff_version		 hv;
	struct person			*person;
	struct project			*pr;
	struct responsibility		*resp;
	struct checkpoint		*cp;
	struct handoff			*ho;
	struct portfolio		*pf = &c->pf;
	uint32_t			 st = seed * 2654435761u + 1;
	uint32_t			 rows = seed * 40503u + 7;
	int64_t				 seq = 0;
	uint32_t			 i, j, k, n, v, m;
	char				 name[32];

	memset(c, 0, sizeof(*c));
	(void)snprintf(c->name, sizeof(c->name), "random seed %u", seed);
	facts_init(pf);
	pf->overload_threshold = 1 + (int)rnd(&st, 3);
	pf->stale_low_days = 5 + (int)rnd(&st, 16);
	pf->stale_medium_days = pf->stale_low_days + (int)rnd(&st, 21);

	for (i = 1, n = 2 + rnd(&st, 5); i <= n; i++) {
		(void)snprintf(name, sizeof(name), "Person %u", i);
		person = facts_add_person(pf, i, name);
		for (j = 0, n = 1 + rnd(&st, 3); j < n; j++)
			facts_person_version(pf, person, random_seq(&seq),
			    first + (day_t)rnd(&st, RANDOM_DAYS), "hr",
			    rnd(&st, 4) != 0);
	}

	for (i = 1, n = 1 + rnd(&st, 4); i <= n; i++) {
		/* Names out of id order, some equal. */
		(void)snprintf(name, sizeof(name), "Project %c",
		    'A' + (int)rnd(&st, 3));
		pr = facts_add_project(pf, i, name, 0, first,
		    first + (day_t)rnd(&st, 30));
		for (j = 0, k = 1 + rnd(&st, 4); j < k; j++) {
			memset(&pv, 0, sizeof(pv));
			pv.v.seq = random_seq(&seq);
			pv.v.on = pr->created + (day_t)rnd(&st, RANDOM_DAYS) -
			    (day_t)rnd(&st, 10);
			pv.v.actor = "pm";
			pv.status = rnd(&st, 4) == 0 ? (enum project_status)
			    rnd(&st, 4) : PROJECT_ACTIVE;
			pv.stage = (enum stage)rnd(&st, STAGE_COUNT);
			pv.target_launch = first + (day_t)rnd(&st, 2 *
			    RANDOM_DAYS);
			pv.spec_missing = rnd(&st, 3) == 0 ?
			    rnd(&st, 1u << SPEC_COUNT) : 0;
			pv.audit_missing = rnd(&st, 3) == 0 ?
			    rnd(&st, 1u << AUDIT_COUNT) : 0;
			pv.metric = (int64_t)rnd(&st, 3);
			facts_project_version(pf, pr, &pv);
		}
		for (j = 0, k = rnd(&st, 4); j < k; j++) {
			plan.v.seq = random_seq(&seq);
			plan.v.on = pr->created + (day_t)rnd(&st, RANDOM_DAYS);
			plan.v.actor = "lead";
			plan.start = first + (day_t)rnd(&st, RANDOM_DAYS);
			plan.end = plan.start + (day_t)rnd(&st, 40);
			facts_plan_version(pf, pr, (enum stage)rnd(&st,
			    STAGE_COUNT), &plan);
		}
		for (j = 0, k = rnd(&st, 6); j < k; j++) {
			(void)snprintf(name, sizeof(name), "r%u", j);
			resp = facts_add_responsibility(pf, pr, name, name,
			    (enum stage)rnd(&st, STAGE_COUNT),
			    rnd(&st, 1u << ROLE_COUNT));
			for (v = 0, m = 3 * (1 + rnd(&st, 3)); v < m; v++) {
				cell.v.seq = random_seq(&seq);
				cell.v.on = pr->created +
				    (day_t)rnd(&st, RANDOM_DAYS);
				cell.v.actor = "pm";
				/* Now and then someone we do not know. */
				cell.person_id = rnd(&st, 8);
				facts_cell_version(pf, resp,
				    (enum role)rnd(&st, ROLE_COUNT), &cell);
			}
			if (random_days(pf, resp, pr->created, &rows,
			    &seq) == -1)
				return (-1);
		}
		for (j = 0, k = rnd(&st, 5); j < k; j++) {
			cp = facts_add_checkpoint(pf, pr, 100 * i + j, "cp",
			    (enum stage)rnd(&st, STAGE_COUNT));
			for (v = 0, m = 1 + rnd(&st, 4); v < m; v++) {
				memset(&cv, 0, sizeof(cv));
				cv.v.seq = random_seq(&seq);
				cv.v.on = pr->created +
				    (day_t)rnd(&st, RANDOM_DAYS);
				cv.v.actor = "ana";
				cv.status = (enum checkpoint_status)rnd(&st,
				    4);
				cv.due = first + (day_t)rnd(&st, RANDOM_DAYS);
				cv.outcome = (enum decision_outcome)
				    rnd(&st, 4);
				cv.completed = cv.status == CHECKPOINT_DONE ||
				    cv.status == CHECKPOINT_WAIVED ? cv.v.on :
				    DAY_NONE;
				cv.deleted = rnd(&st, 6) == 0;
				facts_checkpoint_version(pf, cp, &cv);
			}
		}
		for (j = 0, k = rnd(&st, 3); j < k; j++) {
			ho = facts_add_handoff(pf, pr, (char)('a' + j), "h",
			    (enum stage)(1 + rnd(&st, STAGE_COUNT - 1)));
			for (v = 0, m = rnd(&st, 3); v < m; v++) {
				hv.v.seq = random_seq(&seq);
				hv.v.on = pr->created +
				    (day_t)rnd(&st, RANDOM_DAYS);
				hv.v.actor = "mia";
				hv.from_id = 1;
				hv.to_id = 2;
				hv.offered = rnd(&st, 3) == 0 ? DAY_NONE :
				    hv.v.on - (day_t)rnd(&st, 5);
				hv.accepted = hv.offered != DAY_NONE &&
				    rnd(&st, 3) == 0 ? hv.v.on : DAY_NONE;
				facts_handoff_version(pf, ho, &hv);
			}
		}
		for (j = 0, k = rnd(&st, 8); j < k; j++)
			facts_project_change(pf, pr, pr->created +
			    (day_t)rnd(&st, RANDOM_DAYS));
	}
	if (facts_failed(pf)) {
		rcase_free(c);
		return (-1);
	}
	facts_sort(pf);
	return (0);
}

static int
cmp_path(const void *a, const void *b)
{
	const char *const	*x = a, *const *y = b;

	return (strcmp(*x, *y));
}

/* The paths of the *.case files in a directory, sorted; -1 on error. */
static int
list_cases(const char *dir, char ***out, size_t *nout)
{
	DIR		*d;
	struct dirent	*de;
	char		**paths, **grown, *path;
	size_t		 n, len;

	*out = NULL;
	*nout = 0;
	if ((d = opendir(dir)) == NULL)
		return (-1);
	paths = NULL;
	n = 0;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".case") != 0)
			continue;
		len += strlen(dir) + 2;
		if ((grown = realloc(paths, (n + 1) * sizeof(*paths))) ==
		    NULL || (paths = grown, path = malloc(len)) == NULL) {
			list_free(paths, n);
			(void)closedir(d);
			return (-1);
		}
		(void)snprintf(path, len, "%s/%s", dir, de->d_name);
		paths[n++] = path;
	}
	(void)closedir(d);
	if (n > 1)
		qsort(paths, n, sizeof(*paths), cmp_path);
	*out = paths;
	*nout = n;
	return (0);
}

static void
list_free(char **paths, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

int
rcase_run_dir(const char *dir, int (*check)(const struct rcase *, void *),
    void *arg)
{
	struct rcase	 c;
	char		**paths, err[512];
	size_t		 npaths, i;
	int		 bad;

	if (list_cases(dir, &paths, &npaths) == -1) {
		rcase_report("cannot list %s (run from the top of the repo)\n",
		    dir);
		return (1);
	}
	bad = 0;
	if (npaths == 0) {
		rcase_report("no case files in %s\n", dir);
		bad++;
	}
	for (i = 0; i < npaths; i++) {
		if (rcase_load(paths[i], &c, err, sizeof(err)) == -1) {
			rcase_report("%s\n", err);
			bad++;
			continue;
		}
		bad += check(&c, arg);
		rcase_free(&c);
	}
	list_free(paths, npaths);
	return (bad);
}

int
rcase_open_on(const struct portfolio *pf, const struct risk *r, day_t d,
    int64_t project)
{
	struct risk_list	l;
	size_t			i;
	int			found;

	memset(&l, 0, sizeof(l));
	if (risk_compute(pf, d, project, &l) == -1) {
		(void)fprintf(stderr, "rcase_open_on: risk_compute failed\n");
		abort();
	}
	found = 0;
	for (i = 0; i < l.len; i++)
		found |= risk_same(&l.items[i], r);
	risk_list_free(&l);
	return (found);
}

int	rcase_quiet;

void
rcase_report(const char *fmt, ...)
{
	va_list	ap;

	if (rcase_quiet)
		return;
	va_start(ap, fmt);
	(void)vfprintf(stderr, fmt, ap);
	va_end(ap);
}

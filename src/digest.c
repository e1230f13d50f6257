/*
 * digest: the weekly risk digest (see digest.h).
 *
 * Everything comes from risk_compute() at a few days: the digest's as-of
 * day, the Sunday before (which is also the last week of the trend), and
 * the Sundays of the seven weeks before that.  New and resolved are set
 * differences on risk identity, found by sorting, not by nested scans.
 *
 * Pure: no Kore, no libpq, no I/O, no clock.
 */
#include <stdlib.h>
#include <string.h>

#include "digest.h"

static int	cmp_identity(const void *, const void *);
static int	sorted_by_identity(const struct risk_list *,
		    const struct risk ***);
static int	contains(const struct risk *const *, size_t,
		    const struct risk *);
static int	cmp_due(const void *, const void *);
static int	due_between(const struct portfolio *, day_t, day_t, day_t,
		    struct digest_due **, size_t *);
static int	paused_of(const struct portfolio *, struct digest *);
static int	cmp_paused(const void *, const void *);
static int	fresh_of(struct digest *);
static int	compare_weeks(const struct portfolio *, struct digest *,
		    const struct risk_list *);
static int	cmp_slot(const void *, const void *);

/* A risk's place in open, keyed for grouping by project. */
struct slot {
	int64_t		key;	/* project id, then its first index */
	size_t		index;
};

static int
cmp_identity(const void *a, const void *b)
{
	const struct risk *const	*x = a, *const *y = b;

	return (risk_identity_cmp(*x, *y));
}

/* Pointers to the list's risks, sorted by identity; *out NULL if none. */
static int
sorted_by_identity(const struct risk_list *l, const struct risk ***out)
{
	const struct risk	**v;
	size_t			  i;

	*out = NULL;
	if (l->len == 0)
		return (0);
	if ((v = calloc(l->len, sizeof(*v))) == NULL)
		return (-1);
	for (i = 0; i < l->len; i++)
		v[i] = &l->items[i];
	qsort(v, l->len, sizeof(*v), cmp_identity);
	*out = v;
	return (0);
}

static int
contains(const struct risk *const *v, size_t n, const struct risk *r)
{
	if (n == 0)
		return (0);
	return (bsearch(&r, v, n, sizeof(*v), cmp_identity) != NULL);
}

static int
cmp_due(const void *a, const void *b)
{
	const struct digest_due	*x = a, *y = b;
	int			 c;

	if (x->due != y->due)
		return (x->due < y->due ? -1 : 1);
	if ((c = strcmp(x->project_name, y->project_name)) != 0)
		return (c);
	if (x->project_id != y->project_id)
		return (x->project_id < y->project_id ? -1 : 1);
	return ((x->checkpoint_id > y->checkpoint_id) -
	    (x->checkpoint_id < y->checkpoint_id));
}

/* The checkpoints due from..to as of day asof, open then. */
static int
due_between(const struct portfolio *pf, day_t asof, day_t from, day_t to,
    struct digest_due **out, size_t *nout)
{
	const struct checkpoint_version	*cv;
	const struct project		*pr;
	const struct checkpoint		*cp;
	struct digest_due		*due, *grown, *x;
	size_t				 i, j, n, cap;

	due = NULL;
	n = cap = 0;
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		if (project_active_at(pr, asof) == NULL)
			continue;
		for (j = 0; j < pr->ncheckpoints; j++) {
			cp = &pr->checkpoints[j];
			if ((cv = checkpoint_at(cp, asof)) == NULL ||
			    cv->deleted || cv->due < from || cv->due > to ||
			    (cv->status != CHECKPOINT_PENDING &&
			    cv->status != CHECKPOINT_BLOCKED))
				continue;
			if (n == cap) {
				cap = cap == 0 ? 8 : cap * 2;
				if ((grown = reallocarray(due, cap,
				    sizeof(*due))) == NULL) {
					free(due);
					return (-1);
				}
				due = grown;
			}
			x = &due[n++];
			x->project_id = pr->id;
			x->project_name = pr->name;
			x->checkpoint_id = cp->id;
			x->title = cp->title;
			x->stage = cp->stage;
			x->status = cv->status;
			x->due = cv->due;
		}
	}
	if (n > 1)
		qsort(due, n, sizeof(*due), cmp_due);
	*out = due;
	*nout = n;
	return (0);
}

/*
 * The action list: the critical and high risks of open (the page's
 * groups, or every group before a page is taken), in risk order.
 */
int
digest_actions(struct digest *d)
{
	size_t	i, n;

	risk_list_free(&d->actions);
	for (i = 0, n = 0; i < d->open.len; i++)
		n += d->open.items[i].severity >= SEVERITY_HIGH;
	if (n == 0)
		return (0);
	if ((d->actions.items = calloc(n, sizeof(*d->actions.items))) ==
	    NULL)
		return (-1);
	d->actions.cap = n;
	for (i = 0; i < d->open.len; i++) {
		if (d->open.items[i].severity >= SEVERITY_HIGH)
			d->actions.items[d->actions.len++] =
			    d->open.items[i];
	}
	if (n > 1)
		qsort(d->actions.items, n, sizeof(*d->actions.items),
		    risk_order_cmp);
	return (0);
}

int
digest_actor_first(const struct digest *d, size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++) {
		if (d->actions.items[j].actor_id ==
		    d->actions.items[i].actor_id)
			return (0);
	}
	return (1);
}

int
digest_at_risk(const struct risk_list *l)
{
	const struct risk	**v;
	size_t			  i, n;
	int			  at;

	/* Risks of one project need not be adjacent: count distinct ids. */
	for (i = 0, n = 0; i < l->len; i++)
		n += l->items[i].project_id != 0 &&
		    l->items[i].severity >= SEVERITY_HIGH;
	if (n == 0)
		return (0);
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return (-1);
	for (i = 0, n = 0; i < l->len; i++) {
		if (l->items[i].project_id != 0 &&
		    l->items[i].severity >= SEVERITY_HIGH)
			v[n++] = &l->items[i];
	}
	for (i = 0, at = 0; i < n; i++) {
		size_t	j;

		for (j = 0; j < i; j++) {
			if (v[j]->project_id == v[i]->project_id)
				break;
		}
		at += j == i;
	}
	free(v);
	return (at);
}

day_t
digest_paused_since(const struct project *pr, day_t d)
{
	const struct project_version	*pv;
	day_t				 since;

	if (pr->created > d || (pv = project_at(pr, d)) == NULL ||
	    pv->status != PROJECT_PAUSED)
		return (DAY_NONE);
	/* Back through the versions in effect the day before each. */
	since = pv->v.on;
	while (since > pr->created && (pv = project_at(pr, since - 1)) !=
	    NULL && pv->status == PROJECT_PAUSED)
		since = pv->v.on;
	return (since < pr->created ? pr->created : since);
}

static int
cmp_paused(const void *a, const void *b)
{
	const struct digest_paused	*x = a, *y = b;
	int				 c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return (c);
	return ((x->id > y->id) - (x->id < y->id));
}

static int
paused_of(const struct portfolio *pf, struct digest *d)
{
	size_t	i, n;
	day_t	since;

	for (i = 0, n = 0; i < pf->nprojects; i++)
		n += digest_paused_since(&pf->projects[i], d->asof) !=
		    DAY_NONE;
	if (n == 0)
		return (0);
	if ((d->paused = calloc(n, sizeof(*d->paused))) == NULL)
		return (-1);
	for (i = 0; i < pf->nprojects; i++) {
		since = digest_paused_since(&pf->projects[i], d->asof);
		if (since == DAY_NONE)
			continue;
		d->paused[d->npaused].id = pf->projects[i].id;
		d->paused[d->npaused].name = pf->projects[i].name;
		d->paused[d->npaused++].since = since;
	}
	if (d->npaused > 1)
		qsort(d->paused, d->npaused, sizeof(*d->paused), cmp_paused);
	return (0);
}

/* Mark what is new; move what went away from prev into d->resolved. */
static int
compare_weeks(const struct portfolio *pf, struct digest *d,
    const struct risk_list *prev)
{
	const struct risk	**open_ids, **prev_ids;
	struct risk		 *items;
	size_t			  i, n;
	int			  rc;

	rc = -1;
	open_ids = prev_ids = NULL;
	if (sorted_by_identity(&d->open, &open_ids) == -1 ||
	    sorted_by_identity(prev, &prev_ids) == -1)
		goto out;

	if (d->open.len > 0) {
		if ((d->is_new = calloc(d->open.len, 1)) == NULL)
			goto out;
		for (i = 0; i < d->open.len; i++)
			d->is_new[i] = !contains(prev_ids, prev->len,
			    &d->open.items[i]);
	}

	n = 0;
	for (i = 0; i < prev->len; i++)
		n += !contains(open_ids, d->open.len, &prev->items[i]);
	if (n > 0) {
		if ((items = calloc(n, sizeof(*items))) == NULL)
			goto out;
		d->resolved.items = items;
		d->resolved.cap = n;
		for (i = 0; i < prev->len; i++) {
			if (!contains(open_ids, d->open.len, &prev->items[i]))
				items[d->resolved.len++] = prev->items[i];
		}
		if (risk_resolve(pf, d->prev_asof, d->asof, &d->resolved) ==
		    -1)
			goto out;
	}
	rc = 0;
out:
	free(open_ids);
	free(prev_ids);
	return (rc);
}

static int
cmp_slot(const void *a, const void *b)
{
	const struct slot	*x = a, *y = b;

	if (x->key != y->key)
		return (x->key < y->key ? -1 : 1);
	return (x->index < y->index ? -1 : x->index > y->index);
}

/*
 * Two sorts instead of a scan per risk: by project (then index), which
 * finds each project's first index; then by that first index (then
 * index), which puts the groups in the order of their worst risks.
 */
int
digest_group(struct digest *d)
{
	struct slot	*s;
	int64_t		 project;
	size_t		 i, first, n;

	if ((n = d->open.len) == 0)
		return (0);
	if ((s = calloc(n, sizeof(*s))) == NULL)
		return (-1);
	if ((d->by_project = calloc(n, sizeof(*d->by_project))) == NULL) {
		free(s);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		s[i].key = d->open.items[i].project_id;
		s[i].index = i;
	}
	qsort(s, n, sizeof(*s), cmp_slot);
	project = first = 0;
	for (i = 0; i < n; i++) {
		if (i == 0 || s[i].key != project) {
			project = s[i].key;
			first = s[i].index;
		}
		s[i].key = (int64_t)first;
	}
	qsort(s, n, sizeof(*s), cmp_slot);
	for (i = 0; i < n; i++)
		d->by_project[i] = s[i].index;
	free(s);
	return (0);
}

/* The new risks, in open's order, into fresh. */
static int
fresh_of(struct digest *d)
{
	size_t	i, n;

	for (i = 0, n = 0; i < d->open.len; i++)
		n += d->is_new[i] != 0;
	d->ngroups = 0;
	for (i = 0; i < d->open.len; i = digest_group_end(d, i))
		d->ngroups++;
	d->limit = d->ngroups;
	if (n == 0)
		return (0);
	if ((d->fresh.items = calloc(n, sizeof(*d->fresh.items))) == NULL)
		return (-1);
	d->fresh.cap = n;
	for (i = 0; i < d->open.len; i++) {
		if (d->is_new[i])
			d->fresh.items[d->fresh.len++] = d->open.items[i];
	}
	return (0);
}

int
digest_page(struct digest *d, size_t offset, size_t limit)
{
	struct risk	*items;
	unsigned char	*is_new;
	size_t		 i, j, g, n, end;

	d->offset = offset;
	d->limit = limit;
	/* The risks of the page's groups, in group order. */
	for (i = 0, g = 0, n = 0; i < d->open.len; i = end, g++) {
		end = digest_group_end(d, i);
		if (g >= offset && g < offset + limit)
			n += end - i;
	}
	items = n > 0 ? calloc(n, sizeof(*items)) : NULL;
	is_new = n > 0 ? calloc(n, 1) : NULL;
	if (n > 0 && (items == NULL || is_new == NULL)) {
		free(items);
		free(is_new);
		return (-1);
	}
	for (i = 0, g = 0, j = 0; i < d->open.len; i = end, g++) {
		end = digest_group_end(d, i);
		if (g < offset || g >= offset + limit)
			continue;
		for (; i < end; i++) {
			items[j] = d->open.items[d->by_project[i]];
			is_new[j++] = d->is_new[d->by_project[i]];
		}
	}
	free(d->open.items);
	free(d->is_new);
	free(d->by_project);
	d->open.items = items;
	d->open.len = d->open.cap = n;
	d->is_new = is_new;
	d->by_project = NULL;
	/* Group by group, so the groups' order is already the page's. */
	if (n == 0)
		return (digest_actions(d));
	if ((d->by_project = calloc(n, sizeof(*d->by_project))) == NULL)
		return (-1);
	for (i = 0; i < n; i++)
		d->by_project[i] = i;
	return (digest_actions(d));
}

size_t
digest_group_end(const struct digest *d, size_t start)
{
	int64_t	project;
	size_t	end;

	if (start >= d->open.len)
		return (d->open.len);
	project = d->open.items[d->by_project[start]].project_id;
	for (end = start + 1; end < d->open.len; end++) {
		if (d->open.items[d->by_project[end]].project_id != project)
			break;
	}
	return (end);
}

int
digest_build(const struct portfolio *pf, int year, int week, day_t today,
    struct digest *d)
{
	struct risk_list	 prev, past;
	struct digest_trend	*t;
	int			 i, rc;

	memset(d, 0, sizeof(*d));
	memset(&prev, 0, sizeof(prev));
	memset(&past, 0, sizeof(past));
	if (week < 1 || week > isoweek_weeks_in_year(year))
		return (-1);

	d->year = year;
	d->week = week;
	d->monday = isoweek_monday(year, week);
	d->sunday = d->monday + 6;
	d->asof = today >= d->monday && today <= d->sunday ? today :
	    d->sunday;
	d->prev_asof = d->monday - 1;

	rc = -1;
	if (risk_compute(pf, d->asof, 0, &d->open) == -1 ||
	    risk_compute(pf, d->prev_asof, 0, &prev) == -1)
		goto out;
	risk_count(&d->open, d->counts);
	if (compare_weeks(pf, d, &prev) == -1 ||
	    digest_group(d) == -1 || due_between(pf, d->asof, d->sunday + 1,
	    d->sunday + 7, &d->due, &d->ndue) == -1 ||
	    due_between(pf, d->asof, d->monday, d->sunday, &d->due_this,
	    &d->ndue_this) == -1 || fresh_of(d) == -1 ||
	    digest_actions(d) == -1 || paused_of(pf, d) == -1 ||
	    (d->at_risk = digest_at_risk(&d->open)) == -1)
		goto out;

	/* Oldest first; the last is the week just before, prev_asof. */
	for (i = 0; i < DIGEST_TREND_WEEKS; i++) {
		t = &d->trend[i];
		t->asof = d->monday - 7 * (DIGEST_TREND_WEEKS - i) + 6;
		isoweek_of(t->asof, &t->year, &t->week);
		if (i == DIGEST_TREND_WEEKS - 1) {
			risk_count(&prev, t->counts);
			if ((t->at_risk = digest_at_risk(&prev)) == -1)
				goto out;
			continue;
		}
		past.len = 0;
		if (risk_compute(pf, t->asof, 0, &past) == -1 ||
		    (t->at_risk = digest_at_risk(&past)) == -1)
			goto out;
		risk_count(&past, t->counts);
	}
	rc = 0;
out:
	risk_list_free(&prev);
	risk_list_free(&past);
	if (rc == -1) {
		digest_free(d);
		memset(d, 0, sizeof(*d));
	}
	return (rc);
}

void
digest_free(struct digest *d)
{
	risk_list_free(&d->open);
	risk_list_free(&d->fresh);
	risk_list_free(&d->resolved);
	risk_list_free(&d->actions);
	free(d->due_this);
	free(d->paused);
	d->due_this = NULL;
	d->paused = NULL;
	d->ndue_this = d->npaused = 0;
	free(d->is_new);
	free(d->by_project);
	free(d->due);
	d->is_new = NULL;
	d->by_project = NULL;
	d->due = NULL;
	d->ndue = 0;
}

static int
keep_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (ids[i] == id && id != 0)
			return (1);
	}
	return (0);
}

static void
keep_list(struct risk_list *l, const int64_t *ids, size_t n)
{
	size_t	i, k;

	for (i = 0, k = 0; i < l->len; i++) {
		if (keep_id(ids, n, l->items[i].project_id))
			l->items[k++] = l->items[i];
	}
	l->len = k;
}

static void
keep_due(struct digest_due *due, size_t *ndue, const int64_t *ids, size_t n)
{
	size_t	i, k;

	for (i = 0, k = 0; i < *ndue; i++) {
		if (keep_id(ids, n, due[i].project_id))
			due[k++] = due[i];
	}
	*ndue = k;
}

void
digest_keep(struct digest *d, const int64_t *ids, size_t n)
{
	struct risk	*open;
	unsigned char	*fresh;
	size_t		 i, j, k, groups;
	int		 s, at;

	/* open, in the order of by_project, then by_project the identity. */
	open = d->open.len > 0 ? calloc(d->open.len, sizeof(*open)) : NULL;
	fresh = d->open.len > 0 ? calloc(d->open.len, 1) : NULL;
	if (open != NULL && fresh != NULL) {
		for (i = 0, k = 0; i < d->open.len; i++) {
			j = d->by_project[i];
			if (!keep_id(ids, n, d->open.items[j].project_id))
				continue;
			open[k] = d->open.items[j];
			fresh[k++] = d->is_new[j];
		}
		for (i = 0; i < k; i++) {
			d->open.items[i] = open[i];
			d->is_new[i] = fresh[i];
			d->by_project[i] = i;
		}
		d->open.len = k;
	} else
		d->open.len = 0;
	free(open);
	free(fresh);
	keep_list(&d->fresh, ids, n);
	keep_list(&d->resolved, ids, n);
	keep_list(&d->actions, ids, n);
	keep_due(d->due, &d->ndue, ids, n);
	keep_due(d->due_this, &d->ndue_this, ids, n);
	for (i = 0, k = 0; i < d->npaused; i++) {
		if (keep_id(ids, n, d->paused[i].id))
			d->paused[k++] = d->paused[i];
	}
	d->npaused = k;

	memset(d->counts, 0, sizeof(d->counts));
	for (i = 0; i < d->open.len; i++)
		d->counts[d->open.items[i].severity]++;
	at = digest_at_risk(&d->open);
	d->at_risk = at < 0 ? 0 : at;
	for (i = 0, groups = 0; i < d->open.len; i = digest_group_end(d, i))
		groups++;
	d->ngroups = groups;
	d->offset = 0;
	for (s = 0; s < DIGEST_TREND_WEEKS; s++)
		memset(&d->trend[s], 0, sizeof(d->trend[s]));
	d->only_some = 1;
}

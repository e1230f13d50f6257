/*
 * facts: the portfolio as versioned facts (see facts.h).
 */
#include <stdlib.h>
#include <string.h>

#include "facts.h"

/* Strings live in chunks that are freed together. */
struct facts_arena {
	struct arena_chunk	*chunks;
	int			 failed;
};

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 used;
	size_t			 size;
	char			 data[];
};

#define ARENA_CHUNK	(64 * 1024)

/* Memory --------------------------------------------------------------- */

static const char *
arena_strdup(struct portfolio *pf, const char *s)
{
	struct facts_arena	*a = pf->arena;
	struct arena_chunk	*c;
	size_t			 len, size;
	char			*p;

	if (a == NULL || a->failed)
		return ("");
	if (s == NULL)
		s = "";

	len = strlen(s) + 1;
	c = a->chunks;
	if (c == NULL || c->size - c->used < len) {
		size = len > ARENA_CHUNK ? len : ARENA_CHUNK;
		if ((c = malloc(sizeof(*c) + size)) == NULL) {
			a->failed = 1;
			return ("");
		}
		c->next = a->chunks;
		c->used = 0;
		c->size = size;
		a->chunks = c;
	}

	p = c->data + c->used;
	memcpy(p, s, len);
	c->used += len;
	return (p);
}

/*
 * Make room for element n of an array whose capacity is implied by its
 * length: 4, then doubling at every power of two.
 */
static int
grow(struct portfolio *pf, void **array, size_t n, size_t size)
{
	void	*p;
	size_t	 cap;

	if (pf->arena == NULL || pf->arena->failed)
		return (-1);
	if (n == 0)
		cap = 4;
	else if (n >= 4 && (n & (n - 1)) == 0)
		cap = n * 2;
	else
		return (0);

	if (cap > SIZE_MAX / size || (p = realloc(*array, cap * size)) ==
	    NULL) {
		pf->arena->failed = 1;
		return (-1);
	}
	*array = p;
	return (0);
}

#define APPEND(pf, arr, n)						\
	(grow((pf), (void **)&(arr), (n), sizeof(*(arr))) == -1 ?	\
	    NULL : &(arr)[(n)++])

void
facts_init(struct portfolio *pf)
{
	memset(pf, 0, sizeof(*pf));
	pf->overload_threshold = 8;
	pf->stale_low_days = 21;
	pf->stale_medium_days = 42;
	if ((pf->arena = calloc(1, sizeof(*pf->arena))) == NULL)
		return;
}

int
facts_failed(const struct portfolio *pf)
{
	return (pf->arena == NULL || pf->arena->failed);
}

void
facts_free(struct portfolio *pf)
{
	struct arena_chunk	*c, *next;
	struct project		*pr;
	size_t			 i, j, k;

	for (i = 0; i < pf->npeople; i++)
		free(pf->people[i].versions);
	free(pf->people);

	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		free(pr->versions);
		for (k = 0; k < STAGE_COUNT; k++)
			free(pr->plans[k]);
		for (j = 0; j < pr->nresps; j++) {
			for (k = 0; k < ROLE_COUNT; k++)
				free(pr->resps[j].cells[k]);
		}
		free(pr->resps);
		for (j = 0; j < pr->ncheckpoints; j++)
			free(pr->checkpoints[j].versions);
		free(pr->checkpoints);
		for (j = 0; j < pr->nhandoffs; j++)
			free(pr->handoffs[j].versions);
		free(pr->handoffs);
		for (j = 0; j < pr->nreadiness; j++)
			free(pr->readiness[j].versions);
		free(pr->readiness);
		free(pr->changes);
	}
	free(pf->projects);

	if (pf->arena != NULL) {
		for (c = pf->arena->chunks; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
		free(pf->arena);
	}
	memset(pf, 0, sizeof(*pf));
}

/* Builders ------------------------------------------------------------- */

static void
version_head(struct portfolio *pf, struct version *dst,
    const struct version *src)
{
	dst->seq = src->seq;
	dst->on = src->on;
	dst->actor = arena_strdup(pf, src->actor);
}

struct person *
facts_add_person(struct portfolio *pf, int64_t id, const char *name)
{
	struct person	*p;

	if ((p = APPEND(pf, pf->people, pf->npeople)) == NULL)
		return (NULL);
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->name = arena_strdup(pf, name);
	return (p);
}

void
facts_person_version(struct portfolio *pf, struct person *p, int64_t seq,
    day_t on, const char *actor, int active)
{
	struct person_version	*v;

	if (p == NULL || (v = APPEND(pf, p->versions, p->nversions)) == NULL)
		return;
	v->v.seq = seq;
	v->v.on = on;
	v->v.actor = arena_strdup(pf, actor);
	v->active = active;
}

struct project *
facts_add_project(struct portfolio *pf, int64_t id, const char *name,
    int64_t pm_id, day_t kickoff, day_t created)
{
	struct project	*pr;

	if ((pr = APPEND(pf, pf->projects, pf->nprojects)) == NULL)
		return (NULL);
	memset(pr, 0, sizeof(*pr));
	pr->id = id;
	pr->name = arena_strdup(pf, name);
	pr->pm_id = pm_id;
	pr->kickoff = kickoff;
	pr->created = created;
	return (pr);
}

void
facts_project_version(struct portfolio *pf, struct project *pr,
    const struct project_version *src)
{
	struct project_version	*v;

	if (pr == NULL || (v = APPEND(pf, pr->versions, pr->nversions)) ==
	    NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
}

void
facts_plan_version(struct portfolio *pf, struct project *pr, enum stage s,
    const struct plan_version *src)
{
	struct plan_version	*v;

	if (pr == NULL || (unsigned)s >= STAGE_COUNT)
		return;
	if ((v = APPEND(pf, pr->plans[s], pr->nplans[s])) == NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
}

struct responsibility *
facts_add_responsibility(struct portfolio *pf, struct project *pr,
    const char *key, const char *name, enum stage needed_by,
    unsigned int expects)
{
	struct responsibility	*r;

	if (pr == NULL || (r = APPEND(pf, pr->resps, pr->nresps)) == NULL)
		return (NULL);
	memset(r, 0, sizeof(*r));
	r->key = arena_strdup(pf, key);
	r->name = arena_strdup(pf, name);
	r->needed_by = needed_by;
	r->expects = expects;
	r->from = DAY_NONE;
	r->until = DAY_NONE;
	return (r);
}

void
facts_responsibility_days(struct portfolio *pf, struct responsibility *r,
    day_t from, const char *from_by, day_t until, const char *until_by)
{
	if (r == NULL)
		return;
	r->from = from;
	r->until = until;
	r->from_by = from != DAY_NONE ? arena_strdup(pf, from_by) : NULL;
	r->until_by = until != DAY_NONE ? arena_strdup(pf, until_by) : NULL;
}

void
facts_cell_version(struct portfolio *pf, struct responsibility *r,
    enum role role, const struct cell_version *src)
{
	struct cell_version	*v;

	if (r == NULL || (unsigned)role >= ROLE_COUNT)
		return;
	if ((v = APPEND(pf, r->cells[role], r->ncells[role])) == NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
}

struct checkpoint *
facts_add_checkpoint(struct portfolio *pf, struct project *pr, int64_t id,
    const char *title, enum stage s)
{
	struct checkpoint	*c;

	if (pr == NULL ||
	    (c = APPEND(pf, pr->checkpoints, pr->ncheckpoints)) == NULL)
		return (NULL);
	memset(c, 0, sizeof(*c));
	c->id = id;
	c->title = arena_strdup(pf, title);
	c->stage = s;
	c->overridden = DAY_NONE;
	c->overridden_to = STAGE_COUNT;
	return (c);
}

void
facts_checkpoint_version(struct portfolio *pf, struct checkpoint *c,
    const struct checkpoint_version *src)
{
	struct checkpoint_version	*v;

	if (c == NULL || (v = APPEND(pf, c->versions, c->nversions)) == NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
	v->note = src->note != NULL ? arena_strdup(pf, src->note) : NULL;
}

struct handoff *
facts_add_handoff(struct portfolio *pf, struct project *pr, char key,
    const char *name, enum stage leads_into)
{
	struct handoff	*h;

	if (pr == NULL || (h = APPEND(pf, pr->handoffs, pr->nhandoffs)) ==
	    NULL)
		return (NULL);
	memset(h, 0, sizeof(*h));
	h->key = key;
	h->name = arena_strdup(pf, name);
	h->leads_into = leads_into;
	return (h);
}

void
facts_handoff_version(struct portfolio *pf, struct handoff *h,
    const struct handoff_version *src)
{
	struct handoff_version	*v;

	if (h == NULL || (v = APPEND(pf, h->versions, h->nversions)) == NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
}

struct readiness *
facts_add_readiness(struct portfolio *pf, struct project *pr,
    enum readiness_item item)
{
	struct readiness	*r;

	if (pr == NULL || (r = APPEND(pf, pr->readiness, pr->nreadiness)) ==
	    NULL)
		return (NULL);
	memset(r, 0, sizeof(*r));
	r->item = item;
	return (r);
}

void
facts_readiness_version(struct portfolio *pf, struct readiness *r,
    const struct readiness_version *src)
{
	struct readiness_version	*v;

	if (r == NULL || (v = APPEND(pf, r->versions, r->nversions)) == NULL)
		return;
	*v = *src;
	version_head(pf, &v->v, &src->v);
}

void
facts_project_change(struct portfolio *pf, struct project *pr, day_t d)
{
	day_t	*slot;

	if (pr == NULL)
		return;
	if ((slot = APPEND(pf, pr->changes, pr->nchanges)) != NULL)
		*slot = d;
}

/* Ordering and lookup --------------------------------------------------- */

static int
cmp_seq(const void *a, const void *b)
{
	const struct version	*x = a, *y = b;

	return ((x->seq > y->seq) - (x->seq < y->seq));
}

static int
cmp_person(const void *a, const void *b)
{
	const struct person	*x = a, *y = b;

	return ((x->id > y->id) - (x->id < y->id));
}

static int
cmp_project(const void *a, const void *b)
{
	const struct project	*x = a, *y = b;

	return ((x->id > y->id) - (x->id < y->id));
}

static int
cmp_day(const void *a, const void *b)
{
	const day_t	*x = a, *y = b;

	return ((*x > *y) - (*x < *y));
}

#define SORT_VERSIONS(arr, n)						\
	do {								\
		if ((n) > 1)						\
			qsort((arr), (n), sizeof(*(arr)), cmp_seq);	\
	} while (0)

/* Put everything in the order the lookups rely on. */
void
facts_sort(struct portfolio *pf)
{
	struct project	*pr;
	size_t		 i, j, k;

	if (pf->npeople > 1)
		qsort(pf->people, pf->npeople, sizeof(*pf->people),
		    cmp_person);
	for (i = 0; i < pf->npeople; i++)
		SORT_VERSIONS(pf->people[i].versions,
		    pf->people[i].nversions);

	if (pf->nprojects > 1)
		qsort(pf->projects, pf->nprojects, sizeof(*pf->projects),
		    cmp_project);
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		SORT_VERSIONS(pr->versions, pr->nversions);
		for (k = 0; k < STAGE_COUNT; k++)
			SORT_VERSIONS(pr->plans[k], pr->nplans[k]);
		for (j = 0; j < pr->nresps; j++) {
			for (k = 0; k < ROLE_COUNT; k++)
				SORT_VERSIONS(pr->resps[j].cells[k],
				    pr->resps[j].ncells[k]);
		}
		for (j = 0; j < pr->ncheckpoints; j++)
			SORT_VERSIONS(pr->checkpoints[j].versions,
			    pr->checkpoints[j].nversions);
		for (j = 0; j < pr->nhandoffs; j++)
			SORT_VERSIONS(pr->handoffs[j].versions,
			    pr->handoffs[j].nversions);
		if (pr->nchanges > 1)
			qsort(pr->changes, pr->nchanges, sizeof(day_t),
			    cmp_day);
	}
}

const struct person *
facts_person(const struct portfolio *pf, int64_t id)
{
	struct person	key;

	if (pf->npeople == 0)
		return (NULL);
	key.id = id;
	return (bsearch(&key, pf->people, pf->npeople, sizeof(*pf->people),
	    cmp_person));
}

struct project *
facts_project(const struct portfolio *pf, int64_t id)
{
	struct project	key;

	if (pf->nprojects == 0)
		return (NULL);
	key.id = id;
	return (bsearch(&key, pf->projects, pf->nprojects,
	    sizeof(*pf->projects), cmp_project));
}

/*
 * Versions are sorted by seq, so the one in effect at the end of d is the
 * last one (highest seq) whose day is not after d.
 */
const void *
facts_at(const void *versions, size_t n, size_t size, day_t d)
{
	const char		*base = versions;
	const struct version	*v;
	size_t			 i;

	for (i = n; i > 0; i--) {
		v = (const struct version *)(const void *)
		    (base + (i - 1) * size);
		if (v->on <= d)
			return (v);
	}
	return (NULL);
}

const struct person_version *
person_at(const struct person *p, day_t d)
{
	return (facts_at(p->versions, p->nversions, sizeof(*p->versions), d));
}

const struct project_version *
project_at(const struct project *pr, day_t d)
{
	return (facts_at(pr->versions, pr->nversions, sizeof(*pr->versions),
	    d));
}

const struct project_version *
project_active_at(const struct project *pr, day_t d)
{
	const struct project_version	*pv;

	/* A version dated before creation does not make it exist earlier. */
	if (pr->created > d || (pv = project_at(pr, d)) == NULL ||
	    pv->status != PROJECT_ACTIVE)
		return (NULL);
	return (pv);
}

const struct plan_version *
plan_at(const struct project *pr, enum stage s, day_t d)
{
	if ((unsigned)s >= STAGE_COUNT)
		return (NULL);
	return (facts_at(pr->plans[s], pr->nplans[s], sizeof(*pr->plans[s]),
	    d));
}

const struct cell_version *
cell_at(const struct responsibility *r, enum role role, day_t d)
{
	if ((unsigned)role >= ROLE_COUNT)
		return (NULL);
	return (facts_at(r->cells[role], r->ncells[role],
	    sizeof(*r->cells[role]), d));
}

const struct checkpoint_version *
checkpoint_at(const struct checkpoint *c, day_t d)
{
	return (facts_at(c->versions, c->nversions, sizeof(*c->versions), d));
}

const struct handoff_version *
handoff_at(const struct handoff *h, day_t d)
{
	return (facts_at(h->versions, h->nversions, sizeof(*h->versions), d));
}

const struct readiness_version *
readiness_at(const struct readiness *r, day_t d)
{
	return (facts_at(r->versions, r->nversions, sizeof(*r->versions), d));
}

day_t
project_last_change(const struct project *pr, day_t d)
{
	size_t	lo, hi, mid;

	/* The last change <= d: binary search on the sorted days. */
	lo = 0;
	hi = pr->nchanges;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pr->changes[mid] <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo == 0 ? DAY_NONE : pr->changes[lo - 1]);
}

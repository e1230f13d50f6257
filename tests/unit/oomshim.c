/*
 * oomshim: make the Nth allocation fail (see oomshim.h).
 */
#include <execinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "oomshim.h"

/* The blocks handed out while armed: an open-addressed set. */
#define LIVE_BITS	19
#define LIVE_SIZE	((size_t)1 << LIVE_BITS)

void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
void	*__real_reallocarray(void *, size_t, size_t);
char	*__real_strdup(const char *);
void	 __real_free(void *);

void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);
void	*__wrap_reallocarray(void *, size_t, size_t);
char	*__wrap_strdup(const char *);
void	 __wrap_free(void *);

static int	 fail_now(void);
static size_t	 slot_of(const void *);
static void	 live_add(void *);
static void	 live_del(const void *);

static int		 armed;
static unsigned long	 fail_at;
static unsigned long	 count;
static int		 hit;
static void		*frames[OOM_FRAMES];
static int		 nframes;

static void		**live;
static size_t		 nlive;

void
oom_arm(unsigned long n)
{
	void	*warm[1];

	if (live == NULL) {
		live = __real_calloc(LIVE_SIZE, sizeof(*live));
		if (live == NULL) {
			fprintf(stderr, "oomshim: no memory for the set\n");
			abort();
		}
		/* The first backtrace() loads libgcc: not in a run. */
		(void)backtrace(warm, 1);
	}
	fail_at = n;
	count = 0;
	hit = 0;
	nframes = 0;
	armed = 1;
}

void
oom_disarm(void)
{
	armed = 0;
}

unsigned long
oom_count(void)
{
	return (count);
}

int
oom_hit(void)
{
	return (hit);
}

size_t
oom_live(void)
{
	return (nlive);
}

void
oom_forget(void)
{
	if (live != NULL)
		memset(live, 0, LIVE_SIZE * sizeof(*live));
	nlive = 0;
}

int
oom_hit_frames(void **out, int max)
{
	int	i;

	for (i = 0; i < nframes && i < max; i++)
		out[i] = frames[i];
	return (i);
}

/* Count one allocation; 1 when it is the one to fail. */
static int
fail_now(void)
{
	if (!armed)
		return (0);
	count++;
	if (fail_at == 0 || count != fail_at)
		return (0);
	hit = 1;
	nframes = backtrace(frames, OOM_FRAMES);
	return (1);
}

static size_t
slot_of(const void *p)
{
	uint64_t	h = (uint64_t)(uintptr_t)p >> 4;

	return ((size_t)((h * 0x9e3779b97f4a7c15ULL) >> (64 - LIVE_BITS)));
}

static void
live_add(void *p)
{
	size_t	i;

	if (!armed || p == NULL)
		return;
	if (nlive >= LIVE_SIZE / 2) {
		fprintf(stderr, "oomshim: more than %zu live blocks\n", nlive);
		abort();
	}
	for (i = slot_of(p); live[i] != NULL; i = (i + 1) & (LIVE_SIZE - 1))
		;
	live[i] = p;
	nlive++;
}

/* Linear probing's deletion: move later entries of the run back. */
static void
live_del(const void *p)
{
	size_t	i, j, k;

	if (live == NULL || p == NULL)
		return;
	for (i = slot_of(p); live[i] != p; i = (i + 1) & (LIVE_SIZE - 1)) {
		if (live[i] == NULL)
			return;		/* not one of ours */
	}
	live[i] = NULL;
	nlive--;
	for (j = (i + 1) & (LIVE_SIZE - 1); live[j] != NULL;
	    j = (j + 1) & (LIVE_SIZE - 1)) {
		k = slot_of(live[j]);
		/* Stay if k lies cyclically in (i, j]. */
		if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
			continue;
		live[i] = live[j];
		live[j] = NULL;
		i = j;
	}
}

void *
__wrap_malloc(size_t size)
{
	void	*p;

	if (fail_now())
		return (NULL);
	p = __real_malloc(size);
	live_add(p);
	return (p);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	void	*p;

	if (fail_now())
		return (NULL);
	p = __real_calloc(n, size);
	live_add(p);
	return (p);
}

void *
__wrap_realloc(void *old, size_t size)
{
	void	*p;

	if (fail_now())
		return (NULL);
	if ((p = __real_realloc(old, size)) != NULL) {
		live_del(old);
		live_add(p);
	}
	return (p);
}

void *
__wrap_reallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (fail_now())
		return (NULL);
	if ((p = __real_reallocarray(old, n, size)) != NULL) {
		live_del(old);
		live_add(p);
	}
	return (p);
}

char *
__wrap_strdup(const char *s)
{
	char	*p;

	if (fail_now())
		return (NULL);
	p = __real_strdup(s);
	live_add(p);
	return (p);
}

void
__wrap_free(void *p)
{
	live_del(p);
	__real_free(p);
}

void
oom_json_alloc(void)
{
	json_set_alloc_funcs(__wrap_malloc, __wrap_free);
}

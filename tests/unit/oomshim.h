/*
 * oomshim: make the Nth allocation fail.
 *
 * Linked into test_oom with -Wl,--wrap=malloc,--wrap=calloc,
 * --wrap=realloc,--wrap=reallocarray,--wrap=strdup,--wrap=free (see the
 * Makefile): every call that the objects of the program make to those
 * functions comes here instead, and __real_malloc() and the others reach
 * the C library (or, in the sanitizer build, AddressSanitizer's
 * allocator, which still sees every block).  Jansson is a shared library
 * that --wrap cannot reach; oom_json_alloc() hands it the same counting
 * allocator through json_set_alloc_funcs().
 *
 * Why --wrap and not an LD_PRELOAD library: a preloaded malloc cannot sit
 * beside AddressSanitizer's, which must come first, so the failures could
 * not be injected in the sanitizer build that catches what they break;
 * and --wrap counts only our code's allocations, not those of the C
 * library's own insides (stdio, qsort), which makes N reproducible.
 *
 * While armed, the shim counts allocations, fails the Nth one (that one
 * only: the next succeeds again), and remembers every block it handed
 * out until it is freed, so that the blocks left over after a run are
 * leaks, in every build.
 */
#ifndef HANDOFF_OOMSHIM_H
#define HANDOFF_OOMSHIM_H

#include <stddef.h>

/*
 * Deep enough to get out of jansson's json_dumps() of a digest, whose
 * do_dump() recurses once per level of the document.
 */
#define OOM_FRAMES	32

/*
 * Start counting from zero; fail allocation n (1 is the first), or none
 * when n is 0.  Blocks handed out from now on are remembered.
 */
void		 oom_arm(unsigned long);
void		 oom_disarm(void);

unsigned long	 oom_count(void);	/* allocations since oom_arm() */
int		 oom_hit(void);		/* the failure was injected */
size_t		 oom_live(void);	/* remembered and not yet freed */
void		 oom_forget(void);	/* forget them (once reported) */

/* The call stack of the allocation that was made to fail. */
int		 oom_hit_frames(void **, int);

/* Route jansson's allocations through the shim. */
void		 oom_json_alloc(void);

#endif

/*
 * fuzz: what the libFuzzer targets of tests/fuzz/ share.
 *
 * A target is a plain C file defining LLVMFuzzerTestOneInput(); it aborts
 * (through FUZZ_CHECK) when a property that must hold for every input does
 * not, so that libFuzzer reports the input like a crash.
 */
#ifndef HANDOFF_FUZZ_H
#define HANDOFF_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: property violated: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The input as a C string, as a header or query value reaches us: cut at
 * the first NUL.  The caller frees it; NULL only when out of memory.
 */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	*s;

	if ((s = malloc(size + 1)) == NULL)
		return (NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	return (s);
}

#endif

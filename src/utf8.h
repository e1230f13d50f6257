/*
 * utf8: strict UTF-8, for request input (validate.c, formdata.c) and for
 * passwords (secret.c, which handoffctl links without jansson).
 */
#ifndef HANDOFF_UTF8_H
#define HANDOFF_UTF8_H

#include <stddef.h>

/*
 * 1 when the len bytes at s are UTF-8 with no overlong form, surrogate or
 * code point beyond Unicode; 0 otherwise.
 */
int	utf8_valid(const char *, size_t);

/* Characters (code points) in a NUL-terminated string already valid. */
size_t	utf8_chars(const char *);

#endif

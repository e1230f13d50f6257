/*
 * sbuf: a growable byte buffer for building responses.
 *
 * Pure: no Kore, no libpq, plain malloc, so unit tests and sanitizers see
 * every byte.  An allocation failure does not abort: the buffer remembers
 * it, ignores further writes and sbuf_failed() tells the caller, who checks
 * once after building instead of after every append.
 */
#ifndef HANDOFF_SBUF_H
#define HANDOFF_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char	*data;		/* always NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
	int	 failed;
};

void	 sbuf_init(struct sbuf *);
void	 sbuf_free(struct sbuf *);
void	 sbuf_reset(struct sbuf *);
/*
 * Room for n more bytes in one allocation, when their number is known
 * beforehand; -1 when out of memory (the buffer remembers it too).
 */
int	 sbuf_reserve(struct sbuf *, size_t);
void	 sbuf_add(struct sbuf *, const void *, size_t);
void	 sbuf_append(struct sbuf *, const struct sbuf *);
void	 sbuf_str(struct sbuf *, const char *);
void	 sbuf_char(struct sbuf *, char);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_vprintf(struct sbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
int	 sbuf_failed(const struct sbuf *);
/* What it holds is not what was meant: answered as a failure. */
void	 sbuf_fail(struct sbuf *);
const char *sbuf_cstr(const struct sbuf *);	/* "" when empty */

/* Hands the bytes to the caller, who free()s them; the buffer is reset. */
char	*sbuf_steal(struct sbuf *, size_t *);

#endif

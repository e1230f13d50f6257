/*
 * sbuf: growable byte buffer (see sbuf.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

#define SBUF_MIN	256

void
sbuf_init(struct sbuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->failed = 0;
}

void
sbuf_free(struct sbuf *b)
{
	free(b->data);
	sbuf_init(b);
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL. */
int
sbuf_reserve(struct sbuf *b, size_t n)
{
	size_t	 want, cap;
	char	*p;

	if (b->failed)
		return (-1);

	if (n > SIZE_MAX - b->len - 1) {
		b->failed = 1;
		return (-1);
	}

	want = b->len + n + 1;
	if (want <= b->cap)
		return (0);

	cap = b->cap < SBUF_MIN ? SBUF_MIN : b->cap;
	while (cap < want) {
		if (cap > SIZE_MAX / 2) {
			cap = want;
			break;
		}
		cap *= 2;
	}

	if ((p = realloc(b->data, cap)) == NULL) {
		b->failed = 1;
		return (-1);
	}

	b->data = p;
	b->cap = cap;
	return (0);
}

void
sbuf_add(struct sbuf *b, const void *data, size_t len)
{
	if (sbuf_reserve(b, len) == -1)
		return;

	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* What src holds, after b's; a src that failed fails b too. */
void
sbuf_append(struct sbuf *b, const struct sbuf *src)
{
	if (src->failed) {
		b->failed = 1;
		return;
	}
	sbuf_add(b, src->data, src->len);
}

void
sbuf_str(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_char(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list		copy;
	int		n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);

	if (n < 0) {
		b->failed = 1;
		return;
	}

	if (sbuf_reserve(b, (size_t)n) == -1)
		return;

	(void)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

int
sbuf_failed(const struct sbuf *b)
{
	return (b->failed);
}

void
sbuf_fail(struct sbuf *b)
{
	b->failed = 1;
}

const char *
sbuf_cstr(const struct sbuf *b)
{
	return (b->data != NULL ? b->data : "");
}

char *
sbuf_steal(struct sbuf *b, size_t *len)
{
	char	*p;

	if (b->failed) {
		sbuf_free(b);
		return (NULL);
	}

	if (b->data == NULL) {
		if (sbuf_reserve(b, 0) == -1)
			return (NULL);
		b->data[0] = '\0';
	}

	p = b->data;
	if (len != NULL)
		*len = b->len;
	sbuf_init(b);

	return (p);
}

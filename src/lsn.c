/*
 * lsn: write-ahead log positions and a replica's lag (see lsn.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsn.h"

static int
lsn_half(const char *s, size_t n, uint32_t *out)
{
	uint64_t	v = 0;
	size_t		i;
	int		c;

	if (n == 0 || n > 8)
		return (-1);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			v = v * 16 + (uint64_t)(c - '0');
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (uint64_t)(c - 'A' + 10);
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint64_t)(c - 'a' + 10);
		else
			return (-1);
	}
	*out = (uint32_t)v;
	return (0);
}

int
lsn_parse(const char *s, uint64_t *lsn)
{
	const char	*slash;
	uint32_t	 hi, lo;

	if (s == NULL || (slash = strchr(s, '/')) == NULL)
		return (-1);
	if (lsn_half(s, (size_t)(slash - s), &hi) == -1 ||
	    lsn_half(slash + 1, strlen(slash + 1), &lo) == -1)
		return (-1);
	*lsn = ((uint64_t)hi << 32) | lo;
	return (0);
}

void
lsn_format(uint64_t lsn, char *buf, size_t size)
{
	(void)snprintf(buf, size, "%" PRIX32 "/%" PRIX32,
	    (uint32_t)(lsn >> 32), (uint32_t)lsn);
}

void
lsn_sample(struct lsn_samples *s, uint64_t at_ms, uint64_t lsn)
{
	s->at_ms[s->next] = at_ms;
	s->lsn[s->next] = lsn;
	s->next = (s->next + 1) % LSN_SAMPLES;
	if (s->count < LSN_SAMPLES)
		s->count++;
}

uint64_t
lsn_lag_ms(const struct lsn_samples *s, uint64_t now_ms, uint64_t replayed)
{
	size_t	i, k, first;

	first = (s->next + LSN_SAMPLES - s->count) % LSN_SAMPLES;
	for (i = 0; i < s->count; i++) {
		k = (first + i) % LSN_SAMPLES;
		if (s->lsn[k] <= replayed)
			continue;
		return (now_ms > s->at_ms[k] ? now_ms - s->at_ms[k] : 0);
	}
	return (0);
}

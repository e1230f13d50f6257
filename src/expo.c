/*
 * expo: the Prometheus text exposition format (expo.h).
 */
#include <stdint.h>
#include <stdio.h>

#include "expo.h"

/* From 5 ms to 10 s: a page is tens of ms, a sign-in ~100 ms. */
const uint64_t	expo_bucket_ms[EXPO_NBUCKETS - 1] = {
	5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000
};

int
expo_bucket_of(uint64_t ms)
{
	int	i;

	for (i = 0; i < EXPO_NBUCKETS - 1; i++) {
		if (ms <= expo_bucket_ms[i])
			return (i);
	}
	return (EXPO_NBUCKETS - 1);
}

/* HELP text escapes backslash and line feed; label values also quotes. */
static void
expo_escape(struct sbuf *b, const char *s, int quotes)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\')
			sbuf_str(b, "\\\\");
		else if (*s == '\n')
			sbuf_str(b, "\\n");
		else if (*s == '"' && quotes)
			sbuf_str(b, "\\\"");
		else
			sbuf_char(b, *s);
	}
}

void
expo_head(struct sbuf *b, const char *name, const char *type,
    const char *help)
{
	sbuf_printf(b, "# HELP %s ", name);
	expo_escape(b, help, 0);
	sbuf_printf(b, "\n# TYPE %s %s\n", name, type);
}

void
expo_label(struct sbuf *b, const char *value)
{
	sbuf_char(b, '"');
	expo_escape(b, value, 1);
	sbuf_char(b, '"');
}

void
expo_seconds(struct sbuf *b, uint64_t ms)
{
	char	frac[4];
	int	n;

	if (ms % 1000 == 0) {
		sbuf_printf(b, "%llu", (unsigned long long)(ms / 1000));
		return;
	}
	(void)snprintf(frac, sizeof(frac), "%03u", (unsigned)(ms % 1000));
	for (n = 3; n > 0 && frac[n - 1] == '0'; n--)
		frac[n - 1] = '\0';
	sbuf_printf(b, "%llu.%s", (unsigned long long)(ms / 1000), frac);
}

/*
 * expo: the Prometheus text exposition format (version 0.0.4), as much of
 * it as GET /metrics writes (metrics.c): HELP and TYPE lines, samples
 * with labels, and the bounds of the latency histograms.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_EXPO_H
#define HANDOFF_EXPO_H

#include <stdint.h>

#include "sbuf.h"

/* The latency histograms' upper bounds, in milliseconds, and +Inf. */
#define EXPO_NBUCKETS	12
extern const uint64_t	expo_bucket_ms[EXPO_NBUCKETS - 1];

/* Which bucket a duration falls in (the last one is +Inf). */
int	expo_bucket_of(uint64_t);

/* "# HELP name text\n# TYPE name type\n"; text escaped as HELP wants. */
void	expo_head(struct sbuf *, const char *, const char *, const char *);

/* A label value, escaped (backslash, double quote, line feed). */
void	expo_label(struct sbuf *, const char *);

/* Milliseconds as seconds: "0.005", "2.5", "10". */
void	expo_seconds(struct sbuf *, uint64_t);

#endif

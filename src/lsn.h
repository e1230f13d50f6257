/*
 * lsn: PostgreSQL write-ahead log positions and a replica's lag, pure
 * (replica.c does the talking).
 */
#ifndef HANDOFF_LSN_H
#define HANDOFF_LSN_H

#include <stddef.h>
#include <stdint.h>

/* "16/B374D848": 17 characters and a NUL at most. */
#define LSN_LEN		24
/* The position every replica is behind: "route to the primary". */
#define LSN_MAX		UINT64_MAX

/* "X/Y" (hex, as pg_lsn prints) into *lsn: 0, or -1 when malformed. */
int		 lsn_parse(const char *, uint64_t *);
/* *lsn as "X/Y" into buf (LSN_LEN). */
void		 lsn_format(uint64_t, char *, size_t);

/*
 * The primary's position as seen at times (milliseconds), the last
 * LSN_SAMPLES of them, oldest first once full: how long ago the first
 * position the replica has not replayed was written is its lag.
 */
#define LSN_SAMPLES	32
struct lsn_samples {
	uint64_t	at_ms[LSN_SAMPLES];
	uint64_t	lsn[LSN_SAMPLES];
	size_t		next;		/* where the next one goes */
	size_t		count;
};

void		 lsn_sample(struct lsn_samples *, uint64_t at_ms, uint64_t);
/*
 * The lag in milliseconds at now_ms of a replica that has replayed up to
 * replayed: 0 when it has every sampled position, else the age of the
 * oldest sampled position beyond it (at least that of the oldest sample
 * when it has none of them).
 */
uint64_t	 lsn_lag_ms(const struct lsn_samples *, uint64_t now_ms,
		    uint64_t replayed);

#endif

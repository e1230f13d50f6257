/*
 * throttle: token buckets by client, in the memory of one process.
 *
 * A bucket holds up to `burst` tokens and gains `per_second` a second; an
 * attempt takes one, and a client whose bucket is empty is told how long
 * to wait.  The table has a fixed number of slots, so an address costs
 * nothing after it: a client's key is placed by a keyed hash (the key
 * drawn by the caller, so that nobody can aim an address at another's
 * slot) in one of two slots; when both are taken by others, the one that
 * has refilled the most is given up.  Forgetting a client that way only
 * ever gives it a full bucket again: a process-local first line, the exact
 * budgets being the database's (sql/api/60_accounts.sql).
 *
 * Pure: no Kore, no libpq.  Time is a parameter (seconds, any origin).
 */
#ifndef HANDOFF_THROTTLE_H
#define HANDOFF_THROTTLE_H

#include <stddef.h>
#include <stdint.h>

/* "address " and an IPv6 /64 or IPv4 address, with room to spare. */
#define THROTTLE_KEY_LEN	64

struct throttle_slot {
	char	key[THROTTLE_KEY_LEN];	/* "" when free */
	double	tokens;
	double	at;			/* when tokens was true */
};

struct throttle {
	struct throttle_slot	*slots;
	size_t			 nslots;
	double			 burst;
	double			 per_second;
	uint64_t		 seed[2];
};

/* nslots slots (a power of two); -1 when out of memory. */
int	throttle_init(struct throttle *, size_t, double, double,
	    const unsigned char [16]);
void	throttle_free(struct throttle *);

/*
 * Take a token for key at time now: 0 when there was one, else the whole
 * seconds (at least 1) until there will be, nothing taken.
 */
int	throttle_take(struct throttle *, const char *, double);

/*
 * The budget key of a client address as the server prints it
 * (inet_ntop): "address 192.0.2.7"; an IPv6 address by its /64, the
 * block one subscriber is given ("address 2001:db8:1:2::/64"), an
 * IPv4-mapped one as IPv4.  Anything else is kept as it is.
 */
void	throttle_client_key(const char *, char [THROTTLE_KEY_LEN]);

#endif

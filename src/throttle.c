/*
 * throttle: token buckets by client, in the memory of one process (see
 * throttle.h).
 */
#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "throttle.h"

#define ROTL(x, b)	(uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND							\
	do {								\
		v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0;			\
		v0 = ROTL(v0, 32);					\
		v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;			\
		v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;			\
		v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2;			\
		v2 = ROTL(v2, 32);					\
	} while (0)

/* SipHash-2-4 of a string under the table's key. */
static uint64_t
throttle_hash(const struct throttle *t, const char *s)
{
	uint64_t	v0 = 0x736f6d6570736575ULL ^ t->seed[0];
	uint64_t	v1 = 0x646f72616e646f6dULL ^ t->seed[1];
	uint64_t	v2 = 0x6c7967656e657261ULL ^ t->seed[0];
	uint64_t	v3 = 0x7465646279746573ULL ^ t->seed[1];
	size_t		len = strlen(s), i, j;
	uint64_t	m;

	for (i = 0; i + 8 <= len; i += 8) {
		m = 0;
		for (j = 0; j < 8; j++)
			m |= (uint64_t)(unsigned char)s[i + j] << (8 * j);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	m = (uint64_t)(len & 0xff) << 56;
	for (j = 0; i + j < len; j++)
		m |= (uint64_t)(unsigned char)s[i + j] << (8 * j);
	v3 ^= m;
	SIPROUND;
	SIPROUND;
	v0 ^= m;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return (v0 ^ v1 ^ v2 ^ v3);
}

int
throttle_init(struct throttle *t, size_t nslots, double burst,
    double per_second, const unsigned char seed[16])
{
	size_t	i;

	memset(t, 0, sizeof(*t));
	if (nslots < 2 || (nslots & (nslots - 1)) != 0)
		return (-1);
	if ((t->slots = calloc(nslots, sizeof(*t->slots))) == NULL)
		return (-1);
	t->nslots = nslots;
	t->burst = burst;
	t->per_second = per_second;
	for (i = 0; i < 8; i++) {
		t->seed[0] |= (uint64_t)seed[i] << (8 * i);
		t->seed[1] |= (uint64_t)seed[8 + i] << (8 * i);
	}
	return (0);
}

void
throttle_free(struct throttle *t)
{
	free(t->slots);
	t->slots = NULL;
	t->nslots = 0;
}

/* What slot s holds at time now. */
static double
throttle_level(const struct throttle *t, const struct throttle_slot *s,
    double now)
{
	double	elapsed = now > s->at ? now - s->at : 0;
	double	level;

	if (s->key[0] == '\0')
		return (t->burst);
	level = s->tokens + elapsed * t->per_second;
	return (level < t->burst ? level : t->burst);
}

int
throttle_take(struct throttle *t, const char *key, double now)
{
	struct throttle_slot	*s, *a, *b;
	uint64_t		 h;
	double			 have, wait;
	int			 secs;

	h = throttle_hash(t, key);
	a = &t->slots[h & (t->nslots - 1)];
	b = &t->slots[(h >> 32) & (t->nslots - 1)];
	if (strcmp(a->key, key) == 0)
		s = a;
	else if (strcmp(b->key, key) == 0)
		s = b;
	else {
		/* A newcomer: the slot that lost the least by forgetting. */
		s = throttle_level(t, a, now) >= throttle_level(t, b, now) ?
		    a : b;
		(void)snprintf(s->key, sizeof(s->key), "%s", key);
		s->tokens = t->burst;
		s->at = now;
	}

	have = throttle_level(t, s, now);
	s->at = now > s->at ? now : s->at;
	if (have >= 1) {
		s->tokens = have - 1;
		return (0);
	}
	s->tokens = have;
	if (t->per_second <= 0)
		return (3600);
	wait = (1 - have) / t->per_second;
	if (wait >= 86400)
		return (86400);
	secs = (int)wait;
	if (secs < wait)
		secs++;
	return (secs < 1 ? 1 : secs);
}

void
throttle_client_key(const char *address, char out[THROTTLE_KEY_LEN])
{
	struct in6_addr	a6;
	char		net[INET6_ADDRSTRLEN];

	if (inet_pton(AF_INET6, address, &a6) == 1) {
		if (IN6_IS_ADDR_V4MAPPED(&a6) &&
		    inet_ntop(AF_INET, &a6.s6_addr[12], net,
		    sizeof(net)) != NULL) {
			(void)snprintf(out, THROTTLE_KEY_LEN, "address %s",
			    net);
			return;
		}
		memset(&a6.s6_addr[8], 0, 8);
		if (inet_ntop(AF_INET6, &a6, net, sizeof(net)) != NULL) {
			(void)snprintf(out, THROTTLE_KEY_LEN,
			    "address %s/64", net);
			return;
		}
	}
	(void)snprintf(out, THROTTLE_KEY_LEN, "address %s", address);
}

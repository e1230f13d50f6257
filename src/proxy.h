/*
 * proxy: what a request says about itself when it comes through a proxy
 * we trust, and nothing when it does not.
 *
 * HANDOFF_TRUSTED_PROXIES lists the addresses of reverse proxies in front
 * of kore (nginx on the same host: "127.0.0.1,::1"); empty by default.  A
 * request from one of them may name its client (X-Forwarded-For: the
 * last hop that is not a trusted proxy, read from the right, is the
 * client) and its request id (X-Request-Id, kept when it is a sane token:
 * 1 to PROXY_ID_MAX of A-Z a-z 0-9 . _ : -).  From anyone else both
 * headers are ignored: the peer is the client, the id is ours.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_PROXY_H
#define HANDOFF_PROXY_H

#include <stddef.h>

#define PROXY_MAX	16	/* trusted addresses */
#define PROXY_ID_MAX	64	/* bytes of a request id we keep */
#define PROXY_ADDR_LEN	46	/* INET6_ADDRSTRLEN */

struct proxy_addr {
	int		family;		/* AF_INET, AF_INET6 */
	unsigned char	bytes[16];
};

struct proxy_list {
	struct proxy_addr	addr[PROXY_MAX];
	size_t			n;
};

/*
 * Parse a comma-separated list of IPv4 and IPv6 addresses (blanks around
 * them allowed).  Returns 0, or -1 when an entry is not an address or
 * there are more than PROXY_MAX (bad names the first bad entry, cut to
 * its size); the entries before it are kept either way.
 */
int	proxy_list_parse(const char *, struct proxy_list *, char *, size_t);
int	proxy_trusted(const struct proxy_list *, const char *);

/*
 * The client of a request from peer with X-Forwarded-For xff (NULL: none),
 * written to out: the peer when it is not trusted or sent no xff; else
 * the rightmost hop that is not trusted (a hop that is not an address
 * ends the walk: the hop after it is taken, which a trusted proxy added).
 * An IPv4-mapped IPv6 address is written as IPv4.
 */
void	proxy_client(const struct proxy_list *, const char *, const char *,
	    char [PROXY_ADDR_LEN]);

/* Is id a request id we may keep (see above)? */
int	proxy_request_id_ok(const char *);

/* Is addr (text) on the loopback: 127.0.0.0/8 or ::1 (or ::ffff:127.x)? */
int	proxy_is_loopback(const char *);

#endif

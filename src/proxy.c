/*
 * proxy: trusted proxies, X-Forwarded-For and X-Request-Id (proxy.h).
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdio.h>
#include <string.h>

#include "proxy.h"

/* Read text as an address; an IPv4-mapped IPv6 one becomes IPv4. */
static int
proxy_addr_parse(const char *text, size_t len, struct proxy_addr *a)
{
	static const unsigned char	mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0,
					    0, 0, 0xff, 0xff };
	char				buf[PROXY_ADDR_LEN];

	if (len == 0 || len >= sizeof(buf))
		return (-1);
	memcpy(buf, text, len);
	buf[len] = '\0';
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, buf, a->bytes) == 1) {
		a->family = AF_INET;
		return (0);
	}
	if (inet_pton(AF_INET6, buf, a->bytes) != 1)
		return (-1);
	a->family = AF_INET6;
	if (memcmp(a->bytes, mapped, sizeof(mapped)) == 0) {
		memmove(a->bytes, a->bytes + 12, 4);
		memset(a->bytes + 4, 0, 12);
		a->family = AF_INET;
	}
	return (0);
}

static int
proxy_addr_in(const struct proxy_list *l, const struct proxy_addr *a)
{
	size_t	i;

	for (i = 0; l != NULL && i < l->n; i++) {
		if (l->addr[i].family == a->family &&
		    memcmp(l->addr[i].bytes, a->bytes, 16) == 0)
			return (1);
	}
	return (0);
}

static void
proxy_addr_text(const struct proxy_addr *a, char out[PROXY_ADDR_LEN])
{
	if (inet_ntop(a->family, a->bytes, out, PROXY_ADDR_LEN) == NULL)
		(void)snprintf(out, PROXY_ADDR_LEN, "-");
}

/* [*start, *end) without the blanks around it. */
static void
proxy_trim(const char **start, const char **end)
{
	while (*start < *end && (**start == ' ' || **start == '\t'))
		(*start)++;
	while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
		(*end)--;
}

int
proxy_list_parse(const char *s, struct proxy_list *l, char *bad,
    size_t badsize)
{
	const char		*p, *e, *comma;
	struct proxy_addr	 a;

	memset(l, 0, sizeof(*l));
	if (badsize > 0)
		bad[0] = '\0';
	for (p = s; p != NULL && *p != '\0'; p = comma != NULL ?
	    comma + 1 : NULL) {
		comma = strchr(p, ',');
		e = comma != NULL ? comma : p + strlen(p);
		proxy_trim(&p, &e);
		if (p == e)
			continue;
		if (proxy_addr_parse(p, (size_t)(e - p), &a) == -1 ||
		    l->n == PROXY_MAX) {
			(void)snprintf(bad, badsize, "%.*s", (int)(e - p), p);
			return (-1);
		}
		l->addr[l->n++] = a;
	}
	return (0);
}

int
proxy_trusted(const struct proxy_list *l, const char *addr)
{
	struct proxy_addr	a;

	if (addr == NULL || proxy_addr_parse(addr, strlen(addr), &a) == -1)
		return (0);
	return (proxy_addr_in(l, &a));
}

void
proxy_client(const struct proxy_list *l, const char *peer, const char *xff,
    char out[PROXY_ADDR_LEN])
{
	struct proxy_addr	 a, hop;
	const char		*end, *start, *s, *e;

	if (peer == NULL || proxy_addr_parse(peer, strlen(peer), &a) == -1) {
		(void)snprintf(out, PROXY_ADDR_LEN, "%s",
		    peer != NULL && *peer != '\0' ? peer : "-");
		return;
	}
	/* From the right: each trusted hop may name the one before it. */
	if (xff != NULL && proxy_addr_in(l, &a)) {
		end = xff + strlen(xff);
		while (end > xff) {
			for (start = end; start > xff && start[-1] != ',';
			    start--)
				;
			s = start;
			e = end;
			proxy_trim(&s, &e);
			if (proxy_addr_parse(s, (size_t)(e - s), &hop) == -1)
				break;
			a = hop;
			if (!proxy_addr_in(l, &a))
				break;
			end = start > xff ? start - 1 : xff;
		}
	}
	proxy_addr_text(&a, out);
}

int
proxy_request_id_ok(const char *id)
{
	size_t	i;
	char	c;

	if (id == NULL)
		return (0);
	for (i = 0; id[i] != '\0'; i++) {
		if (i >= PROXY_ID_MAX)
			return (0);
		c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == ':' || c == '-'))
			return (0);
	}
	return (i > 0);
}

int
proxy_is_loopback(const char *addr)
{
	static const unsigned char	one[16] = { [15] = 1 };
	struct proxy_addr		a;

	if (addr == NULL || proxy_addr_parse(addr, strlen(addr), &a) == -1)
		return (0);
	if (a.family == AF_INET)
		return (a.bytes[0] == 127);
	return (memcmp(a.bytes, one, sizeof(one)) == 0);
}

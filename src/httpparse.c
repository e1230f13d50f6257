/*
 * httpparse: request header values (see httpparse.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "httpparse.h"

int
httpparse_if_match(const char *value, long long *version)
{
	const char	*p;
	char		*end;
	long long	 n;
	int		 weak;

	*version = HTTPPARSE_ANY;
	while (*value == ' ')
		value++;
	if (strcmp(value, "*") == 0)
		return (0);

	p = value;
	weak = strncmp(p, "W/", 2) == 0;
	if (weak)
		p += 2;

	/* A digit first: strtoll() would also take spaces and signs. */
	if (*p != '"' || p[1] < '0' || p[1] > '9')
		return (-1);
	errno = 0;
	n = strtoll(p + 1, &end, 10);
	if (errno != 0 || end[0] != '"' || end[1] != '\0' || n < 0 ||
	    n > INT32_MAX)
		return (-1);

	*version = weak ? HTTPPARSE_WEAK : n;
	return (0);
}

int
httpparse_is_json_type(const char *type)
{
	const char	*p;

	if (strncasecmp(type, "application/json", 16) != 0)
		return (0);
	p = type + 16;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return (1);
	if (*p++ != ';')
		return (0);
	while (*p == ' ')
		p++;
	return (strcasecmp(p, "charset=utf-8") == 0);
}

int
httpparse_etag_match(const char *list, const char *etag)
{
	const char	*p, *q;
	size_t		 n;

	n = strlen(etag);
	p = list;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '*')
			return (p[1] == '\0' || p[1] == ' ' || p[1] == ',');
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"' || (q = strchr(p + 1, '"')) == NULL)
			return (0);
		if ((size_t)(q + 1 - p) == n && strncmp(p, etag, n) == 0)
			return (1);
		p = q + 1;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return (0);
		if (*p++ != ',')
			return (0);
	}
}

int
httpparse_same_site(const char *fetch_site, const char *origin,
    const char *host)
{
	const char	*p;

	if (fetch_site != NULL)
		return (strcmp(fetch_site, "same-origin") == 0 ||
		    strcmp(fetch_site, "none") == 0);
	if (origin == NULL)
		return (1);
	if (host == NULL || (p = strstr(origin, "://")) == NULL ||
	    p == origin)
		return (0);
	p += 3;
	return (*p != '\0' && strcasecmp(p, host) == 0);
}

int
httpparse_idem_key_ok(const char *key)
{
	size_t	i;
	int	blank;

	if (key == NULL)
		return (0);
	blank = 1;
	for (i = 0; key[i] != '\0'; i++) {
		if (i >= HTTPPARSE_IDEM_MAX || key[i] < ' ' || key[i] > '~')
			return (0);
		if (key[i] != ' ')
			blank = 0;
	}
	return (i > 0 && !blank);
}

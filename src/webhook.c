/*
 * webhook: URLs and addresses a sender may use, the Standard Webhooks
 * signature and the chat text of an event (see webhook.h).
 */
#include <arpa/inet.h>
#include <netinet/in.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "render.h"
#include "sbuf.h"
#include "webhook.h"

#define WEBHOOK_KEY_MAX		128	/* bytes of a decoded secret */

static void
why_set(char *why, size_t len, const char *msg)
{
	if (why != NULL && len > 0)
		(void)snprintf(why, len, "%s", msg);
}

/* 0 public, 1 loopback, 2 another internal network (IPv4, host order). */
static int
v4_class(uint32_t a)
{
	if ((a >> 24) == 127)
		return (1);
	if ((a >> 24) == 0 || (a >> 24) == 10 ||	/* this net, private */
	    (a & 0xffc00000) == 0x64400000 ||		/* 100.64/10 CGNAT */
	    (a & 0xffff0000) == 0xa9fe0000 ||		/* 169.254/16 */
	    (a & 0xfff00000) == 0xac100000 ||		/* 172.16/12 */
	    (a & 0xffffff00) == 0xc0000000 ||		/* 192.0.0/24 */
	    (a & 0xffffff00) == 0xc0000200 ||		/* TEST-NET-1 */
	    (a & 0xffff0000) == 0xc0a80000 ||		/* 192.168/16 */
	    (a & 0xfffe0000) == 0xc6120000 ||		/* 198.18/15 */
	    (a & 0xffffff00) == 0xc6336400 ||		/* TEST-NET-2 */
	    (a & 0xffffff00) == 0xcb007100 ||		/* TEST-NET-3 */
	    (a >> 28) >= 14)				/* multicast, 240/4 */
		return (2);
	return (0);
}

static int
v6_class(const struct in6_addr *a)
{
	const uint8_t	*b = a->s6_addr;
	static const uint8_t	mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };
	static const uint8_t	nat64[12] = { 0, 0x64, 0xff, 0x9b };
	static const uint8_t	zero[15];
	uint32_t		 v4;

	if (memcmp(b, zero, 15) == 0)
		return (b[15] == 1 ? 1 : 2);		/* ::1, :: */
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0 ||
	    memcmp(b, zero, 12) == 0) {			/* embedded IPv4 */
		v4 = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 |
		    (uint32_t)b[14] << 8 | b[15];
		return (v4_class(v4));
	}
	if ((b[0] & 0xfe) == 0xfc || b[0] == 0xff ||	/* ULA, multicast */
	    (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) ||	/* link-local */
	    (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) ||	/* site-local */
	    (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8))
		return (2);
	return (0);
}

/* The class of an address (0 public, 1 loopback, 2 internal). */
static int
addr_class(const struct sockaddr *sa)
{
	const struct sockaddr_in	*in;
	const struct sockaddr_in6	*in6;

	if (sa == NULL)
		return (2);
	switch (sa->sa_family) {
	case AF_INET:
		in = (const struct sockaddr_in *)(const void *)sa;
		return (v4_class(ntohl(in->sin_addr.s_addr)));
	case AF_INET6:
		in6 = (const struct sockaddr_in6 *)(const void *)sa;
		return (v6_class(&in6->sin6_addr));
	default:
		return (2);
	}
}

int
webhook_addr_internal(const struct sockaddr *sa)
{
	return (addr_class(sa));
}

/*
 * The class of a host as a URL names it: an address in any form the
 * resolver takes (inet_aton reads "2852039166" and "0x7f.1" too), the
 * name localhost, or -1 for a name to be resolved when sending.
 */
static int
host_class(const char *host)
{
	struct in_addr		a4;
	struct sockaddr_in6	s6;
	size_t			n;
	char			buf[64];

	n = strlen(host);
	if (n > 2 && host[0] == '[' && host[n - 1] == ']') {
		if (n - 2 >= sizeof(buf))
			return (2);
		memcpy(buf, host + 1, n - 2);
		buf[n - 2] = '\0';
		memset(&s6, 0, sizeof(s6));
		if (inet_pton(AF_INET6, buf, &s6.sin6_addr) != 1)
			return (2);
		return (v6_class(&s6.sin6_addr));
	}
	if (inet_aton(host, &a4) != 0)
		return (v4_class(ntohl(a4.s_addr)));
	if (strcasecmp(host, "localhost") == 0 ||
	    (n > 10 && strcasecmp(host + n - 10, ".localhost") == 0))
		return (1);
	return (-1);
}

int
webhook_url_check(const char *url, int allow_loopback, char *why,
    size_t len)
{
	const char	*p, *end;
	char		 host[256];
	size_t		 n, i;
	int		 https, cls;

	if (url == NULL || strlen(url) > WEBHOOK_URL_MAX) {
		why_set(why, len, "url must be at most 2000 characters");
		return (-1);
	}
	for (p = url; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f) {
			why_set(why, len, "url must not hold spaces, control "
			    "or non-ASCII characters");
			return (-1);
		}
	}
	if (strncasecmp(url, "https://", 8) == 0) {
		https = 1;
		p = url + 8;
	} else if (strncasecmp(url, "http://", 7) == 0) {
		https = 0;
		p = url + 7;
	} else {
		why_set(why, len, "url must start with https://");
		return (-1);
	}
	end = p + strcspn(p, "/?#");
	if (memchr(p, '@', (size_t)(end - p)) != NULL) {
		why_set(why, len, "url must not carry a user name or password");
		return (-1);
	}
	/* The host, without the port. */
	if (*p == '[') {
		n = strcspn(p, "]");
		if (p + n >= end) {
			why_set(why, len, "url has a malformed host");
			return (-1);
		}
		n++;
	} else
		n = strcspn(p, ":/?#");
	if (n == 0 || n >= sizeof(host)) {
		why_set(why, len, "url must name a host");
		return (-1);
	}
	memcpy(host, p, n);
	host[n] = '\0';
	if (host[0] != '[') {
		for (i = 0; i < n; i++) {
			if (!isalnum((unsigned char)host[i]) &&
			    host[i] != '.' && host[i] != '-') {
				why_set(why, len, "url has a malformed host");
				return (-1);
			}
		}
	}
	p += n;
	if (*p == ':') {
		for (p++, n = 0; isdigit((unsigned char)p[n]); n++)
			;
		if (n == 0 || n > 5 || atoi(p) == 0 || atoi(p) > 65535 ||
		    p + n != end) {
			why_set(why, len, "url has a malformed port");
			return (-1);
		}
	} else if (p != end) {
		why_set(why, len, "url has a malformed host");
		return (-1);
	}

	cls = host_class(host);
	if (cls == 2) {
		why_set(why, len, "url must not point into a private, "
		    "link-local or other internal network");
		return (-1);
	}
	if (cls == 1 && !allow_loopback) {
		why_set(why, len, "url must not point at the loopback (an "
		    "admin may allow it for tests: outbox_allow_loopback)");
		return (-1);
	}
	if (!https && cls != 1) {
		why_set(why, len, "url must start with https:// (http only "
		    "to the loopback, when allowed)");
		return (-1);
	}
	return (0);
}

void
webhook_secret_new(char out[WEBHOOK_SECRET_LEN])
{
	unsigned char	key[32];

	randombytes_buf(key, sizeof(key));
	memcpy(out, "whsec_", 6);
	(void)sodium_bin2base64(out + 6, WEBHOOK_SECRET_LEN - 6, key,
	    sizeof(key), sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(key, sizeof(key));
}

int
webhook_sign(const char *secret, const char *id, long long ts,
    const char *body, size_t len, char out[WEBHOOK_SIGNATURE_LEN])
{
	crypto_auth_hmacsha256_state	st;
	unsigned char			key[WEBHOOK_KEY_MAX];
	unsigned char			mac[crypto_auth_hmacsha256_BYTES];
	char				stamp[32];
	size_t				klen;
	int				rc = -1;

	if (secret == NULL || strncmp(secret, "whsec_", 6) != 0 ||
	    sodium_base642bin(key, sizeof(key), secret + 6,
	    strlen(secret + 6), NULL, &klen, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || klen == 0)
		goto out;
	(void)snprintf(stamp, sizeof(stamp), ".%lld.", ts);
	if (crypto_auth_hmacsha256_init(&st, key, klen) != 0 ||
	    crypto_auth_hmacsha256_update(&st, (const unsigned char *)id,
	    strlen(id)) != 0 ||
	    crypto_auth_hmacsha256_update(&st, (const unsigned char *)stamp,
	    strlen(stamp)) != 0 ||
	    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body,
	    len) != 0 ||
	    crypto_auth_hmacsha256_final(&st, mac) != 0)
		goto out;
	memcpy(out, "v1,", 3);
	(void)sodium_bin2base64(out + 3, WEBHOOK_SIGNATURE_LEN - 3, mac,
	    sizeof(mac), sodium_base64_VARIANT_ORIGINAL);
	rc = 0;
out:
	sodium_memzero(key, sizeof(key));
	sodium_memzero(&st, sizeof(st));
	return (rc);
}

static const char *
str_at(const json_t *o, const char *a, const char *b)
{
	const json_t	*v = json_object_get(o, a);

	if (b != NULL)
		v = json_object_get(v, b);
	return (json_string_value(v));
}

/* "empty_owner" as "empty owner". */
static void
chat_key(struct sbuf *b, const char *key)
{
	for (; key != NULL && *key != '\0'; key++)
		sbuf_char(b, *key == '_' ? ' ' : *key);
}

char *
webhook_chat_text(const json_t *payload, const char *base)
{
	struct sbuf	 b;
	const json_t	*data = json_object_get(payload, "data");
	const char	*type = str_at(payload, "type", NULL);
	const char	*name;
	char		 url[64];
	json_int_t	 project;

	if (type == NULL)
		return (NULL);
	sbuf_init(&b);
	/* The weekly job writes the digest's text as it is to be read. */
	if (strcmp(type, "digest.weekly") == 0) {
		if (str_at(data, "chat", NULL) == NULL) {
			sbuf_free(&b);
			return (NULL);
		}
		sbuf_str(&b, str_at(data, "chat", NULL));
		goto out;
	}
	project = json_integer_value(json_object_get(json_object_get(data,
	    "project"), "id"));
	name = str_at(data, "project", "name");
	(void)snprintf(url, sizeof(url), "/projects/%lld", (long long)project);
	if (strncmp(type, "risk.", 5) == 0) {
		if (strcmp(type, "risk.opened") == 0)
			sbuf_str(&b, "New ");
		else if (strcmp(type, "risk.resolved") == 0)
			sbuf_str(&b, "Resolved ");
		else
			sbuf_str(&b, "Changed ");
		render_chat_text(&b, str_at(data, "risk", "severity"));
		sbuf_str(&b, " risk");
		if (str_at(data, "risk", "previous_severity") != NULL) {
			sbuf_str(&b, " (was ");
			render_chat_text(&b, str_at(data, "risk",
			    "previous_severity"));
			sbuf_str(&b, ")");
		}
		sbuf_str(&b, ": ");
		chat_key(&b, str_at(data, "risk", "kind"));
		sbuf_str(&b, ", ");
		render_chat_text(&b, str_at(data, "risk", "subject"));
	} else {
		render_chat_text(&b, type);
		if (str_at(data, "action", NULL) != NULL) {
			sbuf_str(&b, " (");
			chat_key(&b, str_at(data, "action", NULL));
			sbuf_str(&b, ")");
		}
	}
	if (name != NULL) {
		sbuf_str(&b, " \u00b7 ");
		render_chat_link(&b, base, name, url);
	} else if (str_at(data, "person", "name") != NULL) {
		sbuf_str(&b, " \u00b7 ");
		render_chat_text(&b, str_at(data, "person", "name"));
	}
out:
	if (sbuf_failed(&b)) {
		sbuf_free(&b);
		return (NULL);
	}
	return (sbuf_steal(&b, NULL));
}

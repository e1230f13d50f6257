/*
 * mail: the outbox's email channel, SMTP through libcurl (mail.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "handoff.h"
#include "mail.h"
#include "render_mail.h"

#define MAIL_TIMEOUT_MS		30000
#define MAIL_CONNECT_MS		5000

/* The message and how much of it libcurl has read; kept in m->body. */
struct mail_upload {
	size_t	off;
	size_t	len;
	char	data[];
};

static const char	*env_or(const char *, const char *);
static int		 loopback_host(const char *);
static size_t		 mail_read(char *, size_t, size_t, void *);

static const char *
env_or(const char *name, const char *def)
{
	const char	*s = getenv(name);

	return (s != NULL && *s != '\0' ? s : def);
}

/* Only a server on this host may be spoken to in the clear. */
static int
loopback_host(const char *host)
{
	return (strcmp(host, "localhost") == 0 ||
	    strncmp(host, "127.", 4) == 0 || strcmp(host, "::1") == 0 ||
	    strcmp(host, "[::1]") == 0);
}

static size_t
mail_read(char *buf, size_t size, size_t n, void *arg)
{
	struct mail_upload	*u = arg;
	size_t			 want = size * n;

	if (want > u->len - u->off)
		want = u->len - u->off;
	memcpy(buf, u->data + u->off, want);
	u->off += want;
	return (want);
}

int
mail_prepare(struct outbox_msg *m, const json_t *it)
{
	const json_t		*pl = json_object_get(it, "payload");
	const char		*host, *security, *port, *from, *to, *id;
	const char		*user, *scheme, *at;
	struct mail_msg		 msg;
	struct mail_upload	*u;
	struct sbuf		 b;
	char			 url[300], addr[300], boundary[80];
	char			 message_id[200];
	long			 ssl;

	host = env_or("HANDOFF_SMTP_HOST", NULL);
	from = env_or("HANDOFF_MAIL_FROM", NULL);
	if (host == NULL || from == NULL)
		return (outbox_fail(m, "email is not configured "
		    "(HANDOFF_SMTP_HOST, HANDOFF_MAIL_FROM)"));
	security = env_or("HANDOFF_SMTP_SECURITY", "starttls");
	if (strcmp(security, "tls") == 0) {
		scheme = "smtps";
		port = env_or("HANDOFF_SMTP_PORT", "465");
		ssl = CURLUSESSL_ALL;
	} else if (strcmp(security, "starttls") == 0) {
		scheme = "smtp";
		port = env_or("HANDOFF_SMTP_PORT", "587");
		ssl = CURLUSESSL_ALL;
	} else if (strcmp(security, "none") == 0 && loopback_host(host)) {
		scheme = "smtp";
		port = env_or("HANDOFF_SMTP_PORT", "25");
		ssl = CURLUSESSL_NONE;
	} else
		return (outbox_fail(m, "HANDOFF_SMTP_SECURITY must be "
		    "starttls, tls, or none with a loopback host"));

	to = json_string_value(json_object_get(it, "recipient"));
	id = json_string_value(json_object_get(it, "msg_id"));
	if (to == NULL || id == NULL || !json_is_object(pl))
		return (outbox_fail(m, "the message is malformed"));

	at = strchr(from, '@');
	(void)snprintf(message_id, sizeof(message_id), "%s@%s", id,
	    at != NULL ? at + 1 : "handoff");
	(void)snprintf(boundary, sizeof(boundary), "=_%s", id);

	memset(&msg, 0, sizeof(msg));
	msg.from_name = env_or("HANDOFF_MAIL_FROM_NAME", "handoff");
	msg.from_addr = from;
	msg.to_name = json_string_value(json_object_get(pl, "to_name"));
	msg.to_addr = to;
	msg.subject = json_string_value(json_object_get(pl, "subject"));
	msg.date = time(NULL);
	msg.message_id = message_id;
	msg.boundary = boundary;
	msg.unsubscribe = json_string_value(json_object_get(pl,
	    "unsubscribe"));
	msg.text = json_string_value(json_object_get(pl, "text"));
	msg.html = json_string_value(json_object_get(pl, "html"));
	if (msg.subject == NULL || msg.text == NULL)
		return (outbox_fail(m, "the message has no subject or text"));

	sbuf_init(&b);
	if (mail_render(&b, &msg) == -1) {
		sbuf_free(&b);
		return (outbox_fail(m, "an address, the message id or the "
		    "unsubscribe link cannot be written in a header"));
	}
	if (sbuf_failed(&b) ||
	    (u = malloc(sizeof(*u) + b.len)) == NULL) {
		sbuf_free(&b);
		return (outbox_fail(m, "out of memory"));
	}
	u->off = 0;
	u->len = b.len;
	memcpy(u->data, b.data, b.len);
	sbuf_free(&b);
	/* The runner frees m->body. */
	m->body = (char *)u;

	/* The operator's own server: any address it has is allowed. */
	m->any_address = 1;
	(void)snprintf(url, sizeof(url), "%s://%s:%s", scheme, host, port);
	(void)snprintf(addr, sizeof(addr), "<%s>", to);
	m->headers = curl_slist_append(m->headers, addr);
	if (m->headers == NULL)
		return (outbox_fail(m, "out of memory"));
	(void)snprintf(addr, sizeof(addr), "<%s>", from);
	if (curl_easy_setopt(m->easy, CURLOPT_URL, url) != CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_PROTOCOLS_STR, scheme) !=
	    CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_USE_SSL, ssl) != CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_MAIL_FROM, addr) != CURLE_OK ||
	    curl_easy_setopt(m->easy, CURLOPT_MAIL_RCPT, m->headers) !=
	    CURLE_OK)
		return (outbox_fail(m, "cannot set up the message"));
	user = env_or("HANDOFF_SMTP_USER", NULL);
	if (user != NULL) {
		curl_easy_setopt(m->easy, CURLOPT_USERNAME, user);
		curl_easy_setopt(m->easy, CURLOPT_PASSWORD,
		    env_or("HANDOFF_SMTP_PASSWORD", ""));
	}
	curl_easy_setopt(m->easy, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(m->easy, CURLOPT_READFUNCTION, mail_read);
	curl_easy_setopt(m->easy, CURLOPT_READDATA, u);
	curl_easy_setopt(m->easy, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)u->len);
	outbox_curl_defaults(m, MAIL_TIMEOUT_MS, MAIL_CONNECT_MS);
	return (0);
}

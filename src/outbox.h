/*
 * outbox: the senders of the outbox's channels (outbox.c).
 *
 * The runner takes due rows of the outbox (api.outbox_claim), hands each
 * to the sender of its channel, drives every transfer with libcurl's
 * multi interface from a Kore timer (never blocking the worker) and
 * gives the outcomes back (api.outbox_done), which schedules the retries
 * and the dead letters.
 *
 * A new channel plugs in with three things: its name in the check of
 * outbox.channel (a migration), a sender in outbox.c's table of senders,
 * and the SQL that writes its rows.  A sender's prepare() sets up the
 * transfer of one row on m->easy (URL, body, headers in m->headers, which
 * the runner frees; memory it allocates goes in m->body, freed too) or
 * says why it cannot with outbox_fail(); judge() says whether a finished
 * transfer delivered the row (NULL: an HTTP 2xx answer did).
 */
#ifndef HANDOFF_OUTBOX_H
#define HANDOFF_OUTBOX_H

#include <curl/curl.h>
#include <jansson.h>

struct outbox_msg {
	long long		 id;
	CURL			*easy;
	struct curl_slist	*headers;
	char			*body;
	int			 allow_loopback;	/* the admin setting */
	/* The sender's own server (SMTP, configured by the operator):
	 * any address may be connected to. */
	int			 any_address;
	int			 refused;	/* an address was refused */
	int			 done;
	int			 ok;
	char			 error[256];
	char			 curl_error[CURL_ERROR_SIZE];
};

struct outbox_sender {
	const char	*channel;
	int		(*prepare)(struct outbox_msg *, const json_t *);
	int		(*judge)(struct outbox_msg *, CURLcode, long);
};

/* Common set-up of an HTTP POST of body (kept in m->body) to url. */
int	outbox_http_post(struct outbox_msg *, const char *, char *,
	    const char *);
/* The row is not sent: why (printf-like), -1 to return from prepare. */
void	outbox_curl_defaults(struct outbox_msg *, long, long);
int	outbox_fail(struct outbox_msg *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

/*
 * webhook: what the outbox's HTTP senders decide without the network.
 *
 *  - Which URLs an endpoint may have: https, or http to the loopback when
 *    the admin setting outbox_allow_private is on (tests, development);
 *    never a user name or password in it, never a host that is an
 *    address of a private, loopback, link-local or otherwise internal
 *    network unless that setting is on.
 *  - Which addresses a sender may connect to (every address the host
 *    resolves to is checked at send time, as the connection is opened:
 *    outbox.c), by the same rule.
 *  - The Standard Webhooks signature: webhook-signature is "v1," and the
 *    base64 of HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>"
 *    with the key that the secret "whsec_<base64>" carries.
 *  - The text of a chat message (Slack's incoming webhooks, and
 *    Mattermost's and Rocket.Chat's, take {"text": ...}) for an event.
 *
 * Pure: libsodium and jansson, but no Kore and no libpq.
 */
#ifndef HANDOFF_WEBHOOK_H
#define HANDOFF_WEBHOOK_H

#include <stddef.h>
#include <sys/socket.h>

#include <jansson.h>

#define WEBHOOK_SECRET_LEN	64	/* "whsec_" + base64 of 32 bytes */
#define WEBHOOK_SIGNATURE_LEN	64	/* "v1," + base64 of 32 bytes */
#define WEBHOOK_URL_MAX		2000

/* 0, or -1 and why (a sentence for the API's 400) in why. */
int	webhook_url_check(const char *, int, char *, size_t);
/* 1 when a sender must not connect to this address (unless allowed). */
int	webhook_addr_internal(const struct sockaddr *);
/* A new secret, "whsec_" and the base64 of 32 random bytes. */
void	webhook_secret_new(char [WEBHOOK_SECRET_LEN]);
/* 0, or -1 when the secret is not "whsec_<base64>". */
int	webhook_sign(const char *, const char *, long long, const char *,
	    size_t, char [WEBHOOK_SIGNATURE_LEN]);
/* The chat message's text for an outbox payload (free it), or NULL. */
char	*webhook_chat_text(const json_t *, const char *);

#endif

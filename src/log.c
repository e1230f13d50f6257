/*
 * log: one line per security-relevant event.
 *
 *   2026-11-23T09:14:02Z event=login_failed user="ana@example.com"
 *       addr=127.0.0.1 route="POST /login" req=5f2a-1c detail="..."
 *
 * Sign-ins (success and failure), refused access and refused input each
 * get one line with the time, the user, the client address, the route and
 * the request id (also sent to the client as X-Request-Id).  Values are
 * quoted with control characters, quotes and backslashes escaped, so a
 * request can never forge a second line.  Passwords, tokens and session
 * ids are never passed here.
 */
#include <stdarg.h>
#include <time.h>

#include <sodium.h>

#include "handoff.h"

/* Escape a value for a quoted log field. */
static void
log_quote(struct sbuf *b, const char *s)
{
	const unsigned char	*p;

	sbuf_char(b, '"');
	for (p = (const unsigned char *)(s != NULL ? s : ""); *p != '\0';
	    p++) {
		if (*p < 0x20 || *p == 0x7f)
			sbuf_printf(b, "\\x%02x", *p);
		else if (*p == '"' || *p == '\\')
			sbuf_printf(b, "\\%c", *p);
		else
			sbuf_char(b, (char)*p);
	}
	sbuf_char(b, '"');
}

/*
 * A short id for this request, the same in the log and in X-Request-Id,
 * however often it is asked for: a keyed hash (SipHash, libsodium) of the
 * request's address and start time under a key drawn when the worker
 * starts, so it needs no state and gives away nothing of the process.
 */
void
log_request_id(struct http_request *req, char id[LOG_ID_LEN])
{
	static unsigned char	key[crypto_shorthash_KEYBYTES];
	static int		have_key;
	unsigned char		in[sizeof(uintptr_t) + sizeof(u_int64_t)];
	unsigned char		out[crypto_shorthash_BYTES];
	uintptr_t		addr = (uintptr_t)req;

	if (!have_key) {
		randombytes_buf(key, sizeof(key));
		have_key = 1;
	}
	memcpy(in, &addr, sizeof(addr));
	memcpy(in + sizeof(addr), &req->start, sizeof(req->start));
	(void)crypto_shorthash(out, in, sizeof(in), key);
	(void)snprintf(id, LOG_ID_LEN, "%02x%02x%02x%02x-%02x%02x%02x%02x",
	    out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7]);
}

/*
 * Drawn when the module is loaded, in the parent before the workers fork,
 * so that every worker hashes a name the same way for the server's life.
 */
static unsigned char	log_user_key[crypto_shorthash_KEYBYTES];

static void	log_user_key_init(void) __attribute__((constructor));

static void
log_user_key_init(void)
{
	randombytes_buf(log_user_key, sizeof(log_user_key));
}

/*
 * What a failed sign-in logs as its user: the email as typed when it is an
 * email address, else (a password typed in the wrong field, most likely)
 * only a keyed hash of it, "unverified:<16 hex>", the same for the same
 * text while the server runs, so repeated attempts still show.
 */
void
log_user_unverified(const char *typed, char out[LOG_USER_LEN])
{
	unsigned char	h[crypto_shorthash_BYTES];

	if (typed != NULL && validate_email(typed) &&
	    strlen(typed) < LOG_USER_LEN) {
		(void)snprintf(out, LOG_USER_LEN, "%s", typed);
		return;
	}
	if (typed == NULL)
		typed = "";
	(void)crypto_shorthash(h, (const unsigned char *)typed, strlen(typed),
	    log_user_key);
	(void)snprintf(out, LOG_USER_LEN, "unverified:%02x%02x%02x%02x"
	    "%02x%02x%02x%02x", h[0], h[1], h[2], h[3], h[4], h[5], h[6],
	    h[7]);
}

void
log_event(struct http_request *req, const char *user, const char *event,
    const char *fmt, ...)
{
	struct sbuf	 b, detail, route;
	char		 when[32], addr[64], id[LOG_ID_LEN];
	time_t		 now;
	struct tm	 tm;
	va_list		 ap;

	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(when, sizeof(when), "?");

	sbuf_init(&detail);
	va_start(ap, fmt);
	sbuf_vprintf(&detail, fmt, ap);
	va_end(ap);

	req_address(req, addr, sizeof(addr));
	log_request_id(req, id);
	sbuf_init(&route);
	sbuf_printf(&route, "%s %s", http_method_text(req->method), req->path);

	sbuf_init(&b);
	sbuf_printf(&b, "%s event=%s user=", when, event);
	log_quote(&b, user != NULL ? user : "-");
	sbuf_printf(&b, " addr=%s route=", addr[0] != '\0' ? addr : "-");
	log_quote(&b, sbuf_cstr(&route));
	sbuf_printf(&b, " req=%s detail=", id);
	log_quote(&b, sbuf_cstr(&detail));

	kore_log(LOG_NOTICE, "%s", sbuf_cstr(&b));
	sbuf_free(&b);
	sbuf_free(&route);
	sbuf_free(&detail);
}

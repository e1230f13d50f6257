/*
 * log: one line per request, and one per security-relevant event.
 *
 *   2026-11-23T09:14:02Z event=request req=5f2a1c0e-9b3d4a77 method=GET
 *       route="/api/v1/projects/#project" status=200 duration=0.012
 *       bytes=1834 user=4 addr=127.0.0.1
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
 * A request's id, the same in the log and in X-Request-Id: 64 random bits,
 * drawn on the request's first step (log_request_begin(), called by the
 * route dispatcher), so it gives away nothing of the process and two
 * requests never share one by the reuse of Kore's pooled request objects.
 * A request that waits for the database keeps its id in its pipeline
 * state (pipe.c); one answered in a single step finds it here.
 */
static struct http_request	*cur_req;
static char			 cur_id[LOG_ID_LEN];

static void
log_new_id(char id[LOG_ID_LEN])
{
	unsigned char	r[8];

	randombytes_buf(r, sizeof(r));
	(void)snprintf(id, LOG_ID_LEN, "%02x%02x%02x%02x-%02x%02x%02x%02x",
	    r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
}

static const struct req_state *
log_state(struct http_request *req)
{
	const struct req_state	*rs = req->hdlr_extra;

	if (rs == NULL || rs->magic != REQ_STATE_MAGIC || rs->id[0] == '\0')
		return (NULL);
	return (rs);
}

/*
 * A trusted proxy (proxy.h) may name the request: its X-Request-Id is
 * kept when it is a sane token, so that the proxy's log and ours agree.
 */
void
log_request_begin(struct http_request *req)
{
	const char	*given;

	if (log_state(req) != NULL)
		return;
	cur_req = req;
	if (req_from_proxy(req) &&
	    http_request_header(req, "x-request-id", &given) &&
	    proxy_request_id_ok(given)) {
		(void)snprintf(cur_id, sizeof(cur_id), "%s", given);
		return;
	}
	log_new_id(cur_id);
}

void
log_request_id(struct http_request *req, char id[LOG_ID_LEN])
{
	const struct req_state	*rs;

	if ((rs = log_state(req)) != NULL) {
		(void)snprintf(id, LOG_ID_LEN, "%s", rs->id);
		return;
	}
	if (cur_req != req)
		log_request_begin(req);
	(void)snprintf(id, LOG_ID_LEN, "%s", cur_id);
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

/*
 * The line of a request, when its response leaves (reply_send()): the
 * route's pattern (src/routes.c; "(none)" when no route matched), never
 * the path or the query, which may carry anything; the bytes of the body;
 * who asked when a statement said so.
 */
void
log_request(struct http_request *req, int status, size_t bytes,
    uint64_t ms)
{
	const struct principal	*who;
	const struct route	*r;
	struct sbuf		 b;
	char			 when[32], addr[PROXY_ADDR_LEN];
	char			 id[LOG_ID_LEN];
	time_t			 now;
	struct tm		 tm;

	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(when, sizeof(when), "?");
	log_request_id(req, id);
	req_address(req, addr, sizeof(addr));
	r = route_at(route_index(req));
	who = req_who(req);

	sbuf_init(&b);
	sbuf_printf(&b, "%s event=request req=%s method=%s route=", when, id,
	    http_method_text(req->method));
	log_quote(&b, r != NULL ? r->pattern : "(none)");
	sbuf_printf(&b, " status=%d duration=%llu.%03llu bytes=%zu", status,
	    (unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000),
	    bytes);
	if (who != NULL)
		sbuf_printf(&b, " user=%lld", who->user_id);
	else
		sbuf_str(&b, " user=-");
	sbuf_printf(&b, " addr=%s", addr[0] != '\0' ? addr : "-");
	kore_log(LOG_NOTICE, "%s", sbuf_cstr(&b));
	sbuf_free(&b);
}

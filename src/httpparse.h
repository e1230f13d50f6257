/*
 * httpparse: request header values, read without Kore.
 *
 * The syntax of the headers the application interprets itself lives here,
 * apart from the request, so that it can be unit tested and fuzzed on
 * plain malloc; request.c fetches the header and replies on an error.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_HTTPPARSE_H
#define HANDOFF_HTTPPARSE_H

/* What httpparse_if_match() stores besides a version number. */
#define HTTPPARSE_ANY	-1	/* "*": any version will do */
#define HTTPPARSE_WEAK	-2	/* W/"N": never matches (we compare strongly) */

/*
 * An If-Match value (not NULL): after leading spaces, "*" or one entity
 * tag "N" or W/"N", N a decimal number up to INT32_MAX.  0 with *version
 * set to N, HTTPPARSE_ANY or HTTPPARSE_WEAK; -1 when malformed (*version is
 * then HTTPPARSE_ANY).
 */
int	httpparse_if_match(const char *, long long *);

/* 1 if a Content-Type is "application/json", optionally with
 * "; charset=utf-8" (case-insensitive); else 0. */
int	httpparse_is_json_type(const char *);

/*
 * 1 if an If-None-Match value (a list of entity tags, or "*") names the
 * strong tag etag ("\"N\""), compared weakly as RFC 9110 says: W/"N"
 * matches "N" too.  0 otherwise, a malformed list included.
 */
int	httpparse_etag_match(const char *, const char *);

/*
 * Could a request with these headers (each NULL when absent) have been
 * sent by a page of this site?  1 yes, 0 no.  Sec-Fetch-Site, which
 * browsers set themselves, must be "same-origin" or "none" (typed, a
 * bookmark).  A browser without it sends Origin on a POST: its host and
 * port must be Host's ("null", which a sandboxed or privacy-minded page
 * sends, never is).  With neither, the client is not a browser, which no
 * other site can make send anything.
 */
int	httpparse_same_site(const char *, const char *, const char *);

/*
 * An Idempotency-Key value (or a form's "_idem"): 1 to
 * HTTPPARSE_IDEM_MAX printable ASCII characters (space to tilde), not
 * all blank.  1 if it is one, else 0 (NULL included).
 */
#define HTTPPARSE_IDEM_MAX	255
int	httpparse_idem_key_ok(const char *);

#endif

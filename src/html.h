/*
 * html: escaping by construction.
 *
 * Every dynamic value reaches HTML through html_escape() or through a %s of
 * html_printf(), whose format string is trusted markup and whose string
 * arguments are always escaped.  There is no raw insertion of strings; a
 * page is built by appending trusted markup and escaped values in order.
 *
 * The escape covers & < > " ' so the same output is safe in element text and
 * in double- or single-quoted attribute values; a control character other
 * than tab, newline and carriage return becomes U+FFFD.  URLs from users go
 * through html_url_ok() before they become an href.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_HTML_H
#define HANDOFF_HTML_H

#include <stddef.h>

#include "sbuf.h"

void	html_escape(struct sbuf *, const char *);
void	html_escape_n(struct sbuf *, const char *, size_t);

/*
 * Trusted markup with escaped arguments.  Conversions: %s (escaped; NULL
 * prints nothing), %d %u %ld %lu %lld %llu %zu, %%.  Anything else marks
 * the buffer failed, so a slip shows up as an error, never as unescaped
 * output.
 */
void	html_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* 1 if s is an http(s) URL or a site-relative path safe to put in href. */
int	html_url_ok(const char *);

#endif

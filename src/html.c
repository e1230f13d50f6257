/*
 * html: escaping writer (see html.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html.h"

void
html_escape(struct sbuf *b, const char *s)
{
	if (s != NULL)
		html_escape_n(b, s, strlen(s));
}

void
html_escape_n(struct sbuf *b, const char *s, size_t len)
{
	size_t		i, start;
	const char	*rep;

	start = 0;
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			/*
			 * A control character HTML does not allow: U+FFFD.
			 * So a mark of a page drawn to be kept (render.h),
			 * which begins with one, never comes from a value.
			 */
			if ((unsigned char)s[i] >= 0x20 || s[i] == '\t' ||
			    s[i] == '\n' || s[i] == '\r')
				continue;
			rep = "\xef\xbf\xbd";
			break;
		}
		sbuf_add(b, s + start, i - start);
		sbuf_str(b, rep);
		start = i + 1;
	}
	sbuf_add(b, s + start, len - start);
}

void
html_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list		 ap;
	const char	*p, *lit;
	int		 longs;

	va_start(ap, fmt);

	lit = fmt;
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%')
			continue;

		sbuf_add(b, lit, (size_t)(p - lit));
		p++;

		longs = 0;
		while (*p == 'l' && longs < 2) {
			longs++;
			p++;
		}

		switch (*p) {
		case '%':
			if (longs != 0)
				goto bad;
			sbuf_char(b, '%');
			break;
		case 's':
			if (longs != 0)
				goto bad;
			html_escape(b, va_arg(ap, const char *));
			break;
		case 'd':
			if (longs == 0)
				sbuf_printf(b, "%d", va_arg(ap, int));
			else if (longs == 1)
				sbuf_printf(b, "%ld", va_arg(ap, long));
			else
				sbuf_printf(b, "%lld", va_arg(ap, long long));
			break;
		case 'u':
			if (longs == 0)
				sbuf_printf(b, "%u", va_arg(ap, unsigned int));
			else if (longs == 1)
				sbuf_printf(b, "%lu",
				    va_arg(ap, unsigned long));
			else
				sbuf_printf(b, "%llu",
				    va_arg(ap, unsigned long long));
			break;
		case 'z':
			if (longs != 0 || p[1] != 'u')
				goto bad;
			p++;
			sbuf_printf(b, "%zu", va_arg(ap, size_t));
			break;
		default:
			goto bad;
		}
		lit = p + 1;
	}

	sbuf_add(b, lit, (size_t)(p - lit));
	va_end(ap);
	return;

bad:
	/* An unsupported conversion is a programming error: fail loudly. */
	b->failed = 1;
	va_end(ap);
}

int
html_url_ok(const char *s)
{
	const char	*p;

	if (s == NULL || *s == '\0')
		return (0);

	/* Site-relative, but not protocol-relative ("//evil.example"). */
	if (s[0] == '/')
		return (s[1] != '/' && s[1] != '\\');

	if (strncasecmp(s, "https://", 8) == 0)
		p = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		p = s + 7;
	else
		return (0);

	/* A host must follow; no whitespace or control characters anywhere. */
	if (*p == '\0' || *p == '/')
		return (0);
	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return (0);
	}

	return (1);
}

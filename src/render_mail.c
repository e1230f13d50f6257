/*
 * render_mail: an email message as the bytes an SMTP client sends
 * (render_mail.h).  Pure: no Kore, no libpq, no clock.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render_mail.h"

/* RFC 5322 2.1.1: a line SHOULD be no longer than 78 octets. */
#define MAIL_LINE		78
/* RFC 2047 2: an encoded-word is at most 75 octets, a line with one 76. */
#define MAIL_WORD		75
#define MAIL_WORD_LINE		76
/* "=?UTF-8?B?" and "?=" around the base64 of an encoded-word. */
#define MAIL_WORD_OVERHEAD	12
/* The raw octets of an encoded-word on a folded line: 60 base64. */
#define MAIL_WORD_RAW		45
#define MAIL_ADDR_MAX		254
#define MAIL_BOUNDARY_MAX	60
#define MAIL_URL_MAX		900

static const char	b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char	hex_digits[] = "0123456789ABCDEF";

static int	is_ctl(unsigned char);
static int	needs_words(const char *, size_t);
static int	has_specials(const char *);
static void	quoted_string(struct sbuf *, const char *);
static void	encoded_words(struct sbuf *, const char *, size_t);
static int	token_valid(const char *, size_t, const char *);
static int	boundary_valid(const char *);
static void	address(struct sbuf *, const char *, const char *,
		    const char *);
static void	part(struct sbuf *, const char *, const char *, const char *);

static int
is_ctl(unsigned char c)
{
	return (c < 0x20 || c == 0x7f);
}

int
mail_addr_valid(const char *s)
{
	const char	*at;
	size_t		 i, len;

	if (s == NULL)
		return (0);
	len = strlen(s);
	if (len == 0 || len > MAIL_ADDR_MAX)
		return (0);
	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if (c <= ' ' || c >= 0x7f || strchr("\"<>(),;:\\[]", c))
			return (0);
	}
	at = strchr(s, '@');
	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@'))
		return (0);
	return (1);
}

/* Does the text need encoded-words to stand on a header line? */
static int
needs_words(const char *s, size_t used)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (is_ctl((unsigned char)*p) || (unsigned char)*p >= 0x80)
			return (1);
	}
	/* Written as is, a "=?" would be decoded by the reader. */
	if (strstr(s, "=?") != NULL)
		return (1);
	/* A quoted-string adds at most two quotes and a backslash a char. */
	return (used + strlen(s) * 2 + 2 > MAIL_LINE);
}

/* RFC 5322 3.2.3: the specials a phrase cannot hold unquoted. */
static int
has_specials(const char *s)
{
	return (strpbrk(s, "()<>[]:;@\\,.\"") != NULL);
}

static void
quoted_string(struct sbuf *b, const char *s)
{
	sbuf_char(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sbuf_char(b, '\\');
		sbuf_char(b, *s);
	}
	sbuf_char(b, '"');
}

/*
 * The text, its control characters made spaces (a header value is one
 * line, even once decoded), in words of at most max raw octets cut
 * between UTF-8 sequences; the first word fits after used octets.
 */
static void
encoded_words(struct sbuf *b, const char *s, size_t used)
{
	char	*clean, *p;
	size_t	 len, off, cap, cut;
	size_t	 room;

	len = strlen(s);
	if ((clean = malloc(len + 1)) == NULL) {
		b->failed = 1;
		return;
	}
	memcpy(clean, s, len + 1);
	for (p = clean; *p != '\0'; p++) {
		if (is_ctl((unsigned char)*p))
			*p = ' ';
	}

	/* The first word shares its line with the header's name. */
	room = 0;
	if (used + MAIL_WORD_OVERHEAD < MAIL_WORD_LINE)
		room = (MAIL_WORD_LINE - used - MAIL_WORD_OVERHEAD) / 4 * 3;
	cap = room < 6 ? 6 : room;

	for (off = 0; off < len || off == 0; off += cut) {
		cut = len - off < cap ? len - off : cap;
		/* Back to the start of a UTF-8 sequence. */
		while (off + cut < len && cut > 0 &&
		    ((unsigned char)clean[off + cut] & 0xc0) == 0x80)
			cut--;
		if (off > 0)
			sbuf_str(b, "\r\n ");
		sbuf_str(b, "=?UTF-8?B?");
		mail_base64(b, clean + off, cut);
		sbuf_str(b, "?=");
		cap = MAIL_WORD_RAW;
		if (len == 0)
			break;
	}
	free(clean);
}

void
mail_header_text(struct sbuf *b, const char *s, size_t used,
    int quote_specials)
{
	if (needs_words(s, used))
		encoded_words(b, s, used);
	else if (quote_specials && has_specials(s))
		quoted_string(b, s);
	else
		sbuf_str(b, s);
}

void
mail_base64(struct sbuf *b, const void *data, size_t len)
{
	const unsigned char	*p = data;
	char			 out[4];
	size_t			 i;
	unsigned long		 v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 |
		    p[i + 2];
		out[0] = b64_alphabet[(v >> 18) & 0x3f];
		out[1] = b64_alphabet[(v >> 12) & 0x3f];
		out[2] = b64_alphabet[(v >> 6) & 0x3f];
		out[3] = b64_alphabet[v & 0x3f];
		sbuf_add(b, out, 4);
	}
	if (i < len) {
		v = (unsigned long)p[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)p[i + 1] << 8;
		out[0] = b64_alphabet[(v >> 18) & 0x3f];
		out[1] = b64_alphabet[(v >> 12) & 0x3f];
		out[2] = i + 1 < len ? b64_alphabet[(v >> 6) & 0x3f] : '=';
		out[3] = '=';
		sbuf_add(b, out, 4);
	}
}

void
mail_qp(struct sbuf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 col, width;
	int			 eol, encode;
	unsigned char		 c;

	col = 0;
	while (*p != '\0') {
		c = *p;
		if (c == '\r' || c == '\n') {
			sbuf_str(b, "\r\n");
			col = 0;
			p += (c == '\r' && p[1] == '\n') ? 2 : 1;
			continue;
		}
		eol = p[1] == '\0' || p[1] == '\r' || p[1] == '\n';
		for (;;) {
			encode = c == '=' || c >= 0x7f ||
			    (c < ' ' && c != '\t') ||
			    ((c == ' ' || c == '\t') && eol) ||
			    (col == 0 && c == '.') ||
			    (col == 0 && strncmp((const char *)p, "From ",
			    5) == 0);
			width = encode ? 3 : 1;
			/* One octet is kept for the "=" of a soft break. */
			if (col + width <= MAIL_QP_LINE - 1 ||
			    (eol && col + width <= MAIL_QP_LINE))
				break;
			sbuf_str(b, "=\r\n");
			col = 0;
		}
		if (encode) {
			sbuf_char(b, '=');
			sbuf_char(b, hex_digits[c >> 4]);
			sbuf_char(b, hex_digits[c & 0x0f]);
		} else
			sbuf_char(b, (char)c);
		col += width;
		p++;
	}
	if (col > 0)
		sbuf_str(b, "\r\n");
}

void
mail_date(struct sbuf *b, time_t t)
{
	static const char *const days[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm	tm;

	if (gmtime_r(&t, &tm) == NULL) {
		b->failed = 1;
		return;
	}
	sbuf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Printable ASCII, no space, none of bad, 1 to max octets. */
static int
token_valid(const char *s, size_t max, const char *bad)
{
	size_t	len;

	if (s == NULL)
		return (0);
	len = strlen(s);
	if (len == 0 || len > max)
		return (0);
	for (; *s != '\0'; s++) {
		if (*s <= ' ' || *s >= 0x7f || strchr(bad, *s) != NULL)
			return (0);
	}
	return (1);
}

/* "=_" then [A-Za-z0-9._-], at most MAIL_BOUNDARY_MAX octets. */
static int
boundary_valid(const char *s)
{
	size_t	len;

	if (s == NULL || strncmp(s, "=_", 2) != 0)
		return (0);
	len = strlen(s);
	if (len > MAIL_BOUNDARY_MAX)
		return (0);
	return (strspn(s + 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789._-") == len - 2);
}

/* "From: Name <addr>" or "From: addr", with its CRLF. */
static void
address(struct sbuf *b, const char *header, const char *name,
    const char *addr)
{
	sbuf_printf(b, "%s: ", header);
	if (name != NULL && *name != '\0') {
		mail_header_text(b, name, strlen(header) + 2, 1);
		sbuf_printf(b, " <%s>\r\n", addr);
	} else
		sbuf_printf(b, "%s\r\n", addr);
}

static void
part(struct sbuf *b, const char *boundary, const char *type,
    const char *body)
{
	sbuf_printf(b, "--%s\r\n", boundary);
	sbuf_printf(b, "Content-Type: %s; charset=utf-8\r\n", type);
	sbuf_str(b, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	mail_qp(b, body);
}

int
mail_render(struct sbuf *b, const struct mail_msg *m)
{
	if (!mail_addr_valid(m->from_addr) || !mail_addr_valid(m->to_addr))
		return (-1);
	if (!token_valid(m->message_id, MAIL_ADDR_MAX, "<>\"\\,;"))
		return (-1);
	if (!boundary_valid(m->boundary))
		return (-1);
	if (m->unsubscribe != NULL &&
	    (!token_valid(m->unsubscribe, MAIL_URL_MAX, "<>\"\\,") ||
	    (strncmp(m->unsubscribe, "https://", 8) != 0 &&
	    strncmp(m->unsubscribe, "http://", 7) != 0)))
		return (-1);

	address(b, "From", m->from_name, m->from_addr);
	address(b, "To", m->to_name, m->to_addr);
	sbuf_str(b, "Subject: ");
	mail_header_text(b, m->subject != NULL ? m->subject : "", 9, 0);
	sbuf_str(b, "\r\nDate: ");
	mail_date(b, m->date);
	sbuf_printf(b, "\r\nMessage-ID: <%s>\r\n", m->message_id);
	sbuf_str(b, "MIME-Version: 1.0\r\n");
	/* RFC 3834: no vacation reply to a machine's message. */
	sbuf_str(b, "Auto-Submitted: auto-generated\r\n");
	if (m->unsubscribe != NULL) {
		sbuf_printf(b, "List-Unsubscribe: <%s>\r\n", m->unsubscribe);
		sbuf_str(b, "List-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\r\n");
	}
	if (m->html == NULL) {
		sbuf_str(b, "Content-Type: text/plain; charset=utf-8\r\n");
		sbuf_str(b, "Content-Transfer-Encoding: "
		    "quoted-printable\r\n\r\n");
		mail_qp(b, m->text != NULL ? m->text : "");
		return (0);
	}
	sbuf_printf(b, "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"%s\"\r\n\r\n", m->boundary);
	/* Text first: the last alternative is the one preferred. */
	part(b, m->boundary, "text/plain", m->text != NULL ? m->text : "");
	part(b, m->boundary, "text/html", m->html);
	sbuf_printf(b, "--%s--\r\n", m->boundary);
	return (0);
}

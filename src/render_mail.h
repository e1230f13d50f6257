/*
 * render_mail: an email message (RFC 5322, MIME: RFC 2045-2047) as the
 * bytes an SMTP client sends, for the Monday digest and the reminders.
 *
 * Pure: no Kore, no libpq, no clock and no randomness (the date, the
 * Message-ID and the boundary are given), so a message is the same bytes
 * for the same input and unit tests compare them.  Every function appends
 * to an sbuf, whose failure the caller checks once at the end.
 *
 * Lines end in CRLF.  Bodies are quoted-printable, so no body line is
 * longer than 76 octets, none begins with "." (SMTP's end of data) or
 * "From ", and the boundary, which begins with "=_", can never occur in
 * one (a quoted-printable "=" is followed by a hex digit or a line end).
 */
#ifndef HANDOFF_RENDER_MAIL_H
#define HANDOFF_RENDER_MAIL_H

#include <stddef.h>
#include <time.h>

#include "sbuf.h"

/* Longest encoded line of a quoted-printable body, without its CRLF. */
#define MAIL_QP_LINE		76

/* One message: the plain text alone, or text and HTML as alternatives. */
struct mail_msg {
	const char	*from_name;	/* UTF-8 display name, NULL: none */
	const char	*from_addr;	/* addr-spec: "handoff@example.org" */
	const char	*to_name;	/* UTF-8 display name, NULL: none */
	const char	*to_addr;
	const char	*subject;	/* UTF-8 */
	time_t		 date;		/* the Date: header, written in UTC */
	const char	*message_id;	/* without <>: "digest-3@host" */
	const char	*boundary;	/* "=_" [A-Za-z0-9._-], <= 60 */
	const char	*unsubscribe;	/* one-click URL (RFC 8058) or NULL */
	const char	*text;		/* UTF-8, LF or CRLF line ends */
	const char	*html;		/* UTF-8, NULL: text/plain only */
};

/*
 * 1 when s can stand in an address header as an addr-spec: local@domain,
 * printable ASCII without space, quotes, angle brackets, comma,
 * semicolon, backslash or a second "@", at most 254 octets.  Anything
 * else (a CR or LF above all) would let a value write headers of its own.
 */
int	mail_addr_valid(const char *);

/*
 * A header's unstructured text (a subject, a display name) as RFC 2047
 * encoded-words "=?UTF-8?B?...?=" when it needs them (non-ASCII, a control
 * character, "=?", or longer than fits on the line): each word at most 75
 * octets, never splitting a UTF-8 sequence, words after the first on a
 * folded line (CRLF SP).  Plain printable ASCII is written as it is;
 * quote_specials also wraps it in a quoted-string when it holds one of
 * the phrase specials of RFC 5322 (for display names).  used: the octets
 * already on the header line ("Subject: " is 9).
 */
void	mail_header_text(struct sbuf *, const char *, size_t used,
	    int quote_specials);

/* Base64 (RFC 4648) of len octets, in one line, padded. */
void	mail_base64(struct sbuf *, const void *, size_t);

/*
 * A body as quoted-printable (RFC 2045 6.7): line ends (LF, CRLF or a
 * lone CR) become CRLF hard breaks; "=", bytes outside printable ASCII,
 * a space or tab before a line end, and a "." or the "F" of "From " at
 * the start of a line are =XX; lines longer than MAIL_QP_LINE are cut
 * with soft breaks ("=" CRLF), never inside an =XX.  A last line
 * without its line end gets one.
 */
void	mail_qp(struct sbuf *, const char *);

/* An RFC 5322 date in UTC: "Mon, 07 Dec 2026 09:00:00 +0000". */
void	mail_date(struct sbuf *, time_t);

/*
 * The whole message, headers and body.  0 on success; -1, with nothing
 * appended, when an address is not an addr-spec (mail_addr_valid), or
 * the boundary, the Message-ID or the unsubscribe URL holds a character
 * that does not belong there.
 */
int	mail_render(struct sbuf *, const struct mail_msg *);

#endif

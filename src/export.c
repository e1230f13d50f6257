/*
 * export: iCalendar and CSV writers (see export.h).
 */
#include <stdio.h>
#include <string.h>

#include "export.h"

#define ICAL_FOLD	75	/* octets of a line before its CRLF */

void
ical_escape(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			sbuf_str(b, "\\\\");
			break;
		case ',':
			sbuf_str(b, "\\,");
			break;
		case ';':
			sbuf_str(b, "\\;");
			break;
		case '\r':
			if (s[1] == '\n')
				s++;
			/* FALLTHROUGH */
		case '\n':
			sbuf_str(b, "\\n");
			break;
		default:
			if ((unsigned char)*s < 0x20 || *s == 0x7f)
				sbuf_char(b, ' ');
			else
				sbuf_char(b, *s);
		}
	}
}

void
ical_line(struct sbuf *b, const char *line)
{
	size_t	len, i, n, room;

	len = strlen(line);
	room = ICAL_FOLD;
	for (i = 0; i < len; i += n) {
		n = len - i;
		if (n > room) {
			n = room;
			/* Back off to the start of a UTF-8 sequence. */
			while (n > 0 &&
			    ((unsigned char)line[i + n] & 0xc0) == 0x80)
				n--;
		}
		if (i > 0) {
			sbuf_str(b, "\r\n ");
		}
		sbuf_add(b, line + i, n);
		room = ICAL_FOLD - 1;	/* the space counts */
	}
	sbuf_str(b, "\r\n");
}

/* NAME:value where value is escaped TEXT. */
static void
ical_text(struct sbuf *b, const char *name, const char *value)
{
	struct sbuf	l;

	sbuf_init(&l);
	sbuf_str(&l, name);
	sbuf_char(&l, ':');
	ical_escape(&l, value);
	if (sbuf_failed(&l))
		b->failed = 1;
	else
		ical_line(b, sbuf_cstr(&l));
	sbuf_free(&l);
}

void
ical_begin(struct sbuf *b, const char *name)
{
	ical_line(b, "BEGIN:VCALENDAR");
	ical_line(b, "VERSION:2.0");
	ical_line(b, "PRODID:-//handoff//calendar feed//EN");
	ical_line(b, "CALSCALE:GREGORIAN");
	ical_line(b, "METHOD:PUBLISH");
	ical_text(b, "X-WR-CALNAME", name);
}

void
ical_end(struct sbuf *b)
{
	ical_line(b, "END:VCALENDAR");
}

/* YYYY-MM-DD as YYYYMMDD; "" when it is not that shape. */
static void
ical_day(const char *day, char out[16])
{
	out[0] = '\0';
	if (day == NULL || strlen(day) != 10 || day[4] != '-' ||
	    day[7] != '-')
		return;
	(void)snprintf(out, 16, "%.4s%.2s%.2s", day, day + 5, day + 8);
}

/* The day after YYYYMMDD, for DTEND: a one-day event ends the next day. */
static void
ical_next_day(const char *d, char out[16])
{
	static const int	 mdays[12] = { 31, 28, 31, 30, 31, 30, 31,
				    31, 30, 31, 30, 31 };
	int			 y, m, dd, last;

	out[0] = '\0';
	if (sscanf(d, "%4d%2d%2d", &y, &m, &dd) != 3 || y < 0 || m < 1 || m > 12 ||
	    dd < 1)
		return;
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	if (++dd > last) {
		dd = 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	(void)snprintf(out, 16, "%04u%02u%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)dd % 100u);
}

void
ical_event(struct sbuf *b, const struct ical_event *e)
{
	char	day[16], next[16];

	ical_day(e->day, day);
	ical_next_day(day, next);
	if (day[0] == '\0' || next[0] == '\0') {
		b->failed = 1;
		return;
	}
	ical_line(b, "BEGIN:VEVENT");
	ical_text(b, "UID", e->uid);
	sbuf_printf(b, "DTSTAMP:%s\r\n", e->stamp);
	sbuf_printf(b, "DTSTART;VALUE=DATE:%s\r\n", day);
	sbuf_printf(b, "DTEND;VALUE=DATE:%s\r\n", next);
	sbuf_printf(b, "SEQUENCE:%d\r\n", e->sequence < 0 ? 0 : e->sequence);
	ical_text(b, "SUMMARY", e->summary);
	if (e->description != NULL)
		ical_text(b, "DESCRIPTION", e->description);
	if (e->url != NULL) {
		/* A URI value: not TEXT, so not escaped; no CR/LF in it. */
		if (strpbrk(e->url, "\r\n") == NULL) {
			struct sbuf	l;

			sbuf_init(&l);
			sbuf_printf(&l, "URL:%s", e->url);
			ical_line(b, sbuf_cstr(&l));
			if (sbuf_failed(&l))
				b->failed = 1;
			sbuf_free(&l);
		}
	}
	ical_line(b, "TRANSP:TRANSPARENT");
	ical_line(b, "END:VEVENT");
}

void
csv_cell(struct sbuf *b, const char *s, int first)
{
	const char	*p;
	int		 quote;

	if (!first)
		sbuf_char(b, ',');
	if (s == NULL || *s == '\0')
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sbuf_char(b, '"');
	if (strchr("=+-@\t\r", *s) != NULL)
		sbuf_char(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			sbuf_char(b, '"');
		sbuf_char(b, *p);
	}
	if (quote)
		sbuf_char(b, '"');
}

void
csv_end_row(struct sbuf *b)
{
	sbuf_str(b, "\r\n");
}

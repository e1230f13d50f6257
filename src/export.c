/*
 * export: iCalendar and CSV writers (see export.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

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
	if (sscanf(d, "%4d%2d%2d", &y, &m, &dd) != 3 || y < 0 || m < 1 ||
	    m > 12 || dd < 1)
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

void
csv_header(struct sbuf *b, const struct csv_column *cols, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		csv_cell(b, cols[i].header, i == 0);
	csv_end_row(b);
}

/* The value at path ("a.b.c") under doc, or NULL. */
static json_t *
csv_at(json_t *doc, const char *path)
{
	const char	*dot;
	char		 key[64];
	size_t		 n;

	while (doc != NULL && *path != '\0') {
		dot = strchr(path, '.');
		n = dot != NULL ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof(key))
			return (NULL);
		memcpy(key, path, n);
		key[n] = '\0';
		doc = json_object_get(doc, key);
		path += n + (dot != NULL ? 1 : 0);
	}
	return (doc);
}

static void
csv_value(struct sbuf *b, json_t *v, int first)
{
	char	*s, num[32];

	switch (json_typeof(v)) {
	case JSON_STRING:
		csv_cell(b, json_string_value(v), first);
		break;
	case JSON_INTEGER:
		(void)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		csv_cell(b, num, first);
		break;
	case JSON_TRUE:
		csv_cell(b, "true", first);
		break;
	case JSON_FALSE:
		csv_cell(b, "false", first);
		break;
	case JSON_OBJECT:
	case JSON_ARRAY:
	case JSON_REAL:
		if ((s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) ==
		    NULL) {
			b->failed = 1;
			break;
		}
		csv_cell(b, s, first);
		free(s);
		break;
	default:
		csv_cell(b, NULL, first);
	}
}

static void
csv_json_row(struct sbuf *b, json_t *row, json_t *elem,
    const struct csv_column *cols, size_t n)
{
	json_t	*v;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strncmp(cols[i].path, "*.", 2) == 0)
			v = elem != NULL ? csv_at(elem, cols[i].path + 2) :
			    NULL;
		else
			v = csv_at(row, cols[i].path);
		if (v == NULL)
			csv_cell(b, NULL, i == 0);
		else
			csv_value(b, v, i == 0);
	}
	csv_end_row(b);
}

void
csv_json_rows(struct sbuf *b, json_t *rows, const struct csv_column *cols,
    size_t n, const char *explode)
{
	json_t	*row, *list, *elem;
	size_t	 i, j;

	json_array_foreach(rows, i, row) {
		list = explode != NULL ? json_object_get(row, explode) : NULL;
		if (json_array_size(list) == 0) {
			csv_json_row(b, row, NULL, cols, n);
			continue;
		}
		json_array_foreach(list, j, elem)
			csv_json_row(b, row, elem, cols, n);
	}
}

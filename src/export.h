/*
 * export: the writers of the calendar feeds (RFC 5545) and the CSV files
 * (RFC 4180) that take the portfolio out of handoff (feeds.c).
 *
 * Pure: no Kore, no libpq; every function appends to an sbuf, whose
 * failure the caller checks once at the end.
 */
#ifndef HANDOFF_EXPORT_H
#define HANDOFF_EXPORT_H

#include <stddef.h>

#include "sbuf.h"

/* iCalendar ------------------------------------------------------------ */

/*
 * A TEXT value (RFC 5545 3.3.11): backslash, comma and semicolon escaped
 * with a backslash, a newline (LF, CRLF or a lone CR) as "\n"; other
 * control characters (never meaningful in a title) become spaces.
 */
void	ical_escape(struct sbuf *, const char *);

/*
 * One content line, folded (3.1): no physical line longer than 75 octets
 * before its CRLF, each continuation starting with one space, and never
 * a break inside a UTF-8 sequence.  Ends with CRLF.
 */
void	ical_line(struct sbuf *, const char *);

/* One all-day event of a calendar. */
struct ical_event {
	const char	*uid;		/* stable: "checkpoint-12@handoff" */
	const char	*day;		/* YYYY-MM-DD */
	int		 sequence;	/* times its date moved */
	const char	*summary;	/* plain text */
	const char	*description;	/* plain text, may hold newlines */
	const char	*url;		/* NULL: none */
	const char	*stamp;		/* DTSTAMP: YYYYMMDDTHHMMSSZ */
};

/* BEGIN:VCALENDAR with its name; ical_end() closes it. */
void	ical_begin(struct sbuf *, const char *);
void	ical_event(struct sbuf *, const struct ical_event *);
void	ical_end(struct sbuf *);

/* CSV ------------------------------------------------------------------ */

/*
 * One cell (RFC 4180): quoted, with its quotes doubled, when it holds a
 * comma, a quote, CR or LF.  A cell that begins with =, +, -, @, a tab or
 * a carriage return, which spreadsheets read as a formula, gets a single
 * quote in front (so "-2" is written '-2): what is served is text, never
 * something a spreadsheet runs.  first: no comma before it.
 */
void	csv_cell(struct sbuf *, const char *, int first);

/* The end of a row: CRLF. */
void	csv_end_row(struct sbuf *);

/*
 * A table from JSON documents: each column a header and a path into a
 * row ("project.name": the "name" of its "project").  A path beginning
 * with "*." reads the current element of the row's exploded array (see
 * csv_json_rows()).  Strings are written as they are, integers in
 * decimal, true and false as such, null and missing as empty, anything
 * else as compact JSON.
 */
struct csv_column {
	const char	*header;
	const char	*path;
};

struct json_t;
void	csv_header(struct sbuf *, const struct csv_column *, size_t);
/*
 * One row per element of rows; with explode (a key of each row holding an
 * array), one row per element of that array instead (one with its "*."
 * cells empty when the array is empty).
 */
void	csv_json_rows(struct sbuf *, struct json_t *,
	    const struct csv_column *, size_t, const char *);

#endif

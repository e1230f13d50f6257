/*
 * validate: is this request input well formed?
 *
 * A table of struct field describes what a JSON body (or a query string)
 * may hold; validate_object() checks a parsed body against it and says,
 * for the first problem, which field and why.  Unknown fields are errors.
 * What needs the database (does person 7 exist?) is checked there.
 *
 * Pure: jansson, but no Kore and no libpq.
 */
#ifndef HANDOFF_VALIDATE_H
#define HANDOFF_VALIDATE_H

#include <stddef.h>

#include <jansson.h>

enum field_type {
	FIELD_LINE,	/* one line of text: no control characters */
	FIELD_TEXT,	/* text; newlines and tabs allowed */
	FIELD_EMAIL,
	FIELD_URL,	/* http(s) */
	FIELD_DATE,	/* "YYYY-MM-DD", a real calendar day */
	FIELD_ENUM,	/* one of choices */
	FIELD_ID,	/* a positive integer */
	FIELD_INT,	/* an integer in [min, max] */
	FIELD_BOOL,
	FIELD_OBJECT,	/* an object checked against sub */
	FIELD_MAP,	/* an object: choices as keys, sub objects as
			   values; with no choices, keys of two names
			   joined by '/' ("on_call/swe"), the statement
			   deciding which there are */
	FIELD_LIST	/* an array of min to max objects, each checked
			   against sub; errors name "list[3].field" */
};

#define FIELD_REQUIRED	0x01	/* must be present (and not null) */
#define FIELD_NULLABLE	0x02	/* null is accepted (to clear a value) */

struct field {
	const char		*name;
	enum field_type		 type;
	unsigned int		 flags;
	long long		 min;	/* LINE/TEXT: characters; INT: value;
					   LIST: items */
	long long		 max;
	const char *const	*choices;	/* NULL-terminated */
	const struct field	*sub;		/* terminated by name NULL */
};

struct verror {
	char	field[64];	/* dotted path: "spec.fallback" */
	char	message[200];
};

int	validate_object(json_t *, const struct field *, struct verror *);

/*
 * A query-string value: checks it against f and returns it as JSON (a
 * string, an integer or a boolean), or NULL with err filled in.
 */
json_t	*validate_query_value(const struct field *, const char *,
	    struct verror *);

int	validate_email(const char *);

#endif

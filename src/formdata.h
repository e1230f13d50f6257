/*
 * formdata: application/x-www-form-urlencoded bodies.
 *
 * Kore's own decoder drops any value holding a control character, which
 * silently loses every textarea with a line break; this one keeps tabs and
 * line breaks (CR LF becomes LF), and refuses what no browser sends:
 * malformed escapes, invalid UTF-8, other control characters, a name given
 * twice.
 *
 * Pure: jansson only.
 */
#ifndef HANDOFF_FORMDATA_H
#define HANDOFF_FORMDATA_H

#include <stddef.h>

#include <jansson.h>

/* The templates form: two tables of up to 100 rows of 9 fields. */
#define FORMDATA_FIELDS_MAX	2048

/* {name: value} in *out (the caller owns it), or -1 with err filled. */
int	formdata_parse(const char *, size_t, json_t **, char *, size_t);

/*
 * The value of argument name in a query string or form body: 0 with
 * *value NULL when it is absent, 1 with a new string in *value (the
 * caller frees it), -1 when its value is malformed (a bad escape, a
 * control character, not UTF-8) or it is given twice.
 */
int	formdata_get(const char *, size_t, const char *, char **);

/*
 * The id a form's field names: a number, or the number after the last
 * "#" that ends the text (a person picker's "Name (role) #12"; spaces may
 * follow).  0 with *id set, or -1.
 */
int	formdata_id(const char *, long long *);

#endif

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

#define FORMDATA_FIELDS_MAX	64

/* {name: value} in *out (the caller owns it), or -1 with err filled. */
int	formdata_parse(const char *, size_t, json_t **, char *, size_t);

#endif

/*
 * doc: reading the JSON documents the api.* functions return.
 *
 * Renderers walk documents without checking every type by hand: a missing
 * key or a value of the wrong type reads as NULL, 0 or false, and the
 * renderer shows an empty value rather than crashing.
 *
 * Pure: jansson only.
 */
#ifndef HANDOFF_DOC_H
#define HANDOFF_DOC_H

#include <jansson.h>

#include "date.h"

const char	*doc_str(json_t *, const char *);	/* NULL if absent */
long long	 doc_int(json_t *, const char *);	/* 0 if absent */
int		 doc_bool(json_t *, const char *);
json_t		*doc_obj(json_t *, const char *);	/* NULL if absent */
json_t		*doc_arr(json_t *, const char *);	/* NULL if absent */
day_t		 doc_day(json_t *, const char *);	/* DAY_NONE */
const char	*doc_path_str(json_t *, const char *, const char *);

#endif

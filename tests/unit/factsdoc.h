/*
 * factsdoc: a portfolio written as the facts document that the database
 * builds and facts_from_json() reads (the format is in facts_json.h), for
 * the tests that feed the reader: test_facts_json and test_oom.
 */
#ifndef HANDOFF_FACTSDOC_H
#define HANDOFF_FACTSDOC_H

#include <jansson.h>

#include "facts.h"

/* A new document, or NULL when memory ran out. */
json_t	*factsdoc_json(const struct portfolio *);

#endif

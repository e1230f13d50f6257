/*
 * calldoc: the one JSON document every api.* function takes.
 *
 * Each operation is one call of one function of the "api" schema, with a
 * single jsonb argument (sql/0003_api_common.sql):
 *
 *   {"actor": "ana@example.com", "today": "2026-11-23",
 *    "path": {"project": 12}, "query": {...}, "body": {...},
 *    "user_id": 7, "admin": false,     only when someone is signed in
 *    "if_match": 3}                    only when a version was named
 *
 * path, query and body are left out when the call has none (the SQL reads
 * a missing key as null).
 *
 * The server (req_call_doc() in request.c) and the account tool
 * (src/cli/handoffctl.c) both build it here, so the functions see one
 * shape whoever calls them.
 *
 * Pure: jansson and date.c, but no Kore and no libpq.
 */
#ifndef HANDOFF_CALLDOC_H
#define HANDOFF_CALLDOC_H

#include <jansson.h>

#include "date.h"

struct calldoc {
	const char	*actor;		/* for the audit log; NULL: anonymous */
	long long	 user_id;	/* who is signed in; 0: nobody */
	int		 admin;		/* ... and may act for anyone */
	day_t		 today;		/* the day the call happens on */
	long long	 if_match;	/* the version read; -1: none */
	json_t		*path;		/* NULL: none, the key is left out */
	json_t		*query;		/* NULL: none */
	json_t		*body;		/* NULL: none */
};

/*
 * The document, or NULL when today is DAY_NONE or memory ran out.  path,
 * query and body are referenced, not taken over: the caller still releases
 * its own.  The caller releases the document with json_decref().
 */
json_t	*calldoc_build(const struct calldoc *);

#endif

/*
 * facts_json: a portfolio's facts from the JSON document the database
 * builds (sql/api/facts.sql), read by name:
 *
 *   {"settings": {"overload_threshold": 8, "stale_low_days": 21,
 *                 "stale_medium_days": 42},
 *    "people": [{"id": 7, "name": "Ana", "versions":
 *                [{"seq": 12, "on": 20401, "by": "maya@...",
 *                  "active": true}]}],
 *    "projects": [{"id": 3, "name": "Churn", "pm": 7, "kickoff": 20400,
 *      "created": 20400,
 *      "versions": [{"seq", "on", "by", "status", "stage", "launch",
 *                    "spec_missing"}],
 *      "plans": [{"stage", "seq", "on", "by", "start", "end"}],
 *      "resps": [{"key", "name", "needed_by", "expects",
 *                 "cells": [{"role", "seq", "on", "by", "person"}]}],
 *      "checkpoints": [{"id", "title", "stage", "versions":
 *                 [{"seq", "on", "by", "status", "due", "completed",
 *                   "deleted"}]}],
 *      "handoffs": [{"key", "name", "leads_into", "versions":
 *                 [{"seq", "on", "by", "from", "to", "offered",
 *                   "accepted"}]}],
 *      "changes": [20400, 20405]}]}
 *
 * Days are days since 1970-01-01 (src/date.h), null for none; "expects"
 * has bit n set for role n, "spec_missing" bit n for spec field n, in the
 * orders of facts.h, which the database's function states too.
 *
 * Pure: jansson, no Kore, no libpq.
 */
#ifndef HANDOFF_FACTS_JSON_H
#define HANDOFF_FACTS_JSON_H

#include <jansson.h>

#include "facts.h"

/*
 * Add what doc holds to pf (facts_init()ed) and facts_sort() it.  Returns
 * 0, or -1 when doc is not shaped as above (a key of the wrong type, an
 * unknown stage or status) or memory ran out.
 */
int	facts_from_json(json_t *, struct portfolio *);

/*
 * The day under key of object o (a day number), or DAY_NONE when it is
 * null or absent; -1 for anything else.  The ledger's documents share it.
 */
int	json_day(json_t *, const char *, day_t *);

#endif

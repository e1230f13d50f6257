/*
 * ledger_json: spans as the database stores and gives them back.
 *
 *   {"project": 12, "kind": 1, "subject": "checkpoint/40",
 *    "from": 20410, "to": 20417, "since": 20402, "severity": 1,
 *    "launch": 20500, "resp": null, "role": null, "checkpoint": 40,
 *    "handoff": null, "stage": "baseline", "field": null, "person": null,
 *    "ref": 20401, "event": null, "inactive": false, "held": null,
 *    "threshold": null, "ends": true, "closed_by": "ana@example.com",
 *    "project_name": "Churn", "checkpoint_title": "Baseline results",
 *    "person_name": null, "resp_name": null, "handoff_name": null}
 *
 * kind and severity are positions in vocab.h's enums; days are days since
 * 1970-01-01; "project" is null for an overload (a person's).  The names
 * are what the database has now; they are only read, never written.  A
 * key whose value would be null, false or absent is left out.
 *
 * A project's profile (ledger_profile()), row by row:
 *
 *   {"from": 20410, "to": 20417, "n": [3, 0, 1, 2], "worst": 3,
 *    "launch": 20500, "kind": 0, "subject": "problem_framing/ds"}
 *
 * n counts the risks by severity, low first; "to" and "launch" are left
 * out for none.
 *
 * Pure: jansson, no Kore, no libpq.
 */
#ifndef HANDOFF_LEDGER_JSON_H
#define HANDOFF_LEDGER_JSON_H

#include <jansson.h>

#include "ledger.h"

/* The span as above (names left out), or NULL out of memory. */
json_t	*ledger_span_json(const struct risk_span *);

/* The spans of a list, as a new array, or NULL out of memory. */
json_t	*ledger_spans_json(const struct span_list *);

/* A profile as a new array, or NULL out of memory. */
json_t	*ledger_profile_json(const struct profile_list *);

/*
 * A project's holders as a new array, [{"person", "from", "to"}] ("to"
 * left out for ever), or NULL out of memory.
 */
json_t	*ledger_holders_json(const struct holder_list *);

/*
 * Read one span; its names point into o, which must outlive it.
 * Returns 0, or -1 when o is not shaped as above.
 */
int	 ledger_span_from_json(json_t *, struct risk_span *);

/* Append every span of an array to l: 0, or -1 as above. */
int	 ledger_spans_from_json(json_t *, struct span_list *);

#endif

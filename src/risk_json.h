/*
 * risk_json: risks and digests as JSON (see risk_json.c).
 *
 * Pure: jansson only.  Every function returns a new reference.
 */
#ifndef HANDOFF_RISK_JSON_H
#define HANDOFF_RISK_JSON_H

#include <jansson.h>

#include "date.h"
#include "risk.h"

struct digest;

json_t	*risk_json(const struct risk *, day_t);
json_t	*risk_list_json(const struct risk_list *, day_t);
json_t	*risk_report_json(const struct risk_list *, day_t);
json_t	*digest_json(const struct digest *);

#endif

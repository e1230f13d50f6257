/*
 * risk_json: risks and digests as JSON (see risk_json.c).
 *
 * Pure: jansson only.  Every function that returns JSON returns a new
 * reference.
 */
#ifndef HANDOFF_RISK_JSON_H
#define HANDOFF_RISK_JSON_H

#include <jansson.h>

#include "date.h"
#include "risk.h"

struct digest;

/*
 * The templates' role labels ({"ds": "Research scientist", ...}) as
 * names[role] for risk_list_roles(), pointing into labels; NULL where
 * absent.
 */
void	 risk_role_names(json_t *, const char *[ROLE_COUNT]);
json_t	*risk_json(const struct risk *, day_t);
json_t	*risk_list_json(const struct risk_list *, day_t);
json_t	*risk_report_json(const struct risk_list *, day_t);
json_t	*digest_json(const struct digest *);

#endif

/*
 * fields: what every request body and query string may hold, as the
 * tables validate_object() and validate_query_value() check against
 * (validate.h).  The JSON API, the page forms, the OpenAPI description
 * and the fuzz targets all read these tables; none keeps a copy.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_FIELDS_H
#define HANDOFF_FIELDS_H

#include "validate.h"

/* Nothing at all: a route that takes no body takes {} at the most. */
extern const struct field	no_fields[];

/* People. */
extern const struct field	person_create_body[];
extern const struct field	person_patch_body[];
extern const struct field	person_active_body[];
extern const struct field	person_deactivate_body[];
extern const struct field	threshold_body[];
extern const struct field	mail_prefs_body[];
extern const struct field	person_list_query[];

/* Projects, their plan and stage. */
extern const struct field	project_create_body[];
extern const struct field	project_patch_body[];
extern const struct field	project_list_query[];
extern const struct field	stage_body[];

/* Checkpoints, the matrix and handoffs. */
extern const struct field	checkpoint_create_body[];
extern const struct field	checkpoint_patch_body[];
extern const struct field	checkpoint_delete_form_body[];
extern const struct field	readiness_body[];
extern const struct field	readiness_item_body[];
extern const struct field	ownership_body[];
extern const struct field	cell_form_body[];
extern const struct field	ownership_copy_body[];
extern const struct field	ownership_matrix_body[];
extern const struct field	responsibility_create_body[];
extern const struct field	project_status_form_body[];
extern const struct field	project_fields_form_body[];
extern const struct field	offer_body[];
extern const struct field	accept_body[];
extern const struct field	take_body[];
int	fields_body_optional(const struct field *);

/* The organisation's templates. */
extern const struct field	templates_body[];

/* Accounts. */
extern const struct field	login_body[];
extern const struct field	login_form_body[];
extern const struct field	token_body[];
extern const struct field	user_create_body[];
extern const struct field	user_patch_body[];

/* The outbox: endpoints, messages, the loopback setting. */
extern const char *const outbox_channel_keys[];
extern const char *const outbox_status_keys[];
extern const struct field	webhook_body[];
extern const struct field	outbox_query[];
extern const struct field	outbox_settings_body[];

/* Queries of the lists and the risk views. */
extern const struct field	page_query[];
extern const struct field	risks_query[];
extern const struct field	risks_csv_query[];
extern const struct field	as_of_query[];
extern const struct field	digest_query[];
extern const struct field	digest_md_query[];
extern const struct field	portfolio_query[];
extern const struct field	project_page_query[];
extern const struct field	login_query[];
extern const struct field	unsubscribe_query[];

#endif

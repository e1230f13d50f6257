/*
 * page_templates: the /templates page (render_templates.c): the current
 * template version as one form, whose save is one new version through
 * the API's own function (api.templates_get, api.templates_put), with
 * If-Match on the version it was drawn from.
 */
#include "handoff.h"
#include "fields.h"
#include "page.h"

const struct page_view templates_view = {
	.stmt = STMT_TEMPLATES_GET, .draw = render_templates_page
};

static const struct form_field templates_form[] = {
	{ NULL, 0, NULL, NULL }
};

/* The rows of the form as the API's lists (render_templates.c). */
static void
templates_adjust(json_t *body, json_t *form)
{
	json_t		*made;
	const char	*k;
	json_t		*v;

	made = templates_form_body(form);
	json_object_foreach(made, k, v)
		json_object_set(body, k, v);
	json_decref(made);
}

const struct page_action templates_action = {
	"templates", STMT_TEMPLATES_PUT, templates_form, templates_body,
	"/templates", &templates_view, templates_adjust
};

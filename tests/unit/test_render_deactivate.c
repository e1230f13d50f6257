/*
 * Unit tests: the page that deactivates a person (render_portfolio.c,
 * render_deactivate_page()) from api.person_deactivation's document.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render.h"

static char *
page(const char *text, const struct form_state *fs)
{
	struct page_ctx	 ctx;
	json_error_t	 err;
	json_t		*doc;
	struct sbuf	 b;
	char		*out;

	memset(&ctx, 0, sizeof(ctx));
	ctx.csrf = "golden-csrf";
	ctx.user = "Maya";
	ctx.role = "pm";
	ctx.access = PAGE_ACCESS_PM;
	ctx.can_write = 1;
	doc = json_loads(text, 0, &err);
	assert_non_null(doc);
	sbuf_init(&b);
	render_deactivate_page(&b, &ctx, doc, fs);
	out = strdup(sbuf_cstr(&b));
	sbuf_free(&b);
	json_decref(doc);
	return (out);
}

static const char held[] = "{\"person\": {\"id\": 3, \"name\": \"Lou <b>\", "
    "\"role\": \"ds\", \"active\": true, \"version\": 5}, \"role_labels\": "
    "{\"ds\": \"Data\", \"mle\": \"ML\", \"swe\": \"SWE\"}, \"people\": ["
    "{\"id\": 4, \"name\": \"Ada\", \"role\": \"mle\", \"active\": true}, "
    "{\"id\": 5, \"name\": \"Tia & co\", \"role\": \"ds\", \"active\": "
    "true}], \"boxes\": [{\"item\": \"box/1/fallback/ds\", \"project_id\": "
    "1, \"project_name\": \"Churn & co\", \"responsibility\": \"fallback\", "
    "\"name\": \"Fallback\", \"role\": \"ds\", \"version\": 2}], "
    "\"checkpoints\": [{\"item\": \"checkpoint/7\", \"id\": 7, "
    "\"project_id\": 1, \"project_name\": \"Churn & co\", \"title\": "
    "\"Label <audit>\", \"due_on\": \"2026-03-20\", \"status\": "
    "\"blocked\", \"version\": 3}], \"handoffs\": [{\"item\": "
    "\"handoff/1/b/to\", \"project_id\": 1, \"project_name\": \"Churn & "
    "co\", \"key\": \"b\", \"name\": \"Data to model\", \"side\": \"to\", "
    "\"other\": {\"id\": 4, \"name\": \"Ada\"}, \"version\": 6}]}";

static void
test_each_item_with_its_select(void **state)
{
	char	*t, *ds, *other;

	(void)state;
	t = page(held, NULL);
	/* Escaped names; the one form, with the person's version. */
	assert_non_null(strstr(t, "<h1>Deactivate Lou &lt;b&gt;</h1>"));
	assert_null(strstr(t, "Lou <b>"));
	assert_non_null(strstr(t, "action=\"/people/3/deactivate\" "
	    "id=\"form-deactivate\""));
	assert_non_null(strstr(t, "name=\"version\" value=\"5\""));
	/* Each item: its version and its select. */
	assert_non_null(strstr(t, "name=\"v:box/1/fallback/ds\" value=\"2\""));
	assert_non_null(strstr(t, "name=\"to:box/1/fallback/ds\""));
	assert_non_null(strstr(t, "name=\"v:checkpoint/7\" value=\"3\""));
	assert_non_null(strstr(t, "name=\"v:handoff/1/b/to\" value=\"6\""));
	assert_non_null(strstr(t, "Label &lt;audit&gt;"));
	assert_non_null(strstr(t, "2026-03-20 (blocked)"));
	assert_non_null(strstr(t, "offered to them by Ada"));
	/* The matching role first, as the organisation calls it. */
	ds = strstr(t, "<optgroup label=\"Data\">\n<option value=\"5\">"
	    "Tia &amp; co (ds)</option>");
	other = strstr(t, "<optgroup label=\"Other roles\">\n<option "
	    "value=\"4\">Ada (mle)</option>");
	assert_non_null(ds);
	assert_non_null(other);
	assert_true(ds < other);
	assert_non_null(strstr(t, "<option value=\"\">nobody: leave it "
	    "empty</option>"));
	assert_non_null(strstr(t, ">Deactivate Lou &lt;b&gt;</button>"));
	free(t);
}

static void
test_refused_and_sent_back(void **state)
{
	struct form_state	 fs = { "deactivate", "reassign[0].person_id",
	    "Tia is not active", NULL, 0 };
	json_t			*values;
	char			*t;

	(void)state;
	values = json_pack("{s:s}", "to:checkpoint/7", "5");
	fs.values = values;
	t = page(held, &fs);
	assert_non_null(strstr(t, "<p class=\"form-notice\" role=\"alert\">"
	    "Tia is not active</p>"));
	/* What was chosen stays chosen. */
	assert_non_null(strstr(t, "<option value=\"5\" selected>Tia &amp; co"));
	free(t);
	json_decref(values);

	fs.stale = 1;
	fs.values = NULL;
	t = page(held, &fs);
	assert_non_null(strstr(t, "Someone else changed this while you were "
	    "editing"));
	free(t);
}

static void
test_inactive_says_what_is_left(void **state)
{
	char	*t;

	(void)state;
	t = page("{\"person\": {\"id\": 3, \"name\": \"Lou\", \"role\": "
	    "\"ds\", \"active\": false, \"version\": 6}, \"people\": [], "
	    "\"boxes\": [{\"item\": \"box/1/fallback/ds\"}, {\"item\": "
	    "\"box/2/fallback/ds\"}], \"checkpoints\": [], \"handoffs\": "
	    "[{\"item\": \"handoff/1/b/to\"}]}", NULL);
	assert_non_null(strstr(t, "Lou is not active. Still theirs, and so "
	    "nobody's for the risks: 2 boxes, 0 open checkpoints, 1 handoff "
	    "not accepted yet."));
	assert_null(strstr(t, "<form method=\"post\" action=\"/people/3"));
	free(t);

	t = page("{\"person\": {\"id\": 3, \"name\": \"Lou\", \"role\": "
	    "\"ds\", \"active\": true, \"version\": 6}, \"people\": [], "
	    "\"boxes\": [], \"checkpoints\": [], \"handoffs\": []}", NULL);
	assert_non_null(strstr(t, "Lou holds nothing that would be left with "
	    "nobody."));
	assert_null(strstr(t, "<select"));
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_item_with_its_select),
		cmocka_unit_test(test_refused_and_sent_back),
		cmocka_unit_test(test_inactive_says_what_is_left),
	};

	return (cmocka_run_group_tests_name("render_deactivate", tests, NULL,
	    NULL));
}

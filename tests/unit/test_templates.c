/*
 * Unit tests: the templates form (render_templates.c): what the form
 * becomes as the body of PUT /api/v1/templates, which row of the form an
 * API field names once rows were removed, and refusals in the page's
 * words.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "render.h"

static json_t *
form(void)
{
	return (json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s,"
	    " s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
	    "label_ds", "Research lead", "weeks_data", "3",
	    "cp.0.title", "Framing", "cp.0.stage", "framing",
	    "cp.0.anchor", "kickoff", "cp.0.week_offset", "1",
	    "cp.0.remove", "on",
	    "cp.1.title", "Baseline", "cp.1.stage", "baseline",
	    "cp.1.anchor", "kickoff", "cp.1.week_offset", "soon",
	    "cp.1.decision", "on", "cp.1.handoff", "",
	    "cp.new.title", "Shadow run", "cp.new.stage", "production",
	    "cp.new.anchor", "launch", "cp.new.week_offset", "-1"));
}

static void
test_body(void **state)
{
	json_t	*f, *b, *cps, *c;

	(void)state;
	f = form();
	b = templates_form_body(f);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    b, "role_labels"), "ds")), "Research lead");
	assert_null(json_object_get(json_object_get(b, "role_labels"), "mle"));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    json_object_get(b, "stages"), "data"), "weeks")), 3);
	/* Row 0 removed: row 1 and the new row. */
	cps = json_object_get(b, "checkpoints");
	assert_int_equal(json_array_size(cps), 2);
	c = json_array_get(cps, 0);
	assert_string_equal(json_string_value(json_object_get(c, "title")),
	    "Baseline");
	/* Not a number: kept as text, for the check to name. */
	assert_string_equal(json_string_value(json_object_get(c,
	    "week_offset")), "soon");
	assert_true(json_is_true(json_object_get(c, "decision")));
	assert_true(json_is_false(json_object_get(c, "readiness")));
	assert_true(json_is_null(json_object_get(c, "handoff")));
	c = json_array_get(cps, 1);
	assert_int_equal(json_integer_value(json_object_get(c,
	    "week_offset")), -1);
	/* No responsibility rows in the form: the list is left as it is. */
	assert_null(json_object_get(b, "responsibilities"));
	json_decref(b);
	json_decref(f);
}

static void
test_rows_and_words(void **state)
{
	json_t		*f;
	const char	*name;
	long		 row;
	char		 out[256];

	(void)state;
	f = form();
	/* The body's item 0 is the form's row 1 (row 0 was removed). */
	assert_int_equal(templates_form_row(f, "checkpoints[0].week_offset",
	    "cp", &row, &name), 1);
	assert_int_equal(row, 1);
	assert_string_equal(name, "week_offset");
	assert_int_equal(templates_form_row(f, "checkpoints[1].title", "cp",
	    &row, &name), 1);
	assert_int_equal(row, TMPL_NEW_ROW);
	assert_int_equal(templates_form_row(f, "checkpoints[2].title", "cp",
	    &row, &name), 0);
	assert_int_equal(templates_form_row(f, "checkpoints[0].title", "rs",
	    &row, &name), 0);
	assert_int_equal(templates_form_row(f, "stages.data.weeks", "cp",
	    &row, &name), 0);

	templates_words(f, "checkpoints[0].week_offset",
	    "week_offset must be an integer", out, sizeof(out));
	assert_string_equal(out, "Checkpoint 2, weeks from kickoff or "
	    "launch: must be an integer");
	templates_words(f, "checkpoints[1].readiness", "checkpoints[1]."
	    "readiness: only one checkpoint is the readiness review", out,
	    sizeof(out));
	assert_string_equal(out, "The new checkpoint, readiness review: only "
	    "one checkpoint is the readiness review");
	templates_words(f, "stages.data.weeks", "stages.data.weeks must give "
	    "the stage at least its 14 days", out, sizeof(out));
	assert_string_equal(out, "Data exploration, weeks: must give the "
	    "stage at least its 14 days");
	templates_words(f, "role_labels.swe", "swe is too short", out,
	    sizeof(out));
	assert_string_equal(out, "The label of the SWE column: is too short");
	templates_words(f, NULL, "the form has too many fields", out,
	    sizeof(out));
	assert_string_equal(out, "the form has too many fields");
	json_decref(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_rows_and_words),
	};

	return (cmocka_run_group_tests_name("templates", tests, NULL, NULL));
}

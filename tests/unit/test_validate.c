/*
 * Unit tests: lists of rows in a body (validate.c, FIELD_LIST), as the
 * templates' PUT sends them: each row is checked against its table and an
 * error names the row by its index, "checkpoints[2].title".  And a map
 * with no fixed keys (FIELD_MAP without choices), as the matrix's one
 * save sends its boxes: any "name/name" key, each value checked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "fields.h"
#include "validate.h"

/* The field for a body checked against fields, or "" when accepted. */
static const char *
check_with(const struct field *fields, const char *text,
    struct verror *err)
{
	json_error_t	 jerr;
	json_t		*body;
	int		 rc;

	body = json_loads(text, 0, &jerr);
	assert_non_null(body);
	memset(err, 0, sizeof(*err));
	rc = validate_object(body, fields, err);
	json_decref(body);
	if (rc == 0) {
		assert_string_equal(err->field, "");
		return ("");
	}
	assert_int_equal(rc, -1);
	return (err->field);
}

static const char *
check(const char *text, struct verror *err)
{
	return (check_with(templates_body, text, err));
}

#define ROW	"{\"title\": \"t\", \"stage\": \"data\", \"anchor\": " \
		"\"kickoff\", \"week_offset\": 2"

static void
test_list_accepts_rows(void **state)
{
	struct verror	err;

	(void)state;
	assert_string_equal(check("{\"checkpoints\": [" ROW "}, " ROW
	    ", \"decision\": true, \"handoff\": null}]}", &err), "");
	assert_string_equal(check("{\"responsibilities\": [{\"key\": \"k\", "
	    "\"name\": \"n\", \"needed_by\": \"data\", \"expects_ds\": true}]}",
	    &err), "");
	assert_string_equal(check("{\"stages\": {\"data\": {\"weeks\": 3}}, "
	    "\"role_labels\": {\"ds\": \"Research scientist\"}}", &err), "");
}

static void
test_list_names_the_row(void **state)
{
	static const struct {
		const char	*body;
		const char	*field;
		const char	*words;
	} bad[] = {
		{ "{\"checkpoints\": {}}", "checkpoints", "must be an array" },
		{ "{\"checkpoints\": []}", "checkpoints", "1 to 100 items" },
		{ "{\"checkpoints\": [" ROW "}, 3]}", "checkpoints[1]",
		    "must be an object" },
		{ "{\"checkpoints\": [" ROW "}, " ROW ", \"title\": \"\"}]}",
		    "checkpoints[1].title", "must not be empty" },
		{ "{\"checkpoints\": [" ROW ", \"anchor\": \"never\"}]}",
		    "checkpoints[0].anchor", "kickoff" },
		{ "{\"checkpoints\": [{\"title\": \"t\"}]}",
		    "checkpoints[0].stage", "required" },
		{ "{\"checkpoints\": [" ROW ", \"week_offset\": 105}]}",
		    "checkpoints[0].week_offset", "between -52 and 104" },
		{ "{\"checkpoints\": [" ROW ", \"extra\": 1}]}",
		    "checkpoints[0].extra", "not a known field" },
		{ "{\"responsibilities\": [{\"key\": \"k\", \"name\": \"n\"}]}",
		    "responsibilities[0].needed_by", "required" },
		{ "{\"stages\": {\"data\": {\"weeks\": 53}}}",
		    "stages.data.weeks", "between 1 and 52" },
	};
	struct verror	err;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_string_equal(check(bad[i].body, &err), bad[i].field);
		if (strstr(err.message, bad[i].words) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", bad[i].body,
			    err.message, bad[i].words);
	}
}

/* 101 rows: one too many. */
static void
test_list_bounds(void **state)
{
	struct verror	err;
	json_t		*body, *list;
	int		 i;

	(void)state;
	list = json_array();
	for (i = 0; i < 101; i++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:b}",
		    "key", "k", "name", "n", "needed_by", "data",
		    "expects_ds", 1));
	body = json_pack("{s:o}", "responsibilities", list);
	assert_int_equal(validate_object(body, templates_body, &err), -1);
	assert_string_equal(err.field, "responsibilities");
	json_array_remove(list, 0);
	assert_int_equal(validate_object(body, templates_body, &err), 0);
	json_decref(body);
}

static void
test_map_of_pairs(void **state)
{
	static const struct {
		const char	*body;
		const char	*field;
	} cases[] = {
		{ "{\"boxes\": {\"on_call/swe\": {\"person_id\": 3, "
		    "\"version\": 1}, \"data_contract_2/ds\": "
		    "{\"person_id\": null, \"version\": 4}}}", "" },
		{ "{\"boxes\": {}}", "" },
		/* Not two names: refused at the map, the key not shown. */
		{ "{\"boxes\": {\"on_call\": {\"version\": 1}}}", "boxes" },
		{ "{\"boxes\": {\"on_call/swe/x\": {\"version\": 1}}}",
		    "boxes" },
		{ "{\"boxes\": {\"On_call/swe\": {\"version\": 1}}}",
		    "boxes" },
		{ "{\"boxes\": {\"on_call/\": {\"version\": 1}}}", "boxes" },
		{ "{\"boxes\": {\"/swe\": {\"version\": 1}}}", "boxes" },
		{ "{\"boxes\": {\"9a/swe\": {\"version\": 1}}}", "boxes" },
		/* Of the shape: its value is checked, and named. */
		{ "{\"boxes\": {\"on_call/swe\": {\"person_id\": 3}}}",
		    "boxes.on_call/swe.version" },
		{ "{\"boxes\": {\"on_call/swe\": 7}}", "boxes.on_call/swe" },
	};
	struct verror	err;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(check_with(ownership_matrix_body,
		    cases[i].body, &err), cases[i].field);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_accepts_rows),
		cmocka_unit_test(test_list_names_the_row),
		cmocka_unit_test(test_list_bounds),
		cmocka_unit_test(test_map_of_pairs),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

/*
 * Unit tests: the field tables (fields.c) speak the vocabulary (vocab.c).
 * The spec object of a project's body is the one place besides vocab.c
 * that names the spec answers (with their limits); the pages' forms take
 * their names from spec_keys.  These tests catch the two drifting apart.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fields.h"
#include "vocab.h"

static const struct field *
field_named(const struct field *t, const char *name)
{
	for (; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return (t);
	return (NULL);
}

/*
 * The spec object holds the spec answers, in the vocabulary's order, then
 * the data audit's (spec_form_keys, what the pages post).
 */
static void
check_spec(const struct field *body)
{
	const struct field	*spec, *f;
	size_t			 i;

	spec = field_named(body, "spec");
	assert_non_null(spec);
	assert_int_equal(spec->type, FIELD_OBJECT);
	for (i = 0, f = spec->sub; spec_keys[i] != NULL; i++, f++) {
		assert_non_null(f->name);
		assert_string_equal(f->name, spec_keys[i]);
		assert_string_equal(f->name, spec_form_keys[i]);
	}
	for (i = 0; audit_keys[i] != NULL; i++, f++) {
		assert_non_null(f->name);
		assert_string_equal(f->name, audit_keys[i]);
		assert_string_equal(f->name, spec_form_keys[SPEC_COUNT + i]);
	}
	assert_null(f->name);
	assert_null(spec_form_keys[SPEC_COUNT + AUDIT_COUNT]);
}

static void
test_spec_fields(void **state)
{
	(void)state;
	check_spec(project_create_body);
	check_spec(project_patch_body);
}

/* Every choice list of a body or query field is one of the vocabulary. */
static int
is_vocab(const char *const *keys)
{
	size_t	i;

	for (i = 0; i < nvocabularies; i++)
		if (vocabularies[i].keys == keys)
			return (1);
	return (keys == person_role_keys ||
	    keys == project_status_filter_keys);
}

static void
check_choices(const struct field *t)
{
	for (; t->name != NULL; t++) {
		if (t->type == FIELD_ENUM || t->type == FIELD_MAP) {
			if (!is_vocab(t->choices))
				fail_msg("%s: choices outside vocab.c",
				    t->name);
		}
		if (t->sub != NULL)
			check_choices(t->sub);
	}
}

static void
test_choices_from_vocab(void **state)
{
	const struct field *const tables[] = {
		person_create_body, person_patch_body, person_active_body,
		person_list_query, project_create_body, project_patch_body,
		project_list_query, stage_body, checkpoint_create_body,
		checkpoint_patch_body, ownership_body, cell_form_body,
		offer_body, login_body, login_form_body, token_body,
		user_create_body, user_patch_body, page_query, risks_query,
		as_of_query, digest_query, portfolio_query, login_query,
		templates_body,
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		check_choices(tables[i]);
}

/* The words of a field: its label, a spec answer's question, or itself. */
static void
test_field_labels(void **state)
{
	const struct field	*f;

	(void)state;
	assert_string_equal(field_label("target_launch_on"), "Target launch");
	assert_string_equal(field_label("kickoff_on"), "Kickoff");
	assert_string_equal(field_label("pm_id"), "PM");
	assert_string_equal(field_label("spec.fallback"),
	    spec_questions[SPEC_FALLBACK].label);
	assert_string_equal(field_label("spec.nothing"), "spec.nothing");
	assert_string_equal(field_label("unknown_field"), "unknown_field");
	assert_string_equal(field_label(NULL), "");
	/* The stage plan's dates: the stage's name and which end. */
	assert_string_equal(field_label("plan.data.start"),
	    "Data exploration start");
	assert_string_equal(field_label("plan.monitoring.end"),
	    "Monitoring & maintenance end");
	assert_string_equal(field_label("plan.deploy.end"), "plan.deploy.end");
	assert_string_equal(field_label("plan.data.middle"),
	    "plan.data.middle");
	assert_string_equal(field_label("plan.data"), "plan.data");
	/* Every field a project may be created or changed with has words. */
	for (f = project_patch_body; f->name != NULL; f++) {
		if (strcmp(f->name, "spec") == 0)
			continue;
		if (strcmp(field_label(f->name), f->name) == 0)
			fail_msg("%s has no label", f->name);
	}
}

/* Messages in a page's words: field names become labels. */
static void
test_field_words(void **state)
{
	static const char *const cases[][2] = {
		{ "target_launch_on must not be before kickoff_on",
		  "Target launch must not be before kickoff" },
		{ "name is required", "Name is required" },
		{ "pm_id: no such person", "PM: no such person" },
		{ "spec.fallback is too long (2000 characters at most).",
		  "Fallback behaviour is too long (2000 characters at most)." },
		{ "the reason is required when target_launch_on moves",
		  "the reason is required when target launch moves" },
		{ "a status named done", "a status named done" },
		{ "", "" },
	};
	char	out[128], small[8];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		field_words(cases[i][0], out, sizeof(out));
		assert_string_equal(out, cases[i][1]);
	}
	/* Cut at the size, always terminated. */
	field_words("target_launch_on is late", small, sizeof(small));
	assert_string_equal(small, "Target ");
	field_words(NULL, out, sizeof(out));
	assert_string_equal(out, "");
	/* A nested field's message starts with its last name only. */
	field_message("plan.data.end", "end must be a calendar date as "
	    "YYYY-MM-DD", out, sizeof(out));
	assert_string_equal(out, "Data exploration end must be a calendar "
	    "date as YYYY-MM-DD");
	/* Not its start: words as usual. */
	field_message("plan.data.end", "Data exploration would end before "
	    "it starts", out, sizeof(out));
	assert_string_equal(out, "Data exploration would end before it "
	    "starts");
	/* A field with no label of its own: its last name's label. */
	field_message("boxes.fallback/ds.person_id", "person_id must be an "
	    "integer", out, sizeof(out));
	assert_string_equal(out, "Owner must be an integer");
	field_message(NULL, "due_on is late", out, sizeof(out));
	assert_string_equal(out, "Due is late");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_fields),
		cmocka_unit_test(test_choices_from_vocab),
		cmocka_unit_test(test_field_labels),
		cmocka_unit_test(test_field_words),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

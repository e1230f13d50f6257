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

/* The spec object holds the spec answers, in the vocabulary's order. */
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
	}
	assert_null(f->name);
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
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		check_choices(tables[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_fields),
		cmocka_unit_test(test_choices_from_vocab),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

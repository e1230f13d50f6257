/*
 * Unit tests: the people's <option>s drawn once per page and copied for
 * each select (render_menus_begin(), render_form.c) are the same bytes as
 * drawing them again, on random lists, roles and selections.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render.h"

static const char *const roles[] = { "ds", "mle", "swe", "pm" };

/* n people with random roles and activity, and names that need escaping. */
static json_t *
random_people(unsigned int *seed, size_t n)
{
	json_t	*list = json_array();
	char	 name[32];
	size_t	 i;

	for (i = 0; i < n; i++) {
		(void)snprintf(name, sizeof(name), "P<%zu> & \"co\"", i);
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:b}",
		    "id", (json_int_t)(i * 3 + 1), "name", name, "role",
		    roles[rand_r(seed) % 4], "active", rand_r(seed) % 5 != 0));
	}
	return (json_pack("{s:o}", "people", list));
}

/* What one select gets, drawn directly (menus off) or from the kept one. */
static char *
draw(json_t *people, int grouped, long long selected, const char *none,
    const char *role)
{
	struct sbuf	 b;
	char		*out;

	sbuf_init(&b);
	if (grouped)
		render_person_groups(&b, people, selected, none != NULL ?
		    none : "nobody", role != NULL ? role : "ds", "DS <label>");
	else
		render_person_options(&b, people, selected, none, role);
	assert_false(sbuf_failed(&b));
	out = strdup(sbuf_cstr(&b));
	sbuf_free(&b);
	return (out);
}

#define CASES	50

struct select_case {
	int		 grouped;
	const char	*none;
	const char	*role;
	long long	 selected;
	char		*direct;
};

static void
test_kept_equals_drawn(void **state)
{
	struct select_case	 c[CASES];
	unsigned int		 seed = 20261202;
	json_t			*people;
	char			*kept;
	int			 round, i, n, marked;

	(void)state;
	for (round = 0; round < 40; round++) {
		n = 1 + rand_r(&seed) % 60;
		people = random_people(&seed, (size_t)n);
		/* Every select drawn afresh ... */
		for (i = 0; i < CASES; i++) {
			c[i].grouped = rand_r(&seed) % 2;
			c[i].none = rand_r(&seed) % 3 == 0 ? NULL : "choose";
			c[i].role = rand_r(&seed) % 3 == 0 ? NULL :
			    roles[rand_r(&seed) % 3];
			/* Nobody, someone of the list (active or not), or
			 * someone not on it. */
			switch (rand_r(&seed) % 4) {
			case 0:
				c[i].selected = 0;
				break;
			case 1:
				c[i].selected = 1000 + rand_r(&seed) % 10;
				break;
			default:
				c[i].selected = (long long)(rand_r(&seed) %
				    n) * 3 + 1;
				break;
			}
			c[i].direct = draw(people, c[i].grouped,
			    c[i].selected, c[i].none, c[i].role);
		}
		/* ... and again on one page, lists kept between selects. */
		render_menus_begin();
		marked = 0;
		for (i = 0; i < CASES; i++) {
			kept = draw(people, c[i].grouped, c[i].selected,
			    c[i].none, c[i].role);
			assert_string_equal(kept, c[i].direct);
			marked += strstr(kept, " selected>") != NULL;
			free(kept);
			free(c[i].direct);
		}
		render_menus_end();
		assert_true(marked > 0);
		json_decref(people);
	}
}

/* A selected person the kept list leaves out is still offered, selected. */
static void
test_inactive_selected_shown(void **state)
{
	json_t	*people;
	char	*out;

	(void)state;
	people = json_pack("{s:[{s:i, s:s, s:s, s:b}, {s:i, s:s, s:s, s:b}]}",
	    "people", "id", 1, "name", "Ada", "role", "ds", "active", 1,
	    "id", 2, "name", "Gone", "role", "ds", "active", 0);
	render_menus_begin();
	out = draw(people, 1, 0, NULL, "ds");
	assert_null(strstr(out, "Gone"));
	free(out);
	out = draw(people, 1, 2, NULL, "ds");
	assert_non_null(strstr(out, "<option value=\"2\" selected>Gone (ds)"));
	free(out);
	out = draw(people, 1, 1, NULL, "ds");
	assert_non_null(strstr(out, "<option value=\"1\" selected>Ada (ds)"));
	assert_null(strstr(out, "Gone"));
	free(out);
	render_menus_end();
	json_decref(people);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_equals_drawn),
		cmocka_unit_test(test_inactive_selected_shown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

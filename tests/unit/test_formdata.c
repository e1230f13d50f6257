/* Unit tests: the id a form's field names (formdata_id). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "formdata.h"

static void
test_id_read(void **state)
{
	static const struct {
		const char	*in;
		long long	 id;
	} ok[] = {
		{ "12", 12 },
		{ "0", 0 },
		{ "-3", -3 },
		{ "Dana Diaz (ds) #17", 17 },
		{ "Dana Diaz (ds) #17  ", 17 },
		{ "A #1 fan (swe) #230", 230 },
		{ "#5", 5 },
	};
	static const char *const bad[] = {
		"", "dana", "Dana Diaz (ds)", "12x", "Dana #", "Dana #x1",
		"Dana #17 (ds)", "#99999999999999999999", " ",
	};
	long long	id;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		id = -99;
		assert_int_equal(formdata_id(ok[i].in, &id), 0);
		assert_int_equal(id, ok[i].id);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(formdata_id(bad[i], &id), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_read),
	};

	return (cmocka_run_group_tests_name("formdata", tests, NULL, NULL));
}

/*
 * Unit tests: facts_from_json(), the reader of the facts document the
 * database builds.
 *
 * Random portfolios are written out as that document (by factsdoc.c,
 * which follows the format of facts_json.h), read back, and must
 * give the engine the same answers on every day; malformed documents are
 * refused, never half read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "facts.h"
#include "facts_json.h"
#include "factsdoc.h"
#include "risk.h"
#include "riskcase.h"

static int
same_day(const struct portfolio *a, const struct portfolio *b, day_t d)
{
	struct risk_list	x, y;
	size_t			i;
	int			same;

	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	if (risk_compute(a, d, 0, &x) == -1 || risk_compute(b, d, 0, &y) == -1)
		fail_msg("out of memory");
	same = x.len == y.len;
	for (i = 0; same && i < x.len; i++)
		same = risk_order_cmp(&x.items[i], &y.items[i]) == 0 &&
		    x.items[i].since == y.items[i].since &&
		    strcmp(x.items[i].message, y.items[i].message) == 0;
	risk_list_free(&x);
	risk_list_free(&y);
	return (same);
}

static void
test_round_trip(void **state)
{
	struct rcase		 c;
	struct portfolio	 back;
	json_t			*doc;
	day_t			 first, d;
	uint32_t		 seed;

	(void)state;
	first = date_from_ymd(2026, 11, 2);
	for (seed = 1; seed <= 120; seed++) {
		if (rcase_random(&c, seed, first) == -1)
			fail_msg("out of memory");
		if ((doc = factsdoc_json(&c.pf)) == NULL)
			fail_msg("cannot build the document");
		facts_init(&back);
		assert_int_equal(facts_from_json(doc, &back), 0);
		assert_int_equal(back.nprojects, c.pf.nprojects);
		assert_int_equal(back.npeople, c.pf.npeople);
		assert_int_equal(back.overload_threshold,
		    c.pf.overload_threshold);
		for (d = first - 5; d < first + 200; d += 3)
			assert_true(same_day(&c.pf, &back, d));
		facts_free(&back);
		json_decref(doc);
		rcase_free(&c);
	}
}

/* A document of the wrong shape is refused. */
static void
test_refuses_malformed(void **state)
{
	static const char *const bad[] = {
		"[]",
		"{\"projects\": [{\"id\": 1, \"name\": \"x\"}]}",
		"{\"projects\": [{\"id\": 1, \"name\": \"x\", \"created\": "
		    "\"2026-01-01\"}]}",
		"{\"projects\": [{\"id\": 1, \"created\": 20000, \"versions\":"
		    " [{\"seq\": 1, \"on\": 20000, \"status\": \"lost\", "
		    "\"stage\": \"data\"}]}]}",
		"{\"projects\": [{\"id\": 1, \"created\": 20000, \"versions\":"
		    " [{\"seq\": 1, \"on\": 20000, \"status\": \"active\", "
		    "\"stage\": \"nowhere\"}]}]}",
		"{\"projects\": [{\"id\": 1, \"created\": 20000, \"versions\":"
		    " [{\"on\": 20000, \"status\": \"active\", "
		    "\"stage\": \"data\"}]}]}",
		"{\"projects\": [{\"id\": 1, \"created\": 20000, \"handoffs\":"
		    " [{\"key\": \"ab\", \"leads_into\": \"data\"}]}]}",
		"{\"people\": [{\"id\": 1, \"versions\": [{\"seq\": 1, "
		    "\"on\": null}]}]}",
	};
	struct portfolio	 pf;
	json_error_t		 err;
	json_t			*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if ((doc = json_loads(bad[i], 0, &err)) == NULL)
			fail_msg("%s: %s", bad[i], err.text);
		facts_init(&pf);
		if (facts_from_json(doc, &pf) != -1)
			fail_msg("accepted: %s", bad[i]);
		facts_free(&pf);
		json_decref(doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refuses_malformed),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

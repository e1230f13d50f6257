/*
 * Unit tests: the Prometheus text format's escapes, bounds and buckets
 * (expo.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "expo.h"

static void
test_label(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	expo_label(&b, "/projects/#project/ownership/:key/:role");
	assert_string_equal(sbuf_cstr(&b),
	    "\"/projects/#project/ownership/:key/:role\"");
	sbuf_reset(&b);
	expo_label(&b, "a\\b\"c\nd");
	assert_string_equal(sbuf_cstr(&b), "\"a\\\\b\\\"c\\nd\"");
	sbuf_reset(&b);
	expo_label(&b, "");
	assert_string_equal(sbuf_cstr(&b), "\"\"");
	sbuf_free(&b);
}

static void
test_head(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	/* HELP escapes backslash and line feed, not quotes. */
	expo_head(&b, "x_total", "counter", "say \"a\\b\"\nok");
	assert_string_equal(sbuf_cstr(&b), "# HELP x_total say \"a\\\\b\"\\nok"
	    "\n# TYPE x_total counter\n");
	sbuf_free(&b);
}

static void
test_seconds(void **state)
{
	static const struct {
		uint64_t	 ms;
		const char	*text;
	} rows[] = {
		{ 0, "0" }, { 5, "0.005" }, { 10, "0.01" }, { 250, "0.25" },
		{ 1000, "1" }, { 2500, "2.5" }, { 10000, "10" },
		{ 61001, "61.001" },
	};
	struct sbuf	b;
	size_t		i;

	(void)state;
	sbuf_init(&b);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sbuf_reset(&b);
		expo_seconds(&b, rows[i].ms);
		assert_string_equal(sbuf_cstr(&b), rows[i].text);
	}
	sbuf_free(&b);
}

static void
test_buckets(void **state)
{
	int	i;

	(void)state;
	/* Increasing bounds; a bound's own value falls in its bucket. */
	for (i = 1; i < EXPO_NBUCKETS - 1; i++)
		assert_true(expo_bucket_ms[i] > expo_bucket_ms[i - 1]);
	assert_int_equal(expo_bucket_of(0), 0);
	assert_int_equal(expo_bucket_of(5), 0);
	assert_int_equal(expo_bucket_of(6), 1);
	assert_int_equal(expo_bucket_of(100), 4);
	assert_int_equal(expo_bucket_of(10000), EXPO_NBUCKETS - 2);
	assert_int_equal(expo_bucket_of(10001), EXPO_NBUCKETS - 1);
	assert_int_equal(expo_bucket_of(UINT64_MAX), EXPO_NBUCKETS - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_label),
		cmocka_unit_test(test_head),
		cmocka_unit_test(test_seconds),
		cmocka_unit_test(test_buckets),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

/*
 * Unit tests: write-ahead log positions and a replica's lag (lsn.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lsn.h"

static void
test_parse(void **state)
{
	static const struct {
		const char	*s;
		uint64_t	 v;
	} ok[] = {
		{ "0/0", 0 },
		{ "0/1", 1 },
		{ "16/B374D848", 0x16B374D848ULL },
		{ "16/b374d848", 0x16B374D848ULL },
		{ "FFFFFFFF/FFFFFFFF", UINT64_MAX },
		{ "1/0", 0x100000000ULL },
	};
	static const char *bad[] = {
		"", "/", "0/", "/0", "0", "0/0/0", "G/0", "0/-1", " 0/0",
		"0/0 ", "100000000/0", "0/100000000", "0x1/0",
	};
	char		buf[LSN_LEN];
	uint64_t	v;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 12345;
		assert_int_equal(lsn_parse(ok[i].s, &v), 0);
		assert_true(v == ok[i].v);
		lsn_format(v, buf, sizeof(buf));
		assert_int_equal(lsn_parse(buf, &v), 0);
		assert_true(v == ok[i].v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 7;
		assert_int_equal(lsn_parse(bad[i], &v), -1);
		assert_true(v == 7);
	}
	assert_int_equal(lsn_parse(NULL, &v), -1);
	lsn_format(0x16B374D848ULL, buf, sizeof(buf));
	assert_string_equal(buf, "16/B374D848");
}

static void
test_lag(void **state)
{
	struct lsn_samples	s;
	uint64_t		t;

	(void)state;
	memset(&s, 0, sizeof(s));
	/* Nothing sampled yet: nothing known to be missing. */
	assert_true(lsn_lag_ms(&s, 1000, 0) == 0);

	lsn_sample(&s, 1000, 100);
	lsn_sample(&s, 2000, 200);
	lsn_sample(&s, 3000, 300);
	/* Caught up, and beyond. */
	assert_true(lsn_lag_ms(&s, 3500, 300) == 0);
	assert_true(lsn_lag_ms(&s, 3500, 400) == 0);
	/* Missing 200 (seen at 2000) and 300. */
	assert_true(lsn_lag_ms(&s, 3500, 150) == 1500);
	assert_true(lsn_lag_ms(&s, 3500, 200) == 500);
	/* Missing everything sampled: at least the oldest sample's age. */
	assert_true(lsn_lag_ms(&s, 3500, 99) == 2500);

	/* The ring wraps: the oldest kept is LSN_SAMPLES back. */
	for (t = 0; t < 3 * LSN_SAMPLES; t++)
		lsn_sample(&s, 10000 + t * 1000, 1000 + t);
	/* The last sample's position is 1000 + 3 * LSN_SAMPLES - 1. */
	assert_true(lsn_lag_ms(&s, 10000 + 3 * LSN_SAMPLES * 1000, 0) ==
	    LSN_SAMPLES * 1000);
	assert_true(lsn_lag_ms(&s, 10000 + 3 * LSN_SAMPLES * 1000,
	    1000 + 3 * LSN_SAMPLES - 1) == 0);
	assert_true(lsn_lag_ms(&s, 10000 + 3 * LSN_SAMPLES * 1000,
	    1000 + 3 * LSN_SAMPLES - 2) == 1000);
	/* A clock that went back says no lag rather than a huge one. */
	assert_true(lsn_lag_ms(&s, 0, 0) == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_lag),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

/*
 * Unit tests: token buckets by client, and the key of an address
 * (throttle.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "throttle.h"

static const unsigned char seed[16] = "0123456789abcdef";

/* A burst, then one a second: the waits say when. */
static void
test_burst_then_rate(void **state)
{
	struct throttle	t;
	int		i;

	(void)state;
	assert_int_equal(throttle_init(&t, 16, 3, 0.5, seed), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(throttle_take(&t, "address 192.0.2.1", 100),
		    0);
	/* Empty: one token more in 2 s. */
	assert_int_equal(throttle_take(&t, "address 192.0.2.1", 100), 2);
	assert_int_equal(throttle_take(&t, "address 192.0.2.1", 101), 1);
	assert_int_equal(throttle_take(&t, "address 192.0.2.1", 102), 0);
	assert_int_equal(throttle_take(&t, "address 192.0.2.1", 102), 2);
	/* Another client has a bucket of its own. */
	assert_int_equal(throttle_take(&t, "address 192.0.2.2", 102), 0);
	/* Never more than the burst, however long the wait. */
	for (i = 0; i < 3; i++)
		assert_int_equal(throttle_take(&t, "address 192.0.2.1",
		    10000), 0);
	assert_int_not_equal(throttle_take(&t, "address 192.0.2.1", 10000),
	    0);
	/* A clock that goes back gives nothing. */
	assert_int_not_equal(throttle_take(&t, "address 192.0.2.1", 50), 0);
	throttle_free(&t);
}

/* No refill at all: an hour's wait, not a division by zero. */
static void
test_no_refill(void **state)
{
	struct throttle	t;

	(void)state;
	assert_int_equal(throttle_init(&t, 4, 1, 0, seed), 0);
	assert_int_equal(throttle_take(&t, "k", 0), 0);
	assert_int_equal(throttle_take(&t, "k", 1e9), 3600);
	throttle_free(&t);
}

/* Slot counts that are not powers of two are refused. */
static void
test_init_refuses(void **state)
{
	struct throttle	t;

	(void)state;
	assert_int_equal(throttle_init(&t, 0, 1, 1, seed), -1);
	assert_int_equal(throttle_init(&t, 1, 1, 1, seed), -1);
	assert_int_equal(throttle_init(&t, 12, 1, 1, seed), -1);
}

/*
 * More clients than slots: a client pushed out comes back with a full
 * bucket (never an emptier one), and the clients that stay keep theirs.
 */
static void
test_full_table(void **state)
{
	struct throttle	t;
	char		key[THROTTLE_KEY_LEN];
	int		i, refused;

	(void)state;
	assert_int_equal(throttle_init(&t, 8, 2, 0.001, seed), 0);
	/* One client empties its bucket... */
	assert_int_equal(throttle_take(&t, "address 198.51.100.1", 0), 0);
	assert_int_equal(throttle_take(&t, "address 198.51.100.1", 0), 0);
	assert_int_not_equal(throttle_take(&t, "address 198.51.100.1", 0),
	    0);
	/* ... 100 others come once each: each is let through once. */
	for (i = 0; i < 100; i++) {
		(void)snprintf(key, sizeof(key), "address 203.0.113.%d", i);
		assert_int_equal(throttle_take(&t, key, 0), 0);
	}
	/*
	 * The first is refused again, unless it was pushed out (its two
	 * slots were the same, given to a newcomer): then its bucket is a
	 * full one, never an emptier one.
	 */
	refused = throttle_take(&t, "address 198.51.100.1", 0) != 0;
	if (!refused) {
		assert_int_equal(throttle_take(&t, "address 198.51.100.1", 0),
		    0);
		assert_int_not_equal(throttle_take(&t, "address 198.51.100.1",
		    0), 0);
	}
	throttle_free(&t);
}

static void
test_client_key(void **state)
{
	static const struct {
		const char	*address, *key;
	} cases[] = {
		{ "192.0.2.7", "address 192.0.2.7" },
		{ "2001:db8:1:2:3:4:5:6", "address 2001:db8:1:2::/64" },
		{ "2001:db8:1:2::1", "address 2001:db8:1:2::/64" },
		{ "2001:db8:1:3::1", "address 2001:db8:1:3::/64" },
		{ "::1", "address ::/64" },
		{ "::ffff:192.0.2.7", "address 192.0.2.7" },
		{ "local", "address local" },
		{ "", "address " },
	};
	char	key[THROTTLE_KEY_LEN];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		throttle_client_key(cases[i].address, key);
		assert_string_equal(key, cases[i].key);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_burst_then_rate),
		cmocka_unit_test(test_no_refill),
		cmocka_unit_test(test_init_refuses),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_client_key),
	};

	return (cmocka_run_group_tests_name("throttle", tests, NULL, NULL));
}

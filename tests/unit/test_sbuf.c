/* Unit tests: sbuf. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sbuf.h"

static void
test_empty_is_empty_string(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	assert_string_equal(sbuf_cstr(&b), "");
	assert_int_equal(b.len, 0);
	sbuf_free(&b);
}

static void
test_appends_and_grows(void **state)
{
	struct sbuf	b;
	int		i;

	(void)state;
	sbuf_init(&b);
	for (i = 0; i < 1000; i++)
		sbuf_str(&b, "abc");
	assert_int_equal(b.len, 3000);
	assert_int_equal(strlen(sbuf_cstr(&b)), 3000);
	assert_memory_equal(b.data + 2997, "abc", 4);
	assert_false(sbuf_failed(&b));
	sbuf_free(&b);
}

static void
test_printf_formats(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	sbuf_printf(&b, "%s-%d-%05.1f", "x", 42, 3.14159);
	sbuf_char(&b, '!');
	assert_string_equal(sbuf_cstr(&b), "x-42-003.1!");
	sbuf_free(&b);
}

static void
test_printf_long_output(void **state)
{
	struct sbuf	 b;
	char		*big;

	(void)state;
	big = malloc(10001);
	assert_non_null(big);
	memset(big, 'z', 10000);
	big[10000] = '\0';

	sbuf_init(&b);
	sbuf_printf(&b, "<%s>", big);
	assert_int_equal(b.len, 10002);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[10001], '>');
	sbuf_free(&b);
	free(big);
}

static void
test_reset_keeps_buffer_usable(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	sbuf_str(&b, "hello");
	sbuf_reset(&b);
	assert_string_equal(sbuf_cstr(&b), "");
	sbuf_str(&b, "again");
	assert_string_equal(sbuf_cstr(&b), "again");
	sbuf_free(&b);
}

static void
test_steal_hands_over_bytes(void **state)
{
	struct sbuf	 b;
	char		*p;
	size_t		 len;

	(void)state;
	sbuf_init(&b);
	p = sbuf_steal(&b, &len);
	assert_non_null(p);
	assert_int_equal(len, 0);
	assert_string_equal(p, "");
	free(p);

	sbuf_str(&b, "mine");
	p = sbuf_steal(&b, &len);
	assert_string_equal(p, "mine");
	assert_int_equal(len, 4);
	assert_null(b.data);
	free(p);
}

static void
test_reserve_is_one_allocation(void **state)
{
	struct sbuf	 b;
	char		 chunk[1000];
	const char	*at;
	int		 i;

	(void)state;
	memset(chunk, 'a', sizeof(chunk));
	sbuf_init(&b);
	assert_int_equal(sbuf_reserve(&b, 100 * sizeof(chunk)), 0);
	assert_true(b.cap > 100 * sizeof(chunk));
	at = b.data;
	for (i = 0; i < 100; i++)
		sbuf_add(&b, chunk, sizeof(chunk));
	/* What was reserved held it all: the bytes never moved. */
	assert_ptr_equal(b.data, at);
	assert_int_equal(b.len, 100 * sizeof(chunk));
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(sbuf_reserve(&b, SIZE_MAX), -1);
	assert_true(sbuf_failed(&b));
	sbuf_free(&b);
}

static void
test_overflow_marks_failed(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	sbuf_str(&b, "x");
	/* A length that cannot fit must fail, not wrap around. */
	sbuf_add(&b, "y", SIZE_MAX);
	assert_true(sbuf_failed(&b));
	/* Later writes are ignored, the content is unchanged. */
	sbuf_str(&b, "more");
	assert_int_equal(b.len, 1);
	assert_null(sbuf_steal(&b, NULL));
	sbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_is_empty_string),
		cmocka_unit_test(test_appends_and_grows),
		cmocka_unit_test(test_printf_formats),
		cmocka_unit_test(test_printf_long_output),
		cmocka_unit_test(test_reset_keeps_buffer_usable),
		cmocka_unit_test(test_steal_hands_over_bytes),
		cmocka_unit_test(test_reserve_is_one_allocation),
		cmocka_unit_test(test_overflow_marks_failed),
	};

	return (cmocka_run_group_tests_name("sbuf", tests, NULL, NULL));
}

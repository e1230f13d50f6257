/*
 * Unit tests: trusted proxies, X-Forwarded-For, request ids and the
 * loopback (proxy.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "proxy.h"

static void
test_list_parse(void **state)
{
	struct proxy_list	l;
	char			bad[64];

	(void)state;
	assert_int_equal(proxy_list_parse(NULL, &l, bad, sizeof(bad)), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(proxy_list_parse("", &l, bad, sizeof(bad)), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(proxy_list_parse(" 127.0.0.1 , ::1,,10.0.0.5\t",
	    &l, bad, sizeof(bad)), 0);
	assert_int_equal(l.n, 3);
	assert_true(proxy_trusted(&l, "127.0.0.1"));
	assert_true(proxy_trusted(&l, "::1"));
	assert_true(proxy_trusted(&l, "10.0.0.5"));
	/* The same address written as IPv4-mapped IPv6 is the same. */
	assert_true(proxy_trusted(&l, "::ffff:10.0.0.5"));
	assert_false(proxy_trusted(&l, "10.0.0.6"));
	assert_false(proxy_trusted(&l, "127.0.0.2"));
	assert_false(proxy_trusted(&l, "nginx"));
	assert_false(proxy_trusted(&l, NULL));

	/* A name, a network or junk: refused, named; what came before kept. */
	assert_int_equal(proxy_list_parse("127.0.0.1, localhost, ::1", &l,
	    bad, sizeof(bad)), -1);
	assert_string_equal(bad, "localhost");
	assert_int_equal(l.n, 1);
	assert_int_equal(proxy_list_parse("10.0.0.0/8", &l, bad,
	    sizeof(bad)), -1);
	assert_string_equal(bad, "10.0.0.0/8");
	assert_int_equal(l.n, 0);
}

static void
test_list_full(void **state)
{
	struct proxy_list	l;
	char			list[1024], bad[64];
	int			i;

	(void)state;
	list[0] = '\0';
	for (i = 0; i <= PROXY_MAX; i++)
		(void)snprintf(list + strlen(list), sizeof(list) -
		    strlen(list), "%s10.0.0.%d", i > 0 ? "," : "", i + 1);
	assert_int_equal(proxy_list_parse(list, &l, bad, sizeof(bad)), -1);
	assert_int_equal(l.n, PROXY_MAX);
	assert_string_equal(bad, "10.0.0.17");
}

/* Rows: peer, X-Forwarded-For, the client. */
static void
test_client(void **state)
{
	static const char *const rows[][3] = {
		/* Not from a trusted proxy: the header means nothing. */
		{ "192.0.2.9", "198.51.100.1", "192.0.2.9" },
		/* From one, without the header: the proxy itself. */
		{ "127.0.0.1", NULL, "127.0.0.1" },
		{ "127.0.0.1", "", "127.0.0.1" },
		{ "127.0.0.1", "198.51.100.1", "198.51.100.1" },
		{ "127.0.0.1", " 198.51.100.1 ", "198.51.100.1" },
		/* What the client wrote before comes first: the last
		 * untrusted hop wins, whatever it claimed. */
		{ "127.0.0.1", "127.0.0.1, 198.51.100.1", "198.51.100.1" },
		{ "127.0.0.1", "203.0.113.5, 198.51.100.1", "198.51.100.1" },
		/* A chain of trusted proxies is walked through. */
		{ "127.0.0.1", "198.51.100.1, 10.0.0.5", "198.51.100.1" },
		{ "::1", "2001:db8::1", "2001:db8::1" },
		{ "::ffff:127.0.0.1", "::ffff:198.51.100.7", "198.51.100.7" },
		/* Only proxies: the first of them. */
		{ "127.0.0.1", "10.0.0.5, 127.0.0.1", "10.0.0.5" },
		/* Junk ends the walk at the hop a proxy vouched for. */
		{ "127.0.0.1", "198.51.100.1, junk", "127.0.0.1" },
		{ "127.0.0.1", "junk, 10.0.0.5", "10.0.0.5" },
		{ "127.0.0.1", ",", "127.0.0.1" },
		{ "127.0.0.1", "198.51.100.1:4711", "127.0.0.1" },
	};
	struct proxy_list	l;
	char			bad[64], out[PROXY_ADDR_LEN];
	size_t			i;

	(void)state;
	assert_int_equal(proxy_list_parse("127.0.0.1,::1,10.0.0.5", &l, bad,
	    sizeof(bad)), 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		proxy_client(&l, rows[i][0], rows[i][1], out);
		if (strcmp(out, rows[i][2]) != 0)
			fail_msg("row %zu: %s via %s: %s, not %s", i,
			    rows[i][1] != NULL ? rows[i][1] : "(none)",
			    rows[i][0], out, rows[i][2]);
	}
	/* With nothing trusted, the peer always. */
	assert_int_equal(proxy_list_parse("", &l, bad, sizeof(bad)), 0);
	proxy_client(&l, "127.0.0.1", "198.51.100.1", out);
	assert_string_equal(out, "127.0.0.1");
	proxy_client(&l, "local", NULL, out);
	assert_string_equal(out, "local");
}

static void
test_request_id(void **state)
{
	char	id[PROXY_ID_MAX + 2];

	(void)state;
	assert_true(proxy_request_id_ok("5f2a1c0e-9b3d4a77"));
	assert_true(proxy_request_id_ok("edge.1_2:3-A"));
	assert_true(proxy_request_id_ok(
	    "0f8b6c3e-0000-4000-8000-9d1c2a3b4c5d"));
	assert_false(proxy_request_id_ok(NULL));
	assert_false(proxy_request_id_ok(""));
	assert_false(proxy_request_id_ok("a b"));
	assert_false(proxy_request_id_ok("a\"b"));
	assert_false(proxy_request_id_ok("a\nevent=login"));
	assert_false(proxy_request_id_ok("caf\xc3\xa9"));
	memset(id, 'a', PROXY_ID_MAX);
	id[PROXY_ID_MAX] = '\0';
	assert_true(proxy_request_id_ok(id));
	id[PROXY_ID_MAX] = 'a';
	id[PROXY_ID_MAX + 1] = '\0';
	assert_false(proxy_request_id_ok(id));
}

static void
test_loopback(void **state)
{
	(void)state;
	assert_true(proxy_is_loopback("127.0.0.1"));
	assert_true(proxy_is_loopback("127.255.3.4"));
	assert_true(proxy_is_loopback("::1"));
	assert_true(proxy_is_loopback("::ffff:127.0.0.1"));
	assert_false(proxy_is_loopback("128.0.0.1"));
	assert_false(proxy_is_loopback("10.0.0.1"));
	assert_false(proxy_is_loopback("::2"));
	assert_false(proxy_is_loopback("::"));
	assert_false(proxy_is_loopback("local"));
	assert_false(proxy_is_loopback("-"));
	assert_false(proxy_is_loopback(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_parse),
		cmocka_unit_test(test_list_full),
		cmocka_unit_test(test_client),
		cmocka_unit_test(test_request_id),
		cmocka_unit_test(test_loopback),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

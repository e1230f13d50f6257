/*
 * Unit tests: If-Match and Content-Type values (httpparse.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "httpparse.h"

static void
test_if_match_accepts(void **state)
{
	static const struct {
		const char	*value;
		long long	 version;
	} ok[] = {
		{ "\"3\"", 3 },
		{ "\"0\"", 0 },
		{ "\"007\"", 7 },
		{ "   \"12\"", 12 },		/* leading spaces */
		{ "\"2147483647\"", 2147483647 },	/* INT32_MAX */
		{ "*", HTTPPARSE_ANY },
		{ "  *", HTTPPARSE_ANY },
		{ "W/\"3\"", HTTPPARSE_WEAK },
		{ " W/\"0\"", HTTPPARSE_WEAK },
	};
	long long	version;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		version = 99;
		if (httpparse_if_match(ok[i].value, &version) != 0)
			fail_msg("rejected [%s]", ok[i].value);
		if (version != ok[i].version)
			fail_msg("[%s] gave %lld, not %lld", ok[i].value,
			    version, ok[i].version);
	}
}

static void
test_if_match_rejects(void **state)
{
	static const char *const bad[] = {
		"", " ", "3", "\"\"", "\"3", "3\"", "\"3\" ", "\"3\",\"4\"",
		"\"3\", \"4\"", "\"-1\"", "\"+1\"", "\" 1\"", "\"1a\"",
		"\"2147483648\"",			/* INT32_MAX + 1 */
		"\"99999999999999999999999\"",		/* beyond long long */
		"w/\"3\"", "W/3", "W/", "W/\"\"", "W/ \"3\"", "**", "* ",
		"\"*\"", "\t\"3\"", "'3'",
	};
	long long	version;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		version = 99;
		if (httpparse_if_match(bad[i], &version) != -1)
			fail_msg("accepted [%s]", bad[i]);
		assert_int_equal(version, HTTPPARSE_ANY);
	}
}

static void
test_json_type(void **state)
{
	static const char *const yes[] = {
		"application/json", "Application/JSON", "application/json ",
		"application/json;charset=utf-8",
		"application/json; charset=utf-8",
		"application/json ;  CHARSET=UTF-8",
	};
	static const char *const no[] = {
		"", "application/jso", "application/jsonx",
		"application/json-patch+json", "text/json",
		"application/json; charset=latin1",
		"application/json; charset=utf-8; x=y",
		"application/json; charset=utf-8 ", "application/json;",
		"application/json,", " application/json",
		"application/x-www-form-urlencoded",
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (httpparse_is_json_type(yes[i]) != 1)
			fail_msg("rejected [%s]", yes[i]);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		if (httpparse_is_json_type(no[i]) != 0)
			fail_msg("accepted [%s]", no[i]);
	}
}

static void
test_etag_match(void **state)
{
	static const char *const yes[] = {
		"\"7\"", "W/\"7\"", "*", " \"7\"", "\"1\", \"7\"",
		"\"1\",\"7\"", "W/\"1\" , W/\"7\"", "\"7\" ",
	};
	static const char *const no[] = {
		"", "\"70\"", "\"\"", "7", "\"1\"", "\"1\" \"7\"",
		"\"1\", 7", "**", "\"7", "w/\"1\"", "\"1\",",
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (httpparse_etag_match(yes[i], "\"7\"") != 1)
			fail_msg("did not match [%s]", yes[i]);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		if (httpparse_etag_match(no[i], "\"7\"") != 0)
			fail_msg("matched [%s]", no[i]);
	}
}

/* Sec-Fetch-Site, Origin, Host: could this page be one of ours? */
static void
test_same_site(void **state)
{
	static const struct {
		const char	*site, *origin, *host;
		int		 same;
	} cases[] = {
		/* Sec-Fetch-Site decides when there is one. */
		{ "same-origin", NULL, "a.example", 1 },
		{ "none", NULL, "a.example", 1 },
		{ "same-origin", "https://evil.example", "a.example", 1 },
		{ "cross-site", NULL, "a.example", 0 },
		{ "cross-site", "https://a.example", "a.example", 0 },
		{ "same-site", "https://b.a.example", "a.example", 0 },
		{ "", NULL, "a.example", 0 },
		{ "Same-Origin", NULL, "a.example", 0 },
		/* Else Origin, against Host. */
		{ NULL, "https://a.example", "a.example", 1 },
		{ NULL, "http://127.0.0.1:8888", "127.0.0.1:8888", 1 },
		{ NULL, "HTTP://A.Example", "a.example", 1 },
		{ NULL, "http://127.0.0.1:8889", "127.0.0.1:8888", 0 },
		{ NULL, "http://127.0.0.1", "127.0.0.1:8888", 0 },
		{ NULL, "https://a.example.evil", "a.example", 0 },
		{ NULL, "https://evil.example", "a.example", 0 },
		{ NULL, "null", "a.example", 0 },
		{ NULL, "", "a.example", 0 },
		{ NULL, "://a.example", "a.example", 0 },
		{ NULL, "https://", "", 0 },
		{ NULL, "https://a.example", NULL, 0 },
		/* Neither: not a browser. */
		{ NULL, NULL, "a.example", 1 },
		{ NULL, NULL, NULL, 1 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (httpparse_same_site(cases[i].site, cases[i].origin,
		    cases[i].host) != cases[i].same)
			fail_msg("case %zu: site [%s] origin [%s] host [%s] "
			    "is not %d", i, cases[i].site ? cases[i].site :
			    "(none)", cases[i].origin ? cases[i].origin :
			    "(none)", cases[i].host ? cases[i].host : "(none)",
			    cases[i].same);
	}
}

static void
test_idem_key(void **state)
{
	char	longest[HTTPPARSE_IDEM_MAX + 2];

	(void)state;
	assert_int_equal(httpparse_idem_key_ok("a"), 1);
	assert_int_equal(httpparse_idem_key_ok(
	    "0f8fad5b-d9cb-469f-a165-70867728950e"), 1);
	assert_int_equal(httpparse_idem_key_ok("key with spaces ~!"), 1);
	assert_int_equal(httpparse_idem_key_ok(NULL), 0);
	assert_int_equal(httpparse_idem_key_ok(""), 0);
	assert_int_equal(httpparse_idem_key_ok("   "), 0);
	assert_int_equal(httpparse_idem_key_ok("tab\there"), 0);
	assert_int_equal(httpparse_idem_key_ok("nl\n"), 0);
	assert_int_equal(httpparse_idem_key_ok("del\x7f"), 0);
	assert_int_equal(httpparse_idem_key_ok("caf\xc3\xa9"), 0);
	memset(longest, 'k', sizeof(longest));
	longest[HTTPPARSE_IDEM_MAX] = '\0';
	assert_int_equal(httpparse_idem_key_ok(longest), 1);
	longest[HTTPPARSE_IDEM_MAX] = 'k';
	longest[HTTPPARSE_IDEM_MAX + 1] = '\0';
	assert_int_equal(httpparse_idem_key_ok(longest), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_if_match_accepts),
		cmocka_unit_test(test_if_match_rejects),
		cmocka_unit_test(test_json_type),
		cmocka_unit_test(test_etag_match),
		cmocka_unit_test(test_same_site),
		cmocka_unit_test(test_idem_key),
	};

	return (cmocka_run_group_tests_name("httpparse", tests, NULL, NULL));
}

/* Unit tests: html escaping writer and page layout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "html.h"
#include "render.h"

struct escape_case {
	const char	*in;
	const char	*out;
};

static const struct escape_case escape_cases[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "a & b", "a &amp; b" },
	{ "\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;" },
	{ "&amp;", "&amp;amp;" },
	{ "\" onmouseover=\"x", "&quot; onmouseover=&quot;x" },
	{ "caf\xc3\xa9 \xe2\x86\x92", "caf\xc3\xa9 \xe2\x86\x92" },
	/* Tab, newline and return stay; other controls are U+FFFD. */
	{ "a\tb\nc\rd", "a\tb\nc\rd" },
	{ "\001csrf\001", "\xef\xbf\xbd" "csrf\xef\xbf\xbd" },
	{ "x\037y\177z", "x\xef\xbf\xbdy\177z" },
};

static void
test_escape_table(void **state)
{
	struct sbuf	b;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(escape_cases) / sizeof(escape_cases[0]); i++) {
		sbuf_init(&b);
		html_escape(&b, escape_cases[i].in);
		assert_string_equal(sbuf_cstr(&b), escape_cases[i].out);
		sbuf_free(&b);
	}
}

static void
test_escape_null_is_nothing(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	html_escape(&b, NULL);
	assert_int_equal(b.len, 0);
	sbuf_free(&b);
}

static void
test_printf_escapes_strings_only(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	html_printf(&b, "<a href=\"/p/%d\" title=\"%s\">%s</a> %u%% %zu %ld",
	    7, "x\"y", "<b>", 5u, (size_t)9, -3L);
	assert_false(sbuf_failed(&b));
	assert_string_equal(sbuf_cstr(&b),
	    "<a href=\"/p/7\" title=\"x&quot;y\">&lt;b&gt;</a> 5% 9 -3");
	sbuf_free(&b);
}

static void
test_printf_null_string_prints_nothing(void **state)
{
	struct sbuf		 b;
	/* volatile: keep the compiler from flagging a known NULL. */
	const char *volatile	 none = NULL;

	(void)state;
	sbuf_init(&b);
	html_printf(&b, "[%s]", none);
	assert_string_equal(sbuf_cstr(&b), "[]");
	sbuf_free(&b);
}

static void
test_printf_unsupported_conversion_fails(void **state)
{
	struct sbuf	b;
	const char	*fmt;

	(void)state;
	/* Hidden from the compiler's format check on purpose. */
	fmt = "value: %x";
	sbuf_init(&b);
	html_printf(&b, fmt, 255);
	assert_true(sbuf_failed(&b));
	sbuf_free(&b);

	fmt = "trailing %";
	sbuf_init(&b);
	html_printf(&b, fmt, 0);
	assert_true(sbuf_failed(&b));
	sbuf_free(&b);
}

static void
test_url_ok(void **state)
{
	(void)state;
	assert_true(html_url_ok("https://example.com/run/42"));
	assert_true(html_url_ok("http://wiki.internal/page?a=1&b=2"));
	assert_true(html_url_ok("/projects/3"));
	assert_false(html_url_ok("javascript:alert(1)"));
	assert_false(html_url_ok("JaVaScRiPt:alert(1)"));
	assert_false(html_url_ok("data:text/html,<b>"));
	assert_false(html_url_ok("//evil.example/x"));
	assert_false(html_url_ok("/\\evil.example"));
	assert_false(html_url_ok("https://"));
	assert_false(html_url_ok("https:///path"));
	assert_false(html_url_ok("https://a b"));
	assert_false(html_url_ok("https://a\nb"));
	assert_false(html_url_ok(""));
	assert_false(html_url_ok(NULL));
}

static void
test_layout_escapes_title(void **state)
{
	struct sbuf	b;

	(void)state;
	sbuf_init(&b);
	layout_error_page(&b, 404, "<Not> found", "It's \"gone\"");
	assert_false(sbuf_failed(&b));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "<title>&lt;Not&gt; found &middot; handoff</title>"));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "<p>It&#39;s &quot;gone&quot;</p>"));
	assert_non_null(strstr(sbuf_cstr(&b), "HTTP 404"));
	assert_non_null(strstr(sbuf_cstr(&b), "</html>\n"));
	sbuf_free(&b);
}

/*
 * A page drawn to be kept: its marks are where the secrets go, and are
 * filled in; the same text in a value is escaped and never filled in.
 */
static void
test_marks_filled(void **state)
{
	struct page_ctx	 ctx;
	struct sbuf	 page, out;
	const char	*s;
	size_t		 n;

	(void)state;
	memset(&ctx, 0, sizeof(ctx));
	ctx.marks = 1;
	ctx.csrf = "not-this";
	ctx.idem = "nor-this";
	sbuf_init(&page);
	form_open(&page, &ctx, NULL, "/a", "one", 3);
	html_printf(&page, "<p>%s</p>\n", PAGE_MARK_CSRF);
	form_close(&page);
	assert_false(sbuf_failed(&page));
	assert_null(strstr(sbuf_cstr(&page), "not-this"));
	assert_null(strstr(sbuf_cstr(&page), "nor-this"));

	sbuf_init(&out);
	page_marks_fill(&out, page.data, page.len, "tok<en>", "R4nd");
	s = sbuf_cstr(&out);
	assert_non_null(strstr(s, "name=\"csrf\" value=\"tok&lt;en&gt;\""));
	assert_non_null(strstr(s, "name=\"_idem\" value=\"R4nd-one\""));
	assert_non_null(strstr(s, "<p>\xef\xbf\xbd" "csrf\xef\xbf\xbd</p>"));
	assert_null(strchr(s, '\001'));
	sbuf_free(&out);

	/* A lone mark byte, or a mark cut short at the end, stays. */
	sbuf_init(&out);
	page_marks_fill(&out, "a\001b\001csr", 7, "T", "I");
	assert_int_equal(out.len, 7);
	assert_memory_equal(out.data, "a\001b\001csr", 7);
	sbuf_free(&out);

	/* Unmarked, the page is drawn with the values themselves. */
	ctx.marks = 0;
	sbuf_reset(&page);
	form_open(&page, &ctx, NULL, "/a", "one", -1);
	n = strlen(sbuf_cstr(&page));
	assert_true(n > 0);
	assert_non_null(strstr(sbuf_cstr(&page), "value=\"not-this\""));
	assert_non_null(strstr(sbuf_cstr(&page), "value=\"nor-this-one\""));
	sbuf_free(&page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_table),
		cmocka_unit_test(test_escape_null_is_nothing),
		cmocka_unit_test(test_printf_escapes_strings_only),
		cmocka_unit_test(test_printf_null_string_prints_nothing),
		cmocka_unit_test(test_printf_unsupported_conversion_fails),
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_layout_escapes_title),
		cmocka_unit_test(test_marks_filled),
	};

	return (cmocka_run_group_tests_name("html", tests, NULL, NULL));
}

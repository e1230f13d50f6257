/* Unit tests: export (iCalendar and CSV writers). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "export.h"
#include "utf8.h"

static char *
escaped(const char *s)
{
	struct sbuf	b;
	char		*out;

	sbuf_init(&b);
	ical_escape(&b, s);
	sbuf_char(&b, '\0');
	out = sbuf_steal(&b, NULL);
	return (out);
}

static void
test_escape_text(void **state)
{
	char	*s;

	(void)state;
	s = escaped("a,b;c\\d\ne\r\nf\rg");
	assert_string_equal(s, "a\\,b\\;c\\\\d\\ne\\nf\\ng");
	free(s);
	s = escaped("tab\there\x01");
	assert_string_equal(s, "tab here ");
	free(s);
	s = escaped("Données été");
	assert_string_equal(s, "Données été");
	free(s);
}

/* Every physical line is at most 75 octets, and valid UTF-8 on its own;
 * unfolding gives the line back. */
static void
check_folded(const char *line)
{
	struct sbuf	 b, u;
	const char	*p, *e;
	size_t		 n;

	sbuf_init(&b);
	sbuf_init(&u);
	ical_line(&b, line);
	assert_false(sbuf_failed(&b));
	assert_true(b.len >= 2);
	assert_memory_equal(b.data + b.len - 2, "\r\n", 2);
	for (p = b.data; p < b.data + b.len; p = e + 2) {
		e = strstr(p, "\r\n");
		assert_non_null(e);
		n = (size_t)(e - p);
		assert_true(n <= 75);
		assert_true(utf8_valid(p, n));
		if (p != b.data) {
			assert_int_equal(*p, ' ');
			sbuf_add(&u, p + 1, n - 1);
		} else
			sbuf_add(&u, p, n);
	}
	assert_string_equal(sbuf_cstr(&u), line);
	sbuf_free(&b);
	sbuf_free(&u);
}

static void
test_fold(void **state)
{
	struct sbuf	b;
	char		long_ascii[501];
	int		i;

	(void)state;
	sbuf_init(&b);
	ical_line(&b, "SHORT:x");
	assert_string_equal(sbuf_cstr(&b), "SHORT:x\r\n");
	sbuf_free(&b);

	memset(long_ascii, 'a', 500);
	long_ascii[500] = '\0';
	check_folded(long_ascii);
	/* Exactly 75 octets: not folded. */
	long_ascii[75] = '\0';
	sbuf_init(&b);
	ical_line(&b, long_ascii);
	assert_int_equal(b.len, 77);
	sbuf_free(&b);

	/* Two-, three- and four-octet characters at every offset. */
	for (i = 0; i < 8; i++) {
		sbuf_init(&b);
		sbuf_printf(&b, "SUMMARY:%.*s", i, "xxxxxxxx");
		while (b.len < 400)
			sbuf_str(&b, "é€😀");
		check_folded(sbuf_cstr(&b));
		sbuf_free(&b);
	}
}

static void
test_event(void **state)
{
	struct sbuf		b;
	struct ical_event	e = {
		"checkpoint-7@handoff", "2026-02-28", 2, "Ship, now; or\nnot",
		"Status: pending", "https://h.example/projects/1",
		"20261201T000000Z"
	};

	(void)state;
	sbuf_init(&b);
	ical_begin(&b, "Portfolio");
	ical_event(&b, &e);
	ical_end(&b);
	assert_false(sbuf_failed(&b));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "\r\nUID:checkpoint-7@handoff\r\n"));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "\r\nDTSTART;VALUE=DATE:20260228\r\n"
	    "DTEND;VALUE=DATE:20260301\r\n"));
	assert_non_null(strstr(sbuf_cstr(&b), "\r\nSEQUENCE:2\r\n"));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "\r\nSUMMARY:Ship\\, now\\; or\\nnot\r\n"));
	assert_non_null(strstr(sbuf_cstr(&b),
	    "\r\nURL:https://h.example/projects/1\r\n"));
	assert_memory_equal(b.data, "BEGIN:VCALENDAR\r\n", 17);
	assert_string_equal(b.data + b.len - 15, "END:VCALENDAR\r\n");
	sbuf_free(&b);

	/* Leap years and the year's end. */
	sbuf_init(&b);
	e.day = "2028-02-28";
	ical_event(&b, &e);
	assert_non_null(strstr(sbuf_cstr(&b), "DTEND;VALUE=DATE:20280229\r\n"));
	sbuf_reset(&b);
	e.day = "2026-12-31";
	ical_event(&b, &e);
	assert_non_null(strstr(sbuf_cstr(&b), "DTEND;VALUE=DATE:20270101\r\n"));
	sbuf_reset(&b);
	e.day = "not a day";
	ical_event(&b, &e);
	assert_true(sbuf_failed(&b));
	sbuf_free(&b);
}

static char *
row(const char **cells, size_t n)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	for (i = 0; i < n; i++)
		csv_cell(&b, cells[i], i == 0);
	csv_end_row(&b);
	sbuf_char(&b, '\0');
	return (sbuf_steal(&b, NULL));
}

static void
test_csv(void **state)
{
	const char	*plain[] = { "a", "", NULL, "b c" };
	const char	*quoted[] = { "a,b", "say \"hi\"", "two\nlines",
			    "cr\r" };
	const char	*hostile[] = { "=1+1", "+1", "-2", "@SUM(A1)", "\tx",
			    "\rx", "a=b", "=\"x\",y" };
	char		*s;

	(void)state;
	s = row(plain, 4);
	assert_string_equal(s, "a,,,b c\r\n");
	free(s);
	s = row(quoted, 4);
	assert_string_equal(s,
	    "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n");
	free(s);
	s = row(hostile, 8);
	assert_string_equal(s, "'=1+1,'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b,"
	    "\"'=\"\"x\"\",y\"\r\n");
	free(s);
}

static void
test_csv_json(void **state)
{
	static const struct csv_column	cols[] = {
		{ "id", "id" }, { "owner", "owner.name" }, { "done", "done" },
		{ "n", "n" }, { "tags", "tags" }, { "from", "*.from" },
	};
	struct sbuf	 b;
	json_t		*rows;

	(void)state;
	rows = json_loads("[{\"id\": 1, \"owner\": {\"name\": \"=A, B\"},"
	    " \"done\": true, \"n\": null, \"tags\": [1], \"slips\": []},"
	    " {\"id\": -2, \"owner\": null, \"done\": false, \"slips\":"
	    " [{\"from\": \"x\"}, {\"from\": \"y\\ny\"}]}]", 0, NULL);
	assert_non_null(rows);
	sbuf_init(&b);
	csv_header(&b, cols, 6);
	csv_json_rows(&b, rows, cols, 6, "slips");
	assert_false(sbuf_failed(&b));
	assert_string_equal(sbuf_cstr(&b),
	    "id,owner,done,n,tags,from\r\n"
	    "1,\"'=A, B\",true,,[1],\r\n"
	    "'-2,,false,,,x\r\n"
	    "'-2,,false,,,\"y\ny\"\r\n");
	sbuf_free(&b);
	json_decref(rows);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_text),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_event),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_json),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

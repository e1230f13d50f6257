/*
 * Unit tests: days and ISO weeks (date.c).
 *
 * Table-driven edge cases (week 53, year boundaries, leap days, strict
 * parsing), then round trips over centuries checked against independent
 * references: a naive day-by-day calendar walk and the C library's
 * strftime("%G-W%V"), which share no code with date.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "date.h"

static void
test_parse_accepts(void **state)
{
	static const struct {
		const char	*s;
		int		 y, m, d;
	} ok[] = {
		{ "1970-01-01", 1970, 1, 1 },
		{ "2026-12-28", 2026, 12, 28 },
		{ "2027-01-03", 2027, 1, 3 },
		{ "2028-02-29", 2028, 2, 29 },	/* leap year */
		{ "2000-02-29", 2000, 2, 29 },	/* divisible by 400 */
		{ "1000-01-01", 1000, 1, 1 },
		{ "9999-12-31", 9999, 12, 31 },
		{ "2026-04-30", 2026, 4, 30 },
	};
	day_t	day;
	char	buf[DATE_LEN];
	int	y, m, d;
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (date_parse(ok[i].s, &day) != 0)
			fail_msg("rejected %s", ok[i].s);
		assert_int_equal(day, date_from_ymd(ok[i].y, ok[i].m,
		    ok[i].d));
		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(y, ok[i].y);
		assert_int_equal(m, ok[i].m);
		assert_int_equal(d, ok[i].d);
		date_format(day, buf);
		assert_string_equal(buf, ok[i].s);
	}
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
}

static void
test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"2027-02-29",	/* not a leap year */
		"1900-02-29",	/* divisible by 100, not by 400 */
		"2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-01-32",
		"0999-12-31",	/* before year 1000 */
		"2026-1-01", "2026-01-1", "26-01-01", "2026/01/01",
		"2026-01-011", " 2026-01-01", "2026-01-01 ", "+026-01-01",
		"2026-0a-01", "abc", "", "2026W10", "2026-W10",
	};
	day_t	day;
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		day = 12345;
		if (date_parse(bad[i], &day) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(day, 12345);	/* untouched */
	}
	assert_int_equal(date_parse(NULL, &day), -1);
}

static void
test_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(2028, 2), 29);
	assert_int_equal(date_days_in_month(2027, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
	assert_true(date_valid_ymd(2028, 2, 29));
	assert_false(date_valid_ymd(2027, 2, 29));
	assert_false(date_valid_ymd(2026, 1, 0));
	/* The leap day is one day: Feb 28 to Mar 1 is two in 2028. */
	assert_int_equal(date_from_ymd(2028, 3, 1) -
	    date_from_ymd(2028, 2, 28), 2);
	assert_int_equal(date_from_ymd(2027, 3, 1) -
	    date_from_ymd(2027, 2, 28), 1);
}

static void
test_weekday(void **state)
{
	static const struct {
		int	y, m, d, weekday;
	} cases[] = {
		{ 1970, 1, 1, 4 },	/* Thursday */
		{ 1969, 12, 29, 1 },	/* negative days */
		{ 1969, 12, 28, 7 },
		{ 2026, 1, 1, 4 },
		{ 2026, 12, 28, 1 },
		{ 2027, 1, 1, 5 },
		{ 2027, 1, 3, 7 },
		{ 2027, 1, 4, 1 },
		{ 2028, 2, 29, 2 },
		{ 2000, 1, 1, 6 },
		{ 1600, 3, 1, 3 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(date_weekday(date_from_ymd(cases[i].y,
		    cases[i].m, cases[i].d)), cases[i].weekday);
}

static void
test_iso_weeks(void **state)
{
	static const struct {
		int	y, m, d;	/* a day ... */
		int	iy, iw;		/* ... its ISO year and week */
	} cases[] = {
		{ 2026, 12, 28, 2026, 53 },
		{ 2026, 12, 31, 2026, 53 },
		{ 2027, 1, 1, 2026, 53 },	/* year boundary */
		{ 2027, 1, 3, 2026, 53 },
		{ 2027, 1, 4, 2027, 1 },
		{ 2025, 12, 29, 2026, 1 },	/* the other way round */
		{ 2026, 1, 1, 2026, 1 },
		{ 2025, 12, 28, 2025, 52 },
		{ 2024, 12, 30, 2025, 1 },
		{ 2020, 12, 31, 2020, 53 },
		{ 2021, 1, 3, 2020, 53 },
		{ 2028, 2, 29, 2028, 9 },
		{ 2026, 11, 23, 2026, 48 },
	};
	static const struct {
		int	y, weeks;
	} years[] = {
		{ 2026, 53 }, { 2025, 52 }, { 2027, 52 }, { 2020, 53 },
		{ 2015, 53 }, { 2032, 53 }, { 2028, 52 }, { 2004, 53 },
	};
	int	year, week;
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		isoweek_of(date_from_ymd(cases[i].y, cases[i].m, cases[i].d),
		    &year, &week);
		if (year != cases[i].iy || week != cases[i].iw)
			fail_msg("%d-%02d-%02d: %d-W%02d, expected %d-W%02d",
			    cases[i].y, cases[i].m, cases[i].d, year, week,
			    cases[i].iy, cases[i].iw);
	}
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++)
		assert_int_equal(isoweek_weeks_in_year(years[i].y),
		    years[i].weeks);

	assert_int_equal(isoweek_monday(2026, 53),
	    date_from_ymd(2026, 12, 28));
	assert_int_equal(isoweek_monday(2026, 53) + 6,
	    date_from_ymd(2027, 1, 3));
	assert_int_equal(isoweek_monday(2027, 1), date_from_ymd(2027, 1, 4));
	assert_int_equal(isoweek_monday(2026, 1),
	    date_from_ymd(2025, 12, 29));
	assert_int_equal(isoweek_monday(2025, 52),
	    date_from_ymd(2025, 12, 22));
}

static void
test_iso_week_parse(void **state)
{
	static const char *const bad[] = {
		"2026-W54", "2025-W53", "2026-W00", "2026-W1", "2026-W100",
		"2026W10", "2026-w10", "2026-10", "abc", "", "0999-W01",
		"2026-W1a", " 2026-W10", "2026-W10 ",
	};
	char	buf[ISOWEEK_LEN];
	int	year, week;
	size_t	i;

	(void)state;
	assert_int_equal(isoweek_parse("2026-W53", &year, &week), 0);
	assert_int_equal(year, 2026);
	assert_int_equal(week, 53);
	assert_int_equal(isoweek_parse("2027-W01", &year, &week), 0);
	assert_int_equal(year, 2027);
	assert_int_equal(week, 1);
	assert_int_equal(isoweek_parse("2025-W52", &year, &week), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (isoweek_parse(bad[i], &year, &week) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	assert_int_equal(isoweek_parse(NULL, &year, &week), -1);
	isoweek_format(2026, 53, buf);
	assert_string_equal(buf, "2026-W53");
	isoweek_format(2027, 1, buf);
	assert_string_equal(buf, "2027-W01");
}

/* Every day from 1600 to 2400 against a naive calendar walk. */
static void
test_round_trip_against_a_walk(void **state)
{
	day_t	day;
	char	buf[DATE_LEN];
	day_t	parsed;
	int	y, m, d, ry, rm, rd, weekday;

	(void)state;
	y = 1600;
	m = 1;
	d = 1;
	day = date_from_ymd(1600, 1, 1);
	weekday = date_weekday(day);
	assert_int_equal(weekday, 6);	/* 1600-01-01 was a Saturday */
	while (y < 2400) {
		assert_int_equal(date_from_ymd(y, m, d), day);
		date_to_ymd(day, &ry, &rm, &rd);
		if (ry != y || rm != m || rd != d)
			fail_msg("%d: %d-%d-%d, expected %d-%d-%d", day, ry,
			    rm, rd, y, m, d);
		assert_int_equal(date_weekday(day), weekday);
		if (y >= 1000) {
			date_format(day, buf);
			assert_int_equal(date_parse(buf, &parsed), 0);
			assert_int_equal(parsed, day);
		}

		/* The next day, the way a calendar on the wall does it. */
		day++;
		weekday = weekday == 7 ? 1 : weekday + 1;
		if (++d > ((m == 2) ? ((y % 4 == 0 && y % 100 != 0) ||
		    y % 400 == 0 ? 29 : 28) : (m == 4 || m == 6 || m == 9 ||
		    m == 11) ? 30 : 31)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
}

/* ISO weeks of every day from 1970 to 2200 against strftime. */
static void
test_iso_weeks_against_libc(void **state)
{
	struct tm	tm;
	time_t		t;
	day_t		day, end;
	char		want[32], got[ISOWEEK_LEN];
	int		year, week, last_year, max_week;

	(void)state;
	end = date_from_ymd(2200, 1, 1);
	last_year = 1970;
	max_week = 0;
	for (day = 0; day < end; day++) {
		t = (time_t)day * 86400;
		if (gmtime_r(&t, &tm) == NULL)
			fail_msg("gmtime_r");
		(void)strftime(want, sizeof(want), "%G-W%V", &tm);
		isoweek_of(day, &year, &week);
		isoweek_format(year, week, got);
		if (strcmp(got, want) != 0)
			fail_msg("day %d: %s, libc says %s", day, got, want);
		assert_int_equal(date_weekday(day), tm.tm_wday == 0 ? 7 :
		    tm.tm_wday);
		if (date_weekday(day) == 1)
			assert_int_equal(isoweek_monday(year, week), day);
		/* The weeks of a year end where the year says they do. */
		if (year != last_year) {
			assert_int_equal(max_week,
			    isoweek_weeks_in_year(last_year));
			last_year = year;
			max_week = 0;
		}
		if (week > max_week)
			max_week = week;
		assert_true(week <= isoweek_weeks_in_year(year));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepts),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_iso_week_parse),
		cmocka_unit_test(test_round_trip_against_a_walk),
		cmocka_unit_test(test_iso_weeks_against_libc),
	};

	return (cmocka_run_group_tests_name("date", tests, NULL, NULL));
}

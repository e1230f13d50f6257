/*
 * Fuzz target: calendar days and ISO weeks as they arrive in a query
 * ("2026-03-02", "2026-W10"), date.c.
 *
 * Properties: what date_parse() accepts, date_format() writes back
 * unchanged, and likewise isoweek_parse() and isoweek_format(); a parsed
 * week's Monday is a Monday that lies in that week; a parsed day lies in
 * the week isoweek_of() says, between that week's Monday and Sunday.
 */
#include "date.h"
#include "fuzz.h"

static void
check_week(int year, int week)
{
	day_t	monday;
	int	y, w;

	FUZZ_CHECK(week >= 1 && week <= isoweek_weeks_in_year(year));
	monday = isoweek_monday(year, week);
	FUZZ_CHECK(date_weekday(monday) == 1);
	isoweek_of(monday, &y, &w);
	FUZZ_CHECK(y == year && w == week);
	isoweek_of(monday + 6, &y, &w);
	FUZZ_CHECK(y == year && w == week);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, buf[DATE_LEN], wbuf[ISOWEEK_LEN];
	day_t	 day;
	int	 y, m, d, year, week;

	if ((s = fuzz_cstr(data, size)) == NULL)
		return (0);

	day = DAY_NONE;
	if (date_parse(s, &day) == 0) {
		FUZZ_CHECK(day != DAY_NONE);
		date_format(day, buf);
		FUZZ_CHECK(strcmp(buf, s) == 0);
		date_to_ymd(day, &y, &m, &d);
		FUZZ_CHECK(date_valid_ymd(y, m, d));
		FUZZ_CHECK(date_from_ymd(y, m, d) == day);
		FUZZ_CHECK(date_weekday(day) >= 1 && date_weekday(day) <= 7);

		isoweek_of(day, &year, &week);
		check_week(year, week);
		FUZZ_CHECK(day >= isoweek_monday(year, week) &&
		    day <= isoweek_monday(year, week) + 6);
	} else {
		FUZZ_CHECK(day == DAY_NONE);	/* untouched */
	}

	year = week = -1;
	if (isoweek_parse(s, &year, &week) == 0) {
		isoweek_format(year, week, wbuf);
		FUZZ_CHECK(strcmp(wbuf, s) == 0);
		check_week(year, week);
	} else {
		FUZZ_CHECK(year == -1 && week == -1);	/* untouched */
	}

	free(s);
	return (0);
}

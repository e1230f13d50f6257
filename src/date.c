/*
 * date: days and ISO weeks (see date.h).
 *
 * The civil <-> day conversions are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms"), exact for every year.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

static int	is_leap(int);
static int	parse_digits(const char *, int, int *);

static int
is_leap(int y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return (0);
	if (m == 2 && is_leap(y))
		return (29);
	return (days[m - 1]);
}

int
date_valid_ymd(int y, int m, int d)
{
	return (m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m));
}

day_t
date_from_ymd(int y, int m, int d)
{
	int	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return ((day_t)(era * 146097 + doe - 719468));
}

void
date_to_ymd(day_t day, int *y, int *m, int *d)
{
	int	z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
parse_digits(const char *s, int n, int *out)
{
	int	i, v;

	v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return (0);
}

int
date_parse(const char *s, day_t *out)
{
	int	y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	if (parse_digits(s, 4, &y) == -1 || parse_digits(s + 5, 2, &m) == -1 ||
	    parse_digits(s + 8, 2, &d) == -1)
		return (-1);
	if (y < 1000 || !date_valid_ymd(y, m, d))
		return (-1);

	*out = date_from_ymd(y, m, d);
	return (0);
}

void
date_format(day_t day, char buf[DATE_LEN])
{
	int	y, m, d;

	date_to_ymd(day, &y, &m, &d);
	(void)snprintf(buf, DATE_LEN, "%04d-%02d-%02d", y, m, d);
}

int
date_weekday(day_t day)
{
	int	w;

	/* 1970-01-01 was a Thursday (4). */
	w = (int)(((int64_t)day + 3) % 7);
	if (w < 0)
		w += 7;
	return (w + 1);
}

/* A year has 53 ISO weeks when it starts on a Thursday, or is a leap year
 * starting on a Wednesday. */
int
isoweek_weeks_in_year(int y)
{
	int	jan1;

	jan1 = date_weekday(date_from_ymd(y, 1, 1));
	if (jan1 == 4 || (jan1 == 3 && is_leap(y)))
		return (53);
	return (52);
}

day_t
isoweek_monday(int y, int w)
{
	day_t	jan4;

	/* Week 1 is the week holding January 4th. */
	jan4 = date_from_ymd(y, 1, 4);
	return (jan4 - (date_weekday(jan4) - 1) + (w - 1) * 7);
}

void
isoweek_of(day_t day, int *year, int *week)
{
	int	y, m, d;
	day_t	thursday;

	/* The ISO year is the calendar year of the week's Thursday. */
	thursday = day + (4 - date_weekday(day));
	date_to_ymd(thursday, &y, &m, &d);
	*year = y;
	*week = (int)((thursday - date_from_ymd(y, 1, 1)) / 7) + 1;
}

int
isoweek_parse(const char *s, int *year, int *week)
{
	int	y, w;

	if (s == NULL || strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return (-1);
	if (parse_digits(s, 4, &y) == -1 || parse_digits(s + 6, 2, &w) == -1)
		return (-1);
	if (y < 1000 || w < 1 || w > isoweek_weeks_in_year(y))
		return (-1);

	*year = y;
	*week = w;
	return (0);
}

void
isoweek_format(int year, int week, char buf[ISOWEEK_LEN])
{
	(void)snprintf(buf, ISOWEEK_LEN, "%04d-W%02d", year, week);
}

/*
 * date: calendar days and ISO 8601 weeks.
 *
 * A day is an integer: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so comparisons and differences are plain arithmetic.  There is
 * no clock here: "today" is always a parameter.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_DATE_H
#define HANDOFF_DATE_H

#include <stdint.h>

typedef int32_t	day_t;

#define DAY_NONE	INT32_MIN	/* "no date" */
#define DATE_LEN	11		/* "YYYY-MM-DD" and its NUL */
#define ISOWEEK_LEN	9		/* "YYYY-Www" and its NUL */

day_t	date_from_ymd(int, int, int);
void	date_to_ymd(day_t, int *, int *, int *);
int	date_valid_ymd(int, int, int);
int	date_days_in_month(int, int);

/* Strict "YYYY-MM-DD", years 1000 to 9999, a real calendar day: 0 or -1. */
int	date_parse(const char *, day_t *);
void	date_format(day_t, char [DATE_LEN]);

/* 1 = Monday ... 7 = Sunday. */
int	date_weekday(day_t);

/* ISO weeks: Monday to Sunday; week 1 holds the year's first Thursday. */
int	isoweek_weeks_in_year(int);
int	isoweek_parse(const char *, int *, int *);
void	isoweek_format(int, int, char [ISOWEEK_LEN]);
void	isoweek_of(day_t, int *, int *);
day_t	isoweek_monday(int, int);

#endif

/*
 * oracle: the whole risk engine over a whole portfolio, answering what the
 * server answers from its ledger, for tests/integration/oracle.test.js.
 *
 *	oracle risks DAY
 *		{"as_of", "counts", "risks"}: every risk open at the end of
 *		DAY, in the engine's order (risk_compute()).
 *	oracle project ID DAY
 *		the same for one project, its owners' overloads included.
 *	oracle digest YYYY-Www TODAY OFFSET LIMIT
 *		the digest of that week as the server would answer on TODAY,
 *		the page of OFFSET and LIMIT project groups (digest_json()).
 *	oracle rank
 *		[[severity, launch_days, rank], ...]: risk_rank() for every
 *		severity and days to launch from -1 to 400 and none (null),
 *		to hold api.risk_rank() against.  Reads no facts.
 *
 * The facts are read from standard input, as api.facts_all() writes them;
 * the answer is written to standard output.  Nothing here reads the
 * ledger: the engine is the reference the ledger is checked against.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "date.h"
#include "digest.h"
#include "facts.h"
#include "facts_json.h"
#include "risk.h"
#include "risk_json.h"

static void	usage(void) __attribute__((noreturn));
static day_t	day_arg(const char *);
static size_t	size_arg(const char *);
static int	rank_table(void);

static void
usage(void)
{
	fprintf(stderr, "usage: oracle risks DAY\n"
	    "       oracle project ID DAY\n"
	    "       oracle digest YYYY-Www TODAY OFFSET LIMIT\n"
	    "       oracle rank\n");
	exit(2);
}

static day_t
day_arg(const char *s)
{
	day_t	d;

	if (date_parse(s, &d) == -1)
		usage();
	return (d);
}

static size_t
size_arg(const char *s)
{
	char		*end;
	unsigned long	 n;

	n = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0')
		usage();
	return ((size_t)n);
}

static int
rank_table(void)
{
	json_t	*out;
	int	 s, d;

	if ((out = json_array()) == NULL)
		return (1);
	for (s = SEVERITY_LOW; s < SEVERITY_COUNT; s++) {
		for (d = -1; d <= 401; d++)
			json_array_append_new(out, json_pack("[i, o, i]", s,
			    d <= 400 ? json_integer(d) : json_null(),
			    risk_rank((enum severity)s, d <= 400 ?
			    risk_launch_days(d, 0) : INT32_MAX)));
	}
	if (json_dumpf(out, stdout, JSON_COMPACT) == -1 || fflush(stdout))
		return (1);
	json_decref(out);
	return (0);
}

int
main(int argc, char *argv[])
{
	struct portfolio	 pf;
	struct risk_list	 risks;
	struct digest		 d;
	json_error_t		 jerr;
	json_t			*facts, *out;
	int			 year, week;

	if (argc == 2 && strcmp(argv[1], "rank") == 0)
		return (rank_table());
	if (argc < 3)
		usage();
	if ((facts = json_loadf(stdin, 0, &jerr)) == NULL) {
		fprintf(stderr, "oracle: the facts: %s (line %d)\n", jerr.text,
		    jerr.line);
		return (1);
	}
	facts_init(&pf);
	if (facts_from_json(facts, &pf) == -1) {
		fprintf(stderr, "oracle: the facts are not a portfolio\n");
		return (1);
	}
	memset(&risks, 0, sizeof(risks));
	memset(&d, 0, sizeof(d));
	out = NULL;

	if (strcmp(argv[1], "risks") == 0 && argc == 3) {
		if (risk_compute(&pf, day_arg(argv[2]), 0, &risks) == 0)
			out = risk_report_json(&risks, day_arg(argv[2]));
	} else if (strcmp(argv[1], "project") == 0 && argc == 4) {
		if (risk_compute(&pf, day_arg(argv[3]),
		    (int64_t)size_arg(argv[2]), &risks) == 0)
			out = risk_report_json(&risks, day_arg(argv[3]));
	} else if (strcmp(argv[1], "digest") == 0 && argc == 6) {
		if (isoweek_parse(argv[2], &year, &week) == -1)
			usage();
		if (digest_build(&pf, year, week, day_arg(argv[3]), &d) == 0 &&
		    digest_page(&d, size_arg(argv[4]), size_arg(argv[5])) == 0)
			out = digest_json(&d);
	} else
		usage();

	if (out == NULL) {
		fprintf(stderr, "oracle: out of memory\n");
		return (1);
	}
	if (json_dumpf(out, stdout, JSON_COMPACT) == -1 || fflush(stdout))
		return (1);
	json_decref(out);
	digest_free(&d);
	risk_list_free(&risks);
	facts_free(&pf);
	json_decref(facts);
	return (0);
}

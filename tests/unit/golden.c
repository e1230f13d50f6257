/*
 * golden: print what a golden file holds (tests/unit/golden.sh compares).
 *
 *	golden digest CASE	the Markdown of every digest block of a case
 *	golden digest-chat CASE	the same as chat messages
 *	golden digest-page CASE	the same as pages
 *	golden portfolio CASE	the portfolio's sections on the case's last
 *				check day
 *	golden timeline JSON	the timeline of a project fixture
 *	golden viewer JSON	the checkpoints, ownership matrix and handoffs
 *	golden member JSON	of a project fixture, without and with forms
 *
 * CASE is a case file of tests/unit/risk/, JSON a project fixture of
 * tests/unit/golden/ (see renders.h).  Exits 1, saying why, when the input
 * does not load or a renderer reports a failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "renders.h"
#include "riskcase.h"
#include "sbuf.h"

static void	usage(void) __attribute__((noreturn));
static int	from_case(const char *, const char *, struct sbuf *);
static int	from_json(const char *, const char *, struct sbuf *);

static void
usage(void)
{
	fprintf(stderr, "usage: golden digest|digest-chat|digest-page CASE\n"
	    "       golden portfolio CASE\n"
	    "       golden timeline|viewer|member JSON\n");
	exit(2);
}

static int
from_case(const char *what, const char *path, struct sbuf *b)
{
	struct rcase	c;
	char		err[512];
	int		rc;

	if (rcase_load(path, &c, err, sizeof(err)) == -1) {
		fprintf(stderr, "golden: %s\n", err);
		return (-1);
	}
	if (strcmp(what, "digest") == 0)
		rc = renders_digests(b, &c.pf, c.digests, c.ndigests,
		    RENDERS_DIGEST_MD);
	else if (strcmp(what, "digest-chat") == 0)
		rc = renders_digests(b, &c.pf, c.digests, c.ndigests,
		    RENDERS_DIGEST_CHAT);
	else if (strcmp(what, "digest-page") == 0)
		rc = renders_digests(b, &c.pf, c.digests, c.ndigests,
		    RENDERS_DIGEST_PAGE);
	else
		rc = renders_portfolio(b, &c.pf, renders_last_day(&c));
	rcase_free(&c);
	return (rc);
}

static int
from_json(const char *what, const char *path, struct sbuf *b)
{
	json_t		*fixture;
	json_error_t	 jerr;
	int		 rc;

	if ((fixture = json_load_file(path, 0, &jerr)) == NULL) {
		fprintf(stderr, "golden: %s:%d: %s\n", path, jerr.line,
		    jerr.text);
		return (-1);
	}
	if (strcmp(what, "timeline") == 0)
		rc = renders_timeline(b, fixture);
	else
		rc = renders_project(b, fixture, strcmp(what, "member") == 0);
	json_decref(fixture);
	return (rc);
}

int
main(int argc, char *argv[])
{
	struct sbuf	b;
	int		rc;

	if (argc != 3)
		usage();
	sbuf_init(&b);
	if (strcmp(argv[1], "digest") == 0 ||
	    strcmp(argv[1], "digest-chat") == 0 ||
	    strcmp(argv[1], "digest-page") == 0 ||
	    strcmp(argv[1], "portfolio") == 0)
		rc = from_case(argv[1], argv[2], &b);
	else if (strcmp(argv[1], "timeline") == 0 ||
	    strcmp(argv[1], "viewer") == 0 || strcmp(argv[1], "member") == 0)
		rc = from_json(argv[1], argv[2], &b);
	else
		usage();

	if (rc == -1) {
		fprintf(stderr, "golden: %s %s: rendering failed\n", argv[1],
		    argv[2]);
	} else if (fwrite(sbuf_cstr(&b), 1, b.len, stdout) != b.len ||
	    fflush(stdout) == EOF) {
		perror("golden: stdout");
		rc = -1;
	}
	sbuf_free(&b);
	return (rc == -1 ? 1 : 0);
}

/*
 * renders: what the golden files show, built from a case file's portfolio
 * or a project document.  The golden tester (golden.c) prints it; the
 * allocation-failure driver (test_oom.c) renders the same while
 * allocations fail, and compares with what the tester printed.
 *
 * Each function appends to the buffer and returns 0, or -1 when a pure
 * module reported a failure (digest_build() or risk_compute() returned
 * -1, or a buffer is marked failed); the buffer may then hold part of
 * the output.
 */
#ifndef HANDOFF_RENDERS_H
#define HANDOFF_RENDERS_H

#include <stddef.h>

#include <jansson.h>

#include "date.h"
#include "facts.h"
#include "riskcase.h"
#include "sbuf.h"

/*
 * Every digest block in one form, each after a line
 * "<!-- YYYY-Www today=YYYY-MM-DD -->": the Markdown, the chat message
 * (both with the links of https://handoff.example.com) or the page.
 */
#define RENDERS_DIGEST_MD	0
#define RENDERS_DIGEST_CHAT	1
#define RENDERS_DIGEST_PAGE	2
int	renders_digests(struct sbuf *, const struct portfolio *,
	    const struct rcase_digest *, size_t, int);

/*
 * The portfolio page's sections (the table of projects and the risks
 * across the portfolio), as of day d, as a PM sees it.
 */
int	renders_portfolio(struct sbuf *, const struct portfolio *, day_t);

/* The day a case file's portfolio is shown on: its last check's day. */
day_t	renders_last_day(const struct rcase *);

/*
 * A project fixture: {"today": DAY, "project": the API's project
 * document, "people": the API's {"people": [...]}}.
 */
day_t	renders_today(json_t *);
int	renders_timeline(struct sbuf *, json_t *);

/*
 * The project page's checkpoints, ownership matrix and handoffs
 * sections, as a viewer (no forms) or a member (the team's forms).
 */
int	renders_project(struct sbuf *, json_t *, int);

#endif

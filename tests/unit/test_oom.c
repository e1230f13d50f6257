/*
 * Unit tests: the pure modules when memory runs out.
 *
 * Each input is run through a pipeline of pure modules, first with no
 * failure, which gives the reference output and the number A of
 * allocations it makes, then again for N = 1, 2, ... with the Nth
 * allocation made to fail (oomshim.h).  For every N:
 *
 *  - the run must not crash (the sanitizer build catches what a
 *    failure corrupts);
 *  - the failure must be reported: a -1 from facts_from_json(),
 *    risk_compute() or digest_build(), a NULL document, a failed sbuf;
 *    a run that reports success must give the reference output
 *    (a failure that changed the output but was not reported is the
 *    worst bug there is: a wrong answer that looks right; one that did
 *    not change it was absorbed, and is counted);
 *  - nothing may be left allocated once the run freed what it owns.
 *
 * The inputs and their pipelines:
 *
 *  - every case file of tests/unit/risk/: its facts read from the
 *    database's facts document (facts_from_json(), which builds them
 *    with the facts_add_*() builders), then for every asof check the risks
 *    (risk_compute) and their JSON (risk_report_json), the portfolio
 *    page's sections, and for every digest block the digest
 *    (digest_build), its Markdown, its page and its JSON;
 *  - every project fixture of tests/unit/golden/: the timeline and the
 *    project page as a viewer and as a member;
 *  - every form of tests/fuzz/corpus/fuzz_formdata/: formdata_parse(),
 *    which must say "out of memory" when that is what happened.
 *
 * The bound: every N while A is at most OOM_EVERY; beyond, the first
 * OOM_EVERY / 2 values of N and then OOM_EVERY / 2 more spread evenly up
 * to A (the last always included).  The allocations past the first ones
 * repeat the same few sites (a digest's trend weeks, one risk after
 * another), so the spread still reaches every site of the pipeline; the
 * summary line says how many N were run.
 *
 * A problem is reported once per kind and allocation site, with the
 * first input and N that show it (to reproduce: HANDOFF_OOM_ONLY=NAME
 * HANDOFF_OOM_N=N, see main()).  The kinds: wrong-output, leak,
 * blames-input (a failed allocation reported as bad input),
 * fewer-allocations (a run that did not get as far as the one without
 * a failure, yet none failed: the pipeline is not deterministic).
 *
 * tests/unit/oom.known lists the problems known and not fixed yet, each
 * matched by its kind and the place of the first frame of our code: they
 * are counted, not failed.  An entry that matches nothing fails the run,
 * so the list only shrinks.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "digest.h"
#include "facts.h"
#include "facts_json.h"
#include "factsdoc.h"
#include "formdata.h"
#include "oomshim.h"
#include "render.h"
#include "renders.h"
#include "risk.h"
#include "risk_json.h"
#include "riskcase.h"
#include "sbuf.h"

#define KNOWN_FILE	"tests/unit/oom.known"
#define CASE_DIR	"tests/unit/risk"
#define FIXTURE_DIR	"tests/unit/golden"
#define FORM_DIR	"tests/fuzz/corpus/fuzz_formdata"
#define OOM_EVERY	1000
#define MAX_BUGS	512
#define SITE_LEN	512
#define SITE_FRAMES	3
#define MAX_KNOWN	32

enum input_kind {
	INPUT_CASE,
	INPUT_FIXTURE,
	INPUT_FORM
};

struct input {
	enum input_kind	 kind;
	char		 name[256];
	struct rcase	 c;		/* INPUT_CASE */
	json_t		*facts;		/* c.pf as the facts document */
	json_t		*fixture;	/* INPUT_FIXTURE */
	char		*form;		/* INPUT_FORM */
	size_t		 formlen;
};

/*
 * A run's outcome: the output, the step that reported a failure (NULL
 * when it completed), and the kind of problem a wrong output is, when
 * it is not plain "wrong-output".  A form that is refused is an output,
 * not a failure: "refused: why".
 */
struct outcome {
	struct sbuf	 out;
	const char	*failed;
	const char	*problem;
};

/* An allocation site: offsets into this program, or a library first. */
struct site {
	char		 lib[64];
	unsigned long	 off[SITE_FRAMES];
	int		 n;
};

struct bug {
	char		 kind[64];
	struct site	 site;
	char		 where[SITE_LEN];	/* all frames */
	char		 first[SITE_LEN];	/* our first frame */
	char		 input[256];
	unsigned long	 n;
	unsigned long	 total;
	unsigned long	 times;
};

/* A line of tests/unit/oom.known: KIND PLACE WHY... */
struct known {
	int		 line;
	char		 kind[64];
	char		 place[128];
	unsigned long	 sites;
	unsigned long	 times;
	const struct bug *example;
};

static struct bug	bugs[MAX_BUGS];
static size_t		nbugs;
static struct known	known[MAX_KNOWN];
static size_t		nknown;
static unsigned long	absorbed;	/* a failure, and the right output */

static const char	*run_case(const struct input *, struct sbuf *);
static const char	*run_fixture(const struct input *, struct sbuf *);
static const char	*run_form(const struct input *, struct outcome *);
static int		 append_json(struct sbuf *, json_t *);
static void		 run(const struct input *, unsigned long,
			    struct outcome *);
static void		 site_of(struct site *);
static void		 site_text(const struct site *, char *, size_t,
			    char *, size_t);
static void		 bug(const char *, const struct input *, unsigned long,
			    unsigned long);
static unsigned long	 next_n(unsigned long, unsigned long);
static int		 check_input(const struct input *, unsigned long);
static int		 load_dir(const char *, const char *, enum input_kind,
			    struct input **, size_t *);
static int		 cmp_input(const void *, const void *);
static int		 load_known(const char *);
static int		 report(int);
static void		 input_free(struct input *);

/* A document as compact JSON with sorted keys; -1 on failure. */
static int
append_json(struct sbuf *b, json_t *doc)
{
	char	*text;

	if (doc == NULL)
		return (-1);
	text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(doc);
	if (text == NULL)
		return (-1);
	sbuf_str(b, text);
	sbuf_char(b, '\n');
	free(text);
	return (0);
}

static const char *
run_case(const struct input *in, struct sbuf *out)
{
	const struct rcase_check	*ck;
	const struct rcase_digest	*dg;
	struct portfolio		 pf;
	struct risk_list		 risks;
	struct digest			 d;
	struct page_ctx			 ctx;
	const char			*failed;
	size_t				 i;

	failed = NULL;
	facts_init(&pf);
	if (facts_from_json(in->facts, &pf) == -1) {
		failed = "facts_from_json";
		goto out;
	}

	for (i = 0; i < in->c.nchecks; i++) {
		ck = &in->c.checks[i];
		memset(&risks, 0, sizeof(risks));
		if (risk_compute(&pf, ck->asof, ck->only_project, &risks) ==
		    -1) {
			risk_list_free(&risks);
			failed = "risk_compute";
			goto out;
		}
		if (append_json(out, risk_report_json(&risks, ck->asof)) ==
		    -1)
			failed = "risk_report_json";
		risk_list_free(&risks);
		if (failed != NULL)
			goto out;
	}

	if (renders_portfolio(out, &pf, renders_last_day(&in->c)) == -1) {
		failed = "render_portfolio_page";
		goto out;
	}

	memset(&ctx, 0, sizeof(ctx));
	ctx.csrf = "oom-csrf";
	ctx.access = PAGE_ACCESS_PM;
	for (i = 0; i < in->c.ndigests; i++) {
		dg = &in->c.digests[i];
		if (digest_build(&pf, dg->year, dg->week, dg->today, &d) ==
		    -1) {
			failed = "digest_build";
			goto out;
		}
		ctx.today = dg->today;
		render_digest_markdown(out, &d, "https://handoff.example.com");
		render_digest_chat(out, &d, "https://handoff.example.com");
		render_digest_page(out, &ctx, &d, 0);
		if (append_json(out, digest_json(&d)) == -1)
			failed = "digest_json";
		digest_free(&d);
		if (failed != NULL)
			goto out;
	}
	if (sbuf_failed(out))
		failed = "sbuf";
out:
	facts_free(&pf);
	return (failed);
}

static const char *
run_fixture(const struct input *in, struct sbuf *out)
{
	if (renders_timeline(out, in->fixture) == -1)
		return ("render_timeline");
	if (renders_project(out, in->fixture, 0) == -1 ||
	    renders_project(out, in->fixture, 1) == -1)
		return ("render_project_page");
	return (NULL);
}

static const char *
run_form(const struct input *in, struct outcome *o)
{
	json_t	*obj;
	char	 err[128];

	if (formdata_parse(in->form, in->formlen, &obj, err, sizeof(err)) ==
	    -1) {
		if (oom_hit() && strcmp(err, "out of memory") == 0)
			return ("formdata_parse");
		/* Unless the form is refused anyway, that is a wrong why. */
		if (oom_hit())
			o->problem = "blames-input";
		sbuf_printf(&o->out, "refused: %s\n", err);
		return (sbuf_failed(&o->out) ? "sbuf" : NULL);
	}
	if (append_json(&o->out, obj) == -1)
		return ("json_dumps");
	return (sbuf_failed(&o->out) ? "sbuf" : NULL);
}

/* One run with allocation n failing (0: none). */
static void
run(const struct input *in, unsigned long n, struct outcome *o)
{
	sbuf_init(&o->out);
	o->problem = NULL;
	oom_arm(n);
	switch (in->kind) {
	case INPUT_CASE:
		o->failed = run_case(in, &o->out);
		break;
	case INPUT_FIXTURE:
		o->failed = run_fixture(in, &o->out);
		break;
	case INPUT_FORM:
		o->failed = run_form(in, o);
		break;
	}
	oom_disarm();
}

/*
 * Where the failed allocation was made: the first frames of this program
 * above the shim's wrappers, as offsets into it, and the library a first
 * frame outside it belongs to (jansson, called by us).
 */
static void
site_of(struct site *site)
{
	void		*frames[OOM_FRAMES];
	Dl_info		 info, self;
	const char	*lib;
	int		 n, i;

	memset(site, 0, sizeof(*site));
	n = oom_hit_frames(frames, OOM_FRAMES);
	/* frames[0] is the shim's fail_now(), frames[1] its wrapper. */
	if (n < 2 || dladdr(frames[0], &self) == 0)
		return;
	for (i = 2; i < n && site->n < SITE_FRAMES; i++) {
		if (dladdr(frames[i], &info) == 0)
			continue;
		if (info.dli_fbase != self.dli_fbase) {
			if (site->n == 0 && site->lib[0] == '\0') {
				lib = strrchr(info.dli_fname, '/');
				(void)snprintf(site->lib, sizeof(site->lib),
				    "%s", lib != NULL ? lib + 1 :
				    info.dli_fname);
			}
			continue;
		}
		if (info.dli_sname != NULL &&
		    strncmp(info.dli_sname, "__wrap_", 7) == 0)
			continue;
		/* The return address is past the call: step back into it. */
		site->off[site->n++] = (uintptr_t)frames[i] -
		    (uintptr_t)self.dli_fbase - 1;
	}
}

/*
 * "lib < function (file:line) < ...", by addr2line, and the first frame
 * of ours alone.
 */
static void
site_text(const struct site *site, char *text, size_t len, char *first,
    size_t flen)
{
	char	 exe[256], cmd[512], line[256];
	FILE	*f;
	ssize_t	 n;
	size_t	 off;
	int	 i;

	(void)snprintf(text, len, "%s", site->lib);
	first[0] = '\0';
	if (site->n == 0 ||
	    (n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return;
	exe[n] = '\0';
	off = (size_t)snprintf(cmd, sizeof(cmd), "addr2line -f -s -e '%s'",
	    exe);
	for (i = 0; i < site->n && off < sizeof(cmd); i++)
		off += (size_t)snprintf(cmd + off, sizeof(cmd) - off, " %#lx",
		    (unsigned long)site->off[i]);
	if (off >= sizeof(cmd) || (f = popen(cmd, "r")) == NULL)
		return;
	for (i = 0; fgets(line, sizeof(line), f) != NULL; i++) {
		line[strcspn(line, "\n")] = '\0';
		off = strlen(text);
		if (i % 2 == 0)
			(void)snprintf(text + off, len - off, "%s%s",
			    off > 0 ? " < " : "", line);
		else
			(void)snprintf(text + off, len - off, " (%s)", line);
		if (i == 0)
			(void)snprintf(first, flen, "%s", line);
		else if (i == 1)
			(void)snprintf(first + strlen(first),
			    flen - strlen(first), " (%s)", line);
	}
	(void)pclose(f);
}

static void
bug(const char *kind, const struct input *in, unsigned long n,
    unsigned long total)
{
	struct site	site;
	size_t		i;

	site_of(&site);
	for (i = 0; i < nbugs; i++) {
		if (strcmp(bugs[i].kind, kind) == 0 &&
		    memcmp(&bugs[i].site, &site, sizeof(site)) == 0) {
			bugs[i].times++;
			return;
		}
	}
	if (nbugs == MAX_BUGS)
		return;
	(void)snprintf(bugs[nbugs].kind, sizeof(bugs[nbugs].kind), "%s",
	    kind);
	bugs[nbugs].site = site;
	site_text(&site, bugs[nbugs].where, sizeof(bugs[nbugs].where),
	    bugs[nbugs].first, sizeof(bugs[nbugs].first));
	(void)snprintf(bugs[nbugs].input, sizeof(bugs[nbugs].input), "%s",
	    in->name);
	bugs[nbugs].n = n;
	bugs[nbugs].total = total;
	bugs[nbugs].times = 1;
	nbugs++;
}

/* The N after n: see the bound at the top. */
static unsigned long
next_n(unsigned long n, unsigned long total)
{
	unsigned long	stride;

	if (total <= OOM_EVERY || n < OOM_EVERY / 2)
		return (n + 1);
	stride = (total - OOM_EVERY / 2 + OOM_EVERY / 2 - 1) / (OOM_EVERY / 2);
	if (n < total && n + stride > total)
		return (total);
	return (n + stride);
}

/*
 * The reference run, then the runs with a failure, for one input (or
 * only allocation `only` when it is not 0).  Returns the number of N
 * run, or -1 when the run without a failure fails; problems go to
 * bugs[].
 */
static int
check_input(const struct input *in, unsigned long only)
{
	struct outcome	 o;
	struct sbuf	 ref;
	unsigned long	 total, n;
	int		 runs;

	run(in, 0, &o);
	total = oom_count();
	/* A copy made unarmed, so that only a run's own blocks count. */
	sbuf_init(&ref);
	sbuf_add(&ref, sbuf_cstr(&o.out), o.out.len);
	sbuf_free(&o.out);
	if (o.failed != NULL || oom_live() != 0 || sbuf_failed(&ref)) {
		fprintf(stderr, "oom: FAILED: %s: the run without a failure "
		    "%s\n", in->name, o.failed != NULL ? "failed" : "leaks");
		oom_forget();
		sbuf_free(&ref);
		return (-1);
	}

	runs = 0;
	for (n = only != 0 ? only : 1; n <= total;
	    n = only != 0 ? total + 1 : next_n(n, total)) {
		runs++;
		run(in, n, &o);
		if (!oom_hit())
			bug("fewer-allocations", in, n, total);
		else if (o.failed == NULL && (o.out.len != ref.len ||
		    memcmp(sbuf_cstr(&o.out), sbuf_cstr(&ref), ref.len) !=
		    0))
			bug(o.problem != NULL ? o.problem : "wrong-output", in,
			    n, total);
		else if (o.failed == NULL)
			absorbed++;
		sbuf_free(&o.out);
		if (oom_live() != 0) {
			bug("leak", in, n, total);
			/* Forget them: each leak is reported once. */
			oom_forget();
		}
	}
	sbuf_free(&ref);
	if (getenv("HANDOFF_OOM_VERBOSE") != NULL)
		printf("oom: %s: %lu allocations, %d runs\n", in->name, total,
		    runs);
	return (runs);
}

/* The inputs of one kind: the files of dir whose names end in suffix. */
static int
load_dir(const char *dir, const char *suffix, enum input_kind kind,
    struct input **inputs, size_t *ninputs)
{
	DIR		*d;
	struct dirent	*de;
	struct input	*in, *grown;
	char		 err[512];
	size_t		 len, slen = strlen(suffix);
	FILE		*f;
	long		 size;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "oom: cannot read %s (run from the top of "
		    "the repo)\n", dir);
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= slen || strcmp(de->d_name + len - slen, suffix) != 0)
			continue;
		grown = realloc(*inputs, (*ninputs + 1) * sizeof(**inputs));
		if (grown == NULL)
			abort();
		*inputs = grown;
		in = &grown[*ninputs];
		memset(in, 0, sizeof(*in));
		in->kind = kind;
		(void)snprintf(in->name, sizeof(in->name), "%s/%s", dir,
		    de->d_name);
		switch (kind) {
		case INPUT_CASE:
			if (rcase_load(in->name, &in->c, err, sizeof(err)) ==
			    -1) {
				fprintf(stderr, "oom: %s\n", err);
				(void)closedir(d);
				return (-1);
			}
			if ((in->facts = factsdoc_json(&in->c.pf)) == NULL)
				abort();
			break;
		case INPUT_FIXTURE:
			if ((in->fixture = json_load_file(in->name, 0,
			    NULL)) == NULL) {
				fprintf(stderr, "oom: %s: bad JSON\n",
				    in->name);
				(void)closedir(d);
				return (-1);
			}
			break;
		case INPUT_FORM:
			if ((f = fopen(in->name, "rb")) == NULL ||
			    fseek(f, 0, SEEK_END) == -1 ||
			    (size = ftell(f)) < 0 ||
			    fseek(f, 0, SEEK_SET) == -1 ||
			    (in->form = malloc((size_t)size + 1)) == NULL ||
			    fread(in->form, 1, (size_t)size, f) !=
			    (size_t)size) {
				fprintf(stderr, "oom: cannot read %s\n",
				    in->name);
				if (f != NULL)
					(void)fclose(f);
				(void)closedir(d);
				return (-1);
			}
			(void)fclose(f);
			in->formlen = (size_t)size;
			break;
		}
		(*ninputs)++;
	}
	(void)closedir(d);
	return (0);
}

static int
cmp_input(const void *a, const void *b)
{
	const struct input	*x = a, *y = b;

	if (x->kind != y->kind)
		return (x->kind < y->kind ? -1 : 1);
	return (strcmp(x->name, y->name));
}

static void
input_free(struct input *in)
{
	switch (in->kind) {
	case INPUT_CASE:
		json_decref(in->facts);
		rcase_free(&in->c);
		break;
	case INPUT_FIXTURE:
		json_decref(in->fixture);
		break;
	case INPUT_FORM:
		free(in->form);
		break;
	}
}

/* tests/unit/oom.known: "KIND PLACE WHY...", # comments. */
static int
load_known(const char *path)
{
	FILE	*f;
	char	 line[512];
	int	 n;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "oom: cannot read %s\n", path);
		return (-1);
	}
	for (n = 1; fgets(line, sizeof(line), f) != NULL; n++) {
		if (line[0] == '#' || line[strspn(line, " \t\n")] == '\0')
			continue;
		if (nknown == MAX_KNOWN || sscanf(line, "%63s %127s",
		    known[nknown].kind, known[nknown].place) != 2) {
			fprintf(stderr, "oom: %s:%d: want KIND PLACE WHY\n",
			    path, n);
			(void)fclose(f);
			return (-1);
		}
		known[nknown++].line = n;
	}
	(void)fclose(f);
	return (0);
}

/*
 * Each problem against the known ones; the unknown ones and, after a
 * whole run, the known ones that did not show up fail.  Returns the
 * number of failures.
 */
static int
report(int whole)
{
	const struct bug	*b;
	size_t			 i, k;
	int			 failures = 0;

	for (i = 0; i < nbugs; i++) {
		b = &bugs[i];
		for (k = 0; k < nknown; k++) {
			if (strcmp(known[k].kind, b->kind) == 0 &&
			    strstr(b->first, known[k].place) != NULL)
				break;
		}
		if (k < nknown) {
			if (known[k].sites++ == 0)
				known[k].example = b;
			known[k].times += b->times;
			continue;
		}
		fprintf(stderr, "oom: FAILED: %s at %s\n    first with %s, "
		    "allocation %lu of %lu; %lu time%s\n", b->kind,
		    b->where[0] != '\0' ? b->where : "?", b->input, b->n,
		    b->total, b->times, b->times > 1 ? "s" : "");
		failures++;
	}
	for (k = 0; k < nknown; k++) {
		b = known[k].example;
		if (b != NULL) {
			printf("oom: known (%s:%d): %s in %s: %lu site%s, "
			    "%lu run%s; e.g. %s, allocation %lu of %lu, at "
			    "%s\n", KNOWN_FILE, known[k].line, known[k].kind,
			    known[k].place, known[k].sites,
			    known[k].sites > 1 ? "s" : "", known[k].times,
			    known[k].times > 1 ? "s" : "", b->input, b->n,
			    b->total, b->where);
		} else if (whole) {
			fprintf(stderr, "oom: FAILED: %s:%d: %s in %s did not "
			    "happen: fixed? Then remove the entry\n",
			    KNOWN_FILE, known[k].line, known[k].kind,
			    known[k].place);
			failures++;
		}
	}
	return (failures);
}

/*
 * HANDOFF_OOM_ONLY=TEXT runs only the inputs whose name holds TEXT,
 * HANDOFF_OOM_N=N only the run with allocation N failing, and
 * HANDOFF_OOM_VERBOSE=1 says how many allocations each input makes.
 */
int
main(void)
{
	struct input	*inputs = NULL;
	const char	*only, *only_n;
	unsigned long	 n;
	size_t		 ninputs = 0, i, ran = 0;
	long		 runs = 0;
	int		 r, failures = 0;

	oom_json_alloc();
	only = getenv("HANDOFF_OOM_ONLY");
	only_n = getenv("HANDOFF_OOM_N");
	n = only_n != NULL ? strtoul(only_n, NULL, 10) : 0;

	if (load_known(KNOWN_FILE) == -1 ||
	    load_dir(CASE_DIR, ".case", INPUT_CASE, &inputs, &ninputs) ==
	    -1 || load_dir(FIXTURE_DIR, ".json", INPUT_FIXTURE, &inputs,
	    &ninputs) == -1 || load_dir(FORM_DIR, ".txt", INPUT_FORM,
	    &inputs, &ninputs) == -1)
		return (1);
	qsort(inputs, ninputs, sizeof(*inputs), cmp_input);

	for (i = 0; i < ninputs; i++) {
		if (only != NULL && strstr(inputs[i].name, only) == NULL)
			continue;
		if ((r = check_input(&inputs[i], n)) == -1)
			failures++;
		else
			runs += r;
		ran++;
	}
	for (i = 0; i < ninputs; i++)
		input_free(&inputs[i]);
	free(inputs);

	if (ran == 0) {
		fprintf(stderr, "oom: no input ran\n");
		return (1);
	}
	failures += report(only == NULL && only_n == NULL);
	printf("oom: %zu inputs, %ld runs with an allocation failing (%lu "
	    "of them still right, the failure absorbed), %zu problem "
	    "sites, %d unknown\n", ran, runs, absorbed, nbugs, failures);
	return (failures > 0 ? 1 : 0);
}

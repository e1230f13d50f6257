/*
 * background: what each worker does on its own, between requests.
 *
 *  - Once, when the database first answers: compare the database's
 *    vocabulary with the server's (vocab.c); a mismatch stops the server
 *    with a message that names it, rather than serve answers that mean
 *    something else on each side.
 *  - Every BG_INTERVAL_MS, and at once while there is more: keep the risk
 *    ledger current.  Take a batch of dirty items with their facts
 *    (api.ledger_work, which leases them so that no other worker or
 *    server takes them meanwhile), compute their spans with the risk
 *    rules, each project's profile and who holds its boxes (ledger.c),
 *    and give them back (api.ledger_apply, which refuses an item
 *    another job applied meanwhile).  Reads never wait for this: they
 *    compute what is still dirty themselves (views.c).
 *
 * Statements come from the catalog (db.c) and run one at a time as a
 * dbjob (dbjob.c), so the worker never blocks on them.
 */
#include "handoff.h"
#include "facts.h"
#include "facts_json.h"
#include "ledger.h"
#include "ledger_json.h"

#define BG_INTERVAL_MS		250
#define BG_BATCH		32
#define BG_LEASE_SECONDS	30
/*
 * How long an item's first change waits before it is worked out, so that
 * a burst of writes to one project costs one recomputation, not one each.
 */
#define BG_SETTLE_MS		500

static void	bg_done(struct dbjob *, json_t *);

struct bg {
	struct dbjob		 job;
	int			 vocab_ok;
	size_t			 claimed;	/* by the last ledger_work */
};

static struct bg	bg = {
	.job = { .name = "background", .done = bg_done },
};

static void	bg_tick(void *, u_int64_t);
static void	bg_soon(void *, u_int64_t);
static void	bg_vocabulary(json_t *);
static json_t	*bg_compute(json_t *);

void
ledger_job_start(void)
{
	(void)kore_timer_add(bg_tick, BG_INTERVAL_MS, NULL, 0);
}

static void
bg_tick(void *arg, u_int64_t now)
{
	char	day[DATE_LEN];

	(void)arg;
	(void)now;
	if (bg.job.running)
		return;
	/* The day the project documents it keeps when idle are for. */
	date_format(app_today(), day);
	if (!bg.vocab_ok)
		(void)dbjob_send(&bg.job, STMT_VOCABULARY, json_object());
	else
		(void)dbjob_send(&bg.job, STMT_LEDGER_WORK,
		    json_pack("{s:i, s:i, s:i, s:s}", "limit", BG_BATCH,
		    "lease", BG_LEASE_SECONDS, "settle_ms", BG_SETTLE_MS,
		    "today", day));
}

/* More to do: the next batch, without waiting for the tick. */
static void
bg_soon(void *arg, u_int64_t now)
{
	(void)arg;
	(void)now;
	bg_tick(NULL, 0);
}

/* One statement ended: what it said. */
static void
bg_done(struct dbjob *j, json_t *doc)
{
	json_t		*apply;
	int		 again;

	if (doc == NULL)
		return;			/* the next tick tries again */

	again = 0;
	switch (j->stmt) {
	case STMT_VOCABULARY:
		bg_vocabulary(doc);
		again = 1;
		break;
	case STMT_LEDGER_WORK:
		bg.claimed = json_array_size(json_object_get(doc, "items"));
		if (bg.claimed == 0)
			break;
		if ((apply = bg_compute(doc)) != NULL) {
			(void)dbjob_send(j, STMT_LEDGER_APPLY, apply);
			json_decref(doc);
			return;
		}
		break;
	case STMT_LEDGER_APPLY:
		again = bg.claimed == BG_BATCH;
		break;
	default:
		break;
	}
	json_decref(doc);
	if (again)
		(void)kore_timer_add(bg_soon, 1, NULL, 1);
}

/* [{"kind", "position", "key", "label"}] against vocab.c: equal, or stop. */
static void
bg_vocabulary(json_t *rows)
{
	struct vocab_checker	 c;
	json_t			*r;
	size_t			 i;
	char			 msg[256];
	int			 rc;

	vocab_check_init(&c);
	rc = 0;
	json_array_foreach(rows, i, r) {
		rc = vocab_check_row(&c,
		    json_string_value(json_object_get(r, "kind")),
		    json_integer_value(json_object_get(r, "position")),
		    json_string_value(json_object_get(r, "key")),
		    json_string_value(json_object_get(r, "label")), msg,
		    sizeof(msg));
		if (rc == -1)
			break;
	}
	if (rc == 0)
		rc = vocab_check_done(&c, msg, sizeof(msg));
	if (rc == -1)
		fatalx("the database does not match this server: %s; run the "
		    "migrations of this version (src/tools/migrate.sh)", msg);
	bg.vocab_ok = 1;
}

/* The spans of each item the work gave, as api.ledger_apply takes them. */
static json_t *
bg_compute(json_t *work)
{
	struct portfolio	 pf;
	struct span_list	 spans;
	struct profile_list	 profile;
	struct holder_list	 holders;
	const struct person	*person;
	const char		*kind;
	json_t			*items, *it, *out;
	size_t			 i;
	int			 ok;
	char			 day[DATE_LEN];

	memset(&profile, 0, sizeof(profile));
	memset(&holders, 0, sizeof(holders));

	if ((items = json_array()) == NULL)
		return (NULL);
	json_array_foreach(json_object_get(work, "items"), i, it) {
		kind = json_string_value(json_object_get(it, "kind"));
		facts_init(&pf);
		memset(&spans, 0, sizeof(spans));
		ok = kind != NULL && facts_from_json(json_object_get(it,
		    "facts"), &pf) == 0;
		profile.len = 0;
		holders.len = 0;
		if (ok && strcmp(kind, "project") == 0 && pf.nprojects > 0)
			ok = ledger_project(&pf, &pf.projects[0], &spans) ==
			    0 && ledger_profile(&spans, &profile) == 0 &&
			    ledger_holders(&pf.projects[0], &holders) == 0;
		else if (ok && strcmp(kind, "person") == 0 &&
		    (person = facts_person(&pf, json_integer_value(
		    json_object_get(it, "item")))) != NULL)
			ok = ledger_person(&pf, person, &spans) == 0;
		if (!ok) {
			kore_log(LOG_ERR, "background: cannot compute %s %lld",
			    kind != NULL ? kind : "?",
			    (long long)json_integer_value(json_object_get(it,
			    "item")));
		} else {
			out = json_pack("{s:O, s:O, s:O, s:O, s:o, s:o, s:o}",
			    "kind", json_object_get(it, "kind"), "item",
			    json_object_get(it, "item"), "version",
			    json_object_get(it, "version"), "ids",
			    json_object_get(it, "ids"), "spans",
			    ledger_spans_json(&spans), "profile",
			    ledger_profile_json(&profile), "holders",
			    ledger_holders_json(&holders));
			if (out != NULL)
				json_array_append_new(items, out);
		}
		ledger_free(&spans);
		facts_free(&pf);
	}
	ledger_profile_free(&profile);
	ledger_holders_free(&holders);
	/* The day whose opened and resolved risks go to the outbox. */
	date_format(app_today(), day);
	return (json_pack("{s:o, s:s}", "items", items, "today", day));
}

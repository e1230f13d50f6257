/*
 * kept: answers kept whole once made (sql/api/98_kept.sql).
 *
 * A read whose answer is the same for everyone who may see it (the
 * digest, a project's document, a page of the portfolio) asks its
 * statement for the text kept under a key of what the answer depends on
 * besides the database (kept_key(), kept_ask()).  The statement answers
 * with the kept text while it is still true, or with the document to
 * make it from and the snapshot it read.  The handler makes the text
 * into k->made and keeps it by a second statement (kept_put()) before it
 * answers.  X-Handoff-Kept says how the answer came: hit, copy (a hit
 * this worker held a copy of, below), kept (made and kept), or made (not
 * kept: reads go to a replica, which cannot keep what it made, or the
 * snapshot was older than what pruning keeps).
 *
 * A handler's finish() is then, with text and how from kept_step():
 *
 *	KEPT_PUT	the put answered: reply k->made, how;
 *	KEPT_HIT	reply text, how;
 *	KEPT_MISS	make k->made from pipe_result(p), then PIPE_MORE if
 *			kept_put() sent the put, else reply k->made, "made".
 *
 * and its fail(), for a put refused, kept_failed(), then reply k->made.
 *
 * A worker holds copies of the kept texts it has answered, each under
 * the name of the put that kept it (kept_reads.made, a uuid drawn anew
 * by each put).  The ask names the copies held for its key, and a
 * statement whose kept text is still true and one of them answers its
 * name instead of its bytes: "copy".  Whether a text is still true is
 * decided by the database on every read, as without copies: a copy
 * answers only for the very text the database says is true now,
 * whichever instance wrote last.
 * They are bounded (KEPT_COPIES_*, the least recently used go first) and
 * a copy named by an ask is held until its answer is sent.
 */
#include <sys/queue.h>

#include <stdarg.h>
#include <stdlib.h>

#include "handoff.h"

#define KEPT_COPIES_BYTES	(8 * 1024 * 1024)
#define KEPT_COPIES_MAX		256	/* each ask looks at them all */
#define KEPT_COPY_MAX		(2 * 1024 * 1024)

struct kept_copy {
	TAILQ_ENTRY(kept_copy)	 list;		/* most recently used first */
	char			 ask[KEPT_KEY_LEN];
	char			 made[KEPT_MADE_LEN];	/* a uuid */
	size_t			 len;
	int			 held;		/* by asks not yet answered */
	int			 dropped;	/* unlisted: free once let go */
	char			 text[];
};

static TAILQ_HEAD(kept_copy_list, kept_copy)	copies =
    TAILQ_HEAD_INITIALIZER(copies);
static size_t	copies_bytes, copies_count;

/* Freed once it is neither listed nor held. */
static void
copy_settle(struct kept_copy *c)
{
	if (c->dropped && c->held == 0)
		free(c);
}

static void
copy_unlink(struct kept_copy *c)
{
	TAILQ_REMOVE(&copies, c, list);
	copies_bytes -= c->len;
	copies_count--;
	c->dropped = 1;
	copy_settle(c);
}

/* Room for one more of len bytes: the least recently used go first. */
static void
copies_trim(size_t len)
{
	struct kept_copy	*c;

	while ((copies_bytes + len > KEPT_COPIES_BYTES ||
	    copies_count + 1 > KEPT_COPIES_MAX) &&
	    (c = TAILQ_LAST(&copies, kept_copy_list)) != NULL)
		copy_unlink(c);
}

/* A copy of text, kept under made for asks of key. */
static void
copy_add(const char *key, const char *made, const char *text)
{
	struct kept_copy	*c;
	size_t			 len = strlen(text);

	if (strlen(made) >= KEPT_MADE_LEN || len > KEPT_COPY_MAX)
		return;
	TAILQ_FOREACH(c, &copies, list)
		if (strcmp(c->made, made) == 0)
			return;
	copies_trim(len);
	if ((c = malloc(sizeof(*c) + len + 1)) == NULL)
		return;
	(void)kore_strlcpy(c->ask, key, sizeof(c->ask));
	(void)kore_strlcpy(c->made, made, sizeof(c->made));
	c->len = len;
	c->held = 0;
	c->dropped = 0;
	memcpy(c->text, text, len + 1);
	TAILQ_INSERT_HEAD(&copies, c, list);
	copies_bytes += len;
	copies_count++;
}

/* Every copy not held (the module is unloaded). */
void
kept_copies_drop(void)
{
	struct kept_copy	*c, *next;

	for (c = TAILQ_FIRST(&copies); c != NULL; c = next) {
		next = TAILQ_NEXT(c, list);
		copy_unlink(c);
	}
}

/* Let go of the copies the ask named. */
static void
kept_let_go(struct kept *k)
{
	struct kept_copy	*c;

	while (k->nhave > 0) {
		c = k->have[--k->nhave];
		c->held--;
		copy_settle(c);
	}
}

void
kept_init(struct kept *k)
{
	k->key[0] = '\0';
	k->putting = 0;
	k->nhave = 0;
	sbuf_init(&k->made);
}

void
kept_free(struct kept *k)
{
	kept_let_go(k);
	sbuf_free(&k->made);
}

/* The key, from fmt; none while reads go to a replica, or when too long. */
void
kept_key(struct kept *k, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	k->key[0] = '\0';
	if (replica_configured())
		return;
	va_start(ap, fmt);
	n = vsnprintf(k->key, sizeof(k->key), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(k->key))
		k->key[0] = '\0';
}

/*
 * Ask the statement of call for the text kept under the key, if any,
 * naming the copies held of the texts kept under it (the statement may
 * add to the key: they are the copies of asks of the same key).
 */
void
kept_ask(struct kept *k, json_t *call)
{
	struct kept_copy	*c;
	json_t			*have;

	if (call == NULL || k->key[0] == '\0')
		return;
	kept_let_go(k);
	have = json_array();
	TAILQ_FOREACH(c, &copies, list) {
		if (k->nhave == KEPT_HAVE_MAX)
			break;
		if (strcmp(c->ask, k->key) != 0)
			continue;
		c->held++;
		k->have[k->nhave++] = c;
		json_array_append_new(have, json_string(c->made));
	}
	json_object_set_new(call, "kept", json_string(k->key));
	json_object_set_new(call, "have", have);
}

/*
 * Where an answer stands: the put answered (*how: kept or made), the
 * kept text in column `col` (*text, *how "hit") or, when the statement
 * answered only its name (column "made"), the copy the ask named of it
 * (*how "copy"), or nothing kept yet.  A text answered is copied for the
 * asks to come.
 */
enum kept_step
kept_step(struct kept *k, struct pipe *p, int col, const char **text,
    const char **how)
{
	const char	*v, *made;
	int		 i;

	if (k->putting) {
		v = pipe_value(p);
		*how = v != NULL && strcmp(v, "true") == 0 ? "kept" : "made";
		return (KEPT_PUT);
	}
	made = pipe_value_named(p, "made");
	if ((v = pipe_value_at(p, col)) != NULL) {
		if (made != NULL && k->key[0] != '\0')
			copy_add(k->key, made, v);
		*text = v;
		*how = "hit";
		return (KEPT_HIT);
	}
	if (made == NULL)
		return (KEPT_MISS);
	for (i = 0; i < k->nhave; i++) {
		if (strcmp(k->have[i]->made, made) != 0)
			continue;
		if (!k->have[i]->dropped) {
			TAILQ_REMOVE(&copies, k->have[i], list);
			TAILQ_INSERT_HEAD(&copies, k->have[i], list);
		}
		*text = k->have[i]->text;
		*how = "copy";
		return (KEPT_HIT);
	}
	/* Not reached: the statement answers only a name the ask named. */
	kore_log(LOG_ERR, "kept: %s answered copy %s, not held", k->key, made);
	return (KEPT_MISS);
}

/*
 * Keep k->made, made from the snapshot snap (the document's "snap"):
 * 1 when the put was sent (finish() returns PIPE_MORE), 0 when nothing is
 * kept (no key, no snapshot, the text failed: answer it as "made").
 */
int
kept_put(struct kept *k, struct pipe *p, const char *snap)
{
	if (k->key[0] == '\0' || snap == NULL || sbuf_failed(&k->made))
		return (0);
	if (pipe_send(p, STMT_KEPT_PUT, json_pack("{s:s, s:s, s:s}", "key",
	    k->key, "snap", snap, "body", sbuf_cstr(&k->made))) !=
	    KORE_RESULT_OK)
		return (0);
	k->putting = 1;
	return (1);
}

/*
 * A statement failed: 1 when it was the put (logged; the text made is
 * answered all the same), 0 when it was the read.
 */
int
kept_failed(const struct kept *k, const char *who, const struct db_error *err)
{
	if (!k->putting)
		return (0);
	kore_log(LOG_NOTICE, "%s: %s not kept: %s", who, k->key,
	    err->message);
	return (1);
}

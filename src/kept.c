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
 * answers.  X-Handoff-Kept says how the answer came: hit, kept (made and
 * kept), or made (not kept: reads go to a replica, which cannot keep
 * what it made, or the snapshot was older than what pruning keeps).
 *
 * A handler's finish() is then, with text and how from kept_step():
 *
 *	KEPT_PUT	the put answered: reply k->made, how;
 *	KEPT_HIT	reply text, how;
 *	KEPT_MISS	make k->made from pipe_result(p), then PIPE_MORE if
 *			kept_put() sent the put, else reply k->made, "made".
 *
 * and its fail(), for a put refused, kept_failed(), then reply k->made.
 */
#include <stdarg.h>

#include "handoff.h"

void
kept_init(struct kept *k)
{
	k->key[0] = '\0';
	k->putting = 0;
	sbuf_init(&k->made);
}

void
kept_free(struct kept *k)
{
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

/* Ask the statement of call for the text kept under the key, if any. */
void
kept_ask(const struct kept *k, json_t *call)
{
	if (call != NULL && k->key[0] != '\0')
		json_object_set_new(call, "kept", json_string(k->key));
}

/*
 * Where an answer stands: the put answered (*how: kept or made), the
 * kept text in column `col` (*text, *how "hit"), or nothing kept yet.
 */
enum kept_step
kept_step(struct kept *k, struct pipe *p, int col, const char **text,
    const char **how)
{
	const char	*v;

	if (k->putting) {
		v = pipe_value(p);
		*how = v != NULL && strcmp(v, "true") == 0 ? "kept" : "made";
		return (KEPT_PUT);
	}
	if ((v = pipe_value_at(p, col)) != NULL) {
		*text = v;
		*how = "hit";
		return (KEPT_HIT);
	}
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

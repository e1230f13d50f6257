/*
 * feeds: calendar feeds of checkpoints (RFC 5545, export.h's writer).
 *
 * GET /feeds/portfolio, /feeds/projects/{id} and /feeds/people/{id} serve
 * text/calendar to calendar applications, which subscribe to a URL and
 * cannot send a header: the URL carries its own secret, ?key=, a token of
 * the "feed" scope made on the tokens page or by POST /api/v1/tokens with
 * {"scope": "feed", "feed": "project:12"}.  Like every token it is stored
 * as its hash; api.authorize() lets it read the one feed it names and
 * nothing else (sql/0017_feeds.sql), and nothing but such a token reads a
 * feed (ACCESS_FEED in pipe.c).
 *
 * Each checkpoint is an all-day event on its due day whose UID never
 * changes (checkpoint-<id>@handoff) and whose SEQUENCE is the number of
 * times its date moved (the slip ledger), so that a calendar moves the
 * event instead of adding another; a person's feed adds the planned ends
 * of their projects' stages.  Links are made with HANDOFF_PUBLIC_URL when
 * it is set, as in the digest.
 */
#include <time.h>

#include "handoff.h"
#include "export.h"

#define FEED_UID_DOMAIN	"handoff"

static int
feed_prepare(struct http_request *req, struct pipe *p)
{
	json_t	*path;
	int	 ret;

	path = json_object();
	if (req_path(req, pipe_route(p)->pattern, path) != KORE_RESULT_OK) {
		json_decref(path);
		reply_error(req, 404, "not_found", "no such feed", NULL);
		return (KORE_RESULT_ERROR);
	}
	if ((ret = pipe_send(p, STMT_FEED, req_call_doc(-1, path, NULL,
	    NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	json_decref(path);
	return (ret);
}

static void
feed_event(struct sbuf *b, json_t *e, const char *base, const char *stamp)
{
	struct ical_event	 ev;
	struct sbuf		 uid, desc, url;
	const char		*s;

	sbuf_init(&uid);
	sbuf_init(&desc);
	sbuf_init(&url);
	sbuf_printf(&uid, "%s@" FEED_UID_DOMAIN,
	    json_string_value(json_object_get(e, "uid")));
	sbuf_printf(&url, "%s%s", base,
	    json_string_value(json_object_get(e, "path")));
	sbuf_printf(&desc, "Project: %s\nStage: %s\nStatus: %s\n",
	    json_string_value(json_object_get(e, "project")),
	    json_string_value(json_object_get(e, "stage")),
	    json_string_value(json_object_get(e, "status")));
	if ((s = json_string_value(json_object_get(e, "owner"))) != NULL)
		sbuf_printf(&desc, "Owner: %s\n", s);
	sbuf_str(&desc, sbuf_cstr(&url));

	memset(&ev, 0, sizeof(ev));
	ev.uid = sbuf_cstr(&uid);
	ev.day = json_string_value(json_object_get(e, "day"));
	ev.sequence = (int)json_integer_value(json_object_get(e, "sequence"));
	ev.summary = json_string_value(json_object_get(e, "summary"));
	if (ev.summary == NULL)
		ev.summary = "";
	ev.description = sbuf_cstr(&desc);
	ev.url = base[0] != '\0' ? sbuf_cstr(&url) : NULL;
	ev.stamp = stamp;
	if (sbuf_failed(&uid) || sbuf_failed(&desc) || sbuf_failed(&url))
		b->failed = 1;
	else
		ical_event(b, &ev);
	sbuf_free(&uid);
	sbuf_free(&desc);
	sbuf_free(&url);
}

static int
feed_finish(struct http_request *req, struct pipe *p)
{
	struct sbuf	 b;
	json_t		*doc, *e;
	const char	*base, *name;
	char		 stamp[32];
	struct tm	 tm;
	time_t		 now;
	size_t		 i;

	if ((doc = pipe_result(p)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	now = time(NULL);
	(void)gmtime_r(&now, &tm);
	(void)strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	if ((base = app_public_url()) == NULL)
		base = "";
	if ((name = json_string_value(json_object_get(doc, "name"))) == NULL)
		name = "handoff";

	sbuf_init(&b);
	ical_begin(&b, name);
	json_array_foreach(json_object_get(doc, "events"), i, e)
		feed_event(&b, e, base, stamp);
	ical_end(&b);
	json_decref(doc);
	reply_body(req, 200, "text/calendar; charset=utf-8", &b);
	sbuf_free(&b);
	return (PIPE_DONE);
}

const struct pipe_ops feed_ops = {
	.prepare = feed_prepare,
	.finish = feed_finish,
};

/*
 * render_timeline: the project's plan and what actually happened, as an
 * SVG picture drawn by the server.
 *
 * One row per stage: the planned period as a light bar, the periods the
 * project actually spent in the stage as dark bars over it, the
 * checkpoints as markers on their stage's row (shape and colour both say
 * done, missed, blocked or pending), a line for today and one for the
 * target launch.  The picture carries a text description too.
 */
#include <string.h>

#include "doc.h"
#include "html.h"
#include "render.h"

#define TL_WIDTH	960
#define TL_LABELS	190	/* left column for stage names */
#define TL_RIGHT	20
#define TL_TOP		34	/* month labels */
#define TL_ROW		30
#define TL_BOTTOM	44	/* legend */

struct scale {
	day_t	from;
	day_t	to;
	int	x0;
	int	x1;
};

static int
scale_x(const struct scale *s, day_t d)
{
	long long	span = s->to - s->from;

	if (span <= 0)
		return (s->x0);
	if (d < s->from)
		d = s->from;
	if (d > s->to)
		d = s->to;
	return (s->x0 + (int)((long long)(d - s->from) * (s->x1 - s->x0) /
	    span));
}

static void
widen(day_t *lo, day_t *hi, day_t d)
{
	if (d == DAY_NONE)
		return;
	if (*lo == DAY_NONE || d < *lo)
		*lo = d;
	if (*hi == DAY_NONE || d > *hi)
		*hi = d;
}

/*
 * The state a checkpoint is shown in, in the picture and in the table:
 * done or waived; missed when open past its due date, blocked or not;
 * else its status (pending or blocked).
 */
const char *
render_checkpoint_state(json_t *c, day_t today)
{
	const char	*status = doc_str(c, "status");
	day_t		 due = doc_day(c, "due_on");

	if (status != NULL && (strcmp(status, "done") == 0 ||
	    strcmp(status, "waived") == 0))
		return (status);
	if (due != DAY_NONE && due < today)
		return ("missed");
	return (status != NULL ? status : "pending");
}

static void
marker(struct sbuf *b, const char *state, int x, int y)
{
	if (strcmp(state, "missed") == 0) {
		html_printf(b, "<path class=\"cp cp-missed\" d=\"M%d %d l7 7 "
		    "l-7 7 l-7 -7 z\"/>", x, y - 7);
	} else if (strcmp(state, "blocked") == 0) {
		html_printf(b, "<rect class=\"cp cp-blocked\" x=\"%d\" "
		    "y=\"%d\" width=\"12\" height=\"12\"/>", x - 6, y - 6);
	} else if (strcmp(state, "done") == 0) {
		html_printf(b, "<circle class=\"cp cp-done\" cx=\"%d\" "
		    "cy=\"%d\" r=\"6\"/>", x, y);
	} else if (strcmp(state, "waived") == 0) {
		html_printf(b, "<circle class=\"cp cp-waived\" cx=\"%d\" "
		    "cy=\"%d\" r=\"6\"/>", x, y);
	} else {
		html_printf(b, "<circle class=\"cp cp-pending\" cx=\"%d\" "
		    "cy=\"%d\" r=\"6\"/>", x, y);
	}
}

static void
month_ticks(struct sbuf *b, const struct scale *s, int height)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int	y, m, d, x;
	day_t	t;

	date_to_ymd(s->from, &y, &m, &d);
	t = date_from_ymd(y, m, 1);
	while (t <= s->to) {
		if (t >= s->from) {
			x = scale_x(s, t);
			html_printf(b, "<line class=\"tl-grid\" x1=\"%d\" "
			    "y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x, TL_TOP - 8,
			    x, height - TL_BOTTOM);
			html_printf(b, "<text class=\"tl-month\" x=\"%d\" "
			    "y=\"%d\">%s %d</text>\n", x + 3, TL_TOP - 14,
			    months[m - 1], y);
		}
		if (++m > 12) {
			m = 1;
			y++;
		}
		t = date_from_ymd(y, m, 1);
	}
}

static void
legend(struct sbuf *b, int y)
{
	static const struct {
		const char	*state;
		const char	*label;
	} items[] = {
		{ "done", "done" }, { "missed", "missed" },
		{ "blocked", "blocked" }, { "pending", "pending" },
		{ "waived", "waived" },
	};
	size_t	i;
	int	x;

	x = TL_LABELS;
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		marker(b, items[i].state, x, y);
		html_printf(b, "<text class=\"tl-legend\" x=\"%d\" y=\"%d\">"
		    "%s</text>", x + 12, y + 4, items[i].label);
		x += 100;
	}
	html_printf(b, "<rect class=\"tl-plan\" x=\"%d\" y=\"%d\" width=\"24\" "
	    "height=\"12\"/><text class=\"tl-legend\" x=\"%d\" y=\"%d\">"
	    "planned</text>", x, y - 6, x + 30, y + 4);
	x += 110;
	html_printf(b, "<rect class=\"tl-actual\" x=\"%d\" y=\"%d\" "
	    "width=\"24\" height=\"6\"/><text class=\"tl-legend\" x=\"%d\" "
	    "y=\"%d\">actual</text>", x, y - 3, x + 30, y + 4);
}

void
render_timeline(struct sbuf *b, json_t *doc, day_t today)
{
	struct scale	 s;
	json_t		*stages, *st, *periods, *pe, *cps, *c;
	size_t		 i, j, row, nrows;
	day_t		 lo, hi, start, end, launch;
	int		 height, y, x, x2, missed, done;
	const char	*key, *state;

	stages = doc_arr(doc, "stages");
	cps = doc_arr(doc, "checkpoints");
	launch = doc_day(doc, "target_launch_on");
	nrows = json_array_size(stages);

	/* The span: everything planned or done, today and the launch. */
	lo = hi = DAY_NONE;
	widen(&lo, &hi, doc_day(doc, "kickoff_on"));
	widen(&lo, &hi, launch);
	widen(&lo, &hi, today);
	json_array_foreach(stages, i, st) {
		widen(&lo, &hi, doc_day(st, "planned_start"));
		widen(&lo, &hi, doc_day(st, "planned_end"));
		json_array_foreach(doc_arr(st, "periods"), j, pe)
			widen(&lo, &hi, doc_day(pe, "entered_on"));
	}
	json_array_foreach(cps, i, c)
		widen(&lo, &hi, doc_day(c, "due_on"));
	if (lo == DAY_NONE)
		lo = hi = today;

	s.from = lo - 3;
	s.to = hi + 4;
	s.x0 = TL_LABELS;
	s.x1 = TL_WIDTH - TL_RIGHT;
	height = TL_TOP + (int)nrows * TL_ROW + TL_BOTTOM;

	/* The words first: what the picture says. */
	missed = done = 0;
	json_array_foreach(cps, i, c) {
		state = render_checkpoint_state(c, today);
		missed += strcmp(state, "missed") == 0;
		done += strcmp(state, "done") == 0;
	}

	html_printf(b, "<figure class=\"timeline\">\n"
	    "<svg viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-labelledby=\"tl-title tl-desc\" "
	    "xmlns=\"http://www.w3.org/2000/svg\">\n"
	    "<title id=\"tl-title\">Timeline of %s</title>\n"
	    "<desc id=\"tl-desc\">Planned and actual stages; %zu checkpoint%s, "
	    "%d done and %d missed; the project is in %s; target launch %s."
	    "</desc>\n", TL_WIDTH, height, doc_str(doc, "name"),
	    json_array_size(cps), json_array_size(cps) == 1 ? "" : "s", done,
	    missed, doc_str(doc, "stage"),
	    doc_str(doc, "target_launch_on"));

	month_ticks(b, &s, height);

	json_array_foreach(stages, row, st) {
		y = TL_TOP + (int)row * TL_ROW;
		key = doc_str(st, "key");
		if (row % 2 == 0)
			html_printf(b, "<rect class=\"tl-band\" x=\"0\" "
			    "y=\"%d\" width=\"%d\" height=\"%d\"/>", y,
			    TL_WIDTH, TL_ROW);
		html_printf(b, "<text class=\"tl-stage%s\" x=\"8\" y=\"%d\">"
		    "%s</text>\n", doc_bool(st, "current") ? " tl-current" : "",
		    y + 19, doc_str(st, "name"));

		start = doc_day(st, "planned_start");
		end = doc_day(st, "planned_end");
		if (start != DAY_NONE && end != DAY_NONE) {
			x = scale_x(&s, start);
			x2 = scale_x(&s, end + 1);
			html_printf(b, "<rect class=\"tl-plan\" x=\"%d\" "
			    "y=\"%d\" width=\"%d\" height=\"16\">"
			    "<title>%s planned %s to %s</title></rect>", x,
			    y + 7, x2 - x > 1 ? x2 - x : 1, doc_str(st, "name"),
			    doc_str(st, "planned_start"),
			    doc_str(st, "planned_end"));
		}

		periods = doc_arr(st, "periods");
		json_array_foreach(periods, j, pe) {
			start = doc_day(pe, "entered_on");
			end = doc_day(pe, "left_on");
			if (start == DAY_NONE)
				continue;
			x = scale_x(&s, start);
			x2 = scale_x(&s, end != DAY_NONE ? end : today + 1);
			html_printf(b, "<rect class=\"tl-actual\" x=\"%d\" "
			    "y=\"%d\" width=\"%d\" height=\"6\"/>", x, y + 12,
			    x2 - x > 2 ? x2 - x : 2);
		}

		json_array_foreach(cps, j, c) {
			if (key == NULL || doc_str(c, "stage") == NULL ||
			    strcmp(doc_str(c, "stage"), key) != 0)
				continue;
			state = render_checkpoint_state(c, today);
			html_printf(b, "<g><title>%s: due %s, %s</title>",
			    doc_str(c, "title"), doc_str(c, "due_on"), state);
			marker(b, state, scale_x(&s, doc_day(c, "due_on")),
			    y + 15);
			sbuf_str(b, "</g>\n");
		}
	}

	y = TL_TOP + (int)nrows * TL_ROW;
	if (launch != DAY_NONE) {
		x = scale_x(&s, launch);
		html_printf(b, "<line class=\"tl-launch\" x1=\"%d\" y1=\"%d\" "
		    "x2=\"%d\" y2=\"%d\"/><text class=\"tl-mark\" x=\"%d\" "
		    "y=\"%d\">launch</text>\n", x, TL_TOP - 6, x, y, x + 3,
		    TL_TOP - 1);
	}
	x = scale_x(&s, today);
	html_printf(b, "<line class=\"tl-today\" x1=\"%d\" y1=\"%d\" "
	    "x2=\"%d\" y2=\"%d\"/><text class=\"tl-mark tl-today-label\" "
	    "x=\"%d\" y=\"%d\">today</text>\n", x, TL_TOP - 6, x, y, x + 3,
	    y + 14);

	legend(b, y + 30);
	sbuf_str(b, "</svg>\n</figure>\n");
}

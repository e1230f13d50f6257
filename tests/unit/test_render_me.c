/* Unit tests: the My work page (render_me.c) from api.me's document. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "render.h"

/* The page of a document given as JSON text, for a member or a viewer. */
static char *
page(const char *text, int member)
{
	struct page_ctx	 ctx;
	json_error_t	 err;
	json_t		*doc;
	struct sbuf	 b;
	char		*out;

	memset(&ctx, 0, sizeof(ctx));
	ctx.csrf = "golden-csrf";
	ctx.user = "Dee <Scientist>";
	ctx.role = member ? "member" : "viewer";
	ctx.access = member ? PAGE_ACCESS_MEMBER : PAGE_ACCESS_MEMBER - 1;
	ctx.can_write = member;
	doc = json_loads(text, 0, &err);
	assert_non_null(doc);
	sbuf_init(&b);
	render_me_page(&b, &ctx, doc, NULL);
	out = strdup(sbuf_cstr(&b));
	sbuf_free(&b);
	json_decref(doc);
	return (out);
}

static const char mine[] = "{\"person\": {\"id\": 3, \"name\": \"Dee <b>\", "
    "\"role\": \"ds\", \"active\": true}, \"today\": \"2026-03-16\", "
    "\"checkpoints\": [{\"id\": 7, \"project_id\": 1, \"project_name\": "
    "\"Churn & co\", \"title\": \"Late <one>\", \"due_on\": \"2026-03-10\", "
    "\"status\": \"blocked\", \"overdue\": true}, {\"id\": 8, "
    "\"project_id\": 1, \"project_name\": \"Churn & co\", \"title\": "
    "\"Next\", \"due_on\": \"2026-03-20\", \"status\": \"pending\", "
    "\"overdue\": false}], \"handoffs_to_me\": [{\"project_id\": 1, "
    "\"project_name\": \"Churn & co\", \"key\": \"a\", \"name\": \"Framing "
    "to data\", \"from\": {\"id\": 4, \"name\": \"Omar\"}, \"offered_on\": "
    "\"2026-03-15\"}], \"handoffs_by_me\": [], \"boxes\": [{\"project_id\": "
    "1, \"project_name\": \"Churn & co\", \"responsibility\": \"fallback\", "
    "\"name\": \"Fallback\", \"role\": \"ds\", \"severity\": \"high\"}], "
    "\"open_boxes\": [{\"project_id\": 1, \"project_name\": \"Churn & co\", "
    "\"responsibility\": \"on_call\", \"name\": \"On-call\", \"role\": "
    "\"ds\", \"version\": 4, \"severity\": null}], \"risks\": []}";

static void
test_escaped_and_in_order(void **state)
{
	char	*t, *late, *next;

	(void)state;
	t = page(mine, 1);
	assert_non_null(strstr(t, "Dee &lt;b&gt;, DS."));
	assert_null(strstr(t, "<b>"));
	late = strstr(t, "Late &lt;one&gt;</a> (Churn &amp; co, blocked)");
	next = strstr(t, ">Next</a>");
	assert_non_null(late);
	assert_non_null(next);
	assert_true(late < next);
	assert_non_null(strstr(t, "<span class=\"badge badge-overdue\">"
	    "overdue</span>"));
	assert_non_null(strstr(t, "handoff a (Framing to data), from Omar, "
	    "offered 2026-03-15"));
	assert_non_null(strstr(t, "Fallback, DS <span class=\"badge "
	    "badge-high\">high</span>"));
	assert_non_null(strstr(t, "action=\"/projects/1/ownership/on_call/ds/"
	    "take\" id=\"form-take-1-on_call-ds\""));
	assert_non_null(strstr(t, "name=\"version\" value=\"4\""));
	assert_non_null(strstr(t, ">Take it</button>"));
	assert_non_null(strstr(t, "<a href=\"/me\">My work</a>"));
	free(t);

	/* A viewer reads it all but has no button. */
	t = page(mine, 0);
	assert_null(strstr(t, "Take it"));
	assert_non_null(strstr(t, "On-call, DS"));
	free(t);
}

static void
test_nobody(void **state)
{
	char	*t;

	(void)state;
	t = page("{\"person\": null, \"boxes\": [], \"open_boxes\": [], "
	    "\"checkpoints\": [], \"handoffs_to_me\": [], \"handoffs_by_me\": "
	    "[], \"risks\": []}", 1);
	assert_non_null(strstr(t, "Your account is not linked to a person"));
	assert_null(strstr(t, "id=\"boxes\""));
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaped_and_in_order),
		cmocka_unit_test(test_nobody),
	};

	return (cmocka_run_group_tests_name("render_me", tests, NULL, NULL));
}

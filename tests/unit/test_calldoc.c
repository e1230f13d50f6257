/*
 * Unit tests: the document every api.* function takes (calldoc.c), as the
 * server and handoffctl build it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calldoc.h"

/* 2026-11-23, the day of sql/0003's example. */
#define TODAY	date_from_ymd(2026, 11, 23)

/* JSON in the cases is written with ' for ", to stay readable. */
struct doc_case {
	const char	*what;
	const char	*actor;
	long long	 user_id;
	int		 admin;
	long long	 if_match;
	const char	*path;		/* NULL: none */
	const char	*query;
	const char	*body;
	const char	*want;		/* the whole document */
};

static const struct doc_case doc_cases[] = {
	{ "nobody signed in", NULL, 0, 0, -1, NULL, NULL, NULL,
	    "{'actor': 'anonymous', 'today': '2026-11-23'}" },
	{ "a member", "ana@example.com", 7, 0, -1, NULL, NULL, NULL,
	    "{'actor': 'ana@example.com', 'today': '2026-11-23', "
	    "'user_id': 7, 'admin': false}" },
	{ "an admin", "root@example.com", 1, 1, -1, NULL, NULL, NULL,
	    "{'actor': 'root@example.com', 'today': '2026-11-23', "
	    "'user_id': 1, 'admin': true}" },
	{ "admin means nothing without a user", "handoffctl", 0, 1, -1,
	    NULL, NULL, "{'role': 'pm'}",
	    "{'actor': 'handoffctl', 'today': '2026-11-23', "
	    "'body': {'role': 'pm'}}" },
	{ "path, query, body and a version", "ana@example.com", 7, 0, 3,
	    "{'project': 12}", "{'limit': 5}", "{'title': 'x'}",
	    "{'actor': 'ana@example.com', 'today': '2026-11-23', "
	    "'path': {'project': 12}, 'query': {'limit': 5}, "
	    "'body': {'title': 'x'}, 'user_id': 7, 'admin': false, "
	    "'if_match': 3}" },
	/* An empty body is a body. */
	{ "an empty body", NULL, 0, 0, -1, NULL, NULL, "{}",
	    "{'actor': 'anonymous', 'today': '2026-11-23', 'body': {}}" },
	/* Only -1 means "no version": 0 is sent (and refused by SQL). */
	{ "version 0 is a version", NULL, 0, 0, 0, NULL, NULL, NULL,
	    "{'actor': 'anonymous', 'today': '2026-11-23', 'if_match': 0}" },
};

static json_t *
parse(const char *text)
{
	json_t		*v;
	json_error_t	 err;
	char		*copy, *p;

	if (text == NULL)
		return (NULL);
	if ((copy = strdup(text)) == NULL)
		fail_msg("out of memory");
	for (p = copy; *p != '\0'; p++) {
		if (*p == '\'')
			*p = '"';
	}
	v = json_loads(copy, 0, &err);
	if (v == NULL)
		fail_msg("bad JSON in a case: %s: %s", text, err.text);
	free(copy);
	return (v);
}

static void
test_doc_table(void **state)
{
	const struct doc_case	*dc;
	struct calldoc		 c;
	json_t			*doc, *want;
	char			*got;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(doc_cases) / sizeof(doc_cases[0]); i++) {
		dc = &doc_cases[i];
		memset(&c, 0, sizeof(c));
		c.actor = dc->actor;
		c.user_id = dc->user_id;
		c.admin = dc->admin;
		c.today = TODAY;
		c.if_match = dc->if_match;
		c.path = parse(dc->path);
		c.query = parse(dc->query);
		c.body = parse(dc->body);
		want = parse(dc->want);

		doc = calldoc_build(&c);
		assert_non_null(doc);
		if (!json_equal(doc, want)) {
			got = json_dumps(doc, JSON_SORT_KEYS);
			fail_msg("%s: got %s, want %s", dc->what, got,
			    dc->want);
		}
		json_decref(doc);
		json_decref(want);
		json_decref(c.path);
		json_decref(c.query);
		json_decref(c.body);
	}
}

/* The caller keeps its references: the document adds its own. */
static void
test_parts_are_referenced_not_taken(void **state)
{
	struct calldoc	 c;
	json_t		*body, *doc;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.today = TODAY;
	c.if_match = -1;
	c.body = body = json_pack("{s:s}", "name", "bot");
	assert_int_equal(body->refcount, 1);

	doc = calldoc_build(&c);
	assert_non_null(doc);
	assert_ptr_equal(json_object_get(doc, "body"), body);
	assert_int_equal(body->refcount, 2);
	json_decref(doc);
	assert_int_equal(body->refcount, 1);
	assert_string_equal(json_string_value(json_object_get(body, "name")),
	    "bot");
	json_decref(body);
}

/* Every document names a real day; there is no "no day". */
static void
test_no_day_no_document(void **state)
{
	struct calldoc	c;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.today = DAY_NONE;
	c.if_match = -1;
	assert_null(calldoc_build(&c));
}

/* The day is written as sql/0003's api.today() reads it. */
static void
test_today_format(void **state)
{
	struct calldoc	 c;
	json_t		*doc;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.if_match = -1;
	c.today = date_from_ymd(2024, 2, 29);
	doc = calldoc_build(&c);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "today")),
	    "2024-02-29");
	json_decref(doc);

	c.today = date_from_ymd(1000, 1, 1);
	doc = calldoc_build(&c);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "today")),
	    "1000-01-01");
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc_table),
		cmocka_unit_test(test_parts_are_referenced_not_taken),
		cmocka_unit_test(test_no_day_no_document),
		cmocka_unit_test(test_today_format),
	};

	return (cmocka_run_group_tests_name("calldoc", tests, NULL, NULL));
}

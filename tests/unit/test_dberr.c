/* Unit tests: SQLSTATE to HTTP status and client-safe messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "dberr.h"

struct map_case {
	const char	*sqlstate;
	const char	*message;
	const char	*column;
	int		 status;
	const char	*code;
	const char	*want_message;	/* NULL: anything but the DB text */
	const char	*want_field;
	int		 again;		/* worth sending again as it was */
};

static const struct map_case map_cases[] = {
	{ "HF400", "due_on must be on or after the kickoff date", "due_on",
	    400, "invalid", "due_on must be on or after the kickoff date",
	    "due_on", 0 },
	{ "HF401", "sign in", NULL, 401, "unauthenticated", "sign in", "", 0 },
	{ "HF403", "this needs the pm role or above", NULL, 403, "forbidden",
	    "this needs the pm role or above", "", 0 },
	{ "HFCSR", "missing or wrong CSRF token", NULL, 403, "csrf",
	    "missing or wrong CSRF token", "", 0 },
	{ "HF404", "no project with id 9", NULL, 404, "not_found",
	    "no project with id 9", "", 0 },
	{ "HF409", "already offered", NULL, 409, "conflict",
	    "already offered", "", 0 },
	{ "HFLAD", "a@example.com is the last active admin", "role", 409,
	    "last_admin", "a@example.com is the last active admin", "role",
	    0 },
	{ "HF412", "changed by someone else", NULL, 412, "stale_version",
	    "changed by someone else", "", 0 },
	{ "23505", "duplicate key value violates unique constraint \"x\"",
	    "email", 409, "duplicate", NULL, "", 0 },
	{ "23503", "insert or update violates foreign key", NULL, 409,
	    "conflict", NULL, "", 0 },
	{ "23514", "new row violates check constraint", NULL, 400,
	    "invalid", NULL, "", 0 },
	{ "22007", "invalid input syntax for type date", NULL, 400,
	    "invalid", NULL, "", 0 },
	{ "40001", "could not serialize access", NULL, 503, "busy",
	    NULL, "", 1 },
	{ "40P01", "deadlock detected", NULL, 503, "busy", NULL, "", 1 },
	/* Schema api made again while the statement ran its old functions. */
	{ "XX000", "cache lookup failed for function 17493", NULL, 503,
	    "busy", NULL, "", 1 },
	{ "42883", "function call to dropped function", NULL, 503, "busy",
	    NULL, "", 1 },
	/* The same states, other words: a fault, not worth a second try. */
	{ "XX000", "could not open file \"base/1/2\"", NULL, 500,
	    "internal", NULL, "", 0 },
	{ "42883", "function api.nope(jsonb) does not exist", NULL, 500,
	    "internal", NULL, "", 0 },
	{ "XX000", NULL, NULL, 500, "internal", NULL, "", 0 },
	{ "08006", "connection failure", NULL, 503, "db_unavailable",
	    NULL, "", 0 },
	{ "57P01", "terminating connection due to administrator command",
	    NULL, 503, "db_unavailable", NULL, "", 0 },
	{ "42P01", "relation \"secret_table\" does not exist", NULL, 500,
	    "internal", NULL, "", 0 },
	{ NULL, NULL, NULL, 503, "db_unavailable", NULL, "", 0 },
	{ "bogus", "x", NULL, 500, "internal", NULL, "", 0 },
};

static void
test_map_table(void **state)
{
	const struct map_case	*c;
	struct db_error		 err;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(map_cases) / sizeof(map_cases[0]); i++) {
		c = &map_cases[i];
		memset(&err, 'X', sizeof(err));
		dberr_map(&err, c->sqlstate, c->message, c->column);
		assert_int_equal(err.status, c->status);
		assert_string_equal(err.code, c->code);
		assert_string_equal(err.field, c->want_field);
		assert_int_equal(err.again, c->again);
		if (c->want_message != NULL) {
			assert_string_equal(err.message, c->want_message);
		} else if (c->message != NULL) {
			/* The database's own words never reach a client. */
			assert_null(strstr(err.message, c->message));
			assert_true(strlen(err.message) > 0);
		}
	}
}

static void
test_hf_without_message_uses_code(void **state)
{
	struct db_error	err;

	(void)state;
	dberr_map(&err, "HF404", "", NULL);
	assert_string_equal(err.message, "not_found");
}

static void
test_long_values_are_truncated(void **state)
{
	struct db_error	err;
	char		long_msg[2000];

	(void)state;
	memset(long_msg, 'm', sizeof(long_msg) - 1);
	long_msg[sizeof(long_msg) - 1] = '\0';
	dberr_map(&err, "HF400", long_msg, long_msg);
	assert_int_equal(strlen(err.message), sizeof(err.message) - 1);
	assert_int_equal(strlen(err.field), sizeof(err.field) - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_table),
		cmocka_unit_test(test_hf_without_message_uses_code),
		cmocka_unit_test(test_long_values_are_truncated),
	};

	return (cmocka_run_group_tests_name("dberr", tests, NULL, NULL));
}

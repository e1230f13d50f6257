/*
 * dberr: SQLSTATE to HTTP (see dberr.h).
 */
#include <stdio.h>
#include <string.h>

#include "dberr.h"

struct sqlstate_map {
	const char	*prefix;	/* SQLSTATE or its class (2 chars) */
	int		 status;
	const char	*code;
	const char	*message;	/* NULL: the function's own message */
};

/* First match wins, so exact codes come before their class. */
static const struct sqlstate_map sqlstate_map[] = {
	{ "HF400", 400, "invalid", NULL },
	{ "HF401", 401, "unauthenticated", NULL },
	{ "HF403", 403, "forbidden", NULL },
	{ "HFCSR", 403, "csrf", NULL },
	{ "HF404", 404, "not_found", NULL },
	{ "HF409", 409, "conflict", NULL },
	{ "HFLAD", 409, "last_admin", NULL },
	{ "HF412", 412, "stale_version", NULL },
	{ "HF422", 422, "idempotency_key_reused", NULL },
	{ "23505", 409, "duplicate",
	    "a record with the same unique value already exists" },
	{ "23503", 409, "conflict",
	    "a record this change refers to was changed at the same time" },
	{ "40001", 503, "busy", "the database is busy; try again" },
	{ "40P01", 503, "busy", "the database is busy; try again" },
	{ "23", 400, "invalid", "the value breaks a rule of the data" },
	{ "22", 400, "invalid", "a value is out of range or malformed" },
	{ "08", 503, "db_unavailable", "the database is unreachable" },
	{ "53", 503, "db_unavailable", "the database is overloaded" },
	{ "57", 503, "db_unavailable", "the database is unreachable" },
};

/*
 * What PostgreSQL says when a session runs a function of schema api as it
 * was before migrate.sh made the schema again, and that function calls
 * one that is gone (by the id its cached plan holds).
 */
static const struct {
	const char	*sqlstate;
	const char	*message;	/* how it begins */
} rebuilt[] = {
	{ "XX000", "cache lookup failed for " },
	{ "42883", "function call to dropped function" },
};

static void
copy(char *dst, size_t size, const char *src)
{
	(void)snprintf(dst, size, "%s", src != NULL ? src : "");
}

void
dberr_set(struct db_error *err, int status, const char *code,
    const char *message, const char *field)
{
	err->status = status;
	err->again = 0;
	err->detail[0] = '\0';
	err->data[0] = '\0';
	copy(err->code, sizeof(err->code), code);
	copy(err->message, sizeof(err->message), message);
	copy(err->field, sizeof(err->field), field);
}

void
dberr_map(struct db_error *err, const char *sqlstate, const char *message,
    const char *column)
{
	size_t				 i, n;
	const struct sqlstate_map	*m;

	if (sqlstate == NULL || strlen(sqlstate) != 5) {
		dberr_set(err, 503, "db_unavailable",
		    "the database is unreachable", NULL);
		return;
	}

	for (i = 0; i < sizeof(rebuilt) / sizeof(rebuilt[0]); i++) {
		if (strcmp(sqlstate, rebuilt[i].sqlstate) != 0 ||
		    message == NULL || strncmp(message, rebuilt[i].message,
		    strlen(rebuilt[i].message)) != 0)
			continue;
		dberr_set(err, 503, "busy", "the server is being upgraded; "
		    "try again", NULL);
		err->again = 1;
		return;
	}

	for (i = 0; i < sizeof(sqlstate_map) / sizeof(sqlstate_map[0]); i++) {
		m = &sqlstate_map[i];
		n = strlen(m->prefix);
		if (strncmp(sqlstate, m->prefix, n) != 0)
			continue;

		if (m->message == NULL) {
			dberr_set(err, m->status, m->code,
			    message != NULL && *message != '\0' ?
			    message : m->code, column);
		} else {
			dberr_set(err, m->status, m->code, m->message, NULL);
		}
		err->again = strncmp(sqlstate, "40", 2) == 0;
		return;
	}

	dberr_set(err, 500, "internal", "internal error", NULL);
}

void
dberr_data(struct db_error *err, const char *sqlstate, const char *hint)
{
	err->data[0] = '\0';
	if (sqlstate == NULL || strncmp(sqlstate, "HF", 2) != 0 ||
	    hint == NULL || strlen(hint) >= sizeof(err->data))
		return;
	copy(err->data, sizeof(err->data), hint);
}

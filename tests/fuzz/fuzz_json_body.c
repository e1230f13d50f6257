/*
 * Fuzz target: a JSON request body, parsed as request.c parses it, checked
 * against field tables by validate_object(); and query values checked by
 * validate_query_value() against a field of every type.
 *
 * The tables are the server's own (src/fields.c, pure), every body and
 * every query of the API and the forms, plus shapes the API does not use
 * yet (deeper nesting, paths longer than struct verror holds, integers at
 * the limits of long long, a type validate.c does not know), so that every
 * branch of validate.c can be reached.
 *
 * Properties: validate_object() returns 0 or -1; on -1 it says why; on 0
 * every key is a known field and every required field is present and not
 * null.  validate_query_value() returns a value of the field's JSON type
 * within its bounds, or NULL with a message.
 */
#include <limits.h>

#include <jansson.h>

#include "fields.h"
#include "fuzz.h"
#include "validate.h"
#include "vocab.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const struct field plan_fields[] = {
	{ "start", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "end", FIELD_DATE, 0, 0, 0, NULL, NULL },
	END
};

/* Beyond today's API: three levels, long names (the dotted path outgrows
 * struct verror), a required nested object, unbounded TEXT, a MAP of
 * objects inside an object, INT over the whole range of long long. */
static const struct field deep3[] = {
	{ "leaf_with_a_rather_long_name_to_fill_the_path", FIELD_LINE,
	    FIELD_REQUIRED, 2, 5, NULL, NULL },
	{ "n", FIELD_INT, 0, LLONG_MIN, LLONG_MAX, NULL, NULL },
	END
};

static const struct field deep2[] = {
	{ "level_two_object_with_a_long_name", FIELD_OBJECT, FIELD_NULLABLE,
	    0, 0, NULL, deep3 },
	{ "map", FIELD_MAP, 0, 0, 0, stage_keys, deep3 },
	END
};

static const struct field deep_body[] = {
	{ "level_one_object_with_a_long_name", FIELD_OBJECT, FIELD_REQUIRED,
	    0, 0, NULL, deep2 },
	{ "text", FIELD_TEXT, 0, 0, 0, NULL, NULL },
	{ "url", FIELD_URL, 0, 0, 0, NULL, NULL },
	{ "email", FIELD_EMAIL, FIELD_NULLABLE, 0, 0, NULL, NULL },
	{ "limit", FIELD_INT, 0, 1, 200, NULL, NULL },
	END
};

/* A type validate.c does not know: its last-resort error.  (FIELD_MAP + 1
 * stays within what the enum can represent, so UBSan does not object.) */
static const struct field unknown_body[] = {
	{ "x", (enum field_type)(FIELD_MAP + 1), 0, 0, 0, NULL, NULL },
	END
};

static const struct field *const bodies[] = {
	no_fields, person_create_body, person_patch_body, person_active_body,
	project_create_body, project_patch_body, stage_body,
	checkpoint_create_body, checkpoint_patch_body, ownership_body,
	cell_form_body, offer_body, login_body, login_form_body, token_body,
	user_create_body, user_patch_body, deep_body, unknown_body,
};

/* The server's queries, each argument checked as a value. */
static const struct field *const queries[] = {
	person_list_query, project_list_query, page_query, risks_query,
	as_of_query, digest_query, portfolio_query, login_query,
};

/* A query argument of every type, at the limits the API does not use. */
static const struct field query_fields[] = {
	{ "line", FIELD_LINE, 0, 1, 50, NULL, NULL },
	{ "text", FIELD_TEXT, 0, 0, 100, NULL, NULL },
	{ "email", FIELD_EMAIL, 0, 0, 0, NULL, NULL },
	{ "url", FIELD_URL, 0, 0, 0, NULL, NULL },
	{ "date", FIELD_DATE, 0, 0, 0, NULL, NULL },
	{ "stage", FIELD_ENUM, 0, 0, 0, stage_keys, NULL },
	{ "pm", FIELD_ID, 0, 0, 0, NULL, NULL },
	{ "limit", FIELD_INT, 0, 1, 200, NULL, NULL },
	{ "offset", FIELD_INT, 0, 0, 1000000, NULL, NULL },
	{ "any", FIELD_INT, 0, LLONG_MIN, LLONG_MAX, NULL, NULL },
	{ "active", FIELD_BOOL, 0, 0, 0, NULL, NULL },
	{ "object", FIELD_OBJECT, 0, 0, 0, NULL, plan_fields },
	{ "map", FIELD_MAP, 0, 0, 0, stage_keys, plan_fields },
	END
};

static void
check_body(json_t *doc, const struct field *spec)
{
	const struct field	*f;
	const char		*key;
	struct verror		 err;
	json_t			*v;
	int			 ret;

	memset(&err, 0, sizeof(err));
	ret = validate_object(doc, spec, &err);
	FUZZ_CHECK(ret == 0 || ret == -1);
	if (ret == -1) {
		FUZZ_CHECK(err.message[0] != '\0');
		FUZZ_CHECK(memchr(err.field, '\0', sizeof(err.field)) != NULL);
		return;
	}

	FUZZ_CHECK(json_is_object(doc));
	json_object_foreach(doc, key, v) {
		for (f = spec; f->name != NULL; f++) {
			if (strcmp(f->name, key) == 0)
				break;
		}
		FUZZ_CHECK(f->name != NULL);
		FUZZ_CHECK(!json_is_null(v) || (f->flags & FIELD_NULLABLE));
	}
	for (f = spec; f->name != NULL; f++) {
		if (f->flags & FIELD_REQUIRED) {
			v = json_object_get(doc, f->name);
			FUZZ_CHECK(v != NULL && !json_is_null(v));
		}
	}
}

static void
check_query_fields(const struct field *fields, const char *s)
{
	const struct field	*f;
	struct verror		 err;
	json_t			*v;
	json_int_t		 n;

	for (f = fields; f->name != NULL; f++) {
		memset(&err, 0, sizeof(err));
		if ((v = validate_query_value(f, s, &err)) == NULL) {
			FUZZ_CHECK(err.message[0] != '\0');
			continue;
		}
		switch (f->type) {
		case FIELD_ID:
			FUZZ_CHECK(json_is_integer(v));
			FUZZ_CHECK(json_integer_value(v) >= 1);
			break;
		case FIELD_INT:
			FUZZ_CHECK(json_is_integer(v));
			n = json_integer_value(v);
			FUZZ_CHECK(n >= f->min && n <= f->max);
			break;
		case FIELD_BOOL:
			FUZZ_CHECK(json_is_boolean(v));
			break;
		default:
			FUZZ_CHECK(json_is_string(v));
			FUZZ_CHECK(strcmp(json_string_value(v), s) == 0);
			FUZZ_CHECK(f->type != FIELD_OBJECT &&
			    f->type != FIELD_MAP);
			break;
		}
		json_decref(v);
	}
}

static void
check_query(const char *s)
{
	size_t	i;

	check_query_fields(query_fields, s);
	for (i = 0; i < NITEMS(queries); i++)
		check_query_fields(queries[i], s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t		*doc, *v;
	json_error_t	 jerr;
	const char	*key;
	char		*s;
	size_t		 i;

	/* The raw bytes as one query value, cut at a NUL as Kore would. */
	if ((s = fuzz_cstr(data, size)) != NULL) {
		check_query(s);
		free(s);
	}

	doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (doc == NULL)
		return (0);

	for (i = 0; i < NITEMS(bodies); i++)
		check_body(doc, bodies[i]);

	/* The body's own strings as query values: structure helps here. */
	if (json_is_object(doc)) {
		json_object_foreach(doc, key, v) {
			if (json_is_string(v))
				check_query(json_string_value(v));
		}
	}

	json_decref(doc);
	return (0);
}

/*
 * Unit tests: the OpenAPI document from route and field tables
 * (apidoc.c): a route without a description, or a description without a
 * route, is refused by name; what is built follows the field tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "apidoc.h"
#include "fields.h"

static const struct field body[] = {
	{ "name", FIELD_LINE, FIELD_REQUIRED, 1, 200, NULL, NULL },
	{ "note", FIELD_TEXT, FIELD_NULLABLE, 0, 2000, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct apidoc_route routes[] = {
	{ "GET", "/api/v1/things/#thing", 1, 200, NULL, NULL, NULL },
	{ "POST", "/api/v1/things", 3, 201, body, NULL, "/api/v1/things/" },
	{ "GET", "/healthz", 0, 200, NULL, NULL, NULL },
};

static const struct apidoc_op ops[] = {
	{ "GET", "/api/v1/things/#thing", "one thing", "things", "Person",
	    APIDOC_ETAG | APIDOC_CACHED, 0, NULL, NULL },
	{ "POST", "/api/v1/things", "a thing", "things", "Person",
	    APIDOC_CONFLICT, 0, NULL, NULL },
};

static json_t *
at(json_t *doc, const char *path, const char *method)
{
	return (json_object_get(json_object_get(json_object_get(doc,
	    "paths"), path), method));
}

static void
test_builds(void **state)
{
	json_t	*doc, *op, *schema, *resp;
	char	 err[512];

	(void)state;
	doc = apidoc_build(routes, 3, ops, 2, err, sizeof(err));
	if (doc == NULL)
		fail_msg("%s", err);
	assert_string_equal(json_string_value(json_object_get(doc,
	    "openapi")), "3.1.0");
	/* Only /api/v1: /healthz is not described. */
	assert_int_equal(json_object_size(json_object_get(doc, "paths")), 2);

	op = at(doc, "/api/v1/things/{thing}", "get");
	assert_non_null(op);
	resp = json_object_get(op, "responses");
	assert_non_null(json_object_get(resp, "200"));
	assert_non_null(json_object_get(resp, "304"));
	assert_non_null(json_object_get(resp, "401"));
	assert_null(json_object_get(resp, "403"));	/* viewer, GET */
	assert_non_null(json_object_get(resp, "404"));
	assert_non_null(json_object_get(resp, "503"));

	op = at(doc, "/api/v1/things", "post");
	assert_non_null(op);
	schema = json_object_get(json_object_get(json_object_get(
	    json_object_get(op, "requestBody"), "content"),
	    "application/json"), "schema");
	assert_true(json_is_false(json_object_get(schema,
	    "additionalProperties")));
	assert_int_equal(json_array_size(json_object_get(schema,
	    "required")), 1);
	assert_int_equal(json_integer_value(json_object_get(
	    json_object_get(json_object_get(schema, "properties"), "name"),
	    "maxLength")), 200);
	resp = json_object_get(op, "responses");
	assert_non_null(json_object_get(json_object_get(json_object_get(resp,
	    "201"), "headers"), "Location"));
	assert_non_null(json_object_get(resp, "403"));
	assert_non_null(json_object_get(resp, "409"));
	assert_non_null(json_object_get(resp, "415"));
	json_decref(doc);
}

static void
test_route_without_description(void **state)
{
	char	err[512];

	(void)state;
	assert_null(apidoc_build(routes, 3, ops, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "POST /api/v1/things: a route without "
	    "a description"));
}

static void
test_description_without_route(void **state)
{
	char	err[512];

	(void)state;
	assert_null(apidoc_build(routes, 1, ops, 2, err, sizeof(err)));
	assert_non_null(strstr(err, "POST /api/v1/things: a description "
	    "without a route"));
	assert_null(strstr(err, "GET /api/v1/things"));
}

static void
test_path(void **state)
{
	char	buf[128];

	(void)state;
	apidoc_path("/api/v1/projects/#project/ownership/:key/:role", buf,
	    sizeof(buf));
	assert_string_equal(buf,
	    "/api/v1/projects/{project}/ownership/{key}/{role}");
	apidoc_path("/api/v1/openapi.json", buf, sizeof(buf));
	assert_string_equal(buf, "/api/v1/openapi.json");
}

/* Every schema the real table names is written. */
static void
test_real_table_refs(void **state)
{
	const struct apidoc_op	*op;
	struct apidoc_route	*r;
	json_t			*doc;
	char			 err[4096];
	size_t			 i;

	(void)state;
	r = calloc(apidoc_nops, sizeof(*r));
	assert_non_null(r);
	for (i = 0; i < apidoc_nops; i++) {
		op = &apidoc_ops[i];
		r[i].method = op->method;
		r[i].pattern = op->pattern;
		r[i].access = 1;
	}
	doc = apidoc_build(r, apidoc_nops, apidoc_ops, apidoc_nops, err,
	    sizeof(err));
	if (doc == NULL)
		fail_msg("%s", err);
	json_decref(doc);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builds),
		cmocka_unit_test(test_route_without_description),
		cmocka_unit_test(test_description_without_route),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_real_table_refs),
	};

	return (cmocka_run_group_tests_name("apidoc", tests, NULL, NULL));
}

/*
 * apidoc: the OpenAPI document from the route and field tables
 * (apidoc.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "apidoc.h"
#include "fields.h"

#define API_PREFIX	"/api/v1/"

/* The largest id a path takes: 18 digits (request.c, req_path()). */
#define ID_MAX		999999999999999999LL

struct problems {
	char	*buf;
	size_t	 size;
	size_t	 len;
	int	 n;
};

static void	problem(struct problems *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
problem(struct problems *pr, const char *fmt, ...)
{
	va_list	ap;
	int	w;

	pr->n++;
	if (pr->size == 0 || pr->len + 1 >= pr->size)
		return;
	if (pr->len > 0)
		pr->buf[pr->len++] = '\n';
	va_start(ap, fmt);
	w = vsnprintf(pr->buf + pr->len, pr->size - pr->len, fmt, ap);
	va_end(ap);
	if (w > 0)
		pr->len += (size_t)w;
	if (pr->len >= pr->size)
		pr->len = pr->size - 1;
}

void
apidoc_path(const char *pattern, char *buf, size_t size)
{
	size_t	 o;
	int	 open;

	o = 0;
	open = 0;
	for (; *pattern != '\0' && o + 2 < size; pattern++) {
		if (*pattern == '#' || *pattern == ':' || *pattern == '*') {
			buf[o++] = '{';
			open = 1;
			continue;
		}
		if (*pattern == '/' && open) {
			buf[o++] = '}';
			open = 0;
		}
		buf[o++] = *pattern;
	}
	if (open && o + 1 < size)
		buf[o++] = '}';
	buf[o] = '\0';
}

static json_t *
choices_array(const char *const *choices)
{
	json_t	*a;

	a = json_array();
	for (; choices != NULL && *choices != NULL; choices++)
		json_array_append_new(a, json_string(*choices));
	return (a);
}

/* A type that may also be null: ["string", "null"]. */
static void
set_type(json_t *s, const char *type, int nullable)
{
	if (nullable)
		json_object_set_new(s, "type", json_pack("[s, s]", type,
		    "null"));
	else
		json_object_set_new(s, "type", json_string(type));
}

static json_t	*fields_schema(const struct field *);

/* The schema of one field of a body or a query (validate.c's rules). */
static json_t *
field_schema(const struct field *f, int query)
{
	json_t	*s, *props, *e;
	int	 nullable;
	size_t	 i;

	s = json_object();
	nullable = (f->flags & FIELD_NULLABLE) != 0;
	switch (f->type) {
	case FIELD_LINE:
	case FIELD_TEXT:
		set_type(s, "string", nullable);
		/* An empty query value means "any", as an absent one. */
		if (f->min > 0 && !query)
			json_object_set_new(s, "minLength",
			    json_integer(f->min));
		if (f->max > 0)
			json_object_set_new(s, "maxLength",
			    json_integer(f->max));
		if (f->type == FIELD_LINE)
			json_object_set_new(s, "pattern",
			    json_string("^[^\\u0000-\\u001f\\u007f]*$"));
		break;
	case FIELD_EMAIL:
		set_type(s, "string", nullable);
		json_object_set_new(s, "format", json_string("email"));
		json_object_set_new(s, "maxLength", json_integer(254));
		break;
	case FIELD_URL:
		set_type(s, "string", nullable);
		json_object_set_new(s, "format", json_string("uri"));
		json_object_set_new(s, "pattern", json_string("^https?://"));
		json_object_set_new(s, "maxLength", json_integer(2000));
		break;
	case FIELD_DATE:
		set_type(s, "string", nullable);
		json_object_set_new(s, "format", json_string("date"));
		break;
	case FIELD_ENUM:
		set_type(s, "string", nullable);
		e = choices_array(f->choices);
		if (nullable)
			json_array_append_new(e, json_null());
		json_object_set_new(s, "enum", e);
		break;
	case FIELD_ID:
		set_type(s, "integer", nullable);
		json_object_set_new(s, "minimum", json_integer(1));
		break;
	case FIELD_INT:
		set_type(s, "integer", nullable);
		json_object_set_new(s, "minimum", json_integer(f->min));
		json_object_set_new(s, "maximum", json_integer(f->max));
		break;
	case FIELD_BOOL:
		set_type(s, "boolean", nullable);
		break;
	case FIELD_OBJECT:
		json_decref(s);
		s = fields_schema(f->sub);
		if (nullable)
			json_object_set_new(s, "type", json_pack("[s, s]",
			    "object", "null"));
		break;
	case FIELD_MAP:
		set_type(s, "object", nullable);
		if (f->choices == NULL) {
			/* Keys of two names (validate.h), any of them. */
			json_object_set_new(s, "propertyNames", json_pack(
			    "{s:s}", "pattern", "^[a-z][a-z0-9_]{0,63}/"
			    "[a-z][a-z0-9_]{0,63}$"));
			json_object_set_new(s, "additionalProperties",
			    fields_schema(f->sub));
			break;
		}
		props = json_object();
		for (i = 0; f->choices[i] != NULL; i++)
			json_object_set_new(props, f->choices[i],
			    fields_schema(f->sub));
		json_object_set_new(s, "properties", props);
		json_object_set_new(s, "additionalProperties", json_false());
		break;
	case FIELD_LIST:
		set_type(s, "array", nullable);
		json_object_set_new(s, "minItems", json_integer(f->min));
		json_object_set_new(s, "maxItems", json_integer(f->max));
		json_object_set_new(s, "items", fields_schema(f->sub));
		break;
	}
	return (s);
}

/* A JSON object checked against a field table: nothing unknown. */
static json_t *
fields_schema(const struct field *fields)
{
	const struct field	*f;
	json_t			*s, *props, *req;

	s = json_object();
	props = json_object();
	req = json_array();
	for (f = fields; f->name != NULL; f++) {
		json_object_set_new(props, f->name, field_schema(f, 0));
		if (f->flags & FIELD_REQUIRED)
			json_array_append_new(req, json_string(f->name));
	}
	json_object_set_new(s, "type", json_string("object"));
	json_object_set_new(s, "properties", props);
	if (json_array_size(req) > 0)
		json_object_set_new(s, "required", req);
	else
		json_decref(req);
	json_object_set_new(s, "additionalProperties", json_false());
	return (s);
}

/* An answer's schema from its table. */
static json_t *
answer_schema(const struct apidoc_schema *sc)
{
	const struct apidoc_prop	*p;
	json_t				*s, *props, *req, *v;
	char				 ref[128];
	int				 nullable;

	s = json_object();
	props = json_object();
	req = json_array();
	for (p = sc->props; p->name != NULL; p++) {
		v = json_object();
		nullable = (p->flags & AP_NULLABLE) != 0;
		switch (p->type) {
		case AT_INT:
			set_type(v, "integer", nullable);
			break;
		case AT_STRING:
			set_type(v, "string", nullable);
			break;
		case AT_BOOL:
			set_type(v, "boolean", nullable);
			break;
		case AT_DATE:
		case AT_TIME:
			set_type(v, "string", nullable);
			json_object_set_new(v, "format", json_string(
			    p->type == AT_DATE ? "date" : "date-time"));
			break;
		case AT_ENUM:
			set_type(v, "string", nullable);
			json_object_set_new(v, "enum",
			    choices_array(p->choices));
			if (nullable)
				json_array_append_new(json_object_get(v,
				    "enum"), json_null());
			break;
		case AT_REF:
			(void)snprintf(ref, sizeof(ref),
			    "#/components/schemas/%s", p->ref);
			if (nullable) {
				json_object_set_new(v, "oneOf", json_pack(
				    "[{s:s}, {s:s}]", "$ref", ref, "type",
				    "null"));
			} else
				json_object_set_new(v, "$ref",
				    json_string(ref));
			break;
		case AT_LIST:
			set_type(v, "array", nullable);
			(void)snprintf(ref, sizeof(ref),
			    "#/components/schemas/%s", p->ref);
			json_object_set_new(v, "items", p->ref != NULL ?
			    json_pack("{s:s}", "$ref", ref) : json_object());
			break;
		case AT_OBJECT:
			set_type(v, "object", nullable);
			break;
		}
		json_object_set_new(props, p->name, v);
		if (p->flags & AP_REQUIRED)
			json_array_append_new(req, json_string(p->name));
	}
	json_object_set_new(s, "type", json_string("object"));
	if (sc->description != NULL)
		json_object_set_new(s, "description",
		    json_string(sc->description));
	json_object_set_new(s, "properties", props);
	if (json_array_size(req) > 0)
		json_object_set_new(s, "required", req);
	else
		json_decref(req);
	return (s);
}

static const struct apidoc_schema *
schema_find(const char *name)
{
	size_t	i;

	for (i = 0; i < apidoc_nschemas; i++) {
		if (strcmp(apidoc_schemas[i].name, name) == 0)
			return (&apidoc_schemas[i]);
	}
	return (NULL);
}

/* Every schema named by an answer or by another schema is written. */
static void
check_refs(const struct apidoc_op *ops, size_t nops, struct problems *pr)
{
	const struct apidoc_prop	*p;
	size_t				 i;

	for (i = 0; i < nops; i++) {
		if (ops[i].schema != NULL && schema_find(ops[i].schema) ==
		    NULL)
			problem(pr, "%s %s: no schema %s", ops[i].method,
			    ops[i].pattern, ops[i].schema);
	}
	for (i = 0; i < apidoc_nschemas; i++) {
		for (p = apidoc_schemas[i].props; p->name != NULL; p++) {
			if ((p->type == AT_REF || (p->type == AT_LIST &&
			    p->ref != NULL)) && schema_find(p->ref) == NULL)
				problem(pr, "schema %s.%s: no schema %s",
				    apidoc_schemas[i].name, p->name, p->ref);
		}
	}
}

static json_t *
error_ref(const char *description)
{
	return (json_pack("{s:s, s:{s:{s:{s:s}}}}", "description",
	    description, "content", "application/json", "schema", "$ref",
	    "#/components/schemas/Error"));
}

static json_t *
header_ref(const char *name)
{
	char	ref[96];

	(void)snprintf(ref, sizeof(ref), "#/components/headers/%s", name);
	return (json_pack("{s:s}", "$ref", ref));
}

static json_t *
param_ref(const char *name)
{
	char	ref[96];

	(void)snprintf(ref, sizeof(ref), "#/components/parameters/%s", name);
	return (json_pack("{s:s}", "$ref", ref));
}

static void
add_error(json_t *responses, int status, const char *description)
{
	char	key[8];

	(void)snprintf(key, sizeof(key), "%d", status);
	json_object_set_new(responses, key, error_ref(description));
}

static void
add_path_params(json_t *params, const char *pattern)
{
	const char	*p, *end;
	char		 name[64], desc[96];
	json_t		*schema;
	size_t		 n, i;

	for (p = pattern; (p = strpbrk(p, "#:*")) != NULL; p = end) {
		end = strchr(p, '/');
		if (end == NULL)
			end = p + strlen(p);
		n = (size_t)(end - p - 1);
		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, p + 1, n);
		name[n] = '\0';
		if (*p == '#') {
			schema = json_pack("{s:s, s:i, s:I}", "type",
			    "integer", "minimum", 1, "maximum",
			    (json_int_t)ID_MAX);
			(void)snprintf(desc, sizeof(desc), "the %s's id",
			    name);
		} else {
			schema = json_pack("{s:s, s:s}", "type", "string",
			    "pattern", "^[a-z0-9_]{1,64}$");
			for (i = 0; i < apidoc_nparams; i++) {
				if (strcmp(apidoc_params[i].name, name) != 0)
					continue;
				json_object_del(schema, "pattern");
				json_object_set_new(schema, "enum",
				    choices_array(apidoc_params[i].choices));
			}
			(void)snprintf(desc, sizeof(desc), "the %s's key",
			    name);
		}
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, "
		    "s:s, s:o}", "name", name, "in", "path", "required", 1,
		    "description", desc, "schema", schema));
	}
}

static void
add_query_params(json_t *params, const struct field *query)
{
	const struct field	*f;

	for (f = query; f != NULL && f->name != NULL; f++)
		json_array_append_new(params, json_pack("{s:s, s:s, s:o}",
		    "name", f->name, "in", "query", "schema",
		    field_schema(f, 1)));
}

static json_t *
security(const struct apidoc_route *r)
{
	if (r->access == 0)
		return (json_array());
	/* A write signed in with a session cookie also sends its token. */
	return (json_pack("[{s:[]}, {s:[], s:[]}]", "bearer", "session",
	    strcmp(r->method, "GET") == 0 ? "session" : "csrf"));
}

static json_t *
operation(const struct apidoc_route *r, const struct apidoc_op *op)
{
	const struct field	*body, *query;
	json_t			*o, *params, *responses, *ok, *headers;
	char			 key[8], id[128];
	const char		*p;
	size_t			 i;
	int			 status, db, write, idem;

	body = r->body != NULL ? r->body : op->body;
	query = r->query != NULL ? r->query : op->query;
	status = r->status != 0 ? r->status : op->status;
	if (status == 0)
		status = 200;
	db = (op->flags & APIDOC_CONST) == 0;
	write = strcmp(r->method, "GET") != 0;
	/* A signed-in POST takes an Idempotency-Key (README). */
	idem = db && r->access > 0 && strcmp(r->method, "POST") == 0;

	/* operationId: the method and the path's words, "get_people_person" */
	(void)snprintf(id, sizeof(id), "%s", r->method);
	for (i = 0; id[i] != '\0'; i++)
		id[i] = (char)(id[i] - 'A' + 'a');
	for (p = r->pattern + strlen(API_PREFIX) - 1; *p != '\0' &&
	    i + 2 < sizeof(id); p++) {
		if (*p == '/' || *p == '.')
			id[i++] = '_';
		else if (*p != '#' && *p != ':' && *p != '*')
			id[i++] = *p;
	}
	id[i] = '\0';

	o = json_object();
	json_object_set_new(o, "operationId", json_string(id));
	json_object_set_new(o, "summary", json_string(op->summary));
	if (op->tag != NULL)
		json_object_set_new(o, "tags", json_pack("[s]", op->tag));
	json_object_set_new(o, "security", security(r));

	params = json_array();
	add_path_params(params, r->pattern);
	add_query_params(params, query);
	if (op->flags & APIDOC_IF_MATCH)
		json_array_append_new(params, param_ref("IfMatch"));
	if (op->flags & APIDOC_CACHED)
		json_array_append_new(params, param_ref("IfNoneMatch"));
	if (idem)
		json_array_append_new(params, param_ref("IdempotencyKey"));
	if (json_array_size(params) > 0)
		json_object_set_new(o, "parameters", params);
	else
		json_decref(params);

	if (body != NULL)
		json_object_set_new(o, "requestBody", json_pack("{s:b, "
		    "s:{s:{s:o}}}", "required", !fields_body_optional(body),
		    "content",
		    "application/json", "schema", fields_schema(body)));

	responses = json_object();
	ok = json_pack("{s:s}", "description", status == 201 ? "created" :
	    status == 204 ? "done; nothing to say" : "done");
	headers = json_object();
	if (op->flags & (APIDOC_ETAG | APIDOC_CACHED))
		json_object_set_new(headers, "ETag", header_ref("ETag"));
	if (r->location != NULL)
		json_object_set_new(headers, "Location",
		    header_ref("Location"));
	if (op->flags & APIDOC_PAGED)
		json_object_set_new(headers, "Link", header_ref("Link"));
	if (op->flags & APIDOC_COOKIE)
		json_object_set_new(headers, "Set-Cookie",
		    header_ref("SetCookie"));
	json_object_set_new(headers, "Cache-Control",
	    header_ref("CacheControl"));
	if (idem)
		json_object_set_new(headers, "Idempotent-Replayed",
		    header_ref("IdempotentReplayed"));
	if (json_object_size(headers) > 0)
		json_object_set_new(ok, "headers", headers);
	else
		json_decref(headers);
	if (op->schema != NULL && status != 204) {
		(void)snprintf(id, sizeof(id), "#/components/schemas/%s",
		    op->schema);
		json_object_set_new(ok, "content", json_pack("{s:{s:{s:s}}}",
		    "application/json", "schema", "$ref", id));
	}
	(void)snprintf(key, sizeof(key), "%d", status);
	json_object_set_new(responses, key, ok);

	if (op->flags & APIDOC_CACHED)
		json_object_set_new(responses, "304", json_pack(
		    "{s:s, s:{s:o}}",
		    "description", "not modified: the version the client has",
		    "headers", "ETag", header_ref("ETag")));
	if (db)
		add_error(responses, 400, "the request is malformed: a field, "
		    "a query argument, If-Match or the body");
	if (r->access > 0) {
		add_error(responses, 401, "nobody is signed in");
		if (r->access > 1 || write)
			add_error(responses, 403, "the role is too low, or "
			    "the CSRF token is missing or wrong");
	} else if (op->flags & APIDOC_COOKIE) {
		add_error(responses, 401, "wrong email or password, or the "
		    "account is inactive or locked");
		add_error(responses, 403, "a browser's sign-in from another "
		    "site (Sec-Fetch-Site, Origin)");
		json_object_set_new(responses, "429", json_pack(
		    "{s:s, s:{s:o}, s:{s:{s:{s:s}}}}", "description",
		    "a sign-in budget is spent: try again later",
		    "headers",
		    "Retry-After", header_ref("RetryAfter"), "content",
		    "application/json", "schema", "$ref",
		    "#/components/schemas/Error"));
	}
	if (strpbrk(r->pattern, "#:*") != NULL)
		add_error(responses, 404, "no such resource");
	if (op->flags & APIDOC_CONFLICT)
		add_error(responses, 409, idem ? "the change conflicts with "
		    "the data (a duplicate, or a step out of order), or a "
		    "request with the same Idempotency-Key is still running" :
		    "the change conflicts with the data: a duplicate, or a "
		    "step out of order");
	else if (idem)
		add_error(responses, 409, "a request with the same "
		    "Idempotency-Key is still running");
	if (idem)
		add_error(responses, 422, "the Idempotency-Key was used for "
		    "another request (method, path, If-Match or body)");
	if (op->flags & APIDOC_IF_MATCH)
		add_error(responses, 412, "If-Match names a version that is "
		    "no longer the current one");
	if (body != NULL || (write && db)) {
		add_error(responses, 413, "the body is larger than 64 KiB");
		add_error(responses, 415, "the body is not application/json");
	}
	add_error(responses, 431, "the header block reached what the "
	    "server keeps: a header may have been dropped");
	if (db) {
		add_error(responses, 500, "internal error");
		json_object_set_new(responses, "503", json_pack(
		    "{s:s, s:{s:o}, s:{s:{s:{s:s}}}}", "description",
		    "the database is unreachable or busy: try again later",
		    "headers",
		    "Retry-After", header_ref("RetryAfter"), "content",
		    "application/json", "schema", "$ref",
		    "#/components/schemas/Error"));
	}
	json_object_set_new(o, "responses", responses);
	return (o);
}

/* HEAD: the GET's answers without their bodies. */
static json_t *
head_of(json_t *get)
{
	json_t		*h, *resp;
	const char	*key, *id;
	char		 buf[128];

	h = json_deep_copy(get);
	id = json_string_value(json_object_get(get, "operationId"));
	(void)snprintf(buf, sizeof(buf), "head%s", id != NULL ?
	    id + 3 : "");
	json_object_set_new(h, "operationId", json_string(buf));
	json_object_foreach(json_object_get(h, "responses"), key, resp)
		json_object_del(resp, "content");
	return (h);
}

static const struct apidoc_op *
op_find(const struct apidoc_op *ops, size_t nops, const char *method,
    const char *pattern)
{
	size_t	i;

	for (i = 0; i < nops; i++) {
		if (strcmp(ops[i].method, method) == 0 &&
		    strcmp(ops[i].pattern, pattern) == 0)
			return (&ops[i]);
	}
	return (NULL);
}

static int
route_find(const struct apidoc_route *routes, size_t n, const char *method,
    const char *pattern)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(routes[i].method, method) == 0 &&
		    strcmp(routes[i].pattern, pattern) == 0)
			return (1);
	}
	return (0);
}

static json_t *
components(void)
{
	json_t	*c, *schemas;
	size_t	 i;

	schemas = json_object();
	for (i = 0; i < apidoc_nschemas; i++)
		json_object_set_new(schemas, apidoc_schemas[i].name,
		    answer_schema(&apidoc_schemas[i]));
	/* gates: the unmet gates of a refused stage move (409). */
	json_object_set_new(schemas, "Error", json_pack("{s:s, s:s, "
	    "s:{s:{s:s, s:{s:{s:s}, s:{s:s}, s:{s:s}, "
	    "s:{s:s, s:s, s:{s:s, s:{s:{s:s}, s:{s:s}}, s:[s, s]}}}, "
	    "s:[s, s], s:b}}, s:[s], s:b}",
	    "type", "object",
	    "description", "every error of the API, whatever its status",
	    "properties", "error", "type", "object", "properties",
	    "code", "type", "string", "message", "type", "string",
	    "field", "type", "string",
	    "gates", "type", "array", "description", "a stage move refused "
	    "(409): the unmet gates, each with its kind and its words",
	    "items", "type", "object", "properties", "type", "type", "string",
	    "text", "type", "string", "required", "type", "text",
	    "required", "code", "message",
	    "additionalProperties", 0,
	    "required", "error", "additionalProperties", 0));

	c = json_object();
	json_object_set_new(c, "schemas", schemas);
	json_object_set_new(c, "securitySchemes", json_pack("{"
	    "s:{s:s, s:s, s:s}, "
	    "s:{s:s, s:s, s:s, s:s}, "
	    "s:{s:s, s:s, s:s, s:s}}",
	    "bearer", "type", "http", "scheme", "bearer", "description",
	    "an API token (hf_...), made on /tokens or with POST "
	    "/api/v1/tokens; no CSRF token needed",
	    "session", "type", "apiKey", "in", "cookie", "name",
	    "handoff_session", "description", "the session cookie of "
	    "POST /api/v1/session or of /login",
	    "csrf", "type", "apiKey", "in", "header", "name", "X-CSRF-Token",
	    "description", "the csrf_token of the session: every write "
	    "signed in with the session cookie sends it"));
	json_object_set_new(c, "headers", json_pack("{"
	    "s:{s:s, s:{s:s, s:s}}, s:{s:s, s:{s:s}}, s:{s:s, s:{s:s}}, "
	    "s:{s:s, s:{s:s}}, s:{s:s, s:{s:s}}, s:{s:s, s:{s:s}}, "
	    "s:{s:s, s:{s:s, s:[s]}}}",
	    "ETag", "description", "a strong entity tag: the version of a "
	    "resource (\"3\"; send it back in If-Match), or else a hash of "
	    "the answer (send it in If-None-Match)", "schema", "type",
	    "string", "pattern", "^\"[0-9a-f]+\"$",
	    "Location", "description", "where the new resource is",
	    "schema", "type", "string",
	    "Link", "description", "the next and previous pages "
	    "(rel=\"next\", rel=\"prev\")", "schema", "type", "string",
	    "RetryAfter", "description", "seconds to wait before trying "
	    "again", "schema", "type", "string",
	    "SetCookie", "description", "the session cookie "
	    "(HttpOnly, SameSite=Lax)", "schema", "type", "string",
	    "CacheControl", "description", "what may keep the answer: "
	    "never a shared cache for a signed-in answer", "schema", "type",
	    "string",
	    "IdempotentReplayed", "description", "\"true\": the answer "
	    "of the first request with this Idempotency-Key, given again",
	    "schema", "type", "string", "enum", "true"));
	json_object_set_new(c, "parameters", json_pack("{"
	    "s:{s:s, s:s, s:s, s:{s:s}}, s:{s:s, s:s, s:s, s:{s:s}}, "
	    "s:{s:s, s:s, s:s, s:{s:s, s:i, s:i, s:s}}}",
	    "IfMatch", "name", "If-Match", "in", "header", "description",
	    "the ETag the client read: a write on another version is "
	    "refused with 412 (without it, the last writer wins)",
	    "schema", "type", "string",
	    "IfNoneMatch", "name", "If-None-Match", "in", "header",
	    "description", "the ETag the client has: 304 when it is still "
	    "the current one", "schema", "type", "string",
	    "IdempotencyKey", "name", "Idempotency-Key", "in", "header",
	    "description", "a key the client makes for this request (a "
	    "UUID): sent again with the same request within 24 hours, the "
	    "first answer comes back (Idempotent-Replayed: true) and the "
	    "work is done once; per account",
	    "schema", "type", "string", "minLength", 1, "maxLength", 255,
	    "pattern", "^[ -~]+$"));
	return (c);
}

json_t *
apidoc_build(const struct apidoc_route *routes, size_t n,
    const struct apidoc_op *ops, size_t nops, char *err, size_t errlen)
{
	const struct apidoc_op	*op;
	struct problems		 pr = { err, errlen, 0, 0 };
	json_t			*doc, *paths, *item;
	char			 path[256], method[16];
	size_t			 i, j;

	if (errlen > 0)
		err[0] = '\0';
	doc = json_object();
	paths = json_object();
	for (i = 0; i < n; i++) {
		if (strncmp(routes[i].pattern, API_PREFIX,
		    strlen(API_PREFIX)) != 0)
			continue;
		op = op_find(ops, nops, routes[i].method, routes[i].pattern);
		if (op == NULL) {
			problem(&pr, "%s %s: a route without a description "
			    "(add it to src/apidoc_table.c)", routes[i].method,
			    routes[i].pattern);
			continue;
		}
		apidoc_path(routes[i].pattern, path, sizeof(path));
		if ((item = json_object_get(paths, path)) == NULL) {
			item = json_object();
			json_object_set_new(paths, path, item);
		}
		(void)snprintf(method, sizeof(method), "%s",
		    routes[i].method);
		for (j = 0; method[j] != '\0'; j++)
			method[j] = (char)(method[j] - 'A' + 'a');
		json_object_set_new(item, method, operation(&routes[i], op));
		/* Every GET takes HEAD too (route_allow()). */
		if (strcmp(method, "get") == 0)
			json_object_set_new(item, "head", head_of(
			    json_object_get(item, "get")));
	}
	for (i = 0; i < nops; i++) {
		if (!route_find(routes, n, ops[i].method, ops[i].pattern))
			problem(&pr, "%s %s: a description without a route "
			    "(remove it from src/apidoc_table.c)",
			    ops[i].method, ops[i].pattern);
	}
	check_refs(ops, nops, &pr);
	if (pr.n > 0) {
		json_decref(doc);
		json_decref(paths);
		return (NULL);
	}

	json_object_set_new(doc, "openapi", json_string("3.1.0"));
	json_object_set_new(doc, "info", json_pack("{s:s, s:s, s:s, "
	    "s:{s:s, s:s}}", "title", "handoff", "version", "1",
	    "description", "The JSON API of handoff: data science projects, "
	    "their checkpoints, ownership matrix, handoffs and risks. "
	    "Generated from the server's own route and field tables.",
	    "license", "name", "Proprietary", "identifier",
	    "LicenseRef-handoff"));
	json_object_set_new(doc, "servers", json_pack("[{s:s}]", "url", "/"));
	json_object_set_new(doc, "security", json_pack("[{s:[]}, {s:[]}]",
	    "bearer", "session"));
	json_object_set_new(doc, "paths", paths);
	json_object_set_new(doc, "components", components());
	return (doc);
}

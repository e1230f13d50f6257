/*
 * apidoc: the OpenAPI 3.1 description of the JSON API, built from the
 * tables the server itself runs on.
 *
 * What a route takes (its methods, the least access each needs, its path
 * placeholders, the field tables its body and query are checked against,
 * its status on success) comes from the route table (routes.c), handed
 * over as struct apidoc_route by openapi.c.  What the tables do not hold
 * is written here once, in apidoc_table.c: one struct apidoc_op per API
 * method (a summary, the schema of its answer and what else it may say)
 * and the schemas of the answers.  apidoc_build() pairs the two and
 * fails, naming them, on a route without a description or a description
 * without a route, so the document cannot fall behind the server.
 *
 * Pure: jansson, but no Kore and no libpq.
 */
#ifndef HANDOFF_APIDOC_H
#define HANDOFF_APIDOC_H

#include <stddef.h>

#include <jansson.h>

#include "validate.h"

/* What the route table says of one method of an API route. */
struct apidoc_route {
	const char		*method;	/* "GET", "POST", ... */
	const char		*pattern;	/* "/api/v1/people/#person" */
	int			 access;	/* 0 public ... 4 admin */
	int			 status;	/* on success; 0: the op's */
	const struct field	*body;		/* NULL: the op's, if any */
	const struct field	*query;		/* NULL: the op's, if any */
	const char		*location;	/* 201 with Location: prefix */
};

/* What else an API method may answer, and with which headers. */
#define APIDOC_ETAG	0x01	/* the answer carries ETag: a version */
#define APIDOC_IF_MATCH	0x02	/* takes If-Match: 412 when stale */
#define APIDOC_PAGED	0x04	/* limit/offset; Link: next and prev */
#define APIDOC_CONFLICT	0x08	/* 409: a duplicate or a broken rule */
#define APIDOC_CONST	0x10	/* no database: never 400, 500 or 503 */
#define APIDOC_COOKIE	0x20	/* sets the session cookie */
#define APIDOC_CACHED	0x40	/* If-None-Match: 304 when it matches */

/* The description of one method of one route. */
struct apidoc_op {
	const char		*method;
	const char		*pattern;
	const char		*summary;
	const char		*tag;
	const char		*schema;	/* of the answer; NULL: none */
	unsigned int		 flags;		/* APIDOC_* */
	int			 status;	/* when the route has none */
	const struct field	*body;		/* when the route has none */
	const struct field	*query;		/* when the route has none */
};

/* The schema of an answer: a JSON object's properties. */
enum apidoc_type {
	AT_INT,
	AT_STRING,
	AT_BOOL,
	AT_DATE,
	AT_TIME,	/* RFC 3339 */
	AT_ENUM,	/* one of choices */
	AT_REF,		/* the schema named ref */
	AT_LIST,	/* an array of ref (NULL: of anything) */
	AT_OBJECT	/* an object of any shape */
};

#define AP_REQUIRED	0x01
#define AP_NULLABLE	0x02

struct apidoc_prop {
	const char		*name;
	enum apidoc_type	 type;
	unsigned int		 flags;
	const char *const	*choices;
	const char		*ref;
};

struct apidoc_schema {
	const char			*name;
	const char			*description;
	const struct apidoc_prop	*props;	/* ends with name NULL */
};

/* A path placeholder's values when they are a vocabulary. */
struct apidoc_param {
	const char		*name;
	const char *const	*choices;
};

/* apidoc_table.c */
extern const struct apidoc_op		apidoc_ops[];
extern const size_t			apidoc_nops;
extern const struct apidoc_schema	apidoc_schemas[];
extern const size_t			apidoc_nschemas;
extern const struct apidoc_param	apidoc_params[];
extern const size_t			apidoc_nparams;

/*
 * The document for routes[0..n) (only those under /api/v1 are read),
 * described by ops[0..nops), or NULL with err saying every route without
 * a description, every description without a route and every schema
 * named but not written.  The caller owns the document.
 */
json_t	*apidoc_build(const struct apidoc_route *, size_t,
	    const struct apidoc_op *, size_t, char *, size_t);

/* The path of a pattern as OpenAPI writes it: "#person" is "{person}". */
void	 apidoc_path(const char *, char *, size_t);

#endif

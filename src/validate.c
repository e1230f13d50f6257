/*
 * validate: request input against field tables (see validate.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "html.h"
#include "utf8.h"
#include "validate.h"

static int	check_value(json_t *, const struct field *,
		    const char *, struct verror *);
static int	check_nested(json_t *, const struct field *, const char *,
		    struct verror *);
static int	check_string(const char *, const struct field *,
		    const char *, struct verror *);
static int	fail(struct verror *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	in_choices(const char *, const char *const *);
static int	fail_choices(struct verror *, const char *,
		    const char *const *);
static void	join_path(char *, size_t, const char *, const char *);
static int	name_shaped(const char *);
static int	pair_shaped(const char *);

/*
 * Is a key the client sent shaped like our field names (a-z, 0-9, _, at
 * most 40)?  Only then is it named in an error: a message is logged, and
 * a body's text (a password pasted in the wrong place) must never be.
 */
static int
name_shaped(const char *s)
{
	size_t	n;

	for (n = 0; s[n] != '\0'; n++) {
		if (n >= 40 || !((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
			return (0);
	}
	return (n > 0);
}

/* Two names joined by '/', each a-z, 0-9 and _ from a letter, <= 64. */
static int
pair_shaped(const char *s)
{
	size_t	n;
	int	part;

	for (part = 0; part < 2; part++) {
		if (!(*s >= 'a' && *s <= 'z'))
			return (0);
		for (n = 0; s[n] != '\0' && s[n] != '/'; n++) {
			if (n >= 64 || !((s[n] >= 'a' && s[n] <= 'z') ||
			    (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
				return (0);
		}
		s += n;
		if (part == 0 && *s++ != '/')
			return (0);
	}
	return (*s == '\0');
}

static int
fail(struct verror *err, const char *field, const char *fmt, ...)
{
	va_list		ap;

	(void)snprintf(err->field, sizeof(err->field), "%s", field);
	va_start(ap, fmt);
	(void)vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);

	return (-1);
}

/* "prefix.name"; a path too long for buf is cut short, which is fine. */
static void
join_path(char *buf, size_t size, const char *prefix, const char *name)
{
	int	n;

	if (prefix != NULL && *prefix != '\0')
		n = snprintf(buf, size, "%s.%s", prefix, name);
	else
		n = snprintf(buf, size, "%s", name);
	if (n < 0)
		buf[0] = '\0';
}

/* "stage must be one of framing, data, ...": the message names them. */
static int
fail_choices(struct verror *err, const char *path,
    const char *const *choices)
{
	size_t	i, len;

	(void)fail(err, path, "%s must be one of ", path);
	for (i = 0; choices != NULL && choices[i] != NULL; i++) {
		len = strlen(err->message);
		(void)snprintf(err->message + len, sizeof(err->message) - len,
		    "%s%s", i > 0 ? ", " : "", choices[i]);
	}
	return (-1);
}

static int
in_choices(const char *s, const char *const *choices)
{
	size_t	i;

	for (i = 0; choices != NULL && choices[i] != NULL; i++) {
		if (strcmp(s, choices[i]) == 0)
			return (1);
	}
	return (0);
}

int
validate_email(const char *s)
{
	const char	*at, *dot, *p;

	if ((at = strchr(s, '@')) == NULL || at == s || strchr(at + 1, '@'))
		return (0);
	if ((dot = strrchr(at, '.')) == NULL || dot == at + 1 ||
	    dot[1] == '\0')
		return (0);
	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '<' ||
		    *p == '>' || *p == '"' || *p == ',' || *p == ';')
			return (0);
	}
	return (1);
}

static int
check_string(const char *s, const struct field *f, const char *path,
    struct verror *err)
{
	const unsigned char	*p;
	size_t			 chars;
	day_t			 day;

	if (!utf8_valid(s, strlen(s)))
		return (fail(err, path, "%s is not valid UTF-8", path));

	switch (f->type) {
	case FIELD_LINE:
	case FIELD_TEXT:
		for (p = (const unsigned char *)s; *p != '\0'; p++) {
			if (*p == 0x7f || (*p < 0x20 &&
			    (f->type == FIELD_LINE ||
			    (*p != '\n' && *p != '\r' && *p != '\t'))))
				return (fail(err, path, "%s has a control "
				    "character", path));
		}
		chars = utf8_chars(s);
		if ((long long)chars < f->min)
			return (fail(err, path, f->min == 1 ?
			    "%s must not be empty" :
			    "%s is too short", path));
		if (f->max > 0 && (long long)chars > f->max)
			return (fail(err, path, "%s is longer than %lld "
			    "characters", path, f->max));
		return (0);
	case FIELD_EMAIL:
		if (strlen(s) > 254 || !validate_email(s))
			return (fail(err, path, "%s is not an email address",
			    path));
		return (0);
	case FIELD_URL:
		if (strlen(s) > 2000 || !html_url_ok(s) || s[0] == '/')
			return (fail(err, path, "%s must be an http(s) URL",
			    path));
		return (0);
	case FIELD_DATE:
		if (date_parse(s, &day) == -1)
			return (fail(err, path, "%s must be a calendar date "
			    "as YYYY-MM-DD", path));
		return (0);
	case FIELD_ENUM:
		if (!in_choices(s, f->choices))
			return (fail_choices(err, path, f->choices));
		return (0);
	default:
		return (fail(err, path, "%s has the wrong type", path));
	}
}

/* An object inside the body: its errors name the whole path. */
static int
check_nested(json_t *obj, const struct field *spec, const char *path,
    struct verror *err)
{
	char	full[64];

	if (validate_object(obj, spec, err) == 0)
		return (0);

	join_path(full, sizeof(full), path, err->field);
	(void)snprintf(err->field, sizeof(err->field), "%s", full);
	return (-1);
}

static int
check_value(json_t *v, const struct field *f, const char *path,
    struct verror *err)
{
	json_int_t	 n;
	const char	*key;
	json_t		*sub;
	size_t		 i;
	char		 subpath[64];

	if (json_is_null(v)) {
		if (f->flags & FIELD_NULLABLE)
			return (0);
		return (fail(err, path, "%s must not be null", path));
	}

	switch (f->type) {
	case FIELD_LINE:
	case FIELD_TEXT:
	case FIELD_EMAIL:
	case FIELD_URL:
	case FIELD_DATE:
	case FIELD_ENUM:
		if (!json_is_string(v))
			return (fail(err, path, "%s must be a string", path));
		return (check_string(json_string_value(v), f, path, err));
	case FIELD_ID:
	case FIELD_INT:
		if (!json_is_integer(v))
			return (fail(err, path, "%s must be an integer", path));
		n = json_integer_value(v);
		if (f->type == FIELD_ID && n < 1)
			return (fail(err, path, "%s must be a positive id",
			    path));
		if (f->type == FIELD_INT && (n < f->min || n > f->max))
			return (fail(err, path, "%s must be between %lld and "
			    "%lld", path, f->min, f->max));
		return (0);
	case FIELD_BOOL:
		if (!json_is_boolean(v))
			return (fail(err, path, "%s must be true or false",
			    path));
		return (0);
	case FIELD_OBJECT:
		if (!json_is_object(v))
			return (fail(err, path, "%s must be an object", path));
		return (check_nested(v, f->sub, path, err));
	case FIELD_MAP:
		if (!json_is_object(v))
			return (fail(err, path, "%s must be an object", path));
		json_object_foreach(v, key, sub) {
			if (f->choices == NULL ? !pair_shaped(key) :
			    !in_choices(key, f->choices) && !name_shaped(key))
				return (fail(err, path, "%s has a key that is "
				    "not known (not shown)", path));
			join_path(subpath, sizeof(subpath), path, key);
			if (f->choices != NULL && !in_choices(key, f->choices))
				return (fail(err, subpath, "%s is not a known "
				    "key", subpath));
			if (!json_is_object(sub))
				return (fail(err, subpath, "%s must be an "
				    "object", subpath));
			if (check_nested(sub, f->sub, subpath, err) == -1)
				return (-1);
		}
		return (0);
	case FIELD_LIST:
		if (!json_is_array(v))
			return (fail(err, path, "%s must be an array", path));
		if ((long long)json_array_size(v) < f->min ||
		    (long long)json_array_size(v) > f->max)
			return (fail(err, path, "%s must have %lld to %lld "
			    "items", path, f->min, f->max));
		json_array_foreach(v, i, sub) {
			(void)snprintf(subpath, sizeof(subpath), "%s[%zu]",
			    path, i);
			if (!json_is_object(sub))
				return (fail(err, subpath, "%s must be an "
				    "object", subpath));
			if (check_nested(sub, f->sub, subpath, err) == -1)
				return (-1);
		}
		return (0);
	}

	return (fail(err, path, "%s has an unknown type", path));
}

int
validate_object(json_t *obj, const struct field *spec, struct verror *err)
{
	const struct field	*f;
	const char		*key;
	json_t			*v;

	if (!json_is_object(obj))
		return (fail(err, "", "the body must be a JSON object"));

	json_object_foreach(obj, key, v) {
		for (f = spec; f->name != NULL; f++) {
			if (strcmp(f->name, key) == 0)
				break;
		}
		if (f->name == NULL && !name_shaped(key))
			return (fail(err, "", "the body has a field that is "
			    "not known (its name is not shown: only names of "
			    "a-z, 0-9 and _ are)"));
		if (f->name == NULL)
			return (fail(err, key, "%.60s is not a known field",
			    key));
		if (check_value(v, f, key, err) == -1)
			return (-1);
	}

	for (f = spec; f->name != NULL; f++) {
		if (!(f->flags & FIELD_REQUIRED))
			continue;
		v = json_object_get(obj, f->name);
		if (v == NULL || json_is_null(v))
			return (fail(err, f->name, "%s is required", f->name));
	}

	return (0);
}

json_t *
validate_query_value(const struct field *f, const char *s, struct verror *err)
{
	char		*end;
	long long	 n;

	if (!utf8_valid(s, strlen(s))) {
		(void)fail(err, f->name, "%s is not valid UTF-8", f->name);
		return (NULL);
	}
	if (strlen(s) > 200) {
		(void)fail(err, f->name, "%s is longer than 200 characters",
		    f->name);
		return (NULL);
	}

	switch (f->type) {
	case FIELD_ID:
	case FIELD_INT:
		errno = 0;
		n = strtoll(s, &end, 10);
		if (*s == '\0' || *end != '\0' || errno == ERANGE ||
		    (f->type == FIELD_ID && n < 1) ||
		    (f->type == FIELD_INT && (n < f->min || n > f->max))) {
			if (f->type == FIELD_ID)
				(void)fail(err, f->name, "%s must be a "
				    "positive id", f->name);
			else
				(void)fail(err, f->name, "%s must be an "
				    "integer between %lld and %lld", f->name,
				    f->min, f->max);
			return (NULL);
		}
		return (json_integer(n));
	case FIELD_BOOL:
		if (strcmp(s, "true") == 0)
			return (json_true());
		if (strcmp(s, "false") == 0)
			return (json_false());
		(void)fail(err, f->name, "%s must be true or false", f->name);
		return (NULL);
	default:
		if (check_string(s, f, f->name, err) == -1)
			return (NULL);
		return (json_string(s));
	}
}

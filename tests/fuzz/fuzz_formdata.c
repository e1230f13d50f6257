/*
 * Fuzz target: an application/x-www-form-urlencoded body (formdata.c).
 *
 * Properties: formdata_parse() returns 0 with an object, or -1 with no
 * object and a message.  On success there are at most FORMDATA_FIELDS_MAX
 * fields, every name is non-empty, and every value is a string of valid
 * UTF-8 whose only control characters are LF and TAB: no CR, no NUL, no
 * DEL.  Names are held to the same rules.  And what was parsed, encoded
 * again as a browser would, parses to the same fields.
 */
#include <jansson.h>

#include "formdata.h"
#include "fuzz.h"
#include "utf8.h"
#include "validate.h"

/* Percent-encode s onto the end of buf at *off; 0, or -1 if it is full. */
static int
encode(char *buf, size_t size, size_t *off, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*off + 4 > size)
			return (-1);
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			buf[(*off)++] = (char)*p;
		} else if (*p == ' ') {
			buf[(*off)++] = '+';
		} else {
			buf[(*off)++] = '%';
			buf[(*off)++] = hex[*p >> 4];
			buf[(*off)++] = hex[*p & 0x0f];
		}
	}
	return (0);
}

static void
check_round_trip(json_t *obj)
{
	json_t		*again, *v;
	const char	*name;
	char		 err[128], *buf;
	size_t		 size, off;

	size = 64;
	json_object_foreach(obj, name, v)
		size += 3 * (strlen(name) + json_string_length(v)) + 2;
	if ((buf = malloc(size)) == NULL)
		return;

	off = 0;
	json_object_foreach(obj, name, v) {
		if (off > 0)
			buf[off++] = '&';
		FUZZ_CHECK(encode(buf, size, &off, name) == 0);
		buf[off++] = '=';
		FUZZ_CHECK(encode(buf, size, &off, json_string_value(v)) == 0);
	}

	FUZZ_CHECK(formdata_parse(buf, off, &again, err, sizeof(err)) == 0);
	FUZZ_CHECK(json_equal(obj, again));
	json_decref(again);
	free(buf);
}

static void
check_text(const char *s)
{
	const unsigned char	*p;

	FUZZ_CHECK(utf8_valid(s, strlen(s)));
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		FUZZ_CHECK(*p != '\r');
		FUZZ_CHECK(*p != 0x7f);
		FUZZ_CHECK(*p >= 0x20 || *p == '\n' || *p == '\t');
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t		*obj, *v;
	const char	*name;
	char		 err[128];
	int		 ret;

	obj = (json_t *)0x1;	/* must be overwritten either way */
	err[0] = '\0';
	ret = formdata_parse((const char *)data, size, &obj, err,
	    sizeof(err));
	FUZZ_CHECK(ret == 0 || ret == -1);
	if (ret == -1) {
		FUZZ_CHECK(obj == NULL);
		FUZZ_CHECK(err[0] != '\0');
		return (0);
	}

	FUZZ_CHECK(json_is_object(obj));
	FUZZ_CHECK(json_object_size(obj) <= FORMDATA_FIELDS_MAX);
	json_object_foreach(obj, name, v) {
		FUZZ_CHECK(*name != '\0');
		check_text(name);
		FUZZ_CHECK(json_is_string(v));
		/* Jansson's length: no NUL hidden inside a value. */
		FUZZ_CHECK(json_string_length(v) ==
		    strlen(json_string_value(v)));
		check_text(json_string_value(v));
	}
	check_round_trip(obj);

	json_decref(obj);
	return (0);
}

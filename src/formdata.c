/*
 * formdata: urlencoded form bodies (see formdata.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formdata.h"
#include "utf8.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

#define DECODE_BAD	-1
#define DECODE_NOMEM	-2

/*
 * Decode s[0..len) into a new NUL-terminated string in *res: '+' is a
 * space, %XX a byte, CR LF a line break.  0, or DECODE_BAD when it is
 * malformed, or DECODE_NOMEM; *res is then NULL.
 */
static int
decode(const char *s, size_t len, char **res)
{
	char		*out, *o;
	size_t		 i;
	int		 hi, lo;
	unsigned char	 c;

	*res = NULL;
	if ((out = malloc(len + 1)) == NULL)
		return (DECODE_NOMEM);

	o = out;
	for (i = 0; i < len; i++) {
		if (s[i] == '+') {
			c = ' ';
		} else if (s[i] == '%') {
			if (len - i < 3)
				goto bad;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				goto bad;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		} else {
			c = (unsigned char)s[i];
		}

		if (c == '\r')
			continue;	/* CR LF or a lone CR: keep LF only */
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			goto bad;
		*o++ = (char)c;
	}
	*o = '\0';

	if (!utf8_valid(out, (size_t)(o - out)))
		goto bad;
	*res = out;
	return (0);

bad:
	free(out);
	return (DECODE_BAD);
}

int
formdata_parse(const char *body, size_t len, json_t **out, char *err,
    size_t errlen)
{
	json_t		*obj;
	const char	*p, *end, *amp, *eq;
	char		*name, *value;
	int		 n, rc;

	*out = NULL;
	obj = json_object();
	if (obj == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (-1);
	}

	n = 0;
	p = body;
	end = body + len;
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		if (amp == p) {		/* "a=1&&b=2": skip empty pairs */
			p++;
			continue;
		}
		if (++n > FORMDATA_FIELDS_MAX) {
			(void)snprintf(err, errlen, "the form has too many "
			    "fields");
			goto fail;
		}

		eq = memchr(p, '=', (size_t)(amp - p));
		value = NULL;
		rc = decode(p, (size_t)((eq != NULL ? eq : amp) - p), &name);
		if (rc == 0)
			rc = eq != NULL ? decode(eq + 1,
			    (size_t)(amp - eq - 1), &value) :
			    decode("", 0, &value);
		if (rc == 0 && *name == '\0')
			rc = DECODE_BAD;
		if (rc != 0) {
			free(name);
			free(value);
			(void)snprintf(err, errlen, rc == DECODE_NOMEM ?
			    "out of memory" : "the form is malformed");
			goto fail;
		}
		if (json_object_get(obj, name) != NULL) {
			/* Only a name shaped like ours is repeated. */
			if (strlen(name) <= 40 && strspn(name,
			    "abcdefghijklmnopqrstuvwxyz0123456789_") ==
			    strlen(name))
				(void)snprintf(err, errlen, "the form gives %s "
				    "twice", name);
			else
				(void)snprintf(err, errlen, "the form gives a "
				    "field twice");
			free(name);
			free(value);
			goto fail;
		}
		/* Both are valid UTF-8: a failure is for want of memory. */
		rc = json_object_set_new(obj, name, json_string(value));
		free(name);
		free(value);
		if (rc == -1) {
			(void)snprintf(err, errlen, "out of memory");
			goto fail;
		}
		p = amp + 1;
	}

	*out = obj;
	return (0);

fail:
	json_decref(obj);
	return (-1);
}

int
formdata_get(const char *s, size_t len, const char *name, char **value)
{
	const char	*p, *end, *amp, *eq;
	char		*k, *v;
	size_t		 nlen;
	int		 found;

	*value = NULL;
	found = 0;
	nlen = strlen(name);
	p = s;
	end = s + len;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		eq = memchr(p, '=', (size_t)(amp - p));
		/* Names are matched decoded, but a plain one is the rule. */
		if (decode(p, (size_t)((eq != NULL ? eq : amp) - p), &k) != 0) {
			p = amp + 1;
			continue;
		}
		if (strlen(k) == nlen && memcmp(k, name, nlen) == 0) {
			if (found || decode(eq != NULL ? eq + 1 : "",
			    eq != NULL ? (size_t)(amp - eq - 1) : 0, &v) != 0) {
				free(k);
				free(*value);
				*value = NULL;
				return (-1);
			}
			*value = v;
			found = 1;
		}
		free(k);
		p = amp + 1;
	}
	return (found);
}

int
formdata_id(const char *s, long long *id)
{
	const char	*hash;
	char		*end;
	long long	 n;

	/* A bare number, whatever it is: the field check judges it. */
	errno = 0;
	n = strtoll(s, &end, 10);
	if (end != s && *end == '\0' && errno == 0) {
		*id = n;
		return (0);
	}
	if ((hash = strrchr(s, '#')) == NULL || hash[1] < '0' ||
	    hash[1] > '9')
		return (-1);
	errno = 0;
	n = strtoll(hash + 1, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0' || errno != 0)
		return (-1);
	*id = n;
	return (0);
}

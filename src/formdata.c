/*
 * formdata: urlencoded form bodies (see formdata.h).
 */
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

/*
 * Decode s[0..len) into a new NUL-terminated string: '+' is a space, %XX a
 * byte, CR LF a line break.  NULL when it is malformed.
 */
static char *
decode(const char *s, size_t len)
{
	char		*out, *o;
	size_t		 i;
	int		 hi, lo;
	unsigned char	 c;

	if ((out = malloc(len + 1)) == NULL)
		return (NULL);

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
	return (out);

bad:
	free(out);
	return (NULL);
}

int
formdata_parse(const char *body, size_t len, json_t **out, char *err,
    size_t errlen)
{
	json_t		*obj;
	const char	*p, *end, *amp, *eq;
	char		*name, *value;
	int		 n;

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
		name = decode(p, (size_t)((eq != NULL ? eq : amp) - p));
		value = eq != NULL ? decode(eq + 1, (size_t)(amp - eq - 1)) :
		    decode("", 0);
		if (name == NULL || value == NULL || *name == '\0') {
			free(name);
			free(value);
			(void)snprintf(err, errlen, "the form is malformed");
			goto fail;
		}
		if (json_object_get(obj, name) != NULL) {
			(void)snprintf(err, errlen, "the form gives %.40s "
			    "twice", name);
			free(name);
			free(value);
			goto fail;
		}
		json_object_set_new(obj, name, json_string(value));
		free(name);
		free(value);
		p = amp + 1;
	}

	*out = obj;
	return (0);

fail:
	json_decref(obj);
	return (-1);
}

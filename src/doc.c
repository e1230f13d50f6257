/*
 * doc: tolerant readers for JSON documents (see doc.h).
 */
#include "doc.h"

const char *
doc_str(json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

long long
doc_int(json_t *o, const char *key)
{
	return ((long long)json_integer_value(json_object_get(o, key)));
}

int
doc_bool(json_t *o, const char *key)
{
	return (json_is_true(json_object_get(o, key)));
}

json_t *
doc_obj(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return (json_is_object(v) ? v : NULL);
}

json_t *
doc_arr(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return (json_is_array(v) ? v : NULL);
}

day_t
doc_day(json_t *o, const char *key)
{
	const char	*s = doc_str(o, key);
	day_t		 d;

	if (s == NULL || date_parse(s, &d) == -1)
		return (DAY_NONE);
	return (d);
}

/* o[a][b] as a string, for nested references like owner.name. */
const char *
doc_path_str(json_t *o, const char *a, const char *b)
{
	return (doc_str(doc_obj(o, a), b));
}

/*
 * calldoc: the one JSON document every api.* function takes (see
 * calldoc.h).
 */
#include <stddef.h>

#include "calldoc.h"

json_t *
calldoc_build(const struct calldoc *c)
{
	json_t	*doc, *ret;
	char	 today[DATE_LEN];

	ret = NULL;
	if (c->today == DAY_NONE)
		return (NULL);
	date_format(c->today, today);

	doc = json_pack("{s:s, s:s, s:O*, s:O*, s:O*}",
	    "actor", c->actor != NULL ? c->actor : "anonymous",
	    "today", today, "path", c->path, "query", c->query,
	    "body", c->body);
	if (doc == NULL)
		goto out;

	/* A set fails only for want of memory: then there is no document. */
	if (c->user_id != 0 &&
	    (json_object_set_new(doc, "user_id",
	    json_integer(c->user_id)) == -1 ||
	    json_object_set_new(doc, "admin", json_boolean(c->admin)) == -1))
		goto out;
	if (c->if_match != -1 && json_object_set_new(doc, "if_match",
	    json_integer(c->if_match)) == -1)
		goto out;

	ret = doc;
	doc = NULL;
out:
	json_decref(doc);
	return (ret);
}

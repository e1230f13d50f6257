/*
 * fallback: the last routes of the configuration, so that an unknown path
 * gets a proper answer in the right shape (JSON under /api/, a page
 * elsewhere) instead of Kore's empty 404.
 */
#include "handoff.h"

int
api_not_found(struct http_request *req)
{
	reply_error(req, 404, "not_found", "no such API route", NULL);
	return (KORE_RESULT_OK);
}

int
page_not_found(struct http_request *req)
{
	reply_error(req, 404, "not_found",
	    "There is no page at this address.", NULL);
	return (KORE_RESULT_OK);
}

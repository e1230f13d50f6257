/*
 * page_home: the landing page.
 */
#include "handoff.h"
#include "render.h"

int
page_home(struct http_request *req)
{
	struct sbuf	b;

	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (reply_method_not_allowed(req, "GET, HEAD"));

	sbuf_init(&b);
	layout_begin(&b, "Home");
	html_printf(&b,
	    "<section class=\"hero\">\n"
	    "<h1>handoff</h1>\n"
	    "<p class=\"lede\">Keep ML projects honest about <em>who owns "
	    "what</em> and <em>whether the plan is still true</em>.</p>\n"
	    "<p>Projects move from framing to monitoring through dated "
	    "checkpoints. Every empty ownership box and every missed "
	    "checkpoint is a launch risk, and the weekly digest shows them "
	    "all on Monday.</p>\n"
	    "</section>\n"
	    "<section>\n"
	    "<h2>Where to go</h2>\n"
	    "<ul class=\"links\">\n"
	    "<li><a href=\"/digest\">This week&rsquo;s risk digest</a></li>\n"
	    "<li><a href=\"/projects/new\">Kick off a project</a></li>\n"
	    "<li><a href=\"/people\">People and what they own</a></li>\n"
	    "<li><a href=\"/api/v1/projects\">JSON API</a> "
	    "(for scripts and chat bots)</li>\n"
	    "<li><a href=\"/healthz\">Health check</a></li>\n"
	    "</ul>\n"
	    "</section>\n");
	layout_end(&b);

	reply_html(req, 200, &b);
	sbuf_free(&b);

	return (KORE_RESULT_OK);
}

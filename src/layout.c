/*
 * layout: the frame shared by every page (see render.h).
 */
#include "html.h"
#include "render.h"

void
layout_begin(struct sbuf *b, const char *title, const struct page_ctx *ctx)
{
	html_printf(b,
	    "<!doctype html>\n"
	    "<html lang=\"en\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s &middot; handoff</title>\n"
	    "<link rel=\"icon\" href=\"/assets/favicon.svg\" "
	    "type=\"image/svg+xml\">\n"
	    "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
	    "</head>\n"
	    "<body>\n"
	    "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
	    "<header class=\"top\">\n"
	    "<a class=\"brand\" href=\"/\">handoff</a>\n"
	    "<nav aria-label=\"Main\">\n"
	    "<a href=\"/\">Portfolio</a>\n", title);
	if (ctx != NULL && ctx->user != NULL)
		sbuf_str(b, "<a href=\"/me\">My work</a>\n");
	sbuf_str(b,
	    "<a href=\"/digest\">Weekly digest</a>\n"
	    "<a href=\"/people\">People</a>\n");
	if (ctx != NULL && ctx->access >= PAGE_ACCESS_PM)
		sbuf_str(b, "<a href=\"/projects/new\">Kick off a project"
		    "</a>\n<a href=\"/templates\">Templates</a>\n");
	if (ctx != NULL && ctx->access >= PAGE_ACCESS_ADMIN)
		sbuf_str(b, "<a href=\"/accounts\">Accounts</a>\n"
		    "<a href=\"/outbox\">Outbox</a>\n");
	sbuf_str(b, "</nav>\n");

	/* Who is signed in, and the way out (a POST, with the CSRF token). */
	if (ctx != NULL && ctx->user != NULL) {
		html_printf(b, "<div class=\"who\"><a href=\"/tokens\">%s</a> "
		    "<span class=\"muted-inverse\">(%s)</span>\n"
		    "<form method=\"post\" action=\"/logout\" "
		    "class=\"logout\">\n<input type=\"hidden\" name=\"csrf\" "
		    "value=\"", ctx->user, ctx->role);
		form_secret(b, ctx, PAGE_MARK_CSRF, ctx->csrf);
		sbuf_str(b, "\">\n<button type=\"submit\">Sign out</button>"
		    "\n</form></div>\n");
	}
	sbuf_str(b, "</header>\n<main id=\"main\">\n");
}

void
layout_end(struct sbuf *b)
{
	sbuf_str(b,
	    "</main>\n"
	    "<footer class=\"bottom\">handoff &mdash; who owns what, "
	    "and whether the plan is still true.</footer>\n"
	    "</body>\n"
	    "</html>\n");
}

void
layout_error_page(struct sbuf *b, int status, const char *title,
    const char *message)
{
	layout_begin(b, title, NULL);
	html_printf(b,
	    "<section class=\"error-page\">\n"
	    "<h1>%s</h1>\n"
	    "<p>%s</p>\n"
	    "<p class=\"muted\">HTTP %d</p>\n"
	    "<p><a href=\"/\">Back to the portfolio</a></p>\n"
	    "</section>\n", title, message, status);
	layout_end(b);
}

/*
 * render: the HTML renderer layer.  Functions here turn plain data into
 * markup through the escaping writer of html.h; none of them does I/O.
 *
 * Pure: no Kore, no libpq.
 */
#ifndef HANDOFF_RENDER_H
#define HANDOFF_RENDER_H

#include "sbuf.h"

/* layout.c: the frame every page shares. */
void	layout_begin(struct sbuf *, const char *title);
void	layout_end(struct sbuf *);
void	layout_error_page(struct sbuf *, int status, const char *title,
	    const char *message);

#endif

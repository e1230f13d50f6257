/*
 * page: pages and the forms on them (see page.c).  Private to the page
 * handlers (page_*.c).
 */
#ifndef HANDOFF_PAGE_H
#define HANDOFF_PAGE_H

#include "render.h"

/* A page: what it reads, and how it draws it. */
struct page_view {
	const char	*pattern;	/* "/projects/#project" */
	int		 access;	/* ACCESS_* to see it */
	/* Queue statements; the index of the first, or -1 having replied. */
	int		(*push)(struct http_request *, struct db_call *,
			    json_t *);
	/* Draw from the results (fs is NULL unless a form was refused). */
	void		(*render)(struct http_request *, struct db_call *, int,
			    json_t *, const struct form_state *, int);
};

/* How a form field becomes a JSON body field. */
enum form_kind {
	FORM_TEXT,	/* as typed */
	FORM_OPTIONAL,	/* empty: left out */
	FORM_NULLABLE,	/* empty: null, clearing the value */
	FORM_ID,	/* a number; empty: null */
	FORM_BOOL	/* "true" or "on" (a checkbox), else false */
};

struct form_field {
	const char	*name;		/* in the form and in the body */
	enum form_kind	 kind;
	const char	*into;		/* nested object ("spec"), or NULL */
};

/* A form: which api.* function it calls and where it leads. */
struct page_action {
	const char		*pattern;	/* the action's path */
	int			 access;	/* ACCESS_* to send it */
	const char		*form;		/* form id; %name: from the
						   path */
	const char		*sql;
	const struct form_field	*fields;
	const struct field	*body;		/* checks, as the API's */
	const char		*redirect;	/* on success; %name expanded,
						   %id from the new record */
	const struct page_view	*view;		/* drawn again on refusal */
	void			(*adjust)(json_t *);	/* may be NULL */
};

void	page_ctx_init(struct http_request *, struct db_call *,
	    struct page_ctx *);
int	page_show(struct http_request *, const struct page_view *);
int	page_act(struct http_request *, const struct page_action *);
void	page_reply(struct http_request *, int, struct sbuf *);
int	page_push_people(struct db_call *, int);
int	page_load_risks(struct db_call *, int, day_t, int64_t,
	    struct portfolio *, struct risk_list *);

#endif

/*
 * page: pages and the forms on them (see page.c).  Private to the page
 * handlers (page_*.c) and the route table.
 */
#ifndef HANDOFF_PAGE_H
#define HANDOFF_PAGE_H

#include "render.h"

/* A page: its one statement, and how it draws the answer. */
struct page_view {
	/* Send the statement (path: the route's values); -1 having replied. */
	int	(*push)(struct http_request *, struct pipe *, json_t *);
	/* Draw from its document (fs NULL unless a form was refused). */
	void	(*render)(struct http_request *, json_t *, json_t *,
		    const struct form_state *, int);
	/*
	 * A page whose push and render would only send stmt with the
	 * route's values and draw its answer leaves them NULL: page.c does
	 * that, with draw.
	 */
	enum stmt	 stmt;
	void	(*draw)(struct sbuf *, const struct page_ctx *, json_t *,
		    const struct form_state *);
	/*
	 * A view whose GET is kept whole once drawn (page.c) names itself
	 * here (NULL: never kept); it draws with draw, and its push's
	 * statement is a kept read.
	 */
	const char	*kept;
	/*
	 * A view that draws only its body, the same for everyone who may
	 * see it, gives the page's title: page.c draws the page around it
	 * (who is signed in) for each answer, and keeps the body alone.
	 */
	const char	*title;
};

/* How a form field becomes a JSON body field. */
enum form_kind {
	FORM_TEXT,	/* as typed */
	FORM_OPTIONAL,	/* empty: left out */
	FORM_NULLABLE,	/* empty: null, clearing the value */
	FORM_ID,	/* a number; empty: null */
	/*
	 * A person picker: an id, as FORM_ID (a choice from the page's
	 * list, "Name (role) #id", included), or a name or email that
	 * names one active person, looked up first (page.c).
	 */
	FORM_PERSON,
	FORM_BOOL,	/* "true" or "on" (a checkbox), else false */
	/*
	 * A list of {"item", "version", "person_id"}: one for each field
	 * "to:ITEM" that names someone, with the version of "v:ITEM"
	 * (deactivating a person: who takes each thing they hold).
	 */
	FORM_ITEMS,
	/*
	 * Every field of a box, "responsibility/role", as a FORM_ID into
	 * "boxes", and each "v:responsibility/role" into "versions": the
	 * matrix form, whatever rows the project has.
	 */
	FORM_BOXES
};

struct form_field {
	const char		*name;	/* in the form and in the body */
	enum form_kind		 kind;
	const char		*into;	/* nested object ("spec"), or NULL */
	const char *const	*keys;	/* or one field per key (vocab.h) */
};

/* A form: which api.* function it calls and where it leads. */
struct page_action {
	const char		*form;		/* id; %name from the path */
	enum stmt		 stmt;
	const struct form_field	*fields;
	const struct field	*body;		/* checks, as the API's */
	const char		*redirect;	/* on success; %name expanded,
						   %id from the new record */
	const struct page_view	*view;		/* drawn again on refusal */
	/* may be NULL: the body made from the form (the form as sent) */
	void			(*adjust)(json_t *, json_t *);
};

extern const struct page_view	portfolio_view, kickoff_view, people_view,
				project_view, accounts_view, outbox_view,
				me_view, deactivate_view, me_mail_view,
				templates_view;
extern const struct page_action	kickoff_action, person_action, active_action,
				spec_action, stage_action, status_action,
				due_action, cell_action, offer_action,
				accept_action, unlock_action,
				threshold_action, outbox_retry_action,
				webhook_delete_action,
				readiness_action, take_action,
				project_fields_action,
				project_status_action, copy_action,
				matrix_action, checkpoint_new_action,
				checkpoint_delete_action, resp_new_action,
				resp_delete_action,
				checkpoint_owner_action, plan_action,
				account_new_action, account_role_action,
				account_person_action, account_password_action,
				account_active_action, deactivate_action,
				me_mail_action, templates_action;

/* page_outbox.c: POST /outbox/webhooks, the registration form. */
extern const struct pipe_ops	register_ops;

void	page_ctx_init(struct http_request *, struct page_ctx *);
void	page_reply(struct http_request *, int, struct sbuf *);
int	page_send(struct http_request *, struct pipe *, enum stmt, json_t *,
	    json_t *);

#endif

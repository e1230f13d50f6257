/*
 * render: the HTML renderer layer.  Functions here turn documents (as the
 * api.* functions return them) and risk lists into markup through the
 * escaping writer of html.h; none of them does I/O.
 *
 * Pure: no Kore, no libpq (jansson for the documents).
 */
#ifndef HANDOFF_RENDER_H
#define HANDOFF_RENDER_H

#include <jansson.h>

#include "date.h"
#include "sbuf.h"
#include "vocab.h"

struct risk;
struct risk_list;
struct digest;

/* What every page needs to know about the request. */
struct page_ctx {
	day_t		 today;
	const char	*csrf;		/* goes into every form */
	/*
	 * Drawn at random for each page: with a form's id, the
	 * Idempotency-Key its post carries ("_idem"), so that a form sent
	 * twice does its work once.  NULL or "": no such field.
	 */
	const char	*idem;
	const char	*user;		/* who is signed in (the person's
					   name, else the email), or NULL */
	long long	 person_id;	/* the person they are, 0: none */
	const char	*role;		/* their role, or NULL */
	int		 access;	/* ACCESS_* of that role (handoff.h) */
	int		 can_write;	/* member or above: the team's forms */
	/*
	 * Drawn to be kept (kept.c): where the CSRF token and the
	 * Idempotency-Keys' random part go, a mark instead (PAGE_MARK_*),
	 * filled in for each answer by page_marks_fill().  A mark begins
	 * with a control character, which no escaped value holds (html.h).
	 */
	int		 marks;
};

#define PAGE_MARK_CSRF	"\001csrf\001"
#define PAGE_MARK_IDEM	"\001idem\001"

/* text (len bytes) with its marks filled in, appended to b. */
void	page_marks_fill(struct sbuf *, const char *, size_t, const char *,
	    const char *);

/* The access levels as numbers, for the pure renderers (see handoff.h). */
#define PAGE_ACCESS_MEMBER	2
#define PAGE_ACCESS_PM		3
#define PAGE_ACCESS_ADMIN	4

/*
 * A form that was sent and refused: the page is shown again with the
 * message next to the field and what the user typed still in place.
 */
struct form_state {
	const char	*form;		/* id of the form, e.g. "spec" */
	const char	*field;		/* the field at fault, or NULL */
	const char	*message;
	json_t		*values;	/* what was sent, by field name */
	int		 stale;		/* someone else changed it meanwhile */
};

/* Portfolio filters; -1 (or 0 for pm) is "any". */
struct portfolio_filter {
	long long	 pm;
	int		 stage;		/* enum stage; -1 any */
	int		 severity;	/* enum severity: at least this; -1 */
	int		 status;	/* enum project_status; -1 any */
};

/* One project of a list, as the portfolio shows it (views.c). */
struct portfolio_row {
	long long	 id;
	const char	*name;
	const char	*pm;		/* the PM's name */
	enum stage	 stage;
	enum project_status status;
	day_t		 launch;
	int		 counts[SEVERITY_COUNT];
	int		 worst;		/* enum severity; -1: no risk */
	int		 rank;		/* risk_rank() of the worst; -1 */
	const char	*next_title;	/* the earliest open checkpoint */
	day_t		 next_due;
	int		 next_blocked;
	json_t		*doc;		/* the project's fields, for JSON */
};

/* A page of the portfolio: rows [offset, offset + n) of total. */
struct portfolio_rows {
	struct portfolio_row	*rows;
	size_t			 n;
	size_t			 total;
	size_t			 offset;
	size_t			 limit;
	json_t			*pms;		/* [{"id", "name"}]: filter */
	const struct risk_list	*wide;		/* portfolio-wide, or NULL */
	size_t			 nwide;		/* how many in all */
	void			*keep;		/* what the names point into */
};

struct portfolio;

/* layout.c: the frame every page shares. */
void	layout_begin(struct sbuf *, const char *title,
	    const struct page_ctx *);
void	layout_end(struct sbuf *);
void	layout_error_page(struct sbuf *, int status, const char *title,
	    const char *message);

/* render_form.c: forms that keep what the user typed. */
void	 form_open(struct sbuf *, const struct page_ctx *,
	    const struct form_state *, const char *, const char *, long long);
void	 form_close(struct sbuf *);
void	 form_secret(struct sbuf *, const struct page_ctx *, const char *,
	    const char *);
int	 form_failed(const struct form_state *, const char *);
const char *form_sent(const struct form_state *, const char *, const char *);
const char *form_value(const struct form_state *, const char *,
	    const char *, const char *);
void	 form_field_error(struct sbuf *, const struct form_state *,
	    const char *, const char *);
void	 form_input_attrs(struct sbuf *, const struct form_state *,
	    const char *, const char *, const char *);
void	 render_badge(struct sbuf *, const char *, const char *);
void	 render_option(struct sbuf *, const char *, const char *, int);

void	 render_person_options(struct sbuf *, json_t *, long long,
	    const char *, const char *);
void	 render_person_groups(struct sbuf *, json_t *, long long,
	    const char *, const char *, const char *);
void	 render_people_list(struct sbuf *, json_t *);
void	 render_person_pick(struct sbuf *, json_t *, long long, json_t *,
	    const char *, const char *);

/*
 * render_templates.c: the /templates page, and its form as the body of
 * PUT /api/v1/templates (a new json_t, the caller's); the row of the form
 * an API field ("checkpoints[2].stage") came from: 1 with *row (0..., or
 * TMPL_NEW_ROW: the row to add) and *name ("stage") when it is of the
 * table of prefix ("cp", "rs"); the refusal in the page's words.
 */
#define TMPL_NEW_ROW	(-2L)
void	 render_templates_page(struct sbuf *, const struct page_ctx *,
	    json_t *, const struct form_state *);
json_t	*templates_form_body(json_t *);
int	 templates_form_row(json_t *, const char *, const char *, long *,
	    const char **);
void	 templates_words(json_t *, const char *, const char *, char *,
	    size_t);

/* render_project.c: the project page. */
void	render_project_page(struct sbuf *, const struct page_ctx *, json_t *,
	    json_t *, const struct risk_list *, json_t *, json_t *,
	    const struct form_state *);
void	render_risk_items(struct sbuf *, const struct risk_list *, int);

/* render_me.c: My work, the page of the person signed in (views_me()). */
void	render_me_page(struct sbuf *, const struct page_ctx *, json_t *,
	    const struct form_state *);
/* ... and /me/mail: what I receive by email (api.me_mail_get). */
void	render_me_mail_page(struct sbuf *, const struct page_ctx *, json_t *,
	    const struct form_state *);

/* render_portfolio.c: the portfolio, kickoff and people pages. */
void	render_portfolio_page(struct sbuf *, const struct page_ctx *,
	    const struct portfolio_rows *, const struct portfolio_filter *);
void	render_portfolio_body(struct sbuf *, day_t,
	    const struct portfolio_rows *, const struct portfolio_filter *);
void	render_kickoff_page(struct sbuf *, const struct page_ctx *, json_t *,
	    const struct form_state *);
void	render_people_page(struct sbuf *, const struct page_ctx *, json_t *,
	    const struct form_state *);
void	render_deactivate_page(struct sbuf *, const struct page_ctx *,
	    json_t *, const struct form_state *);

/*
 * render_digest.c: the weekly digest as a page, as Markdown and as a
 * short chat message (mrkdwn), and the list item of one risk that every
 * risk list shares.  The base of Markdown and chat: the public URL the
 * links start with (HANDOFF_PUBLIC_URL, no trailing slash), or NULL.
 */
void	render_digest_page(struct sbuf *, const struct page_ctx *,
	    const struct digest *, int);
/* The page in two parts: its body, the same for everyone who may see it
 * (kept whole: views.c), and the page of a week around a body. */
void	render_digest_body(struct sbuf *, const struct digest *, int);
void	render_digest_around(struct sbuf *, const struct page_ctx *, int,
	    int, const struct sbuf *);
/* Text in Markdown, its formatting characters escaped (render_digest.c). */
void	md_text(struct sbuf *, const char *);

/*
 * A model card draft of a project's document (render_modelcard.c), and
 * the readiness score as it shows: "7/11 (0.64)", "no item applies".
 */
int	render_model_card(struct sbuf *, const json_t *);
void	readiness_score_text(char *, size_t, long long, long long);

void	render_digest_markdown(struct sbuf *, const struct digest *,
	    const char *);
void	render_digest_chat(struct sbuf *, const struct digest *,
	    const char *);
/*
 * The digest's email: the HTML part (inline styles only, whole links
 * from the base or none) and the subject line.
 */
void	render_digest_mail_html(struct sbuf *, const struct digest *,
	    const char *);
void	render_digest_subject(char *, size_t, const struct digest *);
void	render_risk_item(struct sbuf *, const struct risk *, int, int,
	    day_t);
/* Chat (mrkdwn) text with & < > escaped, and a <base + url|text> link. */
void	render_chat_text(struct sbuf *, const char *);
void	render_chat_link(struct sbuf *, const char *, const char *,
	    const char *);

/*
 * render_timeline.c: the project's plan and reality as an SVG picture, and
 * the state a checkpoint is shown in.
 */
void	render_timeline(struct sbuf *, json_t *, day_t);
const char *render_checkpoint_state(json_t *, day_t);

#endif

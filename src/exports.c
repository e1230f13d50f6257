/*
 * exports: the portfolio in files other programs read.
 *
 * CSV (RFC 4180, export.h's writer): GET /portfolio.csv, /risks.csv and a
 * project's /projects/{id}/checkpoints.csv and /ownership.csv.  Each is
 * the read of the JSON API it mirrors (GET /api/v1/projects,
 * /api/v1/risks, /api/v1/projects/{id}), the same statement and the same
 * document, written out as a table: a cell is the value the API serves
 * at its column's path (see the tables below), so a file and the API
 * never disagree.  Signed-in access, as for those reads.
 */
#include "handoff.h"
#include "export.h"

#define NCOLS(a)	(sizeof(a) / sizeof((a)[0]))

static const struct csv_column portfolio_cols[] = {
	{ "id", "id" },
	{ "name", "name" },
	{ "pm", "pm.name" },
	{ "status", "status" },
	{ "stage", "stage" },
	{ "kickoff_on", "kickoff_on" },
	{ "target_launch_on", "target_launch_on" },
	{ "created_on", "created_on" },
	{ "updated_at", "updated_at" },
};

static const struct csv_column risk_cols[] = {
	{ "severity", "severity" },
	{ "kind", "kind" },
	{ "project_id", "project.id" },
	{ "project", "project.name" },
	{ "subject", "subject.type" },
	{ "message", "message" },
	{ "actor", "actor.name" },
	{ "since", "since" },
	{ "age_days", "age_days" },
	{ "launch_on", "launch_on" },
	{ "url", "url" },
};

/* One row per slip of a checkpoint (one with empty slip cells if none). */
static const struct csv_column checkpoint_cols[] = {
	{ "project_id", "project_id" },
	{ "project", "project_name" },
	{ "checkpoint_id", "id" },
	{ "stage", "stage" },
	{ "title", "title" },
	{ "owner", "owner.name" },
	{ "status", "status" },
	{ "original_due_on", "original_due_on" },
	{ "due_on", "due_on" },
	{ "completed_on", "completed_on" },
	{ "slip_from", "*.from_due_on" },
	{ "slip_to", "*.to_due_on" },
	{ "slip_reason", "*.reason" },
	{ "slip_on", "*.on" },
	{ "slip_by", "*.actor" },
};

/* Project x responsibility x role: the person holding the box, or empty. */
static const struct csv_column ownership_cols[] = {
	{ "project_id", "project_id" },
	{ "project", "project_name" },
	{ "responsibility", "key" },
	{ "responsibility_name", "name" },
	{ "ds", "ds.person.name" },
	{ "mle", "mle.person.name" },
	{ "swe", "swe.person.name" },
};

static const struct {
	const char			*name;	/* of the file */
	const char			*rows;	/* the document's array */
	const char			*explode;
	const struct csv_column		*cols;
	size_t				 ncols;
} tables[] = {
	[EXPORT_PORTFOLIO] = { "portfolio", "projects", NULL,
	    portfolio_cols, NCOLS(portfolio_cols) },
	[EXPORT_RISKS] = { "risks", "risks", NULL, risk_cols,
	    NCOLS(risk_cols) },
	[EXPORT_CHECKPOINTS] = { "checkpoints", "checkpoints", "slips",
	    checkpoint_cols, NCOLS(checkpoint_cols) },
	[EXPORT_OWNERSHIP] = { "ownership", "ownership", NULL,
	    ownership_cols, NCOLS(ownership_cols) },
};

/*
 * Reply with table t of doc (taken over) as a CSV attachment named
 * handoff-<table>-<day>.csv.
 */
void
exports_csv(struct http_request *req, enum export_table t, json_t *doc,
    day_t day)
{
	struct sbuf	b;
	char		d[DATE_LEN], hdr[128];

	if (doc == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return;
	}
	sbuf_init(&b);
	csv_header(&b, tables[t].cols, tables[t].ncols);
	csv_json_rows(&b, json_object_get(doc, tables[t].rows),
	    tables[t].cols, tables[t].ncols, tables[t].explode);
	json_decref(doc);
	date_format(day, d);
	(void)snprintf(hdr, sizeof(hdr), "attachment; filename=\""
	    "handoff-%s-%s.csv\"", tables[t].name, d);
	http_response_header(req, "content-disposition", hdr);
	reply_body(req, 200, "text/csv; charset=utf-8", &b);
	sbuf_free(&b);
}

/* A project's checkpoints and ownership ------------------------------------ */

struct project_csv {
	enum export_table	table;
};

static int
project_csv_prepare(struct http_request *req, struct pipe *p,
    enum export_table t)
{
	struct project_csv	*c = pipe_ctx(p);
	json_t			*path;
	int			 ret;

	c->table = t;
	path = json_object();
	if (req_path(req, pipe_route(p)->pattern, path) != KORE_RESULT_OK) {
		json_decref(path);
		reply_error(req, 404, "not_found", "There is no project at "
		    "this address.", NULL);
		return (KORE_RESULT_ERROR);
	}
	if ((ret = pipe_send(p, STMT_PROJECT_GET, req_call_doc(-1, path, NULL,
	    NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	json_decref(path);
	return (ret);
}

static int
checkpoints_csv_prepare(struct http_request *req, struct pipe *p)
{
	return (project_csv_prepare(req, p, EXPORT_CHECKPOINTS));
}

static int
ownership_csv_prepare(struct http_request *req, struct pipe *p)
{
	return (project_csv_prepare(req, p, EXPORT_OWNERSHIP));
}

/* Every row says which project it is of, as a portfolio-wide file would. */
static int
project_csv_finish(struct http_request *req, struct pipe *p)
{
	struct project_csv	*c = pipe_ctx(p);
	json_t			*doc, *row, *rows;
	size_t			 i;

	if ((doc = pipe_result(p)) == NULL) {
		reply_error(req, 500, "internal", "internal error", NULL);
		return (PIPE_DONE);
	}
	rows = json_object_get(doc, tables[c->table].rows);
	json_array_foreach(rows, i, row) {
		json_object_set(row, "project_id", json_object_get(doc, "id"));
		json_object_set(row, "project_name",
		    json_object_get(doc, "name"));
	}
	exports_csv(req, c->table, doc, app_today());
	return (PIPE_DONE);
}

const struct pipe_ops checkpoints_csv_ops = {
	.ctx_size = sizeof(struct project_csv),
	.prepare = checkpoints_csv_prepare,
	.finish = project_csv_finish,
};

const struct pipe_ops ownership_csv_ops = {
	.ctx_size = sizeof(struct project_csv),
	.prepare = ownership_csv_prepare,
	.finish = project_csv_finish,
};

/*
 * modelcard: GET /projects/{id}/model-card.md, a model card draft of one
 * project (render_modelcard.c), read in one statement (api.model_card:
 * the project document, one snapshot).
 */
#include "handoff.h"
#include "render.h"

static int
model_card_prepare(struct http_request *req, struct pipe *p)
{
	json_t	*path;
	int	 ret;

	path = json_object();
	ret = KORE_RESULT_ERROR;
	if (req_path(req, pipe_route(p)->pattern, path) != KORE_RESULT_OK)
		reply_error(req, 404, "not_found", "no such resource", NULL);
	else if ((ret = pipe_send(p, STMT_MODEL_CARD, req_call_doc(-1, path,
	    NULL, NULL))) != KORE_RESULT_OK)
		reply_error(req, 500, "internal", "internal error", NULL);
	json_decref(path);
	return (ret);
}

static int
model_card_finish(struct http_request *req, struct pipe *p)
{
	struct sbuf	 b;
	json_t		*doc;

	sbuf_init(&b);
	if ((doc = pipe_result(p)) == NULL ||
	    render_model_card(&b, doc) == -1) {
		kore_log(LOG_ERR, "modelcard: %s: no card", req->path);
		reply_error(req, 500, "internal", "internal error", NULL);
	} else
		reply_body(req, 200, "text/markdown; charset=utf-8", &b);
	sbuf_free(&b);
	json_decref(doc);
	return (PIPE_DONE);
}

const struct pipe_ops model_card_ops = {
	.ctx_size = 0,
	.prepare = model_card_prepare,
	.finish = model_card_finish,
};

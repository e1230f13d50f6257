/*
 * facts_json: a portfolio's facts from a JSON document (see facts_json.h).
 */
#include <string.h>

#include "facts_json.h"

int
json_day(json_t *o, const char *key, day_t *out)
{
	json_t	*v = json_object_get(o, key);

	*out = DAY_NONE;
	if (v == NULL || json_is_null(v))
		return (0);
	if (!json_is_integer(v) || json_integer_value(v) < INT32_MIN + 2 ||
	    json_integer_value(v) > INT32_MAX / 2)
		return (-1);
	*out = (day_t)json_integer_value(v);
	return (0);
}

static int64_t
int_of(json_t *o, const char *key)
{
	return ((int64_t)json_integer_value(json_object_get(o, key)));
}

static const char *
str_of(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return (s != NULL ? s : "");
}

/* The head every version has: seq, on, by. */
static int
version_of(json_t *o, struct version *v)
{
	if (!json_is_integer(json_object_get(o, "seq")) ||
	    json_day(o, "on", &v->on) == -1 || v->on == DAY_NONE)
		return (-1);
	v->seq = int_of(o, "seq");
	v->actor = str_of(o, "by");
	return (0);
}

static int
load_people(json_t *doc, struct portfolio *pf)
{
	struct person	*p;
	struct version	 v;
	json_t		*o, *vo;
	size_t		 i, j;

	json_array_foreach(json_object_get(doc, "people"), i, o) {
		if ((p = facts_add_person(pf, int_of(o, "id"),
		    str_of(o, "name"))) == NULL)
			return (-1);
		json_array_foreach(json_object_get(o, "versions"), j, vo) {
			if (version_of(vo, &v) == -1)
				return (-1);
			facts_person_version(pf, p, v.seq, v.on, v.actor,
			    json_is_true(json_object_get(vo, "active")));
		}
	}
	return (0);
}

static int
load_versions(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct project_version	 pv;
	json_t			*vo;
	size_t			 i;

	json_array_foreach(json_object_get(o, "versions"), i, vo) {
		memset(&pv, 0, sizeof(pv));
		if (version_of(vo, &pv.v) == -1 ||
		    project_status_from_key(str_of(vo, "status"),
		    &pv.status) == -1 ||
		    stage_from_key(str_of(vo, "stage"), &pv.stage) == -1 ||
		    json_day(vo, "launch", &pv.target_launch) == -1)
			return (-1);
		pv.spec_missing = (unsigned int)int_of(vo, "spec_missing");
		pv.audit_missing = (unsigned int)int_of(vo, "audit_missing");
		pv.pm_id = int_of(vo, "pm");
		pv.metric = int_of(vo, "metric");
		facts_project_version(pf, pr, &pv);
	}
	return (0);
}

static int
load_plans(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct plan_version	 pl;
	enum stage		 s;
	json_t			*vo;
	size_t			 i;

	json_array_foreach(json_object_get(o, "plans"), i, vo) {
		if (version_of(vo, &pl.v) == -1 ||
		    stage_from_key(str_of(vo, "stage"), &s) == -1 ||
		    json_day(vo, "start", &pl.start) == -1 ||
		    json_day(vo, "end", &pl.end) == -1)
			return (-1);
		facts_plan_version(pf, pr, s, &pl);
	}
	return (0);
}

static int
load_resps(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct responsibility	*r;
	struct cell_version	 cv;
	enum stage		 s;
	enum role		 role;
	day_t			 from, until;
	json_t			*ro, *co;
	size_t			 i, j;

	json_array_foreach(json_object_get(o, "resps"), i, ro) {
		if (stage_from_key(str_of(ro, "needed_by"), &s) == -1 ||
		    (r = facts_add_responsibility(pf, pr, str_of(ro, "key"),
		    str_of(ro, "name"), s,
		    (unsigned int)int_of(ro, "expects"))) == NULL)
			return (-1);
		r->at_kickoff = json_is_true(json_object_get(ro,
		    "assign_at_kickoff"));
		if (json_day(ro, "from", &from) == -1 ||
		    json_day(ro, "until", &until) == -1)
			return (-1);
		facts_responsibility_days(pf, r, from, str_of(ro, "from_by"),
		    until, str_of(ro, "until_by"));
		json_array_foreach(json_object_get(ro, "cells"), j, co) {
			if (version_of(co, &cv.v) == -1 ||
			    role_from_key(str_of(co, "role"), &role) == -1)
				return (-1);
			cv.person_id = int_of(co, "person");
			facts_cell_version(pf, r, role, &cv);
		}
	}
	return (0);
}

static int
load_checkpoints(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct checkpoint		*c;
	struct checkpoint_version	 cv;
	enum stage			 s;
	json_t				*co, *vo, *ov;
	size_t				 i, j;

	json_array_foreach(json_object_get(o, "checkpoints"), i, co) {
		if (stage_from_key(str_of(co, "stage"), &s) == -1 ||
		    (c = facts_add_checkpoint(pf, pr, int_of(co, "id"),
		    str_of(co, "title"), s)) == NULL)
			return (-1);
		/* "overridden": {on, to, gates}, when a move passed it over. */
		if ((ov = json_object_get(co, "overridden")) != NULL &&
		    !json_is_null(ov)) {
			if (json_day(ov, "on", &c->overridden) == -1 ||
			    stage_from_key(str_of(ov, "to"),
			    &c->overridden_to) == -1)
				return (-1);
			c->overridden_gates = (int)int_of(ov, "gates");
		}
		json_array_foreach(json_object_get(co, "versions"), j, vo) {
			memset(&cv, 0, sizeof(cv));
			if (version_of(vo, &cv.v) == -1 ||
			    checkpoint_status_from_key(str_of(vo, "status"),
			    &cv.status) == -1 ||
			    json_day(vo, "due", &cv.due) == -1 ||
			    json_day(vo, "completed", &cv.completed) == -1)
				return (-1);
			cv.deleted = json_is_true(json_object_get(vo,
			    "deleted"));
			cv.owner_id = int_of(vo, "owner");
			cv.note = json_string_value(json_object_get(vo,
			    "note"));
			cv.outcome = OUTCOME_NONE;
			if (json_is_string(json_object_get(vo, "outcome")) &&
			    outcome_from_key(str_of(vo, "outcome"),
			    &cv.outcome) == -1)
				return (-1);
			facts_checkpoint_version(pf, c, &cv);
		}
	}
	return (0);
}

static int
load_handoffs(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct handoff		*h;
	struct handoff_version	 hv;
	enum stage		 s;
	const char		*key;
	json_t			*ho, *vo;
	size_t			 i, j;

	json_array_foreach(json_object_get(o, "handoffs"), i, ho) {
		key = str_of(ho, "key");
		if (strlen(key) != 1 ||
		    stage_from_key(str_of(ho, "leads_into"), &s) == -1 ||
		    (h = facts_add_handoff(pf, pr, key[0], str_of(ho, "name"),
		    s)) == NULL)
			return (-1);
		json_array_foreach(json_object_get(ho, "versions"), j, vo) {
			if (version_of(vo, &hv.v) == -1 ||
			    json_day(vo, "offered", &hv.offered) == -1 ||
			    json_day(vo, "accepted", &hv.accepted) == -1)
				return (-1);
			hv.from_id = int_of(vo, "from");
			hv.to_id = int_of(vo, "to");
			facts_handoff_version(pf, h, &hv);
		}
	}
	return (0);
}

/* "readiness": [{"item", "versions": [{seq, on, by, "answer"}]}]. */
static int
load_readiness(json_t *o, struct portfolio *pf, struct project *pr)
{
	struct readiness		*r;
	struct readiness_version	 rv;
	json_t				*ro, *vo;
	size_t				 i, j;
	int				 k;

	json_array_foreach(json_object_get(o, "readiness"), i, ro) {
		if ((k = vocab_index(readiness_item_keys,
		    str_of(ro, "item"))) == -1 ||
		    (r = facts_add_readiness(pf, pr,
		    (enum readiness_item)k)) == NULL)
			return (-1);
		json_array_foreach(json_object_get(ro, "versions"), j, vo) {
			if (version_of(vo, &rv.v) == -1 ||
			    (k = vocab_index(readiness_answer_keys,
			    str_of(vo, "answer"))) == -1)
				return (-1);
			rv.answer = (enum readiness_answer)k;
			facts_readiness_version(pf, r, &rv);
		}
	}
	return (0);
}

static int
load_projects(json_t *doc, struct portfolio *pf)
{
	struct project	*pr;
	json_t		*o, *d;
	day_t		 kickoff, created, day;
	size_t		 i, j;

	json_array_foreach(json_object_get(doc, "projects"), i, o) {
		if (json_day(o, "kickoff", &kickoff) == -1 ||
		    json_day(o, "created", &created) == -1 ||
		    created == DAY_NONE)
			return (-1);
		if ((pr = facts_add_project(pf, int_of(o, "id"),
		    str_of(o, "name"), int_of(o, "pm"), kickoff,
		    created)) == NULL)
			return (-1);
		if (load_versions(o, pf, pr) == -1 ||
		    load_plans(o, pf, pr) == -1 ||
		    load_resps(o, pf, pr) == -1 ||
		    load_checkpoints(o, pf, pr) == -1 ||
		    load_handoffs(o, pf, pr) == -1 ||
		    load_readiness(o, pf, pr) == -1)
			return (-1);
		json_array_foreach(json_object_get(o, "changes"), j, d) {
			if (!json_is_integer(d))
				return (-1);
			day = (day_t)json_integer_value(d);
			facts_project_change(pf, pr, day);
		}
	}
	return (0);
}

int
facts_from_json(json_t *doc, struct portfolio *pf)
{
	json_t	*s;

	if (!json_is_object(doc))
		return (-1);
	if ((s = json_object_get(doc, "settings")) != NULL) {
		if (json_is_integer(json_object_get(s, "overload_threshold")))
			pf->overload_threshold = (int)int_of(s,
			    "overload_threshold");
		if (json_is_integer(json_object_get(s, "stale_low_days")))
			pf->stale_low_days = (int)int_of(s, "stale_low_days");
		if (json_is_integer(json_object_get(s, "stale_medium_days")))
			pf->stale_medium_days = (int)int_of(s,
			    "stale_medium_days");
	}
	if (load_people(doc, pf) == -1 || load_projects(doc, pf) == -1)
		return (-1);
	facts_sort(pf);
	return (facts_failed(pf) ? -1 : 0);
}

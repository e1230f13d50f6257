/*
 * factsdoc: a portfolio as the facts document (see factsdoc.h).
 */
#include "factsdoc.h"

static json_t	*day_json(day_t);
static json_t	*version_json(const struct version *);

static json_t *
day_json(day_t d)
{
	return (d == DAY_NONE ? json_null() : json_integer(d));
}

static json_t *
version_json(const struct version *v)
{
	return (json_pack("{s:I, s:I, s:s}", "seq", (json_int_t)v->seq, "on",
	    (json_int_t)v->on, "by", v->actor));
}

json_t *
factsdoc_json(const struct portfolio *pf)
{
	const struct project	*pr;
	const struct responsibility *r;
	json_t			*doc, *people, *projects, *o, *a, *v, *c;
	size_t			 i, j, k;
	int			 role, s;

	people = json_array();
	for (i = 0; i < pf->npeople; i++) {
		a = json_array();
		for (j = 0; j < pf->people[i].nversions; j++) {
			v = version_json(&pf->people[i].versions[j].v);
			json_object_set_new(v, "active", json_boolean(
			    pf->people[i].versions[j].active));
			json_array_append_new(a, v);
		}
		json_array_append_new(people, json_pack("{s:I, s:s, s:o}",
		    "id", (json_int_t)pf->people[i].id, "name",
		    pf->people[i].name, "versions", a));
	}

	projects = json_array();
	for (i = 0; i < pf->nprojects; i++) {
		pr = &pf->projects[i];
		o = json_pack("{s:I, s:s, s:I, s:o, s:o}", "id",
		    (json_int_t)pr->id, "name", pr->name, "pm",
		    (json_int_t)pr->pm_id, "kickoff", day_json(pr->kickoff),
		    "created", day_json(pr->created));
		a = json_array();
		for (j = 0; j < pr->nversions; j++) {
			v = version_json(&pr->versions[j].v);
			json_object_set_new(v, "status", json_string(
			    project_status_keys[pr->versions[j].status]));
			json_object_set_new(v, "stage", json_string(
			    stage_key(pr->versions[j].stage)));
			json_object_set_new(v, "launch",
			    day_json(pr->versions[j].target_launch));
			json_object_set_new(v, "spec_missing", json_integer(
			    pr->versions[j].spec_missing));
			json_object_set_new(v, "audit_missing", json_integer(
			    pr->versions[j].audit_missing));
			json_object_set_new(v, "metric", json_integer(
			    pr->versions[j].metric));
			json_array_append_new(a, v);
		}
		json_object_set_new(o, "versions", a);
		a = json_array();
		for (s = 0; s < STAGE_COUNT; s++) {
			for (j = 0; j < pr->nplans[s]; j++) {
				v = version_json(&pr->plans[s][j].v);
				json_object_set_new(v, "stage", json_string(
				    stage_key((enum stage)s)));
				json_object_set_new(v, "start",
				    day_json(pr->plans[s][j].start));
				json_object_set_new(v, "end",
				    day_json(pr->plans[s][j].end));
				json_array_append_new(a, v);
			}
		}
		json_object_set_new(o, "plans", a);
		a = json_array();
		for (j = 0; j < pr->nresps; j++) {
			r = &pr->resps[j];
			c = json_array();
			for (role = 0; role < ROLE_COUNT; role++) {
				for (k = 0; k < r->ncells[role]; k++) {
					v = version_json(&r->cells[role][k].v);
					json_object_set_new(v, "role",
					    json_string(role_key(
					    (enum role)role)));
					json_object_set_new(v, "person",
					    json_integer(
					    r->cells[role][k].person_id));
					json_array_append_new(c, v);
				}
			}
			json_array_append_new(a, json_pack("{s:s, s:s, s:s, "
			    "s:i, s:b, s:o, s:s?, s:o, s:s?, s:o}",
			    "key", r->key, "name", r->name,
			    "needed_by", stage_key(r->needed_by), "expects",
			    (int)r->expects, "assign_at_kickoff",
			    r->at_kickoff, "from", day_json(r->from),
			    "from_by", r->from_by, "until",
			    day_json(r->until), "until_by", r->until_by,
			    "cells", c));
		}
		json_object_set_new(o, "resps", a);
		a = json_array();
		for (j = 0; j < pr->ncheckpoints; j++) {
			c = json_array();
			for (k = 0; k < pr->checkpoints[j].nversions; k++) {
				const struct checkpoint_version *cv =
				    &pr->checkpoints[j].versions[k];

				v = version_json(&cv->v);
				json_object_set_new(v, "status", json_string(
				    checkpoint_status_keys[cv->status]));
				json_object_set_new(v, "due",
				    day_json(cv->due));
				json_object_set_new(v, "completed",
				    day_json(cv->completed));
				json_object_set_new(v, "deleted",
				    json_boolean(cv->deleted));
				if (outcome_key(cv->outcome) != NULL)
					json_object_set_new(v, "outcome",
					    json_string(outcome_key(
					    cv->outcome)));
				json_array_append_new(c, v);
			}
			json_array_append_new(a, json_pack("{s:I, s:s, s:s, "
			    "s:o}", "id", (json_int_t)pr->checkpoints[j].id,
			    "title", pr->checkpoints[j].title, "stage",
			    stage_key(pr->checkpoints[j].stage), "versions",
			    c));
		}
		json_object_set_new(o, "checkpoints", a);
		a = json_array();
		for (j = 0; j < pr->nhandoffs; j++) {
			char	key[2] = { pr->handoffs[j].key, '\0' };

			c = json_array();
			for (k = 0; k < pr->handoffs[j].nversions; k++) {
				const struct handoff_version *hv =
				    &pr->handoffs[j].versions[k];

				v = version_json(&hv->v);
				json_object_set_new(v, "from",
				    json_integer(hv->from_id));
				json_object_set_new(v, "to",
				    json_integer(hv->to_id));
				json_object_set_new(v, "offered",
				    day_json(hv->offered));
				json_object_set_new(v, "accepted",
				    day_json(hv->accepted));
				json_array_append_new(c, v);
			}
			json_array_append_new(a, json_pack("{s:s, s:s, s:s, "
			    "s:o}", "key", key, "name", pr->handoffs[j].name,
			    "leads_into", stage_key(pr->handoffs[j].leads_into),
			    "versions", c));
		}
		json_object_set_new(o, "handoffs", a);
		a = json_array();
		for (j = 0; j < pr->nchanges; j++)
			json_array_append_new(a, json_integer(pr->changes[j]));
		json_object_set_new(o, "changes", a);
		json_array_append_new(projects, o);
	}

	doc = json_pack("{s:{s:i, s:i, s:i}, s:o, s:o}", "settings",
	    "overload_threshold", pf->overload_threshold, "stale_low_days",
	    pf->stale_low_days, "stale_medium_days", pf->stale_medium_days,
	    "people", people, "projects", projects);
	return (doc);
}

/*
 * risk_json: risks and digests as JSON documents, the JSON renderer layer.
 *
 * Pure: jansson only.  Every function returns a new reference (NULL when
 * memory runs out), which the caller releases with json_decref().
 */
#include <stdio.h>
#include <string.h>

#include "digest.h"
#include "risk.h"
#include "risk_json.h"

static json_t *
day_json(day_t d)
{
	char	buf[DATE_LEN];

	if (d == DAY_NONE)
		return (json_null());
	date_format(d, buf);
	return (json_string(buf));
}

static json_t *
counts_json(const int counts[SEVERITY_COUNT])
{
	return (json_pack("{s:i, s:i, s:i, s:i, s:i}",
	    "critical", counts[SEVERITY_CRITICAL],
	    "high", counts[SEVERITY_HIGH],
	    "medium", counts[SEVERITY_MEDIUM],
	    "low", counts[SEVERITY_LOW],
	    "total", counts[SEVERITY_CRITICAL] + counts[SEVERITY_HIGH] +
	    counts[SEVERITY_MEDIUM] + counts[SEVERITY_LOW]));
}

/* What the risk is about: its identity key and the thing it names. */
static json_t *
subject_json(const struct risk *r)
{
	json_t	*s;

	s = json_pack("{s:s}", "key", r->subject);
	if (s == NULL)
		return (NULL);

	switch (r->kind) {
	case RISK_EMPTY_OWNER:
		json_object_set_new(s, "type", json_string("box"));
		json_object_set_new(s, "responsibility", json_pack(
		    "{s:s?, s:s?}", "key", r->resp_key, "name", r->resp_name));
		json_object_set_new(s, "role", json_string(role_key(r->role)));
		json_object_set_new(s, "needed_by",
		    json_string(stage_key(r->stage)));
		break;
	case RISK_MISSED_CHECKPOINT:
	case RISK_BLOCKED_CHECKPOINT:
	case RISK_FEW_MORE_WEEKS:
	case RISK_STOP_IGNORED:
	case RISK_OVERRIDDEN_GATE:
		json_object_set_new(s, "type", json_string("checkpoint"));
		json_object_set_new(s, "checkpoint", json_pack("{s:I, s:s?}",
		    "id", (json_int_t)r->checkpoint_id, "title",
		    r->checkpoint_title));
		break;
	case RISK_HANDOFF_NOT_ACCEPTED:
		json_object_set_new(s, "type", json_string("handoff"));
		json_object_set_new(s, "handoff", json_pack("{s:s#, s:s?}",
		    "key", &r->handoff, (int)1, "name", r->handoff_name));
		break;
	case RISK_STAGE_OVERRUN:
		json_object_set_new(s, "type", json_string("stage"));
		json_object_set_new(s, "stage",
		    json_string(stage_key(r->stage)));
		break;
	case RISK_INCOMPLETE_SPEC:
	case RISK_MOVING_GOALPOSTS:
		json_object_set_new(s, "type", json_string("field"));
		json_object_set_new(s, "field",
		    json_string(spec_key(r->field)));
		break;
	case RISK_OVERLOADED_OWNER:
		json_object_set_new(s, "type", json_string("person"));
		json_object_set_new(s, "person", json_pack("{s:I, s:s?}",
		    "id", (json_int_t)r->person_id, "name", r->person_name));
		break;
	case RISK_READINESS_GAPS:
		/* "readiness/<item>": the item of the checklist. */
		json_object_set_new(s, "type", json_string("readiness_item"));
		json_object_set_new(s, "item", json_string(
		    strncmp(r->subject, "readiness/", 10) == 0 ?
		    r->subject + 10 : r->subject));
		break;
	default:
		json_object_set_new(s, "type", json_string("project"));
		break;
	}
	return (s);
}

void
risk_role_names(json_t *labels, const char *names[ROLE_COUNT])
{
	int	role;

	for (role = 0; role < ROLE_COUNT; role++)
		names[role] = json_string_value(json_object_get(labels,
		    role_key((enum role)role)));
}

json_t *
risk_json(const struct risk *r, day_t asof)
{
	json_t	*o;
	char	 url[RISK_URL_LEN];

	o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:i, s:o, s:s}",
	    "kind", risk_kind_key(r->kind),
	    "severity", severity_key(r->severity),
	    "project", r->project_id != 0 ? json_pack("{s:I, s:s?}", "id",
	    (json_int_t)r->project_id, "name", r->project_name) : json_null(),
	    "subject", subject_json(r),
	    "since", day_json(r->since),
	    "age_days", r->since != DAY_NONE ? (int)(asof - r->since) : 0,
	    "launch_on", day_json(r->launch),
	    "message", r->message);
	if (o == NULL)
		return (NULL);
	risk_url(r, url);
	json_object_set_new(o, "rank", json_integer(risk_rank(r->severity,
	    r->launch_days)));
	/* Who must act (README, "Who must act"); null: nobody named. */
	json_object_set_new(o, "actor", r->actor_id != 0 ? json_pack(
	    "{s:I, s:s?}", "id", (json_int_t)r->actor_id, "name",
	    r->actor_name) : json_null());
	json_object_set_new(o, "url", json_string(url));
	if (r->kind == RISK_BLOCKED_CHECKPOINT)
		json_object_set_new(o, "reason", r->note != NULL ?
		    json_string(r->note) : json_null());
	return (o);
}

json_t *
risk_list_json(const struct risk_list *risks, day_t asof)
{
	json_t	*a;
	size_t	 i;

	if ((a = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < risks->len; i++)
		json_array_append_new(a, risk_json(&risks->items[i], asof));
	return (a);
}

json_t *
risk_report_json(const struct risk_list *risks, day_t asof)
{
	int	counts[SEVERITY_COUNT];

	risk_count(risks, counts);
	return (json_pack("{s:o, s:o, s:o}", "as_of", day_json(asof),
	    "counts", counts_json(counts), "risks",
	    risk_list_json(risks, asof)));
}

/* The open risks, one group per project in the order of its worst risk. */
static json_t *
digest_groups_json(const struct digest *d)
{
	json_t			*groups, *g, *list, *item;
	const struct risk	*r;
	size_t			 i, j, k, end;

	if ((groups = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < d->open.len; i = end) {
		end = digest_group_end(d, i);
		r = &d->open.items[d->by_project[i]];
		list = json_array();
		for (j = i; j < end; j++) {
			k = d->by_project[j];
			item = risk_json(&d->open.items[k], d->asof);
			json_object_set_new(item, "new",
			    json_boolean(d->is_new[k]));
			json_array_append_new(list, item);
		}
		g = json_pack("{s:o, s:s, s:o, s:o}",
		    "id", r->project_id != 0 ?
		    json_integer((json_int_t)r->project_id) : json_null(),
		    "name", r->project_id != 0 && r->project_name != NULL ?
		    r->project_name : "Across the portfolio",
		    "launch_on", day_json(r->project_id != 0 ? r->launch :
		    DAY_NONE), "risks", list);
		json_array_append_new(groups, g);
	}
	return (groups);
}

/* The action list: one group per actor, in the order of its first risk. */
static json_t *
digest_actions_json(const struct digest *d)
{
	json_t			*groups, *list;
	const struct risk	*r;
	size_t			 i, j;

	if ((groups = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < d->actions.len; i++) {
		if (!digest_actor_first(d, i))
			continue;
		r = &d->actions.items[i];
		list = json_array();
		for (j = i; j < d->actions.len; j++) {
			if (d->actions.items[j].actor_id == r->actor_id)
				json_array_append_new(list, risk_json(
				    &d->actions.items[j], d->asof));
		}
		json_array_append_new(groups, json_pack("{s:o, s:o}",
		    "actor", r->actor_id != 0 ? json_pack("{s:I, s:s?}", "id",
		    (json_int_t)r->actor_id, "name", r->actor_name) :
		    json_null(), "risks", list));
	}
	return (groups);
}

static json_t *
due_json(const struct digest_due *due, size_t n)
{
	json_t	*a;
	size_t	 i;

	a = json_array();
	for (i = 0; i < n; i++) {
		json_array_append_new(a, json_pack("{s:{s:I, s:s?}, "
		    "s:{s:I, s:s?}, s:s, s:s, s:o}",
		    "project", "id", (json_int_t)due[i].project_id, "name",
		    due[i].project_name,
		    "checkpoint", "id", (json_int_t)due[i].checkpoint_id,
		    "title", due[i].title,
		    "stage", stage_key(due[i].stage),
		    "status", due[i].status == CHECKPOINT_BLOCKED ?
		    "blocked" : "pending",
		    "due_on", day_json(due[i].due)));
	}
	return (a);
}

static json_t *
paused_json(const struct digest *d)
{
	json_t	*a;
	char	 url[32];
	size_t	 i;

	a = json_array();
	for (i = 0; i < d->npaused; i++) {
		(void)snprintf(url, sizeof(url), "/projects/%lld",
		    (long long)d->paused[i].id);
		json_array_append_new(a, json_pack("{s:I, s:s?, s:o, s:s}",
		    "id", (json_int_t)d->paused[i].id, "name",
		    d->paused[i].name, "since", day_json(d->paused[i].since),
		    "url", url));
	}
	return (a);
}

json_t *
digest_json(const struct digest *d)
{
	json_t	*doc, *new, *resolved, *due, *trend, *item;
	char	 week[ISOWEEK_LEN];
	size_t	 i;
	int	 k;

	isoweek_format(d->year, d->week, week);
	new = risk_list_json(&d->fresh, d->asof);

	resolved = json_array();
	for (i = 0; i < d->resolved.len; i++) {
		item = risk_json(&d->resolved.items[i], d->prev_asof);
		json_object_set_new(item, "resolved_on",
		    day_json(d->resolved.items[i].resolved_on));
		json_object_set_new(item, "resolved_by",
		    d->resolved.items[i].resolved_by != NULL ?
		    json_string(d->resolved.items[i].resolved_by) :
		    json_null());
		json_array_append_new(resolved, item);
	}

	due = due_json(d->due, d->ndue);

	trend = json_array();
	for (k = 0; k < DIGEST_TREND_WEEKS; k++) {
		char	tw[ISOWEEK_LEN];

		isoweek_format(d->trend[k].year, d->trend[k].week, tw);
		json_array_append_new(trend, json_pack("{s:s, s:o, s:o, s:i}",
		    "week", tw, "as_of", day_json(d->trend[k].asof),
		    "counts", counts_json(d->trend[k].counts),
		    "projects_at_risk", d->trend[k].at_risk));
	}

	doc = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
	    "s:o}",
	    "week", week,
	    "monday", day_json(d->monday),
	    "sunday", day_json(d->sunday),
	    "as_of", day_json(d->asof),
	    "previous_as_of", day_json(d->prev_asof),
	    "counts", counts_json(d->counts),
	    "projects", digest_groups_json(d),
	    "new", new,
	    "resolved", resolved,
	    "due_next_week", due,
	    "trend", trend);
	if (doc != NULL) {
		json_object_set_new(doc, "projects_at_risk",
		    json_integer(d->at_risk));
		json_object_set_new(doc, "actions", digest_actions_json(d));
		json_object_set_new(doc, "due_this_week",
		    due_json(d->due_this, d->ndue_this));
		json_object_set_new(doc, "paused", paused_json(d));
		json_object_set_new(doc, "open", risk_list_json(&d->open,
		    d->asof));
		json_object_set_new(doc, "page", json_pack("{s:I, s:I, s:I}",
		    "offset", (json_int_t)d->offset, "limit",
		    (json_int_t)d->limit, "projects", (json_int_t)d->ngroups));
	}
	return (doc);
}

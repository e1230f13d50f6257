/*
 * ledger_json: spans to and from JSON (see ledger_json.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts_json.h"
#include "ledger_json.h"

/*
 * What is not there is left out (the readers take a missing key for
 * null): a day or a key, or NULL for none.
 */
static json_t *
day_json(day_t d)
{
	return (d == DAY_NONE ? NULL : json_integer(d));
}

static json_t *
key_json(const char *const *keys, unsigned int i, unsigned int n)
{
	return (i < n ? json_string(keys[i]) : NULL);
}

static json_t *
id_json(int64_t id)
{
	return (id != 0 ? json_integer(id) : NULL);
}

json_t *
ledger_span_json(const struct risk_span *sp)
{
	const struct risk	*r = &sp->r;
	char			 handoff[2] = { r->handoff, '\0' };
	int			 load = r->kind == RISK_OVERLOADED_OWNER;
	json_t			*o;

	o = json_pack("{s:o*, s:i, s:s, s:I, s:o*, s:I, s:i, s:o*, "
	    "s:s*, s:o*, s:o*, s:s*, s:o*, s:o*, s:o*, s:o*, s:o*, s:o*, "
	    "s:o*, s:o*, s:o*, s:s*}",
	    "project", id_json(r->project_id),
	    "kind", (int)r->kind,
	    "subject", r->subject,
	    "from", (json_int_t)sp->from,
	    "to", day_json(sp->to),
	    "since", (json_int_t)r->since,
	    "severity", (int)r->severity,
	    "launch", day_json(r->launch),
	    "resp", r->resp_key,
	    "role", key_json(role_keys, r->role, ROLE_COUNT),
	    "checkpoint", id_json(r->checkpoint_id),
	    "handoff", r->handoff != '\0' ? handoff : NULL,
	    "stage", key_json(stage_keys, r->stage, STAGE_COUNT),
	    "field", key_json(spec_keys, r->field, SPEC_COUNT),
	    "person", id_json(r->person_id),
	    "ref", day_json(r->ref_day),
	    "event", day_json(r->event_day),
	    "inactive", r->inactive ? json_true() : NULL,
	    /* The boxes held; a checkpoint's slips, a decision's outcome. */
	    "held", load || r->held != 0 ? json_integer(r->held) : NULL,
	    "threshold", load ? json_integer(r->threshold) : NULL,
	    "ends", sp->ends ? json_true() : NULL,
	    "closed_by", sp->closed_by);
	/* Who must act, and a blocked checkpoint's reason. */
	if (o != NULL && r->actor_id != 0)
		json_object_set_new(o, "actor", json_integer(r->actor_id));
	if (o != NULL && r->note != NULL)
		json_object_set_new(o, "note", json_string(r->note));
	return (o);
}

json_t *
ledger_spans_json(const struct span_list *l)
{
	json_t	*a, *o;
	size_t	 i;

	if ((a = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < l->len; i++) {
		if ((o = ledger_span_json(&l->items[i])) == NULL ||
		    json_array_append_new(a, o) == -1) {
			json_decref(a);
			return (NULL);
		}
	}
	return (a);
}

json_t *
ledger_profile_json(const struct profile_list *l)
{
	const struct profile_row	*row;
	json_t				*a, *o;
	size_t				 i;

	if ((a = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < l->len; i++) {
		row = &l->items[i];
		o = json_pack("{s:I, s:o*, s:[iiii], s:i, s:o*, s:i, s:s}",
		    "from", (json_int_t)row->from, "to", day_json(row->to),
		    "n", row->counts[SEVERITY_LOW],
		    row->counts[SEVERITY_MEDIUM], row->counts[SEVERITY_HIGH],
		    row->counts[SEVERITY_CRITICAL],
		    "worst", row->worst, "launch", day_json(row->launch),
		    "kind", (int)row->first->kind,
		    "subject", row->first->subject);
		if (o == NULL || json_array_append_new(a, o) == -1) {
			json_decref(a);
			return (NULL);
		}
	}
	return (a);
}

json_t *
ledger_holders_json(const struct holder_list *l)
{
	json_t	*a, *o;
	size_t	 i;

	if ((a = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < l->len; i++) {
		o = json_pack("{s:I, s:I, s:o*}",
		    "person", (json_int_t)l->items[i].person_id,
		    "from", (json_int_t)l->items[i].from,
		    "to", day_json(l->items[i].to));
		if (o == NULL || json_array_append_new(a, o) == -1) {
			json_decref(a);
			return (NULL);
		}
	}
	return (a);
}

static const char *
str_of(json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

/* A key of the vocabulary, its position into *out; count when absent. */
static int
key_of(json_t *o, const char *key, const char *const *keys, unsigned int n,
    unsigned int *out)
{
	const char	*s = str_of(o, key);
	int		 i;

	*out = n;
	if (s == NULL)
		return (json_is_null(json_object_get(o, key)) ||
		    json_object_get(o, key) == NULL ? 0 : -1);
	if ((i = vocab_index(keys, s)) == -1)
		return (-1);
	*out = (unsigned int)i;
	return (0);
}

int
ledger_span_from_json(json_t *o, struct risk_span *sp)
{
	struct risk	*r = &sp->r;
	const char	*s;
	json_int_t	 kind, sev;
	unsigned int	 role, stage, field;

	memset(sp, 0, sizeof(*sp));
	kind = json_integer_value(json_object_get(o, "kind"));
	sev = json_integer_value(json_object_get(o, "severity"));
	if (!json_is_integer(json_object_get(o, "kind")) || kind < 0 ||
	    kind >= RISK_KIND_COUNT || sev < 0 || sev >= SEVERITY_COUNT ||
	    (s = str_of(o, "subject")) == NULL ||
	    strlen(s) >= sizeof(r->subject))
		return (-1);
	risk_clear(r, (enum risk_kind)kind);
	r->severity = (enum severity)sev;
	(void)snprintf(r->subject, sizeof(r->subject), "%s", s);
	if (json_day(o, "from", &sp->from) == -1 || sp->from == DAY_NONE ||
	    json_day(o, "to", &sp->to) == -1 ||
	    json_day(o, "since", &r->since) == -1 || r->since == DAY_NONE ||
	    json_day(o, "launch", &r->launch) == -1 ||
	    json_day(o, "ref", &r->ref_day) == -1 ||
	    json_day(o, "event", &r->event_day) == -1 ||
	    key_of(o, "role", role_keys, ROLE_COUNT, &role) == -1 ||
	    key_of(o, "stage", stage_keys, STAGE_COUNT, &stage) == -1 ||
	    key_of(o, "field", spec_keys, SPEC_COUNT, &field) == -1)
		return (-1);
	r->role = (enum role)role;
	r->stage = (enum stage)stage;
	r->field = (enum spec_field)field;
	r->project_id = json_integer_value(json_object_get(o, "project"));
	r->checkpoint_id = json_integer_value(json_object_get(o,
	    "checkpoint"));
	r->person_id = json_integer_value(json_object_get(o, "person"));
	r->resp_key = str_of(o, "resp");
	if ((s = str_of(o, "handoff")) != NULL)
		r->handoff = s[0];
	r->inactive = json_is_true(json_object_get(o, "inactive"));
	r->held = (int)json_integer_value(json_object_get(o, "held"));
	r->threshold = (int)json_integer_value(json_object_get(o,
	    "threshold"));
	sp->ends = json_is_true(json_object_get(o, "ends"));
	sp->closed_by = str_of(o, "closed_by");
	r->project_name = str_of(o, "project_name");
	r->person_name = str_of(o, "person_name");
	r->resp_name = str_of(o, "resp_name");
	r->checkpoint_title = str_of(o, "checkpoint_title");
	r->handoff_name = str_of(o, "handoff_name");
	r->actor_id = json_integer_value(json_object_get(o, "actor"));
	r->actor_name = str_of(o, "actor_name");
	r->note = str_of(o, "note");
	return (0);
}

int
ledger_spans_from_json(json_t *a, struct span_list *l)
{
	struct risk_span	*items;
	json_t			*o;
	size_t			 i, cap;

	if (a == NULL || json_is_null(a))
		return (0);
	if (!json_is_array(a))
		return (-1);
	json_array_foreach(a, i, o) {
		if (l->len == l->cap) {
			cap = l->cap == 0 ? 16 : l->cap * 2;
			if ((items = reallocarray(l->items, cap,
			    sizeof(*items))) == NULL)
				return (-1);
			l->items = items;
			l->cap = cap;
		}
		if (ledger_span_from_json(o, &l->items[l->len]) == -1)
			return (-1);
		l->len++;
	}
	return (0);
}

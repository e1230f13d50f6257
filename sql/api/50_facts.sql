-- The facts the risk rules read, as the JSON document of src/facts_json.h:
-- one project's whole history, one person's boxes across projects, or
-- the whole portfolio (for the tests' reference engine).  Days are
-- integers (days since 1970-01-01), null for none.

CREATE FUNCTION api.dnum(p_date date) RETURNS int
LANGUAGE sql IMMUTABLE AS $$ SELECT p_date - DATE '1970-01-01' $$;

CREATE FUNCTION api.dday(p_days int) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT DATE '1970-01-01' + p_days $$;

CREATE FUNCTION api.settings_doc() RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT json_object_agg(key, value ORDER BY key)
	    FROM settings WHERE key IN ('overload_threshold',
	    'stale_low_days', 'stale_medium_days'));
END
$$;

-- Bit n set when spec field n (the vocabulary's order, which the server
-- checks at start-up) is not written in this version.
CREATE FUNCTION api.spec_missing(v project_versions) RETURNS int
LANGUAGE plpgsql STABLE AS $$
DECLARE
	j	jsonb := to_jsonb(v);	-- once, not once a field
BEGIN
	RETURN (SELECT coalesce(sum(1 << position), 0)::int
	    FROM vocabulary
	    WHERE kind = 'spec_field' AND j ->> key IS NULL);
END
$$;

-- Bit n set when question n of the data availability audit (vocabulary
-- audit_field) is not answered in this version.
CREATE FUNCTION api.audit_missing(v project_versions) RETURNS int
LANGUAGE plpgsql STABLE AS $$
DECLARE
	j	jsonb := to_jsonb(v);	-- once, not once a field
BEGIN
	RETURN (SELECT coalesce(sum(1 << position), 0)::int
	    FROM vocabulary
	    WHERE kind = 'audit_field' AND j ->> key IS NULL);
END
$$;

-- The primary metric (and its target) as the rules compare it: a hash
-- of its text, 0 when it is not written (moving goalposts).
CREATE FUNCTION api.metric_hash(p_text text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_text IS NULL THEN 0
	    ELSE coalesce(nullif(hashtextextended(p_text, 0), 0), 1) END
$$;

CREATE FUNCTION api.person_facts(p_ids bigint[]) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN coalesce((SELECT json_agg(json_build_object('id', p.id,
	    'name', p.name, 'versions', coalesce((SELECT json_agg(
		json_build_object('seq', v.id, 'on', api.dnum(v.effective_on),
		'by', v.actor, 'active', v.active) ORDER BY v.id)
		FROM person_versions v WHERE v.person_id = p.id), '[]'::json))
	    ORDER BY p.id)
	    FROM people p WHERE p.id = ANY (p_ids)), '[]'::json);
END
$$;

-- One project, everything about it.
CREATE FUNCTION api.project_facts(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT json_build_object(
	    'id', pr.id, 'name', pr.name, 'pm', pr.pm_id,
	    'kickoff', api.dnum(pr.kickoff_on),
	    'created', api.dnum(pr.created_on),
	    'versions', coalesce((SELECT json_agg(json_build_object(
		'seq', v.id, 'on', api.dnum(v.effective_on), 'by', v.actor,
		'status', v.status, 'stage', v.stage,
		'launch', api.dnum(v.target_launch_on), 'pm', v.pm_id,
		'spec_missing', api.spec_missing(v),
		'audit_missing', api.audit_missing(v),
		'metric', api.metric_hash(v.primary_metric)) ORDER BY v.id)
		FROM project_versions v WHERE v.project_id = pr.id),
		'[]'::json),
	    'plans', coalesce((SELECT json_agg(json_build_object(
		'stage', v.stage, 'seq', v.id,
		'on', api.dnum(v.effective_on), 'by', v.actor,
		'start', api.dnum(v.planned_start),
		'end', api.dnum(v.planned_end)) ORDER BY v.id)
		FROM plan_versions v WHERE v.project_id = pr.id),
		'[]'::json),
	    'resps', coalesce((SELECT json_agg(json_build_object(
		'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		'expects', (CASE WHEN r.expects_ds THEN 1 ELSE 0 END) |
		    (CASE WHEN r.expects_mle THEN 2 ELSE 0 END) |
		    (CASE WHEN r.expects_swe THEN 4 ELSE 0 END),
		'assign_at_kickoff', r.assign_at_kickoff,
		'from', api.dnum(r.added_on), 'from_by', r.added_by,
		'until', api.dnum(r.removed_on), 'until_by', r.removed_by,
		'cells', coalesce((SELECT json_agg(json_build_object(
		    'role', o.role, 'seq', o.id,
		    'on', api.dnum(o.effective_on), 'by', o.actor,
		    'person', coalesce(o.person_id, 0)) ORDER BY o.id)
		    FROM ownership_versions o
		    WHERE o.project_id = pr.id AND o.responsibility = r.key),
		    '[]'::json)) ORDER BY r.position)
		FROM responsibilities r WHERE r.project_id = pr.id),
		'[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(json_build_object(
		'id', c.id, 'title', c.title, 'stage', c.stage,
		-- The first move forward that passed it over unmet.
		'overridden', (SELECT json_build_object(
		    'on', api.dnum(o.effective_on), 'to', o.to_stage,
		    'gates', jsonb_array_length(o.gates))
		    FROM stage_overrides o, jsonb_array_elements(o.gates) g
		    WHERE o.project_id = pr.id AND
			g->>'type' = 'checkpoint' AND
			(g->>'checkpoint_id')::bigint = c.id
		    ORDER BY o.id LIMIT 1),
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'status', v.status,
		    'due', api.dnum(v.due_on),
		    'completed', api.dnum(v.completed_on),
		    'owner', coalesce(v.owner_id, 0), 'note', v.note,
		    'outcome', v.outcome, 'deleted', v.deleted) ORDER BY v.id)
		    FROM checkpoint_versions v WHERE v.checkpoint_id = c.id),
		    '[]'::json)) ORDER BY c.id)
		FROM checkpoints c WHERE c.project_id = pr.id), '[]'::json),
	    'handoffs', coalesce((SELECT json_agg(json_build_object(
		'key', h.key, 'name', k.name, 'leads_into', k.leads_into,
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'from', coalesce(v.from_id, 0),
		    'to', coalesce(v.to_id, 0),
		    'offered', api.dnum(v.offered_on),
		    'accepted', api.dnum(v.accepted_on)) ORDER BY v.id)
		    FROM handoff_versions v
		    WHERE v.project_id = h.project_id AND v.key = h.key),
		    '[]'::json)) ORDER BY h.key)
		FROM handoffs h JOIN handoff_kinds k ON k.key = h.key
		WHERE h.project_id = pr.id), '[]'::json),
	    'readiness', coalesce((SELECT json_agg(json_build_object(
		'item', i.item,
		'versions', (SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'answer', v.answer) ORDER BY v.id)
		    FROM readiness_versions v
		    WHERE v.project_id = pr.id AND v.item = i.item))
		ORDER BY i.item)
		FROM (SELECT DISTINCT item FROM readiness_versions
		    WHERE project_id = pr.id) i), '[]'::json),
	    'changes', coalesce((SELECT json_agg(d ORDER BY d)
		FROM (SELECT DISTINCT api.dnum(a.recorded_on) AS d
		    FROM audit_log a WHERE a.project_id = pr.id) c),
		'[]'::json))
	FROM projects pr WHERE pr.id = p_id);
END
$$;

-- The people a project's risks name: every holder any cell ever had,
-- every receiver of a handoff, every PM and checkpoint owner it had.
CREATE FUNCTION api.project_people(p_id bigint) RETURNS bigint[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN ARRAY(SELECT person_id FROM ownership_versions
	    WHERE project_id = p_id AND person_id IS NOT NULL
	    UNION
	    SELECT to_id FROM handoff_versions
	    WHERE project_id = p_id AND to_id IS NOT NULL
	    UNION
	    SELECT pm_id FROM project_versions WHERE project_id = p_id
	    UNION
	    SELECT pm_id FROM projects WHERE id = p_id
	    UNION
	    SELECT v.owner_id FROM checkpoint_versions v
	    JOIN checkpoints c ON c.id = v.checkpoint_id
	    WHERE c.project_id = p_id AND v.owner_id IS NOT NULL);
END
$$;

-- Everything the rules need about one project.
CREATE FUNCTION api.project_facts_doc(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object('settings', api.settings_doc(),
	    'people', api.person_facts(api.project_people(p_id)),
	    'projects', coalesce((SELECT json_agg(f) FROM
		api.project_facts(p_id) f WHERE f IS NOT NULL), '[]'::json));
END
$$;

-- Everything the overload rule needs about one person: the person, and
-- for every project where they ever held an expected box, the project's
-- versions and those boxes with every version of each.
CREATE FUNCTION api.person_facts_doc(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (WITH cells AS (
		SELECT DISTINCT o.project_id, o.responsibility, o.role
		FROM ownership_versions o WHERE o.person_id = p_id
	)
	SELECT json_build_object('settings', api.settings_doc(),
	    -- The person, and the PMs an overload may name.
	    'people', api.person_facts(ARRAY(SELECT p_id UNION
		SELECT v.pm_id FROM project_versions v
		WHERE v.project_id IN (SELECT project_id FROM cells) UNION
		SELECT pr.pm_id FROM projects pr
		WHERE pr.id IN (SELECT project_id FROM cells))),
	    'projects', coalesce((SELECT json_agg(json_build_object(
		'id', pr.id, 'name', pr.name, 'pm', pr.pm_id,
		'kickoff', api.dnum(pr.kickoff_on),
		'created', api.dnum(pr.created_on),
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'status', v.status, 'stage', v.stage,
		    'launch', api.dnum(v.target_launch_on), 'pm', v.pm_id,
		    'spec_missing', 0) ORDER BY v.id)
		    FROM project_versions v WHERE v.project_id = pr.id),
		    '[]'::json),
		'resps', (SELECT json_agg(json_build_object(
		    'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		    'expects', (CASE WHEN r.expects_ds THEN 1 ELSE 0 END) |
			(CASE WHEN r.expects_mle THEN 2 ELSE 0 END) |
			(CASE WHEN r.expects_swe THEN 4 ELSE 0 END),
		    'from', api.dnum(r.added_on), 'from_by', r.added_by,
		    'until', api.dnum(r.removed_on),
		    'until_by', r.removed_by,
		    'cells', (SELECT json_agg(json_build_object(
			'role', o.role, 'seq', o.id,
			'on', api.dnum(o.effective_on), 'by', o.actor,
			'person', coalesce(o.person_id, 0)) ORDER BY o.id)
			FROM ownership_versions o
			JOIN cells c ON c.project_id = o.project_id AND
			    c.responsibility = o.responsibility AND
			    c.role = o.role
			WHERE o.project_id = pr.id AND
			    o.responsibility = r.key))
		    ORDER BY r.position)
		    FROM responsibilities r
		    WHERE r.project_id = pr.id AND r.key IN (SELECT
			c.responsibility FROM cells c
			WHERE c.project_id = pr.id))) ORDER BY pr.id)
		FROM projects pr
		WHERE pr.id IN (SELECT project_id FROM cells)), '[]'::json)));
END
$$;

-- The whole portfolio: what the tests' reference engine reads.
CREATE FUNCTION api.facts_all() RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object('settings', api.settings_doc(),
	    'people', api.person_facts(ARRAY(SELECT id FROM people)),
	    'projects', coalesce((SELECT json_agg(api.project_facts(id)
		ORDER BY id) FROM projects), '[]'::json));
END
$$;

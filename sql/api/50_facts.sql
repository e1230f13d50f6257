-- The facts the risk engine reads, as flat rows.
--
-- One function per kind of fact; the server runs all of them for one
-- request, a fixed number of statements whatever the number of projects.
-- Days are integers (days since 1970-01-01) so the C side does no date
-- parsing; NULL days are -2147483648 (DAY_NONE in src/date.h).  Rows come
-- ordered by owner and then by version id, the order the loader relies on.

CREATE FUNCTION api.day(p_date date) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(p_date - DATE '1970-01-01', -2147483648)
$$;

CREATE FUNCTION api.facts_settings()
RETURNS TABLE (key text, value int)
LANGUAGE sql STABLE AS $$
	SELECT key, value FROM settings ORDER BY key
$$;

CREATE FUNCTION api.facts_people()
RETURNS TABLE (person_id bigint, name text, seq bigint, on_day int,
    actor text, active boolean)
LANGUAGE sql STABLE AS $$
	SELECT p.id, p.name, v.id, api.day(v.effective_on), v.actor, v.active
	FROM people p JOIN person_versions v ON v.person_id = p.id
	ORDER BY p.id, v.id
$$;

CREATE FUNCTION api.facts_projects()
RETURNS TABLE (project_id bigint, name text, pm_id bigint, kickoff int,
    created int)
LANGUAGE sql STABLE AS $$
	SELECT id, name, pm_id, api.day(kickoff_on), api.day(created_on)
	FROM projects ORDER BY id
$$;

-- spec_missing: bit n set when spec field n (src/facts.h order) is empty.
CREATE FUNCTION api.facts_project_versions()
RETURNS TABLE (project_id bigint, seq bigint, on_day int, actor text,
    status text, stage text, target_launch int, spec_missing int)
LANGUAGE sql STABLE AS $$
	SELECT project_id, id, api.day(effective_on), actor, status, stage,
	    api.day(target_launch_on),
	    (CASE WHEN decision IS NULL THEN 1 ELSE 0 END) |
	    (CASE WHEN primary_metric IS NULL THEN 2 ELSE 0 END) |
	    (CASE WHEN secondary_constraint IS NULL THEN 4 ELSE 0 END) |
	    (CASE WHEN worse_error IS NULL THEN 8 ELSE 0 END) |
	    (CASE WHEN fallback IS NULL THEN 16 ELSE 0 END) |
	    (CASE WHEN monitoring_trigger IS NULL THEN 32 ELSE 0 END) |
	    (CASE WHEN baseline IS NULL THEN 64 ELSE 0 END)
	FROM project_versions ORDER BY project_id, id
$$;

CREATE FUNCTION api.facts_plans()
RETURNS TABLE (project_id bigint, seq bigint, on_day int, actor text,
    stage text, planned_start int, planned_end int)
LANGUAGE sql STABLE AS $$
	SELECT project_id, id, api.day(effective_on), actor, stage,
	    api.day(planned_start), api.day(planned_end)
	FROM plan_versions ORDER BY project_id, id
$$;

-- expects: bit 0 DS, bit 1 MLE, bit 2 SWE.
CREATE FUNCTION api.facts_responsibilities()
RETURNS TABLE (project_id bigint, key text, name text, needed_by text,
    expects int)
LANGUAGE sql STABLE AS $$
	SELECT project_id, key, name, needed_by,
	    (CASE WHEN expects_ds THEN 1 ELSE 0 END) |
	    (CASE WHEN expects_mle THEN 2 ELSE 0 END) |
	    (CASE WHEN expects_swe THEN 4 ELSE 0 END)
	FROM responsibilities ORDER BY project_id, position
$$;

CREATE FUNCTION api.facts_cells()
RETURNS TABLE (project_id bigint, responsibility text, role text,
    seq bigint, on_day int, actor text, person_id bigint)
LANGUAGE sql STABLE AS $$
	SELECT project_id, responsibility, role, id, api.day(effective_on),
	    actor, coalesce(person_id, 0)
	FROM ownership_versions ORDER BY project_id, id
$$;

CREATE FUNCTION api.facts_checkpoints()
RETURNS TABLE (project_id bigint, checkpoint_id bigint, title text,
    stage text, seq bigint, on_day int, actor text, status text, due int,
    completed int, deleted boolean)
LANGUAGE sql STABLE AS $$
	SELECT c.project_id, c.id, c.title, c.stage, v.id,
	    api.day(v.effective_on), v.actor, v.status, api.day(v.due_on),
	    api.day(v.completed_on), v.deleted
	FROM checkpoints c JOIN checkpoint_versions v ON v.checkpoint_id = c.id
	ORDER BY c.project_id, c.id, v.id
$$;

-- Every handoff of every project; the version columns are NULL for a
-- handoff never offered.
CREATE FUNCTION api.facts_handoffs()
RETURNS TABLE (project_id bigint, key text, name text, leads_into text,
    seq bigint, on_day int, actor text, from_id bigint, to_id bigint,
    offered int, accepted int)
LANGUAGE sql STABLE AS $$
	SELECT h.project_id, h.key, k.name, k.leads_into, v.id,
	    api.day(v.effective_on), v.actor, coalesce(v.from_id, 0),
	    coalesce(v.to_id, 0), api.day(v.offered_on),
	    api.day(v.accepted_on)
	FROM handoffs h
	JOIN handoff_kinds k ON k.key = h.key
	LEFT JOIN handoff_versions v ON v.project_id = h.project_id
	    AND v.key = h.key
	ORDER BY h.project_id, h.key, v.id
$$;

-- The days on which anything about a project was recorded.
CREATE FUNCTION api.facts_changes()
RETURNS TABLE (project_id bigint, on_day int)
LANGUAGE sql STABLE AS $$
	SELECT DISTINCT project_id, api.day(recorded_on)
	FROM audit_log WHERE project_id IS NOT NULL
	ORDER BY 1, 2
$$;

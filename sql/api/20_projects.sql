-- Projects, their plan, stage moves and history, and the whole project as
-- one document.

-- The flat fields of a project, as listed and as recorded in the audit log.
CREATE FUNCTION api.project_json(r projects) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object(
	    'id', r.id,
	    'name', r.name,
	    'pm', api.person_ref(r.pm_id),
	    'status', r.status,
	    'stage', r.stage,
	    'kickoff_on', r.kickoff_on,
	    'target_launch_on', r.target_launch_on,
	    'created_on', r.created_on,
	    'updated_at', api.ts(r.updated_at),
	    'version', r.version,
	    'spec', json_build_object(
		'decision', r.decision,
		'primary_metric', r.primary_metric,
		'secondary_constraint', r.secondary_constraint,
		'worse_error', r.worse_error,
		'fallback', r.fallback,
		'monitoring_trigger', r.monitoring_trigger,
		'baseline', r.baseline,
		'data_outcome_logged', r.data_outcome_logged,
		'data_history', r.data_history,
		'data_label_quality', r.data_label_quality,
		'data_examples', r.data_examples))
$$;

CREATE FUNCTION api.project_snapshot(p jsonb, r projects) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO project_versions (project_id, actor, effective_on, name,
	    pm_id, status, stage, target_launch_on, decision, primary_metric,
	    secondary_constraint, worse_error, fallback, monitoring_trigger,
	    baseline, data_outcome_logged, data_history, data_label_quality,
	    data_examples)
	VALUES (r.id, api.actor(p), api.today(p), r.name, r.pm_id, r.status, r.stage,
	    r.target_launch_on, r.decision, r.primary_metric,
	    r.secondary_constraint, r.worse_error, r.fallback,
	    r.monitoring_trigger, r.baseline, r.data_outcome_logged,
	    r.data_history, r.data_label_quality, r.data_examples);
END
$$;

CREATE FUNCTION api.project_locked(p jsonb) RETURNS projects
LANGUAGE plpgsql AS $$
DECLARE
	r	projects;
BEGIN
	SELECT * INTO r FROM projects WHERE id = api.path_id(p, 'project')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;
	RETURN r;
END
$$;

CREATE FUNCTION api.project_exists(p jsonb) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM projects
	    WHERE id = api.path_id(p, 'project')) THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;
	RETURN api.path_id(p, 'project');
END
$$;

-- One box of the matrix, from values already joined (no lookups: the
-- project document builds sixteen rows of three).
CREATE FUNCTION api.cell_value(p_expected boolean, p_version int,
    p_person bigint, p_name text, p_active boolean) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('expected', p_expected,
	    'person', CASE WHEN p_person IS NULL THEN NULL
		ELSE json_build_object('id', p_person, 'name', p_name,
		'active', p_active) END,
	    'version', p_version)
$$;

-- The whole project in one document, assembled in one statement.
-- PL/pgSQL rather than SQL so that the statement's plan is cached for the
-- session instead of being planned at every call.
CREATE FUNCTION api.project_document(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (WITH periods AS (
		SELECT to_stage, effective_on AS entered_on,
		    lead(effective_on) OVER (ORDER BY id) AS left_on, id
		FROM stage_transitions WHERE project_id = p_id
	)
	SELECT api.json_concat(api.project_json(pr), json_build_object(
	    'template_version', pr.template_version,
	    'stages', (SELECT json_agg(json_build_object(
		'key', s.key, 'name', s.name, 'position', s.position,
		'done_looks_like', s.done_looks_like,
		'planned_start', sp.planned_start,
		'planned_end', sp.planned_end,
		'current', s.key = pr.stage,
		'periods', coalesce((SELECT json_agg(json_build_object(
		    'entered_on', pe.entered_on, 'left_on', pe.left_on)
		    ORDER BY pe.id) FROM periods pe WHERE pe.to_stage = s.key),
		    '[]'::json))
		ORDER BY s.position)
		FROM stages s JOIN stage_plans sp
		    ON sp.stage = s.key AND sp.project_id = p_id),
	    'transitions', coalesce((SELECT json_agg(json_build_object(
		'from', t.from_stage, 'to', t.to_stage, 'on', t.effective_on,
		'actor', t.actor, 'note', t.note, 'at', api.ts(t.at))
		ORDER BY t.id)
		FROM stage_transitions t WHERE t.project_id = p_id),
		'[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(api.checkpoint_json(c)
		ORDER BY c.due_on, c.id)
		FROM checkpoints c
		WHERE c.project_id = p_id AND c.deleted_on IS NULL),
		'[]'::json),
	    'launch_moves', coalesce((SELECT json_agg(json_build_object(
		'from_launch_on', m.from_launch_on,
		'to_launch_on', m.to_launch_on, 'reason', m.reason,
		'on', m.effective_on, 'actor', m.actor, 'at', api.ts(m.at))
		ORDER BY m.id)
		FROM launch_moves m WHERE m.project_id = p_id), '[]'::json),
	    'handoffs', (SELECT json_agg(api.handoff_json(h) ORDER BY h.key)
		FROM handoffs h WHERE h.project_id = p_id),
	    'ownership', (SELECT json_agg(json_build_object(
		'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		'handoff', r.handoff, 'added_on', r.added_on,
		'ds', api.cell_value(r.expects_ds, ods.version, pds.id,
		    pds.name, pds.active),
		'mle', api.cell_value(r.expects_mle, omle.version, pmle.id,
		    pmle.name, pmle.active),
		'swe', api.cell_value(r.expects_swe, oswe.version, pswe.id,
		    pswe.name, pswe.active))
		ORDER BY r.position)
		FROM responsibilities r
		LEFT JOIN ownership ods ON ods.project_id = r.project_id
		    AND ods.responsibility = r.key AND ods.role = 'ds'
		LEFT JOIN people pds ON pds.id = ods.person_id
		LEFT JOIN ownership omle ON omle.project_id = r.project_id
		    AND omle.responsibility = r.key AND omle.role = 'mle'
		LEFT JOIN people pmle ON pmle.id = omle.person_id
		LEFT JOIN ownership oswe ON oswe.project_id = r.project_id
		    AND oswe.responsibility = r.key AND oswe.role = 'swe'
		LEFT JOIN people pswe ON pswe.id = oswe.person_id
		WHERE r.project_id = p_id AND r.removed_on IS NULL),
	    'readiness', api.readiness_doc(p_id)))
	FROM projects pr WHERE pr.id = p_id);
END
$$;

-- The plan between a start and the launch: the one place it is computed.
--
-- The stages from position p_from up to the one before the last (framing
-- to production for a new project) fill the days p_start .. p_launch - 1,
-- back to back, in proportion to their template lengths (7 *
-- default_weeks), each at least its min_days; the last stage (monitoring)
-- starts at the launch and lasts p_last_days (default: its template's
-- length).
--
-- In whole days: a stage whose share would be under its minimum gets the
-- minimum and the others share what is left, again until none is under;
-- then the others' shares are rounded at their running totals (half up,
-- in integers), so the lengths add up to the window exactly, never go
-- under a minimum, and the same input always gives the same plan.  A
-- window shorter than the minimums together is refused, naming
-- target_launch_on, the shortest window and the earliest launch that fits.
CREATE FUNCTION api.plan_fit(p_version int, p_start date, p_launch date,
    p_from int, p_last_days int DEFAULT NULL)
RETURNS TABLE (stage text, planned_start date, planned_end date)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	keys	text[];
	w	bigint[];
	m	int[];
	fixed	boolean[];
	len	int[];
	n	int;
	i	int;
	span	int := p_launch - p_start;
	need	int;
	rest	bigint;
	wsum	bigint;
	cum	bigint;
	prev	bigint;
	cur	bigint;
	more	boolean;
	d	date := p_start;
	fin	stages;
	finw	int;
BEGIN
	SELECT * INTO fin FROM stages ORDER BY position DESC LIMIT 1;
	SELECT t.weeks INTO finw FROM stage_templates t
	WHERE t.version = p_version AND t.stage = fin.key;
	SELECT coalesce(array_agg(s.key ORDER BY s.position), '{}'),
	    coalesce(array_agg(7 * t.weeks ORDER BY s.position), '{}'),
	    coalesce(array_agg(s.min_days ORDER BY s.position), '{}'),
	    coalesce(sum(s.min_days), 0)
	INTO keys, w, m, need
	FROM stages s JOIN stage_templates t ON t.stage = s.key
	    AND t.version = p_version
	WHERE s.position >= p_from AND s.position < fin.position;
	n := cardinality(keys);

	IF span < need THEN
		PERFORM api.fail('HF400', format('target_launch_on %s ' ||
		    'leaves %s days from %s for the stages before the ' ||
		    'launch; they need at least %s: the earliest launch ' ||
		    'that fits is %s', p_launch, span, p_start, need,
		    p_start + need), 'target_launch_on');
	END IF;

	-- Minimums first, as often as a share falls under one.
	fixed := array_fill(false, ARRAY[n]);
	LOOP
		rest := span;
		wsum := 0;
		FOR i IN 1 .. n LOOP
			IF fixed[i] THEN
				rest := rest - m[i];
			ELSE
				wsum := wsum + w[i];
			END IF;
		END LOOP;
		more := false;
		FOR i IN 1 .. n LOOP
			IF NOT fixed[i] AND rest * w[i] < m[i] * wsum THEN
				fixed[i] := true;
				more := true;
			END IF;
		END LOOP;
		EXIT WHEN NOT more;
	END LOOP;

	-- The rest in proportion, rounded at the running total.
	cum := 0;
	prev := 0;
	len := array_fill(0, ARRAY[n]);
	FOR i IN 1 .. n LOOP
		IF fixed[i] THEN
			len[i] := m[i];
		ELSE
			cum := cum + w[i];
			cur := (2 * rest * cum + wsum) / (2 * wsum);
			len[i] := cur - prev;
			prev := cur;
		END IF;
	END LOOP;

	FOR i IN 1 .. n LOOP
		stage := keys[i];
		planned_start := d;
		planned_end := d + len[i] - 1;
		d := d + len[i];
		RETURN NEXT;
	END LOOP;

	stage := fin.key;
	planned_start := p_launch;
	planned_end := p_launch + greatest(coalesce(p_last_days,
	    7 * finw), 1) - 1;
	RETURN NEXT;
END
$$;

-- A new target launch (project_patch, with its reason): kept in the
-- launch ledger; the checkpoints anchored to the launch that are still
-- open move by as many days, each move a slip with the launch move as its
-- reason; and the part of the plan not started yet is fitted again
-- between the current stage and the new launch (api.plan_fit), each stage
-- that changes a new plan version.  The current stage keeps its dates,
-- unless it is the last one before the launch (production), which keeps
-- its start and ends at the launch; in the last stage (monitoring)
-- nothing of the plan moves.  Returns the stages that moved, as a PATCH's
-- "plan" says them.
CREATE FUNCTION api.launch_move(p jsonb, old projects, r projects,
    p_reason text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
	today	date := api.today(p);
	delta	int := r.target_launch_on - old.target_launch_on;
	slip	text := format('launch moved from %s to %s: %s',
	    old.target_launch_on, r.target_launch_on, p_reason);
	cur	record;
	lastp	int;
	ws	date;
	wfrom	int;
	f	record;
	sp	stage_plans;
	c	checkpoints;
	c2	checkpoints;
	moved	jsonb := '{}';
BEGIN
	INSERT INTO launch_moves (project_id, from_launch_on, to_launch_on,
	    reason, effective_on, actor)
	VALUES (r.id, old.target_launch_on, r.target_launch_on, p_reason,
	    today, api.actor(p));

	FOR c IN SELECT ch.* FROM checkpoints ch
	    JOIN checkpoint_templates t ON t.position = ch.template
		AND t.version = r.template_version
	    WHERE ch.project_id = r.id AND t.anchor = 'launch'
	      AND ch.deleted_on IS NULL
	      AND ch.status NOT IN ('done', 'waived')
	    ORDER BY ch.id FOR UPDATE OF ch LOOP
		UPDATE checkpoints SET due_on = c.due_on + delta,
		    version = version + 1, updated_at = now()
		WHERE id = c.id
		RETURNING * INTO c2;
		INSERT INTO checkpoint_slips (checkpoint_id, from_due_on,
		    to_due_on, reason, effective_on, actor)
		VALUES (c.id, c.due_on, c2.due_on, slip, today, api.actor(p));
		PERFORM api.checkpoint_snapshot(p, c2, today);
		PERFORM api.audit(p, r.id, 'checkpoint', c.id::text, 'slip',
		    api.checkpoint_json(c), api.json_merge(
		    api.checkpoint_json(c2), json_build_object('reason',
		    slip)));
	END LOOP;

	SELECT max(position) INTO lastp FROM stages;
	SELECT s.position, sp2.planned_start, sp2.planned_end INTO cur
	FROM stages s JOIN stage_plans sp2 ON sp2.stage = s.key
	    AND sp2.project_id = r.id
	WHERE s.key = r.stage;
	IF cur.position >= lastp THEN
		RETURN moved;
	ELSIF cur.position = lastp - 1 THEN
		ws := cur.planned_start;
		wfrom := cur.position;
	ELSE
		ws := cur.planned_end + 1;
		wfrom := cur.position + 1;
	END IF;

	SELECT x.* INTO sp FROM stage_plans x JOIN stages s ON s.key = x.stage
	WHERE x.project_id = r.id AND s.position = lastp;
	FOR f IN SELECT * FROM api.plan_fit(r.template_version, ws,
	    r.target_launch_on, wfrom,
	    sp.planned_end - sp.planned_start + 1) LOOP
		UPDATE stage_plans x SET planned_start = f.planned_start,
		    planned_end = f.planned_end
		WHERE x.project_id = r.id AND x.stage = f.stage
		  AND (x.planned_start, x.planned_end) IS DISTINCT FROM
		    (f.planned_start, f.planned_end);
		CONTINUE WHEN NOT FOUND;
		INSERT INTO plan_versions (project_id, actor, stage,
		    effective_on, planned_start, planned_end)
		VALUES (r.id, api.actor(p), f.stage, today, f.planned_start,
		    f.planned_end);
		moved := moved || jsonb_build_object(f.stage,
		    jsonb_build_object('start', f.planned_start, 'end',
		    f.planned_end));
	END LOOP;
	RETURN moved;
END
$$;

-- POST /api/v1/projects: the project plus everything the templates give it.
CREATE FUNCTION api.project_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	s	jsonb := coalesce(p->'body'->'spec', '{}'::jsonb);
	today	date := api.today(p);
	r	projects;
BEGIN
	PERFORM api.check_person((b->>'pm_id')::bigint, 'pm_id', true);
	IF (b->>'target_launch_on')::date < (b->>'kickoff_on')::date THEN
		PERFORM api.fail('HF400', 'target_launch_on must not be ' ||
		    'before kickoff_on', 'target_launch_on');
	END IF;
	-- A second project of the same name (a double-submitted kickoff) is
	-- indistinguishable in the digest: only on purpose.
	IF NOT coalesce((b->>'confirm_duplicate')::boolean, false) AND
	    EXISTS (SELECT 1 FROM projects
	    WHERE lower(name) = lower(b->>'name')) THEN
		PERFORM api.fail('HF409', format('a project named %s already ' ||
		    'exists', b->>'name'), 'name');
	END IF;

	INSERT INTO projects (name, pm_id, kickoff_on, target_launch_on,
	    status, decision, primary_metric, secondary_constraint,
	    worse_error, fallback, monitoring_trigger, baseline,
	    data_outcome_logged, data_history, data_label_quality,
	    data_examples, created_on, template_version)
	VALUES (b->>'name', (b->>'pm_id')::bigint, (b->>'kickoff_on')::date,
	    (b->>'target_launch_on')::date,
	    coalesce(b->>'status', 'active'),
	    api.text_or_null(s->>'decision'),
	    api.text_or_null(s->>'primary_metric'),
	    api.text_or_null(s->>'secondary_constraint'),
	    api.text_or_null(s->>'worse_error'),
	    api.text_or_null(s->>'fallback'),
	    api.text_or_null(s->>'monitoring_trigger'),
	    api.text_or_null(s->>'baseline'),
	    api.text_or_null(s->>'data_outcome_logged'),
	    api.text_or_null(s->>'data_history'),
	    api.text_or_null(s->>'data_label_quality'),
	    api.text_or_null(s->>'data_examples'),
	    today, api.template_current())
	RETURNING * INTO r;

	PERFORM api.project_snapshot(p, r);

	-- In framing since the kickoff (or today, for a planned kickoff).
	INSERT INTO stage_transitions (project_id, from_stage, to_stage,
	    effective_on, actor, note)
	VALUES (r.id, NULL, 'framing', least(r.kickoff_on, today),
	    api.actor(p), 'kickoff');

	-- The stages from the kickoff to the launch (api.plan_fit).
	INSERT INTO stage_plans (project_id, stage, planned_start, planned_end)
	SELECT r.id, f.stage, f.planned_start, f.planned_end
	FROM api.plan_fit(r.template_version, r.kickoff_on,
	    r.target_launch_on, 1) f;

	INSERT INTO plan_versions (project_id, actor, stage, effective_on,
	    planned_start, planned_end)
	SELECT project_id, api.actor(p), stage, today, planned_start,
	    planned_end
	FROM stage_plans WHERE project_id = r.id;

	INSERT INTO checkpoints (project_id, stage, title, due_on,
	    original_due_on, decision, template, created_on)
	SELECT r.id, t.stage, t.title, d.due, d.due, t.decision, t.position,
	    today
	FROM checkpoint_templates t,
	LATERAL (SELECT CASE t.anchor
	    WHEN 'kickoff' THEN r.kickoff_on + 7 * t.week_offset
	    ELSE r.target_launch_on + 7 * t.week_offset END AS due) d
	WHERE t.version = r.template_version
	ORDER BY t.position;

	INSERT INTO checkpoint_versions (checkpoint_id, actor, effective_on,
	    stage, title, status, due_on, owner_id, note)
	SELECT id, api.actor(p), today, stage, title, status, due_on,
	    owner_id, note
	FROM checkpoints WHERE project_id = r.id
	ORDER BY id;

	INSERT INTO responsibilities (project_id, key, position, name,
	    needed_by, expects_ds, expects_mle, expects_swe, handoff,
	    assign_at_kickoff)
	SELECT r.id, key, position, name, needed_by, expects_ds, expects_mle,
	    expects_swe, handoff, assign_at_kickoff
	FROM responsibility_templates
	WHERE version = r.template_version;

	INSERT INTO ownership (project_id, responsibility, role)
	SELECT r.id, t.key, role.name
	FROM responsibility_templates t,
	    unnest(ARRAY['ds', 'mle', 'swe']) AS role(name)
	WHERE t.version = r.template_version;

	INSERT INTO handoffs (project_id, key)
	SELECT r.id, key FROM handoff_kinds;

	PERFORM api.audit(p, r.id, 'project', r.id::text, 'create', NULL,
	    api.project_json(r));
	RETURN api.project_document(r.id);
END
$$;

-- GET /api/v1/projects/{id}
CREATE FUNCTION api.project_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN api.project_doc(api.project_exists(p));
END
$$;


-- PATCH /api/v1/projects/{id}: fields, spec (partial) and plan (partial).
CREATE FUNCTION api.project_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	s	jsonb := p->'body'->'spec';
	old	projects;
	r	projects;
	st	record;
	ps	date;
	pe	date;
	reason	text := api.text_or_null(p->'body'->>'reason');
	plan	jsonb := '{}';
BEGIN
	old := api.project_locked(p);
	PERFORM api.check_version(p, old.version, 'this project');

	IF api.has(p, 'pm_id') THEN
		PERFORM api.check_person((b->>'pm_id')::bigint, 'pm_id', true);
	END IF;
	IF coalesce((b->>'target_launch_on')::date, old.target_launch_on) <
	    coalesce((b->>'kickoff_on')::date, old.kickoff_on) THEN
		PERFORM api.fail('HF400', 'target_launch_on must not be ' ||
		    'before kickoff_on', CASE WHEN api.has(p, 'kickoff_on')
		    THEN 'kickoff_on' ELSE 'target_launch_on' END);
	END IF;

	-- A new target launch is never silent: it needs a reason, which the
	-- launch ledger keeps.
	IF coalesce((b->>'target_launch_on')::date, old.target_launch_on) <>
	    old.target_launch_on THEN
		IF reason IS NULL THEN
			PERFORM api.fail('HF400', 'a new target_launch_on ' ||
			    'needs a reason', 'reason');
		END IF;
	ELSIF api.has(p, 'reason') AND coalesce(b->>'status', old.status) =
	    old.status THEN
		-- A status change (pause, ship, cancel, reactivate) may say
		-- why too: the history keeps it.
		PERFORM api.fail('HF400', 'a reason goes with a new ' ||
		    'target_launch_on or a new status', 'reason');
	END IF;

	UPDATE projects SET
	    name = CASE WHEN api.has(p, 'name') THEN b->>'name' ELSE name END,
	    pm_id = CASE WHEN api.has(p, 'pm_id')
		THEN (b->>'pm_id')::bigint ELSE pm_id END,
	    kickoff_on = CASE WHEN api.has(p, 'kickoff_on')
		THEN (b->>'kickoff_on')::date ELSE kickoff_on END,
	    target_launch_on = CASE WHEN api.has(p, 'target_launch_on')
		THEN (b->>'target_launch_on')::date ELSE target_launch_on END,
	    status = CASE WHEN api.has(p, 'status')
		THEN b->>'status' ELSE status END,
	    decision = CASE WHEN s ? 'decision'
		THEN api.text_or_null(s->>'decision') ELSE decision END,
	    primary_metric = CASE WHEN s ? 'primary_metric'
		THEN api.text_or_null(s->>'primary_metric')
		ELSE primary_metric END,
	    secondary_constraint = CASE WHEN s ? 'secondary_constraint'
		THEN api.text_or_null(s->>'secondary_constraint')
		ELSE secondary_constraint END,
	    worse_error = CASE WHEN s ? 'worse_error'
		THEN api.text_or_null(s->>'worse_error') ELSE worse_error END,
	    fallback = CASE WHEN s ? 'fallback'
		THEN api.text_or_null(s->>'fallback') ELSE fallback END,
	    monitoring_trigger = CASE WHEN s ? 'monitoring_trigger'
		THEN api.text_or_null(s->>'monitoring_trigger')
		ELSE monitoring_trigger END,
	    baseline = CASE WHEN s ? 'baseline'
		THEN api.text_or_null(s->>'baseline') ELSE baseline END,
	    data_outcome_logged = CASE WHEN s ? 'data_outcome_logged'
		THEN api.text_or_null(s->>'data_outcome_logged')
		ELSE data_outcome_logged END,
	    data_history = CASE WHEN s ? 'data_history'
		THEN api.text_or_null(s->>'data_history') ELSE data_history END,
	    data_label_quality = CASE WHEN s ? 'data_label_quality'
		THEN api.text_or_null(s->>'data_label_quality')
		ELSE data_label_quality END,
	    data_examples = CASE WHEN s ? 'data_examples'
		THEN api.text_or_null(s->>'data_examples')
		ELSE data_examples END,
	    version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;

	IF r.target_launch_on <> old.target_launch_on THEN
		plan := api.launch_move(p, old, r, reason);
	END IF;

	FOR st IN SELECT key, value FROM jsonb_each(coalesce(b->'plan',
	    '{}'::jsonb)) LOOP
		SELECT planned_start, planned_end INTO ps, pe FROM stage_plans
		WHERE project_id = r.id AND stage = st.key;
		-- A stage sent as it stands (the page's form sends every
		-- stage) is no change: no plan version, not in the history.
		IF (coalesce((st.value->>'start')::date, ps),
		    coalesce((st.value->>'end')::date, pe)) IS NOT DISTINCT FROM
		    (ps, pe) THEN
			CONTINUE;
		END IF;
		ps := coalesce((st.value->>'start')::date, ps);
		pe := coalesce((st.value->>'end')::date, pe);
		IF pe < ps THEN
			PERFORM api.fail('HF400', format('%s would end ' ||
			    'before it starts', (SELECT name FROM stages
			    WHERE key = st.key)),
			    format('plan.%s.end', st.key));
		END IF;
		UPDATE stage_plans SET planned_start = ps, planned_end = pe
		WHERE project_id = r.id AND stage = st.key;
		INSERT INTO plan_versions (project_id, actor, stage,
		    effective_on, planned_start, planned_end)
		VALUES (r.id, api.actor(p), st.key, api.today(p), ps, pe);
		plan := plan || jsonb_build_object(st.key, st.value);
	END LOOP;

	PERFORM api.project_snapshot(p, r);
	PERFORM api.audit(p, r.id, 'project', r.id::text,
	    CASE WHEN r.target_launch_on <> old.target_launch_on
		THEN 'launch_move' ELSE 'update' END,
	    api.project_json(old), api.json_merge(api.project_json(r),
	    json_strip_nulls(json_build_object(
		'plan', CASE WHEN plan <> '{}' THEN plan END,
		'reason', reason))));
	RETURN api.project_document(r.id);
END
$$;

-- POST /api/v1/projects/{id}/stage {"stage": "...", "note": "...",
-- "override": true, "reason": "..."}.  A move forward past unmet gates
-- (api.stage_gates) is refused with the gates (409) unless it carries an
-- override with a reason; the override is kept (stage_overrides) and in
-- the history entry, with the gates it passed over.
CREATE FUNCTION api.project_stage(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b		jsonb := p->'body';
	old		projects;
	r		projects;
	gates		jsonb;
	override	boolean := coalesce((b->>'override')::boolean, false);
	reason		text := api.text_or_null(b->>'reason');
	n		int;
BEGIN
	old := api.project_locked(p);
	PERFORM api.check_version(p, old.version, 'this project');

	IF old.stage = b->>'stage' THEN
		PERFORM api.fail('HF409', format('the project is already in ' ||
		    'the %s stage', old.stage), 'stage');
	END IF;
	IF override AND reason IS NULL THEN
		PERFORM api.fail('HF400', 'an override of unmet gates needs ' ||
		    'a reason', 'reason');
	ELSIF NOT override AND reason IS NOT NULL THEN
		PERFORM api.fail('HF400', 'a reason goes with an override ' ||
		    'of unmet gates', 'reason');
	END IF;

	gates := api.stage_gates(old.id, old.stage, b->>'stage');
	n := jsonb_array_length(gates);
	IF n > 0 AND NOT override THEN
		-- The first five in the message, every one in the data.
		PERFORM api.fail_with('HF409', format('%s unmet gate%s before ' ||
		    '%s: %s%s; move anyway with an override and a reason', n,
		    CASE WHEN n = 1 THEN '' ELSE 's' END,
		    (SELECT name FROM stages WHERE key = b->>'stage'),
		    (SELECT string_agg(g.value->>'text', '; ' ORDER BY g.i)
			FROM jsonb_array_elements(gates) WITH ORDINALITY
			g(value, i) WHERE g.i <= 5),
		    CASE WHEN n > 5 THEN format(' and %s more', n - 5) END),
		    'stage', jsonb_build_object('gates', gates));
	END IF;

	UPDATE projects SET stage = b->>'stage', version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;

	INSERT INTO stage_transitions (project_id, from_stage, to_stage,
	    effective_on, actor, note)
	VALUES (r.id, old.stage, r.stage, api.today(p), api.actor(p),
	    api.text_or_null(b->>'note'));
	IF n > 0 THEN
		INSERT INTO stage_overrides (project_id, from_stage, to_stage,
		    effective_on, actor, reason, gates)
		VALUES (r.id, old.stage, r.stage, api.today(p), api.actor(p),
		    reason, gates);
	END IF;

	PERFORM api.project_snapshot(p, r);
	PERFORM api.audit(p, r.id, 'project', r.id::text,
	    CASE WHEN (SELECT position FROM stages WHERE key = r.stage) >
		(SELECT position FROM stages WHERE key = old.stage)
		THEN 'stage_forward' ELSE 'stage_back' END,
	    json_build_object('stage', old.stage),
	    api.json_merge(json_build_object('stage', r.stage, 'note',
		api.text_or_null(b->>'note')), CASE WHEN n > 0
		THEN json_build_object('override', json_build_object(
		    'reason', reason, 'gates', (SELECT json_agg(g->>'text')
		    FROM jsonb_array_elements(gates) g))) END));
	RETURN api.project_document(r.id);
END
$$;

-- GET /api/v1/projects/{id}/history?limit=&offset=: newest first.
-- A value of a history entry in words: a person (or any {name}) by
-- name, an empty one as null.
CREATE FUNCTION api.history_value(v jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN NULL
	    WHEN jsonb_typeof(v) = 'object' THEN v->>'name'
	    WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}'
	    ELSE v::text END
$$;

-- What changed between two versions of a record, field by field (a spec
-- answer as spec.KEY), the bookkeeping left out: [{field, before,
-- after}], in words (api.history_value).
CREATE FUNCTION api.history_changes(b jsonb, a jsonb) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	RETURN (SELECT coalesce(json_agg(json_build_object('field', x.field,
		    'before', api.history_value(x.bv), 'after', api.history_value(x.av))
		    ORDER BY x.field), '[]'::json)
		FROM (SELECT k AS field, b->k AS bv, a->k AS av
		    FROM (SELECT jsonb_object_keys(coalesce(a, '{}'::jsonb)) UNION
			SELECT jsonb_object_keys(coalesce(b, '{}'::jsonb))) f(k)
		    WHERE k NOT IN ('version', 'updated_at', 'slips', 'spec',
			'override')
		    UNION ALL
		    SELECT 'spec.' || k, b->'spec'->k, a->'spec'->k
		    FROM (SELECT jsonb_object_keys(coalesce(a->'spec', '{}'::jsonb))
			UNION SELECT jsonb_object_keys(coalesce(b->'spec',
			'{}'::jsonb))) f(k)) x
		WHERE b IS NOT NULL AND a IS NOT NULL AND
		    x.bv IS DISTINCT FROM x.av);
END
$$;

-- What a history entry is about, in words: the project, a checkpoint's
-- title, a responsibility's name and role, a handoff's name.
CREATE FUNCTION api.history_subject(p_project bigint, a audit_log)
RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT CASE a.entity
		    WHEN 'project' THEN NULL
		    WHEN 'checkpoint' THEN coalesce(a.after->>'title',
			a.before->>'title')
		    WHEN 'ownership' THEN (SELECT r.name || ', ' ||
			upper(split_part(a.entity_id, '/', 2))
			FROM responsibilities r WHERE r.project_id = p_project AND
			r.key = split_part(a.entity_id, '/', 1))
		    WHEN 'handoff' THEN coalesce(a.after->>'name', 'handoff ' ||
			upper(a.entity_id))
		    WHEN 'responsibility' THEN coalesce(a.after->>'name',
			a.before->>'name')
		    ELSE NULL END);
END
$$;

-- A page of a project's history, newest first, each entry with its
-- actor's name, its subject and its changes in words.
CREATE FUNCTION api.project_history(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object(
	    'entries', coalesce((SELECT json_agg(json_build_object(
		'id', a.id, 'at', api.ts(a.at), 'recorded_on', a.recorded_on,
		'actor', a.actor, 'entity', a.entity,
		'entity_id', a.entity_id, 'action', a.action,
		'before', a.before, 'after', a.after,
		'actor_name', coalesce((SELECT x.name FROM people x
		    WHERE x.id = a.person_id), (SELECT x.name FROM people x
		    WHERE lower(x.email) = lower(a.actor) ORDER BY x.id
		    LIMIT 1), (SELECT u.name FROM users u
		    WHERE lower(u.email) = lower(a.actor)), a.actor),
		'subject', api.history_subject(v_project, a),
		'changes', api.history_changes(a.before, a.after))
		ORDER BY a.id DESC)
		FROM (SELECT * FROM audit_log WHERE project_id = v_project
		    ORDER BY audit_log.id DESC
		    LIMIT api.limit_of(p) OFFSET api.offset_of(p)) a),
		'[]'::json),
	    'total', (SELECT count(*) FROM audit_log
		WHERE project_id = v_project));
END
$$;

-- Checkpoints and their slip ledger.
--
-- A checkpoint's versions are in effect from the day of the change, except
-- a completion, which is in effect from its completed_on date: marking a
-- missed checkpoint done with an earlier date resolves the miss from then.

CREATE FUNCTION api.checkpoint_json(c checkpoints) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object(
	    'id', c.id,
	    'project_id', c.project_id,
	    'stage', c.stage,
	    'title', c.title,
	    'due_on', c.due_on,
	    'original_due_on', c.original_due_on,
	    'owner', api.person_ref(c.owner_id),
	    'status', c.status,
	    'completed_on', c.completed_on,
	    'decision', c.decision,
	    'outcome', c.outcome,
	    'evidence_url', c.evidence_url,
	    'note', c.note,
	    'version', c.version,
	    'slips', coalesce((SELECT json_agg(json_build_object(
		'from_due_on', s.from_due_on, 'to_due_on', s.to_due_on,
		'reason', s.reason, 'on', s.effective_on, 'actor', s.actor,
		'at', api.ts(s.at)) ORDER BY s.id)
		FROM checkpoint_slips s WHERE s.checkpoint_id = c.id),
		'[]'::json));
END
$$;

CREATE FUNCTION api.checkpoint_snapshot(p jsonb, c checkpoints, p_on date)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO checkpoint_versions (checkpoint_id, actor, effective_on,
	    stage, title, status, due_on, completed_on, owner_id, deleted,
	    note, outcome)
	VALUES (c.id, api.actor(p), p_on, c.stage, c.title, c.status, c.due_on,
	    c.completed_on, c.owner_id, c.deleted_on IS NOT NULL, c.note,
	    c.outcome);
END
$$;

CREATE FUNCTION api.checkpoint_locked(p jsonb) RETURNS checkpoints
LANGUAGE plpgsql AS $$
DECLARE
	c	checkpoints;
BEGIN
	-- A page's address names the project too: it must be the right one.
	SELECT * INTO c FROM checkpoints
	WHERE id = api.path_id(p, 'checkpoint') AND deleted_on IS NULL
	  AND (p->'path'->'project' IS NULL OR
	    project_id = api.path_id(p, 'project'))
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no checkpoint with id %s',
		    api.path_id(p, 'checkpoint')));
	END IF;
	RETURN c;
END
$$;

-- POST /api/v1/projects/{id}/checkpoints
CREATE FUNCTION api.checkpoint_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	pr	projects;
	c	checkpoints;
	answer	json;
BEGIN
	SELECT * INTO pr FROM projects WHERE id = api.path_id(p, 'project');
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;

	IF (b->>'due_on')::date < pr.kickoff_on AND
	    api.text_or_null(b->>'reason') IS NULL THEN
		PERFORM api.fail('HF400', format('due_on is before the ' ||
		    'kickoff date (%s); give a reason to allow it',
		    pr.kickoff_on), 'due_on');
	END IF;
	PERFORM api.check_person((b->>'owner_id')::bigint, 'owner_id', true);

	INSERT INTO checkpoints (project_id, stage, title, due_on,
	    original_due_on, owner_id, decision, evidence_url, note,
	    created_on)
	VALUES (pr.id, b->>'stage', b->>'title', (b->>'due_on')::date,
	    (b->>'due_on')::date, (b->>'owner_id')::bigint,
	    coalesce((b->>'decision')::boolean, false),
	    api.text_or_null(b->>'evidence_url'),
	    api.text_or_null(b->>'note'), api.today(p))
	RETURNING * INTO c;

	PERFORM api.checkpoint_snapshot(p, c, api.today(p));
	answer := api.checkpoint_json(c);
	PERFORM api.audit(p, pr.id, 'checkpoint', c.id::text, 'create', NULL,
	    api.json_merge(answer, CASE WHEN b ? 'reason'
	    THEN json_build_object('reason', b->>'reason') END));
	RETURN answer;
END
$$;

-- GET /api/v1/checkpoints/{id}
CREATE FUNCTION api.checkpoint_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	c	checkpoints;
BEGIN
	SELECT * INTO c FROM checkpoints
	WHERE id = api.path_id(p, 'checkpoint') AND deleted_on IS NULL;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no checkpoint with id %s',
		    api.path_id(p, 'checkpoint')));
	END IF;
	RETURN api.checkpoint_json(c);
END
$$;

-- Is the caller (p's user_id) of this role or above?  Roles are ordered
-- as the user_role vocabulary lists them.  Nobody (no user_id) is not.
CREATE FUNCTION api.role_at_least(p jsonb, p_role text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN coalesce((SELECT have.position >= need.position
	    FROM users u
	    JOIN vocabulary have ON have.kind = 'user_role' AND
		have.key = u.role
	    JOIN vocabulary need ON need.kind = 'user_role' AND
		need.key = p_role
	    WHERE u.id = (p->>'user_id')::bigint), false);
END
$$;

-- PATCH /api/v1/checkpoints/{id}
--
-- The route takes members; whether a checkpoint is a decision is the
-- PM's to say (README, "Who may do what"): a member who changes it is
-- refused (403 naming the field), one who sends it unchanged is not.
CREATE FUNCTION api.checkpoint_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b		jsonb := p->'body';
	today		date := api.today(p);
	old		checkpoints;
	c		checkpoints;
	kickoff		date;
	new_due		date;
	new_status	text;
	new_done	date;
	reason		text := api.text_or_null(p->'body'->>'reason');
	effective	date;
	waiver		json;
	answer		json;
BEGIN
	old := api.checkpoint_locked(p);
	PERFORM api.check_version(p, old.version, 'this checkpoint');
	IF api.has(p, 'decision') AND
	    (b->>'decision')::boolean IS DISTINCT FROM old.decision AND
	    NOT api.role_at_least(p, 'pm') THEN
		PERFORM api.fail('HF403', 'only a PM or an admin may change ' ||
		    'whether a checkpoint is a decision', 'decision');
	END IF;
	SELECT kickoff_on INTO kickoff FROM projects WHERE id = old.project_id;

	-- A new due date is never silent: it needs a reason.
	new_due := coalesce((b->>'due_on')::date, old.due_on);
	IF new_due <> old.due_on AND reason IS NULL THEN
		PERFORM api.fail('HF400', 'a new due_on needs a reason',
		    'reason');
	END IF;
	IF api.has(p, 'reason') AND new_due = old.due_on THEN
		PERFORM api.fail('HF400', 'a reason goes with a new due_on',
		    'reason');
	END IF;
	IF new_due < kickoff AND new_due <> old.due_on AND reason IS NULL THEN
		PERFORM api.fail('HF400', 'due_on is before the kickoff date',
		    'due_on');
	END IF;

	-- Status and completion date belong together.
	new_status := coalesce(b->>'status', old.status);
	IF new_status IN ('done', 'waived') THEN
		IF api.has(p, 'completed_on') THEN
			new_done := (b->>'completed_on')::date;
		ELSIF old.status IN ('done', 'waived') THEN
			new_done := old.completed_on;
		ELSE
			new_done := today;
		END IF;
		IF new_done > today THEN
			PERFORM api.fail('HF400', 'completed_on cannot be in ' ||
			    'the future', 'completed_on');
		END IF;
		IF new_done < kickoff THEN
			PERFORM api.fail('HF400', 'completed_on cannot be ' ||
			    'before the kickoff date', 'completed_on');
		END IF;
	ELSE
		IF api.has(p, 'completed_on') THEN
			PERFORM api.fail('HF400', format('completed_on goes ' ||
			    'with status done or waived, not %s', new_status),
			    'completed_on');
		END IF;
		new_done := NULL;
	END IF;

	IF api.has(p, 'outcome') AND b->>'outcome' IS NOT NULL AND
	    NOT coalesce((b->>'decision')::boolean, old.decision) THEN
		PERFORM api.fail('HF400', 'only a decision checkpoint takes ' ||
		    'an outcome (go, pivot or stop)', 'outcome');
	END IF;
	IF api.has(p, 'owner_id') THEN
		PERFORM api.check_person((b->>'owner_id')::bigint, 'owner_id',
		    true);
	END IF;

	UPDATE checkpoints SET
	    title = CASE WHEN api.has(p, 'title') THEN b->>'title' ELSE title END,
	    stage = CASE WHEN api.has(p, 'stage') THEN b->>'stage' ELSE stage END,
	    due_on = new_due,
	    owner_id = CASE WHEN api.has(p, 'owner_id')
		THEN (b->>'owner_id')::bigint ELSE owner_id END,
	    status = new_status,
	    completed_on = new_done,
	    decision = CASE WHEN api.has(p, 'decision')
		THEN (b->>'decision')::boolean ELSE decision END,
	    outcome = CASE WHEN api.has(p, 'outcome') THEN b->>'outcome'
		WHEN api.has(p, 'decision') AND NOT (b->>'decision')::boolean
		THEN NULL ELSE outcome END,
	    evidence_url = CASE WHEN api.has(p, 'evidence_url')
		THEN api.text_or_null(b->>'evidence_url') ELSE evidence_url END,
	    note = CASE WHEN api.has(p, 'note')
		THEN api.text_or_null(b->>'note') ELSE note END,
	    version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO c;

	-- The readiness review is not done while its checklist is open.
	waiver := api.readiness_gate(p, old, c);

	IF new_due <> old.due_on THEN
		INSERT INTO checkpoint_slips (checkpoint_id, from_due_on,
		    to_due_on, reason, effective_on, actor)
		VALUES (c.id, old.due_on, new_due, reason, today,
		    api.actor(p));
	END IF;

	-- A completion counts from its own date; anything else from today.
	effective := today;
	IF c.status IN ('done', 'waived') AND
	    (old.status NOT IN ('done', 'waived') OR
	     c.completed_on <> old.completed_on) THEN
		effective := c.completed_on;
	END IF;
	PERFORM api.checkpoint_snapshot(p, c, effective);

	answer := api.checkpoint_json(c);
	PERFORM api.audit(p, c.project_id, 'checkpoint', c.id::text,
	    CASE WHEN c.status <> old.status THEN 'status_' || c.status
		WHEN new_due <> old.due_on THEN 'slip'
		ELSE 'update' END,
	    api.checkpoint_json(old), api.json_merge(api.json_merge(
	    answer, CASE WHEN reason IS NOT NULL
	    THEN json_build_object('reason', reason) END), waiver));
	RETURN answer;
END
$$;

-- DELETE /api/v1/checkpoints/{id}: kept as history, gone from the plan.
CREATE FUNCTION api.checkpoint_delete(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	old	checkpoints;
	c	checkpoints;
BEGIN
	old := api.checkpoint_locked(p);
	PERFORM api.check_version(p, old.version, 'this checkpoint');

	UPDATE checkpoints SET deleted_on = api.today(p),
	    version = version + 1, updated_at = now()
	WHERE id = old.id
	RETURNING * INTO c;

	PERFORM api.checkpoint_snapshot(p, c, api.today(p));
	PERFORM api.audit(p, c.project_id, 'checkpoint', c.id::text, 'delete',
	    api.checkpoint_json(old), NULL);
	RETURN NULL;
END
$$;

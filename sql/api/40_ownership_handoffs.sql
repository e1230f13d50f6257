-- The ownership matrix and the four handoffs.

CREATE FUNCTION api.cell_json(o ownership, r responsibilities) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object(
	    'expected', CASE o.role WHEN 'ds' THEN r.expects_ds
		WHEN 'mle' THEN r.expects_mle ELSE r.expects_swe END,
	    'person', api.person_ref(o.person_id),
	    'version', o.version)
$$;

CREATE FUNCTION api.cell_document(o ownership) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT api.json_merge(json_build_object('project_id',
	    o.project_id, 'responsibility', r.key, 'name', r.name,
	    'needed_by', r.needed_by, 'role', o.role), api.cell_json(o, r))
	FROM responsibilities r
	WHERE r.project_id = o.project_id AND r.key = o.responsibility);
END
$$;

-- PUT (person) or DELETE (NULL) one cell of the matrix; or taken by the
-- person asking (api.ownership_take: p_action "take", with a note).
CREATE FUNCTION api.ownership_set(p jsonb, p_person bigint,
    p_action text DEFAULT NULL, p_note text DEFAULT NULL) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
	v_key		text := p->'path'->>'key';
	v_role		text := p->'path'->>'role';
	old		ownership;
	o		ownership;
BEGIN
	SELECT * INTO old FROM ownership
	WHERE project_id = v_project AND responsibility = v_key
	  AND role = v_role
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('project %s has no ' ||
		    'responsibility "%s" with a %s column', v_project, v_key,
		    v_role));
	END IF;
	PERFORM api.check_version(p, old.version, 'this ownership box');
	PERFORM api.check_person(p_person, 'person_id', true);

	-- Already so: nothing changes, nothing is recorded.
	IF old.person_id IS NOT DISTINCT FROM p_person THEN
		RETURN api.cell_document(old);
	END IF;

	UPDATE ownership SET person_id = p_person, version = version + 1,
	    updated_at = now()
	WHERE project_id = old.project_id AND responsibility = old.responsibility
	  AND role = old.role
	RETURNING * INTO o;

	INSERT INTO ownership_versions (project_id, actor, responsibility,
	    role, effective_on, person_id)
	VALUES (o.project_id, api.actor(p), o.responsibility, o.role,
	    api.today(p), o.person_id);

	PERFORM api.audit(p, o.project_id, 'ownership',
	    o.responsibility || '/' || o.role,
	    coalesce(p_action, CASE WHEN p_person IS NULL THEN 'clear'
		ELSE 'assign' END),
	    json_build_object('person', api.person_ref(old.person_id)),
	    api.json_merge(json_build_object('person',
		api.person_ref(o.person_id)), CASE WHEN p_note IS NOT NULL
		THEN json_build_object('note', p_note) END));
	RETURN api.cell_document(o);
END
$$;

-- PUT /api/v1/projects/{id}/ownership/{key}/{role} {"person_id": N}
CREATE FUNCTION api.ownership_put(p jsonb) RETURNS json
LANGUAGE sql AS $$
	SELECT api.ownership_set(p, (p->'body'->>'person_id')::bigint)
$$;

-- DELETE /api/v1/projects/{id}/ownership/{key}/{role}
CREATE FUNCTION api.ownership_delete(p jsonb) RETURNS json
LANGUAGE sql AS $$
	SELECT api.ownership_set(p, NULL)
$$;

-- PUT /api/v1/projects/{id}/ownership {"boxes": {"key/role":
-- {"person_id": N or null, "version": V}, ...}}: the whole matrix (or any
-- boxes of it) in one save, all or nothing: each box with the version it
-- was read at (its If-Match); one changed since is a 412 naming it
-- (boxes.key/role) and nothing is saved.
CREATE FUNCTION api.ownership_matrix_put(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
	box		record;
	v_person	bigint;
	old		ownership;
	o		ownership;
	changed		jsonb := '[]';
	same		int := 0;
BEGIN
	FOR box IN SELECT key, value FROM jsonb_each(p->'body'->'boxes')
	    ORDER BY key LOOP
		SELECT * INTO old FROM ownership
		WHERE project_id = v_project
		  AND responsibility = split_part(box.key, '/', 1)
		  AND role = split_part(box.key, '/', 2)
		FOR UPDATE;
		IF NOT FOUND THEN
			PERFORM api.fail('HF400', format('project %s has no box ' ||
			    '%s', v_project, box.key), 'boxes.' || box.key);
		END IF;
		IF (box.value->>'version')::int <> old.version THEN
			PERFORM api.fail('HF412', format('the box %s was ' ||
			    'changed by someone else; its current version is %s',
			    box.key, old.version), 'boxes.' || box.key);
		END IF;
		v_person := (box.value->>'person_id')::bigint;
		PERFORM api.check_person(v_person,
		    'boxes.' || box.key || '.person_id', true);
		IF old.person_id IS NOT DISTINCT FROM v_person THEN
			same := same + 1;
			CONTINUE;
		END IF;

		UPDATE ownership SET person_id = v_person,
		    version = version + 1, updated_at = now()
		WHERE project_id = old.project_id
		  AND responsibility = old.responsibility AND role = old.role
		RETURNING * INTO o;
		INSERT INTO ownership_versions (project_id, actor,
		    responsibility, role, effective_on, person_id)
		VALUES (o.project_id, api.actor(p), o.responsibility, o.role,
		    api.today(p), o.person_id);
		PERFORM api.audit(p, o.project_id, 'ownership',
		    o.responsibility || '/' || o.role,
		    CASE WHEN v_person IS NULL THEN 'clear' ELSE 'assign' END,
		    json_build_object('person', api.person_ref(old.person_id)),
		    json_build_object('person', api.person_ref(o.person_id)));
		changed := changed || jsonb_build_object('responsibility',
		    o.responsibility, 'role', o.role, 'person',
		    api.person_ref(o.person_id), 'version', o.version);
	END LOOP;

	RETURN json_build_object('project_id', v_project, 'changed', changed,
	    'unchanged', same);
END
$$;

-- POST /api/v1/projects/{id}/ownership/copy {"from_project_id": N,
-- "overwrite": false}: the boxes another project has filled (by an active
-- person) filled the same here, in one transaction.  Only the empty ones
-- unless overwrite; a box already so is left alone.  Each box changed is
-- a version and an entry of the history, as a PUT would make it.
CREATE FUNCTION api.ownership_copy(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
	v_from		bigint := (p->'body'->>'from_project_id')::bigint;
	v_over		boolean := coalesce((p->'body'->>'overwrite')::boolean,
			    false);
	src		record;
	old		ownership;
	o		ownership;
	copied		jsonb := '[]';
	kept		int := 0;
BEGIN
	IF v_from = v_project THEN
		PERFORM api.fail('HF400', 'from_project_id must be another ' ||
		    'project', 'from_project_id');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM projects WHERE id = v_from) THEN
		PERFORM api.fail('HF400', format('there is no project %s',
		    v_from), 'from_project_id');
	END IF;

	FOR src IN SELECT s.responsibility, s.role, s.person_id
	    FROM ownership s JOIN people x ON x.id = s.person_id AND x.active
	    WHERE s.project_id = v_from
	    ORDER BY s.responsibility, s.role LOOP
		SELECT * INTO old FROM ownership
		WHERE project_id = v_project
		  AND responsibility = src.responsibility AND role = src.role
		FOR UPDATE;
		CONTINUE WHEN NOT FOUND OR old.person_id IS NOT DISTINCT FROM
		    src.person_id;
		IF old.person_id IS NOT NULL AND NOT v_over THEN
			kept := kept + 1;
			CONTINUE;
		END IF;

		UPDATE ownership SET person_id = src.person_id,
		    version = version + 1, updated_at = now()
		WHERE project_id = old.project_id
		  AND responsibility = old.responsibility AND role = old.role
		RETURNING * INTO o;
		INSERT INTO ownership_versions (project_id, actor,
		    responsibility, role, effective_on, person_id)
		VALUES (o.project_id, api.actor(p), o.responsibility, o.role,
		    api.today(p), o.person_id);
		PERFORM api.audit(p, o.project_id, 'ownership',
		    o.responsibility || '/' || o.role, 'assign',
		    json_build_object('person', api.person_ref(old.person_id)),
		    json_build_object('person', api.person_ref(o.person_id),
			'copied_from', v_from));
		copied := copied || jsonb_build_object('responsibility',
		    o.responsibility, 'role', o.role, 'person',
		    api.person_ref(o.person_id));
	END LOOP;

	RETURN json_build_object('project_id', v_project,
	    'from_project_id', v_from, 'copied', copied, 'kept', kept);
END
$$;

CREATE FUNCTION api.handoff_json(h handoffs) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT json_build_object(
	    'key', h.key,
	    'name', k.name,
	    'from_label', k.from_label,
	    'to_label', k.to_label,
	    'leads_into', k.leads_into,
	    'question', k.question,
	    'from', api.person_ref(h.from_id),
	    'to', api.person_ref(h.to_id),
	    'artifact_url', h.artifact_url,
	    'offered_on', h.offered_on,
	    'accepted_on', h.accepted_on,
	    'accepted_by', api.person_ref(h.accepted_by),
	    'accept_reason', h.accept_reason,
	    'state', CASE WHEN h.accepted_on IS NOT NULL THEN 'accepted'
		WHEN h.offered_on IS NOT NULL THEN 'offered'
		ELSE 'not_offered' END,
	    'version', h.version)
	FROM handoff_kinds k WHERE k.key = h.key);
END
$$;

CREATE FUNCTION api.handoff_locked(p jsonb) RETURNS handoffs
LANGUAGE plpgsql AS $$
DECLARE
	h	handoffs;
BEGIN
	PERFORM api.project_exists(p);
	SELECT * INTO h FROM handoffs
	WHERE project_id = api.path_id(p, 'project')
	  AND key = p->'path'->>'handoff'
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no handoff %s',
		    p->'path'->>'handoff'));
	END IF;
	PERFORM api.check_version(p, h.version, 'this handoff');
	RETURN h;
END
$$;

CREATE FUNCTION api.handoff_record(p jsonb, old handoffs, h handoffs,
    p_action text) RETURNS json
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO handoff_versions (project_id, actor, key, effective_on,
	    from_id, to_id, offered_on, accepted_on, accepted_by,
	    accept_reason)
	VALUES (h.project_id, api.actor(p), h.key, api.today(p), h.from_id,
	    h.to_id, h.offered_on, h.accepted_on, h.accepted_by,
	    h.accept_reason);
	PERFORM api.audit(p, h.project_id, 'handoff', h.key, p_action,
	    api.handoff_json(old), api.handoff_json(h));
	RETURN api.handoff_json(h);
END
$$;

-- POST /api/v1/projects/{id}/handoffs/{key}/offer
--     {"from_id": N, "to_id": M, "artifact_url": "..."}
-- Offering again (a new model version, say) starts over: not accepted.
CREATE FUNCTION api.handoff_offer(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	old	handoffs;
	h	handoffs;
BEGIN
	old := api.handoff_locked(p);
	PERFORM api.check_person((b->>'from_id')::bigint, 'from_id', true);
	PERFORM api.check_person((b->>'to_id')::bigint, 'to_id', true);
	IF b->>'from_id' = b->>'to_id' THEN
		PERFORM api.fail('HF400', 'a handoff goes from one person ' ||
		    'to another', 'to_id');
	END IF;

	UPDATE handoffs SET from_id = (b->>'from_id')::bigint,
	    to_id = (b->>'to_id')::bigint,
	    artifact_url = api.text_or_null(b->>'artifact_url'),
	    offered_on = api.today(p), accepted_on = NULL,
	    accepted_by = NULL, accept_reason = NULL,
	    version = version + 1, updated_at = now()
	WHERE project_id = old.project_id AND key = old.key
	RETURNING * INTO h;

	RETURN api.handoff_record(p, old, h, 'offer');
END
$$;

-- POST /api/v1/projects/{id}/handoffs/{key}/accept {"reason": "..."}
--
-- Done means nothing until the receiver has accepted: only the person
-- named as receiver accepts (the account's person, sql/0028_me.sql).  A
-- PM or an admin may accept for them, saying why (body.reason: 400
-- without it); the person who made the offer never accepts it.  Who
-- accepted is recorded (accepted_by, accept_reason).  A refusal is a 403
-- naming the field that decides it (to_id: not the receiver; from_id:
-- the offerer), so that it is answered in its own words (src/pipe.c).
CREATE FUNCTION api.handoff_accept(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	me	bigint := api.actor_person(p);
	reason	text := api.text_or_null(p->'body'->>'reason');
	old	handoffs;
	h	handoffs;
BEGIN
	old := api.handoff_locked(p);
	IF old.offered_on IS NULL THEN
		PERFORM api.fail('HF409', format('handoff %s has not been ' ||
		    'offered yet', upper(old.key)));
	END IF;
	IF old.accepted_on IS NOT NULL THEN
		PERFORM api.fail('HF409', format('handoff %s was already ' ||
		    'accepted on %s', upper(old.key), old.accepted_on));
	END IF;

	IF me IS NOT DISTINCT FROM old.from_id AND me IS NOT NULL THEN
		PERFORM api.fail('HF403', format('you offered handoff %s: ' ||
		    'only %s, who receives it, accepts it', upper(old.key),
		    (SELECT name FROM people WHERE id = old.to_id)), 'from_id');
	END IF;
	IF me IS DISTINCT FROM old.to_id THEN
		IF coalesce(p->>'role', '') NOT IN ('pm', 'admin') AND
		    NOT coalesce((p->>'admin')::boolean, false) THEN
			PERFORM api.fail('HF403', format('only %s, who ' ||
			    'receives handoff %s, accepts it (or a PM for ' ||
			    'them, with a reason)', (SELECT name FROM people
			    WHERE id = old.to_id), upper(old.key)), 'to_id');
		END IF;
		IF reason IS NULL THEN
			PERFORM api.fail('HF400', format('accepting for %s ' ||
			    'takes a reason', (SELECT name FROM people
			    WHERE id = old.to_id)), 'reason');
		END IF;
	ELSE
		reason := NULL;
	END IF;

	UPDATE handoffs SET accepted_on = api.today(p),
	    accepted_by = me, accept_reason = reason,
	    version = version + 1, updated_at = now()
	WHERE project_id = old.project_id AND key = old.key
	RETURNING * INTO h;

	RETURN api.handoff_record(p, old, h, 'accept');
END
$$;

-- Deactivating a person (issue 14) -------------------------------------------
--
-- What deactivating person p_person leaves orphaned, on projects that are
-- not over (active or paused): the boxes they hold, the open checkpoints
-- (pending or blocked) they own and the handoffs offered by or to them
-- and not accepted yet.  Each is named by "item" as
-- api.person_deactivate takes it: "box/{project}/{responsibility}/{role}",
-- "checkpoint/{id}", "handoff/{project}/{key}/{from|to}", with the version
-- it was read at.
CREATE FUNCTION api.person_orphans(p_person bigint) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object(
	    'boxes', coalesce((SELECT json_agg(json_build_object(
		'item', format('box/%s/%s/%s', o.project_id, o.responsibility,
		    o.role),
		'project_id', o.project_id, 'project_name', pr.name,
		'responsibility', o.responsibility, 'name', r.name,
		'role', o.role, 'needed_by', r.needed_by,
		'expected', CASE o.role WHEN 'ds' THEN r.expects_ds
		    WHEN 'mle' THEN r.expects_mle ELSE r.expects_swe END,
		'version', o.version)
		ORDER BY pr.name, pr.id, r.position, o.role)
		FROM ownership o
		JOIN responsibilities r ON r.project_id = o.project_id AND
		    r.key = o.responsibility
		JOIN projects pr ON pr.id = o.project_id
		WHERE o.person_id = p_person AND
		    pr.status IN ('active', 'paused')), '[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(json_build_object(
		'item', 'checkpoint/' || c.id, 'id', c.id,
		'project_id', c.project_id, 'project_name', pr.name,
		'title', c.title, 'stage', c.stage, 'due_on', c.due_on,
		'status', c.status, 'version', c.version)
		ORDER BY c.due_on, c.id)
		FROM checkpoints c JOIN projects pr ON pr.id = c.project_id
		WHERE c.owner_id = p_person AND c.deleted_on IS NULL AND
		    c.status IN ('pending', 'blocked') AND
		    pr.status IN ('active', 'paused')), '[]'::json),
	    'handoffs', coalesce((SELECT json_agg(json_build_object(
		'item', format('handoff/%s/%s/%s', h.project_id, h.key,
		    CASE WHEN h.to_id = p_person THEN 'to' ELSE 'from' END),
		'project_id', h.project_id, 'project_name', pr.name,
		'key', h.key, 'name', k.name,
		'side', CASE WHEN h.to_id = p_person THEN 'to' ELSE 'from' END,
		'other', api.person_ref(CASE WHEN h.to_id = p_person
		    THEN h.from_id ELSE h.to_id END),
		'offered_on', h.offered_on, 'version', h.version)
		ORDER BY pr.name, pr.id, h.key)
		FROM handoffs h JOIN projects pr ON pr.id = h.project_id
		JOIN handoff_kinds k ON k.key = h.key
		WHERE (h.from_id = p_person OR h.to_id = p_person) AND
		    h.offered_on IS NOT NULL AND h.accepted_on IS NULL AND
		    pr.status IN ('active', 'paused')), '[]'::json))
$$;

-- GET /api/v1/people/{id}/deactivation (and the page
-- /people/{id}/deactivate): the person, what deactivating them would
-- orphan (api.person_orphans) and the active people it may go to instead.
CREATE FUNCTION api.person_deactivation(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	x	people;
BEGIN
	SELECT * INTO x FROM people WHERE id = api.path_id(p, 'person');
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no person with id %s',
		    api.path_id(p, 'person')));
	END IF;
	RETURN api.json_merge(json_build_object('person', api.person_json(x),
	    'role_labels', api.role_labels(),
	    'people', coalesce((SELECT json_agg(json_build_object('id', o.id,
		'name', o.name, 'role', o.role, 'active', o.active)
		ORDER BY o.name, o.id)
		FROM people o WHERE o.active AND o.id <> x.id), '[]'::json)),
	    api.person_orphans(x.id));
END
$$;

-- POST /api/v1/people/{id}/deactivation (and the page's confirmation),
-- If-Match the person's version:
--   {"reassign": [{"item": "box/3/problem_framing/ds", "version": 2,
--                  "person_id": 7}, ...]}
-- Each item listed goes to another active person (null: the box or the
-- checkpoint is left with nobody; a handoff always goes to someone), then
-- the person is deactivated: all in this one transaction, each change
-- versioned and audited as the single edit of it is.  An item changed
-- since it was read (its version) is a 412 naming it and nothing is
-- saved; what is not listed stays with the person, whom the risk engine
-- then counts as nobody.
CREATE FUNCTION api.person_deactivate(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	old	people;
	r	people;
	it	jsonb;
	i	bigint;
	fld	text;
	parts	text[];
	who	bigint;
	ver	int;
	ob	ownership;
	o	ownership;
	oc	checkpoints;
	c	checkpoints;
	oh	handoffs;
	h	handoffs;
	n	int := 0;
BEGIN
	SELECT * INTO old FROM people WHERE id = api.path_id(p, 'person')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no person with id %s',
		    api.path_id(p, 'person')));
	END IF;
	PERFORM api.check_version(p, old.version, 'this person');
	IF NOT old.active THEN
		PERFORM api.fail('HF409', format('%s is not active',
		    old.name));
	END IF;

	FOR it, i IN SELECT a.elem, a.ord FROM jsonb_array_elements(coalesce(
	    p->'body'->'reassign', '[]'::jsonb)) WITH ORDINALITY AS a(elem, ord)
	LOOP
		fld := format('reassign[%s]', i - 1);
		who := (it->>'person_id')::bigint;
		ver := (it->>'version')::int;
		IF who = old.id THEN
			PERFORM api.fail('HF400', format('%s goes to someone ' ||
			    'other than %s', it->>'item', old.name),
			    fld || '.person_id');
		END IF;
		PERFORM api.check_person(who, fld || '.person_id', true);
		parts := string_to_array(it->>'item', '/');

		IF parts[1] = 'box' AND cardinality(parts) = 4 AND
		    parts[2] ~ '^[1-9][0-9]{0,17}$' THEN
			SELECT * INTO ob FROM ownership
			WHERE project_id = parts[2]::bigint AND
			    responsibility = parts[3] AND role = parts[4]
			FOR UPDATE;
			IF NOT FOUND OR ob.person_id IS DISTINCT FROM old.id THEN
				PERFORM api.fail('HF400', format('%s is not ' ||
				    'a box %s holds', it->>'item', old.name),
				    fld || '.item');
			END IF;
			IF ob.version <> ver THEN
				PERFORM api.fail('HF412', format('the box %s ' ||
				    'was changed by someone else', it->>'item'),
				    fld || '.version');
			END IF;
			UPDATE ownership SET person_id = who,
			    version = version + 1, updated_at = now()
			WHERE project_id = ob.project_id AND
			    responsibility = ob.responsibility AND role = ob.role
			RETURNING * INTO o;
			INSERT INTO ownership_versions (project_id, actor,
			    responsibility, role, effective_on, person_id)
			VALUES (o.project_id, api.actor(p), o.responsibility,
			    o.role, api.today(p), o.person_id);
			PERFORM api.audit(p, o.project_id, 'ownership',
			    o.responsibility || '/' || o.role,
			    CASE WHEN who IS NULL THEN 'clear' ELSE 'assign' END,
			    json_build_object('person',
				api.person_ref(ob.person_id)),
			    json_build_object('person',
				api.person_ref(o.person_id)));
		ELSIF parts[1] = 'checkpoint' AND cardinality(parts) = 2 AND
		    parts[2] ~ '^[1-9][0-9]{0,17}$' THEN
			SELECT * INTO oc FROM checkpoints
			WHERE id = parts[2]::bigint AND deleted_on IS NULL
			FOR UPDATE;
			IF NOT FOUND OR oc.owner_id IS DISTINCT FROM old.id OR
			    oc.status NOT IN ('pending', 'blocked') THEN
				PERFORM api.fail('HF400', format('%s is not ' ||
				    'an open checkpoint %s owns', it->>'item',
				    old.name), fld || '.item');
			END IF;
			IF oc.version <> ver THEN
				PERFORM api.fail('HF412', format('the ' ||
				    'checkpoint "%s" was changed by someone ' ||
				    'else', oc.title), fld || '.version');
			END IF;
			UPDATE checkpoints SET owner_id = who,
			    version = version + 1, updated_at = now()
			WHERE id = oc.id
			RETURNING * INTO c;
			PERFORM api.checkpoint_snapshot(p, c, api.today(p));
			PERFORM api.audit(p, c.project_id, 'checkpoint',
			    c.id::text, 'update', api.checkpoint_json(oc),
			    api.checkpoint_json(c));
		ELSIF parts[1] = 'handoff' AND cardinality(parts) = 4 AND
		    parts[2] ~ '^[1-9][0-9]{0,17}$' AND
		    parts[4] IN ('from', 'to') THEN
			SELECT * INTO oh FROM handoffs
			WHERE project_id = parts[2]::bigint AND key = parts[3]
			FOR UPDATE;
			IF NOT FOUND OR oh.offered_on IS NULL OR
			    oh.accepted_on IS NOT NULL OR
			    (CASE parts[4] WHEN 'to' THEN oh.to_id
				ELSE oh.from_id END) IS DISTINCT FROM old.id THEN
				PERFORM api.fail('HF400', format('%s is not ' ||
				    'an open handoff of %s', it->>'item',
				    old.name), fld || '.item');
			END IF;
			IF oh.version <> ver THEN
				PERFORM api.fail('HF412', format('handoff %s ' ||
				    'was changed by someone else',
				    upper(oh.key)), fld || '.version');
			END IF;
			IF who IS NULL OR who = (CASE parts[4] WHEN 'to'
			    THEN oh.from_id ELSE oh.to_id END) THEN
				PERFORM api.fail('HF400', format('handoff %s ' ||
				    'goes from one person to another',
				    upper(oh.key)), fld || '.person_id');
			END IF;
			UPDATE handoffs SET
			    from_id = CASE parts[4] WHEN 'from' THEN who
				ELSE from_id END,
			    to_id = CASE parts[4] WHEN 'to' THEN who
				ELSE to_id END,
			    version = version + 1, updated_at = now()
			WHERE project_id = oh.project_id AND key = oh.key
			RETURNING * INTO h;
			PERFORM api.handoff_record(p, oh, h, 'update');
		ELSE
			PERFORM api.fail('HF400', format('%s is not an item: ' ||
			    'box/{project}/{responsibility}/{role}, ' ||
			    'checkpoint/{id} or handoff/{project}/{key}/' ||
			    '{from|to}', coalesce(it->>'item', 'null')),
			    fld || '.item');
		END IF;
		n := n + 1;
	END LOOP;

	UPDATE people SET active = false, version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;
	PERFORM api.person_snapshot(p, r);
	PERFORM api.audit(p, NULL, 'person', r.id::text, 'deactivate',
	    api.person_json(old), api.person_json(r));
	RETURN api.json_merge(json_build_object('person', api.person_json(r),
	    'reassigned', n), api.person_orphans(r.id));
END
$$;

-- A project's own responsibility rows ----------------------------------------
--
-- POST /api/v1/projects/{id}/responsibilities adds a row of the project's
-- own after the others; DELETE /api/v1/projects/{id}/responsibilities/{key}
-- removes one, the template's or the project's own.  A row is never
-- forgotten (sql/0039_own_rows.sql): it keeps the days it was added and
-- removed on, and the risk engine reads it only on the days in between.
-- Removing a row gives its held boxes to nobody on the day (a version
-- each, so that loads and past days stay true) and takes them off the
-- matrix.

CREATE FUNCTION api.responsibility_json(r responsibilities) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('project_id', r.project_id, 'key', r.key,
	    'name', r.name, 'needed_by', r.needed_by,
	    'expects_ds', r.expects_ds, 'expects_mle', r.expects_mle,
	    'expects_swe', r.expects_swe, 'handoff', r.handoff,
	    'assign_at_kickoff', r.assign_at_kickoff,
	    'added_on', r.added_on, 'removed_on', r.removed_on)
$$;

-- The key of a new row: the one given, else one made from its name
-- ("Data contract" is data_contract, then data_contract_2, ...).
CREATE FUNCTION api.responsibility_key(p_project bigint, p_key text,
    p_name text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	base	text;
	k	text;
	n	int := 1;
BEGIN
	IF p_key IS NOT NULL THEN
		IF p_key !~ '^[a-z][a-z0-9_]{0,63}$' THEN
			PERFORM api.fail('HF400', 'key must be a-z, 0-9 and _, ' ||
			    'starting with a letter, at most 64 characters',
			    'key');
		END IF;
		IF EXISTS (SELECT 1 FROM responsibilities
		    WHERE project_id = p_project AND key = p_key) THEN
			PERFORM api.fail('HF409', format('project %s already ' ||
			    'has or had a responsibility with the key %s; ' ||
			    'give another key, or none to have one made',
			    p_project, p_key), 'key');
		END IF;
		RETURN p_key;
	END IF;
	base := left(btrim(regexp_replace(lower(p_name), '[^a-z0-9]+', '_',
	    'g'), '_'), 56);
	IF base !~ '^[a-z]' THEN
		base := left('row_' || base, 56);
	END IF;
	base := rtrim(base, '_');
	k := base;
	WHILE EXISTS (SELECT 1 FROM responsibilities
	    WHERE project_id = p_project AND key = k) LOOP
		n := n + 1;
		k := base || '_' || n;
	END LOOP;
	RETURN k;
END
$$;

-- POST /api/v1/projects/{id}/responsibilities
CREATE FUNCTION api.responsibility_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	pr	projects;
	r	responsibilities;
BEGIN
	-- One row at a time per project: its key and place are free.
	SELECT * INTO pr FROM projects WHERE id = api.path_id(p, 'project')
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;
	IF NOT (coalesce((b->>'expects_ds')::boolean, false) OR
	    coalesce((b->>'expects_mle')::boolean, false) OR
	    coalesce((b->>'expects_swe')::boolean, false)) THEN
		PERFORM api.fail('HF400', 'a responsibility must expect at ' ||
		    'least one role (expects_ds, expects_mle or expects_swe)',
		    'expects_ds');
	END IF;
	IF b->>'handoff' IS NOT NULL AND NOT EXISTS (SELECT 1
	    FROM handoff_kinds WHERE key = b->>'handoff') THEN
		PERFORM api.fail('HF400', 'handoff must be one of a, b, c, d',
		    'handoff');
	END IF;

	INSERT INTO responsibilities (project_id, key, position, name,
	    needed_by, expects_ds, expects_mle, expects_swe, handoff,
	    assign_at_kickoff, added_on, added_by)
	VALUES (pr.id, api.responsibility_key(pr.id, b->>'key',
	    btrim(b->>'name')),
	    (SELECT coalesce(max(position), 0) + 1 FROM responsibilities
		WHERE project_id = pr.id),
	    btrim(b->>'name'), b->>'needed_by',
	    coalesce((b->>'expects_ds')::boolean, false),
	    coalesce((b->>'expects_mle')::boolean, false),
	    coalesce((b->>'expects_swe')::boolean, false),
	    b->>'handoff', coalesce((b->>'assign_at_kickoff')::boolean, false),
	    api.today(p), api.actor(p))
	RETURNING * INTO r;

	INSERT INTO ownership (project_id, responsibility, role)
	SELECT pr.id, r.key, role.name
	FROM unnest(ARRAY['ds', 'mle', 'swe']) AS role(name);

	PERFORM api.audit(p, pr.id, 'responsibility', r.key, 'create', NULL,
	    api.responsibility_json(r));
	RETURN api.responsibility_json(r);
END
$$;

-- DELETE /api/v1/projects/{id}/responsibilities/{key}
CREATE FUNCTION api.responsibility_delete(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
	v_key		text := p->'path'->>'key';
	old		responsibilities;
	r		responsibilities;
	o		ownership;
	held		jsonb := '{}';
BEGIN
	SELECT * INTO old FROM responsibilities
	WHERE project_id = v_project AND key = v_key
	FOR UPDATE;
	IF NOT FOUND OR old.removed_on IS NOT NULL THEN
		PERFORM api.fail('HF404', format('project %s has no ' ||
		    'responsibility "%s"%s', v_project, v_key,
		    CASE WHEN old.removed_on IS NOT NULL THEN
			format(' (it was removed on %s)', old.removed_on)
		    ELSE '' END));
	END IF;

	FOR o IN DELETE FROM ownership
	    WHERE project_id = v_project AND responsibility = v_key
	    RETURNING * LOOP
		CONTINUE WHEN o.person_id IS NULL;
		held := held || jsonb_build_object(o.role,
		    api.person_ref(o.person_id));
		INSERT INTO ownership_versions (project_id, actor,
		    responsibility, role, effective_on, person_id)
		VALUES (v_project, api.actor(p), v_key, o.role, api.today(p),
		    NULL);
	END LOOP;

	UPDATE responsibilities SET removed_on = api.today(p),
	    removed_by = api.actor(p)
	WHERE project_id = v_project AND key = v_key
	RETURNING * INTO r;

	PERFORM api.audit(p, v_project, 'responsibility', v_key, 'delete',
	    api.json_merge(api.responsibility_json(old),
	    json_build_object('held', held)), NULL);
	RETURN NULL;
END
$$;

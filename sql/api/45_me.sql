-- My work: what waits for the person the signed-in account stands for
-- (sql/0028_me.sql), and taking an empty box in one click.

-- GET /api/v1/me (and the /me page): one statement, one snapshot, reading
-- only what it shows.  Of the active projects:
--   boxes        the boxes I hold;
--   open_boxes   the empty boxes of my role that the matrix expects, on
--                the projects I lead or hold a box in;
--   checkpoints  the open checkpoints I own, overdue first, then by due
--                day;
--   handoffs_to_me, handoffs_by_me  offered and not accepted yet;
--   spans, dirty the risks open today on the projects I lead or hold a
--                box in, as the other read paths take them: the ledger's
--                spans of the projects it is current for, the facts of
--                the others (src/views.c computes theirs, and which of
--                my boxes are at risk).
-- An account that is nobody's gets "person": null and empty lists.
CREATE FUNCTION api.me(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	me	bigint := api.actor_person(p);
	d	date := api.today(p);
	r	people;
	mine	bigint[];
	dp	bigint[];
BEGIN
	SELECT * INTO r FROM people WHERE id = me;
	IF NOT FOUND THEN
		RETURN json_build_object('person', NULL, 'today', d,
		    'boxes', '[]'::json, 'open_boxes', '[]'::json,
		    'checkpoints', '[]'::json, 'handoffs_to_me', '[]'::json,
		    'handoffs_by_me', '[]'::json, 'spans', '[]'::json,
		    'dirty', api.dirty_doc('{}', '{}'));
	END IF;
	mine := ARRAY(SELECT pr.id FROM projects pr
	    WHERE pr.status = 'active' AND pr.pm_id = me
	    UNION SELECT o.project_id FROM ownership o
	    JOIN projects pr ON pr.id = o.project_id
	    WHERE o.person_id = me AND pr.status = 'active');
	dp := ARRAY(SELECT DISTINCT item FROM ledger_dirty
	    WHERE kind = 'project' AND item = ANY (mine));
	RETURN json_build_object(
	    'role_labels', api.role_labels(),
	    'person', json_build_object('id', r.id, 'name', r.name,
		'role', r.role, 'active', r.active),
	    'today', d,
	    'boxes', coalesce((SELECT json_agg(json_build_object(
		'project_id', o.project_id, 'project_name', pr.name,
		'responsibility', o.responsibility, 'name', rs.name,
		'role', o.role, 'needed_by', rs.needed_by,
		'version', o.version)
		ORDER BY pr.name, pr.id, rs.position, o.role)
		FROM ownership o
		JOIN projects pr ON pr.id = o.project_id
		JOIN responsibilities rs ON rs.project_id = o.project_id AND
		    rs.key = o.responsibility
		WHERE o.person_id = me AND pr.status = 'active'), '[]'::json),
	    'open_boxes', coalesce((SELECT json_agg(json_build_object(
		'project_id', o.project_id, 'project_name', pr.name,
		'responsibility', o.responsibility, 'name', rs.name,
		'role', o.role, 'needed_by', rs.needed_by,
		'version', o.version)
		ORDER BY pr.name, pr.id, rs.position, o.role)
		FROM ownership o
		JOIN projects pr ON pr.id = o.project_id
		JOIN responsibilities rs ON rs.project_id = o.project_id AND
		    rs.key = o.responsibility
		WHERE o.project_id = ANY (mine) AND o.person_id IS NULL AND
		    o.role = r.role AND CASE o.role
			WHEN 'ds' THEN rs.expects_ds
			WHEN 'mle' THEN rs.expects_mle
			ELSE rs.expects_swe END), '[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(json_build_object(
		'id', c.id, 'project_id', c.project_id,
		'project_name', pr.name, 'title', c.title,
		'stage', c.stage, 'due_on', c.due_on, 'status', c.status,
		'overdue', c.due_on < d, 'version', c.version)
		ORDER BY c.due_on < d DESC, c.due_on, c.id)
		FROM checkpoints c JOIN projects pr ON pr.id = c.project_id
		WHERE c.owner_id = me AND c.deleted_on IS NULL AND
		    c.status IN ('pending', 'blocked') AND
		    pr.status = 'active'), '[]'::json),
	    'handoffs_to_me', coalesce((SELECT json_agg(api.json_merge(
		json_build_object('project_id', h.project_id,
		'project_name', pr.name), api.handoff_json(h))
		ORDER BY h.offered_on, pr.name, h.key)
		FROM handoffs h JOIN projects pr ON pr.id = h.project_id
		WHERE h.to_id = me AND h.offered_on IS NOT NULL AND
		    h.accepted_on IS NULL AND pr.status = 'active'),
		'[]'::json),
	    'handoffs_by_me', coalesce((SELECT json_agg(api.json_merge(
		json_build_object('project_id', h.project_id,
		'project_name', pr.name), api.handoff_json(h))
		ORDER BY h.offered_on, pr.name, h.key)
		FROM handoffs h JOIN projects pr ON pr.id = h.project_id
		WHERE h.from_id = me AND h.offered_on IS NOT NULL AND
		    h.accepted_on IS NULL AND pr.status = 'active'),
		'[]'::json),
	    'spans', coalesce((SELECT json_agg(api.span_doc(v))
		FROM api.named_spans v
		WHERE v.project_id = ANY (mine) AND
		    NOT (v.project_id = ANY (dp)) AND
		    api.covers(v.from_on, v.to_on, d)), '[]'::json),
	    'dirty', api.dirty_doc(dp, '{}'));
END
$$;

-- POST /api/v1/projects/{id}/ownership/{key}/{role}/take {"note": "..."}
-- (and the "Take it" button of /me): the signed-in person takes an empty
-- box of their own role.  403 naming the field when the account is
-- nobody's (person_id) or the box is another role's (role); 409 when
-- someone holds it; If-Match as for any box (412).  Recorded like an
-- assignment, as "take", with the note.
CREATE FUNCTION api.ownership_take(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	me	bigint := api.actor_person(p);
	r	people;
	o	ownership;
BEGIN
	SELECT * INTO r FROM people WHERE id = me;
	IF NOT FOUND THEN
		PERFORM api.fail('HF403', 'your account is not linked to a ' ||
		    'person: an admin links it (PATCH /api/v1/users/{id} ' ||
		    'person_id)', 'person_id');
	END IF;
	SELECT * INTO o FROM ownership
	WHERE project_id = api.project_exists(p) AND
	    responsibility = p->'path'->>'key' AND role = p->'path'->>'role';
	IF FOUND AND o.role <> r.role THEN
		PERFORM api.fail('HF403', format('this box is for a %s; ' ||
		    '%s is a %s', upper(o.role), r.name, upper(r.role)),
		    'role');
	END IF;
	IF FOUND AND o.person_id IS NOT NULL AND o.person_id <> me THEN
		PERFORM api.check_version(p, o.version, 'this ownership box');
		PERFORM api.fail('HF409', format('%s holds this box already',
		    (SELECT name FROM people WHERE id = o.person_id)));
	END IF;
	RETURN api.ownership_set(p, me, 'take',
	    api.text_or_null(p->'body'->>'note'));
END
$$;

-- Gated stage moves: what stands between a project and a later stage.

-- A failure of the HF class with data for the client: the members of
-- p_data go into the error object beside code, message and field (the
-- HINT diagnostic carries them; see src/dberr.h).
CREATE FUNCTION api.fail_with(p_code text, p_message text, p_field text,
    p_data jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message,
	    COLUMN = coalesce(p_field, ''), HINT = p_data::text;
END
$$;

-- The unmet gates of a move of project p_project from stage p_from to
-- the later stage p_to (none when p_to is not later): the checkpoints of
-- the stages it leaves neither done nor waived, the handoffs leading
-- into the stages it enters not accepted, and the expected boxes needed
-- by those stages with no active person.  In order: checkpoints by due
-- date, handoffs, boxes by row; each with its words.  The one place the
-- gates are computed: the refusal (api.project_stage) and the project
-- page (api.project_page) both ask here.
CREATE FUNCTION api.stage_gates(p_project bigint, p_from text, p_to text)
RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (WITH span AS (
			SELECT f.position AS lo, t.position AS hi
			FROM stages f, stages t
			WHERE f.key = p_from AND t.key = p_to AND t.position > f.position
		), gates AS (
			SELECT 1 AS grp, c.due_on AS o1, c.id AS o2, ''::text AS o3,
			    jsonb_build_object('type', 'checkpoint',
				'checkpoint_id', c.id, 'stage', c.stage,
				'text', format('checkpoint "%s" is neither done nor '
				    'waived', c.title)) AS g
			FROM checkpoints c JOIN stages s ON s.key = c.stage, span
			WHERE c.project_id = p_project AND c.deleted_on IS NULL AND
			    c.status NOT IN ('done', 'waived') AND
			    s.position >= span.lo AND s.position < span.hi
			UNION ALL
			SELECT 2, NULL, NULL, k.key,
			    jsonb_build_object('type', 'handoff', 'handoff', k.key,
				'stage', k.leads_into,
				'text', format('handoff %s, "%s", is not accepted',
				    upper(k.key), k.name))
			FROM handoff_kinds k JOIN stages s ON s.key = k.leads_into, span
			WHERE s.position > span.lo AND s.position <= span.hi AND
			    NOT EXISTS (SELECT 1 FROM handoffs h
				WHERE h.project_id = p_project AND h.key = k.key AND
				    h.accepted_on IS NOT NULL)
			UNION ALL
			SELECT 3, NULL, r.position, x.role,
			    jsonb_build_object('type', 'box', 'responsibility', r.key,
				'role', x.role, 'stage', r.needed_by,
				'text', format('the %s box of "%s" is empty',
				    upper(x.role), r.name))
			FROM responsibilities r JOIN stages s ON s.key = r.needed_by,
			    span, LATERAL (VALUES ('ds', r.expects_ds),
				('mle', r.expects_mle), ('swe', r.expects_swe))
				x(role, expected)
			WHERE r.project_id = p_project AND x.expected AND
			    r.removed_on IS NULL AND
			    s.position > span.lo AND s.position <= span.hi AND
			    NOT EXISTS (SELECT 1 FROM ownership o
				JOIN people pe ON pe.id = o.person_id AND pe.active
				WHERE o.project_id = p_project AND
				    o.responsibility = r.key AND o.role = x.role)
		)
		SELECT coalesce(jsonb_agg(g ORDER BY grp, o1, o2, o3), '[]'::jsonb)
		FROM gates);
END
$$;

-- The stage after p_stage, or NULL after the last.
CREATE FUNCTION api.next_stage(p_stage text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT n.key FROM stages s JOIN stages n ON n.position > s.position
		WHERE s.key = p_stage ORDER BY n.position LIMIT 1);
END
$$;

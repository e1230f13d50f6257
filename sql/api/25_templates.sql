-- The organisation's templates (sql/0023_templates.sql): stage durations,
-- the checkpoint template, the responsibility template and the labels of
-- the matrix's role columns, in versions.  GET /api/v1/templates reads
-- the current version; PUT /api/v1/templates makes the next one from the
-- current one and what the body replaces.

-- The version a new project is made from: the latest.
CREATE FUNCTION api.template_current() RETURNS int
LANGUAGE sql STABLE AS $$
	SELECT max(version) FROM template_versions
$$;

-- One version, as GET gives it and PUT takes it (plus version, actor, at).
CREATE FUNCTION api.template_document(p_version int) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object(
	    'version', v.version,
	    'actor', v.actor,
	    'at', api.ts(v.at),
	    'role_labels', json_build_object('ds', v.label_ds,
		'mle', v.label_mle, 'swe', v.label_swe),
	    'stages', (SELECT json_object_agg(s.key,
		json_build_object('weeks', t.weeks) ORDER BY s.position)
		FROM stage_templates t JOIN stages s ON s.key = t.stage
		WHERE t.version = v.version),
	    'checkpoints', coalesce((SELECT json_agg(json_build_object(
		'title', c.title, 'stage', c.stage, 'anchor', c.anchor,
		'week_offset', c.week_offset, 'decision', c.decision,
		'readiness', c.readiness, 'handoff', c.handoff)
		ORDER BY c.position)
		FROM checkpoint_templates c WHERE c.version = v.version),
		'[]'::json),
	    'responsibilities', coalesce((SELECT json_agg(json_build_object(
		'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		'expects_ds', r.expects_ds, 'expects_mle', r.expects_mle,
		'expects_swe', r.expects_swe, 'handoff', r.handoff,
		'assign_at_kickoff', r.assign_at_kickoff)
		ORDER BY r.position)
		FROM responsibility_templates r WHERE r.version = v.version),
		'[]'::json))
	FROM template_versions v WHERE v.version = p_version
$$;

-- The current labels of the role columns: {"ds": ..., "mle": ...,
-- "swe": ...}, read per request (several instances share the database).
CREATE FUNCTION api.role_labels() RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT json_build_object('ds', v.label_ds, 'mle', v.label_mle,
		    'swe', v.label_swe)
		FROM template_versions v
		WHERE v.version = api.template_current());
END
$$;

-- GET /api/v1/templates
CREATE FUNCTION api.templates_get(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT api.template_document(api.template_current())
$$;

-- PUT /api/v1/templates: a new version.  Each of role_labels, stages (by
-- stage key, partial), checkpoints and responsibilities (whole lists, in
-- order) replaces the current version's; what the body leaves out is
-- copied.  The server checked the shapes (src/fields.c); what needs the
-- database (handoff keys, a stage's minimum, duplicates) is checked here,
-- naming the row: "responsibilities[3].key".
CREATE FUNCTION api.templates_put(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	cur	template_versions;
	nv	int;
	e	record;
	f	text;
	before	json;
BEGIN
	-- One edit at a time: the next version is the current one plus one.
	SELECT * INTO cur FROM template_versions
	ORDER BY version DESC LIMIT 1 FOR UPDATE;
	PERFORM api.check_version(p, cur.version, 'the templates');
	nv := cur.version + 1;
	before := api.template_document(cur.version);

	INSERT INTO template_versions (version, actor, label_ds, label_mle,
	    label_swe)
	VALUES (nv, api.actor(p),
	    coalesce(api.text_or_null(b->'role_labels'->>'ds'), cur.label_ds),
	    coalesce(api.text_or_null(b->'role_labels'->>'mle'),
		cur.label_mle),
	    coalesce(api.text_or_null(b->'role_labels'->>'swe'),
		cur.label_swe));

	-- Stage durations: each at least its stage's minimum.
	INSERT INTO stage_templates (version, stage, weeks)
	SELECT nv, t.stage, coalesce((b->'stages'->t.stage->>'weeks')::int,
	    t.weeks)
	FROM stage_templates t WHERE t.version = cur.version
	ORDER BY t.stage;
	SELECT s.key, s.min_days INTO e FROM stage_templates t
	JOIN stages s ON s.key = t.stage
	WHERE t.version = nv AND 7 * t.weeks < s.min_days
	ORDER BY s.position LIMIT 1;
	IF FOUND THEN
		PERFORM api.fail('HF400', format('stages.%s.weeks must give ' ||
		    'the stage at least its %s days', e.key, e.min_days),
		    format('stages.%s.weeks', e.key));
	END IF;

	-- Checkpoints: the list, or the current one.
	IF b ? 'checkpoints' THEN
		FOR e IN SELECT x.value AS c, x.i - 1 AS n
		    FROM jsonb_array_elements(b->'checkpoints')
			WITH ORDINALITY x(value, i) LOOP
			f := format('checkpoints[%s]', e.n);
			IF e.c->>'handoff' IS NOT NULL AND NOT EXISTS (SELECT 1
			    FROM handoff_kinds WHERE key = e.c->>'handoff') THEN
				PERFORM api.fail('HF400', f || '.handoff must ' ||
				    'be one of a, b, c, d', f || '.handoff');
			END IF;
			IF coalesce((e.c->>'readiness')::boolean, false) AND
			    EXISTS (SELECT 1 FROM checkpoint_templates
			    WHERE version = nv AND readiness) THEN
				PERFORM api.fail('HF400', f || '.readiness: ' ||
				    'only one checkpoint is the readiness ' ||
				    'review', f || '.readiness');
			END IF;
			INSERT INTO checkpoint_templates (version, position,
			    title, stage, anchor, week_offset, decision,
			    handoff, readiness)
			VALUES (nv, e.n + 1, btrim(e.c->>'title'),
			    e.c->>'stage', e.c->>'anchor',
			    (e.c->>'week_offset')::int,
			    coalesce((e.c->>'decision')::boolean, false),
			    e.c->>'handoff',
			    coalesce((e.c->>'readiness')::boolean, false));
		END LOOP;
	ELSE
		INSERT INTO checkpoint_templates (version, position, title,
		    stage, anchor, week_offset, decision, handoff, readiness)
		SELECT nv, position, title, stage, anchor, week_offset,
		    decision, handoff, readiness
		FROM checkpoint_templates WHERE version = cur.version
		ORDER BY position;
	END IF;

	-- Responsibilities: the list, or the current one.
	IF b ? 'responsibilities' THEN
		FOR e IN SELECT x.value AS r, x.i - 1 AS n
		    FROM jsonb_array_elements(b->'responsibilities')
			WITH ORDINALITY x(value, i) LOOP
			f := format('responsibilities[%s]', e.n);
			IF (e.r->>'key') !~ '^[a-z][a-z0-9_]{0,63}$' THEN
				PERFORM api.fail('HF400', f || '.key must be ' ||
				    'a-z, 0-9 and _, starting with a letter',
				    f || '.key');
			END IF;
			IF EXISTS (SELECT 1 FROM responsibility_templates
			    WHERE version = nv AND key = e.r->>'key') THEN
				PERFORM api.fail('HF400', f || '.key is ' ||
				    'already in the list', f || '.key');
			END IF;
			IF e.r->>'handoff' IS NOT NULL AND NOT EXISTS (SELECT 1
			    FROM handoff_kinds WHERE key = e.r->>'handoff') THEN
				PERFORM api.fail('HF400', f || '.handoff must ' ||
				    'be one of a, b, c, d', f || '.handoff');
			END IF;
			IF NOT (coalesce((e.r->>'expects_ds')::boolean, false)
			    OR coalesce((e.r->>'expects_mle')::boolean, false)
			    OR coalesce((e.r->>'expects_swe')::boolean, false))
			    THEN
				PERFORM api.fail('HF400', f || ' must expect ' ||
				    'at least one role (expects_ds, ' ||
				    'expects_mle or expects_swe)',
				    f || '.expects_ds');
			END IF;
			INSERT INTO responsibility_templates (version, key,
			    position, name, needed_by, expects_ds,
			    expects_mle, expects_swe, handoff,
			    assign_at_kickoff)
			VALUES (nv, e.r->>'key', e.n + 1, btrim(e.r->>'name'),
			    e.r->>'needed_by',
			    coalesce((e.r->>'expects_ds')::boolean, false),
			    coalesce((e.r->>'expects_mle')::boolean, false),
			    coalesce((e.r->>'expects_swe')::boolean, false),
			    e.r->>'handoff',
			    coalesce((e.r->>'assign_at_kickoff')::boolean,
				false));
		END LOOP;
	ELSE
		INSERT INTO responsibility_templates (version, key, position,
		    name, needed_by, expects_ds, expects_mle, expects_swe,
		    handoff, assign_at_kickoff)
		SELECT nv, key, position, name, needed_by, expects_ds,
		    expects_mle, expects_swe, handoff, assign_at_kickoff
		FROM responsibility_templates WHERE version = cur.version
		ORDER BY position;
	END IF;

	PERFORM api.audit(p, NULL, 'templates', nv::text, 'update', before,
	    api.template_document(nv));
	RETURN api.template_document(nv);
END
$$;

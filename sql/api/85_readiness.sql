-- The production readiness review's checklist (sql/0020_readiness.sql):
-- one row per item of the readiness_item vocabulary, answered yes, no or
-- not applicable with an evidence link and who answered.

-- Is this checkpoint the readiness review (made from the template so
-- marked)?
CREATE FUNCTION api.readiness_is_review(c checkpoints) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT EXISTS (SELECT 1 FROM checkpoint_templates t
		    JOIN projects pr ON pr.template_version = t.version
		    WHERE pr.id = c.project_id AND t.position = c.template
		      AND t.readiness));
END
$$;

-- The items of the project's checklist not answered yet, in order.
CREATE FUNCTION api.readiness_unanswered(p_id bigint) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT ARRAY(SELECT v.key FROM vocabulary v
		    WHERE v.kind = 'readiness_item' AND NOT EXISTS (SELECT 1
			FROM readiness_answers a
			WHERE a.project_id = p_id AND a.item = v.key)
		    ORDER BY v.position));
END
$$;

-- The checklist of one project, its score and its review's waiver.  The
-- score is as in the ML Test Score: the items answered yes over the items
-- that apply (not "not applicable"); null while none applies.
CREATE FUNCTION api.readiness_doc(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (WITH items AS (
		SELECT v.position, v.key, v.label, a.answer, a.evidence_url,
		    a.answered_by, a.answered_on, a.at
		FROM vocabulary v
		LEFT JOIN readiness_answers a ON a.project_id = p_id AND
		    a.item = v.key
		WHERE v.kind = 'readiness_item'
	), counts AS (
		SELECT count(*) FILTER (WHERE answer = 'yes') AS yes,
		    count(*) FILTER (WHERE answer = 'no') AS no,
		    count(*) FILTER (WHERE answer = 'na') AS na,
		    count(*) FILTER (WHERE answer IS NULL) AS unanswered,
		    count(*) FILTER (WHERE answer IS DISTINCT FROM 'na')
			AS applicable
		FROM items
	)
	SELECT json_build_object(
	    'project_id', p_id,
	    'version', coalesce(r.version, 1),
	    'items', (SELECT json_agg(json_build_object('key', i.key,
		'label', i.label, 'answer', i.answer,
		'evidence_url', i.evidence_url, 'answered_by', i.answered_by,
		'answered_on', i.answered_on, 'at', api.ts(i.at))
		ORDER BY i.position) FROM items i),
	    'score', json_build_object('yes', c.yes, 'no', c.no, 'na', c.na,
		'unanswered', c.unanswered, 'applicable', c.applicable,
		'ratio', CASE WHEN c.applicable > 0
		    THEN round(c.yes::numeric / c.applicable, 2) END),
	    'review', (SELECT json_build_object('checkpoint_id', ch.id,
		'title', ch.title, 'due_on', ch.due_on, 'status', ch.status,
		'completed_on', ch.completed_on)
		FROM checkpoints ch
		WHERE ch.project_id = p_id AND ch.deleted_on IS NULL AND
		    api.readiness_is_review(ch)
		ORDER BY ch.id LIMIT 1),
	    'waiver', CASE WHEN r.waiver_reason IS NOT NULL THEN
		json_build_object('reason', r.waiver_reason,
		'by', r.waived_by, 'on', r.waived_on) END)
	FROM counts c
	LEFT JOIN readiness_reviews r ON r.project_id = p_id);
END
$$;

-- GET /api/v1/projects/{id}/readiness
CREATE FUNCTION api.readiness_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN api.readiness_doc(api.project_exists(p));
END
$$;

-- PATCH /api/v1/projects/{id}/readiness: {"items": {"<item>": {"answer":
-- "yes" | "no" | "na", "evidence_url": "..."}}}.  The items sent are
-- answered (again); the others stay as they are.  If-Match is the
-- checklist's version.  The project page's form answers one item, named
-- in its path (POST /projects/{id}/readiness/{item}), with {"answer",
-- "evidence_url"} as the body.
CREATE FUNCTION api.readiness_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	pr	projects;
	rv	readiness_reviews;
	old	json;
	v_item	text;
	v_ans	jsonb;
	v_url	text;
	v_items	jsonb := p->'body'->'items';
	n	int := 0;
BEGIN
	pr := api.project_locked(p);
	IF p->'path' ? 'item' THEN
		IF NOT EXISTS (SELECT 1 FROM vocabulary WHERE
		    kind = 'readiness_item' AND key = p->'path'->>'item') THEN
			PERFORM api.fail('HF404', 'no such readiness item');
		END IF;
		v_items := jsonb_build_object(p->'path'->>'item', p->'body');
	END IF;
	INSERT INTO readiness_reviews (project_id) VALUES (pr.id)
	ON CONFLICT (project_id) DO NOTHING;
	SELECT * INTO rv FROM readiness_reviews WHERE project_id = pr.id
	    FOR UPDATE;
	PERFORM api.check_version(p, rv.version, 'this readiness checklist');
	IF jsonb_typeof(v_items) IS DISTINCT FROM 'object' OR
	    v_items = '{}'::jsonb THEN
		PERFORM api.fail('HF400', 'items must name at least one ' ||
		    'checklist item', 'items');
	END IF;
	old := api.readiness_doc(pr.id);

	FOR v_item, v_ans IN SELECT * FROM jsonb_each(v_items) LOOP
		v_url := api.text_or_null(v_ans->>'evidence_url');
		INSERT INTO readiness_answers (project_id, item, answer,
		    evidence_url, answered_by, answered_on)
		VALUES (pr.id, v_item, v_ans->>'answer', v_url, api.actor(p),
		    api.today(p))
		ON CONFLICT (project_id, item) DO UPDATE SET
		    answer = EXCLUDED.answer,
		    evidence_url = EXCLUDED.evidence_url,
		    answered_by = EXCLUDED.answered_by,
		    answered_on = EXCLUDED.answered_on, at = now();
		INSERT INTO readiness_versions (project_id, item, answer,
		    evidence_url, actor, effective_on)
		VALUES (pr.id, v_item, v_ans->>'answer', v_url, api.actor(p),
		    api.today(p));
		n := n + 1;
	END LOOP;

	UPDATE readiness_reviews SET version = version + 1
	WHERE project_id = pr.id;
	PERFORM api.audit(p, pr.id, 'readiness', pr.id::text, 'answer', old,
	    api.readiness_doc(pr.id));
	RETURN api.readiness_doc(pr.id);
END
$$;

-- Marking the review done: refused (409, naming the items) while an item
-- is unanswered, unless a waiver reason is given, which is recorded.  A
-- waiver reason with nothing to waive is refused (400).
CREATE FUNCTION api.readiness_gate(p jsonb, old checkpoints, c checkpoints)
RETURNS json LANGUAGE plpgsql AS $$
DECLARE
	missing	text[];
	reason	text := api.text_or_null(p->'body'->>'waiver_reason');
BEGIN
	IF NOT (c.status = 'done' AND old.status <> 'done' AND
	    api.readiness_is_review(c)) THEN
		IF api.has(p, 'waiver_reason') THEN
			PERFORM api.fail('HF400', 'a waiver_reason goes with ' ||
			    'marking the production readiness review done',
			    'waiver_reason');
		END IF;
		RETURN NULL;
	END IF;
	missing := api.readiness_unanswered(c.project_id);
	IF cardinality(missing) = 0 THEN
		IF api.has(p, 'waiver_reason') THEN
			PERFORM api.fail('HF400', 'every readiness item is ' ||
			    'answered: there is nothing to waive',
			    'waiver_reason');
		END IF;
		RETURN NULL;
	END IF;
	IF reason IS NULL THEN
		PERFORM api.fail('HF409', format('the production readiness ' ||
		    'review has %s unanswered item(s): %s; answer them or ' ||
		    'give a waiver_reason', cardinality(missing),
		    array_to_string(missing, ', ')), 'waiver_reason');
	END IF;
	INSERT INTO readiness_reviews (project_id, waiver_reason, waived_by,
	    waived_on)
	VALUES (c.project_id, reason, api.actor(p), api.today(p))
	ON CONFLICT (project_id) DO UPDATE SET
	    waiver_reason = EXCLUDED.waiver_reason,
	    waived_by = EXCLUDED.waived_by, waived_on = EXCLUDED.waived_on,
	    version = readiness_reviews.version + 1;
	RETURN json_build_object('waiver_reason', reason,
	    'waived_items', to_json(missing));
END
$$;

-- GET /projects/{id}/model-card.md: what the draft is drawn from, the
-- project's document (spec, matrix, checkpoints, checklist), read in one
-- statement, with what the organisation calls the roles (the owners).
CREATE FUNCTION api.model_card(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (api.project_document(api.project_exists(p))::jsonb ||
	    jsonb_build_object('role_labels', api.role_labels()))::json;
END
$$;

-- An answer changes the project's risks (readiness gaps): its ledger is
-- computed again.
CREATE TRIGGER ledger_readiness_versions AFTER INSERT ON readiness_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();

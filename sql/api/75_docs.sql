-- Kept project documents (sql/0037_project_docs.sql): stored by the
-- ledger when it makes a project clean, read while the project stays
-- clean, made again from the tables otherwise.

-- The documents of these projects and their spans that cover p_day or
-- later (none without a day), as they are committed now.
CREATE FUNCTION api.docs_made(p_projects bigint[], p_day date)
RETURNS TABLE (project_id bigint, doc json, spans json, spans_on date)
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN QUERY SELECT pr.id, api.project_document(pr.id),
	    CASE WHEN p_day IS NOT NULL THEN coalesce((SELECT json_agg(
		api.span_doc(v) ORDER BY v.id) FROM api.named_spans v
		WHERE v.project_id = pr.id AND
		(v.to_on IS NULL OR v.to_on > p_day)), '[]'::json) END,
	    p_day
	FROM projects pr WHERE pr.id = ANY (p_projects)
	ORDER BY pr.id;
END
$$;

-- Store the documents of these projects (api.docs_made).  Called
-- by api.ledger_apply in the transaction that deletes the projects' dirty
-- rows, so a project is clean exactly when its row is up to date.
CREATE FUNCTION api.docs_store(p_projects bigint[], p_day date)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO project_docs AS d (project_id, doc, spans, spans_on)
	SELECT * FROM api.docs_made(p_projects, p_day)
	ON CONFLICT (project_id) DO UPDATE SET doc = excluded.doc,
	    spans = excluded.spans, spans_on = excluded.spans_on;
	DELETE FROM project_docs_todo WHERE project_id = ANY (p_projects);
END
$$;

-- Up to p_n of the projects still without a document, that are clean:
-- stored now (a dirty one is left to the ledger, which stores it when it
-- makes it clean).  Only inserts: a document the ledger stored meanwhile
-- is newer than the one made here, and stays.
CREATE FUNCTION api.docs_fill(p_n int, p_day date) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	ids	bigint[];
	n	int;
BEGIN
	WITH taken AS (
		DELETE FROM project_docs_todo t
		WHERE t.project_id IN (SELECT x.project_id
		    FROM project_docs_todo x ORDER BY x.project_id
		    LIMIT p_n FOR UPDATE SKIP LOCKED)
		RETURNING t.project_id
	)
	SELECT coalesce(array_agg(project_id), '{}') INTO ids FROM taken;
	INSERT INTO project_docs (project_id, doc, spans, spans_on)
	SELECT * FROM api.docs_made(ARRAY(SELECT i FROM unnest(ids) i
	    WHERE NOT api.dirty('project', i)), p_day)
	ON CONFLICT (project_id) DO NOTHING;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;

-- A project's document: the kept one while the project is clean, else
-- made from the tables.
CREATE FUNCTION api.project_doc(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d	json;
BEGIN
	IF NOT api.dirty('project', p_id) THEN
		SELECT doc INTO d FROM project_docs WHERE project_id = p_id;
		IF FOUND THEN
			RETURN d;
		END IF;
	END IF;
	RETURN api.project_document(p_id);
END
$$;

-- A clean project's kept spans, for a day they were kept for (null when
-- there are none to use).
CREATE FUNCTION api.docs_spans(p_id bigint, p_day date) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT spans FROM project_docs
	    WHERE project_id = p_id AND spans_on <= p_day);
END
$$;

-- A person's name or activity shows in the documents of the projects they
-- lead, own checkpoints of or hand work over in (their boxes' projects
-- are marked by the ledger's own trigger on person_versions).
CREATE FUNCTION api.docs_on_people() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	changed	bigint[];
BEGIN
	changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o
	    ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name OR
	    n.active IS DISTINCT FROM o.active);
	IF cardinality(changed) = 0 THEN
		RETURN NULL;
	END IF;
	PERFORM api.ledger_mark('project', ARRAY(
	    SELECT id FROM projects WHERE pm_id = ANY (changed)
	    UNION SELECT project_id FROM checkpoints
		WHERE owner_id = ANY (changed)
	    UNION SELECT project_id FROM handoffs
		WHERE from_id = ANY (changed) OR to_id = ANY (changed) OR
		accepted_by = ANY (changed)));
	RETURN NULL;
END
$$;

CREATE TRIGGER docs_people AFTER UPDATE ON people
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.docs_on_people();

-- sql/api/ was loaded again: the kept documents may have another shape
-- now.  They are made again, a few at a time, by the ledger's job.
TRUNCATE project_docs;
INSERT INTO project_docs_todo (project_id)
SELECT id FROM projects ORDER BY id
ON CONFLICT DO NOTHING;

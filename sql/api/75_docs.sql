-- Kept reads: project documents (sql/0037_project_docs.sql) and the
-- portfolio's order of the day (sql/0038_portfolio_rank.sql), stored by
-- the ledger when it makes a project clean, read while the project stays
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

-- The portfolio's rows of these projects (all of them when null) on day
-- p_day: its rank and counts that day, and what the list filters on.
CREATE FUNCTION api.rank_rows(p_projects bigint[], p_day date)
RETURNS SETOF portfolio_rank LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN QUERY SELECT pr.id, pr.status, pr.stage, pr.pm_id,
	    CASE WHEN r.worst IS NULL THEN -1
		ELSE api.risk_rank(r.worst,
		api.launch_days(pr.target_launch_on, p_day)) END,
	    coalesce(r.worst, -1)::int, coalesce(r.n_critical, 0),
	    coalesce(r.n_high, 0), coalesce(r.n_medium, 0),
	    coalesce(r.n_low, 0), pr.target_launch_on, pr.name
	FROM projects pr
	LEFT JOIN risk_profile r ON r.project_id = pr.id AND
	    daterange(r.from_on, r.to_on) @> p_day
	WHERE p_projects IS NULL OR pr.id = ANY (p_projects)
	ORDER BY pr.id;
END
$$;

-- The rows of these projects again, if the kept rows are p_day's (the
-- ledger, as it makes them clean).
CREATE FUNCTION api.rank_store(p_projects bigint[], p_day date)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF p_day IS DISTINCT FROM (SELECT day FROM portfolio_rank_day) THEN
		RETURN;
	END IF;
	DELETE FROM portfolio_rank WHERE project_id = ANY (p_projects);
	INSERT INTO portfolio_rank
	SELECT * FROM api.rank_rows(p_projects, p_day);
END
$$;

-- Every row for p_day, once: the first job of any instance to see the day
-- makes them, under the ledger's lock (an apply cannot store a row of the
-- day before in between).
CREATE FUNCTION api.rank_day(p_day date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF p_day IS NULL OR
	    p_day IS NOT DISTINCT FROM (SELECT day FROM portfolio_rank_day) THEN
		RETURN;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('handoff.ledger_apply'));
	IF p_day IS NOT DISTINCT FROM (SELECT day FROM portfolio_rank_day)
	    THEN
		RETURN;
	END IF;
	DELETE FROM portfolio_rank;
	INSERT INTO portfolio_rank SELECT * FROM api.rank_rows(NULL, p_day);
	INSERT INTO portfolio_rank_day (day) VALUES (p_day)
	ON CONFLICT (one) DO UPDATE SET day = excluded.day;
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

-- A row of a table the document reads, changed by hand or by an import
-- (past the API, whose writes mark their project anyway): its project is
-- made again.  One function for every event: a statement trigger with
-- transition tables takes one event.
CREATE FUNCTION api.docs_on_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM api.ledger_mark('project', ARRAY(SELECT DISTINCT
		    (to_jsonb(o)->>TG_ARGV[0])::bigint FROM old_rows o));
	ELSE
		PERFORM api.ledger_mark('project', ARRAY(SELECT DISTINCT
		    (to_jsonb(n)->>TG_ARGV[0])::bigint FROM new_rows n));
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER docs_projects_insert AFTER INSERT ON projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('id');
CREATE TRIGGER docs_projects_update AFTER UPDATE ON projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('id');
CREATE TRIGGER docs_projects_delete AFTER DELETE ON projects
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('id');
CREATE TRIGGER docs_checkpoints_insert AFTER INSERT ON checkpoints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_checkpoints_update AFTER UPDATE ON checkpoints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_checkpoints_delete AFTER DELETE ON checkpoints
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_handoffs_insert AFTER INSERT ON handoffs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_handoffs_update AFTER UPDATE ON handoffs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_handoffs_delete AFTER DELETE ON handoffs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_ownership_insert AFTER INSERT ON ownership
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_ownership_update AFTER UPDATE ON ownership
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_ownership_delete AFTER DELETE ON ownership
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_stage_plans_insert AFTER INSERT ON stage_plans
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_stage_plans_update AFTER UPDATE ON stage_plans
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_stage_plans_delete AFTER DELETE ON stage_plans
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_responsibilities_insert AFTER INSERT ON responsibilities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_responsibilities_update AFTER UPDATE ON responsibilities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');
CREATE TRIGGER docs_responsibilities_delete AFTER DELETE ON responsibilities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION api.docs_on_rows('project_id');

-- sql/api/ was loaded again: the kept documents may have another shape
-- now.  They are made again, a few at a time, by the ledger's job.
TRUNCATE project_docs;
INSERT INTO project_docs_todo (project_id)
SELECT id FROM projects ORDER BY id
ON CONFLICT DO NOTHING;

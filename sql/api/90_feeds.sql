-- Calendar feeds (src/feeds.c, sql/0017_feeds.sql).

-- The feed a feed route serves, from its path: "project:<id>",
-- "person:<id>" or "portfolio".  A feed token reads only the feed it
-- names (api.authorize).
CREATE FUNCTION api.feed_of(p jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p->'path' ? 'project' THEN 'project:' ||
		(p->'path'->>'project')
	    WHEN p->'path' ? 'person' THEN 'person:' || (p->'path'->>'person')
	    ELSE 'portfolio' END
$$;

-- GET /feeds/portfolio, /feeds/projects/{id}, /feeds/people/{id}: the
-- events of a calendar, each an all-day event the server writes as
-- iCalendar:
--
--   {"name", "events": [{"uid", "day", "sequence", "summary", "project",
--    "stage", "status", "owner", "path"}]}
--
-- Checkpoints not deleted (of a project, of the portfolio, or owned by a
-- person) on their due day; "sequence" is the number of times the date
-- moved, from the slip ledger, so that a calendar replaces the event
-- under the same uid.  A person's feed adds the planned ends of the
-- stages of their projects (as PM or holding a box), "sequence" counting
-- the moves of that end in the plan's versions.
CREATE FUNCTION api.feed(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	pid	bigint := (p->'path'->>'project')::bigint;
	who	bigint := (p->'path'->>'person')::bigint;
	title	text;
BEGIN
	IF pid IS NOT NULL THEN
		SELECT pr.name INTO title FROM projects pr WHERE pr.id = pid;
		IF NOT FOUND THEN
			PERFORM api.fail('HF404', format('no project with id %s',
			    pid));
		END IF;
	ELSIF who IS NOT NULL THEN
		SELECT pe.name INTO title FROM people pe WHERE pe.id = who;
		IF NOT FOUND THEN
			PERFORM api.fail('HF404', format('no person with id %s',
			    who));
		END IF;
	ELSE
		title := 'portfolio';
	END IF;
	RETURN json_build_object('name', 'handoff: ' || title,
	    'events', coalesce((SELECT json_agg(e ORDER BY e.day, e.uid)
	    FROM (
		SELECT 'checkpoint-' || c.id AS uid, c.due_on AS day,
		    (SELECT count(*) FROM checkpoint_slips s
		    WHERE s.checkpoint_id = c.id) AS sequence,
		    c.title AS summary, pr.name AS project, c.stage,
		    c.status, o.name AS owner,
		    '/projects/' || pr.id || '#checkpoint-' || c.id AS path
		FROM checkpoints c
		JOIN projects pr ON pr.id = c.project_id
		LEFT JOIN people o ON o.id = c.owner_id
		WHERE c.deleted_on IS NULL
		  AND (pid IS NULL OR c.project_id = pid)
		  AND (who IS NULL OR c.owner_id = who)
		UNION ALL
		SELECT 'stage-' || sp.project_id || '-' || sp.stage,
		    sp.planned_end,
		    (SELECT count(*) FROM (SELECT v.planned_end IS DISTINCT FROM
			lag(v.planned_end) OVER (ORDER BY v.id) AS moved,
			row_number() OVER (ORDER BY v.id) AS n
			FROM plan_versions v WHERE v.project_id = sp.project_id
			AND v.stage = sp.stage) m WHERE m.moved AND m.n > 1),
		    'End of ' || st.name || ': ' || pr.name, pr.name, sp.stage,
		    pr.status, NULL, '/projects/' || pr.id
		FROM stage_plans sp
		JOIN projects pr ON pr.id = sp.project_id
		JOIN stages st ON st.key = sp.stage
		WHERE who IS NOT NULL AND (pr.pm_id = who OR EXISTS (SELECT 1
		    FROM ownership ow WHERE ow.project_id = pr.id AND
		    ow.person_id = who))
	    ) e), '[]'::json));
END
$$;

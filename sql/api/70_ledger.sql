-- The risk ledger (tables in 0011_ledger.sql): what marks an item dirty,
-- how the server's background job takes dirty items and gives back their
-- spans, and the reads of risks across the portfolio.

-- Dirty marking ---------------------------------------------------------------
--
-- Statement triggers on every table the rules read: each write marks the
-- projects it changed and, where it changed what the overload rule reads
-- (who holds a box, a project's status or launch, a person's activity),
-- the people concerned.  Rows are only ever inserted, in one sorted
-- statement per table, so concurrent writers never wait on each other.

CREATE FUNCTION api.ledger_mark(p_kind text, p_items bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO ledger_dirty (kind, item)
	SELECT p_kind, i FROM (SELECT DISTINCT unnest(p_items) AS i) u
	WHERE i IS NOT NULL ORDER BY i;
END
$$;

-- The people who ever held a box of these projects.
CREATE FUNCTION api.ledger_holders(p_projects bigint[]) RETURNS bigint[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT ARRAY(SELECT DISTINCT person_id FROM ownership_versions
	    WHERE project_id = ANY (p_projects) AND person_id IS NOT NULL));
END
$$;

CREATE FUNCTION api.ledger_on_project_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	moved	bigint[];
BEGIN
	PERFORM api.ledger_mark('project',
	    ARRAY(SELECT project_id FROM new_rows));
	-- Status, launch or PM changed: the holders' loads change with them
	-- (an overload names the PM of the nearest launch).
	moved := ARRAY(SELECT n.project_id FROM new_rows n
	    WHERE NOT EXISTS (SELECT 1 FROM project_versions o
		WHERE o.project_id = n.project_id AND o.id < n.id AND
		o.id = (SELECT max(id) FROM project_versions x
		    WHERE x.project_id = n.project_id AND x.id < n.id) AND
		o.status = n.status AND
		o.target_launch_on = n.target_launch_on AND
		o.pm_id = n.pm_id));
	IF cardinality(moved) > 0 THEN
		PERFORM api.ledger_mark('person', api.ledger_holders(moved));
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER ledger_project_versions AFTER INSERT ON project_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_versions();

CREATE FUNCTION api.ledger_on_project_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM api.ledger_mark('project',
	    ARRAY(SELECT project_id FROM new_rows));
	RETURN NULL;
END
$$;

CREATE TRIGGER ledger_plan_versions AFTER INSERT ON plan_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();
CREATE TRIGGER ledger_handoff_versions AFTER INSERT ON handoff_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();
CREATE TRIGGER ledger_audit_log AFTER INSERT ON audit_log
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();
CREATE TRIGGER ledger_responsibilities AFTER INSERT ON responsibilities
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();

CREATE FUNCTION api.ledger_on_checkpoint_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM api.ledger_mark('project', ARRAY(SELECT c.project_id
	    FROM checkpoints c WHERE c.id IN (SELECT checkpoint_id
		FROM new_rows)));
	RETURN NULL;
END
$$;

CREATE TRIGGER ledger_checkpoint_versions AFTER INSERT ON checkpoint_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_checkpoint_versions();

-- A box changed hands: its project, and everyone who ever held it.
CREATE FUNCTION api.ledger_on_ownership_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM api.ledger_mark('project',
	    ARRAY(SELECT project_id FROM new_rows));
	PERFORM api.ledger_mark('person', ARRAY(SELECT o.person_id
	    FROM ownership_versions o JOIN (SELECT DISTINCT project_id,
		responsibility, role FROM new_rows) n
	    ON n.project_id = o.project_id AND
		n.responsibility = o.responsibility AND n.role = o.role));
	RETURN NULL;
END
$$;

CREATE TRIGGER ledger_ownership_versions AFTER INSERT ON ownership_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_ownership_versions();

-- A person came or went: their load, and the boxes they ever held.
CREATE FUNCTION api.ledger_on_person_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM api.ledger_mark('person',
	    ARRAY(SELECT person_id FROM new_rows));
	PERFORM api.ledger_mark('project', ARRAY(SELECT DISTINCT o.project_id
	    FROM ownership_versions o
	    WHERE o.person_id IN (SELECT person_id FROM new_rows)));
	RETURN NULL;
END
$$;

CREATE TRIGGER ledger_person_versions AFTER INSERT ON person_versions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_person_versions();

-- A threshold moved: everything may say something else.
CREATE FUNCTION api.ledger_on_settings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM api.ledger_mark('project', ARRAY(SELECT id FROM projects));
	PERFORM api.ledger_mark('person', ARRAY(SELECT id FROM people));
	RETURN NULL;
END
$$;

-- Only the threshold the rules read: a setting of the mail or the outbox
-- changed would otherwise make the whole portfolio dirty, and every read
-- compute it from its facts until the ledger had caught up again.
CREATE TRIGGER ledger_settings AFTER INSERT OR UPDATE ON settings
    FOR EACH ROW WHEN (NEW.key = 'overload_threshold')
    EXECUTE FUNCTION api.ledger_on_settings();
CREATE TRIGGER ledger_settings_gone AFTER DELETE ON settings
    FOR EACH ROW WHEN (OLD.key = 'overload_threshold')
    EXECUTE FUNCTION api.ledger_on_settings();

-- The background job ----------------------------------------------------------

-- Take up to p.limit dirty items not taken by another job (or whose job
-- let its lease of p.lease seconds run out) and changed at least
-- p.settle_ms ago, with, from one snapshot,
-- their facts, the dirty rows those facts include and the version of what
-- the ledger holds for them:
--   {"items": [{"kind", "item", "version", "ids": [...], "facts": {...}}]}
CREATE FUNCTION api.ledger_work(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	n	int := coalesce((p->>'limit')::int, 16);
	lease	interval := make_interval(secs =>
		    coalesce((p->>'lease')::int, 30));
	settle	interval := make_interval(secs =>
		    coalesce((p->>'settle_ms')::int, 0) / 1000.0);
	taken	jsonb;
BEGIN
	-- The items of the oldest rows, then every row of those items (a
	-- bulk load leaves many per item), skipping what another job holds:
	-- an item another job is working on waits for it, rather than be
	-- worked out twice at once (one of the two applies would be refused).
	-- An item is taken once its oldest change is p.settle_ms old: a
	-- burst of writes to it is worked out once.
	WITH items AS (
		SELECT kind, item FROM (SELECT id, kind, item FROM ledger_dirty
		    WHERE (claimed_until IS NULL OR
			claimed_until < clock_timestamp()) AND
			at <= clock_timestamp() - settle
		    ORDER BY id LIMIT n * 8) x
		WHERE NOT EXISTS (SELECT 1 FROM ledger_dirty h
		    WHERE h.kind = x.kind AND h.item = x.item AND
			h.claimed_until >= clock_timestamp())
		GROUP BY kind, item ORDER BY min(id) LIMIT n
	), mine AS (
		-- An item is claimed whole by one job: two jobs claiming at
		-- once would otherwise each lock some of its rows (SKIP
		-- LOCKED goes row by row) and both work it out, the second
		-- apply refused and its rows taken a third time.  The lock
		-- lasts until this statement commits its leases.
		SELECT kind, item FROM items
		WHERE pg_try_advisory_xact_lock(hashtextextended(
		    'handoff.ledger ' || kind || ' ' || item, 0))
	), cand AS (
		SELECT d.id FROM ledger_dirty d
		JOIN mine i ON i.kind = d.kind AND i.item = d.item
		WHERE d.claimed_until IS NULL OR
		    d.claimed_until < clock_timestamp()
		FOR UPDATE OF d SKIP LOCKED
	), claimed AS (
		UPDATE ledger_dirty d
		SET claimed_until = clock_timestamp() + lease
		FROM cand c
		WHERE d.id = c.id
		RETURNING d.id, d.kind, d.item
	)
	SELECT jsonb_agg(jsonb_build_object('kind', kind, 'item', item,
	    'ids', ids) ORDER BY first) INTO taken
	FROM (SELECT kind, item, jsonb_agg(id ORDER BY id) AS ids,
	    min(id) AS first FROM claimed GROUP BY kind, item) c;

	-- Nothing to work out: the portfolio's order of a new day, or a few
	-- of the documents still to be kept.
	IF taken IS NULL THEN
		PERFORM api.rank_day(api.today(p));
		PERFORM api.docs_fill(n, api.today(p));
	END IF;
	-- Now and then, what no kept read can need any more (98_kept.sql):
	-- every few seconds across the workers, busy or idle.
	IF random() < 0.02 THEN
		PERFORM api.kept_prune();
	END IF;

	-- The facts, read after the claim: they include every change the
	-- claimed rows stand for (and perhaps later ones, whose rows stay).
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    json_build_object('kind', t->>'kind', 'item',
		(t->>'item')::bigint, 'ids', t->'ids',
		'version', coalesce((SELECT version FROM ledger_items li
		    WHERE li.kind = t->>'kind' AND
		    li.item = (t->>'item')::bigint), 0),
		'facts', CASE t->>'kind' WHEN 'project'
		    THEN api.project_facts_doc((t->>'item')::bigint)
		    ELSE api.person_facts_doc((t->>'item')::bigint) END)
	    ORDER BY o)
	    FROM jsonb_array_elements(coalesce(taken, '[]'::jsonb))
	    WITH ORDINALITY AS x(t, o)), '[]'::json));
END
$$;

-- The day counts of the spans of these projects and people into
-- risk_deltas, with the given sign: +1 where each span starts and -1
-- where it stops (times sign).
CREATE FUNCTION api.ledger_count(p_projects bigint[], p_people bigint[],
    p_sign int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO risk_deltas (on_day, severity, delta)
	SELECT e.day, e.severity, sum(e.n) FROM (
		SELECT s.from_on AS day, s.severity, p_sign AS n
		FROM risk_spans s WHERE s.project_id = ANY (p_projects)
		UNION ALL
		SELECT s.to_on, s.severity, -p_sign
		FROM risk_spans s WHERE s.project_id = ANY (p_projects) AND
		    s.to_on IS NOT NULL
		UNION ALL
		SELECT s.from_on, s.severity, p_sign
		FROM risk_spans s WHERE s.owner_id = ANY (p_people)
		UNION ALL
		SELECT s.to_on, s.severity, -p_sign
		FROM risk_spans s WHERE s.owner_id = ANY (p_people) AND
		    s.to_on IS NOT NULL
	) e GROUP BY e.day, e.severity HAVING sum(e.n) <> 0
	ORDER BY e.day, e.severity
	ON CONFLICT (on_day, severity) DO UPDATE
	SET delta = risk_deltas.delta + excluded.delta;
END
$$;

-- The same for projects at risk (at_risk_deltas, 0022): the profile
-- segments of these projects whose worst is high or critical.
CREATE FUNCTION api.at_risk_count(p_projects bigint[], p_sign int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO at_risk_deltas (on_day, delta)
	SELECT e.day, sum(e.n) FROM (
		SELECT r.from_on AS day, p_sign AS n
		FROM risk_profile r
		WHERE r.project_id = ANY (p_projects) AND r.worst >= 2
		UNION ALL
		SELECT r.to_on, -p_sign
		FROM risk_profile r
		WHERE r.project_id = ANY (p_projects) AND r.worst >= 2 AND
		    r.to_on IS NOT NULL
	) e GROUP BY e.day HAVING sum(e.n) <> 0
	ORDER BY e.day
	ON CONFLICT (on_day) DO UPDATE
	SET delta = at_risk_deltas.delta + excluded.delta;
END
$$;

-- Put what the job computed in the ledger:
--   {"items": [{"kind", "item", "version", "ids": [...],
--               "spans": [{"kind": 1, "subject", "from", "to", "since",
--                          "severity", "launch", "resp", "role",
--                          "checkpoint", "handoff", "stage", "field",
--                          "person", "ref", "event", "inactive", "held",
--                          "threshold", "ends", "closed_by"}],
--               "profile": [{"from", "to", "n": [low, medium, high,
--                            critical], "worst", "launch", "kind",
--                            "subject"}],
--               "holders": [{"person", "from", "to"}]}]}
-- (src/ledger_json.h).
-- Days are days since 1970-01-01.  An item whose ledger moved on since
-- the job took it (another job applied first) is left alone: its dirty
-- rows stay, to be taken again.  Applies run one at a time across every
-- server (they are short, and the day counts they share then need no
-- care about lock order), each over the whole batch at once.  Returns
-- {"applied": n, "stale": m}.  With "today" (the server's day), the
-- risks that opened, were resolved or changed severity that day are
-- written into the outbox in the same transaction (sql/api/95_outbox.sql).
CREATE FUNCTION api.ledger_apply(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	projects	bigint[];
	people		bigint[];
	done_ids	bigint[];
	again_ids	bigint[];
	applied		int;
	apply_day	date := api.today(p);
	open_before	jsonb;
	total		int := jsonb_array_length(coalesce(p->'items',
			    '[]'::jsonb));
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('handoff.ledger_apply'));

	-- Which items are still at the version the job read (only an apply
	-- moves a version, and applies run one at a time), and the dirty
	-- rows of each kind of outcome.  Each item is looked up by its key:
	-- the batch is small, the ledger is not.
	WITH it AS (
		SELECT x->>'kind' AS kind, (x->>'item')::bigint AS item,
		    (x->>'version')::bigint AS version, x->'ids' AS ids
		FROM jsonb_array_elements(p->'items') x
	), judged AS (
		SELECT it.*, coalesce((SELECT li.version = it.version
		    FROM ledger_items li WHERE li.kind = it.kind AND
		    li.item = it.item), it.version = 0) AS fresh
		FROM it
	)
	SELECT coalesce(array_agg(item) FILTER (WHERE fresh AND
	    kind = 'project'), '{}'),
	    coalesce(array_agg(item) FILTER (WHERE fresh AND
	    kind = 'person'), '{}'),
	    coalesce((SELECT array_agg(e::bigint) FROM judged j,
		jsonb_array_elements_text(j.ids) e WHERE j.fresh), '{}'),
	    coalesce((SELECT array_agg(e::bigint) FROM judged j,
		jsonb_array_elements_text(j.ids) e WHERE NOT j.fresh), '{}')
	INTO projects, people, done_ids, again_ids
	FROM judged;
	applied := cardinality(projects) + cardinality(people);

	-- The others' rows are let go, to be taken again.
	UPDATE ledger_dirty SET claimed_until = NULL
	WHERE id = ANY (again_ids);

	INSERT INTO ledger_items (kind, item)
	SELECT 'project', x FROM unnest(projects) x
	UNION ALL
	SELECT 'person', x FROM unnest(people) x
	ORDER BY 1, 2
	ON CONFLICT DO NOTHING;

	IF apply_day IS NOT NULL AND api.outbox_wants_risks() THEN
		open_before := api.outbox_open_risks(projects, people,
		    apply_day);
	END IF;
	PERFORM api.ledger_count(projects, people, -1);
	-- The spans the job worked out replace the items' own, by
	-- difference: a write changes a span or two of a project's hundred,
	-- and a span that stays is neither deleted nor inserted again (nor
	-- its foreign keys checked, nor its indexes, a GiST one among them,
	-- written).  Every statement of the WITH reads the spans as they
	-- were, so a span is deleted when the new ones have none equal to it,
	-- and a new one inserted when the old ones have none.
	WITH spans AS (
		SELECT CASE WHEN x->>'kind' = 'project' THEN
		    (x->>'item')::bigint END AS project_id,
		    CASE WHEN x->>'kind' = 'person' THEN
		    (x->>'item')::bigint END AS owner_id,
		    s.kind, s.subject, api.dday(s."from") AS from_on,
		    api.dday(s."to") AS to_on, api.dday(s.since) AS since,
		    s.severity, api.dday(s.launch) AS launch_on,
		    s.resp AS resp_key, s.role, s.checkpoint AS checkpoint_id,
		    s.handoff, s.stage, s.field, s.person AS person_id,
		    api.dday(s.ref) AS ref_on, api.dday(s.event) AS event_on,
		    coalesce(s.inactive, false) AS inactive, s.held,
		    s.threshold, coalesce(s.ends, false) AS ends, s.closed_by,
		    s.actor AS actor_id, s.note
		FROM jsonb_array_elements(p->'items') x,
		    jsonb_to_recordset(coalesce(x->'spans', '[]'::jsonb))
		    AS s(kind smallint, subject text, "from" int, "to" int,
		    since int, severity smallint, launch int, resp text,
		    role text, checkpoint bigint, handoff text, stage text,
		    field text, person bigint, ref int, event int,
		    inactive boolean, held int, threshold int, ends boolean,
		    closed_by text, actor bigint, note text)
		-- A person or project deleted meanwhile takes its spans.
		WHERE (x->>'kind' = 'project' AND (x->>'item')::bigint = ANY
			(projects) AND EXISTS (SELECT 1 FROM projects
			WHERE id = (x->>'item')::bigint)) OR
		    (x->>'kind' = 'person' AND (x->>'item')::bigint = ANY
			(people) AND EXISTS (SELECT 1 FROM people
			WHERE id = (x->>'item')::bigint))
	), new AS MATERIALIZED (
		-- Each numbered, and its copies (none, from the engine) apart.
		SELECT row_number() OVER () AS nid, s.*,
		    row_number() OVER (PARTITION BY
		    project_id, owner_id, kind, subject, from_on, to_on, since,
		    severity, launch_on, resp_key, role, checkpoint_id, handoff,
		    stage, field, person_id, ref_on, event_on, inactive, held,
		    threshold, ends, closed_by, actor_id, note) AS dup
		FROM spans s
	), old AS MATERIALIZED (
		SELECT s.*, row_number() OVER (PARTITION BY
		    project_id, owner_id, kind, subject, from_on, to_on, since,
		    severity, launch_on, resp_key, role, checkpoint_id, handoff,
		    stage, field, person_id, ref_on, event_on, inactive, held,
		    threshold, ends, closed_by, actor_id, note) AS dup
		FROM (SELECT * FROM risk_spans WHERE project_id = ANY (projects)
		    UNION ALL
		    SELECT * FROM risk_spans WHERE owner_id = ANY (people)) s
	), same AS MATERIALIZED (
		-- Each old span and the new one equal to it, field by field:
		-- one to one, as (fields, dup) is unique on either side.
		SELECT o.id, n.nid FROM old o JOIN new n
		ON n.dup = o.dup AND
		    coalesce(n.project_id, 0) = coalesce(o.project_id, 0) AND
		    coalesce(n.owner_id, 0) = coalesce(o.owner_id, 0) AND
		    n.kind = o.kind AND n.subject = o.subject AND
		    n.from_on = o.from_on AND
		    (n.to_on, n.since, n.severity, n.launch_on, n.resp_key,
		    n.role, n.checkpoint_id, n.handoff, n.stage, n.field,
		    n.person_id, n.ref_on, n.event_on, n.inactive, n.held,
		    n.threshold, n.ends, n.closed_by, n.actor_id, n.note)
		    IS NOT DISTINCT FROM
		    (o.to_on, o.since, o.severity, o.launch_on, o.resp_key,
		    o.role, o.checkpoint_id, o.handoff, o.stage, o.field,
		    o.person_id, o.ref_on, o.event_on, o.inactive, o.held,
		    o.threshold, o.ends, o.closed_by, o.actor_id, o.note)
	), gone AS (
		DELETE FROM risk_spans d USING old o
		WHERE d.id = o.id AND o.id NOT IN (SELECT id FROM same)
	)
	INSERT INTO risk_spans (project_id, owner_id, kind, subject,
	    from_on, to_on, since, severity, launch_on, resp_key, role,
	    checkpoint_id, handoff, stage, field, person_id, ref_on,
	    event_on, inactive, held, threshold, ends, closed_by, actor_id,
	    note)
	SELECT n.project_id, n.owner_id, n.kind, n.subject, n.from_on,
	    n.to_on, n.since, n.severity, n.launch_on, n.resp_key, n.role,
	    n.checkpoint_id, n.handoff, n.stage, n.field, n.person_id,
	    n.ref_on, n.event_on, n.inactive, n.held, n.threshold, n.ends,
	    n.closed_by, n.actor_id, n.note
	FROM new n WHERE n.nid NOT IN (SELECT nid FROM same);
	PERFORM api.ledger_count(projects, people, 1);
	IF open_before IS NOT NULL THEN
		PERFORM api.outbox_risk_events(projects, people, apply_day,
		    open_before);
	END IF;

	-- Each project's profile and holders, as the job worked them out
	-- (ledger.c).
	DELETE FROM risk_holders WHERE project_id = ANY (projects);
	INSERT INTO risk_holders (project_id, person_id, from_on, to_on)
	SELECT (x->>'item')::bigint, h.person, api.dday(h."from"),
	    api.dday(h."to")
	FROM jsonb_array_elements(p->'items') x,
	    jsonb_to_recordset(coalesce(x->'holders', '[]'::jsonb))
	    AS h(person bigint, "from" int, "to" int)
	WHERE x->>'kind' = 'project' AND
	    (x->>'item')::bigint = ANY (projects) AND
	    EXISTS (SELECT 1 FROM projects WHERE id = (x->>'item')::bigint) AND
	    EXISTS (SELECT 1 FROM people WHERE id = h.person);
	PERFORM api.at_risk_count(projects, -1);
	DELETE FROM risk_profile WHERE project_id = ANY (projects);
	INSERT INTO risk_profile (project_id, from_on, to_on, worst,
	    n_critical, n_high, n_medium, n_low, launch_on, first_kind,
	    first_subject)
	SELECT (x->>'item')::bigint, api.dday(r."from"), api.dday(r."to"),
	    r.worst, (r.n->>3)::int, (r.n->>2)::int, (r.n->>1)::int,
	    (r.n->>0)::int, api.dday(r.launch), r.kind, r.subject
	FROM jsonb_array_elements(p->'items') x,
	    jsonb_to_recordset(coalesce(x->'profile', '[]'::jsonb))
	    AS r("from" int, "to" int, n jsonb, worst smallint, launch int,
	    kind smallint, subject text)
	WHERE x->>'kind' = 'project' AND
	    (x->>'item')::bigint = ANY (projects) AND
	    EXISTS (SELECT 1 FROM projects WHERE id = (x->>'item')::bigint);
	PERFORM api.at_risk_count(projects, 1);
	-- Their documents, made clean with them (sql/api/75_docs.sql).
	PERFORM api.docs_store(projects, apply_day);
	PERFORM api.rank_store(projects, apply_day);

	UPDATE ledger_items SET version = version + 1
	WHERE kind = 'project' AND item = ANY (projects);
	UPDATE ledger_items SET version = version + 1
	WHERE kind = 'person' AND item = ANY (people);
	DELETE FROM ledger_dirty WHERE id = ANY (done_ids);
	RETURN json_build_object('applied', applied, 'stale',
	    total - applied);
END
$$;

-- Reads -----------------------------------------------------------------------

-- The vocabulary, for the server's check at start-up.
CREATE FUNCTION api.vocabulary() RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT coalesce(json_agg(json_build_object('kind', kind, 'position',
	    position, 'key', key, 'label', label) ORDER BY kind, position),
	    '[]'::json)
	FROM vocabulary
$$;

-- The spans with the names their sentences use, as they are now.  A
-- query that reads no name pays for no join (they are all on unique
-- keys, so the planner drops the unused ones).
CREATE VIEW api.named_spans AS
SELECT s.*, pr.name AS project_name, pe.name AS person_name,
    r.name AS resp_name, c.title AS checkpoint_title,
    h.name AS handoff_name, ac.name AS actor_name
FROM risk_spans s
LEFT JOIN projects pr ON pr.id = s.project_id
LEFT JOIN people pe ON pe.id = s.person_id
LEFT JOIN people ac ON ac.id = s.actor_id
LEFT JOIN responsibilities r ON r.project_id = s.project_id AND
    r.key = s.resp_key
LEFT JOIN checkpoints c ON c.id = s.checkpoint_id
LEFT JOIN handoff_kinds h ON h.key = s.handoff;

-- A span as src/ledger_json.h reads it.  Plain SQL, so that it is
-- inlined into the query that lists spans.
CREATE FUNCTION api.span_doc(v api.named_spans) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_strip_nulls(json_build_object(
	    'project', v.project_id, 'kind', v.kind, 'subject', v.subject,
	    'from', api.dnum(v.from_on), 'to', api.dnum(v.to_on),
	    'since', api.dnum(v.since), 'severity', v.severity,
	    'launch', api.dnum(v.launch_on), 'resp', v.resp_key,
	    'role', v.role, 'checkpoint', v.checkpoint_id,
	    'handoff', v.handoff, 'stage', v.stage, 'field', v.field,
	    'person', v.person_id, 'ref', api.dnum(v.ref_on),
	    'event', api.dnum(v.event_on), 'inactive', v.inactive,
	    'held', v.held, 'threshold', v.threshold, 'ends', v.ends,
	    'closed_by', v.closed_by, 'project_name', v.project_name,
	    'person_name', v.person_name, 'resp_name', v.resp_name,
	    'checkpoint_title', v.checkpoint_title,
	    'handoff_name', v.handoff_name, 'actor', v.actor_id,
	    'actor_name', v.actor_name, 'note', v.note))
$$;

CREATE FUNCTION api.dirty(p_kind text, p_item bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT EXISTS (SELECT 1 FROM ledger_dirty
		    WHERE kind = p_kind AND item = p_item));
END
$$;

-- What a project's risks on day p_day are made of.  While the ledger is
-- current for the project: its spans of that day and, for each person
-- holding one of its boxes then, their overload span of that day (if
-- any) or, while the ledger has not caught up with them, their facts:
--   {"spans": [...], "people": [{"id", "spans"} or {"id", "facts"}]}
-- Else its facts, and everyone who ever held one of its boxes:
--   {"facts": {...}, "people": [...]}
CREATE FUNCTION api.risk_doc(p_project bigint, p_day date) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF api.dirty('project', p_project) THEN
		RETURN json_build_object(
		    'role_labels', api.role_labels(),
		    'facts', api.project_facts_doc(p_project),
		    'people', coalesce((SELECT json_agg(api.holder_doc(h.id,
			p_day) ORDER BY h.id)
			FROM unnest(api.ledger_holders(ARRAY[p_project]))
			AS h(id)), '[]'::json));
	END IF;
	-- The kept spans hold more days than p_day's: the server picks.
	RETURN json_build_object(
	    -- What the organisation calls the roles, for the sentences.
	    'role_labels', api.role_labels(),
	    'spans', coalesce(api.docs_spans(p_project, p_day),
		(SELECT json_agg(api.span_doc(v) ORDER BY v.id)
		FROM api.named_spans v WHERE v.project_id = p_project AND
		api.covers(v.from_on, v.to_on, p_day)), '[]'::json),
	    'people', coalesce((SELECT json_agg(api.holder_doc(h.person_id,
		p_day) ORDER BY h.person_id)
		FROM risk_holders h WHERE h.project_id = p_project AND
		api.covers(h.from_on, h.to_on, p_day)), '[]'::json));
END
$$;

-- A person's overload on day p_day: their span of that day, or their
-- facts while the ledger has not caught up with them.
CREATE FUNCTION api.holder_doc(p_person bigint, p_day date) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF api.dirty('person', p_person) THEN
		RETURN json_build_object('id', p_person, 'facts',
		    api.person_facts_doc(p_person));
	END IF;
	-- Through the person's own spans (risk_spans_owner), not the days
	-- of everyone's (risk_spans_owner_days), which grow with the
	-- portfolio.
	RETURN json_build_object('id', p_person, 'spans',
	    coalesce((SELECT json_agg(api.span_doc(v) ORDER BY v.id)
		FROM api.named_spans v WHERE v.owner_id = p_person AND
		v.from_on <= p_day AND (v.to_on IS NULL OR v.to_on > p_day)),
		'[]'::json));
END
$$;

-- A project document, and what its risks today are computed from, read
-- after the function that made the document wrote (so VOLATILE).  As
-- text, the statement's answer: the server parses it, and a json result
-- would be parsed here first to check it.  The project is the path's
-- when there is one (its document's "id" is found by parsing all of it).
CREATE FUNCTION api.with_risk_facts(doc json, p jsonb) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	RETURN api.json_splice(doc::text, json_build_object('_risk',
	    api.risk_doc(coalesce(api.path_id(p, 'project'),
	    (doc->>'id')::bigint), api.today(p)))::text);
END
$$;

-- GET /api/v1/projects/{id}/risks?as_of=: the facts of them.
CREATE FUNCTION api.project_risk_facts(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_id	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object('id', v_id, '_risk', api.risk_doc(v_id,
	    coalesce((p->'query'->>'as_of')::date, api.today(p))));
END
$$;

-- Has anyone a box of the project?
CREATE FUNCTION api.has_owner(p_project bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM ownership o
	    WHERE o.project_id = p_project AND o.person_id IS NOT NULL);
END
$$;

-- The people a project page's selects offer: the first p_limit active
-- people by name, and everyone the project names (its PM, box holders,
-- checkpoint owners, handoff parties), wherever they sort and active or
-- not, so that every select shows who it holds: a select without them
-- would show "nobody" and save it.
CREATE FUNCTION api.page_people(p_project bigint, p_limit int) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object('people', coalesce((SELECT json_agg(
	    api.person_json(x.*) ORDER BY x.name, x.id)
	    FROM (SELECT * FROM (SELECT * FROM people WHERE active
		ORDER BY name, id LIMIT p_limit) first
		UNION
		SELECT pe.* FROM people pe WHERE pe.id IN (
		    SELECT pm_id FROM projects WHERE id = p_project
		    UNION ALL SELECT person_id FROM ownership
			WHERE project_id = p_project
		    UNION ALL SELECT owner_id FROM checkpoints
			WHERE project_id = p_project
		    UNION ALL SELECT from_id FROM handoffs
			WHERE project_id = p_project
		    UNION ALL SELECT to_id FROM handoffs
			WHERE project_id = p_project)) x), '[]'::json));
END
$$;

-- GET /projects/{id}: everything the page shows, from one snapshot.
CREATE FUNCTION api.project_page(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_id	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object(
	    -- With the first day of its status as it stands (since when it
	    -- is paused, shipped or cancelled: the page says so at the top).
	    'document', api.json_concat(api.project_doc(v_id),
		json_build_object('status_since', (SELECT min(v.effective_on)
		FROM project_versions v WHERE v.project_id = v_id AND
		    v.id > coalesce((SELECT max(x.id) FROM project_versions x
		    JOIN projects pr ON pr.id = x.project_id
		    WHERE x.project_id = v_id AND x.status <> pr.status), 0)),
		    -- What the organisation calls the matrix's columns now.
		    'role_labels', api.role_labels())),
	    'people', api.page_people(v_id, 200),
	    -- Others to copy ownership from, with a box filled: the same
	    -- PM's first, then the newest, 50 at most (a list of every
	    -- project would cost the portfolio).
	    'projects', coalesce((SELECT json_agg(json_build_object('id',
		c.id, 'name', c.name) ORDER BY c.o, c.id DESC)
		FROM (SELECT * FROM (SELECT 0 AS o, x.id, x.name FROM projects x
		    WHERE x.pm_id = (SELECT pm_id FROM projects
		    WHERE id = v_id) AND x.id <> v_id AND api.has_owner(x.id)
		    ORDER BY x.id DESC LIMIT 50) mine
		    UNION ALL
		    SELECT * FROM (SELECT 1, x.id, x.name FROM projects x
		    WHERE x.pm_id <> (SELECT pm_id FROM projects
		    WHERE id = v_id) AND api.has_owner(x.id)
		    ORDER BY x.id DESC LIMIT 50) others
		    ORDER BY 1, 2 DESC LIMIT 50) c), '[]'::json),
	    -- A page of 20 entries from query.history, and where it starts.
	    'history', api.json_concat(api.project_history(p ||
		jsonb_build_object('query', jsonb_build_object('limit', 20,
		'offset', coalesce((p->'query'->>'history')::int, 0)))),
		json_build_object('offset',
		coalesce((p->'query'->>'history')::int, 0), 'limit', 20)),
	    -- What stands before the next stage (api.stage_gates): the
	    -- stage form shows it and asks for the override's reason.
	    'gates', (SELECT json_build_object('stage', n.next,
		'unmet', api.stage_gates(pr.id, pr.stage, n.next))
		FROM projects pr, api.next_stage(pr.stage) n(next)
		WHERE pr.id = v_id),
	    '_risk', api.risk_doc(v_id, api.today(p)));
END
$$;

-- The items still dirty, and their facts.
CREATE FUNCTION api.dirty_doc(p_projects bigint[], p_people bigint[])
RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object(
	    'projects', coalesce((SELECT json_agg(json_build_object('id', i,
		'facts', api.project_facts_doc(i)) ORDER BY i)
		FROM unnest(p_projects) AS i), '[]'::json),
	    'people', coalesce((SELECT json_agg(json_build_object('id', i,
		'facts', api.person_facts_doc(i)) ORDER BY i)
		FROM unnest(p_people) AS i), '[]'::json));
END
$$;

-- The risk order of src/risk.c (risk_order_cmp()): rank, severity, days
-- to launch, project name, kind, subject, project.  As sort keys for one
-- day.
CREATE FUNCTION api.launch_days(p_launch date, p_day date) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_launch IS NULL THEN 2147483647
	    ELSE greatest(p_launch - p_day, 0) END
$$;

-- The ranking rule of src/risk.h (risk_rank()): the severity (0 low ..
-- 3 critical) plus 2 when the launch is at most 14 days away or past, 1
-- when at most 42 days away.  p_launch_days as api.launch_days() gives
-- it.  tests/integration/oracle.test.js checks it against the C rule.
CREATE FUNCTION api.risk_rank(p_severity int, p_launch_days int)
RETURNS int LANGUAGE sql IMMUTABLE AS $$
	SELECT p_severity + CASE WHEN p_launch_days <= 14 THEN 2
	    WHEN p_launch_days <= 42 THEN 1 ELSE 0 END
$$;

-- GET /api/v1/risks?as_of=&severity=&pm=&limit=&offset=: the spans that
-- cover the day, at least that severe (exactly with query.exact), of
-- the items the ledger is current for, the first
-- offset + limit in risk order, with how many there are; and the facts
-- of the others.
CREATE FUNCTION api.risks(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d	date := (p->'query'->>'as_of')::date;
	sev	smallint := (SELECT position FROM vocabulary
		    WHERE kind = 'severity' AND key = p->'query'->>'severity');
	pm	bigint := (p->'query'->>'pm')::bigint;
	n	int := api.limit_of(p) + api.offset_of(p);
	dp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'project');
	dpp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'person');
	skip	int;
BEGIN
	-- With nothing dirty the page is the stored spans' alone, and those
	-- before it need not be sent; else the fresh risks may sort anywhere.
	dp := ARRAY(SELECT i FROM unnest(dp) i WHERE pm IS NULL OR
	    (SELECT pm_id FROM projects WHERE id = i) = pm);
	IF pm IS NOT NULL THEN
		dpp := '{}';
	END IF;
	skip := CASE WHEN cardinality(dp) = 0 AND cardinality(dpp) = 0
	    THEN api.offset_of(p) ELSE 0 END;
	RETURN (WITH cand AS MATERIALIZED (
		-- Narrow rows, to sort: the spans themselves come after.
		SELECT s.id, s.severity, s.launch_on, s.kind, s.subject,
		    s.project_id, pr.name AS pname
		FROM risk_spans s
		LEFT JOIN projects pr ON pr.id = s.project_id
		WHERE api.covers(s.from_on, s.to_on, d)
		  AND (sev IS NULL OR s.severity = sev OR
		    (s.severity > sev AND NOT coalesce((p->'query'->>'exact')::
		    boolean, false)))
		  AND (pm IS NULL OR pr.pm_id = pm)
		  AND (s.project_id IS NULL OR s.project_id <> ALL (dp))
		  AND (s.owner_id IS NULL OR s.owner_id <> ALL (dpp))
	), page AS (
		SELECT id, row_number() OVER () AS o FROM (SELECT id FROM cand
		    ORDER BY api.risk_rank(severity,
		    api.launch_days(launch_on, d)) DESC, severity DESC,
		    api.launch_days(launch_on, d),
		    coalesce(pname, '') COLLATE "C", kind,
		    subject COLLATE "C", coalesce(project_id, 0)
		    LIMIT n - skip OFFSET skip) x
	), tally AS (
		SELECT count(*) AS total,
		    count(*) FILTER (WHERE severity = 0) AS n0,
		    count(*) FILTER (WHERE severity = 1) AS n1,
		    count(*) FILTER (WHERE severity = 2) AS n2,
		    count(*) FILTER (WHERE severity = 3) AS n3
		FROM cand
	)
	SELECT json_build_object(
	    'skipped', skip,
	    -- What the organisation calls the roles, for the sentences.
	    'role_labels', api.role_labels(),
	    'spans', coalesce((SELECT json_agg(api.span_doc(v) ORDER BY
		page.o) FROM page JOIN api.named_spans v ON v.id = page.id),
		'[]'::json),
	    'total', t.total,
	    'counts', json_build_array(t.n0, t.n1, t.n2, t.n3),
	    'dirty', api.dirty_doc(dp, dpp))
	FROM tally t);
END
$$;

-- Open on day d: the spans of an item that cover it.
CREATE FUNCTION api.covers(p_from date, p_to date, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	-- Inlined as the expression of the risk_spans_days indexes.
	SELECT daterange(p_from, p_to) @> d
$$;

-- GET /api/v1/digest (and the page, and the Markdown): the day counts of
-- query.days, the risks open at query.as_of and not at query.prev (new),
-- those whose run began since but that were open at prev as well
-- (reopened: not new), those resolved between, the first offset + limit projects with open
-- risks in the order of their worst (with their spans), how many there
-- are, the overloads, the checkpoints due the week after; of the items the
-- ledger is current for, and the facts and stored spans of the others.
CREATE FUNCTION api.digest(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d	date := (p->'query'->>'as_of')::date;
	prev	date := (p->'query'->>'prev')::date;
	n	int := api.limit_of(p) + api.offset_of(p);
	dp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'project');
	dpp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'person');
	-- The groups before the page that need not be sent: a dirty
	-- project, and the people's group, can each sort in before it.
	skip	int := greatest(0, api.offset_of(p) - cardinality(dp) - 1);
BEGIN
	RETURN (WITH stopped AS MATERIALIZED (
		-- The runs that stopped within the week.
		SELECT s.id, coalesce(s.project_id, 0) AS pid,
		    coalesce(s.owner_id, 0) AS oid, s.project_id, s.owner_id,
		    s.kind, s.subject, s.since, s.to_on, s.closed_by
		FROM risk_spans s
		WHERE s.ends AND s.to_on > prev AND s.to_on <= d
		  AND (s.project_id IS NULL OR s.project_id <> ALL (dp))
		  AND (s.owner_id IS NULL OR s.owner_id <> ALL (dpp))
	), begun AS MATERIALIZED (
		-- The runs begun within the week and open at its end.  Runs of
		-- a risk never overlap, so one open at the week's start as
		-- well (reopened: not new) had a run begun by then that
		-- stopped within the week.
		SELECT s.id, coalesce(s.project_id, 0) AS pid,
		    coalesce(s.owner_id, 0) AS oid, s.kind, s.subject,
		    EXISTS (SELECT 1 FROM stopped x
			WHERE x.pid = coalesce(s.project_id, 0) AND
			x.oid = coalesce(s.owner_id, 0) AND x.kind = s.kind AND
			x.subject = s.subject AND x.since <= prev)
			AS reopened
		FROM risk_spans s
		-- (A run's since is at most its from_on, so since <= d: the
		-- range finds the few runs begun in the week, where since >
		-- prev alone would add every run of the risks still to come.)
		WHERE s.since > prev AND s.since <= d AND
		    api.covers(s.from_on, s.to_on, d)
		  AND (s.project_id IS NULL OR s.project_id <> ALL (dp))
		  AND (s.owner_id IS NULL OR s.owner_id <> ALL (dpp))
	), ended AS (
		-- The resolved: runs that stopped within the week, of risks
		-- not open at its end (whose open run would have begun
		-- since), the last of each.
		SELECT DISTINCT ON (x.kind, x.pid, x.oid, x.subject) x.*
		FROM stopped x
		WHERE NOT EXISTS (SELECT 1 FROM begun b
		    WHERE b.pid = x.pid AND b.oid = x.oid AND b.kind = x.kind AND
			b.subject = x.subject)
		ORDER BY x.kind, x.pid, x.oid, x.subject, x.to_on DESC
	), covering AS MATERIALIZED (
		-- The projects with risks open at the end of the week.
		SELECT r.project_id, r.worst, r.launch_on, r.first_kind,
		    r.first_subject
		FROM risk_profile r
		WHERE daterange(r.from_on, r.to_on) @> d
		  AND r.project_id <> ALL (dp)
	), groups AS (
		SELECT c.project_id, row_number() OVER () AS o
		FROM (SELECT c.project_id FROM covering c
		    JOIN projects pr ON pr.id = c.project_id
		    ORDER BY api.risk_rank(c.worst,
		    api.launch_days(c.launch_on, d)) DESC, c.worst DESC,
		    api.launch_days(c.launch_on, d),
		    pr.name COLLATE "C", c.first_kind,
		    c.first_subject COLLATE "C", c.project_id
		    LIMIT n - skip OFFSET skip) c
	)
	SELECT json_build_object(
	    'skipped', skip,
	    -- What the organisation calls the roles, for the sentences.
	    'role_labels', api.role_labels(),
	    'counts', (SELECT json_agg((SELECT json_build_array(
		coalesce(sum(delta) FILTER (WHERE severity = 0), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 1), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 2), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 3), 0))
		FROM risk_deltas WHERE on_day <= x.day::date) ORDER BY x.o)
		FROM jsonb_array_elements_text(p->'query'->'days')
		WITH ORDINALITY AS x(day, o)),
	    'new', coalesce((SELECT json_agg(api.span_doc(v))
		FROM begun b JOIN api.named_spans v ON v.id = b.id
		WHERE NOT b.reopened), '[]'::json),
	    'reopened', coalesce((SELECT json_agg(api.span_doc(v))
		FROM begun b JOIN api.named_spans v ON v.id = b.id
		WHERE b.reopened), '[]'::json),
	    -- Each as it was at the start of the week.
	    'resolved', coalesce((SELECT json_agg(api.json_concat(
		api.span_doc(x.v), json_build_object('resolved_on',
		api.dnum(e.to_on), 'resolved_by', e.closed_by)))
		FROM ended e
		CROSS JOIN LATERAL (SELECT o.id FROM risk_spans o
		    WHERE o.project_id = e.project_id AND o.kind = e.kind AND
			o.subject = e.subject AND
			api.covers(o.from_on, o.to_on, prev)
		    UNION ALL
		    SELECT o.id FROM risk_spans o
		    WHERE o.owner_id = e.owner_id AND o.kind = e.kind AND
			o.subject = e.subject AND
			api.covers(o.from_on, o.to_on, prev)) w
		-- By id, one at a time (OFFSET 0 keeps the planner from
		-- joining the whole view: seconds at 10,000 projects).
		CROSS JOIN LATERAL (SELECT nv AS v FROM api.named_spans nv
		    WHERE nv.id = w.id OFFSET 0) x), '[]'::json),
	    'groups', coalesce((SELECT json_agg(json_build_object(
		'project', g.project_id, 'spans', (SELECT json_agg(
		    api.span_doc(v)) FROM api.named_spans v
		    WHERE v.project_id = g.project_id AND
		    api.covers(v.from_on, v.to_on, d))) ORDER BY g.o)
		FROM groups g), '[]'::json),
	    'ngroups', (SELECT count(*) FROM covering),
	    'overload', coalesce((SELECT json_agg(api.span_doc(v))
		FROM api.named_spans v WHERE v.owner_id IS NOT NULL AND
		v.owner_id <> ALL (dpp) AND api.covers(v.from_on, v.to_on, d)),
		'[]'::json),
	    'due', api.due(d, prev + 8, prev + 14, d >= api.today(p)),
	    'due_this', api.due(d, prev + 1, prev + 7, d >= api.today(p)),
	    -- Projects at risk (a high or critical risk) on each counted day.
	    -- (The day sums, less the dirty projects' stale profiles.)
	    'at_risk', (SELECT json_agg(coalesce((SELECT sum(delta)
		FROM at_risk_deltas WHERE on_day <= x.day::date), 0) -
		(SELECT count(*) FROM risk_profile r
		WHERE r.project_id = ANY (dp) AND
		daterange(r.from_on, r.to_on) @> x.day::date AND
		r.worst >= 2) ORDER BY x.o)
		FROM jsonb_array_elements_text(p->'query'->'days')
		WITH ORDINALITY AS x(day, o)),
	    'paused', api.paused(d, d >= api.today(p)),
	    'stale', coalesce((SELECT json_agg(api.span_doc(v))
		FROM (SELECT id FROM risk_spans WHERE project_id = ANY (dp)
		    UNION ALL
		    SELECT id FROM risk_spans WHERE owner_id = ANY (dpp)) x
		JOIN api.named_spans v ON v.id = x.id), '[]'::json),
	    'dirty', api.dirty_doc(dp, dpp)));
END
$$;

-- The checkpoints due from p_from to p_to as they stood at the end of
-- p_day: not deleted, pending or blocked, of projects active then.  On
-- today (p_current), every version is in effect, so the latest of each
-- is the row itself: the rows are read, through the index on due days,
-- rather than each checkpoint's versions.
CREATE FUNCTION api.due(p_day date, p_from date, p_to date,
    p_current boolean) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF p_current THEN
		RETURN coalesce((SELECT json_agg(json_build_object(
		    'project_id', c.project_id, 'project_name', pr.name,
		    'checkpoint_id', c.id, 'title', c.title, 'stage', c.stage,
		    'status', c.status, 'due', api.dnum(c.due_on))
		    ORDER BY c.due_on, pr.name COLLATE "C", pr.id, c.id)
		FROM checkpoints c
		JOIN projects pr ON pr.id = c.project_id
		WHERE c.due_on BETWEEN p_from AND p_to
		  AND c.deleted_on IS NULL
		  AND c.status IN ('pending', 'blocked')
		  AND pr.status = 'active' AND pr.created_on <= p_day),
		    '[]'::json);
	END IF;
	RETURN coalesce((SELECT json_agg(json_build_object(
	    'project_id', c.project_id, 'project_name', pr.name,
	    'checkpoint_id', c.id, 'title', c.title, 'stage', c.stage,
	    'status', v.status, 'due', api.dnum(v.due_on))
	    ORDER BY v.due_on, pr.name COLLATE "C", pr.id, c.id)
	FROM checkpoints c
	JOIN projects pr ON pr.id = c.project_id
	CROSS JOIN LATERAL (SELECT * FROM checkpoint_versions x
	    WHERE x.checkpoint_id = c.id AND x.effective_on <= p_day
	    ORDER BY x.id DESC LIMIT 1) v
	WHERE c.id IN (SELECT checkpoint_id FROM checkpoint_versions
		WHERE due_on BETWEEN p_from AND p_to)
	  AND NOT v.deleted AND v.due_on BETWEEN p_from AND p_to
	  AND v.status IN ('pending', 'blocked')
	  AND pr.created_on <= p_day
	  AND (SELECT x.status FROM project_versions x
		WHERE x.project_id = pr.id AND x.effective_on <= p_day
		ORDER BY x.id DESC LIMIT 1) = 'active'), '[]'::json);
END
$$;

-- The projects paused at the end of p_day, by name (bytes) and id, each
-- with the first day of the pause that lasts to p_day (digest.h,
-- digest_paused_since()).
CREATE FUNCTION api.paused(p_day date, p_current boolean) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	-- On today (p_current), the projects paused now; on a day before,
	-- those ever paused by then, to be looked at one by one.
	RETURN coalesce((SELECT json_agg(json_build_object('id', x.id,
	    'name', x.name, 'since', api.dnum(x.since))
	    ORDER BY x.name COLLATE "C", x.id)
	FROM (SELECT pr.id, pr.name,
		api.paused_since(pr.id, pr.created_on, p_day) AS since
	    FROM projects pr
	    WHERE pr.created_on <= p_day AND
		(pr.status = 'paused' OR NOT p_current) AND
		pr.id IN (SELECT project_id FROM project_versions
		WHERE status = 'paused' AND effective_on <= p_day)) x
	WHERE x.since IS NOT NULL), '[]'::json);
END
$$;

-- The first day of the pause of a project that lasts to p_day, or null
-- when it is not paused then: back through the version in effect the day
-- before each, never before its creation.
CREATE FUNCTION api.paused_since(p_project bigint, p_created date,
    p_day date) RETURNS date
LANGUAGE plpgsql STABLE AS $$
DECLARE
	st	text;
	eff	date;
	since	date;
BEGIN
	SELECT v.status, v.effective_on INTO st, eff FROM project_versions v
	WHERE v.project_id = p_project AND v.effective_on <= p_day
	ORDER BY v.id DESC LIMIT 1;
	IF NOT FOUND OR st <> 'paused' THEN
		RETURN NULL;
	END IF;
	since := eff;
	LOOP
		EXIT WHEN since <= p_created;
		SELECT v.status, v.effective_on INTO st, eff
		FROM project_versions v
		WHERE v.project_id = p_project AND v.effective_on < since
		ORDER BY v.id DESC LIMIT 1;
		EXIT WHEN NOT FOUND OR st <> 'paused';
		since := eff;
	END LOOP;
	RETURN greatest(since, p_created);
END
$$;

-- The projects, riskiest first (GET /api/v1/projects and the portfolio
-- page): query.status (any when absent or "all"; the page sends
-- "active" by default), stage, pm; severity with at_least (the page's
-- "risks at least"); query.wide: how many of the overloads of the day
-- the page shows.  Each project's counts are those of query.today's
-- profile; the projects still dirty come with their facts.
CREATE FUNCTION api.portfolio(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	q	jsonb := coalesce(p->'query', '{}'::jsonb);
	d	date := api.today(p);
	st	text := nullif(q->>'status', 'all');
	sev	smallint := (SELECT position FROM vocabulary
		    WHERE kind = 'severity' AND key = q->>'severity');
	n	int := api.limit_of(p) + api.offset_of(p);
	dp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'project');
	dpp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'person');
	ndirty	int;
	skip	int;
	rows	json;
	total	bigint;
BEGIN
	-- The clean rows before offset - (dirty ones) cannot reach the page
	-- once the dirty ones are sorted in: they are left here.
	ndirty := (SELECT count(*) FROM projects pr WHERE pr.id = ANY (dp)
	    AND (st IS NULL OR pr.status = st)
	    AND (q->>'stage' IS NULL OR pr.stage = q->>'stage')
	    AND (q->>'pm' IS NULL OR pr.pm_id = (q->>'pm')::bigint));
	skip := greatest(0, api.offset_of(p) - ndirty);
	IF d IS NOT NULL AND d = (SELECT day FROM portfolio_rank_day) THEN
		-- The day's kept order (sql/0038_portfolio_rank.sql): the
		-- page is the index's first rows.
		SELECT coalesce(json_agg(api.portfolio_row(m,
		    json_build_array(g.n0, g.n1, g.n2, g.n3), NULL)
		    ORDER BY g.o), '[]'::json) INTO rows
		FROM (SELECT r.*, row_number() OVER () AS o
		    FROM (SELECT * FROM portfolio_rank r
			WHERE (st IS NULL OR r.status = st)
			  AND (q->>'stage' IS NULL OR r.stage = q->>'stage')
			  AND (q->>'pm' IS NULL OR
			    r.pm_id = (q->>'pm')::bigint)
			  AND r.project_id <> ALL (dp)
			  AND (sev IS NULL OR r.worst >= sev)
			ORDER BY r.rank DESC, r.worst DESC, r.n3 DESC,
			r.n2 DESC, r.n1 DESC, r.n0 DESC,
			r.target_launch_on, r.name COLLATE "C", r.project_id
			LIMIT n - skip OFFSET skip) r) g
		JOIN projects m ON m.id = g.project_id;
		total := (SELECT count(*) FROM portfolio_rank r
		    WHERE (st IS NULL OR r.status = st)
		      AND (q->>'stage' IS NULL OR r.stage = q->>'stage')
		      AND (q->>'pm' IS NULL OR r.pm_id = (q->>'pm')::bigint)
		      AND r.project_id <> ALL (dp)
		      AND (sev IS NULL OR r.worst >= sev));
	ELSE
		-- A day not kept yet: every project's counts, sorted.
		WITH clean AS MATERIALIZED (
			SELECT r.* FROM api.rank_rows(NULL, d) r
			WHERE (st IS NULL OR r.status = st)
			  AND (q->>'stage' IS NULL OR r.stage = q->>'stage')
			  AND (q->>'pm' IS NULL OR
			    r.pm_id = (q->>'pm')::bigint)
			  AND r.project_id <> ALL (dp)
			  AND (sev IS NULL OR r.worst >= sev)
		)
		SELECT (SELECT coalesce(json_agg(api.portfolio_row(m,
		    json_build_array(g.n0, g.n1, g.n2, g.n3), NULL)
		    ORDER BY g.o), '[]'::json)
		    FROM (SELECT c.*, row_number() OVER () AS o
			FROM (SELECT * FROM clean c
			ORDER BY c.rank DESC, c.worst DESC, c.n3 DESC,
			c.n2 DESC, c.n1 DESC, c.n0 DESC,
			c.target_launch_on, c.name COLLATE "C", c.project_id
			LIMIT n - skip OFFSET skip) c) g
		    JOIN projects m ON m.id = g.project_id),
		    (SELECT count(*) FROM clean)
		INTO rows, total;
	END IF;
	RETURN json_build_object(
	    'query', q,
	    'skipped', skip,
	    'rows', rows,
	    'total', total,
	    'dirty', coalesce((SELECT json_agg(api.portfolio_row(pr, NULL,
		api.project_facts_doc(pr.id)))
		FROM projects pr WHERE pr.id = ANY (dp)
		  AND (st IS NULL OR pr.status = st)
		  AND (q->>'stage' IS NULL OR pr.stage = q->>'stage')
		  AND (q->>'pm' IS NULL OR
		    pr.pm_id = (q->>'pm')::bigint)), '[]'::json),
	    'pms', coalesce((SELECT json_agg(json_build_object('id', x.id,
		'name', x.name) ORDER BY x.name, x.id) FROM people x
		WHERE x.id IN (SELECT pm_id FROM projects)), '[]'::json),
	    -- The first query.wide overloads of the day, in risk order, and
	    -- how many there are.
	    'overload', coalesce((SELECT json_agg(api.span_doc(v)
		ORDER BY x.o)
		FROM (SELECT s.id, row_number() OVER (ORDER BY
		    api.risk_rank(s.severity, api.launch_days(s.launch_on, d))
		    DESC, s.severity DESC, api.launch_days(s.launch_on, d),
		    s.subject COLLATE "C") AS o
		    FROM risk_spans s
		    WHERE s.owner_id IS NOT NULL AND s.owner_id <> ALL (dpp) AND
		    api.covers(s.from_on, s.to_on, d)
		    ORDER BY o
		    LIMIT coalesce((q->>'wide')::int, 0)) x
		JOIN api.named_spans v ON v.id = x.id), '[]'::json),
	    'noverload', (SELECT count(*) FROM risk_spans s
		WHERE s.owner_id IS NOT NULL AND s.owner_id <> ALL (dpp) AND
		api.covers(s.from_on, s.to_on, d)),
	    'dirty_people', api.dirty_doc('{}', dpp));
END
$$;

-- One project of the list: its fields, its counts (or the facts to count
-- them) and its earliest open checkpoint.
CREATE FUNCTION api.portfolio_row(m projects, p_counts json, p_facts json)
RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN json_build_object('project', api.project_json(m),
	    'counts', p_counts, 'facts', p_facts,
	    'next', (SELECT json_build_object('title', c.title,
		'due_on', c.due_on, 'status', c.status)
		FROM checkpoints c
		WHERE c.project_id = m.id AND c.deleted_on IS NULL AND
		    c.status NOT IN ('done', 'waived')
		ORDER BY c.due_on, c.id LIMIT 1));
END
$$;

-- GET /people: everyone, with the expected boxes each holds today on
-- active projects, by project.
CREATE FUNCTION api.people_page(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d	date := api.today(p);
BEGIN
	RETURN json_build_object(
	    'overload_threshold', api.setting('overload_threshold'),
	    'role_labels', api.role_labels(),
	    'people', coalesce((SELECT json_agg(api.json_concat(
		api.person_json(x), json_build_object('boxes',
		coalesce((SELECT json_agg(json_build_object('project_id',
		    b.project_id, 'project_name', b.name, 'n', b.n)
		    ORDER BY b.project_id)
		FROM (SELECT o.project_id, pr.name, count(*) AS n
		    FROM ownership o
		    JOIN responsibilities r ON r.project_id = o.project_id AND
			r.key = o.responsibility
		    JOIN projects pr ON pr.id = o.project_id
		    WHERE o.person_id = x.id AND pr.status = 'active' AND
			pr.created_on <= d AND CASE o.role
			WHEN 'ds' THEN r.expects_ds
			WHEN 'mle' THEN r.expects_mle
			ELSE r.expects_swe END
		    GROUP BY o.project_id, pr.name) b), '[]'::json)))
		ORDER BY x.name, x.id)
		FROM people x), '[]'::json));
END
$$;

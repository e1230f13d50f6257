-- The outbox (sql/0026_outbox.sql): what is written into it with each
-- change, what the background runner takes and gives back
-- (src/outbox.c), and what an admin reads and does about it.

-- The events an endpoint may ask for, in the order the API lists them.
CREATE FUNCTION api.outbox_events() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT ARRAY['risk.opened', 'risk.resolved', 'risk.severity_changed',
	    'checkpoint.updated', 'handoff.offered', 'handoff.accepted',
	    'project.stage_changed', 'digest.weekly']
$$;

-- One event: a row for every endpoint that asked for it (of the project,
-- when the endpoint names one), in the caller's transaction.  The payload
-- is what a webhook's body is: {"type", "timestamp", "data"}.  Email
-- rows are written by email's own functions (channel 'email').
CREATE FUNCTION api.outbox_emit(p_event text, p_project bigint,
    p_data jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO outbox (channel, target_id, event, payload)
	SELECT t.channel, t.id, p_event, jsonb_build_object('type', p_event,
	    'timestamp', api.ts(clock_timestamp()), 'data', p_data)
	FROM outbox_targets t
	WHERE p_event = ANY (t.events) AND
	    (t.project_id IS NULL OR t.project_id = p_project)
	ORDER BY t.id;
END
$$;

CREATE FUNCTION api.outbox_project(p_project bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT jsonb_build_object('id', pr.id, 'name', pr.name, 'stage',
	    pr.stage)
	FROM projects pr WHERE pr.id = p_project);
END
$$;

-- The audit log is where every write says what it did: a checkpoint
-- changed, a handoff offered or accepted, a project moved to a stage.
CREATE FUNCTION api.outbox_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	ev	text;
BEGIN
	ev := CASE
	    WHEN NEW.entity = 'checkpoint' AND (NEW.action IN ('update',
		'slip') OR NEW.action LIKE 'status\_%') THEN
		'checkpoint.updated'
	    WHEN NEW.entity = 'handoff' AND NEW.action = 'offer' THEN
		'handoff.offered'
	    WHEN NEW.entity = 'handoff' AND NEW.action = 'accept' THEN
		'handoff.accepted'
	    WHEN NEW.entity = 'project' AND NEW.action IN ('stage_forward',
		'stage_back') THEN 'project.stage_changed'
	    END;
	IF ev IS NULL OR NOT EXISTS (SELECT 1 FROM outbox_targets t
	    WHERE ev = ANY (t.events)) THEN
		RETURN NULL;
	END IF;
	-- {"project", "checkpoint": {"id"} or "handoff": {"key"}, "action",
	-- "actor", "on", "before", "after"}: the audit log's own record.
	PERFORM api.outbox_emit(ev, NEW.project_id, jsonb_build_object(
	    'project', api.outbox_project(NEW.project_id),
	    'action', NEW.action, 'actor', NEW.actor, 'on',
	    NEW.recorded_on, 'before', NEW.before, 'after', NEW.after) ||
	    CASE NEW.entity
		WHEN 'checkpoint' THEN jsonb_build_object('checkpoint',
		    jsonb_build_object('id', NEW.entity_id::bigint))
		WHEN 'handoff' THEN jsonb_build_object('handoff',
		    jsonb_build_object('key', NEW.entity_id))
		ELSE '{}'::jsonb END);
	RETURN NULL;
END
$$;

CREATE TRIGGER outbox_audit_log AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION api.outbox_audit();

-- Does any endpoint ask for risk events?  (Else the ledger's apply
-- does not compare before with after.)
CREATE FUNCTION api.outbox_wants_risks() RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT EXISTS (SELECT 1 FROM outbox_targets t
		    WHERE t.events && ARRAY['risk.opened', 'risk.resolved',
		    'risk.severity_changed']));
END
$$;

-- The risks of these projects and people open on a day, one per risk
-- (kind and subject) with its severity that day: what the ledger held
-- before an apply, to compare with what it holds after.
CREATE FUNCTION api.outbox_open_risks(p_projects bigint[],
    p_people bigint[], p_day date) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object('project',
	    s.project_id, 'person', s.owner_id, 'kind', s.kind, 'subject', s.subject,
	    'severity', s.severity, 'since', s.since)), '[]'::jsonb)
	FROM risk_spans s
	WHERE (s.project_id = ANY (p_projects) OR s.owner_id = ANY (p_people))
	    AND s.from_on <= p_day AND (s.to_on IS NULL OR s.to_on > p_day));
END
$$;

-- After an apply: the risks that opened, were resolved or changed their
-- severity on the day, against what was open before (api.ledger_apply).
CREATE FUNCTION api.outbox_risk_events(p_projects bigint[],
    p_people bigint[], p_day date, p_before jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	r	record;
BEGIN
	FOR r IN
		WITH b AS (
			SELECT x.* FROM jsonb_to_recordset(p_before) AS
			    x(project bigint, person bigint, kind int,
			    subject text, severity int, since date)
		), a AS (
			SELECT x.* FROM jsonb_to_recordset(
			    api.outbox_open_risks(p_projects, p_people,
			    p_day)) AS x(project bigint, person bigint,
			    kind int, subject text, severity int, since date)
		)
		SELECT CASE WHEN b.kind IS NULL THEN 'risk.opened'
		    WHEN a.kind IS NULL THEN 'risk.resolved'
		    ELSE 'risk.severity_changed' END AS event,
		    coalesce(a.project, b.project) AS project,
		    coalesce(a.person, b.person) AS person,
		    coalesce(a.kind, b.kind) AS kind,
		    coalesce(a.subject, b.subject) AS subject,
		    a.severity AS severity, b.severity AS before,
		    coalesce(a.since, b.since) AS since
		FROM a FULL JOIN b ON a.kind = b.kind AND
		    a.subject = b.subject AND
		    a.project IS NOT DISTINCT FROM b.project AND
		    a.person IS NOT DISTINCT FROM b.person
		WHERE a.kind IS NULL OR b.kind IS NULL OR
		    a.severity <> b.severity
		ORDER BY 2, 3, 4, 5
	LOOP
		PERFORM api.outbox_emit(r.event, r.project, jsonb_build_object(
		    'project', api.outbox_project(r.project),
		    'person', (SELECT jsonb_build_object('id', pe.id, 'name',
			pe.name) FROM people pe WHERE pe.id = r.person),
		    'risk', jsonb_build_object('kind', (SELECT v.key
			FROM vocabulary v WHERE v.kind = 'risk_kind' AND
			v.position = r.kind), 'subject', r.subject,
			'severity', (SELECT v.key FROM vocabulary v
			WHERE v.kind = 'severity' AND
			v.position = coalesce(r.severity, r.before)),
			'previous_severity', (SELECT v.key
			FROM vocabulary v WHERE v.kind = 'severity' AND
			v.position = r.before AND r.severity IS NOT NULL),
			'since', r.since),
		    'on', p_day));
	END LOOP;
END
$$;

-- The runner (src/outbox.c) takes due rows: p {"limit", "lease" seconds,
-- "runner", "week": the ISO week when today is its Monday, "day": today}.
-- The answer says too whether that week's digest is still to be written
-- (an endpoint asks for digest.weekly and no runner wrote it yet), and
-- whether today's reminder pass is still to run (api.remind_daily),
-- and, when p has "mail" (email is configured), whether the week's
-- digest by email is due (api.digest_mail_due).  Rows another runner
-- holds are skipped, not waited for; a
-- lease that ran out (its runner died) is taken over.  Each taken row
-- counts an attempt.  Answers {"allow_loopback", "items": [...]}.
CREATE FUNCTION api.outbox_claim(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	n	int := coalesce((p->>'limit')::int, 8);
	lease	int := coalesce((p->>'lease')::int, 60);
	-- Now, as a value: clock_timestamp() in the query is volatile, so
	-- outbox_due could not bound the scan by it and every claim read
	-- every row waiting, retries due later included (7 ms a poll with
	-- 5,000 reminders waiting for a mail server).
	now_at	timestamptz := clock_timestamp();
	out	json;
BEGIN
	WITH taken AS (
		SELECT o.id FROM outbox o
		WHERE o.delivered_at IS NULL AND o.dead_at IS NULL AND
		    o.due_at <= now_at AND
		    (o.leased_until IS NULL OR o.leased_until < now_at)
		ORDER BY o.due_at, o.id
		LIMIT n
		FOR UPDATE SKIP LOCKED
	), held AS (
		UPDATE outbox o SET leased_until = now_at +
		    make_interval(secs => lease), leased_by = p->>'runner',
		    attempts = o.attempts + 1
		FROM taken WHERE o.id = taken.id
		RETURNING o.*
	)
	SELECT json_build_object('weekly_due', p->>'week' IS NOT NULL AND
	    EXISTS (SELECT 1 FROM outbox_targets t
		WHERE 'digest.weekly' = ANY (t.events)) AND
	    NOT EXISTS (SELECT 1 FROM outbox_weeks w
		WHERE w.week = p->>'week'),
	    'mail_due', CASE WHEN p ? 'mail' THEN
		api.digest_mail_due(p->'mail') END,
	    'daily_due', p->>'day' IS NOT NULL AND
	    NOT EXISTS (SELECT 1 FROM reminder_days r
		WHERE r.day = (p->>'day')::date),
	    'allow_loopback',
	    coalesce(api.setting('outbox_allow_loopback'), 0) = 1,
	    'items', coalesce(json_agg(json_build_object('id', h.id,
	    'msg_id', h.msg_id, 'channel', h.channel, 'event', h.event,
	    'payload', h.payload, 'recipient', h.recipient, 'attempt',
	    h.attempts, 'target', h.target_id, 'url', t.url, 'secret',
	    t.secret) ORDER BY h.id), '[]'::json))
	INTO out
	FROM held h LEFT JOIN outbox_targets t ON t.id = h.target_id;
	RETURN out;
END
$$;

-- What the runner's attempts came to: p {"runner", "backoff_ms",
-- "window_s", "items": [{"id", "ok", "error"}]}.  A failed row is due
-- again after backoff_ms * 2^(attempts - 1) (at most an hour), or is a
-- dead letter when that would be past its window.  A row whose lease
-- another runner took meanwhile is not this runner's to settle.
CREATE FUNCTION api.outbox_done(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	backoff	bigint := coalesce((p->>'backoff_ms')::bigint, 30000);
	win	bigint := coalesce((p->>'window_s')::bigint, 86400);
	n	int;
BEGIN
	WITH x AS (
		SELECT * FROM jsonb_to_recordset(coalesce(p->'items',
		    '[]'::jsonb)) AS x(id bigint, ok boolean, error text)
	), next AS (
		SELECT o.id, x.ok, left(x.error, 500) AS error,
		    clock_timestamp() + make_interval(secs => least(
		    backoff * 2 ^ least(greatest(o.attempts - 1, 0), 30),
		    3600000)::double precision / 1000) AS due,
		    o.since + make_interval(secs => win) AS ends
		FROM outbox o JOIN x ON x.id = o.id
		WHERE o.leased_by = p->>'runner' AND o.delivered_at IS NULL
		    AND o.dead_at IS NULL
	)
	UPDATE outbox o SET leased_until = NULL, leased_by = NULL,
	    delivered_at = CASE WHEN next.ok THEN clock_timestamp() END,
	    last_error = CASE WHEN next.ok THEN o.last_error ELSE
		next.error END,
	    due_at = CASE WHEN next.ok THEN o.due_at ELSE next.due END,
	    dead_at = CASE WHEN NOT next.ok AND next.due > next.ends THEN
		clock_timestamp() END
	FROM next WHERE o.id = next.id;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN json_build_object('settled', n);
END
$$;

-- The weekly job: p {"data": {"week", "chat", "open", "new",
-- "resolved"}} (views.c computed it from api.digest).  Written once per
-- week across every runner.
CREATE FUNCTION api.outbox_weekly(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO outbox_weeks (week) VALUES (p->'data'->>'week')
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		RETURN json_build_object('written', false);
	END IF;
	PERFORM api.outbox_emit('digest.weekly', NULL, p->'data');
	RETURN json_build_object('written', true);
END
$$;

CREATE FUNCTION api.outbox_row_json(o outbox) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', o.id, 'msg_id', o.msg_id, 'channel',
	    o.channel, 'target', o.target_id, 'recipient', o.recipient,
	    'event', o.event, 'status', CASE
		WHEN o.delivered_at IS NOT NULL THEN 'delivered'
		WHEN o.dead_at IS NOT NULL THEN 'dead'
		ELSE 'pending' END,
	    'attempts', o.attempts, 'created_at', api.ts(o.created_at),
	    'due_at', CASE WHEN o.delivered_at IS NULL AND o.dead_at IS NULL
		THEN api.ts(o.due_at) END,
	    'delivered_at', api.ts(o.delivered_at), 'dead_at',
	    api.ts(o.dead_at), 'last_error', o.last_error,
	    'payload', o.payload)
$$;

-- An endpoint, as the API shows it: never its secret.
CREATE FUNCTION api.webhook_json(t outbox_targets) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', t.id, 'channel', t.channel, 'name',
	    t.name, 'url', t.url, 'events', array_to_json(t.events),
	    'project_id', t.project_id, 'created_at', api.ts(t.created_at),
	    'created_by', t.created_by)
$$;

CREATE FUNCTION api.webhook_list(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('endpoints', coalesce(json_agg(
	    api.webhook_json(t) ORDER BY t.id), '[]'::json),
	    'events', array_to_json(api.outbox_events()))
	FROM outbox_targets t
$$;

-- GET /api/v1/outbox and the /outbox page (admins): the messages of a
-- status (dead letters by default), newest first, paged.
CREATE FUNCTION api.outbox_list(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	WITH q AS (
		SELECT coalesce(p->'query'->>'status', 'dead') AS status,
		    coalesce((p->'query'->>'limit')::int, 50) AS lim,
		    coalesce((p->'query'->>'offset')::int, 0) AS off
	), rows AS (
		SELECT o.* FROM outbox o, q
		WHERE CASE q.status
		    WHEN 'dead' THEN o.dead_at IS NOT NULL
		    WHEN 'delivered' THEN o.delivered_at IS NOT NULL
		    WHEN 'pending' THEN o.delivered_at IS NULL AND
			o.dead_at IS NULL
		    ELSE true END
	)
	SELECT json_build_object('status', (SELECT status FROM q),
	    'messages', coalesce((SELECT json_agg(api.outbox_row_json(r)
		ORDER BY r.id DESC) FROM (SELECT * FROM rows ORDER BY id DESC
		LIMIT (SELECT lim FROM q) OFFSET (SELECT off FROM q)) r),
		'[]'::json),
	    'total', (SELECT count(*) FROM rows),
	    'counts', (SELECT json_build_object(
		'pending', count(*) FILTER (WHERE delivered_at IS NULL AND
		    dead_at IS NULL),
		'dead', count(*) FILTER (WHERE dead_at IS NOT NULL),
		'delivered', count(*) FILTER (WHERE delivered_at IS NOT NULL))
		FROM outbox),
	    'allow_loopback', coalesce(api.setting('outbox_allow_loopback'),
		0) = 1,
	    'endpoints', api.webhook_list(p)->'endpoints',
	    'events', array_to_json(api.outbox_events()))
$$;

-- POST /api/v1/outbox/{id}/retry (admins): a dead letter is due again
-- now, with a new retry window; audited.
CREATE FUNCTION api.outbox_retry(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	o	outbox;
BEGIN
	SELECT * INTO o FROM outbox WHERE id = api.path_id(p, 'message')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no message with id %s',
		    api.path_id(p, 'message')));
	END IF;
	IF o.dead_at IS NULL THEN
		PERFORM api.fail('HF409', CASE WHEN o.delivered_at IS NULL
		    THEN 'the message is still being tried'
		    ELSE 'the message was delivered' END);
	END IF;
	UPDATE outbox SET dead_at = NULL, due_at = clock_timestamp(),
	    since = clock_timestamp(), attempts = 0
	WHERE id = o.id RETURNING * INTO o;
	PERFORM api.audit(p, NULL, 'outbox', o.id::text, 'retry', NULL,
	    json_build_object('event', o.event, 'channel', o.channel));
	RETURN api.outbox_row_json(o);
END
$$;

-- POST /api/v1/outbox/settings (admins): {"allow_loopback": bool}.
CREATE FUNCTION api.outbox_settings(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	old	int := api.setting('outbox_allow_loopback');
	v	int := CASE WHEN (p->'body'->>'allow_loopback')::boolean
		    THEN 1 ELSE 0 END;
BEGIN
	UPDATE settings SET value = v WHERE key = 'outbox_allow_loopback';
	PERFORM api.audit(p, NULL, 'setting', 'outbox_allow_loopback',
	    'update', json_build_object('value', old),
	    json_build_object('value', v));
	RETURN json_build_object('allow_loopback', v = 1);
END
$$;

-- POST /api/v1/webhooks (admins): body {"channel", "name", "url",
-- "events": "a,b,...", "project_id"}, with p.secret made by the server
-- (src/outbox.c) for a webhook.  The URL was checked by the server
-- (scheme, host, no private address); here the events and the project.
-- A chat endpoint takes digest.weekly and risk.opened only.
CREATE FUNCTION api.webhook_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	ch	text := coalesce(b->>'channel', 'webhook');
	evs	text[];
	bad	text;
	t	outbox_targets;
BEGIN
	SELECT array_agg(DISTINCT btrim(e) ORDER BY btrim(e)) INTO evs
	FROM unnest(string_to_array(b->>'events', ',')) e
	WHERE btrim(e) <> '';
	SELECT e INTO bad FROM unnest(coalesce(evs, '{}')) e
	WHERE NOT e = ANY (CASE WHEN ch = 'chat' THEN
	    ARRAY['digest.weekly', 'risk.opened'] ELSE api.outbox_events()
	    END)
	LIMIT 1;
	IF evs IS NULL OR bad IS NOT NULL THEN
		PERFORM api.fail('HF400', CASE WHEN evs IS NULL THEN
		    'events must name at least one event'
		    ELSE format('%s is not an event a %s endpoint takes', bad,
		    ch) END, 'events');
	END IF;
	IF coalesce((p->>'loopback')::boolean, false) AND
	    coalesce(api.setting('outbox_allow_loopback'), 0) <> 1 THEN
		PERFORM api.fail('HF400', 'url must not point at the ' ||
		    'loopback (an admin may allow it for tests: ' ||
		    'outbox_allow_loopback)', 'url');
	END IF;
	IF b ? 'project_id' AND NOT EXISTS (SELECT 1 FROM projects
	    WHERE id = (b->>'project_id')::bigint) THEN
		PERFORM api.fail('HF400', format('no project with id %s',
		    b->>'project_id'), 'project_id');
	END IF;
	INSERT INTO outbox_targets (channel, name, url, events, secret,
	    project_id, created_by)
	VALUES (ch, b->>'name', b->>'url', evs, CASE WHEN ch = 'webhook'
	    THEN p->>'secret' END, (b->>'project_id')::bigint, api.actor(p))
	RETURNING * INTO t;
	PERFORM api.audit(p, t.project_id, 'webhook', t.id::text, 'create',
	    NULL, api.webhook_json(t));
	RETURN api.webhook_json(t);
END
$$;

-- DELETE /api/v1/webhooks/{id} (admins): the endpoint and its messages.
CREATE FUNCTION api.webhook_delete(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	outbox_targets;
BEGIN
	DELETE FROM outbox_targets WHERE id = api.path_id(p, 'webhook')
	RETURNING * INTO t;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no webhook with id %s',
		    api.path_id(p, 'webhook')));
	END IF;
	PERFORM api.audit(p, t.project_id, 'webhook', t.id::text, 'delete',
	    api.webhook_json(t), NULL);
	RETURN api.webhook_list(p);
END
$$;

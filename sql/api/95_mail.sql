-- Email: what each person receives (the tables are in sql/0027_mail.sql).

-- {"person_id", "email", "digest", "reminders": {kind: on}, "version"}:
-- the defaults (the whole digest, every reminder) for a person without a
-- row of mail_prefs.
CREATE FUNCTION api.mail_prefs_json(p_person people) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	m	mail_prefs;
BEGIN
	SELECT * INTO m FROM mail_prefs WHERE person_id = p_person.id;
	RETURN json_build_object('person_id', p_person.id,
	    'email', p_person.email,
	    'digest', coalesce(m.digest, 'all'),
	    'reminders', (SELECT json_object_agg(v.key, NOT EXISTS (
		SELECT 1 FROM reminder_optouts o
		WHERE o.person_id = p_person.id AND o.reminder = v.key)
		ORDER BY v.position)
		FROM vocabulary v WHERE v.kind = 'reminder_kind'),
	    'version', coalesce(m.version, 0));
END
$$;

CREATE FUNCTION api.mail_person(p jsonb, p_lock boolean) RETURNS people
LANGUAGE plpgsql AS $$
DECLARE
	r	people;
BEGIN
	IF p_lock THEN
		SELECT * INTO r FROM people
		WHERE id = api.path_id(p, 'person') FOR UPDATE;
	ELSE
		SELECT * INTO r FROM people WHERE id = api.path_id(p, 'person');
	END IF;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no person with id %s',
		    api.path_id(p, 'person')));
	END IF;
	RETURN r;
END
$$;

-- GET /api/v1/people/{id}/mail (an admin)
CREATE FUNCTION api.mail_prefs_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN api.mail_prefs_json(api.mail_person(p, false));
END
$$;

-- PATCH /api/v1/people/{id}/mail (an admin): body.digest, and
-- body.reminders as {kind: on}; the kinds not named keep their state.
-- Audited.
CREATE FUNCTION api.mail_prefs_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	r	people := api.mail_person(p, true);
	old	json := api.mail_prefs_json(r);
	new	json;
	k	text;
	v	jsonb;
BEGIN
	PERFORM api.check_version(p, (old->>'version')::int,
	    'these mail preferences');

	INSERT INTO mail_prefs AS m (person_id, digest)
	VALUES (r.id, coalesce(b->>'digest', old->>'digest'))
	ON CONFLICT (person_id) DO UPDATE SET
	    digest = EXCLUDED.digest, version = m.version + 1,
	    updated_at = now();

	FOR k, v IN SELECT * FROM jsonb_each(coalesce(b->'reminders',
	    '{}'::jsonb)) LOOP
		IF v = 'false'::jsonb THEN
			INSERT INTO reminder_optouts (person_id, reminder)
			VALUES (r.id, k) ON CONFLICT DO NOTHING;
		ELSE
			DELETE FROM reminder_optouts
			WHERE person_id = r.id AND reminder = k;
		END IF;
	END LOOP;

	new := api.mail_prefs_json(r);
	PERFORM api.audit(p, NULL, 'mail_prefs', r.id::text, 'update', old,
	    new);
	RETURN new;
END
$$;

-- A reminder of kind p_kind about p_subject ("handoff:12:b") to a person,
-- as an email row of the outbox, unless the person turned that kind off
-- or was already reminded of it on p_day.  True when a row was written.
CREATE FUNCTION api.mail_remind(p_person bigint, p_kind text,
    p_subject text, p_day date, p_title text, p_text text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	r	people;
	ob	bigint;
BEGIN
	SELECT * INTO r FROM people WHERE id = p_person AND active;
	IF NOT FOUND OR EXISTS (SELECT 1 FROM reminder_optouts
	    WHERE person_id = p_person AND reminder = p_kind) THEN
		RETURN false;
	END IF;
	INSERT INTO reminders_sent (person_id, reminder, subject, sent_on)
	VALUES (p_person, p_kind, p_subject, p_day)
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	INSERT INTO outbox (channel, recipient, event, payload)
	VALUES ('email', r.email, 'reminder.' || p_kind,
	    jsonb_build_object('subject', p_title, 'text', p_text,
	    'to_name', r.name))
	RETURNING id INTO ob;
	UPDATE reminders_sent SET outbox_id = ob
	WHERE person_id = p_person AND reminder = p_kind AND
	    subject = p_subject AND sent_on = p_day;
	RETURN true;
END
$$;

-- A handoff offered (again): its receiver is reminded, once a day.
CREATE FUNCTION api.mail_on_handoff() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	k	handoff_kinds;
	project	text;
	giver	text;
BEGIN
	SELECT * INTO k FROM handoff_kinds WHERE key = NEW.key;
	SELECT name INTO project FROM projects WHERE id = NEW.project_id;
	SELECT name INTO giver FROM people WHERE id = NEW.from_id;
	PERFORM api.mail_remind(NEW.to_id, 'handoff_offered',
	    format('handoff:%s:%s', NEW.project_id, NEW.key), NEW.offered_on,
	    format('Handoff offered to you: %s (%s)', k.name, project),
	    format(E'%s offered you the handoff "%s" of %s on %s.\n\n%s\n',
	    coalesce(giver, 'Someone'), k.name, project, NEW.offered_on,
	    k.question) ||
	    coalesce(E'\nThe artifact: ' || NEW.artifact_url || E'\n', ''));
	RETURN NULL;
END
$$;

CREATE TRIGGER mail_on_handoff AFTER UPDATE ON handoffs FOR EACH ROW
    WHEN (NEW.offered_on IS NOT NULL AND NEW.accepted_on IS NULL AND
    NEW.to_id IS NOT NULL AND NEW.version <> OLD.version)
    EXECUTE FUNCTION api.mail_on_handoff();

-- The daily pass (src/outbox.c asks for it when api.outbox_claim answers
-- "daily_due"): p {"day"}, the server's day.  Runs once per day across
-- every runner (reminder_days, claimed by the first), and reminds
--   - checkpoint_due: the owner of a checkpoint of an active project,
--     neither done nor waived, due within reminder_due_days (2) days;
--   - checkpoint_missed: that owner, on the first day after it was due
--     (or the first pass after it, within a week);
--   - handoff_waiting: the receiver of a handoff offered more than 7 days
--     ago and not accepted;
--   - box_critical: the holder of an expected box, when the project
--     reaches the box's needed-by stage (a held box has no risk: this is
--     the day it would be critical if it were empty).
-- Each once per subject (the checkpoint and its due date, the handoff and
-- the day it was offered), whatever day, through api.mail_remind (which
-- honours the person's opt-outs).  Answers {"written", "reminders"}.
CREATE FUNCTION api.remind_daily(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	d	date := (p->>'day')::date;
	ahead	int := coalesce(api.setting('reminder_due_days'), 2);
	n	int := 0;
	c	record;
BEGIN
	INSERT INTO reminder_days (day) VALUES (d) ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		RETURN json_build_object('written', false, 'reminders', 0);
	END IF;

	FOR c IN
		SELECT ch.*, pr.name AS project,
		    CASE WHEN ch.due_on >= d THEN 'checkpoint_due'
			ELSE 'checkpoint_missed' END AS kind,
		    format('checkpoint:%s:%s', ch.id, ch.due_on) AS subject
		FROM checkpoints ch JOIN projects pr ON pr.id = ch.project_id
		WHERE pr.status = 'active' AND ch.deleted_on IS NULL AND
		    ch.status IN ('pending', 'blocked') AND
		    ch.owner_id IS NOT NULL AND
		    ch.due_on BETWEEN d - 7 AND d + ahead
		ORDER BY ch.due_on, ch.id
	LOOP
		CONTINUE WHEN EXISTS (SELECT 1 FROM reminders_sent s
		    WHERE s.reminder = c.kind AND s.subject = c.subject AND
		    s.person_id = c.owner_id);
		IF api.mail_remind(c.owner_id, c.kind, c.subject, d,
		    CASE c.kind WHEN 'checkpoint_due' THEN
			format('Checkpoint due on %s: %s (%s)', c.due_on,
			c.title, c.project)
		    ELSE format('Checkpoint missed: %s (%s), due on %s',
			c.title, c.project, c.due_on) END,
		    CASE c.kind WHEN 'checkpoint_due' THEN
			format(E'The checkpoint "%s" of %s, yours, is due ' ||
			E'on %s (%s stage).\n', c.title, c.project, c.due_on,
			c.stage)
		    ELSE format(E'The checkpoint "%s" of %s, yours, was due ' ||
			E'on %s and is not done (%s).\n', c.title, c.project,
			c.due_on, c.status) END) THEN
			n := n + 1;
		END IF;
	END LOOP;

	FOR c IN
		SELECT h.*, k.name AS kind_name, pr.name AS project,
		    format('handoff:%s:%s:%s', h.project_id, h.key,
		    h.offered_on) AS subject
		FROM handoffs h JOIN projects pr ON pr.id = h.project_id
		    JOIN handoff_kinds k ON k.key = h.key
		WHERE pr.status = 'active' AND h.offered_on < d - 7 AND
		    h.accepted_on IS NULL AND h.to_id IS NOT NULL
		ORDER BY h.project_id, h.key
	LOOP
		CONTINUE WHEN EXISTS (SELECT 1 FROM reminders_sent s
		    WHERE s.reminder = 'handoff_waiting' AND
		    s.subject = c.subject AND s.person_id = c.to_id);
		IF api.mail_remind(c.to_id, 'handoff_waiting', c.subject, d,
		    format('Handoff waiting for you since %s: %s (%s)',
		    c.offered_on, c.kind_name, c.project),
		    format(E'The handoff "%s" of %s was offered to you on %s, ' ||
		    E'%s days ago, and is not accepted yet.\n', c.kind_name,
		    c.project, c.offered_on, d - c.offered_on) ||
		    coalesce(E'\nThe artifact: ' || c.artifact_url || E'\n',
		    '')) THEN
			n := n + 1;
		END IF;
	END LOOP;

	-- box_critical: the holder of an expected box, on the day the
	-- project reached the box's needed-by stage (the day an empty box
	-- there would be critical), or the first pass within a week of it;
	-- once per box and that day (a move back and forth again reminds
	-- again).
	FOR c IN
		SELECT o.project_id, o.responsibility, o.role, o.person_id,
		    r.name AS resp, pr.name AS project, st.name AS stage_name,
		    t.effective_on AS began,
		    format('box:%s:%s:%s:%s', o.project_id, o.responsibility,
		    o.role, t.effective_on) AS subject
		FROM ownership o
		JOIN responsibilities r ON r.project_id = o.project_id AND
		    r.key = o.responsibility
		JOIN projects pr ON pr.id = o.project_id
		JOIN stages need ON need.key = r.needed_by
		JOIN stages cur ON cur.key = pr.stage
		JOIN LATERAL (
			SELECT tr.effective_on, tr.to_stage
			FROM stage_transitions tr
			JOIN stages ts ON ts.key = tr.to_stage
			LEFT JOIN stages fs ON fs.key = tr.from_stage
			WHERE tr.project_id = o.project_id AND
			    ts.position >= need.position AND
			    (fs.position IS NULL OR fs.position < need.position)
			ORDER BY tr.id DESC LIMIT 1
		) t ON true
		JOIN stages st ON st.key = t.to_stage
		WHERE pr.status = 'active' AND o.person_id IS NOT NULL AND
		    cur.position >= need.position AND
		    t.effective_on BETWEEN d - 7 AND d AND
		    CASE o.role WHEN 'ds' THEN r.expects_ds
			WHEN 'mle' THEN r.expects_mle
			ELSE r.expects_swe END
		ORDER BY o.project_id, r.position, o.role
	LOOP
		CONTINUE WHEN EXISTS (SELECT 1 FROM reminders_sent s
		    WHERE s.reminder = 'box_critical' AND
		    s.subject = c.subject AND s.person_id = c.person_id);
		IF api.mail_remind(c.person_id, 'box_critical', c.subject, d,
		    format('Needed now: %s (%s)', c.resp, c.project),
		    format(E'You hold "%s" (%s) for %s; it is needed now: ' ||
		    E'the stage %s began on %s.\n', c.resp, upper(c.role),
		    c.project, c.stage_name, c.began)) THEN
			n := n + 1;
		END IF;
	END LOOP;

	UPDATE reminder_days SET reminders = n WHERE day = d;
	RETURN json_build_object('written', true, 'reminders', n);
END
$$;

-- GET and PATCH /api/v1/me/mail (any signed-in account that stands for
-- a person): the own person's preferences, as an admin's
-- /api/v1/people/{id}/mail reads and changes them.  An account that is
-- nobody's is a 403 naming person_id.
CREATE FUNCTION api.me_mail_call(p jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM people
	    WHERE id = api.actor_person(p)) THEN
		PERFORM api.fail('HF403', 'your account is not linked to a ' ||
		    'person: an admin links it (PATCH /api/v1/users/{id} ' ||
		    'person_id)', 'person_id');
	END IF;
	RETURN jsonb_set(p, '{path}', coalesce(p->'path', '{}'::jsonb) ||
	    jsonb_build_object('person', api.actor_person(p)));
END
$$;

CREATE FUNCTION api.me_mail_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN api.mail_prefs_get(api.me_mail_call(p));
END
$$;

CREATE FUNCTION api.me_mail_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
BEGIN
	RETURN api.mail_prefs_patch(api.me_mail_call(p));
END
$$;

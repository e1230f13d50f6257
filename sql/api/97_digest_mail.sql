-- The Monday digest by email (sql/0035_digestmail.sql; src/outbox.c asks
-- for it when api.outbox_claim says "mail_due").
--
-- Who receives it: an active person with the digest preference 'all' (no
-- row of mail_prefs: 'all') or 'mine'.  'mine' keeps the projects the
-- person leads (pm) or holds a box of.

-- Is the week's email due?  p {"day", "hour"}: the test clock
-- (HANDOFF_TODAY, HANDOFF_HOUR), each null for the database's clock in
-- the digest's time zone.  Due on the digest_weekday of that zone from
-- digest_hour to midnight, when this week's emails are not written yet
-- and someone is to receive them.  Answers null, or {"day", "week",
-- "mine": [{"id", "projects": [ids]}]}: what the runner renders.
CREATE FUNCTION api.digest_mail_due(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	WITH c AS (
		SELECT clock_timestamp() AT TIME ZONE coalesce((SELECT z.name
		    FROM digest_timezone z WHERE z.id = 1), 'UTC') AS t
	), l AS (
		SELECT coalesce((p->>'day')::date, c.t::date) AS day,
		    coalesce((p->>'hour')::int, extract(hour FROM c.t)::int)
		    AS hour
		FROM c
	), w AS (
		SELECT l.day, l.hour, to_char(l.day, 'IYYY-"W"IW') AS week
		FROM l
	)
	SELECT json_build_object('day', w.day, 'week', w.week,
	    'mine', (SELECT coalesce(json_agg(json_build_object('id', pe.id,
		'projects', (SELECT coalesce(json_agg(pr.id ORDER BY pr.id),
		    '[]'::json)
		    FROM projects pr WHERE pr.pm_id = pe.id OR EXISTS (
			SELECT 1 FROM ownership o WHERE o.project_id = pr.id
			AND o.person_id = pe.id)))
		ORDER BY pe.id), '[]'::json)
		FROM people pe JOIN mail_prefs m ON m.person_id = pe.id
		WHERE m.digest = 'mine' AND pe.active))
	FROM w
	WHERE extract(isodow FROM w.day) =
		coalesce(api.setting('digest_weekday'), 1) AND
	    w.hour >= coalesce(api.setting('digest_hour'), 8) AND
	    NOT EXISTS (SELECT 1 FROM digest_mail_weeks d
		WHERE d.week = w.week) AND
	    EXISTS (SELECT 1 FROM people pe LEFT JOIN mail_prefs m
		ON m.person_id = pe.id
		WHERE pe.active AND coalesce(m.digest, 'all') <> 'none')
$$;

-- The week's emails: p {"week", "day", "public_url", "all": {"subject",
-- "text", "html"}, "mine": [{"id", "subject", "text", "html"}]}, the
-- parts the runner rendered (views.c).  Written once per week across
-- every runner (digest_mail_weeks), one row per person in this
-- transaction, each with the person's one-click unsubscribe link when
-- the server knows its public URL.  A person who chose 'mine' after the
-- runner asked has no parts and is left out that week.  Answers
-- {"written", "mails"}.
CREATE FUNCTION api.outbox_digest_mail(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	n	int;
BEGIN
	INSERT INTO digest_mail_weeks (week) VALUES (p->>'week')
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		RETURN json_build_object('written', false, 'mails', 0);
	END IF;
	WITH r AS (
		SELECT pe.id, pe.name, pe.email,
		    CASE WHEN m.digest = 'mine' THEN (SELECT x
			FROM jsonb_array_elements(p->'mine') x
			WHERE (x->>'id')::bigint = pe.id)
		    ELSE p->'all' END AS parts
		FROM people pe LEFT JOIN mail_prefs m ON m.person_id = pe.id
		WHERE pe.active AND coalesce(m.digest, 'all') <> 'none'
	)
	INSERT INTO outbox (channel, recipient, event, payload)
	SELECT 'email', r.email, 'digest.email', jsonb_build_object(
	    'subject', r.parts->>'subject', 'text', r.parts->>'text',
	    'html', r.parts->>'html', 'to_name', r.name,
	    'week', p->>'week', 'unsubscribe', (p->>'public_url') ||
	    '/unsubscribe?t=' || api.mail_unsubscribe_token(r.id))
	FROM r WHERE r.parts IS NOT NULL
	ORDER BY r.id;
	GET DIAGNOSTICS n = ROW_COUNT;
	UPDATE digest_mail_weeks SET mails = n WHERE week = p->>'week';
	RETURN json_build_object('written', true, 'mails', n);
END
$$;

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

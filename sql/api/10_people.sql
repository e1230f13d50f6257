-- People.

CREATE FUNCTION api.person_json(r people) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', r.id, 'name', r.name, 'email', r.email,
	    'role', r.role, 'active', r.active, 'version', r.version)
$$;

CREATE FUNCTION api.person_snapshot(p jsonb, r people) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO person_versions (person_id, actor, effective_on, active,
	    name)
	VALUES (r.id, api.actor(p), api.today(p), r.active, r.name);
END
$$;

CREATE FUNCTION api.person_email_free(p_email text, p_except bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM people WHERE lower(email) = lower(p_email)
	    AND id IS DISTINCT FROM p_except) THEN
		PERFORM api.fail('HF409',
		    'a person with this email already exists', 'email');
	END IF;
END
$$;

-- POST /api/v1/people
CREATE FUNCTION api.person_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	r	people;
BEGIN
	PERFORM api.person_email_free(b->>'email', NULL);

	INSERT INTO people (name, email, role, active)
	VALUES (b->>'name', b->>'email', b->>'role',
	    coalesce((b->>'active')::boolean, true))
	RETURNING * INTO r;

	PERFORM api.person_snapshot(p, r);
	PERFORM api.audit(p, NULL, 'person', r.id::text, 'create', NULL,
	    api.person_json(r));
	RETURN api.person_json(r);
END
$$;

-- GET /api/v1/people/{id}
CREATE FUNCTION api.person_get(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	r	people;
BEGIN
	SELECT * INTO r FROM people WHERE id = api.path_id(p, 'person');
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no person with id %s',
		    api.path_id(p, 'person')));
	END IF;
	RETURN api.person_json(r);
END
$$;

-- GET /api/v1/people?active=&role=&limit=&offset=
CREATE FUNCTION api.person_list(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (WITH matching AS (
			SELECT * FROM people
			WHERE (p->'query'->>'active' IS NULL OR
			    active = (p->'query'->>'active')::boolean)
			  AND (p->'query'->>'role' IS NULL OR role = p->'query'->>'role')
		), page AS (
			SELECT * FROM matching ORDER BY name, id
			LIMIT api.limit_of(p) OFFSET api.offset_of(p)
		)
		SELECT json_build_object(
		    'people', coalesce((SELECT json_agg(api.person_json(page.*)
			ORDER BY page.name, page.id) FROM page), '[]'::json),
		    'total', (SELECT count(*) FROM matching)));
END
$$;

-- PATCH /api/v1/people/{id}
CREATE FUNCTION api.person_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	old	people;
	r	people;
BEGIN
	SELECT * INTO old FROM people WHERE id = api.path_id(p, 'person')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no person with id %s',
		    api.path_id(p, 'person')));
	END IF;
	PERFORM api.check_version(p, old.version, 'this person');

	IF api.has(p, 'email') THEN
		PERFORM api.person_email_free(b->>'email', old.id);
	END IF;

	UPDATE people SET
	    name = CASE WHEN api.has(p, 'name') THEN b->>'name' ELSE name END,
	    email = CASE WHEN api.has(p, 'email') THEN b->>'email' ELSE email END,
	    role = CASE WHEN api.has(p, 'role') THEN b->>'role' ELSE role END,
	    active = CASE WHEN api.has(p, 'active')
		THEN (b->>'active')::boolean ELSE active END,
	    version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;

	IF r.active IS DISTINCT FROM old.active OR r.name <> old.name THEN
		PERFORM api.person_snapshot(p, r);
	END IF;
	PERFORM api.audit(p, NULL, 'person', r.id::text,
	    CASE WHEN old.active AND NOT r.active THEN 'deactivate'
		 WHEN NOT old.active AND r.active THEN 'reactivate'
		 ELSE 'update' END,
	    api.person_json(old), api.person_json(r));
	RETURN api.person_json(r);
END
$$;

-- A project page's person pickers take a name or an email typed in, not
-- only a choice from their list (page.c): for each text of body.names,
-- the active people it names, two at most (more than one: ambiguous).
-- A name or email it is, in any case, first; else a name it begins.
CREATE FUNCTION api.people_named(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
	t	text;
	k	text;
	ids	bigint[];
	named	jsonb := '{}';
BEGIN
	FOR t IN SELECT DISTINCT jsonb_array_elements_text(p->'body'->'names')
	    LOOP
		k := lower(btrim(t));
		ids := ARRAY(SELECT x.id FROM people x WHERE x.active AND
		    (lower(x.name) = k OR lower(x.email) = k)
		    ORDER BY x.id LIMIT 2);
		IF cardinality(ids) = 0 AND k <> '' THEN
			ids := ARRAY(SELECT x.id FROM people x WHERE x.active
			    AND starts_with(lower(x.name), k)
			    ORDER BY x.id LIMIT 2);
		END IF;
		named := named || jsonb_build_object(t, to_jsonb(ids));
	END LOOP;
	RETURN named::json;
END
$$;

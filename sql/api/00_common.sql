-- The schema "api": every statement the server runs calls a function here.
--
-- Tables live in "public"; every statement the server runs calls a function
-- in "api" (or reads through one), so that a write and its history and audit
-- rows are one statement, hence one transaction.
--
-- sql/api/ holds behaviour only, one file per concern; the numbered
-- migrations of sql/ hold the schema and the data.  After them,
-- src/tools/migrate.sh drops this schema and loads every file of sql/api/
-- again, in the order of their names, in one transaction: a fix is an edit
-- of the function where it lives, and nothing stale survives.  The
-- prefixes give the order: a LANGUAGE sql function is checked when it is
-- created, so the functions it calls must be loaded before it (the helpers
-- of this file come first).

COMMENT ON SCHEMA api IS
    'handoff: functions called by the web application, one per operation';

-- Helpers shared by the api.* functions.
--
-- Every operation the server performs is one call of one function in the
-- "api" schema, taking a single jsonb request built by the C layer:
--
--   {"actor": "ana@example.com", "today": "2026-11-23", "if_match": 3,
--    "path": {"project": 12}, "query": {...}, "body": {...}}
--
-- The C layer has already checked the shape of body and query (types,
-- enums, lengths, dates); these functions check what needs the data
-- (references, ordering of dates, versions) and raise the "HF" SQLSTATE
-- class, which the server maps to HTTP: HF400 bad input (COLUMN names the
-- field), HF404 not found, HF409 conflict, HF412 stale version.

CREATE FUNCTION api.fail(p_code text, p_message text, p_field text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message,
	    COLUMN = coalesce(p_field, '');
END
$$;

-- STABLE, as text to date is (it reads DateStyle): declared IMMUTABLE it
-- was never inlined, and was planned again at each of its calls (see
-- api.ts below).
CREATE FUNCTION api.today(p jsonb) RETURNS date
LANGUAGE sql STABLE AS $$ SELECT (p->>'today')::date $$;

CREATE FUNCTION api.actor(p jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(p->>'actor', 'anonymous') $$;

-- The person the signed-in account stands for (sql/0028_me.sql), or NULL.
CREATE FUNCTION api.actor_person(p jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (p->>'person_id')::bigint $$;

CREATE FUNCTION api.path_id(p jsonb, p_name text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (p->'path'->>p_name)::bigint $$;

-- Does the body carry this field at all (null included)?
CREATE FUNCTION api.has(p jsonb, p_field text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(p->'body' ? p_field, false) $$;

-- A text field with surrounding blanks removed; blank is "not written".
CREATE FUNCTION api.text_or_null(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT nullif(btrim(p_value, E' \t\r\n'), '') $$;

-- RFC 3339 in UTC.  STABLE, as to_char() is: a LANGUAGE sql function
-- declared stricter than its body (IMMUTABLE over json_build_object() or
-- to_char()) is never inlined, and is parsed and planned again in every
-- statement that calls it (a third of a project document's time).
CREATE FUNCTION api.ts(p_at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- An If-Match that names another version than the current one is refused.
CREATE FUNCTION api.check_version(p jsonb, p_current int, p_what text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF jsonb_typeof(p->'if_match') = 'number' AND
	    (p->>'if_match')::int <> p_current THEN
		PERFORM api.fail('HF412', format('%s was changed by someone ' ||
		    'else; its current version is %s', p_what, p_current));
	END IF;
END
$$;

CREATE FUNCTION api.audit(p jsonb, p_project bigint, p_entity text,
    p_entity_id text, p_action text, p_before json, p_after json)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO audit_log (recorded_on, actor, person_id, project_id,
	    entity, entity_id, action, before, after)
	VALUES (api.today(p), api.actor(p), api.actor_person(p), p_project,
	    p_entity, p_entity_id, p_action, p_before::jsonb, p_after::jsonb);
END
$$;

-- Two objects with no key in common, as one: a's keys, then b's.  Text
-- splicing of what json_build_object made: linear, where json_merge()
-- below parses and rebuilds (too slow for a whole project document).
-- The closing brace is cut off as a byte: left() and substr() count the
-- characters of a 20 kB document first (ten times as long).
CREATE FUNCTION api.json_splice(a text, b text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	IF a = '{}' THEN
		RETURN b;
	ELSIF b = '{}' THEN
		RETURN a;
	END IF;
	RETURN convert_from(substring(convert_to(a, 'UTF8')
	    FROM 1 FOR octet_length(a) - 1), 'UTF8') || ', ' ||
	    substr(b, 2);
END
$$;

-- The same as json (PL/pgSQL, so that each argument is evaluated once:
-- inlined, a LANGUAGE sql body would compute a document two or three
-- times).
CREATE FUNCTION api.json_concat(a json, b json) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	RETURN api.json_splice(a::text, b::text)::json;
END
$$;

-- The keys of a, then those of b (b wins a clash), in that order.  json,
-- not jsonb, keeps documents in the order they are written here, which is
-- the order a person reading the API expects.
CREATE FUNCTION api.json_merge(a json, b json) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	RETURN (SELECT coalesce(json_object_agg(key, value ORDER BY src, ord),
	    '{}'::json)
	FROM (
		SELECT 1 AS src, e.key, e.value, e.ord
		FROM json_each(a) WITH ORDINALITY AS e(key, value, ord)
		WHERE b IS NULL OR NOT (b::jsonb ? e.key)
		UNION ALL
		SELECT 2, e.key, e.value, e.ord
		FROM json_each(b) WITH ORDINALITY AS e(key, value, ord)
	) s);
END
$$;

-- {"id", "name", "active"} of a person, or null.  (Functions that look
-- rows up are PL/pgSQL throughout: a LANGUAGE sql function with a FROM is
-- planned again at every call, PL/pgSQL keeps its plans for the session.)
CREATE FUNCTION api.person_ref(p_id bigint) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT api.person_row_ref(r) FROM people r WHERE id = p_id);
END
$$;

-- The same of a person's row already read; null for an outer join's row
-- that is not there.
CREATE FUNCTION api.person_row_ref(r people) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN r.id IS NOT NULL THEN json_build_object('id', r.id,
	    'name', r.name, 'active', r.active) END
$$;

-- A person id from the body must exist (400 naming the field otherwise);
-- with p_active, the person must also be active.
CREATE FUNCTION api.check_person(p_id bigint, p_field text,
    p_active boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r	people;
BEGIN
	IF p_id IS NULL THEN
		RETURN;
	END IF;
	SELECT * INTO r FROM people WHERE id = p_id;
	IF NOT FOUND THEN
		PERFORM api.fail('HF400', format('no person with id %s', p_id),
		    p_field);
	END IF;
	IF p_active AND NOT r.active THEN
		PERFORM api.fail('HF400', format('%s is inactive', r.name),
		    p_field);
	END IF;
END
$$;

CREATE FUNCTION api.limit_of(p jsonb) RETURNS int
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((p->'query'->>'limit')::int, 50) $$;

CREATE FUNCTION api.offset_of(p jsonb) RETURNS int
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((p->'query'->>'offset')::int, 0) $$;

-- Who is asking, and may they: in the same statement as what they ask.
--
-- Every statement the server runs for a signed-in route is
--
--   SELECT w.who, api.<function>(w.call) FROM api.authorize($1::jsonb) w
--
-- with the request document of 00_common.sql plus
--
--   "auth": {"session": sha256 of the cookie, "token": sha256 of the
--            bearer token, "need": the least access the route takes
--            (1 viewer .. 4 admin, the user_role vocabulary's position
--            plus one), "write": a change, "csrf": the token it carries,
--            "scope": the scope of tokens the route takes, if any: a
--            route of the "feed" scope is a calendar feed, its token
--            the URL's ?key=, see 90_feeds.sql}
--
-- so that a request costs one round trip, its check and its answer come
-- from one snapshot, and no function runs for someone who may not call
-- it.  The function gets the document without "auth", with "actor",
-- "user_id", "admin", "role" and "person_id" (the person the account
-- stands for, sql/0028_me.sql, or null) of whoever is asking; "who" is
-- what the server knows of them afterwards (user, "via", the session's
-- CSRF token).
-- Refusals: HF401 nobody is signed in (or the session is over), HF403
-- the role is too low, HFCSR a session's change without its CSRF token;
-- DETAIL carries {"email", "role"} for the server's log, never for the
-- client.
CREATE FUNCTION api.authorize(p jsonb)
RETURNS TABLE (who json, call jsonb)
LANGUAGE plpgsql AS $$
DECLARE
	a	jsonb := coalesce(p->'auth', '{}'::jsonb);
	need	int := coalesce((a->>'need')::int, 1);
	w	record;
BEGIN
	SELECT * INTO w FROM api.authenticate(a->>'session', a->>'token');
	IF w.who IS NULL THEN
		IF need > 0 THEN
			RAISE EXCEPTION USING ERRCODE = 'HF401',
			    MESSAGE = 'sign in, or send an API token as '
				'Authorization: Bearer';
		END IF;
		RETURN QUERY SELECT NULL::json,
		    (p - 'auth') || jsonb_build_object('actor', 'anonymous');
		RETURN;
	END IF;

	-- A scoped token (sql/0016_token_scope.sql) serves the routes of its
	-- scope and nothing else, whatever its owner's role; a route of a
	-- scope ("scope" in auth, GET /metrics) that anyone may not call
	-- takes only such a token.
	IF w.scope IS NOT NULL THEN
		IF w.scope IS DISTINCT FROM a->>'scope' THEN
			RAISE EXCEPTION USING ERRCODE = 'HF403',
			    MESSAGE = format('this token has the %s scope: '
				'it serves nothing else', w.scope),
			    DETAIL = json_build_object('email', w.email,
				'scope', w.scope)::text;
		END IF;
		-- A feed token (sql/0017_feeds.sql) reads the one feed it
		-- names, never another.
		IF w.scope = 'feed' AND
		    w.feed IS DISTINCT FROM api.feed_of(p) THEN
			RAISE EXCEPTION USING ERRCODE = 'HF403',
			    MESSAGE = 'this feed token reads another feed',
			    DETAIL = json_build_object('email', w.email,
				'scope', w.scope)::text;
		END IF;
		RETURN QUERY SELECT w.who, (p - 'auth') || jsonb_build_object(
		    'actor', w.email, 'user_id', w.user_id, 'admin', false,
		    'person_id', w.person_id);
		RETURN;
	END IF;
	IF a->>'scope' IS NOT NULL AND need > 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'HF403',
		    MESSAGE = format('this needs a token with the %s scope',
			a->>'scope'),
		    DETAIL = json_build_object('email', w.email,
			'scope', a->>'scope')::text;
	END IF;

	IF coalesce(w.rank, 0) < need THEN
		RAISE EXCEPTION USING ERRCODE = 'HF403',
		    MESSAGE = format('this needs the %s role or above',
			(SELECT v.key FROM vocabulary v WHERE
			v.kind = 'user_role' AND v.position = need - 1)),
		    DETAIL = json_build_object('email', w.email,
			'role', w.role)::text;
	END IF;

	-- A change made with a session cookie proves it comes from our
	-- pages with the session's token; compared as digests, so the time
	-- it takes says nothing about the token.
	IF coalesce((a->>'write')::boolean, false) AND
	    w.via = 'session' AND (a->>'csrf' IS NULL OR
	    sha256(convert_to(a->>'csrf', 'UTF8')) <>
	    sha256(convert_to(coalesce(w.csrf, ''), 'UTF8'))) THEN
		RAISE EXCEPTION USING ERRCODE = 'HFCSR',
		    MESSAGE = 'missing or wrong CSRF token',
		    DETAIL = json_build_object('email', w.email,
			'role', w.role)::text;
	END IF;

	RETURN QUERY SELECT w.who, (p - 'auth') || jsonb_build_object(
	    'actor', w.email, 'user_id', w.user_id,
	    'admin', w.role = 'admin', 'role', w.role,
	    'person_id', w.person_id);
END
$$;

-- GET /api/v1/session: who is asking, nothing more.
CREATE FUNCTION api.whoami(p jsonb) RETURNS json
LANGUAGE sql IMMUTABLE AS $$ SELECT NULL::json $$;

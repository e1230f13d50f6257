-- Accounts, sessions and API tokens: sign-in, who is asking, users and
-- tokens.  The tables, and what they store (never a secret in the clear),
-- are in sql/0009_accounts.sql.

-- api.setting runs on every signed-in request (api.authenticate) and at
-- every sign-in.  As LANGUAGE sql with a FROM it was planned again at each
-- call; PL/pgSQL keeps the plan for the session, as 00_common.sql says of
-- every function that looks rows up.
CREATE FUNCTION api.setting(p_key text) RETURNS int
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT value FROM settings WHERE key = p_key);
END
$$;

-- Does anyone have an account yet?  (The sign-in page says how to make
-- the first one when not.)
CREATE FUNCTION api.accounts_exist() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM users) $$;

CREATE FUNCTION api.user_json(u users) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_build_object('id', u.id, 'email', u.email, 'name', u.name,
	    'role', u.role, 'active', u.active, 'version', u.version)
$$;

-- Who is asking: the user of a live session or of a valid API token.
-- p: {"session": sha256 hex, "token": sha256 hex}.
-- A session's last use (the idle timeout) and a token's are written at
-- most once a minute, so that reading is not a write every time; an
-- expired session is deleted.
-- Returns {"user": {...}, "via": "session"|"token", "csrf": "..."} or null.
CREATE FUNCTION api.authenticate(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	s	sessions;
	t	api_tokens;
	u	users;
BEGIN
	IF p->>'token' IS NOT NULL THEN
		SELECT * INTO t FROM api_tokens
		WHERE token_hash = p->>'token' AND revoked_at IS NULL;
		IF NOT FOUND THEN
			RETURN NULL;
		END IF;
		SELECT * INTO u FROM users WHERE id = t.user_id AND active;
		IF NOT FOUND THEN
			RETURN NULL;
		END IF;
		IF t.last_used_at IS NULL OR
		    t.last_used_at < now() - interval '1 minute' THEN
			UPDATE api_tokens SET last_used_at = now()
			WHERE id = t.id;
		END IF;
		RETURN json_build_object('user', api.user_json(u),
		    'via', 'token', 'csrf', NULL);
	END IF;

	IF p->>'session' IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT * INTO s FROM sessions WHERE id_hash = p->>'session';
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF s.expires_at <= now() OR s.last_seen_at +
	    make_interval(mins => api.setting('session_idle_minutes')) <=
	    now() THEN
		DELETE FROM sessions WHERE id_hash = s.id_hash;
		RETURN NULL;
	END IF;
	SELECT * INTO u FROM users WHERE id = s.user_id AND active;
	IF NOT FOUND THEN
		DELETE FROM sessions WHERE id_hash = s.id_hash;
		RETURN NULL;
	END IF;
	IF s.last_seen_at < now() - interval '1 minute' THEN
		UPDATE sessions SET last_seen_at = now()
		WHERE id_hash = s.id_hash;
	END IF;
	RETURN json_build_object('user', api.user_json(u), 'via', 'session',
	    'csrf', s.csrf_token);
END
$$;

-- Sign-in, step 1: what the server needs to check a password.  An unknown
-- email answers like a known one (with no hash), so the caller can spend
-- the same time on it and say the same thing.
CREATE FUNCTION api.login_lookup(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT json_build_object('user_id', id,
	    'password_hash', password_hash, 'active', active,
	    'locked', locked_until IS NOT NULL AND locked_until > now())
	    FROM users WHERE lower(email) = lower(p->'body'->>'email')),
	    json_build_object('user_id', NULL, 'password_hash', NULL,
	    'active', false, 'locked', false))
$$;

-- Sign-in, step 2: record the outcome.  On success a new session (a new
-- id every time: no fixation) with its CSRF token; on failure the count
-- grows, each attempt past login_slow_after must wait longer (doubling
-- from 2 s), and past login_lock_after the account locks.
-- p: {"user_id", "ok", "session": sha256 hex, "csrf", "address"}.
CREATE FUNCTION api.login_record(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	u	users;
	fails	int;
BEGIN
	IF p->>'user_id' IS NULL THEN
		RETURN json_build_object('ok', false);
	END IF;
	SELECT * INTO u FROM users WHERE id = (p->>'user_id')::bigint
	    FOR UPDATE;
	IF NOT FOUND THEN
		RETURN json_build_object('ok', false);
	END IF;

	IF NOT (p->>'ok')::boolean OR NOT u.active OR
	    (u.locked_until IS NOT NULL AND u.locked_until > now()) THEN
		fails := u.failed_logins +
		    CASE WHEN (p->>'ok')::boolean THEN 0 ELSE 1 END;
		UPDATE users SET failed_logins = fails,
		    locked_until = CASE
			WHEN fails >= api.setting('login_lock_after') THEN
			    now() + make_interval(mins =>
				api.setting('login_lock_minutes'))
			WHEN fails > api.setting('login_slow_after') THEN
			    greatest(coalesce(locked_until, now()), now() +
				make_interval(secs => least(2 ^ (fails -
				api.setting('login_slow_after')), 600)))
			ELSE locked_until END
		WHERE id = u.id;
		RETURN json_build_object('ok', false);
	END IF;

	UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = u.id;
	INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at,
	    address)
	VALUES (p->>'session', u.id, p->>'csrf', now() + make_interval(
	    hours => api.setting('session_max_hours')), p->>'address');
	RETURN json_build_object('ok', true, 'user', api.user_json(u),
	    'csrf', p->>'csrf');
END
$$;

-- Sign-out: the session ends on the server, not just in the browser.
CREATE FUNCTION api.logout(p jsonb) RETURNS json
LANGUAGE sql AS $$
	WITH gone AS (DELETE FROM sessions
	    WHERE id_hash = p->'body'->>'session'
	    RETURNING 1)
	SELECT json_build_object('ended', (SELECT count(*) FROM gone) > 0)
$$;

-- Users (admins; and the command-line tool) ---------------------------------

CREATE FUNCTION api.user_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	u	users;
BEGIN
	IF EXISTS (SELECT 1 FROM users
	    WHERE lower(email) = lower(b->>'email')) THEN
		PERFORM api.fail('HF409', 'a user with this email already exists',
		    'email');
	END IF;
	INSERT INTO users (email, name, role, password_hash)
	VALUES (b->>'email', b->>'name', b->>'role', b->>'password_hash')
	RETURNING * INTO u;
	PERFORM api.audit(p, NULL, 'user', u.id::text, 'create', NULL,
	    api.user_json(u));
	RETURN api.user_json(u);
END
$$;

CREATE FUNCTION api.user_list(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('users', coalesce((SELECT json_agg(
	    api.user_json(u) ORDER BY u.email) FROM users u), '[]'::json),
	    'total', (SELECT count(*) FROM users))
$$;

-- Role, name, active, or a new password.  A new password ends every
-- session of the account (the one making the change too) and revokes its
-- API tokens, unless the body says "keep_tokens": true.
--
-- The last active admin stays one: demoting or deactivating them is
-- refused (HFLAD, 409 last_admin).  Changes of role or activity take one
-- lock first, so that two admins demoting each other at the same time are
-- checked one after the other (the second sees the first's change) and
-- cannot leave nobody to manage the accounts.
CREATE FUNCTION api.user_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	old	users;
	u	users;
	revoked	int := 0;
BEGIN
	IF b ? 'keep_tokens' AND NOT b ? 'password_hash' THEN
		PERFORM api.fail('HF400', 'keep_tokens goes with a new ' ||
		    'password', 'keep_tokens');
	END IF;
	IF api.has(p, 'role') OR api.has(p, 'active') THEN
		PERFORM pg_advisory_xact_lock(hashtext('handoff.admins'));
	END IF;
	SELECT * INTO old FROM users WHERE id = api.path_id(p, 'user')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no user with id %s',
		    api.path_id(p, 'user')));
	END IF;
	PERFORM api.check_version(p, old.version, 'this user');

	UPDATE users SET
	    name = CASE WHEN api.has(p, 'name') THEN b->>'name' ELSE name END,
	    role = CASE WHEN api.has(p, 'role') THEN b->>'role' ELSE role END,
	    active = CASE WHEN api.has(p, 'active')
		THEN (b->>'active')::boolean ELSE active END,
	    password_hash = coalesce(b->>'password_hash', password_hash),
	    password_changed_at = CASE WHEN b ? 'password_hash' THEN now()
		ELSE password_changed_at END,
	    failed_logins = CASE WHEN b ? 'password_hash' THEN 0
		ELSE failed_logins END,
	    locked_until = CASE WHEN b ? 'password_hash' THEN NULL
		ELSE locked_until END,
	    version = version + 1, updated_at = now()
	WHERE id = old.id
	RETURNING * INTO u;

	IF old.role = 'admin' AND old.active AND
	    NOT (u.role = 'admin' AND u.active) AND NOT EXISTS (SELECT 1
	    FROM users WHERE role = 'admin' AND active AND id <> u.id) THEN
		PERFORM api.fail('HFLAD', format('%s is the last active ' ||
		    'admin: make another account admin first', old.email),
		    CASE WHEN u.active THEN 'role' ELSE 'active' END);
	END IF;

	IF b ? 'password_hash' OR NOT u.active THEN
		DELETE FROM sessions WHERE user_id = u.id;
	END IF;
	IF b ? 'password_hash' AND
	    NOT coalesce((b->>'keep_tokens')::boolean, false) THEN
		UPDATE api_tokens SET revoked_at = now()
		WHERE user_id = u.id AND revoked_at IS NULL;
		GET DIAGNOSTICS revoked = ROW_COUNT;
	END IF;
	PERFORM api.audit(p, NULL, 'user', u.id::text,
	    CASE WHEN b ? 'password_hash' THEN 'password' ELSE 'update' END,
	    api.user_json(old), api.json_merge(api.user_json(u),
	    CASE WHEN revoked > 0 THEN json_build_object('tokens_revoked',
	    revoked) END));
	RETURN api.user_json(u);
END
$$;

-- API tokens ----------------------------------------------------------------

CREATE FUNCTION api.token_json(t api_tokens) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_build_object('id', t.id, 'name', t.name,
	    'prefix', t.prefix, 'created_at', api.ts(t.created_at),
	    'last_used_at', api.ts(t.last_used_at),
	    'revoked_at', api.ts(t.revoked_at))
$$;

-- p: {"user_id" (the signed-in user), "body": {"name"}, "token_hash",
-- "prefix"}.  The token itself is shown once, by the server, never stored.
CREATE FUNCTION api.token_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	api_tokens;
BEGIN
	INSERT INTO api_tokens (user_id, name, token_hash, prefix)
	VALUES ((p->>'user_id')::bigint, p->'body'->>'name',
	    p->>'token_hash', p->>'prefix')
	RETURNING * INTO t;
	PERFORM api.audit(p, NULL, 'token', t.id::text, 'create', NULL,
	    api.token_json(t));
	RETURN api.token_json(t);
END
$$;

CREATE FUNCTION api.token_list(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('tokens', coalesce((SELECT json_agg(
	    api.token_json(t) ORDER BY t.id DESC) FROM api_tokens t
	    WHERE t.user_id = (p->>'user_id')::bigint), '[]'::json))
$$;

-- A user revokes their own tokens; an admin anyone's.
CREATE FUNCTION api.token_revoke(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	api_tokens;
BEGIN
	UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
	WHERE id = api.path_id(p, 'token') AND (user_id =
	    (p->>'user_id')::bigint OR (p->>'admin')::boolean)
	RETURNING * INTO t;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no token with id %s',
		    api.path_id(p, 'token')));
	END IF;
	PERFORM api.audit(p, NULL, 'token', t.id::text, 'revoke', NULL,
	    api.token_json(t));
	RETURN api.token_json(t);
END
$$;

-- An admin's view of someone's tokens: GET /api/v1/users/{id}/tokens.
-- The user must exist (404 otherwise); the answer is api.token_list's.
CREATE FUNCTION api.user_token_list(p jsonb) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM users
	    WHERE id = api.path_id(p, 'user')) THEN
		PERFORM api.fail('HF404', format('no user with id %s',
		    api.path_id(p, 'user')));
	END IF;
	RETURN api.token_list(jsonb_build_object('user_id',
	    api.path_id(p, 'user')));
END
$$;

-- DELETE /api/v1/users/{id}/tokens: an admin revokes every live token of
-- an account at once (a lost laptop, someone who left); one audit row per
-- token, as for one revocation.  The answer is the list afterwards.
CREATE FUNCTION api.user_token_revoke(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	api_tokens;
BEGIN
	PERFORM 1 FROM users WHERE id = api.path_id(p, 'user') FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no user with id %s',
		    api.path_id(p, 'user')));
	END IF;
	FOR t IN UPDATE api_tokens SET revoked_at = now()
	    WHERE user_id = api.path_id(p, 'user') AND revoked_at IS NULL
	    RETURNING * LOOP
		PERFORM api.audit(p, NULL, 'token', t.id::text, 'revoke', NULL,
		    api.token_json(t));
	END LOOP;
	RETURN api.token_list(jsonb_build_object('user_id',
	    api.path_id(p, 'user')));
END
$$;

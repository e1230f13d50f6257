-- Accounts, sessions and API tokens: sign-in, who is asking, users and
-- tokens.  The tables, and what they store (never a secret in the clear),
-- are in sql/0009_accounts.sql.

-- api.setting runs at every sign-in and in the periodic jobs.  As
-- LANGUAGE sql with a FROM it was planned again at each call; PL/pgSQL
-- keeps the plan for the session, as 00_common.sql says of every function
-- that looks rows up.
CREATE FUNCTION api.setting(p_key text) RETURNS int
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT value FROM settings WHERE key = p_key);
END
$$;

-- POST /people/threshold (an admin, on the people page): the overload
-- threshold, body.value expected boxes; audited.  Changing it marks every
-- project dirty (the trigger ledger_settings).
CREATE FUNCTION api.threshold_put(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	old	int := api.setting('overload_threshold');
	v	int := (p->'body'->>'value')::int;
BEGIN
	UPDATE settings SET value = v WHERE key = 'overload_threshold';
	PERFORM api.audit(p, NULL, 'setting', 'overload_threshold', 'update',
	    json_build_object('value', old), json_build_object('value', v));
	RETURN json_build_object('key', 'overload_threshold', 'value', v);
END
$$;

-- Does anyone have an account yet?  (The sign-in page says how to make
-- the first one when not.)
CREATE FUNCTION api.accounts_exist() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM users) $$;

CREATE FUNCTION api.user_json(u users) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', u.id, 'email', u.email, 'name', u.name,
	    'role', u.role, 'active', u.active, 'person_id', u.person_id,
	    'version', u.version)
$$;

-- Who is asking: the user of a live session or of a valid API token,
-- given the sha256 hex of either.  One query a request: the account, the
-- person it stands for and its role's rank come with the session or the
-- token, as plain values api.authorize() reads without parsing JSON again.
-- A session's last use (the idle timeout) and a token's are written at
-- most once a minute, so that reading is not a write every time; an
-- expired session, or one whose account was deactivated, is deleted.
-- who: {"user": {...}, "person": the person the account stands for
-- ({"id", "name", "active"}, or null), "via": "session"|"token", "csrf":
-- the session's, "scope": the token's scope (sql/0016_token_scope.sql)
-- or null, "feed": the feed a feed token reads (sql/0017_feeds.sql)};
-- null when nobody is signed in, and then the other values mean nothing.
-- rank: the role's vocabulary position plus one (1 viewer .. 4 admin).
CREATE FUNCTION api.authenticate(p_session text, p_token text,
    OUT who json, OUT user_id bigint, OUT email text, OUT role text,
    OUT rank int, OUT person_id bigint, OUT via text, OUT csrf text,
    OUT scope text, OUT feed text)
LANGUAGE plpgsql AS $$
DECLARE
	key_id	bigint;		-- the token's id
	used	timestamptz;	-- its last use, or the session's
	ends	timestamptz;	-- the session's end
	idle	int;		-- minutes a session may stay unused
	uj	json;
	pj	json;
BEGIN
	IF p_token IS NOT NULL THEN
		SELECT t.id, t.last_used_at, t.scope, t.feed, api.user_json(u),
		    u.id, u.email, u.role, u.person_id, api.person_row_ref(pe),
		    v.position + 1
		INTO key_id, used, scope, feed, uj, user_id, email, role,
		    person_id, pj, rank
		FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.active
		LEFT JOIN people pe ON pe.id = u.person_id
		LEFT JOIN vocabulary v ON v.kind = 'user_role' AND
		    v.key = u.role
		WHERE t.token_hash = p_token AND t.revoked_at IS NULL;
		IF NOT FOUND THEN
			RETURN;
		END IF;
		IF used IS NULL OR used < now() - interval '1 minute' THEN
			UPDATE api_tokens SET last_used_at = now()
			WHERE id = key_id;
		END IF;
		via := 'token';
		who := json_build_object('user', uj, 'person', pj,
		    'via', via, 'csrf', NULL, 'scope', scope, 'feed', feed);
		RETURN;
	END IF;

	IF p_session IS NULL THEN
		RETURN;
	END IF;
	SELECT s.expires_at, s.last_seen_at, s.csrf_token, api.user_json(u),
	    u.id, u.email, u.role, u.person_id, api.person_row_ref(pe),
	    v.position + 1, (SELECT g.value FROM settings g
	    WHERE g.key = 'session_idle_minutes')
	INTO ends, used, csrf, uj, user_id, email, role, person_id, pj,
	    rank, idle
	FROM sessions s LEFT JOIN users u ON u.id = s.user_id AND u.active
	LEFT JOIN people pe ON pe.id = u.person_id
	LEFT JOIN vocabulary v ON v.kind = 'user_role' AND v.key = u.role
	WHERE s.id_hash = p_session;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	IF ends <= now() OR used + make_interval(mins => idle) <= now() OR
	    user_id IS NULL THEN
		DELETE FROM sessions WHERE id_hash = p_session;
		RETURN;
	END IF;
	IF used < now() - interval '1 minute' THEN
		UPDATE sessions SET last_seen_at = now()
		WHERE id_hash = p_session;
	END IF;
	via := 'session';
	who := json_build_object('user', uj, 'person', pj, 'via', via,
	    'csrf', csrf);
END
$$;

-- Sign-in budgets (sql/0013_signin_budgets.sql) --------------------------
--
-- A bucket holds at most p_burst tokens and gains p_per_hour an hour.  The
-- row keeps what was left at a time; what refilled since is computed here.

-- What bucket b holds now.
CREATE FUNCTION api.budget_level(b login_budgets, p_burst int,
    p_per_hour float8) RETURNS float8
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN b.key IS NULL THEN p_burst::float8
	    ELSE least(p_burst, b.tokens + p_per_hour / 3600.0 *
		greatest(0, extract(epoch FROM now() - b.at))) END
$$;

-- 0 when bucket p_key holds a token (taking it if p_take), else the
-- seconds until it will.
CREATE FUNCTION api.budget_wait(p_key text, p_burst int, p_per_hour int,
    p_take boolean) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	b	login_budgets;
	have	float8;
BEGIN
	SELECT * INTO b FROM login_budgets WHERE key = p_key FOR UPDATE;
	have := api.budget_level(b, p_burst, p_per_hour);
	IF have < 1 THEN
		IF p_per_hour <= 0 THEN
			RETURN 3600;
		END IF;
		RETURN least(86400, greatest(1,
		    ceil((1 - have) * 3600.0 / p_per_hour)))::int;
	END IF;
	IF p_take THEN
		INSERT INTO login_budgets AS l (key, tokens, at)
		VALUES (p_key, have - 1, now())
		ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens,
		    at = EXCLUDED.at;
	END IF;
	RETURN 0;
END
$$;

-- One failed sign-in from client p_client: a token less (never below
-- none).  Now and then, the rows of addresses whose buckets are full again
-- go: they hold nothing a new row would not.
CREATE FUNCTION api.budget_spend_address(p_client text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	burst	int := api.setting('login_address_burst');
	rate	int := api.setting('login_address_per_hour');
	b	login_budgets;
BEGIN
	SELECT * INTO b FROM login_budgets WHERE key = p_client FOR UPDATE;
	INSERT INTO login_budgets AS l (key, tokens, at)
	VALUES (p_client, greatest(0, api.budget_level(b, burst, rate) - 1),
	    now())
	ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens,
	    at = EXCLUDED.at;
	IF random() < 0.01 THEN
		DELETE FROM login_budgets l WHERE l.key LIKE 'address %' AND
		    api.budget_level(l, burst, rate) >= burst;
	END IF;
END
$$;

-- Sign-in, step 1: may this attempt go ahead, and with what?
-- p: {"body": {"email"}, "client": "address ..."}, the client being the
-- budget key of the address (src/throttle.c).  In this order:
--   - the client's address has used up its failures: {"throttled": true,
--     "retry_after": seconds};
--   - every instance together has used up its password checks: the same;
--   - the account is locked: {"locked": true}.  Its answer is no whatever
--     the password, so no password is checked, the attempt counts for the
--     address but not for the account, and the lock stays as it is;
--   - else what the server needs to check the password.  An unknown email
--     answers like a known one (with no hash), so that the caller spends
--     the same time on it and says the same thing.
CREATE FUNCTION api.login_lookup(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	client	text := coalesce(p->>'client', 'address unknown');
	u	users;
	wait	int;
BEGIN
	wait := api.budget_wait(client,
	    api.setting('login_address_burst'),
	    api.setting('login_address_per_hour'), false);
	IF wait = 0 THEN
		wait := api.budget_wait('global',
		    api.setting('login_global_burst'),
		    api.setting('login_global_per_minute') * 60, true);
	END IF;
	IF wait > 0 THEN
		RETURN json_build_object('throttled', true,
		    'retry_after', wait);
	END IF;

	SELECT * INTO u FROM users
	WHERE lower(email) = lower(p->'body'->>'email');
	IF FOUND AND u.locked_until > now() THEN
		PERFORM api.budget_spend_address(client);
		RETURN json_build_object('locked', true);
	END IF;
	RETURN json_build_object('user_id', u.id,
	    'password_hash', u.password_hash,
	    'active', coalesce(u.active, false), 'locked', false);
END
$$;

-- Sign-in, step 2: record the outcome.  On success a new session (a new
-- id every time: no fixation) with its CSRF token.  A failure costs the
-- client's address a token and counts for the account: each attempt past
-- login_slow_after must wait longer (doubling from 2 s), and at
-- login_lock_after the account locks for login_lock_minutes.  Attempts
-- made while it is locked are not counted and never extend the lock
-- (api.login_lookup turns them away); once a lock has run out, counting
-- starts again from nothing.
-- p: {"user_id", "ok", "session": sha256 hex, "csrf", "address",
-- "client"}.
CREATE FUNCTION api.login_record(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	u	users;
	ok	boolean := (p->>'ok')::boolean;
	fails	int;
BEGIN
	IF NOT ok THEN
		PERFORM api.budget_spend_address(coalesce(p->>'client',
		    'address unknown'));
	END IF;
	IF p->>'user_id' IS NULL THEN
		RETURN json_build_object('ok', false);
	END IF;
	SELECT * INTO u FROM users WHERE id = (p->>'user_id')::bigint
	    FOR UPDATE;
	IF NOT FOUND THEN
		RETURN json_build_object('ok', false);
	END IF;
	-- Locked by another attempt while this one was checked.
	IF u.locked_until > now() THEN
		RETURN json_build_object('ok', false);
	END IF;

	IF NOT ok OR NOT u.active THEN
		fails := CASE WHEN u.failed_logins >=
		    api.setting('login_lock_after') THEN 0
		    ELSE u.failed_logins END + CASE WHEN ok THEN 0 ELSE 1 END;
		-- "locked": this failure locked the account (src/metrics.c).
		UPDATE users SET failed_logins = fails,
		    locked_until = CASE
			WHEN fails >= api.setting('login_lock_after') THEN
			    now() + make_interval(mins =>
				api.setting('login_lock_minutes'))
			WHEN fails > api.setting('login_slow_after') THEN
			    now() + make_interval(secs => least(2 ^ (fails -
				api.setting('login_slow_after')), 600))
			ELSE NULL END
		WHERE id = u.id;
		RETURN json_build_object('ok', false, 'locked',
		    fails >= api.setting('login_lock_after'));
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

-- The person an account stands for (sql/0028_me.sql): body.person_id
-- when given (null: none), which must exist and have no other account
-- (409 otherwise); else, when an account is created, the person of the
-- same email if nobody's account has them yet; else as it was (p_old).
CREATE FUNCTION api.user_person(p jsonb, p_user bigint, p_email text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	v	bigint := (p->'body'->>'person_id')::bigint;
	other	text;
BEGIN
	IF NOT api.has(p, 'person_id') THEN
		IF p_user IS NOT NULL THEN
			RETURN (SELECT person_id FROM users WHERE id = p_user);
		END IF;
		RETURN (SELECT x.id FROM people x
		    WHERE lower(x.email) = lower(p_email) AND NOT EXISTS
			(SELECT 1 FROM users o WHERE o.person_id = x.id));
	END IF;
	IF v IS NULL THEN
		RETURN NULL;
	END IF;
	PERFORM api.check_person(v, 'person_id');
	SELECT email INTO other FROM users
	WHERE person_id = v AND id IS DISTINCT FROM p_user;
	IF FOUND THEN
		PERFORM api.fail('HF409', format('%s already has ' ||
		    'an account: %s', (SELECT name FROM people WHERE id = v),
		    other), 'person_id');
	END IF;
	RETURN v;
END
$$;

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
	INSERT INTO users (email, name, role, password_hash, person_id)
	VALUES (b->>'email', b->>'name', b->>'role', b->>'password_hash',
	    api.user_person(p, NULL, b->>'email'))
	RETURNING * INTO u;
	PERFORM api.audit(p, NULL, 'user', u.id::text, 'create', NULL,
	    api.user_json(u));
	RETURN api.user_json(u);
END
$$;

-- Each with its sign-in state: failed attempts since the last success
-- and, while locked, until when (an admin may unlock: api.user_patch).
CREATE FUNCTION api.user_list(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('users', coalesce((SELECT json_agg(
	    api.user_json(u)::jsonb || jsonb_build_object(
		'failed_logins', u.failed_logins,
		'locked_until', CASE WHEN u.locked_until > now() THEN
		    api.ts(u.locked_until) END)
	    ORDER BY u.email) FROM users u), '[]'::json),
	    'total', (SELECT count(*) FROM users))
$$;

-- GET /accounts (admins): every account as api.user_list has it, each
-- with the name of the person it stands for, and the people an account
-- may be linked to: those no account stands for yet (the page's
-- "linked person" choices; an account's own person is added to its own).
CREATE FUNCTION api.accounts_page(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('users', coalesce((SELECT json_agg(
	    api.user_json(u)::jsonb || jsonb_build_object(
		'failed_logins', u.failed_logins,
		'locked_until', CASE WHEN u.locked_until > now() THEN
		    api.ts(u.locked_until) END,
		'person', (SELECT jsonb_build_object('id', x.id, 'name',
		    x.name, 'role', x.role, 'active', x.active)
		    FROM people x WHERE x.id = u.person_id))
	    ORDER BY u.email) FROM users u), '[]'::json),
	    'unlinked', coalesce((SELECT json_agg(json_build_object('id',
		x.id, 'name', x.name, 'email', x.email, 'role', x.role,
		'active', x.active) ORDER BY x.name, x.id)
	    FROM people x WHERE NOT EXISTS (SELECT 1 FROM users o
		WHERE o.person_id = x.id)), '[]'::json))
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
--
-- "unlock": true ends a lockout and clears the count of failed sign-ins.
CREATE FUNCTION api.user_patch(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	b	jsonb := p->'body';
	unlock	boolean := coalesce((b->>'unlock')::boolean, false);
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
	    person_id = api.user_person(p, old.id, NULL),
	    password_hash = coalesce(b->>'password_hash', password_hash),
	    password_changed_at = CASE WHEN b ? 'password_hash' THEN now()
		ELSE password_changed_at END,
	    failed_logins = CASE WHEN b ? 'password_hash' OR unlock THEN 0
		ELSE failed_logins END,
	    locked_until = CASE WHEN b ? 'password_hash' OR unlock THEN NULL
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
	    CASE WHEN b ? 'password_hash' THEN 'password'
		WHEN unlock THEN 'unlock' ELSE 'update' END,
	    api.user_json(old), api.json_merge(api.user_json(u),
	    CASE WHEN revoked > 0 THEN json_build_object('tokens_revoked',
	    revoked) END));
	RETURN api.user_json(u);
END
$$;

-- API tokens ----------------------------------------------------------------

CREATE FUNCTION api.token_json(t api_tokens) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', t.id, 'name', t.name,
	    'prefix', t.prefix, 'scope', t.scope, 'feed', t.feed,
	    'created_at', api.ts(t.created_at),
	    'last_used_at', api.ts(t.last_used_at),
	    'revoked_at', api.ts(t.revoked_at))
$$;

-- p: {"user_id" (the signed-in user), "body": {"name", "scope", "feed"},
-- "token_hash", "prefix"}.  The token itself is shown once, by the
-- server, never stored.  A scoped token ("metrics") may do that one thing
-- and nothing else (05_authorize.sql); only an admin makes one.  A feed
-- token ("feed", sql/0017_feeds.sql) reads one calendar feed, named by
-- "feed": "portfolio", "project:<id>" or "person:<id>" of a project or
-- person that exists; anyone signed in makes one, since every feed shows
-- what a viewer may read.
CREATE FUNCTION api.token_create(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	api_tokens;
	feed	text := p->'body'->>'feed';
	scope	text := p->'body'->>'scope';
BEGIN
	IF scope IS NOT NULL AND scope <> 'feed' AND
	    NOT coalesce((p->>'admin')::boolean, false) THEN
		PERFORM api.fail('HF403', 'only an admin makes a scoped token',
		    'scope');
	END IF;
	IF (scope IS NOT DISTINCT FROM 'feed') <> (feed IS NOT NULL) THEN
		PERFORM api.fail('HF400', CASE WHEN feed IS NULL THEN
		    'a token of the feed scope names its feed' ELSE
		    'feed goes with the feed scope' END, 'feed');
	END IF;
	IF feed IS NOT NULL AND NOT (feed = 'portfolio' OR
	    (feed ~ '^project:[1-9][0-9]{0,17}$' AND EXISTS (SELECT 1
		FROM projects WHERE id = substr(feed, 9)::bigint)) OR
	    (feed ~ '^person:[1-9][0-9]{0,17}$' AND EXISTS (SELECT 1
		FROM people WHERE id = substr(feed, 8)::bigint))) THEN
		PERFORM api.fail('HF400', 'feed must be portfolio, ' ||
		    'project:<id> or person:<id> of one that exists', 'feed');
	END IF;
	INSERT INTO api_tokens (user_id, name, token_hash, prefix, scope,
	    feed)
	VALUES ((p->>'user_id')::bigint, p->'body'->>'name',
	    p->>'token_hash', p->>'prefix', scope, feed)
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

--
-- PostgreSQL database dump
--

\restrict 8boTcbwW3Gh0B0J6iHRbAdfvJOvdfQKij6qfnJSNYMqnc35X7LaRTQFvVWZifuF

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: api; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA api;


--
-- Name: SCHEMA api; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA api IS 'handoff: functions called by the web application, one per operation';


--
-- Name: accounts_exist(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.accounts_exist() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT EXISTS (SELECT 1 FROM users) $$;


--
-- Name: actor(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.actor(p jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(p->>'actor', 'anonymous') $$;


--
-- Name: audit(jsonb, bigint, text, text, text, json, json); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.audit(p jsonb, p_project bigint, p_entity text, p_entity_id text, p_action text, p_before json, p_after json) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO audit_log (recorded_on, actor, project_id, entity,
	    entity_id, action, before, after)
	VALUES (api.today(p), api.actor(p), p_project, p_entity, p_entity_id,
	    p_action, p_before::jsonb, p_after::jsonb)
$$;


--
-- Name: authenticate(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.authenticate(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: authorize(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.authorize(p jsonb) RETURNS TABLE(who json, call jsonb)
    LANGUAGE plpgsql
    AS $$
DECLARE
	a	jsonb := coalesce(p->'auth', '{}'::jsonb);
	need	int := coalesce((a->>'need')::int, 1);
	w	json;
	have	int;
BEGIN
	w := api.authenticate(jsonb_build_object('session', a->>'session',
	    'token', a->>'token'));
	IF w IS NULL THEN
		IF need > 0 THEN
			RAISE EXCEPTION USING ERRCODE = 'HF401',
			    MESSAGE = 'sign in, or send an API token as '
				'Authorization: Bearer';
		END IF;
		RETURN QUERY SELECT NULL::json,
		    (p - 'auth') || jsonb_build_object('actor', 'anonymous');
		RETURN;
	END IF;

	SELECT v.position + 1 INTO have FROM vocabulary v
	WHERE v.kind = 'user_role' AND v.key = w->'user'->>'role';
	IF coalesce(have, 0) < need THEN
		RAISE EXCEPTION USING ERRCODE = 'HF403',
		    MESSAGE = format('this needs the %s role or above',
			(SELECT v.key FROM vocabulary v WHERE
			v.kind = 'user_role' AND v.position = need - 1)),
		    DETAIL = json_build_object('email', w->'user'->>'email',
			'role', w->'user'->>'role')::text;
	END IF;

	-- A change made with a session cookie proves it comes from our
	-- pages with the session's token; compared as digests, so the time
	-- it takes says nothing about the token.
	IF coalesce((a->>'write')::boolean, false) AND
	    w->>'via' = 'session' AND (a->>'csrf' IS NULL OR
	    sha256(convert_to(a->>'csrf', 'UTF8')) <>
	    sha256(convert_to(coalesce(w->>'csrf', ''), 'UTF8'))) THEN
		RAISE EXCEPTION USING ERRCODE = 'HFCSR',
		    MESSAGE = 'missing or wrong CSRF token',
		    DETAIL = json_build_object('email', w->'user'->>'email',
			'role', w->'user'->>'role')::text;
	END IF;

	RETURN QUERY SELECT w, (p - 'auth') || jsonb_build_object(
	    'actor', w->'user'->>'email',
	    'user_id', (w->'user'->>'id')::bigint,
	    'admin', w->'user'->>'role' = 'admin');
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: login_budgets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_budgets (
    key text NOT NULL,
    tokens double precision NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: budget_level(public.login_budgets, integer, double precision); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.budget_level(b public.login_budgets, p_burst integer, p_per_hour double precision) RETURNS double precision
    LANGUAGE sql STABLE
    AS $$
	SELECT CASE WHEN b.key IS NULL THEN p_burst::float8
	    ELSE least(p_burst, b.tokens + p_per_hour / 3600.0 *
		greatest(0, extract(epoch FROM now() - b.at))) END
$$;


--
-- Name: budget_spend_address(text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.budget_spend_address(p_client text) RETURNS void
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: budget_wait(text, integer, integer, boolean); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.budget_wait(p_key text, p_burst integer, p_per_hour integer, p_take boolean) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: ownership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ownership (
    project_id bigint NOT NULL,
    responsibility text NOT NULL,
    role text NOT NULL,
    person_id bigint,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ownership_role_check CHECK ((role = ANY (ARRAY['ds'::text, 'mle'::text, 'swe'::text])))
);


--
-- Name: cell_document(public.ownership); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.cell_document(o public.ownership) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT api.json_merge(json_build_object('project_id', o.project_id,
	    'responsibility', r.key, 'name', r.name, 'needed_by', r.needed_by,
	    'role', o.role), api.cell_json(o, r))
	FROM responsibilities r
	WHERE r.project_id = o.project_id AND r.key = o.responsibility
$$;


--
-- Name: responsibilities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsibilities (
    project_id bigint NOT NULL,
    key text NOT NULL,
    "position" integer NOT NULL,
    name text NOT NULL,
    needed_by text NOT NULL,
    expects_ds boolean NOT NULL,
    expects_mle boolean NOT NULL,
    expects_swe boolean NOT NULL,
    handoff text
);


--
-- Name: cell_json(public.ownership, public.responsibilities); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.cell_json(o public.ownership, r public.responsibilities) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT json_build_object(
	    'expected', CASE o.role WHEN 'ds' THEN r.expects_ds
		WHEN 'mle' THEN r.expects_mle ELSE r.expects_swe END,
	    'person', api.person_ref(o.person_id),
	    'version', o.version)
$$;


--
-- Name: cell_value(boolean, integer, bigint, text, boolean); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.cell_value(p_expected boolean, p_version integer, p_person bigint, p_name text, p_active boolean) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT json_build_object('expected', p_expected,
	    'person', CASE WHEN p_person IS NULL THEN NULL
		ELSE json_build_object('id', p_person, 'name', p_name,
		'active', p_active) END,
	    'version', p_version)
$$;


--
-- Name: check_person(bigint, text, boolean); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.check_person(p_id bigint, p_field text, p_active boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: check_version(jsonb, integer, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.check_version(p jsonb, p_current integer, p_what text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
	IF jsonb_typeof(p->'if_match') = 'number' AND
	    (p->>'if_match')::int <> p_current THEN
		PERFORM api.fail('HF412', format('%s was changed by someone ' ||
		    'else; its current version is %s', p_what, p_current));
	END IF;
END
$$;


--
-- Name: checkpoint_create(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_create(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b	jsonb := p->'body';
	pr	projects;
	c	checkpoints;
BEGIN
	SELECT * INTO pr FROM projects WHERE id = api.path_id(p, 'project');
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;

	IF (b->>'due_on')::date < pr.kickoff_on AND
	    api.text_or_null(b->>'reason') IS NULL THEN
		PERFORM api.fail('HF400', format('due_on is before the ' ||
		    'kickoff date (%s); give a reason to allow it',
		    pr.kickoff_on), 'due_on');
	END IF;
	PERFORM api.check_person((b->>'owner_id')::bigint, 'owner_id', true);

	INSERT INTO checkpoints (project_id, stage, title, due_on,
	    original_due_on, owner_id, decision, evidence_url, note,
	    created_on)
	VALUES (pr.id, b->>'stage', b->>'title', (b->>'due_on')::date,
	    (b->>'due_on')::date, (b->>'owner_id')::bigint,
	    coalesce((b->>'decision')::boolean, false),
	    api.text_or_null(b->>'evidence_url'),
	    api.text_or_null(b->>'note'), api.today(p))
	RETURNING * INTO c;

	PERFORM api.checkpoint_snapshot(p, c, api.today(p));
	PERFORM api.audit(p, pr.id, 'checkpoint', c.id::text, 'create', NULL,
	    api.json_merge(api.checkpoint_json(c), CASE WHEN b ? 'reason'
	    THEN json_build_object('reason', b->>'reason') END));
	RETURN api.checkpoint_json(c);
END
$$;


--
-- Name: checkpoint_delete(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_delete(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	old	checkpoints;
	c	checkpoints;
BEGIN
	old := api.checkpoint_locked(p);
	PERFORM api.check_version(p, old.version, 'this checkpoint');

	UPDATE checkpoints SET deleted_on = api.today(p),
	    version = version + 1, updated_at = now()
	WHERE id = old.id
	RETURNING * INTO c;

	PERFORM api.checkpoint_snapshot(p, c, api.today(p));
	PERFORM api.audit(p, c.project_id, 'checkpoint', c.id::text, 'delete',
	    api.checkpoint_json(old), NULL);
	RETURN NULL;
END
$$;


--
-- Name: checkpoint_get(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_get(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	c	checkpoints;
BEGIN
	SELECT * INTO c FROM checkpoints
	WHERE id = api.path_id(p, 'checkpoint') AND deleted_on IS NULL;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no checkpoint with id %s',
		    api.path_id(p, 'checkpoint')));
	END IF;
	RETURN api.checkpoint_json(c);
END
$$;


--
-- Name: checkpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checkpoints (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    stage text NOT NULL,
    title text NOT NULL,
    due_on date NOT NULL,
    original_due_on date NOT NULL,
    owner_id bigint,
    status text DEFAULT 'pending'::text NOT NULL,
    completed_on date,
    decision boolean DEFAULT false NOT NULL,
    outcome text,
    evidence_url text,
    note text,
    template integer,
    deleted_on date,
    version integer DEFAULT 1 NOT NULL,
    created_on date NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT checkpoints_check CHECK (((status = ANY (ARRAY['done'::text, 'waived'::text])) = (completed_on IS NOT NULL))),
    CONSTRAINT checkpoints_check1 CHECK (((outcome IS NULL) OR decision)),
    CONSTRAINT checkpoints_outcome_check CHECK ((outcome = ANY (ARRAY['go'::text, 'pivot'::text, 'stop'::text]))),
    CONSTRAINT checkpoints_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'done'::text, 'blocked'::text, 'waived'::text]))),
    CONSTRAINT checkpoints_title_check CHECK (((length(title) >= 1) AND (length(title) <= 300)))
);


--
-- Name: checkpoint_json(public.checkpoints); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_json(c public.checkpoints) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN json_build_object(
	    'id', c.id,
	    'project_id', c.project_id,
	    'stage', c.stage,
	    'title', c.title,
	    'due_on', c.due_on,
	    'original_due_on', c.original_due_on,
	    'owner', api.person_ref(c.owner_id),
	    'status', c.status,
	    'completed_on', c.completed_on,
	    'decision', c.decision,
	    'outcome', c.outcome,
	    'evidence_url', c.evidence_url,
	    'note', c.note,
	    'version', c.version,
	    'slips', coalesce((SELECT json_agg(json_build_object(
		'from_due_on', s.from_due_on, 'to_due_on', s.to_due_on,
		'reason', s.reason, 'on', s.effective_on, 'actor', s.actor,
		'at', api.ts(s.at)) ORDER BY s.id)
		FROM checkpoint_slips s WHERE s.checkpoint_id = c.id),
		'[]'::json));
END
$$;


--
-- Name: checkpoint_locked(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_locked(p jsonb) RETURNS public.checkpoints
    LANGUAGE plpgsql
    AS $$
DECLARE
	c	checkpoints;
BEGIN
	-- A page's address names the project too: it must be the right one.
	SELECT * INTO c FROM checkpoints
	WHERE id = api.path_id(p, 'checkpoint') AND deleted_on IS NULL
	  AND (p->'path'->'project' IS NULL OR
	    project_id = api.path_id(p, 'project'))
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no checkpoint with id %s',
		    api.path_id(p, 'checkpoint')));
	END IF;
	RETURN c;
END
$$;


--
-- Name: checkpoint_patch(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_patch(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b		jsonb := p->'body';
	today		date := api.today(p);
	old		checkpoints;
	c		checkpoints;
	kickoff		date;
	new_due		date;
	new_status	text;
	new_done	date;
	reason		text := api.text_or_null(p->'body'->>'reason');
	effective	date;
BEGIN
	old := api.checkpoint_locked(p);
	PERFORM api.check_version(p, old.version, 'this checkpoint');
	IF api.has(p, 'decision') AND
	    (b->>'decision')::boolean IS DISTINCT FROM old.decision AND
	    NOT api.role_at_least(p, 'pm') THEN
		PERFORM api.fail('HF403', 'only a PM or an admin may change ' ||
		    'whether a checkpoint is a decision', 'decision');
	END IF;
	SELECT kickoff_on INTO kickoff FROM projects WHERE id = old.project_id;

	-- A new due date is never silent: it needs a reason.
	new_due := coalesce((b->>'due_on')::date, old.due_on);
	IF new_due <> old.due_on AND reason IS NULL THEN
		PERFORM api.fail('HF400', 'a new due_on needs a reason',
		    'reason');
	END IF;
	IF api.has(p, 'reason') AND new_due = old.due_on THEN
		PERFORM api.fail('HF400', 'a reason goes with a new due_on',
		    'reason');
	END IF;
	IF new_due < kickoff AND new_due <> old.due_on AND reason IS NULL THEN
		PERFORM api.fail('HF400', 'due_on is before the kickoff date',
		    'due_on');
	END IF;

	-- Status and completion date belong together.
	new_status := coalesce(b->>'status', old.status);
	IF new_status IN ('done', 'waived') THEN
		IF api.has(p, 'completed_on') THEN
			new_done := (b->>'completed_on')::date;
		ELSIF old.status IN ('done', 'waived') THEN
			new_done := old.completed_on;
		ELSE
			new_done := today;
		END IF;
		IF new_done > today THEN
			PERFORM api.fail('HF400', 'completed_on cannot be in ' ||
			    'the future', 'completed_on');
		END IF;
		IF new_done < kickoff THEN
			PERFORM api.fail('HF400', 'completed_on cannot be ' ||
			    'before the kickoff date', 'completed_on');
		END IF;
	ELSE
		IF api.has(p, 'completed_on') THEN
			PERFORM api.fail('HF400', format('completed_on goes ' ||
			    'with status done or waived, not %s', new_status),
			    'completed_on');
		END IF;
		new_done := NULL;
	END IF;

	IF api.has(p, 'outcome') AND b->>'outcome' IS NOT NULL AND
	    NOT coalesce((b->>'decision')::boolean, old.decision) THEN
		PERFORM api.fail('HF400', 'only a decision checkpoint takes ' ||
		    'an outcome (go, pivot or stop)', 'outcome');
	END IF;
	IF api.has(p, 'owner_id') THEN
		PERFORM api.check_person((b->>'owner_id')::bigint, 'owner_id',
		    true);
	END IF;

	UPDATE checkpoints SET
	    title = CASE WHEN api.has(p, 'title') THEN b->>'title' ELSE title END,
	    stage = CASE WHEN api.has(p, 'stage') THEN b->>'stage' ELSE stage END,
	    due_on = new_due,
	    owner_id = CASE WHEN api.has(p, 'owner_id')
		THEN (b->>'owner_id')::bigint ELSE owner_id END,
	    status = new_status,
	    completed_on = new_done,
	    decision = CASE WHEN api.has(p, 'decision')
		THEN (b->>'decision')::boolean ELSE decision END,
	    outcome = CASE WHEN api.has(p, 'outcome') THEN b->>'outcome'
		WHEN api.has(p, 'decision') AND NOT (b->>'decision')::boolean
		THEN NULL ELSE outcome END,
	    evidence_url = CASE WHEN api.has(p, 'evidence_url')
		THEN api.text_or_null(b->>'evidence_url') ELSE evidence_url END,
	    note = CASE WHEN api.has(p, 'note')
		THEN api.text_or_null(b->>'note') ELSE note END,
	    version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO c;

	IF new_due <> old.due_on THEN
		INSERT INTO checkpoint_slips (checkpoint_id, from_due_on,
		    to_due_on, reason, effective_on, actor)
		VALUES (c.id, old.due_on, new_due, reason, today,
		    api.actor(p));
	END IF;

	-- A completion counts from its own date; anything else from today.
	effective := today;
	IF c.status IN ('done', 'waived') AND
	    (old.status NOT IN ('done', 'waived') OR
	     c.completed_on <> old.completed_on) THEN
		effective := c.completed_on;
	END IF;
	PERFORM api.checkpoint_snapshot(p, c, effective);

	PERFORM api.audit(p, c.project_id, 'checkpoint', c.id::text,
	    CASE WHEN c.status <> old.status THEN 'status_' || c.status
		WHEN new_due <> old.due_on THEN 'slip'
		ELSE 'update' END,
	    api.checkpoint_json(old), api.json_merge(api.checkpoint_json(c),
	    CASE WHEN reason IS NOT NULL
	    THEN json_build_object('reason', reason) END));
	RETURN api.checkpoint_json(c);
END
$$;


--
-- Name: checkpoint_snapshot(jsonb, public.checkpoints, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.checkpoint_snapshot(p jsonb, c public.checkpoints, p_on date) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO checkpoint_versions (checkpoint_id, actor, effective_on,
	    stage, title, status, due_on, completed_on, owner_id, deleted)
	VALUES (c.id, api.actor(p), p_on, c.stage, c.title, c.status, c.due_on,
	    c.completed_on, c.owner_id, c.deleted_on IS NOT NULL)
$$;


--
-- Name: covers(date, date, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.covers(p_from date, p_to date, d date) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
	-- Inlined as the expression of the risk_spans_days indexes.
	SELECT daterange(p_from, p_to) @> d
$$;


--
-- Name: dday(integer); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.dday(p_days integer) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT DATE '1970-01-01' + p_days $$;


--
-- Name: digest(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.digest(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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
		    ORDER BY c.worst DESC, api.launch_days(c.launch_on, d),
		    pr.name COLLATE "C", c.first_kind,
		    c.first_subject COLLATE "C", c.project_id
		    LIMIT n - skip OFFSET skip) c
	)
	SELECT json_build_object(
	    'skipped', skip,
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
		api.span_doc(v), json_build_object('resolved_on',
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
		JOIN api.named_spans v ON v.id = w.id), '[]'::json),
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
	    'due', api.due(d, prev + 8, prev + 14),
	    'stale', coalesce((SELECT json_agg(api.span_doc(v))
		FROM (SELECT id FROM risk_spans WHERE project_id = ANY (dp)
		    UNION ALL
		    SELECT id FROM risk_spans WHERE owner_id = ANY (dpp)) x
		JOIN api.named_spans v ON v.id = x.id), '[]'::json),
	    'dirty', api.dirty_doc(dp, dpp)));
END
$$;


--
-- Name: dirty(text, bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.dirty(p_kind text, p_item bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
	SELECT EXISTS (SELECT 1 FROM ledger_dirty
	    WHERE kind = p_kind AND item = p_item)
$$;


--
-- Name: dirty_doc(bigint[], bigint[]); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.dirty_doc(p_projects bigint[], p_people bigint[]) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: dnum(date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.dnum(p_date date) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT p_date - DATE '1970-01-01' $$;


--
-- Name: due(date, date, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.due(p_day date, p_from date, p_to date) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
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


--
-- Name: facts_all(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.facts_all() RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN json_build_object('settings', api.settings_doc(),
	    'people', api.person_facts(ARRAY(SELECT id FROM people)),
	    'projects', coalesce((SELECT json_agg(api.project_facts(id)
		ORDER BY id) FROM projects), '[]'::json));
END
$$;


--
-- Name: fail(text, text, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.fail(p_code text, p_message text, p_field text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message,
	    COLUMN = coalesce(p_field, '');
END
$$;


--
-- Name: handoff_accept(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.handoff_accept(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	old	handoffs;
	h	handoffs;
BEGIN
	old := api.handoff_locked(p);
	IF old.offered_on IS NULL THEN
		PERFORM api.fail('HF409', format('handoff %s has not been ' ||
		    'offered yet', upper(old.key)));
	END IF;
	IF old.accepted_on IS NOT NULL THEN
		PERFORM api.fail('HF409', format('handoff %s was already ' ||
		    'accepted on %s', upper(old.key), old.accepted_on));
	END IF;

	UPDATE handoffs SET accepted_on = api.today(p),
	    version = version + 1, updated_at = now()
	WHERE project_id = old.project_id AND key = old.key
	RETURNING * INTO h;

	RETURN api.handoff_record(p, old, h, 'accept');
END
$$;


--
-- Name: handoffs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handoffs (
    project_id bigint NOT NULL,
    key text NOT NULL,
    from_id bigint,
    to_id bigint,
    artifact_url text,
    offered_on date,
    accepted_on date,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT handoffs_check CHECK (((accepted_on IS NULL) OR (offered_on IS NOT NULL)))
);


--
-- Name: handoff_json(public.handoffs); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.handoff_json(h public.handoffs) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT json_build_object(
	    'key', h.key,
	    'name', k.name,
	    'from_label', k.from_label,
	    'to_label', k.to_label,
	    'leads_into', k.leads_into,
	    'question', k.question,
	    'from', api.person_ref(h.from_id),
	    'to', api.person_ref(h.to_id),
	    'artifact_url', h.artifact_url,
	    'offered_on', h.offered_on,
	    'accepted_on', h.accepted_on,
	    'state', CASE WHEN h.accepted_on IS NOT NULL THEN 'accepted'
		WHEN h.offered_on IS NOT NULL THEN 'offered'
		ELSE 'not_offered' END,
	    'version', h.version)
	FROM handoff_kinds k WHERE k.key = h.key);
END
$$;


--
-- Name: handoff_locked(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.handoff_locked(p jsonb) RETURNS public.handoffs
    LANGUAGE plpgsql
    AS $$
DECLARE
	h	handoffs;
BEGIN
	PERFORM api.project_exists(p);
	SELECT * INTO h FROM handoffs
	WHERE project_id = api.path_id(p, 'project')
	  AND key = p->'path'->>'handoff'
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no handoff %s',
		    p->'path'->>'handoff'));
	END IF;
	PERFORM api.check_version(p, h.version, 'this handoff');
	RETURN h;
END
$$;


--
-- Name: handoff_offer(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.handoff_offer(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b	jsonb := p->'body';
	old	handoffs;
	h	handoffs;
BEGIN
	old := api.handoff_locked(p);
	PERFORM api.check_person((b->>'from_id')::bigint, 'from_id', true);
	PERFORM api.check_person((b->>'to_id')::bigint, 'to_id', true);
	IF b->>'from_id' = b->>'to_id' THEN
		PERFORM api.fail('HF400', 'a handoff goes from one person ' ||
		    'to another', 'to_id');
	END IF;

	UPDATE handoffs SET from_id = (b->>'from_id')::bigint,
	    to_id = (b->>'to_id')::bigint,
	    artifact_url = api.text_or_null(b->>'artifact_url'),
	    offered_on = api.today(p), accepted_on = NULL,
	    version = version + 1, updated_at = now()
	WHERE project_id = old.project_id AND key = old.key
	RETURNING * INTO h;

	RETURN api.handoff_record(p, old, h, 'offer');
END
$$;


--
-- Name: handoff_record(jsonb, public.handoffs, public.handoffs, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.handoff_record(p jsonb, old public.handoffs, h public.handoffs, p_action text) RETURNS json
    LANGUAGE plpgsql
    AS $$
BEGIN
	INSERT INTO handoff_versions (project_id, actor, key, effective_on,
	    from_id, to_id, offered_on, accepted_on)
	VALUES (h.project_id, api.actor(p), h.key, api.today(p), h.from_id,
	    h.to_id, h.offered_on, h.accepted_on);
	PERFORM api.audit(p, h.project_id, 'handoff', h.key, p_action,
	    api.handoff_json(old), api.handoff_json(h));
	RETURN api.handoff_json(h);
END
$$;


--
-- Name: has(jsonb, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.has(p jsonb, p_field text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(p->'body' ? p_field, false) $$;


--
-- Name: holder_doc(bigint, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.holder_doc(p_person bigint, p_day date) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	IF api.dirty('person', p_person) THEN
		RETURN json_build_object('id', p_person, 'facts',
		    api.person_facts_doc(p_person));
	END IF;
	RETURN json_build_object('id', p_person, 'spans',
	    coalesce((SELECT json_agg(api.span_doc(v) ORDER BY v.id)
		FROM api.named_spans v WHERE v.owner_id = p_person AND
		api.covers(v.from_on, v.to_on, p_day)), '[]'::json));
END
$$;


--
-- Name: json_concat(json, json); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.json_concat(a json, b json) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT CASE
	    WHEN a::text = '{}' THEN b
	    WHEN b::text = '{}' THEN a
	    ELSE (left(a::text, -1) || ', ' || substr(b::text, 2))::json
	END
$$;


--
-- Name: json_merge(json, json); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.json_merge(a json, b json) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT coalesce(json_object_agg(key, value ORDER BY src, ord),
	    '{}'::json)
	FROM (
		SELECT 1 AS src, e.key, e.value, e.ord
		FROM json_each(a) WITH ORDINALITY AS e(key, value, ord)
		WHERE b IS NULL OR NOT (b::jsonb ? e.key)
		UNION ALL
		SELECT 2, e.key, e.value, e.ord
		FROM json_each(b) WITH ORDINALITY AS e(key, value, ord)
	) s
$$;


--
-- Name: launch_days(date, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.launch_days(p_launch date, p_day date) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT CASE WHEN p_launch IS NULL THEN 2147483647
	    ELSE greatest(p_launch - p_day, 0) END
$$;


--
-- Name: ledger_apply(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_apply(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	projects	bigint[];
	people		bigint[];
	done_ids	bigint[];
	again_ids	bigint[];
	applied		int;
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

	PERFORM api.ledger_count(projects, people, -1);
	DELETE FROM risk_spans WHERE project_id = ANY (projects);
	DELETE FROM risk_spans WHERE owner_id = ANY (people);
	INSERT INTO risk_spans (project_id, owner_id, kind, subject,
	    from_on, to_on, since, severity, launch_on, resp_key, role,
	    checkpoint_id, handoff, stage, field, person_id, ref_on,
	    event_on, inactive, held, threshold, ends, closed_by)
	SELECT CASE WHEN x->>'kind' = 'project' THEN (x->>'item')::bigint END,
	    CASE WHEN x->>'kind' = 'person' THEN (x->>'item')::bigint END,
	    s.kind, s.subject, api.dday(s."from"), api.dday(s."to"),
	    api.dday(s.since), s.severity, api.dday(s.launch), s.resp,
	    s.role, s.checkpoint, s.handoff, s.stage, s.field,
	    s.person, api.dday(s.ref), api.dday(s.event),
	    coalesce(s.inactive, false), s.held, s.threshold,
	    coalesce(s.ends, false), s.closed_by
	FROM jsonb_array_elements(p->'items') x,
	    jsonb_to_recordset(coalesce(x->'spans', '[]'::jsonb))
	    AS s(kind smallint, subject text, "from" int, "to" int,
	    since int, severity smallint, launch int, resp text,
	    role text, checkpoint bigint, handoff text, stage text,
	    field text, person bigint, ref int, event int,
	    inactive boolean, held int, threshold int, ends boolean,
	    closed_by text)
	-- A person or project deleted meanwhile takes its spans.
	WHERE (x->>'kind' = 'project' AND (x->>'item')::bigint = ANY
		(projects) AND EXISTS (SELECT 1 FROM projects
		WHERE id = (x->>'item')::bigint)) OR
	    (x->>'kind' = 'person' AND (x->>'item')::bigint = ANY (people) AND
		EXISTS (SELECT 1 FROM people
		WHERE id = (x->>'item')::bigint));
	PERFORM api.ledger_count(projects, people, 1);

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

	UPDATE ledger_items SET version = version + 1
	WHERE kind = 'project' AND item = ANY (projects);
	UPDATE ledger_items SET version = version + 1
	WHERE kind = 'person' AND item = ANY (people);
	DELETE FROM ledger_dirty WHERE id = ANY (done_ids);
	RETURN json_build_object('applied', applied, 'stale',
	    total - applied);
END
$$;


--
-- Name: ledger_count(bigint[], bigint[], integer); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_count(p_projects bigint[], p_people bigint[], p_sign integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: ledger_holders(bigint[]); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_holders(p_projects bigint[]) RETURNS bigint[]
    LANGUAGE sql STABLE
    AS $$
	SELECT ARRAY(SELECT DISTINCT person_id FROM ownership_versions
	    WHERE project_id = ANY (p_projects) AND person_id IS NOT NULL)
$$;


--
-- Name: ledger_mark(text, bigint[]); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_mark(p_kind text, p_items bigint[]) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO ledger_dirty (kind, item)
	SELECT p_kind, i FROM (SELECT DISTINCT unnest(p_items) AS i) u
	WHERE i IS NOT NULL ORDER BY i
$$;


--
-- Name: ledger_on_checkpoint_versions(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_checkpoint_versions() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM api.ledger_mark('project', ARRAY(SELECT c.project_id
	    FROM checkpoints c WHERE c.id IN (SELECT checkpoint_id
		FROM new_rows)));
	RETURN NULL;
END
$$;


--
-- Name: ledger_on_ownership_versions(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_ownership_versions() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: ledger_on_person_versions(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_person_versions() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM api.ledger_mark('person',
	    ARRAY(SELECT person_id FROM new_rows));
	PERFORM api.ledger_mark('project', ARRAY(SELECT DISTINCT o.project_id
	    FROM ownership_versions o
	    WHERE o.person_id IN (SELECT person_id FROM new_rows)));
	RETURN NULL;
END
$$;


--
-- Name: ledger_on_project_rows(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_project_rows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM api.ledger_mark('project',
	    ARRAY(SELECT project_id FROM new_rows));
	RETURN NULL;
END
$$;


--
-- Name: ledger_on_project_versions(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_project_versions() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
	moved	bigint[];
BEGIN
	PERFORM api.ledger_mark('project',
	    ARRAY(SELECT project_id FROM new_rows));
	-- Status or launch changed: the holders' loads change with them.
	moved := ARRAY(SELECT n.project_id FROM new_rows n
	    WHERE NOT EXISTS (SELECT 1 FROM project_versions o
		WHERE o.project_id = n.project_id AND o.id < n.id AND
		o.id = (SELECT max(id) FROM project_versions x
		    WHERE x.project_id = n.project_id AND x.id < n.id) AND
		o.status = n.status AND
		o.target_launch_on = n.target_launch_on));
	IF cardinality(moved) > 0 THEN
		PERFORM api.ledger_mark('person', api.ledger_holders(moved));
	END IF;
	RETURN NULL;
END
$$;


--
-- Name: ledger_on_settings(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_on_settings() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM api.ledger_mark('project', ARRAY(SELECT id FROM projects));
	PERFORM api.ledger_mark('person', ARRAY(SELECT id FROM people));
	RETURN NULL;
END
$$;


--
-- Name: ledger_work(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ledger_work(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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
	), cand AS (
		SELECT d.id FROM ledger_dirty d
		JOIN items i ON i.kind = d.kind AND i.item = d.item
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


--
-- Name: limit_of(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.limit_of(p jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce((p->'query'->>'limit')::int, 50) $$;


--
-- Name: login_lookup(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.login_lookup(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: login_record(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.login_record(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: logout(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.logout(p jsonb) RETURNS json
    LANGUAGE sql
    AS $$
	WITH gone AS (DELETE FROM sessions
	    WHERE id_hash = p->'body'->>'session'
	    RETURNING 1)
	SELECT json_build_object('ended', (SELECT count(*) FROM gone) > 0)
$$;


--
-- Name: offset_of(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.offset_of(p jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce((p->'query'->>'offset')::int, 0) $$;


--
-- Name: ownership_delete(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ownership_delete(p jsonb) RETURNS json
    LANGUAGE sql
    AS $$
	SELECT api.ownership_set(p, NULL)
$$;


--
-- Name: ownership_put(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ownership_put(p jsonb) RETURNS json
    LANGUAGE sql
    AS $$
	SELECT api.ownership_set(p, (p->'body'->>'person_id')::bigint)
$$;


--
-- Name: ownership_set(jsonb, bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ownership_set(p jsonb, p_person bigint) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
	v_key		text := p->'path'->>'key';
	v_role		text := p->'path'->>'role';
	old		ownership;
	o		ownership;
BEGIN
	SELECT * INTO old FROM ownership
	WHERE project_id = v_project AND responsibility = v_key
	  AND role = v_role
	FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('project %s has no ' ||
		    'responsibility "%s" with a %s column', v_project, v_key,
		    v_role));
	END IF;
	PERFORM api.check_version(p, old.version, 'this ownership box');
	PERFORM api.check_person(p_person, 'person_id', true);

	-- Already so: nothing changes, nothing is recorded.
	IF old.person_id IS NOT DISTINCT FROM p_person THEN
		RETURN api.cell_document(old);
	END IF;

	UPDATE ownership SET person_id = p_person, version = version + 1,
	    updated_at = now()
	WHERE project_id = old.project_id AND responsibility = old.responsibility
	  AND role = old.role
	RETURNING * INTO o;

	INSERT INTO ownership_versions (project_id, actor, responsibility,
	    role, effective_on, person_id)
	VALUES (o.project_id, api.actor(p), o.responsibility, o.role,
	    api.today(p), o.person_id);

	PERFORM api.audit(p, o.project_id, 'ownership',
	    o.responsibility || '/' || o.role,
	    CASE WHEN p_person IS NULL THEN 'clear' ELSE 'assign' END,
	    json_build_object('person', api.person_ref(old.person_id)),
	    json_build_object('person', api.person_ref(o.person_id)));
	RETURN api.cell_document(o);
END
$$;


--
-- Name: path_id(jsonb, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.path_id(p jsonb, p_name text) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (p->'path'->>p_name)::bigint $$;


--
-- Name: people_page(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.people_page(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	d	date := api.today(p);
BEGIN
	RETURN json_build_object(
	    'overload_threshold', api.setting('overload_threshold'),
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


--
-- Name: person_create(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_create(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: person_email_free(text, bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_email_free(p_email text, p_except bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM people WHERE lower(email) = lower(p_email)
	    AND id IS DISTINCT FROM p_except) THEN
		PERFORM api.fail('HF409',
		    'a person with this email already exists', 'email');
	END IF;
END
$$;


--
-- Name: person_facts(bigint[]); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_facts(p_ids bigint[]) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN coalesce((SELECT json_agg(json_build_object('id', p.id,
	    'name', p.name, 'versions', coalesce((SELECT json_agg(
		json_build_object('seq', v.id, 'on', api.dnum(v.effective_on),
		'by', v.actor, 'active', v.active) ORDER BY v.id)
		FROM person_versions v WHERE v.person_id = p.id), '[]'::json))
	    ORDER BY p.id)
	    FROM people p WHERE p.id = ANY (p_ids)), '[]'::json);
END
$$;


--
-- Name: person_facts_doc(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_facts_doc(p_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (WITH cells AS (
		SELECT DISTINCT o.project_id, o.responsibility, o.role
		FROM ownership_versions o WHERE o.person_id = p_id
	)
	SELECT json_build_object('settings', api.settings_doc(),
	    'people', api.person_facts(ARRAY[p_id]),
	    'projects', coalesce((SELECT json_agg(json_build_object(
		'id', pr.id, 'name', pr.name, 'pm', pr.pm_id,
		'kickoff', api.dnum(pr.kickoff_on),
		'created', api.dnum(pr.created_on),
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'status', v.status, 'stage', v.stage,
		    'launch', api.dnum(v.target_launch_on),
		    'spec_missing', 0) ORDER BY v.id)
		    FROM project_versions v WHERE v.project_id = pr.id),
		    '[]'::json),
		'resps', (SELECT json_agg(json_build_object(
		    'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		    'expects', (CASE WHEN r.expects_ds THEN 1 ELSE 0 END) |
			(CASE WHEN r.expects_mle THEN 2 ELSE 0 END) |
			(CASE WHEN r.expects_swe THEN 4 ELSE 0 END),
		    'cells', (SELECT json_agg(json_build_object(
			'role', o.role, 'seq', o.id,
			'on', api.dnum(o.effective_on), 'by', o.actor,
			'person', coalesce(o.person_id, 0)) ORDER BY o.id)
			FROM ownership_versions o
			JOIN cells c ON c.project_id = o.project_id AND
			    c.responsibility = o.responsibility AND
			    c.role = o.role
			WHERE o.project_id = pr.id AND
			    o.responsibility = r.key))
		    ORDER BY r.position)
		    FROM responsibilities r
		    WHERE r.project_id = pr.id AND r.key IN (SELECT
			c.responsibility FROM cells c
			WHERE c.project_id = pr.id))) ORDER BY pr.id)
		FROM projects pr
		WHERE pr.id IN (SELECT project_id FROM cells)), '[]'::json)));
END
$$;


--
-- Name: person_get(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_get(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.people (
    id bigint NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    role text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT people_email_check CHECK (((length(email) >= 3) AND (length(email) <= 254))),
    CONSTRAINT people_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT people_role_check CHECK ((role = ANY (ARRAY['ds'::text, 'mle'::text, 'swe'::text, 'pm'::text])))
);


--
-- Name: person_json(public.people); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_json(r public.people) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT json_build_object('id', r.id, 'name', r.name, 'email', r.email,
	    'role', r.role, 'active', r.active, 'version', r.version)
$$;


--
-- Name: person_list(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_list(p jsonb) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	WITH matching AS (
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
	    'total', (SELECT count(*) FROM matching))
$$;


--
-- Name: person_patch(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_patch(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: person_ref(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_ref(p_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT json_build_object('id', id, 'name', name, 'active',
	    active) FROM people WHERE id = p_id);
END
$$;


--
-- Name: person_snapshot(jsonb, public.people); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.person_snapshot(p jsonb, r public.people) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO person_versions (person_id, actor, effective_on, active,
	    name)
	VALUES (r.id, api.actor(p), api.today(p), r.active, r.name)
$$;


--
-- Name: portfolio(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.portfolio(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	q	jsonb := coalesce(p->'query', '{}'::jsonb);
	d	date := api.today(p);
	sev	smallint := (SELECT position FROM vocabulary
		    WHERE kind = 'severity' AND key = q->>'severity');
	n	int := api.limit_of(p) + api.offset_of(p);
	dp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'project');
	dpp	bigint[] := ARRAY(SELECT DISTINCT item FROM ledger_dirty
		    WHERE kind = 'person');
	ndirty	int;
	skip	int;
BEGIN
	-- The clean rows before offset - (dirty ones) cannot reach the page
	-- once the dirty ones are sorted in: they are left here.
	ndirty := (SELECT count(*) FROM projects pr WHERE pr.id = ANY (dp)
	    AND (q->>'status' IS NULL OR pr.status = q->>'status')
	    AND (q->>'stage' IS NULL OR pr.stage = q->>'stage')
	    AND (q->>'pm' IS NULL OR pr.pm_id = (q->>'pm')::bigint));
	skip := greatest(0, api.offset_of(p) - ndirty);
	RETURN (WITH profile AS MATERIALIZED (
		SELECT r.project_id, r.worst, r.n_critical, r.n_high,
		    r.n_medium, r.n_low
		FROM risk_profile r WHERE daterange(r.from_on, r.to_on) @> d
	), clean AS MATERIALIZED (
		SELECT pr.id, pr.name, pr.target_launch_on,
		    coalesce(r.worst, -1) AS worst,
		    coalesce(r.n_critical, 0) AS n3,
		    coalesce(r.n_high, 0) AS n2,
		    coalesce(r.n_medium, 0) AS n1,
		    coalesce(r.n_low, 0) AS n0
		FROM projects pr
		LEFT JOIN profile r ON r.project_id = pr.id
		WHERE (q->>'status' IS NULL OR pr.status = q->>'status')
		  AND (q->>'stage' IS NULL OR pr.stage = q->>'stage')
		  AND (q->>'pm' IS NULL OR pr.pm_id = (q->>'pm')::bigint)
		  AND pr.id <> ALL (dp)
		  AND (sev IS NULL OR coalesce(r.worst, -1) >= sev)
	), page AS (
		SELECT c.*, row_number() OVER () AS o
		FROM (SELECT * FROM clean
		    ORDER BY worst DESC, n3 DESC, n2 DESC, n1 DESC, n0 DESC,
		    target_launch_on, name COLLATE "C", id
		    LIMIT n - skip OFFSET skip) c
	)
	SELECT json_build_object(
	    'query', q,
	    'skipped', skip,
	    'rows', coalesce((SELECT json_agg(api.portfolio_row(m,
		json_build_array(g.n0, g.n1, g.n2, g.n3), NULL) ORDER BY g.o)
		FROM page g JOIN projects m ON m.id = g.id), '[]'::json),
	    'total', (SELECT count(*) FROM clean),
	    'dirty', coalesce((SELECT json_agg(api.portfolio_row(pr, NULL,
		api.project_facts_doc(pr.id)))
		FROM projects pr WHERE pr.id = ANY (dp)
		  AND (q->>'status' IS NULL OR pr.status = q->>'status')
		  AND (q->>'stage' IS NULL OR pr.stage = q->>'stage')
		  AND (q->>'pm' IS NULL OR
		    pr.pm_id = (q->>'pm')::bigint)), '[]'::json),
	    'pms', coalesce((SELECT json_agg(json_build_object('id', x.id,
		'name', x.name) ORDER BY x.name, x.id) FROM people x
		WHERE x.id IN (SELECT pm_id FROM projects)), '[]'::json),
	    -- The first query.wide overloads of the day, in risk order, and
	    -- how many there are.
	    'overload', coalesce((SELECT json_agg(api.span_doc(v)
		ORDER BY v.severity DESC, v.subject COLLATE "C")
		FROM (SELECT s.id FROM risk_spans s
		    WHERE s.owner_id IS NOT NULL AND s.owner_id <> ALL (dpp) AND
		    api.covers(s.from_on, s.to_on, d)
		    ORDER BY s.severity DESC, s.subject COLLATE "C"
		    LIMIT coalesce((q->>'wide')::int, 0)) x
		JOIN api.named_spans v ON v.id = x.id), '[]'::json),
	    'noverload', (SELECT count(*) FROM risk_spans s
		WHERE s.owner_id IS NOT NULL AND s.owner_id <> ALL (dpp) AND
		api.covers(s.from_on, s.to_on, d)),
	    'dirty_people', api.dirty_doc('{}', dpp)));
END
$$;


--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id bigint NOT NULL,
    name text NOT NULL,
    pm_id bigint NOT NULL,
    kickoff_on date NOT NULL,
    target_launch_on date NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    stage text DEFAULT 'framing'::text NOT NULL,
    decision text,
    primary_metric text,
    secondary_constraint text,
    worse_error text,
    fallback text,
    monitoring_trigger text,
    baseline text,
    version integer DEFAULT 1 NOT NULL,
    created_on date NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT projects_check CHECK ((target_launch_on >= kickoff_on)),
    CONSTRAINT projects_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT projects_status_check CHECK ((status = ANY (ARRAY['active'::text, 'paused'::text, 'shipped'::text, 'cancelled'::text])))
);


--
-- Name: portfolio_row(public.projects, json, json); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.portfolio_row(m public.projects, p_counts json, p_facts json) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: project_create(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_create(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b	jsonb := p->'body';
	s	jsonb := coalesce(p->'body'->'spec', '{}'::jsonb);
	today	date := api.today(p);
	r	projects;
BEGIN
	PERFORM api.check_person((b->>'pm_id')::bigint, 'pm_id', true);
	IF (b->>'target_launch_on')::date < (b->>'kickoff_on')::date THEN
		PERFORM api.fail('HF400', 'target_launch_on must not be ' ||
		    'before kickoff_on', 'target_launch_on');
	END IF;

	INSERT INTO projects (name, pm_id, kickoff_on, target_launch_on,
	    status, decision, primary_metric, secondary_constraint,
	    worse_error, fallback, monitoring_trigger, baseline, created_on)
	VALUES (b->>'name', (b->>'pm_id')::bigint, (b->>'kickoff_on')::date,
	    (b->>'target_launch_on')::date,
	    coalesce(b->>'status', 'active'),
	    api.text_or_null(s->>'decision'),
	    api.text_or_null(s->>'primary_metric'),
	    api.text_or_null(s->>'secondary_constraint'),
	    api.text_or_null(s->>'worse_error'),
	    api.text_or_null(s->>'fallback'),
	    api.text_or_null(s->>'monitoring_trigger'),
	    api.text_or_null(s->>'baseline'),
	    today)
	RETURNING * INTO r;

	PERFORM api.project_snapshot(p, r);

	-- In framing since the kickoff (or today, for a planned kickoff).
	INSERT INTO stage_transitions (project_id, from_stage, to_stage,
	    effective_on, actor, note)
	VALUES (r.id, NULL, 'framing', least(r.kickoff_on, today),
	    api.actor(p), 'kickoff');

	-- Stages back to back from the kickoff date, default_weeks each.
	INSERT INTO stage_plans (project_id, stage, planned_start, planned_end)
	SELECT r.id, key,
	    r.kickoff_on + 7 * (sum(default_weeks) OVER w - default_weeks)::int,
	    r.kickoff_on + 7 * (sum(default_weeks) OVER w)::int - 1
	FROM stages WINDOW w AS (ORDER BY position);

	INSERT INTO plan_versions (project_id, actor, stage, effective_on,
	    planned_start, planned_end)
	SELECT project_id, api.actor(p), stage, today, planned_start,
	    planned_end
	FROM stage_plans WHERE project_id = r.id;

	INSERT INTO checkpoints (project_id, stage, title, due_on,
	    original_due_on, decision, template, created_on)
	SELECT r.id, t.stage, t.title, d.due, d.due, t.decision, t.position,
	    today
	FROM checkpoint_templates t,
	LATERAL (SELECT CASE t.anchor
	    WHEN 'kickoff' THEN r.kickoff_on + 7 * t.week_offset
	    ELSE r.target_launch_on + 7 * t.week_offset END AS due) d;

	INSERT INTO checkpoint_versions (checkpoint_id, actor, effective_on,
	    stage, title, status, due_on)
	SELECT id, api.actor(p), today, stage, title, status, due_on
	FROM checkpoints WHERE project_id = r.id;

	INSERT INTO responsibilities (project_id, key, position, name,
	    needed_by, expects_ds, expects_mle, expects_swe, handoff)
	SELECT r.id, key, position, name, needed_by, expects_ds, expects_mle,
	    expects_swe, handoff
	FROM responsibility_templates;

	INSERT INTO ownership (project_id, responsibility, role)
	SELECT r.id, t.key, role.name
	FROM responsibility_templates t,
	    unnest(ARRAY['ds', 'mle', 'swe']) AS role(name);

	INSERT INTO handoffs (project_id, key)
	SELECT r.id, key FROM handoff_kinds;

	PERFORM api.audit(p, r.id, 'project', r.id::text, 'create', NULL,
	    api.project_json(r));
	RETURN api.project_document(r.id);
END
$$;


--
-- Name: project_document(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_document(p_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (WITH periods AS (
		SELECT to_stage, effective_on AS entered_on,
		    lead(effective_on) OVER (ORDER BY id) AS left_on, id
		FROM stage_transitions WHERE project_id = p_id
	)
	SELECT api.json_concat(api.project_json(pr), json_build_object(
	    'stages', (SELECT json_agg(json_build_object(
		'key', s.key, 'name', s.name, 'position', s.position,
		'done_looks_like', s.done_looks_like,
		'planned_start', sp.planned_start,
		'planned_end', sp.planned_end,
		'current', s.key = pr.stage,
		'periods', coalesce((SELECT json_agg(json_build_object(
		    'entered_on', pe.entered_on, 'left_on', pe.left_on)
		    ORDER BY pe.id) FROM periods pe WHERE pe.to_stage = s.key),
		    '[]'::json))
		ORDER BY s.position)
		FROM stages s JOIN stage_plans sp
		    ON sp.stage = s.key AND sp.project_id = p_id),
	    'transitions', coalesce((SELECT json_agg(json_build_object(
		'from', t.from_stage, 'to', t.to_stage, 'on', t.effective_on,
		'actor', t.actor, 'note', t.note, 'at', api.ts(t.at))
		ORDER BY t.id)
		FROM stage_transitions t WHERE t.project_id = p_id),
		'[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(api.checkpoint_json(c)
		ORDER BY c.due_on, c.id)
		FROM checkpoints c
		WHERE c.project_id = p_id AND c.deleted_on IS NULL),
		'[]'::json),
	    'handoffs', (SELECT json_agg(api.handoff_json(h) ORDER BY h.key)
		FROM handoffs h WHERE h.project_id = p_id),
	    'ownership', (SELECT json_agg(json_build_object(
		'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		'handoff', r.handoff,
		'ds', api.cell_value(r.expects_ds, ods.version, pds.id,
		    pds.name, pds.active),
		'mle', api.cell_value(r.expects_mle, omle.version, pmle.id,
		    pmle.name, pmle.active),
		'swe', api.cell_value(r.expects_swe, oswe.version, pswe.id,
		    pswe.name, pswe.active))
		ORDER BY r.position)
		FROM responsibilities r
		LEFT JOIN ownership ods ON ods.project_id = r.project_id
		    AND ods.responsibility = r.key AND ods.role = 'ds'
		LEFT JOIN people pds ON pds.id = ods.person_id
		LEFT JOIN ownership omle ON omle.project_id = r.project_id
		    AND omle.responsibility = r.key AND omle.role = 'mle'
		LEFT JOIN people pmle ON pmle.id = omle.person_id
		LEFT JOIN ownership oswe ON oswe.project_id = r.project_id
		    AND oswe.responsibility = r.key AND oswe.role = 'swe'
		LEFT JOIN people pswe ON pswe.id = oswe.person_id
		WHERE r.project_id = p_id)))
	FROM projects pr WHERE pr.id = p_id);
END
$$;


--
-- Name: project_exists(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_exists(p jsonb) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM projects
	    WHERE id = api.path_id(p, 'project')) THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;
	RETURN api.path_id(p, 'project');
END
$$;


--
-- Name: project_facts(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_facts(p_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT json_build_object(
	    'id', pr.id, 'name', pr.name, 'pm', pr.pm_id,
	    'kickoff', api.dnum(pr.kickoff_on),
	    'created', api.dnum(pr.created_on),
	    'versions', coalesce((SELECT json_agg(json_build_object(
		'seq', v.id, 'on', api.dnum(v.effective_on), 'by', v.actor,
		'status', v.status, 'stage', v.stage,
		'launch', api.dnum(v.target_launch_on),
		'spec_missing', api.spec_missing(v)) ORDER BY v.id)
		FROM project_versions v WHERE v.project_id = pr.id),
		'[]'::json),
	    'plans', coalesce((SELECT json_agg(json_build_object(
		'stage', v.stage, 'seq', v.id,
		'on', api.dnum(v.effective_on), 'by', v.actor,
		'start', api.dnum(v.planned_start),
		'end', api.dnum(v.planned_end)) ORDER BY v.id)
		FROM plan_versions v WHERE v.project_id = pr.id),
		'[]'::json),
	    'resps', coalesce((SELECT json_agg(json_build_object(
		'key', r.key, 'name', r.name, 'needed_by', r.needed_by,
		'expects', (CASE WHEN r.expects_ds THEN 1 ELSE 0 END) |
		    (CASE WHEN r.expects_mle THEN 2 ELSE 0 END) |
		    (CASE WHEN r.expects_swe THEN 4 ELSE 0 END),
		'cells', coalesce((SELECT json_agg(json_build_object(
		    'role', o.role, 'seq', o.id,
		    'on', api.dnum(o.effective_on), 'by', o.actor,
		    'person', coalesce(o.person_id, 0)) ORDER BY o.id)
		    FROM ownership_versions o
		    WHERE o.project_id = pr.id AND o.responsibility = r.key),
		    '[]'::json)) ORDER BY r.position)
		FROM responsibilities r WHERE r.project_id = pr.id),
		'[]'::json),
	    'checkpoints', coalesce((SELECT json_agg(json_build_object(
		'id', c.id, 'title', c.title, 'stage', c.stage,
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'status', v.status,
		    'due', api.dnum(v.due_on),
		    'completed', api.dnum(v.completed_on),
		    'deleted', v.deleted) ORDER BY v.id)
		    FROM checkpoint_versions v WHERE v.checkpoint_id = c.id),
		    '[]'::json)) ORDER BY c.id)
		FROM checkpoints c WHERE c.project_id = pr.id), '[]'::json),
	    'handoffs', coalesce((SELECT json_agg(json_build_object(
		'key', h.key, 'name', k.name, 'leads_into', k.leads_into,
		'versions', coalesce((SELECT json_agg(json_build_object(
		    'seq', v.id, 'on', api.dnum(v.effective_on),
		    'by', v.actor, 'from', coalesce(v.from_id, 0),
		    'to', coalesce(v.to_id, 0),
		    'offered', api.dnum(v.offered_on),
		    'accepted', api.dnum(v.accepted_on)) ORDER BY v.id)
		    FROM handoff_versions v
		    WHERE v.project_id = h.project_id AND v.key = h.key),
		    '[]'::json)) ORDER BY h.key)
		FROM handoffs h JOIN handoff_kinds k ON k.key = h.key
		WHERE h.project_id = pr.id), '[]'::json),
	    'changes', coalesce((SELECT json_agg(d ORDER BY d)
		FROM (SELECT DISTINCT api.dnum(a.recorded_on) AS d
		    FROM audit_log a WHERE a.project_id = pr.id) c),
		'[]'::json))
	FROM projects pr WHERE pr.id = p_id);
END
$$;


--
-- Name: project_facts_doc(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_facts_doc(p_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN json_build_object('settings', api.settings_doc(),
	    'people', api.person_facts(api.project_people(p_id)),
	    'projects', coalesce((SELECT json_agg(f) FROM
		api.project_facts(p_id) f WHERE f IS NOT NULL), '[]'::json));
END
$$;


--
-- Name: project_get(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_get(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN api.project_document(api.project_exists(p));
END
$$;


--
-- Name: project_history(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_history(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	v_project	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object(
	    'entries', coalesce((SELECT json_agg(json_build_object(
		'id', a.id, 'at', api.ts(a.at), 'recorded_on', a.recorded_on,
		'actor', a.actor, 'entity', a.entity,
		'entity_id', a.entity_id, 'action', a.action,
		'before', a.before, 'after', a.after) ORDER BY a.id DESC)
		FROM (SELECT * FROM audit_log WHERE project_id = v_project
		    ORDER BY audit_log.id DESC
		    LIMIT api.limit_of(p) OFFSET api.offset_of(p)) a),
		'[]'::json),
	    'total', (SELECT count(*) FROM audit_log
		WHERE project_id = v_project));
END
$$;


--
-- Name: project_json(public.projects); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_json(r public.projects) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT json_build_object(
	    'id', r.id,
	    'name', r.name,
	    'pm', api.person_ref(r.pm_id),
	    'status', r.status,
	    'stage', r.stage,
	    'kickoff_on', r.kickoff_on,
	    'target_launch_on', r.target_launch_on,
	    'created_on', r.created_on,
	    'updated_at', api.ts(r.updated_at),
	    'version', r.version,
	    'spec', json_build_object(
		'decision', r.decision,
		'primary_metric', r.primary_metric,
		'secondary_constraint', r.secondary_constraint,
		'worse_error', r.worse_error,
		'fallback', r.fallback,
		'monitoring_trigger', r.monitoring_trigger,
		'baseline', r.baseline))
$$;


--
-- Name: project_locked(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_locked(p jsonb) RETURNS public.projects
    LANGUAGE plpgsql
    AS $$
DECLARE
	r	projects;
BEGIN
	SELECT * INTO r FROM projects WHERE id = api.path_id(p, 'project')
	    FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF404', format('no project with id %s',
		    api.path_id(p, 'project')));
	END IF;
	RETURN r;
END
$$;


--
-- Name: project_page(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_page(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	v_id	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object(
	    'document', api.project_document(v_id),
	    'people', api.person_list(jsonb_build_object('query',
		jsonb_build_object('active', true, 'limit', 200))),
	    'history', api.project_history(p || jsonb_build_object('query',
		jsonb_build_object('limit', 20))),
	    '_risk', api.risk_doc(v_id, api.today(p)));
END
$$;


--
-- Name: project_patch(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_patch(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b	jsonb := p->'body';
	s	jsonb := p->'body'->'spec';
	old	projects;
	r	projects;
	st	record;
	ps	date;
	pe	date;
BEGIN
	old := api.project_locked(p);
	PERFORM api.check_version(p, old.version, 'this project');

	IF api.has(p, 'pm_id') THEN
		PERFORM api.check_person((b->>'pm_id')::bigint, 'pm_id', true);
	END IF;
	IF coalesce((b->>'target_launch_on')::date, old.target_launch_on) <
	    coalesce((b->>'kickoff_on')::date, old.kickoff_on) THEN
		PERFORM api.fail('HF400', 'target_launch_on must not be ' ||
		    'before kickoff_on', CASE WHEN api.has(p, 'kickoff_on')
		    THEN 'kickoff_on' ELSE 'target_launch_on' END);
	END IF;

	UPDATE projects SET
	    name = CASE WHEN api.has(p, 'name') THEN b->>'name' ELSE name END,
	    pm_id = CASE WHEN api.has(p, 'pm_id')
		THEN (b->>'pm_id')::bigint ELSE pm_id END,
	    kickoff_on = CASE WHEN api.has(p, 'kickoff_on')
		THEN (b->>'kickoff_on')::date ELSE kickoff_on END,
	    target_launch_on = CASE WHEN api.has(p, 'target_launch_on')
		THEN (b->>'target_launch_on')::date ELSE target_launch_on END,
	    status = CASE WHEN api.has(p, 'status')
		THEN b->>'status' ELSE status END,
	    decision = CASE WHEN s ? 'decision'
		THEN api.text_or_null(s->>'decision') ELSE decision END,
	    primary_metric = CASE WHEN s ? 'primary_metric'
		THEN api.text_or_null(s->>'primary_metric')
		ELSE primary_metric END,
	    secondary_constraint = CASE WHEN s ? 'secondary_constraint'
		THEN api.text_or_null(s->>'secondary_constraint')
		ELSE secondary_constraint END,
	    worse_error = CASE WHEN s ? 'worse_error'
		THEN api.text_or_null(s->>'worse_error') ELSE worse_error END,
	    fallback = CASE WHEN s ? 'fallback'
		THEN api.text_or_null(s->>'fallback') ELSE fallback END,
	    monitoring_trigger = CASE WHEN s ? 'monitoring_trigger'
		THEN api.text_or_null(s->>'monitoring_trigger')
		ELSE monitoring_trigger END,
	    baseline = CASE WHEN s ? 'baseline'
		THEN api.text_or_null(s->>'baseline') ELSE baseline END,
	    version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;

	FOR st IN SELECT key, value FROM jsonb_each(coalesce(b->'plan',
	    '{}'::jsonb)) LOOP
		SELECT planned_start, planned_end INTO ps, pe FROM stage_plans
		WHERE project_id = r.id AND stage = st.key;
		ps := coalesce((st.value->>'start')::date, ps);
		pe := coalesce((st.value->>'end')::date, pe);
		IF pe < ps THEN
			PERFORM api.fail('HF400', format('the %s stage would ' ||
			    'end before it starts', st.key),
			    format('plan.%s.end', st.key));
		END IF;
		UPDATE stage_plans SET planned_start = ps, planned_end = pe
		WHERE project_id = r.id AND stage = st.key;
		INSERT INTO plan_versions (project_id, actor, stage,
		    effective_on, planned_start, planned_end)
		VALUES (r.id, api.actor(p), st.key, api.today(p), ps, pe);
	END LOOP;

	PERFORM api.project_snapshot(p, r);
	PERFORM api.audit(p, r.id, 'project', r.id::text, 'update',
	    api.project_json(old), api.json_merge(api.project_json(r),
	    CASE WHEN b ? 'plan' THEN json_build_object('plan', b->'plan')
	    END));
	RETURN api.project_document(r.id);
END
$$;


--
-- Name: project_people(bigint); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_people(p_id bigint) RETURNS bigint[]
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN ARRAY(SELECT person_id FROM ownership_versions
	    WHERE project_id = p_id AND person_id IS NOT NULL
	    UNION
	    SELECT to_id FROM handoff_versions
	    WHERE project_id = p_id AND to_id IS NOT NULL);
END
$$;


--
-- Name: project_risk_facts(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_risk_facts(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
	v_id	bigint := api.project_exists(p);
BEGIN
	RETURN json_build_object('id', v_id, '_risk', api.risk_doc(v_id,
	    coalesce((p->'query'->>'as_of')::date, api.today(p))));
END
$$;


--
-- Name: project_snapshot(jsonb, public.projects); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_snapshot(p jsonb, r public.projects) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO project_versions (project_id, actor, effective_on, name,
	    pm_id, status, stage, target_launch_on, decision, primary_metric,
	    secondary_constraint, worse_error, fallback, monitoring_trigger,
	    baseline)
	VALUES (r.id, api.actor(p), api.today(p), r.name, r.pm_id, r.status, r.stage,
	    r.target_launch_on, r.decision, r.primary_metric,
	    r.secondary_constraint, r.worse_error, r.fallback,
	    r.monitoring_trigger, r.baseline)
$$;


--
-- Name: project_stage(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.project_stage(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
DECLARE
	b	jsonb := p->'body';
	old	projects;
	r	projects;
BEGIN
	old := api.project_locked(p);
	PERFORM api.check_version(p, old.version, 'this project');

	IF old.stage = b->>'stage' THEN
		PERFORM api.fail('HF409', format('the project is already in ' ||
		    'the %s stage', old.stage), 'stage');
	END IF;

	UPDATE projects SET stage = b->>'stage', version = version + 1,
	    updated_at = now()
	WHERE id = old.id
	RETURNING * INTO r;

	INSERT INTO stage_transitions (project_id, from_stage, to_stage,
	    effective_on, actor, note)
	VALUES (r.id, old.stage, r.stage, api.today(p), api.actor(p),
	    api.text_or_null(b->>'note'));

	PERFORM api.project_snapshot(p, r);
	PERFORM api.audit(p, r.id, 'project', r.id::text,
	    CASE WHEN (SELECT position FROM stages WHERE key = r.stage) >
		(SELECT position FROM stages WHERE key = old.stage)
		THEN 'stage_forward' ELSE 'stage_back' END,
	    json_build_object('stage', old.stage),
	    json_build_object('stage', r.stage, 'note',
		api.text_or_null(b->>'note')));
	RETURN api.project_document(r.id);
END
$$;


--
-- Name: risk_doc(bigint, date); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.risk_doc(p_project bigint, p_day date) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	IF api.dirty('project', p_project) THEN
		RETURN json_build_object(
		    'facts', api.project_facts_doc(p_project),
		    'people', coalesce((SELECT json_agg(api.holder_doc(h.id,
			p_day) ORDER BY h.id)
			FROM unnest(api.ledger_holders(ARRAY[p_project]))
			AS h(id)), '[]'::json));
	END IF;
	RETURN json_build_object(
	    'spans', coalesce((SELECT json_agg(api.span_doc(v) ORDER BY v.id)
		FROM api.named_spans v WHERE v.project_id = p_project AND
		api.covers(v.from_on, v.to_on, p_day)), '[]'::json),
	    'people', coalesce((SELECT json_agg(api.holder_doc(h.person_id,
		p_day) ORDER BY h.person_id)
		FROM risk_holders h WHERE h.project_id = p_project AND
		api.covers(h.from_on, h.to_on, p_day)), '[]'::json));
END
$$;


--
-- Name: risks(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.risks(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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
		  AND (sev IS NULL OR s.severity = sev)
		  AND (pm IS NULL OR pr.pm_id = pm)
		  AND (s.project_id IS NULL OR s.project_id <> ALL (dp))
		  AND (s.owner_id IS NULL OR s.owner_id <> ALL (dpp))
	), page AS (
		SELECT id, row_number() OVER () AS o FROM (SELECT id FROM cand
		    ORDER BY severity DESC, api.launch_days(launch_on, d),
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
	    'spans', coalesce((SELECT json_agg(api.span_doc(v) ORDER BY
		page.o) FROM page JOIN api.named_spans v ON v.id = page.id),
		'[]'::json),
	    'total', t.total,
	    'counts', json_build_array(t.n0, t.n1, t.n2, t.n3),
	    'dirty', api.dirty_doc(dp, dpp))
	FROM tally t);
END
$$;


--
-- Name: role_at_least(jsonb, text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.role_at_least(p jsonb, p_role text) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN coalesce((SELECT have.position >= need.position
	    FROM users u
	    JOIN vocabulary have ON have.kind = 'user_role' AND
		have.key = u.role
	    JOIN vocabulary need ON need.kind = 'user_role' AND
		need.key = p_role
	    WHERE u.id = (p->>'user_id')::bigint), false);
END
$$;


--
-- Name: setting(text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.setting(p_key text) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT value FROM settings WHERE key = p_key);
END
$$;


--
-- Name: settings_doc(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.settings_doc() RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT json_object_agg(key, value ORDER BY key)
	    FROM settings WHERE key IN ('overload_threshold',
	    'stale_low_days', 'stale_medium_days'));
END
$$;


--
-- Name: handoff_kinds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handoff_kinds (
    key text NOT NULL,
    name text NOT NULL,
    from_label text NOT NULL,
    to_label text NOT NULL,
    leads_into text NOT NULL,
    question text NOT NULL,
    CONSTRAINT handoff_kinds_key_check CHECK ((key = ANY (ARRAY['a'::text, 'b'::text, 'c'::text, 'd'::text])))
);


--
-- Name: risk_spans; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_spans (
    id bigint NOT NULL,
    project_id bigint,
    owner_id bigint,
    kind smallint NOT NULL,
    subject text NOT NULL,
    from_on date NOT NULL,
    to_on date,
    since date NOT NULL,
    severity smallint NOT NULL,
    launch_on date,
    resp_key text,
    role text,
    checkpoint_id bigint,
    handoff text,
    stage text,
    field text,
    person_id bigint,
    ref_on date,
    event_on date,
    inactive boolean DEFAULT false NOT NULL,
    held integer,
    threshold integer,
    ends boolean DEFAULT false NOT NULL,
    closed_by text,
    CONSTRAINT risk_spans_check CHECK (((project_id IS NULL) <> (owner_id IS NULL))),
    CONSTRAINT risk_spans_check1 CHECK (((to_on IS NULL) OR (to_on > from_on))),
    CONSTRAINT risk_spans_kind_check CHECK (((kind >= 0) AND (kind <= 31))),
    CONSTRAINT risk_spans_severity_check CHECK (((severity >= 0) AND (severity <= 3)))
);


--
-- Name: named_spans; Type: VIEW; Schema: api; Owner: -
--

CREATE VIEW api.named_spans AS
 SELECT s.id,
    s.project_id,
    s.owner_id,
    s.kind,
    s.subject,
    s.from_on,
    s.to_on,
    s.since,
    s.severity,
    s.launch_on,
    s.resp_key,
    s.role,
    s.checkpoint_id,
    s.handoff,
    s.stage,
    s.field,
    s.person_id,
    s.ref_on,
    s.event_on,
    s.inactive,
    s.held,
    s.threshold,
    s.ends,
    s.closed_by,
    pr.name AS project_name,
    pe.name AS person_name,
    r.name AS resp_name,
    c.title AS checkpoint_title,
    h.name AS handoff_name
   FROM (((((public.risk_spans s
     LEFT JOIN public.projects pr ON ((pr.id = s.project_id)))
     LEFT JOIN public.people pe ON ((pe.id = s.person_id)))
     LEFT JOIN public.responsibilities r ON (((r.project_id = s.project_id) AND (r.key = s.resp_key))))
     LEFT JOIN public.checkpoints c ON ((c.id = s.checkpoint_id)))
     LEFT JOIN public.handoff_kinds h ON ((h.key = s.handoff)));


--
-- Name: span_doc(api.named_spans); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.span_doc(v api.named_spans) RETURNS json
    LANGUAGE sql STABLE
    AS $$
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
	    'handoff_name', v.handoff_name))
$$;


--
-- Name: project_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    project_id bigint NOT NULL,
    effective_on date NOT NULL,
    name text NOT NULL,
    pm_id bigint NOT NULL,
    status text NOT NULL,
    stage text NOT NULL,
    target_launch_on date NOT NULL,
    decision text,
    primary_metric text,
    secondary_constraint text,
    worse_error text,
    fallback text,
    monitoring_trigger text,
    baseline text
);


--
-- Name: spec_missing(public.project_versions); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.spec_missing(v public.project_versions) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	RETURN (SELECT coalesce(sum(1 << position), 0)::int
	    FROM vocabulary
	    WHERE kind = 'spec_field' AND to_jsonb(v) ->> key IS NULL);
END
$$;


--
-- Name: text_or_null(text); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.text_or_null(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT nullif(btrim(p_value, E' \t\r\n'), '') $$;


--
-- Name: today(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.today(p jsonb) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (p->>'today')::date $$;


--
-- Name: token_create(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.token_create(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    prefix text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT api_tokens_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100))),
    CONSTRAINT api_tokens_token_hash_check CHECK ((token_hash ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: token_json(public.api_tokens); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.token_json(t public.api_tokens) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT json_build_object('id', t.id, 'name', t.name,
	    'prefix', t.prefix, 'created_at', api.ts(t.created_at),
	    'last_used_at', api.ts(t.last_used_at),
	    'revoked_at', api.ts(t.revoked_at))
$$;


--
-- Name: token_list(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.token_list(p jsonb) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT json_build_object('tokens', coalesce((SELECT json_agg(
	    api.token_json(t) ORDER BY t.id DESC) FROM api_tokens t
	    WHERE t.user_id = (p->>'user_id')::bigint), '[]'::json))
$$;


--
-- Name: token_revoke(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.token_revoke(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: ts(timestamp with time zone); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.ts(p_at timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;


--
-- Name: user_create(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_create(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    password_hash text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    failed_logins integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT users_email_check CHECK (((length(email) >= 3) AND (length(email) <= 254))),
    CONSTRAINT users_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT users_password_hash_check CHECK ((password_hash ~~ '$argon2id$%'::text)),
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['viewer'::text, 'member'::text, 'pm'::text, 'admin'::text])))
);


--
-- Name: user_json(public.users); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_json(u public.users) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$
	SELECT json_build_object('id', u.id, 'email', u.email, 'name', u.name,
	    'role', u.role, 'active', u.active, 'version', u.version)
$$;


--
-- Name: user_list(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_list(p jsonb) RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT json_build_object('users', coalesce((SELECT json_agg(
	    api.user_json(u)::jsonb || jsonb_build_object(
		'failed_logins', u.failed_logins,
		'locked_until', CASE WHEN u.locked_until > now() THEN
		    api.ts(u.locked_until) END)
	    ORDER BY u.email) FROM users u), '[]'::json),
	    'total', (SELECT count(*) FROM users))
$$;


--
-- Name: user_patch(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_patch(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: user_token_list(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_token_list(p jsonb) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: user_token_revoke(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.user_token_revoke(p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: vocabulary(); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.vocabulary() RETURNS json
    LANGUAGE sql STABLE
    AS $$
	SELECT coalesce(json_agg(json_build_object('kind', kind, 'position',
	    position, 'key', key, 'label', label) ORDER BY kind, position),
	    '[]'::json)
	FROM vocabulary
$$;


--
-- Name: whoami(jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.whoami(p jsonb) RETURNS json
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT NULL::json $$;


--
-- Name: with_risk_facts(json, jsonb); Type: FUNCTION; Schema: api; Owner: -
--

CREATE FUNCTION api.with_risk_facts(doc json, p jsonb) RETURNS json
    LANGUAGE plpgsql
    AS $$
BEGIN
	RETURN api.json_concat(doc, json_build_object('_risk',
	    api.risk_doc((doc->>'id')::bigint, api.today(p))));
END
$$;


--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.api_tokens ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.api_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_on date NOT NULL,
    actor text NOT NULL,
    project_id bigint,
    entity text NOT NULL,
    entity_id text NOT NULL,
    action text NOT NULL,
    before jsonb,
    after jsonb
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: checkpoint_slips; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checkpoint_slips (
    id bigint NOT NULL,
    checkpoint_id bigint NOT NULL,
    from_due_on date NOT NULL,
    to_due_on date NOT NULL,
    reason text NOT NULL,
    effective_on date NOT NULL,
    actor text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT checkpoint_slips_reason_check CHECK ((length(reason) > 0))
);


--
-- Name: checkpoint_slips_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.checkpoint_slips ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.checkpoint_slips_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: checkpoint_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checkpoint_templates (
    "position" integer NOT NULL,
    title text NOT NULL,
    stage text NOT NULL,
    anchor text NOT NULL,
    week_offset integer NOT NULL,
    decision boolean DEFAULT false NOT NULL,
    handoff text,
    CONSTRAINT checkpoint_templates_anchor_check CHECK ((anchor = ANY (ARRAY['kickoff'::text, 'launch'::text])))
);


--
-- Name: checkpoint_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checkpoint_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    checkpoint_id bigint NOT NULL,
    effective_on date NOT NULL,
    stage text NOT NULL,
    title text NOT NULL,
    status text NOT NULL,
    due_on date NOT NULL,
    completed_on date,
    owner_id bigint,
    deleted boolean DEFAULT false NOT NULL
);


--
-- Name: checkpoint_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.checkpoint_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.checkpoint_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: checkpoints_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.checkpoints ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.checkpoints_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: handoff_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handoff_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    project_id bigint NOT NULL,
    key text NOT NULL,
    effective_on date NOT NULL,
    from_id bigint,
    to_id bigint,
    offered_on date,
    accepted_on date
);


--
-- Name: handoff_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.handoff_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.handoff_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_dirty; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_dirty (
    id bigint NOT NULL,
    kind text NOT NULL,
    item bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    claimed_until timestamp with time zone,
    CONSTRAINT ledger_dirty_kind_check CHECK ((kind = ANY (ARRAY['project'::text, 'person'::text])))
);


--
-- Name: ledger_dirty_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_dirty ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ledger_dirty_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_items (
    kind text NOT NULL,
    item bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ledger_items_kind_check CHECK ((kind = ANY (ARRAY['project'::text, 'person'::text])))
);


--
-- Name: ownership_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ownership_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    project_id bigint NOT NULL,
    responsibility text NOT NULL,
    role text NOT NULL,
    effective_on date NOT NULL,
    person_id bigint
);


--
-- Name: ownership_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ownership_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ownership_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: people_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.people ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.people_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: person_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.person_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    person_id bigint NOT NULL,
    effective_on date NOT NULL,
    active boolean NOT NULL,
    name text NOT NULL
);


--
-- Name: person_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.person_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.person_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: plan_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_versions (
    id bigint NOT NULL,
    actor text NOT NULL,
    project_id bigint NOT NULL,
    stage text NOT NULL,
    effective_on date NOT NULL,
    planned_start date NOT NULL,
    planned_end date NOT NULL
);


--
-- Name: plan_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.plan_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.plan_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: project_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.project_versions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.project_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: projects_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.projects ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.projects_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: responsibility_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.responsibility_templates (
    key text NOT NULL,
    "position" integer NOT NULL,
    name text NOT NULL,
    needed_by text NOT NULL,
    expects_ds boolean NOT NULL,
    expects_mle boolean NOT NULL,
    expects_swe boolean NOT NULL,
    handoff text,
    CONSTRAINT responsibility_templates_key_check CHECK ((key ~ '^[a-z][a-z0-9_]{0,63}$'::text))
);


--
-- Name: risk_deltas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_deltas (
    on_day date NOT NULL,
    severity smallint NOT NULL,
    delta bigint NOT NULL
);


--
-- Name: risk_holders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_holders (
    project_id bigint NOT NULL,
    person_id bigint NOT NULL,
    from_on date NOT NULL,
    to_on date,
    CONSTRAINT risk_holders_check CHECK (((to_on IS NULL) OR (to_on > from_on)))
);


--
-- Name: risk_profile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_profile (
    project_id bigint NOT NULL,
    from_on date NOT NULL,
    to_on date,
    worst smallint NOT NULL,
    n_critical integer NOT NULL,
    n_high integer NOT NULL,
    n_medium integer NOT NULL,
    n_low integer NOT NULL,
    launch_on date,
    first_kind smallint NOT NULL,
    first_subject text NOT NULL,
    CONSTRAINT risk_profile_check CHECK (((to_on IS NULL) OR (to_on > from_on)))
);


--
-- Name: risk_spans_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_spans ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.risk_spans_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id_hash text NOT NULL,
    user_id bigint NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    address text,
    CONSTRAINT sessions_id_hash_check CHECK ((id_hash ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    key text NOT NULL,
    value integer NOT NULL,
    description text NOT NULL
);


--
-- Name: stage_plans; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stage_plans (
    project_id bigint NOT NULL,
    stage text NOT NULL,
    planned_start date NOT NULL,
    planned_end date NOT NULL,
    CONSTRAINT stage_plans_check CHECK ((planned_end >= planned_start))
);


--
-- Name: stage_transitions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stage_transitions (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    from_stage text,
    to_stage text NOT NULL,
    effective_on date NOT NULL,
    actor text NOT NULL,
    note text,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: stage_transitions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.stage_transitions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.stage_transitions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: stages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stages (
    key text NOT NULL,
    "position" integer NOT NULL,
    name text NOT NULL,
    done_looks_like text NOT NULL,
    default_weeks integer NOT NULL,
    CONSTRAINT stages_default_weeks_check CHECK ((default_weeks > 0))
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: vocabulary; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.vocabulary (
    kind text NOT NULL,
    "position" integer NOT NULL,
    key text NOT NULL,
    label text NOT NULL,
    CONSTRAINT vocabulary_position_check CHECK (("position" >= 0))
);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_tokens (id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at) FROM stdin;
1	1	fixture admin	af8146adf92eaef2a48459c37d0bf1cfe52f109e94e7a2854c58a8f31a7fb1b1	hf_JTiwNGQ	2026-12-01 21:36:38.888666+00	2026-12-01 21:36:39.097218+00	\N
4	8	dashboard	f3847cdb99370ad885ea443f41c075378971b4a3b3054191ff2b3aba15ddf056	hf_JJx-dMf	2026-12-01 21:36:40.864093+00	2026-12-01 21:36:40.871495+00	\N
5	8	old laptop	99891ef80706f02f53fdbeef26a97142b9b68b8ae431096ff22df5949ec9d31e	hf_bx-IvXC	2026-12-01 21:36:40.868219+00	\N	2026-12-01 21:36:40.871495+00
2	6	pm automation	2a6d79df08709c77a85a8fb0e1c7cf9e5d69cc34f6126b4c4526528b51f5720d	hf_NJZ3QQ9	2026-12-01 21:36:40.852288+00	2026-12-01 21:36:40.875501+00	\N
3	7	member bot	4c4d6034d7edab155af41749381f179546cb0254e43d51cc878a7cc5fda9e6e3	hf_bxDddx9	2026-12-01 21:36:40.857095+00	2026-12-01 21:36:41.073005+00	\N
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_log (id, at, recorded_on, actor, project_id, entity, entity_id, action, before, after) FROM stdin;
1	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	1	create	\N	{"id": 1, "name": "Maya Chen", "role": "pm", "email": "maya@example.com", "active": true, "version": 1}
2	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	2	create	\N	{"id": 2, "name": "Tom Okafor", "role": "pm", "email": "tom@example.com", "active": true, "version": 1}
3	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	3	create	\N	{"id": 3, "name": "Ana Ruiz", "role": "ds", "email": "ana@example.com", "active": true, "version": 1}
4	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	4	create	\N	{"id": 4, "name": "Lena Fischer", "role": "ds", "email": "lena@example.com", "active": true, "version": 1}
5	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	5	create	\N	{"id": 5, "name": "Omar Haddad", "role": "ds", "email": "omar@example.com", "active": true, "version": 1}
6	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	6	create	\N	{"id": 6, "name": "Priya Nair", "role": "mle", "email": "priya@example.com", "active": true, "version": 1}
7	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	7	create	\N	{"id": 7, "name": "Ben Carter", "role": "mle", "email": "ben@example.com", "active": true, "version": 1}
8	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	8	create	\N	{"id": 8, "name": "Kenji Sato", "role": "mle", "email": "kenji@example.com", "active": true, "version": 1}
9	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	9	create	\N	{"id": 9, "name": "Sofia Rossi", "role": "swe", "email": "sofia@example.com", "active": true, "version": 1}
10	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	10	create	\N	{"id": 10, "name": "Chris Doyle", "role": "swe", "email": "chris@example.com", "active": true, "version": 1}
11	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	11	create	\N	{"id": 11, "name": "Aisha Bello", "role": "swe", "email": "aisha@example.com", "active": true, "version": 1}
12	2026-12-01 21:36:36.29015+00	2026-04-23	seed	\N	person	12	create	\N	{"id": 12, "name": "Jonas Weber", "role": "swe", "email": "jonas@example.com", "active": true, "version": 1}
13	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	project	1	create	\N	{"id": 1, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Spam filter for messaging", "spec": {"baseline": "Keyword rules: recall 0.81", "decision": "Move a message to the spam folder or deliver it", "fallback": "Deliver everything and rely on the old keyword rules", "worse_error": "A real message in spam: users miss it and lose trust", "primary_metric": "Spam recall of at least 0.97 on the weekly labelled sample", "monitoring_trigger": "Recall below 0.95 or user spam reports up 20 % week on week", "secondary_constraint": "False positives below 0.1 % of delivered mail"}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-06-12", "kickoff_on": "2026-06-12", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-08-17"}
14	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
15	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	outcome_logging/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
16	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	outcome_logging/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
17	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	feature_model_choice/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
18	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	offline_evaluation/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
19	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	training_pipeline/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
20	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	training_pipeline/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
21	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	feature_pipeline/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
22	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	feature_pipeline/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
23	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
24	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	model_registry/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
25	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	api_contract/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
26	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	api_contract/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
27	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	fallback/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
28	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	ab_testing/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
29	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	latency_budget/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
30	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	latency_budget/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
31	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	monitoring_drift/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
32	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	on_call/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
33	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	on_call/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
34	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	retraining_trigger/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
35	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	retraining_trigger/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
36	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	rollback_decision/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
37	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	ownership	rollback_decision/swe	assign	{"person": null}	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}
38	2026-12-01 21:36:36.29015+00	2026-06-12	maya@example.com	1	checkpoint	1	status_done	{"id": 1, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-06-12", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-06-12"}	{"id": 1, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-06-12", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-06-12", "evidence_url": null, "original_due_on": "2026-06-12"}
39	2026-12-01 21:36:36.29015+00	2026-06-13	omar@example.com	1	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 10, "name": "Chris Doyle", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-06-13", "accepted_on": null, "artifact_url": null}
40	2026-12-01 21:36:36.29015+00	2026-06-14	omar@example.com	1	handoff	a	accept	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 10, "name": "Chris Doyle", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-06-13", "accepted_on": null, "artifact_url": null}	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 10, "name": "Chris Doyle", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-06-13", "accepted_on": "2026-06-14", "artifact_url": null}
41	2026-12-01 21:36:36.29015+00	2026-06-19	maya@example.com	1	project	1	stage_forward	{"stage": "framing"}	{"note": "labels from user reports look usable", "stage": "data"}
42	2026-12-01 21:36:36.29015+00	2026-06-26	omar@example.com	1	checkpoint	2	status_done	{"id": 2, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-06-26", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-06-26"}	{"id": 2, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-06-26", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 1, "completed_on": "2026-06-26", "evidence_url": null, "original_due_on": "2026-06-26"}
43	2026-12-01 21:36:36.29015+00	2026-06-26	maya@example.com	1	project	1	stage_forward	{"stage": "data"}	{"note": null, "stage": "baseline"}
44	2026-12-01 21:36:36.29015+00	2026-07-10	omar@example.com	1	checkpoint	3	status_done	{"id": 3, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-07-10", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-07-10"}	{"id": 3, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-07-10", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-07-10", "evidence_url": null, "original_due_on": "2026-07-10"}
45	2026-12-01 21:36:36.29015+00	2026-07-10	maya@example.com	1	project	1	stage_forward	{"stage": "baseline"}	{"note": null, "stage": "modelling"}
46	2026-12-01 21:36:36.29015+00	2026-07-16	omar@example.com	1	handoff	b	offer	{"to": null, "key": "b", "from": null, "name": "Notebook to training pipeline", "state": "not_offered", "version": 1, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 8, "name": "Kenji Sato", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-07-16", "accepted_on": null, "artifact_url": "https://git.example.com/ml/spam/notebooks/v3.ipynb"}
47	2026-12-01 21:36:36.29015+00	2026-07-17	kenji@example.com	1	handoff	b	accept	{"to": {"id": 8, "name": "Kenji Sato", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-07-16", "accepted_on": null, "artifact_url": "https://git.example.com/ml/spam/notebooks/v3.ipynb"}	{"to": {"id": 8, "name": "Kenji Sato", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "accepted", "version": 3, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-07-16", "accepted_on": "2026-07-17", "artifact_url": "https://git.example.com/ml/spam/notebooks/v3.ipynb"}
76	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	model_registry/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
77	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	api_contract/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
78	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	api_contract/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
79	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	fallback/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
48	2026-12-01 21:36:36.29015+00	2026-07-17	kenji@example.com	1	checkpoint	4	status_done	{"id": 4, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-07-17", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-07-17"}	{"id": 4, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-07-17", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-07-17", "evidence_url": null, "original_due_on": "2026-07-17"}
49	2026-12-01 21:36:36.29015+00	2026-07-24	omar@example.com	1	checkpoint	5	status_done	{"id": 5, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Improved model with error analysis by slice", "due_on": "2026-07-24", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-07-24"}	{"id": 5, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Improved model with error analysis by slice", "due_on": "2026-07-24", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-07-24", "evidence_url": null, "original_due_on": "2026-07-24"}
50	2026-12-01 21:36:36.29015+00	2026-07-24	maya@example.com	1	project	1	stage_forward	{"stage": "modelling"}	{"note": null, "stage": "evaluation"}
51	2026-12-01 21:36:36.29015+00	2026-07-29	kenji@example.com	1	handoff	c	offer	{"to": null, "key": "c", "from": null, "name": "Model to serving", "state": "not_offered", "version": 1, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 10, "name": "Chris Doyle", "active": true}, "key": "c", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Model to serving", "state": "offered", "version": 2, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-07-29", "accepted_on": null, "artifact_url": "https://git.example.com/ml/spam/api.yaml"}
52	2026-12-01 21:36:36.29015+00	2026-07-31	chris@example.com	1	handoff	c	accept	{"to": {"id": 10, "name": "Chris Doyle", "active": true}, "key": "c", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Model to serving", "state": "offered", "version": 2, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-07-29", "accepted_on": null, "artifact_url": "https://git.example.com/ml/spam/api.yaml"}	{"to": {"id": 10, "name": "Chris Doyle", "active": true}, "key": "c", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Model to serving", "state": "accepted", "version": 3, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-07-29", "accepted_on": "2026-07-31", "artifact_url": "https://git.example.com/ml/spam/api.yaml"}
53	2026-12-01 21:36:36.29015+00	2026-07-31	chris@example.com	1	checkpoint	6	status_done	{"id": 6, "note": null, "owner": null, "slips": [], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-07-31", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-07-31"}	{"id": 6, "note": null, "owner": null, "slips": [], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-07-31", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-07-31", "evidence_url": null, "original_due_on": "2026-07-31"}
54	2026-12-01 21:36:36.29015+00	2026-08-01	maya@example.com	1	project	1	stage_forward	{"stage": "evaluation"}	{"note": null, "stage": "production"}
55	2026-12-01 21:36:36.29015+00	2026-08-07	maya@example.com	1	checkpoint	7	status_done	{"id": 7, "note": null, "owner": null, "slips": [], "stage": "production", "title": "Production readiness review: rollback tested, monitoring trigger wired, on-call named", "due_on": "2026-08-07", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-08-07"}	{"id": 7, "note": null, "owner": null, "slips": [], "stage": "production", "title": "Production readiness review: rollback tested, monitoring trigger wired, on-call named", "due_on": "2026-08-07", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 1, "completed_on": "2026-08-07", "evidence_url": null, "original_due_on": "2026-08-07"}
56	2026-12-01 21:36:36.29015+00	2026-08-17	maya@example.com	1	handoff	d	offer	{"to": null, "key": "d", "from": null, "name": "Launch to operations", "state": "not_offered", "version": 1, "question": "Does whoever gets paged know the model?", "to_label": "on-call", "from_label": "everyone", "leads_into": "monitoring", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 6, "name": "Priya Nair", "active": true}, "key": "d", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Launch to operations", "state": "offered", "version": 2, "question": "Does whoever gets paged know the model?", "to_label": "on-call", "from_label": "everyone", "leads_into": "monitoring", "offered_on": "2026-08-17", "accepted_on": null, "artifact_url": "https://wiki.example.com/runbooks/spam-filter"}
57	2026-12-01 21:36:36.29015+00	2026-08-18	priya@example.com	1	handoff	d	accept	{"to": {"id": 6, "name": "Priya Nair", "active": true}, "key": "d", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Launch to operations", "state": "offered", "version": 2, "question": "Does whoever gets paged know the model?", "to_label": "on-call", "from_label": "everyone", "leads_into": "monitoring", "offered_on": "2026-08-17", "accepted_on": null, "artifact_url": "https://wiki.example.com/runbooks/spam-filter"}	{"to": {"id": 6, "name": "Priya Nair", "active": true}, "key": "d", "from": {"id": 8, "name": "Kenji Sato", "active": true}, "name": "Launch to operations", "state": "accepted", "version": 3, "question": "Does whoever gets paged know the model?", "to_label": "on-call", "from_label": "everyone", "leads_into": "monitoring", "offered_on": "2026-08-17", "accepted_on": "2026-08-18", "artifact_url": "https://wiki.example.com/runbooks/spam-filter"}
58	2026-12-01 21:36:36.29015+00	2026-08-17	maya@example.com	1	project	1	stage_forward	{"stage": "production"}	{"note": "launched to 100 %", "stage": "monitoring"}
80	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	ab_testing/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
59	2026-12-01 21:36:36.29015+00	2026-08-17	maya@example.com	1	project	1	update	{"id": 1, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Spam filter for messaging", "spec": {"baseline": "Keyword rules: recall 0.81", "decision": "Move a message to the spam folder or deliver it", "fallback": "Deliver everything and rely on the old keyword rules", "worse_error": "A real message in spam: users miss it and lose trust", "primary_metric": "Spam recall of at least 0.97 on the weekly labelled sample", "monitoring_trigger": "Recall below 0.95 or user spam reports up 20 % week on week", "secondary_constraint": "False positives below 0.1 % of delivered mail"}, "stage": "monitoring", "status": "active", "version": 7, "created_on": "2026-06-12", "kickoff_on": "2026-06-12", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-08-17"}	{"id": 1, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Spam filter for messaging", "plan": {"monitoring": {"end": "2027-08-16"}}, "spec": {"baseline": "Keyword rules: recall 0.81", "decision": "Move a message to the spam folder or deliver it", "fallback": "Deliver everything and rely on the old keyword rules", "worse_error": "A real message in spam: users miss it and lose trust", "primary_metric": "Spam recall of at least 0.97 on the weekly labelled sample", "monitoring_trigger": "Recall below 0.95 or user spam reports up 20 % week on week", "secondary_constraint": "False positives below 0.1 % of delivered mail"}, "stage": "monitoring", "status": "active", "version": 8, "created_on": "2026-06-12", "kickoff_on": "2026-06-12", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-08-17"}
60	2026-12-01 21:36:36.29015+00	2026-08-31	priya@example.com	1	checkpoint	8	status_done	{"id": 8, "note": null, "owner": null, "slips": [], "stage": "monitoring", "title": "Launch to operations handoff (handoff D accepted) and first monitoring review", "due_on": "2026-08-31", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 1, "completed_on": null, "evidence_url": null, "original_due_on": "2026-08-31"}	{"id": 8, "note": null, "owner": null, "slips": [], "stage": "monitoring", "title": "Launch to operations handoff (handoff D accepted) and first monitoring review", "due_on": "2026-08-31", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 1, "completed_on": "2026-08-31", "evidence_url": null, "original_due_on": "2026-08-31"}
61	2026-12-01 21:36:36.29015+00	2026-11-05	maya@example.com	1	ownership	on_call/swe	assign	{"person": {"id": 10, "name": "Chris Doyle", "active": true}}	{"person": {"id": 12, "name": "Jonas Weber", "active": true}}
62	2026-12-01 21:36:36.29015+00	2026-08-11	tom@example.com	2	project	2	create	\N	{"id": 2, "pm": {"id": 2, "name": "Tom Okafor", "active": true}, "name": "Dynamic pricing", "spec": {"baseline": null, "decision": "The price shown for each route and departure day", "fallback": null, "worse_error": null, "primary_metric": "Revenue per seat up 3 % in an A/B test", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-08-11", "kickoff_on": "2026-08-11", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-12-09"}
63	2026-12-01 21:36:36.29015+00	2026-08-21	tom@example.com	2	project	2	stage_forward	{"stage": "framing"}	{"note": null, "stage": "data"}
64	2026-12-01 21:36:36.29015+00	2026-09-30	tom@example.com	2	project	2	update	{"id": 2, "pm": {"id": 2, "name": "Tom Okafor", "active": true}, "name": "Dynamic pricing", "spec": {"baseline": null, "decision": "The price shown for each route and departure day", "fallback": null, "worse_error": null, "primary_metric": "Revenue per seat up 3 % in an A/B test", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "data", "status": "active", "version": 2, "created_on": "2026-08-11", "kickoff_on": "2026-08-11", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-12-09"}	{"id": 2, "pm": {"id": 2, "name": "Tom Okafor", "active": true}, "name": "Dynamic pricing", "spec": {"baseline": null, "decision": "The price shown for each route and departure day", "fallback": null, "worse_error": null, "primary_metric": "Revenue per seat up 3 % in an A/B test", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "data", "status": "paused", "version": 3, "created_on": "2026-08-11", "kickoff_on": "2026-08-11", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-12-09"}
65	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	project	3	create	\N	{"id": 3, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Long-tail product recommendations", "spec": {"baseline": "Manual top-200 list curated by merchandising", "decision": "Which long-tail products to show in the \\"you may also like\\" row", "fallback": "Show the manual top-200 list", "worse_error": "An irrelevant item: it costs the slot a best seller would fill", "primary_metric": "Offline precision@10 of 0.88, against 0.71 for the manual top-200", "monitoring_trigger": "Click-through 10 % below the top-200 control for 3 days", "secondary_constraint": "p99 latency under 40 ms"}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-08-31", "kickoff_on": "2026-08-31", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-11-16"}
66	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
67	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	outcome_logging/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
68	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	outcome_logging/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
69	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	feature_model_choice/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
70	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	offline_evaluation/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
71	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	training_pipeline/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
72	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	training_pipeline/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
73	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	feature_pipeline/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
74	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	feature_pipeline/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
75	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
81	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	latency_budget/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
82	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	on_call/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
83	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	on_call/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
84	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	retraining_trigger/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
85	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	ownership	retraining_trigger/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
86	2026-12-01 21:36:36.29015+00	2026-08-31	maya@example.com	3	checkpoint	17	status_done	{"id": 17, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-08-31", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-08-31"}	{"id": 17, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-08-31", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 3, "completed_on": "2026-08-31", "evidence_url": null, "original_due_on": "2026-08-31"}
87	2026-12-01 21:36:36.29015+00	2026-09-07	maya@example.com	3	project	3	stage_forward	{"stage": "framing"}	{"note": null, "stage": "data"}
88	2026-12-01 21:36:36.29015+00	2026-09-07	ana@example.com	3	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-07", "accepted_on": null, "artifact_url": null}
89	2026-12-01 21:36:36.29015+00	2026-09-08	ana@example.com	3	handoff	a	accept	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-07", "accepted_on": null, "artifact_url": null}	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-07", "accepted_on": "2026-09-08", "artifact_url": null}
90	2026-12-01 21:36:36.29015+00	2026-09-14	ana@example.com	3	checkpoint	18	status_done	{"id": 18, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-09-14", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-09-14"}	{"id": 18, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-09-14", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 3, "completed_on": "2026-09-14", "evidence_url": null, "original_due_on": "2026-09-14"}
91	2026-12-01 21:36:36.29015+00	2026-09-14	maya@example.com	3	project	3	stage_forward	{"stage": "data"}	{"note": null, "stage": "baseline"}
92	2026-12-01 21:36:36.29015+00	2026-09-28	ana@example.com	3	checkpoint	19	status_done	{"id": 19, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-09-28", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-09-28"}	{"id": 19, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-09-28", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 3, "completed_on": "2026-09-28", "evidence_url": null, "original_due_on": "2026-09-28"}
93	2026-12-01 21:36:36.29015+00	2026-09-28	maya@example.com	3	project	3	stage_forward	{"stage": "baseline"}	{"note": null, "stage": "modelling"}
94	2026-12-01 21:36:36.29015+00	2026-10-04	ana@example.com	3	handoff	b	offer	{"to": null, "key": "b", "from": null, "name": "Notebook to training pipeline", "state": "not_offered", "version": 1, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 3, "name": "Ana Ruiz", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-04", "accepted_on": null, "artifact_url": "https://git.example.com/ml/recs/notebooks/longtail.ipynb"}
95	2026-12-01 21:36:36.29015+00	2026-10-05	ben@example.com	3	handoff	b	accept	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 3, "name": "Ana Ruiz", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-04", "accepted_on": null, "artifact_url": "https://git.example.com/ml/recs/notebooks/longtail.ipynb"}	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 3, "name": "Ana Ruiz", "active": true}, "name": "Notebook to training pipeline", "state": "accepted", "version": 3, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-04", "accepted_on": "2026-10-05", "artifact_url": "https://git.example.com/ml/recs/notebooks/longtail.ipynb"}
221	2026-12-01 21:36:40.864093+00	2026-11-09	up-viewer@example.com	\N	token	4	create	\N	{"id": 4, "name": "dashboard", "prefix": "hf_JJx-dMf", "created_at": "2026-12-01T21:36:40Z", "revoked_at": null, "last_used_at": null}
96	2026-12-01 21:36:36.29015+00	2026-10-05	ben@example.com	3	checkpoint	20	status_done	{"id": 20, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-10-05", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-05"}	{"id": 20, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-10-05", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 3, "completed_on": "2026-10-05", "evidence_url": null, "original_due_on": "2026-10-05"}
97	2026-12-01 21:36:36.29015+00	2026-10-16	ana@example.com	3	checkpoint	21	status_done	{"id": 21, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Improved model with error analysis by slice", "due_on": "2026-10-12", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-12"}	{"id": 21, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Improved model with error analysis by slice", "due_on": "2026-10-12", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 3, "completed_on": "2026-10-16", "evidence_url": null, "original_due_on": "2026-10-12"}
98	2026-12-01 21:36:36.29015+00	2026-10-19	maya@example.com	3	project	3	stage_forward	{"stage": "modelling"}	{"note": null, "stage": "evaluation"}
99	2026-12-01 21:36:36.29015+00	2026-10-23	ben@example.com	3	handoff	c	offer	{"to": null, "key": "c", "from": null, "name": "Model to serving", "state": "not_offered", "version": 1, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 11, "name": "Aisha Bello", "active": true}, "key": "c", "from": {"id": 7, "name": "Ben Carter", "active": true}, "name": "Model to serving", "state": "offered", "version": 2, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-10-23", "accepted_on": null, "artifact_url": "https://git.example.com/ml/recs/api.yaml"}
100	2026-12-01 21:36:36.29015+00	2026-10-25	aisha@example.com	3	handoff	c	accept	{"to": {"id": 11, "name": "Aisha Bello", "active": true}, "key": "c", "from": {"id": 7, "name": "Ben Carter", "active": true}, "name": "Model to serving", "state": "offered", "version": 2, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-10-23", "accepted_on": null, "artifact_url": "https://git.example.com/ml/recs/api.yaml"}	{"to": {"id": 11, "name": "Aisha Bello", "active": true}, "key": "c", "from": {"id": 7, "name": "Ben Carter", "active": true}, "name": "Model to serving", "state": "accepted", "version": 3, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-10-23", "accepted_on": "2026-10-25", "artifact_url": "https://git.example.com/ml/recs/api.yaml"}
101	2026-12-01 21:36:36.29015+00	2026-10-25	aisha@example.com	3	checkpoint	22	status_done	{"id": 22, "note": null, "owner": null, "slips": [], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-10-19", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-19"}	{"id": 22, "note": null, "owner": null, "slips": [], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-10-19", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 3, "completed_on": "2026-10-25", "evidence_url": null, "original_due_on": "2026-10-19"}
102	2026-12-01 21:36:36.29015+00	2026-10-26	maya@example.com	3	checkpoint	23	status_done	{"id": 23, "note": null, "owner": null, "slips": [], "stage": "production", "title": "Production readiness review: rollback tested, monitoring trigger wired, on-call named", "due_on": "2026-10-26", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 3, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}	{"id": 23, "note": null, "owner": null, "slips": [], "stage": "production", "title": "Production readiness review: rollback tested, monitoring trigger wired, on-call named", "due_on": "2026-10-26", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 3, "completed_on": "2026-10-26", "evidence_url": null, "original_due_on": "2026-10-26"}
103	2026-12-01 21:36:36.29015+00	2026-11-01	maya@example.com	3	project	3	update	{"id": 3, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Long-tail product recommendations", "spec": {"baseline": "Manual top-200 list curated by merchandising", "decision": "Which long-tail products to show in the \\"you may also like\\" row", "fallback": "Show the manual top-200 list", "worse_error": "An irrelevant item: it costs the slot a best seller would fill", "primary_metric": "Offline precision@10 of 0.88, against 0.71 for the manual top-200", "monitoring_trigger": "Click-through 10 % below the top-200 control for 3 days", "secondary_constraint": "p99 latency under 40 ms"}, "stage": "evaluation", "status": "active", "version": 5, "created_on": "2026-08-31", "kickoff_on": "2026-08-31", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-11-16"}	{"id": 3, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Long-tail product recommendations", "plan": {"production": {"end": "2026-11-16"}}, "spec": {"baseline": "Manual top-200 list curated by merchandising", "decision": "Which long-tail products to show in the \\"you may also like\\" row", "fallback": "Show the manual top-200 list", "worse_error": "An irrelevant item: it costs the slot a best seller would fill", "primary_metric": "Offline precision@10 of 0.88, against 0.71 for the manual top-200", "monitoring_trigger": "Click-through 10 % below the top-200 control for 3 days", "secondary_constraint": "p99 latency under 40 ms"}, "stage": "evaluation", "status": "active", "version": 6, "created_on": "2026-08-31", "kickoff_on": "2026-08-31", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-11-16"}
104	2026-12-01 21:36:36.29015+00	2026-11-02	maya@example.com	3	project	3	stage_forward	{"stage": "evaluation"}	{"note": "readiness review passed", "stage": "production"}
105	2026-12-01 21:36:36.29015+00	2026-11-09	maya@example.com	3	ownership	latency_budget/swe	assign	{"person": null}	{"person": {"id": 12, "name": "Jonas Weber", "active": true}}
222	2026-12-01 21:36:40.868219+00	2026-11-09	up-viewer@example.com	\N	token	5	create	\N	{"id": 5, "name": "old laptop", "prefix": "hf_bx-IvXC", "created_at": "2026-12-01T21:36:40Z", "revoked_at": null, "last_used_at": null}
106	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	project	4	create	\N	{"id": 4, "pm": {"id": 2, "name": "Tom Okafor", "active": true}, "name": "Card fraud flags", "spec": {"baseline": "Rule engine: recall 0.62 at precision 0.95", "decision": "Hold a card payment for manual review, or let it through", "fallback": "Manual review queue with the current rules", "worse_error": "A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95", "primary_metric": "Recall of at least 0.90 at precision of at least 0.95", "monitoring_trigger": "Weekly recall on confirmed chargebacks below 0.85", "secondary_constraint": "Decision within 150 ms at checkout"}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-09-18", "kickoff_on": "2026-09-18", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-11-27"}
107	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
108	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	outcome_logging/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
109	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	outcome_logging/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
110	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	feature_model_choice/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
111	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	offline_evaluation/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
112	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	training_pipeline/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
113	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	training_pipeline/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
114	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	feature_pipeline/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
115	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	feature_pipeline/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
116	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
117	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	model_registry/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
118	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	api_contract/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
119	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	api_contract/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
120	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	fallback/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
121	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	ab_testing/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
122	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	latency_budget/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
123	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	latency_budget/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
124	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	monitoring_drift/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
125	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	on_call/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
126	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	on_call/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
127	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	retraining_trigger/ds	assign	{"person": null}	{"person": {"id": 5, "name": "Omar Haddad", "active": true}}
128	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	retraining_trigger/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
129	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	rollback_decision/mle	assign	{"person": null}	{"person": {"id": 7, "name": "Ben Carter", "active": true}}
130	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	ownership	rollback_decision/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
131	2026-12-01 21:36:36.29015+00	2026-09-18	tom@example.com	4	checkpoint	25	status_done	{"id": 25, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-09-18", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-09-18"}	{"id": 25, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-09-18", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 4, "completed_on": "2026-09-18", "evidence_url": null, "original_due_on": "2026-09-18"}
132	2026-12-01 21:36:36.29015+00	2026-09-19	omar@example.com	4	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-19", "accepted_on": null, "artifact_url": null}
223	2026-12-01 21:36:40.871495+00	2026-11-09	up-viewer@example.com	\N	token	5	revoke	\N	{"id": 5, "name": "old laptop", "prefix": "hf_bx-IvXC", "created_at": "2026-12-01T21:36:40Z", "revoked_at": "2026-12-01T21:36:40Z", "last_used_at": null}
133	2026-12-01 21:36:36.29015+00	2026-09-20	omar@example.com	4	handoff	a	accept	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-19", "accepted_on": null, "artifact_url": null}	{"to": {"id": 5, "name": "Omar Haddad", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-09-19", "accepted_on": "2026-09-20", "artifact_url": null}
134	2026-12-01 21:36:36.29015+00	2026-09-20	tom@example.com	4	project	4	stage_forward	{"stage": "framing"}	{"note": null, "stage": "data"}
135	2026-12-01 21:36:36.29015+00	2026-10-02	omar@example.com	4	checkpoint	26	status_done	{"id": 26, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-10-02", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-02"}	{"id": 26, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-10-02", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 4, "completed_on": "2026-10-02", "evidence_url": null, "original_due_on": "2026-10-02"}
136	2026-12-01 21:36:36.29015+00	2026-10-04	tom@example.com	4	project	4	stage_forward	{"stage": "data"}	{"note": null, "stage": "baseline"}
137	2026-12-01 21:36:36.29015+00	2026-10-16	omar@example.com	4	checkpoint	27	status_done	{"id": 27, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-10-16", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-16"}	{"id": 27, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-10-16", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 4, "completed_on": "2026-10-16", "evidence_url": null, "original_due_on": "2026-10-16"}
138	2026-12-01 21:36:36.29015+00	2026-10-18	tom@example.com	4	project	4	stage_forward	{"stage": "baseline"}	{"note": null, "stage": "modelling"}
139	2026-12-01 21:36:36.29015+00	2026-10-20	omar@example.com	4	handoff	b	offer	{"to": null, "key": "b", "from": null, "name": "Notebook to training pipeline", "state": "not_offered", "version": 1, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-20", "accepted_on": null, "artifact_url": "https://git.example.com/ml/fraud/notebooks/gbm.ipynb"}
140	2026-12-01 21:36:36.29015+00	2026-10-22	ben@example.com	4	handoff	b	accept	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-20", "accepted_on": null, "artifact_url": "https://git.example.com/ml/fraud/notebooks/gbm.ipynb"}	{"to": {"id": 7, "name": "Ben Carter", "active": true}, "key": "b", "from": {"id": 5, "name": "Omar Haddad", "active": true}, "name": "Notebook to training pipeline", "state": "accepted", "version": 3, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-10-20", "accepted_on": "2026-10-22", "artifact_url": "https://git.example.com/ml/fraud/notebooks/gbm.ipynb"}
141	2026-12-01 21:36:36.29015+00	2026-10-23	ben@example.com	4	checkpoint	28	status_done	{"id": 28, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-10-23", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-23"}	{"id": 28, "note": null, "owner": null, "slips": [], "stage": "modelling", "title": "Training pipeline reproduces the notebook (handoff B accepted)", "due_on": "2026-10-23", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 4, "completed_on": "2026-10-23", "evidence_url": null, "original_due_on": "2026-10-23"}
142	2026-12-01 21:36:36.29015+00	2026-10-31	ben@example.com	4	handoff	c	offer	{"to": null, "key": "c", "from": null, "name": "Model to serving", "state": "not_offered", "version": 1, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 9, "name": "Sofia Rossi", "active": true}, "key": "c", "from": {"id": 7, "name": "Ben Carter", "active": true}, "name": "Model to serving", "state": "offered", "version": 2, "question": "Are the API contract and the fallback agreed?", "to_label": "SWE", "from_label": "MLE", "leads_into": "production", "offered_on": "2026-10-31", "accepted_on": null, "artifact_url": "https://git.example.com/ml/fraud/api.yaml"}
143	2026-12-01 21:36:36.29015+00	2026-11-01	tom@example.com	4	project	4	stage_forward	{"stage": "modelling"}	{"note": "held-out test ahead of the error analysis", "stage": "evaluation"}
171	2026-12-01 21:36:36.29015+00	2026-10-27	lena@example.com	5	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 4, "name": "Lena Fischer", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-27", "accepted_on": null, "artifact_url": null}
144	2026-12-01 21:36:36.29015+00	2026-11-04	tom@example.com	4	checkpoint	30	slip	{"id": 30, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:36Z", "on": "2026-11-04", "actor": "tom@example.com", "reason": "The serving team is still reviewing the API contract", "to_due_on": "2026-11-18", "from_due_on": "2026-11-06"}], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-11-06", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-06"}	{"id": 30, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:36Z", "on": "2026-11-04", "actor": "tom@example.com", "reason": "The serving team is still reviewing the API contract", "to_due_on": "2026-11-18", "from_due_on": "2026-11-06"}], "stage": "evaluation", "title": "API contract and fallback agreed (handoff C accepted)", "due_on": "2026-11-18", "reason": "The serving team is still reviewing the API contract", "status": "pending", "outcome": null, "version": 2, "decision": false, "project_id": 4, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-06"}
145	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	project	5	create	\N	{"id": 5, "pm": {"id": 2, "name": "Tom Okafor", "active": true}, "name": "Instant-loan credit risk", "spec": {"baseline": "Scorecard v2: 3.1 % defaults at 60 % approval", "decision": "Approve an instant loan, or send it to an underwriter", "fallback": null, "worse_error": "Approving a borrower who defaults costs the principal", "primary_metric": "Default rate of approved loans below 2 % at 60 % approval", "monitoring_trigger": null, "secondary_constraint": "Adverse-action reasons for every decline"}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-10-20", "kickoff_on": "2026-10-20", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2027-01-08"}
146	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
147	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	outcome_logging/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
148	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	outcome_logging/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
149	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	feature_model_choice/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
150	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	offline_evaluation/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
151	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	training_pipeline/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
152	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	training_pipeline/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
153	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	feature_pipeline/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
154	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	feature_pipeline/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
155	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
156	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	model_registry/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
157	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	api_contract/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
158	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	api_contract/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
159	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	fallback/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
160	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	ab_testing/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
161	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	latency_budget/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
162	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	latency_budget/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
163	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	monitoring_drift/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
164	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	on_call/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
165	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	on_call/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
166	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	retraining_trigger/ds	assign	{"person": null}	{"person": {"id": 4, "name": "Lena Fischer", "active": true}}
167	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	retraining_trigger/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
168	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	rollback_decision/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
169	2026-12-01 21:36:36.29015+00	2026-10-20	tom@example.com	5	ownership	rollback_decision/swe	assign	{"person": null}	{"person": {"id": 11, "name": "Aisha Bello", "active": true}}
170	2026-12-01 21:36:36.29015+00	2026-10-21	lena@example.com	5	checkpoint	33	status_done	{"id": 33, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-20", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 5, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-20"}	{"id": 33, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-20", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 5, "completed_on": "2026-10-21", "evidence_url": null, "original_due_on": "2026-10-20"}
172	2026-12-01 21:36:36.29015+00	2026-10-28	lena@example.com	5	handoff	a	accept	{"to": {"id": 4, "name": "Lena Fischer", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-27", "accepted_on": null, "artifact_url": null}	{"to": {"id": 4, "name": "Lena Fischer", "active": true}, "key": "a", "from": {"id": 11, "name": "Aisha Bello", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-27", "accepted_on": "2026-10-28", "artifact_url": null}
173	2026-12-01 21:36:36.29015+00	2026-10-27	tom@example.com	5	project	5	stage_forward	{"stage": "framing"}	{"note": "the fallback can wait until we know the data", "stage": "data"}
174	2026-12-01 21:36:36.29015+00	2026-11-09	tom@example.com	\N	person	4	deactivate	{"id": 4, "name": "Lena Fischer", "role": "ds", "email": "lena@example.com", "active": true, "version": 1}	{"id": 4, "name": "Lena Fischer", "role": "ds", "email": "lena@example.com", "active": false, "version": 2}
175	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	project	6	create	\N	{"id": 6, "pm": {"id": 1, "name": "Maya Chen", "active": true}, "name": "Churn prediction", "spec": {"baseline": "Failed-payment rule: recall 0.41", "decision": "Which subscribers get a retention offer this month", "fallback": "Last quarter's rule: offers to anyone with two failed payments", "worse_error": "A missed churner costs more than an unneeded discount", "primary_metric": "Recall of 0.70 on next-month churners in the top decile", "monitoring_trigger": "Top-decile recall below 0.6 for two monthly cohorts", "secondary_constraint": "At most 15 % of subscribers receive an offer"}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-10-10", "kickoff_on": "2026-10-10", "updated_at": "2026-12-01T21:36:36Z", "target_launch_on": "2026-12-14"}
176	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
177	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	outcome_logging/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
178	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	outcome_logging/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
179	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	feature_model_choice/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
180	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	offline_evaluation/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
181	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	training_pipeline/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
182	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	training_pipeline/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
183	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	feature_pipeline/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
184	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
185	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	model_registry/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
186	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	api_contract/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
187	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	api_contract/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
188	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	fallback/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
189	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	ab_testing/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
190	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	latency_budget/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
191	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	latency_budget/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
192	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	monitoring_drift/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
193	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	on_call/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
194	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	retraining_trigger/ds	assign	{"person": null}	{"person": {"id": 3, "name": "Ana Ruiz", "active": true}}
195	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	retraining_trigger/mle	assign	{"person": null}	{"person": {"id": 8, "name": "Kenji Sato", "active": true}}
196	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	rollback_decision/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
197	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	ownership	rollback_decision/swe	assign	{"person": null}	{"person": {"id": 9, "name": "Sofia Rossi", "active": true}}
198	2026-12-01 21:36:36.29015+00	2026-10-10	maya@example.com	6	checkpoint	41	status_done	{"id": 41, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-10", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 6, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-10"}	{"id": 41, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-10", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 6, "completed_on": "2026-10-10", "evidence_url": null, "original_due_on": "2026-10-10"}
199	2026-12-01 21:36:36.29015+00	2026-10-11	ana@example.com	6	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-11", "accepted_on": null, "artifact_url": null}
200	2026-12-01 21:36:36.29015+00	2026-10-12	ana@example.com	6	handoff	a	accept	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-11", "accepted_on": null, "artifact_url": null}	{"to": {"id": 3, "name": "Ana Ruiz", "active": true}, "key": "a", "from": {"id": 9, "name": "Sofia Rossi", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-10-11", "accepted_on": "2026-10-12", "artifact_url": null}
201	2026-12-01 21:36:36.29015+00	2026-10-12	maya@example.com	6	project	6	stage_forward	{"stage": "framing"}	{"note": null, "stage": "data"}
202	2026-12-01 21:36:36.29015+00	2026-10-24	ana@example.com	6	checkpoint	42	status_done	{"id": 42, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-10-24", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 6, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-24"}	{"id": 42, "note": null, "owner": null, "slips": [], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-10-24", "status": "done", "outcome": "go", "version": 2, "decision": true, "project_id": 6, "completed_on": "2026-10-24", "evidence_url": null, "original_due_on": "2026-10-24"}
203	2026-12-01 21:36:36.29015+00	2026-10-24	maya@example.com	6	project	6	stage_forward	{"stage": "data"}	{"note": null, "stage": "baseline"}
204	2026-12-01 21:36:36.29015+00	2026-11-07	ana@example.com	6	checkpoint	43	status_done	{"id": 43, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-11-07", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 6, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-07"}	{"id": 43, "note": null, "owner": null, "slips": [], "stage": "baseline", "title": "Baseline results against the primary metric", "due_on": "2026-11-07", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 6, "completed_on": "2026-11-07", "evidence_url": null, "original_due_on": "2026-11-07"}
205	2026-12-01 21:36:36.29015+00	2026-11-07	maya@example.com	6	project	6	stage_forward	{"stage": "baseline"}	{"note": null, "stage": "modelling"}
206	2026-12-01 21:36:36.29015+00	2026-11-08	ana@example.com	6	handoff	b	offer	{"to": null, "key": "b", "from": null, "name": "Notebook to training pipeline", "state": "not_offered", "version": 1, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 6, "name": "Priya Nair", "active": true}, "key": "b", "from": {"id": 3, "name": "Ana Ruiz", "active": true}, "name": "Notebook to training pipeline", "state": "offered", "version": 2, "question": "Does the training pipeline reproduce the notebook?", "to_label": "MLE", "from_label": "DS", "leads_into": "evaluation", "offered_on": "2026-11-08", "accepted_on": null, "artifact_url": "https://git.example.com/ml/churn/notebooks/baseline.ipynb"}
207	2026-12-01 21:36:36.29015+00	2026-11-09	maya@example.com	6	ownership	feature_pipeline/mle	assign	{"person": null}	{"person": {"id": 6, "name": "Priya Nair", "active": true}}
208	2026-12-01 21:36:37.322769+00	2026-11-09	handoffctl	\N	user	1	create	\N	{"id": 1, "name": "Ada Admin", "role": "admin", "email": "admin@example.com", "active": true, "version": 1}
209	2026-12-01 21:36:37.59693+00	2026-11-09	handoffctl	\N	user	2	create	\N	{"id": 2, "name": "Maya Chen", "role": "pm", "email": "maya@example.com", "active": true, "version": 1}
210	2026-12-01 21:36:37.865352+00	2026-11-09	handoffctl	\N	user	3	create	\N	{"id": 3, "name": "Ana Ruiz", "role": "member", "email": "ana@example.com", "active": true, "version": 1}
211	2026-12-01 21:36:38.121521+00	2026-11-09	handoffctl	\N	user	4	create	\N	{"id": 4, "name": "Victor Viewer", "role": "viewer", "email": "victor@example.com", "active": true, "version": 1}
212	2026-12-01 21:36:38.888666+00	2026-11-09	admin@example.com	\N	token	1	create	\N	{"id": 1, "name": "fixture admin", "prefix": "hf_JTiwNGQ", "created_at": "2026-12-01T21:36:38Z", "revoked_at": null, "last_used_at": null}
213	2026-12-01 21:36:39.097218+00	2026-11-09	admin@example.com	\N	user	5	create	\N	{"id": 5, "name": "up-admin", "role": "admin", "email": "up-admin@example.com", "active": true, "version": 1}
214	2026-12-01 21:36:39.309747+00	2026-11-09	admin@example.com	\N	user	6	create	\N	{"id": 6, "name": "up-pm", "role": "pm", "email": "up-pm@example.com", "active": true, "version": 1}
215	2026-12-01 21:36:39.501857+00	2026-11-09	admin@example.com	\N	user	7	create	\N	{"id": 7, "name": "up-member", "role": "member", "email": "up-member@example.com", "active": true, "version": 1}
216	2026-12-01 21:36:39.696446+00	2026-11-09	admin@example.com	\N	user	8	create	\N	{"id": 8, "name": "up-viewer", "role": "viewer", "email": "up-viewer@example.com", "active": true, "version": 1}
217	2026-12-01 21:36:39.888539+00	2026-11-09	admin@example.com	\N	user	9	create	\N	{"id": 9, "name": "up-promoted", "role": "viewer", "email": "up-promoted@example.com", "active": true, "version": 1}
218	2026-12-01 21:36:40.079446+00	2026-11-09	admin@example.com	\N	user	10	create	\N	{"id": 10, "name": "up-leaver", "role": "member", "email": "up-leaver@example.com", "active": true, "version": 1}
219	2026-12-01 21:36:40.852288+00	2026-11-09	up-pm@example.com	\N	token	2	create	\N	{"id": 2, "name": "pm automation", "prefix": "hf_NJZ3QQ9", "created_at": "2026-12-01T21:36:40Z", "revoked_at": null, "last_used_at": null}
220	2026-12-01 21:36:40.857095+00	2026-11-09	up-member@example.com	\N	token	3	create	\N	{"id": 3, "name": "member bot", "prefix": "hf_bxDddx9", "created_at": "2026-12-01T21:36:40Z", "revoked_at": null, "last_used_at": null}
224	2026-12-01 21:36:40.875501+00	2026-11-09	up-pm@example.com	\N	person	13	create	\N	{"id": 13, "name": "Upgrade PM", "role": "pm", "email": "person-pm@example.com", "active": true, "version": 1}
226	2026-12-01 21:36:40.895111+00	2026-11-09	up-pm@example.com	\N	person	15	create	\N	{"id": 15, "name": "Upgrade MLE", "role": "mle", "email": "person-mle@example.com", "active": true, "version": 1}
227	2026-12-01 21:36:40.900926+00	2026-11-09	up-pm@example.com	\N	person	16	create	\N	{"id": 16, "name": "Upgrade SWE", "role": "swe", "email": "person-swe@example.com", "active": true, "version": 1}
229	2026-12-01 21:36:40.910622+00	2026-11-09	up-pm@example.com	\N	person	14	update	{"id": 14, "name": "Upgrade DS", "role": "ds", "email": "person-ds@example.com", "active": true, "version": 1}	{"id": 14, "name": "Upgrade DS (renamed)", "role": "ds", "email": "person-ds@example.com", "active": true, "version": 2}
231	2026-12-01 21:36:40.972905+00	2026-11-09	up-pm@example.com	8	project	8	create	\N	{"id": 8, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 2", "spec": {"baseline": null, "decision": "Which tickets are routed to tier 2", "fallback": "Round robin", "worse_error": null, "primary_metric": "Routing accuracy above 85 %", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-10-26", "updated_at": "2026-12-01T21:36:40Z", "target_launch_on": "2027-02-01"}
233	2026-12-01 21:36:41.044358+00	2026-11-09	up-pm@example.com	7	project	7	update	{"id": 7, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 1", "spec": {"baseline": null, "decision": "Which invoices go to manual review", "fallback": null, "worse_error": null, "primary_metric": "Precision of 0.9 at 20 % recall", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-10-12", "updated_at": "2026-12-01T21:36:40Z", "target_launch_on": "2027-02-01"}	{"id": 7, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 1", "plan": {"data": {"end": "2026-11-15"}}, "spec": {"baseline": "Rules v3", "decision": "Which invoices go to manual review", "fallback": null, "worse_error": "A missed fraud case", "primary_metric": "Precision of 0.9 at 20 % recall", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 2, "created_on": "2026-11-09", "kickoff_on": "2026-10-12", "updated_at": "2026-12-01T21:36:41Z", "target_launch_on": "2027-02-01"}
235	2026-12-01 21:36:41.073005+00	2026-11-09	up-member@example.com	7	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}}
237	2026-12-01 21:36:41.085317+00	2026-11-09	up-member@example.com	8	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}}
239	2026-12-01 21:36:41.092478+00	2026-11-09	up-member@example.com	9	ownership	problem_framing/ds	assign	{"person": null}	{"person": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}}
241	2026-12-01 21:36:41.103747+00	2026-11-09	up-member@example.com	7	checkpoint	49	status_done	{"id": 49, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-12", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-12"}	{"id": 49, "note": "signed off", "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-12", "status": "done", "outcome": null, "version": 2, "decision": false, "project_id": 7, "completed_on": "2026-10-16", "evidence_url": "https://wiki.example.com/p1/framing", "original_due_on": "2026-10-12"}
243	2026-12-01 21:36:41.116193+00	2026-11-09	up-member@example.com	7	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-09", "accepted_on": null, "artifact_url": "https://wiki.example.com/p1/label-logging"}
225	2026-12-01 21:36:40.882799+00	2026-11-09	up-pm@example.com	\N	person	14	create	\N	{"id": 14, "name": "Upgrade DS", "role": "ds", "email": "person-ds@example.com", "active": true, "version": 1}
228	2026-12-01 21:36:40.906008+00	2026-11-09	up-pm@example.com	\N	person	17	create	\N	{"id": 17, "name": "Upgrade DS2", "role": "ds", "email": "person-ds2@example.com", "active": true, "version": 1}
230	2026-12-01 21:36:40.91681+00	2026-11-09	up-pm@example.com	7	project	7	create	\N	{"id": 7, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 1", "spec": {"baseline": null, "decision": "Which invoices go to manual review", "fallback": null, "worse_error": null, "primary_metric": "Precision of 0.9 at 20 % recall", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-10-12", "updated_at": "2026-12-01T21:36:40Z", "target_launch_on": "2027-02-01"}
232	2026-12-01 21:36:41.007744+00	2026-11-09	up-pm@example.com	9	project	9	create	\N	{"id": 9, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 3", "spec": {"baseline": null, "decision": "Which stores are restocked first", "fallback": null, "worse_error": null, "primary_metric": "MAPE under 12 % on weekly demand", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-11-02", "updated_at": "2026-12-01T21:36:41Z", "target_launch_on": "2027-02-01"}
234	2026-12-01 21:36:41.060609+00	2026-11-09	up-pm@example.com	8	project	8	update	{"id": 8, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 2", "spec": {"baseline": null, "decision": "Which tickets are routed to tier 2", "fallback": "Round robin", "worse_error": null, "primary_metric": "Routing accuracy above 85 %", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-10-26", "updated_at": "2026-12-01T21:36:40Z", "target_launch_on": "2027-02-01"}	{"id": 8, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 2 (ticket routing)", "spec": {"baseline": null, "decision": "Which tickets are routed to tier 2", "fallback": "Round robin", "worse_error": null, "primary_metric": "Routing accuracy above 85 %", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 2, "created_on": "2026-11-09", "kickoff_on": "2026-10-26", "updated_at": "2026-12-01T21:36:41Z", "target_launch_on": "2027-02-15"}
236	2026-12-01 21:36:41.078417+00	2026-11-09	up-member@example.com	7	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 15, "name": "Upgrade MLE", "active": true}}
238	2026-12-01 21:36:41.089091+00	2026-11-09	up-member@example.com	8	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 15, "name": "Upgrade MLE", "active": true}}
240	2026-12-01 21:36:41.096239+00	2026-11-09	up-member@example.com	9	ownership	model_serving/mle	assign	{"person": null}	{"person": {"id": 15, "name": "Upgrade MLE", "active": true}}
242	2026-12-01 21:36:41.110203+00	2026-11-09	up-member@example.com	7	checkpoint	50	slip	{"id": 50, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-10-26", "status": "pending", "outcome": null, "version": 1, "decision": true, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}	{"id": 50, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-11-20", "reason": "label export is late", "status": "pending", "outcome": null, "version": 2, "decision": true, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}
244	2026-12-01 21:36:41.703832+00	2026-11-18	up-pm@example.com	7	project	7	stage_forward	{"stage": "framing"}	{"note": "labels look usable", "stage": "data"}
245	2026-12-01 21:36:41.795878+00	2026-11-18	up-pm@example.com	8	project	8	stage_forward	{"stage": "framing"}	{"note": "framing done", "stage": "data"}
246	2026-12-01 21:36:41.83063+00	2026-11-18	up-member@example.com	7	checkpoint	50	slip	{"id": 50, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}, {"at": "2026-12-01T21:36:41Z", "on": "2026-11-18", "actor": "up-member@example.com", "reason": "second export failed", "to_due_on": "2026-11-27", "from_due_on": "2026-11-20"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-11-20", "status": "pending", "outcome": null, "version": 2, "decision": true, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}	{"id": 50, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}, {"at": "2026-12-01T21:36:41Z", "on": "2026-11-18", "actor": "up-member@example.com", "reason": "second export failed", "to_due_on": "2026-11-27", "from_due_on": "2026-11-20"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-11-27", "reason": "second export failed", "status": "pending", "outcome": null, "version": 3, "decision": true, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}
247	2026-12-01 21:36:41.840781+00	2026-11-18	up-member@example.com	8	checkpoint	57	status_blocked	{"id": 57, "note": null, "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-26", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 8, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}	{"id": 57, "note": "waiting for legal", "owner": null, "slips": [], "stage": "framing", "title": "Framing signed off: every spec field filled", "due_on": "2026-10-26", "status": "blocked", "outcome": null, "version": 2, "decision": false, "project_id": 8, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}
248	2026-12-01 21:36:41.845743+00	2026-11-18	up-pm@example.com	9	checkpoint	73	create	\N	{"id": 73, "note": null, "owner": {"id": 16, "name": "Upgrade SWE", "active": true}, "slips": [], "stage": "data", "title": "Store data access granted", "due_on": "2026-11-30", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 9, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-30"}
249	2026-12-01 21:36:41.851419+00	2026-11-18	up-pm@example.com	9	checkpoint	72	delete	{"id": 72, "note": null, "owner": null, "slips": [], "stage": "monitoring", "title": "Launch to operations handoff (handoff D accepted) and first monitoring review", "due_on": "2027-02-15", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 9, "completed_on": null, "evidence_url": null, "original_due_on": "2027-02-15"}	\N
250	2026-12-01 21:36:41.857075+00	2026-11-18	up-member@example.com	7	handoff	a	accept	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-09", "accepted_on": null, "artifact_url": "https://wiki.example.com/p1/label-logging"}	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "accepted", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-09", "accepted_on": "2026-11-18", "artifact_url": "https://wiki.example.com/p1/label-logging"}
251	2026-12-01 21:36:41.868671+00	2026-11-18	up-member@example.com	8	handoff	a	offer	{"to": null, "key": "a", "from": null, "name": "Framing to data", "state": "not_offered", "version": 1, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": null, "accepted_on": null, "artifact_url": null}	{"to": {"id": 17, "name": "Upgrade DS2", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-18", "accepted_on": null, "artifact_url": null}
252	2026-12-01 21:36:41.87597+00	2026-11-18	up-member@example.com	8	ownership	problem_framing/ds	assign	{"person": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}}	{"person": {"id": 17, "name": "Upgrade DS2", "active": true}}
253	2026-12-01 21:36:41.884334+00	2026-11-18	up-member@example.com	9	ownership	model_serving/mle	clear	{"person": {"id": 15, "name": "Upgrade MLE", "active": true}}	{"person": null}
254	2026-12-01 21:36:41.891471+00	2026-11-18	up-pm@example.com	\N	person	17	deactivate	{"id": 17, "name": "Upgrade DS2", "role": "ds", "email": "person-ds2@example.com", "active": true, "version": 1}	{"id": 17, "name": "Upgrade DS2", "role": "ds", "email": "person-ds2@example.com", "active": false, "version": 2}
255	2026-12-01 21:36:41.905884+00	2026-11-18	admin@example.com	\N	user	10	update	{"id": 10, "name": "up-leaver", "role": "member", "email": "up-leaver@example.com", "active": true, "version": 1}	{"id": 10, "name": "up-leaver", "role": "member", "email": "up-leaver@example.com", "active": false, "version": 2}
256	2026-12-01 21:36:41.941744+00	2026-11-18	admin@example.com	\N	user	9	update	{"id": 9, "name": "up-promoted", "role": "viewer", "email": "up-promoted@example.com", "active": true, "version": 1}	{"id": 9, "name": "up-promoted", "role": "member", "email": "up-promoted@example.com", "active": true, "version": 2}
257	2026-12-01 21:36:42.725787+00	2026-11-25	up-member@example.com	7	checkpoint	50	status_done	{"id": 50, "note": null, "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}, {"at": "2026-12-01T21:36:41Z", "on": "2026-11-18", "actor": "up-member@example.com", "reason": "second export failed", "to_due_on": "2026-11-27", "from_due_on": "2026-11-20"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-11-27", "status": "pending", "outcome": null, "version": 3, "decision": true, "project_id": 7, "completed_on": null, "evidence_url": null, "original_due_on": "2026-10-26"}	{"id": 50, "note": "Labels usable; 4 % noise", "owner": null, "slips": [{"at": "2026-12-01T21:36:41Z", "on": "2026-11-09", "actor": "up-member@example.com", "reason": "label export is late", "to_due_on": "2026-11-20", "from_due_on": "2026-10-26"}, {"at": "2026-12-01T21:36:41Z", "on": "2026-11-18", "actor": "up-member@example.com", "reason": "second export failed", "to_due_on": "2026-11-27", "from_due_on": "2026-11-20"}], "stage": "data", "title": "Data exploration findings and feasibility call (go / pivot / stop)", "due_on": "2026-11-27", "status": "done", "outcome": "go", "version": 4, "decision": true, "project_id": 7, "completed_on": "2026-11-24", "evidence_url": null, "original_due_on": "2026-10-26"}
258	2026-12-01 21:36:42.781689+00	2026-11-25	up-pm@example.com	7	project	7	stage_forward	{"stage": "data"}	{"note": "go", "stage": "baseline"}
259	2026-12-01 21:36:42.869923+00	2026-11-25	up-pm@example.com	9	project	9	update	{"id": 9, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 3", "spec": {"baseline": null, "decision": "Which stores are restocked first", "fallback": null, "worse_error": null, "primary_metric": "MAPE under 12 % on weekly demand", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "active", "version": 1, "created_on": "2026-11-09", "kickoff_on": "2026-11-02", "updated_at": "2026-12-01T21:36:41Z", "target_launch_on": "2027-02-01"}	{"id": 9, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 3", "spec": {"baseline": null, "decision": "Which stores are restocked first", "fallback": null, "worse_error": null, "primary_metric": "MAPE under 12 % on weekly demand", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "framing", "status": "paused", "version": 2, "created_on": "2026-11-09", "kickoff_on": "2026-11-02", "updated_at": "2026-12-01T21:36:42Z", "target_launch_on": "2027-02-01"}
260	2026-12-01 21:36:42.905917+00	2026-11-25	up-member@example.com	9	checkpoint	73	slip	{"id": 73, "note": null, "owner": {"id": 16, "name": "Upgrade SWE", "active": true}, "slips": [{"at": "2026-12-01T21:36:42Z", "on": "2026-11-25", "actor": "up-member@example.com", "reason": "access request queued", "to_due_on": "2026-12-04", "from_due_on": "2026-11-30"}], "stage": "data", "title": "Store data access granted", "due_on": "2026-11-30", "status": "pending", "outcome": null, "version": 1, "decision": false, "project_id": 9, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-30"}	{"id": 73, "note": null, "owner": {"id": 16, "name": "Upgrade SWE", "active": true}, "slips": [{"at": "2026-12-01T21:36:42Z", "on": "2026-11-25", "actor": "up-member@example.com", "reason": "access request queued", "to_due_on": "2026-12-04", "from_due_on": "2026-11-30"}], "stage": "data", "title": "Store data access granted", "due_on": "2026-12-04", "reason": "access request queued", "status": "pending", "outcome": null, "version": 2, "decision": false, "project_id": 9, "completed_on": null, "evidence_url": null, "original_due_on": "2026-11-30"}
261	2026-12-01 21:36:42.92199+00	2026-11-25	up-member@example.com	8	handoff	a	offer	{"to": {"id": 17, "name": "Upgrade DS2", "active": false}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 2, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-18", "accepted_on": null, "artifact_url": null}	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-25", "accepted_on": null, "artifact_url": "https://wiki.example.com/p2/v2"}
262	2026-12-01 21:36:42.95122+00	2026-11-25	up-member@example.com	8	handoff	a	accept	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "offered", "version": 3, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-25", "accepted_on": null, "artifact_url": "https://wiki.example.com/p2/v2"}	{"to": {"id": 14, "name": "Upgrade DS (renamed)", "active": true}, "key": "a", "from": {"id": 16, "name": "Upgrade SWE", "active": true}, "name": "Framing to data", "state": "accepted", "version": 4, "question": "Is the outcome logged, reliably, where we can train on it?", "to_label": "data", "from_label": "framing", "leads_into": "data", "offered_on": "2026-11-25", "accepted_on": "2026-11-25", "artifact_url": "https://wiki.example.com/p2/v2"}
263	2026-12-01 21:36:43.088132+00	2026-11-25	up-pm@example.com	8	project	8	update	{"id": 8, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 2 (ticket routing)", "spec": {"baseline": null, "decision": "Which tickets are routed to tier 2", "fallback": "Round robin", "worse_error": null, "primary_metric": "Routing accuracy above 85 %", "monitoring_trigger": null, "secondary_constraint": null}, "stage": "data", "status": "active", "version": 3, "created_on": "2026-11-09", "kickoff_on": "2026-10-26", "updated_at": "2026-12-01T21:36:41Z", "target_launch_on": "2027-02-15"}	{"id": 8, "pm": {"id": 13, "name": "Upgrade PM", "active": true}, "name": "Upgrade project 2 (ticket routing)", "spec": {"baseline": null, "decision": "Which tickets are routed to tier 2", "fallback": "Round robin", "worse_error": null, "primary_metric": "Routing accuracy above 85 %", "monitoring_trigger": "Weekly drift report", "secondary_constraint": null}, "stage": "data", "status": "active", "version": 4, "created_on": "2026-11-09", "kickoff_on": "2026-10-26", "updated_at": "2026-12-01T21:36:43Z", "target_launch_on": "2027-02-15"}
\.


--
-- Data for Name: checkpoint_slips; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.checkpoint_slips (id, checkpoint_id, from_due_on, to_due_on, reason, effective_on, actor, at) FROM stdin;
1	30	2026-11-06	2026-11-18	The serving team is still reviewing the API contract	2026-11-04	tom@example.com	2026-12-01 21:36:36.29015+00
2	50	2026-10-26	2026-11-20	label export is late	2026-11-09	up-member@example.com	2026-12-01 21:36:41.110203+00
3	50	2026-11-20	2026-11-27	second export failed	2026-11-18	up-member@example.com	2026-12-01 21:36:41.83063+00
4	73	2026-11-30	2026-12-04	access request queued	2026-11-25	up-member@example.com	2026-12-01 21:36:42.905917+00
\.


--
-- Data for Name: checkpoint_templates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.checkpoint_templates ("position", title, stage, anchor, week_offset, decision, handoff) FROM stdin;
1	Framing signed off: every spec field filled	framing	kickoff	0	f	\N
2	Data exploration findings and feasibility call (go / pivot / stop)	data	kickoff	2	t	a
3	Baseline results against the primary metric	baseline	kickoff	4	f	\N
4	Training pipeline reproduces the notebook (handoff B accepted)	modelling	kickoff	5	f	b
5	Improved model with error analysis by slice	modelling	kickoff	6	f	\N
6	API contract and fallback agreed (handoff C accepted)	evaluation	kickoff	7	f	c
7	Production readiness review: rollback tested, monitoring trigger wired, on-call named	production	kickoff	8	t	\N
8	Launch to operations handoff (handoff D accepted) and first monitoring review	monitoring	launch	2	f	d
\.


--
-- Data for Name: checkpoint_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.checkpoint_versions (id, actor, checkpoint_id, effective_on, stage, title, status, due_on, completed_on, owner_id, deleted) FROM stdin;
1	maya@example.com	1	2026-06-12	framing	Framing signed off: every spec field filled	pending	2026-06-12	\N	\N	f
2	maya@example.com	2	2026-06-12	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-06-26	\N	\N	f
3	maya@example.com	3	2026-06-12	baseline	Baseline results against the primary metric	pending	2026-07-10	\N	\N	f
4	maya@example.com	4	2026-06-12	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-07-17	\N	\N	f
5	maya@example.com	5	2026-06-12	modelling	Improved model with error analysis by slice	pending	2026-07-24	\N	\N	f
6	maya@example.com	6	2026-06-12	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-07-31	\N	\N	f
7	maya@example.com	7	2026-06-12	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-08-07	\N	\N	f
8	maya@example.com	8	2026-06-12	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2026-08-31	\N	\N	f
9	maya@example.com	1	2026-06-12	framing	Framing signed off: every spec field filled	done	2026-06-12	2026-06-12	\N	f
10	omar@example.com	2	2026-06-26	data	Data exploration findings and feasibility call (go / pivot / stop)	done	2026-06-26	2026-06-26	\N	f
11	omar@example.com	3	2026-07-10	baseline	Baseline results against the primary metric	done	2026-07-10	2026-07-10	\N	f
12	kenji@example.com	4	2026-07-17	modelling	Training pipeline reproduces the notebook (handoff B accepted)	done	2026-07-17	2026-07-17	\N	f
13	omar@example.com	5	2026-07-24	modelling	Improved model with error analysis by slice	done	2026-07-24	2026-07-24	\N	f
14	chris@example.com	6	2026-07-31	evaluation	API contract and fallback agreed (handoff C accepted)	done	2026-07-31	2026-07-31	\N	f
15	maya@example.com	7	2026-08-07	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	done	2026-08-07	2026-08-07	\N	f
16	priya@example.com	8	2026-08-31	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	done	2026-08-31	2026-08-31	\N	f
17	tom@example.com	9	2026-08-11	framing	Framing signed off: every spec field filled	pending	2026-08-11	\N	\N	f
18	tom@example.com	10	2026-08-11	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-08-25	\N	\N	f
19	tom@example.com	11	2026-08-11	baseline	Baseline results against the primary metric	pending	2026-09-08	\N	\N	f
20	tom@example.com	12	2026-08-11	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-09-15	\N	\N	f
21	tom@example.com	13	2026-08-11	modelling	Improved model with error analysis by slice	pending	2026-09-22	\N	\N	f
22	tom@example.com	14	2026-08-11	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-09-29	\N	\N	f
23	tom@example.com	15	2026-08-11	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-10-06	\N	\N	f
24	tom@example.com	16	2026-08-11	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2026-12-23	\N	\N	f
25	maya@example.com	17	2026-08-31	framing	Framing signed off: every spec field filled	pending	2026-08-31	\N	\N	f
26	maya@example.com	18	2026-08-31	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-09-14	\N	\N	f
27	maya@example.com	19	2026-08-31	baseline	Baseline results against the primary metric	pending	2026-09-28	\N	\N	f
28	maya@example.com	20	2026-08-31	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-10-05	\N	\N	f
29	maya@example.com	21	2026-08-31	modelling	Improved model with error analysis by slice	pending	2026-10-12	\N	\N	f
30	maya@example.com	22	2026-08-31	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-10-19	\N	\N	f
31	maya@example.com	23	2026-08-31	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-10-26	\N	\N	f
32	maya@example.com	24	2026-08-31	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2026-11-30	\N	\N	f
33	maya@example.com	17	2026-08-31	framing	Framing signed off: every spec field filled	done	2026-08-31	2026-08-31	\N	f
34	ana@example.com	18	2026-09-14	data	Data exploration findings and feasibility call (go / pivot / stop)	done	2026-09-14	2026-09-14	\N	f
35	ana@example.com	19	2026-09-28	baseline	Baseline results against the primary metric	done	2026-09-28	2026-09-28	\N	f
36	ben@example.com	20	2026-10-05	modelling	Training pipeline reproduces the notebook (handoff B accepted)	done	2026-10-05	2026-10-05	\N	f
37	ana@example.com	21	2026-10-16	modelling	Improved model with error analysis by slice	done	2026-10-12	2026-10-16	\N	f
38	aisha@example.com	22	2026-10-25	evaluation	API contract and fallback agreed (handoff C accepted)	done	2026-10-19	2026-10-25	\N	f
39	maya@example.com	23	2026-10-26	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	done	2026-10-26	2026-10-26	\N	f
40	tom@example.com	25	2026-09-18	framing	Framing signed off: every spec field filled	pending	2026-09-18	\N	\N	f
41	tom@example.com	26	2026-09-18	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-10-02	\N	\N	f
42	tom@example.com	27	2026-09-18	baseline	Baseline results against the primary metric	pending	2026-10-16	\N	\N	f
43	tom@example.com	28	2026-09-18	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-10-23	\N	\N	f
44	tom@example.com	29	2026-09-18	modelling	Improved model with error analysis by slice	pending	2026-10-30	\N	\N	f
45	tom@example.com	30	2026-09-18	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-11-06	\N	\N	f
46	tom@example.com	31	2026-09-18	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-11-13	\N	\N	f
47	tom@example.com	32	2026-09-18	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2026-12-11	\N	\N	f
48	tom@example.com	25	2026-09-18	framing	Framing signed off: every spec field filled	done	2026-09-18	2026-09-18	\N	f
49	omar@example.com	26	2026-10-02	data	Data exploration findings and feasibility call (go / pivot / stop)	done	2026-10-02	2026-10-02	\N	f
50	omar@example.com	27	2026-10-16	baseline	Baseline results against the primary metric	done	2026-10-16	2026-10-16	\N	f
51	ben@example.com	28	2026-10-23	modelling	Training pipeline reproduces the notebook (handoff B accepted)	done	2026-10-23	2026-10-23	\N	f
52	tom@example.com	30	2026-11-04	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-11-18	\N	\N	f
53	tom@example.com	33	2026-10-20	framing	Framing signed off: every spec field filled	pending	2026-10-20	\N	\N	f
54	tom@example.com	34	2026-10-20	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-11-03	\N	\N	f
55	tom@example.com	35	2026-10-20	baseline	Baseline results against the primary metric	pending	2026-11-17	\N	\N	f
56	tom@example.com	36	2026-10-20	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-11-24	\N	\N	f
57	tom@example.com	37	2026-10-20	modelling	Improved model with error analysis by slice	pending	2026-12-01	\N	\N	f
58	tom@example.com	38	2026-10-20	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-12-08	\N	\N	f
59	tom@example.com	39	2026-10-20	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-12-15	\N	\N	f
60	tom@example.com	40	2026-10-20	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2027-01-22	\N	\N	f
61	lena@example.com	33	2026-10-21	framing	Framing signed off: every spec field filled	done	2026-10-20	2026-10-21	\N	f
62	maya@example.com	41	2026-10-10	framing	Framing signed off: every spec field filled	pending	2026-10-10	\N	\N	f
63	maya@example.com	42	2026-10-10	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-10-24	\N	\N	f
64	maya@example.com	43	2026-10-10	baseline	Baseline results against the primary metric	pending	2026-11-07	\N	\N	f
65	maya@example.com	44	2026-10-10	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-11-14	\N	\N	f
66	maya@example.com	45	2026-10-10	modelling	Improved model with error analysis by slice	pending	2026-11-21	\N	\N	f
67	maya@example.com	46	2026-10-10	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-11-28	\N	\N	f
68	maya@example.com	47	2026-10-10	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-12-05	\N	\N	f
69	maya@example.com	48	2026-10-10	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2026-12-28	\N	\N	f
70	maya@example.com	41	2026-10-10	framing	Framing signed off: every spec field filled	done	2026-10-10	2026-10-10	\N	f
71	ana@example.com	42	2026-10-24	data	Data exploration findings and feasibility call (go / pivot / stop)	done	2026-10-24	2026-10-24	\N	f
72	ana@example.com	43	2026-11-07	baseline	Baseline results against the primary metric	done	2026-11-07	2026-11-07	\N	f
73	up-pm@example.com	49	2026-11-09	framing	Framing signed off: every spec field filled	pending	2026-10-12	\N	\N	f
74	up-pm@example.com	50	2026-11-09	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-10-26	\N	\N	f
75	up-pm@example.com	51	2026-11-09	baseline	Baseline results against the primary metric	pending	2026-11-09	\N	\N	f
76	up-pm@example.com	52	2026-11-09	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-11-16	\N	\N	f
77	up-pm@example.com	53	2026-11-09	modelling	Improved model with error analysis by slice	pending	2026-11-23	\N	\N	f
78	up-pm@example.com	54	2026-11-09	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-11-30	\N	\N	f
79	up-pm@example.com	55	2026-11-09	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-12-07	\N	\N	f
80	up-pm@example.com	56	2026-11-09	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2027-02-15	\N	\N	f
81	up-pm@example.com	57	2026-11-09	framing	Framing signed off: every spec field filled	pending	2026-10-26	\N	\N	f
82	up-pm@example.com	58	2026-11-09	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-11-09	\N	\N	f
83	up-pm@example.com	59	2026-11-09	baseline	Baseline results against the primary metric	pending	2026-11-23	\N	\N	f
84	up-pm@example.com	60	2026-11-09	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-11-30	\N	\N	f
85	up-pm@example.com	61	2026-11-09	modelling	Improved model with error analysis by slice	pending	2026-12-07	\N	\N	f
86	up-pm@example.com	62	2026-11-09	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-12-14	\N	\N	f
87	up-pm@example.com	63	2026-11-09	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-12-21	\N	\N	f
88	up-pm@example.com	64	2026-11-09	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2027-02-15	\N	\N	f
89	up-pm@example.com	65	2026-11-09	framing	Framing signed off: every spec field filled	pending	2026-11-02	\N	\N	f
90	up-pm@example.com	66	2026-11-09	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-11-16	\N	\N	f
91	up-pm@example.com	67	2026-11-09	baseline	Baseline results against the primary metric	pending	2026-11-30	\N	\N	f
92	up-pm@example.com	68	2026-11-09	modelling	Training pipeline reproduces the notebook (handoff B accepted)	pending	2026-12-07	\N	\N	f
93	up-pm@example.com	69	2026-11-09	modelling	Improved model with error analysis by slice	pending	2026-12-14	\N	\N	f
94	up-pm@example.com	70	2026-11-09	evaluation	API contract and fallback agreed (handoff C accepted)	pending	2026-12-21	\N	\N	f
95	up-pm@example.com	71	2026-11-09	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	pending	2026-12-28	\N	\N	f
96	up-pm@example.com	72	2026-11-09	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2027-02-15	\N	\N	f
97	up-member@example.com	49	2026-10-16	framing	Framing signed off: every spec field filled	done	2026-10-12	2026-10-16	\N	f
98	up-member@example.com	50	2026-11-09	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-11-20	\N	\N	f
99	up-member@example.com	50	2026-11-18	data	Data exploration findings and feasibility call (go / pivot / stop)	pending	2026-11-27	\N	\N	f
100	up-member@example.com	57	2026-11-18	framing	Framing signed off: every spec field filled	blocked	2026-10-26	\N	\N	f
101	up-pm@example.com	73	2026-11-18	data	Store data access granted	pending	2026-11-30	\N	16	f
102	up-pm@example.com	72	2026-11-18	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	pending	2027-02-15	\N	\N	t
103	up-member@example.com	50	2026-11-24	data	Data exploration findings and feasibility call (go / pivot / stop)	done	2026-11-27	2026-11-24	\N	f
104	up-member@example.com	73	2026-11-25	data	Store data access granted	pending	2026-12-04	\N	16	f
\.


--
-- Data for Name: checkpoints; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.checkpoints (id, project_id, stage, title, due_on, original_due_on, owner_id, status, completed_on, decision, outcome, evidence_url, note, template, deleted_on, version, created_on, created_at, updated_at) FROM stdin;
1	1	framing	Framing signed off: every spec field filled	2026-06-12	2026-06-12	\N	done	2026-06-12	f	\N	\N	\N	1	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
2	1	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-06-26	2026-06-26	\N	done	2026-06-26	t	go	\N	\N	2	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
3	1	baseline	Baseline results against the primary metric	2026-07-10	2026-07-10	\N	done	2026-07-10	f	\N	\N	\N	3	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
4	1	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-07-17	2026-07-17	\N	done	2026-07-17	f	\N	\N	\N	4	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
5	1	modelling	Improved model with error analysis by slice	2026-07-24	2026-07-24	\N	done	2026-07-24	f	\N	\N	\N	5	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
6	1	evaluation	API contract and fallback agreed (handoff C accepted)	2026-07-31	2026-07-31	\N	done	2026-07-31	f	\N	\N	\N	6	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
7	1	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-08-07	2026-08-07	\N	done	2026-08-07	t	go	\N	\N	7	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
8	1	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2026-08-31	2026-08-31	\N	done	2026-08-31	f	\N	\N	\N	8	\N	2	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
9	2	framing	Framing signed off: every spec field filled	2026-08-11	2026-08-11	\N	pending	\N	f	\N	\N	\N	1	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
10	2	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-08-25	2026-08-25	\N	pending	\N	t	\N	\N	\N	2	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
11	2	baseline	Baseline results against the primary metric	2026-09-08	2026-09-08	\N	pending	\N	f	\N	\N	\N	3	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
12	2	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-09-15	2026-09-15	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
13	2	modelling	Improved model with error analysis by slice	2026-09-22	2026-09-22	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
14	2	evaluation	API contract and fallback agreed (handoff C accepted)	2026-09-29	2026-09-29	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
15	2	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-10-06	2026-10-06	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
16	2	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2026-12-23	2026-12-23	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
24	3	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2026-11-30	2026-11-30	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
17	3	framing	Framing signed off: every spec field filled	2026-08-31	2026-08-31	\N	done	2026-08-31	f	\N	\N	\N	1	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
18	3	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-09-14	2026-09-14	\N	done	2026-09-14	t	go	\N	\N	2	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
19	3	baseline	Baseline results against the primary metric	2026-09-28	2026-09-28	\N	done	2026-09-28	f	\N	\N	\N	3	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
20	3	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-10-05	2026-10-05	\N	done	2026-10-05	f	\N	\N	\N	4	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
21	3	modelling	Improved model with error analysis by slice	2026-10-12	2026-10-12	\N	done	2026-10-16	f	\N	\N	\N	5	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
22	3	evaluation	API contract and fallback agreed (handoff C accepted)	2026-10-19	2026-10-19	\N	done	2026-10-25	f	\N	\N	\N	6	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
23	3	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-10-26	2026-10-26	\N	done	2026-10-26	t	go	\N	\N	7	\N	2	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
29	4	modelling	Improved model with error analysis by slice	2026-10-30	2026-10-30	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
31	4	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-11-13	2026-11-13	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
25	4	framing	Framing signed off: every spec field filled	2026-09-18	2026-09-18	\N	done	2026-09-18	f	\N	\N	\N	1	\N	2	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
32	4	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2026-12-11	2026-12-11	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
26	4	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-10-02	2026-10-02	\N	done	2026-10-02	t	go	\N	\N	2	\N	2	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
27	4	baseline	Baseline results against the primary metric	2026-10-16	2026-10-16	\N	done	2026-10-16	f	\N	\N	\N	3	\N	2	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
28	4	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-10-23	2026-10-23	\N	done	2026-10-23	f	\N	\N	\N	4	\N	2	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
30	4	evaluation	API contract and fallback agreed (handoff C accepted)	2026-11-18	2026-11-06	\N	pending	\N	f	\N	\N	\N	6	\N	2	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
34	5	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-11-03	2026-11-03	\N	pending	\N	t	\N	\N	\N	2	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
35	5	baseline	Baseline results against the primary metric	2026-11-17	2026-11-17	\N	pending	\N	f	\N	\N	\N	3	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
36	5	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-11-24	2026-11-24	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
37	5	modelling	Improved model with error analysis by slice	2026-12-01	2026-12-01	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
38	5	evaluation	API contract and fallback agreed (handoff C accepted)	2026-12-08	2026-12-08	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
39	5	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-12-15	2026-12-15	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
40	5	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2027-01-22	2027-01-22	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
33	5	framing	Framing signed off: every spec field filled	2026-10-20	2026-10-20	\N	done	2026-10-21	f	\N	\N	\N	1	\N	2	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
44	6	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-11-14	2026-11-14	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
45	6	modelling	Improved model with error analysis by slice	2026-11-21	2026-11-21	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
46	6	evaluation	API contract and fallback agreed (handoff C accepted)	2026-11-28	2026-11-28	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
47	6	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-12-05	2026-12-05	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
48	6	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2026-12-28	2026-12-28	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
41	6	framing	Framing signed off: every spec field filled	2026-10-10	2026-10-10	\N	done	2026-10-10	f	\N	\N	\N	1	\N	2	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
42	6	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-10-24	2026-10-24	\N	done	2026-10-24	t	go	\N	\N	2	\N	2	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
43	6	baseline	Baseline results against the primary metric	2026-11-07	2026-11-07	\N	done	2026-11-07	f	\N	\N	\N	3	\N	2	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
51	7	baseline	Baseline results against the primary metric	2026-11-09	2026-11-09	\N	pending	\N	f	\N	\N	\N	3	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
52	7	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-11-16	2026-11-16	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
53	7	modelling	Improved model with error analysis by slice	2026-11-23	2026-11-23	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
54	7	evaluation	API contract and fallback agreed (handoff C accepted)	2026-11-30	2026-11-30	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
55	7	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-12-07	2026-12-07	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
56	7	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2027-02-15	2027-02-15	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:40.91681+00
58	8	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-11-09	2026-11-09	\N	pending	\N	t	\N	\N	\N	2	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
59	8	baseline	Baseline results against the primary metric	2026-11-23	2026-11-23	\N	pending	\N	f	\N	\N	\N	3	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
60	8	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-11-30	2026-11-30	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
61	8	modelling	Improved model with error analysis by slice	2026-12-07	2026-12-07	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
62	8	evaluation	API contract and fallback agreed (handoff C accepted)	2026-12-14	2026-12-14	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
63	8	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-12-21	2026-12-21	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
64	8	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2027-02-15	2027-02-15	\N	pending	\N	f	\N	\N	\N	8	\N	1	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:40.972905+00
65	9	framing	Framing signed off: every spec field filled	2026-11-02	2026-11-02	\N	pending	\N	f	\N	\N	\N	1	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
66	9	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-11-16	2026-11-16	\N	pending	\N	t	\N	\N	\N	2	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
67	9	baseline	Baseline results against the primary metric	2026-11-30	2026-11-30	\N	pending	\N	f	\N	\N	\N	3	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
68	9	modelling	Training pipeline reproduces the notebook (handoff B accepted)	2026-12-07	2026-12-07	\N	pending	\N	f	\N	\N	\N	4	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
69	9	modelling	Improved model with error analysis by slice	2026-12-14	2026-12-14	\N	pending	\N	f	\N	\N	\N	5	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
70	9	evaluation	API contract and fallback agreed (handoff C accepted)	2026-12-21	2026-12-21	\N	pending	\N	f	\N	\N	\N	6	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
49	7	framing	Framing signed off: every spec field filled	2026-10-12	2026-10-12	\N	done	2026-10-16	f	\N	https://wiki.example.com/p1/framing	signed off	1	\N	2	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:41.103747+00
57	8	framing	Framing signed off: every spec field filled	2026-10-26	2026-10-26	\N	blocked	\N	f	\N	\N	waiting for legal	1	\N	2	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:41.840781+00
50	7	data	Data exploration findings and feasibility call (go / pivot / stop)	2026-11-27	2026-10-26	\N	done	2026-11-24	t	go	\N	Labels usable; 4 % noise	2	\N	4	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:42.725787+00
71	9	production	Production readiness review: rollback tested, monitoring trigger wired, on-call named	2026-12-28	2026-12-28	\N	pending	\N	t	\N	\N	\N	7	\N	1	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.007744+00
72	9	monitoring	Launch to operations handoff (handoff D accepted) and first monitoring review	2027-02-15	2027-02-15	\N	pending	\N	f	\N	\N	\N	8	2026-11-18	2	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:41.851419+00
73	9	data	Store data access granted	2026-12-04	2026-11-30	16	pending	\N	f	\N	\N	\N	\N	\N	2	2026-11-18	2026-12-01 21:36:41.845743+00	2026-12-01 21:36:42.905917+00
\.


--
-- Data for Name: handoff_kinds; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handoff_kinds (key, name, from_label, to_label, leads_into, question) FROM stdin;
a	Framing to data	framing	data	data	Is the outcome logged, reliably, where we can train on it?
b	Notebook to training pipeline	DS	MLE	evaluation	Does the training pipeline reproduce the notebook?
c	Model to serving	MLE	SWE	production	Are the API contract and the fallback agreed?
d	Launch to operations	everyone	on-call	monitoring	Does whoever gets paged know the model?
\.


--
-- Data for Name: handoff_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handoff_versions (id, actor, project_id, key, effective_on, from_id, to_id, offered_on, accepted_on) FROM stdin;
1	omar@example.com	1	a	2026-06-13	10	5	2026-06-13	\N
2	omar@example.com	1	a	2026-06-14	10	5	2026-06-13	2026-06-14
3	omar@example.com	1	b	2026-07-16	5	8	2026-07-16	\N
4	kenji@example.com	1	b	2026-07-17	5	8	2026-07-16	2026-07-17
5	kenji@example.com	1	c	2026-07-29	8	10	2026-07-29	\N
6	chris@example.com	1	c	2026-07-31	8	10	2026-07-29	2026-07-31
7	maya@example.com	1	d	2026-08-17	8	6	2026-08-17	\N
8	priya@example.com	1	d	2026-08-18	8	6	2026-08-17	2026-08-18
9	ana@example.com	3	a	2026-09-07	11	3	2026-09-07	\N
10	ana@example.com	3	a	2026-09-08	11	3	2026-09-07	2026-09-08
11	ana@example.com	3	b	2026-10-04	3	7	2026-10-04	\N
12	ben@example.com	3	b	2026-10-05	3	7	2026-10-04	2026-10-05
13	ben@example.com	3	c	2026-10-23	7	11	2026-10-23	\N
14	aisha@example.com	3	c	2026-10-25	7	11	2026-10-23	2026-10-25
15	omar@example.com	4	a	2026-09-19	9	5	2026-09-19	\N
16	omar@example.com	4	a	2026-09-20	9	5	2026-09-19	2026-09-20
17	omar@example.com	4	b	2026-10-20	5	7	2026-10-20	\N
18	ben@example.com	4	b	2026-10-22	5	7	2026-10-20	2026-10-22
19	ben@example.com	4	c	2026-10-31	7	9	2026-10-31	\N
20	lena@example.com	5	a	2026-10-27	11	4	2026-10-27	\N
21	lena@example.com	5	a	2026-10-28	11	4	2026-10-27	2026-10-28
22	ana@example.com	6	a	2026-10-11	9	3	2026-10-11	\N
23	ana@example.com	6	a	2026-10-12	9	3	2026-10-11	2026-10-12
24	ana@example.com	6	b	2026-11-08	3	6	2026-11-08	\N
25	up-member@example.com	7	a	2026-11-09	16	14	2026-11-09	\N
26	up-member@example.com	7	a	2026-11-18	16	14	2026-11-09	2026-11-18
27	up-member@example.com	8	a	2026-11-18	16	17	2026-11-18	\N
28	up-member@example.com	8	a	2026-11-25	16	14	2026-11-25	\N
29	up-member@example.com	8	a	2026-11-25	16	14	2026-11-25	2026-11-25
\.


--
-- Data for Name: handoffs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handoffs (project_id, key, from_id, to_id, artifact_url, offered_on, accepted_on, version, updated_at) FROM stdin;
1	a	10	5	\N	2026-06-13	2026-06-14	3	2026-12-01 21:36:36.29015+00
1	b	5	8	https://git.example.com/ml/spam/notebooks/v3.ipynb	2026-07-16	2026-07-17	3	2026-12-01 21:36:36.29015+00
1	c	8	10	https://git.example.com/ml/spam/api.yaml	2026-07-29	2026-07-31	3	2026-12-01 21:36:36.29015+00
1	d	8	6	https://wiki.example.com/runbooks/spam-filter	2026-08-17	2026-08-18	3	2026-12-01 21:36:36.29015+00
2	a	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
2	b	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
2	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
2	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
3	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
3	a	11	3	\N	2026-09-07	2026-09-08	3	2026-12-01 21:36:36.29015+00
3	b	3	7	https://git.example.com/ml/recs/notebooks/longtail.ipynb	2026-10-04	2026-10-05	3	2026-12-01 21:36:36.29015+00
3	c	7	11	https://git.example.com/ml/recs/api.yaml	2026-10-23	2026-10-25	3	2026-12-01 21:36:36.29015+00
4	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
4	a	9	5	\N	2026-09-19	2026-09-20	3	2026-12-01 21:36:36.29015+00
4	b	5	7	https://git.example.com/ml/fraud/notebooks/gbm.ipynb	2026-10-20	2026-10-22	3	2026-12-01 21:36:36.29015+00
4	c	7	9	https://git.example.com/ml/fraud/api.yaml	2026-10-31	\N	2	2026-12-01 21:36:36.29015+00
5	b	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
5	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
5	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
5	a	11	4	\N	2026-10-27	2026-10-28	3	2026-12-01 21:36:36.29015+00
6	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
6	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:36.29015+00
6	a	9	3	\N	2026-10-11	2026-10-12	3	2026-12-01 21:36:36.29015+00
6	b	3	6	https://git.example.com/ml/churn/notebooks/baseline.ipynb	2026-11-08	\N	2	2026-12-01 21:36:36.29015+00
7	b	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.91681+00
7	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.91681+00
7	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.91681+00
8	b	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.972905+00
8	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.972905+00
8	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:40.972905+00
9	a	\N	\N	\N	\N	\N	1	2026-12-01 21:36:41.007744+00
9	b	\N	\N	\N	\N	\N	1	2026-12-01 21:36:41.007744+00
9	c	\N	\N	\N	\N	\N	1	2026-12-01 21:36:41.007744+00
9	d	\N	\N	\N	\N	\N	1	2026-12-01 21:36:41.007744+00
7	a	16	14	https://wiki.example.com/p1/label-logging	2026-11-09	2026-11-18	3	2026-12-01 21:36:41.857075+00
8	a	16	14	https://wiki.example.com/p2/v2	2026-11-25	2026-11-25	4	2026-12-01 21:36:42.95122+00
\.


--
-- Data for Name: ledger_dirty; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ledger_dirty (id, kind, item, at, claimed_until) FROM stdin;
\.


--
-- Data for Name: ledger_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ledger_items (kind, item, version) FROM stdin;
project	1	1
project	2	1
project	3	1
person	1	1
person	2	1
person	3	1
person	4	1
person	5	1
person	6	1
person	7	1
person	8	1
person	9	1
person	10	1
person	11	1
person	12	1
project	4	1
project	5	1
project	6	1
project	7	1
project	9	1
person	13	1
person	14	1
person	15	1
person	16	1
person	17	1
project	8	2
\.


--
-- Data for Name: login_budgets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.login_budgets (key, tokens, at) FROM stdin;
global	58.898145	2026-12-01 21:36:40.66644+00
\.


--
-- Data for Name: ownership; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ownership (project_id, responsibility, role, person_id, version, updated_at) FROM stdin;
1	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
1	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
1	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
1	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
1	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
1	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
1	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
1	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
1	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
1	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
1	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
1	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
1	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
1	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
1	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
1	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
1	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
1	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
1	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
1	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
1	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
1	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
1	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
1	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
1	problem_framing	ds	5	2	2026-12-01 21:36:36.29015+00
1	outcome_logging	ds	5	2	2026-12-01 21:36:36.29015+00
1	outcome_logging	swe	10	2	2026-12-01 21:36:36.29015+00
1	feature_model_choice	ds	5	2	2026-12-01 21:36:36.29015+00
1	offline_evaluation	ds	5	2	2026-12-01 21:36:36.29015+00
1	training_pipeline	ds	5	2	2026-12-01 21:36:36.29015+00
1	training_pipeline	mle	6	2	2026-12-01 21:36:36.29015+00
1	feature_pipeline	ds	5	2	2026-12-01 21:36:36.29015+00
1	feature_pipeline	mle	6	2	2026-12-01 21:36:36.29015+00
1	model_serving	mle	6	2	2026-12-01 21:36:36.29015+00
1	model_registry	mle	6	2	2026-12-01 21:36:36.29015+00
1	api_contract	mle	6	2	2026-12-01 21:36:36.29015+00
1	api_contract	swe	10	2	2026-12-01 21:36:36.29015+00
1	fallback	swe	10	2	2026-12-01 21:36:36.29015+00
1	ab_testing	swe	10	2	2026-12-01 21:36:36.29015+00
1	latency_budget	mle	6	2	2026-12-01 21:36:36.29015+00
1	latency_budget	swe	10	2	2026-12-01 21:36:36.29015+00
1	monitoring_drift	mle	6	2	2026-12-01 21:36:36.29015+00
1	on_call	mle	6	2	2026-12-01 21:36:36.29015+00
1	retraining_trigger	ds	5	2	2026-12-01 21:36:36.29015+00
1	retraining_trigger	mle	6	2	2026-12-01 21:36:36.29015+00
1	rollback_decision	mle	6	2	2026-12-01 21:36:36.29015+00
1	rollback_decision	swe	10	2	2026-12-01 21:36:36.29015+00
1	on_call	swe	12	3	2026-12-01 21:36:36.29015+00
2	problem_framing	ds	\N	1	2026-12-01 21:36:36.29015+00
2	outcome_logging	ds	\N	1	2026-12-01 21:36:36.29015+00
2	feature_model_choice	ds	\N	1	2026-12-01 21:36:36.29015+00
2	offline_evaluation	ds	\N	1	2026-12-01 21:36:36.29015+00
2	training_pipeline	ds	\N	1	2026-12-01 21:36:36.29015+00
2	feature_pipeline	ds	\N	1	2026-12-01 21:36:36.29015+00
2	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
2	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
2	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
2	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
2	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
2	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
2	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
2	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
2	retraining_trigger	ds	\N	1	2026-12-01 21:36:36.29015+00
2	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
2	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
2	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
2	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
2	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
2	training_pipeline	mle	\N	1	2026-12-01 21:36:36.29015+00
2	feature_pipeline	mle	\N	1	2026-12-01 21:36:36.29015+00
2	model_serving	mle	\N	1	2026-12-01 21:36:36.29015+00
2	model_registry	mle	\N	1	2026-12-01 21:36:36.29015+00
2	api_contract	mle	\N	1	2026-12-01 21:36:36.29015+00
2	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
2	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
2	latency_budget	mle	\N	1	2026-12-01 21:36:36.29015+00
2	monitoring_drift	mle	\N	1	2026-12-01 21:36:36.29015+00
2	on_call	mle	\N	1	2026-12-01 21:36:36.29015+00
2	retraining_trigger	mle	\N	1	2026-12-01 21:36:36.29015+00
2	rollback_decision	mle	\N	1	2026-12-01 21:36:36.29015+00
2	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
2	outcome_logging	swe	\N	1	2026-12-01 21:36:36.29015+00
2	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
2	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
2	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
2	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
2	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
2	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
2	api_contract	swe	\N	1	2026-12-01 21:36:36.29015+00
2	fallback	swe	\N	1	2026-12-01 21:36:36.29015+00
2	ab_testing	swe	\N	1	2026-12-01 21:36:36.29015+00
2	latency_budget	swe	\N	1	2026-12-01 21:36:36.29015+00
2	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
2	on_call	swe	\N	1	2026-12-01 21:36:36.29015+00
2	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
2	rollback_decision	swe	\N	1	2026-12-01 21:36:36.29015+00
3	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
3	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
3	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
3	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
3	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
3	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
3	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
3	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
3	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
3	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
3	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
3	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
3	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
3	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
3	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
3	monitoring_drift	mle	\N	1	2026-12-01 21:36:36.29015+00
3	rollback_decision	mle	\N	1	2026-12-01 21:36:36.29015+00
3	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
3	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
3	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
3	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
3	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
3	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
3	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
3	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
3	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
3	rollback_decision	swe	\N	1	2026-12-01 21:36:36.29015+00
3	problem_framing	ds	3	2	2026-12-01 21:36:36.29015+00
3	outcome_logging	ds	3	2	2026-12-01 21:36:36.29015+00
3	outcome_logging	swe	11	2	2026-12-01 21:36:36.29015+00
3	feature_model_choice	ds	3	2	2026-12-01 21:36:36.29015+00
3	offline_evaluation	ds	3	2	2026-12-01 21:36:36.29015+00
3	training_pipeline	ds	3	2	2026-12-01 21:36:36.29015+00
3	training_pipeline	mle	7	2	2026-12-01 21:36:36.29015+00
3	feature_pipeline	ds	3	2	2026-12-01 21:36:36.29015+00
3	feature_pipeline	mle	7	2	2026-12-01 21:36:36.29015+00
3	model_serving	mle	7	2	2026-12-01 21:36:36.29015+00
3	model_registry	mle	7	2	2026-12-01 21:36:36.29015+00
3	api_contract	mle	7	2	2026-12-01 21:36:36.29015+00
3	api_contract	swe	11	2	2026-12-01 21:36:36.29015+00
3	fallback	swe	11	2	2026-12-01 21:36:36.29015+00
3	ab_testing	swe	11	2	2026-12-01 21:36:36.29015+00
3	latency_budget	mle	7	2	2026-12-01 21:36:36.29015+00
3	on_call	mle	7	2	2026-12-01 21:36:36.29015+00
3	on_call	swe	11	2	2026-12-01 21:36:36.29015+00
3	retraining_trigger	ds	3	2	2026-12-01 21:36:36.29015+00
3	retraining_trigger	mle	7	2	2026-12-01 21:36:36.29015+00
3	latency_budget	swe	12	2	2026-12-01 21:36:36.29015+00
4	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
4	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
4	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
4	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
4	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
4	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
4	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
4	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
4	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
4	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
4	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
4	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
4	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
4	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
4	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
4	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
4	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
4	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
4	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
4	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
4	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
4	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
4	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
4	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
4	problem_framing	ds	5	2	2026-12-01 21:36:36.29015+00
4	outcome_logging	ds	5	2	2026-12-01 21:36:36.29015+00
4	outcome_logging	swe	9	2	2026-12-01 21:36:36.29015+00
4	feature_model_choice	ds	5	2	2026-12-01 21:36:36.29015+00
4	offline_evaluation	ds	5	2	2026-12-01 21:36:36.29015+00
4	training_pipeline	ds	5	2	2026-12-01 21:36:36.29015+00
4	training_pipeline	mle	7	2	2026-12-01 21:36:36.29015+00
4	feature_pipeline	ds	5	2	2026-12-01 21:36:36.29015+00
4	feature_pipeline	mle	7	2	2026-12-01 21:36:36.29015+00
4	model_serving	mle	7	2	2026-12-01 21:36:36.29015+00
4	model_registry	mle	7	2	2026-12-01 21:36:36.29015+00
4	api_contract	mle	7	2	2026-12-01 21:36:36.29015+00
4	api_contract	swe	9	2	2026-12-01 21:36:36.29015+00
4	fallback	swe	9	2	2026-12-01 21:36:36.29015+00
4	ab_testing	swe	9	2	2026-12-01 21:36:36.29015+00
4	latency_budget	mle	7	2	2026-12-01 21:36:36.29015+00
4	latency_budget	swe	9	2	2026-12-01 21:36:36.29015+00
4	monitoring_drift	mle	8	2	2026-12-01 21:36:36.29015+00
4	on_call	mle	8	2	2026-12-01 21:36:36.29015+00
4	on_call	swe	9	2	2026-12-01 21:36:36.29015+00
4	retraining_trigger	ds	5	2	2026-12-01 21:36:36.29015+00
4	retraining_trigger	mle	8	2	2026-12-01 21:36:36.29015+00
4	rollback_decision	mle	7	2	2026-12-01 21:36:36.29015+00
4	rollback_decision	swe	9	2	2026-12-01 21:36:36.29015+00
5	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
5	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
5	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
5	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
5	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
5	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
5	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
5	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
5	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
5	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
5	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
5	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
5	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
5	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
5	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
5	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
5	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
5	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
5	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
5	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
5	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
5	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
5	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
5	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
5	problem_framing	ds	4	2	2026-12-01 21:36:36.29015+00
5	outcome_logging	ds	4	2	2026-12-01 21:36:36.29015+00
5	outcome_logging	swe	11	2	2026-12-01 21:36:36.29015+00
5	feature_model_choice	ds	4	2	2026-12-01 21:36:36.29015+00
5	offline_evaluation	ds	4	2	2026-12-01 21:36:36.29015+00
5	training_pipeline	ds	4	2	2026-12-01 21:36:36.29015+00
5	training_pipeline	mle	8	2	2026-12-01 21:36:36.29015+00
5	feature_pipeline	ds	4	2	2026-12-01 21:36:36.29015+00
5	feature_pipeline	mle	8	2	2026-12-01 21:36:36.29015+00
5	model_serving	mle	8	2	2026-12-01 21:36:36.29015+00
5	model_registry	mle	8	2	2026-12-01 21:36:36.29015+00
5	api_contract	mle	8	2	2026-12-01 21:36:36.29015+00
5	api_contract	swe	11	2	2026-12-01 21:36:36.29015+00
5	fallback	swe	11	2	2026-12-01 21:36:36.29015+00
5	ab_testing	swe	11	2	2026-12-01 21:36:36.29015+00
5	latency_budget	mle	8	2	2026-12-01 21:36:36.29015+00
5	latency_budget	swe	11	2	2026-12-01 21:36:36.29015+00
5	monitoring_drift	mle	8	2	2026-12-01 21:36:36.29015+00
5	on_call	mle	8	2	2026-12-01 21:36:36.29015+00
5	on_call	swe	11	2	2026-12-01 21:36:36.29015+00
5	retraining_trigger	ds	4	2	2026-12-01 21:36:36.29015+00
5	retraining_trigger	mle	8	2	2026-12-01 21:36:36.29015+00
5	rollback_decision	mle	8	2	2026-12-01 21:36:36.29015+00
5	rollback_decision	swe	11	2	2026-12-01 21:36:36.29015+00
6	model_serving	ds	\N	1	2026-12-01 21:36:36.29015+00
6	model_registry	ds	\N	1	2026-12-01 21:36:36.29015+00
6	api_contract	ds	\N	1	2026-12-01 21:36:36.29015+00
6	fallback	ds	\N	1	2026-12-01 21:36:36.29015+00
6	ab_testing	ds	\N	1	2026-12-01 21:36:36.29015+00
6	latency_budget	ds	\N	1	2026-12-01 21:36:36.29015+00
6	monitoring_drift	ds	\N	1	2026-12-01 21:36:36.29015+00
6	on_call	ds	\N	1	2026-12-01 21:36:36.29015+00
6	rollback_decision	ds	\N	1	2026-12-01 21:36:36.29015+00
6	problem_framing	mle	\N	1	2026-12-01 21:36:36.29015+00
6	outcome_logging	mle	\N	1	2026-12-01 21:36:36.29015+00
6	feature_model_choice	mle	\N	1	2026-12-01 21:36:36.29015+00
6	offline_evaluation	mle	\N	1	2026-12-01 21:36:36.29015+00
6	fallback	mle	\N	1	2026-12-01 21:36:36.29015+00
6	ab_testing	mle	\N	1	2026-12-01 21:36:36.29015+00
6	problem_framing	swe	\N	1	2026-12-01 21:36:36.29015+00
6	feature_model_choice	swe	\N	1	2026-12-01 21:36:36.29015+00
6	offline_evaluation	swe	\N	1	2026-12-01 21:36:36.29015+00
6	training_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
6	feature_pipeline	swe	\N	1	2026-12-01 21:36:36.29015+00
6	model_serving	swe	\N	1	2026-12-01 21:36:36.29015+00
6	model_registry	swe	\N	1	2026-12-01 21:36:36.29015+00
6	monitoring_drift	swe	\N	1	2026-12-01 21:36:36.29015+00
6	on_call	swe	\N	1	2026-12-01 21:36:36.29015+00
6	retraining_trigger	swe	\N	1	2026-12-01 21:36:36.29015+00
6	problem_framing	ds	3	2	2026-12-01 21:36:36.29015+00
6	outcome_logging	ds	3	2	2026-12-01 21:36:36.29015+00
6	outcome_logging	swe	9	2	2026-12-01 21:36:36.29015+00
6	feature_model_choice	ds	3	2	2026-12-01 21:36:36.29015+00
6	offline_evaluation	ds	3	2	2026-12-01 21:36:36.29015+00
6	training_pipeline	ds	3	2	2026-12-01 21:36:36.29015+00
6	training_pipeline	mle	6	2	2026-12-01 21:36:36.29015+00
6	feature_pipeline	ds	3	2	2026-12-01 21:36:36.29015+00
6	model_serving	mle	6	2	2026-12-01 21:36:36.29015+00
6	model_registry	mle	6	2	2026-12-01 21:36:36.29015+00
6	api_contract	mle	6	2	2026-12-01 21:36:36.29015+00
6	api_contract	swe	9	2	2026-12-01 21:36:36.29015+00
6	fallback	swe	9	2	2026-12-01 21:36:36.29015+00
6	ab_testing	swe	9	2	2026-12-01 21:36:36.29015+00
6	latency_budget	mle	6	2	2026-12-01 21:36:36.29015+00
6	latency_budget	swe	9	2	2026-12-01 21:36:36.29015+00
6	monitoring_drift	mle	8	2	2026-12-01 21:36:36.29015+00
6	on_call	mle	8	2	2026-12-01 21:36:36.29015+00
6	retraining_trigger	ds	3	2	2026-12-01 21:36:36.29015+00
6	retraining_trigger	mle	8	2	2026-12-01 21:36:36.29015+00
6	rollback_decision	mle	6	2	2026-12-01 21:36:36.29015+00
6	rollback_decision	swe	9	2	2026-12-01 21:36:36.29015+00
6	feature_pipeline	mle	6	2	2026-12-01 21:36:36.29015+00
7	outcome_logging	ds	\N	1	2026-12-01 21:36:40.91681+00
7	feature_model_choice	ds	\N	1	2026-12-01 21:36:40.91681+00
7	offline_evaluation	ds	\N	1	2026-12-01 21:36:40.91681+00
7	training_pipeline	ds	\N	1	2026-12-01 21:36:40.91681+00
7	feature_pipeline	ds	\N	1	2026-12-01 21:36:40.91681+00
7	model_serving	ds	\N	1	2026-12-01 21:36:40.91681+00
7	model_registry	ds	\N	1	2026-12-01 21:36:40.91681+00
7	api_contract	ds	\N	1	2026-12-01 21:36:40.91681+00
7	fallback	ds	\N	1	2026-12-01 21:36:40.91681+00
7	ab_testing	ds	\N	1	2026-12-01 21:36:40.91681+00
7	latency_budget	ds	\N	1	2026-12-01 21:36:40.91681+00
7	monitoring_drift	ds	\N	1	2026-12-01 21:36:40.91681+00
7	on_call	ds	\N	1	2026-12-01 21:36:40.91681+00
7	retraining_trigger	ds	\N	1	2026-12-01 21:36:40.91681+00
7	rollback_decision	ds	\N	1	2026-12-01 21:36:40.91681+00
7	problem_framing	mle	\N	1	2026-12-01 21:36:40.91681+00
7	outcome_logging	mle	\N	1	2026-12-01 21:36:40.91681+00
7	feature_model_choice	mle	\N	1	2026-12-01 21:36:40.91681+00
7	offline_evaluation	mle	\N	1	2026-12-01 21:36:40.91681+00
7	training_pipeline	mle	\N	1	2026-12-01 21:36:40.91681+00
7	feature_pipeline	mle	\N	1	2026-12-01 21:36:40.91681+00
7	model_registry	mle	\N	1	2026-12-01 21:36:40.91681+00
7	api_contract	mle	\N	1	2026-12-01 21:36:40.91681+00
7	fallback	mle	\N	1	2026-12-01 21:36:40.91681+00
7	ab_testing	mle	\N	1	2026-12-01 21:36:40.91681+00
7	latency_budget	mle	\N	1	2026-12-01 21:36:40.91681+00
7	monitoring_drift	mle	\N	1	2026-12-01 21:36:40.91681+00
7	on_call	mle	\N	1	2026-12-01 21:36:40.91681+00
7	retraining_trigger	mle	\N	1	2026-12-01 21:36:40.91681+00
7	rollback_decision	mle	\N	1	2026-12-01 21:36:40.91681+00
7	problem_framing	swe	\N	1	2026-12-01 21:36:40.91681+00
7	outcome_logging	swe	\N	1	2026-12-01 21:36:40.91681+00
7	feature_model_choice	swe	\N	1	2026-12-01 21:36:40.91681+00
7	offline_evaluation	swe	\N	1	2026-12-01 21:36:40.91681+00
7	training_pipeline	swe	\N	1	2026-12-01 21:36:40.91681+00
7	problem_framing	ds	14	2	2026-12-01 21:36:41.073005+00
7	model_serving	mle	15	2	2026-12-01 21:36:41.078417+00
7	feature_pipeline	swe	\N	1	2026-12-01 21:36:40.91681+00
7	model_serving	swe	\N	1	2026-12-01 21:36:40.91681+00
7	model_registry	swe	\N	1	2026-12-01 21:36:40.91681+00
7	api_contract	swe	\N	1	2026-12-01 21:36:40.91681+00
7	fallback	swe	\N	1	2026-12-01 21:36:40.91681+00
7	ab_testing	swe	\N	1	2026-12-01 21:36:40.91681+00
7	latency_budget	swe	\N	1	2026-12-01 21:36:40.91681+00
7	monitoring_drift	swe	\N	1	2026-12-01 21:36:40.91681+00
7	on_call	swe	\N	1	2026-12-01 21:36:40.91681+00
7	retraining_trigger	swe	\N	1	2026-12-01 21:36:40.91681+00
7	rollback_decision	swe	\N	1	2026-12-01 21:36:40.91681+00
8	outcome_logging	ds	\N	1	2026-12-01 21:36:40.972905+00
8	feature_model_choice	ds	\N	1	2026-12-01 21:36:40.972905+00
8	offline_evaluation	ds	\N	1	2026-12-01 21:36:40.972905+00
8	training_pipeline	ds	\N	1	2026-12-01 21:36:40.972905+00
8	feature_pipeline	ds	\N	1	2026-12-01 21:36:40.972905+00
8	model_serving	ds	\N	1	2026-12-01 21:36:40.972905+00
8	model_registry	ds	\N	1	2026-12-01 21:36:40.972905+00
8	api_contract	ds	\N	1	2026-12-01 21:36:40.972905+00
8	fallback	ds	\N	1	2026-12-01 21:36:40.972905+00
8	ab_testing	ds	\N	1	2026-12-01 21:36:40.972905+00
8	latency_budget	ds	\N	1	2026-12-01 21:36:40.972905+00
8	monitoring_drift	ds	\N	1	2026-12-01 21:36:40.972905+00
8	on_call	ds	\N	1	2026-12-01 21:36:40.972905+00
8	retraining_trigger	ds	\N	1	2026-12-01 21:36:40.972905+00
8	rollback_decision	ds	\N	1	2026-12-01 21:36:40.972905+00
8	problem_framing	mle	\N	1	2026-12-01 21:36:40.972905+00
8	outcome_logging	mle	\N	1	2026-12-01 21:36:40.972905+00
8	feature_model_choice	mle	\N	1	2026-12-01 21:36:40.972905+00
8	offline_evaluation	mle	\N	1	2026-12-01 21:36:40.972905+00
8	training_pipeline	mle	\N	1	2026-12-01 21:36:40.972905+00
8	feature_pipeline	mle	\N	1	2026-12-01 21:36:40.972905+00
8	model_registry	mle	\N	1	2026-12-01 21:36:40.972905+00
8	api_contract	mle	\N	1	2026-12-01 21:36:40.972905+00
8	fallback	mle	\N	1	2026-12-01 21:36:40.972905+00
8	ab_testing	mle	\N	1	2026-12-01 21:36:40.972905+00
8	latency_budget	mle	\N	1	2026-12-01 21:36:40.972905+00
8	monitoring_drift	mle	\N	1	2026-12-01 21:36:40.972905+00
8	on_call	mle	\N	1	2026-12-01 21:36:40.972905+00
8	retraining_trigger	mle	\N	1	2026-12-01 21:36:40.972905+00
8	rollback_decision	mle	\N	1	2026-12-01 21:36:40.972905+00
8	problem_framing	swe	\N	1	2026-12-01 21:36:40.972905+00
8	outcome_logging	swe	\N	1	2026-12-01 21:36:40.972905+00
8	feature_model_choice	swe	\N	1	2026-12-01 21:36:40.972905+00
8	offline_evaluation	swe	\N	1	2026-12-01 21:36:40.972905+00
8	training_pipeline	swe	\N	1	2026-12-01 21:36:40.972905+00
8	feature_pipeline	swe	\N	1	2026-12-01 21:36:40.972905+00
8	model_serving	swe	\N	1	2026-12-01 21:36:40.972905+00
8	model_registry	swe	\N	1	2026-12-01 21:36:40.972905+00
8	api_contract	swe	\N	1	2026-12-01 21:36:40.972905+00
8	fallback	swe	\N	1	2026-12-01 21:36:40.972905+00
8	ab_testing	swe	\N	1	2026-12-01 21:36:40.972905+00
8	latency_budget	swe	\N	1	2026-12-01 21:36:40.972905+00
8	monitoring_drift	swe	\N	1	2026-12-01 21:36:40.972905+00
8	on_call	swe	\N	1	2026-12-01 21:36:40.972905+00
8	retraining_trigger	swe	\N	1	2026-12-01 21:36:40.972905+00
8	rollback_decision	swe	\N	1	2026-12-01 21:36:40.972905+00
9	outcome_logging	ds	\N	1	2026-12-01 21:36:41.007744+00
9	feature_model_choice	ds	\N	1	2026-12-01 21:36:41.007744+00
9	offline_evaluation	ds	\N	1	2026-12-01 21:36:41.007744+00
9	training_pipeline	ds	\N	1	2026-12-01 21:36:41.007744+00
9	feature_pipeline	ds	\N	1	2026-12-01 21:36:41.007744+00
9	model_serving	ds	\N	1	2026-12-01 21:36:41.007744+00
9	model_registry	ds	\N	1	2026-12-01 21:36:41.007744+00
9	api_contract	ds	\N	1	2026-12-01 21:36:41.007744+00
9	fallback	ds	\N	1	2026-12-01 21:36:41.007744+00
9	ab_testing	ds	\N	1	2026-12-01 21:36:41.007744+00
9	latency_budget	ds	\N	1	2026-12-01 21:36:41.007744+00
9	monitoring_drift	ds	\N	1	2026-12-01 21:36:41.007744+00
9	on_call	ds	\N	1	2026-12-01 21:36:41.007744+00
9	retraining_trigger	ds	\N	1	2026-12-01 21:36:41.007744+00
9	rollback_decision	ds	\N	1	2026-12-01 21:36:41.007744+00
9	problem_framing	mle	\N	1	2026-12-01 21:36:41.007744+00
9	outcome_logging	mle	\N	1	2026-12-01 21:36:41.007744+00
9	feature_model_choice	mle	\N	1	2026-12-01 21:36:41.007744+00
9	offline_evaluation	mle	\N	1	2026-12-01 21:36:41.007744+00
9	training_pipeline	mle	\N	1	2026-12-01 21:36:41.007744+00
9	feature_pipeline	mle	\N	1	2026-12-01 21:36:41.007744+00
9	model_registry	mle	\N	1	2026-12-01 21:36:41.007744+00
9	api_contract	mle	\N	1	2026-12-01 21:36:41.007744+00
9	fallback	mle	\N	1	2026-12-01 21:36:41.007744+00
9	ab_testing	mle	\N	1	2026-12-01 21:36:41.007744+00
9	latency_budget	mle	\N	1	2026-12-01 21:36:41.007744+00
9	monitoring_drift	mle	\N	1	2026-12-01 21:36:41.007744+00
9	on_call	mle	\N	1	2026-12-01 21:36:41.007744+00
9	retraining_trigger	mle	\N	1	2026-12-01 21:36:41.007744+00
9	rollback_decision	mle	\N	1	2026-12-01 21:36:41.007744+00
9	problem_framing	swe	\N	1	2026-12-01 21:36:41.007744+00
9	outcome_logging	swe	\N	1	2026-12-01 21:36:41.007744+00
9	feature_model_choice	swe	\N	1	2026-12-01 21:36:41.007744+00
9	offline_evaluation	swe	\N	1	2026-12-01 21:36:41.007744+00
9	training_pipeline	swe	\N	1	2026-12-01 21:36:41.007744+00
9	feature_pipeline	swe	\N	1	2026-12-01 21:36:41.007744+00
9	model_serving	swe	\N	1	2026-12-01 21:36:41.007744+00
9	model_registry	swe	\N	1	2026-12-01 21:36:41.007744+00
9	api_contract	swe	\N	1	2026-12-01 21:36:41.007744+00
9	fallback	swe	\N	1	2026-12-01 21:36:41.007744+00
9	ab_testing	swe	\N	1	2026-12-01 21:36:41.007744+00
9	latency_budget	swe	\N	1	2026-12-01 21:36:41.007744+00
9	monitoring_drift	swe	\N	1	2026-12-01 21:36:41.007744+00
9	on_call	swe	\N	1	2026-12-01 21:36:41.007744+00
9	retraining_trigger	swe	\N	1	2026-12-01 21:36:41.007744+00
9	rollback_decision	swe	\N	1	2026-12-01 21:36:41.007744+00
8	model_serving	mle	15	2	2026-12-01 21:36:41.089091+00
9	problem_framing	ds	14	2	2026-12-01 21:36:41.092478+00
8	problem_framing	ds	17	3	2026-12-01 21:36:41.87597+00
9	model_serving	mle	\N	3	2026-12-01 21:36:41.884334+00
\.


--
-- Data for Name: ownership_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ownership_versions (id, actor, project_id, responsibility, role, effective_on, person_id) FROM stdin;
1	maya@example.com	1	problem_framing	ds	2026-06-12	5
2	maya@example.com	1	outcome_logging	ds	2026-06-12	5
3	maya@example.com	1	outcome_logging	swe	2026-06-12	10
4	maya@example.com	1	feature_model_choice	ds	2026-06-12	5
5	maya@example.com	1	offline_evaluation	ds	2026-06-12	5
6	maya@example.com	1	training_pipeline	ds	2026-06-12	5
7	maya@example.com	1	training_pipeline	mle	2026-06-12	6
8	maya@example.com	1	feature_pipeline	ds	2026-06-12	5
9	maya@example.com	1	feature_pipeline	mle	2026-06-12	6
10	maya@example.com	1	model_serving	mle	2026-06-12	6
11	maya@example.com	1	model_registry	mle	2026-06-12	6
12	maya@example.com	1	api_contract	mle	2026-06-12	6
13	maya@example.com	1	api_contract	swe	2026-06-12	10
14	maya@example.com	1	fallback	swe	2026-06-12	10
15	maya@example.com	1	ab_testing	swe	2026-06-12	10
16	maya@example.com	1	latency_budget	mle	2026-06-12	6
17	maya@example.com	1	latency_budget	swe	2026-06-12	10
18	maya@example.com	1	monitoring_drift	mle	2026-06-12	6
19	maya@example.com	1	on_call	mle	2026-06-12	6
20	maya@example.com	1	on_call	swe	2026-06-12	10
21	maya@example.com	1	retraining_trigger	ds	2026-06-12	5
22	maya@example.com	1	retraining_trigger	mle	2026-06-12	6
23	maya@example.com	1	rollback_decision	mle	2026-06-12	6
24	maya@example.com	1	rollback_decision	swe	2026-06-12	10
25	maya@example.com	1	on_call	swe	2026-11-05	12
26	maya@example.com	3	problem_framing	ds	2026-08-31	3
27	maya@example.com	3	outcome_logging	ds	2026-08-31	3
28	maya@example.com	3	outcome_logging	swe	2026-08-31	11
29	maya@example.com	3	feature_model_choice	ds	2026-08-31	3
30	maya@example.com	3	offline_evaluation	ds	2026-08-31	3
31	maya@example.com	3	training_pipeline	ds	2026-08-31	3
32	maya@example.com	3	training_pipeline	mle	2026-08-31	7
33	maya@example.com	3	feature_pipeline	ds	2026-08-31	3
34	maya@example.com	3	feature_pipeline	mle	2026-08-31	7
35	maya@example.com	3	model_serving	mle	2026-08-31	7
36	maya@example.com	3	model_registry	mle	2026-08-31	7
37	maya@example.com	3	api_contract	mle	2026-08-31	7
38	maya@example.com	3	api_contract	swe	2026-08-31	11
39	maya@example.com	3	fallback	swe	2026-08-31	11
40	maya@example.com	3	ab_testing	swe	2026-08-31	11
41	maya@example.com	3	latency_budget	mle	2026-08-31	7
42	maya@example.com	3	on_call	mle	2026-08-31	7
43	maya@example.com	3	on_call	swe	2026-08-31	11
44	maya@example.com	3	retraining_trigger	ds	2026-08-31	3
45	maya@example.com	3	retraining_trigger	mle	2026-08-31	7
46	maya@example.com	3	latency_budget	swe	2026-11-09	12
47	tom@example.com	4	problem_framing	ds	2026-09-18	5
48	tom@example.com	4	outcome_logging	ds	2026-09-18	5
49	tom@example.com	4	outcome_logging	swe	2026-09-18	9
50	tom@example.com	4	feature_model_choice	ds	2026-09-18	5
51	tom@example.com	4	offline_evaluation	ds	2026-09-18	5
52	tom@example.com	4	training_pipeline	ds	2026-09-18	5
53	tom@example.com	4	training_pipeline	mle	2026-09-18	7
54	tom@example.com	4	feature_pipeline	ds	2026-09-18	5
55	tom@example.com	4	feature_pipeline	mle	2026-09-18	7
56	tom@example.com	4	model_serving	mle	2026-09-18	7
57	tom@example.com	4	model_registry	mle	2026-09-18	7
58	tom@example.com	4	api_contract	mle	2026-09-18	7
59	tom@example.com	4	api_contract	swe	2026-09-18	9
60	tom@example.com	4	fallback	swe	2026-09-18	9
61	tom@example.com	4	ab_testing	swe	2026-09-18	9
62	tom@example.com	4	latency_budget	mle	2026-09-18	7
63	tom@example.com	4	latency_budget	swe	2026-09-18	9
64	tom@example.com	4	monitoring_drift	mle	2026-09-18	8
65	tom@example.com	4	on_call	mle	2026-09-18	8
66	tom@example.com	4	on_call	swe	2026-09-18	9
67	tom@example.com	4	retraining_trigger	ds	2026-09-18	5
68	tom@example.com	4	retraining_trigger	mle	2026-09-18	8
69	tom@example.com	4	rollback_decision	mle	2026-09-18	7
70	tom@example.com	4	rollback_decision	swe	2026-09-18	9
71	tom@example.com	5	problem_framing	ds	2026-10-20	4
72	tom@example.com	5	outcome_logging	ds	2026-10-20	4
73	tom@example.com	5	outcome_logging	swe	2026-10-20	11
74	tom@example.com	5	feature_model_choice	ds	2026-10-20	4
75	tom@example.com	5	offline_evaluation	ds	2026-10-20	4
76	tom@example.com	5	training_pipeline	ds	2026-10-20	4
77	tom@example.com	5	training_pipeline	mle	2026-10-20	8
78	tom@example.com	5	feature_pipeline	ds	2026-10-20	4
79	tom@example.com	5	feature_pipeline	mle	2026-10-20	8
80	tom@example.com	5	model_serving	mle	2026-10-20	8
81	tom@example.com	5	model_registry	mle	2026-10-20	8
82	tom@example.com	5	api_contract	mle	2026-10-20	8
83	tom@example.com	5	api_contract	swe	2026-10-20	11
84	tom@example.com	5	fallback	swe	2026-10-20	11
85	tom@example.com	5	ab_testing	swe	2026-10-20	11
86	tom@example.com	5	latency_budget	mle	2026-10-20	8
87	tom@example.com	5	latency_budget	swe	2026-10-20	11
88	tom@example.com	5	monitoring_drift	mle	2026-10-20	8
89	tom@example.com	5	on_call	mle	2026-10-20	8
90	tom@example.com	5	on_call	swe	2026-10-20	11
91	tom@example.com	5	retraining_trigger	ds	2026-10-20	4
92	tom@example.com	5	retraining_trigger	mle	2026-10-20	8
93	tom@example.com	5	rollback_decision	mle	2026-10-20	8
94	tom@example.com	5	rollback_decision	swe	2026-10-20	11
95	maya@example.com	6	problem_framing	ds	2026-10-10	3
96	maya@example.com	6	outcome_logging	ds	2026-10-10	3
97	maya@example.com	6	outcome_logging	swe	2026-10-10	9
98	maya@example.com	6	feature_model_choice	ds	2026-10-10	3
99	maya@example.com	6	offline_evaluation	ds	2026-10-10	3
100	maya@example.com	6	training_pipeline	ds	2026-10-10	3
101	maya@example.com	6	training_pipeline	mle	2026-10-10	6
102	maya@example.com	6	feature_pipeline	ds	2026-10-10	3
103	maya@example.com	6	model_serving	mle	2026-10-10	6
104	maya@example.com	6	model_registry	mle	2026-10-10	6
105	maya@example.com	6	api_contract	mle	2026-10-10	6
106	maya@example.com	6	api_contract	swe	2026-10-10	9
107	maya@example.com	6	fallback	swe	2026-10-10	9
108	maya@example.com	6	ab_testing	swe	2026-10-10	9
109	maya@example.com	6	latency_budget	mle	2026-10-10	6
110	maya@example.com	6	latency_budget	swe	2026-10-10	9
111	maya@example.com	6	monitoring_drift	mle	2026-10-10	8
112	maya@example.com	6	on_call	mle	2026-10-10	8
113	maya@example.com	6	retraining_trigger	ds	2026-10-10	3
114	maya@example.com	6	retraining_trigger	mle	2026-10-10	8
115	maya@example.com	6	rollback_decision	mle	2026-10-10	6
116	maya@example.com	6	rollback_decision	swe	2026-10-10	9
117	maya@example.com	6	feature_pipeline	mle	2026-11-09	6
118	up-member@example.com	7	problem_framing	ds	2026-11-09	14
119	up-member@example.com	7	model_serving	mle	2026-11-09	15
120	up-member@example.com	8	problem_framing	ds	2026-11-09	14
121	up-member@example.com	8	model_serving	mle	2026-11-09	15
122	up-member@example.com	9	problem_framing	ds	2026-11-09	14
123	up-member@example.com	9	model_serving	mle	2026-11-09	15
124	up-member@example.com	8	problem_framing	ds	2026-11-18	17
125	up-member@example.com	9	model_serving	mle	2026-11-18	\N
\.


--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.people (id, name, email, role, active, version, created_at, updated_at) FROM stdin;
1	Maya Chen	maya@example.com	pm	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
2	Tom Okafor	tom@example.com	pm	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
3	Ana Ruiz	ana@example.com	ds	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
5	Omar Haddad	omar@example.com	ds	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
6	Priya Nair	priya@example.com	mle	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
7	Ben Carter	ben@example.com	mle	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
8	Kenji Sato	kenji@example.com	mle	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
9	Sofia Rossi	sofia@example.com	swe	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
10	Chris Doyle	chris@example.com	swe	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
11	Aisha Bello	aisha@example.com	swe	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
12	Jonas Weber	jonas@example.com	swe	t	1	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
4	Lena Fischer	lena@example.com	ds	f	2	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
13	Upgrade PM	person-pm@example.com	pm	t	1	2026-12-01 21:36:40.875501+00	2026-12-01 21:36:40.875501+00
15	Upgrade MLE	person-mle@example.com	mle	t	1	2026-12-01 21:36:40.895111+00	2026-12-01 21:36:40.895111+00
16	Upgrade SWE	person-swe@example.com	swe	t	1	2026-12-01 21:36:40.900926+00	2026-12-01 21:36:40.900926+00
14	Upgrade DS (renamed)	person-ds@example.com	ds	t	2	2026-12-01 21:36:40.882799+00	2026-12-01 21:36:40.910622+00
17	Upgrade DS2	person-ds2@example.com	ds	f	2	2026-12-01 21:36:40.906008+00	2026-12-01 21:36:41.891471+00
\.


--
-- Data for Name: person_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.person_versions (id, actor, person_id, effective_on, active, name) FROM stdin;
1	seed	1	2026-04-23	t	Maya Chen
2	seed	2	2026-04-23	t	Tom Okafor
3	seed	3	2026-04-23	t	Ana Ruiz
4	seed	4	2026-04-23	t	Lena Fischer
5	seed	5	2026-04-23	t	Omar Haddad
6	seed	6	2026-04-23	t	Priya Nair
7	seed	7	2026-04-23	t	Ben Carter
8	seed	8	2026-04-23	t	Kenji Sato
9	seed	9	2026-04-23	t	Sofia Rossi
10	seed	10	2026-04-23	t	Chris Doyle
11	seed	11	2026-04-23	t	Aisha Bello
12	seed	12	2026-04-23	t	Jonas Weber
13	tom@example.com	4	2026-11-09	f	Lena Fischer
14	up-pm@example.com	13	2026-11-09	t	Upgrade PM
15	up-pm@example.com	14	2026-11-09	t	Upgrade DS
16	up-pm@example.com	15	2026-11-09	t	Upgrade MLE
17	up-pm@example.com	16	2026-11-09	t	Upgrade SWE
18	up-pm@example.com	17	2026-11-09	t	Upgrade DS2
19	up-pm@example.com	14	2026-11-09	t	Upgrade DS (renamed)
20	up-pm@example.com	17	2026-11-18	f	Upgrade DS2
\.


--
-- Data for Name: plan_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.plan_versions (id, actor, project_id, stage, effective_on, planned_start, planned_end) FROM stdin;
1	maya@example.com	1	framing	2026-06-12	2026-06-12	2026-06-18
2	maya@example.com	1	data	2026-06-12	2026-06-19	2026-07-02
3	maya@example.com	1	baseline	2026-06-12	2026-07-03	2026-07-16
4	maya@example.com	1	modelling	2026-06-12	2026-07-17	2026-07-30
5	maya@example.com	1	evaluation	2026-06-12	2026-07-31	2026-08-06
6	maya@example.com	1	production	2026-06-12	2026-08-07	2026-08-20
7	maya@example.com	1	monitoring	2026-06-12	2026-08-21	2026-09-17
8	maya@example.com	1	monitoring	2026-08-17	2026-08-21	2027-08-16
9	tom@example.com	2	framing	2026-08-11	2026-08-11	2026-08-17
10	tom@example.com	2	data	2026-08-11	2026-08-18	2026-08-31
11	tom@example.com	2	baseline	2026-08-11	2026-09-01	2026-09-14
12	tom@example.com	2	modelling	2026-08-11	2026-09-15	2026-09-28
13	tom@example.com	2	evaluation	2026-08-11	2026-09-29	2026-10-05
14	tom@example.com	2	production	2026-08-11	2026-10-06	2026-10-19
15	tom@example.com	2	monitoring	2026-08-11	2026-10-20	2026-11-16
16	maya@example.com	3	framing	2026-08-31	2026-08-31	2026-09-06
17	maya@example.com	3	data	2026-08-31	2026-09-07	2026-09-20
18	maya@example.com	3	baseline	2026-08-31	2026-09-21	2026-10-04
19	maya@example.com	3	modelling	2026-08-31	2026-10-05	2026-10-18
20	maya@example.com	3	evaluation	2026-08-31	2026-10-19	2026-10-25
21	maya@example.com	3	production	2026-08-31	2026-10-26	2026-11-08
22	maya@example.com	3	monitoring	2026-08-31	2026-11-09	2026-12-06
23	maya@example.com	3	production	2026-11-01	2026-10-26	2026-11-16
24	tom@example.com	4	framing	2026-09-18	2026-09-18	2026-09-24
25	tom@example.com	4	data	2026-09-18	2026-09-25	2026-10-08
26	tom@example.com	4	baseline	2026-09-18	2026-10-09	2026-10-22
27	tom@example.com	4	modelling	2026-09-18	2026-10-23	2026-11-05
28	tom@example.com	4	evaluation	2026-09-18	2026-11-06	2026-11-12
29	tom@example.com	4	production	2026-09-18	2026-11-13	2026-11-26
30	tom@example.com	4	monitoring	2026-09-18	2026-11-27	2026-12-24
31	tom@example.com	5	framing	2026-10-20	2026-10-20	2026-10-26
32	tom@example.com	5	data	2026-10-20	2026-10-27	2026-11-09
33	tom@example.com	5	baseline	2026-10-20	2026-11-10	2026-11-23
34	tom@example.com	5	modelling	2026-10-20	2026-11-24	2026-12-07
35	tom@example.com	5	evaluation	2026-10-20	2026-12-08	2026-12-14
36	tom@example.com	5	production	2026-10-20	2026-12-15	2026-12-28
37	tom@example.com	5	monitoring	2026-10-20	2026-12-29	2027-01-25
38	maya@example.com	6	framing	2026-10-10	2026-10-10	2026-10-16
39	maya@example.com	6	data	2026-10-10	2026-10-17	2026-10-30
40	maya@example.com	6	baseline	2026-10-10	2026-10-31	2026-11-13
41	maya@example.com	6	modelling	2026-10-10	2026-11-14	2026-11-27
42	maya@example.com	6	evaluation	2026-10-10	2026-11-28	2026-12-04
43	maya@example.com	6	production	2026-10-10	2026-12-05	2026-12-18
44	maya@example.com	6	monitoring	2026-10-10	2026-12-19	2027-01-15
45	up-pm@example.com	7	framing	2026-11-09	2026-10-12	2026-10-18
46	up-pm@example.com	7	data	2026-11-09	2026-10-19	2026-11-01
47	up-pm@example.com	7	baseline	2026-11-09	2026-11-02	2026-11-15
48	up-pm@example.com	7	modelling	2026-11-09	2026-11-16	2026-11-29
49	up-pm@example.com	7	evaluation	2026-11-09	2026-11-30	2026-12-06
50	up-pm@example.com	7	production	2026-11-09	2026-12-07	2026-12-20
51	up-pm@example.com	7	monitoring	2026-11-09	2026-12-21	2027-01-17
52	up-pm@example.com	8	framing	2026-11-09	2026-10-26	2026-11-01
53	up-pm@example.com	8	data	2026-11-09	2026-11-02	2026-11-15
54	up-pm@example.com	8	baseline	2026-11-09	2026-11-16	2026-11-29
55	up-pm@example.com	8	modelling	2026-11-09	2026-11-30	2026-12-13
56	up-pm@example.com	8	evaluation	2026-11-09	2026-12-14	2026-12-20
57	up-pm@example.com	8	production	2026-11-09	2026-12-21	2027-01-03
58	up-pm@example.com	8	monitoring	2026-11-09	2027-01-04	2027-01-31
59	up-pm@example.com	9	framing	2026-11-09	2026-11-02	2026-11-08
60	up-pm@example.com	9	data	2026-11-09	2026-11-09	2026-11-22
61	up-pm@example.com	9	baseline	2026-11-09	2026-11-23	2026-12-06
62	up-pm@example.com	9	modelling	2026-11-09	2026-12-07	2026-12-20
63	up-pm@example.com	9	evaluation	2026-11-09	2026-12-21	2026-12-27
64	up-pm@example.com	9	production	2026-11-09	2026-12-28	2027-01-10
65	up-pm@example.com	9	monitoring	2026-11-09	2027-01-11	2027-02-07
66	up-pm@example.com	7	data	2026-11-09	2026-10-19	2026-11-15
\.


--
-- Data for Name: project_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.project_versions (id, actor, project_id, effective_on, name, pm_id, status, stage, target_launch_on, decision, primary_metric, secondary_constraint, worse_error, fallback, monitoring_trigger, baseline) FROM stdin;
1	maya@example.com	1	2026-06-12	Spam filter for messaging	1	active	framing	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
2	maya@example.com	1	2026-06-19	Spam filter for messaging	1	active	data	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
3	maya@example.com	1	2026-06-26	Spam filter for messaging	1	active	baseline	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
4	maya@example.com	1	2026-07-10	Spam filter for messaging	1	active	modelling	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
5	maya@example.com	1	2026-07-24	Spam filter for messaging	1	active	evaluation	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
6	maya@example.com	1	2026-08-01	Spam filter for messaging	1	active	production	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
7	maya@example.com	1	2026-08-17	Spam filter for messaging	1	active	monitoring	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
8	maya@example.com	1	2026-08-17	Spam filter for messaging	1	active	monitoring	2026-08-17	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81
9	tom@example.com	2	2026-08-11	Dynamic pricing	2	active	framing	2026-12-09	The price shown for each route and departure day	Revenue per seat up 3 % in an A/B test	\N	\N	\N	\N	\N
10	tom@example.com	2	2026-08-21	Dynamic pricing	2	active	data	2026-12-09	The price shown for each route and departure day	Revenue per seat up 3 % in an A/B test	\N	\N	\N	\N	\N
11	tom@example.com	2	2026-09-30	Dynamic pricing	2	paused	data	2026-12-09	The price shown for each route and departure day	Revenue per seat up 3 % in an A/B test	\N	\N	\N	\N	\N
12	maya@example.com	3	2026-08-31	Long-tail product recommendations	1	active	framing	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
13	maya@example.com	3	2026-09-07	Long-tail product recommendations	1	active	data	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
14	maya@example.com	3	2026-09-14	Long-tail product recommendations	1	active	baseline	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
15	maya@example.com	3	2026-09-28	Long-tail product recommendations	1	active	modelling	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
16	maya@example.com	3	2026-10-19	Long-tail product recommendations	1	active	evaluation	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
17	maya@example.com	3	2026-11-01	Long-tail product recommendations	1	active	evaluation	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
18	maya@example.com	3	2026-11-02	Long-tail product recommendations	1	active	production	2026-11-16	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising
19	tom@example.com	4	2026-09-18	Card fraud flags	2	active	framing	2026-11-27	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95
20	tom@example.com	4	2026-09-20	Card fraud flags	2	active	data	2026-11-27	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95
21	tom@example.com	4	2026-10-04	Card fraud flags	2	active	baseline	2026-11-27	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95
22	tom@example.com	4	2026-10-18	Card fraud flags	2	active	modelling	2026-11-27	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95
23	tom@example.com	4	2026-11-01	Card fraud flags	2	active	evaluation	2026-11-27	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95
24	tom@example.com	5	2026-10-20	Instant-loan credit risk	2	active	framing	2027-01-08	Approve an instant loan, or send it to an underwriter	Default rate of approved loans below 2 % at 60 % approval	Adverse-action reasons for every decline	Approving a borrower who defaults costs the principal	\N	\N	Scorecard v2: 3.1 % defaults at 60 % approval
25	tom@example.com	5	2026-10-27	Instant-loan credit risk	2	active	data	2027-01-08	Approve an instant loan, or send it to an underwriter	Default rate of approved loans below 2 % at 60 % approval	Adverse-action reasons for every decline	Approving a borrower who defaults costs the principal	\N	\N	Scorecard v2: 3.1 % defaults at 60 % approval
26	maya@example.com	6	2026-10-10	Churn prediction	1	active	framing	2026-12-14	Which subscribers get a retention offer this month	Recall of 0.70 on next-month churners in the top decile	At most 15 % of subscribers receive an offer	A missed churner costs more than an unneeded discount	Last quarter's rule: offers to anyone with two failed payments	Top-decile recall below 0.6 for two monthly cohorts	Failed-payment rule: recall 0.41
27	maya@example.com	6	2026-10-12	Churn prediction	1	active	data	2026-12-14	Which subscribers get a retention offer this month	Recall of 0.70 on next-month churners in the top decile	At most 15 % of subscribers receive an offer	A missed churner costs more than an unneeded discount	Last quarter's rule: offers to anyone with two failed payments	Top-decile recall below 0.6 for two monthly cohorts	Failed-payment rule: recall 0.41
28	maya@example.com	6	2026-10-24	Churn prediction	1	active	baseline	2026-12-14	Which subscribers get a retention offer this month	Recall of 0.70 on next-month churners in the top decile	At most 15 % of subscribers receive an offer	A missed churner costs more than an unneeded discount	Last quarter's rule: offers to anyone with two failed payments	Top-decile recall below 0.6 for two monthly cohorts	Failed-payment rule: recall 0.41
29	maya@example.com	6	2026-11-07	Churn prediction	1	active	modelling	2026-12-14	Which subscribers get a retention offer this month	Recall of 0.70 on next-month churners in the top decile	At most 15 % of subscribers receive an offer	A missed churner costs more than an unneeded discount	Last quarter's rule: offers to anyone with two failed payments	Top-decile recall below 0.6 for two monthly cohorts	Failed-payment rule: recall 0.41
30	up-pm@example.com	7	2026-11-09	Upgrade project 1	13	active	framing	2027-02-01	Which invoices go to manual review	Precision of 0.9 at 20 % recall	\N	\N	\N	\N	\N
31	up-pm@example.com	8	2026-11-09	Upgrade project 2	13	active	framing	2027-02-01	Which tickets are routed to tier 2	Routing accuracy above 85 %	\N	\N	Round robin	\N	\N
32	up-pm@example.com	9	2026-11-09	Upgrade project 3	13	active	framing	2027-02-01	Which stores are restocked first	MAPE under 12 % on weekly demand	\N	\N	\N	\N	\N
33	up-pm@example.com	7	2026-11-09	Upgrade project 1	13	active	framing	2027-02-01	Which invoices go to manual review	Precision of 0.9 at 20 % recall	\N	A missed fraud case	\N	\N	Rules v3
34	up-pm@example.com	8	2026-11-09	Upgrade project 2 (ticket routing)	13	active	framing	2027-02-15	Which tickets are routed to tier 2	Routing accuracy above 85 %	\N	\N	Round robin	\N	\N
35	up-pm@example.com	7	2026-11-18	Upgrade project 1	13	active	data	2027-02-01	Which invoices go to manual review	Precision of 0.9 at 20 % recall	\N	A missed fraud case	\N	\N	Rules v3
36	up-pm@example.com	8	2026-11-18	Upgrade project 2 (ticket routing)	13	active	data	2027-02-15	Which tickets are routed to tier 2	Routing accuracy above 85 %	\N	\N	Round robin	\N	\N
37	up-pm@example.com	7	2026-11-25	Upgrade project 1	13	active	baseline	2027-02-01	Which invoices go to manual review	Precision of 0.9 at 20 % recall	\N	A missed fraud case	\N	\N	Rules v3
38	up-pm@example.com	9	2026-11-25	Upgrade project 3	13	paused	framing	2027-02-01	Which stores are restocked first	MAPE under 12 % on weekly demand	\N	\N	\N	\N	\N
39	up-pm@example.com	8	2026-11-25	Upgrade project 2 (ticket routing)	13	active	data	2027-02-15	Which tickets are routed to tier 2	Routing accuracy above 85 %	\N	\N	Round robin	Weekly drift report	\N
\.


--
-- Data for Name: projects; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.projects (id, name, pm_id, kickoff_on, target_launch_on, status, stage, decision, primary_metric, secondary_constraint, worse_error, fallback, monitoring_trigger, baseline, version, created_on, created_at, updated_at) FROM stdin;
1	Spam filter for messaging	1	2026-06-12	2026-08-17	active	monitoring	Move a message to the spam folder or deliver it	Spam recall of at least 0.97 on the weekly labelled sample	False positives below 0.1 % of delivered mail	A real message in spam: users miss it and lose trust	Deliver everything and rely on the old keyword rules	Recall below 0.95 or user spam reports up 20 % week on week	Keyword rules: recall 0.81	8	2026-06-12	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
2	Dynamic pricing	2	2026-08-11	2026-12-09	paused	data	The price shown for each route and departure day	Revenue per seat up 3 % in an A/B test	\N	\N	\N	\N	\N	3	2026-08-11	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
3	Long-tail product recommendations	1	2026-08-31	2026-11-16	active	production	Which long-tail products to show in the "you may also like" row	Offline precision@10 of 0.88, against 0.71 for the manual top-200	p99 latency under 40 ms	An irrelevant item: it costs the slot a best seller would fill	Show the manual top-200 list	Click-through 10 % below the top-200 control for 3 days	Manual top-200 list curated by merchandising	7	2026-08-31	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
4	Card fraud flags	2	2026-09-18	2026-11-27	active	evaluation	Hold a card payment for manual review, or let it through	Recall of at least 0.90 at precision of at least 0.95	Decision within 150 ms at checkout	A missed fraud costs the chargeback; a false flag costs a customer, so precision is held at 0.95	Manual review queue with the current rules	Weekly recall on confirmed chargebacks below 0.85	Rule engine: recall 0.62 at precision 0.95	5	2026-09-18	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
5	Instant-loan credit risk	2	2026-10-20	2027-01-08	active	data	Approve an instant loan, or send it to an underwriter	Default rate of approved loans below 2 % at 60 % approval	Adverse-action reasons for every decline	Approving a borrower who defaults costs the principal	\N	\N	Scorecard v2: 3.1 % defaults at 60 % approval	2	2026-10-20	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
6	Churn prediction	1	2026-10-10	2026-12-14	active	modelling	Which subscribers get a retention offer this month	Recall of 0.70 on next-month churners in the top decile	At most 15 % of subscribers receive an offer	A missed churner costs more than an unneeded discount	Last quarter's rule: offers to anyone with two failed payments	Top-decile recall below 0.6 for two monthly cohorts	Failed-payment rule: recall 0.41	4	2026-10-10	2026-12-01 21:36:36.29015+00	2026-12-01 21:36:36.29015+00
7	Upgrade project 1	13	2026-10-12	2027-02-01	active	baseline	Which invoices go to manual review	Precision of 0.9 at 20 % recall	\N	A missed fraud case	\N	\N	Rules v3	4	2026-11-09	2026-12-01 21:36:40.91681+00	2026-12-01 21:36:42.781689+00
9	Upgrade project 3	13	2026-11-02	2027-02-01	paused	framing	Which stores are restocked first	MAPE under 12 % on weekly demand	\N	\N	\N	\N	\N	2	2026-11-09	2026-12-01 21:36:41.007744+00	2026-12-01 21:36:42.869923+00
8	Upgrade project 2 (ticket routing)	13	2026-10-26	2027-02-15	active	data	Which tickets are routed to tier 2	Routing accuracy above 85 %	\N	\N	Round robin	Weekly drift report	\N	4	2026-11-09	2026-12-01 21:36:40.972905+00	2026-12-01 21:36:43.088132+00
\.


--
-- Data for Name: responsibilities; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.responsibilities (project_id, key, "position", name, needed_by, expects_ds, expects_mle, expects_swe, handoff) FROM stdin;
1	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
1	outcome_logging	2	Outcome and label logging	data	t	f	t	a
1	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
1	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
1	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
1	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
1	model_serving	7	Model serving	production	f	t	f	\N
1	model_registry	8	Model registry and versioning	production	f	t	f	\N
1	api_contract	9	API contract and product integration	production	f	t	t	c
1	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
1	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
1	latency_budget	12	Latency budget	production	f	t	t	\N
1	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
1	on_call	14	On-call for model health	monitoring	f	t	t	\N
1	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
1	rollback_decision	16	Rollback decision	production	f	t	t	\N
2	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
2	outcome_logging	2	Outcome and label logging	data	t	f	t	a
2	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
2	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
2	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
2	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
2	model_serving	7	Model serving	production	f	t	f	\N
2	model_registry	8	Model registry and versioning	production	f	t	f	\N
2	api_contract	9	API contract and product integration	production	f	t	t	c
2	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
2	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
2	latency_budget	12	Latency budget	production	f	t	t	\N
2	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
2	on_call	14	On-call for model health	monitoring	f	t	t	\N
2	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
2	rollback_decision	16	Rollback decision	production	f	t	t	\N
3	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
3	outcome_logging	2	Outcome and label logging	data	t	f	t	a
3	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
3	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
3	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
3	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
3	model_serving	7	Model serving	production	f	t	f	\N
3	model_registry	8	Model registry and versioning	production	f	t	f	\N
3	api_contract	9	API contract and product integration	production	f	t	t	c
3	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
3	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
3	latency_budget	12	Latency budget	production	f	t	t	\N
3	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
3	on_call	14	On-call for model health	monitoring	f	t	t	\N
3	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
3	rollback_decision	16	Rollback decision	production	f	t	t	\N
4	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
4	outcome_logging	2	Outcome and label logging	data	t	f	t	a
4	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
4	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
4	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
4	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
4	model_serving	7	Model serving	production	f	t	f	\N
4	model_registry	8	Model registry and versioning	production	f	t	f	\N
4	api_contract	9	API contract and product integration	production	f	t	t	c
4	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
4	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
4	latency_budget	12	Latency budget	production	f	t	t	\N
4	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
4	on_call	14	On-call for model health	monitoring	f	t	t	\N
4	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
4	rollback_decision	16	Rollback decision	production	f	t	t	\N
5	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
5	outcome_logging	2	Outcome and label logging	data	t	f	t	a
5	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
5	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
5	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
5	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
5	model_serving	7	Model serving	production	f	t	f	\N
5	model_registry	8	Model registry and versioning	production	f	t	f	\N
5	api_contract	9	API contract and product integration	production	f	t	t	c
5	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
5	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
5	latency_budget	12	Latency budget	production	f	t	t	\N
5	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
5	on_call	14	On-call for model health	monitoring	f	t	t	\N
5	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
5	rollback_decision	16	Rollback decision	production	f	t	t	\N
6	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
6	outcome_logging	2	Outcome and label logging	data	t	f	t	a
6	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
6	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
6	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
6	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
6	model_serving	7	Model serving	production	f	t	f	\N
6	model_registry	8	Model registry and versioning	production	f	t	f	\N
6	api_contract	9	API contract and product integration	production	f	t	t	c
6	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
6	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
6	latency_budget	12	Latency budget	production	f	t	t	\N
6	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
6	on_call	14	On-call for model health	monitoring	f	t	t	\N
6	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
6	rollback_decision	16	Rollback decision	production	f	t	t	\N
7	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
7	outcome_logging	2	Outcome and label logging	data	t	f	t	a
7	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
7	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
7	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
7	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
7	model_serving	7	Model serving	production	f	t	f	\N
7	model_registry	8	Model registry and versioning	production	f	t	f	\N
7	api_contract	9	API contract and product integration	production	f	t	t	c
7	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
7	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
7	latency_budget	12	Latency budget	production	f	t	t	\N
7	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
7	on_call	14	On-call for model health	monitoring	f	t	t	\N
7	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
7	rollback_decision	16	Rollback decision	production	f	t	t	\N
8	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
8	outcome_logging	2	Outcome and label logging	data	t	f	t	a
8	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
8	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
8	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
8	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
8	model_serving	7	Model serving	production	f	t	f	\N
8	model_registry	8	Model registry and versioning	production	f	t	f	\N
8	api_contract	9	API contract and product integration	production	f	t	t	c
8	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
8	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
8	latency_budget	12	Latency budget	production	f	t	t	\N
8	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
8	on_call	14	On-call for model health	monitoring	f	t	t	\N
8	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
8	rollback_decision	16	Rollback decision	production	f	t	t	\N
9	problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
9	outcome_logging	2	Outcome and label logging	data	t	f	t	a
9	feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
9	offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
9	training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
9	feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
9	model_serving	7	Model serving	production	f	t	f	\N
9	model_registry	8	Model registry and versioning	production	f	t	f	\N
9	api_contract	9	API contract and product integration	production	f	t	t	c
9	fallback	10	Fallback behaviour and error states	production	f	f	t	\N
9	ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
9	latency_budget	12	Latency budget	production	f	t	t	\N
9	monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
9	on_call	14	On-call for model health	monitoring	f	t	t	\N
9	retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
9	rollback_decision	16	Rollback decision	production	f	t	t	\N
\.


--
-- Data for Name: responsibility_templates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.responsibility_templates (key, "position", name, needed_by, expects_ds, expects_mle, expects_swe, handoff) FROM stdin;
problem_framing	1	Problem framing and data understanding	framing	t	f	f	\N
outcome_logging	2	Outcome and label logging	data	t	f	t	a
feature_model_choice	3	Feature selection and model choice	baseline	t	f	f	\N
offline_evaluation	4	Offline evaluation and error analysis	modelling	t	f	f	\N
training_pipeline	5	Reproducible training pipeline	evaluation	t	t	f	b
feature_pipeline	6	Feature pipeline, training/serving parity	production	t	t	f	\N
model_serving	7	Model serving	production	f	t	f	\N
model_registry	8	Model registry and versioning	production	f	t	f	\N
api_contract	9	API contract and product integration	production	f	t	t	c
fallback	10	Fallback behaviour and error states	production	f	f	t	\N
ab_testing	11	A/B test wiring and experiment logging	production	f	f	t	\N
latency_budget	12	Latency budget	production	f	t	t	\N
monitoring_drift	13	Monitoring and drift detection	monitoring	f	t	f	d
on_call	14	On-call for model health	monitoring	f	t	t	\N
retraining_trigger	15	Retraining trigger: decide (DS) and execute (MLE)	monitoring	t	t	f	\N
rollback_decision	16	Rollback decision	production	f	t	t	\N
\.


--
-- Data for Name: risk_deltas; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_deltas (on_day, severity, delta) FROM stdin;
2026-08-11	0	20
2026-08-11	1	1
2026-08-11	2	2
2026-08-11	3	1
2026-08-12	1	1
2026-08-17	2	1
2026-08-18	1	1
2026-08-18	2	-1
2026-08-19	1	-1
2026-08-19	2	1
2026-08-21	0	-1
2026-08-21	1	-1
2026-08-21	2	5
2026-08-21	3	2
2026-08-26	1	1
2026-08-31	0	4
2026-09-01	1	1
2026-09-02	1	-1
2026-09-02	3	1
2026-09-07	2	1
2026-09-08	2	-1
2026-09-09	1	1
2026-09-11	0	1
2026-09-15	1	-1
2026-09-15	2	1
2026-09-16	3	1
2026-09-21	0	1
2026-09-23	2	1
2026-09-28	0	-3
2026-09-28	1	3
2026-09-30	0	-20
2026-09-30	1	-2
2026-09-30	2	-10
2026-09-30	3	-5
2026-10-12	0	-1
2026-10-12	1	1
2026-10-13	1	1
2026-10-16	1	-1
2026-10-19	0	-1
2026-10-19	1	-2
2026-10-19	2	3
2026-10-20	1	1
2026-10-25	1	-1
2026-10-26	1	1
2026-11-02	1	-2
2026-11-02	2	-2
2026-11-02	3	3
2026-11-05	1	-1
2026-11-26	0	1
2026-12-01	2	1
2026-12-08	1	-1
2026-12-17	0	-1
2026-12-17	1	1
2027-08-17	1	1
2027-08-31	1	-1
2027-08-31	2	1
2026-10-10	0	2
2026-10-27	2	3
2026-10-28	2	-1
2026-10-31	1	1
2026-11-04	1	1
2026-11-07	0	-1
2026-11-07	2	1
2026-11-08	1	1
2026-11-09	3	1
2026-11-11	1	-1
2026-11-11	2	1
2026-11-13	1	1
2026-11-14	1	1
2026-11-15	1	1
2026-11-19	1	1
2026-11-21	1	-1
2026-11-21	3	1
2026-11-22	2	1
2026-11-25	3	1
2026-11-26	1	-1
2026-11-26	2	1
2026-11-27	1	-1
2026-11-27	2	1
2026-11-28	1	1
2026-11-29	2	1
2026-11-30	0	2
2026-12-02	2	1
2026-12-05	2	-1
2026-12-05	3	1
2026-12-06	3	1
2026-12-09	0	-1
2026-12-09	1	1
2026-12-09	3	1
2026-12-10	2	-1
2026-12-10	3	1
2026-12-12	2	1
2026-12-13	1	-1
2026-12-13	3	1
2026-12-16	1	1
2026-12-16	3	1
2026-12-19	1	-1
2026-12-19	2	1
2026-12-20	2	-1
2026-12-20	3	1
2026-12-21	0	-2
2026-12-21	1	2
2026-12-23	1	-1
2026-12-23	3	1
2026-12-27	2	-1
2026-12-27	3	1
2026-12-30	2	-1
2026-12-30	3	1
2027-01-02	2	-1
2027-01-02	3	1
2027-01-05	1	-1
2027-01-06	2	-1
2027-01-06	3	1
2027-01-19	2	-1
2027-01-19	3	1
2027-01-23	1	1
2027-01-30	1	-1
2027-01-30	2	1
2027-02-13	2	-1
2027-02-13	3	1
2026-11-10	2	1
2026-11-17	2	1
2026-11-23	1	-1
2026-11-23	2	1
2026-11-24	2	2
2026-11-24	3	1
2026-11-25	0	-21
2026-12-08	3	1
2026-12-15	1	-1
2026-12-22	2	-2
2026-12-29	2	-1
2026-11-09	0	60
2026-11-09	1	7
2026-11-09	2	9
2026-11-10	1	2
2026-11-16	1	0
2026-11-16	2	1
2026-11-17	1	2
2026-11-17	3	1
2026-11-18	0	0
2026-11-18	1	2
2026-11-18	2	5
2026-11-18	3	5
2026-11-24	1	-1
2026-11-25	2	-6
2026-11-30	1	-2
2026-11-30	2	2
2026-12-01	3	2
2026-12-08	2	2
2026-12-15	3	2
2026-12-16	0	1
2026-12-22	3	3
2026-12-29	1	0
2026-12-29	3	2
2027-01-05	2	0
2027-01-05	3	1
2027-01-06	0	-2
2027-01-06	1	2
2027-01-12	2	-1
2027-01-12	3	1
2027-02-16	1	2
2027-02-23	1	-2
2027-02-23	2	2
2027-03-09	2	-2
2027-03-09	3	2
\.


--
-- Data for Name: risk_holders; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_holders (project_id, person_id, from_on, to_on) FROM stdin;
3	3	2026-08-31	\N
1	5	2026-06-12	\N
1	6	2026-06-12	\N
3	7	2026-08-31	\N
1	10	2026-06-12	\N
3	11	2026-08-31	\N
3	12	2026-11-09	\N
1	12	2026-11-05	\N
6	3	2026-10-10	\N
4	5	2026-09-18	\N
6	6	2026-10-10	\N
4	7	2026-09-18	\N
6	8	2026-10-10	\N
5	8	2026-10-20	\N
4	8	2026-09-18	\N
6	9	2026-10-10	\N
4	9	2026-09-18	\N
5	11	2026-10-20	\N
5	4	2026-10-20	\N
9	15	2026-11-09	2026-11-18
7	15	2026-11-09	\N
9	14	2026-11-09	2026-11-25
7	14	2026-11-09	\N
8	15	2026-11-09	\N
8	14	2026-11-09	2026-11-18
8	17	2026-11-18	\N
\.


--
-- Data for Name: risk_profile; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_profile (project_id, from_on, to_on, worst, n_critical, n_high, n_medium, n_low, launch_on, first_kind, first_subject) FROM stdin;
1	2026-08-17	2026-08-18	2	0	1	0	0	2026-08-17	3	handoff/d
1	2026-09-21	2026-10-12	0	0	0	0	1	2026-08-17	7	project
1	2026-10-12	2026-11-05	1	0	0	1	0	2026-08-17	7	project
1	2026-11-26	2026-12-17	0	0	0	0	1	2026-08-17	7	project
1	2026-12-17	2027-08-17	1	0	0	1	0	2026-08-17	7	project
1	2027-08-17	2027-08-31	1	0	0	2	0	2026-08-17	4	stage/monitoring
1	2027-08-31	\N	2	0	1	1	0	2026-08-17	4	stage/monitoring
2	2026-08-11	2026-08-12	3	1	2	1	20	2026-12-09	0	problem_framing/ds
2	2026-08-12	2026-08-18	3	1	2	2	20	2026-12-09	0	problem_framing/ds
2	2026-08-18	2026-08-19	3	1	2	3	20	2026-12-09	0	problem_framing/ds
2	2026-08-19	2026-08-21	3	1	3	2	20	2026-12-09	0	problem_framing/ds
2	2026-08-21	2026-08-26	3	3	8	1	19	2026-12-09	0	outcome_logging/ds
2	2026-08-26	2026-09-01	3	3	8	2	19	2026-12-09	0	outcome_logging/ds
2	2026-09-01	2026-09-02	3	3	8	3	19	2026-12-09	0	outcome_logging/ds
2	2026-09-02	2026-09-09	3	4	8	2	19	2026-12-09	0	outcome_logging/ds
2	2026-09-09	2026-09-11	3	4	8	3	19	2026-12-09	0	outcome_logging/ds
2	2026-09-11	2026-09-15	3	4	8	3	20	2026-12-09	0	outcome_logging/ds
2	2026-09-15	2026-09-16	3	4	9	2	20	2026-12-09	0	outcome_logging/ds
2	2026-09-16	2026-09-23	3	5	9	2	20	2026-12-09	0	outcome_logging/ds
2	2026-09-23	2026-09-30	3	5	10	2	20	2026-12-09	0	outcome_logging/ds
3	2026-08-31	2026-09-07	0	0	0	0	4	2026-11-16	0	latency_budget/swe
3	2026-09-07	2026-09-08	2	0	1	0	4	2026-11-16	3	handoff/a
3	2026-09-08	2026-09-28	0	0	0	0	4	2026-11-16	0	latency_budget/swe
3	2026-09-28	2026-10-13	1	0	0	3	1	2026-11-16	0	latency_budget/swe
3	2026-10-13	2026-10-16	1	0	0	4	1	2026-11-16	0	latency_budget/swe
3	2026-10-16	2026-10-19	1	0	0	3	1	2026-11-16	0	latency_budget/swe
3	2026-10-19	2026-10-20	2	0	3	1	0	2026-11-16	0	latency_budget/swe
3	2026-10-20	2026-10-25	2	0	3	2	0	2026-11-16	0	latency_budget/swe
3	2026-10-25	2026-10-26	2	0	3	1	0	2026-11-16	0	latency_budget/swe
3	2026-10-26	2026-11-02	2	0	3	2	0	2026-11-16	0	latency_budget/swe
3	2026-11-02	2026-11-09	3	3	1	0	0	2026-11-16	0	latency_budget/swe
3	2026-11-09	2026-11-17	3	2	1	0	0	2026-11-16	0	rollback_decision/mle
3	2026-11-17	2026-11-30	3	2	1	1	0	2026-11-16	0	rollback_decision/mle
3	2026-11-30	2026-12-01	3	2	1	1	1	2026-11-16	0	rollback_decision/mle
3	2026-12-01	2026-12-08	3	2	2	1	1	2026-11-16	0	rollback_decision/mle
3	2026-12-08	2026-12-21	3	2	3	0	1	2026-11-16	0	rollback_decision/mle
3	2026-12-21	2026-12-22	3	2	3	1	0	2026-11-16	0	rollback_decision/mle
3	2026-12-22	\N	3	3	2	1	0	2026-11-16	0	rollback_decision/mle
4	2026-10-31	2026-11-07	1	0	0	1	0	2026-11-27	1	checkpoint/29
4	2026-11-07	2026-11-08	2	0	1	0	0	2026-11-27	1	checkpoint/29
4	2026-11-08	2026-11-13	2	0	1	1	0	2026-11-27	1	checkpoint/29
4	2026-11-13	2026-11-14	2	0	1	2	0	2026-11-27	1	checkpoint/29
4	2026-11-14	2026-11-19	2	0	1	3	0	2026-11-27	1	checkpoint/29
4	2026-11-19	2026-11-21	2	0	1	4	0	2026-11-27	1	checkpoint/29
4	2026-11-21	2026-11-25	3	1	1	3	0	2026-11-27	1	checkpoint/29
4	2026-11-25	2026-11-26	3	1	1	3	1	2026-11-27	1	checkpoint/29
4	2026-11-26	2026-11-27	3	1	2	2	1	2026-11-27	1	checkpoint/29
4	2026-11-27	2026-12-05	3	1	3	1	1	2026-11-27	1	checkpoint/29
4	2026-12-05	2026-12-10	3	2	2	1	1	2026-11-27	1	checkpoint/29
4	2026-12-10	2026-12-12	3	3	1	1	1	2026-11-27	1	checkpoint/29
4	2026-12-12	2026-12-16	3	3	1	2	1	2026-11-27	1	checkpoint/29
4	2026-12-16	2026-12-19	3	3	1	3	0	2026-11-27	1	checkpoint/29
4	2026-12-19	2027-01-02	3	3	2	2	0	2026-11-27	1	checkpoint/29
4	2027-01-02	\N	3	4	1	2	0	2026-11-27	1	checkpoint/29
5	2026-10-27	2026-10-28	2	0	3	0	0	2027-01-08	3	handoff/a
5	2026-10-28	2026-11-04	2	0	2	0	0	2027-01-08	5	spec/fallback
5	2026-11-04	2026-11-09	2	0	2	1	0	2027-01-08	5	spec/fallback
5	2026-11-09	2026-11-10	3	2	3	2	3	2027-01-08	0	outcome_logging/ds
5	2026-11-10	2026-11-11	3	2	3	3	3	2027-01-08	0	outcome_logging/ds
5	2026-11-11	2026-11-18	3	2	4	2	3	2027-01-08	0	outcome_logging/ds
5	2026-11-18	2026-11-24	3	2	4	3	4	2027-01-08	0	outcome_logging/ds
5	2026-11-24	2026-11-25	3	2	5	2	4	2027-01-08	0	outcome_logging/ds
5	2026-11-25	2026-12-02	3	3	5	2	4	2027-01-08	0	outcome_logging/ds
5	2026-12-02	2026-12-09	3	3	6	2	4	2027-01-08	0	outcome_logging/ds
5	2026-12-09	2026-12-16	3	4	6	3	3	2027-01-08	0	outcome_logging/ds
5	2026-12-16	2026-12-23	3	5	6	3	3	2027-01-08	0	outcome_logging/ds
5	2026-12-23	2026-12-30	3	6	6	2	3	2027-01-08	0	outcome_logging/ds
5	2026-12-30	2027-01-06	3	7	5	2	3	2027-01-08	0	outcome_logging/ds
5	2027-01-06	2027-01-23	3	8	4	2	3	2027-01-08	0	outcome_logging/ds
5	2027-01-23	2027-01-30	3	8	4	3	3	2027-01-08	0	outcome_logging/ds
5	2027-01-30	2027-02-13	3	8	5	2	3	2027-01-08	0	outcome_logging/ds
5	2027-02-13	\N	3	9	4	2	3	2027-01-08	0	outcome_logging/ds
6	2026-10-10	2026-11-07	0	0	0	0	2	2026-12-14	0	feature_pipeline/mle
6	2026-11-07	2026-11-09	1	0	0	1	1	2026-12-14	0	feature_pipeline/mle
6	2026-11-09	2026-11-15	0	0	0	0	1	2026-12-14	0	on_call/swe
6	2026-11-15	2026-11-16	1	0	0	1	1	2026-12-14	1	checkpoint/44
6	2026-11-16	2026-11-22	1	0	0	2	1	2026-12-14	1	checkpoint/44
6	2026-11-22	2026-11-28	2	0	1	2	1	2026-12-14	1	checkpoint/44
6	2026-11-28	2026-11-29	2	0	1	3	1	2026-12-14	1	checkpoint/44
6	2026-11-29	2026-11-30	2	0	2	3	1	2026-12-14	1	checkpoint/44
6	2026-11-30	2026-12-06	2	0	2	3	2	2026-12-14	1	checkpoint/44
6	2026-12-06	2026-12-12	3	1	2	3	2	2026-12-14	1	checkpoint/44
6	2026-12-12	2026-12-13	3	1	3	2	2	2026-12-14	1	checkpoint/44
6	2026-12-13	2026-12-20	3	2	3	1	2	2026-12-14	1	checkpoint/44
6	2026-12-20	2026-12-21	3	3	2	1	2	2026-12-14	1	checkpoint/44
6	2026-12-21	2026-12-27	3	3	2	2	1	2026-12-14	1	checkpoint/44
6	2026-12-27	2026-12-29	3	4	1	2	1	2026-12-14	1	checkpoint/44
6	2026-12-29	2027-01-05	3	4	1	3	1	2026-12-14	1	checkpoint/44
6	2027-01-05	2027-01-19	3	4	2	2	1	2026-12-14	1	checkpoint/44
6	2027-01-19	\N	3	5	1	2	1	2026-12-14	1	checkpoint/44
7	2026-11-09	2026-11-10	2	0	3	1	19	2027-02-01	0	outcome_logging/ds
7	2026-11-10	2026-11-17	2	0	3	2	19	2027-02-01	0	outcome_logging/ds
7	2026-11-17	2026-11-18	2	0	4	3	19	2027-02-01	0	outcome_logging/ds
7	2026-11-18	2026-11-24	3	2	5	3	18	2027-02-01	0	outcome_logging/ds
7	2026-11-24	2026-11-25	3	2	6	3	18	2027-02-01	0	outcome_logging/ds
7	2026-11-25	2026-11-30	3	3	6	4	16	2027-02-01	0	feature_model_choice/ds
7	2026-11-30	2026-12-01	3	3	7	3	16	2027-02-01	0	feature_model_choice/ds
7	2026-12-01	2026-12-08	3	4	7	3	16	2027-02-01	0	feature_model_choice/ds
7	2026-12-08	2026-12-15	3	5	7	3	16	2027-02-01	0	feature_model_choice/ds
7	2026-12-15	2026-12-16	3	6	7	2	16	2027-02-01	0	feature_model_choice/ds
7	2026-12-16	2026-12-22	3	6	7	2	17	2027-02-01	0	feature_model_choice/ds
7	2026-12-22	2026-12-29	3	7	6	2	17	2027-02-01	0	feature_model_choice/ds
7	2026-12-29	2027-01-06	3	8	5	2	17	2027-02-01	0	feature_model_choice/ds
7	2027-01-06	2027-02-16	3	8	5	3	16	2027-02-01	0	feature_model_choice/ds
7	2027-02-16	2027-02-23	3	8	5	4	16	2027-02-01	0	feature_model_choice/ds
7	2027-02-23	2027-03-09	3	8	6	3	16	2027-02-01	0	feature_model_choice/ds
7	2027-03-09	\N	3	9	5	3	16	2027-02-01	0	feature_model_choice/ds
9	2026-11-09	2026-11-10	2	0	2	3	19	2027-02-01	0	outcome_logging/ds
9	2026-11-10	2026-11-17	2	0	3	2	19	2027-02-01	0	outcome_logging/ds
9	2026-11-17	2026-11-18	2	0	3	3	19	2027-02-01	0	outcome_logging/ds
9	2026-11-18	2026-11-23	2	0	3	3	20	2027-02-01	0	outcome_logging/ds
9	2026-11-23	2026-11-24	2	0	4	2	20	2027-02-01	0	outcome_logging/ds
9	2026-11-24	2026-11-25	3	1	4	1	20	2027-02-01	1	checkpoint/65
8	2026-11-09	2026-11-10	2	0	3	2	19	2027-02-15	0	outcome_logging/ds
8	2026-11-10	2026-11-16	2	0	3	3	19	2027-02-15	0	outcome_logging/ds
8	2026-11-16	2026-11-17	2	0	4	2	19	2027-02-15	0	outcome_logging/ds
8	2026-11-17	2026-11-18	3	1	4	1	19	2027-02-15	1	checkpoint/57
8	2026-11-18	2026-11-24	3	4	8	2	18	2027-02-15	0	outcome_logging/ds
8	2026-11-24	2026-11-25	3	4	8	3	18	2027-02-15	0	outcome_logging/ds
8	2026-11-25	2026-11-30	3	4	6	3	18	2027-02-15	0	outcome_logging/ds
8	2026-11-30	2026-12-01	3	4	7	2	18	2027-02-15	0	outcome_logging/ds
8	2026-12-01	2026-12-08	3	5	7	2	18	2027-02-15	0	outcome_logging/ds
8	2026-12-08	2026-12-15	3	5	8	2	18	2027-02-15	0	outcome_logging/ds
8	2026-12-15	2026-12-16	3	6	8	2	18	2027-02-15	0	outcome_logging/ds
8	2026-12-16	2026-12-22	3	6	8	2	19	2027-02-15	0	outcome_logging/ds
8	2026-12-22	2026-12-29	3	7	8	2	19	2027-02-15	0	outcome_logging/ds
8	2026-12-29	2027-01-05	3	8	8	1	19	2027-02-15	0	outcome_logging/ds
8	2027-01-05	2027-01-06	3	9	7	1	19	2027-02-15	0	outcome_logging/ds
8	2027-01-06	2027-01-12	3	9	7	2	18	2027-02-15	0	outcome_logging/ds
8	2027-01-12	2027-02-16	3	10	6	2	18	2027-02-15	0	outcome_logging/ds
8	2027-02-16	2027-02-23	3	10	6	3	18	2027-02-15	0	outcome_logging/ds
8	2027-02-23	2027-03-09	3	10	7	2	18	2027-02-15	0	outcome_logging/ds
8	2027-03-09	\N	3	11	6	2	18	2027-02-15	0	outcome_logging/ds
\.


--
-- Data for Name: risk_spans; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_spans (id, project_id, owner_id, kind, subject, from_on, to_on, since, severity, launch_on, resp_key, role, checkpoint_id, handoff, stage, field, person_id, ref_on, event_on, inactive, held, threshold, ends, closed_by) FROM stdin;
1	\N	6	6	person/6	2026-11-09	\N	2026-11-09	1	2026-08-17	\N	\N	\N	\N	\N	\N	6	\N	\N	f	17	16	f	\N
2	1	\N	3	handoff/d	2026-08-17	2026-08-18	2026-08-17	2	2026-08-17	\N	\N	\N	d	monitoring	\N	6	2026-08-17	2026-08-17	f	\N	\N	t	priya@example.com
3	1	\N	4	stage/monitoring	2027-08-17	2027-08-31	2027-08-17	1	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2027-08-16	\N	f	\N	\N	f	\N
4	1	\N	4	stage/monitoring	2027-08-31	\N	2027-08-17	2	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2027-08-16	\N	f	\N	\N	f	\N
5	1	\N	7	project	2026-09-21	2026-10-12	2026-09-21	0	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2026-08-31	\N	f	\N	\N	f	\N
6	1	\N	7	project	2026-10-12	2026-11-05	2026-09-21	1	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2026-08-31	\N	f	\N	\N	t	\N
7	1	\N	7	project	2026-11-26	2026-12-17	2026-11-26	0	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2026-11-05	\N	f	\N	\N	f	\N
8	1	\N	7	project	2026-12-17	\N	2026-11-26	1	2026-08-17	\N	\N	\N	\N	monitoring	\N	\N	2026-11-05	\N	f	\N	\N	f	\N
9	2	\N	0	problem_framing/ds	2026-08-11	2026-09-30	2026-08-11	3	2026-12-09	problem_framing	ds	\N	\N	framing	\N	\N	2026-08-11	\N	f	\N	\N	t	tom@example.com
10	2	\N	0	outcome_logging/ds	2026-08-11	2026-08-21	2026-08-11	2	2026-12-09	outcome_logging	ds	\N	\N	data	\N	\N	2026-08-18	\N	f	\N	\N	f	\N
11	2	\N	0	outcome_logging/ds	2026-08-21	2026-09-30	2026-08-11	3	2026-12-09	outcome_logging	ds	\N	\N	data	\N	\N	2026-08-18	\N	f	\N	\N	t	tom@example.com
12	2	\N	0	outcome_logging/swe	2026-08-11	2026-08-21	2026-08-11	2	2026-12-09	outcome_logging	swe	\N	\N	data	\N	\N	2026-08-18	\N	f	\N	\N	f	\N
13	2	\N	0	outcome_logging/swe	2026-08-21	2026-09-30	2026-08-11	3	2026-12-09	outcome_logging	swe	\N	\N	data	\N	\N	2026-08-18	\N	f	\N	\N	t	tom@example.com
14	2	\N	0	feature_model_choice/ds	2026-08-11	2026-08-21	2026-08-11	1	2026-12-09	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-09-01	\N	f	\N	\N	f	\N
15	2	\N	0	feature_model_choice/ds	2026-08-21	2026-09-30	2026-08-11	2	2026-12-09	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-09-01	\N	f	\N	\N	t	tom@example.com
16	2	\N	0	offline_evaluation/ds	2026-08-11	2026-08-21	2026-08-11	0	2026-12-09	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-09-15	\N	f	\N	\N	f	\N
17	2	\N	0	offline_evaluation/ds	2026-08-21	2026-09-30	2026-08-11	1	2026-12-09	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-09-15	\N	f	\N	\N	t	tom@example.com
18	2	\N	0	training_pipeline/ds	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	training_pipeline	ds	\N	\N	evaluation	\N	\N	2026-09-29	\N	f	\N	\N	t	tom@example.com
19	2	\N	0	training_pipeline/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	training_pipeline	mle	\N	\N	evaluation	\N	\N	2026-09-29	\N	f	\N	\N	t	tom@example.com
20	2	\N	0	feature_pipeline/ds	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	feature_pipeline	ds	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
21	2	\N	0	feature_pipeline/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	feature_pipeline	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
22	2	\N	0	model_serving/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	model_serving	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
23	2	\N	0	model_registry/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	model_registry	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
24	2	\N	0	api_contract/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	api_contract	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
25	2	\N	0	api_contract/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	api_contract	swe	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
26	2	\N	0	fallback/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	fallback	swe	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
27	2	\N	0	ab_testing/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	ab_testing	swe	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
28	2	\N	0	latency_budget/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	latency_budget	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
29	2	\N	0	latency_budget/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	latency_budget	swe	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
30	2	\N	0	monitoring_drift/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2026-10-20	\N	f	\N	\N	t	tom@example.com
31	2	\N	0	on_call/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	on_call	mle	\N	\N	monitoring	\N	\N	2026-10-20	\N	f	\N	\N	t	tom@example.com
32	2	\N	0	on_call/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	on_call	swe	\N	\N	monitoring	\N	\N	2026-10-20	\N	f	\N	\N	t	tom@example.com
33	2	\N	0	retraining_trigger/ds	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	retraining_trigger	ds	\N	\N	monitoring	\N	\N	2026-10-20	\N	f	\N	\N	t	tom@example.com
34	2	\N	0	retraining_trigger/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	retraining_trigger	mle	\N	\N	monitoring	\N	\N	2026-10-20	\N	f	\N	\N	t	tom@example.com
35	2	\N	0	rollback_decision/mle	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	rollback_decision	mle	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
36	2	\N	0	rollback_decision/swe	2026-08-11	2026-09-30	2026-08-11	0	2026-12-09	rollback_decision	swe	\N	\N	production	\N	\N	2026-10-06	\N	f	\N	\N	t	tom@example.com
37	2	\N	1	checkpoint/9	2026-08-12	2026-08-19	2026-08-12	1	2026-12-09	\N	\N	9	\N	framing	\N	\N	2026-08-11	\N	f	\N	\N	f	\N
38	2	\N	1	checkpoint/9	2026-08-19	2026-09-02	2026-08-12	2	2026-12-09	\N	\N	9	\N	framing	\N	\N	2026-08-11	\N	f	\N	\N	f	\N
39	2	\N	1	checkpoint/9	2026-09-02	2026-09-30	2026-08-12	3	2026-12-09	\N	\N	9	\N	framing	\N	\N	2026-08-11	\N	f	\N	\N	t	tom@example.com
40	2	\N	1	checkpoint/10	2026-08-26	2026-09-02	2026-08-26	1	2026-12-09	\N	\N	10	\N	data	\N	\N	2026-08-25	\N	f	\N	\N	f	\N
41	2	\N	1	checkpoint/10	2026-09-02	2026-09-16	2026-08-26	2	2026-12-09	\N	\N	10	\N	data	\N	\N	2026-08-25	\N	f	\N	\N	f	\N
42	2	\N	1	checkpoint/10	2026-09-16	2026-09-30	2026-08-26	3	2026-12-09	\N	\N	10	\N	data	\N	\N	2026-08-25	\N	f	\N	\N	t	tom@example.com
43	2	\N	1	checkpoint/11	2026-09-09	2026-09-16	2026-09-09	1	2026-12-09	\N	\N	11	\N	baseline	\N	\N	2026-09-08	\N	f	\N	\N	f	\N
44	2	\N	1	checkpoint/11	2026-09-16	2026-09-30	2026-09-09	2	2026-12-09	\N	\N	11	\N	baseline	\N	\N	2026-09-08	\N	f	\N	\N	t	tom@example.com
45	2	\N	1	checkpoint/12	2026-09-16	2026-09-23	2026-09-16	1	2026-12-09	\N	\N	12	\N	modelling	\N	\N	2026-09-15	\N	f	\N	\N	f	\N
46	2	\N	1	checkpoint/12	2026-09-23	2026-09-30	2026-09-16	2	2026-12-09	\N	\N	12	\N	modelling	\N	\N	2026-09-15	\N	f	\N	\N	t	tom@example.com
47	2	\N	1	checkpoint/13	2026-09-23	2026-09-30	2026-09-23	1	2026-12-09	\N	\N	13	\N	modelling	\N	\N	2026-09-22	\N	f	\N	\N	t	tom@example.com
48	2	\N	3	handoff/a	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	a	data	\N	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
49	2	\N	4	stage/framing	2026-08-18	2026-08-21	2026-08-18	1	2026-12-09	\N	\N	\N	\N	framing	\N	\N	2026-08-17	\N	f	\N	\N	t	tom@example.com
50	2	\N	4	stage/data	2026-09-01	2026-09-15	2026-09-01	1	2026-12-09	\N	\N	\N	\N	data	\N	\N	2026-08-31	\N	f	\N	\N	f	\N
51	2	\N	4	stage/data	2026-09-15	2026-09-30	2026-09-01	2	2026-12-09	\N	\N	\N	\N	data	\N	\N	2026-08-31	\N	f	\N	\N	t	tom@example.com
52	2	\N	5	spec/secondary_constraint	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	\N	data	secondary_constraint	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
53	2	\N	5	spec/worse_error	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	\N	data	worse_error	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
54	2	\N	5	spec/fallback	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	\N	data	fallback	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
55	2	\N	5	spec/monitoring_trigger	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	\N	data	monitoring_trigger	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
56	2	\N	5	spec/baseline	2026-08-21	2026-09-30	2026-08-21	2	2026-12-09	\N	\N	\N	\N	data	baseline	\N	\N	2026-08-21	f	\N	\N	t	tom@example.com
57	2	\N	7	project	2026-09-11	2026-09-30	2026-09-11	0	2026-12-09	\N	\N	\N	\N	data	\N	\N	2026-08-21	\N	f	\N	\N	t	tom@example.com
58	3	\N	0	latency_budget/swe	2026-08-31	2026-09-28	2026-08-31	0	2026-11-16	latency_budget	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
59	3	\N	0	latency_budget/swe	2026-09-28	2026-10-19	2026-08-31	1	2026-11-16	latency_budget	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
60	3	\N	0	latency_budget/swe	2026-10-19	2026-11-02	2026-08-31	2	2026-11-16	latency_budget	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
61	3	\N	0	latency_budget/swe	2026-11-02	2026-11-09	2026-08-31	3	2026-11-16	latency_budget	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	t	maya@example.com
62	3	\N	0	monitoring_drift/mle	2026-08-31	2026-10-19	2026-08-31	0	2026-11-16	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
63	3	\N	0	monitoring_drift/mle	2026-10-19	2026-11-02	2026-08-31	1	2026-11-16	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
64	3	\N	0	monitoring_drift/mle	2026-11-02	\N	2026-08-31	2	2026-11-16	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
65	3	\N	0	rollback_decision/mle	2026-08-31	2026-09-28	2026-08-31	0	2026-11-16	rollback_decision	mle	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
66	3	\N	0	rollback_decision/mle	2026-09-28	2026-10-19	2026-08-31	1	2026-11-16	rollback_decision	mle	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
67	3	\N	0	rollback_decision/mle	2026-10-19	2026-11-02	2026-08-31	2	2026-11-16	rollback_decision	mle	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
68	3	\N	0	rollback_decision/mle	2026-11-02	\N	2026-08-31	3	2026-11-16	rollback_decision	mle	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
69	3	\N	0	rollback_decision/swe	2026-08-31	2026-09-28	2026-08-31	0	2026-11-16	rollback_decision	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
70	3	\N	0	rollback_decision/swe	2026-09-28	2026-10-19	2026-08-31	1	2026-11-16	rollback_decision	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
71	3	\N	0	rollback_decision/swe	2026-10-19	2026-11-02	2026-08-31	2	2026-11-16	rollback_decision	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
72	3	\N	0	rollback_decision/swe	2026-11-02	\N	2026-08-31	3	2026-11-16	rollback_decision	swe	\N	\N	production	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
73	3	\N	1	checkpoint/21	2026-10-13	2026-10-16	2026-10-13	1	2026-11-16	\N	\N	21	\N	modelling	\N	\N	2026-10-12	\N	f	\N	\N	t	ana@example.com
74	3	\N	1	checkpoint/22	2026-10-20	2026-10-25	2026-10-20	1	2026-11-16	\N	\N	22	\N	evaluation	\N	\N	2026-10-19	\N	f	\N	\N	t	aisha@example.com
75	3	\N	1	checkpoint/24	2026-12-01	2026-12-08	2026-12-01	1	2026-11-16	\N	\N	24	\N	monitoring	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
76	3	\N	1	checkpoint/24	2026-12-08	2026-12-22	2026-12-01	2	2026-11-16	\N	\N	24	\N	monitoring	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
77	3	\N	1	checkpoint/24	2026-12-22	\N	2026-12-01	3	2026-11-16	\N	\N	24	\N	monitoring	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
78	3	\N	3	handoff/a	2026-09-07	2026-09-08	2026-09-07	2	2026-11-16	\N	\N	\N	a	data	\N	3	2026-09-07	2026-09-07	f	\N	\N	t	ana@example.com
79	3	\N	4	stage/evaluation	2026-10-26	2026-11-02	2026-10-26	1	2026-11-16	\N	\N	\N	\N	evaluation	\N	\N	2026-10-25	\N	f	\N	\N	t	maya@example.com
80	3	\N	4	stage/production	2026-11-17	2026-12-01	2026-11-17	1	2026-11-16	\N	\N	\N	\N	production	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
81	3	\N	4	stage/production	2026-12-01	\N	2026-11-17	2	2026-11-16	\N	\N	\N	\N	production	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
82	3	\N	7	project	2026-11-30	2026-12-21	2026-11-30	0	2026-11-16	\N	\N	\N	\N	production	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
83	3	\N	7	project	2026-12-21	\N	2026-11-30	1	2026-11-16	\N	\N	\N	\N	production	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
84	4	\N	1	checkpoint/29	2026-10-31	2026-11-07	2026-10-31	1	2026-11-27	\N	\N	29	\N	modelling	\N	\N	2026-10-30	\N	f	\N	\N	f	\N
85	4	\N	1	checkpoint/29	2026-11-07	2026-11-21	2026-10-31	2	2026-11-27	\N	\N	29	\N	modelling	\N	\N	2026-10-30	\N	f	\N	\N	f	\N
86	4	\N	1	checkpoint/29	2026-11-21	\N	2026-10-31	3	2026-11-27	\N	\N	29	\N	modelling	\N	\N	2026-10-30	\N	f	\N	\N	f	\N
87	4	\N	1	checkpoint/30	2026-11-19	2026-11-26	2026-11-19	1	2026-11-27	\N	\N	30	\N	evaluation	\N	\N	2026-11-18	\N	f	\N	\N	f	\N
88	4	\N	1	checkpoint/30	2026-11-26	2026-12-10	2026-11-19	2	2026-11-27	\N	\N	30	\N	evaluation	\N	\N	2026-11-18	\N	f	\N	\N	f	\N
89	4	\N	1	checkpoint/30	2026-12-10	\N	2026-11-19	3	2026-11-27	\N	\N	30	\N	evaluation	\N	\N	2026-11-18	\N	f	\N	\N	f	\N
90	4	\N	1	checkpoint/31	2026-11-14	2026-11-21	2026-11-14	1	2026-11-27	\N	\N	31	\N	production	\N	\N	2026-11-13	\N	f	\N	\N	f	\N
91	4	\N	1	checkpoint/31	2026-11-21	2026-12-05	2026-11-14	2	2026-11-27	\N	\N	31	\N	production	\N	\N	2026-11-13	\N	f	\N	\N	f	\N
92	4	\N	1	checkpoint/31	2026-12-05	\N	2026-11-14	3	2026-11-27	\N	\N	31	\N	production	\N	\N	2026-11-13	\N	f	\N	\N	f	\N
93	4	\N	1	checkpoint/32	2026-12-12	2026-12-19	2026-12-12	1	2026-11-27	\N	\N	32	\N	monitoring	\N	\N	2026-12-11	\N	f	\N	\N	f	\N
94	4	\N	1	checkpoint/32	2026-12-19	2027-01-02	2026-12-12	2	2026-11-27	\N	\N	32	\N	monitoring	\N	\N	2026-12-11	\N	f	\N	\N	f	\N
95	4	\N	1	checkpoint/32	2027-01-02	\N	2026-12-12	3	2026-11-27	\N	\N	32	\N	monitoring	\N	\N	2026-12-11	\N	f	\N	\N	f	\N
96	4	\N	3	handoff/c	2026-11-08	\N	2026-11-08	1	2026-11-27	\N	\N	\N	c	production	\N	9	2026-10-31	\N	f	\N	\N	f	\N
97	4	\N	4	stage/evaluation	2026-11-13	2026-11-27	2026-11-13	1	2026-11-27	\N	\N	\N	\N	evaluation	\N	\N	2026-11-12	\N	f	\N	\N	f	\N
98	4	\N	4	stage/evaluation	2026-11-27	\N	2026-11-13	2	2026-11-27	\N	\N	\N	\N	evaluation	\N	\N	2026-11-12	\N	f	\N	\N	f	\N
99	4	\N	7	project	2026-11-25	2026-12-16	2026-11-25	0	2026-11-27	\N	\N	\N	\N	evaluation	\N	\N	2026-11-04	\N	f	\N	\N	f	\N
100	4	\N	7	project	2026-12-16	\N	2026-11-25	1	2026-11-27	\N	\N	\N	\N	evaluation	\N	\N	2026-11-04	\N	f	\N	\N	f	\N
101	5	\N	0	problem_framing/ds	2026-11-09	\N	2026-11-09	3	2027-01-08	problem_framing	ds	\N	\N	framing	\N	4	2026-10-20	\N	t	\N	\N	f	\N
102	5	\N	0	outcome_logging/ds	2026-11-09	\N	2026-11-09	3	2027-01-08	outcome_logging	ds	\N	\N	data	\N	4	2026-10-27	\N	t	\N	\N	f	\N
103	5	\N	0	feature_model_choice/ds	2026-11-09	\N	2026-11-09	2	2027-01-08	feature_model_choice	ds	\N	\N	baseline	\N	4	2026-11-10	\N	t	\N	\N	f	\N
104	5	\N	0	offline_evaluation/ds	2026-11-09	\N	2026-11-09	1	2027-01-08	offline_evaluation	ds	\N	\N	modelling	\N	4	2026-11-24	\N	t	\N	\N	f	\N
105	5	\N	0	training_pipeline/ds	2026-11-09	\N	2026-11-09	0	2027-01-08	training_pipeline	ds	\N	\N	evaluation	\N	4	2026-12-08	\N	t	\N	\N	f	\N
106	5	\N	0	feature_pipeline/ds	2026-11-09	\N	2026-11-09	0	2027-01-08	feature_pipeline	ds	\N	\N	production	\N	4	2026-12-15	\N	t	\N	\N	f	\N
107	5	\N	0	retraining_trigger/ds	2026-11-09	\N	2026-11-09	0	2027-01-08	retraining_trigger	ds	\N	\N	monitoring	\N	4	2026-12-29	\N	t	\N	\N	f	\N
108	5	\N	1	checkpoint/34	2026-11-04	2026-11-11	2026-11-04	1	2027-01-08	\N	\N	34	\N	data	\N	\N	2026-11-03	\N	f	\N	\N	f	\N
109	5	\N	1	checkpoint/34	2026-11-11	2026-11-25	2026-11-04	2	2027-01-08	\N	\N	34	\N	data	\N	\N	2026-11-03	\N	f	\N	\N	f	\N
110	5	\N	1	checkpoint/34	2026-11-25	\N	2026-11-04	3	2027-01-08	\N	\N	34	\N	data	\N	\N	2026-11-03	\N	f	\N	\N	f	\N
111	5	\N	1	checkpoint/35	2026-11-18	2026-11-25	2026-11-18	1	2027-01-08	\N	\N	35	\N	baseline	\N	\N	2026-11-17	\N	f	\N	\N	f	\N
112	5	\N	1	checkpoint/35	2026-11-25	2026-12-09	2026-11-18	2	2027-01-08	\N	\N	35	\N	baseline	\N	\N	2026-11-17	\N	f	\N	\N	f	\N
113	5	\N	1	checkpoint/35	2026-12-09	\N	2026-11-18	3	2027-01-08	\N	\N	35	\N	baseline	\N	\N	2026-11-17	\N	f	\N	\N	f	\N
114	5	\N	1	checkpoint/36	2026-11-25	2026-12-02	2026-11-25	1	2027-01-08	\N	\N	36	\N	modelling	\N	\N	2026-11-24	\N	f	\N	\N	f	\N
115	5	\N	1	checkpoint/36	2026-12-02	2026-12-16	2026-11-25	2	2027-01-08	\N	\N	36	\N	modelling	\N	\N	2026-11-24	\N	f	\N	\N	f	\N
116	5	\N	1	checkpoint/36	2026-12-16	\N	2026-11-25	3	2027-01-08	\N	\N	36	\N	modelling	\N	\N	2026-11-24	\N	f	\N	\N	f	\N
117	5	\N	1	checkpoint/37	2026-12-02	2026-12-09	2026-12-02	1	2027-01-08	\N	\N	37	\N	modelling	\N	\N	2026-12-01	\N	f	\N	\N	f	\N
118	5	\N	1	checkpoint/37	2026-12-09	2026-12-23	2026-12-02	2	2027-01-08	\N	\N	37	\N	modelling	\N	\N	2026-12-01	\N	f	\N	\N	f	\N
119	5	\N	1	checkpoint/37	2026-12-23	\N	2026-12-02	3	2027-01-08	\N	\N	37	\N	modelling	\N	\N	2026-12-01	\N	f	\N	\N	f	\N
120	5	\N	1	checkpoint/38	2026-12-09	2026-12-16	2026-12-09	1	2027-01-08	\N	\N	38	\N	evaluation	\N	\N	2026-12-08	\N	f	\N	\N	f	\N
121	5	\N	1	checkpoint/38	2026-12-16	2026-12-30	2026-12-09	2	2027-01-08	\N	\N	38	\N	evaluation	\N	\N	2026-12-08	\N	f	\N	\N	f	\N
122	5	\N	1	checkpoint/38	2026-12-30	\N	2026-12-09	3	2027-01-08	\N	\N	38	\N	evaluation	\N	\N	2026-12-08	\N	f	\N	\N	f	\N
123	5	\N	1	checkpoint/39	2026-12-16	2026-12-23	2026-12-16	1	2027-01-08	\N	\N	39	\N	production	\N	\N	2026-12-15	\N	f	\N	\N	f	\N
124	5	\N	1	checkpoint/39	2026-12-23	2027-01-06	2026-12-16	2	2027-01-08	\N	\N	39	\N	production	\N	\N	2026-12-15	\N	f	\N	\N	f	\N
125	5	\N	1	checkpoint/39	2027-01-06	\N	2026-12-16	3	2027-01-08	\N	\N	39	\N	production	\N	\N	2026-12-15	\N	f	\N	\N	f	\N
126	5	\N	1	checkpoint/40	2027-01-23	2027-01-30	2027-01-23	1	2027-01-08	\N	\N	40	\N	monitoring	\N	\N	2027-01-22	\N	f	\N	\N	f	\N
127	5	\N	1	checkpoint/40	2027-01-30	2027-02-13	2027-01-23	2	2027-01-08	\N	\N	40	\N	monitoring	\N	\N	2027-01-22	\N	f	\N	\N	f	\N
128	5	\N	1	checkpoint/40	2027-02-13	\N	2027-01-23	3	2027-01-08	\N	\N	40	\N	monitoring	\N	\N	2027-01-22	\N	f	\N	\N	f	\N
129	5	\N	3	handoff/a	2026-10-27	2026-10-28	2026-10-27	2	2027-01-08	\N	\N	\N	a	data	\N	4	2026-10-27	2026-10-27	f	\N	\N	t	lena@example.com
130	5	\N	4	stage/data	2026-11-10	2026-11-24	2026-11-10	1	2027-01-08	\N	\N	\N	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
131	5	\N	4	stage/data	2026-11-24	\N	2026-11-10	2	2027-01-08	\N	\N	\N	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
132	5	\N	5	spec/fallback	2026-10-27	\N	2026-10-27	2	2027-01-08	\N	\N	\N	\N	data	fallback	\N	\N	2026-10-27	f	\N	\N	f	\N
133	5	\N	5	spec/monitoring_trigger	2026-10-27	\N	2026-10-27	2	2027-01-08	\N	\N	\N	\N	data	monitoring_trigger	\N	\N	2026-10-27	f	\N	\N	f	\N
134	5	\N	7	project	2026-11-18	2026-12-09	2026-11-18	0	2027-01-08	\N	\N	\N	\N	data	\N	\N	2026-10-28	\N	f	\N	\N	f	\N
135	5	\N	7	project	2026-12-09	\N	2026-11-18	1	2027-01-08	\N	\N	\N	\N	data	\N	\N	2026-10-28	\N	f	\N	\N	f	\N
136	6	\N	0	feature_pipeline/mle	2026-10-10	2026-11-07	2026-10-10	0	2026-12-14	feature_pipeline	mle	\N	\N	production	\N	\N	2026-12-05	\N	f	\N	\N	f	\N
137	6	\N	0	feature_pipeline/mle	2026-11-07	2026-11-09	2026-10-10	1	2026-12-14	feature_pipeline	mle	\N	\N	production	\N	\N	2026-12-05	\N	f	\N	\N	t	maya@example.com
138	6	\N	0	on_call/swe	2026-10-10	\N	2026-10-10	0	2026-12-14	on_call	swe	\N	\N	monitoring	\N	\N	2026-12-19	\N	f	\N	\N	f	\N
139	6	\N	1	checkpoint/44	2026-11-15	2026-11-22	2026-11-15	1	2026-12-14	\N	\N	44	\N	modelling	\N	\N	2026-11-14	\N	f	\N	\N	f	\N
140	6	\N	1	checkpoint/44	2026-11-22	2026-12-06	2026-11-15	2	2026-12-14	\N	\N	44	\N	modelling	\N	\N	2026-11-14	\N	f	\N	\N	f	\N
141	6	\N	1	checkpoint/44	2026-12-06	\N	2026-11-15	3	2026-12-14	\N	\N	44	\N	modelling	\N	\N	2026-11-14	\N	f	\N	\N	f	\N
142	6	\N	1	checkpoint/45	2026-11-22	2026-11-29	2026-11-22	1	2026-12-14	\N	\N	45	\N	modelling	\N	\N	2026-11-21	\N	f	\N	\N	f	\N
143	6	\N	1	checkpoint/45	2026-11-29	2026-12-13	2026-11-22	2	2026-12-14	\N	\N	45	\N	modelling	\N	\N	2026-11-21	\N	f	\N	\N	f	\N
144	6	\N	1	checkpoint/45	2026-12-13	\N	2026-11-22	3	2026-12-14	\N	\N	45	\N	modelling	\N	\N	2026-11-21	\N	f	\N	\N	f	\N
145	6	\N	1	checkpoint/46	2026-11-29	2026-12-06	2026-11-29	1	2026-12-14	\N	\N	46	\N	evaluation	\N	\N	2026-11-28	\N	f	\N	\N	f	\N
146	6	\N	1	checkpoint/46	2026-12-06	2026-12-20	2026-11-29	2	2026-12-14	\N	\N	46	\N	evaluation	\N	\N	2026-11-28	\N	f	\N	\N	f	\N
147	6	\N	1	checkpoint/46	2026-12-20	\N	2026-11-29	3	2026-12-14	\N	\N	46	\N	evaluation	\N	\N	2026-11-28	\N	f	\N	\N	f	\N
148	6	\N	1	checkpoint/47	2026-12-06	2026-12-13	2026-12-06	1	2026-12-14	\N	\N	47	\N	production	\N	\N	2026-12-05	\N	f	\N	\N	f	\N
149	6	\N	1	checkpoint/47	2026-12-13	2026-12-27	2026-12-06	2	2026-12-14	\N	\N	47	\N	production	\N	\N	2026-12-05	\N	f	\N	\N	f	\N
150	6	\N	1	checkpoint/47	2026-12-27	\N	2026-12-06	3	2026-12-14	\N	\N	47	\N	production	\N	\N	2026-12-05	\N	f	\N	\N	f	\N
151	6	\N	1	checkpoint/48	2026-12-29	2027-01-05	2026-12-29	1	2026-12-14	\N	\N	48	\N	monitoring	\N	\N	2026-12-28	\N	f	\N	\N	f	\N
152	6	\N	1	checkpoint/48	2027-01-05	2027-01-19	2026-12-29	2	2026-12-14	\N	\N	48	\N	monitoring	\N	\N	2026-12-28	\N	f	\N	\N	f	\N
153	6	\N	1	checkpoint/48	2027-01-19	\N	2026-12-29	3	2026-12-14	\N	\N	48	\N	monitoring	\N	\N	2026-12-28	\N	f	\N	\N	f	\N
154	6	\N	3	handoff/b	2026-11-16	\N	2026-11-16	1	2026-12-14	\N	\N	\N	b	evaluation	\N	6	2026-11-08	\N	f	\N	\N	f	\N
155	6	\N	4	stage/modelling	2026-11-28	2026-12-12	2026-11-28	1	2026-12-14	\N	\N	\N	\N	modelling	\N	\N	2026-11-27	\N	f	\N	\N	f	\N
156	6	\N	4	stage/modelling	2026-12-12	\N	2026-11-28	2	2026-12-14	\N	\N	\N	\N	modelling	\N	\N	2026-11-27	\N	f	\N	\N	f	\N
157	6	\N	7	project	2026-11-30	2026-12-21	2026-11-30	0	2026-12-14	\N	\N	\N	\N	modelling	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
158	6	\N	7	project	2026-12-21	\N	2026-11-30	1	2026-12-14	\N	\N	\N	\N	modelling	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
159	7	\N	0	outcome_logging/ds	2026-11-09	2026-11-18	2026-11-09	2	2027-02-01	outcome_logging	ds	\N	\N	data	\N	\N	2026-10-19	\N	f	\N	\N	f	\N
160	7	\N	0	outcome_logging/ds	2026-11-18	\N	2026-11-09	3	2027-02-01	outcome_logging	ds	\N	\N	data	\N	\N	2026-10-19	\N	f	\N	\N	f	\N
161	7	\N	0	outcome_logging/swe	2026-11-09	2026-11-18	2026-11-09	2	2027-02-01	outcome_logging	swe	\N	\N	data	\N	\N	2026-10-19	\N	f	\N	\N	f	\N
162	7	\N	0	outcome_logging/swe	2026-11-18	\N	2026-11-09	3	2027-02-01	outcome_logging	swe	\N	\N	data	\N	\N	2026-10-19	\N	f	\N	\N	f	\N
163	7	\N	0	feature_model_choice/ds	2026-11-09	2026-11-18	2026-11-09	1	2027-02-01	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
164	7	\N	0	feature_model_choice/ds	2026-11-18	2026-11-25	2026-11-09	2	2027-02-01	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
165	7	\N	0	feature_model_choice/ds	2026-11-25	\N	2026-11-09	3	2027-02-01	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
166	7	\N	0	offline_evaluation/ds	2026-11-09	2026-11-18	2026-11-09	0	2027-02-01	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
167	7	\N	0	offline_evaluation/ds	2026-11-18	2026-11-25	2026-11-09	1	2027-02-01	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
168	7	\N	0	offline_evaluation/ds	2026-11-25	\N	2026-11-09	2	2027-02-01	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
169	7	\N	0	training_pipeline/ds	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	training_pipeline	ds	\N	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
170	7	\N	0	training_pipeline/ds	2026-11-25	\N	2026-11-09	1	2027-02-01	training_pipeline	ds	\N	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
171	7	\N	0	training_pipeline/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	training_pipeline	mle	\N	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
172	7	\N	0	training_pipeline/mle	2026-11-25	\N	2026-11-09	1	2027-02-01	training_pipeline	mle	\N	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
173	7	\N	0	feature_pipeline/ds	2026-11-09	\N	2026-11-09	0	2027-02-01	feature_pipeline	ds	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
174	7	\N	0	feature_pipeline/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	feature_pipeline	mle	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
175	7	\N	0	model_registry/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	model_registry	mle	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
176	7	\N	0	api_contract/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	api_contract	mle	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
177	7	\N	0	api_contract/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	api_contract	swe	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
178	7	\N	0	fallback/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	fallback	swe	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
179	7	\N	0	ab_testing/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	ab_testing	swe	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
180	7	\N	0	latency_budget/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	latency_budget	mle	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
181	7	\N	0	latency_budget/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	latency_budget	swe	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
182	7	\N	0	monitoring_drift/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
183	7	\N	0	on_call/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	on_call	mle	\N	\N	monitoring	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
184	7	\N	0	on_call/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	on_call	swe	\N	\N	monitoring	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
185	7	\N	0	retraining_trigger/ds	2026-11-09	\N	2026-11-09	0	2027-02-01	retraining_trigger	ds	\N	\N	monitoring	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
186	7	\N	0	retraining_trigger/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	retraining_trigger	mle	\N	\N	monitoring	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
187	7	\N	0	rollback_decision/mle	2026-11-09	\N	2026-11-09	0	2027-02-01	rollback_decision	mle	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
188	7	\N	0	rollback_decision/swe	2026-11-09	\N	2026-11-09	0	2027-02-01	rollback_decision	swe	\N	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
189	7	\N	1	checkpoint/51	2026-11-10	2026-11-17	2026-11-10	1	2027-02-01	\N	\N	51	\N	baseline	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
190	7	\N	1	checkpoint/51	2026-11-17	2026-12-01	2026-11-10	2	2027-02-01	\N	\N	51	\N	baseline	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
191	7	\N	1	checkpoint/51	2026-12-01	\N	2026-11-10	3	2027-02-01	\N	\N	51	\N	baseline	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
192	7	\N	1	checkpoint/52	2026-11-17	2026-11-24	2026-11-17	1	2027-02-01	\N	\N	52	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
193	7	\N	1	checkpoint/52	2026-11-24	2026-12-08	2026-11-17	2	2027-02-01	\N	\N	52	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
194	7	\N	1	checkpoint/52	2026-12-08	\N	2026-11-17	3	2027-02-01	\N	\N	52	\N	modelling	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
195	7	\N	1	checkpoint/53	2026-11-24	2026-12-01	2026-11-24	1	2027-02-01	\N	\N	53	\N	modelling	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
196	7	\N	1	checkpoint/53	2026-12-01	2026-12-15	2026-11-24	2	2027-02-01	\N	\N	53	\N	modelling	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
197	7	\N	1	checkpoint/53	2026-12-15	\N	2026-11-24	3	2027-02-01	\N	\N	53	\N	modelling	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
198	7	\N	1	checkpoint/54	2026-12-01	2026-12-08	2026-12-01	1	2027-02-01	\N	\N	54	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
199	7	\N	1	checkpoint/54	2026-12-08	2026-12-22	2026-12-01	2	2027-02-01	\N	\N	54	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
200	7	\N	1	checkpoint/54	2026-12-22	\N	2026-12-01	3	2027-02-01	\N	\N	54	\N	evaluation	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
201	7	\N	1	checkpoint/55	2026-12-08	2026-12-15	2026-12-08	1	2027-02-01	\N	\N	55	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
202	7	\N	1	checkpoint/55	2026-12-15	2026-12-29	2026-12-08	2	2027-02-01	\N	\N	55	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
203	7	\N	1	checkpoint/55	2026-12-29	\N	2026-12-08	3	2027-02-01	\N	\N	55	\N	production	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
204	7	\N	1	checkpoint/56	2027-02-16	2027-02-23	2027-02-16	1	2027-02-01	\N	\N	56	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
205	7	\N	1	checkpoint/56	2027-02-23	2027-03-09	2027-02-16	2	2027-02-01	\N	\N	56	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
206	7	\N	1	checkpoint/56	2027-03-09	\N	2027-02-16	3	2027-02-01	\N	\N	56	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
207	7	\N	3	handoff/a	2026-11-17	2026-11-18	2026-11-17	1	2027-02-01	\N	\N	\N	a	data	\N	14	2026-11-09	\N	f	\N	\N	t	up-member@example.com
208	7	\N	4	stage/framing	2026-11-09	2026-11-18	2026-11-09	2	2027-02-01	\N	\N	\N	\N	framing	\N	\N	2026-10-18	\N	f	\N	\N	t	up-pm@example.com
209	7	\N	4	stage/data	2026-11-18	2026-11-25	2026-11-18	1	2027-02-01	\N	\N	\N	\N	data	\N	\N	2026-11-15	\N	f	\N	\N	t	up-pm@example.com
210	7	\N	4	stage/baseline	2026-11-25	2026-11-30	2026-11-25	1	2027-02-01	\N	\N	\N	\N	baseline	\N	\N	2026-11-15	\N	f	\N	\N	f	\N
211	7	\N	4	stage/baseline	2026-11-30	\N	2026-11-25	2	2027-02-01	\N	\N	\N	\N	baseline	\N	\N	2026-11-15	\N	f	\N	\N	f	\N
212	7	\N	5	spec/secondary_constraint	2026-11-18	2026-11-25	2026-11-18	2	2027-02-01	\N	\N	\N	\N	data	secondary_constraint	\N	\N	2026-11-18	f	\N	\N	f	\N
213	7	\N	5	spec/secondary_constraint	2026-11-25	\N	2026-11-18	2	2027-02-01	\N	\N	\N	\N	baseline	secondary_constraint	\N	\N	2026-11-18	f	\N	\N	f	\N
214	7	\N	5	spec/fallback	2026-11-18	2026-11-25	2026-11-18	2	2027-02-01	\N	\N	\N	\N	data	fallback	\N	\N	2026-11-18	f	\N	\N	f	\N
215	7	\N	5	spec/fallback	2026-11-25	\N	2026-11-18	2	2027-02-01	\N	\N	\N	\N	baseline	fallback	\N	\N	2026-11-18	f	\N	\N	f	\N
216	7	\N	5	spec/monitoring_trigger	2026-11-18	2026-11-25	2026-11-18	2	2027-02-01	\N	\N	\N	\N	data	monitoring_trigger	\N	\N	2026-11-18	f	\N	\N	f	\N
217	7	\N	5	spec/monitoring_trigger	2026-11-25	\N	2026-11-18	2	2027-02-01	\N	\N	\N	\N	baseline	monitoring_trigger	\N	\N	2026-11-18	f	\N	\N	f	\N
218	7	\N	7	project	2026-12-16	2027-01-06	2026-12-16	0	2027-02-01	\N	\N	\N	\N	baseline	\N	\N	2026-11-25	\N	f	\N	\N	f	\N
219	7	\N	7	project	2027-01-06	\N	2026-12-16	1	2027-02-01	\N	\N	\N	\N	baseline	\N	\N	2026-11-25	\N	f	\N	\N	f	\N
283	9	\N	0	outcome_logging/ds	2026-11-09	2026-11-25	2026-11-09	2	2027-02-01	outcome_logging	ds	\N	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	t	up-pm@example.com
284	9	\N	0	outcome_logging/swe	2026-11-09	2026-11-25	2026-11-09	2	2027-02-01	outcome_logging	swe	\N	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	t	up-pm@example.com
285	9	\N	0	feature_model_choice/ds	2026-11-09	2026-11-25	2026-11-09	1	2027-02-01	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-23	\N	f	\N	\N	t	up-pm@example.com
286	9	\N	0	offline_evaluation/ds	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-12-07	\N	f	\N	\N	t	up-pm@example.com
287	9	\N	0	training_pipeline/ds	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	training_pipeline	ds	\N	\N	evaluation	\N	\N	2026-12-21	\N	f	\N	\N	t	up-pm@example.com
288	9	\N	0	training_pipeline/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	training_pipeline	mle	\N	\N	evaluation	\N	\N	2026-12-21	\N	f	\N	\N	t	up-pm@example.com
289	9	\N	0	feature_pipeline/ds	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	feature_pipeline	ds	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
290	9	\N	0	feature_pipeline/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	feature_pipeline	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
291	9	\N	0	model_serving/mle	2026-11-18	2026-11-25	2026-11-18	0	2027-02-01	model_serving	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
292	9	\N	0	model_registry/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	model_registry	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
293	9	\N	0	api_contract/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	api_contract	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
294	9	\N	0	api_contract/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	api_contract	swe	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
295	9	\N	0	fallback/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	fallback	swe	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
296	9	\N	0	ab_testing/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	ab_testing	swe	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
297	9	\N	0	latency_budget/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	latency_budget	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
298	9	\N	0	latency_budget/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	latency_budget	swe	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
299	9	\N	0	monitoring_drift/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2027-01-11	\N	f	\N	\N	t	up-pm@example.com
300	9	\N	0	on_call/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	on_call	mle	\N	\N	monitoring	\N	\N	2027-01-11	\N	f	\N	\N	t	up-pm@example.com
301	9	\N	0	on_call/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	on_call	swe	\N	\N	monitoring	\N	\N	2027-01-11	\N	f	\N	\N	t	up-pm@example.com
302	9	\N	0	retraining_trigger/ds	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	retraining_trigger	ds	\N	\N	monitoring	\N	\N	2027-01-11	\N	f	\N	\N	t	up-pm@example.com
303	9	\N	0	retraining_trigger/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	retraining_trigger	mle	\N	\N	monitoring	\N	\N	2027-01-11	\N	f	\N	\N	t	up-pm@example.com
304	9	\N	0	rollback_decision/mle	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	rollback_decision	mle	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
305	9	\N	0	rollback_decision/swe	2026-11-09	2026-11-25	2026-11-09	0	2027-02-01	rollback_decision	swe	\N	\N	production	\N	\N	2026-12-28	\N	f	\N	\N	t	up-pm@example.com
306	9	\N	1	checkpoint/65	2026-11-09	2026-11-10	2026-11-09	1	2027-02-01	\N	\N	65	\N	framing	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
307	9	\N	1	checkpoint/65	2026-11-10	2026-11-24	2026-11-09	2	2027-02-01	\N	\N	65	\N	framing	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
308	9	\N	1	checkpoint/65	2026-11-24	2026-11-25	2026-11-09	3	2027-02-01	\N	\N	65	\N	framing	\N	\N	2026-11-02	\N	f	\N	\N	t	up-pm@example.com
309	9	\N	1	checkpoint/66	2026-11-17	2026-11-24	2026-11-17	1	2027-02-01	\N	\N	66	\N	data	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
310	9	\N	1	checkpoint/66	2026-11-24	2026-11-25	2026-11-17	2	2027-02-01	\N	\N	66	\N	data	\N	\N	2026-11-16	\N	f	\N	\N	t	up-pm@example.com
311	9	\N	4	stage/framing	2026-11-09	2026-11-23	2026-11-09	1	2027-02-01	\N	\N	\N	\N	framing	\N	\N	2026-11-08	\N	f	\N	\N	f	\N
312	9	\N	4	stage/framing	2026-11-23	2026-11-25	2026-11-09	2	2027-02-01	\N	\N	\N	\N	framing	\N	\N	2026-11-08	\N	f	\N	\N	t	up-pm@example.com
313	8	\N	0	problem_framing/ds	2026-11-18	\N	2026-11-18	3	2027-02-15	problem_framing	ds	\N	\N	framing	\N	17	2026-10-26	\N	t	\N	\N	f	\N
314	8	\N	0	outcome_logging/ds	2026-11-09	2026-11-18	2026-11-09	2	2027-02-15	outcome_logging	ds	\N	\N	data	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
315	8	\N	0	outcome_logging/ds	2026-11-18	\N	2026-11-09	3	2027-02-15	outcome_logging	ds	\N	\N	data	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
316	8	\N	0	outcome_logging/swe	2026-11-09	2026-11-18	2026-11-09	2	2027-02-15	outcome_logging	swe	\N	\N	data	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
317	8	\N	0	outcome_logging/swe	2026-11-18	\N	2026-11-09	3	2027-02-15	outcome_logging	swe	\N	\N	data	\N	\N	2026-11-02	\N	f	\N	\N	f	\N
318	8	\N	0	feature_model_choice/ds	2026-11-09	2026-11-18	2026-11-09	1	2027-02-15	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
319	8	\N	0	feature_model_choice/ds	2026-11-18	\N	2026-11-09	2	2027-02-15	feature_model_choice	ds	\N	\N	baseline	\N	\N	2026-11-16	\N	f	\N	\N	f	\N
320	8	\N	0	offline_evaluation/ds	2026-11-09	2026-11-18	2026-11-09	0	2027-02-15	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
321	8	\N	0	offline_evaluation/ds	2026-11-18	\N	2026-11-09	1	2027-02-15	offline_evaluation	ds	\N	\N	modelling	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
322	8	\N	0	training_pipeline/ds	2026-11-09	\N	2026-11-09	0	2027-02-15	training_pipeline	ds	\N	\N	evaluation	\N	\N	2026-12-14	\N	f	\N	\N	f	\N
323	8	\N	0	training_pipeline/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	training_pipeline	mle	\N	\N	evaluation	\N	\N	2026-12-14	\N	f	\N	\N	f	\N
324	8	\N	0	feature_pipeline/ds	2026-11-09	\N	2026-11-09	0	2027-02-15	feature_pipeline	ds	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
325	8	\N	0	feature_pipeline/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	feature_pipeline	mle	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
326	8	\N	0	model_registry/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	model_registry	mle	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
327	8	\N	0	api_contract/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	api_contract	mle	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
328	8	\N	0	api_contract/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	api_contract	swe	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
329	8	\N	0	fallback/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	fallback	swe	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
330	8	\N	0	ab_testing/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	ab_testing	swe	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
331	8	\N	0	latency_budget/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	latency_budget	mle	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
332	8	\N	0	latency_budget/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	latency_budget	swe	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
333	8	\N	0	monitoring_drift/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	monitoring_drift	mle	\N	\N	monitoring	\N	\N	2027-01-04	\N	f	\N	\N	f	\N
334	8	\N	0	on_call/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	on_call	mle	\N	\N	monitoring	\N	\N	2027-01-04	\N	f	\N	\N	f	\N
335	8	\N	0	on_call/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	on_call	swe	\N	\N	monitoring	\N	\N	2027-01-04	\N	f	\N	\N	f	\N
336	8	\N	0	retraining_trigger/ds	2026-11-09	\N	2026-11-09	0	2027-02-15	retraining_trigger	ds	\N	\N	monitoring	\N	\N	2027-01-04	\N	f	\N	\N	f	\N
337	8	\N	0	retraining_trigger/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	retraining_trigger	mle	\N	\N	monitoring	\N	\N	2027-01-04	\N	f	\N	\N	f	\N
338	8	\N	0	rollback_decision/mle	2026-11-09	\N	2026-11-09	0	2027-02-15	rollback_decision	mle	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
339	8	\N	0	rollback_decision/swe	2026-11-09	\N	2026-11-09	0	2027-02-15	rollback_decision	swe	\N	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
340	8	\N	1	checkpoint/57	2026-11-09	2026-11-17	2026-11-09	2	2027-02-15	\N	\N	57	\N	framing	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
341	8	\N	1	checkpoint/57	2026-11-17	\N	2026-11-09	3	2027-02-15	\N	\N	57	\N	framing	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
342	8	\N	1	checkpoint/58	2026-11-10	2026-11-17	2026-11-10	1	2027-02-15	\N	\N	58	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
343	8	\N	1	checkpoint/58	2026-11-17	2026-12-01	2026-11-10	2	2027-02-15	\N	\N	58	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
344	8	\N	1	checkpoint/58	2026-12-01	\N	2026-11-10	3	2027-02-15	\N	\N	58	\N	data	\N	\N	2026-11-09	\N	f	\N	\N	f	\N
345	8	\N	1	checkpoint/59	2026-11-24	2026-12-01	2026-11-24	1	2027-02-15	\N	\N	59	\N	baseline	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
346	8	\N	1	checkpoint/59	2026-12-01	2026-12-15	2026-11-24	2	2027-02-15	\N	\N	59	\N	baseline	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
347	8	\N	1	checkpoint/59	2026-12-15	\N	2026-11-24	3	2027-02-15	\N	\N	59	\N	baseline	\N	\N	2026-11-23	\N	f	\N	\N	f	\N
348	8	\N	1	checkpoint/60	2026-12-01	2026-12-08	2026-12-01	1	2027-02-15	\N	\N	60	\N	modelling	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
349	8	\N	1	checkpoint/60	2026-12-08	2026-12-22	2026-12-01	2	2027-02-15	\N	\N	60	\N	modelling	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
350	8	\N	1	checkpoint/60	2026-12-22	\N	2026-12-01	3	2027-02-15	\N	\N	60	\N	modelling	\N	\N	2026-11-30	\N	f	\N	\N	f	\N
351	8	\N	1	checkpoint/61	2026-12-08	2026-12-15	2026-12-08	1	2027-02-15	\N	\N	61	\N	modelling	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
352	8	\N	1	checkpoint/61	2026-12-15	2026-12-29	2026-12-08	2	2027-02-15	\N	\N	61	\N	modelling	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
353	8	\N	1	checkpoint/61	2026-12-29	\N	2026-12-08	3	2027-02-15	\N	\N	61	\N	modelling	\N	\N	2026-12-07	\N	f	\N	\N	f	\N
354	8	\N	1	checkpoint/62	2026-12-15	2026-12-22	2026-12-15	1	2027-02-15	\N	\N	62	\N	evaluation	\N	\N	2026-12-14	\N	f	\N	\N	f	\N
355	8	\N	1	checkpoint/62	2026-12-22	2027-01-05	2026-12-15	2	2027-02-15	\N	\N	62	\N	evaluation	\N	\N	2026-12-14	\N	f	\N	\N	f	\N
356	8	\N	1	checkpoint/62	2027-01-05	\N	2026-12-15	3	2027-02-15	\N	\N	62	\N	evaluation	\N	\N	2026-12-14	\N	f	\N	\N	f	\N
357	8	\N	1	checkpoint/63	2026-12-22	2026-12-29	2026-12-22	1	2027-02-15	\N	\N	63	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
358	8	\N	1	checkpoint/63	2026-12-29	2027-01-12	2026-12-22	2	2027-02-15	\N	\N	63	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
359	8	\N	1	checkpoint/63	2027-01-12	\N	2026-12-22	3	2027-02-15	\N	\N	63	\N	production	\N	\N	2026-12-21	\N	f	\N	\N	f	\N
360	8	\N	1	checkpoint/64	2027-02-16	2027-02-23	2027-02-16	1	2027-02-15	\N	\N	64	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
361	8	\N	1	checkpoint/64	2027-02-23	2027-03-09	2027-02-16	2	2027-02-15	\N	\N	64	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
362	8	\N	1	checkpoint/64	2027-03-09	\N	2027-02-16	3	2027-02-15	\N	\N	64	\N	monitoring	\N	\N	2027-02-15	\N	f	\N	\N	f	\N
363	8	\N	2	checkpoint/57	2026-11-18	\N	2026-11-18	2	2027-02-15	\N	\N	57	\N	framing	\N	\N	2026-10-26	\N	f	\N	\N	f	\N
364	8	\N	3	handoff/a	2026-11-18	2026-11-25	2026-11-18	2	2027-02-15	\N	\N	\N	a	data	\N	17	2026-11-18	2026-11-18	f	\N	\N	t	up-member@example.com
365	8	\N	4	stage/framing	2026-11-09	2026-11-16	2026-11-09	1	2027-02-15	\N	\N	\N	\N	framing	\N	\N	2026-11-01	\N	f	\N	\N	f	\N
366	8	\N	4	stage/framing	2026-11-16	2026-11-18	2026-11-09	2	2027-02-15	\N	\N	\N	\N	framing	\N	\N	2026-11-01	\N	f	\N	\N	t	up-pm@example.com
367	8	\N	4	stage/data	2026-11-18	2026-11-30	2026-11-18	1	2027-02-15	\N	\N	\N	\N	data	\N	\N	2026-11-15	\N	f	\N	\N	f	\N
368	8	\N	4	stage/data	2026-11-30	\N	2026-11-18	2	2027-02-15	\N	\N	\N	\N	data	\N	\N	2026-11-15	\N	f	\N	\N	f	\N
369	8	\N	5	spec/secondary_constraint	2026-11-18	\N	2026-11-18	2	2027-02-15	\N	\N	\N	\N	data	secondary_constraint	\N	\N	2026-11-18	f	\N	\N	f	\N
370	8	\N	5	spec/worse_error	2026-11-18	\N	2026-11-18	2	2027-02-15	\N	\N	\N	\N	data	worse_error	\N	\N	2026-11-18	f	\N	\N	f	\N
371	8	\N	5	spec/monitoring_trigger	2026-11-18	2026-11-25	2026-11-18	2	2027-02-15	\N	\N	\N	\N	data	monitoring_trigger	\N	\N	2026-11-18	f	\N	\N	t	up-pm@example.com
372	8	\N	5	spec/baseline	2026-11-18	\N	2026-11-18	2	2027-02-15	\N	\N	\N	\N	data	baseline	\N	\N	2026-11-18	f	\N	\N	f	\N
373	8	\N	7	project	2026-12-16	2027-01-06	2026-12-16	0	2027-02-15	\N	\N	\N	\N	data	\N	\N	2026-11-25	\N	f	\N	\N	f	\N
374	8	\N	7	project	2027-01-06	\N	2026-12-16	1	2027-02-15	\N	\N	\N	\N	data	\N	\N	2026-11-25	\N	f	\N	\N	f	\N
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_migrations (version, applied_at) FROM stdin;
0001_init	2026-12-01 21:36:33.143423+00
0002_domain	2026-12-01 21:36:33.325763+00
0003_api_common	2026-12-01 21:36:33.564834+00
0004_api_people	2026-12-01 21:36:33.7243+00
0005_api_projects	2026-12-01 21:36:33.924977+00
0006_api_checkpoints	2026-12-01 21:36:34.133862+00
0007_api_ownership_handoffs	2026-12-01 21:36:34.305412+00
0008_api_facts	2026-12-01 21:36:34.461359+00
0009_accounts	2026-12-01 21:36:34.631541+00
0010_setting_plpgsql	2026-12-01 21:36:34.867314+00
0011_ledger	2026-12-01 21:36:35.056996+00
0012_vocabulary	2026-12-01 21:36:35.332954+00
0013_signin_budgets	2026-12-01 21:36:35.553689+00
\.


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, address) FROM stdin;
4d886391b5ddd7e2b3173e1014d06dc56365ac74feef6bd4eee4ab1eff0b4491	1	WfstMxTZ2uuGeTyI6YSJ6sB7FT84lsVwKO-eROEC4XY	2026-12-01 21:36:38.850478+00	2026-12-01 21:36:38.850478+00	2026-12-02 09:36:38.850478+00	127.0.0.1
efbb059e622a5b6829d93a0a2cab38f8a68dc2e4bcd19d02a91bb6d437099ed4	6	0BymsG9S82FrwIdt7UZEgy-TxpUZR34FPALZmMuezOA	2026-12-01 21:36:40.269028+00	2026-12-01 21:36:40.269028+00	2026-12-02 09:36:40.269028+00	127.0.0.1
d015a90d9f7063e8af49d473df3f8970aef5956222207ac15c72d2789136a92c	7	a1cCB7wb-fZ6G5CcOI02RSxYAvvv1Mkz2Y3EkHx2pkY	2026-12-01 21:36:40.466117+00	2026-12-01 21:36:40.466117+00	2026-12-02 09:36:40.466117+00	127.0.0.1
9269e31c64912c1ce5bb486664efed42f74e8fa77ba71ea9a7ad189954aa3ae3	8	PzrSwi_tobQqLYdo4ZErUh20GpphjKvACCDOLZKFcAg	2026-12-01 21:36:40.655706+00	2026-12-01 21:36:40.655706+00	2026-12-02 09:36:40.655706+00	127.0.0.1
629d80ba4330cd96897994525342787bfb48b1e6096c8c2d8690855ad57e190e	5	me_N-HqQcT2tUKuu2W-JH3s-u_3HyMxQoBOd0aflbX4	2026-12-01 21:36:40.846987+00	2026-12-01 21:36:40.846987+00	2026-12-02 09:36:40.846987+00	127.0.0.1
\.


--
-- Data for Name: settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.settings (key, value, description) FROM stdin;
stale_low_days	21	days without a change before a project is stale (low)
stale_medium_days	42	days without a change before a project is stale (medium)
session_idle_minutes	120	a session unused for this long ends
session_max_hours	12	a session ends this long after sign-in, used or not
login_slow_after	3	failed sign-ins before each further attempt has to wait
login_lock_after	10	failed sign-ins before the account is locked
login_lock_minutes	15	how long a locked account stays locked
login_address_burst	20	failed sign-ins one client address may make before it has to wait
login_address_per_hour	20	failed sign-ins one client address is allowed per hour after that
login_global_burst	60	password checks all server instances together may make at once
login_global_per_minute	300	password checks per minute allowed to all instances after that
overload_threshold	16	a person holding more expected boxes than this across active projects is a single point of failure
\.


--
-- Data for Name: stage_plans; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stage_plans (project_id, stage, planned_start, planned_end) FROM stdin;
1	framing	2026-06-12	2026-06-18
1	data	2026-06-19	2026-07-02
1	baseline	2026-07-03	2026-07-16
1	modelling	2026-07-17	2026-07-30
1	evaluation	2026-07-31	2026-08-06
1	production	2026-08-07	2026-08-20
1	monitoring	2026-08-21	2027-08-16
2	framing	2026-08-11	2026-08-17
2	data	2026-08-18	2026-08-31
2	baseline	2026-09-01	2026-09-14
2	modelling	2026-09-15	2026-09-28
2	evaluation	2026-09-29	2026-10-05
2	production	2026-10-06	2026-10-19
2	monitoring	2026-10-20	2026-11-16
3	framing	2026-08-31	2026-09-06
3	data	2026-09-07	2026-09-20
3	baseline	2026-09-21	2026-10-04
3	modelling	2026-10-05	2026-10-18
3	evaluation	2026-10-19	2026-10-25
3	monitoring	2026-11-09	2026-12-06
3	production	2026-10-26	2026-11-16
4	framing	2026-09-18	2026-09-24
4	data	2026-09-25	2026-10-08
4	baseline	2026-10-09	2026-10-22
4	modelling	2026-10-23	2026-11-05
4	evaluation	2026-11-06	2026-11-12
4	production	2026-11-13	2026-11-26
4	monitoring	2026-11-27	2026-12-24
5	framing	2026-10-20	2026-10-26
5	data	2026-10-27	2026-11-09
5	baseline	2026-11-10	2026-11-23
5	modelling	2026-11-24	2026-12-07
5	evaluation	2026-12-08	2026-12-14
5	production	2026-12-15	2026-12-28
5	monitoring	2026-12-29	2027-01-25
6	framing	2026-10-10	2026-10-16
6	data	2026-10-17	2026-10-30
6	baseline	2026-10-31	2026-11-13
6	modelling	2026-11-14	2026-11-27
6	evaluation	2026-11-28	2026-12-04
6	production	2026-12-05	2026-12-18
6	monitoring	2026-12-19	2027-01-15
7	framing	2026-10-12	2026-10-18
7	baseline	2026-11-02	2026-11-15
7	modelling	2026-11-16	2026-11-29
7	evaluation	2026-11-30	2026-12-06
7	production	2026-12-07	2026-12-20
7	monitoring	2026-12-21	2027-01-17
8	framing	2026-10-26	2026-11-01
8	data	2026-11-02	2026-11-15
8	baseline	2026-11-16	2026-11-29
8	modelling	2026-11-30	2026-12-13
8	evaluation	2026-12-14	2026-12-20
8	production	2026-12-21	2027-01-03
8	monitoring	2027-01-04	2027-01-31
9	framing	2026-11-02	2026-11-08
9	data	2026-11-09	2026-11-22
9	baseline	2026-11-23	2026-12-06
9	modelling	2026-12-07	2026-12-20
9	evaluation	2026-12-21	2026-12-27
9	production	2026-12-28	2027-01-10
9	monitoring	2027-01-11	2027-02-07
7	data	2026-10-19	2026-11-15
\.


--
-- Data for Name: stage_transitions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stage_transitions (id, project_id, from_stage, to_stage, effective_on, actor, note, at) FROM stdin;
1	1	\N	framing	2026-06-12	maya@example.com	kickoff	2026-12-01 21:36:36.29015+00
2	1	framing	data	2026-06-19	maya@example.com	labels from user reports look usable	2026-12-01 21:36:36.29015+00
3	1	data	baseline	2026-06-26	maya@example.com	\N	2026-12-01 21:36:36.29015+00
4	1	baseline	modelling	2026-07-10	maya@example.com	\N	2026-12-01 21:36:36.29015+00
5	1	modelling	evaluation	2026-07-24	maya@example.com	\N	2026-12-01 21:36:36.29015+00
6	1	evaluation	production	2026-08-01	maya@example.com	\N	2026-12-01 21:36:36.29015+00
7	1	production	monitoring	2026-08-17	maya@example.com	launched to 100 %	2026-12-01 21:36:36.29015+00
8	2	\N	framing	2026-08-11	tom@example.com	kickoff	2026-12-01 21:36:36.29015+00
9	2	framing	data	2026-08-21	tom@example.com	\N	2026-12-01 21:36:36.29015+00
10	3	\N	framing	2026-08-31	maya@example.com	kickoff	2026-12-01 21:36:36.29015+00
11	3	framing	data	2026-09-07	maya@example.com	\N	2026-12-01 21:36:36.29015+00
12	3	data	baseline	2026-09-14	maya@example.com	\N	2026-12-01 21:36:36.29015+00
13	3	baseline	modelling	2026-09-28	maya@example.com	\N	2026-12-01 21:36:36.29015+00
14	3	modelling	evaluation	2026-10-19	maya@example.com	\N	2026-12-01 21:36:36.29015+00
15	3	evaluation	production	2026-11-02	maya@example.com	readiness review passed	2026-12-01 21:36:36.29015+00
16	4	\N	framing	2026-09-18	tom@example.com	kickoff	2026-12-01 21:36:36.29015+00
17	4	framing	data	2026-09-20	tom@example.com	\N	2026-12-01 21:36:36.29015+00
18	4	data	baseline	2026-10-04	tom@example.com	\N	2026-12-01 21:36:36.29015+00
19	4	baseline	modelling	2026-10-18	tom@example.com	\N	2026-12-01 21:36:36.29015+00
20	4	modelling	evaluation	2026-11-01	tom@example.com	held-out test ahead of the error analysis	2026-12-01 21:36:36.29015+00
21	5	\N	framing	2026-10-20	tom@example.com	kickoff	2026-12-01 21:36:36.29015+00
22	5	framing	data	2026-10-27	tom@example.com	the fallback can wait until we know the data	2026-12-01 21:36:36.29015+00
23	6	\N	framing	2026-10-10	maya@example.com	kickoff	2026-12-01 21:36:36.29015+00
24	6	framing	data	2026-10-12	maya@example.com	\N	2026-12-01 21:36:36.29015+00
25	6	data	baseline	2026-10-24	maya@example.com	\N	2026-12-01 21:36:36.29015+00
26	6	baseline	modelling	2026-11-07	maya@example.com	\N	2026-12-01 21:36:36.29015+00
27	7	\N	framing	2026-10-12	up-pm@example.com	kickoff	2026-12-01 21:36:40.91681+00
28	8	\N	framing	2026-10-26	up-pm@example.com	kickoff	2026-12-01 21:36:40.972905+00
29	9	\N	framing	2026-11-02	up-pm@example.com	kickoff	2026-12-01 21:36:41.007744+00
30	7	framing	data	2026-11-18	up-pm@example.com	labels look usable	2026-12-01 21:36:41.703832+00
31	8	framing	data	2026-11-18	up-pm@example.com	framing done	2026-12-01 21:36:41.795878+00
32	7	data	baseline	2026-11-25	up-pm@example.com	go	2026-12-01 21:36:42.781689+00
\.


--
-- Data for Name: stages; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.stages (key, "position", name, done_looks_like, default_weeks) FROM stdin;
framing	1	Problem framing	outcome, label, business metric, acceptance criteria written down	1
data	2	Data exploration	distributions, missing values, label quality, class balance known; feasibility call made	2
baseline	3	Baseline	simplest model/heuristic measured; the floor everything is compared to	2
modelling	4	Modelling & iteration	features, model choice, tuning, error analysis against the criteria	2
evaluation	5	Evaluation & sign-off	held-out test, business case, bias audit, stakeholder review	1
production	6	Production & integration	feature pipelines, serving, A/B setup, logging, fallback	2
monitoring	7	Monitoring & maintenance	drift detection, retraining triggers, on-call: the project is in operations	4
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, email, name, role, password_hash, active, failed_logins, locked_until, password_changed_at, created_at, updated_at, version) FROM stdin;
2	maya@example.com	Maya Chen	pm	$argon2id$v=19$m=65536,t=2,p=1$R0nS3Hp/uC/ppQJSQQ+igw$fry75G1Vwxl9CcYNxoFD6qzdmPmEakyTYthcZkUmTDg	t	0	\N	2026-12-01 21:36:37.59693+00	2026-12-01 21:36:37.59693+00	2026-12-01 21:36:37.59693+00	1
3	ana@example.com	Ana Ruiz	member	$argon2id$v=19$m=65536,t=2,p=1$ymv4odN+LoFByIFV3zko1w$RRFUI9Tyx2CT2DmKlOdd4zZYTFwgJKC4dc65RB9/mxI	t	0	\N	2026-12-01 21:36:37.865352+00	2026-12-01 21:36:37.865352+00	2026-12-01 21:36:37.865352+00	1
4	victor@example.com	Victor Viewer	viewer	$argon2id$v=19$m=65536,t=2,p=1$W9sUB07lkQFLWdhC921vGQ$K6vsXP1Gz7FXcpNAvaIIsaOHKTUGKXNNE+xqvowqWG8	t	0	\N	2026-12-01 21:36:38.121521+00	2026-12-01 21:36:38.121521+00	2026-12-01 21:36:38.121521+00	1
1	admin@example.com	Ada Admin	admin	$argon2id$v=19$m=65536,t=2,p=1$Fk1AKWGj2re6TQG/UwhwlA$PBrfCSQLO4YrVY2zL9VqV1DdP2Bp7LUrs4zH2UYm6mw	t	0	\N	2026-12-01 21:36:37.322769+00	2026-12-01 21:36:37.322769+00	2026-12-01 21:36:37.322769+00	1
6	up-pm@example.com	up-pm	pm	$argon2id$v=19$m=65536,t=2,p=1$J/vnnJeiLzQkPf4M5E8Tyw$wshzkHTtRCZipGz0XoG/lNg3m/TpmcnS1y2XtaoN2JA	t	0	\N	2026-12-01 21:36:39.309747+00	2026-12-01 21:36:39.309747+00	2026-12-01 21:36:39.309747+00	1
7	up-member@example.com	up-member	member	$argon2id$v=19$m=65536,t=2,p=1$RzF/zQ+FA+/KATUXZU7vEA$D1FS8tzLx/8Oqv8XVvVEE+FU6cTTFXMwNw8oRrxkkUY	t	0	\N	2026-12-01 21:36:39.501857+00	2026-12-01 21:36:39.501857+00	2026-12-01 21:36:39.501857+00	1
8	up-viewer@example.com	up-viewer	viewer	$argon2id$v=19$m=65536,t=2,p=1$xUnn0D654ah+L4I3yR2O+w$HUr5MApd7e3V1FPM4CJBEqgO0pI2gU3vZmQm/FZZ+CI	t	0	\N	2026-12-01 21:36:39.696446+00	2026-12-01 21:36:39.696446+00	2026-12-01 21:36:39.696446+00	1
5	up-admin@example.com	up-admin	admin	$argon2id$v=19$m=65536,t=2,p=1$XyyzqsLNbAHu3Nzvvx+bZA$Fh8opmN4TdGUPJXffehDKa8X0sNRu0spRIO4dZr1//w	t	0	\N	2026-12-01 21:36:39.097218+00	2026-12-01 21:36:39.097218+00	2026-12-01 21:36:39.097218+00	1
10	up-leaver@example.com	up-leaver	member	$argon2id$v=19$m=65536,t=2,p=1$6kVy2In5BhWBzSGIWGLPGg$mlqNNwurBtSUhZ1ZCg/ZJI5fbVvTRVypQQ7J8g6QZjw	f	0	\N	2026-12-01 21:36:40.079446+00	2026-12-01 21:36:40.079446+00	2026-12-01 21:36:41.905884+00	2
9	up-promoted@example.com	up-promoted	member	$argon2id$v=19$m=65536,t=2,p=1$YsYMfaWAOMh4EEu2Xg9eXg$DGtbKGNClzP/vbJ4MpCLy8tLKs/qBPnBQTJH/03tcvU	t	0	\N	2026-12-01 21:36:39.888539+00	2026-12-01 21:36:39.888539+00	2026-12-01 21:36:41.941744+00	2
\.


--
-- Data for Name: vocabulary; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.vocabulary (kind, "position", key, label) FROM stdin;
stage	0	framing	Problem framing
stage	1	data	Data exploration
stage	2	baseline	Baseline
stage	3	modelling	Modelling & iteration
stage	4	evaluation	Evaluation & sign-off
stage	5	production	Production & integration
stage	6	monitoring	Monitoring & maintenance
role	0	ds	DS
role	1	mle	MLE
role	2	swe	SWE
person_role	0	ds	DS
person_role	1	mle	MLE
person_role	2	swe	SWE
person_role	3	pm	PM
user_role	0	viewer	viewer
user_role	1	member	member
user_role	2	pm	pm
user_role	3	admin	admin
project_status	0	active	active
project_status	1	paused	paused
project_status	2	shipped	shipped
project_status	3	cancelled	cancelled
checkpoint_status	0	pending	pending
checkpoint_status	1	done	done
checkpoint_status	2	blocked	blocked
checkpoint_status	3	waived	waived
outcome	0	go	go
outcome	1	pivot	pivot
outcome	2	stop	stop
spec_field	0	decision	the decision the model makes
spec_field	1	primary_metric	the primary metric and target
spec_field	2	secondary_constraint	the secondary constraint
spec_field	3	worse_error	which error is worse and why
spec_field	4	fallback	the fallback behaviour
spec_field	5	monitoring_trigger	the monitoring trigger
spec_field	6	baseline	the baseline
risk_kind	0	empty_owner	empty ownership box
risk_kind	1	missed_checkpoint	missed checkpoint
risk_kind	2	blocked_checkpoint	blocked checkpoint
risk_kind	3	handoff_not_accepted	handoff not accepted
risk_kind	4	stage_overrun	stage overrun
risk_kind	5	incomplete_spec	incomplete spec
risk_kind	6	overloaded_owner	overloaded owner
risk_kind	7	stale_project	stale project
severity	0	low	low
severity	1	medium	medium
severity	2	high	high
severity	3	critical	critical
\.


--
-- Name: api_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_tokens_id_seq', 5, true);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 263, true);


--
-- Name: checkpoint_slips_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.checkpoint_slips_id_seq', 4, true);


--
-- Name: checkpoint_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.checkpoint_versions_id_seq', 104, true);


--
-- Name: checkpoints_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.checkpoints_id_seq', 73, true);


--
-- Name: handoff_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.handoff_versions_id_seq', 29, true);


--
-- Name: ledger_dirty_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_dirty_id_seq', 631, true);


--
-- Name: ownership_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ownership_versions_id_seq', 125, true);


--
-- Name: people_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.people_id_seq', 17, true);


--
-- Name: person_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.person_versions_id_seq', 20, true);


--
-- Name: plan_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_versions_id_seq', 66, true);


--
-- Name: project_versions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.project_versions_id_seq', 39, true);


--
-- Name: projects_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.projects_id_seq', 9, true);


--
-- Name: risk_spans_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_spans_id_seq', 374, true);


--
-- Name: stage_transitions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.stage_transitions_id_seq', 32, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 10, true);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: checkpoint_slips checkpoint_slips_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_slips
    ADD CONSTRAINT checkpoint_slips_pkey PRIMARY KEY (id);


--
-- Name: checkpoint_templates checkpoint_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_templates
    ADD CONSTRAINT checkpoint_templates_pkey PRIMARY KEY ("position");


--
-- Name: checkpoint_versions checkpoint_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_versions
    ADD CONSTRAINT checkpoint_versions_pkey PRIMARY KEY (id);


--
-- Name: checkpoints checkpoints_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoints
    ADD CONSTRAINT checkpoints_pkey PRIMARY KEY (id);


--
-- Name: handoff_kinds handoff_kinds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoff_kinds
    ADD CONSTRAINT handoff_kinds_pkey PRIMARY KEY (key);


--
-- Name: handoff_versions handoff_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoff_versions
    ADD CONSTRAINT handoff_versions_pkey PRIMARY KEY (id);


--
-- Name: handoffs handoffs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoffs
    ADD CONSTRAINT handoffs_pkey PRIMARY KEY (project_id, key);


--
-- Name: ledger_dirty ledger_dirty_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_dirty
    ADD CONSTRAINT ledger_dirty_pkey PRIMARY KEY (id);


--
-- Name: ledger_items ledger_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_items
    ADD CONSTRAINT ledger_items_pkey PRIMARY KEY (kind, item);


--
-- Name: login_budgets login_budgets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_budgets
    ADD CONSTRAINT login_budgets_pkey PRIMARY KEY (key);


--
-- Name: ownership ownership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ownership
    ADD CONSTRAINT ownership_pkey PRIMARY KEY (project_id, responsibility, role);


--
-- Name: ownership_versions ownership_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ownership_versions
    ADD CONSTRAINT ownership_versions_pkey PRIMARY KEY (id);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


--
-- Name: person_versions person_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_versions
    ADD CONSTRAINT person_versions_pkey PRIMARY KEY (id);


--
-- Name: plan_versions plan_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_versions
    ADD CONSTRAINT plan_versions_pkey PRIMARY KEY (id);


--
-- Name: project_versions project_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_versions
    ADD CONSTRAINT project_versions_pkey PRIMARY KEY (id);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);


--
-- Name: responsibilities responsibilities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibilities
    ADD CONSTRAINT responsibilities_pkey PRIMARY KEY (project_id, key);


--
-- Name: responsibility_templates responsibility_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibility_templates
    ADD CONSTRAINT responsibility_templates_pkey PRIMARY KEY (key);


--
-- Name: responsibility_templates responsibility_templates_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibility_templates
    ADD CONSTRAINT responsibility_templates_position_key UNIQUE ("position");


--
-- Name: risk_deltas risk_deltas_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_deltas
    ADD CONSTRAINT risk_deltas_pkey PRIMARY KEY (on_day, severity);


--
-- Name: risk_profile risk_profile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_profile
    ADD CONSTRAINT risk_profile_pkey PRIMARY KEY (project_id, from_on);


--
-- Name: risk_spans risk_spans_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_spans
    ADD CONSTRAINT risk_spans_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id_hash);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);


--
-- Name: stage_plans stage_plans_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_plans
    ADD CONSTRAINT stage_plans_pkey PRIMARY KEY (project_id, stage);


--
-- Name: stage_transitions stage_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_transitions
    ADD CONSTRAINT stage_transitions_pkey PRIMARY KEY (id);


--
-- Name: stages stages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stages
    ADD CONSTRAINT stages_pkey PRIMARY KEY (key);


--
-- Name: stages stages_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stages
    ADD CONSTRAINT stages_position_key UNIQUE ("position");


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: vocabulary vocabulary_kind_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.vocabulary
    ADD CONSTRAINT vocabulary_kind_key_key UNIQUE (kind, key);


--
-- Name: vocabulary vocabulary_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.vocabulary
    ADD CONSTRAINT vocabulary_pkey PRIMARY KEY (kind, "position");


--
-- Name: api_tokens_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_tokens_user ON public.api_tokens USING btree (user_id);


--
-- Name: audit_log_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_entity ON public.audit_log USING btree (entity, entity_id, id);


--
-- Name: audit_log_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_project ON public.audit_log USING btree (project_id, id);


--
-- Name: checkpoint_slips_checkpoint; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX checkpoint_slips_checkpoint ON public.checkpoint_slips USING btree (checkpoint_id, id);


--
-- Name: checkpoint_versions_checkpoint; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX checkpoint_versions_checkpoint ON public.checkpoint_versions USING btree (checkpoint_id, id);


--
-- Name: checkpoint_versions_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX checkpoint_versions_due ON public.checkpoint_versions USING btree (due_on);


--
-- Name: checkpoints_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX checkpoints_owner ON public.checkpoints USING btree (owner_id);


--
-- Name: checkpoints_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX checkpoints_project ON public.checkpoints USING btree (project_id, due_on);


--
-- Name: handoff_versions_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handoff_versions_project ON public.handoff_versions USING btree (project_id, id);


--
-- Name: ledger_dirty_item; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_dirty_item ON public.ledger_dirty USING btree (kind, item);


--
-- Name: ownership_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ownership_person ON public.ownership USING btree (person_id);


--
-- Name: ownership_versions_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ownership_versions_project ON public.ownership_versions USING btree (project_id, id);


--
-- Name: people_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX people_email_key ON public.people USING btree (lower(email));


--
-- Name: person_versions_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_versions_person ON public.person_versions USING btree (person_id, id);


--
-- Name: plan_versions_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_versions_project ON public.plan_versions USING btree (project_id, id);


--
-- Name: project_versions_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_versions_project ON public.project_versions USING btree (project_id, id);


--
-- Name: projects_pm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX projects_pm ON public.projects USING btree (pm_id);


--
-- Name: projects_status_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX projects_status_stage ON public.projects USING btree (status, stage);


--
-- Name: risk_holders_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_holders_project ON public.risk_holders USING btree (project_id, from_on);


--
-- Name: risk_profile_days; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_profile_days ON public.risk_profile USING gist (daterange(from_on, to_on));


--
-- Name: risk_spans_days; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_days ON public.risk_spans USING gist (daterange(from_on, to_on));


--
-- Name: risk_spans_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_owner ON public.risk_spans USING btree (owner_id, from_on) WHERE (owner_id IS NOT NULL);


--
-- Name: risk_spans_owner_days; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_owner_days ON public.risk_spans USING gist (daterange(from_on, to_on)) WHERE (owner_id IS NOT NULL);


--
-- Name: risk_spans_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_project ON public.risk_spans USING btree (project_id, kind, subject, from_on);


--
-- Name: risk_spans_since; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_since ON public.risk_spans USING btree (since);


--
-- Name: risk_spans_to; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_spans_to ON public.risk_spans USING btree (to_on) WHERE ends;


--
-- Name: sessions_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_user ON public.sessions USING btree (user_id);


--
-- Name: stage_transitions_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stage_transitions_project ON public.stage_transitions USING btree (project_id, id);


--
-- Name: users_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_email_key ON public.users USING btree (lower(email));


--
-- Name: audit_log ledger_audit_log; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_audit_log AFTER INSERT ON public.audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();


--
-- Name: checkpoint_versions ledger_checkpoint_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_checkpoint_versions AFTER INSERT ON public.checkpoint_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_checkpoint_versions();


--
-- Name: handoff_versions ledger_handoff_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_handoff_versions AFTER INSERT ON public.handoff_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();


--
-- Name: ownership_versions ledger_ownership_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_ownership_versions AFTER INSERT ON public.ownership_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_ownership_versions();


--
-- Name: person_versions ledger_person_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_person_versions AFTER INSERT ON public.person_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_person_versions();


--
-- Name: plan_versions ledger_plan_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_plan_versions AFTER INSERT ON public.plan_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();


--
-- Name: project_versions ledger_project_versions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_project_versions AFTER INSERT ON public.project_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_versions();


--
-- Name: responsibilities ledger_responsibilities; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_responsibilities AFTER INSERT ON public.responsibilities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_project_rows();


--
-- Name: settings ledger_settings; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_settings AFTER INSERT OR DELETE OR UPDATE ON public.settings FOR EACH STATEMENT EXECUTE FUNCTION api.ledger_on_settings();


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: audit_log audit_log_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: checkpoint_slips checkpoint_slips_checkpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_slips
    ADD CONSTRAINT checkpoint_slips_checkpoint_id_fkey FOREIGN KEY (checkpoint_id) REFERENCES public.checkpoints(id) ON DELETE CASCADE;


--
-- Name: checkpoint_templates checkpoint_templates_handoff_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_templates
    ADD CONSTRAINT checkpoint_templates_handoff_fkey FOREIGN KEY (handoff) REFERENCES public.handoff_kinds(key);


--
-- Name: checkpoint_templates checkpoint_templates_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_templates
    ADD CONSTRAINT checkpoint_templates_stage_fkey FOREIGN KEY (stage) REFERENCES public.stages(key);


--
-- Name: checkpoint_versions checkpoint_versions_checkpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoint_versions
    ADD CONSTRAINT checkpoint_versions_checkpoint_id_fkey FOREIGN KEY (checkpoint_id) REFERENCES public.checkpoints(id) ON DELETE CASCADE;


--
-- Name: checkpoints checkpoints_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoints
    ADD CONSTRAINT checkpoints_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.people(id);


--
-- Name: checkpoints checkpoints_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoints
    ADD CONSTRAINT checkpoints_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: checkpoints checkpoints_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoints
    ADD CONSTRAINT checkpoints_stage_fkey FOREIGN KEY (stage) REFERENCES public.stages(key);


--
-- Name: checkpoints checkpoints_template_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checkpoints
    ADD CONSTRAINT checkpoints_template_fkey FOREIGN KEY (template) REFERENCES public.checkpoint_templates("position");


--
-- Name: handoff_kinds handoff_kinds_leads_into_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoff_kinds
    ADD CONSTRAINT handoff_kinds_leads_into_fkey FOREIGN KEY (leads_into) REFERENCES public.stages(key);


--
-- Name: handoff_versions handoff_versions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoff_versions
    ADD CONSTRAINT handoff_versions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: handoffs handoffs_from_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoffs
    ADD CONSTRAINT handoffs_from_id_fkey FOREIGN KEY (from_id) REFERENCES public.people(id);


--
-- Name: handoffs handoffs_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoffs
    ADD CONSTRAINT handoffs_key_fkey FOREIGN KEY (key) REFERENCES public.handoff_kinds(key);


--
-- Name: handoffs handoffs_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoffs
    ADD CONSTRAINT handoffs_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: handoffs handoffs_to_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handoffs
    ADD CONSTRAINT handoffs_to_id_fkey FOREIGN KEY (to_id) REFERENCES public.people(id);


--
-- Name: ownership ownership_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ownership
    ADD CONSTRAINT ownership_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id);


--
-- Name: ownership ownership_project_id_responsibility_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ownership
    ADD CONSTRAINT ownership_project_id_responsibility_fkey FOREIGN KEY (project_id, responsibility) REFERENCES public.responsibilities(project_id, key) ON DELETE CASCADE;


--
-- Name: ownership_versions ownership_versions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ownership_versions
    ADD CONSTRAINT ownership_versions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: person_versions person_versions_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_versions
    ADD CONSTRAINT person_versions_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: plan_versions plan_versions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_versions
    ADD CONSTRAINT plan_versions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: project_versions project_versions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_versions
    ADD CONSTRAINT project_versions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: projects projects_pm_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pm_id_fkey FOREIGN KEY (pm_id) REFERENCES public.people(id);


--
-- Name: projects projects_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_stage_fkey FOREIGN KEY (stage) REFERENCES public.stages(key);


--
-- Name: responsibilities responsibilities_handoff_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibilities
    ADD CONSTRAINT responsibilities_handoff_fkey FOREIGN KEY (handoff) REFERENCES public.handoff_kinds(key);


--
-- Name: responsibilities responsibilities_needed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibilities
    ADD CONSTRAINT responsibilities_needed_by_fkey FOREIGN KEY (needed_by) REFERENCES public.stages(key);


--
-- Name: responsibilities responsibilities_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibilities
    ADD CONSTRAINT responsibilities_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: responsibility_templates responsibility_templates_handoff_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibility_templates
    ADD CONSTRAINT responsibility_templates_handoff_fkey FOREIGN KEY (handoff) REFERENCES public.handoff_kinds(key);


--
-- Name: responsibility_templates responsibility_templates_needed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.responsibility_templates
    ADD CONSTRAINT responsibility_templates_needed_by_fkey FOREIGN KEY (needed_by) REFERENCES public.stages(key);


--
-- Name: risk_holders risk_holders_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_holders
    ADD CONSTRAINT risk_holders_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: risk_holders risk_holders_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_holders
    ADD CONSTRAINT risk_holders_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: risk_profile risk_profile_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_profile
    ADD CONSTRAINT risk_profile_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: risk_spans risk_spans_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_spans
    ADD CONSTRAINT risk_spans_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: risk_spans risk_spans_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_spans
    ADD CONSTRAINT risk_spans_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: stage_plans stage_plans_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_plans
    ADD CONSTRAINT stage_plans_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: stage_plans stage_plans_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_plans
    ADD CONSTRAINT stage_plans_stage_fkey FOREIGN KEY (stage) REFERENCES public.stages(key);


--
-- Name: stage_transitions stage_transitions_from_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_transitions
    ADD CONSTRAINT stage_transitions_from_stage_fkey FOREIGN KEY (from_stage) REFERENCES public.stages(key);


--
-- Name: stage_transitions stage_transitions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_transitions
    ADD CONSTRAINT stage_transitions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id) ON DELETE CASCADE;


--
-- Name: stage_transitions stage_transitions_to_stage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_transitions
    ADD CONSTRAINT stage_transitions_to_stage_fkey FOREIGN KEY (to_stage) REFERENCES public.stages(key);


--
-- PostgreSQL database dump complete
--

\unrestrict 8boTcbwW3Gh0B0J6iHRbAdfvJOvdfQKij6qfnJSNYMqnc35X7LaRTQFvVWZifuF


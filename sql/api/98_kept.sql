-- Reads kept whole (sql/0041_kept_reads.sql): what marks a write, how a
-- kept answer is read, kept and pruned.

-- The tables no kept read depends on, so that writing them ends none:
-- what reads and sign-ins write (sessions, tokens, budgets), the mail and
-- outbox machinery, the kept documents and order the ledger makes from
-- tables that are tracked, and this file's own.  ledger_dirty is written
-- by every tick of the ledger's job (its leases); the rows that matter
-- come with a write to a tracked table, in the same transaction.  Every
-- other table of the schema is tracked, a new one included.
CREATE FUNCTION api.kept_untracked() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT ARRAY['api_tokens', 'sessions', 'login_budgets',
	    'idempotency_keys', 'outbox', 'outbox_targets', 'outbox_weeks',
	    'mail_keys', 'mail_prefs', 'reminder_days', 'reminder_optouts',
	    'reminders_sent', 'digest_mail_weeks', 'digest_timezone',
	    'project_docs', 'project_docs_todo', 'portfolio_rank',
	    'portfolio_rank_day', 'ledger_dirty', 'schema_migrations',
	    'read_changes', 'kept_reads', 'kept_horizon']
$$;

-- A statement wrote a tracked table: its transaction is in read_changes,
-- once (the setting is the transaction's own and goes with it).
CREATE FUNCTION api.read_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	me	text := pg_current_xact_id()::text;
BEGIN
	IF current_setting('handoff.read_changed', true) IS DISTINCT FROM me
	    THEN
		INSERT INTO read_changes (xid) VALUES (me::xid8)
		ON CONFLICT DO NOTHING;
		PERFORM set_config('handoff.read_changed', me, true);
	END IF;
	RETURN NULL;
END
$$;

DO $tracked$
DECLARE
	t	record;
BEGIN
	FOR t IN SELECT c.relname FROM pg_class c
	    JOIN pg_namespace n ON n.oid = c.relnamespace
	    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
	      AND c.relname <> ALL (api.kept_untracked())
	    ORDER BY c.relname LOOP
		EXECUTE format('CREATE TRIGGER read_changed AFTER INSERT OR '
		    'UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT '
		    'EXECUTE FUNCTION api.read_changed()', t.relname);
	END LOOP;
END
$tracked$;

-- The kept answer of p_key, if it is still true: no transaction its
-- snapshot did not see has written a tracked table since.  None for a
-- NULL key (a read that keeps nothing).  Rows of read_changes below the
-- snapshot's xmin were all seen by it.  Its name (made), and its text
-- unless the name is one of p_have: the copies the asking worker holds
-- (src/kept.c), which answer for it.
CREATE FUNCTION api.kept_get(p_key text, p_have jsonb, OUT made uuid,
    OUT body text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
	SELECT k.made,
	    CASE WHEN p_have @> to_jsonb(k.made::text) THEN NULL
	    ELSE k.body END
	INTO made, body
	FROM kept_reads k
	WHERE k.key = p_key
	  AND NOT EXISTS (SELECT 1 FROM read_changes c
	    WHERE c.xid >= pg_snapshot_xmin(k.snap)
	      AND NOT pg_visible_in_snapshot(c.xid, k.snap));
END
$$;

-- The snapshot a STABLE function's statement reads: what an answer made
-- from it is kept with (api.kept_put).
CREATE FUNCTION api.kept_snapshot() RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT pg_current_snapshot()::text
$$;

-- A document to make an answer from, with the snapshot it was read from
-- (what the answer is kept with: api.kept_put).
CREATE FUNCTION api.kept_doc(p_doc json) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT api.json_concat(p_doc, json_build_object('snap',
	    api.kept_snapshot()))
$$;

-- Keep p.body as the answer of p.key, made from snapshot p.snap (as
-- api.kept_snapshot() gave it).  Not kept when pruning has gone past the
-- snapshot (the rows that would end it may be gone), nor over an answer
-- made from a later snapshot.  Returns whether it was kept.
CREATE FUNCTION api.kept_put(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	snap	pg_snapshot := (p->>'snap')::pg_snapshot;
	n	int;
BEGIN
	-- Shared with other puts, exclusive with api.kept_prune().
	PERFORM pg_advisory_xact_lock_shared(hashtextextended(
	    'handoff.kept', 0));
	-- No horizon (a pg_restore by hand of make backup's dump, until
	-- the migrate after it makes one): nothing is kept.
	IF NOT coalesce(pg_snapshot_xmin(snap) >= (SELECT xid
	    FROM kept_horizon), false) THEN
		RETURN to_json(false);
	END IF;
	INSERT INTO kept_reads AS k (key, snap, body)
	VALUES (p->>'key', snap, p->>'body')
	ON CONFLICT (key) DO UPDATE SET snap = EXCLUDED.snap,
	    body = EXCLUDED.body, made_at = now(), made = EXCLUDED.made
	WHERE pg_snapshot_xmax(k.snap) <= pg_snapshot_xmax(EXCLUDED.snap);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN to_json(n > 0);
END
$$;

-- Now and then (the ledger's job): answers kept for an hour go, and the
-- rows of read_changes that no snapshot still kept, or still to be kept,
-- can need.  The horizon moves to the oldest running transaction of the
-- prune before, at least ten seconds ago (a statement whose answer is
-- being made then is long done), never past a kept snapshot: a snapshot
-- to be kept that is older is refused (api.kept_put, which waits for
-- this lock while it runs).
CREATE FUNCTION api.kept_prune() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	h	kept_horizon;
	upto	xid8;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtextextended('handoff.kept', 0));
	SELECT * INTO h FROM kept_horizon;
	IF NOT FOUND OR h.next_at > now() - interval '10 seconds' THEN
		RETURN;
	END IF;
	DELETE FROM kept_reads WHERE made_at < now() - interval '1 hour';
	upto := least(h.next, (SELECT min(pg_snapshot_xmin(snap))
	    FROM kept_reads));
	DELETE FROM read_changes WHERE xid < upto;
	UPDATE kept_horizon SET xid = greatest(xid, upto),
	    next = pg_snapshot_xmin(pg_current_snapshot()), next_at = now();
END
$$;

-- GET /api/v1/digest, /digest and /digest.md: the answer kept under
-- p.kept, if there is one still true (made, and kept unless p.have holds
-- it: api.kept_get), else api.digest's document with the snapshot it was
-- read from (doc).  Without p.kept, the document.
CREATE FUNCTION api.digest_read(p jsonb, OUT doc json, OUT kept text,
    OUT made uuid)
LANGUAGE plpgsql STABLE AS $$
BEGIN
	SELECT g.made, g.body INTO made, kept
	FROM api.kept_get(p->>'kept', p->'have') g;
	IF made IS NULL THEN
		doc := api.kept_doc(api.digest(p));
	END IF;
END
$$;

-- GET / (the portfolio page): the page's body kept under p.kept (key),
-- the same for everyone, if it is still true (made, kept: as
-- api.digest_read's), else api.portfolio's document with the snapshot it
-- was read from (doc).
CREATE FUNCTION api.portfolio_read(p jsonb, OUT doc json, OUT kept text,
    OUT key text, OUT made uuid)
LANGUAGE plpgsql STABLE AS $$
BEGIN
	key := p->>'kept';
	SELECT g.made, g.body INTO made, kept
	FROM api.kept_get(key, p->'have') g;
	IF made IS NULL THEN
		doc := api.kept_doc(api.portfolio(p));
	END IF;
END
$$;

-- GET /projects/{id} (the project page): the page kept for the one asking
-- under p.kept (key: the key with their account), its marks still to
-- fill, if it is still true (made, kept: as api.digest_read's), else
-- api.project_page's document with the snapshot it was read from (doc).
CREATE FUNCTION api.project_page_read(p jsonb, OUT doc json, OUT kept text,
    OUT key text, OUT made uuid)
LANGUAGE plpgsql STABLE AS $$
BEGIN
	key := (p->>'kept') || ' user ' || (p->>'user_id');
	SELECT g.made, g.body INTO made, kept
	FROM api.kept_get(key, p->'have') g;
	IF made IS NULL THEN
		doc := api.kept_doc(api.project_page(p));
	END IF;
END
$$;

-- GET /api/v1/projects/{id}: the answer kept under p.kept, if there is
-- one still true (made, kept: as api.digest_read's), else the project's
-- document with the facts of its risks and the snapshot it was read from
-- (doc); its version either way (the ETag: the kept answer is true, so it
-- is of this version).
CREATE FUNCTION api.project_read(p jsonb, OUT doc text, OUT kept text,
    OUT version int, OUT made uuid)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_id	bigint := api.project_exists(p);
BEGIN
	version := (SELECT pr.version FROM projects pr WHERE pr.id = v_id);
	SELECT g.made, g.body INTO made, kept
	FROM api.kept_get(p->>'kept', p->'have') g;
	IF made IS NOT NULL THEN
		RETURN;
	END IF;
	doc := api.json_splice(api.project_doc(v_id)::text,
	    json_build_object('_risk', api.risk_doc(v_id, api.today(p)),
	    'snap', api.kept_snapshot())::text);
END
$$;

-- sql/api/ was loaded again, perhaps with another release's code: what
-- it kept was made by the code of before.  And perhaps into a database
-- restored from another cluster, whose transaction ids mean nothing here
-- (backup.sh leaves these rows out and restore.sh starts them afresh as
-- below, but a restore with PostgreSQL's own tools may bring some): the
-- horizon starts again at this transaction, so that only snapshots taken
-- after it are kept, and every row of read_changes before it can go.
DELETE FROM kept_reads;
DELETE FROM read_changes;
INSERT INTO kept_horizon AS h (xid, next, next_at)
VALUES (pg_current_xact_id(), pg_current_xact_id(), now())
ON CONFLICT (one) DO UPDATE SET xid = EXCLUDED.xid, next = EXCLUDED.next,
    next_at = EXCLUDED.next_at;

-- 0026: the outbox, and the endpoints it delivers to.
--
-- Every notification is a row of outbox, written in the transaction of
-- the change it tells about (sql/api/95_outbox.sql: the audit log's
-- trigger and the risk ledger's apply) or by the weekly job, and sent by
-- a background runner in each server (src/outbox.c).  A runner takes due
-- rows with FOR UPDATE SKIP LOCKED and leases them (leased_until), so
-- two instances never send one row at once and a crashed runner's rows
-- are taken again when its lease ends.  A failed send is tried again
-- after an exponential backoff until the retry window (from since) is
-- over; then the row is a dead letter (dead_at) that an admin sees on
-- /outbox and can send again.
--
-- channel says which sender delivers a row (src/outbox.c's table of
-- senders): 'webhook' (a signed JSON POST, Standard Webhooks), 'chat'
-- (a Slack-compatible incoming webhook) and 'email' (SMTP).  A webhook
-- or chat row names its endpoint (target_id); an email row names its
-- recipient.
--
-- A new channel plugs in with: its name in outbox.channel's check (a
-- migration), a sender in src/outbox.c's table (what it does with a
-- claimed row), and the function that writes its rows.
CREATE TABLE outbox_targets (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	channel		text NOT NULL CHECK (channel IN ('webhook', 'chat')),
	name		text NOT NULL,
	url		text NOT NULL,
	events		text[] NOT NULL,
	-- whsec_<base64>: the signing key of a webhook (shown once).
	secret		text,
	-- Only this project's project events, when set.
	project_id	bigint REFERENCES projects ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	created_by	text NOT NULL,
	CHECK ((channel = 'webhook') = (secret IS NOT NULL))
);

CREATE TABLE outbox (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	-- The message's id for the receiver (webhook-id): the same on
	-- every attempt, so that a receiver can drop a repeat.
	msg_id		text NOT NULL UNIQUE DEFAULT
	    'msg_' || replace(gen_random_uuid()::text, '-', ''),
	channel		text NOT NULL CHECK (channel IN ('webhook', 'chat',
	    'email')),
	target_id	bigint REFERENCES outbox_targets ON DELETE CASCADE,
	recipient	text,
	event		text NOT NULL,
	payload		jsonb NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT clock_timestamp(),
	-- The retry window runs from here (an admin's retry restarts it).
	since		timestamptz NOT NULL DEFAULT clock_timestamp(),
	due_at		timestamptz NOT NULL DEFAULT clock_timestamp(),
	attempts	int NOT NULL DEFAULT 0,
	leased_until	timestamptz,
	leased_by	text,
	delivered_at	timestamptz,
	dead_at		timestamptz,
	last_error	text,
	CHECK (channel = 'email' OR target_id IS NOT NULL)
);

-- What a runner takes: the undelivered living rows, soonest first.
CREATE INDEX outbox_due ON outbox (due_at)
    WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_dead ON outbox (dead_at) WHERE dead_at IS NOT NULL;
CREATE INDEX outbox_target ON outbox (target_id);

-- The weeks whose digest.weekly event was written: once each, whichever
-- worker of whichever instance gets there first.
CREATE TABLE outbox_weeks (
	week		text PRIMARY KEY,
	written_at	timestamptz NOT NULL DEFAULT now()
);

INSERT INTO settings (key, value, description) VALUES
	('outbox_allow_loopback', 0,
	 'webhooks and chat messages may be sent to the loopback, over http too (1: tests and development only; other internal addresses are always refused)');

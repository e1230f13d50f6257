-- 0011: the risk ledger.
--
-- The risks of every project (and every person's overload) on every day,
-- as spans computed by the server's risk rules (src/ledger.c) from the
-- facts, so that reads across the portfolio look risks up instead of
-- computing them.  A write marks what it changed as dirty (triggers, in
-- sql/api/70_ledger.sql); a background job of the server recomputes dirty
-- items and applies the result; a read treats an item that is still dirty
-- by computing it from its facts, so an answer is always exact.

-- One span: a risk over the days [from_on, to_on) (to_on NULL: for ever)
-- on which it holds with the same severity and says the same thing.
-- Either a project's (project_id) or a person's overload (owner_id).
-- kind and severity are positions in src/risk.h's enums, so that they
-- sort as the server sorts.
CREATE TABLE risk_spans (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint REFERENCES projects ON DELETE CASCADE,
	owner_id	bigint REFERENCES people ON DELETE CASCADE,
	kind		smallint NOT NULL CHECK (kind BETWEEN 0 AND 31),
	subject		text NOT NULL,
	from_on		date NOT NULL,
	to_on		date,
	since		date NOT NULL,
	severity	smallint NOT NULL CHECK (severity BETWEEN 0 AND 3),
	launch_on	date,
	-- What the risk is about, and what its sentence is made of.
	resp_key	text,
	role		text,
	checkpoint_id	bigint,
	handoff		text,
	stage		text,
	field		text,
	person_id	bigint,
	ref_on		date,
	event_on	date,
	inactive	boolean NOT NULL DEFAULT false,
	held		int,
	threshold	int,
	-- The run stops at to_on, ended by closed_by (NULL: a change of day).
	ends		boolean NOT NULL DEFAULT false,
	closed_by	text,
	CHECK ((project_id IS NULL) <> (owner_id IS NULL)),
	CHECK (to_on IS NULL OR to_on > from_on)
);

CREATE INDEX risk_spans_project ON risk_spans (project_id, kind, subject,
    from_on);
CREATE INDEX risk_spans_owner ON risk_spans (owner_id, from_on)
    WHERE owner_id IS NOT NULL;
CREATE INDEX risk_spans_since ON risk_spans (since);
CREATE INDEX risk_spans_to ON risk_spans (to_on) WHERE ends;
-- The spans that cover a day (api.covers(): daterange(from_on, to_on) @>
-- the day), all of them and the overloads alone.
CREATE INDEX risk_spans_days ON risk_spans
    USING gist (daterange(from_on, to_on));
CREATE INDEX risk_spans_owner_days ON risk_spans
    USING gist (daterange(from_on, to_on)) WHERE owner_id IS NOT NULL;

-- A project's open risks by severity over time: the spans' counts between
-- the days on which any of them starts or stops, with the worst risk's
-- kind and subject (the order of the digest's groups).
CREATE TABLE risk_profile (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	from_on		date NOT NULL,
	to_on		date,
	worst		smallint NOT NULL,
	n_critical	int NOT NULL,
	n_high		int NOT NULL,
	n_medium	int NOT NULL,
	n_low		int NOT NULL,
	launch_on	date,
	first_kind	smallint NOT NULL,
	first_subject	text NOT NULL,
	PRIMARY KEY (project_id, from_on),
	CHECK (to_on IS NULL OR to_on > from_on)
);

-- The rows that cover a day: daterange(from_on, to_on) @> the day.
CREATE INDEX risk_profile_days ON risk_profile
    USING gist (daterange(from_on, to_on));

-- Who holds an expected box of a project while it is active, over time
-- (src/ledger.c, ledger_holders()): a person's overload is one of the
-- project's risks on the days of their runs here.
CREATE TABLE risk_holders (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	person_id	bigint NOT NULL REFERENCES people ON DELETE CASCADE,
	from_on		date NOT NULL,
	to_on		date,
	CHECK (to_on IS NULL OR to_on > from_on)
);

CREATE INDEX risk_holders_project ON risk_holders (project_id, from_on);

-- The number of open risks of each severity on day D is the sum of the
-- deltas dated D or before: +1 where a span starts, -1 where it stops.
CREATE TABLE risk_deltas (
	on_day		date NOT NULL,
	severity	smallint NOT NULL,
	delta		bigint NOT NULL,
	PRIMARY KEY (on_day, severity)
);

-- What the ledger holds for each item: version counts the applies, so
-- that an apply computed from older facts than the last one is refused.
CREATE TABLE ledger_items (
	kind		text NOT NULL CHECK (kind IN ('project', 'person')),
	item		bigint NOT NULL,
	version		bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (kind, item)
);

-- Writes not yet in the ledger: one row per item a transaction changed,
-- inserted with the change, deleted by the apply computed from facts that
-- include it.  Rows are only ever inserted by writers, so writers never
-- wait on each other here.  claimed_until is the lease of the background
-- job that took it.
CREATE TABLE ledger_dirty (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('project', 'person')),
	item		bigint NOT NULL,
	at		timestamptz NOT NULL DEFAULT clock_timestamp(),
	claimed_until	timestamptz
);

CREATE INDEX ledger_dirty_item ON ledger_dirty (kind, item);

-- Everything that exists now has yet to be computed.
INSERT INTO ledger_dirty (kind, item)
SELECT 'project', id FROM projects ORDER BY id;
INSERT INTO ledger_dirty (kind, item)
SELECT 'person', id FROM people ORDER BY id;

-- Checkpoints due in a week, as of any day (api.due).
CREATE INDEX checkpoint_versions_due ON checkpoint_versions (due_on);

-- 0041: reads kept whole, and how a kept one is known to be still true.
--
-- A read whose answer is the same for everyone who may see it (the
-- week's digest, in JSON, Markdown and the page's body) is kept in
-- kept_reads once made, with the snapshot it was made from.  Every
-- transaction that writes a table such a read may depend on leaves its
-- id in read_changes (one row per transaction: a trigger of
-- sql/api/98_kept.sql on each table).  A kept answer is still true when
-- no transaction that its snapshot did not see has written since: no row
-- of read_changes at or past the snapshot's xmin that the snapshot does
-- not count as visible.  Nothing of this lives in a server's memory, so
-- every instance agrees, and a write through any of them (or by hand)
-- ends every kept answer it may change, in its own commit.
--
-- read_changes only grows with writes; api.kept_prune() (the ledger's
-- job) drops the rows older than every snapshot that can still be kept,
-- and kept_horizon remembers how far it went (xid): an answer made from a
-- snapshot older than that is not kept (its invalidating rows may be
-- gone).  The horizon moves to where the oldest running transaction was
-- at the prune before (next, next_at), some seconds ago, so that an
-- answer being made when a prune runs is not refused for that alone.
CREATE TABLE read_changes (
	xid		xid8 PRIMARY KEY
);

CREATE TABLE kept_reads (
	key		text PRIMARY KEY,
	snap		pg_snapshot NOT NULL,
	made_at		timestamptz NOT NULL DEFAULT now(),
	body		text NOT NULL
);

CREATE TABLE kept_horizon (
	one		boolean PRIMARY KEY DEFAULT true CHECK (one),
	xid		xid8 NOT NULL,
	next		xid8 NOT NULL,
	next_at		timestamptz NOT NULL
);
INSERT INTO kept_horizon (xid, next, next_at) VALUES ('0', '0', now());

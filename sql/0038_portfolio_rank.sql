-- 0038: the portfolio's order, kept for the day, so that its first page
-- is an index's first fifty rows and not a sort of every project.
--
-- A project's place depends on the day (its rank rises as its launch
-- comes near, its counts change as dates pass), so the rows are those of
-- one day, portfolio_rank_day.day: made whole by the ledger's job on the
-- first day it sees (api.rank_day), and kept by the ledger for the
-- projects it makes clean on that day.  A read uses them only for that
-- day and only for clean projects (sql/api/75_docs.sql, api.portfolio).
CREATE TABLE portfolio_rank (
	project_id	bigint PRIMARY KEY
			    REFERENCES projects ON DELETE CASCADE,
	status		text NOT NULL,
	stage		text NOT NULL,
	pm_id		bigint NOT NULL,
	rank		int NOT NULL,
	worst		int NOT NULL,
	n3		int NOT NULL,
	n2		int NOT NULL,
	n1		int NOT NULL,
	n0		int NOT NULL,
	target_launch_on date,
	name		text NOT NULL
);

-- The portfolio's order (api.portfolio): riskiest first.
CREATE INDEX portfolio_rank_order ON portfolio_rank (rank DESC, worst DESC,
    n3 DESC, n2 DESC, n1 DESC, n0 DESC, target_launch_on,
    name COLLATE "C", project_id);

-- The day the rows are for (one row, or none before the first).
CREATE TABLE portfolio_rank_day (
	one		boolean PRIMARY KEY DEFAULT true CHECK (one),
	day		date NOT NULL
);

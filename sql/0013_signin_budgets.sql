-- 0013: sign-in budgets, by client address and for the whole deployment.
--
-- Besides each account's own count of failures (users.failed_logins, the
-- lockout), sign-ins are budgeted as token buckets that every server
-- instance on this database shares:
--
--   'address <a>'  the failed sign-ins of one client address (an IPv6
--                  client by its /64), so that one address can neither
--                  guess its way through many accounts nor lock them all;
--   'global'       the password checks of every instance together, unknown
--                  emails included.
--
-- A row holds what was left at a time; what has refilled since is
-- computed when it is read (sql/api/60_accounts.sql, api.budget_*).
-- The functions that read these are in sql/api/60_accounts.sql.

CREATE TABLE login_budgets (
	key	text PRIMARY KEY,
	tokens	double precision NOT NULL,
	at	timestamptz NOT NULL
);

INSERT INTO settings (key, value, description) VALUES
	('login_address_burst', 20,
	 'failed sign-ins one client address may make before it has to wait'),
	('login_address_per_hour', 20,
	 'failed sign-ins one client address is allowed per hour after that'),
	('login_global_burst', 60,
	 'password checks all server instances together may make at once'),
	('login_global_per_minute', 300,
	 'password checks per minute allowed to all instances after that');

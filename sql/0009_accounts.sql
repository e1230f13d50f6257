-- 0009: accounts, sessions and API tokens.
--
-- Secrets never reach the database in the clear: passwords arrive as
-- argon2id strings made by libsodium in the server, session ids and API
-- tokens as their SHA-256 (hex).  Roles are ordered: viewer < member < pm
-- < admin.
--
-- The functions that were here are in sql/api/60_accounts.sql.

CREATE TABLE users (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email			text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	name			text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	role			text NOT NULL
				CHECK (role IN ('viewer', 'member', 'pm', 'admin')),
	password_hash		text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
	active			boolean NOT NULL DEFAULT true,
	failed_logins		int NOT NULL DEFAULT 0,
	locked_until		timestamptz,
	password_changed_at	timestamptz NOT NULL DEFAULT now(),
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now(),
	version			int NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
	id_hash		text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
	user_id		bigint NOT NULL REFERENCES users ON DELETE CASCADE,
	csrf_token	text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	address		text
);

CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users ON DELETE CASCADE,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	token_hash	text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
	prefix		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_used_at	timestamptz,
	revoked_at	timestamptz
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

INSERT INTO settings (key, value, description) VALUES
	('session_idle_minutes', 120,
	 'a session unused for this long ends'),
	('session_max_hours', 12,
	 'a session ends this long after sign-in, used or not'),
	('login_slow_after', 3,
	 'failed sign-ins before each further attempt has to wait'),
	('login_lock_after', 10,
	 'failed sign-ins before the account is locked'),
	('login_lock_minutes', 15,
	 'how long a locked account stays locked');

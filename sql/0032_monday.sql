-- 0032: the key of the one-click unsubscribe links of emails.
--
-- Every email a person receives carries a link that turns their Monday
-- digest off without signing in (RFC 8058: List-Unsubscribe and
-- List-Unsubscribe-Post).  The link's token is the person's id and an
-- HMAC-SHA256 of it under this key (sql/api/96_unsubscribe.sql): made and
-- checked by the database alone, one random key per installation, never
-- shown.  Replacing the key (UPDATE mail_keys SET key = ...) makes every
-- link already sent invalid.
CREATE TABLE mail_keys (
	id		int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
	key		bytea NOT NULL CHECK (length(key) >= 32),
	created_at	timestamptz NOT NULL DEFAULT now()
);

-- 32 random bytes: two version 4 UUIDs (gen_random_uuid() uses the
-- server's strong random source), 244 random bits in all.
INSERT INTO mail_keys (key) VALUES (decode(
    replace(gen_random_uuid()::text, '-', '') ||
    replace(gen_random_uuid()::text, '-', ''), 'hex'));

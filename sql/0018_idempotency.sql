-- 0018: Idempotency-Key: a retried POST returns the first answer.
--
-- A POST that carries an Idempotency-Key (a header, or a form's hidden
-- "_idem" field) is run through api.idempotent (sql/api/90_idempotency.sql),
-- which records the key with the answer in the same transaction as the
-- write: a key without its write, or a write without its key, cannot be
-- left behind.  Keys are per account; after api.idempotency_ttl() (24
-- hours) a key is forgotten and may be used again.  Everything is here,
-- in the database, so that several instances of the server share it.
CREATE TABLE idempotency_keys (
	user_id		bigint NOT NULL REFERENCES users ON DELETE CASCADE,
	key		text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
	-- SHA-256 (hex) of the method, path, query, If-Match and body.
	request_hash	text NOT NULL,
	-- What the api.* function answered: the server renders it again.
	answer		json,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, key)
);

-- The expired ones, oldest first (api.idempotent deletes a few each time).
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

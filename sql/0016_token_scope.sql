-- 0016: a token may carry a scope instead of its owner's role.
--
-- A token without a scope (every token made before) acts as its owner,
-- with their role.  A token with scope 'metrics' may read GET /metrics
-- (src/metrics.c) and nothing else: api.authorize (sql/api/05_authorize.sql)
-- refuses it on every other route, whatever its owner's role.
ALTER TABLE api_tokens ADD COLUMN scope text
    CHECK (scope IN ('metrics'));

-- The database's copy of src/vocab.c's token_scope_keys (0012).
INSERT INTO vocabulary (kind, position, key, label) VALUES
	('token_scope', 0, 'metrics', 'metrics');

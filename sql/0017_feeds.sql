-- 0017: calendar feeds (src/feeds.c).
--
-- A calendar application cannot send a header, so a feed's URL carries its
-- own secret (?key=): an API token with the "feed" scope, stored like every
-- token as its SHA-256 only, made and revoked on the tokens page and by
-- /api/v1/tokens.  It names the one feed it reads: "portfolio",
-- "project:<id>" or "person:<id>"; api.authorize (sql/api/05_authorize.sql)
-- refuses it on every other route and on any other feed.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_scope_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scope_check
    CHECK (scope IN ('metrics', 'feed'));
ALTER TABLE api_tokens ADD COLUMN feed text
    CHECK (feed ~ '^(portfolio|project:[1-9][0-9]{0,17}|person:[1-9][0-9]{0,17})$');
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_feed_scope
    CHECK ((scope IS NOT DISTINCT FROM 'feed') = (feed IS NOT NULL));

-- The database's copy of src/vocab.c's token_scope_keys (0012).
INSERT INTO vocabulary (kind, position, key, label) VALUES
	('token_scope', 1, 'feed', 'feed');

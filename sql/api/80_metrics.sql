-- GET /metrics (src/metrics.c): what only the database knows, in the one
-- statement a scrape sends.
--
--   {"risks": [low, medium, high, critical], "dirty": n}
--
-- risks: the open risks of p's "today" by severity (positions of
-- src/vocab.h's severities), from the ledger's day counts as the digest
-- reads them (70_ledger.sql); dirty: the items whose changes the
-- background job has yet to bring into the ledger, so that a reader can
-- tell counts that lag.
CREATE FUNCTION api.metrics(p jsonb) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object(
	    'risks', (SELECT json_build_array(
		coalesce(sum(delta) FILTER (WHERE severity = 0), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 1), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 2), 0),
		coalesce(sum(delta) FILTER (WHERE severity = 3), 0))
		FROM risk_deltas WHERE on_day <= api.today(p)),
	    'dirty', (SELECT count(*) FROM (SELECT DISTINCT kind, item
		FROM ledger_dirty) d))
$$;

-- Idempotent writes (table in 0018_idempotency.sql).
--
-- A POST with an Idempotency-Key runs
--
--   SELECT w.who, x.answer, x.replayed
--   FROM api.authorize($1::jsonb) w, api.idempotent(w.call) x
--
-- (src/stmt.c), the request document carrying
--
--   "idem": {"key": the key, "hash": SHA-256 of the request (method,
--            path, query, If-Match, body), "call": the api.* function,
--            "risks": whether its answer goes through api.with_risk_facts}
--
-- For the signed-in account and key, in one transaction:
--  - another request with the key still running: HF409 at once (it holds
--    a transaction-scoped advisory lock on the key until it commits);
--  - a key recorded less than api.idempotency_ttl() ago: its answer again
--    when the request is the same (replayed), HF422 when it is not;
--  - else the function runs and its answer is recorded with the key.
-- A request that fails records nothing (the whole statement is rolled
-- back): it may be sent again with the same key.

-- How long a key is remembered (README, "Idempotent writes").
CREATE FUNCTION api.idempotency_ttl() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '24 hours' $$;

CREATE FUNCTION api.idempotent(p jsonb)
RETURNS TABLE (answer json, replayed boolean)
LANGUAGE plpgsql AS $$
DECLARE
	i	jsonb := p->'idem';
	call	jsonb := p - 'idem';
	uid	bigint := (p->>'user_id')::bigint;
	k	text := i->>'key';
	old	record;
	a	json;
BEGIN
	IF i->>'call' IS NULL OR i->>'call' !~ '^[a-z_]+$' THEN
		PERFORM api.fail('HF400', 'no function to call');
	END IF;
	-- Keys are an account's: a request nobody signed in for just runs.
	IF uid IS NOT NULL AND k IS NOT NULL THEN
		IF NOT pg_try_advisory_xact_lock(hashtextextended(
		    'handoff.idem ' || uid || ' ' || k, 0)) THEN
			PERFORM api.fail('HF409', 'a request with this ' ||
			    'Idempotency-Key is still being processed; send ' ||
			    'it again when it has been answered',
			    'Idempotency-Key');
		END IF;
		-- A statement of its own, so a fresh snapshot: it sees the
		-- key of a request that committed while we waited for none.
		SELECT ik.request_hash, ik.answer INTO old
		FROM idempotency_keys ik
		WHERE ik.user_id = uid AND ik.key = k AND
		    ik.created_at > now() - api.idempotency_ttl();
		IF FOUND THEN
			IF old.request_hash IS DISTINCT FROM i->>'hash' THEN
				PERFORM api.fail('HF422', 'this ' ||
				    'Idempotency-Key was used for another ' ||
				    'request; use a new key for a new request',
				    'Idempotency-Key');
			END IF;
			RETURN QUERY SELECT old.answer, true;
			RETURN;
		END IF;
	END IF;

	EXECUTE format('SELECT api.%I($1)', i->>'call') INTO a USING call;
	IF coalesce((i->>'risks')::boolean, false) THEN
		a := api.with_risk_facts(a, call)::json;
	END IF;

	IF uid IS NOT NULL AND k IS NOT NULL THEN
		-- Forget a few expired keys (this one's included), oldest
		-- first: the table stays bounded with no timer anywhere.
		DELETE FROM idempotency_keys ik WHERE (ik.user_id, ik.key) IN (
		    SELECT x.user_id, x.key FROM idempotency_keys x
		    WHERE x.created_at <= now() - api.idempotency_ttl()
		    ORDER BY x.created_at LIMIT 16 FOR UPDATE SKIP LOCKED);
		DELETE FROM idempotency_keys ik WHERE ik.user_id = uid AND
		    ik.key = k;
		INSERT INTO idempotency_keys (user_id, key, request_hash,
		    answer)
		VALUES (uid, k, i->>'hash', a);
	END IF;
	RETURN QUERY SELECT a, false;
END
$$;

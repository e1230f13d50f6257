-- The one-click unsubscribe of emails (sql/0032_monday.sql has the key).
--
-- A person's token is "<person id>.<HMAC-SHA256 of 'unsubscribe:<id>'
-- under mail_keys.key, in hex>": it names one person, cannot be made
-- without the key, and grants one thing only: turning that person's
-- Monday digest off (GET /unsubscribe?t= shows whose it is, POST does it,
-- as RFC 8058's one-click POST does).  No sign-in, no CSRF token: the
-- token is the credential.

-- HMAC (RFC 2104) with SHA-256; PostgreSQL has sha256() but not hmac()
-- without pgcrypto.
CREATE FUNCTION api.hmac_sha256(p_key bytea, p_msg bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
	k	bytea := p_key;
	ik	bytea;
	ok	bytea;
	i	int;
BEGIN
	IF length(k) > 64 THEN
		k := sha256(k);
	END IF;
	k := k || decode(repeat('00', 64 - length(k)), 'hex');
	ik := k;
	ok := k;
	FOR i IN 0..63 LOOP
		ik := set_byte(ik, i, get_byte(k, i) # 54);	-- 0x36
		ok := set_byte(ok, i, get_byte(k, i) # 92);	-- 0x5c
	END LOOP;
	RETURN sha256(ok || sha256(ik || p_msg));
END
$$;

-- The token of a person's unsubscribe link.
CREATE FUNCTION api.mail_unsubscribe_token(p_person bigint) RETURNS text
LANGUAGE sql STABLE STRICT AS $$
	SELECT p_person || '.' || encode(api.hmac_sha256(k.key,
	    convert_to('unsubscribe:' || p_person, 'UTF8')), 'hex')
	FROM mail_keys k WHERE k.id = 1
$$;

-- GET and POST /unsubscribe: p.query.t the token, p.body.confirm true
-- for the POST.  A token that is malformed, forged or of a person who no
-- longer exists is a 403 and changes nothing.  The POST sets the
-- person's digest to none (audited, actor "unsubscribe"); both answer
-- {"name", "digest"}.
CREATE FUNCTION api.mail_unsubscribe(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	t	text := coalesce(p->'query'->>'t', '');
	pid	bigint;
	r	people;
	old	json;
	new	json;
BEGIN
	IF t !~ '^[1-9][0-9]{0,17}\.[0-9a-f]{64}$' THEN
		PERFORM api.fail('HF403', 'this unsubscribe link is not ' ||
		    'valid (it may have been cut by the mail program)');
	END IF;
	pid := split_part(t, '.', 1)::bigint;
	IF t <> api.mail_unsubscribe_token(pid) THEN
		PERFORM api.fail('HF403', 'this unsubscribe link is not valid');
	END IF;
	SELECT * INTO r FROM people WHERE people.id = pid FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM api.fail('HF403', 'this unsubscribe link is not valid');
	END IF;
	old := api.mail_prefs_json(r);
	IF coalesce((p->'body'->>'confirm')::boolean, false) AND
	    old->>'digest' <> 'none' THEN
		INSERT INTO mail_prefs AS m (person_id, digest)
		VALUES (r.id, 'none')
		ON CONFLICT (person_id) DO UPDATE SET digest = 'none',
		    version = m.version + 1, updated_at = now();
		new := api.mail_prefs_json(r);
		PERFORM api.audit(p || '{"actor": "unsubscribe"}', NULL,
		    'mail_prefs', r.id::text, 'unsubscribe', old, new);
		old := new;
	END IF;
	RETURN json_build_object('name', r.name, 'digest', old->>'digest');
END
$$;

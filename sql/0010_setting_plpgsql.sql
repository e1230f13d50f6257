-- api.setting runs on every signed-in request (api.authenticate) and at
-- every sign-in.  As LANGUAGE sql with a FROM it was planned again at each
-- call; PL/pgSQL keeps the plan for the session, as 0003 says of every
-- function that looks rows up.
CREATE OR REPLACE FUNCTION api.setting(p_key text) RETURNS int
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT value FROM settings WHERE key = p_key);
END
$$;

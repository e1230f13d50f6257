-- 0028: accounts are people, and only the receiver accepts a handoff.
--
-- A user account may stand for a person of the portfolio (at most one
-- account per person): then every write it makes records the person as
-- well as the account's email (audit_log.person_id), the header shows
-- the person's name, and "My work" (GET /api/v1/me, /me) is that
-- person's.  Accounts made before are matched to people by email.
ALTER TABLE users ADD COLUMN person_id bigint UNIQUE
    REFERENCES people ON DELETE SET NULL;
UPDATE users u SET person_id = p.id
FROM people p WHERE lower(p.email) = lower(u.email);

ALTER TABLE audit_log ADD COLUMN person_id bigint
    REFERENCES people ON DELETE SET NULL;
UPDATE audit_log a SET person_id = p.id
FROM people p WHERE lower(p.email) = lower(a.actor);

-- Who accepted a handoff (a person, or NULL: the account had none, or
-- before this migration) and, when someone accepted for the receiver
-- (a PM or an admin), why.
ALTER TABLE handoffs ADD COLUMN accepted_by bigint REFERENCES people,
    ADD COLUMN accept_reason text;
ALTER TABLE handoff_versions ADD COLUMN accepted_by bigint,
    ADD COLUMN accept_reason text;

-- My work (api.me): the handoffs offered to me and by me.
CREATE INDEX handoffs_to ON handoffs (to_id) WHERE to_id IS NOT NULL;
CREATE INDEX handoffs_from ON handoffs (from_id) WHERE from_id IS NOT NULL;

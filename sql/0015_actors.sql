-- 0015: who must act on a risk, and the boxes to assign at kickoff.
--
-- A responsibility marked assign_at_kickoff must be owned once the
-- project has left framing (the articles: on-call, monitoring and
-- rollback break by default because nobody is named at kickoff).  The
-- template says which; each project keeps its own copy, like the rest of
-- the row.
ALTER TABLE responsibility_templates
    ADD COLUMN assign_at_kickoff boolean NOT NULL DEFAULT false;
UPDATE responsibility_templates SET assign_at_kickoff = true
WHERE key IN ('on_call', 'monitoring_drift', 'rollback_decision');

ALTER TABLE responsibilities
    ADD COLUMN assign_at_kickoff boolean NOT NULL DEFAULT false;
UPDATE responsibilities r SET assign_at_kickoff = t.assign_at_kickoff
FROM responsibility_templates t WHERE t.key = r.key;

-- A blocked checkpoint's reason is its note, as of any day: versioned
-- with the rest.  What the notes were before is not known: the current
-- note goes on each checkpoint's latest version only.
ALTER TABLE checkpoint_versions ADD COLUMN note text;
UPDATE checkpoint_versions v SET note = c.note
FROM checkpoints c
WHERE c.id = v.checkpoint_id AND v.id = (SELECT max(x.id)
    FROM checkpoint_versions x WHERE x.checkpoint_id = c.id);

-- Who must act (a person, NULL when nobody can be named) and the reason
-- of a blocked checkpoint, in each span (src/risk.h).
ALTER TABLE risk_spans ADD COLUMN actor_id bigint, ADD COLUMN note text;

-- Every span says more now: compute them all again.
INSERT INTO ledger_dirty (kind, item)
SELECT 'project', id FROM projects ORDER BY id;
INSERT INTO ledger_dirty (kind, item)
SELECT 'person', id FROM people ORDER BY id;

-- 0022: indexes for the reads that start from a person.
--
-- A person's facts (api.person_facts_doc, what the ledger recomputes a
-- person's overload from, and what a read sends while the person is
-- dirty) begin with the boxes they ever held: without this index, a scan
-- of every box version of the portfolio (half a second per person at
-- 10,000 projects, 20 ms with it).
CREATE INDEX ownership_versions_person ON ownership_versions
    (person_id, project_id) WHERE person_id IS NOT NULL;

-- The digest's checkpoints due this week and next, as of today
-- (api.due): the open checkpoints by due day.
CREATE INDEX checkpoints_open_due ON checkpoints (due_on)
    WHERE deleted_on IS NULL AND status IN ('pending', 'blocked');

-- Projects at risk (a high or critical risk open) by day, as day counts
-- like risk_deltas': +1 where a profile segment whose worst is high or
-- critical starts, -1 where it stops.  A project's segments never
-- overlap, so the sum up to a day is how many projects are at risk on
-- it.  Kept by api.ledger_apply with the profiles; the digest's trend
-- reads ten sums instead of ten scans of every profile.
CREATE TABLE at_risk_deltas (
	on_day		date PRIMARY KEY,
	delta		bigint NOT NULL
);

INSERT INTO at_risk_deltas (on_day, delta)
SELECT e.day, sum(e.n) FROM (
	SELECT from_on AS day, 1 AS n FROM risk_profile WHERE worst >= 2
	UNION ALL
	SELECT to_on, -1 FROM risk_profile
	WHERE worst >= 2 AND to_on IS NOT NULL
) e GROUP BY e.day HAVING sum(e.n) <> 0;

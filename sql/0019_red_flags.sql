-- 0019: red-flag risks (issue 17): moving goalposts, just a few more
-- weeks, no baseline, a stop ignored.
--
-- The new kinds go after the others: a span's kind is its position.
INSERT INTO vocabulary (kind, position, key, label) VALUES
	('risk_kind', 8, 'moving_goalposts', 'moving goalposts'),
	('risk_kind', 9, 'few_more_weeks', 'just a few more weeks'),
	('risk_kind', 10, 'no_baseline', 'no baseline'),
	('risk_kind', 11, 'stop_ignored', 'stop ignored');

-- A decision checkpoint's outcome, as of any day: versioned with the
-- rest (a stop recorded and then ignored is a risk).  What the outcomes
-- were before is not known: the current one goes on each checkpoint's
-- latest version only.
ALTER TABLE checkpoint_versions ADD COLUMN outcome text
    CHECK (outcome IN ('go', 'pivot', 'stop'));
UPDATE checkpoint_versions v SET outcome = c.outcome
FROM checkpoints c
WHERE c.id = v.checkpoint_id AND c.outcome IS NOT NULL AND
    v.id = (SELECT max(x.id) FROM checkpoint_versions x
	WHERE x.checkpoint_id = c.id);

-- Every project has new rules to answer: compute its spans again.
INSERT INTO ledger_dirty (kind, item)
SELECT 'project', id FROM projects ORDER BY id;

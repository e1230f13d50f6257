-- 0012: the vocabulary, as the database knows it.
--
-- Every key the API, the pages and the database share is defined once in
-- the server (src/vocab.c); the database keeps its own copy here, for its
-- CHECK constraints and for the functions that read keys by position
-- (the spec's bit mask of missing fields).  The server compares the two
-- when it starts and refuses to run on a mismatch, naming it.
CREATE TABLE vocabulary (
	kind		text NOT NULL,
	position	int NOT NULL CHECK (position >= 0),
	key		text NOT NULL,
	label		text NOT NULL,
	PRIMARY KEY (kind, position),
	UNIQUE (kind, key)
);

INSERT INTO vocabulary (kind, position, key, label)
SELECT 'stage', position - 1, key, name FROM stages;

INSERT INTO vocabulary (kind, position, key, label) VALUES
	('role', 0, 'ds', 'DS'),
	('role', 1, 'mle', 'MLE'),
	('role', 2, 'swe', 'SWE'),
	('person_role', 0, 'ds', 'DS'),
	('person_role', 1, 'mle', 'MLE'),
	('person_role', 2, 'swe', 'SWE'),
	('person_role', 3, 'pm', 'PM'),
	('user_role', 0, 'viewer', 'viewer'),
	('user_role', 1, 'member', 'member'),
	('user_role', 2, 'pm', 'pm'),
	('user_role', 3, 'admin', 'admin'),
	('project_status', 0, 'active', 'active'),
	('project_status', 1, 'paused', 'paused'),
	('project_status', 2, 'shipped', 'shipped'),
	('project_status', 3, 'cancelled', 'cancelled'),
	('checkpoint_status', 0, 'pending', 'pending'),
	('checkpoint_status', 1, 'done', 'done'),
	('checkpoint_status', 2, 'blocked', 'blocked'),
	('checkpoint_status', 3, 'waived', 'waived'),
	('outcome', 0, 'go', 'go'),
	('outcome', 1, 'pivot', 'pivot'),
	('outcome', 2, 'stop', 'stop'),
	('spec_field', 0, 'decision', 'the decision the model makes'),
	('spec_field', 1, 'primary_metric', 'the primary metric and target'),
	('spec_field', 2, 'secondary_constraint', 'the secondary constraint'),
	('spec_field', 3, 'worse_error', 'which error is worse and why'),
	('spec_field', 4, 'fallback', 'the fallback behaviour'),
	('spec_field', 5, 'monitoring_trigger', 'the monitoring trigger'),
	('spec_field', 6, 'baseline', 'the baseline'),
	('risk_kind', 0, 'empty_owner', 'empty ownership box'),
	('risk_kind', 1, 'missed_checkpoint', 'missed checkpoint'),
	('risk_kind', 2, 'blocked_checkpoint', 'blocked checkpoint'),
	('risk_kind', 3, 'handoff_not_accepted', 'handoff not accepted'),
	('risk_kind', 4, 'stage_overrun', 'stage overrun'),
	('risk_kind', 5, 'incomplete_spec', 'incomplete spec'),
	('risk_kind', 6, 'overloaded_owner', 'overloaded owner'),
	('risk_kind', 7, 'stale_project', 'stale project'),
	('severity', 0, 'low', 'low'),
	('severity', 1, 'medium', 'medium'),
	('severity', 2, 'high', 'high'),
	('severity', 3, 'critical', 'critical');

-- 0020: the production readiness review's checklist.
--
-- The review is the checkpoint made from the template marked `readiness`
-- (position 7, week 8).  Its checklist is one vocabulary (readiness_item,
-- the server's copy is in src/vocab.c), drawn from the seeds and from
-- Google's ML Test Score rubric; each item is answered yes, no or not
-- applicable (readiness_answer), with an evidence link and who answered.
-- Answers keep every version, in effect from the day they were given, so
-- the risk rules read them as of any day.
ALTER TABLE checkpoint_templates ADD COLUMN readiness boolean NOT NULL
    DEFAULT false;
UPDATE checkpoint_templates SET readiness = true WHERE position = 7;

INSERT INTO vocabulary (kind, position, key, label) VALUES
	('readiness_item', 0, 'test_metrics_vs_baseline',
	 'held-out test metrics compared with the baseline'),
	('readiness_item', 1, 'calibration',
	 'calibration checked where the model outputs probabilities'),
	('readiness_item', 2, 'slice_analysis',
	 'error analysis by slice and a bias audit'),
	('readiness_item', 3, 'feature_freeze',
	 'every feature available at inference time (feature freeze)'),
	('readiness_item', 4, 'latency_budget', 'latency within budget'),
	('readiness_item', 5, 'fallback_wired', 'fallback behaviour wired'),
	('readiness_item', 6, 'feature_flag',
	 'feature flag with percentage rollout'),
	('readiness_item', 7, 'shadow_mode', 'shadow mode run'),
	('readiness_item', 8, 'circuit_breaker',
	 'circuit breaker to a rule-based default'),
	('readiness_item', 9, 'monitoring_alert',
	 'monitoring trigger wired to an alert'),
	('readiness_item', 10, 'on_call', 'on-call named'),
	('readiness_item', 11, 'rollback_tested', 'rollback tested'),
	('risk_kind', 12, 'readiness_gaps', 'readiness gap'),
	('readiness_answer', 0, 'yes', 'yes'),
	('readiness_answer', 1, 'no', 'no'),
	('readiness_answer', 2, 'na', 'not applicable');

-- The review of one project: its version (the checklist's ETag) and the
-- waiver given when the review was marked done with items unanswered.
CREATE TABLE readiness_reviews (
	project_id	bigint PRIMARY KEY REFERENCES projects ON DELETE CASCADE,
	version		int NOT NULL DEFAULT 1,
	waiver_reason	text,
	waived_by	text,
	waived_on	date
);

-- The answer in effect for each item.
CREATE TABLE readiness_answers (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	kind		text NOT NULL DEFAULT 'readiness_item'
			CHECK (kind = 'readiness_item'),
	item		text NOT NULL,
	answer		text NOT NULL CHECK (answer IN ('yes', 'no', 'na')),
	evidence_url	text,
	answered_by	text NOT NULL,
	answered_on	date NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (project_id, item),
	FOREIGN KEY (kind, item) REFERENCES vocabulary (kind, key)
);

-- Every answer ever given, for the risk rules' as-of days.
CREATE TABLE readiness_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	item		text NOT NULL,
	answer		text NOT NULL,
	evidence_url	text,
	actor		text NOT NULL,
	effective_on	date NOT NULL
);

CREATE INDEX readiness_versions_project ON readiness_versions (project_id, id);

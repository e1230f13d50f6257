-- 0002: the domain.
--
-- Two kinds of table:
--  * current state (people, projects, checkpoints, ownership, handoffs, ...),
--    each row with a "version" that the API exposes as its ETag;
--  * versions: every write also appends a full snapshot of the changed row
--    with the date from which it is in effect ("effective_on").  The state
--    of anything as of a day D is, among its versions in effect by D, the
--    one recorded last (highest id).  That is what lets risks be computed
--    as of any past date, back-dated completions included.
--
-- Reference data (stages, handoff kinds) and templates (stage durations,
-- default checkpoints, default responsibilities) are rows, not C literals.

-- Reference data ------------------------------------------------------------

CREATE TABLE stages (
	key		text PRIMARY KEY,
	position	int NOT NULL UNIQUE,
	name		text NOT NULL,
	done_looks_like	text NOT NULL,
	default_weeks	int NOT NULL CHECK (default_weeks > 0)
);

INSERT INTO stages (key, position, name, done_looks_like, default_weeks)
VALUES
	('framing', 1, 'Problem framing',
	 'outcome, label, business metric, acceptance criteria written down', 1),
	('data', 2, 'Data exploration',
	 'distributions, missing values, label quality, class balance known; feasibility call made', 2),
	('baseline', 3, 'Baseline',
	 'simplest model/heuristic measured; the floor everything is compared to', 2),
	('modelling', 4, 'Modelling & iteration',
	 'features, model choice, tuning, error analysis against the criteria', 2),
	('evaluation', 5, 'Evaluation & sign-off',
	 'held-out test, business case, bias audit, stakeholder review', 1),
	('production', 6, 'Production & integration',
	 'feature pipelines, serving, A/B setup, logging, fallback', 2),
	('monitoring', 7, 'Monitoring & maintenance',
	 'drift detection, retraining triggers, on-call: the project is in operations', 4);

CREATE TABLE handoff_kinds (
	key		text PRIMARY KEY CHECK (key IN ('a', 'b', 'c', 'd')),
	name		text NOT NULL,
	from_label	text NOT NULL,
	to_label	text NOT NULL,
	leads_into	text NOT NULL REFERENCES stages,
	question	text NOT NULL
);

INSERT INTO handoff_kinds (key, name, from_label, to_label, leads_into, question)
VALUES
	('a', 'Framing to data', 'framing', 'data', 'data',
	 'Is the outcome logged, reliably, where we can train on it?'),
	('b', 'Notebook to training pipeline', 'DS', 'MLE', 'evaluation',
	 'Does the training pipeline reproduce the notebook?'),
	('c', 'Model to serving', 'MLE', 'SWE', 'production',
	 'Are the API contract and the fallback agreed?'),
	('d', 'Launch to operations', 'everyone', 'on-call', 'monitoring',
	 'Does whoever gets paged know the model?');

CREATE TABLE settings (
	key		text PRIMARY KEY,
	value		int NOT NULL,
	description	text NOT NULL
);

INSERT INTO settings (key, value, description) VALUES
	('overload_threshold', 8,
	 'a person holding more expected boxes than this across active projects is a single point of failure'),
	('stale_low_days', 21, 'days without a change before a project is stale (low)'),
	('stale_medium_days', 42, 'days without a change before a project is stale (medium)');

-- Templates -------------------------------------------------------------------

CREATE TABLE checkpoint_templates (
	position	int PRIMARY KEY,
	title		text NOT NULL,
	stage		text NOT NULL REFERENCES stages,
	anchor		text NOT NULL CHECK (anchor IN ('kickoff', 'launch')),
	week_offset	int NOT NULL,
	decision	boolean NOT NULL DEFAULT false,
	handoff		text REFERENCES handoff_kinds
);

INSERT INTO checkpoint_templates
	(position, title, stage, anchor, week_offset, decision, handoff)
VALUES
	(1, 'Framing signed off: every spec field filled', 'framing', 'kickoff', 0, false, NULL),
	(2, 'Data exploration findings and feasibility call (go / pivot / stop)', 'data', 'kickoff', 2, true, 'a'),
	(3, 'Baseline results against the primary metric', 'baseline', 'kickoff', 4, false, NULL),
	(4, 'Training pipeline reproduces the notebook (handoff B accepted)', 'modelling', 'kickoff', 5, false, 'b'),
	(5, 'Improved model with error analysis by slice', 'modelling', 'kickoff', 6, false, NULL),
	(6, 'API contract and fallback agreed (handoff C accepted)', 'evaluation', 'kickoff', 7, false, 'c'),
	(7, 'Production readiness review: rollback tested, monitoring trigger wired, on-call named', 'production', 'kickoff', 8, true, NULL),
	(8, 'Launch to operations handoff (handoff D accepted) and first monitoring review', 'monitoring', 'launch', 2, false, 'd');

CREATE TABLE responsibility_templates (
	key		text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,63}$'),
	position	int NOT NULL UNIQUE,
	name		text NOT NULL,
	needed_by	text NOT NULL REFERENCES stages,
	expects_ds	boolean NOT NULL,
	expects_mle	boolean NOT NULL,
	expects_swe	boolean NOT NULL,
	handoff		text REFERENCES handoff_kinds
);

INSERT INTO responsibility_templates
	(key, position, name, needed_by, expects_ds, expects_mle, expects_swe, handoff)
VALUES
	('problem_framing', 1, 'Problem framing and data understanding', 'framing', true, false, false, NULL),
	('outcome_logging', 2, 'Outcome and label logging', 'data', true, false, true, 'a'),
	('feature_model_choice', 3, 'Feature selection and model choice', 'baseline', true, false, false, NULL),
	('offline_evaluation', 4, 'Offline evaluation and error analysis', 'modelling', true, false, false, NULL),
	('training_pipeline', 5, 'Reproducible training pipeline', 'evaluation', true, true, false, 'b'),
	('feature_pipeline', 6, 'Feature pipeline, training/serving parity', 'production', true, true, false, NULL),
	('model_serving', 7, 'Model serving', 'production', false, true, false, NULL),
	('model_registry', 8, 'Model registry and versioning', 'production', false, true, false, NULL),
	('api_contract', 9, 'API contract and product integration', 'production', false, true, true, 'c'),
	('fallback', 10, 'Fallback behaviour and error states', 'production', false, false, true, NULL),
	('ab_testing', 11, 'A/B test wiring and experiment logging', 'production', false, false, true, NULL),
	('latency_budget', 12, 'Latency budget', 'production', false, true, true, NULL),
	('monitoring_drift', 13, 'Monitoring and drift detection', 'monitoring', false, true, false, 'd'),
	('on_call', 14, 'On-call for model health', 'monitoring', false, true, true, NULL),
	('retraining_trigger', 15, 'Retraining trigger: decide (DS) and execute (MLE)', 'monitoring', true, true, false, NULL),
	('rollback_decision', 16, 'Rollback decision', 'production', false, true, true, NULL);

-- People ----------------------------------------------------------------------

CREATE TABLE people (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email		text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	role		text NOT NULL CHECK (role IN ('ds', 'mle', 'swe', 'pm')),
	active		boolean NOT NULL DEFAULT true,
	version		int NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX people_email_key ON people (lower(email));

CREATE TABLE person_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	person_id	bigint NOT NULL REFERENCES people ON DELETE CASCADE,
	effective_on	date NOT NULL,
	active		boolean NOT NULL,
	name		text NOT NULL
);

CREATE INDEX person_versions_person ON person_versions (person_id, id);

-- Projects --------------------------------------------------------------------

CREATE TABLE projects (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name			text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	pm_id			bigint NOT NULL REFERENCES people,
	kickoff_on		date NOT NULL,
	target_launch_on	date NOT NULL,
	status			text NOT NULL DEFAULT 'active'
				CHECK (status IN ('active', 'paused', 'shipped', 'cancelled')),
	stage			text NOT NULL DEFAULT 'framing' REFERENCES stages,
	-- The kickoff spec; NULL is "not written yet".
	decision		text,
	primary_metric		text,
	secondary_constraint	text,
	worse_error		text,
	fallback		text,
	monitoring_trigger	text,
	baseline		text,
	version			int NOT NULL DEFAULT 1,
	created_on		date NOT NULL,
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now(),
	CHECK (target_launch_on >= kickoff_on)
);

CREATE INDEX projects_pm ON projects (pm_id);
CREATE INDEX projects_status_stage ON projects (status, stage);

CREATE TABLE project_versions (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	project_id		bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	effective_on		date NOT NULL,
	name			text NOT NULL,
	pm_id			bigint NOT NULL,
	status			text NOT NULL,
	stage			text NOT NULL,
	target_launch_on	date NOT NULL,
	decision		text,
	primary_metric		text,
	secondary_constraint	text,
	worse_error		text,
	fallback		text,
	monitoring_trigger	text,
	baseline		text
);

CREATE INDEX project_versions_project ON project_versions (project_id, id);

-- The plan: planned start and end of each stage.
CREATE TABLE stage_plans (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	stage		text NOT NULL REFERENCES stages,
	planned_start	date NOT NULL,
	planned_end	date NOT NULL,
	PRIMARY KEY (project_id, stage),
	CHECK (planned_end >= planned_start)
);

CREATE TABLE plan_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	stage		text NOT NULL,
	effective_on	date NOT NULL,
	planned_start	date NOT NULL,
	planned_end	date NOT NULL
);

CREATE INDEX plan_versions_project ON plan_versions (project_id, id);

-- Every move between stages, forward or back.
CREATE TABLE stage_transitions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	from_stage	text REFERENCES stages,
	to_stage	text NOT NULL REFERENCES stages,
	effective_on	date NOT NULL,
	actor		text NOT NULL,
	note		text,
	at		timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stage_transitions_project ON stage_transitions (project_id, id);

-- Checkpoints -----------------------------------------------------------------

CREATE TABLE checkpoints (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	stage		text NOT NULL REFERENCES stages,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	due_on		date NOT NULL,
	original_due_on	date NOT NULL,
	owner_id	bigint REFERENCES people,
	status		text NOT NULL DEFAULT 'pending'
			CHECK (status IN ('pending', 'done', 'blocked', 'waived')),
	completed_on	date,
	decision	boolean NOT NULL DEFAULT false,
	outcome		text CHECK (outcome IN ('go', 'pivot', 'stop')),
	evidence_url	text,
	note		text,
	template	int REFERENCES checkpoint_templates,
	deleted_on	date,
	version		int NOT NULL DEFAULT 1,
	created_on	date NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK ((status IN ('done', 'waived')) = (completed_on IS NOT NULL)),
	CHECK (outcome IS NULL OR decision)
);

CREATE INDEX checkpoints_project ON checkpoints (project_id, due_on);
CREATE INDEX checkpoints_owner ON checkpoints (owner_id);

CREATE TABLE checkpoint_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	checkpoint_id	bigint NOT NULL REFERENCES checkpoints ON DELETE CASCADE,
	effective_on	date NOT NULL,
	stage		text NOT NULL,
	title		text NOT NULL,
	status		text NOT NULL,
	due_on		date NOT NULL,
	completed_on	date,
	owner_id	bigint,
	deleted		boolean NOT NULL DEFAULT false
);

CREATE INDEX checkpoint_versions_checkpoint ON checkpoint_versions (checkpoint_id, id);

-- The slip ledger: every change of a due date, with its reason.
CREATE TABLE checkpoint_slips (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	checkpoint_id	bigint NOT NULL REFERENCES checkpoints ON DELETE CASCADE,
	from_due_on	date NOT NULL,
	to_due_on	date NOT NULL,
	reason		text NOT NULL CHECK (length(reason) > 0),
	effective_on	date NOT NULL,
	actor		text NOT NULL,
	at		timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX checkpoint_slips_checkpoint ON checkpoint_slips (checkpoint_id, id);

-- Handoffs ----------------------------------------------------------------------

CREATE TABLE handoffs (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	key		text NOT NULL REFERENCES handoff_kinds,
	from_id		bigint REFERENCES people,
	to_id		bigint REFERENCES people,
	artifact_url	text,
	offered_on	date,
	accepted_on	date,
	version		int NOT NULL DEFAULT 1,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (project_id, key),
	CHECK (accepted_on IS NULL OR offered_on IS NOT NULL)
);

CREATE TABLE handoff_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	key		text NOT NULL,
	effective_on	date NOT NULL,
	from_id		bigint,
	to_id		bigint,
	offered_on	date,
	accepted_on	date
);

CREATE INDEX handoff_versions_project ON handoff_versions (project_id, id);

-- Ownership matrix ------------------------------------------------------------

-- A project's own copy of the responsibility rows (editable per project).
CREATE TABLE responsibilities (
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	key		text NOT NULL,
	position	int NOT NULL,
	name		text NOT NULL,
	needed_by	text NOT NULL REFERENCES stages,
	expects_ds	boolean NOT NULL,
	expects_mle	boolean NOT NULL,
	expects_swe	boolean NOT NULL,
	handoff		text REFERENCES handoff_kinds,
	PRIMARY KEY (project_id, key)
);

CREATE TABLE ownership (
	project_id	bigint NOT NULL,
	responsibility	text NOT NULL,
	role		text NOT NULL CHECK (role IN ('ds', 'mle', 'swe')),
	person_id	bigint REFERENCES people,
	version		int NOT NULL DEFAULT 1,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (project_id, responsibility, role),
	FOREIGN KEY (project_id, responsibility)
	    REFERENCES responsibilities ON DELETE CASCADE
);

CREATE INDEX ownership_person ON ownership (person_id);

CREATE TABLE ownership_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor		text NOT NULL,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	responsibility	text NOT NULL,
	role		text NOT NULL,
	effective_on	date NOT NULL,
	person_id	bigint
);

CREATE INDEX ownership_versions_project ON ownership_versions (project_id, id);

-- Audit log ---------------------------------------------------------------------

-- Every change: who, when (wall clock and the application's day), what,
-- before and after.  Written by the same statement as the change.
CREATE TABLE audit_log (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	recorded_on	date NOT NULL,
	actor		text NOT NULL,
	project_id	bigint REFERENCES projects ON DELETE CASCADE,
	entity		text NOT NULL,
	entity_id	text NOT NULL,
	action		text NOT NULL,
	before		jsonb,
	after		jsonb
);

CREATE INDEX audit_log_project ON audit_log (project_id, id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

-- 0023: templates a team can shape, in versions.
--
-- The organisation's templates (stage durations, the checkpoint template,
-- the responsibility template and the labels of the matrix's three role
-- columns) are edited by an admin or a PM (PUT /api/v1/templates); each
-- edit makes a new version, whole, and the rows of every version are
-- kept.  A project records the version it was created with and keeps its
-- own copies of the rows (checkpoints, responsibilities, its plan); a new
-- project gets the current version (the highest).  Every project made
-- before this migration was made from version 1, the rows as they were.
CREATE TABLE template_versions (
	version		int PRIMARY KEY CHECK (version > 0),
	actor		text NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	-- What the organisation calls the matrix's columns; the keys stay
	-- ds, mle and swe.
	label_ds	text NOT NULL CHECK (length(label_ds) BETWEEN 1 AND 40),
	label_mle	text NOT NULL CHECK (length(label_mle) BETWEEN 1 AND 40),
	label_swe	text NOT NULL CHECK (length(label_swe) BETWEEN 1 AND 40)
);

INSERT INTO template_versions (version, actor, label_ds, label_mle,
    label_swe)
VALUES (1, 'migration 0023', 'DS', 'MLE', 'SWE');

-- A checkpoint's template is a position within its project's version.
ALTER TABLE checkpoints DROP CONSTRAINT checkpoints_template_fkey;

ALTER TABLE checkpoint_templates
    ADD COLUMN version int NOT NULL DEFAULT 1 REFERENCES template_versions;
ALTER TABLE checkpoint_templates DROP CONSTRAINT checkpoint_templates_pkey;
ALTER TABLE checkpoint_templates ADD PRIMARY KEY (version, position);

ALTER TABLE responsibility_templates
    ADD COLUMN version int NOT NULL DEFAULT 1 REFERENCES template_versions;
ALTER TABLE responsibility_templates
    DROP CONSTRAINT responsibility_templates_pkey,
    DROP CONSTRAINT responsibility_templates_position_key;
ALTER TABLE responsibility_templates ADD PRIMARY KEY (version, key),
    ADD UNIQUE (version, position);

-- Stage durations, per version (stages.default_weeks is version 1's and
-- stays as the release shipped it; api.plan_fit reads these).
CREATE TABLE stage_templates (
	version		int NOT NULL REFERENCES template_versions,
	stage		text NOT NULL REFERENCES stages,
	weeks		int NOT NULL CHECK (weeks BETWEEN 1 AND 52),
	PRIMARY KEY (version, stage)
);

INSERT INTO stage_templates (version, stage, weeks)
SELECT 1, key, default_weeks FROM stages ORDER BY position;

ALTER TABLE projects ADD COLUMN template_version int NOT NULL DEFAULT 1
    REFERENCES template_versions;

-- What a checkpoint template's week_offset counts from, as a vocabulary
-- (the server's copy is in src/vocab.c).
INSERT INTO vocabulary (kind, position, key, label) VALUES
	('anchor', 0, 'kickoff', 'kickoff'),
	('anchor', 1, 'launch', 'launch');

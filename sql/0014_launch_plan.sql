-- 0014: a plan from both ends, and the launch ledger.
--
-- A new project's stages before the last one (framing to production) fill
-- the days from the kickoff to the target launch, in proportion to their
-- template lengths (7 * default_weeks days), each at least min_days; the
-- last stage (monitoring) starts at the launch.  The computation is
-- api.plan_fit (sql/api/20_projects.sql).

-- The shortest a stage may be planned, in days (template data).  Sixteen
-- days before the launch in all: a window shorter than that is refused.
ALTER TABLE stages ADD COLUMN min_days int NOT NULL DEFAULT 3
    CHECK (min_days > 0);
UPDATE stages SET min_days = CASE key
    WHEN 'framing' THEN 2
    WHEN 'evaluation' THEN 2
    WHEN 'monitoring' THEN 7
    ELSE 3 END;
ALTER TABLE stages ADD CHECK (min_days <= 7 * default_weeks);

-- The framing sign-off is due a week after the kickoff, not on the day
-- itself (a new project was missing it the next morning).  Projects made
-- before keep their checkpoints as they are.
UPDATE checkpoint_templates SET week_offset = 1 WHERE position = 1;

-- The launch ledger: every change of a project's target launch, with its
-- reason, like a checkpoint's slips.
CREATE TABLE launch_moves (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	from_launch_on	date NOT NULL,
	to_launch_on	date NOT NULL,
	reason		text NOT NULL CHECK (length(reason) > 0),
	effective_on	date NOT NULL,
	actor		text NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	CHECK (from_launch_on <> to_launch_on)
);

CREATE INDEX launch_moves_project ON launch_moves (project_id, id);

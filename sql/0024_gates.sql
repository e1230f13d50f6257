-- 0024: gated stage moves (issue 17, item 2).
--
-- Moving a project forward while the stage it leaves has unmet gates
-- (sql/api/45_gates.sql, api.stage_gates) needs an override with a
-- reason.  Each override is kept with the gates it passed over, in
-- effect from its day: a checkpoint passed over stays a risk until it is
-- done or waived (overridden_gate, the kind after the others).
INSERT INTO vocabulary (kind, position, key, label) VALUES
	('risk_kind', 13, 'overridden_gate', 'overridden gate');

CREATE TABLE stage_overrides (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id	bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
	from_stage	text NOT NULL REFERENCES stages,
	to_stage	text NOT NULL REFERENCES stages,
	effective_on	date NOT NULL,
	actor		text NOT NULL,
	reason		text NOT NULL CHECK (length(reason) > 0),
	-- [{type, text, checkpoint_id | handoff | responsibility, role}]
	gates		jsonb NOT NULL,
	at		timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stage_overrides_project ON stage_overrides (project_id, id);

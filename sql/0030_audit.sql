-- 0030: kickoff's data availability audit (issue 17, item 5).
--
-- The seeds' four questions about the data, answered next to the spec
-- and kept like it: a column each on projects and on project_versions
-- (so history and the as-of rules see every edit).  The vocabulary's
-- audit_field order is the bit order of api.audit_missing(); an audit
-- still unanswered after the data stage is a risk (data_audit_missing,
-- the kind after the others).
ALTER TABLE projects
	ADD COLUMN data_outcome_logged text,
	ADD COLUMN data_history text,
	ADD COLUMN data_label_quality text,
	ADD COLUMN data_examples text;

ALTER TABLE project_versions
	ADD COLUMN data_outcome_logged text,
	ADD COLUMN data_history text,
	ADD COLUMN data_label_quality text,
	ADD COLUMN data_examples text;

INSERT INTO vocabulary (kind, position, key, label) VALUES
	('audit_field', 0, 'data_outcome_logged',
	    'whether the outcome is logged, and where'),
	('audit_field', 1, 'data_history', 'how far back the data goes'),
	('audit_field', 2, 'data_label_quality', 'how reliable the labels are'),
	('audit_field', 3, 'data_examples', 'how many examples there are'),
	('risk_kind', 14, 'data_audit_missing', 'data audit missing');

-- 0037: each project's document, kept, so that reading a project costs
-- one row and not the twenty statements that assemble it.
--
-- A row is made by the ledger (api.ledger_apply, sql/api/70_ledger.sql)
-- in the transaction that makes the project clean again, from what is
-- committed then, and it is used only while the project is clean: every
-- write to a project marks it dirty in its own transaction (the ledger's
-- triggers), and a dirty project is read from its tables, as before.  So
-- a stored document is never older than the last write a reader can see,
-- on any instance.  sql/api/75_docs.sql has the rest.
CREATE TABLE project_docs (
	project_id	bigint PRIMARY KEY
			    REFERENCES projects ON DELETE CASCADE,
	-- api.project_document() as it was when stored.
	doc		json NOT NULL,
	-- The project's risk spans that cover spans_on or a later day, as
	-- api.risk_doc() sends them (null: none stored).
	spans		json,
	spans_on	date
);

-- The projects whose document is yet to be stored: every project once
-- sql/api/ is loaded again (a new release may shape documents
-- differently), taken a few at a time by the ledger's job when it has
-- nothing else to do (api.docs_fill).
CREATE TABLE project_docs_todo (
	project_id	bigint PRIMARY KEY
			    REFERENCES projects ON DELETE CASCADE
);

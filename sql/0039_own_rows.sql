-- 0039: a project's own responsibility rows, added and removed.
--
-- A project keeps its own copy of the responsibility template's rows
-- (0002, 0023).  A PM may now add rows of the project's own and remove
-- rows, template's or own (sql/api/40_ownership_handoffs.sql).  A row is
-- never forgotten: it keeps the day it was added on (NULL: from the
-- template, there since the project was created) and the day it was
-- removed on (NULL: still there), with who did each, and the risk engine
-- reads it only on the days in between, so that past days keep the risks
-- they had.
ALTER TABLE responsibilities
    ADD COLUMN added_on date,
    ADD COLUMN added_by text,
    ADD COLUMN removed_on date,
    ADD COLUMN removed_by text,
    ADD CONSTRAINT responsibilities_days CHECK (removed_on IS NULL OR
	added_on IS NULL OR removed_on >= added_on),
    ADD CONSTRAINT responsibilities_added_by CHECK ((added_on IS NULL) =
	(added_by IS NULL)),
    ADD CONSTRAINT responsibilities_removed_by CHECK ((removed_on IS NULL) =
	(removed_by IS NULL));

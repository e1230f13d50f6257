-- 0001: the schema that holds the application's SQL functions.
--
-- Tables live in "public"; every statement the server runs calls a function
-- in "api" (or reads through one), so that a write and its history and audit
-- rows are one statement, hence one transaction.

CREATE SCHEMA api;

COMMENT ON SCHEMA api IS
    'handoff: functions called by the web application, one per operation';

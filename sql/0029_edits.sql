-- 0029: a project is looked up by its name, case aside, before another of
-- the same name is created (api.project_create: 409 unless confirmed).
CREATE INDEX projects_lower_name ON projects (lower(name));

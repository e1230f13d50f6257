-- 0040: the versions that paused a project, found without reading every
-- version.  The digest lists the projects paused at the end of its week
-- (api.paused): those ever paused by then, each then walked back through
-- its own versions.  Without this index that list read all of
-- project_versions (72,000 rows at 10,000 projects: the largest part of
-- the digest's statement after the lists it sends whole).
CREATE INDEX project_versions_paused ON project_versions (project_id)
    WHERE status = 'paused';

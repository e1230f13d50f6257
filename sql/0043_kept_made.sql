-- 0043: each kept answer is named by the put that kept it.
--
-- A worker that has answered a kept text holds a copy of it, and asks
-- with the names of the copies it holds (src/kept.c).  While the text
-- kept is still true and is one of them, the statement answers its name
-- instead of its bytes: a project page of 160 kB no longer crosses from
-- the database for every read.  Whether it is still true is decided
-- here, on every read, as before.  A name is never drawn twice, so that
-- it names one text, even across a restore (which a sequence would not
-- survive): a put over a key draws a new one.
ALTER TABLE kept_reads ADD COLUMN made uuid NOT NULL
    DEFAULT gen_random_uuid();

-- 0035: the Monday digest by email (sql/api/95_mail.sql,
-- api.digest_mail_due and api.outbox_digest_mail; src/outbox.c).
--
-- Once a week, at a weekday and hour of a time zone, the outbox runner
-- writes one email per person whose digest preference is not 'none' and
-- who has an address: the week's digest, the whole of its first page or
-- only the person's projects.  The weeks whose emails were written: once
-- each, whichever worker of whichever instance gets there first (as
-- outbox_weeks for the chat digest and reminder_days for the reminders).
CREATE TABLE digest_mail_weeks (
	week		text PRIMARY KEY,
	written_at	timestamptz NOT NULL DEFAULT now(),
	mails		int NOT NULL DEFAULT 0
);

INSERT INTO settings (key, value, description) VALUES
	('digest_weekday', 1,
	 'the ISO weekday (1 Monday .. 7 Sunday) the digest is emailed on, in digest_timezone'),
	('digest_hour', 8,
	 'the hour (0..23) of digest_weekday, in digest_timezone, from which the digest is emailed');

-- The time zone the weekday and hour are read in (an IANA name such as
-- Europe/Berlin): settings hold numbers, so it has a table of its own.
-- The check refuses a name PostgreSQL does not know.
CREATE TABLE digest_timezone (
	id		int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
	name		text NOT NULL DEFAULT 'UTC'
			CHECK ((now() AT TIME ZONE name) IS NOT NULL),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

INSERT INTO digest_timezone (name) VALUES ('UTC');

-- 0031: the daily reminders (sql/api/95_mail.sql, api.remind_daily).
--
-- The days whose reminder pass ran: once each, whichever worker of
-- whichever instance gets there first (as outbox_weeks for the weekly
-- digest).  The pass writes checkpoint_due, checkpoint_missed and
-- handoff_waiting reminders through api.mail_remind.
CREATE TABLE reminder_days (
	day		date PRIMARY KEY,
	written_at	timestamptz NOT NULL DEFAULT now(),
	reminders	int NOT NULL DEFAULT 0
);

-- The pass looks for the reminders a subject already had, whatever day.
CREATE INDEX reminders_sent_subject ON reminders_sent (reminder, subject);

-- 0027: email, what each person receives.
--
-- A person (people.email is where mail goes) chooses the Monday digest:
-- all of it, only the projects and boxes they are involved in, or none;
-- and may turn each kind of reminder off.  A person with no row here
-- takes the defaults: the whole digest and every reminder.  Accounts are
-- not linked to people, so an admin sets these (PATCH
-- /api/v1/people/{id}/mail); the signed unsubscribe link of each email
-- lets the person do it without signing in.
--
-- The keys are the server's vocabularies mail_digest and reminder_kind
-- (src/vocab.c).

INSERT INTO vocabulary (kind, position, key, label) VALUES
	('mail_digest', 0, 'all', 'the whole digest'),
	('mail_digest', 1, 'mine', 'only my projects and boxes'),
	('mail_digest', 2, 'none', 'no digest'),
	('reminder_kind', 0, 'checkpoint_due', 'a checkpoint of mine is due soon'),
	('reminder_kind', 1, 'checkpoint_missed', 'a checkpoint of mine is missed'),
	('reminder_kind', 2, 'handoff_offered', 'a handoff is offered to me'),
	('reminder_kind', 3, 'handoff_waiting', 'a handoff has waited for me over 7 days'),
	('reminder_kind', 4, 'box_critical', 'a box I hold became critical');

CREATE TABLE mail_prefs (
	person_id	bigint PRIMARY KEY REFERENCES people ON DELETE CASCADE,
	kind		text NOT NULL DEFAULT 'mail_digest'
			CHECK (kind = 'mail_digest'),
	digest		text NOT NULL DEFAULT 'all',
	version		int NOT NULL DEFAULT 1,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (kind, digest) REFERENCES vocabulary (kind, key)
);

-- The kinds of reminder a person turned off (a row: off).
CREATE TABLE reminder_optouts (
	person_id	bigint NOT NULL REFERENCES people ON DELETE CASCADE,
	kind		text NOT NULL DEFAULT 'reminder_kind'
			CHECK (kind = 'reminder_kind'),
	reminder	text NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (person_id, reminder),
	FOREIGN KEY (kind, reminder) REFERENCES vocabulary (kind, key)
);

INSERT INTO settings (key, value, description) VALUES
	('reminder_due_days', 2,
	 'days before a checkpoint is due that its owner is reminded');

-- Every reminder sent, one per person, kind, subject and day: written in
-- the transaction of the outbox row that carries it, so that no person
-- receives the same reminder twice (sql/api/95_mail.sql, api.mail_remind).
CREATE TABLE reminders_sent (
	person_id	bigint NOT NULL REFERENCES people ON DELETE CASCADE,
	kind		text NOT NULL DEFAULT 'reminder_kind'
			CHECK (kind = 'reminder_kind'),
	reminder	text NOT NULL,
	subject		text NOT NULL,
	sent_on		date NOT NULL,
	outbox_id	bigint REFERENCES outbox ON DELETE SET NULL,
	PRIMARY KEY (person_id, reminder, subject, sent_on),
	FOREIGN KEY (kind, reminder) REFERENCES vocabulary (kind, key)
);

// The reminders of the daily pass (sql/api/95_mail.sql, api.remind_daily;
// sql/0031_remind.sql): checkpoint_due, checkpoint_missed and
// handoff_waiting, written once a day across every runner of the outbox
// (src/outbox.c asks for the pass when api.outbox_claim says it is due)
// and delivered by email to a real SMTP server on the loopback
// (tests/lib/smtp_sink.py), read with Python's email package
// (tests/lib/mail_parse.py).  The server's day is HANDOFF_TODAY: the test
// moves it forward by restarting the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, createCheckpoint, psql,
    sleep, addDays, TODAY } from '../lib/fixtures.js';
import { startSink, parseMail } from '../lib/smtp.js';

let srv, sink;

// HANDOFF_HOUR 0: before the hour the digest is emailed (digest_hour 8),
// so that no digest joins the reminders (digest_mail.test.js has it).
before(async () => {
	sink = await startSink();
	srv = await startApi(sink.env({ HANDOFF_HOUR: '0' }));
});
after(async () => {
	await srv?.stop();
	await sink?.stop();
});

const received = () => sink.received();

// The subjects of the mails a person received, in order.
async function subjectsTo(person) {
	const out = [];
	for (const m of received().filter((x) =>
	    x.envelope.to[0] === person.email)) {
		const p = await parseMail(m.raw);
		assert.deepEqual(p.defects, []);
		out.push(p.subject);
	}
	return out;
}

const q = (sql) => psql(sql, { db: srv.db });

// The pass of the server's day: wait for it to have run, then for every
// email row of the outbox to be delivered.
async function passDone(day) {
	const until = Date.now() + 30000;
	while (Date.now() < until) {
		const ran = await q(`SELECT count(*) FROM reminder_days
		    WHERE day = '${day}'`);
		const left = await q(`SELECT count(*) FROM outbox
		    WHERE channel = 'email' AND delivered_at IS NULL AND
		    dead_at IS NULL`);
		if (ran === '1' && left === '0')
			return;
		await sleep(100);
	}
	assert.fail(`the reminder pass of ${day} did not run and deliver`);
}

// The pass again on the same day, as a second runner would find it.
async function passAgain(day) {
	await q(`DELETE FROM reminder_days WHERE day = '${day}'`);
	await passDone(day);
}

async function moveTo(day) {
	await srv.restart({ ...srv.extraEnv, HANDOFF_TODAY: day });
	await passDone(day);
}

const sentOf = async (person, kind) => Number(await q(`SELECT count(*)
    FROM reminders_sent WHERE person_id = ${person.id} AND
    reminder = '${kind}'`));

test('checkpoints due soon and missed, and handoffs waiting, remind once',
    async () => {
	// The server's pass of today ran on an empty database.
	await passDone(TODAY);
	assert.equal(await q(`SELECT reminders FROM reminder_days
	    WHERE day = '${TODAY}'`), '0');

	const owner = await createPerson(srv, { name: 'Olga Owner' });
	const quiet = await createPerson(srv, { name: 'Quentin Quiet' });
	const giver = await createPerson(srv, { name: 'Gil Giver' });
	const taker = await createPerson(srv, { name: 'Tara Taker',
	    role: 'mle' });
	const shy = await createPerson(srv, { name: 'Sam Shy', role: 'mle' });
	let r = await srv.api('PATCH', `/api/v1/people/${quiet.id}/mail`,
	    { reminders: { checkpoint_due: false,
		checkpoint_missed: false } });
	assert.equal(r.status, 200, r.text);
	r = await srv.api('PATCH', `/api/v1/people/${shy.id}/mail`,
	    { reminders: { handoff_waiting: false } });
	assert.equal(r.status, 200, r.text);

	const p = await createProject(srv);
	const soon = await createCheckpoint(srv, p.id, {
	    title: 'Soon, ünïcode', due_on: addDays(TODAY, 2),
	    owner_id: owner.id });
	const late = await createCheckpoint(srv, p.id, {
	    title: 'Late one', due_on: addDays(TODAY, -1),
	    owner_id: owner.id });
	const far = await createCheckpoint(srv, p.id, {
	    title: 'Far one', due_on: addDays(TODAY, 3),
	    owner_id: owner.id });
	const done = await createCheckpoint(srv, p.id, {
	    title: 'Done early', due_on: addDays(TODAY, 1),
	    owner_id: owner.id });
	r = await srv.api('PATCH', `/api/v1/checkpoints/${done.id}`,
	    { status: 'done' });
	assert.equal(r.status, 200, r.text);
	await createCheckpoint(srv, p.id, { title: 'Quiet one',
	    due_on: addDays(TODAY, 1), owner_id: quiet.id });
	await createCheckpoint(srv, p.id, { title: 'Quiet late',
	    due_on: addDays(TODAY, -1), owner_id: quiet.id });

	// Two handoffs offered today (each reminds once as offered).
	const h1 = await createProject(srv);
	const h2 = await createProject(srv);
	for (const [proj, to] of [[h1, taker], [h2, shy]]) {
		r = await srv.api('POST',
		    `/api/v1/projects/${proj.id}/handoffs/b/offer`,
		    { from_id: giver.id, to_id: to.id });
		assert.equal(r.status, 200, r.text);
	}

	// Today's pass again: the one due in 2 days, the one missed
	// yesterday; not the one due in 3 days nor the one done.
	await passAgain(TODAY);
	assert.deepEqual((await subjectsTo(owner)).sort(), [
	    `Checkpoint due on ${addDays(TODAY, 2)}: Soon, ünïcode (${p.name})`,
	    `Checkpoint missed: Late one (${p.name}), due on `
	    + `${addDays(TODAY, -1)}`]);
	const m = received().find((x) => x.envelope.to[0] === owner.email);
	const body = (await parseMail(m.raw)).parts[0].body;
	assert.match(body, /yours/);
	assert.deepEqual(await subjectsTo(quiet), []);
	assert.equal(await sentOf(quiet, 'checkpoint_due'), 0);

	// A third run the same day writes nothing new.
	await passAgain(TODAY);
	assert.equal((await subjectsTo(owner)).length, 2);
	assert.equal(await q(`SELECT reminders FROM reminder_days
	    WHERE day = '${TODAY}'`), '0');

	// The next day: the one due in 3 days is now due in 2.
	const d1 = addDays(TODAY, 1);
	await moveTo(d1);
	let got = await subjectsTo(owner);
	assert.equal(got.length, 3);
	assert.equal(got[2], `Checkpoint due on ${addDays(TODAY, 3)}: `
	    + `Far one (${p.name})`);

	// Three days on: "soon" was due yesterday, missed; "far" is due
	// today, already reminded; "late" was reminded as missed already.
	const d3 = addDays(TODAY, 3);
	await moveTo(d3);
	got = await subjectsTo(owner);
	assert.equal(got.length, 4);
	assert.equal(got[3], `Checkpoint missed: Soon, ünïcode (${p.name}), `
	    + `due on ${addDays(TODAY, 2)}`);
	assert.equal(await sentOf(owner, 'checkpoint_missed'), 2);
	assert.equal(await sentOf(owner, 'checkpoint_due'), 2);
	assert.deepEqual(await subjectsTo(quiet), []);
	assert.equal(Number(await q(`SELECT count(*) FROM reminders_sent
	    WHERE subject LIKE 'checkpoint:${done.id}:%'`)), 0);
	assert.equal(Number(await q(`SELECT count(*) FROM reminders_sent
	    WHERE subject LIKE 'checkpoint:${soon.id}:%'`)), 2);
	assert.equal(Number(await q(`SELECT count(*) FROM reminders_sent
	    WHERE subject LIKE 'checkpoint:${late.id}:%'`)), 1);
	assert.equal(Number(await q(`SELECT count(*) FROM reminders_sent
	    WHERE subject LIKE 'checkpoint:${far.id}:%'`)), 1);

	// Seven days after the offer the handoff has not waited more than
	// 7 days; eight days after, it has: the receiver is reminded once,
	// the one who turned it off is not.
	await moveTo(addDays(TODAY, 7));
	assert.equal(await sentOf(taker, 'handoff_waiting'), 0);
	const d8 = addDays(TODAY, 8);
	await moveTo(d8);
	await passAgain(d8);
	got = await subjectsTo(taker);
	assert.equal(got.length, 2);
	assert.match(got[0], /^Handoff offered to you: /);
	assert.equal(got[1], `Handoff waiting for you since ${TODAY}: `
	    + `Notebook to training pipeline (${h1.name})`);
	assert.equal(await sentOf(taker, 'handoff_waiting'), 1);
	assert.equal(await sentOf(shy, 'handoff_waiting'), 0);
	assert.equal((await subjectsTo(shy)).length, 1);
	await moveTo(addDays(TODAY, 9));
	assert.equal((await subjectsTo(taker)).length, 2);
});

// box_critical: a held box has no risk, so its holder is reminded on the
// day the project reaches the box's needed-by stage (the day the box,
// were it empty, would be critical), once; not for a box needed later,
// nor a person who turned it off.
test('the holder of a box is reminded once when its stage begins',
    async () => {
	const holder = await createPerson(srv, { name: 'Hana Holder' });
	const off = await createPerson(srv, { name: 'Olaf Off',
	    role: 'swe' });
	let r = await srv.api('PATCH', `/api/v1/people/${off.id}/mail`,
	    { reminders: { box_critical: false } });
	assert.equal(r.status, 200, r.text);
	const p = await createProject(srv);
	const box = (key, role, who) => srv.api('PUT',
	    `/api/v1/projects/${p.id}/ownership/${key}/${role}`,
	    { person_id: who.id });
	for (const [key, role, who] of [['outcome_logging', 'ds', holder],
	    ['feature_model_choice', 'ds', holder],
	    ['outcome_logging', 'swe', off]]) {
		r = await box(key, role, who);
		assert.equal(r.status, 200, r.text);
	}
	assert.equal(p.ownership.find((x) => x.key === 'outcome_logging')
	    .needed_by, 'data');

	// Framing: nothing yet.  The move to data on day 10 is reminded by
	// the pass of day 11 (the pass of day 10 had run already).
	const d10 = addDays(TODAY, 10);
	await moveTo(d10);
	assert.equal(await sentOf(holder, 'box_critical'), 0);
	r = await srv.api('POST', `/api/v1/projects/${p.id}/stage`,
	    { stage: 'data', override: true, reason: 'reminder test' });
	assert.equal(r.status, 200, r.text);
	await moveTo(addDays(TODAY, 11));
	const got = await subjectsTo(holder);
	assert.deepEqual(got, ['Needed now: Outcome and label logging '
	    + `(${p.name})`]);
	const m = received().find((x) => x.envelope.to[0] === holder.email);
	// (A text part's lines end in CRLF on the wire, RFC 5322.)
	assert.equal((await parseMail(m.raw)).parts[0].body
	    .replace(/\r\n/g, '\n'),
	    `You hold "Outcome and label logging" (DS) for ${p.name}; it is `
	    + `needed now: the stage Data exploration began on ${d10}.\n`);
	assert.deepEqual(await subjectsTo(off), []);
	assert.equal(await sentOf(off, 'box_critical'), 0);

	// The next day's pass, and the same day's again: still one.
	await moveTo(addDays(TODAY, 12));
	await passAgain(addDays(TODAY, 12));
	assert.equal(await sentOf(holder, 'box_critical'), 1);
	assert.equal((await subjectsTo(holder)).length, 1);
});

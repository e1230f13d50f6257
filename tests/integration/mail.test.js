// Email: what each person receives, GET|PATCH /api/v1/people/{id}/mail
// (sql/0027_mail.sql, sql/api/95_mail.sql).
//
// The email channel of the outbox (src/mail.c, src/render_mail.c) sends
// to a real SMTP server on the loopback (tests/lib/smtp_sink.py, Debian's
// python3-aiosmtpd), and what arrives is read with Python's email package
// (tests/lib/mail_parse.py).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, assertError, auditCount,
    auditOf, asPerson, psql, sleep, unique, TODAY } from '../lib/fixtures.js';
import { FORM_TYPE, formBody, signIn } from '../lib/security.js';
import { startSink, parseMail } from '../lib/smtp.js';

let srv, sink;

// HANDOFF_HOUR 0: before the hour the digest is emailed (digest_hour 8),
// so that the only mails are this file's (digest_mail.test.js has it).
before(async () => {
	sink = await startSink();
	srv = await startApi(sink.env({ HANDOFF_HOUR: '0',
	    HANDOFF_MAIL_FROM_NAME: 'handoff – Täglich' }));
});
after(async () => {
	await srv?.stop();
	await sink?.stop();
});

const received = () => sink.received();
const waitForMail = (n, ms) => sink.waitForMail(n, ms);

const KINDS = ['checkpoint_due', 'checkpoint_missed', 'handoff_offered',
    'handoff_waiting', 'box_critical'];

const mailOf = (id) => `/api/v1/people/${id}/mail`;

function allOn(value = true) {
	return Object.fromEntries(KINDS.map((k) => [k, value]));
}

test('a person without preferences gets the whole digest and every reminder',
    async () => {
	const p = await createPerson(srv);
	const r = await srv.api('GET', mailOf(p.id));
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json, { person_id: p.id, email: p.email,
	    digest: 'all', reminders: allOn(), version: 0 });
});

test('PATCH sets the digest and turns reminders off and on, one by one',
    async () => {
	const p = await createPerson(srv);
	let r = await srv.api('PATCH', mailOf(p.id), { digest: 'mine',
	    reminders: { checkpoint_due: false, box_critical: false } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json, { person_id: p.id, email: p.email,
	    digest: 'mine', reminders: { ...allOn(), checkpoint_due: false,
	    box_critical: false }, version: 1 });

	// Kinds not named keep their state; the digest too.
	r = await srv.api('PATCH', mailOf(p.id),
	    { reminders: { checkpoint_due: true, handoff_waiting: false } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.reminders, { ...allOn(),
	    handoff_waiting: false, box_critical: false });
	assert.equal(r.json.digest, 'mine');
	assert.equal(r.json.version, 2);

	r = await srv.api('PATCH', mailOf(p.id), { digest: 'none' });
	assert.equal(r.status, 200, r.text);
	const got = await srv.api('GET', mailOf(p.id));
	assert.deepEqual(got.json, r.json);
	assert.equal(got.json.digest, 'none');

	// Each change is in the audit log, with before and after.
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)), 3);
	const last = await srv.api('PATCH', mailOf(p.id), {});
	assert.equal(last.status, 200, last.text);
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)), 4);
});

test('another person\'s preferences are their own', async () => {
	const a = await createPerson(srv);
	const b = await createPerson(srv);
	const r = await srv.api('PATCH', mailOf(a.id), { digest: 'none',
	    reminders: allOn(false) });
	assert.equal(r.status, 200, r.text);
	const other = await srv.api('GET', mailOf(b.id));
	assert.equal(other.json.digest, 'all');
	assert.deepEqual(other.json.reminders, allOn());
});

test('bad input is a 400 naming the field; an unknown person a 404',
    async () => {
	const p = await createPerson(srv);
	assertError(await srv.api('PATCH', mailOf(p.id), { digest: 'weekly' }),
	    400, 'digest');
	assertError(await srv.api('PATCH', mailOf(p.id),
	    { reminders: { checkpoint_due: 'no' } }), 400,
	    'reminders.checkpoint_due');
	assertError(await srv.api('PATCH', mailOf(p.id),
	    { reminders: { newsletter: false } }), 400, 'reminders.newsletter');
	assertError(await srv.api('PATCH', mailOf(p.id), { reminders: [] }),
	    400, 'reminders');
	assertError(await srv.api('GET', mailOf(999999)), 404);
	assertError(await srv.api('PATCH', mailOf(999999), { digest: 'all' }),
	    404);
	// Nothing was written.
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)), 0);
});

test('If-Match with another version is a 412', async () => {
	const p = await createPerson(srv);
	const r = await srv.api('PATCH', mailOf(p.id), { digest: 'mine' });
	assert.equal(r.json.version, 1);
	assertError(await srv.api('PATCH', mailOf(p.id), { digest: 'none' },
	    { 'If-Match': '"0"' }), 412);
	const ok = await srv.api('PATCH', mailOf(p.id), { digest: 'none' },
	    { 'If-Match': '"1"' });
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.json.version, 2);
});

test('an email row of the outbox arrives by SMTP as multipart/alternative, '
    + 'read back by a real MIME parser', async () => {
	const payload = {
		subject: 'Checkpoint due in 2 days — Évaluation « offline »',
		to_name: 'Renée Dupont, PM',
		text: 'Hello Renée,\n\n.\nFrom the plan: "Offline eval" is due '
		    + 'on 2026-03-18.\n' + 'x'.repeat(120) + ' =end\n',
		html: '<!doctype html><p style="color:#333">Due on '
		    + '<b>2026-03-18</b> — naïve</p>\n',
		unsubscribe: 'http://127.0.0.1:1/unsubscribe/tok.abc_DEF-1',
	};
	await psql(`INSERT INTO outbox (channel, recipient, event, payload)
	    VALUES ('email', 'renee@example.org', 'reminder.checkpoint_due',
	    $j$${JSON.stringify(payload)}$j$::jsonb)`, { db: srv.db });

	const mails = await waitForMail(1);
	assert.equal(mails.length, 1);
	assert.deepEqual(mails[0].envelope, { from: 'handoff@example.org',
	    to: ['renee@example.org'] });
	// CRLF everywhere, no line over 998 octets.
	const raw = mails[0].raw.toString('latin1');
	assert.ok(!/[^\r]\n/.test(raw), 'every line ends with CRLF');
	for (const line of raw.split('\r\n'))
		assert.ok(line.length <= 998);

	const m = await parseMail(mails[0].raw);
	assert.deepEqual(m.defects, []);
	assert.equal(m.subject, payload.subject);
	assert.equal(m.from, 'handoff – Täglich <handoff@example.org>');
	assert.equal(m.to, '"Renée Dupont, PM" <renee@example.org>');
	assert.equal(m.content_type, 'multipart/alternative');
	assert.equal(m.headers['List-Unsubscribe'], `<${payload.unsubscribe}>`);
	assert.equal(m.headers['List-Unsubscribe-Post'],
	    'List-Unsubscribe=One-Click');
	assert.equal(m.headers['MIME-Version'], '1.0');
	assert.match(m.message_id, /^<msg_[0-9a-f]+@example\.org>$/);
	assert.deepEqual(m.parts.map((p) => [p.type, p.charset, p.cte]), [
	    ['text/plain', 'utf-8', 'quoted-printable'],
	    ['text/html', 'utf-8', 'quoted-printable']]);
	// The lines as they travel (CRLF); the last line end belongs to the
	// boundary that follows (RFC 2046 5.1.1).
	const wire = (t) => t.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
	assert.equal(m.parts[0].body, wire(payload.text));
	assert.equal(m.parts[1].body, wire(payload.html));

	// Delivered once: the row is settled and nothing else arrives.
	// (The sink has the message a moment before the runner settles it.)
	let state = '';
	for (let i = 0; i < 100 && state !== '1 true'; i++) {
		state = await psql(`SELECT attempts || ' ' ||
		    (delivered_at IS NOT NULL) FROM outbox
		    WHERE channel = 'email'`, { db: srv.db });
		if (state !== '1 true')
			await sleep(100);
	}
	assert.equal(state, '1 true');
	await sleep(1500);
	assert.equal(received().length, 1);
});

test('an email row that cannot be written as a message is not sent',
    async () => {
	const before = received().length;
	await psql(`INSERT INTO outbox (channel, recipient, event, payload)
	    VALUES ('email', E'eve@example.org\\r\\nBcc: x@example.org',
	    'reminder.checkpoint_due', '{"subject": "s", "text": "t"}')`,
	    { db: srv.db });
	const until = Date.now() + 20000;
	let err = '';
	while (err === '' && Date.now() < until) {
		await sleep(200);
		err = await psql(`SELECT coalesce(last_error, '') FROM outbox
		    WHERE recipient LIKE 'eve@%'`, { db: srv.db });
	}
	assert.match(err, /cannot be written in a header/);
	assert.equal(received().length, before);
});

// The email rows of the outbox to one address, as the database has them.
async function mailRowsTo(address) {
	return Number(await psql(`SELECT count(*) FROM outbox
	    WHERE channel = 'email' AND recipient = '${address}'`,
	    { db: srv.db }));
}

test('a handoff offered reminds its receiver once a day, unless turned off',
    async () => {
	const giver = await createPerson(srv, { name: 'Dana Giver' });
	const taker = await createPerson(srv, { name: 'Élise Taker',
	    role: 'mle' });
	const p = await createProject(srv);
	const offer = `/api/v1/projects/${p.id}/handoffs/b/offer`;
	const before = received().length;

	let r = await srv.api('POST', offer, { from_id: giver.id,
	    to_id: taker.id, artifact_url: 'https://git.example.com/nb' });
	assert.equal(r.status, 200, r.text);
	const mails = await waitForMail(before + 1);
	const mine = mails.filter((x) => x.envelope.to[0] === taker.email);
	assert.equal(mine.length, 1);
	const m = await parseMail(mine[0].raw);
	assert.deepEqual(m.defects, []);
	assert.equal(m.subject, 'Handoff offered to you: Notebook to '
	    + `training pipeline (${p.name})`);
	assert.equal(m.to, `Élise Taker <${taker.email}>`);
	assert.equal(m.content_type, 'text/plain');
	assert.match(m.parts[0].body, new RegExp('^Dana Giver offered you '
	    + `the handoff "Notebook to training pipeline" of ${p.name} on `
	    + `${TODAY}\\.`));
	assert.match(m.parts[0].body, /The artifact: https:\/\/git\.example\.com\/nb/);

	// Offered again the same day: no second reminder.
	r = await srv.api('POST', offer, { from_id: giver.id,
	    to_id: taker.id });
	assert.equal(r.status, 200, r.text);
	assert.equal(await mailRowsTo(taker.email), 1);
	assert.equal(Number(await psql(`SELECT count(*) FROM reminders_sent
	    WHERE person_id = ${taker.id} AND reminder = 'handoff_offered'`,
	    { db: srv.db })), 1);

	// Turned off: nothing is written for that person.
	const quiet = await createPerson(srv, { role: 'mle' });
	r = await srv.api('PATCH', mailOf(quiet.id),
	    { reminders: { handoff_offered: false } });
	assert.equal(r.status, 200, r.text);
	const q = await createProject(srv);
	r = await srv.api('POST', `/api/v1/projects/${q.id}/handoffs/b/offer`,
	    { from_id: giver.id, to_id: quiet.id });
	assert.equal(r.status, 200, r.text);
	assert.equal(await mailRowsTo(quiet.email), 0);
	await sleep(1500);
	assert.equal(received().filter((x) =>
	    x.envelope.to[0] === quiet.email).length, 0);
	assert.equal(received().filter((x) =>
	    x.envelope.to[0] === taker.email).length, 1);
});

// My own preferences: GET/PATCH /api/v1/me/mail and the /me/mail page,
// for any account that stands for a person (a viewer's too).
test('a person reads and changes their own mail preferences', async () => {
	const p = await createPerson(srv, { role: 'swe' });
	const other = await createPerson(srv);
	const as = await asPerson(srv, p, 'viewer');
	let r = await srv.api('GET', '/api/v1/me/mail', undefined, as);
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json, { person_id: p.id, email: p.email,
	    digest: 'all', reminders: allOn(), version: 0 });
	r = await srv.api('PATCH', '/api/v1/me/mail', { digest: 'mine',
	    reminders: { box_critical: false } }, as);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.digest, 'mine');
	assert.equal(r.json.reminders.box_critical, false);
	// The same as an admin reads it; nobody else's changed.
	r = await srv.api('GET', mailOf(p.id));
	assert.equal(r.json.digest, 'mine');
	assert.equal((await srv.api('GET', mailOf(other.id))).json.digest,
	    'all');
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)), 1);
	r = await srv.api('PATCH', '/api/v1/me/mail', { digest: 'weekly' }, as);
	assertError(r, 400, 'digest');
	r = await srv.api('PATCH', '/api/v1/me/mail', { digest: 'none' },
	    { ...as, 'if-match': '"7"' });
	assert.equal(r.status, 412, r.text);
});

test('an account that is nobody has no mail preferences: 403 naming ' +
    'person_id', async () => {
	const email = `${unique('nobody')}@example.org`;
	const token = await srv.token(email, 'member');
	const h = { authorization: `Bearer ${token}` };
	for (const [m, body] of [['GET'], ['PATCH', { digest: 'none' }]]) {
		const r = await srv.api(m, '/api/v1/me/mail', body, h);
		assertError(r, 403, 'person_id');
	}
});

test('the /me/mail page shows my choices and its form saves them',
    async () => {
	const p = await createPerson(srv, { role: 'ds' });
	await srv.account(p.email, 'viewer', 'a-long-password-1');
	await asPerson(srv, p, 'viewer');	// links the account
	const s = await signIn(srv, p.email, 'a-long-password-1');
	let page = await srv.request('GET', '/me/mail',
	    { headers: { cookie: s.cookie }, auth: false });
	assert.equal(page.status, 200, page.text);
	assert.ok(page.text.includes(p.email));
	assert.match(page.text, /name="digest" value="all" checked/);
	assert.match(page.text, /name="box_critical" value="on" checked/);

	// Only checkpoint_due left on; the digest for my projects.
	const r = await srv.request('POST', '/me/mail', { auth: false,
	    headers: { cookie: s.cookie, 'content-type': FORM_TYPE },
	    body: formBody({ csrf: s.csrf, version: 0, digest: 'mine',
		checkpoint_due: 'on' }) });
	assert.equal(r.status, 303, r.text);
	assert.equal(r.headers.get('location'), '/me/mail');
	const got = (await srv.api('GET', mailOf(p.id))).json;
	assert.equal(got.digest, 'mine');
	assert.deepEqual(got.reminders, { ...allOn(false),
	    checkpoint_due: true });
	page = await srv.request('GET', '/me/mail',
	    { headers: { cookie: s.cookie }, auth: false });
	assert.match(page.text, /name="digest" value="mine" checked/);
	assert.doesNotMatch(page.text, /name="box_critical" value="on" checked/);

	// My work links here.
	const me = await srv.request('GET', '/me',
	    { headers: { cookie: s.cookie }, auth: false });
	assert.ok(me.text.includes('href="/me/mail"'));
	// The admins' navigation has the outbox; a viewer's does not.
	assert.ok(!me.text.includes('href="/outbox"'));
	const admin = await srv.request('GET', '/people');
	assert.equal(admin.status, 200, admin.text);
	assert.match(admin.text, /<a href="\/outbox">Outbox<\/a>/);
});

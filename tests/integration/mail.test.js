// Email: what each person receives, GET|PATCH /api/v1/people/{id}/mail
// (sql/0027_mail.sql, sql/api/95_mail.sql).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, assertError, auditCount, auditOf }
    from '../lib/fixtures.js';

let srv;

before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

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

// My work: GET /api/v1/me and the /me page (sql/api/45_me.sql,
// src/views.c views_me), and taking an empty box in one click
// (POST .../ownership/{key}/{role}/take and its form).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, asPerson, addDays, historyOf, unique, TODAY }
    from '../lib/fixtures.js';
import { signIn, postForm } from '../lib/security.js';

let srv;
let dee, omar, ben, maya;
let p, q;			// dee holds a box on p; q is someone else's
const as = {};
let deeSession;

before(async () => {
	srv = await startApi();
	const n = unique('me');
	dee = await createPerson(srv, { name: 'Dee Scientist', role: 'ds',
	    email: `dee-${n}@example.com` });
	omar = await createPerson(srv, { name: 'Omar Haddad', role: 'ds',
	    email: `omar-${n}@example.com` });
	ben = await createPerson(srv, { name: 'Ben Carter', role: 'mle',
	    email: `ben-${n}@example.com` });
	maya = await createPerson(srv, { name: 'Maya Chen', role: 'pm',
	    email: `maya-${n}@example.com` });
	await srv.account(dee.email, 'member', 'dee-password-long');
	deeSession = await signIn(srv, dee.email, 'dee-password-long');
	as.dee = await asPerson(srv, dee, 'member');
	as.ben = await asPerson(srv, ben, 'member');
	as.maya = await asPerson(srv, maya, 'pm');

	p = await createProject(srv, { pm_id: maya.id });
	q = await createProject(srv, { pm_id: maya.id });
	// Dee holds the first DS box of p; p moves on to data, so that the
	// boxes needed by then are at risk while empty.
	const first = p.ownership.find((r) => r.ds.expected);
	const r = await srv.api('PUT',
	    `/api/v1/projects/${p.id}/ownership/${first.key}/ds`,
	    { person_id: dee.id });
	assert.equal(r.status, 200, r.text);
	const s = await srv.api('POST', `/api/v1/projects/${p.id}/stage`,
	    { stage: 'data', override: true, reason: 'not gates' });
	assert.equal(s.status, 200, s.text);
});
after(async () => { await srv?.stop(); });

const me = async (who = as.dee) => {
	const r = await srv.api('GET', '/api/v1/me', undefined, who);
	assert.equal(r.status, 200, r.text);
	return r.json;
};
const boxId = (b) => `${b.project_id}/${b.responsibility}/${b.role}`;
const takePath = (pid, key, role) =>
    `/api/v1/projects/${pid}/ownership/${key}/${role}/take`;

async function projectDoc(id) {
	const r = await srv.api('GET', `/api/v1/projects/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

test('my boxes, and the empty boxes of my role on my projects', async () => {
	const doc = await projectDoc(p.id);
	const m = await me();
	assert.deepEqual(m.person, { id: dee.id, name: 'Dee Scientist',
	    role: 'ds', active: true });
	assert.equal(m.today, TODAY);
	const held = doc.ownership.filter((r) => r.ds.person?.id === dee.id);
	assert.deepEqual(m.boxes.map(boxId), held.map((r) =>
	    `${p.id}/${r.key}/ds`));
	// Every expected, empty DS box of p, and none of q (not mine).
	const open = doc.ownership.filter((r) => r.ds.expected &&
	    r.ds.person === null);
	assert.ok(open.length > 0);
	assert.deepEqual(m.open_boxes.map(boxId).sort(), open.map((r) =>
	    `${p.id}/${r.key}/ds`).sort());
	// Each with the severity of its worst risk, as the project says.
	// (A project's risks include its holders' overloads: not a box's.)
	const risks = (await srv.api('GET', `/api/v1/projects/${p.id}/risks`))
	    .json.risks.filter((x) => x.project?.id === p.id);
	const worst = (b) => {
		const order = ['low', 'medium', 'high', 'critical'];
		const s = risks.filter((x) => x.subject.type === 'box' &&
		    x.subject.responsibility.key === b.responsibility &&
		    x.subject.role === b.role).map((x) =>
		    order.indexOf(x.severity));
		return s.length ? order[Math.max(...s)] : null;
	};
	for (const b of [...m.boxes, ...m.open_boxes])
		assert.equal(b.severity, worst(b), boxId(b));
	assert.ok(m.open_boxes.some((b) => b.severity !== null),
	    'an empty box needed by now is at risk');
	// The risks: those of the projects I lead or hold a box in, that is p.
	assert.deepEqual(m.risks.map((x) => x.message).sort(),
	    risks.map((x) => x.message).sort());
	assert.ok(m.risks.every((x) => x.project.id === p.id));
});

test('my checkpoints: open ones, overdue first, then by due day',
    async () => {
	const due = [addDays(TODAY, 9), addDays(TODAY, -3), addDays(TODAY, 2),
	    addDays(TODAY, -8)];
	const made = [];
	for (const d of due)
		made.push(await createCheckpoint(srv, p.id, { owner_id: dee.id,
		    due_on: d, title: `Mine due ${d}` }));
	// Done or someone else's: not mine to do.
	const done = await createCheckpoint(srv, p.id, { owner_id: dee.id,
	    due_on: addDays(TODAY, -1) });
	assert.equal((await srv.api('PATCH', `/api/v1/checkpoints/${done.id}`,
	    { status: 'done' })).status, 200);
	await createCheckpoint(srv, q.id, { owner_id: omar.id,
	    due_on: addDays(TODAY, -5) });

	const m = await me();
	assert.deepEqual(m.checkpoints.map((c) => c.due_on),
	    [addDays(TODAY, -8), addDays(TODAY, -3), addDays(TODAY, 2),
	    addDays(TODAY, 9)]);
	assert.deepEqual(m.checkpoints.map((c) => c.overdue),
	    [true, true, false, false]);
	assert.ok(m.checkpoints.every((c) => c.project_id === p.id &&
	    c.project_name === p.name));

	// The page lists them in that order.
	const r = await srv.request('GET', '/me', { auth: false,
	    headers: { cookie: deeSession.cookie } });
	assert.equal(r.status, 200);
	const at = due.map((d) => r.text.indexOf(`Mine due ${d}`));
	assert.ok(at.every((i) => i > 0), at.join(' '));
	assert.ok(at[3] < at[1] && at[1] < at[2] && at[2] < at[0],
	    at.join(' '));
	// Who I am, and the way here, in the header.
	assert.match(r.text, /<a href="\/me">My work<\/a>/);
	assert.match(r.text, /<a href="\/tokens">Dee Scientist<\/a>/);
});

test('handoffs offered to me and by me, until accepted', async () => {
	const offer = async (key, from, to) => {
		const r = await srv.api('POST',
		    `/api/v1/projects/${q.id}/handoffs/${key}/offer`,
		    { from_id: from.id, to_id: to.id });
		assert.equal(r.status, 200, r.text);
	};
	await offer('a', omar, dee);
	await offer('b', dee, ben);
	await offer('c', ben, dee);
	const r = await srv.api('POST', `/api/v1/projects/${q.id}/handoffs/c/` +
	    'accept', undefined, as.dee);
	assert.equal(r.status, 200, r.text);

	const m = await me();
	assert.deepEqual(m.handoffs_to_me.map((h) => [h.project_id, h.key,
	    h.from.name]), [[q.id, 'a', 'Omar Haddad']]);
	assert.deepEqual(m.handoffs_by_me.map((h) => [h.project_id, h.key,
	    h.to.name]), [[q.id, 'b', 'Ben Carter']]);
	const page = await srv.request('GET', '/me', { auth: false,
	    headers: { cookie: deeSession.cookie } });
	assert.match(page.text, /handoff a \(.*\), from Omar Haddad/);
	assert.match(page.text, /handoff b \(.*\), to Ben Carter/);
});

test('an account that is nobody gets an empty My work', async () => {
	// The test's admin: an account with no person.
	const r = await srv.api('GET', '/api/v1/me');
	assert.equal(r.status, 200, r.text);
	const m = r.json;
	assert.equal(m.person, null);
	for (const k of ['boxes', 'open_boxes', 'checkpoints', 'handoffs_to_me',
	    'handoffs_by_me', 'risks'])
		assert.deepEqual(m[k], [], k);
});

test('take it: an empty box of my role, with a note, in history',
    async () => {
	const box = (await me()).open_boxes[0];
	const path = takePath(box.project_id, box.responsibility, box.role);

	// Stale: 412, nothing taken.
	assertError(await srv.api('POST', path, undefined,
	    { ...as.dee, 'if-match': `"${box.version + 5}"` }), 412);
	// Another role's: refused, naming the role.
	const mle = await srv.api('POST', path, undefined, as.ben);
	assertError(mle, 403, 'role');
	assert.match(mle.json.error.message, /this box is for a DS/);
	// An account that is nobody's: refused.
	assertError(await srv.api('POST', path), 403, 'person_id');
	assertError(await srv.api('POST', path, { note: 'x'.repeat(501) },
	    as.dee), 400, 'note');
	assert.ok((await me()).open_boxes.some((b) => boxId(b) === boxId(box)));

	const r = await srv.api('POST', path, { note: 'I know this data' },
	    { ...as.dee, 'if-match': `"${box.version}"` });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.person, { id: dee.id, name: dee.name,
	    active: true });
	assert.equal(r.json.version, box.version + 1);
	const m = await me();
	assert.ok(m.boxes.some((b) => boxId(b) === boxId(box)));
	assert.ok(!m.open_boxes.some((b) => boxId(b) === boxId(box)));

	const h = await historyOf(srv, box.project_id);
	const e = h.entries[0];
	assert.equal(e.action, 'take');
	assert.equal(e.actor_name, 'Dee Scientist');
	assert.deepEqual(e.changes.map((c) => [c.field, c.after]).sort(),
	    [['note', 'I know this data'], ['person', 'Dee Scientist']]);

	// Held by someone now: 409 for anyone else of the role.
	const omarAs = await asPerson(srv, omar, 'member');
	assertError(await srv.api('POST', path, undefined, omarAs), 409);
});

test('take it from the page: back to My work, the box mine', async () => {
	const box = (await me()).open_boxes[0];
	const page = await srv.request('GET', '/me', { auth: false,
	    headers: { cookie: deeSession.cookie } });
	const action = `/projects/${box.project_id}/ownership/` +
	    `${box.responsibility}/${box.role}/take`;
	assert.ok(page.text.includes(`action="${action}"`));
	assert.match(page.text, />Take it<\/button>/);
	const r = await postForm(srv, deeSession, action,
	    { version: String(box.version) });
	assert.equal(r.status, 303, r.text);
	assert.equal(r.headers.get('location'), '/me#open-boxes');
	assert.ok((await me()).boxes.some((b) => boxId(b) === boxId(box)));
	// Stale now: post, redirect, get, the page says so.
	const stale = await postForm(srv, deeSession, action,
	    { version: String(box.version) });
	assert.equal(stale.status, 303, stale.text);
	assert.match(stale.headers.get('location'), /^\/me\?changed=take-/);
});

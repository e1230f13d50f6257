// Accounts are people, and only the receiver accepts a handoff
// (sql/0028_me.sql, api.handoff_accept): the named receiver accepts; a PM
// or an admin may accept for them with a reason (400 without one); the
// person who offered it never accepts it; anyone else is refused (403
// with the reason).  The API and the project page both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, assertError, asPerson,
    auditCount, historyOf, unique, TODAY } from '../lib/fixtures.js';
import { signIn, postForm } from '../lib/security.js';

let srv;
let ben, omar, ana, maya;	// receiver, offerer, another member, a PM
const as = {};			// name -> API headers of their account
const sessions = {};		// name -> a signed-in browser of the same

before(async () => {
	srv = await startApi();
	const n = unique('acc');
	ben = await createPerson(srv, { name: 'Ben Carter', role: 'mle',
	    email: `ben-${n}@example.com` });
	omar = await createPerson(srv, { name: 'Omar Haddad', role: 'ds',
	    email: `omar-${n}@example.com` });
	ana = await createPerson(srv, { name: 'Ana Ruiz', role: 'ds',
	    email: `ana-${n}@example.com` });
	maya = await createPerson(srv, { name: 'Maya Chen', role: 'pm',
	    email: `maya-${n}@example.com` });
	// Accounts made after their people: linked by email (handoffctl
	// user-add, api.user_create); the tokens are the same accounts'.
	for (const [who, person, role] of [['ben', ben, 'member'],
	    ['omar', omar, 'pm'], ['ana', ana, 'member'],
	    ['maya', maya, 'pm']]) {
		const pw = `${who}-password-long`;
		await srv.account(person.email, role, pw);
		sessions[who] = await signIn(srv, person.email, pw);
		as[who] = await asPerson(srv, person, role);
	}
});
after(async () => { await srv?.stop(); });

// A page as who, signed in.
async function page(path, who) {
	const r = await srv.request('GET', path, { auth: false,
	    headers: { cookie: sessions[who].cookie } });
	assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
	return r.text;
}

const ref = (p) => ({ id: p.id, name: p.name, active: p.active });
const path = (pid, what = 'accept') =>
    `/api/v1/projects/${pid}/handoffs/b/${what}`;

// A project with handoff B offered by Omar to Ben.
async function offeredB() {
	const p = await createProject(srv, { pm_id: maya.id });
	const r = await srv.api('POST', path(p.id, 'offer'),
	    { from_id: omar.id, to_id: ben.id });
	assert.equal(r.status, 200, r.text);
	return p;
}

const handoffB = async (pid) => (await srv.api('GET',
    `/api/v1/projects/${pid}`)).json.handoffs.find((h) => h.key === 'b');

test('the receiver accepts: recorded as them, in history by name',
    async () => {
	const p = await offeredB();
	const r = await srv.api('POST', path(p.id), undefined, as.ben);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.state, 'accepted');
	assert.equal(r.json.accepted_on, TODAY);
	assert.deepEqual(r.json.accepted_by, ref(ben));
	assert.equal(r.json.accept_reason, null);
	const h = await historyOf(srv, p.id);
	assert.equal(h.entries[0].action, 'accept');
	assert.equal(h.entries[0].actor_name, 'Ben Carter');
	assert.ok(h.entries[0].changes.some((c) => c.field === 'accepted_by' &&
	    c.after === 'Ben Carter'), JSON.stringify(h.entries[0].changes));
});

test('a member who is not the receiver is refused, nothing written',
    async () => {
	const p = await offeredB();
	const audits = await auditCount(srv, `project_id = ${p.id}`);
	const r = await srv.api('POST', path(p.id), undefined, as.ana);
	assertError(r, 403);
	assert.match(r.json.error.message, /only Ben Carter, who receives/);
	// A reason does not make a member a PM.
	assertError(await srv.api('POST', path(p.id), { reason: 'x' }, as.ana),
	    403);
	assert.equal((await handoffB(p.id)).state, 'offered');
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
});

test('the offerer cannot accept their own offer, even as a PM',
    async () => {
	const p = await offeredB();
	for (const body of [undefined, { reason: 'I will do it' }]) {
		const r = await srv.api('POST', path(p.id), body, as.omar);
		assertError(r, 403);
		assert.match(r.json.error.message, /you offered handoff B/);
	}
	assert.equal((await handoffB(p.id)).state, 'offered');
});

test('a PM accepts for the receiver with a reason, 400 without',
    async () => {
	const p = await offeredB();
	for (const body of [undefined, {}, { reason: '   ' }]) {
		const r = await srv.api('POST', path(p.id), body, as.maya);
		assertError(r, 400, 'reason');
		assert.match(r.json.error.message, /accepting for Ben Carter/);
	}
	assert.equal((await handoffB(p.id)).state, 'offered');

	const r = await srv.api('POST', path(p.id), { reason: 'Ben on leave' },
	    as.maya);
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.accepted_by, ref(maya));
	assert.equal(r.json.accept_reason, 'Ben on leave');
	assert.deepEqual(await handoffB(p.id), r.json);
	const h = await historyOf(srv, p.id);
	assert.equal(h.entries[0].actor_name, 'Maya Chen');
	assert.ok(h.entries[0].changes.some((c) =>
	    c.field === 'accept_reason' && c.after === 'Ben on leave'));

	// The page says who accepted, for whom and why.
	assert.match(await page(`/projects/${p.id}`, 'ana'), new RegExp(
	    `accepted ${TODAY} by Maya Chen for Ben Carter: Ben on leave`));
});

test('an admin without a person accepts for the receiver with a reason',
    async () => {
	const p = await offeredB();
	assertError(await srv.api('POST', path(p.id)), 400, 'reason');
	const r = await srv.api('POST', path(p.id),
	    { reason: 'Ben said yes by phone' });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.accepted_by, null);
	assert.equal(r.json.accept_reason, 'Ben said yes by phone');
	assert.match(await page(`/projects/${p.id}`, 'ana'),
	    /for Ben Carter: Ben said yes by phone/);
});

test('offering again starts over: who accepted is forgotten', async () => {
	const p = await offeredB();
	assert.equal((await srv.api('POST', path(p.id), undefined, as.ben))
	    .status, 200);
	const again = await srv.api('POST', path(p.id, 'offer'),
	    { from_id: omar.id, to_id: ben.id });
	assert.equal(again.status, 200, again.text);
	assert.equal(again.json.accepted_by, null);
	assert.equal(again.json.accept_reason, null);
});

// Pages: the sessions of the people's own accounts.
test('the page shows Accept only to those who may, and enforces it',
    async () => {
	// The accounts were linked when made, by email: nobody patched them.
	const users = (await srv.api('GET', '/api/v1/users')).json.users;
	for (const person of [ben, ana, omar, maya])
		assert.equal(users.find((u) => u.email === person.email)
		    .person_id, person.id);

	const p = await offeredB();
	const project = (who) => page(`/projects/${p.id}`, who);
	const form = `action="/projects/${p.id}/handoffs/b/accept"`;
	// The header says who you are: the person's name, else the
	// account's (srv.account names it after the email's local part).
	assert.match(await project('ben'),
	    /<div class="who"><a href="\/tokens">Ben Carter<\/a>/);
	const n = unique('nobody');
	await srv.account(`${n}@example.com`, 'viewer', 'nobody-password');
	const nobody = await signIn(srv, `${n}@example.com`, 'nobody-password');
	const r = await srv.request('GET', `/projects/${p.id}`, { auth: false,
	    headers: { cookie: nobody.cookie } });
	assert.ok(r.text.includes(`<a href="/tokens">${n}</a>`), r.text);
	assert.ok((await project('ben')).includes(form));
	assert.match(await project('ben'), />Accept handoff b<\/button>/);
	assert.ok(!(await project('ana')).includes(form), 'ana may not accept');
	assert.ok(!(await project('omar')).includes(form),
	    'the offerer may not');
	const pm = await project('maya');
	assert.ok(pm.includes(form));
	assert.match(pm, /Accept handoff b for Ben Carter/);
	assert.match(pm, /name="reason" required/);

	// Posting anyway: refused.
	const refused = await postForm(srv, sessions.ana,
	    `/projects/${p.id}/handoffs/b/accept`, {});
	assert.equal(refused.status, 403, refused.text);
	const own = await postForm(srv, sessions.omar,
	    `/projects/${p.id}/handoffs/b/accept`, {});
	assert.equal(own.status, 403, own.text);
	const noReason = await postForm(srv, sessions.maya,
	    `/projects/${p.id}/handoffs/b/accept`, {});
	assert.equal(noReason.status, 400, noReason.text);
	assert.match(noReason.text, /accepting for Ben Carter takes a reason/);
	assert.equal((await handoffB(p.id)).state, 'offered');

	const ok = await postForm(srv, sessions.ben,
	    `/projects/${p.id}/handoffs/b/accept`, {});
	assert.equal(ok.status, 303, ok.text);
	const after = await project('ana');
	assert.match(after, new RegExp(`accepted ${TODAY} by Ben Carter`));
	assert.ok(!after.includes('for Ben Carter'));
});

test('accounts link to people: by email, by id, refused when taken',
    async () => {
	const n = unique('link');
	const lee = await createPerson(srv, { name: 'Lee Park', role: 'swe',
	    email: `lee-${n}@example.com` });
	// Created with the same email: linked.
	const made = await srv.api('POST', '/api/v1/users', { email: lee.email,
	    name: 'Lee', role: 'member', password: 'long-enough-password' });
	assert.equal(made.status, 201, made.text);
	assert.equal(made.json.person_id, lee.id);
	// Created with a person who has an account already: 409.
	const taken = await srv.api('POST', '/api/v1/users', {
	    email: `other-${n}@example.com`, name: 'Other', role: 'member',
	    password: 'long-enough-password', person_id: lee.id });
	assertError(taken, 409, 'person_id');
	const none = await srv.api('POST', '/api/v1/users', {
	    email: `nobody-${n}@example.com`, name: 'Nobody', role: 'viewer',
	    password: 'long-enough-password', person_id: 999999 });
	assertError(none, 400, 'person_id');
	assertError(await srv.api('PATCH', `/api/v1/users/${made.json.id}`,
	    { person_id: 'x' }), 400, 'person_id');
	// Unlinked, then linked by an admin.
	const un = await srv.api('PATCH', `/api/v1/users/${made.json.id}`,
	    { person_id: null });
	assert.equal(un.json.person_id, null);
	const re = await srv.api('PATCH', `/api/v1/users/${made.json.id}`,
	    { person_id: lee.id });
	assert.equal(re.json.person_id, lee.id);

	// Who am I: the person too; every write records them.
	const me = await srv.api('GET', '/api/v1/session', undefined, as.ben);
	assert.equal(me.status, 200, me.text);
	assert.deepEqual(me.json.person, { id: ben.id, name: 'Ben Carter' });
	const p = await createProject(srv);
	const w = await srv.api('PATCH', `/api/v1/projects/${p.id}`,
	    { name: unique('renamed') }, as.maya);
	assert.equal(w.status, 200, w.text);
	const h = await historyOf(srv, p.id);
	assert.equal(h.entries[0].actor_name, 'Maya Chen');
	assert.equal(await auditCount(srv, `project_id = ${p.id} AND ` +
	    `person_id = ${maya.id}`), 1);
});

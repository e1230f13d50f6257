// Issue 14, item 4: the accounts page does for an admin what the users API
// does.  Create an account linked to a person (who then signs in), change
// its role, its linked person and its password, deactivate and reactivate
// it; each a form of /accounts, post/redirect/get, If-Match from the
// version shown, refusals in words on the page.  Anyone below admin is
// refused every form and nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, unique, auditCount } from
    '../lib/fixtures.js';
import { FORM_TYPE, formBody, postForm, signIn } from '../lib/security.js';

let srv;
const sessions = {};		// role -> a signed-in browser session

before(async () => {
	srv = await startApi();
	for (const role of ['viewer', 'member', 'pm', 'admin']) {
		const email = `ap-${role}@example.com`;
		await srv.account(email, role, `ap-${role}-password`);
		sessions[role] = await signIn(srv, email, `ap-${role}-password`);
	}
});

after(async () => { await srv?.stop(); });

async function page(session = sessions.admin) {
	const r = await srv.request('GET', '/accounts', { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(r.status, 200, r.text.slice(0, 300));
	return r.text;
}

async function user(id) {
	const r = await srv.api('GET', '/api/v1/users');
	assert.equal(r.status, 200, r.text);
	return r.json.users.find((u) => u.id === id);
}

// A sign-in through the form: did it open a session?
async function canSignIn(email, password) {
	const r = await srv.request('POST', '/login', { auth: false,
	    headers: { 'content-type': FORM_TYPE },
	    body: formBody({ email, password, next: '/' }) });
	return r.status === 303 && /hf_session|session/i.test(
	    r.headers.get('set-cookie') ?? '');
}

// An account made through the page's form, linked to person.
async function createThroughPage(person, fields = {}) {
	const email = `${unique('acct')}@example.com`;
	const r = await postForm(srv, sessions.admin, '/accounts', {
		email, name: 'Made on the page', role: 'member',
		person_id: String(person.id), password: 'first-password-1',
		...fields });
	assert.equal(r.status, 303, r.text.slice(0, 500));
	const m = /^\/accounts#user-(\d+)$/.exec(r.headers.get('location'));
	assert.ok(m, `redirect to the new row: ${r.headers.get('location')}`);
	return { id: Number(m[1]), email };
}

test('an admin creates an account linked to a person, who then signs in',
    async () => {
	const person = await createPerson(srv, { role: 'mle' });
	// Offered as a person no account stands for yet.
	assert.match(await page(), new RegExp(`<option value="${person.id}">` +
	    `Person [^<]*\\(mle, ${person.email}\\)</option>`));
	const audits = await auditCount(srv, "entity = 'user'");
	const { id, email } = await createThroughPage(person);
	const u = await user(id);
	assert.equal(u.person_id, person.id, 'linked to the chosen person');
	assert.equal(u.role, 'member');
	assert.equal(u.email, email);
	assert.equal(await auditCount(srv, "entity = 'user'"), audits + 1,
	    'the creation is audited');
	assert.ok(await canSignIn(email, 'first-password-1'),
	    'the new account signs in with its initial password');
	// The row names the person; the person is no longer offered to a
	// new account (only in this account's own "linked person" select).
	const html = await page();
	const row = new RegExp(`<tr id="user-${id}">.*?</tr>`, 's')
	    .exec(html)[0];
	assert.match(row, new RegExp(`<td data-label="Person">` +
	    `${person.name} <span class="muted">\\(mle\\)</span></td>`));
	const form = /<form[^>]*id="form-new-account">.*?<\/form>/s
	    .exec(html)[0];
	assert.doesNotMatch(form, new RegExp(`value="${person.id}"`));
	// The password is never echoed into the page.
	assert.doesNotMatch(html, /first-password-1/);
});

test('a refused new account says why in words, at the field, and keeps ' +
    'what was typed but the password', async () => {
	const person = await createPerson(srv);
	const n = await srv.api('GET', '/api/v1/users');
	let r = await postForm(srv, sessions.admin, '/accounts', {
		email: `${unique('short')}@example.com`, name: 'Kept name',
		role: 'viewer', person_id: String(person.id),
		password: 'short' });
	assert.equal(r.status, 400);
	assert.match(r.text, /id="new-account-password-error" role="alert">Password is too short</);
	assert.match(r.text, /<details open><summary>Create an account/);
	assert.match(r.text, /value="Kept name"/);
	assert.doesNotMatch(r.text, /value="short"/);
	// The person has an account already: 409, named in words.
	const { email } = await createThroughPage(person);
	r = await postForm(srv, sessions.admin, '/accounts', {
		email: `${unique('dup')}@example.com`, name: 'Second',
		role: 'viewer', person_id: String(person.id),
		password: 'long-enough-password' });
	assert.equal(r.status, 409);
	assert.match(r.text, new RegExp(`id="new-account-person_id-error" ` +
	    `role="alert">${person.name} already has an account: ${email}`));
	// The same email twice: 409 at the email.
	r = await postForm(srv, sessions.admin, '/accounts', {
		email: email.toUpperCase(), name: 'Again', role: 'viewer',
		person_id: '', password: 'long-enough-password' });
	assert.equal(r.status, 409);
	assert.match(r.text, /id="new-account-email-error" role="alert">a user with this email already exists/);
	const after = await srv.api('GET', '/api/v1/users');
	assert.equal(after.json.total, n.json.total + 1, 'only the good one');
});

test('no person chosen: the person of the same email, as in the API',
    async () => {
	const person = await createPerson(srv);
	const r = await postForm(srv, sessions.admin, '/accounts', {
		email: person.email, name: 'By email', role: 'viewer',
		person_id: '', password: 'long-enough-password' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const id = Number(/user-(\d+)$/.exec(r.headers.get('location'))[1]);
	assert.equal((await user(id)).person_id, person.id);
});

test('role, linked person, deactivate and reactivate, with If-Match',
    async () => {
	const person = await createPerson(srv);
	const other = await createPerson(srv);
	const { id, email } = await createThroughPage(person);
	let u = await user(id);
	let r = await postForm(srv, sessions.admin, `/accounts/${id}/role`,
	    { role: 'pm', version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(r.headers.get('location'), `/accounts#user-${id}`);
	u = await user(id);
	assert.equal(u.role, 'pm');
	// The version the page showed is stale now: back to the page, by
	// GET, with the message in words; nothing changed.
	r = await postForm(srv, sessions.admin, `/accounts/${id}/role`,
	    { role: 'viewer', version: String(u.version - 1) });
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'),
	    `/accounts?changed=acct-${id}-role#user-${id}`);
	assert.equal((await user(id)).role, 'pm', 'nothing of it was saved');
	const stale = await srv.request('GET',
	    `/accounts?changed=acct-${id}-role`, { auth: false,
	    headers: { cookie: sessions.admin.cookie } });
	const notice = /<p class="form-notice" role="alert">([^<]*)<\/p>/
	    .exec(stale.text);
	assert.ok(notice, 'the stale form says so');
	assert.match(notice[1], /^Someone else changed this while you were editing/);
	assert.doesNotMatch(notice[1], /version|\d/i);

	// Another person; then none.
	r = await postForm(srv, sessions.admin, `/accounts/${id}/person`,
	    { person_id: String(other.id), version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	u = await user(id);
	assert.equal(u.person_id, other.id);
	r = await postForm(srv, sessions.admin, `/accounts/${id}/person`,
	    { person_id: '', version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	u = await user(id);
	assert.equal(u.person_id, null);

	// Deactivated: it cannot sign in; reactivated: it can.
	r = await postForm(srv, sessions.admin, `/accounts/${id}/active`,
	    { active: 'false', version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	u = await user(id);
	assert.equal(u.active, false);
	assert.equal(await canSignIn(email, 'first-password-1'), false);
	assert.match(await page(), new RegExp(`<tr id="user-${id}">.*?` +
	    'Reactivate the account', 's'));
	r = await postForm(srv, sessions.admin, `/accounts/${id}/active`,
	    { active: 'true', version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal((await user(id)).active, true);
	assert.ok(await canSignIn(email, 'first-password-1'));
});

test('a password reset: the new one signs in, the old one no longer',
    async () => {
	const { id, email } = await createThroughPage(await createPerson(srv));
	const u = await user(id);
	const audits = await auditCount(srv,
	    `entity = 'user' AND action = 'password'`);
	let r = await postForm(srv, sessions.admin, `/accounts/${id}/password`,
	    { password: 'tiny', version: String(u.version) });
	assert.equal(r.status, 400);
	assert.match(r.text, new RegExp(`id="acct-${id}-password-password-` +
	    'error" role="alert">Password is too short<'));
	r = await postForm(srv, sessions.admin, `/accounts/${id}/password`,
	    { password: 'the-second-password', version: String(u.version) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(await auditCount(srv,
	    `entity = 'user' AND action = 'password'`), audits + 1);
	assert.equal(await canSignIn(email, 'first-password-1'), false);
	assert.ok(await canSignIn(email, 'the-second-password'));
	// Stored as its hash, never as typed.
	const stored = await srv.api('GET', '/api/v1/users');
	assert.doesNotMatch(JSON.stringify(stored.json), /the-second-password/);
});

test('a PM, a member and a viewer are refused every form', async () => {
	const person = await createPerson(srv);
	const { id } = await createThroughPage(await createPerson(srv));
	const u = await user(id);
	const forms = [
		['/accounts', { email: `${unique('no')}@example.com`,
		    name: 'No', role: 'admin', person_id: String(person.id),
		    password: 'long-enough-password' }],
		[`/accounts/${id}/role`, { role: 'admin',
		    version: String(u.version) }],
		[`/accounts/${id}/person`, { person_id: String(person.id),
		    version: String(u.version) }],
		[`/accounts/${id}/password`, { password: 'hijacked-password',
		    version: String(u.version) }],
		[`/accounts/${id}/active`, { active: 'false',
		    version: String(u.version) }],
	];
	const total = (await srv.api('GET', '/api/v1/users')).json.total;
	const audits = await auditCount(srv);
	for (const role of ['pm', 'member', 'viewer']) {
		const g = await srv.request('GET', '/accounts', { auth: false,
		    headers: { cookie: sessions[role].cookie } });
		assert.equal(g.status, 403, `GET /accounts as ${role}`);
		for (const [path, fields] of forms) {
			const r = await postForm(srv, sessions[role], path,
			    fields);
			assert.equal(r.status, 403, `${role} POST ${path}`);
		}
	}
	assert.deepEqual(await user(id), u, 'the account is as it was');
	assert.equal((await srv.api('GET', '/api/v1/users')).json.total,
	    total);
	assert.equal(await auditCount(srv), audits, 'nothing was written');
});

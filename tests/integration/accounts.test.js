// Accounts: signing in and out, sessions, CSRF, lockout, API tokens and
// user administration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, psql } from '../lib/harness.js';

let srv;

before(async () => {
	// This file signs in and fails sign-ins on purpose, more often than
	// one address may (security_signin.test.js tests the budgets): each
	// attempt comes from an address of its own, through the loopback as
	// a trusted proxy, so that no worker's budget for one address runs
	// out however fast the attempts come.
	srv = await startServer({ env:
	    { HANDOFF_TRUSTED_PROXIES: '127.0.0.1,::1' } });
	await psql("UPDATE settings SET value = 1000 WHERE key = " +
	    "'login_address_burst'", { dsn: srv.dsn });
	await srv.account('pat@example.com', 'pm', 'correct-horse-1');
	await srv.account('mel@example.com', 'member', 'member-pass-12');
});
after(async () => { await srv?.stop(); });

// The headers of a sign-in from an address no attempt came from before.
let attempts = 0;
function fresh(headers = {}) {
	attempts++;
	return { 'x-forwarded-for': `198.51.${attempts >> 8 & 255}.` +
	    `${attempts & 255}`, ...headers };
}

const FORM = 'application/x-www-form-urlencoded';

async function signIn(email, password) {
	return srv.request('POST', '/api/v1/session', {
		headers: fresh(), body: { email, password }, auth: false });
}

function sessionCookie(r) {
	const c = r.headers.get('set-cookie');
	assert.ok(c, 'a session cookie is set');
	assert.match(c, /HttpOnly/);
	assert.match(c, /SameSite=Lax/);
	assert.match(c, /Path=\//);
	return c.split(';')[0];
}

function asSession(cookie, csrf, extra = {}) {
	return { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}), ...extra };
}

test('sign in with the JSON API: a session, its CSRF token, who am I',
    async () => {
	const r = await signIn('pat@example.com', 'correct-horse-1');
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.user.email, 'pat@example.com');
	assert.equal(r.json.user.role, 'pm');
	assert.match(r.json.csrf_token, /^[A-Za-z0-9_-]{40,}$/);
	const cookie = sessionCookie(r);

	const me = await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } });
	assert.equal(me.status, 200);
	assert.deepEqual(me.json.user.email, 'pat@example.com');
	assert.equal(me.json.via, 'session');

	// Reading needs no CSRF token, writing does.
	assert.equal((await srv.request('GET', '/api/v1/projects',
	    { headers: { cookie } })).status, 200);
	const noCsrf = await srv.request('POST', '/api/v1/people', {
		headers: { cookie }, body: { name: 'N', email: 'n1@example.com',
		role: 'ds' } });
	assert.equal(noCsrf.status, 403);
	assert.equal(noCsrf.json.error.code, 'csrf');
	const withCsrf = await srv.request('POST', '/api/v1/people', {
		headers: asSession(cookie, r.json.csrf_token),
		body: { name: 'N', email: 'n2@example.com', role: 'ds' } });
	assert.equal(withCsrf.status, 201, withCsrf.text);

	// The audit log names the signed-in user.
	const h = await psql(`SELECT actor FROM audit_log WHERE entity =
	    'person' ORDER BY id DESC LIMIT 1`, { dsn: srv.dsn });
	assert.equal(h, 'pat@example.com');
});

test('a wrong password and an unknown email get the same answer',
    async () => {
	const wrong = await signIn('pat@example.com', 'not-the-password');
	const unknown = await signIn('nobody@example.com', 'not-the-password');
	assert.equal(wrong.status, 401);
	assert.equal(unknown.status, 401);
	assert.deepEqual(wrong.json, unknown.json);
	assert.equal(wrong.headers.get('set-cookie'), null);
	assert.doesNotMatch(wrong.json.error.message, /exist|unknown/i);
});

test('each sign-in makes a new session id (no fixation)', async () => {
	const a = sessionCookie(await signIn('pat@example.com',
	    'correct-horse-1'));
	// A browser that already has a session and signs in again.
	const again = await srv.request('POST', '/api/v1/session', {
		headers: fresh({ cookie: a }), auth: false,
		body: { email: 'pat@example.com', password: 'correct-horse-1' } });
	const b = sessionCookie(again);
	assert.notEqual(a, b);
	// A made-up session id is worth nothing.
	const forged = await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: 'handoff_session=attacker-chosen-id' } });
	assert.equal(forged.status, 401);
	// Ids are stored hashed, never as sent.
	const stored = await psql('SELECT id_hash FROM sessions',
	    { dsn: srv.dsn });
	assert.ok(!stored.includes(b.split('=')[1]));
});

test('signing out ends the session on the server', async () => {
	const r = await signIn('pat@example.com', 'correct-horse-1');
	const cookie = sessionCookie(r);
	const noCsrf = await srv.request('DELETE', '/api/v1/session',
	    { headers: { cookie } });
	assert.equal(noCsrf.status, 403);
	const out = await srv.request('DELETE', '/api/v1/session',
	    { headers: asSession(cookie, r.json.csrf_token) });
	assert.equal(out.status, 204);
	assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
	// The old cookie, replayed, no longer works.
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } })).status, 401);
});

test('the sign-in form: redirect onwards, a refusal keeps the email',
    async () => {
	const page = await srv.request('GET', '/login?next=/people',
	    { auth: false });
	assert.equal(page.status, 200);
	assert.match(page.text, /name="next" value="\/people"/);
	assert.doesNotMatch(page.text, /no accounts yet/);

	const bad = await srv.request('POST', '/login', { auth: false,
	    headers: fresh({ 'content-type': FORM }),
	    body: 'email=pat%40example.com&password=wrong-one-123&next=%2Fpeople' });
	assert.equal(bad.status, 401);
	assert.match(bad.text, /value="pat@example.com"/);
	assert.match(bad.text, /Not signed in/);

	const ok = await srv.request('POST', '/login', { auth: false,
	    headers: fresh({ 'content-type': FORM }),
	    body: 'email=pat%40example.com&password=correct-horse-1&next=%2Fpeople' });
	assert.equal(ok.status, 303);
	assert.equal(ok.headers.get('location'), '/people');
	const cookie = sessionCookie(ok);

	// Somewhere else than this site is never where it leads.
	const away = await srv.request('POST', '/login', { auth: false,
	    headers: fresh({ 'content-type': FORM }),
	    body: 'email=pat%40example.com&password=correct-horse-1&next=%2F%2Fevil.example' });
	assert.equal(away.headers.get('location'), '/');

	// Signing out with the form needs its CSRF token.
	const people = await srv.request('GET', '/people', { headers: { cookie } });
	const csrf = people.text.match(/name="csrf" value="([^"]+)"/)[1];
	const noToken = await srv.request('POST', '/logout', {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' }, body: 'csrf=wrong' });
	assert.equal(noToken.status, 403);
	const out = await srv.request('POST', '/logout', {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' },
		body: `csrf=${encodeURIComponent(csrf)}` });
	assert.equal(out.status, 303);
	assert.equal(out.headers.get('location'), '/login');
	assert.equal((await srv.request('GET', '/people', { headers: { cookie } }))
	    .status, 303);
});

test('a page without a session sends the browser to sign in', async () => {
	const r = await srv.request('GET', '/projects/1?x=1', { auth: false });
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'), '/login?next=/projects/1%3Fx%3D1');
	const api = await srv.request('GET', '/api/v1/projects', { auth: false });
	assert.equal(api.status, 401);
	assert.equal(api.json.error.code, 'unauthenticated');
});

test('an idle or too old session is refused', async () => {
	const r = await signIn('pat@example.com', 'correct-horse-1');
	const cookie = sessionCookie(r);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } })).status, 200);
	await psql("UPDATE sessions SET last_seen_at = now() - interval '3 hours'",
	    { dsn: srv.dsn });
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } })).status, 401);

	const r2 = await signIn('pat@example.com', 'correct-horse-1');
	const cookie2 = sessionCookie(r2);
	await psql("UPDATE sessions SET expires_at = now() - interval '1 second'",
	    { dsn: srv.dsn });
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: cookie2 } })).status, 401);
});

test('repeated failures slow down, then lock the account', async () => {
	await srv.account('lock@example.com', 'viewer', 'lock-me-out-1');
	for (let i = 0; i < 3; i++)
		assert.equal((await signIn('lock@example.com', 'bad-guess-000'))
		    .status, 401);
	// The fourth failure makes the next attempt wait: even the right
	// password is refused for now, with the same words.
	assert.equal((await signIn('lock@example.com', 'bad-guess-000')).status,
	    401);
	const waiting = await signIn('lock@example.com', 'lock-me-out-1');
	assert.equal(waiting.status, 401);
	assert.equal(await psql("SELECT locked_until > now() FROM users WHERE " +
	    "email = 'lock@example.com'", { dsn: srv.dsn }), 't');

	// Ten failures lock it for a while (attempts made while it must
	// wait are not counted: the wait is skipped here until then).
	await psql("UPDATE users SET locked_until = NULL WHERE email = " +
	    "'lock@example.com'", { dsn: srv.dsn });
	for (let i = 0; i < 10; i++) {
		await psql("UPDATE users SET locked_until = NULL WHERE email = " +
		    "'lock@example.com' AND failed_logins < 10", { dsn: srv.dsn });
		await signIn('lock@example.com', 'bad-guess-000');
	}
	const mins = await psql("SELECT round(extract(epoch FROM locked_until - " +
	    "now()) / 60) FROM users WHERE email = 'lock@example.com'",
	    { dsn: srv.dsn });
	assert.ok(Number(mins) >= 14, `locked for ${mins} minutes`);
	assert.equal((await signIn('lock@example.com', 'lock-me-out-1')).status,
	    401);

	// A new password (by an admin) ends the lock.
	const u = await srv.api('GET', '/api/v1/users');
	const id = u.json.users.find((x) => x.email === 'lock@example.com').id;
	assert.equal((await srv.api('PATCH', `/api/v1/users/${id}`,
	    { password: 'a-brand-new-pass' })).status, 200);
	assert.equal((await signIn('lock@example.com', 'a-brand-new-pass'))
	    .status, 200);
});

test('API tokens: created once, listed without the secret, revoked',
    async () => {
	const r = await signIn('mel@example.com', 'member-pass-12');
	const cookie = sessionCookie(r);
	const made = await srv.request('POST', '/api/v1/tokens', {
		headers: asSession(cookie, r.json.csrf_token),
		body: { name: 'chat bot' } });
	assert.equal(made.status, 201, made.text);
	const token = made.json.token;
	assert.match(token, /^hf_[A-Za-z0-9_-]{43}$/);
	assert.equal(made.json.prefix, token.slice(0, 10));

	const me = await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } });
	assert.equal(me.json.user.email, 'mel@example.com');
	assert.equal(me.json.via, 'token');

	// A token carries its owner's role: a member may not create projects.
	const forbidden = await srv.request('POST', '/api/v1/people', {
		headers: { authorization: `Bearer ${token}` },
		body: { name: 'X', email: 'x9@example.com', role: 'ds' } });
	assert.equal(forbidden.status, 403);

	const list = await srv.request('GET', '/api/v1/tokens',
	    { headers: { authorization: `Bearer ${token}` } });
	assert.equal(list.json.tokens.length, 1);
	assert.ok(!JSON.stringify(list.json).includes(token));
	const stored = await psql('SELECT token_hash FROM api_tokens',
	    { dsn: srv.dsn });
	assert.ok(!stored.includes(token));

	// Someone else cannot revoke it; its owner can.
	const other = await srv.request('DELETE',
	    `/api/v1/tokens/${made.json.id}`, { headers: { authorization:
	    `Bearer ${await srv.token('viewer1@example.com', 'viewer')}` } });
	assert.equal(other.status, 404);
	const gone = await srv.request('DELETE', `/api/v1/tokens/${made.json.id}`,
	    { headers: { authorization: `Bearer ${token}` } });
	assert.equal(gone.status, 200);
	assert.ok(gone.json.revoked_at);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } })).status, 401);
});

test('the tokens page shows a new token once', async () => {
	const r = await signIn('mel@example.com', 'member-pass-12');
	const cookie = sessionCookie(r);
	const page = await srv.request('GET', '/tokens', { headers: { cookie } });
	assert.equal(page.status, 200);
	const csrf = page.text.match(/name="csrf" value="([^"]+)"/)[1];
	const made = await srv.request('POST', '/tokens', {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' },
		body: `csrf=${encodeURIComponent(csrf)}&name=deploy+script` });
	assert.equal(made.status, 200);
	const token = made.text.match(/<code id="new-token">(hf_[^<]+)</)[1];
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } })).status, 200);
	const again = await srv.request('GET', '/tokens', { headers: { cookie } });
	assert.ok(!again.text.includes(token), 'shown once only');
	assert.match(again.text, /deploy script/);
	const id = again.text.match(/action="\/tokens\/(\d+)\/revoke"/)[1];
	const revoked = await srv.request('POST', `/tokens/${id}/revoke`, {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' },
		body: `csrf=${encodeURIComponent(csrf)}` });
	assert.equal(revoked.status, 303);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } })).status, 401);
});

test('admins manage users; a new password ends every session', async () => {
	const made = await srv.api('POST', '/api/v1/users', { email:
	    'new@example.com', name: 'New', role: 'viewer',
	    password: 'first-password' });
	assert.equal(made.status, 201, made.text);
	assert.equal(made.json.role, 'viewer');
	assert.equal(made.json.password_hash, undefined);
	const short = await srv.api('POST', '/api/v1/users', { email:
	    'short@example.com', name: 'S', role: 'viewer', password: 'short' });
	assert.equal(short.status, 400);
	assert.equal(short.json.error.field, 'password');
	assert.equal((await srv.api('POST', '/api/v1/users', { email:
	    'NEW@example.com', name: 'Dup', role: 'viewer',
	    password: 'first-password' })).status, 409);

	const s = sessionCookie(await signIn('new@example.com',
	    'first-password'));
	const promoted = await srv.api('PATCH', `/api/v1/users/${made.json.id}`,
	    { role: 'member', password: 'second-password' },
	    { 'if-match': '"1"' });
	assert.equal(promoted.status, 200, promoted.text);
	assert.equal(promoted.json.role, 'member');
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: s } })).status, 401);
	assert.equal((await signIn('new@example.com', 'first-password')).status,
	    401);
	assert.equal((await signIn('new@example.com', 'second-password'))
	    .status, 200);

	// Deactivated: no more sign-ins.
	assert.equal((await srv.api('PATCH', `/api/v1/users/${made.json.id}`,
	    { active: false })).status, 200);
	assert.equal((await signIn('new@example.com', 'second-password'))
	    .status, 401);

	// Only admins.
	const pm = await srv.token('pm2@example.com', 'pm');
	assert.equal((await srv.request('GET', '/api/v1/users',
	    { headers: { authorization: `Bearer ${pm}` } })).status, 403);
});

test('a database with no accounts says how to make the first', async () => {
	const empty = await startServer();
	try {
		const page = await empty.request('GET', '/login', { auth: false });
		assert.match(page.text, /no accounts\s+yet/);
		assert.match(page.text, /handoffctl user-add --role admin/);
	} finally {
		await empty.stop();
	}
});

// One rule for passwords, in characters (code points), wherever one is set
// or used: 130 Cyrillic letters are 260 bytes.
test('a long non-ASCII password can be set and then used to sign in',
    async () => {
	const pw = 'ж'.repeat(130);
	const made = await srv.api('POST', '/api/v1/users', { email:
	    'cyril@example.com', name: 'Cyril', role: 'viewer',
	    password: pw });
	assert.equal(made.status, 201, made.text);
	const r = await signIn('cyril@example.com', pw);
	assert.equal(r.status, 200, r.text);
	const form = await srv.request('POST', '/login', { auth: false,
	    headers: fresh({ 'content-type': FORM }),
	    body: `email=cyril%40example.com&password=${encodeURIComponent(pw)}` +
	    '&next=%2Fpeople' });
	assert.equal(form.status, 303, form.text);
	assert.equal(form.headers.get('location'), '/people');

	// handoffctl counts characters too: 200 of them, not 200 bytes.
	const longest = 'я'.repeat(200);
	await srv.account('ctl-cyril@example.com', 'viewer', longest);
	assert.equal((await signIn('ctl-cyril@example.com', longest)).status,
	    200);
	await assert.rejects(srv.account('ctl-long@example.com', 'viewer',
	    'я'.repeat(201)));
	const tooLong = await srv.api('POST', '/api/v1/users', { email:
	    'long@example.com', name: 'Long', role: 'viewer',
	    password: 'я'.repeat(201) });
	assert.equal(tooLong.status, 400);
	assert.equal(tooLong.json.error.field, 'password');
});

test('signing out with a bearer token is refused; the token still works',
    async () => {
	const r = await signIn('mel@example.com', 'member-pass-12');
	const cookie = sessionCookie(r);
	const made = await srv.request('POST', '/api/v1/tokens', {
		headers: asSession(cookie, r.json.csrf_token),
		body: { name: 'logout probe' } });
	assert.equal(made.status, 201, made.text);
	const bearer = { authorization: `Bearer ${made.json.token}` };
	const out = await srv.request('DELETE', '/api/v1/session',
	    { headers: bearer });
	assert.equal(out.status, 400, out.text);
	assert.equal(out.json.error.code, 'bad_request');
	assert.match(out.json.error.message, /revoke the token/);
	assert.equal(out.headers.get('set-cookie'), null);
	const me = await srv.request('GET', '/api/v1/session',
	    { headers: bearer });
	assert.equal(me.status, 200);
	assert.equal(me.json.via, 'token');
});

// One check (auth_csrf_ok) for every form and write; each keeps its answer.
// (It also logs a "refused" line, but kore's log is not in the test log.)
test('CSRF refusals on the tokens page and at sign-out', async () => {
	const r = await signIn('mel@example.com', 'member-pass-12');
	const cookie = sessionCookie(r);
	const made = await srv.request('POST', '/tokens', {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' },
		body: 'csrf=wrong&name=forged' });
	assert.equal(made.status, 403);
	assert.match(made.text, /This form has expired/);
	assert.doesNotMatch(made.text, /id="new-token"/);
	const noCsrf = await srv.request('DELETE', '/api/v1/session',
	    { headers: { cookie } });
	assert.equal(noCsrf.status, 403);
	assert.equal(noCsrf.json.error.code, 'csrf');
	assert.match(noCsrf.json.error.message, /signing out/);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } })).status, 200, 'still signed in');
});

test('the tokens page refuses a name the API refuses', async () => {
	const r = await signIn('mel@example.com', 'member-pass-12');
	const cookie = sessionCookie(r);
	const page = await srv.request('GET', '/tokens', { headers: { cookie } });
	const csrf = page.text.match(/name="csrf" value="([^"]+)"/)[1];
	const api = await srv.request('POST', '/api/v1/tokens', {
		headers: asSession(cookie, r.json.csrf_token),
		body: { name: 'two\nlines' } });
	assert.equal(api.status, 400);
	const made = await srv.request('POST', '/tokens', {
		headers: { cookie, 'content-type':
		'application/x-www-form-urlencoded' },
		body: `csrf=${encodeURIComponent(csrf)}&name=two%0Alines` });
	assert.equal(made.status, 400);
	assert.doesNotMatch(made.text, /id="new-token"/);
});

async function userId(email) {
	const u = await srv.api('GET', '/api/v1/users');
	assert.equal(u.status, 200, u.text);
	return u.json.users.find((x) => x.email === email)?.id;
}

async function activeAdmins() {
	return Number(await psql("SELECT count(*) FROM users WHERE role = " +
	    "'admin' AND active", { dsn: srv.dsn }));
}

// Whoever else is an admin stops being one, straight in the database, so
// that the test's own admin (tester@example.com) is the last.
async function onlyTesterIsAdmin() {
	await srv.token();
	await psql("UPDATE users SET role = 'pm' WHERE role = 'admin' AND " +
	    "email <> 'tester@example.com'", { dsn: srv.dsn });
	assert.equal(await activeAdmins(), 1);
}

test('the last active admin cannot be demoted or deactivated', async () => {
	await onlyTesterIsAdmin();
	const me = await userId('tester@example.com');
	const demote = await srv.api('PATCH', `/api/v1/users/${me}`,
	    { role: 'pm' });
	assert.equal(demote.status, 409, demote.text);
	assert.deepEqual(Object.keys(demote.json), ['error']);
	assert.equal(demote.json.error.code, 'last_admin');
	assert.equal(demote.json.error.field, 'role');
	assert.match(demote.json.error.message,
	    /tester@example\.com is the last active admin/);
	const off = await srv.api('PATCH', `/api/v1/users/${me}`,
	    { active: false, name: 'Gone' });
	assert.equal(off.status, 409, off.text);
	assert.equal(off.json.error.code, 'last_admin');
	assert.equal(off.json.error.field, 'active');
	// Nothing of the refused change was kept.
	const still = (await srv.api('GET', '/api/v1/users')).json.users
	    .find((x) => x.id === me);
	assert.equal(still.role, 'admin');
	assert.equal(still.active, true);
	assert.notEqual(still.name, 'Gone');

	// With a second admin, either may go; then the other is the last.
	const second = await srv.api('POST', '/api/v1/users', { email:
	    'second-admin@example.com', name: 'Second', role: 'admin',
	    password: 'second-admin-pass' });
	assert.equal(second.status, 201, second.text);
	assert.equal((await srv.api('PATCH', `/api/v1/users/${second.json.id}`,
	    { active: false })).status, 200);
	assert.equal((await srv.api('PATCH', `/api/v1/users/${me}`,
	    { role: 'member' })).status, 409);
	// An inactive admin does not count, and may be changed freely.
	assert.equal((await srv.api('PATCH', `/api/v1/users/${second.json.id}`,
	    { role: 'viewer' })).status, 200);
	assert.equal(await activeAdmins(), 1);
});

// Two admins demote each other at the same time.  A table lock held by
// psql stops both changes just before their audit row, after their own
// check, so both checks run before either commits: without a lock around
// the check, both would pass and leave no admin at all.
test('two admins demoting each other at once leave one admin', async () => {
	await onlyTesterIsAdmin();
	const me = await userId('tester@example.com');
	const other = await srv.api('POST', '/api/v1/users', { email:
	    'rival-admin@example.com', name: 'Rival', role: 'admin',
	    password: 'rival-admin-pass' });
	assert.equal(other.status, 201, other.text);
	const rival = await srv.token('rival-admin@example.com', 'admin');

	const hold = psql('BEGIN; LOCK TABLE audit_log IN SHARE MODE; ' +
	    'SELECT pg_sleep(1.5); COMMIT;', { db: srv.db });
	await new Promise((r) => setTimeout(r, 300));
	const [a, b] = await Promise.all([
		srv.api('PATCH', `/api/v1/users/${other.json.id}`,
		    { role: 'pm' }),
		srv.request('PATCH', `/api/v1/users/${me}`, { body:
		    { role: 'pm' }, headers: { authorization:
		    `Bearer ${rival}` } }),
	]);
	await hold;
	const statuses = [a.status, b.status].sort();
	assert.deepEqual(statuses, [200, 409], `${a.text} ${b.text}`);
	const refused = a.status === 409 ? a : b;
	assert.equal(refused.json.error.code, 'last_admin');
	assert.equal(await activeAdmins(), 1);
	// Put the test's admin back if the rival won.
	await psql("UPDATE users SET role = 'admin' WHERE email = " +
	    "'tester@example.com'", { dsn: srv.dsn });
});

// A token of email's account, made through the API as that account.
async function tokenOf(email, password, name) {
	const r = await signIn(email, password);
	assert.equal(r.status, 200, r.text);
	const made = await srv.request('POST', '/api/v1/tokens', {
		headers: asSession(sessionCookie(r), r.json.csrf_token),
		body: { name } });
	assert.equal(made.status, 201, made.text);
	return made.json;
}

async function tokenWorks(token) {
	const r = await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } });
	return r.status === 200;
}

test('a new password revokes the API tokens, unless keep_tokens',
    async () => {
	await srv.account('tok@example.com', 'member', 'tokens-pass-1');
	const id = await userId('tok@example.com');
	const t1 = await tokenOf('tok@example.com', 'tokens-pass-1', 'bot');
	const s = sessionCookie(await signIn('tok@example.com',
	    'tokens-pass-1'));
	assert.ok(await tokenWorks(t1.token));

	// keep_tokens goes with a password only.
	const alone = await srv.api('PATCH', `/api/v1/users/${id}`,
	    { keep_tokens: true });
	assert.equal(alone.status, 400, alone.text);
	assert.equal(alone.json.error.code, 'invalid');
	assert.equal(alone.json.error.field, 'keep_tokens');
	const notBool = await srv.api('PATCH', `/api/v1/users/${id}`,
	    { password: 'tokens-pass-2', keep_tokens: 'yes' });
	assert.equal(notBool.status, 400, notBool.text);
	assert.equal(notBool.json.error.field, 'keep_tokens');

	// Kept on request: the token works, the sessions still end.
	const kept = await srv.api('PATCH', `/api/v1/users/${id}`,
	    { password: 'tokens-pass-2', keep_tokens: true });
	assert.equal(kept.status, 200, kept.text);
	assert.ok(await tokenWorks(t1.token), 'kept');
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: s } })).status, 401);

	// By default every token of the account is revoked.
	const t2 = await tokenOf('tok@example.com', 'tokens-pass-2', 'cron');
	const changed = await srv.api('PATCH', `/api/v1/users/${id}`,
	    { password: 'tokens-pass-3' });
	assert.equal(changed.status, 200, changed.text);
	assert.equal(await tokenWorks(t1.token), false);
	assert.equal(await tokenWorks(t2.token), false);
	assert.equal(await psql('SELECT count(*) FROM api_tokens WHERE ' +
	    `user_id = ${id} AND revoked_at IS NULL`, { dsn: srv.dsn }), '0');
	assert.equal(await psql("SELECT after->>'tokens_revoked' FROM " +
	    `audit_log WHERE entity = 'user' AND entity_id = '${id}' ` +
	    'ORDER BY id DESC LIMIT 1', { dsn: srv.dsn }), '2');
	// Someone else's tokens are untouched.
	assert.ok(await tokenWorks(await srv.token()));
});

test('admins list and revoke the tokens of any account', async () => {
	await srv.account('owner@example.com', 'viewer', 'owner-pass-12');
	const id = await userId('owner@example.com');
	const a = await tokenOf('owner@example.com', 'owner-pass-12', 'laptop');
	const b = await tokenOf('owner@example.com', 'owner-pass-12', 'phone');

	const list = await srv.api('GET', `/api/v1/users/${id}/tokens`);
	assert.equal(list.status, 200, list.text);
	assert.deepEqual(list.json.tokens.map((t) => t.name), ['phone',
	    'laptop']);
	assert.deepEqual(Object.keys(list.json.tokens[0]).sort(),
	    ['created_at', 'feed', 'id', 'last_used_at', 'name', 'prefix',
	    'revoked_at', 'scope']);
	// Tokens made without a scope act as their owner (README).
	assert.equal(list.json.tokens[0].scope, null);
	assert.equal(list.json.tokens[0].feed, null);
	assert.ok(!list.text.includes(a.token) && !list.text.includes(b.token));
	// The owner's own list is the same one.
	const own = await srv.request('GET', '/api/v1/tokens',
	    { headers: { authorization: `Bearer ${a.token}` } });
	assert.deepEqual(own.json, list.json);

	// Not for the owner, nor anyone below admin.
	const mine = await srv.request('GET', `/api/v1/users/${id}/tokens`,
	    { headers: { authorization: `Bearer ${a.token}` } });
	assert.equal(mine.status, 403);
	assert.equal(mine.json.error.code, 'forbidden');
	const missing = await srv.api('GET', '/api/v1/users/999999/tokens');
	assert.equal(missing.status, 404);
	assert.equal(missing.json.error.code, 'not_found');
	assert.equal((await srv.api('DELETE', '/api/v1/users/999999/tokens'))
	    .status, 404);

	// One token, as before, or all of them at once.
	const one = await srv.api('DELETE', `/api/v1/tokens/${a.id}`);
	assert.equal(one.status, 200, one.text);
	assert.equal(await tokenWorks(a.token), false);
	assert.ok(await tokenWorks(b.token));
	const all = await srv.api('DELETE', `/api/v1/users/${id}/tokens`);
	assert.equal(all.status, 200, all.text);
	assert.ok(all.json.tokens.every((t) => t.revoked_at !== null));
	assert.equal(await tokenWorks(b.token), false);
	assert.equal(await psql("SELECT string_agg(actor || ' ' || action, " +
	    "',') FROM audit_log WHERE entity = 'token' AND entity_id = " +
	    `'${b.id}' AND action = 'revoke'`, { dsn: srv.dsn }),
	    'tester@example.com revoke');
	// Again: nothing left to revoke, the same answer.
	const again = await srv.api('DELETE', `/api/v1/users/${id}/tokens`);
	assert.equal(again.status, 200);
	assert.deepEqual(again.json, all.json);
});

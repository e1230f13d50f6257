// Signing in under attack: the password check off the event loop and its
// bound, the budgets by address and for the whole server, the lockout
// that nobody can make last for ever, an admin's unlock, and sign-ins that
// another site's page sends (login CSRF).  Both ways in are covered:
// POST /api/v1/session (JSON) and POST /login (the form).
//
// Requests that must come from another client address are sent from
// other loopback addresses (127.0.0.0/8 is all ours on Linux).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, psql, ctl } from '../lib/harness.js';
import { FORM_TYPE, formBody, csrfOf, signIn, openSql }
    from '../lib/security.js';

let srv;
let sql;
let admin;		// an admin signed in through /login

const PASSWORD = 'signin-password-1';

before(async () => {
	srv = await startServer();
	sql = openSql(srv);
	await srv.account('admin@signin.example', 'admin', PASSWORD);
	admin = await signIn(srv, 'admin@signin.example', PASSWORD);
});
after(async () => {
	sql?.close();
	await srv?.stop();
});

// Budgets as a test needs them (settings of sql/0013_signin_budgets.sql),
// with every bucket full again.
async function budgets({ addressBurst = 1000, addressPerHour = 1000,
    globalBurst = 1000, globalPerMinute = 1000 } = {}) {
	await sql.value(`UPDATE settings SET value = CASE key
	    WHEN 'login_address_burst' THEN ${addressBurst}
	    WHEN 'login_address_per_hour' THEN ${addressPerHour}
	    WHEN 'login_global_burst' THEN ${globalBurst}
	    WHEN 'login_global_per_minute' THEN ${globalPerMinute} END
	    WHERE key IN ('login_address_burst', 'login_address_per_hour',
	    'login_global_burst', 'login_global_per_minute');
	    DELETE FROM login_budgets; SELECT 1`);
}

// One exchange from a given loopback address, on a connection of its own.
function from(address, method, path, { headers = {}, body } = {}) {
	return new Promise((ok, fail) => {
		const payload = body === undefined ? undefined :
		    typeof body === 'object' && !Buffer.isBuffer(body) ?
		    JSON.stringify(body) : body;
		const h = { ...headers };
		if (payload !== undefined && typeof body === 'object' &&
		    !Buffer.isBuffer(body))
			h['content-type'] ??= 'application/json';
		const req = http.request({ host: '127.0.0.1', port: srv.port,
		    method, path, headers: h, localAddress: address,
		    agent: false, timeout: 20000 }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString();
				let json;
				if ((res.headers['content-type'] ?? '')
				    .startsWith('application/json'))
					json = JSON.parse(text);
				ok({ status: res.statusCode, headers: res.headers,
				    text, json });
			});
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', fail);
		req.end(payload);
	});
}

const apiSignIn = (address, email, password = PASSWORD, headers = {}) =>
    from(address, 'POST', '/api/v1/session', { headers,
    body: { email, password } });

const formSignIn = (address, email, password = PASSWORD, headers = {}) =>
    from(address, 'POST', '/login', { headers: { 'content-type': FORM_TYPE,
    ...headers }, body: formBody({ email, password, next: '/people' }) });

async function account(email, role = 'viewer') {
	await srv.account(email, role, PASSWORD);
	return Number(await sql.value(`SELECT id FROM users
	    WHERE email = '${email}'`));
}

// Lock an account as ten failures in a row do (the waits between them
// skipped), from an address of its own.
async function lockOut(email, address) {
	for (let i = 0; i < 10; i++) {
		await sql.value(`UPDATE users SET locked_until = NULL
		    WHERE email = '${email}' AND failed_logins < 10; SELECT 1`);
		const r = await apiSignIn(address, email, 'a-wrong-guess-0');
		assert.equal(r.status, 401, r.text);
	}
	const mins = await sql.value(`SELECT round(extract(epoch FROM
	    locked_until - now()) / 60) FROM users WHERE email = '${email}'`);
	assert.ok(Number(mins) >= 14, `locked for ${mins} minutes`);
}

const lockState = (email) => sql.value(`SELECT failed_logins || ' ' ||
    coalesce(locked_until::text, '-') FROM users WHERE email = '${email}'`);

function assertThrottled(r, what) {
	assert.equal(r.status, 429, `${what}: ${r.status} ${r.text}`);
	assert.match(r.headers['retry-after'] ?? '', /^[1-9][0-9]*$/, what);
	assert.equal(r.headers['set-cookie'], undefined, what);
}

// ---------------------------------------------------------------------------
// The password check and the event loop (item 2)

test('sign-ins being checked do not hold up anyone else\'s request',
    async () => {
	await budgets();
	const token = await srv.token();
	// 16 sign-ins with made-up emails at once, from 4 addresses, both
	// ways in: each costs an argon2id check.
	const spray = Promise.all(Array.from({ length: 16 }, (_, i) =>
	    (i % 2 ? apiSignIn : formSignIn)(`127.0.3.${1 + i % 4}`,
	    `nobody-${i}@signin.example`, 'a-wrong-guess-0')));
	// Meanwhile, reads of a signed-in client, one after another.
	const times = [];
	let done = false;
	spray.then(() => { done = true; });
	while (!done) {
		const t0 = performance.now();
		const r = await srv.request('GET', '/api/v1/projects',
		    { headers: { authorization: `Bearer ${token}` } });
		times.push(performance.now() - t0);
		assert.equal(r.status, 200, r.text);
	}
	const answers = await spray;
	for (const r of answers)
		assert.ok([401, 503].includes(r.status), `${r.status} ${r.text}`);
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	// In the event loop, 16 checks of about 0.1 s each (more on a busy
	// machine) kept both workers' loops busy: reads waited for them.
	assert.ok(times.length >= 5, `${times.length} reads during the spray`);
	assert.ok(median < 100, `median read ${median.toFixed(1)} ms during ` +
	    `the spray (${times.length} reads)`);
});

test('the checks in flight are bounded: beyond, 503 with Retry-After',
    async () => {
	await budgets();
	// 48 at once, from 12 addresses: more than the workers' task
	// threads may hold (2 workers x 2 threads x 4).
	const answers = await Promise.all(Array.from({ length: 48 }, (_, i) =>
	    (i % 2 ? apiSignIn : formSignIn)(`127.0.4.${1 + i % 12}`,
	    `flood-${i}@signin.example`, 'a-wrong-guess-0')));
	const busy = answers.filter((r) => r.status === 503);
	for (const r of answers)
		assert.ok([401, 503].includes(r.status), `${r.status} ${r.text}`);
	assert.ok(busy.length > 0, 'some attempts were turned away');
	for (const r of busy) {
		assert.match(r.headers['retry-after'] ?? '', /^[0-9]+$/);
		if (r.json)
			assert.equal(r.json.error.code, 'busy');
		else
			assert.match(r.text, /busy signing others in/);
	}
});

test('an address out of attempts waits (429, Retry-After), unknown ' +
    'emails included; other addresses do not', async () => {
	await budgets({ addressBurst: 3, addressPerHour: 60 });
	const me = await account('budget@signin.example');
	assert.ok(me > 0);
	const a = '127.0.5.1';
	for (let i = 0; i < 3; i++)
		assert.equal((await apiSignIn(a, `made-up-${i}@signin.example`,
		    'a-wrong-guess-0')).status, 401);

	// Spent: the right password too, both ways in, without a check.
	const api = await apiSignIn(a, 'budget@signin.example');
	assertThrottled(api, 'API');
	assert.equal(api.json.error.code, 'too_many_attempts');
	assert.ok(Number(api.headers['retry-after']) <= 60);
	const form = await formSignIn(a, 'budget@signin.example');
	assertThrottled(form, 'form');
	assert.match(form.headers['content-type'], /^text\/html/);
	assert.match(form.text, /too many sign-in attempts/);
	assert.match(form.text, /value="budget@signin.example"/);
	// Nothing was counted against the account.
	assert.equal(await lockState('budget@signin.example'), '0 -');

	// Another address is not held back; a success costs no budget.
	assert.equal((await apiSignIn('127.0.5.2', 'budget@signin.example'))
	    .status, 200);
	assert.equal((await formSignIn('127.0.5.2', 'budget@signin.example'))
	    .status, 303);
	// An IPv6-style neighbour of the same /64 would share it; IPv4
	// addresses each count alone (see throttle_client_key()).

	// Once the bucket has refilled, the address may try again.
	await sql.value(`UPDATE login_budgets SET at = at - interval '1 hour'
	    WHERE key = 'address ${a}'; SELECT 1`);
	assert.equal((await apiSignIn(a, 'budget@signin.example')).status, 200);
});

test('all addresses together share one budget of password checks',
    async () => {
	await budgets({ globalBurst: 3, globalPerMinute: 1 });
	for (let i = 0; i < 3; i++)
		assert.equal((await apiSignIn(`127.0.6.${i + 1}`,
		    `global-${i}@signin.example`, 'a-wrong-guess-0')).status,
		    401);
	const r = await apiSignIn('127.0.6.9', 'admin@signin.example');
	assertThrottled(r, 'global');
	assert.equal(r.json.error.code, 'too_many_attempts');
	const f = await formSignIn('127.0.6.10', 'admin@signin.example');
	assertThrottled(f, 'global, form');
	await budgets();
});

test('one address cannot keep a worker busy: this worker\'s own count',
    async () => {
	// The database would let everything through; the workers' own
	// first line (30 attempts at once per address) turns away the rest
	// without asking it.  Attempts on a locked account cost no check,
	// so they are not turned away as busy.
	await budgets();
	await account('gate@signin.example');
	await lockOut('gate@signin.example', '127.0.7.1');
	const answers = await Promise.all(Array.from({ length: 90 }, () =>
	    apiSignIn('127.0.7.2', 'gate@signin.example')));
	const statuses = answers.map((r) => r.status);
	assert.ok(statuses.every((s) => s === 401 || s === 429), statuses
	    .join(' '));
	assert.ok(statuses.includes(429), 'some were turned away');
	assert.ok(statuses.includes(401), 'some were answered');
	for (const r of answers.filter((x) => x.status === 429))
		assertThrottled(r, 'gate');
});

// ---------------------------------------------------------------------------
// The lockout (item 4)

test('attempts on a locked account do not extend the lock, and are not ' +
    'checked', async () => {
	await budgets();
	await account('locked@signin.example');
	await lockOut('locked@signin.example', '127.0.8.1');
	const state = await lockState('locked@signin.example');

	// Wrong and right passwords alike, both ways in: the same refusal
	// as a wrong password, and the lock stays as it was.
	for (const [fn, password] of [[apiSignIn, 'a-wrong-guess-1'],
	    [apiSignIn, PASSWORD], [formSignIn, 'a-wrong-guess-2'],
	    [formSignIn, PASSWORD]]) {
		const r = await fn('127.0.8.2', 'locked@signin.example',
		    password);
		assert.equal(r.status, 401, r.text);
		assert.equal(r.headers['set-cookie'], undefined);
		assert.match(r.text, /the email or password is wrong/);
	}
	assert.equal(await lockState('locked@signin.example'), state);

	// No check is spent on them: many at once are never "busy".
	const many = await Promise.all(Array.from({ length: 40 }, (_, i) =>
	    apiSignIn(`127.0.8.${10 + i}`, 'locked@signin.example')));
	for (const r of many)
		assert.equal(r.status, 401, `${r.status} ${r.text}`);
	assert.equal(await lockState('locked@signin.example'), state);
});

test('once a lock has run out, one more failure does not lock again',
    async () => {
	await budgets();
	await account('expired@signin.example');
	await lockOut('expired@signin.example', '127.0.9.1');
	await sql.value(`UPDATE users SET locked_until = now() -
	    interval '1 second' WHERE email = 'expired@signin.example';
	    SELECT 1`);
	assert.equal((await apiSignIn('127.0.9.2', 'expired@signin.example',
	    'a-wrong-guess-3')).status, 401);
	assert.equal(await lockState('expired@signin.example'), '1 -');
	assert.equal((await apiSignIn('127.0.9.2', 'expired@signin.example'))
	    .status, 200);
	assert.equal(await lockState('expired@signin.example'), '0 -');
});

test('an admin unlocks an account through the API', async () => {
	await budgets();
	const id = await account('unlock-api@signin.example');
	await lockOut('unlock-api@signin.example', '127.0.10.1');

	const list = await srv.api('GET', '/api/v1/users');
	const u = list.json.users.find((x) => x.id === id);
	assert.equal(u.failed_logins, 10);
	assert.match(u.locked_until, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	const other = list.json.users.find((x) => x.id !== id);
	assert.equal(other.locked_until, null);

	// Only admins (the route's access); "unlock" is a boolean.
	const viewer = await srv.token('viewer@signin.example', 'viewer');
	assert.equal((await srv.request('PATCH', `/api/v1/users/${id}`, {
	    body: { unlock: true },
	    headers: { authorization: `Bearer ${viewer}` } })).status, 403);
	const bad = await srv.api('PATCH', `/api/v1/users/${id}`,
	    { unlock: 'yes' });
	assert.equal(bad.status, 400);
	assert.equal(bad.json.error.field, 'unlock');

	const r = await srv.api('PATCH', `/api/v1/users/${id}`, { unlock: true });
	assert.equal(r.status, 200, r.text);
	assert.equal(await lockState('unlock-api@signin.example'), '0 -');
	assert.equal(await sql.value(`SELECT action FROM audit_log
	    WHERE entity = 'user' AND entity_id = '${id}'
	    ORDER BY id DESC LIMIT 1`), 'unlock');
	assert.equal((await apiSignIn('127.0.10.2',
	    'unlock-api@signin.example')).status, 200);
});

test('an admin unlocks an account on the accounts page', async () => {
	await budgets();
	const id = await account('unlock-page@signin.example');
	await lockOut('unlock-page@signin.example', '127.0.11.1');

	const page = await srv.request('GET', '/accounts',
	    { headers: { cookie: admin.cookie } });
	assert.equal(page.status, 200, page.text);
	const row = page.text.match(new RegExp(
	    `<tr id="user-${id}">[\\s\\S]*?</tr>`))[0];
	assert.match(row, /unlock-page@signin\.example/);
	assert.match(row, /locked/);
	assert.match(row, new RegExp(`action="/accounts/${id}/unlock"`));
	assert.match(page.text, /<a href="\/accounts">Accounts<\/a>/);

	// The form needs the session's CSRF token, like every form.
	const noCsrf = await srv.request('POST', `/accounts/${id}/unlock`, {
	    headers: { cookie: admin.cookie, 'content-type': FORM_TYPE },
	    body: formBody({ unlock: 'true' }) });
	assert.equal(noCsrf.status, 403);
	assert.notEqual(await lockState('unlock-page@signin.example'), '0 -');

	const r = await srv.request('POST', `/accounts/${id}/unlock`, {
	    headers: { cookie: admin.cookie, 'content-type': FORM_TYPE },
	    body: formBody({ unlock: 'true', csrf: csrfOf(page.text) }) });
	assert.equal(r.status, 303, r.text);
	assert.equal(r.headers.get('location'), `/accounts#user-${id}`);
	assert.equal(await lockState('unlock-page@signin.example'), '0 -');
	assert.equal((await formSignIn('127.0.11.2',
	    'unlock-page@signin.example')).status, 303);

	// Not for anyone but admins, and not in their menu.
	const pm = await srv.account('pm@signin.example', 'pm', PASSWORD)
	    .then(() => signIn(srv, 'pm@signin.example', PASSWORD));
	const refused = await srv.request('GET', '/accounts',
	    { headers: { cookie: pm.cookie } });
	assert.equal(refused.status, 403);
	const people = await srv.request('GET', '/people',
	    { headers: { cookie: pm.cookie } });
	assert.doesNotMatch(people.text, /href="\/accounts"/);
});

test('handoffctl user-unlock ends a lockout', async () => {
	await budgets();
	await account('unlock-ctl@signin.example');
	await lockOut('unlock-ctl@signin.example', '127.0.12.1');
	const users = await ctl(['users'], { dsn: srv.dsn });
	assert.match(users.stdout,
	    /^unlock-ctl@signin\.example +viewer +locked +unlock-ctl$/m);
	await ctl(['user-unlock', '--email', 'unlock-ctl@signin.example'],
	    { dsn: srv.dsn });
	assert.equal(await lockState('unlock-ctl@signin.example'), '0 -');
});

// ---------------------------------------------------------------------------
// Login CSRF (item 7)

test('a sign-in sent by another site\'s page is refused (403)', async () => {
	await budgets();
	const origin = `http://127.0.0.1:${srv.port}`;
	for (const [headers, what] of [
		[{ 'sec-fetch-site': 'cross-site',
		    origin: 'https://evil.example' }, 'cross-site'],
		[{ 'sec-fetch-site': 'same-site',
		    origin: 'https://evil.127.0.0.1.nip.io' }, 'same-site'],
		[{ origin: 'https://evil.example' }, 'other origin'],
		[{ origin: 'null' }, 'opaque origin'],
		[{ origin: `http://127.0.0.1:${srv.port + 1}` }, 'other port'],
	]) {
		const form = await formSignIn('127.0.13.1',
		    'admin@signin.example', PASSWORD, headers);
		assert.equal(form.status, 403, `${what}: ${form.text}`);
		assert.match(form.headers['content-type'], /^text\/html/);
		assert.match(form.text, /another site/);
		assert.equal(form.headers['set-cookie'], undefined, what);
		const api = await apiSignIn('127.0.13.1', 'admin@signin.example',
		    PASSWORD, headers);
		assert.equal(api.status, 403, `${what}: ${api.text}`);
		assert.equal(api.json.error.code, 'csrf');
		assert.equal(api.headers['set-cookie'], undefined, what);
	}
	// Refused before anything was counted or checked.
	assert.equal(await lockState('admin@signin.example'), '0 -');

	// This site's own sign-in page, and clients that are no browser.
	for (const headers of [
		{ 'sec-fetch-site': 'same-origin', origin },
		{ 'sec-fetch-site': 'none' },
		{ origin },
		{},
	]) {
		const r = await formSignIn('127.0.13.2', 'admin@signin.example',
		    PASSWORD, headers);
		assert.equal(r.status, 303, `${JSON.stringify(headers)}: ` +
		    r.text);
		assert.match(r.headers['set-cookie'][0], /^handoff_session=/);
	}
});

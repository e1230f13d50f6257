// The request log: one line per response, with its id, method, route
// pattern, status, duration, body bytes, user and client address; an
// X-Request-Id and an X-Forwarded-For believed only from a trusted proxy;
// and never a password, token, cookie or session id anywhere in the log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sleep } from '../lib/harness.js';
import { startApi, createProject } from '../lib/fixtures.js';
import { FORM_TYPE, formBody, signIn } from '../lib/security.js';

let plain;	// trusts no proxy (the default)
let proxied;	// trusts the loopback as its proxy

before(async () => {
	[plain, proxied] = await Promise.all([startApi(),
	    startApi({ HANDOFF_TRUSTED_PROXIES: '127.0.0.1, ::1' })]);
});
after(async () => {
	await Promise.all([plain?.stop(), proxied?.stop()]);
});

const LINE = /^\[wrk \d+\]: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) event=request req=(\S+) method=(\S+) route="((?:[^"\\]|\\.)*)" status=(\d{3}) duration=(\d+\.\d{3}) bytes=(\d+) user=(\S+) addr=(\S+)$/;

// The request lines of a server's log, parsed, by request id.
function requestLines(srv) {
	const lines = new Map();
	for (const l of srv.fullLog().split('\n')) {
		if (!/ event=request /.test(l))
			continue;
		const m = LINE.exec(l);
		assert.ok(m, `a well-formed request line: ${l}`);
		const [, time, id, method, route, status, duration, bytes,
		    user, addr] = m;
		if (!lines.has(id))
			lines.set(id, []);
		lines.get(id).push({ time, id, method, route,
		    status: Number(status), duration: Number(duration),
		    bytes: Number(bytes), user, addr });
	}
	return lines;
}

// The one line of the request whose answer is r.
async function lineOf(srv, r) {
	const id = r.headers.get('x-request-id');
	assert.ok(id, 'the answer names its request');
	for (let i = 0; i < 40; i++) {
		const got = requestLines(srv).get(id);
		if (got) {
			assert.equal(got.length, 1, `one line for ${id}`);
			return got[0];
		}
		await sleep(50);
	}
	assert.fail(`no request line for ${id}`);
}

test('request log: one line per request, with its route pattern, ' +
    'status, size, user and address', async () => {
	const me = await plain.api('GET', '/api/v1/session');
	assert.equal(me.status, 200);
	const uid = String(me.json.user.id);
	const p = await createProject(plain);

	const rows = [
		// [method, path, options, status, route, user]
		['GET', '/api/v1/people', {}, 200, '/api/v1/people', uid],
		['GET', `/api/v1/projects/${p.id}`, {}, 200,
		    '/api/v1/projects/#project', uid],
		// Refused by the function after the check of who asks: the
		// statement failed whole, so nobody is named (README).
		['GET', '/api/v1/people/987654', {}, 404,
		    '/api/v1/people/#person', '-'],
		['POST', '/api/v1/people', { body: { name: 'Log Line',
		    email: 'log-line@example.com', role: 'ds' } }, 201,
		    '/api/v1/people', uid],
		['PUT', `/api/v1/projects/${p.id}`, { body: {} }, 405,
		    '/api/v1/projects/#project', '-'],
		['GET', '/nowhere/at/all?token=x', { auth: false }, 404,
		    '(none)', '-'],
		['GET', '/', { auth: false }, 303, '/', '-'],
		['GET', '/api/v1/people', { auth: false }, 401,
		    '/api/v1/people', '-'],
		['HEAD', '/healthz', { auth: false }, 200, '/healthz', '-'],
		['GET', '/assets/style.css', { auth: false }, 200,
		    '/assets/*file', '-'],
		['GET', '/api/v1/openapi.json', { auth: false }, 200,
		    '/api/v1/openapi.json', '-'],
	];
	for (const [method, path, opts, status, route, user] of rows) {
		const r = await plain.request(method, path, opts);
		const what = `${method} ${path}`;
		assert.equal(r.status, status, `${what}: ${r.text}`);
		const l = await lineOf(plain, r);
		assert.equal(l.method, method, what);
		assert.equal(l.route, route, what);
		assert.equal(l.status, status, what);
		assert.equal(l.user, user, what);
		assert.equal(l.addr, '127.0.0.1', what);
		assert.equal(l.bytes, method === 'HEAD' ? 0 :
		    Buffer.byteLength(r.text), what);
		assert.ok(l.duration >= 0 && l.duration < 10, what);
		assert.ok(Math.abs(Date.parse(l.time) - Date.now()) < 60000);
	}
	// Not the path, not the query: only the pattern.
	assert.doesNotMatch(plain.fullLog(), /nowhere\/at\/all/);
});

test('request log: a sign-in that waits for a password check is timed ' +
    'from its first step', async () => {
	await plain.account('timed@example.com', 'viewer', 'timed-password-0');
	const r = await plain.request('POST', '/api/v1/session', {
	    auth: false, body: { email: 'timed@example.com',
	    password: 'timed-password-0' } });
	assert.equal(r.status, 200, r.text);
	const l = await lineOf(plain, r);
	assert.equal(l.route, '/api/v1/session');
	// argon2id alone takes tens of milliseconds.
	assert.ok(l.duration >= 0.01, `duration ${l.duration}`);
	assert.equal(l.user, String(r.json.user.id));
});

test('request log: X-Request-Id and X-Forwarded-For only from a trusted ' +
    'proxy', async () => {
	const hdr = { 'x-request-id': 'edge-4711.a_b:c',
	    'x-forwarded-for': '198.51.100.23' };
	// Not trusted: a fresh id, the peer's address.
	const r1 = await plain.request('GET', '/healthz', { auth: false,
	    headers: hdr });
	const id1 = r1.headers.get('x-request-id');
	assert.match(id1, /^[0-9a-f]{8}-[0-9a-f]{8}$/);
	assert.equal((await lineOf(plain, r1)).addr, '127.0.0.1');

	// Forwarded by a proxy that is not trusted: from nobody knows where,
	// so not the loopback's to read the metrics (metrics.test.js).
	const m = await plain.request('GET', '/metrics', { auth: false,
	    headers: { 'x-forwarded-for': '127.0.0.1' } });
	assert.equal(m.status, 401, m.text);
	assert.equal((await plain.request('GET', '/metrics',
	    { auth: false })).status, 200);

	// Trusted: both kept.
	const r2 = await proxied.request('GET', '/healthz', { auth: false,
	    headers: hdr });
	assert.equal(r2.headers.get('x-request-id'), 'edge-4711.a_b:c');
	const l2 = await lineOf(proxied, r2);
	assert.equal(l2.addr, '198.51.100.23');
	assert.equal(l2.id, 'edge-4711.a_b:c');

	// The last untrusted hop; what the client put before it is ignored.
	const r3 = await proxied.request('GET', '/healthz', { auth: false,
	    headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.9, ::1' } });
	assert.equal((await lineOf(proxied, r3)).addr, '203.0.113.9');

	// An id that is not a sane token is replaced.
	for (const bad of ['has space', 'quote"d', 'a'.repeat(65),
	    'semi;colon', 'back\\slash', 'x=1 event=login']) {
		const r = await proxied.request('GET', '/healthz', {
		    auth: false, headers: { 'x-request-id': bad } });
		const id = r.headers.get('x-request-id');
		assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{8}$/, bad);
		assert.equal((await lineOf(proxied, r)).id, id);
	}
	const long = 'b'.repeat(64);
	const r4 = await proxied.request('GET', '/healthz', { auth: false,
	    headers: { 'x-request-id': long } });
	assert.equal(r4.headers.get('x-request-id'), long);

	// The security log names the same client and id.
	const r5 = await proxied.request('POST', '/api/v1/session', {
	    auth: false, headers: { 'x-request-id': 'signin-1',
	    'x-forwarded-for': '198.51.100.24' },
	    body: { email: 'nobody@example.com', password: 'not-a-password' } });
	assert.equal(r5.status, 401);
	assert.match(proxied.fullLog(), /event=login_failed user="nobody@example\.com" addr=198\.51\.100\.24 route="POST \/api\/v1\/session" req=signin-1 /);
	assert.equal((await lineOf(proxied, r5)).addr, '198.51.100.24');
});

test('request log: no password, token, cookie or session id reaches the ' +
    'log', async () => {
	const srv = plain;
	const secrets = [];
	const pw = 'Secret-pass-0451';
	await srv.account('secret@example.com', 'pm', pw);
	secrets.push(pw);

	// Sign-ins: the form and the API, right and wrong, and a password
	// typed in the email box.
	const s = await signIn(srv, 'secret@example.com', pw);
	const sid = s.cookie.split('=')[1];
	secrets.push(sid, s.csrf);
	for (const body of [{ email: 'secret@example.com', password: pw },
	    { email: 'secret@example.com', password: 'Wrong-pass-7789' },
	    { email: 'Typed-in-email-box-9911', password: pw }]) {
		const r = await srv.request('POST', '/api/v1/session', {
		    auth: false, body });
		assert.ok([200, 401].includes(r.status), r.text);
		if (r.json?.csrf_token)
			secrets.push(r.json.csrf_token);
		const c = r.headers.get('set-cookie');
		if (c)
			secrets.push(c.split(';')[0].split('=')[1]);
	}
	secrets.push('Wrong-pass-7789', 'Typed-in-email-box-9911');
	const form = await srv.request('POST', '/login', { auth: false,
	    headers: { 'content-type': FORM_TYPE }, body: formBody({
	    email: 'secret@example.com', password: 'Form-wrong-3344' }) });
	assert.ok(form.status === 200 || form.status === 401, form.text);
	secrets.push('Form-wrong-3344');

	// The session at work: a page, an API write with its CSRF token,
	// a token made (its secret is in the answer), used, revoked.
	assert.equal((await srv.request('GET', '/', { auth: false,
	    headers: { cookie: s.cookie } })).status, 200);
	const made = await srv.request('POST', '/api/v1/tokens', {
	    auth: false, headers: { cookie: s.cookie,
	    'x-csrf-token': s.csrf }, body: { name: 'secret one' } });
	assert.equal(made.status, 201, made.text);
	const token = made.json.token;
	secrets.push(token, createHash('sha256').update(token).digest('hex'));
	const used = await srv.request('GET', '/api/v1/people', {
	    auth: false, headers: { authorization: `Bearer ${token}` } });
	assert.equal(used.status, 200);
	const wrong = await srv.request('GET', '/api/v1/people', {
	    auth: false, headers: { authorization: 'Bearer hf_Not-a-real-token-55' } });
	assert.equal(wrong.status, 401);
	secrets.push('hf_Not-a-real-token-55');
	assert.equal((await srv.request('DELETE',
	    `/api/v1/tokens/${made.json.id}`, { auth: false,
	    headers: { authorization: `Bearer ${token}` } })).status, 200);
	// A password change (its answer ends the session).
	const admin = await srv.api('GET', '/api/v1/users');
	const me = admin.json.users.find((u) =>
	    u.email === 'secret@example.com');
	const pw2 = 'Second-pass-2231';
	assert.equal((await srv.api('PATCH', `/api/v1/users/${me.id}`,
	    { password: pw2 })).status, 200);
	secrets.push(pw2);
	// The test's own bearer token, used by every srv.api() above.
	secrets.push(await srv.token());
	// Sign out with the (now ended) session cookie.
	await srv.request('POST', '/logout', { auth: false,
	    headers: { cookie: s.cookie, 'content-type': FORM_TYPE },
	    body: formBody({ csrf: s.csrf }) });

	await sleep(300);
	const log = srv.fullLog();
	// The requests were logged, one line each...
	assert.ok((log.match(/ event=request /g) ?? []).length >= 12);
	assert.match(log, /event=login_failed /);
	assert.match(log, /event=login /);
	// ... and no secret is anywhere in the log.
	for (const secret of secrets) {
		assert.ok(secret && secret.length >= 10, `a secret: ${secret}`);
		assert.equal(log.includes(secret), false,
		    `the log holds a secret (${secret.slice(0, 6)}...)`);
	}
});

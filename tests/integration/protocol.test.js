// The wire under the application: what Kore 4.1.0's HTTP parser does with
// a request and what the module makes of it.  Headers Kore drops past its
// limit (a write must not lose its If-Match), no body text in an error or
// a log line, request ids, query values with control characters, and the
// log while the database is down.  What only a proxy can fix is in
// nginx.test.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, assertError } from '../lib/fixtures.js';
import { rawHttp, assertCleanHead } from '../lib/security.js';
import { Cluster, Server, eventually, freePort, stopAll }
    from '../lib/harness.js';

let srv;
let token;

before(async () => {
	srv = await startApi();
	token = await srv.token();
});
const others = [];
after(async () => {
	await srv?.stop();
	await stopAll(...others.filter((o) => o instanceof Server));
	await stopAll(...others.filter((o) => o instanceof Cluster));
});

// A raw answer as fetch would give it, for assertError.
function asResponse(r) {
	const headers = new Map();
	for (const line of r.lines.slice(1)) {
		const i = line.indexOf(':');
		headers.set(line.slice(0, i).toLowerCase(),
		    line.slice(i + 1).trim());
	}
	const text = r.body.toString('utf8');
	let json = null;
	try { json = JSON.parse(text); } catch { /* not JSON */ }
	return { status: r.status, text, json,
	    headers: { get: (n) => headers.get(n.toLowerCase()) ?? null } };
}

// One request over a raw socket, its headers in exactly this order.
async function raw(method, path, headers, body = '') {
	const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1',
	    'Connection: close'];
	if (body !== '' || method !== 'GET')
		lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
	lines.push(...headers);
	const r = await rawHttp(srv.port, lines.join('\r\n') + '\r\n\r\n' +
	    body);
	return { ...r, res: asResponse(r) };
}

const fillers = (n) => Array.from({ length: n }, (_, i) =>
    `X-Filler-${i}: ${i}`);

// ---------------------------------------------------------------------------
// Item 1: Kore keeps the request line and 23 headers, drops the rest.

test('a stale PATCH whose If-Match comes after 23 other headers is 431, ' +
    'not applied', async () => {
	const p = await createProject(srv);
	const path = `/api/v1/projects/${p.id}`;
	const auth = [`Authorization: Bearer ${token}`,
	    'Content-Type: application/json'];
	// Someone else moves the project to version 2.
	const fresh = await raw('PATCH', path, [...auth, 'If-Match: "1"'],
	    JSON.stringify({ name: 'Moved on' }));
	assert.equal(fresh.status, 200, fresh.res.text);

	// Our stale write, its If-Match where Kore no longer looks.
	const stale = await raw('PATCH', path, [...auth, ...fillers(23),
	    'If-Match: "1"'], JSON.stringify({ name: 'Stale' }));
	assertError(stale.res, 431, null);
	assert.equal(stale.res.json.error.code, 'too_many_headers');
	assertCleanHead(stale);
	assert.match(stale.res.headers.get('content-security-policy') ?? '',
	    /frame-ancestors 'none'/);
	assert.ok(stale.res.headers.get('x-request-id'));

	const now = await srv.api('GET', path);
	assert.equal(now.json.name, 'Moved on', 'the stale write was not applied');
	assert.equal(now.headers.get('etag'), '"2"');
	assert.match(srv.fullLog(), /event=invalid .*detail="431 /);
});

test('a request with 22 headers (Host included) is read whole and works; ' +
    'with 23 it may have been cut and is 431, for a GET too', async () => {
	const p = await createProject(srv);
	const path = `/api/v1/projects/${p.id}`;
	// Host, Authorization, Content-Type, Content-Length, Connection,
	// If-Match and 16 fillers: 22.
	const ok = await raw('PATCH', path, [`Authorization: Bearer ${token}`,
	    'Content-Type: application/json', ...fillers(16),
	    'If-Match: "1"'], JSON.stringify({ name: 'Twenty-two' }));
	assert.equal(ok.status, 200, ok.res.text);
	const stale = await raw('PATCH', path, [
	    `Authorization: Bearer ${token}`, 'Content-Type: application/json',
	    ...fillers(16), 'If-Match: "1"'], JSON.stringify({ name: 'x' }));
	assertError(stale.res, 412, null);

	// GET: Host, Authorization, Connection and 19 fillers are 22.
	const get = await raw('GET', path, [`Authorization: Bearer ${token}`,
	    ...fillers(19)]);
	assert.equal(get.status, 200, get.res.text);
	const cut = await raw('GET', path, [`Authorization: Bearer ${token}`,
	    ...fillers(20)]);
	assertError(cut.res, 431, null);
	// A page answers in HTML, with its reason.
	const page = await raw('GET', '/login', fillers(30));
	assert.equal(page.status, 431);
	assert.match(page.res.headers.get('content-type'), /^text\/html/);
	assert.match(page.res.text, /Request Header Fields Too Large/);
});

// Item 8, what the module sees of the framing Kore gets wrong.
test('framing Kore would misread is 400 naming the header: ' +
    'Transfer-Encoding, two Content-Lengths, a signed one', async () => {
	const body = '{"email":"a@example.com","password":"x"}';
	for (const [extra, field] of [
		[`Content-Length: ${body.length}\r\nTransfer-Encoding: chunked`,
		    'Transfer-Encoding'],
		[`Content-Length: ${body.length}\r\nTransfer-Encoding: identity`,
		    'Transfer-Encoding'],
		[`Content-Length: ${body.length}\r\nContent-Length: 2`,
		    'Content-Length'],
		[`Content-Length: +${body.length}`, 'Content-Length'],
	]) {
		const r = await rawHttp(srv.port, 'POST /api/v1/session ' +
		    'HTTP/1.1\r\nHost: x\r\nConnection: close\r\n' +
		    `Content-Type: application/json\r\n${extra}\r\n\r\n` +
		    body);
		assertError(asResponse(r), 400, field);
		assertCleanHead(r);
	}
});

// ---------------------------------------------------------------------------
// Item 3: no part of a body in an error message or a log line.

const MARKER = 'LeakedSecret-4';

// Malformed JSON bodies that carry the marker where a password goes.
function badJsonBodies(email) {
	const m = MARKER;
	const e = JSON.stringify(email);
	return [
		`{"email":${e},"password":"${m}\\x"}`,		// bad escape
		`{"email":${e},"password":"${m}`,		// truncated
		`{"email":${e},"password":${m}}`,		// bare word
		`{"email":${e},"password":"${m}"} ${m}`,	// trailing text
		`{"email":${e},"password":"${m}\\u0000"}`,	// NUL
		`{"email":${e},"password":"${m}","password":"${m}"}`,
		`{"email":${e},"${m}":"${m}","${m}":1}`,	// duplicate key
		`{"email":${e},"password":"x","${m}":"${m}"}`,	// unknown key
		`{"email":${e},"password":{"${m}":1}}`,		// wrong type
		`{"email":${e},"password":["${m}"]}`,
		`{"email":${e},"password":"${m}${'x'.repeat(5000)}"}`, // long
		`{"email":${e},"password":"${m}${'x'.repeat(70000)}"}`,
		`["${m}"]`,
		Buffer.concat([Buffer.from(`{"email":${e},"password":"${m}`),
		    Buffer.from([0xff, 0xfe]), Buffer.from('"}')]), // bad UTF-8
		`{"email":"${m}","password":"${m}"}`,	// password as email
	];
}

// The login form as a browser sends it (with the page's CSRF token and
// cookie when the page gives them).
async function loginForm(body) {
	const page = await srv.request('GET', '/login', { auth: false });
	const cookie = page.headers.get('set-cookie')?.split(';')[0];
	const csrf = /name="csrf" value="([^"]*)"/.exec(page.text)?.[1];
	const pre = csrf !== undefined ? Buffer.from(`csrf=${csrf}&`) :
	    Buffer.alloc(0);
	return srv.request('POST', '/login', { auth: false,
	    body: Buffer.concat([pre, Buffer.from(body)]),
	    headers: { 'content-type': 'application/x-www-form-urlencoded',
	    ...(cookie ? { cookie } : {}) } });
}

test('malformed bodies on the routes that carry passwords: no part of ' +
    'one in any answer or log line', async () => {
	const created = await srv.api('POST', '/api/v1/users', {
	    email: 'leak-target@example.com', name: 'Leak', role: 'viewer',
	    password: 'a-good-password-1' });
	assert.equal(created.status, 201, created.text);
	const answers = [];
	for (const body of badJsonBodies('leak-target@example.com')) {
		for (const [m, path, auth] of [
			['POST', '/api/v1/session', false],
			['POST', '/api/v1/users', true],
			['PATCH', `/api/v1/users/${created.json.id}`, true],
		]) {
			const r = await srv.request(m, path, { auth, body,
			    headers: { 'content-type': 'application/json' } });
			assert.ok(r.status >= 400 && r.status < 500,
			    `${m} ${path} ${body.slice(0, 60)}: ${r.status}`);
			answers.push(r.text, JSON.stringify([...r.headers]));
		}
	}
	const m = encodeURIComponent(MARKER);
	for (const body of [`email=${m}&password=${m}`,
	    `email=a%40example.com&password=${m}%zz`,
	    `email=a%40example.com&password=x&${m}=1&${m}=2`,
	    `email=a%40example.com&password=${m}&password=${m}`,
	    `email=a%40example.com&password=${m}${'x'.repeat(5000)}`,
	    `email=a%40example.com&password=${m}%ff%fe`,
	    `email=a%40example.com&password=${m}&${m}=1`]) {
		const r = await loginForm(body);
		assert.ok(r.status >= 400 && r.status < 500,
		    `${body.slice(0, 60)}: ${r.status}`);
		answers.push(JSON.stringify([...r.headers]));
		// The sign-in page shows the email typed back to its typist;
		// nothing else of the body.
		if (!body.startsWith(`email=${m}`))
			answers.push(r.text);
	}
	const everything = answers.join('\n') + srv.fullLog();
	assert.ok(!everything.includes(MARKER), 'the marker leaked:\n' +
	    everything.split('\n').filter((l) => l.includes(MARKER))
	    .slice(0, 5).join('\n'));
	// The refusals were logged, with where and why.
	assert.match(srv.fullLog(), /not valid JSON: a syntax error .*at line 1, column \d+ \(byte \d+\)/);
	assert.match(srv.fullLog(), /event=login_failed user="unverified:[0-9a-f]{16}"/);
});

test('a sign-in failure with a real email logs that email', async () => {
	const r = await srv.request('POST', '/api/v1/session', { auth: false,
	    body: { email: 'nobody-here@example.com', password: 'wrong-one' } });
	assert.equal(r.status, 401);
	assert.match(srv.fullLog(),
	    /event=login_failed user="nobody-here@example\.com"/);
});

// ---------------------------------------------------------------------------
// Item 9: request ids, query values, the log while the database is down.

test('X-Request-Id: random, unique per request, the same in the log',
    async () => {
	const ids = new Set();
	const pids = String(srv.pid);
	// Quick requests one after another on kept-alive connections: Kore
	// reuses its request objects, often within the same millisecond.
	for (let i = 0; i < 300; i++) {
		const path = i % 3 === 0 ? '/api/v1/version' :
		    i % 3 === 1 ? '/api/v1/nothing-here' : '/healthz';
		const r = await srv.request('GET', path, { auth: false });
		const id = r.headers.get('x-request-id');
		assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{8}$/);
		assert.ok(!ids.has(id), `id ${id} given twice (request ${i})`);
		ids.add(id);
	}
	// No part of it is the same from one request to the next (a pid, an
	// address): each half takes nearly as many values as there were
	// requests.  (Not "the pid's digits do not occur": random hex holds
	// them now and then.)
	for (const half of [0, 1]) {
		const seen = new Set([...ids].map((x) => x.split('-')[half]));
		assert.ok(seen.size >= 295, `half ${half} of the ids took ` +
		    `${seen.size} values in 300 requests (pid ${pids})`);
	}
	// A request that waits for the database logs the id it answered with.
	const r = await srv.request('GET', '/api/v1/projects',
	    { auth: false });
	assert.equal(r.status, 401);
	const id = r.headers.get('x-request-id');
	assert.match(srv.fullLog(), new RegExp(`event=refused .*req=${id} `));
});

test('a query value with a control character is 400 naming it, not ' +
    'dropped', async () => {
	for (const q of ['week=2026-W01%0a', 'week=2026-W01%00',
	    'week=%0d%0a2026-W01', 'week=2026-W01%7f']) {
		const r = await srv.api('GET', `/api/v1/digest?${q}`);
		assertError(r, 400, 'week');
	}
	const ok = await srv.api('GET', '/api/v1/digest?week=2026-W01');
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.json.week, '2026-W01');
});

test('while the database is down, the log says so once per kind, not once ' +
    'per request', async () => {
	const cluster = await new Cluster('protocol-down').start(
	    await freePort());
	const own = new Server({ db: 'handoff', dsn: cluster.dsn('tcp') });
	// Stopped after the file, as recovery.test.js does: a kore whose
	// workers just failed to connect may take longer to stop (under the
	// sanitizers) than the harness waits within a test.
	others.push(own, cluster);
	{
		await own.start();
		for (let i = 0; i < 4; i++)
			assert.equal((await own.api('GET', '/healthz')).status, 200);
		await cluster.stop();
		assert.ok(await eventually(async () => (await own.api('GET',
		    '/healthz')).status === 503, 5000, 100));
		const before = own.fullLog().split('\n').length;
		for (let i = 0; i < 60; i++) {
			const r = await own.api('GET', i % 2 ? '/healthz' :
			    '/api/v1/projects');
			assert.equal(r.status, 503, r.text);
		}
		const all = own.fullLog().split('\n').slice(before - 1);
		// The request log has its line per request (README); the
		// database's trouble is said apart from it.
		assert.equal(all.filter((l) => / event=request .* status=503 /
		    .test(l)).length, 60);
		const lines = all.filter((l) => l.trim() !== '' &&
		    !/ event=request /.test(l));
		// Two workers, each saying each kind once a minute at most.
		assert.ok(lines.length <= 6, `${lines.length} lines for 60 ` +
		    `requests:\n${lines.slice(0, 12).join('\n')}`);
		await cluster.start();
	}
});

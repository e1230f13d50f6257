// GET /metrics: the Prometheus text format (checked by Debian's promtool),
// counters of the whole server whichever worker answers, and who may read
// it: the loopback, or a token with the "metrics" scope and nothing else.
//
// The server trusts the loopback as a proxy (HANDOFF_TRUSTED_PROXIES), so
// a request that says X-Forwarded-For: 203.0.113.7 stands for a client
// elsewhere, as it would behind nginx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { Server, ctl, createDatabase, freePort, sleep, startServer }
    from '../lib/harness.js';
import { TODAY, createProject, psql, unique } from '../lib/fixtures.js';
import { postForm, rawHttp, signIn } from '../lib/security.js';

const REMOTE = { 'x-forwarded-for': '203.0.113.7' };

let srv;
let metricsToken;

before(async () => {
	// A worker lets go of the accept lock after each connection, so that
	// both workers serve the requests of one test.
	srv = await startServer({ db: await createDatabase(),
	    env: { HANDOFF_TODAY: TODAY,
	    HANDOFF_TRUSTED_PROXIES: '127.0.0.1,::1' },
	    conf: 'worker_accept_threshold\t1\n' });
	await srv.account('ops@example.com', 'viewer', 'ops-password-0');
	metricsToken = (await ctl(['token-add', '--email', 'ops@example.com',
	    '--name', 'prometheus', '--scope', 'metrics'],
	    { dsn: srv.dsn })).stdout.trim();
	assert.match(metricsToken, /^hf_/);
});
after(async () => {
	await srv?.stop();
});

function scrape(headers = {}) {
	return srv.request('GET', '/metrics', { auth: false, headers });
}

// { 'name{labels}': value }, from the text.
function parse(text) {
	const m = new Map();
	for (const line of text.split('\n')) {
		if (line === '' || line.startsWith('#'))
			continue;
		const i = line.lastIndexOf(' ');
		m.set(line.slice(0, i), Number(line.slice(i + 1)));
	}
	return m;
}

async function sample() {
	const r = await scrape();
	assert.equal(r.status, 200, r.text);
	return parse(r.text);
}

const v = (m, key) => m.get(key) ?? 0;

function promtool(text) {
	return new Promise((ok, fail) => {
		const p = spawn('promtool', ['check', 'metrics'],
		    { stdio: ['pipe', 'pipe', 'pipe'] });
		let out = '';
		p.stdout.on('data', (c) => { out += c; });
		p.stderr.on('data', (c) => { out += c; });
		p.on('error', fail);
		p.on('close', (code) => ok({ code, out }));
		p.stdin.end(text);
	});
}

// One request on a connection of its own (Connection: close), so that
// the two workers take turns; the answer's status.
async function fresh(path, headers = '') {
	const r = await rawHttp(srv.port, `GET ${path} HTTP/1.1\r\n` +
	    `Host: 127.0.0.1\r\nAuthorization: Bearer ${await srv.token()}\r\n` +
	    `${headers}Connection: close\r\n\r\n`);
	return r.status;
}

test('metrics: the loopback reads them, in the text format promtool ' +
    'accepts without a lint', async () => {
	await srv.api('GET', '/api/v1/people');
	await srv.api('GET', '/api/v1/nothing-here');
	const r = await scrape();
	assert.equal(r.status, 200, r.text);
	assert.equal(r.headers.get('content-type'),
	    'text/plain; version=0.0.4; charset=utf-8');
	assert.equal(r.headers.get('cache-control'), 'no-store');
	const check = await promtool(r.text);
	assert.equal(check.code, 0, check.out);
	assert.equal(check.out.trim(), '', 'no lint: ' + check.out);
	for (const name of ['handoff_http_requests_total',
	    'handoff_http_request_duration_seconds',
	    'handoff_db_connections_in_use', 'handoff_db_requests_waiting',
	    'handoff_db_errors_total', 'handoff_db_reconnects_total',
	    'handoff_signin_failures_total', 'handoff_signin_lockouts_total',
	    'handoff_password_hashes_total',
	    'handoff_background_runs_total',
	    'handoff_background_failures_total', 'handoff_open_risks',
	    'handoff_ledger_dirty_items', 'handoff_db_up'])
		assert.match(r.text, new RegExp(`^# TYPE ${name} `, 'm'), name);
	const m = parse(r.text);
	assert.ok(v(m, 'handoff_http_requests_total{pattern="(none)",' +
	    'status="404"}') >= 1);
	assert.equal(v(m, 'handoff_db_up'), 1);
});

test('metrics: requests count by route pattern and status, in every ' +
    'worker alike', async () => {
	const key = 'handoff_http_requests_total{pattern="/api/v1/people",' +
	    'status="200"}';
	const hist = 'handoff_http_request_duration_seconds_count{pattern=' +
	    '"/api/v1/people"}';
	const inf = 'handoff_http_request_duration_seconds_bucket{pattern=' +
	    '"/api/v1/people",le="+Inf"}';
	const before = await sample();
	const from = srv.fullLog().length;
	const served = () => new Set([...srv.fullLog().slice(from).matchAll(
	    /\[wrk (\d+)\]: \S+ event=request .*route="\/api\/v1\/people" /g)]
	    .map((x) => x[1]));
	// Bursts at once, so that both workers take some (the threshold
	// above). Which worker wins the lock next is a race, and under ASan
	// one can win a whole burst: another burst, up to eight in all.
	const burst = 48;
	let n = 0;
	for (let round = 0; round < 8 && (n === 0 || served().size < 2);
	    round++) {
		const statuses = await Promise.all(Array.from({ length: burst },
		    () => fresh('/api/v1/people')));
		assert.deepEqual(statuses, Array(burst).fill(200));
		n += burst;
	}
	// The requests' lines say which worker served each: both did.
	const workers = served();
	assert.ok(workers.size >= 2, `both workers served: ${[...workers]}`);
	// Every scrape, whichever worker answers it, sees all of them.
	for (let i = 0; i < 6; i++) {
		const r = await rawHttp(srv.port, 'GET /metrics HTTP/1.1\r\n' +
		    'Host: 127.0.0.1\r\nConnection: close\r\n\r\n');
		assert.equal(r.status, 200);
		const m = parse(r.body.toString());
		assert.equal(v(m, key) - v(before, key), n, key);
		assert.equal(v(m, hist) - v(before, hist), n, hist);
		assert.equal(v(m, inf), v(m, hist));
	}
	const after = await sample();
	assert.ok(v(after, 'handoff_http_request_duration_seconds_sum{' +
	    'pattern="/api/v1/people"}') > 0);
});

test('metrics: failed sign-ins and a lockout', async () => {
	await srv.account('lock@example.com', 'viewer', 'lock-password-0');
	await psql(`UPDATE settings SET value = 2
	    WHERE key = 'login_lock_after'`, { db: srv.db });
	const before = await sample();
	for (let i = 0; i < 2; i++) {
		const r = await srv.request('POST', '/api/v1/session', {
		    auth: false, body: { email: 'lock@example.com',
		    password: 'wrong-password-0' } });
		assert.equal(r.status, 401);
	}
	const after = await sample();
	assert.equal(v(after, 'handoff_signin_failures_total') -
	    v(before, 'handoff_signin_failures_total'), 2);
	assert.equal(v(after, 'handoff_signin_lockouts_total') -
	    v(before, 'handoff_signin_lockouts_total'), 1);
});

test('metrics: a password is hashed only for a caller allowed the ' +
    'write', async () => {
	// Hashing costs about 0.1 s of a core: nobody else may spend it.
	const member = await srv.token('hash-member@example.com', 'member');
	await srv.account('hash-admin@example.com', 'admin',
	    'hash-admin-password');
	const admin = await signIn(srv, 'hash-admin@example.com',
	    'hash-admin-password');
	const body = () => ({ email: `${unique('h')}@example.com`,
	    name: 'N', role: 'viewer', password: 'a-long-enough-password' });
	const before = await sample();
	const refused = await Promise.all([
		srv.request('POST', '/api/v1/users', { auth: false,
		    body: body() }),
		srv.request('POST', '/api/v1/users', { auth: false, body: body(),
		    headers: { authorization: `Bearer ${member}` } }),
		// A session without its CSRF token.
		srv.request('POST', '/api/v1/users', { auth: false, body: body(),
		    headers: { cookie: admin.cookie } }),
		srv.request('PATCH', '/api/v1/users/1', { auth: false,
		    body: { password: 'a-long-enough-password' } }),
		postForm(srv, admin, '/accounts', { ...body(), person_id: '' },
		    { csrf: false }),
	]);
	assert.deepEqual(refused.map((r) => r.status),
	    [401, 403, 403, 401, 403]);
	assert.equal(v(await sample(), 'handoff_password_hashes_total') -
	    v(before, 'handoff_password_hashes_total'), 0);

	// Too short: refused before anything is asked or hashed.
	const short = await srv.api('POST', '/api/v1/users',
	    { ...body(), password: 'short' });
	assert.equal(short.status, 400, short.text);
	assert.equal(short.json.error.field, 'password');

	const made = await srv.api('POST', '/api/v1/users', body());
	assert.equal(made.status, 201, made.text);
	assert.equal(made.json.password_hash, undefined);
	assert.equal(v(await sample(), 'handoff_password_hashes_total') -
	    v(before, 'handoff_password_hashes_total'), 1);
	// ... and the account signs in with it.
	await signIn(srv, made.json.email, 'a-long-enough-password');
});

test('metrics: the background job counts its runs; the open risks are ' +
    "the ledger's", async () => {
	const runs = 'handoff_background_runs_total{statement="ledger_work"}';
	await createProject(srv);
	const before = await sample();
	await sleep(1200);
	let after = await sample();
	assert.ok(v(after, runs) > v(before, runs), 'the job ran');
	for (let i = 0; i < 50 && v(after,
	    'handoff_ledger_dirty_items') > 0; i++) {
		await sleep(100);
		after = await sample();
	}
	assert.equal(v(after, 'handoff_ledger_dirty_items'), 0);
	// The same risks as GET /api/v1/risks lists for today.
	const r = await srv.api('GET', '/api/v1/risks');
	assert.equal(r.status, 200, r.text);
	const list = r.json.risks ?? r.json.items ?? r.json;
	assert.ok(Array.isArray(list), r.text.slice(0, 200));
	for (const sev of ['low', 'medium', 'high', 'critical'])
		assert.equal(v(after, `handoff_open_risks{severity="${sev}"}`),
		    list.filter((x) => x.severity === sev).length, sev);
	assert.ok(list.length > 0, 'a new project has open risks');
});

test('metrics: elsewhere than the loopback, only a metrics token', async () => {
	const anon = await scrape(REMOTE);
	assert.equal(anon.status, 401, anon.text);
	for (const role of ['viewer', 'admin']) {
		const t = await srv.token(`m-${role}@example.com`, role);
		const r = await scrape({ ...REMOTE,
		    authorization: `Bearer ${t}` });
		assert.equal(r.status, 403, `${role}: ${r.text}`);
	}
	const ok = await scrape({ ...REMOTE,
	    authorization: `Bearer ${metricsToken}` });
	assert.equal(ok.status, 200, ok.text);
	assert.match(ok.text, /^handoff_db_up 1$/m);
	// From the loopback too.
	const local = await scrape({ authorization: `Bearer ${metricsToken}` });
	assert.equal(local.status, 200);
	// The proxy's own hop is not the client: a forged loopback before
	// the real client's address does not open the door.
	const forged = await scrape({ 'x-forwarded-for':
	    '127.0.0.1, 203.0.113.7' });
	assert.equal(forged.status, 401);
});

test('metrics: a metrics token is refused everywhere else', async () => {
	const h = { authorization: `Bearer ${metricsToken}` };
	for (const [method, path, body] of [
		['GET', '/api/v1/people'], ['GET', '/api/v1/session'],
		['GET', '/api/v1/risks'], ['GET', '/api/v1/tokens'],
		['POST', '/api/v1/people', { name: 'N',
		    email: 'n-metrics@example.com', role: 'ds' }],
		['GET', '/'], ['GET', '/tokens'],
	]) {
		const r = await srv.request(method, path, { auth: false,
		    headers: h, body });
		assert.equal(r.status, 403, `${method} ${path}: ${r.text}`);
	}
	assert.match(srv.fullLog(), /event=refused user="ops@example\.com" .*detail="token scope: /);
	// Only an admin makes one through the API; the answer names it.
	const viewer = await srv.token('m-viewer@example.com', 'viewer');
	const refused = await srv.request('POST', '/api/v1/tokens', {
	    auth: false, headers: { authorization: `Bearer ${viewer}` },
	    body: { name: 'scrape', scope: 'metrics' } });
	assert.equal(refused.status, 403, refused.text);
	const made = await srv.api('POST', '/api/v1/tokens',
	    { name: 'scrape', scope: 'metrics' });
	assert.equal(made.status, 201, made.text);
	assert.equal(made.json.scope, 'metrics');
	const r = await scrape({ ...REMOTE,
	    authorization: `Bearer ${made.json.token}` });
	assert.equal(r.status, 200, r.text);
	// Revoked, it is nobody's.
	assert.equal((await srv.api('DELETE',
	    `/api/v1/tokens/${made.json.id}`)).status, 200);
	const gone = await scrape({ ...REMOTE,
	    authorization: `Bearer ${made.json.token}` });
	assert.equal(gone.status, 401);
});

test('metrics: with the database away, the loopback still reads the ' +
    'counters; a token cannot be checked', async () => {
	// Nothing listens there: every statement fails to connect.
	const down = new Server({ db: 'unused', env: {
	    HANDOFF_TRUSTED_PROXIES: '127.0.0.1' },
	    dsn: `host=127.0.0.1 port=${await freePort()} dbname=handoff ` +
	    'user=handoff connect_timeout=1' });
	try {
		await down.start();
		const r = await down.request('GET', '/metrics', { auth: false,
		    timeoutMs: 20000 });
		assert.equal(r.status, 200, r.text);
		const m = parse(r.text);
		assert.equal(v(m, 'handoff_db_up'), 0);
		assert.ok(v(m, 'handoff_db_errors_total') >= 1);
		assert.doesNotMatch(r.text, /handoff_open_risks/);
		const check = await promtool(r.text);
		assert.equal(check.code, 0, check.out);
		// Elsewhere, the token cannot be checked: no metrics.
		const t = await down.request('GET', '/metrics', { auth: false,
		    timeoutMs: 20000, headers: { ...REMOTE,
		    authorization: `Bearer ${metricsToken}` } });
		assert.equal(t.status, 503, t.text);
	} finally {
		await down.stop();
	}
});

// One connection for several requests in turn; each answer's status.
async function keptAlive() {
	const token = await srv.token();
	const sock = connect(srv.port, '127.0.0.1');
	await once(sock, 'connect');
	let buf = Buffer.alloc(0);
	let wake = null;
	sock.on('data', (d) => {
		buf = Buffer.concat([buf, d]);
		wake?.();
	});
	// The whole of one answer: its head, then Content-Length bytes.
	async function answer() {
		for (;;) {
			const end = buf.indexOf('\r\n\r\n');
			if (end >= 0) {
				const head = buf.subarray(0, end).toString();
				const n = Number(/content-length: *(\d+)/i
				    .exec(head)?.[1] ?? 0);
				if (buf.length >= end + 4 + n) {
					buf = buf.subarray(end + 4 + n);
					return Number(head.split(' ')[1]);
				}
			}
			await new Promise((ok) => { wake = ok; });
		}
	}
	return {
		get: (path) => {
			sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
			    `Authorization: Bearer ${token}\r\n\r\n`);
			return answer();
		},
		close: () => sock.destroy(),
	};
}

test('metrics: the counters outlive a reload of the module (SIGHUP)',
    async () => {
	const key = 'handoff_http_requests_total{pattern="/api/v1/people",' +
	    'status="200"}';
	await srv.api('GET', '/api/v1/people');
	const before = await sample();
	assert.ok(v(before, key) > 0);
	// A connection kept alive across the reload: its answers are sent
	// by a write function of this module's (reply.c), put back first.
	const kept = await keptAlive();
	assert.equal(await kept.get('/api/v1/people'), 200);
	process.kill(srv.pid, 'SIGHUP');
	// The parent and both workers load the module again (no chroot
	// here: the workers see the file).
	const reloads = () => srv.fullLog().split('\n').filter((l) =>
	    /reloaded '.*handoff\.so' module/.test(l)).length;
	for (let i = 0; i < 100 && reloads() < 3; i++)
		await sleep(100);
	assert.equal(reloads(), 3, 'the parent and two workers reloaded');
	assert.equal(await kept.get('/api/v1/people'), 200);
	kept.close();
	for (let i = 0; i < 4; i++) {
		const r = await rawHttp(srv.port, 'GET /metrics HTTP/1.1\r\n' +
		    'Host: 127.0.0.1\r\nConnection: close\r\n\r\n');
		assert.equal(r.status, 200);
		assert.ok(v(parse(r.body.toString()), key) >= v(before, key),
		    'not reset');
	}
});

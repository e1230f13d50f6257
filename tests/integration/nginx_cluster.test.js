// More than one instance: Debian's nginx with conf/nginx-handoff-cluster.conf
// terminating TLS (a certificate made for the run) in front of two handoff
// instances on one database.  The client connects from 127.0.0.5, nginx
// from 127.0.0.1 (the instances' HANDOFF_TRUSTED_PROXIES), so what each
// instance believes about the client can be told apart from the proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, eventually, freePort, psql, sleep, startServer }
    from '../lib/harness.js';
import { KICKOFF, LAUNCH, TODAY, createPerson } from '../lib/fixtures.js';
import { FORM_TYPE, formBody } from '../lib/security.js';

const CLIENT = '127.0.0.5';
const CONF = join(TOP, 'conf/nginx-handoff-cluster.conf');

let a;
let b;
let dir;
let ca;
const nginxes = [];
const logs = new Map();

function nginxBinary() {
	for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
		try {
			execFileSync(p, ['-v'], { stdio: 'ignore' });
			return p;
		} catch { /* not here */ }
	}
	return null;
}

// nginx with the cluster configuration over these upstream addresses.
async function startNginx(name, upstreams, { maxFails = 1 } = {}) {
	const bin = nginxBinary();
	assert.ok(bin, 'nginx is installed (src/tools/deps.sh test)');
	const port = await freePort();
	const d = join(dir, `nginx-${name}-${port}`);
	mkdirSync(join(d, 'tmp'), { recursive: true });
	let site = readFileSync(CONF, 'utf8')
	    .replace('listen 127.0.0.1:8443 ssl;', `listen 127.0.0.1:${port} ssl;`)
	    .replace('/etc/handoff/tls/server.crt', join(dir, 'certs/server.crt'))
	    .replace('/etc/handoff/tls/server.key', join(dir, 'certs/server.key'))
	    .replace(/\tserver 127\.0\.0\.1:8888 [^\n]*\n\tserver 127\.0\.0\.1:8889 [^\n]*\n/,
		upstreams.map((u) => `\tserver ${u} max_fails=${maxFails} ` +
		'fail_timeout=5s;\n').join(''));
	assert.ok(site.includes(`:${port} ssl;`) &&
	    upstreams.every((u) => site.includes(`server ${u} `)), site);
	site = site.replace('shared:handoff_tls:1m', `shared:tls_${name}:1m`);
	writeFileSync(join(d, 'site.conf'), site);
	const t = join(d, 'tmp');
	writeFileSync(join(d, 'nginx.conf'), `
daemon off;
master_process off;
pid ${d}/nginx.pid;
error_log ${d}/error.log info;
events { worker_connections 64; }
http {
	access_log ${d}/access.log;
	client_body_temp_path ${t}/body;
	proxy_temp_path ${t}/proxy;
	fastcgi_temp_path ${t}/fastcgi;
	uwsgi_temp_path ${t}/uwsgi;
	scgi_temp_path ${t}/scgi;
	include ${d}/site.conf;
}
`);
	const child = spawn(bin, ['-e', `${d}/error.log`, '-p', d, '-c',
	    `${d}/nginx.conf`], { stdio: ['ignore', 'inherit', 'inherit'],
	    detached: true });
	child.unref();
	nginxes.push(child);
	logs.set(port, `${d}/error.log`);
	for (let i = 0; i < 100; i++) {
		try {
			const r = await send(port, 'GET', '/healthz');
			if (r.status === 200)
				return port;
		} catch { /* not yet */ }
		await sleep(50);
	}
	throw new Error('nginx did not come up: ' +
	    readFileSync(`${d}/error.log`, 'utf8'));
}

// One HTTPS exchange through nginx, from CLIENT, trusting the run's CA.
function send(port, method, path, { headers = {}, body } = {}) {
	return new Promise((ok, fail) => {
		const req = httpsRequest({ host: '127.0.0.1', port, method, path,
		    ca, servername: 'localhost', localAddress: CLIENT,
		    agent: false, headers: { ...headers,
		    ...(body !== undefined ? { 'content-length':
		    Buffer.byteLength(body) } : {}) }, timeout: 15000 },
		(res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString();
				let json;
				try { json = JSON.parse(text); } catch { }
				ok({ status: res.statusCode, headers: res.headers,
				    text, json });
			});
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', fail);
		if (body !== undefined)
			req.write(body);
		req.end();
	});
}

// Straight to an instance over plain HTTP from another address.
function direct(srv, method, path, { headers = {}, body } = {}) {
	return new Promise((ok, fail) => {
		const req = httpRequest({ host: '127.0.0.1', port: srv.port,
		    method, path, localAddress: '127.0.0.7', agent: false,
		    headers: { ...headers, ...(body !== undefined ?
		    { 'content-length': Buffer.byteLength(body) } : {}) } },
		(res) => {
			res.resume();
			res.on('end', () => ok({ status: res.statusCode,
			    headers: res.headers }));
		});
		req.on('error', fail);
		if (body !== undefined)
			req.write(body);
		req.end();
	});
}

async function signInVia(port, email, password) {
	const r = await send(port, 'POST', '/login', { headers:
	    { 'content-type': FORM_TYPE }, body: formBody({ email, password,
	    next: '/tokens' }) });
	assert.equal(r.status, 303, `sign-in: ${r.status} ${r.text}`);
	const set = r.headers['set-cookie']?.[0];
	assert.ok(set, 'sign-in sets the session cookie');
	return set;
}

let port;

before(async () => {
	dir = join(process.env.HANDOFF_TEST_DIR, `cluster-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	execFileSync(join(TOP, 'tests/lib/make-certs.sh'), [join(dir, 'certs')]);
	ca = readFileSync(join(dir, 'certs/ca.crt'));
	const env = { HANDOFF_TODAY: TODAY, HANDOFF_TRUSTED_PROXIES: '127.0.0.1' };
	a = await startServer({ env: { ...env, HANDOFF_INSTANCE: 'alpha' } });
	b = await startServer({ db: a.db, env: { ...env,
	    HANDOFF_INSTANCE: 'beta' } });
	port = await startNginx('ab', [`127.0.0.1:${a.port}`,
	    `127.0.0.1:${b.port}`]);
	await a.account('nina@example.com', 'pm', 'nginx-cluster-1');
});

after(async () => {
	for (const n of nginxes) {
		if (n.exitCode === null) {
			try { process.kill(-n.pid, 'SIGTERM'); } catch { }
		}
	}
	await a?.stop();
	await b?.stop();
});

test('the configuration balances, retries only idempotent requests and ' +
    'passes the client on', () => {
	const conf = readFileSync(CONF, 'utf8');
	const code = conf.split('\n').map((l) => l.replace(/#.*/, ''))
	    .join('\n');
	const upstream = /upstream handoff_cluster \{([^}]*)\}/.exec(code);
	assert.ok(upstream, 'an upstream block');
	assert.ok((upstream[1].match(/^\s*server /gm) ?? []).length >= 2,
	    'two instances or more');
	assert.match(code, /proxy_next_upstream error timeout http_502 http_503;/);
	assert.doesNotMatch(code, /non_idempotent/,
	    'a write an instance received is never sent to another');
	assert.match(conf, /#[^\n]*"non_idempotent" is NOT in/);
	assert.match(code, /listen [^;]* ssl;/);
	for (const h of ['X-Forwarded-For \\$remote_addr',
	    'X-Forwarded-Proto \\$scheme', 'X-Request-Id \\$request_id'])
		assert.match(code, new RegExp(`proxy_set_header ${h};`));
});

test('signed in through nginx over TLS: a Secure cookie, the session good ' +
    'on both instances', async () => {
	const cookie = await signInVia(port, 'nina@example.com',
	    'nginx-cluster-1');
	assert.match(cookie, /; Secure/);
	assert.match(cookie, /HttpOnly/);
	const seen = new Set();
	for (let i = 0; i < 8; i++) {
		const r = await send(port, 'GET', '/api/v1/session',
		    { headers: { cookie: cookie.split(';')[0] } });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.user.email, 'nina@example.com');
		assert.match(r.headers['strict-transport-security'] ?? '',
		    /max-age=/);
		seen.add(r.headers['x-handoff-instance']);
	}
	assert.deepEqual([...seen].sort(), ['alpha', 'beta']);
});

test('X-Forwarded-Proto and X-Forwarded-For from an untrusted address mean ' +
    'nothing', async () => {
	const r = await direct(a, 'POST', '/login', { headers: {
	    'content-type': FORM_TYPE, 'x-forwarded-proto': 'https',
	    'x-forwarded-for': '203.0.113.9' }, body: formBody({
	    email: 'nina@example.com', password: 'nginx-cluster-1',
	    next: '/' }) });
	assert.equal(r.status, 303);
	const set = r.headers['set-cookie']?.[0] ?? '';
	assert.match(set, /^handoff_session=/);
	assert.doesNotMatch(set, /Secure/);
	assert.equal(r.headers['strict-transport-security'], undefined);
	assert.equal(r.headers['x-handoff-instance'], 'alpha');
	assert.ok(await eventually(() => /event=request [^\n]*method=POST route="\/login" [^\n]*addr=127\.0\.0\.7$/m
	    .test(a.fullLog()), 5000), a.log());
	assert.doesNotMatch(a.fullLog(), /addr=203\.0\.113\.9/);
});

test('the request log and the sign-in budget see the client, not nginx',
    async () => {
	const ids = [];
	for (let i = 0; i < 4; i++) {
		const r = await send(port, 'POST', '/login', { headers: {
		    'content-type': FORM_TYPE }, body: formBody({
		    email: 'nina@example.com', password: 'wrong-password',
		    next: '/' }) });
		assert.ok([200, 401].includes(r.status), `${r.status} ${r.text}`);
		ids.push(r.headers['x-request-id']);
	}
	// Each answer's line, found by nginx's request id, names the client.
	let lines = [];
	assert.ok(await eventually(() => {
		lines = (a.fullLog() + b.fullLog()).split('\n').filter((l) =>
		    ids.some((id) => l.includes(`event=request req=${id} `)));
		return lines.length === ids.length;
	}, 5000), `${ids}\n${lines.join('\n')}`);
	for (const l of lines) {
		assert.match(l, /method=POST route="\/login" /);
		assert.match(l, new RegExp(`addr=${CLIENT.replaceAll('.', '\\.')}$`));
	}
	const budgets = await psql("SELECT string_agg(key, ',' ORDER BY key) " +
	    "FROM login_budgets WHERE key LIKE 'address %'", { db: a.db });
	assert.match(budgets, /address 127\.0\.0\.5/);
	assert.doesNotMatch(budgets, /address 127\.0\.0\.1\b/);
	const failed = await psql("SELECT failed_logins FROM users WHERE " +
	    "email = 'nina@example.com'", { db: a.db });
	assert.ok(Number(failed) >= 4, `failed_logins ${failed}`);
	await psql("UPDATE users SET failed_logins = 0, locked_until = NULL " +
	    "WHERE email = 'nina@example.com'", { db: a.db });
});

test('one instance stopped: reads keep succeeding, a write sent again with ' +
    'its key is made once', async () => {
	const token = await a.token();
	const pm = await createPerson(a, { role: 'pm' });
	await b.stop();
	for (let i = 0; i < 12; i++) {
		const r = await send(port, 'GET', '/api/v1/projects', { headers:
		    { authorization: `Bearer ${token}` } });
		assert.equal(r.status, 200, `GET ${i}: ${r.status} ${r.text}`);
		assert.equal(r.headers['x-handoff-instance'], 'alpha');
	}
	const name = `Through nginx ${randomUUID()}`;
	const key = randomUUID();
	const body = JSON.stringify({ name, pm_id: pm.id, kickoff_on: KICKOFF,
	    target_launch_on: LAUNCH });
	let r;
	for (let i = 0; i < 3; i++) {
		r = await send(port, 'POST', '/api/v1/projects', { headers: {
		    authorization: `Bearer ${token}`,
		    'content-type': 'application/json',
		    'idempotency-key': key }, body });
		if (r.status !== 502)
			break;
	}
	assert.equal(r.status, 201, r.text);
	assert.equal(await psql(`SELECT count(*) FROM project_versions
	    WHERE name = '${name}'`, { db: a.db }), '1');
});

test('a POST whose instance dies mid-request is a 502, not sent to another',
    async () => {
	// An "instance" that reads the request and dies without answering.
	let received = 0;
	const dying = createServer((sock) => {
		sock.on('data', () => {
			received++;
			sock.destroy();
		});
	});
	await new Promise((ok) => dying.listen(0, '127.0.0.1', ok));
	const deadPort = dying.address().port;
	// max_fails=0: the dying one stays in the rotation (with the
	// configuration's 1 it would sit out 5 s after its first failure);
	// round robin then sends every other POST to it.
	const p2 = await startNginx('dying', [`127.0.0.1:${deadPort}`,
	    `127.0.0.1:${a.port}`], { maxFails: 0 });
	const token = await a.token();
	const pm = await createPerson(a, { role: 'pm' });
	const names = [];
	const statuses = [];
	for (let i = 0; i < 4; i++) {
		const name = `Dying ${i} ${randomUUID()}`;
		names.push(name);
		const before = received;
		const r = await send(p2, 'POST', '/api/v1/projects', { headers: {
		    authorization: `Bearer ${token}`,
		    'content-type': 'application/json' },
		    body: JSON.stringify({ name, pm_id: pm.id,
		    kickoff_on: KICKOFF, target_launch_on: LAUNCH }) });
		statuses.push(r.status);
		const n = Number(await psql(`SELECT count(*) FROM project_versions
		    WHERE name = '${name}'`, { db: a.db }));
		if (received > before) {
			// It reached the dying one: not sent on to alpha.
			assert.equal(r.status, 502, r.text);
			assert.equal(r.json.error.code, 'bad_gateway');
			assert.equal(n, 0, 'never made by another instance');
		} else {
			assert.equal(r.status, 201, r.text);
			assert.equal(n, 1);
		}
	}
	// A GET that reaches the dying one is retried on alpha.
	const before = received;
	for (let i = 0; i < 4; i++) {
		const g = await send(p2, 'GET', '/api/v1/projects', { headers:
		    { authorization: `Bearer ${token}` } });
		assert.equal(g.status, 200, g.text);
		assert.equal(g.headers['x-handoff-instance'], 'alpha');
	}
	assert.ok(received > before, 'a GET reached the dying one too');
	assert.ok(received > 0, `the dying instance got a request: ${statuses}` +
	    readFileSync(logs.get(p2), 'utf8').slice(-3000));
	assert.ok(statuses.includes(502), `${statuses}`);
	dying.close();
});

// The production set-up: Debian's nginx with conf/nginx-handoff.conf in
// front of a real kore.  What Kore 4.1.0's own parser gets wrong (pipelined
// requests, two Content-Lengths, chunked bodies, huge headers) is answered
// properly through nginx; what nginx passes on (many headers) meets the
// module's own 431.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, freePort, sleep } from '../lib/harness.js';
import { startApi, createProject } from '../lib/fixtures.js';
import { rawHttp } from '../lib/security.js';

let srv;
let nginx;
let port;
let token;

function nginxBinary() {
	for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
		try {
			execFileSync(p, ['-v'], { stdio: 'ignore' });
			return p;
		} catch { /* not here */ }
	}
	return null;
}

before(async () => {
	srv = await startApi();
	token = await srv.token();
	const bin = nginxBinary();
	assert.ok(bin, 'nginx is installed (src/tools/deps.sh test)');
	port = await freePort();
	const dir = join(process.env.HANDOFF_TEST_DIR, `nginx-${port}`);
	mkdirSync(join(dir, 'tmp'), { recursive: true });
	const site = readFileSync(join(TOP, 'conf/nginx-handoff.conf'), 'utf8')
	    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`)
	    .replace('server 127.0.0.1:8888;', `server 127.0.0.1:${srv.port};`);
	assert.ok(site.includes(`:${port};`) && site.includes(`:${srv.port};`));
	writeFileSync(join(dir, 'site.conf'), site);
	const t = join(dir, 'tmp');
	writeFileSync(join(dir, 'nginx.conf'), `
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 64; }
http {
	access_log ${dir}/access.log;
	client_body_temp_path ${t}/body;
	proxy_temp_path ${t}/proxy;
	fastcgi_temp_path ${t}/fastcgi;
	uwsgi_temp_path ${t}/uwsgi;
	scgi_temp_path ${t}/scgi;
	include ${dir}/site.conf;
}
`);
	nginx = spawn(bin, ['-e', `${dir}/error.log`, '-p', dir, '-c',
	    `${dir}/nginx.conf`], { stdio: ['ignore', 'inherit', 'inherit'],
	    detached: true });
	nginx.unref();
	for (let i = 0; i < 100; i++) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (r.status === 200)
				return;
		} catch { /* not yet */ }
		await sleep(50);
	}
	throw new Error('nginx did not come up: ' +
	    readFileSync(`${dir}/error.log`, 'utf8'));
});
after(async () => {
	if (nginx && nginx.exitCode === null) {
		try { process.kill(-nginx.pid, 'SIGTERM'); } catch { }
	}
	await srv?.stop();
});

const send = (bytes) => rawHttp(port, bytes, { timeoutMs: 5000 });

// Every answer in the stream: status and body of each.
function answers(buf) {
	const out = [];
	let s = buf.toString('latin1');
	for (;;) {
		const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/.exec(s);
		if (!m)
			break;
		const len = Number(/content-length: *(\d+)/i.exec(m[2])?.[1] ?? 0);
		const start = m[0].length;
		out.push({ status: Number(m[1]), head: m[2],
		    body: s.slice(start, start + len) });
		s = s.slice(start + len);
	}
	return out;
}

function assertShared(a, status, code) {
	assert.equal(a.status, status, a.head + a.body);
	const doc = JSON.parse(a.body);
	assert.equal(doc.error.code, code, a.body);
	assert.match(a.head, /x-content-type-options: nosniff/i);
	assert.match(a.head, /content-security-policy: .*frame-ancestors 'none'/i);
	assert.match(a.head, /x-request-id: \S+/i);
}

test('pipelined requests, a POST with a stray CRLF after its body: every ' +
    'one answered through nginx', async () => {
	const body = JSON.stringify({ email: 'nobody@example.com',
	    password: 'wrong-password' });
	const r = await send(
	    'GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n' +
	    'POST /api/v1/session HTTP/1.1\r\nHost: x\r\n' +
	    'Content-Type: application/json\r\n' +
	    `Content-Length: ${body.length}\r\n\r\n${body}\r\n` +
	    'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
	assert.ok(!r.timedOut, 'answered without waiting for a timeout');
	const a = answers(r.raw);
	assert.deepEqual(a.map((x) => x.status), [200, 401, 200],
	    r.raw.toString('latin1'));
});

test('two different Content-Lengths, or one with Transfer-Encoding, are ' +
    '400 in the shared format', async () => {
	for (const extra of ['Content-Length: 2\r\nContent-Length: 40\r\n',
	    'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n']) {
		const r = await send('POST /api/v1/session HTTP/1.1\r\n' +
		    'Host: x\r\nContent-Type: application/json\r\n' + extra +
		    'Connection: close\r\n\r\n{}');
		assertShared(answers(r.raw)[0], 400, 'bad_request');
	}
});

test('a chunked body is read whole and reaches kore with a length',
    async () => {
	const p = await createProject(srv);
	const body = JSON.stringify({ name: 'Chunked' });
	const r = await send(`PATCH /api/v1/projects/${p.id} HTTP/1.1\r\n` +
	    `Host: x\r\nAuthorization: Bearer ${token}\r\n` +
	    'Content-Type: application/json\r\nIf-Match: "1"\r\n' +
	    'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
	    `5\r\n${body.slice(0, 5)}\r\n${(body.length - 5).toString(16)}` +
	    `\r\n${body.slice(5)}\r\n0\r\n\r\n`);
	const a = answers(r.raw)[0];
	assert.equal(a.status, 200, a.head + a.body);
	assert.equal(JSON.parse(a.body).name, 'Chunked');
});

test('a header over 8 KiB and a very long URL get a 4xx, not a reset',
    async () => {
	const big = await send('GET /healthz HTTP/1.1\r\nHost: x\r\n' +
	    `X-Big: ${'a'.repeat(9000)}\r\nConnection: close\r\n\r\n`);
	assertShared(answers(big.raw)[0], 431, 'header_too_large');
	const url = await send(`GET /healthz?${'a'.repeat(9000)} HTTP/1.1\r\n` +
	    'Host: x\r\nConnection: close\r\n\r\n');
	const a = answers(url.raw)[0];
	assert.ok([414, 431].includes(a.status), a.head);
	assert.ok(JSON.parse(a.body).error.code);
	// Straight to kore the same header is a reset or an empty answer.
	const direct = await rawHttp(srv.port, 'GET /healthz HTTP/1.1\r\n' +
	    `Host: x\r\nX-Big: ${'a'.repeat(9000)}\r\n` +
	    'Connection: close\r\n\r\n').catch((e) => ({ error: e.code }));
	assert.ok(direct.error || direct.body.length === 0,
	    JSON.stringify(direct.head));
});

test('many headers: nginx passes them all on, and kore\'s module answers ' +
    '431 rather than lose one', async () => {
	const fillers = Array.from({ length: 30 }, (_, i) =>
	    `X-Filler-${i}: ${i}\r\n`).join('');
	const r = await send('GET /healthz HTTP/1.1\r\nHost: x\r\n' +
	    fillers + 'Connection: close\r\n\r\n');
	assertShared(answers(r.raw)[0], 431, 'too_many_headers');
});

test('a body over 1 MiB is 413 from nginx in the shared format',
    async () => {
	const r = await send('POST /api/v1/session HTTP/1.1\r\nHost: x\r\n' +
	    'Content-Type: application/json\r\n' +
	    'Content-Length: 2000000\r\nConnection: close\r\n\r\n{');
	assertShared(answers(r.raw)[0], 413, 'too_large');
});

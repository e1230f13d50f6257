// Debian's nginx with conf/nginx-handoff-cluster.conf in front of handoff
// instances on loopback, TLS with the run's own certificate (the pattern of
// tests/integration/nginx_cluster.test.js, for the tests that need it too).
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, freePort, sleep } from './harness.js';

const CONF = join(TOP, 'conf/nginx-handoff-cluster.conf');

export function nginxBinary() {
	for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
		try {
			execFileSync(p, ['-v'], { stdio: 'ignore' });
			return p;
		} catch { /* not here */ }
	}
	return null;
}

// A proxy of its own under dir (certificates made there once) over the
// upstream addresses.  stop() ends it.
export async function startNginx(dir, name, upstreams) {
	const bin = nginxBinary();
	assert.ok(bin, 'nginx is installed (src/tools/deps.sh test)');
	const certs = join(dir, 'certs');
	try {
		readFileSync(join(certs, 'ca.crt'));
	} catch {
		execFileSync(join(TOP, 'tests/lib/make-certs.sh'), [certs]);
	}
	const ca = readFileSync(join(certs, 'ca.crt'));
	const port = await freePort();
	const d = join(dir, `nginx-${name}-${port}`);
	mkdirSync(join(d, 'tmp'), { recursive: true });
	let site = readFileSync(CONF, 'utf8')
	    .replace('listen 127.0.0.1:8443 ssl;', `listen 127.0.0.1:${port} ssl;`)
	    .replace('/etc/handoff/tls/server.crt', join(certs, 'server.crt'))
	    .replace('/etc/handoff/tls/server.key', join(certs, 'server.key'))
	    .replace(/\tserver 127\.0\.0\.1:8888 [^\n]*\n\tserver 127\.0\.0\.1:8889 [^\n]*\n/,
		upstreams.map((u) => `\tserver ${u} max_fails=1 ` +
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
events { worker_connections 256; }
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
	const proxy = {
		port, ca, dir: d,
		send: (method, path, opts) => send(port, ca, method, path, opts),
		stop() {
			if (child.exitCode === null) {
				try { process.kill(-child.pid, 'SIGTERM'); } catch { }
			}
		},
	};
	for (let i = 0; i < 100; i++) {
		try {
			const r = await proxy.send('GET', '/healthz');
			if (r.status === 200)
				return proxy;
		} catch { /* not yet */ }
		await sleep(50);
	}
	proxy.stop();
	throw new Error('nginx did not come up: ' +
	    readFileSync(`${d}/error.log`, 'utf8'));
}

// One HTTPS exchange through nginx, trusting the run's CA.
export function send(port, ca, method, path, { headers = {}, body } = {}) {
	return new Promise((ok, fail) => {
		const req = httpsRequest({ host: '127.0.0.1', port, method, path,
		    ca, servername: 'localhost', agent: false, headers: {
		    ...headers, ...(body !== undefined ? { 'content-length':
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

// A browser's cookies: what Set-Cookie said, sent back (Max-Age=0 drops).
export class CookieJar {
	constructor() {
		this.jar = new Map();
	}

	take(r) {
		for (const c of r.headers['set-cookie'] ?? []) {
			const [pair] = c.split(';');
			const i = pair.indexOf('=');
			const name = pair.slice(0, i);
			if (/;\s*Max-Age=0\b/i.test(c) || pair.slice(i + 1) === '')
				this.jar.delete(name);
			else
				this.jar.set(name, pair.slice(i + 1));
		}
		return r;
	}

	get(name) {
		return this.jar.get(name);
	}

	header() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}
}
